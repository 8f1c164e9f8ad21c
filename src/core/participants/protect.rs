//! Small-number protection: in everything shown to others, a count of a
//! few people is written "<3", and a share that would reveal such a count
//! is left out, so that a participant from a small municipality cannot be
//! picked out of a chart or a newsletter.
//!
//! The rule, applied the same way in every view, chart and export:
//! - a count from 1 up to the threshold is hidden (0 is shown: it
//!   identifies no one);
//! - a share is hidden when its part, or what is left of its whole, is
//!   such a count, or when the whole itself is below the threshold;
//! - in a breakdown whose total is shown, one hidden slice could be worked
//!   out as the total minus the others, so then the smallest other slice
//!   is hidden too.

use super::counts::Share;
use crate::core::value::Percent;

/// The threshold the förbund starts with: counts of 1 and 2 are hidden.
pub const DEFAULT_THRESHOLD: u64 = 3;

/// The largest threshold a förbund can choose.
pub const MAX_THRESHOLD: u64 = 20;

/// A figure as it may be shown to others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A count that is safe to show.
    Count(u64),
    /// A count hidden because it is below the threshold: shown "<3".
    Fewer(u64),
    /// A share that is safe to show.
    Share(Percent),
    /// A share or count left out because it would reveal a small count
    /// (shown as "–" with a note).
    Hidden,
    /// A share of nothing (no one ended, so no share to report).
    NoData,
}

impl Shown {
    /// Whether protection removed the figure, so the view adds its note.
    pub fn is_protected(self) -> bool {
        matches!(self, Shown::Fewer(_) | Shown::Hidden)
    }
}

/// Whether `n` people are few enough to be recognised.
fn few(n: u64, threshold: u64) -> bool {
    n > 0 && n < threshold
}

/// A count as it may be shown.
pub fn protect_count(n: u64, threshold: u64) -> Shown {
    if few(n, threshold) {
        Shown::Fewer(threshold)
    } else {
        Shown::Count(n)
    }
}

/// A share as it may be shown.
pub fn protect_share(share: Share, threshold: u64) -> Shown {
    let Some(percent) = share.percent() else {
        return Shown::NoData;
    };
    let rest = share.whole.saturating_sub(share.part);
    if few(share.part, threshold) || few(rest, threshold) || share.whole < threshold {
        Shown::Hidden
    } else {
        Shown::Share(percent)
    }
}

/// The slices of a breakdown (counts in display order) as they may be
/// shown, when their `total` is shown too (pass `false` when the total is
/// not shown anywhere near them). A slice that is protected only because
/// it would give away another is [`Shown::Hidden`].
pub fn protect_breakdown(slices: &[u64], total_shown: bool, threshold: u64) -> Vec<Shown> {
    let mut out: Vec<Shown> = slices
        .iter()
        .map(|&n| protect_count(n, threshold))
        .collect();
    let hidden = out.iter().filter(|s| s.is_protected()).count();
    if total_shown && hidden == 1 {
        let smallest_other = slices
            .iter()
            .enumerate()
            .filter(|(i, &n)| n > 0 && !out[*i].is_protected())
            .min_by_key(|(_, &n)| n)
            .map(|(i, _)| i);
        if let Some(i) = smallest_other {
            out[i] = Shown::Hidden;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: u64 = DEFAULT_THRESHOLD;

    #[test]
    fn one_and_two_people_are_hidden_zero_and_three_are_not() {
        assert_eq!(protect_count(0, T), Shown::Count(0));
        assert_eq!(protect_count(1, T), Shown::Fewer(3));
        assert_eq!(protect_count(2, T), Shown::Fewer(3));
        assert_eq!(protect_count(3, T), Shown::Count(3));
        assert_eq!(protect_count(2, 5), Shown::Fewer(5));
        assert_eq!(protect_count(4, 5), Shown::Fewer(5));
    }

    #[test]
    fn a_share_that_reveals_a_few_people_is_hidden() {
        let share = |part, whole| protect_share(Share { part, whole }, T);
        assert_eq!(
            share(271, 695),
            Shown::Share(Percent::from_ratio(271, 695).unwrap())
        );
        assert_eq!(share(2, 40), Shown::Hidden, "2 of 40 reveals 2 people");
        assert_eq!(share(38, 40), Shown::Hidden, "38 of 40 reveals the other 2");
        assert_eq!(share(0, 40), Shown::Share(Percent::from_whole(0).unwrap()));
        assert_eq!(share(40, 40), Shown::Share(Percent::FULL));
        assert_eq!(share(0, 2), Shown::Hidden, "a whole of 2 people");
        assert_eq!(share(0, 0), Shown::NoData);
    }

    #[test]
    fn a_single_hidden_slice_takes_the_smallest_other_with_it() {
        // Haninge 40, Tyresö 2, Nynäshamn 12 with the total 54 shown: Tyresö
        // would be 54 − 40 − 12, so Nynäshamn is hidden too.
        let shown = protect_breakdown(&[40, 2, 12], true, T);
        assert_eq!(shown, [Shown::Count(40), Shown::Fewer(3), Shown::Hidden]);
        // Without the total nothing more is needed.
        let shown = protect_breakdown(&[40, 2, 12], false, T);
        assert_eq!(shown, [Shown::Count(40), Shown::Fewer(3), Shown::Count(12)]);
        // Two hidden slices cannot be told apart from the total.
        let shown = protect_breakdown(&[40, 2, 1], true, T);
        assert_eq!(shown, [Shown::Count(40), Shown::Fewer(3), Shown::Fewer(3)]);
        // A zero slice gives nothing away and is not hidden.
        let shown = protect_breakdown(&[40, 2, 0], true, T);
        assert_eq!(shown, [Shown::Hidden, Shown::Fewer(3), Shown::Count(0)]);
    }
}
