//! A participation as typed in the table or read from a CSV row.
//!
//! Guarantees: the same rules whichever way a row comes in. Categories are
//! recognised from the codes the forms send and from the words people
//! write in a spreadsheet ("Kvinna", "K", "Arbetsförmedlingen", "AF",
//! "20–24", "23"), linked records by name or id; a code must be one the
//! app could have made and free within its insats, so a re-imported sheet
//! updates its rows instead of doubling them.

use super::{optional_date, Field, FormErrors, Problem};
use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{is_valid_code, AgeBand, Gender, Meta, Participation, Referrer};
use crate::core::order::fold_char;
use crate::core::workspace::Workspace;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A participation as typed: every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParticipationDraft {
    /// The code (the app proposes one for a new row).
    pub code: String,
    /// The insats, by id or name.
    pub insats: String,
    /// Gender, as a code or a word.
    pub gender: String,
    /// Age band, or an age in whole years; empty means unknown.
    pub age_band: String,
    /// Municipality, by id or name; empty means unknown.
    pub municipality: String,
    /// Referrer, as a code or a word.
    pub referrer: String,
    /// Start date, YYYY-MM-DD.
    pub start: String,
    /// End date, YYYY-MM-DD; empty while it goes on.
    pub end: String,
    /// End status, by id or name; empty while it goes on.
    pub end_status: String,
}

impl ParticipationDraft {
    /// The draft of a stored participation, as the forms show it.
    pub fn of(p: &Participation) -> ParticipationDraft {
        ParticipationDraft {
            code: p.code.clone(),
            insats: p.insats.to_string(),
            gender: codes::code(&p.gender),
            age_band: codes::code(&p.age_band),
            municipality: p
                .municipality
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            referrer: codes::code(&p.referrer),
            start: p.start.to_string(),
            end: p.end.map(|d| d.to_string()).unwrap_or_default(),
            end_status: p
                .end_status
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }
    }
}

/// Lower-case, without spaces, dots, hyphens and dashes: "Annat/okänt",
/// "annat / okänt" and "ANNAT/OKÄNT" are the same word.
fn word(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '–' | '—' | '_'))
        .collect()
}

/// A gender from a code or a word, in Swedish or English.
pub fn parse_gender(text: &str) -> Option<Gender> {
    Some(match word(text).as_str() {
        "woman" | "kvinna" | "k" | "kv" | "f" | "female" | "kvinnor" => Gender::Woman,
        "man" | "m" | "male" | "män" => Gender::Man,
        "otherorunknown"
        | "annat/okänt"
        | "annatellerokänt"
        | "annat"
        | "okänt"
        | "other"
        | "unknown"
        | "other/unknown"
        | "otherorunknowngender"
        | "a"
        | "o"
        | "x" => Gender::OtherOrUnknown,
        _ => return None,
    })
}

/// A referrer from a code or a word, in Swedish or English.
pub fn parse_referrer(text: &str) -> Option<Referrer> {
    Some(match word(text).as_str() {
        "municipality" | "kommun" | "kommunen" | "socialtjänsten" | "kom" => {
            Referrer::Municipality
        }
        "employmentservice" | "arbetsförmedlingen" | "af" | "arbetsformedlingen" => {
            Referrer::EmploymentService
        }
        "socialinsurance" | "försäkringskassan" | "fk" | "forsakringskassan" => {
            Referrer::SocialInsurance
        }
        "region" | "regionen" | "vården" | "hälsoochsjukvården" => Referrer::Region,
        "selfreferral" | "egenanmälan" | "egen" | "egenanmäld" | "self" => Referrer::SelfReferral,
        "other" | "annan" | "annat" | "övrig" | "övriga" => Referrer::Other,
        _ => return None,
    })
}

/// Each age band with its code as [`word`] reads it, made once: an
/// import reads a band on every row.
fn band_words() -> &'static [(AgeBand, String)] {
    static WORDS: OnceLock<Vec<(AgeBand, String)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        AgeBand::ALL
            .into_iter()
            .map(|b| (b, word(&codes::code(&b))))
            .collect()
    })
}

/// An age band from its code, a written band ("20–24 år", "60+") or an age
/// in whole years; `Err` for an age under 16, `Ok(None)` for no band.
pub fn parse_age_band(text: &str) -> Result<Option<AgeBand>, Problem> {
    let w = word(text).trim_end_matches("år").to_owned();
    if w.is_empty() || matches!(w.as_str(), "unknown" | "okänd" | "okänt") {
        return Ok(Some(AgeBand::Unknown));
    }
    if let Some((band, _)) = band_words().iter().find(|(_, code)| *code == w) {
        return Ok(Some(*band));
    }
    if matches!(w.as_str(), "60+" | "60ochäldre" | "60plus") {
        return Ok(Some(AgeBand::From60));
    }
    match w.parse::<u32>() {
        Ok(age) if age <= 120 => AgeBand::of_age(age).ok_or(Problem::TooYoung).map(Some),
        _ => Ok(None),
    }
}

/// The live record among `named` whose id or name (ignoring case) is
/// `text`.
fn find_named<'a>(
    text: &str,
    mut named: impl Iterator<Item = (&'a RecordId, &'a str)>,
) -> Option<RecordId> {
    named
        .find(|(id, name)| super::names(text, id, name))
        .map(|(id, _)| id.clone())
}

/// A required date that also takes Excel's "2018-02-01 00:00:00".
fn required_date(text: &str) -> Result<chrono::NaiveDate, Problem> {
    let t = text.trim();
    let t = t.strip_suffix(" 00:00:00").unwrap_or(t);
    if t.is_empty() {
        return Err(Problem::Required);
    }
    optional_date(t)?.ok_or(Problem::Required)
}

/// The live participations by insats and code, built once so that an
/// import of many rows looks each code up instead of scanning every row;
/// and the records the rows' cells have named so far, so that each
/// distinct cell is compared with every insats, municipality or end
/// status once (a sheet's rows name a handful of them). Used with the
/// workspace it was made of.
pub struct CodeIndex<'a> {
    by_code: HashMap<(&'a RecordId, &'a str), &'a Participation>,
    named: RefCell<[HashMap<String, Option<RecordId>>; 3]>,
}

/// The tables a cell can name a record of, as places in
/// [`CodeIndex::named`]'s cache.
#[derive(Clone, Copy)]
enum Named {
    Insats = 0,
    Municipality = 1,
    EndStatus = 2,
}

/// How many distinct cells of one kind are remembered: beyond that (a
/// column of text that names nothing) each is looked up afresh.
const NAMED_CELLS: usize = 256;

impl<'a> CodeIndex<'a> {
    fn with(by_code: HashMap<(&'a RecordId, &'a str), &'a Participation>) -> CodeIndex<'a> {
        CodeIndex {
            by_code,
            named: RefCell::default(),
        }
    }

    /// The index of `ws`'s live participations.
    pub fn new(ws: &'a Workspace) -> CodeIndex<'a> {
        CodeIndex::with(
            ws.participations
                .live()
                .map(|p| ((&p.insats, p.code.as_str()), p))
                .collect(),
        )
    }

    /// An index of nothing: for a file without a code column, whose rows
    /// all get new codes that no live participation has.
    pub fn empty() -> CodeIndex<'a> {
        CodeIndex::with(HashMap::new())
    }

    /// The index of the live participations among `ids`: a part of
    /// [`CodeIndex::new`] for the codes a few rows look up. Given in `ws`'s
    /// order, of two with the same insats and code the same one is kept.
    pub fn of<'i>(ws: &'a Workspace, ids: impl Iterator<Item = &'i RecordId>) -> CodeIndex<'a> {
        CodeIndex::with(
            ids.filter_map(|id| ws.participations.get(id))
                .map(|p| ((&p.insats, p.code.as_str()), p))
                .collect(),
        )
    }

    /// The live participation of `insats` with `code`.
    pub fn get(&self, insats: &RecordId, code: &str) -> Option<&'a Participation> {
        self.by_code.get(&(insats, code)).copied()
    }

    /// What [`find_named`] gives for `text` among `ws`'s live records of
    /// `kind`, remembered for the next cell with the same text.
    fn named(&self, ws: &Workspace, kind: Named, text: &str) -> Option<RecordId> {
        let mut named = self.named.borrow_mut();
        let cache = &mut named[kind as usize];
        if let Some(found) = cache.get(text) {
            return found.clone();
        }
        let found = match kind {
            Named::Insats => find_named(
                text,
                ws.insatser.live().map(|i| (&i.meta.id, i.name.as_str())),
            ),
            Named::Municipality => find_named(
                text,
                ws.municipalities
                    .live()
                    .map(|m| (&m.meta.id, m.name.as_str())),
            ),
            Named::EndStatus => find_named(
                text,
                ws.end_statuses
                    .live()
                    .map(|s| (&s.meta.id, s.name.as_str())),
            ),
        };
        if cache.len() < NAMED_CELLS {
            cache.insert(text.to_owned(), found.clone());
        }
        found
    }
}

/// The live participation a row with this insats and code updates, if any:
/// how a re-imported sheet finds its rows.
pub fn existing_by_code<'a>(
    ws: &Workspace,
    index: &CodeIndex<'a>,
    draft: &ParticipationDraft,
) -> Option<&'a Participation> {
    let insats = index.named(ws, Named::Insats, &draft.insats)?;
    index.get(&insats, draft.code.trim())
}

/// Validates a participation typed or read from a row.
pub fn build_participation(
    draft: &ParticipationDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Participation, FormErrors> {
    build_indexed(draft, ws, &CodeIndex::new(ws), meta)
}

/// [`build_participation`] with the code index made once for many rows.
pub fn build_indexed(
    draft: &ParticipationDraft,
    ws: &Workspace,
    index: &CodeIndex<'_>,
    meta: Meta,
) -> Result<Participation, FormErrors> {
    let mut errors = FormErrors::default();
    super::still_live(&ws.participations, &meta.id, &mut errors);
    let insats = if draft.insats.trim().is_empty() {
        errors.push(Field::Insats, Problem::Required);
        None
    } else {
        let found = index.named(ws, Named::Insats, &draft.insats);
        if found.is_none() {
            errors.push(Field::Insats, Problem::UnknownReference);
        }
        found
    };
    let code = draft.code.trim().to_owned();
    if code.is_empty() {
        errors.push(Field::Code, Problem::Required);
    } else if crate::core::validate::pii::contains_personal_number(&code) {
        errors.push(Field::Code, Problem::PersonalNumber);
    } else if !is_valid_code(&code) {
        errors.push(Field::Code, Problem::InvalidCode);
    } else if insats
        .as_ref()
        .is_some_and(|i| index.get(i, &code).is_some_and(|p| p.meta.id != meta.id))
    {
        errors.push(Field::Code, Problem::DuplicateCode);
    }
    let gender = match draft.gender.trim() {
        "" => {
            errors.push(Field::Gender, Problem::Required);
            None
        }
        t => errors.check(Field::Gender, parse_gender(t).ok_or(Problem::UnknownValue)),
    };
    let age_band = match parse_age_band(&draft.age_band) {
        Ok(Some(a)) => Some(a),
        Ok(None) => {
            errors.push(Field::AgeBand, Problem::UnknownValue);
            None
        }
        Err(p) => {
            errors.push(Field::AgeBand, p);
            None
        }
    };
    let municipality = match draft.municipality.trim() {
        "" => Some(None),
        t => {
            let found = index.named(ws, Named::Municipality, t);
            if found.is_none() {
                errors.push(Field::Municipality, Problem::UnknownReference);
                None
            } else {
                Some(found)
            }
        }
    };
    let referrer = match draft.referrer.trim() {
        "" => {
            errors.push(Field::Referrer, Problem::Required);
            None
        }
        t => errors.check(
            Field::Referrer,
            parse_referrer(t).ok_or(Problem::UnknownValue),
        ),
    };
    let start = errors.check(Field::Start, required_date(&draft.start));
    let end = match draft.end.trim() {
        "" => Some(None),
        t => errors.check(Field::End, required_date(t).map(Some)),
    };
    if let (Some(s), Some(Some(e))) = (start, end) {
        if e < s {
            errors.push(Field::End, Problem::EndBeforeStart);
        }
    }
    let end_status = match draft.end_status.trim() {
        "" => Some(None),
        t => {
            let found = index.named(ws, Named::EndStatus, t);
            if found.is_none() {
                errors.push(Field::EndStatus, Problem::UnknownReference);
                None
            } else if end == Some(None) {
                errors.push(Field::EndStatus, Problem::StatusWithoutEnd);
                None
            } else {
                Some(found)
            }
        }
    };
    errors.into_result(|| {
        Some(Participation {
            meta,
            code,
            insats: insats?,
            gender: gender?,
            age_band: age_band?,
            municipality: municipality?,
            referrer: referrer?,
            start: start?,
            end: end?,
            end_status: end_status?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::ids::{DeviceId, Hlc};

    const ONE: Hlc = Hlc {
        millis: 1,
        counter: 0,
    };

    fn meta(id: &str) -> Meta {
        Meta::new(
            RecordId::parse(id).unwrap(),
            ONE,
            DeviceId::parse("test").unwrap(),
        )
    }

    fn draft() -> ParticipationDraft {
        ParticipationDraft {
            code: "K7F3Q9".into(),
            insats: "Unga till arbete".into(),
            gender: "Kvinna".into(),
            age_band: "23".into(),
            municipality: "tyresö".into(),
            referrer: "AF".into(),
            start: "2018-02-01".into(),
            end: "2018-09-30".into(),
            end_status: "Studier".into(),
        }
    }

    fn ws() -> Workspace {
        demo::workspace()
    }

    #[test]
    fn a_spreadsheet_row_in_words_becomes_a_participation() {
        let ws = ws();
        let insats = ws.insatser_by_name()[0].name.clone();
        let d = ParticipationDraft {
            insats: insats.clone(),
            ..draft()
        };
        let p = build_participation(&d, &ws, meta("p1")).unwrap();
        assert_eq!(p.gender, Gender::Woman);
        assert_eq!(p.age_band, AgeBand::From20To24);
        assert_eq!(p.referrer, Referrer::EmploymentService);
        assert_eq!(p.end_status.as_ref().unwrap().as_str(), "end-studies");
        assert!(p.municipality.is_some());
        // And its own draft gives it back.
        let again = build_participation(&ParticipationDraft::of(&p), &ws, meta("p1")).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn rows_checked_with_one_index_name_what_each_row_alone_would() {
        let ws = ws();
        let [a, b] = [0, 1].map(|i| ws.insatser_by_name()[i].clone());
        let haninge = ws.municipalities_by_name()[0].clone();
        // The same cells again, by name in other cases, by id, and names
        // of nothing: each kind of cell in its own column.
        let cells = [
            (a.name.clone(), haninge.name.clone(), "Studier".to_owned()),
            (
                b.name.to_uppercase(),
                haninge.meta.id.to_string(),
                "ARBETE".into(),
            ),
            (a.meta.id.to_string(), "Stockholm".into(), "Studier".into()),
            (
                "Finns inte".into(),
                haninge.name.to_lowercase(),
                "okänt".into(),
            ),
            (a.name.clone(), "".into(), "Studier".into()),
            // A municipality's name in the insats column names nothing.
            (haninge.name.clone(), a.name.clone(), "Arbete".into()),
            (
                b.name.to_uppercase(),
                haninge.name.clone(),
                "Finns inte".into(),
            ),
        ];
        let index = CodeIndex::empty();
        for (i, (insats, municipality, end_status)) in cells.into_iter().enumerate() {
            let d = ParticipationDraft {
                insats,
                municipality,
                end_status,
                ..draft()
            };
            let id = format!("p{i}");
            let shared = build_indexed(&d, &ws, &index, meta(&id));
            let alone = build_indexed(&d, &ws, &CodeIndex::empty(), meta(&id));
            assert_eq!(shared, alone, "row {i}");
        }
    }

    #[test]
    fn each_bad_field_is_named() {
        let ws = ws();
        let d = ParticipationDraft {
            code: "anna".into(),
            insats: "Finns inte".into(),
            gender: "kanske".into(),
            age_band: "12".into(),
            municipality: "Stockholm".into(),
            referrer: "".into(),
            start: "1/2 2018".into(),
            end: "".into(),
            end_status: "Studier".into(),
        };
        let e = build_participation(&d, &ws, meta("p1")).unwrap_err();
        assert_eq!(e.at(Field::Code), Some(&Problem::InvalidCode));
        assert_eq!(e.at(Field::Insats), Some(&Problem::UnknownReference));
        assert_eq!(e.at(Field::Gender), Some(&Problem::UnknownValue));
        assert_eq!(e.at(Field::AgeBand), Some(&Problem::TooYoung));
        assert_eq!(e.at(Field::Municipality), Some(&Problem::UnknownReference));
        assert_eq!(e.at(Field::Referrer), Some(&Problem::Required));
        assert_eq!(e.at(Field::Start), Some(&Problem::InvalidDate));
        assert_eq!(e.at(Field::EndStatus), Some(&Problem::StatusWithoutEnd));
    }

    #[test]
    fn a_personal_number_as_code_is_refused_as_such() {
        let ws = ws();
        let d = ParticipationDraft {
            code: "850709-9805".into(),
            ..draft()
        };
        let e = build_participation(&d, &ws, meta("p1")).unwrap_err();
        assert_eq!(e.at(Field::Code), Some(&Problem::PersonalNumber));
    }

    #[test]
    fn a_code_is_unique_within_its_insats() {
        let mut ws = ws();
        let insats = ws.insatser_by_name()[0].name.clone();
        let d = ParticipationDraft {
            insats,
            end: "2018-09-30 00:00:00".into(),
            ..draft()
        };
        let p = build_participation(&d, &ws, meta("p1")).unwrap();
        ws.put(crate::core::model::Record::Participation(p.clone()));
        assert_eq!(
            existing_by_code(&ws, &CodeIndex::new(&ws), &d).map(|x| &x.meta.id),
            Some(&p.meta.id)
        );
        let e = build_participation(&d, &ws, meta("p2")).unwrap_err();
        assert_eq!(e.at(Field::Code), Some(&Problem::DuplicateCode));
        assert!(
            build_participation(&d, &ws, meta("p1")).is_ok(),
            "editing itself"
        );
    }

    #[test]
    fn end_before_start_is_refused() {
        let ws = ws();
        let insats = ws.insatser_by_name()[0].name.clone();
        let d = ParticipationDraft {
            insats,
            end: "2018-01-01".into(),
            ..draft()
        };
        let e = build_participation(&d, &ws, meta("p1")).unwrap_err();
        assert_eq!(e.at(Field::End), Some(&Problem::EndBeforeStart));
    }

    #[test]
    fn words_for_categories_are_recognised() {
        for (w, g) in [
            ("K", Gender::Woman),
            ("kvinna", Gender::Woman),
            ("Man", Gender::Man),
            ("Annat/okänt", Gender::OtherOrUnknown),
        ] {
            assert_eq!(parse_gender(w), Some(g), "{w}");
        }
        for (w, r) in [
            ("Egenanmälan", Referrer::SelfReferral),
            ("Försäkringskassan", Referrer::SocialInsurance),
            ("Kommunen", Referrer::Municipality),
            ("self_referral", Referrer::SelfReferral),
        ] {
            assert_eq!(parse_referrer(w), Some(r), "{w}");
        }
        assert_eq!(parse_age_band("20–24 år"), Ok(Some(AgeBand::From20To24)));
        assert_eq!(parse_age_band("60+"), Ok(Some(AgeBand::From60)));
        assert_eq!(parse_age_band(""), Ok(Some(AgeBand::Unknown)));
        assert_eq!(parse_age_band("gammal"), Ok(None));
    }
}
