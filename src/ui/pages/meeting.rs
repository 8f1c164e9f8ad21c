//! One frukostmöte: its facts, who came (by organisation, when counted at
//! the door), the way to its check-in, and edit and delete.

use crate::core::ids::RecordId;
use crate::core::model::Meeting;
use crate::core::reports::newsletter::is_web_address;
use crate::core::route::Route;
use crate::core::workspace::Tables;
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::meeting_figures::when_text;
use crate::ui::forms::meeting_form::MeetingForm;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The meeting page; `id` comes from the address.
#[component]
pub fn MeetingPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            app.ws
                .reading(Tables::MEETINGS, |w| w.meetings.get(&id).cloned())
        })
    };
    let editing = RwSignal::new(None::<Meeting>);
    let done = Callback::new(move |_| editing.set(None));
    move || match (record.get(), editing.get(), app.t()) {
        (None, _, _) => view! { <RecordMissing /> }.into_any(),
        (Some(m), Some(opened), _) => view! {
            <h1 data-testid="page-title">{m.theme.clone()}</h1>
            <MeetingForm existing=opened on_done=done />
        }
        .into_any(),
        (Some(m), None, _) => view! {
            <h1 data-testid="page-title">{m.theme.clone()}</h1>
            <MeetingFacts meeting=m editing=editing />
        }
        .into_any(),
    }
}

/// The facts of a meeting and its actions.
#[component]
fn MeetingFacts(meeting: Meeting, editing: RwSignal<Option<Meeting>>) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let t = app.t().meetings;
    let m = meeting.clone();
    let muni = app.ws.with_untracked(|w| {
        m.municipality
            .as_ref()
            .and_then(|id| w.municipalities.get(id))
            .map(|x| x.name.clone())
    });
    let fact = |label: &'static str, value: String, testid: &'static str| {
        (!value.is_empty()).then(|| view! { <dt>{label}</dt><dd data-testid=testid>{value}</dd> })
    };
    let count = |c: Option<crate::core::value::Count>| {
        c.map(|c| app.t().numbers.integer(c.get()))
            .unwrap_or_default()
    };
    // Only a web address becomes a link (a file may bring any text).
    let invitation = is_web_address(&m.invitation).then(|| {
        let (href, text) = (
            m.invitation.trim().to_owned(),
            m.invitation.trim().to_owned(),
        );
        view! { <dt>{t.invitation}</dt><dd><a href=href rel="noopener">{text}</a></dd> }
    });
    let email = (!m.registration_email.is_empty()).then(|| {
        let e = m.registration_email.clone();
        view! { <dt>{t.email}</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd> }
    });
    let (by_org, attended) = app.ws.with_untracked(|w| {
        (
            crate::core::meetings::arrivals_by_org(w, &m.meta.id),
            crate::core::meetings::attended(w, &m),
        )
    });
    let on_deleted = Callback::new(move |()| {
        nav.go(Route::Meetings);
    });
    let (delete_id, delete_name) = (meeting.meta.id.clone(), meeting.theme.clone());
    view! {
        <dl class="facts" data-testid="meeting-facts">
            {fact(t.date, when_text(&m, app.t().numbers), "meeting-when")}
            {fact(t.place, m.place.clone(), "meeting-place")}
            {fact(t.municipality, muni.unwrap_or_default(), "meeting-municipality")}
            {fact(t.speakers, m.speakers.clone(), "meeting-speakers")}
            {invitation}
            {fact(t.deadline, m.registration_deadline.map(|x| app.t().numbers.date(x)).unwrap_or_default(), "meeting-deadline")}
            {email}
            {fact(t.registered, count(m.registered), "meeting-registered")}
            {fact(t.attended, attended.map(|x| app.t().numbers.integer(x)).unwrap_or_default(), "meeting-attended")}
            {fact(app.t().note_label, m.note.clone(), "meeting-note")}
        </dl>
        {(!by_org.is_empty()).then(|| view! {
            <h2>{t.by_org}</h2>
            <ul data-testid="meeting-by-org">
                {by_org.into_iter().map(|(g, n)| view! {
                    <li>{app.t().guest_org(g)}": "{app.t().numbers.integer(n)}</li>
                }).collect_view()}
            </ul>
        })}
        <div class="actions">
            <a class="button primary" data-testid="check-in-link" href=Route::CheckIn(meeting.meta.id.clone()).href()>{t.check_in_link}</a>
            <button type="button" data-testid="edit" on:click=move |_| editing.set(Some(meeting.clone()))>{tr(|t| t.edit)}</button>
            <DeleteButton id=delete_id name=delete_name on_deleted=on_deleted />
        </div>
    }
}
