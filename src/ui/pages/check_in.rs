//! Check-in at a frukostmöte: one large button per guest, an undo, and an
//! optional choice of where the guest comes from. Works offline: each press
//! is stored in this browser at once.
//!
//! Presses may come faster than storage answers, so the page counts on its
//! own copy of the meeting and stores that copy whole after each press; the
//! copy follows the stored meeting again once nothing is on its way.

use crate::core::ids::RecordId;
use crate::core::model::{GuestOrg, Meeting, Record};
use crate::core::route::Route;
use crate::core::validate::figure::enum_code;
use crate::ui::components::form::{Choice, SelectField};
use crate::ui::pages::meetings::when_text;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// The check-in page; `id` comes from the address.
#[component]
pub fn CheckInPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let stored = {
        let id = id.clone();
        Memo::new(move |_| app.ws.with(|w| w.meetings.get(&id).cloned()))
    };
    let copy = RwSignal::new(stored.get_untracked());
    let pending = RwSignal::new(0usize);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let s = stored.get();
        if pending.get_untracked() == 0 {
            copy.set(s);
        }
    });
    let org = RwSignal::new(String::new());
    let org_choices = Signal::derive(move || {
        let t = app.t();
        std::iter::once(Choice::new("", t.meetings.orgs[5]))
            .chain(
                GuestOrg::ALL[..5]
                    .iter()
                    .map(|g| Choice::new(enum_code(g), t.guest_org(*g))),
            )
            .collect::<Vec<_>>()
    });
    let store = move |change: fn(&mut Meeting, GuestOrg) -> bool| {
        let Some(before) = copy.get_untracked() else {
            return;
        };
        let chosen = GuestOrg::ALL
            .into_iter()
            .find(|g| org.with_untracked(|o| enum_code(g) == *o))
            .unwrap_or(GuestOrg::Unspecified);
        let mut after = before.clone();
        if !change(&mut after, chosen) {
            return;
        }
        copy.set(Some(after.clone()));
        pending.update(|n| *n += 1);
        app.save(
            vec![Edit::from_form(
                Some(Record::Meeting(before)),
                Record::Meeting(after),
            )],
            busy,
            failure,
            move || {
                pending.update(|n| *n = n.saturating_sub(1));
                if pending.get_untracked() == 0 {
                    copy.set(stored.get_untracked());
                }
            },
        );
        org.set(String::new());
    };
    let t = move || app.t().meetings;
    let count = move || copy.with(|m| m.as_ref().map_or(0, Meeting::attended_count));
    let can_undo = move || copy.with(|m| m.as_ref().is_some_and(|m| !m.arrivals.is_empty()));
    let exists = Memo::new(move |_| stored.with(Option::is_some));
    let heading = move || {
        stored.with(|m| {
            m.as_ref()
                .map(|m| format!("{} · {}", m.theme, when_text(m)))
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
            <p class="check-in-count" aria-live="polite" data-testid="check-in-count">{move || (t().arrived)(count())}</p>
            <SelectField id="check-in-org" label=tr(|t| t.meetings.org_label) value=org choices=org_choices />
            <div class="check-in-buttons">
                <button type="button" class="primary check-in-button" data-testid="check-in" on:click=move |_| store(|m, g| { m.check_in(g); true })>
                    {tr(|t| t.meetings.check_in_button)}
                </button>
                <button type="button" data-testid="check-in-undo" disabled=move || !can_undo() on:click=move |_| store(|m, _| m.undo_check_in())>
                    {tr(|t| t.meetings.undo)}
                </button>
            </div>
            <p role="alert">{move || failure.get()}</p>
            <p><a href=back.clone() data-testid="back-to-meeting">{tr(|t| t.meetings.back_to_meeting)}</a></p>
        }
        .into_any()
    }
}
