//! The demo's frukostmöten, their attendance and the open places of
//! September 2018, from the newsletters: the builder of `demo_1_2.json`.
//!
//! What the newsletters print is kept as printed: dates, places, themes,
//! speakers, "ett 50-tal" and "ett 70-tal" guests, 500 guests in 2016 and 700
//! in 2017, 82 enrolled at the end of August 2018 and the open places per
//! insats. What they do not print is filled in and says so in the note:
//! the guests per meeting so that the years add up, the autumn 2017
//! meetings, and how the 82 enrolled split over the insatser.

use super::{rid, Builder};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::{
    ClockTime, Dimension, FlowMeasure, InsatsKind, Meeting, Record, SlotReport,
};
use crate::core::value::{Count, Unit};
use chrono::NaiveDate;

const NB_2016: &str = "Nyhetsbrev nr 3 2016";
const NB_2017: &str = "Nyhetsbrev nr 3 2017";
const NB_2018_02: &str = "Nyhetsbrev nr 1 2018";
const NB_2018_09: &str = "Nyhetsbrev september 2018";
const SUM_2016: &str =
    "Antalet per möte är uppskattat så att 2016 summerar till 500 besökare (nyhetsbrev nr 1 2018).";
const SUM_2017: &str = "Datum och antal är uppskattade så att 2017 summerar till 700 besökare (nyhetsbrev nr 1 2018); temat finns inte i nyhetsbreven.";
const EST_2017: &str =
    "Antalet är uppskattat så att 2017 summerar till 700 besökare (nyhetsbrev nr 1 2018).";
const TBA: &str = "Tema i inbjudan";

/// One meeting as the newsletters announce it.
struct Announced<'a> {
    date: (i32, u32, u32),
    municipality: &'a str,
    place: &'a str,
    theme: &'a str,
    speakers: &'a str,
    attended: Option<u64>,
    note: String,
}

fn announced<'a>(
    date: (i32, u32, u32),
    municipality: &'a str,
    place: &'a str,
    theme: &'a str,
    attended: Option<u64>,
    note: &str,
) -> Announced<'a> {
    Announced {
        date,
        municipality,
        place,
        theme,
        speakers: "",
        attended,
        note: note.to_owned(),
    }
}

impl<'a> Announced<'a> {
    /// The same meeting with the speakers the newsletter names.
    fn by(self, speakers: &'a str) -> Announced<'a> {
        Announced { speakers, ..self }
    }
}

impl Builder {
    fn meeting(&mut self, a: Announced<'_>) {
        let (y, m, d) = a.date;
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            return;
        };
        let meta = self.meta(&format!("demo-fm-{y}-{m:02}-{d:02}"));
        self.push(Meeting {
            meta,
            date,
            start: None,
            end: None,
            place: a.place.into(),
            municipality: Some(rid(a.municipality)),
            theme: a.theme.into(),
            speakers: a.speakers.into(),
            invitation: String::new(),
            registration_deadline: None,
            registration_email: String::new(),
            registered: None,
            attended: a.attended.map(Count::saturating),
            note: a.note,
        });
    }

    fn slots(
        &mut self,
        id: &str,
        date: NaiveDate,
        insats: &str,
        capacity: u64,
        enrolled: u64,
        note: &str,
    ) {
        let meta = self.meta(id);
        self.push(SlotReport {
            meta,
            date,
            insats: rid(insats),
            provider: String::new(),
            capacity: Count::saturating(capacity),
            enrolled: Count::saturating(enrolled),
            note: note.into(),
        });
    }
}

/// The records the demo gained with snapshot format 1.2 (`demo_1_2.json`):
/// insatser with open places, the attendance indicator, the meetings and
/// the slot reports.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    insatser(&mut b);
    indicator(&mut b);
    meetings(&mut b);
    slot_reports(&mut b);
    b.records
}

/// The insatser the September 2018 newsletter lists places for that the
/// rest of the demo does not hold.
fn insatser(b: &mut Builder) {
    let about =
        "Insats i MIA Östra Södertörn med lediga platser enligt nyhetsbrevet september 2018.";
    b.insats_plain("demo-stationen", "Stationen", InsatsKind::Other, &[], about);
    b.insats_plain("demo-roa", "Roa", InsatsKind::Other, &[], about);
    b.insats_plain(
        "demo-se-uppstart",
        "SE-uppstart Nynäshamn",
        InsatsKind::SupportedEmployment,
        &["demo-nynashamn"],
        "Uppstart av Supported Employment i Nynäshamn.",
    );
}

/// The attendance indicator, computed from the meetings.
fn indicator(b: &mut Builder) {
    b.indicator(
        "demo-ind-frukost",
        "Besökare på frukostmöten",
        Unit::Count,
        "Personer som deltog i förbundets frukostmöten under perioden.",
        ("", ""),
        &[Dimension::Municipality],
        true,
    );
    if let Some(Record::Indicator(i)) = b.records.last_mut() {
        i.computed = Some(FlowMeasure::MeetingAttendance);
    }
}

/// The meetings of 2016–2018.
fn meetings(b: &mut Builder) {
    let (h, n, t) = ("demo-haninge", "demo-nynashamn", "demo-tyreso");
    let first = announced(
        (2016, 5, 27),
        h,
        "Auditoriet, Kulturhuset i Handen",
        "Nyanlända – Arbetsförmedlingens och kommunens ansvar samt förbundets direktiv till en kartläggning med fokus på målgruppen",
        Some(90),
        &format!("{NB_2016}. {SUM_2016}"),
    );
    let m = b.records.len();
    b.meeting(first.by("Representanter för Arbetsförmedlingen, kommunen och förbundet"));
    if let Some(Record::Meeting(x)) = b.records.get_mut(m) {
        x.start = ClockTime::new(8, 0);
        x.end = ClockTime::new(9, 30);
        x.registration_deadline = NaiveDate::from_ymd_opt(2016, 5, 24);
        x.registration_email = "cecilia.vitblom@haninge.se".into();
    }
    let autumn_2016 = format!("{NB_2016}: höstens frukostmöten. {SUM_2016}");
    for (date, muni, place, guests) in [
        ((2016, 9, 2), h, "Kulturhuset, Handen", 80),
        ((2016, 9, 30), h, "Kulturhuset, Handen", 85),
        ((2016, 10, 27), n, "Folkets Hus, Nynäshamn", 75),
        ((2016, 11, 25), h, "Hotell Winn, Handen", 90),
        ((2016, 12, 16), h, "Hotell Winn, Handen", 80),
    ] {
        b.meeting(announced(
            date,
            muni,
            place,
            TBA,
            Some(guests),
            &autumn_2016,
        ));
    }
    let torsby = "Torsbymodellen: att förebygga sjukskrivningar hos kommunanställda";
    let seventy = format!("Ett 70-tal chefer och andra nyckelpersoner. {NB_2017}");
    b.meeting(announced((2017, 3, 1), n, "", torsby, Some(70), &seventy));
    b.meeting(announced((2017, 4, 5), n, "", torsby, Some(70), &seventy));
    let estimated = format!("{NB_2017}. {EST_2017}");
    for (date, muni, theme, guests, speakers) in [
        (
            (2017, 4, 28),
            h,
            "MIA – Östra Södertörn samt aktuell information från förbundet",
            80,
            "Annica Falk, biträdande förbundschef, Sophie Olofsson, projektledare, samt verksamhetsansvariga för olika MIA-insatser i Haninge, Nynäshamn och Tyresö",
        ),
        (
            (2017, 5, 19),
            n,
            "Samverkan; våld i nära relationer",
            60,
            "bl.a. Manscentrum och Haninge kvinnojour",
        ),
    ] {
        b.meeting(announced(date, muni, "", theme, Some(guests), &estimated).by(speakers));
    }
    for (date, muni, guests) in [
        ((2017, 9, 15), h, 90),
        ((2017, 10, 13), t, 80),
        ((2017, 10, 27), n, 70),
        ((2017, 11, 17), h, 100),
        ((2017, 12, 8), t, 80),
    ] {
        b.meeting(announced(date, muni, "", TBA, Some(guests), SUM_2017));
    }
    b.meeting(
        announced(
            (2018, 2, 2),
            n,
            "",
            "Goda resultat från förbundets verksamhet, framför allt från Nynäshamn",
            Some(50),
            &format!("Ett 50-tal deltagare. {NB_2018_02}"),
        )
        .by("bl.a. Kim Dahlin från Nynäshamns gymnasium"),
    );
    for (date, muni, theme) in [
        (
            (2018, 2, 22),
            t,
            "Information om förbundets insatser – vad är på gång/ resultaten hittills",
        ),
        (
            (2018, 3, 23),
            h,
            "Erfarenheter från metoderna Case Management (CM) och Supported Employment (SE)",
        ),
        (
            (2018, 5, 4),
            h,
            "Arbetsplatser som öppnar dörrar för långtidsarbetslösa (preliminärt)",
        ),
    ] {
        b.meeting(announced(date, muni, "", theme, None, NB_2018_02));
    }
    for a in [
        announced(
            (2018, 9, 21),
            n,
            "",
            "Pågående samverkansinsatser och ESF-stödda projekt i Nynäshamn",
            None,
            NB_2018_09,
        ),
        announced(
            (2018, 9, 28),
            h,
            "",
            "Inspirationsföreläsning om integration, kreativitet och sysselsättning",
            None,
            NB_2018_09,
        )
        .by("Birgitta Notlöf, Livstycket i Tensta"),
        announced(
            (2018, 10, 12),
            t,
            "",
            "Föreläsning om bemötandet av människor som upplevt krig och trauman",
            None,
            NB_2018_09,
        ),
        announced(
            (2018, 10, 26),
            h,
            "",
            "Mer tillit och mindre detaljstyrning – går det?",
            None,
            NB_2018_09,
        ),
        announced(
            (2018, 11, 23),
            h,
            "",
            "Arbetsförmedlingens uppdrag, nya organisation och lokala samverkansytor",
            None,
            NB_2018_09,
        ),
    ] {
        b.meeting(a);
    }
}

/// The places of the end of August 2018, and an earlier report for Case
/// Management so occupancy has a course over time.
fn slot_reports(b: &mut Builder) {
    let Some(aug) = NaiveDate::from_ymd_opt(2018, 8, 31) else {
        return;
    };
    let note = "Lediga platser enligt nyhetsbrev september 2018 (82 inskrivna i slutet av augusti); fördelningen av de inskrivna på insatserna är uppskattad.";
    for (insats, capacity, enrolled) in [
        ("demo-at-bonorna", 6, 4),
        ("demo-at-grow", 6, 4),
        ("demo-at-jobbverket", 10, 4),
        ("demo-at-skyddsvarnet", 6, 4),
        ("demo-cm", 60, 40),
        ("demo-stationen", 12, 6),
        ("demo-roa", 10, 5),
        ("demo-kbt", 10, 8),
        ("demo-se-uppstart", 9, 7),
    ] {
        let id = format!("demo-lp-2018-08-{}", insats.trim_start_matches("demo-"));
        b.slots(&id, aug, insats, capacity, enrolled, note);
    }
    if let Some(may) = NaiveDate::from_ymd_opt(2018, 5, 31) {
        b.slots(
            "demo-lp-2018-05-cm",
            may,
            "demo-cm",
            60,
            28,
            "Påhittad för exemplet, så att beläggningen har ett förlopp över tid.",
        );
    }
}
