//! Swedish number, date and period text: `15 %`, `1 234`, `0,5`,
//! `28 sep 2018`, `första halvåret 2018`.
//!
//! Guarantees: thousands are grouped with a no-break space and the percent
//! sign is preceded by one, so a figure never wraps across lines; negative
//! numbers use the typographic minus sign; parsing accepts what people type
//! in Sweden (`1 234`, `64,3`, `15 %`) and what Excel exports, and says why
//! when it cannot.

use crate::core::period::{Period, PeriodKind};
use crate::core::value::{FigureValue, Kronor, Percent, MAX_COUNT, MAX_KRONOR};
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// No-break space, used between digit groups and before `%`.
pub const NBSP: char = '\u{a0}';
/// The minus sign used for negative figures.
pub const MINUS: char = '\u{2212}';

const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_LONG: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A month's name, `1` → `januari`; empty for a number out of range.
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS_LONG.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// Groups the digits of a whole number in threes: `1234567` → `1 234 567`.
pub fn integer(n: u64) -> String {
    grouped(n, NBSP)
}

/// Groups the digits of a whole number in threes with `separator`, the one
/// place digit grouping is written (Swedish here, English in
/// [`super::fmt_en`]).
pub(crate) fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
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

/// Tenths as a decimal with a comma, dropping a zero tenth: `643` → `64,3`,
/// `150` → `15`, `5` → `0,5`.
pub fn tenths(t: u64) -> String {
    tenths_in(t, NBSP, ',')
}

/// Tenths with digits grouped by `group` and the decimal `mark`, dropping
/// a zero tenth: the one rule both languages write tenths by.
pub(crate) fn tenths_in(t: u64, group: char, mark: char) -> String {
    let whole = grouped(t / 10, group);
    match t % 10 {
        0 => whole,
        frac => format!("{whole}{mark}{frac}"),
    }
}

/// A size in bytes as people read it, in units of 1024: `0 kB`, `12 kB`,
/// `3,4 MB`, `1 024 MB` is `1 GB`. The browser's storage estimate arrives as
/// a float; anything not finite or negative reads as 0.
pub fn bytes(n: f64) -> String {
    let (t, unit) = size_in_tenths(n);
    format!("{}{NBSP}{unit}", tenths(t))
}

/// A size in bytes as tenths of the unit people read it in (kB, MB, GB),
/// whole units in kB and from 100 up (as the newsletters write them): the
/// one place [`bytes`] and English sizes round.
pub(crate) fn size_in_tenths(n: f64) -> (u64, &'static str) {
    let n = if n.is_finite() && n > 0.0 { n } else { 0.0 };
    let kb = n / 1024.0;
    let (value, unit) = if kb < 1024.0 {
        (kb, "kB")
    } else if kb < 1024.0 * 1024.0 {
        (kb / 1024.0, "MB")
    } else {
        (kb / (1024.0 * 1024.0), "GB")
    };
    let t = if value >= 100.0 || unit == "kB" {
        (value.round() as u64) * 10
    } else {
        (value * 10.0).round() as u64
    };
    (t, unit)
}

/// A percentage: `15 %`, `64,3 %`, `0,5 %`.
pub fn percent(p: Percent) -> String {
    format!("{}{NBSP}%", tenths(u64::from(p.tenths())))
}

/// An amount in full: `1 234 567 kr`.
pub fn kronor(k: Kronor) -> String {
    format!("{}{NBSP}kr", integer(k.get()))
}

/// A value in its unit: counts grouped, percentages with `%`, a yes/no
/// answer in words ("uppfyllt", [`crate::core::goals::yes_no_words`]).
pub fn value(v: FigureValue) -> String {
    match v {
        FigureValue::Count(c) => integer(c.get()),
        FigureValue::Percent(p) => percent(p),
        FigureValue::Answer(a) => crate::core::goals::yes_no_words(a).to_owned(),
        FigureValue::Kronor(k) => kronor(k),
    }
}

/// A target in its unit: as [`value`], but a yes/no target reads "ska
/// uppfyllas" ([`crate::core::goals::YES_NO_TARGET_WORDS`]).
pub fn target(v: FigureValue) -> String {
    match v {
        FigureValue::Answer(_) => crate::core::goals::YES_NO_TARGET_WORDS.to_owned(),
        _ => value(v),
    }
}

/// The difference outcome − target in the value's unit: people for counts,
/// percentage points (`procentenheter`) for percentages, kronor for money,
/// with an explicit sign.
/// A yes/no answer has no gap: empty.
pub fn gap(outcome: FigureValue, target: FigureValue) -> String {
    let Some((negative, magnitude)) = signed_steps(outcome, target) else {
        return String::new();
    };
    let sign = sign_of(negative, magnitude);
    match outcome {
        FigureValue::Count(_) => format!("{sign}{}", integer(magnitude)),
        FigureValue::Percent(_) => format!("{sign}{}{NBSP}procentenheter", tenths(magnitude)),
        FigureValue::Kronor(_) => format!("{sign}{}{NBSP}kr", integer(magnitude)),
        FigureValue::Answer(_) => String::new(),
    }
}

/// The explicit sign of a gap: `−`, `+`, or nothing for zero.
pub(crate) fn sign_of(negative: bool, magnitude: u64) -> &'static str {
    match (negative, magnitude) {
        (_, 0) => "",
        (true, _) => "\u{2212}",
        (false, _) => "+",
    }
}

/// Outcome − target in the value's steps, as (negative, magnitude); `None`
/// for a yes/no answer, which has no gap. Shared by both languages' gaps.
pub(crate) fn signed_steps(outcome: FigureValue, target: FigureValue) -> Option<(bool, u64)> {
    if matches!(outcome, FigureValue::Answer(_)) || matches!(target, FigureValue::Answer(_)) {
        return None;
    }
    let diff = i128::from(outcome.steps()) - i128::from(target.steps());
    let magnitude = u64::try_from(diff.unsigned_abs()).unwrap_or(u64::MAX);
    Some((diff < 0, magnitude))
}

/// A date the way Swedish newsletters print it: `28 sep 2018`.
pub fn date(d: NaiveDate) -> String {
    date_in(d, &SWEDISH)
}

/// A period in words: `2017`, `januari–april 2018 (T1)`, `januari–augusti
/// 2018 (delår, T2)`, `första halvåret 2018`, `kvartal 3 2017`,
/// `september 2017`, `1 apr 2017 – 31 aug 2020`.
pub fn period(p: &Period) -> String {
    period_in(p, &SWEDISH)
}

/// A short period label for chart axes: `2017`, `T2 2018`, `H1 2018`, `K3 2017`,
/// `sep 2017`, `apr 2017–aug 2020`.
pub fn period_short(p: &Period) -> String {
    period_short_in(p, &SWEDISH)
}

/// The words a language writes dates and periods with; [`period_in`] and
/// [`period_short_in`] are the one place which words a period takes.
pub(crate) struct PeriodWords {
    pub months_short: [&'static str; 12],
    pub months_long: [&'static str; 12],
    /// `januari–april 2018 (T1)`, given the year.
    pub first_tertial: fn(i32) -> String,
    /// `januari–augusti 2018 (delår, T2)`.
    pub second_tertial: fn(i32) -> String,
    /// `första halvåret 2018`.
    pub first_half: fn(i32) -> String,
    /// `andra halvåret 2018`.
    pub second_half: fn(i32) -> String,
    /// `kvartal 3 2017`, given quarter and year.
    pub quarter: fn(u32, i32) -> String,
    /// The letter of a quarter on an axis: `K` (kvartal), `Q`.
    pub quarter_letter: char,
}

const SWEDISH: PeriodWords = PeriodWords {
    months_short: MONTHS_SHORT,
    months_long: MONTHS_LONG,
    first_tertial: |y| format!("januari–april {y} (T1)"),
    second_tertial: |y| format!("januari–augusti {y} (delår, T2)"),
    first_half: |y| format!("första halvåret {y}"),
    second_half: |y| format!("andra halvåret {y}"),
    quarter: |q, y| format!("kvartal {q} {y}"),
    quarter_letter: 'K',
};

/// A day in `words`: `28 sep 2018`, `28 Sep 2018`.
pub(crate) fn date_in(d: NaiveDate, words: &PeriodWords) -> String {
    let month = words
        .months_short
        .get(d.month0() as usize)
        .copied()
        .unwrap_or("");
    format!("{}{NBSP}{month}{NBSP}{}", d.day(), d.year())
}

/// A period in `words` (see [`period`]).
pub(crate) fn period_in(p: &Period, words: &PeriodWords) -> String {
    let y = p.start_year();
    match (p.kind(), p.part()) {
        (PeriodKind::Year, _) => y.to_string(),
        (PeriodKind::Tertial, Some(1)) => (words.first_tertial)(y),
        (PeriodKind::Tertial, _) => (words.second_tertial)(y),
        (PeriodKind::Half, Some(1)) => (words.first_half)(y),
        (PeriodKind::Half, _) => (words.second_half)(y),
        (PeriodKind::Quarter, Some(q)) => (words.quarter)(q, y),
        (PeriodKind::Month, Some(m)) => {
            let name = words
                .months_long
                .get(m.saturating_sub(1) as usize)
                .copied()
                .unwrap_or("");
            format!("{name} {y}")
        }
        _ => format!(
            "{} – {}",
            date_in(p.start(), words),
            date_in(p.end(), words)
        ),
    }
}

/// A short period label in `words` (see [`period_short`]).
pub(crate) fn period_short_in(p: &Period, words: &PeriodWords) -> String {
    let y = p.start_year();
    let short_month = |d: NaiveDate| {
        words
            .months_short
            .get(d.month0() as usize)
            .copied()
            .unwrap_or("")
    };
    match (p.kind(), p.part()) {
        (PeriodKind::Year, _) => y.to_string(),
        (PeriodKind::Tertial, Some(t)) => format!("T{t}{NBSP}{y}"),
        (PeriodKind::Half, Some(h)) => format!("H{h}{NBSP}{y}"),
        (PeriodKind::Quarter, Some(q)) => format!("{}{q}{NBSP}{y}", words.quarter_letter),
        (PeriodKind::Month, _) => format!("{}{NBSP}{y}", short_month(p.start())),
        _ => format!(
            "{}{NBSP}{}–{}{NBSP}{}",
            short_month(p.start()),
            p.start_year(),
            short_month(p.end()),
            p.end().year()
        ),
    }
}

/// Why a typed number was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number.
    NotANumber,
    /// A minus sign where only zero or more is allowed.
    Negative,
    /// Decimals where only whole numbers are allowed, or more than one.
    TooPrecise,
    /// Above the allowed maximum (100 %, [`MAX_COUNT`] or [`MAX_KRONOR`]).
    TooLarge,
    /// A count written with a point or comma before three digits (`1.000`,
    /// `1,000`): a thousands separator in English or Excel, but a decimal
    /// mark in Swedish, so the number is ambiguous and refused.
    AmbiguousThousands,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::Empty => "empty",
            NumberError::NotANumber => "not a number",
            NumberError::Negative => "negative",
            NumberError::TooPrecise => "too many decimals",
            NumberError::TooLarge => "too large",
            NumberError::AmbiguousThousands => "point or comma before three digits",
        })
    }
}

impl std::error::Error for NumberError {}

/// Whether spaces in a number only separate groups of three digits
/// (`1 234 567`, not `12 34`).
fn grouped_in_threes(text: &str) -> bool {
    let integer_part = text.split([',', '.']).next().unwrap_or("");
    let mut groups = integer_part.split([' ', NBSP, '\u{202f}']);
    let first_ok = groups.next().is_some_and(|g| {
        let digits = g.trim_start_matches(['-', MINUS, '+']);
        !digits.is_empty() && digits.len() <= 3 || groups.clone().next().is_none()
    });
    first_ok && groups.all(|g| g.len() == 3)
}

/// Splits typed text into sign, whole digits and at most one decimal part,
/// allowing spaces between groups of three digits and one trailing `%`.
fn decimal_parts(text: &str) -> Result<(bool, String, String), NumberError> {
    let trimmed = text.trim();
    let trimmed = trimmed
        .strip_suffix('%')
        .map(str::trim_end)
        .unwrap_or(trimmed);
    split_number(trimmed)
}

/// Text whose thousands are grouped with commas or points in a way no
/// decimal mark could be read (`1,200,000`, `1.200.000`, `1,234.50`,
/// `1.234,50`: a mark used twice, or both marks once each), rewritten with
/// the groups joined and a decimal comma (`1200000`, `1234,50`). `None`
/// for anything else, which is read as before: a single point or comma is a
/// decimal mark, and before exactly three digits it is refused as ambiguous.
fn regrouped(text: &str) -> Option<String> {
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    let (group, decimal) = match (commas, points) {
        (2.., 0 | 1) => (',', '.'),
        (0 | 1, 2..) => ('.', ','),
        (1, 1) if text.find(',') < text.find('.') => (',', '.'),
        (1, 1) => ('.', ','),
        _ => return None,
    };
    let (whole, frac) = match text.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if frac.is_some_and(|f| f.contains(group)) {
        return None;
    }
    let mut groups = whole.split(group);
    let first = groups.next()?;
    let first_digits = first.trim_start_matches(['-', MINUS, '+']);
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if first_digits.is_empty() || first_digits.len() > 3 || !digits(first_digits) {
        return None;
    }
    let mut joined = first.to_owned();
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return None;
        }
        joined.push_str(g);
    }
    if let Some(f) = frac {
        joined.push(',');
        joined.push_str(f);
    }
    Some(joined)
}

/// As [`decimal_parts`], for text already stripped of its unit.
fn split_number(trimmed: &str) -> Result<(bool, String, String), NumberError> {
    let regrouped = regrouped(trimmed);
    let trimmed = regrouped.as_deref().unwrap_or(trimmed);
    if !grouped_in_threes(trimmed) {
        return Err(if trimmed.is_empty() {
            NumberError::Empty
        } else {
            NumberError::NotANumber
        });
    }
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(*c, ' ' | NBSP | '\u{202f}'))
        .collect();
    if cleaned.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, unsigned) = match cleaned.strip_prefix(['-', MINUS]) {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(cleaned.as_str())),
    };
    let (whole, frac) = match unsigned.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (unsigned, ""),
    };
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || !digits_only(whole)
        || !digits_only(frac)
        || (unsigned.contains([',', '.']) && frac.is_empty())
    {
        return Err(NumberError::NotANumber);
    }
    Ok((negative, whole.to_owned(), frac.to_owned()))
}

/// Parses a whole, non-negative count: `1 234`, `927`.
pub fn parse_count(text: &str) -> Result<u64, NumberError> {
    let (negative, whole, frac) = decimal_parts(text)?;
    let n: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| NumberError::TooLarge)?
    };
    if negative && (n > 0 || frac.bytes().any(|b| b != b'0')) {
        return Err(NumberError::Negative);
    }
    if frac.len() == 3 && !whole.is_empty() {
        return Err(NumberError::AmbiguousThousands);
    }
    if frac.bytes().any(|b| b != b'0') {
        return Err(NumberError::TooPrecise);
    }
    if n > MAX_COUNT {
        return Err(NumberError::TooLarge);
    }
    Ok(n)
}

/// Parses an amount of money as Swedish accounts and Excel write it:
/// `1 234 567`, `1234567 kr`, `1 234 567,50` (öre rounded half up to whole
/// kronor, [`Kronor::from_ore_rounded`]), and as English writes it:
/// `SEK 1,234,567`, `1,234,567.50`. A single point or comma before exactly
/// three digits is refused as ambiguous (`1.234` is a thousand in English,
/// one krona in Swedish), as for counts.
pub fn parse_kronor(text: &str) -> Result<Kronor, NumberError> {
    let trimmed = text.trim();
    let trimmed = ["kronor", "kr", "SEK", ":-"]
        .iter()
        .find_map(|unit| trimmed.strip_suffix(unit))
        .map_or(trimmed, str::trim_end);
    let trimmed = trimmed
        .strip_prefix(super::fmt_en::CURRENCY)
        .map_or(trimmed, |rest| rest.trim_start_matches([' ', NBSP]));
    let (negative, whole, frac) = split_number(trimmed)?;
    if frac.len() == 3 && !whole.is_empty() {
        return Err(NumberError::AmbiguousThousands);
    }
    let significant = frac.trim_end_matches('0');
    if significant.len() > 2 {
        return Err(NumberError::TooPrecise);
    }
    let kr: u64 = if whole.is_empty() {
        0
    } else if whole.len() > 12 {
        return Err(NumberError::TooLarge);
    } else {
        whole.parse().map_err(|_| NumberError::TooLarge)?
    };
    let ore_part: u64 = format!("{significant:0<2}").parse().unwrap_or(0);
    let ore = kr * 100 + ore_part;
    if negative && ore > 0 {
        return Err(NumberError::Negative);
    }
    if kr > MAX_KRONOR {
        return Err(NumberError::TooLarge);
    }
    Kronor::from_ore_rounded(ore).ok_or(NumberError::TooLarge)
}

/// Parses a percentage with at most one decimal: `15`, `15 %`, `64,3`, `0.5`.
pub fn parse_percent(text: &str) -> Result<Percent, NumberError> {
    let (negative, whole, frac) = decimal_parts(text)?;
    let w: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| NumberError::TooLarge)?
    };
    let significant = frac.trim_end_matches('0');
    if significant.len() > 1 {
        return Err(NumberError::TooPrecise);
    }
    let tenth = significant
        .bytes()
        .next()
        .map_or(0, |b| u64::from(b - b'0'));
    let total = w
        .checked_mul(10)
        .and_then(|t| t.checked_add(tenth))
        .ok_or(NumberError::TooLarge)?;
    if negative && total > 0 {
        return Err(NumberError::Negative);
    }
    u32::try_from(total)
        .ok()
        .and_then(Percent::from_tenths)
        .ok_or(NumberError::TooLarge)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        use super::bytes;
        assert_eq!(bytes(0.0), "0\u{a0}kB");
        assert_eq!(bytes(-5.0), "0\u{a0}kB");
        assert_eq!(bytes(f64::NAN), "0\u{a0}kB");
        assert_eq!(bytes(12_800.0), "13\u{a0}kB");
        assert_eq!(bytes(3.4 * 1024.0 * 1024.0), "3,4\u{a0}MB");
        assert_eq!(bytes(250.0 * 1024.0 * 1024.0), "250\u{a0}MB");
        assert_eq!(bytes(1024.0 * 1024.0 * 1024.0 * 1.5), "1,5\u{a0}GB");
    }

    use super::*;
    use crate::core::value::Count;

    fn sp(s: &str) -> String {
        s.replace(' ', "\u{a0}")
    }

    #[test]
    fn numbers_are_grouped_with_no_break_spaces() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(927), "927");
        assert_eq!(integer(1234), sp("1 234"));
        assert_eq!(integer(1_234_567), sp("1 234 567"));
        assert_eq!(signed_integer(-48), "\u{2212}48");
    }

    #[test]
    fn percentages_use_a_decimal_comma_and_a_spaced_sign() {
        assert_eq!(percent(Percent::from_whole(15).unwrap()), sp("15 %"));
        assert_eq!(percent(Percent::from_tenths(5).unwrap()), sp("0,5 %"));
        assert_eq!(percent(Percent::from_tenths(643).unwrap()), sp("64,3 %"));
        assert_eq!(tenths(5), "0,5");
    }

    #[test]
    fn gaps_have_a_sign_and_a_unit() {
        let c = |n| FigureValue::Count(Count::new(n).unwrap());
        let p = |n| FigureValue::Percent(Percent::from_whole(n).unwrap());
        assert_eq!(gap(c(927), c(975)), "\u{2212}48");
        assert_eq!(gap(c(204), c(195)), "+9");
        assert_eq!(gap(p(15), p(30)), sp("\u{2212}15 procentenheter"));
        assert_eq!(gap(p(65), p(65)), sp("0 procentenheter"));
    }

    #[test]
    fn kronor_read_as_in_swedish_accounts() {
        let kr = |n| Kronor::new(n).unwrap();
        assert_eq!(kronor(kr(1_234_567)), sp("1 234 567 kr"));
        assert_eq!(value(FigureValue::Kronor(kr(0))), sp("0 kr"));
        assert_eq!(
            gap(
                FigureValue::Kronor(kr(1_250_000)),
                FigureValue::Kronor(kr(1_200_000))
            ),
            sp("+50 000 kr")
        );
    }

    #[test]
    fn kronor_parse_from_accounts_and_excel_with_ore_rounded_half_up() {
        let kr = |n| Ok(Kronor::new(n).unwrap());
        assert_eq!(parse_kronor("1 234 567"), kr(1_234_567));
        assert_eq!(parse_kronor("1\u{a0}234\u{a0}567 kr"), kr(1_234_567));
        assert_eq!(parse_kronor("1234567kr"), kr(1_234_567));
        assert_eq!(parse_kronor("1 234 567,50"), kr(1_234_568));
        assert_eq!(parse_kronor("1 234 567,49"), kr(1_234_567));
        assert_eq!(parse_kronor("1234567.5"), kr(1_234_568));
        assert_eq!(parse_kronor("0,5"), kr(1));
        assert_eq!(parse_kronor("12 000 SEK"), kr(12_000));
        assert_eq!(parse_kronor("-0"), kr(0));
        assert_eq!(parse_kronor(""), Err(NumberError::Empty));
        assert_eq!(parse_kronor("kr"), Err(NumberError::Empty));
        assert_eq!(parse_kronor("-5"), Err(NumberError::Negative));
        assert_eq!(parse_kronor("1.234"), Err(NumberError::AmbiguousThousands));
        assert_eq!(parse_kronor("1,2345"), Err(NumberError::TooPrecise));
        assert_eq!(parse_kronor("12 34"), Err(NumberError::NotANumber));
        assert_eq!(parse_kronor("10 000 000 001"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_kronor("99999999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_kronor("10 000 000 000"), kr(10_000_000_000));
        assert_eq!(parse_kronor("SEK 1,200,000"), kr(1_200_000));
        assert_eq!(parse_kronor("1,234,567.50"), kr(1_234_568));
        assert_eq!(parse_kronor("1.234.567,49"), kr(1_234_567));
        assert_eq!(parse_kronor("1,234.5"), kr(1_235));
        assert_eq!(parse_kronor("1,23,456"), Err(NumberError::NotANumber));
        assert_eq!(parse_kronor("1,200.000,5"), Err(NumberError::NotANumber));
    }

    #[test]
    fn a_yes_no_answer_reads_as_words_and_has_no_gap() {
        use crate::core::value::Answer;
        assert_eq!(value(FigureValue::Answer(Answer::Met)), "uppfyllt");
        assert_eq!(value(FigureValue::Answer(Answer::NotMet)), "ej uppfyllt");
        assert_eq!(
            value(FigureValue::Answer(Answer::Unknown)),
            "ännu inte känt"
        );
        let met = FigureValue::Answer(Answer::Met);
        assert_eq!(gap(FigureValue::Answer(Answer::NotMet), met), "");
        assert_eq!(target(met), "ska uppfyllas");
        assert_eq!(target(FigureValue::Count(Count::new(975).unwrap())), "975");
    }

    #[test]
    fn dates_and_periods_read_as_in_the_newsletters() {
        let d = NaiveDate::from_ymd_opt(2018, 9, 28).unwrap();
        assert_eq!(date(d), sp("28 sep 2018"));
        assert_eq!(
            period(&Period::half(2018, 1).unwrap()),
            "första halvåret 2018"
        );
        assert_eq!(period(&Period::month(2017, 9).unwrap()), "september 2017");
        assert_eq!(
            period(&Period::tertial(2018, 1).unwrap()),
            "januari–april 2018 (T1)"
        );
        assert_eq!(
            period(&Period::tertial(2018, 2).unwrap()),
            "januari–augusti 2018 (delår, T2)"
        );
        assert_eq!(
            period_short(&Period::tertial(2018, 2).unwrap()),
            sp("T2 2018")
        );
        assert_eq!(period(&Period::quarter(2017, 3).unwrap()), "kvartal 3 2017");
        let mia = "2017-04-01..2020-08-31".parse::<Period>().unwrap();
        assert_eq!(
            period(&mia),
            format!("{} – {}", sp("1 apr 2017"), sp("31 aug 2020"))
        );
        assert_eq!(period_short(&Period::half(2018, 1).unwrap()), sp("H1 2018"));
        assert_eq!(period_short(&mia), sp("apr 2017–aug 2020"));
    }

    #[test]
    fn counts_parse_from_swedish_and_plain_text() {
        assert_eq!(parse_count("1 234"), Ok(1234));
        assert_eq!(parse_count("1\u{a0}234"), Ok(1234));
        assert_eq!(parse_count(" 927 "), Ok(927));
        assert_eq!(parse_count("12,0"), Ok(12));
        assert_eq!(parse_count(""), Err(NumberError::Empty));
        assert_eq!(parse_count("-5"), Err(NumberError::Negative));
        assert_eq!(parse_count("2,5"), Err(NumberError::TooPrecise));
        assert_eq!(parse_count("tolv"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1,2,3"), Err(NumberError::NotANumber));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_count("100000001"), Err(NumberError::TooLarge));
        assert_eq!(parse_count("1.000"), Err(NumberError::AmbiguousThousands));
        assert_eq!(parse_count("1,000"), Err(NumberError::AmbiguousThousands));
        assert_eq!(parse_count("12 34"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1 234 567"), Ok(1_234_567));
        assert_eq!(parse_count("12%%"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1,234,567"), Ok(1_234_567));
        assert_eq!(parse_count("1.234.567"), Ok(1_234_567));
        assert_eq!(parse_count("1,234.0"), Ok(1234));
        assert_eq!(parse_count("1,234.5"), Err(NumberError::TooPrecise));
        assert_eq!(parse_count("1234,567,890"), Err(NumberError::NotANumber));
    }

    #[test]
    fn percentages_parse_with_comma_point_or_sign() {
        let t = |n| Ok(Percent::from_tenths(n).unwrap());
        assert_eq!(parse_percent("15"), t(150));
        assert_eq!(parse_percent("15 %"), t(150));
        assert_eq!(parse_percent("64,3"), t(643));
        assert_eq!(parse_percent("0.5"), t(5));
        assert_eq!(parse_percent("100"), t(1000));
        assert_eq!(parse_percent("100,0"), t(1000));
        assert_eq!(parse_percent("150"), Err(NumberError::TooLarge));
        assert_eq!(parse_percent("100,1"), Err(NumberError::TooLarge));
        assert_eq!(parse_percent("-1"), Err(NumberError::Negative));
        assert_eq!(parse_percent("12,34"), Err(NumberError::TooPrecise));
        assert_eq!(parse_percent("%"), Err(NumberError::Empty));
        assert_eq!(parse_percent(",5"), t(5));
        assert_eq!(parse_percent("5,"), Err(NumberError::NotANumber));
        assert_eq!(parse_percent("15%%"), Err(NumberError::NotANumber));
        assert_eq!(parse_percent("15 %"), t(150));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod kronor_properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn every_amount_reads_back_from_its_own_text(kr in 0..=MAX_KRONOR) {
                let k = Kronor::new(kr).unwrap();
                prop_assert_eq!(parse_kronor(&kronor(k)), Ok(k));
                prop_assert_eq!(parse_kronor(&integer(kr)), Ok(k));
            }

            #[test]
            fn every_amount_reads_back_from_its_english_text(kr in 0..=MAX_KRONOR) {
                // A single comma group (`SEK 1,234`) stays ambiguous; two or more read.
                let k = Kronor::new(kr).unwrap();
                let en = crate::core::fmt_en::kronor(k);
                if en.matches(',').count() != 1 {
                    prop_assert_eq!(parse_kronor(&en), Ok(k));
                }
            }

            #[test]
            fn every_count_reads_back_from_its_text_in_both_languages(n in 0..=MAX_COUNT) {
                prop_assert_eq!(parse_count(&integer(n)), Ok(n));
                // A single comma group (`1,234`) stays ambiguous; two or more read.
                let en = crate::core::fmt_en::integer(n);
                if en.matches(',').count() != 1 {
                    prop_assert_eq!(parse_count(&en), Ok(n));
                }
            }

            #[test]
            fn ore_are_rounded_half_up(kr in 0..MAX_KRONOR, ore in 0u64..100) {
                let text = format!("{},{ore:02}", integer(kr));
                let expected = Kronor::new(kr + u64::from(ore >= 50)).unwrap();
                prop_assert_eq!(parse_kronor(&text), Ok(expected));
            }

            #[test]
            fn any_text_is_read_or_refused_never_panics(text in "\\PC{0,40}") {
                let _ = parse_kronor(&text);
            }
        }
    }
}
