//! The thin browser shell: the only code that talks to IndexedDB,
//! localStorage, the clock, the random number generator, the network and
//! the service worker.
//!
//! Guarantees: every function returns an error value instead of panicking
//! or showing anything; the UI decides what to tell the user. Nothing here
//! knows business rules: records arrive already encoded by the core.

pub mod clipboard;
pub mod clock;
pub mod files;
pub mod fullscreen;
pub mod history;
pub mod http;
pub mod idb;
pub mod perf;
pub mod settings;
pub mod slices;
pub mod storage;
pub mod tabs;
pub mod visibility;
pub mod worker;
