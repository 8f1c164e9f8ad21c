//! Måltavla: hello world scaffold.
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1 data-testid="app-title">"Måltavla"</h1></main> }
}
