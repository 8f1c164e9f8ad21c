//! Snapshot export, reading and merge on the host, for BENCHMARKS.md.
//!
//! Run: `cargo bench --bench snapshot` (`BENCH_RECORDS=10000` for a quick
//! run). A plain harness that prints the median, min and max of several
//! runs; nothing passes or fails.
//!
//! The data: the demo workspace plus N monthly outcomes (ten years, fifty
//! insatser, many indicators); two laptops then each edit a different 5 %
//! of them, and 1 % the same ones (conflicts).

use maltavla::core::demo;
use maltavla::core::exchange::merge::apply_edit;
use maltavla::core::exchange::snapshot::{export, plan_import, read, ExportInfo, Part};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{Meta, Outcome, OutcomeSource, Record, Scope};
use maltavla::core::period::Period;
use maltavla::core::value::{Count, FigureValue};
use maltavla::core::workspace::Workspace;
use std::time::Instant;

const NOW: u64 = 1_795_428_900_000;

fn id(s: &str) -> RecordId {
    RecordId::parse(s).expect("valid id")
}

fn base(n: usize) -> Workspace {
    let mut ws = demo::workspace();
    let indicator = ws.indicators_by_name()[0].meta.id.clone();
    let insatser: Vec<RecordId> = ws
        .insatser_by_name()
        .iter()
        .map(|i| i.meta.id.clone())
        .collect();
    let device = DeviceId::parse("seed").expect("valid");
    for k in 0..n {
        let month = u32::try_from(k % 120).unwrap_or(0);
        let period =
            Period::month(2015 + (month / 12) as i32, month % 12 + 1).expect("valid month");
        let outcome = Outcome {
            meta: Meta::new(
                id(&format!("o{k}")),
                Hlc {
                    millis: NOW - 10_000_000 + k as u64,
                    counter: 0,
                },
                device.clone(),
            ),
            indicator: indicator.clone(),
            scope: Scope::Insats(insatser[k % insatser.len()].clone()),
            period,
            breakdown: None,
            value: FigureValue::Count(Count::saturating((k % 97) as u64)),
            reported_on: None,
            source: OutcomeSource::default(),
            note: String::new(),
        };
        ws.put(Record::Outcome(outcome));
    }
    ws
}

/// One laptop's edits: the note of every record whose number falls in
/// `range` of each hundred.
fn edited(
    ws: &Workspace,
    n: usize,
    range: std::ops::Range<usize>,
    device: &str,
    at: u64,
) -> Workspace {
    let mut out = ws.clone();
    let device = DeviceId::parse(device).expect("valid");
    for k in (0..n).filter(|k| range.contains(&(k % 100))) {
        let Some(view) = out.view(&id(&format!("o{k}"))) else {
            continue;
        };
        let mut new = view.clone();
        new.set_value("note", serde_json::Value::String(format!("{device} {k}")));
        let hlc = Hlc {
            millis: at + k as u64,
            counter: 0,
        };
        if let Ok(Some(v)) = apply_edit(Some(&view), Some(&view), &new, hlc, &device, hlc.millis) {
            out.put_view(v).expect("valid");
        }
    }
    out
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        // Dropping the previous run's result is not part of this run.
        last = Some(out);
    }
    times.sort_by(f64::total_cmp);
    (
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        last.expect("ran"),
    )
}

fn main() {
    let n: usize = std::env::var("BENCH_RECORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(110_000);
    let runs = 5;
    let info = ExportInfo {
        millis: NOW,
        device: DeviceId::parse("bench").expect("valid"),
    };
    let start = base(n);
    let a = edited(&start, n, 0..6, "laptop-a", NOW - 5_000_000);
    let b = edited(&start, n, 5..11, "laptop-b", NOW - 4_000_000);
    let file_b = export(&b, &Part::All, &info);
    println!(
        "records: {} ; file: {:.1} MB",
        b.records().len(),
        file_b.len() as f64 / 1e6
    );
    let row = |name: &str, (med, min, max): (f64, f64, f64)| {
        println!("| {name} | {med:.0} ms | {min:.0}–{max:.0} ms |");
    };
    println!("| step | median | min–max |\n|---|---:|---:|");
    let (med, min, max, _) = time(runs, || export(&a, &Part::All, &info));
    row("export (serialise)", (med, min, max));
    let (med, min, max, _) = time(runs, || {
        serde_json::from_str::<serde_json::Value>(&file_b).expect("json")
    });
    row("serde_json::Value parse alone (reference)", (med, min, max));
    let (med, min, max, incoming) = time(runs, || read(&file_b, NOW).expect("reads"));
    row("read: parse + validate", (med, min, max));
    let (med, min, max, plan) = time(runs, || plan_import(&a, &incoming).expect("plans"));
    row("merge: plan import into the other laptop", (med, min, max));
    let (med, min, max, _) = time(runs, || {
        let mut ws = a.clone();
        for v in plan.writes.clone() {
            ws.put_view(v).expect("valid");
        }
        ws
    });
    row("apply the merged records in memory", (med, min, max));
    println!(
        "plan: {} changed, {} conflicts, {} unchanged",
        plan.changed.len(),
        plan.conflicts.len(),
        plan.unchanged
    );
}
