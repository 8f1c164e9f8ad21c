//! Every word the UI shows comes from the catalogue (`src/ui/i18n`), so
//! both languages are complete: the catalogue's structs make a missing text
//! a compile error, and this test makes a text typed straight into a view
//! a test failure. It reads the UI's sources and looks for string literals
//! in text position of a `view!` (right after a tag or before one) that
//! hold a letter; separators such as `" · "` and arrows pass.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ui is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            // The catalogue itself is where the words live.
            if path.file_name().is_some_and(|n| n != "i18n") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a source, each with the characters around it.
fn literals(source: &str) -> Vec<(String, char, char)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line_comment = false;
    while i < chars.len() {
        let c = chars[i];
        if line_comment {
            line_comment = c != '\n';
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            line_comment = true;
            i += 2;
            continue;
        }
        // Character literals such as '"' are not strings.
        if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            continue;
        }
        if c == '"' {
            let mut back = chars[..i].iter().rev().filter(|c| !c.is_whitespace());
            let before = back.next().copied().unwrap_or(' ');
            // `=>` and `->` end in '>' but are Rust, not a tag.
            let before = match (before, back.next()) {
                ('>', Some('=' | '-')) => ' ',
                (b, _) => b,
            };
            let mut j = i + 1;
            let mut text = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if let Some(&ch) = chars.get(j) {
                    text.push(ch);
                }
                j += 1;
            }
            let after = chars[j + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .copied()
                .unwrap_or(' ');
            out.push((text, before, after));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

#[test]
fn views_show_no_text_that_bypasses_the_catalogue() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui")),
        &mut files,
    );
    assert!(
        files.len() > 20,
        "expected the UI's sources, found {files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).expect("a source file is readable");
        for (text, before, after) in literals(&source) {
            // Text position in a view: right after `>` (a tag or `}`) or
            // right before `<` or `{`.
            let in_text = before == '>' || (after == '<' && before != '=');
            if in_text && text.chars().any(char::is_alphabetic) {
                found.push(format!("{}: {text:?}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts typed into views instead of the catalogue:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_text_nodes_and_leaves_attributes_alone() {
    let sample =
        r#"view! { <p class="lead">"Hej"</p> <a href="x">{t}" · "</a> <b>"Måltavla …"</b> }"#;
    let hits: Vec<String> = literals(sample)
        .into_iter()
        .filter(|(text, before, after)| {
            (*before == '>' || (*after == '<' && *before != '='))
                && text.chars().any(char::is_alphabetic)
        })
        .map(|(t, _, _)| t)
        .collect();
    assert_eq!(hits, ["Hej", "Måltavla …"]);
}
