//! Chart drawing: plain data in, accessible SVG (and a data table) out.
//!
//! Guarantees: pure Rust on top of plotters' SVG backend, no browser APIs, so
//! the same code runs natively (tests) and in wasm. Output is deterministic
//! (same input → same bytes), never panics on odd input (empty, NaN, negative,
//! huge, very long text) and always yields a well-formed SVG with `role="img"`,
//! `<title>` and `<desc>`. All caller text is XML-escaped.

mod bullet;
mod canvas;
mod line;
mod line_labels;
mod scale;
mod spec;
mod svg_post;
mod table;
mod text;
mod theme;

#[cfg(test)]
mod bullet_tests;
#[cfg(test)]
mod golden;
#[cfg(test)]
mod line_tests;
#[cfg(test)]
mod test_support;

pub use bullet::{bullet_chart_outline, bullet_chart_svg};
pub use line::line_chart_svg;
pub use spec::{
    BulletChart, BulletRow, ChartText, DataTable, LineChart, LinePoint, Measure, Scale,
    StatusLevel, StatusMark,
};
pub use svg_post::standalone;
pub use table::{bullet_table, line_table};
