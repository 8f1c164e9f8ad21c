//! Identity and ordering of records: record ids, device ids and the hybrid
//! logical clock.
//!
//! Guarantees: ids are short ASCII tokens that are safe in URLs, JSON and DOM
//! attributes; a [`Stamp`] totally orders every write ever made by any device,
//! so that merging two copies of the data can always pick one winner per
//! record without asking the user.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest id we accept from untrusted input; random ids are 22 characters.
pub const MAX_ID_LEN: usize = 64;

/// Why a string could not be used as an id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdError {
    /// The string was empty.
    Empty,
    /// The string was longer than [`MAX_ID_LEN`].
    TooLong(usize),
    /// The string held a character outside `[A-Za-z0-9_-]`.
    BadCharacter(char),
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => write!(f, "empty id"),
            IdError::TooLong(n) => write!(f, "id of {n} characters is longer than {MAX_ID_LEN}"),
            IdError::BadCharacter(c) => write!(f, "id contains the character {c:?}"),
        }
    }
}

impl std::error::Error for IdError {}

fn check_token(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > MAX_ID_LEN {
        return Err(IdError::TooLong(s.len()));
    }
    match s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Some(c) => Err(IdError::BadCharacter(c)),
        None => Ok(()),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes 16 random bytes as 22 URL-safe characters (base64url, no padding).
fn encode_random(bytes: [u8; 16]) -> String {
    let value = u128::from_be_bytes(bytes);
    (0..22)
        .map(|i| {
            let shift = 128u32.saturating_sub(6 * (i + 1));
            let six = if i == 21 {
                (value & 0x3) << 4
            } else {
                (value >> shift) & 0x3f
            };
            ALPHABET
                .get(six as usize)
                .copied()
                .map(char::from)
                .unwrap_or('A')
        })
        .collect()
}

macro_rules! token_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Builds an id from 16 random bytes supplied by the caller (the
            /// browser shell draws them from `crypto.getRandomValues`).
            pub fn from_random(bytes: [u8; 16]) -> Self {
                Self(encode_random(bytes))
            }

            /// Checks an id that came from outside (a file, a URL, storage).
            pub fn parse(s: &str) -> Result<Self, IdError> {
                check_token(s).map(|()| Self(s.to_owned()))
            }

            /// The id as text, for keys, URLs and DOM attributes.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                check_token(&s).map(|()| Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

token_id!(
    /// Stable identity of one record, the same on every device forever.
    RecordId
);

token_id!(
    /// The device (browser profile) that wrote a record; breaks clock ties.
    DeviceId
);

/// A hybrid logical clock reading: wall-clock milliseconds plus a counter for
/// writes within the same millisecond or while the wall clock runs behind.
///
/// Why: wall clocks on laptops disagree and go backwards; an HLC never goes
/// backwards on one device and stays close to real time, so "newer wins" is
/// both safe and what people expect.
///
/// Written as a pair `[millis, counter]` to keep stored records short.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(from = "(u64, u32)", into = "(u64, u32)")]
pub struct Hlc {
    /// Milliseconds since the Unix epoch (at least the wall clock when written).
    pub millis: u64,
    /// Tie-breaker for writes that share `millis`.
    pub counter: u32,
}

impl Hlc {
    /// The next reading after `self` given the wall clock `now_millis`:
    /// strictly greater than `self`, and at least `now_millis`.
    pub fn tick(self, now_millis: u64) -> Hlc {
        if now_millis > self.millis {
            Hlc {
                millis: now_millis,
                counter: 0,
            }
        } else {
            match self.counter.checked_add(1) {
                Some(counter) => Hlc {
                    millis: self.millis,
                    counter,
                },
                None => Hlc {
                    millis: self.millis.saturating_add(1),
                    counter: 0,
                },
            }
        }
    }

    /// The calendar day (UTC) of the reading, to show when a write was made.
    pub fn date(self) -> chrono::NaiveDate {
        i64::try_from(self.millis)
            .ok()
            .and_then(chrono::DateTime::from_timestamp_millis)
            .unwrap_or_default()
            .date_naive()
    }

    /// Advances a local clock past a reading seen in someone else's record,
    /// so that our next write is ordered after everything we have seen.
    pub fn observe(self, seen: Hlc) -> Hlc {
        self.max(seen)
    }
}

impl From<(u64, u32)> for Hlc {
    fn from((millis, counter): (u64, u32)) -> Hlc {
        Hlc { millis, counter }
    }
}

impl From<Hlc> for (u64, u32) {
    fn from(h: Hlc) -> (u64, u32) {
        (h.millis, h.counter)
    }
}

/// Who wrote a record and when: the merge key of every record.
///
/// Ordering is by clock reading first and device id second, so two devices
/// can never produce equal stamps for different writes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// When the write happened.
    pub hlc: Hlc,
    /// Which device made it.
    pub device: DeviceId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_22_url_safe_characters() {
        let id = RecordId::from_random([0xff; 16]);
        assert_eq!(id.as_str().len(), 22);
        assert!(RecordId::parse(id.as_str()).is_ok());
        let zero = RecordId::from_random([0; 16]);
        assert_eq!(zero.as_str(), "AAAAAAAAAAAAAAAAAAAAAA");
        assert_ne!(
            RecordId::from_random([1; 16]),
            RecordId::from_random([2; 16])
        );
    }

    #[test]
    fn parse_rejects_empty_long_and_markup_ids() {
        assert_eq!(RecordId::parse(""), Err(IdError::Empty));
        assert_eq!(RecordId::parse(&"a".repeat(65)), Err(IdError::TooLong(65)));
        assert_eq!(RecordId::parse("<script>"), Err(IdError::BadCharacter('<')));
    }

    #[test]
    fn ids_deserialize_only_when_valid() {
        assert!(serde_json::from_str::<RecordId>("\"abc-1_X\"").is_ok());
        assert!(serde_json::from_str::<RecordId>("\"a b\"").is_err());
    }

    #[test]
    fn hlc_tick_is_strictly_increasing_even_when_the_wall_clock_goes_back() {
        let a = Hlc {
            millis: 1000,
            counter: 0,
        };
        let b = a.tick(900);
        assert!(b > a);
        assert_eq!(
            b,
            Hlc {
                millis: 1000,
                counter: 1
            }
        );
        let c = b.tick(2000);
        assert_eq!(
            c,
            Hlc {
                millis: 2000,
                counter: 0
            }
        );
        let full = Hlc {
            millis: 5,
            counter: u32::MAX,
        };
        assert!(full.tick(0) > full);
    }

    #[test]
    fn stamps_order_by_clock_then_device() {
        let d1 = DeviceId::parse("a").unwrap();
        let d2 = DeviceId::parse("b").unwrap();
        let early = Stamp {
            hlc: Hlc {
                millis: 1,
                counter: 0,
            },
            device: d2.clone(),
        };
        let late = Stamp {
            hlc: Hlc {
                millis: 2,
                counter: 0,
            },
            device: d1.clone(),
        };
        assert!(late > early);
        let tie_a = Stamp {
            hlc: Hlc {
                millis: 2,
                counter: 0,
            },
            device: d1,
        };
        let tie_b = Stamp {
            hlc: Hlc {
                millis: 2,
                counter: 0,
            },
            device: d2,
        };
        assert!(tie_b > tie_a);
    }
}
