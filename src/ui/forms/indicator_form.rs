//! The indicator form.

use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{Dimension, Direction, FlowMeasure, Indicator, Record};
use crate::core::reports::newsletter::template::Gap;
use crate::core::reports::newsletter::{sentence_preview, Written};
use crate::core::validate::{build_indicator, indicator_unit, Field, IndicatorDraft};
use crate::core::value::Unit;
use crate::ui::forms::choice::EnumSelect;
use crate::ui::forms::controls::{
    field_error, CheckField, Choice, SelectField, TextArea, TextField,
};
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// Creates an indicator, or edits `existing`; `on_done` gets the saved id,
/// or `None` when cancelled.
#[component]
pub fn IndicatorForm(
    #[prop(optional)] existing: Option<Indicator>,
    on_done: Callback<Option<RecordId>>,
) -> impl IntoView {
    let app = use_app();
    let d = existing
        .as_ref()
        .map(IndicatorDraft::from_indicator)
        .unwrap_or_else(IndicatorDraft::empty);
    let name = RwSignal::new(d.name);
    let unit = RwSignal::new(d.unit);
    let definition = RwSignal::new(d.definition);
    let numerator = RwSignal::new(d.numerator);
    let denominator = RwSignal::new(d.denominator);
    let direction = RwSignal::new(d.direction);
    let dimensions = RwSignal::new(d.dimensions);
    let tolerance = RwSignal::new(d.tolerance);
    let prorate = RwSignal::new(d.prorate);
    let sentence = RwSignal::new(d.sentence);
    let computed = RwSignal::new(d.computed.map(|m| codes::code(&m)).unwrap_or_default());
    let ratio_numerator = RwSignal::new(d.ratio_numerator);
    let ratio_denominator = RwSignal::new(d.ratio_denominator);
    let is_ratio = move || ratio_numerator.with(|n| !n.is_empty());
    let is_manual = move || computed.with(String::is_empty);
    let computed_choices = Signal::derive(move || {
        let t = app.t();
        std::iter::once(Choice::new("", t.source_manual))
            .chain(
                FlowMeasure::SOURCES
                    .iter()
                    .map(|m| Choice::new(codes::code(m), t.flow_measure(*m))),
            )
            .collect::<Vec<_>>()
    });
    let existing_id = existing.as_ref().map(|i| i.meta.id.clone());
    // The indicators a ratio may name: others of `unit` that are no ratio.
    let others_in = {
        let own = existing_id.clone();
        move |unit: Unit| {
            let own = own.clone();
            app.ws.with(move |w| {
                w.indicators_by_name()
                    .into_iter()
                    .filter(|i| {
                        i.unit == unit && i.ratio.is_none() && Some(&i.meta.id) != own.as_ref()
                    })
                    .map(|i| Choice::new(i.meta.id.as_str(), i.name.clone()))
                    .collect::<Vec<_>>()
            })
        }
    };
    let numerator_choices = {
        let others_in = others_in.clone();
        Signal::derive(move || {
            let mut v = vec![Choice::new("", app.t().economy.ratio_none)];
            v.extend(others_in(Unit::Kronor));
            v
        })
    };
    let denominator_choices = Signal::derive(move || {
        let e = app.t().economy;
        let mut v = vec![
            Choice::new("", app.t().choose_option),
            Choice::new("participants", e.per_participant),
            Choice::new("work_or_studies", e.per_work_or_studies),
        ];
        v.extend(others_in(Unit::Count));
        v
    });
    // The sentence as the block would write it for the latest year with a
    // figure, redrawn as it is typed; the core decides every word.
    let preview = Memo::new(move |_| {
        let text = sentence.get();
        let id = existing_id.clone()?;
        app.ws.with(|w| sentence_preview(w, &id, &text))
    });
    let form = FormState::new(app);
    let errors = form.errors;
    let measure = move || {
        FlowMeasure::SOURCES
            .into_iter()
            .find(|m| computed.with(|c| codes::code(m) == *c))
    };
    let form_unit = move || indicator_unit(unit.get(), measure(), is_manual() && is_ratio());
    let is_percent = move || form_unit() == Unit::Percent;
    let is_yes_no = move || form_unit() == Unit::YesNo;
    let submit = move |()| {
        let draft = IndicatorDraft {
            name: name.get_untracked(),
            unit: form_unit(),
            definition: definition.get_untracked(),
            numerator: numerator.get_untracked(),
            denominator: denominator.get_untracked(),
            direction: direction.get_untracked(),
            // A yes/no indicator is offered neither breakdowns nor pro
            // rata, so the form sends none.
            dimensions: if is_yes_no() {
                Vec::new()
            } else {
                dimensions.get_untracked()
            },
            tolerance: tolerance.get_untracked(),
            prorate: prorate.get_untracked() && !is_yes_no(),
            computed: FlowMeasure::SOURCES
                .into_iter()
                .find(|m| computed.with_untracked(|c| codes::code(m) == *c)),
            sentence: sentence.get_untracked(),
            // Only an indicator in kronor typed by hand offers a ratio.
            ratio_numerator: if is_manual() && unit.get_untracked() == Unit::Kronor {
                ratio_numerator.get_untracked()
            } else {
                String::new()
            },
            ratio_denominator: ratio_denominator.get_untracked(),
        };
        let build = |w: &_, meta| build_indicator(&draft, w, meta);
        form.submit_record(existing.as_ref(), Record::Indicator, build, on_done);
    };
    view! {
        <RecordForm testid="indicator-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None))>
            <TextField id="indicator-name" label=tr(|t| t.name_label) value=name error=field_error(errors, Field::Name) required=true />
            // Offered once there are participations to count (or the
            // indicator is computed already).
            <Show when=move || !is_manual() || app.ws.with(|w| w.participations.live_count() > 0 || w.meetings.live_count() > 0)>
                <SelectField id="indicator-source" label=tr(|t| t.outcome_source) value=computed choices=computed_choices />
            </Show>
            <div class="field-row">
                <Show when=is_manual>
                    <EnumSelect id="indicator-unit" label=tr(|t| t.unit_label) value=unit options=&[Unit::Count, Unit::Percent, Unit::YesNo, Unit::Kronor] text=|t, u| t.unit(u) error=field_error(errors, Field::Unit) />
                </Show>
                <Show when=move || !is_yes_no()>
                    <EnumSelect id="indicator-direction" label=tr(|t| t.direction_label) value=direction options=&[Direction::HigherIsBetter, Direction::LowerIsBetter] text=|t, d| t.direction(d) />
                </Show>
            </div>
            <Show when=move || is_manual() && unit.get() == Unit::Kronor>
                <div class="field-row">
                    <SelectField id="indicator-ratio-numerator" label=tr(|t| t.economy.ratio_numerator) value=ratio_numerator choices=numerator_choices error=field_error(errors, Field::RatioNumerator) />
                    <Show when=is_ratio>
                        <SelectField id="indicator-ratio-denominator" label=tr(|t| t.economy.ratio_denominator) value=ratio_denominator choices=denominator_choices error=field_error(errors, Field::RatioDenominator) />
                    </Show>
                </div>
                <p class="hint">{tr(|t| t.economy.ratio_hint)}</p>
            </Show>
            <TextArea id="indicator-definition" label=tr(|t| t.definition) value=definition error=field_error(errors, Field::Description) />
            <Show when=is_percent>
                <TextField id="indicator-numerator" label=tr(|t| t.numerator) value=numerator error=field_error(errors, Field::Numerator) required=true />
                <TextField id="indicator-denominator" label=tr(|t| t.denominator) value=denominator error=field_error(errors, Field::Denominator) required=true />
            </Show>
            <Show when=move || !is_yes_no()>
            <fieldset class="checks">
                <legend>{tr(|t| t.dimensions_label)}</legend>
                {Dimension::ALL.into_iter().map(|dim| {
                    let id = format!("indicator-dim-{}", codes::code(&dim));
                    view! {
                        <label for=id.clone() class="check">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || dimensions.with(|v| v.contains(&dim))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    dimensions.update(|v| { v.retain(|x| *x != dim); if on { v.push(dim); } });
                                } />
                            {move || app.t().dimension(dim)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <TextField id="indicator-tolerance" label=tr(|t| t.tolerance) value=tolerance inputmode="numeric" hint=move || app.t().tolerance_hint error=field_error(errors, Field::Tolerance) />
            </Show>
            <Show when=move || form_unit().accumulates() && is_manual() && !is_ratio()>
                <CheckField id="indicator-prorate" label=tr(|t| t.prorate) checked=prorate />
            </Show>
            <TextArea id="indicator-sentence" label=tr(|t| t.meetings.sentence_label) value=sentence error=field_error(errors, Field::Sentence) />
            <p class="hint" id="indicator-sentence-hint">{tr(|t| t.meetings.sentence_hint)}</p>
            <div class="sentence-preview" data-testid="indicator-sentence-preview" aria-live="polite">
                {move || {
                    let t = app.t();
                    match preview.get() {
                        None => view! { <p>{t.meetings.sentence_no_data}</p> }.into_any(),
                        Some(p) => {
                            let why = match &p.written {
                                Written::Own => (t.meetings.sentence_preview)(p.year, &p.scope),
                                Written::Plain => format!("{} {}", (t.meetings.sentence_preview)(p.year, &p.scope), t.meetings.sentence_plain),
                                Written::Missing(Gap::Figure(name)) => (t.meetings.sentence_missing)(name),
                                Written::Missing(Gap::OtherScope(name)) => (t.meetings.sentence_other_scope)(name),
                                Written::Missing(Gap::TargetNotMet) => t.meetings.sentence_not_met.into(),
                                Written::Invalid(e) => crate::ui::i18n::problems::template(t, e),
                            };
                            view! {
                                <p class="hint">{why}</p>
                                <blockquote data-testid="indicator-sentence-text">{p.text}</blockquote>
                            }.into_any()
                        }
                    }
                }}
            </div>
        </RecordForm>
    }
}
