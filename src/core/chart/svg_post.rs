//! Finishing plotters' SVG for the web: responsive root, ARIA, `<title>`/`<desc>`.
//!
//! Guarantees: the returned document always starts with `<svg` and ends with
//! `</svg>`; the root carries a `viewBox`, `width="100%"` and no fixed height;
//! `role="img"` and `aria-labelledby` point at `<title>`/`<desc>`, which are
//! the first children. All text we insert is cleaned and XML-escaped, and ids
//! are restricted to `[A-Za-z0-9_-]`. Only the root tag is rewritten; the body
//! drawn by plotters is kept byte for byte.

use std::fmt::Write as _;

use super::spec::ChartText;
use super::text::clean;

/// Escapes the five XML special characters, for text and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// The caller's id reduced to `[A-Za-z0-9_-]`, starting with a letter (XML
/// ids cannot start with a digit or '-'); "chart" if nothing usable remains.
pub(super) fn sanitize_id(id: &str) -> String {
    let kept: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    match kept.chars().next() {
        None => String::from("chart"),
        Some(first) if first.is_ascii_alphabetic() => kept,
        Some(_) => format!("chart-{kept}"),
    }
}

/// Root tag plus `<title>` and `<desc>` for a `width`×`height` chart.
fn head(text: &ChartText, (width, height): (u32, u32)) -> String {
    let id = sanitize_id(&text.id);
    let mut out = String::new();
    // Writing to a String cannot fail; the result is ignored deliberately.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\n\
         <title id=\"{id}-title\">{title}</title>\n\
         <desc id=\"{id}-desc\">{desc}</desc>\n",
        title = escape(&clean(&text.title)),
        desc = escape(&clean(&text.description)),
    );
    out
}

/// Replaces plotters' root `<svg width=… height=…>` with ours and inserts
/// `<title>`/`<desc>`. Falls back to [`fallback`] if `raw` is not shaped as expected.
pub(super) fn finish(raw: &str, text: &ChartText, size: (u32, u32)) -> String {
    let body = raw
        .strip_prefix("<svg ")
        .and_then(|rest| rest.split_once('>'))
        .map(|(_, body)| body.trim_start_matches('\n'));
    match body {
        Some(body) if body.trim_end().ends_with("</svg>") => {
            let mut out = head(text, size);
            out.push_str(body.trim_end());
            out
        }
        _ => fallback(text, size),
    }
}

/// A minimal valid chart showing only the title and the empty label, used
/// when plotters reports an error, so callers always get a usable image.
pub(super) fn fallback(text: &ChartText, (width, height): (u32, u32)) -> String {
    let height = height.max(120);
    let mut out = head(text, (width, height));
    let _ = write!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n\
         <text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" \
         font-size=\"20\" fill=\"#1A1A1A\">{label}</text>\n</svg>",
        x = width / 2,
        y = height / 2,
        label = escape(&clean(&text.empty_label)),
    );
    out
}

/// Height in pixels of one line of a file's footer (period, source).
const FOOTER_LINE: u32 = 26;

/// The chart as a file of its own (a download for slides or the newsletter):
/// the root gets the fixed size of its `viewBox` instead of the page's
/// `width="100%"`, so other programs (and the PNG canvas) know how large it
/// is, and `footer` lines (the period, where the figures come from) are
/// printed under the chart, so a slide or a newsletter that shows the image
/// says what it shows and whose figures they are. Anything not drawn by
/// this module is returned as it is.
pub fn standalone(svg: &str, footer: &[String]) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_owned();
    };
    let root = &svg[..end];
    let size = root
        .split_once("viewBox=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(v, _)| v.split_whitespace().collect::<Vec<_>>());
    let (Some([_, _, w, h]), true) = (size.as_deref(), root.contains("width=\"100%\"")) else {
        return svg.to_owned();
    };
    let (Ok(width), Ok(height)) = (w.parse::<u32>(), h.parse::<u32>()) else {
        return svg.to_owned();
    };
    let lines: Vec<String> = footer
        .iter()
        .map(|l| escape(&clean(l)))
        .filter(|l| !l.is_empty())
        .collect();
    let extra = match lines.len() {
        0 => 0,
        n => FOOTER_LINE * u32::try_from(n).unwrap_or(1) + FOOTER_LINE / 2,
    };
    let total = height + extra;
    let fixed = root
        .replacen(
            &format!("viewBox=\"0 0 {w} {h}\""),
            &format!("viewBox=\"0 0 {width} {total}\""),
            1,
        )
        .replacen(
            "width=\"100%\"",
            &format!("width=\"{width}\" height=\"{total}\""),
            1,
        );
    let body = &svg[end..];
    if lines.is_empty() {
        return format!("{fixed}{body}");
    }
    let Some(close) = body.rfind("</svg>") else {
        return svg.to_owned();
    };
    let mut out = format!("{fixed}{}", &body[..close]);
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"{height}\" width=\"{width}\" height=\"{extra}\" fill=\"#FFFFFF\"/>"
    );
    for (n, line) in lines.iter().enumerate() {
        let y = height + FOOTER_LINE * (u32::try_from(n).unwrap_or(0) + 1);
        let _ = writeln!(
            out,
            "<text x=\"16\" y=\"{y}\" font-family=\"system-ui, sans-serif\" \
             font-size=\"16\" fill=\"#4D4D4D\">{line}</text>"
        );
    }
    out.push_str(&body[close..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_well_formed, sample_text};
    use super::*;

    #[test]
    fn escape_replaces_all_five_xml_specials() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn ids_are_sanitised_to_safe_characters() {
        assert_eq!(sanitize_id("chart-ind-3f2a"), "chart-ind-3f2a");
        assert_eq!(sanitize_id("a\"><script>b"), "ascriptb");
        assert_eq!(sanitize_id("3f2a"), "chart-3f2a");
        assert_eq!(sanitize_id("åäö"), "chart");
        assert_eq!(sanitize_id(""), "chart");
    }

    #[test]
    fn finish_rewrites_the_root_tag_and_inserts_title_and_desc_first() {
        let raw = "<svg width=\"900\" height=\"300\" viewBox=\"0 0 900 300\" \
                   xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let out = finish(raw, &sample_text("x1"), (900, 300));
        assert!(out.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 300\" width=\"100%\""
        ));
        assert!(!out.contains("height=\"300\""));
        assert!(out.contains("aria-labelledby=\"x1-title x1-desc\""));
        let title_at = out.find("<title id=\"x1-title\">");
        let rect_at = out.find("<rect/>");
        assert!(title_at.is_some() && title_at < out.find("<desc") && out.find("<desc") < rect_at);
        assert_well_formed(&out);
    }

    #[test]
    fn a_standalone_chart_has_the_size_of_its_view_box() {
        let page = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 436\" width=\"100%\" role=\"img\"><rect/></svg>";
        assert_eq!(
            standalone(page, &[]),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 436\" width=\"900\" height=\"436\" role=\"img\"><rect/></svg>"
        );
        assert_eq!(
            standalone("<svg width=\"10\"></svg>", &[]),
            "<svg width=\"10\"></svg>"
        );
        assert_eq!(standalone("not svg", &[]), "not svg");
    }

    #[test]
    fn a_standalone_chart_prints_its_period_and_source_under_the_drawing() {
        let page = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 436\" width=\"100%\" role=\"img\"><rect/></svg>";
        let out = standalone(
            page,
            &["Period: 2017".into(), "Källa: Förbund <Ö> & Co".into()],
        );
        assert!(out.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 501\" width=\"900\" height=\"501\""
        ));
        assert!(out.contains(">Period: 2017</text>"));
        assert!(out.contains(">Källa: Förbund &lt;Ö&gt; &amp; Co</text>"));
        assert!(out.find("<rect/>") < out.find("Period: 2017"));
        assert_well_formed(&out);
    }

    #[test]
    fn finish_falls_back_on_unexpected_input() {
        let out = finish("garbage", &sample_text("x"), (900, 50));
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"));
        assert!(out.contains("Inga värden"));
        assert_well_formed(&out);
    }
}
