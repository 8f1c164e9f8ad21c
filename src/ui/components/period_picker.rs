//! Picks a period: a kind, then a year and part, or two dates (with a
//! shortcut to any project's period).
//!
//! Guarantees: the picker only edits a [`PeriodDraft`]; whoever owns the
//! draft asks the core to parse it, so the board and the forms share one
//! rule for what a valid period is.

use crate::browser::clock::today;
use crate::browser::settings::{self, Key};
use crate::core::period::{remembered_or_this_year, Period, PeriodKind};
use crate::core::validate::{Field, FormErrors, PeriodDraft};
use crate::ui::forms::choice::EnumSelect;
use crate::ui::forms::controls::{field_error, Choice, ErrorText, SelectField, TextField};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

const KINDS: [PeriodKind; 6] = [
    PeriodKind::Year,
    PeriodKind::Tertial,
    PeriodKind::Half,
    PeriodKind::Quarter,
    PeriodKind::Month,
    PeriodKind::Range,
];

/// The period a page without one in its address starts on: the board's
/// remembered period, else this year (the rule is the core's).
pub fn start_period() -> Period {
    remembered_or_this_year(settings::get(Key::BoardPeriod).as_deref(), today())
}

/// The period controls, bound to `draft`; errors come from `errors`.
#[component]
pub fn PeriodPicker(
    #[prop(into)] id: String,
    draft: RwSignal<PeriodDraft>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let app = use_app();
    // Field-level signals mirror the draft so the generic controls can bind.
    let kind = RwSignal::new(draft.get_untracked().kind);
    let year = RwSignal::new(draft.get_untracked().year);
    let part = RwSignal::new(draft.get_untracked().part);
    let start = RwSignal::new(draft.get_untracked().start);
    let end = RwSignal::new(draft.get_untracked().end);
    let project = RwSignal::new(String::new());
    // Only the person's edits flow from the fields to the draft: the first
    // run just subscribes, so a picker created while its owner is updating
    // the draft (the board after loading data) never writes back a stale one.
    Effect::new(move |first_run_done: Option<()>| {
        let next = PeriodDraft {
            kind: kind.get(),
            year: year.get(),
            part: part.get(),
            start: start.get(),
            end: end.get(),
        };
        if first_run_done.is_some() {
            let current = draft.get_untracked();
            // A new kind moves to the period of that kind around the current
            // one (September → second half-year), so the part always fits.
            let next = if next.kind == current.kind {
                next
            } else {
                current.with_kind(next.kind)
            };
            if current != next {
                draft.set(next);
            }
        }
    });
    // A draft changed from outside (the URL, a reset) updates the fields.
    Effect::new(move |_| {
        let d = draft.get();
        if kind.get_untracked() != d.kind {
            kind.set(d.kind);
        }
        for (field, text) in [
            (year, d.year),
            (part, d.part),
            (start, d.start),
            (end, d.end),
        ] {
            if field.get_untracked() != text {
                field.set(text);
            }
        }
    });
    // Picking a project copies its period into the two dates.
    Effect::new(move |_| {
        let chosen = project.get();
        let period = app.ws.with_untracked(|w| {
            w.projects
                .live()
                .find(|p| p.meta.id.as_str() == chosen)
                .and_then(|p| p.period)
        });
        if let Some(p) = period {
            start.set(crate::core::period::iso_date(p.start()));
            end.set(crate::core::period::iso_date(p.end()));
        }
    });
    let part_choices = Signal::derive(move || {
        let t = app.t();
        let names: &[&str] = match kind.get() {
            PeriodKind::Tertial => &t.tertials,
            PeriodKind::Half => &t.halves,
            PeriodKind::Quarter => &t.quarters,
            _ => &t.months,
        };
        names
            .iter()
            .enumerate()
            .map(|(i, n)| Choice::new((i + 1).to_string(), *n))
            .collect::<Vec<_>>()
    });
    let project_choices = Signal::derive(move || {
        let t = app.t();
        let mut v = vec![Choice::new("", t.choose_option)];
        app.ws.with(|w| {
            v.extend(
                w.projects_by_name()
                    .into_iter()
                    .filter(|p| p.period.is_some())
                    .map(|p| Choice::new(p.meta.id.as_str(), p.name.clone())),
            )
        });
        v
    });
    let is = move |k: PeriodKind| kind.get() == k;
    let period_error = field_error(errors, Field::Period);
    let period_error_id = format!("{id}-period-error");
    let (kind_id, year_id, part_id) = (
        format!("{id}-kind"),
        format!("{id}-year"),
        format!("{id}-part"),
    );
    let (start_id, end_id, project_id) = (
        format!("{id}-start"),
        format!("{id}-end"),
        format!("{id}-project"),
    );
    view! {
        <fieldset class="period-picker">
            <legend>{tr(|t| t.period_label)}</legend>
            <EnumSelect id=kind_id label=tr(|t| t.period_kind_label) value=kind options=&KINDS text=|t, k| t.period_kind(k) />
            <Show when=move || !is(PeriodKind::Range)>
                <TextField id=year_id.clone() label=tr(|t| t.year_label) value=year inputmode="numeric" />
            </Show>
            <Show when=move || is(PeriodKind::Tertial) || is(PeriodKind::Half) || is(PeriodKind::Quarter) || is(PeriodKind::Month)>
                <SelectField id=part_id.clone() label=tr(|t| t.part_label) value=part choices=part_choices />
            </Show>
            <Show when=move || is(PeriodKind::Range)>
                <TextField id=start_id.clone() label=tr(|t| t.range_start) value=start input_type="date" error=field_error(errors, Field::Start) />
                <TextField id=end_id.clone() label=tr(|t| t.range_end) value=end input_type="date" error=field_error(errors, Field::End) />
                <SelectField id=project_id.clone() label=tr(|t| t.project_period_pick) value=project choices=project_choices />
            </Show>
            <ErrorText id=period_error_id.clone() error=period_error />
        </fieldset>
    }
}
