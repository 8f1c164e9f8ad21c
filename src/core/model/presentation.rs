//! Presentations: a saved sequence of slides that the förbundschef shows on
//! a projector at a frukostmöte or a board meeting.
//!
//! Guarantees: a presentation names what its slides show (records by id,
//! never copies of their figures), so a slide always shows the current
//! data; one period applies to every slide, so a deck for "2018" stays a
//! deck for 2018. A slide whose record has since been deleted is kept and
//! shown as missing, never dropped silently.

use super::meta::{impl_entity, Meta};
use super::scope::Scope;
use crate::core::ids::RecordId;
use crate::core::period::Period;
use serde::{Deserialize, Serialize};

/// The most slides a presentation holds; a longer deck is refused when read.
pub const MAX_SLIDES: usize = 100;

/// A named sequence of slides for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// Identity and last write.
    pub meta: Meta,
    /// What the deck is for ("Årsmöte 2018").
    pub name: String,
    /// The period every slide shows.
    pub period: Period,
    /// The slides, in the order they are shown.
    #[serde(default, deserialize_with = "at_most_max_slides")]
    pub slides: Vec<Slide>,
}

/// Reads the slide list and refuses one longer than [`MAX_SLIDES`], so a
/// file cannot make the editor and the projector build thousands of views.
fn at_most_max_slides<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Slide>, D::Error> {
    let slides = Vec::<Slide>::deserialize(d)?;
    if slides.len() > MAX_SLIDES {
        return Err(serde::de::Error::custom(format_args!(
            "at most {MAX_SLIDES} slides, found {}",
            slides.len()
        )));
    }
    Ok(slides)
}

/// What one slide shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Slide {
    /// The goal board for the whole förbund, a project or an insats: every
    /// target of the period with its outcome, as the board's charts.
    Goals {
        /// Whose targets.
        scope: Scope,
    },
    /// One indicator for one scope: the period's outcome in large figures
    /// against its target, and its line over the periods.
    Indicator {
        indicator: RecordId,
        /// Whose figures.
        scope: Scope,
    },
    /// Guests at frukostmöten per year, against the yearly target.
    Attendance,
    /// Places and enrolled participants over time (lediga platser).
    Occupancy,
}

impl Slide {
    /// The records the slide shows, for checking that they still exist.
    pub fn references(&self) -> Vec<&RecordId> {
        match self {
            Slide::Goals { scope } => scope.record().into_iter().collect(),
            Slide::Indicator { indicator, scope } => {
                std::iter::once(indicator).chain(scope.record()).collect()
            }
            Slide::Attendance | Slide::Occupancy => Vec::new(),
        }
    }
}

impl_entity!(Presentation);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slides_are_written_as_tagged_objects_and_read_back() {
        let text = r#"{"meta":{"id":"p1","stamp":{"hlc":[1,0],"device":"d"}},
            "name":"Årsmöte 2018","period":"2018",
            "slides":[{"goals":{"scope":"forbund"}},
                      {"indicator":{"indicator":"demo-ind-arbete","scope":"project:demo-ungdom"}},
                      "attendance","occupancy"]}"#;
        let p: Presentation = serde_json::from_str(text).unwrap();
        assert_eq!(p.slides.len(), 4);
        assert_eq!(
            p.slides[1].references(),
            [
                &RecordId::parse("demo-ind-arbete").unwrap(),
                &RecordId::parse("demo-ungdom").unwrap()
            ]
        );
        let again: Presentation =
            serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn an_unknown_slide_kind_or_field_is_refused_when_read_typed() {
        let base = |slides: &str| {
            format!(
                r#"{{"meta":{{"id":"p1","stamp":{{"hlc":[1,0],"device":"d"}}}},
                "name":"x","period":"2018","slides":[{slides}]}}"#
            )
        };
        assert!(serde_json::from_str::<Presentation>(&base(r#""video""#)).is_err());
        assert!(serde_json::from_str::<Presentation>(&base(
            r#"{"goals":{"scope":"forbund","zoom":2}}"#
        ))
        .is_err());
        let too_many = vec!["\"attendance\""; MAX_SLIDES + 1].join(",");
        assert!(serde_json::from_str::<Presentation>(&base(&too_many)).is_err());
        let enough = vec!["\"attendance\""; MAX_SLIDES].join(",");
        assert!(serde_json::from_str::<Presentation>(&base(&enough)).is_ok());
    }
}
