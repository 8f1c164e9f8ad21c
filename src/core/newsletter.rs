//! The newsletter block: for a chosen day, the förbund's key figures of the
//! year before with their targets ("En kort sammanfattning av 2017 i
//! siffror"), the coming frukostmöten and the open places, ready to paste
//! as HTML, Markdown or plain text.
//!
//! Guarantees: the text is Swedish as the newsletters write it (`39
//! procent`, `1 234`, `28/9`); every figure is one the board, the meetings
//! page or the places board shows for the same data; a figure computed from
//! participations that small-number protection hides is left out, and a
//! count of enrolled below the threshold is written "färre än N"; text
//! typed by users is escaped for HTML and Markdown, and only http(s)
//! invitation addresses become links.

use super::flow::{protect_count, Shown};
use super::fmt_sv;
use super::goal::{self, Focus, GoalRow};
use super::meetings::{attendance_by_year, meeting_list, When};
use super::model::{FigureKey, FlowMeasure, Scope};
use super::order;
use super::period::Period;
use super::slots::slot_board;
use super::value::Value;
use super::workspace::Workspace;
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

/// The assembled block, before it is written out in a format.
#[derive(Debug, Clone, PartialEq)]
pub struct Newsletter {
    /// "En kort sammanfattning av 2017 i siffror:".
    pub figures_heading: String,
    /// One sentence per key figure.
    pub figures: Vec<String>,
    /// The coming meetings by municipality.
    pub meetings: Vec<MeetingGroup>,
    /// "82 deltagare var inskrivna i slutet av augusti. Följande lediga
    /// platser finns just nu:", or `None` without any report.
    pub slots_intro: Option<String>,
    /// Open places per insats ("Case Management 20"), only where some are
    /// open.
    pub slots: Vec<String>,
}

/// Heading of the meetings part.
pub const MEETINGS_HEADING: &str = "Kommande frukostmöten";
/// Heading of the places part.
pub const SLOTS_HEADING: &str = "Lediga platser";

/// A figure as the newsletters print it: `39 procent`, `1 234`.
fn words(v: Value) -> String {
    match v {
        Value::Percent(p) => format!("{} procent", fmt_sv::tenths(u64::from(p.tenths()))),
        Value::Count(c) => fmt_sv::integer(c.get()),
        Value::Answer(a) => crate::core::goal::yes_no_words(a).to_owned(),
    }
}

/// The sentence of one board row: outcome, target, and last year's figure.
fn figure_sentence(ws: &Workspace, row: &GoalRow, outcome: Value, year: i32) -> String {
    let name = match &row.target.scope {
        Scope::Forbund => row.indicator.name.clone(),
        scope => format!(
            "{}, {}",
            row.indicator.name,
            ws.scope_name(scope).unwrap_or("?")
        ),
    };
    let goal = if outcome == row.target.value {
        ", vilket också var målet.".to_owned()
    } else {
        format!(". Målet var {}.", words(row.target.value))
    };
    let before = Period::year(year - 1).ok().and_then(|p| {
        let key = FigureKey {
            period: p,
            ..row.target.key()
        };
        goal::answer(ws, &key).filter(|a| !a.partial)
    });
    let before = before
        .map(|a| format!(" {} var siffran {}.", year - 1, words(a.outcome.value)))
        .unwrap_or_default();
    format!("{name}: {}{goal}{before}", words(outcome))
}

/// The key figures of `year`: every total target set for exactly that year
/// with its outcome, the year's totals reported without a target, and the
/// year's guests at frukostmöten against the year before.
fn key_figures(ws: &Workspace, year: i32) -> Vec<String> {
    let Ok(period) = Period::year(year) else {
        return Vec::new();
    };
    let from_meetings = |id: &crate::core::ids::RecordId| {
        ws.indicators
            .get(id)
            .is_some_and(|i| i.computed == Some(FlowMeasure::MeetingAttendance))
    };
    let mut out: Vec<String> = goal::goal_rows(ws, &period, &Focus::All)
        .iter()
        .filter(|r| r.target.period == period && r.target.breakdown.is_none())
        .filter(|r| !from_meetings(&r.indicator.meta.id))
        .filter_map(|r| {
            let outcome = r.outcome.as_ref()?.value;
            Some(figure_sentence(ws, r, outcome, year))
        })
        .collect();
    for g in goal::untargeted_outcomes(ws, &period, &Focus::All) {
        if let (Some(total), true) = (&g.total, g.period == period) {
            let name = match &g.scope {
                Scope::Forbund => g.indicator.name.clone(),
                scope => format!(
                    "{}, {}",
                    g.indicator.name,
                    ws.scope_name(scope).unwrap_or("?")
                ),
            };
            out.push(format!("{name}: {}.", words(total.value)));
        }
    }
    let years = attendance_by_year(ws, None);
    if let Some(now) = years.iter().find(|y| y.year == year && y.attended > 0) {
        let mut s = format!(
            "Under {year} deltog {} personer i förbundets frukostmöten.",
            fmt_sv::integer(now.attended)
        );
        if let Some(t) = now.target {
            s.push_str(&format!(" Målet var {}.", words(t)));
        }
        if let Some(before) = years.iter().find(|y| y.year == year - 1 && y.attended > 0) {
            s.push_str(&format!(
                " {} var siffran {}.",
                year - 1,
                fmt_sv::integer(before.attended)
            ));
        }
        out.push(s);
    }
    out
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

fn coming_meetings(ws: &Workspace, day: NaiveDate) -> Vec<MeetingGroup> {
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
            s => sentence(&format!("{} med {s}", theme.trim_end_matches('.'))),
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

/// When the places were counted, in the newsletters' words: "i slutet av
/// augusti" for the last day of a month, else "den 14 sep 2018".
fn counted_when(d: NaiveDate) -> String {
    let last_of_month = d.succ_opt().is_some_and(|n| n.month() != d.month());
    if last_of_month {
        let month = fmt_sv::period(
            &Period::month(d.year(), d.month()).unwrap_or(Period::year_clamped(d.year())),
        );
        let name = month.split(' ').next().unwrap_or_default();
        format!("i slutet av {name}")
    } else {
        format!("den {}", fmt_sv::date(d))
    }
}

/// Assembles the block for a newsletter published on `day`: the figures of
/// the year before, the meetings of the coming months, the places as last
/// reported on or before the day.
pub fn assemble(ws: &Workspace, day: NaiveDate) -> Newsletter {
    let year = day.year() - 1;
    let board = slot_board(ws, day);
    let slots_intro = board.latest.map(|latest| {
        let enrolled = match protect_count(board.enrolled, ws.protection_threshold()) {
            Shown::Fewer(t) => format!("Färre än {t}"),
            _ => fmt_sv::integer(board.enrolled),
        };
        format!(
            "{enrolled} deltagare var inskrivna {}. Följande lediga platser finns just nu:",
            counted_when(latest)
        )
    });
    Newsletter {
        figures_heading: format!("En kort sammanfattning av {year} i siffror:"),
        figures: key_figures(ws, year),
        meetings: coming_meetings(ws, day),
        slots_intro,
        slots: board
            .lines
            .iter()
            .filter(|l| l.report.open() > 0)
            .map(|l| format!("{} {}", l.label, fmt_sv::integer(l.report.open())))
            .collect(),
    }
}

/// Plain text, for an e-mail or a text field.
pub fn to_text(n: &Newsletter) -> String {
    let mut out = String::new();
    out.push_str(&n.figures_heading);
    out.push('\n');
    for f in &n.figures {
        out.push_str(&format!("- {f}\n"));
    }
    if !n.meetings.is_empty() {
        out.push_str(&format!("\n{MEETINGS_HEADING}\n"));
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("\n{}\n", g.heading));
            }
            for m in &g.items {
                out.push_str(&format!("{} {}", m.day, m.text));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(" Inbjudan: {url}"));
                }
                out.push('\n');
            }
        }
    }
    if let Some(intro) = &n.slots_intro {
        out.push_str(&format!(
            "\n{SLOTS_HEADING}\n{intro}\n{}\n",
            n.slots.join(" • ")
        ));
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown, for a web page or a newsletter tool that reads it.
pub fn to_markdown(n: &Newsletter) -> String {
    let mut out = format!("**{}**\n\n", md(&n.figures_heading));
    for f in &n.figures {
        out.push_str(&format!("- {}\n", md(f)));
    }
    if !n.meetings.is_empty() {
        out.push_str(&format!("\n## {MEETINGS_HEADING}\n"));
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("\n**{}**\n\n", md(&g.heading)));
            }
            for m in &g.items {
                out.push_str(&format!("- {} {}", m.day, md(&m.text)));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(" [Inbjudan](<{}>)", url.replace(['<', '>'], "")));
                }
                out.push('\n');
            }
        }
    }
    if let Some(intro) = &n.slots_intro {
        let slots: Vec<String> = n.slots.iter().map(|s| md(s)).collect();
        out.push_str(&format!(
            "\n## {SLOTS_HEADING}\n\n{}\n{}\n",
            md(intro),
            slots.join(" • ")
        ));
    }
    out
}

/// Escapes text for HTML content and attribute values.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// HTML, for the förbund's web page or a newsletter tool.
pub fn to_html(n: &Newsletter) -> String {
    let mut out = format!(
        "<p><strong>{}</strong></p>\n<ul>\n",
        html(&n.figures_heading)
    );
    for f in &n.figures {
        out.push_str(&format!("<li>{}</li>\n", html(f)));
    }
    out.push_str("</ul>\n");
    if !n.meetings.is_empty() {
        out.push_str(&format!("<h2>{MEETINGS_HEADING}</h2>\n"));
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("<h3>{}</h3>\n", html(&g.heading)));
            }
            out.push_str("<ul>\n");
            for m in &g.items {
                out.push_str(&format!("<li>{} {}", m.day, html(&m.text)));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(" <a href=\"{}\">Inbjudan</a>", html(url)));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
    if let Some(intro) = &n.slots_intro {
        let slots: Vec<String> = n.slots.iter().map(|s| html(s)).collect();
        out.push_str(&format!(
            "<h2>{SLOTS_HEADING}</h2>\n<p>{}<br>\n{}</p>\n",
            html(intro),
            slots.join(" • ")
        ));
    }
    out
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
        assert!(has("Deltagare: 927. Målet var 975."), "{:#?}", n.figures);
        assert!(has(
            "Myndighetsgemensamma konsultationer: 183. Målet var 200."
        ));
        assert!(has("Andel till arbete eller studier, Ungdomsinsatserna: 65 procent, vilket också var målet. 2016 var siffran 58 procent."));
        assert!(has(
            "Under 2017 deltog 700 personer i förbundets frukostmöten. 2016 var siffran 500."
        ));
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
            Some("82 deltagare var inskrivna i slutet av augusti. Följande lediga platser finns just nu:")
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
