//! Projects: the list, and one project's page.

use crate::core::ids::RecordId;
use crate::core::model::{Project, Scope};
use crate::core::route::Route;
use crate::core::workspace::{Tables, Workspace};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::financing_table::financing_words;
use crate::ui::components::record_list::{records_memo, RecordList};
use crate::ui::components::scope_figures::ScopeFigures;
use crate::ui::forms::insats_form::InsatsForm;
use crate::ui::forms::project_form::ProjectForm;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// All projects, and a form for a new one.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let app = use_app();
    let projects = records_memo(app, Workspace::projects_by_name);
    view! {
        <RecordList
            title=|t| t.projects_title
            new_label=|t| t.new_project
            new_testid="new-project"
            empty_text=|t| t.no_projects
            list_testid="project-list"
            empty=move || projects.with(Vec::is_empty)
            page=Route::Project
            form=|on_done| view! { <ProjectForm on_done=on_done /> }.into_any()
            rows=move || app.ws.with(|w| projects.get().into_iter().map(|p| {
                let count = w.insatser_of_project(&p.meta.id).len();
                let parent = p.parent.as_ref().and_then(|id| w.projects.get(id)).map(|pp| pp.name.clone());
                view! {
                    <li>
                        <a href=Route::Project(p.meta.id.clone()).href()>{p.name.clone()}</a>
                        {parent.map(|n| view! { <span class="sub">{tr(|t| t.parent_project)}": "{n.clone()}</span> })}
                        {p.period.map(|per| view! { <span class="sub">{app.t().numbers.period(&per)}</span> })}
                        <span class="sub">{tr(|t| t.insatser_of_project)}": "{count}</span>
                    </li>
                }
            }).collect_view())
        />
    }
}

/// One project: its facts, sub-projects, insatser and figures.
/// `id` comes from the address; an unknown or deleted id shows a not-found
/// message.
#[component]
pub fn ProjectPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| {
            app.ws
                .reading(Tables::PROJECTS, |w| w.projects.get(&id).is_some())
        })
    };
    move || {
        if exists.get() {
            view! { <ProjectView id=id.clone() /> }.into_any()
        } else {
            view! { <RecordMissing /> }.into_any()
        }
    }
}

/// The page body; only the heading and facts follow edits of the project,
/// so an open form further down keeps what is typed in it.
#[component]
fn ProjectView(id: RecordId) -> impl IntoView {
    let app = use_app();
    let adding_insats = RwSignal::new(false);
    let (id0, id1, id2, id3) = (id.clone(), id.clone(), id.clone(), id.clone());
    let project = Memo::new(move |_| {
        app.ws
            .reading(Tables::PROJECTS, |w| w.projects.get(&id0).cloned())
    });
    let subprojects = Memo::new(move |_| {
        app.ws.with(|w| {
            w.subprojects(&id1)
                .into_iter()
                .map(|p| (p.meta.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let insatser = Memo::new(move |_| {
        app.ws.with(|w| {
            w.insatser_of_project(&id2)
                .into_iter()
                .map(|i| (i.meta.id.clone(), i.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The copy the edit form was opened on, while it is open: the form lives
    // outside what follows the record, so a save in another tab leaves it
    // and what is typed in it alone.
    let editing = RwSignal::new(None::<Project>);
    let done = Callback::new(move |_| editing.set(None));
    view! {
        <h1 data-testid="page-title">{move || project.with(|p| p.as_ref().map(|p| p.name.clone()))}</h1>
        {move || match editing.get() {
            Some(opened) => view! { <ProjectForm existing=opened on_done=done /> }.into_any(),
            None => (move || project.get().map(|p| view! { <ProjectFacts project=p editing=editing /> })).into_any(),
        }}
        <Show when=move || !subprojects.with(Vec::is_empty)>
            <h2>{tr(|t| t.subprojects)}</h2>
            <ul>{move || subprojects.get().into_iter().map(|(sid, sname)| view! { <li><a href=Route::Project(sid).href()>{sname}</a></li> }).collect_view()}</ul>
        </Show>
        <h2>{tr(|t| t.insatser_of_project)}</h2>
        <Show when=move || !insatser.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.no_insatser)}</p> }>
            <ul class="inline-list">{move || insatser.get().into_iter().map(|(iid, iname)| view! { <li><a href=Route::Insats(iid).href()>{iname}</a></li> }).collect_view()}</ul>
        </Show>
        <Show when=move || !adding_insats.get() fallback={
            let pid = id3.clone();
            move || view! { <InsatsForm project=pid.clone() on_done=Callback::new(move |_| adding_insats.set(false)) /> }
        }>
            <button type="button" on:click=move |_| adding_insats.set(true)>{tr(|t| t.new_insats)}</button>
        </Show>
        <ScopeFigures scope=Scope::Project(id) />
    }
}

/// The project's facts, and its edit and delete controls; `edit` opens the
/// edit form on this copy.
#[component]
fn ProjectFacts(project: Project, editing: RwSignal<Option<Project>>) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let parent = project.parent.clone().and_then(|pid| {
        app.ws
            .with_untracked(|w| w.projects.get(&pid).map(|p| (pid.clone(), p.name.clone())))
    });
    let (id, name) = (project.meta.id.clone(), project.name.clone());
    let on_deleted = Callback::new(move |()| {
        nav.go(Route::Projects);
    });
    view! {
            <dl class="facts">
                {(!project.description.is_empty()).then(|| view! { <dt>{tr(|t| t.description_label)}</dt><dd>{project.description.clone()}</dd> })}
                {project.period.map(|p| view! { <dt>{tr(|t| t.project_period)}</dt><dd>{app.t().numbers.period(&p)}</dd> })}
                {parent.clone().map(|(pid, pname)| view! { <dt>{tr(|t| t.parent_project)}</dt><dd><a href=Route::Project(pid).href()>{pname}</a></dd> })}
                {(!project.funder.is_empty()).then(|| view! { <dt>{tr(|t| t.funder)}</dt><dd>{project.funder.clone()}{project.funder_share.map(|s| format!(" ({})", app.t().numbers.percent(s)))}</dd> })}
                {(!project.financing.is_empty()).then(|| {
                    let shares = project.financing.clone();
                    view! { <dt>{tr(|t| t.economy.financing)}</dt><dd data-testid="financing">{move || app.ws.with(|w| financing_words(w, app.t(), &shares))}</dd> }
                })}
            </dl>
            <div class="actions">
                <button type="button" data-testid="edit" on:click=move |_| editing.set(Some(project.clone()))>{tr(|t| t.edit)}</button>
                <DeleteButton id=id.clone() name=name.clone() on_deleted=on_deleted />
            </div>
    }
}
