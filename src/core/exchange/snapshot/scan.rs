//! The checks every text of a file passes, whatever record or field it is
//! in — known fields, fields and record types of newer versions, ids and
//! bookkeeping alike: no personal identity number, and no text longer than
//! any form accepts.
//!
//! Why every text: a personnummer typed into a note on a laptop with an
//! older version, or put into a crafted file, must not be stored here and
//! passed on; a field this version does not know is kept and passed on too,
//! so it is checked like the others.
//!
//! Guarantees: [`raw_is_clean`] looks at a record's JSON text once, without
//! building it, and says whether every string literal in it (keys included,
//! escapes decoded) passes; [`problem_in`] finds the field of the first
//! string that does not, for the message. Both agree (tested), and neither
//! panics on any text.

use super::error::RecordProblem;
use crate::core::validate::pii::contains_personal_number;
use crate::core::validate::MAX_TEXT_CHARS;
use serde_json::Value;
use std::borrow::Cow;

/// Whether one text passes: no personal number, at most
/// [`MAX_TEXT_CHARS`] characters.
fn text_ok(s: &str) -> bool {
    // Counting characters only when the bytes could exceed the limit.
    let short = s.len() <= MAX_TEXT_CHARS || s.chars().count() <= MAX_TEXT_CHARS;
    short && !contains_personal_number(s)
}

/// Why one text fails, as a problem in `field`.
fn text_problem(s: &str, field: &str) -> Option<RecordProblem> {
    if s.chars().count() > MAX_TEXT_CHARS {
        Some(RecordProblem::TextTooLong {
            field: field.to_owned(),
            max: MAX_TEXT_CHARS,
        })
    } else if contains_personal_number(s) {
        Some(RecordProblem::PersonalNumber {
            field: field.to_owned(),
        })
    } else {
        None
    }
}

/// The string literals of a JSON text, escapes decoded (keys included);
/// stops at the first malformed literal (the caller's parser has already
/// accepted the text, so there is none).
fn string_literals(raw: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    let bytes = raw.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let open = at + bytes.get(at..)?.iter().position(|&b| b == b'"')?;
        let mut i = open + 1;
        let mut escaped = false;
        loop {
            match bytes.get(i)? {
                b'\\' => {
                    escaped = true;
                    i += 2;
                }
                b'"' => break,
                _ => i += 1,
            }
        }
        at = i + 1;
        let inner = raw.get(open + 1..i)?;
        Some(if escaped {
            Cow::Owned(serde_json::from_str::<String>(raw.get(open..=i)?).ok()?)
        } else {
            Cow::Borrowed(inner)
        })
    })
}

/// Whether every text in a record's JSON text passes.
pub fn raw_is_clean(raw: &str) -> bool {
    string_literals(raw).all(|s| text_ok(&s))
}

/// The first problem among the texts of a record `{"<kind>": {…}}`, named
/// by the field it is in (`meta` for ids and devices).
pub fn problem_in(record: &Value) -> Option<RecordProblem> {
    let body = record.as_object()?.values().next()?.as_object()?;
    body.iter().find_map(|(field, value)| {
        text_problem(field, field).or_else(|| first_problem(value, field))
    })
}

/// The first failing text anywhere inside `value`, as a problem in `field`.
fn first_problem(value: &Value, field: &str) -> Option<RecordProblem> {
    match value {
        Value::String(s) => text_problem(s, field),
        Value::Array(items) => items.iter().find_map(|v| first_problem(v, field)),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, v)| text_problem(k, field).or_else(|| first_problem(v, field))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(v: &Value) -> (bool, Option<RecordProblem>) {
        (raw_is_clean(&v.to_string()), problem_in(v))
    }

    #[test]
    fn a_personal_number_in_any_field_is_found_and_named() {
        let v =
            json!({"outcome": {"meta": {"id": "o1"}, "note": "gäller 850709-9805", "value": 3}});
        assert_eq!(
            both(&v),
            (
                false,
                Some(RecordProblem::PersonalNumber {
                    field: "note".into()
                })
            )
        );
        let nested =
            json!({"insats": {"meta": {"id": "i"}, "contacts": [{"name": "Kim 19850709-9805"}]}});
        assert_eq!(
            problem_in(&nested),
            Some(RecordProblem::PersonalNumber {
                field: "contacts".into()
            })
        );
        assert!(!raw_is_clean(&nested.to_string()));
    }

    #[test]
    fn an_escaped_personal_number_is_found_too() {
        let raw = r#"{"outcome":{"note":"\u0038\u0035\u0030709-9805"}}"#;
        assert!(!raw_is_clean(raw));
        let v: Value = serde_json::from_str(raw).unwrap();
        assert!(problem_in(&v).is_some());
    }

    #[test]
    fn a_text_longer_than_any_form_accepts_is_refused() {
        let long = "å".repeat(MAX_TEXT_CHARS + 1);
        let v = json!({"meeting": {"meta": {"id": "m"}, "theme": long}});
        assert_eq!(
            both(&v),
            (
                false,
                Some(RecordProblem::TextTooLong {
                    field: "theme".into(),
                    max: MAX_TEXT_CHARS
                })
            )
        );
        let fits = json!({"meeting": {"meta": {"id": "m"}, "theme": "å".repeat(MAX_TEXT_CHARS)}});
        assert_eq!(both(&fits), (true, None));
    }

    #[test]
    fn stamps_counters_dates_and_codes_are_clean() {
        let v = json!({"participation": {"meta": {"id": "aB3_x-19", "stamp": {"hlc": [1795428900000u64, 4294967295u32], "device": "dev-1"}},
            "code": "K7F3Q9", "start": "2017-03-31", "end": null}});
        assert_eq!(both(&v), (true, None));
    }

    #[test]
    fn any_text_never_panics_the_scan() {
        for raw in [
            "",
            "\"",
            "\"\\",
            "\"\\u12",
            "{\"a\":\"b",
            "\"é\\\"\"",
            "\\\"\"",
        ] {
            let _ = raw_is_clean(raw);
        }
    }
}
