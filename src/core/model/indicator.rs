//! Indicators: what is measured, in which unit, and which way is better.

use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use crate::core::value::Unit;
use serde::{Deserialize, Serialize};

/// Whether a higher or a lower outcome is the better one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (participants, share to work or studies).
    #[default]
    HigherIsBetter,
    /// Less is better (waiting time, dropouts).
    LowerIsBetter,
}

/// A way outcomes of an indicator may be broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// By member municipality.
    Municipality,
    Gender,
    /// By who referred the participant.
    Referrer,
    /// By the provider running the insats.
    Provider,
    /// By age band (computed figures only: participations carry one).
    AgeBand,
}

impl Dimension {
    /// Every dimension, in display order.
    pub const ALL: [Dimension; 5] = [
        Dimension::Municipality,
        Dimension::Gender,
        Dimension::Referrer,
        Dimension::Provider,
        Dimension::AgeBand,
    ];
}

/// Default for how close to its target an outcome counts as "nära".
pub const DEFAULT_TOLERANCE_PERCENT: u8 = 10;
/// Largest tolerance a user may set.
pub const MAX_TOLERANCE_PERCENT: u8 = 50;

/// Something the förbund measures and sets targets for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "Andel till arbete eller studier".
    pub name: String,
    /// Count or percent.
    pub unit: Unit,
    /// How it is measured, in words.
    #[serde(default)]
    pub definition: String,
    /// For percentages: what is counted, e.g. "började arbeta eller studera".
    #[serde(default)]
    pub numerator: String,
    /// For percentages: out of what, e.g. "samtliga som avslutade".
    #[serde(default)]
    pub denominator: String,
    /// Which way is better.
    #[serde(default)]
    pub direction: Direction,
    /// Breakdowns outcomes may have.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// An outcome within this many percent of the target is "nära" (near);
    /// shown next to every status so the rule is never hidden.
    #[serde(default = "default_tolerance")]
    pub tolerance_percent: u8,
    /// For counts that accumulate over the period (inflow, consultations): a
    /// report for the first part of the period is compared with the target
    /// pro rata. Percentages are never prorated.
    #[serde(default)]
    pub prorate: bool,
    /// When set, outcomes are computed from participations, never typed:
    /// the user chooses per indicator, so the two are never mixed.
    #[serde(default)]
    pub computed: Option<super::participation::FlowMeasure>,
    /// When set, outcomes are computed as a ratio of other figures (cost
    /// per participant), never typed; the indicator is then in kronor.
    #[serde(default)]
    pub ratio: Option<Ratio>,
    /// The newsletter's sentence for this indicator, in the template
    /// language of `core::reports::newsletter::template` ("{värde} deltagare …
    /// Målet var {mål} deltagare."); empty for the plain sentence. Always
    /// written, even empty, so emptying it survives a merge.
    #[serde(default)]
    pub sentence: String,
}

/// A ratio indicator's definition, as DHIS2 defines indicators: the
/// outcome of an indicator in kronor divided by a count, for any scope and
/// period (cost per participant, per participant to work or studies, per
/// consultation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    /// The indicator in kronor whose outcome is divided (a spend).
    pub numerator: RecordId,
    /// What it is divided by.
    pub denominator: Denominator,
}

/// What a ratio indicator divides by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// The participants active in the scope during the period, counted
    /// from participations.
    Participants,
    /// The participants who ended to work or studies during the period.
    WorkOrStudies,
    /// The outcome of another indicator counted in people or events
    /// (consultations, say) for the same scope and period.
    Indicator(RecordId),
}

impl Denominator {
    /// Whether the denominator counts participants, so that small-number
    /// protection applies to it as to a share.
    pub fn counts_participants(&self) -> bool {
        matches!(self, Denominator::Participants | Denominator::WorkOrStudies)
    }
}

impl Indicator {
    /// Whether outcomes are computed (from participations, meetings or as
    /// a ratio) rather than typed.
    pub fn is_computed(&self) -> bool {
        self.computed.is_some() || self.ratio.is_some()
    }

    /// Whether outcomes and targets may be broken down by `dimension`
    /// (`None`, the total, is always allowed).
    pub fn allows(&self, dimension: Option<Dimension>) -> bool {
        dimension.is_none_or(|d| self.dimensions.contains(&d))
    }
}

fn default_tolerance() -> u8 {
    DEFAULT_TOLERANCE_PERCENT
}

impl_entity!(Indicator);
