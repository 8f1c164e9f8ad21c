//! The test-only builders of the shipped demo data, kept readable in Rust.
//! Each writes one `demo*.json` file (run `UPDATE_DEMO=1 cargo test demo`)
//! and a test in `demo/mod.rs` checks that the file is what it builds: the
//! app ships only the JSON, which keeps the download small.
//!
//! - `demo.json`, by [`demo`]: the förbund, its municipalities, partners
//!   and projects (`organisation.rs`), the insatser (`insatser.rs`), the
//!   indicators (`indicators.rs`) and the newsletters' targets and
//!   outcomes (`figures.rs`), in that order.
//! - `demo_1_2.json`: the frukostmöten and the places of 2018
//!   (`meetings.rs`).
//! - `demo_story.json`: what makes the demo one story (`story.rs`).
//! - `demo_1_6.json`: Nynäshamn's yes/no goal (`yes_no.rs`).
//! - `demo_sentences.json`: the newsletter's sentences and the breakdowns
//!   they print (`sentences.rs`).
//! - `demo_1_7.json`: the ESF budgets the seeds give, in kronor
//!   (`money.rs`).
//! - `demo_1_8.json`: a comment and a forecast beside the goals
//!   (`follow_up.rs`).
//!
//! Every builder stamps its records one after another with [`Builder`], so
//! a record's place in its file is its stamp order: moving a record
//! changes the file.

mod figures;
pub(super) mod follow_up;
mod indicators;
mod insatser;
pub(super) mod meetings;
pub(super) mod money;
mod organisation;
pub(super) mod sentences;
pub(super) mod story;
pub(super) mod yes_no;

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{
    Breakdown, Contact, Dimension, Direction, Indicator, Insats, InsatsKind, Meta, Outcome,
    OutcomeSource, Record, Scope, Target,
};
use crate::core::period::Period;
use crate::core::value::{Count, FigureValue, Percent, Unit};
use chrono::NaiveDate;

fn rid(s: &str) -> RecordId {
    // Every literal in the builders is a valid id; the fallback only keeps
    // this panic-free.
    RecordId::parse(s).unwrap_or_else(|_| RecordId::from_random([0; 16]))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The days from `from` to `to`, both included.
fn span(from: (i32, u32, u32), to: (i32, u32, u32)) -> Option<Period> {
    let (Some(from), Some(to)) = (date(from.0, from.1, from.2), date(to.0, to.1, to.2)) else {
        return None;
    };
    Period::range(from, to).ok()
}

/// The MIA project's period (April 2017 to August 2020): the project, its
/// subproject and their goals all cover it.
fn mia_period() -> Option<Period> {
    span((2017, 4, 1), (2020, 8, 31))
}

fn count(n: u64) -> FigureValue {
    FigureValue::Count(Count::saturating(n))
}

fn pct(whole: u32) -> FigureValue {
    FigureValue::Percent(Percent::saturating_tenths(whole * 10))
}

/// Builds records with consecutive stamps from one device.
struct Builder {
    hlc: Hlc,
    device: DeviceId,
    records: Vec<Record>,
}

impl Builder {
    /// A builder whose first record is stamped just after `after`.
    fn new(after: Hlc, device: &DeviceId) -> Builder {
        Builder {
            hlc: after,
            device: device.clone(),
            records: Vec::new(),
        }
    }

    fn meta(&mut self, id: &str) -> Meta {
        self.hlc = self.hlc.tick(self.hlc.millis);
        Meta::new(rid(id), self.hlc, self.device.clone())
    }

    fn push(&mut self, r: impl Into<Record>) {
        self.records.push(r.into());
    }

    #[allow(clippy::too_many_arguments)]
    fn insats(
        &mut self,
        id: &str,
        name: &str,
        kind: InsatsKind,
        municipalities: &[&str],
        provider: &str,
        project: Option<&str>,
        start: Option<NaiveDate>,
        description: &str,
        contacts: Vec<Contact>,
    ) {
        let meta = self.meta(id);
        self.push(Insats {
            meta,
            name: name.into(),
            kind,
            description: description.into(),
            municipalities: municipalities.iter().map(|m| rid(m)).collect(),
            provider: provider.into(),
            project: project.map(rid),
            start,
            end: None,
            capacity: None,
            contacts,
            orientation: None,
            target_group: String::new(),
            financing: Vec::new(),
        });
    }

    /// An insats of the MIA project with no provider, start or contacts.
    fn insats_plain(
        &mut self,
        id: &str,
        name: &str,
        kind: InsatsKind,
        municipalities: &[&str],
        description: &str,
    ) {
        self.insats(
            id,
            name,
            kind,
            municipalities,
            "",
            Some("demo-mia-os"),
            None,
            description,
            vec![],
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        id: &str,
        name: &str,
        unit: Unit,
        definition: &str,
        words: (&str, &str),
        dimensions: &[Dimension],
        prorate: bool,
    ) {
        let meta = self.meta(id);
        self.push(Indicator {
            meta,
            name: name.into(),
            unit,
            definition: definition.into(),
            numerator: words.0.into(),
            denominator: words.1.into(),
            direction: Direction::HigherIsBetter,
            dimensions: dimensions.to_vec(),
            tolerance_percent: 10,
            prorate,
            computed: None,
            ratio: None,
            sentence: String::new(),
        });
    }

    /// A target as `r` states it (the report's day is for outcomes only);
    /// none when the report's period is not one.
    fn target(&mut self, r: &Report<'_>, id: &str, indicator: &str, value: FigureValue) {
        let Some(period) = r.period else { return };
        let meta = self.meta(id);
        self.push(Target {
            meta,
            indicator: rid(indicator),
            scope: r.scope.clone(),
            period,
            breakdown: None,
            value,
            note: r.note.into(),
        });
    }

    /// An outcome as `r` reports it; none when the report's period is not
    /// one.
    fn outcome(
        &mut self,
        r: &Report<'_>,
        id: &str,
        indicator: &str,
        breakdown: Option<Breakdown>,
        value: FigureValue,
    ) {
        let Some(period) = r.period else { return };
        let meta = self.meta(id);
        self.push(Outcome {
            meta,
            indicator: rid(indicator),
            scope: r.scope.clone(),
            period,
            breakdown,
            value,
            reported_on: r.on,
            source: OutcomeSource::Manual,
            note: r.note.into(),
        });
    }

    /// A distribution `r` prints: one percent outcome of `indicator` per
    /// slice (code, slice, whole percent), with the id `id(code)`, in the
    /// order given.
    fn shares<'s>(
        &mut self,
        r: &Report<'_>,
        indicator: &str,
        id: impl Fn(&str) -> String,
        slices: impl IntoIterator<Item = (&'s str, Breakdown, u32)>,
    ) {
        for (code, slice, whole) in slices {
            self.outcome(r, &id(code), indicator, Some(slice), pct(whole));
        }
    }
}

/// What one newsletter reports on: the scope and period, the day it came
/// out and the note that names it. The targets and outcomes taken from one
/// report differ only in id, indicator, breakdown and value.
#[derive(Clone)]
struct Report<'a> {
    scope: Scope,
    period: Option<Period>,
    on: Option<NaiveDate>,
    note: &'a str,
}

impl<'a> Report<'a> {
    /// The same report, with a note of its own for one figure.
    fn noting(&self, note: &'a str) -> Report<'a> {
        Report {
            note,
            ..self.clone()
        }
    }
}

fn contact(role: &str, name: &str, phone: &str, email: &str) -> Contact {
    Contact {
        role: role.into(),
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
    }
}

/// The records of `demo.json`, stamped after `after` by `device`.
pub(super) fn demo(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    organisation::organisation_and_projects(&mut b);
    insatser::insatser(&mut b);
    indicators::indicators(&mut b);
    figures::figures_2016_2017(&mut b);
    figures::figures_2018(&mut b);
    b.records
}
