#![cfg(not(target_arch = "wasm32"))]
//! Inputs for the snapshot reader and the import that once broke a property
//! the fuzz targets check (`fuzz/`, run by `scripts/fuzz`), and tricky
//! hand-made ones, replayed on exactly the fuzz targets' path: the checks in
//! `fuzz/src/checks.rs` are compiled into this test. The WebDAV listings
//! (seeds and regressions of `webdav_listing`) are files in
//! `tests/fixtures/webdav/`, all replayed here.
//!
//! Also writes the fuzz seed corpus (`write_fuzz_seeds`, ignored: run by
//! `scripts/fuzz`).

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use checks::{check_listing, check_merge, check_snapshot, demo_export, NOW};
use maltavla::core::exchange::snapshot::{
    plan_import, read, ImportPlan, RecordProblem, SnapshotError,
};
use maltavla::core::ids::RecordId;
use maltavla::core::workspace::Workspace;
use std::path::Path;

/// A file with the given records.
fn file(records: &str) -> String {
    format!("{{\"format\":\"maltavla-snapshot\",\"version\":\"1.0\",\"records\":[{records}]}}")
}

/// A municipality record with the given stamp and extra meta.
fn municipality(id: &str, hlc: &str, meta_extra: &str) -> String {
    format!(
        r#"{{"municipality":{{"meta":{{"id":"{id}","stamp":{{"hlc":{hlc},"device":"d"}}{meta_extra}}},"name":"Haninge"}}}}"#
    )
}

/// Reads `text` on the fuzz target's path (which must not panic) and returns
/// what `read` said.
fn replay(text: &str) -> Result<(), SnapshotError> {
    check_snapshot(text);
    read(text, NOW).map(|_| ())
}

fn bad_record(text: &str) -> RecordProblem {
    match replay(text) {
        Err(SnapshotError::BadRecord { problem, .. }) => problem,
        other => panic!("expected a bad record, got {other:?}"),
    }
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(replay(&deep(1_000_000)), Err(SnapshotError::TooDeep));
    let in_a_field = file(&format!(
        r#"{{"survey":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"x":{}}}}}"#,
        deep(200)
    ));
    assert_eq!(replay(&in_a_field), Err(SnapshotError::TooDeep));
    let objects = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(replay(&objects), Err(SnapshotError::TooDeep));
    // Deep but within the limit: kept as an unknown field and round-tripped.
    let kept = file(&format!(
        r#"{{"survey":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"x":{}}}}}"#,
        deep(100)
    ));
    assert_eq!(replay(&kept), Ok(()));
}

#[test]
fn huge_numbers_are_refused_cleanly() {
    let too_big = file(
        r#"{"insats":{"meta":{"id":"i","stamp":{"hlc":[1,0],"device":"d"}},"name":"A","kind":"other","capacity":1e400}}"#,
    );
    assert!(matches!(
        replay(&too_big),
        Err(SnapshotError::NotJson { .. })
    ));
    let past_u64 = file(&municipality("m", "[18446744073709551616,0]", ""));
    assert!(matches!(
        bad_record(&past_u64),
        RecordProblem::MissingField(_) | RecordProblem::BadValue { .. }
    ));
    let float_clock = file(&municipality("m", "[1e30,0]", ""));
    assert!(matches!(
        bad_record(&float_clock),
        RecordProblem::BadValue { .. }
    ));
    let negative = file(&municipality("m", "[-1,0]", ""));
    assert!(matches!(
        bad_record(&negative),
        RecordProblem::BadValue { .. }
    ));
    let huge_capacity = file(&format!(
        r#"{{"insats":{{"meta":{{"id":"i","stamp":{{"hlc":[1,0],"device":"d"}}}},"name":"A","kind":"other","capacity":{}}}}}"#,
        u64::MAX
    ));
    assert!(matches!(
        bad_record(&huge_capacity),
        RecordProblem::BadValue { field: Some(f), .. } if f == "capacity"
    ));
    let long_digits = file(&format!(
        r#"{{"survey":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"n":{}}}}}"#,
        "9".repeat(5000)
    ));
    // 5,000 digits are past any float: the number is not JSON we read.
    assert!(matches!(
        replay(&long_digits),
        Err(SnapshotError::NotJson { line: 1, .. })
    ));
}

#[test]
fn stamps_at_the_edge_of_the_clock() {
    let max = u64::MAX;
    let at_max = file(&municipality("m", &format!("[{max},{}]", u32::MAX), ""));
    assert_eq!(bad_record(&at_max), RecordProblem::BadStamp);
    let field_at_max = file(&municipality(
        "m",
        "[1,0]",
        &format!(r#","fields":{{"name":{{"hlc":[{max},0],"device":"d"}}}}"#),
    ));
    assert_eq!(bad_record(&field_at_max), RecordProblem::BadStamp);
    let seen_at_max = file(&municipality(
        "m",
        "[1,0]",
        &format!(r#","seen":{{"e":[{max},0]}}"#),
    ));
    assert_eq!(bad_record(&seen_at_max), RecordProblem::BadStamp);
    // The last millisecond of the year 9999, with the counter full: once
    // accepted, one edit of it made this device's own files unreadable.
    // Now refused like any stamp more than an hour ahead (core::clock).
    let last = maltavla::core::exchange::snapshot::MAX_MILLIS;
    let edge = file(&municipality(
        "demo-haninge",
        &format!("[{last},{}]", u32::MAX),
        &format!(r#","seen":{{"demo":[{last},{}]}}"#, u32::MAX),
    ));
    assert!(matches!(
        replay(&edge),
        Err(SnapshotError::ClockAhead { .. })
    ));
    check_merge(&edge, demo_export());
    // An hour ahead, the counter full: accepted, and imports, merges and
    // round-trips like any other.
    let hour = NOW + maltavla::core::clock::MAX_AHEAD_MILLIS;
    let near = file(&municipality(
        "demo-haninge",
        &format!("[{hour},{}]", u32::MAX),
        &format!(r#","seen":{{"demo":[{hour},{}]}}"#, u32::MAX),
    ));
    assert_eq!(replay(&near), Ok(()));
    check_merge(&near, demo_export());
}

#[test]
fn invalid_utf16_escapes_are_refused_cleanly() {
    for escape in [
        r"\ud800",
        r"\udc00",
        r"\ud800\u0041",
        r"\ud83d\ud83d",
        r"\u12",
        r"\x41",
    ] {
        let text = file(&format!(
            r#"{{"municipality":{{"meta":{{"id":"m","stamp":{{"hlc":[1,0],"device":"d"}}}},"name":"{escape}"}}}}"#
        ));
        assert!(
            matches!(replay(&text), Err(SnapshotError::NotJson { .. })),
            "{escape}"
        );
    }
    let pair = file(
        r#"{"municipality":{"meta":{"id":"m","stamp":{"hlc":[1,0],"device":"d"}},"name":"\ud83d\ude00"}}"#,
    );
    assert_eq!(replay(&pair), Ok(()));
}

#[test]
fn odd_headers_are_refused_cleanly() {
    for text in [
        "",
        "\u{feff}",
        "null",
        "\"maltavla-snapshot\"",
        r#"{"format":"maltavla-snapshot","version":"1.4294967296","records":[]}"#,
        r#"{"format":"maltavla-snapshot","version":"0.9","records":[]}"#,
        r#"{"format":"maltavla-snapshot","version":"1.","records":[]}"#,
        r#"{"format":"maltavla-snapshot","version":"1.0","records":{}}"#,
    ] {
        assert!(replay(text).is_err(), "{text:?}");
    }
    assert_eq!(replay(&file("")), Ok(()));
    // Rust's integer parsing takes a leading plus: read as 1.0.
    let plus = r#"{"format":"maltavla-snapshot","version":"+1.0","records":[]}"#;
    assert_eq!(replay(plus), Ok(()));
}

/// Reads `text` and imports it into `ws` on the fuzz target's path: the
/// plan is applied, and importing the same file again must change nothing.
/// Returns the plan and the workspace after the import.
fn import_into(mut ws: Workspace, text: &str) -> (ImportPlan, Workspace) {
    let incoming = read(text, NOW).unwrap_or_else(|e| panic!("the file reads: {e:?}"));
    let plan = plan_import(&ws, &incoming).unwrap_or_else(|e| panic!("the file imports: {e:?}"));
    checks::apply(&mut ws, &plan);
    let again = plan_import(&ws, &incoming).expect("the file imports a second time");
    assert!(again.is_empty(), "a second import still writes {again:?}");
    (plan, ws)
}

/// The ids of a plan's added and changed records.
fn written(plan: &ImportPlan) -> Vec<(&str, &str)> {
    plan.added
        .iter()
        .chain(&plan.changed)
        .map(|c| (c.kind.as_str(), c.id.as_str()))
        .collect()
}

fn id(text: &str) -> RecordId {
    RecordId::parse(text).expect("a valid id")
}

// Bug 1, found by `merge` in its first seconds: two copies of a record with
// the same history (here: the same stamp) but different content, which an
// edited or corrupt file can hold. `merge_views` and `merge_records` return
// *ours* when `same_meta || dominates(ours, theirs)`, so whichever copy was
// imported first stays, and two laptops that import each other's file do not
// end up identical. Fixed (src/core/exchange/merge/record.rs): when each copy
// includes the other's writes but they differ, the merge goes field by
// field, whose tie-break (larger value wins) picks the same in either order.

const SAME_STAMP_A: &str = r#"{"format":"maltavla-snapshot","version":"1.0","records":[
{"municipality":{"meta":{"id":"demo-haninge","stamp":{"hlc":[1500000000000,2],"device":"demo"}},"name":"Haninge"}}
]}"#;

const SAME_STAMP_B: &str = r#"{"format":"maltavla-snapshot","version":"1.0","records":[
{"municipality":{"meta":{"id":"demo-haninge","stamp":{"hlc":[1500000000000,2],"device":"demo"}},"name":"Haninge kommun"}}
]}"#;

#[test]
fn same_stamp_different_content_reads_and_imports_cleanly() {
    let haninge = id("demo-haninge");
    for (text, name) in [(SAME_STAMP_A, "Haninge"), (SAME_STAMP_B, "Haninge kommun")] {
        check_snapshot(text);
        let (plan, ws) = import_into(Workspace::default(), text);
        assert_eq!(written(&plan), [("municipality", "demo-haninge")]);
        assert_eq!(plan.added.len(), 1);
        let stored = ws.municipalities.get(&haninge).expect("the record lands");
        assert_eq!(stored.name, name);
    }
    // Into the demo, which holds "Haninge" under that very stamp: the copy
    // with the same content changes nothing; the other is merged field by
    // field, whose tie-break keeps one value (here the demo's) and reports
    // the other as a conflict.
    let (plan, ws) = import_into(checks::demo().clone(), SAME_STAMP_A);
    assert!(plan.is_empty() && plan.conflicts.is_empty(), "{plan:?}");
    assert_eq!(
        ws.municipalities.get(&haninge).map(|m| m.name.as_str()),
        Some("Haninge")
    );
    let (plan, ws) = import_into(checks::demo().clone(), SAME_STAMP_B);
    assert_eq!(
        ws.municipalities.get(&haninge).map(|m| m.name.as_str()),
        Some("Haninge")
    );
    let lost: Vec<_> = plan
        .conflicts
        .iter()
        .map(|c| (c.record.as_str(), c.field.as_str(), c.lost.clone()))
        .collect();
    assert_eq!(
        lost,
        [("demo-haninge", "name", serde_json::json!("Haninge kommun"))]
    );
}

#[test]
fn same_stamp_different_content_merges_the_same_in_either_order() {
    check_merge(SAME_STAMP_A, SAME_STAMP_B);
}

// Bug 2, found by `merge`: `read` accepts an `organisation` record whose id
// is not `ORGANISATION_ID`. `Workspace::put` holds one organisation and
// merges any incoming one into it under the held id, so the record is never
// stored: importing the same file again lists it as added every time, and
// two such files merge differently in each order. Fixed: `read_records`
// refuses such a record with `RecordProblem::BadValue { field: Some("id"), .. }`
// and `Workspace::put` ignores one.

const SECOND_ORGANISATION: &str = r#"{"format":"maltavla-snapshot","version":"1.0","records":[
{"organisation":{"meta":{"id":"demo-ungdom","stamp":{"device":"demo","hlc":[1500000000000,1]}},"name":"Samordningsförbundet Östra Södertörn"}},
{"organisation":{"meta":{"id":"organisation","stamp":{"device":"demo","hlc":[1500000000000,1]}},"name":"Samordningsförbundet Östra Södertörn"}}
]}"#;

#[test]
fn an_organisation_under_another_id_is_refused_naming_its_id() {
    assert!(matches!(
        replay(SECOND_ORGANISATION),
        Err(SnapshotError::BadRecord {
            index: 1,
            problem: RecordProblem::BadValue { field: Some(f), .. },
            ..
        }) if f == "id"
    ));
}

#[test]
fn an_organisation_under_another_id_is_refused_or_kept() {
    check_snapshot(SECOND_ORGANISATION);
    let only_the_other: String = SECOND_ORGANISATION
        .lines()
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    check_merge(
        &format!("{}\n]}}", only_the_other.trim_end_matches(',')),
        demo_export(),
    );
}

// Bug 3, found by reading the reader while writing these targets (the
// fuzzer's inputs are too short to show it): when a record of a known type
// is refused, `locate_bad_field` clones the whole record and re-checks it
// once per field, unknown fields included, which is quadratic. One insats
// with 32,000 unknown fields and a bad name (a 250 kB file) took 7 minutes
// to refuse in an optimised native build; in the browser the tab hangs.
// Fixed (src/core/exchange/snapshot/read.rs): only the fields `known_fields` lists
// are probed, on a copy without the unknown fields (which are kept as they
// are and can never be the culprit).

fn wide_bad_insats(fields: usize) -> String {
    let extra: Vec<String> = (0..fields).map(|i| format!("\"f{i}\":1")).collect();
    file(&format!(
        r#"{{"insats":{{"meta":{{"id":"i","stamp":{{"hlc":[1,0],"device":"d"}}}},"name":5,"kind":"other",{}}}}}"#,
        extra.join(",")
    ))
}

#[test]
fn a_wide_bad_record_is_refused_with_the_field() {
    let problem = bad_record(&wide_bad_insats(50));
    assert!(
        matches!(&problem, RecordProblem::BadValue { field: Some(f), .. } if f == "name"),
        "{problem:?}"
    );
}

#[test]
fn a_wide_bad_record_is_refused_quickly() {
    let text = wide_bad_insats(6_000);
    let start = std::time::Instant::now();
    assert!(read(&text, NOW).is_err());
    let took = start.elapsed();
    assert!(took.as_secs() < 2, "refusing took {took:?}");
}

// Bug 4, found by reading the merge: `merge_fields` asks `has_seen` for
// every field whose values differ, and `has_seen` walks all the record's
// field stamps, so merging two concurrent copies of a wide record is
// quadratic: two 3 MB files with one 64,000-field record each took 43 s to
// plan (optimised native build). Less likely than bug 3 (it needs per-field
// stamps in both files), same kind of hang. Fixed (src/core/exchange/merge/record.rs):
// the writes each side has seen are gathered once per merge.

fn wide_concurrent(fields: usize, device: &str, value: u32) -> String {
    let body: Vec<String> = (0..fields).map(|i| format!("\"f{i}\":{value}")).collect();
    let stamps: Vec<String> = (0..fields)
        .map(|i| format!(r#""f{i}":{{"hlc":[5,0],"device":"{device}"}}"#))
        .collect();
    file(&format!(
        r#"{{"survey":{{"meta":{{"id":"p","stamp":{{"hlc":[10,0],"device":"{device}"}},"fields":{{{}}}}},{}}}}}"#,
        stamps.join(","),
        body.join(",")
    ))
}

#[test]
fn wide_concurrent_copies_merge_the_same_in_either_order() {
    check_merge(&wide_concurrent(40, "a", 1), &wide_concurrent(40, "b", 2));
}

#[test]
fn wide_concurrent_copies_merge_quickly() {
    let a = read(&wide_concurrent(16_000, "a", 1), NOW).expect("a reads");
    let b = read(&wide_concurrent(16_000, "b", 2), NOW).expect("b reads");
    let mut ws = Workspace::default();
    let first = plan_import(&ws, &a).expect("a imports");
    checks::apply(&mut ws, &first);
    let start = std::time::Instant::now();
    let plan = plan_import(&ws, &b).expect("b imports");
    let took = start.elapsed();
    assert_eq!(plan.conflicts.len(), 16_000);
    assert!(took.as_secs() < 2, "planning took {took:?}");
}

// Bug 5, found by `merge` after 75 s (a partner with an unknown field
// `"municipalities": 1.6739739394879443e+243`): serde_json's default float
// parser is not correctly rounded, so that number reads as
// 1.6739739394879446e243, the export writes that, the next read gives
// ...448e243, and so on: a number kept verbatim for a newer version (an
// unknown field or record type) drifts on every export → import, and
// "export → read → export gives the same bytes" does not hold. Typed fields
// are not affected (percentages and counts are stored as integers). Fixed
// in Cargo.toml: serde_json's `float_roundtrip` feature. (The fuzz crate
// must not turn that feature on itself: features unify, and it would hide a
// return of this bug from the fuzzer.)

const DRIFTING_FLOAT: &str = r#"{"format":"maltavla-snapshot","version":"1.0","records":[
{"partner":{"kind":"social_insurance","meta":{"id":"demo-fk","stamp":{"device":"demo","hlc":[1500000000000,6]}},"municipalities":1.6739739394879443e+243,"name":"Försäkringskassan"}}
]}"#;

#[test]
fn a_float_kept_verbatim_reads_and_imports_cleanly() {
    let fk = id("demo-fk");
    let (plan, ws) = import_into(Workspace::default(), DRIFTING_FLOAT);
    assert_eq!(written(&plan), [("partner", "demo-fk")]);
    let partner = ws.partners.get(&fk).expect("the record lands");
    assert_eq!(partner.name, "Försäkringskassan");
    assert_eq!(
        partner
            .meta
            .extra
            .get("municipalities")
            .and_then(|v| v.as_f64()),
        Some(1.673_973_939_487_944_3e243),
        "the unknown field is kept with its exact value"
    );
    // Into the demo, which holds an older copy of the same partner: the
    // import changes it, and the unknown field comes along.
    let (plan, ws) = import_into(checks::demo().clone(), DRIFTING_FLOAT);
    assert_eq!(written(&plan), [("partner", "demo-fk")]);
    let partner = ws.partners.get(&fk).expect("the record is still there");
    assert!(partner.meta.extra.contains_key("municipalities"));
}

#[test]
fn a_float_kept_verbatim_survives_export_and_import() {
    check_snapshot(DRIFTING_FLOAT);
}

/// The WebDAV listings of the corpus: `seeds/` (answers shaped as
/// Nextcloud, wsgidav and Apache mod_dav give them) and `regressions/`
/// (inputs that once broke `check_listing`), as (file name, text).
fn webdav_listings() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webdav");
    let mut out = Vec::new();
    for dir in ["seeds", "regressions"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("the corpus folder is there")
            .map(|e| e.expect("a readable entry").path())
            .collect();
        files.sort();
        for path in files {
            let bytes = std::fs::read(&path).expect("a readable file");
            let name = format!(
                "{dir}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            out.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    out
}

#[test]
fn every_webdav_listing_of_the_corpus_parses_without_panicking() {
    let listings = webdav_listings();
    assert!(listings.len() >= 4, "{listings:?}");
    for (name, text) in &listings {
        eprintln!("{name}");
        check_listing(text);
    }
}

#[test]
fn the_seed_listings_give_the_device_files_of_each_server() {
    use maltavla::core::exchange::sync::webdav::parse_listing;
    let names = |file: &str| -> Vec<(String, Option<String>, bool)> {
        let (_, text) = webdav_listings()
            .into_iter()
            .find(|(n, _)| n == file)
            .expect("the seed is there");
        parse_listing(&text)
            .expect("a seed parses")
            .into_iter()
            .map(|e| (e.name, e.etag, e.modified.is_some()))
            .collect()
    };
    let entry = |n: &str, e: &str| (n.to_owned(), Some(e.to_owned()), true);
    assert_eq!(
        names("seeds/nextcloud.xml"),
        [
            entry("maltavla-dev b.json", "W/\"b7\""),
            entry("maltavla-dev-a.json", "\"a1b2c3d4e5f60718\""),
        ]
    );
    assert_eq!(
        names("seeds/wsgidav.xml"),
        [entry("maltavla-dev-a.json", "\"10027368-1796398287-3\"")]
    );
    assert_eq!(
        names("seeds/apache.xml"),
        [
            entry("maltavla-dev-c.json", "W/\"1f-5ed3a0c1a5e80\""),
            entry("maltavla-dev-d.json", "\"2a-5ed39f6e3b100\""),
        ]
    );
}

// Bug 6, found by reading the parser (the issue's item 7): `percent_decode`
// sliced the href's text at `%` + 2 bytes, so `%1é` cut the two-byte `é`
// in two and panicked, which with `panic = "abort"` ends the app. Kept as
// tests/fixtures/webdav/regressions/cut-escape.xml. Fixed
// (src/core/exchange/sync/webdav.rs): escapes are decoded byte by byte, with get().

// Bug 7, found by `webdav_listing` after 29 s (415 883 runs): a `getetag`
// whose text held a line break, or two `getetag` elements in one answer
// run together (`W/"1f-…""2a-…\n…"`), was kept as the file's ETag and sent
// back as `If-Match`. The browser refuses such a header value, so the
// write failed as "the server does not answer", every sync. Kept as
// tests/fixtures/webdav/regressions/etag-with-line-break.xml. Fixed
// (src/core/exchange/sync/webdav.rs, `entity_tag`): a listed ETag that is not a
// valid entity tag counts as none, and the write goes under the listed
// date instead.

/// Writes the seed corpus of the targets under `fuzz/corpus/` (or
/// `$FUZZ_CORPUS`): the demo export, a project part, a few hand-made files
/// and the inputs of the bugs above. Run by `scripts/fuzz`.
#[test]
#[ignore = "writes files; run by scripts/fuzz"]
fn write_fuzz_seeds() {
    let root = std::env::var_os("FUZZ_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus"));
    let dir = root.join("snapshot_read");
    std::fs::create_dir_all(&dir).expect("corpus folder");
    let ws = checks::demo();
    let mia = ws
        .projects
        .live()
        .find(|p| p.parent.is_none())
        .map(|p| p.meta.id.clone())
        .expect("the demo has a project");
    let part = maltavla::core::exchange::snapshot::export(
        ws,
        &maltavla::core::exchange::snapshot::Part::Project(mia),
        &checks::info(),
    );
    let seeds = [
        ("demo.json", demo_export().to_owned()),
        ("project.json", part),
        ("empty.json", file("")),
        (
            "stamps.json",
            file(&[
                municipality("demo-haninge", "[1500000000000,9]", r#","fields":{"name":{"hlc":[1,0],"device":"a"}},"seen":{"b":[7,0]}"#),
                municipality("m2", "[1,0]", r#","deleted":true"#),
                r#"{"survey":{"meta":{"id":"p","stamp":{"hlc":[1,0],"device":"d"}},"code":"K7","x":[1,{"y":null}]}}"#.to_owned(),
            ]
            .join(",\n")),
        ),
    ];
    let found = [
        ("same-stamp-a.json", SAME_STAMP_A),
        ("same-stamp-b.json", SAME_STAMP_B),
        ("second-organisation.json", SECOND_ORGANISATION),
        ("drifting-float.json", DRIFTING_FLOAT),
    ];
    let found = found.map(|(name, text)| (name, text.to_owned()));
    for (name, text) in seeds.into_iter().chain(found) {
        std::fs::write(dir.join(name), text).expect("seed written");
    }
    std::fs::create_dir_all(root.join("merge")).expect("corpus folder");
    let dav = root.join("webdav_listing");
    std::fs::create_dir_all(&dav).expect("corpus folder");
    for (name, text) in webdav_listings() {
        std::fs::write(dav.join(name.replace('/', "-")), text).expect("seed written");
    }
    let stored_dir = root.join("stored_load");
    std::fs::create_dir_all(&stored_dir).expect("corpus folder");
    for (i, text) in stored_texts().into_iter().enumerate() {
        std::fs::write(stored_dir.join(format!("stored-{i}.json")), text).expect("seed written");
    }
}

/// What IndexedDB may hold: the demo's fullest buckets, a record of an
/// unknown type and a damaged one beside good ones, a newer schema, and a
/// value of the layout before buckets.
fn stored_texts() -> Vec<String> {
    use maltavla::core::exchange::merge::FieldView;
    use maltavla::core::stored::bucket::{buckets_of, Buckets};
    let views: Vec<FieldView> = checks::demo()
        .records()
        .iter()
        .map(FieldView::from_record)
        .collect();
    let keys = buckets_of(views.iter().map(|v| v.meta.id.as_str()));
    let mut buckets = Buckets::read(&keys, vec![None; keys.len()]);
    for v in &views {
        buckets.put(v).expect("read");
    }
    let mut texts: Vec<String> = buckets.changed().into_iter().map(|(_, t)| t).collect();
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts.truncate(3);
    let survey =
        r#"{"survey":{"meta":{"id":"p","stamp":{"hlc":[1,0],"device":"d"}},"x":[1,{"y":null}]}}"#;
    let haninge = municipality("demo-haninge", "[1500000000000,9]", "");
    texts.push(format!(
        r#"{{"schema":2,"records":{{"p":{survey},"demo-haninge":{haninge},"bad":{{"target":{{"meta":{{}}}}}}}}}}"#
    ));
    texts.push(r#"{"schema":3,"records":[]}"#.to_owned());
    texts.push(format!(r#"{{"schema":1,"record":{haninge}}}"#));
    texts
}

#[test]
fn stored_texts_pass_the_stored_checks() {
    for text in stored_texts() {
        checks::check_stored(&text);
    }
    for text in ["", "{", "null", r#"{"schema":2,"records":{"a":1,"a":2}}"#] {
        checks::check_stored(text);
    }
    // Found by the fuzzer: a bucket holding an id twice lost one of the
    // two texts on a write.
    checks::check_stored(include_str!("fixtures/stored/regression-an-id-twice.json"));
    // Found by the fuzzer: a record stored under another record's id,
    // beside an unreadable text under its own. The check wrote it without
    // reading the stored copy first; the app's write path refuses it.
    // Found by the fuzzer: a record of an unknown type kept under another
    // record's id, which a write of that id replaced.
    // (These two are not UTF-8: read as the target reads its bytes.)
    checks::check_stored(&String::from_utf8_lossy(include_bytes!(
        "fixtures/stored/regression-a-record-under-another-id.json"
    )));
    checks::check_stored(&String::from_utf8_lossy(include_bytes!(
        "fixtures/stored/regression-an-unreadable-record-under-anothers-id.json"
    )));
}
