//! Validation of everything a person types: forms become records only
//! through these functions.
//!
//! Guarantees: a form either yields a complete, valid record or a list of
//! [`FieldError`]s naming each bad field and why, so the UI can show a
//! message at the field and store nothing. Drafts hold the raw text exactly
//! as typed, so a rejected form keeps the user's input. Every text a form
//! stores passes one of the text helpers here ([`required_name`],
//! [`short_text`], [`free_text`], [`optional_email`], and the meeting's web
//! address), and each of them refuses a personal identity or coordination
//! number ([`Problem::PersonalNumber`], found by `core::validate::pii`): no note,
//! name, theme or contact can hold one.

mod every_problem;
pub mod figure;
pub mod financing;
pub mod indicator;
pub mod insats;
pub mod meeting;
pub mod names;
pub mod participation;
pub mod period_draft;
pub mod pii;
pub mod presentation;
pub mod project;

pub use figure::{
    build_comment, build_forecast, build_forecast_with, build_outcome, build_target, CommentDraft,
    FigureDraft,
};
pub use indicator::{build_indicator, indicator_unit, IndicatorDraft};
pub use insats::{build_insats, ContactDraft, InsatsDraft};
pub use meeting::{build_meeting, build_slot_report, parse_meeting_list, MeetingDraft, SlotDraft};
pub use names::{
    build_end_status, build_municipality, build_organisation, build_partner, NameDraft,
};
pub use participation::{build_participation, ParticipationDraft};
pub use period_draft::PeriodDraft;
pub use presentation::{build_presentation, PresentationDraft};
pub use project::{build_project, ProjectDraft};

use super::fmt_sv::{self, NumberError};
use super::period::{parse_iso_date, PeriodError};
use super::value::{Count, Kronor, Percent};
use chrono::NaiveDate;
use std::fmt;

/// Longest name we accept, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest free text (descriptions, notes), in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The form fields errors can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The form as a whole (problems no single field causes).
    Form,
    Name,
    /// An insats's provider.
    Provider,
    /// A project's funder.
    Funder,
    /// A description or definition.
    Description,
    /// A start date.
    Start,
    /// An end date.
    End,
    /// The period picker as a whole (year, part).
    Period,
    /// A parent project.
    Parent,
    /// The project an insats belongs to.
    Project,
    /// Municipalities an insats serves.
    Municipalities,
    /// Number of places.
    Capacity,
    /// A contact's e-mail, by contact index.
    ContactEmail(usize),
    /// A contact's other fields, by contact index.
    Contact(usize),
    FunderShare,
    /// An indicator's numerator in words.
    Numerator,
    /// An indicator's denominator in words.
    Denominator,
    /// An indicator's unit.
    Unit,
    /// The "near" tolerance.
    Tolerance,
    /// The indicator of a target or outcome.
    Indicator,
    /// The scope of a target or outcome.
    Scope,
    /// The breakdown slice of a target or outcome.
    Breakdown,
    /// A target's or outcome's value.
    Value,
    /// The date an outcome was reported.
    ReportedOn,
    Note,
    /// A participation's code.
    Code,
    /// The insats a participation belongs to.
    Insats,
    /// A participant's gender.
    Gender,
    /// A participant's age band.
    AgeBand,
    /// A participant's municipality.
    Municipality,
    /// Who referred a participant.
    Referrer,
    /// How a participation ended.
    EndStatus,
    /// The small-number protection threshold.
    Threshold,
    /// A meeting's or report's date.
    Date,
    /// Where a meeting is held.
    Place,
    /// A meeting's theme.
    Theme,
    /// A meeting's speakers.
    Speakers,
    /// A meeting's invitation address.
    Invitation,
    /// A meeting's registration deadline.
    Deadline,
    /// A meeting's registration e-mail.
    Email,
    /// How many registered for a meeting.
    Registered,
    /// How many came to a meeting.
    Attended,
    /// How many are enrolled in an insats.
    Enrolled,
    /// A presentation's slides.
    Slides,
    /// An indicator's newsletter sentence ("Nyhetsbrevsmening").
    Sentence,
    /// A ratio indicator's numerator (an indicator in kronor).
    RatioNumerator,
    /// A ratio indicator's denominator.
    RatioDenominator,
    /// An insats's target group.
    TargetGroup,
    /// A budget line's budget.
    Budget,
    /// A budget line's spend.
    Spend,
    /// A budget line's forecast.
    Forecast,
    /// A financing row, by index (one past the last for the whole list).
    Financing(usize),
    /// A comment's "what happened".
    Happened,
    /// A comment's "why".
    Why,
    /// A comment's "what we do next".
    Next,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Must be filled in.
    Required,
    /// More items than allowed (slides of a presentation).
    TooMany {
        /// The limit.
        max: usize,
    },
    /// Longer than allowed.
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Not a number at all.
    NotANumber,
    /// A count below zero.
    NegativeCount,
    /// A count with decimals.
    NotWhole,
    /// A count with a point or comma before three digits (`1.000`).
    AmbiguousThousands,
    /// The record being edited was deleted meanwhile (in another tab or
    /// by a cascade); saving would bring it back.
    RecordDeleted,
    /// A count above the maximum.
    CountTooLarge,
    /// A percentage below 0 or above 100.
    PercentOutOfRange,
    /// A percentage with more than one decimal.
    PercentTooPrecise,
    /// An amount of money below zero.
    NegativeAmount,
    /// An amount of money above [`crate::core::value::MAX_KRONOR`].
    AmountTooLarge,
    /// An amount with more than two decimals (öre).
    AmountTooPrecise,
    /// Not a date in the form YYYY-MM-DD.
    InvalidDate,
    /// A date outside the years the app accepts.
    DateOutOfRange,
    EndBeforeStart,
    /// A half, quarter or month number out of range.
    PeriodPartOutOfRange,
    /// Another live record already has this name.
    DuplicateName,
    /// A target already exists for the same indicator, scope, period and slice.
    DuplicateTarget,
    /// An outcome already exists for the same key.
    DuplicateOutcome,
    /// A forecast already exists for the same key.
    DuplicateForecast,
    /// A comment already exists for the same target and period.
    DuplicateComment,
    /// No live target has this indicator, scope and slice for the period
    /// (a forecast needs its target's period; a comment a target that
    /// applies during its period).
    NoTargetForKey,
    /// A ratio's numerator that is no indicator in kronor (or is the
    /// indicator itself, or another ratio).
    RatioNumeratorNotKronor,
    /// A ratio's denominator that is neither participants nor an
    /// indicator counted in people or events.
    RatioDenominatorNotCount,
    /// An indicator both computed from participations and a ratio.
    RatioAndComputed,
    /// Financing shares that add up to more than the whole.
    FinancingOverWhole,
    /// The referenced record does not exist (deleted meanwhile).
    UnknownReference,
    /// A project cannot be its own ancestor.
    CyclicParent,
    /// The indicator does not allow this breakdown.
    BreakdownNotAllowed,
    /// Not an e-mail address.
    InvalidEmail,
    /// The unit cannot change while targets or outcomes use it.
    UnitLocked,
    /// The tolerance is outside 0–50 %.
    ToleranceOutOfRange,
    /// A value that is none of the choices (a gender, a referrer).
    UnknownValue,
    /// An age under 16: the insatser serve people of working age.
    TooYoung,
    /// Not a participation code (4–8 capital letters and digits, one digit
    /// at least).
    InvalidCode,
    /// Another participation of the same insats has this code.
    DuplicateCode,
    /// Looks like a personal identity or coordination number, which is
    /// never stored.
    PersonalNumber,
    /// An end status without an end date.
    StatusWithoutEnd,
    /// The indicator is computed from participations and takes no typed
    /// outcomes.
    ComputedIndicator,
    /// A protection threshold outside 1–20.
    ThresholdOutOfRange,
    /// Not a time of day (`08:30`).
    InvalidTime,
    /// Not a web address starting with http:// or https://.
    InvalidAddress,
    /// A registration deadline after the meeting.
    DeadlineAfterMeeting,
    /// A yes/no indicator with breakdowns: an answer cannot be split.
    YesNoBreakdown,
    /// A yes/no indicator compared pro rata: an answer cannot be scaled.
    YesNoProrate,
    /// A yes/no target other than "ska uppfyllas" (met).
    YesNoTargetNotMet,
    /// A yes/no outcome that is none of "uppfyllt", "ej uppfyllt" and
    /// "ännu inte känt".
    NotAnAnswer,
    /// A newsletter sentence that does not read as a template.
    Template(crate::core::reports::newsletter::TemplateError),
}

/// One problem at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Where.
    pub field: Field,
    /// What.
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {:?}", self.field, self.problem)
    }
}

/// All problems of one form submission.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormErrors(pub Vec<FieldError>);

impl FormErrors {
    /// Adds a problem.
    pub fn push(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    /// The first problem at a field, if any.
    pub fn at(&self, field: Field) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }

    /// Whether there are no problems.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when there are no problems.
    pub fn into_result<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, FormErrors> {
        match (self.is_empty(), value()) {
            (true, Some(v)) => Ok(v),
            (_, _) => Err(self),
        }
    }

    /// Records the error of a field check and returns its value.
    pub fn check<T>(&mut self, field: Field, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(p) => {
                self.push(field, p);
                None
            }
        }
    }
}

impl fmt::Display for FormErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FormErrors {}

/// Refuses to save an edit of a record that has been deleted since the form
/// was opened: storing it would bring the record back.
pub fn still_live<T: crate::core::model::Entity>(
    table: &crate::core::workspace::Table<T>,
    id: &crate::core::ids::RecordId,
    errors: &mut FormErrors,
) {
    if table.get_any(id).is_some() && table.get(id).is_none() {
        errors.push(Field::Form, Problem::RecordDeleted);
    }
}

/// `Err(PersonalNumber)` when `text` holds a personal identity or
/// coordination number, which no form ever stores.
fn no_personal_number(text: &str) -> Result<(), Problem> {
    if crate::core::validate::pii::contains_personal_number(text) {
        Err(Problem::PersonalNumber)
    } else {
        Ok(())
    }
}

/// Trimmed text of at most `max` characters, without a personal number.
fn text_of_at_most(text: &str, max: usize) -> Result<String, Problem> {
    let t = text.trim();
    if t.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    no_personal_number(t)?;
    Ok(t.to_owned())
}

/// Whether a cell's text names a record: its id, or its name ignoring
/// case and the spaces around either (how every import finds an insats, a
/// project, a municipality or an indicator written in a cell).
pub fn names(cell: &str, id: &crate::core::ids::RecordId, name: &str) -> bool {
    let t = cell.trim();
    id.as_str() == t || crate::core::order::same_folded(name.trim(), t)
}

/// A required single-line name: trimmed, non-empty, not too long, without
/// a personal number.
pub fn required_name(text: &str) -> Result<String, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::Required);
    }
    text_of_at_most(text, MAX_NAME_CHARS)
}

/// Optional free text: trimmed, not too long, without a personal number.
pub fn free_text(text: &str) -> Result<String, Problem> {
    text_of_at_most(text, MAX_TEXT_CHARS)
}

/// Optional short text (a provider, a role, a phone number): trimmed, at
/// most a name's length, without a personal number.
pub fn short_text(text: &str) -> Result<String, Problem> {
    text_of_at_most(text, MAX_NAME_CHARS)
}

/// A required count typed by a person.
pub fn count(text: &str) -> Result<Count, Problem> {
    match fmt_sv::parse_count(text) {
        Ok(n) => Count::new(n).ok_or(Problem::CountTooLarge),
        Err(NumberError::Empty) => Err(Problem::Required),
        Err(NumberError::Negative) => Err(Problem::NegativeCount),
        Err(NumberError::TooPrecise) => Err(Problem::NotWhole),
        Err(NumberError::AmbiguousThousands) => Err(Problem::AmbiguousThousands),
        Err(NumberError::TooLarge) => Err(Problem::CountTooLarge),
        Err(_) => Err(Problem::NotANumber),
    }
}

/// An optional count: empty text means none.
pub fn optional_count(text: &str) -> Result<Option<Count>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        count(text).map(Some)
    }
}

/// A required percentage typed by a person.
pub fn percent(text: &str) -> Result<Percent, Problem> {
    match fmt_sv::parse_percent(text) {
        Ok(p) => Ok(p),
        Err(NumberError::Empty) => Err(Problem::Required),
        Err(NumberError::Negative | NumberError::TooLarge) => Err(Problem::PercentOutOfRange),
        Err(NumberError::TooPrecise) => Err(Problem::PercentTooPrecise),
        Err(_) => Err(Problem::NotANumber),
    }
}

/// A required amount of money typed by a person or read from a file: öre
/// are rounded half up to whole kronor ([`fmt_sv::parse_kronor`]).
pub fn kronor(text: &str) -> Result<Kronor, Problem> {
    match fmt_sv::parse_kronor(text) {
        Ok(k) => Ok(k),
        Err(NumberError::Empty) => Err(Problem::Required),
        Err(NumberError::Negative) => Err(Problem::NegativeAmount),
        Err(NumberError::TooLarge) => Err(Problem::AmountTooLarge),
        Err(NumberError::TooPrecise) => Err(Problem::AmountTooPrecise),
        Err(NumberError::AmbiguousThousands) => Err(Problem::AmbiguousThousands),
        Err(_) => Err(Problem::NotANumber),
    }
}

/// An optional percentage: empty text means none.
pub fn optional_percent(text: &str) -> Result<Option<Percent>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        percent(text).map(Some)
    }
}

/// An optional ISO date (what `<input type=date>` gives).
pub fn optional_date(text: &str) -> Result<Option<NaiveDate>, Problem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_iso_date(text) {
        Ok(d) => Ok(Some(d)),
        Err(PeriodError::YearOutOfRange(_)) => Err(Problem::DateOutOfRange),
        Err(_) => Err(Problem::InvalidDate),
    }
}

/// A loose e-mail check: one `@` with text on both sides and a dot after
/// it, and no personal number (`8507099805@…`).
pub fn optional_email(text: &str) -> Result<String, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    no_personal_number(t)?;
    let ok = match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !t.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok && t.chars().count() <= MAX_NAME_CHARS {
        Ok(t.to_owned())
    } else {
        Err(Problem::InvalidEmail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_names_a_record_by_its_id_or_its_name_ignoring_case_and_spaces() {
        let id = crate::core::ids::RecordId::parse("ins-ung").expect("valid");
        assert!(names(" ins-ung ", &id, "Ung i Tyresö"));
        assert!(names(" UNG I TYRESÖ", &id, "Ung i Tyresö "));
        assert!(!names("Ung i Tyresö 2", &id, "Ung i Tyresö"));
        assert!(!names("INS-UNG", &id, "Ung i Tyresö"));
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(required_name("  MIA  "), Ok("MIA".into()));
        assert_eq!(required_name("   "), Err(Problem::Required));
        assert_eq!(
            required_name(&"x".repeat(201)),
            Err(Problem::TooLong { max: 200 })
        );
    }

    #[test]
    fn every_text_helper_refuses_a_personal_number() {
        for text in ["850709-9805", "Ring 850709\u{2013}9805", "19850709 9805"] {
            assert_eq!(required_name(text), Err(Problem::PersonalNumber), "{text}");
            assert_eq!(short_text(text), Err(Problem::PersonalNumber), "{text}");
            assert_eq!(free_text(text), Err(Problem::PersonalNumber), "{text}");
        }
        assert_eq!(
            optional_email("8507099805@haninge.se"),
            Err(Problem::PersonalNumber)
        );
        // What is not one passes, and the rules before it still come first.
        assert_eq!(short_text("070-123 45 67"), Ok("070-123 45 67".into()));
        assert_eq!(free_text("556677-8899"), Ok("556677-8899".into()));
        assert_eq!(required_name(" "), Err(Problem::Required));
        let long = format!("{} 850709-9805", "x".repeat(MAX_NAME_CHARS));
        assert_eq!(
            short_text(&long),
            Err(Problem::TooLong {
                max: MAX_NAME_CHARS
            })
        );
    }

    #[test]
    fn counts_report_negative_decimal_and_garbage_input_separately() {
        assert_eq!(count("-3"), Err(Problem::NegativeCount));
        assert_eq!(count("2,5"), Err(Problem::NotWhole));
        assert_eq!(count("många"), Err(Problem::NotANumber));
        assert_eq!(count(""), Err(Problem::Required));
        assert_eq!(optional_count(""), Ok(None));
        assert_eq!(count("1 000 000 000"), Err(Problem::CountTooLarge));
        assert_eq!(count("1.000"), Err(Problem::AmbiguousThousands));
    }

    #[test]
    fn percentages_outside_zero_to_hundred_are_refused() {
        assert_eq!(percent("101"), Err(Problem::PercentOutOfRange));
        assert_eq!(percent("-1"), Err(Problem::PercentOutOfRange));
        assert_eq!(percent("33,33"), Err(Problem::PercentTooPrecise));
        assert!(percent("64,5").is_ok());
    }

    #[test]
    fn dates_must_be_iso_and_in_range() {
        assert_eq!(optional_date("2018-09-28").map(|d| d.is_some()), Ok(true));
        assert_eq!(optional_date("28/9"), Err(Problem::InvalidDate));
        assert_eq!(optional_date("1066-10-14"), Err(Problem::DateOutOfRange));
        assert_eq!(optional_date(""), Ok(None));
    }

    #[test]
    fn emails_are_checked_loosely() {
        assert!(optional_email("sophie.olofsson@haninge.se").is_ok());
        assert!(optional_email("").is_ok());
        for bad in ["sophie", "a@b", "@haninge.se", "a b@c.se", "a@b@c.se"] {
            assert_eq!(optional_email(bad), Err(Problem::InvalidEmail), "{bad}");
        }
    }
}
