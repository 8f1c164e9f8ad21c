//! Syncing without a server of our own: a snapshot the host publishes next
//! to the app, and a WebDAV folder where each device keeps its own file.
//!
//! Both reuse the snapshot format and the merge: what arrives is read and
//! planned exactly like a file the user picks, so the same checks and the
//! same preview apply. What is here is only what the network adds: where
//! to look, which conditional headers to send, what a folder listing says,
//! which files are new since last time, and what each HTTP answer means.

pub mod published;
pub mod webdav;

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
}
