//! Which of the workspace's tables a write changes or a computation reads.
//!
//! Guarantees: every type tag this version knows is one table, in the order
//! of [`KNOWN_KINDS`]; every other tag is [`Tables::OTHER`]. The ui keeps
//! one change signal per table, so a view that reads some tables is not
//! drawn again by a write to the others. A computation that the ui tracks
//! narrowly declares what it reads beside it (`READS`), and a test clears
//! every other table and sees the same result.

use crate::core::exchange::merge::KNOWN_KINDS;

/// A set of the workspace's tables.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Tables(u32);

impl Tables {
    /// How many tables there are: one per known type, and one for the rest.
    pub const COUNT: usize = KNOWN_KINDS.len() + 1;
    /// No table.
    pub const NONE: Tables = Tables(0);
    /// Every table.
    pub const ALL: Tables = Tables((1 << Tables::COUNT) - 1);
    /// The förbund itself.
    pub const ORGANISATION: Tables = Tables(1 << 0);
    /// Member municipalities.
    pub const MUNICIPALITIES: Tables = Tables(1 << 1);
    /// Partner authorities.
    pub const PARTNERS: Tables = Tables(1 << 2);
    /// Projects.
    pub const PROJECTS: Tables = Tables(1 << 3);
    /// Insatser.
    pub const INSATSER: Tables = Tables(1 << 4);
    /// Indicators.
    pub const INDICATORS: Tables = Tables(1 << 5);
    /// Targets.
    pub const TARGETS: Tables = Tables(1 << 6);
    /// Reported outcomes.
    pub const OUTCOMES: Tables = Tables(1 << 7);
    /// End statuses.
    pub const END_STATUSES: Tables = Tables(1 << 8);
    /// Participations.
    pub const PARTICIPATIONS: Tables = Tables(1 << 9);
    /// Frukostmöten.
    pub const MEETINGS: Tables = Tables(1 << 10);
    /// Reports of places.
    pub const SLOT_REPORTS: Tables = Tables(1 << 11);
    /// Guests checked in.
    pub const ARRIVALS: Tables = Tables(1 << 12);
    /// Saved presentations.
    pub const PRESENTATIONS: Tables = Tables(1 << 13);
    /// Figures a public snapshot brought.
    pub const PUBLISHED_FIGURES: Tables = Tables(1 << 14);
    /// Guests counted at doors that a public snapshot brought.
    pub const DOOR_COUNTS: Tables = Tables(1 << 15);
    /// Forecasts.
    pub const FORECASTS: Tables = Tables(1 << 16);
    /// Comments on targets.
    pub const COMMENTS: Tables = Tables(1 << 17);
    /// Records of types a newer version wrote.
    pub const OTHER: Tables = Tables(1 << KNOWN_KINDS.len());

    /// The table a record of type tag `kind` lives in.
    pub fn of_kind(kind: &str) -> Tables {
        let at = KNOWN_KINDS.iter().position(|k| *k == kind);
        Tables(1 << at.unwrap_or(KNOWN_KINDS.len()))
    }

    /// Both sets together (usable in constants).
    pub const fn with(self, other: Tables) -> Tables {
        Tables(self.0 | other.0)
    }

    /// Whether every table of `other` is in this set.
    pub const fn contains(self, other: Tables) -> bool {
        self.0 & other.0 == other.0
    }

    /// Each table of this set on its own.
    pub fn singles(self) -> impl Iterator<Item = Tables> {
        self.positions().map(|i| Tables(1 << i))
    }

    /// The positions of this set's tables, `0..COUNT`, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..Tables::COUNT).filter(move |i| self.0 & (1 << i) != 0)
    }
}

impl std::fmt::Debug for Tables {
    /// The type tags of the set's tables (`other` for the rest).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = self
            .positions()
            .map(|i| KNOWN_KINDS.get(i).copied().unwrap_or("other"));
        f.debug_set().entries(names).finish()
    }
}

impl std::ops::BitOr for Tables {
    type Output = Tables;
    fn bitor(self, other: Tables) -> Tables {
        self.with(other)
    }
}

impl std::ops::BitOrAssign for Tables {
    fn bitor_assign(&mut self, other: Tables) {
        *self = self.with(other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_type_has_its_own_table_and_unknown_types_share_one() {
        let named = [
            ("organisation", Tables::ORGANISATION),
            ("municipality", Tables::MUNICIPALITIES),
            ("partner", Tables::PARTNERS),
            ("project", Tables::PROJECTS),
            ("insats", Tables::INSATSER),
            ("indicator", Tables::INDICATORS),
            ("target", Tables::TARGETS),
            ("outcome", Tables::OUTCOMES),
            ("end_status", Tables::END_STATUSES),
            ("participation", Tables::PARTICIPATIONS),
            ("meeting", Tables::MEETINGS),
            ("slot_report", Tables::SLOT_REPORTS),
            ("arrival", Tables::ARRIVALS),
            ("presentation", Tables::PRESENTATIONS),
            ("published_figure", Tables::PUBLISHED_FIGURES),
            ("door_count", Tables::DOOR_COUNTS),
            ("forecast", Tables::FORECASTS),
            ("comment", Tables::COMMENTS),
        ];
        assert_eq!(named.len(), KNOWN_KINDS.len());
        let mut all = Tables::NONE;
        for (kind, table) in named {
            assert_eq!(Tables::of_kind(kind), table, "{kind}");
            assert_eq!(table.positions().count(), 1, "{kind}");
            assert!(!all.contains(table), "{kind} shares a table");
            all |= table;
        }
        assert_eq!(Tables::of_kind("budget_line"), Tables::OTHER);
        assert_eq!(Tables::of_kind(""), Tables::OTHER);
        assert_eq!(all | Tables::OTHER, Tables::ALL);
        assert_eq!(Tables::ALL.positions().count(), Tables::COUNT);
    }

    #[test]
    fn a_set_contains_its_parts_and_not_more() {
        let board = Tables::TARGETS.with(Tables::OUTCOMES);
        assert!(board.contains(Tables::TARGETS));
        assert!(board.contains(board));
        assert!(!board.contains(Tables::COMMENTS));
        assert!(!Tables::NONE.contains(Tables::TARGETS));
        assert!(Tables::ALL.contains(board));
        assert_eq!(board.positions().collect::<Vec<_>>(), [6, 7]);
    }
}
