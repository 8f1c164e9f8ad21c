//! How far a long piece of work (reading, planning or storing a large
//! import) has come: a labelled `<progress>` with the count in words, and a
//! button that stops it while stopping still changes nothing.

use crate::browser::slices::Slice;
use crate::ui::state::AppState;
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

impl Shown {
    /// Once storing has begun (no stop offered) and a write that takes
    /// slices tells how far it has come (`AppState::storing`): that count.
    pub fn with_storing(
        self,
        storing: Option<(usize, usize)>,
        count: fn(usize, usize) -> String,
    ) -> Shown {
        match storing {
            Some((done, total)) if !self.can_stop => Shown {
                count: count(done, total),
                done: Some((done, total)),
                ..self
            },
            _ => self,
        }
    }
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
                    <progress
                        id="work-progress-bar"
                        aria-describedby="work-progress-count"
                        max=total.max(1)
                        value=done
                    ></progress>
                }
                .into_any(),
                None => view! {
                    <progress id="work-progress-bar" aria-describedby="work-progress-count"></progress>
                }
                .into_any(),
            };
            view! {
                <div class="work-progress" data-testid="work-progress">
                    <label for="work-progress-bar">{s.label}</label>
                    " "
                    {bar}
                    // No live region: a count that changes every few
                    // hundredths of a second would drown a screen reader.
                    <p id="work-progress-count" data-testid="work-progress-count">{s.count}</p>
                    {s.can_stop.then(|| view! {
                        <button type="button" class="secondary" data-testid="work-progress-stop"
                            on:click=move |_| on_stop.run(())>{stop_label}</button>
                    })}
                </div>
            }
        })
    }
}

/// The user stopped the work (or a newer run replaced it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// One run of a long piece of work, told apart from a later one: stopping
/// (or starting the work again) starts a new run, and the old one gives up
/// at its next pause without touching the page.
#[derive(Clone, Copy)]
pub struct Run {
    id: u64,
    runs: StoredValue<u64>,
    progress: RwSignal<Option<Shown>>,
}

impl Run {
    /// A new run, which replaces any earlier run counted in `runs`; it
    /// shows how far it has come in `progress`.
    pub fn new(runs: StoredValue<u64>, progress: RwSignal<Option<Shown>>) -> Run {
        runs.update_value(|r| *r += 1);
        Run {
            id: runs.get_value(),
            runs,
            progress,
        }
    }

    /// Whether this is still the run that counts.
    pub fn is_current(self) -> bool {
        self.runs.get_value() == self.id
    }

    /// Shows `done` of `total` records as the work `label`.
    pub fn show(self, app: AppState, label: &'static str, done: usize, total: usize) {
        self.progress.set(Some(Shown {
            label,
            count: (app.t_now().exchange.progress_count)(done, total),
            done: Some((done, total)),
            can_stop: true,
        }));
    }

    /// Once `slice` has had its time: shows how far the work has come and
    /// gives the page its turn; then says whether the work was stopped.
    pub async fn pause(
        self,
        app: AppState,
        slice: &mut Slice,
        label: &'static str,
        done: usize,
        total: usize,
    ) -> Result<(), Stopped> {
        if slice.is_over() {
            self.show(app, label, done, total);
            slice.pause().await;
        }
        if self.is_current() {
            Ok(())
        } else {
            Err(Stopped)
        }
    }
}
