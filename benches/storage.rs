//! The browser's storage layout on the host, for BENCHMARKS.md: how long
//! it takes to group the synthetic förbund's records (`benches/synthetic`)
//! into buckets (what an import into an empty app encodes), to read every
//! bucket back into records (start-up, after IndexedDB), to build the
//! workspace from them, and to write one
//! record into its bucket (a form's save: read, decode the stored copy,
//! splice, encode) — with the size of a bucket.
//!
//! Run: `cargo bench --bench storage` (`BENCH_SIZES=10000,100000` to
//! choose). A plain harness that prints the median, min and max of several
//! runs as markdown; nothing passes or fails. IndexedDB itself is measured
//! in Chromium by `e2e/bench/synthetic.mjs`.

mod synthetic;

use maltavla::core::exchange::merge::FieldView;
use maltavla::core::stored::{self, bucket};
use maltavla::core::workspace::Workspace;
use std::collections::BTreeMap;
use std::time::Instant;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> [f64; 3] {
    time_after(runs, || (), |()| f())
}

/// [`time`] of `f` alone, on what an untimed `setup` makes for each run.
fn time_after<I, T>(
    runs: usize,
    mut setup: impl FnMut() -> I,
    mut f: impl FnMut(I) -> T,
) -> [f64; 3] {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let input = setup();
            let start = Instant::now();
            let out = f(input);
            let took = start.elapsed().as_secs_f64() * 1000.0;
            drop(out);
            took
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    [ms[ms.len() / 2], ms[0], ms[ms.len() - 1]]
}

fn fmt(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// Every record in its bucket: `(key, text)` as an import stores them.
fn group(views: &[FieldView]) -> Vec<(String, String)> {
    let keys = bucket::buckets_of(views.iter().map(|v| v.meta.id.as_str()));
    let mut buckets = bucket::Buckets::read(&keys, vec![None; keys.len()]);
    for v in views {
        buckets.put(v).expect("read");
    }
    buckets.changed()
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    println!("| participations | records | step | median | min–max |");
    println!("|---:|---:|---|---:|---:|");
    for n in sizes {
        let runs = if n >= 1_000_000 { 3 } else { 7 };
        let views: Vec<FieldView> = synthetic::records(n)
            .iter()
            .map(FieldView::from_record)
            .collect();
        let stored = group(&views);
        let bytes: usize = stored.iter().map(|(_, t)| t.len()).sum();
        let largest = stored.iter().map(|(_, t)| t.len()).max().unwrap_or(0);
        let row = |step: &str, [median, min, max]: [f64; 3]| {
            println!(
                "| {n} | {} | {step} | {} | {}–{} |",
                views.len(),
                fmt(median),
                fmt(min),
                fmt(max)
            );
        };
        row(
            "group every record into buckets (an import into an empty app)",
            time(runs, || group(&views)),
        );
        row(
            "read every bucket back into records (start-up)",
            time(runs, || {
                stored::load(stored.iter().map(|(_, t)| t.clone()), [])
            }),
        );
        let loaded = stored::load(stored.iter().map(|(_, t)| t.clone()), []);
        row(
            "build the workspace from those records and start the clock (start-up)",
            time_after(
                runs,
                || loaded.records.clone(),
                |records| {
                    let ws = Workspace::from_items(records);
                    let hlc = ws.max_hlc();
                    (ws, hlc)
                },
            ),
        );
        // A participation edited in a form: its bucket read, the stored
        // copy decoded, the new copy spliced in and the bucket encoded.
        let by_key: BTreeMap<&str, &str> = stored
            .iter()
            .map(|(k, t)| (k.as_str(), t.as_str()))
            .collect();
        let edited = views.last().expect("records");
        let key = bucket::bucket_of(edited.meta.id.as_str());
        let text = by_key[key.as_str()].to_owned();
        row(
            "write one record into its bucket (a form's save)",
            time(runs.max(21), || {
                let keys = [key.clone()];
                let mut b = bucket::Buckets::read(&keys, vec![Some(text.clone())]);
                let _ = b.copy_for_write(edited.meta.id.as_str()).expect("readable");
                b.put(edited).expect("read");
                b.changed()
            }),
        );
        println!(
            "| {n} | {} | {} buckets, {:.1} MB in all, the largest {:.0} KB | | |",
            views.len(),
            stored.len(),
            bytes as f64 / 1e6,
            largest as f64 / 1024.0
        );
    }
}
