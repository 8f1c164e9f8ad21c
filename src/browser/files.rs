//! Files in and out: a download the browser saves, and the text of a file
//! the user picked.
//!
//! Guarantees: nothing here reads or writes anything but the one file; a
//! failure comes back as the browser's message.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

fn message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(message)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(message)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click has handed the blob to the browser's download; free ours.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// The text of a picked file, decoded as UTF-8.
pub async fn read_text(file: &File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(message)?;
    text.as_string().ok_or_else(|| "not text".into())
}

/// The bytes of a picked file (for CSV, which may not be UTF-8).
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(message)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
