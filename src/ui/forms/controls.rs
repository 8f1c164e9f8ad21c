//! Labelled form controls that show the core's validation messages at the
//! field, with the ARIA wiring screen readers need.
//!
//! Guarantees: every control has a visible `<label>`; an error sets
//! `aria-invalid` and is linked with `aria-describedby`; controls only hold
//! raw text, never parse it (the core does).

use crate::core::validate::{Field, FormErrors};
use crate::ui::i18n::problems;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The message for one field of a form, in the current language.
pub fn field_error(errors: RwSignal<FormErrors>, field: Field) -> Signal<Option<String>> {
    let app = use_app();
    Signal::derive(move || {
        let t = app.t();
        errors.with(|e| e.at(field).map(|p| problems::problem(t, p)))
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
                errors.with(|e| e.at(Field::Form).map(|p| problems::problem(app.t(), p)))
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
            <button type="button" data-testid="cancel" on:click=move |_| on_cancel.run(())>{tr(|t| t.cancel)}</button>
        </div>
    }
}

/// Keeps the keyboard focus in place around a form that opens in place of
/// the button that opened it ("Ny insats", "Lägg till mål", "Ändra"): when
/// the form appears its first field gets the focus, or the next Tab would
/// skip the whole form; when it goes (saved or cancelled) and the focus
/// went with it, the focus goes back to the button that opened it, or, when
/// that button was replaced by the form, to the first control after where
/// the form stood, which is the new one (WCAG 2.4.3). A page the save moves
/// to places the focus itself.
pub fn form_focus(form: NodeRef<leptos::html::Form>) {
    use std::sync::atomic::{AtomicU32, Ordering};
    use wasm_bindgen::JsCast;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    // The element before the form (or around it, when it is the first) is
    // marked, so the focus can find its way back without holding on to a
    // DOM node after the form is gone.
    let mark = NEXT.fetch_add(1, Ordering::Relaxed).to_string();
    let marked = mark.clone();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(form) = form.get() else {
            return false;
        };
        let (anchor, attr) = match form.previous_element_sibling() {
            Some(before) => (Some(before), "data-form-after"),
            None => (form.parent_element(), "data-form-inside"),
        };
        if let Some(anchor) = anchor {
            let _ = anchor.set_attribute(attr, &marked);
        }
        // The button that opened the form, when it stays in the page.
        let doc = form.owner_document();
        if let Some(opener) = doc.as_ref().and_then(|d| d.active_element()) {
            if !doc
                .and_then(|d| d.body())
                .is_some_and(|b| b.is_same_node(Some(&opener)))
            {
                let _ = opener.set_attribute("data-form-opener", &marked);
            }
        }
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
    on_cleanup(move || {
        // After the view that takes the form's place is in the page.
        set_timeout(move || return_focus(&mark), std::time::Duration::ZERO);
    });
}

/// Focuses the first control after (or inside) the element marked `mark`,
/// if the focus was lost (it is on the page's body), and removes the mark.
fn return_focus(mark: &str) {
    use wasm_bindgen::JsCast;
    const CONTROL: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), [tabindex=\"0\"]";
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let find = |attr: &str| {
        doc.query_selector(&format!("[{attr}=\"{mark}\"]"))
            .ok()
            .flatten()
    };
    let lost = doc
        .active_element()
        .is_none_or(|e| doc.body().is_some_and(|b| b.is_same_node(Some(&e))));
    let opener = find("data-form-opener");
    if let Some(o) = &opener {
        let _ = o.remove_attribute("data-form-opener");
    }
    let target = if let Some(before) = find("data-form-after") {
        let _ = before.remove_attribute("data-form-after");
        let mut next = before.next_element_sibling();
        let mut found = None;
        while let (Some(e), None) = (next.clone(), found.as_ref()) {
            found = if e.matches(CONTROL).unwrap_or(false) {
                Some(e.clone())
            } else {
                e.query_selector(CONTROL).ok().flatten()
            };
            next = e.next_element_sibling();
        }
        found
    } else if let Some(around) = find("data-form-inside") {
        let _ = around.remove_attribute("data-form-inside");
        around.query_selector(CONTROL).ok().flatten()
    } else {
        None
    };
    if lost {
        if let Some(t) = opener
            .or(target)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = t.focus();
        }
    }
}
