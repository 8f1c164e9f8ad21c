//! The month view of the frukostmöten: a table of weeks, Monday first, with
//! each day's meetings linked; the core lays out the month.

use crate::browser::clock::today;
use crate::core::ids::RecordId;
use crate::core::meetings::{month_calendar, shift_month};
use crate::core::route::Route;
use crate::ui::state::{tr, use_app};
use chrono::Datelike;
use leptos::prelude::*;

/// One month of meetings, starting at the current month.
#[component]
pub fn MonthCalendar(#[prop(into)] municipality: Signal<Option<RecordId>>) -> impl IntoView {
    let app = use_app();
    let now = today();
    let shown = RwSignal::new((now.year(), now.month()));
    let weeks = Memo::new(move |_| {
        let (y, m) = shown.get();
        let muni = municipality.get();
        app.ws.with(|w| month_calendar(w, y, m, muni.as_ref()))
    });
    let title = move || {
        let (y, m) = shown.get();
        crate::core::period::Period::month(y, m)
            .map(|p| app.t().numbers.period(&p))
            .unwrap_or_default()
    };
    let step = move |s: i32| move |_| shown.update(|(y, m)| (*y, *m) = shift_month(*y, *m, s));
    let t = move || app.t().meetings;
    view! {
        <div class="calendar" data-testid="meeting-calendar">
            <div class="actions">
                <button type="button" on:click=step(-1) aria-label=tr(|t| t.meetings.prev_month)>"‹"</button>
                <h2 aria-live="polite" data-testid="calendar-month">{title}</h2>
                <button type="button" on:click=step(1) aria-label=tr(|t| t.meetings.next_month)>"›"</button>
            </div>
            <div class="table-scroll">
                <table class="month">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.meetings.week)}</th>
                            {move || t().weekdays.iter().map(|d| view! { <th scope="col">{*d}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || weeks.get().into_iter().map(|w| view! {
                            <tr>
                                <th scope="row">{w.number}</th>
                                {w.days.into_iter().map(|d| view! {
                                    <td>
                                        {d.map(|d| view! {
                                            <span class="day">{d.date.day()}</span>
                                            <ul>
                                                {d.meetings.into_iter().map(|(id, theme)| view! {
                                                    <li><a href=Route::Meeting(id).href()>{theme}</a></li>
                                                }).collect_view()}
                                            </ul>
                                        })}
                                    </td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
