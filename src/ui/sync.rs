//! The steps of a sync, in order: the network calls of the browser shell
//! and the decisions of `core::exchange::sync`, with each merge going through the
//! same reading, plan and one-transaction import as a picked file.
//!
//! Guarantees: a failure at any step leaves what is stored as it was before
//! that step (each file's merge is all or nothing), and the user's own data
//! never leaves the device except as this device's snapshot file.

use crate::browser::clock::now_millis;
use crate::browser::http::{self, NoReply, Reply};
use crate::browser::settings::{self, Key};
use crate::core::exchange::snapshot::{
    self, ClockAhead, ExportInfo, ImportPlan, Me, Part, SnapshotError,
};
use crate::core::exchange::sync::published::{self, Published};
use crate::core::exchange::sync::webdav::{self, DavSettings};
use crate::core::exchange::sync::{SyncFailure, LISTING_MAX_BYTES};
use crate::core::ids::Hlc;
use crate::ui::split::later_part;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeMap;

fn failure(e: NoReply, url: &str, limit: Option<usize>) -> SyncFailure {
    match e {
        NoReply::Offline => SyncFailure::Offline,
        NoReply::Unreachable => SyncFailure::Unreachable,
        NoReply::TooLarge => SyncFailure::TooLarge {
            url: url.to_owned(),
            limit: limit.unwrap_or(0),
        },
    }
}

/// Where this device looks for the published snapshot.
pub fn published_location() -> String {
    settings::get(Key::PublishedLocation)
        .and_then(|l| published::check_location(&l).ok())
        .unwrap_or_else(|| published::DEFAULT_LOCATION.into())
}

/// A published snapshot this device has not merged, ready for the preview.
#[derive(Debug, Clone)]
pub struct PublishedFile {
    /// The file's text.
    pub text: String,
    /// Its ETag, remembered once the user has looked at it.
    pub etag: Option<String>,
}

impl PublishedFile {
    /// Marks this file as seen, so the start-up check stops offering it.
    pub fn mark_seen(&self) {
        match &self.etag {
            Some(e) => settings::set(Key::PublishedEtag, e),
            None => settings::remove(Key::PublishedEtag),
        };
    }
}

/// Asks for the published snapshot. With `only_new`, a file with the ETag
/// seen last is not fetched again (the start-up check); the button on the
/// exchange page asks for it whatever it was.
pub async fn fetch_published(only_new: bool) -> Result<Option<PublishedFile>, SyncFailure> {
    let seen = only_new
        .then(|| settings::get(Key::PublishedEtag))
        .flatten();
    let headers = published::check_headers(seen.as_deref());
    let pairs: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let url = published_location();
    let limit = Some(snapshot::MAX_BYTES);
    let reply = http::send("GET", &url, &pairs, None, limit)
        .await
        .map_err(|e| failure(e, &url, limit))?;
    match published::answer(reply.status, reply.etag, reply.body, seen.as_deref())? {
        Published::Fresh { text, etag } => Ok(Some(PublishedFile { text, etag })),
        Published::Unchanged | Published::NotPublished => Ok(None),
    }
}

/// The start-up check: offers a published snapshot only when merging it
/// would change something here. Never shows an error: a host that does not
/// publish, or no network, is the normal case.
pub async fn offer_published(app: AppState) {
    let Ok(Some(file)) = fetch_published(true).await else {
        return;
    };
    // Reading and planning a snapshot is a part of its own: most starts
    // find no new file, and a first visit does not download it. When the
    // part cannot be fetched the file is left for the next start.
    let _ = weigh_published(app, file).await;
}

later_part! {
    fetch = fetch_published_check;
    /// Reads a published snapshot and plans its merge into what is here,
    /// changing nothing: offers it when the merge would change something,
    /// else marks it seen. A file with personal data (or not saved for
    /// publishing) is said so, never offered, and not marked seen: it is
    /// refused again until fixed.
    async fn weigh_published(app: AppState, file: PublishedFile) -> () {
        let text = &file.text;
        if let Ok(Err(why)) = snapshot::read(text, now_millis()).map(|i| published::check_public(&i)) {
            app.notice.set(Some((app.t_now().offline.published_refused)(&why, &published_location())));
        } else if plan_text(app, text, &app.me()).is_ok_and(|p| !p.plan.is_empty()) {
            app.published.set(Some(file));
        } else {
            file.mark_seen();
        }
    }
}

/// The WebDAV settings saved on this device, if any.
pub fn dav_settings() -> Option<DavSettings> {
    settings::get_json(Key::WebDav)
}

/// What a sync did.
#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    /// Files read and merged.
    pub merged_files: usize,
    /// Records written by those merges.
    pub changed_records: usize,
    /// Files that could not be read, with why (they changed nothing).
    pub bad_files: Vec<(String, SnapshotError)>,
    /// Files merged although the clock of the device that wrote them ran
    /// ahead (less than the limit): which, and how far.
    pub ahead: Vec<(String, ClockAhead)>,
    /// Set when another machine wrote under this device's id (its own
    /// file in the folder changed, or a file carried its writes): the new
    /// id this device goes on under.
    pub new_device: Option<String>,
    /// This device's file in the folder.
    pub written: String,
}

/// Why a sync stopped.
#[derive(Debug, Clone)]
pub enum SyncStop {
    /// The server, the network or the settings.
    Network(SyncFailure),
    /// Storing a merged file failed (the message is the storage message).
    Storage(String),
    /// This device's own data cannot leave it as it is (a personnummer in a
    /// record, stamps too far ahead): the message says what to correct.
    Outgoing(String),
}

/// A snapshot's text read and planned: the plan, the clock reading the
/// import may follow, and how far ahead the writing device's clock ran.
struct Planned {
    plan: ImportPlan,
    clock: Hlc,
    ahead: Option<ClockAhead>,
}

/// Reads a snapshot's text and plans its merge into what is here, by the
/// device `me`.
fn plan_text(app: AppState, text: &str, me: &Me) -> Result<Planned, SnapshotError> {
    let now = now_millis();
    let incoming = snapshot::read(text, now)?;
    let clock = incoming.clock_reading(now);
    let ahead = incoming.ahead.clone();
    let plan = app
        .ws
        .with_untracked(|w| snapshot::plan_import_consuming(w, incoming.items, Some(me)))?;
    Ok(Planned { plan, clock, ahead })
}

/// One request to the folder, with the credentials, and its answer as a
/// failure unless it succeeded; at most `limit` bytes of the answer are
/// read (`None`: the body is not wanted).
async fn call(
    dav: &DavSettings,
    method: &str,
    url: &str,
    extra: &[(&str, String)],
    body: Option<&str>,
    limit: Option<usize>,
) -> Result<Reply, SyncStop> {
    let auth = dav.auth_headers();
    let headers: Vec<(&str, &str)> = auth
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .chain(extra.iter().map(|(k, v)| (*k, v.as_str())))
        .collect();
    let reply = http::send(method, url, &headers, body, limit)
        .await
        .map_err(|e| SyncStop::Network(failure(e, url, limit)))?;
    match SyncFailure::of_status(reply.status) {
        Some(f) => Err(SyncStop::Network(f)),
        None => Ok(reply),
    }
}

fn save_seen(seen: &BTreeMap<String, String>) {
    // Not remembered, it only costs reading the same files again next
    // time (merging them is idempotent); never stored as an empty text.
    let _ = settings::set_json(Key::WebDavSeen, seen);
}

/// One sync with the WebDAV folder: list, read and merge what changed,
/// write this device's snapshot.
pub async fn sync_folder(app: AppState, dav: &DavSettings) -> Result<SyncReport, SyncStop> {
    // 1. The listing.
    let listing_headers: Vec<(&str, String)> = webdav::LISTING_HEADERS
        .iter()
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect();
    let reply = call(
        dav,
        "PROPFIND",
        &dav.url,
        &listing_headers,
        Some(webdav::LISTING_BODY),
        Some(LISTING_MAX_BYTES),
    )
    .await?;
    let listing = webdav::parse_listing(&reply.body).map_err(SyncStop::Network)?;
    let mut own = webdav::own_file(&app.clock().device());
    let mut seen: BTreeMap<String, String> =
        settings::get_json(Key::WebDavSeen).unwrap_or_default();
    let mut plan = webdav::plan(&listing, &own, &seen);
    let mut report = SyncReport::default();
    let mut me = app.me();
    // This device's own file changed since it wrote it: another machine
    // writes under the same device id (a copied browser profile). Its
    // writes under that id are read as foreign, and this device goes on
    // under a new id and a file of its own.
    if webdav::own_file_changed(&listing, &own, &seen) {
        me.last = Hlc::default();
        let id = app.clock().new_device();
        report.new_device = Some(id.to_string());
        own = webdav::own_file(&id);
        plan.own = webdav::plan(&listing, &own, &seen).own;
    }

    // 2. Every changed file, merged one at a time (each all or nothing).
    for entry in plan.read {
        let url = dav.file_url(&entry.name);
        let reply = call(dav, "GET", &url, &[], None, Some(snapshot::MAX_BYTES)).await?;
        match plan_text(app, &reply.body, &me) {
            Ok(planned) => {
                report.changed_records += planned.plan.writes.len();
                if !planned.plan.is_empty() {
                    app.import(planned.plan, planned.clock)
                        .await
                        .map_err(|e| SyncStop::Storage(app.write_message(&e)))?;
                }
                if let Some(ahead) = planned.ahead {
                    report.ahead.push((entry.name.clone(), ahead));
                }
                report.merged_files += 1;
                if let Some(etag) = entry.etag.or(reply.etag) {
                    seen.insert(entry.name, webdav::normal_etag(&etag));
                }
            }
            Err(e) => report.bad_files.push((entry.name, e)),
        }
    }
    save_seen(&seen);
    // A merged file that carried writes made under this device's id gave
    // this device a new id (`AppState::import`): write the new id's file.
    let now_own = webdav::own_file(&app.clock().device());
    if now_own != own {
        report.new_device = Some(app.clock().device().to_string());
        plan.own = webdav::plan(&listing, &now_own, &seen).own;
        own = now_own;
    }

    // 3. This device's snapshot, never over a file changed meanwhile, and
    //    only when everything in it may leave the device.
    let info = ExportInfo {
        millis: now_millis(),
        device: app.clock().device(),
    };
    let text = app
        .ws
        .with_untracked(|w| snapshot::export_checked(w, &Part::All, &info))
        .map_err(|p| SyncStop::Outgoing((app.t_now().trust.outgoing)(&p)))?;
    let headers = [
        webdav::write_condition(plan.own.as_ref()),
        ("Content-Type", "application/json; charset=utf-8".to_owned()),
    ];
    let reply = call(dav, "PUT", &dav.file_url(&own), &headers, Some(&text), None).await?;
    // What we wrote holds nothing new for us: skip reading it next time.
    if let Some(etag) = reply.etag {
        seen.insert(own.clone(), webdav::normal_etag(&etag));
        save_seen(&seen);
    }
    report.written = own;
    Ok(report)
}
