//! Why a snapshot file was refused, precisely enough for the UI to say what
//! and where in Swedish or English.

use std::fmt;

/// What is wrong with one record of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not `{"<type>": {"meta": …, …}}`.
    NotARecord,
    /// A required field is missing (`meta.id`, `name`, …).
    MissingField(String),
    /// A field has a value the model does not accept; the field when it
    /// could be found, and the model's reason.
    BadValue {
        /// The field, if found.
        field: Option<String>,
        /// The model's reason, in English (shown as a detail).
        detail: String,
    },
    /// A clock stamp after the year 9999.
    BadStamp,
    /// A text (or a list of texts) holds what reads as a personal identity
    /// or coordination number; `field` is the record's field it is in
    /// (`meta` for the bookkeeping).
    PersonalNumber { field: String },
    /// A text longer than any form accepts
    /// ([`crate::core::validate::MAX_TEXT_CHARS`] characters).
    TextTooLong {
        field: String,
        /// The longest the app accepts, in characters.
        max: usize,
    },
}

/// A record of a file, for a message: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    /// Position in `records`, from 1.
    pub index: usize,
    /// Its type tag.
    pub kind: String,
    pub id: String,
}

/// Why a snapshot file was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The file is larger than [`super::MAX_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Not JSON (or cut off: `truncated`), with where reading stopped.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The file ends in the middle of the JSON.
        truncated: bool,
    },
    /// Nested deeper than any snapshot is.
    TooDeep,
    /// JSON, but not a Måltavla snapshot (no or another `format`).
    NotASnapshot,
    /// The `version` is missing or not "major.minor".
    BadVersion(String),
    /// Written by a newer major version of the app.
    NewerVersion(String),
    /// An older version could not be brought up to date.
    Migration {
        /// The major version the step started from.
        from: u32,
        /// Why it failed.
        reason: String,
    },
    /// The `records` list is missing or not a list.
    MissingRecords,
    /// More records than any förbund has.
    TooManyRecords(usize),
    /// One record is invalid.
    BadRecord {
        /// Position in `records`, from 1.
        index: usize,
        /// Its type tag, if readable.
        kind: Option<String>,
        /// Its id, if readable.
        id: Option<String>,
        /// What is wrong.
        problem: RecordProblem,
    },
    /// Two records share an id.
    DuplicateId {
        id: String,
        /// Positions, from 1.
        first: usize,
        /// Positions, from 1.
        second: usize,
    },
    /// Records carry clock stamps further ahead of this device's clock than
    /// [`crate::core::clock::MAX_AHEAD_MILLIS`]: the clock of the device
    /// that wrote them ran ahead (see `core::clock`).
    ClockAhead {
        /// The device whose stamp is furthest ahead.
        device: String,
        /// How far ahead that stamp is, in milliseconds.
        ahead_millis: u64,
        /// How many records carry a stamp too far ahead.
        records: usize,
        /// The first of them.
        first: RecordRef,
    },
    /// A record has the id of a record of another type here.
    KindClash {
        id: String,
        /// The type held here.
        ours: String,
        /// The type in the file.
        theirs: String,
    },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for SnapshotError {}
