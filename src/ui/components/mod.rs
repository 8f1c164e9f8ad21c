//! Small reusable views: form controls, the period picker, charts with their
//! tables, delete confirmation, the page frame.

pub mod chart_figure;
pub mod confirm_delete;
pub mod form;
pub mod layout;
pub mod period_picker;
pub mod scope_figures;
