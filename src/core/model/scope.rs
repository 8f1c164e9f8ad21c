//! What a target or outcome is about: the whole förbund, a project or an
//! insats, and optionally one slice of a breakdown.

use super::indicator::Dimension;
use crate::core::ids::{IdError, RecordId};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The organisational level a figure belongs to.
///
/// Written as text (`forbund`, `project:ID`, `insats:ID`) in files and URLs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Scope {
    /// The whole förbund.
    Forbund,
    /// One project (including its sub-projects' insatser when aggregated).
    Project(RecordId),
    Insats(RecordId),
}

impl Scope {
    /// The referenced record, if the scope is not the whole förbund.
    pub fn record(&self) -> Option<&RecordId> {
        match self {
            Scope::Forbund => None,
            Scope::Project(id) | Scope::Insats(id) => Some(id),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Forbund => f.write_str("forbund"),
            Scope::Project(id) => write!(f, "project:{id}"),
            Scope::Insats(id) => write!(f, "insats:{id}"),
        }
    }
}

/// Why a scope could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScopeError {
    /// Not `forbund`, `project:…` or `insats:…`.
    Unrecognised(String),
    /// The id part is not a valid id.
    BadId(IdError),
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeError::Unrecognised(s) => write!(f, "not a scope: {s:?}"),
            ScopeError::BadId(e) => write!(f, "bad id in scope: {e}"),
        }
    }
}

impl std::error::Error for ScopeError {}

impl FromStr for Scope {
    type Err = ScopeError;
    fn from_str(s: &str) -> Result<Scope, ScopeError> {
        if s == "forbund" {
            return Ok(Scope::Forbund);
        }
        let parse_id = |id: &str| RecordId::parse(id).map_err(ScopeError::BadId);
        match s.split_once(':') {
            Some(("project", id)) => parse_id(id).map(Scope::Project),
            Some(("insats", id)) => parse_id(id).map(Scope::Insats),
            _ => Err(ScopeError::Unrecognised(s.to_owned())),
        }
    }
}

crate::core::codes::stored_as_text!(Scope);

/// Gender as recorded in follow-up statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Kvinna.
    Woman,
    Man,
    /// Annat eller okänt.
    OtherOrUnknown,
}

impl Gender {
    /// Every value, in display order.
    pub const ALL: [Gender; 3] = [Gender::Woman, Gender::Man, Gender::OtherOrUnknown];
}

/// Who referred a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Referrer {
    /// Kommunen.
    Municipality,
    /// Arbetsförmedlingen.
    EmploymentService,
    /// Försäkringskassan.
    SocialInsurance,
    /// Regionen (hälso- och sjukvården).
    Region,
    /// Egenanmälan.
    SelfReferral,
    /// Annan.
    Other,
}

impl Referrer {
    /// Every value, in display order.
    pub const ALL: [Referrer; 6] = [
        Referrer::Municipality,
        Referrer::EmploymentService,
        Referrer::SocialInsurance,
        Referrer::Region,
        Referrer::SelfReferral,
        Referrer::Other,
    ];
}

/// One slice of a breakdown, e.g. "Tyresö" or "kvinnor".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// A member municipality.
    Municipality(RecordId),
    Gender(Gender),
    Referrer(Referrer),
    /// A provider, by name as written on the insats.
    Provider(String),
    AgeBand(super::participation::AgeBand),
}

impl Breakdown {
    /// The dimension this slice belongs to.
    pub fn dimension(&self) -> Dimension {
        match self {
            Breakdown::Municipality(_) => Dimension::Municipality,
            Breakdown::Gender(_) => Dimension::Gender,
            Breakdown::Referrer(_) => Dimension::Referrer,
            Breakdown::Provider(_) => Dimension::Provider,
            Breakdown::AgeBand(_) => Dimension::AgeBand,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_through_text() {
        let id = RecordId::parse("abc").unwrap();
        for s in [
            Scope::Forbund,
            Scope::Project(id.clone()),
            Scope::Insats(id),
        ] {
            assert_eq!(s.to_string().parse::<Scope>().unwrap(), s);
        }
        assert!("project:".parse::<Scope>().is_err());
        assert!("team:abc".parse::<Scope>().is_err());
    }

    #[test]
    fn breakdowns_serialise_with_their_dimension() {
        let b = Breakdown::Referrer(Referrer::SelfReferral);
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"referrer":"self_referral"}"#
        );
        assert_eq!(b.dimension(), Dimension::Referrer);
    }
}
