//! Reading a snapshot file a slice of records at a time, so a page can show
//! how far it has come, answer input between slices, and stop at any slice
//! with nothing changed (a reading only borrows the file's text).
//!
//! Guarantees: [`super::read`] is a [`Reading`] run to its end in one go,
//! so reading in slices of any size accepts and refuses the same files
//! with the same errors and gives the same [`Incoming`]; [`Reading::done`]
//! counts exactly the records checked so far, never more than
//! [`Reading::total`].

use super::error::SnapshotError;
use super::read::{document, long_way, quick_document, quick_record, Checks, Incoming, Item};
use super::MAX_BYTES;
use serde_json::value::RawValue;
use serde_json::Value;

/// A snapshot file being read and checked, one slice of records per
/// [`Reading::step`].
pub struct Reading<'a> {
    text: &'a str,
    now_millis: u64,
    source: Source<'a>,
    checks: Checks,
    total: usize,
    done: usize,
}

/// Where the records still to check come from.
enum Source<'a> {
    /// Each record's text, read straight into a typed record; `Long` takes
    /// over from the start at the first record that needs a closer look.
    Quick(Vec<&'a RawValue>),
    /// Each record parsed as JSON (every version, unknown types and
    /// fields, and the reason for any refusal).
    Long(std::vec::IntoIter<Value>),
}

impl<'a> Reading<'a> {
    /// Reads the header and splits `text` into its records, or refuses a
    /// file that is no snapshot; `now_millis` is this device's clock, for
    /// reporting stamps from clocks that ran ahead.
    pub fn start(text: &'a str, now_millis: u64) -> Result<Reading<'a>, SnapshotError> {
        if text.len() > MAX_BYTES {
            return Err(SnapshotError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match quick_document(text) {
            Some((info, records)) => Ok(Reading {
                text,
                now_millis,
                checks: Checks::new(info, records.len(), now_millis),
                total: records.len(),
                done: 0,
                source: Source::Quick(records),
            }),
            None => Self::long_way(text, now_millis),
        }
    }

    /// Starts (or starts again) reading every record the long way.
    fn long_way(text: &'a str, now_millis: u64) -> Result<Reading<'a>, SnapshotError> {
        let (info, records) = document(text)?;
        Ok(Reading {
            text,
            now_millis,
            checks: Checks::new(info, records.len(), now_millis),
            total: records.len(),
            done: 0,
            source: Source::Long(records.into_iter()),
        })
    }

    /// How many records the file holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many records have been read and checked so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Whether every record has been read the quick way so far (for tests
    /// and benchmarks: both ways give the same result).
    pub fn is_quick(&self) -> bool {
        matches!(self.source, Source::Quick(_))
    }

    /// Reads and checks up to `n` more records; `Ok(true)` once every
    /// record is read. An error refuses the file, and the reading is over.
    /// Turning to the long way counts as a step of its own (its parse of
    /// the whole text is the slow part), and starts the count again.
    pub fn step(&mut self, n: usize) -> Result<bool, SnapshotError> {
        let end = self.done.saturating_add(n).min(self.total);
        while self.done < end {
            let index = self.done + 1;
            let item = match &mut self.source {
                Source::Quick(raws) => match raws.get(self.done).copied().and_then(quick_record) {
                    Some(record) => Item::Known(record),
                    None => {
                        *self = Self::long_way(self.text, self.now_millis)?;
                        return Ok(self.total == 0);
                    }
                },
                Source::Long(values) => {
                    let Some(value) = values.next() else {
                        break;
                    };
                    long_way(value, index, &mut self.checks.incoming)?
                }
            };
            self.checks.push(item, index)?;
            self.done = index;
        }
        Ok(self.done >= self.total)
    }

    /// Reads what is left and runs the checks on the whole file (no record
    /// stamped too far ahead, no two records with one id).
    pub fn finish(mut self) -> Result<Incoming, SnapshotError> {
        while !self.step(usize::MAX)? {}
        self.checks.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::snapshot::read;
    use crate::core::testing::{demo_snapshot as demo_file, SNAPSHOT_NOW as NOW};

    fn fixtures() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/snapshots");
        let mut files = vec![demo_file()];
        for sub in ["", "/bad"] {
            for entry in std::fs::read_dir(format!("{dir}{sub}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        files
    }

    /// Reads `text` in slices of `n`, checking the counts after each.
    fn in_slices(text: &str, n: usize) -> Result<Incoming, SnapshotError> {
        let mut reading = Reading::start(text, NOW)?;
        let mut before = reading.done();
        while !reading.step(n)? {
            assert!(reading.done() <= reading.total());
            assert!(reading.done() == 0 || reading.done() - before <= n);
            before = reading.done();
        }
        assert_eq!(reading.done(), reading.total());
        reading.finish()
    }

    #[test]
    fn the_quick_way_reads_every_fixture_as_the_long_way_does() {
        let mut quick_ones = 0;
        for text in &fixtures() {
            let Ok(reading) = Reading::start(text, NOW) else {
                continue;
            };
            if reading.is_quick() {
                quick_ones += 1;
            }
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let long = Reading::long_way(text, NOW).and_then(Reading::finish);
            assert_eq!(read(text, NOW), long, "{text}");
        }
        assert!(
            quick_ones >= 3,
            "only {quick_ones} files read the quick way"
        );
    }

    #[test]
    fn reading_in_slices_of_any_size_gives_what_one_read_gives() {
        for text in &fixtures() {
            let whole = read(text, NOW);
            for n in [1, 2, 7, 1000] {
                assert_eq!(in_slices(text, n), whole, "slices of {n}: {text}");
            }
        }
    }

    #[test]
    fn each_step_counts_exactly_the_records_it_checked() {
        let file = demo_file();
        let mut reading = Reading::start(&file, NOW).unwrap();
        let total = demo::workspace().records().len();
        assert!(reading.is_quick());
        assert_eq!((reading.done(), reading.total()), (0, total));
        assert!(!reading.step(10).unwrap());
        assert_eq!(reading.done(), 10);
        assert!(!reading.step(5).unwrap());
        assert_eq!(reading.done(), 15);
        assert!(reading.step(total).unwrap());
        assert_eq!(reading.done(), total);
        assert!(reading.step(1).unwrap());
        assert_eq!(reading.done(), total);
    }

    #[test]
    fn a_bad_record_is_refused_at_its_slice_and_not_before() {
        // The tenth record's stamp is a number: the file needs the long
        // way, which starts the count again and refuses record 10.
        let file = demo_file();
        let at = file.match_indices("\"stamp\":{").nth(9).unwrap().0;
        let file = format!("{}\"stamp\":7,\"x\":{{{}", &file[..at], &file[at + 9..]);
        let whole = read(&file, NOW).unwrap_err();
        assert!(
            matches!(whole, SnapshotError::BadRecord { index: 10, .. }),
            "{whole:?}"
        );
        let mut reading = Reading::start(&file, NOW).unwrap();
        let mut steps = Vec::new();
        let error = loop {
            match reading.step(3) {
                Ok(done) => {
                    assert!(!done);
                    steps.push(reading.done());
                }
                Err(e) => break e,
            }
        };
        assert_eq!(error, whole);
        assert_eq!(steps, [3, 6, 9, 0, 3, 6, 9]);
    }
}
