//! Lediga platser: the board of the latest report per insats and provider
//! for handläggare, a warning where more are enrolled than there are
//! places, occupancy over time, and a form for a new report.

use crate::browser::clock::today;
use crate::core::chart::{line_chart_svg, line_table};
use crate::core::meetings::places::{board_table, slot_board, SlotKey};
use crate::ui::components::chart_figure::{ChartFigure, FigureTable};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::occupancy_figure::occupancy_figure;
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::forms::slot_form::SlotForm;
use crate::ui::state::{tr, use_app};
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
    let chart = Memo::new(move |_| occupancy_figure(app, SlotKey::parse(&chosen.get()).as_ref()));
    let done = Callback::new(move |_| creating.set(false));
    view! {
        <h1>{tr(|t| t.meetings.slots_title)}</h1>
        <p>{tr(|t| t.meetings.slots_intro)}</p>
        <Show when=move || !creating.get() fallback=move || view! { <SlotForm on_done=done /> }>
            <button type="button" class="primary" data-testid="new-slot-report" on:click=move |_| creating.set(true)>{tr(|t| t.meetings.new_report)}</button>
        </Show>
        {move || board.with(|b| b.overbooked().map(|l| view! {
            <p class="banner banner-error" role="alert" data-testid="overbooked">{(t().overbooked_warning)(&l.label)}</p>
        }).collect_view())}
        <Show when=move || !board.with(|b| b.lines.is_empty()) fallback=move || view! { <p>{t().no_reports}</p> }>
            <p data-testid="slot-totals">{move || board.with(|b| (t().slots_totals)(b.enrolled, b.open))}</p>
            {move || {
                let t = t();
                let table = board.with(|b| board_table(b, t.slots_title, t.slots_columns, t.overbooked, app.t().numbers));
                view! { <FigureTable table=table testid="slot-board" /> }
            }}
            <details data-testid="slot-correct">
                <summary>{tr(|t| t.meetings.correct_title)}</summary>
                <p>{tr(|t| t.meetings.correct_text)}</p>
                <ul>
                    {move || board.with(|b| b.lines.iter().map(|l| {
                        let r = &l.report;
                        let line = (t().report_line)(&l.label, &app.t().numbers.date(r.date), r.enrolled.get(), r.capacity.get());
                        let name = Signal::derive({
                            let line = line.clone();
                            move || line.clone()
                        });
                        view! {
                            <li data-testid="slot-report">
                                {line}" "
                                <DeleteButton id=r.meta.id.clone() name=name on_deleted=Callback::new(|_| ()) />
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </details>
            <SelectField id="occupancy-line" label=tr(|t| t.meetings.occupancy_title) value=chosen choices=line_choices />
            <ChartFigure svg=Signal::derive(move || chart.with(line_chart_svg)) table=Signal::derive(move || chart.with(line_table)) testid="chart-occupancy" />
        </Show>
    }
}
