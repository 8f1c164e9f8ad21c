//! Presentationer: the saved decks, and the editor that picks and orders
//! their slides.
//!
//! A new deck is stored at once (named "Ny presentation", for the board's
//! period) and opened in the editor, so nothing typed later can be lost to
//! a missing first save.

use crate::core::ids::RecordId;
use crate::core::model::{Presentation, Record, Slide, MAX_SLIDES};
use crate::core::reports::slides::{is_available, move_slide, options, presentations_by_name};
use crate::core::route::Route;
use crate::core::validate::{build_presentation, Field, FormErrors, PresentationDraft};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::period_picker::{start_period, PeriodPicker};
use crate::ui::forms::controls::{
    field_error, Choice, ErrorText, FormSummary, SelectField, TextField,
};
use crate::ui::forms::submit::FormState;
use crate::ui::i18n::names::slide_label;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// The list of decks.
#[component]
pub fn PresentationsPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let p = move || app.t().present;
    let decks = Memo::new(move |_| {
        app.ws.with(|w| {
            presentations_by_name(w)
                .into_iter()
                .cloned()
                .collect::<Vec<Presentation>>()
        })
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let create = move |_| {
        let deck = Presentation {
            meta: app.new_meta(),
            name: p().new_name.to_owned(),
            period: start_period(),
            slides: Vec::new(),
        };
        let id = deck.meta.id.clone();
        app.save(
            vec![Edit::now(Record::Presentation(deck))],
            busy,
            failure,
            move || {
                nav.go(Route::Presentation(id));
            },
        );
    };
    view! {
        <h1>{tr(|t| t.present.title)}</h1>
        <p class="lead">{tr(|t| t.present.intro)}</p>
        <div class="actions">
            <button type="button" class="primary" data-testid="new-presentation" disabled=move || busy.get() on:click=create>
                {tr(|t| t.present.new_deck)}
            </button>
            <a href=Route::Report { period: None }.href() data-testid="report-link">{tr(|t| t.present.report_nav)}</a>
        </div>
        {move || failure.get().map(|f| view! { <p class="error" role="alert">{f}</p> })}
        <Show when=move || !decks.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.present.none_yet)}</p> }>
            <ul class="card-list" data-testid="presentation-list">
                {move || decks.get().into_iter().map(|d| {
                    let edit = Route::Presentation(d.meta.id.clone()).href();
                    let show = Route::Present { id: d.meta.id.clone(), slide: 0 }.href();
                    let name = d.name.clone();
                    view! {
                        <li class="card" data-testid="presentation-item">
                            <h2 class="card-title"><a href=edit.clone()>{name}</a></h2>
                            <p>{app.t().numbers.period(&d.period)}" · "{(p().slide_count)(d.slides.len())}</p>
                            <p class="actions">
                                <a href=show class="button primary" data-testid="present" on:click=|_| crate::browser::fullscreen::enter()>{p().present}</a>
                                <a href=edit>{p().edit}</a>
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// The editor of one deck.
#[component]
pub fn PresentationPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let id_for_find = id.clone();
    let deck = Memo::new(move |_| app.ws.with(|w| w.presentations.get(&id_for_find).cloned()));
    // The editor is built once per deck, from the version stored when it
    // opened, so a save elsewhere never overwrites what is being typed.
    let opened = deck.get_untracked();
    view! {
        {match opened {
            None => view! { <RecordMissing /> }.into_any(),
            Some(d) => view! { <DeckEditor deck=d /> }.into_any(),
        }}
    }
}

#[component]
fn DeckEditor(deck: Presentation) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let p = move || app.t().present;
    let opened = StoredValue::new(deck.clone());
    let start = PresentationDraft::from_presentation(&deck);
    let name = RwSignal::new(start.name.clone());
    let period = RwSignal::new(start.period.clone());
    let slides = RwSignal::new(start.slides.clone());
    let form = FormState::new(app);
    let (errors, busy, failure) = form.parts();
    let saved_note = RwSignal::new(false);
    let draft = move || PresentationDraft {
        name: name.get_untracked(),
        period: period.get_untracked(),
        slides: slides.get_untracked(),
    };
    let changed = Memo::new(move |_| {
        let now = PresentationDraft {
            name: name.get(),
            period: period.get(),
            slides: slides.get(),
        };
        now != PresentationDraft::from_presentation(&opened.get_value())
    });
    // Saves the draft; `then` runs with the saved deck's id.
    let save = move |then: Box<dyn FnOnce(RecordId)>| {
        let meta = opened.get_value().meta;
        let built = app
            .ws
            .with_untracked(|w| build_presentation(&draft(), w, meta));
        form.submit(built, |saved| {
            let before = Record::Presentation(opened.get_value());
            let id = saved.meta.id.clone();
            let record = Record::Presentation(saved.clone());
            (Edit::from_form(Some(before), record), move || {
                opened.set_value(saved);
                then(id);
            })
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(Box::new(move |_| saved_note.set(true)));
    };
    let present = move |_| {
        // Full screen must be asked for while the click is fresh, before the
        // save waits for storage.
        crate::browser::fullscreen::enter();
        save(Box::new(move |id| {
            nav.go(Route::Present { id, slide: 0 });
        }));
        if !errors.with_untracked(FormErrors::is_empty) {
            crate::browser::fullscreen::leave();
        }
    };
    Effect::new(move |_| {
        if changed.get() {
            saved_note.set(false);
        }
    });

    // Adding: every slide the data can fill, labelled in the UI's language.
    let offered = Memo::new(move |_| {
        let t = app.t();
        app.ws.with(|w| {
            options(w)
                .into_iter()
                .map(|s| (slide_label(w, t, &s), s))
                .collect::<Vec<(String, Slide)>>()
        })
    });
    let choice = RwSignal::new(String::from("0"));
    let choices = Signal::derive(move || {
        offered
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, (label, _))| Choice::new(n.to_string(), label))
            .collect::<Vec<_>>()
    });
    let full = move || slides.with(|s| s.len() >= MAX_SLIDES);
    let add = move |_| {
        let picked = choice
            .get_untracked()
            .parse::<usize>()
            .ok()
            .and_then(|n| offered.with_untracked(|o| o.get(n).map(|(_, s)| s.clone())));
        if let (Some(slide), false) = (picked, full()) {
            slides.update(|s| s.push(slide));
        }
    };
    let deck_id = deck.meta.id.clone();
    let deck_name = Signal::derive(move || name.get());
    let on_deleted = Callback::new(move |_| {
        nav.go(Route::Presentations);
    });
    view! {
        <h1 data-testid="page-title">{move || name.get()}</h1>
        <p><a href=Route::Presentations.href()>{tr(|t| t.present.title)}</a></p>
        <form class="record-form" data-testid="presentation-form" on:submit=submit novalidate>
            <FormSummary errors=errors extra=Signal::derive(move || failure.get()) />
            <TextField id="deck-name" label=tr(|t| t.present.name) value=name error=field_error(errors, Field::Name) required=true />
            <PeriodPicker id="deck-period" draft=period errors=errors />
            <section aria-labelledby="deck-slides-heading">
                <h2 id="deck-slides-heading">{tr(|t| t.present.slides)}</h2>
                <Show when=move || !slides.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.present.no_slides)}</p> }>
                    <ol class="slide-list" data-testid="slide-list">
                        {move || {
                            let t = app.t();
                            let all = slides.get();
                            let last = all.len().saturating_sub(1);
                            app.ws.with(|w| all.iter().enumerate().map(|(n, s)| {
                                let label = slide_label(w, t, s);
                                let missing = (!is_available(w, s)).then_some(t.present.unavailable);
                                let (l1, l2, l3) = (label.clone(), label.clone(), label.clone());
                                view! {
                                    <li data-testid="slide-item">
                                        <span class="slide-name">{label}</span>
                                        {missing.map(|m| view! { <span class="sub warning">{m}</span> })}
                                        <span class="slide-tools">
                                            <button type="button" class="link-button" aria-label=(t.present.move_up)(&l1) disabled=n == 0
                                                on:click=move |_| slides.update(|s| { move_slide(s, n, n.saturating_sub(1)); })>{t.present.up}</button>
                                            <button type="button" class="link-button" aria-label=(t.present.move_down)(&l2) disabled=n == last
                                                on:click=move |_| slides.update(|s| { move_slide(s, n, n + 1); })>{t.present.down}</button>
                                            <button type="button" class="danger-link" aria-label=(t.present.remove)(&l3) data-testid="remove-slide"
                                                on:click=move |_| slides.update(|s| { s.remove(n); })>{t.present.remove_short}</button>
                                        </span>
                                    </li>
                                }
                            }).collect_view())
                        }}
                    </ol>
                </Show>
                <ErrorText id="deck-slides-error" error=field_error(errors, Field::Slides) />
                <div class="field-row add-slide">
                    <SelectField id="deck-add" label=tr(|t| t.present.add_label) value=choice choices=choices />
                    <button type="button" data-testid="add-slide" disabled=full on:click=add>{tr(|t| t.present.add)}</button>
                </div>
                {move || full().then(|| view! { <p class="hint">{(p().full)(MAX_SLIDES)}</p> })}
            </section>
            <div class="form-buttons">
                <button type="submit" data-testid="save" disabled=move || busy.get()>{tr(|t| t.present.save)}</button>
                <button type="button" class="primary" data-testid="present" disabled=move || busy.get() on:click=present>{tr(|t| t.present.present)}</button>
                <span role="status" class="hint" data-testid="save-state">
                    {move || if saved_note.get() { p().saved } else if changed.get() { p().unsaved } else { "" }}
                </span>
            </div>
            <p class="hint">{tr(|t| t.present.present_hint)}</p>
        </form>
        <p><DeleteButton id=deck_id name=deck_name on_deleted=on_deleted /></p>
    }
}
