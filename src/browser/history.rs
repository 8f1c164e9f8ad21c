//! The browser's address bar: read the current address, change it without a
//! page load, and tell in-app links from links that leave the app.
//!
//! Guarantees: nothing here panics; a browser without the History API
//! simply keeps full page loads (every function reports failure instead).

use crate::core::route::inside_base;
use wasm_bindgen::JsCast;

/// The folder the app is served from (`"/"`, `"/maltavla/"`): the path of
/// the page's `<base href>`, which the build sets from Trunk's public URL.
pub fn base_path() -> String {
    // The folder of the base address: relative links resolve against it
    // (`/maltavla/` for `/maltavla/`, `/` for a page at `/index.html`).
    base_uri()
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map_or_else(
            || "/".into(),
            |u| {
                let path = u.pathname();
                path[..=path.rfind('/').unwrap_or(0)].to_owned()
            },
        )
}

/// The current path inside the app and query (`"/insatser/abc"`,
/// `"?period=2017"`), whatever folder the app is served from.
pub fn current() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".into(), String::new());
    };
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let inside = inside_base(&base_path(), &path).unwrap_or("/finns-inte");
    (inside.to_owned(), location.search().unwrap_or_default())
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// The app's folder as a full address: the page's `<base href>` (which the
/// build sets from Trunk's public URL), or the site's root without one.
/// Not `document.baseURI`: without a `<base>` that follows the address bar.
fn base_uri() -> Option<String> {
    let window = web_sys::window()?;
    let base = window
        .document()?
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlBaseElement>().ok())
        .map(|b| b.href());
    base.or_else(|| window.location().origin().ok().map(|o| o + "/"))
}

/// The app's own address, as the accessibility statement names it
/// (`https://example.se/maltavla/`); `None` outside a browser.
pub fn app_address() -> Option<String> {
    base_uri()
}

/// An app address (`insatser/abc`, relative to the app's folder) as a full
/// one, the way the browser resolves a link under `<base href>`.
fn absolute(href: &str) -> Option<String> {
    let base = base_uri()?;
    web_sys::Url::new_with_base(href, &base)
        .ok()
        .map(|u| u.href())
}

/// Adds an address to the history, as following a link does.
pub fn push(href: &str) -> bool {
    let Some(url) = absolute(href) else {
        return false;
    };
    history().is_some_and(|h| {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .is_ok()
    })
}

/// Replaces the current address, for changes that should not make a new
/// step for the back button (a filter on the board).
pub fn replace(href: &str) -> bool {
    let Some(url) = absolute(href) else {
        return false;
    };
    history().is_some_and(|h| {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .is_ok()
    })
}

/// After moving to another page: back to the top, and keyboard focus on the
/// main content so screen readers start reading the new page.
pub fn after_navigation() {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let main = window
        .document()
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// If a click should be handled inside the app, the path and query of the
/// link clicked; `None` for modified clicks, other buttons, links that open
/// elsewhere, downloads, other origins and jumps within the page.
pub fn in_app_link(event: &web_sys::MouseEvent) -> Option<(String, String)> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())?;
    if anchor.has_attribute("download")
        || anchor.get_attribute("target").is_some_and(|t| t != "_self")
    {
        return None;
    }
    // Links are relative to the app's folder (`<base href>`), not to the
    // page they are on.
    let href = absolute(&anchor.get_attribute("href")?)?;
    let location = web_sys::window()?.location();
    let url = web_sys::Url::new(&href).ok()?;
    if url.origin() != location.origin().ok()? {
        return None;
    }
    // A jump within the page (the skip link `#main`) is the browser's job.
    if !url.hash().is_empty() && url.pathname() == location.pathname().ok()? {
        return None;
    }
    let path = url.pathname();
    let inside = inside_base(&base_path(), &path)?;
    Some((inside.to_owned(), url.search()))
}
