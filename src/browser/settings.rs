//! Small settings in localStorage: the device id, the language, the
//! board's last period and focus, and the clock shared by this profile's
//! tabs. Data never goes here; it lives in IndexedDB.
//!
//! Guarantees: reading never fails (a missing or blocked localStorage reads
//! as "not set"); writing reports failure instead of panicking. A setting
//! kept as JSON is read and written typed ([`get_json`], [`set_json`]), as
//! the text `serde_json` makes of it, and never stored as an empty text.
//!
//! Why not `gloo-storage` (0.3): its `LocalStorage` throws when
//! localStorage is blocked (`raw()` is `expect_throw`, and `get` has one
//! more for `getItem`), and its typed `set` writes every value as JSON, so
//! a plain setting (`sv`) would be stored as `"sv"`: the language, device
//! id, clock and data-format mark stored today, and read by older tabs,
//! would no longer read. Used only for the JSON settings, behind the same
//! "is localStorage there" guard, it replaced the two lines of
//! `get_json`/`set_json` and added 1.0 KB gzipped to the wasm (811.4 →
//! 812.4 KB, `scripts/size`, 2026-12-05): a dependency that does not
//! earn its place.

use super::clock::random_bytes;
use crate::core::ids::DeviceId;

const PREFIX: &str = "maltavla.";

/// Settings keys, so no caller can mistype one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This browser profile's device id.
    Device,
    /// "sv" or "en".
    Language,
    /// The board's period, in the core's text form.
    BoardPeriod,
    /// The board's focus: "all", "project:ID" or "insats:ID".
    BoardFocus,
    /// The newest clock reading any tab of this profile handed out.
    Clock,
    /// The CSV column mapping the user chose last (JSON: header → field).
    CsvMapping,
    /// The outcomes CSV column mapping the user chose last.
    OutcomeCsvMapping,
    /// The budget CSV column mapping the user chose last.
    BudgetCsvMapping,
    /// Where the host publishes its snapshot (relative to the app or a URL).
    PublishedLocation,
    /// The ETag of the published snapshot last looked at.
    PublishedEtag,
    /// The WebDAV folder settings (JSON: url, user, password). Only ever on
    /// this device: never in a snapshot or an export.
    WebDav,
    /// What this device last saw of the WebDAV folder (JSON: file → ETag).
    WebDavSeen,
    /// The newest data format any tab of this profile runs
    /// (`core::stored::format_mark`).
    DataFormat,
}

impl Key {
    fn name(self) -> String {
        let k = match self {
            Key::Device => "device",
            Key::Language => "language",
            Key::BoardPeriod => "board.period",
            Key::BoardFocus => "board.focus",
            Key::Clock => "clock",
            Key::CsvMapping => "csv.mapping",
            Key::OutcomeCsvMapping => "csv.outcome-mapping",
            Key::BudgetCsvMapping => "csv.budget-mapping",
            Key::PublishedLocation => "published.location",
            Key::PublishedEtag => "published.etag",
            Key::WebDav => "webdav",
            Key::WebDavSeen => "webdav.seen",
            Key::DataFormat => "data-format",
        };
        format!("{PREFIX}{k}")
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// A setting's value, if set and readable.
pub fn get(key: Key) -> Option<String> {
    storage().and_then(|s| s.get_item(&key.name()).ok().flatten())
}

/// Stores a setting; `false` when localStorage is unavailable or full.
pub fn set(key: Key, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&key.name(), value).is_ok())
}

/// Why a setting was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SettingsError {
    /// The value could not be written as JSON (serde's message).
    Encode(String),
    /// localStorage is unavailable, blocked or full.
    Refused,
}

/// A setting kept as JSON, if set and readable as a `T`.
pub fn get_json<T: serde::de::DeserializeOwned>(key: Key) -> Option<T> {
    get(key).and_then(|text| serde_json::from_str(&text).ok())
}

/// Stores a setting as JSON.
pub fn set_json<T: serde::Serialize>(key: Key, value: &T) -> Result<(), SettingsError> {
    let text = serde_json::to_string(value).map_err(|e| SettingsError::Encode(e.to_string()))?;
    if set(key, &text) {
        Ok(())
    } else {
        Err(SettingsError::Refused)
    }
}

/// Removes a setting; `false` when localStorage is unavailable.
pub fn remove(key: Key) -> bool {
    storage().is_some_and(|s| s.remove_item(&key.name()).is_ok())
}

/// This device's id: read from settings, or created and saved on first use.
pub fn device_id() -> DeviceId {
    if let Some(id) = get(Key::Device).and_then(|s| DeviceId::parse(&s).ok()) {
        return id;
    }
    let id = DeviceId::from_random(random_bytes());
    set(Key::Device, id.as_str());
    id
}
