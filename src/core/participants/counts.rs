//! Counting participations in a period, in total and per breakdown slice.
//!
//! Definitions (one place, so every view and export agrees):
//! - *active*: started on or before the period's last day and not ended
//!   before its first;
//! - *new*: started within the period;
//! - *ended*: ended within the period;
//! - the shares to work or studies and to ordinary measures are of those
//!   who ended; the share of women is of the active; the self-referral
//!   share is of the new.

use crate::core::ids::RecordId;
use crate::core::model::{
    Breakdown, Dimension, EndCategory, FlowMeasure, Gender, Participation, Referrer,
};
use crate::core::period::Period;
use crate::core::value::Percent;
use std::collections::BTreeMap;

/// The counts behind every flow figure for one group of participations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlowCounts {
    /// Active during the period.
    pub active: u64,
    /// Started during the period.
    pub new: u64,
    /// Ended during the period.
    pub ended: u64,
    /// Ended during the period to work or studies.
    pub work_or_studies: u64,
    /// Ended during the period onward to ordinary measures.
    pub ordinary: u64,
    /// Women among the active.
    pub women: u64,
    /// Self-referred among the new.
    pub self_referred: u64,
}

/// A share: `part` of `whole`, kept as counts so it can be protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// The numerator.
    pub part: u64,
    /// The denominator.
    pub whole: u64,
}

impl Share {
    /// The share as a percentage (to a tenth); `None` when `whole` is 0.
    pub fn percent(self) -> Option<Percent> {
        Percent::from_ratio(self.part, self.whole)
    }

    /// The share in whole percent, as newsletters print it.
    pub fn whole_percent(self) -> Option<Percent> {
        Percent::from_ratio_whole(self.part, self.whole)
    }
}

impl FlowMeasure {
    /// The measure's figure from the counts: `Ok` a count, `Err` a share.
    pub fn of(self, c: &FlowCounts) -> Result<u64, Share> {
        let share = |part, whole| Err(Share { part, whole });
        match self {
            FlowMeasure::Active => Ok(c.active),
            FlowMeasure::New => Ok(c.new),
            FlowMeasure::Ended => Ok(c.ended),
            FlowMeasure::ShareWorkOrStudies => share(c.work_or_studies, c.ended),
            FlowMeasure::ShareOrdinary => share(c.ordinary, c.ended),
            FlowMeasure::ShareWomen => share(c.women, c.active),
            FlowMeasure::ShareSelfReferral => share(c.self_referred, c.new),
            // Not a participation figure: `core::meetings` counts it, and
            // no participation counts towards it.
            FlowMeasure::MeetingAttendance => Ok(0),
        }
    }
}

impl std::ops::AddAssign for FlowCounts {
    fn add_assign(&mut self, o: FlowCounts) {
        self.active += o.active;
        self.new += o.new;
        self.ended += o.ended;
        self.work_or_studies += o.work_or_studies;
        self.ordinary += o.ordinary;
        self.women += o.women;
        self.self_referred += o.self_referred;
    }
}

impl FlowCounts {
    /// Whether one participation's counts are all zero (it was not active
    /// in the period, so it counts nowhere).
    pub fn is_zero(&self) -> bool {
        self.active == 0 && self.new == 0 && self.ended == 0
    }
}

/// What one participation adds to the counts of `period`; `category` tells
/// what an end status counts as (unknown statuses count as neither share).
pub fn of_one(
    p: &Participation,
    period: &Period,
    category: &dyn Fn(&RecordId) -> Option<EndCategory>,
) -> FlowCounts {
    let active = p.start <= period.end() && p.end.is_none_or(|e| e >= period.start());
    let new = period.contains_date(p.start);
    let ended = p.end.is_some_and(|e| period.contains_date(e));
    let cat = if ended {
        p.end_status.as_ref().and_then(category)
    } else {
        None
    };
    FlowCounts {
        active: u64::from(active),
        new: u64::from(new),
        ended: u64::from(ended),
        work_or_studies: u64::from(cat == Some(EndCategory::WorkOrStudies)),
        ordinary: u64::from(cat == Some(EndCategory::OrdinaryMeasures)),
        women: u64::from(active && p.gender == Gender::Woman),
        self_referred: u64::from(new && p.referrer == Referrer::SelfReferral),
    }
}

/// Adds one participation to `counts`.
fn add(
    counts: &mut FlowCounts,
    p: &Participation,
    period: &Period,
    category: &dyn Fn(&RecordId) -> Option<EndCategory>,
) {
    *counts += of_one(p, period, category);
}

/// The counts of the live participations among `participations` for
/// `period`.
pub fn count<'a>(
    participations: impl IntoIterator<Item = &'a Participation>,
    period: &Period,
    category: &dyn Fn(&RecordId) -> Option<EndCategory>,
) -> FlowCounts {
    let mut c = FlowCounts::default();
    for p in participations.into_iter().filter(|p| p.meta.is_live()) {
        add(&mut c, p, period, category);
    }
    c
}

/// The counts per slice of `dimension`. Participations without a value for
/// it (no municipality) are left out of every slice, so the slices may sum
/// to less than the total. `provider` names the provider of an insats.
pub fn breakdown<'a>(
    participations: impl IntoIterator<Item = &'a Participation>,
    period: &Period,
    dimension: Dimension,
    category: &dyn Fn(&RecordId) -> Option<EndCategory>,
    provider: &dyn Fn(&RecordId) -> Option<String>,
) -> BTreeMap<Breakdown, FlowCounts> {
    let mut out: BTreeMap<Breakdown, FlowCounts> = BTreeMap::new();
    for p in participations.into_iter().filter(|p| p.meta.is_live()) {
        let slice = match dimension {
            Dimension::Municipality => p.municipality.clone().map(Breakdown::Municipality),
            Dimension::Gender => Some(Breakdown::Gender(p.gender)),
            Dimension::Referrer => Some(Breakdown::Referrer(p.referrer)),
            Dimension::AgeBand => Some(Breakdown::AgeBand(p.age_band)),
            Dimension::Provider => provider(&p.insats).map(Breakdown::Provider),
        };
        if let Some(slice) = slice {
            add(out.entry(slice).or_default(), p, period, category);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::model::AgeBand;
    use crate::core::testing::meta;
    use chrono::NaiveDate;

    pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A participation in insats `i` from `start` to `end`.
    pub(crate) fn part(
        id: &str,
        start: NaiveDate,
        end: Option<(NaiveDate, &str)>,
        gender: Gender,
        referrer: Referrer,
    ) -> Participation {
        Participation {
            meta: meta(id),
            code: id.to_uppercase(),
            insats: RecordId::parse("i").unwrap(),
            gender,
            age_band: AgeBand::From20To24,
            municipality: None,
            referrer,
            start,
            end: end.map(|(d, _)| d),
            end_status: end.map(|(_, s)| RecordId::parse(s).unwrap()),
        }
    }

    pub(crate) fn category(id: &RecordId) -> Option<EndCategory> {
        match id.as_str() {
            "work" => Some(EndCategory::WorkOrStudies),
            "ordinary" => Some(EndCategory::OrdinaryMeasures),
            "dropped" => Some(EndCategory::Other),
            _ => None,
        }
    }

    #[test]
    fn a_year_counts_active_new_and_ended_by_their_dates() {
        let year = Period::year(2018).unwrap();
        let w = Gender::Woman;
        let m = Gender::Man;
        let ps = [
            // Started before, ended within to work: active, ended.
            part(
                "a",
                date(2017, 5, 1),
                Some((date(2018, 3, 1), "work")),
                w,
                Referrer::Municipality,
            ),
            // Started within, still going: active, new.
            part("b", date(2018, 2, 1), None, m, Referrer::SelfReferral),
            // Started and ended within, onward to ordinary measures.
            part(
                "c",
                date(2018, 4, 1),
                Some((date(2018, 6, 1), "ordinary")),
                w,
                Referrer::SelfReferral,
            ),
            // Ended before the year: not counted at all.
            part(
                "d",
                date(2016, 1, 1),
                Some((date(2017, 12, 31), "work")),
                w,
                Referrer::Region,
            ),
            // Starts after the year.
            part("e", date(2019, 1, 1), None, m, Referrer::Region),
            // Starts on the last day.
            part(
                "f",
                date(2018, 12, 31),
                None,
                w,
                Referrer::EmploymentService,
            ),
        ];
        let c = count(&ps, &year, &category);
        assert_eq!(
            c,
            FlowCounts {
                active: 4,
                new: 3,
                ended: 2,
                work_or_studies: 1,
                ordinary: 1,
                women: 3,
                self_referred: 2,
            }
        );
        let share = FlowMeasure::ShareWorkOrStudies.of(&c).unwrap_err();
        assert_eq!(share.percent(), Percent::from_whole(50));
        assert_eq!(
            FlowMeasure::ShareWomen.of(&c).unwrap_err(),
            Share { part: 3, whole: 4 }
        );
        assert_eq!(FlowMeasure::Active.of(&c), Ok(4));
    }

    #[test]
    fn deleted_participations_are_not_counted() {
        let year = Period::year(2018).unwrap();
        let mut p = part("a", date(2018, 1, 1), None, Gender::Man, Referrer::Other);
        p.meta.deleted = true;
        assert_eq!(count([&p], &year, &category), FlowCounts::default());
    }

    #[test]
    fn a_breakdown_counts_each_slice() {
        let year = Period::year(2018).unwrap();
        let ps = [
            part(
                "a",
                date(2018, 1, 1),
                None,
                Gender::Woman,
                Referrer::SelfReferral,
            ),
            part(
                "b",
                date(2018, 1, 1),
                None,
                Gender::Woman,
                Referrer::Municipality,
            ),
            part(
                "c",
                date(2018, 1, 1),
                None,
                Gender::Man,
                Referrer::Municipality,
            ),
        ];
        let none = |_: &RecordId| None;
        let by = breakdown(&ps, &year, Dimension::Gender, &category, &none);
        assert_eq!(by[&Breakdown::Gender(Gender::Woman)].active, 2);
        assert_eq!(by[&Breakdown::Gender(Gender::Man)].active, 1);
        let by = breakdown(&ps, &year, Dimension::Municipality, &category, &none);
        assert!(by.is_empty(), "no participation has a municipality");
    }
}
