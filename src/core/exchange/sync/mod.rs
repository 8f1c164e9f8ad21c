//! Syncing without a server of our own: a snapshot the host publishes next
//! to the app, and a WebDAV folder where each device keeps its own file.
//!
//! Both reuse the snapshot format and the merge: what arrives is read and
//! planned exactly like a file the user picks, so the same checks and the
//! same preview apply. What is here is only what the network adds: where
//! to look, which conditional headers to send, what a folder listing says,
//! which files are new since last time, what each HTTP answer means, and how
//! much of one is read ([`BodyLimit`]: never more than the caller allows).

pub mod published;
pub mod webdav;

use std::fmt;

/// The largest folder listing read (about 20 000 files at ~400 bytes per
/// entry; a Måltavla folder holds one file per laptop, a shared Nextcloud
/// folder perhaps a few hundred).
pub const LISTING_MAX_BYTES: usize = 8 * 1024 * 1024;

/// What went wrong talking to a server, in terms the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncFailure {
    /// The browser is offline: nothing was tried, nothing changed.
    Offline,
    /// No answer: the server is down, the address is wrong, or the server
    /// does not allow this app (CORS).
    Unreachable,
    /// 401 or 403: the user name or password is wrong.
    WrongCredentials,
    /// 404: the folder or file is not there.
    NotFound,
    /// 412: the file changed on the server since this device read it.
    ChangedMeanwhile,
    /// The server answered something else it should not have.
    Status(u16),
    /// The folder listing could not be read.
    BadListing,
    /// The answer from `url` was larger than `limit` bytes (announced, or
    /// counted while it arrived): it was not read further.
    TooLarge {
        /// The address asked.
        url: String,
        /// The most that is read from it.
        limit: usize,
    },
}

/// How much of an answer body may still arrive: said by the caller per
/// request, checked against the announced `Content-Length` before reading
/// and against every chunk as it arrives, since a server may announce
/// nothing (chunked), announce the compressed size, or lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit {
    limit: usize,
    read: usize,
}

/// An answer body beyond its [`BodyLimit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTooLarge;

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the answer is larger than allowed")
    }
}

impl BodyLimit {
    /// A body of at most `limit` bytes.
    pub fn new(limit: usize) -> BodyLimit {
        BodyLimit { limit, read: 0 }
    }

    /// The most bytes read.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Checks the `Content-Length` header before anything is read: refused
    /// if it announces more than the limit (a number too long for `u64` is
    /// more than any limit). Gives the announced length, to reserve memory
    /// once; `None` when absent or not a plain number (then only the count
    /// of what arrives decides).
    pub fn announced(&self, content_length: Option<&str>) -> Result<Option<usize>, BodyTooLarge> {
        let Some(text) = content_length.map(str::trim) else {
            return Ok(None);
        };
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
        match text
            .parse::<u64>()
            .ok()
            .and_then(|n| usize::try_from(n).ok())
        {
            Some(n) if n <= self.limit => Ok(Some(n)),
            _ => Err(BodyTooLarge),
        }
    }

    /// Counts a chunk of `len` bytes that arrived; refused (and nothing
    /// counted) if it would take the body past the limit.
    pub fn take(&mut self, len: usize) -> Result<(), BodyTooLarge> {
        match self.read.checked_add(len) {
            Some(total) if total <= self.limit => {
                self.read = total;
                Ok(())
            }
            _ => Err(BodyTooLarge),
        }
    }

    /// Bytes counted so far.
    pub fn read(&self) -> usize {
        self.read
    }
}

impl SyncFailure {
    /// The failure an HTTP status means, or `None` for success (2xx, 304).
    pub fn of_status(status: u16) -> Option<SyncFailure> {
        match status {
            200..=299 | 304 => None,
            401 | 403 => Some(SyncFailure::WrongCredentials),
            404 | 410 => Some(SyncFailure::NotFound),
            412 => Some(SyncFailure::ChangedMeanwhile),
            other => Some(SyncFailure::Status(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_mean_what_the_user_must_do() {
        assert_eq!(SyncFailure::of_status(200), None);
        assert_eq!(SyncFailure::of_status(207), None);
        assert_eq!(SyncFailure::of_status(304), None);
        assert_eq!(
            SyncFailure::of_status(401),
            Some(SyncFailure::WrongCredentials)
        );
        assert_eq!(
            SyncFailure::of_status(412),
            Some(SyncFailure::ChangedMeanwhile)
        );
        assert_eq!(SyncFailure::of_status(404), Some(SyncFailure::NotFound));
        assert_eq!(SyncFailure::of_status(500), Some(SyncFailure::Status(500)));
    }

    #[test]
    fn an_announced_length_above_the_limit_is_refused_before_reading() {
        let limit = BodyLimit::new(100);
        assert_eq!(limit.announced(None), Ok(None));
        assert_eq!(limit.announced(Some("100")), Ok(Some(100)));
        assert_eq!(limit.announced(Some(" 0 ")), Ok(Some(0)));
        assert_eq!(limit.announced(Some("101")), Err(BodyTooLarge));
        assert_eq!(
            limit.announced(Some("99999999999999999999999999")),
            Err(BodyTooLarge)
        );
        // Not a plain number: nothing to go by, so the count decides.
        for odd in ["", "-1", "1e3", "10, 10", "+5", "0x10"] {
            assert_eq!(limit.announced(Some(odd)), Ok(None), "{odd:?}");
        }
    }

    #[test]
    fn a_body_that_grows_past_the_limit_is_cut_at_the_chunk_that_crosses_it() {
        let mut limit = BodyLimit::new(10);
        assert_eq!(limit.take(4), Ok(()));
        assert_eq!(limit.take(6), Ok(()));
        assert_eq!(limit.take(0), Ok(()));
        assert_eq!(limit.take(1), Err(BodyTooLarge));
        assert_eq!(limit.read(), 10);
        let mut huge = BodyLimit::new(usize::MAX);
        assert_eq!(huge.take(usize::MAX), Ok(()));
        assert_eq!(huge.take(1), Err(BodyTooLarge), "never wraps around");
    }
}
