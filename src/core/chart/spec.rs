//! Plain data describing a chart: what the caller hands in, nothing about drawing.
//!
//! Guarantees: every type here is inert data (no I/O, no formatting of numbers).
//! Numbers arrive already formatted in Swedish by the caller; the chart code only
//! uses [`Measure::value`] for geometry and always prints [`Measure::text`].
//! A measure whose value is NaN or infinite counts as missing everywhere
//! (chart and table alike), so the two views never disagree.

/// How the value axis is chosen, so percentages keep an honest 0–100 % frame
/// while counts get a round maximum just above the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Axis 0..=100 unless some value exceeds 100; then a "nice" maximum above it.
    Percent,
    /// Axis 0..a "nice" maximum (1, 2, 2.5, 5 × 10^n) at or above the largest value.
    Count,
    /// As [`Scale::Count`], for whole kronor: ticks read `1,2 mnkr`,
    /// `250 tkr`, `500 kr`.
    Kronor,
}

/// One number: the raw value for geometry plus the caller's Swedish text for display,
/// so the chart never has to know about number formatting or locales.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Used only for positions and lengths. NaN/infinite means "missing".
    pub value: f64,
    /// Printed as-is, e.g. "15 %", "1 234", "0,5 %".
    pub text: String,
}

impl Measure {
    /// The value if it can be drawn (finite), clamped so negatives draw as zero.
    pub(super) fn drawable(&self) -> Option<f64> {
        if self.value.is_finite() {
            Some(self.value.max(0.0))
        } else {
            None
        }
    }
}

/// Returns the measure only if its value is finite; the single definition of "missing".
pub(super) fn present(measure: Option<&Measure>) -> Option<&Measure> {
    measure.filter(|m| m.value.is_finite())
}

/// Traffic-light level of a row, carried separately from its text so the text
/// (not the colour) is what conveys the meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusLevel {
    /// The target is reached.
    Met,
    /// Close to the target.
    Near,
    /// Clearly behind the target.
    Behind,
    /// A yes/no goal whose answer is not yet known.
    Unknown,
}

/// A status shown as text on a bullet row, e.g. "Uppnått", "Nära", "Efter".
#[derive(Debug, Clone, PartialEq)]
pub struct StatusMark {
    /// Decides symbol and colour.
    pub level: StatusLevel,
    /// Caller's wording, printed next to the symbol.
    pub text: String,
}

/// All human-readable text of a chart, so the drawing code holds no Swedish
/// strings of its own and screen readers get the caller's wording.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartText {
    /// Unique DOM id prefix, e.g. "chart-ind-3f2a"; sanitised to `[A-Za-z0-9_-]`.
    pub id: String,
    /// Short title, drawn at the top and used in `<title>` and the table caption.
    pub title: String,
    /// Longer text alternative written by the caller; goes into `<desc>`.
    pub description: String,
    /// Word for the target, e.g. "Mål".
    pub target_label: String,
    /// Word for the outcome, e.g. "Utfall".
    pub outcome_label: String,
    /// First table column header, e.g. "Indikator" or "Period".
    pub category_label: String,
    /// Header of the status column in the bullet table, e.g. "Status".
    pub status_label: String,
    /// Shown when there is nothing to draw, e.g. "Inga värden".
    pub empty_label: String,
    /// Word for a forecast, e.g. "Prognos"; used only when a row has one.
    pub forecast_label: String,
    /// How the axis ticks write numbers (the caller's figures come written).
    pub numbers: crate::core::locale::Locale,
}

/// One horizontal row of a bullet chart: an outcome bar against a target marker.
#[derive(Debug, Clone, PartialEq)]
pub struct BulletRow {
    /// Row label, e.g. the indicator name.
    pub label: String,
    /// Drawn as a dark vertical marker.
    pub target: Option<Measure>,
    /// Drawn as a filled bar.
    pub outcome: Option<Measure>,
    /// Optional status printed as text on the row.
    pub status: Option<StatusMark>,
    /// A forecast for the whole period, drawn as a hollow diamond on the
    /// track and printed after the target's text.
    pub forecast: Option<Measure>,
}

/// A bullet chart: outcome bars vs target markers, one row per indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct BulletChart {
    /// Titles, labels and accessibility text.
    pub text: ChartText,
    /// How the value axis is chosen.
    pub scale: Scale,
    /// Rows in display order.
    pub rows: Vec<BulletRow>,
}

/// One period of a line chart; either value may be missing.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    /// Period label, e.g. "2016" or "H1 2018".
    pub label: String,
    /// Outcome for the period (solid line).
    pub outcome: Option<Measure>,
    /// Target for the period (dashed line).
    pub target: Option<Measure>,
}

/// A line chart over periods, outcome vs target.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// Titles, labels and accessibility text.
    pub text: ChartText,
    /// How the value axis is chosen.
    pub scale: Scale,
    /// Periods in display order.
    pub points: Vec<LinePoint>,
}

/// A chart's data as a plain table, so the same numbers are available to
/// screen readers and as a non-graphical alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// Table caption (the chart title).
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Body rows; each has as many cells as there are headers.
    pub rows: Vec<Vec<String>>,
}
