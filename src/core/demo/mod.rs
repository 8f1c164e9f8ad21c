//! The demo data set, from the förbund's own newsletters (2016–2018) and the
//! MIA fact sheet in `shared/seeds`.
//!
//! Guarantees: ids are fixed, so loading the demo on two laptops gives
//! records that merge into one set; every figure is one the newsletters
//! print, with its source in the note; [`missing_records`] only adds records
//! the workspace has never held, so it never overwrites an edit or brings
//! back something deleted.
//!
//! Layout:
//! - `demo*.json`: the records the app ships, `demo.json` first and then
//!   the later sets in [`LATER_SETS`]. Shipping data instead of builder
//!   code keeps the download small.
//! - `participants.rs` and `story.rs`: the participations, made in code
//!   when the demo is read (see below).
//! - `write/` (test-only): the builders that write the JSON files, one
//!   file per part of the data; its `mod.rs` says which writes which
//!   file. The tests below check that every shipped file is what its
//!   builder builds. `demo_1_3.json`, one presentation, has no builder.
//! - `checks.rs` (test-only): the checks that the demo tells one story.
//!
//! The demo tells one story (`demo_story.json`, built by `write/story.rs`,
//! and the participations retold by `story.rs`): the places board and the
//! participations agree on every report date, what the app computes from
//! participations is what the newsletters print, and every figure no
//! newsletter prints says "påhittad siffra i exempeldata" in its note. The
//! participations are retold in code, not rewritten as JSON records: that
//! touches about 1 100 of them, some 330 KB of JSON against a few hundred
//! bytes of rules; `demo_story.json` itself is 13 KB (2.7 KB gzipped). The
//! first 30 participations, which the old snapshot fixtures hold, are left
//! as they were.

#[cfg(test)]
mod checks;
pub mod participants;
mod story;
#[cfg(test)]
mod write;

use super::ids::{DeviceId, Hlc, RecordId, Stamp};
use super::model::Record;
use super::workspace::Workspace;

/// The year the board should show right after loading the demo: the year the
/// richest newsletter summarises.
pub const SUGGESTED_YEAR: i32 = 2017;

/// The demo records as stored, one per line.
const DEMO_JSON: &str = include_str!("demo.json");

/// The demo records added with snapshot format 1.2 (frukostmöten, lediga
/// platser): kept apart and listed last, so the records older formats
/// hold keep their stamps and the old fixtures stay the demo they were.
const DEMO_1_2_JSON: &str = include_str!("demo_1_2.json");

/// The demo record added with snapshot format 1.3: a presentation of 2017
/// for the projector, listed after everything older formats hold.
const DEMO_1_3_JSON: &str = include_str!("demo_1_3.json");

/// The demo records added with snapshot format 1.6: Nynäshamn's yes/no
/// goal of 2017 (12 procent kvinnor bland deltagarna, met), built by
/// `write/yes_no.rs`.
const DEMO_1_6_JSON: &str = include_str!("demo_1_6.json");

/// The demo indicators with the newsletter's own sentences as templates,
/// and the breakdowns those sentences print (participants by gender, new
/// participants by municipality), format 1.6: built by `write/sentences.rs`.
const DEMO_SENTENCES_JSON: &str = include_str!("demo_sentences.json");

/// The demo records added with snapshot format 1.7: the ESF budgets of MIA
/// and the etableringscentrum in kronor, and MIA's (invented) spend so
/// far, built by `write/money.rs`.
const DEMO_1_7_JSON: &str = include_str!("demo_1_7.json");

/// The demo records added with snapshot format 1.8: the newsletter's
/// analysis of MIA Östra Södertörn's goal for the delår as a comment, and
/// an (invented) forecast of MIA's ESF spend, built by `write/follow_up.rs`.
const DEMO_1_8_JSON: &str = include_str!("demo_1_8.json");

/// The later record sets, oldest first. Each may add records and may
/// rewrite records of earlier sets (same id, what a later version knows
/// better): a rewrite takes the earlier record's place, so every other
/// record keeps its position and stamp and the old fixtures stay the demo
/// they were.
const LATER_SETS: [&str; 7] = [
    DEMO_1_2_JSON,
    DEMO_1_3_JSON,
    DEMO_STORY_JSON,
    DEMO_1_6_JSON,
    DEMO_SENTENCES_JSON,
    DEMO_1_7_JSON,
    DEMO_1_8_JSON,
];

/// The demo's story made whole (format 1.6): what the slot reports, the
/// participations and the indicators say agrees, invented figures are
/// marked, and seed facts the demo lacked are added. Its rewrites of
/// earlier records are in place; the participations are retold in code
/// (`story.rs`) when this set is read.
const DEMO_STORY_JSON: &str = include_str!("demo_story.json");

/// How many of [`LATER_SETS`] the demo of snapshot format 1.5 held.
pub const LATER_SETS_OF_1_5: usize = 2;

/// How many of [`LATER_SETS`] the demo of snapshot format 1.6 holds (the
/// story, the yes/no goal and the newsletter's sentences).
pub const LATER_SETS_OF_1_6: usize = 5;

/// How many of [`LATER_SETS`] the demo of snapshot format 1.7 holds (the
/// ESF budgets in kronor).
pub const LATER_SETS_OF_1_7: usize = 6;

/// How many of [`LATER_SETS`] the demo of snapshot format 1.8 holds (a
/// comment and a forecast).
pub const LATER_SETS_OF_1_8: usize = 7;

/// Every demo record, stamped after `after` by `device`: the newsletters'
/// records, the default end statuses and the participations that give the
/// newsletters' participant figures, then the later sets (frukostmöten and
/// lediga platser, the presentation, and what came after).
pub fn records(after: Hlc, device: &DeviceId) -> Vec<Record> {
    records_through(after, device, LATER_SETS.len())
}

/// The demo records with only the first `later_sets` of [`LATER_SETS`]:
/// the demo as an older version shipped it, for the fixtures' tests.
pub fn records_through(after: Hlc, device: &DeviceId, later_sets: usize) -> Vec<Record> {
    // Read from text, as stored records and snapshot files are, so the
    // record deserializer is compiled once for all of them.
    let mut records: Vec<Record> = serde_json::from_str(DEMO_JSON).unwrap_or_default();
    records.extend(
        participants::end_statuses(after, device)
            .into_iter()
            .map(Record::EndStatus),
    );
    let shipped = participants::participations(after, device);
    // Which records a later set (or the retelling) made anew: they keep
    // their place but are stamped after everything else, so a laptop that
    // holds the older demo takes the newer record when the two merge.
    let mut renewed = vec![false; records.len()];
    if later_sets > LATER_SETS_OF_1_5 {
        let told = participants::story_participations(after, device);
        renewed.extend(shipped.iter().zip(&told).map(|(a, b)| a != b));
        records.extend(told.into_iter().map(Record::Participation));
    } else {
        renewed.extend(shipped.iter().map(|_| false));
        records.extend(shipped.into_iter().map(Record::Participation));
    }
    for set in LATER_SETS.iter().take(later_sets) {
        for record in serde_json::from_str::<Vec<Record>>(set).unwrap_or_default() {
            match records.iter().position(|r| r.meta().id == record.meta().id) {
                Some(at) => {
                    records[at] = record;
                    if let Some(flag) = renewed.get_mut(at) {
                        *flag = true;
                    }
                }
                None => {
                    records.push(record);
                    renewed.push(false);
                }
            }
        }
    }
    let mut hlc = after;
    for r in &mut records {
        hlc = hlc.tick(hlc.millis);
        r.meta_mut().stamp = Stamp {
            hlc,
            device: device.clone(),
        };
    }
    for (r, _) in records.iter_mut().zip(&renewed).filter(|(_, &new)| new) {
        hlc = hlc.tick(hlc.millis);
        r.meta_mut().stamp.hlc = hlc;
    }
    records
}

/// The demo records (from [`records`]) a workspace has never held. Records
/// the user has kept, edited or deleted are left alone: loading the demo
/// again never brings back something deleted or overwrites an edit.
pub fn missing_records(ws: &Workspace, demo: Vec<Record>) -> Vec<Record> {
    let stored: std::collections::BTreeSet<RecordId> = ws
        .records()
        .into_iter()
        .map(|r| r.meta().id.clone())
        .collect();
    demo.into_iter()
        .filter(|r| !stored.contains(&r.meta().id))
        .collect()
}

/// The demo as a workspace, for tests and benchmarks.
pub fn workspace() -> Workspace {
    let device = DeviceId::parse("demo").unwrap_or_else(|_| DeviceId::from_random([0; 16]));
    Workspace::from_records(records(
        Hlc {
            millis: 1_500_000_000_000,
            counter: 0,
        },
        &device,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fmt_sv;
    use crate::core::goals::{goal_rows, Focus, GoalStatus};
    use crate::core::period::Period;
    use crate::core::value::{Count, FigureValue, Percent};

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn count(n: u64) -> FigureValue {
        FigureValue::Count(Count::new(n).unwrap())
    }

    fn pct(whole: u32) -> FigureValue {
        FigureValue::Percent(Percent::from_whole(whole).unwrap())
    }

    /// The file text of built records, one per line.
    fn as_json(built: &[Record]) -> String {
        let lines: Vec<String> = built
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        format!("[\n{}\n]\n", lines.join(",\n"))
    }

    /// Whether a shipped file holds exactly `built` (as records: a field
    /// added later reads with its default, so an older file stays as it
    /// was shipped); with `UPDATE_DEMO` set, a file that differs is
    /// rewritten.
    fn shipped_is_built(file: &str, shipped: &str, built: &[Record]) {
        let read: Vec<Record> = serde_json::from_str(shipped).unwrap_or_default();
        if read != built && std::env::var_os("UPDATE_DEMO").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/core/demo/");
            std::fs::write(format!("{dir}{file}"), as_json(built)).unwrap();
            return;
        }
        assert!(
            read == built,
            "run UPDATE_DEMO=1 cargo test demo to regenerate {file}"
        );
    }

    #[test]
    fn demo_json_is_what_the_builder_builds() {
        let device = DeviceId::parse("demo").unwrap();
        let built = write::demo(Hlc::default(), &device);
        let later = write::meetings::build(Hlc::default(), &device);
        shipped_is_built("demo.json", DEMO_JSON, &built);
        shipped_is_built("demo_1_2.json", DEMO_1_2_JSON, &later);
        shipped_is_built(
            "demo_story.json",
            DEMO_STORY_JSON,
            &write::story::build(Hlc::default(), &device),
        );
        shipped_is_built(
            "demo_sentences.json",
            DEMO_SENTENCES_JSON,
            &write::sentences::build(Hlc::default(), &device),
        );
        let mut all = records_through(Hlc::default(), &device, LATER_SETS_OF_1_5);
        let newest: Vec<Record> = serde_json::from_str(DEMO_1_3_JSON).unwrap();
        assert_eq!(newest.len(), 1, "the 1.3 demo reads");
        let tail = all.split_off(all.len() - newest.len());
        assert!(
            matches!(&tail[..], [Record::Presentation(p)] if p.meta.id.as_str() == "demo-pres-2017")
        );
        assert_eq!(all[..built.len()], built[..]);
        let (middle, last) = all[built.len()..].split_at(all.len() - built.len() - later.len());
        assert!(middle
            .iter()
            .all(|r| matches!(r, Record::EndStatus(_) | Record::Participation(_))));
        let ids = |rs: &[Record]| rs.iter().map(|r| r.meta().id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(last), ids(&later));
    }

    #[test]
    fn the_story_set_rewrites_in_place_and_stamps_its_rewrites_after_the_rest() {
        let device = DeviceId::parse("demo").unwrap();
        let old = records_through(Hlc::default(), &device, LATER_SETS_OF_1_5);
        let now = records(Hlc::default(), &device);
        let newest_old = old.iter().map(|r| r.meta().stamp.hlc).max().unwrap();
        let mut renewed = 0;
        for (a, b) in old.iter().zip(&now) {
            assert_eq!(a.meta().id, b.meta().id, "a rewrite keeps its place");
            if a == b {
                continue;
            }
            renewed += 1;
            assert!(
                b.meta().stamp.hlc > newest_old,
                "{} is newer than the demo of 1.5",
                b.meta().id
            );
        }
        assert!(renewed > 1000, "the retold participations and rewrites");
        // The first 30 participations (the old fixtures) are as they were.
        let first = |rs: &[Record]| {
            rs.iter()
                .filter(|r| matches!(r, Record::Participation(_)))
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(first(&old), first(&now));
    }

    #[test]
    fn demo_1_6_json_is_what_the_yes_no_builder_builds() {
        let device = DeviceId::parse("demo").unwrap();
        let built = write::yes_no::build(Hlc::default(), &device);
        shipped_is_built("demo_1_6.json", DEMO_1_6_JSON, &built);
        // The yes/no set only adds: every earlier record keeps its place.
        let ids = |rs: &[Record]| rs.iter().map(|r| r.meta().id.clone()).collect::<Vec<_>>();
        let at = LATER_SETS.iter().position(|s| *s == DEMO_1_6_JSON).unwrap();
        let older = records_through(Hlc::default(), &device, at);
        let newer = records_through(Hlc::default(), &device, at + 1);
        assert_eq!(ids(&newer[..older.len()]), ids(&older));
        assert_eq!(newer.len(), older.len() + 4);
    }

    #[test]
    fn demo_1_7_json_is_what_the_money_builder_builds() {
        let device = DeviceId::parse("demo").unwrap();
        let built = write::money::build(Hlc::default(), &device);
        shipped_is_built("demo_1_7.json", DEMO_1_7_JSON, &built);
        // The money set only adds: every earlier record keeps its place.
        let ids = |rs: &[Record]| rs.iter().map(|r| r.meta().id.clone()).collect::<Vec<_>>();
        let at = LATER_SETS.iter().position(|s| *s == DEMO_1_7_JSON).unwrap();
        let older = records_through(Hlc::default(), &device, at);
        let newer = records_through(Hlc::default(), &device, at + 1);
        assert_eq!(ids(&newer[..older.len()]), ids(&older));
        assert_eq!(newer.len(), older.len() + 4);
    }

    #[test]
    fn demo_1_8_json_is_what_the_follow_up_builder_builds() {
        let device = DeviceId::parse("demo").unwrap();
        let built = write::follow_up::build(Hlc::default(), &device);
        shipped_is_built("demo_1_8.json", DEMO_1_8_JSON, &built);
        let ids = |rs: &[Record]| rs.iter().map(|r| r.meta().id.clone()).collect::<Vec<_>>();
        let at = LATER_SETS.iter().position(|s| *s == DEMO_1_8_JSON).unwrap();
        let older = records_through(Hlc::default(), &device, at);
        let newer = records_through(Hlc::default(), &device, at + 1);
        assert_eq!(ids(&newer[..older.len()]), ids(&older));
        assert_eq!(newer.len(), older.len() + 2);
    }

    #[test]
    fn the_sentences_set_only_gives_indicators_their_sentences_and_adds_outcomes() {
        let device = DeviceId::parse("demo").unwrap();
        let at = LATER_SETS
            .iter()
            .position(|s| *s == DEMO_SENTENCES_JSON)
            .unwrap();
        let before = records_through(Hlc::default(), &device, at);
        let after = records_through(Hlc::default(), &device, at + 1);
        let ids = |rs: &[Record]| rs.iter().map(|r| r.meta().id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&after[..before.len()]), ids(&before));
        let mut with_sentence = 0;
        for (old, new) in before.iter().zip(&after) {
            match (old, new) {
                (Record::Indicator(o), Record::Indicator(n)) => {
                    // What the story set knew of the indicator is kept:
                    // only the sentence (and the stamp) may change.
                    let mut only_sentence = o.clone();
                    only_sentence.sentence = n.sentence.clone();
                    only_sentence.meta.stamp = n.meta.stamp.clone();
                    assert_eq!(&only_sentence, n, "{} gains only its sentence", n.meta.id);
                    if o.sentence != n.sentence {
                        with_sentence += 1;
                    }
                }
                (Record::Indicator(_), _) => unreachable!("ids are checked above"),
                _ => {}
            }
        }
        assert_eq!(with_sentence, write::sentences::SENTENCES.len());
        assert!(after[before.len()..]
            .iter()
            .all(|r| matches!(r, Record::Outcome(_))));
    }

    #[test]
    fn the_2017_board_shows_nynashamns_yes_no_goal_as_met() {
        use crate::core::value::{Answer, Unit};
        let ws = workspace();
        let rows = goal_rows(&ws, &Period::year(2017).unwrap(), &Focus::All);
        let row = rows
            .iter()
            .find(|r| r.indicator.unit == Unit::YesNo)
            .expect("the yes/no goal is on the 2017 board");
        assert_eq!(
            row.indicator.name,
            "Minst 12 procent kvinnor bland deltagarna"
        );
        assert_eq!(
            ws.scope_name(&row.target.scope),
            Some("Tak- och tätskiktsutbildningen")
        );
        assert_eq!(
            row.outcome.as_ref().map(|o| o.value),
            Some(FigureValue::Answer(Answer::Met))
        );
        assert_eq!(row.status, Some(GoalStatus::Met));
        assert!(row.outcome.as_ref().unwrap().note.contains("har uppfyllts"));
    }

    #[test]
    fn demo_ids_and_stamps_are_unique_and_the_old_demo_is_in_stamp_order() {
        let rs = records(Hlc::default(), &DeviceId::parse("d").unwrap());
        let mut ids: Vec<_> = rs.iter().map(|r| r.meta().id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rs.len());
        let mut stamps: Vec<_> = rs.iter().map(|r| r.meta().stamp.clone()).collect();
        stamps.sort();
        stamps.dedup();
        assert_eq!(stamps.len(), rs.len(), "every stamp is its own");
        let old = records_through(
            Hlc::default(),
            &DeviceId::parse("d").unwrap(),
            LATER_SETS_OF_1_5,
        );
        assert!(old
            .windows(2)
            .all(|w| w[0].meta().stamp < w[1].meta().stamp));
    }

    #[test]
    fn the_2017_board_shows_the_newsletters_figures() {
        let ws = workspace();
        let rows = goal_rows(&ws, &Period::year(2017).unwrap(), &Focus::All);
        let find = |name: &str, scope: &str| {
            rows.iter()
                .find(|r| r.indicator.name == name && ws.scope_name(&r.target.scope) == Some(scope))
                .unwrap_or_else(|| panic!("{name} / {scope}"))
        };
        let participants = find("Deltagare", "Samordningsförbundet Östra Södertörn");
        assert_eq!(fmt_sv::value(participants.target.value), "975");
        assert_eq!(
            participants
                .outcome
                .as_ref()
                .map(|o| fmt_sv::value(o.value)),
            Some("927".into())
        );
        assert_eq!(participants.status, Some(GoalStatus::Near));
        let mia = find("Andel till arbete eller studier", "MIA Östra Södertörn");
        assert_eq!(fmt_sv::value(mia.target.value), "30\u{a0}%");
        assert_eq!(
            mia.outcome.as_ref().map(|o| fmt_sv::value(o.value)),
            Some("15\u{a0}%".into())
        );
        assert!(mia.partial);
        assert_eq!(mia.status, Some(GoalStatus::Behind));
        let youth = find("Andel till arbete eller studier", "Ungdomsinsatserna");
        assert_eq!(youth.status, Some(GoalStatus::Met));
        let consult = find(
            "Myndighetsgemensamma konsultationer",
            "Samordningsförbundet Östra Södertörn",
        );
        assert_eq!(consult.outcome.as_ref().map(|o| o.value), Some(count(183)));
    }

    #[test]
    fn the_2018_youth_inflow_is_ahead_of_the_prorated_goal() {
        let ws = workspace();
        let rows = goal_rows(
            &ws,
            &Period::year(2018).unwrap(),
            &Focus::Project(rid("demo-ungdom")),
        );
        let inflow = rows
            .iter()
            .find(|r| r.indicator.name == "Nya deltagare")
            .unwrap();
        assert_eq!(inflow.expected, Some(count(193)));
        assert_eq!(inflow.status, Some(GoalStatus::Met));
        let share = rows
            .iter()
            .find(|r| r.indicator.name == "Andel till arbete eller studier")
            .unwrap();
        assert_eq!(share.outcome.as_ref().map(|o| o.value), Some(pct(64)));
        assert_eq!(share.status, Some(GoalStatus::Near));
    }

    #[test]
    fn loading_the_demo_again_never_brings_back_a_deleted_record() {
        let mut ws = workspace();
        let mut gone = ws
            .records()
            .into_iter()
            .find(|r| r.meta().id.as_str() == "demo-t-deltagare-2017")
            .unwrap();
        gone.meta_mut().deleted = true;
        gone.meta_mut().stamp.hlc.millis += 10_000_000;
        ws.put(gone);
        let device = DeviceId::parse("d").unwrap();
        assert!(missing_records(&ws, records(ws.max_hlc(), &device)).is_empty());
    }

    #[test]
    fn loading_the_demo_again_adds_nothing_and_keeps_edits() {
        let ws = workspace();
        let device = DeviceId::parse("d").unwrap();
        assert!(missing_records(&ws, records(ws.max_hlc(), &device)).is_empty());
        assert_eq!(
            missing_records(&Workspace::default(), records(Hlc::default(), &device)).len(),
            records(Hlc::default(), &device).len()
        );
    }
}
