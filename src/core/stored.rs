//! How one record is written to the browser's database: a JSON text with a
//! schema version, so a later version of the app can migrate what an earlier
//! one stored.
//!
//! Guarantees: [`decode`] never panics, whatever the stored text; a record
//! that cannot be read is reported with its reason and skipped by
//! [`decode_all`], never fatal to loading the rest; records and fields of
//! types a newer version wrote are stored and read back unchanged.

use crate::core::exchange::merge::FieldView;
use crate::core::exchange::snapshot::Item;
use crate::core::model::Record;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the stored record format this app writes.
pub const STORED_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Envelope {
    schema: u32,
    record: serde_json::Value,
}

/// The envelope with its record's text as stored, for the quick way.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    schema: u32,
    #[serde(borrow)]
    record: &'a serde_json::value::RawValue,
}

#[derive(Deserialize)]
struct OwnedEnvelope {
    schema: u32,
    record: serde_json::Value,
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoredError {
    /// The text is not the envelope JSON.
    NotJson(String),
    /// Written by a newer app with a schema this one does not know.
    NewerSchema(u32),
    /// The record inside does not match the model.
    BadRecord(String),
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::NotJson(e) => write!(f, "stored text is not a record envelope: {e}"),
            StoredError::NewerSchema(v) => write!(f, "stored with newer schema {v}"),
            StoredError::BadRecord(e) => write!(f, "stored record is invalid: {e}"),
        }
    }
}

impl std::error::Error for StoredError {}

/// The text to store for a record of any type.
pub fn encode_view(view: &FieldView) -> String {
    let envelope = Envelope {
        schema: STORED_SCHEMA,
        record: view.to_json(),
    };
    // Serialising JSON values cannot fail: all keys are strings and all
    // numbers are finite.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The text to store for a record.
pub fn encode(record: &Record) -> String {
    encode_view(&FieldView::from_record(record))
}

/// Reads a stored record: typed when this version knows its type. A record
/// of a known type with only known fields is read straight from its text
/// (see [`record_text`](super::record_text)); anything else the long way.
pub fn decode(text: &str) -> Result<Item, StoredError> {
    if let Ok(raw) = serde_json::from_str::<RawEnvelope>(text) {
        if raw.schema <= STORED_SCHEMA {
            if let Some(record) = super::record_text::known_record(raw.record.get()) {
                return Ok(Item::Known(record));
            }
        }
    }
    let envelope: OwnedEnvelope =
        serde_json::from_str(text).map_err(|e| StoredError::NotJson(e.to_string()))?;
    if envelope.schema > STORED_SCHEMA {
        return Err(StoredError::NewerSchema(envelope.schema));
    }
    let view =
        FieldView::from_json(envelope.record).map_err(|e| StoredError::BadRecord(e.to_string()))?;
    match view.to_record() {
        Ok(Some(r)) => Ok(Item::Known(r)),
        Ok(None) => Ok(Item::Other(view)),
        Err(e) => Err(StoredError::BadRecord(e.to_string())),
    }
}

/// The stored copy a write goes on top of: `None` where nothing is stored.
/// A stored text this version cannot read (written by a newer version, or
/// damaged) is an error, never "nothing stored": writing as if it were
/// absent would overwrite a record this version cannot even see.
pub fn copy_for_write(text: Option<&str>) -> Result<Option<FieldView>, StoredError> {
    text.map(|t| decode(t).map(|item| item.view())).transpose()
}

/// The data format this version reads and writes, as the mark a tab
/// leaves for the others: the snapshot format and the stored record schema
/// (`1.3/1`).
pub fn format_mark() -> String {
    let (major, minor) = crate::core::exchange::snapshot::VERSION;
    format!("{major}.{minor}/{STORED_SCHEMA}")
}

/// Whether a mark left by another tab comes from a newer version of the
/// app than this one: then this tab, an older version still open, must
/// stop writing until it is reloaded. A mark that cannot be read is no
/// reason to stop.
pub fn is_newer_mark(mark: &str) -> bool {
    let parse = |m: &str| -> Option<(u32, u32, u32)> {
        let (version, schema) = m.split_once('/')?;
        let (major, minor) = version.split_once('.')?;
        Some((
            major.parse().ok()?,
            minor.parse().ok()?,
            schema.parse().ok()?,
        ))
    };
    match (parse(mark), parse(&format_mark())) {
        (Some(theirs), Some(ours)) => theirs > ours,
        _ => false,
    }
}

/// What loading the stored records found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The records that could be read.
    pub records: Vec<Item>,
    /// The ones that could not, with the reason.
    pub skipped: Vec<StoredError>,
}

/// Reads every stored text, keeping the good records and the reasons for the
/// bad ones.
pub fn decode_all(texts: impl IntoIterator<Item = String>) -> Loaded {
    let mut loaded = Loaded::default();
    for text in texts {
        match decode(&text) {
            Ok(r) => loaded.records.push(r),
            Err(e) => loaded.skipped.push(e),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    #[test]
    fn every_demo_record_round_trips_through_storage() {
        for r in demo::workspace().records() {
            assert_eq!(decode(&encode(&r)).unwrap(), Item::Known(r));
        }
    }

    #[test]
    fn a_stored_record_reads_as_documented() {
        let text = encode(&demo::workspace().records()[1]);
        assert!(text.starts_with(r#"{"schema":1,"record":{"municipality":{"meta":{"id":"demo-haninge","stamp":{"device":"demo","hlc":["#), "{text}");
    }

    #[test]
    fn a_record_stored_by_a_newer_version_is_never_taken_for_an_empty_place() {
        let newer = r#"{"schema":99,"record":{"municipality":{}}}"#;
        assert_eq!(
            copy_for_write(Some(newer)),
            Err(StoredError::NewerSchema(99))
        );
        assert!(copy_for_write(Some("{")).is_err());
        assert_eq!(copy_for_write(None), Ok(None));
        let good = encode(&demo::workspace().records()[0]);
        assert!(matches!(copy_for_write(Some(&good)), Ok(Some(_))));
    }

    #[test]
    fn a_mark_from_a_newer_version_is_told_apart_from_this_ones() {
        assert!(!is_newer_mark(&format_mark()));
        let (major, minor) = crate::core::exchange::snapshot::VERSION;
        assert!(is_newer_mark("1.99/1"));
        assert!(is_newer_mark(&format!(
            "{major}.{minor}/{}",
            STORED_SCHEMA + 1
        )));
        assert!(is_newer_mark("2.0/1"));
        assert!(!is_newer_mark("1.0/1"));
        assert!(!is_newer_mark("garbage"));
    }

    #[test]
    fn bad_stored_texts_are_skipped_with_a_reason() {
        let good = encode(&demo::workspace().records()[0]);
        let loaded = decode_all([
            good,
            "{".into(),
            r#"{"schema":99,"record":{}}"#.into(),
            r#"{"schema":1,"record":{"target":{"meta":{}}}}"#.into(),
        ]);
        assert_eq!(loaded.records.len(), 1);
        assert!(matches!(loaded.skipped[0], StoredError::NotJson(_)));
        assert_eq!(loaded.skipped[1], StoredError::NewerSchema(99));
        assert!(matches!(loaded.skipped[2], StoredError::BadRecord(_)));
    }
}
