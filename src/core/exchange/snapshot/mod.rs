//! Snapshot files: everything (or one project) as one JSON file that another
//! laptop can merge without losing anything. The format is documented in
//! `docs/snapshot-format.md` and `docs/snapshot.schema.json`.
//!
//! Guarantees: [`read`] never panics and changes nothing; it refuses a bad
//! file with a [`SnapshotError`] that says what and where; files from older
//! versions go through [`migrate`], newer minor versions keep the fields and
//! record types they add, a newer major version is refused; export →
//! read → export gives the same bytes.

mod error;
mod export;
mod migrate;
mod outgoing;
mod plan;
pub mod public;
mod read;
mod reading;
mod scan;

pub use error::{RecordProblem, RecordRef, SnapshotError};
pub use export::{export, file_name, part_file_name, ExportInfo, Part};
pub use migrate::{migrate, Migration, MIGRATIONS};
pub use outgoing::{export_checked, stamps_ahead, OutgoingProblem};
pub use plan::{
    confirm_write, plan_import, plan_import_by, plan_import_consuming, Change, FieldChange,
    ImportPlan, Me, Planning,
};
pub use read::{read, ClockAhead, Incoming, IncomingInfo, Item};
pub use reading::Reading;

/// The header's `part` of a file saved for publishing.
pub const PUBLIC_PART: &str = "public";

/// The format name every snapshot carries, so another JSON file is never
/// mistaken for one.
pub const FORMAT: &str = "maltavla-snapshot";

/// The format version this app writes: a major version that older apps
/// refuse, and a minor version that only adds fields or record types.
pub const VERSION: (u32, u32) = (1, 8);

/// The largest file read (about five times a förbund's ten years with a
/// million participation records).
pub const MAX_BYTES: usize = 512 * 1024 * 1024;

pub use crate::core::clock::MAX_MILLIS;
