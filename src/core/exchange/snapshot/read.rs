//! Reading and checking a snapshot file, before anything is changed.

use super::error::{RecordProblem, RecordRef, SnapshotError};
use super::migrate::{migrate, MIGRATIONS};
use super::scan;
use super::{FORMAT, VERSION};
use crate::core::clock::{self, Drift};
use crate::core::exchange::merge::{known_fields, FieldView, ViewError};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::Meta;
use crate::core::model::{is_valid_code, Record, ORGANISATION_ID};
use crate::core::record_text;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeSet;

/// The most records a file may hold.
pub const MAX_RECORDS: usize = 5_000_000;

/// One record of a file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A type this version knows.
    Known(Record),
    /// A type from a newer version, kept as it came.
    Other(FieldView),
}

impl Item {
    /// A field view typed where this version knows its type (fields it
    /// does not know kept in `Meta::extra`), as it is otherwise; refused
    /// where a known type's fields do not fit the model.
    pub fn from_view(view: FieldView) -> Result<Item, ViewError> {
        Ok(match view.to_record()? {
            Some(record) => Item::Known(record),
            None => Item::Other(view),
        })
    }

    /// The record as a field view.
    pub fn view(&self) -> FieldView {
        match self {
            Item::Known(r) => FieldView::from_record(r),
            Item::Other(v) => v.clone(),
        }
    }
}

/// What the header of a file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IncomingInfo {
    /// The version written in the file, as (major, minor).
    pub version: (u32, u32),
    /// When it was exported, as written (`2026-11-23T10:15:00Z`).
    pub exported: Option<String>,
    /// The exporting device.
    pub device: Option<String>,
    /// The förbund's name in the file.
    pub organisation: Option<String>,
    /// `all` or `project:<id>`.
    pub part: Option<String>,
}

/// A file that passed every check, ready for [`super::plan_import`].
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The header.
    pub info: IncomingInfo,
    /// The records, in file order.
    pub items: Vec<Item>,
    /// Records stamped more than [`clock::FOLLOW_MILLIS`] (and at most
    /// [`clock::MAX_AHEAD_MILLIS`]) ahead of this device's clock: accepted
    /// and named; this device's clock does not follow them.
    pub ahead: Option<ClockAhead>,
    /// Record types this version does not know, kept for a newer one.
    pub unknown_kinds: BTreeSet<String>,
    /// How many records carry fields this version does not know (kept).
    pub unknown_fields: usize,
}

/// The clock of the device that wrote some of a file's records ran ahead
/// of this device's: by how much, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockAhead {
    /// The device whose stamp is furthest ahead.
    pub device: String,
    /// How far ahead that stamp is, in milliseconds.
    pub ahead_millis: u64,
    /// How many records carry a stamp more than
    /// [`clock::FOLLOW_MILLIS`] ahead.
    pub records: usize,
}

impl Incoming {
    /// The newest clock reading in the file that this device's clock may
    /// follow: never more than [`clock::FOLLOW_MILLIS`] ahead of
    /// `now_millis`.
    pub fn clock_reading(&self, now_millis: u64) -> Hlc {
        let newest = self
            .items
            .iter()
            .map(|i| i.meta().stamp.hlc)
            .max()
            .unwrap_or_default();
        clock::followable(newest, now_millis)
    }
}

impl Item {
    /// The record's bookkeeping.
    pub fn meta(&self) -> &Meta {
        match self {
            Item::Known(r) => r.meta(),
            Item::Other(v) => &v.meta,
        }
    }

    /// The record's type, as written in files (`participation`).
    pub fn kind(&self) -> &str {
        match self {
            Item::Known(r) => r.kind(),
            Item::Other(v) => &v.kind,
        }
    }
}

fn text_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_owned)
}

fn parse_version(v: Option<&Value>) -> Result<(u32, u32), SnapshotError> {
    let text = v.and_then(Value::as_str).unwrap_or_default();
    let bad = || SnapshotError::BadVersion(text.chars().take(40).collect());
    let (major, minor) = text.split_once('.').ok_or_else(bad)?;
    let major: u32 = major.parse().map_err(|_| bad())?;
    let minor: u32 = minor.parse().map_err(|_| bad())?;
    if major == 0 {
        return Err(bad());
    }
    Ok((major, minor))
}

/// Turns serde's "missing field `x`" into the field's name.
fn missing_field(detail: &str) -> Option<String> {
    let rest = detail.strip_prefix("missing field `")?;
    rest.split('`').next().map(str::to_owned)
}

/// Finds which field of a record the model refuses: the one whose removal
/// makes the record acceptable (or only reports it missing).
/// Only the fields of the record's type are probed, on a copy without the
/// others: an unknown field is kept as it is and can never be the culprit,
/// and probing every field of a wide record would take quadratic time.
fn locate_bad_field(view: &FieldView) -> Option<String> {
    let known = known_fields(&view.kind)?;
    let mut base = view.clone();
    base.body.retain(|k, _| known.contains(&k.as_str()));
    base.body.keys().find_map(|key| {
        let mut probe = base.clone();
        probe.body.remove(key);
        match probe.to_record() {
            Ok(_) => Some(key.clone()),
            Err(ViewError::BadFields(d)) if missing_field(&d).as_deref() == Some(key) => {
                Some(key.clone())
            }
            Err(_) => None,
        }
    })
}

fn record_problem(view: Option<&FieldView>, e: ViewError) -> RecordProblem {
    match e {
        ViewError::NotARecord => RecordProblem::NotARecord,
        ViewError::BadMeta(d) | ViewError::BadFields(d) => match missing_field(&d) {
            Some(field) => RecordProblem::MissingField(field),
            None => RecordProblem::BadValue {
                field: view.and_then(locate_bad_field),
                detail: d,
            },
        },
    }
}

/// The type tag and id of a record that failed, for the message.
fn kind_and_id(value: &Value) -> (Option<String>, Option<String>) {
    let Some((kind, body)) = value.as_object().and_then(|o| o.iter().next()) else {
        return (None, None);
    };
    let id = body
        .get("meta")
        .and_then(|m| m.get("id"))
        .and_then(Value::as_str)
        .map(|s| s.chars().take(64).collect());
    (Some(kind.chars().take(40).collect()), id)
}

/// Parses a file's text and brings it to the current version: its header
/// and its records, not yet checked.
pub(super) fn document(text: &str) -> Result<(IncomingInfo, Vec<Value>), SnapshotError> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            SnapshotError::TooDeep
        } else {
            SnapshotError::NotJson {
                line: e.line(),
                column: e.column(),
                truncated: e.is_eof(),
            }
        }
    })?;
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(SnapshotError::NotASnapshot);
    }
    let version = parse_version(doc.get("version"))?;
    if version.0 > VERSION.0 {
        return Err(SnapshotError::NewerVersion(format!(
            "{}.{}",
            version.0, version.1
        )));
    }
    if version.0 < VERSION.0 {
        migrate(&mut doc, version.0, &MIGRATIONS)
            .map_err(|(from, reason)| SnapshotError::Migration { from, reason })?;
    }
    let info = IncomingInfo {
        version,
        exported: text_of(doc.get("exported")),
        device: text_of(doc.get("device")),
        organisation: text_of(doc.get("organisation")),
        part: text_of(doc.get("part")),
    };
    let records = match doc.get_mut("records").map(Value::take) {
        Some(Value::Array(records)) => records,
        _ => return Err(SnapshotError::MissingRecords),
    };
    if records.len() > MAX_RECORDS {
        return Err(SnapshotError::TooManyRecords(records.len()));
    }
    Ok((info, records))
}

/// Reads and checks a snapshot file; `now_millis` is this device's clock,
/// for reporting stamps from clocks that ran ahead. The same as a
/// [`super::Reading`] run to its end in one go.
pub fn read(text: &str, now_millis: u64) -> Result<Incoming, SnapshotError> {
    super::Reading::start(text, now_millis)?.finish()
}

/// The type tag and id of a record, for a message.
fn tag_and_id(item: &Item) -> (Option<String>, Option<String>) {
    match item {
        Item::Known(r) => (Some(r.kind().to_owned()), Some(r.meta().id.to_string())),
        Item::Other(v) => (Some(v.kind.clone()), Some(v.meta.id.to_string())),
    }
}

/// Reads one record the long way (through a field view), or says why it is
/// refused.
pub(super) fn long_way(
    value: Value,
    index: usize,
    incoming: &mut Incoming,
) -> Result<Item, SnapshotError> {
    let (kind, id) = kind_and_id(&value);
    let fail = |problem| SnapshotError::BadRecord {
        index,
        kind: kind.clone(),
        id: id.clone(),
        problem,
    };
    if let Some(problem) = scan::problem_in(&value) {
        return Err(fail(problem));
    }
    let view = FieldView::from_json(value).map_err(|e| fail(record_problem(None, e)))?;
    match view.to_record() {
        Ok(Some(record)) => {
            if !record.meta().extra.is_empty() {
                incoming.unknown_fields += 1;
            }
            Ok(Item::Known(record))
        }
        Ok(None) => {
            incoming.unknown_kinds.insert(view.kind.clone());
            Ok(Item::Other(view))
        }
        Err(e) => Err(fail(record_problem(Some(&view), e))),
    }
}

/// A file as the quick way reads it: the header's fields as text and each
/// record's text as it stands in the file.
#[derive(Deserialize)]
struct RawDocument<'a> {
    format: String,
    version: String,
    #[serde(default)]
    exported: Option<String>,
    #[serde(default)]
    device: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    part: Option<String>,
    #[serde(borrow)]
    records: Vec<&'a RawValue>,
}

/// The header and each record's text of a file of the current major
/// version, or `None` when the file needs the long way ([`document`],
/// which also finds and explains any problem).
pub(super) fn quick_document(text: &str) -> Option<(IncomingInfo, Vec<&RawValue>)> {
    let doc: RawDocument = serde_json::from_str(text).ok()?;
    let version = parse_version(Some(&Value::String(doc.version))).ok()?;
    if doc.format != FORMAT || version.0 != VERSION.0 || doc.records.len() > MAX_RECORDS {
        return None;
    }
    let info = IncomingInfo {
        version,
        exported: doc.exported,
        device: doc.device,
        organisation: doc.organisation,
        part: doc.part,
    };
    Some((info, doc.records))
}

/// A record of known type with known fields read straight from its text
/// ([`record_text::known_record`]), or `None` when it needs the long way
/// (a text that needs a closer look to name the field goes that way too).
pub(super) fn quick_record(raw: &RawValue) -> Option<Record> {
    scan::raw_is_clean(raw.get())
        .then(|| record_text::known_record(raw.get()))
        .flatten()
}

/// The checks every record of a file passes after it has been read, the
/// same whichever way it was read.
pub(super) struct Checks {
    /// What has passed so far.
    pub(super) incoming: Incoming,
    now_millis: u64,
    /// Records stamped too far ahead: how many, the first, and the stamp
    /// furthest ahead with its device.
    too_far: Option<(usize, RecordRef, u64, String)>,
}

impl Checks {
    pub(super) fn new(info: IncomingInfo, records: usize, now_millis: u64) -> Checks {
        Checks {
            incoming: Incoming {
                info,
                items: Vec::with_capacity(records),
                ahead: None,
                unknown_kinds: BTreeSet::new(),
                unknown_fields: 0,
            },
            now_millis,
            too_far: None,
        }
    }

    /// Checks record number `index` (from 1) and keeps it.
    pub(super) fn push(&mut self, item: Item, index: usize) -> Result<(), SnapshotError> {
        let fail = |problem| {
            let (kind, id) = tag_and_id(&item);
            SnapshotError::BadRecord {
                index,
                kind,
                id,
                problem,
            }
        };
        let meta = item.meta();
        if matches!(item, Item::Known(Record::Organisation(_)))
            && meta.id.as_str() != ORGANISATION_ID
        {
            return Err(fail(RecordProblem::BadValue {
                field: Some("id".to_owned()),
                detail: format!("the organisation's id must be \"{ORGANISATION_ID}\""),
            }));
        }
        if matches!(&item, Item::Known(Record::Participation(p)) if !is_valid_code(&p.code)) {
            return Err(fail(RecordProblem::BadValue {
                field: Some("code".to_owned()),
                detail:
                    "a participation code is 4 to 8 digits and capital letters, at least one digit"
                        .to_owned(),
            }));
        }
        if matches!(&item, Item::Known(Record::Organisation(o))
            if o.protection_threshold.is_some_and(|t| !(1..=crate::core::participants::MAX_THRESHOLD).contains(&u64::from(t))))
        {
            return Err(fail(RecordProblem::BadValue {
                field: Some("protection_threshold".to_owned()),
                detail: "the protection threshold is 1 to 20".to_owned(),
            }));
        }
        if let Item::Known(Record::Indicator(i)) = &item {
            if let Err(e) = crate::core::reports::newsletter::template::sentence_is_valid(i) {
                return Err(fail(RecordProblem::BadValue {
                    field: Some("sentence".to_owned()),
                    detail: format!("the newsletter sentence is no template: {e}"),
                }));
            }
        }
        let (newest, device) = newest_with_device(meta);
        if newest.millis > clock::MAX_MILLIS {
            return Err(fail(RecordProblem::BadStamp));
        }
        match clock::drift(newest, self.now_millis) {
            Drift::Normal => {}
            Drift::Ahead(by) => {
                let ahead = self.incoming.ahead.get_or_insert(ClockAhead {
                    device: device.to_string(),
                    ahead_millis: by,
                    records: 0,
                });
                ahead.records += 1;
                if by > ahead.ahead_millis {
                    ahead.ahead_millis = by;
                    ahead.device = device.to_string();
                }
            }
            Drift::TooFar(by) => {
                let (kind, id) = tag_and_id(&item);
                let first = RecordRef {
                    index,
                    kind: kind.unwrap_or_default(),
                    id: id.unwrap_or_default(),
                };
                let entry = self
                    .too_far
                    .get_or_insert_with(|| (0, first, by, device.to_string()));
                entry.0 += 1;
                if by > entry.2 {
                    entry.2 = by;
                    entry.3 = device.to_string();
                }
            }
        }
        self.incoming.items.push(item);
        Ok(())
    }

    /// The file, once no record is stamped too far ahead and no two records
    /// share an id.
    pub(super) fn finish(self) -> Result<Incoming, SnapshotError> {
        if let Some((records, first, ahead_millis, device)) = self.too_far {
            return Err(SnapshotError::ClockAhead {
                device,
                ahead_millis,
                records,
                first,
            });
        }
        match first_duplicate(&self.incoming.items) {
            Some(e) => Err(e),
            None => Ok(self.incoming),
        }
    }
}

/// The newest clock reading in a record's bookkeeping and the device it
/// belongs to.
fn newest_with_device(meta: &Meta) -> (Hlc, &DeviceId) {
    std::iter::once((meta.stamp.hlc, &meta.stamp.device))
        .chain(meta.fields.values().map(|s| (s.hlc, &s.device)))
        .chain(meta.seen.iter().map(|(d, h)| (*h, d)))
        .max_by_key(|(h, _)| *h)
        .unwrap_or((meta.stamp.hlc, &meta.stamp.device))
}

/// The first record (in file order) whose id an earlier record has, found
/// by sorting positions by id: no id is copied.
fn first_duplicate(items: &[Item]) -> Option<SnapshotError> {
    let id_of = |i: usize| &items[i].meta().id;
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| id_of(a).cmp(id_of(b)).then(a.cmp(&b)));
    order
        .windows(2)
        .filter(|w| id_of(w[0]) == id_of(w[1]))
        .min_by_key(|w| w[1])
        .map(|w| SnapshotError::DuplicateId {
            id: id_of(w[0]).to_string(),
            first: w[0] + 1,
            second: w[1] + 1,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::testing::{demo_snapshot as demo_file, SNAPSHOT_NOW as NOW};

    fn err(text: &str) -> SnapshotError {
        read(text, NOW).unwrap_err()
    }

    #[test]
    fn an_export_reads_back_whole() {
        let file = demo_file();
        let incoming = read(&file, NOW).unwrap();
        assert_eq!(incoming.items.len(), demo::workspace().records().len());
        assert_eq!(incoming.info.version, VERSION);
        assert_eq!(incoming.info.device.as_deref(), Some("laptop-1"));
        assert_eq!(incoming.ahead, None);
        let with_bom = format!("\u{feff}{file}");
        assert!(read(&with_bom, NOW).is_ok());
    }

    #[test]
    fn broken_json_says_where() {
        assert_eq!(
            err("{\"format\": nope}"),
            SnapshotError::NotJson {
                line: 1,
                column: 13,
                truncated: false
            }
        );
        let file = demo_file();
        let cut = &file[..file.len() / 2];
        assert!(matches!(
            err(cut),
            SnapshotError::NotJson {
                truncated: true,
                ..
            }
        ));
        assert!(matches!(err("NaN"), SnapshotError::NotJson { .. }));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(err(&deep), SnapshotError::TooDeep);
    }

    #[test]
    fn other_json_and_other_versions_are_refused() {
        assert_eq!(err("{\"format\":\"excel\"}"), SnapshotError::NotASnapshot);
        assert_eq!(err("[1,2]"), SnapshotError::NotASnapshot);
        assert_eq!(
            err("{\"format\":\"maltavla-snapshot\",\"version\":\"2.0\",\"records\":[]}"),
            SnapshotError::NewerVersion("2.0".into())
        );
        assert_eq!(
            err("{\"format\":\"maltavla-snapshot\",\"version\":1,\"records\":[]}"),
            SnapshotError::BadVersion(String::new())
        );
        assert_eq!(
            err("{\"format\":\"maltavla-snapshot\",\"version\":\"1.0\"}"),
            SnapshotError::MissingRecords
        );
        let newer_minor = read(
            "{\"format\":\"maltavla-snapshot\",\"version\":\"1.9\",\"records\":[]}",
            NOW,
        );
        assert!(newer_minor.is_ok());
    }

    fn with_record(record: &str) -> String {
        format!("{{\"format\":\"maltavla-snapshot\",\"version\":\"1.0\",\"records\":[{record}]}}")
    }

    const META: &str = r#""meta":{"id":"x1","stamp":{"hlc":[1700000000000,0],"device":"d"}}"#;

    #[test]
    fn bad_records_say_which_and_what() {
        let missing = err(&with_record(&format!(r#"{{"insats":{{{META}}}}}"#)));
        assert_eq!(
            missing,
            SnapshotError::BadRecord {
                index: 1,
                kind: Some("insats".into()),
                id: Some("x1".into()),
                problem: RecordProblem::MissingField("name".into())
            }
        );
        let negative = err(&with_record(&format!(
            r#"{{"insats":{{{META},"name":"A","kind":"other","capacity":-4}}}}"#
        )));
        assert!(
            matches!(&negative, SnapshotError::BadRecord { problem: RecordProblem::BadValue { field: Some(f), .. }, .. } if f == "capacity"),
            "{negative:?}"
        );
        let no_id = err(&with_record(
            r#"{"insats":{"meta":{"stamp":{"hlc":[1,0],"device":"d"}},"name":"A"}}"#,
        ));
        assert!(
            matches!(no_id, SnapshotError::BadRecord { problem: RecordProblem::MissingField(ref f), .. } if f == "id")
        );
        let far = err(&with_record(
            r#"{"municipality":{"meta":{"id":"m","stamp":{"hlc":[99999999999999999,0],"device":"d"}},"name":"A"}}"#,
        ));
        assert!(matches!(
            far,
            SnapshotError::BadRecord {
                problem: RecordProblem::BadStamp,
                ..
            }
        ));
        assert!(matches!(
            err(&with_record("17")),
            SnapshotError::BadRecord {
                problem: RecordProblem::NotARecord,
                ..
            }
        ));
    }

    #[test]
    fn an_indicator_whose_sentence_is_no_template_is_refused_at_its_sentence() {
        let indicator = |sentence: &str| {
            with_record(&format!(
                r#"{{"indicator":{{{META},"name":"Deltagare","unit":"count","sentence":{}}}}}"#,
                serde_json::to_string(sentence).unwrap()
            ))
        };
        for bad in [
            "{värde deltagare",
            "Målet var mål}.",
            "{vrde} deltagare",
            "{år:andel}",
        ] {
            let e = err(&indicator(bad));
            assert!(
                matches!(&e, SnapshotError::BadRecord { index: 1, kind: Some(k), id: Some(id), problem: RecordProblem::BadValue { field: Some(f), .. } } if k == "indicator" && id == "x1" && f == "sentence"),
                "{bad}: {e:?}"
            );
        }
        let pnr = err(&indicator("{värde} deltagare, ring 850709-9805"));
        assert!(
            matches!(&pnr, SnapshotError::BadRecord { problem: RecordProblem::PersonalNumber { field }, .. } if field == "sentence"),
            "{pnr:?}"
        );
        let long = err(&indicator(&"{värde} ".repeat(2000)));
        assert!(
            matches!(&long, SnapshotError::BadRecord { problem: RecordProblem::TextTooLong { field, .. }, .. } if field == "sentence"),
            "{long:?}"
        );
        for good in [
            "",
            "{värde} deltagare, varav {kvinnor:andel} procent kvinnor.",
            "{Hanninge}",
        ] {
            assert!(read(&indicator(good), NOW).is_ok(), "{good}");
        }
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let m = format!(r#"{{"municipality":{{{META},"name":"A"}}}}"#);
        assert_eq!(
            err(&with_record(&format!("{m},{m}"))),
            SnapshotError::DuplicateId {
                id: "x1".into(),
                first: 1,
                second: 2
            }
        );
    }

    fn municipality_at(id: &str, hlc: &str, device: &str) -> String {
        format!(
            r#"{{"municipality":{{"meta":{{"id":"{id}","stamp":{{"hlc":{hlc},"device":"{device}"}}}},"name":"A"}}}}"#
        )
    }

    const MINUTE: u64 = 60_000;

    #[test]
    fn stamps_up_to_an_hour_ahead_are_named_and_followed_only_five_minutes() {
        let ahead = NOW + 40 * MINUTE;
        let file = with_record(&format!(
            "{},{}",
            municipality_at("m1", &format!("[{ahead},0]"), "fast"),
            municipality_at("m2", &format!("[{},0]", NOW + 10 * MINUTE), "other")
        ));
        let incoming = read(&file, NOW).unwrap();
        assert_eq!(
            incoming.ahead,
            Some(ClockAhead {
                device: "fast".into(),
                ahead_millis: 40 * MINUTE,
                records: 2
            })
        );
        assert_eq!(
            incoming.clock_reading(NOW),
            Hlc {
                millis: NOW + 5 * MINUTE,
                counter: 0
            }
        );
    }

    #[test]
    fn a_file_from_a_clock_five_years_ahead_is_refused_naming_the_device_and_how_far() {
        let five_years = 5 * 365 * 24 * 60 * MINUTE;
        let file = with_record(&format!(
            "{},{},{}",
            municipality_at("m0", &format!("[{NOW},0]"), "ok"),
            municipality_at("m1", &format!("[{},0]", NOW + five_years), "wrong"),
            municipality_at("m2", &format!("[{},3]", NOW + 2 * 60 * MINUTE), "wrong")
        ));
        assert_eq!(
            err(&file),
            SnapshotError::ClockAhead {
                device: "wrong".into(),
                ahead_millis: five_years,
                records: 2,
                first: RecordRef {
                    index: 2,
                    kind: "municipality".into(),
                    id: "m1".into()
                }
            }
        );
    }

    #[test]
    fn a_stamp_in_seen_or_fields_counts_as_much_as_the_record_stamp() {
        let far = NOW + 24 * 60 * MINUTE;
        let seen = format!(
            r#"{{"municipality":{{"meta":{{"id":"m","stamp":{{"hlc":[{NOW},0],"device":"a"}},"seen":{{"z":[{far},0]}}}},"name":"A"}}}}"#
        );
        assert!(matches!(
            err(&with_record(&seen)),
            SnapshotError::ClockAhead { ref device, .. } if device == "z"
        ));
        let field = format!(
            r#"{{"municipality":{{"meta":{{"id":"m","stamp":{{"hlc":[{NOW},0],"device":"a"}},"fields":{{"deleted":{{"hlc":[{far},1],"device":"y"}}}}}},"name":"A"}}}}"#
        );
        assert!(matches!(
            err(&with_record(&field)),
            SnapshotError::ClockAhead { ref device, .. } if device == "y"
        ));
    }

    #[test]
    fn the_year_9999_with_a_full_counter_is_refused() {
        let file = with_record(&municipality_at("m", "[253402300799999,4294967295]", "d"));
        assert!(matches!(err(&file), SnapshotError::ClockAhead { .. }));
        let beyond = with_record(&municipality_at("m", "[253402300800000,0]", "d"));
        assert!(matches!(
            err(&beyond),
            SnapshotError::BadRecord {
                problem: RecordProblem::BadStamp,
                ..
            }
        ));
    }

    #[test]
    fn a_personal_number_in_a_note_refuses_the_file_naming_record_and_field() {
        let file = demo_file().replacen(
            "\"name\":\"Haninge\"",
            "\"name\":\"Haninge\",\"note\":\"pnr 850709-9805\"",
            1,
        );
        assert!(matches!(
            err(&file),
            SnapshotError::BadRecord { kind: Some(ref k), problem: RecordProblem::PersonalNumber { ref field }, .. }
                if k == "municipality" && field == "note"
        ));
        let in_name = demo_file().replacen(
            "\"name\":\"Haninge\"",
            "\"name\":\"Haninge 19850709-9805\"",
            1,
        );
        assert!(matches!(
            err(&in_name),
            SnapshotError::BadRecord { problem: RecordProblem::PersonalNumber { ref field }, .. } if field == "name"
        ));
    }

    #[test]
    fn newer_types_and_fields_are_kept() {
        let file = with_record(&format!(
            r#"{{"survey":{{{META},"code":"K7"}}}},{{"municipality":{{"meta":{{"id":"m","stamp":{{"hlc":[1,0],"device":"d"}}}},"name":"A","colour":"blå"}}}}"#
        ));
        let incoming = read(&file, NOW).unwrap();
        assert!(incoming.unknown_kinds.contains("survey"));
        assert_eq!(incoming.unknown_fields, 1);
    }
}
