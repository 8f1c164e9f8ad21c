//! User Timing marks around the steps a user waits for (reading a file,
//! planning an import, writing it), so a benchmark — or anyone with the
//! browser's performance panel — can see how long each took in the real
//! app, without a separate build.
//!
//! Guarantees: two calls into the browser per step; does nothing where the
//! Performance API is missing.

/// A step being timed; [`Span::end`] records it as a `measure` entry named
/// like the step (`maltavla:read`).
pub struct Span {
    name: &'static str,
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

impl Span {
    /// Starts timing the step `name`.
    pub fn start(name: &'static str) -> Span {
        if let Some(p) = performance() {
            let _ = p.mark(name);
        }
        Span { name }
    }

    /// Records the step as a `measure` entry from its start until now.
    pub fn end(self) {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark(self.name, self.name);
            p.clear_marks_with_mark_name(self.name);
        }
    }
}
