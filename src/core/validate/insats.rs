//! The insats form, with its contacts.

use super::names::name_taken;
use super::{
    free_text, optional_count, optional_date, optional_email, required_name, short_text, Field,
    FormErrors, Problem,
};
use crate::core::ids::RecordId;
use crate::core::model::{Contact, Insats, InsatsKind, Meta, Orientation};
use crate::core::workspace::Workspace;

/// One contact row as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactDraft {
    pub role: String,
    /// Name of the staff member.
    pub name: String,
    pub phone: String,
    /// E-mail.
    pub email: String,
}

/// The insats form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsatsDraft {
    pub name: String,
    pub kind: InsatsKind,
    pub description: String,
    /// Ids of the municipalities served.
    pub municipalities: Vec<String>,
    pub provider: String,
    /// Project id, empty for none.
    pub project: String,
    /// Start date (ISO), optional.
    pub start: String,
    /// End date (ISO), optional.
    pub end: String,
    /// Capacity, optional.
    pub capacity: String,
    /// Contacts; rows left entirely empty are dropped.
    pub contacts: Vec<ContactDraft>,
    /// Individual or structural; none when not said.
    pub orientation: Option<Orientation>,
    /// Target group in words.
    pub target_group: String,
    /// Financing rows; none when the project's financing applies.
    pub financing: Vec<super::financing::FinancingDraft>,
}

impl InsatsDraft {
    /// An empty form.
    pub fn empty() -> InsatsDraft {
        InsatsDraft {
            name: String::new(),
            kind: InsatsKind::Other,
            description: String::new(),
            municipalities: Vec::new(),
            provider: String::new(),
            project: String::new(),
            start: String::new(),
            end: String::new(),
            capacity: String::new(),
            contacts: Vec::new(),
            orientation: None,
            target_group: String::new(),
            financing: Vec::new(),
        }
    }

    /// A form showing an existing insats.
    pub fn from_insats(i: &Insats) -> InsatsDraft {
        let iso =
            |d: Option<chrono::NaiveDate>| d.map(crate::core::period::iso_date).unwrap_or_default();
        InsatsDraft {
            name: i.name.clone(),
            kind: i.kind,
            description: i.description.clone(),
            municipalities: i.municipalities.iter().map(ToString::to_string).collect(),
            provider: i.provider.clone(),
            project: i
                .project
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            start: iso(i.start),
            end: iso(i.end),
            capacity: i.capacity.map(|c| c.get().to_string()).unwrap_or_default(),
            contacts: i
                .contacts
                .iter()
                .map(|c| ContactDraft {
                    role: c.role.clone(),
                    name: c.name.clone(),
                    phone: c.phone.clone(),
                    email: c.email.clone(),
                })
                .collect(),
            orientation: i.orientation,
            target_group: i.target_group.clone(),
            financing: super::financing::financing_drafts(&i.financing),
        }
    }
}

fn contact(index: usize, d: &ContactDraft, errors: &mut FormErrors) -> Option<Contact> {
    let role = errors.check(Field::Contact(index), short_text(&d.role));
    let name = errors.check(Field::Contact(index), short_text(&d.name));
    let phone = errors.check(Field::Contact(index), short_text(&d.phone));
    let email = errors.check(Field::ContactEmail(index), optional_email(&d.email));
    Some(Contact {
        role: role?,
        name: name?,
        phone: phone?,
        email: email?,
    })
}

/// Validates an insats: unique name, existing project and municipalities,
/// an end not before the start, a whole non-negative capacity, and contacts
/// with plausible e-mail addresses; a target group is short text about a
/// group, without a personal number.
pub fn build_insats(draft: &InsatsDraft, ws: &Workspace, meta: Meta) -> Result<Insats, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.insatser, &meta.id, &mut errors);
    let name = errors.check(Field::Name, required_name(&draft.name));
    if let Some(n) = &name {
        let others = ws.insatser.live().map(|i| (&i.meta.id, i.name.as_str()));
        if name_taken(n, &meta.id, others) {
            errors.push(Field::Name, Problem::DuplicateName);
        }
    }
    let description = errors.check(Field::Description, free_text(&draft.description));
    let provider = errors.check(Field::Provider, short_text(&draft.provider));
    let mut municipalities = Vec::new();
    for text in &draft.municipalities {
        match RecordId::parse(text)
            .ok()
            .filter(|id| ws.municipalities.get(id).is_some())
        {
            Some(id) if !municipalities.contains(&id) => municipalities.push(id),
            Some(_) => {}
            None => errors.push(Field::Municipalities, Problem::UnknownReference),
        }
    }
    let project = match draft.project.trim() {
        "" => Some(None),
        text => match RecordId::parse(text)
            .ok()
            .filter(|id| ws.projects.get(id).is_some())
        {
            Some(id) => Some(Some(id)),
            None => {
                errors.push(Field::Project, Problem::UnknownReference);
                None
            }
        },
    };
    let start = errors.check(Field::Start, optional_date(&draft.start));
    let end = errors.check(Field::End, optional_date(&draft.end));
    if let (Some(Some(s)), Some(Some(e))) = (start, end) {
        if e < s {
            errors.push(Field::End, Problem::EndBeforeStart);
        }
    }
    let capacity = errors.check(Field::Capacity, optional_count(&draft.capacity));
    let target_group = errors.check(Field::TargetGroup, short_text(&draft.target_group));
    let financing = super::financing::build_financing(&draft.financing, ws, &mut errors);
    let contacts: Vec<Option<Contact>> = draft
        .contacts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c != ContactDraft::default())
        .map(|(i, c)| contact(i, c, &mut errors))
        .collect();
    errors.into_result(|| {
        Some(Insats {
            meta,
            name: name?,
            kind: draft.kind,
            description: description?,
            municipalities,
            provider: provider?,
            project: project?,
            start: start?,
            end: end?,
            capacity: capacity?,
            contacts: contacts.into_iter().collect::<Option<Vec<_>>>()?,
            orientation: draft.orientation,
            target_group: target_group?,
            financing: financing?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{meta, ws_with_municipality};

    #[test]
    fn a_valid_insats_keeps_everything_typed() {
        let ws = ws_with_municipality("m1", "Tyresö");
        let mut d = InsatsDraft::empty();
        d.name = "Ung i Tyresö".into();
        d.kind = InsatsKind::YouthTeam;
        d.municipalities = vec!["m1".into(), "m1".into()];
        d.capacity = "25".into();
        d.start = "2010-01-01".into();
        d.contacts = vec![
            ContactDraft {
                role: "Verksamhetsledare".into(),
                email: "a@tyreso.se".into(),
                ..Default::default()
            },
            ContactDraft::default(),
        ];
        let i = build_insats(&d, &ws, meta("i1")).unwrap();
        assert_eq!(i.municipalities.len(), 1);
        assert_eq!(i.capacity.map(|c| c.get()), Some(25));
        assert_eq!(i.contacts.len(), 1);
        assert_eq!(InsatsDraft::from_insats(&i).capacity, "25");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let ws = Workspace::default();
        let mut d = InsatsDraft::empty();
        d.start = "2020-01-01".into();
        d.end = "2019-01-01".into();
        d.capacity = "-4".into();
        d.project = "gone".into();
        d.municipalities = vec!["nowhere".into()];
        d.contacts = vec![ContactDraft {
            email: "inte en adress".into(),
            ..Default::default()
        }];
        let e = build_insats(&d, &ws, meta("i1")).unwrap_err();
        assert_eq!(e.at(Field::Name), Some(&Problem::Required));
        assert_eq!(e.at(Field::End), Some(&Problem::EndBeforeStart));
        assert_eq!(e.at(Field::Capacity), Some(&Problem::NegativeCount));
        assert_eq!(e.at(Field::Project), Some(&Problem::UnknownReference));
        assert_eq!(
            e.at(Field::Municipalities),
            Some(&Problem::UnknownReference)
        );
        assert_eq!(e.at(Field::ContactEmail(0)), Some(&Problem::InvalidEmail));
    }
}
