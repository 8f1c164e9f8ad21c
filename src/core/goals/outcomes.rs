//! Outcomes shown without a target on the board: the figures a förbund
//! reports beside its goals, and an indicator's broken-down outcomes,
//! grouped as total and slices.

use super::answer::Subject;
use super::focus::{in_focus, scope_rank, Focus};
use crate::core::ids::RecordId;
use crate::core::model::{Indicator, Outcome, Scope};
use crate::core::order;
use crate::core::period::Period;
use crate::core::workspace::Workspace;
use std::collections::BTreeMap;

/// The broken-down outcomes (by municipality, gender, …) of one indicator
/// for one scope reported for periods overlapping `period`.
pub fn breakdown_groups(
    ws: &Workspace,
    period: &Period,
    indicator: &RecordId,
    scope: &Scope,
) -> Vec<OutcomeGroup> {
    let outcomes: Vec<&Outcome> = ws
        .outcomes
        .live()
        .filter(|o| {
            &o.indicator == indicator
                && &o.scope == scope
                && o.breakdown.is_some()
                && o.period.overlaps(period)
        })
        .collect();
    group_outcomes(ws, outcomes)
}

/// Outcomes of one indicator, scope and period: the total and its slices.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeGroup {
    pub indicator: Indicator,
    pub scope: Scope,
    pub period: Period,
    /// The total, if reported.
    pub total: Option<Outcome>,
    /// Reported slices (by municipality, gender, …), in breakdown order.
    pub slices: Vec<Outcome>,
}

impl OutcomeGroup {
    /// The group's notes without repeats, the total's first: slices
    /// reported together usually share their source.
    pub fn notes(&self) -> Vec<&str> {
        let mut notes: Vec<&str> = Vec::new();
        for o in self.total.iter().chain(self.slices.iter()) {
            let n = o.note.trim();
            if !n.is_empty() && !notes.contains(&n) {
                notes.push(n);
            }
        }
        notes
    }
}

/// Outcomes in focus overlapping `period` that no target on the board uses:
/// the figures a förbund reports without a goal ("634 nya deltagare").
pub fn untargeted_outcomes(ws: &Workspace, period: &Period, focus: &Focus) -> Vec<OutcomeGroup> {
    let mut targets: BTreeMap<Subject<'_>, Vec<Period>> = BTreeMap::new();
    for t in ws.targets.live() {
        targets
            .entry((&t.indicator, &t.scope, t.breakdown.as_ref()))
            .or_default()
            .push(t.period);
    }
    let targeted = |o: &Outcome| {
        targets
            .get(&(&o.indicator, &o.scope, o.breakdown.as_ref()))
            .is_some_and(|periods| {
                periods
                    .iter()
                    .any(|p| *p == o.period || p.has_partial(&o.period))
            })
    };
    // A computed indicator's typed outcomes are never shown: its figures
    // come from participations only.
    let typed = |o: &Outcome| {
        ws.indicators
            .get(&o.indicator)
            .is_none_or(|i| !i.is_computed())
    };
    let chosen: Vec<&Outcome> = ws
        .outcomes
        .live()
        .filter(|o| {
            typed(o) && o.period.overlaps(period) && in_focus(ws, focus, &o.scope) && !targeted(o)
        })
        .collect();
    group_outcomes(ws, chosen)
}

/// Groups outcomes by indicator, scope and period, ordered like the board.
pub fn group_outcomes(ws: &Workspace, outcomes: Vec<&Outcome>) -> Vec<OutcomeGroup> {
    let mut groups: Vec<OutcomeGroup> = Vec::new();
    for o in outcomes {
        let Some(indicator) = ws.indicators.get(&o.indicator) else {
            continue;
        };
        let pos = groups.iter().position(|g| {
            g.indicator.meta.id == o.indicator && g.scope == o.scope && g.period == o.period
        });
        let group = match pos.and_then(|p| groups.get_mut(p)) {
            Some(g) => g,
            None => {
                groups.push(OutcomeGroup {
                    indicator: indicator.clone(),
                    scope: o.scope.clone(),
                    period: o.period,
                    total: None,
                    slices: Vec::new(),
                });
                match groups.last_mut() {
                    Some(g) => g,
                    None => continue,
                }
            }
        };
        match o.breakdown {
            None => group.total = Some(o.clone()),
            Some(_) => group.slices.push(o.clone()),
        }
    }
    for g in &mut groups {
        order::sort_by(&mut g.slices, |a, b| a.breakdown.cmp(&b.breakdown));
    }
    order::sort_by_key(&mut groups, |g| {
        (
            scope_rank(&g.scope),
            order::sort_key(ws.scope_name(&g.scope).unwrap_or("")),
            order::sort_key(&g.indicator.name),
            g.period,
        )
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_groups_notes_are_listed_once_each() {
        let ws = crate::core::demo::workspace();
        let groups = untargeted_outcomes(&ws, &Period::year(2017).unwrap(), &Focus::All);
        let shares = groups
            .iter()
            .find(|g| g.indicator.name == "Fördelning av nya deltagare")
            .unwrap();
        let notes = shares.notes();
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes.iter().any(|n| n.starts_with("Motsvarar 102")));
        assert!(notes
            .iter()
            .any(|n| n.starts_with("Påhittad siffra i exempeldata")));
    }
}
