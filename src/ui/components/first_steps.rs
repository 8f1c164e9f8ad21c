//! A new förbund's first hour: the checklist that ticks itself off, shown
//! on the board and the organisation page until every step is done, and
//! the offer of the indicators most förbund follow.

use crate::core::goals::first_steps::{checklist, is_complete, next_step, standard_indicators};
use crate::core::model::Record;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// The checklist, or nothing once every step is done.
#[component]
pub fn FirstSteps() -> impl IntoView {
    let app = use_app();
    let complete = Memo::new(move |_| app.ws.with(is_complete));
    let items = Memo::new(move |_| app.ws.with(checklist));
    let next = Memo::new(move |_| app.ws.with(next_step));
    view! {
        <Show when=move || !complete.get()>
            <section class="first-steps" data-testid="first-steps" aria-labelledby="first-steps-title">
                <h2 id="first-steps-title">{tr(|t| t.first_steps.title)}</h2>
                <p>{tr(|t| t.first_steps.intro)}</p>
                <p class="sub" data-testid="first-steps-progress">{move || {
                    let done = items.with(|i| i.iter().filter(|i| i.done).count());
                    (app.t().first_steps.progress)(done, items.with(Vec::len))
                }}</p>
                <ol>
                    {move || items.get().into_iter().map(|item| {
                        let step = item.step;
                        let is_next = next.get() == Some(step);
                        let class = if item.done { "done" } else if is_next { "next" } else { "todo" };
                        let mark = if item.done { "✓" } else { "○" };
                        view! {
                            <li class=class data-testid="first-step" data-done=item.done.to_string()>
                                <span class="mark" aria-hidden="true">{mark}</span>" "
                                <a href=item.route.href()>{move || app.t().first_steps.step(step)}</a>
                                " "<span class="step-state">"("{move || if item.done { app.t().first_steps.done } else { app.t().first_steps.todo }}")"</span>
                                {is_next.then(|| view! { " "<strong class="next-label">{tr(|t| t.first_steps.next)}</strong> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        </Show>
    }
}

/// Offers the indicators of the starting set the workspace lacks; nothing
/// when it has them all (or has deleted them).
#[component]
pub fn StandardIndicators() -> impl IntoView {
    let app = use_app();
    let offer = Memo::new(move |_| {
        let clock = app.clock();
        app.ws
            .with(|w| standard_indicators(w, clock.last(), &clock.device()))
            .into_iter()
            .map(|i| i.name)
            .collect::<Vec<String>>()
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let add = move |_| {
        let clock = app.clock();
        let indicators = app
            .ws
            .with_untracked(|w| standard_indicators(w, clock.last(), &clock.device()));
        let count = indicators.len();
        let edits = indicators
            .into_iter()
            .map(|i| Edit::now(Record::Indicator(i)))
            .collect();
        app.save(edits, busy, failure, move || {
            app.notice
                .set(Some((app.t_now().first_steps.standard_added)(count)));
        });
    };
    view! {
        <Show when=move || !offer.with(Vec::is_empty)>
            <section class="standard-indicators" data-testid="standard-indicators">
                <h2>{tr(|t| t.first_steps.standard_title)}</h2>
                <p>{tr(|t| t.first_steps.standard_text)}</p>
                <ul>
                    {move || offer.get().into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                </ul>
                <p class="actions">
                    <button type="button" class="primary" data-testid="add-standard-indicators" disabled=move || busy.get() on:click=add>
                        {move || (app.t().first_steps.standard_add)(offer.with(Vec::len))}
                    </button>
                </p>
                {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            </section>
        </Show>
    }
}
