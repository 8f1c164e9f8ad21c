//! Selects over fixed choices: the variants of an enum, bound to a typed
//! value, and the projects and insatser a scope or focus can name.
//!
//! Guarantees: the value is always a variant (the select's text is read
//! with `core::codes::from_code`, and only the variants' codes are
//! offered), so a form never falls back to a default on a code it does
//! not know.
//!
//! The select itself ([`CodeSelect`]) works on codes and is not generic:
//! Leptos view code is compiled once per type parameter, so only the thin
//! mapping between `T` and its code is instantiated per enum, which keeps
//! the wasm small.

use crate::core::codes::{code, from_code};
use crate::core::model::Scope;
use crate::core::workspace::Workspace;
use crate::ui::forms::controls::{Choice, SelectField};
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
    let choices = Signal::derive(move || {
        let t = app.t();
        options
            .iter()
            .map(|o| Choice::new(code(o), text(t, *o)))
            .collect::<Vec<_>>()
    });
    // A text that is no variant (none is offered) changes nothing.
    let on_pick = Callback::new(move |picked: String| {
        if let Ok(v) = from_code::<T>(&picked) {
            if value.get_untracked() != v {
                value.set(v);
            }
        }
    });
    CodeSelect(CodeSelectProps {
        id,
        label,
        current: Signal::derive(move || code(&value.get())),
        choices,
        on_pick,
        error: error.unwrap_or_else(|| Signal::derive(|| None)),
    })
}

/// The select behind [`EnumSelect`]: shows `current`, the code of the
/// value, and reports each code the person picks to `on_pick`.
#[component]
fn CodeSelect(
    id: String,
    label: Signal<String>,
    current: Signal<String>,
    choices: Signal<Vec<Choice>>,
    on_pick: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let picked = RwSignal::new(current.get_untracked());
    // The person's pick becomes the value.
    Effect::new(move |_| on_pick.run(picked.get()));
    // A value set by the form (a reset, the address) shows in the select.
    Effect::new(move |_| {
        let now = current.get();
        if picked.get_untracked() != now {
            picked.set(now);
        }
    });
    view! { <SelectField id=id label=label value=picked choices=choices error=error /> }
}

/// Every project and insats as select options, valued by the scope's text
/// form (which `Scope` and `Focus` read back), labelled with their kind,
/// for choosing a scope or a focus.
pub fn project_and_insats_choices(ws: &Workspace, t: &Texts) -> Vec<Choice> {
    let projects = ws.projects_by_name().into_iter().map(|p| {
        Choice::new(
            Scope::Project(p.meta.id.clone()).to_string(),
            format!("{}: {}", t.project_label, p.name),
        )
    });
    let insatser = ws.insatser_by_name().into_iter().map(|i| {
        Choice::new(
            Scope::Insats(i.meta.id.clone()).to_string(),
            format!("{}: {}", t.nav_insatser, i.name),
        )
    });
    projects.chain(insatser).collect()
}
