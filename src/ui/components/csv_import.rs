//! Importing from a spreadsheet — participations, outcomes or budget
//! lines: pick a file,
//! check which column holds what, read the report, confirm.
//!
//! Guarantees: nothing is stored before the user confirms, and the confirm
//! button only exists for a plan without rejected rows (the core's
//! `can_apply`); the whole plan is then written in one transaction. The
//! mapping is remembered for the next file with the same headers. The
//! report lists what each changed row changes, field by field, as the
//! core describes it (`mapping::preview_changes`), up to
//! [`PREVIEW_FIELDS`] changes, and counts the rows left out.

use crate::browser::clock::new_participation_code;
use crate::browser::files;
use crate::browser::perf::Span;
use crate::browser::settings::{self, Key};
use crate::browser::slices::Slice;
use crate::core::exchange::csv::budget::{self, BudgetColumn};
use crate::core::exchange::csv::mapping::{
    preview_changes, ChangedRow, ColumnSet, FieldChange, ImportPlan, Mapping, MappingProblem,
};
use crate::core::exchange::csv::outcomes::{self, OutcomeColumn};
use crate::core::exchange::csv::participations::{self, Column};
use crate::core::exchange::csv::{read_table_checked, CsvError, NumberCheck, Table};
use crate::core::ids::RecordId;
use crate::core::model::{Outcome, Participation, Record};
use crate::core::workspace::Workspace;
use crate::ui::components::chart_figure::TableScroll;
use crate::ui::components::participation_row::insats_choice;
use crate::ui::components::work_progress::{Run, Shown, WorkProgress};
use crate::ui::i18n::problems::problem;
use crate::ui::i18n::Texts;
use crate::ui::state::{tr, use_app, AppState, Edit};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The most field changes the report lists, as the snapshot preview.
const PREVIEW_FIELDS: usize = 50;

/// The core's plan for a file: the workspace, the file, the mapping and
/// the insats for rows without one.
type PlanFn<K> = fn(
    AppState,
    &Workspace,
    &Table,
    &Mapping<K>,
    Option<&RecordId>,
) -> Result<ImportPlan<<K as ImportKind>::Rec>, Vec<MappingProblem<K>>>;

/// The plan for a file, or what keeps its mapping from being used.
type PlanResult<K> = Result<ImportPlan<<K as ImportKind>::Rec>, Vec<MappingProblem<K>>>;

/// The core's plan made a slice at a time with the page's turn in between
/// (`None` once the run is stopped): the workspace is read again for each
/// slice.
type SlicedPlanFn<K> = fn(
    AppState,
    Arc<Table>,
    Mapping<K>,
    Option<RecordId>,
    Run,
) -> Pin<Box<dyn Future<Output = Option<PlanResult<K>>>>>;

/// What a changed record changes, field by field (the core's words).
type ChangesFn<K> =
    fn(&Workspace, &<K as ImportKind>::Rec, &<K as ImportKind>::Rec) -> Vec<FieldChange<K>>;

/// What the import section needs to know about one kind of import: the
/// core's functions and the catalogue's texts for it, so the section
/// itself is written once.
pub trait ImportKind: ColumnSet + Send + Sync {
    /// The records an import makes.
    type Rec: Clone + PartialEq + Send + Sync + 'static;
    /// Where the last mapping is remembered.
    const MAPPING_KEY: Key;
    /// Whether the user can choose an insats for rows without one.
    const DEFAULT_INSATS: bool;
    /// A prefix for element ids and test ids.
    const PREFIX: &'static str;
    /// How the file's cells are searched for personal numbers (the core's
    /// choice for this kind of file).
    const NUMBER_CHECK: NumberCheck;
    const PLAN: PlanFn<Self>;
    /// [`ImportKind::PLAN`] in slices, for files that may be large; `None`
    /// plans in one go.
    const PLAN_IN_SLICES: Option<SlicedPlanFn<Self>> = None;
    const RECORD: fn(Self::Rec) -> Record;
    /// How the report names a changed record (the core's words).
    const RECORD_LABEL: fn(&Workspace, &Self::Rec) -> String;
    const FIELD_CHANGES: ChangesFn<Self>;
    /// A field's name.
    const LABEL: fn(&Texts, Self) -> &'static str;
    /// The section's title and lead text.
    const HEADING: fn(&'static Texts) -> (&'static str, &'static str);

    /// A changed record as the report lists it.
    fn describe(ws: &Workspace, old: &Self::Rec, new: &Self::Rec) -> ChangedRow<Self> {
        ChangedRow {
            record: (Self::RECORD_LABEL)(ws, new),
            fields: (Self::FIELD_CHANGES)(ws, old, new),
        }
    }
}

impl ImportKind for Column {
    type Rec = Participation;
    const MAPPING_KEY: Key = Key::CsvMapping;
    const DEFAULT_INSATS: bool = true;
    const PREFIX: &'static str = "csv";
    const NUMBER_CHECK: NumberCheck = participations::NUMBER_CHECK;
    const PLAN: PlanFn<Self> = |app, ws, table, mapping, default_insats| {
        participations::plan_import(
            ws,
            table,
            mapping,
            default_insats,
            &mut || app.new_meta(),
            &mut new_participation_code,
        )
    };
    const PLAN_IN_SLICES: Option<SlicedPlanFn<Self>> = Some(|app, table, mapping, default, run| {
        Box::pin(plan_participations(app, table, mapping, default, run))
    });
    const RECORD: fn(Participation) -> Record = Record::Participation;
    const RECORD_LABEL: fn(&Workspace, &Participation) -> String = participations::record_label;
    const FIELD_CHANGES: ChangesFn<Self> = participations::field_changes;
    const LABEL: fn(&Texts, Self) -> &'static str = Texts::participant_column;
    const HEADING: fn(&'static Texts) -> (&'static str, &'static str) =
        |t| (t.csv_import_title, t.csv_import_text);
}

impl ImportKind for OutcomeColumn {
    type Rec = Outcome;
    const MAPPING_KEY: Key = Key::OutcomeCsvMapping;
    const DEFAULT_INSATS: bool = false;
    const PREFIX: &'static str = "outcome-csv";
    const NUMBER_CHECK: NumberCheck = outcomes::NUMBER_CHECK;
    const PLAN: PlanFn<Self> = |app, ws, table, mapping, _| {
        outcomes::plan_import(ws, table, mapping, &mut || app.new_meta())
    };
    const RECORD: fn(Outcome) -> Record = Record::Outcome;
    const RECORD_LABEL: fn(&Workspace, &Outcome) -> String = outcomes::record_label;
    const FIELD_CHANGES: ChangesFn<Self> = outcomes::field_changes;
    const LABEL: fn(&Texts, Self) -> &'static str = Texts::outcome_column;
    const HEADING: fn(&'static Texts) -> (&'static str, &'static str) =
        |t| (t.outcome_csv_title, t.outcome_csv_text);
}

impl ImportKind for BudgetColumn {
    type Rec = Record;
    const MAPPING_KEY: Key = Key::BudgetCsvMapping;
    const DEFAULT_INSATS: bool = false;
    const PREFIX: &'static str = "budget-csv";
    const NUMBER_CHECK: NumberCheck = budget::NUMBER_CHECK;
    const PLAN: PlanFn<Self> = |app, ws, table, mapping, _| {
        budget::plan_import(ws, table, mapping, &mut || app.new_meta())
    };
    const RECORD: fn(Record) -> Record = |r| r;
    const RECORD_LABEL: fn(&Workspace, &Record) -> String = budget::record_label;
    const FIELD_CHANGES: ChangesFn<Self> = budget::field_changes;
    const LABEL: fn(&Texts, Self) -> &'static str = |t, c| t.economy.budget_column(c);
    const HEADING: fn(&'static Texts) -> (&'static str, &'static str) =
        |t| (t.economy.budget_csv_title, t.economy.budget_csv_text);
}

/// Rows planned between two looks at the clock: each slice indexes the
/// stored codes once, so a slice holds a few hundred rows.
const ROWS_PER_STEP: usize = 500;

/// Plans a participations file a slice at a time, showing how far it has
/// come; `None` once the run is stopped. Nothing is stored.
async fn plan_participations(
    app: AppState,
    table: Arc<Table>,
    mapping: participations::Mapping,
    default: Option<RecordId>,
    run: Run,
) -> Option<PlanResult<Column>> {
    let label = app.t_now().exchange.progress_rows;
    let planning = app
        .ws
        .with_untracked(|w| participations::Planning::new(w, &table, &mapping, default.as_ref()));
    let mut planning = match planning {
        Ok(p) => p,
        Err(problems) => return Some(Err(problems)),
    };
    let mut slice = Slice::start();
    run.show(app, label, 0, planning.total());
    loop {
        let finished = app.ws.with_untracked(|w| {
            planning.step(
                w,
                ROWS_PER_STEP,
                &mut || app.new_meta(),
                &mut new_participation_code,
            )
        });
        if finished {
            return Some(Ok(planning.finish()));
        }
        let (done, total) = (planning.done(), planning.total());
        run.pause(app, &mut slice, label, done, total).await.ok()?;
    }
}

/// The remembered mapping (header → field key).
fn remembered(key: Key) -> BTreeMap<String, String> {
    settings::get(key)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// The import section for one kind of file.
pub fn csv_import<K: ImportKind>() -> impl IntoView {
    let app = use_app();
    let p = K::PREFIX;
    // Shared, not copied, by each planning run.
    let table = RwSignal::new(None::<Arc<Table>>);
    let file_name = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<String>);
    let mapping = RwSignal::new(Mapping::<K>::default());
    let default_insats = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let stopped = RwSignal::new(false);
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
        stopped.set(false);
        refused.set(None);
        table.set(None);
        leptos::task::spawn_local(async move {
            let t = app.t_now();
            match files::read_bytes(&file, crate::core::exchange::file_size::FileUse::Csv).await {
                Err(e) => refused.set(Some(crate::ui::i18n::problems::read_error(t, &e))),
                Ok(bytes) => match timed_read(&bytes, K::NUMBER_CHECK) {
                    Ok(tb) => {
                        mapping.set(Mapping::guess(&tb.header, &remembered(K::MAPPING_KEY)));
                        table.set(Some(Arc::new(tb)));
                    }
                    Err(e) => refused.set(Some(csv_error_text(t, &file_name.get_untracked(), &e))),
                },
            }
        });
    };

    // The plan follows the file, the mapping, the default insats and the
    // workspace; a large file is planned in slices (showing its progress),
    // and a change starts planning again, the old run giving up.
    let plan = RwSignal::new(None::<PlanResult<K>>);
    let progress = RwSignal::new(None::<Shown>);
    let runs = StoredValue::new(0_u64);
    Effect::new(move |_| {
        app.ws.track();
        let tb = table.get();
        let m = mapping.get();
        let default = insats_choice(&default_insats.get());
        let run = Run::new(runs, progress);
        plan.set(None);
        progress.set(None);
        let Some(tb) = tb else {
            return;
        };
        let span = Span::start("maltavla:csv-plan");
        let Some(sliced) = K::PLAN_IN_SLICES else {
            let result = app
                .ws
                .with_untracked(|w| (K::PLAN)(app, w, &tb, &m, default.as_ref()));
            span.end();
            plan.set(Some(result));
            return;
        };
        leptos::task::spawn_local(async move {
            let result = sliced(app, tb, m, default, run).await;
            if run.is_current() {
                span.end();
                progress.set(None);
                plan.set(result);
            }
        });
    });

    // Storing is one transaction: it shows its count (how far it has
    // come once it takes slices), and cannot be stopped.
    let writing = RwSignal::new(0_usize);
    let shown = Signal::derive(move || {
        if busy.get() {
            let t = app.t().exchange;
            let shown = Shown {
                label: t.progress_write,
                count: (t.progress_writing)(writing.get()),
                done: None,
                can_stop: false,
            };
            Some(shown.with_storing(app.storing.get(), t.progress_count))
        } else {
            progress.get()
        }
    });
    let reset = move || {
        stopped.set(false);
        table.set(None);
        file_name.set(String::new());
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };

    // Stops planning a large file: nothing has been stored, so nothing
    // changes.
    let stop = Callback::new(move |()| {
        runs.update_value(|r| *r += 1);
        progress.set(None);
        reset();
        stopped.set(true);
    });

    let confirm =
        move |_| {
            let Some(Ok(p)) = plan.get_untracked() else {
                return;
            };
            if !p.can_apply() {
                return;
            }
            if let Some(tb) = table.get_untracked() {
                let remember = mapping.get_untracked().to_remember(&tb.header);
                if let Ok(json) = serde_json::to_string(&remember) {
                    settings::set(K::MAPPING_KEY, &json);
                }
            }
            let count = p.added.len() + p.changed.len();
            let edits: Vec<Edit> =
                p.added
                    .into_iter()
                    .map(|n| Edit::from_form(None, (K::RECORD)(n)))
                    .chain(p.changed.into_iter().map(|(old, new)| {
                        Edit::from_form(Some((K::RECORD)(old)), (K::RECORD)(new))
                    }))
                    .collect();
            writing.set(count);
            let span = Span::start("maltavla:csv-write");
            app.save(edits, busy, failure, move || {
                span.end();
                app.notice.set(Some((app.t_now().csv_imported)(count)));
                reset();
            });
        };

    let column_select = move |c: K| {
        let header = table.with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default());
        let current = mapping.with(|m| m.column(c));
        let id = format!("{p}-map-{}", c.key());
        view! {
            <div class="field">
                <label for=id.clone()>{move || (K::LABEL)(app.t(), c)}</label>
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
        // Read in place: a plan of 100 000 rows is not copied to be shown.
        plan.with(|plan| match plan.as_ref()? {
            Err(problems) => Some(view! {
                <ul class="field-error" role="alert" data-testid=format!("{p}-mapping-problems")>
                    {problems.iter().map(|problem| {
                        let text = match *problem {
                            MappingProblem::Missing(c) => (t.csv_missing_column)((K::LABEL)(t, c)),
                            MappingProblem::Twice(a, b) => (t.csv_column_twice)((K::LABEL)(t, a), (K::LABEL)(t, b)),
                        };
                        view! { <li>{text}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()),
            Ok(plan) => {
                let rejected = plan.rejected.len();
                let can_apply = plan.can_apply();
                let shown: Vec<_> = plan.rejected.iter().take(200).map(|r| {
                    let reasons: Vec<String> = r.errors.0.iter().map(|fe| {
                        let column = K::ALL.iter().copied().find(|c| c.field() == fe.field);
                        let what = column.map_or_else(String::new, |c| format!("{}: ", (K::LABEL)(t, c)));
                        format!("{what}{}", problem(t, &fe.problem))
                    }).collect();
                    view! { <li><strong>{(t.csv_line)(r.line)}</strong>" " {reasons.join(" ")}</li> }
                }).collect();
                let changes = changes_view::<K>(app, t, plan);
                Some(view! {
                    <div class="import-report" data-testid=format!("{p}-report")>
                        <p data-testid=format!("{p}-summary")>
                            {(t.csv_summary)(plan.added.len(), plan.changed.len(), plan.unchanged, rejected)}
                            {(plan.empty > 0).then(|| format!(" {}", (t.csv_empty_rows)(plan.empty)))}
                        </p>
                        {(rejected > 0).then(|| view! {
                            <p class="field-error" role="alert">{t.csv_fix_rows}</p>
                            // Scrolls when long: it takes focus so the keyboard can scroll it.
                            <ul class="rejected-rows" tabindex="0" aria-label=t.csv_fix_rows data-testid=format!("{p}-rejected")>{shown}</ul>
                        })}
                        {changes}
                        {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
                        <div class="actions">
                            {can_apply.then(|| view! {
                                <button type="button" class="primary" data-testid=format!("{p}-confirm") disabled=move || busy.get() on:click=confirm>{t.csv_confirm}</button>
                            })}
                            <button type="button" data-testid=format!("{p}-cancel") on:click=move |_| reset()>{t.cancel}</button>
                        </div>
                    </div>
                }.into_any())
            }
        })
    };

    let insats_choices = move || {
        app.ws.with(|w| {
            w.insatser_by_name()
                .into_iter()
                .map(|i| view! { <option value=i.meta.id.to_string()>{i.name.clone()}</option> })
                .collect_view()
        })
    };

    let (file_id, default_id, title_id) = (
        format!("{p}-file"),
        format!("{p}-default-insats"),
        format!("{p}-import-title"),
    );
    let title_ref = title_id.clone();
    view! {
        <section class="csv-import" aria-labelledby=title_ref>
            <h2 id=title_id>{move || (K::HEADING)(app.t()).0}</h2>
            <p>{move || (K::HEADING)(app.t()).1}</p>
            <div class="field">
                <label for=file_id.clone()>{tr(|t| t.csv_file_label)}</label>
                <input id=file_id.clone() type="file" accept=".csv,.txt,text/csv" node_ref=input data-testid=file_id on:change=on_file />
            </div>
            {move || refused.get().map(|r| view! { <p role="alert" class="field-error" data-testid=format!("{p}-refused")>{r}</p> })}
            <WorkProgress shown=shown stop_label=tr(|t| t.exchange.progress_stop) on_stop=stop />
            {move || stopped.get().then(|| view! {
                <p role="status" data-testid=format!("{p}-stopped")>{move || app.t().exchange.stopped}</p>
            })}
            <Show when=move || table.with(Option::is_some)>
                <p>{move || (app.t().csv_read)(&file_name.get(), table.with(|t| t.as_ref().map_or(0, |t| t.rows.len())))}</p>
                <fieldset class="csv-mapping">
                    <legend>{tr(|t| t.csv_mapping_title)}</legend>
                    {K::DEFAULT_INSATS.then(|| view! {
                        <div class="field">
                            <label for=default_id.clone()>{tr(|t| t.csv_default_insats)}</label>
                            <select id=default_id.clone() on:change=move |ev| default_insats.set(event_target_value(&ev))>
                                <option value="">{tr(|t| t.csv_no_default)}</option>
                                {insats_choices}
                            </select>
                        </div>
                    })}
                    {move || K::ALL.iter().copied().map(column_select).collect_view()}
                </fieldset>
                {report}
            </Show>
        </section>
    }
}

/// The changed rows field by field: record, field, value now, value after;
/// at most [`PREVIEW_FIELDS`] changes, and a count of the rows left out.
fn changes_view<K: ImportKind>(
    app: AppState,
    t: &'static Texts,
    plan: &ImportPlan<K::Rec>,
) -> Option<AnyView> {
    if plan.changed.is_empty() {
        return None;
    }
    let p = K::PREFIX;
    let (rows, more) = app.ws.with_untracked(|w| {
        preview_changes(&plan.changed, PREVIEW_FIELDS, |old, new| {
            K::describe(w, old, new)
        })
    });
    let shown = |text: String| {
        if text.is_empty() {
            t.csv_nothing.to_owned()
        } else {
            text
        }
    };
    let body: Vec<_> = rows
        .into_iter()
        .flat_map(|row| {
            let record = row.record;
            row.fields.into_iter().map(move |f| (record.clone(), f))
        })
        .map(|(record, f)| {
            view! {
                <tr data-field=f.column.key()>
                    <td>{record}</td>
                    <td>{(K::LABEL)(t, f.column)}</td>
                    <td>{shown(f.before)}</td>
                    <td>{shown(f.after)}</td>
                </tr>
            }
        })
        .collect();
    Some(
        view! {
            <h3>{t.csv_changes}</h3>
            <TableScroll label=t.csv_changes.to_owned()>
                <table class="data-table" data-testid=format!("{p}-changes")>
                    <thead><tr>
                        <th scope="col">{t.csv_col_record}</th>
                        <th scope="col">{t.csv_col_field}</th>
                        <th scope="col">{t.csv_col_before}</th>
                        <th scope="col">{t.csv_col_after}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </TableScroll>
            {(more > 0).then(|| view! { <p data-testid=format!("{p}-changes-more")>{(t.csv_more_changed)(more)}</p> })}
        }
        .into_any(),
    )
}

/// Reads the file, timed for the benchmarks (`maltavla:csv-read`).
fn timed_read(bytes: &[u8], check: NumberCheck) -> Result<Table, CsvError> {
    let span = Span::start("maltavla:csv-read");
    let read = read_table_checked(bytes, check);
    span.end();
    read
}

/// Why the file `name` was refused, in words.
fn csv_error_text(t: &crate::ui::i18n::Texts, name: &str, e: &CsvError) -> String {
    match e {
        CsvError::Empty => t.csv_empty.into(),
        CsvError::TooLarge => t.csv_too_large.into(),
        CsvError::TooManyRows => t.csv_too_many_rows.into(),
        CsvError::NoRows => t.csv_no_rows.into(),
        CsvError::NotText => t.csv_not_text.into(),
        CsvError::PersonalNumber {
            line,
            column,
            header,
        } => (t.csv_personal_number)(name, *line, *column, header.as_deref()),
    }
}
