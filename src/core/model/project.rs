//! Projects: a funded, time-limited effort with insatser under it (MIA), or a
//! standing group of insatser followed up together (the youth insatser).

use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use crate::core::period::Period;
use crate::core::value::Percent;
use serde::{Deserialize, Serialize};

/// A project or programme whose goals are followed up as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "MIA Östra Södertörn".
    pub name: String,
    /// What the project is for, in the förbund's words.
    #[serde(default)]
    pub description: String,
    /// The project period, if it has one; targets for the whole project use it.
    #[serde(default)]
    pub period: Option<Period>,
    /// The umbrella project this is a sub-project of (MIA Östra Södertörn
    /// under MIA).
    #[serde(default)]
    pub parent: Option<RecordId>,
    /// External funder, e.g. "Europeiska socialfonden (ESF)".
    #[serde(default)]
    pub funder: String,
    /// The funder's share of the budget, e.g. two thirds.
    #[serde(default)]
    pub funder_share: Option<Percent>,
    /// Who finances the project and with which share (since snapshot
    /// 1.8); its insatser without a list of their own share it.
    #[serde(default)]
    pub financing: Vec<super::FinancingShare>,
}

impl_entity!(Project);
