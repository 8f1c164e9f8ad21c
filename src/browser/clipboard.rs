//! Copying text to the clipboard (the newsletter block).
//!
//! Guarantees: never panics; a browser without the asynchronous clipboard
//! API, or one that refuses (no permission, page not focused, not a secure
//! context), gives `Err` and the UI tells the user to copy by hand.

use wasm_bindgen::{JsCast, JsValue};

/// Writes `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let navigator = get(&js_sys::global(), "navigator")?;
    let clipboard = get(&navigator, "clipboard")?;
    let write: js_sys::Function = get(&clipboard, "writeText")?.dyn_into()?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))?
        .dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}
