//! Sharing data between laptops: save a snapshot file, read one with a
//! preview before anything changes, and the conflict log with restore.
//!
//! Everything the page decides comes from the core (`snapshot::read`,
//! `plan_import`, `export`); the page shows it and passes the user's
//! confirmation to [`AppState::import`].

use crate::browser::clock::now_millis;
use crate::browser::files;
use crate::browser::perf::Span;
use crate::core::csv::figures::export_goals;
use crate::core::csv::outcomes::OutcomeColumn;
use crate::core::csv::CsvFlavour;
use crate::core::fmt_sv;
use crate::core::ids::Hlc;
use crate::core::merge::{Conflict, DELETED};
use crate::core::snapshot::{self, Change, ClockAhead, ExportInfo, ImportPlan, Incoming, Part};
use crate::core::sync::published::check_public;
use crate::ui::components::chart_figure::TableScroll;
use crate::ui::components::csv_import::csv_import;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::components::flow_panel::threshold;
use crate::ui::components::form::{Choice, SelectField};
use crate::ui::i18n::exchange::ExchangeTexts;
use crate::ui::state::{tr, use_app, AppState};
use crate::ui::sync::{fetch_published, published_location, PublishedFile};
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

/// At most this many rows per list in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 50;

/// The exchange page.
#[component]
pub fn ExchangePage() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.exchange.title)}</h1>
        <p>{tr(|t| t.exchange.intro)}</p>
        <ExportSection />
        <GoalsExport />
        {csv_import::<OutcomeColumn>()}
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

/// The choice of the part made for publishing: not an id (ids have no
/// colon), so no project can take it.
const PUBLIC_CHOICE: &str = ":public";

#[component]
fn ExportSection() -> impl IntoView {
    let app = use_app();
    let part = RwSignal::new("all".to_owned());
    let done = RwSignal::new(None::<String>);
    let choices = Signal::derive(move || {
        let t = ex(app);
        let mut out = vec![
            Choice::new("all", t.export_all),
            Choice::new(PUBLIC_CHOICE, t.export_public),
        ];
        app.ws.with(|w| {
            for p in w.projects_by_name() {
                out.push(Choice::new(p.meta.id.to_string(), p.name.clone()));
            }
        });
        out
    });
    let save = move |_| {
        let millis = now_millis();
        let info = ExportInfo {
            millis,
            device: app.clock().device(),
        };
        let chosen = part.get_untracked();
        let (text, name) = app.ws.with_untracked(|w| {
            let project = w.projects.all().find(|p| p.meta.id.as_str() == chosen);
            let part = match project {
                Some(p) => Part::Project(p.meta.id.clone()),
                // The figures are stamped by this device's clock, so this
                // publication's figures win over any earlier one's.
                None if chosen == PUBLIC_CHOICE => Part::Public {
                    figures_at: app.clock().tick(),
                },
                None => Part::All,
            };
            let name = snapshot::part_file_name(w, &part, millis);
            (snapshot::export_checked(w, &part, &info), name)
        });
        done.set(Some(match text {
            Err(problem) => (app.t_now().trust.outgoing)(&problem),
            Ok(text) => match files::download(&name, &text, "application/json") {
                Ok(()) => (ex(app).export_done)(&name),
                Err(e) => (app.t_now().download_failed)(&e),
            },
        }));
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">{tr(|t| t.exchange.export_title)}</h2>
            <SelectField id="export-part" label=tr(|t| t.exchange.export_part) value=part choices=choices />
            <p class="hint" data-testid="export-public-hint">{tr(|t| t.exchange.export_public_hint)}</p>
            <button type="button" data-testid="export-button" on:click=save>{tr(|t| t.exchange.export_button)}</button>
            {move || done.get().map(|d| view! { <p role="status" data-testid="export-done">{d}</p> })}
        </section>
    }
}

/// A checked file and what importing it would do.
struct Preview {
    incoming_info: snapshot::IncomingInfo,
    ahead: Option<ClockAhead>,
    unknown: bool,
    clock: Hlc,
    plan: ImportPlan,
}

/// Reads the text of the file (or address) `name` and plans its import;
/// a refusal is a message that names it. A published snapshot
/// (`published`) must also be the part made for publishing: any other is
/// refused here, before anything is planned or merged.
fn preview_of(app: AppState, text: String, name: &str, published: bool) -> Result<Preview, String> {
    let t = ex(app);
    let in_file = |message: String| (app.t_now().trust.in_file)(name, &message);
    let now = now_millis();
    let span = Span::start("maltavla:read");
    let incoming: Incoming = snapshot::read(&text, now).map_err(|e| in_file((t.error)(&e)))?;
    span.end();
    if published {
        check_public(&incoming)
            .map_err(|why| (app.t_now().offline.published_refused)(&why, name))?;
    }
    // The checked records own their data: the text (as large as the file)
    // goes before the plan is made, and each record once it is planned,
    // which lowers the import's peak memory.
    drop(text);
    let clock = incoming.clock_reading(now);
    let Incoming {
        info,
        items,
        ahead,
        unknown_kinds,
        unknown_fields,
    } = incoming;
    let span = Span::start("maltavla:plan");
    let me = app.me();
    let plan = app
        .ws
        .with_untracked(|w| snapshot::plan_import_consuming(w, items, Some(&me)))
        .map_err(|e| in_file((t.error)(&e)))?;
    span.end();
    Ok(Preview {
        ahead,
        unknown: !unknown_kinds.is_empty() || unknown_fields > 0,
        clock,
        incoming_info: info,
        plan,
    })
}

#[component]
fn ImportSection() -> impl IntoView {
    let app = use_app();
    let preview = RwSignal::new_local(None::<Result<Preview, String>>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else {
            preview.set(None);
            return;
        };
        busy.set(true);
        preview.set(None);
        leptos::task::spawn_local(async move {
            let span = Span::start("maltavla:file");
            let text = files::read_text(&file, crate::core::file_size::FileUse::Snapshot).await;
            span.end();
            let name = file.name();
            let result = match text {
                Ok(text) => preview_of(app, text, &name, false),
                Err(e) => Err(crate::ui::messages::read_error(app.t_now(), &e)),
            };
            preview.set(Some(result));
            busy.set(false);
        });
    };
    let confirm = move |_| {
        let Some(Ok(p)) = preview.try_update(Option::take).flatten() else {
            return;
        };
        busy.set(true);
        let count = p.plan.writes.len();
        leptos::task::spawn_local(async move {
            let span = Span::start("maltavla:write");
            let result = app.import(p.plan, p.clock).await;
            span.end();
            match result {
                Ok(()) => {
                    app.notice.set(Some((ex(app).done)(count)));
                    reset_input();
                }
                Err(e) => preview.set(Some(Err(app.write_message(&e)))),
            }
            busy.set(false);
        });
    };
    let cancel = move |_| {
        preview.set(None);
        reset_input();
    };
    // A published snapshot goes through the same preview as a picked file:
    // the one the banner offered at once, or a fresh one on request.
    let show_published = move |file: PublishedFile| {
        file.mark_seen();
        reset_input();
        let name = published_location();
        preview.set(Some(preview_of(app, file.text, &name, true)));
    };
    Effect::new(move |_| {
        if let Some(file) = app.published.try_update(Option::take).flatten() {
            show_published(file);
        }
    });
    let fetch = move |_| {
        busy.set(true);
        preview.set(None);
        leptos::task::spawn_local(async move {
            let t = app.t().offline;
            match fetch_published(false).await {
                Ok(Some(file)) => show_published(file),
                Ok(None) => preview.set(Some(Err(t.published_nothing.to_owned()))),
                Err(f) => preview.set(Some(Err((t.failure)(&f)))),
            }
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{tr(|t| t.exchange.import_title)}</h2>
            <p>{tr(|t| t.exchange.import_intro)}</p>
            <label for="import-file">{tr(|t| t.exchange.import_choose)}</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                data-testid="import-file"
                node_ref=input
                disabled=move || busy.get()
                on:change=on_file
            />
            <p>
                <button type="button" data-testid="published-fetch" disabled=move || busy.get() on:click=fetch>
                    {move || app.t().offline.published_fetch}
                </button>
            </p>
            {move || {
                preview.with(|p| match p {
                    None => ().into_any(),
                    Some(Err(message)) => view! {
                        <p role="alert" class="field-error" data-testid="import-error">{message.clone()}</p>
                    }
                    .into_any(),
                    Some(Ok(p)) => preview_view(p, confirm, cancel, busy),
                })
            }}
        </section>
    }
}

/// The preview of an import: what is new, what changes field by field,
/// what is deleted and which edits conflict, with confirm and cancel.
fn preview_view(
    preview: &Preview,
    confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
    busy: RwSignal<bool>,
) -> AnyView {
    let app = use_app();
    let t = ex(app);
    let info = &preview.incoming_info;
    let plan = &preview.plan;
    let from = (t.import_from)(
        info.organisation.as_deref().unwrap_or("?"),
        info.device.as_deref().unwrap_or("?"),
        info.exported
            .as_deref()
            .map(|e| e.get(..10).unwrap_or(e))
            .unwrap_or("?"),
    );
    let summary = (t.import_summary)(
        plan.added.len(),
        plan.changed.len(),
        plan.deleted.len(),
        plan.unchanged,
        plan.conflicts.len(),
    );
    let names = |list: &[Change]| {
        let rows: Vec<_> = list
            .iter()
            .take(PREVIEW_ROWS)
            .map(|c| view! { <li>{kind_name(t, &c.kind)}": " {c.label.clone()}</li> })
            .collect();
        let more = list.len().saturating_sub(PREVIEW_ROWS);
        view! { <ul>{rows}</ul> {(more > 0).then(|| view! { <p>{(t.more)(more)}</p> })} }
    };
    let section = |title: &'static str, testid: &'static str, list: &[Change]| {
        (!list.is_empty()).then(
            || view! { <h3 data-testid=testid>{title}" (" {list.len()} ")"</h3> {names(list)} },
        )
    };
    let changed_rows: Vec<_> = plan
        .changed
        .iter()
        .flat_map(|c| c.fields.iter().map(move |f| (c, f)))
        .take(PREVIEW_ROWS)
        .map(|(c, f)| {
            view! {
                <tr>
                    <td>{kind_name(t, &c.kind)}": " {c.label.clone()}</td>
                    <td>{field_name(t, &f.field)}</td>
                    <td>{show(t, &f.ours)}</td>
                    <td>{show(t, &f.theirs)}</td>
                </tr>
            }
        })
        .collect();
    let conflict_rows: Vec<_> = plan
        .conflicts
        .iter()
        .take(PREVIEW_ROWS)
        .map(|c| {
            let label = app.ws.with_untracked(|w| record_label(w, c));
            view! {
                <tr>
                    <td>{kind_name(t, &c.kind)}": " {label}</td>
                    <td>{field_name(t, &c.field)}</td>
                    <td>{show(t, &c.kept)}</td>
                    <td>{show(t, &c.lost)}</td>
                </tr>
            }
        })
        .collect();
    let table = |testid: &'static str,
                 label: &'static str,
                 second: &'static str,
                 third: &'static str,
                 rows: Vec<_>| {
        (!rows.is_empty()).then(|| view! {
            <TableScroll label=label.to_owned()><table class="data-table" data-testid=testid>
                <thead><tr><th scope="col">{t.col_record}</th><th scope="col">{t.col_field}</th><th scope="col">{second}</th><th scope="col">{third}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table></TableScroll>
        })
    };
    let nothing = plan.is_empty();
    view! {
        // Named by where the file comes from: "Läs in ögonblicksbild" is
        // already the name of the section around it.
        <div class="import-preview" data-testid="import-preview" role="region" aria-labelledby="import-preview-from">
            <p id="import-preview-from">{from}</p>
            <p data-testid="import-summary"><strong>{summary}</strong></p>
            {preview.ahead.as_ref().map(|a| view! { <p class="banner banner-notice" data-testid="import-future">{(app.t_now().trust.ahead_notice)(a)}</p> })}
            {(plan.foreign_writes > 0).then(|| view! { <p class="banner banner-notice" data-testid="import-foreign">{(app.t_now().trust.foreign_writes)(plan.foreign_writes)}</p> })}
            {preview.unknown.then(|| view! { <p class="banner banner-notice">{t.import_unknown}</p> })}
            {nothing.then(|| view! { <p data-testid="import-nothing">{t.import_nothing}</p> })}
            {section(t.added, "import-added", &plan.added)}
            {(!plan.changed.is_empty()).then(|| view! { <h3>{t.changed}" (" {plan.changed.len()} ")"</h3> })}
            {table("import-changed", t.changed, t.col_ours, t.col_theirs, changed_rows)}
            {section(t.deleted, "import-deleted", &plan.deleted)}
            {(!plan.conflicts.is_empty()).then(|| view! { <h3>{t.conflicts}</h3> })}
            {table("import-conflicts", t.conflicts, t.kept, t.lost, conflict_rows)}
            <div class="form-buttons">
                {(!nothing).then(|| view! {
                    <button type="button" data-testid="import-confirm" disabled=move || busy.get() on:click=confirm>{t.confirm}</button>
                })}
                <button type="button" class="secondary" data-testid="import-cancel" on:click=cancel>{t.cancel}</button>
            </div>
        </div>
    }
    .into_any()
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

#[component]
fn ConflictLog() -> impl IntoView {
    let app = use_app();
    let failure = RwSignal::new(None::<String>);
    let act = move |restore: bool, c: Conflict| {
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = if restore {
                app.restore(c).await
            } else {
                app.dismiss(c).await
            };
            if let Err(e) = result {
                failure.set(Some(app.write_message(&e)));
            }
        });
    };
    let rows = move || {
        let t = ex(app);
        let mut log = app.conflicts.get();
        log.sort_by(|a, b| b.lost_stamp.cmp(&a.lost_stamp));
        log.into_iter()
            .map(|c| {
                let label = app.ws.with(|w| record_label(w, &c));
                let what = if c.field == DELETED {
                    t.deleted_elsewhere.to_owned()
                } else {
                    field_name(t, &c.field)
                };
                let when = format!(
                    "{} · {}",
                    fmt_sv::date(c.lost_stamp.hlc.date()),
                    c.lost_stamp.device
                );
                let (r, d) = (c.clone(), c.clone());
                view! {
                    <tr data-testid="conflict-row">
                        <td>{kind_name(t, &c.kind)}": " {label}</td>
                        <td>{what}</td>
                        <td>{show(t, &c.kept)}</td>
                        <td>{show(t, &c.lost)}<br /><small>{when}</small></td>
                        <td>
                            <button type="button" data-testid="conflict-restore" on:click=move |_| act(true, r.clone())>{t.restore}</button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| act(false, d.clone())>{t.dismiss}</button>
                        </td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section aria-labelledby="log-title">
            <h2 id="log-title">{tr(|t| t.exchange.log_title)}</h2>
            <p>{tr(|t| t.exchange.log_intro)}</p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            {move || app.conflicts_unreadable.get().then(|| view! {
                <p role="alert" class="field-error" data-testid="conflicts-unreadable">{tr(|t| t.exchange.log_unreadable)}</p>
            })}
            {move || if app.conflicts.with(Vec::is_empty) {
                (!app.conflicts_unreadable.get()).then(|| view! { <p data-testid="conflicts-empty">{tr(|t| t.exchange.log_empty)}</p> }).into_any()
            } else {
                view! {
                    <div class="table-scroll"><table class="data-table" data-testid="conflict-log">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.exchange.col_record)}</th>
                            <th scope="col">{tr(|t| t.exchange.col_field)}</th>
                            <th scope="col">{tr(|t| t.exchange.kept)}</th>
                            <th scope="col">{tr(|t| t.exchange.lost)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.exchange.restore)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
}
