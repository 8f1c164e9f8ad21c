//! How far a long piece of work (reading, planning or storing a large
//! import) has come: a labelled `<progress>` with the count in words, and a
//! button that stops it while stopping still changes nothing.

use leptos::prelude::*;

/// What the progress bar shows; the texts are already in the page's
/// language.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// What is being done (the bar's accessible name).
    pub label: &'static str,
    /// The count in words (`38 000 av 100 000 poster`).
    pub count: String,
    /// Records done and all of them; `None` while the work cannot tell
    /// (the bar then moves without a value).
    pub done: Option<(usize, usize)>,
    /// Whether the stop button is offered (not once storing has begun).
    pub can_stop: bool,
}

/// The progress bar of `shown`, with a stop button labelled `stop_label`
/// that calls `on_stop`.
#[component]
pub fn WorkProgress(
    #[prop(into)] shown: Signal<Option<Shown>>,
    stop_label: Signal<&'static str>,
    on_stop: Callback<()>,
) -> impl IntoView {
    move || {
        shown.get().map(|s| {
            let bar = match s.done {
                Some((done, total)) => view! {
                    <progress id="work-progress-bar" max=total.max(1) value=done></progress>
                }
                .into_any(),
                None => view! { <progress id="work-progress-bar"></progress> }.into_any(),
            };
            view! {
                <div class="work-progress" data-testid="work-progress">
                    <label for="work-progress-bar">{s.label}</label>
                    " "
                    {bar}
                    <p role="status" data-testid="work-progress-count">{s.count}</p>
                    {s.can_stop.then(|| view! {
                        <button type="button" class="secondary" data-testid="work-progress-stop"
                            on:click=move |_| on_stop.run(())>{stop_label}</button>
                    })}
                </div>
            }
        })
    }
}
