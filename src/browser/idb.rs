//! The record store in IndexedDB: values of records grouped by the core's
//! layout (`core::stored`), keyed by bucket; the conflict log keyed by
//! conflict; and the store of the layout before buckets, read once to move
//! its records (see [`RecordDb::migrate`]).
//!
//! Guarantees: a batch of writes is one transaction, committed all or
//! nothing; [`RecordDb::update`] reads what is stored and writes the
//! caller's merge of it inside that one transaction, so two tabs writing at
//! once never overwrite each other (IndexedDB runs overlapping read-write
//! transactions one after the other); errors come back as [`IdbError`] with
//! a kind the UI can explain (quota full, storage blocked, anything else).

use super::perf::Span;
use super::slices::Slice;
use crate::core::stored;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyRange;
use std::fmt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The database name used by the app.
pub const DB_NAME: &str = "maltavla";
/// 3: records grouped into buckets (`buckets`); 2 kept one value per
/// record (`records`, still read by [`RecordDb::migrate`]).
const DB_VERSION: u32 = 3;
const LEGACY: &str = "records";
const BUCKETS: &str = "buckets";
const CONFLICTS: &str = "conflicts";

/// What went wrong talking to IndexedDB.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdbError {
    /// The browser offers no IndexedDB here (blocked, private mode, old).
    Unavailable(String),
    /// The disk quota for this site is used up.
    QuotaExceeded,
    /// Stored records exist but could not be read.
    Unreadable(String),
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl fmt::Display for IdbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdbError::Unavailable(e) => write!(f, "IndexedDB unavailable: {e}"),
            IdbError::QuotaExceeded => write!(f, "storage quota exceeded"),
            IdbError::Unreadable(e) => write!(f, "stored records could not be read: {e}"),
            IdbError::Failed(e) => write!(f, "IndexedDB failed: {e}"),
        }
    }
}

impl std::error::Error for IdbError {}

fn failed(e: impl fmt::Display) -> IdbError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") {
        IdbError::QuotaExceeded
    } else {
        IdbError::Failed(text)
    }
}

/// The texts stored under `ids` in `store` (`None` where nothing is), all
/// requested at once and then collected in order, within the caller's
/// transaction.
async fn read_keys(
    store: &ObjectStore<'_>,
    ids: &[String],
) -> Result<Vec<Option<String>>, IdbError> {
    // For a large batch (an import), one request for the stored keys first
    // saves a request per record that is not stored yet: on a new laptop
    // that is every record.
    let stored: Option<std::collections::HashSet<String>> = if ids.len() > BATCH_KEYS {
        let keys = store
            .get_all_keys::<String>()
            .primitive()
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Some(keys.collect::<Result<_, _>>().map_err(failed)?)
    } else {
        None
    };
    let mut pending = Vec::with_capacity(ids.len());
    for id in ids {
        let request = match &stored {
            Some(keys) if !keys.contains(id) => None,
            _ => Some(
                store
                    .get::<String, _, _>(id.as_str())
                    .primitive()
                    .map_err(failed)?,
            ),
        };
        pending.push(request);
    }
    let mut out = Vec::with_capacity(ids.len());
    for request in pending {
        out.push(match request {
            Some(r) => r.await.map_err(failed)?,
            None => None,
        });
    }
    Ok(out)
}

/// The page's turn within a transaction: a request of `store`'s
/// transaction, answered in a later task (so input and a frame can come
/// first), keeps the transaction open meanwhile.
async fn keep_open(store: &ObjectStore<'_>) -> Result<(), IdbError> {
    store
        .count()
        .primitive()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(())
}

/// Every `(key, text)` in `store`, within the caller's transaction.
async fn entries(store: &ObjectStore<'_>) -> Result<Vec<(String, String)>, IdbError> {
    let keys = store.get_all_keys::<String>().primitive().map_err(failed)?;
    let values = store.get_all::<String>().primitive().map_err(failed)?;
    // Both come in key order, within one transaction.
    let keys = keys.await.map_err(failed)?;
    let values = values.await.map_err(failed)?;
    keys.zip(values)
        .map(|(k, v)| Ok((k.map_err(failed)?, v.map_err(failed)?)))
        .collect()
}

/// In how many key ranges [`RecordDb::read_records`] reads the buckets
/// (at least two: the first range then takes every key below the first
/// bound, numbers too, and the last every key from the last bound on).
const READ_RANGES: u32 = 16;
const _: () = assert!(READ_RANGES >= 2);

/// From how many ids on [`read_keys`] asks for the stored keys first.
const BATCH_KEYS: usize = 256;

/// What a write stores: the `(key, text)` values and the `(key, text)`
/// conflict-log entries.
pub type Written = (Vec<(String, String)>, Vec<(String, String)>);

/// What a slice of a write's work says (see [`RecordDb::update_in_slices`]).
#[derive(Debug)]
pub enum Work<T> {
    /// Call again after the page's turn.
    More,
    /// Finished: what to store, or `None` to store nothing.
    Done(Option<T>),
}

/// An open record database.
#[derive(Debug)]
pub struct RecordDb {
    db: Database,
    _on_version_change: Option<Closure<dyn FnMut()>>,
}

/// What the app hears about other tabs through the database.
pub struct DbEvents {
    /// Opening waits for other tabs of an older version to close their
    /// connection (they hold the old database version open).
    pub blocked: Box<dyn Fn()>,
    /// A newer version of the app, in another tab, wants to upgrade the
    /// database: this connection has been closed, and nothing more can be
    /// stored from this tab until it is reloaded.
    pub version_change: Box<dyn Fn()>,
}

impl RecordDb {
    /// Opens (and on first use creates) the app's database.
    pub async fn open(events: DbEvents) -> Result<RecordDb, IdbError> {
        RecordDb::open_with(DB_NAME, Some(events)).await
    }

    /// Opens a database by name (tests use their own).
    pub async fn open_named(name: &str) -> Result<RecordDb, IdbError> {
        RecordDb::open_with(name, None).await
    }

    /// Opens a database by name, telling `events` what other tabs do.
    pub async fn open_with(name: &str, events: Option<DbEvents>) -> Result<RecordDb, IdbError> {
        let (blocked, version_change) = match events {
            Some(e) => (Some(e.blocked), Some(e.version_change)),
            None => (None, None),
        };
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_blocked(move |_event| {
                if let Some(f) = &blocked {
                    f();
                }
                Ok(())
            })
            .with_on_upgrade_needed(|_event, db| {
                for name in [LEGACY, CONFLICTS, BUCKETS] {
                    if !db.object_store_names().any(|n| n == name) {
                        db.create_object_store(name).build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| IdbError::Unavailable(e.to_string()))?;
        // A newer version's upgrade waits until this connection closes:
        // close it at once (never block the newer tab) and say so.
        let on_version_change = version_change.map(|f| {
            let sys: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
            let closing = sys.clone();
            let closure = Closure::<dyn FnMut()>::new(move || {
                closing.close();
                f();
            });
            sys.set_onversionchange(Some(closure.as_ref().unchecked_ref()));
            closure
        });
        Ok(RecordDb {
            db,
            _on_version_change: on_version_change,
        })
    }

    /// A read-write transaction on `stores`; it rolls back unless
    /// committed, so an early return by `?` never half-applies a batch.
    fn writable<const N: usize>(&self, stores: [&str; N]) -> Result<Transaction<'_>, IdbError> {
        self.db
            .transaction(stores)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failed)
    }

    async fn texts_of(&self, store_name: &str) -> Result<Vec<String>, IdbError> {
        let tx = self.db.transaction(store_name).build().map_err(failed)?;
        let store = tx.object_store(store_name).map_err(failed)?;
        let values = store
            .get_all::<String>()
            .primitive()
            .map_err(failed)?
            .await
            .map_err(failed)?;
        values.collect::<Result<Vec<String>, _>>().map_err(failed)
    }

    /// Moves what an older version stored one value per record into
    /// buckets ([`migrate`](Self::migrate)), then reads every record, and
    /// names what could not be read.
    ///
    /// The buckets are asked for in [`READ_RANGES`] key ranges at once and
    /// each is decoded as it comes, while IndexedDB reads the next ones.
    /// Timed for the benchmarks: `maltavla:storage-read` until the last
    /// batch is in hand (the earlier ones decoded meanwhile), then
    /// `maltavla:storage-decode` for what is left to decode.
    pub async fn read_records(&self) -> Result<stored::Loaded, IdbError> {
        let span = Span::start("maltavla:storage-read");
        self.migrate(|legacy, existing| {
            let moved = stored::legacy::migrate(legacy, existing);
            (moved.buckets, moved.moved)
        })
        .await?;
        let tx = self
            .db
            .transaction([BUCKETS, LEGACY])
            .build()
            .map_err(failed)?;
        let store = tx.object_store(BUCKETS).map_err(failed)?;
        let bounds = stored::bucket::range_bounds(READ_RANGES);
        let mut batches = Vec::with_capacity(bounds.len() + 1);
        for i in 0..=bounds.len() {
            let lower = i.checked_sub(1).map(|j| bounds[j].as_str());
            let range = match (lower, bounds.get(i).map(String::as_str)) {
                (None, Some(upper)) => KeyRange::UpperBound(upper, true),
                (Some(lower), None) => KeyRange::LowerBound(lower, false),
                (Some(lower), Some(upper)) => KeyRange::Bound(lower, false, upper, true),
                // Not reached (`READ_RANGES` is at least two).
                (None, None) => KeyRange::LowerBound("", false),
            };
            let request = store.get_all::<String>().with_query::<&str, _>(range);
            batches.push(request.primitive().map_err(failed)?);
        }
        let legacy = tx.object_store(LEGACY).map_err(failed)?;
        let legacy = legacy.get_all::<String>().primitive().map_err(failed)?;
        let mut loaded = stored::Loaded::default();
        let mut last = Vec::new();
        for batch in batches {
            loaded.add_buckets(std::mem::take(&mut last));
            let texts = batch.await.map_err(failed)?;
            last = texts.collect::<Result<Vec<String>, _>>().map_err(failed)?;
        }
        let legacy = legacy.await.map_err(failed)?;
        let legacy = legacy.collect::<Result<Vec<String>, _>>().map_err(failed)?;
        span.end();
        let span = Span::start("maltavla:storage-decode");
        loaded.add_buckets(last);
        loaded.add_legacy(legacy);
        span.end();
        Ok(loaded)
    }

    /// Every stored bucket text.
    pub async fn load_all(&self) -> Result<Vec<String>, IdbError> {
        self.texts_of(BUCKETS).await
    }

    /// The values of the layout before buckets that are still stored (after
    /// [`migrate`](Self::migrate): only those it could not move).
    pub async fn load_legacy(&self) -> Result<Vec<String>, IdbError> {
        self.texts_of(LEGACY).await
    }

    /// Moves the values of the layout before buckets, in one transaction:
    /// reads every `(key, text)` of the old store and of the buckets (only
    /// when the old store holds anything), writes the buckets `plan` makes
    /// of them and deletes the old values it names as moved. Returns how
    /// many moved. All or nothing; run by every tab that opens the
    /// database, so a second tab finds nothing left to move.
    pub async fn migrate(
        &self,
        plan: impl FnOnce(
            Vec<(String, String)>,
            Vec<(String, String)>,
        ) -> (Vec<(String, String)>, Vec<String>),
    ) -> Result<usize, IdbError> {
        let tx = self.writable([LEGACY, BUCKETS])?;
        let legacy = tx.object_store(LEGACY).map_err(failed)?;
        let old = entries(&legacy).await?;
        if old.is_empty() {
            return Ok(0);
        }
        let buckets = tx.object_store(BUCKETS).map_err(failed)?;
        let existing = entries(&buckets).await?;
        let (writes, moved) = plan(old, existing);
        for (key, text) in &writes {
            buckets
                .put(text.as_str())
                .with_key(key.as_str())
                .primitive()
                .map_err(failed)?;
        }
        for key in &moved {
            legacy.delete(key.as_str()).primitive().map_err(failed)?;
        }
        tx.commit().await.map_err(failed)?;
        Ok(moved.len())
    }

    /// Every entry of the conflict log.
    pub async fn load_conflicts(&self) -> Result<Vec<String>, IdbError> {
        self.texts_of(CONFLICTS).await
    }

    /// In one transaction: reads the stored texts of `ids` (`None` where
    /// nothing is stored), writes the `(key, text)` values that `merge`
    /// makes of them, adds the `(key, text)` conflict-log entries it
    /// returns with them (what a write replaced is only known once the
    /// stored copies are read) and removes the entries keyed `resolved`.
    /// Returns what was written. All or nothing: when `merge` returns
    /// `None` (it refuses what it read), nothing is written.
    pub async fn update(
        &self,
        ids: &[String],
        merge: impl FnOnce(Vec<Option<String>>) -> Option<Written>,
        resolved: &[String],
    ) -> Result<Vec<(String, String)>, IdbError> {
        let mut merge = Some(merge);
        let work = |stored: Option<Vec<Option<String>>>| {
            Work::Done(merge.take().zip(stored).and_then(|(m, s)| m(s)))
        };
        self.update_in_slices(ids, work, resolved).await
    }

    /// [`RecordDb::update`] with the work in slices: `work` is called
    /// first with the stored texts, then with `None` each time it asked
    /// for [`Work::More`]. Between two calls the page gets its turn (input,
    /// a frame) while a request of this transaction keeps it open, so a
    /// large write is never one long task and is still one transaction.
    pub async fn update_in_slices(
        &self,
        ids: &[String],
        mut work: impl FnMut(Option<Vec<Option<String>>>) -> Work<Written>,
        resolved: &[String],
    ) -> Result<Vec<(String, String)>, IdbError> {
        let tx = self.writable([BUCKETS, CONFLICTS])?;
        let store = tx.object_store(BUCKETS).map_err(failed)?;
        let span = Span::start("maltavla:write-read");
        let stored = read_keys(&store, ids).await?;
        span.end();
        let span = Span::start("maltavla:write-merge");
        let mut step = work(Some(stored));
        let mut sliced = false;
        let merged = loop {
            match step {
                Work::Done(merged) => break merged,
                Work::More => {
                    keep_open(&store).await?;
                    sliced = true;
                    step = work(None);
                }
            }
        };
        span.end();
        let Some((writes, conflicts)) = merged else {
            // Dropped uncommitted, the transaction rolls back.
            return Ok(Vec::new());
        };
        let span = Span::start("maltavla:write-commit");
        // Each put copies its text into the browser: a slice at a time,
        // with the page's turn in between, as for the work (and after it,
        // when the work took slices: its last one may have used its time).
        if sliced {
            keep_open(&store).await?;
        }
        let mut slice = Slice::start();
        for (n, (id, text)) in writes.iter().enumerate() {
            if n > 0 && slice.is_over() {
                keep_open(&store).await?;
                slice = Slice::start();
            }
            store
                .put(text.as_str())
                .with_key(id.as_str())
                .primitive()
                .map_err(failed)?;
        }
        let log = tx.object_store(CONFLICTS).map_err(failed)?;
        for (key, text) in &conflicts {
            log.put(text.as_str())
                .with_key(key.as_str())
                .primitive()
                .map_err(failed)?;
        }
        for key in resolved {
            log.delete(key.as_str()).primitive().map_err(failed)?;
        }
        tx.commit().await.map_err(failed)?;
        span.end();
        Ok(writes)
    }

    /// The stored texts of `ids` (`None` where nothing is stored).
    pub async fn get_many(&self, ids: &[String]) -> Result<Vec<Option<String>>, IdbError> {
        let tx = self.db.transaction(BUCKETS).build().map_err(failed)?;
        let store = tx.object_store(BUCKETS).map_err(failed)?;
        read_keys(&store, ids).await
    }

    /// Removes every record and the conflict log (used by tests and a
    /// future "reset" action).
    pub async fn clear(&self) -> Result<(), IdbError> {
        let stores = [BUCKETS, CONFLICTS, LEGACY];
        let tx = self.writable(stores)?;
        for name in stores {
            tx.object_store(name)
                .map_err(failed)?
                .clear()
                .map_err(failed)?;
        }
        tx.commit().await.map_err(failed)
    }
}
