//! Lediga platser: dated reports of how many places an insats (at one
//! provider) has and how many are taken, so handläggare can see where there
//! is room.
//!
//! Guarantees: a report holds counts only; open places are computed, never
//! typed, so they always agree with capacity and enrolled; more enrolled
//! than places is allowed (it happens) but always flagged.

use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use crate::core::value::Count;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many places one insats at one provider had, and how many were taken,
/// on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotReport {
    /// Identity and last write.
    pub meta: Meta,
    /// The day the figures are for.
    #[serde(with = "crate::core::period::required_iso_date")]
    pub date: NaiveDate,
    pub insats: RecordId,
    /// The provider, when the insats has several (empty: the insats's own).
    #[serde(default)]
    pub provider: String,
    /// Places.
    pub capacity: Count,
    /// Participants enrolled.
    pub enrolled: Count,
    /// A note (where the figures come from).
    #[serde(default)]
    pub note: String,
}

impl SlotReport {
    /// Open places: places not taken (zero when overbooked).
    pub fn open(&self) -> u64 {
        self.capacity.get().saturating_sub(self.enrolled.get())
    }

    /// Whether more are enrolled than there are places.
    pub fn overbooked(&self) -> bool {
        self.enrolled > self.capacity
    }
}

impl_entity!(SlotReport);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_places_never_go_below_zero_and_overbooking_is_flagged() {
        let text = r#"{"meta":{"id":"s1","stamp":{"hlc":[1,0],"device":"d"}},
            "date":"2018-08-31","insats":"demo-cm","capacity":60,"enrolled":40}"#;
        let mut r: SlotReport = serde_json::from_str(text).unwrap();
        assert_eq!(r.open(), 20);
        assert!(!r.overbooked());
        r.enrolled = Count::saturating(62);
        assert_eq!(r.open(), 0);
        assert!(r.overbooked());
        assert!(serde_json::from_str::<SlotReport>(&text.replace("60", "-1")).is_err());
    }
}
