//! The targets and outcomes of `demo.json`: the figures of 2016–2018 as
//! the newsletters print them, each with its newsletter in the note.

use super::{count, date, pct, rid, Builder};
use crate::core::model::{Breakdown, Gender, Referrer, Scope};
use crate::core::period::Period;

const NB_2018_02: &str = "Nyhetsbrev nr 1 2018: En kort sammanfattning av 2017 i siffror";
const NB_2018_09: &str = "Nyhetsbrev september 2018: förbundets halvårsrapport";
const NB_MIA: &str = "Nyhetsbrev september 2018: måluppfyllelsen för MIA hittills";

pub(super) fn figures_2016_2017(b: &mut Builder) {
    let forbund = Scope::Forbund;
    let y2017 = Period::year(2017).ok();
    let feb18 = date(2018, 2, 1);
    b.target(
        "demo-t-deltagare-2017",
        "demo-ind-deltagare",
        forbund.clone(),
        y2017,
        count(975),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-deltagare-2017",
        "demo-ind-deltagare",
        forbund.clone(),
        y2017,
        None,
        count(927),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-kon-k-2017",
        "demo-ind-kon",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Woman)),
        pct(43),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-kon-m-2017",
        "demo-ind-kon",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Man)),
        pct(57),
        feb18,
        NB_2018_02,
    );
    b.target(
        "demo-t-konsultation-2017",
        "demo-ind-konsultation",
        forbund.clone(),
        y2017,
        count(200),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-konsultation-2017",
        "demo-ind-konsultation",
        forbund.clone(),
        y2017,
        None,
        count(183),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        None,
        count(271),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-k-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Woman)),
        count(92),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-m-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Man)),
        count(179),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-2017",
        "demo-ind-arbete",
        forbund.clone(),
        y2017,
        None,
        pct(39),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-nya-2017",
        "demo-ind-nya",
        forbund.clone(),
        y2017,
        None,
        count(634),
        feb18,
        NB_2018_02,
    );
    for (id, muni, share) in [
        ("n", "demo-nynashamn", 23),
        ("t", "demo-tyreso", 34),
        ("h", "demo-haninge", 43),
    ] {
        b.outcome(
            &format!("demo-o-nya-kommun-{id}-2017"),
            "demo-ind-nya-fordelning",
            forbund.clone(),
            y2017,
            Some(Breakdown::Municipality(rid(muni))),
            pct(share),
            feb18,
            NB_2018_02,
        );
    }
    for (id, referrer, share, note) in [
        ("kommun", Referrer::Municipality, 34, NB_2018_02),
        ("af", Referrer::EmploymentService, 27, NB_2018_02),
        (
            "egen",
            Referrer::SelfReferral,
            16,
            "Motsvarar 102 deltagare. Nyhetsbrev nr 1 2018",
        ),
    ] {
        b.outcome(
            &format!("demo-o-nya-remittent-{id}-2017"),
            "demo-ind-nya-fordelning",
            forbund.clone(),
            y2017,
            Some(Breakdown::Referrer(referrer)),
            pct(share),
            feb18,
            note,
        );
    }

    let youth = Scope::Project(rid("demo-ungdom"));
    b.outcome(
        "demo-o-ungdom-arbete-2016",
        "demo-ind-arbete",
        youth.clone(),
        Period::year(2016).ok(),
        None,
        pct(58),
        feb18,
        NB_2018_02,
    );
    b.target(
        "demo-t-ungdom-arbete-2017",
        "demo-ind-arbete",
        youth.clone(),
        y2017,
        pct(65),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-ungdom-arbete-2017",
        "demo-ind-arbete",
        youth,
        y2017,
        None,
        pct(65),
        feb18,
        NB_2018_02,
    );
}

pub(super) fn figures_2018(b: &mut Builder) {
    let youth = Scope::Project(rid("demo-ungdom"));
    let y2018 = Period::year(2018).ok();
    let h1 = Period::half(2018, 1).ok();
    let sep18 = date(2018, 9, 1);
    b.target(
        "demo-t-ungdom-arbete-2018",
        "demo-ind-arbete",
        youth.clone(),
        y2018,
        pct(65),
        NB_2018_09,
    );
    b.outcome(
        "demo-o-ungdom-arbete-2018h1",
        "demo-ind-arbete",
        youth.clone(),
        h1,
        None,
        pct(64),
        sep18,
        "I genomsnitt 64 procent gick vidare till arbete eller studier. Nyhetsbrev september 2018",
    );
    b.target(
        "demo-t-ungdom-nya-2018",
        "demo-ind-nya",
        youth.clone(),
        y2018,
        count(390),
        NB_2018_09,
    );
    b.outcome(
        "demo-o-ungdom-nya-2018h1",
        "demo-ind-nya",
        youth.clone(),
        h1,
        None,
        count(204),
        sep18,
        "Inflödet ligger något över målet. Nyhetsbrev september 2018",
    );
    for (id, muni, share) in [
        ("t", "demo-tyreso", 53),
        ("n", "demo-nynashamn", 75),
        ("h", "demo-haninge", 9),
    ] {
        b.outcome(
            &format!("demo-o-ungdom-egen-{id}-2018h1"),
            "demo-ind-egen",
            youth.clone(),
            h1,
            Some(Breakdown::Municipality(rid(muni))),
            pct(share),
            sep18,
            NB_2018_09,
        );
    }

    let mia_period = date(2017, 4, 1)
        .zip(date(2020, 8, 31))
        .and_then(|(s, e)| Period::range(s, e).ok());
    let so_far = date(2017, 4, 1)
        .zip(date(2018, 8, 31))
        .and_then(|(s, e)| Period::range(s, e).ok());
    for (scope, key, work, ordinary) in [
        (Scope::Project(rid("demo-mia-os")), "mia-os", 15, 32),
        (Scope::Project(rid("demo-mia")), "mia", 21, 28),
    ] {
        b.target(
            &format!("demo-t-{key}-arbete"),
            "demo-ind-arbete",
            scope.clone(),
            mia_period,
            pct(30),
            "Målet för det länsgemensamma projektet",
        );
        b.target(
            &format!("demo-t-{key}-ordinarie"),
            "demo-ind-ordinarie",
            scope.clone(),
            mia_period,
            pct(40),
            "Målet för det länsgemensamma projektet",
        );
        b.outcome(
            &format!("demo-o-{key}-arbete"),
            "demo-ind-arbete",
            scope.clone(),
            so_far,
            None,
            pct(work),
            sep18,
            NB_MIA,
        );
        b.outcome(
            &format!("demo-o-{key}-ordinarie"),
            "demo-ind-ordinarie",
            scope,
            so_far,
            None,
            pct(ordinary),
            sep18,
            NB_MIA,
        );
    }
}
