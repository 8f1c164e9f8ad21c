//! Forms that are just a name: the organisation, municipalities, partners
//! and end statuses.

use super::{required_name, Field, FormErrors, Problem};
use crate::core::ids::RecordId;
use crate::core::model::{
    EndCategory, EndStatus, Meta, Municipality, Organisation, Partner, PartnerKind,
};
use crate::core::order::fold_case;
use crate::core::participants::MAX_THRESHOLD;
use crate::core::workspace::Workspace;

/// A name as typed, and for partners their kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameDraft {
    pub name: String,
    /// The partner kind (ignored for other records).
    pub kind: PartnerKind,
    /// The end status's category (ignored for other records).
    pub category: EndCategory,
    /// The organisation's protection threshold as typed; empty is the
    /// default (ignored for other records).
    pub threshold: String,
    /// The organisation's financing rows (ignored for other records).
    pub financing: Vec<super::financing::FinancingDraft>,
}

impl Default for NameDraft {
    fn default() -> Self {
        NameDraft {
            name: String::new(),
            kind: PartnerKind::Other,
            category: EndCategory::Other,
            threshold: String::new(),
            financing: Vec::new(),
        }
    }
}

/// Whether another live record among `existing` has the same name,
/// ignoring case and surrounding spaces.
fn taken<'a>(
    name: &str,
    me: &RecordId,
    mut existing: impl Iterator<Item = (&'a RecordId, &'a str)>,
) -> bool {
    let wanted = fold_case(name.trim());
    existing.any(|(id, n)| id != me && fold_case(n.trim()) == wanted)
}

fn unique_name<'a>(
    draft: &NameDraft,
    me: &RecordId,
    existing: impl Iterator<Item = (&'a RecordId, &'a str)>,
    errors: &mut FormErrors,
) -> Option<String> {
    let name = errors.check(Field::Name, required_name(&draft.name))?;
    if taken(&name, me, existing) {
        errors.push(Field::Name, Problem::DuplicateName);
        return None;
    }
    Some(name)
}

/// Validates the förbund's name, protection threshold and financing.
pub fn build_organisation(
    draft: &NameDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Organisation, FormErrors> {
    let mut errors = FormErrors::default();
    let name = errors.check(Field::Name, required_name(&draft.name));
    let threshold = errors.check(Field::Threshold, threshold(&draft.threshold));
    let financing = super::financing::build_financing(&draft.financing, ws, &mut errors);
    errors.into_result(|| {
        Some(Organisation {
            meta,
            name: name?,
            protection_threshold: threshold?,
            financing: financing?,
        })
    })
}

/// A protection threshold as typed: empty for the default, else a whole
/// number from 1 (nothing hidden) to [`MAX_THRESHOLD`].
fn threshold(text: &str) -> Result<Option<u8>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u8>()
        .ok()
        .filter(|n| (1..=MAX_THRESHOLD).contains(&u64::from(*n)))
        .map(Some)
        .ok_or(Problem::ThresholdOutOfRange)
}

/// Validates a member municipality: a unique name.
pub fn build_municipality(
    draft: &NameDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Municipality, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.municipalities, &meta.id, &mut errors);
    let existing = ws
        .municipalities
        .live()
        .map(|m| (&m.meta.id, m.name.as_str()));
    let name = unique_name(draft, &meta.id, existing, &mut errors);
    errors.into_result(|| Some(Municipality { meta, name: name? }))
}

/// Validates a partner authority: a unique name and a kind.
pub fn build_partner(draft: &NameDraft, ws: &Workspace, meta: Meta) -> Result<Partner, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.partners, &meta.id, &mut errors);
    let existing = ws.partners.live().map(|p| (&p.meta.id, p.name.as_str()));
    let name = unique_name(draft, &meta.id, existing, &mut errors);
    errors.into_result(|| {
        Some(Partner {
            meta,
            name: name?,
            kind: draft.kind,
        })
    })
}

/// Validates an end status: a unique name and a category. A new one goes
/// last in the list; an edited one keeps its place.
pub fn build_end_status(
    draft: &NameDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<EndStatus, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.end_statuses, &meta.id, &mut errors);
    let existing = ws
        .end_statuses
        .live()
        .map(|s| (&s.meta.id, s.name.as_str()));
    let name = unique_name(draft, &meta.id, existing, &mut errors);
    let order = ws.end_statuses.get_any(&meta.id).map_or_else(
        || {
            ws.end_statuses
                .all()
                .map(|s| s.order.saturating_add(1))
                .max()
                .unwrap_or(0)
        },
        |s| s.order,
    );
    errors.into_result(|| {
        Some(EndStatus {
            meta,
            name: name?,
            category: draft.category,
            order,
        })
    })
}

/// Whether a name is used by another live record of a list (for projects,
/// insatser and indicators).
pub(crate) fn name_taken<'a>(
    name: &str,
    me: &RecordId,
    existing: impl Iterator<Item = (&'a RecordId, &'a str)>,
) -> bool {
    taken(name, me, existing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::{meta, ws_with_municipality};

    #[test]
    fn a_new_end_status_goes_last_and_an_edited_one_keeps_its_place() {
        let mut ws = Workspace::default();
        let draft = |name: &str| NameDraft {
            name: name.into(),
            category: EndCategory::WorkOrStudies,
            ..Default::default()
        };
        let first = build_end_status(&draft("Arbete"), &ws, meta("s1")).unwrap();
        assert_eq!(first.order, 0);
        ws.put(crate::core::model::Record::EndStatus(first));
        let second = build_end_status(&draft("Studier"), &ws, meta("s2")).unwrap();
        assert_eq!(second.order, 1);
        let renamed = build_end_status(&draft("Anställning"), &ws, meta("s1")).unwrap();
        assert_eq!(renamed.order, 0);
        let dup = build_end_status(&draft("arbete"), &ws, meta("s3")).unwrap_err();
        assert_eq!(dup.at(Field::Name), Some(&Problem::DuplicateName));
    }

    #[test]
    fn the_threshold_is_empty_or_one_to_twenty() {
        let draft = |t: &str| NameDraft {
            name: "Förbundet".into(),
            threshold: t.into(),
            ..Default::default()
        };
        let org = |t| build_organisation(&draft(t), &Workspace::default(), meta("organisation"));
        assert_eq!(org("").unwrap().protection_threshold, None);
        assert_eq!(org(" 5 ").unwrap().protection_threshold, Some(5));
        for bad in ["0", "21", "tre", "-1"] {
            assert_eq!(
                org(bad).unwrap_err().at(Field::Threshold),
                Some(&Problem::ThresholdOutOfRange),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_empty_name_is_refused() {
        let ws = Workspace::default();
        let r = build_municipality(
            &NameDraft {
                name: " ".into(),
                ..Default::default()
            },
            &ws,
            meta("m1"),
        );
        assert_eq!(r.unwrap_err().at(Field::Name), Some(&Problem::Required));
    }

    #[test]
    fn saving_an_edit_of_a_deleted_record_is_refused() {
        let mut gone = meta("m1");
        gone.deleted = true;
        gone.stamp.hlc.millis = 5;
        let mut ws = ws_with_municipality("m1", "Tyresö");
        ws.put(crate::core::model::Record::Municipality(
            crate::core::model::Municipality {
                meta: gone,
                name: "Tyresö".into(),
            },
        ));
        let draft = NameDraft {
            name: "Tyresö kommun".into(),
            ..Default::default()
        };
        let r = build_municipality(&draft, &ws, meta("m1"));
        assert_eq!(
            r.unwrap_err().at(Field::Form),
            Some(&Problem::RecordDeleted)
        );
    }

    #[test]
    fn a_duplicate_municipality_name_is_refused_but_renaming_itself_is_fine() {
        let ws = ws_with_municipality("m1", "Tyresö");
        let draft = NameDraft {
            name: "tyresö ".into(),
            ..Default::default()
        };
        let r = build_municipality(&draft, &ws, meta("m2"));
        assert_eq!(
            r.unwrap_err().at(Field::Name),
            Some(&Problem::DuplicateName)
        );
        assert!(build_municipality(&draft, &ws, meta("m1")).is_ok());
    }
}
