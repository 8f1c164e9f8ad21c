//! First start: what Måltavla is, and the way in (example data or own data).

use crate::browser::settings::{self, Key};
use crate::core::demo;
use crate::core::goal::Focus;
use crate::core::period::Period;
use crate::ui::pages::board::board_href;
use crate::ui::state::{tr, use_app, AppState};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Loads the demo records the workspace lacks, then shows the board for the
/// demo's year.
pub fn load_demo(
    app: AppState,
    busy: RwSignal<bool>,
    failure: RwSignal<Option<String>>,
    go_to_board: impl Fn(&str) + 'static,
) {
    let clock = app.clock();
    let records = app
        .ws
        .with_untracked(|w| demo::missing_records(w, clock.last(), clock.device()));
    let count = records.len();
    if count == 0 {
        app.notice
            .set(Some(app.t_now().demo_nothing_missing.to_owned()));
        return;
    }
    app.save(records, busy, failure, move || {
        let year = Period::year_clamped(demo::SUGGESTED_YEAR);
        settings::set(Key::BoardPeriod, &year.to_string());
        settings::set(Key::BoardFocus, &Focus::All.code());
        app.notice.set(Some((app.t_now().demo_loaded)(count)));
        go_to_board(&board_href(&year, &Focus::All));
    });
}

/// The welcome card shown on an empty board.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let on_demo = move |_| {
        let navigate = navigate.clone();
        load_demo(app, busy, failure, move |href| {
            navigate(href, NavigateOptions::default())
        });
    };
    view! {
        <section class="welcome" data-testid="welcome">
            <h2>{tr(|t| t.welcome_title)}</h2>
            <p>{tr(|t| t.welcome_text)}</p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            <div class="actions">
                <button type="button" class="primary" data-testid="load-demo" disabled=move || busy.get() on:click=on_demo>
                    {tr(|t| t.load_demo)}
                </button>
                <A href="/organisation">{tr(|t| t.start_empty)}</A>
            </div>
        </section>
    }
}
