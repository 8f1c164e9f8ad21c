//! Data tables mirroring the charts, as the non-graphical text alternative.
//!
//! Guarantees: cells are the caller's texts unchanged and untruncated (the UI
//! escapes them when rendering); a missing value (None, NaN, infinite or empty
//! text) is "–"; every row has exactly as many cells as there are headers.

use super::spec::{present, BulletChart, DataTable, LineChart, Measure};

/// Shown in a cell whose value is missing.
const MISSING: &str = "–";

fn cell(measure: Option<&Measure>) -> String {
    match present(measure) {
        Some(m) if !m.text.trim().is_empty() => m.text.clone(),
        _ => MISSING.to_string(),
    }
}

/// The bullet chart's numbers as a table: category, target, outcome and, if
/// any row has one, forecast and status.
///
/// Exists so the same data is available to screen readers and for copying.
pub fn bullet_table(chart: &BulletChart) -> DataTable {
    let text = &chart.text;
    let with_status = chart.rows.iter().any(|row| row.status.is_some());
    let with_forecast = chart.rows.iter().any(|row| row.forecast.is_some());
    let mut headers = vec![
        text.category_label.clone(),
        text.target_label.clone(),
        text.outcome_label.clone(),
    ];
    if with_forecast {
        headers.push(text.forecast_label.clone());
    }
    if with_status {
        headers.push(text.status_label.clone());
    }
    let rows = chart
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.label.clone(),
                cell(row.target.as_ref()),
                cell(row.outcome.as_ref()),
            ];
            if with_forecast {
                cells.push(cell(row.forecast.as_ref()));
            }
            if with_status {
                cells.push(
                    row.status
                        .as_ref()
                        .map_or_else(|| MISSING.to_string(), |s| s.text.clone()),
                );
            }
            cells
        })
        .collect();
    DataTable {
        caption: text.title.clone(),
        headers,
        rows,
    }
}

/// The line chart's numbers as a table: period, outcome, target.
///
/// Exists so the same data is available to screen readers and for copying.
pub fn line_table(chart: &LineChart) -> DataTable {
    let text = &chart.text;
    DataTable {
        caption: text.title.clone(),
        headers: vec![
            text.category_label.clone(),
            text.outcome_label.clone(),
            text.target_label.clone(),
        ],
        rows: chart
            .points
            .iter()
            .map(|p| {
                vec![
                    p.label.clone(),
                    cell(p.outcome.as_ref()),
                    cell(p.target.as_ref()),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::spec::{BulletRow, LinePoint, Scale, StatusLevel};
    use super::super::test_support::{m, sample_text, status};
    use super::*;

    fn bullet(rows: Vec<BulletRow>) -> BulletChart {
        BulletChart {
            text: sample_text("t"),
            scale: Scale::Count,
            rows,
        }
    }

    #[test]
    fn bullet_table_has_category_target_outcome_and_status_columns() {
        let chart = bullet(vec![
            BulletRow {
                label: "Deltagare".into(),
                target: m(975.0, "975"),
                outcome: m(927.0, "927"),
                status: status(StatusLevel::Near, "Nära"),
                forecast: None,
            },
            BulletRow {
                label: "Konsultationer".into(),
                target: m(200.0, "200"),
                outcome: None,
                status: None,
                forecast: None,
            },
        ]);
        let table = bullet_table(&chart);
        assert_eq!(table.caption, "Andel till arbete eller studier, 2017");
        assert_eq!(table.headers, ["Indikator", "Mål", "Utfall", "Status"]);
        assert_eq!(table.rows[0], ["Deltagare", "975", "927", "Nära"]);
        assert_eq!(table.rows[1], ["Konsultationer", "200", "–", "–"]);
    }

    #[test]
    fn bullet_table_omits_status_column_when_no_row_has_status() {
        let chart = bullet(vec![BulletRow {
            label: "x".repeat(500),
            target: m(f64::NAN, "NaN"),
            outcome: m(3.0, ""),
            status: None,
            forecast: None,
        }]);
        let table = bullet_table(&chart);
        assert_eq!(table.headers, ["Indikator", "Mål", "Utfall"]);
        assert_eq!(table.rows[0], ["x".repeat(500), "–".into(), "–".into()]);
    }

    #[test]
    fn line_table_has_period_outcome_and_target_columns() {
        let mut text = sample_text("l");
        text.category_label = "Period".into();
        let chart = LineChart {
            text,
            scale: Scale::Percent,
            points: vec![
                LinePoint {
                    label: "2016".into(),
                    outcome: m(58.0, "58 %"),
                    target: None,
                },
                LinePoint {
                    label: "2017".into(),
                    outcome: m(65.0, "65 %"),
                    target: m(65.0, "65 %"),
                },
            ],
        };
        let table = line_table(&chart);
        assert_eq!(table.headers, ["Period", "Utfall", "Mål"]);
        assert_eq!(
            table.rows,
            vec![vec!["2016", "58 %", "–"], vec!["2017", "65 %", "65 %"]]
        );
    }

    #[test]
    fn tables_of_empty_charts_have_headers_and_no_rows() {
        let table = bullet_table(&bullet(vec![]));
        assert_eq!(table.headers.len(), 3);
        assert!(table.rows.is_empty());
    }
}
