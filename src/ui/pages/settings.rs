//! Settings: language, example data, what is stored on this device, and
//! the published snapshot and WebDAV folder it syncs with.

use crate::ui::components::sync_settings::{PublishedSettings, StorageStatus, WebDavSettings};
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::i18n::Lang;
use crate::ui::pages::welcome::load_demo;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let lang = RwSignal::new(app.lang.get_untracked().code().to_owned());
    Effect::new(move |_| {
        let chosen = Lang::from_code(&lang.get());
        if chosen != app.lang.get_untracked() {
            leptos::task::spawn_local(async move {
                if app.set_lang(chosen).await.is_err() {
                    // Not here and not fetched: the choice goes back.
                    lang.set(app.lang.get_untracked().code().to_owned());
                    app.notice
                        .set(Some(app.t_now().offline.part_missing.to_owned()));
                }
            });
        }
    });
    let choices = Signal::derive(move || {
        let [sv, en] = app.t().language_names;
        vec![
            Choice::new(Lang::Sv.code(), sv),
            Choice::new(Lang::En.code(), en),
        ]
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let on_demo = move |_| load_demo(app, nav, busy, failure);
    let stored = Memo::new(move |_| app.ws.with(|w| w.records().len()));
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
            <h2>{tr(|t| t.storage_title)}</h2>
            <p data-testid="storage-count">{move || (app.t().storage_text)(stored.get())}</p>
            <StorageStatus />
            <p>{tr(|t| t.device_label)}": " <code>{app.clock().device().to_string()}</code></p>
        </section>
        <PublishedSettings />
        <WebDavSettings />
    }
}
