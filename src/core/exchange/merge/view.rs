//! A record seen as a map of named fields, whatever its type: how merge,
//! storage and snapshot files look at records.
//!
//! Why: merging field by field, keeping fields and record types written by a
//! newer version of the app, and showing "what changed" in an import preview
//! all need the same generic view; the typed model stays the only place
//! where a field's meaning and validity are defined.
//!
//! Guarantees: `FieldView::from_record(r).to_record()` gives back `r`; a
//! field this version does not know survives the round trip through
//! [`Meta::extra`]; nothing here panics on untrusted JSON.

use crate::core::model::{
    Arrival, Comment, DoorCount, EndStatus, Forecast, Indicator, Insats, Meeting, Meta,
    Municipality, Organisation, Outcome, Participation, Partner, Presentation, Project,
    PublishedFigure, Record, SlotReport, Target,
};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The pseudo-field that carries the tombstone flag in a view; a delete is a
/// write to it like any other field.
pub const DELETED: &str = "deleted";

/// One record as its type tag, its bookkeeping and its other fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    /// The type tag (`insats`, `target`, …), possibly one this version does
    /// not know.
    pub kind: String,
    /// Id, stamps and tombstone (its `extra` is always empty here: unknown
    /// fields live in `body` like the others).
    pub meta: Meta,
    /// Every other field, by its name in files; absent means empty.
    pub body: Map<String, Value>,
}

/// A view serialised as `{kind: {…}}`.
struct Tagged<'a>(&'a FieldView);

/// A view's fields with `meta`, in the order of a JSON object's keys (as
/// [`FieldView::to_json`] builds it: `serde_json::Map` keeps keys sorted).
/// `body` never holds `meta` (see [`FieldView::from_json`]).
struct Fields<'a>(&'a FieldView);

impl serde::Serialize for Tagged<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(&self.0.kind, &Fields(self.0))?;
        map.end()
    }
}

impl serde::Serialize for Fields<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let view = self.0;
        let body = view.body.iter().filter(|(k, _)| k.as_str() != "meta");
        let mut map = s.serialize_map(Some(view.body.len() + 1))?;
        let mut meta_written = false;
        for (k, v) in body {
            if !meta_written && k.as_str() > "meta" {
                map.serialize_entry("meta", &view.meta)?;
                meta_written = true;
            }
            map.serialize_entry(k, v)?;
        }
        if !meta_written {
            map.serialize_entry("meta", &view.meta)?;
        }
        map.end()
    }
}

/// Why a JSON value is not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// Not an object with exactly one type tag holding an object.
    NotARecord,
    /// The `meta` part is missing or invalid (id, stamp); serde's reason.
    BadMeta(String),
    /// A known type whose fields do not fit the model; serde's reason.
    BadFields(String),
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewError::NotARecord => f.write_str("not a record"),
            ViewError::BadMeta(e) => write!(f, "bad meta: {e}"),
            ViewError::BadFields(e) => write!(f, "bad fields: {e}"),
        }
    }
}

/// serde's reason without the "at line 1 column 40" that reading from text
/// adds: that position is in a text made here, not in anyone's file.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    }
}

impl FieldView {
    /// The view of a typed record, with its kept unknown fields back in the
    /// body.
    pub fn from_record(record: &Record) -> FieldView {
        // Serialising the model cannot fail: string keys, finite numbers.
        let value = serde_json::to_value(record).unwrap_or(Value::Null);
        let (kind, mut body) = match value {
            Value::Object(outer) => match outer.into_iter().next() {
                Some((kind, Value::Object(inner))) => (kind, inner),
                _ => (String::new(), Map::new()),
            },
            _ => (String::new(), Map::new()),
        };
        body.remove("meta");
        let mut meta = record.meta().clone();
        for (k, v) in std::mem::take(&mut meta.extra) {
            body.insert(k, v);
        }
        FieldView { kind, meta, body }
    }

    /// Reads a record from untrusted JSON: `{"<kind>": {"meta": {…}, …}}`.
    /// Only the bookkeeping is checked here; [`FieldView::to_record`] checks
    /// the fields of known types.
    pub fn from_json(value: Value) -> Result<FieldView, ViewError> {
        let Value::Object(outer) = value else {
            return Err(ViewError::NotARecord);
        };
        if outer.len() != 1 {
            return Err(ViewError::NotARecord);
        }
        let Some((kind, Value::Object(mut body))) = outer.into_iter().next() else {
            return Err(ViewError::NotARecord);
        };
        let meta_value = body
            .remove("meta")
            .ok_or_else(|| ViewError::BadMeta("missing field `meta`".into()))?;
        // Through text, as in `to_record`: one deserializer for `Meta`.
        let meta: Meta = serde_json::from_str(&meta_value.to_string())
            .map_err(|e| ViewError::BadMeta(without_position(&e)))?;
        Ok(FieldView { kind, meta, body })
    }

    /// The JSON form written to storage and snapshot files.
    pub fn to_json(&self) -> Value {
        let mut inner = Map::new();
        inner.insert(
            "meta".into(),
            serde_json::to_value(&self.meta).unwrap_or(Value::Null),
        );
        for (k, v) in &self.body {
            inner.insert(k.clone(), v.clone());
        }
        let mut outer = Map::new();
        outer.insert(self.kind.clone(), Value::Object(inner));
        Value::Object(outer)
    }

    /// The record of [`to_json`](Self::to_json) as text, written straight
    /// from the view (no JSON value tree is built: the storage writes every
    /// record of an import this way). The same keys and values; only
    /// `meta`'s own fields come in their declared order, not sorted.
    pub fn to_json_text(&self) -> String {
        // Serialising strings, maps and finite numbers cannot fail.
        serde_json::to_string(&Tagged(self)).unwrap_or_default()
    }

    /// The typed record, with fields this version does not know kept in
    /// [`Meta::extra`]; `Ok(None)` for a record type this version does not
    /// know (the caller keeps the view as it is).
    pub fn to_record(&self) -> Result<Option<Record>, ViewError> {
        let Some(known) = known_fields(&self.kind) else {
            return Ok(None);
        };
        // Only fields this version knows: read straight from the view's
        // text (about seven times quicker than building a value tree first;
        // a form's save and every record an import stores come this way).
        if self
            .body
            .keys()
            .all(|k| k != "meta" && known.contains(&k.as_str()))
        {
            return serde_json::from_str(&self.to_json_text())
                .map(Some)
                .map_err(|e| ViewError::BadFields(without_position(&e)));
        }
        let mut inner = Map::new();
        let mut extra = std::collections::BTreeMap::new();
        for (k, v) in &self.body {
            if known.contains(&k.as_str()) {
                inner.insert(k.clone(), v.clone());
            } else if k != "meta" {
                extra.insert(k.clone(), v.clone());
            }
        }
        inner.insert(
            "meta".into(),
            serde_json::to_value(&self.meta).map_err(|e| ViewError::BadMeta(e.to_string()))?,
        );
        let mut outer = Map::new();
        outer.insert(self.kind.clone(), Value::Object(inner));
        // Through text, not `from_value`: every typed record is then read
        // by the one deserializer the quick way uses (`record_text`), which
        // keeps the download smaller than two copies of it.
        let text = Value::Object(outer).to_string();
        let mut record: Record =
            serde_json::from_str(&text).map_err(|e| ViewError::BadFields(without_position(&e)))?;
        record.meta_mut().extra = extra;
        Ok(Some(record))
    }

    /// A field's value; the tombstone flag for [`DELETED`]; `Null` when
    /// absent.
    pub fn value(&self, field: &str) -> Value {
        if field == DELETED {
            Value::Bool(self.meta.deleted)
        } else {
            self.body.get(field).cloned().unwrap_or(Value::Null)
        }
    }

    /// Sets a field (the tombstone flag for [`DELETED`]); an emptied field
    /// stays as `null`, so a merge can tell "emptied" from "never written".
    pub fn set_value(&mut self, field: &str, value: Value) {
        if field == DELETED {
            self.meta.deleted = value.as_bool().unwrap_or(false);
        } else {
            self.body.insert(field.to_owned(), value);
        }
    }

    /// The write that last set `field`; `None` if this copy never had it
    /// (a field added by another device or a newer version).
    pub fn written_by(&self, field: &str) -> Option<&crate::core::ids::Stamp> {
        let written = field == DELETED
            || self.body.contains_key(field)
            || self.meta.fields.contains_key(field);
        written.then(|| self.meta.field_stamp(field))
    }

    /// Every field name either copy or its stamps mention, tombstone flag
    /// included, in name order.
    pub fn field_names<'a>(&'a self, other: &'a FieldView) -> Vec<&'a str> {
        let mut names: Vec<&str> = self
            .body
            .keys()
            .chain(other.body.keys())
            .chain(self.meta.fields.keys())
            .chain(other.meta.fields.keys())
            .map(String::as_str)
            .chain(std::iter::once(DELETED))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// The type tags this version knows, in the order records are listed in
/// files.
pub const KNOWN_KINDS: [&str; 18] = [
    "organisation",
    "municipality",
    "partner",
    "project",
    "insats",
    "indicator",
    "target",
    "outcome",
    "end_status",
    "participation",
    "meeting",
    "slot_report",
    "arrival",
    "presentation",
    "published_figure",
    "door_count",
    "forecast",
    "comment",
];

/// The field names a known record type reads, from its serde derive; `None`
/// for a type this version does not know.
pub fn known_fields(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "organisation" => fields_of::<Organisation>(),
        "municipality" => fields_of::<Municipality>(),
        "partner" => fields_of::<Partner>(),
        "project" => fields_of::<Project>(),
        "insats" => fields_of::<Insats>(),
        "indicator" => fields_of::<Indicator>(),
        "target" => fields_of::<Target>(),
        "outcome" => fields_of::<Outcome>(),
        "end_status" => fields_of::<EndStatus>(),
        "participation" => fields_of::<Participation>(),
        "meeting" => fields_of::<Meeting>(),
        "slot_report" => fields_of::<SlotReport>(),
        "arrival" => fields_of::<Arrival>(),
        "presentation" => fields_of::<Presentation>(),
        "published_figure" => fields_of::<PublishedFigure>(),
        "door_count" => fields_of::<DoorCount>(),
        "forecast" => fields_of::<Forecast>(),
        "comment" => fields_of::<Comment>(),
        _ => None,
    }
}

/// Asks a derived `Deserialize` for its field list without any input: the
/// derive hands the list to `deserialize_struct`, where this probe keeps it
/// and stops. One source of truth for field names, no list to keep in step.
fn fields_of<'de, T: Deserialize<'de>>() -> Option<&'static [&'static str]> {
    let mut probe = FieldProbe(None);
    let _ = T::deserialize(&mut probe);
    probe.0
}

struct FieldProbe(Option<&'static [&'static str]>);

#[derive(Debug)]
struct ProbeDone;

impl fmt::Display for ProbeDone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for ProbeDone {}

impl de::Error for ProbeDone {
    fn custom<M: fmt::Display>(_: M) -> Self {
        ProbeDone
    }
}

impl<'de> Deserializer<'de> for &mut FieldProbe {
    type Error = ProbeDone;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, ProbeDone> {
        Err(ProbeDone)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, ProbeDone> {
        self.0 = Some(fields);
        Err(ProbeDone)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    #[test]
    fn every_known_kind_reports_its_fields() {
        for kind in KNOWN_KINDS {
            let fields = known_fields(kind).unwrap_or_default();
            assert!(fields.contains(&"meta"), "{kind}: {fields:?}");
        }
        assert!(known_fields("insats")
            .unwrap_or_default()
            .contains(&"capacity"));
        assert_eq!(known_fields("survey"), None);
    }

    #[test]
    fn records_round_trip_through_views() {
        for r in demo::workspace().records() {
            let view = FieldView::from_record(&r);
            assert_eq!(view.kind, r.kind());
            assert_eq!(view.to_record().unwrap(), Some(r.clone()));
            let again = FieldView::from_json(view.to_json()).unwrap();
            assert_eq!(again, view);
        }
    }

    #[test]
    fn the_text_written_straight_from_a_view_is_its_json() {
        let mut views: Vec<FieldView> = demo::workspace()
            .records()
            .iter()
            .map(FieldView::from_record)
            .collect();
        // Fields sorted before and after `meta`, of a type this version
        // does not know.
        let mut other = views[0].clone();
        other.kind = "survey".into();
        other.body.insert("aaa".into(), Value::from(1));
        other
            .body
            .insert("zzz".into(), Value::String("ö \" \n".into()));
        views.push(other);
        for view in views {
            let text = view.to_json_text();
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, view.to_json(), "{text}");
        }
    }

    #[test]
    fn unknown_fields_are_kept_and_written_back() {
        let r = demo::workspace().records()[1].clone();
        let mut view = FieldView::from_record(&r);
        view.body
            .insert("colour".into(), Value::String("blå".into()));
        let typed = view.to_record().unwrap().unwrap();
        assert_eq!(
            typed.meta().extra.get("colour"),
            Some(&Value::String("blå".into()))
        );
        assert_eq!(FieldView::from_record(&typed), view);
    }

    #[test]
    fn unknown_kinds_are_not_typed_but_not_errors() {
        let r = demo::workspace().records()[1].clone();
        let mut view = FieldView::from_record(&r);
        view.kind = "survey".into();
        assert_eq!(view.to_record(), Ok(None));
    }

    #[test]
    fn malformed_json_is_refused_with_a_reason() {
        assert_eq!(
            FieldView::from_json(Value::Null),
            Err(ViewError::NotARecord)
        );
        let two = serde_json::json!({"a": {}, "b": {}});
        assert_eq!(FieldView::from_json(two), Err(ViewError::NotARecord));
        let no_meta = serde_json::json!({"insats": {"name": "x"}});
        assert!(matches!(
            FieldView::from_json(no_meta),
            Err(ViewError::BadMeta(_))
        ));
        let bad = serde_json::json!({"insats": {"meta": {"id": "a", "stamp": {"hlc": [1, 0], "device": "d"}}}});
        let view = FieldView::from_json(bad).unwrap();
        assert!(matches!(view.to_record(), Err(ViewError::BadFields(_))));
    }
}
