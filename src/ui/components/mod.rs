//! Views that more than one page shows (or that a page would drown in),
//! written once here so that a page file holds only what is its own. Form
//! controls are not here but beside the forms, in `ui/forms`.

pub mod board_charts;
pub mod chart_figure;
pub mod comment_view;
pub mod confirm_delete;
pub mod csv_import;
pub mod download_failure;
pub mod financing_table;
pub mod first_steps;
pub mod flow_panel;
pub mod goal_table;
pub mod layout;
pub mod meeting_calendar;
pub mod meeting_figures;
pub mod occupancy_figure;
pub mod participation_row;
pub mod period_picker;
pub mod quick_meetings;
pub mod record_list;
pub mod scope_figures;
pub mod scroll_table;
pub mod status;
pub mod sync_settings;
pub mod work_progress;
