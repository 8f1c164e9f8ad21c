//! Settings: language, example data and what is stored on this device.

use crate::browser::settings::{self, Key};
use crate::core::flow::{parse_threshold, MAX_THRESHOLD};
use crate::ui::components::flow_panel::threshold;
use crate::ui::components::form::{Choice, SelectField, TextField};
use crate::ui::i18n::Lang;
use crate::ui::pages::welcome::load_demo;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let lang = RwSignal::new(app.lang.get_untracked().code().to_owned());
    Effect::new(move |_| {
        let chosen = Lang::from_code(&lang.get());
        if chosen != app.lang.get_untracked() {
            app.set_lang(chosen);
        }
    });
    let choices =
        Signal::derive(|| vec![Choice::new("sv", "Svenska"), Choice::new("en", "English")]);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let on_demo = move |_| load_demo(app, nav, busy, failure);
    let stored = Memo::new(move |_| app.ws.with(|w| w.records().len()));
    // The protection threshold: stored as soon as it is a valid number.
    let limit = RwSignal::new(threshold().to_string());
    Effect::new(move |_| {
        let typed = limit.get();
        let n = parse_threshold(Some(&typed));
        if n.to_string() == typed.trim() {
            settings::set(Key::ProtectionThreshold, &n.to_string());
        }
    });
    let limit_error = Signal::derive(move || {
        let typed = limit.get();
        let ok = typed
            .trim()
            .parse::<u64>()
            .is_ok_and(|n| (1..=MAX_THRESHOLD).contains(&n));
        (!ok).then(|| app.t().threshold_hint.to_owned())
    });
    view! {
        <h1>{tr(|t| t.settings_title)}</h1>
        <section>
            <SelectField id="settings-language" label=tr(|t| t.language_label) value=lang choices=choices />
        </section>
        <section>
            <h2>{tr(|t| t.demo_title)}</h2>
            <p>{tr(|t| t.demo_text)}</p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            <button type="button" data-testid="settings-load-demo" disabled=move || busy.get() on:click=on_demo>{tr(|t| t.load_demo)}</button>
        </section>
        <section>
            <h2>{tr(|t| t.threshold_title)}</h2>
            <TextField id="settings-threshold" label=tr(|t| t.threshold_label) value=limit input_type="number" inputmode="numeric" hint=tr(|t| t.threshold_hint) error=limit_error />
        </section>
        <section>
            <h2>{tr(|t| t.storage_title)}</h2>
            <p data-testid="storage-count">{move || (app.t().storage_text)(stored.get())}</p>
            <p>{tr(|t| t.device_label)}": " <code>{app.clock().device().to_string()}</code></p>
        </section>
    }
}
