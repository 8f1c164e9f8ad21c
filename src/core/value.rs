//! Measured values: counts, percentages and kronor as exact integers, and
//! the answer of a yes/no goal.
//!
//! Guarantees: a [`Percent`] is always within 0–100 % and exact to a tenth of a
//! percent; a [`Count`] is never negative and never absurdly large; an amount
//! of [`Kronor`] is whole kronor, never negative, at most [`MAX_KRONOR`], so
//! any sum of amounts fits in 128 bits and pro rata is exact. Goal status
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

/// The largest amount we accept: ten thousand million kronor, a hundred
/// times the whole national Finsam budget; a sum of `u64::MAX` such amounts
/// still fits in the `u128` that [`Kronor::sum`] adds in.
pub const MAX_KRONOR: u64 = 10_000_000_000;

/// An amount of money in whole kronor: a budget (target), a spend (utfall)
/// or a forecast.
///
/// Whole kronor because a förbund's budget and accounts are followed up in
/// kronor; öre typed or imported are rounded half up by
/// [`Kronor::from_ore_rounded`] (`0,50` kr is 1 kr), the rule every form and
/// file import states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Kronor(u64);

impl Kronor {
    /// Nothing.
    pub const ZERO: Kronor = Kronor(0);

    /// An amount, if it is within [`MAX_KRONOR`].
    pub fn new(kr: u64) -> Option<Kronor> {
        (kr <= MAX_KRONOR).then_some(Kronor(kr))
    }

    /// An amount given in öre, rounded half up to whole kronor
    /// (`123 456 750` öre is 1 234 568 kr); `None` above [`MAX_KRONOR`].
    pub fn from_ore_rounded(ore: u64) -> Option<Kronor> {
        Kronor::new(ore / 100 + u64::from(ore % 100 >= 50))
    }

    /// The sum of `amounts`, exact (added in 128 bits); `None` only when it
    /// is above [`MAX_KRONOR`] — a sum to show beside its parts, never
    /// silently capped.
    pub fn sum(amounts: impl IntoIterator<Item = Kronor>) -> Option<Kronor> {
        let total: u128 = amounts.into_iter().map(|k| u128::from(k.0)).sum();
        u64::try_from(total).ok().and_then(Kronor::new)
    }

    /// `self × part ÷ whole`, rounded half up: a yearly budget's share for
    /// the days of the year reported on. `None` when `whole` is zero or
    /// `part` exceeds it.
    pub fn pro_rata(self, part: u64, whole: u64) -> Option<Kronor> {
        if whole == 0 || part > whole {
            return None;
        }
        let scaled = u128::from(self.0) * u128::from(part) * 2 + u128::from(whole);
        let kr = scaled / (2 * u128::from(whole));
        // At most self, so within MAX_KRONOR.
        u64::try_from(kr).ok().and_then(Kronor::new)
    }

    /// The amount per one of `n` (cost per participant), exact and
    /// rounded half up to a krona; `None` for none (`n == 0`).
    pub fn per(self, n: u64) -> Option<Kronor> {
        self.pro_rata(1, n)
    }

    /// The number of kronor.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for Kronor {
    type Error = ValueError;
    fn try_from(kr: u64) -> Result<Kronor, ValueError> {
        Kronor::new(kr).ok_or(ValueError::KronorTooLarge(kr))
    }
}

impl From<Kronor> for u64 {
    fn from(k: Kronor) -> u64 {
        k.0
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
    /// An amount above [`MAX_KRONOR`].
    KronorTooLarge(u64),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::CountTooLarge(n) => write!(f, "count {n} is larger than {MAX_COUNT}"),
            ValueError::PercentOutOfRange(p) => write!(f, "percentage {p} is outside 0-100"),
            ValueError::KronorTooLarge(kr) => write!(f, "{kr} kronor is more than {MAX_KRONOR}"),
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
    /// Money in whole kronor: a target is a budget, an outcome a spend
    /// (utfall). Serialised `"kronor"`.
    Kronor,
}

impl Unit {
    /// Whether outcomes in this unit grow during a period (people counted
    /// in, money spent), so a report for part of the period can be compared
    /// with the target pro rata. Shares and answers never are.
    pub fn accumulates(self) -> bool {
        matches!(self, Unit::Count | Unit::Kronor)
    }
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
    /// An amount of money: `{"kronor": 1200000}`.
    Kronor(Kronor),
}

impl FigureValue {
    /// The unit this value is in.
    pub fn unit(self) -> Unit {
        match self {
            FigureValue::Count(_) => Unit::Count,
            FigureValue::Percent(_) => Unit::Percent,
            FigureValue::Answer(_) => Unit::YesNo,
            FigureValue::Kronor(_) => Unit::Kronor,
        }
    }

    /// The value in its smallest exact step: people for counts, tenths of a
    /// percent for percentages, kronor for money, 1 for a met and 0 for any
    /// other answer.
    /// Comparisons between values of one unit use it.
    pub fn steps(self) -> u64 {
        match self {
            FigureValue::Count(c) => c.get(),
            FigureValue::Percent(p) => u64::from(p.tenths()),
            FigureValue::Answer(a) => u64::from(a == Answer::Met),
            FigureValue::Kronor(k) => k.get(),
        }
    }

    /// The answer, for a yes/no value.
    pub fn answer(self) -> Option<Answer> {
        match self {
            FigureValue::Answer(a) => Some(a),
            _ => None,
        }
    }

    /// The value as a float in its display unit (people, percent, kronor),
    /// for chart geometry only.
    pub fn as_f64(self) -> f64 {
        match self {
            // Counts are at most MAX_COUNT, exactly representable.
            FigureValue::Count(c) => c.get() as f64,
            FigureValue::Percent(p) => p.as_f64(),
            FigureValue::Answer(a) => f64::from(u8::from(a == Answer::Met)),
            // At most MAX_KRONOR < 2^53, exactly representable.
            FigureValue::Kronor(k) => k.get() as f64,
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
    fn kronor_serialise_as_whole_kronor_and_refuse_absurd_amounts() {
        let v = FigureValue::Kronor(Kronor::new(1_200_000).unwrap());
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"kronor":1200000}"#);
        assert_eq!(
            serde_json::from_str::<FigureValue>(r#"{"kronor":1200000}"#).unwrap(),
            v
        );
        assert_eq!(serde_json::to_string(&Unit::Kronor).unwrap(), r#""kronor""#);
        assert_eq!(v.unit(), Unit::Kronor);
        assert!(serde_json::from_str::<Kronor>("-1").is_err());
        assert!(serde_json::from_str::<Kronor>("1200000.5").is_err());
        assert!(serde_json::from_str::<Kronor>("10000000001").is_err());
        assert!(serde_json::from_str::<Kronor>("10000000000").is_ok());
    }

    #[test]
    fn ore_round_half_up_to_whole_kronor() {
        assert_eq!(
            Kronor::from_ore_rounded(123_456_750),
            Kronor::new(1_234_568)
        );
        assert_eq!(
            Kronor::from_ore_rounded(123_456_749),
            Kronor::new(1_234_567)
        );
        assert_eq!(Kronor::from_ore_rounded(49), Kronor::new(0));
        assert_eq!(Kronor::from_ore_rounded(50), Kronor::new(1));
        assert_eq!(Kronor::from_ore_rounded(u64::MAX), None);
    }

    #[test]
    fn a_budget_pro_rata_is_exact_and_rounds_half_up() {
        let budget = Kronor::new(1_200_000).unwrap();
        // T1 2018: 120 of 365 days.
        assert_eq!(budget.pro_rata(120, 365), Kronor::new(394_521));
        // T2 2018: 243 of 365 days.
        assert_eq!(budget.pro_rata(243, 365), Kronor::new(798_904));
        assert_eq!(budget.pro_rata(365, 365), Some(budget));
        assert_eq!(Kronor::new(1).unwrap().pro_rata(1, 2), Kronor::new(1));
        assert_eq!(budget.pro_rata(1, 0), None);
        assert_eq!(budget.pro_rata(366, 365), None);
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

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn amount() -> impl Strategy<Value = Kronor> {
            (0..=MAX_KRONOR).prop_map(|k| Kronor::new(k).unwrap())
        }

        proptest! {
            #[test]
            fn a_sum_of_valid_amounts_never_overflows_and_is_exact(
                amounts in prop::collection::vec(amount(), 0..200)
            ) {
                let exact: u128 = amounts.iter().map(|k| u128::from(k.get())).sum();
                match Kronor::sum(amounts.iter().copied()) {
                    Some(total) => prop_assert_eq!(u128::from(total.get()), exact),
                    None => prop_assert!(exact > u128::from(MAX_KRONOR)),
                }
            }

            #[test]
            fn pro_rata_is_within_half_a_krona_of_the_exact_share(
                budget in amount(), whole in 1u64..=366, part_seed in 0u64..=366
            ) {
                let part = part_seed % (whole + 1);
                let share = budget.pro_rata(part, whole).unwrap();
                // |share × whole − budget × part| ≤ whole / 2, in integers.
                let lhs = i128::from(share.get()) * i128::from(whole);
                let rhs = i128::from(budget.get()) * i128::from(part);
                prop_assert!((lhs - rhs).abs() * 2 <= i128::from(whole));
                prop_assert!(share <= budget);
            }
        }
    }
}
