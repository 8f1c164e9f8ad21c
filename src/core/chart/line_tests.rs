//! Behaviour tests for `line_chart_svg`: printed values, target changes,
//! gaps, accessibility, escaping and odd input.
//!
//! Guarantees: covers every edge case the module promises not to panic on,
//! and checks each output is a well-formed, accessible SVG.

use super::golden::ungdom;
use super::line_chart_svg;
use super::spec::{LineChart, LinePoint, Scale};
use super::test_support::{assert_accessible_svg, count, m, sample_text};

fn point(label: &str, outcome: Option<(f64, &str)>, target: Option<(f64, &str)>) -> LinePoint {
    LinePoint {
        label: label.to_string(),
        outcome: outcome.and_then(|(v, t)| m(v, t)),
        target: target.and_then(|(v, t)| m(v, t)),
    }
}

fn chart(scale: Scale, points: Vec<LinePoint>) -> LineChart {
    LineChart {
        text: sample_text("chart-line-1"),
        scale,
        points,
    }
}

/// Point counts of the solid outcome polylines (stroke width 4).
fn outcome_runs(svg: &str) -> Vec<usize> {
    svg.lines()
        .filter(|l| {
            l.starts_with("<polyline") && l.contains("stroke=\"#1F4E79\" stroke-width=\"4\"")
        })
        .map(|l| {
            l.split("points=\"")
                .nth(1)
                .and_then(|p| p.split('"').next())
                .map_or(0, |p| p.split_whitespace().count())
        })
        .collect()
}

#[test]
fn line_svg_prints_outcome_values_and_period_labels() {
    let svg = line_chart_svg(&ungdom());
    for expected in ["58 %", "65 %", "64 %", "2016", "2017", "H1 2018"] {
        assert!(svg.contains(expected), "missing {expected}");
    }
}

#[test]
fn line_svg_prints_target_at_first_point_and_where_it_changes() {
    let svg = line_chart_svg(&ungdom());
    assert_eq!(count(&svg, "Mål 65 %"), 1, "unchanged target printed twice");
    let c = chart(
        Scale::Percent,
        vec![
            point("2016", Some((20.0, "20 %")), Some((30.0, "30 %"))),
            point("2017", Some((25.0, "25 %")), Some((30.0, "30 %"))),
            point("2018", Some((28.0, "28 %")), Some((40.0, "40 %"))),
        ],
    );
    let svg = line_chart_svg(&c);
    assert_eq!(count(&svg, "Mål 30 %"), 1);
    assert_eq!(count(&svg, "Mål 40 %"), 1);
}

#[test]
fn line_svg_leaves_gaps_at_missing_values() {
    let c = chart(
        Scale::Count,
        vec![
            point("a", Some((1.0, "1")), None),
            point("b", Some((2.0, "2")), None),
            point("c", None, None),
            point("d", Some((f64::NAN, "NaN")), None),
            point("e", Some((4.0, "4")), None),
            point("f", Some((5.0, "5")), None),
        ],
    );
    let svg = line_chart_svg(&c);
    // Legend sample + two runs of two points; never a line across c/d.
    assert_eq!(outcome_runs(&svg), vec![2, 2, 2]);
}

#[test]
fn line_svg_has_title_desc_role_matching_aria_ids_and_legend() {
    let svg = line_chart_svg(&ungdom());
    assert_accessible_svg(&svg, "chart-ungdom");
    assert!(svg.contains("<title id=\"chart-ungdom-title\">Ungdomsinsatserna: andel till arbete eller studier</title>"));
    assert!(
        svg.contains(">\nUtfall\n<") && svg.contains(">\nMål\n<"),
        "legend names both series"
    );
}

#[test]
fn line_svg_escapes_labels_and_values() {
    let mut c = chart(
        Scale::Count,
        vec![point(
            "<script>x</script>",
            Some((1.0, "1 <i>")),
            Some((2.0, "&")),
        )],
    );
    c.text.target_label = "M'l".to_string();
    let svg = line_chart_svg(&c);
    assert!(!svg.contains("<script") && !svg.contains("<i>"));
    assert!(svg.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(svg.contains("M&apos;l &amp;"));
    assert_accessible_svg(&svg, "chart-line-1");
}

#[test]
fn line_svg_with_no_points_draws_a_frame_with_the_empty_label() {
    let svg = line_chart_svg(&chart(Scale::Percent, vec![]));
    assert_accessible_svg(&svg, "chart-line-1");
    assert!(svg.contains("Inga värden"));
    let svg = line_chart_svg(&chart(Scale::Count, vec![point("2016", None, None)]));
    assert!(svg.contains("Inga värden") && svg.contains("2016"));
}

#[test]
fn line_svg_survives_nan_infinite_negative_and_huge_values() {
    let points = vec![
        point("a", Some((f64::NAN, "?")), Some((f64::INFINITY, "?"))),
        point("b", Some((-50.0, "−50")), Some((1e300, "1e300"))),
        point("c", Some((f64::MAX, "max")), Some((0.0, "0"))),
        point("d", Some((150.0, "150 %")), None),
    ];
    for scale in [Scale::Count, Scale::Percent] {
        let svg = line_chart_svg(&chart(scale, points.clone()));
        assert_accessible_svg(&svg, "chart-line-1");
    }
}

#[test]
fn line_svg_survives_many_points_and_long_labels() {
    let points: Vec<LinePoint> = (0..400)
        .map(|i| {
            point(
                &format!("Period {i} med en väldigt lång etikett"),
                Some((f64::from(i), "v")),
                None,
            )
        })
        .collect();
    let svg = line_chart_svg(&chart(Scale::Count, points));
    assert_accessible_svg(&svg, "chart-line-1");
    assert!(svg.contains('…'));
}

#[test]
fn line_svg_is_deterministic() {
    assert_eq!(line_chart_svg(&ungdom()), line_chart_svg(&ungdom()));
}
