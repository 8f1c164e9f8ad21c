#![cfg(not(target_arch = "wasm32"))]
//! The edges where a spreadsheet can lose or leak data (issue 18, items 2,
//! 6 and 8), tried adversarially: a narrower file must change no column it
//! does not hold, a name that looks like a formula must survive export and
//! import, and a personal number must be found however Excel wrote it.

use maltavla::core::demo;
use maltavla::core::exchange::csv::mapping::ImportPlan;
use maltavla::core::exchange::csv::participations::{export, plan_import, Column, Mapping};
use maltavla::core::exchange::csv::{read_table, write_table, Cell, CsvError, CsvFlavour, Table};
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{make_code, Meta, Participation, Record};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Plans the import of `text` as the import page does (mapping guessed
/// from the header).
fn plan(ws: &Workspace, text: &str) -> ImportPlan<Participation> {
    let table = read_table(text.as_bytes()).expect("the file reads");
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
        .expect("the needed columns are there")
}

// --- Item 8: formulas -------------------------------------------------

/// A workspace where the insats of the first participation is renamed
/// `name`.
fn with_insats_named(name: &str) -> Workspace {
    let mut ws = demo::workspace();
    let first = ws.participations.live().next().expect("a participation");
    let mut insats = ws.insatser.get(&first.insats).expect("its insats").clone();
    insats.name = name.to_owned();
    // A later stamp, as an edit gives it.
    insats.meta.fields.clear();
    insats.meta.stamp.hlc.millis += 1;
    assert!(ws.put(Record::Insats(insats)));
    ws
}

#[test]
fn names_that_look_like_formulas_survive_export_and_import() {
    for name in [
        "=Ung i Nynäs",
        "-Projekt",
        "+Plus",
        "@Haninge",
        "'=Citerad",
        "'Apostrof",
    ] {
        let ws = with_insats_named(name);
        for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
            let text = export(&ws, None, flavour);
            let p = plan(&ws, &text);
            assert!(
                p.rejected.is_empty(),
                "{name:?} in {flavour:?}: {:?}",
                p.rejected.first()
            );
            assert_eq!(
                (p.added.len(), p.changed.len()),
                (0, 0),
                "{name:?} in {flavour:?}"
            );
        }
    }
}

#[test]
fn a_leading_tab_or_carriage_return_is_guarded_in_the_file() {
    for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
        let out = write_table(
            flavour,
            &["a", "b"],
            &[vec!["\t=1+1".into(), "\r=1+1".into()]],
        );
        let body = out.trim_start_matches('\u{FEFF}');
        let line = body.split_once('\n').map_or("", |(_, rest)| rest);
        assert!(
            line.starts_with("'\t") && line.contains("\"'\r"),
            "{flavour:?}: {line:?}"
        );
    }
}

#[test]
fn a_negative_number_is_not_a_text_cell_and_gets_no_apostrophe() {
    let out = write_table(CsvFlavour::Plain, &["a"], &[vec![Cell::Decimal(-2.5)]]);
    assert_eq!(out, "a\n-2.5\n");
    let out = write_table(CsvFlavour::ExcelSv, &["a"], &[vec![Cell::Decimal(-2.5)]]);
    assert_eq!(out, "\u{FEFF}a\r\n-2,5\r\n");
}

proptest! {
    /// Any text written as a text cell reads back as the importers see it
    /// (trimmed at both ends, as every importer trims), in both flavours,
    /// whatever it starts with: `=`, `-`, a tab, apostrophes.
    #[test]
    fn any_text_cell_reads_back_equal_in_both_flavours(
        text in "['=+\\-@\t\r \u{a0}]{0,3}[a-zåäö '=+\\-@\t\r\n\";,]{0,10}",
        excel in any::<bool>(),
    ) {
        let flavour = if excel { CsvFlavour::ExcelSv } else { CsvFlavour::Plain };
        let out = write_table(flavour, &["id", "x"], &[vec![Cell::from("r"), Cell::from(text.as_str())]]);
        let t = read_table(out.as_bytes()).expect("reads");
        prop_assert_eq!(&t.rows[0].cells[1], text.trim());
    }

    /// Any text without surrounding spaces reads back exactly.
    #[test]
    fn any_trimmed_text_cell_reads_back_exactly(text in "\\PC{0,16}", excel in any::<bool>()) {
        let text = text.trim();
        prop_assume!(!text.contains('\0'));
        prop_assume!(!maltavla::core::validate::pii::contains_personal_number(text));
        let flavour = if excel { CsvFlavour::ExcelSv } else { CsvFlavour::Plain };
        let out = write_table(flavour, &["id", "x"], &[vec![Cell::from("r"), Cell::from(text)]]);
        let t = read_table(out.as_bytes()).expect("reads");
        prop_assert_eq!(t.rows[0].cells[1].as_str(), text);
    }
}

// --- Item 6: personal numbers as Excel writes them ---------------------

#[test]
fn an_en_dash_from_windows_1252_is_a_personal_number() {
    // Byte 0x96 is Windows-1252's en dash: "850709–9805".
    let bytes = b"K\xf6n;Anteckning\nKvinna;850709\x969805\n";
    let read = read_table(bytes).map(|_| ());
    assert!(
        matches!(
            read,
            Err(CsvError::PersonalNumber {
                line: 2,
                column: 2,
                ..
            })
        ),
        "{read:?}"
    );
}

/// A valid ten-digit personal number for a day: `YYMMDD` and three digits,
/// with its Luhn check digit.
fn ten_digits(yymmdd: &str, nnn: &str) -> String {
    let nine = format!("{yymmdd}{nnn}");
    let sum: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(d - b'0') * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    format!("{nine}{}", (10 - sum % 10) % 10)
}

#[test]
fn nine_digits_in_a_participations_file_are_a_personal_number_that_lost_its_zero() {
    // Born 2005: Excel turns 0507099802 into the number 507099802.
    let number = ten_digits("050709", "980");
    assert!(number.starts_with('0'));
    let nine = &number[1..];
    let text = format!("Kön;Anvisad av;Startdatum;Ärende\nKvinna;AF;2019-01-07;{nine}\n");
    let read = read_table(text.as_bytes()).map(|_| ());
    assert!(
        matches!(
            read,
            Err(CsvError::PersonalNumber {
                line: 2,
                column: 4,
                ..
            })
        ),
        "{read:?}"
    );
    // Nine digits that are no personal number with a zero in front pass.
    let text = "Kön;Anvisad av;Startdatum;Ärende\nKvinna;AF;2019-01-07;123456789\n";
    assert!(read_table(text.as_bytes()).is_ok());
}

/// A valid personal or coordination number, ten or twelve digits, with
/// one of the separators people and programs write between date and tail.
fn written_personal_number() -> impl Strategy<Value = String> {
    let separators = prop::sample::select(vec![
        "",
        "-",
        "+",
        " ",
        "\u{2013}",
        "\u{2014}",
        "\u{2212}",
        "\u{2011}",
        "\u{2010}",
        "\u{a0}",
        "\u{202f}",
        "\u{2009}",
        "\t",
        " - ",
        " \u{2013} ",
        "- ",
        " -",
        "\u{a0}\u{2013}\u{a0}",
    ]);
    (
        0u32..100,
        1u32..=12,
        1u32..=28,
        any::<bool>(),
        0u32..1000,
        separators,
        prop::sample::select(vec!["", "19", "20"]),
    )
        .prop_map(|(yy, mm, dd, coordination, nnn, sep, century)| {
            let day = if coordination { dd + 60 } else { dd };
            let ten = ten_digits(&format!("{yy:02}{mm:02}{day:02}"), &format!("{nnn:03}"));
            format!("{century}{}{sep}{}", &ten[..6], &ten[6..])
        })
}

proptest! {
    /// However the separator is written (a hyphen, an en or em dash, a
    /// minus sign, a no-break hyphen, a no-break or thin space, spaces
    /// around a dash), a personal number in a text is found.
    #[test]
    fn a_personal_number_with_any_dash_or_space_is_found(
        number in written_personal_number(),
        before in "[a-zA-Zåäö ,;:(]{0,8}",
        after in "[a-zA-Zåäö ,;:).]{0,8}",
    ) {
        let text = format!("{before}{number}{after}");
        prop_assert!(maltavla::core::validate::pii::contains_personal_number(&text), "{text:?}");
    }

    /// Any text at all is searched without a panic.
    #[test]
    fn looking_for_personal_numbers_in_any_text_never_panics(text in "\\PC{0,40}|[0-9 \u{2013}\u{a0}+-]{0,20}") {
        let _ = maltavla::core::validate::pii::contains_personal_number(&text);
    }
}

// --- Item 2: a narrower file ------------------------------------------

/// The example data, made once: 1 131 participations.
fn demo_ws() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(demo::workspace)
}

/// The example data's participations exported, in both flavours, read back.
fn exported(flavour: CsvFlavour) -> &'static Table {
    static EXCEL: OnceLock<Table> = OnceLock::new();
    static PLAIN: OnceLock<Table> = OnceLock::new();
    let cell = match flavour {
        CsvFlavour::ExcelSv => &EXCEL,
        CsvFlavour::Plain => &PLAIN,
    };
    cell.get_or_init(|| read_table(export(demo_ws(), None, flavour).as_bytes()).expect("reads"))
}

/// The columns a file may leave out: everything but the code and insats
/// (which find the stored row) and the three every row needs.
const OPTIONAL: [Column; 4] = [
    Column::AgeBand,
    Column::Municipality,
    Column::End,
    Column::EndStatus,
];

/// `table` with only `columns`, in that order, written in `flavour`.
fn narrower(table: &Table, columns: &[Column], flavour: CsvFlavour) -> String {
    let index = |c: Column| {
        table
            .header
            .iter()
            .position(|h| h == c.header())
            .expect("the export has every column")
    };
    let header: Vec<&str> = columns.iter().map(|c| c.header()).collect();
    let rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| Cell::from(r.cells[index(*c)].as_str()))
                .collect()
        })
        .collect();
    write_table(flavour, &header, &rows)
}

/// The kept columns of a file: every column but the dropped optional ones,
/// shuffled.
fn kept_columns() -> impl Strategy<Value = Vec<Column>> {
    proptest::collection::vec(any::<bool>(), OPTIONAL.len()).prop_flat_map(|drop| {
        let kept: Vec<Column> = Column::ALL
            .into_iter()
            .filter(|c| {
                OPTIONAL
                    .iter()
                    .position(|o| o == c)
                    .is_none_or(|i| !drop[i])
            })
            .collect();
        Just(kept).prop_shuffle()
    })
}

/// A different, valid text for `column` in a row of the exported file:
/// `None` when the row cannot take one (an end status with no end date).
fn other_value(column: Column, row: &[String], table: &Table) -> Option<String> {
    let at = |c: Column| {
        table
            .header
            .iter()
            .position(|h| h == c.header())
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let next = |choices: &[&str], now: &str| {
        let i = choices.iter().position(|c| *c == now).unwrap_or(0);
        choices[(i + 1) % choices.len()].to_owned()
    };
    let day_before = |text: &str| {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.pred_opt())
            .map(|d| d.to_string())
    };
    match column {
        Column::Gender => Some(next(&["Kvinna", "Man", "Annat/okänt"], &at(column))),
        Column::Referrer => Some(next(
            &[
                "Kommunen",
                "Arbetsförmedlingen",
                "Försäkringskassan",
                "Egenanmälan",
            ],
            &at(column),
        )),
        Column::AgeBand => Some(next(&["16-19", "20-24", "30-39", "unknown"], &at(column))),
        Column::Municipality => Some(next(&["Haninge", "Nynäshamn", "Tyresö", ""], &at(column))),
        // A day earlier keeps the start before any end.
        Column::Start => day_before(&at(column)),
        // A day later keeps the end after the start; an open row gets an
        // end on its start day.
        Column::End => match at(Column::End).as_str() {
            "" => Some(at(Column::Start)),
            end => chrono::NaiveDate::parse_from_str(end, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.succ_opt())
                .map(|d| d.to_string()),
        },
        Column::EndStatus if at(Column::End).is_empty() => None,
        Column::EndStatus => Some(next(&["Arbete", "Studier", "Avbrott"], &at(column))),
        Column::Code | Column::Insats => None,
    }
}

/// Whether `a` and `b` are equal but for `column`'s field.
fn equal_but(a: &Participation, b: &Participation, column: Column) -> bool {
    let mut b = b.clone();
    match column {
        Column::Code => b.code = a.code.clone(),
        Column::Insats => b.insats = a.insats.clone(),
        Column::Gender => b.gender = a.gender,
        Column::AgeBand => b.age_band = a.age_band,
        Column::Municipality => b.municipality = a.municipality.clone(),
        Column::Referrer => b.referrer = a.referrer,
        Column::Start => b.start = a.start,
        Column::End => b.end = a.end,
        Column::EndStatus => b.end_status = a.end_status.clone(),
    }
    *a == b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Issue 18, item 2: a file with only some of the columns (Kod;
    /// Insats; Kön; Anvisad av; Startdatum, say) read back into the data it
    /// came from changes nothing; and one changed cell changes that one
    /// field of that one participation, nothing else.
    #[test]
    fn a_csv_with_a_subset_of_columns_changes_no_other_field(
        kept in kept_columns(),
        excel in any::<bool>(),
        row_pick in any::<prop::sample::Index>(),
        column_pick in any::<prop::sample::Index>(),
    ) {
        let flavour = if excel { CsvFlavour::ExcelSv } else { CsvFlavour::Plain };
        let ws = demo_ws();
        let table = exported(flavour);
        let text = narrower(table, &kept, flavour);
        let p = plan(ws, &text);
        prop_assert!(p.rejected.is_empty(), "{:?}", p.rejected.first());
        prop_assert!(p.added.is_empty());
        prop_assert!(p.changed.is_empty(), "{} changed, first {:?}", p.changed.len(), p.changed.first());
        prop_assert_eq!(p.unchanged, ws.participations.live_count());

        // One cell of one row changed.
        let changeable: Vec<Column> = kept
            .iter()
            .copied()
            .filter(|c| !matches!(c, Column::Code | Column::Insats))
            .collect();
        let column = *column_pick.get(&changeable);
        let mut edited = table.clone();
        let r = row_pick.index(edited.rows.len());
        let value = other_value(column, &edited.rows[r].cells, table);
        prop_assume!(value.is_some());
        let at = table.header.iter().position(|h| h == column.header()).expect("exported");
        edited.rows[r].cells[at] = value.unwrap_or_default();
        let p = plan(ws, &narrower(&edited, &kept, flavour));
        prop_assert!(p.rejected.is_empty(), "{:?}", p.rejected.first());
        prop_assert!(p.added.is_empty());
        prop_assert_eq!(p.changed.len(), 1, "{:?}", column);
        let (old, new) = &p.changed[0];
        prop_assert_eq!(&old.code, &edited.rows[r].cells[0]);
        prop_assert!(old != new);
        prop_assert!(equal_but(old, new, column), "{:?}: {:?} -> {:?}", column, old, new);
    }
}

#[test]
fn the_issues_narrow_file_changes_nothing_and_keeps_every_other_field() {
    // Kod; Insats; Kön; Anvisad av; Startdatum, exactly as in the issue.
    let ws = demo_ws();
    let kept = [
        Column::Code,
        Column::Insats,
        Column::Gender,
        Column::Referrer,
        Column::Start,
    ];
    let text = narrower(exported(CsvFlavour::ExcelSv), &kept, CsvFlavour::ExcelSv);
    let p = plan(ws, &text);
    assert_eq!(
        (p.added.len(), p.changed.len(), p.rejected.len()),
        (0, 0, 0),
        "first change: {:?}",
        p.changed.first()
    );
    assert_eq!(p.unchanged, 1131);
    assert!(!p.can_apply(), "nothing to confirm");
}

#[test]
fn a_narrow_file_that_empties_the_end_of_an_ended_row_is_refused_not_half_kept() {
    // The file has an end date column but no end status: emptying the end
    // date of a row whose stored status says how it ended would leave a
    // status without an end, so the row is refused and named.
    let ws = demo_ws();
    let kept = [
        Column::Code,
        Column::Insats,
        Column::Gender,
        Column::Referrer,
        Column::Start,
        Column::End,
    ];
    let mut table = exported(CsvFlavour::Plain).clone();
    let end_at = table.header.iter().position(|h| h == "Slutdatum").unwrap();
    let status_at = table
        .header
        .iter()
        .position(|h| h == "Avslutsorsak")
        .unwrap();
    let row = table
        .rows
        .iter()
        .position(|r| !r.cells[status_at].is_empty())
        .expect("an ended row");
    table.rows[row].cells[end_at].clear();
    let p = plan(ws, &narrower(&table, &kept, CsvFlavour::Plain));
    assert_eq!(p.rejected.len(), 1, "{:?}", p.changed.first());
    assert_eq!(p.rejected[0].line, row as u64 + 2);
    assert!(!p.can_apply());
}

#[test]
fn new_rows_in_a_narrow_file_get_the_defaults() {
    let ws = demo_ws();
    let insats = ws.insatser_by_name()[0].name.clone();
    let p = plan(
        ws,
        &format!("Kod;Insats;Kön;Anvisad av;Startdatum\n;{insats};Kvinna;AF;2019-01-07\n"),
    );
    assert_eq!(p.added.len(), 1);
    let a = &p.added[0];
    assert_eq!(a.age_band, maltavla::core::model::AgeBand::Unknown);
    assert_eq!(
        (a.municipality.as_ref(), a.end, a.end_status.as_ref()),
        (None, None, None)
    );
}
