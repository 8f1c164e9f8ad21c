//! A new förbund's first hour: the checklist that leads from an empty
//! workspace to a first goal followed up, and the indicators most förbund
//! follow, offered as a starting set.
//!
//! Guarantees: the checklist is read from the workspace alone, so it ticks
//! itself off whichever way a step was done (a form, a CSV, a snapshot) and
//! is the same on every laptop; the starting set goes through the same
//! validation as the indicator form, has fixed ids (laptops that each add it
//! hold the same records), and never offers an indicator whose id the
//! workspace has held (so a deleted one is not brought back) or whose name
//! is taken.

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{Dimension, FlowMeasure, Indicator, Meta};
use crate::core::route::Route;
use crate::core::validate::{build_indicator, IndicatorDraft};
use crate::core::value::Unit;
use crate::core::workspace::Workspace;

/// One step of the first hour, in the order they are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The förbund has a name.
    NameForbund,
    /// At least one member municipality.
    AddMunicipalities,
    /// At least one insats.
    AddInsats,
    /// At least one indicator.
    ChooseIndicators,
    /// At least one target.
    SetTarget,
    /// At least one outcome: typed, or counted from participations or
    /// check-ins at meetings.
    EnterOutcome,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::NameForbund,
        Step::AddMunicipalities,
        Step::AddInsats,
        Step::ChooseIndicators,
        Step::SetTarget,
        Step::EnterOutcome,
    ];

    /// Whether the workspace has done this step.
    pub fn is_done(self, ws: &Workspace) -> bool {
        match self {
            Step::NameForbund => ws.organisation_name().is_some_and(|n| !n.trim().is_empty()),
            Step::AddMunicipalities => ws.municipalities.live_count() > 0,
            Step::AddInsats => ws.insatser.live_count() > 0,
            Step::ChooseIndicators => ws.indicators.live_count() > 0,
            Step::SetTarget => ws.targets.live_count() > 0,
            Step::EnterOutcome => {
                ws.outcomes.live_count() > 0
                    || ws.participations.live_count() > 0
                    || ws.arrivals.live_count() > 0
            }
        }
    }

    /// Where the step is done: the organisation page for the first two,
    /// the insatser, the indicators, and an indicator's own page (where its
    /// targets and outcomes are recorded) for the last two.
    pub fn route(self, ws: &Workspace) -> Route {
        match self {
            Step::NameForbund | Step::AddMunicipalities => Route::Organisation,
            Step::AddInsats => Route::Insatser,
            Step::ChooseIndicators => Route::Indicators,
            Step::SetTarget | Step::EnterOutcome => ws
                .indicators_by_name()
                .first()
                .map_or(Route::Indicators, |i| Route::Indicator(i.meta.id.clone())),
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub step: Step,
    /// Done already.
    pub done: bool,
    /// Where to do it.
    pub route: Route,
}

/// The checklist of `ws`, every step in order with whether it is done.
pub fn checklist(ws: &Workspace) -> Vec<Item> {
    Step::ALL
        .into_iter()
        .map(|step| Item {
            step,
            done: step.is_done(ws),
            route: step.route(ws),
        })
        .collect()
}

/// Whether every step is done (then the checklist is no longer shown).
pub fn is_complete(ws: &Workspace) -> bool {
    Step::ALL.into_iter().all(|s| s.is_done(ws))
}

/// The first step not yet done.
pub fn next_step(ws: &Workspace) -> Option<Step> {
    Step::ALL.into_iter().find(|s| !s.is_done(ws))
}

/// The starting set as form drafts, with the ids they are stored under.
fn standard_drafts() -> Vec<(&'static str, IndicatorDraft)> {
    use Dimension::{Gender, Municipality, Referrer};
    let computed =
        |name: &str, measure: FlowMeasure, definition: &str, dims: &[Dimension]| IndicatorDraft {
            name: name.to_owned(),
            unit: measure.unit(),
            definition: definition.to_owned(),
            dimensions: dims.to_vec(),
            computed: Some(measure),
            ..IndicatorDraft::empty()
        };
    let share = |draft: IndicatorDraft, numerator: &str, denominator: &str| IndicatorDraft {
        numerator: numerator.to_owned(),
        denominator: denominator.to_owned(),
        ..draft
    };
    vec![
        (
            "ind-deltagare",
            computed(
                "Deltagare",
                FlowMeasure::Active,
                "Personer som fått individuellt anpassat stöd under perioden.",
                &[Gender, Municipality],
            ),
        ),
        (
            "ind-nya-deltagare",
            computed(
                "Nya deltagare",
                FlowMeasure::New,
                "Personer som påbörjade en insats under perioden.",
                &[Municipality, Referrer],
            ),
        ),
        (
            "ind-arbete-studier",
            share(
                computed(
                    "Andel till arbete eller studier",
                    FlowMeasure::ShareWorkOrStudies,
                    "Andel av dem som avslutade sitt deltagande som började arbeta eller studera.",
                    &[Gender, Municipality],
                ),
                "började arbeta eller studera",
                "samtliga som avslutade sitt deltagande",
            ),
        ),
        (
            "ind-ordinarie",
            share(
                computed(
                    "Andel till ordinarie insatser",
                    FlowMeasure::ShareOrdinary,
                    "Andel av dem som avslutade sitt deltagande som gick vidare till \
                     Arbetsförmedlingens eller kommunernas ordinarie insatser.",
                    &[Gender, Municipality],
                ),
                "gick vidare till ordinarie insatser",
                "samtliga som avslutade sitt deltagande",
            ),
        ),
        (
            "ind-konsultationer",
            IndicatorDraft {
                name: "Myndighetsgemensamma konsultationer".to_owned(),
                unit: Unit::Count,
                definition: "Personer som fått myndighetsgemensam konsultation, \
                             till exempel via ett resursråd."
                    .to_owned(),
                dimensions: vec![Municipality],
                prorate: true,
                ..IndicatorDraft::empty()
            },
        ),
        (
            "ind-frukostmoten",
            computed(
                "Gäster på frukostmöten",
                FlowMeasure::MeetingAttendance,
                "Deltagare på förbundets frukostmöten och andra möten under perioden.",
                &[Municipality],
            ),
        ),
    ]
}

/// The indicators of the starting set that `ws` can take, as records
/// stamped at `at` by `device` (the write path stamps them anew): those
/// whose id the workspace has never held, whose name no live indicator has,
/// and, for one counted from participations or meetings, whose measure no
/// live indicator counts already.
pub fn standard_indicators(ws: &Workspace, at: Hlc, device: &DeviceId) -> Vec<Indicator> {
    standard_drafts()
        .into_iter()
        .filter_map(|(id, draft)| {
            let id = RecordId::parse(id).ok()?;
            let measured = |i: &Indicator| draft.computed.is_some() && i.computed == draft.computed;
            if ws.indicators.all().any(|i| i.meta.id == id) || ws.indicators.live().any(measured) {
                return None;
            }
            build_indicator(&draft, ws, Meta::new(id, at, device.clone())).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Organisation, Record};
    use crate::core::testing::{meta, percent_indicator, ws_with_municipality};

    fn device() -> DeviceId {
        DeviceId::parse("test").expect("valid")
    }

    fn done(ws: &Workspace) -> Vec<Step> {
        checklist(ws)
            .into_iter()
            .filter(|i| i.done)
            .map(|i| i.step)
            .collect()
    }

    #[test]
    fn an_empty_workspace_starts_at_naming_the_forbund() {
        let ws = Workspace::default();
        assert!(done(&ws).is_empty());
        assert_eq!(next_step(&ws), Some(Step::NameForbund));
        assert!(!is_complete(&ws));
        assert_eq!(
            checklist(&ws)
                .into_iter()
                .map(|i| i.route)
                .collect::<Vec<_>>(),
            vec![
                Route::Organisation,
                Route::Organisation,
                Route::Insatser,
                Route::Indicators,
                Route::Indicators,
                Route::Indicators,
            ]
        );
    }

    #[test]
    fn the_example_data_has_done_every_step() {
        let ws = Workspace::from_records(crate::core::demo::records(Hlc::default(), &device()));
        assert!(is_complete(&ws), "{:?}", checklist(&ws));
        assert_eq!(next_step(&ws), None);
    }

    #[test]
    fn each_step_ticks_off_by_what_the_workspace_holds() {
        let mut ws = Workspace::default();
        let org: Organisation =
            serde_json::from_value(serde_json::json!({"meta": meta("organisation"), "name": "  "}))
                .expect("an organisation");
        ws.put(Record::Organisation(org.clone()));
        assert!(done(&ws).is_empty(), "a blank name is no name");
        ws.put(Record::Organisation(Organisation {
            name: "Samordningsförbundet Östra Södertörn".into(),
            ..org
        }));
        assert_eq!(done(&ws), [Step::NameForbund]);

        let with_municipality = ws_with_municipality("m1", "Haninge");
        for r in with_municipality.records() {
            ws.put(r);
        }
        assert_eq!(next_step(&ws), Some(Step::AddInsats));

        let standard = standard_indicators(&ws, Hlc::default(), &device());
        for i in standard {
            ws.put(Record::Indicator(i));
        }
        assert!(done(&ws).contains(&Step::ChooseIndicators));
        assert!(
            !done(&ws).contains(&Step::AddInsats),
            "steps are independent"
        );
        let first = ws.indicators_by_name()[0].meta.id.clone();
        assert_eq!(Step::SetTarget.route(&ws), Route::Indicator(first));
    }

    #[test]
    fn the_starting_set_is_valid_and_has_fixed_ids() {
        let ws = Workspace::default();
        let set = standard_indicators(&ws, Hlc::default(), &device());
        let names: Vec<&str> = set.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Deltagare",
                "Nya deltagare",
                "Andel till arbete eller studier",
                "Andel till ordinarie insatser",
                "Myndighetsgemensamma konsultationer",
                "Gäster på frukostmöten",
            ]
        );
        let again = standard_indicators(&ws, Hlc::default(), &device());
        assert_eq!(
            set.iter().map(|i| &i.meta.id).collect::<Vec<_>>(),
            again.iter().map(|i| &i.meta.id).collect::<Vec<_>>()
        );
        assert_eq!(
            set[2].computed,
            Some(FlowMeasure::ShareWorkOrStudies),
            "shares are counted from participations, of those who ended"
        );
        assert_eq!(set[2].unit, Unit::Percent);
        assert_eq!(set[2].denominator, "samtliga som avslutade sitt deltagande");
        assert!(set[4].computed.is_none() && set[4].prorate);
    }

    #[test]
    fn the_starting_set_is_offered_only_for_what_is_missing() {
        let mut ws = Workspace::default();
        ws.put(Record::Indicator(percent_indicator(
            "mine",
            "Deltagare",
            &[],
        )));
        let set = standard_indicators(&ws, Hlc::default(), &device());
        assert_eq!(set.len(), 5, "a name already taken is skipped");
        assert!(set.iter().all(|i| i.name != "Deltagare"));
        let mut counted = percent_indicator("counted", "Andel som fick jobb", &[]);
        counted.computed = Some(FlowMeasure::ShareWorkOrStudies);
        let mut with_counted = ws.clone();
        with_counted.put(Record::Indicator(counted));
        assert!(
            standard_indicators(&with_counted, Hlc::default(), &device())
                .iter()
                .all(|i| i.computed != Some(FlowMeasure::ShareWorkOrStudies)),
            "a measure already counted under another name is skipped"
        );
        let mut deleted = set[0].clone();
        for i in set {
            ws.put(Record::Indicator(i));
        }
        assert!(standard_indicators(&ws, Hlc::default(), &device()).is_empty());
        deleted.meta.deleted = true;
        deleted.meta.stamp.hlc = Hlc {
            millis: 5,
            counter: 0,
        };
        ws.put(Record::Indicator(deleted));
        assert!(
            standard_indicators(&ws, Hlc::default(), &device()).is_empty(),
            "a deleted indicator of the set is not brought back"
        );
    }
}
