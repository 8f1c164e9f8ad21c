//! Måluppfyllelse: how an outcome stands against its target, which outcome
//! answers which target, and the rows of the overview board.
//!
//! Guarantees: status is computed on exact integers (people or tenths of a
//! percent) with the indicator's own direction and tolerance; a report for
//! the first part of a target's period is shown as "so far" and, for counts
//! that accumulate, compared with the target pro rata; nothing is ever
//! compared across units.
//!
//! The files follow what depends on what, so each rule can be read on its
//! own and has one home:
//! - `status`: a value against a target ([`goal_status`], [`prorated`]) and
//!   the yes/no words; pure, knows no workspace.
//! - `answer`: which outcome answers a target key ([`answer`]), and
//!   [`Figures`], which answers many at once in one pass.
//! - `focus`: which scopes the board looks at ([`Focus`], [`in_focus`]) and
//!   the order scopes are listed in.
//! - `rows`: the board's and an indicator page's [`GoalRow`]s, built from
//!   the three above, with small-number protection ([`protect_rows`]).
//! - `outcomes`: outcomes shown without a target, as [`OutcomeGroup`]s.
//! - `series`: one indicator over time, for its chart.
//! - [`first_steps`]: a new förbund's checklist and starting indicators.
//!
//! Everything is re-exported here, so callers name `crate::core::goals::X`
//! and need not know the file.

mod answer;
pub mod first_steps;
mod focus;
mod outcomes;
mod rows;
mod series;
mod status;

pub use answer::{answer, answer_in, book_for, Answer, Figures};
pub use focus::{in_focus, years_with_targets, Focus};
pub use outcomes::{breakdown_groups, group_outcomes, untargeted_outcomes, OutcomeGroup};
pub use rows::{
    comment_of, forecast_of, goal_row, goal_row_in, goal_rows, indicator_rows, protect_rows,
    protected_goal_rows, target_of_comment, GoalRow,
};
pub use series::{series, SeriesPoint};
pub use status::{
    goal_status, prorated, yes_no_from_words, yes_no_words, GoalStatus, YES_NO_TARGET_WORDS,
};

use crate::core::workspace::Tables;

/// The tables the board reads: its rows ([`protected_goal_rows`]), the
/// figures without a target ([`untargeted_outcomes`]), the years that
/// have targets, the scopes' names and the charts drawn from the rows. A
/// write to any other table (a check-in, a report of places, a saved
/// presentation) leaves the board as it is; a test holds every one of
/// these functions to this list.
pub const READS: Tables = Tables::ORGANISATION
    .with(Tables::MUNICIPALITIES)
    .with(Tables::PARTNERS)
    .with(Tables::PROJECTS)
    .with(Tables::INSATSER)
    .with(Tables::INDICATORS)
    .with(Tables::TARGETS)
    .with(Tables::OUTCOMES)
    .with(Tables::END_STATUSES)
    .with(Tables::PARTICIPATIONS)
    .with(Tables::FORECASTS)
    .with(Tables::COMMENTS);
