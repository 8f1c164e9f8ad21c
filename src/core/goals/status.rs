//! How an outcome stands against its target, and the words for a yes/no
//! goal. Pure comparisons on values, so everything that shows or exports a
//! status (board, reports, slides, CSV) judges it the same way.

use crate::core::model::Direction;
use crate::core::period::Period;
use crate::core::value::{Answer as YesNo, Count, FigureValue};

/// How an outcome stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    /// The target is reached (uppnått).
    Met,
    /// Within the indicator's tolerance of the target (nära).
    Near,
    /// Further from the target than the tolerance (efter), or a yes/no
    /// goal not met.
    Behind,
    /// A yes/no goal whose outcome is reported as not yet known.
    Unknown,
}

/// The words for a yes/no goal's target: it is always to be met.
pub const YES_NO_TARGET_WORDS: &str = "ska uppfyllas";

/// The words for a yes/no goal's answer, the one place they are written:
/// "uppfyllt", "ej uppfyllt", "ännu inte känt". The board, reports, slides,
/// the newsletter, CSV files and [`crate::core::fmt_sv::value`] all use it.
pub fn yes_no_words(answer: YesNo) -> &'static str {
    match answer {
        YesNo::Met => "uppfyllt",
        YesNo::NotMet => "ej uppfyllt",
        YesNo::Unknown => "ännu inte känt",
    }
}

/// The answer these words name, as [`yes_no_words`] writes them, in any
/// case and with surrounding spaces (a CSV cell, a typed word).
pub fn yes_no_from_words(words: &str) -> Option<YesNo> {
    let wanted = words.trim().to_lowercase();
    YesNo::ALL.into_iter().find(|a| yes_no_words(*a) == wanted)
}

/// Compares an outcome with what was expected, in the indicator's direction.
///
/// "Near" means within `tolerance_percent` of the expected value: at least
/// 90 % of it for a higher-is-better indicator with the default 10 %, at most
/// 110 % for lower-is-better.
///
/// A yes/no outcome has no "near" and no direction: met is [`GoalStatus::Met`],
/// not met [`GoalStatus::Behind`], not yet known [`GoalStatus::Unknown`].
pub fn goal_status(
    direction: Direction,
    tolerance_percent: u8,
    expected: FigureValue,
    outcome: FigureValue,
) -> GoalStatus {
    if let FigureValue::Answer(answer) = outcome {
        return match answer {
            YesNo::Met => GoalStatus::Met,
            YesNo::NotMet => GoalStatus::Behind,
            YesNo::Unknown => GoalStatus::Unknown,
        };
    }
    let e = u128::from(expected.steps());
    let o = u128::from(outcome.steps());
    let tol = u128::from(tolerance_percent.min(100));
    match direction {
        Direction::HigherIsBetter if o >= e => GoalStatus::Met,
        Direction::HigherIsBetter if o * 100 >= e * (100 - tol) => GoalStatus::Near,
        Direction::LowerIsBetter if o <= e => GoalStatus::Met,
        Direction::LowerIsBetter if o * 100 <= e * (100 + tol) => GoalStatus::Near,
        _ => GoalStatus::Behind,
    }
}

/// A count or money target scaled to the share of the period an outcome
/// covers, rounded to the nearest whole person or krona: a budget for the
/// year, reported on after April, is compared against 120/365 of it.
pub fn prorated(target: FigureValue, part: &Period, whole: &Period) -> Option<FigureValue> {
    match target {
        FigureValue::Kronor(k) => k
            .pro_rata(part.days(), whole.days())
            .map(FigureValue::Kronor),
        FigureValue::Count(c) => {
            let scaled =
                u128::from(c.get()) * u128::from(part.days()) * 2 + u128::from(whole.days());
            let expected = scaled / (2 * u128::from(whole.days()));
            u64::try_from(expected)
                .ok()
                .and_then(Count::new)
                .map(FigureValue::Count)
        }
        FigureValue::Percent(_) | FigureValue::Answer(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value::Percent;
    use GoalStatus::{Behind, Met, Near, Unknown};

    const UP: Direction = Direction::HigherIsBetter;
    const DOWN: Direction = Direction::LowerIsBetter;

    fn count(n: u64) -> FigureValue {
        FigureValue::Count(Count::new(n).unwrap())
    }
    fn pct(n: u32) -> FigureValue {
        FigureValue::Percent(Percent::from_whole(n).unwrap())
    }

    fn yes_no(a: YesNo) -> FigureValue {
        FigureValue::Answer(a)
    }

    /// Checks each `(direction, tolerance, expected, outcome, status)`,
    /// naming the case that fails.
    fn assert_statuses(cases: &[(Direction, u8, FigureValue, FigureValue, GoalStatus)]) {
        for &(direction, tolerance, expected, outcome, status) in cases {
            assert_eq!(
                goal_status(direction, tolerance, expected, outcome),
                status,
                "{direction:?} within {tolerance} %: {outcome:?} against {expected:?}"
            );
        }
    }

    #[test]
    fn a_yes_no_goal_is_met_behind_or_unknown_whatever_the_direction() {
        for direction in [UP, DOWN] {
            let target = yes_no(YesNo::Met);
            assert_statuses(&[
                (direction, 10, target, yes_no(YesNo::Met), Met),
                (direction, 50, target, yes_no(YesNo::NotMet), Behind),
                (direction, 10, target, yes_no(YesNo::Unknown), Unknown),
            ]);
        }
    }

    #[test]
    fn yes_no_words_read_back_in_any_case() {
        assert_eq!(yes_no_words(YesNo::Met), "uppfyllt");
        assert_eq!(yes_no_words(YesNo::NotMet), "ej uppfyllt");
        assert_eq!(yes_no_words(YesNo::Unknown), "ännu inte känt");
        for a in YesNo::ALL {
            assert_eq!(yes_no_from_words(yes_no_words(a)), Some(a));
            let loud = yes_no_words(a).to_uppercase();
            assert_eq!(yes_no_from_words(&format!(" {loud} ")), Some(a));
        }
        assert_eq!(yes_no_from_words("ja"), None);
        assert_eq!(yes_no_from_words(""), None);
    }

    #[test]
    fn a_yes_no_target_is_never_prorated() {
        let year = Period::year(2017).unwrap();
        let half = Period::half(2017, 1).unwrap();
        assert_eq!(prorated(yes_no(YesNo::Met), &half, &year), None);
    }

    #[test]
    fn status_is_met_near_or_behind_with_the_default_tolerance() {
        assert_statuses(&[
            (UP, 10, count(975), count(927), Near),
            (UP, 10, count(200), count(183), Near),
            (UP, 10, pct(65), pct(65), Met),
            (UP, 10, pct(65), pct(64), Near),
            (UP, 10, pct(30), pct(15), Behind),
            (UP, 10, pct(40), pct(32), Behind),
            (UP, 10, count(100), count(90), Near),
            (UP, 10, count(100), count(89), Behind),
        ]);
    }

    #[test]
    fn status_respects_lower_is_better_and_a_custom_tolerance() {
        assert_statuses(&[
            (DOWN, 10, count(20), count(18), Met),
            (DOWN, 10, count(20), count(22), Near),
            (DOWN, 10, count(20), count(23), Behind),
            (UP, 0, pct(65), pct(64), Behind),
            (UP, 50, pct(30), pct(15), Near),
        ]);
    }

    #[test]
    fn a_zero_target_is_met_by_any_higher_outcome_and_never_divides() {
        assert_statuses(&[
            (UP, 10, count(0), count(0), Met),
            (DOWN, 10, count(0), count(1), Behind),
        ]);
    }

    #[test]
    fn half_year_inflow_is_compared_with_half_the_yearly_target() {
        let year = Period::year(2018).unwrap();
        let h1 = Period::half(2018, 1).unwrap();
        // 390 × 181/365 = 193.4 -> 193; the newsletter: 204 is "something above the goal".
        assert_eq!(prorated(count(390), &h1, &year), Some(count(193)));
        assert_eq!(prorated(pct(65), &h1, &year), None);
    }
}
