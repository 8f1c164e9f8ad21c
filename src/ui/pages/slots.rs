//! Lediga platser: the board of the latest report per insats and provider
//! for handläggare, a warning where more are enrolled than there are
//! places, occupancy over time, and a form for a new report.

use crate::browser::clock::today;
use crate::core::chart::{line_chart_svg, line_table};
use crate::core::fmt_sv::{date, integer};
use crate::core::slots::{label, occupancy_chart, occupancy_over_time, slot_board, SlotKey};
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::form::{Choice, SelectField};
use crate::ui::forms::slot_form::SlotForm;
use crate::ui::labels::chart_words;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The places page.
#[component]
pub fn SlotsPage() -> impl IntoView {
    let app = use_app();
    let t = move || app.t().meetings;
    let creating = RwSignal::new(false);
    let board = Memo::new(move |_| app.ws.with(|w| slot_board(w, today())));
    let chosen = RwSignal::new(String::new());
    let line_choices = Signal::derive(move || {
        std::iter::once(Choice::new("", t().all_insatser))
            .chain(
                board
                    .get()
                    .lines
                    .into_iter()
                    .map(|l| Choice::new(l.key.code(), l.label)),
            )
            .collect::<Vec<_>>()
    });
    let chart = Memo::new(move |_| {
        let key = SlotKey::parse(&chosen.get());
        let tx = app.t();
        let mut words = chart_words(tx);
        words.outcome = tx.meetings.enrolled.into();
        words.target = tx.meetings.capacity.into();
        words.period = tx.meetings.date.into();
        words.describe = tx.meetings.describe_occupancy;
        app.ws.with(|w| {
            let title = key
                .as_ref()
                .map(|k| label(w, k))
                .unwrap_or_else(|| tx.meetings.all_insatser.to_owned());
            let points = occupancy_over_time(w, key.as_ref());
            occupancy_chart(
                &points,
                format!("{}: {title}", tx.meetings.occupancy_title),
                &words,
            )
        })
    });
    let done = Callback::new(move |_| creating.set(false));
    view! {
        <h1>{move || t().slots_title}</h1>
        <p>{move || t().slots_intro}</p>
        <Show when=move || !creating.get() fallback=move || view! { <SlotForm on_done=done /> }>
            <button type="button" class="primary" data-testid="new-slot-report" on:click=move |_| creating.set(true)>{move || t().new_report}</button>
        </Show>
        {move || board.with(|b| b.overbooked().map(|l| view! {
            <p class="banner banner-error" role="alert" data-testid="overbooked">{(t().overbooked_warning)(&l.label)}</p>
        }).collect_view())}
        <Show when=move || !board.with(|b| b.lines.is_empty()) fallback=move || view! { <p>{t().no_reports}</p> }>
            <p data-testid="slot-totals">{move || board.with(|b| (t().slots_totals)(b.enrolled, b.open))}</p>
            <div class="table-scroll">
                <table data-testid="slot-board">
                    <caption>{move || t().slots_title}</caption>
                    <thead><tr>{move || t().slots_columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || board.get().lines.into_iter().map(|l| {
                            let r = l.report;
                            let warn = r.overbooked().then(|| view! { <span class="sub">{t().overbooked}</span> });
                            view! {
                                <tr data-testid="slot-row">
                                    <th scope="row">{l.label}</th>
                                    <td>{date(r.date)}</td>
                                    <td>{integer(r.capacity.get())}</td>
                                    <td>{integer(r.enrolled.get())}</td>
                                    <td data-testid="slot-open">{integer(r.open())}{warn}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <SelectField id="occupancy-line" label=Signal::derive(move || t().occupancy_title) value=chosen choices=line_choices />
            <ChartFigure svg=Signal::derive(move || chart.with(line_chart_svg)) table=Signal::derive(move || chart.with(line_table)) testid="chart-occupancy" />
        </Show>
    }
}
