//! The project form.

use crate::core::ids::RecordId;
use crate::core::model::{Project, Record};
use crate::core::validate::{build_project, Field, ProjectDraft};
use crate::ui::forms::controls::{field_error, Choice, SelectField, TextArea, TextField};
use crate::ui::forms::financing::FinancingFields;
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// Creates a project, or edits `existing`; `on_done` gets the saved id, or
/// `None` when cancelled.
#[component]
pub fn ProjectForm(
    #[prop(optional)] existing: Option<Project>,
    on_done: Callback<Option<RecordId>>,
) -> impl IntoView {
    let app = use_app();
    let d = existing
        .as_ref()
        .map(ProjectDraft::from_project)
        .unwrap_or_else(ProjectDraft::empty);
    let name = RwSignal::new(d.name);
    let description = RwSignal::new(d.description);
    let start = RwSignal::new(d.start);
    let end = RwSignal::new(d.end);
    let parent = RwSignal::new(d.parent);
    let funder = RwSignal::new(d.funder);
    let share = RwSignal::new(d.funder_share);
    let financing = RwSignal::new(d.financing);
    let form = FormState::new(app);
    let errors = form.errors;
    let own_id = existing.as_ref().map(|p| p.meta.id.clone());
    let parent_choices = Signal::derive(move || {
        let mut v = vec![Choice::new("", app.t().none_option)];
        app.ws.with(|w| {
            v.extend(
                w.projects_by_name()
                    .into_iter()
                    .filter(|p| Some(&p.meta.id) != own_id.as_ref())
                    .map(|p| Choice::new(p.meta.id.as_str(), p.name.clone())),
            )
        });
        v
    });
    let submit = move |()| {
        let draft = ProjectDraft {
            name: name.get_untracked(),
            description: description.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            parent: parent.get_untracked(),
            funder: funder.get_untracked(),
            funder_share: share.get_untracked(),
            financing: financing.get_untracked(),
        };
        let build = |w: &_, meta| build_project(&draft, w, meta);
        form.submit_record(existing.as_ref(), Record::Project, build, on_done);
    };
    view! {
        <RecordForm testid="project-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None))>
            <TextField id="project-name" label=tr(|t| t.name_label) value=name error=field_error(errors, Field::Name) required=true />
            <TextArea id="project-description" label=tr(|t| t.description_label) value=description error=field_error(errors, Field::Description) />
            <div class="field-row">
                <TextField id="project-start" label=tr(|t| t.project_start) value=start input_type="date" error=field_error(errors, Field::Start) />
                <TextField id="project-end" label=tr(|t| t.project_end) value=end input_type="date" error=field_error(errors, Field::End) />
            </div>
            <SelectField id="project-parent" label=tr(|t| t.parent_project) value=parent choices=parent_choices error=field_error(errors, Field::Parent) />
            <div class="field-row">
                <TextField id="project-funder" label=tr(|t| t.funder) value=funder error=field_error(errors, Field::Funder) />
                <TextField id="project-share" label=tr(|t| t.funder_share) value=share inputmode="decimal" error=field_error(errors, Field::FunderShare) />
            </div>
            <FinancingFields rows=financing errors=errors prefix="project" />
        </RecordForm>
    }
}
