//! Golden-file tests: two fixed example charts compared byte for byte.
//!
//! Guarantees: any change to the drawn output shows up as a test failure;
//! `UPDATE_GOLDEN=1 cargo test` rewrites the fixture files after a deliberate
//! change (review the SVGs before committing them).

use super::spec::{BulletChart, BulletRow, ChartText, LineChart, LinePoint, Scale, StatusLevel};
use super::test_support::{assert_accessible_svg, m, status};
use super::{bullet_chart_svg, line_chart_svg};

const BULLET_FIXTURE: &str = include_str!("../../../tests/fixtures/charts/bullet_forbund_2017.svg");
const LINE_FIXTURE: &str = include_str!("../../../tests/fixtures/charts/line_ungdom.svg");

fn text(id: &str, title: &str, description: &str, category: &str) -> ChartText {
    ChartText {
        id: id.to_string(),
        title: title.to_string(),
        description: description.to_string(),
        target_label: "Mål".to_string(),
        outcome_label: "Utfall".to_string(),
        category_label: category.to_string(),
        status_label: "Status".to_string(),
        empty_label: "Inga värden".to_string(),
        forecast_label: "Prognos".to_string(),
        numbers: crate::core::locale::Locale::Sv,
    }
}

/// The förbund's 2017 counts: participants and consultations vs targets.
pub(super) fn forbund_2017() -> BulletChart {
    BulletChart {
        text: text(
            "chart-forbund-2017",
            "Samordningsförbundet 2017: deltagare och konsultationer",
            "Deltagare: utfall 927 mot målet 975 (nära). \
             Konsultationer i Resursråden: utfall 183 mot målet 200 (nära).",
            "Indikator",
        ),
        scale: Scale::Count,
        rows: vec![
            BulletRow {
                label: "Deltagare".to_string(),
                target: m(975.0, "975"),
                outcome: m(927.0, "927"),
                status: status(StatusLevel::Near, "Nära"),
                forecast: None,
            },
            BulletRow {
                label: "Konsultationer i Resursråden".to_string(),
                target: m(200.0, "200"),
                outcome: m(183.0, "183"),
                status: status(StatusLevel::Near, "Nära"),
                forecast: None,
            },
        ],
    }
}

/// The youth programme's share to work or studies over three periods.
pub(super) fn ungdom() -> LineChart {
    LineChart {
        text: text(
            "chart-ungdom",
            "Ungdomsinsatserna: andel till arbete eller studier",
            "2016: 58 %, inget mål. 2017: 65 %, mål 65 %. H1 2018: 64 %, mål 65 %.",
            "Period",
        ),
        scale: Scale::Percent,
        points: vec![
            LinePoint {
                label: "2016".to_string(),
                outcome: m(58.0, "58 %"),
                target: None,
            },
            LinePoint {
                label: "2017".to_string(),
                outcome: m(65.0, "65 %"),
                target: m(65.0, "65 %"),
            },
            LinePoint {
                label: "H1 2018".to_string(),
                outcome: m(64.0, "64 %"),
                target: m(65.0, "65 %"),
            },
        ],
    }
}

/// Compares with the fixture, or rewrites it when `UPDATE_GOLDEN=1`.
fn check_golden(file: &str, actual: &str, expected: &str) {
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/charts")
            .join(file);
        if let Err(e) = std::fs::write(&path, actual) {
            panic!("could not write {}: {e}", path.display());
        }
        return;
    }
    assert!(
        actual == expected,
        "{file} differs from the golden file; if the change is intended, \
         run `UPDATE_GOLDEN=1 cargo test` and review the SVG"
    );
}

#[test]
fn golden_bullet_forbund_2017_matches_fixture() {
    let svg = bullet_chart_svg(&forbund_2017());
    assert_accessible_svg(&svg, "chart-forbund-2017");
    check_golden("bullet_forbund_2017.svg", &svg, BULLET_FIXTURE);
}

#[test]
fn golden_line_ungdom_matches_fixture() {
    let svg = line_chart_svg(&ungdom());
    assert_accessible_svg(&svg, "chart-ungdom");
    check_golden("line_ungdom.svg", &svg, LINE_FIXTURE);
}
