//! The submit of every record form, and the form around its fields,
//! written once.
//!
//! Guarantees: a draft the core refuses shows its problems at the fields
//! and in the summary, and stores nothing; a built record clears them and
//! is committed, with the save button disabled until storage answers; a
//! failed write leaves the form as typed with the reason in the summary,
//! and only a stored record runs the form's `then` (close, clear or move
//! on). The browser never submits a record form itself (no page load).

use crate::core::ids::RecordId;
use crate::core::model::{Meta, Record};
use crate::core::validate::FormErrors;
use crate::core::workspace::Workspace;
use crate::ui::forms::controls::{form_focus, FormButtons, FormSummary};
use crate::ui::state::{AppState, Edit};
use leptos::prelude::*;

/// What a form shows about its last submit.
#[derive(Clone, Copy)]
pub struct FormState {
    app: AppState,
    /// The problems the core found in the last draft.
    pub errors: RwSignal<FormErrors>,
    /// Whether a save is under way.
    pub busy: RwSignal<bool>,
    /// Why the last save stored nothing, in the current language.
    pub failure: RwSignal<Option<String>>,
}

impl FormState {
    /// A form with nothing submitted yet.
    pub fn new(app: AppState) -> FormState {
        FormState {
            app,
            errors: RwSignal::new(FormErrors::default()),
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// The errors, busy flag and failure, for the form's view.
    pub fn parts(
        self,
    ) -> (
        RwSignal<FormErrors>,
        RwSignal<bool>,
        RwSignal<Option<String>>,
    ) {
        (self.errors, self.busy, self.failure)
    }

    /// Submits what the core built from the draft: its problems are shown,
    /// or `save` turns the record into the edit to store and what to do
    /// once it is stored.
    pub fn submit<T, Then>(self, built: Result<T, FormErrors>, save: impl FnOnce(T) -> (Edit, Then))
    where
        Then: FnOnce() + 'static,
    {
        match built {
            Err(e) => self.errors.set(e),
            Ok(record) => {
                self.errors.set(FormErrors::default());
                let (edit, then) = save(record);
                self.app.save(vec![edit], self.busy, self.failure, then);
            }
        }
    }

    /// The submit of a form that creates a record, or edits `existing`
    /// (keeping its meta), and closes with the saved record's id. `build`
    /// is the core's builder, given the workspace and the meta.
    pub fn submit_record<T: Clone>(
        self,
        existing: Option<&T>,
        record: fn(T) -> Record,
        build: impl FnOnce(&Workspace, Meta) -> Result<T, FormErrors>,
        on_done: Callback<Option<RecordId>>,
    ) {
        let opened = existing.cloned().map(record);
        let meta = opened
            .as_ref()
            .map_or_else(|| self.app.new_meta(), |r| r.meta().clone());
        let built = self.app.ws.with_untracked(|w| build(w, meta));
        self.submit(built, |r| {
            let saved = record(r);
            let id = saved.meta().id.clone();
            (Edit::from_form(opened, saved), move || {
                on_done.run(Some(id))
            })
        });
    }
}

/// A record form: `heading` if any, the summary of `form`'s problems, the
/// fields (`children`), then save and cancel; the keyboard focus moves in
/// as it opens and back as it closes ([`form_focus`]).
#[component]
pub fn RecordForm(
    #[prop(into)] testid: String,
    form: FormState,
    #[prop(into)] on_submit: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(optional)] heading: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    let form_ref = NodeRef::<leptos::html::Form>::new();
    form_focus(form_ref);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form node_ref=form_ref class="record-form" data-testid=testid on:submit=submit novalidate>
            {heading}
            <FormSummary errors=form.errors extra=form.failure />
            {children()}
            <FormButtons on_cancel=on_cancel busy=form.busy.read_only() />
        </form>
    }
}
