//! Writes the synthetic förbund of the benchmarks (`benches/synthetic`) as
//! snapshot files, for the benchmarks that run in Chromium.
//!
//! Run: `cargo run --profile bench --example bench_data -- DIR N [N ...]`;
//! writes `DIR/synthetic-N.json` for each N (participations), unless a file
//! of that name is already there.

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

use maltavla::core::exchange::snapshot::{export, ExportInfo, Part};
use maltavla::core::ids::DeviceId;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: bench_data DIR N [N ...]");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("bench_data: {}: {e}", dir.display());
        std::process::exit(1);
    }
    for n in args.filter_map(|a| a.parse::<usize>().ok()) {
        let path = dir.join(format!("synthetic-{n}.json"));
        if path.exists() {
            eprintln!("{} is there", path.display());
            continue;
        }
        let ws = synthetic::workspace(n);
        let info = ExportInfo {
            millis: 1_735_689_600_000,
            device: DeviceId::parse("bench").expect("valid"),
        };
        let text = export(&ws, &Part::All, &info);
        let part = path.with_extension("part");
        if let Err(e) = std::fs::write(&part, &text).and_then(|()| std::fs::rename(&part, &path)) {
            eprintln!("bench_data: {}: {e}", path.display());
            std::process::exit(1);
        }
        eprintln!(
            "{}: {} records, {:.1} MB",
            path.display(),
            ws.records().len(),
            text.len() as f64 / 1e6
        );
    }
}
