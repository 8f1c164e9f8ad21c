//! The financing rows of the project and insats forms: who finances and
//! with which share, one row each, added and removed by hand.

use crate::core::validate::financing::FinancingDraft;
use crate::core::validate::{Field, FormErrors};
use crate::ui::forms::controls::{field_error, Choice, ErrorText};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The financier choices: the state, the region, each member municipality,
/// the ESF, own capital and another by name.
fn financier_choices() -> Signal<Vec<Choice>> {
    let app = use_app();
    Signal::derive(move || {
        let t = app.t();
        let e = t.economy;
        let mut v = vec![
            Choice::new("", t.choose_option),
            Choice::new("state", e.state),
            Choice::new("region", e.region),
        ];
        app.ws.with(|w| {
            v.extend(
                w.municipalities_by_name()
                    .into_iter()
                    .map(|m| Choice::new(m.meta.id.as_str(), m.name.clone())),
            )
        });
        v.push(Choice::new("esf", e.esf));
        v.push(Choice::new("own_capital", e.own_capital));
        v.push(Choice::new("other", e.other_financier));
        v
    })
}

/// One editable financing row.
#[component]
fn FinancingRow(
    index: usize,
    rows: RwSignal<Vec<FinancingDraft>>,
    errors: RwSignal<FormErrors>,
    prefix: &'static str,
) -> impl IntoView {
    let app = use_app();
    let get = move |f: fn(&FinancingDraft) -> String| {
        move || rows.with(|r| r.get(index).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut FinancingDraft, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            rows.update(|r| {
                if let Some(row) = r.get_mut(index) {
                    f(row, v);
                }
            })
        }
    };
    let error = field_error(errors, Field::Financing(index));
    let id = move |f: &str| format!("{prefix}-financing-{index}-{f}");
    let choices = financier_choices();
    let is_other = move || rows.with(|r| r.get(index).is_some_and(|d| d.financier == "other"));
    view! {
        <fieldset class="contact-row" data-testid="financing-row">
            <legend>{move || (app.t().economy.financing_row)(index + 1)}</legend>
            <div class="field"><label for=id("financier")>{tr(|t| t.economy.financier)}</label>
                <select id=id("financier") on:change=set(|d, v| d.financier = v) aria-describedby=id("error")>
                    {move || choices.get().into_iter().map(|c| {
                        let selected = get(|d| d.financier.clone())() == c.value;
                        view! { <option value=c.value.clone() selected=selected>{c.label.clone()}</option> }
                    }).collect_view()}
                </select></div>
            <Show when=is_other>
                <div class="field"><label for=id("name")>{tr(|t| t.economy.financier_name)}</label>
                    <input id=id("name") prop:value=get(|d| d.name.clone()) on:input=set(|d, v| d.name = v) /></div>
            </Show>
            <div class="field"><label for=id("share")>{tr(|t| t.economy.financing_share)}</label>
                <input id=id("share") inputmode="decimal" aria-describedby=id("error")
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=get(|d| d.share.clone()) on:input=set(|d, v| d.share = v) /></div>
            <ErrorText id=id("error") error=error />
            <button type="button" class="link-button" on:click=move |_| rows.update(|r| { if index < r.len() { r.remove(index); } })>
                {tr(|t| t.economy.remove_financier)}
            </button>
        </fieldset>
    }
}

/// Every financing row of a form, and the button that adds one; a
/// problem with the list as a whole (more than 100 %) is shown under it.
#[component]
pub fn FinancingFields(
    rows: RwSignal<Vec<FinancingDraft>>,
    errors: RwSignal<FormErrors>,
    /// Starts the element ids (`project`, `insats`).
    prefix: &'static str,
) -> impl IntoView {
    // Only the number of rows re-renders the list, so typing keeps focus.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let app = use_app();
    let whole = Signal::derive(move || {
        let n = rows.with(Vec::len);
        let t = app.t();
        errors.with(|e| {
            e.at(Field::Financing(n))
                .map(|p| crate::ui::i18n::problems::problem(t, p))
        })
    });
    view! {
        <fieldset class="contacts" data-testid=format!("{prefix}-financing")>
            <legend>{tr(|t| t.economy.financing)}</legend>
            <p class="hint">{tr(|t| t.economy.financing_hint)}</p>
            {move || (0..count.get()).map(|i| view! { <FinancingRow index=i rows=rows errors=errors prefix=prefix /> }).collect_view()}
            <ErrorText id=format!("{prefix}-financing-error") error=whole />
            <button type="button" data-testid=format!("{prefix}-add-financier") on:click=move |_| rows.update(|r| r.push(FinancingDraft::default()))>{tr(|t| t.economy.add_financier)}</button>
        </fieldset>
    }
}
