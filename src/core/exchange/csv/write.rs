//! Writing CSV files that open right where they are going: in Swedish
//! Excel by double-click, or in any other program.
//!
//! Guarantees: "Excel (svensk)" starts with a byte order mark (so å, ä and
//! ö survive), separates with `;`, writes decimal commas and ends lines
//! with CRLF; plain CSV uses `,`, decimal points and LF. Cells are quoted
//! when they need it, and a text cell that a spreadsheet could take for a
//! formula — one starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return (OWASP's list), after any apostrophes — gets one more leading
//! apostrophe, so a spreadsheet never runs it. The reader
//! ([`super::read::read_table`]) removes exactly that apostrophe again
//! ([`unguard`]), so every text cell reads back as written: `=Ung i Nynäs`
//! and `-Projekt` survive export and import. Numbers (`Count`, `Decimal`)
//! are not text and are never guarded: `-2,5` stays a number.

/// The two kinds of file a user can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFlavour {
    /// Excel (svensk): BOM, `;`, decimal comma, CRLF.
    ExcelSv,
    /// Plain CSV: `,`, decimal point, LF.
    Plain,
}

impl CsvFlavour {
    fn separator(self) -> u8 {
        match self {
            CsvFlavour::ExcelSv => b';',
            CsvFlavour::Plain => b',',
        }
    }

    /// The short name used in file names and settings.
    pub fn key(self) -> &'static str {
        match self {
            CsvFlavour::ExcelSv => "excel",
            CsvFlavour::Plain => "csv",
        }
    }
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, written as is (quoted when needed).
    Text(String),
    /// A whole number.
    Count(u64),
    /// A number with decimals, written with the flavour's decimal mark.
    Decimal(f64),
    /// Nothing.
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

/// The first characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The apostrophe put in front of a cell that would run as a formula.
const GUARD: char = '\'';

/// Whether a text cell needs the guard: it starts with a formula character,
/// after any apostrophes (so that a text that itself starts with `'=` gets
/// one more, and the reader's removal of one gives it back exactly).
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches(GUARD).starts_with(FORMULA_START)
}

/// The text of a cell read from a file, without the apostrophe the writer
/// puts in front of a formula: exactly the inverse of the guard, so a
/// hand-written `'abc` is left alone.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix(GUARD) {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

impl Cell {
    /// The cell's text in `flavour`.
    fn text(&self, flavour: CsvFlavour) -> String {
        match self {
            Cell::Text(s) if needs_guard(s) => format!("{GUARD}{s}"),
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Decimal(x) => {
                let s = format!("{}", (x * 10.0).round() / 10.0);
                match flavour {
                    CsvFlavour::ExcelSv => s.replace('.', ","),
                    CsvFlavour::Plain => s,
                }
            }
            Cell::Empty => String::new(),
        }
    }
}

/// A whole file: the header and the rows.
pub fn write_table(flavour: CsvFlavour, header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(flavour.separator())
        .terminator(match flavour {
            CsvFlavour::ExcelSv => ::csv::Terminator::CRLF,
            CsvFlavour::Plain => ::csv::Terminator::Any(b'\n'),
        })
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|c| c.text(flavour)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let body = String::from_utf8(bytes).unwrap_or_default();
    match flavour {
        CsvFlavour::ExcelSv => format!("\u{FEFF}{body}"),
        CsvFlavour::Plain => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_files_have_a_bom_semicolons_and_decimal_commas() {
        let out = write_table(
            CsvFlavour::ExcelSv,
            &["Namn", "Andel"],
            &[vec!["Tyresö; Haninge".into(), Cell::Decimal(38.7)]],
        );
        assert_eq!(out, "\u{FEFF}Namn;Andel\r\n\"Tyresö; Haninge\";38,7\r\n");
    }

    #[test]
    fn plain_files_use_commas_and_points() {
        let out = write_table(
            CsvFlavour::Plain,
            &["a", "b", "c"],
            &[vec![Cell::Count(927), Cell::Decimal(43.0), Cell::Empty]],
        );
        assert_eq!(out, "a,b,c\n927,43,\n");
    }

    #[test]
    fn formulas_are_never_left_to_run() {
        let out = write_table(CsvFlavour::Plain, &["x"], &[vec!["=HYPERLINK(1)".into()]]);
        assert_eq!(out, "x\n'=HYPERLINK(1)\n");
    }

    #[test]
    fn a_leading_tab_or_carriage_return_is_guarded_like_an_equals_sign() {
        let out = write_table(
            CsvFlavour::Plain,
            &["x", "y", "z"],
            &[vec!["\t=1".into(), "\r=1".into(), "'=1".into()]],
        );
        assert_eq!(out, "x,y,z\n'\t=1,\"'\r=1\",''=1\n");
    }

    #[test]
    fn the_guard_comes_off_exactly_once_and_only_the_writers() {
        assert_eq!(unguard("'=SUMMA(A1)"), "=SUMMA(A1)");
        assert_eq!(unguard("''=1"), "'=1");
        assert_eq!(unguard("'\t"), "\t");
        assert_eq!(unguard("'abc"), "'abc", "a hand-typed apostrophe stays");
        assert_eq!(unguard("'"), "'");
        assert_eq!(unguard("=1"), "=1");
        for text in ["=a", "'=a", "''=a", "'a", "''a", "'", "", "-1", "@x"] {
            let written = Cell::from(text).text(CsvFlavour::Plain);
            assert_eq!(unguard(&written), text, "{written:?}");
        }
    }

    #[test]
    fn numbers_are_never_guarded() {
        assert_eq!(Cell::Decimal(-2.5).text(CsvFlavour::ExcelSv), "-2,5");
        assert_eq!(Cell::Decimal(-2.5).text(CsvFlavour::Plain), "-2.5");
    }

    #[test]
    fn what_is_written_reads_back() {
        let rows = vec![vec![
            Cell::from("rad\nbrytning"),
            Cell::from("\"citat\""),
            Cell::Decimal(1.5),
        ]];
        for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
            let out = write_table(flavour, &["a", "b", "c"], &rows);
            let t = super::super::read::read_table(out.as_bytes()).unwrap();
            assert_eq!(t.rows[0].cells[0], "rad\nbrytning");
            assert_eq!(t.rows[0].cells[1], "\"citat\"");
            assert_eq!(t.dialect.decimal_comma, flavour == CsvFlavour::ExcelSv);
        }
    }
}
