//! What importing a file would do, worked out before anything changes: the
//! preview the user confirms, and the exact writes that confirming makes.

use super::error::SnapshotError;
use super::read::{Incoming, Item};
use crate::core::exchange::merge::{merge_records, merge_views, Conflict, FieldView, DELETED};
use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::workspace::Workspace;
use serde_json::Value;
use std::borrow::Borrow;

/// One field that an import changes.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field's name in files ([`DELETED`] for the tombstone flag).
    pub field: String,
    /// Our value (`Null` when empty).
    pub ours: Value,
    /// The value after the import.
    pub theirs: Value,
}

/// One record that an import adds, changes or deletes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Type tag.
    pub kind: String,
    pub id: RecordId,
    /// Its name (or other label field) after the import, for the preview.
    pub label: String,
    /// The fields that change (empty for an added record).
    pub fields: Vec<FieldChange>,
}

/// The preview of an import and the writes that apply it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// Records we do not have.
    pub added: Vec<Change>,
    /// Records whose fields change (still live after the import).
    pub changed: Vec<Change>,
    /// Records that the import deletes.
    pub deleted: Vec<Change>,
    /// Records the file holds exactly as we do (or older).
    pub unchanged: usize,
    /// Values that lose to a concurrent edit, for the conflict log.
    pub conflicts: Vec<Conflict>,
    /// The merged copies to store: all of them in one transaction.
    pub writes: Vec<FieldView>,
    /// Records carrying a write under this device's id that this device
    /// never made (see [`Me`]): another machine uses the same device id.
    pub foreign_writes: usize,
}

/// The importing device, so the plan can tell its own writes from another
/// machine's under the same device id (a copied browser profile): a write
/// stamped with this device's id after `last`, the newest reading its clock
/// ever handed out, was not made here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Me {
    /// This device's id.
    pub device: DeviceId,
    /// The newest reading this device's clock handed out.
    pub last: Hlc,
}

impl ImportPlan {
    /// Whether confirming would change anything.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

/// The field used to name a record in the preview.
fn label(view: &FieldView) -> String {
    ["name", "title", "code"]
        .iter()
        .find_map(|f| view.body.get(*f).and_then(Value::as_str))
        .unwrap_or_else(|| view.meta.id.as_str())
        .chars()
        .take(120)
        .collect()
}

fn change(view: &FieldView, fields: Vec<FieldChange>) -> Change {
    Change {
        kind: view.kind.clone(),
        id: view.meta.id.clone(),
        label: label(view),
        fields,
    }
}

/// Works out what importing `incoming` into `ws` would do.
pub fn plan_import(ws: &Workspace, incoming: &Incoming) -> Result<ImportPlan, SnapshotError> {
    plan_items(ws, incoming.items.iter(), None)
}

/// [`plan_import`] by the device `me`, which looks out for writes made
/// under its id elsewhere.
pub fn plan_import_by(
    ws: &Workspace,
    incoming: &Incoming,
    me: &Me,
) -> Result<ImportPlan, SnapshotError> {
    plan_items(ws, incoming.items.iter(), Some(me))
}

/// [`plan_import`] of records the caller no longer needs: each checked
/// record is freed once it is planned, so a large import never holds every
/// typed record and every merged copy at once (the app's peak memory while
/// the preview is made; the wasm heap never shrinks after a peak). The
/// same as a [`Planning`] run to its end in one go.
pub fn plan_import_consuming(
    ws: &Workspace,
    items: Vec<Item>,
    me: Option<&Me>,
) -> Result<ImportPlan, SnapshotError> {
    Planning::new(items, me.cloned()).finish(ws)
}

/// An import being planned a slice of records at a time, so a page can
/// show how far it has come, answer input between slices, and stop at any
/// slice: planning only reads the workspace, so a planning dropped half
/// way changes nothing. Planned in slices of any size, the plan is the
/// one [`plan_import_consuming`] makes in one go.
pub struct Planning {
    /// The records still to plan, the next one last; each is freed once it
    /// is planned.
    rest: Vec<Item>,
    me: Option<Me>,
    plan: ImportPlan,
    total: usize,
}

impl Planning {
    /// Starts planning the import of `items` (in file order) by `me`.
    pub fn new(items: Vec<Item>, me: Option<Me>) -> Planning {
        let mut rest = items;
        rest.reverse();
        Planning {
            total: rest.len(),
            rest,
            me,
            plan: ImportPlan::default(),
        }
    }

    /// How many records there are to plan.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many records are planned so far.
    pub fn done(&self) -> usize {
        self.total - self.rest.len()
    }

    /// Plans up to `n` more records against `ws`; `Ok(true)` once every
    /// record is planned. An error refuses the import, and the planning is
    /// over.
    pub fn step(&mut self, ws: &Workspace, n: usize) -> Result<bool, SnapshotError> {
        for _ in 0..n {
            let Some(item) = self.rest.pop() else {
                break;
            };
            // The emptied end of the buffer is handed back now and then,
            // for the plan to grow into.
            if self.rest.len().is_multiple_of(SHRINK_EVERY) {
                self.rest.shrink_to_fit();
            }
            plan_item(ws, &item, self.me.as_ref(), &mut self.plan)?;
        }
        Ok(self.rest.is_empty())
    }

    /// Plans what is left: the plan that confirming applies.
    pub fn finish(mut self, ws: &Workspace) -> Result<ImportPlan, SnapshotError> {
        self.step(ws, usize::MAX)?;
        self.plan.conflicts.retain(reportable);
        Ok(self.plan)
    }
}

/// How many planned records [`Planning`] frees its buffer's end after.
const SHRINK_EVERY: usize = 1 << 16;

/// Whether a conflict is worth the user's attention: a delete that lost to
/// an edit is not (the record lives on); an edit that lost to a delete is
/// (restoring it brings the record back).
fn reportable(c: &Conflict) -> bool {
    c.field != DELETED || c.lost == Value::Bool(false)
}

/// Whether `item` carries a write under `me`'s device id that `me` never
/// handed out.
fn foreign_write(item: &Item, me: &Me) -> bool {
    item.meta()
        .seen_from(&me.device)
        .is_some_and(|h| h > me.last)
}

fn plan_items<I: Borrow<Item>>(
    ws: &Workspace,
    items: impl Iterator<Item = I>,
    me: Option<&Me>,
) -> Result<ImportPlan, SnapshotError> {
    let mut plan = ImportPlan::default();
    for item in items {
        plan_item(ws, item.borrow(), me, &mut plan)?;
    }
    plan.conflicts.retain(reportable);
    Ok(plan)
}

/// Plans one record of a file into `plan`.
fn plan_item(
    ws: &Workspace,
    item: &Item,
    me: Option<&Me>,
    plan: &mut ImportPlan,
) -> Result<(), SnapshotError> {
    let foreign = me.is_some_and(|me| foreign_write(item, me));
    if foreign {
        plan.foreign_writes += 1;
    }
    // The common case first, on typed records and stamps alone: a record
    // we hold in the same or a newer state needs no field-level work.
    if let Item::Known(theirs) = item {
        if !foreign && ws.holds(theirs) {
            plan.unchanged += 1;
            return Ok(());
        }
    }
    plan_one(ws, item, foreign.then_some(me).flatten(), plan)
}

/// What confirming a planned write does to the copy stored at that moment
/// (another tab or a sync may have written since the preview): the merge of
/// the two, and the values that lose in it — to the conflict log, like the
/// conflicts the preview listed. A stored record of another type refuses
/// the import (writing would turn one record into another).
pub fn confirm_write(
    stored: Option<&FieldView>,
    planned: FieldView,
) -> Result<(FieldView, Vec<Conflict>), SnapshotError> {
    let Some(stored) = stored else {
        return Ok((planned, Vec::new()));
    };
    if stored.kind != planned.kind {
        return Err(SnapshotError::KindClash {
            id: stored.meta.id.to_string(),
            ours: stored.kind.clone(),
            theirs: planned.kind,
        });
    }
    let merged = merge_views(stored, &planned);
    let conflicts = merged.conflicts.into_iter().filter(reportable).collect();
    Ok((merged.view, conflicts))
}

/// The values of `ours` that `merged` replaces although they were written
/// under `me`'s id: with another machine writing under the same id, the
/// merge takes them for writes the other side had seen, so nothing else
/// would report them.
fn shadowed_by_same_device(ours: &FieldView, merged: &FieldView, me: &Me) -> Vec<Conflict> {
    ours.field_names(merged)
        .into_iter()
        .filter(|f| ours.value(f) != merged.value(f))
        .filter_map(|f| {
            let lost_stamp = ours.written_by(f)?;
            let kept_stamp = merged.written_by(f)?;
            (lost_stamp.device == me.device && kept_stamp.device == me.device).then(|| Conflict {
                kind: ours.kind.clone(),
                record: ours.meta.id.clone(),
                field: f.to_owned(),
                kept: merged.value(f),
                kept_stamp: kept_stamp.clone(),
                lost: ours.value(f),
                lost_stamp: lost_stamp.clone(),
            })
        })
        .collect()
}

/// Plans one record that is new here or may change; `foreign` is this
/// device when the record carries another machine's write under its id.
fn plan_one(
    ws: &Workspace,
    item: &Item,
    foreign: Option<&Me>,
    plan: &mut ImportPlan,
) -> Result<(), SnapshotError> {
    let id = &item.meta().id;
    let Some(ours) = ws.view(id) else {
        let view = item.view();
        if view.meta.is_live() {
            plan.added.push(change(&view, Vec::new()));
        } else {
            plan.unchanged += 1;
        }
        plan.writes.push(view);
        return Ok(());
    };
    let theirs_kind = item.kind();
    if ours.kind != theirs_kind {
        return Err(SnapshotError::KindClash {
            id: id.to_string(),
            ours: ours.kind,
            theirs: theirs_kind.to_owned(),
        });
    }
    let (merged, conflicts) = match (item, ws.record(id)) {
        (Item::Known(theirs), Some(our_record)) => match merge_records(&our_record, theirs) {
            Some((r, c)) => (FieldView::from_record(&r), c),
            None => (ours.clone(), Vec::new()),
        },
        _ => {
            let m = merge_views(&ours, &item.view());
            (m.view, m.conflicts)
        }
    };
    plan.conflicts.extend(conflicts);
    if let Some(me) = foreign {
        plan.conflicts
            .extend(shadowed_by_same_device(&ours, &merged, me));
    }
    if merged == ours {
        plan.unchanged += 1;
        return Ok(());
    }
    let fields: Vec<FieldChange> = ours
        .field_names(&merged)
        .into_iter()
        .filter(|f| ours.value(f) != merged.value(f))
        .map(|f| FieldChange {
            field: f.to_owned(),
            ours: ours.value(f),
            theirs: merged.value(f),
        })
        .collect();
    if merged.meta.deleted && ours.meta.is_live() {
        plan.deleted.push(change(&merged, fields));
    } else if !fields.is_empty() && merged.meta.is_live() {
        plan.changed.push(change(&merged, fields));
    }
    plan.writes.push(merged);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::merge::apply_edit;
    use crate::core::exchange::snapshot::{export, read, ExportInfo, Part};
    use crate::core::ids::{DeviceId, Hlc};

    const NOW: u64 = 1_795_428_900_000;

    fn file_of(ws: &Workspace) -> String {
        let info = ExportInfo {
            millis: NOW,
            device: DeviceId::parse("laptop-1").unwrap(),
        };
        export(ws, &Part::All, &info)
    }

    fn plan(ws: &Workspace, text: &str) -> ImportPlan {
        plan_import(ws, &read(text, NOW).unwrap()).unwrap()
    }

    fn apply(ws: &mut Workspace, plan: ImportPlan) {
        for v in plan.writes {
            ws.put_view(v).unwrap();
        }
    }

    fn rename(ws: &mut Workspace, name: &str, new: &str, at: u64, device: &str) {
        let view = ws
            .views()
            .into_iter()
            .find(|v| v.body.get("name").and_then(Value::as_str) == Some(name))
            .unwrap();
        let mut edited = view.clone();
        edited.set_value("name", Value::String(new.into()));
        let out = apply_edit(
            Some(&view),
            Some(&view),
            &edited,
            Hlc {
                millis: at,
                counter: 0,
            },
            &DeviceId::parse(device).unwrap(),
            at,
        )
        .unwrap()
        .unwrap();
        ws.put_view(out).unwrap();
    }

    #[test]
    fn into_an_empty_workspace_everything_is_new_and_reexports_byte_for_byte() {
        let file = file_of(&demo::workspace());
        let mut ws = Workspace::default();
        let p = plan(&ws, &file);
        assert_eq!(p.added.len(), demo::workspace().records().len());
        apply(&mut ws, p);
        assert_eq!(file_of(&ws), file);
    }

    #[test]
    fn importing_our_own_file_changes_nothing() {
        let ws = demo::workspace();
        let p = plan(&ws, &file_of(&ws));
        assert!(p.is_empty());
        assert_eq!(p.unchanged, ws.records().len());
    }

    /// The example data on two laptops, each renaming Haninge, the second
    /// one later.
    fn renamed_on_two_laptops() -> (Workspace, Workspace) {
        let mut ours = demo::workspace();
        let mut theirs = demo::workspace();
        rename(&mut ours, "Haninge", "Haninge kommun", NOW - 2000, "a");
        rename(&mut theirs, "Haninge", "Haninge k:n", NOW - 1000, "b");
        (ours, theirs)
    }

    #[test]
    fn concurrent_renames_show_field_by_field_and_log_a_conflict() {
        let (mut ours, mut theirs) = renamed_on_two_laptops();
        let p = plan(&ours, &file_of(&theirs));
        assert_eq!(p.changed.len(), 1);
        let f = &p.changed[0].fields[0];
        assert_eq!(f.field, "name");
        assert_eq!(f.ours, Value::String("Haninge kommun".into()));
        assert_eq!(f.theirs, Value::String("Haninge k:n".into()));
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(p.conflicts[0].lost, Value::String("Haninge kommun".into()));
        // Both ways round, the laptops end up identical.
        let back = plan(&theirs, &file_of(&ours));
        assert!(back.changed.is_empty());
        assert_eq!(back.conflicts.len(), 1);
        apply(&mut ours, p);
        apply(&mut theirs, back);
        assert_eq!(file_of(&ours), file_of(&theirs));
    }

    #[test]
    fn a_deletion_is_listed_as_such() {
        let ours = demo::workspace();
        let mut theirs = demo::workspace();
        let id = theirs.insatser_by_name()[0].meta.id.clone();
        let view = theirs.view(&id).unwrap();
        let mut gone = view.clone();
        gone.set_value(DELETED, Value::Bool(true));
        let out = apply_edit(
            Some(&view),
            Some(&view),
            &gone,
            Hlc {
                millis: NOW,
                counter: 0,
            },
            &DeviceId::parse("b").unwrap(),
            NOW,
        )
        .unwrap()
        .unwrap();
        theirs.put_view(out).unwrap();
        let p = plan(&ours, &file_of(&theirs));
        assert_eq!(p.deleted.len(), 1);
        assert_eq!(p.deleted[0].id, id);
        assert!(p.conflicts.is_empty());
    }

    /// The consuming plan is the same plan, in the same order, whether the
    /// file is new here, the same, or concurrently edited; and with more
    /// records than one stretch between two buffer shrinks.
    #[test]
    fn the_consuming_plan_is_the_borrowing_plan() {
        let (ours, theirs) = renamed_on_two_laptops();
        let file = file_of(&theirs);
        for ws in [Workspace::default(), ours, theirs] {
            let incoming = read(&file, NOW).unwrap();
            let borrowed = plan_import(&ws, &incoming).unwrap();
            assert_eq!(
                plan_import_consuming(&ws, incoming.items, None).unwrap(),
                borrowed
            );
        }
        let base = FieldView::from_record(&demo::workspace().records()[0]);
        let many: Vec<Item> = (0..SHRINK_EVERY + 3)
            .map(|i| {
                let mut view = base.clone();
                view.meta.id = RecordId::parse(&format!("r{i}")).unwrap();
                Item::Other(view)
            })
            .collect();
        let borrowed = plan_items(&Workspace::default(), many.iter(), None).unwrap();
        let consumed = plan_import_consuming(&Workspace::default(), many, None).unwrap();
        assert_eq!(consumed.writes.len(), SHRINK_EVERY + 3);
        assert_eq!(consumed, borrowed);
    }

    #[test]
    fn a_record_of_another_type_under_the_same_id_is_refused() {
        let ws = demo::workspace();
        let file = file_of(&ws).replacen("{\"municipality\":", "{\"region\":", 1);
        let incoming = read(&file, NOW).unwrap();
        assert!(matches!(
            plan_import(&ws, &incoming),
            Err(SnapshotError::KindClash { .. })
        ));
    }

    #[test]
    fn planning_in_slices_counts_each_record_and_gives_the_one_go_plan() {
        let (ours, theirs) = renamed_on_two_laptops();
        let items = read(&file_of(&theirs), NOW).unwrap().items;
        let total = items.len();
        let whole = plan_import_consuming(&ours, items.clone(), None).unwrap();
        for n in [1, 3, 100, total] {
            let mut planning = Planning::new(items.clone(), None);
            assert_eq!((planning.done(), planning.total()), (0, total));
            let mut steps = 0;
            while !planning.step(&ours, n).unwrap() {
                steps += 1;
                assert_eq!(planning.done(), steps * n);
            }
            assert_eq!(planning.done(), total);
            assert_eq!(planning.finish(&ours).unwrap(), whole, "slices of {n}");
        }
        assert_eq!(whole.changed.len(), 1);
        assert_eq!(whole.conflicts.len(), 1);
    }

    #[test]
    fn a_planning_stopped_half_way_changes_nothing_and_a_new_one_plans_all() {
        let (ours, theirs) = renamed_on_two_laptops();
        let before = file_of(&ours);
        let items = read(&file_of(&theirs), NOW).unwrap().items;
        let whole = plan_import_consuming(&ours, items.clone(), None).unwrap();
        let mut planning = Planning::new(items.clone(), None);
        assert!(!planning.step(&ours, items.len() / 2).unwrap());
        assert_eq!(planning.done(), items.len() / 2);
        drop(planning);
        assert_eq!(file_of(&ours), before);
        assert_eq!(plan_import_consuming(&ours, items, None).unwrap(), whole);
    }
}
