#![cfg(not(target_arch = "wasm32"))]
//! Adversarial tests of the edges where data enters and leaves (issue 18:
//! "nothing lost, no identity kept"), through the core's public API: a
//! laptop whose clock runs ahead, fields emptied on one laptop, conflicts
//! that appear between the preview and "Slå samman", records of another
//! type under a known id, two machines sharing one device id, and what may
//! leave the device. Each test was written to fail before its fix.

use maltavla::core::clock::{self, MAX_AHEAD_MILLIS};
use maltavla::core::demo;
use maltavla::core::exchange::merge::{apply_edit, known_fields, restamp, EditError, FieldView};
use maltavla::core::exchange::snapshot::{
    confirm_write, export, export_checked, plan_import, plan_import_by, read, ExportInfo, Me,
    OutgoingProblem, Part, SnapshotError,
};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use serde_json::{json, Value};

/// This device's clock: 2026-11-23T10:15:00Z.
const NOW: u64 = 1_795_428_900_000;
const MINUTE: u64 = 60_000;
const YEAR: u64 = 365 * 24 * 60 * MINUTE;

fn device(name: &str) -> DeviceId {
    DeviceId::parse(name).expect("a valid device id")
}

fn at(millis: u64) -> Hlc {
    Hlc { millis, counter: 0 }
}

fn info(millis: u64) -> ExportInfo {
    ExportInfo {
        millis,
        device: device("laptop"),
    }
}

/// Edits `field` of record `id` in `ws` to `value`, as device `by` whose
/// wall clock reads `now`.
fn edit(ws: &mut Workspace, id: &RecordId, field: &str, value: Value, now: u64, by: &str) {
    let view = ws.view(id).expect("held");
    let mut new = view.clone();
    new.set_value(field, value);
    let out = apply_edit(Some(&view), Some(&view), &new, at(now), &device(by), now)
        .expect("allowed")
        .expect("a change");
    ws.put_view(out).expect("valid");
}

/// Imports the whole of `from` into `to`, as a file read at `now`.
fn import(to: &mut Workspace, from: &Workspace, now: u64) {
    let incoming = read(&export(from, &Part::All, &info(now)), now).expect("reads");
    for v in plan_import(to, &incoming).expect("plans").writes {
        to.put_view(v).expect("valid");
    }
}

/// Imports a file's text into `to`.
fn import_text(to: &mut Workspace, text: &str) {
    let incoming = read(text, NOW).expect("reads");
    for v in plan_import(to, &incoming).expect("plans").writes {
        to.put_view(v).expect("valid");
    }
}

fn org_id() -> RecordId {
    RecordId::parse("organisation").expect("valid")
}

#[test]
fn every_field_of_every_known_type_is_written_even_when_empty() {
    // The current fixture holds a record of every known type.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/snapshots/v1.4.json"
    );
    let text = std::fs::read_to_string(path).expect("the fixture exists");
    let mut ws = Workspace::default();
    import_text(&mut ws, &text);
    let mut kinds = std::collections::BTreeSet::new();
    for r in ws.records() {
        let view = FieldView::from_record(&r);
        kinds.insert(view.kind.clone());
        let known = known_fields(&view.kind).expect("a known type");
        for field in known.iter().filter(|f| **f != "meta") {
            assert!(
                view.body.contains_key(*field),
                "{} {}: the field {field} is left out when empty, so a merge would take it for never written",
                view.kind,
                view.meta.id
            );
        }
    }
    assert_eq!(
        kinds.len(),
        14,
        "the demo holds every known type: {kinds:?}"
    );
}

#[test]
fn a_protection_threshold_emptied_on_one_laptop_stays_empty_after_merging_in_any_order() {
    let mut a = demo::workspace();
    edit(
        &mut a,
        &org_id(),
        "protection_threshold",
        json!(5),
        NOW - 3000,
        "a",
    );
    let mut b = a.clone();
    // Laptop a empties it; laptop b renames the förbund meanwhile.
    edit(
        &mut a,
        &org_id(),
        "protection_threshold",
        Value::Null,
        NOW - 2000,
        "a",
    );
    edit(
        &mut b,
        &org_id(),
        "name",
        json!("Förbundet"),
        NOW - 1000,
        "b",
    );
    let (mut ab, mut ba) = (a.clone(), b.clone());
    import(&mut ab, &b, NOW);
    import(&mut ba, &a, NOW);
    for ws in [&ab, &ba] {
        let org = ws.organisation.as_ref().expect("held");
        assert_eq!(
            org.protection_threshold, None,
            "the emptied threshold came back"
        );
        assert_eq!(org.name, "Förbundet");
    }
    assert_eq!(
        export(&ab, &Part::All, &info(NOW)),
        export(&ba, &Part::All, &info(NOW))
    );
}

/// Every (record, field) of the demo whose value can be emptied (written as
/// `null`) and is not empty now (worked out once).
fn emptiable() -> &'static [(RecordId, String)] {
    static FIELDS: std::sync::OnceLock<Vec<(RecordId, String)>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(find_emptiable)
}

fn find_emptiable() -> Vec<(RecordId, String)> {
    let ws = demo::workspace();
    let mut out = Vec::new();
    for view in ws.views() {
        for (field, value) in &view.body {
            let empty = match value {
                Value::Null => true,
                Value::String(s) => s.is_empty(),
                Value::Array(a) => a.is_empty(),
                _ => false,
            };
            let mut emptied = view.clone();
            emptied.set_value(field, Value::Null);
            if !empty && emptied.to_record().is_ok() {
                out.push((view.meta.id.clone(), field.clone()));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Laptop a empties a field; laptop b, which had the value, edits
    /// another field before or after. Exchanged as files in either order,
    /// both end with the field empty and identical.
    #[test]
    fn a_field_emptied_on_one_laptop_stays_empty_after_merging_in_any_order(
        pick in any::<prop::sample::Index>(),
        b_later in any::<bool>(),
        a_first in any::<bool>(),
    ) {
        let fields = emptiable();
        prop_assume!(!fields.is_empty());
        let (id, field) = pick.get(fields).clone();
        let mut a = demo::workspace();
        let mut b = demo::workspace();
        edit(&mut a, &id, &field, Value::Null, NOW - 2000, "a");
        let other = if field == "note" { "name" } else { "note" };
        let b_time = if b_later { NOW - 1000 } else { NOW - 3000 };
        if b.view(&id).is_some_and(|v| v.body.contains_key(other)) {
            edit(&mut b, &id, other, json!("ändrad på b"), b_time, "b");
        }
        let (mut x, y) = if a_first { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        import(&mut x, &y, NOW);
        let mut z = y.clone();
        import(&mut z, &x, NOW);
        for ws in [&x, &z] {
            let v = ws.view(&id).expect("held");
            prop_assert_eq!(v.value(&field), Value::Null, "{} {} came back", id, field);
        }
        prop_assert_eq!(export(&x, &Part::All, &info(NOW)), export(&z, &Part::All, &info(NOW)));
    }

    /// Whatever the stored copy holds and whatever this device's clock
    /// reads, an edit it writes is stamped at most an hour ahead of its
    /// wall clock — or refused, when the record holds a stamp further
    /// ahead than that.
    #[test]
    fn no_stamp_this_device_writes_is_ever_more_than_the_drift_ahead_of_its_wall_clock(
        stored_ahead in prop_oneof![0u64..2 * MAX_AHEAD_MILLIS, 0u64..10 * YEAR],
        counter in any::<u32>(),
        clock_ahead in 0u64..clock::FOLLOW_MILLIS,
    ) {
        let ws = demo::workspace();
        let base = ws.view(&RecordId::parse("demo-haninge").expect("valid")).expect("held");
        let mut stored = base.clone();
        stored.meta.stamp.hlc = Hlc { millis: NOW + stored_ahead, counter };
        let mut new = stored.clone();
        new.set_value("name", json!("Haninge kommun"));
        let hlc = at(NOW + clock_ahead);
        // The stamp that would win over the stored copy.
        let needed = if stored.meta.stamp.hlc >= hlc { stored.meta.stamp.hlc.tick(0) } else { hlc };
        match apply_edit(Some(&stored), Some(&stored), &new, hlc, &device("me"), NOW) {
            Ok(Some(v)) => {
                prop_assert!(v.meta.stamp.hlc.millis <= NOW + MAX_AHEAD_MILLIS);
                prop_assert!(v.meta.stamp > stored.meta.stamp, "the edit must win");
            }
            Ok(None) => prop_assert!(false, "a change is a write"),
            Err(EditError::StampTooFarAhead { .. }) => {
                prop_assert!(needed.millis > NOW + MAX_AHEAD_MILLIS, "refused although it could win");
            }
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}

#[test]
fn a_file_from_a_clock_five_years_ahead_wins_nothing_and_poisons_nothing() {
    let ours = demo::workspace();
    let mut fast = demo::workspace();
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    edit(
        &mut fast,
        &haninge,
        "name",
        json!("Framtid"),
        NOW + 5 * YEAR,
        "fast",
    );
    let file = export(&fast, &Part::All, &info(NOW + 5 * YEAR));
    match read(&file, NOW) {
        Err(SnapshotError::ClockAhead {
            device,
            ahead_millis,
            records,
            first,
        }) => {
            assert_eq!(device, "fast");
            assert_eq!(ahead_millis, 5 * YEAR);
            assert_eq!(records, 1);
            assert_eq!(first.id, "demo-haninge");
        }
        other => panic!("{other:?}"),
    }
    // Nothing was imported, so this device's own files stay readable.
    let mine = export_checked(&ours, &Part::All, &info(NOW)).expect("exports");
    assert!(read(&mine, NOW).is_ok());
}

#[test]
fn a_stored_record_from_the_year_9999_is_repaired_keeping_its_values_and_then_exports() {
    // What an older version accepted: a stamp at the end of the year 9999.
    let mut ws = demo::workspace();
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    let mut view = ws.view(&haninge).expect("held");
    view.meta.stamp.hlc = Hlc {
        millis: clock::MAX_MILLIS,
        counter: u32::MAX,
    };
    let mut poisoned = Workspace::default();
    for v in ws.views() {
        poisoned
            .put_view(if v.meta.id == haninge {
                view.clone()
            } else {
                v
            })
            .expect("valid");
    }
    ws = poisoned;
    assert!(matches!(
        export_checked(&ws, &Part::All, &info(NOW)),
        Err(OutgoingProblem::StampsAhead { records: 1, .. })
    ));
    let stored = ws.view(&haninge).expect("held");
    let mut new = stored.clone();
    new.set_value("name", json!("Haninge kommun"));
    assert!(matches!(
        apply_edit(
            Some(&stored),
            Some(&stored),
            &new,
            at(NOW),
            &device("me"),
            NOW
        ),
        Err(EditError::StampTooFarAhead { .. })
    ));
    let fixed = restamp(&stored, at(NOW), &device("me"), NOW).expect("repaired");
    assert_eq!(fixed.body, stored.body);
    ws.replace_view(fixed).expect("valid");
    assert_eq!(
        ws.view(&haninge).expect("held").value("name"),
        json!("Haninge")
    );
    let text = export_checked(&ws, &Part::All, &info(NOW)).expect("exports once repaired");
    assert!(read(&text, NOW).is_ok(), "and reads back");
    let stored = ws.view(&haninge).expect("held");
    assert!(apply_edit(
        Some(&stored),
        Some(&stored),
        &new,
        at(NOW + 1),
        &device("me"),
        NOW + 1
    )
    .is_ok());
}

#[test]
fn a_conflict_that_appears_between_the_preview_and_confirming_reaches_the_log() {
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    let mut ours = demo::workspace();
    let mut theirs = demo::workspace();
    edit(
        &mut theirs,
        &haninge,
        "name",
        json!("Haninge k:n"),
        NOW - 3000,
        "b",
    );
    let incoming = read(&export(&theirs, &Part::All, &info(NOW)), NOW).expect("reads");
    let plan = plan_import(&ours, &incoming).expect("plans");
    assert!(
        plan.conflicts.is_empty(),
        "nothing conflicts at the preview"
    );
    // Another tab renames Haninge after the preview, before "Slå samman".
    edit(
        &mut ours,
        &haninge,
        "name",
        json!("Haninge kommun"),
        NOW - 1000,
        "a",
    );
    let stored_now = ours.view(&haninge).expect("held");
    let planned = plan
        .writes
        .into_iter()
        .find(|v| v.meta.id == haninge)
        .expect("planned");
    let (merged, conflicts) = confirm_write(Some(&stored_now), planned).expect("same type");
    assert_eq!(merged.value("name"), json!("Haninge kommun"));
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].lost, json!("Haninge k:n"));
}

#[test]
fn a_record_of_another_type_under_the_same_id_refuses_the_confirmed_import() {
    let ws = demo::workspace();
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    let stored = ws.view(&haninge).expect("held");
    let mut other = stored.clone();
    other.kind = "survey".into();
    assert!(matches!(
        confirm_write(Some(&stored), other),
        Err(SnapshotError::KindClash { .. })
    ));
}

#[test]
fn writes_made_under_this_devices_id_on_another_machine_are_noticed_and_lose_nothing_silently() {
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    // A copied browser profile: two machines write as "twin".
    let mut here = demo::workspace();
    let mut copy = demo::workspace();
    edit(
        &mut here,
        &haninge,
        "name",
        json!("Haninge här"),
        NOW - 5000,
        "twin",
    );
    edit(
        &mut copy,
        &haninge,
        "name",
        json!("Haninge där"),
        NOW - 1000,
        "twin",
    );
    let incoming = read(&export(&copy, &Part::All, &info(NOW)), NOW).expect("reads");
    let me = Me {
        device: device("twin"),
        last: at(NOW - 5000),
    };
    let plan = plan_import_by(&here, &incoming, &me).expect("plans");
    assert_eq!(plan.foreign_writes, 1);
    let lost: Vec<&Value> = plan.conflicts.iter().map(|c| &c.lost).collect();
    assert!(
        lost.contains(&&json!("Haninge här")),
        "this machine's value was replaced silently: {:?}",
        plan.conflicts
    );
    // Without the device, the plan cannot tell (and says nothing).
    assert_eq!(
        plan_import(&here, &incoming).expect("plans").foreign_writes,
        0
    );
}

#[test]
fn one_stamp_with_two_values_is_reported_as_a_conflict() {
    let haninge = RecordId::parse("demo-haninge").expect("valid");
    let mut a = demo::workspace();
    let mut b = demo::workspace();
    edit(&mut a, &haninge, "name", json!("A"), NOW, "twin");
    edit(&mut b, &haninge, "name", json!("B"), NOW, "twin");
    let incoming = read(&export(&b, &Part::All, &info(NOW)), NOW).expect("reads");
    let plan = plan_import(&a, &incoming).expect("plans");
    assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.conflicts);
}

#[test]
fn a_personal_number_anywhere_in_a_file_refuses_it_and_changes_nothing() {
    let ws = demo::workspace();
    let file = export(&ws, &Part::All, &info(NOW));
    for (what, from, to) in [
        (
            "a note",
            r#""name":"Haninge""#,
            r#""name":"Haninge","note":"19850709-9805""#,
        ),
        ("an id", r#""id":"demo-haninge""#, r#""id":"p8507099805""#),
        (
            "a note with an en dash",
            r#""name":"Haninge""#,
            "\"name\":\"Haninge\",\"note\":\"850709\u{2013}9805\"",
        ),
        (
            "a field from a newer version",
            r#""name":"Haninge""#,
            r#""name":"Haninge","kontakt":{"pnr":["850709-9805"]}"#,
        ),
    ] {
        let bad = file.replacen(from, to, 1);
        assert_ne!(bad, file, "{what}");
        assert!(
            matches!(read(&bad, NOW), Err(SnapshotError::BadRecord { .. })),
            "{what}: {:?}",
            read(&bad, NOW).map(|_| ())
        );
    }
    assert!(read(&file, NOW).is_ok());
}
