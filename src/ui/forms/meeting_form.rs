//! The frukostmöte form.

use crate::core::ids::RecordId;
use crate::core::model::{Meeting, Record};
use crate::core::validate::{build_meeting, Field, MeetingDraft};
use crate::ui::forms::controls::{field_error, Choice, SelectField, TextArea, TextField};
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The member municipalities as choices, "none" first.
pub fn municipality_choices(none: &'static str) -> Signal<Vec<Choice>> {
    let app = use_app();
    Signal::derive(move || {
        let mut v = vec![Choice::new("", none)];
        app.ws.with(|w| {
            v.extend(
                w.municipalities_by_name()
                    .into_iter()
                    .map(|m| Choice::new(m.meta.id.as_str(), m.name.clone())),
            )
        });
        v
    })
}

/// Creates a meeting, or edits `existing`; `on_done` gets the saved id, or
/// `None` when cancelled.
#[component]
pub fn MeetingForm(
    #[prop(optional)] existing: Option<Meeting>,
    on_done: Callback<Option<RecordId>>,
) -> impl IntoView {
    let app = use_app();
    let d = existing.as_ref().map(MeetingDraft::of).unwrap_or_default();
    let s = |v: String| RwSignal::new(v);
    let (date, start, end, place) = (s(d.date), s(d.start), s(d.end), s(d.place));
    let (municipality, theme, speakers) = (s(d.municipality), s(d.theme), s(d.speakers));
    let (invitation, deadline, email) = (s(d.invitation), s(d.deadline), s(d.email));
    let (registered, attended, note) = (s(d.registered), s(d.attended), s(d.note));
    let form = FormState::new(app);
    let errors = form.errors;
    let choices = municipality_choices(app.t().none_option);
    let submit = move |()| {
        let draft = MeetingDraft {
            date: date.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            place: place.get_untracked(),
            municipality: municipality.get_untracked(),
            theme: theme.get_untracked(),
            speakers: speakers.get_untracked(),
            invitation: invitation.get_untracked(),
            deadline: deadline.get_untracked(),
            email: email.get_untracked(),
            registered: registered.get_untracked(),
            attended: attended.get_untracked(),
            note: note.get_untracked(),
        };
        let build = |w: &_, meta| build_meeting(&draft, w, meta);
        form.submit_record(existing.as_ref(), Record::Meeting, build, on_done);
    };
    view! {
        <RecordForm testid="meeting-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None))>
            <div class="field-row">
                <TextField id="meeting-date" label=tr(|t| t.meetings.date) value=date input_type="date" error=field_error(errors, Field::Date) required=true />
                <TextField id="meeting-start" label=tr(|t| t.meetings.start) value=start input_type="time" error=field_error(errors, Field::Start) />
                <TextField id="meeting-end" label=tr(|t| t.meetings.end) value=end input_type="time" error=field_error(errors, Field::End) />
            </div>
            <TextField id="meeting-theme" label=tr(|t| t.meetings.theme) value=theme error=field_error(errors, Field::Theme) required=true />
            <TextField id="meeting-speakers" label=tr(|t| t.meetings.speakers) value=speakers error=field_error(errors, Field::Speakers) />
            <div class="field-row">
                <TextField id="meeting-place" label=tr(|t| t.meetings.place) value=place error=field_error(errors, Field::Place) />
                <SelectField id="meeting-municipality" label=tr(|t| t.meetings.municipality) value=municipality choices=choices error=field_error(errors, Field::Municipality) />
            </div>
            <div class="field-row">
                <TextField id="meeting-invitation" label=tr(|t| t.meetings.invitation) value=invitation input_type="url" error=field_error(errors, Field::Invitation) />
                <TextField id="meeting-deadline" label=tr(|t| t.meetings.deadline) value=deadline input_type="date" error=field_error(errors, Field::Deadline) />
                <TextField id="meeting-email" label=tr(|t| t.meetings.email) value=email input_type="email" error=field_error(errors, Field::Email) />
            </div>
            <div class="field-row">
                <TextField id="meeting-registered" label=tr(|t| t.meetings.registered) value=registered inputmode="numeric" error=field_error(errors, Field::Registered) />
                <TextField id="meeting-attended" label=tr(|t| t.meetings.attended) value=attended inputmode="numeric" error=field_error(errors, Field::Attended) />
            </div>
            <TextArea id="meeting-note" label=tr(|t| t.note_label) value=note error=field_error(errors, Field::Note) />
        </RecordForm>
    }
}
