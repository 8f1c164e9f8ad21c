//! What may leave this device as a snapshot: the same checks a file gets on
//! the way in, applied on the way out, so a file this device writes is
//! always one it (and any other device with a correct clock) can read.
//!
//! Why: records stored before a check existed (a personnummer typed into a
//! note, a stamp from a clock that ran years ahead) must not be passed on;
//! the user is told which record and field to correct, or to repair the
//! stamps, and nothing is written until then.
//!
//! Guarantees: [`export_checked`] gives the text of [`super::export`] only
//! when every record of it passes [`super::read`]'s text checks and no
//! stamp in the workspace lies more than
//! [`crate::core::clock::MAX_AHEAD_MILLIS`] ahead of this device's clock.

use super::error::RecordProblem;
use super::export::{export, ExportInfo, Part};
use super::scan;
use crate::core::clock::{self, Drift};
use crate::core::workspace::Workspace;
use serde_json::Value;
use std::fmt;

/// Why this device's data cannot be written to a file now.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutgoingProblem {
    /// A record holds a personal identity number (or a text longer than
    /// any form accepts): the user must correct it first.
    Record {
        /// Its type tag.
        kind: String,
        id: String,
        /// Its name or other label, for the message.
        label: String,
        /// What is wrong, and in which field.
        problem: RecordProblem,
    },
    /// Records hold stamps too far ahead of this device's clock (see
    /// `core::clock`): their stamps must be repaired first.
    StampsAhead {
        /// How many records.
        records: usize,
        /// How far ahead the furthest stamp is, in milliseconds.
        ahead_millis: u64,
    },
}

impl fmt::Display for OutgoingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for OutgoingProblem {}

/// How many records of `ws` hold a stamp too far ahead of `now_millis`,
/// and how far ahead the furthest is.
pub fn stamps_ahead(ws: &Workspace, now_millis: u64) -> Option<(usize, u64)> {
    let mut found: Option<(usize, u64)> = None;
    for meta in ws.metas() {
        if let Drift::TooFar(by) = clock::drift(clock::newest_in(meta), now_millis) {
            let entry = found.get_or_insert((0, by));
            entry.0 += 1;
            entry.1 = entry.1.max(by);
        }
    }
    found
}

/// The label of a record line, for the message.
fn label_of(body: &Value) -> String {
    ["name", "title", "code", "theme"]
        .iter()
        .find_map(|f| body.get(*f).and_then(Value::as_str))
        .unwrap_or_default()
        .chars()
        .take(80)
        .collect()
}

/// The snapshot text of `part`, or why it may not leave this device.
pub fn export_checked(
    ws: &Workspace,
    part: &Part,
    info: &ExportInfo,
) -> Result<String, OutgoingProblem> {
    if let Some((records, ahead_millis)) = stamps_ahead(ws, info.millis) {
        return Err(OutgoingProblem::StampsAhead {
            records,
            ahead_millis,
        });
    }
    let text = export(ws, part, info);
    // One record per line after the header; the header's own texts (the
    // förbund's name) come from a record that is checked as a line.
    for line in text.lines().skip(1) {
        let record = line.trim_end_matches(',');
        if record.starts_with('{') && !scan::raw_is_clean(record) {
            let value: Value = serde_json::from_str(record).unwrap_or(Value::Null);
            let (kind, body) = value
                .as_object()
                .and_then(|o| o.iter().next())
                .map(|(k, b)| (k.clone(), b.clone()))
                .unwrap_or_default();
            let id = body
                .get("meta")
                .and_then(|m| m.get("id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if let Some(problem) = scan::problem_in(&value) {
                return Err(OutgoingProblem::Record {
                    kind,
                    id,
                    label: label_of(&body),
                    problem,
                });
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::snapshot::read;
    use crate::core::ids::{DeviceId, Hlc};

    const NOW: u64 = 1_795_428_900_000;

    fn info() -> ExportInfo {
        ExportInfo {
            millis: NOW,
            device: DeviceId::parse("laptop-1").unwrap(),
        }
    }

    #[test]
    fn the_example_data_leaves_as_the_plain_export_does() {
        let ws = demo::workspace();
        assert_eq!(
            export_checked(&ws, &Part::All, &info()),
            Ok(export(&ws, &Part::All, &info()))
        );
    }

    #[test]
    fn a_personal_number_stored_before_the_check_stops_the_export_naming_the_record() {
        let mut ws = demo::workspace();
        let mut outcome = ws.outcomes.all().next().unwrap().clone();
        outcome.note = "gäller 850709-9805".into();
        ws.put(crate::core::model::Record::Outcome(outcome.clone()));
        match export_checked(&ws, &Part::All, &info()) {
            Err(OutgoingProblem::Record {
                kind, id, problem, ..
            }) => {
                assert_eq!(kind, "outcome");
                assert_eq!(id, outcome.meta.id.to_string());
                assert_eq!(
                    problem,
                    RecordProblem::PersonalNumber {
                        field: "note".into()
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_stamp_from_years_ahead_stops_the_export_so_no_device_gets_an_unreadable_file() {
        let mut ws = demo::workspace();
        let mut m = ws.municipalities.all().next().unwrap().clone();
        m.meta.stamp.hlc = Hlc {
            millis: crate::core::clock::MAX_MILLIS,
            counter: u32::MAX,
        };
        ws.put(crate::core::model::Record::Municipality(m));
        assert!(matches!(
            export_checked(&ws, &Part::All, &info()),
            Err(OutgoingProblem::StampsAhead { records: 1, .. })
        ));
        // What it does allow reads back.
        let fine = export_checked(&demo::workspace(), &Part::All, &info()).unwrap();
        assert!(read(&fine, NOW).is_ok());
    }
}
