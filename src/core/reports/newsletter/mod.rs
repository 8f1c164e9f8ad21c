//! The newsletter block: for a chosen day, the förbund's key figures of the
//! year before with their targets ("En kort sammanfattning av 2017 i
//! siffror"), the coming frukostmöten and the open places, ready to paste
//! as HTML, Markdown or plain text, in Swedish or English.
//!
//! - [`template`]: the language of an indicator's own sentence.
//! - [`figures`]: the key figures, in the förbund's words or plain.
//! - [`words`]: the block's words in Swedish and English.
//! - [`write`]: the block as text, Markdown and HTML.
//!
//! Guarantees: the Swedish text is as the newsletters write it (`39
//! procent`, `1 234`, `28/9`), with each indicator's own sentence when it
//! has one and its figures are there; English uses plain sentences (the
//! förbund's sentences are Swedish); every figure is one the board, the
//! meetings page or the places board shows for the same data; a figure
//! computed from participations that small-number protection hides is left
//! out, and a count of enrolled below the threshold is written "färre än
//! N"; the places are dated by their report; a part with nothing to say is
//! left out and [`Newsletter::left_out`] says why; text typed by users is
//! escaped for HTML and Markdown, and only http(s) invitation addresses
//! become links.

pub mod figures;
pub mod template;
pub mod words;
pub mod write;

pub use figures::{key_figures, sentence_preview, Preview, Written};
pub use template::TemplateError;
pub use words::Lang;
pub use write::{to_html, to_markdown, to_text};

use crate::core::meetings::places::slot_board;
use crate::core::meetings::{meeting_list, When};
use crate::core::order;
use crate::core::participants::{protect_count, Shown};
use crate::core::workspace::Workspace;
use chrono::{Datelike, NaiveDate};

/// How far ahead the coming meetings reach (a newsletter covers a season).
pub const MEETINGS_AHEAD_DAYS: u64 = 120;

/// One coming meeting as the newsletter lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingItem {
    /// `28/9`.
    pub day: String,
    /// The theme, with " med {speakers}" when any are named.
    pub text: String,
    /// The invitation's address, when it is an http(s) one.
    pub invitation: Option<String>,
}

/// The meetings of one municipality (or of none).
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingGroup {
    /// The municipality's name; empty for meetings held nowhere in
    /// particular.
    pub heading: String,
    /// The meetings, soonest first.
    pub items: Vec<MeetingItem>,
}

/// A part of the block left out because it has nothing to say, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// No figure of `year` is recorded (no target with an outcome, no
    /// outcome, no guests at meetings).
    Figures {
        /// The year the block summarises.
        year: i32,
    },
    /// No meeting is planned from `from` to `until`.
    Meetings {
        /// The block's day.
        from: NaiveDate,
        /// The last day the block looks ahead to.
        until: NaiveDate,
    },
    /// No places have been reported on or before `day`.
    Slots {
        /// The block's day.
        day: NaiveDate,
    },
}

/// The assembled block, before it is written out in a format.
#[derive(Debug, Clone, PartialEq)]
pub struct Newsletter {
    /// The language it is written in.
    pub lang: Lang,
    /// "En kort sammanfattning av 2017 i siffror:".
    pub figures_heading: String,
    /// One sentence per key figure; empty when the part is left out.
    pub figures: Vec<String>,
    /// The coming meetings by municipality.
    pub meetings: Vec<MeetingGroup>,
    /// "82 deltagare var inskrivna i slutet av augusti. Följande lediga
    /// platser fanns enligt rapporten 31 augusti 2018:", or `None` without
    /// any report.
    pub slots_intro: Option<String>,
    /// Open places per insats ("Case Management 20"), only where some are
    /// open.
    pub slots: Vec<String>,
    /// The parts left out, in the block's order.
    pub left_out: Vec<LeftOut>,
}

/// `28/9`, as the newsletters date their meetings.
fn day_month(d: NaiveDate) -> String {
    format!("{}/{}", d.day(), d.month())
}

/// Whether an invitation address may become a link: http(s) only, so a
/// `javascript:` address from a file never does.
pub fn is_web_address(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 8
        && !s.contains(char::is_whitespace)
}

fn coming_meetings(ws: &Workspace, day: NaiveDate, lang: Lang) -> Vec<MeetingGroup> {
    let until = day + chrono::Days::new(MEETINGS_AHEAD_DAYS);
    let mut groups: Vec<MeetingGroup> = Vec::new();
    for m in meeting_list(ws, day, When::Upcoming, None)
        .into_iter()
        .filter(|m| m.date <= until)
    {
        let heading = m
            .municipality
            .as_ref()
            .and_then(|id| ws.municipalities.get(id))
            .map(|x| x.name.clone())
            .unwrap_or_default();
        let sentence = |s: &str| {
            if s.ends_with(['.', '?', '!']) {
                s.to_owned()
            } else {
                format!("{s}.")
            }
        };
        let theme = m.theme.trim();
        let text = match m.speakers.trim() {
            "" => sentence(theme),
            s => sentence(&format!(
                "{}{}{s}",
                theme.trim_end_matches('.'),
                lang.with_speakers()
            )),
        };
        let item = MeetingItem {
            day: day_month(m.date),
            text,
            invitation: is_web_address(&m.invitation).then(|| m.invitation.trim().to_owned()),
        };
        match groups.iter_mut().find(|g| g.heading == heading) {
            Some(g) => g.items.push(item),
            None => groups.push(MeetingGroup {
                heading,
                items: vec![item],
            }),
        }
    }
    // Municipalities by name, meetings held nowhere in particular last.
    order::sort_by_key(&mut groups, |g| {
        (g.heading.is_empty(), order::sort_key(&g.heading))
    });
    groups
}

/// Assembles the Swedish block for a newsletter published on `day`.
pub fn assemble(ws: &Workspace, day: NaiveDate) -> Newsletter {
    assemble_in(ws, day, Lang::Sv)
}

/// Assembles the block for a newsletter published on `day` in `lang`: the
/// figures of the year before, the meetings of the coming months, the
/// places as last reported on or before the day.
pub fn assemble_in(ws: &Workspace, day: NaiveDate, lang: Lang) -> Newsletter {
    let year = day.year() - 1;
    let board = slot_board(ws, day);
    let any_open = board.lines.iter().any(|l| l.report.open() > 0);
    let slots_intro = board.latest.map(|latest| {
        let enrolled = match protect_count(board.enrolled, ws.protection_threshold()) {
            Shown::Fewer(t) => lang.fewer_than(t),
            _ => lang.integer(board.enrolled),
        };
        lang.slots_intro(&enrolled, latest, any_open)
    });
    let figures = key_figures(ws, year, lang);
    let meetings = coming_meetings(ws, day, lang);
    let mut left_out = Vec::new();
    if figures.is_empty() {
        left_out.push(LeftOut::Figures { year });
    }
    if meetings.is_empty() {
        left_out.push(LeftOut::Meetings {
            from: day,
            until: day + chrono::Days::new(MEETINGS_AHEAD_DAYS),
        });
    }
    if slots_intro.is_none() {
        left_out.push(LeftOut::Slots { day });
    }
    Newsletter {
        lang,
        figures_heading: lang.figures_heading(year),
        figures,
        meetings,
        slots_intro,
        slots: board
            .lines
            .iter()
            .filter(|l| l.report.open() > 0)
            .map(|l| format!("{} {}", l.label, lang.integer(l.report.open())))
            .collect(),
        left_out,
    }
}

/// The newest day the workspace holds data for: an outcome's report date,
/// a places report, a meeting held with its guests counted, a
/// participation's start or end; `None` for an empty workspace.
pub fn newest_day_with_data(ws: &Workspace) -> Option<NaiveDate> {
    let outcomes = ws.outcomes.live().filter_map(|o| o.reported_on);
    let slots = ws.slot_reports.live().map(|r| r.date);
    let meetings = ws
        .meetings
        .live()
        .filter(|m| m.attended.is_some())
        .map(|m| m.date);
    let participations = ws
        .participations
        .live()
        .flat_map(|p| [Some(p.start), p.end])
        .flatten();
    outcomes
        .chain(slots)
        .chain(meetings)
        .chain(participations)
        .max()
}

/// The day the block opens on: `today` when its block has figures or
/// meetings to tell; else, when the data lies in the past (example data,
/// a workspace not kept up), the newest day with data, so the block is
/// never an empty list of last year.
pub fn default_day(ws: &Workspace, today: NaiveDate) -> NaiveDate {
    let n = assemble(ws, today);
    if !n.figures.is_empty() || !n.meetings.is_empty() {
        return today;
    }
    newest_day_with_data(ws)
        .filter(|d| *d < today)
        .unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_february_2018_summary_prints_the_newsletters_figures_of_2017() {
        let n = assemble(&demo::workspace(), day(2018, 2, 1));
        assert_eq!(
            n.figures_heading,
            "En kort sammanfattning av 2017 i siffror:"
        );
        let has = |s: &str| n.figures.iter().any(|f| f == s);
        assert!(
            has("927 deltagare fick individuellt anpassat stöd under året, varav 43 procent kvinnor och 57 män. Målet var 975 deltagare."),
            "{:#?}",
            n.figures
        );
        assert!(has(
            "183 personer fick myndighetsgemensam konsultation via Resursråden. Målet var 200 deltagare."
        ));
        assert!(has(
            "Under 2017 deltog 700 personer i förbundets frukostmöten. 2016 var siffran 500."
        ));
    }

    /// The demo with indicator `id`'s sentence set to `sentence`, written
    /// later than the demo.
    fn with_sentence(id: &str, sentence: &str) -> Workspace {
        let mut ws = demo::workspace();
        let mut i = ws
            .indicators
            .live()
            .find(|i| i.meta.id.as_str() == id)
            .unwrap()
            .clone();
        i.sentence = sentence.into();
        i.meta.stamp.hlc.millis += 1_000_000_000;
        ws.put(crate::core::model::Record::Indicator(i));
        ws
    }

    #[test]
    fn a_missing_breakdown_falls_back_to_the_plain_sentence() {
        let ws = with_sentence(
            "demo-ind-konsultation",
            "{värde} konsultationer, {Haninge:andel} procent i Haninge.",
        );
        let n = assemble(&ws, day(2018, 2, 1));
        assert!(
            n.figures
                .contains(&"Myndighetsgemensamma konsultationer: 183. Målet var 200.".to_owned()),
            "{:#?}",
            n.figures
        );
        let p = sentence_preview(
            &ws,
            &crate::core::ids::RecordId::parse("demo-ind-konsultation").unwrap(),
            "{värde} konsultationer, {Haninge:andel} procent i Haninge.",
        )
        .unwrap();
        assert_eq!(p.year, 2017);
        assert_eq!(
            p.written,
            Written::Missing(template::Gap::Figure("Haninge:andel".into()))
        );
    }

    #[test]
    fn a_figure_hidden_by_small_number_protection_falls_back_to_the_plain_sentence() {
        use crate::core::model::{FlowMeasure, Record};
        use crate::core::period::Period;
        use crate::core::value::{Count, FigureValue};
        let mut ws = demo::workspace();
        // New participants counted from participations, by gender.
        let mut i = ws
            .indicators
            .live()
            .find(|i| i.meta.id.as_str() == "demo-ind-nya")
            .unwrap()
            .clone();
        i.meta.id = crate::core::ids::RecordId::parse("t-nya-beraknad").unwrap();
        i.name = "Nya deltagare, beräknat".into();
        i.computed = Some(FlowMeasure::New);
        i.dimensions = vec![crate::core::model::Dimension::Gender];
        i.sentence = "{värde} nya, varav {annat kön} med annat kön.".into();
        ws.put(Record::Indicator(i.clone()));
        let mut t = ws.targets.live().next().unwrap().clone();
        t.meta.id = crate::core::ids::RecordId::parse("t-nya-mal").unwrap();
        t.indicator = i.meta.id.clone();
        t.scope = crate::core::model::Scope::Forbund;
        t.period = Period::year(2017).unwrap();
        t.breakdown = None;
        t.value = FigureValue::Count(Count::new(700).unwrap());
        ws.put(Record::Target(t));
        let shown = assemble(&ws, day(2018, 2, 1));
        assert!(
            shown
                .figures
                .contains(&"634 nya, varav 0 med annat kön.".to_owned()),
            "{:#?}",
            shown.figures
        );
        // Two of 2017's new participants of another or unknown gender:
        // fewer than the threshold of 3, so their count is hidden.
        let two: Vec<_> = ws
            .participations
            .live()
            .filter(|p| chrono::Datelike::year(&p.start) == 2017)
            .take(2)
            .cloned()
            .collect();
        for mut p in two {
            p.gender = crate::core::model::Gender::OtherOrUnknown;
            p.meta.stamp.hlc.millis += 1_000_000_000;
            ws.put(Record::Participation(p));
        }
        let n = assemble(&ws, day(2018, 2, 1));
        let line = n
            .figures
            .iter()
            .find(|f| f.starts_with("Nya deltagare, beräknat"))
            .unwrap_or_else(|| panic!("{:#?}", n.figures));
        assert_eq!(
            line,
            "Nya deltagare, beräknat: 634. Målet var 700. 2016 var siffran 293."
        );
    }

    #[test]
    fn an_english_block_writes_plain_sentences_even_with_a_template() {
        let n = assemble_in(&demo::workspace(), day(2018, 2, 1), Lang::En);
        assert!(n
            .figures
            .contains(&"Deltagare: 927. The target was 975.".to_owned()));
    }

    #[test]
    fn the_form_refuses_a_bad_sentence_at_the_sentence_field() {
        use crate::core::validate::{build_indicator, Field, IndicatorDraft, Problem};
        let ws = demo::workspace();
        let i = ws
            .indicators
            .live()
            .find(|i| i.meta.id.as_str() == "demo-ind-deltagare")
            .unwrap();
        let mut d = IndicatorDraft::from_indicator(i);
        d.sentence = "{värde} deltagare i {Hanninge}.".into();
        let e = build_indicator(&d, &ws, i.meta.clone()).unwrap_err();
        assert_eq!(
            e.at(Field::Sentence),
            Some(&Problem::Template(TemplateError::Unknown {
                name: "Hanninge".into()
            }))
        );
        d.sentence = "{värde deltagare".into();
        assert!(matches!(
            build_indicator(&d, &ws, i.meta.clone())
                .unwrap_err()
                .at(Field::Sentence),
            Some(Problem::Template(TemplateError::Unclosed { at: 1 }))
        ));
        d.sentence = "  ".into();
        assert_eq!(
            build_indicator(&d, &ws, i.meta.clone()).unwrap().sentence,
            ""
        );
    }

    #[test]
    fn an_emptied_sentence_is_written_and_wins_a_merge() {
        use crate::core::exchange::merge::{merge_records, FieldView};
        use crate::core::model::Record;
        let ws = demo::workspace();
        let older = ws
            .indicators
            .live()
            .find(|i| i.meta.id.as_str() == "demo-ind-deltagare")
            .unwrap()
            .clone();
        assert!(!older.sentence.is_empty());
        let mut newer = older.clone();
        newer.sentence = String::new();
        newer.meta.stamp.hlc.millis += 1_000;
        let json = FieldView::from_record(&Record::Indicator(newer.clone()))
            .to_json()
            .to_string();
        assert!(json.contains(r#""sentence":"""#), "{json}");
        for (a, b) in [(&older, &newer), (&newer, &older)] {
            let (merged, _) =
                merge_records(&Record::Indicator(a.clone()), &Record::Indicator(b.clone()))
                    .unwrap();
            assert!(
                matches!(&merged, Record::Indicator(i) if i.sentence.is_empty()),
                "{merged:?}"
            );
        }
    }

    #[test]
    fn the_preview_writes_the_sentence_for_the_latest_year_with_a_figure() {
        let ws = demo::workspace();
        let id = crate::core::ids::RecordId::parse("demo-ind-deltagare").unwrap();
        let i = ws.indicators.get(&id).unwrap();
        let p = sentence_preview(&ws, &id, &i.sentence).unwrap();
        assert_eq!(p.year, 2017);
        assert_eq!(p.written, Written::Own);
        assert_eq!(p.text, "927 deltagare fick individuellt anpassat stöd under året, varav 43 procent kvinnor och 57 män. Målet var 975 deltagare.");
        let plain = sentence_preview(&ws, &id, "").unwrap();
        assert_eq!(
            (plain.written, plain.text.as_str()),
            (Written::Plain, "Deltagare: 927. Målet var 975.")
        );
    }

    #[test]
    fn the_september_2018_block_lists_the_autumn_meetings_and_the_open_places() {
        let n = assemble(&demo::workspace(), day(2018, 9, 14));
        let headings: Vec<&str> = n.meetings.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(headings, ["Haninge", "Nynäshamn", "Tyresö"]);
        assert_eq!(n.meetings[0].items[0].day, "28/9");
        assert_eq!(
            n.meetings[0].items[0].text,
            "Inspirationsföreläsning om integration, kreativitet och sysselsättning med Birgitta Notlöf, Livstycket i Tensta."
        );
        assert_eq!(
            n.slots_intro.as_deref(),
            Some("82 deltagare var inskrivna i slutet av augusti. Följande lediga platser fanns enligt rapporten 31 augusti 2018:")
        );
        assert!(n.slots.contains(&"Case Management 20".to_owned()));
        assert_eq!(n.slots.len(), 9);
    }

    #[test]
    fn typed_text_is_escaped_and_only_web_addresses_become_links() {
        let mut ws = demo::workspace();
        let mut m = ws
            .meetings
            .live()
            .find(|m| m.date == day(2018, 9, 21))
            .unwrap()
            .clone();
        m.theme = "<script>alert(1)</script> *fett*".into();
        m.invitation = "javascript:alert(1)".into();
        m.meta.stamp.hlc.millis += 1_000_000_000;
        ws.put(crate::core::model::Record::Meeting(m));
        let n = assemble(&ws, day(2018, 9, 14));
        let h = to_html(&n);
        assert!(h.contains("&lt;script&gt;") && !h.contains("<script>"));
        assert!(!h.contains("javascript:"));
        let md = to_markdown(&n);
        assert!(md.contains("\\*fett\\*") && md.contains("\\<script\\>"));
        assert!(to_text(&n).contains("<script>"), "plain text is as typed");
    }

    #[test]
    fn a_small_number_of_enrolled_is_not_printed() {
        let mut ws = demo::workspace();
        for r in ws.slot_reports.live().cloned().collect::<Vec<_>>() {
            let mut r = r;
            r.enrolled = crate::core::value::Count::saturating(if r.insats.as_str() == "demo-cm" {
                2
            } else {
                0
            });
            r.meta.stamp.hlc.millis += 1_000_000_000;
            ws.put(crate::core::model::Record::SlotReport(r));
        }
        let n = assemble(&ws, day(2018, 9, 14));
        assert!(n
            .slots_intro
            .unwrap()
            .starts_with("Färre än 3 deltagare var inskrivna"));
    }
}
