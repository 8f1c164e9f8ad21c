//! How large a file the user picks may be, decided before the browser
//! copies any of it into the app: the copy lives in wasm memory, which
//! never shrinks, and a file of several gigabytes would abort the app.
//!
//! Guarantees: [`check`] refuses a file beyond the limit of what it is for
//! (a snapshot: [`snapshot::MAX_BYTES`], a CSV sheet:
//! [`csv::read::MAX_FILE_BYTES`], the same limits their readers keep), and the
//! refusal carries the file's name, its size and the limit, so the message
//! can name all three. A size that is not a finite, non-negative number
//! (no browser gives one) is refused too.

use crate::core::exchange::{csv, snapshot};
use crate::core::fmt_sv;
use std::fmt;

/// What a picked file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileUse {
    /// A snapshot to merge.
    Snapshot,
    /// A CSV sheet to import.
    Csv,
}

impl FileUse {
    /// The largest file read for this use, in bytes.
    pub const fn limit(self) -> u64 {
        match self {
            FileUse::Snapshot => snapshot::MAX_BYTES as u64,
            FileUse::Csv => csv::read::MAX_FILE_BYTES as u64,
        }
    }
}

/// A file refused for its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// The file's name, as the browser gives it.
    pub name: String,
    /// Its size in bytes (`u64::MAX` for a size that is not a number).
    pub bytes: u64,
    /// The largest size read for its use.
    pub limit: u64,
}

impl TooLarge {
    /// The size and the limit as a person reads them (`1,2 GB`, `512 MB`);
    /// when both round to the same text, in bytes (`536 870 913 B`), so the
    /// message never says a file of "512 MB" is larger than "512 MB".
    pub fn shown_sizes(&self) -> (String, String) {
        let (size, limit) = (
            fmt_sv::bytes(self.bytes as f64),
            fmt_sv::bytes(self.limit as f64),
        );
        if size != limit {
            return (size, limit);
        }
        let exact = |n: u64| format!("{}\u{a0}B", fmt_sv::integer(n));
        (exact(self.bytes), exact(self.limit))
    }
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is {} bytes, more than the {} bytes read",
            self.name, self.bytes, self.limit
        )
    }
}

/// Checks a file's size (`File.size`, a float in the browser) before it is
/// read; gives the size in bytes when it may be read.
pub fn check(use_: FileUse, name: &str, size: f64) -> Result<u64, TooLarge> {
    let limit = use_.limit();
    let bytes = if size.is_finite() && size >= 0.0 {
        // Saturates at u64::MAX, which no limit reaches.
        size.ceil() as u64
    } else {
        u64::MAX
    };
    if bytes > limit {
        return Err(TooLarge {
            name: name.to_owned(),
            bytes,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_up_to_the_limit_of_its_use_may_be_read() {
        assert_eq!(check(FileUse::Snapshot, "a.json", 0.0), Ok(0));
        let max = snapshot::MAX_BYTES as u64;
        assert_eq!(check(FileUse::Snapshot, "a.json", max as f64), Ok(max));
        let csv_max = csv::read::MAX_FILE_BYTES as u64;
        assert_eq!(check(FileUse::Csv, "a.csv", csv_max as f64), Ok(csv_max));
    }

    #[test]
    fn a_file_one_byte_past_the_limit_is_refused_with_its_name_size_and_limit() {
        let max = snapshot::MAX_BYTES as u64;
        assert_eq!(
            check(FileUse::Snapshot, "stor.json", (max + 1) as f64),
            Err(TooLarge {
                name: "stor.json".into(),
                bytes: max + 1,
                limit: max
            })
        );
        // A snapshot may be far larger than a CSV sheet.
        let sheet = (csv::read::MAX_FILE_BYTES + 1) as f64;
        assert!(check(FileUse::Csv, "deltagare.csv", sheet).is_err());
        assert!(check(FileUse::Snapshot, "deltagare.csv", sheet).is_ok());
    }

    #[test]
    fn a_size_that_is_not_a_number_is_refused_and_never_panics() {
        for size in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 1e300] {
            let refused = check(FileUse::Csv, "x.csv", size).unwrap_err();
            assert_eq!(refused.bytes, u64::MAX, "{size}");
            let _ = refused.shown_sizes();
        }
        assert_eq!(check(FileUse::Csv, "x.csv", 0.5), Ok(1));
    }

    #[test]
    fn sizes_are_shown_the_swedish_way_and_never_look_equal() {
        let gb = TooLarge {
            name: "stor.json".into(),
            bytes: 1_288_490_189, // 1.2 GiB
            limit: snapshot::MAX_BYTES as u64,
        };
        assert_eq!(
            gb.shown_sizes(),
            ("1,2\u{a0}GB".to_owned(), "512\u{a0}MB".to_owned())
        );
        let just = TooLarge {
            bytes: snapshot::MAX_BYTES as u64 + 1,
            ..gb
        };
        assert_eq!(
            just.shown_sizes(),
            (
                "536\u{a0}870\u{a0}913\u{a0}B".to_owned(),
                "536\u{a0}870\u{a0}912\u{a0}B".to_owned()
            )
        );
        assert_eq!(
            just.to_string(),
            "stor.json is 536870913 bytes, more than the 536870912 bytes read"
        );
    }
}
