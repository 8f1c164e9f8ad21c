//! The settings of offline work: persistent storage and space, where the
//! published snapshot is, and the WebDAV folder with its "Synkronisera".

use crate::browser::{http, settings, storage};
use crate::core::exchange::sync::published;
use crate::core::exchange::sync::webdav::DavSettings;
use crate::ui::forms::controls::TextField;
use crate::ui::i18n::offline::OfflineTexts;
use crate::ui::state::{use_app, AppState};
use crate::ui::sync::{dav_settings, published_location, sync_folder, SyncStop};
use leptos::prelude::*;

fn o(app: AppState) -> &'static OfflineTexts {
    app.t().offline
}

fn text(pick: fn(&'static OfflineTexts) -> &'static str) -> Signal<String> {
    let app = use_app();
    Signal::derive(move || pick(o(app)).to_owned())
}

/// Persistent storage: granted or not, space used and free, and a button
/// to ask again.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(None::<storage::StorageState>);
    let read =
        move || leptos::task::spawn_local(async move { state.set(Some(storage::state().await)) });
    read();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            storage::ask_persistent().await;
            state.set(Some(storage::state().await));
        })
    };
    view! {
        {move || state.get().map(|s| {
            let t = o(app);
            let usage = match (s.used, s.quota) {
                (Some(used), Some(quota)) => (t.usage)(&app.t().numbers.bytes(used), &app.t().numbers.bytes(quota - used)),
                _ => t.usage_unknown.to_owned(),
            };
            view! {
                <p data-testid="storage-persisted">{if s.persisted { t.persisted_yes } else { t.persisted_no }}</p>
                <p data-testid="storage-usage">{usage}</p>
                {(!s.persisted).then(|| view! {
                    <button type="button" data-testid="storage-persist" on:click=ask>{t.persist_ask}</button>
                })}
            }
        })}
    }
}

/// Where the published snapshot is looked for.
#[component]
pub fn PublishedSettings() -> impl IntoView {
    let app = use_app();
    let location = RwSignal::new(published_location());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match published::check_location(&location.get_untracked()) {
            Ok(l) => {
                error.set(None);
                settings::set(settings::Key::PublishedLocation, &l);
                settings::remove(settings::Key::PublishedEtag);
                location.set(l);
                saved.set(true);
            }
            Err(e) => error.set(Some((o(app).location_error)(&e).to_owned())),
        }
    };
    view! {
        <section aria-labelledby="published-title">
            <h2 id="published-title">{move || o(app).published_title}</h2>
            <p>{move || o(app).published_text}</p>
            <form on:submit=save novalidate>
                <TextField id="published-location" label=text(|t| t.published_location) value=location error=Signal::derive(move || error.get()) />
                <button type="submit" data-testid="published-save">{move || o(app).published_save}</button>
                {move || saved.get().then(|| view! { <p role="status">{o(app).published_saved}</p> })}
            </form>
        </section>
    }
}

/// The WebDAV folder: address and credentials (kept on this device), and
/// the sync button.
#[component]
pub fn WebDavSettings() -> impl IntoView {
    let app = use_app();
    let current = dav_settings().unwrap_or_default();
    let url = RwSignal::new(current.url);
    let user = RwSignal::new(current.user);
    let password = RwSignal::new(current.password);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<(bool, Vec<String>)>);
    let busy = RwSignal::new(false);
    let online = RwSignal::new(http::online());
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let checked = move || {
        DavSettings::check(
            &url.get_untracked(),
            &user.get_untracked(),
            &password.get_untracked(),
        )
        .map_err(|e| (o(app).settings_error)(&e).to_owned())
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        match checked() {
            Ok(s) => {
                url.set(s.url.clone());
                if settings::set_json(settings::Key::WebDav, &s).is_err() {
                    error.set(Some(o(app).dav_not_saved.to_owned()));
                    return;
                }
                error.set(None);
                settings::remove(settings::Key::WebDavSeen);
                status.set(Some((true, vec![o(app).dav_saved.to_owned()])));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let forget = move |_| {
        settings::remove(settings::Key::WebDav);
        settings::remove(settings::Key::WebDavSeen);
        url.set(String::new());
        user.set(String::new());
        password.set(String::new());
        status.set(None);
    };
    let sync = move |_| {
        let t = o(app);
        let Some(dav) = dav_settings() else {
            status.set(Some((false, vec![t.dav_not_set.to_owned()])));
            return;
        };
        busy.set(true);
        status.set(Some((true, vec![t.dav_syncing.to_owned()])));
        leptos::task::spawn_local(async move {
            let result = sync_folder(app, &dav).await;
            let t = o(app);
            status.set(Some(match result {
                Ok(report) => {
                    let mut lines = vec![(t.dav_done)(
                        report.merged_files,
                        report.changed_records,
                        &report.written,
                    )];
                    for (name, e) in &report.bad_files {
                        lines.push((t.dav_bad_file)(name, &(app.t().exchange.error)(e)));
                    }
                    let trust = app.t().trust;
                    for (name, ahead) in &report.ahead {
                        lines.push((trust.in_file)(name, &(trust.ahead_notice)(ahead)));
                    }
                    if let Some(id) = &report.new_device {
                        lines.push((trust.new_device_shared)(id));
                    }
                    (report.bad_files.is_empty(), lines)
                }
                Err(SyncStop::Network(f)) => (false, vec![(t.failure)(&f)]),
                Err(SyncStop::Storage(m) | SyncStop::Outgoing(m)) => (false, vec![m]),
            }));
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="dav-title">
            <h2 id="dav-title">{move || o(app).dav_title}</h2>
            <p>{move || o(app).dav_text}</p>
            <form on:submit=save novalidate autocomplete="off">
                <TextField id="dav-url" label=text(|t| t.dav_url) value=url input_type="url" error=Signal::derive(move || error.get()) />
                <TextField id="dav-user" label=text(|t| t.dav_user) value=user autocomplete="username" />
                <TextField id="dav-password" label=text(|t| t.dav_password) value=password input_type="password" autocomplete="current-password" />
                <button type="submit" data-testid="dav-save">{move || o(app).dav_save}</button>" "
                <button type="button" class="link-button" data-testid="dav-forget" on:click=forget>{move || o(app).dav_forget}</button>
            </form>
            <p>
                <button
                    type="button"
                    class="primary"
                    data-testid="dav-sync"
                    disabled=move || busy.get() || !online.get()
                    on:click=sync
                >
                    {move || o(app).dav_sync}
                </button>
            </p>
            {move || (!online.get()).then(|| view! { <p role="status" data-testid="dav-offline">{o(app).dav_offline}</p> })}
            {move || status.get().map(|(ok, lines)| view! {
                <div role=if ok { "status" } else { "alert" } class=if ok { "" } else { "field-error" } data-testid="dav-status">
                    {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            })}
        </section>
    }
}
