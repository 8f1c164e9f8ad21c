//! The board's bullet charts, each kind of figure against its targets,
//! shown on the board and in the printed report.

use crate::core::chart::{bullet_chart_outline, bullet_chart_svg, bullet_table};
use crate::core::chart_specs::{board_chart_of, BoardChart};
use crate::core::goals::{self, GoalRow};
use crate::core::period::Period;
use crate::core::value::Unit;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::i18n::names::{chart_words, chart_words_for};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Rows past which a chart is taller than a few screens (each row is about
/// 140 px high): drawn and laid out only when it comes near the screen.
const LONG_CHART_ROWS: usize = 30;

/// The board's charts ([`BoardChart`]): counts, shares, spend against
/// budget and cost per result, each against its targets; a chart with no
/// rows is not shown.
#[component]
pub fn BoardCharts(
    rows: Memo<Vec<GoalRow>>,
    period: Memo<Period>,
    /// Starts the charts' element ids, unique when several boards share a
    /// page (the printed report).
    #[prop(optional, into)]
    prefix: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let prefix = StoredValue::new(prefix.unwrap_or_else(|| "board".into()));
    let figure = move |which: BoardChart| {
        let chart = Memo::new(move |_| {
            let t = app.t();
            let label = t.numbers.period(&period.get());
            let (title, name) = match which {
                BoardChart::Counts => ((t.chart_counts)(&label), "counts"),
                BoardChart::Shares => ((t.chart_shares)(&label), "shares"),
                BoardChart::Kronor => ((t.chart_kronor)(&label), "kronor"),
                BoardChart::CostPerResult => ((t.chart_cost_per_result)(&label), "cost-per-result"),
            };
            // A budget is the target of spend; a cost per result has a
            // plain target.
            let words = match which {
                BoardChart::Kronor => chart_words_for(t, Unit::Kronor),
                _ => chart_words(t),
            };
            let id = format!("{}-{name}", prefix.get_value());
            app.ws.reading(goals::READS, |w| {
                board_chart_of(w, &rows.get(), which, title, &id, &words)
            })
        });
        let testid = match which {
            BoardChart::Counts => "chart-counts",
            BoardChart::Shares => "chart-shares",
            BoardChart::Kronor => "chart-kronor",
            BoardChart::CostPerResult => "chart-cost-per-result",
        };
        view! {
            <Show when=move || !chart.with(|c| c.rows.is_empty())>
                <ChartFigure outline=Signal::derive(move || chart.with(|c| (c.rows.len() > LONG_CHART_ROWS).then(|| bullet_chart_outline(c)))) svg=Signal::derive(move || chart.with(bullet_chart_svg)) table=Signal::derive(move || chart.with(bullet_table)) testid=testid period=Signal::derive(move || app.t().numbers.period(&period.get())) />
            </Show>
        }
    };
    view! {
        <div class="chart-grid">
            {BoardChart::ALL.map(figure)}
        </div>
    }
}
