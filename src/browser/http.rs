//! HTTP requests with `fetch`, for the published snapshot and the WebDAV
//! folder: one function that sends a request and gives back the status,
//! the ETag and the body as text.
//!
//! Guarantees: never panics; "no network" and "server did not answer" come
//! back as values the core turns into messages; credentials are sent only
//! as the header the caller gives (never cookies: `credentials: omit`), so
//! the browser never shows its own password dialog.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCache, RequestCredentials, RequestInit, Response};

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status (200, 304, 412 …).
    pub status: u16,
    /// The `ETag` header, if any (readable across origins only when the
    /// server exposes it).
    pub etag: Option<String>,
    /// The body as text (empty for 304 and HEAD).
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
}

/// Whether the browser believes it has a network.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Sends one request. `headers` are name/value pairs; `body` is sent as is.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
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
        .map_err(|_| {
            if online() {
                NoReply::Unreachable
            } else {
                NoReply::Offline
            }
        })?;
    let response: Response = response.dyn_into().map_err(|_| NoReply::Unreachable)?;
    let etag = response.headers().get("ETag").ok().flatten();
    let body = match response.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Reply {
        status: response.status(),
        etag,
        body,
    })
}
