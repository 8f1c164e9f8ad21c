//! Check-in at a frukostmöte: one large button per guest, an undo, and an
//! optional choice of where the guest comes from. Works offline: each press
//! stores one arrival record in this browser at once, so presses faster
//! than storage never overwrite each other, and two laptops counting the
//! same meeting add up when their files are merged.

use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::meetings::{attended, check_in, undo_check_in};
use crate::core::model::{GuestOrg, Record};
use crate::core::route::Route;
use crate::core::workspace::Tables;
use crate::ui::components::meeting_figures::when_text;
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// The check-in page; `id` comes from the address.
#[component]
pub fn CheckInPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let meeting = {
        let id = id.clone();
        Memo::new(move |_| {
            app.ws
                .reading(Tables::MEETINGS, |w| w.meetings.get(&id).cloned())
        })
    };
    let count = Memo::new(move |_| {
        meeting.with(|m| {
            m.as_ref()
                .and_then(|m| app.ws.with(|w| attended(w, m)))
                .unwrap_or(0)
        })
    });
    let undoable = {
        let id = id.clone();
        Memo::new(move |_| {
            let device = app.clock().device();
            app.ws.with(|w| undo_check_in(w, &id, &device))
        })
    };
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let org = RwSignal::new(String::new());
    let org_choices = Signal::derive(move || {
        let t = app.t();
        std::iter::once(Choice::new("", t.meetings.orgs[5]))
            .chain(
                GuestOrg::ALL[..5]
                    .iter()
                    .map(|g| Choice::new(codes::code(g), t.guest_org(*g))),
            )
            .collect::<Vec<_>>()
    });
    let arrive = {
        let id = id.clone();
        move |_| {
            let chosen = GuestOrg::ALL
                .into_iter()
                .find(|g| org.with_untracked(|o| codes::code(g) == *o))
                .unwrap_or(GuestOrg::Unspecified);
            let guest = check_in(&id, chosen, app.new_meta());
            app.save(
                vec![Edit::now(Record::Arrival(guest))],
                busy,
                failure,
                || {},
            );
            org.set(String::new());
        }
    };
    let undo = move |_| {
        if let Some(gone) = undoable.get_untracked() {
            app.save(vec![Edit::now(Record::Arrival(gone))], busy, failure, || {});
        }
    };
    let t = move || app.t().meetings;
    let exists = Memo::new(move |_| meeting.with(Option::is_some));
    let heading = move || {
        meeting.with(|m| {
            m.as_ref()
                .map(|m| format!("{} · {}", m.theme, when_text(m, app.t().numbers)))
                .unwrap_or_default()
        })
    };
    let back = Route::Meeting(id).href();
    move || {
        if !exists.get() {
            return view! { <RecordMissing /> }.into_any();
        }
        view! {
            <h1>{tr(|t| t.meetings.check_in_title)}</h1>
            <p><strong>{heading}</strong></p>
            <p class="hint">{tr(|t| t.meetings.check_in_intro)}</p>
            <p class="check-in-count" aria-live="polite" data-testid="check-in-count">{move || (t().arrived)(count.get())}</p>
            <SelectField id="check-in-org" label=tr(|t| t.meetings.org_label) value=org choices=org_choices />
            <div class="check-in-buttons">
                <button type="button" class="primary check-in-button" data-testid="check-in" on:click=arrive.clone()>
                    {tr(|t| t.meetings.check_in_button)}
                </button>
                <button type="button" data-testid="check-in-undo" disabled=move || busy.get() || undoable.with(Option::is_none) on:click=undo>
                    {tr(|t| t.meetings.undo)}
                </button>
            </div>
            <p role="alert">{move || failure.get()}</p>
            <p><a href=back.clone() data-testid="back-to-meeting">{tr(|t| t.meetings.back_to_meeting)}</a></p>
        }
        .into_any()
    }
}
