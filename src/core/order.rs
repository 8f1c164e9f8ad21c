//! Stable sorting and case-folding for the lists the app shows.
//!
//! Why not `slice::sort_by`: the standard library's sorts are fast but are
//! compiled anew for every element type and comparison closure; across the
//! app's two dozen sorted lists that came to 27 KB of the wasm download. Here
//! one merge sort over indices, with the comparison behind a `&dyn`, is
//! compiled once. Lists are at most thousands of items, where the indirection
//! costs nothing a person can notice.
//!
//! Guarantees: sorting is stable (equal items keep their order) and runs in
//! O(n log n); it never panics, even with an inconsistent comparison.

use std::cmp::Ordering;

/// The order that sorts `len` items, given a comparison of two item indices.
fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut into: Vec<usize> = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        into.clear();
        let mut start = 0;
        while start < len {
            let mid = start.saturating_add(width).min(len);
            let end = start.saturating_add(width.saturating_mul(2)).min(len);
            let (mut a, mut b) = (start, mid);
            while a < mid || b < end {
                let take_left = match (from.get(a), from.get(b).filter(|_| b < end)) {
                    (Some(&x), Some(&y)) if a < mid => cmp(y, x) != Ordering::Less,
                    (Some(_), _) if a < mid => true,
                    _ => false,
                };
                let next = if take_left { &mut a } else { &mut b };
                if let Some(&i) = from.get(*next) {
                    into.push(i);
                }
                *next += 1;
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width = width.saturating_mul(2);
    }
    from
}

/// Rearranges `items` into `order` (a permutation of their indices).
fn apply<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts stably by a comparison of items.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let sorted = {
        let view: &[T] = items;
        order(view.len(), &|a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    apply(items, sorted);
}

/// Sorts stably by a key computed once per item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let sorted = order(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    apply(items, sorted);
}

/// Lower-cases text for sorting and for comparing names, covering ASCII and
/// the Latin-1 letters Swedish and its neighbours use (Å, Ä, Ö, É, Ü, Æ, Ø…).
/// Other scripts compare as written; the full Unicode tables are not worth
/// their download size for names of Swedish municipalities and insatser.
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether `a` and `b` are the same text ignoring case as [`fold_case`]
/// reads it, without making either folded copy (an import compares each
/// row's names with every insats and municipality).
pub fn same_folded(a: &str, b: &str) -> bool {
    a.chars().map(fold_char).eq(b.chars().map(fold_char))
}

/// One letter lower-cased as [`fold_case`] does it.
pub fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        other => other,
    }
}

/// A key that sorts text in Swedish alphabetical order, ignoring case:
/// å, ä and ö come after z (in that order), é sorts as e and ü as y, as in
/// Swedish dictionaries; Danish and Norwegian æ and ø sort with ä and ö.
pub fn sort_key(text: &str) -> String {
    fold_case(text)
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' => 'y',
            'á' | 'à' | 'â' => 'a',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_stable_and_handles_small_inputs() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, |a, b| a.cmp(b));
        let mut one = vec![5];
        sort_by(&mut one, |a, b| b.cmp(a));
        assert_eq!(one, [5]);
    }

    #[test]
    fn an_inconsistent_comparison_never_loses_items() {
        let mut v: Vec<u32> = (0..50).collect();
        sort_by(&mut v, |_, _| Ordering::Less);
        let mut back = v.clone();
        back.sort_unstable();
        assert_eq!(back, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn names_sort_in_swedish_order() {
        let mut names = vec![
            "Örebro",
            "Ängelholm",
            "Åre",
            "Zinkgruvan",
            "ankarsrum",
            "Émile",
        ];
        sort_by_key(&mut names, |n| sort_key(n));
        assert_eq!(
            names,
            [
                "ankarsrum",
                "Émile",
                "Zinkgruvan",
                "Åre",
                "Ängelholm",
                "Örebro"
            ]
        );
    }

    #[test]
    fn case_folding_covers_swedish_letters() {
        assert_eq!(fold_case("ÅÄÖ Tyresö ÉÜ"), "åäö tyresö éü");
        assert_eq!(fold_case("Ÿ×÷"), "Ÿ×÷");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn sorting_matches_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
                let mut ours = items.clone();
                sort_by_key(&mut ours, |x| x.0);
                let mut std_sorted = items;
                std_sorted.sort_by_key(|x| x.0);
                prop_assert_eq!(ours, std_sorted);
            }

            #[test]
            fn folding_agrees_with_unicode_lowercase_on_latin_1(text in "[A-Za-zÀ-ÖØ-Þà-öø-ÿ ]{0,40}") {
                prop_assert_eq!(fold_case(&text), text.to_lowercase());
            }

            #[test]
            fn same_folded_is_comparing_the_folded_copies(a in "[AaBbÅåÖö×ÿ ]{0,6}", b in "[AaBbÅåÖö×ÿ ]{0,6}") {
                prop_assert_eq!(same_folded(&a, &b), fold_case(&a) == fold_case(&b));
                prop_assert!(same_folded(&a, &a.to_uppercase()) || a.contains('ÿ'));
            }
        }
    }
}
