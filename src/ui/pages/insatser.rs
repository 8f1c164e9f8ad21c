//! Insatser: the list, and one insats's page.

use crate::core::ids::RecordId;
use crate::core::model::{Insats, Orientation, Scope};
use crate::core::route::Route;
use crate::core::workspace::{Tables, Workspace};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::financing_table::financing_words;
use crate::ui::components::record_list::{records_memo, RecordList};
use crate::ui::components::scope_figures::ScopeFigures;
use crate::ui::forms::insats_form::InsatsForm;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// All insatser, and a form for a new one.
#[component]
pub fn InsatserPage() -> impl IntoView {
    let app = use_app();
    let insatser = records_memo(app, Workspace::insatser_by_name);
    view! {
        <RecordList
            title=|t| t.insatser_title
            new_label=|t| t.new_insats
            new_testid="new-insats"
            empty_text=|t| t.no_insatser
            list_testid="insats-list"
            empty=move || insatser.with(Vec::is_empty)
            page=Route::Insats
            form=|on_done| view! { <InsatsForm on_done=on_done /> }.into_any()
            rows=move || app.ws.with(|w| insatser.get().into_iter().map(|i| {
                let project = i.project.as_ref().and_then(|id| w.projects.get(id)).map(|p| p.name.clone());
                let kind = i.kind;
                view! {
                    <li>
                        <a href=Route::Insats(i.meta.id.clone()).href()>{i.name.clone()}</a>
                        <span class="sub">{move || app.t().insats_kind(kind)}</span>
                        {(!i.provider.is_empty()).then(|| view! { <span class="sub">{i.provider.clone()}</span> })}
                        {project.map(|n| view! { <span class="sub">{n}</span> })}
                    </li>
                }
            }).collect_view())
        />
    }
}

/// One insats: its facts, contacts and figures.
/// `id` comes from the address; an unknown or deleted id shows a not-found
/// message.
#[component]
pub fn InsatsPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| {
            app.ws
                .reading(Tables::INSATSER, |w| w.insatser.get(&id).is_some())
        })
    };
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            app.ws
                .reading(Tables::INSATSER, |w| w.insatser.get(&id).cloned())
        })
    };
    // The copy the edit form was opened on, while it is open. The form lives
    // outside what follows the record, so a save in another tab updates the
    // heading but leaves the form and what is typed in it alone; only the
    // heading and facts follow edits, so an open target or outcome form
    // below keeps its input too.
    let editing = RwSignal::new(None::<Insats>);
    let done = Callback::new(move |_| editing.set(None));
    move || {
        if exists.get() {
            view! {
                <h1 data-testid="page-title">{move || record.with(|i| i.as_ref().map(|i| i.name.clone()))}</h1>
                {move || match editing.get() {
                    Some(opened) => view! { <InsatsForm existing=opened on_done=done /> }.into_any(),
                    None => (move || record.get().map(|i| view! { <InsatsFacts insats=i editing=editing /> })).into_any(),
                }}
                <ScopeFigures scope=Scope::Insats(id.clone()) />
            }
            .into_any()
        } else {
            view! { <RecordMissing /> }.into_any()
        }
    }
}

fn active_text(i: &Insats, numbers: crate::core::locale::Locale) -> Option<String> {
    match (i.start, i.end) {
        (None, None) => None,
        (Some(s), None) => Some(format!("{} –", numbers.date(s))),
        (None, Some(e)) => Some(format!("– {}", numbers.date(e))),
        (Some(s), Some(e)) => Some(format!("{} – {}", numbers.date(s), numbers.date(e))),
    }
}

/// The insats's facts, contacts, and its edit and delete controls; `edit`
/// opens the edit form on this copy.
#[component]
fn InsatsFacts(insats: Insats, editing: RwSignal<Option<Insats>>) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let i = insats.clone();
    let municipalities = app.ws.with_untracked(|w| {
        i.municipalities
            .iter()
            .filter_map(|m| w.municipalities.get(m))
            .map(|m| m.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let project = i.project.clone().and_then(|pid| {
        app.ws
            .with_untracked(|w| w.projects.get(&pid).map(|p| (pid.clone(), p.name.clone())))
    });
    let kind = i.kind;
    let on_deleted = Callback::new(move |()| {
        nav.go(Route::Insatser);
    });
    let (delete_id, delete_name) = (insats.meta.id.clone(), insats.name.clone());
    view! {
            <dl class="facts" data-testid="insats-facts">
                <dt>{tr(|t| t.insats_kind)}</dt><dd>{move || app.t().insats_kind(kind)}</dd>
                {(!i.description.is_empty()).then(|| view! { <dt>{tr(|t| t.description_label)}</dt><dd>{i.description.clone()}</dd> })}
                {i.orientation.map(|o| view! {
                    <dt>{tr(|t| t.economy.orientation)}</dt>
                    <dd data-testid="insats-orientation">{move || {
                        let e = app.t().economy;
                        match o {
                            Orientation::Individual => e.orientation_individual,
                            Orientation::Structural => e.orientation_structural,
                        }
                    }}</dd>
                })}
                {(!i.financing.is_empty()).then(|| {
                    let shares = i.financing.clone();
                    view! { <dt>{tr(|t| t.economy.financing)}</dt><dd data-testid="financing">{move || app.ws.with(|w| financing_words(w, app.t(), &shares))}</dd> }
                })}
                {(!i.target_group.is_empty()).then(|| view! { <dt>{tr(|t| t.economy.target_group)}</dt><dd data-testid="insats-target-group">{i.target_group.clone()}</dd> })}
                {(!municipalities.is_empty()).then(|| view! { <dt>{tr(|t| t.municipalities_label)}</dt><dd>{municipalities.clone()}</dd> })}
                {(!i.provider.is_empty()).then(|| view! { <dt>{tr(|t| t.provider)}</dt><dd>{i.provider.clone()}</dd> })}
                {project.clone().map(|(pid, pname)| view! { <dt>{tr(|t| t.project_label)}</dt><dd><a href=Route::Project(pid).href()>{pname}</a></dd> })}
                {active_text(&i, app.t().numbers).map(|a| view! { <dt>{tr(|t| t.active_period)}</dt><dd>{a}</dd> })}
                {i.capacity.map(|c| view! { <dt>{tr(|t| t.capacity)}</dt><dd>{(app.t().places)(&app.t().numbers.integer(c.get()))}</dd> })}
            </dl>
            <h2>{tr(|t| t.contacts)}</h2>
            {if i.contacts.is_empty() {
                view! { <p>{tr(|t| t.no_contacts)}</p> }.into_any()
            } else {
                view! {
                    <ul class="contacts-list">
                        {i.contacts.iter().map(|c| {
                            let mail = (!c.email.is_empty()).then(|| {
                                let href = format!("mailto:{}", c.email);
                                view! { <a href=href>{c.email.clone()}</a> }
                            });
                            view! { <li><strong>{c.name.clone()}</strong>" " {c.role.clone()}" " {c.phone.clone()}" " {mail}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <div class="actions">
                <button type="button" data-testid="edit" on:click=move |_| editing.set(Some(insats.clone()))>{tr(|t| t.edit)}</button>
                <DeleteButton id=delete_id.clone() name=delete_name.clone() on_deleted=on_deleted />
            </div>
    }
}
