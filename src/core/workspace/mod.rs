//! The whole data set of one förbund in memory, and the lookups every page
//! needs.
//!
//! Guarantees: at most one record per id; [`Workspace::put`] merges a copy
//! of a record into the one it holds field by field (see [`merge`]), so
//! applying the same records in any order gives the same workspace;
//! tombstones are kept but hidden from every `live` view; records of types
//! this version does not know are kept as they came.

use crate::core::exchange::merge::{self, FieldView};
use crate::core::exchange::snapshot::Item;
use crate::core::ids::{Hlc, RecordId};
use crate::core::model::{
    Arrival, Comment, DoorCount, EndStatus, Entity, Forecast, Indicator, Insats, Meeting, Meta,
    Municipality, Organisation, Outcome, Participation, Partner, Presentation, Project,
    PublishedFigure, Record, Scope, SlotReport, Target, ORGANISATION_ID,
};
use crate::core::order;
use std::collections::BTreeMap;

mod tables;
pub use tables::Tables;

/// Records of one type by id, tombstones included.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<T>(BTreeMap<RecordId, T>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(BTreeMap::new())
    }
}

impl<T: Entity> Table<T> {
    /// A live record by id; `None` for unknown ids and tombstones.
    pub fn get(&self, id: &RecordId) -> Option<&T> {
        self.0.get(id).filter(|r| r.meta().is_live())
    }

    /// Any stored version of a record, tombstone or not.
    pub fn get_any(&self, id: &RecordId) -> Option<&T> {
        self.0.get(id)
    }

    /// Live records in id order.
    pub fn live(&self) -> impl Iterator<Item = &T> {
        self.0.values().filter(|r| r.meta().is_live())
    }

    /// Every record including tombstones.
    pub fn all(&self) -> impl Iterator<Item = &T> {
        self.0.values()
    }

    /// Number of live records.
    pub fn live_count(&self) -> usize {
        self.live().count()
    }
}

/// Everything one förbund has recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// The förbund (one record with a well-known id).
    pub organisation: Option<Organisation>,
    /// Member municipalities.
    pub municipalities: Table<Municipality>,
    /// Partner authorities.
    pub partners: Table<Partner>,
    pub projects: Table<Project>,
    pub insatser: Table<Insats>,
    pub indicators: Table<Indicator>,
    pub targets: Table<Target>,
    pub outcomes: Table<Outcome>,
    /// The förbund's end statuses for participations.
    pub end_statuses: Table<EndStatus>,
    /// Pseudonymised participations.
    pub participations: Table<Participation>,
    /// Frukostmöten.
    pub meetings: Table<Meeting>,
    /// Reports of places and enrolled participants.
    pub slot_reports: Table<SlotReport>,
    /// Guests checked in at meetings.
    pub arrivals: Table<Arrival>,
    /// Saved slide sequences for the projector.
    pub presentations: Table<Presentation>,
    /// Computed figures a public snapshot brought (see
    /// [`crate::core::exchange::snapshot::public`]).
    pub published_figures: Table<PublishedFigure>,
    /// Guests counted at meetings' doors that a public snapshot brought.
    pub door_counts: Table<DoorCount>,
    /// Forecasts (prognoser) for targets' whole periods.
    pub forecasts: Table<Forecast>,
    /// Written comments on targets in a period.
    pub comments: Table<Comment>,
    /// Records of types a newer version of the app wrote, kept for it.
    pub other: BTreeMap<RecordId, FieldView>,
}

/// Calls `$then!` with the given arguments, then `;` and every table of a
/// known type but the organisation, as its field and its `Record` variant.
/// The one list of the tables: a method written over it cannot miss one
/// (as `replace_view` once missed four, so a repaired stamp of a forecast
/// merged back instead of replacing).
macro_rules! each_table {
    ($then:ident, $($args:tt)*) => {
        $then!($($args)*;
            municipalities Municipality, partners Partner, projects Project,
            insatser Insats, indicators Indicator, targets Target,
            outcomes Outcome, end_statuses EndStatus,
            participations Participation, meetings Meeting,
            slot_reports SlotReport, arrivals Arrival,
            presentations Presentation, published_figures PublishedFigure,
            door_counts DoorCount, forecasts Forecast, comments Comment)
    };
}

fn by_name<'a, T: 'a>(mut items: Vec<&'a T>, name: impl Fn(&T) -> &str) -> Vec<&'a T> {
    order::sort_by_key(&mut items, |r| order::sort_key(name(r)));
    items
}

/// An organisation under any id but [`ORGANISATION_ID`]: never held (the
/// workspace holds one organisation, which such a copy must not replace).
fn stray_organisation(record: &Record) -> bool {
    matches!(record, Record::Organisation(o) if o.meta.id.as_str() != ORGANISATION_ID)
}

impl Workspace {
    /// A workspace built from stored records, applied in any order (in
    /// bulk: see [`Workspace::from_items`]).
    pub fn from_records(records: impl IntoIterator<Item = Record>) -> Workspace {
        Workspace::from_items(records.into_iter().map(Item::Known))
    }

    /// Merges one copy of a record into the workspace; returns whether
    /// anything changed. A copy whose id belongs to a record of another type
    /// (only a corrupt copy can do that) is ignored.
    /// So is an organisation under any id but [`ORGANISATION_ID`]: the
    /// workspace holds one, and it must not be replaced whatever its stamps.
    pub fn put(&mut self, record: Record) -> bool {
        if stray_organisation(&record) {
            return false;
        }
        let merged = match self.own_copy(&record) {
            // Not in its own table: new, unless another type holds its id.
            None if self.holds_id(&record.meta().id) => return false,
            None => record,
            Some(existing) if existing == record => return false,
            // One merge for every record type, instead of one per table.
            Some(existing) => match merge::merge_records(&existing, &record) {
                Some((m, _)) if m != existing => m,
                _ => return false,
            },
        };
        self.insert(merged);
        true
    }

    /// The copy held of `record`'s id in the table of `record`'s type.
    fn own_copy(&self, record: &Record) -> Option<Record> {
        let id = &record.meta().id;
        macro_rules! own {
            ($s:ident, $r:ident, $id:ident; $($field:ident $variant:ident),*) => {
                match $r {
                    Record::Organisation(_) => $s
                        .organisation
                        .as_ref()
                        .filter(|o| &o.meta.id == $id)
                        .cloned()
                        .map(Record::from),
                    $(Record::$variant(_) => $s.$field.0.get($id).cloned().map(Record::from),)*
                }
            };
        }
        each_table!(own, self, record, id)
    }

    /// Whether a record of a known type, tombstone or not, has this id.
    fn holds_id(&self, id: &RecordId) -> bool {
        macro_rules! any {
            ($s:ident, $id:ident; $($field:ident $variant:ident),*) => {
                false $(|| $s.$field.0.contains_key($id))*
            };
        }
        self.organisation.as_ref().is_some_and(|o| &o.meta.id == id) || each_table!(any, self, id)
    }

    /// Holds `record` in its table in place of any copy of its id there.
    fn insert(&mut self, record: Record) {
        let id = record.meta().id.clone();
        macro_rules! insert {
            ($s:ident, $r:ident, $id:ident; $($field:ident $variant:ident),*) => {
                match $r {
                    Record::Organisation(o) => $s.organisation = Some(o),
                    $(Record::$variant(r) => drop($s.$field.0.insert($id, r)),)*
                }
            };
        }
        each_table!(insert, self, record, id);
    }

    /// A workspace built from stored records of any type, in any order.
    ///
    /// The same workspace as [`Workspace::put_item`] of each record in
    /// turn, built in bulk: records of distinct ids (every start-up, whose
    /// records come one per id from storage) go straight into their tables
    /// in id order, without looking for a copy to merge with. Copies of
    /// one id are put one after another in the order they came (the sort
    /// is stable), so a copy of another type still loses to the first.
    pub fn from_items(items: impl IntoIterator<Item = Item>) -> Workspace {
        Workspace::build(items.into_iter().collect())
    }

    /// [`Workspace::from_items`], one copy for every kind of iterator.
    fn build(items: Vec<Item>) -> Workspace {
        // Sorted by moving indices, not records of a few hundred bytes.
        // The standard sort, not `order::sort_by`: at 112 060 records the
        // whole build took 196 ms with it and 361 ms with the app's own
        // merge sort (benches/storage.rs).
        let id = |i: &usize| &items[*i].meta().id;
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|a, b| id(a).cmp(id(b)));
        let copies = order.windows(2).any(|w| id(&w[0]) == id(&w[1]));
        let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
        let mut ws = Workspace::default();
        if copies {
            for i in order {
                if let Some(item) = slots[i].take() {
                    ws.put_item(item);
                }
            }
            return ws;
        }
        // The participations, by far the largest table, go into a run in
        // id order at its exact size, built into the table linearly and
        // into full nodes once the records' slots are freed. The other
        // records are inserted in id order, sharing the insert code `put`
        // has anyway (a linear build of every table would add 17 copies of
        // it and of its sort to the download: 95 KB).
        let participations = slots
            .iter()
            .flatten()
            .filter(|item| matches!(item, Item::Known(Record::Participation(_))))
            .count();
        let mut run = Vec::with_capacity(participations);
        for i in order {
            match slots[i].take() {
                Some(Item::Known(Record::Participation(p))) => run.push((p.meta.id.clone(), p)),
                // Its id is held nowhere yet: nothing to merge with.
                Some(Item::Known(r)) if !stray_organisation(&r) => ws.insert(r),
                Some(Item::Known(_)) | None => {}
                Some(other) => {
                    ws.put_item(other);
                }
            }
        }
        drop(slots);
        ws.participations.0 = BTreeMap::from_iter(run);
        ws
    }

    /// Merges a record that has already been checked.
    pub fn put_item(&mut self, item: Item) -> bool {
        match item {
            Item::Known(r) => self.put(r),
            Item::Other(v) => self.put_view(v).unwrap_or(false),
        }
    }

    /// Merges a record of any type, known or not; a known type whose fields
    /// do not fit the model is refused with the reason.
    pub fn put_view(&mut self, view: FieldView) -> Result<bool, merge::ViewError> {
        if let Some(record) = view.to_record()? {
            return Ok(self.put(record));
        }
        let merged = match self.other.get(&view.meta.id) {
            Some(existing) if *existing == view => return Ok(false),
            Some(existing) => merge::merge_views(existing, &view).view,
            None => view,
        };
        self.other.insert(merged.meta.id.clone(), merged);
        Ok(true)
    }

    /// Holds `view` as it is, in place of any copy held under its id
    /// (unlike [`Workspace::put_view`], which merges): for a copy that was
    /// just stored as the merge of what storage held, which the workspace
    /// must then mirror exactly (a repaired stamp is older than the one it
    /// replaces, so merging would bring the old one back).
    pub fn replace_view(&mut self, view: FieldView) -> Result<(), merge::ViewError> {
        self.replace_item(Item::from_view(view)?);
        Ok(())
    }

    /// [`Workspace::replace_view`] for a record already typed, such as one
    /// read back from storage.
    pub fn replace_item(&mut self, item: Item) {
        let id = item.meta().id.clone();
        // Nothing of its id is held elsewhere afterwards; its own table's
        // copy is replaced by the insert below, in one step.
        let own = match &item {
            Item::Known(r) if !stray_organisation(r) => Some(r),
            _ => None,
        };
        if own.is_none_or(|r| !matches!(r, Record::Organisation(_)))
            && self.organisation.as_ref().is_some_and(|o| o.meta.id == id)
        {
            self.organisation = None;
        }
        macro_rules! remove {
            ($s:ident, $id:ident, $own:ident; $($field:ident $variant:ident),*) => {
                $(if !$own.is_some_and(|r| matches!(r, Record::$variant(_))) {
                    drop($s.$field.0.remove(&$id));
                })*
            };
        }
        each_table!(remove, self, id, own);
        self.other.remove(&id);
        match item {
            Item::Known(r) => {
                if !stray_organisation(&r) {
                    self.insert(r);
                }
            }
            Item::Other(view) => {
                self.other.insert(id, view);
            }
        }
    }

    /// The copy held of any record, tombstone or not, as a field view.
    pub fn view(&self, id: &RecordId) -> Option<FieldView> {
        if let Some(v) = self.other.get(id) {
            return Some(v.clone());
        }
        self.record(id).map(|r| FieldView::from_record(&r))
    }

    /// The copy held of a record of a known type, tombstone or not.
    pub fn record(&self, id: &RecordId) -> Option<Record> {
        fn from<T: Clone + Into<Record>>(t: &Table<T>, id: &RecordId) -> Option<Record> {
            t.0.get(id).cloned().map(Into::into)
        }
        self.organisation
            .as_ref()
            .filter(|o| &o.meta.id == id)
            .cloned()
            .map(Record::from)
            .or_else(|| {
                macro_rules! find {
                    ($s:ident, $id:ident; $($field:ident $variant:ident),*) => {
                        None$(.or_else(|| from(&$s.$field, $id)))*
                    };
                }
                each_table!(find, self, id)
            })
    }

    /// Whether the copy held of `theirs`'s record is `theirs` or strictly
    /// newer, so importing it changes nothing. Looks in the one table of its
    /// type and clones nothing: the import preview asks this of every
    /// record in a file.
    pub fn holds(&self, theirs: &Record) -> bool {
        fn check<T: Entity + PartialEq>(ours: Option<&T>, theirs: &T) -> bool {
            ours.is_some_and(|o| o == theirs || merge::strictly_includes(o.meta(), theirs.meta()))
        }
        let id = &theirs.meta().id;
        match theirs {
            Record::Organisation(t) => {
                check(self.organisation.as_ref().filter(|o| &o.meta.id == id), t)
            }
            other => {
                macro_rules! check_in {
                    ($s:ident, $other:ident, $id:ident; $($field:ident $variant:ident),*) => {
                        match $other {
                            Record::Organisation(_) => false,
                            $(Record::$variant(t) => check($s.$field.0.get($id), t),)*
                        }
                    };
                }
                each_table!(check_in, self, other, id)
            }
        }
    }

    /// The bookkeeping of every record, tombstones and other types
    /// included, without copying any record.
    pub fn metas(&self) -> impl Iterator<Item = &Meta> + '_ {
        fn of<T: Entity>(t: &Table<T>) -> impl Iterator<Item = &Meta> + '_ {
            t.all().map(Entity::meta)
        }
        self.organisation
            .iter()
            .map(|o| &o.meta)
            .chain({
                macro_rules! all_of {
                    ($s:ident; $($field:ident $variant:ident),*) => {
                        std::iter::empty()$(.chain(of(&$s.$field)))*
                    };
                }
                each_table!(all_of, self)
            })
            .chain(self.other.values().map(|v| &v.meta))
    }

    /// Every record as a field view, known types first in the order of
    /// [`Workspace::records`], then the others by id.
    pub fn views(&self) -> Vec<FieldView> {
        let mut out: Vec<FieldView> = self.records().iter().map(FieldView::from_record).collect();
        out.extend(self.other.values().cloned());
        out
    }

    /// Every stored record, tombstones included, in a stable order.
    pub fn records(&self) -> Vec<Record> {
        let mut out: Vec<Record> = Vec::new();
        out.extend(self.organisation.iter().cloned().map(Record::from));
        macro_rules! extend {
            ($s:ident, $out:ident; $($field:ident $variant:ident),*) => {
                $($out.extend($s.$field.all().cloned().map(Record::from));)*
            };
        }
        each_table!(extend, self, out);
        out
    }

    /// A copy without the records of `tables`: what a view that does not
    /// read them must not tell apart from this one.
    #[cfg(test)]
    pub fn without(&self, tables: Tables) -> Workspace {
        let mut out = Workspace::default();
        for r in self.records() {
            if !tables.contains(Tables::of_kind(r.kind())) {
                out.put(r);
            }
        }
        if !tables.contains(Tables::OTHER) {
            out.other = self.other.clone();
        }
        out
    }

    /// The highest clock reading of any record, so a device's clock can start
    /// after everything it has stored.
    pub fn max_hlc(&self) -> Hlc {
        self.metas().map(|m| m.stamp.hlc).max().unwrap_or_default()
    }

    /// Whether nothing live has been recorded (first start).
    pub fn is_empty(&self) -> bool {
        self.organisation.is_none()
            && self.municipalities.live_count() == 0
            && self.projects.live_count() == 0
            && self.insatser.live_count() == 0
            && self.indicators.live_count() == 0
            && self.meetings.live_count() == 0
    }

    /// The small-number protection threshold the förbund chose (default 3).
    pub fn protection_threshold(&self) -> u64 {
        self.organisation
            .as_ref()
            .and_then(|o| o.protection_threshold)
            .map_or(crate::core::participants::DEFAULT_THRESHOLD, u64::from)
    }

    /// The förbund's name, if it has been entered (and not deleted).
    pub fn organisation_name(&self) -> Option<&str> {
        self.organisation
            .as_ref()
            .filter(|o| o.meta.is_live())
            .map(|o| o.name.as_str())
    }

    /// Live municipalities by name.
    pub fn municipalities_by_name(&self) -> Vec<&Municipality> {
        by_name(self.municipalities.live().collect(), |m| &m.name)
    }

    /// Live partners by name.
    pub fn partners_by_name(&self) -> Vec<&Partner> {
        by_name(self.partners.live().collect(), |p| &p.name)
    }

    /// Live projects by name.
    pub fn projects_by_name(&self) -> Vec<&Project> {
        by_name(self.projects.live().collect(), |p| &p.name)
    }

    /// Live insatser by name.
    pub fn insatser_by_name(&self) -> Vec<&Insats> {
        by_name(self.insatser.live().collect(), |i| &i.name)
    }

    /// Live indicators by name.
    pub fn indicators_by_name(&self) -> Vec<&Indicator> {
        by_name(self.indicators.live().collect(), |i| &i.name)
    }

    /// Live end statuses in the förbund's own order (their `order` field),
    /// the order every list and choice of them shows.
    pub fn end_statuses_in_order(&self) -> Vec<&EndStatus> {
        let mut statuses: Vec<&EndStatus> = self.end_statuses.live().collect();
        order::sort_by_key(&mut statuses, |s| s.order);
        statuses
    }

    /// A project and all its live sub-projects, at any depth, without looping
    /// on a (corrupt) cycle.
    pub fn project_family(&self, root: &RecordId) -> Vec<RecordId> {
        let mut family = vec![root.clone()];
        let mut i = 0;
        while let Some(current) = family.get(i).cloned() {
            for p in self.projects.live() {
                if p.parent.as_ref() == Some(&current) && !family.contains(&p.meta.id) {
                    family.push(p.meta.id.clone());
                }
            }
            i += 1;
        }
        family
    }

    /// Live insatser of a project or any of its sub-projects, by name.
    pub fn insatser_of_project(&self, project: &RecordId) -> Vec<&Insats> {
        let family = self.project_family(project);
        by_name(
            self.insatser
                .live()
                .filter(|i| i.project.as_ref().is_some_and(|p| family.contains(p)))
                .collect(),
            |i| &i.name,
        )
    }

    /// Live direct sub-projects of a project, by name.
    pub fn subprojects(&self, project: &RecordId) -> Vec<&Project> {
        by_name(
            self.projects
                .live()
                .filter(|p| p.parent.as_ref() == Some(project))
                .collect(),
            |p| &p.name,
        )
    }

    /// The name of a scope's project or insats; `None` for the whole förbund
    /// or a record that no longer exists.
    pub fn scope_name(&self, scope: &Scope) -> Option<&str> {
        match scope {
            Scope::Forbund => self.organisation_name(),
            Scope::Project(id) => self.projects.get(id).map(|p| p.name.as_str()),
            Scope::Insats(id) => self.insatser.get(id).map(|i| i.name.as_str()),
        }
    }

    /// Whether a scope refers to something that exists.
    pub fn scope_exists(&self, scope: &Scope) -> bool {
        match scope {
            Scope::Forbund => true,
            Scope::Project(id) => self.projects.get(id).is_some(),
            Scope::Insats(id) => self.insatser.get(id).is_some(),
        }
    }

    /// Live targets of an indicator, in period order.
    pub fn targets_of(&self, indicator: &RecordId) -> Vec<&Target> {
        let mut v: Vec<&Target> = self
            .targets
            .live()
            .filter(|t| &t.indicator == indicator)
            .collect();
        order::sort_by(&mut v, |a, b| {
            a.period.cmp(&b.period).then_with(|| a.scope.cmp(&b.scope))
        });
        v
    }

    /// Live outcomes of an indicator, in period order.
    pub fn outcomes_of(&self, indicator: &RecordId) -> Vec<&Outcome> {
        let mut v: Vec<&Outcome> = self
            .outcomes
            .live()
            .filter(|o| &o.indicator == indicator)
            .collect();
        order::sort_by(&mut v, |a, b| {
            a.period.cmp(&b.period).then_with(|| a.scope.cmp(&b.scope))
        });
        v
    }

    /// Live forecasts of an indicator, in period order.
    pub fn forecasts_of(&self, indicator: &RecordId) -> Vec<&Forecast> {
        let mut v: Vec<&Forecast> = self
            .forecasts
            .live()
            .filter(|f| &f.indicator == indicator)
            .collect();
        order::sort_by(&mut v, |a, b| {
            a.period.cmp(&b.period).then_with(|| a.scope.cmp(&b.scope))
        });
        v
    }

    /// Live comments on an indicator's targets, in the order of the
    /// periods they are written for.
    pub fn comments_of(&self, indicator: &RecordId) -> Vec<&Comment> {
        let mut v: Vec<&Comment> = self
            .comments
            .live()
            .filter(|c| &c.indicator == indicator)
            .collect();
        order::sort_by(&mut v, |a, b| {
            a.period.cmp(&b.period).then_with(|| a.scope.cmp(&b.scope))
        });
        v
    }

    /// Indicators with at least one live target or outcome for a scope.
    pub fn indicators_for_scope(&self, scope: &Scope) -> Vec<&Indicator> {
        let used = |id: &RecordId| {
            self.targets
                .live()
                .any(|t| &t.indicator == id && &t.scope == scope)
                || self
                    .outcomes
                    .live()
                    .any(|o| &o.indicator == id && &o.scope == scope)
        };
        by_name(
            self.indicators
                .live()
                .filter(|i| used(&i.meta.id))
                .collect(),
            |i| &i.name,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::DeviceId;
    use crate::core::model::{EndCategory, Meta};

    fn muni(id: &str, name: &str, millis: u64) -> Record {
        Record::Municipality(Municipality {
            meta: Meta::new(
                RecordId::parse(id).unwrap(),
                Hlc { millis, counter: 0 },
                DeviceId::parse("dev").unwrap(),
            ),
            name: name.into(),
        })
    }

    #[test]
    fn end_statuses_are_listed_in_their_own_order_not_by_name() {
        let status = |id: &str, name: &str, order: u32| {
            Record::EndStatus(EndStatus {
                meta: Meta::new(
                    RecordId::parse(id).unwrap(),
                    Hlc::default(),
                    DeviceId::parse("dev").unwrap(),
                ),
                name: name.into(),
                category: EndCategory::Other,
                order,
            })
        };
        let ws = Workspace::from_records([
            status("s1", "Arbete", 2),
            status("s2", "Studier", 0),
            status("s3", "Avbrott", 1),
        ]);
        let names: Vec<&str> = ws
            .end_statuses_in_order()
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Studier", "Avbrott", "Arbete"]);
    }

    /// Properties of the bulk build and the one-step replace (proptest
    /// runs on the host only).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            /// The bulk build of [`Workspace::from_records`] against a put of
            /// each record in turn: copies of one id, newer and older, some of
            /// another type, some organisations under a stray id.
            #[test]
            fn from_records_equals_putting_each_record_in_turn(
                picks in prop::collection::vec((0usize..1000, 0u64..4, 0usize..1000, 0u8..4), 0..60)
            ) {
                let demo = crate::core::demo::workspace().records();
                let records: Vec<Record> = picks
                    .iter()
                    .map(|&(i, bump, j, how)| {
                        let mut r = demo[i % demo.len()].clone();
                        r.meta_mut().stamp.hlc.millis += bump;
                        match how {
                            // Another record's content under this id.
                            0 => {
                                let id = r.meta().id.clone();
                                r = demo[j % demo.len()].clone();
                                r.meta_mut().id = id;
                            }
                            // An organisation under a stray id.
                            1 if matches!(r, Record::Organisation(_)) => {
                                r.meta_mut().id = RecordId::parse("stray-org").expect("valid");
                            }
                            _ => {}
                        }
                        r
                    })
                    .collect();
                let mut one_by_one = Workspace::default();
                for r in records.clone() {
                    one_by_one.put(r);
                }
                prop_assert_eq!(Workspace::from_records(records), one_by_one);
            }
        }

        /// [`Workspace::replace_item`] as it was first written: every copy of
        /// the id removed from every table, then the record held.
        fn replace_the_long_way(ws: &Workspace, r: Record) -> Workspace {
            let id = r.meta().id.clone();
            let mut out = Workspace::default();
            for held in ws.records().into_iter().filter(|h| h.meta().id != id) {
                out.put(held);
            }
            out.other = ws.other.clone();
            out.other.remove(&id);
            out.put(r);
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            /// Replacing a record in its own table in one step holds the same
            /// as removing its id everywhere first: for a copy of any type
            /// under any held id, and an organisation under a stray id.
            #[test]
            fn replace_item_holds_what_removing_the_id_everywhere_first_holds(
                i in 0usize..1000, j in 0usize..1000, bump in 0u64..3, how in 0u8..3
            ) {
                let demo = crate::core::demo::workspace();
                let all = demo.records();
                let mut r = all[i % all.len()].clone();
                r.meta_mut().stamp.hlc.millis = bump;
                match how {
                    0 => {
                        let id = r.meta().id.clone();
                        r = all[j % all.len()].clone();
                        r.meta_mut().id = id;
                    }
                    1 => {
                        r = demo.organisation.clone().map(Record::from).expect("demo organisation");
                        r.meta_mut().id = all[j % all.len()].meta().id.clone();
                    }
                    _ => {}
                }
                let mut quick = demo.clone();
                quick.replace_item(Item::Known(r.clone()));
                prop_assert_eq!(quick, replace_the_long_way(&demo, r));
            }
        }
    }

    #[test]
    fn put_keeps_the_newest_write_whatever_the_order() {
        let a = Workspace::from_records([muni("m", "Old", 1), muni("m", "New", 2)]);
        let b = Workspace::from_records([muni("m", "New", 2), muni("m", "Old", 1)]);
        assert_eq!(a, b);
        assert_eq!(a.municipalities_by_name()[0].name, "New");
        assert_eq!(a.max_hlc().millis, 2);
    }

    #[test]
    fn replace_view_holds_an_older_copy_of_any_type_in_place_of_the_newer() {
        let demo = crate::core::demo::workspace();
        for record in demo.records() {
            let mut older = record.clone();
            older.meta_mut().stamp.hlc = Hlc {
                millis: 0,
                counter: 0,
            };
            let mut ws = demo.clone();
            ws.replace_view(FieldView::from_record(&older)).unwrap();
            assert_eq!(
                ws.record(&record.meta().id),
                Some(older),
                "{}",
                record.kind()
            );
        }
    }

    #[test]
    fn tombstones_are_kept_but_hidden() {
        let mut gone = muni("m", "Tyresö", 5);
        gone.meta_mut().deleted = true;
        let ws = Workspace::from_records([muni("m", "Tyresö", 1), gone]);
        assert_eq!(ws.municipalities.live_count(), 0);
        assert!(ws
            .municipalities
            .get_any(&RecordId::parse("m").unwrap())
            .is_some());
        assert_eq!(ws.records().len(), 1);
    }
}
