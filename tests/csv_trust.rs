#![cfg(not(target_arch = "wasm32"))]
//! The edges where a spreadsheet can lose or leak data (issue 18, items 2,
//! 6 and 8), tried adversarially: a narrower file must change no column it
//! does not hold, a name that looks like a formula must survive export and
//! import, and a personal number must be found however Excel wrote it.

use maltavla::core::csv::mapping::ImportPlan;
use maltavla::core::csv::participations::{export, plan_import, Mapping};
use maltavla::core::csv::{read_table, write_table, Cell, CsvError, CsvFlavour};
use maltavla::core::demo;
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::{make_code, Meta, Participation, Record};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;
use std::collections::BTreeMap;

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
        prop_assume!(!maltavla::core::pii::contains_personal_number(text));
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
        prop_assert!(maltavla::core::pii::contains_personal_number(&text), "{text:?}");
    }

    /// Any text at all is searched without a panic.
    #[test]
    fn looking_for_personal_numbers_in_any_text_never_panics(text in "\\PC{0,40}|[0-9 \u{2013}\u{a0}+-]{0,20}") {
        let _ = maltavla::core::pii::contains_personal_number(&text);
    }
}
