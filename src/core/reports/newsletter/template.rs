//! The template language of a newsletter sentence: the förbund's own words
//! with the figures left as placeholders, so next year's block writes the
//! sentence again with next year's figures.
//!
//! ```text
//! {värde} deltagare fick individuellt anpassat stöd under året, varav
//! {kvinnor:andel} procent kvinnor och {män:andel} män. Målet var {mål} deltagare.
//! ```
//!
//! Placeholders, each in braces:
//! - `{värde}` the figure; `{mål}` its target; `{år}` the year;
//!   `{år-1}` the year before; `{förra året}` the figure of the year before.
//! - A slice of the indicator's breakdowns: `{kvinnor}`, `{män}`,
//!   `{annat kön}`; a referrer: `{kommunerna}`, `{Arbetsförmedlingen}`,
//!   `{Försäkringskassan}`, `{regionen}`, `{egenanmälan}`,
//!   `{annan remittent}`; a member municipality or a provider by its name
//!   (`{Haninge}`, `{Jobbverket}`). `{kvinnor:andel}` is that slice's share
//!   of the figure in whole percent (a count indicator's slices only).
//! - Another indicator by its name (`{Andel till arbete eller studier}`):
//!   its figure for the same scope and year. That indicator's own sentence
//!   is then left out of the block, since this one tells its figure.
//!
//! - Conditions that write nothing: `{endast Ungdomsinsatserna}` — the
//!   sentence is for that scope only (the förbund, a project or an insats
//!   by its name), since an indicator reported for several scopes has one
//!   sentence; `{när målet nås}` — only when the figure reaches its target
//!   (for words such as "vilket också var målet").
//!
//! Numbers are written bare (`927`, `1 234`, `39`, `12,5`): the sentence
//! says "procent" itself, as the newsletters do ("43 procent kvinnor och
//! 57 män"). Keywords are read without regard to case and extra spaces.
//!
//! Guarantees: [`parse`] needs no workspace, so a file's record is checked
//! on import: a brace without its partner, an empty placeholder, an unknown
//! keyword (a name that starts with a small letter) and `:andel` where no
//! share can be are refused. A name with a capital letter is a
//! municipality's, a provider's or an indicator's, which only the
//! workspace knows: [`check`] (the form) refuses one it does not know, and
//! [`render`] gives a [`Gap`] for it, as for any figure that is missing,
//! covers only part of the year, or is hidden by small-number protection,
//! and for a condition not met; the block then writes the plain sentence
//! instead, so a sentence never prints a figure it does not have or words
//! that are not true of the figure.

use crate::core::goals;
use crate::core::ids::RecordId;
use crate::core::model::{Breakdown, FigureKey, Gender, Indicator, Referrer, Scope};
use crate::core::order::fold_case;
use crate::core::period::Period;
use crate::core::value::{FigureValue, Percent};
use crate::core::workspace::Workspace;
use std::fmt;

use super::words::Lang;

/// Why a template cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// A `{` without a `}` after it (position in characters, from 1).
    Unclosed {
        /// Where the brace is.
        at: usize,
    },
    /// A `}` without a `{` before it.
    Unopened {
        /// Where the brace is.
        at: usize,
    },
    /// `{}`: a placeholder with no name.
    Empty {
        /// Where it starts.
        at: usize,
    },
    /// A placeholder the language does not know.
    Unknown {
        /// As written, without braces.
        name: String,
    },
    /// A share (`:andel`) of something that has none, or another suffix.
    NoShare {
        /// As written, without braces.
        name: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unclosed { at } => write!(f, "the brace at {at} is never closed"),
            TemplateError::Unopened { at } => write!(f, "the brace at {at} closes nothing"),
            TemplateError::Empty { at } => write!(f, "the placeholder at {at} is empty"),
            TemplateError::Unknown { name } => write!(f, "unknown placeholder {{{name}}}"),
            TemplateError::NoShare { name } => write!(f, "{{{name}}} has no share"),
        }
    }
}

impl std::error::Error for TemplateError {}

/// What a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// `{värde}`.
    Value,
    /// `{mål}`.
    Target,
    /// `{år}`.
    Year,
    /// `{år-1}`.
    YearBefore,
    /// `{förra året}`.
    LastYear,
    /// A fixed slice: a gender or a referrer.
    Slice(Breakdown),
    /// A name only the workspace knows: a municipality, a provider or an
    /// indicator.
    Named(String),
    /// `{endast …}`: only for the scope of that name.
    OnlyFor(String),
    /// `{när målet nås}`: only when the figure reaches its target.
    IfMet,
}

/// One placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// What it stands for.
    pub name: Name,
    /// `:andel`: the share of the figure in whole percent.
    pub share: bool,
    /// As written between the braces, for messages.
    pub written: String,
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Words as written.
    Text(String),
    /// A placeholder.
    Slot(Slot),
}

/// A template read into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template {
    /// Words and placeholders in order.
    pub parts: Vec<Part>,
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The keyword a name is, if any.
fn keyword(name: &str) -> Option<Name> {
    let folded = fold_case(name);
    let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    Some(match folded.as_str() {
        "värde" => Name::Value,
        "mål" => Name::Target,
        "år" => Name::Year,
        _ if compact == "år-1" => Name::YearBefore,
        "förra året" => Name::LastYear,
        "när målet nås" => Name::IfMet,
        _ if folded.starts_with("endast ") => {
            Name::OnlyFor(collapse(name.get("endast ".len()..).unwrap_or_default()))
        }
        "kvinnor" => Name::Slice(Breakdown::Gender(Gender::Woman)),
        "män" => Name::Slice(Breakdown::Gender(Gender::Man)),
        "annat kön" => Name::Slice(Breakdown::Gender(Gender::OtherOrUnknown)),
        "kommunerna" => Name::Slice(Breakdown::Referrer(Referrer::Municipality)),
        "arbetsförmedlingen" => Name::Slice(Breakdown::Referrer(Referrer::EmploymentService)),
        "försäkringskassan" => Name::Slice(Breakdown::Referrer(Referrer::SocialInsurance)),
        "regionen" => Name::Slice(Breakdown::Referrer(Referrer::Region)),
        "egenanmälan" => Name::Slice(Breakdown::Referrer(Referrer::SelfReferral)),
        "annan remittent" => Name::Slice(Breakdown::Referrer(Referrer::Other)),
        _ => return None,
    })
}

/// Reads one placeholder's inside.
fn slot(inside: &str, at: usize) -> Result<Slot, TemplateError> {
    let written = collapse(inside);
    if written.is_empty() {
        return Err(TemplateError::Empty { at });
    }
    let (name, share) = match written.rsplit_once(':') {
        Some((name, suffix)) => {
            if fold_case(suffix.trim()) != "andel" {
                return Err(TemplateError::NoShare { name: written });
            }
            (collapse(name), true)
        }
        None => (written.clone(), false),
    };
    let name = match keyword(&name) {
        Some(k) => k,
        None if name.chars().next().is_some_and(char::is_uppercase) => Name::Named(name),
        None => return Err(TemplateError::Unknown { name: written }),
    };
    let may_share = matches!(name, Name::Slice(_) | Name::Named(_));
    if share && !may_share {
        return Err(TemplateError::NoShare { name: written });
    }
    Ok(Slot {
        name,
        share,
        written,
    })
}

/// Reads a template without a workspace (see the module's guarantees).
pub fn parse(text: &str) -> Result<Template, TemplateError> {
    let mut parts = Vec::new();
    let mut words = String::new();
    let mut open: Option<(usize, String)> = None;
    for (i, c) in text.chars().enumerate() {
        let at = i + 1;
        match (&mut open, c) {
            (None, '{') => {
                if !words.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut words)));
                }
                open = Some((at, String::new()));
            }
            (None, '}') => return Err(TemplateError::Unopened { at }),
            (None, c) => words.push(c),
            (Some((from, _)), '{') => return Err(TemplateError::Unclosed { at: *from }),
            (Some((from, inside)), '}') => {
                parts.push(Part::Slot(slot(inside, *from)?));
                open = None;
            }
            (Some((_, inside)), c) => inside.push(c),
        }
    }
    if let Some((at, _)) = open {
        return Err(TemplateError::Unclosed { at });
    }
    if !words.is_empty() {
        parts.push(Part::Text(words));
    }
    Ok(Template { parts })
}

/// What a name only the workspace knows stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    /// A slice of the indicator's figure.
    Slice(Breakdown),
    /// Another indicator's figure.
    Indicator(RecordId),
}

fn resolve(ws: &Workspace, name: &str) -> Option<Known> {
    let folded = fold_case(name);
    let same = |other: &str| fold_case(&collapse(other)) == folded;
    if let Some(m) = ws.municipalities.live().find(|m| same(&m.name)) {
        return Some(Known::Slice(Breakdown::Municipality(m.meta.id.clone())));
    }
    if let Some(i) = ws
        .insatser
        .live()
        .find(|i| !i.provider.trim().is_empty() && same(&i.provider))
    {
        return Some(Known::Slice(Breakdown::Provider(i.provider.clone())));
    }
    ws.indicators
        .live()
        .find(|i| same(&i.name))
        .map(|i| Known::Indicator(i.meta.id.clone()))
}

/// The scope of a name: the förbund's, a project's or an insats's.
fn scope_named(ws: &Workspace, name: &str) -> Option<Scope> {
    let folded = fold_case(name);
    let same = |other: &str| fold_case(&collapse(other)) == folded;
    if ws.organisation_name().is_some_and(same) {
        return Some(Scope::Forbund);
    }
    if let Some(p) = ws.projects.live().find(|p| same(&p.name)) {
        return Some(Scope::Project(p.meta.id.clone()));
    }
    ws.insatser
        .live()
        .find(|i| same(&i.name))
        .map(|i| Scope::Insats(i.meta.id.clone()))
}

/// Reads a template and checks every name against the workspace: the
/// form's check, with the messages of [`parse`] and an unknown name.
pub fn check(text: &str, ws: &Workspace) -> Result<Template, TemplateError> {
    let t = parse(text)?;
    for part in &t.parts {
        if let Part::Slot(Slot {
            name: Name::OnlyFor(name),
            written,
            ..
        }) = part
        {
            if scope_named(ws, name).is_none() {
                return Err(TemplateError::Unknown {
                    name: written.clone(),
                });
            }
        }
        if let Part::Slot(Slot {
            name: Name::Named(name),
            share,
            written,
        }) = part
        {
            match resolve(ws, name) {
                None => {
                    return Err(TemplateError::Unknown {
                        name: written.clone(),
                    })
                }
                Some(Known::Indicator(_)) if *share => {
                    return Err(TemplateError::NoShare {
                        name: written.clone(),
                    })
                }
                Some(_) => {}
            }
        }
    }
    Ok(t)
}

/// What a sentence is about.
#[derive(Debug, Clone)]
pub struct About<'a> {
    /// The workspace the figures come from.
    pub ws: &'a Workspace,
    pub indicator: &'a RecordId,
    pub scope: &'a Scope,
    pub year: i32,
    /// The figure.
    pub value: FigureValue,
    /// Its target, if one is set.
    pub target: Option<FigureValue>,
}

/// A sentence written from a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The sentence.
    pub text: String,
    /// Other indicators whose figure (same scope and year) it tells.
    pub told: Vec<RecordId>,
}

/// Why a template could not be filled in for a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// A placeholder whose figure is missing, covers only part of the year,
    /// or is hidden by small-number protection (as written between the
    /// braces).
    Figure(String),
    /// The sentence is for another scope (`{endast …}`, the name as
    /// written).
    OtherScope(String),
    /// The figure does not reach its target (`{när målet nås}`).
    TargetNotMet,
}

/// The whole-year figure of a key, if there is one that may be shown.
fn figure(ws: &Workspace, key: &FigureKey) -> Option<FigureValue> {
    goals::answer(ws, key)
        .filter(|a| !a.partial)
        .map(|a| a.outcome.value)
}

/// Writes the sentence for `about`.
pub fn render(t: &Template, about: &About<'_>) -> Result<Rendered, Gap> {
    let lang = Lang::Sv;
    let mut text = String::new();
    let mut told = Vec::new();
    let key = |indicator: &RecordId, year: i32, breakdown: Option<Breakdown>| {
        Period::year(year).ok().map(|period| FigureKey {
            indicator: indicator.clone(),
            scope: about.scope.clone(),
            period,
            breakdown,
        })
    };
    for part in &t.parts {
        let slot = match part {
            Part::Text(s) => {
                text.push_str(s);
                continue;
            }
            Part::Slot(slot) => slot,
        };
        let missing = || Gap::Figure(slot.written.clone());
        let slice = |b: &Breakdown| -> Result<String, Gap> {
            let k = key(about.indicator, about.year, Some(b.clone())).ok_or_else(missing)?;
            let v = figure(about.ws, &k).ok_or_else(missing)?;
            if !slot.share {
                return Ok(lang.number(v));
            }
            match (v, about.value) {
                (FigureValue::Count(part), FigureValue::Count(total)) => {
                    Percent::from_ratio_whole(part.get(), total.get())
                        .map(|p| lang.number(FigureValue::Percent(p)))
                        .ok_or_else(missing)
                }
                _ => Err(missing()),
            }
        };
        let written = match &slot.name {
            Name::Value => lang.number(about.value),
            Name::Target => lang.number(about.target.ok_or_else(missing)?),
            Name::Year => about.year.to_string(),
            Name::YearBefore => (about.year - 1).to_string(),
            Name::LastYear => {
                let k = key(about.indicator, about.year - 1, None).ok_or_else(missing)?;
                lang.number(figure(about.ws, &k).ok_or_else(missing)?)
            }
            Name::Slice(b) => slice(b)?,
            Name::OnlyFor(name) => {
                if scope_named(about.ws, name).as_ref() != Some(about.scope) {
                    return Err(Gap::OtherScope(name.clone()));
                }
                String::new()
            }
            Name::IfMet => {
                let target = about.target.ok_or(Gap::TargetNotMet)?;
                let direction = about
                    .ws
                    .indicators
                    .get(about.indicator)
                    .map(|i| i.direction)
                    .unwrap_or_default();
                // Met exactly: no tolerance, and never across units.
                let met = about.value.unit() == target.unit()
                    && crate::core::goals::goal_status(direction, 0, target, about.value)
                        == crate::core::goals::GoalStatus::Met;
                if !met {
                    return Err(Gap::TargetNotMet);
                }
                String::new()
            }
            Name::Named(name) => match resolve(about.ws, name).ok_or_else(missing)? {
                Known::Slice(b) => slice(&b)?,
                Known::Indicator(_) if slot.share => return Err(missing()),
                Known::Indicator(id) => {
                    let k = key(&id, about.year, None).ok_or_else(missing)?;
                    let v = figure(about.ws, &k).ok_or_else(missing)?;
                    if id != *about.indicator {
                        told.push(id);
                    }
                    lang.number(v)
                }
            },
        };
        text.push_str(&written);
    }
    Ok(Rendered { text, told })
}

/// The figures a sentence for `key` (a whole year's total) may print
/// besides `key` itself: its slices, the other indicators it names (same
/// scope and year) and the year before; so a public file, which carries
/// only the figures published, writes the same sentence as the kansli.
pub fn figure_keys(t: &Template, ws: &Workspace, key: &FigureKey) -> Vec<FigureKey> {
    let mut out = Vec::new();
    for part in &t.parts {
        let Part::Slot(slot) = part else { continue };
        let slice = |b: Breakdown| FigureKey {
            breakdown: Some(b),
            ..key.clone()
        };
        match &slot.name {
            Name::Slice(b) => out.push(slice(b.clone())),
            Name::Named(name) => match resolve(ws, name) {
                Some(Known::Slice(b)) => out.push(slice(b)),
                Some(Known::Indicator(id)) => out.push(FigureKey {
                    indicator: id,
                    ..key.clone()
                }),
                None => {}
            },
            Name::LastYear => {
                if let Ok(period) = Period::year(key.period.start_year() - 1) {
                    out.push(FigureKey {
                        period,
                        ..key.clone()
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether an indicator's sentence is one the block can use: empty (the
/// plain sentence) or a template [`parse`] reads. The import's check.
pub fn sentence_is_valid(i: &Indicator) -> Result<(), TemplateError> {
    if i.sentence.trim().is_empty() {
        Ok(())
    } else {
        parse(&i.sentence).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_reads_into_words_and_placeholders() {
        let t = parse("{värde} deltagare, varav {kvinnor:andel} procent kvinnor. {År-1} var siffran {förra  året}; {Haninge}.").unwrap();
        let names: Vec<&Name> = t
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Slot(s) => Some(&s.name),
                Part::Text(_) => None,
            })
            .collect();
        assert_eq!(
            names,
            [
                &Name::Value,
                &Name::Slice(Breakdown::Gender(Gender::Woman)),
                &Name::YearBefore,
                &Name::LastYear,
                &Name::Named("Haninge".into())
            ]
        );
        let guards = parse("{endast  Ungdomsinsatserna}{När målet nås}").unwrap();
        assert_eq!(
            guards.parts,
            [
                Part::Slot(Slot {
                    name: Name::OnlyFor("Ungdomsinsatserna".into()),
                    share: false,
                    written: "endast Ungdomsinsatserna".into()
                }),
                Part::Slot(Slot {
                    name: Name::IfMet,
                    share: false,
                    written: "När målet nås".into()
                })
            ]
        );
    }

    #[test]
    fn unbalanced_braces_empty_and_unknown_placeholders_are_refused() {
        assert_eq!(
            parse("Målet var {mål."),
            Err(TemplateError::Unclosed { at: 11 })
        );
        assert_eq!(
            parse("{värde {mål}"),
            Err(TemplateError::Unclosed { at: 1 })
        );
        assert_eq!(parse("värde}"), Err(TemplateError::Unopened { at: 6 }));
        assert_eq!(parse("a { } b"), Err(TemplateError::Empty { at: 3 }));
        assert_eq!(
            parse("{vrde} deltagare"),
            Err(TemplateError::Unknown {
                name: "vrde".into()
            })
        );
        assert_eq!(
            parse("{mål:andel}"),
            Err(TemplateError::NoShare {
                name: "mål:andel".into()
            })
        );
        assert_eq!(
            parse("{kvinnor:hälften}"),
            Err(TemplateError::NoShare {
                name: "kvinnor:hälften".into()
            })
        );
        assert!(parse("").is_ok() && parse("Inga platshållare alls.").is_ok());
    }

    #[test]
    fn a_capitalised_name_must_be_known_to_the_workspace_in_the_form() {
        let ws = crate::core::demo::workspace();
        assert!(check(
            "{Haninge:andel} {Jobbverket} {Andel till arbete eller studier}",
            &ws
        )
        .is_ok());
        assert_eq!(
            check("{Hanninge}", &ws),
            Err(TemplateError::Unknown {
                name: "Hanninge".into()
            })
        );
        assert_eq!(
            check("{Nya deltagare:andel}", &ws),
            Err(TemplateError::NoShare {
                name: "Nya deltagare:andel".into()
            })
        );
        assert!(parse("{Hanninge}").is_ok(), "no workspace, no verdict");
        assert!(check("{endast Ungdomsinsatserna}", &ws).is_ok());
        assert_eq!(
            check("{endast Ungdomarna}", &ws),
            Err(TemplateError::Unknown {
                name: "endast Ungdomarna".into()
            })
        );
    }
}
