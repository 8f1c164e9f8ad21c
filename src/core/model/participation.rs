//! Participant flow, pseudonymised: who took part in which insats, when,
//! and how it ended, without anything that identifies a person.
//!
//! Guarantees: a participation holds a random code (made by the app), the
//! insats, coded categories and dates — no name, personal identity number
//! or free text, so nothing typed about a person can end up in a snapshot
//! or an export. The figures the newsletters print ("927 deltagare, 43 %
//! kvinnor") are computed from these records (`core::participants`).

use super::meta::{impl_entity, Meta};
use super::scope::{Gender, Referrer};
use crate::core::ids::RecordId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An age band, as follow-up statistics count ages (never a birth date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    /// 16–19 år.
    #[serde(rename = "16-19")]
    From16To19,
    /// 20–24 år.
    #[serde(rename = "20-24")]
    From20To24,
    /// 25–29 år.
    #[serde(rename = "25-29")]
    From25To29,
    /// 30–39 år.
    #[serde(rename = "30-39")]
    From30To39,
    /// 40–49 år.
    #[serde(rename = "40-49")]
    From40To49,
    /// 50–59 år.
    #[serde(rename = "50-59")]
    From50To59,
    /// 60 år och äldre.
    #[serde(rename = "60-")]
    From60,
    /// Okänd.
    #[serde(rename = "unknown")]
    Unknown,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 8] = [
        AgeBand::From16To19,
        AgeBand::From20To24,
        AgeBand::From25To29,
        AgeBand::From30To39,
        AgeBand::From40To49,
        AgeBand::From50To59,
        AgeBand::From60,
        AgeBand::Unknown,
    ];

    /// The band of an age in whole years; `None` under 16 (the insatser
    /// serve people of working age, so a younger age is a typing error).
    pub fn of_age(years: u32) -> Option<AgeBand> {
        Some(match years {
            0..=15 => return None,
            16..=19 => AgeBand::From16To19,
            20..=24 => AgeBand::From20To24,
            25..=29 => AgeBand::From25To29,
            30..=39 => AgeBand::From30To39,
            40..=49 => AgeBand::From40To49,
            50..=59 => AgeBand::From50To59,
            _ => AgeBand::From60,
        })
    }
}

/// What an end status counts as in the computed shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndCategory {
    /// Work or studies (arbete, subventionerat arbete, studier): the
    /// numerator of "andel som gått till arbete eller studier".
    WorkOrStudies,
    /// Onward to the authorities' ordinary measures.
    OrdinaryMeasures,
    /// Anything else (arbetssökande, sjukskrivning, avbrott, okänt, …).
    Other,
}

impl EndCategory {
    /// Every category, in the order forms offer them.
    pub const ALL: [EndCategory; 3] = [
        EndCategory::WorkOrStudies,
        EndCategory::OrdinaryMeasures,
        EndCategory::Other,
    ];
}

/// One entry of the förbund's list of end statuses. A list of records
/// rather than a fixed enum, so each förbund can name its own and laptops
/// merge changes to it like any other data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndStatus {
    /// Identity and last write.
    pub meta: Meta,
    /// Name, e.g. "Studier".
    pub name: String,
    /// What it counts as.
    pub category: EndCategory,
    /// Position in lists.
    #[serde(default)]
    pub order: u32,
}

/// One person's participation in one insats, pseudonymised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// Identity and last write.
    pub meta: Meta,
    /// The random code the app gave the participation (e.g. `K7F3Q9`), for
    /// the projektledare's own key; never a name or personal number.
    pub code: String,
    /// The insats taken part in.
    pub insats: RecordId,
    pub gender: Gender,
    /// Age band at the start.
    pub age_band: AgeBand,
    /// The member municipality the participant lives in, if known.
    #[serde(default)]
    pub municipality: Option<RecordId>,
    /// Who referred the participant.
    pub referrer: Referrer,
    /// First day in the insats.
    #[serde(with = "crate::core::period::required_iso_date")]
    pub start: NaiveDate,
    /// Last day; absent while the participation goes on.
    #[serde(default, with = "crate::core::period::optional_iso_date")]
    pub end: Option<NaiveDate>,
    /// How it ended (an [`EndStatus`]); absent while it goes on.
    #[serde(default)]
    pub end_status: Option<RecordId>,
}

/// A figure an indicator can be computed as: from participations
/// (`core::participants` counts them) or, for [`FlowMeasure::MeetingAttendance`],
/// from the frukostmöten (`core::meetings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowMeasure {
    /// Aktiva deltagare.
    Active,
    /// Nya deltagare.
    New,
    /// Avslutade deltagare.
    Ended,
    /// Andel av de avslutade som gått till arbete eller studier.
    ShareWorkOrStudies,
    /// Andel av de avslutade som gått vidare till ordinarie insatser.
    ShareOrdinary,
    /// Andel kvinnor bland de aktiva.
    ShareWomen,
    /// Andel egenanmälda bland de nya.
    ShareSelfReferral,
    /// Besökare på frukostmöten: the sum of who came to the meetings held
    /// in the period (in the slice's municipality, for a breakdown).
    MeetingAttendance,
}

impl FlowMeasure {
    /// Every source an indicator can be computed from: the participation
    /// measures of [`FlowMeasure::ALL`], then the meetings.
    pub const SOURCES: [FlowMeasure; 8] = [
        FlowMeasure::Active,
        FlowMeasure::New,
        FlowMeasure::Ended,
        FlowMeasure::ShareWorkOrStudies,
        FlowMeasure::ShareOrdinary,
        FlowMeasure::ShareWomen,
        FlowMeasure::ShareSelfReferral,
        FlowMeasure::MeetingAttendance,
    ];

    /// Whether the figure counts meetings' guests rather than participations
    /// (it is then no count of participants, and not protected as one).
    pub fn is_meetings(self) -> bool {
        self == FlowMeasure::MeetingAttendance
    }

    /// Every participation measure, in display order.
    pub const ALL: [FlowMeasure; 7] = [
        FlowMeasure::Active,
        FlowMeasure::New,
        FlowMeasure::Ended,
        FlowMeasure::ShareWorkOrStudies,
        FlowMeasure::ShareOrdinary,
        FlowMeasure::ShareWomen,
        FlowMeasure::ShareSelfReferral,
    ];

    /// The unit of the figure: a count of people or a share.
    pub fn unit(self) -> crate::core::value::Unit {
        match self {
            FlowMeasure::Active
            | FlowMeasure::New
            | FlowMeasure::Ended
            | FlowMeasure::MeetingAttendance => crate::core::value::Unit::Count,
            _ => crate::core::value::Unit::Percent,
        }
    }
}

impl_entity!(EndStatus, Participation);

/// The longest participation code: too short to hold a personal identity
/// number (10 or 12 digits), so none can be stored as a code.
pub const MAX_CODE_LEN: usize = 8;

/// The shortest participation code.
pub const MIN_CODE_LEN: usize = 4;

/// Whether `code` is a participation code: 4 to [`MAX_CODE_LEN`] digits and
/// capital letters with at least one digit, as the app makes them. The
/// digit keeps a name typed in capitals ("ANNA", "HANNAH") from passing as
/// a code.
pub fn is_valid_code(code: &str) -> bool {
    (MIN_CODE_LEN..=MAX_CODE_LEN).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && code.bytes().any(|b| b.is_ascii_digit())
}

/// Crockford's base 32: no I, L, O or U, so a code read aloud or copied by
/// hand is not mistaken.
const CODE_DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A six-character participation code from random bits (the low 30 are
/// used): five base-32
/// characters and, in the fourth place, a decimal digit, so every code
/// passes [`is_valid_code`]. The caller brings the randomness (the browser's
/// crypto, or a fixed sequence for the demo) and checks that the code is
/// free.
pub fn make_code(bits: u32) -> String {
    let mut x = bits & 0x3FFF_FFFF;
    let mut out = [0u8; 6];
    for (i, c) in out.iter_mut().enumerate().rev() {
        let radix = if i == 3 { 10 } else { 32 };
        *c = CODE_DIGITS[(x % radix) as usize];
        x /= radix;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The default end statuses (DESIGN.md), with stable ids so every laptop
/// that starts from the defaults holds the same records.
pub const DEFAULT_END_STATUSES: [(&str, &str, EndCategory); 9] = [
    ("end-work", "Arbete", EndCategory::WorkOrStudies),
    (
        "end-subsidised-work",
        "Subventionerat arbete",
        EndCategory::WorkOrStudies,
    ),
    ("end-studies", "Studier", EndCategory::WorkOrStudies),
    ("end-job-seeking", "Arbetssökande", EndCategory::Other),
    ("end-other-insats", "Annan insats", EndCategory::Other),
    (
        "end-ordinary",
        "Vidare till ordinarie insats",
        EndCategory::OrdinaryMeasures,
    ),
    ("end-sick-leave", "Sjukskrivning/vård", EndCategory::Other),
    ("end-dropped-out", "Avbrott", EndCategory::Other),
    ("end-unknown", "Okänt", EndCategory::Other),
];

/// The default end statuses as records, stamped at `at` by `device`: what
/// a förbund starts from (with fixed ids, so laptops that each start from
/// the defaults hold the same records).
pub fn default_end_statuses(
    at: crate::core::ids::Hlc,
    device: &crate::core::ids::DeviceId,
) -> Vec<EndStatus> {
    DEFAULT_END_STATUSES
        .iter()
        .zip(0u32..)
        .filter_map(|(&(id, name, category), order)| {
            Some(EndStatus {
                meta: Meta::new(RecordId::parse(id).ok()?, at, device.clone()),
                name: name.to_owned(),
                category,
                order,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_and_plain() {
        assert!(is_valid_code("K7F3Q9"));
        assert!(!is_valid_code(""));
        assert!(!is_valid_code("ANNA"), "a name in capitals is no code");
        assert!(!is_valid_code("HANNAH"));
        assert!(!is_valid_code("K7F"), "too short");
        assert!(
            !is_valid_code("8507099805"),
            "a personal number does not fit"
        );
        assert!(!is_valid_code("k7f3q9"));
        assert!(!is_valid_code("Anna"));
    }

    #[test]
    fn made_codes_are_valid_and_differ() {
        let codes: std::collections::BTreeSet<String> = (0..5000u32)
            .map(|n| make_code(n.wrapping_mul(2_654_435_761)))
            .collect();
        assert_eq!(codes.len(), 5000);
        assert!(codes.iter().all(|c| is_valid_code(c) && c.len() == 6));
        assert_eq!(make_code(0), "000000");
    }

    #[test]
    fn ages_fall_in_their_bands() {
        assert_eq!(AgeBand::of_age(15), None);
        assert_eq!(AgeBand::of_age(16), Some(AgeBand::From16To19));
        assert_eq!(AgeBand::of_age(29), Some(AgeBand::From25To29));
        assert_eq!(AgeBand::of_age(30), Some(AgeBand::From30To39));
        assert_eq!(AgeBand::of_age(64), Some(AgeBand::From60));
    }

    #[test]
    fn a_participation_reads_from_its_file_form() {
        let text = r#"{"meta":{"id":"p1","stamp":{"hlc":[1,0],"device":"d"}},
            "code":"K7F3Q9","insats":"demo-cm","gender":"woman","age_band":"20-24",
            "municipality":"demo-haninge","referrer":"self_referral",
            "start":"2018-02-01","end":"2018-09-30","end_status":"end-studies"}"#;
        let p: Participation = serde_json::from_str(text).unwrap();
        assert_eq!(p.age_band, AgeBand::From20To24);
        assert_eq!(p.end, NaiveDate::from_ymd_opt(2018, 9, 30));
        let back = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Participation>(&back).unwrap(), p);
        let no_start = text.replace(r#""start":"2018-02-01","#, "");
        assert!(serde_json::from_str::<Participation>(&no_start).is_err());
    }
}
