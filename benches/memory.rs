//! Where the memory of a large snapshot import goes, on the host: the bytes
//! allocated by each step of importing the synthetic förbund
//! (`benches/synthetic`) into an empty workspace, the way the "Dela data"
//! page does it — the file text, the checked records, the import plan (the
//! merged copies to store, as field views), and the workspace after it.
//!
//! Run: `cargo bench --bench memory` (`BENCH_SIZES=100000` to choose).
//! Counts what the program asks the allocator for (live bytes and their
//! peak), so it says what each structure costs, not what a browser's
//! process shows. Native pointers are 8 bytes and wasm32's 4, so the app
//! in the browser needs somewhat less for the same structures.

mod synthetic;

use maltavla::core::exchange::snapshot::{
    export, plan_import_consuming, read, ExportInfo, ImportPlan, Part,
};
use maltavla::core::ids::DeviceId;
use maltavla::core::workspace::Workspace;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged and only
// counts the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn reset_peak() {
    PEAK.store(live(), Ordering::Relaxed);
}

fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    println!("| records | what is held | live | peak while making it |");
    println!("|---:|---|---:|---:|");
    for n in sizes {
        let zero = live();
        let text = {
            let ws = synthetic::workspace(n);
            let info = ExportInfo {
                millis: 1_735_689_600_000,
                device: DeviceId::parse("bench").expect("valid"),
            };
            export(&ws, &Part::All, &info)
        };
        let base = live() - zero;
        let row = |what: &str, live: usize, peak: usize| {
            println!("| {n} | {what} | {} | {} |", mb(live), mb(peak));
        };
        row("the file text", base, base);
        reset_peak();
        let incoming = read(&text, 1_735_689_600_000).expect("reads");
        let after_read = live() - zero;
        row(
            "+ the checked records (`snapshot::read`)",
            after_read - base,
            peak() - zero - base,
        );
        // The app drops the text before planning, and each checked record
        // once it is planned (`plan_import_consuming`).
        drop(text);
        reset_peak();
        let empty = Workspace::default();
        let plan = plan_import_consuming(&empty, incoming.items, None).expect("plans");
        let after_plan = live() - zero;
        row(
            "the import plan in place of the checked records: merged copies as field views, the preview's lists (`plan_import_consuming`)",
            after_plan,
            peak() - zero,
        );
        let ImportPlan {
            writes,
            added,
            changed,
            deleted,
            conflicts,
            ..
        } = plan;
        drop((added, changed, deleted, conflicts));
        let mut ws = Workspace::default();
        for v in writes {
            ws.put_view(v).expect("valid");
        }
        let kept = live() - zero;
        row(
            "the workspace after the import (what the app keeps), alone",
            kept,
            kept,
        );
        drop(ws);
    }
}
