//! Shared code of the fuzz targets: the checked properties ([`checks`]) and,
//! for the `merge` target, how two small snapshot files are built from the
//! fuzzer's bytes by picking and mutating records of a demo export.

#[path = "checks.rs"]
pub mod checks;

use arbitrary::Arbitrary;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// The `merge` target's input: two files.
#[derive(Debug, Arbitrary)]
pub struct MergeInput {
    /// The first file.
    pub a: Side,
    /// The second file.
    pub b: Side,
}

/// One file: some demo records (by index, at most [`MAX_RECORDS`]), then
/// edits to them (at most [`MAX_EDITS`]).
#[derive(Debug, Arbitrary)]
pub struct Side {
    /// Which demo records, by index modulo their number.
    pub picks: Vec<u8>,
    /// What to change in them.
    pub edits: Vec<Edit>,
}

/// Records per file.
pub const MAX_RECORDS: usize = 12;
/// Edits per file.
pub const MAX_EDITS: usize = 16;

/// One change to one record of a file (`rec` modulo the file's records).
#[derive(Debug, Arbitrary)]
pub enum Edit {
    /// Sets a field of the body.
    Set { rec: u8, field: Field, value: Json },
    /// Removes a field of the body.
    Remove { rec: u8, field: Field },
    /// Sets a stamp: the record's, a field's, or an entry of `seen`.
    Stamp {
        rec: u8,
        slot: Slot,
        clock: Clock,
        device: Device,
    },
    /// Sets the tombstone flag.
    Delete { rec: u8, deleted: bool },
    /// Gives the record another id.
    Id { rec: u8, id: Id },
    /// Gives the record another type tag.
    Kind { rec: u8, kind: u8 },
    /// Copies another demo record into the file under this record's id.
    Swap { rec: u8, with: u8 },
    /// Replaces the record's JSON text with any text.
    Raw { rec: u8, text: String },
}

/// A field name.
#[derive(Debug, Arbitrary)]
pub enum Field {
    /// One the record has, by index.
    Existing(u8),
    /// One of [`FIELD_NAMES`], by index.
    Named(u8),
    /// Any name.
    Any(String),
}

/// Which stamp.
#[derive(Debug, Arbitrary)]
pub enum Slot {
    /// `meta.stamp`.
    Record,
    /// `meta.fields[field]`.
    Field(Field),
    /// `meta.seen[device]`.
    Seen,
}

/// A clock reading.
#[derive(Debug, Arbitrary)]
pub enum Clock {
    /// Close to the demo's own stamps, so they tie and interleave.
    Near { offset: u8, counter: u8 },
    /// Anything.
    Far(u64, u32),
}

/// A device id.
#[derive(Debug, Arbitrary)]
pub enum Device {
    /// One of [`DEVICES`].
    Known(u8),
    /// Any text.
    Any(String),
}

/// A record id.
#[derive(Debug, Arbitrary)]
pub enum Id {
    /// Another demo record's id.
    Other(u8),
    /// One of a few fresh ids.
    Fresh(u8),
    /// Any text.
    Any(String),
}

/// A JSON value.
#[derive(Debug, Arbitrary)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    /// The value that field has in a demo record (by index), so that
    /// most edits stay valid.
    Pick(u8),
    Array(Vec<i8>),
    Object(Vec<(String, i8)>),
}

/// Field names the model uses, the tombstone flag, `meta`, and one
/// field no version knows.
pub const FIELD_NAMES: [&str; 35] = [
    "name",
    "kind",
    "description",
    "period",
    "parent",
    "funder",
    "funder_share",
    "project",
    "capacity",
    "municipalities",
    "provider",
    "start",
    "end",
    "contacts",
    "role",
    "phone",
    "email",
    "indicator",
    "scope",
    "breakdown",
    "value",
    "note",
    "reported_on",
    "source",
    "unit",
    "definition",
    "numerator",
    "denominator",
    "direction",
    "dimensions",
    "tolerance_percent",
    "prorate",
    "deleted",
    "meta",
    "colour",
];

/// Devices that stamps come from.
pub const DEVICES: [&str; 5] = ["demo", "fuzz", "a", "b", "laptop-1"];

/// The record type tags: every one this version knows, plus one it does not
/// and an empty one.
fn kinds() -> Vec<&'static str> {
    maltavla::core::exchange::merge::KNOWN_KINDS
        .iter()
        .copied()
        .chain(["survey", ""])
        .collect()
}

/// The demo export's header line and records.
fn demo_parts() -> &'static (String, Vec<Value>) {
    static PARTS: OnceLock<(String, Vec<Value>)> = OnceLock::new();
    PARTS.get_or_init(|| {
        let text = checks::demo_export();
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default().to_owned();
        let records = lines
            .filter_map(|l| serde_json::from_str(l.trim_end_matches(',')).ok())
            .collect();
        (header, records)
    })
}

fn pick<T: Clone>(items: &[T], i: u8) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        items.get(usize::from(i) % items.len()).cloned()
    }
}

/// `{"kind": {...}}` → the kind and the inner object.
fn body_mut(record: &mut Value) -> Option<(String, &mut Map<String, Value>)> {
    let (kind, inner) = record.as_object_mut()?.iter_mut().next()?;
    Some((kind.clone(), inner.as_object_mut()?))
}

fn meta_mut(record: &mut Value) -> Option<&mut Map<String, Value>> {
    body_mut(record)?.1.get_mut("meta")?.as_object_mut()
}

fn field_name(record: &Value, field: &Field) -> String {
    match field {
        Field::Existing(i) => {
            let keys: Vec<String> = record
                .as_object()
                .and_then(|o| o.values().next())
                .and_then(Value::as_object)
                .map(|b| b.keys().filter(|k| *k != "meta").cloned().collect())
                .unwrap_or_default();
            pick(&keys, *i).unwrap_or_else(|| "name".into())
        }
        Field::Named(i) => pick(&FIELD_NAMES, *i).unwrap_or("name").to_owned(),
        Field::Any(s) => s.clone(),
    }
}

fn device(d: &Device) -> String {
    match d {
        Device::Known(i) => pick(&DEVICES, *i).unwrap_or("demo").to_owned(),
        Device::Any(s) => s.clone(),
    }
}

fn hlc(c: &Clock) -> Value {
    match c {
        Clock::Near { offset, counter } => {
            json!([1_500_000_000_000u64 + u64::from(offset % 4), counter % 80])
        }
        Clock::Far(m, c) => json!([m, c]),
    }
}

fn json_value(v: &Json, field: &str) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Int(i) => json!(i),
        Json::UInt(u) => json!(u),
        Json::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Json::Str(s) => Value::String(s.clone()),
        Json::Pick(i) => {
            let values: Vec<Value> = demo_parts()
                .1
                .iter()
                .filter_map(|r| r.as_object()?.values().next()?.get(field).cloned())
                .collect();
            pick(&values, *i).unwrap_or(Value::Null)
        }
        Json::Array(a) => json!(a),
        Json::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), json!(v))).collect()),
    }
}

fn edit(records: &mut [(Value, Option<String>)], e: &Edit) {
    let rec = match e {
        Edit::Set { rec, .. }
        | Edit::Remove { rec, .. }
        | Edit::Stamp { rec, .. }
        | Edit::Delete { rec, .. }
        | Edit::Id { rec, .. }
        | Edit::Kind { rec, .. }
        | Edit::Swap { rec, .. }
        | Edit::Raw { rec, .. } => *rec,
    };
    let len = records.len();
    if len == 0 {
        return;
    }
    let Some((record, raw)) = records.get_mut(usize::from(rec) % len) else {
        return;
    };
    match e {
        Edit::Set { field, value, .. } => {
            let name = field_name(record, field);
            let value = json_value(value, &name);
            if let Some((_, body)) = body_mut(record) {
                body.insert(name, value);
            }
        }
        Edit::Remove { field, .. } => {
            let name = field_name(record, field);
            if let Some((_, body)) = body_mut(record) {
                body.remove(&name);
            }
        }
        Edit::Stamp {
            slot,
            clock,
            device: d,
            ..
        } => {
            let name = match slot {
                Slot::Field(f) => Some(field_name(record, f)),
                _ => None,
            };
            let (hlc, device) = (hlc(clock), device(d));
            let Some(meta) = meta_mut(record) else {
                return;
            };
            let stamp = json!({"hlc": hlc, "device": device});
            match (slot, name) {
                (Slot::Record, _) => {
                    meta.insert("stamp".into(), stamp);
                }
                (Slot::Field(_), Some(name)) => {
                    let fields = meta.entry("fields").or_insert_with(|| json!({}));
                    if let Some(f) = fields.as_object_mut() {
                        f.insert(name, stamp);
                    }
                }
                _ => {
                    let seen = meta.entry("seen").or_insert_with(|| json!({}));
                    if let Some(s) = seen.as_object_mut() {
                        s.insert(device, hlc);
                    }
                }
            }
        }
        Edit::Delete { deleted, .. } => {
            if let Some(meta) = meta_mut(record) {
                meta.insert("deleted".into(), Value::Bool(*deleted));
            }
        }
        Edit::Id { id, .. } => {
            let id = match id {
                Id::Other(i) => pick(&demo_parts().1, *i)
                    .and_then(|mut r| meta_mut(&mut r)?.get("id").cloned())
                    .unwrap_or(Value::Null),
                Id::Fresh(i) => Value::String(format!("fuzz-{}", i % 4)),
                Id::Any(s) => Value::String(s.clone()),
            };
            if let Some(meta) = meta_mut(record) {
                meta.insert("id".into(), id);
            }
        }
        Edit::Kind { kind, .. } => {
            if let Some(obj) = record.as_object_mut() {
                if let Some((_, inner)) = std::mem::take(obj).into_iter().next() {
                    obj.insert(pick(&kinds(), *kind).unwrap_or("").to_owned(), inner);
                }
            }
        }
        Edit::Swap { with, .. } => {
            let id = meta_mut(record).and_then(|m| m.get("id").cloned());
            if let Some(mut other) = pick(&demo_parts().1, *with) {
                if let (Some(meta), Some(id)) = (meta_mut(&mut other), id) {
                    meta.insert("id".into(), id);
                }
                *record = other;
            }
        }
        Edit::Raw { text, .. } => *raw = Some(text.clone()),
    }
}

impl Side {
    /// The file's text.
    pub fn text(&self) -> String {
        let (header, demo) = demo_parts();
        let mut records: Vec<(Value, Option<String>)> = self
            .picks
            .iter()
            .take(MAX_RECORDS)
            .filter_map(|i| pick(demo, *i))
            .map(|r| (r, None))
            .collect();
        for e in self.edits.iter().take(MAX_EDITS) {
            edit(&mut records, e);
        }
        let lines: Vec<String> = records
            .into_iter()
            .map(|(v, raw)| raw.unwrap_or_else(|| v.to_string()))
            .collect();
        format!("{header}\n{}\n]}}\n", lines.join(",\n"))
    }
}
