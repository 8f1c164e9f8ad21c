#![cfg(not(target_arch = "wasm32"))]
//! The newsletter block for the demo, as text, Markdown and HTML, compared
//! with golden files in `tests/fixtures/newsletter/` that hold the
//! newsletters' own figures and wording ("En kort sammanfattning av 2017 i
//! siffror", "Under 2017 deltog 700 personer i förbundets frukostmöten",
//! "82 deltagare var inskrivna i slutet av augusti"), and in English with
//! plain sentences (the förbund's own sentences are Swedish templates; the
//! English block writes every figure as "Participants: 927. The target was
//! 975." instead of translating them). Regenerate with
//! `UPDATE_NEWSLETTER_FIXTURES=1 cargo test --test newsletter` after a
//! change that was meant, and read the diff.

use chrono::NaiveDate;
use maltavla::core::demo;
use maltavla::core::reports::newsletter::{
    assemble, assemble_in, default_day, newest_day_with_data, to_html, to_markdown, to_text, Lang,
    LeftOut,
};
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

/// The "i siffror" section of the February 2018 newsletter
/// (`shared/seeds/2018-02_nyhetsbrev.txt`), word for word.
const SEED_2017_IN_FIGURES: [&str; 5] = [
    "927 deltagare fick individuellt anpassat stöd under året, varav 43 procent kvinnor och 57 män. Målet var 975 deltagare.",
    "183 personer fick myndighetsgemensam konsultation via Resursråden. Målet var 200 deltagare.",
    "271 personer började arbeta eller studera (92 kvinnor, 179 män). Det motsvarar 39 procent av samtliga som avslutade sitt deltagande.",
    "634 nya deltagare påbörjade en insats under året: 23 procent var från Nynäshamn, 34 procent från Tyresö och 43 procent från Haninge.",
    "Måluppfyllelsen för Ungdomsteamet i Haninge, Ung i Nynäs och Ung i Tyresö har förbättrats. Totalt började 65 procent av samtliga som avslutade sitt deltagande i ungdomsinsatserna 2017 arbeta eller studera, vilket också var målet. 2016 var siffran 58 procent.",
];

/// The paragraph right after the list in the same newsletter ("Tilläggas
/// kan att kommunerna är de största remittenterna (34 procent) ..."), which
/// the new participants' sentence carries on with.
const SEED_REFERRERS: &str = "Kommunerna är de största remittenterna (34 procent) följda av Arbetsförmedlingen (27 procent). Andelen egenanmälningar var 16 procent, vilket motsvarar 102 deltagare.";

/// The same newsletter's article on the frukostmöte in Nynäshamn: "Målet om
/// 12 procent kvinnor bland deltagarna har uppfyllts" (a yes/no goal, the
/// Tak- och tätskiktsutbildningen's, so it comes after the förbund's
/// figures and before the youth insatser's, by scope name).
const SEED_NYNASHAMN_GOAL: &str =
    "På Tak- och tätskiktsutbildningen i Nynäshamn har målet om 12 procent kvinnor bland deltagarna uppfyllts.";

fn feb_2018() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 2, 1).expect("a date")
}

#[test]
fn the_february_2018_block_summarises_2017_as_the_newsletter_did() {
    let day = feb_2018();
    each_format(day, "2018-02-01");
    let text = to_text(&assemble(&demo::workspace(), day));
    for seed in [
        "En kort sammanfattning av 2017 i siffror:",
        "Under 2017 deltog 700 personer i förbundets frukostmöten. 2016 var siffran 500.",
        "23/3 Erfarenheter från metoderna Case Management (CM) och Supported Employment (SE).",
    ] {
        assert!(text.contains(seed), "{seed}\n{text}");
    }
}

#[test]
fn the_2017_figures_are_the_seeds_five_sentences_in_the_seeds_order_with_nynashamns_goal_then_the_guests(
) {
    let n = assemble(&demo::workspace(), feb_2018());
    let mut want: Vec<String> = SEED_2017_IN_FIGURES.map(str::to_owned).to_vec();
    want[3] = format!("{} {SEED_REFERRERS}", want[3]);
    want.insert(4, SEED_NYNASHAMN_GOAL.to_owned());
    want.push(
        "Under 2017 deltog 700 personer i förbundets frukostmöten. 2016 var siffran 500."
            .to_owned(),
    );
    assert_eq!(n.figures, want);
}

#[test]
fn the_english_block_has_plain_sentences_with_the_same_figures() {
    let n = assemble_in(&demo::workspace(), feb_2018(), Lang::En);
    check("2018-02-01.en.txt", &to_text(&n));
    assert_eq!(n.figures_heading, "A short summary of 2017 in figures:");
    for line in [
        "Deltagare: 927. The target was 975.",
        "Myndighetsgemensamma konsultationer: 183. The target was 200.",
        "Andel till arbete eller studier: 39 per cent.",
        "Nya deltagare: 634.",
        "Minst 12 procent kvinnor bland deltagarna, Tak- och tätskiktsutbildningen: met.",
        "Andel till arbete eller studier, Ungdomsinsatserna: 65 per cent, which was also the target. In 2016 the figure was 58 per cent.",
        "In 2017, 700 people came to the association's breakfast meetings. In 2016 the figure was 500.",
    ] {
        assert!(n.figures.iter().any(|f| f == line), "{line}\n{:#?}", n.figures);
    }
}

#[test]
fn the_places_are_dated_by_their_report() {
    let day = NaiveDate::from_ymd_opt(2018, 9, 14).expect("a date");
    let n = assemble(&demo::workspace(), day);
    assert_eq!(
        n.slots_intro.as_deref(),
        Some("82 deltagare var inskrivna i slutet av augusti. Följande lediga platser fanns enligt rapporten 31 augusti 2018:")
    );
}

#[test]
fn with_the_demo_the_default_day_is_the_newest_day_with_data_not_today() {
    let ws = demo::workspace();
    let newest = NaiveDate::from_ymd_opt(2018, 9, 1).expect("a date");
    assert_eq!(newest_day_with_data(&ws), Some(newest));
    let today = NaiveDate::from_ymd_opt(2025, 12, 5).expect("a date");
    assert_eq!(default_day(&ws, today), newest);
    let n = assemble(&ws, default_day(&ws, today));
    assert_eq!(
        n.figures_heading,
        "En kort sammanfattning av 2017 i siffror:"
    );
    assert_eq!(n.figures.len(), 7);
    assert!(n.left_out.is_empty(), "{:?}", n.left_out);
}

#[test]
fn today_stays_the_default_when_its_block_has_something_to_say() {
    let ws = demo::workspace();
    assert_eq!(default_day(&ws, feb_2018()), feb_2018());
}

#[test]
fn a_part_with_nothing_to_say_is_left_out_with_its_reason() {
    let ws = demo::workspace();
    let today = NaiveDate::from_ymd_opt(2025, 12, 5).expect("a date");
    let n = assemble(&ws, today);
    assert!(n.figures.is_empty());
    assert!(n.meetings.is_empty());
    assert_eq!(
        n.left_out[..2],
        [
            LeftOut::Figures { year: 2024 },
            LeftOut::Meetings {
                from: today,
                until: NaiveDate::from_ymd_opt(2026, 4, 4).expect("a date")
            }
        ]
    );
    let text = to_text(&n);
    assert!(
        !text.contains("i siffror"),
        "no heading over nothing: {text}"
    );
    assert!(!text.contains("Kommande frukostmöten"), "{text}");
    let empty = assemble(&maltavla::core::workspace::Workspace::default(), today);
    assert!(empty.left_out.contains(&LeftOut::Slots { day: today }));
    assert_eq!(to_text(&empty), "");
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
        "82 deltagare var inskrivna i slutet av augusti. Följande lediga platser fanns enligt rapporten 31 augusti 2018:",
        "Arbetsträning Bönorna 2 • Arbetsträning Grow 2 • Arbetsträning Jobbverket 6 • Arbetsträning Skyddsvärnet 2 • Case Management 20",
        "KBT-samtal Nynäshamn 2",
        "SE-uppstart Nynäshamn 2",
        "Stationen 6",
        "Roa 5",
    ] {
        assert!(text.contains(seed), "{seed}\n{text}");
    }
}
