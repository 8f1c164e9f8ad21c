//! Checks that the demo tells one story: the places board and the
//! participations agree on every report date, the figures the app computes
//! from participations are the ones the newsletters print, and every
//! figure no newsletter prints says so in its note.

use super::participants::category_in;
use super::workspace;
use super::write::story::{active_on, INVENTED, OPEN_AUGUST_2018};
use crate::core::ids::RecordId;
use crate::core::model::{AgeBand, Breakdown, EndStatus, Participation, Referrer, Scope};
use crate::core::participants::report::in_scope;
use crate::core::participants::{count, FlowCounts};
use crate::core::period::Period;
use crate::core::value::{FigureValue, Percent};
use crate::core::workspace::Workspace;
use chrono::NaiveDate;

fn rid(s: &str) -> RecordId {
    RecordId::parse(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn parts(ws: &Workspace, scope: &Scope) -> (Vec<Participation>, Vec<EndStatus>) {
    (
        in_scope(ws, scope).into_iter().cloned().collect(),
        ws.end_statuses.live().cloned().collect(),
    )
}

fn counts(ws: &Workspace, scope: &Scope, period: &Period) -> FlowCounts {
    counts_of(ws, scope, period, |_| true)
}

fn counts_of(
    ws: &Workspace,
    scope: &Scope,
    period: &Period,
    keep: impl Fn(&Participation) -> bool,
) -> FlowCounts {
    let (ps, statuses) = parts(ws, scope);
    let ps: Vec<Participation> = ps.into_iter().filter(|p| keep(p)).collect();
    let category = category_in(&statuses);
    count(&ps, period, &category)
}

/// Whether the story retells `p` (not one of the first 30).
fn retold(p: &Participation) -> bool {
    p.meta.id.as_str()["demo-p-".len()..]
        .parse::<usize>()
        .unwrap()
        >= super::story::KEPT
}

fn whole(part: u64, of: u64) -> u32 {
    Percent::from_ratio_whole(part, of)
        .map(|p| p.tenths() / 10)
        .unwrap()
}

#[test]
fn every_places_report_counts_the_participations_active_that_day() {
    let ws = workspace();
    let (ps, statuses) = parts(&ws, &Scope::Forbund);
    let mut checked = 0;
    for r in ws.slot_reports.live() {
        let active = active_on(&ps, &statuses, &r.insats, r.date);
        assert_eq!(
            r.enrolled.get(),
            active,
            "{} on {}: enrolled against active participations",
            r.insats,
            r.date
        );
        checked += 1;
    }
    assert_eq!(checked, 10);
}

#[test]
fn the_end_of_august_2018_has_82_enrolled_and_the_printed_open_places() {
    let ws = workspace();
    let aug = day(2018, 8, 31);
    let mut enrolled = 0;
    for (insats, open) in OPEN_AUGUST_2018 {
        let r = ws
            .slot_reports
            .live()
            .find(|r| r.date == aug && r.insats == rid(insats))
            .unwrap_or_else(|| panic!("{insats}"));
        assert_eq!(r.capacity.get() - r.enrolled.get(), open, "{insats}");
        enrolled += r.enrolled.get();
    }
    assert_eq!(enrolled, 82);
    let mia = counts(
        &ws,
        &Scope::Project(rid("demo-mia-os")),
        &Period::range(aug, aug).unwrap(),
    );
    assert_eq!(mia.active, 82, "everyone in MIA that day has a place");
}

#[test]
fn the_computed_figures_are_the_ones_the_newsletters_print() {
    let ws = workspace();
    let y2017 = Period::year(2017).unwrap();
    let h1 = Period::half(2018, 1).unwrap();
    let f = counts(&ws, &Scope::Forbund, &y2017);
    // Nyhetsbrev nr 1 2018.
    assert_eq!(f.active, 927);
    assert_eq!(whole(f.women, f.active), 43);
    assert_eq!(whole(f.active - f.women, f.active), 57);
    assert_eq!(f.work_or_studies, 271);
    assert_eq!(whole(f.work_or_studies, f.ended), 39);
    assert_eq!(f.new, 634);
    let woman = |p: &Participation| p.gender == crate::core::model::Gender::Woman;
    let women = counts_of(&ws, &Scope::Forbund, &y2017, woman);
    assert_eq!(women.work_or_studies, 92);
    for (m, share) in [
        ("demo-nynashamn", 23),
        ("demo-tyreso", 34),
        ("demo-haninge", 43),
    ] {
        let c = counts_of(&ws, &Scope::Forbund, &y2017, |p| {
            p.municipality == Some(rid(m))
        });
        assert_eq!(whole(c.new, f.new), share, "{m}");
    }
    for (r, share) in [
        (Referrer::Municipality, 34),
        (Referrer::EmploymentService, 27),
        (Referrer::SelfReferral, 16),
    ] {
        let c = counts_of(&ws, &Scope::Forbund, &y2017, |p| p.referrer == r);
        assert_eq!(whole(c.new, f.new), share, "{r:?}");
    }
    assert_eq!(f.self_referred, 102);
    // The youth insatser: 65 % in 2017 (nr 1 2018); 64 %, 204 new and the
    // self-referrals in the first half of 2018 (september 2018).
    let youth = Scope::Project(rid("demo-ungdom"));
    let y = counts(&ws, &youth, &y2017);
    assert_eq!(whole(y.work_or_studies, y.ended), 65);
    let y = counts(&ws, &youth, &h1);
    assert_eq!(y.new, 204);
    assert_eq!(whole(y.work_or_studies, y.ended), 64);
    for (m, share) in [
        ("demo-tyreso", 53),
        ("demo-nynashamn", 75),
        ("demo-haninge", 9),
    ] {
        let c = counts_of(&ws, &youth, &h1, |p| p.municipality == Some(rid(m)));
        assert_eq!(whole(c.self_referred, c.new), share, "{m}");
    }
    // "183 personer fick myndighetsgemensam konsultation via Resursråden".
    let councils =
        ["demo-rr-ht", "demo-rr-n"].map(|i| counts(&ws, &Scope::Insats(rid(i)), &y2017).active);
    assert_eq!(councils.iter().sum::<u64>(), 183);
    // MIA Östra Södertörn so far: 15 % to work or studies, 32 % to
    // ordinary measures (september 2018).
    let so_far = Period::range(day(2017, 4, 1), day(2018, 8, 31)).unwrap();
    let mia = counts(&ws, &Scope::Project(rid("demo-mia-os")), &so_far);
    assert_eq!(whole(mia.work_or_studies, mia.ended), 15);
    assert_eq!(whole(mia.ordinary, mia.ended), 32);
}

#[test]
fn the_board_outcomes_of_computable_figures_equal_the_computed_ones() {
    let ws = workspace();
    let outcome = |id: &str| {
        ws.outcomes
            .live()
            .find(|o| o.meta.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id}"))
            .value
    };
    let pct = |n: u32| FigureValue::Percent(Percent::from_whole(n).unwrap());
    let y2017 = Period::year(2017).unwrap();
    let f = counts(&ws, &Scope::Forbund, &y2017);
    for (id, r) in [
        ("demo-o-nya-remittent-fk-2017", Referrer::SocialInsurance),
        ("demo-o-nya-remittent-region-2017", Referrer::Region),
        ("demo-o-nya-remittent-annan-2017", Referrer::Other),
    ] {
        let c = counts_of(&ws, &Scope::Forbund, &y2017, |p| p.referrer == r);
        assert_eq!(outcome(id), pct(whole(c.new, f.new)), "{id}");
    }
    let y2018 = counts(&ws, &Scope::Forbund, &Period::year(2018).unwrap());
    assert_eq!(
        outcome("demo-o-ordinarie-2018"),
        pct(whole(y2018.ordinary, y2018.ended))
    );
    assert_eq!(whole(y2018.ordinary, y2018.ended), 20, "realistic, not 0 %");
    assert_eq!(
        outcome("demo-o-arbete-2017"),
        pct(whole(f.work_or_studies, f.ended))
    );
}

#[test]
fn the_age_bands_lean_to_25_to_44_and_are_not_even() {
    let ws = workspace();
    let ps: Vec<&Participation> = ws.participations.live().collect();
    let share = |band: AgeBand| {
        whole(
            ps.iter().filter(|p| p.age_band == band).count() as u64,
            ps.len() as u64,
        )
    };
    let shares: Vec<u32> = AgeBand::ALL.iter().map(|&b| share(b)).collect();
    assert!(shares.windows(2).any(|w| w[0] != w[1]), "{shares:?}");
    let middle =
        share(AgeBand::From25To29) + share(AgeBand::From30To39) + share(AgeBand::From40To49);
    assert!(middle >= 55, "{shares:?}");
    assert!(share(AgeBand::From60) <= 5, "{shares:?}");
    // The youth insatser hold the young, the others adults.
    for p in ps.iter().filter(|p| retold(p)) {
        let youth =
            ["demo-ut-haninge", "demo-ung-nynas", "demo-ung-tyreso"].contains(&p.insats.as_str());
        assert_eq!(
            youth,
            p.age_band <= AgeBand::From25To29 && youth,
            "{}",
            p.meta.id
        );
        if !youth {
            assert!(p.age_band >= AgeBand::From25To29, "{}", p.meta.id);
        }
    }
}

#[test]
fn nobody_takes_part_in_an_insats_before_it_starts() {
    let ws = workspace();
    for p in ws.participations.live().filter(|p| retold(p)) {
        let insats = ws.insatser.get(&p.insats).unwrap();
        assert!(
            insats.start.is_none_or(|s| s <= p.start),
            "{} starts before {}",
            p.meta.id,
            insats.name
        );
    }
}

fn marked(note: &str) -> bool {
    note.to_lowercase().contains(&INVENTED.to_lowercase())
}

#[test]
fn every_figure_no_newsletter_prints_is_marked_in_its_note() {
    let ws = workspace();
    let seed_referrers = [
        Referrer::Municipality,
        Referrer::EmploymentService,
        Referrer::SelfReferral,
    ];
    for o in ws.outcomes.live() {
        if let Some(Breakdown::Referrer(r)) = &o.breakdown {
            if !seed_referrers.contains(r) {
                assert!(marked(&o.note), "{}", o.meta.id);
            }
        }
    }
    for r in ws.slot_reports.live() {
        assert!(marked(&r.note), "{}", r.meta.id);
    }
}

#[test]
fn the_seed_facts_are_in_the_demo() {
    let ws = workspace();
    let insats = |id: &str| ws.insatser.get(&rid(id)).unwrap();
    assert!(insats("demo-at-bla-vagen").provider.contains("Blå Vägen"));
    assert!(insats("demo-at-stadsmissionen").description.contains("LOV"));
    let value = |id: &str| {
        ws.outcomes
            .live()
            .find(|o| o.meta.id.as_str() == id)
            .unwrap()
    };
    assert_eq!(
        crate::core::fmt_sv::value(value("demo-o-platser").value),
        "160"
    );
    assert_eq!(
        crate::core::fmt_sv::value(value("demo-o-platser-at").value),
        "60"
    );
    assert!(value("demo-o-bemotande")
        .note
        .contains("Nästan 100 procent"));
    assert_eq!(
        crate::core::fmt_sv::value(value("demo-o-pre-ester").value),
        "6"
    );
    let ester = ws
        .targets
        .live()
        .find(|t| t.meta.id.as_str() == "demo-t-ester")
        .unwrap();
    assert_eq!(crate::core::fmt_sv::value(ester.value), "10");
    let kick_off = ws
        .meetings
        .live()
        .find(|m| m.date == day(2017, 3, 31))
        .unwrap();
    assert!(kick_off.note.contains("Cirka 80"));
    assert_eq!(kick_off.attended, None, "not counted among frukostmöten");
    let ordinary = ws.indicators.get(&rid("demo-ind-ordinarie")).unwrap();
    assert_eq!(
        ordinary.denominator,
        "samtliga som avslutade sitt deltagande"
    );
}
