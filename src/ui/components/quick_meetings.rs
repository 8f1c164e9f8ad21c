//! Quick entry of frukostmöten: paste the newsletter's list or type one line
//! per meeting, see what will be saved, save them all at once. The core
//! reads the lines and checks every meeting.

use crate::browser::clock::today;
use crate::core::model::Record;
use crate::core::validate::{build_meeting, parse_meeting_list};
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// The quick entry box, folded until opened.
#[component]
pub fn QuickMeetings() -> impl IntoView {
    let app = use_app();
    let t = move || app.t().meetings;
    let text = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let drafts = Memo::new(move |_| {
        let typed = text.get();
        app.ws.with(|w| {
            parse_meeting_list(&typed, w, today())
                .into_iter()
                .map(|d| {
                    let built = build_meeting(&d, w, app.new_meta());
                    (d, built)
                })
                .collect::<Vec<_>>()
        })
    });
    let all_valid = move || drafts.with(|d| !d.is_empty() && d.iter().all(|(_, b)| b.is_ok()));
    let save = move |_| {
        let edits: Vec<Edit> = drafts
            .get_untracked()
            .into_iter()
            .filter_map(|(_, b)| b.ok())
            .map(|m| Edit::now(Record::Meeting(m)))
            .collect();
        app.save(edits, busy, failure, move || text.set(String::new()));
    };
    view! {
        <details class="quick-entry">
            <summary>{tr(|t| t.meetings.quick_title)}</summary>
            <p class="hint" id="quick-hint">{tr(|t| t.meetings.quick_hint)}</p>
            <textarea
                id="quick-meetings"
                data-testid="quick-meetings"
                rows="6"
                aria-describedby="quick-hint"
                aria-label=tr(|t| t.meetings.quick_title)
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <Show when=move || !text.with(|s| s.trim().is_empty())>
                {move || if drafts.with(Vec::is_empty) {
                    view! { <p>{t().quick_none}</p> }.into_any()
                } else {
                    view! {
                        <p>{(t().quick_found)(drafts.with(Vec::len))}</p>
                        <ul data-testid="quick-preview">
                            {drafts.get().into_iter().map(|(d, built)| {
                                let muni = app.ws.with_untracked(|w| {
                                    crate::core::ids::RecordId::parse(&d.municipality).ok()
                                        .and_then(|id| w.municipalities.get(&id).map(|m| m.name.clone()))
                                });
                                let date = built.as_ref().map(|m| app.t().numbers.date(m.date)).unwrap_or(d.date.clone());
                                let bad = built.is_err().then_some("⚠ ");
                                view! { <li>{bad}{date}" · "{muni}" · "{d.theme}</li> }
                            }).collect_view()}
                        </ul>
                        <p role="alert">{move || failure.get()}</p>
                        <button type="button" class="primary" data-testid="quick-save" disabled=move || busy.get() || !all_valid() on:click=save>
                            {t().quick_save}
                        </button>
                    }.into_any()
                }}
            </Show>
        </details>
    }
}
