//! The project form.

use super::names::name_taken;
use super::period_draft::PeriodDraft;
use super::{free_text, optional_percent, required_name, short_text, Field, FormErrors, Problem};
use crate::core::ids::RecordId;
use crate::core::model::{Meta, Project};
use crate::core::period::PeriodKind;
use crate::core::workspace::Workspace;

/// The project form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectDraft {
    pub name: String,
    pub description: String,
    /// Project period start (ISO date), optional together with `end`.
    pub start: String,
    /// Project period end (ISO date).
    pub end: String,
    /// Parent project id, empty for none.
    pub parent: String,
    pub funder: String,
    /// Funder's share in percent, optional.
    pub funder_share: String,
    /// Financing rows; rows left entirely empty are dropped.
    pub financing: Vec<super::financing::FinancingDraft>,
}

impl ProjectDraft {
    /// An empty form.
    pub fn empty() -> ProjectDraft {
        ProjectDraft {
            name: String::new(),
            description: String::new(),
            start: String::new(),
            end: String::new(),
            parent: String::new(),
            funder: String::new(),
            funder_share: String::new(),
            financing: Vec::new(),
        }
    }

    /// A form showing an existing project.
    pub fn from_project(p: &Project) -> ProjectDraft {
        let iso = crate::core::period::iso_date;
        ProjectDraft {
            name: p.name.clone(),
            description: p.description.clone(),
            start: p.period.map(|x| iso(x.start())).unwrap_or_default(),
            end: p.period.map(|x| iso(x.end())).unwrap_or_default(),
            parent: p
                .parent
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            funder: p.funder.clone(),
            funder_share: p
                .funder_share
                .map(|s| crate::core::fmt_sv::tenths(u64::from(s.tenths())))
                .unwrap_or_default(),
            financing: super::financing::financing_drafts(&p.financing),
        }
    }
}

/// Whether making `parent` the parent of `me` would create a cycle.
fn creates_cycle(ws: &Workspace, me: &RecordId, parent: &RecordId) -> bool {
    ws.project_family(me).contains(parent)
}

/// Validates a project: unique name, a complete and ordered period if any,
/// an existing parent that is not itself or a descendant.
pub fn build_project(
    draft: &ProjectDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Project, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.projects, &meta.id, &mut errors);
    let name = errors.check(Field::Name, required_name(&draft.name));
    if let Some(n) = &name {
        let others = ws.projects.live().map(|p| (&p.meta.id, p.name.as_str()));
        if name_taken(n, &meta.id, others) {
            errors.push(Field::Name, Problem::DuplicateName);
        }
    }
    let description = errors.check(Field::Description, free_text(&draft.description));
    let period = match (draft.start.trim().is_empty(), draft.end.trim().is_empty()) {
        (true, true) => Some(None),
        (false, true) => {
            errors.push(Field::End, Problem::Required);
            None
        }
        (true, false) => {
            errors.push(Field::Start, Problem::Required);
            None
        }
        (false, false) => {
            let range = PeriodDraft {
                kind: PeriodKind::Range,
                year: String::new(),
                part: String::new(),
                start: draft.start.clone(),
                end: draft.end.clone(),
            };
            range.parse(&mut errors).map(Some)
        }
    };
    let parent = match draft.parent.trim() {
        "" => Some(None),
        text => match RecordId::parse(text)
            .ok()
            .filter(|id| ws.projects.get(id).is_some())
        {
            None => {
                errors.push(Field::Parent, Problem::UnknownReference);
                None
            }
            Some(id) if creates_cycle(ws, &meta.id, &id) => {
                errors.push(Field::Parent, Problem::CyclicParent);
                None
            }
            Some(id) => Some(Some(id)),
        },
    };
    let funder = errors.check(Field::Funder, short_text(&draft.funder));
    let funder_share = errors.check(Field::FunderShare, optional_percent(&draft.funder_share));
    let financing = super::financing::build_financing(&draft.financing, ws, &mut errors);
    errors.into_result(|| {
        Some(Project {
            meta,
            name: name?,
            description: description?,
            period: period?,
            parent: parent?,
            funder: funder?,
            funder_share: funder_share?,
            financing: financing?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Record;
    use crate::core::testing::meta;

    fn draft(name: &str, start: &str, end: &str, parent: &str) -> ProjectDraft {
        ProjectDraft {
            name: name.into(),
            start: start.into(),
            end: end.into(),
            parent: parent.into(),
            ..ProjectDraft::empty()
        }
    }

    #[test]
    fn a_project_period_that_ends_before_it_starts_is_refused() {
        let ws = Workspace::default();
        let r = build_project(
            &draft("MIA", "2020-08-31", "2017-04-01", ""),
            &ws,
            meta("p1"),
        );
        assert_eq!(
            r.unwrap_err().at(Field::End),
            Some(&Problem::EndBeforeStart)
        );
    }

    #[test]
    fn a_half_filled_period_asks_for_the_missing_date() {
        let ws = Workspace::default();
        let r = build_project(&draft("MIA", "2017-04-01", "", ""), &ws, meta("p1"));
        assert_eq!(r.unwrap_err().at(Field::End), Some(&Problem::Required));
    }

    #[test]
    fn a_project_cannot_be_its_own_ancestor() {
        let ws = Workspace::default();
        let mia = build_project(&draft("MIA", "", "", ""), &ws, meta("p1")).unwrap();
        let ws = Workspace::from_records([Record::Project(mia)]);
        let sub = build_project(&draft("MIA ÖS", "", "", "p1"), &ws, meta("p2")).unwrap();
        let ws = Workspace::from_records([ws.records(), vec![Record::Project(sub)]].concat());
        let looped = build_project(&draft("MIA", "", "", "p2"), &ws, meta("p1"));
        assert_eq!(
            looped.unwrap_err().at(Field::Parent),
            Some(&Problem::CyclicParent)
        );
        let missing = build_project(&draft("X", "", "", "nope"), &ws, meta("p3"));
        assert_eq!(
            missing.unwrap_err().at(Field::Parent),
            Some(&Problem::UnknownReference)
        );
    }

    #[test]
    fn a_valid_project_keeps_its_period_and_share() {
        let ws = Workspace::default();
        let mut d = draft("MIA", "2017-04-01", "2020-08-31", "");
        d.funder_share = "66,7".into();
        let p = build_project(&d, &ws, meta("p1")).unwrap();
        assert_eq!(p.period.unwrap().to_string(), "2017-04-01..2020-08-31");
        assert_eq!(p.funder_share.unwrap().tenths(), 667);
        assert_eq!(ProjectDraft::from_project(&p).funder_share, "66,7");
    }
}
