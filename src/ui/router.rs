//! Page routing: the current [`Route`] in a signal, kept in step with the
//! address bar, and the view that shows its page.
//!
//! Why our own and not leptos_router: the routes are a closed, typed set
//! (`core::route`), and leptos_router's nested, async routing machinery cost
//! about 40 KB of the 350 KB gzipped download budget (see BENCHMARKS.md).
//! Links are ordinary `<a href>` elements; a click on one that stays inside
//! the app changes the route without a page load, so deep links, reloads,
//! the back button, "open in new tab" and no-JavaScript crawlers all work.

use super::pages::accessibility::AccessibilityPage;
use super::pages::board::BoardPage;
use super::pages::check_in::CheckInPage;
use super::pages::exchange::ExchangePage;
use super::pages::indicators::{IndicatorPage, IndicatorsPage};
use super::pages::insatser::{InsatsPage, InsatserPage};
use super::pages::meeting::MeetingPage;
use super::pages::meetings::MeetingsPage;
use super::pages::newsletter::NewsletterPage;
use super::pages::not_found::NotFoundPage;
use super::pages::organisation::OrganisationPage;
use super::pages::participants::ParticipantsPage;
use super::pages::present::PresentPage;
use super::pages::presentations::{PresentationPage, PresentationsPage};
use super::pages::projects::{ProjectPage, ProjectsPage};
use super::pages::report::ReportPage;
use super::pages::settings::SettingsPage;
use super::pages::slots::SlotsPage;
use crate::browser::history;
use crate::core::route::Route;
use crate::core::workspace::Workspace;
use crate::ui::i18n::Texts;
use leptos::ev;
use leptos::prelude::*;

/// The navigation handle pages use.
#[derive(Debug, Clone, Copy)]
pub struct Nav {
    route: RwSignal<Route>,
}

impl Nav {
    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// The current route, without subscribing to it.
    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// Goes to a page, as following a link does; `false` when the browser
    /// refused to change the address (then nothing changed).
    pub fn go(&self, route: Route) -> bool {
        let pushed = history::push(&route.href());
        if pushed {
            self.route.set(route);
            history::after_navigation();
        }
        pushed
    }

    /// Changes the address without a new history step (board filters).
    pub fn replace(&self, route: Route) {
        history::replace(&route.href());
        self.route.set(route);
    }
}

/// The navigation handle provided by [`start_router`].
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// Reads the address, provides [`Nav`], and follows the back button and
/// in-app link clicks from now on.
pub fn start_router() -> Nav {
    let (path, query) = history::current();
    let nav = Nav {
        route: RwSignal::new(Route::parse(&path, &query)),
    };
    provide_context(nav);
    // The listeners live as long as the page: the router is never torn down.
    let _ = window_event_listener(ev::popstate, move |_| {
        let (path, query) = history::current();
        nav.route.set(Route::parse(&path, &query));
    });
    let _ = window_event_listener(ev::click, move |event| {
        // Only a link the router can show replaces the page load; if the
        // address bar refuses the change, the browser follows the link.
        if let Some((path, query)) = history::in_app_link(&event) {
            let route = Route::parse(&path, &query);
            if route != Route::NotFound && nav.go(route) {
                event.prevent_default();
            }
        }
    });
    nav
}

/// Which page a route shows: the board's filters change the board, not the
/// page, so typing in a filter never rebuilds the page around it.
fn page_of(route: Route) -> Route {
    match route {
        Route::Board { .. } => Route::HOME,
        Route::Report { .. } => Route::Report { period: None },
        Route::Present { id, .. } => Route::Present { id, slide: 0 },
        other => other,
    }
}

/// The heading of a route's page, the same text as the page's `<h1>`: the
/// document title is "heading – Måltavla", so that tabs, history and screen
/// readers tell the pages apart (WCAG 2.4.2). A record that does not exist
/// (any more) gives the not-found heading, as its page does.
pub fn page_heading(route: &Route, ws: &Workspace, t: &'static Texts) -> String {
    let named = |name: Option<&str>| name.unwrap_or(t.not_found_title).to_owned();
    match route {
        Route::Board { .. } => t.board_title.into(),
        Route::Projects => t.projects_title.into(),
        Route::Project(id) => named(ws.projects.get(id).map(|p| p.name.as_str())),
        Route::Insatser => t.insatser_title.into(),
        Route::Insats(id) => named(ws.insatser.get(id).map(|i| i.name.as_str())),
        Route::Indicators => t.indicators_title.into(),
        Route::Indicator(id) => named(ws.indicators.get(id).map(|i| i.name.as_str())),
        Route::Organisation => t.organisation_title.into(),
        Route::Participants => t.participants_title.into(),
        Route::Meetings => t.meetings.title.into(),
        Route::Meeting(id) => named(ws.meetings.get(id).map(|m| m.theme.as_str())),
        Route::CheckIn(id) => named(ws.meetings.get(id).map(|_| t.meetings.check_in_title)),
        Route::Slots => t.meetings.slots_title.into(),
        Route::Newsletter => t.meetings.newsletter_title.into(),
        Route::Presentations => t.present.title.into(),
        Route::Presentation(id) => named(ws.presentations.get(id).map(|p| p.name.as_str())),
        // On the projector the page is the slide shown.
        Route::Present { id, slide } => match ws.presentations.get(id) {
            None => t.not_found_title.into(),
            Some(deck) => {
                let shown = deck.slides.get(*slide).or(deck.slides.last());
                shown.map_or_else(
                    || deck.name.clone(),
                    |s| crate::ui::i18n::names::slide_label(ws, t, s),
                )
            }
        },
        // Also the file name "Save as PDF" offers.
        Route::Report { period: Some(p) } => {
            format!(
                "{} {}",
                t.present.report_title,
                crate::core::fmt_sv::period(p)
            )
        }
        Route::Report { period: None } => t.present.report_title.into(),
        Route::Settings => t.settings_title.into(),
        Route::Exchange => t.exchange.title.into(),
        Route::Accessibility => t.accessibility.title.into(),
        Route::NotFound => t.not_found_title.into(),
    }
}

/// Shows the page of the current route.
#[component]
pub fn RouteView() -> impl IntoView {
    let nav = use_nav();
    let page = Memo::new(move |_| page_of(nav.route()));
    move || match page.get() {
        Route::Board { .. } => view! { <BoardPage /> }.into_any(),
        Route::Projects => view! { <ProjectsPage /> }.into_any(),
        Route::Project(id) => view! { <ProjectPage id=id /> }.into_any(),
        Route::Insatser => view! { <InsatserPage /> }.into_any(),
        Route::Insats(id) => view! { <InsatsPage id=id /> }.into_any(),
        Route::Indicators => view! { <IndicatorsPage /> }.into_any(),
        Route::Indicator(id) => view! { <IndicatorPage id=id /> }.into_any(),
        Route::Organisation => view! { <OrganisationPage /> }.into_any(),
        Route::Participants => view! { <ParticipantsPage /> }.into_any(),
        Route::Meetings => view! { <MeetingsPage /> }.into_any(),
        Route::Meeting(id) => view! { <MeetingPage id=id /> }.into_any(),
        Route::CheckIn(id) => view! { <CheckInPage id=id /> }.into_any(),
        Route::Slots => view! { <SlotsPage /> }.into_any(),
        Route::Newsletter => view! { <NewsletterPage /> }.into_any(),
        Route::Presentations => view! { <PresentationsPage /> }.into_any(),
        Route::Presentation(id) => view! { <PresentationPage id=id /> }.into_any(),
        Route::Present { id, .. } => view! { <PresentPage id=id /> }.into_any(),
        Route::Report { .. } => view! { <ReportPage /> }.into_any(),
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        Route::Exchange => view! { <ExchangePage /> }.into_any(),
        Route::Accessibility => view! { <AccessibilityPage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}
