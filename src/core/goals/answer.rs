//! Which outcome answers which target. Kept apart from the board so that
//! series, reports and the board share one rule for exact, "so far" and
//! computed outcomes.

use crate::core::ids::RecordId;
use crate::core::model::{Breakdown, FigureKey, Outcome, Scope, Target};
use crate::core::participants::CountBook;
use crate::core::workspace::Workspace;
use std::collections::BTreeMap;

/// The outcome that answers a target, and whether it covers only the first
/// part of the target's period.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The outcome: a stored record, or one computed from participations.
    pub outcome: Outcome,
    /// True when the outcome's period is a leading part of the target's.
    pub partial: bool,
}

/// Finds the outcome for a target key. For an indicator computed from
/// participations, the count for exactly the key (typed outcomes are not
/// mixed in); for a ratio indicator, the ratio of the figures it names
/// (`core::economy`); otherwise the typed outcome with exactly the same key, or else
/// the latest report "so far" (same start, earlier end).
pub fn answer(ws: &Workspace, key: &FigureKey) -> Option<Answer> {
    answer_in(&Figures::empty(ws), key)
}

/// What a figure is about: indicator, scope and slice (every period).
pub(super) type Subject<'a> = (&'a RecordId, &'a Scope, Option<&'a Breakdown>);

/// What answers many targets at once: the participation counts of their
/// periods (one pass for all computed figures) and the typed outcomes by
/// subject (one pass instead of one per target).
pub struct Figures<'a> {
    counts: CountBook<'a>,
    /// Live typed outcomes by subject, in id order; `None` in a book made
    /// for one figure, which then looks through all of them.
    outcomes: Option<BTreeMap<Subject<'a>, Vec<&'a Outcome>>>,
}

impl<'a> Figures<'a> {
    /// For one figure: counts and looks it up on its own.
    pub fn empty(ws: &'a Workspace) -> Figures<'a> {
        Figures {
            counts: CountBook::empty(ws),
            outcomes: None,
        }
    }

    /// For answering `targets` (and anything else, more slowly).
    pub fn new<'t>(
        ws: &'a Workspace,
        targets: impl IntoIterator<Item = &'t Target>,
    ) -> Figures<'a> {
        let mut outcomes: BTreeMap<Subject<'a>, Vec<&'a Outcome>> = BTreeMap::new();
        for o in ws.outcomes.live() {
            outcomes
                .entry((&o.indicator, &o.scope, o.breakdown.as_ref()))
                .or_default()
                .push(o);
        }
        Figures {
            counts: book_for(ws, targets),
            outcomes: Some(outcomes),
        }
    }

    /// The participation counts, which small-number protection reuses so
    /// the board counts them once.
    pub fn counts(&self) -> &CountBook<'a> {
        &self.counts
    }

    /// The live typed outcomes about `key`'s subject, in id order.
    fn about<'k>(&'k self, key: &'k FigureKey) -> Box<dyn Iterator<Item = &'a Outcome> + 'k> {
        match &self.outcomes {
            Some(index) => Box::new(
                index
                    .get(&(&key.indicator, &key.scope, key.breakdown.as_ref()))
                    .into_iter()
                    .flatten()
                    .copied(),
            ),
            None => Box::new(self.counts.workspace().outcomes.live().filter(|o| {
                o.indicator == key.indicator && o.scope == key.scope && o.breakdown == key.breakdown
            })),
        }
    }
}

/// [`answer`] with figures taken from `figures`.
pub fn answer_in(figures: &Figures<'_>, key: &FigureKey) -> Option<Answer> {
    let ws = figures.counts.workspace();
    if let Some(indicator) = ws
        .indicators
        .get(&key.indicator)
        .filter(|i| i.ratio.is_some())
    {
        // Computed from other figures; typed outcomes are not mixed in.
        return crate::core::economy::ratio_answer(figures, indicator, key);
    }
    if let Some(indicator) = ws
        .indicators
        .get(&key.indicator)
        .filter(|i| i.computed.is_some())
    {
        return crate::core::participants::computed_outcome_in(&figures.counts, indicator, key)
            .map(|outcome| Answer {
                outcome,
                partial: false,
            });
    }
    if let Some(exact) = figures.about(key).find(|o| o.period == key.period) {
        return Some(Answer {
            outcome: exact.clone(),
            partial: false,
        });
    }
    figures
        .about(key)
        .filter(|o| key.period.has_partial(&o.period))
        .max_by_key(|o| o.period.end())
        .map(|o| Answer {
            outcome: o.clone(),
            partial: true,
        })
}

/// A book of participation counts for the periods of those `targets` whose
/// indicator is computed from participations: one pass over them answers
/// every such target.
pub fn book_for<'a, 't>(
    ws: &'a Workspace,
    targets: impl IntoIterator<Item = &'t Target>,
) -> CountBook<'a> {
    let computed = |t: &&Target| {
        ws.indicators
            .get(&t.indicator)
            .and_then(|i| i.computed)
            .is_some_and(|m| !m.is_meetings())
    };
    CountBook::new(ws, targets.into_iter().filter(computed).map(|t| t.period))
}
