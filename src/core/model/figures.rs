//! Targets and outcomes: the two figures måluppfyllelse compares.

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

/// A goal: the value an indicator should reach for a scope and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
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
    /// The goal value, in the indicator's unit.
    pub value: FigureValue,
    /// Where the goal comes from (a decision, an application).
    #[serde(default)]
    pub note: String,
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

/// A result: the value an indicator reached for a scope and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Identity and last write.
    pub meta: Meta,
    /// Which indicator.
    pub indicator: RecordId,
    /// About whom.
    pub scope: Scope,
    /// For which period; a shorter period starting with a target's period is
    /// read as "so far".
    pub period: Period,
    /// Which slice, or the total when absent.
    #[serde(default)]
    pub breakdown: Option<Breakdown>,
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

impl Target {
    /// This target's key.
    pub fn key(&self) -> FigureKey {
        FigureKey {
            indicator: self.indicator.clone(),
            scope: self.scope.clone(),
            period: self.period,
            breakdown: self.breakdown.clone(),
        }
    }
}

impl Outcome {
    /// This outcome's key.
    pub fn key(&self) -> FigureKey {
        FigureKey {
            indicator: self.indicator.clone(),
            scope: self.scope.clone(),
            period: self.period,
            breakdown: self.breakdown.clone(),
        }
    }
}

impl_entity!(Target, Outcome);
