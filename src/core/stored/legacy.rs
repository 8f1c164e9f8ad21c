//! The layout before buckets (schema 1): each record its own value keyed by
//! its id, `{"schema":1,"record":<record>}`. Read once, when a database
//! written by an older version is opened, and moved into buckets.
//!
//! Guarantees: [`migrate`] moves every record text unchanged (byte for
//! byte) into the bucket of its key; a text it cannot place (not the
//! envelope, a newer schema, or an id its bucket already holds) stays where
//! it is, so nothing stored is ever dropped, and [`load`](super::load)
//! reports it as before.

use super::bucket::{buckets_of, Buckets};
use super::{decode_record, StoredError};
use crate::core::exchange::snapshot::Item;
use serde::Deserialize;
use serde_json::value::RawValue;

/// The schema of the layout before buckets.
pub const LEGACY_SCHEMA: u32 = 1;

#[derive(Deserialize)]
struct Envelope<'a> {
    schema: u32,
    #[serde(borrow)]
    record: &'a RawValue,
}

/// The record text inside a schema 1 value.
fn record_text(text: &str) -> Result<&RawValue, StoredError> {
    let envelope: Envelope =
        serde_json::from_str(text).map_err(|e| StoredError::NotJson(e.to_string()))?;
    if envelope.schema > LEGACY_SCHEMA {
        return Err(StoredError::NewerSchema(envelope.schema));
    }
    Ok(envelope.record)
}

/// Reads a schema 1 value.
pub fn decode(text: &str) -> Result<Item, StoredError> {
    decode_record(record_text(text)?.get())
}

/// What moving schema 1 values into buckets writes.
#[derive(Debug, Default, PartialEq)]
pub struct Migration {
    /// The `(key, text)` of every bucket to write.
    pub buckets: Vec<(String, String)>,
    /// The keys of the schema 1 values now held in buckets, to delete.
    pub moved: Vec<String>,
}

/// Moves the schema 1 values `legacy` (`(record id, text)`) into the
/// buckets of their ids, on top of the buckets stored now (`existing`,
/// `(key, text)`: normally none).
pub fn migrate(legacy: Vec<(String, String)>, existing: Vec<(String, String)>) -> Migration {
    let keys = buckets_of(legacy.iter().map(|(id, _)| id.as_str()));
    let texts = keys
        .iter()
        .map(|key| {
            existing
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, text)| text.clone())
        })
        .collect();
    let mut buckets = Buckets::read(&keys, texts);
    let mut moved = Vec::new();
    for (id, text) in legacy {
        let Ok(record) = record_text(&text) else {
            continue;
        };
        if buckets.put_raw(&id, record).unwrap_or(false) {
            moved.push(id);
        }
    }
    Migration {
        buckets: buckets.changed(),
        moved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::merge::FieldView;
    use crate::core::stored::{encode_record, load};
    use crate::core::workspace::Workspace;

    /// The value schema 1 stored for a record, as that version wrote it.
    fn schema_1(view: &FieldView) -> (String, String) {
        let text = format!(r#"{{"schema":1,"record":{}}}"#, encode_record(view));
        (view.meta.id.to_string(), text)
    }

    fn demo_legacy() -> Vec<(String, String)> {
        demo::workspace()
            .records()
            .iter()
            .map(|r| schema_1(&FieldView::from_record(r)))
            .collect()
    }

    #[test]
    fn every_record_of_the_old_layout_moves_and_reads_back_the_same() {
        let legacy = demo_legacy();
        let moved = migrate(legacy.clone(), Vec::new());
        assert_eq!(moved.moved.len(), legacy.len(), "every record moved");
        let loaded = load(moved.buckets.into_iter().map(|(_, t)| t), []);
        assert!(loaded.skipped.is_empty());
        assert_eq!(Workspace::from_items(loaded.records), demo::workspace());
    }

    #[test]
    fn a_record_text_moves_byte_for_byte() {
        // Spacing the serialiser would never write: kept as it was.
        let (id, text) = demo_legacy().remove(0);
        let spaced = text.replacen(r#""record":"#, r#""record":  "#, 1);
        let record = &spaced[spaced.find("  ").expect("spaced") + 2..spaced.len() - 1];
        let moved = migrate(vec![(id, spaced.clone())], Vec::new());
        assert!(moved.buckets[0].1.contains(record));
    }

    #[test]
    fn what_cannot_be_moved_stays_where_it_is() {
        let mut legacy = demo_legacy();
        let (kept_id, kept_text) = legacy[0].clone();
        // Already in its bucket (a write of the new layout): the bucket's
        // copy stays, and so does the old value.
        let first = migrate(vec![(kept_id.clone(), kept_text)], Vec::new());
        legacy.push(("damaged".into(), "{".into()));
        legacy.push(("newer".into(), r#"{"schema":7,"record":{}}"#.into()));
        let second = migrate(legacy.clone(), first.buckets.clone());
        assert!(!second.moved.contains(&kept_id));
        assert!(!second
            .moved
            .iter()
            .any(|id| id == "damaged" || id == "newer"));
        assert_eq!(second.moved.len(), legacy.len() - 3);
        let loaded = load(
            second.buckets.iter().map(|(_, t)| t.clone()).chain(
                first
                    .buckets
                    .iter()
                    .filter(|(k, _)| !second.buckets.iter().any(|(k2, _)| k2 == k))
                    .map(|(_, t)| t.clone()),
            ),
            ["{".to_owned(), r#"{"schema":7,"record":{}}"#.to_owned()],
        );
        assert_eq!(Workspace::from_items(loaded.records), demo::workspace());
        assert_eq!(loaded.skipped.len(), 2, "the two unreadable ones are named");
    }

    #[test]
    fn nothing_to_move_writes_nothing() {
        assert_eq!(migrate(Vec::new(), Vec::new()), Migration::default());
    }
}
