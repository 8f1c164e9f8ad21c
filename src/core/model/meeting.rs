//! Frukostmöten: the förbund's breakfast meetings, where partners meet and
//! hear about the insatser, and how many came.
//!
//! Guarantees: a meeting has a real date and a theme; times are whole
//! minutes of the day (`08:30`); guests checked in at the door are
//! [`super::Arrival`] records holding only the kind of organisation a guest
//! comes from — never a name — so nothing here identifies a person but the
//! speakers a meeting announces.

use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use crate::core::value::Count;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A time of day in whole minutes, written `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(u16);

const DAY_MINUTES: u16 = 24 * 60;

impl ClockTime {
    /// The time `hour:minute`, if it is one.
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then(|| ClockTime((hour * 60 + minute) as u16))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Reads `8:30`, `08:30` or `08.30` (as newsletters write it).
    pub fn parse(text: &str) -> Option<ClockTime> {
        let t = text.trim();
        let (h, m) = t.split_once([':', '.'])?;
        let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
            (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        ClockTime::new(digits(h, 1..=2)?, digits(m, 2..=2)?).filter(|c| c.0 < DAY_MINUTES)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl std::str::FromStr for ClockTime {
    type Err = String;
    fn from_str(s: &str) -> Result<ClockTime, String> {
        ClockTime::parse(s).ok_or_else(|| format!("not a time of day: {s:?}"))
    }
}

crate::core::codes::stored_as_text!(ClockTime);

/// The kind of organisation a guest at a meeting comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuestOrg {
    /// A member municipality.
    Municipality,
    /// Arbetsförmedlingen.
    EmploymentService,
    /// Försäkringskassan.
    SocialInsurance,
    Region,
    /// Any other organisation.
    Other,
    /// Not asked or not said.
    Unspecified,
}

impl GuestOrg {
    /// Every kind, in display order (unspecified last).
    pub const ALL: [GuestOrg; 6] = [
        GuestOrg::Municipality,
        GuestOrg::EmploymentService,
        GuestOrg::SocialInsurance,
        GuestOrg::Region,
        GuestOrg::Other,
        GuestOrg::Unspecified,
    ];
}

/// One frukostmöte.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Identity and last write.
    pub meta: Meta,
    /// The day.
    #[serde(with = "crate::core::period::required_iso_date")]
    pub date: NaiveDate,
    /// When it starts (breakfast), if announced.
    #[serde(default)]
    pub start: Option<ClockTime>,
    /// When it ends, if announced.
    #[serde(default)]
    pub end: Option<ClockTime>,
    /// Where, e.g. "Auditoriet, Kulturhuset i Handen".
    #[serde(default)]
    pub place: String,
    /// The member municipality it is held in, if any.
    #[serde(default)]
    pub municipality: Option<RecordId>,
    /// The theme, e.g. "Mer tillit och mindre detaljstyrning – går det?".
    pub theme: String,
    /// Who speaks, in words.
    #[serde(default)]
    pub speakers: String,
    /// Address of the invitation (http or https), or empty.
    #[serde(default)]
    pub invitation: String,
    /// Last day to register.
    #[serde(default, with = "crate::core::period::optional_iso_date")]
    pub registration_deadline: Option<NaiveDate>,
    /// Where to register.
    #[serde(default)]
    pub registration_email: String,
    /// How many registered.
    #[serde(default)]
    pub registered: Option<Count>,
    /// How many came, as typed (afterwards, or counted by hand); guests
    /// checked in at the door are arrival records
    /// (`core::meetings::attended` takes the higher of the two).
    #[serde(default)]
    pub attended: Option<Count>,
    /// A note (where a figure comes from).
    #[serde(default)]
    pub note: String,
}

impl_entity!(Meeting);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_newsletters_write_them() {
        assert_eq!(
            ClockTime::parse("08.30").map(|t| t.to_string()),
            Some("08:30".into())
        );
        assert_eq!(ClockTime::parse("8:00").map(|t| t.minutes()), Some(480));
        for bad in ["", "8", "24:00", "08:60", "a:b", "08:3x", "-1:00", "123:00"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_meeting_reads_from_its_file_form_and_refuses_a_bad_time() {
        let text = r#"{"meta":{"id":"m1","stamp":{"hlc":[1,0],"device":"d"}},
            "date":"2018-09-28","start":"08:00","end":"09:30","theme":"Integration",
            "attended":2}"#;
        let m: Meeting = serde_json::from_str(text).unwrap();
        assert_eq!(m.start, ClockTime::new(8, 0));
        assert_eq!(m.attended.map(Count::get), Some(2));
        let back = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Meeting>(&back).unwrap(), m);
        assert!(serde_json::from_str::<Meeting>(&text.replace("09:30", "9.75")).is_err());
        assert!(
            serde_json::from_str::<Meeting>(&text.replace("2018-09-28", "2018-09-31")).is_err()
        );
    }
}
