//! The list pages of projects, insatser and indicators: a heading, a button
//! that opens the form for a new record, and the records as cards.
//!
//! Guarantees: a saved new record is opened on its own page; a cancelled
//! form gives the button back. The component is not generic over the
//! record type (each page hands over its rows as a view), so its view code
//! is compiled once, not once per kind of record.

use crate::core::ids::RecordId;
use crate::core::route::Route;
use crate::core::workspace::Workspace;
use crate::ui::i18n::Texts;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, AppState};
use leptos::prelude::*;

/// A list page. `form` builds the new-record form around the callback it
/// must call when done, `rows` the `<li>` cards; `children` stand between
/// the button and the list.
#[component]
pub fn RecordList(
    title: fn(&'static Texts) -> &'static str,
    new_label: fn(&'static Texts) -> &'static str,
    new_testid: &'static str,
    empty_text: fn(&'static Texts) -> &'static str,
    list_testid: &'static str,
    #[prop(into)] empty: Signal<bool>,
    page: fn(RecordId) -> Route,
    form: fn(Callback<Option<RecordId>>) -> AnyView,
    #[prop(into)] rows: ViewFn,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let nav = use_nav();
    let creating = RwSignal::new(false);
    let on_done = Callback::new(move |saved: Option<RecordId>| {
        creating.set(false);
        if let Some(id) = saved {
            nav.go(page(id));
        }
    });
    view! {
        <h1>{tr(title)}</h1>
        <Show when=move || !creating.get() fallback=move || form(on_done)>
            <button type="button" class="primary" data-testid=new_testid on:click=move |_| creating.set(true)>{tr(new_label)}</button>
        </Show>
        {children.map(|c| c())}
        <Show when=move || !empty.get() fallback=move || view! { <p>{tr(empty_text)}</p> }>
            <ul class="card-list" data-testid=list_testid>
                {let rows = rows.clone(); move || rows.run()}
            </ul>
        </Show>
    }
}

/// The records `list` returns, copied out of the workspace so that views
/// can own them, and kept up to date with it.
pub fn records_memo<T>(app: AppState, list: for<'w> fn(&'w Workspace) -> Vec<&'w T>) -> Memo<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| app.ws.with(|w| list(w).into_iter().cloned().collect()))
}
