//! The money half of the follow-up: what goals cost.
//!
//! Budgets, spend and forecasts are figures of indicators in kronor
//! (`core::value::Kronor`, `core::model::Forecast`) and take the goals'
//! rules; what is the economy's own lives here:
//! - `ratio`: ratio indicators, cost per participant or per result
//!   ([`ratio_answer`], [`ratio_shown`]).

mod ratio;

pub use ratio::{ratio_answer, ratio_shown};
