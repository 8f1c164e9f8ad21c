//! Demo participations that reproduce, when counted, the key figures of the
//! February 2018 newsletter's "En kort sammanfattning av 2017 i siffror" and
//! the September 2018 half-year report: 927 participants in 2017, 43 %
//! women; 271 (92 women, 179 men) started work or studies, 39 % of all who
//! ended; 634 new, 23 % from Nynäshamn, 34 % from Tyresö and 43 % from
//! Haninge; referred by the municipalities 34 %, Arbetsförmedlingen 27 %,
//! self-referral 16 % = 102; in the first half of 2018, 204 new and 64 % of
//! those who ended to work or studies.
//!
//! Guarantees: the records are made, not shipped (a few hundred bytes of
//! rules instead of 900 records of JSON in the download); the same on every
//! laptop (fixed ids and codes, no randomness), so loading them twice or on
//! two laptops merges into one set; nothing in them identifies anyone.
//!
//! [`participations`] is the generator as snapshot format 1.5 shipped it;
//! [`story_participations`] is what the demo holds now, retold by
//! `story.rs` (insats, age band, the 2018 end statuses and self-referrals)
//! so the rest of the demo agrees with it.

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{
    default_end_statuses, make_code, AgeBand, EndStatus, Gender, Meta, Participation, Referrer,
};
use chrono::{Days, NaiveDate};

/// When the participations of a group end.
#[derive(Clone, Copy)]
enum Ending {
    /// They go on.
    Never,
    /// Between `after` and `after + spread` days after their start.
    After { after: u64, spread: u64 },
    /// In `year`, between day `from` and `from + spread`.
    In { year: i32, from: u64, spread: u64 },
}

/// One group of participations with the same course.
struct Group {
    /// How many.
    count: usize,
    /// How many of them are women.
    women: usize,
    /// How many of them started in 2016 and end in 2017.
    carried: usize,
    /// The others start in this year, within `spread` days of its start.
    year: i32,
    spread: u64,
    /// When they end, and with which end statuses (ids, how many).
    ending: Ending,
    ends: &'static [(&'static str, usize)],
}

/// The 2017 groups and the first half of 2018.
const GROUPS: [Group; 6] = [
    // Ended in 2017 to work or studies: 271 = 39 % of the 695 who ended.
    Group {
        count: 271,
        women: 92,
        carried: 120,
        year: 2017,
        spread: 150,
        ending: Ending::After {
            after: 30,
            spread: 150,
        },
        ends: &[
            ("end-work", 160),
            ("end-subsidised-work", 46),
            ("end-studies", 65),
        ],
    },
    // Ended in 2017 otherwise.
    Group {
        count: 424,
        women: 190,
        carried: 173,
        year: 2017,
        spread: 150,
        ending: Ending::After {
            after: 30,
            spread: 150,
        },
        ends: &[
            ("end-job-seeking", 110),
            ("end-ordinary", 100),
            ("end-other-insats", 60),
            ("end-sick-leave", 70),
            ("end-dropped-out", 54),
            ("end-unknown", 30),
        ],
    },
    // Started in 2017, still going in the autumn of 2018.
    Group {
        count: 122,
        women: 62,
        carried: 0,
        year: 2017,
        spread: 360,
        ending: Ending::Never,
        ends: &[],
    },
    // Started in 2017, ended in the first half of 2018 (70 of 110 to work
    // or studies).
    Group {
        count: 110,
        women: 55,
        carried: 0,
        year: 2017,
        spread: 360,
        ending: Ending::In {
            year: 2018,
            from: 4,
            spread: 170,
        },
        ends: &[
            ("end-work", 40),
            ("end-studies", 30),
            ("end-job-seeking", 40),
        ],
    },
    // Started and ended in the first half of 2018 (26 of 40 to work or
    // studies: with the group above, 96 of 150 = 64 %).
    Group {
        count: 40,
        women: 16,
        carried: 0,
        year: 2018,
        spread: 100,
        ending: Ending::After {
            after: 30,
            spread: 40,
        },
        ends: &[
            ("end-work", 20),
            ("end-studies", 6),
            ("end-dropped-out", 14),
        ],
    },
    // Started in the first half of 2018 and going on (with the group above,
    // 204 new).
    Group {
        count: 164,
        women: 74,
        carried: 0,
        year: 2018,
        spread: 180,
        ending: Ending::Never,
        ends: &[],
    },
];

/// New participants in 2017 by municipality, in the order they are handed
/// out: Nynäshamn 146, Tyresö 216, Haninge 272 (of 634).
const MUNICIPALITIES: [(&str, usize); 3] = [
    ("demo-nynashamn", 146),
    ("demo-tyreso", 216),
    ("demo-haninge", 272),
];

/// New participants in 2017 by referrer (of 634).
const REFERRERS: [(Referrer, usize); 6] = [
    (Referrer::Municipality, 216),
    (Referrer::EmploymentService, 171),
    (Referrer::SelfReferral, 102),
    (Referrer::SocialInsurance, 70),
    (Referrer::Region, 45),
    (Referrer::Other, 30),
];

/// The `k`-th value of a list of (value, how many), cycling.
pub(super) fn nth<T: Copy>(list: &[(T, usize)], k: usize) -> T {
    let total: usize = list.iter().map(|(_, n)| n).sum();
    let mut k = k % total.max(1);
    for &(v, n) in list {
        if k < n {
            return v;
        }
        k -= n;
    }
    list[0].0
}

/// A stable pseudonymous code: the number spread over the code space by a
/// multiplication (the tests check that no two codes are the same).
fn code(n: usize) -> String {
    make_code((n as u32).wrapping_mul(2_654_435_761) & 0x3FFF_FFFF)
}

fn day(year: i32, offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset)))
        .unwrap_or_default()
}

/// The insats a participant takes part in: the youth team of their
/// municipality for the young and before the newer insatser started,
/// otherwise one of the municipality's other insatser.
fn insats_for(municipality: &str, age: AgeBand, start: NaiveDate, k: usize) -> &'static str {
    let young = age <= AgeBand::From25To29;
    let newer = start >= day(2017, 90);
    match municipality {
        "demo-haninge" if young || !newer => "demo-ut-haninge",
        "demo-haninge" => [
            "demo-at-jobbverket",
            "demo-at-bonorna",
            "demo-at-skyddsvarnet",
        ][k % 3],
        "demo-tyreso" if young || !newer => "demo-ung-tyreso",
        "demo-tyreso" => "demo-at-grow",
        _ if young || !newer => "demo-ung-nynas",
        _ => "demo-kbt",
    }
}

/// The förbund's default end statuses, stamped after `after` by `device`.
pub fn end_statuses(after: Hlc, device: &DeviceId) -> Vec<EndStatus> {
    default_end_statuses(after, device)
}

/// The category of an end status among `statuses`, the lookup the
/// counting functions take, for counting the demo without a workspace.
#[cfg(test)]
pub(super) fn category_in(
    statuses: &[EndStatus],
) -> impl Fn(&RecordId) -> Option<crate::core::model::EndCategory> + '_ {
    move |id| {
        statuses
            .iter()
            .find(|s| &s.meta.id == id)
            .map(|s| s.category)
    }
}

/// Where a generated participation comes from: its group in [`GROUPS`],
/// its place `k` in the group, and whether it was carried over from 2016.
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) group: usize,
    pub(super) k: usize,
    pub(super) carried: bool,
}

/// The demo participations as snapshot format 1.5 shipped them, stamped
/// after `after` by `device`.
pub fn participations(after: Hlc, device: &DeviceId) -> Vec<Participation> {
    generate(after, device).0
}

/// The demo participations as they tell the demo's story now: the
/// generator's, retold by `story.rs` (the first 30 as they were).
pub fn story_participations(after: Hlc, device: &DeviceId) -> Vec<Participation> {
    let (mut ps, places) = generate(after, device);
    super::story::retell(&mut ps, &places);
    ps
}

/// The generator's participations and where each comes from.
fn generate(after: Hlc, device: &DeviceId) -> (Vec<Participation>, Vec<Place>) {
    let mut out = Vec::new();
    let mut places = Vec::new();
    // Everyone new in 2017 gets a municipality and a referrer from the
    // newsletter's distributions, spread by steps coprime to 634 so that
    // they do not line up with the groups or with each other.
    let mut new_2017 = 0usize;
    let mut n = 0usize;
    for (g, group) in GROUPS.iter().enumerate() {
        for k in 0..group.count {
            let carried = k < group.carried;
            let spread = |days: u64| k as u64 % days.max(1);
            let start = if carried {
                day(2016, spread(300))
            } else {
                day(group.year, spread(group.spread))
            };
            let end = match group.ending {
                Ending::Never => None,
                _ if carried => Some(day(2017, spread(360))),
                Ending::After { after, spread: s } => {
                    start.checked_add_days(Days::new(after + spread(s)))
                }
                Ending::In {
                    year,
                    from,
                    spread: s,
                } => Some(day(year, from + spread(s))),
            };
            let (municipality, referrer) = if group.year == 2017 && !carried {
                let i = new_2017;
                new_2017 += 1;
                (
                    nth(&MUNICIPALITIES, (i * 277) % 634),
                    nth(&REFERRERS, (i * 389) % 634),
                )
            } else {
                (nth(&MUNICIPALITIES, n * 7), nth(&REFERRERS, n * 11))
            };
            let age = AgeBand::ALL[n % 7];
            let (Ok(id), Ok(insats)) = (
                RecordId::parse(&format!("demo-p-{n}")),
                RecordId::parse(insats_for(municipality, age, start, n)),
            ) else {
                continue;
            };
            out.push(Participation {
                meta: Meta::new(id, after, device.clone()),
                code: code(n),
                insats,
                gender: if k < group.women {
                    Gender::Woman
                } else {
                    Gender::Man
                },
                age_band: age,
                municipality: RecordId::parse(municipality).ok(),
                referrer,
                start,
                end,
                end_status: end.and_then(|_| RecordId::parse(nth(group.ends, k)).ok()),
            });
            places.push(Place {
                group: g,
                k,
                carried,
            });
            n += 1;
        }
    }
    (out, places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fmt_sv;
    use crate::core::model::{Breakdown, Dimension, EndCategory};
    use crate::core::participants::{breakdown, count, FlowMeasure};
    use crate::core::period::Period;

    fn demo() -> (Vec<Participation>, Vec<EndStatus>) {
        let device = DeviceId::parse("demo").unwrap();
        (
            story_participations(Hlc::default(), &device),
            end_statuses(Hlc::default(), &device),
        )
    }

    fn share(m: FlowMeasure, c: &crate::core::participants::FlowCounts) -> String {
        fmt_sv::percent(m.of(c).unwrap_err().whole_percent().unwrap())
    }

    #[test]
    fn counting_2017_gives_the_newsletters_figures() {
        let (ps, statuses) = demo();
        let category = category_in(&statuses);
        let year = Period::year(2017).unwrap();
        let c = count(&ps, &year, &category);
        // "927 deltagare fick individuellt anpassat stöd under året, varav
        // 43 procent kvinnor"
        assert_eq!(c.active, 927);
        assert_eq!(share(FlowMeasure::ShareWomen, &c), "43\u{a0}%");
        // "271 personer började arbeta eller studera (92 kvinnor, 179 män).
        // Det motsvarar 39 procent av samtliga som avslutade"
        assert_eq!(c.work_or_studies, 271);
        assert_eq!(share(FlowMeasure::ShareWorkOrStudies, &c), "39\u{a0}%");
        let by_gender = breakdown(&ps, &year, Dimension::Gender, &category, &|_| None);
        assert_eq!(
            by_gender[&Breakdown::Gender(Gender::Woman)].work_or_studies,
            92
        );
        assert_eq!(
            by_gender[&Breakdown::Gender(Gender::Man)].work_or_studies,
            179
        );
        // "634 nya deltagare … 23 procent var från Nynäshamn, 34 procent
        // från Tyresö och 43 procent från Haninge"
        assert_eq!(c.new, 634);
        let by_place = breakdown(&ps, &year, Dimension::Municipality, &category, &|_| None);
        let new_share = |id: &str| {
            let part = by_place[&Breakdown::Municipality(RecordId::parse(id).unwrap())].new;
            fmt_sv::percent(crate::core::value::Percent::from_ratio_whole(part, c.new).unwrap())
        };
        assert_eq!(new_share("demo-nynashamn"), "23\u{a0}%");
        assert_eq!(new_share("demo-tyreso"), "34\u{a0}%");
        assert_eq!(new_share("demo-haninge"), "43\u{a0}%");
        // "kommunerna … (34 procent) följda av Arbetsförmedlingen (27
        // procent). Andelen egenanmälningar var 16 procent, vilket motsvarar
        // 102 deltagare."
        let by_referrer = breakdown(&ps, &year, Dimension::Referrer, &category, &|_| None);
        let referred = |r: Referrer| by_referrer[&Breakdown::Referrer(r)].new;
        let of_new = |r: Referrer| {
            fmt_sv::percent(
                crate::core::value::Percent::from_ratio_whole(referred(r), c.new).unwrap(),
            )
        };
        assert_eq!(of_new(Referrer::Municipality), "34\u{a0}%");
        assert_eq!(of_new(Referrer::EmploymentService), "27\u{a0}%");
        assert_eq!(c.self_referred, 102);
        assert_eq!(share(FlowMeasure::ShareSelfReferral, &c), "16\u{a0}%");
    }

    #[test]
    fn the_first_half_of_2018_gives_the_half_year_report() {
        let (ps, statuses) = demo();
        let category = category_in(&statuses);
        let c = count(&ps, &Period::half(2018, 1).unwrap(), &category);
        // "Totalt 204 personer kom", "64 procent av deltagarna gick vidare
        // till arbete eller studier"
        assert_eq!(c.new, 204);
        assert_eq!(share(FlowMeasure::ShareWorkOrStudies, &c), "64\u{a0}%");
    }

    #[test]
    fn the_records_are_consistent_and_anonymous() {
        let (ps, statuses) = demo();
        let codes: std::collections::BTreeSet<&str> = ps.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), ps.len(), "codes are unique");
        assert!(ps.iter().all(|p| p.code.len() == 6));
        for p in &ps {
            assert!(
                p.end.is_none_or(|e| e >= p.start),
                "{} ends before it starts",
                p.meta.id
            );
            assert_eq!(p.end.is_some(), p.end_status.is_some(), "{}", p.meta.id);
            if let Some(s) = &p.end_status {
                assert!(statuses.iter().any(|x| &x.meta.id == s), "{s}");
            }
        }
        assert!(statuses
            .iter()
            .any(|s| s.category == EndCategory::OrdinaryMeasures));
    }
}
