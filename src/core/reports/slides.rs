//! Presentation mode: which slides a deck can hold, what each slide's
//! figures are for the deck's period, moving between slides from the
//! keyboard or a clicker, and changing their order.
//!
//! Guarantees: a slide shows the same rows, figures and small-number
//! protection as the board for the same period and scope (it asks the same
//! functions); moving never leaves the deck (the first and last slide stay
//! put); a slide whose record was deleted is reported as unavailable rather
//! than shown with figures of something else.

use crate::core::goals::{
    goal_rows, protect_rows, series, Focus, GoalRow, GoalStatus, SeriesPoint,
};
use crate::core::ids::RecordId;
use crate::core::model::{Presentation, Scope, Slide};
use crate::core::order;
use crate::core::period::Period;
use crate::core::workspace::Workspace;
use std::collections::BTreeSet;

/// The board's focus that shows a slide's scope.
pub fn focus_of(scope: &Scope) -> Focus {
    match scope {
        Scope::Forbund => Focus::All,
        Scope::Project(id) => Focus::Project(id.clone()),
        Scope::Insats(id) => Focus::Insats(id.clone()),
    }
}

/// The goal rows a "goals" slide shows: the board's rows for the scope and
/// period, protected as the board protects them (the projector is public).
pub fn goal_rows_of(
    ws: &Workspace,
    period: &Period,
    scope: &Scope,
    threshold: u64,
) -> Vec<GoalRow> {
    let mut rows = goal_rows(ws, period, &focus_of(scope));
    protect_rows(ws, &mut rows, threshold);
    rows
}

/// The row of one indicator for one scope in the period (the whole
/// target, not a slice), for the large figure of an indicator slide.
pub fn indicator_row(
    ws: &Workspace,
    period: &Period,
    indicator: &RecordId,
    scope: &Scope,
    threshold: u64,
) -> Option<GoalRow> {
    goal_rows_of(ws, period, scope, threshold)
        .into_iter()
        .find(|r| {
            &r.target.indicator == indicator
                && &r.target.scope == scope
                && r.target.breakdown.is_none()
        })
}

/// How many of a slide's targets are met, near, behind, or have no
/// outcome yet (protected rows count as without an outcome: their status
/// would reveal the hidden figure).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub met: usize,
    pub near: usize,
    pub behind: usize,
    /// Without an outcome (or hidden), or a yes/no goal not yet known.
    pub missing: usize,
}

/// Counts the statuses of goal rows, for a slide's one-line summary.
pub fn status_counts(rows: &[GoalRow]) -> StatusCounts {
    let mut c = StatusCounts::default();
    for r in rows {
        match r.status {
            Some(GoalStatus::Met) => c.met += 1,
            Some(GoalStatus::Near) => c.near += 1,
            Some(GoalStatus::Behind) => c.behind += 1,
            // A yes/no goal not yet known has no answer yet either.
            Some(GoalStatus::Unknown) | None => c.missing += 1,
        }
    }
    c
}

/// The points of an indicator slide's line: the indicator for the scope
/// over every period with a target or an outcome.
pub fn indicator_series(ws: &Workspace, indicator: &RecordId, scope: &Scope) -> Vec<SeriesPoint> {
    series(ws, indicator, scope, None)
}

/// Whether everything the slide shows still exists.
pub fn is_available(ws: &Workspace, slide: &Slide) -> bool {
    let scope_lives = |scope: &Scope| match scope {
        Scope::Forbund => true,
        Scope::Project(id) => ws.projects.get(id).is_some(),
        Scope::Insats(id) => ws.insatser.get(id).is_some(),
    };
    match slide {
        Slide::Goals { scope } => scope_lives(scope),
        Slide::Indicator { indicator, scope } => {
            ws.indicators.get(indicator).is_some() && scope_lives(scope)
        }
        Slide::Attendance | Slide::Occupancy => true,
    }
}

/// Every slide the data can fill, in the order the editor offers them: the
/// goals of the förbund, of each project and of each insats; each
/// indicator with a target or outcome, per scope; then frukostmöten and
/// lediga platser when there are any.
pub fn options(ws: &Workspace) -> Vec<Slide> {
    let mut out = vec![Slide::Goals {
        scope: Scope::Forbund,
    }];
    out.extend(ws.projects_by_name().into_iter().map(|p| Slide::Goals {
        scope: Scope::Project(p.meta.id.clone()),
    }));
    out.extend(ws.insatser_by_name().into_iter().map(|i| Slide::Goals {
        scope: Scope::Insats(i.meta.id.clone()),
    }));
    let followed: BTreeSet<(&RecordId, &Scope)> = ws
        .targets
        .live()
        .filter(|t| t.breakdown.is_none())
        .map(|t| (&t.indicator, &t.scope))
        .chain(
            ws.outcomes
                .live()
                .filter(|o| o.breakdown.is_none())
                .map(|o| (&o.indicator, &o.scope)),
        )
        .collect();
    let mut indicator_slides: Vec<(String, String, Slide)> = followed
        .into_iter()
        .filter_map(|(indicator, scope)| {
            let name = &ws.indicators.get(indicator)?.name;
            let slide = Slide::Indicator {
                indicator: indicator.clone(),
                scope: scope.clone(),
            };
            is_available(ws, &slide).then(|| {
                // The förbund's own figures first, then by scope name.
                let scope_key = match scope {
                    Scope::Forbund => String::new(),
                    other => format!("~{}", ws.scope_name(other).unwrap_or_default()),
                };
                (order::sort_key(name), order::sort_key(&scope_key), slide)
            })
        })
        .collect();
    order::sort_by_key(&mut indicator_slides, |(name, scope, _)| {
        (name.clone(), scope.clone())
    });
    out.extend(indicator_slides.into_iter().map(|(_, _, s)| s));
    if ws.meetings.live().next().is_some() {
        out.push(Slide::Attendance);
    }
    if ws.slot_reports.live().next().is_some() {
        out.push(Slide::Occupancy);
    }
    out
}

/// The decks, by name.
pub fn presentations_by_name(ws: &Workspace) -> Vec<&Presentation> {
    let mut all: Vec<&Presentation> = ws.presentations.live().collect();
    order::sort_by_key(&mut all, |p| order::sort_key(&p.name));
    all
}

/// A move within a deck being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The next slide.
    Next,
    /// The slide before.
    Previous,
    /// The first slide.
    First,
    /// The last slide.
    Last,
    /// Stop showing.
    Leave,
}

/// The move a key press asks for (`KeyboardEvent.key`). Clickers send
/// PageDown/PageUp (some send arrows or `.`/`b` for a blank screen, which
/// we leave to the browser); space moves on as in every slide program.
pub fn key_move(key: &str, shift: bool) -> Option<Move> {
    Some(match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | "Enter" => Move::Next,
        " " | "Spacebar" if shift => Move::Previous,
        " " | "Spacebar" => Move::Next,
        "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => Move::Previous,
        "Home" => Move::First,
        "End" => Move::Last,
        "Escape" | "Esc" => Move::Leave,
        _ => return None,
    })
}

/// The slide shown after a move from `index` in a deck of `len` slides;
/// `None` for [`Move::Leave`].
pub fn step(index: usize, len: usize, mv: Move) -> Option<usize> {
    let last = len.saturating_sub(1);
    let index = index.min(last);
    Some(match mv {
        Move::Next => (index + 1).min(last),
        Move::Previous => index.saturating_sub(1),
        Move::First => 0,
        Move::Last => last,
        Move::Leave => return None,
    })
}

/// Moves the slide at `from` to position `to` (the others keep their
/// order); `false`, changing nothing, when either is out of range.
pub fn move_slide(slides: &mut Vec<Slide>, from: usize, to: usize) -> bool {
    if from >= slides.len() || to >= slides.len() {
        return false;
    }
    let slide = slides.remove(from);
    slides.insert(to, slide);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::value::{Count, FigureValue};

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    #[test]
    fn the_demo_deck_shows_927_participants_against_975_in_2017() {
        let ws = demo::workspace();
        let deck = ws.presentations.get(&rid("demo-pres-2017")).unwrap();
        assert!(deck.slides.iter().all(|s| is_available(&ws, s)));
        let row = indicator_row(
            &ws,
            &deck.period,
            &rid("demo-ind-deltagare"),
            &Scope::Forbund,
            3,
        )
        .unwrap();
        let count = |n| FigureValue::Count(Count::new(n).unwrap());
        assert_eq!(row.outcome.unwrap().value, count(927));
        assert_eq!(row.target.value, count(975));
    }

    #[test]
    fn a_goals_slide_shows_the_boards_rows_for_its_scope() {
        let ws = demo::workspace();
        let period = Period::year(2017).unwrap();
        let mia = Scope::Project(rid("demo-mia-os"));
        let rows = goal_rows_of(&ws, &period, &mia, 3);
        let mut board = goal_rows(&ws, &period, &focus_of(&mia));
        protect_rows(&ws, &mut board, 3);
        assert!(!rows.is_empty());
        assert_eq!(rows.len(), board.len());
        let c = status_counts(&rows);
        assert_eq!(c.met + c.near + c.behind + c.missing, rows.len());
        assert!(rows.iter().all(|r| r.target.scope != Scope::Forbund));
    }

    #[test]
    fn a_slide_of_a_deleted_record_is_unavailable_not_dropped() {
        let mut ws = demo::workspace();
        let slide = Slide::Goals {
            scope: Scope::Insats(rid("demo-cm")),
        };
        assert!(is_available(&ws, &slide));
        let plan = crate::core::delete::plan_delete(&ws, &rid("demo-cm")).unwrap();
        for r in plan.writes {
            ws.put(r);
        }
        assert!(!is_available(&ws, &slide));
        assert!(!options(&ws).contains(&slide));
    }

    #[test]
    fn options_start_with_the_forbund_and_list_every_indicator_scope_once() {
        let ws = demo::workspace();
        let all = options(&ws);
        assert_eq!(
            all[0],
            Slide::Goals {
                scope: Scope::Forbund
            }
        );
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        assert!(all.contains(&Slide::Indicator {
            indicator: rid("demo-ind-arbete"),
            scope: Scope::Project(rid("demo-ungdom")),
        }));
        assert_eq!(all.last(), Some(&Slide::Occupancy));
        assert!(all.contains(&Slide::Attendance));
        let empty = options(&Workspace::default());
        assert_eq!(empty.len(), 1);
    }

    #[test]
    fn keys_and_clicker_move_within_the_deck() {
        assert_eq!(key_move("PageDown", false), Some(Move::Next));
        assert_eq!(key_move("PageUp", false), Some(Move::Previous));
        assert_eq!(key_move("ArrowRight", false), Some(Move::Next));
        assert_eq!(key_move("ArrowLeft", false), Some(Move::Previous));
        assert_eq!(key_move(" ", true), Some(Move::Previous));
        assert_eq!(key_move("Escape", false), Some(Move::Leave));
        assert_eq!(key_move("a", false), None);
        assert_eq!(step(0, 3, Move::Next), Some(1));
        assert_eq!(step(2, 3, Move::Next), Some(2));
        assert_eq!(step(0, 3, Move::Previous), Some(0));
        assert_eq!(step(1, 3, Move::Last), Some(2));
        assert_eq!(step(2, 3, Move::First), Some(0));
        assert_eq!(step(7, 3, Move::Previous), Some(1));
        assert_eq!(step(0, 0, Move::Next), Some(0));
        assert_eq!(step(1, 3, Move::Leave), None);
    }

    #[test]
    fn moving_a_slide_keeps_the_others_in_order() {
        let mut slides = vec![
            Slide::Attendance,
            Slide::Occupancy,
            Slide::Goals {
                scope: Scope::Forbund,
            },
        ];
        assert!(move_slide(&mut slides, 2, 0));
        assert_eq!(
            slides,
            [
                Slide::Goals {
                    scope: Scope::Forbund
                },
                Slide::Attendance,
                Slide::Occupancy
            ]
        );
        assert!(!move_slide(&mut slides, 3, 0));
        assert_eq!(slides.len(), 3);
    }
}
