//! The targets and outcomes of `demo.json`: the figures of 2016–2018 as
//! the newsletters print them, each with its newsletter in the note.

use super::{count, date, mia_period, pct, rid, span, Builder, Report};
use crate::core::model::{Breakdown, Gender, Referrer, Scope};
use crate::core::period::Period;

const NB_2018_02: &str = "Nyhetsbrev nr 1 2018: En kort sammanfattning av 2017 i siffror";
const NB_2018_09: &str = "Nyhetsbrev september 2018: förbundets halvårsrapport";
const NB_MIA: &str = "Nyhetsbrev september 2018: måluppfyllelsen för MIA hittills";

/// The förbund's new participants of 2017 by referrer, in percent: the
/// February 2018 newsletter prints three of the shares, the story set
/// (`story.rs`) adds the others.
pub(super) fn new_by_referrer_2017<'s>(
    b: &mut Builder,
    r: &Report<'_>,
    shares: impl IntoIterator<Item = (&'s str, Referrer, u32)>,
) {
    b.shares(
        r,
        "demo-ind-nya-fordelning",
        |code| format!("demo-o-nya-remittent-{code}-2017"),
        shares
            .into_iter()
            .map(|(code, referrer, whole)| (code, Breakdown::Referrer(referrer), whole)),
    );
}

fn municipality(id: &str) -> Breakdown {
    Breakdown::Municipality(rid(id))
}

pub(super) fn figures_2016_2017(b: &mut Builder) {
    let y2017 = Report {
        scope: Scope::Forbund,
        period: Period::year(2017).ok(),
        on: date(2018, 2, 1),
        note: NB_2018_02,
    };
    let woman = Some(Breakdown::Gender(Gender::Woman));
    let man = Some(Breakdown::Gender(Gender::Man));
    b.target(
        &y2017,
        "demo-t-deltagare-2017",
        "demo-ind-deltagare",
        count(975),
    );
    b.outcome(
        &y2017,
        "demo-o-deltagare-2017",
        "demo-ind-deltagare",
        None,
        count(927),
    );
    b.outcome(
        &y2017,
        "demo-o-kon-k-2017",
        "demo-ind-kon",
        woman.clone(),
        pct(43),
    );
    b.outcome(
        &y2017,
        "demo-o-kon-m-2017",
        "demo-ind-kon",
        man.clone(),
        pct(57),
    );
    b.target(
        &y2017,
        "demo-t-konsultation-2017",
        "demo-ind-konsultation",
        count(200),
    );
    b.outcome(
        &y2017,
        "demo-o-konsultation-2017",
        "demo-ind-konsultation",
        None,
        count(183),
    );
    b.outcome(
        &y2017,
        "demo-o-arbete-antal-2017",
        "demo-ind-arbete-antal",
        None,
        count(271),
    );
    b.outcome(
        &y2017,
        "demo-o-arbete-antal-k-2017",
        "demo-ind-arbete-antal",
        woman,
        count(92),
    );
    b.outcome(
        &y2017,
        "demo-o-arbete-antal-m-2017",
        "demo-ind-arbete-antal",
        man,
        count(179),
    );
    b.outcome(
        &y2017,
        "demo-o-arbete-2017",
        "demo-ind-arbete",
        None,
        pct(39),
    );
    b.outcome(&y2017, "demo-o-nya-2017", "demo-ind-nya", None, count(634));
    b.shares(
        &y2017,
        "demo-ind-nya-fordelning",
        |code| format!("demo-o-nya-kommun-{code}-2017"),
        [
            ("n", municipality("demo-nynashamn"), 23),
            ("t", municipality("demo-tyreso"), 34),
            ("h", municipality("demo-haninge"), 43),
        ],
    );
    new_by_referrer_2017(
        b,
        &y2017,
        [
            ("kommun", Referrer::Municipality, 34),
            ("af", Referrer::EmploymentService, 27),
        ],
    );
    new_by_referrer_2017(
        b,
        &y2017.noting("Motsvarar 102 deltagare. Nyhetsbrev nr 1 2018"),
        [("egen", Referrer::SelfReferral, 16)],
    );

    let youth_2016 = Report {
        scope: Scope::Project(rid("demo-ungdom")),
        period: Period::year(2016).ok(),
        ..y2017.clone()
    };
    b.outcome(
        &youth_2016,
        "demo-o-ungdom-arbete-2016",
        "demo-ind-arbete",
        None,
        pct(58),
    );
    let youth = Report {
        period: y2017.period,
        ..youth_2016
    };
    b.target(
        &youth,
        "demo-t-ungdom-arbete-2017",
        "demo-ind-arbete",
        pct(65),
    );
    b.outcome(
        &youth,
        "demo-o-ungdom-arbete-2017",
        "demo-ind-arbete",
        None,
        pct(65),
    );
}

pub(super) fn figures_2018(b: &mut Builder) {
    let youth = Report {
        scope: Scope::Project(rid("demo-ungdom")),
        period: Period::year(2018).ok(),
        on: date(2018, 9, 1),
        note: NB_2018_09,
    };
    let h1 = Report {
        period: Period::half(2018, 1).ok(),
        ..youth.clone()
    };
    b.target(
        &youth,
        "demo-t-ungdom-arbete-2018",
        "demo-ind-arbete",
        pct(65),
    );
    b.outcome(
        &h1.noting("I genomsnitt 64 procent gick vidare till arbete eller studier. Nyhetsbrev september 2018"),
        "demo-o-ungdom-arbete-2018h1",
        "demo-ind-arbete",
        None,
        pct(64),
    );
    b.target(&youth, "demo-t-ungdom-nya-2018", "demo-ind-nya", count(390));
    b.outcome(
        &h1.noting("Inflödet ligger något över målet. Nyhetsbrev september 2018"),
        "demo-o-ungdom-nya-2018h1",
        "demo-ind-nya",
        None,
        count(204),
    );
    b.shares(
        &h1,
        "demo-ind-egen",
        |code| format!("demo-o-ungdom-egen-{code}-2018h1"),
        [
            ("t", municipality("demo-tyreso"), 53),
            ("n", municipality("demo-nynashamn"), 75),
            ("h", municipality("demo-haninge"), 9),
        ],
    );

    for (key, project, work, ordinary) in [
        ("mia-os", "demo-mia-os", 15, 32),
        ("mia", "demo-mia", 21, 28),
    ] {
        let goal = Report {
            scope: Scope::Project(rid(project)),
            period: mia_period(),
            on: None,
            note: "Målet för det länsgemensamma projektet",
        };
        let so_far = Report {
            period: span((2017, 4, 1), (2018, 8, 31)),
            on: date(2018, 9, 1),
            note: NB_MIA,
            ..goal.clone()
        };
        b.target(
            &goal,
            &format!("demo-t-{key}-arbete"),
            "demo-ind-arbete",
            pct(30),
        );
        b.target(
            &goal,
            &format!("demo-t-{key}-ordinarie"),
            "demo-ind-ordinarie",
            pct(40),
        );
        b.outcome(
            &so_far,
            &format!("demo-o-{key}-arbete"),
            "demo-ind-arbete",
            None,
            pct(work),
        );
        b.outcome(
            &so_far,
            &format!("demo-o-{key}-ordinarie"),
            "demo-ind-ordinarie",
            None,
            pct(ordinary),
        );
    }
}
