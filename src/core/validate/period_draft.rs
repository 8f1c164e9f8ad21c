//! The period picker's raw state and its validation.

use super::{Field, FormErrors, Problem};
use crate::core::period::{parse_iso_date, Period, PeriodError, PeriodKind};

/// What the period picker holds: a kind, a year and a part, or two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodDraft {
    /// Year, half, quarter, month or range.
    pub kind: PeriodKind,
    /// The year as typed.
    pub year: String,
    /// Half 1–2, quarter 1–4 or month 1–12 as chosen.
    pub part: String,
    /// Range start (ISO date).
    pub start: String,
    /// Range end (ISO date).
    pub end: String,
}

impl PeriodDraft {
    /// A draft showing an existing period.
    pub fn from_period(p: &Period) -> PeriodDraft {
        PeriodDraft {
            kind: p.kind(),
            year: p.start_year().to_string(),
            part: p.part().map(|n| n.to_string()).unwrap_or_default(),
            start: crate::core::period::iso_date(p.start()),
            end: crate::core::period::iso_date(p.end()),
        }
    }

    /// The draft switched to another kind of period, keeping its place in
    /// time: the half, quarter or month containing the current period's
    /// start (or the same year and part 1 when the draft does not parse).
    pub fn with_kind(&self, kind: PeriodKind) -> PeriodDraft {
        let current = self.parse(&mut FormErrors::default());
        let moved = current.and_then(|p| Period::same_kind_containing(kind, p.start()).ok());
        match (moved, kind) {
            (Some(p), PeriodKind::Range) => {
                let mut d = PeriodDraft::from_period(&p);
                // Keep the whole previous period as the range, not one day.
                if let Some(c) = current {
                    d.start = crate::core::period::iso_date(c.start());
                    d.end = crate::core::period::iso_date(c.end());
                }
                d.kind = PeriodKind::Range;
                d
            }
            (Some(p), _) => PeriodDraft::from_period(&p),
            (None, _) => PeriodDraft {
                kind,
                part: "1".into(),
                ..self.clone()
            },
        }
    }

    /// Checks the draft; errors go to [`Field::Period`], [`Field::Start`] or
    /// [`Field::End`].
    pub fn parse(&self, errors: &mut FormErrors) -> Option<Period> {
        if self.kind == PeriodKind::Range {
            let start = errors.check(Field::Start, date(&self.start));
            let end = errors.check(Field::End, date(&self.end));
            let (start, end) = (start?, end?);
            if end < start {
                errors.push(Field::End, Problem::EndBeforeStart);
                return None;
            }
            return errors.check(
                Field::Period,
                Period::range(start, end).map_err(period_problem),
            );
        }
        let year = errors.check(Field::Period, number(&self.year))?;
        let year = i32::try_from(year).map_err(|_| Problem::DateOutOfRange);
        let year = errors.check(Field::Period, year)?;
        let result = match self.kind {
            PeriodKind::Year => Period::year(year),
            kind => {
                let part = errors.check(Field::Period, number(&self.part))?;
                match kind {
                    PeriodKind::Tertial => Period::tertial(year, part),
                    PeriodKind::Half => Period::half(year, part),
                    PeriodKind::Quarter => Period::quarter(year, part),
                    _ => Period::month(year, part),
                }
            }
        };
        errors.check(Field::Period, result.map_err(period_problem))
    }
}

fn date(text: &str) -> Result<chrono::NaiveDate, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::Required);
    }
    parse_iso_date(text).map_err(period_problem)
}

fn number(text: &str) -> Result<u32, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    t.parse().map_err(|_| Problem::NotANumber)
}

fn period_problem(e: PeriodError) -> Problem {
    match e {
        PeriodError::YearOutOfRange(_) => Problem::DateOutOfRange,
        PeriodError::PartOutOfRange(_) => Problem::PeriodPartOutOfRange,
        PeriodError::EndBeforeStart => Problem::EndBeforeStart,
        _ => Problem::InvalidDate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(kind: PeriodKind, year: &str, part: &str, start: &str, end: &str) -> PeriodDraft {
        PeriodDraft {
            kind,
            year: year.into(),
            part: part.into(),
            start: start.into(),
            end: end.into(),
        }
    }

    #[test]
    fn calendar_periods_parse_from_year_and_part() {
        let mut e = FormErrors::default();
        let p = draft(PeriodKind::Half, "2018", "1", "", "").parse(&mut e);
        assert_eq!(p.map(|p| p.to_string()), Some("2018-H1".into()));
        assert!(e.is_empty());
    }

    #[test]
    fn tertials_parse_from_year_and_part() {
        let mut e = FormErrors::default();
        let p = draft(PeriodKind::Tertial, "2018", "2", "", "").parse(&mut e);
        assert_eq!(p.map(|p| p.to_string()), Some("2018-T2".into()));
        let bad = draft(PeriodKind::Tertial, "2018", "3", "", "").parse(&mut e);
        assert_eq!(bad, None);
        assert_eq!(e.at(Field::Period), Some(&Problem::PeriodPartOutOfRange));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_an_error_at_the_end_field() {
        let mut e = FormErrors::default();
        let p = draft(PeriodKind::Range, "", "", "2020-08-31", "2017-04-01").parse(&mut e);
        assert_eq!(p, None);
        assert_eq!(e.at(Field::End), Some(&Problem::EndBeforeStart));
    }

    #[test]
    fn bad_years_and_parts_are_errors_at_the_period_field() {
        for (kind, year, part, problem) in [
            (PeriodKind::Year, "", "", Problem::Required),
            (PeriodKind::Year, "20x7", "", Problem::NotANumber),
            (PeriodKind::Year, "1800", "", Problem::DateOutOfRange),
            (
                PeriodKind::Quarter,
                "2017",
                "5",
                Problem::PeriodPartOutOfRange,
            ),
        ] {
            let mut e = FormErrors::default();
            assert_eq!(draft(kind, year, part, "", "").parse(&mut e), None);
            assert_eq!(e.at(Field::Period), Some(&problem));
        }
    }

    #[test]
    fn switching_kind_keeps_the_place_in_time() {
        let sept = PeriodDraft::from_period(&"2017-09".parse().unwrap());
        let mut e = FormErrors::default();
        assert_eq!(
            sept.with_kind(PeriodKind::Half)
                .parse(&mut e)
                .map(|p| p.to_string()),
            Some("2017-H2".into())
        );
        assert_eq!(
            sept.with_kind(PeriodKind::Quarter)
                .parse(&mut e)
                .map(|p| p.to_string()),
            Some("2017-Q3".into())
        );
        let year = PeriodDraft::from_period(&Period::year(2018).unwrap());
        assert_eq!(
            year.with_kind(PeriodKind::Month)
                .parse(&mut e)
                .map(|p| p.to_string()),
            Some("2018-01".into())
        );
        let range = year.with_kind(PeriodKind::Range);
        assert_eq!(
            (range.kind, range.start.as_str(), range.end.as_str()),
            (PeriodKind::Range, "2018-01-01", "2018-12-31")
        );
        let h2 = PeriodDraft::from_period(&Period::half(2018, 2).unwrap());
        assert_eq!(
            h2.with_kind(PeriodKind::Year)
                .parse(&mut e)
                .map(|p| p.to_string()),
            Some("2018".into())
        );
        let broken = draft(PeriodKind::Year, "20x8", "", "", "");
        assert_eq!(broken.with_kind(PeriodKind::Half).part, "1");
        assert!(e.is_empty());
    }

    #[test]
    fn drafts_round_trip_existing_periods() {
        for s in [
            "2017",
            "2018-H2",
            "2017-Q3",
            "2017-09",
            "2017-04-01..2020-08-31",
        ] {
            let p: Period = s.parse().unwrap();
            let mut e = FormErrors::default();
            assert_eq!(PeriodDraft::from_period(&p).parse(&mut e), Some(p));
        }
    }
}
