//! A table of rows drawn from the workspace, as the board and an
//! indicator's page show them: one frame, so every such table scrolls and
//! follows the workspace and the language the same way, and draws a long
//! table a screen first and the rest frame by frame (`aria-busy` until
//! every row is in).

use crate::core::workspace::{Tables, Workspace};
use crate::ui::i18n::Texts;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;
use std::sync::Arc;

/// One column heading.
#[derive(Clone, Copy)]
pub struct Column {
    words: fn(&'static Texts) -> &'static str,
    /// Figures are set right, so that their digits line up.
    figures: bool,
}

impl Column {
    /// A column of words.
    pub fn text(words: fn(&'static Texts) -> &'static str) -> Column {
        Column {
            words,
            figures: false,
        }
    }

    /// A column of figures.
    pub fn figures(words: fn(&'static Texts) -> &'static str) -> Column {
        Column {
            words,
            figures: true,
        }
    }
}

/// A table that scrolls on its own on a narrow screen instead of widening
/// the page. Its rows are drawn again from the workspace in the current
/// language whenever either changes.
#[component]
pub fn ScrollTable<R, V, F>(
    /// The table's class.
    class: &'static str,
    /// Its `data-testid`, where the end-to-end tests look for it.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// Words for a caption that only screen readers read.
    #[prop(optional)]
    caption: Option<fn(&'static Texts) -> &'static str>,
    columns: Vec<Column>,
    #[prop(into)] rows: Signal<Vec<R>>,
    /// The tables a row is drawn from (names, beyond what `rows` holds);
    /// every table when not given.
    #[prop(optional)]
    reads: Option<Tables>,
    /// Draws one row (`<tr>`).
    row: F,
) -> impl IntoView
where
    R: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(&Workspace, &'static Texts, R) -> V + Send + Sync + 'static,
{
    let app = use_app();
    let head = columns
        .into_iter()
        .map(|c| {
            if c.figures {
                view! { <th scope="col" class="num">{tr(c.words)}</th> }.into_any()
            } else {
                view! { <th scope="col">{tr(c.words)}</th> }.into_any()
            }
        })
        .collect_view();
    let row = Arc::new(row);
    // Which drawing of the rows this is: a new one whenever the rows, the
    // tables they are drawn from (rows show names from them) or the
    // language change, so that every row is drawn afresh then, as a table
    // always was.
    let reads = reads.unwrap_or(Tables::ALL);
    let drawing = Memo::new(move |previous: Option<&u64>| {
        rows.track();
        app.ws.track_tables(reads);
        app.lang.track();
        previous.map_or(0, |p| p + 1)
    });
    // How many rows of which drawing are in the page: the first screen at
    // once, the rest a chunk per frame (see `FIRST_ROWS`).
    let shown = RwSignal::new((0_u64, FIRST_ROWS));
    let count = move || {
        let (of, n) = shown.get();
        let n = if of == drawing.get() { n } else { FIRST_ROWS };
        n.min(rows.with(Vec::len))
    };
    Effect::new(move |_| {
        let d = drawing.get();
        shown.set((d, FIRST_ROWS));
        draw_more(d, drawing, shown, rows);
    });
    let each = move || (0..count()).map(|i| (drawing.get(), i)).collect::<Vec<_>>();
    let draw = move |(_, i): (u64, usize)| {
        let t = app.t_now();
        let one = rows.with_untracked(|all| all.get(i).cloned());
        one.map(|r| app.ws.with_untracked(|w| row(w, t, r)))
    };
    let busy = move || (count() < rows.with(Vec::len)).then_some("true");
    view! {
        <div class="table-scroll">
            <table class=class data-testid=testid aria-busy=busy>
                {caption.map(|c| view! { <caption class="visually-hidden">{tr(c)}</caption> })}
                <thead>
                    <tr>{head}</tr>
                </thead>
                // A new body per drawing: the old rows leave the page as one
                // element, not one removal per row (hundreds on a region's
                // board).
                {move || {
                    drawing.track();
                    view! {
                        <tbody>
                            <For each=each key=|k| *k children=draw.clone() />
                        </tbody>
                    }
                }}
            </table>
        </div>
    }
}

/// Rows a table draws at once: more than any screen holds (30 rows of
/// the board are about 2 900 pixels tall at 1 280 wide; 50 cost a period
/// change about a fifth more to lay out and paint). A longer table
/// (the board of a region: hundreds of goals) draws the rest
/// [`MORE_ROWS`] per frame after the first paint, keeping the rows it has
/// drawn, so the page shows its first screen and answers input without
/// waiting for rows far below.
const FIRST_ROWS: usize = 30;
/// Rows a long table adds per frame after the first [`FIRST_ROWS`].
const MORE_ROWS: usize = 200;

/// Adds [`MORE_ROWS`] to drawing `d` once the next frame is drawn (a task
/// after the frame, so each frame paints what is in before more is
/// built), and again until every row is in; stops when a newer drawing
/// has begun.
fn draw_more<R: Send + Sync + 'static>(
    d: u64,
    drawing: Memo<u64>,
    shown: RwSignal<(u64, usize)>,
    rows: Signal<Vec<R>>,
) {
    let len = rows.with_untracked(Vec::len);
    if shown.get_untracked().1 >= len {
        return;
    }
    after_next_frame(move || {
        if drawing.get_untracked() != d || shown.get_untracked().0 != d {
            return;
        }
        shown.update(|s| s.1 += MORE_ROWS);
        draw_more(d, drawing, shown, rows);
    });
}

/// Runs `f` in a task once the next frame is drawn, so that frame paints
/// what is in the page now before `f` adds more.
fn after_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
