//! The insats form, with municipalities to tick and contact rows to add.

use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{Insats, InsatsKind, Orientation, Record};
use crate::core::validate::{build_insats, ContactDraft, Field, FormErrors, InsatsDraft};
use crate::ui::forms::choice::EnumSelect;
use crate::ui::forms::controls::{
    field_error, Choice, ErrorText, SelectField, TextArea, TextField,
};
use crate::ui::forms::financing::FinancingFields;
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// One editable contact row.
#[component]
fn ContactRow(
    index: usize,
    contacts: RwSignal<Vec<ContactDraft>>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let app = use_app();
    let get = move |f: fn(&ContactDraft) -> String| {
        move || contacts.with(|c| c.get(index).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut ContactDraft, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            contacts.update(|c| {
                if let Some(row) = c.get_mut(index) {
                    f(row, v);
                }
            })
        }
    };
    let email_error = field_error(errors, Field::ContactEmail(index));
    let row_error = field_error(errors, Field::Contact(index));
    let id = move |f: &str| format!("contact-{index}-{f}");
    view! {
        <fieldset class="contact-row">
            <legend>{move || (app.t().contact_n)(index + 1)}</legend>
            <div class="field"><label for=id("role")>{tr(|t| t.contact_role)}</label>
                <input id=id("role") prop:value=get(|c| c.role.clone()) on:input=set(|c, v| c.role = v) /></div>
            <div class="field"><label for=id("name")>{tr(|t| t.contact_name)}</label>
                <input id=id("name") prop:value=get(|c| c.name.clone()) on:input=set(|c, v| c.name = v) /></div>
            <div class="field"><label for=id("phone")>{tr(|t| t.contact_phone)}</label>
                <input id=id("phone") type="tel" prop:value=get(|c| c.phone.clone()) on:input=set(|c, v| c.phone = v) /></div>
            <div class="field" class:has-error=move || email_error.with(Option::is_some)>
                <label for=id("email")>{tr(|t| t.contact_email)}</label>
                <input id=id("email") type="email" aria-describedby=id("email-error")
                    aria-invalid=move || if email_error.with(Option::is_some) { "true" } else { "false" }
                    prop:value=get(|c| c.email.clone()) on:input=set(|c, v| c.email = v) />
                <ErrorText id=id("email-error") error=email_error />
            </div>
            <ErrorText id=id("error") error=row_error />
            <button type="button" class="link-button" on:click=move |_| contacts.update(|c| { if index < c.len() { c.remove(index); } })>
                {tr(|t| t.remove_contact)}
            </button>
        </fieldset>
    }
}

/// Creates an insats, or edits `existing`; `on_done` gets the saved id, or
/// `None` when cancelled.
#[component]
pub fn InsatsForm(
    #[prop(optional)] existing: Option<Insats>,
    #[prop(optional)] project: Option<RecordId>,
    on_done: Callback<Option<RecordId>>,
) -> impl IntoView {
    let app = use_app();
    let mut d = existing
        .as_ref()
        .map(InsatsDraft::from_insats)
        .unwrap_or_else(InsatsDraft::empty);
    if let (None, Some(p)) = (&existing, project) {
        d.project = p.to_string();
    }
    let name = RwSignal::new(d.name);
    let kind = RwSignal::new(d.kind);
    let description = RwSignal::new(d.description);
    let municipalities = RwSignal::new(d.municipalities);
    let provider = RwSignal::new(d.provider);
    let project = RwSignal::new(d.project);
    let start = RwSignal::new(d.start);
    let end = RwSignal::new(d.end);
    let capacity = RwSignal::new(d.capacity);
    let contacts = RwSignal::new(d.contacts);
    let orientation = RwSignal::new(d.orientation.map(|o| codes::code(&o)).unwrap_or_default());
    let target_group = RwSignal::new(d.target_group);
    let financing = RwSignal::new(d.financing);
    let orientation_choices = Signal::derive(move || {
        let e = app.t().economy;
        vec![
            Choice::new("", e.orientation_unset),
            Choice::new(
                codes::code(&Orientation::Individual),
                e.orientation_individual,
            ),
            Choice::new(
                codes::code(&Orientation::Structural),
                e.orientation_structural,
            ),
        ]
    });
    // Only the number of rows re-renders the list, so typing keeps focus.
    let contact_count = Memo::new(move |_| contacts.with(Vec::len));
    let form = FormState::new(app);
    let errors = form.errors;
    let project_choices = Signal::derive(move || {
        let mut v = vec![Choice::new("", app.t().none_option)];
        app.ws.with(|w| {
            v.extend(
                w.projects_by_name()
                    .into_iter()
                    .map(|p| Choice::new(p.meta.id.as_str(), p.name.clone())),
            )
        });
        v
    });
    let all_municipalities = Memo::new(move |_| {
        app.ws.with(|w| {
            w.municipalities_by_name()
                .into_iter()
                .map(|m| (m.meta.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let submit = move |()| {
        let draft = InsatsDraft {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            municipalities: municipalities.get_untracked(),
            provider: provider.get_untracked(),
            project: project.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            capacity: capacity.get_untracked(),
            contacts: contacts.get_untracked(),
            orientation: codes::from_code::<Orientation>(&orientation.get_untracked()).ok(),
            target_group: target_group.get_untracked(),
            financing: financing.get_untracked(),
        };
        let build = |w: &_, meta| build_insats(&draft, w, meta);
        form.submit_record(existing.as_ref(), Record::Insats, build, on_done);
    };
    view! {
        <RecordForm testid="insats-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None))>
            <TextField id="insats-name" label=tr(|t| t.name_label) value=name error=field_error(errors, Field::Name) required=true />
            <EnumSelect id="insats-kind" label=tr(|t| t.insats_kind) value=kind options=&InsatsKind::ALL text=|t, k| t.insats_kind(k) />
            <TextArea id="insats-description" label=tr(|t| t.description_label) value=description error=field_error(errors, Field::Description) />
            <div class="field-row">
                <SelectField id="insats-orientation" label=tr(|t| t.economy.orientation) value=orientation choices=orientation_choices />
                <TextField id="insats-target-group" label=tr(|t| t.economy.target_group) value=target_group hint=Signal::derive(move || app.t().economy.target_group_hint.to_owned()) error=field_error(errors, Field::TargetGroup) />
            </div>
            <fieldset class="checks">
                <legend>{tr(|t| t.municipalities_label)}</legend>
                <For each=move || all_municipalities.get() key=|(id, _)| id.clone() let:m>
                    {
                        let (id, label) = m;
                        let input_id = format!("insats-muni-{id}");
                        let id_for_check = id.clone();
                        view! {
                            <label for=input_id.clone() class="check">
                                <input type="checkbox" id=input_id.clone()
                                    prop:checked=move || municipalities.with(|v| v.contains(&id_for_check))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id.clone();
                                        municipalities.update(|v| { v.retain(|x| x != &id); if on { v.push(id); } });
                                    } />
                                {label}
                            </label>
                        }
                    }
                </For>
                <ErrorText id="insats-municipalities-error" error=field_error(errors, Field::Municipalities) />
            </fieldset>
            <TextField id="insats-provider" label=tr(|t| t.provider) value=provider error=field_error(errors, Field::Provider) />
            <SelectField id="insats-project" label=tr(|t| t.project_label) value=project choices=project_choices error=field_error(errors, Field::Project) />
            <div class="field-row">
                <TextField id="insats-start" label=tr(|t| t.start_date) value=start input_type="date" error=field_error(errors, Field::Start) />
                <TextField id="insats-end" label=tr(|t| t.end_date) value=end input_type="date" error=field_error(errors, Field::End) />
            </div>
            <TextField id="insats-capacity" label=tr(|t| t.capacity) value=capacity inputmode="numeric" error=field_error(errors, Field::Capacity) />
            <FinancingFields rows=financing errors=errors prefix="insats" />
            // A group of fields, not a section: a heading here would sit at
            // a different level on each page the form opens on.
            <fieldset class="contacts">
                <legend>{tr(|t| t.contacts)}</legend>
                {move || (0..contact_count.get()).map(|i| view! { <ContactRow index=i contacts=contacts errors=errors /> }).collect_view()}
                <button type="button" on:click=move |_| contacts.update(|c| c.push(ContactDraft::default()))>{tr(|t| t.add_contact)}</button>
            </fieldset>
        </RecordForm>
    }
}
