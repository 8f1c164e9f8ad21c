//! Text placement for the line chart: period labels and printed values.
//!
//! Guarantees: period labels are shown whole when they fit (one line or
//! wrapped onto two), otherwise every k-th label is shown; outcome values are
//! printed at every point unless they would collide, and target values at their
//! first point and wherever they change. Value labels sit on a translucent
//! white plate so crossing lines never make them unreadable.

use plotters::style::RGBColor;

use super::canvas::{rect_alpha, text, Area, DrawResult};
use super::line::Plot;
use super::spec::{present, LineChart};
use super::text::{clean, truncate, width, wrap};
use super::theme::{style, Align, Baseline, LABEL_PX, OUTCOME, PAPER, TARGET, TEXT, VALUE_PX};

/// Vertical extent of a printed value (top anchor to text bottom).
const VALUE_H: i32 = 24;
/// Line height of period labels.
const LABEL_LINE_H: i32 = 24;

/// How the period labels under the x axis are laid out.
pub(super) struct XLabels {
    lines: Vec<Vec<String>>,
    stride: usize,
}

impl XLabels {
    /// Decides between one line, two wrapped lines, or showing every k-th label.
    pub(super) fn plan(labels: &[String], slot_w: f64) -> Self {
        let room = (slot_w - 10.0).max(1.0);
        let widest = labels
            .iter()
            .map(|l| width(l, LABEL_PX, false))
            .fold(0.0, f64::max);
        if widest <= room {
            let lines = labels.iter().map(|l| vec![l.clone()]).collect();
            return XLabels { lines, stride: 1 };
        }
        let wrapped: Vec<Vec<String>> = labels
            .iter()
            .map(|l| wrap(l, room, LABEL_PX, false, 2))
            .collect();
        if wrapped.iter().flatten().all(|line| !line.ends_with('…')) {
            return XLabels {
                lines: wrapped,
                stride: 1,
            };
        }
        let stride_f = ((widest.min(240.0) + 12.0) / slot_w.max(0.01)).ceil();
        let stride = stride_f.clamp(1.0, labels.len().max(1) as f64) as usize;
        let room = slot_w * stride as f64 - 12.0;
        let lines = labels
            .iter()
            .map(|l| vec![truncate(l, room, LABEL_PX, false)])
            .collect();
        XLabels { lines, stride }
    }

    /// Number of text lines the labels need (1 or 2).
    pub(super) fn line_count(&self) -> i32 {
        if self.lines.iter().any(|l| l.len() > 1) {
            2
        } else {
            1
        }
    }

    /// Draws the labels centred under their points.
    pub(super) fn draw(&self, area: &Area, plot: &Plot) -> DrawResult {
        let label_style = style(LABEL_PX, false, &TEXT, Align::Middle, Baseline::Top);
        for (i, lines) in self.lines.iter().enumerate() {
            if i % self.stride.max(1) != 0 {
                continue;
            }
            let mut y = plot.bottom + 12;
            for line_text in lines {
                text(area, line_text, (plot.x(i), y), &label_style)?;
                y += LABEL_LINE_H;
            }
        }
        Ok(())
    }
}

/// Prints outcome values at every point (thinned only if they cannot fit) and
/// target values where they start or change, on opposite sides of the lines.
pub(super) fn draw_values(
    area: &Area,
    chart: &LineChart,
    plot: &Plot,
    outcome: &[Option<f64>],
    target: &[Option<f64>],
) -> DrawResult {
    let target_name = clean(&chart.text.target_label);
    let texts: Vec<(String, String)> = chart
        .points
        .iter()
        .map(|p| {
            let o = present(p.outcome.as_ref()).map(|m| clean(&m.text));
            let t = present(p.target.as_ref()).map(|m| clean(&m.text));
            (o.unwrap_or_default(), t.unwrap_or_default())
        })
        .collect();
    let widest = texts
        .iter()
        .map(|(o, _)| width(o, VALUE_PX, true))
        .fold(0.0, f64::max);
    let stride = plot.stride(widest.min(300.0));
    let room = plot.slot_width().max(90.0) * 2.0;
    let mut previous: Option<&str> = None;
    for (i, (o_text, t_text)) in texts.iter().enumerate() {
        let o = outcome.get(i).copied().flatten();
        let t = target.get(i).copied().flatten();
        let show_target = t.is_some() && previous != Some(t_text.as_str());
        previous = t.map(|_| t_text.as_str());
        let (o_y, t_y) = label_rows(plot, o, t);
        let x = plot.x(i);
        if let (Some(y), true) = (o_y, i % stride == 0 || i + 1 == texts.len()) {
            let caption = truncate(o_text, room, VALUE_PX, true);
            plated(area, &caption, (x, y), VALUE_PX, &OUTCOME)?;
        }
        if let (Some(y), true) = (t_y, show_target) {
            let caption = truncate(&format!("{target_name} {t_text}"), room, LABEL_PX, true);
            plated(area, &caption, (x, y + 2), LABEL_PX, &TARGET)?;
        }
    }
    Ok(())
}

/// Bold centred text on a translucent white plate (top-anchored at `at`).
fn plated(
    area: &Area,
    caption: &str,
    at: (i32, i32),
    px: f64,
    color: &'static RGBColor,
) -> DrawResult {
    if caption.is_empty() {
        return Ok(());
    }
    let half = (width(caption, px, true) / 2.0 * 0.9).clamp(0.0, 450.0) as i32 + 4;
    let h = (px * 1.15) as i32;
    rect_alpha(
        area,
        (at.0 - half, at.1 - 1),
        (at.0 + half, at.1 + h),
        &PAPER,
        0.8,
    )?;
    text(
        area,
        caption,
        at,
        &style(px, true, color, Align::Middle, Baseline::Top),
    )
}

/// Top y of the outcome and target labels at one point: the higher series is
/// labelled above, the lower below; near the axis both stack above.
pub(super) fn label_rows(
    plot: &Plot,
    o: Option<f64>,
    t: Option<f64>,
) -> (Option<i32>, Option<i32>) {
    let above = |v: f64| plot.y(v) - 12 - VALUE_H;
    let below = |v: f64| plot.y(v) + 12;
    let fits_below = |v: f64| below(v) + VALUE_H <= plot.bottom - 2;
    match (o, t) {
        (Some(o), Some(t)) if t > o => {
            if fits_below(o) {
                (Some(below(o)), Some(above(t)))
            } else {
                let o_y = above(o);
                (Some(o_y), Some(above(t).min(o_y - VALUE_H - 2)))
            }
        }
        (Some(o), Some(t)) => {
            let o_y = above(o);
            if fits_below(t) {
                (Some(o_y), Some(below(t)))
            } else {
                (Some(o_y), Some(o_y - VALUE_H - 2))
            }
        }
        (o, t) => (o.map(above), t.map(above)),
    }
}
