//! Deltagare: the participations of the förbund, a project or an insats,
//! entered row by row
//! or from a spreadsheet, and the flow computed from them.

use crate::browser::files;
use crate::core::exchange::csv::participations::{export, Column};
use crate::core::exchange::csv::CsvFlavour;
use crate::core::model::{Participation, Scope};
use crate::core::participants::report::{in_scope, insatser_in_scope, newest_first};
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::csv_import::csv_import;
use crate::ui::components::download_failure::DownloadFailure;
use crate::ui::components::flow_panel::FlowPanel;
use crate::ui::components::participation_row::ParticipationEntry;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// How many rows the list shows at first, and adds per "Visa fler".
const PAGE: usize = 50;

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let app = use_app();
    // The scope chosen at the top, in its text form ("forbund",
    // "project:<id>", "insats:<id>"), and the insats a new row starts in.
    let chosen_scope = RwSignal::new("forbund".to_owned());
    let scope = Signal::derive(move || {
        chosen_scope
            .get()
            .parse::<Scope>()
            .unwrap_or(Scope::Forbund)
    });
    let insats = Signal::derive(move || match scope.get() {
        Scope::Insats(id) => id.to_string(),
        _ => String::new(),
    });
    let limit = RwSignal::new(PAGE);
    let editing = RwSignal::new(None::<Participation>);
    // How many there are, and the newest `limit` of them: only the rows
    // shown are copied, so a förbund with many participations stays quick.
    let rows = Memo::new(move |_| {
        let scope = scope.get();
        let limit = limit.get();
        app.ws.with(|w| {
            let ps = in_scope(w, &scope);
            let total = ps.len();
            (
                total,
                newest_first(ps, limit)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Participation>>(),
            )
        })
    });
    // The rows shown, each with whether it is open for editing (the copy
    // the form was opened on, which stays while it is open).
    let shown = move || {
        let open = editing.get();
        rows.with(|r| {
            r.1.iter()
                .map(|p| match &open {
                    Some(o) if o.meta.id == p.meta.id => (o.clone(), true),
                    _ => (p.clone(), false),
                })
                .collect::<Vec<_>>()
        })
    };
    let failure = DownloadFailure::new();
    let download = move |flavour: CsvFlavour| {
        let scope = scope.get_untracked();
        let text = app.ws.with_untracked(|w| {
            let ids = insatser_in_scope(w, &scope);
            export(w, ids.as_deref(), flavour)
        });
        let name = format!("deltagare-{}.csv", flavour.key());
        failure.show(files::download(&name, &text, "text/csv;charset=utf-8"));
    };
    let done = Callback::new(move |()| editing.set(None));
    let row_view = move |p: Participation| {
        let t = app.t();
        app.ws.with_untracked(|w| {
            let name =
                |id: Option<&crate::core::ids::RecordId>,
                 f: &dyn Fn(&crate::core::ids::RecordId) -> Option<String>| {
                    id.and_then(f).unwrap_or_default()
                };
            let insats_name = w
                .insatser
                .get_any(&p.insats)
                .map(|i| i.name.clone())
                .unwrap_or_default();
            let municipality = name(p.municipality.as_ref(), &|id| {
                w.municipalities.get_any(id).map(|m| m.name.clone())
            });
            let status = name(p.end_status.as_ref(), &|id| {
                w.end_statuses.get_any(id).map(|s| s.name.clone())
            });
            let (id, code) = (p.meta.id.clone(), p.code.clone());
            let open = p.clone();
            view! {
                <tr data-code=p.code.clone()>
                    <td><code>{p.code.clone()}</code></td>
                    <td>{insats_name}</td>
                    <td>{t.gender_one(p.gender)}</td>
                    <td>{t.age_band(p.age_band)}</td>
                    <td>{municipality}</td>
                    <td>{t.referrer(p.referrer)}</td>
                    <td>{t.numbers.date(p.start)}</td>
                    <td>{p.end.map(|x| t.numbers.date(x))}</td>
                    <td>{status}</td>
                    <td class="row-actions">
                        <button type="button" class="link" data-testid="participation-edit-open"
                            aria-label=format!("{} {code}", t.edit)
                            on:click=move |_| editing.set(Some(open.clone()))>{t.edit}</button>
                        <DeleteButton id=id name=code.clone() on_deleted=Callback::new(|()| {}) />
                    </td>
                </tr>
            }
        })
    };
    view! {
        <h1>{tr(|t| t.participants_title)}</h1>
        <p>{tr(|t| t.participants_intro)}</p>
        <div class="field">
            <label for="participants-insats">{tr(|t| t.participants_insats)}</label>
            <select id="participants-insats" data-testid="participants-insats" on:change=move |ev| { chosen_scope.set(event_target_value(&ev)); limit.set(PAGE); }>
                <option value="forbund">{tr(|t| t.all_insatser)}</option>
                {move || {
                    let current = chosen_scope.get_untracked();
                    let option = move |value: String, name: String| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{name}</option> }
                    };
                    app.ws.with(|w| view! {
                        <optgroup label=move || app.t().nav_projects>
                            {w.projects_by_name().into_iter().map(|p| option(Scope::Project(p.meta.id.clone()).to_string(), p.name.clone())).collect_view()}
                        </optgroup>
                        <optgroup label=move || app.t().nav_insatser>
                            {w.insatser_by_name().into_iter().map(|i| option(Scope::Insats(i.meta.id.clone()).to_string(), i.name.clone())).collect_view()}
                        </optgroup>
                    })
                }}
            </select>
        </div>
        <FlowPanel scope=scope />
        <section aria-labelledby="participants-table-title">
            <h2 id="participants-table-title">{tr(|t| t.participants_table_title)}</h2>
            <p class="sub" data-testid="participants-count">{move || (app.t().participants_count)(rows.with(|r| r.0))}</p>
            <p class="hint">{tr(|t| t.participants_entry_hint)}</p>
            <div class="table-scroll">
                <table class="participations" data-testid="participations">
                    <thead>
                        <tr>
                            {move || Column::ALL.into_iter().map(|c| view! { <th scope="col">{app.t().participant_column(c)}</th> }).collect_view()}
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <ParticipationEntry insats=insats on_done=Callback::new(|()| {}) />
                        <For each=shown key=|(p, open)| row_key(p, *open) children=move |(p, open)| {
                            if open {
                                view! { <ParticipationEntry insats=insats editing=p on_done=done /> }.into_any()
                            } else {
                                row_view(p).into_any()
                            }
                        } />
                    </tbody>
                </table>
            </div>
            <Show when=move || { rows.with(|r| r.0) > limit.get() }>
                <button type="button" data-testid="participants-more" on:click=move |_| limit.update(|l| *l += 4 * PAGE)>{tr(|t| t.show_more)}</button>
            </Show>
            <p class="actions">
                <button type="button" data-testid="participants-export-excel" on:click=move |_| download(CsvFlavour::ExcelSv)>{tr(|t| t.export_participants_excel)}</button>" "
                <button type="button" data-testid="participants-export-csv" on:click=move |_| download(CsvFlavour::Plain)>{tr(|t| t.export_participants_csv)}</button>
            </p>
            {failure.view()}
        </section>
        {csv_import::<Column>()}
    }
}

/// A row's key in the table: its id, whether its form is open, and the
/// writes it holds (see [`crate::core::model::Meta::writes_digest`]), so a
/// row is drawn again only when it changed and a new row is drawn without
/// redrawing the others. An open form keeps its key while it is open.
fn row_key(p: &Participation, open: bool) -> (crate::core::ids::RecordId, bool, u64) {
    let digest = if open { 0 } else { p.meta.writes_digest() };
    (p.meta.id.clone(), open, digest)
}
