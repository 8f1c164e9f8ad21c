//! Which conventions figures, dates and periods are written in on screen:
//! Swedish (`1 200 000 kr`, `64,3 %`, `28 sep 2018`) or English
//! (`SEK 1,200,000`, `64.3%`, `28 Sep 2018`).
//!
//! Guarantees: everything the UI and its charts show goes through one
//! [`Locale`], so a page never mixes the two conventions; the Swedish
//! locale is exactly [`super::fmt_sv`], which documents, CSV files and
//! messages keep using whatever the UI's language.

use super::{fmt_en, fmt_sv};
use crate::core::period::Period;
use crate::core::value::{Answer, FigureValue, Kronor, Percent};
use chrono::NaiveDate;

/// The conventions for writing figures, dates and periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Svenska: `1 234`, `64,3 %`, `1 200 000 kr`.
    #[default]
    Sv,
    /// English: `1,234`, `64.3%`, `SEK 1,200,000`.
    En,
}

impl Locale {
    /// A whole number grouped in threes.
    pub fn integer(self, n: u64) -> String {
        match self {
            Locale::Sv => fmt_sv::integer(n),
            Locale::En => fmt_en::integer(n),
        }
    }

    /// Tenths as a decimal (`64,3` or `64.3`).
    pub fn tenths(self, t: u64) -> String {
        match self {
            Locale::Sv => fmt_sv::tenths(t),
            Locale::En => fmt_en::tenths(t),
        }
    }

    /// A percentage.
    pub fn percent(self, p: Percent) -> String {
        match self {
            Locale::Sv => fmt_sv::percent(p),
            Locale::En => fmt_en::percent(p),
        }
    }

    /// An amount of money in full.
    pub fn kronor(self, k: Kronor) -> String {
        match self {
            Locale::Sv => fmt_sv::kronor(k),
            Locale::En => fmt_en::kronor(k),
        }
    }

    /// A value in its unit; a yes/no answer in words.
    pub fn value(self, v: FigureValue) -> String {
        match self {
            Locale::Sv => fmt_sv::value(v),
            Locale::En => fmt_en::value(v),
        }
    }

    /// A target in its unit; a yes/no target says it is to be met.
    pub fn target(self, v: FigureValue) -> String {
        match self {
            Locale::Sv => fmt_sv::target(v),
            Locale::En => fmt_en::target(v),
        }
    }

    /// Outcome − target with a sign and the unit of the difference.
    pub fn gap(self, outcome: FigureValue, target: FigureValue) -> String {
        match self {
            Locale::Sv => fmt_sv::gap(outcome, target),
            Locale::En => fmt_en::gap(outcome, target),
        }
    }

    /// A yes/no answer in words ("uppfyllt", "met").
    pub fn yes_no_words(self, a: Answer) -> &'static str {
        match self {
            Locale::Sv => crate::core::goals::yes_no_words(a),
            Locale::En => fmt_en::yes_no_words(a),
        }
    }

    /// A day.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Locale::Sv => fmt_sv::date(d),
            Locale::En => fmt_en::date(d),
        }
    }

    /// A period in words.
    pub fn period(self, p: &Period) -> String {
        match self {
            Locale::Sv => fmt_sv::period(p),
            Locale::En => fmt_en::period(p),
        }
    }

    /// A short period label for chart axes.
    pub fn period_short(self, p: &Period) -> String {
        match self {
            Locale::Sv => fmt_sv::period_short(p),
            Locale::En => fmt_en::period_short(p),
        }
    }

    /// A size in bytes.
    pub fn bytes(self, n: f64) -> String {
        match self {
            Locale::Sv => fmt_sv::bytes(n),
            Locale::En => fmt_en::bytes(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value::Count;

    #[test]
    fn each_locale_writes_the_same_figure_in_its_own_conventions() {
        let kr = FigureValue::Kronor(Kronor::new(1_200_000).unwrap());
        assert_eq!(Locale::Sv.value(kr), "1\u{a0}200\u{a0}000\u{a0}kr");
        assert_eq!(Locale::En.value(kr), "SEK\u{a0}1,200,000");
        let share = Percent::from_tenths(643).unwrap();
        assert_eq!(Locale::Sv.percent(share), "64,3\u{a0}%");
        assert_eq!(Locale::En.percent(share), "64.3%");
        let c = |n| FigureValue::Count(Count::new(n).unwrap());
        assert_eq!(Locale::En.gap(c(1234), c(0)), "+1,234");
        assert_eq!(Locale::default(), Locale::Sv);
    }

    #[test]
    fn the_swedish_locale_is_the_swedish_module() {
        let d = NaiveDate::from_ymd_opt(2018, 8, 31).unwrap();
        assert_eq!(Locale::Sv.date(d), fmt_sv::date(d));
        let t2 = Period::tertial(2018, 2).unwrap();
        assert_eq!(Locale::Sv.period(&t2), fmt_sv::period(&t2));
        assert_eq!(Locale::Sv.yes_no_words(Answer::Met), "uppfyllt");
        assert_eq!(Locale::En.yes_no_words(Answer::Met), "met");
    }
}
