//! The text code of a unit enum variant (`self_referral`, `16-19`), as
//! forms, test ids and CSV columns hold it.
//!
//! Guarantees: the code of a variant is exactly the name serde stores and
//! exchanges for it (its `rename_all` / `rename`), so a code and a stored
//! name can never drift apart, and [`from_code`] reads back every code
//! [`code`] writes. A code that names no variant is an error, never a
//! default.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A code that names no variant of the enum it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// The code of a unit enum variant: its serialised name. Empty for a value
/// that does not serialise to a string (not a unit variant).
pub fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The variant whose code is `code`.
pub fn from_code<T: DeserializeOwned>(code: &str) -> Result<T, UnknownCode> {
    serde_json::from_value(serde_json::Value::String(code.to_owned()))
        .map_err(|_| UnknownCode(code.to_owned()))
}

/// Gives a type stored as its text (`#[serde(try_from = "String", into =
/// "String")]`) the two conversions serde calls, so the stored form is
/// always exactly what its `FromStr` reads and its `Display` writes.
macro_rules! stored_as_text {
    ($($t:ty),* $(,)?) => {
        $(
            impl TryFrom<String> for $t {
                type Error = <$t as std::str::FromStr>::Err;
                fn try_from(s: String) -> Result<Self, Self::Error> {
                    s.parse()
                }
            }

            impl From<$t> for String {
                fn from(value: $t) -> String {
                    value.to_string()
                }
            }
        )*
    };
}
pub(crate) use stored_as_text;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{
        AgeBand, Dimension, Direction, EndCategory, FlowMeasure, Gender, GuestOrg, InsatsKind,
        PartnerKind, Referrer,
    };
    use crate::core::period::PeriodKind;
    use crate::core::value::{Answer, Unit};
    use std::fmt::Debug;

    /// Every variant has the stored name `names` lists, that name is what
    /// serde writes, and the code reads back as the variant.
    fn check<T>(all: &[T], names: &[&str])
    where
        T: Serialize + DeserializeOwned + PartialEq + Debug,
    {
        assert_eq!(all.len(), names.len());
        for (v, name) in all.iter().zip(names) {
            assert_eq!(code(v), *name);
            assert_eq!(
                serde_json::to_string(v).unwrap(),
                format!("\"{name}\""),
                "the code is the serde name"
            );
            assert_eq!(from_code::<T>(name).as_ref(), Ok(v));
        }
    }

    #[test]
    fn gender_codes_are_the_stored_names_and_round_trip() {
        check(&Gender::ALL, &["woman", "man", "other_or_unknown"]);
    }

    #[test]
    fn referrer_codes_are_the_stored_names_and_round_trip() {
        check(
            &Referrer::ALL,
            &[
                "municipality",
                "employment_service",
                "social_insurance",
                "region",
                "self_referral",
                "other",
            ],
        );
    }

    #[test]
    fn age_band_codes_are_the_stored_names_and_round_trip() {
        check(
            &AgeBand::ALL,
            &[
                "16-19", "20-24", "25-29", "30-39", "40-49", "50-59", "60-", "unknown",
            ],
        );
    }

    #[test]
    fn answer_codes_are_the_stored_names_and_round_trip() {
        check(&Answer::ALL, &["met", "not_met", "unknown"]);
    }

    #[test]
    fn period_kind_codes_are_the_stored_names_and_round_trip() {
        check(
            &[
                PeriodKind::Year,
                PeriodKind::Half,
                PeriodKind::Quarter,
                PeriodKind::Month,
                PeriodKind::Range,
                PeriodKind::Tertial,
            ],
            &["year", "half", "quarter", "month", "range", "tertial"],
        );
    }

    #[test]
    fn insats_kind_codes_are_the_stored_names_and_round_trip() {
        check(
            &InsatsKind::ALL,
            &[
                "consultation",
                "youth_team",
                "case_management",
                "supported_employment",
                "group_programme",
                "work_training",
                "establishment",
                "other",
            ],
        );
    }

    #[test]
    fn partner_kind_codes_are_the_stored_names_and_round_trip() {
        check(
            &PartnerKind::ALL,
            &[
                "employment_service",
                "social_insurance",
                "region",
                "municipality",
                "other",
            ],
        );
    }

    #[test]
    fn end_category_codes_are_the_stored_names_and_round_trip() {
        check(
            &EndCategory::ALL,
            &["work_or_studies", "ordinary_measures", "other"],
        );
    }

    #[test]
    fn dimension_codes_are_the_stored_names_and_round_trip() {
        check(
            &Dimension::ALL,
            &["municipality", "gender", "referrer", "provider", "age_band"],
        );
    }

    #[test]
    fn direction_codes_are_the_stored_names_and_round_trip() {
        check(
            &[Direction::HigherIsBetter, Direction::LowerIsBetter],
            &["higher_is_better", "lower_is_better"],
        );
    }

    #[test]
    fn unit_codes_are_the_stored_names_and_round_trip() {
        check(
            &[Unit::Count, Unit::Percent, Unit::YesNo, Unit::Kronor],
            &["count", "percent", "yes_no", "kronor"],
        );
    }

    #[test]
    fn guest_org_codes_are_the_stored_names_and_round_trip() {
        check(
            &GuestOrg::ALL,
            &[
                "municipality",
                "employment_service",
                "social_insurance",
                "region",
                "other",
                "unspecified",
            ],
        );
    }

    #[test]
    fn flow_measure_codes_are_the_stored_names_and_round_trip() {
        check(
            &FlowMeasure::SOURCES,
            &[
                "active",
                "new",
                "ended",
                "share_work_or_studies",
                "share_ordinary",
                "share_women",
                "share_self_referral",
                "meeting_attendance",
            ],
        );
    }

    #[test]
    fn an_unknown_code_is_an_error_not_a_default() {
        assert_eq!(
            from_code::<InsatsKind>("nonsense"),
            Err(UnknownCode("nonsense".into()))
        );
        assert!(from_code::<Gender>("").is_err());
    }
}
