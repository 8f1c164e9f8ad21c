//! Indicators: the list, and one indicator's page with every target,
//! outcome, forecast and comment recorded for it, editable row by row.

use crate::core::ids::RecordId;
use crate::core::model::{Comment, FigureKey, Forecast, Indicator, Outcome, Record, Scope, Target};
use crate::core::route::Route;
use crate::core::validate::FigureDraft;
use crate::core::value::Unit;
use crate::core::workspace::Workspace;
use crate::ui::components::comment_view::comment_answers;
use crate::ui::components::confirm_delete::DeleteButton;
use crate::ui::components::first_steps::StandardIndicators;
use crate::ui::components::record_list::{records_memo, RecordList};
use crate::ui::components::scope_figures::this_year;
use crate::ui::components::scroll_table::{Column, ScrollTable};
use crate::ui::forms::comment_form::CommentForm;
use crate::ui::forms::figure_form::{FigureForm, FigureKind};
use crate::ui::forms::indicator_form::IndicatorForm;
use crate::ui::i18n::names::{scope_name, slice_name};
use crate::ui::i18n::Texts;
use crate::ui::pages::not_found::RecordMissing;
use crate::ui::router::use_nav;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// All indicators, and a form for a new one.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let app = use_app();
    let indicators = records_memo(app, Workspace::indicators_by_name);
    view! {
        <RecordList
            title=|t| t.indicators_title
            new_label=|t| t.new_indicator
            new_testid="new-indicator"
            empty_text=|t| t.no_indicators
            list_testid="indicator-list"
            empty=move || indicators.with(Vec::is_empty)
            page=Route::Indicator
            form=|on_done| view! { <IndicatorForm on_done=on_done /> }.into_any()
            rows=move || indicators.get().into_iter().map(|i| {
                let unit = i.unit;
                view! {
                    <li>
                        <a href=Route::Indicator(i.meta.id.clone()).href()>{i.name.clone()}</a>
                        <span class="sub">{move || app.t().unit(unit)}</span>
                        {(!i.definition.is_empty()).then(|| view! { <span class="sub">{i.definition.clone()}</span> })}
                    </li>
                }
            }).collect_view()
        >
            <StandardIndicators />
        </RecordList>
    }
}

/// One indicator.
/// `id` comes from the address; an unknown or deleted id shows a not-found
/// message.
#[component]
pub fn IndicatorPage(id: RecordId) -> impl IntoView {
    let app = use_app();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| app.ws.with(|w| w.indicators.get(&id).is_some()))
    };
    move || {
        if exists.get() {
            view! { <IndicatorView id=id.clone() /> }.into_any()
        } else {
            view! { <RecordMissing /> }.into_any()
        }
    }
}

/// What the figure or comment form is doing on this page.
#[derive(Clone)]
enum Editing {
    New(FigureKind),
    Target(Target),
    Outcome(Outcome),
    Forecast(Forecast),
    NewComment,
    Comment(Comment),
}

/// The page body; only the heading and facts follow edits of the
/// indicator, so an open target or outcome form keeps what is typed in it.
#[component]
fn IndicatorView(id: RecordId) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(None::<Editing>);
    let (id0, id1, id2, id3) = (id.clone(), id.clone(), id.clone(), id.clone());
    let (id4, id5, id6) = (id.clone(), id.clone(), id.clone());
    let indicator = Memo::new(move |_| app.ws.with(|w| w.indicators.get(&id0).cloned()));
    let targets = Memo::new(move |_| {
        app.ws
            .with(|w| w.targets_of(&id1).into_iter().cloned().collect::<Vec<_>>())
    });
    let outcomes = Memo::new(move |_| {
        app.ws
            .with(|w| w.outcomes_of(&id2).into_iter().cloned().collect::<Vec<_>>())
    });
    let forecasts = Memo::new(move |_| {
        app.ws.with(|w| {
            w.forecasts_of(&id4)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let comments = Memo::new(move |_| {
        app.ws
            .with(|w| w.comments_of(&id5).into_iter().cloned().collect::<Vec<_>>())
    });
    let form = move || {
        editing.get().map(|e| {
            let done = Callback::new(move |_| editing.set(None));
            let indicator = id6.clone();
            match e {
                Editing::New(kind) => {
                    let draft = FigureDraft::new(id3.as_str(), &Scope::Forbund, this_year());
                    view! { <FigureForm kind=kind initial=draft on_done=done heading=2 /> }.into_any()
                }
                Editing::Target(t) => view! { <FigureForm kind=FigureKind::Target initial=FigureDraft::from_target(&t) editing=Record::Target(t.clone()) on_done=done heading=2 /> }.into_any(),
                Editing::Outcome(o) => view! { <FigureForm kind=FigureKind::Outcome initial=FigureDraft::from_outcome(&o) editing=Record::Outcome(o.clone()) on_done=done heading=2 /> }.into_any(),
                Editing::Forecast(f) => view! { <FigureForm kind=FigureKind::Forecast initial=FigureDraft::from_forecast(&f) editing=Record::Forecast(f.clone()) on_done=done heading=2 /> }.into_any(),
                Editing::NewComment => view! { <CommentForm indicator=indicator on_done=done /> }.into_any(),
                Editing::Comment(c) => view! { <CommentForm indicator=indicator editing=c on_done=done /> }.into_any(),
            }
        })
    };
    // The copy the indicator's edit form was opened on, while it is open:
    // the form lives outside what follows the record, so a save in another
    // tab leaves it and what is typed in it alone.
    let editing_indicator = RwSignal::new(None::<Indicator>);
    let indicator_done = Callback::new(move |_| editing_indicator.set(None));
    view! {
        <h1 data-testid="page-title">{move || indicator.with(|i| i.as_ref().map(|i| i.name.clone()))}</h1>
        {move || match editing_indicator.get() {
            Some(opened) => view! { <IndicatorForm existing=opened on_done=indicator_done /> }.into_any(),
            None => (move || indicator.get().map(|i| view! { <IndicatorFacts indicator=i editing=editing_indicator /> })).into_any(),
        }}
        <div class="actions">
            <button type="button" data-testid="add-target" on:click=move |_| editing.set(Some(Editing::New(FigureKind::Target)))>{tr(|t| t.add_target)}</button>
            <button type="button" data-testid="add-outcome" on:click=move |_| editing.set(Some(Editing::New(FigureKind::Outcome)))>{tr(|t| t.add_outcome)}</button>
            <button type="button" data-testid="add-forecast" on:click=move |_| editing.set(Some(Editing::New(FigureKind::Forecast)))>{tr(|t| t.economy.add_forecast)}</button>
            <button type="button" data-testid="add-comment" on:click=move |_| editing.set(Some(Editing::NewComment))>{tr(|t| t.economy.add_comment)}</button>
        </div>
        {form}
        <h2>{tr(|t| t.targets_title)}</h2>
        <FigureRows rows=Signal::derive(move || targets.get().into_iter().map(FigureRow::Target).collect()) editing=editing />
        <h2>{tr(|t| t.outcomes_title)}</h2>
        <FigureRows rows=Signal::derive(move || outcomes.get().into_iter().map(FigureRow::Outcome).collect()) editing=editing />
        <h2>{tr(|t| t.economy.forecasts_title)}</h2>
        <FigureRows rows=Signal::derive(move || forecasts.get().into_iter().map(FigureRow::Forecast).collect()) editing=editing />
        <h2>{tr(|t| t.economy.comments_title)}</h2>
        <CommentRows rows=comments editing=editing />
    }
}

/// The indicator's facts, and its edit and delete controls; `edit` opens
/// the edit form on this copy.
#[component]
fn IndicatorFacts(indicator: Indicator, editing: RwSignal<Option<Indicator>>) -> impl IntoView {
    let app = use_app();
    let nav = use_nav();
    let i = indicator.clone();
    let unit = i.unit;
    let direction = i.direction;
    let dims = i.dimensions.clone();
    let ratio = i.ratio.clone();
    let (id, name) = (indicator.meta.id.clone(), indicator.name.clone());
    let on_deleted = Callback::new(move |()| {
        nav.go(Route::Indicators);
    });
    view! {
            <dl class="facts">
                <dt>{tr(|t| t.unit_label)}</dt><dd>{move || app.t().unit(unit)}</dd>
                {(!i.definition.is_empty()).then(|| view! { <dt>{tr(|t| t.definition)}</dt><dd>{i.definition.clone()}</dd> })}
                {(unit == Unit::Percent).then(|| {
                    let (n, d) = (i.numerator.clone(), i.denominator.clone());
                    view! { <dt>{tr(|t| t.numerator)}</dt><dd>{n}</dd><dt>{tr(|t| t.denominator)}</dt><dd>{d}</dd> }
                })}
                // A yes/no goal is met or not: no direction, no "near".
                {(unit != Unit::YesNo).then(|| view! {
                    <dt>{tr(|t| t.direction_label)}</dt><dd>{move || app.t().direction(direction)}</dd>
                    <dt>{tr(|t| t.tolerance)}</dt><dd>{move || (app.t().near_rule)(i.tolerance_percent, direction)}</dd>
                })}
                {ratio.map(|r| view! { <dt>{tr(|t| t.economy.ratio_numerator)}</dt><dd data-testid="ratio">{move || app.ws.with(|w| ratio_words(w, app.t(), &r))}</dd> })}
                {(!dims.is_empty()).then(|| {
                    let dims = dims.clone();
                    view! { <dt>{tr(|t| t.dimensions_label)}</dt><dd>{move || dims.iter().map(|d| app.t().dimension(*d)).collect::<Vec<_>>().join(", ")}</dd> }
                })}
            </dl>
            <div class="actions">
                <button type="button" data-testid="edit" on:click=move |_| editing.set(Some(indicator.clone()))>{tr(|t| t.edit)}</button>
                <DeleteButton id=id.clone() name=name.clone() on_deleted=on_deleted />
            </div>
    }
}

/// A ratio in words: "Kostnad mot budget per deltagare (aktiva under
/// perioden)".
fn ratio_words(w: &Workspace, t: &Texts, r: &crate::core::model::Ratio) -> String {
    use crate::core::model::Denominator;
    let name = |id: &RecordId| {
        w.indicators
            .get_any(id)
            .map_or_else(|| "?".to_owned(), |i| i.name.clone())
    };
    let per = match &r.denominator {
        Denominator::Participants => t.economy.per_participant.to_owned(),
        Denominator::WorkOrStudies => t.economy.per_work_or_studies.to_owned(),
        Denominator::Indicator(id) => name(id),
    };
    (t.economy.ratio_words)(&name(&r.numerator), &per)
}

/// A target, an outcome or a forecast as one table row.
#[derive(Clone, PartialEq)]
enum FigureRow {
    Target(Target),
    Outcome(Outcome),
    Forecast(Forecast),
}

#[component]
fn FigureRows(rows: Signal<Vec<FigureRow>>, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.no_figures)}</p> }>
            <ScrollTable
                class="figure-table"
                columns=vec![
                    Column::text(|t| t.col_scope),
                    Column::text(|t| t.col_period),
                    Column::text(|t| t.col_slice),
                    Column::figures(|t| t.value_label),
                    Column::text(|t| t.col_note),
                    Column::text(|t| t.col_actions),
                ]
                rows=rows
                row=move |w: &Workspace, t: &'static Texts, row: FigureRow| figure_row(w, t, row, editing)
            />
        </Show>
    }
}

/// One target's or outcome's row, with its edit and delete buttons.
fn figure_row(
    w: &Workspace,
    t: &'static Texts,
    row: FigureRow,
    editing: RwSignal<Option<Editing>>,
) -> impl IntoView {
    let (meta, key, note) = match &row {
        FigureRow::Target(x) => (x.meta.clone(), x.key(), x.note.clone()),
        FigureRow::Outcome(x) => (x.meta.clone(), x.key(), x.note.clone()),
        FigureRow::Forecast(x) => (x.meta.clone(), x.key(), x.note.clone()),
    };
    let FigureKey {
        scope,
        period,
        breakdown,
        ..
    } = key;
    let shown = match &row {
        FigureRow::Target(x) => t.numbers.target(x.value),
        FigureRow::Outcome(Outcome { value, .. }) | FigureRow::Forecast(Forecast { value, .. }) => {
            t.numbers.value(*value)
        }
    };
    let edit_as = match row {
        FigureRow::Target(x) => Editing::Target(x),
        FigureRow::Outcome(x) => Editing::Outcome(x),
        FigureRow::Forecast(x) => Editing::Forecast(x),
    };
    let label = format!("{} {}", t.numbers.period(&period), shown);
    let scope_label = scope_name(w, t, &scope);
    let slice = breakdown
        .as_ref()
        .map(|b| slice_name(w, t, b))
        .unwrap_or_else(|| "–".into());
    view! {
        <tr data-testid="figure-row">
            <td><a href=Route::of_scope(&scope).href()>{scope_label}</a></td>
            <td>{t.numbers.period(&period)}</td>
            <td>{slice}</td>
            <td class="num">{shown}</td>
            <td>{note}</td>
            <td class="row-actions">
                <button type="button" class="link-button" aria-label=format!("{} {}", t.edit, label.clone()) on:click=move |_| editing.set(Some(edit_as.clone()))>{t.edit}</button>
                <DeleteButton id=meta.id.clone() name=label on_deleted=Callback::new(|()| {}) />
            </td>
        </tr>
    }
}

/// The indicator's comments, one row each, with edit and delete buttons.
#[component]
fn CommentRows(rows: Memo<Vec<Comment>>, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p>{tr(|t| t.economy.no_comments)}</p> }>
            <ScrollTable
                class="comment-table"
                testid="comment-table"
                columns=vec![
                    Column::text(|t| t.col_scope),
                    Column::text(|t| t.col_period),
                    Column::text(|t| t.col_slice),
                    Column::text(|t| t.economy.comments_title),
                    Column::text(|t| t.col_actions),
                ]
                rows=rows
                row=move |w: &Workspace, t: &'static Texts, c: Comment| comment_row(w, t, c, editing)
            />
        </Show>
    }
}

/// One comment's row: where and when, its answers, edit and delete.
fn comment_row(
    w: &Workspace,
    t: &'static Texts,
    c: Comment,
    editing: RwSignal<Option<Editing>>,
) -> impl IntoView {
    let scope_label = scope_name(w, t, &c.scope);
    let slice = c
        .breakdown
        .as_ref()
        .map(|b| slice_name(w, t, b))
        .unwrap_or_else(|| "–".into());
    let label = (t.economy.comment_caption)(&t.numbers.period(&c.period));
    let id = c.meta.id.clone();
    let scope = c.scope.clone();
    let period = c.period;
    let answers = comment_answers(t, &c);
    view! {
        <tr data-testid="comment-row">
            <td><a href=Route::of_scope(&scope).href()>{scope_label}</a></td>
            <td>{t.numbers.period(&period)}</td>
            <td>{slice}</td>
            <td>{answers}</td>
            <td class="row-actions">
                <button type="button" class="link-button" aria-label=format!("{} {}", t.edit, label.clone()) on:click=move |_| editing.set(Some(Editing::Comment(c.clone())))>{t.edit}</button>
                <DeleteButton id=id name=label on_deleted=Callback::new(|()| {}) />
            </td>
        </tr>
    }
}
