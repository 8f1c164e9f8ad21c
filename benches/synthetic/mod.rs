//! A synthetic förbund of realistic shape for the benchmarks, the same on
//! every machine (a fixed seed): ten years (2015–2024), fifty insatser,
//! thirty indicators with targets and outcomes per month and per year,
//! and any number of participations.
//!
//! Shared by `benches/board.rs` (timed natively) and
//! `examples/bench_data.rs` (written as a snapshot file for the Chromium
//! benchmarks), so both measure the same data.
//!
//! What it holds besides the participations (fixed, whatever their number):
//! - the demo's organisation, municipalities, partners, projects and end
//!   statuses;
//! - 50 insatser of every kind, a third of them in a project, eight
//!   providers;
//! - 30 indicators: the 7 participation measures computed by the app, 23
//!   entered by hand (counts and shares);
//! - targets (6 980): each indicator per year for the förbund; each computed
//!   one per year for every insats and for the förbund by gender and by
//!   municipality; each typed one per month for the förbund;
//! - outcomes (4 980): each typed indicator per month for the förbund;
//!   three typed ones per year for every insats, and two per month by
//!   municipality (figures with no target).
//!
//! Participations start on any day of the ten years, last 30–540 days, and
//! those that have ended by 2024 have an end status (one in ten has none).
#![allow(dead_code)] // each user takes what it needs

use maltavla::core::demo;
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{
    make_code, AgeBand, Breakdown, Dimension, Direction, FlowMeasure, Gender, Indicator, Insats,
    InsatsKind, Meta, Outcome, OutcomeSource, Participation, Record, Referrer, Scope, Target,
};
use maltavla::core::period::Period;
use maltavla::core::value::{Count, FigureValue, Percent, Unit};
use maltavla::core::workspace::Workspace;

/// The first and last year of the data.
pub const FIRST_YEAR: i32 = 2015;
/// The last year of the data.
pub const LAST_YEAR: i32 = 2024;
/// The year the board benchmarks look at.
pub const BOARD_YEAR: i32 = 2020;
/// The year a period change moves to.
pub const OTHER_YEAR: i32 = 2021;
/// Number of insatser.
pub const INSATSER: usize = 50;
/// Number of indicators.
pub const INDICATORS: usize = 30;

const PROVIDERS: [&str; 8] = [
    "Kommunen",
    "Arbetsförmedlingen",
    "Bönorna",
    "Grow",
    "Jobbverket",
    "Skyddsvärnet",
    "Stadsmissionen",
    "Regionen",
];

/// A small, fast, fixed-seed generator (xorshift64*): the data must be the
/// same on every run and machine, and need not be random in any deeper
/// sense.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed` (never zero inside).
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// An index into `weights`, chosen with those weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

fn rid(s: &str) -> RecordId {
    RecordId::parse(s).expect("synthetic ids are valid")
}

fn meta(id: &str, k: u64, device: &DeviceId) -> Meta {
    Meta::new(
        rid(id),
        Hlc {
            millis: 1_700_000_000_000 + k,
            counter: 0,
        },
        device.clone(),
    )
}

fn year(y: i32) -> Period {
    Period::year(y).expect("valid year")
}

fn month(y: i32, m: u32) -> Period {
    Period::month(y, m).expect("valid month")
}

fn months() -> impl Iterator<Item = Period> {
    (FIRST_YEAR..=LAST_YEAR).flat_map(|y| (1..=12).map(move |m| month(y, m)))
}

fn count(n: u64) -> FigureValue {
    FigureValue::Count(Count::saturating(n))
}

fn percent(p: u64) -> FigureValue {
    FigureValue::Percent(
        Percent::from_whole(u32::try_from(p.min(100)).unwrap_or(0)).expect("0–100"),
    )
}

/// The id of insats `i` (0-based).
pub fn insats_id(i: usize) -> RecordId {
    rid(&format!("syn-ins-{i:02}"))
}

/// The name of insats `i`, as a CSV would name it.
pub fn insats_name(i: usize) -> String {
    format!("Insats {:02}", i + 1)
}

/// The id of indicator `i` (0-based; the first seven are computed).
pub fn indicator_id(i: usize) -> RecordId {
    rid(&format!("syn-ind-{i:02}"))
}

/// The records of the synthetic förbund with `n` participations.
pub fn records(n: usize) -> Vec<Record> {
    let device = DeviceId::parse("bench").expect("valid");
    let mut rng = Rng::new(20_151_231);
    let mut k = 0u64;
    let mut next = || {
        k += 1;
        k
    };
    // The demo's organisation and its lists; none of its figures.
    let mut out: Vec<Record> = demo::records(Hlc::default(), &device)
        .into_iter()
        .filter(|r| {
            matches!(
                r,
                Record::Organisation(_)
                    | Record::Municipality(_)
                    | Record::Partner(_)
                    | Record::Project(_)
                    | Record::EndStatus(_)
            )
        })
        .collect();
    let municipalities: Vec<RecordId> = out
        .iter()
        .filter_map(|r| match r {
            Record::Municipality(m) => Some(m.meta.id.clone()),
            _ => None,
        })
        .collect();
    let projects: Vec<RecordId> = out
        .iter()
        .filter_map(|r| match r {
            Record::Project(p) => Some(p.meta.id.clone()),
            _ => None,
        })
        .collect();
    let end_statuses: Vec<RecordId> = out
        .iter()
        .filter_map(|r| match r {
            Record::EndStatus(s) => Some(s.meta.id.clone()),
            _ => None,
        })
        .collect();

    for i in 0..INSATSER {
        let served: Vec<RecordId> = municipalities
            .iter()
            .enumerate()
            .filter(|(j, _)| (i + j) % 3 != 0 || i % 4 == 0)
            .map(|(_, m)| m.clone())
            .collect();
        out.push(Record::Insats(Insats {
            meta: meta(&format!("syn-ins-{i:02}"), next(), &device),
            name: insats_name(i),
            kind: InsatsKind::ALL[i % InsatsKind::ALL.len()],
            description: format!("Syntetisk insats {} för benchmarks.", i + 1),
            municipalities: served,
            provider: PROVIDERS[i % PROVIDERS.len()].to_owned(),
            project: (i % 3 == 0 && !projects.is_empty())
                .then(|| projects[i % projects.len()].clone()),
            start: chrono::NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1),
            end: None,
            capacity: Count::new(10 + (i as u64 % 7) * 5),
            contacts: Vec::new(),
            orientation: None,
            target_group: String::new(),
            financing: Vec::new(),
        }));
    }

    let computed = FlowMeasure::ALL;
    for i in 0..INDICATORS {
        let measure = computed.get(i).copied();
        let unit = measure.map_or(
            if i % 2 == 0 {
                Unit::Count
            } else {
                Unit::Percent
            },
            |m| m.unit(),
        );
        out.push(Record::Indicator(Indicator {
            meta: meta(&format!("syn-ind-{i:02}"), next(), &device),
            name: format!("Indikator {:02}", i + 1),
            unit,
            definition: String::new(),
            numerator: if unit == Unit::Percent {
                "täljare".into()
            } else {
                String::new()
            },
            denominator: if unit == Unit::Percent {
                "nämnare".into()
            } else {
                String::new()
            },
            direction: Direction::HigherIsBetter,
            dimensions: if measure.is_some() {
                vec![
                    Dimension::Gender,
                    Dimension::Municipality,
                    Dimension::Referrer,
                    Dimension::AgeBand,
                ]
            } else {
                vec![Dimension::Municipality]
            },
            tolerance_percent: 10,
            prorate: unit == Unit::Count,
            computed: measure,
            ratio: None,
            sentence: String::new(),
        }));
    }
    let value_of = |i: usize, rng: &mut Rng, big: u64| {
        let unit = computed.get(i).map_or(
            if i.is_multiple_of(2) {
                Unit::Count
            } else {
                Unit::Percent
            },
            |m| m.unit(),
        );
        match unit {
            Unit::Count => count(big / 2 + rng.below(big.max(1))),
            // The synthetic indicators are counts and shares only.
            Unit::Percent | Unit::YesNo | Unit::Kronor => percent(20 + rng.below(60)),
        }
    };
    let mut targets = 0usize;
    let mut target = |out: &mut Vec<Record>,
                      rng: &mut Rng,
                      ind: usize,
                      scope: Scope,
                      period: Period,
                      breakdown: Option<Breakdown>,
                      big: u64,
                      k: u64| {
        targets += 1;
        out.push(Record::Target(Target {
            meta: meta(&format!("syn-t-{targets}"), k, &device),
            indicator: indicator_id(ind),
            scope,
            period,
            breakdown,
            value: value_of(ind, rng, big),
            note: String::new(),
        }));
    };
    let per_year = (n as u64 / 10).max(10);
    for y in FIRST_YEAR..=LAST_YEAR {
        for ind in 0..INDICATORS {
            target(
                &mut out,
                &mut rng,
                ind,
                Scope::Forbund,
                year(y),
                None,
                per_year,
                next(),
            );
        }
        for ind in 0..computed.len() {
            for i in 0..INSATSER {
                let scope = Scope::Insats(insats_id(i));
                target(
                    &mut out,
                    &mut rng,
                    ind,
                    scope,
                    year(y),
                    None,
                    per_year / 50,
                    next(),
                );
            }
            for g in Gender::ALL {
                let b = Some(Breakdown::Gender(g));
                target(
                    &mut out,
                    &mut rng,
                    ind,
                    Scope::Forbund,
                    year(y),
                    b,
                    per_year / 3,
                    next(),
                );
            }
            for m in &municipalities {
                let b = Some(Breakdown::Municipality(m.clone()));
                target(
                    &mut out,
                    &mut rng,
                    ind,
                    Scope::Forbund,
                    year(y),
                    b,
                    per_year / 3,
                    next(),
                );
            }
        }
    }
    for p in months() {
        for ind in computed.len()..INDICATORS {
            target(
                &mut out,
                &mut rng,
                ind,
                Scope::Forbund,
                p,
                None,
                200,
                next(),
            );
        }
    }

    let mut outcomes = 0usize;
    let mut outcome = |out: &mut Vec<Record>,
                       rng: &mut Rng,
                       ind: usize,
                       scope: Scope,
                       period: Period,
                       breakdown: Option<Breakdown>,
                       big: u64,
                       k: u64| {
        outcomes += 1;
        out.push(Record::Outcome(Outcome {
            meta: meta(&format!("syn-o-{outcomes}"), k, &device),
            indicator: indicator_id(ind),
            scope,
            period,
            breakdown,
            value: value_of(ind, rng, big),
            reported_on: Some(period.end()),
            source: OutcomeSource::default(),
            note: String::new(),
        }));
    };
    for p in months() {
        for ind in computed.len()..INDICATORS {
            outcome(
                &mut out,
                &mut rng,
                ind,
                Scope::Forbund,
                p,
                None,
                200,
                next(),
            );
        }
        for ind in [computed.len(), computed.len() + 1] {
            for m in &municipalities {
                let b = Some(Breakdown::Municipality(m.clone()));
                outcome(&mut out, &mut rng, ind, Scope::Forbund, p, b, 70, next());
            }
        }
    }
    for y in FIRST_YEAR..=LAST_YEAR {
        for i in 0..INSATSER {
            for j in 0..3 {
                let ind = computed.len() + (i + j) % (INDICATORS - computed.len());
                let scope = Scope::Insats(insats_id(i));
                outcome(&mut out, &mut rng, ind, scope, year(y), None, 40, next());
            }
        }
    }

    out.extend(participations(
        n,
        &municipalities,
        &end_statuses,
        &device,
        &mut rng,
        1_000_000,
    ));
    out
}

/// `n` participations spread over the ten years and fifty insatser.
fn participations(
    n: usize,
    municipalities: &[RecordId],
    end_statuses: &[RecordId],
    device: &DeviceId,
    rng: &mut Rng,
    k0: u64,
) -> Vec<Record> {
    let first = chrono::NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("valid");
    let last = chrono::NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("valid");
    let days = u64::try_from((last - first).num_days()).unwrap_or(1);
    let insatser: Vec<RecordId> = (0..INSATSER).map(insats_id).collect();
    (0..n)
        .map(|k| {
            let start = first + chrono::Days::new(rng.below(days));
            let end = start + chrono::Days::new(30 + rng.below(510));
            let ended = end <= last;
            let status = (ended && rng.below(10) != 0)
                .then(|| end_statuses[rng.below(end_statuses.len() as u64) as usize].clone());
            Record::Participation(Participation {
                meta: meta(&format!("p{k}"), k0 + k as u64, device),
                code: make_code(rng.next() as u32),
                insats: insatser[rng.below(INSATSER as u64) as usize].clone(),
                gender: [Gender::Woman, Gender::Man, Gender::OtherOrUnknown]
                    [rng.weighted(&[45, 50, 5])],
                age_band: AgeBand::ALL[rng.weighted(&[12, 22, 18, 20, 14, 10, 3, 1])],
                municipality: (rng.below(20) != 0).then(|| {
                    municipalities[rng.below(municipalities.len() as u64) as usize].clone()
                }),
                referrer: Referrer::ALL[rng.weighted(&[34, 27, 12, 6, 16, 5])],
                start,
                end: ended.then_some(end),
                end_status: status,
            })
        })
        .collect()
}

/// The synthetic förbund as a workspace.
pub fn workspace(n: usize) -> Workspace {
    Workspace::from_records(records(n))
}
