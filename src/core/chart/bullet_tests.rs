//! Behaviour tests for `bullet_chart_svg`: printed numbers, accessibility,
//! escaping and odd input.
//!
//! Guarantees: covers every edge case the module promises not to panic on,
//! and checks each output is a well-formed, accessible SVG.

use super::bullet_chart_svg;
use super::golden::forbund_2017;
use super::spec::{BulletChart, BulletRow, Scale, StatusLevel};
use super::test_support::{assert_accessible_svg, count, m, sample_text, status};

fn chart(scale: Scale, rows: Vec<BulletRow>) -> BulletChart {
    BulletChart {
        text: sample_text("chart-ind-3f2a"),
        scale,
        rows,
    }
}

fn row(label: &str, target: (f64, &str), outcome: (f64, &str)) -> BulletRow {
    BulletRow {
        label: label.to_string(),
        target: m(target.0, target.1),
        outcome: m(outcome.0, outcome.1),
        status: None,
        forecast: None,
    }
}

fn mia() -> BulletChart {
    let mut rows = vec![
        row(
            "MIA Östra Södertörn: till arbete eller studier",
            (30.0, "30 %"),
            (15.0, "15 %"),
        ),
        row(
            "MIA Östra Södertörn: till ordinarie insatser",
            (40.0, "40 %"),
            (32.0, "32 %"),
        ),
    ];
    for r in &mut rows {
        r.status = status(StatusLevel::Behind, "Efter");
    }
    chart(Scale::Percent, rows)
}

#[test]
fn bullet_svg_prints_target_and_outcome_text() {
    let svg = bullet_chart_svg(&forbund_2017());
    for expected in [
        "Utfall 927",
        "Mål 975",
        "Utfall 183",
        "Mål 200",
        "Deltagare",
    ] {
        assert!(svg.contains(expected), "missing {expected}");
    }
    let svg = bullet_chart_svg(&mia());
    for expected in ["Utfall 15 %", "Mål 30 %", "Utfall 32 %", "Mål 40 %"] {
        assert!(svg.contains(expected), "missing {expected}");
    }
}

#[test]
fn bullet_svg_has_title_desc_role_and_matching_aria_ids() {
    let svg = bullet_chart_svg(&mia());
    assert_accessible_svg(&svg, "chart-ind-3f2a");
    assert!(svg.contains(
        "<title id=\"chart-ind-3f2a-title\">Andel till arbete eller studier, 2017</title>"
    ));
    assert!(
        svg.contains("<desc id=\"chart-ind-3f2a-desc\">Utfall jämfört med mål för 2017.</desc>")
    );
}

#[test]
fn bullet_svg_prints_status_as_symbol_and_text_not_colour_alone() {
    let svg = bullet_chart_svg(&mia());
    assert_eq!(count(&svg, "✗ Efter"), 2);
    let mut met = mia();
    met.rows.truncate(1);
    met.rows[0].status = status(StatusLevel::Met, "Uppnått");
    assert!(bullet_chart_svg(&met).contains("✓ Uppnått"));
    assert!(bullet_chart_svg(&forbund_2017()).contains("≈ Nära"));
}

#[test]
fn bullet_svg_escapes_script_in_labels_and_title() {
    let mut c = chart(
        Scale::Count,
        vec![row(
            "<script>alert(1)</script>",
            (5.0, "5 & <b>"),
            (3.0, "\"3\""),
        )],
    );
    c.text.title = "<script>alert('t')</script>".to_string();
    c.text.description = "a < b & c".to_string();
    let svg = bullet_chart_svg(&c);
    assert!(!svg.contains("<script"), "raw markup leaked");
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("<title id=\"chart-ind-3f2a-title\">&lt;script&gt;alert(&apos;t&apos;)&lt;/script&gt;</title>"));
    assert!(svg.contains("a &lt; b &amp; c"));
    assert!(svg.contains("5 &amp; &lt;b&gt;"));
    assert_accessible_svg(&svg, "chart-ind-3f2a");
}

#[test]
fn bullet_svg_sanitises_the_id() {
    let mut c = mia();
    c.text.id = "x\" onload=\"alert(1)".to_string();
    let svg = bullet_chart_svg(&c);
    assert!(!svg.contains("onload=\""));
    assert_accessible_svg(&svg, "xonloadalert1");
}

#[test]
fn bullet_svg_with_no_rows_draws_a_frame_with_the_empty_label() {
    let svg = bullet_chart_svg(&chart(Scale::Count, vec![]));
    assert_accessible_svg(&svg, "chart-ind-3f2a");
    assert!(svg.contains("Inga värden"));
}

#[test]
fn bullet_svg_survives_nan_infinite_negative_and_huge_values() {
    let rows = vec![
        row("NaN", (f64::NAN, "?"), (f64::NAN, "?")),
        row("Oändligt", (f64::INFINITY, "∞"), (f64::NEG_INFINITY, "-∞")),
        row("Negativt", (-5.0, "−5"), (-1e9, "−1e9")),
        row("Enormt", (1e300, "1e300"), (f64::MAX, "max")),
        row("Över 100 %", (120.0, "120 %"), (150.0, "150 %")),
    ];
    for scale in [Scale::Count, Scale::Percent] {
        let svg = bullet_chart_svg(&chart(scale, rows.clone()));
        assert_accessible_svg(&svg, "chart-ind-3f2a");
        assert!(!svg.contains("NaN\""), "NaN leaked into geometry");
        assert!(!svg.contains("inf\""));
    }
}

#[test]
fn bullet_svg_extends_percent_axis_above_one_hundred() {
    let svg = bullet_chart_svg(&chart(
        Scale::Percent,
        vec![row("Över", (120.0, "120 %"), (150.0, "150 %"))],
    ));
    assert!(svg.contains("200\u{a0}%"));
    let svg = bullet_chart_svg(&mia());
    assert!(svg.contains("100\u{a0}%") && !svg.contains("200\u{a0}%"));
}

#[test]
fn bullet_svg_handles_only_target_only_outcome_and_zero_outcome() {
    let rows = vec![
        BulletRow {
            label: "Bara mål".into(),
            target: m(50.0, "50"),
            outcome: None,
            status: None,
            forecast: None,
        },
        BulletRow {
            label: "Bara utfall".into(),
            target: None,
            outcome: m(80.0, "80"),
            status: None,
            forecast: None,
        },
        BulletRow {
            label: "Noll".into(),
            target: m(10.0, "10"),
            outcome: m(0.0, "0"),
            status: None,
            forecast: None,
        },
        BulletRow {
            label: "Inget".into(),
            target: None,
            outcome: None,
            status: None,
            forecast: None,
        },
    ];
    let svg = bullet_chart_svg(&chart(Scale::Count, rows));
    assert_accessible_svg(&svg, "chart-ind-3f2a");
    for expected in [
        "Mål 50",
        "Utfall –",
        "Utfall 80",
        "Utfall 0",
        "Mål 10",
        "Inga värden",
    ] {
        assert!(svg.contains(expected), "missing {expected}");
    }
}

#[test]
fn bullet_svg_truncates_very_long_labels_with_ellipsis() {
    let long = "Mycket lång indikatorbeskrivning ".repeat(20);
    let svg = bullet_chart_svg(&chart(
        Scale::Count,
        vec![row(&long, (1.0, "1"), (1.0, "1"))],
    ));
    assert!(!svg.contains(long.trim()));
    assert!(svg.contains("Mycket lång indikatorbeskrivning Mycket"));
    assert!(svg.contains('…'));
}

#[test]
fn bullet_svg_height_grows_with_rows_and_survives_many_rows() {
    let height = |n: usize| {
        let svg = bullet_chart_svg(&chart(
            Scale::Count,
            vec![row("r", (1.0, "1"), (1.0, "1")); n],
        ));
        let start = svg.find("viewBox=\"0 0 900 ").map_or(0, |i| i + 17);
        svg[start..]
            .split('"')
            .next()
            .and_then(|h| h.parse::<u32>().ok())
            .unwrap_or(0)
    };
    assert!(height(1) < height(2) && height(2) < height(8));
    assert!(height(500) > height(8));
}

#[test]
fn bullet_svg_is_deterministic() {
    assert_eq!(bullet_chart_svg(&mia()), bullet_chart_svg(&mia()));
}

#[test]
fn a_forecast_is_a_named_diamond_beside_the_target_and_a_column_of_the_table() {
    let mut budget = row(
        "Kostnad · Case Management",
        (798_904.0, "798 904 kr pro rata"),
        (700_000.0, "700 000 kr"),
    );
    budget.forecast = m(1_150_000.0, "1 150 000 kr");
    let mut c = chart(Scale::Kronor, vec![budget]);
    c.text.target_label = "Budget".into();
    let svg = bullet_chart_svg(&c);
    assert_accessible_svg(&svg, "chart-ind-3f2a");
    assert!(
        svg.contains("Budget 798 904 kr pro rata · Prognos 1 150 000 kr"),
        "{svg}"
    );
    // The legend names the diamond; a chart without forecasts does not.
    assert_eq!(count(&svg, "\nPrognos\n"), 1, "{svg}");
    assert!(!bullet_chart_svg(&mia()).contains("Prognos"));
    let table = super::table::bullet_table(&c);
    assert_eq!(table.headers[3], "Prognos");
    assert_eq!(table.rows[0][3], "1 150 000 kr");
}

#[test]
fn an_outline_has_the_charts_size_title_desc_and_legend_and_no_row() {
    let many = chart(
        Scale::Count,
        (0..200)
            .map(|i| row(&format!("Rad {i}"), (10.0, "10"), (7.0, "Utfallet 7")))
            .collect(),
    );
    for c in [many, mia(), chart(Scale::Count, Vec::new())] {
        let (drawn, outline) = (bullet_chart_svg(&c), super::bullet_chart_outline(&c));
        assert_accessible_svg(&outline, "chart-ind-3f2a");
        let root = |svg: &str| svg.lines().take(3).collect::<Vec<_>>().join("\n");
        assert_eq!(root(&outline), root(&drawn), "root, title and desc");
        for row in &c.rows {
            assert!(!outline.contains(&row.label), "{} drawn", row.label);
        }
        assert!(outline.len() < 2_000, "{} bytes", outline.len());
    }
}
