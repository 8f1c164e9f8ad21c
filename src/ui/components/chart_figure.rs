//! A chart with its data table: the SVG drawn by the core, and a toggle that
//! shows the same figures as an accessible table.
//!
//! Guarantees: the SVG is inserted as markup only because the core builds it
//! and escapes all text in it; the table always carries the same rows as the
//! chart (both come from one chart description).

use crate::browser::clock::today;
use crate::browser::files;
use crate::browser::visibility::{NearScreen, Printing};
use crate::core::chart::{standalone, DataTable};
use crate::core::exchange::file_name;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A box in which a wide table scrolls sideways instead of the page (at
/// 200 % zoom and on phones). It can take focus, so that someone on the
/// keyboard alone can scroll it even when nothing inside can take focus
/// (WCAG 2.1.1; axe's `scrollable-region-focusable`), and is named by
/// `label` (the table's caption) when it has it.
#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=move || label.get()>
            {children()}
        </div>
    }
}

/// A table of figures with a caption and column headers.
#[component]
pub fn FigureTable(
    table: DataTable,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let headers = table.headers.clone();
    let label = table.caption.clone();
    view! {
        <TableScroll label=label>
            <table data-testid=testid>
                <caption>{table.caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .into_iter()
                        .map(|row| {
                            let mut cells = row.into_iter();
                            let first = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}

/// A chart (SVG from the core) with a "show as table" toggle.
#[component]
pub fn ChartFigure(
    #[prop(into)] svg: Signal<String>,
    #[prop(into)] table: Signal<DataTable>,
    #[prop(into)] testid: String,
    /// The period the figures are for, printed under a downloaded chart
    /// whose title does not say it.
    #[prop(optional, into)]
    period: Option<Signal<String>>,
    /// For a chart taller than a few screens (a region's board of hundreds
    /// of targets): the same chart without its rows (the core's
    /// `bullet_chart_outline`: its size, title, description and legend),
    /// shown in its place until it comes within a screen of the screen,
    /// and then laid out by the browser only while near it; always drawn
    /// in print. Drawing and laying out such charts took most of a period
    /// change's time. `None` for a chart of ordinary size.
    #[prop(optional, into)]
    outline: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let app = use_app();
    let as_table = RwSignal::new(false);
    let figure = NodeRef::<leptos::html::Figure>::new();
    let near = RwSignal::new(false);
    let printing = RwSignal::new(false);
    if outline.is_some() {
        let watches = StoredValue::new_local(None::<(NearScreen, Printing)>);
        Effect::new(move |_| {
            if let Some(element) = figure.get() {
                watches.set_value(Some((
                    NearScreen::watch(&element, "100% 0px", move |n| near.set(n)),
                    Printing::watch(move |p| printing.set(p)),
                )));
            }
        });
        on_cleanup(move || watches.dispose());
    }
    let long = move || outline.is_some_and(|o| o.with(Option::is_some));
    // The outline of the chart drawn last, while it is still in place.
    let drawn_as = StoredValue::new(None::<String>);
    // What the chart shows: drawn when near the screen or printed; far from
    // it, the outline, unless what was drawn last is this same chart
    // (same title and description: scrolling away leaves it as it is).
    let body = Memo::new(move |prev: Option<&String>| {
        let Some(outline) = outline.and_then(|o| o.get()) else {
            return svg.get();
        };
        if near.get() || printing.get() {
            drawn_as.set_value(Some(outline));
            return svg.get();
        }
        match prev {
            Some(drawn) if drawn_as.with_value(|d| d.as_ref() == Some(&outline)) => drawn.clone(),
            _ => {
                drawn_as.set_value(None);
                outline
            }
        }
    });
    let table_testid = format!("{testid}-table");
    // For slides and the newsletter: the chart as drawn, with its title, as
    // SVG or as a PNG at twice its size, with the period and a source line
    // under it, so the image says what it shows and whose figures they are.
    let name = move |ext: &str| table.with_untracked(|t| file_name::chart_file(&t.caption, ext));
    let drawing = move || {
        let p = app.t().present;
        let today = app.t().numbers.date(today());
        let source = app.ws.with_untracked(|w| match w.organisation_name() {
            Some(org) => (p.chart_source)(org, &today),
            None => (p.chart_source_no_org)(&today),
        });
        let mut footer: Vec<String> = period
            .map(|s| (p.chart_period)(&s.get_untracked()))
            .into_iter()
            .collect();
        footer.push(source);
        standalone(&svg.get_untracked(), &footer)
    };
    let failure = DownloadFailure::new();
    let download_svg = move |_| {
        failure.show(files::download(&name("svg"), &drawing(), "image/svg+xml"));
    };
    let download_png = move |_| {
        let (file, drawing) = (name("png"), drawing());
        leptos::task::spawn_local(async move {
            failure.show(files::download_png(&file, &drawing, 2.0).await);
        });
    };
    view! {
        <figure class="chart" class:long=long node_ref=figure data-testid=testid.clone()>
            <div class="chart-tools">
                <button
                    type="button"
                    class="link-button"
                    aria-pressed=move || if as_table.get() { "true" } else { "false" }
                    data-testid="toggle-table"
                    on:click=move |_| as_table.update(|v| *v = !*v)
                >
                    {move || if as_table.get() { app.t().show_chart } else { app.t().show_table }}
                </button>
                " "
                <button type="button" class="link-button" data-testid="download-svg" on:click=download_svg>
                    {move || app.t().download_svg}
                </button>
                " "
                <button type="button" class="link-button" data-testid="download-png" on:click=download_png>
                    {move || app.t().download_png}
                </button>
            </div>
            {failure.view()}
            <Show
                when=move || as_table.get()
                fallback=move || view! { <div class="chart-svg" inner_html=move || body.get()></div> }
            >
                {
                    let table_testid = table_testid.clone();
                    move || view! { <FigureTable table=table.get() testid=table_testid.clone() /> }
                }
            </Show>
        </figure>
    }
}
