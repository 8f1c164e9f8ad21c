//! Full screen for presentation mode: the projector shows the slide, not
//! the browser's bars.
//!
//! Browsers only allow full screen right after a click or key press, and
//! may refuse it (an iframe without permission, a kiosk); then the deck
//! still fills the window, so every failure here is ignored on purpose.

/// Asks for the whole page to go full screen (call from a click handler).
pub fn enter() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.request_fullscreen();
    }
}

/// Leaves full screen if the page is in it.
pub fn leave() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// Whether the page is full screen now.
pub fn active() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}
