//! Long work cut into slices with the page's turn in between: between two
//! slices the browser handles input and draws a frame, so a large import
//! never freezes the page.
//!
//! Guarantees: never panics; where there is no window or timer, a pause
//! returns at once (the work still finishes, in one piece).

use wasm_bindgen_futures::JsFuture;

/// How long a slice may run before the page gets its turn: well under the
/// 50 ms the browser counts as a long task, so input waits at most this.
pub const SLICE_MILLIS: f64 = 40.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Gives the page its turn: resolves on a zero-delay timer, after the
/// input and drawing the browser has queued.
pub async fn yield_to_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    // A timer cannot fail once set; either way the pause is over.
    let _ = JsFuture::from(promise).await;
}

/// The time a slice has had so far.
pub struct Slice {
    started: f64,
}

impl Slice {
    /// A slice starting now.
    pub fn start() -> Slice {
        Slice { started: now() }
    }

    /// Whether this slice has had its time.
    pub fn is_over(&self) -> bool {
        now() - self.started >= SLICE_MILLIS
    }

    /// Gives the page its turn and starts the next slice.
    pub async fn pause(&mut self) {
        yield_to_page().await;
        self.started = now();
    }
}
