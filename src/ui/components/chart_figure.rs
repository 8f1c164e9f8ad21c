//! A chart with its data table: the SVG drawn by the core, and a toggle that
//! shows the same figures as an accessible table.
//!
//! Guarantees: the SVG is inserted as markup only because the core builds it
//! and escapes all text in it; the table always carries the same rows as the
//! chart (both come from one chart description).

use crate::core::chart::DataTable;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A table of figures with a caption and column headers.
#[component]
pub fn FigureTable(
    table: DataTable,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let headers = table.headers.clone();
    view! {
        <div class="table-scroll">
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
        </div>
    }
}

/// A chart (SVG from the core) with a "show as table" toggle.
#[component]
pub fn ChartFigure(
    #[prop(into)] svg: Signal<String>,
    #[prop(into)] table: Signal<DataTable>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let app = use_app();
    let as_table = RwSignal::new(false);
    let table_testid = format!("{testid}-table");
    view! {
        <figure class="chart" data-testid=testid.clone()>
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
            </div>
            <Show
                when=move || as_table.get()
                fallback=move || view! { <div class="chart-svg" inner_html=move || svg.get()></div> }
            >
                {
                    let table_testid = table_testid.clone();
                    move || view! { <FigureTable table=table.get() testid=table_testid.clone() /> }
                }
            </Show>
        </figure>
    }
}
