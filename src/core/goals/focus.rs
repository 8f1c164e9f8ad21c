//! Which part of the förbund the board looks at, and the order in which
//! scopes are listed: shared by the board rows and the untargeted outcomes
//! so both show the same scopes in the same order.

use crate::core::ids::RecordId;
use crate::core::model::Scope;
use crate::core::order;
use crate::core::period::PeriodKind;
use crate::core::workspace::Workspace;

/// Which part of the förbund the board looks at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Focus {
    /// Everything: förbund, projects and insatser.
    All,
    /// A project, its sub-projects and their insatser.
    Project(RecordId),
    Insats(RecordId),
}

impl Focus {
    /// Reads the text form (`all`, `project:ID`, `insats:ID`); anything
    /// unreadable means everything.
    pub fn parse(text: &str) -> Focus {
        match text.parse::<Scope>() {
            Ok(Scope::Project(id)) => Focus::Project(id),
            Ok(Scope::Insats(id)) => Focus::Insats(id),
            _ => Focus::All,
        }
    }

    /// The text form, for URLs and settings.
    pub fn code(&self) -> String {
        match self {
            Focus::All => "all".into(),
            Focus::Project(id) => Scope::Project(id.clone()).to_string(),
            Focus::Insats(id) => Scope::Insats(id.clone()).to_string(),
        }
    }
}

impl From<&Scope> for Focus {
    /// The focus that shows exactly what belongs to a scope.
    fn from(scope: &Scope) -> Focus {
        match scope {
            Scope::Forbund => Focus::All,
            Scope::Project(id) => Focus::Project(id.clone()),
            Scope::Insats(id) => Focus::Insats(id.clone()),
        }
    }
}

/// Years in which at least one live target applies, newest first, so the
/// board can offer them when the chosen period has none.
pub fn years_with_targets(ws: &Workspace) -> Vec<i32> {
    let mut years: Vec<i32> = ws
        .targets
        .live()
        .filter(|t| t.period.kind() != PeriodKind::Range)
        .map(|t| t.period.start_year())
        .collect();
    order::sort_by(&mut years, |a, b| b.cmp(a));
    years.dedup();
    years
}

/// Whether a scope falls under a focus.
pub fn in_focus(ws: &Workspace, focus: &Focus, scope: &Scope) -> bool {
    match focus {
        Focus::All => true,
        Focus::Insats(id) => scope == &Scope::Insats(id.clone()),
        Focus::Project(root) => {
            let family = ws.project_family(root);
            match scope {
                Scope::Forbund => false,
                Scope::Project(p) => family.contains(p),
                Scope::Insats(i) => ws
                    .insatser
                    .get(i)
                    .and_then(|ins| ins.project.as_ref())
                    .is_some_and(|p| family.contains(p)),
            }
        }
    }
}

/// Förbund first, then projects, then insatser: the board's reading order.
pub(super) fn scope_rank(scope: &Scope) -> u8 {
    match scope {
        Scope::Forbund => 0,
        Scope::Project(_) => 1,
        Scope::Insats(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_round_trips_through_text_and_defaults_to_all() {
        let f = Focus::Project(RecordId::parse("p1").unwrap());
        assert_eq!(Focus::parse(&f.code()), f);
        assert_eq!(Focus::parse("all"), Focus::All);
        assert_eq!(Focus::parse("<bad>"), Focus::All);
    }

    #[test]
    fn years_with_targets_are_listed_newest_first() {
        let ws = crate::core::demo::workspace();
        assert_eq!(years_with_targets(&ws), vec![2018, 2017]);
    }
}
