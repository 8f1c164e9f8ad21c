//! The submit of every record form, written once.
//!
//! Guarantees: a draft the core refuses shows its problems at the fields
//! and in the summary, and stores nothing; a built record clears them and
//! is committed, with the save button disabled until storage answers; a
//! failed write leaves the form as typed with the reason in the summary,
//! and only a stored record runs the form's `then` (close, clear or move
//! on).

use crate::core::ids::RecordId;
use crate::core::model::Record;
use crate::core::validate::FormErrors;
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

    /// The submit of a form that creates a record, or edits the one it
    /// opened on (`opened`), and closes with the saved record's id.
    pub fn submit_record<T>(
        self,
        built: Result<T, FormErrors>,
        opened: Option<Record>,
        record: fn(T) -> Record,
        on_done: Callback<Option<RecordId>>,
    ) {
        self.submit(built, |r| {
            let saved = record(r);
            let id = saved.meta().id.clone();
            (Edit::from_form(opened, saved), move || {
                on_done.run(Some(id))
            })
        });
    }
}
