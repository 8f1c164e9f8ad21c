//! The service worker (`src/browser/sw.js`): registers it, notices when a
//! new version of the app has been installed and is waiting, and switches
//! to it only when the user asks.
//!
//! Guarantees: registration happens only in release builds (a debug build
//! under `trunk serve` must always show the newest code); nothing here
//! panics or reloads on its own; a browser without service workers simply
//! runs the app online.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's file, relative to the app's folder (so it serves the whole
/// app, at `/` or at a subpath).
const WORKER: &str = "sw.js";

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // `serviceWorker` is missing on insecure origins and in some private
    // modes; reading it then must not throw.
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has.then(|| navigator.service_worker())
}

thread_local! {
    /// Whether this tab asked the waiting version to take over.
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Registers the worker and calls `on_waiting` once a new version is
/// installed and waiting (at start, if one already waits, or later, when
/// the browser finds a new build), and `on_replaced` when another tab has
/// switched to a new version: this tab still runs the old one, and must be
/// reloaded before it stores anything. Does nothing in debug builds.
pub fn register(on_waiting: impl Fn() + Clone + 'static, on_replaced: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    // A page gets a new controller when the first worker installs (that is
    // no new version: it just makes the app work offline) and when a new
    // version takes over; only the second, if another tab asked for it,
    // leaves this tab running an old version.
    let controlled = std::rc::Rc::new(std::cell::Cell::new(container.controller().is_some()));
    let replaced = Closure::<dyn Fn()>::new(move || {
        if controlled.replace(true) && !ASKED.with(std::cell::Cell::get) {
            on_replaced();
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", replaced.as_ref().unchecked_ref());
    replaced.forget();
    let promise = container.register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        watch(&reg, on_waiting);
        // Look for a new build now and then, for a laptop left open all day.
        let again = reg.clone();
        let check = Closure::<dyn Fn()>::new(move || {
            let _ = again.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                30 * 60 * 1000,
            );
        }
        check.forget();
    });
}

/// Calls `on_waiting` when `reg` has (or gets) a waiting worker while a
/// worker already controls this page (the very first install is not an
/// update: it just makes the app work offline).
fn watch(reg: &ServiceWorkerRegistration, on_waiting: impl Fn() + Clone + 'static) {
    let controlled = || container().and_then(|c| c.controller()).is_some();
    if reg.waiting().is_some() && controlled() {
        on_waiting();
    }
    let reg2 = reg.clone();
    let found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg2.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_waiting = on_waiting.clone();
        let changed = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                on_waiting();
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Switches to the newest version: tells a waiting one to take over and
/// reloads the page once it has; when none waits (another tab already
/// switched, or there is no worker), reloads at once, which loads the
/// version now in charge.
pub fn activate_waiting() {
    let Some(container) = container() else {
        reload();
        return;
    };
    ASKED.with(|a| a.set(true));
    let on_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let waiting: Option<ServiceWorker> = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("maltavla:activate"));
            }
            None => reload(),
        }
    });
}

/// Reloads this tab (to run the version another tab switched to).
pub fn reload_tab() {
    reload();
}
