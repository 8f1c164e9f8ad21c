//! The app's state: the workspace in a signal, and the one path by which
//! changes reach storage.
//!
//! Guarantees: [`AppState::commit`] writes only the fields the user changed,
//! on top of what is stored now (another tab may have written since), with
//! this device's clock, in one IndexedDB transaction, and only then shows
//! it; if the write fails nothing changes on screen and the caller keeps the
//! user's input. An import is one transaction too. Other tabs are told what
//! changed. Pages read the workspace through narrow closures and never write
//! to it directly; a write tells only the views that read its tables (see
//! [`WorkspaceSignal`]).

use super::i18n::{Lang, Texts};
use super::split::PartMissing;
use super::sync::PublishedFile;
use crate::browser::clock::{new_record_id, now_millis, Clock};
use crate::browser::idb::{IdbError, RecordDb, Work};
use crate::browser::perf::Span;
use crate::browser::settings::{self, Key};
use crate::browser::slices::Slice;
use crate::browser::tabs::Tabs;
use crate::core::clock::{self, Drift};
use crate::core::exchange::merge::{
    self as merge, apply_edit, apply_first_write, needs_restamp, overwritten_by_edit, restamp,
    Conflict, EditError, FieldView, UnwritableConflict,
};
use crate::core::exchange::snapshot::{self, ImportPlan, Item, Me, SnapshotError};
use crate::core::ids::{Hlc, RecordId};
use crate::core::model::{Meta, Record};
use crate::core::stored;
use crate::core::workspace::{Tables, Workspace};
use crate::ui::workspace_signal::WorkspaceSignal;
use leptos::prelude::*;
use std::rc::Rc;

/// How a write turns the stored copy of each of its records (`None` where
/// nothing is stored; called once per id, in their order) into the copy
/// to store, if any, and entries for the conflict log, or refuses: then
/// the whole write stores nothing. One record at a time, so a large write
/// can take slices (boxed: one write path is compiled, not one per kind
/// of write).
type Merge =
    Box<dyn FnMut(Option<FieldView>) -> Result<(Option<Saved>, Vec<Conflict>), WriteError>>;

/// Why a write stored nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// IndexedDB failed (quota, blocked, …).
    Storage(IdbError),
    /// The edit cannot be written on top of what is stored.
    Edit(EditError),
    /// The confirmed import no longer fits what is stored now.
    Import(SnapshotError),
    /// A record this write would replace is stored in a form this version
    /// cannot read (a newer version wrote it): it is never overwritten.
    Unreadable {
        /// The record's id.
        id: String,
    },
    /// A newer version of the app runs in another tab: this tab must be
    /// reloaded before it stores anything.
    Outdated,
    /// A value this write replaces could not be written to the conflict
    /// log: nothing is stored, so it is not lost unseen.
    ConflictLog(UnwritableConflict),
}

/// A record as the user saved it, with the copy their form was opened on:
/// only what they changed from that copy is written, so a change another
/// tab stored meanwhile is neither reverted nor lost.
pub struct Edit {
    saved: Record,
    opened: Option<Record>,
}

impl Edit {
    /// A change made to the copy on screen now (a new record, a delete, a
    /// one-click action).
    pub fn now(saved: Record) -> Edit {
        Edit {
            saved,
            opened: None,
        }
    }

    /// A change made in a form that was opened on `opened` (`None` for a
    /// form that creates a record).
    pub fn from_form(opened: Option<Record>, saved: Record) -> Edit {
        Edit { saved, opened }
    }
}

/// The copy an edit stores: a record is made a field view only as it is
/// merged, a slice at a time (for a sheet of 100 000 rows, 0.4 s that
/// would otherwise come in one task before the write starts), and a new
/// record never is (it is stored typed, see [`Buckets::put_record`]).
///
/// [`Buckets::put_record`]: stored::bucket::Buckets::put_record
enum Saved {
    Record(Record),
    View(FieldView),
}

impl Saved {
    fn id(&self) -> &RecordId {
        match self {
            Saved::Record(r) => &r.meta().id,
            Saved::View(v) => &v.meta.id,
        }
    }

    fn into_view(self) -> FieldView {
        match self {
            Saved::Record(r) => FieldView::from_record(&r),
            Saved::View(v) => v,
        }
    }

    fn stamp(&self) -> Hlc {
        match self {
            Saved::Record(r) => r.meta().stamp.hlc,
            Saved::View(v) => v.meta.stamp.hlc,
        }
    }
}

/// Handles to everything a page needs; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The data, as last stored, with a change signal per table.
    pub ws: WorkspaceSignal,
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// A storage problem to show in the banner, if any.
    pub storage_error: RwSignal<Option<IdbError>>,
    /// How many stored records could not be read at start.
    pub skipped_records: RwSignal<usize>,
    /// A short message after an action ("Exempeldata inlästa").
    pub notice: RwSignal<Option<String>>,
    /// How far a write that takes slices has come: records put into
    /// storage, of all it writes (`None` while no such write runs).
    pub storing: RwSignal<Option<(usize, usize)>>,
    /// Values that lost to concurrent edits from other devices.
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// The stored conflict log could not be read: `conflicts` may miss
    /// entries, and the log says so instead of showing itself empty.
    pub conflicts_unreadable: RwSignal<bool>,
    /// A new version of the app is installed and waits for the user's yes.
    pub update_waiting: RwSignal<bool>,
    /// A published snapshot with news for this device, waiting to be looked at.
    pub published: RwSignal<Option<PublishedFile>>,
    /// A newer version of the app runs in another tab (or upgraded the
    /// database): this tab stores nothing until it is reloaded.
    pub outdated: RwSignal<bool>,
    /// Stored records holding stamps too far ahead of this device's clock
    /// (how many, how far ahead the furthest is), to repair.
    pub stamps_ahead: RwSignal<Option<(usize, u64)>>,
    db: StoredValue<Option<Rc<RecordDb>>, LocalStorage>,
    clock: StoredValue<Rc<Clock>, LocalStorage>,
    tabs: StoredValue<Option<Rc<Tabs>>, LocalStorage>,
}

impl AppState {
    /// State over loaded data; `db` is the error when IndexedDB is
    /// unavailable or unreadable (then changes live only until the tab
    /// closes, and the banner says so).
    pub fn new(
        ws: Workspace,
        db: Result<RecordDb, IdbError>,
        clock: Clock,
        skipped: usize,
        conflicts: Vec<Conflict>,
    ) -> AppState {
        // A language whose catalogue could not be fetched (offline before
        // the service worker kept it) is Swedish until the next start.
        let lang = Some(stored_lang())
            .filter(|l| l.is_here())
            .unwrap_or_default();
        let (db, problem) = match db {
            Ok(db) => (Some(db), None),
            Err(e) => (None, Some(e)),
        };
        let ahead = snapshot::stamps_ahead(&ws, now_millis());
        AppState {
            outdated: RwSignal::new(false),
            stamps_ahead: RwSignal::new(ahead),
            ws: WorkspaceSignal::new(ws),
            lang: RwSignal::new(lang),
            storage_error: RwSignal::new(problem),
            skipped_records: RwSignal::new(skipped),
            notice: RwSignal::new(None),
            storing: RwSignal::new(None),
            conflicts: RwSignal::new(conflicts),
            conflicts_unreadable: RwSignal::new(false),
            update_waiting: RwSignal::new(false),
            published: RwSignal::new(None),
            db: StoredValue::new_local(db.map(Rc::new)),
            clock: StoredValue::new_local(Rc::new(clock)),
            tabs: StoredValue::new_local(None),
        }
    }

    /// Starts listening to the app's other tabs: what they store is read
    /// back from storage and shown here too.
    pub fn join_tabs(self) {
        let tabs = Tabs::join(move |ids| {
            leptos::task::spawn_local(async move { self.refresh(ids).await });
        });
        self.tabs.set_value(Some(Rc::new(tabs)));
    }

    /// Reads records another tab stored, and the conflict log.
    async fn refresh(self, ids: Vec<String>) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        let keys = stored::bucket::buckets_of(ids.iter().map(String::as_str));
        if let Ok(texts) = db.get_many(&keys).await {
            let buckets = stored::bucket::Buckets::read(&keys, texts);
            // What is stored is what the other tab wrote (already merged
            // with what was stored before): shown as it is, so a repaired
            // stamp replaces the old one here too. A copy this version
            // cannot read came from a newer version (which marks this tab
            // outdated): the old copy stays.
            let items: Vec<Item> = ids.iter().filter_map(|id| buckets.item(id)?.ok()).collect();
            self.show(items);
            // No write can bring such stamps (they are refused); another
            // tab's repair can take them away.
            if self.stamps_ahead.get_untracked().is_some() {
                let ahead = self
                    .ws
                    .with_untracked(|w| snapshot::stamps_ahead(w, now_millis()));
                self.stamps_ahead.set(ahead);
            }
        }
        match db.load_conflicts().await {
            Ok(texts) => {
                self.conflicts.set(decode_conflicts(texts));
                self.conflicts_unreadable.set(false);
            }
            Err(_) => self.conflicts_unreadable.set(true),
        }
    }

    /// The catalogue of the current language (tracks the language signal,
    /// so views re-render when it changes).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    /// The catalogue of the current language for event handlers and async
    /// code, where nothing should track the language.
    pub fn t_now(&self) -> &'static Texts {
        self.lang.get_untracked().texts()
    }

    /// Switches language, once its catalogue is here (English is fetched
    /// the first time), and remembers the choice; when it cannot be
    /// fetched nothing changes.
    pub async fn set_lang(self, lang: Lang) -> Result<(), PartMissing> {
        lang.fetch().await?;
        settings::set(Key::Language, lang.code());
        self.lang.set(lang);
        Ok(())
    }

    /// This device's clock.
    pub fn clock(&self) -> Rc<Clock> {
        self.clock.get_value()
    }

    /// Stores and then shows a batch of edited or new records: all or
    /// nothing.
    pub async fn commit(self, edits: Vec<Edit>) -> Result<(), WriteError> {
        let edits = edits
            .into_iter()
            .map(|e| {
                let opened = e.opened.as_ref().map(FieldView::from_record);
                (Saved::Record(e.saved), opened)
            })
            .collect();
        self.write_edits(edits, Vec::new()).await
    }

    /// Writes edits — each a saved copy and the copy it was made from, or
    /// `None` for the copy on screen now — on top of what is stored, logs
    /// what they overwrote unseen, and removes the log entries `resolved`.
    async fn write_edits(
        self,
        edits: Vec<(Saved, Option<FieldView>)>,
        resolved: Vec<String>,
    ) -> Result<(), WriteError> {
        let clock = self.clock();
        let ids: Vec<String> = edits.iter().map(|(n, _)| n.id().to_string()).collect();
        let edits: Vec<(Saved, Option<FieldView>)> = self.ws.with_untracked(|w| {
            edits
                .into_iter()
                .map(|(new, opened)| {
                    let opened = opened.or_else(|| w.view(new.id()));
                    (new, opened)
                })
                .collect()
        });
        let count = edits.len();
        let mut edits = edits.into_iter();
        // The device, time and stamps of the write, as its first record is
        // merged.
        let mut made = None;
        let edit = move |stored: Option<FieldView>| {
            let Some((new, opened)) = edits.next() else {
                return Ok((None, Vec::new()));
            };
            let (device, now, stamps) =
                made.get_or_insert_with(|| (clock.device(), now_millis(), clock.ticks(count)));
            let hlc = stamps.next().unwrap_or_else(|| clock.tick());
            let (written, conflicts) = match (new, stored) {
                // Nothing stored: the first write, typed (what it was
                // opened on does not matter, as in `apply_edit`).
                (Saved::Record(r), None) => {
                    let r = apply_first_write(r, hlc, device, *now).map_err(WriteError::Edit)?;
                    (Saved::Record(r), Vec::new())
                }
                (new, stored) => {
                    let new = new.into_view();
                    let written =
                        apply_edit(stored.as_ref(), opened.as_ref(), &new, hlc, device, *now)
                            .map_err(WriteError::Edit)?;
                    let Some(v) = written else {
                        return Ok((None, Vec::new()));
                    };
                    let conflicts = match (&stored, &opened) {
                        (Some(stored), Some(opened)) => overwritten_by_edit(stored, opened, &v),
                        _ => Vec::new(),
                    };
                    (Saved::View(v), conflicts)
                }
            };
            clock.observe(written.stamp());
            Ok((Some(written), conflicts))
        };
        self.store(ids, Box::new(edit), Vec::new(), resolved).await
    }

    /// Holds stored copies in the workspace as they are, telling the views
    /// of their tables.
    fn show(self, items: Vec<Item>) {
        let changed = items
            .iter()
            .fold(Tables::NONE, |t, item| t | Tables::of_kind(item.kind()));
        self.ws.update(changed, |w| {
            for item in items {
                w.replace_item(item);
            }
        });
    }

    /// Refuses to write from a tab that runs an older version than another
    /// tab of this profile (the mark a newer tab leaves, or its takeover).
    fn check_current(self) -> Result<(), WriteError> {
        let newer = settings::get(Key::DataFormat).is_some_and(|m| stored::is_newer_mark(&m));
        if newer {
            self.outdated.set(true);
        }
        if self.outdated.get_untracked() {
            Err(WriteError::Outdated)
        } else {
            Ok(())
        }
    }

    /// The one write path: in one transaction, reads the stored copies of
    /// `ids`, stores what `merge` makes of them, logs the conflicts it
    /// returns (after `found`, those known before) and drops `resolved`;
    /// then shows the result and tells the other tabs. A stored copy this
    /// version cannot read refuses the write, as does `merge`: then nothing
    /// is stored. A large write takes slices with the page's turn in
    /// between, telling [`AppState::storing`] how far it has come. Without
    /// IndexedDB the copies on screen stand in for the stored ones.
    async fn store(
        self,
        ids: Vec<String>,
        mut merge: Merge,
        found: Vec<Conflict>,
        resolved: Vec<String>,
    ) -> Result<(), WriteError> {
        self.check_current()?;
        // What was written, as the records it reads back as (each field
        // view is dropped once its record is in its bucket).
        let mut items: Vec<Item> = Vec::new();
        let mut log = found;
        match self.db.get_value() {
            Some(db) => {
                let mut refused = None;
                let keys = stored::bucket::buckets_of(ids.iter().map(String::as_str));
                // Between two slices: the buckets being written and how
                // many of `ids` are merged and put into them.
                let mut pending = None;
                let mut next = 0;
                let total = ids.len();
                let work = |stored: Option<Vec<Option<String>>>| {
                    if let Some(texts) = stored {
                        pending = Some(stored::bucket::Buckets::read(&keys, texts));
                    }
                    let Some(buckets) = pending.as_mut() else {
                        return Work::Done(None);
                    };
                    let slice = Slice::start();
                    let first = next;
                    for id in &ids[next..] {
                        next += 1;
                        let merged = buckets
                            .copy_for_write(id)
                            .map_err(|_| WriteError::Unreadable { id: id.clone() })
                            .and_then(&mut merge);
                        let (view, conflicts) = match merged {
                            Ok(merged) => merged,
                            Err(e) => {
                                refused = Some(e);
                                return Work::Done(None);
                            }
                        };
                        log.extend(conflicts);
                        if let Some(v) = view {
                            let id = v.id().to_string();
                            let put = match v {
                                Saved::Record(r) => buckets.put_record(r),
                                Saved::View(v) => buckets.put(&v),
                            };
                            match put {
                                Ok(item) => items.push(item),
                                Err(_) => {
                                    refused = Some(WriteError::Unreadable { id });
                                    return Work::Done(None);
                                }
                            }
                        }
                        if (next - first) % 16 == 0 && slice.is_over() {
                            self.storing.set(Some((next, total)));
                            return Work::More;
                        }
                    }
                    // After a pause, or a slice that has had its time, the
                    // buckets' texts are made in a slice of their own.
                    if next > first && (first > 0 || slice.is_over()) {
                        self.storing.set(Some((next, total)));
                        return Work::More;
                    }
                    let Some(buckets) = pending.take() else {
                        return Work::Done(None);
                    };
                    match log.iter().map(merge::log_entry).collect() {
                        Ok(entries) => Work::Done(Some((buckets.changed(), entries))),
                        Err(e) => {
                            refused = Some(WriteError::ConflictLog(e));
                            Work::Done(None)
                        }
                    }
                };
                let result = db.update_in_slices(&keys, work, &resolved).await;
                self.storing.set(None);
                if let Err(e) = result {
                    self.storage_error.set(Some(e.clone()));
                    return Err(WriteError::Storage(e));
                }
                if matches!(
                    self.storage_error.get_untracked(),
                    Some(IdbError::QuotaExceeded | IdbError::Failed(_))
                ) {
                    self.storage_error.set(None);
                }
                if let Some(e) = refused {
                    return Err(e);
                }
            }
            None => {
                let on_screen: Vec<Option<FieldView>> = self.ws.with_untracked(|w| {
                    ids.iter()
                        .map(|id| RecordId::parse(id).ok().and_then(|id| w.view(&id)))
                        .collect()
                });
                for copy in on_screen {
                    let (written, conflicts) = merge(copy)?;
                    log.extend(conflicts);
                    items.extend(written.and_then(|w| match w {
                        Saved::Record(r) => Some(Item::Known(r)),
                        Saved::View(v) => Item::from_view(v).ok(),
                    }));
                }
            }
        }
        let written_ids: Vec<String> = items.iter().map(|i| i.meta().id.to_string()).collect();
        // The workspace mirrors what was stored (each copy already merged
        // with the stored one inside the transaction).
        let span = Span::start("maltavla:write-show");
        self.show(items);
        span.end();
        if !log.is_empty() || !resolved.is_empty() {
            self.conflicts.update(|shown| {
                shown.retain(|c| !resolved.contains(&c.key()));
                for c in log {
                    if !shown.iter().any(|old| old.key() == c.key()) {
                        shown.push(c);
                    }
                }
            });
        }
        if let Some(tabs) = self.tabs.get_value() {
            tabs.announce(&written_ids);
        }
        Ok(())
    }

    /// Applies a confirmed import: every merged record and every conflict
    /// in one transaction, merged once more with what is stored at that
    /// moment (another tab or a sync may have written since the preview;
    /// what loses then goes to the conflict log too). The clock then follows
    /// the file, but never past `clock_reading`. When the file held writes
    /// made under this device's id elsewhere, this device goes on under a
    /// new id (and says so).
    pub async fn import(self, plan: ImportPlan, clock_reading: Hlc) -> Result<(), WriteError> {
        let ids: Vec<String> = plan.writes.iter().map(|v| v.meta.id.to_string()).collect();
        let foreign = plan.foreign_writes > 0;
        let (writes, conflicts) = (plan.writes, plan.conflicts);
        let mut writes = writes.into_iter();
        let merge = move |stored: Option<FieldView>| {
            let Some(incoming) = writes.next() else {
                return Ok((None, Vec::new()));
            };
            let (view, found) =
                snapshot::confirm_write(stored.as_ref(), incoming).map_err(WriteError::Import)?;
            Ok((Some(Saved::View(view)), found))
        };
        self.store(ids, Box::new(merge), conflicts, Vec::new())
            .await?;
        self.clock().observe(clock_reading);
        if foreign {
            let id = self.clock().new_device();
            self.notice
                .set(Some((self.t_now().trust.new_device_shared)(id.as_str())));
        }
        Ok(())
    }

    /// This device as an import plan needs it.
    pub fn me(&self) -> Me {
        let clock = self.clock();
        Me {
            device: clock.device(),
            last: clock.last(),
        }
    }

    /// Rewrites the stamps that lie too far ahead of this device's clock,
    /// as one write made now per record, keeping every value (see
    /// `core::exchange::merge::restamp`). Returns how many records were repaired.
    pub async fn repair_stamps(self) -> Result<usize, WriteError> {
        let now = now_millis();
        let ids: Vec<String> = self.ws.with_untracked(|w| {
            w.metas()
                .filter(|m| matches!(clock::drift(clock::newest_in(m), now), Drift::TooFar(_)))
                .map(|m| m.id.to_string())
                .collect()
        });
        let count = ids.len();
        let clock = self.clock();
        let device = clock.device();
        let mut stamps = clock.ticks(count);
        let merge = move |stored: Option<FieldView>| {
            let out = stored.filter(|v| needs_restamp(v, now)).and_then(|v| {
                let hlc = stamps.next().unwrap_or_else(|| clock.tick());
                restamp(&v, hlc, &device, now)
            });
            Ok((out.map(Saved::View), Vec::new()))
        };
        self.store(ids, Box::new(merge), Vec::new(), Vec::new())
            .await?;
        let left = self
            .ws
            .with_untracked(|w| snapshot::stamps_ahead(w, now_millis()));
        self.stamps_ahead.set(left);
        Ok(count)
    }

    /// Brings a value that lost a conflict back, as a new edit made now.
    pub async fn restore(self, conflict: Conflict) -> Result<(), WriteError> {
        let current = self.ws.with_untracked(|w| w.view(&conflict.record));
        let Some(mut view) = current else {
            return self.dismiss(conflict).await;
        };
        view.set_value(&conflict.field, conflict.lost.clone());
        self.write_edits(vec![(Saved::View(view), None)], vec![conflict.key()])
            .await
    }

    /// Removes an entry from the conflict log, keeping the record as it is.
    pub async fn dismiss(self, conflict: Conflict) -> Result<(), WriteError> {
        self.store(
            Vec::new(),
            Box::new(|_| Ok((None, Vec::new()))),
            Vec::new(),
            vec![conflict.key()],
        )
        .await
    }
}

/// The language chosen on this device (Swedish when none is).
pub fn stored_lang() -> Lang {
    settings::get(Key::Language)
        .map(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

/// Reads the stored conflict log, skipping entries that cannot be read.
pub fn decode_conflicts(texts: Vec<String>) -> Vec<Conflict> {
    texts
        .iter()
        .filter_map(|t| serde_json::from_str(t).ok())
        .collect()
}

impl AppState {
    /// The sentence for a storage failure, in the current language.
    pub fn storage_message(&self, e: &IdbError) -> String {
        let t = self.t_now();
        match e {
            IdbError::QuotaExceeded => t.storage_quota.into(),
            IdbError::Unavailable(_) => t.storage_unavailable.into(),
            IdbError::Unreadable(_) => t.storage_unreadable.into(),
            _ => t.storage_failed.into(),
        }
    }

    /// The sentence for a write that stored nothing, in the current
    /// language.
    pub fn write_message(&self, e: &WriteError) -> String {
        let t = self.t_now();
        match e {
            WriteError::Storage(e) => self.storage_message(e),
            WriteError::Edit(e) => (t.trust.edit_error)(e),
            WriteError::Import(e) => (t.exchange.error)(e),
            WriteError::Unreadable { id } => (t.trust.stored_unreadable)(id),
            WriteError::Outdated => t.trust.outdated_write.into(),
            WriteError::ConflictLog(e) => (t.trust.conflict_unwritable)(&e.reason),
        }
    }

    /// Commits records from a form: marks the form busy, and on success runs
    /// `then`; on failure leaves the form as typed with a message.
    pub fn save(
        self,
        edits: Vec<Edit>,
        busy: RwSignal<bool>,
        failure: RwSignal<Option<String>>,
        then: impl FnOnce() + 'static,
    ) {
        // Boxed so that the commit's future is compiled once, not once per
        // caller's `then` (each copy of it costs kilobytes of download).
        self.save_then(edits, busy, failure, Box::new(then));
    }

    fn save_then(
        self,
        edits: Vec<Edit>,
        busy: RwSignal<bool>,
        failure: RwSignal<Option<String>>,
        then: Box<dyn FnOnce()>,
    ) {
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match self.commit(edits).await {
                Ok(()) => then(),
                Err(e) => failure.set(Some(self.write_message(&e))),
            }
            busy.set(false);
        });
    }

    /// Metadata for a record about to be created (the stamp is replaced when
    /// it is committed).
    pub fn new_meta(&self) -> Meta {
        let clock = self.clock();
        Meta::new(new_record_id(), clock.last_here(), clock.device())
    }
}

/// A catalogue text that follows the language. Every text in every view
/// goes through this one function, so the renderer is compiled once for all
/// of them instead of once per text (a large saving in download size).
pub fn tr(pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    let app = use_app();
    Signal::derive(move || pick(app.t()))
}

/// The app state provided at the root.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
