#![cfg(not(target_arch = "wasm32"))]
//! The newsletter block for the demo, as text, Markdown and HTML, compared
//! with golden files in `tests/fixtures/newsletter/` that hold the
//! newsletters' own figures and wording ("En kort sammanfattning av 2017 i
//! siffror", "Under 2017 deltog 700 personer i förbundets frukostmöten",
//! "82 deltagare var inskrivna i slutet av augusti"). Regenerate with
//! `UPDATE_NEWSLETTER_FIXTURES=1 cargo test --test newsletter` after a
//! change that was meant, and read the diff.

use chrono::NaiveDate;
use maltavla::core::demo;
use maltavla::core::newsletter::{assemble, to_html, to_markdown, to_text};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newsletter")
}

fn check(name: &str, text: &str) {
    let path = dir().join(name);
    if std::env::var_os("UPDATE_NEWSLETTER_FIXTURES").is_some() {
        std::fs::write(&path, text).expect("fixture written");
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        want == text,
        "{name} changed: run UPDATE_NEWSLETTER_FIXTURES=1 cargo test --test newsletter if that was meant\n--- got ---\n{text}"
    );
}

fn each_format(day: NaiveDate, stem: &str) {
    let n = assemble(&demo::workspace(), day);
    check(&format!("{stem}.txt"), &to_text(&n));
    check(&format!("{stem}.md"), &to_markdown(&n));
    check(&format!("{stem}.html"), &to_html(&n));
}

#[test]
fn the_february_2018_block_summarises_2017_as_the_newsletter_did() {
    let day = NaiveDate::from_ymd_opt(2018, 2, 1).expect("a date");
    each_format(day, "2018-02-01");
    let text = to_text(&assemble(&demo::workspace(), day));
    for seed in [
        "En kort sammanfattning av 2017 i siffror:",
        "- Deltagare: 927. Målet var 975.",
        "- Myndighetsgemensamma konsultationer: 183. Målet var 200.",
        "Under 2017 deltog 700 personer i förbundets frukostmöten. 2016 var siffran 500.",
        "23/3 Erfarenheter från metoderna Case Management (CM) och Supported Employment (SE).",
    ] {
        assert!(text.contains(seed), "{seed}\n{text}");
    }
}

#[test]
fn the_september_2018_block_has_the_autumn_meetings_and_the_open_places() {
    let day = NaiveDate::from_ymd_opt(2018, 9, 14).expect("a date");
    each_format(day, "2018-09-14");
    let text = to_text(&assemble(&demo::workspace(), day));
    for seed in [
        "28/9 Inspirationsföreläsning om integration, kreativitet och sysselsättning med Birgitta Notlöf, Livstycket i Tensta.",
        "26/10 Mer tillit och mindre detaljstyrning – går det?",
        "21/9 Pågående samverkansinsatser och ESF-stödda projekt i Nynäshamn.",
        "12/10 Föreläsning om bemötandet av människor som upplevt krig och trauman.",
        "82 deltagare var inskrivna i slutet av augusti. Följande lediga platser finns just nu:",
        "Arbetsträning Bönorna 2 • Arbetsträning Grow 2 • Arbetsträning Jobbverket 6 • Arbetsträning Skyddsvärnet 2 • Case Management 20",
        "KBT-samtal Nynäshamn 2",
        "SE-uppstart Nynäshamn 2",
        "Stationen 6",
        "Roa 5",
    ] {
        assert!(text.contains(seed), "{seed}\n{text}");
    }
}
