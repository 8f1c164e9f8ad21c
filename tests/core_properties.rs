//! Properties of the core that must hold for every input, not just the
//! examples: text forms round-trip, parsers of untrusted text never panic,
//! and the workspace ends up the same whatever order writes arrive in.
#![cfg(not(target_arch = "wasm32"))]

use maltavla::core::demo;
use maltavla::core::fmt_sv;
use maltavla::core::period::Period;
use maltavla::core::route::Route;
use maltavla::core::value::{Count, FigureValue, Percent};
use maltavla::core::workspace::Workspace;
use proptest::prelude::*;

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1970i32..=2100).prop_map(|y| Period::year(y).unwrap()),
        (1970i32..=2100, 1u32..=2).prop_map(|(y, h)| Period::half(y, h).unwrap()),
        (1970i32..=2100, 1u32..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        (1970i32..=2100, 1u32..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (1970i32..=2099, 1u32..=12, 0u32..2000).prop_map(|(y, m, len)| {
            let start = Period::month(y, m).unwrap().start();
            let end = start + chrono::Days::new(u64::from(len));
            Period::range(start, end.min(Period::year(2100).unwrap().end())).unwrap()
        }),
    ]
}

proptest! {
    #[test]
    fn periods_round_trip_through_their_text(p in period()) {
        prop_assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
    }

    #[test]
    fn period_parsing_never_panics(text in ".{0,40}") {
        let _ = text.parse::<Period>();
    }

    #[test]
    fn swedish_counts_parse_back_to_themselves(n in 0u64..=100_000_000) {
        let text = fmt_sv::integer(n);
        prop_assert_eq!(fmt_sv::parse_count(&text), Ok(n));
    }

    #[test]
    fn swedish_percentages_parse_back_to_themselves(t in 0u32..=1000) {
        let p = Percent::from_tenths(t).unwrap();
        prop_assert_eq!(fmt_sv::parse_percent(&fmt_sv::percent(p)), Ok(p));
    }

    #[test]
    fn number_parsing_never_panics(text in "\\PC{0,30}") {
        let _ = fmt_sv::parse_count(&text);
        let _ = fmt_sv::parse_percent(&text);
    }

    #[test]
    fn gaps_never_panic(a in 0u64..=100_000_000, b in 0u64..=100_000_000) {
        let g = fmt_sv::gap(FigureValue::Count(Count::new(a).unwrap()), FigureValue::Count(Count::new(b).unwrap()));
        prop_assert!(!g.is_empty());
    }

    #[test]
    fn route_parsing_never_panics(path in "\\PC{0,60}", query in "\\PC{0,60}") {
        let _ = Route::parse(&path, &query);
    }

    #[test]
    fn the_workspace_is_the_same_whatever_order_records_arrive_in(seed in any::<u64>()) {
        let mut records = demo::workspace().records();
        // A deterministic shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..records.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            records.swap(i, j);
        }
        prop_assert_eq!(Workspace::from_records(records), demo::workspace());
    }
}

mod untrusted_form_input {
    use maltavla::core::demo;
    use maltavla::core::ids::{DeviceId, Hlc, RecordId};
    use maltavla::core::model::{Meta, Scope};
    use maltavla::core::period::PeriodKind;
    use maltavla::core::validate::{
        build_insats, build_outcome, Field, FigureDraft, InsatsDraft, PeriodDraft, Problem,
    };
    use maltavla::core::value::FigureValue;
    use proptest::prelude::*;

    fn meta() -> Meta {
        Meta::new(
            RecordId::parse("new").unwrap(),
            Hlc::default(),
            DeviceId::parse("d").unwrap(),
        )
    }

    proptest! {
        #[test]
        fn figure_forms_never_panic_and_accept_only_valid_values(
            value in "\\PC{0,40}", year in "\\PC{0,8}", part in "\\PC{0,4}", note in "\\PC{0,100}",
        ) {
            let ws = demo::workspace();
            let draft = FigureDraft {
                indicator: "demo-ind-arbete".into(),
                scope: Scope::Forbund.to_string(),
                period: PeriodDraft { kind: PeriodKind::Half, year, part, start: String::new(), end: String::new() },
                dimension: None,
                slice: String::new(),
                value,
                reported_on: String::new(),
                note,
            };
            if let Ok(outcome) = build_outcome(&draft, &ws, meta()) {
                let FigureValue::Percent(p) = outcome.value else { panic!("a percent indicator stored a count") };
                prop_assert!(p.tenths() <= 1000);
            }
        }
    }

    #[test]
    fn a_megabyte_of_text_is_refused_at_the_field_and_builds_nothing() {
        let ws = demo::workspace();
        let mut draft = InsatsDraft::empty();
        draft.name = "x".repeat(1_000_000);
        draft.description = "<script>alert(1)</script>".repeat(50_000);
        let errors = build_insats(&draft, &ws, meta()).unwrap_err();
        assert_eq!(errors.at(Field::Name), Some(&Problem::TooLong { max: 200 }));
        assert_eq!(
            errors.at(Field::Description),
            Some(&Problem::TooLong { max: 10_000 })
        );
        // The workspace a failed form leaves behind is untouched.
        assert_eq!(ws, demo::workspace());
    }
}

/// A valid personal or coordination number written in one of its forms.
fn personal_number() -> impl Strategy<Value = String> {
    (
        0u32..100,
        1u32..=12,
        1u32..=28,
        any::<bool>(),
        0u32..1000,
        0usize..4,
        any::<bool>(),
    )
        .prop_map(|(yy, mm, dd, coordination, nnn, sep, long)| {
            let day = if coordination { dd + 60 } else { dd };
            let nine = format!("{yy:02}{mm:02}{day:02}{nnn:03}");
            let sum: u32 = nine
                .bytes()
                .enumerate()
                .map(|(i, d)| {
                    let v = u32::from(d - b'0') * if i % 2 == 0 { 2 } else { 1 };
                    v / 10 + v % 10
                })
                .sum();
            let check = (10 - sum % 10) % 10;
            let century = if long { "19" } else { "" };
            let separator = ["", "-", "+", " "][sep];
            format!("{century}{}{separator}{}{check}", &nine[..6], &nine[6..])
        })
}

proptest! {
    #[test]
    fn a_personal_number_is_found_wherever_it_is_written(
        number in personal_number(),
        before in "[a-zA-Zåäö ,;:]{0,8}",
        after in "[a-zA-Zåäö ,;:]{0,8}",
    ) {
        let text = format!("{before}{number}{after}");
        prop_assert!(maltavla::core::validate::pii::contains_personal_number(&text), "{text}");
    }

    #[test]
    fn looking_for_personal_numbers_never_panics(text in "\\PC{0,40}") {
        let _ = maltavla::core::validate::pii::contains_personal_number(&text);
    }
}

proptest! {
    /// Any bytes read as CSV give a table or an error, never a panic.
    #[test]
    fn csv_reading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = maltavla::core::exchange::csv::read_table(&bytes);
    }

    /// Cells written in either flavour read back as written (trimmed).
    /// Digits are only zeros, so no cell can read as a personal number.
    #[test]
    fn csv_cells_round_trip(
        cells in proptest::collection::vec("[a-zåäö0 ;,\"\n]{0,12}", 1..6),
        excel in any::<bool>(),
    ) {
        use maltavla::core::exchange::csv::{write_table, Cell, CsvFlavour};
        let flavour = if excel { CsvFlavour::ExcelSv } else { CsvFlavour::Plain };
        let header: Vec<String> = (0..cells.len()).map(|i| format!("k{i}")).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        // A first cell that keeps the row from being blank.
        let mut row = vec![Cell::from("x")];
        row.extend(cells.iter().map(|c| Cell::from(c.as_str())));
        let mut header = header;
        header.insert(0, "id");
        let text = write_table(flavour, &header, &[row]);
        let t = maltavla::core::exchange::csv::read_table(text.as_bytes()).unwrap();
        prop_assert_eq!(t.rows.len(), 1);
        for (i, c) in cells.iter().enumerate() {
            prop_assert_eq!(&t.rows[0].cells[i + 1], c.trim());
        }
    }
}

mod flow_properties {
    use super::*;
    use maltavla::core::ids::{DeviceId, Hlc, RecordId};
    use maltavla::core::model::{
        AgeBand, Dimension, EndCategory, FlowMeasure, Gender, Meta, Participation, Referrer,
    };
    use maltavla::core::participants::{breakdown, count, protect_breakdown, FlowCounts, Shown};

    fn participation() -> impl Strategy<Value = Participation> {
        (
            0u32..1_000_000,
            0usize..3,
            0usize..3,
            0usize..8,
            0usize..4,
            0usize..6,
            0u64..2000,
            proptest::option::of(0u64..800),
            0usize..4,
        )
            .prop_map(|(n, insats, g, a, m, r, start, len, status)| {
                let start =
                    chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(start);
                Participation {
                    meta: Meta::new(
                        RecordId::parse(&format!("p{n}")).unwrap(),
                        Hlc::default(),
                        DeviceId::parse("d").unwrap(),
                    ),
                    code: maltavla::core::model::make_code(n),
                    insats: RecordId::parse(&format!("i{insats}")).unwrap(),
                    gender: Gender::ALL[g],
                    age_band: AgeBand::ALL[a],
                    municipality: (m < 3).then(|| RecordId::parse(&format!("m{m}")).unwrap()),
                    referrer: Referrer::ALL[r],
                    start,
                    end: len.map(|l| start + chrono::Days::new(l)),
                    end_status: len.and_then(|_| {
                        ["end-work", "end-ordinary", "end-dropped-out"]
                            .get(status)
                            .map(|s| RecordId::parse(s).unwrap())
                    }),
                }
            })
    }

    fn category(id: &RecordId) -> Option<EndCategory> {
        match id.as_str() {
            "end-work" => Some(EndCategory::WorkOrStudies),
            "end-ordinary" => Some(EndCategory::OrdinaryMeasures),
            _ => Some(EndCategory::Other),
        }
    }

    fn fields(c: &FlowCounts) -> [u64; 7] {
        [
            c.active,
            c.new,
            c.ended,
            c.work_or_studies,
            c.ordinary,
            c.women,
            c.self_referred,
        ]
    }

    proptest! {
        /// Every share is of a part no larger than its whole, so it lies in
        /// 0–100 %.
        #[test]
        fn shares_stay_within_zero_and_a_hundred(
            ps in proptest::collection::vec(participation(), 0..60),
            p in period(),
        ) {
            let c = count(&ps, &p, &category);
            for m in FlowMeasure::ALL {
                if let Err(share) = m.of(&c) {
                    prop_assert!(share.part <= share.whole, "{m:?}: {share:?}");
                    if let Some(pc) = share.percent() {
                        prop_assert!(pc.tenths() <= 1000);
                    }
                }
            }
        }

        /// Slices of a breakdown that every participation has a value for
        /// sum to the total; municipality (which may be unknown) to at most
        /// the total.
        #[test]
        fn breakdowns_sum_to_the_total(
            ps in proptest::collection::vec(participation(), 0..60),
            p in period(),
        ) {
            let total = fields(&count(&ps, &p, &category));
            for d in Dimension::ALL {
                let slices = breakdown(&ps, &p, d, &category, &|id| Some(id.to_string()));
                let mut sum = [0u64; 7];
                for c in slices.values() {
                    for (s, v) in sum.iter_mut().zip(fields(c)) {
                        *s += v;
                    }
                }
                if d == Dimension::Municipality {
                    prop_assert!(sum.iter().zip(total).all(|(s, t)| *s <= t), "{d:?}");
                } else {
                    prop_assert_eq!(sum, total, "{:?}", d);
                }
            }
        }

        /// Protection never lets a count of 1 up to the threshold through,
        /// and hides at least two slices or none when the total is shown.
        #[test]
        fn protected_breakdowns_show_no_small_count(
            slices in proptest::collection::vec(0u64..12, 0..8),
            threshold in 1u64..=20,
        ) {
            let shown = protect_breakdown(&slices, true, threshold);
            for s in &shown {
                if let Shown::Count(n) = s {
                    prop_assert!(*n == 0 || *n >= threshold);
                }
            }
            let hidden = shown.iter().filter(|s| s.is_protected()).count();
            let nonzero = slices.iter().filter(|n| **n > 0).count();
            prop_assert!(hidden != 1 || nonzero == 1, "{slices:?} -> {shown:?}");
        }
    }
}
