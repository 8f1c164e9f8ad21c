//! Participations as CSV on the host, for BENCHMARKS.md: export, read and
//! the import plan (every row checked against the stored ones) for 10 000
//! and 100 000 participations. (The flow report itself is timed on the
//! synthetic förbund by `benches/board.rs`.)
//!
//! Run: `cargo bench --bench flow` (`BENCH_SIZES=10000` to choose).
//! A plain harness that prints the median, min and max of several runs;
//! nothing passes or fails.

use maltavla::core::demo;
use maltavla::core::exchange::csv::participations::{export, plan_import, Mapping};
use maltavla::core::exchange::csv::{read_table, CsvFlavour};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{make_code, Meta, Participation, Record};
use maltavla::core::workspace::Workspace;
use std::collections::BTreeMap;
use std::time::Instant;

/// The demo with its participations copied until there are `n`, each copy
/// shifted by whole weeks so the years fill up.
fn workspace(n: usize) -> Workspace {
    let device = DeviceId::parse("bench").expect("valid");
    let base: Vec<Participation> = demo::records(Hlc::default(), &device)
        .into_iter()
        .filter_map(|r| match r {
            Record::Participation(p) => Some(p),
            _ => None,
        })
        .collect();
    let mut ws = Workspace::from_records(
        demo::records(Hlc::default(), &device)
            .into_iter()
            .filter(|r| !matches!(r, Record::Participation(_))),
    );
    for k in 0..n {
        let mut p = base[k % base.len()].clone();
        let shift = chrono::Days::new(7 * (k / base.len()) as u64 % 700);
        p.meta = Meta::new(
            RecordId::parse(&format!("b{k}")).expect("valid"),
            Hlc::default(),
            device.clone(),
        );
        p.code = make_code((k as u32).wrapping_mul(2_654_435_761));
        p.start = p.start + shift;
        p.end = p.end.map(|e| e + shift);
        ws.put(Record::Participation(p));
    }
    ws
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = f();
            let took = start.elapsed().as_secs_f64() * 1000.0;
            drop(out);
            took
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[0], ms[ms.len() - 1])
}

fn row(what: &str, n: usize, (median, min, max): (f64, f64, f64)) {
    println!("| {n} | {what} | {median:.1} ms | {min:.1}–{max:.1} ms |");
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    println!("| records | step | median | min–max |");
    println!("|---:|---|---:|---:|");
    for &n in &sizes {
        let ws = workspace(n);
        let runs = 5;
        let text = export(&ws, None, CsvFlavour::ExcelSv);
        row(
            "CSV export (Excel)",
            n,
            time(runs, || export(&ws, None, CsvFlavour::ExcelSv)),
        );
        row("CSV read", n, time(runs, || read_table(text.as_bytes())));
        let table = read_table(text.as_bytes()).expect("reads");
        let mapping = Mapping::guess(&table.header, &BTreeMap::new());
        let device = DeviceId::parse("x").expect("valid");
        row(
            "CSV import plan (every row unchanged)",
            n,
            time(runs, || {
                let mut k = 0u32;
                plan_import(
                    &ws,
                    &table,
                    &mapping,
                    None,
                    &mut || {
                        k += 1;
                        Meta::new(
                            RecordId::parse(&format!("n{k}")).expect("valid"),
                            Hlc::default(),
                            device.clone(),
                        )
                    },
                    &mut || make_code(0),
                )
            }),
        );
    }
}
