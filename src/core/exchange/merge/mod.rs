//! Lossless merging of records written on different devices.
//!
//! Guarantees: per field, the newest write wins everywhere; values that lose
//! to a concurrent edit come back as [`Conflict`]s for the user to restore;
//! records and fields this version does not know pass through untouched.

mod conflict_log;
mod edit;
mod record;
mod restamp;
mod view;

pub use conflict_log::{log_entry, UnwritableConflict};
pub use edit::overwritten_by_edit;
pub use record::{
    apply_edit, apply_first_write, dominates, merge_records, merge_views, newest_lost_first,
    strictly_includes, Conflict, EditError, Merged,
};
pub use restamp::{needs_restamp, restamp};
pub use view::{known_fields, FieldView, ViewError, DELETED, KNOWN_KINDS};
