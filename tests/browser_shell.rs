//! The browser shell in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): IndexedDB round trips, settings in
//! localStorage, the clock, and the address bar.
#![cfg(target_arch = "wasm32")]

use maltavla::browser::clock::{new_record_id, Clock};
use maltavla::browser::history;
use maltavla::browser::idb::RecordDb;
use maltavla::browser::settings::{self, Key};
use maltavla::core::demo;
use maltavla::core::ids::{DeviceId, Hlc};
use maltavla::core::stored;
use maltavla::core::workspace::Workspace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh_db() -> RecordDb {
    let name = format!("maltavla-test-{}", new_record_id());
    RecordDb::open_named(&name)
        .await
        .expect("IndexedDB opens in Chromium")
}

#[wasm_bindgen_test]
async fn records_written_to_indexeddb_read_back_identically() {
    let db = fresh_db().await;
    let records = demo::workspace().records();
    let items: Vec<(String, String)> = records
        .iter()
        .map(|r| (r.meta().id.to_string(), stored::encode(r)))
        .collect();
    db.put_all(&items).await.expect("the batch is stored");
    let loaded = stored::decode_all(db.load_all().await.expect("records load"));
    assert!(loaded.skipped.is_empty());
    assert_eq!(Workspace::from_records(loaded.records), demo::workspace());
}

#[wasm_bindgen_test]
async fn writing_a_record_again_replaces_it_and_clear_empties_the_store() {
    let db = fresh_db().await;
    db.put_all(&[("a".into(), "one".into())])
        .await
        .expect("stored");
    db.put_all(&[("a".into(), "two".into()), ("b".into(), "three".into())])
        .await
        .expect("stored");
    let mut texts = db.load_all().await.expect("loads");
    texts.sort();
    assert_eq!(texts, ["three", "two"]);
    db.clear().await.expect("cleared");
    assert!(db.load_all().await.expect("loads").is_empty());
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
}

#[wasm_bindgen_test]
fn the_address_bar_changes_without_a_page_load() {
    let (path, _) = history::current();
    assert!(history::push("/insatser/abc?x=1"));
    assert_eq!(history::current(), ("/insatser/abc".into(), "?x=1".into()));
    assert!(history::replace(&path));
    assert_eq!(history::current().0, path);
}
