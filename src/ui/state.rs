//! The app's state: the workspace in a signal, and the one path by which
//! changes reach storage.
//!
//! Guarantees: [`AppState::commit`] stamps every record with this device's
//! clock, writes the batch to IndexedDB in one transaction, and only then
//! shows it; if the write fails nothing changes on screen and the caller
//! keeps the user's input. Pages read the workspace through narrow closures
//! and never write to it directly.

use super::i18n::{Lang, Texts};
use crate::browser::clock::{new_record_id, Clock};
use crate::browser::idb::{IdbError, RecordDb};
use crate::browser::settings::{self, Key};
use crate::core::ids::Stamp;
use crate::core::model::{Meta, Record};
use crate::core::stored;
use crate::core::workspace::Workspace;
use leptos::prelude::*;
use std::rc::Rc;

/// Handles to everything a page needs; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The data, as last stored.
    pub ws: RwSignal<Workspace>,
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// A storage problem to show in the banner, if any.
    pub storage_error: RwSignal<Option<IdbError>>,
    /// How many stored records could not be read at start.
    pub skipped_records: RwSignal<usize>,
    /// A short message after an action ("Exempeldata inlästa").
    pub notice: RwSignal<Option<String>>,
    db: StoredValue<Option<Rc<RecordDb>>, LocalStorage>,
    clock: StoredValue<Rc<Clock>, LocalStorage>,
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
    ) -> AppState {
        let lang = settings::get(Key::Language)
            .map(|c| Lang::from_code(&c))
            .unwrap_or_default();
        let (db, problem) = match db {
            Ok(db) => (Some(db), None),
            Err(e) => (None, Some(e)),
        };
        AppState {
            ws: RwSignal::new(ws),
            lang: RwSignal::new(lang),
            storage_error: RwSignal::new(problem),
            skipped_records: RwSignal::new(skipped),
            notice: RwSignal::new(None),
            db: StoredValue::new_local(db.map(Rc::new)),
            clock: StoredValue::new_local(Rc::new(clock)),
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

    /// Switches language and remembers the choice.
    pub fn set_lang(&self, lang: Lang) {
        settings::set(Key::Language, lang.code());
        self.lang.set(lang);
    }

    /// This device's clock.
    pub fn clock(&self) -> Rc<Clock> {
        self.clock.get_value()
    }

    /// Stamps, stores and then shows a batch of records: all or nothing.
    pub async fn commit(self, mut records: Vec<Record>) -> Result<(), IdbError> {
        let clock = self.clock();
        for r in &mut records {
            r.meta_mut().stamp = Stamp {
                hlc: clock.tick(),
                device: clock.device().clone(),
            };
        }
        if let Some(db) = self.db.get_value() {
            let items: Vec<(String, String)> = records
                .iter()
                .map(|r| (r.meta().id.to_string(), stored::encode(r)))
                .collect();
            if let Err(e) = db.put_all(&items).await {
                self.storage_error.set(Some(e.clone()));
                return Err(e);
            }
            if matches!(
                self.storage_error.get_untracked(),
                Some(IdbError::QuotaExceeded | IdbError::Failed(_))
            ) {
                self.storage_error.set(None);
            }
        }
        self.ws.update(|w| {
            for r in records {
                w.put(r);
            }
        });
        Ok(())
    }
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

    /// Commits records from a form: marks the form busy, and on success runs
    /// `then`; on failure leaves the form as typed with a message.
    pub fn save(
        self,
        records: Vec<Record>,
        busy: RwSignal<bool>,
        failure: RwSignal<Option<String>>,
        then: impl FnOnce() + 'static,
    ) {
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match self.commit(records).await {
                Ok(()) => then(),
                Err(e) => failure.set(Some(self.storage_message(&e))),
            }
            busy.set(false);
        });
    }

    /// Metadata for a record about to be created (the stamp is replaced when
    /// it is committed).
    pub fn new_meta(&self) -> Meta {
        let clock = self.clock();
        Meta::new(new_record_id(), clock.last(), clock.device().clone())
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
