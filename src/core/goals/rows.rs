//! The rows of the overview board and of an indicator's page, with
//! small-number protection applied to outcomes counted from participations.

use super::answer::{answer_in, Figures};
use super::focus::{in_focus, scope_rank, Focus};
use super::status::{goal_status, prorated, GoalStatus};
use crate::core::ids::RecordId;
use crate::core::model::{Comment, FigureKey, Forecast, Indicator, Outcome, Scope, Target};
use crate::core::order;
use crate::core::period::Period;
use crate::core::value::FigureValue;
use crate::core::workspace::Workspace;

/// One line of the overview board: a target and how its outcome stands.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    pub target: Target,
    pub indicator: Indicator,
    /// The answering outcome, if any has been reported.
    pub outcome: Option<Outcome>,
    /// Whether the outcome covers only the first part of the period.
    pub partial: bool,
    /// The pro-rata share of the target for a partial count report.
    pub expected: Option<FigureValue>,
    /// Status against the target, or the pro-rata target when given.
    pub status: Option<GoalStatus>,
    /// For an outcome computed from participations that small-number
    /// protection hides: what may be shown instead ("<3" or "–"). The
    /// outcome and status are then left out, since they would reveal it.
    pub protected: Option<crate::core::participants::Shown>,
    /// The forecast made for the target's whole period, if any.
    pub forecast: Option<Forecast>,
    /// The comment written on the target for the period the rows were
    /// built for (the board's or the report's), if any.
    pub comment: Option<Comment>,
}

impl GoalRow {
    /// What the outcome is compared with: the pro-rata value or the target.
    pub fn compared_to(&self) -> FigureValue {
        self.expected.unwrap_or(self.target.value)
    }
}

/// The row for one target, its figures looked up on their own; the board
/// builds many rows with [`goal_row_in`] and one [`Figures`] instead.
pub fn goal_row(ws: &Workspace, target: &Target) -> Option<GoalRow> {
    goal_row_in(&Figures::empty(ws), target)
}

/// [`goal_row`] with figures taken from `figures`.
pub fn goal_row_in(figures: &Figures<'_>, target: &Target) -> Option<GoalRow> {
    let ws = figures.counts().workspace();
    let indicator = ws.indicators.get(&target.indicator)?;
    let found = answer_in(figures, &target.key());
    let partial = found.as_ref().is_some_and(|a| a.partial);
    let outcome = found.map(|a| a.outcome);
    let expected = match &outcome {
        Some(o) if partial && indicator.prorate => {
            prorated(target.value, &o.period, &target.period)
        }
        _ => None,
    };
    let status = outcome.as_ref().and_then(|o| {
        (o.value.unit() == target.value.unit()).then(|| {
            goal_status(
                indicator.direction,
                indicator.tolerance_percent,
                expected.unwrap_or(target.value),
                o.value,
            )
        })
    });
    Some(GoalRow {
        target: target.clone(),
        indicator: indicator.clone(),
        outcome,
        partial,
        expected,
        status,
        protected: None,
        forecast: forecast_of(ws, &target.key()).cloned(),
        comment: None,
    })
}

/// The live forecast for a key: a target's whole period.
pub fn forecast_of<'w>(ws: &'w Workspace, key: &FigureKey) -> Option<&'w Forecast> {
    ws.forecasts
        .live()
        .find(|f| f.period == key.period && about(key, &f.indicator, &f.scope, &f.breakdown))
}

/// The live comment on the target `key` written for `period` (a comment's
/// own period is the period reported on, not the target's).
pub fn comment_of<'w>(ws: &'w Workspace, key: &FigureKey, period: &Period) -> Option<&'w Comment> {
    ws.comments
        .live()
        .find(|c| c.period == *period && about(key, &c.indicator, &c.scope, &c.breakdown))
}

/// The live target a comment with `key` is written on: the one with its
/// indicator, scope and slice that applies during the comment's period
/// (the period reported on).
pub fn target_of_comment<'w>(ws: &'w Workspace, key: &FigureKey) -> Option<&'w Target> {
    ws.targets.live().find(|t| {
        t.period.overlaps(&key.period) && about(key, &t.indicator, &t.scope, &t.breakdown)
    })
}

/// Whether a record is about `key`'s indicator, scope and slice, whatever
/// its period; compared field by field so that no key is cloned per record.
fn about(
    key: &FigureKey,
    indicator: &RecordId,
    scope: &Scope,
    breakdown: &Option<crate::core::model::Breakdown>,
) -> bool {
    key.indicator == *indicator && key.scope == *scope && key.breakdown == *breakdown
}

/// Applies small-number protection to board rows whose outcome is computed
/// from participations: a hidden count or share takes the outcome, the
/// gap and the status with it.
pub fn protect_rows(ws: &Workspace, rows: &mut [GoalRow], threshold: u64) {
    let targets: Vec<Target> = rows.iter().map(|r| r.target.clone()).collect();
    protect_rows_in(&Figures::new(ws, &targets), rows, threshold);
}

/// [`protect_rows`] with the figures taken from `figures`.
fn protect_rows_in(figures: &Figures<'_>, rows: &mut [GoalRow], threshold: u64) {
    for row in rows.iter_mut().filter(|r| r.indicator.is_computed()) {
        let shown = if row.indicator.ratio.is_some() {
            crate::core::economy::ratio_shown(figures, &row.indicator, &row.target.key(), threshold)
        } else {
            crate::core::participants::computed_shown_in(
                figures.counts(),
                &row.indicator,
                &row.target.key(),
                threshold,
            )
        };
        if let Some(s) = shown.filter(|s| s.is_protected()) {
            row.protected = Some(s);
            row.outcome = None;
            row.status = None;
            row.expected = None;
        }
    }
}

/// The rows of `targets` as seen in `period`, all answered from one
/// [`Figures`], which is returned too so that protection can reuse its
/// counts; each row carries the comment written for `period`.
fn rows_for<'a>(
    ws: &'a Workspace,
    targets: impl IntoIterator<Item = &'a Target>,
    period: &Period,
) -> (Figures<'a>, Vec<GoalRow>) {
    let targets: Vec<&Target> = targets.into_iter().collect();
    let figures = Figures::new(ws, targets.iter().copied());
    let rows = targets
        .into_iter()
        .filter_map(|t| {
            let mut row = goal_row_in(&figures, t)?;
            row.comment = comment_of(ws, &t.key(), period).cloned();
            Some(row)
        })
        .collect();
    (figures, rows)
}

/// The board rows of one indicator for one scope (its total and any
/// slices) whose targets apply during `period`, in slice and period order.
pub fn indicator_rows(
    ws: &Workspace,
    period: &Period,
    indicator: &RecordId,
    scope: &Scope,
) -> Vec<GoalRow> {
    let targets = ws
        .targets
        .live()
        .filter(|t| &t.indicator == indicator && &t.scope == scope && t.period.overlaps(period));
    let (_, mut rows) = rows_for(ws, targets, period);
    order::sort_by_key(&mut rows, |r| (r.target.breakdown.clone(), r.target.period));
    rows
}

/// The board: every target whose period overlaps `period` and whose scope is
/// in focus, grouped förbund → projects → insatser, then by indicator name.
pub fn goal_rows(ws: &Workspace, period: &Period, focus: &Focus) -> Vec<GoalRow> {
    board_rows(ws, period, focus, None)
}

/// [`goal_rows`] with small-number protection at `threshold` applied as by
/// [`protect_rows`], counting the participations once for both.
pub fn protected_goal_rows(
    ws: &Workspace,
    period: &Period,
    focus: &Focus,
    threshold: u64,
) -> Vec<GoalRow> {
    board_rows(ws, period, focus, Some(threshold))
}

fn board_rows(
    ws: &Workspace,
    period: &Period,
    focus: &Focus,
    protect: Option<u64>,
) -> Vec<GoalRow> {
    let targets = ws
        .targets
        .live()
        .filter(|t| t.period.overlaps(period) && in_focus(ws, focus, &t.scope));
    let (figures, mut rows) = rows_for(ws, targets, period);
    if let Some(threshold) = protect {
        protect_rows_in(&figures, &mut rows, threshold);
    }
    order::sort_by_key(&mut rows, |r| {
        (
            scope_rank(&r.target.scope),
            order::sort_key(ws.scope_name(&r.target.scope).unwrap_or("")),
            order::sort_key(&r.indicator.name),
            r.target.breakdown.clone(),
            r.target.period,
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::goals::{breakdown_groups, untargeted_outcomes};
    use crate::core::value::{Count, Percent};

    #[test]
    fn the_board_reads_no_table_outside_its_declared_reads() {
        use crate::core::chart_specs::{board_chart_of, BoardChart};
        use crate::core::goals::{years_with_targets, Focus, READS};
        use crate::core::testing::assert_reads_only;
        let periods = [
            Period::year(2017).unwrap(),
            Period::year(2018).unwrap(),
            "2018-T2".parse::<Period>().unwrap(),
        ];
        let foci = [
            Focus::All,
            Focus::Project(RecordId::parse("demo-ungdom").unwrap()),
        ];
        for period in &periods {
            for focus in &foci {
                assert_reads_only(READS, |w| protected_goal_rows(w, period, focus, 3));
                assert_reads_only(READS, |w| untargeted_outcomes(w, period, focus));
                assert_reads_only(READS, |w| {
                    let rows = protected_goal_rows(w, period, focus, 3);
                    BoardChart::ALL.map(|c| {
                        let chart = board_chart_of(
                            w,
                            &rows,
                            c,
                            String::new(),
                            "c",
                            &crate::core::testing::chart_words(),
                        );
                        crate::core::chart::bullet_chart_svg(&chart)
                    })
                });
            }
        }
        assert_reads_only(READS, years_with_targets);
    }

    #[test]
    fn one_indicators_rows_and_breakdowns_for_a_scope() {
        let ws = crate::core::demo::workspace();
        let youth = Scope::Project(RecordId::parse("demo-ungdom").unwrap());
        let y2018 = Period::year(2018).unwrap();
        let share = RecordId::parse("demo-ind-arbete").unwrap();
        let rows = indicator_rows(&ws, &y2018, &share, &youth);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].outcome.as_ref().map(|o| o.value),
            Some(FigureValue::Percent(Percent::from_whole(64).unwrap()))
        );
        let own = RecordId::parse("demo-ind-egen").unwrap();
        let groups = breakdown_groups(&ws, &y2018, &own, &youth);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].slices.len(), 3);
        assert_eq!(
            Focus::from(&youth),
            Focus::Project(RecordId::parse("demo-ungdom").unwrap())
        );
    }

    #[test]
    fn a_row_carries_its_targets_forecast_and_the_comment_for_the_boards_period() {
        let ws = crate::core::demo::workspace();
        let t2 = Period::tertial(2018, 2).unwrap();
        let rows = goal_rows(&ws, &t2, &Focus::All);
        let row = |target: &str| {
            rows.iter()
                .find(|r| r.target.meta.id.as_str() == target)
                .unwrap()
        };
        let work = row("demo-t-mia-os-arbete");
        let comment = work.comment.as_ref().expect("the delår's comment");
        assert!(comment.happened.contains("15 procent"));
        assert!(work.forecast.is_none());
        let esf = row("demo-t-esf-mia");
        assert_eq!(
            esf.forecast.as_ref().map(|f| f.value),
            Some(FigureValue::Kronor(
                crate::core::value::Kronor::new(96_000_000).unwrap()
            ))
        );
        assert!(esf.comment.is_none());
        // The same target seen for the year has no comment of its own.
        let year = goal_rows(&ws, &Period::year(2018).unwrap(), &Focus::All);
        let work = year
            .iter()
            .find(|r| r.target.meta.id.as_str() == "demo-t-mia-os-arbete")
            .unwrap();
        assert!(work.comment.is_none());
        // A deleted comment is no longer shown.
        let mut ws = ws;
        let mut gone = ws.comments.live().next().unwrap().clone();
        gone.meta.deleted = true;
        gone.meta.stamp.hlc = gone.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(crate::core::model::Record::Comment(gone));
        assert!(goal_rows(&ws, &t2, &Focus::All)
            .iter()
            .all(|r| r.comment.is_none()));
    }

    #[test]
    fn a_computed_indicator_answers_its_targets_from_participations_only() {
        use crate::core::demo;
        use crate::core::ids::{DeviceId, Hlc, RecordId};
        use crate::core::model::{FlowMeasure, Record};
        let device = DeviceId::parse("demo").unwrap();
        // The demo without its participations, to begin with.
        let mut ws = Workspace::from_records(
            demo::records(Hlc::default(), &device)
                .into_iter()
                .filter(|r| !matches!(r, Record::Participation(_))),
        );
        let id = RecordId::parse("demo-ind-deltagare").unwrap();
        let mut ind = ws.indicators.get(&id).unwrap().clone();
        ind.computed = Some(FlowMeasure::Active);
        ind.meta.stamp.hlc = ind.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Indicator(ind));
        let year = Period::year(2017).unwrap();
        let row = |ws: &Workspace| {
            goal_rows(ws, &year, &Focus::All)
                .into_iter()
                .find(|r| r.indicator.meta.id == id)
                .unwrap()
        };
        // No participations yet: the count is 0, although 927 was typed.
        assert_eq!(
            row(&ws).outcome.map(|o| o.value),
            Some(FigureValue::Count(Count::new(0).unwrap()))
        );
        for p in demo::participants::participations(Hlc::default(), &device) {
            ws.put(Record::Participation(p));
        }
        let r = row(&ws);
        let o = r.outcome.unwrap();
        assert_eq!(o.value, FigureValue::Count(Count::new(927).unwrap()));
        assert_eq!(o.source, crate::core::model::OutcomeSource::Computed);
        assert_eq!(r.status, Some(GoalStatus::Near));
        // Protected for others: with a threshold above the count, the count,
        // its gap and its status are hidden; with the default, nothing is.
        let mut rows = goal_rows(&ws, &year, &Focus::All);
        protect_rows(&ws, &mut rows, 3);
        assert!(rows.iter().all(|r| r.protected.is_none()));
        protect_rows(&ws, &mut rows, 1000);
        let r = rows.iter().find(|r| r.indicator.meta.id == id).unwrap();
        assert_eq!(
            r.protected,
            Some(crate::core::participants::Shown::Fewer(1000))
        );
        assert!(r.outcome.is_none() && r.status.is_none());
        // Rows and protection in one go give the same rows.
        assert_eq!(protected_goal_rows(&ws, &year, &Focus::All, 1000), rows);
        let mut three = goal_rows(&ws, &year, &Focus::All);
        protect_rows(&ws, &mut three, 3);
        assert_eq!(protected_goal_rows(&ws, &year, &Focus::All, 3), three);
        // The typed outcome is not listed beside it either.
        assert!(untargeted_outcomes(&ws, &year, &Focus::All)
            .iter()
            .all(|g| g.indicator.meta.id != id));
    }
}
