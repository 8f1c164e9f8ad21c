//! The root: loads the stored records, builds the state, provides it, and
//! declares the routes.

use super::components::layout::{Banners, Header};
use super::router::{page_heading, start_router, use_nav, RouteView};
use super::state::{decode_conflicts, stored_lang, tr, AppState};
use crate::browser::clock::Clock;
use crate::browser::idb::{DbEvents, IdbError, RecordDb};
use crate::browser::perf::Span;
use crate::browser::settings::{self, Key};
use crate::core::route::Route;
use crate::core::stored;
use crate::core::workspace::Workspace;
use leptos::prelude::*;

/// Opens storage and reads everything. Without IndexedDB, or when what is
/// stored cannot be read, the app still runs on an empty workspace that is
/// never saved (and says so), so nothing stored is ever overwritten.
/// `blocked` is set while opening waits for tabs of an older version.
async fn load(blocked: RwSignal<bool>) -> AppState {
    let outdated = RwSignal::new(false);
    // The newest data format any tab of this profile runs: a newer one
    // means this tab is an old version still open, which must not write.
    match settings::get(Key::DataFormat) {
        Some(mark) if stored::is_newer_mark(&mark) => outdated.set(true),
        _ => {
            settings::set(Key::DataFormat, &stored::format_mark());
        }
    }
    let events = DbEvents {
        blocked: Box::new(move || blocked.set(true)),
        version_change: Box::new(move || outdated.set(true)),
    };
    let opened = RecordDb::open(events).await;
    blocked.set(false);
    let (ws, db, skipped, conflicts) = match opened {
        Ok(db) => match db.read_records().await {
            Ok(loaded) => {
                let conflicts = db.load_conflicts().await;
                let span = Span::start("maltavla:workspace");
                let ws = Workspace::from_items(loaded.records);
                span.end();
                (ws, Ok(db), loaded.skipped.len(), conflicts)
            }
            // Stored data exists but cannot be read: never write over it.
            Err(e) => (
                Workspace::default(),
                Err(IdbError::Unreadable(e.to_string())),
                0,
                Ok(Vec::new()),
            ),
        },
        Err(e) => (Workspace::default(), Err(e), 0, Ok(Vec::new())),
    };
    // A file from a laptop whose clock ran ahead may have left stamps in
    // the future; this device's clock never follows them far (and goes on
    // under a new id if its own readings lie far ahead: core::clock).
    let (clock, new_device) = Clock::start(ws.max_hlc());
    let has_db = db.is_ok();
    // English is a part of its own: here before the first page in English.
    let _ = stored_lang().fetch().await;
    let (conflicts, conflicts_unreadable) = match conflicts {
        Ok(texts) => (decode_conflicts(texts), None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let state = AppState::new(ws, db, clock, skipped, conflicts);
    state.outdated.set(outdated.get_untracked());
    // Closures above hold `outdated`; keep the state's signal in step.
    Effect::new(move |_| {
        if outdated.get() {
            state.outdated.set(true);
        }
    });
    if let Some(e) = conflicts_unreadable {
        state.storage_error.set(Some(e));
        state.conflicts_unreadable.set(true);
    }
    if new_device {
        state
            .notice
            .set(Some(state.t_now().trust.new_device_clock.to_owned()));
    }
    if has_db {
        state.join_tabs();
    }
    state
}

/// The root component: a loading line until storage is read, then the app.
#[component]
pub fn App() -> impl IntoView {
    let ready = RwSignal::new_local(None::<AppState>);
    let blocked = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        ready.set(Some(load(blocked).await));
    });
    view! {
        {move || match ready.get() {
            None => view! {
                <p class="loading" role="status">
                    {crate::ui::i18n::Lang::Sv.texts().app_name}" …"
                    {move || blocked.get().then(|| view! { <br />{crate::ui::i18n::Lang::Sv.texts().trust.db_blocked} })}
                </p>
            }.into_any(),
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
    crate::browser::worker::register(
        move || state.update_waiting.set(true),
        move || state.outdated.set(true),
    );
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
