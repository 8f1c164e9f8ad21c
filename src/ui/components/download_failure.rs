//! A download the browser refused, said where its button is.
//!
//! Every download button keeps one [`DownloadFailure`]: it hands it the
//! result of `browser::files::download` (or `download_png`) and places
//! [`DownloadFailure::view`] next to the button. A failure shows a sentence
//! in the current language with the browser's reason; the next download
//! that works takes it away.

use crate::ui::state::use_app;
use leptos::prelude::*;

/// The last download's failure (the browser's reason), if it failed.
#[derive(Clone, Copy)]
pub struct DownloadFailure(RwSignal<Option<String>>);

impl DownloadFailure {
    /// No failure yet.
    pub fn new() -> DownloadFailure {
        DownloadFailure(RwSignal::new(None))
    }

    /// Shows what became of a download.
    pub fn show(self, result: Result<(), String>) {
        self.0.set(result.err());
    }

    /// The message, where the button is (nothing while downloads work).
    pub fn view(self) -> impl IntoView {
        let app = use_app();
        move || {
            self.0.get().map(|why| {
                view! {
                    <p role="alert" class="field-error" data-testid="download-failed">
                        {(app.t().download_failed)(&why)}
                    </p>
                }
            })
        }
    }
}

impl Default for DownloadFailure {
    fn default() -> DownloadFailure {
        DownloadFailure::new()
    }
}
