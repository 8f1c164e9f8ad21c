//! The workspace as views read it: one change signal per table.
//!
//! Guarantees: a view that reads through [`WorkspaceSignal::reading`] is
//! drawn again only when a write changes one of the tables it names; one
//! that reads through [`WorkspaceSignal::with`] follows every table (the
//! safe default wherever a view calls a computation that declares no
//! reads). Only `ui/state.rs` writes, and a write notifies exactly the
//! tables of the records it holds, so saving a comment leaves the
//! participants' tables, and a check-in the board, as they are.

use crate::core::workspace::{Tables, Workspace};
use leptos::prelude::*;

/// The workspace, with a change signal per table (see the module doc).
#[derive(Clone, Copy)]
pub struct WorkspaceSignal {
    data: StoredValue<Workspace>,
    changed: [Trigger; Tables::COUNT],
}

impl WorkspaceSignal {
    /// The workspace as loaded.
    pub fn new(ws: Workspace) -> WorkspaceSignal {
        WorkspaceSignal {
            data: StoredValue::new(ws),
            changed: std::array::from_fn(|_| Trigger::new()),
        }
    }

    /// Makes the running view follow the changes of `tables`. Not inlined:
    /// one copy for the hundred views that read, not one in each.
    #[inline(never)]
    pub fn track_tables(&self, tables: Tables) {
        for i in tables.positions() {
            if let Some(t) = self.changed.get(i) {
                t.track();
            }
        }
    }

    /// Makes the running view follow every change.
    pub fn track(&self) {
        self.track_tables(Tables::ALL);
    }

    /// Reads the workspace, following the changes of `tables` only: what
    /// `f` reads must lie in them (a computation's declared `READS`, or
    /// the tables whose fields it touches).
    pub fn reading<R>(&self, tables: Tables, f: impl FnOnce(&Workspace) -> R) -> R {
        self.track_tables(tables);
        self.data.with_value(f)
    }

    /// Reads the workspace, following every change.
    pub fn with<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.reading(Tables::ALL, f)
    }

    /// Reads the workspace without following it (event handlers, async
    /// work).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.data.with_value(f)
    }

    /// Changes the workspace and tells the views that read `changed` (the
    /// tables of every record `f` puts). For `ui/state.rs`, the one write
    /// path.
    pub(super) fn update(&self, changed: Tables, f: impl FnOnce(&mut Workspace)) {
        self.data.update_value(f);
        for i in changed.positions() {
            if let Some(t) = self.changed.get(i) {
                t.notify();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Record;
    use crate::core::testing::ws_with_municipality;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// A memo that follows `reads` and counts how often it runs (it counts
    /// two tables whatever it follows, to show which writes reach it).
    fn counted(ws: WorkspaceSignal, reads: Tables) -> (Memo<usize>, Arc<AtomicUsize>) {
        let runs = Arc::new(AtomicUsize::new(0));
        let counter = runs.clone();
        let memo = Memo::new(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
            ws.reading(reads, |w| {
                w.municipalities.live_count() + w.meetings.live_count()
            })
        });
        (memo, runs)
    }

    fn municipality(id: &str) -> Record {
        ws_with_municipality(id, "Tyresö").records().remove(0)
    }

    #[test]
    fn a_write_reruns_the_views_of_its_table_and_no_other() {
        let owner = Owner::new();
        owner.with(|| {
            let ws = WorkspaceSignal::new(Workspace::default());
            let (names, name_runs) = counted(ws, Tables::MUNICIPALITIES);
            let (arrivals, arrival_runs) = counted(ws, Tables::ARRIVALS);
            let (all, all_runs) = counted(ws, Tables::ALL);
            assert_eq!((names.get(), arrivals.get(), all.get()), (0, 0, 0));
            ws.update(Tables::MUNICIPALITIES, |w| {
                w.put(municipality("m1"));
            });
            assert_eq!(names.get(), 1);
            assert_eq!(all.get(), 1);
            // Not run again: the write touched no table it reads (so it
            // still shows the count from before, which is what it reads).
            assert_eq!(arrivals.get(), 0);
            assert_eq!(name_runs.load(Ordering::Relaxed), 2);
            assert_eq!(all_runs.load(Ordering::Relaxed), 2);
            assert_eq!(arrival_runs.load(Ordering::Relaxed), 1);
            ws.update(Tables::ARRIVALS, |_| {});
            assert_eq!(arrivals.get(), 1);
            assert_eq!(names.get(), 1);
            assert_eq!(name_runs.load(Ordering::Relaxed), 2);
            assert_eq!(arrival_runs.load(Ordering::Relaxed), 2);
            assert_eq!(all_runs.load(Ordering::Relaxed), 2);
            assert_eq!(all.get(), 1);
            assert_eq!(all_runs.load(Ordering::Relaxed), 3);
        });
    }
}
