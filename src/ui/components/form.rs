//! Labelled form controls that show the core's validation messages at the
//! field, with the ARIA wiring screen readers need.
//!
//! Guarantees: every control has a visible `<label>`; an error sets
//! `aria-invalid` and is linked with `aria-describedby`; controls only hold
//! raw text, never parse it (the core does).

use crate::core::validate::{Field, FormErrors};
use crate::ui::messages;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The message for one field of a form, in the current language.
pub fn field_error(errors: RwSignal<FormErrors>, field: Field) -> Signal<Option<String>> {
    let app = use_app();
    Signal::derive(move || {
        let t = app.t();
        errors.with(|e| e.at(field).map(|p| messages::problem(t, p)))
    })
}

/// The error line under a control; empty when there is no error.
#[component]
pub fn ErrorText(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-error" id=id data-testid="field-error" hidden=move || error.with(Option::is_none)>
            {move || error.get().map(|e| format!("⚠ {e}"))}
        </p>
    }
}

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-error {id}-hint")
    } else {
        format!("{id}-error")
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    // What the field holds about the user ("username"), so browsers and
    // assistive tools can fill it in (WCAG 1.3.5).
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_hint = hint.is_some();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}{required.then_some(" *")}</label>
            <input
                id=id.clone()
                name=id.clone()
                type=input_type.unwrap_or("text")
                inputmode=inputmode
                autocomplete=autocomplete
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described_by(&id, has_hint)
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <ErrorText id=error_id error=error />
        </div>
    }
}

/// A multi-line text input.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <textarea
                id=id.clone()
                name=id.clone()
                rows="3"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{id}-error")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <ErrorText id=error_id error=error />
        </div>
    }
}

/// One option of a select: its value and its visible text.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Visible text.
    pub label: String,
}

impl Choice {
    /// A choice from a value and a label.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// A select whose options may change with the data or the language.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    // The select can only show one of its options: a value that is not among
    // them (options changed, or a stale value) becomes the first option, so
    // what is shown is always what will be saved.
    Effect::new(move |_| {
        choices.with(|cs| {
            let current = value.get_untracked();
            if !cs.iter().any(|c| c.value == current) {
                if let Some(first) = cs.first() {
                    value.set(first.value.clone());
                }
            }
        })
    });
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <select
                id=id.clone()
                name=id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=format!("{id}-error")
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|c| {
                            let selected = value.get_untracked() == c.value;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <ErrorText id=error_id error=error />
        </div>
    }
}

/// A checkbox with its label.
#[component]
pub fn CheckField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    checked: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="field check">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label for=id>{move || label.get()}</label>
        </div>
    }
}

/// The summary at the top of a form after a failed submit; announced to
/// screen readers.
#[component]
pub fn FormSummary(
    errors: RwSignal<FormErrors>,
    #[prop(optional, into)] extra: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let app = use_app();
    let extra = extra.unwrap_or_else(|| Signal::derive(|| None));
    view! {
        <div role="alert" class="form-summary" data-testid="form-summary">
            {move || (!errors.with(FormErrors::is_empty)).then(|| view! { <p>{app.t().form_has_errors}</p> })}
            {move || {
                errors.with(|e| e.at(Field::Form).map(|p| messages::problem(app.t(), p)))
                    .map(|m| view! { <p>{m}</p> })
            }}
            {move || extra.get().map(|e| view! { <p>{e}</p> })}
        </div>
    }
}

/// Save and cancel buttons of a form.
#[component]
pub fn FormButtons(on_cancel: Callback<()>, busy: ReadSignal<bool>) -> impl IntoView {
    view! {
        <div class="form-buttons">
            <button type="submit" class="primary" data-testid="save" disabled=move || busy.get()>
                {tr(|t| t.save)}
            </button>
            <button type="button" on:click=move |_| on_cancel.run(())>{tr(|t| t.cancel)}</button>
        </div>
    }
}

/// Puts the keyboard focus in the first field of a form that has just
/// opened ("Ny insats", "Lägg till mål", "Ändra"): the button that opened
/// it is gone, and without this the next Tab would skip the whole form
/// (WCAG 2.4.3). Runs once, when the form is in the page.
pub fn focus_first_field(form: NodeRef<leptos::html::Form>) {
    use wasm_bindgen::JsCast;
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(form) = form.get() else {
            return false;
        };
        let first = form
            .query_selector("input, select, textarea")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = first {
            let _ = field.focus();
        }
        true
    });
}
