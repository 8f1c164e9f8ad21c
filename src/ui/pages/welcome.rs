//! First start: what Måltavla is, and the way in (example data or own data).

use crate::browser::settings::{self, Key};
use crate::core::demo;
use crate::core::exchange::merge::FieldView;
use crate::core::exchange::snapshot::ImportPlan;
use crate::core::goals::Focus;
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::Record;
use crate::core::period::Period;
use crate::core::route::Route;
use crate::ui::router::{use_nav, Nav};
use crate::ui::split::later_part;
use crate::ui::state::{tr, use_app, AppState};
use leptos::prelude::*;

/// Loads the demo records the workspace lacks, then shows the board for the
/// demo's year.
pub fn load_demo(app: AppState, nav: Nav, busy: RwSignal<bool>, failure: RwSignal<Option<String>>) {
    // The demo keeps the same stamps on every laptop (device "demo", clock
    // readings from zero), so two laptops that both load it hold identical
    // records, and any edit made anywhere is newer than the demo.
    let Ok(shipped) = DeviceId::parse("demo") else {
        return;
    };
    busy.set(true);
    failure.set(None);
    leptos::task::spawn_local(async move {
        let Ok(all) = demo_records(shipped).await else {
            failure.set(Some(app.t_now().offline.part_missing.to_owned()));
            busy.set(false);
            return;
        };
        let records = app.ws.with_untracked(|w| demo::missing_records(w, all));
        let count = records.len();
        if count == 0 {
            app.notice
                .set(Some(app.t_now().demo_nothing_missing.to_owned()));
            busy.set(false);
            return;
        }
        let plan = ImportPlan {
            writes: records.iter().map(FieldView::from_record).collect(),
            ..ImportPlan::default()
        };
        match app.import(plan, Hlc::default()).await {
            Ok(()) => {
                let year = Period::year_clamped(demo::SUGGESTED_YEAR);
                settings::set(Key::BoardPeriod, &year.to_string());
                settings::set(Key::BoardFocus, &Focus::All.code());
                app.notice.set(Some((app.t_now().demo_loaded)(count)));
                nav.go(Route::Board {
                    period: Some(year),
                    focus: Some(Focus::All),
                });
            }
            Err(e) => failure.set(Some(app.write_message(&e))),
        }
        busy.set(false);
    });
}

later_part! {
    fetch = fetch_demo_records;
    /// Every demo record. In the shipped build the code that builds them is
    /// a part of the wasm of its own (`ui::split`), fetched when the button is
    /// pressed: a first visit does not pay for the example data.
    async fn demo_records(device: DeviceId) -> Vec<Record> {
        demo::records(Hlc::default(), &device)
    }
}

/// The welcome card shown on an empty board.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let on_demo = move |_| load_demo(app, nav, busy, failure);
    view! {
        <section class="welcome" data-testid="welcome">
            <h2>{tr(|t| t.welcome_title)}</h2>
            <p>{tr(|t| t.welcome_text)}</p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            <div class="actions">
                <button type="button" class="primary" data-testid="load-demo" disabled=move || busy.get() on:click=on_demo>
                    {tr(|t| t.load_demo)}
                </button>
                <a href=Route::Organisation.href()>{tr(|t| t.start_empty)}</a>
            </div>
        </section>
    }
}
