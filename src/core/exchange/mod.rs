//! Exchange: everything that crosses the edge of one laptop — snapshot
//! files, the merge that brings two copies together, CSV files from
//! spreadsheets, the shared WebDAV folder and a published URL — and the
//! names and sizes of the files themselves.
//!
//! Guarantees: every byte that arrives is checked here, before any of it
//! reaches the workspace; a refused file changes nothing.

pub mod csv;
pub mod file_name;
pub mod file_size;
pub mod merge;
pub mod snapshot;
pub mod sync;
