//! The accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessibility of digital public services asks every public body to
//! publish, in the app's own words (`ui::i18n::accessibility`).
//!
//! Guarantees: it names the förbund from the data when it has a name, and
//! the app's own address, so a printed or saved copy says what it covers.

use crate::browser::history;
use crate::ui::i18n::accessibility::{AccessibilityTexts, Named, DIGG_REPORT_URL};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The statement page.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let app = use_app();
    let t = move || app.t().accessibility;
    let org = Memo::new(move |_| app.ws.with(|w| w.organisation_name().map(str::to_owned)));
    // A text that names the förbund, in the current language.
    let named = move |pick: fn(&'static AccessibilityTexts) -> Named| {
        move || org.with(|o| pick(t())(o.as_deref()))
    };
    let items = move |pick: fn(&'static AccessibilityTexts) -> &'static [&'static str]| {
        move || {
            pick(t())
                .iter()
                .map(|item| view! { <li>{*item}</li> })
                .collect_view()
        }
    };
    let address = history::app_address();
    view! {
        <article class="statement" data-testid="accessibility-statement">
            <h1>{move || t().title}</h1>
            <p class="lead">{named(|t| t.intro)}</p>

            <h2>{move || t().scope_title}</h2>
            <p>{named(|t| t.scope)}</p>
            {address.map(|a| view! {
                <p>{move || t().address_label}": " <span data-testid="app-address">{a}</span></p>
            })}

            <h2>{move || t().how_title}</h2>
            <p>{move || t().how_text}</p>
            <ul>{items(|t| &t.how_items)}</ul>

            <h2>{move || t().known_title}</h2>
            <p>{move || t().known_text}</p>
            <ul data-testid="known-shortcomings">{items(|t| &t.known_items)}</ul>

            <h2>{move || t().alternative_title}</h2>
            <p>{named(|t| t.alternative)}</p>

            <h2>{move || t().report_title}</h2>
            <p>{named(|t| t.report)}</p>
            <p>{move || t().report_contact}</p>

            <h2>{move || t().supervision_title}</h2>
            <p>{move || t().supervision_text}</p>
            <p><a href=DIGG_REPORT_URL data-testid="digg-link">{move || t().supervision_link}</a></p>

            <h2>{move || t().tested_title}</h2>
            <p>{move || t().tested_text}</p>
            <ul>{items(|t| &t.tested_items)}</ul>
            <p>{move || t().untested_text}</p>

            <h2>{move || t().made_title}</h2>
            <p data-testid="statement-date">{move || t().made_text}</p>
        </article>
    }
}
