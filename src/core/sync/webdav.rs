//! A WebDAV folder (Nextcloud, or any WebDAV server) as a meeting place for
//! staff laptops: each device writes only its own file
//! (`maltavla-<device>.json`), so the server never holds two writers of one
//! file, and reads everyone else's.
//!
//! One sync is: list the folder (PROPFIND), read the files whose ETag
//! changed since this device last saw them, merge each through the normal
//! import, then write this device's snapshot with `If-Match` (or
//! `If-None-Match: *` the first time), so a file someone changed meanwhile
//! is never overwritten blindly.

use super::SyncFailure;
use crate::core::ids::DeviceId;
use base64::Engine;
use quick_xml::events::Event;
use quick_xml::Reader;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The folder and credentials, kept only on this device (localStorage):
/// they are never part of a snapshot, an export or the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DavSettings {
    /// The folder's address, ending in `/`.
    pub url: String,
    /// The user name (may be empty for an open folder).
    pub user: String,
    /// The password or app password.
    pub password: String,
}

/// Why the folder settings were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DavSettingsError {
    /// No address.
    MissingUrl,
    /// Not an http(s) address, or with spaces.
    NotHttp,
    /// A user name but no password, or the other way round.
    HalfCredentials,
}

impl DavSettings {
    /// Checks what the user typed; the folder address gets its final `/`.
    pub fn check(url: &str, user: &str, password: &str) -> Result<DavSettings, DavSettingsError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(DavSettingsError::MissingUrl);
        }
        let lower = url.to_ascii_lowercase();
        let scheme = ["https://", "http://"]
            .iter()
            .find(|s| lower.starts_with(**s))
            .ok_or(DavSettingsError::NotHttp)?;
        if url.len() == scheme.len() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(DavSettingsError::NotHttp);
        }
        let user = user.trim();
        if user.is_empty() != password.is_empty() {
            return Err(DavSettingsError::HalfCredentials);
        }
        let mut url = url.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(DavSettings {
            url,
            user: user.into(),
            password: password.into(),
        })
    }

    /// The request headers that carry the credentials (none for an open
    /// folder). Basic over UTF-8, as Nextcloud and RFC 7617 expect.
    pub fn auth_headers(&self) -> Vec<(&'static str, String)> {
        if self.user.is_empty() {
            return Vec::new();
        }
        let pair = format!("{}:{}", self.user, self.password);
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair.as_bytes());
        vec![("Authorization", format!("Basic {encoded}"))]
    }

    /// The address of a file in the folder.
    pub fn file_url(&self, name: &str) -> String {
        format!("{}{}", self.url, percent_encode(name))
    }
}

/// This device's file in the folder.
pub fn own_file(device: &DeviceId) -> String {
    format!("maltavla-{}.json", device.as_str())
}

/// Whether a file in the folder is one of Måltavla's device files (other
/// files in a shared folder are left alone).
fn is_device_file(name: &str) -> bool {
    name.starts_with("maltavla-") && name.ends_with(".json") && name.len() > 14
}

/// The body of the folder listing request: just the ETags.
pub const LISTING_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>"#;

/// The headers of the folder listing request.
pub const LISTING_HEADERS: [(&str, &str); 2] = [
    ("Depth", "1"),
    ("Content-Type", "application/xml; charset=utf-8"),
];

/// One file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the folder (the last part of its address, decoded).
    pub name: String,
    /// Its ETag, if the server gave one.
    pub etag: Option<String>,
}

/// Reads a PROPFIND answer (207 Multi-Status): the device files in it, with
/// their ETags. Namespace prefixes vary between servers (`d:`, `D:`, none),
/// so elements are matched by local name; folders are skipped.
pub fn parse_listing(xml: &str) -> Result<Vec<Entry>, SyncFailure> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut out = Vec::new();
    let mut path: Vec<Vec<u8>> = Vec::new();
    let (mut href, mut etag, mut folder) = (String::new(), String::new(), false);
    loop {
        let event = reader.read_event().map_err(|_| SyncFailure::BadListing)?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                if name == b"response" {
                    (href, etag, folder) = (String::new(), String::new(), false);
                }
                if name == b"collection" {
                    folder = true;
                }
                path.push(name);
            }
            Event::Empty(e) if e.local_name().as_ref() == b"collection" => folder = true,
            Event::Text(t) => {
                let text = t.decode().map_err(|_| SyncFailure::BadListing)?;
                push_text(&path, &mut href, &mut etag, &text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().map_err(|_| SyncFailure::BadListing)? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|_| SyncFailure::BadListing)?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or(SyncFailure::BadListing)?
                            .to_owned()
                    }
                };
                push_text(&path, &mut href, &mut etag, &text);
            }
            Event::End(_) => {
                let closed = path.pop();
                if closed.as_deref() == Some(b"response".as_slice()) && !folder {
                    let name = last_segment(&href);
                    if is_device_file(&name) {
                        let etag = (!etag.trim().is_empty()).then(|| normal_etag(&etag));
                        out.push(Entry { name, etag });
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err(SyncFailure::BadListing);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|a, b| a.name == b.name);
    Ok(out)
}

/// An ETag in its header form. Some servers (wsgidav) list `getetag`
/// without the quotes their `ETag` header has; `If-Match` needs the quoted
/// form, and comparing the two forms must not see a change.
pub fn normal_etag(etag: &str) -> String {
    let e = etag.trim();
    if e.starts_with('"') || e.starts_with("W/\"") {
        e.to_owned()
    } else {
        format!("\"{e}\"")
    }
}

fn push_text(path: &[Vec<u8>], href: &mut String, etag: &mut String, text: &str) {
    match path.last().map(Vec::as_slice) {
        Some(b"href") => href.push_str(text),
        Some(b"getetag") => etag.push_str(text),
        _ => {}
    }
}

/// The decoded last part of an address (`/dav/maltavla-a%20b.json` →
/// `maltavla-a b.json`).
fn last_segment(href: &str) -> String {
    let path = href.trim().trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or(path);
    percent_decode(last)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Whether this device's own file in the folder changed since this device
/// last wrote it (`seen` holds the ETag its last write got): only another
/// machine writing under the same device id (a copied browser profile) can
/// have changed it. Unknown when this device never saw its file's ETag.
pub fn own_file_changed(listing: &[Entry], own: &str, seen: &BTreeMap<String, String>) -> bool {
    let listed = listing
        .iter()
        .find(|e| e.name == own)
        .and_then(|e| e.etag.as_deref());
    match (listed, seen.get(own)) {
        (Some(now), Some(then)) => normal_etag(now) != normal_etag(then),
        _ => false,
    }
}

/// What one sync will do, decided from the listing before anything is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncPlan {
    /// Files to read and merge: every device file whose ETag differs from
    /// the one this device last merged (this device's own file too, in case
    /// a copied browser profile wrote it).
    pub read: Vec<Entry>,
    /// The ETag of this device's file as listed, for `If-Match`; `None`
    /// when it is not there yet (then `If-None-Match: *`).
    pub own_etag: Option<String>,
}

/// Plans a sync from the folder listing and what this device saw last time
/// (file name → ETag).
pub fn plan(listing: &[Entry], own: &str, seen: &BTreeMap<String, String>) -> SyncPlan {
    let read = listing
        .iter()
        .filter(|e| match (&e.etag, seen.get(&e.name)) {
            (Some(now), Some(then)) => normal_etag(now) != normal_etag(then),
            _ => true,
        })
        .cloned()
        .collect();
    SyncPlan {
        read,
        own_etag: listing
            .iter()
            .find(|e| e.name == own)
            .and_then(|e| e.etag.clone()),
    }
}

/// The conditional header for writing this device's file.
pub fn write_condition(own_etag: Option<&str>) -> (&'static str, String) {
    match own_etag {
        Some(etag) => ("If-Match", etag.to_owned()),
        None => ("If-None-Match", "*".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEXTCLOUD: &str = r#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/kansli/M%c3%a5ltavla/</d:href>
  <d:propstat><d:prop><d:getetag>&quot;6565&quot;</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/kansli/M%c3%a5ltavla/maltavla-dev-a.json</d:href>
  <d:propstat><d:prop><d:getetag>&quot;a1&quot;</d:getetag><d:resourcetype/></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/kansli/M%c3%a5ltavla/maltavla-dev-b.json</d:href>
  <d:propstat><d:prop><d:getetag>"b7"</d:getetag><d:resourcetype/></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/kansli/M%c3%a5ltavla/protokoll.docx</d:href>
  <d:propstat><d:prop><d:getetag>"x"</d:getetag><d:resourcetype/></d:prop>
  <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>"#;

    /// As wsgidav and Apache mod_dav answer: upper-case prefix, full URLs.
    const APACHE: &str = r#"<?xml version="1.0" encoding="utf-8" ?>
<D:multistatus xmlns:D="DAV:"><D:response><D:href>http://127.0.0.1:8181/dav/maltavla-dev-c.json</D:href>
<D:propstat><D:prop><D:getetag>W/"c-1"</D:getetag><D:resourcetype></D:resourcetype></D:prop></D:propstat></D:response></D:multistatus>"#;

    fn entry(name: &str, etag: &str) -> Entry {
        Entry {
            name: name.into(),
            etag: Some(etag.into()),
        }
    }

    #[test]
    fn listings_give_the_device_files_and_their_etags() {
        assert_eq!(
            parse_listing(NEXTCLOUD).unwrap(),
            vec![
                entry("maltavla-dev-a.json", "\"a1\""),
                entry("maltavla-dev-b.json", "\"b7\"")
            ]
        );
        assert_eq!(
            parse_listing(APACHE).unwrap(),
            vec![entry("maltavla-dev-c.json", "W/\"c-1\"")]
        );
    }

    #[test]
    fn a_broken_listing_is_an_error_not_an_empty_folder() {
        assert_eq!(
            parse_listing("<d:multistatus xmlns:d=\"DAV:\"><d:response>"),
            Err(SyncFailure::BadListing)
        );
        assert_eq!(parse_listing("<a></b>"), Err(SyncFailure::BadListing));
        assert_eq!(
            parse_listing("<html>&nbsp;</html>"),
            Err(SyncFailure::BadListing)
        );
        assert_eq!(
            parse_listing("<d:multistatus xmlns:d=\"DAV:\"/>"),
            Ok(vec![])
        );
    }

    #[test]
    fn only_files_changed_since_last_time_are_read() {
        let listing = parse_listing(NEXTCLOUD).unwrap();
        let mut seen = BTreeMap::new();
        let first = plan(&listing, "maltavla-dev-a.json", &seen);
        assert_eq!(first.read.len(), 2);
        assert_eq!(first.own_etag.as_deref(), Some("\"a1\""));
        seen.insert("maltavla-dev-a.json".into(), "\"a1\"".into());
        seen.insert("maltavla-dev-b.json".into(), "\"b6\"".into());
        let second = plan(&listing, "maltavla-dev-a.json", &seen);
        assert_eq!(second.read, vec![entry("maltavla-dev-b.json", "\"b7\"")]);
        let new_device = plan(&listing, "maltavla-dev-z.json", &seen);
        assert_eq!(new_device.own_etag, None);
        assert_eq!(write_condition(None), ("If-None-Match", "*".into()));
        // wsgidav lists its ETags bare and sends them quoted.
        let bare = parse_listing(
            r#"<a:multistatus xmlns:a="DAV:"><a:response><a:href>/dav/maltavla-q.json</a:href><a:propstat><a:prop><a:getetag>1-2-3</a:getetag></a:prop></a:propstat></a:response></a:multistatus>"#,
        )
        .unwrap();
        assert_eq!(bare[0].etag.as_deref(), Some("\"1-2-3\""));
        let seen_quoted = BTreeMap::from([("maltavla-q.json".to_owned(), "\"1-2-3\"".to_owned())]);
        assert!(plan(&bare, "maltavla-z.json", &seen_quoted).read.is_empty());
        assert_eq!(
            write_condition(Some("\"a1\"")),
            ("If-Match", "\"a1\"".into())
        );
    }

    #[test]
    fn settings_are_checked_and_credentials_encoded_as_utf8() {
        let s = DavSettings::check(
            " https://moln.example.se/dav/Måltavla ",
            "kansli",
            "hemlig-å",
        )
        .unwrap();
        assert_eq!(s.url, "https://moln.example.se/dav/Måltavla/");
        assert_eq!(
            s.auth_headers(),
            vec![("Authorization", "Basic a2Fuc2xpOmhlbWxpZy3DpQ==".to_owned())]
        );
        assert_eq!(
            s.file_url("maltavla-dev a.json"),
            "https://moln.example.se/dav/Måltavla/maltavla-dev%20a.json"
        );
        assert_eq!(
            DavSettings::check("", "", ""),
            Err(DavSettingsError::MissingUrl)
        );
        assert_eq!(
            DavSettings::check("ftp://x/", "", ""),
            Err(DavSettingsError::NotHttp)
        );
        assert_eq!(
            DavSettings::check("https://", "", ""),
            Err(DavSettingsError::NotHttp)
        );
        assert_eq!(
            DavSettings::check("https://x/", "u", ""),
            Err(DavSettingsError::HalfCredentials)
        );
        assert!(DavSettings::check("http://127.0.0.1:8181/dav/", "", "")
            .unwrap()
            .auth_headers()
            .is_empty());
    }

    #[test]
    fn an_own_file_changed_by_another_machine_is_noticed() {
        let listing = parse_listing(NEXTCLOUD).unwrap();
        let own = "maltavla-dev-a.json";
        let mut seen = BTreeMap::new();
        assert!(
            !own_file_changed(&listing, own, &seen),
            "never written: unknown"
        );
        seen.insert(own.to_owned(), "\"a1\"".to_owned());
        assert!(!own_file_changed(&listing, own, &seen));
        seen.insert(own.to_owned(), "\"a0\"".to_owned());
        assert!(own_file_changed(&listing, own, &seen));
    }

    #[test]
    fn own_file_is_named_by_the_device() {
        let d = DeviceId::parse("dev-abc").unwrap();
        assert_eq!(own_file(&d), "maltavla-dev-abc.json");
        assert!(is_device_file(&own_file(&d)));
        assert!(!is_device_file("maltavla-.json"));
        assert_eq!(percent_decode("a%C3%A5b%2"), "aåb%2");
    }
}
