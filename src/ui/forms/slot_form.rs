//! The form for a report of places and enrolled (lediga platser).

use crate::browser::clock::today;
use crate::core::model::{Record, SlotReport};
use crate::core::period::iso_date;
use crate::core::validate::{build_slot_report, Field, FormErrors, SlotDraft};
use crate::ui::forms::controls::{field_error, Choice, SelectField, TextField};
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// Creates a slot report; `on_done` runs after saving (`true`) or on cancel.
#[component]
pub fn SlotForm(on_done: Callback<bool>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t().meetings;
    let date = RwSignal::new(iso_date(today()));
    let insats = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let capacity = RwSignal::new(String::new());
    let enrolled = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let form = FormState::new(app);
    let errors = form.errors;
    let choices = Signal::derive(move || {
        let mut v = vec![Choice::new("", app.t().choose_option)];
        app.ws.with(|w| {
            v.extend(
                w.insatser_by_name()
                    .into_iter()
                    .map(|i| Choice::new(i.meta.id.as_str(), i.name.clone())),
            )
        });
        v
    });
    // Places seldom change: a chosen insats brings the places of its latest
    // report, unless some are typed already.
    Effect::new(move |_| {
        let chosen = insats.get();
        let Ok(id) = crate::core::ids::RecordId::parse(&chosen) else {
            return;
        };
        let last = app.ws.with_untracked(|w| {
            crate::core::meetings::places::latest_report(w, &id, &provider.get_untracked())
                .map(|r| r.capacity.get())
        });
        if let (Some(n), true) = (last, capacity.with_untracked(|c| c.trim().is_empty())) {
            capacity.set(n.to_string());
        }
    });
    let submit = move |()| {
        let draft = SlotDraft {
            date: date.get_untracked(),
            insats: insats.get_untracked(),
            provider: provider.get_untracked(),
            capacity: capacity.get_untracked(),
            enrolled: enrolled.get_untracked(),
            note: note.get_untracked(),
        };
        let built: Result<SlotReport, FormErrors> = app
            .ws
            .with_untracked(|w| build_slot_report(&draft, w, app.new_meta()));
        form.submit(built, |r| {
            (Edit::now(Record::SlotReport(r)), move || on_done.run(true))
        });
    };
    view! {
        <RecordForm testid="slot-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(false))>
            <div class="field-row">
                <TextField id="slot-date" label=tr(|t| t.meetings.date) value=date input_type="date" error=field_error(errors, Field::Date) required=true />
                <SelectField id="slot-insats" label=tr(|t| t.participants_insats) value=insats choices=choices error=field_error(errors, Field::Insats) />
            </div>
            <TextField id="slot-provider" label=tr(|t| t.provider) value=provider hint=Signal::derive(move || t().provider_hint.to_owned()) error=field_error(errors, Field::Provider) />
            <div class="field-row">
                <TextField id="slot-capacity" label=tr(|t| t.meetings.capacity) value=capacity inputmode="numeric" error=field_error(errors, Field::Capacity) required=true />
                <TextField id="slot-enrolled" label=tr(|t| t.meetings.enrolled) value=enrolled inputmode="numeric" error=field_error(errors, Field::Enrolled) required=true />
            </div>
            <TextField id="slot-note" label=tr(|t| t.note_label) value=note error=field_error(errors, Field::Note) />
        </RecordForm>
    }
}
