//! Figures as spreadsheets for others: the participant flow of a scope and
//! period, and every target with its outcome.
//!
//! Guarantees: these files are meant to leave the förbund, so every count
//! computed from participations goes through small-number protection
//! first: a count under the threshold is written "<3" and a share that
//! would reveal one "–", exactly as the screen shows them.

use super::participations::{gender_word, referrer_word};
use super::write::{write_table, Cell, CsvFlavour};
use crate::core::codes;
use crate::core::fmt_sv;
use crate::core::goals::{goal_row_in, Figures, GoalStatus};
use crate::core::model::{Breakdown, Dimension, FlowMeasure, Scope};
use crate::core::order::sort_key;
use crate::core::participants::report::FlowReport;
use crate::core::participants::{computed_shown_in, Shown};
use crate::core::value::FigureValue;
use crate::core::workspace::Workspace;

/// The Swedish name of a measure in a file.
pub fn measure_word(m: FlowMeasure) -> &'static str {
    match m {
        FlowMeasure::Active => "Aktiva deltagare",
        FlowMeasure::New => "Nya deltagare",
        FlowMeasure::Ended => "Avslutade deltagare",
        FlowMeasure::ShareWorkOrStudies => "Andel av avslutade till arbete eller studier (%)",
        FlowMeasure::ShareOrdinary => "Andel av avslutade till ordinarie insatser (%)",
        FlowMeasure::ShareWomen => "Andel kvinnor (%)",
        FlowMeasure::ShareSelfReferral => "Andel egenanmälda av nya (%)",
        FlowMeasure::MeetingAttendance => "Besökare på frukostmöten",
    }
}

/// The Swedish name of a dimension in a file.
fn dimension_word(d: Dimension) -> &'static str {
    match d {
        Dimension::Municipality => "Kommun",
        Dimension::Gender => "Kön",
        Dimension::Referrer => "Anvisad av",
        Dimension::Provider => "Utförare",
        Dimension::AgeBand => "Åldersgrupp",
    }
}

/// A slice as a file names it: "Kön: Kvinna".
pub fn slice_word(ws: &Workspace, b: &Breakdown) -> String {
    let value = match b {
        Breakdown::Municipality(id) => ws
            .municipalities
            .get_any(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone()),
        Breakdown::Gender(g) => gender_word(*g).into(),
        Breakdown::Referrer(r) => referrer_word(*r).into(),
        Breakdown::AgeBand(a) => codes::code(a),
        Breakdown::Provider(p) => p.clone(),
    };
    format!("{}: {value}", dimension_word(b.dimension()))
}

/// The name of a scope in a file.
pub fn scope_word(ws: &Workspace, scope: &Scope) -> String {
    match scope {
        Scope::Forbund => ws.organisation_name().unwrap_or("Förbundet").to_owned(),
        other => ws.scope_name(other).unwrap_or("").to_owned(),
    }
}

/// A protected figure as a cell.
fn shown_cell(s: Shown) -> Cell {
    match s {
        Shown::Count(n) => Cell::Count(n),
        Shown::Fewer(t) => Cell::Text(format!("<{t}")),
        Shown::Share(p) => Cell::Decimal(f64::from(p.tenths()) / 10.0),
        Shown::Hidden => Cell::Text("–".into()),
        Shown::NoData => Cell::Empty,
    }
}

fn value_cell(v: FigureValue) -> Cell {
    match v {
        FigureValue::Count(c) => Cell::Count(c.get()),
        FigureValue::Percent(p) => Cell::Decimal(f64::from(p.tenths()) / 10.0),
        FigureValue::Answer(a) => Cell::Text(crate::core::goals::yes_no_words(a).into()),
        FigureValue::Kronor(k) => Cell::Count(k.get()),
    }
}

/// The flow report of one scope and period as a file, one figure a row:
/// measure, group ("Alla" or a slice), value.
pub fn export_flow(
    ws: &Workspace,
    scope: &Scope,
    period: &crate::core::period::Period,
    report: &FlowReport,
    flavour: CsvFlavour,
) -> String {
    let (scope_name, period_name) = (scope_word(ws, scope), fmt_sv::period(period));
    let row = |measure: &str, group: String, s: Shown| {
        vec![
            Cell::from(scope_name.as_str()),
            Cell::from(period_name.as_str()),
            Cell::from(measure),
            Cell::Text(group),
            shown_cell(s),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = report
        .measures
        .iter()
        .map(|(m, s)| row(measure_word(*m), "Alla".into(), *s))
        .collect();
    for table in &report.tables {
        for r in &table.rows {
            let group = slice_word(ws, &r.slice);
            rows.push(row(
                measure_word(FlowMeasure::Active),
                group.clone(),
                r.active,
            ));
            rows.push(row(measure_word(FlowMeasure::New), group.clone(), r.new));
            rows.push(row("Andel av alla nya (%)", group.clone(), r.share_of_new));
            rows.push(row(
                measure_word(FlowMeasure::Ended),
                group.clone(),
                r.ended,
            ));
            rows.push(row(
                measure_word(FlowMeasure::ShareWorkOrStudies),
                group,
                r.work_or_studies,
            ));
        }
    }
    write_table(
        flavour,
        &["Omfattning", "Period", "Mått", "Grupp", "Värde"],
        &rows,
    )
}

/// Every live target with its outcome and status, then the outcomes no
/// target asks for; computed figures protected with `threshold`.
pub fn export_goals(ws: &Workspace, threshold: u64, flavour: CsvFlavour) -> String {
    let status_word = |s: Option<GoalStatus>| match s {
        Some(GoalStatus::Met) => "Uppnått",
        Some(GoalStatus::Near) => "Nära",
        Some(GoalStatus::Behind) => "Efter",
        Some(GoalStatus::Unknown) => "Ännu inte känt",
        None => "",
    };
    let mut rows: Vec<(String, Vec<Cell>)> = Vec::new();
    let mut targeted = std::collections::BTreeSet::new();
    let figures = Figures::new(ws, ws.targets.live());
    for target in ws.targets.live() {
        let Some(row) = goal_row_in(&figures, target) else {
            continue;
        };
        let key = target.key();
        targeted.insert(format!("{key:?}"));
        let computed = computed_shown_in(figures.counts(), &row.indicator, &key, threshold);
        // A report for the first part of the period ("hittills") is listed
        // on its own row, under its own period, so every row reads back as
        // the outcome of exactly its period.
        let outcome = match (computed, &row.outcome) {
            (Some(s), _) => shown_cell(s),
            (None, Some(o)) if !row.partial => value_cell(o.value),
            (None, _) => Cell::Empty,
        };
        let hidden = computed.is_some_and(Shown::is_protected);
        rows.push((
            format!(
                "{}{}{}",
                sort_key(&row.indicator.name),
                key.period.start(),
                key.period.end()
            ),
            vec![
                Cell::from(row.indicator.name.as_str()),
                Cell::Text(scope_word(ws, &key.scope)),
                Cell::Text(key.period.to_string()),
                key.breakdown
                    .as_ref()
                    .map_or(Cell::Empty, |b| Cell::Text(slice_word(ws, b))),
                value_cell(target.value),
                outcome,
                Cell::from(if computed.is_some() || row.indicator.ratio.is_some() {
                    "Beräknad"
                } else {
                    "Inmatad"
                }),
                Cell::from(if hidden || row.partial {
                    ""
                } else {
                    status_word(row.status)
                }),
                row.outcome
                    .as_ref()
                    .filter(|_| !row.partial)
                    .and_then(|o| o.reported_on)
                    .map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            ],
        ));
    }
    for o in ws.outcomes.live() {
        let key = o.key();
        let Some(indicator) = ws.indicators.get(&o.indicator) else {
            continue;
        };
        if targeted.contains(&format!("{key:?}")) || indicator.is_computed() {
            continue;
        }
        rows.push((
            format!(
                "{}{}{}",
                sort_key(&indicator.name),
                key.period.start(),
                key.period.end()
            ),
            vec![
                Cell::from(indicator.name.as_str()),
                Cell::Text(scope_word(ws, &key.scope)),
                Cell::Text(key.period.to_string()),
                key.breakdown
                    .as_ref()
                    .map_or(Cell::Empty, |b| Cell::Text(slice_word(ws, b))),
                Cell::Empty,
                value_cell(o.value),
                Cell::from("Inmatad"),
                Cell::Empty,
                o.reported_on
                    .map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            ],
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|(_, r)| r).collect();
    write_table(
        flavour,
        &[
            "Indikator",
            "Omfattning",
            "Period",
            "Grupp",
            "Mål",
            "Utfall",
            "Källa",
            "Status",
            "Rapporterat",
        ],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::csv::read_table;
    use crate::core::participants::flow_report;
    use crate::core::period::Period;

    fn ws() -> Workspace {
        demo::workspace()
    }

    #[test]
    fn the_flow_file_holds_the_newsletter_figures() {
        let ws = ws();
        let period = Period::year(2017).unwrap();
        let report = flow_report(&ws, &Scope::Forbund, &period, 3);
        let text = export_flow(&ws, &Scope::Forbund, &period, &report, CsvFlavour::ExcelSv);
        let t = read_table(text.as_bytes()).unwrap();
        let find = |m: &str, g: &str| {
            t.rows
                .iter()
                .find(|r| r.cells[2] == m && r.cells[3] == g)
                .map(|r| r.cells[4].clone())
        };
        assert_eq!(find("Aktiva deltagare", "Alla").as_deref(), Some("927"));
        assert_eq!(find("Nya deltagare", "Alla").as_deref(), Some("634"));
        assert!(find("Andel av alla nya (%)", "Kommun: Tyresö").is_some());
    }

    #[test]
    fn small_counts_never_reach_the_file() {
        let ws = ws();
        let period = Period::year(2017).unwrap();
        let report = flow_report(&ws, &Scope::Forbund, &period, 200);
        let text = export_flow(&ws, &Scope::Forbund, &period, &report, CsvFlavour::Plain);
        let t = read_table(text.as_bytes()).unwrap();
        for r in t.rows.iter().filter(|r| !r.cells[2].contains('%')) {
            if let Ok(n) = r.cells[4].parse::<u64>() {
                assert!(n == 0 || n >= 200, "{:?}", r.cells);
            }
        }
        assert!(t.rows.iter().any(|r| r.cells[4] == "<200"));
    }

    #[test]
    fn the_goals_file_has_every_target_with_its_outcome() {
        let ws = ws();
        let text = export_goals(&ws, 3, CsvFlavour::ExcelSv);
        let t = read_table(text.as_bytes()).unwrap();
        assert!(t.rows.len() >= ws.targets.live_count());
        assert!(t
            .rows
            .iter()
            .any(|r| !r.cells[5].is_empty() && !r.cells[7].is_empty()));
    }
}
