//! Line chart over periods: solid outcome line vs dashed target line.
//!
//! Guarantees: periods are categorical and kept in the given order; a missing
//! (None/NaN/infinite) value leaves a gap, never a line through it; every
//! outcome value is printed at its point and the target value at its first
//! point and wherever it changes; the legend tells the series apart by line
//! style and marker shape. Fixed 16:9 viewBox; never panics.

use super::canvas::{dashed, dot, line, rect, render, text, Area, DrawResult, Px};
use super::line_labels::{draw_values, XLabels};
use super::scale::{axis_max, fraction, lerp_px, tick_text, ticks};
use super::spec::{present, LineChart, Measure};
use super::svg_post::{fallback, finish};
use super::text::{clean, truncate, width, wrap};
use super::theme::{
    style, Align, Baseline, AXIS, GRID, LABEL_PX, MARGIN, MUTED, OUTCOME, PAPER, TARGET, TEXT,
    TICK_PX, TITLE_PX, VALUE_PX, WIDTH,
};

/// 16:9 with `WIDTH`.
const HEIGHT: u32 = 506;
/// Dash and gap of the target line.
const DASH: (i32, i32) = (12, 8);

/// Draws a line chart as an accessible, responsive SVG string.
///
/// Exists so the app can show an indicator's development over periods with
/// outcome and target values printed, readable on a projector.
pub fn line_chart_svg(chart: &LineChart) -> String {
    let size = (WIDTH, HEIGHT);
    match render(size, |area| draw(area, chart)) {
        Some(raw) => finish(&raw, &chart.text, size),
        None => fallback(&chart.text, size),
    }
}

/// The plot rectangle and value axis.
pub(super) struct Plot {
    pub(super) left: i32,
    pub(super) right: i32,
    pub(super) top: i32,
    pub(super) bottom: i32,
    pub(super) max: f64,
    pub(super) slots: usize,
}

impl Plot {
    pub(super) fn y(&self, value: f64) -> i32 {
        lerp_px(self.bottom, self.top, fraction(value, self.max))
    }

    pub(super) fn x(&self, index: usize) -> i32 {
        let slots = self.slots.max(1) as f64;
        let frac = (index as f64 + 0.5) / slots;
        lerp_px(self.left, self.right, frac)
    }

    pub(super) fn slot_width(&self) -> f64 {
        f64::from(self.right - self.left) / self.slots.max(1) as f64
    }

    /// Every `k`-th item fits without overlapping when items are `item_w` wide.
    pub(super) fn stride(&self, item_w: f64) -> usize {
        let k = (item_w + 10.0) / self.slot_width().max(0.01);
        // Clamp before the cast; `as usize` of a finite, bounded float is exact enough.
        k.ceil().clamp(1.0, self.slots.max(1) as f64) as usize
    }
}

fn draw(area: &Area, chart: &LineChart) -> DrawResult {
    let title = wrap(
        &clean(&chart.text.title),
        f64::from(WIDTH) - 48.0,
        TITLE_PX,
        true,
        2,
    );
    let title_style = style(TITLE_PX, true, &TEXT, Align::Start, Baseline::Top);
    let mut y = 18;
    for line_text in &title {
        text(area, line_text, (MARGIN, y), &title_style)?;
        y += 30;
    }
    let has_outcome = chart
        .points
        .iter()
        .any(|p| present(p.outcome.as_ref()).is_some());
    let has_target = chart
        .points
        .iter()
        .any(|p| present(p.target.as_ref()).is_some());
    draw_legend(area, chart, y + 10, has_outcome, has_target)?;

    let values = chart.points.iter().flat_map(|p| {
        [present(p.outcome.as_ref()), present(p.target.as_ref())]
            .into_iter()
            .flatten()
            .filter_map(Measure::drawable)
    });
    let max = axis_max(chart.scale, values);
    let tick_values = ticks(max);
    let tick_w = tick_values
        .iter()
        .map(|t| {
            width(
                &tick_text(*t, chart.scale, chart.text.numbers),
                TICK_PX,
                false,
            )
        })
        .fold(0.0, f64::max)
        .clamp(0.0, 200.0);
    let left = MARGIN + tick_w as i32 + 14;
    let right = WIDTH as i32 - MARGIN;
    let slots = chart.points.len();
    let slot_w = f64::from(right - left) / slots.max(1) as f64;
    let labels: Vec<String> = chart.points.iter().map(|p| clean(&p.label)).collect();
    let x_labels = XLabels::plan(&labels, slot_w);
    let plot = Plot {
        left,
        right,
        top: y + 10 + 28 + 44,
        bottom: HEIGHT as i32 - 28 - 24 * x_labels.line_count(),
        max,
        slots,
    };
    draw_grid(area, &plot, &tick_values, chart)?;
    x_labels.draw(area, &plot)?;
    if !has_outcome && !has_target {
        let note = style(VALUE_PX, false, &TEXT, Align::Middle, Baseline::Middle);
        let (cx, cy) = ((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2);
        let half = (width(&chart.text.empty_label, VALUE_PX, false) / 2.0).clamp(0.0, 400.0) as i32;
        rect(
            area,
            (cx - half - 16, cy - 20),
            (cx + half + 16, cy + 20),
            &PAPER,
        )?;
        return text(area, &chart.text.empty_label, (cx, cy), &note);
    }
    let outcome: Vec<Option<f64>> = chart
        .points
        .iter()
        .map(|p| value(p.outcome.as_ref()))
        .collect();
    let target: Vec<Option<f64>> = chart
        .points
        .iter()
        .map(|p| value(p.target.as_ref()))
        .collect();
    for run in runs(&plot, &outcome) {
        line(area, run, &OUTCOME, 4)?;
    }
    for run in runs(&plot, &target) {
        dashed(area, run, DASH, &TARGET, 3)?;
    }
    for (i, v) in target.iter().enumerate() {
        if let Some(v) = v {
            let (x, y) = (plot.x(i), plot.y(*v));
            rect(area, (x - 22, y - 3), (x + 22, y + 3), &TARGET)?;
        }
    }
    for (i, v) in outcome.iter().enumerate() {
        if let Some(v) = v {
            let at = (plot.x(i), plot.y(*v));
            dot(area, at, 10, &PAPER)?;
            dot(area, at, 7, &OUTCOME)?;
        }
    }
    draw_values(area, chart, &plot, &outcome, &target)
}

fn value(measure: Option<&Measure>) -> Option<f64> {
    present(measure).and_then(Measure::drawable)
}

/// Pixel polylines of consecutive present values; a missing value ends a run.
fn runs(plot: &Plot, values: &[Option<f64>]) -> Vec<Vec<Px>> {
    let mut out: Vec<Vec<Px>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match (v, out.last_mut()) {
            (Some(v), Some(run)) => run.push((plot.x(i), plot.y(*v))),
            (None, Some(run)) if !run.is_empty() => out.push(Vec::new()),
            _ => {}
        }
    }
    out.retain(|run| run.len() > 1);
    out
}

fn draw_legend(area: &Area, chart: &LineChart, y: i32, outcome: bool, target: bool) -> DrawResult {
    let label = style(LABEL_PX, false, &TEXT, Align::Start, Baseline::Middle);
    let mid = y + 14;
    let mut x = MARGIN;
    if outcome {
        line(area, vec![(x, mid), (x + 44, mid)], &OUTCOME, 4)?;
        dot(area, (x + 22, mid), 7, &OUTCOME)?;
        let name = truncate(&clean(&chart.text.outcome_label), 300.0, LABEL_PX, false);
        text(area, &name, (x + 54, mid), &label)?;
        x += 54 + width(&name, LABEL_PX, false).clamp(0.0, 300.0) as i32 + 36;
    }
    if target {
        dashed(area, vec![(x, mid), (x + 48, mid)], (10, 7), &TARGET, 3)?;
        rect(area, (x + 8, mid - 3), (x + 40, mid + 3), &TARGET)?;
        let name = truncate(&clean(&chart.text.target_label), 300.0, LABEL_PX, false);
        text(area, &name, (x + 58, mid), &label)?;
    }
    Ok(())
}

fn draw_grid(area: &Area, plot: &Plot, tick_values: &[f64], chart: &LineChart) -> DrawResult {
    let tick_style = style(TICK_PX, false, &MUTED, Align::End, Baseline::Middle);
    for tick in tick_values {
        let y = plot.y(*tick);
        let (color, stroke) = if *tick == 0.0 { (&AXIS, 2) } else { (&GRID, 1) };
        line(area, vec![(plot.left, y), (plot.right, y)], color, stroke)?;
        text(
            area,
            &tick_text(*tick, chart.scale, chart.text.numbers),
            (plot.left - 12, y),
            &tick_style,
        )?;
    }
    Ok(())
}
