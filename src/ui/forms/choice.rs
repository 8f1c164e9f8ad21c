//! A select over the variants of an enum, bound to a typed value.
//!
//! Guarantees: the value is always a variant (the select's text is read
//! with `core::codes::from_code`, and only the variants' codes are
//! offered), so a form never falls back to a default on a code it does
//! not know.

use crate::core::codes::{code, from_code};
use crate::ui::components::form::{Choice, SelectField};
use crate::ui::i18n::Texts;
use crate::ui::state::use_app;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A select offering `options` (in that order), each named by `text` in
/// the current language, bound to `value`; `error` is shown under it.
#[component]
pub fn EnumSelect<T>(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<T>,
    options: &'static [T],
    text: fn(&'static Texts, T) -> &'static str,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    let app = use_app();
    let picked = RwSignal::new(code(&value.get_untracked()));
    // The person's pick becomes the value; a text that is no variant (none
    // is offered) changes nothing.
    Effect::new(move |_| {
        if let Ok(v) = from_code::<T>(&picked.get()) {
            if value.get_untracked() != v {
                value.set(v);
            }
        }
    });
    // A value set by the form (a reset, the address) shows in the select.
    Effect::new(move |_| {
        let now = code(&value.get());
        if picked.get_untracked() != now {
            picked.set(now);
        }
    });
    let choices = Signal::derive(move || {
        let t = app.t();
        options
            .iter()
            .map(|o| Choice::new(code(o), text(t, *o)))
            .collect::<Vec<_>>()
    });
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    view! { <SelectField id=id label=label value=picked choices=choices error=error /> }
}
