//! The participant flow of one scope and period, ready to show to others:
//! every measure and every breakdown with small numbers protected.
//!
//! Guarantees: the view, the projector and the CSV export show the same
//! figures, because all three take them from [`flow_report`]; nothing in it
//! is an unprotected count of fewer people than the threshold.

use super::counts::{of_one, FlowCounts, Share};
use super::protect::{protect_breakdown, protect_count, protect_share, Shown};
use crate::core::ids::RecordId;
use crate::core::model::{
    AgeBand, Breakdown, Dimension, FlowMeasure, Gender, Participation, Referrer, Scope,
};
use crate::core::order::sort_key;
use crate::core::period::Period;
use crate::core::workspace::Workspace;
use std::collections::BTreeMap;

/// One slice of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceRow {
    /// Which slice.
    pub slice: Breakdown,
    /// Active participants in it.
    pub active: Shown,
    /// New participants in it.
    pub new: Shown,
    /// Its share of all new participants ("23 % Nynäshamn").
    pub share_of_new: Shown,
    /// Ended participants in it.
    pub ended: Shown,
    /// The share of its ended who went to work or studies.
    pub work_or_studies: Shown,
}

/// A breakdown by one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownTable {
    pub dimension: Dimension,
    /// Its slices in display order.
    pub rows: Vec<SliceRow>,
}

/// Everything the flow view shows for one scope and period.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowReport {
    /// Each measure for the whole scope.
    pub measures: Vec<(FlowMeasure, Shown)>,
    /// Breakdowns by gender, municipality, referrer and age band.
    pub tables: Vec<BreakdownTable>,
    /// Whether protection removed anything (the view then adds its note).
    pub protected: bool,
    /// The counts behind the measures (for the owner's own checks; never
    /// shown to others).
    pub counts: FlowCounts,
}

/// The dimensions a flow report breaks down by, in display order.
pub const REPORT_DIMENSIONS: [Dimension; 4] = [
    Dimension::Gender,
    Dimension::Municipality,
    Dimension::Referrer,
    Dimension::AgeBand,
];

/// The insatser of `scope` (deleted ones too, whose participations are
/// gone anyway); `None` for the whole förbund.
pub fn insatser_in_scope(ws: &Workspace, scope: &Scope) -> Option<Vec<RecordId>> {
    match scope {
        Scope::Forbund => None,
        Scope::Insats(id) => Some(vec![id.clone()]),
        Scope::Project(root) => {
            let family = ws.project_family(root);
            Some(
                ws.insatser
                    .all()
                    .filter(|i| i.project.as_ref().is_some_and(|p| family.contains(p)))
                    .map(|i| i.meta.id.clone())
                    .collect(),
            )
        }
    }
}

/// The live participations of insatser in `scope`.
pub fn in_scope<'a>(ws: &'a Workspace, scope: &Scope) -> Vec<&'a Participation> {
    let insatser = insatser_in_scope(ws, scope);
    ws.participations
        .live()
        .filter(|p| insatser.as_ref().is_none_or(|ids| ids.contains(&p.insats)))
        .collect()
}

/// The newest `limit` of `ps`, newest first (by start date, then code):
/// what a list of participations shows. Only the rows kept are sorted, so a
/// förbund with many participations stays quick.
pub fn newest_first(mut ps: Vec<&Participation>, limit: usize) -> Vec<&Participation> {
    let newest =
        |a: &&Participation, b: &&Participation| (b.start, &b.code).cmp(&(a.start, &a.code));
    if ps.len() > limit {
        ps.select_nth_unstable_by(limit, newest);
        ps.truncate(limit);
    }
    crate::core::order::sort_by(&mut ps, newest);
    ps
}

/// The years in which any participation of `ps` was active, oldest first
/// (the periods worth offering in the view).
pub fn active_years(ps: &[&Participation], today: chrono::NaiveDate) -> Vec<i32> {
    use chrono::Datelike;
    let mut years = std::collections::BTreeSet::new();
    for p in ps {
        let last = p.end.unwrap_or(today).max(p.start).year();
        for y in p.start.year()..=last.min(p.start.year() + 50) {
            years.insert(y);
        }
    }
    years.into_iter().collect()
}

/// The year the flow view opens on: the latest year up to `today` in which
/// someone started or ended (a year where people only carry on is rarely
/// the one asked about).
pub fn latest_event_year(ps: &[&Participation], today: chrono::NaiveDate) -> Option<i32> {
    use chrono::Datelike;
    ps.iter()
        .flat_map(|p| std::iter::once(p.start).chain(p.end))
        .filter(|d| *d <= today)
        .map(|d| d.year())
        .max()
}

/// The flow of `scope` in `period`, protected with `threshold`.
pub fn flow_report(ws: &Workspace, scope: &Scope, period: &Period, threshold: u64) -> FlowReport {
    let ps = in_scope(ws, scope);
    let category = |id: &RecordId| ws.end_statuses.get_any(id).map(|s| s.category);
    // One pass over the participations fills the total and every slice;
    // the slices of the fixed categories are arrays indexed by the enum.
    let mut counts = FlowCounts::default();
    let mut by_gender = [FlowCounts::default(); Gender::ALL.len()];
    let mut by_referrer = [FlowCounts::default(); Referrer::ALL.len()];
    let mut by_age = [FlowCounts::default(); AgeBand::ALL.len()];
    let mut by_municipality: BTreeMap<&RecordId, FlowCounts> = BTreeMap::new();
    for p in &ps {
        let c = of_one(p, period, &category);
        if c.is_zero() {
            continue;
        }
        counts += c;
        by_gender[p.gender as usize] += c;
        by_referrer[p.referrer as usize] += c;
        by_age[p.age_band as usize] += c;
        if let Some(m) = &p.municipality {
            *by_municipality.entry(m).or_default() += c;
        }
    }
    let measures: Vec<(FlowMeasure, Shown)> = FlowMeasure::ALL
        .into_iter()
        .map(|m| {
            let shown = match m.of(&counts) {
                Ok(n) => protect_count(n, threshold),
                Err(share) => protect_share(share, threshold),
            };
            (m, shown)
        })
        .collect();
    let tables: Vec<BreakdownTable> = REPORT_DIMENSIONS
        .into_iter()
        .map(|dimension| {
            let mut slices: Vec<(Breakdown, FlowCounts)> = match dimension {
                Dimension::Gender => Gender::ALL
                    .iter()
                    .map(|g| (Breakdown::Gender(*g), by_gender[*g as usize]))
                    .collect(),
                Dimension::Referrer => Referrer::ALL
                    .iter()
                    .map(|r| (Breakdown::Referrer(*r), by_referrer[*r as usize]))
                    .collect(),
                Dimension::AgeBand => AgeBand::ALL
                    .iter()
                    .map(|a| (Breakdown::AgeBand(*a), by_age[*a as usize]))
                    .collect(),
                _ => {
                    let mut named: Vec<(String, Breakdown, FlowCounts)> = by_municipality
                        .iter()
                        .map(|(id, c)| {
                            let name = ws
                                .municipalities
                                .get_any(id)
                                .map(|m| sort_key(&m.name))
                                .unwrap_or_default();
                            (name, Breakdown::Municipality((*id).clone()), *c)
                        })
                        .collect();
                    named.sort_by(|a, b| a.0.cmp(&b.0));
                    named.into_iter().map(|(_, b, c)| (b, c)).collect()
                }
            };
            slices.retain(|(_, c)| c.active > 0);
            let column = |f: fn(&FlowCounts) -> u64| {
                let values: Vec<u64> = slices.iter().map(|(_, c)| f(c)).collect();
                protect_breakdown(&values, true, threshold)
            };
            let (active, new, ended) =
                (column(|c| c.active), column(|c| c.new), column(|c| c.ended));
            let rows = slices
                .iter()
                .enumerate()
                .map(|(i, (slice, c))| {
                    let share_of_new = if new[i].is_protected() {
                        Shown::Hidden
                    } else {
                        protect_share(
                            Share {
                                part: c.new,
                                whole: counts.new,
                            },
                            threshold,
                        )
                    };
                    SliceRow {
                        slice: slice.clone(),
                        active: active[i],
                        new: new[i],
                        share_of_new,
                        ended: ended[i],
                        work_or_studies: protect_share(
                            Share {
                                part: c.work_or_studies,
                                whole: c.ended,
                            },
                            threshold,
                        ),
                    }
                })
                .collect();
            BreakdownTable { dimension, rows }
        })
        .collect();
    let protected = measures.iter().any(|(_, s)| s.is_protected())
        || tables.iter().flat_map(|t| &t.rows).any(|r| {
            [r.active, r.new, r.share_of_new, r.ended, r.work_or_studies]
                .iter()
                .any(|s| s.is_protected())
        });
    FlowReport {
        measures,
        tables,
        protected,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::model::Gender;

    fn ws() -> Workspace {
        demo::workspace()
    }

    #[test]
    fn the_newest_participations_come_first_and_only_as_many_as_asked() {
        let ws = ws();
        let all = in_scope(&ws, &Scope::Forbund);
        let mut expected: Vec<(chrono::NaiveDate, String)> =
            all.iter().map(|p| (p.start, p.code.clone())).collect();
        expected.sort();
        expected.reverse();
        expected.truncate(5);
        let shown: Vec<(chrono::NaiveDate, String)> = newest_first(all.clone(), 5)
            .iter()
            .map(|p| (p.start, p.code.clone()))
            .collect();
        assert_eq!(shown, expected);
        assert_eq!(newest_first(all.clone(), usize::MAX).len(), all.len());
    }

    #[test]
    fn the_forbund_in_2017_shows_the_newsletter_figures() {
        let ws = ws();
        let r = flow_report(&ws, &Scope::Forbund, &Period::year(2017).unwrap(), 3);
        let get = |m| r.measures.iter().find(|(x, _)| *x == m).unwrap().1;
        assert_eq!(get(FlowMeasure::Active), Shown::Count(927));
        assert_eq!(get(FlowMeasure::New), Shown::Count(634));
        let Shown::Share(women) = get(FlowMeasure::ShareWomen) else {
            panic!("share of women shown")
        };
        assert_eq!(women.tenths() / 10, 43);
        let gender = &r.tables[0];
        assert_eq!(gender.dimension, Dimension::Gender);
        assert_eq!(gender.rows[0].slice, Breakdown::Gender(Gender::Woman));
        let municipalities = &r.tables[1];
        assert_eq!(municipalities.rows.len(), 3);
        let shares: Vec<Shown> = municipalities.rows.iter().map(|r| r.share_of_new).collect();
        assert!(shares.iter().all(|s| matches!(s, Shown::Share(_))));
    }

    #[test]
    fn the_view_opens_on_the_last_year_anyone_started_or_ended() {
        let ws = ws();
        let ps = in_scope(&ws, &Scope::Forbund);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(latest_event_year(&ps, today), Some(2018));
        assert!(active_years(&ps, today).contains(&2026), "some carry on");
    }

    #[test]
    fn the_one_pass_report_counts_as_the_breakdowns_do() {
        let ws = ws();
        let period = Period::half(2018, 1).unwrap();
        let r = flow_report(&ws, &Scope::Forbund, &period, 1);
        let category = |id: &RecordId| ws.end_statuses.get_any(id).map(|s| s.category);
        let provider = |_: &RecordId| None;
        for table in &r.tables {
            let expected = crate::core::participants::breakdown(
                ws.participations.live(),
                &period,
                table.dimension,
                &category,
                &provider,
            );
            let wanted: Vec<(Breakdown, Shown, Shown)> = expected
                .iter()
                .filter(|(_, c)| c.active > 0)
                .map(|(b, c)| (b.clone(), Shown::Count(c.active), Shown::Count(c.new)))
                .collect();
            let mut got: Vec<(Breakdown, Shown, Shown)> = table
                .rows
                .iter()
                .map(|row| (row.slice.clone(), row.active, row.new))
                .collect();
            got.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(got, wanted, "{:?}", table.dimension);
        }
    }

    #[test]
    fn one_insats_with_few_participants_is_protected() {
        let ws = ws();
        // The insats with the fewest participations in 2017.
        let period = Period::year(2017).unwrap();
        let smallest = ws
            .insatser
            .live()
            .map(|i| {
                let scope = Scope::Insats(i.meta.id.clone());
                (flow_report(&ws, &scope, &period, 3), scope)
            })
            .filter(|(r, _)| r.counts.active > 0)
            .min_by_key(|(r, _)| r.counts.active)
            .unwrap();
        let (r, _) = smallest;
        // Whatever its size, no shown count is under the threshold.
        for t in &r.tables {
            for row in &t.rows {
                for s in [row.active, row.new, row.ended] {
                    if let Shown::Count(n) = s {
                        assert!(n == 0 || n >= 3);
                    }
                }
            }
        }
        let high = flow_report(&ws, &Scope::Forbund, &period, 1000);
        assert!(high.protected, "a high threshold hides the slices");
    }
}
