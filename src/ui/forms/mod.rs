//! Forms that create and edit records, and what they are made of: the
//! controls (`controls`, `choice`) and the submit and frame every record
//! form shares (`submit`). Each form holds raw text in signals, hands a
//! draft to the core's validation, and commits only what passes.

pub mod choice;
pub mod comment_form;
pub mod controls;
pub mod figure_form;
pub mod financing;
pub mod indicator_form;
pub mod insats_form;
pub mod meeting_form;
pub mod project_form;
pub mod slot_form;
pub mod submit;
