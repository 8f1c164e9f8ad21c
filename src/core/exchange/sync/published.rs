//! The published snapshot: a file the host puts next to the app (by default
//! `data/snapshot.json`) so the board and partners see the latest official
//! figures just by opening the address.
//!
//! The app asks for it with `If-None-Match` and the ETag it saw last, so an
//! unchanged file costs one small 304 answer; a changed one goes through the
//! same reading and preview as a picked file.
//!
//! The address is public, so the file must be the part made for publishing
//! (`snapshot::Part::Public`): [`check_public`] refuses any other file, and
//! any file holding participations or arrivals whatever its header says,
//! before anything is merged.

use super::SyncFailure;
use crate::core::exchange::snapshot::{Incoming, Item, PUBLIC_PART};
use crate::core::model::Record;

/// Where the app looks when the user has not said otherwise.
pub const DEFAULT_LOCATION: &str = "data/snapshot.json";

/// Why a location was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocationError {
    /// Spaces or control characters.
    Spaces,
    /// Neither a path inside the app's folder nor an http(s) address.
    NotHttp,
    /// A path that climbs out of the app's folder (`..`).
    ClimbsOut,
    /// Longer than any sensible address.
    TooLong,
}

/// Checks a location the user typed: a relative path inside the app's
/// folder (`data/snapshot.json`) or an `https://` (or `http://`) address.
/// An empty text means the default.
pub fn check_location(text: &str) -> Result<String, LocationError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(DEFAULT_LOCATION.into());
    }
    if t.len() > 2000 {
        return Err(LocationError::TooLong);
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LocationError::Spaces);
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Ok(t.into());
    }
    if t.contains(':') || t.starts_with("//") {
        return Err(LocationError::NotHttp);
    }
    if t.split('/').any(|s| s == "..") {
        return Err(LocationError::ClimbsOut);
    }
    Ok(t.trim_start_matches("./").into())
}

/// The headers of the check: ask only for a file newer than the one seen.
pub fn check_headers(seen_etag: Option<&str>) -> Vec<(&'static str, String)> {
    seen_etag
        .map(|e| vec![("If-None-Match", e.to_owned())])
        .unwrap_or_default()
}

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// The same file as last time (304, or the same ETag): nothing to offer.
    Unchanged,
    /// Nothing is published there (404): the normal case for a host that
    /// does not publish; never an error to show at start.
    NotPublished,
    /// A file this device has not looked at: its text and ETag.
    Fresh {
        /// The snapshot's text, to read as a picked file is.
        text: String,
        /// Its ETag, to remember once the user has seen it.
        etag: Option<String>,
    },
}

/// Reads the answer to the check.
pub fn answer(
    status: u16,
    etag: Option<String>,
    body: String,
    seen_etag: Option<&str>,
) -> Result<Published, SyncFailure> {
    match SyncFailure::of_status(status) {
        Some(SyncFailure::NotFound) => return Ok(Published::NotPublished),
        Some(other) => return Err(other),
        None => {}
    }
    if status == 304 || (etag.is_some() && etag.as_deref() == seen_etag) {
        return Ok(Published::Unchanged);
    }
    Ok(Published::Fresh { text: body, etag })
}

/// Why a file is not taken as a published snapshot. A published snapshot
/// sits at a public address, so it must be the part made for publishing
/// (`snapshot::Part::Public`), which holds no personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPublic {
    /// The file holds personal data and must not be published at all:
    /// participations and arrivals (deleted ones included: a tombstone
    /// keeps its fields), and records of types this version does not know
    /// that are named like them or carry a field only they have.
    PersonalData {
        /// Participation records.
        participations: usize,
        /// Arrival records (guests checked in).
        arrivals: usize,
        /// Records of unknown types that look like either.
        lookalikes: usize,
    },
    /// Nothing personal in it, but the file was not saved for publishing:
    /// its header names another part (`all`, `project:<id>`) or none.
    NotSavedForPublishing {
        /// The part its header names.
        part: Option<String>,
    },
}

/// The record types that hold personal data.
const PERSONAL_KINDS: [&str; 2] = ["participation", "arrival"];

/// Whether a record of a type this version does not know looks like a
/// participation or an arrival: named like one, or carrying a field that
/// only they have among the known types (`code`, `gender`, `age_band`,
/// `referrer`, `end_status`, `org`).
fn looks_personal(view: &crate::core::exchange::merge::FieldView) -> bool {
    use crate::core::exchange::merge::{known_fields, KNOWN_KINDS};
    let named = ["particip", "arrival"]
        .iter()
        .any(|n| view.kind.to_ascii_lowercase().contains(n));
    let theirs_only = |field: &str| {
        PERSONAL_KINDS
            .iter()
            .any(|k| known_fields(k).is_some_and(|f| f.contains(&field)))
            && !KNOWN_KINDS
                .iter()
                .filter(|k| !PERSONAL_KINDS.contains(k))
                .any(|k| known_fields(k).is_some_and(|f| f.contains(&field)))
    };
    named || view.body.keys().any(|f| theirs_only(f))
}

/// Whether a read file may be taken as a published snapshot: the part made
/// for publishing, with no personal data in it whatever its header says.
/// A refused file changes nothing; the caller shows why.
pub fn check_public(incoming: &Incoming) -> Result<(), NotPublic> {
    let (mut participations, mut arrivals, mut lookalikes) = (0, 0, 0);
    for item in &incoming.items {
        match item {
            Item::Known(Record::Participation(_)) => participations += 1,
            Item::Known(Record::Arrival(_)) => arrivals += 1,
            Item::Other(view) if looks_personal(view) => lookalikes += 1,
            _ => {}
        }
    }
    if participations + arrivals + lookalikes > 0 {
        return Err(NotPublic::PersonalData {
            participations,
            arrivals,
            lookalikes,
        });
    }
    if incoming.info.part.as_deref() != Some(PUBLIC_PART) {
        return Err(NotPublic::NotSavedForPublishing {
            part: incoming.info.part.clone(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_paths_in_the_app_or_web_addresses() {
        assert_eq!(check_location("").unwrap(), DEFAULT_LOCATION);
        assert_eq!(check_location(" ./data/x.json ").unwrap(), "data/x.json");
        assert_eq!(
            check_location("https://example.se/maltavla.json").unwrap(),
            "https://example.se/maltavla.json"
        );
        assert_eq!(
            check_location("javascript:alert(1)"),
            Err(LocationError::NotHttp)
        );
        assert_eq!(
            check_location("file:///etc/passwd"),
            Err(LocationError::NotHttp)
        );
        assert_eq!(
            check_location("//evil.example/x"),
            Err(LocationError::NotHttp)
        );
        assert_eq!(
            check_location("../secret.json"),
            Err(LocationError::ClimbsOut)
        );
        assert_eq!(
            check_location("data/my file.json"),
            Err(LocationError::Spaces)
        );
        assert_eq!(
            check_location(&"a".repeat(3000)),
            Err(LocationError::TooLong)
        );
    }

    #[test]
    fn the_fields_only_a_participation_or_an_arrival_has_mark_an_unknown_type_as_personal() {
        use crate::core::exchange::merge::FieldView;
        let view = |kind: &str, field: &str| {
            let text = format!(
                r#"{{"{kind}":{{"meta":{{"id":"x","stamp":{{"hlc":[1,0],"device":"d"}}}},"{field}":"v"}}}}"#
            );
            FieldView::from_json(serde_json::from_str(&text).unwrap()).unwrap()
        };
        for field in [
            "code",
            "gender",
            "age_band",
            "referrer",
            "end_status",
            "org",
        ] {
            assert!(looks_personal(&view("survey", field)), "{field}");
        }
        // Fields other record types have too say nothing.
        for field in [
            "insats",
            "municipality",
            "start",
            "end",
            "meeting",
            "count",
            "name",
        ] {
            assert!(!looks_personal(&view("survey", field)), "{field}");
        }
        assert!(looks_personal(&view("participation_v2", "name")));
        assert!(looks_personal(&view("ArrivalLog", "name")));
    }

    #[test]
    fn an_unchanged_or_missing_file_offers_nothing() {
        assert_eq!(check_headers(None), vec![]);
        assert_eq!(
            check_headers(Some("\"v1\"")),
            vec![("If-None-Match", "\"v1\"".to_owned())]
        );
        let seen = Some("\"v1\"");
        assert_eq!(
            answer(304, None, String::new(), seen),
            Ok(Published::Unchanged)
        );
        assert_eq!(
            answer(200, Some("\"v1\"".into()), "{}".into(), seen),
            Ok(Published::Unchanged)
        );
        assert_eq!(
            answer(404, None, "nope".into(), seen),
            Ok(Published::NotPublished)
        );
        assert_eq!(
            answer(200, Some("\"v2\"".into()), "{}".into(), seen),
            Ok(Published::Fresh {
                text: "{}".into(),
                etag: Some("\"v2\"".into())
            })
        );
        // A server without ETags: every answer is looked at (the merge
        // preview then says there is nothing new).
        assert!(matches!(
            answer(200, None, "{}".into(), None),
            Ok(Published::Fresh { .. })
        ));
        assert_eq!(
            answer(500, None, String::new(), seen),
            Err(SyncFailure::Status(500))
        );
    }
}
