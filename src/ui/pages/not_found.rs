//! What an address that leads nowhere shows.

use crate::core::route::Route;
use crate::ui::state::tr;
use leptos::prelude::*;

/// The page for unknown addresses.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.not_found_title)}</h1>
        <p>{tr(|t| t.not_found_text)}</p>
        <p><a href=Route::HOME.href()>{tr(|t| t.back_to_board)}</a></p>
    }
}

/// Shown on a record's page when the record does not exist (any more).
#[component]
pub fn RecordMissing() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.not_found_title)}</h1>
        <p data-testid="record-missing">{tr(|t| t.record_missing)}</p>
        <p><a href=Route::HOME.href()>{tr(|t| t.back_to_board)}</a></p>
    }
}
