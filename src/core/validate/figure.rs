//! The target and outcome forms: the same fields, two record types.

use super::period_draft::PeriodDraft;
use super::{count, free_text, optional_date, percent, short_text, Field, FormErrors, Problem};
use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{
    AgeBand, Breakdown, Dimension, Entity, FigureKey, Gender, Indicator, Meta, Outcome,
    OutcomeSource, Referrer, Scope, Target,
};
use crate::core::period::{Period, PeriodKind};
use crate::core::value::{Answer, FigureValue, Unit};
use crate::core::workspace::{Table, Workspace};

/// A target or outcome form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureDraft {
    /// Indicator id.
    pub indicator: String,
    /// Scope as text (`forbund`, `project:ID`, `insats:ID`).
    pub scope: String,
    /// The period picker.
    pub period: PeriodDraft,
    /// The breakdown dimension, or none for the total.
    pub dimension: Option<Dimension>,
    /// The breakdown value: a municipality id, a gender or referrer code, or
    /// a provider name.
    pub slice: String,
    /// The value as typed.
    pub value: String,
    /// Date reported (outcomes only), ISO.
    pub reported_on: String,
    /// Note.
    pub note: String,
}

impl FigureDraft {
    /// An empty form for a scope and year, as opened from a page.
    pub fn new(indicator: &str, scope: &Scope, year: i32) -> FigureDraft {
        FigureDraft {
            indicator: indicator.to_owned(),
            scope: scope.to_string(),
            period: PeriodDraft {
                kind: PeriodKind::Year,
                year: year.to_string(),
                part: "1".into(),
                start: String::new(),
                end: String::new(),
            },
            dimension: None,
            slice: String::new(),
            value: String::new(),
            reported_on: String::new(),
            note: String::new(),
        }
    }

    fn from_parts(
        indicator: &RecordId,
        scope: &Scope,
        period: &Period,
        breakdown: Option<&Breakdown>,
        value: FigureValue,
        note: &str,
    ) -> FigureDraft {
        let value_text = match value {
            FigureValue::Count(c) => c.get().to_string(),
            FigureValue::Percent(p) => crate::core::fmt_sv::tenths(u64::from(p.tenths())),
            FigureValue::Answer(a) => codes::code(&a),
            FigureValue::Kronor(k) => k.get().to_string(),
        };
        FigureDraft {
            indicator: indicator.to_string(),
            scope: scope.to_string(),
            period: PeriodDraft::from_period(period),
            dimension: breakdown.map(Breakdown::dimension),
            slice: breakdown.map(slice_code).unwrap_or_default(),
            value: value_text,
            reported_on: String::new(),
            note: note.to_owned(),
        }
    }

    /// A form showing an existing target.
    pub fn from_target(t: &Target) -> FigureDraft {
        FigureDraft::from_parts(
            &t.indicator,
            &t.scope,
            &t.period,
            t.breakdown.as_ref(),
            t.value,
            &t.note,
        )
    }

    /// A form showing an existing outcome.
    pub fn from_outcome(o: &Outcome) -> FigureDraft {
        let mut d = FigureDraft::from_parts(
            &o.indicator,
            &o.scope,
            &o.period,
            o.breakdown.as_ref(),
            o.value,
            &o.note,
        );
        d.reported_on = o
            .reported_on
            .map(crate::core::period::iso_date)
            .unwrap_or_default();
        d
    }
}

/// The text code of a breakdown slice, as the form's select holds it.
pub fn slice_code(b: &Breakdown) -> String {
    match b {
        Breakdown::Municipality(id) => id.to_string(),
        Breakdown::Gender(g) => codes::code(g),
        Breakdown::Referrer(r) => codes::code(r),
        Breakdown::Provider(p) => p.clone(),
        Breakdown::AgeBand(a) => codes::code(a),
    }
}

fn breakdown(
    draft: &FigureDraft,
    indicator: &Indicator,
    ws: &Workspace,
) -> Result<Option<Breakdown>, Problem> {
    let Some(dimension) = draft.dimension else {
        return Ok(None);
    };
    if !indicator.allows(Some(dimension)) {
        return Err(Problem::BreakdownNotAllowed);
    }
    let slice = draft.slice.trim();
    if slice.is_empty() {
        return Err(Problem::Required);
    }
    let found = match dimension {
        Dimension::Municipality => RecordId::parse(slice)
            .ok()
            .filter(|id| ws.municipalities.get(id).is_some())
            .map(Breakdown::Municipality),
        Dimension::Gender => codes::from_code::<Gender>(slice)
            .ok()
            .map(Breakdown::Gender),
        Dimension::Referrer => codes::from_code::<Referrer>(slice)
            .ok()
            .map(Breakdown::Referrer),
        Dimension::AgeBand => codes::from_code::<AgeBand>(slice)
            .ok()
            .map(Breakdown::AgeBand),
        Dimension::Provider => return short_text(slice).map(|p| Some(Breakdown::Provider(p))),
    };
    found.map(Some).ok_or(Problem::UnknownReference)
}

fn value(unit: Unit, text: &str) -> Result<FigureValue, Problem> {
    match unit {
        Unit::Count => count(text).map(FigureValue::Count),
        Unit::Percent => percent(text).map(FigureValue::Percent),
        Unit::YesNo => answer(text).map(FigureValue::Answer),
        Unit::Kronor => super::kronor(text).map(FigureValue::Kronor),
    }
}

/// A yes/no answer as a form sends it (`met`, `not_met`, `unknown`) or as
/// words ("uppfyllt", "Ej uppfyllt", "ännu inte känt").
fn answer(text: &str) -> Result<Answer, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    codes::from_code::<Answer>(t)
        .ok()
        .or_else(|| crate::core::goals::yes_no_from_words(t))
        .ok_or(Problem::NotAnAnswer)
}

/// The checks shared by targets and outcomes; returns the key and value.
fn common(
    draft: &FigureDraft,
    ws: &Workspace,
    errors: &mut FormErrors,
) -> Option<(FigureKey, FigureValue)> {
    let indicator = RecordId::parse(draft.indicator.trim())
        .ok()
        .and_then(|id| ws.indicators.get(&id));
    if indicator.is_none() {
        errors.push(
            Field::Indicator,
            if draft.indicator.trim().is_empty() {
                Problem::Required
            } else {
                Problem::UnknownReference
            },
        );
    }
    let scope = draft
        .scope
        .parse::<Scope>()
        .ok()
        .filter(|s| ws.scope_exists(s));
    if scope.is_none() {
        errors.push(Field::Scope, Problem::UnknownReference);
    }
    let period = draft.period.parse(errors);
    let indicator = indicator?;
    let breakdown = errors.check(Field::Breakdown, breakdown(draft, indicator, ws));
    let value = errors.check(Field::Value, value(indicator.unit, &draft.value));
    let key = FigureKey {
        indicator: indicator.meta.id.clone(),
        scope: scope?,
        period: period?,
        breakdown: breakdown?,
    };
    Some((key, value?))
}

/// The checks shared by targets and outcomes: the record `id` being
/// edited is still live in `table` (its targets or its outcomes), and no
/// other live record there has the key (`duplicate` if one does).
fn checked_figure<T: Entity>(
    draft: &FigureDraft,
    ws: &Workspace,
    errors: &mut FormErrors,
    table: &Table<T>,
    id: &RecordId,
    key_of: fn(&T) -> FigureKey,
    duplicate: Problem,
) -> (Option<(FigureKey, FigureValue)>, Option<String>) {
    super::still_live(table, id, errors);
    let checked = common(draft, ws, errors);
    let note = errors.check(Field::Note, free_text(&draft.note));
    let taken = |key: &FigureKey| table.live().any(|r| r.id() != id && key_of(r) == *key);
    if checked.as_ref().is_some_and(|(key, _)| taken(key)) {
        errors.push(Field::Period, duplicate);
    }
    (checked, note)
}

/// Validates a target: an existing indicator and scope, a valid period, a
/// value in the indicator's unit (0–100 for percentages, whole and
/// non-negative for counts, "ska uppfyllas" for yes/no: no value typed
/// means met, any other answer is refused), an allowed breakdown, and no
/// other target for the same indicator, scope, period and slice.
pub fn build_target(draft: &FigureDraft, ws: &Workspace, meta: Meta) -> Result<Target, FormErrors> {
    let mut errors = FormErrors::default();
    let yes_no = RecordId::parse(draft.indicator.trim())
        .ok()
        .and_then(|id| ws.indicators.get(&id))
        .is_some_and(|i| i.unit == Unit::YesNo);
    let met;
    let draft = if yes_no && draft.value.trim().is_empty() {
        met = FigureDraft {
            value: codes::code(&Answer::Met),
            ..draft.clone()
        };
        &met
    } else {
        draft
    };
    let (checked, note) = checked_figure(
        draft,
        ws,
        &mut errors,
        &ws.targets,
        &meta.id,
        Target::key,
        Problem::DuplicateTarget,
    );
    if checked
        .as_ref()
        .is_some_and(|(_, v)| matches!(v, FigureValue::Answer(a) if *a != Answer::Met))
    {
        errors.push(Field::Value, Problem::YesNoTargetNotMet);
    }
    errors.into_result(|| {
        let (key, value) = checked?;
        Some(Target::from_key(meta, key, value, note?))
    })
}

/// Validates an outcome like a target, plus an optional report date; at most
/// one outcome per key.
pub fn build_outcome(
    draft: &FigureDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Outcome, FormErrors> {
    let mut errors = FormErrors::default();
    let (checked, note) = checked_figure(
        draft,
        ws,
        &mut errors,
        &ws.outcomes,
        &meta.id,
        Outcome::key,
        Problem::DuplicateOutcome,
    );
    let reported_on = errors.check(Field::ReportedOn, optional_date(&draft.reported_on));
    errors.into_result(|| {
        let (key, value) = checked?;
        Some(Outcome::from_key(
            meta,
            key,
            value,
            reported_on?,
            OutcomeSource::Manual,
            note?,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Record;
    use crate::core::testing::{meta, percent_indicator, ws_with_municipality};

    fn yes_no_setup() -> Workspace {
        let mut ws = setup();
        let mut i = percent_indicator("yn", "Minst 12 procent kvinnor", &[]);
        i.unit = Unit::YesNo;
        i.numerator.clear();
        i.denominator.clear();
        ws.put(Record::Indicator(i));
        ws
    }

    #[test]
    fn a_yes_no_target_needs_no_number_and_must_be_met() {
        let ws = yes_no_setup();
        let mut d = FigureDraft::new("yn", &Scope::Forbund, 2017);
        let t = build_target(&d, &ws, meta("t")).unwrap();
        assert_eq!(t.value, FigureValue::Answer(Answer::Met));
        d.value = "ej uppfyllt".into();
        let e = build_target(&d, &ws, meta("t")).unwrap_err();
        assert_eq!(e.at(Field::Value), Some(&Problem::YesNoTargetNotMet));
    }

    #[test]
    fn a_yes_no_outcome_takes_an_answer_code_or_words_and_no_breakdown() {
        let ws = yes_no_setup();
        let mut d = FigureDraft::new("yn", &Scope::Forbund, 2017);
        let e = build_outcome(&d, &ws, meta("o")).unwrap_err();
        assert_eq!(e.at(Field::Value), Some(&Problem::Required));
        for (text, answer) in [
            ("unknown", Answer::Unknown),
            ("not_met", Answer::NotMet),
            ("Uppfyllt", Answer::Met),
            ("ÄNNU INTE KÄNT", Answer::Unknown),
        ] {
            d.value = text.into();
            let o = build_outcome(&d, &ws, meta("o")).unwrap();
            assert_eq!(o.value, FigureValue::Answer(answer), "{text}");
        }
        d.value = "ja".into();
        let e = build_outcome(&d, &ws, meta("o")).unwrap_err();
        assert_eq!(e.at(Field::Value), Some(&Problem::NotAnAnswer));
        d.value = "met".into();
        d.dimension = Some(Dimension::Municipality);
        d.slice = "m1".into();
        let e = build_outcome(&d, &ws, meta("o")).unwrap_err();
        assert_eq!(e.at(Field::Breakdown), Some(&Problem::BreakdownNotAllowed));
    }

    fn setup() -> Workspace {
        let mut ws = ws_with_municipality("m1", "Tyresö");
        ws.put(Record::Indicator(percent_indicator(
            "ind",
            "Andel egenanmälningar",
            &[Dimension::Municipality],
        )));
        ws
    }

    fn draft(value: &str) -> FigureDraft {
        let mut d = FigureDraft::new("ind", &Scope::Forbund, 2018);
        d.value = value.into();
        d
    }

    #[test]
    fn a_percent_outside_zero_to_hundred_is_refused_at_the_value() {
        let ws = setup();
        let e = build_target(&draft("150"), &ws, meta("t1")).unwrap_err();
        assert_eq!(e.at(Field::Value), Some(&Problem::PercentOutOfRange));
        assert!(build_target(&draft("65"), &ws, meta("t1")).is_ok());
    }

    #[test]
    fn a_second_target_for_the_same_key_is_a_duplicate() {
        let mut ws = setup();
        let first = build_target(&draft("65"), &ws, meta("t1")).unwrap();
        ws.put(Record::Target(first));
        let e = build_target(&draft("70"), &ws, meta("t2")).unwrap_err();
        assert_eq!(e.at(Field::Period), Some(&Problem::DuplicateTarget));
        // Editing the existing target itself is not a duplicate.
        assert!(build_target(&draft("70"), &ws, meta("t1")).is_ok());
        // Another half-year is another key.
        let mut h1 = draft("70");
        h1.period.kind = PeriodKind::Half;
        assert!(build_target(&h1, &ws, meta("t3")).is_ok());
    }

    #[test]
    fn breakdowns_must_be_allowed_and_exist() {
        let ws = setup();
        let mut d = draft("53");
        d.dimension = Some(Dimension::Municipality);
        d.slice = "m1".into();
        let o = build_outcome(&d, &ws, meta("o1")).unwrap();
        assert_eq!(
            o.breakdown,
            Some(Breakdown::Municipality(RecordId::parse("m1").unwrap()))
        );
        d.slice = "m9".into();
        assert_eq!(
            build_outcome(&d, &ws, meta("o1"))
                .unwrap_err()
                .at(Field::Breakdown),
            Some(&Problem::UnknownReference)
        );
        d.dimension = Some(Dimension::Gender);
        d.slice = "woman".into();
        assert_eq!(
            build_outcome(&d, &ws, meta("o1"))
                .unwrap_err()
                .at(Field::Breakdown),
            Some(&Problem::BreakdownNotAllowed)
        );
    }

    #[test]
    fn unknown_indicator_and_scope_are_reported() {
        let ws = setup();
        let mut d = draft("5");
        d.indicator = "nope".into();
        d.scope = "insats:gone".into();
        let e = build_outcome(&d, &ws, meta("o1")).unwrap_err();
        assert_eq!(e.at(Field::Indicator), Some(&Problem::UnknownReference));
        assert_eq!(e.at(Field::Scope), Some(&Problem::UnknownReference));
    }

    #[test]
    fn drafts_show_existing_figures_for_editing() {
        let ws = setup();
        let mut d = draft("64,5");
        d.reported_on = "2018-09-01".into();
        let o = build_outcome(&d, &ws, meta("o1")).unwrap();
        let back = FigureDraft::from_outcome(&o);
        assert_eq!(back.value, "64,5");
        assert_eq!(back.reported_on, "2018-09-01");
        assert_eq!(
            slice_code(&Breakdown::Referrer(Referrer::SelfReferral)),
            "self_referral"
        );
    }
}
