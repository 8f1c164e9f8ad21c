//! The builder of `demo_story.json`: the records that make the demo one
//! story. It rewrites by id what was wrong
//! or contradictory and adds the seed facts the demo lacked.
//!
//! - The places of 31 August 2018 and 31 May 2018 are counted from the
//!   retold participations (`story.rs`), so the places board and the
//!   Deltagare page agree on every report date.
//! - "Andel till ordinarie insatser" is a share of those who ended, as the
//!   computed measure is.
//! - Every figure the newsletters do not print is marked in its note with
//!   [`INVENTED`].
//! - Added from the seeds: Blå Vägen among the LOV providers and the
//!   Stadsmissionen agreement (2018-09), "160 platser, varav 60
//!   arbetsträningsplatser" (2018-02), "nästan 100 procent" rating the
//!   bemötande good (2018-09), Pre-Ester's 6 participants and the ten to be
//!   recruited to the entreprenörsprogram (2017-04), and the MIA kick-off
//!   of 31 March 2017 with about 80 people (2017-04).

use super::figures::new_by_referrer_2017;
use super::{contact, count, date, mia_period, pct, rid, span, Builder, Report};
use crate::core::demo::participants::category_in;
use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{
    EndStatus, Insats, InsatsKind, Meeting, Participation, Record, Referrer, Scope, SlotReport,
};
use crate::core::participants::count as flow_count;
use crate::core::period::Period;
use crate::core::value::{Count, Unit};
use chrono::NaiveDate;

/// How the demo marks a figure no seed prints.
pub(in crate::core::demo) const INVENTED: &str = "Påhittad siffra i exempeldata";

const NB_2017_04: &str = "Nyhetsbrev nr 3 2017";
const NB_2018_02: &str = "Nyhetsbrev nr 1 2018";
const NB_2018_09: &str = "Nyhetsbrev september 2018";

/// The places of 31 August 2018 the newsletter lists as open (insats, open).
pub(in crate::core::demo) const OPEN_AUGUST_2018: [(&str, u64); 9] = [
    ("demo-at-bonorna", 2),
    ("demo-at-grow", 2),
    ("demo-at-jobbverket", 6),
    ("demo-at-skyddsvarnet", 2),
    ("demo-cm", 20),
    ("demo-stationen", 6),
    ("demo-roa", 5),
    ("demo-kbt", 2),
    ("demo-se-uppstart", 2),
];

/// The participations of `insats` active on `day`, as the Deltagare page
/// counts them.
pub(in crate::core::demo) fn active_on(
    ps: &[Participation],
    statuses: &[EndStatus],
    insats: &RecordId,
    day: NaiveDate,
) -> u64 {
    let Ok(period) = Period::range(day, day) else {
        return 0;
    };
    let mine: Vec<Participation> = ps.iter().filter(|p| &p.insats == insats).cloned().collect();
    flow_count(&mine, &period, &category_in(statuses)).active
}

/// The records of `demo_story.json`.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let ps = crate::core::demo::participants::story_participations(after, device);
    let statuses = crate::core::demo::participants::end_statuses(after, device);
    let mut b = Builder::new(after, device);
    indicators(&mut b);
    insatser(&mut b);
    slot_reports(&mut b, &ps, &statuses);
    figures(&mut b);
    kick_off(&mut b);
    b.records
}

fn indicators(b: &mut Builder) {
    use crate::core::model::Dimension::Municipality as M;
    b.indicator(
        "demo-ind-ordinarie",
        "Andel till ordinarie insatser",
        Unit::Percent,
        "Andel av dem som avslutade sitt deltagande som gick vidare till Arbetsförmedlingens eller kommunernas ordinarie insatser.",
        (
            "gick vidare till ordinarie insatser",
            "samtliga som avslutade sitt deltagande",
        ),
        &[M],
        false,
    );
    b.indicator(
        "demo-ind-platser",
        "Platser i MIA Östra Södertörn",
        Unit::Count,
        "Platser som kontinuerligt finns i projektets förrehabiliterande insatser.",
        ("", ""),
        &[],
        false,
    );
    b.indicator(
        "demo-ind-platser-at",
        "Arbetsträningsplatser i sociala företag",
        Unit::Count,
        "Arbetsträningsplatser i arbetsintegrerande sociala företag, upphandlade enligt LOV.",
        ("", ""),
        &[],
        false,
    );
    b.indicator(
        "demo-ind-bemotande",
        "Andel som ger bemötandet gott betyg",
        Unit::Percent,
        "Andel av de svarande i deltagarenkäterna som ger bemötandet ett gott betyg.",
        (
            "svarande som ger bemötandet gott betyg",
            "samtliga svarande",
        ),
        &[],
        false,
    );
}

fn insatser(b: &mut Builder) {
    let lov = "Arbetsträning i ett arbetsintegrerande socialt företag, upphandlad enligt lagen om valfrihetssystem (LOV).";
    for (id, name, kind, muni, provider, start, description) in [
        (
            "demo-rr-ht",
            "Resursrådet Haninge och Tyresö",
            InsatsKind::Consultation,
            &["demo-haninge", "demo-tyreso"][..],
            "Samordningsförbundet Östra Södertörn",
            None,
            "Myndighetsgemensam konsultation och en väg in: handläggare kommer hit för konsultation eller skickar en anvisning, och Resursrådet rekommenderar lämplig insats. En av förbundets basplattformar sedan 2007; all inremittering till MIA sker härigenom.",
        ),
        (
            "demo-rr-n",
            "Resursrådet Nynäshamn",
            InsatsKind::Consultation,
            &["demo-nynashamn"][..],
            "Samordningsförbundet Östra Södertörn",
            None,
            "Myndighetsgemensam konsultation och en väg in för Nynäshamn sedan 2010; all inremittering till MIA sker härigenom.",
        ),
        (
            "demo-at-stadsmissionen",
            "Arbetsträning Stadsmissionen",
            InsatsKind::WorkTraining,
            &["demo-haninge"][..],
            "Stockholms Stadsmission, second hand Handen",
            date(2018, 9, 1),
            "Arbetsträning i second hand-butiken i Handen (Handenterminalen 5) inom MIA Östra Södertörn. Avtalet tecknades i september 2018 (nyhetsbrev september 2018; startdagen är påhittad i exempeldata). Upphandlad enligt lagen om valfrihetssystem (LOV).",
        ),
        (
            "demo-at-bla-vagen",
            "Arbetsträning Blå Vägen",
            InsatsKind::WorkTraining,
            &["demo-haninge"][..],
            "Blå Vägen flykting- och arbetsmarknadsverksamhet",
            None,
            lov,
        ),
    ] {
        let project = if id.starts_with("demo-rr-") {
            None
        } else {
            Some("demo-mia-os")
        };
        let contacts = match id {
            "demo-rr-ht" => vec![contact(
                "Verksamhetsledare",
                "Liselotte Bertel",
                "010-116 46 86",
                "",
            )],
            "demo-rr-n" => vec![contact(
                "Verksamhetsledare",
                "Maria Kinhamer",
                "010-116 36 26",
                "",
            )],
            _ => vec![],
        };
        b.insats(
            id,
            name,
            kind,
            muni,
            provider,
            project,
            start,
            description,
            contacts,
        );
    }
    b.insats(
        "demo-pre-ester",
        "Pre-Ester",
        InsatsKind::GroupProgramme,
        &["demo-haninge"],
        "Stiftelsen Ester med Sfi i Haninge och Arbetsförmedlingen",
        None,
        date(2017, 2, 1),
        "Förberedande insats för nyanlända kvinnor: svenska, entreprenörskap, personligt ledarskap och nätverk, februari–mars 2017 (nyhetsbrev nr 3 2017).",
        vec![],
    );
    b.insats(
        "demo-ester",
        "Esters entreprenörsprogram",
        InsatsKind::GroupProgramme,
        &["demo-haninge"],
        "Stiftelsen Ester",
        None,
        date(2017, 6, 1),
        "Entreprenörsprogram på 18 månader som beräknades starta i slutet av maj eller början av juni 2017 (nyhetsbrev nr 3 2017); start- och slutdag är påhittade i exempeldata.",
        vec![],
    );
    for id in ["demo-pre-ester", "demo-ester"] {
        if let Some(Record::Insats(Insats { end, .. })) = b
            .records
            .iter_mut()
            .rev()
            .find(|r| r.meta().id.as_str() == id)
        {
            *end = if id == "demo-ester" {
                date(2018, 11, 30)
            } else {
                date(2017, 3, 31)
            };
        }
    }
}

fn slot_reports(b: &mut Builder, ps: &[Participation], statuses: &[EndStatus]) {
    let (Some(aug), Some(may)) = (date(2018, 8, 31), date(2018, 5, 31)) else {
        return;
    };
    let note = String::from("Lediga platser enligt nyhetsbrev september 2018 (82 inskrivna i slutet av augusti). Inskrivna och platser per insats: påhittad siffra i exempeldata; de inskrivna är deltagarna i insatsen den dagen.");
    for (insats, open) in OPEN_AUGUST_2018 {
        let enrolled = active_on(ps, statuses, &rid(insats), aug);
        let id = format!("demo-lp-2018-08-{}", insats.trim_start_matches("demo-"));
        let meta = b.meta(&id);
        b.push(SlotReport {
            meta,
            date: aug,
            insats: rid(insats),
            provider: String::new(),
            capacity: Count::saturating(enrolled + open),
            enrolled: Count::saturating(enrolled),
            note: note.clone(),
        });
    }
    let enrolled = active_on(ps, statuses, &rid("demo-cm"), may);
    let meta = b.meta("demo-lp-2018-05-cm");
    b.push(SlotReport {
        meta,
        date: may,
        insats: rid("demo-cm"),
        provider: String::new(),
        capacity: Count::saturating(60),
        enrolled: Count::saturating(enrolled),
        note: format!("{INVENTED} (inte ur nyhetsbreven), så att beläggningen har ett förlopp över tid; de inskrivna är deltagarna i insatsen den dagen."),
    });
}

fn figures(b: &mut Builder) {
    let referrers = format!(
        "{INVENTED}: nyhetsbrev nr 1 2018 anger bara kommunerna (34 %), Arbetsförmedlingen (27 %) och egenanmälningar (16 %)."
    );
    let y2017 = Report {
        scope: Scope::Forbund,
        period: Period::year(2017).ok(),
        on: date(2018, 2, 1),
        note: &referrers,
    };
    new_by_referrer_2017(
        b,
        &y2017,
        [
            ("fk", Referrer::SocialInsurance, 11),
            ("region", Referrer::Region, 7),
            ("annan", Referrer::Other, 5),
        ],
    );
    let ordinary = format!("{INVENTED}: nyhetsbreven anger ingen siffra för hela förbundet 2018 (för MIA Östra Södertörn 32 % hittills).");
    let y2018 = Report {
        period: Period::year(2018).ok(),
        on: date(2018, 9, 1),
        note: &ordinary,
        ..y2017.clone()
    };
    b.outcome(
        &y2018,
        "demo-o-ordinarie-2018",
        "demo-ind-ordinarie",
        None,
        pct(20),
    );
    let places = format!("Det finns kontinuerligt 160 platser, varav 60 är arbetsträningsplatser i sociala företag. {NB_2018_02}");
    let mia_os = Report {
        scope: Scope::Project(rid("demo-mia-os")),
        period: mia_period(),
        on: date(2018, 2, 1),
        note: &places,
    };
    b.outcome(
        &mia_os,
        "demo-o-platser",
        "demo-ind-platser",
        None,
        count(160),
    );
    b.outcome(
        &mia_os,
        "demo-o-platser-at",
        "demo-ind-platser-at",
        None,
        count(60),
    );
    let rating = format!("\"Nästan 100 procent ger bemötandet ett gott betyg\" i enkäterna om MIA-projektets första år; 98 % är en tolkning ({}). {NB_2018_09}", INVENTED.to_lowercase());
    let first_year = Report {
        scope: Scope::Project(rid("demo-mia")),
        period: span((2017, 4, 1), (2018, 3, 31)),
        on: date(2018, 9, 1),
        note: &rating,
    };
    b.outcome(
        &first_year,
        "demo-o-bemotande",
        "demo-ind-bemotande",
        None,
        pct(98),
    );
    let six = format!("De sex deltagarna i Pre-Ester. {NB_2017_04}");
    let pre_ester = Report {
        scope: Scope::Insats(rid("demo-pre-ester")),
        period: span((2017, 2, 1), (2017, 3, 31)),
        on: date(2017, 4, 1),
        note: &six,
    };
    b.outcome(
        &pre_ester,
        "demo-o-pre-ester",
        "demo-ind-deltagare",
        None,
        count(6),
    );
    let ten = format!("Rekrytering pågår av tio deltagare till det 18 månader långa entreprenörsprogrammet. {NB_2017_04}");
    let ester = Report {
        scope: Scope::Insats(rid("demo-ester")),
        period: span((2017, 6, 1), (2018, 11, 30)),
        on: None,
        note: &ten,
    };
    b.target(&ester, "demo-t-ester", "demo-ind-deltagare", count(10));
}

/// The MIA kick-off: a meeting, but no frukostmöte of the förbund, so its
/// guests are in the note and not in `attended` (the 700 guests of 2017
/// are the frukostmötens).
fn kick_off(b: &mut Builder) {
    let Some(day) = NaiveDate::from_ymd_opt(2017, 3, 31) else {
        return;
    };
    let meta = b.meta("demo-mote-2017-03-31-mia-kickoff");
    b.push(Meeting {
        meta,
        date: day,
        start: None,
        end: None,
        place: "Saturnus konferens, Stockholm".into(),
        municipality: None,
        theme: "Kick-off för MIA: analys- och planeringsfasen avslutad, genomförandefasen igång".into(),
        speakers: "Ritva Widgren, förbundschef; Yvonne Jansson, ESF-rådet; representanter för medverkande partner".into(),
        invitation: String::new(),
        registration_deadline: None,
        registration_email: String::new(),
        registered: None,
        attended: None,
        note: format!("Cirka 80 deltagare. Inget frukostmöte utan projektets kick-off för alla sex förbund: antalet står här och räknas inte bland besökarna på förbundets frukostmöten (700 under 2017). {NB_2017_04}"),
    });
}
