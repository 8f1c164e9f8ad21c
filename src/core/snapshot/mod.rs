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
mod plan;
pub mod public;
mod read;

pub use error::{RecordProblem, SnapshotError};
pub use export::{export, file_name, part_file_name, ExportInfo, Part};
pub use migrate::{migrate, Migration, MIGRATIONS};
pub use plan::{plan_import, plan_import_consuming, Change, FieldChange, ImportPlan};
pub use read::{read, Incoming, IncomingInfo, Item};

/// The header's `part` of a file saved for publishing.
pub const PUBLIC_PART: &str = "public";

/// The format name every snapshot carries, so another JSON file is never
/// mistaken for one.
pub const FORMAT: &str = "maltavla-snapshot";

/// The format version this app writes: a major version that older apps
/// refuse, and a minor version that only adds fields or record types.
pub const VERSION: (u32, u32) = (1, 4);

/// The largest file read (about five times a förbund's ten years with a
/// million participation records).
pub const MAX_BYTES: usize = 512 * 1024 * 1024;

/// How far ahead of this device's clock a stamp may be before it is
/// reported; the device's own clock never follows further (compare Actual
/// Budget's drift limit).
pub const MAX_DRIFT_MILLIS: u64 = 5 * 60 * 1000;

/// The latest clock reading we accept at all: the last millisecond of the
/// year 9999.
pub const MAX_MILLIS: u64 = 253_402_300_799_999;
