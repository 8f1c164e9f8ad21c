//! Files in and out: a download the browser saves, and the text of a file
//! the user picked.
//!
//! Guarantees: nothing here reads or writes anything but the one file; a
//! picked file is read only after the core has accepted its size for what
//! it is for; a failure comes back as a value ([`ReadError`]) with the
//! browser's message.

use crate::core::exchange::file_size::{self, FileUse, TooLarge};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// The browser's reason: a thrown text, an `Error`'s (or `DOMException`'s)
/// message, or the value as JSON (an `Error` as JSON is only `{}`).
fn message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
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

/// Why a picked file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than its use allows: refused before any of it was read.
    TooLarge(TooLarge),
    /// The browser could not read it (its message).
    Browser(String),
}

/// The text of a picked file, decoded as UTF-8 as `Blob.text()` does (a
/// leading byte order mark dropped, a broken sequence replaced by U+FFFD).
///
/// Read as bytes and checked in place rather than through `Blob.text()`:
/// handing a JS string to wasm reserves three bytes per character for the
/// UTF-8 copy as soon as one character is not ASCII, so a 300 MB file grew
/// the app's memory by 900 MB for a moment (and wasm memory never shrinks).
pub async fn read_text(file: &File, use_: FileUse) -> Result<String, ReadError> {
    Ok(utf8_text(read_bytes(file, use_).await?))
}

/// Bytes as UTF-8 text, as `Blob.text()` and `Response.text()` decode them:
/// a leading byte order mark dropped, a broken sequence replaced by U+FFFD;
/// valid text is not copied.
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// The bytes of a picked file (for CSV, which may not be UTF-8), if its
/// size is within what its use allows ([`file_size::check`], asked before
/// anything is copied into the app). At most one byte past the limit is
/// read, and checked again, in case the file grew after it was picked.
pub async fn read_bytes(file: &File, use_: FileUse) -> Result<Vec<u8>, ReadError> {
    let name = file.name();
    file_size::check(use_, &name, file.size()).map_err(ReadError::TooLarge)?;
    let part = file
        .slice_with_f64_and_f64(0.0, use_.limit() as f64 + 1.0)
        .map_err(|e| ReadError::Browser(message(e)))?;
    let buffer = JsFuture::from(part.array_buffer())
        .await
        .map_err(|e| ReadError::Browser(message(e)))?;
    let array = js_sys::Uint8Array::new(&buffer);
    file_size::check(use_, &name, f64::from(array.length())).map_err(ReadError::TooLarge)?;
    Ok(array.to_vec())
}

/// Offers an SVG drawing as a PNG at `scale` times its size (2 for slides
/// and print): the browser draws the SVG onto a canvas. The SVG must carry
/// its own width and height (the core's charts do).
pub async fn download_png(name: &str, svg: &str, scale: f64) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(message)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(message)?;
    let image = web_sys::HtmlImageElement::new().map_err(message)?;
    image.set_src(&url);
    let loaded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    loaded.map_err(message)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    canvas.set_width((w * scale).round() as u32);
    canvas.set_height((h * scale).round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(message)?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context")?;
    // Slides and documents are white; a transparent PNG is not.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w * scale, h * scale);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w * scale, h * scale)
        .map_err(message)?;
    let png = canvas.to_data_url_with_type("image/png").map_err(message)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&png);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Opens the browser's print dialog (which also saves as PDF).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
