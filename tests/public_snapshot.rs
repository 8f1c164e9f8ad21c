#![cfg(not(target_arch = "wasm32"))]
//! The part made for publishing (`"part":"public"`): what the host may put
//! at `data/snapshot.json`, a public address.
//!
//! A public file must never hold a participation or an arrival (not as
//! tombstones, not as unknown record types); every record it carries from
//! the workspace is byte for byte the line the full export has for it, so
//! importing it can never overwrite the kansli's own data; and a workspace
//! made from the public file alone shows the same figures as the kansli's:
//! the board for every period a target has (outcome, status, protection),
//! the charts of the project and insats pages, the meetings page, the
//! places board, the newsletter block and the goals spreadsheet. A kansli
//! that imports its own public file shows exactly what it showed before.
//!
//! The published-snapshot path refuses any file that is not such a part.

use maltavla::core::demo;
use maltavla::core::exchange::csv::figures::export_goals;
use maltavla::core::exchange::csv::CsvFlavour;
use maltavla::core::exchange::snapshot::{
    export, plan_import, read, ExportInfo, Incoming, Item, Part, SnapshotError,
};
use maltavla::core::exchange::sync::published::check_public;
use maltavla::core::goals::{breakdown_groups, indicator_rows, protected_goal_rows, series, Focus};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::meetings::places::slot_board;
use maltavla::core::meetings::{arrivals_by_org, attendance_by_year, attended, check_in};
use maltavla::core::model::{
    Breakdown, Dimension, FlowMeasure, Gender, GuestOrg, Meta, Record, Scope, Target,
};
use maltavla::core::period::Period;
use maltavla::core::reports::newsletter::{assemble, to_text};
use maltavla::core::reports::slides::goal_rows_of;
use maltavla::core::value::{Count, FigureValue as Figure, Percent};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The publishing laptop's clock: 2026-11-23T10:15:00Z.
const NOW: u64 = 1_795_428_900_000;

/// The stamps the kansli's own edits in these tests carry: after the demo's.
const EDITED: u64 = 1_700_000_000_000;

fn device(s: &str) -> DeviceId {
    DeviceId::parse(s).expect("a valid device id")
}

fn id(s: &str) -> RecordId {
    RecordId::parse(s).expect("a valid id")
}

fn info() -> ExportInfo {
    ExportInfo {
        millis: NOW,
        device: device("kansli-1"),
    }
}

/// The public part, its figures stamped at the exporting laptop's clock.
fn public_part(at: u64) -> Part {
    Part::Public {
        figures_at: Hlc {
            millis: at,
            counter: 0,
        },
    }
}

fn public_file(ws: &Workspace) -> String {
    export(ws, &public_part(NOW), &info())
}

fn full_file(ws: &Workspace) -> String {
    export(ws, &Part::All, &info())
}

/// Reads, plans and applies an import as confirming it does.
fn import(
    ws: &mut Workspace,
    text: &str,
) -> Result<maltavla::core::exchange::snapshot::ImportPlan, SnapshotError> {
    let incoming = read(text, NOW)?;
    let plan = plan_import(ws, &incoming)?;
    for view in plan.writes.clone() {
        ws.put_view(view).expect("a planned write is valid");
    }
    Ok(plan)
}

/// A workspace made by importing only `text`.
fn imported(text: &str) -> Workspace {
    let mut ws = Workspace::default();
    import(&mut ws, text).expect("the file imports");
    ws
}

fn meta(record: &str, n: u32) -> Meta {
    Meta::new(
        id(record),
        Hlc {
            millis: EDITED,
            counter: n,
        },
        device("kansli-1"),
    )
}

fn stamp_again(ws: &mut Workspace, record: Record, n: u32) {
    let mut r = record;
    r.meta_mut().stamp.hlc = Hlc {
        millis: EDITED,
        counter: n,
    };
    r.meta_mut().stamp.device = device("kansli-1");
    assert!(ws.put(r));
}

fn computed(ws: &mut Workspace, indicator: &str, measure: FlowMeasure, n: u32) {
    let mut ind = ws
        .indicators
        .get(&id(indicator))
        .expect("a demo indicator")
        .clone();
    ind.computed = Some(measure);
    ind.unit = measure.unit();
    ind.prorate = false;
    stamp_again(ws, Record::Indicator(ind), n);
}

/// Target number `n` of the kansli (id `pub-t-<n>`).
fn target(
    ws: &mut Workspace,
    n: u32,
    indicator: &str,
    scope: Scope,
    period: Period,
    breakdown: Option<Breakdown>,
    value: Figure,
) {
    assert!(ws.put(Record::Target(Target {
        meta: meta(&format!("pub-t-{n}"), n),
        indicator: id(indicator),
        scope,
        period,
        breakdown,
        value,
        note: String::new(),
    })));
}

fn count(n: u64) -> Figure {
    Figure::Count(Count::new(n).expect("a count"))
}

fn pct(n: u32) -> Figure {
    Figure::Percent(Percent::from_whole(n).expect("a share"))
}

fn year(y: i32) -> Period {
    Period::year(y).expect("a year")
}

fn guests(ws: &mut Workspace, meeting: &str, orgs: &[GuestOrg], first: u32) {
    for (i, org) in orgs.iter().enumerate() {
        let n = first + i as u32;
        let arrival = check_in(
            &id(meeting),
            *org,
            Meta::new(
                id(&format!("arr-{meeting}-{n}")),
                Hlc {
                    millis: EDITED,
                    counter: n,
                },
                device("door-laptop"),
            ),
        );
        assert!(ws.put(Record::Arrival(arrival)));
    }
}

/// The demo as a kansli that computes its participant figures from its
/// participations: the newsletters' indicators computed instead of typed,
/// targets for projects, insatser, slices and half-years (many of them small
/// enough to be protected), and guests checked in at the door of three
/// meetings (one where the door counted more than was typed, one where it
/// counted fewer, one without a typed count, one guest undone).
fn kansli() -> Workspace {
    let mut ws = demo::workspace();
    computed(&mut ws, "demo-ind-deltagare", FlowMeasure::Active, 1);
    computed(
        &mut ws,
        "demo-ind-arbete",
        FlowMeasure::ShareWorkOrStudies,
        2,
    );
    computed(&mut ws, "demo-ind-ordinarie", FlowMeasure::ShareOrdinary, 3);
    computed(&mut ws, "demo-ind-nya", FlowMeasure::New, 4);
    computed(&mut ws, "demo-ind-egen", FlowMeasure::ShareSelfReferral, 5);
    computed(&mut ws, "demo-ind-kon", FlowMeasure::ShareWomen, 6);
    let mut ended = ws
        .indicators
        .get(&id("demo-ind-deltagare"))
        .expect("demo")
        .clone();
    ended.meta = meta("pub-ind-avslutade", 7);
    ended.name = "Avslutade deltagare".into();
    ended.computed = Some(FlowMeasure::Ended);
    ended.dimensions = vec![Dimension::AgeBand, Dimension::Gender, Dimension::Referrer];
    assert!(ws.put(Record::Indicator(ended)));

    let mut n = 100;
    let mut t = |ws: &mut Workspace,
                 ind: &str,
                 scope: Scope,
                 period: Period,
                 b: Option<Breakdown>,
                 v: Figure| {
        n += 1;
        target(ws, n, ind, scope, period, b, v);
    };
    for y in [2016, 2017, 2018] {
        t(
            &mut ws,
            "demo-ind-arbete",
            Scope::Forbund,
            year(y),
            None,
            pct(40),
        );
        t(
            &mut ws,
            "demo-ind-kon",
            Scope::Forbund,
            year(y),
            None,
            pct(45),
        );
        t(
            &mut ws,
            "demo-ind-frukost",
            Scope::Forbund,
            year(y),
            None,
            count(600),
        );
    }
    for g in Gender::ALL {
        t(
            &mut ws,
            "demo-ind-deltagare",
            Scope::Forbund,
            year(2017),
            Some(Breakdown::Gender(g)),
            count(300),
        );
    }
    for m in ["demo-haninge", "demo-tyreso", "demo-nynashamn"] {
        let slice = Some(Breakdown::Municipality(id(m)));
        t(
            &mut ws,
            "demo-ind-deltagare",
            Scope::Forbund,
            year(2017),
            slice.clone(),
            count(300),
        );
        t(
            &mut ws,
            "demo-ind-egen",
            Scope::Forbund,
            year(2018),
            slice.clone(),
            pct(20),
        );
        t(
            &mut ws,
            "demo-ind-frukost",
            Scope::Forbund,
            year(2018),
            slice,
            count(200),
        );
    }
    let insatser: Vec<RecordId> = ws.insatser.live().map(|i| i.meta.id.clone()).collect();
    for insats in &insatser {
        for h in [1, 2] {
            let half = Period::half(2018, h).expect("a half-year");
            t(
                &mut ws,
                "pub-ind-avslutade",
                Scope::Insats(insats.clone()),
                half,
                None,
                count(10),
            );
        }
        // The autumn of 2017, when few ended per insats and month in MIA.
        for month in 7..=12 {
            let m = Period::month(2017, month).expect("a month");
            t(
                &mut ws,
                "pub-ind-avslutade",
                Scope::Insats(insats.clone()),
                m,
                None,
                count(3),
            );
        }
        for month in 1..=6 {
            let m = Period::month(2018, month).expect("a month");
            t(
                &mut ws,
                "pub-ind-avslutade",
                Scope::Insats(insats.clone()),
                m,
                None,
                count(3),
            );
            t(
                &mut ws,
                "demo-ind-arbete",
                Scope::Insats(insats.clone()),
                m,
                None,
                pct(30),
            );
        }
        t(
            &mut ws,
            "demo-ind-arbete",
            Scope::Insats(insats.clone()),
            year(2017),
            None,
            pct(30),
        );
        t(
            &mut ws,
            "demo-ind-kon",
            Scope::Insats(insats.clone()),
            year(2018),
            None,
            pct(45),
        );
    }
    let projects: Vec<RecordId> = ws.projects.live().map(|p| p.meta.id.clone()).collect();
    for project in &projects {
        t(
            &mut ws,
            "demo-ind-deltagare",
            Scope::Project(project.clone()),
            year(2018),
            None,
            count(100),
        );
        t(
            &mut ws,
            "demo-ind-nya",
            Scope::Project(project.clone()),
            Period::half(2018, 1).expect("H1"),
            None,
            count(50),
        );
    }
    t(
        &mut ws,
        "pub-ind-avslutade",
        Scope::Forbund,
        Period::quarter(2018, 2).expect("a quarter"),
        Some(Breakdown::AgeBand(maltavla::core::model::AgeBand::From60)),
        count(2),
    );

    use GuestOrg::*;
    // Typed 50, and the door counted 60: 60 came.
    guests(&mut ws, "demo-fm-2018-02-02", &[Municipality; 30], 1000);
    guests(
        &mut ws,
        "demo-fm-2018-02-02",
        &[EmploymentService; 20],
        1100,
    );
    guests(&mut ws, "demo-fm-2018-02-02", &[Region; 10], 1200);
    // Typed 100, the door counted 3: 100 came.
    guests(
        &mut ws,
        "demo-fm-2017-11-17",
        &[SocialInsurance, Other, Unspecified],
        1300,
    );
    // Nothing typed: the door's 7 (one of 8 undone).
    guests(
        &mut ws,
        "demo-fm-2018-09-28",
        &[
            Municipality,
            Municipality,
            Region,
            Other,
            Other,
            Unspecified,
            SocialInsurance,
            Region,
        ],
        1400,
    );
    let mut undone = ws
        .arrivals
        .get(&id("arr-demo-fm-2018-09-28-1407"))
        .expect("checked in")
        .clone();
    undone.meta.deleted = true;
    stamp_again(&mut ws, Record::Arrival(undone), 1500);
    ws
}

/// The type tag and body of every record of a file, parsed as JSON.
fn records_of(text: &str) -> Vec<(String, Value)> {
    let doc: Value = serde_json::from_str(text).expect("a JSON file");
    doc["records"]
        .as_array()
        .expect("a list of records")
        .iter()
        .map(|r| {
            let (kind, body) = r
                .as_object()
                .and_then(|o| o.iter().next())
                .expect("one type tag");
            (kind.clone(), body.clone())
        })
        .collect()
}

/// The record types a public file may hold: the records the public views
/// read, and the figures computed from what it leaves out.
const PUBLIC_KINDS: [&str; 15] = [
    "organisation",
    "municipality",
    "partner",
    "project",
    "insats",
    "indicator",
    "target",
    "outcome",
    "meeting",
    "slot_report",
    "presentation",
    "published_figure",
    "door_count",
    "forecast",
    "comment",
];

/// The records computed for the public file rather than carried.
const DERIVED_KINDS: [&str; 2] = ["published_figure", "door_count"];

// ---------------------------------------------------------------------------
// What the public file holds.
// ---------------------------------------------------------------------------

#[test]
fn the_public_part_of_the_demo_holds_no_participation_and_no_arrival() {
    let ws = kansli();
    assert!(ws.participations.live_count() > 1000);
    assert!(ws.arrivals.live_count() > 60);
    let text = public_file(&ws);
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(doc["part"], "public");
    let kinds: BTreeSet<String> = records_of(&text).into_iter().map(|(k, _)| k).collect();
    for kind in &kinds {
        assert!(
            PUBLIC_KINDS.contains(&kind.as_str()),
            "a public file holds a {kind}"
        );
    }
    let incoming = read(&text, NOW).expect("the public file reads");
    assert!(incoming.unknown_kinds.is_empty());
    assert!(incoming.items.iter().all(|i| !matches!(
        i,
        Item::Known(Record::Participation(_) | Record::Arrival(_) | Record::EndStatus(_))
            | Item::Other(_)
    )));
}

#[test]
fn deleted_participations_and_arrivals_and_unknown_record_types_stay_out_of_the_public_part() {
    let mut ws = kansli();
    let p = ws.participations.live().next().expect("demo").clone();
    let mut gone = Record::Participation(p.clone());
    gone.meta_mut().deleted = true;
    stamp_again(&mut ws, gone, 2000);
    // A record type of a newer version that looks like a participation, and
    // one that looks like nothing in particular: neither can be judged, so
    // neither is published.
    let newer = format!(
        r#"{{"format":"maltavla-snapshot","version":"1.9","records":[
{{"participant":{{"meta":{{"id":"newer-1","stamp":{{"hlc":[{EDITED},1],"device":"x"}}}},"code":"K7Q2","gender":"woman"}}}},
{{"survey":{{"meta":{{"id":"newer-2","stamp":{{"hlc":[{EDITED},2],"device":"x"}}}},"count":14}}}}]}}"#
    );
    import(&mut ws, &newer).expect("a newer minor imports");
    assert_eq!(ws.other.len(), 2);
    let text = public_file(&ws);
    for (kind, body) in records_of(&text) {
        assert!(
            PUBLIC_KINDS.contains(&kind.as_str()),
            "a public file holds a {kind}"
        );
        assert_ne!(body["meta"]["id"], Value::from(p.meta.id.as_str()));
        assert_ne!(body["meta"]["id"], Value::from("newer-1"));
    }
}

#[test]
fn every_record_the_public_part_carries_is_its_line_in_the_full_export_byte_for_byte() {
    let mut ws = kansli();
    // Tombstones of public records are carried too, so a deletion reaches
    // the published copy.
    let outcome = ws.outcomes.live().next().expect("demo").clone();
    let mut gone = Record::Outcome(outcome.clone());
    gone.meta_mut().deleted = true;
    stamp_again(&mut ws, gone, 2001);
    let full = full_file(&ws);
    let lines: BTreeMap<String, &str> = full
        .lines()
        .filter(|l| l.starts_with("{\""))
        .skip(1)
        .map(|l| {
            let (_, body) = records_of_line(l);
            (body["meta"]["id"].as_str().expect("an id").to_owned(), l)
        })
        .collect();
    let public = public_file(&ws);
    let mut carried = 0;
    let mut derived = 0;
    for line in public.lines().skip(1).filter(|l| l.starts_with("{\"")) {
        let (kind, body) = records_of_line(line);
        let rid = body["meta"]["id"].as_str().expect("an id");
        if DERIVED_KINDS.contains(&kind.as_str()) {
            derived += 1;
            assert!(
                !lines.contains_key(rid),
                "a derived record under the id of a held one: {rid}"
            );
            continue;
        }
        carried += 1;
        let own = lines
            .get(rid)
            .unwrap_or_else(|| panic!("{kind} {rid} is not in the full export"));
        assert_eq!(
            line.trim_end_matches(','),
            own.trim_end_matches(','),
            "{kind} {rid}"
        );
    }
    assert!(carried > 100, "{carried} records carried");
    assert!(derived > 50, "{derived} figures published");
    assert!(
        public.contains(&format!("\"id\":\"{}\"", outcome.meta.id)),
        "the tombstone"
    );
}

/// One record line of a file, parsed.
fn records_of_line(line: &str) -> (String, Value) {
    let v: Value = serde_json::from_str(line.trim_end_matches(',')).expect("a record line");
    let (kind, body) = v
        .as_object()
        .and_then(|o| o.iter().next())
        .expect("a type tag");
    (kind.clone(), body.clone())
}

#[test]
fn a_hidden_count_or_share_is_not_in_the_public_file_at_all() {
    let ws = kansli();
    let threshold = ws.protection_threshold();
    let text = public_file(&ws);
    let mut hidden = 0;
    let mut shown = 0;
    for (kind, body) in records_of(&text) {
        if kind != "published_figure" {
            continue;
        }
        let figure = &body["shown"];
        let key = maltavla::core::model::FigureKey {
            indicator: serde_json::from_value(body["indicator"].clone()).expect("an indicator"),
            scope: serde_json::from_value(body["scope"].clone()).expect("a scope"),
            period: serde_json::from_value(body["period"].clone()).expect("a period"),
            breakdown: serde_json::from_value(body["breakdown"].clone()).expect("a slice"),
        };
        let indicator = ws.indicators.get(&key.indicator).expect("a live indicator");
        let own = maltavla::core::participants::computed_shown(&ws, indicator, &key, threshold)
            .expect("a computed figure");
        if own.is_protected() {
            hidden += 1;
            let words: Vec<&String> = figure
                .as_object()
                .map(|o| o.keys().collect())
                .unwrap_or_default();
            assert!(
                figure == "hidden" || words == ["fewer_than"],
                "a protected figure carries {figure}"
            );
            if let Some(t) = figure.get("fewer_than") {
                assert_eq!(t, &Value::from(threshold));
            }
        } else {
            shown += 1;
        }
    }
    assert!(
        hidden > 5,
        "{hidden} protected figures in the kansli's data"
    );
    assert!(shown > 20, "{shown} shown figures");
}

// ---------------------------------------------------------------------------
// The same figures from the public file alone.
// ---------------------------------------------------------------------------

/// Every period a figure of `ws` is asked for: each target's, and the
/// years and half-years of the data.
fn periods(ws: &Workspace) -> BTreeSet<Period> {
    let mut out: BTreeSet<Period> = ws.targets.live().map(|t| t.period).collect();
    for y in 2015..=2019 {
        out.insert(year(y));
        out.insert(Period::half(y, 1).expect("H1"));
        out.insert(Period::half(y, 2).expect("H2"));
    }
    out
}

/// Every scope a page is drawn for.
fn scopes(ws: &Workspace) -> Vec<Scope> {
    std::iter::once(Scope::Forbund)
        .chain(
            ws.projects
                .live()
                .map(|p| Scope::Project(p.meta.id.clone())),
        )
        .chain(ws.insatser.live().map(|i| Scope::Insats(i.meta.id.clone())))
        .collect()
}

/// Everything the public views show, as comparable text: the board of
/// every period (all, per project, per insats), the indicator cards of the
/// project and insats pages, the meetings page, the places board, the
/// newsletter block and the goals spreadsheet.
fn shown(ws: &Workspace) -> Vec<(String, String)> {
    let threshold = ws.protection_threshold();
    let mut out = Vec::new();
    let mut add = |what: String, value: String| out.push((what, value));
    // The board of every period a target has: all of the förbund (a
    // project's or an insats's focus shows some of the same rows).
    for period in periods(ws) {
        let rows = protected_goal_rows(ws, &period, &Focus::All, threshold);
        add(format!("board {period}"), format!("{rows:?}"));
    }
    // The project and insats pages and the slides, for the periods their
    // pickers start with.
    for y in 2016..=2018 {
        let period = year(y);
        for scope in scopes(ws) {
            let slide = goal_rows_of(ws, &period, &scope, threshold);
            add(format!("slides {period} {scope}"), format!("{slide:?}"));
            for ind in ws.indicators_for_scope(&scope) {
                let i = &ind.meta.id;
                let card = indicator_rows(ws, &period, i, &scope);
                add(format!("card {period} {scope} {i}"), format!("{card:?}"));
                let slices = breakdown_groups(ws, &period, i, &scope);
                add(
                    format!("slices {period} {scope} {i}"),
                    format!("{slices:?}"),
                );
            }
        }
    }
    for scope in scopes(ws) {
        for ind in ws.indicators_for_scope(&scope) {
            add(
                format!("line {scope} {}", ind.meta.id),
                format!("{:?}", series(ws, &ind.meta.id, &scope, None)),
            );
        }
    }
    for m in ws.meetings.all() {
        add(
            format!("meeting {}", m.meta.id),
            format!(
                "{:?} {:?}",
                attended(ws, m),
                arrivals_by_org(ws, &m.meta.id)
            ),
        );
    }
    add(
        "attendance".into(),
        format!("{:?}", attendance_by_year(ws, None)),
    );
    for m in ws.municipalities.live() {
        add(
            format!("attendance {}", m.meta.id),
            format!("{:?}", attendance_by_year(ws, Some(&m.meta.id))),
        );
    }
    let mut days: BTreeSet<chrono::NaiveDate> = ws.slot_reports.live().map(|r| r.date).collect();
    days.extend(ws.meetings.live().map(|m| m.date));
    for y in 2016..=2020 {
        days.insert(chrono::NaiveDate::from_ymd_opt(y, 1, 15).expect("a day"));
    }
    for day in days {
        add(
            format!("places {day}"),
            format!("{:?}", slot_board(ws, day)),
        );
        add(format!("newsletter {day}"), to_text(&assemble(ws, day)));
    }
    add(
        "goals.csv".into(),
        export_goals(ws, threshold, CsvFlavour::Plain),
    );
    out
}

fn assert_same_shown(kansli: &Workspace, other: &Workspace, what: &str) {
    let (a, b) = (shown(kansli), shown(other));
    assert_eq!(a.len(), b.len(), "{what}: the same views");
    let cut = |s: &str| s.chars().take(1500).collect::<String>();
    let differ: Vec<String> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| format!("{}\n  kansli: {}\n  {what}: {}", x.0, cut(&x.1), cut(&y.1)))
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} views differ, first:\n{}",
        differ.len(),
        a.len(),
        differ.first().map_or("", String::as_str)
    );
}

#[test]
fn a_workspace_made_from_the_public_file_alone_shows_the_kanslis_figures() {
    let ws = kansli();
    let public = imported(&public_file(&ws));
    assert_eq!(public.participations.all().count(), 0);
    assert_eq!(public.arrivals.all().count(), 0);
    assert_same_shown(&ws, &public, "public");
    // The figures the e2e test and the newsletters name.
    let rows = protected_goal_rows(&public, &year(2017), &Focus::All, 3);
    let members = rows
        .iter()
        .find(|r| r.target.meta.id.as_str() == "demo-t-deltagare-2017")
        .expect("the 2017 target");
    assert_eq!(members.outcome.as_ref().map(|o| o.value), Some(count(927)));
    assert_eq!(members.target.value, count(975));
    let protected = periods(&ws)
        .iter()
        .flat_map(|p| protected_goal_rows(&public, p, &Focus::All, 3))
        .filter(|r| r.protected.is_some())
        .count();
    assert!(protected > 5, "{protected} figures are protected");
}

#[test]
fn the_plain_demo_published_shows_the_same_figures() {
    let ws = demo::workspace();
    let public = imported(&public_file(&ws));
    assert_same_shown(&ws, &public, "public");
}

#[test]
fn a_kansli_that_imports_its_own_public_file_shows_exactly_what_it_showed_before() {
    let mut ws = kansli();
    let before = ws.clone();
    let text = public_file(&ws);
    let plan = import(&mut ws, &text).expect("its own public file imports");
    // The preview lists the published figures as new records and nothing
    // else: every other record it holds already.
    assert!(plan.changed.is_empty(), "{:?}", plan.changed.first());
    assert!(plan.deleted.is_empty());
    assert!(plan.conflicts.is_empty());
    assert!(!plan.added.is_empty());
    assert!(
        plan.added
            .iter()
            .all(|c| DERIVED_KINDS.contains(&c.kind.as_str())),
        "{:?}",
        plan.added.first()
    );
    assert_eq!(plan.unchanged + plan.added.len(), records_of(&text).len());
    assert_same_shown(&before, &ws, "after importing its public file");
    // Figures it published that differ from what it computes later are not
    // shown either: a workspace with participations computes its own.
    let p = ws.participations.live().next().expect("demo").clone();
    let mut gone = Record::Participation(p);
    gone.meta_mut().deleted = true;
    stamp_again(&mut ws, gone, 3000);
    let mut fresh = before.clone();
    let p = fresh.participations.live().next().expect("demo").clone();
    let mut gone = Record::Participation(p);
    gone.meta_mut().deleted = true;
    stamp_again(&mut fresh, gone, 3000);
    assert_same_shown(&fresh, &ws, "after a change");
}

#[test]
fn publishing_again_updates_the_published_figures_instead_of_adding_to_them() {
    let mut ws = kansli();
    let first = export(&ws, &public_part(NOW), &info());
    // A week later, twelve more participants ended at work.
    let ended: Vec<_> = ws
        .participations
        .live()
        .filter(|p| p.end.is_none())
        .take(12)
        .cloned()
        .collect();
    let work = ws
        .end_statuses
        .live()
        .find(|s| s.category == maltavla::core::model::EndCategory::WorkOrStudies)
        .expect("a status")
        .meta
        .id
        .clone();
    for (n, mut p) in ended.into_iter().enumerate() {
        p.end = chrono::NaiveDate::from_ymd_opt(2018, 6, 1);
        p.end_status = Some(work.clone());
        stamp_again(&mut ws, Record::Participation(p), 4000 + n as u32);
    }
    let week = 7 * 24 * 3600 * 1000;
    let second = export(&ws, &public_part(NOW + week), &info());
    let figures = |text: &str| {
        records_of(text)
            .into_iter()
            .filter(|(k, _)| k == "published_figure")
            .count()
    };
    assert_eq!(
        figures(&first),
        figures(&second),
        "the same figures, under the same ids"
    );
    for order in [[&first, &second], [&second, &first]] {
        let mut public = Workspace::default();
        for text in order {
            // Read a week later, when the second publication is not ahead.
            let incoming = read(text, NOW + week).expect("reads");
            let plan = plan_import(&public, &incoming).expect("imports");
            for view in plan.writes.clone() {
                public.put_view(view).expect("a planned write is valid");
            }
            assert!(
                plan.conflicts.is_empty(),
                "a newer publication is no conflict"
            );
        }
        assert_eq!(
            records_of(&full_file(&public))
                .into_iter()
                .filter(|(k, _)| k == "published_figure")
                .count(),
            figures(&second)
        );
        assert_same_shown(&ws, &public, "the later publication");
    }
}

#[test]
fn a_public_workspace_republishes_the_figures_it_was_given_as_they_are() {
    let ws = kansli();
    let text = public_file(&ws);
    let public = imported(&text);
    let again = export(&public, &public_part(NOW + 1000), &info());
    let derived = |t: &str| -> Vec<Value> {
        records_of(t)
            .into_iter()
            .filter(|(k, _)| DERIVED_KINDS.contains(&k.as_str()))
            .map(|(_, b)| b)
            .collect()
    };
    assert_eq!(derived(&text), derived(&again));
    assert_same_shown(&ws, &imported(&again), "republished");
}

#[test]
fn the_public_file_fits_the_format_and_reads_back_as_what_it_holds() {
    let ws = kansli();
    let text = public_file(&ws);
    let public = imported(&text);
    let again = export(&public, &Part::All, &info());
    let mut a: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches(',').to_owned())
        .collect();
    let mut b: Vec<String> = again
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches(',').to_owned())
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "export → import → export keeps every record");
}

// ---------------------------------------------------------------------------
// The published-snapshot path refuses anything else.
// ---------------------------------------------------------------------------

fn checked(text: &str) -> Result<(), maltavla::core::exchange::sync::published::NotPublic> {
    check_public(&read(text, NOW).expect("the file reads"))
}

#[test]
fn a_full_snapshot_is_refused_as_a_published_snapshot() {
    let ws = kansli();
    assert!(checked(&full_file(&ws)).is_err());
    let mia = ws
        .projects
        .live()
        .find(|p| p.name.starts_with("MIA"))
        .expect("MIA")
        .meta
        .id
        .clone();
    assert!(checked(&export(&ws, &Part::Project(mia), &info())).is_err());
    assert_eq!(checked(&public_file(&ws)), Ok(()));
}

#[test]
fn a_file_without_participations_is_still_refused_unless_it_is_saved_for_publishing() {
    let ws = demo::workspace();
    let nothing_personal = Workspace::from_records(
        ws.records()
            .into_iter()
            .filter(|r| !matches!(r, Record::Participation(_))),
    );
    assert!(
        checked(&full_file(&nothing_personal)).is_err(),
        "a part \"all\""
    );
    let no_part = r#"{"format":"maltavla-snapshot","version":"1.3","records":[]}"#;
    assert!(checked(no_part).is_err(), "no part at all");
}

/// A public file with one record line added after the header.
fn with_line(public: &str, line: &str) -> String {
    let (head, rest) = public.split_once('\n').expect("a header line");
    format!("{head}\n{line},\n{rest}")
}

#[test]
fn a_public_header_does_not_excuse_a_participation_an_arrival_or_their_tombstones() {
    let ws = kansli();
    let public = public_file(&ws);
    let full = full_file(&ws);
    let line_of = |kind: &str| {
        full.lines()
            .find(|l| l.starts_with(&format!("{{\"{kind}\":")))
            .expect("a record of that kind")
            .trim_end_matches(',')
            .to_owned()
    };
    let participation = line_of("participation");
    let arrival = line_of("arrival");
    let tombstone = participation.replacen("\"meta\":{", "\"meta\":{\"deleted\":true,", 1);
    let newer = format!(
        r#"{{"participant":{{"meta":{{"id":"newer-1","stamp":{{"hlc":[{EDITED},1],"device":"x"}}}},"code":"K7Q2","gender":"woman","age_band":"20-24"}}}}"#
    );
    for (what, line) in [
        ("a participation", participation),
        ("an arrival", arrival),
        ("a deleted participation", tombstone),
        ("an unknown type with a participation's fields", newer),
    ] {
        let text = with_line(&public, &line);
        assert!(read(&text, NOW).is_ok(), "{what}: the file itself reads");
        assert!(checked(&text).is_err(), "{what} passes as public");
    }
    // An unknown type that has nothing of a participation is a newer
    // version's public record: kept, as in any file.
    let survey = format!(
        r#"{{"survey":{{"meta":{{"id":"newer-2","stamp":{{"hlc":[{EDITED},2],"device":"x"}}}},"count":14}}}}"#
    );
    assert_eq!(checked(&with_line(&public, &survey)), Ok(()));
}

#[test]
fn the_refusal_names_how_many_participations_and_arrivals_the_file_holds() {
    use maltavla::core::exchange::sync::published::NotPublic;
    let ws = kansli();
    let incoming: Incoming = read(&full_file(&ws), NOW).expect("reads");
    match check_public(&incoming) {
        Err(NotPublic::PersonalData {
            participations,
            arrivals,
            ..
        }) => {
            assert_eq!(participations, ws.participations.all().count());
            assert_eq!(arrivals, ws.arrivals.all().count());
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Whatever the threshold and whichever participations and arrivals a
    /// kansli holds, the board of a workspace made from its public file is
    /// the kansli's board.
    #[test]
    fn for_any_threshold_and_any_participations_the_public_board_is_the_kanslis(
        threshold in 1u8..=20,
        keep in proptest::collection::vec(any::<bool>(), 64),
    ) {
        let base = kansli();
        let mut records: Vec<Record> = Vec::new();
        let mut n = 0usize;
        for r in base.records() {
            match &r {
                Record::Participation(_) | Record::Arrival(_) => {
                    n += 1;
                    if keep[n % keep.len()] {
                        records.push(r);
                    }
                }
                _ => records.push(r),
            }
        }
        let mut ws = Workspace::from_records(records);
        let mut org = ws.organisation.clone().expect("demo");
        org.protection_threshold = Some(threshold);
        stamp_again(&mut ws, Record::Organisation(org), 5000);
        let public = imported(&public_file(&ws));
        for period in [year(2016), year(2017), year(2018), Period::half(2018, 1).expect("H1"), Period::half(2018, 2).expect("H2")] {
            let t = ws.protection_threshold();
            prop_assert_eq!(
                protected_goal_rows(&ws, &period, &Focus::All, t),
                protected_goal_rows(&public, &period, &Focus::All, t)
            );
        }
        prop_assert_eq!(attendance_by_year(&ws, None), attendance_by_year(&public, None));
    }
}
