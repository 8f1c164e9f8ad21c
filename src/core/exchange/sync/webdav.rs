//! A WebDAV folder (Nextcloud, or any WebDAV server) as a meeting place for
//! staff laptops: each device writes only its own file
//! (`maltavla-<device>.json`), so the server never holds two writers of one
//! file, and reads everyone else's.
//!
//! One sync is: list the folder (PROPFIND), read the files whose ETag
//! changed since this device last saw them, merge each through the normal
//! import, then write this device's snapshot under a condition
//! ([`write_condition`]), so a file someone changed meanwhile is never
//! overwritten blindly.

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

/// The body of the folder listing request: the ETags, and the modification
/// dates for a file whose ETag is weak (see [`write_condition`]).
pub const LISTING_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getlastmodified/><d:resourcetype/></d:prop></d:propfind>"#;

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
    /// Its modification date (`getlastmodified`) as an IMF-fixdate, if the
    /// server gave a valid one.
    pub modified: Option<String>,
}

/// Reads a PROPFIND answer (207 Multi-Status): the device files in it, with
/// their ETags. Namespace prefixes vary between servers (`d:`, `D:`, none),
/// so elements are matched by local name; folders are skipped.
pub fn parse_listing(xml: &str) -> Result<Vec<Entry>, SyncFailure> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut out = Vec::new();
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut props = Props::default();
    let mut folder = false;
    loop {
        let event = reader.read_event().map_err(|_| SyncFailure::BadListing)?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                if name == b"response" {
                    (props, folder) = (Props::default(), false);
                }
                if name == b"collection" {
                    folder = true;
                }
                path.push(name);
            }
            Event::Empty(e) if e.local_name().as_ref() == b"collection" => folder = true,
            Event::Text(t) => {
                let text = t.decode().map_err(|_| SyncFailure::BadListing)?;
                props.push(&path, &text);
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
                props.push(&path, &text);
            }
            Event::End(_) => {
                let closed = path.pop();
                if closed.as_deref() == Some(b"response".as_slice()) && !folder {
                    let name = last_segment(&props.href);
                    if is_device_file(&name) {
                        out.push(Entry {
                            name,
                            etag: entity_tag(&props.etag),
                            modified: http_date(&props.modified),
                        });
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

/// A listed ETag in its header form, if it is a valid entity tag (RFC 9110
/// §8.8.3: `"…"` or `W/"…"` of visible ASCII without `"`; bare, as wsgidav
/// lists them, it gets its quotes). Anything else (a line break, two tags
/// run together, spaces) would be refused as a header value, or mean
/// nothing to the server: it counts as no ETag, so the file is read again
/// and written under its date (see [`write_condition`]).
pub fn entity_tag(listed: &str) -> Option<String> {
    let listed = listed.trim();
    if listed.is_empty() || (listed.starts_with("W/") && !listed.starts_with("W/\"")) {
        return None;
    }
    let tag = normal_etag(listed);
    let opaque = tag.strip_prefix("W/").unwrap_or(&tag);
    let inner = opaque.strip_prefix('"')?.strip_suffix('"')?;
    inner
        .bytes()
        .all(|b| b == 0x21 || (0x23..=0x7e).contains(&b))
        .then_some(tag)
}

/// Whether an ETag is weak (`W/"…"`): equal for equivalent content, not
/// for identical bytes, so never a match for `If-Match`.
pub fn is_weak(etag: &str) -> bool {
    etag.trim_start().starts_with("W/")
}

/// Whether two ETags name the same version of a file, by RFC 9110's weak
/// comparison (§8.8.3.2: the opaque tags are equal, `W/` or not), which
/// is what "has it changed since I read it" needs: Apache lists a file
/// modified within the last second as `W/"x"` and as `"x"` a second later.
pub fn same_version(a: &str, b: &str) -> bool {
    fn opaque(e: &str) -> String {
        let n = normal_etag(e);
        n.strip_prefix("W/").map(str::to_owned).unwrap_or(n)
    }
    opaque(a) == opaque(b)
}

/// The properties of one `response` of a listing, as they arrive.
#[derive(Default)]
struct Props {
    href: String,
    etag: String,
    modified: String,
}

impl Props {
    fn push(&mut self, path: &[Vec<u8>], text: &str) {
        match path.last().map(Vec::as_slice) {
            Some(b"href") => self.href.push_str(text),
            Some(b"getetag") => self.etag.push_str(text),
            Some(b"getlastmodified") => self.modified.push_str(text),
            _ => {}
        }
    }
}

/// The decoded last part of an address (`/dav/maltavla-a%20b.json` →
/// `maltavla-a b.json`).
fn last_segment(href: &str) -> String {
    let path = href.trim().trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or(path);
    percent_decode(last)
}

/// Decodes `%XX` escapes byte by byte: an escape cut short or followed by
/// a non-ASCII character stays as it is (slicing the text at `%` + 2 bytes
/// once cut a character in two and panicked), and bytes that are not UTF-8
/// become U+FFFD. Hand-written rather than the `percent-encoding` crate,
/// which added 0.8 KB (gzip) to the wasm for these two functions.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |k: usize| bytes.get(k).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits: at most 0xFF.
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'%'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes all but RFC 3986's unreserved characters.
fn percent_encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
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
        (Some(now), Some(then)) => !same_version(now, then),
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
    /// This device's file as listed, for the write's condition; `None`
    /// when it is not there yet.
    pub own: Option<Entry>,
}

/// Plans a sync from the folder listing and what this device saw last time
/// (file name → ETag).
pub fn plan(listing: &[Entry], own: &str, seen: &BTreeMap<String, String>) -> SyncPlan {
    let read = listing
        .iter()
        .filter(|e| match (&e.etag, seen.get(&e.name)) {
            (Some(now), Some(then)) => !same_version(now, then),
            _ => true,
        })
        .cloned()
        .collect();
    SyncPlan {
        read,
        own: listing.iter().find(|e| e.name == own).cloned(),
    }
}

/// The conditional header for writing this device's file, from how the
/// listing showed it (`None`: not there). Every answer fails (412) if the
/// file changed after the listing; none overwrites blindly.
///
/// - Not listed: `If-None-Match: *`, so a file created meanwhile is kept.
/// - A strong ETag: `If-Match` with it.
/// - A weak ETag (`W/"…"`, Apache within a second of a write, some
///   proxies) or none: `If-Match` compares strongly (RFC 9110 §13.1.1), so
///   a weak tag never matches and every sync would end in 412. RFC 9110
///   §13.1.4 gives `If-Unmodified-Since` for exactly this ("a resource that
///   does not supply entity tags"), with the date the listing gave, which
///   the server compares with the same date it listed. Its resolution is one
///   second: a second write within the second of the listed one is not seen
///   (only a copy of this browser profile writes this file). Stripping `W/`
///   instead would send a strong tag the server never gave.
/// - A weak ETag and no valid date: `If-Match` with the weak tag, which a
///   server that keeps the RFC refuses (412): safe, never blind. With
///   neither a tag nor a date, `If-None-Match: *`, likewise refused.
pub fn write_condition(own: Option<&Entry>) -> (&'static str, String) {
    let Some(own) = own else {
        return ("If-None-Match", "*".to_owned());
    };
    match (&own.etag, &own.modified) {
        (Some(etag), _) if !is_weak(etag) => ("If-Match", etag.clone()),
        (_, Some(date)) => ("If-Unmodified-Since", date.clone()),
        (Some(weak), None) => ("If-Match", weak.clone()),
        (None, None) => ("If-None-Match", "*".to_owned()),
    }
}

/// A date as HTTP sends it (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`),
/// checked and written back in that form; `None` for anything else. A
/// server ignores an `If-Unmodified-Since` it cannot read (RFC 9110
/// §13.1.4), which would make the write unconditional, so only a date
/// that is surely valid is ever sent.
pub fn http_date(text: &str) -> Option<String> {
    use chrono::{Datelike, NaiveDate};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut parts = text.split_ascii_whitespace();
    let mut next = || parts.next();
    let (day_name, day, month, year, time, zone) =
        (next()?, next()?, next()?, next()?, next()?, next()?);
    if next().is_some() || zone != "GMT" || !day_name.ends_with(',') {
        return None;
    }
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let month = MONTHS.iter().position(|m| *m == month)?;
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(year, 4)?).ok()?,
        u32::try_from(month).ok()?.checked_add(1)?,
        number(day, 2)?,
    )?;
    let mut hms = time.split(':');
    let (h, m, sec) = (
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
    );
    if hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let weekday = DAYS.get(date.weekday().num_days_from_monday() as usize)?;
    Some(format!(
        "{weekday}, {:02} {} {} {h:02}:{m:02}:{sec:02} GMT",
        date.day(),
        MONTHS.get(month)?,
        date.year()
    ))
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
<D:propstat><D:prop><D:getetag>W/"c-1"</D:getetag><D:getlastmodified>Tue, 01 Dec 2026 10:15:00 GMT</D:getlastmodified><D:resourcetype></D:resourcetype></D:prop></D:propstat></D:response></D:multistatus>"#;

    fn entry(name: &str, etag: &str) -> Entry {
        Entry {
            name: name.into(),
            etag: Some(etag.into()),
            modified: None,
        }
    }

    fn own(etag: Option<&str>, modified: Option<&str>) -> Entry {
        Entry {
            name: "maltavla-me.json".into(),
            etag: etag.map(Into::into),
            modified: modified.map(Into::into),
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
            vec![Entry {
                modified: Some("Tue, 01 Dec 2026 10:15:00 GMT".into()),
                ..entry("maltavla-dev-c.json", "W/\"c-1\"")
            }]
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
        assert_eq!(first.own, Some(entry("maltavla-dev-a.json", "\"a1\"")));
        seen.insert("maltavla-dev-a.json".into(), "\"a1\"".into());
        seen.insert("maltavla-dev-b.json".into(), "\"b6\"".into());
        let second = plan(&listing, "maltavla-dev-a.json", &seen);
        assert_eq!(second.read, vec![entry("maltavla-dev-b.json", "\"b7\"")]);
        let new_device = plan(&listing, "maltavla-dev-z.json", &seen);
        assert_eq!(new_device.own, None);
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
            write_condition(first.own.as_ref()),
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

    #[test]
    fn an_href_with_a_cut_escape_never_panics() {
        // `%1` followed by the first byte of a two-byte character: slicing
        // the text by byte cut the character in two.
        assert_eq!(percent_decode("maltavla-%1é.json"), "maltavla-%1é.json");
        assert_eq!(percent_decode("%é"), "%é");
        assert_eq!(percent_decode("%"), "%");
        let listing = r#"<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/maltavla-%1é.json</d:href></d:response></d:multistatus>"#;
        assert_eq!(
            parse_listing(listing).unwrap(),
            vec![Entry {
                name: "maltavla-%1é.json".into(),
                etag: None,
                modified: None,
            }]
        );
    }

    #[test]
    fn an_escape_at_the_very_end_is_decoded() {
        assert_eq!(percent_decode("maltavla-a%41"), "maltavla-aA");
        assert_eq!(percent_decode("%41"), "A");
        assert_eq!(percent_decode("maltavla-%C3%A5.json"), "maltavla-å.json");
    }

    #[test]
    fn a_weak_own_etag_is_never_sent_in_if_match() {
        let listing = parse_listing(APACHE).unwrap();
        let plan = plan(&listing, "maltavla-dev-c.json", &BTreeMap::new());
        let (name, value) = write_condition(plan.own.as_ref());
        assert!(
            !(name == "If-Match" && value.starts_with("W/")),
            "{name}: {value} can never match (RFC 9110 13.1.1)"
        );
        assert_eq!(
            (name, value.as_str()),
            ("If-Unmodified-Since", "Tue, 01 Dec 2026 10:15:00 GMT")
        );
    }

    #[test]
    fn every_listing_entry_gets_a_condition_that_refuses_a_change_meanwhile() {
        let date = Some("Tue, 01 Dec 2026 10:15:00 GMT");
        let cases = [
            (None, ("If-None-Match", "*")),
            (Some(own(Some("\"a1\""), None)), ("If-Match", "\"a1\"")),
            (Some(own(Some("\"a1\""), date)), ("If-Match", "\"a1\"")),
            (
                Some(own(Some("W/\"a1\""), date)),
                ("If-Unmodified-Since", "Tue, 01 Dec 2026 10:15:00 GMT"),
            ),
            (
                Some(own(None, date)),
                ("If-Unmodified-Since", "Tue, 01 Dec 2026 10:15:00 GMT"),
            ),
            // Nothing to condition on that works: a condition that fails
            // (412) rather than a write without one.
            (Some(own(Some("W/\"a1\""), None)), ("If-Match", "W/\"a1\"")),
            (Some(own(None, None)), ("If-None-Match", "*")),
        ];
        for (listed, (name, value)) in cases {
            assert_eq!(
                write_condition(listed.as_ref()),
                (name, value.to_owned()),
                "{listed:?}"
            );
        }
    }

    #[test]
    fn only_a_valid_http_date_is_ever_sent() {
        assert_eq!(
            http_date(" Tue, 01 Dec 2026 10:15:00 GMT\n"),
            Some("Tue, 01 Dec 2026 10:15:00 GMT".into())
        );
        // A wrong weekday is written right, not passed on.
        assert_eq!(
            http_date("Mon, 01 Dec 2026 10:15:00 GMT"),
            Some("Tue, 01 Dec 2026 10:15:00 GMT".into())
        );
        for bad in [
            "",
            "2026-12-01T10:15:00Z",
            "Tue, 31 Nov 2026 10:15:00 GMT",
            "Tue, 01 Dec 2026 24:00:00 GMT",
            "Tue, 01 Dec 2026 10:15 GMT",
            "Tue, 01 Dec 2026 10:15:00 CET",
            "Tue, 1 Dec 2026 10:15:00 GMT",
            "Tue 01 Dec 2026 10:15:00 GMT",
            "Tue, 01 Dez 2026 10:15:00 GMT",
            "Tue, 01 Dec +026 10:15:00 GMT",
            "Tue, 01 Dec 2026 10:15:00 GMT\r\nX-Evil: 1",
            "Tuesday, 01-Dec-26 10:15:00 GMT",
            "Tue, ١٢ Dec 2026 10:15:00 GMT",
        ] {
            assert_eq!(http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_file_is_read_again_only_when_its_version_changed() {
        assert!(same_version("W/\"x\"", "\"x\""));
        assert!(same_version("x", "\"x\""));
        assert!(!same_version("W/\"x\"", "\"y\""));
        // Apache: listed weak right after our write, strong a second later.
        let listing = [entry("maltavla-me.json", "\"x\"")];
        let seen = BTreeMap::from([("maltavla-me.json".to_owned(), "W/\"x\"".to_owned())]);
        assert!(plan(&listing, "maltavla-me.json", &seen).read.is_empty());
    }

    #[test]
    fn an_etag_that_is_no_valid_header_value_counts_as_none() {
        let listed = |etag: &str| {
            let xml = format!(
                r#"<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/maltavla-a.json</d:href><d:propstat><d:prop><d:getetag>{etag}</d:getetag><d:getetag>{etag}</d:getetag></d:prop></d:propstat></d:response></d:multistatus>"#
            );
            parse_listing(&xml).map(|e| e.into_iter().map(|e| e.etag).collect::<Vec<_>>())
        };
        // Two getetag elements in one answer: not one tag either.
        assert_eq!(listed("\"a1\""), Ok(vec![None]));
        let one = |etag: &str| {
            let xml = format!(
                r#"<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/maltavla-a.json</d:href><d:propstat><d:prop><d:getetag>{etag}</d:getetag></d:prop></d:propstat></d:response></d:multistatus>"#
            );
            parse_listing(&xml).map(|e| e.into_iter().map(|e| e.etag).collect::<Vec<_>>())
        };
        assert_eq!(one("\"a1\""), Ok(vec![Some("\"a1\"".into())]));
        assert_eq!(one(" W/\"a1\" "), Ok(vec![Some("W/\"a1\"".into())]));
        assert_eq!(one("1-2-3"), Ok(vec![Some("\"1-2-3\"".into())]));
        for bad in [
            "\"a\n1\"",
            "\"a1\"\"b2\"",
            "a\"1",
            "\"a 1\"",
            "\"å\"",
            "w/\"a1\"",
            "W/a1",
            "\"a1",
            "&#13;\"a1\"&#10;x",
        ] {
            assert_eq!(one(bad), Ok(vec![None]), "{bad:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_href_decodes_without_panicking(href in "(%|[0-9a-fA-F]|é|å|/|[a-z.-]){0,40}") {
                let _ = percent_decode(&href);
                let _ = last_segment(&href);
            }

            #[test]
            fn a_name_survives_encoding_and_decoding(name in any::<String>()) {
                let encoded = percent_encode(&name);
                prop_assert!(encoded.is_ascii());
                prop_assert_eq!(percent_decode(&encoded), name);
            }

            #[test]
            fn any_date_text_gives_a_valid_date_or_none(text in "[A-Za-z0-9 ,:]{0,40}") {
                if let Some(date) = http_date(&text) {
                    prop_assert_eq!(http_date(&date), Some(date));
                }
            }
        }
    }
}
