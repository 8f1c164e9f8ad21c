//! From goals and outcomes to chart descriptions: which rows, which points,
//! which numbers, in which words.
//!
//! Guarantees: every chart prints the same figures as the tables beside it,
//! written in the caller's [`Locale`] (both come from it); the words ("Mål",
//! "Utfall", status names) come from the caller, so the charts speak the UI's
//! language; chart ids are derived from record ids and stay unique on a page.

use crate::core::chart::{
    BulletChart, BulletRow, ChartText, LineChart, LinePoint, Measure, Scale, StatusLevel,
    StatusMark,
};
use crate::core::goals::{GoalRow, GoalStatus, OutcomeGroup, SeriesPoint};
use crate::core::locale::Locale;
use crate::core::model::Breakdown;
use crate::core::value::{FigureValue, Unit};
use crate::core::workspace::Workspace;

/// The words a chart needs, in the UI's language.
#[derive(Debug, Clone)]
pub struct ChartWords {
    /// "Mål".
    pub target: String,
    /// "Utfall".
    pub outcome: String,
    pub status: String,
    /// "Inga värden".
    pub empty: String,
    /// "Indikator".
    pub indicator: String,
    pub period: String,
    /// Names of Met, Near, Behind, Unknown.
    pub statuses: [String; 4],
    /// Builds a description sentence from label, outcome, target and, for
    /// a row that has one, its status.
    pub describe: fn(&str, &str, &str, Option<&str>) -> String,
    /// "Prognos".
    pub forecast: String,
    /// How figures, dates and ticks are written.
    pub numbers: Locale,
}

impl ChartWords {
    fn status_name(&self, s: GoalStatus) -> String {
        self.statuses.get(s as usize).cloned().unwrap_or_default()
    }

    /// The text parts of a chart with these words.
    pub fn text(
        &self,
        id: String,
        title: String,
        description: String,
        category: &str,
    ) -> ChartText {
        ChartText {
            id,
            title,
            description,
            target_label: self.target.clone(),
            outcome_label: self.outcome.clone(),
            category_label: category.to_owned(),
            status_label: self.status.clone(),
            empty_label: self.empty.clone(),
            forecast_label: self.forecast.clone(),
            numbers: self.numbers,
        }
    }
}

impl ChartWords {
    /// A value drawn on a chart with its text in these words' locale.
    fn measure(&self, v: FigureValue) -> Measure {
        Measure {
            value: v.as_f64(),
            text: self.numbers.value(v),
        }
    }
}

fn scale(unit: Unit) -> Scale {
    match unit {
        Unit::Count => Scale::Count,
        // A yes/no goal has no bar ([`board_chart`] leaves it out); its
        // answer is drawn as a mark on a 0–1 scale if ever asked.
        Unit::Percent | Unit::YesNo => Scale::Percent,
        Unit::Kronor => Scale::Kronor,
    }
}

fn level(s: GoalStatus) -> StatusLevel {
    match s {
        GoalStatus::Met => StatusLevel::Met,
        GoalStatus::Near => StatusLevel::Near,
        GoalStatus::Behind => StatusLevel::Behind,
        GoalStatus::Unknown => StatusLevel::Unknown,
    }
}

/// The label of a board row: the indicator, and the project or insats when
/// the target is not for the whole förbund.
pub fn row_label(ws: &Workspace, row: &GoalRow) -> String {
    match row.target.scope {
        super::model::Scope::Forbund => row.indicator.name.clone(),
        ref scope => format!(
            "{} · {}",
            row.indicator.name,
            ws.scope_name(scope).unwrap_or("?")
        ),
    }
}

/// The board's charts, and which rows each draws: amounts of money and
/// costs per result are both kronor, but a cost of 17 500 kr per
/// participant would be an invisible bar beside a budget of 100 mkr, so
/// each has its own chart and axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardChart {
    /// Counts against their targets.
    Counts,
    /// Shares against their targets.
    Shares,
    /// Spend against budget (kronor indicators that are not ratios).
    Kronor,
    /// Costs per result (ratio indicators in kronor).
    CostPerResult,
}

impl BoardChart {
    /// Every board chart, in the order the board shows them.
    pub const ALL: [BoardChart; 4] = [
        BoardChart::Counts,
        BoardChart::Shares,
        BoardChart::Kronor,
        BoardChart::CostPerResult,
    ];

    /// Whether this chart draws `row` (yes/no goals are drawn by none).
    pub fn holds(self, row: &GoalRow) -> bool {
        let i = &row.indicator;
        match self {
            BoardChart::Counts => i.unit == Unit::Count,
            BoardChart::Shares => i.unit == Unit::Percent,
            BoardChart::Kronor => i.unit == Unit::Kronor && i.ratio.is_none(),
            BoardChart::CostPerResult => i.unit == Unit::Kronor && i.ratio.is_some(),
        }
    }

    /// The unit of the values this chart draws.
    pub fn unit(self) -> Unit {
        match self {
            BoardChart::Counts => Unit::Count,
            BoardChart::Shares => Unit::Percent,
            BoardChart::Kronor | BoardChart::CostPerResult => Unit::Kronor,
        }
    }
}

/// One bullet chart for the board's rows of one unit (counts or shares),
/// each row its outcome against its target (or pro-rata target).
pub fn board_chart(
    ws: &Workspace,
    rows: &[GoalRow],
    unit: Unit,
    title: String,
    id: &str,
    words: &ChartWords,
) -> BulletChart {
    bullet_of(
        ws,
        rows,
        |r| r.indicator.unit == unit,
        unit,
        (title, id),
        words,
    )
}

/// One of the board's charts ([`BoardChart`]) of `rows`.
pub fn board_chart_of(
    ws: &Workspace,
    rows: &[GoalRow],
    chart: BoardChart,
    title: String,
    id: &str,
    words: &ChartWords,
) -> BulletChart {
    bullet_of(
        ws,
        rows,
        |r| chart.holds(r),
        chart.unit(),
        (title, id),
        words,
    )
}

fn bullet_of(
    ws: &Workspace,
    rows: &[GoalRow],
    holds: impl Fn(&GoalRow) -> bool,
    unit: Unit,
    (title, id): (String, &str),
    words: &ChartWords,
) -> BulletChart {
    // A yes/no goal has no bar to draw: its answer and status stand in the
    // goal table as words and a mark.
    let chosen: Vec<&GoalRow> = rows
        .iter()
        .filter(|r| holds(r) && r.indicator.unit != Unit::YesNo && r.target.breakdown.is_none())
        .collect();
    let mut sentences = Vec::new();
    let chart_rows = chosen
        .iter()
        .map(|r| {
            let label = row_label(ws, r);
            let target = r.compared_to();
            let target_text = match r.expected {
                Some(e) => format!("{} pro rata", words.numbers.value(e)),
                None => words.numbers.value(target),
            };
            let status = r.status.map(|s| StatusMark {
                level: level(s),
                text: words.status_name(s),
            });
            sentences.push((words.describe)(
                &label,
                &r.outcome
                    .as_ref()
                    .map(|o| words.numbers.value(o.value))
                    .unwrap_or_else(|| "–".into()),
                &target_text,
                status.as_ref().map(|s| s.text.as_str()),
            ));
            BulletRow {
                label,
                target: Some(Measure {
                    value: target.as_f64(),
                    text: target_text,
                }),
                outcome: r.outcome.as_ref().map(|o| words.measure(o.value)),
                status,
                forecast: r.forecast.as_ref().map(|f| words.measure(f.value)),
            }
        })
        .collect();
    BulletChart {
        text: words.text(id.to_owned(), title, sentences.join(" "), &words.indicator),
        scale: scale(unit),
        rows: chart_rows,
    }
}

/// A line chart of an indicator over periods, with the target as a dashed
/// line. Partial reports are labelled with the period they cover.
pub fn series_chart(
    points: &[SeriesPoint],
    unit: Unit,
    title: String,
    id: &str,
    words: &ChartWords,
) -> LineChart {
    let mut sentences = Vec::new();
    let chart_points = points
        .iter()
        .map(|p| {
            let label = match p.partial_until {
                Some(until) => words.numbers.period_short(&until),
                None => words.numbers.period_short(&p.period),
            };
            sentences.push((words.describe)(
                &label,
                &p.outcome
                    .map(|v| words.numbers.value(v))
                    .unwrap_or_else(|| "–".into()),
                &p.target
                    .map(|v| words.numbers.value(v))
                    .unwrap_or_else(|| "–".into()),
                None,
            ));
            LinePoint {
                label,
                outcome: p.outcome.map(|v| words.measure(v)),
                target: p.target.map(|v| words.measure(v)),
            }
        })
        .collect();
    LineChart {
        text: words.text(id.to_owned(), title, sentences.join(" "), &words.period),
        scale: scale(unit),
        points: chart_points,
    }
}

/// A bullet chart of one outcome group's slices (by municipality, gender…),
/// with each slice's own target where one is set.
pub fn breakdown_chart(
    ws: &Workspace,
    group: &OutcomeGroup,
    slice_name: &dyn Fn(&Breakdown) -> String,
    title: String,
    id: &str,
    words: &ChartWords,
) -> BulletChart {
    let mut sentences = Vec::new();
    let rows = group
        .slices
        .iter()
        .filter_map(|o| {
            let b = o.breakdown.as_ref()?;
            let target = ws
                .targets
                .live()
                .find(|t| {
                    t.indicator == o.indicator
                        && t.scope == o.scope
                        && t.period == o.period
                        && t.breakdown.as_ref() == Some(b)
                })
                .map(|t| t.value);
            let label = slice_name(b);
            sentences.push((words.describe)(
                &label,
                &words.numbers.value(o.value),
                &target
                    .map(|v| words.numbers.value(v))
                    .unwrap_or_else(|| "–".into()),
                None,
            ));
            Some(BulletRow {
                label,
                target: target.map(|v| words.measure(v)),
                outcome: Some(words.measure(o.value)),
                status: None,
                forecast: None,
            })
        })
        .collect();
    BulletChart {
        text: words.text(id.to_owned(), title, sentences.join(" "), &words.indicator),
        scale: scale(group.indicator.unit),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::{bullet_chart_svg, line_chart_svg};
    use crate::core::goals::{goal_rows, series, Focus};
    use crate::core::ids::RecordId;
    use crate::core::model::Scope;
    use crate::core::period::Period;
    use crate::core::{demo, goals};

    use crate::core::testing::chart_words as words;

    #[test]
    fn the_board_chart_prints_927_against_975_and_15_against_30() {
        let ws = demo::workspace();
        let rows = goal_rows(&ws, &Period::year(2017).unwrap(), &Focus::All);
        let counts = bullet_chart_svg(&board_chart(
            &ws,
            &rows,
            Unit::Count,
            "Antal".into(),
            "c",
            &words(),
        ));
        assert!(counts.contains("927") && counts.contains("975"));
        assert!(counts.contains("<title"));
        let shares = board_chart(&ws, &rows, Unit::Percent, "Andelar".into(), "s", &words());
        let mia = shares
            .rows
            .iter()
            .find(|r| r.label == "Andel till arbete eller studier · MIA Östra Södertörn")
            .unwrap();
        assert_eq!(mia.outcome.as_ref().unwrap().text, "15\u{a0}%");
        assert_eq!(mia.target.as_ref().unwrap().text, "30\u{a0}%");
        assert_eq!(mia.status.as_ref().unwrap().text, "Efter");
    }

    #[test]
    fn a_cost_per_result_has_its_own_chart_beside_spend_against_budget() {
        use crate::core::model::{Denominator, FigureKey, Ratio, Record, Target};
        use crate::core::testing::{meta, percent_indicator};
        use crate::core::value::Kronor;
        let mut ws = demo::workspace();
        let mut per = percent_indicator("per", "Kostnad per deltagare", &[]);
        per.unit = Unit::Kronor;
        per.ratio = Some(Ratio {
            numerator: RecordId::parse("demo-ind-esf").unwrap(),
            denominator: Denominator::Participants,
        });
        ws.put(Record::Indicator(per));
        let y2018 = Period::year(2018).unwrap();
        ws.put(Record::Target(Target::from_key(
            meta("per-target"),
            FigureKey {
                indicator: RecordId::parse("per").unwrap(),
                scope: Scope::Forbund,
                period: y2018,
                breakdown: None,
            },
            FigureValue::Kronor(Kronor::new(20_000).unwrap()),
            String::new(),
        )));
        let rows = goal_rows(&ws, &y2018, &Focus::All);
        let labels = |chart| {
            board_chart_of(&ws, &rows, chart, String::new(), "k", &words())
                .rows
                .into_iter()
                .map(|r| r.label)
                .collect::<Vec<_>>()
        };
        let spend = labels(BoardChart::Kronor);
        assert!(!spend.is_empty() && spend.iter().all(|l| l.starts_with("ESF-medel")));
        assert_eq!(labels(BoardChart::CostPerResult), ["Kostnad per deltagare"]);
        assert!(labels(BoardChart::Counts)
            .iter()
            .all(|l| !l.contains("Kostnad")));
    }

    #[test]
    fn the_youth_line_chart_runs_58_65_64_against_65() {
        let ws = demo::workspace();
        let youth = Scope::Project(RecordId::parse("demo-ungdom").unwrap());
        let points = series(
            &ws,
            &RecordId::parse("demo-ind-arbete").unwrap(),
            &youth,
            None,
        );
        let chart = series_chart(
            &points,
            Unit::Percent,
            "Till arbete eller studier".into(),
            "l",
            &words(),
        );
        let labels: Vec<_> = chart.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2016", "2017", "H1\u{a0}2018"]);
        let svg = line_chart_svg(&chart);
        for text in ["58\u{a0}%", "65\u{a0}%", "64\u{a0}%"] {
            assert!(svg.contains(text), "{text}");
        }
    }

    #[test]
    fn breakdown_charts_have_one_row_per_slice() {
        let ws = demo::workspace();
        let groups = goals::untargeted_outcomes(&ws, &Period::year(2018).unwrap(), &Focus::All);
        let own = groups
            .iter()
            .find(|g| g.indicator.name == "Andel egenanmälningar")
            .unwrap();
        let name = |b: &Breakdown| match b {
            Breakdown::Municipality(id) => ws
                .municipalities
                .get(id)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let chart = breakdown_chart(&ws, own, &name, "Egenanmälningar".into(), "b", &words());
        let rows: Vec<_> = chart
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.outcome.as_ref().unwrap().text.as_str()))
            .collect();
        assert_eq!(rows.len(), 3);
        assert!(rows.contains(&("Tyresö", "53\u{a0}%")));
        assert!(rows.contains(&("Nynäshamn", "75\u{a0}%")));
        assert!(rows.contains(&("Haninge", "9\u{a0}%")));
    }
}
