//! Turns the core's typed problems into sentences for the user.
//!
//! Guarantees: every [`Problem`] the core can report has its own message in
//! each language: the match has no wildcard, and a test reads the message
//! of each of [`Problem::examples`].

use super::Texts;
use crate::browser::files::ReadError;
use crate::core::reports::newsletter::TemplateError;
use crate::core::validate::Problem;

/// The sentence shown at a field for a validation problem.
pub fn problem(t: &Texts, p: &Problem) -> String {
    match p {
        Problem::Required => t.problem_required.into(),
        Problem::TooLong { max } => (t.problem_too_long)(*max),
        Problem::TooMany { max } => (t.problem_too_many)(*max),
        Problem::NotANumber => t.problem_not_a_number.into(),
        Problem::NegativeCount => t.problem_negative_count.into(),
        Problem::NotWhole => t.problem_not_whole.into(),
        Problem::AmbiguousThousands => t.problem_ambiguous_thousands.into(),
        Problem::RecordDeleted => t.problem_record_deleted.into(),
        Problem::CountTooLarge => t.problem_count_too_large.into(),
        Problem::PercentOutOfRange => t.problem_percent_range.into(),
        Problem::PercentTooPrecise => t.problem_percent_precise.into(),
        Problem::NegativeAmount => t.problem_negative_amount.into(),
        Problem::AmountTooLarge => t.problem_amount_too_large.into(),
        Problem::AmountTooPrecise => t.problem_amount_precise.into(),
        Problem::InvalidDate => t.problem_invalid_date.into(),
        Problem::DateOutOfRange => t.problem_date_range.into(),
        Problem::EndBeforeStart => t.problem_end_before_start.into(),
        Problem::PeriodPartOutOfRange => t.problem_period_part.into(),
        Problem::DuplicateName => t.problem_duplicate_name.into(),
        Problem::DuplicateTarget => t.problem_duplicate_target.into(),
        Problem::DuplicateOutcome => t.problem_duplicate_outcome.into(),
        Problem::DuplicateForecast => t.economy.problem_duplicate_forecast.into(),
        Problem::DuplicateComment => t.economy.problem_duplicate_comment.into(),
        Problem::NoTargetForKey => t.economy.problem_no_target_for_key.into(),
        Problem::RatioNumeratorNotKronor => t.economy.problem_ratio_numerator.into(),
        Problem::RatioDenominatorNotCount => t.economy.problem_ratio_denominator.into(),
        Problem::RatioAndComputed => t.economy.problem_ratio_and_computed.into(),
        Problem::FinancingOverWhole => t.economy.problem_financing_over_whole.into(),
        Problem::UnknownReference => t.problem_unknown_reference.into(),
        Problem::CyclicParent => t.problem_cyclic_parent.into(),
        Problem::BreakdownNotAllowed => t.problem_breakdown_not_allowed.into(),
        Problem::InvalidEmail => t.problem_invalid_email.into(),
        Problem::UnitLocked => t.problem_unit_locked.into(),
        Problem::ToleranceOutOfRange => t.problem_tolerance.into(),
        Problem::UnknownValue => t.problem_unknown_value.into(),
        Problem::TooYoung => t.problem_too_young.into(),
        Problem::InvalidCode => t.problem_invalid_code.into(),
        Problem::DuplicateCode => t.problem_duplicate_code.into(),
        Problem::PersonalNumber => t.problem_personal_number.into(),
        Problem::StatusWithoutEnd => t.problem_status_without_end.into(),
        Problem::ComputedIndicator => t.problem_computed_indicator.into(),
        Problem::ThresholdOutOfRange => t.problem_threshold.into(),
        Problem::InvalidTime => t.meetings.problem_invalid_time.into(),
        Problem::InvalidAddress => t.meetings.problem_invalid_address.into(),
        Problem::DeadlineAfterMeeting => t.meetings.problem_deadline_after.into(),
        Problem::YesNoBreakdown => t.problem_yes_no_breakdown.into(),
        Problem::YesNoProrate => t.problem_yes_no_prorate.into(),
        Problem::YesNoTargetNotMet => t.problem_yes_no_target.into(),
        Problem::NotAnAnswer => t.problem_not_an_answer.into(),
        Problem::Template(e) => template(t, e),
    }
}

/// The sentence for a newsletter sentence that does not read as a template.
pub fn template(t: &Texts, e: &TemplateError) -> String {
    let m = &t.meetings;
    match e {
        TemplateError::Unclosed { at } => (m.template_unclosed)(*at),
        TemplateError::Unopened { at } => (m.template_unopened)(*at),
        TemplateError::Empty { at } => (m.template_empty)(*at),
        TemplateError::Unknown { name } => (m.template_unknown)(name),
        TemplateError::NoShare { name } => (m.template_no_share)(name),
    }
}

/// Why a picked file was not read: too large for its use (with its name,
/// size and the limit), or the browser's own reason.
pub fn read_error(t: &Texts, e: &ReadError) -> String {
    match e {
        ReadError::TooLarge(e) => {
            let (size, limit) = e.shown_sizes();
            (t.file_too_large)(&e.name, &size, &limit)
        }
        ReadError::Browser(why) => (t.csv_unreadable)(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::Lang;

    #[test]
    fn the_issue_examples_get_clear_swedish_messages() {
        let t = Lang::Sv.texts();
        assert_eq!(
            problem(t, &Problem::PercentOutOfRange),
            "En procentsats måste vara mellan 0 och 100."
        );
        assert_eq!(
            problem(t, &Problem::NegativeCount),
            "Ett antal kan inte vara negativt."
        );
        assert!(problem(t, &Problem::EndBeforeStart).contains("före starten"));
        assert!(problem(t, &Problem::DuplicateTarget).contains("redan ett mål"));
        assert_eq!(problem(t, &Problem::Required), "Fyll i det här fältet.");
        assert_eq!(
            problem(t, &Problem::NotAnAnswer),
            "Skriv uppfyllt, ej uppfyllt eller ännu inte känt."
        );
    }

    #[test]
    fn every_problem_has_its_own_non_empty_message_in_both_languages() {
        let all = Problem::examples();
        for lang in [Lang::Sv, Lang::En] {
            let texts: Vec<String> = all.iter().map(|p| problem(lang.texts(), p)).collect();
            for (i, (p, text)) in all.iter().zip(&texts).enumerate() {
                assert!(!text.trim().is_empty(), "{lang:?} {p:?}");
                if let Some(j) = texts[..i].iter().position(|t| t == text) {
                    panic!("{lang:?}: {p:?} and {:?} say the same: {text}", all[j]);
                }
            }
        }
        for p in &all {
            assert_ne!(
                problem(Lang::Sv.texts(), p),
                problem(Lang::En.texts(), p),
                "{p:?} is not translated"
            );
        }
    }

    #[test]
    fn a_file_too_large_is_named_with_its_size_and_the_limit() {
        use crate::core::exchange::file_size::{check, FileUse};
        let e = check(FileUse::Snapshot, "allt.json", 1_288_490_189.0).unwrap_err();
        assert_eq!(
            read_error(Lang::Sv.texts(), &ReadError::TooLarge(e.clone())),
            "Filen allt.json är 1,2\u{a0}GB, större än de 512\u{a0}MB som kan läsas in. Den lästes inte, och inget ändrades."
        );
        assert!(read_error(Lang::En.texts(), &ReadError::TooLarge(e))
            .contains("allt.json is 1,2\u{a0}GB"));
    }
}
