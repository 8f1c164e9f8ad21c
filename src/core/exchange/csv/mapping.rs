//! Which column of a file holds which field, and what an import would do:
//! shared by every kind of CSV import.
//!
//! Guarantees: a mapping is guessed from the header's words, a choice made
//! by hand wins the next time the same header is seen, and a mapping that
//! leaves out a needed field or uses one column twice is reported before
//! any row is read. A plan with a rejected row cannot be applied, so an
//! import never half-applies. A preview lists what each changed record
//! changes, field by field, within a bound ([`preview_changes`]).

use crate::core::order::fold_case;
use crate::core::validate::{Field, FormErrors};
use std::collections::{BTreeMap, BTreeSet};

/// The fields of one kind of import, declared with `column_set!`.
pub trait ColumnSet: Copy + Ord + std::fmt::Debug + 'static {
    /// Every field, in the order of an exported file.
    const ALL: &'static [Self];
    /// A stable key, for the remembered mapping and form values: stored
    /// in the browser, so it never changes.
    fn key(self) -> &'static str;
    /// Header words people use for the field (lower case).
    fn aliases(self) -> &'static [&'static str];
    /// The validation field the column fills, for pointing at problems.
    fn field(self) -> Field;

    /// The field a remembered key names, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Declares the columns of one kind of file, one row a column, in the
/// exported file's order: the variant, the [`Field`] its problems point
/// at, its key, optionally the header an export writes, and the header
/// words it is known by. It gives the enum (in that order, so
/// `column as usize` indexes per-column texts), `ALL`, `key`, `field`,
/// `aliases` (and `header`), and the [`ColumnSet`] impl.
///
/// A macro, so that adding a column, and naming the form field it fills,
/// is one row rather than an edit in five `match`es that must agree, while
/// the columns stay an enum whose `match`es the compiler checks.
macro_rules! column_set {
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $(
                $(#[$vdoc:meta])*
                $variant:ident => $field:ident, $key:literal,
                    [$($alias:literal),+ $(,)?]
            ),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every field, in the order of an exported file.
            pub const ALL: [$name; [$($name::$variant),+].len()] = [$($name::$variant),+];

            /// A stable key, for the remembered mapping and form values:
            /// stored in the browser, so it never changes.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The validation field the column fills, for pointing at
            /// problems.
            pub fn field(self) -> $crate::core::validate::Field {
                match self {
                    $($name::$variant => $crate::core::validate::Field::$field,)+
                }
            }

            /// Header words people use for the field (lower case).
            pub fn aliases(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($alias),+],)+
                }
            }
        }

        impl $crate::core::exchange::csv::mapping::ColumnSet for $name {
            const ALL: &'static [$name] = &$name::ALL;

            fn key(self) -> &'static str {
                $name::key(self)
            }

            fn aliases(self) -> &'static [&'static str] {
                $name::aliases(self)
            }

            fn field(self) -> $crate::core::validate::Field {
                $name::field(self)
            }
        }
    };
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $(
                $(#[$vdoc:meta])*
                $variant:ident => $field:ident, $key:literal, $header:literal,
                    [$($alias:literal),+ $(,)?]
            ),+ $(,)?
        }
    ) => {
        column_set! {
            $(#[$doc])*
            pub enum $name {
                $($(#[$vdoc])* $variant => $field, $key, [$($alias),+],)+
            }
        }

        impl $name {
            /// The header an exported file gives the column.
            pub fn header(self) -> &'static str {
                match self {
                    $($name::$variant => $header,)+
                }
            }
        }
    };
}
pub(crate) use column_set;

/// Which column of the file holds each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping<C: ColumnSet>(pub BTreeMap<C, usize>);

impl<C: ColumnSet> Default for Mapping<C> {
    fn default() -> Self {
        Mapping(BTreeMap::new())
    }
}

impl<C: ColumnSet> Mapping<C> {
    /// The mapping guessed from the header's words; where a header was
    /// mapped before, by hand, that choice wins (`remembered`: header text
    /// folded to lower case → field key, or "" for "not used").
    pub fn guess(header: &[String], remembered: &BTreeMap<String, String>) -> Mapping<C> {
        let mut m = BTreeMap::new();
        let mut used = BTreeSet::new();
        for (i, h) in header.iter().enumerate() {
            if let Some(key) = remembered.get(&fold_case(h.trim())) {
                used.insert(i);
                if let Some(c) = C::from_key(key) {
                    m.entry(c).or_insert(i);
                }
            }
        }
        for (i, h) in header.iter().enumerate() {
            let folded = fold_case(h.trim());
            if used.contains(&i) {
                continue;
            }
            if let Some(c) = C::ALL
                .iter()
                .copied()
                .find(|c| !m.contains_key(c) && c.aliases().contains(&folded.as_str()))
            {
                m.insert(c, i);
            }
        }
        Mapping(m)
    }

    /// The mapping to remember: every header of the file and what it was
    /// mapped to ("" for not used).
    pub fn to_remember(&self, header: &[String]) -> BTreeMap<String, String> {
        header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let key = self
                    .0
                    .iter()
                    .find(|(_, &col)| col == i)
                    .map_or("", |(c, _)| c.key());
                (fold_case(h.trim()), key.to_owned())
            })
            .collect()
    }

    /// The column of `field`, if mapped.
    pub fn column(&self, field: C) -> Option<usize> {
        self.0.get(&field).copied()
    }

    /// The text a row's `cells` hold for `field`; empty when the file has
    /// no such column or the row is short.
    pub fn cell(&self, cells: &[String], field: C) -> String {
        self.column(field)
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// Maps `field` to `column` (`None`: not in the file).
    pub fn set(&mut self, field: C, column: Option<usize>) {
        match column {
            Some(c) => {
                self.0.insert(field, c);
            }
            None => {
                self.0.remove(&field);
            }
        }
    }

    /// The problems of the mapping, given the fields every row needs.
    pub fn problems(&self, required: &[C]) -> Vec<MappingProblem<C>> {
        let mut problems: Vec<MappingProblem<C>> = required
            .iter()
            .filter(|c| self.column(**c).is_none())
            .map(|c| MappingProblem::Missing(*c))
            .collect();
        let mut seen: BTreeMap<usize, C> = BTreeMap::new();
        for (&c, &i) in &self.0 {
            if let Some(&first) = seen.get(&i) {
                problems.push(MappingProblem::Twice(first, c));
            } else {
                seen.insert(i, c);
            }
        }
        problems
    }
}

/// What keeps a mapping from being used, before any row is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingProblem<C> {
    /// A field every row needs has no column.
    Missing(C),
    /// One column is chosen for two fields.
    Twice(C, C),
}

/// One field that an import changes, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange<C> {
    /// The field.
    pub column: C,
    /// What is stored now, in the words of the file ("" for nothing).
    pub before: String,
    /// What the import writes.
    pub after: String,
}

/// The fields in which `stored` and `after` differ (`differs`), in the
/// order of the columns, each before and after in the words of the file
/// (`text`).
pub fn changed_fields<C: ColumnSet, R>(
    stored: &R,
    after: &R,
    differs: impl Fn(&R, &R, C) -> bool,
    text: impl Fn(&R, C) -> String,
) -> Vec<FieldChange<C>> {
    C::ALL
        .iter()
        .copied()
        .filter(|c| differs(stored, after, *c))
        .map(|c| FieldChange {
            column: c,
            before: text(stored, c),
            after: text(after, c),
        })
        .collect()
}

/// A changed record as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedRow<C> {
    /// How the record is named (a participation's code and insats).
    pub record: String,
    /// The fields that change, in the order of the columns.
    pub fields: Vec<FieldChange<C>>,
}

/// The changed records a preview shows, described by `describe`: whole
/// records, in the plan's order, as long as their field changes come to at
/// most `max_fields` in all (the first record always), and how many
/// changed records are left out. Only the shown ones are described.
pub fn preview_changes<R, C>(
    changed: &[(R, R)],
    max_fields: usize,
    describe: impl Fn(&R, &R) -> ChangedRow<C>,
) -> (Vec<ChangedRow<C>>, usize) {
    let mut shown = Vec::new();
    let mut fields = 0usize;
    for (old, new) in changed {
        let row = describe(old, new);
        let total = fields.saturating_add(row.fields.len());
        if total > max_fields && !shown.is_empty() {
            break;
        }
        fields = total;
        shown.push(row);
    }
    let more = changed.len().saturating_sub(shown.len());
    (shown, more)
}

/// One row that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRow {
    /// Its line in the file.
    pub line: u64,
    /// What is wrong, per field.
    pub errors: FormErrors,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan<R> {
    /// New records (with the metadata the caller gave them).
    pub added: Vec<R>,
    /// Changed records: the stored copy and the new one.
    pub changed: Vec<(R, R)>,
    /// Rows equal to what is stored.
    pub unchanged: usize,
    /// Rows left out because they hold no value (an empty outcome).
    pub empty: usize,
    /// Rows that cannot be imported.
    pub rejected: Vec<RejectedRow>,
}

impl<R> Default for ImportPlan<R> {
    fn default() -> Self {
        ImportPlan {
            added: Vec::new(),
            changed: Vec::new(),
            unchanged: 0,
            empty: 0,
            rejected: Vec::new(),
        }
    }
}

impl<R: PartialEq> ImportPlan<R> {
    /// Whether the plan may be applied: every row was accepted and there
    /// is something to do.
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty() && !(self.added.is_empty() && self.changed.is_empty())
    }

    /// Adds an accepted row: new, changed or the same as `stored`.
    pub fn accept(&mut self, stored: Option<R>, new: R) {
        match stored {
            Some(old) if old == new => self.unchanged += 1,
            Some(old) => self.changed.push((old, new)),
            None => self.added.push(new),
        }
    }

    /// Adds a rejected row.
    pub fn reject(&mut self, line: u64, errors: FormErrors) {
        self.rejected.push(RejectedRow { line, errors });
    }
}

/// What the import tests of every kind of file share.
#[cfg(test)]
pub(super) mod testing {
    use super::{ColumnSet, ImportPlan, Mapping};
    use crate::core::exchange::csv::{read_table, Table};
    use crate::core::ids::{DeviceId, Hlc, RecordId};
    use crate::core::model::Meta;
    use crate::core::validate::{Field, Problem};
    use std::collections::BTreeMap;

    /// The table of `text` and the mapping its header guesses, with
    /// nothing remembered.
    pub fn guessed<C: ColumnSet>(text: &str) -> (Table, Mapping<C>) {
        let table = read_table(text.as_bytes()).unwrap();
        let mapping = Mapping::guess(&table.header, &BTreeMap::new());
        (table, mapping)
    }

    /// Metas `new-1`, `new-2`, … stamped `at` by `device`, for the records
    /// an import adds.
    pub fn numbered_metas(at: Hlc, device: &str) -> impl FnMut() -> Meta {
        let device = DeviceId::parse(device).unwrap();
        let mut n = 0;
        move || {
            n += 1;
            Meta::new(
                RecordId::parse(&format!("new-{n}")).unwrap(),
                at,
                device.clone(),
            )
        }
    }

    /// Asserts that `plan` rejects exactly the rows `expected` lists, in
    /// order: each by its line, with its problem at its field.
    pub fn assert_rejected<R>(plan: &ImportPlan<R>, expected: &[(u64, Field, Problem)]) {
        let lines: Vec<u64> = plan.rejected.iter().map(|r| r.line).collect();
        let expected_lines: Vec<u64> = expected.iter().map(|e| e.0).collect();
        assert_eq!(lines, expected_lines);
        for (row, (_, field, problem)) in plan.rejected.iter().zip(expected) {
            assert_eq!(row.errors.at(*field), Some(problem), "line {}", row.line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize) -> ChangedRow<u8> {
        ChangedRow {
            record: format!("r{n}"),
            fields: (0..n)
                .map(|i| FieldChange {
                    column: i as u8,
                    before: String::new(),
                    after: "x".into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_preview_shows_whole_records_up_to_the_bound_and_counts_the_rest() {
        let changed: Vec<(usize, usize)> = vec![(2, 2), (3, 3), (1, 1), (4, 4)];
        let (shown, more) = preview_changes(&changed, 6, |_, n| row(*n));
        let names: Vec<&str> = shown.iter().map(|r| r.record.as_str()).collect();
        assert_eq!(names, ["r2", "r3", "r1"]);
        assert_eq!(more, 1);
        // The first record is shown even when it alone is over the bound.
        let (shown, more) = preview_changes(&changed[3..], 2, |_, n| row(*n));
        assert_eq!((shown.len(), more), (1, 0));
        let (shown, more) = preview_changes::<usize, u8>(&[], 50, |_, n| row(*n));
        assert_eq!((shown.len(), more), (0, 0));
    }
}
