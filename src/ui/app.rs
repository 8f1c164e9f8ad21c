//! The root: loads the stored records, builds the state, provides it, and
//! declares the routes.

use super::components::layout::{Banners, Header};
use super::router::{page_heading, start_router, use_nav, RouteView};
use super::state::{decode_conflicts, tr, AppState};
use crate::browser::clock::Clock;
use crate::browser::idb::{IdbError, RecordDb};
use crate::browser::settings::device_id;
use crate::core::ids::Hlc;
use crate::core::route::Route;
use crate::core::workspace::Workspace;
use crate::core::{snapshot, stored};
use leptos::prelude::*;

/// Opens storage and reads everything. Without IndexedDB, or when what is
/// stored cannot be read, the app still runs on an empty workspace that is
/// never saved (and says so), so nothing stored is ever overwritten.
async fn load() -> AppState {
    let device = device_id();
    let fresh_clock = |seen| Clock::new(device.clone(), seen);
    let db = match RecordDb::open().await {
        Ok(db) => db,
        Err(e) => {
            return AppState::new(
                Workspace::default(),
                Err(e),
                fresh_clock(Default::default()),
                0,
                Vec::new(),
            )
        }
    };
    match db.load_all().await {
        Ok(texts) => {
            let loaded = stored::decode_all(texts);
            let ws = Workspace::from_items(loaded.records);
            // A file from a laptop whose clock ran ahead may have left stamps
            // in the future; this device's clock never follows them far.
            let limit = crate::browser::clock::now_millis() + snapshot::MAX_DRIFT_MILLIS;
            let clock = fresh_clock(ws.max_hlc().min(Hlc {
                millis: limit,
                counter: 0,
            }));
            let conflicts = decode_conflicts(db.load_conflicts().await.unwrap_or_default());
            let state = AppState::new(ws, Ok(db), clock, loaded.skipped.len(), conflicts);
            state.join_tabs();
            state
        }
        // Stored data exists but cannot be read: never write over it.
        Err(e) => AppState::new(
            Workspace::default(),
            Err(IdbError::Unreadable(e.to_string())),
            fresh_clock(Default::default()),
            0,
            Vec::new(),
        ),
    }
}

/// The root component: a loading line until storage is read, then the app.
#[component]
pub fn App() -> impl IntoView {
    let ready = RwSignal::new_local(None::<AppState>);
    leptos::task::spawn_local(async move {
        ready.set(Some(load().await));
    });
    view! {
        {move || match ready.get() {
            None => view! { <p class="loading" role="status">{crate::ui::i18n::Lang::Sv.texts().app_name}" …"</p> }.into_any(),
            Some(state) => view! { <Provided state=state /> }.into_any(),
        }}
    }
}

/// Keeps `<html lang>` in step with the language, and the document title
/// ("Insatser – Måltavla") with the page and the language.
fn sync_document_language(app: AppState) {
    Effect::new(move |_| {
        let lang = app.lang.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let nav = use_nav();
    let title = Memo::new(move |_| {
        let t = app.t();
        let heading = app.ws.with(|w| page_heading(&nav.route(), w, t));
        format!("{heading} – {}", t.app_name)
    });
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title.get());
        }
    });
}

#[component]
fn Provided(state: AppState) -> impl IntoView {
    provide_context(state);
    start_router();
    sync_document_language(state);
    // Offline from now on: the service worker keeps this build; a newer one
    // waits for the user's yes. Storage is asked to be kept, and a published
    // snapshot is looked for, without holding up the first page.
    crate::browser::worker::register(move || state.update_waiting.set(true));
    leptos::task::spawn_local(async move {
        crate::browser::storage::ask_persistent().await;
        crate::ui::sync::offer_published(state).await;
    });
    // A deck being shown has the whole screen: no menu, no footer.
    let nav = crate::ui::router::use_nav();
    let presenting = Memo::new(move |_| matches!(nav.route(), Route::Present { .. }));
    view! {
        <Show when=move || !presenting.get()>
            <Header />
            <Banners />
        </Show>
        <main id="main" tabindex="-1" class:presenting=move || presenting.get()>
            <RouteView />
        </main>
        <Show when=move || !presenting.get()>
            <Footer />
        </Show>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr(|t| t.app_name)}" · " {tr(|t| t.app_tagline)}</p>
            <p>
                <a href=Route::Accessibility.href() data-testid="footer-accessibility">
                    {tr(|t| t.accessibility.footer_link)}
                </a>
            </p>
        </footer>
    }
}
