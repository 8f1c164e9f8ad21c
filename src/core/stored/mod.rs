//! How records are kept in the browser's database, so a later version of
//! the app can read and migrate what an earlier one stored.
//!
//! The layout (schema 2): records are grouped by a hash of their id into at
//! most [`BUCKETS`](bucket::BUCKETS) values, each a JSON text
//! `{"schema":2,"records":{"<id>":<record>,…}}` where `<record>` is the
//! record as in a snapshot file (`{"insats":{"meta":…,…}}`). An import of
//! 100 000 records writes about a thousand values, not 100 000; a write of
//! one record rewrites its bucket, splicing the other records' texts
//! unchanged. Schema 1 kept each record as its own value
//! `{"schema":1,"record":<record>}`; [`legacy`] reads it and moves it into
//! buckets.
//!
//! Guarantees: decoding never panics, whatever the stored text; a record
//! that cannot be read is reported with its reason and skipped by
//! [`load`], never fatal to loading the rest, and never overwritten by a
//! write ([`bucket::Buckets::copy_for_write`]); records and fields of types
//! a newer version wrote are stored and read back unchanged.

pub mod bucket;
pub mod legacy;

use crate::core::exchange::merge::FieldView;
use crate::core::exchange::snapshot::Item;
use crate::core::model::Record;
use std::fmt;

/// The version of the storage layout this app writes.
pub const STORED_SCHEMA: u32 = 2;

/// Why stored records could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoredError {
    /// The text is not the stored JSON (a bucket, or a schema 1 envelope).
    NotJson(String),
    /// Written by a newer app with a schema this one does not know.
    NewerSchema(u32),
    /// The record inside does not match the model.
    BadRecord(String),
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::NotJson(e) => write!(f, "stored text is not a record bucket: {e}"),
            StoredError::NewerSchema(v) => write!(f, "stored with newer schema {v}"),
            StoredError::BadRecord(e) => write!(f, "stored record is invalid: {e}"),
        }
    }
}

impl std::error::Error for StoredError {}

/// The stored text of one record: the record as in a snapshot file.
pub fn encode_record(view: &FieldView) -> String {
    view.to_json_text()
}

/// The stored text of a typed record without making its field view: the
/// JSON of [`encode_record`] of its view (only `meta`'s keys come in
/// another order). `None` for a record that holds fields of a newer
/// version ([`Meta::extra`](crate::core::model::Meta), which only a view
/// writes) or that does not serialise; such a record goes through its
/// view.
pub fn encode_known(record: &Record) -> Option<String> {
    if !record.meta().extra.is_empty() {
        return None;
    }
    // Through a value tree, whose serialiser the view's text already
    // uses: no second copy of the records' serialisers in the download.
    let value = serde_json::to_value(record).ok()?;
    serde_json::to_string(&value).ok()
}

/// Reads one stored record: typed when this version knows its type. A
/// record of a known type with only known fields is read straight from its
/// text (see [`record_text`](super::record_text)); anything else the long
/// way, through a field view.
pub fn decode_record(text: &str) -> Result<Item, StoredError> {
    if let Some(record) = super::record_text::known_record(text) {
        return Ok(Item::Known(record));
    }
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| StoredError::NotJson(e.to_string()))?;
    let view = FieldView::from_json(json).map_err(|e| StoredError::BadRecord(e.to_string()))?;
    Item::from_view(view).map_err(|e| StoredError::BadRecord(e.to_string()))
}

/// The data format this version reads and writes, as the mark a tab
/// leaves for the others: the snapshot format and the stored schema
/// (`1.3/2`).
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
    /// The ones that could not, with the reason (a bucket that cannot be
    /// read at all counts once).
    pub skipped: Vec<StoredError>,
}

impl Loaded {
    fn add(&mut self, decoded: Result<Item, StoredError>) {
        match decoded {
            Ok(item) => self.records.push(item),
            Err(e) => self.skipped.push(e),
        }
    }

    /// Reads stored bucket texts, in any number of batches.
    pub fn add_buckets(&mut self, buckets: impl IntoIterator<Item = String>) {
        for text in buckets {
            match bucket::records_in(&text) {
                Ok(records) => {
                    for record in records {
                        self.add(decode_record(record.get()));
                    }
                }
                Err(e) => self.skipped.push(e),
            }
        }
    }

    /// Reads the schema 1 texts that could not be moved into buckets
    /// ([`legacy::migrate`] leaves them where they are).
    pub fn add_legacy(&mut self, legacy: impl IntoIterator<Item = String>) {
        for text in legacy {
            self.add(legacy::decode(&text));
        }
    }
}

/// Reads every stored bucket text, and the schema 1 texts that could not be
/// moved into buckets ([`legacy::migrate`] leaves them where they are),
/// keeping the good records and the reasons for the bad ones.
pub fn load(
    buckets: impl IntoIterator<Item = String>,
    legacy: impl IntoIterator<Item = String>,
) -> Loaded {
    let mut loaded = Loaded::default();
    loaded.add_buckets(buckets);
    loaded.add_legacy(legacy);
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    #[test]
    fn every_demo_record_round_trips_through_its_stored_text() {
        for r in demo::workspace().records() {
            let text = encode_record(&FieldView::from_record(&r));
            assert_eq!(decode_record(&text).unwrap(), Item::Known(r));
        }
    }

    #[test]
    fn a_stored_record_reads_as_documented() {
        let r = &demo::workspace().records()[1];
        let text = encode_record(&FieldView::from_record(r));
        assert_eq!(
            text,
            r#"{"municipality":{"meta":{"id":"demo-haninge","stamp":{"hlc":[1500000000000,2],"device":"demo"}},"name":"Haninge"}}"#
        );
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
        assert!(
            !is_newer_mark(&format!("{major}.{minor}/1")),
            "the layout before buckets is older"
        );
        assert!(!is_newer_mark("garbage"));
    }

    #[test]
    fn bad_stored_texts_are_skipped_with_a_reason() {
        let good = demo::workspace().records()[0].clone();
        let mut buckets =
            bucket::Buckets::read(&[bucket::bucket_of(good.meta().id.as_str())], vec![None]);
        buckets
            .put(&FieldView::from_record(&good))
            .expect("the bucket was read");
        let (_, text) = buckets.changed().pop().expect("one bucket written");
        let loaded = load(
            [
                text,
                "{".into(),
                r#"{"schema":99,"records":{}}"#.into(),
                r#"{"schema":2,"records":{"x":{"target":{"meta":{}}}}}"#.into(),
            ],
            [r#"{"schema":1,"record":{"target":{"meta":{}}}}"#.to_owned()],
        );
        assert_eq!(loaded.records, [Item::Known(good)]);
        assert!(matches!(loaded.skipped[0], StoredError::NotJson(_)));
        assert_eq!(loaded.skipped[1], StoredError::NewerSchema(99));
        assert!(matches!(loaded.skipped[2], StoredError::BadRecord(_)));
        assert!(matches!(loaded.skipped[3], StoredError::BadRecord(_)));
    }
}
