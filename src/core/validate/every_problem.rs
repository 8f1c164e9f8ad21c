//! One example of every [`Problem`], for tests that must cover them all
//! (each has a message in each language, `ui/i18n/problems.rs`).
//!
//! Guarantees: the list cannot miss a variant. Each line pairs a pattern
//! with its example, and the patterns form a `match` without a wildcard, so
//! a new variant (of `Problem` or of the newsletter's `TemplateError`) does
//! not compile until it has its line here; a test checks that each example
//! matches its own pattern.

use super::Problem;
use crate::core::reports::newsletter::TemplateError;

/// Declares [`Problem::examples`] and the exhaustive match that guards it.
macro_rules! every_problem {
    ($($pattern:pat => $example:expr),+ $(,)?) => {
        impl Problem {
            /// One example of every variant, in declaration order.
            pub fn examples() -> Vec<Problem> {
                vec![$($example),+]
            }

            /// Whether `example` is an example of the `index`-th line of
            /// the list (the test of the list's own lines).
            #[cfg(test)]
            fn is_line(index: usize, example: &Problem) -> bool {
                let patterns: &[fn(&Problem) -> bool] = &[$(|p| matches!(p, $pattern)),+];
                patterns.get(index).is_some_and(|is| is(example))
            }
        }

        /// Never called: does not compile while a variant has no line.
        #[allow(dead_code)]
        fn exhaustive(p: &Problem) {
            match p {
                $($pattern => {})+
            }
        }
    };
}

every_problem! {
    Problem::Required => Problem::Required,
    Problem::TooMany { .. } => Problem::TooMany { max: 12 },
    Problem::TooLong { .. } => Problem::TooLong { max: 5 },
    Problem::NotANumber => Problem::NotANumber,
    Problem::NegativeCount => Problem::NegativeCount,
    Problem::NotWhole => Problem::NotWhole,
    Problem::AmbiguousThousands => Problem::AmbiguousThousands,
    Problem::RecordDeleted => Problem::RecordDeleted,
    Problem::CountTooLarge => Problem::CountTooLarge,
    Problem::PercentOutOfRange => Problem::PercentOutOfRange,
    Problem::PercentTooPrecise => Problem::PercentTooPrecise,
    Problem::NegativeAmount => Problem::NegativeAmount,
    Problem::AmountTooLarge => Problem::AmountTooLarge,
    Problem::AmountTooPrecise => Problem::AmountTooPrecise,
    Problem::InvalidDate => Problem::InvalidDate,
    Problem::DateOutOfRange => Problem::DateOutOfRange,
    Problem::EndBeforeStart => Problem::EndBeforeStart,
    Problem::PeriodPartOutOfRange => Problem::PeriodPartOutOfRange,
    Problem::DuplicateName => Problem::DuplicateName,
    Problem::DuplicateTarget => Problem::DuplicateTarget,
    Problem::DuplicateOutcome => Problem::DuplicateOutcome,
    Problem::DuplicateForecast => Problem::DuplicateForecast,
    Problem::DuplicateComment => Problem::DuplicateComment,
    Problem::NoTargetForKey => Problem::NoTargetForKey,
    Problem::RatioNumeratorNotKronor => Problem::RatioNumeratorNotKronor,
    Problem::RatioDenominatorNotCount => Problem::RatioDenominatorNotCount,
    Problem::RatioAndComputed => Problem::RatioAndComputed,
    Problem::FinancingOverWhole => Problem::FinancingOverWhole,
    Problem::UnknownReference => Problem::UnknownReference,
    Problem::CyclicParent => Problem::CyclicParent,
    Problem::BreakdownNotAllowed => Problem::BreakdownNotAllowed,
    Problem::InvalidEmail => Problem::InvalidEmail,
    Problem::UnitLocked => Problem::UnitLocked,
    Problem::ToleranceOutOfRange => Problem::ToleranceOutOfRange,
    Problem::UnknownValue => Problem::UnknownValue,
    Problem::TooYoung => Problem::TooYoung,
    Problem::InvalidCode => Problem::InvalidCode,
    Problem::DuplicateCode => Problem::DuplicateCode,
    Problem::PersonalNumber => Problem::PersonalNumber,
    Problem::StatusWithoutEnd => Problem::StatusWithoutEnd,
    Problem::ComputedIndicator => Problem::ComputedIndicator,
    Problem::ThresholdOutOfRange => Problem::ThresholdOutOfRange,
    Problem::InvalidTime => Problem::InvalidTime,
    Problem::InvalidAddress => Problem::InvalidAddress,
    Problem::DeadlineAfterMeeting => Problem::DeadlineAfterMeeting,
    Problem::YesNoBreakdown => Problem::YesNoBreakdown,
    Problem::YesNoProrate => Problem::YesNoProrate,
    Problem::YesNoTargetNotMet => Problem::YesNoTargetNotMet,
    Problem::NotAnAnswer => Problem::NotAnAnswer,
    Problem::Template(TemplateError::Unclosed { .. }) =>
        Problem::Template(TemplateError::Unclosed { at: 3 }),
    Problem::Template(TemplateError::Unopened { .. }) =>
        Problem::Template(TemplateError::Unopened { at: 4 }),
    Problem::Template(TemplateError::Empty { .. }) =>
        Problem::Template(TemplateError::Empty { at: 5 }),
    Problem::Template(TemplateError::Unknown { .. }) =>
        Problem::Template(TemplateError::Unknown { name: "deltagare".into() }),
    Problem::Template(TemplateError::NoShare { .. }) =>
        Problem::Template(TemplateError::NoShare { name: "utfall".into() }),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_example_is_of_its_own_line_and_no_two_are_equal() {
        let all = Problem::examples();
        for (i, p) in all.iter().enumerate() {
            assert!(Problem::is_line(i, p), "line {i}: {p:?}");
            exhaustive(p);
        }
        assert!(!Problem::is_line(all.len(), &Problem::Required));
        for (i, p) in all.iter().enumerate() {
            assert!(!all[..i].contains(p), "{p:?} twice");
        }
    }
}
