//! The targets and outcomes of one project or insats: per indicator a bullet
//! chart for the chosen period, a line chart over periods, and charts of its
//! breakdowns; with buttons to add targets and outcomes.

use crate::browser::clock::today;
use crate::core::chart::{bullet_chart_svg, bullet_table, line_chart_svg, line_table};
use crate::core::chart_specs::{board_chart, breakdown_chart, series_chart};
use crate::core::goals::{breakdown_groups, indicator_rows, series};
use crate::core::ids::RecordId;
use crate::core::model::{Indicator, Scope};
use crate::core::period::Period;
use crate::core::route::Route;
use crate::core::validate::{FigureDraft, FormErrors, PeriodDraft};
use crate::core::value::Unit;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::period_picker::{start_period, PeriodPicker};
use crate::ui::components::status::status_class;
use crate::ui::forms::figure_form::{FigureForm, FigureKind};
use crate::ui::i18n::names::{chart_words_for, slice_name, status_text};
use crate::ui::state::{tr, use_app};
use chrono::Datelike;
use leptos::prelude::*;

/// All indicators of a scope, with a period picker and add buttons.
#[component]
pub fn ScopeFigures(scope: Scope) -> impl IntoView {
    let app = use_app();
    let start = start_period();
    let draft = RwSignal::new(PeriodDraft::from_period(&start));
    let draft_errors = RwSignal::new(FormErrors::default());
    let period = RwSignal::new(start);
    Effect::new(move |_| {
        let mut errors = FormErrors::default();
        if let Some(p) = draft.with(|d| d.parse(&mut errors)) {
            period.set(p);
        }
        draft_errors.set(errors);
    });
    let adding = RwSignal::new(None::<FigureKind>);
    let scope_for_list = scope.clone();
    let indicators = Memo::new(move |_| {
        app.ws.with(|w| {
            w.indicators_for_scope(&scope_for_list)
                .into_iter()
                .cloned()
                .collect::<Vec<Indicator>>()
        })
    });
    let scope_for_form = scope.clone();
    let form = move || {
        adding.get().map(|kind| {
            let mut initial =
                FigureDraft::new("", &scope_for_form, period.get_untracked().start_year());
            initial.period = PeriodDraft::from_period(&period.get_untracked());
            // After saving, show the period just recorded, so the new figure
            // is in view.
            let done = Callback::new(move |saved: Option<Period>| {
                adding.set(None);
                if let Some(p) = saved {
                    draft.set(PeriodDraft::from_period(&p));
                }
            });
            view! { <FigureForm kind=kind initial=initial on_done=done /> }
        })
    };
    let scope_for_cards = StoredValue::new(scope.clone());
    view! {
        <section class="scope-figures" data-testid="scope-figures">
            <h2>{tr(|t| t.figures_title)}</h2>
            <div class="filters">
                <PeriodPicker id="scope-period" draft=draft errors=draft_errors />
            </div>
            <div class="actions">
                <button type="button" data-testid="add-target" on:click=move |_| adding.set(Some(FigureKind::Target))>{tr(|t| t.add_target)}</button>
                <button type="button" data-testid="add-outcome" on:click=move |_| adding.set(Some(FigureKind::Outcome))>{tr(|t| t.add_outcome)}</button>
            </div>
            {form}
            <Show when=move || !indicators.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.no_figures)}</p> }>
                <For each=move || indicators.get() key=|i| (i.meta.id.clone(), i.meta.stamp.clone()) let:indicator>
                    <IndicatorCard indicator=indicator scope=scope_for_cards.get_value() period=period.read_only() />
                </For>
            </Show>
        </section>
    }
}

/// One indicator's charts for a scope.
#[component]
fn IndicatorCard(indicator: Indicator, scope: Scope, period: ReadSignal<Period>) -> impl IntoView {
    let app = use_app();
    let id: RecordId = indicator.meta.id.clone();
    let unit: Unit = indicator.unit;
    let name = indicator.name.clone();
    let dom = format!(
        "{}-{}",
        id,
        scope.record().map(|r| r.as_str()).unwrap_or("forbund")
    );
    let (s1, s2, s3) = (scope.clone(), scope.clone(), scope.clone());
    let (i1, i2, i3) = (id.clone(), id.clone(), id.clone());
    let (n1, n2) = (name.clone(), name.clone());
    let dom1 = dom.clone();
    let bullet = Memo::new(move |_| {
        let t = app.t();
        let p = period.get();
        app.ws.with(|w| {
            let rows = indicator_rows(w, &p, &i1, &s1);
            board_chart(
                w,
                &rows,
                unit,
                format!("{n1}, {}", app.t().numbers.period(&p)),
                &format!("bullet-{dom1}"),
                &chart_words_for(t, unit),
            )
        })
    });
    let dom2 = dom.clone();
    let line = Memo::new(move |_| {
        let t = app.t();
        app.ws.with(|w| {
            let points = series(w, &i2, &s2, None);
            // A yes/no goal has no line: its answers are words.
            (points.len() >= 2 && unit != Unit::YesNo).then(|| {
                series_chart(
                    &points,
                    unit,
                    (t.over_time)(&n2),
                    &format!("line-{dom2}"),
                    &chart_words_for(t, unit),
                )
            })
        })
    });
    let breakdowns = Memo::new(move |_| {
        let t = app.t();
        let p = period.get();
        app.ws.with(|w| {
            breakdown_groups(w, &p, &i3, &s3)
                .iter()
                .enumerate()
                .map(|(n, g)| {
                    let title =
                        (t.by_breakdown)(&g.indicator.name, &app.t().numbers.period(&g.period));
                    breakdown_chart(
                        w,
                        g,
                        &|b| slice_name(w, t, b),
                        title,
                        &format!("slices-{dom}-{n}"),
                        &chart_words_for(t, unit),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let words = match indicator.unit {
        Unit::Percent => Some((indicator.numerator.clone(), indicator.denominator.clone())),
        Unit::Count | Unit::YesNo | Unit::Kronor => None,
    };
    let definition = indicator.definition.clone();
    let (i4, s4) = (id.clone(), scope.clone());
    // A yes/no goal has no bar: each target of the period as its answer in
    // words with the status mark.
    let marks = Memo::new(move |_| {
        let t = app.t();
        let p = period.get();
        if unit != Unit::YesNo {
            return Vec::new();
        }
        app.ws.with(|w| {
            indicator_rows(w, &p, &i4, &s4)
                .into_iter()
                .map(|r| {
                    let outcome = r.outcome.as_ref().map_or_else(
                        || t.status_missing.to_owned(),
                        |o| app.t().numbers.value(o.value),
                    );
                    let status = r.status.map(|s| (status_class(s), status_text(t, s)));
                    (app.t().numbers.period(&r.target.period), outcome, status)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <article class="indicator-card" data-testid="indicator-card">
            <h3><a href=Route::Indicator(id.clone()).href()>{name.clone()}</a></h3>
            <p class="definition">
                {definition}
                {words.map(|(n, d)| view! { " " <em>{move || (app.t().share_of)(&n, &d)}</em> })}
            </p>
            <Show when=move || unit == Unit::YesNo>
                <ul class="yes-no-marks" data-testid="yes-no-marks">
                    {move || marks.get().into_iter().map(|(when, outcome, status)| view! {
                        <li>
                            {when}": " <strong>{outcome}</strong>
                            {status.map(|(class, text)| view! { " " <span class=class data-testid="status">{text}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show
                when=move || unit != Unit::YesNo && !bullet.with(|b| b.rows.is_empty())
                fallback=move || (unit != Unit::YesNo || marks.with(Vec::is_empty)).then(|| view! { <p class="hint">{move || (app.t().no_target_in_period)(&app.t().numbers.period(&period.get()))}</p> })
            >
                <ChartFigure svg=Signal::derive(move || bullet.with(bullet_chart_svg)) table=Signal::derive(move || bullet.with(bullet_table)) testid="chart-bullet" />
            </Show>
            {move || line.get().map(|chart| {
                let (a, b) = (chart.clone(), chart);
                view! { <ChartFigure svg=Signal::derive(move || line_chart_svg(&a)) table=Signal::derive(move || line_table(&b)) testid="chart-line" /> }
            })}
            {move || breakdowns.get().into_iter().map(|chart| {
                let (a, b) = (chart.clone(), chart);
                view! { <ChartFigure svg=Signal::derive(move || bullet_chart_svg(&a)) table=Signal::derive(move || bullet_table(&b)) testid="chart-breakdown" /> }
            }).collect_view()}
        </article>
    }
}

/// Today's year, for forms opened outside any period.
pub fn this_year() -> i32 {
    today().year()
}
