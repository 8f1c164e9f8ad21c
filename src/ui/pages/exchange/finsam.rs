//! The Uppföljning Finsam file: one row per insats for a year, with the
//! indicators that count participants and cost chosen here (the core
//! proposes them and writes the file).

use crate::browser::files;
use crate::core::economy::{default_choice, finsam_csv, finsam_year, FinsamChoice};
use crate::core::exchange::csv::CsvFlavour;
use crate::core::ids::RecordId;
use crate::core::value::Unit;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::components::scope_figures::this_year;
use crate::ui::forms::controls::{Choice, SelectField, TextField};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The year, the two indicators and the download buttons.
#[component]
pub fn FinsamExport() -> impl IntoView {
    let app = use_app();
    let failure = DownloadFailure::new();
    let start = this_year();
    let proposed = app.ws.with_untracked(|w| default_choice(w, start));
    let year = RwSignal::new(start.to_string());
    let code = |id: Option<RecordId>| id.map(|i| i.to_string()).unwrap_or_default();
    let participants = RwSignal::new(code(proposed.participants));
    let cost = RwSignal::new(code(proposed.cost));
    let choices = move |unit: Unit| {
        Signal::derive(move || {
            let mut v = vec![Choice::new("", app.t().none_option)];
            app.ws.with(|w| {
                v.extend(
                    w.indicators_by_name()
                        .into_iter()
                        .filter(|i| i.unit == unit && i.ratio.is_none())
                        .map(|i| Choice::new(i.meta.id.as_str(), i.name.clone())),
                )
            });
            v
        })
    };
    let year_error = RwSignal::new(None::<String>);
    let download = move |flavour: CsvFlavour| {
        let Some(y) = finsam_year(&year.get_untracked()) else {
            year_error.set(Some(app.t().economy.finsam_year_problem.to_owned()));
            return;
        };
        year_error.set(None);
        let choice = FinsamChoice {
            participants: RecordId::parse(&participants.get_untracked()).ok(),
            cost: RecordId::parse(&cost.get_untracked()).ok(),
        };
        let text = app
            .ws
            .with_untracked(|w| finsam_csv(w, y, &choice, flavour));
        let name = format!("uppfoljning-finsam-{y}-{}.csv", flavour.key());
        failure.show(files::download(&name, &text, "text/csv;charset=utf-8"));
    };
    view! {
        <section aria-labelledby="finsam-title" data-testid="finsam-export">
            <h2 id="finsam-title">{tr(|t| t.economy.finsam_title)}</h2>
            <p>{tr(|t| t.economy.finsam_text)}</p>
            <div class="field-row">
                <TextField id="finsam-year" label=tr(|t| t.economy.finsam_year) value=year inputmode="numeric" error=Signal::derive(move || year_error.get()) />
                <SelectField id="finsam-participants" label=tr(|t| t.economy.finsam_participants) value=participants choices=choices(Unit::Count) />
                <SelectField id="finsam-cost" label=tr(|t| t.economy.finsam_cost) value=cost choices=choices(Unit::Kronor) />
            </div>
            <button type="button" data-testid="finsam-export-excel" on:click=move |_| download(CsvFlavour::ExcelSv)>{tr(|t| t.export_excel)}</button>" "
            <button type="button" data-testid="finsam-export-csv" on:click=move |_| download(CsvFlavour::Plain)>{tr(|t| t.export_csv)}</button>
            {failure.view()}
        </section>
    }
}
