//! Frukostmöten: upcoming and past as a list or a month calendar, filtered
//! by municipality; today's meeting with its check-in; guests per year; a
//! form and quick entry for new meetings.

use crate::browser::clock::today;
use crate::core::chart::{bullet_chart_svg, bullet_table};
use crate::core::ids::RecordId;
use crate::core::meetings::{meeting_list, meetings_on, When};
use crate::core::model::Meeting;
use crate::core::route::Route;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::meeting_calendar::MonthCalendar;
use crate::ui::components::meeting_figures::{attendance_figure, when_text};
use crate::ui::components::quick_meetings::QuickMeetings;
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::forms::meeting_form::{municipality_choices, MeetingForm};
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// One meeting in a list.
#[component]
fn MeetingItem(meeting: Meeting) -> impl IntoView {
    let app = use_app();
    let muni = app.ws.with_untracked(|w| {
        meeting
            .municipality
            .as_ref()
            .and_then(|id| w.municipalities.get(id))
            .map(|m| m.name.clone())
    });
    let attended = meeting
        .attended
        .map(|c| (app.t().meetings.attended_n)(c.get()));
    view! {
        <li data-testid="meeting-item">
            <a href=Route::Meeting(meeting.meta.id.clone()).href()>{meeting.theme.clone()}</a>
            <span class="sub">{when_text(&meeting, app.t().numbers)}</span>
            {muni.map(|n| view! { <span class="sub">{n}</span> })}
            {(!meeting.place.is_empty()).then(|| view! { <span class="sub">{meeting.place.clone()}</span> })}
            {attended.map(|a| view! { <span class="sub" data-testid="meeting-attended">{a}</span> })}
        </li>
    }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let m = move || app.t().meetings;
    let view_mode = RwSignal::new("upcoming".to_owned());
    let municipality = RwSignal::new(String::new());
    let creating = RwSignal::new(false);
    let muni_id = move || RecordId::parse(&municipality.get()).ok();
    let modes = Signal::derive(move || {
        let t = m();
        vec![
            Choice::new("upcoming", t.upcoming),
            Choice::new("past", t.past),
            Choice::new("calendar", t.calendar),
        ]
    });
    let munis = municipality_choices(app.t().meetings.all_municipalities);
    let list = Memo::new(move |_| {
        let when = if view_mode.get() == "past" {
            When::Past
        } else {
            When::Upcoming
        };
        let id = muni_id();
        app.ws.with(|w| {
            meeting_list(w, today(), when, id.as_ref())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let todays = Memo::new(move |_| {
        app.ws.with(|w| {
            meetings_on(w, today())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let chart = Memo::new(move |_| attendance_figure(app, muni_id().as_ref()));
    let on_done = Callback::new(move |saved: Option<RecordId>| {
        creating.set(false);
        if let Some(id) = saved {
            nav.go(Route::Meeting(id));
        }
    });
    view! {
        <h1>{tr(|t| t.meetings.title)}</h1>
        <p>{tr(|t| t.meetings.intro)}</p>
        {move || todays.get().into_iter().map(|t| view! {
            <p class="banner banner-notice" data-testid="todays-meeting">
                <strong>{m().today_meeting}": "</strong>{t.theme.clone()}" "
                <a href=Route::CheckIn(t.meta.id.clone()).href()>{m().check_in_link}</a>
            </p>
        }).collect_view()}
        <Show when=move || !creating.get() fallback=move || view! { <MeetingForm on_done=on_done /> }>
            <button type="button" class="primary" data-testid="new-meeting" on:click=move |_| creating.set(true)>{tr(|t| t.meetings.new_meeting)}</button>
        </Show>
        <QuickMeetings />
        <div class="field-row">
            <SelectField id="meetings-view" label=tr(|t| t.meetings.show) value=view_mode choices=modes />
            <SelectField id="meetings-municipality" label=tr(|t| t.meetings.municipality) value=municipality choices=munis />
        </div>
        {move || if view_mode.get() == "calendar" {
            view! { <MonthCalendar municipality=Signal::derive(muni_id) /> }.into_any()
        } else {
            view! {
                <Show when=move || !list.with(Vec::is_empty) fallback=move || view! { <p>{m().none_here}</p> }>
                    <ul class="card-list" data-testid="meeting-list">
                        {move || list.get().into_iter().map(|x| view! { <MeetingItem meeting=x /> }).collect_view()}
                    </ul>
                </Show>
            }.into_any()
        }}
        <Show when=move || !chart.with(|c| c.rows.is_empty())>
            <ChartFigure svg=Signal::derive(move || chart.with(bullet_chart_svg)) table=Signal::derive(move || chart.with(bullet_table)) testid="chart-attendance" />
        </Show>
    }
}
