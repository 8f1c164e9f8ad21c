//! The builder of `demo_1_6.json`, the records added with snapshot format
//! 1.6: Nynäshamn's yes/no goal, the first goal the newsletters report as
//! met without a number ("Målet om 12 procent kvinnor bland deltagarna har
//! uppfyllts", nyhetsbrev nr 1 2018), on the Tak- och
//! tätskiktsutbildningen it was told about.

use super::{rid, Builder, Report};
use crate::core::ids::{DeviceId, Hlc};
use crate::core::model::{Direction, Indicator, Insats, InsatsKind, Record, Scope};
use crate::core::period::Period;
use crate::core::value::{Answer, FigureValue, Unit};
use chrono::NaiveDate;

const NB_2018_02_NYNAS: &str =
    "Nyhetsbrev nr 1 2018 (februari): frukostmötet i Nynäshamn den 2 februari 2018";

/// The newsletter's sentence for the goal, in the words of the February
/// 2018 newsletter's article on the frukostmöte in Nynäshamn; when the goal
/// is not met (or not yet known) the plain sentence says so instead.
const YES_NO_SENTENCE: &str = "{när målet nås}På Tak- och tätskiktsutbildningen i Nynäshamn har målet om 12 procent kvinnor bland deltagarna uppfyllts.";

/// The 1.6 set: the insats, the yes/no indicator, its goal for 2017 and
/// the outcome the February 2018 newsletter reports.
pub(in crate::core::demo) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    let meta = b.meta("demo-tak-tat");
    b.push(Insats {
        meta,
        name: "Tak- och tätskiktsutbildningen".into(),
        kind: InsatsKind::Other,
        description: "Utbildning i ett bristyrke vid Nynäshamns gymnasium, där deltagarna, bl.a. flera nyanlända, garanteras anställning. Presenterades av Kim Dahlin på frukostmötet i Nynäshamn den 2 februari 2018.".into(),
        municipalities: vec![rid("demo-nynashamn")],
        provider: "Nynäshamns gymnasium".into(),
        project: None,
        start: None,
        end: None,
        capacity: None,
        contacts: vec![],
        orientation: None,
        target_group: String::new(),
        financing: Vec::new(),
    });
    let meta = b.meta("demo-ind-kvinnor-12");
    b.push(Indicator {
        meta,
        name: "Minst 12 procent kvinnor bland deltagarna".into(),
        unit: Unit::YesNo,
        definition: "Om minst 12 procent av deltagarna är kvinnor: uppfyllt eller inte.".into(),
        numerator: String::new(),
        denominator: String::new(),
        direction: Direction::HigherIsBetter,
        dimensions: vec![],
        tolerance_percent: 10,
        prorate: false,
        computed: None,
        ratio: None,
        sentence: YES_NO_SENTENCE.into(),
    });
    let goal = format!("{NB_2018_02_NYNAS}: målet om 12 procent kvinnor bland deltagarna");
    let r = Report {
        scope: Scope::Insats(rid("demo-tak-tat")),
        period: Period::year(2017).ok(),
        on: NaiveDate::from_ymd_opt(2018, 2, 1),
        note: &goal,
    };
    let met = FigureValue::Answer(Answer::Met);
    b.target(&r, "demo-t-kvinnor-12-2017", "demo-ind-kvinnor-12", met);
    let reported = format!(
        "{NB_2018_02_NYNAS}: \"Målet om 12 procent kvinnor bland deltagarna har uppfyllts.\""
    );
    b.outcome(
        &r.noting(&reported),
        "demo-o-kvinnor-12-2017",
        "demo-ind-kvinnor-12",
        None,
        met,
    );
    b.records
}
