#![cfg(not(target_arch = "wasm32"))]
//! The grouped storage layout (`core::stored`) on random histories of
//! writes: records of every type, and of a type this version does not know,
//! under new and reused ids, written in batches of any size over many
//! writes. Each write sees exactly what the writes before it stored, and
//! loading what is stored gives back every record as last written.

use maltavla::core::demo;
use maltavla::core::exchange::merge::{apply_edit, apply_first_write, FieldView};
use maltavla::core::exchange::snapshot::Item;
use maltavla::core::ids::{DeviceId, Hlc, RecordId, Stamp};
use maltavla::core::model::Record;
use maltavla::core::stored::{self, bucket::buckets_of, bucket::Buckets};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn demo_views() -> &'static [FieldView] {
    static VIEWS: OnceLock<Vec<FieldView>> = OnceLock::new();
    VIEWS.get_or_init(|| {
        demo::workspace()
            .records()
            .iter()
            .map(FieldView::from_record)
            .collect()
    })
}

fn demo_records() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| demo::workspace().records())
}

/// One record written: a demo record as it is, under a new id, turned
/// into a record of a type this version does not know, or put typed
/// (`Buckets::put_record`) under a new id.
#[derive(Debug, Clone)]
enum Write {
    Demo(usize),
    Renamed(usize, u16),
    Unknown(usize, u16),
    Typed(usize, u16),
}

fn write() -> impl Strategy<Value = Write> {
    let n = demo_views().len();
    prop_oneof![
        (0..n).prop_map(Write::Demo),
        (0..n, 0u16..4000).prop_map(|(i, id)| Write::Renamed(i, id)),
        (0..n, 0u16..4000).prop_map(|(i, id)| Write::Unknown(i, id)),
        (0..n, 0u16..4000).prop_map(|(i, id)| Write::Typed(i, id)),
    ]
}

fn view_of(w: &Write) -> FieldView {
    let views = demo_views();
    match *w {
        Write::Demo(i) => views[i].clone(),
        Write::Renamed(i, id) | Write::Typed(i, id) => {
            let mut v = views[i].clone();
            v.meta.id = RecordId::parse(&format!("p-{id}")).expect("a valid id");
            v
        }
        Write::Unknown(i, id) => {
            let mut v = views[i].clone();
            v.kind = "colour_swatch".into();
            v.meta.id = RecordId::parse(&format!("p-{id}")).expect("a valid id");
            v.body = json!({"hue": id, "name": "ljusblå"})
                .as_object()
                .expect("an object")
                .clone();
            v
        }
    }
}

/// Gives `r` a field last set by an earlier write, at `millis`, and a
/// write seen.
fn with_earlier_writes(r: &mut Record, millis: u64) {
    let by = r.meta().stamp.clone();
    let earlier = Stamp {
        hlc: Hlc { millis, counter: 0 },
        ..by.clone()
    };
    r.meta_mut().fields.insert("name".into(), earlier);
    r.meta_mut()
        .seen
        .insert(by.device, Hlc { millis, counter: 1 });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_grouped_layout_round_trips_any_workspace(
        batches in prop::collection::vec(prop::collection::vec(write(), 1..60), 1..10)
    ) {
        let mut store: BTreeMap<String, String> = BTreeMap::new();
        let mut expected: BTreeMap<String, FieldView> = BTreeMap::new();
        for batch in &batches {
            let views: Vec<FieldView> = batch.iter().map(view_of).collect();
            let keys = buckets_of(views.iter().map(|v| v.meta.id.as_str()));
            let texts = keys.iter().map(|k| store.get(k).cloned()).collect();
            let mut buckets = Buckets::read(&keys, texts);
            for v in &views {
                let id = v.meta.id.to_string();
                let seen = buckets.copy_for_write(&id).expect("readable");
                // Within a batch the write sees what was stored before it,
                // not its own earlier puts.
                if !views.iter().take_while(|w| !std::ptr::eq(*w, v)).any(|w| w.meta.id == v.meta.id) {
                    prop_assert_eq!(seen.as_ref(), expected.get(&id));
                }
            }
            for (w, v) in batch.iter().zip(&views) {
                if let Write::Typed(..) = w {
                    let r = v.to_record().expect("a demo record").expect("a known type");
                    let item = buckets.put_record(r.clone()).expect("the bucket was read");
                    prop_assert_eq!(item, Item::Known(r));
                } else {
                    buckets.put(v).expect("the bucket was read");
                }
                expected.insert(v.meta.id.to_string(), v.clone());
            }
            store.extend(buckets.changed());
        }
        prop_assert!(store.len() <= stored::bucket::BUCKETS as usize);
        let loaded = stored::load(store.into_values(), []);
        prop_assert!(loaded.skipped.is_empty());
        let got: BTreeMap<String, FieldView> = loaded
            .records
            .iter()
            .map(|item| {
                let v = item.view();
                (v.meta.id.to_string(), v)
            })
            .collect();
        prop_assert_eq!(got.len(), loaded.records.len(), "each record once");
        prop_assert_eq!(&got, &expected);
        let items: Vec<Item> = loaded.records;
        let from_stored = Workspace::from_items(items);
        let from_written = Workspace::from_items(expected.values().map(|v| match v.to_record() {
            Ok(Some(r)) => Item::Known(r),
            _ => Item::Other(v.clone()),
        }).collect::<Vec<_>>());
        prop_assert_eq!(from_stored, from_written);
    }

    #[test]
    fn loading_stored_text_never_panics(text in "\\PC{0,200}") {
        let _ = stored::load([text.clone()], [text.clone()]);
        let _ = stored::decode_record(&text);
        let _ = Buckets::read(&["000".to_owned()], vec![Some(text)]).copy_for_write("x");
    }

    #[test]
    fn a_typed_record_is_stored_as_its_view_and_reads_back_as_itself(
        i in 0..demo_records().len(),
        millis in 0u64..2_000_000_000_000,
        field_millis in prop::option::of(0u64..2_000_000_000_000),
    ) {
        let mut r = demo_records()[i].clone();
        r.meta_mut().stamp.hlc = Hlc { millis, counter: 3 };
        if let Some(m) = field_millis {
            with_earlier_writes(&mut r, m);
        }
        let text = stored::encode_known(&r).expect("a record without newer fields");
        let as_view = stored::encode_record(&FieldView::from_record(&r));
        let json = |t: &str| serde_json::from_str::<serde_json::Value>(t).expect("JSON");
        prop_assert_eq!(json(&text), json(&as_view));
        prop_assert_eq!(stored::decode_record(&text).expect("reads back"), Item::Known(r));
    }

    #[test]
    fn a_first_write_of_a_typed_record_is_the_first_write_of_its_view(
        i in 0..demo_records().len(),
        millis in 0u64..4_000_000_000_000,
        now in 0u64..4_000_000_000_000,
        field_millis in prop::option::of(0u64..2_000_000_000_000),
    ) {
        let mut r = demo_records()[i].clone();
        if let Some(m) = field_millis {
            with_earlier_writes(&mut r, m);
        }
        let device = DeviceId::parse("laptop-b").expect("a valid device");
        let hlc = Hlc { millis, counter: 7 };
        let typed = apply_first_write(r.clone(), hlc, &device, now);
        let viewed = apply_edit(None, None, &FieldView::from_record(&r), hlc, &device, now);
        match (typed, viewed) {
            (Ok(t), Ok(Some(v))) => prop_assert_eq!(FieldView::from_record(&t), v),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (t, v) => prop_assert!(false, "typed {:?}, view {:?}", t, v),
        }
    }
}
