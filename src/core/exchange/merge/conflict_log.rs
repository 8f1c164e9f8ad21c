//! A conflict as an entry of the stored conflict log.
//!
//! Guarantees: an entry is the conflict's [`Conflict::key`] and its JSON
//! text, which reads back as the same conflict; a conflict that cannot be
//! written is an error the caller handles, never an empty stored text.

use super::Conflict;
use std::fmt;

/// A conflict that could not be written as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnwritableConflict {
    /// The conflict's key.
    pub key: String,
    /// Why (the serialiser's message).
    pub reason: String,
}

impl fmt::Display for UnwritableConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the conflict {} cannot be written: {}",
            self.key, self.reason
        )
    }
}

impl std::error::Error for UnwritableConflict {}

/// The conflict-log entry of `conflict`: its key and its text.
pub fn log_entry(conflict: &Conflict) -> Result<(String, String), UnwritableConflict> {
    let key = conflict.key();
    match serde_json::to_string(conflict) {
        Ok(text) => Ok((key, text)),
        Err(e) => Err(UnwritableConflict {
            key,
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{DeviceId, Hlc, RecordId, Stamp};
    use serde_json::json;

    fn conflict() -> Conflict {
        let stamp = |millis, device| Stamp {
            hlc: Hlc { millis, counter: 0 },
            device: DeviceId::parse(device).expect("a device id"),
        };
        Conflict {
            kind: "municipality".into(),
            record: RecordId::parse("demo-haninge").expect("an id"),
            field: "name".into(),
            kept: json!("Haninge kommun"),
            kept_stamp: stamp(2, "laptop-2"),
            lost: json!("Haninge"),
            lost_stamp: stamp(1, "laptop-1"),
        }
    }

    #[test]
    fn a_log_entry_is_keyed_by_the_conflict_and_reads_back_as_it() {
        let c = conflict();
        let (key, text) = log_entry(&c).expect("written");
        assert_eq!(key, "demo-haninge/name/1.0.laptop-1");
        assert!(!text.is_empty());
        let back: Conflict = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, c);
    }
}
