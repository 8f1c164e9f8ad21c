//! A written comment's answers as the board, the printed report and an
//! indicator's page show them: each question that is answered, with its
//! answer.

use crate::core::model::{Comment, CommentPart};
use crate::ui::i18n::Texts;
use leptos::prelude::*;

/// The question a part of a comment answers, in the current language.
pub fn question(t: &Texts, part: CommentPart) -> &'static str {
    match part {
        CommentPart::Happened => t.economy.happened,
        CommentPart::Why => t.economy.why,
        CommentPart::Next => t.economy.next,
    }
}

/// The answered questions of `c`, as a description list.
pub fn comment_answers(t: &'static Texts, c: &Comment) -> impl IntoView {
    let parts: Vec<(CommentPart, String)> = c.parts().map(|(p, s)| (p, s.to_owned())).collect();
    view! {
        <dl class="comment" data-testid="comment">
            {parts.into_iter().map(|(part, text)| view! {
                <dt>{question(t, part)}</dt>
                <dd>{text}</dd>
            }).collect_view()}
        </dl>
    }
}
