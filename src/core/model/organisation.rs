//! The förbund itself, its member municipalities and its partner authorities.

use super::meta::{impl_entity, Meta};
use serde::{Deserialize, Serialize};

/// The well-known id of the one organisation record in a workspace, so that
/// two laptops that each name the förbund end up with one record after merge.
pub const ORGANISATION_ID: &str = "organisation";

/// The samordningsförbund whose goals the app follows up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Identity and last write.
    pub meta: Meta,
    /// Full name, e.g. "Samordningsförbundet Östra Södertörn".
    pub name: String,
    /// Counts of people below this are hidden in everything shown to
    /// others (`core::participants::protect`); empty means the default, 3. Kept
    /// here so that every laptop of the förbund protects alike. Written as
    /// `null` when empty, like every optional field: a field left out of a
    /// record reads as never written, and would let an older value from
    /// another laptop undo the emptying.
    #[serde(default)]
    pub protection_threshold: Option<u8>,
    /// Who finances the förbund itself and with which share (since
    /// snapshot 1.8): its own budget lines (administration, styrelse,
    /// revision, goals for the whole förbund) are divided by it.
    #[serde(default)]
    pub financing: Vec<super::FinancingShare>,
}

/// A member municipality; participants, insatser and breakdowns refer to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "Haninge".
    pub name: String,
}

/// What kind of authority a partner is (the Finsam law's four parties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// Arbetsförmedlingen.
    EmploymentService,
    /// Försäkringskassan.
    SocialInsurance,
    /// A region (formerly landsting).
    Region,
    /// A municipality in its role as partner.
    Municipality,
    /// Any other partner.
    Other,
}

impl PartnerKind {
    /// Every kind, in display order.
    pub const ALL: [PartnerKind; 5] = [
        PartnerKind::EmploymentService,
        PartnerKind::SocialInsurance,
        PartnerKind::Region,
        PartnerKind::Municipality,
        PartnerKind::Other,
    ];
}

/// A partner authority of the förbund.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "Arbetsförmedlingen".
    pub name: String,
    /// Which kind of authority.
    pub kind: PartnerKind,
}

impl_entity!(Organisation, Municipality, Partner);
