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
use crate::ui::split::{later_part, ready_now, PartMissing, PartMissingNotice};
use leptos::ev;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU8, Ordering};

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
            format!("{} {}", t.present.report_title, t.numbers.period(p))
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
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
        route => later_page(route),
    }
}

/// A page that is not the board. In the shipped build each area's pages
/// are a part of the wasm of their own (`ui::split`), fetched the first time
/// one of them opens: a first visit downloads the board and nothing it does
/// not show. Pages are grouped by area, not split one by one: every split
/// point costs exports and shared parts (BENCHMARKS.md, "Splitting the wasm
/// per page"). A part already fetched gives its page at once; else the page
/// shows when its part arrives, or a notice with a button that tries again.
fn later_page(route: Route) -> AnyView {
    let Some(area) = Area::of(&route) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(page) = area.fetched().then(|| area.page(route.clone())).flatten() {
        return page;
    }
    let state = RwSignal::new(None::<Result<(), PartMissing>>);
    let fetch = move || {
        leptos::task::spawn_local(async move {
            let fetched = area.fetch().await;
            // The page may be gone by now (another was chosen meanwhile).
            let _ = state.try_set(Some(fetched));
        });
    };
    fetch();
    let retry = Callback::new(move |()| {
        state.set(None);
        fetch();
    });
    (move || match state.get() {
        None => ().into_any(),
        Some(fetched) => fetched
            .ok()
            .and_then(|()| area.page(route.clone()))
            .unwrap_or_else(|| view! { <PartMissingNotice retry=retry /> }.into_any()),
    })
    .into_any()
}

/// The areas of pages, each a part of the wasm in the shipped build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    Records,
    Participants,
    Meetings,
    Reports,
    Exchange,
}

/// The areas whose part this tab has fetched, one bit each.
static FETCHED: AtomicU8 = AtomicU8::new(0);

impl Area {
    fn of(route: &Route) -> Option<Area> {
        Some(match route {
            Route::Projects
            | Route::Project(_)
            | Route::Insatser
            | Route::Insats(_)
            | Route::Indicators
            | Route::Indicator(_)
            | Route::Organisation => Area::Records,
            Route::Participants => Area::Participants,
            Route::Meetings | Route::Meeting(_) | Route::CheckIn(_) | Route::Slots => {
                Area::Meetings
            }
            Route::Newsletter
            | Route::Presentations
            | Route::Presentation(_)
            | Route::Present { .. }
            | Route::Report { .. } => Area::Reports,
            Route::Settings | Route::Exchange | Route::Accessibility => Area::Exchange,
            Route::Board { .. } | Route::NotFound => return None,
        })
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// Whether the part is here: always, in a build that is not split.
    fn fetched(self) -> bool {
        !cfg!(feature = "split") || FETCHED.load(Ordering::Relaxed) & self.bit() != 0
    }

    /// Fetches the area's part (at once when it is already here).
    async fn fetch(self) -> Result<(), PartMissing> {
        match self {
            Area::Records => fetch_record_pages().await?,
            Area::Participants => fetch_participant_pages().await?,
            Area::Meetings => fetch_meeting_pages().await?,
            Area::Reports => fetch_report_pages().await?,
            Area::Exchange => fetch_exchange_pages().await?,
        }
        FETCHED.fetch_or(self.bit(), Ordering::Relaxed);
        Ok(())
    }

    /// The page of `route`, built here and now: a fetched part answers at
    /// its first poll; `None` if the part is not here.
    fn page(self, route: Route) -> Option<AnyView> {
        let page = match self {
            Area::Records => ready_now(record_pages(route)),
            Area::Participants => ready_now(participant_pages(route)),
            Area::Meetings => ready_now(meeting_pages(route)),
            Area::Reports => ready_now(report_pages(route)),
            Area::Exchange => ready_now(exchange_pages(route)),
        };
        page.and_then(Result::ok)
    }
}

later_part! {
    fetch = fetch_record_pages;
    /// Projects, insatser, indicators and the organisation.
    async fn record_pages(route: Route) -> AnyView {
        match route {
            Route::Projects => view! { <ProjectsPage /> }.into_any(),
            Route::Project(id) => view! { <ProjectPage id=id /> }.into_any(),
            Route::Insatser => view! { <InsatserPage /> }.into_any(),
            Route::Insats(id) => view! { <InsatsPage id=id /> }.into_any(),
            Route::Indicators => view! { <IndicatorsPage /> }.into_any(),
            Route::Indicator(id) => view! { <IndicatorPage id=id /> }.into_any(),
            Route::Organisation => view! { <OrganisationPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

later_part! {
    fetch = fetch_participant_pages;
    /// The participant flow and its CSV import.
    async fn participant_pages(route: Route) -> AnyView {
        match route {
            Route::Participants => view! { <ParticipantsPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

later_part! {
    fetch = fetch_meeting_pages;
    /// Frukostmöten, their check-in and the open places.
    async fn meeting_pages(route: Route) -> AnyView {
        match route {
            Route::Meetings => view! { <MeetingsPage /> }.into_any(),
            Route::Meeting(id) => view! { <MeetingPage id=id /> }.into_any(),
            Route::CheckIn(id) => view! { <CheckInPage id=id /> }.into_any(),
            Route::Slots => view! { <SlotsPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

later_part! {
    fetch = fetch_report_pages;
    /// The newsletter, presentations and the follow-up report.
    async fn report_pages(route: Route) -> AnyView {
        match route {
            Route::Newsletter => view! { <NewsletterPage /> }.into_any(),
            Route::Presentations => view! { <PresentationsPage /> }.into_any(),
            Route::Presentation(id) => view! { <PresentationPage id=id /> }.into_any(),
            Route::Present { id, .. } => view! { <PresentPage id=id /> }.into_any(),
            Route::Report { .. } => view! { <ReportPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

later_part! {
    fetch = fetch_exchange_pages;
    /// Settings, sharing data and the accessibility statement.
    async fn exchange_pages(route: Route) -> AnyView {
        match route {
            Route::Settings => view! { <SettingsPage /> }.into_any(),
            Route::Exchange => view! { <ExchangePage /> }.into_any(),
            Route::Accessibility => view! { <AccessibilityPage /> }.into_any(),
            _ => view! { <NotFoundPage /> }.into_any(),
        }
    }
}
