//! The meeting and slot report forms, and quick entry of meetings pasted as
//! the newsletters list them ("Haninge / 28/9 Inspirationsföreläsning …").
//!
//! Guarantees: a meeting has a real date and a theme, times of day, an
//! http(s) invitation address or none, and a registration deadline no
//! later than the meeting; a slot report has a real date, a live insats and two counts.
//! Quick entry only fills in drafts: each still goes through
//! [`build_meeting`].

use super::{
    count, free_text, optional_count, optional_date, optional_email, required_name, short_text,
    Field, FormErrors, Problem,
};
use crate::core::ids::RecordId;
use crate::core::model::{ClockTime, Meeting, Meta, SlotReport};
use crate::core::order::fold_case;
use crate::core::period::iso_date;
use crate::core::workspace::Workspace;
use chrono::{Datelike, NaiveDate};

/// The meeting form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingDraft {
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Start time, `08:00`; optional.
    pub start: String,
    /// End time; optional.
    pub end: String,
    pub place: String,
    /// Municipality id, empty for none.
    pub municipality: String,
    pub theme: String,
    pub speakers: String,
    /// Invitation address.
    pub invitation: String,
    /// Registration deadline, YYYY-MM-DD; optional.
    pub deadline: String,
    /// Registration e-mail.
    pub email: String,
    /// Registered; optional.
    pub registered: String,
    /// Attended; optional.
    pub attended: String,
    pub note: String,
}

impl MeetingDraft {
    /// The draft of a stored meeting.
    pub fn of(m: &Meeting) -> MeetingDraft {
        let time = |t: Option<ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
        let n = |c: Option<crate::core::value::Count>| {
            c.map(|c| c.get().to_string()).unwrap_or_default()
        };
        MeetingDraft {
            date: iso_date(m.date),
            start: time(m.start),
            end: time(m.end),
            place: m.place.clone(),
            municipality: m
                .municipality
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            theme: m.theme.clone(),
            speakers: m.speakers.clone(),
            invitation: m.invitation.clone(),
            deadline: m.registration_deadline.map(iso_date).unwrap_or_default(),
            email: m.registration_email.clone(),
            registered: n(m.registered),
            attended: n(m.attended),
            note: m.note.clone(),
        }
    }
}

fn optional_time(text: &str) -> Result<Option<ClockTime>, Problem> {
    match text.trim() {
        "" => Ok(None),
        t => ClockTime::parse(t).map(Some).ok_or(Problem::InvalidTime),
    }
}

fn optional_web_address(text: &str) -> Result<String, Problem> {
    let t = text.trim();
    super::no_personal_number(t)?;
    let ok = t.is_empty()
        || ((t.starts_with("https://") || t.starts_with("http://"))
            && t.len() > 8
            && !t.contains(char::is_whitespace));
    match (ok, t.chars().count() <= super::MAX_TEXT_CHARS) {
        (true, true) => Ok(t.to_owned()),
        (false, _) => Err(Problem::InvalidAddress),
        (true, false) => Err(Problem::TooLong {
            max: super::MAX_TEXT_CHARS,
        }),
    }
}

/// A live municipality by id, or none for empty text.
fn municipality(ws: &Workspace, text: &str) -> Result<Option<RecordId>, Problem> {
    match text.trim() {
        "" => Ok(None),
        t => RecordId::parse(t)
            .ok()
            .filter(|id| ws.municipalities.get(id).is_some())
            .map(Some)
            .ok_or(Problem::UnknownReference),
    }
}

/// Validates a meeting.
pub fn build_meeting(
    draft: &MeetingDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<Meeting, FormErrors> {
    let mut e = FormErrors::default();
    super::still_live(&ws.meetings, &meta.id, &mut e);
    let date = e.check(
        Field::Date,
        optional_date(&draft.date).and_then(|d| d.ok_or(Problem::Required)),
    );
    let start = e.check(Field::Start, optional_time(&draft.start));
    let end = e.check(Field::End, optional_time(&draft.end));
    if let (Some(Some(s)), Some(Some(t))) = (start, end) {
        if t < s {
            e.push(Field::End, Problem::EndBeforeStart);
        }
    }
    let place = e.check(Field::Place, short_text(&draft.place));
    let muni = e.check(Field::Municipality, municipality(ws, &draft.municipality));
    let theme = e.check(Field::Theme, required_name(&draft.theme));
    let speakers = e.check(Field::Speakers, free_text(&draft.speakers));
    let invitation = e.check(Field::Invitation, optional_web_address(&draft.invitation));
    let deadline = e.check(Field::Deadline, optional_date(&draft.deadline));
    if let (Some(Some(dl)), Some(d)) = (deadline, date) {
        if dl > d {
            e.push(Field::Deadline, Problem::DeadlineAfterMeeting);
        }
    }
    let email = e.check(Field::Email, optional_email(&draft.email));
    let registered = e.check(Field::Registered, optional_count(&draft.registered));
    let attended = e.check(Field::Attended, optional_count(&draft.attended));
    let note = e.check(Field::Note, free_text(&draft.note));
    e.into_result(|| {
        Some(Meeting {
            meta,
            date: date?,
            start: start?,
            end: end?,
            place: place?,
            municipality: muni?,
            theme: theme?,
            speakers: speakers?,
            invitation: invitation?,
            registration_deadline: deadline?,
            registration_email: email?,
            registered: registered?,
            attended: attended?,
            note: note?,
        })
    })
}

/// The slot report form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotDraft {
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Insats id.
    pub insats: String,
    /// Provider (empty: the insats's own).
    pub provider: String,
    /// Places.
    pub capacity: String,
    pub enrolled: String,
    pub note: String,
}

/// Validates a slot report. More enrolled than places is allowed (the board
/// warns); everything else must be right.
pub fn build_slot_report(
    draft: &SlotDraft,
    ws: &Workspace,
    meta: Meta,
) -> Result<SlotReport, FormErrors> {
    let mut e = FormErrors::default();
    super::still_live(&ws.slot_reports, &meta.id, &mut e);
    let date = e.check(
        Field::Date,
        optional_date(&draft.date).and_then(|d| d.ok_or(Problem::Required)),
    );
    let insats = match draft.insats.trim() {
        "" => {
            e.push(Field::Insats, Problem::Required);
            None
        }
        t => {
            let found = RecordId::parse(t)
                .ok()
                .filter(|id| ws.insatser.get(id).is_some());
            if found.is_none() {
                e.push(Field::Insats, Problem::UnknownReference);
            }
            found
        }
    };
    let provider = e.check(Field::Provider, short_text(&draft.provider));
    let capacity = e.check(Field::Capacity, count(&draft.capacity));
    let enrolled = e.check(Field::Enrolled, count(&draft.enrolled));
    let note = e.check(Field::Note, free_text(&draft.note));
    e.into_result(|| {
        Some(SlotReport {
            meta,
            date: date?,
            insats: insats?,
            provider: provider?,
            capacity: capacity?,
            enrolled: enrolled?,
            note: note?,
        })
    })
}

/// Reads `28/9` or `28/9 2018` at the start of a line; the year, when not
/// written, is the one that puts the day at most a month before `today`.
fn leading_day(line: &str, today: NaiveDate) -> Option<(NaiveDate, &str)> {
    let (head, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let (d, m) = head.trim_end_matches([':', '.']).split_once('/')?;
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    let rest = rest.trim_start();
    let (year, rest) = match rest.split_once(char::is_whitespace) {
        Some((y, r)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (y.parse().ok()?, r.trim_start())
        }
        _ => {
            let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
            let year = if this + chrono::Days::new(31) < today {
                today.year() + 1
            } else {
                today.year()
            };
            (year, rest)
        }
    };
    Some((NaiveDate::from_ymd_opt(year, m, d)?, rest))
}

/// Drafts of the meetings in a pasted list, one per line that starts with a
/// day (`28/9 …`). A line that is only a municipality's name sets the
/// municipality of the lines after it, as the newsletters group them; so
/// does a municipality's name right after the day. Lines that start with
/// neither carry on the theme above them (a word broken with `-` is
/// joined), and the word "Inbjudan." is dropped.
pub fn parse_meeting_list(text: &str, ws: &Workspace, today: NaiveDate) -> Vec<MeetingDraft> {
    let find_muni = |word: &str| {
        let w = fold_case(word.trim().trim_end_matches([':', ',']));
        ws.municipalities
            .live()
            .find(|m| fold_case(&m.name) == w)
            .map(|m| m.meta.id.to_string())
    };
    let mut current = String::new();
    let mut out: Vec<MeetingDraft> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim().trim_start_matches(['►', '•', '-', '*']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(id) = find_muni(line) {
            current = id;
            continue;
        }
        if let Some((date, rest)) = leading_day(line, today) {
            let (muni, theme) = match rest.split_once(char::is_whitespace) {
                Some((w, r)) if find_muni(w).is_some() => (find_muni(w).unwrap_or_default(), r),
                _ => match find_muni(rest) {
                    Some(id) => (id, ""),
                    None => (current.clone(), rest),
                },
            };
            out.push(MeetingDraft {
                date: iso_date(date),
                municipality: muni,
                theme: theme.trim().to_owned(),
                ..MeetingDraft::default()
            });
        } else if let Some(last) = out.last_mut() {
            // "Inspirationsföreläs-" + "ning" is one word; "ESF-" +
            // "stödda" keeps its hyphen.
            let joined = match last.theme.strip_suffix('-') {
                Some(stem)
                    if line.starts_with(char::is_lowercase)
                        && stem.ends_with(char::is_uppercase) =>
                {
                    format!("{}{line}", last.theme)
                }
                Some(stem) if line.starts_with(char::is_lowercase) => format!("{stem}{line}"),
                _ => format!("{} {line}", last.theme),
            };
            last.theme = joined.trim().to_owned();
        }
    }
    for d in &mut out {
        let theme = d.theme.replace("Inbjudan.", "").replace("Inbjudan", "");
        d.theme = theme.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::ids::{DeviceId, Hlc};

    fn meta(id: &str) -> Meta {
        Meta::new(
            RecordId::parse(id).unwrap(),
            Hlc::default(),
            DeviceId::parse("d").unwrap(),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_meeting_needs_a_date_and_a_theme_and_checks_every_field() {
        let ws = demo::workspace();
        let e = build_meeting(&MeetingDraft::default(), &ws, meta("m")).unwrap_err();
        assert_eq!(e.at(Field::Date), Some(&Problem::Required));
        assert_eq!(e.at(Field::Theme), Some(&Problem::Required));
        let bad = MeetingDraft {
            date: "2018-09-28".into(),
            theme: "Integration".into(),
            start: "9.00".into(),
            end: "08:30".into(),
            invitation: "javascript:alert(1)".into(),
            deadline: "2018-09-29".into(),
            email: "cecilia".into(),
            attended: "1".into(),
            municipality: "nope".into(),
            ..MeetingDraft::default()
        };
        let e = build_meeting(&bad, &ws, meta("m")).unwrap_err();
        assert_eq!(e.at(Field::End), Some(&Problem::EndBeforeStart));
        assert_eq!(e.at(Field::Invitation), Some(&Problem::InvalidAddress));
        assert_eq!(e.at(Field::Deadline), Some(&Problem::DeadlineAfterMeeting));
        assert_eq!(e.at(Field::Email), Some(&Problem::InvalidEmail));
        assert_eq!(e.at(Field::Attended), None);
        assert_eq!(e.at(Field::Municipality), Some(&Problem::UnknownReference));
        let good = MeetingDraft {
            date: "2018-09-28".into(),
            theme: " Integration ".into(),
            start: "8.00".into(),
            municipality: "demo-haninge".into(),
            invitation: "https://example.se/inbjudan.pdf".into(),
            attended: "4".into(),
            ..MeetingDraft::default()
        };
        let m = build_meeting(&good, &ws, meta("m")).unwrap();
        assert_eq!(
            (m.theme.as_str(), m.start.map(|t| t.to_string())),
            ("Integration", Some("08:00".into()))
        );
        assert_eq!(MeetingDraft::of(&m).start, "08:00");
        assert_eq!(
            build_meeting(&MeetingDraft::of(&m), &ws, m.meta.clone()),
            Ok(m)
        );
    }

    #[test]
    fn a_slot_report_needs_a_live_insats_and_two_counts_and_may_be_overbooked() {
        let ws = demo::workspace();
        let e = build_slot_report(&SlotDraft::default(), &ws, meta("s")).unwrap_err();
        for f in [Field::Date, Field::Insats, Field::Capacity, Field::Enrolled] {
            assert_eq!(e.at(f), Some(&Problem::Required), "{f:?}");
        }
        let d = SlotDraft {
            date: "2018-10-01".into(),
            insats: "demo-cm".into(),
            capacity: "60".into(),
            enrolled: "63".into(),
            ..SlotDraft::default()
        };
        let r = build_slot_report(&d, &ws, meta("s")).unwrap();
        assert!(r.overbooked());
        let gone = SlotDraft {
            insats: "demo-nope".into(),
            capacity: "-1".into(),
            ..d
        };
        let e = build_slot_report(&gone, &ws, meta("s")).unwrap_err();
        assert_eq!(e.at(Field::Insats), Some(&Problem::UnknownReference));
        assert_eq!(e.at(Field::Capacity), Some(&Problem::NegativeCount));
    }

    #[test]
    fn the_september_2018_list_pasted_from_the_newsletter_gives_its_five_meetings() {
        let ws = demo::workspace();
        let pasted = "► Välkommen till\nvåra frukostmöten!\n\nHaninge\n28/9 Inspirationsföreläs-\nning om integration, krea-\ntivitet och sysselsättning\nmed Birgitta Notlöf,\nLivstycket i Tensta.\nInbjudan.\n\n26/10 Mer tillit och\nmindre detaljstyrning –\ngår det?\nInbjudan.\n\nNynäshamn\n21/9 Pågående samver-\nkansinsatser och ESF-\nstödda projekt i Nynäs-\nhamn. Inbjudan.\n\nTyresö\n12/10 Föreläsning om\nbemötandet av människor\nsom upplevt krig och\ntrauman. Inbjudan.\n";
        let drafts = parse_meeting_list(pasted, &ws, day(2018, 9, 10));
        let got: Vec<(&str, &str, &str)> = drafts
            .iter()
            .map(|d| (d.date.as_str(), d.municipality.as_str(), d.theme.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("2018-09-28", "demo-haninge", "Inspirationsföreläsning om integration, kreativitet och sysselsättning med Birgitta Notlöf, Livstycket i Tensta."),
                ("2018-10-26", "demo-haninge", "Mer tillit och mindre detaljstyrning – går det?"),
                ("2018-09-21", "demo-nynashamn", "Pågående samverkansinsatser och ESF-stödda projekt i Nynäshamn."),
                ("2018-10-12", "demo-tyreso", "Föreläsning om bemötandet av människor som upplevt krig och trauman."),
            ]
        );
        // One line each, municipality after the day; a year may be written;
        // a day long past is next year's.
        let quick = parse_meeting_list("23/11 Haninge Arbetsförmedlingens uppdrag\n2/2 2018 Nynäshamn Goda resultat\n3/1 Tyresö Nytt år", &ws, day(2018, 9, 10));
        assert_eq!(quick[0].date, "2018-11-23");
        assert_eq!(quick[0].municipality, "demo-haninge");
        assert_eq!(quick[0].theme, "Arbetsförmedlingens uppdrag");
        assert_eq!(quick[1].date, "2018-02-02");
        assert_eq!(quick[2].date, "2019-01-03");
        for d in &drafts {
            assert!(build_meeting(d, &ws, meta("q")).is_ok());
        }
    }
}
