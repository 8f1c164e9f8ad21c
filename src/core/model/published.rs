//! Figures a public snapshot carries in place of the records they are
//! computed from: a public file holds no participation and no arrival
//! (pseudonymised records are still personal data), so what the board and
//! the meetings page compute from them travels as figures.
//!
//! Guarantees: a figure holds only what the kansli's own views show to
//! anyone — a count or share that small-number protection hides is
//! written as "fewer than the threshold" or "hidden", never as a number;
//! the id of each record is derived from what it is about (the figure's key,
//! or the meeting), so publishing again writes the same ids and updates the
//! figures instead of adding to them, and a record whose id does not fit
//! its key is refused when read; these records never share an id with a
//! record the workspace holds, so a public file can never overwrite the
//! kansli's own data.

use super::figures::{impl_figure_key, FigureKey};
use super::meeting::GuestOrg;
use super::meta::{impl_entity, Meta};
use super::scope::{Breakdown, Scope};
use crate::core::ids::RecordId;
use crate::core::period::Period;
use crate::core::value::{Count, Percent};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A computed figure as the kansli's board shows it to others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedValue {
    /// A count of people.
    Count(Count),
    /// A share.
    Percent(Percent),
    /// A count of fewer people than the threshold (shown "<3"); the count
    /// itself is not published.
    FewerThan(Threshold),
    /// A share or count left out because it would reveal a small count.
    Hidden,
    /// A share of no one: nothing to show.
    NoData,
}

/// A small-number protection threshold, 1 to
/// [`crate::core::participants::MAX_THRESHOLD`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Threshold(u8);

impl Threshold {
    /// The threshold, if it is one a förbund can choose.
    pub fn new(n: u64) -> Option<Threshold> {
        (1..=crate::core::participants::MAX_THRESHOLD)
            .contains(&n)
            .then(|| u8::try_from(n).ok().map(Threshold))
            .flatten()
    }

    /// The number itself.
    pub fn get(self) -> u64 {
        u64::from(self.0)
    }
}

impl TryFrom<u64> for Threshold {
    type Error = String;
    fn try_from(n: u64) -> Result<Threshold, String> {
        Threshold::new(n).ok_or_else(|| format!("a protection threshold is 1 to 20, not {n}"))
    }
}

impl From<Threshold> for u64 {
    fn from(t: Threshold) -> u64 {
        t.get()
    }
}

/// The figure of a computed indicator for one key (indicator, scope,
/// period, slice), as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FigureFields")]
pub struct PublishedFigure {
    /// Identity (derived from the key, [`figure_id`]) and the publication
    /// that wrote it.
    pub meta: Meta,
    /// Which indicator.
    pub indicator: RecordId,
    /// About whom.
    pub scope: Scope,
    /// For which period.
    pub period: Period,
    /// Which slice, or the total.
    pub breakdown: Option<Breakdown>,
    /// The figure.
    pub shown: PublishedValue,
}

/// The fields of a [`PublishedFigure`] as read, before its id is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureFields {
    meta: Meta,
    indicator: RecordId,
    scope: Scope,
    period: Period,
    #[serde(default)]
    breakdown: Option<Breakdown>,
    shown: PublishedValue,
}

impl TryFrom<FigureFields> for PublishedFigure {
    type Error = String;
    fn try_from(f: FigureFields) -> Result<PublishedFigure, String> {
        let figure = PublishedFigure {
            meta: f.meta,
            indicator: f.indicator,
            scope: f.scope,
            period: f.period,
            breakdown: f.breakdown,
            shown: f.shown,
        };
        if figure.meta.id != figure_id(&figure.key()) {
            return Err("a published figure's id must be the one its key gives".into());
        }
        Ok(figure)
    }
}

impl_figure_key!(PublishedFigure);

/// The guests checked in at the door of one meeting, per kind of
/// organisation, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DoorFields")]
pub struct DoorCount {
    /// Identity (derived from the meeting, [`door_count_id`]) and the
    /// publication that wrote it.
    pub meta: Meta,
    /// The meeting.
    pub meeting: RecordId,
    /// Live guests per kind of organisation; kinds nobody came from are
    /// left out.
    pub guests: BTreeMap<GuestOrg, Count>,
}

/// The fields of a [`DoorCount`] as read, before its id is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoorFields {
    meta: Meta,
    meeting: RecordId,
    #[serde(default)]
    guests: BTreeMap<GuestOrg, Count>,
}

impl TryFrom<DoorFields> for DoorCount {
    type Error = String;
    fn try_from(f: DoorFields) -> Result<DoorCount, String> {
        if f.meta.id != door_count_id(&f.meeting) {
            return Err("a door count's id must be the one its meeting gives".into());
        }
        Ok(DoorCount {
            meta: f.meta,
            meeting: f.meeting,
            guests: f.guests,
        })
    }
}

impl DoorCount {
    /// Everyone checked in.
    pub fn total(&self) -> u64 {
        self.guests
            .values()
            .fold(0u64, |sum, n| sum.saturating_add(n.get()))
    }
}

impl_entity!(PublishedFigure, DoorCount);

/// An id made from `text`: `prefix` and 22 characters of its SHA-256, so
/// the same key gives the same id on every device and forever, and two keys
/// never share one.
fn derived_id(prefix: &str, text: &str) -> RecordId {
    let digest = Sha256::digest(text.as_bytes());
    let mut bytes = [0u8; 16];
    for (b, d) in bytes.iter_mut().zip(digest.iter()) {
        *b = *d;
    }
    let hash = RecordId::from_random(bytes);
    RecordId::parse(&format!("{prefix}{hash}")).unwrap_or(hash)
}

/// The id of the published figure for `key`.
pub fn figure_id(key: &FigureKey) -> RecordId {
    // The key as the file format writes it: stable as long as the format.
    let text = serde_json::json!([key.indicator, key.scope, key.period, key.breakdown]).to_string();
    derived_id("fig-", &format!("published_figure\n{text}"))
}

/// The id of the published door count of `meeting`.
pub fn door_count_id(meeting: &RecordId) -> RecordId {
    derived_id("door-", &format!("door_count\n{meeting}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{DeviceId, Hlc};

    fn key(period: &str) -> FigureKey {
        FigureKey {
            indicator: RecordId::parse("demo-ind-deltagare").unwrap(),
            scope: Scope::Forbund,
            period: period.parse().unwrap(),
            breakdown: None,
        }
    }

    #[test]
    fn ids_are_derived_from_the_key_and_stay_the_same_forever() {
        // Fixed: a change here would duplicate every figure ever published.
        assert_eq!(
            figure_id(&key("2017")).as_str(),
            "fig-nxXZ0UVSUcAsEBedzIKZvg"
        );
        assert_eq!(
            door_count_id(&RecordId::parse("demo-fm-2018-02-02").unwrap()).as_str(),
            "door-yA_h9aU-PtyhV4pAinuQvQ"
        );
        assert_ne!(figure_id(&key("2017")), figure_id(&key("2018")));
        let long = RecordId::parse(&"m".repeat(64)).unwrap();
        assert!(door_count_id(&long).as_str().len() <= crate::core::ids::MAX_ID_LEN);
    }

    #[test]
    fn a_figure_whose_id_does_not_fit_its_key_is_refused() {
        let meta = |id: RecordId| Meta::new(id, Hlc::default(), DeviceId::parse("d").unwrap());
        let good = PublishedFigure {
            meta: meta(figure_id(&key("2017"))),
            indicator: key("2017").indicator,
            scope: Scope::Forbund,
            period: key("2017").period,
            breakdown: None,
            shown: PublishedValue::Count(Count::new(927).unwrap()),
        };
        let text = serde_json::to_string(&good).unwrap();
        assert_eq!(
            serde_json::from_str::<PublishedFigure>(&text).unwrap(),
            good
        );
        let moved = text.replace("\"2017\"", "\"2018\"");
        assert!(serde_json::from_str::<PublishedFigure>(&moved).is_err());
        for bad in [
            r#"{"fewer_than":0}"#,
            r#"{"fewer_than":21}"#,
            r#"{"count":-1}"#,
        ] {
            let t = text.replace(r#"{"count":927}"#, bad);
            assert!(
                serde_json::from_str::<PublishedFigure>(&t).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn door_counts_write_guests_per_kind_of_organisation() {
        let meeting = RecordId::parse("m1").unwrap();
        let mut guests = BTreeMap::new();
        guests.insert(GuestOrg::Region, Count::new(2).unwrap());
        guests.insert(GuestOrg::Municipality, Count::new(5).unwrap());
        let door = DoorCount {
            meta: Meta::new(
                door_count_id(&meeting),
                Hlc::default(),
                DeviceId::parse("d").unwrap(),
            ),
            meeting,
            guests,
        };
        let text = serde_json::to_string(&door).unwrap();
        assert!(
            text.contains(r#""guests":{"municipality":5,"region":2}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<DoorCount>(&text).unwrap(), door);
        assert_eq!(door.total(), 7);
        let elsewhere = text.replace("\"m1\"", "\"m2\"");
        assert!(serde_json::from_str::<DoorCount>(&elsewhere).is_err());
    }
}
