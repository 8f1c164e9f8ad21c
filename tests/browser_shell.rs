//! The browser shell in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): IndexedDB round trips and read-merge-write
//! transactions, the conflict log, settings in localStorage, the clock, the
//! address bar, messages between tabs and reading a picked file.
#![cfg(target_arch = "wasm32")]

use maltavla::browser::clock::{new_record_id, Clock};
use maltavla::browser::files;
use maltavla::browser::history;
use maltavla::browser::http;
use maltavla::browser::idb::RecordDb;
use maltavla::browser::settings::{self, Key};
use maltavla::browser::tabs::Tabs;
use maltavla::core::demo;
use maltavla::core::exchange::file_size::FileUse;
use maltavla::core::exchange::merge::FieldView;
use maltavla::core::ids::{DeviceId, Hlc};
use maltavla::core::stored::{self, bucket::buckets_of, bucket::Buckets};
use maltavla::core::workspace::Workspace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh_db() -> RecordDb {
    let name = format!("maltavla-test-{}", new_record_id());
    RecordDb::open_named(&name)
        .await
        .expect("IndexedDB opens in Chromium")
}

/// Every record of the example data, as field views.
fn demo_views() -> Vec<FieldView> {
    demo::workspace()
        .records()
        .iter()
        .map(FieldView::from_record)
        .collect()
}

/// The buckets holding `views`, as a first write stores them.
fn bucket_texts(views: &[FieldView]) -> (Vec<String>, Vec<(String, String)>) {
    let keys = buckets_of(views.iter().map(|v| v.meta.id.as_str()));
    let mut buckets = Buckets::read(&keys, vec![None; keys.len()]);
    for v in views {
        buckets.put(v).expect("the bucket was read");
    }
    (keys, buckets.changed())
}

#[wasm_bindgen_test]
async fn records_written_to_indexeddb_read_back_identically() {
    let db = fresh_db().await;
    let views = demo_views();
    let (keys, items) = bucket_texts(&views);
    db.update(&keys, move |_| Some((items, Vec::new())), &[])
        .await
        .expect("the batch is stored");
    let loaded = db.read_records().await.expect("records load");
    assert!(loaded.skipped.is_empty());
    assert_eq!(Workspace::from_items(loaded.records), demo::workspace());
}

#[wasm_bindgen_test]
async fn every_bucket_is_read_once_whatever_its_key() {
    // The buckets are read in key ranges (`bucket::range_bounds`): keys
    // at, just under and past their bounds, and keys no version writes,
    // are each read exactly once.
    let db = fresh_db().await;
    let views = demo_views();
    let (_, texts) = bucket_texts(&views);
    let odd = [
        "", "0", "000", "03f", "040", "04", "041", "07f", "080", "1", "1ff", "200", "3bf", "3c0",
        "3ff", "4", "400", "fff", "g", "zzz", "Ä",
    ];
    assert!(texts.len() > odd.len(), "every odd key holds a bucket");
    let moved: Vec<(String, String)> = texts
        .into_iter()
        .enumerate()
        .map(|(i, (key, text))| match odd.get(i) {
            Some(k) => ((*k).to_owned(), text),
            // Moved aside where it would share a key with an odd one.
            None if odd.contains(&key.as_str()) => (format!("{key}."), text),
            None => (key, text),
        })
        .collect();
    let keys: Vec<String> = moved.iter().map(|(k, _)| k.clone()).collect();
    db.update(&keys, move |_| Some((moved, Vec::new())), &[])
        .await
        .expect("stored");
    let loaded = db.read_records().await.expect("records load");
    assert!(loaded.skipped.is_empty());
    assert_eq!(loaded.records.len(), views.len(), "no record twice");
    assert_eq!(Workspace::from_items(loaded.records), demo::workspace());
}

/// Creates the database `name` as the version before buckets (2) left it:
/// one value per record in `records`, and the conflict log.
async fn old_layout_db(name: &str, records: &[(String, String)], conflicts: &[(&str, &str)]) {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;
    let db = Database::open(name)
        .with_version(2u32)
        .with_on_upgrade_needed(|_event, db| {
            db.create_object_store("records").build()?;
            db.create_object_store("conflicts").build()?;
            Ok(())
        })
        .await
        .expect("the old layout opens");
    let tx = db
        .transaction(["records", "conflicts"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("a transaction");
    let store = tx.object_store("records").expect("records");
    for (id, text) in records {
        store
            .put(text.as_str())
            .with_key(id.as_str())
            .primitive()
            .expect("put");
    }
    let log = tx.object_store("conflicts").expect("conflicts");
    for (key, text) in conflicts {
        log.put(*text).with_key(*key).primitive().expect("put");
    }
    tx.commit().await.expect("written");
    db.close();
}

#[wasm_bindgen_test]
async fn a_database_of_the_layout_before_buckets_upgrades_and_keeps_every_record() {
    let name = format!("maltavla-test-{}", new_record_id());
    // Exactly what version 2 stored: `{"schema":1,"record":…}` under the
    // record's id, and one value it could not read itself.
    let mut old: Vec<(String, String)> = demo::workspace()
        .records()
        .iter()
        .map(|r| {
            let view = FieldView::from_record(r);
            let text = format!(
                r#"{{"schema":1,"record":{}}}"#,
                stored::encode_record(&view)
            );
            (r.meta().id.to_string(), text)
        })
        .collect();
    old.push(("damaged".into(), "{".into()));
    old_layout_db(&name, &old, &[("c1", "{\"kept\":true}")]).await;

    let db = RecordDb::open_named(&name).await.expect("upgrades");
    let loaded = db.read_records().await.expect("records load");
    assert_eq!(Workspace::from_items(loaded.records), demo::workspace());
    assert_eq!(
        loaded.skipped.len(),
        1,
        "the damaged value is named, not lost"
    );
    assert_eq!(db.load_legacy().await.expect("reads"), ["{"], "and kept");
    assert_eq!(
        db.load_conflicts().await.expect("reads"),
        ["{\"kept\":true}"]
    );
    let buckets = db.load_all().await.expect("reads").len();
    assert!(
        buckets < old.len(),
        "{buckets} values for {} records",
        old.len()
    );

    // Opened again (a second tab, a reload): nothing more to move, the
    // same records.
    let again = RecordDb::open_named(&name).await.expect("opens");
    let reloaded = again.read_records().await.expect("records load");
    assert_eq!(Workspace::from_items(reloaded.records), demo::workspace());
}

/// Owned `(key, text)` pairs.
fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// An update that writes `records` and logs `conflicts`, whatever is stored.
type Put =
    Box<dyn FnOnce(Vec<Option<String>>) -> Option<(Vec<(String, String)>, Vec<(String, String)>)>>;

fn put(records: &[(&str, &str)], conflicts: &[(&str, &str)]) -> Put {
    let (records, conflicts) = (pairs(records), pairs(conflicts));
    Box::new(move |_| Some((records, conflicts)))
}

#[wasm_bindgen_test]
async fn an_update_sees_what_is_stored_and_clear_empties_both_stores() {
    let db = fresh_db().await;
    let keys = ["a".to_owned()];
    db.update(&keys, put(&[("a", "one")], &[("c1", "{}")]), &[])
        .await
        .expect("stored");
    let ab = ["a".to_owned(), "b".to_owned()];
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen_in = seen.clone();
    db.update(
        &ab,
        move |stored| {
            *seen_in.borrow_mut() = stored.clone();
            let a = format!("{}+two", stored[0].clone().unwrap_or_default());
            Some((
                vec![("a".into(), a), ("b".into(), "three".into())],
                Vec::new(),
            ))
        },
        &[],
    )
    .await
    .expect("stored");
    assert_eq!(*seen.borrow(), [Some("one".to_owned()), None]);
    let mut texts = db.load_all().await.expect("loads");
    texts.sort();
    assert_eq!(texts, ["one+two", "three"]);
    assert_eq!(
        db.get_many(&ab).await.expect("reads")[1].as_deref(),
        Some("three")
    );
    assert_eq!(db.load_conflicts().await.expect("loads"), ["{}"]);
    db.update(&[], put(&[], &[]), &["c1".into()])
        .await
        .expect("resolved");
    assert!(db.load_conflicts().await.expect("loads").is_empty());
    db.clear().await.expect("cleared");
    assert!(db.load_all().await.expect("loads").is_empty());
}

#[wasm_bindgen_test]
async fn an_update_whose_merge_refuses_what_it_read_writes_nothing() {
    let db = fresh_db().await;
    let a = ["a".to_owned()];
    db.update(&a, put(&[("a", "one")], &[]), &[])
        .await
        .expect("stored");
    let written = db
        .update(&a, |_| None, &[])
        .await
        .expect("not an IndexedDB failure");
    assert!(written.is_empty());
    let ab = ["a".to_owned(), "b".to_owned()];
    assert_eq!(
        db.get_many(&ab).await.expect("reads"),
        [Some("one".to_owned()), None],
        "nothing changed"
    );
}

#[wasm_bindgen_test]
async fn a_write_in_slices_lets_a_timer_run_between_them_and_is_still_one_write() {
    use maltavla::browser::idb::Work;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    let db = fresh_db().await;
    let ab = ["a".to_owned(), "b".to_owned()];
    db.update(&ab, put(&[("a", "one")], &[]), &[])
        .await
        .expect("stored");
    // A zero-delay timer set as the work starts: it can only run in a
    // pause between two slices (each slice runs to its end in one task).
    let fired = Rc::new(Cell::new(false));
    let fired_in = fired.clone();
    let on_timer = wasm_bindgen::closure::Closure::once_into_js(move || fired_in.set(true));
    let mut calls = 0;
    let mut seen_before = None;
    let mut fired_at = None;
    let work = |stored: Option<Vec<Option<String>>>| {
        calls += 1;
        if let Some(stored) = stored {
            seen_before = Some(stored);
            web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(on_timer.unchecked_ref(), 0)
                .expect("a timer");
        }
        if fired.get() {
            fired_at = Some(calls);
        }
        if fired.get() || calls >= 1000 {
            Work::Done(Some((pairs(&[("a", "two"), ("b", "three")]), Vec::new())))
        } else {
            Work::More
        }
    };
    let written = db
        .update_in_slices(&ab, work, &[])
        .await
        .expect("stored in one transaction");
    assert_eq!(seen_before, Some(vec![Some("one".to_owned()), None]));
    assert!(
        fired_at.is_some_and(|n| n > 1),
        "the timer ran between slices"
    );
    assert_eq!(written.len(), 2);
    assert_eq!(
        db.get_many(&ab).await.expect("reads"),
        [Some("two".to_owned()), Some("three".to_owned())]
    );
}

#[wasm_bindgen_test]
async fn a_write_in_slices_that_refuses_after_a_pause_writes_nothing() {
    use maltavla::browser::idb::Work;
    let db = fresh_db().await;
    let a = ["a".to_owned()];
    db.update(&a, put(&[("a", "one")], &[]), &[])
        .await
        .expect("stored");
    let mut calls = 0;
    let work = |_: Option<Vec<Option<String>>>| {
        calls += 1;
        if calls < 4 {
            Work::More
        } else {
            Work::Done(None)
        }
    };
    let written = db
        .update_in_slices(&a, work, &[])
        .await
        .expect("not an IndexedDB failure");
    assert!(written.is_empty());
    assert_eq!(calls, 4);
    assert_eq!(
        db.get_many(&a).await.expect("reads"),
        [Some("one".to_owned())],
        "nothing changed"
    );
}

#[wasm_bindgen_test]
async fn a_newer_versions_upgrade_closes_this_tabs_connection_and_tells_it() {
    use maltavla::browser::idb::DbEvents;
    use std::cell::Cell;
    use std::rc::Rc;
    let name = format!("maltavla-test-{}", new_record_id());
    let told = Rc::new(Cell::new(false));
    let told_in = told.clone();
    let _old_tab = RecordDb::open_with(
        &name,
        Some(DbEvents {
            blocked: Box::new(|| {}),
            version_change: Box::new(move || told_in.set(true)),
        }),
    )
    .await
    .expect("opens");
    // A newer version opens the same database at a higher version: it is
    // not blocked by the old tab, which closed its connection.
    let newer = indexed_db_futures::database::Database::open(name.as_str())
        .with_version(99u32)
        .await;
    assert!(newer.is_ok(), "the newer version's upgrade went through");
    assert!(told.get(), "the old tab was told");
}

#[wasm_bindgen_test]
async fn two_updates_at_once_both_land() {
    let db = fresh_db().await;
    let key = ["n".to_owned()];
    let add = |stored: Vec<Option<String>>| {
        let n: u32 = stored[0].as_deref().unwrap_or("0").parse().unwrap_or(0);
        Some((vec![("n".to_owned(), (n + 1).to_string())], Vec::new()))
    };
    let (a, b) = futures_join(db.update(&key, add, &[]), db.update(&key, add, &[])).await;
    a.expect("first");
    b.expect("second");
    assert_eq!(db.load_all().await.expect("loads"), ["2"]);
}

/// Runs two futures concurrently (a tiny join, to avoid a dependency).
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let mut a = std::pin::pin!(a);
    let mut b = std::pin::pin!(b);
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() {
            if let std::task::Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let std::task::Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    (ra.expect("done"), rb.expect("done"))
}

#[wasm_bindgen_test]
async fn another_tab_hears_which_records_were_stored() {
    let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let heard_in = heard.clone();
    let _listener = Tabs::join(move |ids| heard_in.borrow_mut().extend(ids));
    let sender = Tabs::join(|_| {});
    sender.announce(&["a".into(), "b".into()]);
    for _ in 0..50 {
        if !heard.borrow().is_empty() {
            break;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
    }
    assert_eq!(*heard.borrow(), ["a", "b"]);
}

#[wasm_bindgen_test]
async fn a_picked_file_reads_as_utf8_text() {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str("{\"å\": 1}"));
    let file = web_sys::File::new_with_str_sequence(&parts, "x.json").expect("file");
    assert_eq!(
        files::read_text(&file, FileUse::Snapshot).await.as_deref(),
        Ok("{\"å\": 1}")
    );
}

#[wasm_bindgen_test]
async fn a_picked_file_loses_its_byte_order_mark_and_broken_bytes_become_replacements() {
    let bytes: &[u8] = b"\xEF\xBB\xBF{\"\xC3\xB6\": \"\xFF\"}";
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "x.json").expect("file");
    assert_eq!(
        files::read_text(&file, FileUse::Snapshot).await.as_deref(),
        Ok("{\"ö\": \"\u{FFFD}\"}")
    );
}

#[wasm_bindgen_test]
async fn a_picked_file_past_the_limit_of_its_use_is_refused_unread() {
    let limit = FileUse::Csv.limit() as u32;
    let bytes = js_sys::Uint8Array::new_with_length(limit + 1);
    let parts = js_sys::Array::of1(&bytes);
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "stor.csv").expect("file");
    match files::read_bytes(&file, FileUse::Csv).await {
        Err(files::ReadError::TooLarge(e)) => {
            assert_eq!(
                (e.name.as_str(), e.bytes),
                ("stor.csv", u64::from(limit) + 1)
            );
        }
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
    // The same bytes are a snapshot-sized file.
    let read = files::read_bytes(&file, FileUse::Snapshot).await;
    assert_eq!(read.map(|b| b.len()), Ok(limit as usize + 1));
}

/// An address the browser answers itself: a `data:` URL has no
/// `Content-Length`, so only counting the streamed bytes can refuse it.
fn data_url(text: &str) -> String {
    format!("data:text/plain;charset=utf-8,{text}")
}

#[wasm_bindgen_test]
async fn an_answer_past_its_limit_is_cut_while_it_streams() {
    let ten = data_url("aaaaaaaaaa");
    let reply = http::send("GET", &ten, &[], None, Some(10)).await;
    assert_eq!(reply.map(|r| r.body), Ok("aaaaaaaaaa".to_owned()));
    let cut = http::send("GET", &ten, &[], None, Some(9)).await;
    assert_eq!(cut, Err(http::NoReply::TooLarge));
    let unread = http::send("GET", &ten, &[], None, None).await;
    assert_eq!(unread.map(|r| r.body), Ok(String::new()));
}

#[wasm_bindgen_test]
async fn an_answer_announcing_more_than_its_limit_is_refused_before_reading() {
    // A blob: URL's answer carries the blob's size as Content-Length.
    let bytes = js_sys::Uint8Array::new_with_length(1000);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)).expect("blob");
    let url = web_sys::Url::create_object_url_with_blob(&blob).expect("url");
    let refused = http::send("GET", &url, &[], None, Some(999)).await;
    assert_eq!(refused, Err(http::NoReply::TooLarge));
    let read = http::send("GET", &url, &[], None, Some(1000)).await;
    assert_eq!(read.map(|r| r.body.len()), Ok(1000));
}

#[wasm_bindgen_test]
fn settings_round_trip_and_the_device_id_is_stable() {
    assert!(settings::set(Key::Language, "en"));
    assert_eq!(settings::get(Key::Language).as_deref(), Some("en"));
    assert!(settings::set(Key::Language, "sv"));
    let first = settings::device_id();
    assert_eq!(settings::device_id(), first);
}

#[wasm_bindgen_test]
fn a_json_setting_is_stored_as_the_text_serde_makes_and_reads_back_typed() {
    let seen = std::collections::BTreeMap::from([("maltavla-dev-a.json", "\"a1\"")]);
    assert_eq!(settings::set_json(Key::WebDavSeen, &seen), Ok(()));
    // Byte for byte what earlier versions stored (serde_json::to_string).
    assert_eq!(
        settings::get(Key::WebDavSeen).as_deref(),
        Some(r#"{"maltavla-dev-a.json":"\"a1\""}"#)
    );
    let back: Option<std::collections::BTreeMap<String, String>> =
        settings::get_json(Key::WebDavSeen);
    assert_eq!(
        back.and_then(|m| m.get("maltavla-dev-a.json").cloned())
            .as_deref(),
        Some("\"a1\"")
    );
    // Text that is not JSON reads as not set.
    assert!(settings::set(Key::WebDavSeen, "{"));
    assert_eq!(settings::get_json::<Vec<u8>>(Key::WebDavSeen), None);
    assert!(settings::remove(Key::WebDavSeen));
}

#[wasm_bindgen_test]
fn random_ids_never_repeat_across_the_random_pools_refills() {
    // 16 bytes each: 1 000 ids take the browser's random bytes four times.
    let ids: std::collections::BTreeSet<String> =
        (0..1000).map(|_| new_record_id().to_string()).collect();
    assert_eq!(ids.len(), 1000);
}

#[wasm_bindgen_test]
fn the_clock_never_repeats_a_stamp_and_starts_after_what_it_has_seen() {
    let seen = Hlc {
        millis: u64::MAX / 4,
        counter: 7,
    };
    let clock = Clock::new(DeviceId::parse("dev").expect("valid"), seen);
    let a = clock.tick();
    let b = clock.tick();
    assert!(a > seen);
    assert!(b > a);
    // A write of many records takes its stamps together: each after the
    // one before, and another tab of this profile ticks after all of them.
    let run: Vec<Hlc> = clock.ticks(1000).collect();
    assert_eq!(run.len(), 1000);
    assert!(run[0] > b);
    assert!(run.windows(2).all(|w| w[0] < w[1]));
    let other_tab = Clock::new(DeviceId::parse("dev").expect("valid"), Hlc::default());
    assert!(Some(&other_tab.tick()) > run.last());
    assert!(clock.tick() > run[999]);
}

#[wasm_bindgen_test]
fn a_clock_that_followed_a_stamp_from_the_future_never_carries_it_past_a_restart() {
    use maltavla::browser::clock::now_millis;
    use maltavla::core::clock::{FOLLOW_MILLIS, MAX_AHEAD_MILLIS};
    // Stored records hold a stamp five years ahead; the clock starts near now.
    let five_years = Hlc {
        millis: now_millis() + 5 * 365 * 86_400_000,
        counter: 0,
    };
    let (clock, new_device) = Clock::start(five_years);
    assert!(!new_device);
    assert!(clock.tick().millis <= now_millis() + FOLLOW_MILLIS + 1);
    clock.observe(five_years);
    assert!(clock.tick().millis <= now_millis() + FOLLOW_MILLIS + 1);
    // An older version left this profile's shared reading five years
    // ahead: the clock goes on under a new device id, near now.
    let device = clock.device();
    settings::set(
        Key::Clock,
        &format!("{}.0.{}", five_years.millis, device.as_str()),
    );
    let (restarted, new_device) = Clock::start(Hlc::default());
    assert!(new_device);
    assert_ne!(restarted.device(), device);
    assert!(restarted.tick().millis <= now_millis() + MAX_AHEAD_MILLIS);
}

#[wasm_bindgen_test]
fn the_address_bar_changes_without_a_page_load() {
    let (path, _) = history::current();
    assert!(history::push("/insatser/abc?x=1"));
    // The page of this test has no <base>: links resolve against its folder.
    assert_eq!(history::current(), ("/insatser/abc".into(), "?x=1".into()));
    assert!(history::replace(&path));
    assert_eq!(history::current().0, path);
}

#[wasm_bindgen_test]
async fn a_large_update_sees_exactly_the_stored_records() {
    let db = fresh_db().await;
    // Every third key is stored first; then one update over all of them,
    // more than the batch size that makes the read ask for the keys first.
    let stored: Vec<(String, String)> = (0..900)
        .filter(|k| k % 3 == 0)
        .map(|k| (format!("k{k}"), format!("v{k}")))
        .collect();
    let keys: Vec<String> = stored.iter().map(|(k, _)| k.clone()).collect();
    db.update(&keys, move |_| Some((stored, Vec::new())), &[])
        .await
        .expect("stored");
    let all: Vec<String> = (0..900).map(|k| format!("k{k}")).collect();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen_in = seen.clone();
    db.update(
        &all,
        move |texts| {
            *seen_in.borrow_mut() = texts;
            Some((Vec::new(), Vec::new()))
        },
        &[],
    )
    .await
    .expect("read");
    let seen = seen.borrow();
    for (k, text) in seen.iter().enumerate() {
        let expected = (k % 3 == 0).then(|| format!("v{k}"));
        assert_eq!(text, &expected, "key k{k}");
    }
}

#[wasm_bindgen_test]
fn app_links_resolve_against_the_apps_folder() {
    let (path, _) = history::current();
    assert_eq!(history::base_path(), "/");
    // Relative, as Route::href() gives them: the same page from anywhere.
    assert!(history::push("insatser/abc"));
    assert!(history::push("dela"));
    assert_eq!(history::current().0, "/dela");
    assert!(history::replace(&path));
}
