//! An indicator's development over time, for its chart: targets and
//! outcomes side by side, answered as on the board.

use super::answer::{answer_in, Figures};
use crate::core::ids::RecordId;
use crate::core::model::{Breakdown, Scope, Target};
use crate::core::order;
use crate::core::period::Period;
use crate::core::value::FigureValue;
use crate::core::workspace::Workspace;

/// One point of an indicator's development over periods.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The period of the point (a target's period when there is one).
    pub period: Period,
    /// The target for the period, if set.
    pub target: Option<FigureValue>,
    /// The outcome, if reported.
    pub outcome: Option<FigureValue>,
    /// The outcome's own period when it covers only part of `period`.
    pub partial_until: Option<Period>,
}

/// An indicator's targets and outcomes for one scope and slice over time:
/// one point per target period (with its outcome or latest report so far),
/// plus one per outcome period that has no target, in chronological order.
pub fn series(
    ws: &Workspace,
    indicator: &RecordId,
    scope: &Scope,
    breakdown: Option<&Breakdown>,
) -> Vec<SeriesPoint> {
    let same = |i: &RecordId, s: &Scope, b: &Option<Breakdown>| {
        i == indicator && s == scope && b.as_ref() == breakdown
    };
    let targets: Vec<&Target> = ws
        .targets
        .live()
        .filter(|t| same(&t.indicator, &t.scope, &t.breakdown))
        .collect();
    let mut points: Vec<SeriesPoint> = Vec::new();
    let mut used: Vec<RecordId> = Vec::new();
    let figures = Figures::new(ws, targets.iter().copied());
    for t in &targets {
        let found = answer_in(&figures, &t.key());
        if let Some(a) = &found {
            used.push(a.outcome.meta.id.clone());
        }
        points.push(SeriesPoint {
            period: t.period,
            target: Some(t.value),
            outcome: found.as_ref().map(|a| a.outcome.value),
            partial_until: found.filter(|a| a.partial).map(|a| a.outcome.period),
        });
    }
    let computed = ws
        .indicators
        .get(indicator)
        .is_some_and(crate::core::model::Indicator::is_computed);
    for o in ws
        .outcomes
        .live()
        .filter(|o| !computed && same(&o.indicator, &o.scope, &o.breakdown))
    {
        if !used.contains(&o.meta.id) {
            points.push(SeriesPoint {
                period: o.period,
                target: None,
                outcome: Some(o.value),
                partial_until: None,
            });
        }
    }
    order::sort_by_key(&mut points, |p| p.period);
    points
}
