//! The dashboard on the host, for BENCHMARKS.md: how long the board
//! (every target of a year with its outcome, computed figures protected,
//! the figures without a target), its two charts drawn to SVG, and the
//! participant flow with all its breakdowns take for the synthetic förbund
//! (`benches/synthetic`) with 10 000, 100 000 and 1 000 000
//! participations — and how the time grows with the number of records.
//!
//! Run: `cargo bench --bench board` (`BENCH_SIZES=10000,100000` to choose).
//! A plain harness that prints the median, min and max of several runs as
//! markdown; nothing passes or fails.

mod synthetic;

use maltavla::core::chart::bullet_chart_svg;
use maltavla::core::chart_specs::{board_chart, ChartWords};
use maltavla::core::goals::{protected_goal_rows, untargeted_outcomes, Focus};
use maltavla::core::model::Scope;
use maltavla::core::participants::flow_report;
use maltavla::core::period::Period;
use maltavla::core::value::Unit;
use std::time::Instant;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> [f64; 3] {
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

fn words() -> ChartWords {
    ChartWords {
        target: "Mål".into(),
        outcome: "Utfall".into(),
        status: "Status".into(),
        empty: "Inga värden".into(),
        indicator: "Indikator".into(),
        period: "Period".into(),
        statuses: [
            "Uppnått".into(),
            "Nära".into(),
            "Efter".into(),
            "Ännu inte känt".into(),
        ],
        describe: |label, outcome, target, status| match status {
            Some(status) => format!("{label}: utfall {outcome}, mål {target}, {status}."),
            None => format!("{label}: utfall {outcome}, mål {target}."),
        },
        forecast: "Prognos".into(),
        numbers: maltavla::core::locale::Locale::Sv,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let year = Period::year(synthetic::BOARD_YEAR).expect("valid");
    let words = words();
    let steps = [
        "board: every target of the year, outcomes, status, protection, untargeted figures",
        "board charts: the two bullet charts built and drawn to SVG",
        "flow report, whole förbund (7 measures, 4 breakdowns, protected)",
        "flow report, one insats",
    ];
    let mut results: Vec<(usize, Vec<[f64; 3]>)> = Vec::new();
    println!("| records | step | median | min–max |");
    println!("|---:|---|---:|---:|");
    for &n in &sizes {
        let ws = synthetic::workspace(n);
        let runs = if n >= 1_000_000 { 3 } else { 5 };
        let rows = protected_goal_rows(&ws, &year, &Focus::All, 3);
        let board = time(runs, || {
            (
                protected_goal_rows(&ws, &year, &Focus::All, 3),
                untargeted_outcomes(&ws, &year, &Focus::All),
            )
        });
        let charts = time(runs, || {
            [Unit::Count, Unit::Percent].map(|unit| {
                let chart = board_chart(&ws, &rows, unit, "Mål 2020".into(), "board", &words);
                bullet_chart_svg(&chart)
            })
        });
        let flow = time(runs, || flow_report(&ws, &Scope::Forbund, &year, 3));
        let one = Scope::Insats(synthetic::insats_id(0));
        let flow_one = time(runs, || flow_report(&ws, &one, &year, 3));
        let figures = vec![board, charts, flow, flow_one];
        for (step, [median, min, max]) in steps.iter().zip(&figures) {
            println!(
                "| {n} | {step} | {} | {}–{} |",
                fmt(*median),
                fmt(*min),
                fmt(*max)
            );
        }
        results.push((n, figures));
        if n == sizes[0] {
            let shown = rows
                .iter()
                .filter(|r| r.indicator.computed.is_some())
                .count();
            eprintln!(
                "board for {}: {} rows ({} computed from participations)",
                synthetic::BOARD_YEAR,
                rows.len(),
                shown
            );
        }
    }
    // How the time grows: ×10 records should be ×10 time or less.
    if results.len() > 1 {
        println!();
        println!("| step | {} |", growth_header(&results));
        println!("|---|{}", "---:|".repeat(results.len() - 1));
        for (i, step) in steps.iter().enumerate() {
            let cells: Vec<String> = results
                .windows(2)
                .map(|w| {
                    let (a, b) = (w[0].1[i][0], w[1].1[i][0]);
                    let records = w[1].0 as f64 / w[0].0 as f64;
                    format!("×{:.1} (records ×{records:.0})", b / a)
                })
                .collect();
            println!("| {step} | {} |", cells.join(" | "));
        }
    }
}

fn growth_header(results: &[(usize, Vec<[f64; 3]>)]) -> String {
    results
        .windows(2)
        .map(|w| format!("{} → {}", w[0].0, w[1].0))
        .collect::<Vec<_>>()
        .join(" | ")
}
