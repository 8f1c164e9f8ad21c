//! The participant flow of a scope for a year: the newsletter's key
//! figures and their breakdowns, with small numbers protected, and the same
//! figures as a spreadsheet.

use crate::browser::clock::today;
use crate::browser::files;
use crate::browser::perf::Span;
use crate::core::exchange::csv::figures::export_flow;
use crate::core::exchange::csv::CsvFlavour;
use crate::core::model::Scope;
use crate::core::participants::report::{active_years, latest_event_year};
use crate::core::participants::{flow_report, in_scope, Shown};
use crate::core::period::Period;
use crate::core::workspace::{Tables, Workspace};
use crate::ui::components::chart_figure::TableScroll;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::i18n::names::slice_name;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// A protected figure as text.
pub fn shown_text(s: Shown, numbers: crate::core::locale::Locale) -> String {
    match s {
        Shown::Count(n) => numbers.integer(n),
        Shown::Fewer(t) => format!("<{t}"),
        Shown::Share(p) => numbers.percent(p),
        Shown::Hidden => "–".into(),
        Shown::NoData => String::new(),
    }
}

/// The förbund's protection threshold, as stored now.
pub fn threshold() -> u64 {
    use_app().ws.with_untracked(Workspace::protection_threshold)
}

/// The flow panel for `scope`.
#[component]
pub fn FlowPanel(#[prop(into)] scope: Signal<Scope>) -> impl IntoView {
    let app = use_app();
    let limit = Memo::new(move |_| {
        app.ws
            .reading(Tables::ORGANISATION, Workspace::protection_threshold)
    });
    let years = Memo::new(move |_| {
        let scope = scope.get();
        app.ws.with(|w| {
            let ps = in_scope(w, &scope);
            (active_years(&ps, today()), latest_event_year(&ps, today()))
        })
    });
    let latest = Memo::new(move |_| years.with(|(_, latest)| *latest));
    let years = Memo::new(move |_| years.with(|(ys, _)| ys.clone()));
    // The periods offered: each year with data, and its two halves (the
    // newsletters report half-years), newest first.
    let periods = Memo::new(move |_| {
        years.with(|ys| {
            ys.iter()
                .rev()
                .flat_map(|&y| {
                    [
                        Period::year(y).ok(),
                        Period::half(y, 1).ok(),
                        Period::half(y, 2).ok(),
                    ]
                })
                .flatten()
                .collect::<Vec<Period>>()
        })
    });
    let picked = RwSignal::new(String::new());
    let chosen = Memo::new(move |_| {
        let typed = picked.get().parse::<Period>().ok();
        periods.with(|ps| {
            typed.filter(|p| ps.contains(p)).or_else(|| {
                latest
                    .get()
                    .or_else(|| years.with(|ys| ys.last().copied()))
                    .map(Period::year_clamped)
            })
        })
    });
    let report = Memo::new(move |_| {
        let period = chosen.get()?;
        let scope = scope.get();
        let span = Span::start("maltavla:flow");
        let report = app
            .ws
            .with(|w| flow_report(w, &scope, &period, limit.get()));
        span.end();
        Some((period, report))
    });
    let failure = DownloadFailure::new();
    let download = move |flavour: CsvFlavour| {
        let Some((period, r)) = report.get_untracked() else {
            return;
        };
        let scope = scope.get_untracked();
        let text = app
            .ws
            .with_untracked(|w| export_flow(w, &scope, &period, &r, flavour));
        let name = format!("deltagarflode-{period}-{}.csv", flavour.key());
        failure.show(files::download(&name, &text, "text/csv;charset=utf-8"));
    };
    view! {
        <section class="flow-panel" data-testid="flow-panel" aria-labelledby="flow-title">
            <h2 id="flow-title">{tr(|t| t.flow_title)}</h2>
            <Show when=move || !years.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.flow_empty)}</p> }>
                <p class="flow-controls">
                    <label for="flow-year">{tr(|t| t.flow_year)}</label>" "
                    <select id="flow-year" prop:value=move || chosen.get().map(|p| p.to_string()).unwrap_or_default()
                        on:change=move |ev| picked.set(event_target_value(&ev))>
                        {move || periods.get().into_iter().map(|p| view! { <option value=p.to_string()>{app.t().numbers.period(&p)}</option> }).collect_view()}
                    </select>" "
                    <button type="button" data-testid="flow-export-excel" on:click=move |_| download(CsvFlavour::ExcelSv)>{tr(|t| t.export_excel)}</button>" "
                    <button type="button" data-testid="flow-export-csv" on:click=move |_| download(CsvFlavour::Plain)>{tr(|t| t.export_csv)}</button>
                </p>
                {failure.view()}
                {move || report.get().map(|(_, r)| {
                    let t = app.t();
                    let measures = r.measures.iter().map(|(m, s)| view! {
                        <tr><th scope="row">{t.flow_measure_name(*m)}</th><td class="num">{shown_text(*s, t.numbers)}</td></tr>
                    }).collect_view();
                    let tables = r.tables.iter().filter(|tb| !tb.rows.is_empty()).map(|tb| {
                        let rows = app.ws.with_untracked(|w| tb.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{slice_name(w, t, &row.slice)}</th>
                                <td class="num">{shown_text(row.active, t.numbers)}</td>
                                <td class="num">{shown_text(row.new, t.numbers)}</td>
                                <td class="num">{shown_text(row.share_of_new, t.numbers)}</td>
                                <td class="num">{shown_text(row.ended, t.numbers)}</td>
                                <td class="num">{shown_text(row.work_or_studies, t.numbers)}</td>
                            </tr>
                        }).collect_view());
                        let (dimension, name) = (tb.dimension, t.dimension(tb.dimension));
                        view! {
                            <TableScroll label=name.to_owned()><table class="flow-breakdown" data-dimension=format!("{dimension:?}")>
                                <caption>{name}</caption>
                                <thead><tr>
                                    <th scope="col"><span class="visually-hidden">{name}</span></th>
                                    {t.flow_columns.iter().map(|c| view! { <th scope="col" class="num">{*c}</th> }).collect_view()}
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></TableScroll>
                        }
                    }).collect_view();
                    view! {
                        <TableScroll label=t.flow_title.to_owned()><table class="flow-measures" data-testid="flow-measures"><tbody>{measures}</tbody></table></TableScroll>
                        {r.protected.then(|| view! { <p class="note" data-testid="protection-note">{(t.protection_note)(limit.get_untracked())}</p> })}
                        <div class="flow-breakdowns">{tables}</div>
                    }
                })}
            </Show>
        </section>
    }
}
