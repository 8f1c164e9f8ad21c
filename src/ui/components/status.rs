//! How a goal's status looks: the CSS class that colours it. The words and
//! symbol come from `i18n::names::status_text`, so colour is an extra and
//! never the only cue.

use crate::core::goals::GoalStatus;

/// CSS class of a status.
pub fn status_class(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Met => "status status-met",
        GoalStatus::Near => "status status-near",
        GoalStatus::Behind => "status status-behind",
        GoalStatus::Unknown => "status status-unknown",
    }
}
