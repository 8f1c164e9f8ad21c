//! The builder of `demo_1_8.json`, the records added with snapshot format
//! 1.8: what is written beside the goals. The seeds give one analysis in
//! the förbund's own words: nyhetsbrev september 2018 reports MIA Östra
//! Södertörn's share to work or studies so far (15 procent against the
//! goal of 30) and what the förbund does about it (three new posts). That
//! is the comment on MIA's goal for the delår (T2 2018). The forecast of
//! MIA's ESF spend is invented and says so.

use super::{date, mia_period, rid, Builder};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::{Comment, Forecast, Record, Scope};
use crate::core::period::Period;
use crate::core::value::{FigureValue, Kronor};

const HAPPENED: &str = "Måluppfyllelsen för MIA Östra Södertörn hittills är 15 procent som börjat arbeta eller studera, mot målet 30 procent (nyhetsbrev september 2018).";
const NEXT: &str = "MIA Östra Södertörn förstärks under september och oktober med tre nya tjänster: Haninge och Nynäshamn anställer varsin Case Manager, och Arbetsförmedlingen förstärker med en Supported Employment-tjänst, som väntas bidra till att fler deltagare kan börja arbeta eller studera med anställningsstöd (nyhetsbrev september 2018).";
const INVENTED: &str =
    "Prognos för använda ESF-medel i MIA över hela projektperioden: påhittad siffra i exempeldata";

/// The 1.8 set: MIA's comment for the delår and its ESF forecast.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    let (Some(project_period), Ok(t2)) = (mia_period(), Period::tertial(2018, 2)) else {
        return b.records;
    };
    let meta = b.meta("demo-c-mia-os-arbete-2018-t2");
    b.push(Comment {
        meta,
        indicator: rid("demo-ind-arbete"),
        scope: Scope::Project(rid("demo-mia-os")),
        period: t2,
        breakdown: None,
        happened: HAPPENED.into(),
        why: String::new(),
        next: NEXT.into(),
    });
    let meta = b.meta("demo-f-esf-mia");
    b.push(Forecast {
        meta,
        indicator: rid("demo-ind-esf"),
        scope: Scope::Project(rid("demo-mia")),
        period: project_period,
        breakdown: None,
        // Far under MAX_KRONOR.
        value: FigureValue::Kronor(Kronor::new(96_000_000).unwrap_or(Kronor::ZERO)),
        made_on: date(2018, 8, 31),
        note: INVENTED.into(),
    });
    b.records
}
