//! Names of things as the UI shows them: scopes, breakdown slices, statuses
//! and the words charts need, all in the current language.

use super::Texts;
use crate::core::chart_specs::ChartWords;
use crate::core::goals::GoalStatus;
use crate::core::model::{Breakdown, Scope, Slide};
use crate::core::workspace::Workspace;

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

/// The words charts print, in the current language.
/// [`chart_words`] for a chart of one unit: a target in kronor is a
/// budget, and says so on its mark.
pub fn chart_words_for(t: &Texts, unit: crate::core::value::Unit) -> ChartWords {
    let mut words = chart_words(t);
    if unit == crate::core::value::Unit::Kronor {
        words.target = t.budget.into();
    }
    words
}

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
        forecast: t.economy.forecast_label.into(),
        numbers: t.numbers,
    }
}
