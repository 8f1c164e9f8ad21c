//! Reading a record straight from its JSON text, the quick way, when it holds
//! nothing but what this version knows.
//!
//! Why: going through a `serde_json::Value` tree first (the long way, which
//! keeps unknown types and fields and explains refusals) costs about three
//! times a typed parse; a snapshot of a hundred thousand records and the
//! records stored in the browser are read at every import and every start.
//!
//! Guarantees: [`known_record`] gives a record only when its text is one
//! type tag this version knows holding only fields it knows, and the typed
//! model accepts it; then the record equals what the long way reads. In
//! every other case it gives `None` and the caller takes the long way, so
//! nothing unknown is ever dropped and every refusal is still explained.
//! That rests on every record type refusing unknown fields when read typed
//! (`#[serde(deny_unknown_fields)]`), which a test checks for every kind in
//! [`KNOWN_KINDS`](super::merge::KNOWN_KINDS).

use crate::core::model::Record;

/// The record in `text`, if the quick way can read it.
pub fn known_record(text: &str) -> Option<Record> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::merge::{FieldView, KNOWN_KINDS};

    #[test]
    fn every_demo_record_reads_the_quick_way_as_the_long_way_reads_it() {
        for r in demo::workspace().records() {
            let text = FieldView::from_record(&r).to_json().to_string();
            assert_eq!(known_record(&text), Some(r));
        }
    }

    #[test]
    fn every_record_type_refuses_unknown_fields_when_read_typed() {
        for kind in KNOWN_KINDS {
            let text = format!(r#"{{"{kind}":{{"a_field_from_a_newer_version":1}}}}"#);
            let error = serde_json::from_str::<Record>(&text)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("unknown field"),
                "{kind} must have #[serde(deny_unknown_fields)], or the quick way drops fields: {error}"
            );
        }
    }

    #[test]
    fn anything_unknown_or_refused_takes_the_long_way() {
        let m = r#""meta":{"id":"m1","stamp":{"device":"d","hlc":[1,0]}}"#;
        let good = format!(r#"{{"municipality":{{{m},"name":"Haninge"}}}}"#);
        assert!(known_record(&good).is_some(), "{good}");
        for text in [
            format!(r#"{{"survey":{{{m},"name":"x"}}}}"#),
            format!(r#"{{"municipality":{{{m},"name":"Haninge","colour":"red"}}}}"#),
            format!(r#"{{"municipality":{{{m},"name":"Haninge"}},"extra":1}}"#),
            format!(r#"{{"municipality":{{{m},"name":7}}}}"#),
            r#"{"municipality":{"name":"Haninge"}}"#.to_owned(),
            "{}".to_owned(),
            "[1]".to_owned(),
            "{\"municipality\":".to_owned(),
        ] {
            assert_eq!(known_record(&text), None, "{text}");
        }
    }
}
