//! Names of things as the UI shows them: scopes, breakdown slices, statuses
//! and the words charts need, all in the current language.

use super::Texts;
use crate::core::chart_specs::ChartWords;
use crate::core::goals::GoalStatus;
use crate::core::model::{Breakdown, Scope, Slide};
use crate::core::route::Route;
use crate::core::workspace::Workspace;
use crate::ui::components::form::Choice;

/// A scope's display name: the förbund's name (or "Hela förbundet"), or the
/// project's or insats's name.
pub fn scope_name(ws: &Workspace, t: &Texts, scope: &Scope) -> String {
    match scope {
        Scope::Forbund => t.whole_forbund.to_owned(),
        other => ws.scope_name(other).unwrap_or("?").to_owned(),
    }
}

/// What a slide shows, in words, for the editor and the projector.
pub fn slide_label(ws: &Workspace, t: &Texts, slide: &Slide) -> String {
    let p = t.present;
    match slide {
        Slide::Goals { scope } => (p.goals)(&scope_name(ws, t, scope)),
        Slide::Indicator { indicator, scope } => (p.indicator)(
            ws.indicators
                .get(indicator)
                .map_or("?", |i| i.name.as_str()),
            &scope_name(ws, t, scope),
        ),
        Slide::Attendance => p.attendance.to_owned(),
        Slide::Occupancy => p.occupancy.to_owned(),
    }
}

/// Where a scope's page is.
pub fn scope_href(scope: &Scope) -> String {
    let route = match scope {
        Scope::Forbund => Route::HOME,
        Scope::Project(id) => Route::Project(id.clone()),
        Scope::Insats(id) => Route::Insats(id.clone()),
    };
    route.href()
}

/// A breakdown slice's display name: a municipality's name, a gender, …
pub fn slice_name(ws: &Workspace, t: &Texts, b: &Breakdown) -> String {
    match b {
        Breakdown::Municipality(id) => ws
            .municipalities
            .get_any(id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| "?".into()),
        Breakdown::Gender(g) => t.gender(*g).to_owned(),
        Breakdown::Referrer(r) => t.referrer(*r).to_owned(),
        Breakdown::Provider(p) => p.clone(),
        Breakdown::AgeBand(a) => t.age_band(*a).to_owned(),
    }
}

/// A status as symbol and word, so it never depends on colour.
pub fn status_text(t: &Texts, s: GoalStatus) -> String {
    let symbol = match s {
        GoalStatus::Met => "✓",
        GoalStatus::Near => "≈",
        GoalStatus::Behind => "✗",
        GoalStatus::Unknown => "?",
    };
    format!("{symbol} {}", t.status(s))
}

/// CSS class of a status (colour is an extra, never the only cue).
pub fn status_class(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Met => "status status-met",
        GoalStatus::Near => "status status-near",
        GoalStatus::Behind => "status status-behind",
        GoalStatus::Unknown => "status status-unknown",
    }
}

/// The words charts print, in the current language.
pub fn chart_words(t: &Texts) -> ChartWords {
    ChartWords {
        target: t.col_target.into(),
        outcome: t.col_outcome.into(),
        status: t.col_status.into(),
        empty: t.empty_chart.into(),
        indicator: t.col_indicator.into(),
        period: t.col_period.into(),
        statuses: [
            t.statuses[0].into(),
            t.statuses[1].into(),
            t.statuses[2].into(),
            t.statuses[3].into(),
        ],
        describe: t.chart_desc_row,
    }
}

/// Every project and insats as select options (`project:ID`, `insats:ID`),
/// labelled with their kind, for choosing a scope or a focus.
pub fn project_and_insats_choices(ws: &Workspace, t: &Texts) -> Vec<Choice> {
    let projects = ws.projects_by_name().into_iter().map(|p| {
        Choice::new(
            format!("project:{}", p.meta.id),
            format!("{}: {}", t.project_label, p.name),
        )
    });
    let insatser = ws.insatser_by_name().into_iter().map(|i| {
        Choice::new(
            format!("insats:{}", i.meta.id),
            format!("{}: {}", t.nav_insatser, i.name),
        )
    });
    projects.chain(insatser).collect()
}
