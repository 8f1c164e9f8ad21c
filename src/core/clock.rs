//! The clock rule: how far ahead of a device's wall clock a stamp may be,
//! so that one laptop with a wrong clock can never win every future edit,
//! nor make any device's files unreadable.
//!
//! Why a rule at all: a merge keeps the write with the newer stamp. A
//! laptop whose clock runs five years ahead stamps its edits five years
//! ahead; accepted as they are, they beat every concurrent edit made with a
//! correct clock until that date, and a local edit of such a record must be
//! stamped after it to win, which spreads the wrong time to every device.
//!
//! The rule, as mature hybrid-logical-clock systems have it (CockroachDB
//! refuses a remote timestamp more than its maximum clock offset ahead;
//! Actual Budget refuses a sync whose clock drifts more than five minutes):
//!
//! - A stamp up to [`FOLLOW_MILLIS`] (5 minutes) ahead of this device's wall
//!   clock is ordinary skew: accepted silently, and the device's clock
//!   follows it, so a write made after reading it is ordered after it.
//! - A stamp up to [`MAX_AHEAD_MILLIS`] (1 hour) ahead is accepted but named
//!   (which device, how far ahead); the device's clock does not follow it
//!   beyond 5 minutes. A local edit of such a record is still stamped just
//!   after it (the edit must win), never more than 1 hour ahead.
//! - A stamp further ahead is refused: the whole file is refused, nothing
//!   changes, and the message names the device and how far ahead its clock
//!   ran. A stamp after the year 9999 is refused always.
//! - No stamp this device writes is ever more than [`MAX_AHEAD_MILLIS`]
//!   ahead of its wall clock ([`write_stamp`]). Records that hold stamps
//!   further ahead (written before this rule, or by this device while its
//!   own clock ran ahead and has since been set right) are repaired only when
//!   the user asks: [`crate::core::exchange::merge::restamp`] rewrites those stamps as
//!   a write made now, keeping every value.
//! - When the newest reading this device handed out lies more than
//!   [`MAX_AHEAD_MILLIS`] ahead of its wall clock (the wall clock was set
//!   back), the device continues under a new device id ([`start`]): stamps
//!   of one device id must only grow, or other copies would take its new
//!   writes for ones they had already seen.
//!
//! Everything here is pure: the wall clock comes in as an argument.

use crate::core::ids::Hlc;
use crate::core::model::Meta;
use std::fmt;

/// How far ahead of this device's wall clock a stamp may be and still be
/// followed by its clock, unremarked: ordinary skew between laptops.
pub const FOLLOW_MILLIS: u64 = 5 * 60 * 1000;

/// How far ahead of this device's wall clock a stamp may be at all.
pub const MAX_AHEAD_MILLIS: u64 = 60 * 60 * 1000;

/// The latest clock reading accepted anywhere: the last millisecond of the
/// year 9999.
pub const MAX_MILLIS: u64 = 253_402_300_799_999;

/// How a clock reading stands against this device's wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drift {
    /// At most [`FOLLOW_MILLIS`] ahead (or behind, which is always fine).
    Normal,
    /// Ahead by this many milliseconds, at most [`MAX_AHEAD_MILLIS`].
    Ahead(u64),
    /// Ahead by this many milliseconds, more than [`MAX_AHEAD_MILLIS`] (or
    /// after the year 9999): refused.
    TooFar(u64),
}

/// Where `hlc` stands against the wall clock `now_millis`.
pub fn drift(hlc: Hlc, now_millis: u64) -> Drift {
    let ahead = hlc.millis.saturating_sub(now_millis);
    if hlc.millis > MAX_MILLIS || ahead > MAX_AHEAD_MILLIS {
        Drift::TooFar(ahead)
    } else if ahead > FOLLOW_MILLIS {
        Drift::Ahead(ahead)
    } else {
        Drift::Normal
    }
}

/// The newest clock reading anywhere in a record's bookkeeping: its stamp,
/// its field stamps and the writes it has seen.
pub fn newest_in(meta: &Meta) -> Hlc {
    std::iter::once(meta.stamp.hlc)
        .chain(meta.fields.values().map(|s| s.hlc))
        .chain(meta.seen.values().copied())
        .max()
        .unwrap_or_default()
}

/// The latest reading this device's clock may take after seeing `seen`:
/// `seen` itself, or the wall clock plus [`FOLLOW_MILLIS`] if `seen` is
/// further ahead.
pub fn followable(seen: Hlc, now_millis: u64) -> Hlc {
    seen.min(Hlc {
        millis: now_millis.saturating_add(FOLLOW_MILLIS),
        counter: 0,
    })
}

/// How this device's clock starts (or goes on) given `last`, the newest
/// reading any of its tabs handed out under its device id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Go on after `last`.
    Continue(Hlc),
    /// `last` is more than [`MAX_AHEAD_MILLIS`] ahead of the wall clock: the
    /// wall clock was set back (or an older version followed a stamp from
    /// the future). Writing on under the same id would either stamp far
    /// ahead or go backwards; continue under a new device id instead.
    NewDevice,
}

/// Decides [`Start`] for `last` at the wall clock `now_millis`.
pub fn start(last: Hlc, now_millis: u64) -> Start {
    match drift(last, now_millis) {
        Drift::TooFar(_) => Start::NewDevice,
        _ => Start::Continue(last),
    }
}

/// A local write would have to be stamped too far ahead: the record holds a
/// stamp further ahead of this device's clock than [`MAX_AHEAD_MILLIS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFarAhead {
    /// The newest stamp the record holds.
    pub stamp: Hlc,
    /// How far ahead of the wall clock it is, in milliseconds.
    pub ahead_millis: u64,
}

impl fmt::Display for TooFarAhead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the record holds a stamp {} ms ahead of this device's clock",
            self.ahead_millis
        )
    }
}

impl std::error::Error for TooFarAhead {}

/// The stamp of a local write: the device clock's reading `hlc`, or just
/// after `stored` (the newest stamp of the copy written over) when that is
/// not older, so the write wins; never more than [`MAX_AHEAD_MILLIS`] ahead
/// of the wall clock `now_millis` and never after the year 9999.
pub fn write_stamp(hlc: Hlc, stored: Option<Hlc>, now_millis: u64) -> Result<Hlc, TooFarAhead> {
    let stamp = match stored {
        Some(s) if s >= hlc => s.tick(0),
        _ => hlc,
    };
    match drift(stamp, now_millis) {
        Drift::TooFar(ahead_millis) => Err(TooFarAhead {
            stamp: stored.unwrap_or(stamp).max(hlc),
            ahead_millis,
        }),
        _ => Ok(stamp),
    }
}

/// The `n` readings one write of `n` records takes, from `first` on: each
/// just after the one before (the counter counts up within `first`'s
/// millisecond, and goes on into the next only when it runs out). A write
/// takes them together, so the device's clock is read and saved once per
/// write instead of once per record.
pub fn readings(first: Hlc, n: usize) -> impl Iterator<Item = Hlc> + Clone {
    std::iter::successors(Some(first), |h| Some(h.tick(0))).take(n)
}

/// A span of time as a person reads it: its two largest units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Years and days (from a year).
    YearsDays(u64, u64),
    /// Days and hours (from a day).
    DaysHours(u64, u64),
    /// Hours and minutes (from an hour).
    HoursMinutes(u64, u64),
    /// Minutes (rounded up, at least 1).
    Minutes(u64),
}

/// `millis` as a [`Span`], for "the clock ran 5 years and 3 days ahead".
pub fn span(millis: u64) -> Span {
    const MINUTE: u64 = 60_000;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const YEAR: u64 = 365 * DAY;
    match millis {
        m if m >= YEAR => Span::YearsDays(m / YEAR, m % YEAR / DAY),
        m if m >= DAY => Span::DaysHours(m / DAY, m % DAY / HOUR),
        m if m >= HOUR => Span::HoursMinutes(m / HOUR, m % HOUR / MINUTE),
        m => Span::Minutes(m.div_ceil(MINUTE).max(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_795_428_900_000;
    const MINUTE: u64 = 60_000;

    fn at(millis: u64) -> Hlc {
        Hlc { millis, counter: 0 }
    }

    #[test]
    fn a_writes_readings_are_as_many_as_asked_each_after_the_one_before() {
        let first = Hlc {
            millis: NOW,
            counter: u32::MAX - 2,
        };
        let run: Vec<Hlc> = readings(first, 5).collect();
        assert_eq!(run.len(), 5);
        assert_eq!(run[0], first);
        assert!(run.windows(2).all(|w| w[0] < w[1]));
        // The counter ran out: the run goes on in the next millisecond.
        assert_eq!(run[3], at(NOW + 1));
        assert_eq!(readings(first, 0).count(), 0);
    }

    #[test]
    fn drift_is_normal_up_to_five_minutes_named_up_to_an_hour_and_refused_beyond() {
        assert_eq!(drift(at(NOW - 1000 * MINUTE), NOW), Drift::Normal);
        assert_eq!(drift(at(NOW + 5 * MINUTE), NOW), Drift::Normal);
        assert_eq!(drift(at(NOW + 6 * MINUTE), NOW), Drift::Ahead(6 * MINUTE));
        assert_eq!(drift(at(NOW + 60 * MINUTE), NOW), Drift::Ahead(60 * MINUTE));
        assert_eq!(
            drift(at(NOW + 61 * MINUTE), NOW),
            Drift::TooFar(61 * MINUTE)
        );
        assert!(matches!(
            drift(at(MAX_MILLIS + 1), u64::MAX),
            Drift::TooFar(_)
        ));
    }

    #[test]
    fn the_clock_follows_a_stamp_only_five_minutes_ahead() {
        assert_eq!(followable(at(NOW + MINUTE), NOW), at(NOW + MINUTE));
        assert_eq!(followable(at(NOW + 90 * MINUTE), NOW), at(NOW + 5 * MINUTE));
        let year_9999 = Hlc {
            millis: MAX_MILLIS,
            counter: u32::MAX,
        };
        assert_eq!(followable(year_9999, NOW), at(NOW + 5 * MINUTE));
    }

    #[test]
    fn a_write_wins_over_the_stored_copy_but_is_never_stamped_more_than_an_hour_ahead() {
        assert_eq!(write_stamp(at(NOW), Some(at(NOW - 1)), NOW), Ok(at(NOW)));
        let ahead = at(NOW + 30 * MINUTE);
        let stamp = write_stamp(at(NOW), Some(ahead), NOW).unwrap();
        assert!(stamp > ahead);
        let far = at(NOW + 5 * 365 * 24 * 60 * MINUTE);
        assert_eq!(
            write_stamp(at(NOW), Some(far), NOW),
            Err(TooFarAhead {
                stamp: far,
                ahead_millis: far.millis - NOW
            })
        );
        let end = Hlc {
            millis: MAX_MILLIS,
            counter: u32::MAX,
        };
        assert!(write_stamp(at(NOW), Some(end), NOW).is_err());
    }

    #[test]
    fn spans_read_in_their_two_largest_units() {
        assert_eq!(
            span(5 * 365 * 86_400_000 + 3 * 86_400_000),
            Span::YearsDays(5, 3)
        );
        assert_eq!(span(26 * 60 * MINUTE), Span::DaysHours(1, 2));
        assert_eq!(span(130 * MINUTE), Span::HoursMinutes(2, 10));
        assert_eq!(span(40 * MINUTE - 1), Span::Minutes(40));
        assert_eq!(span(0), Span::Minutes(1));
    }

    #[test]
    fn a_clock_set_back_by_more_than_an_hour_starts_a_new_device() {
        assert_eq!(
            start(at(NOW + MINUTE), NOW),
            Start::Continue(at(NOW + MINUTE))
        );
        assert_eq!(start(at(NOW + 61 * MINUTE), NOW), Start::NewDevice);
    }
}
