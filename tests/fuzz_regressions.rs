#![cfg(not(target_arch = "wasm32"))]
//! Inputs for the snapshot reader and the import that once broke a property
//! the fuzz targets check (`fuzz/`, run by `scripts/fuzz`), and tricky
//! hand-made ones, replayed on exactly the fuzz targets' path: the checks in
//! `fuzz/src/checks.rs` are compiled into this test.
//!
//! Also writes the fuzz seed corpus (`write_fuzz_seeds`, ignored: run by
//! `scripts/fuzz`).

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use checks::{check_merge, check_snapshot, demo_export, NOW};
use maltavla::core::snapshot::{read, RecordProblem, SnapshotError};
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
        r#"{{"participation":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"x":{}}}}}"#,
        deep(200)
    ));
    assert_eq!(replay(&in_a_field), Err(SnapshotError::TooDeep));
    let objects = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(replay(&objects), Err(SnapshotError::TooDeep));
    // Deep but within the limit: kept as an unknown field and round-tripped.
    let kept = file(&format!(
        r#"{{"participation":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"x":{}}}}}"#,
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
    let _ = replay(&huge_capacity);
    let long_digits = file(&format!(
        r#"{{"participation":{{"meta":{{"id":"p","stamp":{{"hlc":[1,0],"device":"d"}}}},"n":{}}}}}"#,
        "9".repeat(5000)
    ));
    let _ = replay(&long_digits);
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
    // The last accepted millisecond, with the counter full: accepted, and
    // imports, merges and round-trips like any other.
    let last = maltavla::core::snapshot::MAX_MILLIS;
    let edge = file(&municipality(
        "demo-haninge",
        &format!("[{last},{}]", u32::MAX),
        &format!(r#","seen":{{"demo":[{last},{}]}}"#, u32::MAX),
    ));
    assert_eq!(replay(&edge), Ok(()));
    check_merge(&edge, demo_export());
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

/// Writes the seed corpus of both targets under `fuzz/corpus/` (or
/// `$FUZZ_CORPUS`): the demo export, a project part, and the hand-made
/// inputs above. Run by `scripts/fuzz`.
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
    let part = maltavla::core::snapshot::export(
        ws,
        &maltavla::core::snapshot::Part::Project(mia),
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
                r#"{"participation":{"meta":{"id":"p","stamp":{"hlc":[1,0],"device":"d"}},"code":"K7","x":[1,{"y":null}]}}"#.to_owned(),
            ]
            .join(",\n")),
        ),
    ];
    for (name, text) in seeds {
        std::fs::write(dir.join(name), text).expect("seed written");
    }
    std::fs::create_dir_all(root.join("merge")).expect("corpus folder");
}
