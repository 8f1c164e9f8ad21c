//! The indicator form.

use super::names::name_taken;
use super::{free_text, required_name, short_text, Field, FormErrors, Problem};
use crate::core::ids::RecordId;
use crate::core::model::indicator::{DEFAULT_TOLERANCE_PERCENT, MAX_TOLERANCE_PERCENT};
use crate::core::model::{Denominator, Dimension, Direction, FlowMeasure, Indicator, Meta, Ratio};
use crate::core::value::Unit;
use crate::core::workspace::Workspace;

/// The indicator form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorDraft {
    pub name: String,
    /// Count or percent.
    pub unit: Unit,
    /// Definition in words.
    pub definition: String,
    /// For percentages: what is counted.
    pub numerator: String,
    /// For percentages: out of what.
    pub denominator: String,
    /// Which way is better.
    pub direction: Direction,
    /// Allowed breakdowns.
    pub dimensions: Vec<Dimension>,
    /// The "near" tolerance in whole percent, as typed.
    pub tolerance: String,
    /// Compare partial count reports pro rata.
    pub prorate: bool,
    /// Computed from participations or meetings (then the unit follows the
    /// measure).
    pub computed: Option<FlowMeasure>,
    /// The newsletter's sentence, a template ("" for the plain sentence).
    pub sentence: String,
    /// For a ratio indicator: the id of the indicator in kronor divided;
    /// empty for an indicator that is no ratio.
    pub ratio_numerator: String,
    /// For a ratio indicator: what it is divided by, as
    /// [`denominator_code`] writes it.
    pub ratio_denominator: String,
}

/// A ratio's denominator as the form's select holds it: `participants`,
/// `work_or_studies`, or an indicator's id.
pub fn denominator_code(d: &Denominator) -> String {
    match d {
        Denominator::Participants => "participants".into(),
        Denominator::WorkOrStudies => "work_or_studies".into(),
        Denominator::Indicator(id) => id.to_string(),
    }
}

/// The ratio a draft asks for, checked against the workspace: `None` when
/// no numerator is chosen. The numerator is a live indicator in kronor,
/// the denominator participants or a live count indicator; neither is the
/// indicator itself or another ratio.
fn ratio(
    draft: &IndicatorDraft,
    ws: &Workspace,
    own: &RecordId,
    errors: &mut FormErrors,
) -> Option<Option<Ratio>> {
    let chosen = draft.ratio_numerator.trim();
    if chosen.is_empty() {
        return Some(None);
    }
    if draft.computed.is_some() {
        errors.push(Field::RatioNumerator, Problem::RatioAndComputed);
        return None;
    }
    let usable = |id: &str, unit: Unit| {
        RecordId::parse(id)
            .ok()
            .filter(|id| id != own)
            .and_then(|id| ws.indicators.get(&id))
            .filter(|i| i.unit == unit && i.ratio.is_none())
            .map(|i| i.meta.id.clone())
    };
    let numerator = usable(chosen, Unit::Kronor);
    if numerator.is_none() {
        errors.push(Field::RatioNumerator, Problem::RatioNumeratorNotKronor);
    }
    let denominator = match draft.ratio_denominator.trim() {
        "participants" => Some(Denominator::Participants),
        "work_or_studies" => Some(Denominator::WorkOrStudies),
        "" => {
            errors.push(Field::RatioDenominator, Problem::Required);
            None
        }
        id => {
            let found = usable(id, Unit::Count).map(Denominator::Indicator);
            if found.is_none() {
                errors.push(Field::RatioDenominator, Problem::RatioDenominatorNotCount);
            }
            found
        }
    };
    Some(Some(Ratio {
        numerator: numerator?,
        denominator: denominator?,
    }))
}

impl IndicatorDraft {
    /// An empty form with the default tolerance.
    pub fn empty() -> IndicatorDraft {
        IndicatorDraft {
            name: String::new(),
            unit: Unit::Count,
            definition: String::new(),
            numerator: String::new(),
            denominator: String::new(),
            direction: Direction::HigherIsBetter,
            dimensions: Vec::new(),
            tolerance: DEFAULT_TOLERANCE_PERCENT.to_string(),
            prorate: false,
            computed: None,
            sentence: String::new(),
            ratio_numerator: String::new(),
            ratio_denominator: String::new(),
        }
    }

    /// A form showing an existing indicator.
    pub fn from_indicator(i: &Indicator) -> IndicatorDraft {
        IndicatorDraft {
            name: i.name.clone(),
            unit: i.unit,
            definition: i.definition.clone(),
            numerator: i.numerator.clone(),
            denominator: i.denominator.clone(),
            direction: i.direction,
            dimensions: i.dimensions.clone(),
            tolerance: i.tolerance_percent.to_string(),
            prorate: i.prorate,
            computed: i.computed,
            sentence: i.sentence.clone(),
            ratio_numerator: i
                .ratio
                .as_ref()
                .map(|r| r.numerator.to_string())
                .unwrap_or_default(),
            ratio_denominator: i
                .ratio
                .as_ref()
                .map(|r| denominator_code(&r.denominator))
                .unwrap_or_default(),
        }
    }
}

fn tolerance(text: &str) -> Result<u8, Problem> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let n: u32 = t.parse().map_err(|_| Problem::ToleranceOutOfRange)?;
    u8::try_from(n)
        .ok()
        .filter(|n| *n <= MAX_TOLERANCE_PERCENT)
        .ok_or(Problem::ToleranceOutOfRange)
}

/// The newsletter's sentence: free text (length, no personal number)
/// that reads as a template whose names this workspace knows.
fn sentence(text: &str, ws: &Workspace) -> Result<String, Problem> {
    let text = free_text(text)?;
    if !text.is_empty() {
        crate::core::reports::newsletter::template::check(&text, ws).map_err(Problem::Template)?;
    }
    Ok(text)
}

/// The unit an indicator is in: a computed measure brings its own (counts
/// or shares, never yes/no or kronor), a ratio is in kronor (kronor per
/// participant), otherwise the unit chosen. The form shows its fields by
/// it and [`build_indicator`] stores it.
pub fn indicator_unit(chosen: Unit, computed: Option<FlowMeasure>, is_ratio: bool) -> Unit {
    if is_ratio && computed.is_none() {
        return Unit::Kronor;
    }
    computed.map_or(chosen, FlowMeasure::unit)
}

/// Validates an indicator: a newsletter sentence that reads as a
/// template; unique name; numerator and denominator for percentages; a
/// tolerance of 0–50 %; no breakdowns and no pro rata for a yes/no
/// indicator (it has no number to split or scale); and no change of unit
/// while targets or outcomes are recorded in the old one. A computed indicator takes the unit
/// of its measure and is never prorated (it is counted for the exact period);
/// a ratio indicator is in kronor and never prorated (a cost per
/// participant does not accumulate).
pub fn build_indicator(
    draft: &IndicatorDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Indicator, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.indicators, &meta.id, &mut errors);
    let name = errors.check(Field::Name, required_name(&draft.name));
    if let Some(n) = &name {
        let others = ws.indicators.live().map(|i| (&i.meta.id, i.name.as_str()));
        if name_taken(n, &meta.id, others) {
            errors.push(Field::Name, Problem::DuplicateName);
        }
    }
    let ratio = ratio(draft, ws, &meta.id, &mut errors);
    let is_ratio = !draft.ratio_numerator.trim().is_empty();
    let unit = indicator_unit(draft.unit, draft.computed, is_ratio);
    if let Some(old) = ws.indicators.get(&meta.id) {
        let in_use = ws.targets.live().any(|t| t.indicator == meta.id)
            || ws.outcomes.live().any(|o| o.indicator == meta.id);
        if old.unit != unit && in_use {
            errors.push(Field::Unit, Problem::UnitLocked);
        }
    }
    let definition = errors.check(Field::Description, free_text(&draft.definition));
    let words = |field, text: &str, errors: &mut FormErrors| match unit {
        Unit::Percent => errors.check(field, required_name(text)),
        Unit::Count | Unit::YesNo | Unit::Kronor => errors.check(field, short_text(text)),
    };
    if unit == Unit::YesNo && !draft.dimensions.is_empty() {
        errors.push(Field::Unit, Problem::YesNoBreakdown);
    }
    if unit == Unit::YesNo && draft.prorate {
        errors.push(Field::Unit, Problem::YesNoProrate);
    }
    let numerator = words(Field::Numerator, &draft.numerator, &mut errors);
    let denominator = words(Field::Denominator, &draft.denominator, &mut errors);
    let tolerance = errors.check(Field::Tolerance, tolerance(&draft.tolerance));
    let sentence = errors.check(Field::Sentence, sentence(&draft.sentence, ws));
    let mut dimensions = draft.dimensions.clone();
    crate::core::order::sort_by(&mut dimensions, Ord::cmp);
    dimensions.dedup();
    errors.into_result(|| {
        Some(Indicator {
            meta,
            name: name?,
            unit,
            definition: definition?,
            numerator: numerator?,
            denominator: denominator?,
            direction: draft.direction,
            dimensions,
            tolerance_percent: tolerance?,
            prorate: draft.prorate && unit.accumulates() && draft.computed.is_none() && !is_ratio,
            computed: draft.computed,
            ratio: ratio?,
            sentence: sentence?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::meta;

    #[test]
    fn a_percent_indicator_needs_numerator_and_denominator_in_words() {
        let mut d = IndicatorDraft::empty();
        d.name = "Andel till arbete eller studier".into();
        d.unit = Unit::Percent;
        let e = build_indicator(&d, &Workspace::default(), meta("x")).unwrap_err();
        assert_eq!(e.at(Field::Numerator), Some(&Problem::Required));
        assert_eq!(e.at(Field::Denominator), Some(&Problem::Required));
        d.numerator = "började arbeta eller studera".into();
        d.denominator = "samtliga som avslutade".into();
        assert!(build_indicator(&d, &Workspace::default(), meta("x")).is_ok());
    }

    #[test]
    fn tolerance_must_be_between_zero_and_fifty_percent() {
        let mut d = IndicatorDraft::empty();
        d.name = "Deltagare".into();
        for (text, ok) in [
            ("10", true),
            ("0", true),
            ("50 %", true),
            ("51", false),
            ("-1", false),
            ("", false),
        ] {
            d.tolerance = text.into();
            assert_eq!(
                build_indicator(&d, &Workspace::default(), meta("x")).is_ok(),
                ok,
                "{text}"
            );
        }
    }

    #[test]
    fn a_yes_no_indicator_refuses_breakdowns_and_pro_rata() {
        let mut d = IndicatorDraft::empty();
        d.name = "Minst 12 procent kvinnor bland deltagarna".into();
        d.unit = Unit::YesNo;
        let ok = build_indicator(&d, &Workspace::default(), meta("x")).unwrap();
        assert_eq!(ok.unit, Unit::YesNo);
        d.dimensions = vec![Dimension::Gender];
        let e = build_indicator(&d, &Workspace::default(), meta("x")).unwrap_err();
        assert_eq!(e.at(Field::Unit), Some(&Problem::YesNoBreakdown));
        d.dimensions.clear();
        d.prorate = true;
        let e = build_indicator(&d, &Workspace::default(), meta("x")).unwrap_err();
        assert_eq!(e.at(Field::Unit), Some(&Problem::YesNoProrate));
    }

    #[test]
    fn prorating_applies_only_to_counts_and_kronor() {
        let mut d = IndicatorDraft::empty();
        d.name = "Andel".into();
        d.unit = Unit::Percent;
        d.numerator = "a".into();
        d.denominator = "b".into();
        d.prorate = true;
        assert!(
            !build_indicator(&d, &Workspace::default(), meta("x"))
                .unwrap()
                .prorate
        );
        d.name = "Kostnad".into();
        d.unit = Unit::Kronor;
        let money = build_indicator(&d, &Workspace::default(), meta("y")).unwrap();
        assert!(money.prorate);
        d.unit = Unit::Count;
        assert!(
            build_indicator(&d, &Workspace::default(), meta("z"))
                .unwrap()
                .prorate
        );
    }

    #[test]
    fn a_ratio_divides_an_indicator_in_kronor_by_participants_or_a_count() {
        use crate::core::model::Record;
        let mut ws = Workspace::default();
        let mut cost = IndicatorDraft::empty();
        cost.name = "Kostnad".into();
        cost.unit = Unit::Kronor;
        ws.put(Record::Indicator(
            build_indicator(&cost, &ws, meta("cost")).unwrap(),
        ));
        let mut visits = IndicatorDraft::empty();
        visits.name = "Besök".into();
        ws.put(Record::Indicator(
            build_indicator(&visits, &ws, meta("visits")).unwrap(),
        ));
        let mut d = IndicatorDraft::empty();
        d.name = "Kostnad per deltagare".into();
        d.unit = Unit::Count;
        d.prorate = true;
        d.ratio_numerator = "cost".into();
        let e = build_indicator(&d, &ws, meta("per")).unwrap_err();
        assert_eq!(e.at(Field::RatioDenominator), Some(&Problem::Required));
        d.ratio_denominator = "participants".into();
        let per = build_indicator(&d, &ws, meta("per")).unwrap();
        assert_eq!(per.unit, Unit::Kronor, "a ratio is in kronor");
        assert!(!per.prorate, "a cost per participant does not accumulate");
        assert_eq!(
            per.ratio,
            Some(Ratio {
                numerator: RecordId::parse("cost").unwrap(),
                denominator: Denominator::Participants
            })
        );
        assert_eq!(
            IndicatorDraft::from_indicator(&per).ratio_denominator,
            "participants"
        );
        d.ratio_denominator = "visits".into();
        assert!(build_indicator(&d, &ws, meta("per")).is_ok());
        // The numerator must be in kronor, the denominator a count, and
        // neither the indicator itself.
        d.ratio_denominator = "cost".into();
        let e = build_indicator(&d, &ws, meta("per")).unwrap_err();
        assert_eq!(
            e.at(Field::RatioDenominator),
            Some(&Problem::RatioDenominatorNotCount)
        );
        d.ratio_denominator = "participants".into();
        d.ratio_numerator = "visits".into();
        let e = build_indicator(&d, &ws, meta("per")).unwrap_err();
        assert_eq!(
            e.at(Field::RatioNumerator),
            Some(&Problem::RatioNumeratorNotKronor)
        );
        d.ratio_numerator = "cost".into();
        let e = build_indicator(&d, &ws, meta("cost")).unwrap_err();
        assert_eq!(
            e.at(Field::RatioNumerator),
            Some(&Problem::RatioNumeratorNotKronor)
        );
        d.computed = Some(FlowMeasure::Active);
        let e = build_indicator(&d, &ws, meta("per")).unwrap_err();
        assert_eq!(
            e.at(Field::RatioNumerator),
            Some(&Problem::RatioAndComputed)
        );
    }
}
