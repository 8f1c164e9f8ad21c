//! Measured values: counts and percentages as exact integers, and the
//! answer of a yes/no goal.
//!
//! Guarantees: a [`Percent`] is always within 0–100 % and exact to a tenth of a
//! percent; a [`Count`] is never negative and never absurdly large. Goal status
//! is computed on these integers, so "65 % against a goal of 65 %" is met
//! exactly, never missed by a floating-point hair. An [`Answer`] is one of
//! three words, never a number: a yes/no goal is met or not, or not yet known.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest count we accept; far above any förbund's figures, low enough
/// that sums and products in the core can never overflow `u64`.
pub const MAX_COUNT: u64 = 100_000_000;

/// A whole number of people, meetings, consultations…
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Count(u64);

impl Count {
    /// A count, if it is within [`MAX_COUNT`].
    pub fn new(n: u64) -> Option<Count> {
        (n <= MAX_COUNT).then_some(Count(n))
    }

    /// A count capped at [`MAX_COUNT`], for figures the app itself computes
    /// or ships (never for typed input, which must be refused instead).
    pub fn saturating(n: u64) -> Count {
        Count(n.min(MAX_COUNT))
    }

    /// The number itself.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for Count {
    type Error = ValueError;
    fn try_from(n: u64) -> Result<Count, ValueError> {
        Count::new(n).ok_or(ValueError::CountTooLarge(n))
    }
}

impl From<Count> for u64 {
    fn from(c: Count) -> u64 {
        c.0
    }
}

/// A share in tenths of a percent, 0..=1000.
///
/// Serialised as a plain number of percent (`15`, `64.3`) so snapshot files
/// stay readable; parsing rounds to the nearest tenth and rejects values
/// outside 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Percent(u16);

impl Percent {
    /// 100 %.
    pub const FULL: Percent = Percent(1000);

    /// A percentage from tenths of a percent (`150` is 15 %).
    pub fn from_tenths(tenths: u32) -> Option<Percent> {
        u16::try_from(tenths)
            .ok()
            .filter(|t| *t <= 1000)
            .map(Percent)
    }

    /// A percentage from whole percent (`15` is 15 %).
    pub fn from_whole(percent: u32) -> Option<Percent> {
        percent.checked_mul(10).and_then(Percent::from_tenths)
    }

    /// The share `numerator / denominator`, rounded half up to a tenth; `None`
    /// when the denominator is zero or the share exceeds 100 %.
    pub fn from_ratio(numerator: u64, denominator: u64) -> Option<Percent> {
        if denominator == 0 || numerator > denominator {
            return None;
        }
        let scaled = u128::from(numerator) * 2000 + u128::from(denominator);
        let tenths = scaled / (2 * u128::from(denominator));
        u32::try_from(tenths).ok().and_then(Percent::from_tenths)
    }

    /// The share `numerator / denominator` in whole percent, rounded half up
    /// once (not via tenths, which can round twice): how newsletters print
    /// shares ("43 procent kvinnor").
    pub fn from_ratio_whole(numerator: u64, denominator: u64) -> Option<Percent> {
        if denominator == 0 || numerator > denominator {
            return None;
        }
        let scaled = u128::from(numerator) * 200 + u128::from(denominator);
        let whole = scaled / (2 * u128::from(denominator));
        u32::try_from(whole).ok().and_then(Percent::from_whole)
    }

    /// A percentage capped at 100 %, for figures the app itself computes or
    /// ships (never for typed input, which must be refused instead).
    pub fn saturating_tenths(tenths: u32) -> Percent {
        Percent(u16::try_from(tenths.min(1000)).unwrap_or(1000))
    }

    /// Tenths of a percent.
    pub fn tenths(self) -> u32 {
        u32::from(self.0)
    }

    /// The value in percent as a float, for chart geometry only.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl TryFrom<f64> for Percent {
    type Error = ValueError;
    fn try_from(p: f64) -> Result<Percent, ValueError> {
        if !p.is_finite() || !(0.0..=100.0).contains(&p) {
            return Err(ValueError::PercentOutOfRange(p));
        }
        // In range, so the cast cannot truncate.
        let tenths = (p * 10.0).round() as u32;
        Percent::from_tenths(tenths).ok_or(ValueError::PercentOutOfRange(p))
    }
}

impl From<Percent> for f64 {
    fn from(p: Percent) -> f64 {
        p.as_f64()
    }
}

/// Why a number is not a valid value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ValueError {
    /// A count above [`MAX_COUNT`].
    CountTooLarge(u64),
    /// A percentage outside 0–100, or not a number.
    PercentOutOfRange(f64),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::CountTooLarge(n) => write!(f, "count {n} is larger than {MAX_COUNT}"),
            ValueError::PercentOutOfRange(p) => write!(f, "percentage {p} is outside 0-100"),
        }
    }
}

impl std::error::Error for ValueError {}

/// What an indicator measures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of people or events.
    Count,
    /// A share of some whole, described by the indicator's numerator and
    /// denominator.
    Percent,
    /// A goal that is met or not, with no number ("Målet om 12 procent
    /// kvinnor bland deltagarna har uppfyllts"); serialised `"yes_no"`.
    /// Its target is always [`Answer::Met`], its outcome an [`Answer`].
    YesNo,
}

/// The outcome of a yes/no goal. Serialised as `"met"`, `"not_met"` and
/// `"unknown"` (stable names: snapshot files and stored records hold them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The goal is met (uppfyllt).
    Met,
    /// The goal is not met (ej uppfyllt).
    NotMet,
    /// Not yet known (ännu inte känt): reported, but without an answer yet.
    Unknown,
}

impl Answer {
    /// Every answer, in the order forms offer them.
    pub const ALL: [Answer; 3] = [Answer::Met, Answer::NotMet, Answer::Unknown];
}

/// A target's or outcome's value; its variant must match the indicator's
/// [`Unit`] (checked by validation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureValue {
    Count(Count),
    /// A percentage.
    Percent(Percent),
    /// The answer of a yes/no goal: `{"answer": "met"}`.
    Answer(Answer),
}

impl FigureValue {
    /// The unit this value is in.
    pub fn unit(self) -> Unit {
        match self {
            FigureValue::Count(_) => Unit::Count,
            FigureValue::Percent(_) => Unit::Percent,
            FigureValue::Answer(_) => Unit::YesNo,
        }
    }

    /// The value in its smallest exact step: people for counts, tenths of a
    /// percent for percentages, 1 for a met and 0 for any other answer.
    /// Comparisons between values of one unit use it.
    pub fn steps(self) -> u64 {
        match self {
            FigureValue::Count(c) => c.get(),
            FigureValue::Percent(p) => u64::from(p.tenths()),
            FigureValue::Answer(a) => u64::from(a == Answer::Met),
        }
    }

    /// The answer, for a yes/no value.
    pub fn answer(self) -> Option<Answer> {
        match self {
            FigureValue::Answer(a) => Some(a),
            _ => None,
        }
    }

    /// The value as a float in its display unit (people, percent), for chart
    /// geometry only.
    pub fn as_f64(self) -> f64 {
        match self {
            // Counts are at most MAX_COUNT, exactly representable.
            FigureValue::Count(c) => c.get() as f64,
            FigureValue::Percent(p) => p.as_f64(),
            FigureValue::Answer(a) => f64::from(u8::from(a == Answer::Met)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_from_ratio_rounds_half_up_to_a_tenth() {
        // 271 of 695 who ended = 38.99 % -> 39.0 %
        assert_eq!(Percent::from_ratio(271, 695), Percent::from_tenths(390));
        assert_eq!(Percent::from_ratio(1, 3), Percent::from_tenths(333));
        assert_eq!(Percent::from_ratio(2, 3), Percent::from_tenths(667));
        assert_eq!(Percent::from_ratio(1, 2000), Percent::from_tenths(1));
        assert_eq!(Percent::from_ratio(0, 0), None);
        assert_eq!(Percent::from_ratio(5, 4), None);
    }

    #[test]
    fn percent_rejects_values_outside_zero_to_hundred() {
        assert!(Percent::try_from(100.0).is_ok());
        assert!(Percent::try_from(100.04).is_err());
        assert!(Percent::try_from(-0.1).is_err());
        assert!(Percent::try_from(f64::NAN).is_err());
        assert_eq!(Percent::from_whole(101), None);
        assert_eq!(Percent::from_tenths(70000), None);
    }

    #[test]
    fn percent_serialises_as_plain_percent() {
        let p = Percent::from_tenths(643).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "64.3");
        assert_eq!(serde_json::from_str::<Percent>("64.3").unwrap(), p);
        assert!(serde_json::from_str::<Percent>("150").is_err());
    }

    #[test]
    fn count_rejects_absurd_and_negative_numbers() {
        assert!(Count::new(MAX_COUNT).is_some());
        assert!(Count::new(MAX_COUNT + 1).is_none());
        assert!(serde_json::from_str::<Count>("-1").is_err());
        assert!(serde_json::from_str::<Count>("927").is_ok());
    }

    #[test]
    fn values_serialise_with_their_unit() {
        let v = FigureValue::Count(Count::new(927).unwrap());
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"count":927}"#);
        let p = FigureValue::Percent(Percent::from_whole(15).unwrap());
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"percent":15.0}"#);
    }

    #[test]
    fn answers_serialise_with_stable_names() {
        let cases = [
            (Answer::Met, r#"{"answer":"met"}"#),
            (Answer::NotMet, r#"{"answer":"not_met"}"#),
            (Answer::Unknown, r#"{"answer":"unknown"}"#),
        ];
        for (a, text) in cases {
            assert_eq!(
                serde_json::to_string(&FigureValue::Answer(a)).unwrap(),
                text
            );
            assert_eq!(
                serde_json::from_str::<FigureValue>(text).unwrap(),
                FigureValue::Answer(a)
            );
        }
        assert_eq!(serde_json::to_string(&Unit::YesNo).unwrap(), r#""yes_no""#);
        assert!(serde_json::from_str::<FigureValue>(r#"{"answer":"yes"}"#).is_err());
        assert_eq!(FigureValue::Answer(Answer::Met).unit(), Unit::YesNo);
    }
}
