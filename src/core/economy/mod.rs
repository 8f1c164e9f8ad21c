//! The money half of the follow-up: what goals cost.
//!
//! Budgets, spend and forecasts are figures of indicators in kronor
//! (`core::value::Kronor`, `core::model::Forecast`) and take the goals'
//! rules; what is the economy's own lives here:
//! - `ratio`: ratio indicators, cost per participant or per result
//!   ([`ratio_answer`], [`ratio_shown`]).
//! - `financing`: what each financier's money bought ([`financed_parts`]).
//! - `finsam`: the figures Uppföljning Finsam asks per insats and year,
//!   as a file ([`finsam_csv`]).

mod financing;
mod finsam;
mod ratio;

pub use financing::{financed_parts, financing_of, FinancedPart};
pub use finsam::{default_choice, finsam_csv, finsam_year, FinsamChoice};
pub use ratio::{ratio_answer, ratio_shown};
