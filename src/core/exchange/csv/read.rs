//! Reading a CSV file as people save them: from Swedish Excel (semicolons,
//! decimal comma, UTF-8 with a byte order mark, or Windows-1252 from the
//! older "CSV (semikolonavgränsad)" choice) or from other programs (commas,
//! decimal point).
//!
//! Guarantees: any bytes give either a table or a [`CsvError`] that says
//! what is wrong; every row keeps the line number it starts on in the
//! file, so a report can point at it; a file with a cell that looks like a
//! personal identity number is refused as a whole, with the line and
//! column, before any of it is used. The apostrophe the writer puts in
//! front of a cell that would run as a formula is taken off again
//! ([`super::write::unguard`]), so what this app writes reads back as it
//! was.

use super::write::unguard;
use crate::core::validate::pii::{contains_personal_number, lost_leading_zero};

/// The largest file read (a förbund's participations for many years fit
/// many times over).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most rows read.
pub const MAX_ROWS: usize = 200_000;

/// How a file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// The cell separator: `;`, `,` or tab.
    pub separator: u8,
    /// Whether numbers use a decimal comma (Swedish Excel).
    pub decimal_comma: bool,
    /// How the bytes were decoded.
    pub encoding: Encoding,
}

/// The character encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-8 without one.
    Utf8,
    /// Windows-1252 (Excel's older "CSV (semikolonavgränsad)").
    Windows1252,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// The cells, trimmed; as many as the header has (missing ones empty).
    pub cells: Vec<String>,
}

/// A file read into a header and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// How it was written.
    pub dialect: Dialect,
    /// The column names of the first row.
    pub header: Vec<String>,
    /// The rows after it, blank rows left out.
    pub rows: Vec<Row>,
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// The file has no rows at all.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// More than [`MAX_ROWS`] rows.
    TooManyRows,
    /// Only a header and no rows under it.
    NoRows,
    /// Not CSV at all (a spreadsheet's .xlsx, a PDF, an image).
    NotText,
    /// A cell looks like a personal identity or coordination number.
    PersonalNumber {
        line: u64,
        /// The column (1 is the first).
        column: usize,
        /// The column's name in the header row (none when the number is in
        /// the header row itself, or the header is shorter).
        header: Option<String>,
    },
}

/// Which personal numbers the cells of a file are searched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberCheck {
    /// Every written form ([`contains_personal_number`]), and a cell of
    /// nine digits alone read as the ten-digit form whose leading zero a
    /// spreadsheet dropped ([`lost_leading_zero`]): for files that hold no
    /// legitimate nine-digit number (participations), and the default.
    Strict,
    /// Every written form only: for files whose cells may be amounts in
    /// kronor (outcomes), where nine digits are a sum, not a person.
    Written,
}

impl NumberCheck {
    /// Whether `cell` holds a personal number under this check.
    fn finds(self, cell: &str) -> bool {
        contains_personal_number(cell) || (self == NumberCheck::Strict && lost_leading_zero(cell))
    }
}

/// Windows-1252's characters for bytes 0x80–0x9F (0 where undefined).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Decodes the bytes: UTF-8 (a byte order mark dropped) or, when they are
/// not UTF-8, Windows-1252.
fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), Encoding::Utf8),
        Err(_) => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => char::from_u32(u32::from(CP1252_HIGH[usize::from(b - 0x80)]))
                        .filter(|c| *c != '\0')
                        .unwrap_or('\u{FFFD}'),
                    _ => char::from(b),
                })
                .collect();
            (text, Encoding::Windows1252)
        }
    }
}

/// The separator of the first line: the most frequent of `;`, tab and `,`
/// outside quotes (`;` when none is there: a one-column file).
fn sniff_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b'\t', b','][best]
}

/// Reads a CSV file, refusing it if any cell holds a personal number in
/// any form ([`NumberCheck::Strict`]).
pub fn read_table(bytes: &[u8]) -> Result<Table, CsvError> {
    read_table_checked(bytes, NumberCheck::Strict)
}

/// Reads a CSV file, refusing it if any cell holds a personal number
/// under `check`.
pub fn read_table_checked(bytes: &[u8], check: NumberCheck) -> Result<Table, CsvError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(CsvError::TooLarge);
    }
    if bytes.contains(&0) {
        return Err(CsvError::NotText);
    }
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let separator = sniff_separator(&text);
    let dialect = Dialect {
        separator,
        decimal_comma: separator != b',',
        encoding,
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    // The reader's own line count skips blank lines, so lines are counted
    // here from the byte where each record starts.
    let (mut counted_to, mut line) = (0usize, 1u64);
    // The text is valid UTF-8, so the only error left is the end of an
    // unclosed quote, which the reader already ended the cell at.
    while let Ok(true) = reader.read_record(&mut record) {
        let start = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        // After a CR the reader's position is at the LF that follows it.
        let start = start
            + text.as_bytes().get(start..).map_or(0, |b| {
                b.iter().take_while(|&&c| c == b'\r' || c == b'\n').count()
            });
        let newlines = text
            .as_bytes()
            .get(counted_to..start)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        line += newlines as u64;
        counted_to = start.max(counted_to);
        // The formula guard comes off before the trim, as the writer put
        // it on before any leading space.
        let cells: Vec<String> = record
            .iter()
            .map(|c| unguard(c).trim().to_owned())
            .collect();
        if let Some(column) = cells.iter().position(|c| check.finds(c)) {
            return Err(CsvError::PersonalNumber {
                line,
                column: column + 1,
                header: header.as_ref().and_then(|h| h.get(column)).cloned(),
            });
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        match &header {
            None => header = Some(cells),
            Some(h) => {
                if rows.len() == MAX_ROWS {
                    return Err(CsvError::TooManyRows);
                }
                let mut cells = cells;
                cells.resize(h.len().max(cells.len()), String::new());
                rows.push(Row { line, cells });
            }
        }
    }
    let header = header.ok_or(CsvError::Empty)?;
    if rows.is_empty() {
        return Err(CsvError::NoRows);
    }
    Ok(Table {
        dialect,
        header,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_excel_with_bom_semicolons_and_quotes() {
        let bytes =
            "\u{FEFF}Kod;Kön;Anteckning\r\nK7F3Q9;Kvinna;\"a;b\"\r\n\r\n\"M4N\r\n2P8\";Man;\r\n"
                .as_bytes();
        let t = read_table(bytes).unwrap();
        assert_eq!(t.dialect.separator, b';');
        assert!(t.dialect.decimal_comma);
        assert_eq!(t.dialect.encoding, Encoding::Utf8Bom);
        assert_eq!(t.header, ["Kod", "Kön", "Anteckning"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].cells[2], "a;b");
        assert_eq!(t.rows[1].line, 4, "the blank line is skipped but counted");
    }

    #[test]
    fn plain_csv_with_commas() {
        let t = read_table(b"code,gender,value\nK7F3Q9,woman,1.5\nK7F3Q8,man").unwrap();
        assert_eq!(t.dialect.separator, b',');
        assert!(!t.dialect.decimal_comma);
        assert_eq!(
            t.rows[1].cells,
            ["K7F3Q8", "man", ""],
            "short rows are padded"
        );
    }

    #[test]
    fn windows_1252_from_old_excel() {
        let bytes = b"Kommun;K\xF6n\nTyres\xF6;Kvinna\n";
        let t = read_table(bytes).unwrap();
        assert_eq!(t.dialect.encoding, Encoding::Windows1252);
        assert_eq!(t.header[1], "Kön");
        assert_eq!(t.rows[0].cells[0], "Tyresö");
    }

    #[test]
    fn a_personal_number_anywhere_refuses_the_file() {
        let bytes = "Kod;Kommentar\nK7F3Q9;ok\nK7F3Q8;pnr 19850709-9805\n".as_bytes();
        assert_eq!(
            read_table(bytes),
            Err(CsvError::PersonalNumber {
                line: 3,
                column: 2,
                header: Some("Kommentar".into())
            })
        );
    }

    #[test]
    fn a_personal_number_in_the_header_row_is_named_by_its_column_only() {
        let bytes = "Kod;850709-9805\nK7F3Q9;ok\n".as_bytes();
        assert_eq!(
            read_table(bytes),
            Err(CsvError::PersonalNumber {
                line: 1,
                column: 2,
                header: None
            })
        );
    }

    #[test]
    fn nine_digits_alone_are_a_personal_number_only_under_the_strict_check() {
        // 050709-9802 with Excel's lost zero; and an amount that is none.
        let bytes = "Indikator;Utfall\nKostnad;507099802\nBudget;123456789\n".as_bytes();
        assert_eq!(
            read_table_checked(bytes, NumberCheck::Strict),
            Err(CsvError::PersonalNumber {
                line: 2,
                column: 2,
                header: Some("Utfall".into())
            })
        );
        let t = read_table_checked(bytes, NumberCheck::Written).unwrap();
        assert_eq!(t.rows[0].cells[1], "507099802");
        assert_eq!(
            read_table(bytes),
            read_table_checked(bytes, NumberCheck::Strict)
        );
    }

    #[test]
    fn an_en_dash_in_windows_1252_is_read_as_a_personal_numbers_separator() {
        let bytes = b"K\xf6n;Anteckning\nKvinna;850709\x969805\n";
        assert_eq!(
            read_table_checked(bytes, NumberCheck::Written),
            Err(CsvError::PersonalNumber {
                line: 2,
                column: 2,
                header: Some("Anteckning".into())
            })
        );
    }

    #[test]
    fn the_writers_formula_guard_comes_off() {
        let t = read_table(b"a;b\n'=1+1;'-Projekt\n'abc;''=x\n").unwrap();
        assert_eq!(t.rows[0].cells, ["=1+1", "-Projekt"]);
        assert_eq!(t.rows[1].cells, ["'abc", "'=x"]);
    }

    #[test]
    fn empty_binary_and_header_only_files_are_refused() {
        assert_eq!(read_table(b""), Err(CsvError::Empty));
        assert_eq!(read_table(b" \n\n"), Err(CsvError::Empty));
        assert_eq!(read_table(b"PK\x03\x04\x00\x00"), Err(CsvError::NotText));
        assert_eq!(read_table(b"Kod;K\xc3\xb6n\n"), Err(CsvError::NoRows));
    }

    #[test]
    fn an_unclosed_quote_ends_the_file_without_a_panic() {
        let t = read_table(b"a;b\n1;\"open\n2;3\n").unwrap();
        assert_eq!(t.rows.len(), 1);
    }
}
