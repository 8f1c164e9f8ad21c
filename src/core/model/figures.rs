//! Targets and outcomes, the two figures måluppfyllelse compares, and
//! what is said beside them: a forecast for a target's whole period and a
//! written comment on a target in a period.

use super::meta::{impl_entity, Meta};
use super::scope::{Breakdown, Scope};
use crate::core::ids::RecordId;
use crate::core::period::Period;
use crate::core::value::FigureValue;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What identifies a target or an outcome: at most one target and one
/// outcome may exist per key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureKey {
    /// Which indicator.
    pub indicator: RecordId,
    /// About whom.
    pub scope: Scope,
    /// For which period.
    pub period: Period,
    /// Which slice of a breakdown, or the total.
    pub breakdown: Option<Breakdown>,
}

/// Declares a figure record: the fields of its [`FigureKey`] first, then
/// its own, and its `key()`.
///
/// The key's fields are written out here and not held in an inner struct
/// because the stored JSON has them at the top level and the records
/// refuse unknown fields, and serde's `flatten` does not work with
/// `deny_unknown_fields`; a hand-written serde impl would be longer than
/// the copy it removes. The fields keep their order, so the JSON is byte
/// for byte what the records always wrote (tests/snapshot_files.rs).
macro_rules! figure_record {
    (
        $(#[$doc:meta])*
        pub struct $name:ident {
            $($(#[$own_attr:meta])* pub $own:ident: $own_ty:ty,)*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Identity and last write.
            pub meta: Meta,
            /// Which indicator.
            pub indicator: RecordId,
            /// About whom.
            pub scope: Scope,
            /// For which period.
            pub period: Period,
            /// Which slice, or the total when absent.
            #[serde(default)]
            pub breakdown: Option<Breakdown>,
            $($(#[$own_attr])* pub $own: $own_ty,)*
        }

        impl_figure_key!($name);

        impl $name {
            /// The record with this key and these fields of its own.
            pub fn from_key(meta: Meta, key: FigureKey, $($own: $own_ty),*) -> Self {
                Self {
                    meta,
                    indicator: key.indicator,
                    scope: key.scope,
                    period: key.period,
                    breakdown: key.breakdown,
                    $($own),*
                }
            }
        }
    };
}

/// Gives each record type with the fields of a [`FigureKey`] its `key()`.
macro_rules! impl_figure_key {
    ($($t:ty),* $(,)?) => {
        $(impl $t {
            /// What the figure is about: at most one live record of its
            /// type has each key.
            pub fn key(&self) -> $crate::core::model::FigureKey {
                $crate::core::model::FigureKey {
                    indicator: self.indicator.clone(),
                    scope: self.scope.clone(),
                    period: self.period,
                    breakdown: self.breakdown.clone(),
                }
            }
        })*
    };
}
pub(crate) use impl_figure_key;

figure_record! {
    /// A goal: the value an indicator should reach for a scope and period.
    pub struct Target {
        /// The goal value, in the indicator's unit.
        pub value: FigureValue,
        /// Where the goal comes from (a decision, an application).
        #[serde(default)]
        pub note: String,
    }
}

/// Where an outcome figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeSource {
    /// Typed in by a person from a report.
    #[default]
    Manual,
    /// Computed by the app from participation records.
    Computed,
}

figure_record! {
    /// A result: the value an indicator reached for a scope and period. A
    /// period shorter than a target's and starting with it is read as "so
    /// far".
    pub struct Outcome {
        /// The value reached.
        pub value: FigureValue,
        /// When it was reported (e.g. the newsletter's date).
        #[serde(default, with = "crate::core::period::optional_iso_date")]
        pub reported_on: Option<NaiveDate>,
        /// Typed in or computed.
        #[serde(default)]
        pub source: OutcomeSource,
        /// Context, e.g. "motsvarar 102 deltagare". Never about one participant.
        #[serde(default)]
        pub note: String,
    }
}

figure_record! {
    /// A prognos: what an indicator is expected to reach for a scope over a
    /// target's whole period, as judged on `made_on` (a budget's forecast
    /// spend, say). Drawn beside the target and the outcome; it never
    /// changes a status.
    pub struct Forecast {
        /// The expected value for the whole period, in the indicator's unit.
        pub value: FigureValue,
        /// When the forecast was made.
        #[serde(default, with = "crate::core::period::optional_iso_date")]
        pub made_on: Option<NaiveDate>,
        /// What the forecast rests on. Never about one participant.
        #[serde(default)]
        pub note: String,
    }
}

figure_record! {
    /// A written analysis of a target as it stood in `period` (the
    /// period reported on, such as `2018-T2`, not the target's own): what
    /// happened, why, and what the förbund does next. Never about one
    /// participant.
    pub struct Comment {
        /// What happened.
        #[serde(default)]
        pub happened: String,
        /// Why it went so.
        #[serde(default)]
        pub why: String,
        /// What the förbund does next.
        #[serde(default)]
        pub next: String,
    }
}

impl Comment {
    /// The comment's parts that are written, in reading order.
    pub fn parts(&self) -> impl Iterator<Item = (CommentPart, &str)> {
        [
            (CommentPart::Happened, self.happened.as_str()),
            (CommentPart::Why, self.why.as_str()),
            (CommentPart::Next, self.next.as_str()),
        ]
        .into_iter()
        .filter(|(_, t)| !t.trim().is_empty())
    }
}

/// The three questions a comment answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentPart {
    /// What happened.
    Happened,
    /// Why.
    Why,
    /// What we do next.
    Next,
}

impl_entity!(Target, Outcome, Forecast, Comment);
