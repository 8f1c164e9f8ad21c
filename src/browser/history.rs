//! The browser's address bar: read the current address, change it without a
//! page load, and tell in-app links from links that leave the app.
//!
//! Guarantees: nothing here panics; a browser without the History API
//! simply keeps full page loads (every function reports failure instead).

use wasm_bindgen::JsCast;

/// The current path and query (`"/insatser/abc"`, `"?period=2017"`).
pub fn current() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".into(), String::new());
    };
    (
        location.pathname().unwrap_or_else(|_| "/".into()),
        location.search().unwrap_or_default(),
    )
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// Adds an address to the history, as following a link does.
pub fn push(href: &str) -> bool {
    history().is_some_and(|h| {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            .is_ok()
    })
}

/// Replaces the current address, for changes that should not make a new
/// step for the back button (a filter on the board).
pub fn replace(href: &str) -> bool {
    history().is_some_and(|h| {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
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
    let href = anchor.get_attribute("href")?;
    let location = web_sys::window()?.location();
    let url = web_sys::Url::new_with_base(&href, &location.href().ok()?).ok()?;
    if url.origin() != location.origin().ok()? {
        return None;
    }
    // A jump within the page (the skip link `#main`) is the browser's job.
    if !url.hash().is_empty() && url.pathname() == location.pathname().ok()? {
        return None;
    }
    Some((url.pathname(), url.search()))
}
