//! The figures Uppföljning Finsam (formerly SUS) asks of every insats and
//! year, as a file laid out so they can be keyed in without arithmetic:
//! orientation, target group, planned and actual participants, budget,
//! spend, forecast and cost per participant.
//!
//! Guarantees: every figure is one the board shows for the insats and the
//! year, by the same rules (`goals::answer`, `goals::forecast_of`, the
//! ratio of `economy::ratio`), so the file and the board never disagree;
//! a count hidden by small-number protection is left empty, as is a
//! figure not reported; a spend reported only so far says until when.

use super::ratio::ratio_answer;
use crate::core::exchange::csv::figures::scope_word;
use crate::core::exchange::csv::{write_table, Cell, CsvFlavour};
use crate::core::goals::{answer, forecast_of, Figures};
use crate::core::ids::RecordId;
use crate::core::model::{
    Denominator, FigureKey, FlowMeasure, Indicator, Insats, Orientation, Ratio, Scope,
};
use crate::core::order;
use crate::core::period::Period;
use crate::core::value::{FigureValue, Unit};
use crate::core::workspace::Workspace;

/// Which indicators give the participants and the cost.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FinsamChoice {
    /// A count indicator: planned participants are its targets.
    pub participants: Option<RecordId>,
    /// An indicator in kronor: the budget is its target, the spend its
    /// outcome.
    pub cost: Option<RecordId>,
}

/// The indicators a förbund most likely counts with in `year`: for
/// participants, one computed as the active participants, else the count
/// indicator with the most targets on insatser that year; for cost, the
/// indicator in kronor (no ratio) with the most targets on insatser.
pub fn default_choice(ws: &Workspace, year: i32) -> FinsamChoice {
    let Ok(period) = Period::year(year) else {
        return FinsamChoice::default();
    };
    let most_targeted = |fits: &dyn Fn(&Indicator) -> bool| {
        let mut best: Option<(usize, &Indicator)> = None;
        for i in ws.indicators_by_name().into_iter().filter(|i| fits(i)) {
            let n = ws
                .targets
                .live()
                .filter(|t| {
                    t.indicator == i.meta.id
                        && matches!(t.scope, Scope::Insats(_))
                        && t.period.overlaps(&period)
                })
                .count();
            if n > 0 && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, i));
            }
        }
        best.map(|(_, i)| i.meta.id.clone())
    };
    let active = ws
        .indicators_by_name()
        .into_iter()
        .find(|i| i.computed == Some(FlowMeasure::Active))
        .map(|i| i.meta.id.clone());
    FinsamChoice {
        participants: active
            .or_else(|| most_targeted(&|i| i.unit == Unit::Count && !i.is_computed())),
        cost: most_targeted(&|i| i.unit == Unit::Kronor && i.ratio.is_none()),
    }
}

/// The year a Finsam file is asked for, as typed: a whole year the app
/// can hold a period of (`Period::year`), else `None`.
pub fn finsam_year(text: &str) -> Option<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| Period::year(*y).is_ok())
}

/// The file's columns.
pub const HEADER: [&str; 14] = [
    "År",
    "Insats",
    "Projekt",
    "Inriktning",
    "Målgrupp",
    "Kommuner",
    "Utförare",
    "Planerade deltagare",
    "Deltagare",
    "Budget (kr)",
    "Kostnad utfall (kr)",
    "Utfall till och med",
    "Prognos (kr)",
    "Kostnad per deltagare (kr)",
];

/// Whether an insats is active at some time during `period`.
fn active_in(i: &Insats, period: &Period) -> bool {
    i.start.is_none_or(|s| s <= period.end()) && i.end.is_none_or(|e| e >= period.start())
}

/// One row per live insats active during `year` (by name), as a file.
pub fn finsam_csv(ws: &Workspace, year: i32, choice: &FinsamChoice, flavour: CsvFlavour) -> String {
    let rows = Period::year(year)
        .map(|period| rows(ws, year, &period, choice))
        .unwrap_or_default();
    write_table(flavour, &HEADER, &rows)
}

fn rows(ws: &Workspace, year: i32, period: &Period, choice: &FinsamChoice) -> Vec<Vec<Cell>> {
    let mut insatser: Vec<&Insats> = ws
        .insatser
        .live()
        .filter(|i| active_in(i, period))
        .collect();
    order::sort_by_key(&mut insatser, |i| order::sort_key(&i.name));
    let figures = Figures::empty(ws);
    insatser
        .into_iter()
        .map(|insats| {
            let key = |indicator: &RecordId| FigureKey {
                indicator: indicator.clone(),
                scope: Scope::Insats(insats.meta.id.clone()),
                period: *period,
                breakdown: None,
            };
            let target = |id: &Option<RecordId>| {
                id.as_ref().and_then(|id| {
                    let k = key(id);
                    ws.targets.live().find(|t| t.key() == k).map(|t| t.value)
                })
            };
            let participants = choice
                .participants
                .as_ref()
                .and_then(|id| answer(ws, &key(id)));
            let spend = choice.cost.as_ref().and_then(|id| answer(ws, &key(id)));
            let forecast = choice
                .cost
                .as_ref()
                .and_then(|id| forecast_of(ws, &key(id)))
                .map(|f| f.value);
            let per_participant = choice.cost.as_ref().and_then(|cost| {
                let participants = choice.participants.as_ref()?;
                let counted = ws.indicators.get(participants)?;
                let denominator = if counted.computed == Some(FlowMeasure::Active) {
                    Denominator::Participants
                } else {
                    Denominator::Indicator(participants.clone())
                };
                let mut ratio = ws.indicators.get(cost)?.clone();
                ratio.ratio = Some(Ratio {
                    numerator: cost.clone(),
                    denominator,
                });
                ratio_answer(&figures, &ratio, &key(cost)).map(|a| a.outcome.value)
            });
            let municipalities: Vec<&str> = insats
                .municipalities
                .iter()
                .filter_map(|m| ws.municipalities.get_any(m).map(|m| m.name.as_str()))
                .collect();
            vec![
                Cell::Count(u64::try_from(year).unwrap_or(0)),
                Cell::from(insats.name.as_str()),
                insats.project.as_ref().map_or(Cell::Empty, |p| {
                    Cell::Text(scope_word(ws, &Scope::Project(p.clone())))
                }),
                Cell::from(match insats.orientation {
                    Some(Orientation::Individual) => "Individinriktad",
                    Some(Orientation::Structural) => "Strukturinriktad",
                    None => "",
                }),
                Cell::from(insats.target_group.as_str()),
                Cell::Text(municipalities.join(", ")),
                Cell::from(insats.provider.as_str()),
                amount(target(&choice.participants)),
                amount(participants.as_ref().map(|a| a.outcome.value)),
                amount(target(&choice.cost)),
                amount(spend.as_ref().map(|a| a.outcome.value)),
                spend.as_ref().map_or(Cell::Empty, |a| {
                    Cell::Text(a.outcome.period.end().to_string())
                }),
                amount(forecast),
                amount(per_participant),
            ]
        })
        .collect()
}

/// A count or an amount as a whole number; anything else (or nothing) empty.
fn amount(v: Option<FigureValue>) -> Cell {
    match v {
        Some(FigureValue::Count(c)) => Cell::Count(c.get()),
        Some(FigureValue::Kronor(k)) => Cell::Count(k.get()),
        _ => Cell::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::model::{Forecast, Meta, Outcome, OutcomeSource, Record, Target};
    use crate::core::testing::{meta, percent_indicator};
    use crate::core::value::{Count, Kronor};

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn key(indicator: &str, period: Period) -> FigureKey {
        FigureKey {
            indicator: id(indicator),
            scope: Scope::Insats(id("demo-cm")),
            period,
            breakdown: None,
        }
    }

    fn kr(n: u64) -> FigureValue {
        FigureValue::Kronor(Kronor::new(n).unwrap())
    }

    /// The demo with Case Management's budget, spend until the delår and
    /// forecast for 2018, and a target of participants counted from its
    /// participations (40 active January–August).
    fn setup() -> Workspace {
        let mut ws = demo::workspace();
        let mut cost = percent_indicator("cost", "Kostnad", &[]);
        cost.unit = Unit::Kronor;
        let mut active = percent_indicator("active", "Aktiva deltagare", &[]);
        active.unit = Unit::Count;
        active.computed = Some(FlowMeasure::Active);
        ws.put(Record::Indicator(cost));
        ws.put(Record::Indicator(active));
        let y2018 = Period::year(2018).unwrap();
        let m = |s: &str| -> Meta { meta(s) };
        ws.put(Record::Target(Target::from_key(
            m("b"),
            key("cost", y2018),
            kr(1_200_000),
            String::new(),
        )));
        ws.put(Record::Target(Target::from_key(
            m("p"),
            key("active", y2018),
            FigureValue::Count(Count::new(45).unwrap()),
            String::new(),
        )));
        ws.put(Record::Outcome(Outcome::from_key(
            m("s"),
            key("cost", Period::tertial(2018, 2).unwrap()),
            kr(700_000),
            None,
            OutcomeSource::Manual,
            String::new(),
        )));
        ws.put(Record::Forecast(Forecast::from_key(
            m("f"),
            key("cost", y2018),
            kr(1_150_000),
            None,
            String::new(),
        )));
        let mut cm = ws.insatser.get(&id("demo-cm")).unwrap().clone();
        cm.orientation = Some(Orientation::Individual);
        cm.target_group = "16–64 år".into();
        cm.meta.stamp.hlc = cm.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Insats(cm));
        ws
    }

    #[test]
    fn the_defaults_are_the_active_count_and_the_budgeted_kronor() {
        let ws = setup();
        assert_eq!(
            default_choice(&ws, 2018),
            FinsamChoice {
                participants: Some(id("active")),
                cost: Some(id("cost")),
            }
        );
        assert_eq!(default_choice(&ws, 1066).cost, None);
        assert_eq!(finsam_year(" 2018 "), Some(2018));
        assert_eq!(finsam_year("tjugo"), None);
        assert_eq!(finsam_year("1066"), None);
    }

    #[test]
    fn a_row_per_insats_carries_what_finsam_asks_without_arithmetic() {
        let ws = setup();
        let text = finsam_csv(&ws, 2018, &default_choice(&ws, 2018), CsvFlavour::Plain);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(HEADER.join(",").as_str()));
        let cm = lines
            .find(|l| l.contains(",Case Management,"))
            .expect("Case Management's row");
        // Planned 45, 40 counted, budget, spend until the delår, forecast,
        // and 700 000 / 40 = 17 500 kr per participant.
        assert!(cm.contains(",Individinriktad,16–64 år,"), "{cm}");
        assert!(
            cm.ends_with(",45,40,1200000,700000,2018-08-31,1150000,17500"),
            "{cm}"
        );
        // Every insats active in 2018, one row each.
        let active = ws
            .insatser
            .live()
            .filter(|i| active_in(i, &Period::year(2018).unwrap()))
            .count();
        assert_eq!(text.lines().count(), active + 1);
    }
}
