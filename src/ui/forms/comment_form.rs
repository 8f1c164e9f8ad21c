//! The form for a written comment on one of an indicator's targets: which
//! target, the period reported on, and what happened, why and what the
//! förbund does next.
//!
//! Guarantees: the core validates the whole draft (a target that applies
//! during the period, one comment per target and period, at least one
//! answer, no personal number); nothing is stored unless it passes, and
//! what is typed stays in the form when it does not.

use crate::core::goals::target_of_comment;
use crate::core::ids::RecordId;
use crate::core::model::{Comment, Record, Target};
use crate::core::period::Period;
use crate::core::validate::{build_comment, CommentDraft, Field, FigureDraft, PeriodDraft};
use crate::ui::components::period_picker::{start_period, PeriodPicker};
use crate::ui::forms::controls::{field_error, Choice, SelectField, TextArea};
use crate::ui::forms::submit::{FormState, RecordForm};
use crate::ui::i18n::names::{scope_name, slice_name};
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// A target as the comment form's choice names it: level, slice, period
/// and value.
fn target_choice(
    w: &crate::core::workspace::Workspace,
    t: &crate::ui::i18n::Texts,
    target: &Target,
) -> Choice {
    let mut label = scope_name(w, t, &target.scope);
    if let Some(b) = &target.breakdown {
        label.push_str(", ");
        label.push_str(&slice_name(w, t, b));
    }
    label.push_str(&format!(
        " · {} · {}",
        t.numbers.period(&target.period),
        t.numbers.target(target.value)
    ));
    Choice::new(target.meta.id.as_str(), label)
}

/// A comment form for one of `indicator`'s targets; `editing` holds the
/// comment as the form opened on it when an existing one is changed.
/// `on_done` gets the saved comment's period, or `None` when cancelled.
#[component]
pub fn CommentForm(
    indicator: RecordId,
    #[prop(optional)] editing: Option<Comment>,
    on_done: Callback<Option<Period>>,
) -> impl IntoView {
    let app = use_app();
    let form = FormState::new(app);
    let errors = form.errors;
    // The target is named by its id; an edited comment's is the core's
    // (`goals::target_of_comment`).
    let opened_on = editing.as_ref().and_then(|c| {
        app.ws
            .with_untracked(|w| target_of_comment(w, &c.key()).map(|t| t.meta.id.to_string()))
    });
    let target = RwSignal::new(opened_on.unwrap_or_default());
    let period = RwSignal::new(PeriodDraft::from_period(
        &editing.as_ref().map_or_else(start_period, |c| c.period),
    ));
    let happened = RwSignal::new(
        editing
            .as_ref()
            .map(|c| c.happened.clone())
            .unwrap_or_default(),
    );
    let why = RwSignal::new(editing.as_ref().map(|c| c.why.clone()).unwrap_or_default());
    let next = RwSignal::new(editing.as_ref().map(|c| c.next.clone()).unwrap_or_default());
    let target_choices = {
        let indicator = indicator.clone();
        Signal::derive(move || {
            let t = app.t();
            let mut v = vec![Choice::new("", t.choose_option)];
            app.ws.with(|w| {
                v.extend(
                    w.targets_of(&indicator)
                        .into_iter()
                        .map(|target| target_choice(w, t, target)),
                )
            });
            v
        })
    };
    // Whichever part of the target's key the core found wrong.
    let target_error = {
        let (i, s, b) = (
            field_error(errors, Field::Indicator),
            field_error(errors, Field::Scope),
            field_error(errors, Field::Breakdown),
        );
        Signal::derive(move || i.get().or_else(|| s.get()).or_else(|| b.get()))
    };
    let editing_record = editing.clone();
    let submit = move |()| {
        let chosen = target.get_untracked();
        let key = app.ws.with_untracked(|w| {
            RecordId::parse(&chosen)
                .ok()
                .and_then(|id| w.targets.get(&id))
                .map(FigureDraft::from_target)
        });
        // No target chosen: the core reports the missing indicator.
        let mut key =
            key.unwrap_or_else(|| FigureDraft::new("", &crate::core::model::Scope::Forbund, 0));
        key.period = period.get_untracked();
        let draft = CommentDraft {
            key,
            happened: happened.get_untracked(),
            why: why.get_untracked(),
            next: next.get_untracked(),
        };
        let meta = editing_record
            .as_ref()
            .map(|c| c.meta.clone())
            .unwrap_or_else(|| app.new_meta());
        let built = app.ws.with_untracked(|w| build_comment(&draft, w, meta));
        form.submit(built, |comment| {
            let saved = comment.period;
            let edit = Edit::from_form(
                editing_record.clone().map(Record::Comment),
                Record::Comment(comment),
            );
            (edit, move || on_done.run(Some(saved)))
        });
    };
    let title = {
        let is_edit = editing.is_some();
        move || {
            let e = app.t().economy;
            if is_edit {
                e.edit_comment
            } else {
                e.add_comment
            }
        }
    };
    view! {
        <RecordForm testid="comment-form" form=form on_submit=submit on_cancel=Callback::new(move |()| on_done.run(None)) heading=view! { <h2>{title}</h2> }.into_any()>
            <p class="hint" id="comment-hint">{tr(|t| t.economy.comment_hint)}</p>
            <SelectField id="comment-target" label=tr(|t| t.col_target) value=target choices=target_choices error=target_error />
            <p class="hint">{tr(|t| t.economy.comment_period_hint)}</p>
            <PeriodPicker id="comment-period" draft=period errors=errors />
            <TextArea id="comment-happened" label=tr(|t| t.economy.happened) value=happened error=field_error(errors, Field::Happened) />
            <TextArea id="comment-why" label=tr(|t| t.economy.why) value=why error=field_error(errors, Field::Why) />
            <TextArea id="comment-next" label=tr(|t| t.economy.next) value=next error=field_error(errors, Field::Next) />
        </RecordForm>
    }
}
