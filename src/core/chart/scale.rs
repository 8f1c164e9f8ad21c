//! Value-axis arithmetic: the axis maximum, tick positions and tick texts.
//!
//! Guarantees: every function is total. Non-finite or negative inputs never
//! panic; the returned axis maximum is always finite and strictly positive, and
//! fractions are clamped to `0.0..=1.0`, so geometry stays inside the plot.

use super::spec::Scale;
use crate::core::fmt_en::CURRENCY;
use crate::core::fmt_sv::grouped;
use crate::core::locale::Locale;

/// The mantissas a "nice" maximum may have (times a power of ten).
const NICE_MANTISSAS: [f64; 5] = [1.0, 2.0, 2.5, 5.0, 10.0];

/// Smallest "nice" number (1, 2, 2.5, 5 × 10^n) that is at or above `value`.
///
/// Exists so count axes end on a round number people can read at a glance.
/// Returns 1 for zero, negative or non-finite input.
pub(super) fn nice_max(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let exponent = value.log10().floor();
    let base = 10f64.powf(exponent);
    for mantissa in NICE_MANTISSAS {
        let candidate = mantissa * base;
        if !candidate.is_finite() {
            break;
        }
        // Tolerate rounding in `powf` (e.g. 1000 vs 999.9999999).
        if candidate >= value * (1.0 - 1e-12) {
            return candidate;
        }
    }
    value
}

/// The axis maximum for a scale, given every drawable value of the chart.
pub(super) fn axis_max(scale: Scale, values: impl IntoIterator<Item = f64>) -> f64 {
    let largest = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    match scale {
        Scale::Percent if largest <= 100.0 => 100.0,
        Scale::Percent | Scale::Count | Scale::Kronor => nice_max(largest),
    }
}

/// Tick values from 0 to `max` inclusive, 4 or 5 even steps chosen so that a
/// nice maximum gives round tick values (1000 → 0, 250, …, 1000).
pub(super) fn ticks(max: f64) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0];
    }
    let mantissa = max / 10f64.powf(max.log10().floor());
    let near = |m: f64| (mantissa - m).abs() < 1e-9;
    let steps: u32 = if near(2.5) || near(5.0) { 5 } else { 4 };
    (0..=steps)
        .map(|i| max * f64::from(i) / f64::from(steps))
        .collect()
}

/// Where `value` falls on an axis from 0 to `max`, clamped to `0.0..=1.0`.
pub(super) fn fraction(value: f64, max: f64) -> f64 {
    if !value.is_finite() || !max.is_finite() || max <= 0.0 {
        return 0.0;
    }
    (value / max).clamp(0.0, 1.0)
}

/// Pixel position `frac` of the way from `from` to `to`, rounded.
pub(super) fn lerp_px(from: i32, to: i32, frac: f64) -> i32 {
    let f = if frac.is_finite() {
        frac.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pos = f64::from(from) + (f64::from(to) - f64::from(from)) * f;
    // `as` saturates; the clamp above keeps us between the two ends anyway.
    pos.round() as i32
}

/// Tick label in the chart's locale: Swedish groups thousands with a
/// no-break space, writes a decimal comma, ` %` and `mnkr`/`tkr`; English
/// writes `1,250`, `0.5`, `25%` and `SEK 1.25M`/`SEK 250K`. Ticks are ours
/// (not caller data), so we format them.
pub(super) fn tick_text(value: f64, scale: Scale, locale: Locale) -> String {
    let number = |v: f64| decimal_number(v, locale);
    match (locale, scale) {
        (Locale::Sv, Scale::Percent) => format!("{}\u{a0}%", number(value)),
        (Locale::En, Scale::Percent) => format!("{}%", number(value)),
        (_, Scale::Count) => number(value),
        (Locale::Sv, Scale::Kronor) if value.abs() >= 1e6 => {
            format!("{}\u{a0}mnkr", number(value / 1e6))
        }
        (Locale::Sv, Scale::Kronor) if value.abs() >= 1e4 => {
            format!("{}\u{a0}tkr", number(value / 1e3))
        }
        (Locale::Sv, Scale::Kronor) => format!("{}\u{a0}kr", number(value)),
        (Locale::En, Scale::Kronor) if value.abs() >= 1e6 => {
            format!("{CURRENCY}\u{a0}{}M", number(value / 1e6))
        }
        (Locale::En, Scale::Kronor) if value.abs() >= 1e4 => {
            format!("{CURRENCY}\u{a0}{}K", number(value / 1e3))
        }
        (Locale::En, Scale::Kronor) => format!("{CURRENCY}\u{a0}{}", number(value)),
    }
}

/// A float with at most three decimals, grouped as the locale groups whole
/// numbers ([`grouped`]); `–` for a non-finite value.
fn decimal_number(value: f64, locale: Locale) -> String {
    let (separator, mark) = match locale {
        Locale::Sv => ('\u{a0}', ','),
        Locale::En => (',', '.'),
    };
    if !value.is_finite() {
        return String::from("–");
    }
    if value.abs() >= 1e15 {
        return format!("{value:.1e}").replace('.', &mark.to_string());
    }
    let fixed = format!("{:.3}", value.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let frac = frac_part.trim_end_matches('0');
    let whole = grouped(int_part.parse().unwrap_or(0), separator);
    let sign = if value < 0.0 && (whole != "0" || !frac.is_empty()) {
        "−"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{mark}{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_max_rounds_up_to_one_two_two_and_a_half_or_five() {
        assert_eq!(nice_max(975.0), 1000.0);
        assert_eq!(nice_max(390.0), 500.0);
        assert_eq!(nice_max(200.0), 200.0);
        assert_eq!(nice_max(183.0), 200.0);
        assert_eq!(nice_max(220.0), 250.0);
        assert_eq!(nice_max(1000.0), 1000.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(0.3), 0.5);
    }

    #[test]
    fn nice_max_survives_zero_negative_nan_and_huge_values() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(-5.0), 1.0);
        assert_eq!(nice_max(f64::NAN), 1.0);
        assert_eq!(nice_max(f64::INFINITY), 1.0);
        assert!(nice_max(f64::MAX).is_finite());
        assert!(nice_max(1e300) >= 1e300);
    }

    #[test]
    fn percent_axis_is_zero_to_hundred_unless_values_exceed_it() {
        assert_eq!(axis_max(Scale::Percent, [65.0, 58.0]), 100.0);
        assert_eq!(axis_max(Scale::Percent, []), 100.0);
        assert_eq!(axis_max(Scale::Percent, [130.0]), 200.0);
        assert_eq!(axis_max(Scale::Count, [65.0]), 100.0);
        assert_eq!(axis_max(Scale::Count, [975.0, 927.0, f64::NAN]), 1000.0);
        assert_eq!(axis_max(Scale::Count, []), 1.0);
    }

    #[test]
    fn ticks_land_on_round_values() {
        assert_eq!(ticks(1000.0), vec![0.0, 250.0, 500.0, 750.0, 1000.0]);
        assert_eq!(ticks(100.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(200.0), vec![0.0, 50.0, 100.0, 150.0, 200.0]);
        assert_eq!(ticks(500.0), vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
        assert_eq!(ticks(f64::NAN), vec![0.0]);
    }

    #[test]
    fn fraction_and_pixels_are_clamped() {
        assert_eq!(fraction(50.0, 100.0), 0.5);
        assert_eq!(fraction(500.0, 100.0), 1.0);
        assert_eq!(fraction(-3.0, 100.0), 0.0);
        assert_eq!(fraction(f64::NAN, 100.0), 0.0);
        assert_eq!(fraction(1.0, 0.0), 0.0);
        assert_eq!(lerp_px(100, 300, 0.5), 200);
        assert_eq!(lerp_px(300, 100, 0.25), 250);
        assert_eq!(lerp_px(0, 10, f64::NAN), 0);
    }

    #[test]
    fn tick_text_uses_swedish_separators() {
        let sv = |v, s| tick_text(v, s, Locale::Sv);
        assert_eq!(sv(1250.0, Scale::Count), "1\u{a0}250");
        assert_eq!(sv(0.5, Scale::Count), "0,5");
        assert_eq!(sv(25.0, Scale::Percent), "25\u{a0}%");
        assert_eq!(sv(1_000_000.0, Scale::Count), "1\u{a0}000\u{a0}000");
        assert_eq!(sv(f64::NAN, Scale::Count), "–");
        assert_eq!(sv(1_250_000.0, Scale::Kronor), "1,25\u{a0}mnkr");
        assert_eq!(sv(250_000.0, Scale::Kronor), "250\u{a0}tkr");
        assert_eq!(sv(500.0, Scale::Kronor), "500\u{a0}kr");
        assert_eq!(sv(0.0, Scale::Kronor), "0\u{a0}kr");
        assert_eq!(sv(-1250.5, Scale::Count), "−1\u{a0}250,5");
        assert!(sv(1e300, Scale::Count).starts_with("1,0e"));
    }

    #[test]
    fn tick_text_in_english_uses_commas_points_and_the_currency_code() {
        let en = |v, s| tick_text(v, s, Locale::En);
        assert_eq!(en(1250.0, Scale::Count), "1,250");
        assert_eq!(en(0.5, Scale::Count), "0.5");
        assert_eq!(en(25.0, Scale::Percent), "25%");
        assert_eq!(en(1_250_000.0, Scale::Kronor), "SEK\u{a0}1.25M");
        assert_eq!(en(250_000.0, Scale::Kronor), "SEK\u{a0}250K");
        assert_eq!(en(500.0, Scale::Kronor), "SEK\u{a0}500");
        assert!(en(1e300, Scale::Count).starts_with("1.0e"));
    }
}
