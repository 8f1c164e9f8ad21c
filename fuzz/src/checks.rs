//! The properties the fuzz targets check, in one place: the fuzz crate
//! (`fuzz/src/lib.rs`) and the regression tests (`tests/fuzz_regressions.rs`,
//! through `#[path]`) run exactly this code, so a crash found by the fuzzer
//! is replayed by `cargo test` on the same path.
//!
//! Every function here may panic: that is how a broken property is reported
//! to libFuzzer. Nothing in the core it calls may.

use maltavla::core::exchange::snapshot::{
    export, export_checked, file_name, plan_import, read, ExportInfo, ImportPlan, Incoming, Part,
};
use maltavla::core::exchange::sync::published::check_public;
use maltavla::core::ids::{DeviceId, Hlc};
use maltavla::core::workspace::Workspace;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// This device's clock in every check: 2026-11-23T10:15:00Z.
pub const NOW: u64 = 1_795_428_900_000;

/// Who exports in every check.
pub fn info() -> ExportInfo {
    ExportInfo {
        millis: NOW,
        device: DeviceId::parse("fuzz").expect("a valid device id"),
    }
}

/// The demo workspace, built once.
pub fn demo() -> &'static Workspace {
    static DEMO: OnceLock<Workspace> = OnceLock::new();
    DEMO.get_or_init(maltavla::core::demo::workspace)
}

/// The demo workspace as a snapshot file: the seed of both targets.
pub fn demo_export() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| export(demo(), &Part::All, &info()))
}

/// Stores every write of a plan, as confirming an import does; each write
/// must be storable (the plan comes from a file that passed every check).
pub fn apply(ws: &mut Workspace, plan: &ImportPlan) {
    for view in &plan.writes {
        if let Err(e) = ws.put_view(view.clone()) {
            panic!("a planned write was refused: {e}\n{}", view.to_json());
        }
    }
}

/// Target `snapshot_read`: any text. If it reads, it imports into the demo
/// workspace and into an empty one with every import property holding.
pub fn check_snapshot(text: &str) {
    let Ok(incoming) = read(text, NOW) else {
        return;
    };
    let _ = incoming.clock_reading(NOW);
    let _ = incoming.clock_reading(u64::MAX);
    import_and_check(demo().clone(), &incoming);
    import_and_check(Workspace::default(), &incoming);
}

/// Imports `incoming` into `ws` and checks what follows; `None` when the
/// import is refused (a clean `KindClash`).
pub fn import_and_check(mut ws: Workspace, incoming: &Incoming) -> Option<Workspace> {
    let plan = plan_import(&ws, incoming).ok()?;
    apply(&mut ws, &plan);
    let once = ws.clone();
    apply(&mut ws, &plan);
    assert!(
        ws == once,
        "applying the same plan twice changed the workspace"
    );
    let again = plan_import(&ws, incoming).expect("the file imported once imports again");
    assert!(
        again.is_empty(),
        "importing the same file a second time still writes {} records, e.g. {}",
        again.writes.len(),
        again.writes[0].to_json()
    );
    let text = export(&ws, &Part::All, &info());
    // What was accepted may always leave again: no personnummer, no stamp
    // too far ahead (so no device is ever left with files it cannot read).
    if let Err(e) = export_checked(&ws, &Part::All, &info()) {
        panic!("an accepted file cannot be exported again: {e:?}");
    }
    let back = read(&text, NOW).unwrap_or_else(|e| panic!("our export does not read: {e:?}"));
    let own = plan_import(&ws, &back).expect("our own export imports");
    assert!(own.is_empty(), "importing our own export changes something");
    let mut fresh = Workspace::default();
    let plan = plan_import(&fresh, &back).expect("an export imports");
    apply(&mut fresh, &plan);
    assert!(
        export(&fresh, &Part::All, &info()) == text,
        "export → read → import → export does not give the same bytes"
    );
    for project in ws.projects.all().take(2) {
        let part = Part::Project(project.meta.id.clone());
        let text = export(&ws, &part, &info());
        if let Err(e) = read(&text, NOW) {
            panic!("a project export does not read: {e:?}");
        }
    }
    check_public_part(&ws, &text);
    let _ = file_name(
        &ws,
        Some(&incoming.info.part.clone().unwrap_or_default()),
        NOW,
    );
    Some(ws)
}

/// The part made for publishing of `ws`, whose full export is `full`:
/// it reads, is accepted as a published snapshot (no participation, no
/// arrival, nothing unknown), and every record it copies from the
/// workspace is its line of the full export, byte for byte.
fn check_public_part(ws: &Workspace, full: &str) {
    let part = Part::Public {
        figures_at: Hlc {
            millis: NOW,
            counter: 0,
        },
    };
    let text = export(ws, &part, &info());
    let back = read(&text, NOW).unwrap_or_else(|e| panic!("a public export does not read: {e:?}"));
    if let Err(why) = check_public(&back) {
        panic!("a public export is refused as a published snapshot: {why:?}");
    }
    let lines: BTreeSet<&str> = full
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches(','))
        .collect();
    for line in text.lines().skip(1).map(|l| l.trim_end_matches(',')) {
        let derived =
            line.starts_with("{\"published_figure\":") || line.starts_with("{\"door_count\":");
        assert!(
            derived || line == "]}" || lines.contains(line),
            "a public export changed a record on its way out: {line}"
        );
    }
}

/// Imports the files in order into an empty workspace; `None` if one is
/// refused.
fn import_all(files: &[&Incoming]) -> Option<Workspace> {
    let mut ws = Workspace::default();
    for incoming in files {
        let plan = plan_import(&ws, incoming).ok()?;
        apply(&mut ws, &plan);
    }
    Some(ws)
}

/// Target `merge`: two files. If both read, importing them in either order
/// into an empty workspace gives the same workspace, byte for byte.
pub fn check_merge(a: &str, b: &str) {
    let (Ok(ia), Ok(ib)) = (read(a, NOW), read(b, NOW)) else {
        return;
    };
    let ab = import_all(&[&ia, &ib]);
    let ba = import_all(&[&ib, &ia]);
    let (ab, ba) = match (ab, ba) {
        (Some(ab), Some(ba)) => (ab, ba),
        (None, None) => return,
        (ab, ba) => panic!(
            "one order is refused, the other not (a then b: {}, b then a: {})\n--- a\n{a}\n--- b\n{b}",
            ab.is_some(),
            ba.is_some()
        ),
    };
    let (text_ab, text_ba) = (
        export(&ab, &Part::All, &info()),
        export(&ba, &Part::All, &info()),
    );
    if text_ab != text_ba {
        let diff: Vec<String> = text_ab
            .lines()
            .zip(text_ba.lines())
            .filter(|(x, y)| x != y)
            .map(|(x, y)| format!("a then b: {x}\nb then a: {y}"))
            .collect();
        panic!(
            "the order of import matters:\n{}\n--- a\n{a}\n--- b\n{b}",
            diff.join("\n")
        );
    }
}

/// Target `webdav_listing`: any text as a PROPFIND answer. Parsing never
/// panics; what it gives is a sorted list of device files without
/// duplicates, each ETag in its header form, each date a valid HTTP date,
/// and each entry gets a write condition that can refuse a change made
/// meanwhile (never `If-Match` with a weak tag when a date was listed).
pub fn check_listing(text: &str) {
    use maltavla::core::exchange::sync::webdav::{
        entity_tag, http_date, is_weak, parse_listing, plan, write_condition,
    };
    let Ok(entries) = parse_listing(text) else {
        return;
    };
    for pair in entries.windows(2) {
        if let [a, b] = pair {
            assert!(a.name < b.name, "not sorted or a duplicate: {a:?} {b:?}");
        }
    }
    for e in &entries {
        assert!(
            e.name.starts_with("maltavla-") && e.name.ends_with(".json") && e.name.len() > 14,
            "not a device file: {e:?}"
        );
        if let Some(etag) = &e.etag {
            assert!(
                etag.starts_with('"') || etag.starts_with("W/\""),
                "ETag not in header form: {e:?}"
            );
            assert_eq!(
                entity_tag(etag).as_ref(),
                Some(etag),
                "not an entity tag: {e:?}"
            );
        }
        if let Some(date) = &e.modified {
            assert_eq!(
                http_date(date).as_ref(),
                Some(date),
                "date not canonical: {e:?}"
            );
        }
        let (name, value) = write_condition(Some(e));
        assert!(
            ["If-Match", "If-None-Match", "If-Unmodified-Since"].contains(&name),
            "{name}"
        );
        assert!(
            !value.contains(['\r', '\n']),
            "a header value with a line break: {value:?}"
        );
        if name == "If-Match" && is_weak(&value) {
            assert!(
                e.modified.is_none(),
                "a weak If-Match although a date was listed: {e:?}"
            );
        }
        let sync = plan(&entries, &e.name, &Default::default());
        assert_eq!(sync.read.len(), entries.len());
        assert_eq!(sync.own.as_ref(), Some(e));
    }
}

/// Any text as a stored bucket and as a value of the layout before
/// buckets: loading never panics; a bucket a write can read takes a write
/// of every record it holds that this version reads, keeps every record it
/// cannot read byte for byte, and loads back to the same records; one
/// holding an id twice refuses every write.
pub fn check_stored(text: &str) {
    use maltavla::core::stored::{self, bucket};
    let loaded = stored::load([text.to_owned()], [text.to_owned()]);
    let Ok(raw) = bucket::records_in(text) else {
        return;
    };
    let texts: Vec<String> = raw.iter().map(|r| r.get().to_owned()).collect();
    let views: Vec<_> = texts
        .iter()
        .filter_map(|t| stored::decode_record(t).ok())
        .map(|item| item.view())
        .collect();
    let keys = bucket::buckets_of(views.iter().map(|v| v.meta.id.as_str()));
    // Every record goes into the bucket of its id: write each into the
    // text as its only bucket read.
    for (key, view) in keys.iter().flat_map(|k| {
        views
            .iter()
            .filter(move |v| bucket::bucket_of(v.meta.id.as_str()) == *k)
            .map(move |v| (k, v))
    }) {
        let mut buckets =
            bucket::Buckets::read(std::slice::from_ref(key), vec![Some(text.to_owned())]);
        // As the app writes: on top of the stored copy, which must be
        // readable (a text under this id that does not decode refuses the
        // write: `copy_for_write`).
        let id = view.meta.id.as_str();
        if buckets.copy_for_write(id).is_err() {
            assert!(buckets.changed().is_empty());
            continue;
        }
        if buckets.put(view).is_err() {
            // Refused only for a bucket holding an id twice (a write would
            // keep one of the two texts), and then nothing is written.
            let distinct = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("records")?.as_object().map(|m| m.len()));
            assert!(
                distinct.is_some_and(|d| d < texts.len()),
                "a readable bucket refused a write"
            );
            assert!(buckets.changed().is_empty());
            continue;
        }
        let (_, written) = buckets.changed().pop().expect("the bucket changed");
        let again = bucket::records_in(&written).expect("a written bucket reads");
        // Every other record's text is kept as it was.
        for old in &texts {
            let is_view = stored::decode_record(old)
                .map(|i| i.view().meta.id == view.meta.id)
                .unwrap_or(false);
            if !is_view {
                assert!(
                    again.iter().any(|r| r.get() == old.as_str()),
                    "a record's text was changed by a write of another: {old}"
                );
            }
        }
        let reloaded = stored::load([written], []);
        assert!(
            reloaded.records.iter().any(|i| i.view() == *view),
            "the written record reads back"
        );
    }
    assert!(loaded.records.len() + loaded.skipped.len() >= views.len());
}
