//! The target, outcome and forecast forms (the same fields, three record
//! types) and the comment form, which names a target's key the same way.

use super::period_draft::PeriodDraft;
use super::{count, free_text, optional_date, percent, short_text, Field, FormErrors, Problem};
use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{
    AgeBand, Breakdown, Comment, Dimension, Entity, FigureKey, Forecast, Gender, Indicator, Meta,
    Outcome, OutcomeSource, Referrer, Scope, Target,
};
use crate::core::period::PeriodKind;
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
    /// Date reported (outcomes) or made (forecasts), ISO.
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

    /// A form showing a figure with `key`, `value`, `note` and a day
    /// (reported or made) in `reported_on`.
    fn from_parts(
        key: FigureKey,
        value: FigureValue,
        note: &str,
        date: Option<chrono::NaiveDate>,
    ) -> FigureDraft {
        let value_text = match value {
            FigureValue::Count(c) => c.get().to_string(),
            FigureValue::Percent(p) => crate::core::fmt_sv::tenths(u64::from(p.tenths())),
            FigureValue::Answer(a) => codes::code(&a),
            FigureValue::Kronor(k) => k.get().to_string(),
        };
        FigureDraft {
            indicator: key.indicator.to_string(),
            scope: key.scope.to_string(),
            period: PeriodDraft::from_period(&key.period),
            dimension: key.breakdown.as_ref().map(Breakdown::dimension),
            slice: key.breakdown.as_ref().map(slice_code).unwrap_or_default(),
            value: value_text,
            reported_on: date.map(crate::core::period::iso_date).unwrap_or_default(),
            note: note.to_owned(),
        }
    }

    /// A form showing an existing target.
    pub fn from_target(t: &Target) -> FigureDraft {
        FigureDraft::from_parts(t.key(), t.value, &t.note, None)
    }

    /// A form showing an existing outcome (its report day in `reported_on`).
    pub fn from_outcome(o: &Outcome) -> FigureDraft {
        FigureDraft::from_parts(o.key(), o.value, &o.note, o.reported_on)
    }

    /// A form showing an existing forecast (its day in `reported_on`).
    pub fn from_forecast(f: &Forecast) -> FigureDraft {
        FigureDraft::from_parts(f.key(), f.value, &f.note, f.made_on)
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

/// The key a draft names: an existing indicator (also returned when the
/// rest fails, for the value's unit), an existing scope, a valid period
/// and an allowed breakdown.
fn checked_key<'w>(
    draft: &FigureDraft,
    ws: &'w Workspace,
    errors: &mut FormErrors,
) -> (Option<&'w Indicator>, Option<FigureKey>) {
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
    let Some(indicator) = indicator else {
        return (None, None);
    };
    let breakdown = errors.check(Field::Breakdown, breakdown(draft, indicator, ws));
    let key = (|| {
        Some(FigureKey {
            indicator: indicator.meta.id.clone(),
            scope: scope?,
            period: period?,
            breakdown: breakdown?,
        })
    })();
    (Some(indicator), key)
}

/// The checks shared by targets, outcomes and forecasts; returns the key
/// and value.
fn common(
    draft: &FigureDraft,
    ws: &Workspace,
    errors: &mut FormErrors,
) -> Option<(FigureKey, FigureValue)> {
    let (indicator, key) = checked_key(draft, ws, errors);
    let value = errors.check(Field::Value, value(indicator?.unit, &draft.value));
    Some((key?, value?))
}

/// The checks shared by targets, outcomes and forecasts: the record `id`
/// being edited is still live in `table` (its targets, say), and no
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

/// Validates a forecast like an outcome, with the date it was made; at
/// most one forecast per key. A forecast is made for a target's whole
/// period, so the period must be a live target's for the same indicator,
/// scope and slice.
pub fn build_forecast(
    draft: &FigureDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Forecast, FormErrors> {
    build_forecast_with(draft, ws, meta, None)
}

/// [`build_forecast`] where `coming` is the key of a target saved together
/// with the forecast (a budget file's row brings both), which counts as
/// live.
pub fn build_forecast_with(
    draft: &FigureDraft,
    ws: &Workspace,
    meta: Meta,
    coming: Option<&FigureKey>,
) -> Result<Forecast, FormErrors> {
    let mut errors = FormErrors::default();
    let (checked, note) = checked_figure(
        draft,
        ws,
        &mut errors,
        &ws.forecasts,
        &meta.id,
        Forecast::key,
        Problem::DuplicateForecast,
    );
    if let Some((key, _)) = &checked {
        if coming != Some(key) && !ws.targets.live().any(|t| t.key() == *key) {
            errors.push(Field::Period, Problem::NoTargetForKey);
        }
    }
    let made_on = errors.check(Field::ReportedOn, optional_date(&draft.reported_on));
    errors.into_result(|| {
        let (key, value) = checked?;
        Some(Forecast::from_key(meta, key, value, made_on?, note?))
    })
}

/// A comment form as typed: the target's key (its period is the period
/// reported on, `value` and `note` unused) and the three answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentDraft {
    /// Indicator, scope, period reported on and slice.
    pub key: FigureDraft,
    /// What happened.
    pub happened: String,
    /// Why.
    pub why: String,
    /// What the förbund does next.
    pub next: String,
}

impl CommentDraft {
    /// A form showing an existing comment.
    pub fn from_comment(c: &Comment) -> CommentDraft {
        let mut key = FigureDraft::new(
            c.indicator.as_str(),
            &c.scope,
            chrono::Datelike::year(&c.period.start()),
        );
        key.period = PeriodDraft::from_period(&c.period);
        key.dimension = c.breakdown.as_ref().map(Breakdown::dimension);
        key.slice = c.breakdown.as_ref().map(slice_code).unwrap_or_default();
        CommentDraft {
            key,
            happened: c.happened.clone(),
            why: c.why.clone(),
            next: c.next.clone(),
        }
    }
}

/// Validates a comment: a key as a target's (existing indicator and
/// scope, valid period, allowed slice) for which a live target applies
/// during the period, at least one of the three answers written, each
/// free text without a personal number, and no other comment on the same
/// key.
pub fn build_comment(
    draft: &CommentDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Comment, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.comments, &meta.id, &mut errors);
    let (_, key) = checked_key(&draft.key, ws, &mut errors);
    if let Some(key) = &key {
        if crate::core::goals::target_of_comment(ws, key).is_none() {
            errors.push(Field::Period, Problem::NoTargetForKey);
        } else if ws
            .comments
            .live()
            .any(|c| c.meta.id != meta.id && c.key() == *key)
        {
            errors.push(Field::Period, Problem::DuplicateComment);
        }
    }
    let happened = errors.check(Field::Happened, free_text(&draft.happened));
    let why = errors.check(Field::Why, free_text(&draft.why));
    let next = errors.check(Field::Next, free_text(&draft.next));
    let all_empty = [&happened, &why, &next]
        .iter()
        .all(|t| t.as_ref().is_some_and(String::is_empty));
    if all_empty {
        errors.push(Field::Happened, Problem::Required);
    }
    errors.into_result(|| Some(Comment::from_key(meta, key?, happened?, why?, next?)))
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

    fn with_target() -> Workspace {
        let mut ws = setup();
        ws.put(Record::Target(
            build_target(&draft("65"), &ws, meta("t1")).unwrap(),
        ));
        ws
    }

    fn comment(period: PeriodDraft, happened: &str) -> CommentDraft {
        let mut key = draft("");
        key.period = period;
        CommentDraft {
            key,
            happened: happened.into(),
            why: String::new(),
            next: String::new(),
        }
    }

    #[test]
    fn a_forecast_needs_its_targets_period_and_one_per_key() {
        let mut ws = with_target();
        let mut d = draft("70");
        d.reported_on = "2018-08-31".into();
        let f = build_forecast(&d, &ws, meta("f1")).unwrap();
        assert_eq!(
            f.made_on.map(crate::core::period::iso_date).as_deref(),
            Some("2018-08-31")
        );
        ws.put(Record::Forecast(f));
        let e = build_forecast(&d, &ws, meta("f2")).unwrap_err();
        assert_eq!(e.at(Field::Period), Some(&Problem::DuplicateForecast));
        assert!(build_forecast(&d, &ws, meta("f1")).is_ok());
        // A half-year has no target of its own: no forecast for it.
        let mut h1 = draft("70");
        h1.period.kind = PeriodKind::Half;
        let e = build_forecast(&h1, &ws, meta("f3")).unwrap_err();
        assert_eq!(e.at(Field::Period), Some(&Problem::NoTargetForKey));
        // The value is checked in the indicator's unit, as a target's is.
        let e = build_forecast(&draft("150"), &ws, meta("f1")).unwrap_err();
        assert_eq!(e.at(Field::Value), Some(&Problem::PercentOutOfRange));
    }

    #[test]
    fn a_comment_is_written_for_a_period_its_target_applies_in() {
        let mut ws = with_target();
        let t2 = PeriodDraft {
            kind: PeriodKind::Tertial,
            year: "2018".into(),
            part: "2".into(),
            start: String::new(),
            end: String::new(),
        };
        let c =
            build_comment(&comment(t2.clone(), "  Inflödet ökade.  "), &ws, meta("c1")).unwrap();
        assert_eq!(c.period.to_string(), "2018-T2");
        assert_eq!(c.happened, "Inflödet ökade.");
        ws.put(Record::Comment(c.clone()));
        let back = CommentDraft::from_comment(&c);
        assert_eq!(
            (back.key.period.kind, back.key.period.part.as_str()),
            (PeriodKind::Tertial, "2")
        );
        assert_eq!(build_comment(&back, &ws, meta("c1")).unwrap(), c);
        let e = build_comment(&comment(t2.clone(), "Igen."), &ws, meta("c2")).unwrap_err();
        assert_eq!(e.at(Field::Period), Some(&Problem::DuplicateComment));
        // 2019 has no target to comment on.
        let mut y2019 = t2.clone();
        y2019.kind = PeriodKind::Year;
        y2019.year = "2019".into();
        let e = build_comment(&comment(y2019, "Inget mål."), &ws, meta("c3")).unwrap_err();
        assert_eq!(e.at(Field::Period), Some(&Problem::NoTargetForKey));
    }

    #[test]
    fn a_comment_needs_one_answer_and_no_personal_number_in_any() {
        let ws = with_target();
        let year = draft("").period;
        let e = build_comment(&comment(year.clone(), "   "), &ws, meta("c1")).unwrap_err();
        assert_eq!(e.at(Field::Happened), Some(&Problem::Required));
        let mut d = comment(year.clone(), "");
        d.next = "Ring 19811218-9876 om platsen.".into();
        let e = build_comment(&d, &ws, meta("c1")).unwrap_err();
        assert_eq!(e.at(Field::Next), Some(&Problem::PersonalNumber));
        d.next = "Fler platser till hösten.".into();
        let c = build_comment(&d, &ws, meta("c1")).unwrap();
        assert_eq!(
            c.parts().map(|(p, _)| p).collect::<Vec<_>>(),
            [crate::core::model::CommentPart::Next]
        );
        let mut long = comment(year, "");
        long.why = "a".repeat(super::super::MAX_TEXT_CHARS + 1);
        let e = build_comment(&long, &ws, meta("c1")).unwrap_err();
        assert!(matches!(e.at(Field::Why), Some(Problem::TooLong { .. })));
    }
}
