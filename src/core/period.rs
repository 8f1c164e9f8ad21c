//! Follow-up periods: years, the tertials a förbund reports on, half-years,
//! quarters, months and custom ranges (for example a project's whole
//! period).
//!
//! Guarantees: a [`Period`] always has a start on or before its end, both
//! within [`MIN_YEAR`]..=[`MAX_YEAR`]; its text form (`2017`, `2017-T2`,
//! `2017-H1`, `2017-Q3`, `2017-09`, `2017-04-01..2020-08-31`) parses back to
//! the same period and is safe in URLs and file names; one span of days has
//! one kind (January–April is always `T1`, never a range).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Earliest year a period or date may fall in.
pub const MIN_YEAR: i32 = 1970;
/// Latest year a period or date may fall in.
pub const MAX_YEAR: i32 = 2100;

/// The kinds of period a user can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar year.
    Year,
    /// January–June or July–December.
    Half,
    /// A calendar quarter.
    Quarter,
    /// A calendar month.
    Month,
    /// Any range of whole days, such as a project period.
    Range,
    /// A tertial report's period, from the start of the year: T1 is
    /// January–April (after 30 April), T2 January–August, the delår (after
    /// 31 August); the third is the year itself. Text form `2018-T1`.
    Tertial,
}

/// Why a period could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PeriodError {
    /// The year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange(i32),
    /// Half 1–2, quarter 1–4 or month 1–12 was something else.
    PartOutOfRange(u32),
    /// A range ends before it starts.
    EndBeforeStart,
    /// The text is not one of the period forms.
    Unrecognised(String),
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::YearOutOfRange(y) => {
                write!(f, "year {y} is outside {MIN_YEAR}-{MAX_YEAR}")
            }
            PeriodError::PartOutOfRange(p) => write!(f, "period part {p} is out of range"),
            PeriodError::EndBeforeStart => write!(f, "the period ends before it starts"),
            PeriodError::Unrecognised(s) => write!(f, "not a period: {s:?}"),
        }
    }
}

impl std::error::Error for PeriodError {}

/// A span of whole days that targets and outcomes are reported for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    kind: PeriodKind,
    start: NaiveDate,
    end: NaiveDate,
}

/// Checks that a date lies within the years the app accepts.
pub fn check_date(date: NaiveDate) -> Result<NaiveDate, PeriodError> {
    check_year(date.year()).map(|_| date)
}

fn check_year(year: i32) -> Result<i32, PeriodError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(PeriodError::YearOutOfRange(year))
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, PeriodError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(PeriodError::PartOutOfRange(month))
}

/// The last day of a month.
fn month_end(year: i32, month: u32) -> Result<NaiveDate, PeriodError> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(next_year, next_month, 1)?
        .pred_opt()
        .ok_or(PeriodError::PartOutOfRange(month))
}

impl Period {
    /// A calendar year.
    pub fn year(year: i32) -> Result<Period, PeriodError> {
        check_year(year)?;
        Ok(Period {
            kind: PeriodKind::Year,
            start: ymd(year, 1, 1)?,
            end: ymd(year, 12, 31)?,
        })
    }

    /// The calendar year `year`, moved into the accepted range if outside it;
    /// for defaults that must always yield a period (the current year).
    pub fn year_clamped(year: i32) -> Period {
        let y = year.clamp(MIN_YEAR, MAX_YEAR);
        let first = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(first);
        Period {
            kind: PeriodKind::Year,
            start: first,
            end: last,
        }
    }

    /// Half-year 1 (Jan–Jun) or 2 (Jul–Dec).
    pub fn half(year: i32, half: u32) -> Result<Period, PeriodError> {
        check_year(year)?;
        let (first, last) = match half {
            1 => (1, 6),
            2 => (7, 12),
            other => return Err(PeriodError::PartOutOfRange(other)),
        };
        Ok(Period {
            kind: PeriodKind::Half,
            start: ymd(year, first, 1)?,
            end: month_end(year, last)?,
        })
    }

    /// Tertial report 1 (January–April) or 2 (January–August, the delår):
    /// both start on 1 January, as the förbund's interim reports count from
    /// the start of the year.
    pub fn tertial(year: i32, tertial: u32) -> Result<Period, PeriodError> {
        check_year(year)?;
        let last = match tertial {
            1 => 4,
            2 => 8,
            other => return Err(PeriodError::PartOutOfRange(other)),
        };
        Ok(Period {
            kind: PeriodKind::Tertial,
            start: ymd(year, 1, 1)?,
            end: month_end(year, last)?,
        })
    }

    /// Quarter 1–4.
    pub fn quarter(year: i32, quarter: u32) -> Result<Period, PeriodError> {
        check_year(year)?;
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError::PartOutOfRange(quarter));
        }
        let first = quarter * 3 - 2;
        Ok(Period {
            kind: PeriodKind::Quarter,
            start: ymd(year, first, 1)?,
            end: month_end(year, first + 2)?,
        })
    }

    /// Month 1–12.
    pub fn month(year: i32, month: u32) -> Result<Period, PeriodError> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(PeriodError::PartOutOfRange(month));
        }
        Ok(Period {
            kind: PeriodKind::Month,
            start: ymd(year, month, 1)?,
            end: month_end(year, month)?,
        })
    }

    /// Any range of whole days, both ends included. A range that is exactly
    /// a calendar year, half-year, quarter or month becomes that period, so
    /// one span of days always has one identity (a target for
    /// 2018-01-01..2018-12-31 is a target for 2018).
    pub fn range(start: NaiveDate, end: NaiveDate) -> Result<Period, PeriodError> {
        check_date(start)?;
        check_date(end)?;
        if end < start {
            return Err(PeriodError::EndBeforeStart);
        }
        let calendar = [
            PeriodKind::Year,
            PeriodKind::Half,
            PeriodKind::Quarter,
            PeriodKind::Month,
        ]
        .into_iter()
        .filter_map(|kind| Period::same_kind_containing(kind, start).ok())
        .chain(
            [1, 2]
                .into_iter()
                .filter_map(|t| Period::tertial(start.year(), t).ok()),
        )
        .find(|p| p.start == start && p.end == end);
        Ok(calendar.unwrap_or(Period {
            kind: PeriodKind::Range,
            start,
            end,
        }))
    }

    /// Which kind of period this is.
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    /// First day, included.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// Last day, included.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// Number of days, at least 1.
    pub fn days(&self) -> u64 {
        let span = (self.end - self.start).num_days();
        u64::try_from(span).unwrap_or(0) + 1
    }

    /// Whether `other` lies entirely within this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether a day lies within this period.
    pub fn contains_date(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether `other` is a shorter report "so far" of this period: it starts
    /// on the same day and ends earlier. A half-year report against a yearly
    /// goal is the typical case.
    pub fn has_partial(&self, other: &Period) -> bool {
        other.start == self.start && other.end < self.end
    }

    /// The calendar year a period starts in (for grouping and defaults).
    pub fn start_year(&self) -> i32 {
        self.start.year()
    }

    /// The period of the same kind that contains `date`; ranges are returned
    /// unchanged. For tertials: the first tertial report that covers the
    /// date, and from September, when no tertial report does, the year.
    pub fn same_kind_containing(kind: PeriodKind, date: NaiveDate) -> Result<Period, PeriodError> {
        let (y, m) = (date.year(), date.month());
        match kind {
            PeriodKind::Year => Period::year(y),
            PeriodKind::Half => Period::half(y, if m <= 6 { 1 } else { 2 }),
            PeriodKind::Quarter => Period::quarter(y, m.div_ceil(3)),
            PeriodKind::Month => Period::month(y, m),
            PeriodKind::Range => Period::range(date, date),
            PeriodKind::Tertial if m <= 4 => Period::tertial(y, 1),
            PeriodKind::Tertial if m <= 8 => Period::tertial(y, 2),
            PeriodKind::Tertial => Period::year(y),
        }
    }

    /// The tertial, half, quarter or month number (1-based); `None` for
    /// years and ranges.
    pub fn part(&self) -> Option<u32> {
        let m = self.start.month();
        match self.kind {
            PeriodKind::Tertial => Some(if self.end.month() <= 4 { 1 } else { 2 }),
            PeriodKind::Half => Some(if m <= 6 { 1 } else { 2 }),
            PeriodKind::Quarter => Some(m.div_ceil(3)),
            PeriodKind::Month => Some(m),
            PeriodKind::Year | PeriodKind::Range => None,
        }
    }
}

impl Ord for Period {
    /// Chronological: earlier start first, then the shorter period first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.start
            .cmp(&other.start)
            .then(self.end.cmp(&other.end))
            .then((self.kind as u8).cmp(&(other.kind as u8)))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    /// The compact, machine-readable form used in files and URLs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.start.year();
        match (self.kind, self.part()) {
            (PeriodKind::Tertial, Some(t)) => write!(f, "{y}-T{t}"),
            (PeriodKind::Half, Some(h)) => write!(f, "{y}-H{h}"),
            (PeriodKind::Quarter, Some(q)) => write!(f, "{y}-Q{q}"),
            (PeriodKind::Month, Some(m)) => write!(f, "{y}-{m:02}"),
            (PeriodKind::Year, _) => write!(f, "{y}"),
            _ => write!(f, "{}..{}", iso_date(self.start), iso_date(self.end)),
        }
    }
}

fn parse_number<T: FromStr>(s: &str, whole: &str) -> Result<T, PeriodError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::Unrecognised(whole.to_owned()));
    }
    s.parse()
        .map_err(|_| PeriodError::Unrecognised(whole.to_owned()))
}

/// The period a page opens on when its address names none: the one last
/// chosen on the board (`remembered`, in the text form of [`Period`]'s
/// `Display`), else the calendar year of `today`. Text that does not parse
/// (an older form, a hand edit) falls back to the year rather than failing,
/// so the board, the report, a new presentation and a scope's figures always
/// agree on where to start.
pub fn remembered_or_this_year(remembered: Option<&str>, today: NaiveDate) -> Period {
    remembered
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| Period::year_clamped(today.year()))
}

/// Parses an ISO date `YYYY-MM-DD` (what `<input type=date>` gives) within
/// the accepted years. Written out by hand rather than with chrono's
/// `parse_from_str`, whose format machinery costs download size.
pub fn parse_iso_date(s: &str) -> Result<NaiveDate, PeriodError> {
    let text = s.trim();
    let bad = || PeriodError::Unrecognised(s.to_owned());
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let year: i32 = parse_number(y, s)?;
    let date =
        NaiveDate::from_ymd_opt(year, parse_number(m, s)?, parse_number(d, s)?).ok_or_else(bad)?;
    check_date(date)
}

/// Serde for an optional date written as `YYYY-MM-DD`, through
/// [`iso_date`] and [`parse_iso_date`] (so the accepted years are checked
/// and chrono's general-purpose format parser stays out of the download).
pub mod optional_iso_date {
    use super::{iso_date, parse_iso_date};
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Writes `Some(date)` as its ISO text, `None` as null.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&iso_date(*d)),
            None => s.serialize_none(),
        }
    }

    /// Reads null or an ISO date text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.map(|t| parse_iso_date(&t).map_err(D::Error::custom))
            .transpose()
    }
}

/// Serde for a required date written as `YYYY-MM-DD` (see
/// [`optional_iso_date`]).
pub mod required_iso_date {
    use super::{iso_date, parse_iso_date};
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Writes the date as its ISO text.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso_date(*date))
    }

    /// Reads an ISO date text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        parse_iso_date(&text).map_err(D::Error::custom)
    }
}

/// A date as `YYYY-MM-DD`, the form date inputs and files use.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Period, PeriodError> {
        let s = text.trim();
        if let Some((a, b)) = s.split_once("..") {
            return Period::range(parse_iso_date(a)?, parse_iso_date(b)?);
        }
        match s.split_once('-') {
            None => Period::year(parse_number(s, text)?),
            Some((y, rest)) => {
                let year = parse_number(y, text)?;
                if let Some(t) = rest.strip_prefix('T') {
                    Period::tertial(year, parse_number(t, text)?)
                } else if let Some(h) = rest.strip_prefix('H') {
                    Period::half(year, parse_number(h, text)?)
                } else if let Some(q) = rest.strip_prefix('Q') {
                    Period::quarter(year, parse_number(q, text)?)
                } else if rest.len() == 2 {
                    Period::month(year, parse_number(rest, text)?)
                } else {
                    Err(PeriodError::Unrecognised(text.to_owned()))
                }
            }
        }
    }
}

crate::core::codes::stored_as_text!(Period);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_page_opens_on_the_remembered_period_else_this_year() {
        let today = d(2018, 9, 28);
        assert_eq!(
            remembered_or_this_year(Some("2017-H2"), today),
            Period::half(2017, 2).unwrap()
        );
        assert_eq!(
            remembered_or_this_year(None, today),
            Period::year(2018).unwrap()
        );
        // What no longer parses (a hand edit, an older form) is not fatal.
        assert_eq!(
            remembered_or_this_year(Some("20x8"), today),
            Period::year(2018).unwrap()
        );
    }

    #[test]
    fn tertials_count_from_the_start_of_the_year_and_are_partials_of_it() {
        let t1 = Period::tertial(2018, 1).unwrap();
        let t2 = Period::tertial(2018, 2).unwrap();
        assert_eq!((t1.start(), t1.end()), (d(2018, 1, 1), d(2018, 4, 30)));
        assert_eq!((t2.start(), t2.end()), (d(2018, 1, 1), d(2018, 8, 31)));
        assert_eq!((t1.days(), t2.days()), (120, 243));
        assert_eq!(Period::tertial(2020, 1).unwrap().days(), 121);
        assert_eq!(
            Period::tertial(2018, 3),
            Err(PeriodError::PartOutOfRange(3))
        );
        let year = Period::year(2018).unwrap();
        assert!(year.has_partial(&t1) && year.has_partial(&t2));
        assert_eq!(
            (t1.to_string(), t2.to_string()),
            ("2018-T1".into(), "2018-T2".into())
        );
        assert_eq!("2018-T2".parse::<Period>(), Ok(t2));
        assert!("2018-T3".parse::<Period>().is_err());
        assert!("2018-T".parse::<Period>().is_err());
        // The same days typed as a range are the tertial.
        assert_eq!(Period::range(d(2018, 1, 1), d(2018, 8, 31)), Ok(t2));
        assert_eq!(
            "2018-01-01..2018-04-30".parse::<Period>().map(|p| p.kind()),
            Ok(PeriodKind::Tertial)
        );
        // Moving to tertials from a date: the first report that covers it.
        let at = |m| Period::same_kind_containing(PeriodKind::Tertial, d(2018, m, 15));
        assert_eq!((at(3), at(6), at(11)), (Ok(t1), Ok(t2), Period::year(2018)));
    }

    #[test]
    fn calendar_periods_have_the_right_first_and_last_day() {
        let h1 = Period::half(2018, 1).unwrap();
        assert_eq!((h1.start(), h1.end()), (d(2018, 1, 1), d(2018, 6, 30)));
        let q4 = Period::quarter(2017, 4).unwrap();
        assert_eq!((q4.start(), q4.end()), (d(2017, 10, 1), d(2017, 12, 31)));
        let feb = Period::month(2016, 2).unwrap();
        assert_eq!(feb.end(), d(2016, 2, 29));
        assert_eq!(Period::year(2017).unwrap().days(), 365);
        assert_eq!(h1.days(), 181);
    }

    #[test]
    fn a_range_covering_a_calendar_period_is_that_period() {
        assert_eq!(
            Period::range(d(2018, 1, 1), d(2018, 12, 31)),
            Period::year(2018)
        );
        assert_eq!(
            Period::range(d(2018, 7, 1), d(2018, 12, 31)),
            Period::half(2018, 2)
        );
        assert_eq!(
            Period::range(d(2016, 2, 1), d(2016, 2, 29)),
            Period::month(2016, 2)
        );
        assert_eq!(
            Period::range(d(2018, 1, 2), d(2018, 12, 31))
                .unwrap()
                .kind(),
            PeriodKind::Range
        );
        assert_eq!(
            "2018-01-01..2018-12-31"
                .parse::<Period>()
                .unwrap()
                .to_string(),
            "2018"
        );
    }

    #[test]
    fn clamped_years_stay_in_range() {
        assert_eq!(Period::year_clamped(2017), Period::year(2017).unwrap());
        assert_eq!(Period::year_clamped(3000), Period::year(MAX_YEAR).unwrap());
    }

    #[test]
    fn out_of_range_parts_and_years_are_rejected() {
        assert_eq!(Period::half(2018, 3), Err(PeriodError::PartOutOfRange(3)));
        assert_eq!(
            Period::quarter(2018, 0),
            Err(PeriodError::PartOutOfRange(0))
        );
        assert_eq!(
            Period::month(2018, 13),
            Err(PeriodError::PartOutOfRange(13))
        );
        assert_eq!(Period::year(1800), Err(PeriodError::YearOutOfRange(1800)));
        assert_eq!(
            Period::range(d(2020, 8, 31), d(2017, 4, 1)),
            Err(PeriodError::EndBeforeStart)
        );
    }

    #[test]
    fn text_form_round_trips() {
        for s in [
            "2017",
            "2018-H1",
            "2017-Q3",
            "2017-09",
            "2017-04-01..2020-08-31",
        ] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
        }
        for bad in [
            "",
            "17",
            "2017-H3",
            "2017-9",
            "abc",
            "2017-13",
            "2020-01-01..2019-01-01",
            "+2017",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn iso_dates_parse_strictly_and_print_padded() {
        assert_eq!(parse_iso_date("2018-09-28"), Ok(d(2018, 9, 28)));
        assert_eq!(iso_date(d(2017, 4, 1)), "2017-04-01");
        for bad in [
            "2018-9-28",
            "2018-02-30",
            "18-09-28",
            "2018-09-28-1",
            "2018/09/28",
            "",
            "abcd-ef-gh",
        ] {
            assert!(parse_iso_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn containment_overlap_and_partial_reports() {
        let year = Period::year(2018).unwrap();
        let h1 = Period::half(2018, 1).unwrap();
        let mia = Period::range(d(2017, 4, 1), d(2020, 8, 31)).unwrap();
        assert!(year.contains(&h1));
        assert!(!h1.contains(&year));
        assert!(year.has_partial(&h1));
        assert!(!year.has_partial(&Period::half(2018, 2).unwrap()));
        assert!(mia.overlaps(&Period::year(2017).unwrap()));
        assert!(!mia.overlaps(&Period::year(2016).unwrap()));
    }

    #[test]
    fn periods_sort_chronologically_with_shorter_first() {
        let mut ps = [
            Period::year(2018).unwrap(),
            Period::half(2018, 1).unwrap(),
            Period::year(2016).unwrap(),
        ];
        ps.sort();
        assert_eq!(
            ps.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["2016", "2018-H1", "2018"]
        );
    }

    #[test]
    fn same_kind_containing_finds_the_calendar_period_of_a_date() {
        let p = Period::same_kind_containing(PeriodKind::Quarter, d(2018, 8, 31)).unwrap();
        assert_eq!(p.to_string(), "2018-Q3");
    }
}
