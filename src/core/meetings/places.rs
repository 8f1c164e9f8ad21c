//! Lediga platser: the latest report per insats and provider as a board for
//! handläggare, and occupancy over time.
//!
//! Guarantees: the board holds at most one line per insats and provider —
//! its latest report on or before the day asked about (a later write wins
//! between two reports of the same day); totals are sums of those lines;
//! reports of deleted insatser are left out everywhere.

use crate::core::chart::{DataTable, LineChart, LinePoint, Measure, Scale};
use crate::core::chart_specs::ChartWords;
use crate::core::ids::RecordId;
use crate::core::locale::Locale;
use crate::core::model::SlotReport;
use crate::core::order;
use crate::core::workspace::Workspace;
use chrono::NaiveDate;

/// What identifies a line of the board: the insats and the provider.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SlotKey {
    pub insats: RecordId,
    /// The provider as reported (trimmed; empty for the insats's own).
    pub provider: String,
}

impl SlotKey {
    /// The key of a report.
    pub fn of(r: &SlotReport) -> SlotKey {
        SlotKey {
            insats: r.insats.clone(),
            provider: r.provider.trim().to_owned(),
        }
    }

    /// A code for a select (`insats|provider`).
    pub fn code(&self) -> String {
        format!("{}|{}", self.insats, self.provider)
    }

    /// Reads [`SlotKey::code`].
    pub fn parse(code: &str) -> Option<SlotKey> {
        let (insats, provider) = code.split_once('|')?;
        Some(SlotKey {
            insats: RecordId::parse(insats).ok()?,
            provider: provider.to_owned(),
        })
    }
}

/// One line of the board.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotLine {
    /// Insats and provider.
    pub key: SlotKey,
    /// What the line is called: the insats, and the provider when it is not
    /// the insats's own.
    pub label: String,
    /// The report the line shows.
    pub report: SlotReport,
}

/// The latest figures of every insats and provider.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlotBoard {
    /// Lines by label.
    pub lines: Vec<SlotLine>,
    /// Enrolled on all lines.
    pub enrolled: u64,
    /// Open places on all lines.
    pub open: u64,
    /// Places on all lines.
    pub capacity: u64,
    /// The newest report date on the board.
    pub latest: Option<NaiveDate>,
}

impl SlotBoard {
    /// Lines with more enrolled than places.
    pub fn overbooked(&self) -> impl Iterator<Item = &SlotLine> {
        self.lines.iter().filter(|l| l.report.overbooked())
    }
}

/// The name of a board line.
pub fn label(ws: &Workspace, key: &SlotKey) -> String {
    let insats = ws.insatser.get(&key.insats);
    let name = insats.map_or("?", |i| i.name.as_str());
    match insats {
        Some(i) if !key.provider.is_empty() && key.provider != i.provider.trim() => {
            format!("{name} – {}", key.provider)
        }
        _ => name.to_owned(),
    }
}

/// The board as it stood on `as_of`: per insats and provider the latest
/// live report on or before that day.
pub fn slot_board(ws: &Workspace, as_of: NaiveDate) -> SlotBoard {
    let mut latest: std::collections::BTreeMap<SlotKey, &SlotReport> = Default::default();
    for r in ws
        .slot_reports
        .live()
        .filter(|r| r.date <= as_of && ws.insatser.get(&r.insats).is_some())
    {
        let key = SlotKey::of(r);
        let newer = latest
            .get(&key)
            .is_none_or(|old| (r.date, &r.meta.stamp) > (old.date, &old.meta.stamp));
        if newer {
            latest.insert(key, r);
        }
    }
    let mut lines: Vec<SlotLine> = latest
        .into_iter()
        .map(|(key, r)| SlotLine {
            label: label(ws, &key),
            key,
            report: r.clone(),
        })
        .collect();
    order::sort_by_key(&mut lines, |l| order::sort_key(&l.label));
    SlotBoard {
        enrolled: lines.iter().map(|l| l.report.enrolled.get()).sum(),
        open: lines.iter().map(|l| l.report.open()).sum(),
        capacity: lines.iter().map(|l| l.report.capacity.get()).sum(),
        latest: lines.iter().map(|l| l.report.date).max(),
        lines,
    }
}

/// The latest live report of an insats (at any provider when `provider` is
/// empty, else at that one): what a new report's form starts from, since
/// places seldom change between reports.
pub fn latest_report<'a>(
    ws: &'a Workspace,
    insats: &RecordId,
    provider: &str,
) -> Option<&'a SlotReport> {
    ws.slot_reports
        .live()
        .filter(|r| &r.insats == insats)
        .filter(|r| provider.trim().is_empty() || r.provider.trim() == provider.trim())
        .max_by(|a, b| (a.date, &a.meta.stamp).cmp(&(b.date, &b.meta.stamp)))
}

/// The board as a table: insats, date, places, enrolled, open (with
/// `overbooked` after the open places of a line with more enrolled than
/// places), under the caller's caption and headers, with figures and dates
/// written in `numbers`.
pub fn board_table(
    board: &SlotBoard,
    caption: &str,
    headers: [&str; 5],
    overbooked: &str,
    numbers: Locale,
) -> DataTable {
    DataTable {
        caption: caption.to_owned(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: board
            .lines
            .iter()
            .map(|l| {
                let r = &l.report;
                let mut open = numbers.integer(r.open());
                if r.overbooked() {
                    open = format!("{open} {overbooked}");
                }
                vec![
                    l.label.clone(),
                    numbers.date(r.date),
                    numbers.integer(r.capacity.get()),
                    numbers.integer(r.enrolled.get()),
                    open,
                ]
            })
            .collect(),
    }
}

/// Places and enrolled on every day a report was made, for one insats and
/// provider or (with `None`) summed over the board as it stood that day.
pub fn occupancy_over_time(ws: &Workspace, key: Option<&SlotKey>) -> Vec<(NaiveDate, u64, u64)> {
    let mut dates: Vec<NaiveDate> = ws
        .slot_reports
        .live()
        .filter(|r| key.is_none_or(|k| &SlotKey::of(r) == k))
        .map(|r| r.date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|d| {
            let board = slot_board(ws, d);
            let lines = board
                .lines
                .iter()
                .filter(|l| key.is_none_or(|k| &l.key == k));
            let (capacity, enrolled) = lines.fold((0, 0), |(c, e), l| {
                (c + l.report.capacity.get(), e + l.report.enrolled.get())
            });
            (d, capacity, enrolled)
        })
        .collect()
}

/// A line chart of enrolled (solid) against places (dashed) over time;
/// `words.outcome` and `words.target` name them ("Inskrivna", "Platser").
pub fn occupancy_chart(
    points: &[(NaiveDate, u64, u64)],
    title: String,
    words: &ChartWords,
) -> LineChart {
    let count = |n: u64| Measure {
        value: n as f64,
        text: words.numbers.integer(n),
    };
    let mut sentences = Vec::new();
    let chart_points = points
        .iter()
        .map(|&(d, capacity, enrolled)| {
            let label = words.numbers.date(d);
            sentences.push((words.describe)(
                &label,
                &words.numbers.integer(enrolled),
                &words.numbers.integer(capacity),
                None,
            ));
            LinePoint {
                label,
                outcome: Some(count(enrolled)),
                target: Some(count(capacity)),
            }
        })
        .collect();
    LineChart {
        text: words.text(
            "chart-occupancy".into(),
            title,
            sentences.join(" "),
            &words.period,
        ),
        scale: Scale::Count,
        points: chart_points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::line_chart_svg;
    use crate::core::demo;
    use crate::core::ids::{DeviceId, Hlc};
    use crate::core::model::{Meta, Record};
    use crate::core::value::Count;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_end_of_august_2018_board_has_82_enrolled_and_the_newsletters_open_places() {
        let ws = demo::workspace();
        let board = slot_board(&ws, day(2018, 9, 14));
        assert_eq!(board.enrolled, 82);
        let open: Vec<(&str, u64)> = board
            .lines
            .iter()
            .map(|l| (l.label.as_str(), l.report.open()))
            .collect();
        assert_eq!(
            open,
            [
                ("Arbetsträning Bönorna", 2),
                ("Arbetsträning Grow", 2),
                ("Arbetsträning Jobbverket", 6),
                ("Arbetsträning Skyddsvärnet", 2),
                ("Case Management", 20),
                ("KBT-samtal Nynäshamn", 2),
                ("Roa", 5),
                ("SE-uppstart Nynäshamn", 2),
                ("Stationen", 6),
            ]
        );
        assert_eq!(board.open, 47);
        assert_eq!(board.latest, Some(day(2018, 8, 31)));
        assert_eq!(board.overbooked().count(), 0);
        // Before any report, nothing.
        assert!(slot_board(&ws, day(2017, 1, 1)).lines.is_empty());
    }

    #[test]
    fn a_newer_report_replaces_the_line_and_overbooking_is_flagged() {
        let mut ws = demo::workspace();
        let cm = ws
            .slot_reports
            .live()
            .find(|r| r.insats.as_str() == "demo-cm" && r.date == day(2018, 8, 31))
            .unwrap()
            .clone();
        let mut newer = cm.clone();
        newer.meta = Meta::new(
            RecordId::parse("s-new").unwrap(),
            Hlc {
                millis: 2_000_000_000_000,
                counter: 0,
            },
            DeviceId::parse("d").unwrap(),
        );
        newer.date = day(2018, 10, 1);
        newer.enrolled = Count::saturating(63);
        ws.put(Record::SlotReport(newer));
        let board = slot_board(&ws, day(2018, 10, 1));
        let line = board
            .lines
            .iter()
            .find(|l| l.key.insats.as_str() == "demo-cm")
            .unwrap();
        assert_eq!(line.report.enrolled.get(), 63);
        assert_eq!(board.overbooked().count(), 1);
        let table = board_table(
            &board,
            "Lediga platser",
            ["Insats", "Datum", "Platser", "Inskrivna", "Lediga"],
            "⚠",
            Locale::Sv,
        );
        let cm = table
            .rows
            .iter()
            .find(|r| r[0] == "Case Management")
            .unwrap();
        assert_eq!(cm[1..], ["1\u{a0}okt\u{a0}2018", "60", "63", "0 ⚠"]);
        assert_eq!(
            slot_board(&ws, day(2018, 9, 30)).enrolled,
            82,
            "as it stood before"
        );
    }

    #[test]
    fn a_new_report_starts_from_the_latest_one_of_its_insats() {
        let ws = demo::workspace();
        let cm = RecordId::parse("demo-cm").unwrap();
        let r = latest_report(&ws, &cm, "").unwrap();
        assert_eq!((r.date, r.capacity.get()), (day(2018, 8, 31), 60));
        assert!(latest_report(&ws, &cm, "Någon annan").is_none());
        assert!(latest_report(&ws, &RecordId::parse("demo-rr-n").unwrap(), "").is_none());
    }

    #[test]
    fn occupancy_over_time_sums_the_board_of_each_report_day() {
        let ws = demo::workspace();
        let all = occupancy_over_time(&ws, None);
        let last = all.last().unwrap();
        assert_eq!((last.0, last.2), (day(2018, 8, 31), 82));
        assert!(all.len() >= 2, "an earlier report day too");
        let key = SlotKey::parse("demo-cm|").unwrap();
        let cm = occupancy_over_time(&ws, Some(&key));
        assert!(cm.iter().all(|p| p.1 == 60));
        let words = ChartWords {
            target: "Platser".into(),
            outcome: "Inskrivna".into(),
            status: String::new(),
            empty: "Inga värden".into(),
            indicator: String::new(),
            period: "Datum".into(),
            statuses: Default::default(),
            describe: |l, o, t, _| format!("{l}: {o} av {t}"),
            forecast: "Prognos".into(),
            numbers: crate::core::locale::Locale::Sv,
        };
        let svg = line_chart_svg(&occupancy_chart(&cm, "Case Management".into(), &words));
        assert!(svg.contains("31\u{a0}aug\u{a0}2018"));
        assert_eq!(SlotKey::parse(&key.code()), Some(key));
    }
}
