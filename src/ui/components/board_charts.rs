//! The board's two bullet charts, counts and shares against their targets,
//! shown on the board and in the printed report.

use crate::core::chart::{bullet_chart_svg, bullet_table};
use crate::core::chart_specs::board_chart;
use crate::core::goals::GoalRow;
use crate::core::period::Period;
use crate::core::value::Unit;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::i18n::names::chart_words_for;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Two bullet charts: counts and shares against their targets.
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
    let chart = move |unit: Unit| {
        Memo::new(move |_| {
            let t = app.t();
            let label = app.t().numbers.period(&period.get());
            let title = match unit {
                Unit::Count => (t.chart_counts)(&label),
                Unit::Kronor => (t.chart_kronor)(&label),
                // Yes/no goals have no bar: the goal table shows them.
                Unit::Percent | Unit::YesNo => (t.chart_shares)(&label),
            };
            let id = match unit {
                Unit::Count => format!("{}-counts", prefix.get_value()),
                Unit::Kronor => format!("{}-kronor", prefix.get_value()),
                Unit::Percent | Unit::YesNo => format!("{}-shares", prefix.get_value()),
            };
            app.ws
                .with(|w| board_chart(w, &rows.get(), unit, title, &id, &chart_words_for(t, unit)))
        })
    };
    let counts = chart(Unit::Count);
    let shares = chart(Unit::Percent);
    let kronor = chart(Unit::Kronor);
    view! {
        <div class="chart-grid">
            <Show when=move || !counts.with(|c| c.rows.is_empty())>
                <ChartFigure svg=Signal::derive(move || counts.with(bullet_chart_svg)) table=Signal::derive(move || counts.with(bullet_table)) testid="chart-counts" period=Signal::derive(move || app.t().numbers.period(&period.get())) />
            </Show>
            <Show when=move || !shares.with(|c| c.rows.is_empty())>
                <ChartFigure svg=Signal::derive(move || shares.with(bullet_chart_svg)) table=Signal::derive(move || shares.with(bullet_table)) testid="chart-shares" period=Signal::derive(move || app.t().numbers.period(&period.get())) />
            </Show>
            <Show when=move || !kronor.with(|c| c.rows.is_empty())>
                <ChartFigure svg=Signal::derive(move || kronor.with(bullet_chart_svg)) table=Signal::derive(move || kronor.with(bullet_table)) testid="chart-kronor" period=Signal::derive(move || app.t().numbers.period(&period.get())) />
            </Show>
        </div>
    }
}
