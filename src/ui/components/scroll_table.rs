//! A table of rows drawn from the workspace, as the board and an
//! indicator's page show them: one frame, so every such table scrolls and
//! follows the workspace and the language the same way.

use crate::core::workspace::Workspace;
use crate::ui::i18n::Texts;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

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
    view! {
        <div class="table-scroll">
            <table class=class data-testid=testid>
                {caption.map(|c| view! { <caption class="visually-hidden">{tr(c)}</caption> })}
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>
                    {move || {
                        let t = app.t();
                        app.ws.with(|w| rows.get().into_iter().map(|r| row(w, t, r)).collect_view())
                    }}
                </tbody>
            </table>
        </div>
    }
}
