//! The builder of `demo_sentences.json`: the demo indicators rewritten
//! with the February 2018 newsletter's own sentences as templates ("En kort
//! sammanfattning av 2017 i siffror", and the paragraph on the referrers
//! after it), and the breakdowns those sentences print that the demo's
//! typed outcomes lacked — participants by gender, new participants by
//! municipality and by the three referrers the newsletter names — counted
//! from the demo's (retold) participations, so the shares are the
//! newsletter's 43/57, 23/34/43 and 34/27/16 percent.

use super::{count, date, demo as build_base, rid, Builder, Report};
use crate::core::demo::participants::{category_in, end_statuses, story_participations};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::{Breakdown, Dimension, Gender, Record, Referrer, Scope};
use crate::core::participants::breakdown;
use crate::core::period::Period;

const NB_2018_02: &str = "Nyhetsbrev nr 1 2018: En kort sammanfattning av 2017 i siffror";

/// The newsletter's sentences, by indicator id.
pub(in crate::core::demo) const SENTENCES: [(&str, &str); 5] = [
    (
        "demo-ind-deltagare",
        "{värde} deltagare fick individuellt anpassat stöd under året, varav {kvinnor:andel} procent kvinnor och {män:andel} män. Målet var {mål} deltagare.",
    ),
    (
        "demo-ind-konsultation",
        "{värde} personer fick myndighetsgemensam konsultation via Resursråden. Målet var {mål} deltagare.",
    ),
    (
        "demo-ind-arbete-antal",
        "{värde} personer började arbeta eller studera ({kvinnor} kvinnor, {män} män). Det motsvarar {Andel till arbete eller studier} procent av samtliga som avslutade sitt deltagande.",
    ),
    (
        "demo-ind-nya",
        "{värde} nya deltagare påbörjade en insats under året: {Nynäshamn:andel} procent var från Nynäshamn, {Tyresö:andel} procent från Tyresö och {Haninge:andel} procent från Haninge. Kommunerna är de största remittenterna ({kommunerna:andel} procent) följda av Arbetsförmedlingen ({arbetsförmedlingen:andel} procent). Andelen egenanmälningar var {egenanmälan:andel} procent, vilket motsvarar {egenanmälan} deltagare.",
    ),
    (
        "demo-ind-arbete",
        "{endast Ungdomsinsatserna}{när målet nås}Måluppfyllelsen för Ungdomsteamet i Haninge, Ung i Nynäs och Ung i Tyresö har förbättrats. Totalt började {värde} procent av samtliga som avslutade sitt deltagande i ungdomsinsatserna {år} arbeta eller studera, vilket också var målet. {år-1} var siffran {förra året} procent.",
    ),
];

/// The demo indicators with their sentences, then the outcomes by gender
/// and municipality of 2017.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    for r in build_base(after, device) {
        if let Record::Indicator(mut i) = r {
            if let Some((_, s)) = SENTENCES.iter().find(|(id, _)| i.meta.id.as_str() == *id) {
                i.sentence = (*s).to_owned();
                b.push(Record::Indicator(i));
            }
        }
    }
    let ps = story_participations(after, device);
    let statuses = end_statuses(after, device);
    let category = category_in(&statuses);
    let Ok(year) = Period::year(2017) else {
        return b.records;
    };
    let by_gender = breakdown(&ps, &year, Dimension::Gender, &category, &|_| None);
    let by_place = breakdown(&ps, &year, Dimension::Municipality, &category, &|_| None);
    let by_referrer = breakdown(&ps, &year, Dimension::Referrer, &category, &|_| None);
    let note = format!("{NB_2018_02} (andelen i procent; antalet räknat ur deltagandena)");
    let r = Report {
        scope: Scope::Forbund,
        period: Some(year),
        on: date(2018, 2, 1),
        note: &note,
    };
    let mut outcome = |id: &str, indicator: &str, slice: Breakdown, n: u64| {
        b.outcome(&r, id, indicator, Some(slice), count(n));
    };
    for (code, g) in [("k", Gender::Woman), ("m", Gender::Man)] {
        let slice = Breakdown::Gender(g);
        let n = by_gender.get(&slice).map_or(0, |c| c.active);
        outcome(
            &format!("demo-o-deltagare-{code}-2017"),
            "demo-ind-deltagare",
            slice,
            n,
        );
    }
    for (code, muni) in [
        ("n", "demo-nynashamn"),
        ("t", "demo-tyreso"),
        ("h", "demo-haninge"),
    ] {
        let slice = Breakdown::Municipality(rid(muni));
        let n = by_place.get(&slice).map_or(0, |c| c.new);
        outcome(&format!("demo-o-nya-{code}-2017"), "demo-ind-nya", slice, n);
    }
    // The referrers the newsletter names ("Tilläggas kan att kommunerna är
    // de största remittenterna ..."), the only three it prints.
    for (code, referrer) in [
        ("kommun", Referrer::Municipality),
        ("af", Referrer::EmploymentService),
        ("egen", Referrer::SelfReferral),
    ] {
        let slice = Breakdown::Referrer(referrer);
        let n = by_referrer.get(&slice).map_or(0, |c| c.new);
        outcome(
            &format!("demo-o-nya-remittent-antal-{code}-2017"),
            "demo-ind-nya",
            slice,
            n,
        );
    }
    b.records
}
