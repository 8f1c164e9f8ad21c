//! Colours, font sizes and text styles shared by all charts.
//!
//! Guarantees: every text colour has at least 4.5:1 contrast against white and
//! every data colour (bars, lines, markers) at least 3:1 (WCAG 2.1 AA, checked
//! by tests); font sizes are in SVG user units for a ~900-unit-wide viewBox and
//! are emitted exactly as written here (e.g. `font-size="19"`).

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

/// Width of every chart's viewBox.
pub(super) const WIDTH: u32 = 900;
/// Left/right page margin.
pub(super) const MARGIN: i32 = 24;

/// Font stack: the platform UI font, falling back to any sans-serif.
const FAMILY: &str = "system-ui, sans-serif";

/// Chart title.
pub(super) const TITLE_PX: f64 = 24.0;
/// Row labels, period labels, legend.
pub(super) const LABEL_PX: f64 = 19.0;
/// Printed values next to bars, markers and points (bold).
pub(super) const VALUE_PX: f64 = 21.0;
/// Axis tick labels.
pub(super) const TICK_PX: f64 = 16.0;

/// Main text.
pub(super) const TEXT: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// Secondary text (ticks, "missing" notes).
pub(super) const MUTED: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);
/// Outcome bars and lines.
pub(super) const OUTCOME: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
/// Target markers and lines.
pub(super) const TARGET: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Background of a bullet row's value range (decorative).
pub(super) const TRACK: RGBColor = RGBColor(0xe4, 0xe8, 0xee);
/// Gridlines (decorative; values are printed as text).
pub(super) const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
/// Axis baseline.
pub(super) const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Page background and text on dark bars.
pub(super) const PAPER: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Status "met" (dark green).
pub(super) const STATUS_MET: RGBColor = RGBColor(0x1b, 0x6b, 0x2f);
/// Status "near" (dark amber).
pub(super) const STATUS_NEAR: RGBColor = RGBColor(0x8a, 0x53, 0x00);
/// Status "behind" (dark red).
pub(super) const STATUS_BEHIND: RGBColor = RGBColor(0xb0, 0x25, 0x1b);
/// Status "not yet known" of a yes/no goal (neutral grey).
pub(super) const STATUS_UNKNOWN: RGBColor = RGBColor(0x4a, 0x4f, 0x57);

/// Horizontal text alignment, decoupled from plotters' enum for call-site brevity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Start,
    Middle,
    End,
}

/// Vertical text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Baseline {
    /// Anchor is the top of the text.
    Top,
    /// Anchor is the visual middle of the text.
    Middle,
}

/// A plotters text style that the SVG backend prints as `font-size="{px}"`.
pub(super) fn style(
    px: f64,
    bold: bool,
    color: &'static RGBColor,
    align: Align,
    baseline: Baseline,
) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let h = match align {
        Align::Start => HPos::Left,
        Align::Middle => HPos::Center,
        Align::End => HPos::Right,
    };
    let v = match baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
    };
    TextStyle::from(FontDesc::new(
        FontFamily::Name(FAMILY),
        backend_size(px),
        weight,
    ))
    .color(color)
    .pos(Pos::new(h, v))
}

/// plotters' SVG backend writes `size / 1.24`; find the size that prints exactly `px`.
fn backend_size(px: f64) -> f64 {
    let guess = px * 1.24;
    let mut down = guess;
    let mut up = guess;
    for _ in 0..8 {
        if up / 1.24 == px {
            return up;
        }
        if down / 1.24 == px {
            return down;
        }
        up = up.next_up();
        down = down.next_down();
    }
    guess
}

/// WCAG relative luminance of a colour.
#[cfg(test)]
fn luminance(c: &RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
#[cfg(test)]
pub(super) fn contrast(a: &RGBColor, b: &RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_meet_wcag_aa_against_white() {
        for c in [
            TEXT,
            MUTED,
            STATUS_MET,
            STATUS_NEAR,
            STATUS_BEHIND,
            STATUS_UNKNOWN,
            OUTCOME,
        ] {
            assert!(contrast(&c, &PAPER) >= 4.5, "{c:?}");
        }
        // White value text printed inside outcome bars.
        assert!(contrast(&PAPER, &OUTCOME) >= 4.5);
    }

    #[test]
    fn data_colours_have_three_to_one_contrast_against_white_and_track() {
        for c in [OUTCOME, TARGET, AXIS] {
            assert!(contrast(&c, &PAPER) >= 3.0, "{c:?}");
            assert!(contrast(&c, &TRACK) >= 3.0, "{c:?}");
        }
        assert!(contrast(&TARGET, &OUTCOME) >= 1.5);
    }

    #[test]
    fn backend_size_round_trips_to_the_requested_pixel_size() {
        for px in [TITLE_PX, LABEL_PX, VALUE_PX, TICK_PX, 18.0, 20.0] {
            assert_eq!(format!("{}", backend_size(px) / 1.24), format!("{px}"));
        }
    }
}
