//! Reading a snapshot file (or the published one) with a preview of
//! everything it would change, then confirm or cancel.

use super::{ex, field_name, kind_name, record_label, show};
use crate::browser::clock::now_millis;
use crate::browser::files;
use crate::browser::perf::Span;
use crate::browser::slices::{yield_to_page, Slice};
use crate::core::exchange::snapshot::{
    self, Change, ClockAhead, ImportPlan, Incoming, Planning, Reading, SnapshotError,
};
use crate::core::exchange::sync::published::check_public;
use crate::core::ids::Hlc;
use crate::ui::components::chart_figure::TableScroll;
use crate::ui::components::work_progress::{Run, Shown, Stopped, WorkProgress};
use crate::ui::state::{tr, use_app, AppState};
use crate::ui::sync::{fetch_published, published_location, PublishedFile};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// At most this many rows per list in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 50;

/// Records read or planned between two looks at the clock (a few
/// milliseconds' work): the page gets its turn once a slice has had its
/// time.
const STEP: usize = 256;

/// A checked file and what importing it would do.
struct Preview {
    incoming_info: snapshot::IncomingInfo,
    ahead: Option<ClockAhead>,
    unknown: bool,
    clock: Hlc,
    plan: ImportPlan,
}

/// Why a preview was not made.
enum Stop {
    /// The user stopped it: nothing to show.
    Stopped,
    /// The file is refused, for this reason.
    Refused(String),
}

impl From<Stopped> for Stop {
    fn from(_: Stopped) -> Stop {
        Stop::Stopped
    }
}

/// Reads the text of the file (or address) `name` and plans its import a
/// slice at a time, showing how far it has come; a refusal is a message
/// that names it. A published snapshot (`published`) must also be the part
/// made for publishing: any other is refused here, before anything is
/// planned or merged. Nothing is stored: stopping at any pause changes
/// nothing.
async fn preview_of(
    app: AppState,
    text: String,
    name: &str,
    published: bool,
    run: Run,
) -> Result<Preview, Stop> {
    let t = ex(app);
    let in_file =
        |e: &SnapshotError| Stop::Refused((app.t_now().trust.in_file)(name, &(t.error)(e)));
    let now = now_millis();
    // The text came into the app in a task of its own; its parse gets
    // another, so neither holds the page for both.
    yield_to_page().await;
    if !run.is_current() {
        return Err(Stop::Stopped);
    }
    let mut slice = Slice::start();
    let span = Span::start("maltavla:read");
    let mut reading = Reading::start(&text, now).map_err(|e| in_file(&e))?;
    run.show(app, t.progress_read, 0, reading.total());
    while !reading.step(STEP).map_err(|e| in_file(&e))? {
        let (done, total) = (reading.done(), reading.total());
        run.pause(app, &mut slice, t.progress_read, done, total)
            .await?;
    }
    let incoming: Incoming = reading.finish().map_err(|e| in_file(&e))?;
    span.end();
    if published {
        check_public(&incoming)
            .map_err(|why| Stop::Refused((app.t_now().offline.published_refused)(&why, name)))?;
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
    let mut planning = Planning::new(items, Some(app.me()));
    run.show(app, t.progress_plan, 0, planning.total());
    while !app
        .ws
        .with_untracked(|w| planning.step(w, STEP))
        .map_err(|e| in_file(&e))?
    {
        let (done, total) = (planning.done(), planning.total());
        run.pause(app, &mut slice, t.progress_plan, done, total)
            .await?;
    }
    let plan = app
        .ws
        .with_untracked(|w| planning.finish(w))
        .map_err(|e| in_file(&e))?;
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
pub(super) fn ImportSection() -> impl IntoView {
    let app = use_app();
    let preview = RwSignal::new_local(None::<Result<Preview, String>>);
    let busy = RwSignal::new(false);
    let progress = RwSignal::new(None::<Shown>);
    let stopped = RwSignal::new(false);
    let runs = StoredValue::new(0_u64);
    let input = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
    };
    // Reads `text` (from the file or address `name`) into a preview,
    // unless the user stops it first.
    let read_into_preview = move |run: Run, text: String, name: String, published: bool| async move {
        let result = preview_of(app, text, &name, published, run).await;
        if !run.is_current() {
            return;
        }
        progress.set(None);
        busy.set(false);
        match result {
            Ok(p) => preview.set(Some(Ok(p))),
            Err(Stop::Refused(message)) => preview.set(Some(Err(message))),
            Err(Stop::Stopped) => {}
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        stopped.set(false);
        let Some(file) = file else {
            preview.set(None);
            return;
        };
        busy.set(true);
        preview.set(None);
        let run = Run::new(runs, progress);
        leptos::task::spawn_local(async move {
            let span = Span::start("maltavla:file");
            let text =
                files::read_text(&file, crate::core::exchange::file_size::FileUse::Snapshot).await;
            span.end();
            if !run.is_current() {
                return;
            }
            match text {
                Ok(text) => read_into_preview(run, text, file.name(), false).await,
                Err(e) => {
                    busy.set(false);
                    preview.set(Some(Err(crate::ui::i18n::problems::read_error(
                        app.t_now(),
                        &e,
                    ))));
                }
            }
        });
    };
    // Stops reading or planning: nothing has been stored, so nothing
    // changes.
    let stop = Callback::new(move |()| {
        runs.update_value(|r| *r += 1);
        progress.set(None);
        busy.set(false);
        preview.set(None);
        stopped.set(true);
        reset_input();
    });
    let confirm = move |_| {
        let Some(Ok(p)) = preview.try_update(Option::take).flatten() else {
            return;
        };
        busy.set(true);
        let count = p.plan.writes.len();
        progress.set(Some(Shown {
            label: ex(app).progress_write,
            count: (ex(app).progress_writing)(count),
            done: None,
            can_stop: false,
        }));
        leptos::task::spawn_local(async move {
            // The bar is drawn before the one transaction that stores it all.
            yield_to_page().await;
            let span = Span::start("maltavla:write");
            let result = app.import(p.plan, p.clock).await;
            span.end();
            progress.set(None);
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
        stopped.set(false);
        busy.set(true);
        preview.set(None);
        let run = Run::new(runs, progress);
        leptos::task::spawn_local(read_into_preview(
            run,
            file.text,
            published_location(),
            true,
        ));
    };
    Effect::new(move |_| {
        if let Some(file) = app.published.try_update(Option::take).flatten() {
            show_published(file);
        }
    });
    let fetch = move |_| {
        busy.set(true);
        preview.set(None);
        stopped.set(false);
        leptos::task::spawn_local(async move {
            let t = app.t().offline;
            match fetch_published(false).await {
                Ok(Some(file)) => show_published(file),
                Ok(None) => {
                    busy.set(false);
                    preview.set(Some(Err(t.published_nothing.to_owned())));
                }
                Err(f) => {
                    busy.set(false);
                    preview.set(Some(Err((t.failure)(&f))));
                }
            }
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
            <WorkProgress
                shown=Signal::derive(move || {
                    let storing = app.storing.get();
                    progress.get().map(|s| s.with_storing(storing, ex(app).progress_count))
                })
                stop_label=tr(|t| t.exchange.progress_stop)
                on_stop=stop
            />
            {move || stopped.get().then(|| view! {
                <p role="status" data-testid="import-stopped">{move || ex(app).stopped}</p>
            })}
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
