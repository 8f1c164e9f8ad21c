#![cfg(not(target_arch = "wasm32"))]
//! Properties of merging and of snapshot files on random *histories*: two to
//! four devices start from the same few records (shared copies, or copies
//! each device wrote itself under the same ids) and edit, delete, restore,
//! create and exchange in any order, each with its own clock. Every write is
//! logged with what its device had seen when it made it, so the properties
//! can be checked against the causal history rather than against another
//! implementation of the merge rule.
//!
//! A device's clock behaves like the real one: a write's reading is the
//! device's clock ticked to its (skewed) wall clock, and after receiving
//! records the clock observes their stamps, so every write is stamped after
//! everything its device has seen.
//!
//! Edits write a value that no other write writes, so a value that lost can
//! be told from one that was written again. An edit may also add a field the
//! record never had (`colour`, which this version does not know), and empty
//! a field of the record whose type this version does not know (emptying an
//! unknown field of a known type is the ignored test at the end).

use maltavla::core::demo;
use maltavla::core::exchange::merge::{
    apply_edit, known_fields, merge_records, merge_views, Conflict, FieldView, DELETED,
};
use maltavla::core::exchange::snapshot::{export, plan_import, read, ExportInfo, ImportPlan, Part};
use maltavla::core::ids::{DeviceId, Hlc, RecordId, Stamp};
use maltavla::core::model::{Meta, Municipality, Record};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Where the devices' wall clocks start: after every demo stamp.
const BASE_MILLIS: u64 = 1_600_000_000_000;

/// The importing device's clock in the snapshot properties.
const NOW: u64 = BASE_MILLIS + 1_000_000_000;

/// The most devices in a history.
const MAX_DEVICES: usize = 4;

/// The fields an edit may change: free text, so any string keeps the record
/// valid. `colour` is a field this version does not know; an edit may add it
/// to a record that never had it.
const EDITABLE: [&str; 6] = ["name", "description", "provider", "note", "code", "colour"];

/// The field an edit may add.
const ADDED: &str = "colour";

fn device_name(i: usize) -> DeviceId {
    DeviceId::parse(&format!("dev{i}")).expect("a valid device id")
}

fn export_info() -> ExportInfo {
    ExportInfo {
        millis: NOW,
        device: DeviceId::parse("laptop-1").expect("a valid device id"),
    }
}

/// The records every device starts with: a few demo records of different
/// types (one carrying a field this version does not know) and one record
/// of a type this version does not know.
fn base_views() -> &'static [FieldView] {
    static BASE: OnceLock<Vec<FieldView>> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = demo::workspace();
        let pick = |id: &str| {
            ws.view(&RecordId::parse(id).expect("a valid id"))
                .unwrap_or_else(|| panic!("demo record {id}"))
        };
        let mut tyreso = pick("demo-tyreso");
        tyreso.body.insert("colour".into(), json!("grön"));
        let survey = FieldView::from_json(json!({"survey": {
            "meta": {"id": "demo-part-1", "stamp": {"hlc": [1_500_000_000_000u64, 99], "device": "demo"}},
            "code": "K7",
            "note": "from a newer version"
        }}))
        .expect("a valid view");
        vec![
            pick("organisation"),
            pick("demo-haninge"),
            tyreso,
            pick("demo-rr-ht"),
            pick("demo-t-deltagare-2017"),
            pick("demo-fm-2018-09-28"),
            pick("demo-lp-2018-08-cm"),
            pick("demo-c-mia-os-arbete-2018-t2"),
            pick("demo-f-esf-mia"),
            survey,
        ]
    })
}

/// A copy as the workspace stores it: a record of a known type in its
/// typed form (which writes every optional field, `null` when empty), a
/// record of another type as it is.
fn normal(view: &FieldView) -> FieldView {
    match view.to_record() {
        Ok(Some(record)) => FieldView::from_record(&record),
        _ => view.clone(),
    }
}

/// One step of a history; device indices are taken modulo the number of
/// devices, record and field picks modulo what the device has.
#[derive(Debug, Clone)]
enum Op {
    /// Changes one text field of a live record, adds `colour` to it, or
    /// (`clear`, records of an unknown type only) empties a field.
    Edit {
        device: usize,
        pick: usize,
        field: usize,
        clear: bool,
    },
    /// Deletes a live record.
    Delete { device: usize, pick: usize },
    /// Brings a deleted record back.
    Restore { device: usize, pick: usize },
    /// Creates a municipality.
    Create { device: usize },
    /// `to` receives every record `from` holds.
    Exchange { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    let d = 0..MAX_DEVICES;
    prop_oneof![
        5 => (d.clone(), any::<usize>(), any::<usize>(), proptest::bool::weighted(0.2))
            .prop_map(|(device, pick, field, clear)| Op::Edit { device, pick, field, clear }),
        1 => (d.clone(), any::<usize>()).prop_map(|(device, pick)| Op::Delete { device, pick }),
        1 => (d.clone(), any::<usize>()).prop_map(|(device, pick)| Op::Restore { device, pick }),
        1 => d.clone().prop_map(|device| Op::Create { device }),
        4 => (d.clone(), d).prop_map(|(from, to)| Op::Exchange { from, to }),
    ]
}

/// A history to run, and the order of the final exchanges.
#[derive(Debug, Clone)]
struct Scenario {
    /// How many devices.
    devices: usize,
    /// How far each device's wall clock runs ahead, in milliseconds; small,
    /// so that devices often write in the same millisecond.
    skews: Vec<u64>,
    /// The steps, each after a wait (ms, possibly zero) on the wall clock.
    steps: Vec<(u64, Op)>,
    /// Every ordered pair of devices once, in a random order.
    gossip: Vec<(usize, usize)>,
    /// Whether each device wrote the base records itself (see
    /// [`History::start`]).
    independent_base: bool,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let pairs: Vec<(usize, usize)> = (0..MAX_DEVICES)
        .flat_map(|a| (0..MAX_DEVICES).map(move |b| (a, b)))
        .filter(|(a, b)| a != b)
        .collect();
    (
        2..=MAX_DEVICES,
        proptest::collection::vec(0u64..4, MAX_DEVICES),
        proptest::collection::vec((0u64..3, op()), 0..32),
        Just(pairs).prop_shuffle(),
        proptest::bool::weighted(0.25),
    )
        .prop_map(
            |(devices, skews, steps, gossip, independent_base)| Scenario {
                devices,
                skews,
                steps,
                gossip: gossip
                    .into_iter()
                    .filter(|(a, b)| *a < devices && *b < devices)
                    .collect(),
                independent_base,
            },
        )
}

/// One device.
#[derive(Debug, Clone)]
struct Replica {
    device: DeviceId,
    ws: Workspace,
    clock: Hlc,
    skew: u64,
    /// Per record, the stamps of every write this copy includes.
    known: BTreeMap<RecordId, BTreeSet<Stamp>>,
}

impl Replica {
    /// The stamp of a new write at wall-clock time `t`.
    fn next_hlc(&mut self, t: u64) -> Hlc {
        self.clock = self.clock.tick(BASE_MILLIS + t + self.skew);
        self.clock
    }
}

/// One write to one field of one record, as logged.
#[derive(Debug, Clone)]
struct Write {
    record: RecordId,
    field: String,
    value: Value,
    stamp: Stamp,
    /// A user's edit (not the creation of the record).
    edit: bool,
    /// Whether the record was live when the write was made.
    on_live: bool,
}

/// What a history produced.
#[derive(Debug, Clone, Default)]
struct History {
    replicas: Vec<Replica>,
    writes: Vec<Write>,
    /// Per record and write stamp, the writes its device had seen when it
    /// made it (its own earlier writes included).
    context: BTreeMap<(RecordId, Stamp), BTreeSet<Stamp>>,
    /// Every conflict any exchange reported.
    conflicts: Vec<Conflict>,
    /// Whether to keep `versions` (only the algebraic properties need it).
    keep_versions: bool,
    /// Every distinct copy of each record any device ever held.
    versions: BTreeMap<RecordId, BTreeMap<String, FieldView>>,
    created: usize,
}

impl History {
    /// Every device starts with the base records: the same copies, or, when
    /// `independent_base`, copies each device wrote itself (same ids and
    /// values, its own stamps), as when two laptops each name the förbund
    /// under its well-known id.
    fn start(s: &Scenario, keep_versions: bool) -> History {
        let mut h = History {
            keep_versions,
            ..History::default()
        };
        let shared = base_views();
        if !s.independent_base {
            for view in shared {
                log_creation(&mut h, view);
            }
        }
        for i in 0..s.devices {
            let device = device_name(i);
            let base: Vec<FieldView> = if s.independent_base {
                let first = 1_500_000_000_000 + 1000 * i as u64;
                let own: Vec<FieldView> = shared
                    .iter()
                    .zip(0u32..)
                    .map(|(v, counter)| {
                        let mut v = v.clone();
                        v.meta.stamp = Stamp {
                            hlc: Hlc {
                                millis: first,
                                counter,
                            },
                            device: device.clone(),
                        };
                        v
                    })
                    .collect();
                for view in &own {
                    log_creation(&mut h, view);
                }
                own
            } else {
                shared.to_vec()
            };
            let mut ws = Workspace::default();
            for v in &base {
                ws.put_view(v.clone()).expect("base records are valid");
            }
            h.replicas.push(Replica {
                device,
                ws,
                clock: base
                    .iter()
                    .map(|v| v.meta.stamp.hlc)
                    .max()
                    .unwrap_or_default(),
                skew: s.skews.get(i).copied().unwrap_or(0),
                known: base
                    .iter()
                    .map(|v| (v.meta.id.clone(), BTreeSet::from([v.meta.stamp.clone()])))
                    .collect(),
            });
        }
        h.archive();
        h
    }

    fn archive(&mut self) {
        if !self.keep_versions {
            return;
        }
        for r in &self.replicas {
            for v in r.ws.views() {
                self.versions
                    .entry(v.meta.id.clone())
                    .or_default()
                    .insert(v.to_json().to_string(), v);
            }
        }
    }

    /// Makes a local write on device `d` and logs it.
    fn write(&mut self, d: usize, stored: &FieldView, field: &str, value: Value, t: u64) {
        let replica = &mut self.replicas[d];
        let mut new = stored.clone();
        new.set_value(field, value.clone());
        let hlc = replica.next_hlc(t);
        let out = apply_edit(
            Some(stored),
            Some(stored),
            &new,
            hlc,
            &replica.device,
            hlc.millis,
        )
        .expect("a write at the device's own clock is allowed")
        .expect("a changed field is a write");
        assert_eq!(
            out.meta.stamp.hlc, hlc,
            "a clock that observed every stamp needs no raise"
        );
        let id = out.meta.id.clone();
        let known = replica.known.entry(id.clone()).or_default();
        self.context
            .insert((id.clone(), out.meta.stamp.clone()), known.clone());
        known.insert(out.meta.stamp.clone());
        self.writes.push(Write {
            record: id.clone(),
            field: field.to_owned(),
            value,
            stamp: out.meta.stamp.clone(),
            edit: true,
            on_live: !stored.meta.deleted,
        });
        replica
            .ws
            .put_view(out.clone())
            .expect("an edit stays valid");
        assert_eq!(
            replica.ws.view(&id).map(|v| normal(&v)),
            Some(normal(&out)),
            "a local write is stored as made"
        );
    }

    fn step(&mut self, t: u64, op: &Op) {
        let n = self.replicas.len();
        match *op {
            Op::Edit {
                device,
                pick,
                field,
                clear,
            } => {
                let d = device % n;
                let live: Vec<FieldView> = self.replicas[d]
                    .ws
                    .views()
                    .into_iter()
                    .filter(|v| !v.meta.deleted)
                    .collect();
                let Some(stored) = live.get(pick % live.len().max(1)) else {
                    return;
                };
                let mut fields: Vec<String> = stored
                    .body
                    .iter()
                    .filter(|(k, v)| {
                        EDITABLE.contains(&k.as_str()) && (v.is_string() || v.is_null())
                    })
                    .map(|(k, _)| k.clone())
                    .collect();
                if !stored.body.contains_key(ADDED) {
                    fields.push(ADDED.to_owned());
                }
                let field = &fields[field % fields.len()];
                let unknown_kind = known_fields(&stored.kind).is_none();
                let value = if clear && unknown_kind && stored.value(field).is_string() {
                    Value::Null
                } else {
                    Value::String(format!("{} write {}", device_name(d), self.writes.len()))
                };
                self.write(d, stored, field, value, t);
            }
            Op::Delete { device, pick } | Op::Restore { device, pick } => {
                let d = device % n;
                let delete = matches!(op, Op::Delete { .. });
                let candidates: Vec<FieldView> = self.replicas[d]
                    .ws
                    .views()
                    .into_iter()
                    .filter(|v| v.meta.deleted != delete)
                    .collect();
                if let Some(stored) = candidates.get(pick % candidates.len().max(1)) {
                    self.write(d, stored, DELETED, Value::Bool(delete), t);
                }
            }
            Op::Create { device } => {
                let d = device % n;
                self.created += 1;
                let replica = &mut self.replicas[d];
                let id = RecordId::parse(&format!("new-{}-{}", replica.device, self.created))
                    .expect("a valid id");
                let draft = FieldView::from_record(&Record::Municipality(Municipality {
                    meta: Meta::new(id.clone(), Hlc::default(), replica.device.clone()),
                    name: format!("Kommun {}", self.created),
                }));
                let hlc = replica.next_hlc(t);
                let created = apply_edit(None, None, &draft, hlc, &replica.device, hlc.millis)
                    .expect("a write at the device's own clock is allowed")
                    .expect("a new record is a write");
                replica
                    .known
                    .insert(id, BTreeSet::from([created.meta.stamp.clone()]));
                replica
                    .ws
                    .put_view(created.clone())
                    .expect("a new record is valid");
                log_creation(self, &created);
            }
            Op::Exchange { from, to } => self.exchange(from % n, to % n),
        }
        self.archive();
    }

    /// Device `to` receives every record of device `from`, one by one, as
    /// storing a received record does; the conflicts of each merge are
    /// logged.
    fn exchange(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        let incoming = self.replicas[from].ws.views();
        let their_known = self.replicas[from].known.clone();
        let dst = &mut self.replicas[to];
        for view in incoming {
            let id = view.meta.id.clone();
            let expected = match dst.ws.view(&id) {
                Some(ours) => {
                    let merged = merge_views(&ours, &view);
                    self.conflicts.extend(merged.conflicts);
                    merged.view
                }
                None => view.clone(),
            };
            dst.ws
                .put_view(view.clone())
                .expect("a merged copy is valid");
            assert_eq!(
                dst.ws.view(&id).map(|v| normal(&v)),
                Some(normal(&expected)),
                "the workspace stores the merge of its copy and the incoming one"
            );
            dst.known
                .entry(id.clone())
                .or_default()
                .extend(their_known.get(&id).into_iter().flatten().cloned());
            dst.clock = dst.clock.observe(view.meta.stamp.hlc);
        }
    }

    /// Every device receives from every other once, in the scenario's order.
    fn gossip(&mut self, order: &[(usize, usize)]) {
        for &(from, to) in order {
            self.exchange(from, to);
        }
    }

    fn context_of(&self, record: &RecordId, stamp: &Stamp) -> BTreeSet<Stamp> {
        self.context
            .get(&(record.clone(), stamp.clone()))
            .cloned()
            .unwrap_or_default()
    }
}

/// Logs the creation of a record: one write per field, tombstone flag
/// included, under the record's stamp.
fn log_creation(h: &mut History, view: &FieldView) {
    let id = view.meta.id.clone();
    h.context
        .insert((id.clone(), view.meta.stamp.clone()), BTreeSet::new());
    let fields = view.body.keys().map(String::as_str).chain([DELETED]);
    for field in fields {
        h.writes.push(Write {
            record: id.clone(),
            field: field.to_owned(),
            value: view.value(field),
            stamp: view.meta.field_stamp(field).clone(),
            edit: false,
            on_live: true,
        });
    }
}

fn run(s: &Scenario) -> History {
    run_keeping(s, false)
}

fn run_keeping(s: &Scenario, keep_versions: bool) -> History {
    let mut h = History::start(s, keep_versions);
    let mut t = 0;
    for (wait, op) in &s.steps {
        t += wait;
        h.step(t, op);
    }
    h
}

/// Checks that every device holds the same records.
fn assert_converged(h: &History) -> Result<(), TestCaseError> {
    let first = &h.replicas[0];
    for r in &h.replicas[1..] {
        prop_assert_eq!(
            export(&r.ws, &Part::All, &export_info()),
            export(&first.ws, &Part::All, &export_info()),
            "{} and {} differ",
            r.device,
            first.device
        );
        prop_assert!(r.ws == first.ws);
    }
    Ok(())
}

/// At most `n` of `items`, evenly spread from the first to the last.
fn spread<T: Copy>(items: Vec<T>, n: usize) -> Vec<T> {
    if items.len() <= n {
        return items;
    }
    (0..n)
        .map(|i| items[i * (items.len() - 1) / (n - 1)])
        .collect()
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Commutative (same copy and same conflicts either way round),
    /// idempotent (a copy merged with itself, or a merge with either side
    /// again, changes nothing and reports nothing) and associative, on every
    /// pair and triple of copies of one record that devices held.
    #[test]
    fn merge_is_commutative_idempotent_and_associative_on_copies_from_histories(s in scenario()) {
        let h = run_keeping(&s, true);
        for (id, versions) in &h.versions {
            let copies = spread(versions.values().collect(), 7);
            let mut pairs = Vec::new();
            for a in &copies {
                let same = merge_views(a, a);
                prop_assert_eq!(&same.view, *a);
                prop_assert!(same.conflicts.is_empty());
                let mut row = Vec::new();
                for b in &copies {
                    let ab = merge_views(a, b);
                    let ba = merge_views(b, a);
                    prop_assert_eq!(&ab.view, &ba.view, "{} not commutative", id);
                    prop_assert_eq!(&ab.conflicts, &ba.conflicts, "{}: conflicts depend on the order", id);
                    let again = merge_views(&ab.view, b);
                    prop_assert_eq!(&again.view, &ab.view, "{}: meeting a side again changes the copy", id);
                    prop_assert!(again.conflicts.is_empty(), "{}: meeting a side again reports {:?}", id, again.conflicts);
                    if let (Ok(Some(ra)), Ok(Some(rb))) = (a.to_record(), b.to_record()) {
                        let (typed, conflicts) = merge_records(&ra, &rb).expect("copies of valid records merge");
                        prop_assert_eq!(FieldView::from_record(&typed), normal(&ab.view), "{}: typed merge differs", id);
                        prop_assert_eq!(conflicts, ab.conflicts);
                    }
                    row.push(ab.view);
                }
                pairs.push(row);
            }
            // pairs[i][j] is copies[i] merged with copies[j].
            for (a, a_with) in copies.iter().zip(&pairs) {
                for (ab, b_with) in a_with.iter().zip(&pairs) {
                    for (c, bc) in copies.iter().zip(b_with) {
                        let left = merge_views(ab, c).view;
                        let right = merge_views(a, bc).view;
                        prop_assert_eq!(left, right, "{} not associative", id);
                    }
                }
            }
        }
    }

    /// After every device has received from every other once, in any
    /// order, all hold the same records, and each record is the merge of
    /// every copy the devices held before.
    #[test]
    fn devices_are_identical_after_everyone_exchanges_with_everyone_in_any_order(s in scenario()) {
        let mut h = run(&s);
        let before: Vec<Workspace> = h.replicas.iter().map(|r| r.ws.clone()).collect();
        h.gossip(&s.gossip);
        assert_converged(&h)?;
        let ids: BTreeSet<RecordId> = before.iter().flat_map(|ws| ws.views()).map(|v| v.meta.id).collect();
        for id in ids {
            let merged = before
                .iter()
                .filter_map(|ws| ws.view(&id))
                .reduce(|acc, v| merge_views(&acc, &v).view)
                .expect("some device holds it");
            let held = h.replicas[0].ws.view(&id).expect("every record survives");
            prop_assert_eq!(normal(&held), normal(&merged));
        }
    }

    /// Every record any device created survives, and for every field the
    /// write with the highest stamp is the value everyone ends up with,
    /// under that stamp.
    #[test]
    fn every_record_and_the_newest_write_of_every_field_survive(s in scenario()) {
        let mut h = run(&s);
        h.gossip(&s.gossip);
        let mut newest: BTreeMap<(RecordId, String), &Write> = BTreeMap::new();
        for w in &h.writes {
            let e = newest.entry((w.record.clone(), w.field.clone())).or_insert(w);
            if w.stamp > e.stamp {
                *e = w;
            }
        }
        for r in &h.replicas {
            for ((id, field), w) in &newest {
                let view = r.ws.view(id).ok_or_else(|| {
                    TestCaseError::fail(format!("{} lost record {}", r.device, id))
                })?;
                prop_assert_eq!(view.value(field), w.value.clone(), "{}.{} on {}", id, field, r.device);
                prop_assert_eq!(view.meta.field_stamp(field), &w.stamp, "{}.{} on {}", id, field, r.device);
            }
        }
    }

    /// A written value that is not the final one and that no later write to
    /// its field had seen lost to a concurrent edit: some merge reported it.
    /// Conversely every reported value had not been seen by the write that
    /// beat it.
    #[test]
    fn every_value_lost_to_a_concurrent_edit_is_reported_and_only_those(s in scenario()) {
        let mut h = run(&s);
        h.gossip(&s.gossip);
        let final_ws = &h.replicas[0].ws;
        // Emptying writes `null`, which is not unique: only text is followed.
        for w in h.writes.iter().filter(|w| w.edit && w.value.is_string()) {
            let view = final_ws.view(&w.record).expect("every record survives");
            if view.meta.field_stamp(&w.field) == &w.stamp {
                continue;
            }
            let overwritten_knowingly = h.writes.iter().any(|x| {
                x.record == w.record
                    && x.field == w.field
                    && h.context_of(&x.record, &x.stamp).contains(&w.stamp)
            });
            if overwritten_knowingly {
                continue;
            }
            let reported = h.conflicts.iter().any(|c| {
                c.record == w.record && c.field == w.field && c.lost_stamp == w.stamp && c.lost == w.value
            });
            prop_assert!(reported, "{}.{} = {} by {:?} lost without a conflict", w.record, w.field, w.value, w.stamp);
        }
        for c in &h.conflicts {
            let kept_context = h.context_of(&c.record, &c.kept_stamp);
            prop_assert!(
                !kept_context.contains(&c.lost_stamp),
                "{:?} reported, but the kept write had seen the lost one", c
            );
            prop_assert!(c.kept != c.lost);
        }
    }

    /// An edit that ends up in a deleted record, made without knowledge of
    /// the delete and seen by no later write, is reported as a conflict on
    /// the tombstone flag, so the user can bring the record back.
    #[test]
    fn an_edit_concurrent_with_the_winning_delete_is_reported_on_the_tombstone(s in scenario()) {
        let mut h = run(&s);
        h.gossip(&s.gossip);
        let final_ws = &h.replicas[0].ws;
        let seen_by_a_later_write = |w: &Write| {
            h.context
                .iter()
                .any(|((record, _), ctx)| record == &w.record && ctx.contains(&w.stamp))
        };
        for w in h.writes.iter().filter(|w| w.edit && w.on_live && w.field != DELETED) {
            let view = final_ws.view(&w.record).expect("every record survives");
            if !view.meta.deleted
                || view.meta.field_stamp(&w.field) != &w.stamp
                || seen_by_a_later_write(w)
            {
                continue;
            }
            let reported = h.conflicts.iter().any(|c| {
                c.record == w.record && c.field == DELETED && c.lost == Value::Bool(false)
            });
            prop_assert!(reported, "the edit {}.{} by {:?} vanished under a delete without a conflict", w.record, w.field, w.stamp);
        }
    }
}

fn apply(ws: &mut Workspace, plan: &ImportPlan) {
    for view in &plan.writes {
        ws.put_view(view.clone()).expect("a planned write is valid");
    }
}

/// Imports a snapshot file into a workspace, as confirming an import does.
fn import(ws: &mut Workspace, text: &str) -> ImportPlan {
    let incoming = read(text, NOW).expect("an export reads");
    let plan = plan_import(ws, &incoming).expect("an export imports");
    apply(ws, &plan);
    plan
}

proptest! {
    #![proptest_config(config(32))]

    /// A device's export imported into an empty workspace exports to the
    /// same bytes: tombstones, per-field stamps, seen-writes, unknown fields
    /// and unknown record types included.
    #[test]
    fn export_read_import_into_an_empty_workspace_export_gives_the_same_bytes(s in scenario()) {
        let h = run(&s);
        for r in &h.replicas {
            let text = export(&r.ws, &Part::All, &export_info());
            let mut fresh = Workspace::default();
            import(&mut fresh, &text);
            prop_assert_eq!(export(&fresh, &Part::All, &export_info()), text);
            prop_assert!(fresh == r.ws);
        }
    }

    /// Importing another device's file merges exactly as receiving its
    /// records directly does, and importing the same file a second time
    /// plans no write and changes nothing.
    #[test]
    fn importing_a_file_equals_exchanging_and_importing_it_twice_changes_nothing(s in scenario()) {
        let h = run(&s);
        for from in 0..h.replicas.len() {
            for to in 0..h.replicas.len() {
                if from == to {
                    continue;
                }
                let text = export(&h.replicas[from].ws, &Part::All, &export_info());
                let mut ws = h.replicas[to].ws.clone();
                import(&mut ws, &text);
                let mut direct = h.clone();
                direct.exchange(from, to);
                prop_assert!(ws == direct.replicas[to].ws, "import of dev{} into dev{} differs from an exchange", from, to);
                let once = ws.clone();
                let again = import(&mut ws, &text);
                prop_assert!(again.is_empty(), "a second import still writes {} records", again.writes.len());
                prop_assert!(again.conflicts.is_empty() || again.writes.is_empty());
                prop_assert!(ws == once);
            }
        }
    }
}

/// A device running a newer version adds a field this version does not know
/// (here `colour`) while another device, which has never had that field,
/// renames the record. The two writes touch different fields, so both should
/// survive without a conflict, as `edits_to_different_fields_both_survive`
/// in `src/core/exchange/merge/record.rs` shows for a field both copies have.
#[test]

fn a_field_added_on_one_device_survives_a_concurrent_edit_of_another_field() {
    let base = base_views()[1].clone();
    assert!(base.body.get("colour").is_none());
    let mut with_colour = base.clone();
    with_colour.set_value("colour", json!("blå"));
    let added = apply_edit(
        Some(&base),
        Some(&base),
        &with_colour,
        Hlc {
            millis: BASE_MILLIS + 10,
            counter: 0,
        },
        &device_name(1),
        BASE_MILLIS + 10,
    )
    .expect("allowed")
    .expect("a write");
    let mut renamed = base.clone();
    renamed.set_value("name", json!("Haninge kommun"));
    let renamed = apply_edit(
        Some(&base),
        Some(&base),
        &renamed,
        Hlc {
            millis: BASE_MILLIS + 20,
            counter: 0,
        },
        &device_name(2),
        BASE_MILLIS + 20,
    )
    .expect("allowed")
    .expect("a write");
    for merged in [merge_views(&added, &renamed), merge_views(&renamed, &added)] {
        assert_eq!(merged.view.value("name"), json!("Haninge kommun"));
        assert_eq!(
            merged.view.value("colour"),
            json!("blå"),
            "the added field was dropped"
        );
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    }
}

/// A newer version empties a field this version does not know (`colour` on
/// a municipality) after everyone had its value; meanwhile another device
/// renamed the record. Stored here as a typed record, the emptied field must
/// still count as written, so that the merge keeps it empty rather than
/// bringing back the older value it replaced.
#[test]

fn an_emptied_unknown_field_stays_empty_after_passing_through_a_typed_record() {
    let at = |millis: u64| Hlc {
        millis: BASE_MILLIS + millis,
        counter: 0,
    };
    let edit = |stored: &FieldView, field: &str, value: Value, millis: u64, by: usize| {
        let mut new = stored.clone();
        new.set_value(field, value);
        apply_edit(
            Some(stored),
            Some(stored),
            &new,
            at(millis),
            &device_name(by),
            BASE_MILLIS + millis,
        )
        .expect("allowed")
        .expect("a write")
    };
    let base = base_views()[1].clone();
    let coloured = edit(&base, "colour", json!("blå"), 10, 1);
    let renamed = edit(&coloured, "name", json!("Haninge kommun"), 20, 2);
    let emptied = edit(&coloured, "colour", Value::Null, 30, 1);
    assert!(emptied.written_by("colour").is_some());
    // This version stores the emptied copy as a typed record.
    let mut ws = Workspace::default();
    ws.put_view(emptied.clone()).expect("valid");
    let stored = ws.view(&emptied.meta.id).expect("held");
    assert!(
        stored.written_by("colour").is_some(),
        "the typed record forgot that colour was emptied: {}",
        stored.to_json()
    );
    for merged in [
        merge_views(&stored, &renamed),
        merge_views(&renamed, &stored),
    ] {
        assert_eq!(merged.view.value("name"), json!("Haninge kommun"));
        assert_eq!(
            merged.view.value("colour"),
            Value::Null,
            "the emptied field came back"
        );
    }
}
