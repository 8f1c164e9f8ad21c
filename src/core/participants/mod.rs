//! Participant flow computed from participation records: the figures the
//! newsletters count by hand today ("927 deltagare, 43 % kvinnor", "271
//! började arbeta eller studera = 39 % av alla som avslutat").
//!
//! Guarantees: every figure is a count or a share of two counts over one
//! period, with the counts kept so that small numbers can be protected
//! ([`protect`]) before anything is shown to others.

pub mod book;
pub mod counts;
pub mod outcome;
pub mod protect;
pub mod report;

pub use crate::core::model::FlowMeasure;
pub use book::CountBook;
pub use counts::{breakdown, count, FlowCounts, Share};
pub use outcome::{computed_outcome, computed_outcome_in, computed_shown, computed_shown_in};
pub use protect::{
    protect_breakdown, protect_count, protect_share, Shown, DEFAULT_THRESHOLD, MAX_THRESHOLD,
};
pub use report::{flow_report, in_scope, FlowReport};
