//! Records grouped into buckets by a hash of their id: which bucket holds a
//! record, reading a bucket's records, and splicing a write into the
//! buckets it touches.
//!
//! Guarantees: [`bucket_of`] never changes for an id (it is part of the
//! stored layout); a write goes on top of the buckets as read in its own
//! transaction, and a bucket this version cannot read (damaged, or written
//! by a newer version) refuses every write into it rather than being
//! replaced; the other records of a bucket are written back byte for byte.

use super::{decode_record, encode_known, encode_record, StoredError, STORED_SCHEMA};
use crate::core::exchange::merge::FieldView;
use crate::core::exchange::snapshot::Item;
use crate::core::model::Record;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// How many buckets records are spread over. 1 024 keeps a bucket at about
/// ten records for a förbund's ten years (10 000 participations) and about
/// a thousand (≈ 300 KB) at 1 000 000, so one write rewrites little.
pub const BUCKETS: u32 = 1024;

/// The key of the bucket that holds the record `id`: FNV-1a (32 bit) of the
/// id's bytes, modulo [`BUCKETS`], as three hex digits. Fixed forever: the
/// stored layout depends on it.
pub fn bucket_of(id: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in id.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:03x}", hash % BUCKETS)
}

/// The `parts - 1` keys that cut the buckets' keys into `parts` ranges
/// of the same number of buckets, in key order: a range runs from one
/// bound (included) to the next (left out), the first from any key below
/// and the last to any key above, so every key, whatever it is, falls in
/// exactly one.
pub fn range_bounds(parts: u32) -> Vec<String> {
    let parts = parts.clamp(1, BUCKETS);
    (1..parts)
        .map(|i| format!("{:03x}", i * BUCKETS / parts))
        .collect()
}

/// The distinct buckets that hold `ids`, in key order.
pub fn buckets_of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    ids.into_iter()
        .map(bucket_of)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A bucket as stored, owned for a write.
#[derive(Deserialize)]
struct BucketText {
    schema: u32,
    records: Owned,
}

/// A bucket's record texts by id, owned. An id twice is refused: a write
/// would keep only one of the two texts, so such a bucket (never written
/// by this app) is treated as one this version cannot read.
struct Owned(BTreeMap<String, Box<str>>);

impl<'de> Deserialize<'de> for Owned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Owned;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("records by id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Owned, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((id, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    if out.contains_key(&id) {
                        return Err(serde::de::Error::custom(format!("id {id} twice")));
                    }
                    out.insert(id, Box::<str>::from(value));
                }
                Ok(Owned(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The record texts of a bucket, without their ids, borrowed from its text.
struct Values<'a>(Vec<&'a RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for Values<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Values<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("records by id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values<'a>, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((IgnoredAny, value)) = map.next_entry::<IgnoredAny, &RawValue>()? {
                    out.push(value);
                }
                Ok(Values(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct Schema {
    schema: u32,
}

#[derive(Deserialize)]
struct Borrowed<'a> {
    schema: u32,
    #[serde(borrow)]
    records: Values<'a>,
}

/// Reads a stored bucket as `T` in one pass; the schema is checked after,
/// and when the text does not read as this version's bucket, its schema
/// alone is read, so a newer layout is named as such rather than as text
/// that does not parse.
fn parse_bucket<'a, T: Deserialize<'a>>(
    text: &'a str,
    schema_of: impl Fn(&T) -> u32,
) -> Result<T, StoredError> {
    let newer = |schema: u32| (schema > STORED_SCHEMA).then_some(StoredError::NewerSchema(schema));
    match serde_json::from_str::<T>(text) {
        Ok(bucket) => match newer(schema_of(&bucket)) {
            Some(e) => Err(e),
            None => Ok(bucket),
        },
        Err(e) => Err(serde_json::from_str::<Schema>(text)
            .ok()
            .and_then(|s| newer(s.schema))
            .unwrap_or_else(|| StoredError::NotJson(e.to_string()))),
    }
}

/// The record texts in a stored bucket (each still to be decoded).
pub fn records_in(text: &str) -> Result<Vec<&RawValue>, StoredError> {
    parse_bucket(text, |b: &Borrowed| b.schema).map(|b| b.records.0)
}

/// One bucket read for a write: its records' stored texts by id (each a
/// valid JSON text: read from a parsed bucket or written by serde_json).
#[derive(Debug)]
struct Bucket {
    records: BTreeMap<String, Box<str>>,
    changed: bool,
}

impl Bucket {
    fn parse(text: Option<&str>) -> Result<Bucket, StoredError> {
        let records = match text {
            None => BTreeMap::new(),
            Some(text) => parse_bucket(text, |b: &BucketText| b.schema)?.records.0,
        };
        Ok(Bucket {
            records,
            changed: false,
        })
    }

    /// The stored text: assembled from the records' texts as they are (no
    /// record is parsed or serialised again).
    fn text(&self) -> String {
        let size: usize = self
            .records
            .iter()
            .map(|(k, v)| k.len() + v.len() + 4)
            .sum();
        let mut out = String::with_capacity(size + 32);
        out.push_str("{\"schema\":");
        out.push_str(&STORED_SCHEMA.to_string());
        out.push_str(",\"records\":{");
        for (i, (id, record)) in self.records.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // A string always serialises.
            out.push_str(&serde_json::to_string(id).unwrap_or_default());
            out.push(':');
            out.push_str(record);
        }
        out.push_str("}}");
        out
    }
}

/// A write of `id` whose bucket was not read: what is stored there is
/// unknown, so it is treated like a bucket that cannot be read.
fn not_read(id: &str) -> StoredError {
    StoredError::NotJson(format!("the bucket of {id} was not read"))
}

/// The buckets one write reads, changes and writes back.
#[derive(Debug)]
pub struct Buckets {
    read: BTreeMap<String, Result<Bucket, StoredError>>,
}

impl Buckets {
    /// The buckets `keys` with their stored texts (`None`: nothing stored).
    pub fn read(keys: &[String], texts: Vec<Option<String>>) -> Buckets {
        let read = keys
            .iter()
            .zip(texts)
            .map(|(key, text)| (key.clone(), Bucket::parse(text.as_deref())))
            .collect();
        Buckets { read }
    }

    fn bucket(&self, id: &str) -> Result<&Bucket, StoredError> {
        match self.read.get(&bucket_of(id)) {
            Some(Ok(bucket)) => Ok(bucket),
            Some(Err(e)) => Err(e.clone()),
            None => Err(not_read(id)),
        }
    }

    /// The stored record `id`: `None` where nothing is stored. A text under
    /// `id` whose record has another id (never written by this app) is an
    /// error like a text that does not decode: a write of `id` must not
    /// replace the record it holds.
    pub fn item(&self, id: &str) -> Option<Result<Item, StoredError>> {
        let text = match self.bucket(id) {
            Ok(bucket) => bucket.records.get(id)?,
            Err(e) => return Some(Err(e)),
        };
        Some(decode_record(text).and_then(|item| {
            let held = match &item {
                Item::Known(r) => r.meta().id.as_str(),
                Item::Other(v) => v.meta.id.as_str(),
            };
            if held == id {
                Ok(item)
            } else {
                Err(StoredError::BadRecord(format!(
                    "the record stored under {id} has the id {held}"
                )))
            }
        }))
    }

    /// The stored copy a write of `id` goes on top of: `None` where nothing
    /// is stored. A stored text this version cannot read (written by a
    /// newer version, or damaged), or a bucket it cannot read, is an error,
    /// never "nothing stored": writing as if it were absent would overwrite
    /// a record this version cannot even see.
    pub fn copy_for_write(&self, id: &str) -> Result<Option<FieldView>, StoredError> {
        self.item(id).transpose().map(|item| item.map(|i| i.view()))
    }

    /// Puts `view` into its bucket, replacing the copy stored under its id,
    /// and returns the record as it will be read back. Refused when its
    /// bucket was not read or cannot be read, and when its text does not
    /// read back (nothing this version checked can be such a view).
    pub fn put(&mut self, view: &FieldView) -> Result<Item, StoredError> {
        let bucket = self.bucket_mut(view.meta.id.as_str())?;
        let text = encode_record(view);
        let item = decode_record(&text)?;
        bucket
            .records
            .insert(view.meta.id.to_string(), text.into_boxed_str());
        bucket.changed = true;
        Ok(item)
    }

    /// [`put`](Self::put) of a typed record without making its field view
    /// (see [`encode_known`]): the record reads back as itself, so it is
    /// not decoded again (property test in `tests/storage_layout.rs`). A
    /// record `encode_known` does not take goes through its view.
    pub fn put_record(&mut self, record: Record) -> Result<Item, StoredError> {
        let Some(text) = encode_known(&record) else {
            return self.put(&FieldView::from_record(&record));
        };
        let bucket = self.bucket_mut(record.meta().id.as_str())?;
        bucket
            .records
            .insert(record.meta().id.to_string(), text.into_boxed_str());
        bucket.changed = true;
        Ok(Item::Known(record))
    }

    /// Puts a record's stored `text` under `id` unless its bucket already
    /// holds that id (used to move records between layouts, never to
    /// overwrite); `Ok(true)` when it was put. Refused like
    /// [`put`](Self::put).
    pub fn put_raw(&mut self, id: &str, text: &RawValue) -> Result<bool, StoredError> {
        let bucket = self.bucket_mut(id)?;
        if bucket.records.contains_key(id) {
            return Ok(false);
        }
        bucket.records.insert(id.to_owned(), text.get().into());
        bucket.changed = true;
        Ok(true)
    }

    /// The bucket of `id`, to change.
    fn bucket_mut(&mut self, id: &str) -> Result<&mut Bucket, StoredError> {
        match self.read.get_mut(&bucket_of(id)) {
            Some(Ok(bucket)) => Ok(bucket),
            Some(Err(e)) => Err(e.clone()),
            None => Err(not_read(id)),
        }
    }

    /// The `(key, text)` of every bucket a [`put`](Self::put) changed.
    pub fn changed(&self) -> Vec<(String, String)> {
        self.read
            .iter()
            .filter_map(|(key, bucket)| match bucket {
                Ok(b) if b.changed => Some((key.clone(), b.text())),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    #[test]
    fn range_bounds_cut_the_buckets_into_ranges_of_the_same_size() {
        let bounds = range_bounds(16);
        assert_eq!(bounds.len(), 15);
        assert_eq!(bounds[0], "040");
        assert!(bounds.windows(2).all(|w| w[0] < w[1]));
        let mut sizes = vec![0; 16];
        for n in 0..BUCKETS {
            let key = format!("{n:03x}");
            sizes[bounds.iter().filter(|b| key >= **b).count()] += 1;
        }
        assert_eq!(sizes, vec![BUCKETS / 16; 16]);
        assert!(range_bounds(1).is_empty());
        assert_eq!(range_bounds(0), range_bounds(1));
    }

    #[test]
    fn bucket_keys_are_fixed_three_hex_digits() {
        // Part of the stored layout: these must never change (the e2e
        // tests' `bucketOf` in e2e/lib/stored.mjs gives the same).
        assert_eq!(bucket_of("demo-haninge"), "2a7");
        assert_eq!(bucket_of("demo-cm"), "331");
        assert_eq!(bucket_of(""), "1c5");
        let keys = buckets_of(["a", "b", "a"]);
        assert_eq!(keys.len(), 2);
        assert!(keys.iter().all(|k| k.len() == 3));
        let ids: Vec<String> = (0..10_000).map(|i| format!("id-{i}")).collect();
        let used = buckets_of(ids.iter().map(String::as_str));
        assert_eq!(used.len(), BUCKETS as usize, "ids spread over every bucket");
    }

    fn demo_views() -> Vec<FieldView> {
        demo::workspace()
            .records()
            .iter()
            .map(FieldView::from_record)
            .collect()
    }

    #[test]
    fn a_typed_record_with_fields_of_a_newer_version_keeps_them() {
        let mut record = demo::workspace().records().swap_remove(0);
        let newer = serde_json::json!({"colour": "ljusblå"});
        record
            .meta_mut()
            .extra
            .insert("swatch".into(), newer.clone());
        let id = record.meta().id.to_string();
        let keys = buckets_of([id.as_str()]);
        let mut buckets = Buckets::read(&keys, vec![None]);
        let item = buckets.put_record(record.clone()).expect("read");
        assert_eq!(item, Item::Known(record.clone()));
        let (_, text) = buckets.changed().swap_remove(0);
        let again = Buckets::read(&keys, vec![Some(text)]);
        let view = again.copy_for_write(&id).expect("read").expect("stored");
        assert_eq!(view.body.get("swatch"), Some(&newer));
        assert_eq!(view, FieldView::from_record(&record));
    }

    #[test]
    fn a_write_keeps_the_other_records_of_its_bucket_byte_for_byte() {
        let views = demo_views();
        let keys = buckets_of(views.iter().map(|v| v.meta.id.as_str()));
        let mut all = Buckets::read(&keys, vec![None; keys.len()]);
        for v in &views {
            all.put(v).expect("read");
        }
        let stored = all.changed();
        // Rewrite one record of a bucket holding others: only its bucket
        // changes, and the others' texts in it are unchanged.
        let shared = |v: &&FieldView| {
            let key = bucket_of(v.meta.id.as_str());
            views
                .iter()
                .filter(|w| bucket_of(w.meta.id.as_str()) == key)
                .count()
                > 1
        };
        let original = views.iter().find(shared).expect("a bucket of several");
        let mut edited = original.clone();
        edited.meta.stamp.hlc.counter += 1;
        let key = bucket_of(edited.meta.id.as_str());
        let before = stored
            .iter()
            .find(|(k, _)| *k == key)
            .expect("stored")
            .1
            .clone();
        let mut one = Buckets::read(std::slice::from_ref(&key), vec![Some(before.clone())]);
        assert_eq!(
            one.copy_for_write(edited.meta.id.as_str()),
            Ok(Some(original.clone()))
        );
        one.put(&edited).expect("read");
        let after = one.changed();
        assert_eq!(after.len(), 1);
        let others = |text: &str| -> Vec<String> {
            records_in(text)
                .expect("a bucket")
                .iter()
                .map(|r| r.get().to_owned())
                .filter(|r| !r.contains(edited.meta.id.as_str()))
                .collect()
        };
        assert!(!others(&before).is_empty());
        assert_eq!(others(&before), others(&after[0].1));
    }

    #[test]
    fn a_put_gives_the_record_as_it_reads_back_and_refuses_one_that_does_not() {
        let mut views = demo_views();
        let mut extra = views[0].clone();
        extra
            .body
            .insert("colour".into(), serde_json::Value::from("blå"));
        let mut newer = views[1].clone();
        newer.kind = "survey".into();
        views.extend([extra, newer]);
        let keys = buckets_of(views.iter().map(|v| v.meta.id.as_str()));
        let mut all = Buckets::read(&keys, vec![None; keys.len()]);
        for view in &views {
            let item = all.put(view).expect("put");
            assert_eq!(item.view(), *view);
            assert_eq!(all.item(view.meta.id.as_str()), Some(Ok(item)));
        }
        let mut unfit = views[0].clone();
        unfit.body.insert("name".into(), serde_json::Value::from(5));
        let key = bucket_of(unfit.meta.id.as_str());
        let mut one = Buckets::read(std::slice::from_ref(&key), vec![None]);
        assert!(one.put(&unfit).is_err());
        assert!(one.changed().is_empty(), "nothing written");
    }

    #[test]
    fn an_unreadable_bucket_refuses_every_write_into_it() {
        let view = demo_views().remove(0);
        let key = bucket_of(view.meta.id.as_str());
        for text in ["{", r#"{"schema":9,"records":{}}"#] {
            let mut b = Buckets::read(std::slice::from_ref(&key), vec![Some(text.to_owned())]);
            assert!(b.copy_for_write(view.meta.id.as_str()).is_err());
            assert!(b.put(&view).is_err());
            assert!(b.changed().is_empty());
        }
        let mut unread = Buckets::read(&[], Vec::new());
        assert!(
            unread.put(&view).is_err(),
            "a bucket not read is never written"
        );
    }

    #[test]
    fn a_bucket_holding_an_id_twice_is_never_written() {
        // Found by the stored_load fuzz target: a write kept only one of
        // the two texts. Loading still reads both.
        let view = demo_views().remove(0);
        let id = view.meta.id.as_str();
        let record = encode_record(&view);
        let text = format!(r#"{{"schema":2,"records":{{"{id}":{record},"{id}":{record}}}}}"#);
        let key = bucket_of(id);
        let mut b = Buckets::read(std::slice::from_ref(&key), vec![Some(text.clone())]);
        assert!(b.put(&view).is_err());
        assert_eq!(records_in(&text).map(|r| r.len()), Ok(2));
    }

    #[test]
    fn a_record_under_another_id_is_never_replaced_by_a_write_of_that_id() {
        // Found by the stored_load fuzz target.
        let views = demo_views();
        let (under, held) = (&views[0], &views[1]);
        let id = under.meta.id.as_str();
        let text = format!(
            r#"{{"schema":2,"records":{{"{id}":{}}}}}"#,
            encode_record(held)
        );
        let b = Buckets::read(&[bucket_of(id)], vec![Some(text.clone())]);
        assert!(matches!(
            b.copy_for_write(id),
            Err(StoredError::BadRecord(_))
        ));
        let loaded = crate::core::stored::load([text], []);
        assert_eq!(loaded.records.len(), 1, "it still loads");
    }

    #[test]
    fn a_damaged_record_is_never_taken_for_an_empty_place() {
        let view = demo_views().remove(0);
        let id = view.meta.id.as_str();
        let key = bucket_of(id);
        let text = format!(r#"{{"schema":2,"records":{{"{id}":{{"target":{{"meta":{{}}}}}}}}}}"#);
        let b = Buckets::read(std::slice::from_ref(&key), vec![Some(text)]);
        assert!(matches!(
            b.copy_for_write(id),
            Err(StoredError::BadRecord(_))
        ));
        let empty = Buckets::read(std::slice::from_ref(&key), vec![None]);
        assert_eq!(empty.copy_for_write(id), Ok(None), "nothing stored is None");
    }
}
