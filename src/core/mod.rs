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
pub mod delete;
pub mod demo;
pub mod economy;
pub mod exchange;
pub mod fmt_en;
pub mod fmt_sv;
pub mod goals;
pub mod ids;
pub mod locale;
pub mod meetings;
pub mod model;
pub mod order;
pub mod participants;
pub mod period;
pub mod record_text;
pub mod reports;
pub mod route;
pub mod stored;
pub mod validate;
pub mod value;
pub mod workspace;

#[cfg(test)]
pub(crate) mod testing;
