//! One row of the participations table as a form: for entering many
//! participations fast from the keyboard (tab between cells, Enter saves
//! and starts the next row), and for changing one.
//!
//! Guarantees: the core validates the row (`validate::participation`);
//! nothing is stored unless it passes, the typed cells stay when it does
//! not, and the problems are named per column.

use crate::browser::clock::new_participation_code;
use crate::core::codes;
use crate::core::exchange::csv::participations::{self, Column};
use crate::core::ids::RecordId;
use crate::core::model::{AgeBand, Gender, Participation, Record, Referrer};
use crate::core::validate::{build_participation, FormErrors, ParticipationDraft};
use crate::ui::forms::controls::Choice;
use crate::ui::i18n::problems::problem;
use crate::ui::state::{tr, use_app, AppState, Edit};
use leptos::prelude::*;

/// A code that no live participation has (the core's bounded search).
pub fn free_code(app: AppState) -> String {
    app.ws.with_untracked(|w| {
        let mut taken = w.participations.live().map(|p| p.code.clone()).collect();
        participations::free_code(&mut taken, &mut new_participation_code)
    })
}

/// The choices of each select cell, in the current language.
fn choices(app: AppState, column: Column) -> Vec<Choice> {
    let t = app.t();
    let none = |label: &str| Choice::new("", label);
    match column {
        Column::Gender => std::iter::once(none("–"))
            .chain(
                Gender::ALL
                    .iter()
                    .map(|g| Choice::new(codes::code(g), t.gender_one(*g))),
            )
            .collect(),
        Column::AgeBand => AgeBand::ALL
            .iter()
            .map(|a| Choice::new(codes::code(a), t.age_band(*a)))
            .collect(),
        Column::Referrer => std::iter::once(none("–"))
            .chain(
                Referrer::ALL
                    .iter()
                    .map(|r| Choice::new(codes::code(r), t.referrer(*r))),
            )
            .collect(),
        Column::Municipality => app.ws.with(|w| {
            std::iter::once(none("–"))
                .chain(
                    w.municipalities_by_name()
                        .into_iter()
                        .map(|m| Choice::new(m.meta.id.to_string(), m.name.clone())),
                )
                .collect()
        }),
        Column::Insats => app.ws.with(|w| {
            std::iter::once(none("–"))
                .chain(
                    w.insatser_by_name()
                        .into_iter()
                        .map(|i| Choice::new(i.meta.id.to_string(), i.name.clone())),
                )
                .collect()
        }),
        Column::EndStatus => app.ws.with(|w| {
            std::iter::once(none("–"))
                .chain(
                    w.end_statuses_in_order()
                        .into_iter()
                        .map(|s| Choice::new(s.meta.id.to_string(), s.name.clone())),
                )
                .collect()
        }),
        Column::Code | Column::Start | Column::End => Vec::new(),
    }
}

/// The form row. `insats` is the insats a new row starts in; `editing` the
/// participation as the form opened on it, when one is changed; `on_done`
/// runs after an edit is saved or cancelled (a new row stays open for the
/// next one).
#[component]
pub fn ParticipationEntry(
    #[prop(into)] insats: Signal<String>,
    #[prop(optional)] editing: Option<Participation>,
    on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let initial = editing.as_ref().map_or_else(
        || ParticipationDraft {
            code: free_code(app),
            insats: insats.get_untracked(),
            age_band: codes::code(&AgeBand::Unknown),
            ..ParticipationDraft::default()
        },
        ParticipationDraft::of,
    );
    let cells: Vec<(Column, RwSignal<String>)> = Column::ALL
        .into_iter()
        .map(|c| {
            let v = match c {
                Column::Code => &initial.code,
                Column::Insats => &initial.insats,
                Column::Gender => &initial.gender,
                Column::AgeBand => &initial.age_band,
                Column::Municipality => &initial.municipality,
                Column::Referrer => &initial.referrer,
                Column::Start => &initial.start,
                Column::End => &initial.end,
                Column::EndStatus => &initial.end_status,
            };
            (c, RwSignal::new(v.clone()))
        })
        .collect();
    let cell = {
        let cells = cells.clone();
        move |c: Column| {
            cells
                .iter()
                .find(|(x, _)| *x == c)
                .map(|(_, s)| *s)
                .unwrap_or_else(|| RwSignal::new(String::new()))
        }
    };
    // A new row follows the page's insats choice.
    if editing.is_none() {
        let insats_cell = cell(Column::Insats);
        Effect::new(move |_| insats_cell.set(insats.get()));
    }
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let first_cell = NodeRef::<leptos::html::Select>::new();
    let is_edit = editing.is_some();
    let opened = editing.clone();
    let submit = {
        let cell = cell.clone();
        move || {
            let draft = ParticipationDraft {
                code: cell(Column::Code).get_untracked(),
                insats: cell(Column::Insats).get_untracked(),
                gender: cell(Column::Gender).get_untracked(),
                age_band: cell(Column::AgeBand).get_untracked(),
                municipality: cell(Column::Municipality).get_untracked(),
                referrer: cell(Column::Referrer).get_untracked(),
                start: cell(Column::Start).get_untracked(),
                end: cell(Column::End).get_untracked(),
                end_status: cell(Column::EndStatus).get_untracked(),
            };
            let meta = opened
                .as_ref()
                .map_or_else(|| app.new_meta(), |p| p.meta.clone());
            match app
                .ws
                .with_untracked(|w| build_participation(&draft, w, meta))
            {
                Err(e) => errors.set(e),
                Ok(p) => {
                    errors.set(FormErrors::default());
                    let edit = Edit::from_form(
                        opened.clone().map(Record::Participation),
                        Record::Participation(p),
                    );
                    let code = cell(Column::Code);
                    let clear: Vec<RwSignal<String>> = [
                        Column::Gender,
                        Column::Municipality,
                        Column::Referrer,
                        Column::End,
                        Column::EndStatus,
                    ]
                    .into_iter()
                    .map(&cell)
                    .collect();
                    let age = cell(Column::AgeBand);
                    app.save(vec![edit], busy, failure, move || {
                        if is_edit {
                            on_done.run(());
                        } else {
                            // The next row: a new code; insats and start
                            // date stay, as a batch is often one intake.
                            code.set(free_code(app));
                            for s in &clear {
                                s.set(String::new());
                            }
                            age.set(codes::code(&AgeBand::Unknown));
                            if let Some(el) = first_cell.get_untracked() {
                                let _ = el.focus();
                            }
                        }
                    });
                }
            }
        }
    };
    let on_submit = {
        let submit = submit.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            submit();
        }
    };
    let row_id = editing
        .as_ref()
        .map_or_else(|| "new".to_owned(), |p| p.meta.id.to_string());
    let form_id = format!("participation-form-{row_id}");
    let select_cell = {
        let cell = cell.clone();
        let row_id = row_id.clone();
        let form_id = form_id.clone();
        move |c: Column, node: Option<NodeRef<leptos::html::Select>>| {
            let value = cell(c);
            let id = format!("p-{}-{}", row_id, c.key());
            let list = move || {
                choices(app, c)
                    .into_iter()
                    .map(|ch| {
                        let selected = ch.value == value.get_untracked();
                        view! { <option value=ch.value.clone() selected=selected>{ch.label}</option> }
                    })
                    .collect_view()
            };
            let node = node.unwrap_or_default();
            view! {
                <td><select
                    node_ref=node
                    id=id
                    form=form_id.clone()
                    data-column=c.key()
                    aria-label=move || app.t().participant_column(c)
                    prop:value=move || value.get()
                    on:change=move |ev| value.set(event_target_value(&ev))
                >
                    {list}
                </select></td>
            }
        }
    };
    let input_cell = {
        let cell = cell.clone();
        let form_id = form_id.clone();
        move |c: Column, kind: &'static str| {
            let value = cell(c);
            let id = format!("p-{}-{}", row_id, c.key());
            view! {
                <td>
                    <input
                        id=id
                        form=form_id.clone()
                        type=kind
                        data-column=c.key()
                        aria-label=move || app.t().participant_column(c)
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        size=if c == Column::Code { 8 } else { 10 }
                    />
                </td>
            }
        }
    };
    let error_list = move || {
        let t = app.t();
        errors.with(|e| {
            e.0.iter()
                .map(|fe| {
                    let column = Column::ALL.into_iter().find(|c| c.field() == fe.field);
                    let what = column
                        .map_or_else(String::new, |c| format!("{}: ", t.participant_column(c)));
                    view! { <li>{what}{problem(t, &fe.problem)}</li> }
                })
                .collect_view()
        })
    };
    let cancel = move |_| on_done.run(());
    // The cells are in the table's own columns; they belong to the form in
    // the last cell through their `form` attribute (a form cannot wrap a
    // table row), so Enter in any cell saves the row.
    view! {
        <tr class="entry-row" data-testid=if is_edit { "participation-edit" } else { "participation-entry" }>
            {input_cell(Column::Code, "text")}
            {select_cell(Column::Insats, None)}
            {select_cell(Column::Gender, Some(first_cell))}
            {select_cell(Column::AgeBand, None)}
            {select_cell(Column::Municipality, None)}
            {select_cell(Column::Referrer, None)}
            {input_cell(Column::Start, "date")}
            {input_cell(Column::End, "date")}
            {select_cell(Column::EndStatus, None)}
            <td class="entry-actions">
                <form id=form_id on:submit=on_submit>
                    <button type="submit" class="primary" data-testid="participation-save" disabled=move || busy.get()>
                        {move || if is_edit { app.t().save } else { app.t().add_row }}
                    </button>
                    {is_edit.then(|| view! { <button type="button" on:click=cancel>{tr(|t| t.cancel)}</button> })}
                </form>
            </td>
        </tr>
        <Show when=move || !errors.with(FormErrors::is_empty) || failure.with(Option::is_some)>
            <tr class="entry-errors">
                <td colspan="10">
                    <ul class="field-error" role="alert" data-testid="participation-errors">
                        {error_list}
                        {move || failure.get().map(|f| view! { <li>{f}</li> })}
                    </ul>
                </td>
            </tr>
        </Show>
    }
}

/// The id of the insats a choice value names, if any.
pub fn insats_choice(value: &str) -> Option<RecordId> {
    (!value.is_empty())
        .then(|| RecordId::parse(value).ok())
        .flatten()
}
