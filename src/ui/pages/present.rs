//! Showing a deck: one slide at a time over the whole screen, large enough
//! to read from the back of a room, moved by keys or a clicker.
//!
//! The slide number is in the address, so a reload (or a laptop that went
//! to sleep) comes back to the same slide; moving replaces the address
//! instead of adding history steps, so the back button leaves the deck.

use crate::browser::fullscreen;
use crate::core::chart::{bullet_chart_svg, line_chart_svg};
use crate::core::chart_specs::series_chart;
use crate::core::goals::GoalRow;
use crate::core::ids::RecordId;
use crate::core::model::{Presentation, Scope, Slide};
use crate::core::period::Period;
use crate::core::reports::slides::{
    goal_rows_of, indicator_row, indicator_series, is_available, key_move, status_counts, step,
    Move,
};
use crate::core::route::Route;
use crate::core::value::Unit;
use crate::ui::components::flow_panel::{shown_text, threshold};
use crate::ui::components::meeting_figures::attendance_figure;
use crate::ui::components::occupancy_figure::occupancy_figure;
use crate::ui::components::status::status_class;
use crate::ui::i18n::names::{chart_words_for, scope_name, slide_label, status_text};
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::ev;
use leptos::prelude::*;

/// The deck being shown, full screen.
#[component]
pub fn PresentPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let id_for_deck = id.clone();
    let deck = Memo::new(move |_| app.ws.with(|w| w.presentations.get(&id_for_deck).cloned()));
    let index = Memo::new(move |_| match nav.route() {
        Route::Present { slide, .. } => slide,
        _ => 0,
    });
    let len = move || deck.with(|d| d.as_ref().map_or(0, |d| d.slides.len()));
    let id_for_go = id.clone();
    let go = move |mv: Move| match step(index.get_untracked(), len(), mv) {
        Some(slide) => nav.replace(Route::Present {
            id: id_for_go.clone(),
            slide,
        }),
        None => {
            fullscreen::leave();
            nav.go(Route::Presentation(id_for_go.clone()));
        }
    };
    let go = StoredValue::new(go);
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() {
            return;
        }
        // Keys pressed on a button act on the button (Enter, space).
        let on_control = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.tag_name() == "BUTTON");
        let Some(mv) = key_move(&e.key(), e.shift_key()) else {
            return;
        };
        if on_control && matches!(e.key().as_str(), "Enter" | " ") {
            return;
        }
        e.prevent_default();
        go.with_value(|go| go(mv));
    });
    // Esc in browser full screen is taken by the browser: leaving full
    // screen that way leaves the deck too, as a person expects.
    let was_full = StoredValue::new(false);
    let screen = window_event_listener_untyped("fullscreenchange", move |_| {
        let now = fullscreen::active();
        if was_full.get_value() && !now {
            go.with_value(|go| go(Move::Leave));
        }
        was_full.set_value(now);
    });
    was_full.set_value(fullscreen::active());
    on_cleanup(move || {
        keys.remove();
        screen.remove();
    });
    let at_end = move || index.get() + 1 >= len();
    let shown = move || {
        deck.get().map(|d| {
            let n = index.get().min(d.slides.len().saturating_sub(1));
            (d.clone(), n)
        })
    };
    view! {
        <div class="deck" data-testid="deck">
            {move || match shown() {
                None => view! {
                    <section class="slide"><h1>{tr(|t| t.not_found_title)}</h1><p class="slide-message">{tr(|t| t.present.missing_deck)}</p></section>
                }.into_any(),
                Some((d, n)) => match d.slides.get(n).cloned() {
                    Some(slide) => view! { <SlideView deck=d slide=slide /> }.into_any(),
                    None => view! {
                        <section class="slide"><h1>{d.name.clone()}</h1><p class="slide-message">{tr(|t| t.present.empty_deck)}</p></section>
                    }.into_any(),
                },
            }}
            <nav class="deck-bar" aria-label=move || app.t().present.title>
                <button type="button" data-testid="slide-previous" on:click=move |_| go.with_value(|go| go(Move::Previous))
                    disabled=move || index.get() == 0>{"←"}<span class="visually-hidden">{tr(|t| t.present.previous)}</span></button>
                <span class="deck-position" role="status" data-testid="slide-position">
                    {move || (app.t().present.slide_of)(index.get().min(len().saturating_sub(1)) + 1, len())}
                </span>
                <button type="button" data-testid="slide-next" on:click=move |_| go.with_value(|go| go(Move::Next))
                    disabled=at_end>{"→"}<span class="visually-hidden">{tr(|t| t.present.next)}</span></button>
                <button type="button" data-testid="slide-leave" on:click=move |_| go.with_value(|go| go(Move::Leave))>{tr(|t| t.present.leave)}</button>
                <span class="deck-hint">{tr(|t| t.present.keys_hint)}</span>
            </nav>
        </div>
    }
}

/// One slide, drawn from the current data for the deck's period.
#[component]
fn SlideView(deck: Presentation, slide: Slide) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let period = deck.period;
    let (title, available) = app
        .ws
        .with(|w| (slide_label(w, t, &slide), is_available(w, &slide)));
    let body = if !available {
        view! { <p class="slide-message">{t.present.unavailable}</p> }.into_any()
    } else {
        match slide {
            Slide::Goals { scope } => view! { <GoalsSlide scope=scope period=period /> }.into_any(),
            Slide::Indicator { indicator, scope } => {
                view! { <IndicatorSlide indicator=indicator scope=scope period=period /> }
                    .into_any()
            }
            Slide::Attendance => {
                let chart = attendance_figure(app, None);
                view! { <div class="slide-chart" data-testid="slide-chart" inner_html=bullet_chart_svg(&chart)></div> }.into_any()
            }
            Slide::Occupancy => {
                let chart = occupancy_figure(app, None);
                view! { <div class="slide-chart" data-testid="slide-chart" inner_html=line_chart_svg(&chart)></div> }.into_any()
            }
        }
    };
    view! {
        <section class="slide" data-testid="slide" aria-labelledby="slide-title" tabindex="0">
            <header class="slide-head">
                <h1 id="slide-title" data-testid="slide-title">{title}</h1>
                <p class="slide-sub">{deck.name.clone()}" · "{t.numbers.period(&period)}</p>
            </header>
            {body}
        </section>
    }
}

/// The outcome of a row as the board prints it ("<3" when protected).
fn outcome_text(row: &GoalRow, t: &crate::ui::i18n::Texts) -> String {
    match (row.protected, &row.outcome) {
        (Some(shown), _) => shown_text(shown, t.numbers),
        (None, Some(o)) => t.numbers.value(o.value),
        (None, None) => "–".into(),
    }
}

/// Every target of a scope in large rows: indicator, outcome against
/// target, status in symbol and word.
#[component]
fn GoalsSlide(scope: Scope, period: Period) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let rows = app
        .ws
        .with(|w| goal_rows_of(w, &period, &scope, threshold()));
    if rows.is_empty() {
        return view! { <p class="slide-message">{t.present.no_goals}</p> }.into_any();
    }
    let c = status_counts(&rows);
    let dense = rows.len() > 8;
    let body = app.ws.with(|w| {
        rows.iter()
            .map(|row| {
                let scope_label = match row.target.scope {
                    Scope::Forbund => None,
                    ref s => Some(scope_name(w, t, s)),
                };
                let target = match row.expected {
                    Some(e) => (t.prorated)(&t.numbers.value(e), &row.outcome.as_ref().map(|o| t.numbers.date(o.period.end())).unwrap_or_default()),
                    None => t.numbers.target(row.target.value),
                };
                view! {
                    <tr>
                        <th scope="row">{row.indicator.name.clone()}{scope_label.map(|s| view! { <span class="sub">{s}</span> })}</th>
                        <td class="num slide-outcome">{outcome_text(row, t)}</td>
                        <td class="num">{target}</td>
                        <td>{row.status.map(|s| view! { <span class=status_class(s)>{status_text(t, s)}</span> })}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <p class="slide-summary" data-testid="slide-summary">{(t.present.goals_summary)(c.met, c.near, c.behind, c.missing)}</p>
        <table class="slide-table" class:dense=dense data-testid="slide-table">
            <thead>
                <tr>
                    <th scope="col">{t.col_indicator}</th>
                    <th scope="col" class="num">{t.col_outcome}</th>
                    <th scope="col" class="num">{t.col_target}</th>
                    <th scope="col">{t.col_status}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

/// One indicator: the period's outcome in very large figures against its
/// target, and the line over the periods.
#[component]
fn IndicatorSlide(indicator: RecordId, scope: Scope, period: Period) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    let (row, points, unit) = app.ws.with(|w| {
        (
            indicator_row(w, &period, &indicator, &scope, threshold()),
            indicator_series(w, &indicator, &scope),
            w.indicators.get(&indicator).map(|i| i.unit),
        )
    });
    let figure = row.map(|r| {
        let so_far = r
            .partial
            .then(|| r.outcome.as_ref().map(|o| (t.present.so_far)(&t.numbers.date(o.period.end()))))
            .flatten();
        view! {
            <div class="big-figure" data-testid="big-figure">
                <p class="big-outcome"><span class="visually-hidden">{t.col_outcome}": "</span>{outcome_text(&r, t)}</p>
                <p class="big-target">{t.col_target}" "{t.numbers.target(r.compared_to())}{so_far.map(|s| format!(" ({s})"))}</p>
                {r.status.map(|s| view! { <p class=format!("big-status {}", status_class(s))>{status_text(t, s)}</p> })}
            </div>
        }
    });
    // A yes/no goal has no line: its answers are words, not a quantity.
    let line = match (unit.filter(|u| *u != Unit::YesNo), points.len() >= 2) {
        (Some(unit), true) => {
            let title = app.ws.with(|w| {
                (t.over_time)(
                    &w.indicators
                        .get(&indicator)
                        .map(|i| i.name.clone())
                        .unwrap_or_default(),
                )
            });
            let chart = series_chart(
                &points,
                unit,
                title,
                "slide-line",
                &chart_words_for(t, unit),
            );
            Some(
                view! { <div class="slide-chart" data-testid="slide-chart" inner_html=line_chart_svg(&chart)></div> },
            )
        }
        _ => None,
    };
    let with_chart = line.is_some();
    view! {
        <div class="slide-indicator" class:with-chart=with_chart>
            {figure}
            {line}
        </div>
    }
}
