//! The published snapshot: a file the host puts next to the app (by default
//! `data/snapshot.json`) so the board and partners see the latest official
//! figures just by opening the address.
//!
//! The app asks for it with `If-None-Match` and the ETag it saw last, so an
//! unchanged file costs one small 304 answer; a changed one goes through the
//! same reading and preview as a picked file.

use super::SyncFailure;

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
