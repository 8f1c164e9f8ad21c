//! The table of goals against outcomes: one row per target with outcome,
//! gap and status, its forecast under the target, and the comment written
//! for the period on a row of its own below; shown on the board and in the
//! printed report.

use crate::core::goals::{self, GoalRow};
use crate::core::model::OutcomeSource;
use crate::core::route::Route;
use crate::core::value::Unit;
use crate::core::workspace::Workspace;
use crate::ui::components::comment_view::comment_answers;
use crate::ui::components::flow_panel::shown_text;
use crate::ui::components::scroll_table::{Column, ScrollTable};
use crate::ui::components::status::status_class;
use crate::ui::i18n::names::{scope_name, slice_name, status_text};
use crate::ui::i18n::Texts;
use leptos::prelude::*;

fn target_cell(row: &GoalRow, t: &Texts) -> impl IntoView {
    let main = t.numbers.target(row.target.value);
    let prorated = row
        .expected
        .zip(row.outcome.as_ref())
        .map(|(e, o)| (t.prorated)(&t.numbers.value(e), &t.numbers.date(o.period.end())));
    let forecast = row.forecast.as_ref().map(|f| {
        (t.economy.forecast_line)(
            &t.numbers.value(f.value),
            f.made_on.map(|x| t.numbers.date(x)).as_deref(),
        )
    });
    view! {
        <span class="figure" data-testid="target">{main}</span>
        {prorated.map(|p| view! { <span class="sub">{p}</span> })}
        {forecast.map(|f| view! { <span class="sub" data-testid="forecast">{f}</span> })}
    }
}

fn outcome_cell(row: &GoalRow, t: &Texts) -> impl IntoView {
    if let Some(shown) = row.protected {
        return view! {
            <span class="figure" data-testid="outcome">{shown_text(shown, t.numbers)}</span>
            <span class="sub" data-testid="outcome-protected">{t.protected_short}</span>
        }
        .into_any();
    }
    match &row.outcome {
        None => view! { <span class="missing">{t.status_missing}</span> }.into_any(),
        Some(o) => {
            let so_far = row
                .partial
                .then(|| (t.so_far)(&t.numbers.date(o.period.end())));
            let from_meetings = row.indicator.computed.is_some_and(|m| m.is_meetings());
            let computed = (o.source == OutcomeSource::Computed).then_some(if from_meetings {
                t.meetings.computed_from_meetings
            } else if row.indicator.ratio.is_some() {
                t.economy.computed_as_ratio
            } else {
                t.source_computed
            });
            // A yes/no answer stands on its note (where it was reported).
            let note = (row.indicator.unit == Unit::YesNo && !o.note.trim().is_empty())
                .then(|| o.note.clone());
            view! {
                <span class="figure" data-testid="outcome">{t.numbers.value(o.value)}</span>
                {so_far.map(|s| view! { <span class="sub">{s}</span> })}
                {note.map(|n| view! { <span class="sub" data-testid="outcome-note">{n}</span> })}
                {computed.map(|s| view! { <span class="sub" data-testid="outcome-computed">{s}</span> })}
            }
            .into_any()
        }
    }
}

/// The board's table: one row per target.
#[component]
pub fn GoalTable(rows: Memo<Vec<GoalRow>>) -> impl IntoView {
    let columns = vec![
        Column::text(|t| t.col_indicator),
        Column::text(|t| t.col_scope),
        Column::text(|t| t.col_period),
        Column::figures(|t| t.col_target),
        Column::figures(|t| t.col_outcome),
        Column::figures(|t| t.col_gap),
        Column::text(|t| t.col_status),
    ];
    view! {
        <ScrollTable
            class="goal-table"
            testid="goal-table"
            caption=|t| t.board_title
            columns=columns
            rows=rows
            reads=goals::READS
            row=goal_row_view
        />
    }
}

/// One target's row: indicator, scope, period, target, outcome, gap, status.
fn goal_row_view(w: &Workspace, t: &'static Texts, row: GoalRow) -> impl IntoView {
    let scope = row.target.scope.clone();
    let slice = row.target.breakdown.as_ref().map(|b| slice_name(w, t, b));
    let gap = row
        .outcome
        .as_ref()
        .map(|o| t.numbers.gap(o.value, row.compared_to()))
        .unwrap_or_default();
    // A yes/no goal has no "near": no rule to show.
    let rule = (row.indicator.unit != Unit::YesNo)
        .then(|| (t.near_rule)(row.indicator.tolerance_percent, row.indicator.direction));
    let indicator_href = Route::Indicator(row.indicator.meta.id.clone()).href();
    let indicator_name = row.indicator.name.clone();
    let scope_label = scope_name(w, t, &scope);
    let target = target_cell(&row, t);
    let outcome = outcome_cell(&row, t);
    // The comment reads as part of its goal: a row of its own right below,
    // across the table, so it prints whole beside the figures it explains.
    let comment = row.comment.as_ref().map(|c| {
        let caption = (t.economy.comment_caption)(&t.numbers.period(&c.period));
        let answers = comment_answers(t, c);
        view! {
            <tr class="comment-row" data-testid="goal-comment">
                <td colspan="7">
                    <p class="comment-caption">{caption}</p>
                    {answers}
                </td>
            </tr>
        }
    });
    view! {
        <tr data-testid="goal-row">
            <th scope="row">
                <a href=indicator_href>{indicator_name}</a>
                {slice.map(|s| view! { <span class="sub">{s}</span> })}
            </th>
            <td><a href=Route::of_scope(&scope).href()>{scope_label}</a></td>
            <td>{t.numbers.period(&row.target.period)}</td>
            <td class="num">{target}</td>
            <td class="num">{outcome}</td>
            <td class="num" data-testid="gap">{gap}</td>
            <td>
                {row.status.map(|s| view! { <span class=status_class(s) data-testid="status">{status_text(t, s)}</span> })}
                {rule.map(|r| view! { <span class="sub rule">{r}</span> })}
            </td>
        </tr>
        {comment}
    }
}
