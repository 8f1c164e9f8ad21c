//! Frukostmöten as lists, a month calendar and attendance figures: what the
//! meetings pages and the attendance indicator show.
//!
//! Guarantees: upcoming and past never overlap (a meeting today is
//! upcoming until the day is over); the calendar has every day of the month
//! once, Monday first; who came to a meeting is the higher of its typed
//! count and its live arrival records (one per guest checked in, so laptops
//! counting at two doors add up when merged; a meeting this workspace has
//! no arrival for counts the door count a public snapshot brought, since a
//! public file carries no arrival); attendance is the sum of that
//! over the live meetings in a period, the same figure for the meetings
//! page, the board and the newsletter.

pub mod places;

use crate::core::chart::{BulletChart, BulletRow, Measure, Scale};
use crate::core::chart_specs::ChartWords;
use crate::core::ids::{DeviceId, RecordId};
use crate::core::model::{
    Arrival, Breakdown, FigureKey, FlowMeasure, GuestOrg, Meeting, Meta, Scope,
};
use crate::core::order;
use crate::core::period::Period;
use crate::core::value::{Count, FigureValue};
use crate::core::workspace::Workspace;
use chrono::{Datelike, NaiveDate};

/// The live guests checked in at a meeting.
pub fn arrivals_of<'a>(
    ws: &'a Workspace,
    meeting: &'a RecordId,
) -> impl Iterator<Item = &'a Arrival> {
    ws.arrivals.live().filter(move |a| &a.meeting == meeting)
}

/// The guests checked in at a meeting's door, per kind of organisation in
/// [`GuestOrg::ALL`] order: counted from its arrival records when this
/// workspace holds any for it (live or undone), else from the door count
/// a public snapshot brought (a public file carries no arrival); `None`
/// when it has neither.
fn door(ws: &Workspace, meeting: &RecordId) -> Option<[u64; GuestOrg::ALL.len()]> {
    let mut counts = [0u64; GuestOrg::ALL.len()];
    let slot = |org: GuestOrg| GuestOrg::ALL.iter().position(|g| *g == org);
    let mut held = false;
    for a in ws.arrivals.all().filter(|a| &a.meeting == meeting) {
        held = true;
        if let Some(n) = slot(a.org).and_then(|i| counts.get_mut(i)) {
            *n += u64::from(a.meta.is_live());
        }
    }
    if held {
        return Some(counts);
    }
    let published = ws
        .door_counts
        .get(&crate::core::model::published::door_count_id(meeting))
        .filter(|d| &d.meeting == meeting)?;
    for (org, n) in &published.guests {
        if let Some(c) = slot(*org).and_then(|i| counts.get_mut(i)) {
            *c = n.get();
        }
    }
    Some(counts)
}

/// Who came to a meeting: the higher of the count typed on the meeting and
/// the guests checked in at its door (a typed count corrects the door's
/// upwards, for guests who came in unseen); `None` when neither says.
pub fn attended(ws: &Workspace, m: &Meeting) -> Option<u64> {
    let door =
        door(ws, &m.meta.id).map_or(0, |c| c.iter().fold(0u64, |sum, n| sum.saturating_add(*n)));
    match (m.attended, door) {
        (None, 0) => None,
        (typed, door) => Some(typed.map_or(0, Count::get).max(door)),
    }
}

/// A new guest at `meeting`, from an organisation of kind `org`, as a
/// record with `meta` (a fresh id, stamped when stored).
pub fn check_in(meeting: &RecordId, org: GuestOrg, meta: Meta) -> Arrival {
    Arrival {
        meta,
        meeting: meeting.clone(),
        org,
    }
}

/// What undoing the last check-in at `meeting` on `device` deletes: the
/// newest live arrival that device wrote there, as a tombstone; `None` when
/// it checked no one in (another laptop's guests are not its to undo).
pub fn undo_check_in(ws: &Workspace, meeting: &RecordId, device: &DeviceId) -> Option<Arrival> {
    let mut last = arrivals_of(ws, meeting)
        .filter(|a| &a.meta.stamp.device == device)
        .max_by(|a, b| a.meta.stamp.cmp(&b.meta.stamp))?
        .clone();
    last.meta.deleted = true;
    Some(last)
}

/// How many guests checked in at a meeting came from each kind of
/// organisation, in [`GuestOrg::ALL`] order, kinds nobody came from left
/// out (from a published door count where the workspace has no arrival
/// for the meeting, as [`attended`]).
pub fn arrivals_by_org(ws: &Workspace, meeting: &RecordId) -> Vec<(GuestOrg, u64)> {
    let counts = door(ws, meeting).unwrap_or_default();
    GuestOrg::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(g, n)| (*g, n))
        .collect()
}

/// Which meetings a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// Today and later, soonest first.
    #[default]
    Upcoming,
    /// Before today, latest first.
    Past,
}

/// The live meetings `when` seen from `today`, in one municipality when
/// given.
pub fn meeting_list<'a>(
    ws: &'a Workspace,
    today: NaiveDate,
    when: When,
    municipality: Option<&RecordId>,
) -> Vec<&'a Meeting> {
    let mut v: Vec<&Meeting> = ws
        .meetings
        .live()
        .filter(|m| municipality.is_none_or(|id| m.municipality.as_ref() == Some(id)))
        .filter(|m| match when {
            When::Upcoming => m.date >= today,
            When::Past => m.date < today,
        })
        .collect();
    order::sort_by(&mut v, |a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.start.cmp(&b.start))
            .then_with(|| a.meta.id.cmp(&b.meta.id))
    });
    if when == When::Past {
        v.reverse();
    }
    v
}

/// The meetings held on `day`, earliest first: what the check-in screen
/// offers.
pub fn meetings_on(ws: &Workspace, day: NaiveDate) -> Vec<&Meeting> {
    let mut v: Vec<&Meeting> = ws.meetings.live().filter(|m| m.date == day).collect();
    order::sort_by(&mut v, |a, b| a.start.cmp(&b.start));
    v
}

/// The month `step` months after `(year, month)` (before, for a negative
/// step).
pub fn shift_month(year: i32, month: u32, step: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + step;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// One day in the month calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// Meetings that day: id and theme.
    pub meetings: Vec<(RecordId, String)>,
}

/// One week row of the calendar: ISO week number and seven cells, Monday
/// first; days of other months are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarWeek {
    /// ISO week number (vecka).
    pub number: u32,
    /// Monday to Sunday.
    pub days: [Option<CalendarDay>; 7],
}

/// The weeks of `year`-`month` with the live meetings in them (in one
/// municipality when given); empty for a month that does not exist.
pub fn month_calendar(
    ws: &Workspace,
    year: i32,
    month: u32,
    municipality: Option<&RecordId>,
) -> Vec<CalendarWeek> {
    let Ok(period) = Period::month(year, month) else {
        return Vec::new();
    };
    let mut weeks: Vec<CalendarWeek> = Vec::new();
    for date in period
        .start()
        .iter_days()
        .take_while(|d| *d <= period.end())
    {
        let weekday = date.weekday().num_days_from_monday() as usize;
        if weeks.is_empty() || weekday == 0 {
            weeks.push(CalendarWeek {
                number: date.iso_week().week(),
                days: Default::default(),
            });
        }
        let meetings = meeting_list(ws, date, When::Upcoming, municipality)
            .into_iter()
            .take_while(|m| m.date == date)
            .map(|m| (m.meta.id.clone(), m.theme.clone()))
            .collect();
        if let Some(cell) = weeks.last_mut().and_then(|w| w.days.get_mut(weekday)) {
            *cell = Some(CalendarDay { date, meetings });
        }
    }
    weeks
}

/// Who came to the live meetings of `key`'s period: for the whole förbund,
/// or for a municipality slice the meetings held there. `None` when no
/// meeting there has an attendance figure (no outcome yet), and for other
/// scopes and slices: meetings belong to the förbund.
pub fn attendance(ws: &Workspace, key: &FigureKey) -> Option<u64> {
    if key.scope != Scope::Forbund {
        return None;
    }
    let municipality = match &key.breakdown {
        None => None,
        Some(Breakdown::Municipality(m)) => Some(m),
        Some(_) => return None,
    };
    let counted: Vec<u64> = ws
        .meetings
        .live()
        .filter(|m| key.period.contains_date(m.date))
        .filter(|m| municipality.is_none_or(|id| m.municipality.as_ref() == Some(id)))
        .filter_map(|m| attended(ws, m))
        .collect();
    (!counted.is_empty()).then(|| counted.iter().sum())
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearAttendance {
    pub year: i32,
    /// Meetings held.
    pub meetings: usize,
    /// Who came, summed over the meetings with a figure.
    pub attended: u64,
    /// The förbund's target for the year, if an attendance indicator has one.
    pub target: Option<FigureValue>,
}

/// The indicators computed from meetings, by name.
pub fn attendance_indicators(ws: &Workspace) -> Vec<&crate::core::model::Indicator> {
    ws.indicators_by_name()
        .into_iter()
        .filter(|i| i.computed == Some(FlowMeasure::MeetingAttendance))
        .collect()
}

/// Attendance per year, earliest first, for every year with a meeting (in
/// one municipality when given), against the yearly target of the first
/// attendance indicator that has one.
pub fn attendance_by_year(ws: &Workspace, municipality: Option<&RecordId>) -> Vec<YearAttendance> {
    let mut years: Vec<i32> = ws
        .meetings
        .live()
        .filter(|m| municipality.is_none_or(|id| m.municipality.as_ref() == Some(id)))
        .map(|m| m.date.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    let indicators = attendance_indicators(ws);
    let breakdown = municipality.map(|m| Breakdown::Municipality(m.clone()));
    years
        .into_iter()
        .filter_map(|year| {
            let period = Period::year(year).ok()?;
            let in_year: Vec<&Meeting> = ws
                .meetings
                .live()
                .filter(|m| m.date.year() == year)
                .filter(|m| municipality.is_none_or(|id| m.municipality.as_ref() == Some(id)))
                .collect();
            let target = indicators.iter().find_map(|ind| {
                ws.targets
                    .live()
                    .find(|t| {
                        t.indicator == ind.meta.id
                            && t.scope == Scope::Forbund
                            && t.period == period
                            && t.breakdown == breakdown
                    })
                    .map(|t| t.value)
            });
            Some(YearAttendance {
                year,
                meetings: in_year.len(),
                attended: in_year.iter().filter_map(|m| attended(ws, m)).sum(),
                target,
            })
        })
        .collect()
}

/// A bullet chart of attendance per year, each year against its target
/// where one is set; `words.outcome` names what is counted ("Besökare").
pub fn attendance_chart(rows: &[YearAttendance], title: String, words: &ChartWords) -> BulletChart {
    let mut sentences = Vec::new();
    let chart_rows = rows
        .iter()
        .map(|r| {
            let label = r.year.to_string();
            let outcome = words.numbers.integer(r.attended);
            let target = r.target.map(|v| words.numbers.value(v));
            sentences.push((words.describe)(
                &label,
                &outcome,
                target.as_deref().unwrap_or("–"),
                None,
            ));
            BulletRow {
                label,
                target: r.target.map(|v| Measure {
                    value: v.as_f64(),
                    text: words.numbers.value(v),
                }),
                outcome: Some(Measure {
                    value: r.attended as f64,
                    text: outcome,
                }),
                status: None,
                forecast: None,
            }
        })
        .collect();
    BulletChart {
        text: words.text(
            "chart-attendance".into(),
            title,
            sentences.join(" "),
            &words.period,
        ),
        scale: Scale::Count,
        rows: chart_rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::{bullet_chart_svg, bullet_table};
    use crate::core::demo;
    use crate::core::model::{GuestOrg, Record};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn words() -> ChartWords {
        ChartWords {
            target: "Mål".into(),
            outcome: "Besökare".into(),
            status: "Status".into(),
            empty: "Inga värden".into(),
            indicator: "Indikator".into(),
            period: "År".into(),
            statuses: [
                "Uppnått".into(),
                "Nära".into(),
                "Efter".into(),
                "Ännu inte känt".into(),
            ],
            describe: |l, o, t, _| format!("{l}: {o} besökare, mål {t}."),
            forecast: "Prognos".into(),
            numbers: crate::core::locale::Locale::Sv,
        }
    }

    #[test]
    fn the_autumn_2018_meetings_are_upcoming_in_september_and_filter_by_municipality() {
        let ws = demo::workspace();
        let today = day(2018, 9, 14);
        let upcoming = meeting_list(&ws, today, When::Upcoming, None);
        let dates: Vec<String> = upcoming
            .iter()
            .map(|m| crate::core::fmt_sv::date(m.date))
            .collect();
        assert_eq!(
            dates,
            [
                "21\u{a0}sep\u{a0}2018",
                "28\u{a0}sep\u{a0}2018",
                "12\u{a0}okt\u{a0}2018",
                "26\u{a0}okt\u{a0}2018",
                "23\u{a0}nov\u{a0}2018"
            ]
        );
        let haninge = meeting_list(&ws, today, When::Upcoming, Some(&rid("demo-haninge")));
        assert_eq!(haninge.len(), 3);
        assert!(haninge[0]
            .theme
            .starts_with("Inspirationsföreläsning om integration"));
        let past = meeting_list(&ws, today, When::Past, None);
        assert!(past.windows(2).all(|w| w[0].date >= w[1].date));
        assert!(past.iter().all(|m| m.date < today));
        // A meeting today is still upcoming.
        assert_eq!(
            meeting_list(&ws, day(2018, 9, 21), When::Upcoming, None)[0].date,
            day(2018, 9, 21)
        );
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(shift_month(2018, 12, 1), (2019, 1));
        assert_eq!(shift_month(2018, 1, -1), (2017, 12));
        assert_eq!(shift_month(2018, 9, 13), (2019, 10));
    }

    #[test]
    fn the_september_2018_calendar_has_every_day_once_monday_first() {
        let ws = demo::workspace();
        let weeks = month_calendar(&ws, 2018, 9, None);
        let days: Vec<u32> = weeks
            .iter()
            .flat_map(|w| w.days.iter().flatten().map(|d| d.date.day()))
            .collect();
        assert_eq!(days, (1..=30).collect::<Vec<_>>());
        // 1 September 2018 was a Saturday, in week 35.
        assert_eq!(weeks[0].number, 35);
        assert!(weeks[0].days[5].is_some() && weeks[0].days[4].is_none());
        let with_meeting: Vec<u32> = weeks
            .iter()
            .flat_map(|w| w.days.iter().flatten())
            .filter(|d| !d.meetings.is_empty())
            .map(|d| d.date.day())
            .collect();
        assert_eq!(with_meeting, [21, 28]);
        assert!(month_calendar(&ws, 2018, 13, None).is_empty());
    }

    #[test]
    fn attendance_per_year_is_500_in_2016_and_700_in_2017() {
        let ws = demo::workspace();
        let years = attendance_by_year(&ws, None);
        let figures: Vec<(i32, u64)> = years.iter().map(|y| (y.year, y.attended)).collect();
        assert!(figures.contains(&(2016, 500)), "{figures:?}");
        assert!(figures.contains(&(2017, 700)), "{figures:?}");
        let chart = attendance_chart(&years, "Besökare per år".into(), &words());
        let svg = bullet_chart_svg(&chart);
        assert!(svg.contains("500") && svg.contains("700"));
        let table = bullet_table(&chart);
        assert!(table
            .rows
            .iter()
            .any(|r| r.first().map(String::as_str) == Some("2017")));
    }

    #[test]
    fn attendance_counts_the_forbund_and_municipality_slices_only() {
        let ws = demo::workspace();
        let ind = attendance_indicators(&ws)[0].clone();
        let key = |scope: Scope, breakdown: Option<Breakdown>| FigureKey {
            indicator: ind.meta.id.clone(),
            scope,
            period: Period::year(2017).unwrap(),
            breakdown,
        };
        assert_eq!(attendance(&ws, &key(Scope::Forbund, None)), Some(700));
        let n = attendance(
            &ws,
            &key(
                Scope::Forbund,
                Some(Breakdown::Municipality(rid("demo-nynashamn"))),
            ),
        )
        .unwrap();
        assert!(n > 0 && n < 700);
        assert_eq!(
            attendance(&ws, &key(Scope::Project(rid("demo-mia")), None)),
            None
        );
        let mut later = key(Scope::Forbund, None);
        later.period = Period::year(2030).unwrap();
        assert_eq!(attendance(&ws, &later), None, "no meeting, no outcome");
    }

    #[test]
    fn the_attendance_indicator_answers_its_target_on_the_board() {
        use crate::core::goals::{goal_rows, Focus};
        use crate::core::ids::{DeviceId, Hlc};
        use crate::core::model::{Meta, Target};
        let mut ws = demo::workspace();
        let ind = attendance_indicators(&ws)[0].clone();
        ws.put(Record::Target(Target {
            meta: Meta::new(
                rid("t-att-2017"),
                Hlc {
                    millis: 2_000_000_000_000,
                    counter: 0,
                },
                DeviceId::parse("d").unwrap(),
            ),
            indicator: ind.meta.id.clone(),
            scope: Scope::Forbund,
            period: Period::year(2017).unwrap(),
            breakdown: None,
            value: FigureValue::Count(Count::saturating(650)),
            note: String::new(),
        }));
        let rows = goal_rows(&ws, &Period::year(2017).unwrap(), &Focus::All);
        let row = rows
            .iter()
            .find(|r| r.indicator.meta.id == ind.meta.id)
            .unwrap();
        assert_eq!(
            row.outcome.as_ref().map(|o| o.value),
            Some(FigureValue::Count(Count::saturating(700)))
        );
        assert_eq!(row.status, Some(crate::core::goals::GoalStatus::Met));
        let years = attendance_by_year(&ws, None);
        let y2017 = years.iter().find(|y| y.year == 2017).unwrap();
        assert_eq!(
            y2017.target,
            Some(FigureValue::Count(Count::saturating(650)))
        );
    }

    #[test]
    fn checking_in_five_and_undoing_one_leaves_four_in_the_year() {
        use crate::core::ids::Hlc;
        let mut ws = demo::workspace();
        let m = ws
            .meetings
            .live()
            .find(|m| m.date == day(2018, 9, 21))
            .unwrap()
            .clone();
        let before = attendance_by_year(&ws, None)
            .into_iter()
            .find(|y| y.year == 2018)
            .unwrap();
        let door = DeviceId::parse("door").unwrap();
        let orgs = [
            GuestOrg::Municipality,
            GuestOrg::Region,
            GuestOrg::Other,
            GuestOrg::Unspecified,
            GuestOrg::Municipality,
        ];
        for (i, g) in orgs.into_iter().enumerate() {
            let meta = Meta::new(
                rid(&format!("a{i}")),
                Hlc {
                    millis: 2_000_000_000_000 + i as u64,
                    counter: 0,
                },
                door.clone(),
            );
            ws.put(Record::Arrival(check_in(&m.meta.id, g, meta)));
        }
        assert_eq!(attended(&ws, &m), Some(5));
        let undone = undo_check_in(&ws, &m.meta.id, &door).unwrap();
        assert_eq!(undone.meta.id.as_str(), "a4");
        ws.put(Record::Arrival(undone));
        assert_eq!(attended(&ws, &m), Some(4));
        assert_eq!(
            arrivals_by_org(&ws, &m.meta.id),
            [
                (GuestOrg::Municipality, 1),
                (GuestOrg::Region, 1),
                (GuestOrg::Other, 1),
                (GuestOrg::Unspecified, 1)
            ]
        );
        let after = attendance_by_year(&ws, None)
            .into_iter()
            .find(|y| y.year == 2018)
            .unwrap();
        assert_eq!(after.attended, before.attended + 4);
        // Another laptop's guests are not this one's to undo.
        assert!(undo_check_in(&ws, &m.meta.id, &DeviceId::parse("other").unwrap()).is_none());
        // A typed count corrects the door's upwards, never down.
        let mut typed = m.clone();
        typed.attended = Count::new(50);
        assert_eq!(attended(&ws, &typed), Some(50));
        typed.attended = Count::new(2);
        assert_eq!(attended(&ws, &typed), Some(4));
    }

    #[test]
    fn deleting_a_meeting_takes_its_arrivals_along() {
        use crate::core::ids::Hlc;
        let mut ws = demo::workspace();
        let m = ws
            .meetings
            .live()
            .find(|m| m.date == day(2018, 9, 28))
            .unwrap()
            .clone();
        let meta = Meta::new(
            rid("a1"),
            Hlc {
                millis: 2_000_000_000_000,
                counter: 0,
            },
            DeviceId::parse("door").unwrap(),
        );
        ws.put(Record::Arrival(check_in(
            &m.meta.id,
            GuestOrg::Region,
            meta,
        )));
        let plan = crate::core::delete::plan_delete(&ws, &m.meta.id).unwrap();
        assert_eq!(plan.writes.len(), 2);
        assert!(plan.writes.iter().all(|r| r.meta().deleted));
    }

    #[test]
    fn two_laptops_checking_in_at_one_meeting_merge_into_the_sum() {
        use crate::core::ids::Hlc;
        let base = demo::workspace();
        let m = base
            .meetings
            .live()
            .find(|m| m.date == day(2018, 9, 28))
            .unwrap()
            .clone();
        let guests = |device: &str, n: u64| -> Vec<Record> {
            (0..n)
                .map(|i| {
                    let meta = Meta::new(
                        rid(&format!("{device}-{i}")),
                        Hlc {
                            millis: 2_000_000_000_000 + i,
                            counter: 0,
                        },
                        DeviceId::parse(device).unwrap(),
                    );
                    Record::Arrival(check_in(&m.meta.id, GuestOrg::Unspecified, meta))
                })
                .collect()
        };
        let (a, b) = (guests("door-a", 30), guests("door-b", 20));
        let mut one = base.clone();
        let mut other = base.clone();
        for r in a.iter().chain(&b) {
            one.put(r.clone());
        }
        for r in b.iter().chain(&a) {
            other.put(r.clone());
        }
        assert!(one == other);
        assert_eq!(attended(&one, &m), Some(50));
    }
}
