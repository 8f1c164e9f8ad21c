//! The frame around every page: skip link, header with the main menu,
//! banners for storage problems and notices, and the footer.

use crate::browser::worker;
use crate::core::route::Route;
use crate::core::workspace::Tables;
use crate::ui::i18n::Texts;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The header with the app name, the förbund's name and the main menu.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let org = move || {
        app.ws.reading(Tables::ORGANISATION, |w| {
            w.organisation_name().map(str::to_owned)
        })
    };
    let nav = use_nav();
    let section = Memo::new(move |_| nav.route().section());
    let link =
        move |target: Route, text: fn(&'static Texts) -> &'static str, testid: &'static str| {
            let href = target.href();
            let current = move || (section.get() == target).then_some("page");
            view! { <li><a href=href data-testid=testid aria-current=current>{tr(text)}</a></li> }
        };
    view! {
        <a class="skip-link" href="#main">{tr(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <div class="brand">
                <a href=Route::HOME.href() class="app-name">{tr(|t| t.app_name)}</a>
                <span class="org-name" data-testid="org-name">{move || org().unwrap_or_else(|| app.t().app_tagline.to_owned())}</span>
            </div>
            <nav aria-label=move || app.t().nav_label>
                <ul>
                    {link(Route::Board { period: None, focus: None }, |t| t.nav_board, "nav-board")}
                    {link(Route::Projects, |t| t.nav_projects, "nav-projects")}
                    {link(Route::Insatser, |t| t.nav_insatser, "nav-insatser")}
                    {link(Route::Indicators, |t| t.nav_indicators, "nav-indicators")}
                    {link(Route::Participants, |t| t.nav_participants, "nav-participants")}
                    {link(Route::Meetings, |t| t.meetings.nav, "nav-meetings")}
                    {link(Route::Slots, |t| t.meetings.nav_slots, "nav-slots")}
                    {link(Route::Newsletter, |t| t.meetings.nav_newsletter, "nav-newsletter")}
                    {link(Route::Presentations, |t| t.present.nav, "nav-presentations")}
                    {link(Route::Organisation, |t| t.nav_organisation, "nav-organisation")}
                    {link(Route::Exchange, |t| t.exchange.nav, "nav-exchange")}
                    {link(Route::Settings, |t| t.nav_settings, "nav-settings")}
                </ul>
            </nav>
        </header>
    }
}

/// Banners: storage problems (persistent), a waiting new version, a
/// published snapshot with news, and the last notice.
#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    // A notice belongs to the page it was given on: it goes when the user
    // moves to another page (it may be given just before a move, as loading
    // the example data does, and then belongs to the page moved to).
    Effect::new(move |before: Option<(bool, Route)>| {
        let shown = app.notice.with(Option::is_some);
        let route = nav.route();
        if let Some((true, was)) = before {
            if shown && !was.same_page(&route) {
                app.notice.set(None);
                return (false, route);
            }
        }
        (shown, route)
    });
    view! {
        <div class="banners" aria-live="polite">
            {move || app.storage_error.get().map(|e| view! {
                <p class="banner banner-error" role="alert" data-testid="storage-error">{app.storage_message(&e)}</p>
            })}
            {move || {
                let n = app.skipped_records.get();
                (n > 0).then(|| view! { <p class="banner banner-error">{(app.t().records_skipped)(n)}</p> })
            }}
            {move || (app.update_waiting.get() && !app.outdated.get()).then(|| view! {
                <p class="banner banner-notice" data-testid="update-ready">
                    {move || app.t().offline.update_ready}" "
                    <button type="button" data-testid="update-reload" on:click=move |_| worker::activate_waiting()>
                        {move || app.t().offline.update_reload}
                    </button>
                </p>
            })}
            {move || app.outdated.get().then(|| view! {
                <p class="banner banner-error" role="alert" data-testid="outdated">
                    {move || app.t().trust.outdated_banner}" "
                    <button type="button" data-testid="outdated-reload" on:click=move |_| worker::reload_tab()>
                        {move || app.t().trust.reload}
                    </button>
                </p>
            })}
            <StampsAhead />
            {move || app.published.with(Option::is_some).then(|| view! {
                <p class="banner banner-notice" data-testid="published-news">
                    {move || app.t().offline.published_news}" "
                    <a href=Route::Exchange.href() data-testid="published-show">{move || app.t().offline.published_show}</a>
                </p>
            })}
            {move || app.notice.get().map(|n| view! {
                <p class="banner banner-notice" data-testid="notice">
                    {n}
                    <button
                        type="button"
                        class="link-button"
                        aria-label=tr(|t| t.close)
                        on:click=move |_| app.notice.set(None)
                    >
                        "×"
                    </button>
                </p>
            })}
        </div>
    }
}

/// Records stamped too far ahead of this device's clock: what that means,
/// and the repair (every value kept, see `core::exchange::merge::restamp`).
#[component]
fn StampsAhead() -> impl IntoView {
    let app = use_app();
    let busy = RwSignal::new(false);
    let repair = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let message = match app.repair_stamps().await {
                Ok(n) => (app.t_now().trust.stamps_repaired)(n),
                Err(e) => app.write_message(&e),
            };
            app.notice.set(Some(message));
            busy.set(false);
        });
    };
    move || {
        app.stamps_ahead.get().map(|(records, ahead)| {
            view! {
                <p class="banner banner-error" role="alert" data-testid="stamps-ahead">
                    {move || (app.t().trust.stamps_ahead)(records, ahead)}" "
                    <button type="button" data-testid="stamps-repair" disabled=move || busy.get() on:click=repair>
                        {move || app.t().trust.stamps_repair}
                    </button>
                </p>
            }
        })
    }
}
