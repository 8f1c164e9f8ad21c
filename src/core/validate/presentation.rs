//! The presentation editor's form: a name, a period and the chosen slides.

use super::{required_name, Field, FormErrors, PeriodDraft, Problem};
use crate::core::model::{Meta, Presentation, Slide, MAX_SLIDES};
use crate::core::workspace::Workspace;

/// A deck as edited, before it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentationDraft {
    /// The name as typed.
    pub name: String,
    /// The period every slide shows.
    pub period: PeriodDraft,
    /// The slides in order.
    pub slides: Vec<Slide>,
}

impl PresentationDraft {
    /// A draft showing a saved deck.
    pub fn from_presentation(p: &Presentation) -> PresentationDraft {
        PresentationDraft {
            name: p.name.clone(),
            period: PeriodDraft::from_period(&p.period),
            slides: p.slides.clone(),
        }
    }
}

/// Validates a deck: a name, a period, and at most [`MAX_SLIDES`] slides.
/// Slides of deleted records are kept (they show as unavailable), so a
/// deck made on one laptop survives a delete on another.
pub fn build_presentation(
    draft: &PresentationDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Presentation, FormErrors> {
    let mut e = FormErrors::default();
    super::still_live(&ws.presentations, &meta.id, &mut e);
    let name = e.check(Field::Name, required_name(&draft.name));
    let period = draft.period.parse(&mut e);
    if draft.slides.len() > MAX_SLIDES {
        e.push(Field::Slides, Problem::TooMany { max: MAX_SLIDES });
    }
    e.into_result(|| {
        Some(Presentation {
            meta,
            name: name?,
            period: period?,
            slides: draft.slides.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{DeviceId, Hlc, RecordId};
    use crate::core::model::Scope;
    use crate::core::period::{Period, PeriodKind};

    fn meta() -> Meta {
        Meta::new(
            RecordId::parse("p1").unwrap(),
            Hlc::default(),
            DeviceId::parse("d").unwrap(),
        )
    }

    fn draft(name: &str, year: &str, slides: usize) -> PresentationDraft {
        PresentationDraft {
            name: name.into(),
            period: PeriodDraft {
                kind: PeriodKind::Year,
                year: year.into(),
                part: String::new(),
                start: String::new(),
                end: String::new(),
            },
            slides: vec![
                Slide::Goals {
                    scope: Scope::Forbund
                };
                slides
            ],
        }
    }

    #[test]
    fn a_named_deck_for_a_year_is_built_with_its_slides() {
        let p = build_presentation(
            &draft(" Årsmöte 2018 ", "2018", 3),
            &Workspace::default(),
            meta(),
        )
        .unwrap();
        assert_eq!(p.name, "Årsmöte 2018");
        assert_eq!(p.period, Period::year(2018).unwrap());
        assert_eq!(p.slides.len(), 3);
    }

    #[test]
    fn a_missing_name_a_bad_year_and_too_many_slides_are_each_named() {
        let e = build_presentation(
            &draft("", "20x8", MAX_SLIDES + 1),
            &Workspace::default(),
            meta(),
        )
        .unwrap_err();
        assert_eq!(e.at(Field::Name), Some(&Problem::Required));
        assert!(e.at(Field::Period).is_some());
        assert_eq!(
            e.at(Field::Slides),
            Some(&Problem::TooMany { max: MAX_SLIDES })
        );
    }
}
