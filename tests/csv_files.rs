#![cfg(not(target_arch = "wasm32"))]
//! CSV files on disk as people send them, good and bad: each is read and
//! planned as the import page does, and must give exactly the expected
//! report — never a panic, never a half-applied file.

use maltavla::core::demo;
use maltavla::core::exchange::csv::mapping::MappingProblem;
use maltavla::core::exchange::csv::participations::{
    plan_import, Column, Mapping, ParticipationPlan,
};
use maltavla::core::exchange::csv::{read_table, CsvError, Encoding, MAX_ROWS};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{make_code, Meta};
use maltavla::core::validate::{Field, Problem};
use maltavla::core::workspace::Workspace;
use std::collections::BTreeMap;
use std::path::Path;

fn bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn plan(ws: &Workspace, name: &str) -> Result<ParticipationPlan, Vec<MappingProblem<Column>>> {
    let table = read_table(&bytes(name)).expect("the file reads");
    let mapping = Mapping::guess(&table.header, &BTreeMap::new());
    let mut n = 0u32;
    let mut new_meta = || {
        n += 1;
        Meta::new(
            RecordId::parse(&format!("new-{n}")).expect("an id"),
            Hlc::default(),
            DeviceId::parse("t").expect("a device"),
        )
    };
    let mut c = 0u32;
    let mut new_code = || {
        c += 1;
        make_code(c.wrapping_mul(40_503).wrapping_add(7))
    };
    plan_import(ws, &table, &mapping, None, &mut new_meta, &mut new_code)
}

#[test]
fn an_impossible_date_is_named_by_its_line() {
    let ws = demo::workspace();
    let p = plan(&ws, "impossible-date.csv").expect("the columns are there");
    assert_eq!(p.added.len(), 1);
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(p.rejected[0].line, 3);
    assert_eq!(
        p.rejected[0].errors.at(Field::Start),
        Some(&Problem::InvalidDate)
    );
    assert!(!p.can_apply());
}

#[test]
fn old_excel_files_in_windows_1252_read_right() {
    let table = read_table(&bytes("windows-1252.csv")).expect("reads");
    assert_eq!(table.dialect.encoding, Encoding::Windows1252);
    assert_eq!(table.header[1], "Kön");
    let p = plan(&demo::workspace(), "windows-1252.csv").expect("columns");
    assert_eq!((p.added.len(), p.rejected.len()), (1, 0));
}

#[test]
fn a_file_in_another_encoding_or_format_is_refused() {
    assert_eq!(read_table(&bytes("utf-16.csv")), Err(CsvError::NotText));
    assert_eq!(
        read_table(&bytes("xlsx-renamed.csv")),
        Err(CsvError::NotText)
    );
    assert_eq!(read_table(&bytes("header-only.csv")), Err(CsvError::NoRows));
}

#[test]
fn missing_columns_are_named_before_any_row() {
    let err = plan(&demo::workspace(), "missing-columns.csv").expect_err("columns missing");
    assert_eq!(
        err,
        [
            MappingProblem::Missing(Column::Gender),
            MappingProblem::Missing(Column::Referrer),
            MappingProblem::Missing(Column::Start)
        ]
    );
}

#[test]
fn quotes_and_line_breaks_inside_cells_keep_rows_and_lines_apart() {
    let table = read_table(&bytes("quotes-and-newlines.csv")).expect("reads");
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[1].cells[4], "Studier\r\n(enligt handläggare)");
    assert_eq!(table.rows[2].line, 5, "the line after the two-line cell");
    let p = plan(&demo::workspace(), "quotes-and-newlines.csv").expect("columns");
    assert_eq!(p.added.len(), 2, "{:?}", p.rejected);
    // A two-line end status is no status (and one needs an end date).
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(p.rejected[0].line, 3);
    assert_eq!(
        p.rejected[0].errors.at(Field::EndStatus),
        Some(&Problem::UnknownReference)
    );
    assert_eq!(p.rejected[0].errors.0.len(), 1);
    assert!(p.added.iter().all(|a| a.end_status.is_none()));
    assert_eq!(p.added[1].start.to_string(), "2017-03-03");
}

#[test]
fn a_formula_is_never_a_code() {
    let p = plan(&demo::workspace(), "formula.csv").expect("columns");
    assert_eq!(p.rejected.len(), 1);
    assert_eq!(
        p.rejected[0].errors.at(Field::Code),
        Some(&Problem::InvalidCode)
    );
}

#[test]
fn a_personal_number_in_any_cell_refuses_the_whole_file() {
    assert_eq!(
        read_table(&bytes("personal-number.csv")),
        Err(CsvError::PersonalNumber {
            line: 3,
            column: 5,
            header: Some("Anteckning".into())
        })
    );
}

#[test]
fn a_million_rows_are_refused_without_reading_them_all() {
    let mut text = String::from("Kön;Anvisad av;Startdatum\n");
    for _ in 0..1_000_000 {
        text.push_str("K;AF;2017-01-02\n");
    }
    assert!(text.len() < maltavla::core::exchange::csv::read::MAX_FILE_BYTES);
    assert_eq!(read_table(text.as_bytes()), Err(CsvError::TooManyRows));
    const { assert!(MAX_ROWS < 1_000_000) };
}
