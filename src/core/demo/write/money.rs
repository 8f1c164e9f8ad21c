//! The builder of `demo_1_7.json`, the records added with snapshot format
//! 1.7: money. The seeds give two amounts, both sums sought from the
//! European Social Fund: 100 mkr for MIA, the county's joint project
//! (nyhetsbrev nr 3 2016), and 43 mkr for the etableringscentrum
//! (nyhetsbrev nr 3 2017). They are the budgets of an indicator in kronor;
//! the one spend figure is invented and says so.

use super::{date, mia_period, rid, span, Builder, Report};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::{Direction, Indicator, Record, Scope};
use crate::core::value::{FigureValue, Kronor, Unit};

const NB_2016_05: &str = "Nyhetsbrev nr 3 2016 (maj): \"Projektet Mobilisering inför arbete, MIA, som förbunden i länet gått samman kring i en ansökan till Europeiska socialfonden om 100 mkr\" (hela länsprojektet, sex förbund)";
const NB_2017_04: &str = "Nyhetsbrev nr 3 2017 (april): \"Kommunerna Haninge, Nynäshamn och Tyresö och Arbetsförmedlingen har tillsammans med förbundet ansökt om 43 mkr från Europeiska socialfonden\"";
const INVENTED: &str =
    "Använda ESF-medel i MIA till och med augusti 2018: påhittad siffra i exempeldata";

fn kr(n: u64) -> FigureValue {
    // Every literal below is far under MAX_KRONOR.
    FigureValue::Kronor(Kronor::new(n).unwrap_or(Kronor::ZERO))
}

/// The 1.7 set: the indicator, the two budgets and MIA's spend so far.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    let meta = b.meta("demo-ind-esf");
    b.push(Indicator {
        meta,
        name: "ESF-medel: budget och utfall".into(),
        unit: Unit::Kronor,
        definition: "Medel från Europeiska socialfonden som projektet har sökt (budget), mot vad som har använts hittills (utfall). Utfallet jämförs med budgeten pro rata för den del av projektperioden det gäller.".into(),
        numerator: String::new(),
        denominator: String::new(),
        // Spending more than planned is behind, not ahead.
        direction: Direction::LowerIsBetter,
        dimensions: vec![],
        tolerance_percent: 10,
        prorate: true,
        computed: None,
        ratio: None,
        sentence: String::new(),
    });
    let mia = Report {
        scope: Scope::Project(rid("demo-mia")),
        period: mia_period(),
        on: date(2016, 5, 31),
        note: NB_2016_05,
    };
    b.target(&mia, "demo-t-esf-mia", "demo-ind-esf", kr(100_000_000));
    let etablering = Report {
        scope: Scope::Project(rid("demo-etablering")),
        period: span((2018, 4, 9), (2021, 6, 30)),
        on: date(2017, 4, 30),
        note: NB_2017_04,
    };
    b.target(
        &etablering,
        "demo-t-esf-etablering",
        "demo-ind-esf",
        kr(43_000_000),
    );
    let spent = Report {
        scope: Scope::Project(rid("demo-mia")),
        period: span((2017, 4, 1), (2018, 8, 31)),
        on: date(2018, 8, 31),
        note: INVENTED,
    };
    b.outcome(
        &spent,
        "demo-o-esf-mia-2018-08",
        "demo-ind-esf",
        None,
        kr(38_400_000),
    );
    b.records
}
