//! English number, date and period text for the English UI: `15%`,
//! `1,234`, `0.5`, `SEK 1,234,567`, `28 Sep 2018`, `first half of 2018`.
//!
//! Guarantees: the same figures as [`super::fmt_sv`], in English
//! conventions: thousands grouped with a comma, a decimal point, the percent
//! sign straight after the number, an amount of money after its currency
//! code (`SEK 1,200,000`, as English texts write kronor), the typographic
//! minus sign, and a no-break space wherever a line break would split a
//! figure from its unit. Digit grouping and size rounding are shared with
//! the Swedish module, so the two languages never disagree about a value.

use super::fmt_sv::{
    date_in, grouped, period_in, period_short_in, size_in_tenths, tenths_in, PeriodWords, MINUS,
    NBSP,
};
use crate::core::period::Period;
use crate::core::value::{Answer, FigureValue, Kronor, Percent};
use chrono::NaiveDate;

const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name, `1` → `January`; empty for a number out of range.
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS_LONG.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// The currency code English puts before an amount of kronor.
pub const CURRENCY: &str = "SEK";

/// Groups the digits of a whole number in threes: `1234567` → `1,234,567`.
pub fn integer(n: u64) -> String {
    grouped(n, ',')
}

/// Tenths as a decimal with a point, dropping a zero tenth: `643` → `64.3`,
/// `150` → `15`, `5` → `0.5`.
pub fn tenths(t: u64) -> String {
    tenths_in(t, ',', '.')
}

/// A size in bytes: `12 kB`, `3.4 MB`.
pub fn bytes(n: f64) -> String {
    let (t, unit) = size_in_tenths(n);
    format!("{}{NBSP}{unit}", tenths(t))
}

/// A percentage: `15%`, `64.3%`, `0.5%`.
pub fn percent(p: Percent) -> String {
    format!("{}%", tenths(u64::from(p.tenths())))
}

/// An amount in full: `SEK 1,234,567`.
pub fn kronor(k: Kronor) -> String {
    format!("{CURRENCY}{NBSP}{}", integer(k.get()))
}

/// A yes/no answer in words: "met", "not met", "not yet known".
pub fn yes_no_words(answer: Answer) -> &'static str {
    match answer {
        Answer::Met => "met",
        Answer::NotMet => "not met",
        Answer::Unknown => "not yet known",
    }
}

/// The words for a yes/no goal's target: "to be met".
pub const YES_NO_TARGET_WORDS: &str = "to be met";

/// A value in its unit: `1,234`, `64.3%`, `SEK 1,200,000`, "met".
pub fn value(v: FigureValue) -> String {
    match v {
        FigureValue::Count(c) => integer(c.get()),
        FigureValue::Percent(p) => percent(p),
        FigureValue::Answer(a) => yes_no_words(a).to_owned(),
        FigureValue::Kronor(k) => kronor(k),
    }
}

/// A target in its unit: as [`value`], but a yes/no target reads "to be
/// met".
pub fn target(v: FigureValue) -> String {
    match v {
        FigureValue::Answer(_) => YES_NO_TARGET_WORDS.to_owned(),
        _ => value(v),
    }
}

/// The difference outcome − target with an explicit sign: `−48`,
/// `−15 percentage points`, `+SEK 50,000`. A yes/no answer has no gap.
pub fn gap(outcome: FigureValue, target: FigureValue) -> String {
    let Some((negative, magnitude)) = super::fmt_sv::signed_steps(outcome, target) else {
        return String::new();
    };
    let sign = super::fmt_sv::sign_of(negative, magnitude);
    match outcome {
        FigureValue::Count(_) => format!("{sign}{}", integer(magnitude)),
        FigureValue::Percent(_) => format!("{sign}{}{NBSP}percentage points", tenths(magnitude)),
        FigureValue::Kronor(_) => format!("{sign}{CURRENCY}{NBSP}{}", integer(magnitude)),
        FigureValue::Answer(_) => String::new(),
    }
}

/// A signed whole number with a typographic minus: `-48` → `−48`.
pub fn signed_integer(n: i64) -> String {
    let body = integer(n.unsigned_abs());
    if n < 0 {
        format!("{MINUS}{body}")
    } else {
        body
    }
}

/// A date as British English writes it: `28 Sep 2018`.
pub fn date(d: NaiveDate) -> String {
    date_in(d, &ENGLISH)
}

/// A period in words: `2017`, `January–April 2018 (T1)`, `January–August
/// 2018 (interim, T2)`, `first half of 2018`, `Q3 2017`, `September 2017`,
/// `1 Apr 2017 – 31 Aug 2020`.
pub fn period(p: &Period) -> String {
    period_in(p, &ENGLISH)
}

/// A short period label for chart axes: `2017`, `T2 2018`, `H1 2018`,
/// `Q3 2017`, `Sep 2017`, `Apr 2017–Aug 2020`.
pub fn period_short(p: &Period) -> String {
    period_short_in(p, &ENGLISH)
}

const ENGLISH: PeriodWords = PeriodWords {
    months_short: MONTHS_SHORT,
    months_long: MONTHS_LONG,
    first_tertial: |y| format!("January–April {y} (T1)"),
    second_tertial: |y| format!("January–August {y} (interim, T2)"),
    first_half: |y| format!("first half of {y}"),
    second_half: |y| format!("second half of {y}"),
    quarter: |q, y| format!("Q{q} {y}"),
    quarter_letter: 'Q',
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value::Count;

    fn sp(s: &str) -> String {
        s.replace(' ', "\u{a0}")
    }

    #[test]
    fn numbers_are_grouped_with_commas_and_decimals_use_a_point() {
        assert_eq!(integer(927), "927");
        assert_eq!(integer(1_234_567), "1,234,567");
        assert_eq!(tenths(643), "64.3");
        assert_eq!(tenths(5), "0.5");
        assert_eq!(signed_integer(-1234), "\u{2212}1,234");
        assert_eq!(percent(Percent::from_tenths(643).unwrap()), "64.3%");
        assert_eq!(percent(Percent::from_whole(15).unwrap()), "15%");
        assert_eq!(bytes(3.4 * 1024.0 * 1024.0), sp("3.4 MB"));
    }

    #[test]
    fn kronor_read_with_the_currency_code_first() {
        let kr = |n| FigureValue::Kronor(Kronor::new(n).unwrap());
        assert_eq!(value(kr(1_200_000)), sp("SEK 1,200,000"));
        assert_eq!(gap(kr(1_250_000), kr(1_200_000)), sp("+SEK 50,000"));
        assert_eq!(gap(kr(1_150_000), kr(1_200_000)), sp("\u{2212}SEK 50,000"));
        assert_eq!(gap(kr(5), kr(5)), sp("SEK 0"));
    }

    #[test]
    fn gaps_and_yes_no_answers_read_in_english() {
        let c = |n| FigureValue::Count(Count::new(n).unwrap());
        let p = |n| FigureValue::Percent(Percent::from_whole(n).unwrap());
        assert_eq!(gap(c(927), c(975)), "\u{2212}48");
        assert_eq!(gap(p(15), p(30)), "\u{2212}15\u{a0}percentage points");
        let met = FigureValue::Answer(Answer::Met);
        assert_eq!(value(met), "met");
        assert_eq!(target(met), "to be met");
        assert_eq!(gap(FigureValue::Answer(Answer::NotMet), met), "");
    }

    #[test]
    fn dates_and_periods_read_in_english() {
        let d = NaiveDate::from_ymd_opt(2018, 9, 28).unwrap();
        assert_eq!(date(d), sp("28 Sep 2018"));
        assert_eq!(
            period(&Period::tertial(2018, 2).unwrap()),
            "January–August 2018 (interim, T2)"
        );
        assert_eq!(
            period(&Period::tertial(2018, 1).unwrap()),
            "January–April 2018 (T1)"
        );
        assert_eq!(
            period(&Period::half(2018, 1).unwrap()),
            "first half of 2018"
        );
        assert_eq!(period(&Period::quarter(2017, 3).unwrap()), "Q3 2017");
        assert_eq!(period(&Period::month(2017, 9).unwrap()), "September 2017");
        let mia = "2017-04-01..2020-08-31".parse::<Period>().unwrap();
        assert_eq!(
            period(&mia),
            format!("{} – {}", sp("1 Apr 2017"), sp("31 Aug 2020"))
        );
        assert_eq!(period_short(&mia), sp("Apr 2017–Aug 2020"));
        assert_eq!(
            period_short(&Period::quarter(2017, 3).unwrap()),
            sp("Q3 2017")
        );
    }
}
