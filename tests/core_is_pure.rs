//! The core must stay free of the browser: it is tested natively and reused
//! by benchmarks and tools. This test reads the core's sources and fails if
//! any of them mentions a browser or UI crate.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/core is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_sources_use_no_browser_or_ui_crates() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core")),
        &mut files,
    );
    assert!(
        files.len() > 5,
        "expected the core's sources, found {files:?}"
    );
    let forbidden = [
        "leptos",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "indexed_db_futures",
        "crate::ui",
        "crate::browser",
    ];
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        for word in forbidden {
            assert!(
                !text
                    .lines()
                    .any(|l| !l.trim_start().starts_with("//") && l.contains(word)),
                "{} mentions {word}",
                file.display()
            );
        }
    }
}
