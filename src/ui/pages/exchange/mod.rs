//! Sharing data between laptops: save a snapshot file, read one with a
//! preview before anything changes, and the conflict log with restore.
//!
//! Everything the page decides comes from the core (`snapshot::read`,
//! `plan_import`, `export`); the page shows it and passes the user's
//! confirmation to [`AppState::import`].

mod conflicts;
mod export;
mod finsam;
mod import;

use crate::browser::files;
use crate::core::exchange::csv::budget::BudgetColumn;
use crate::core::exchange::csv::figures::export_goals;
use crate::core::exchange::csv::outcomes::OutcomeColumn;
use crate::core::exchange::csv::CsvFlavour;
use crate::core::exchange::merge::Conflict;
use crate::ui::components::csv_import::csv_import;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::components::flow_panel::threshold;
use crate::ui::i18n::exchange::ExchangeTexts;
use crate::ui::state::{tr, use_app, AppState};
use conflicts::ConflictLog;
use export::ExportSection;
use finsam::FinsamExport;
use import::ImportSection;
use leptos::prelude::*;
use serde_json::Value;

#[component]
pub fn ExchangePage() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.exchange.title)}</h1>
        <p>{tr(|t| t.exchange.intro)}</p>
        <ExportSection />
        <GoalsExport />
        <FinsamExport />
        {csv_import::<OutcomeColumn>()}
        {csv_import::<BudgetColumn>()}
        <ImportSection />
        <ConflictLog />
    }
}

/// Targets and outcomes as a spreadsheet for others (protected).
#[component]
fn GoalsExport() -> impl IntoView {
    let app = use_app();
    let failure = DownloadFailure::new();
    let download = move |flavour: CsvFlavour| {
        let text = app
            .ws
            .with_untracked(|w| export_goals(w, threshold(), flavour));
        let name = format!("mal-och-utfall-{}.csv", flavour.key());
        failure.show(files::download(&name, &text, "text/csv;charset=utf-8"));
    };
    view! {
        <section aria-labelledby="goals-export-title">
            <h2 id="goals-export-title">{tr(|t| t.goals_export_title)}</h2>
            <p>{tr(|t| t.goals_export_text)}</p>
            <button type="button" data-testid="goals-export-excel" on:click=move |_| download(CsvFlavour::ExcelSv)>{tr(|t| t.export_excel)}</button>" "
            <button type="button" data-testid="goals-export-csv" on:click=move |_| download(CsvFlavour::Plain)>{tr(|t| t.export_csv)}</button>
            {failure.view()}
        </section>
    }
}

fn ex(app: AppState) -> &'static ExchangeTexts {
    app.t().exchange
}

/// A field value as text: strings as they are, lists joined, yes/no.
fn show(t: &ExchangeTexts, v: &Value) -> String {
    match v {
        Value::Null => t.empty.into(),
        Value::Bool(true) => t.yes.into(),
        Value::Bool(false) => t.no.into(),
        Value::String(s) if s.is_empty() => t.empty.into(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => t.empty.into(),
        Value::Array(items) => items
            .iter()
            .map(|i| show(t, i))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn field_name(t: &ExchangeTexts, field: &str) -> String {
    (t.field)(field).unwrap_or(field).to_owned()
}

fn kind_name(t: &ExchangeTexts, kind: &str) -> String {
    (t.kind)(kind).unwrap_or(kind).to_owned()
}

/// The name of the record a conflict is about, as held now.
fn record_label(ws: &crate::core::workspace::Workspace, c: &Conflict) -> String {
    ws.view(&c.record)
        .and_then(|v| {
            v.body
                .get("name")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| c.record.to_string())
}
