//! Thin drawing layer over plotters' SVG backend in pixel coordinates.
//!
//! Guarantees: all drawing goes through plotters elements on the root drawing
//! area; nothing here panics (plotters errors are returned, and `render`
//! turns any failure into `None`). Text is cleaned of XML-illegal characters
//! before it reaches plotters, which escapes markup characters itself.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle, Text};
use plotters::style::{Color, RGBColor, ShapeStyle, TextStyle};

use super::text::clean;
use super::theme::PAPER;

/// The root drawing area every chart draws on (origin top left, y down).
pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// Result of a drawing step.
pub(super) type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;
/// A point in SVG user units.
pub(super) type Px = (i32, i32);

/// Runs `draw` on a white `size` canvas and returns plotters' raw SVG, or
/// `None` if any drawing step failed.
pub(super) fn render(size: (u32, u32), draw: impl FnOnce(&Area) -> DrawResult) -> Option<String> {
    let mut buf = String::new();
    let outcome = {
        let area = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        let result = area.fill(&PAPER).and_then(|()| draw(&area));
        let presented = area.present();
        result.and(presented)
    };
    match outcome {
        Ok(()) => Some(buf),
        Err(_) => None,
    }
}

fn solid(color: &RGBColor, stroke: u32, filled: bool) -> ShapeStyle {
    ShapeStyle {
        color: color.to_rgba(),
        filled,
        stroke_width: stroke,
    }
}

/// Draws one line of text (skipped when empty after cleaning).
pub(super) fn text(area: &Area, content: &str, at: Px, style: &TextStyle) -> DrawResult {
    let content = clean(content);
    if content.is_empty() {
        return Ok(());
    }
    area.draw(&Text::new(content, at, style.clone()))
}

/// Filled axis-aligned rectangle between two corners (skipped when empty).
pub(super) fn rect(area: &Area, from: Px, to: Px, color: &RGBColor) -> DrawResult {
    if from.0 == to.0 || from.1 == to.1 {
        return Ok(());
    }
    area.draw(&Rectangle::new([from, to], solid(color, 0, true)))
}

/// Solid polyline of the given stroke width.
pub(super) fn line(area: &Area, points: Vec<Px>, color: &RGBColor, stroke: u32) -> DrawResult {
    if points.len() < 2 {
        return Ok(());
    }
    area.draw(&PathElement::new(points, solid(color, stroke, false)))
}

/// Dashed polyline: `dash` units drawn, `gap` units blank.
pub(super) fn dashed(
    area: &Area,
    points: Vec<Px>,
    (dash, gap): (i32, i32),
    color: &RGBColor,
    stroke: u32,
) -> DrawResult {
    if points.len() < 2 {
        return Ok(());
    }
    area.draw(&DashedPathElement::new(
        points,
        dash,
        gap,
        solid(color, stroke, false),
    ))
}

/// Filled circle.
pub(super) fn dot(area: &Area, center: Px, radius: i32, color: &RGBColor) -> DrawResult {
    area.draw(&Circle::new(center, radius.max(1), solid(color, 1, true)))
}

/// Filled rectangle with opacity `alpha` (0–1), e.g. a plate behind text.
pub(super) fn rect_alpha(
    area: &Area,
    from: Px,
    to: Px,
    color: &RGBColor,
    alpha: f64,
) -> DrawResult {
    if from.0 == to.0 || from.1 == to.1 {
        return Ok(());
    }
    let style = ShapeStyle {
        color: color.mix(alpha.clamp(0.0, 1.0)),
        filled: true,
        stroke_width: 0,
    };
    area.draw(&Rectangle::new([from, to], style))
}
