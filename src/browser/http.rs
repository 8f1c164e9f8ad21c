//! HTTP requests with `fetch`, for the published snapshot and the WebDAV
//! folder: one function that sends a request and gives back the status,
//! the ETag and the body as text.
//!
//! Guarantees: never panics; "no network" and "server did not answer" come
//! back as values the core turns into messages; credentials are sent only
//! as the header the caller gives (never cookies: `credentials: omit`), so
//! the browser never shows its own password dialog. A body is never read
//! past the limit the caller gives: an announced `Content-Length` above it
//! is refused before reading, and the body is read as a stream, counted
//! chunk by chunk ([`BodyLimit`]) and cancelled at the chunk that would
//! cross it, so a server that sends chunked, compressed or more than it
//! announced cannot fill the app's memory (which wasm never gives back).

use crate::core::exchange::sync::BodyLimit;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Headers, ReadableStreamDefaultReader, Request, RequestCache, RequestCredentials, RequestInit,
    Response,
};

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status (200, 304, 412 …).
    pub status: u16,
    /// The `ETag` header, if any (readable across origins only when the
    /// server exposes it).
    pub etag: Option<String>,
    /// The body as text (empty for 304 and HEAD, and when not asked for).
    pub body: String,
}

/// Why no answer came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoReply {
    /// The browser knows it is offline.
    Offline,
    /// The request failed: server unreachable, refused by CORS, or a bad
    /// address. The browser does not tell which.
    Unreachable,
    /// The body was larger than the caller's limit: not read further.
    TooLarge,
}

/// Whether the browser believes it has a network.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Sends one request. `headers` are name/value pairs; `body` is sent as is.
/// `read_body` is the most bytes of the answer's body to read, or `None`
/// when the body is not wanted (it is then cancelled unread).
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    read_body: Option<usize>,
) -> Result<Reply, NoReply> {
    if !online() {
        return Err(NoReply::Offline);
    }
    let window = web_sys::window().ok_or(NoReply::Unreachable)?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Omit);
    // The caller does its own conditional requests (If-None-Match,
    // If-Match); the browser's cache must not answer for the server.
    init.set_cache(RequestCache::NoStore);
    let h = Headers::new().map_err(|_| NoReply::Unreachable)?;
    for (name, value) in headers {
        h.set(name, value).map_err(|_| NoReply::Unreachable)?;
    }
    init.set_headers(&h);
    if let Some(body) = body {
        init.set_body(&body.into());
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| NoReply::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| lost())?;
    let response: Response = response.dyn_into().map_err(|_| NoReply::Unreachable)?;
    let etag = response.headers().get("ETag").ok().flatten();
    let body = match read_body {
        Some(limit) => read_limited(&response, BodyLimit::new(limit)).await?,
        None => {
            cancel_body(&response);
            String::new()
        }
    };
    Ok(Reply {
        status: response.status(),
        etag,
        body,
    })
}

/// A request that failed after it started: offline now, or unreachable.
fn lost() -> NoReply {
    if online() {
        NoReply::Unreachable
    } else {
        NoReply::Offline
    }
}

/// Lets the browser drop a body nobody reads.
fn cancel_body(response: &Response) {
    if let Some(stream) = response.body() {
        // The promise only says when the cancel is done; nothing waits.
        let _ = stream.cancel();
    }
}

/// Reads the body as a stream within `limit`, decoded as UTF-8 as
/// `Response.text()` does (a leading byte order mark dropped, a broken
/// sequence replaced by U+FFFD).
async fn read_limited(response: &Response, mut limit: BodyLimit) -> Result<String, NoReply> {
    let announced = response.headers().get("Content-Length").ok().flatten();
    let Ok(announced) = limit.announced(announced.as_deref()) else {
        cancel_body(response);
        return Err(NoReply::TooLarge);
    };
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader =
        ReadableStreamDefaultReader::new(&stream).map_err(|_| NoReply::Unreachable)?;
    // The announced length, when there is one, is reserved at once, so the
    // buffer does not double past the limit while it fills.
    let mut bytes: Vec<u8> = Vec::with_capacity(announced.unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| lost())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value =
            js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| NoReply::Unreachable)?;
        let Ok(array) = value.dyn_into::<js_sys::Uint8Array>() else {
            let _ = reader.cancel();
            return Err(NoReply::Unreachable);
        };
        let len = array.length() as usize;
        if limit.take(len).is_err() {
            let _ = reader.cancel();
            return Err(NoReply::TooLarge);
        }
        grow_within(&mut bytes, len, limit.limit());
        let start = bytes.len();
        bytes.resize(start + len, 0);
        if let Some(target) = bytes.get_mut(start..) {
            array.copy_to(target);
        }
    }
    Ok(crate::browser::files::utf8_text(bytes))
}

/// Makes room for `more` bytes, doubling as a `Vec` does but never
/// reserving past `limit` (the caller has checked that the bytes fit).
fn grow_within(bytes: &mut Vec<u8>, more: usize, limit: usize) {
    let needed = bytes.len().saturating_add(more);
    if needed <= bytes.capacity() {
        return;
    }
    let target = bytes
        .capacity()
        .saturating_mul(2)
        .max(needed)
        .min(limit.max(needed));
    bytes.reserve_exact(target - bytes.len());
}
