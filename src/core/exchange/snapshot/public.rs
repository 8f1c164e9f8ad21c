//! The part made for publishing (`"part":"public"`): what the host may put
//! at a public address (`data/snapshot.json`) for the board, partners and
//! the newsletter.
//!
//! Guarantees:
//! - **No personal data.** The part never holds a participation or an
//!   arrival (live or deleted) nor a record of a type this version does not
//!   know (it cannot tell what such a record holds), nor end statuses
//!   (only the participations use them). Pseudonymised records are
//!   personal data; the figures computed from them travel instead, with
//!   small numbers protected exactly as the board protects them: a hidden
//!   count or share is written as "fewer than the threshold" or "hidden",
//!   never as a number.
//! - **Safe to merge anywhere.** Every record carried from the workspace
//!   (organisation, municipalities, partners, projects, insatser,
//!   indicators, targets, outcomes, meetings, slot reports, presentations,
//!   tombstones included) is written exactly as the full export writes it:
//!   same id, stamp and fields. The computed figures are records of their
//!   own ([`PublishedFigure`], [`DoorCount`]) with ids derived from what
//!   they are about, so they never share an id with a record a workspace
//!   holds, and publishing again updates them.
//! - **The same figures.** A workspace made from the public file alone
//!   shows what the kansli's shows: [`answers_from_published`] and
//!   [`crate::core::meetings::attended`] say when the figures are answered
//!   from these records; `tests/public_snapshot.rs` compares every view.
//!
//! The figures are stamped by the pseudo-device [`PUBLISHER`] at the
//! exporting device's clock reading, so of two publications (from any
//! laptops) the later one replaces the earlier one's figures whole, and
//! never shows up as a conflict.

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::meetings;
use crate::core::model::published::{door_count_id, figure_id, Threshold};
use crate::core::model::{
    DoorCount, FigureKey, GuestOrg, Meta, PublishedFigure, PublishedValue, Record,
};
use crate::core::order;
use crate::core::participants::{computed_shown_in, CountBook, Shown};
use crate::core::period::{Period, PeriodKind};
use crate::core::value::Count;
use crate::core::workspace::Workspace;
use std::collections::{BTreeMap, BTreeSet};

/// The device every published figure is stamped by: one writer for all
/// publications, so the newest publication wins without a conflict.
pub const PUBLISHER: &str = "publicering";

/// Whether a record is carried to a public file as it is: the records the
/// board, the reports, the presentations, the meetings page, the places
/// board and the newsletter read, and nothing about a participant.
pub fn is_carried(record: &Record) -> bool {
    match record {
        Record::Organisation(_)
        | Record::Municipality(_)
        | Record::Partner(_)
        | Record::Project(_)
        | Record::Insats(_)
        | Record::Indicator(_)
        | Record::Target(_)
        | Record::Outcome(_)
        | Record::Meeting(_)
        | Record::SlotReport(_)
        | Record::Presentation(_)
        // What the report prints beside each goal.
        | Record::Forecast(_)
        | Record::Comment(_) => true,
        Record::EndStatus(_) | Record::Participation(_) | Record::Arrival(_) => false,
        // Written by [`published_records`], never carried blindly.
        Record::PublishedFigure(_) | Record::DoorCount(_) => false,
    }
}

/// Whether a workspace answers the figures of indicators computed from
/// participations from published figures: when it holds published figures
/// and no participation record at all (live or deleted). A workspace that
/// holds participations always counts its own; one that holds neither
/// counts its (empty) participations, as a new förbund does.
pub fn answers_from_published(ws: &Workspace) -> bool {
    ws.participations.all().next().is_none() && ws.published_figures.all().next().is_some()
}

/// The published figure for `key` as it may be shown, in a workspace that
/// [`answers_from_published`]; a figure that was not published has no data.
pub fn published_shown(ws: &Workspace, key: &FigureKey) -> Shown {
    ws.published_figures
        .get(&figure_id(key))
        .filter(|f| {
            f.indicator == key.indicator
                && f.scope == key.scope
                && f.period == key.period
                && f.breakdown == key.breakdown
        })
        .map_or(Shown::NoData, |f| shown_of(f.shown))
}

/// A published value as the views show it.
pub fn shown_of(value: PublishedValue) -> Shown {
    match value {
        PublishedValue::Count(c) => Shown::Count(c.get()),
        PublishedValue::Percent(p) => Shown::Share(p),
        PublishedValue::FewerThan(t) => Shown::Fewer(t.get()),
        PublishedValue::Hidden => Shown::Hidden,
        PublishedValue::NoData => Shown::NoData,
    }
}

/// A shown figure as it is published.
fn published_value(shown: Shown) -> PublishedValue {
    match shown {
        Shown::Count(n) => PublishedValue::Count(Count::saturating(n)),
        Shown::Share(p) => PublishedValue::Percent(p),
        Shown::Fewer(t) => {
            Threshold::new(t).map_or(PublishedValue::Hidden, PublishedValue::FewerThan)
        }
        Shown::Hidden => PublishedValue::Hidden,
        Shown::NoData => PublishedValue::NoData,
    }
}

/// The keys whose figures are published: every live target of a live
/// indicator computed from participations, and for a target of a whole
/// year the same figure the year before (the newsletter prints it beside
/// the year's: "2016 var siffran …") and the figures the indicator's
/// newsletter sentence prints (its slices, another indicator's figure).
pub fn figure_keys(ws: &Workspace) -> BTreeSet<FigureKey> {
    let mut keys = BTreeSet::new();
    for t in ws.targets.live() {
        let computed = ws
            .indicators
            .get(&t.indicator)
            .and_then(|i| i.computed)
            .is_some_and(|m| !m.is_meetings());
        if !computed {
            continue;
        }
        let key = t.key();
        // The figures the indicator's newsletter sentence prints beside
        // this one, so a public workspace writes the kansli's sentence.
        if t.period.kind() == PeriodKind::Year && t.breakdown.is_none() {
            if let Some(template) = ws
                .indicators
                .get(&t.indicator)
                .filter(|i| !i.sentence.trim().is_empty())
                .and_then(|i| crate::core::reports::newsletter::template::parse(&i.sentence).ok())
            {
                keys.extend(crate::core::reports::newsletter::template::figure_keys(
                    &template, ws, &key,
                ));
            }
        }
        if t.period.kind() == PeriodKind::Year {
            if let Ok(before) = Period::year(t.period.start_year().saturating_sub(1)) {
                keys.insert(FigureKey {
                    period: before,
                    ..key.clone()
                });
            }
        }
        keys.insert(key);
    }
    keys
}

/// A published record's metadata: written by [`PUBLISHER`] at `at`.
fn meta_at(id: RecordId, at: Hlc) -> Meta {
    let publisher = DeviceId::parse(PUBLISHER).unwrap_or_else(|_| DeviceId::from_random([0; 16]));
    Meta::new(id, at, publisher)
}

/// The figures of a workspace that counts its own participations, stamped
/// `at`: one per [`figure_keys`], protected at the förbund's threshold.
fn fresh_figures(ws: &Workspace, at: Hlc) -> Vec<PublishedFigure> {
    let keys = figure_keys(ws);
    let book = CountBook::new(ws, keys.iter().map(|k| k.period));
    let threshold = ws.protection_threshold();
    keys.into_iter()
        .filter_map(|key| {
            let indicator = ws.indicators.get(&key.indicator)?;
            let shown = computed_shown_in(&book, indicator, &key, threshold)?;
            Some(PublishedFigure {
                meta: meta_at(figure_id(&key), at),
                indicator: key.indicator,
                scope: key.scope,
                period: key.period,
                breakdown: key.breakdown,
                shown: published_value(shown),
            })
        })
        .collect()
}

/// The door count of a meeting this workspace counted itself (it holds
/// arrival records for it), stamped `at`.
fn fresh_door(ws: &Workspace, meeting: &RecordId, at: Hlc) -> DoorCount {
    let guests: BTreeMap<GuestOrg, Count> = meetings::arrivals_by_org(ws, meeting)
        .into_iter()
        .map(|(org, n)| (org, Count::saturating(n)))
        .collect();
    DoorCount {
        meta: meta_at(door_count_id(meeting), at),
        meeting: meeting.clone(),
        guests,
    }
}

/// The records a public file carries besides those it copies: the
/// computed figures and door counts, stamped `at` where this workspace
/// computes them itself, and as it holds them where it was given them.
pub fn published_records(ws: &Workspace, at: Hlc) -> Vec<Record> {
    let mut figures: Vec<PublishedFigure> = if answers_from_published(ws) {
        ws.published_figures.all().cloned().collect()
    } else if ws.participations.all().next().is_some() {
        fresh_figures(ws, at)
    } else {
        Vec::new()
    };
    order::sort_by(&mut figures, |a, b| a.meta.id.cmp(&b.meta.id));
    let mut out: Vec<Record> = figures.into_iter().map(Record::from).collect();
    // Inserted one by one: collecting into a set sorts, a second sort in
    // the download.
    let mut counted: BTreeSet<&RecordId> = BTreeSet::new();
    for a in ws.arrivals.all() {
        counted.insert(&a.meeting);
    }
    let mut doors: Vec<DoorCount> = ws
        .meetings
        .live()
        .filter(|m| counted.contains(&m.meta.id))
        .map(|m| fresh_door(ws, &m.meta.id, at))
        .collect();
    doors.extend(
        ws.door_counts
            .all()
            .filter(|d| !counted.contains(&d.meeting))
            .cloned(),
    );
    order::sort_by(&mut doors, |a, b| a.meta.id.cmp(&b.meta.id));
    out.extend(doors.into_iter().map(Record::from));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value::Percent;

    fn share(tenths: u32) -> Shown {
        Shown::Share(Percent::from_tenths(tenths).unwrap())
    }

    #[test]
    fn every_shown_figure_is_published_as_it_is_shown() {
        for s in [
            Shown::Count(0),
            Shown::Count(927),
            share(390),
            Shown::Fewer(3),
            Shown::Fewer(20),
            Shown::Hidden,
            Shown::NoData,
        ] {
            assert_eq!(shown_of(published_value(s)), s);
        }
    }

    #[test]
    fn the_publisher_is_a_valid_device() {
        assert_eq!(
            meta_at(RecordId::parse("x").unwrap(), Hlc::default())
                .stamp
                .device
                .as_str(),
            PUBLISHER
        );
    }
}
