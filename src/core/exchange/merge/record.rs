//! Merging two copies of one record, and applying a local edit on top of
//! whatever is stored.
//!
//! The rule: per field, the write with the newer stamp wins (ties between
//! identical stamps, which only a corrupt file can produce, go to the larger
//! value so every device still picks the same one). A value that loses to a
//! write that had not seen it is a *conflict*: both sides changed the field
//! since they last met; it is returned so the user can restore it. A delete
//! is a write to the tombstone flag; edits that a delete had not seen are
//! reported as a conflict on that flag, so "restore" brings the record back.
//!
//! Guarantees: [`merge_views`] is commutative, associative and idempotent on
//! copies that came from edits and merges (property tests in
//! `tests/merge_properties.rs`), so devices that exchange their data in any
//! order end up identical.

use super::view::{FieldView, DELETED};
use crate::core::clock::{self, TooFarAhead};
use crate::core::ids::{DeviceId, Hlc, RecordId, Stamp};
use crate::core::model::{Meta, Record};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A value that lost to a concurrent edit: kept so the user can restore it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The record's type tag.
    pub kind: String,
    pub record: RecordId,
    /// The field (or [`DELETED`] for an edit to a record deleted elsewhere).
    pub field: String,
    /// The value now in the record.
    pub kept: Value,
    /// The write that set it.
    pub kept_stamp: Stamp,
    /// The value that lost.
    pub lost: Value,
    /// The write that set the lost value.
    pub lost_stamp: Stamp,
}

impl Conflict {
    /// A key that is the same every time this conflict is found, so finding
    /// it again (importing the same file twice) does not list it twice.
    pub fn key(&self) -> String {
        format!(
            "{}/{}/{}.{}.{}",
            self.record,
            self.field,
            self.lost_stamp.hlc.millis,
            self.lost_stamp.hlc.counter,
            self.lost_stamp.device
        )
    }
}

/// Orders a conflict log as it is shown: the most recently lost write first.
pub fn newest_lost_first(log: &mut Vec<Conflict>) {
    crate::core::order::sort_by(log, |a, b| b.lost_stamp.cmp(&a.lost_stamp));
}

/// The result of merging two copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged copy.
    pub view: FieldView,
    /// Values that lost to concurrent edits.
    pub conflicts: Vec<Conflict>,
}

/// Every write a copy includes, as the newest clock reading per device.
pub(super) fn seen_of(meta: &Meta) -> BTreeMap<DeviceId, Hlc> {
    seen_map(meta)
}

/// Every write a copy includes, as the newest clock reading per device.
fn seen_map(meta: &Meta) -> BTreeMap<DeviceId, Hlc> {
    let mut out = meta.seen.clone();
    for s in std::iter::once(&meta.stamp).chain(meta.fields.values()) {
        let e = out.entry(s.device.clone()).or_insert(s.hlc);
        *e = (*e).max(s.hlc);
    }
    out
}

/// Whether copy `a` includes every write copy `b` includes.
pub fn dominates(a: &Meta, b: &Meta) -> bool {
    covers(&seen_map(a), &seen_map(b))
}

/// Whether copy `a` includes every write of copy `b` and `b` lacks one of
/// `a`'s: then merging `b` into `a` keeps `a` as it is. (Copies that include
/// each other's writes but differ are merged field by field.)
pub fn strictly_includes(a: &Meta, b: &Meta) -> bool {
    let (sa, sb) = (seen_map(a), seen_map(b));
    covers(&sa, &sb) && !covers(&sb, &sa)
}

/// Whether the writes `a` has seen include every write `b` has seen.
fn covers(a: &BTreeMap<DeviceId, Hlc>, b: &BTreeMap<DeviceId, Hlc>) -> bool {
    b.iter()
        .all(|(device, hlc)| a.get(device).is_some_and(|h| h >= hlc))
}

/// Whether a copy that has seen `seen` includes the write `stamp`.
fn includes(seen: &BTreeMap<DeviceId, Hlc>, stamp: &Stamp) -> bool {
    seen.get(&stamp.device).is_some_and(|h| *h >= stamp.hlc)
}

/// Which copy a merge can return as it is, without looking at fields.
enum Shortcut {
    Ours,
    Theirs,
    /// Neither includes the other, or both hold the same writes with
    /// different content (only an edited or corrupt file can): merge field
    /// by field, which decides the same way in either order.
    Fields(BTreeMap<DeviceId, Hlc>, BTreeMap<DeviceId, Hlc>),
}

/// Decides [`Shortcut`] for two copies; `same_content` is asked only when
/// each copy includes every write of the other.
fn shortcut(ours: &Meta, theirs: &Meta, same_content: impl FnOnce() -> bool) -> Shortcut {
    let (so, st) = (seen_map(ours), seen_map(theirs));
    match (covers(&so, &st), covers(&st, &so)) {
        (true, true) if same_content() => Shortcut::Ours,
        (true, false) => Shortcut::Ours,
        (false, true) => Shortcut::Theirs,
        _ => Shortcut::Fields(so, st),
    }
}

/// Stores in `meta.seen` only what its stamps do not already show.
pub(super) fn set_seen(meta: &mut Meta, wanted: BTreeMap<DeviceId, Hlc>) {
    meta.seen.clear();
    let shown = seen_map(meta);
    meta.seen = wanted
        .into_iter()
        .filter(|(d, h)| shown.get(d).is_none_or(|s| s < h))
        .collect();
}

/// Orders two different values that carry the same stamp, the same way on
/// every device.
fn value_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    a.to_string().cmp(&b.to_string())
}

/// Merges two copies of the same record (same id and type).
pub fn merge_views(ours: &FieldView, theirs: &FieldView) -> Merged {
    let quiet = |view: &FieldView| Merged {
        view: view.clone(),
        conflicts: Vec::new(),
    };
    match shortcut(&ours.meta, &theirs.meta, || ours == theirs) {
        Shortcut::Ours => quiet(ours),
        Shortcut::Theirs => quiet(theirs),
        Shortcut::Fields(so, st) => merge_fields(ours, theirs, &so, &st),
    }
}

/// The field-by-field merge of two concurrent copies, given the writes each
/// has seen (built once: asking the metadata per field is quadratic).
fn merge_fields(
    ours: &FieldView,
    theirs: &FieldView,
    seen_ours: &BTreeMap<DeviceId, Hlc>,
    seen_theirs: &BTreeMap<DeviceId, Hlc>,
) -> Merged {
    let stamp = ours.meta.stamp.clone().max(theirs.meta.stamp.clone());
    let mut view = FieldView {
        kind: ours.kind.clone(),
        meta: Meta {
            stamp: stamp.clone(),
            fields: BTreeMap::new(),
            seen: BTreeMap::new(),
            ..ours.meta.clone()
        },
        body: serde_json::Map::new(),
    };
    let mut conflicts = Vec::new();
    for field in ours.field_names(theirs) {
        let (so, st) = (ours.written_by(field), theirs.written_by(field));
        let (vo, vt) = (ours.value(field), theirs.value(field));
        // A copy that never had the field takes no part: the other's wins.
        let (so, st) = match (so, st) {
            (Some(so), Some(st)) => (so, st),
            (Some(s), None) => {
                if *s != stamp {
                    view.meta.fields.insert(field.to_owned(), s.clone());
                }
                view.set_value(field, vo);
                continue;
            }
            (None, Some(s)) => {
                if *s != stamp {
                    view.meta.fields.insert(field.to_owned(), s.clone());
                }
                view.set_value(field, vt);
                continue;
            }
            (None, None) => continue,
        };
        let ours_wins = match so.cmp(st) {
            std::cmp::Ordering::Equal => value_order(&vo, &vt).is_ge(),
            o => o.is_gt(),
        };
        let (winner_saw, win_stamp, win_value, lost_stamp, lost_value) = if ours_wins {
            (seen_ours, so, vo, st, vt)
        } else {
            (seen_theirs, st, vt, so, vo)
        };
        // One stamp with two values: two machines wrote under one device
        // id (a copied browser profile) or a file was edited by hand. The
        // tie-break keeps one value everywhere; the other is reported.
        let one_stamp_two_values = win_stamp == lost_stamp;
        if win_value != lost_value && (one_stamp_two_values || !includes(winner_saw, lost_stamp)) {
            conflicts.push(Conflict {
                kind: ours.kind.clone(),
                record: ours.meta.id.clone(),
                field: field.to_owned(),
                kept: win_value.clone(),
                kept_stamp: win_stamp.clone(),
                lost: lost_value,
                lost_stamp: lost_stamp.clone(),
            });
        }
        if *win_stamp != stamp {
            view.meta.fields.insert(field.to_owned(), win_stamp.clone());
        }
        view.set_value(field, win_value);
    }
    if view.meta.deleted {
        let sides = [(ours, seen_ours), (theirs, seen_theirs)];
        if let Some(c) = edit_under_delete(sides, &view) {
            conflicts.push(c);
        }
    }
    let mut wanted = seen_ours.clone();
    for (d, h) in seen_theirs {
        let e = wanted.entry(d.clone()).or_insert(*h);
        *e = (*e).max(*h);
    }
    set_seen(&mut view.meta, wanted);
    Merged { view, conflicts }
}

/// An edit to a live copy that the deleting copy had not seen: the record
/// stays deleted, and the edit is reported so it can be brought back.
/// Each side comes with the writes it has seen.
fn edit_under_delete(
    [ours, theirs]: [(&FieldView, &BTreeMap<DeviceId, Hlc>); 2],
    merged: &FieldView,
) -> Option<Conflict> {
    let ((_, deleter_saw), (editor, _)) = match (ours.0.meta.deleted, theirs.0.meta.deleted) {
        (true, false) => (ours, theirs),
        (false, true) => (theirs, ours),
        _ => return None,
    };
    let newest_unseen = std::iter::once(&editor.meta.stamp)
        .chain(editor.meta.fields.values())
        .filter(|s| !includes(deleter_saw, s))
        .max()?;
    Some(Conflict {
        kind: merged.kind.clone(),
        record: merged.meta.id.clone(),
        field: DELETED.to_owned(),
        kept: Value::Bool(true),
        kept_stamp: merged.meta.field_stamp(DELETED).clone(),
        lost: Value::Bool(false),
        lost_stamp: newest_unseen.clone(),
    })
}

/// Merges two typed copies of one record; `None` only if the merged fields
/// no longer fit the model (a corrupt copy), when the caller keeps its own.
pub fn merge_records(ours: &Record, theirs: &Record) -> Option<(Record, Vec<Conflict>)> {
    let (so, st) = match shortcut(ours.meta(), theirs.meta(), || ours == theirs) {
        Shortcut::Ours => return Some((ours.clone(), Vec::new())),
        Shortcut::Theirs => return Some((theirs.clone(), Vec::new())),
        Shortcut::Fields(so, st) => (so, st),
    };
    let merged = merge_fields(
        &FieldView::from_record(ours),
        &FieldView::from_record(theirs),
        &so,
        &st,
    );
    let record = merged.view.to_record().ok().flatten()?;
    Some((record, merged.conflicts))
}

/// Why a local edit cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EditError {
    /// The stored record under this id is of another type than the edit
    /// (only a crafted or broken file can put one there): writing would
    /// turn one record into another.
    KindMismatch {
        record: RecordId,
        /// The stored record's type.
        stored: String,
        /// The edited record's type.
        edit: String,
    },
    /// The stored copy holds a stamp so far ahead of this device's clock
    /// that an edit cannot be stamped after it (see `core::clock`): the
    /// record's stamps must be repaired first ([`super::restamp`]).
    StampTooFarAhead {
        record: RecordId,
        /// The record's type.
        kind: String,
        /// The stamp and how far ahead it is.
        ahead: TooFarAhead,
    },
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::KindMismatch {
                record,
                stored,
                edit,
            } => write!(f, "record {record} is stored as {stored}, not {edit}"),
            EditError::StampTooFarAhead { record, ahead, .. } => {
                write!(f, "record {record}: {ahead}")
            }
        }
    }
}

impl std::error::Error for EditError {}

/// [`apply_edit`] of a typed record where nothing is stored: the record
/// as written, without making a field view of it (an import of 100 000
/// new rows comes this way). Gives what `apply_edit(None, _, view, …)`
/// gives for the record's view (property test
/// `a_first_write_of_a_typed_record_is_the_first_write_of_its_view`).
pub fn apply_first_write(
    mut record: Record,
    hlc: Hlc,
    device: &DeviceId,
    now_millis: u64,
) -> Result<Record, EditError> {
    let kind = record.kind();
    stamp_first_write(record.meta_mut(), kind, hlc, device, now_millis)?;
    Ok(record)
}

/// Stamps the first stored copy of a record: the write's own stamp on
/// every field, and no writes seen before it.
fn stamp_first_write(
    meta: &mut Meta,
    kind: &str,
    hlc: Hlc,
    device: &DeviceId,
    now_millis: u64,
) -> Result<(), EditError> {
    let hlc =
        clock::write_stamp(hlc, None, now_millis).map_err(|ahead| EditError::StampTooFarAhead {
            record: meta.id.clone(),
            kind: kind.to_owned(),
            ahead,
        })?;
    meta.stamp = Stamp {
        hlc,
        device: device.clone(),
    };
    meta.fields.clear();
    meta.seen.clear();
    Ok(())
}

/// Applies a local edit — the change from `base` (the copy the user saw) to
/// `new` (what they saved) — on top of `stored` (the copy in storage now,
/// which another tab may have changed meanwhile), as one write at `hlc` by
/// `device`. Only the fields the user changed are written, so edits made
/// elsewhere to other fields are kept. The write's clock reading is raised
/// above every stamp in the stored copy, so the edit wins even over a stamp
/// from a clock that ran ahead — but never further than
/// [`crate::core::clock::MAX_AHEAD_MILLIS`] ahead of the wall clock
/// `now_millis` (then [`EditError::StampTooFarAhead`]). Returns `Ok(None)`
/// when nothing changed; refuses an edit of another type than the stored
/// record.
pub fn apply_edit(
    stored: Option<&FieldView>,
    base: Option<&FieldView>,
    new: &FieldView,
    hlc: Hlc,
    device: &DeviceId,
    now_millis: u64,
) -> Result<Option<FieldView>, EditError> {
    let Some(stored) = stored else {
        let mut fresh = new.clone();
        stamp_first_write(&mut fresh.meta, &new.kind, hlc, device, now_millis)?;
        return Ok(Some(fresh));
    };
    if stored.kind != new.kind {
        return Err(EditError::KindMismatch {
            record: stored.meta.id.clone(),
            stored: stored.kind.clone(),
            edit: new.kind.clone(),
        });
    }
    let changed: Vec<&str> = match base {
        Some(base) => base
            .field_names(new)
            .into_iter()
            .filter(|f| base.value(f) != new.value(f))
            .collect(),
        None => new
            .field_names(stored)
            .into_iter()
            .filter(|f| stored.value(f) != new.value(f))
            .collect(),
    };
    if changed.is_empty() {
        return Ok(None);
    }
    let hlc = clock::write_stamp(hlc, Some(clock::newest_in(&stored.meta)), now_millis).map_err(
        |ahead| EditError::StampTooFarAhead {
            record: stored.meta.id.clone(),
            kind: stored.kind.clone(),
            ahead,
        },
    )?;
    let stamp = Stamp {
        hlc,
        device: device.clone(),
    };
    let mut out = stored.clone();
    let wanted = seen_map(&stored.meta);
    for field in stored.field_names(new) {
        if changed.contains(&field) {
            out.meta.fields.remove(field);
            out.set_value(field, new.value(field));
        } else if let Some(old) = stored.written_by(field) {
            out.meta.fields.insert(field.to_owned(), old.clone());
        }
    }
    out.meta.stamp = stamp;
    set_seen(&mut out.meta, wanted);
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Municipality;
    use crate::core::testing::meta;

    fn device(name: &str) -> DeviceId {
        DeviceId::parse(name).unwrap()
    }

    fn hlc(millis: u64) -> Hlc {
        Hlc { millis, counter: 0 }
    }

    fn municipality(name: &str) -> FieldView {
        FieldView::from_record(&Record::Municipality(Municipality {
            meta: meta("m1"),
            name: name.into(),
        }))
    }

    fn edit(stored: &FieldView, name: &str, at: u64, by: &str) -> FieldView {
        let mut new = stored.clone();
        new.set_value("name", Value::String(name.into()));
        apply_edit(Some(stored), Some(stored), &new, hlc(at), &device(by), at)
            .unwrap()
            .unwrap()
    }

    #[test]
    fn the_conflict_log_lists_the_newest_lost_write_first() {
        let base = municipality("Haninge");
        let a = edit(&base, "Haninge kommun", 10, "a");
        let b = edit(&base, "Haninge k:n", 20, "b");
        let c = edit(&base, "Haninge K", 30, "c");
        let mut log: Vec<Conflict> = [merge_views(&b, &a), merge_views(&c, &b)]
            .into_iter()
            .flat_map(|m| m.conflicts)
            .collect();
        assert_eq!(log.len(), 2);
        newest_lost_first(&mut log);
        let lost: Vec<u64> = log.iter().map(|c| c.lost_stamp.hlc.millis).collect();
        assert_eq!(lost, [20, 10]);
    }

    #[test]
    fn a_later_edit_that_saw_the_earlier_one_wins_without_a_conflict() {
        let base = municipality("Haninge");
        let a = edit(&base, "Haninge kommun", 10, "a");
        let b = edit(&a, "Haninge k:n", 20, "b");
        let m = merge_views(&a, &b);
        assert_eq!(m.view, b);
        assert!(m.conflicts.is_empty());
        assert_eq!(merge_views(&b, &a).view, b);
    }

    #[test]
    fn concurrent_edits_of_one_field_keep_the_newer_and_log_the_other() {
        let base = municipality("Haninge");
        let a = edit(&base, "A", 10, "a");
        let b = edit(&base, "B", 20, "b");
        let m = merge_views(&a, &b);
        assert_eq!(m.view.value("name"), Value::String("B".into()));
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].lost, Value::String("A".into()));
        assert_eq!(m.conflicts[0].field, "name");
        let n = merge_views(&b, &a);
        assert_eq!(n.view, m.view);
        assert_eq!(n.conflicts, m.conflicts);
        // Once merged, meeting either side again is quiet.
        assert!(merge_views(&m.view, &a).conflicts.is_empty());
        assert_eq!(merge_views(&m.view, &a).view, m.view);
    }

    #[test]
    fn edits_to_different_fields_both_survive() {
        let mut base = municipality("Haninge");
        base.body.insert("note".into(), Value::String("x".into()));
        let a = edit(&base, "A", 10, "a");
        let mut b_new = base.clone();
        b_new.set_value("note", Value::String("y".into()));
        let b = apply_edit(Some(&base), Some(&base), &b_new, hlc(5), &device("b"), 5)
            .unwrap()
            .unwrap();
        let m = merge_views(&a, &b);
        assert_eq!(m.view.value("name"), Value::String("A".into()));
        assert_eq!(m.view.value("note"), Value::String("y".into()));
        assert!(m.conflicts.is_empty());
        assert_eq!(m.view, merge_views(&b, &a).view);
    }

    #[test]
    fn a_delete_keeps_winning_and_an_unseen_edit_is_reported() {
        let base = municipality("Haninge");
        let mut gone = base.clone();
        gone.set_value(DELETED, Value::Bool(true));
        let deleted = apply_edit(Some(&base), Some(&base), &gone, hlc(10), &device("a"), 10)
            .unwrap()
            .unwrap();
        let edited = edit(&base, "B", 20, "b");
        let m = merge_views(&deleted, &edited);
        assert!(m.view.meta.deleted);
        assert_eq!(m.view.value("name"), Value::String("B".into()));
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].field, DELETED);
        assert_eq!(m.conflicts[0].lost, Value::Bool(false));
    }

    #[test]
    fn an_edit_onto_a_copy_changed_by_another_tab_keeps_that_change() {
        let mut base = municipality("Haninge");
        base.body.insert("note".into(), Value::String("x".into()));
        let other_tab = edit(&base, "Other", 10, "d");
        let mut mine = base.clone();
        mine.set_value("note", Value::String("mine".into()));
        let out = apply_edit(
            Some(&other_tab),
            Some(&base),
            &mine,
            hlc(11),
            &device("d"),
            11,
        )
        .unwrap()
        .unwrap();
        assert_eq!(out.value("name"), Value::String("Other".into()));
        assert_eq!(out.value("note"), Value::String("mine".into()));
        assert_eq!(
            apply_edit(Some(&out), Some(&out), &out, hlc(12), &device("d"), 12),
            Ok(None)
        );
    }

    #[test]
    fn an_edit_outranks_a_stamp_up_to_an_hour_ahead() {
        let now = 1_795_428_900_000;
        let base = municipality("Haninge");
        let ahead = edit(&base, "Ahead", now + 50 * 60_000, "x");
        let mut new = ahead.clone();
        new.set_value("name", Value::String("Now".into()));
        let mine = apply_edit(
            Some(&ahead),
            Some(&ahead),
            &new,
            hlc(now),
            &device("d"),
            now,
        )
        .unwrap()
        .unwrap();
        assert!(mine.meta.stamp > ahead.meta.stamp);
        assert_eq!(merge_views(&ahead, &mine).view, mine);
    }

    #[test]
    fn an_edit_of_a_record_stamped_years_ahead_is_refused_not_stamped_years_ahead() {
        let now = 1_795_428_900_000;
        let base = municipality("Haninge");
        let future = edit(&base, "Future", now + 5 * 365 * 86_400_000, "x");
        let mut new = future.clone();
        new.set_value("name", Value::String("Now".into()));
        let out = apply_edit(
            Some(&future),
            Some(&future),
            &new,
            hlc(now),
            &device("d"),
            now,
        );
        assert!(
            matches!(out, Err(EditError::StampTooFarAhead { .. })),
            "{out:?}"
        );
    }

    #[test]
    fn an_edit_of_another_type_than_the_stored_record_is_refused() {
        let base = municipality("Haninge");
        let mut other = base.clone();
        other.kind = "survey".into();
        let mut new = base.clone();
        new.set_value("name", Value::String("X".into()));
        assert_eq!(
            apply_edit(Some(&other), Some(&base), &new, hlc(5), &device("d"), 5),
            Err(EditError::KindMismatch {
                record: base.meta.id.clone(),
                stored: "survey".into(),
                edit: "municipality".into()
            })
        );
    }

    #[test]
    fn typed_merge_matches_the_view_merge() {
        let base = municipality("Haninge");
        let a = edit(&base, "A", 10, "a").to_record().unwrap().unwrap();
        let b = edit(&base, "B", 20, "b").to_record().unwrap().unwrap();
        let (m, conflicts) = merge_records(&a, &b).unwrap();
        assert_eq!(conflicts.len(), 1);
        let via_views = merge_views(&FieldView::from_record(&a), &FieldView::from_record(&b));
        assert_eq!(FieldView::from_record(&m), via_views.view);
    }
}
