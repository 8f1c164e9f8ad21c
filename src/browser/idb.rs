//! The record store in IndexedDB: one object store of encoded records keyed
//! by record id.
//!
//! Guarantees: a batch of writes is one transaction, committed all or
//! nothing; errors come back as [`IdbError`] with a kind the UI can explain
//! (quota full, storage blocked, anything else).

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use std::fmt;

/// The database name used by the app.
pub const DB_NAME: &str = "maltavla";
const DB_VERSION: u32 = 1;
const RECORDS: &str = "records";

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

/// An open record database.
#[derive(Debug)]
pub struct RecordDb {
    db: Database,
}

impl RecordDb {
    /// Opens (and on first use creates) the app's database.
    pub async fn open() -> Result<RecordDb, IdbError> {
        RecordDb::open_named(DB_NAME).await
    }

    /// Opens a database by name (tests use their own).
    pub async fn open_named(name: &str) -> Result<RecordDb, IdbError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|_event, db| {
                if !db.object_store_names().any(|n| n == RECORDS) {
                    db.create_object_store(RECORDS).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| IdbError::Unavailable(e.to_string()))?;
        Ok(RecordDb { db })
    }

    /// A read-write transaction on the record store; it rolls back unless
    /// committed, so an early return by `?` never half-applies a batch.
    fn writable(&self) -> Result<Transaction<'_>, IdbError> {
        self.db
            .transaction(RECORDS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failed)
    }

    /// Every stored record text.
    pub async fn load_all(&self) -> Result<Vec<String>, IdbError> {
        let tx = self.db.transaction(RECORDS).build().map_err(failed)?;
        let store = tx.object_store(RECORDS).map_err(failed)?;
        let values = store
            .get_all::<String>()
            .primitive()
            .map_err(failed)?
            .await
            .map_err(failed)?;
        values.collect::<Result<Vec<String>, _>>().map_err(failed)
    }

    /// Stores `(id, text)` pairs in one transaction: all of them or none.
    pub async fn put_all(&self, items: &[(String, String)]) -> Result<(), IdbError> {
        let tx = self.writable()?;
        let store = tx.object_store(RECORDS).map_err(failed)?;
        for (id, text) in items {
            store
                .put(text.as_str())
                .with_key(id.as_str())
                .primitive()
                .map_err(failed)?;
        }
        tx.commit().await.map_err(failed)
    }

    /// Removes every record (used by tests and a future "reset" action).
    pub async fn clear(&self) -> Result<(), IdbError> {
        let tx = self.writable()?;
        let store = tx.object_store(RECORDS).map_err(failed)?;
        store.clear().map_err(failed)?;
        tx.commit().await.map_err(failed)
    }
}
