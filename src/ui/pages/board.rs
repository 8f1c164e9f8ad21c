//! Måluppfyllelse: the overview board of every target that applies in the
//! chosen period, with outcome, gap and status, two charts and the figures
//! that have no target.
//!
//! The period and focus live in the URL (`?period=2017&focus=project:ID`),
//! so a board can be bookmarked or shared, and are remembered in settings.

use crate::browser::perf::Span;
use crate::browser::settings::{self, Key};
use crate::core::goals::{
    self, protected_goal_rows, untargeted_outcomes, years_with_targets, Focus, OutcomeGroup,
};
use crate::core::period::Period;
use crate::core::route::Route;
use crate::core::validate::{FormErrors, PeriodDraft};
use crate::ui::components::board_charts::BoardCharts;
use crate::ui::components::first_steps::FirstSteps;
use crate::ui::components::flow_panel::threshold;
use crate::ui::components::goal_table::GoalTable;
use crate::ui::components::period_picker::{start_period, PeriodPicker};
use crate::ui::forms::choice::project_and_insats_choices;
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::i18n::names::{scope_name, slice_name};
use crate::ui::pages::welcome::Welcome;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The board's address for a period and focus.
pub fn board_href(period: &Period, focus: &Focus) -> String {
    Route::Board {
        period: Some(*period),
        focus: Some(focus.clone()),
    }
    .href()
}

/// The overview board page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let in_address = Memo::new(move |_| match nav.route() {
        Route::Board { period, focus } => (period, focus),
        _ => (None, None),
    });
    let period = Memo::new(move |_| in_address.get().0.unwrap_or_else(start_period));
    let focus = Memo::new(move |_| {
        in_address
            .get()
            .1
            .or_else(|| settings::get(Key::BoardFocus).map(|s| Focus::parse(&s)))
            .unwrap_or(Focus::All)
    });
    let draft = RwSignal::new(PeriodDraft::from_period(&period.get_untracked()));
    let draft_errors = RwSignal::new(FormErrors::default());
    let focus_text = RwSignal::new(focus.get_untracked().code());
    // URL → controls (back button, links).
    Effect::new(move |_| {
        let p = period.get();
        let mut scratch = FormErrors::default();
        if draft.with_untracked(|d| d.parse(&mut scratch)) != Some(p) {
            draft.set(PeriodDraft::from_period(&p));
        }
        let f = focus.get().code();
        if focus_text.get_untracked() != f {
            focus_text.set(f);
        }
    });
    // Controls → URL and settings.
    Effect::new(move |_| {
        let mut errors = FormErrors::default();
        let parsed = draft.with(|d| d.parse(&mut errors));
        let chosen_focus = Focus::parse(&focus_text.get());
        draft_errors.set(errors);
        if let Some(p) = parsed {
            if p != period.get_untracked() || chosen_focus != focus.get_untracked() {
                settings::set(Key::BoardPeriod, &p.to_string());
                settings::set(Key::BoardFocus, &chosen_focus.code());
                nav.replace(Route::Board {
                    period: Some(p),
                    focus: Some(chosen_focus),
                });
            }
        }
    });
    let focus_choices = Signal::derive(move || {
        let t = app.t();
        let mut v = vec![Choice::new("all", t.whole_forbund)];
        app.ws
            .reading(goals::READS, |w| v.extend(project_and_insats_choices(w, t)));
        v
    });
    // The board is shown to others (on a projector, to the board): computed
    // figures go through small-number protection.
    let limit = threshold();
    let rows = Memo::new(move |_| {
        let span = Span::start("maltavla:board");
        let rows = app.ws.reading(goals::READS, |w| {
            protected_goal_rows(w, &period.get(), &focus.get(), limit)
        });
        span.end();
        rows
    });
    let untargeted = Memo::new(move |_| {
        let span = Span::start("maltavla:board-untargeted");
        let groups = app.ws.reading(goals::READS, |w| {
            untargeted_outcomes(w, &period.get(), &focus.get())
        });
        span.end();
        groups
    });
    let is_empty = Memo::new(move |_| app.ws.with(|w| w.is_empty()));
    view! {
        <h1>{tr(|t| t.board_title)}</h1>
        <Show when=move || !is_empty.get() fallback=|| view! { <Welcome /> }>
            <p class="lead">{tr(|t| t.board_intro)}</p>
            <FirstSteps />
            <section class="filters" aria-label=move || app.t().period_label>
                <PeriodPicker id="board-period" draft=draft errors=draft_errors />
                <SelectField id="board-focus" label=tr(|t| t.focus_label) value=focus_text choices=focus_choices />
            </section>
            <h2 class="period-heading" data-testid="board-period">{move || app.t().numbers.period(&period.get())}</h2>
            <p class="board-links">
                <a href=move || Route::Report { period: Some(period.get()) }.href() data-testid="board-report">{tr(|t| t.present.report_nav)}</a>
                " · "
                <a href=Route::Presentations.href()>{tr(|t| t.present.title)}</a>
            </p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <NoTargets period=period focus=focus /> }>
                <GoalTable rows=rows />
                <BoardCharts rows=rows period=period />
                <details class="legend">
                    <summary>{tr(|t| t.legend_title)}</summary>
                    <p>{tr(|t| t.legend_text)}</p>
                </details>
            </Show>
            <Show when=move || !untargeted.with(Vec::is_empty)>
                <Untargeted groups=untargeted />
            </Show>
        </Show>
    }
}

/// Shown when no target applies: offers the years that have targets.
#[component]
fn NoTargets(period: Memo<Period>, focus: Memo<Focus>) -> impl IntoView {
    let app = use_app();
    let years = Memo::new(move |_| app.ws.reading(goals::READS, years_with_targets));
    view! {
        <div class="empty-state" data-testid="no-targets">
            <p>{move || (app.t().board_nothing)(&app.t().numbers.period(&period.get()))}</p>
            <Show when=move || !years.with(Vec::is_empty)>
                <p>
                    {tr(|t| t.board_years_with_targets)}" "
                    {move || years.get().into_iter().filter_map(|y| Period::year(y).ok()).map(|p| {
                        view! { <a href=board_href(&p, &focus.get())>{p.to_string()}</a>" " }
                    }).collect_view()}
                </p>
            </Show>
        </div>
    }
}

/// Followed-up figures without a target, with their breakdowns.
#[component]
fn Untargeted(groups: Memo<Vec<OutcomeGroup>>) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="untargeted" data-testid="untargeted">
            <h2>{tr(|t| t.untargeted_title)}</h2>
            <p>{tr(|t| t.untargeted_intro)}</p>
            <ul class="figure-list">
                {move || {
                    let t = app.t();
                    app.ws.reading(goals::READS, |w| groups.get().into_iter().map(|g| {
                        let slices = g.slices.iter().filter_map(|o| {
                            o.breakdown.as_ref().map(|b| format!("{} {}", slice_name(w, t, b), app.t().numbers.value(o.value)))
                        }).collect::<Vec<_>>().join(" · ");
                        let notes = g.notes().join(" · ");
                        let note = (!notes.is_empty()).then_some(notes);
                        let href = Route::Indicator(g.indicator.meta.id.clone()).href();
                        let name = g.indicator.name.clone();
                        let scope_label = scope_name(w, t, &g.scope);
                        view! {
                            <li>
                                <a href=href>{name}</a>
                                " · " {scope_label} " · " {app.t().numbers.period(&g.period)}
                                {g.total.as_ref().map(|o| view! { <strong class="figure">" "{app.t().numbers.value(o.value)}</strong> })}
                                {(!slices.is_empty()).then(|| view! { <span class="sub">{slices}</span> })}
                                {note.map(|n| view! { <span class="sub note">{n}</span> })}
                            </li>
                        }
                    }).collect_view())
                }}
            </ul>
        </section>
    }
}
