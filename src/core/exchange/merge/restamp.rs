//! Repairing records that hold stamps from the future.
//!
//! Before the clock rule (`core::clock`), a file from a laptop whose clock
//! ran years ahead was accepted, and its stamps stayed: they beat every
//! later edit, and once edited here a record could carry a stamp after the
//! year 9999 that made this device's own files unreadable. A laptop whose
//! own clock ran ahead and has been set right holds such stamps too. Edits
//! of those records are refused ([`super::EditError::StampTooFarAhead`])
//! until the user repairs them.
//!
//! Guarantees: [`restamp`] keeps every value and the tombstone flag; it
//! rewrites only the stamps that lie more than
//! [`crate::core::clock::MAX_AHEAD_MILLIS`] ahead of the wall clock, as one
//! write made now by this device (ordered after every stamp it keeps), and
//! forgets the writes from the future it had "seen", so a later real write
//! of that device is never mistaken for one already included.

use super::record::{seen_of, set_seen};
use super::view::FieldView;
use crate::core::clock::{self, Drift};
use crate::core::ids::{DeviceId, Hlc, Stamp};
use std::collections::BTreeMap;

/// Whether `hlc` lies too far ahead of `now_millis` to keep.
fn too_far(hlc: Hlc, now_millis: u64) -> bool {
    matches!(clock::drift(hlc, now_millis), Drift::TooFar(_))
}

/// Whether any stamp of `view` lies too far ahead of `now_millis`.
pub fn needs_restamp(view: &FieldView, now_millis: u64) -> bool {
    too_far(clock::newest_in(&view.meta), now_millis)
}

/// `view` with every stamp more than [`clock::MAX_AHEAD_MILLIS`] ahead of
/// `now_millis` replaced by one write at `hlc` (raised above the stamps it
/// keeps) by `device`; `None` when no stamp is that far ahead.
pub fn restamp(
    view: &FieldView,
    hlc: Hlc,
    device: &DeviceId,
    now_millis: u64,
) -> Option<FieldView> {
    if !needs_restamp(view, now_millis) {
        return None;
    }
    let meta = &view.meta;
    let kept = |s: &&Stamp| !too_far(s.hlc, now_millis);
    // Every write the copy includes, but those from the future.
    let mut wanted: BTreeMap<DeviceId, Hlc> = BTreeMap::new();
    for (d, h) in seen_of(meta) {
        if !too_far(h, now_millis) {
            wanted.insert(d, h);
        }
    }
    let mut fields = BTreeMap::new();
    let mut newest_kept = Hlc::default();
    for field in view.field_names(view) {
        if let Some(s) = view.written_by(field).filter(kept) {
            newest_kept = newest_kept.max(s.hlc);
            fields.insert(field.to_owned(), s.clone());
        }
    }
    for h in wanted.values() {
        newest_kept = newest_kept.max(*h);
    }
    // Kept stamps are at most an hour ahead, so a stamp after them exists.
    let hlc = clock::write_stamp(hlc, Some(newest_kept), now_millis).unwrap_or(hlc);
    let mut out = view.clone();
    out.meta.stamp = Stamp {
        hlc,
        device: device.clone(),
    };
    out.meta.fields = fields;
    set_seen(&mut out.meta, wanted);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::merge::{apply_edit, merge_views, DELETED};
    use crate::core::model::{Municipality, Record};
    use crate::core::testing::meta;
    use serde_json::Value;

    const NOW: u64 = 1_795_428_900_000;
    const YEAR: u64 = 365 * 86_400_000;

    fn device(name: &str) -> DeviceId {
        DeviceId::parse(name).unwrap()
    }

    fn at(millis: u64) -> Hlc {
        Hlc { millis, counter: 0 }
    }

    /// A municipality renamed at `rename` by `x` (whose clock may be
    /// wrong), its note set earlier by `y`.
    fn record(rename: u64) -> FieldView {
        let mut base = FieldView::from_record(&Record::Municipality(Municipality {
            meta: meta("m1"),
            name: "Haninge".into(),
        }));
        base.body.insert("note".into(), Value::Null);
        let mut noted = base.clone();
        noted.set_value("note", Value::String("y's note".into()));
        let noted = apply_edit(
            Some(&base),
            Some(&base),
            &noted,
            at(NOW - 1000),
            &device("y"),
            NOW,
        )
        .unwrap()
        .unwrap();
        let mut renamed = noted.clone();
        renamed.set_value("name", Value::String("Haninge kommun".into()));
        // Written as a laptop with its clock at `rename` would.
        apply_edit(
            Some(&noted),
            Some(&noted),
            &renamed,
            at(rename),
            &device("x"),
            rename,
        )
        .unwrap()
        .unwrap()
    }

    #[test]
    fn a_record_from_five_years_ahead_keeps_its_values_and_gets_a_stamp_of_now() {
        let future = record(NOW + 5 * YEAR);
        let fixed = restamp(&future, at(NOW), &device("me"), NOW).unwrap();
        assert_eq!(fixed.body, future.body);
        assert_eq!(fixed.meta.deleted, future.meta.deleted);
        assert_eq!(fixed.meta.stamp.device, device("me"));
        assert_eq!(fixed.meta.stamp.hlc, at(NOW));
        assert!(!needs_restamp(&fixed, NOW));
        // y's older write keeps its stamp; x's write from the future is gone.
        assert_eq!(fixed.written_by("note").unwrap().device, device("y"));
        assert_eq!(fixed.meta.seen_from(&device("x")), None);
        // Now an edit can be made, stamped now.
        let mut new = fixed.clone();
        new.set_value("name", Value::String("Ny".into()));
        assert!(apply_edit(
            Some(&fixed),
            Some(&fixed),
            &new,
            at(NOW + 1),
            &device("me"),
            NOW + 1
        )
        .is_ok());
    }

    #[test]
    fn a_record_without_stamps_far_ahead_is_left_alone() {
        let fine = record(NOW + 30 * 60_000);
        assert_eq!(restamp(&fine, at(NOW), &device("me"), NOW), None);
    }

    #[test]
    fn a_later_real_write_of_the_device_that_was_ahead_is_not_taken_for_one_already_seen() {
        let future = record(NOW + 5 * YEAR);
        let fixed = restamp(&future, at(NOW), &device("me"), NOW).unwrap();
        // x's clock is set right; x (whose own copy was repaired too) edits
        // the tombstone flag a day later.
        let x_fixed = restamp(&future, at(NOW + 10), &device("x2"), NOW + 10).unwrap();
        let mut gone = x_fixed.clone();
        gone.set_value(DELETED, Value::Bool(true));
        let day = NOW + 86_400_000;
        let deleted = apply_edit(
            Some(&x_fixed),
            Some(&x_fixed),
            &gone,
            at(day),
            &device("x"),
            day,
        )
        .unwrap()
        .unwrap();
        let merged = merge_views(&fixed, &deleted);
        assert!(merged.view.meta.deleted, "x's real write was dropped");
    }

    #[test]
    fn the_year_9999_with_a_full_counter_is_repaired() {
        let mut end = record(NOW);
        end.meta.stamp.hlc = Hlc {
            millis: clock::MAX_MILLIS,
            counter: u32::MAX,
        };
        let fixed = restamp(&end, at(NOW), &device("me"), NOW).unwrap();
        assert!(fixed.meta.stamp.hlc.millis <= NOW + clock::MAX_AHEAD_MILLIS);
    }
}
