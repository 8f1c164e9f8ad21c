//! Importing participations from a spreadsheet: pick a file, check which
//! column holds what, read the report, confirm.
//!
//! Guarantees: nothing is stored before the user confirms, and the confirm
//! button only exists for a plan without rejected rows (the core's
//! `can_apply`); the whole plan is then written in one transaction. The
//! mapping is remembered for the next file with the same headers.

use crate::browser::clock::new_participation_code;
use crate::browser::files;
use crate::browser::settings::{self, Key};
use crate::core::csv::participations::{plan_import, Column, Mapping, MappingProblem};
use crate::core::csv::{read_table, CsvError, Table};
use crate::core::model::Record;
use crate::ui::components::participation_row::insats_choice;
use crate::ui::messages::problem;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// The remembered mapping (header → field key).
fn remembered() -> BTreeMap<String, String> {
    settings::get(Key::CsvMapping)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// The import section.
#[component]
pub fn CsvImport() -> impl IntoView {
    let app = use_app();
    let table = RwSignal::new(None::<Table>);
    let file_name = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<String>);
    let mapping = RwSignal::new(Mapping::default());
    let default_insats = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        file_name.set(file.name());
        refused.set(None);
        table.set(None);
        leptos::task::spawn_local(async move {
            let t = app.t_now();
            match files::read_bytes(&file).await {
                Err(e) => refused.set(Some((t.csv_unreadable)(&e))),
                Ok(bytes) => match read_table(&bytes) {
                    Ok(tb) => {
                        mapping.set(Mapping::guess(&tb.header, &remembered()));
                        table.set(Some(tb));
                    }
                    Err(e) => refused.set(Some(csv_error_text(t, &e))),
                },
            }
        });
    };

    let plan = Memo::new(move |_| {
        let tb = table.get()?;
        let m = mapping.get();
        let default = insats_choice(&default_insats.get());
        Some(app.ws.with(|w| {
            plan_import(
                w,
                &tb,
                &m,
                default.as_ref(),
                &mut || app.new_meta(),
                &mut new_participation_code,
            )
        }))
    });

    let reset = move || {
        table.set(None);
        file_name.set(String::new());
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };

    let confirm = move |_| {
        let Some(Ok(p)) = plan.get_untracked() else {
            return;
        };
        if !p.can_apply() {
            return;
        }
        if let Some(tb) = table.get_untracked() {
            let remember = mapping.get_untracked().to_remember(&tb.header);
            if let Ok(json) = serde_json::to_string(&remember) {
                settings::set(Key::CsvMapping, &json);
            }
        }
        let count = p.added.len() + p.changed.len();
        let edits: Vec<Edit> = p
            .added
            .into_iter()
            .map(|n| Edit::from_form(None, Record::Participation(n)))
            .chain(p.changed.into_iter().map(|(old, new)| {
                Edit::from_form(Some(Record::Participation(old)), Record::Participation(new))
            }))
            .collect();
        app.save(edits, busy, failure, move || {
            app.notice.set(Some((app.t_now().csv_imported)(count)));
            reset();
        });
    };

    let column_select = move |c: Column| {
        let header = table.with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default());
        let current = mapping.with(|m| m.column(c));
        let id = format!("csv-map-{}", c.key());
        view! {
            <div class="field">
                <label for=id.clone()>{move || app.t().participant_column(c)}</label>
                <select id=id data-field=c.key()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        mapping.update(|m| m.set(c, v.parse::<usize>().ok()));
                    }>
                    <option value="" selected=current.is_none()>{tr(|t| t.csv_not_in_file)}</option>
                    {header.into_iter().enumerate().map(|(i, h)| view! {
                        <option value=i.to_string() selected=current == Some(i)>{format!("{}: {h}", i + 1)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let report = move || {
        let t = app.t();
        match plan.get()? {
            Err(problems) => Some(view! {
                <ul class="field-error" role="alert" data-testid="csv-mapping-problems">
                    {problems.into_iter().map(|p| {
                        let text = match p {
                            MappingProblem::Missing(c) => (t.csv_missing_column)(t.participant_column(c)),
                            MappingProblem::Twice(a, b) => (t.csv_column_twice)(t.participant_column(a), t.participant_column(b)),
                        };
                        view! { <li>{text}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()),
            Ok(p) => {
                let rejected = p.rejected.len();
                let can_apply = p.can_apply();
                let shown: Vec<_> = p.rejected.iter().take(200).map(|r| {
                    let reasons: Vec<String> = r.errors.0.iter().map(|fe| {
                        let column = Column::ALL.into_iter().find(|c| c.field() == fe.field);
                        let what = column.map_or_else(String::new, |c| format!("{}: ", t.participant_column(c)));
                        format!("{what}{}", problem(t, &fe.problem))
                    }).collect();
                    view! { <li><strong>{(t.csv_line)(r.line)}</strong>" " {reasons.join(" ")}</li> }
                }).collect();
                Some(view! {
                    <div class="import-report" data-testid="csv-report">
                        <p data-testid="csv-summary">{(t.csv_summary)(p.added.len(), p.changed.len(), p.unchanged, rejected)}</p>
                        {(rejected > 0).then(|| view! {
                            <p class="field-error" role="alert">{t.csv_fix_rows}</p>
                            <ul class="rejected-rows" data-testid="csv-rejected">{shown}</ul>
                        })}
                        {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
                        <div class="actions">
                            {can_apply.then(|| view! {
                                <button type="button" class="primary" data-testid="csv-confirm" disabled=move || busy.get() on:click=confirm>{t.csv_confirm}</button>
                            })}
                            <button type="button" data-testid="csv-cancel" on:click=move |_| reset()>{t.cancel}</button>
                        </div>
                    </div>
                }.into_any())
            }
        }
    };

    let insats_choices = move || {
        app.ws.with(|w| {
            w.insatser_by_name()
                .into_iter()
                .map(|i| view! { <option value=i.meta.id.to_string()>{i.name.clone()}</option> })
                .collect_view()
        })
    };

    view! {
        <section class="csv-import" aria-labelledby="csv-import-title">
            <h2 id="csv-import-title">{tr(|t| t.csv_import_title)}</h2>
            <p>{tr(|t| t.csv_import_text)}</p>
            <div class="field">
                <label for="csv-file">{tr(|t| t.csv_file_label)}</label>
                <input id="csv-file" type="file" accept=".csv,.txt,text/csv" node_ref=input data-testid="csv-file" on:change=on_file />
            </div>
            {move || refused.get().map(|r| view! { <p role="alert" class="field-error" data-testid="csv-refused">{r}</p> })}
            <Show when=move || table.with(Option::is_some)>
                <p>{move || (app.t().csv_read)(&file_name.get(), table.with(|t| t.as_ref().map_or(0, |t| t.rows.len())))}</p>
                <fieldset class="csv-mapping">
                    <legend>{tr(|t| t.csv_mapping_title)}</legend>
                    <div class="field">
                        <label for="csv-default-insats">{tr(|t| t.csv_default_insats)}</label>
                        <select id="csv-default-insats" on:change=move |ev| default_insats.set(event_target_value(&ev))>
                            <option value="">{tr(|t| t.csv_no_default)}</option>
                            {insats_choices}
                        </select>
                    </div>
                    {move || Column::ALL.into_iter().map(column_select).collect_view()}
                </fieldset>
                {report}
            </Show>
        </section>
    }
}

/// Why a file was refused, in words.
fn csv_error_text(t: &crate::ui::i18n::Texts, e: &CsvError) -> String {
    match e {
        CsvError::Empty => t.csv_empty.into(),
        CsvError::TooLarge => t.csv_too_large.into(),
        CsvError::TooManyRows => t.csv_too_many_rows.into(),
        CsvError::NoRows => t.csv_no_rows.into(),
        CsvError::NotText => t.csv_not_text.into(),
        CsvError::PersonalNumber { line, column } => (t.csv_personal_number)(*line, *column),
    }
}
