//! The förbund: its name, member municipalities and partner authorities.

use crate::core::ids::RecordId;
use crate::core::model::{
    default_end_statuses, EndCategory, Meta, PartnerKind, Record, ORGANISATION_ID,
};
use crate::core::validate::financing::financing_drafts;
use crate::core::validate::{
    build_end_status, build_municipality, build_organisation, build_partner, Field, NameDraft,
};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::first_steps::FirstSteps;
use crate::ui::forms::choice::EnumSelect;
use crate::ui::forms::controls::{field_error, FormSummary, TextField};
use crate::ui::forms::financing::FinancingFields;
use crate::ui::forms::submit::FormState;
use crate::ui::i18n::Texts;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.organisation_title)}</h1>
        <FirstSteps />
        <OrganisationName />
        <h2>{tr(|t| t.members_title)}</h2>
        <NamedList kind=NamedKind::Municipality />
        <h2>{tr(|t| t.partners_title)}</h2>
        <NamedList kind=NamedKind::Partner />
        <h2>{tr(|t| t.end_statuses_title)}</h2>
        <p>{tr(|t| t.end_statuses_text)}</p>
        <DefaultEndStatuses />
        <NamedList kind=NamedKind::EndStatus />
    }
}

/// Offers the default end statuses to a förbund that has never had any.
#[component]
fn DefaultEndStatuses() -> impl IntoView {
    let app = use_app();
    let never = Memo::new(move |_| app.ws.with(|w| w.end_statuses.all().next().is_none()));
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let add = move |_| {
        let clock = app.clock();
        let edits = default_end_statuses(clock.last(), &clock.device())
            .into_iter()
            .map(|s| Edit::now(Record::EndStatus(s)))
            .collect();
        app.save(edits, busy, failure, || {});
    };
    view! {
        <Show when=move || never.get()>
            <p class="actions">
                <button type="button" class="primary" data-testid="add-default-end-statuses" disabled=move || busy.get() on:click=add>{tr(|t| t.add_default_end_statuses)}</button>
            </p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
        </Show>
    }
}

#[component]
fn OrganisationName() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(
        app.ws
            .with_untracked(|w| w.organisation_name().unwrap_or_default().to_owned()),
    );
    let threshold = RwSignal::new(app.ws.with_untracked(|w| {
        w.organisation
            .as_ref()
            .and_then(|o| o.protection_threshold)
            .map(|t| t.to_string())
            .unwrap_or_default()
    }));
    let financing = RwSignal::new(app.ws.with_untracked(|w| {
        w.organisation
            .as_ref()
            .map(|o| financing_drafts(&o.financing))
            .unwrap_or_default()
    }));
    let form = FormState::new(app);
    let (errors, busy, failure) = form.parts();
    let saved = RwSignal::new(false);
    // The copy this form shows: a save writes only what was changed from it.
    let opened = StoredValue::new(app.ws.with_untracked(|w| w.organisation.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let clock = app.clock();
        let meta = opened.get_value().map(|o| o.meta).unwrap_or_else(|| {
            Meta::new(
                RecordId::parse(ORGANISATION_ID).unwrap_or_else(|_| RecordId::from_random([0; 16])),
                clock.last(),
                clock.device(),
            )
        });
        let mut meta = meta;
        meta.deleted = false;
        let draft = NameDraft {
            name: name.get_untracked(),
            threshold: threshold.get_untracked(),
            financing: financing.get_untracked(),
            ..Default::default()
        };
        let built = app
            .ws
            .with_untracked(|w| build_organisation(&draft, w, meta));
        form.submit(built, |o| {
            let edit = Edit::from_form(
                opened.get_value().map(Record::Organisation),
                Record::Organisation(o),
            );
            (edit, move || {
                opened.set_value(app.ws.with_untracked(|w| w.organisation.clone()));
                saved.set(true)
            })
        });
    };
    view! {
        <form class="record-form inline" data-testid="organisation-form" on:submit=submit novalidate>
            <FormSummary errors=errors extra=failure />
            <TextField id="organisation-name" label=tr(|t| t.organisation_name) value=name error=field_error(errors, Field::Name) required=true />
            <TextField id="organisation-threshold" label=tr(|t| t.threshold_label) value=threshold error=field_error(errors, Field::Threshold) hint=tr(|t| t.threshold_hint) inputmode="numeric" />
            <FinancingFields rows=financing errors=errors prefix="organisation" />
            <button type="submit" class="primary" disabled=move || busy.get()>{tr(|t| t.save)}</button>
            <span class="sub" role="status">{move || saved.get().then(|| format!("✓ {}", app.t().saved))}</span>
        </form>
    }
}

/// Which list a [`NamedList`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamedKind {
    Municipality,
    Partner,
    EndStatus,
}

/// An end category's name (the catalogue lists them in the order of
/// [`EndCategory::ALL`]).
fn end_category_text(t: &'static Texts, c: EndCategory) -> &'static str {
    let [work_or_studies, ordinary, other] = t.end_categories;
    match c {
        EndCategory::WorkOrStudies => work_or_studies,
        EndCategory::OrdinaryMeasures => ordinary,
        EndCategory::Other => other,
    }
}

/// Municipalities or partners: each with rename and delete, plus an add row.
#[component]
fn NamedList(kind: NamedKind) -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| {
        app.ws.with(|w| match kind {
            NamedKind::Municipality => w
                .municipalities_by_name()
                .into_iter()
                .map(|m| (m.meta.clone(), m.name.clone(), None, None))
                .collect::<Vec<_>>(),
            NamedKind::Partner => w
                .partners_by_name()
                .into_iter()
                .map(|p| (p.meta.clone(), p.name.clone(), Some(p.kind), None))
                .collect(),
            NamedKind::EndStatus => w
                .end_statuses_in_order()
                .into_iter()
                .map(|s| (s.meta.clone(), s.name.clone(), None, Some(s.category)))
                .collect(),
        })
    });
    let empty = move || match kind {
        NamedKind::Municipality => app.t().no_municipalities,
        NamedKind::Partner => app.t().no_partners,
        NamedKind::EndStatus => app.t().no_end_statuses,
    };
    view! {
        <Show when=move || !items.with(Vec::is_empty) fallback=move || view! { <p>{empty}</p> }>
            <ul class="named-list" data-testid=match kind { NamedKind::Municipality => "municipality-list", NamedKind::Partner => "partner-list", NamedKind::EndStatus => "end-status-list" }>
                <For each=move || items.get() key=|(meta, _, _, _)| (meta.id.clone(), meta.stamp.clone()) let:item>
                    <li>
                        <NamedEditor kind=kind meta=Some(item.0.clone()) name=item.1.clone() partner_kind=item.2 category=item.3 />
                        <DeleteButton id=item.0.id.clone() name=item.1.clone() on_deleted=Callback::new(|()| {}) />
                    </li>
                </For>
            </ul>
        </Show>
        <NamedEditor kind=kind meta=None name=String::new() partner_kind=None category=None />
    }
}

/// A one-line form that adds (when `meta` is `None`) or renames a record.
#[component]
fn NamedEditor(
    kind: NamedKind,
    meta: Option<Meta>,
    name: String,
    partner_kind: Option<PartnerKind>,
    category: Option<EndCategory>,
) -> impl IntoView {
    let app = use_app();
    let is_new = meta.is_none();
    // The copy this row shows: a save writes only what was changed from it.
    let opened = meta
        .as_ref()
        .and_then(|m| app.ws.with_untracked(|w| w.record(&m.id)));
    let value = RwSignal::new(name);
    let pkind = RwSignal::new(partner_kind.unwrap_or(PartnerKind::Other));
    let pcategory = RwSignal::new(category.unwrap_or(EndCategory::Other));
    let form = FormState::new(app);
    let (errors, busy, failure) = form.parts();
    let key = meta
        .as_ref()
        .map(|m| m.id.to_string())
        .unwrap_or_else(|| "new".into());
    let prefix = match kind {
        NamedKind::Municipality => "municipality",
        NamedKind::Partner => "partner",
        NamedKind::EndStatus => "end-status",
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = NameDraft {
            name: value.get_untracked(),
            kind: pkind.get_untracked(),
            category: pcategory.get_untracked(),
            ..Default::default()
        };
        let m = meta.clone().unwrap_or_else(|| app.new_meta());
        let built = app.ws.with_untracked(|w| match kind {
            NamedKind::Municipality => build_municipality(&draft, w, m).map(Record::Municipality),
            NamedKind::Partner => build_partner(&draft, w, m).map(Record::Partner),
            NamedKind::EndStatus => build_end_status(&draft, w, m).map(Record::EndStatus),
        });
        form.submit(built, |r| {
            (Edit::from_form(opened.clone(), r), move || {
                if is_new {
                    value.set(String::new());
                }
            })
        });
    };
    let label = move || match (kind, is_new) {
        (NamedKind::Municipality, true) => app.t().add_municipality,
        (NamedKind::Partner, true) => app.t().add_partner,
        (NamedKind::EndStatus, true) => app.t().add_end_status,
        _ => app.t().name_label,
    };
    view! {
        <form class="record-form inline" data-testid=format!("{prefix}-form-{key}") on:submit=submit novalidate>
            <TextField id=format!("{prefix}-{key}-name") label=label value=value error=field_error(errors, Field::Name) />
            {(kind == NamedKind::Partner).then(|| view! {
                <EnumSelect id=format!("{prefix}-{key}-kind") label=tr(|t| t.partner_kind) value=pkind options=&PartnerKind::ALL text=|t, k| t.partner_kind(k) />
            })}
            {(kind == NamedKind::EndStatus).then(|| view! {
                <EnumSelect id=format!("{prefix}-{key}-category") label=tr(|t| t.end_category) value=pcategory options=&EndCategory::ALL text=end_category_text />
            })}
            <button type="submit" disabled=move || busy.get()>{tr(|t| t.save)}</button>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
        </form>
    }
}
