//! The form for a target, an outcome or a forecast.
//!
//! Guarantees: the core validates the whole draft (unit, range, duplicate
//! key, allowed breakdown); nothing is stored unless it passes, and the
//! typed values stay in the form when it does not.

use crate::core::codes;
use crate::core::model::{AgeBand, Dimension, Gender, Record, Referrer};
use crate::core::period::Period;
use crate::core::validate::{
    build_forecast, build_outcome, build_target, Field, FigureDraft, FormErrors,
};
use crate::core::value::{Answer, Unit};
use crate::ui::components::period_picker::PeriodPicker;
use crate::ui::forms::choice::project_and_insats_choices;
use crate::ui::forms::controls::{
    field_error, Choice, ErrorText, SelectField, TextArea, TextField,
};
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// Which of the three records the form makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A goal.
    Target,
    /// A result.
    Outcome,
    /// A prognos for a target's whole period.
    Forecast,
}

/// A target or outcome form, prefilled with `initial`; `editing` holds the
/// record as the form opened on it when an existing record is changed. `on_done` gets the
/// saved record's period, or `None` when cancelled.
#[component]
pub fn FigureForm(
    kind: FigureKind,
    initial: FigureDraft,
    #[prop(optional)] editing: Option<Record>,
    on_done: Callback<Option<Period>>,
    /// The level of the form's heading: 3 under a section's `h2` (a
    /// project's or insats's figures), 2 right under a page's `h1` (an
    /// indicator's page), so no heading level is skipped.
    #[prop(default = 3)]
    heading: u8,
) -> impl IntoView {
    let app = use_app();
    let prefix = match kind {
        FigureKind::Target => "target",
        FigureKind::Outcome => "outcome",
        FigureKind::Forecast => "forecast",
    };
    let indicator = RwSignal::new(initial.indicator.clone());
    let scope = RwSignal::new(initial.scope.clone());
    let period = RwSignal::new(initial.period.clone());
    // The breakdown's code, empty for none.
    let dimension = RwSignal::new(
        initial
            .dimension
            .map(|d| codes::code(&d))
            .unwrap_or_default(),
    );
    let chosen_dimension = Memo::new(move |_| codes::from_code::<Dimension>(&dimension.get()).ok());
    let slice = RwSignal::new(initial.slice.clone());
    let value = RwSignal::new(initial.value.clone());
    let reported_on = RwSignal::new(initial.reported_on.clone());
    let note = RwSignal::new(initial.note.clone());
    let form = FormState::new(app);
    let errors = form.errors;

    let chosen_indicator = Memo::new(move |_| {
        let id = indicator.get();
        app.ws.with(|w| {
            w.indicators
                .live()
                .find(|i| i.meta.id.as_str() == id)
                .cloned()
        })
    });
    let indicator_choices = Signal::derive(move || {
        let mut v = vec![Choice::new("", app.t().choose_option)];
        app.ws.with(|w| {
            v.extend(
                w.indicators_by_name()
                    .into_iter()
                    .map(|i| Choice::new(i.meta.id.as_str(), i.name.clone())),
            )
        });
        v
    });
    let scope_choices = Signal::derive(move || {
        let t = app.t();
        let mut v = vec![Choice::new("forbund", t.whole_forbund)];
        app.ws.with(|w| v.extend(project_and_insats_choices(w, t)));
        v
    });
    let dimension_choices = Signal::derive(move || {
        let t = app.t();
        let mut v = vec![Choice::new("", t.breakdown_total)];
        if let Some(ind) = chosen_indicator.get() {
            v.extend(
                ind.dimensions
                    .iter()
                    .map(|d| Choice::new(codes::code(d), t.dimension(*d))),
            );
        }
        v
    });
    let slice_choices = Signal::derive(move || {
        let t = app.t();
        let mut v = vec![Choice::new("", t.choose_option)];
        match chosen_dimension.get() {
            Some(Dimension::Municipality) => app.ws.with(|w| {
                v.extend(
                    w.municipalities_by_name()
                        .into_iter()
                        .map(|m| Choice::new(m.meta.id.as_str(), m.name.clone())),
                )
            }),
            Some(Dimension::Gender) => v.extend(
                Gender::ALL
                    .iter()
                    .map(|g| Choice::new(codes::code(g), t.gender(*g))),
            ),
            Some(Dimension::Referrer) => v.extend(
                Referrer::ALL
                    .iter()
                    .map(|r| Choice::new(codes::code(r), t.referrer(*r))),
            ),
            Some(Dimension::AgeBand) => v.extend(
                AgeBand::ALL
                    .iter()
                    .map(|a| Choice::new(codes::code(a), t.age_band(*a))),
            ),
            _ => {}
        }
        v
    });
    // A new breakdown starts with no slice chosen, and an indicator that
    // does not allow the chosen breakdown falls back to the total.
    Effect::new(move |first_run_done: Option<()>| {
        dimension.track();
        if first_run_done.is_some() {
            slice.set(String::new());
        }
    });
    Effect::new(move |_| {
        let d = chosen_dimension.get_untracked();
        let allowed =
            d.is_none() || chosen_indicator.with(|i| i.as_ref().is_some_and(|i| i.allows(d)));
        if !allowed {
            dimension.set(String::new());
        }
    });
    let value_hint = Signal::derive(move || {
        let t = app.t();
        match chosen_indicator.get().map(|i| i.unit) {
            Some(Unit::Percent) => t.value_hint_percent.to_owned(),
            Some(Unit::Kronor) => t.value_hint_kronor.to_owned(),
            _ => t.value_hint_count.to_owned(),
        }
    });

    let is_yes_no =
        move || chosen_indicator.with(|i| i.as_ref().is_some_and(|i| i.unit == Unit::YesNo));

    let editing_meta = editing.clone();
    let submit = move |()| {
        let draft = FigureDraft {
            indicator: indicator.get_untracked(),
            scope: scope.get_untracked(),
            period: period.get_untracked(),
            dimension: chosen_dimension.get_untracked(),
            slice: slice.get_untracked(),
            // A yes/no target has no value to type: the core reads none as
            // "ska uppfyllas".
            value: if kind == FigureKind::Target && is_yes_no() {
                String::new()
            } else {
                value.get_untracked()
            },
            reported_on: reported_on.get_untracked(),
            note: note.get_untracked(),
        };
        let meta = editing_meta
            .as_ref()
            .map(|r| r.meta().clone())
            .unwrap_or_else(|| app.new_meta());
        let built: Result<Record, FormErrors> = app.ws.with_untracked(|w| match kind {
            FigureKind::Target => build_target(&draft, w, meta).map(Record::Target),
            FigureKind::Outcome => build_outcome(&draft, w, meta).map(Record::Outcome),
            FigureKind::Forecast => build_forecast(&draft, w, meta).map(Record::Forecast),
        });
        form.submit(built, |record| {
            let period = match &record {
                Record::Target(t) => Some(t.period),
                Record::Outcome(o) => Some(o.period),
                Record::Forecast(f) => Some(f.period),
                _ => None,
            };
            let edit = Edit::from_form(editing_meta.clone(), record);
            (edit, move || on_done.run(period))
        });
    };
    let title = move || {
        let t = app.t();
        match (kind, editing.is_some()) {
            (FigureKind::Target, false) => t.add_target,
            (FigureKind::Target, true) => t.edit_target,
            (FigureKind::Outcome, false) => t.add_outcome,
            (FigureKind::Outcome, true) => t.edit_outcome,
            (FigureKind::Forecast, false) => t.economy.add_forecast,
            (FigureKind::Forecast, true) => t.economy.edit_forecast,
        }
    };
    let is_provider = move || chosen_dimension.get() == Some(Dimension::Provider);
    let has_slice = move || !dimension.get().is_empty();
    let title_view = if heading <= 2 {
        view! { <h2>{title}</h2> }.into_any()
    } else {
        view! { <h3>{title}</h3> }.into_any()
    };
    view! {
        <RecordForm testid=format!("{prefix}-form") form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None)) heading=title_view>
            <SelectField id=format!("{prefix}-indicator") label=tr(|t| t.col_indicator) value=indicator choices=indicator_choices error=field_error(errors, Field::Indicator) />
            <SelectField id=format!("{prefix}-scope") label=tr(|t| t.scope_label) value=scope choices=scope_choices error=field_error(errors, Field::Scope) />
            <PeriodPicker id=format!("{prefix}-period") draft=period errors=errors />
            <SelectField id=format!("{prefix}-dimension") label=tr(|t| t.breakdown_label) value=dimension choices=dimension_choices />
            <Show when=move || has_slice() && !is_provider()>
                <SelectField id=format!("{prefix}-slice") label=tr(|t| t.slice_label) value=slice choices=slice_choices error=field_error(errors, Field::Breakdown) />
            </Show>
            <Show when=is_provider>
                <TextField id=format!("{prefix}-provider") label=tr(|t| t.provider) value=slice error=field_error(errors, Field::Breakdown) />
            </Show>
            <Show when=move || !is_yes_no()>
                <TextField id=format!("{prefix}-value") label=tr(|t| t.value_label) value=value inputmode="decimal" hint=value_hint error=field_error(errors, Field::Value) required=true />
            </Show>
            <Show when=move || is_yes_no() && kind == FigureKind::Target>
                <p class="hint" data-testid="yes-no-target">{tr(|t| t.yes_no_target_hint)}</p>
            </Show>
            <Show when=move || is_yes_no() && kind != FigureKind::Target>
                <AnswerField prefix=prefix value=value error=field_error(errors, Field::Value) />
            </Show>
            {(kind == FigureKind::Outcome).then(|| view! {
                <TextField id=format!("{prefix}-reported") label=tr(|t| t.reported_on) value=reported_on input_type="date" error=field_error(errors, Field::ReportedOn) />
            })}
            {(kind == FigureKind::Forecast).then(|| view! {
                <p class="hint" data-testid="forecast-hint">{tr(|t| t.economy.forecast_hint)}</p>
                <TextField id=format!("{prefix}-made-on") label=tr(|t| t.economy.made_on) value=reported_on input_type="date" error=field_error(errors, Field::ReportedOn) />
            })}
            <TextArea id=format!("{prefix}-note") label=tr(|t| t.note_label) value=note error=field_error(errors, Field::Note) />
        </RecordForm>
    }
}

/// Three radio buttons for a yes/no outcome (uppfyllt, ej uppfyllt, ännu
/// inte känt); `value` holds the chosen answer's code.
#[component]
fn AnswerField(
    prefix: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let error_id = format!("{prefix}-answer-error");
    let described = error_id.clone();
    view! {
        <fieldset class="checks" data-testid=format!("{prefix}-answer") aria-describedby=described>
            <legend>{tr(|t| t.yes_no_question)}</legend>
            {Answer::ALL.into_iter().map(|a| {
                let code = codes::code(&a);
                let id = format!("{prefix}-answer-{code}");
                let for_id = id.clone();
                view! {
                    <label for=for_id class="check">
                        <input type="radio" id=id name=format!("{prefix}-answer") value=code.clone()
                            prop:checked={
                                let code = code.clone();
                                move || value.with(|v| *v == code)
                            }
                            on:change=move |_| value.set(code.clone()) />
                        {move || capitalised(app.t().numbers.yes_no_words(a))}
                    </label>
                }
            }).collect_view()}
            <ErrorText id=error_id error=error />
        </fieldset>
    }
}

/// The words with a capital first letter, as a choice reads.
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
