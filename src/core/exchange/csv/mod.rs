//! CSV files in and out, in the two forms a förbund meets: Swedish Excel
//! (byte order mark, `;`, decimal comma) and plain CSV (`,`, decimal point).
//!
//! Guarantees: reading never stores anything — it gives a table, and the
//! import planners turn a table into a plan the user confirms; a file that
//! holds a personal identity number is refused whole; a text cell that a
//! spreadsheet would run as a formula is guarded on the way out and the
//! guard taken off on the way in, so every cell reads back as written.

pub mod budget;
pub mod figures;
pub mod mapping;
pub mod outcomes;
pub mod participations;
pub mod read;
pub mod write;

pub use read::{
    read_table, read_table_checked, CsvError, Dialect, Encoding, NumberCheck, Row, Table, MAX_ROWS,
};
pub use write::{write_table, Cell, CsvFlavour};
