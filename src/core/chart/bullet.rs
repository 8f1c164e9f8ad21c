//! Bullet chart: one horizontal row per indicator, outcome bar vs target marker.
//!
//! Guarantees: every row prints its label, its outcome and target as
//! "{label} {text}" next to the bar and marker, and its status as symbol plus
//! text (never colour alone); a forecast is a hollow diamond on the track,
//! named after the target's text and in the legend only when a row has one.
//! Missing, NaN or infinite values are skipped,
//! negatives draw as zero and values above the axis are clamped; an empty chart
//! draws a frame with the empty label. The height grows with the row count.

use super::canvas::{line, rect, render, text, Area, DrawResult};
use super::scale::{axis_max, fraction, lerp_px, tick_text, ticks};
use super::spec::{present, BulletChart, BulletRow, Scale, StatusLevel};
use super::svg_post::{fallback, finish};
use super::text::{clean, truncate, width, wrap};
use super::theme::{
    style, Align, Baseline, LABEL_PX, MARGIN, MUTED, OUTCOME, PAPER, STATUS_BEHIND, STATUS_MET,
    STATUS_NEAR, STATUS_UNKNOWN, TARGET, TEXT, TICK_PX, TITLE_PX, TRACK, VALUE_PX, WIDTH,
};
use crate::core::locale::Locale;

/// Left end of the value track.
const TRACK_LEFT: i32 = MARGIN;
/// Right end of the value track (room left for the last tick label).
const TRACK_RIGHT: i32 = WIDTH as i32 - MARGIN - 24;
/// Gap between the top of a row and the top of its bar (the label line).
const LABEL_GAP: i32 = 36;
/// Height of a bar.
const BAR_H: i32 = 40;
/// How far the target marker sticks out above and below the bar.
const MARKER_OVERHANG: i32 = 9;
/// Full height of one row including the target text and spacing.
const ROW_H: i32 = LABEL_GAP + BAR_H + MARKER_OVERHANG + 30 + 22;
/// Height of the "no values" frame.
const EMPTY_H: i32 = 120;

/// Draws a bullet chart as an accessible, responsive SVG string.
///
/// Exists so the app can show outcome-vs-target per indicator with every
/// number printed, readable on a projector.
pub fn bullet_chart_svg(chart: &BulletChart) -> String {
    let layout = Layout::new(chart);
    let size = (WIDTH, layout.height());
    match render(size, |area| draw(area, chart, &layout)) {
        Some(raw) => finish(&raw, &chart.text, size),
        None => fallback(&chart.text, size),
    }
}

/// The same chart as [`bullet_chart_svg`] without its rows: the same size,
/// `<title>`, `<desc>`, title lines and legend, and no bar, marker or axis.
///
/// Exists so a chart taller than many screens (a region's board of hundreds
/// of targets) can hold its place, and name what it shows, until it comes
/// near the screen: a few elements instead of a dozen per row.
pub fn bullet_chart_outline(chart: &BulletChart) -> String {
    let layout = Layout::new(chart);
    let size = (WIDTH, layout.height());
    let drawn = render(size, |area| {
        draw_title(area, &layout)?;
        if chart.rows.is_empty() {
            return Ok(());
        }
        draw_legend(area, chart, layout.legend_y)
    });
    match drawn {
        Some(raw) => finish(&raw, &chart.text, size),
        None => fallback(&chart.text, size),
    }
}

/// Vertical positions worked out once, before drawing.
struct Layout {
    title: Vec<String>,
    legend_y: i32,
    rows_y: i32,
    rows_end: i32,
    max: f64,
}

impl Layout {
    fn new(chart: &BulletChart) -> Self {
        let title = wrap(
            &clean(&chart.text.title),
            f64::from(WIDTH) - 48.0,
            TITLE_PX,
            true,
            2,
        );
        let title_h = 30 * i32::try_from(title.len()).unwrap_or(2);
        let values = chart.rows.iter().flat_map(|row| {
            [
                present(row.target.as_ref()),
                present(row.outcome.as_ref()),
                present(row.forecast.as_ref()),
            ]
            .into_iter()
            .flatten()
            .filter_map(|m| m.drawable())
        });
        let legend_y = 18 + title_h + 12;
        let rows_y = legend_y + 28 + 26;
        let rows_h = if chart.rows.is_empty() {
            EMPTY_H
        } else {
            // Absurd row counts saturate instead of overflowing; nothing panics.
            i32::try_from(chart.rows.len())
                .unwrap_or(i32::MAX)
                .saturating_mul(ROW_H)
        };
        Layout {
            title,
            legend_y,
            rows_y,
            rows_end: rows_y.saturating_add(rows_h),
            max: axis_max(chart.scale, values),
        }
    }

    fn height(&self) -> u32 {
        u32::try_from(self.rows_end.saturating_add(48)).unwrap_or(u32::MAX)
    }
}

fn draw_title(area: &Area, layout: &Layout) -> DrawResult {
    let title_style = style(TITLE_PX, true, &TEXT, Align::Start, Baseline::Top);
    let mut y = 18;
    for line_text in &layout.title {
        text(area, line_text, (MARGIN, y), &title_style)?;
        y += 30;
    }
    Ok(())
}

fn draw(area: &Area, chart: &BulletChart, layout: &Layout) -> DrawResult {
    draw_title(area, layout)?;
    if chart.rows.is_empty() {
        return draw_empty(area, &chart.text.empty_label, layout.rows_y);
    }
    draw_legend(area, chart, layout.legend_y)?;
    let mut y = layout.rows_y;
    for row in &chart.rows {
        // Pixel space is i32; an absurd row count stops here instead of overflowing.
        if y > i32::MAX / 2 {
            break;
        }
        draw_row(area, chart, row, y, layout.max)?;
        y += ROW_H;
    }
    draw_axis(
        area,
        (chart.scale, chart.text.numbers),
        layout.max,
        layout.rows_end.min(y),
    )
}

/// Legend distinguishing bar and marker by shape, not only colour.
fn draw_legend(area: &Area, chart: &BulletChart, y: i32) -> DrawResult {
    let label = style(LABEL_PX, false, &TEXT, Align::Start, Baseline::Middle);
    let mid = y + 13;
    let mut x = MARGIN;
    rect(area, (x, mid - 10), (x + 34, mid + 10), &OUTCOME)?;
    x += 44;
    let outcome = clean(&chart.text.outcome_label);
    text(area, &outcome, (x, mid), &label)?;
    x += legend_width(&outcome) + 32;
    rect(area, (x + 8, mid - 14), (x + 14, mid + 14), &TARGET)?;
    text(area, &chart.text.target_label, (x + 26, mid), &label)?;
    if chart
        .rows
        .iter()
        .any(|r| present(r.forecast.as_ref()).is_some())
    {
        x += 26 + legend_width(&clean(&chart.text.target_label)) + 32;
        diamond(area, x + 10, mid)?;
        text(area, &chart.text.forecast_label, (x + 28, mid), &label)?;
    }
    Ok(())
}

/// The forecast's mark: a hollow diamond, a shape of its own beside the
/// bar and the target's line.
fn diamond(area: &Area, x: i32, mid: i32) -> DrawResult {
    let r = 11;
    let points = vec![
        (x, mid - r),
        (x + r, mid),
        (x, mid + r),
        (x - r, mid),
        (x, mid - r),
    ];
    line(area, points.clone(), &PAPER, 7)?;
    line(area, points, &TARGET, 3)
}

fn legend_width(text_: &str) -> i32 {
    // Bounded by truncation elsewhere; clamp keeps the cast safe.
    width(text_, LABEL_PX, false).clamp(0.0, 400.0) as i32
}

fn draw_empty(area: &Area, empty_label: &str, y: i32) -> DrawResult {
    rect(
        area,
        (TRACK_LEFT, y),
        (TRACK_RIGHT + 24, y + EMPTY_H - 20),
        &TRACK,
    )?;
    let note = style(VALUE_PX, false, &TEXT, Align::Middle, Baseline::Middle);
    text(
        area,
        empty_label,
        ((TRACK_LEFT + TRACK_RIGHT + 24) / 2, y + (EMPTY_H - 20) / 2),
        &note,
    )
}

/// Symbol and colour for a status; the caller's text carries the meaning.
fn status_look(level: StatusLevel) -> (&'static str, &'static plotters::style::RGBColor) {
    match level {
        StatusLevel::Met => ("✓", &STATUS_MET),
        StatusLevel::Near => ("≈", &STATUS_NEAR),
        StatusLevel::Behind => ("✗", &STATUS_BEHIND),
        StatusLevel::Unknown => ("?", &STATUS_UNKNOWN),
    }
}

fn draw_row(area: &Area, chart: &BulletChart, row: &BulletRow, y: i32, max: f64) -> DrawResult {
    let track_w = f64::from(TRACK_RIGHT - TRACK_LEFT);
    let mut label_room = track_w + 24.0;
    if let Some(status) = &row.status {
        let (symbol, color) = status_look(status.level);
        let shown = truncate(
            &format!("{symbol} {}", clean(&status.text)),
            260.0,
            LABEL_PX,
            true,
        );
        label_room -= width(&shown, LABEL_PX, true) + 24.0;
        let status_style = style(LABEL_PX, true, color, Align::End, Baseline::Top);
        text(area, &shown, (TRACK_RIGHT + 24, y), &status_style)?;
    }
    let label = truncate(&clean(&row.label), label_room, LABEL_PX, false);
    text(
        area,
        &label,
        (TRACK_LEFT, y),
        &style(LABEL_PX, false, &TEXT, Align::Start, Baseline::Top),
    )?;

    let top = y + LABEL_GAP;
    let bottom = top + BAR_H;
    rect(area, (TRACK_LEFT, top), (TRACK_RIGHT, bottom), &TRACK)?;
    let all_ticks = ticks(max);
    for tick in all_ticks
        .iter()
        .skip(1)
        .take(all_ticks.len().saturating_sub(2))
    {
        let x = lerp_px(TRACK_LEFT, TRACK_RIGHT, fraction(*tick, max));
        line(area, vec![(x, top), (x, bottom)], &PAPER, 2)?;
    }
    let target = present(row.target.as_ref());
    let outcome = present(row.outcome.as_ref());
    let to_x = |v: f64| lerp_px(TRACK_LEFT, TRACK_RIGHT, fraction(v, max));
    let target_x = target.and_then(|m| m.drawable()).map(to_x);

    if let Some(m) = outcome {
        let end = to_x(m.drawable().unwrap_or(0.0));
        rect(area, (TRACK_LEFT, top), (end, bottom), &OUTCOME)?;
        let caption = format!("{} {}", clean(&chart.text.outcome_label), clean(&m.text));
        draw_outcome_text(area, &caption, end, target_x, (top + bottom) / 2)?;
    } else if target.is_some() {
        let note = style(LABEL_PX, false, &MUTED, Align::Start, Baseline::Middle);
        let caption = format!("{} –", clean(&chart.text.outcome_label));
        let x = if target_x.is_some_and(|t| t < TRACK_LEFT + 150) {
            TRACK_RIGHT - 130
        } else {
            TRACK_LEFT + 12
        };
        text(area, &caption, (x, (top + bottom) / 2), &note)?;
    } else {
        let note = style(LABEL_PX, false, &MUTED, Align::Start, Baseline::Middle);
        text(
            area,
            &chart.text.empty_label,
            (TRACK_LEFT + 12, (top + bottom) / 2),
            &note,
        )?;
    }

    let forecast = present(row.forecast.as_ref());
    if let Some(x) = forecast.and_then(|m| m.drawable()).map(to_x) {
        diamond(area, x, (top + bottom) / 2)?;
    }
    let forecast_text =
        forecast.map(|m| format!("{} {}", clean(&chart.text.forecast_label), clean(&m.text)));
    if let (Some(m), Some(x)) = (target, target_x) {
        rect(
            area,
            (x - 5, top - MARKER_OVERHANG),
            (x + 5, bottom + MARKER_OVERHANG),
            &PAPER,
        )?;
        rect(
            area,
            (x - 3, top - MARKER_OVERHANG),
            (x + 3, bottom + MARKER_OVERHANG),
            &TARGET,
        )?;
        let mut caption = format!("{} {}", clean(&chart.text.target_label), clean(&m.text));
        if let Some(f) = &forecast_text {
            caption = format!("{caption} · {f}");
        }
        let caption = truncate(&caption, track_w, VALUE_PX, true);
        let half = (width(&caption, VALUE_PX, true) / 2.0).clamp(0.0, track_w / 2.0) as i32;
        let cx = x.clamp(TRACK_LEFT + half, TRACK_RIGHT + 24 - half);
        let value = style(VALUE_PX, true, &TARGET, Align::Middle, Baseline::Top);
        text(area, &caption, (cx, bottom + MARKER_OVERHANG + 4), &value)?;
    } else if let Some(f) = &forecast_text {
        let value = style(VALUE_PX, true, &TARGET, Align::Start, Baseline::Top);
        let caption = truncate(f, track_w, VALUE_PX, true);
        text(
            area,
            &caption,
            (TRACK_LEFT, bottom + MARKER_OVERHANG + 4),
            &value,
        )?;
    }
    Ok(())
}

/// Puts "Utfall 927" inside the bar when it fits, otherwise right of the bar
/// end, and always clear of the target marker.
fn draw_outcome_text(
    area: &Area,
    caption: &str,
    end: i32,
    target_x: Option<i32>,
    mid: i32,
) -> DrawResult {
    let caption = truncate(caption, 360.0, VALUE_PX, true);
    let w = width(&caption, VALUE_PX, true).clamp(0.0, 400.0) as i32;
    let clear = |from: i32, to: i32| target_x.is_none_or(|t| t + 8 < from || t - 8 > to);
    // Inside, right-aligned at the bar end (or just left of a marker inside the bar).
    let inside_end = match target_x {
        Some(t) if t < end - 4 && !clear(end - 12 - w, end - 12) => t - 14,
        _ => end - 12,
    };
    if inside_end - w >= TRACK_LEFT + 8 {
        let white = style(VALUE_PX, true, &PAPER, Align::End, Baseline::Middle);
        return text(area, &caption, (inside_end, mid), &white);
    }
    let mut start = end + 12;
    if let Some(t) = target_x {
        if !clear(start, start + w) {
            start = t + 14;
        }
    }
    let start = start.min(TRACK_RIGHT + 24 - w).max(TRACK_LEFT);
    let dark = style(VALUE_PX, true, &OUTCOME, Align::Start, Baseline::Middle);
    text(area, &caption, (start, mid), &dark)
}

/// Tick labels under the last row, so values can be compared across rows.
fn draw_axis(area: &Area, (scale, numbers): (Scale, Locale), max: f64, y: i32) -> DrawResult {
    line(area, vec![(TRACK_LEFT, y), (TRACK_RIGHT, y)], &MUTED, 1)?;
    let tick_style = style(TICK_PX, false, &MUTED, Align::Middle, Baseline::Top);
    for tick in ticks(max) {
        let x = lerp_px(TRACK_LEFT, TRACK_RIGHT, fraction(tick, max));
        line(area, vec![(x, y), (x, y + 6)], &MUTED, 1)?;
        text(
            area,
            &tick_text(tick, scale, numbers),
            (x, y + 10),
            &tick_style,
        )?;
    }
    Ok(())
}
