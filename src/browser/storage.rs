//! The browser's storage manager: ask for persistent storage (so the
//! browser does not clear IndexedDB when the disk runs low) and read how
//! much is used and free.
//!
//! Guarantees: never panics; a browser without `navigator.storage` answers
//! "not granted" and "unknown".

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser says about this site's storage.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageState {
    /// Whether the browser promised to keep the data (`persisted()`).
    pub persisted: bool,
    /// Bytes used by this site, if the browser tells.
    pub used: Option<f64>,
    /// Bytes this site may use in all, if the browser tells.
    pub quota: Option<f64>,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?;
    has.then(|| navigator.storage())
}

async fn flag(promise: Result<js_sys::Promise, JsValue>) -> bool {
    match promise {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Asks for persistent storage (Chromium grants it without a prompt to a
/// site the user engages with or has installed); `true` when granted.
pub async fn ask_persistent() -> bool {
    let Some(m) = manager() else {
        return false;
    };
    if flag(m.persisted()).await {
        return true;
    }
    flag(m.persist()).await
}

/// Reads whether storage is persistent and the usage estimate.
pub async fn state() -> StorageState {
    let Some(m) = manager() else {
        return StorageState::default();
    };
    let persisted = flag(m.persisted()).await;
    let estimate = match m.estimate() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let number = |key: &str| {
        estimate
            .as_ref()
            .and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(key)).ok())
            .and_then(|v| v.as_f64())
    };
    StorageState {
        persisted,
        used: number("usage"),
        quota: number("quota"),
    }
}
