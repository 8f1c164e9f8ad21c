//! Uppföljningsrapport: the follow-up report of a period, made to be
//! printed (or saved as PDF from the print dialog) for the annual and
//! half-year reports.
//!
//! On screen it is an ordinary page with a period picker and a print
//! button; the print stylesheet drops the menu and the controls, puts the
//! organisation and period at the top, and starts each project on a new
//! A4 page.

use crate::browser::clock::today;
use crate::browser::files;
use crate::core::chart::{bullet_chart_svg, bullet_table};
use crate::core::goals::GoalRow;
use crate::core::model::{Project, Scope};
use crate::core::period::Period;
use crate::core::reports::slides::{goal_rows_of, status_counts};
use crate::core::route::Route;
use crate::core::validate::{FormErrors, PeriodDraft};
use crate::core::value::Unit;
use crate::core::workspace::Workspace;
use crate::ui::components::board_charts::BoardCharts;
use crate::ui::components::chart_figure::FigureTable;
use crate::ui::components::financing_table::FinancingTable;
use crate::ui::components::flow_panel::threshold;
use crate::ui::components::goal_table::GoalTable;
use crate::ui::components::meeting_figures::attendance_figure;
use crate::ui::components::period_picker::{start_period, PeriodPicker};
use crate::ui::components::record_list::records_memo;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let period = Memo::new(move |_| match nav.route() {
        Route::Report { period: Some(p) } => p,
        _ => start_period(),
    });
    let draft = RwSignal::new(PeriodDraft::from_period(&period.get_untracked()));
    let errors = RwSignal::new(FormErrors::default());
    Effect::new(move |_| {
        let mut e = FormErrors::default();
        let parsed = draft.with(|d| d.parse(&mut e));
        errors.set(e);
        if let Some(p) = parsed.filter(|p| *p != period.get_untracked()) {
            nav.replace(Route::Report { period: Some(p) });
        }
    });
    // The address always names the period, so the document title (and the
    // file name "Save as PDF" offers) says which report this is.
    if matches!(nav.route_untracked(), Route::Report { period: None }) {
        nav.replace(Route::Report {
            period: Some(period.get_untracked()),
        });
    }
    let org = move || app.ws.with(|w| w.organisation_name().map(str::to_owned));
    let limit = threshold();
    let all_rows = Memo::new(move |_| {
        app.ws
            .with(|w| goal_rows_of(w, &period.get(), &Scope::Forbund, limit))
    });
    // Goals in kronor (budgets, spend, cost per result) have a section of
    // their own; the summary's count covers every goal.
    let in_kronor = |r: &GoalRow| r.indicator.unit == Unit::Kronor;
    let goal_rows = Memo::new(move |_| {
        all_rows.with(|rows| {
            rows.iter()
                .filter(|r| !in_kronor(r))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let money_rows = Memo::new(move |_| {
        all_rows.with(|rows| {
            rows.iter()
                .filter(|r| in_kronor(r))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let projects = records_memo(app, Workspace::projects_by_name);
    let attendance = Memo::new(move |_| attendance_figure(app, None));
    view! {
        <article class="report" data-testid="report">
            <header class="report-head">
                <p class="report-org" data-testid="report-org">{move || org().unwrap_or_default()}</p>
                <h1>{tr(|t| t.present.report_title)}" "<span data-testid="report-period">{move || app.t().numbers.period(&period.get())}</span></h1>
            </header>
            <div class="screen-only">
                <p class="lead">{tr(|t| t.present.report_intro)}</p>
                <div class="filters">
                    <PeriodPicker id="report-period" draft=draft errors=errors />
                </div>
                <p><button type="button" class="primary" data-testid="print" on:click=move |_| files::print_page()>{tr(|t| t.present.print)}</button></p>
            </div>
            <section class="report-section" aria-labelledby="report-summary">
                <h2 id="report-summary">{tr(|t| t.present.report_summary)}</h2>
                <Show when=move || !all_rows.with(Vec::is_empty) fallback=move || view! {
                    <p>{move || (app.t().present.report_nothing)(&app.t().numbers.period(&period.get()))}</p>
                }>
                    <Summary rows=all_rows />
                    <Show when=move || !goal_rows.with(Vec::is_empty)>
                        <GoalTable rows=goal_rows />
                        <BoardCharts rows=goal_rows period=period prefix="report" />
                    </Show>
                </Show>
            </section>
            <Show when=move || !money_rows.with(Vec::is_empty)>
                <section class="report-section report-part" aria-labelledby="report-economy" data-testid="report-economy">
                    <RunningHead period=period />
                    <h2 id="report-economy">{tr(|t| t.economy.report_economy)}</h2>
                    <p class="lead">{tr(|t| t.economy.report_economy_intro)}</p>
                    <GoalTable rows=money_rows />
                    <BoardCharts rows=money_rows period=period prefix="report-economy" />
                    <FinancingTable rows=money_rows />
                </section>
            </Show>
            <section class="report-section" aria-labelledby="report-projects">
                <h2 id="report-projects" class="page-break">{tr(|t| t.present.report_projects)}</h2>
                <For each=move || projects.get() key=|p| (p.meta.id.clone(), p.meta.stamp.clone()) let:project>
                    <ProjectPart project=project period=period />
                </For>
            </section>
            <Show when=move || !attendance.with(|c| c.rows.is_empty())>
                <section class="report-section report-part" aria-labelledby="report-meetings">
                    <RunningHead period=period />
                    <h2 id="report-meetings">{tr(|t| t.present.report_meetings)}</h2>
                    <div class="chart-svg" inner_html=move || attendance.with(bullet_chart_svg)></div>
                    <FigureTable table=attendance.with(bullet_table) />
                </section>
            </Show>
            <footer class="report-foot">
                <p>{move || (app.t().present.printed_from)(&app.t().numbers.date(today()))}</p>
            </footer>
        </article>
    }
}

/// The organisation, report and period at the top of each printed page
/// that starts a part (browsers print no page headers of their own that a
/// page can fill with data).
#[component]
fn RunningHead(period: Memo<Period>) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="running-head print-only">
            {move || {
                let t = app.t();
                let org = app.ws.with(|w| w.organisation_name().map(str::to_owned)).unwrap_or_default();
                (t.present.report_page_title)(&org, &app.t().numbers.period(&period.get()))
            }}
        </p>
    }
}

/// The one-line count of met, near and behind targets.
#[component]
fn Summary(rows: Memo<Vec<GoalRow>>) -> impl IntoView {
    let app = use_app();
    view! {
        <p class="report-summary" data-testid="report-summary">
            {move || {
                let c = rows.with(|r| status_counts(r));
                (app.t().present.goals_summary)(c.met, c.near, c.behind, c.missing)
            }}
        </p>
    }
}

/// One project's targets: its table and charts, on a page of its own.
#[component]
fn ProjectPart(project: Project, period: Memo<Period>) -> impl IntoView {
    let app = use_app();
    let scope = Scope::Project(project.meta.id.clone());
    let limit = threshold();
    let rows = Memo::new(move |_| {
        app.ws
            .with(|w| goal_rows_of(w, &period.get(), &scope, limit))
    });
    let heading = format!("report-project-{}", project.meta.id);
    let prefix = format!("report-{}", project.meta.id);
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="report-part" aria-labelledby=heading.clone() data-testid="report-project">
                <RunningHead period=period />
                <h3 id=heading.clone()>{project.name.clone()}</h3>
                <Summary rows=rows />
                <GoalTable rows=rows />
                <BoardCharts rows=rows period=period prefix=prefix.clone() />
            </section>
        </Show>
    }
}
