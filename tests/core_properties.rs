//! Properties of the core that must hold for every input, not just the
//! examples: text forms round-trip, parsers of untrusted text never panic,
//! and the workspace ends up the same whatever order writes arrive in.
#![cfg(not(target_arch = "wasm32"))]

use maltavla::core::demo;
use maltavla::core::fmt_sv;
use maltavla::core::period::Period;
use maltavla::core::route::Route;
use maltavla::core::stored;
use maltavla::core::value::{Count, Percent, Value};
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
        let g = fmt_sv::gap(Value::Count(Count::new(a).unwrap()), Value::Count(Count::new(b).unwrap()));
        prop_assert!(!g.is_empty());
    }

    #[test]
    fn stored_record_decoding_never_panics(text in "\\PC{0,200}") {
        let _ = stored::decode(&text);
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
