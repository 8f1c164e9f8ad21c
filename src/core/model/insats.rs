//! Insatser: the interventions participants take part in.

use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use crate::core::value::Count;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The kinds of insats in the förbund's portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InsatsKind {
    /// Multi-agency consultation (Resursråd) and single entry for referrals.
    Consultation,
    /// A youth team (Ungdomsteamet, Ung i Nynäs, Ung i Tyresö).
    YouthTeam,
    /// Individual support by a Case Manager.
    CaseManagement,
    /// Supported Employment (IPS).
    SupportedEmployment,
    /// Group programmes such as KBT or drama pedagogy.
    GroupProgramme,
    /// Work training at a social enterprise.
    WorkTraining,
    /// Establishment support for newly arrived (etableringscentrum).
    Establishment,
    /// Anything else.
    Other,
}

impl InsatsKind {
    /// Every kind, in display order.
    pub const ALL: [InsatsKind; 8] = [
        InsatsKind::Consultation,
        InsatsKind::YouthTeam,
        InsatsKind::CaseManagement,
        InsatsKind::SupportedEmployment,
        InsatsKind::GroupProgramme,
        InsatsKind::WorkTraining,
        InsatsKind::Establishment,
        InsatsKind::Other,
    ];
}

/// Whether an insats works with participants or with the way authorities
/// work together, as Uppföljning Finsam asks of every insats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Individinriktad: participants take part.
    Individual,
    /// Strukturinriktad: aimed at the authorities' collaboration.
    Structural,
}

impl Orientation {
    /// Both, in display order.
    pub const ALL: [Orientation; 2] = [Orientation::Individual, Orientation::Structural];
}

/// A staff contact for an insats (never a participant).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    /// Role, e.g. "Verksamhetsledare".
    #[serde(default)]
    pub role: String,
    /// Name of the staff member.
    #[serde(default)]
    pub name: String,
    /// Telephone number as written.
    #[serde(default)]
    pub phone: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insats {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "Ung i Tyresö".
    pub name: String,
    /// What kind of insats it is.
    pub kind: InsatsKind,
    /// What it offers and to whom.
    #[serde(default)]
    pub description: String,
    /// Member municipalities it serves.
    #[serde(default)]
    pub municipalities: Vec<RecordId>,
    /// Who runs it (an authority or a social enterprise).
    #[serde(default)]
    pub provider: String,
    /// The project it belongs to, if any.
    #[serde(default)]
    pub project: Option<RecordId>,
    /// First day it is active.
    #[serde(default, with = "crate::core::period::optional_iso_date")]
    pub start: Option<NaiveDate>,
    /// Last day it is active; open-ended when absent.
    #[serde(default, with = "crate::core::period::optional_iso_date")]
    pub end: Option<NaiveDate>,
    /// Number of places (platser), if limited.
    #[serde(default)]
    pub capacity: Option<Count>,
    /// Staff to contact.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Individual or structural (since snapshot 1.8); unknown when absent.
    #[serde(default)]
    pub orientation: Option<Orientation>,
    /// Who it is for, as a group ("Unga 16–29 år utan sysselsättning");
    /// never a person (since snapshot 1.8).
    #[serde(default)]
    pub target_group: String,
    /// Who finances the insats and with which share (since snapshot 1.8);
    /// empty when its project's financing applies.
    #[serde(default)]
    pub financing: Vec<super::FinancingShare>,
}

impl_entity!(Insats);
