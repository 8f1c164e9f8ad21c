//! The pure core: everything Måltavla knows about goals, outcomes, periods
//! and numbers, with no browser in sight.
//!
//! Guarantees: nothing here uses Leptos, web-sys, js-sys or wasm-bindgen (a
//! test checks the sources), so every rule is tested natively with
//! `cargo test`; time, device ids and randomness come in as arguments; no
//! function panics on untrusted input.

pub mod chart;
pub mod chart_specs;
pub mod clock;
pub mod codes;
pub mod csv;
pub mod delete;
pub mod demo;
pub mod file_name;
pub mod file_size;
pub mod first_steps;
pub mod flow;
pub mod fmt_sv;
pub mod goal;
pub mod ids;
pub mod meetings;
pub mod merge;
pub mod model;
pub mod newsletter;
pub mod order;
pub mod period;
pub mod pii;
pub mod record_text;
pub mod route;
pub mod slides;
pub mod slots;
pub mod snapshot;
pub mod stored;
pub mod sync;
pub mod validate;
pub mod value;
pub mod workspace;

#[cfg(test)]
pub(crate) mod testing;
