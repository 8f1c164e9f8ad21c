//! Test-only helpers: sample inputs and a small XML well-formedness checker.
//!
//! Guarantees: compiled only under `cfg(test)`; the checker rejects unbalanced
//! or misnested tags, unquoted or duplicate attributes, raw `<`/`&` in text or
//! attributes, unknown entities and anything outside a single root element;
//! every chart checked as accessible also has its colours checked for
//! contrast.

use super::spec::{ChartText, Measure, StatusLevel, StatusMark};
use plotters::style::RGBColor;

/// Chart texts with the given id, in Swedish as the app uses them.
pub(super) fn sample_text(id: &str) -> ChartText {
    ChartText {
        id: id.to_string(),
        title: "Andel till arbete eller studier, 2017".to_string(),
        description: "Utfall jämfört med mål för 2017.".to_string(),
        target_label: "Mål".to_string(),
        outcome_label: "Utfall".to_string(),
        category_label: "Indikator".to_string(),
        status_label: "Status".to_string(),
        empty_label: "Inga värden".to_string(),
        forecast_label: "Prognos".to_string(),
        numbers: crate::core::locale::Locale::Sv,
    }
}

/// A measure with the given value and caller text.
pub(super) fn m(value: f64, text: &str) -> Option<Measure> {
    Some(Measure {
        value,
        text: text.to_string(),
    })
}

/// A status mark.
pub(super) fn status(level: StatusLevel, text: &str) -> Option<StatusMark> {
    Some(StatusMark {
        level,
        text: text.to_string(),
    })
}

/// Panics with a message if `xml` is not a well-formed single-root document.
pub(super) fn assert_well_formed(xml: &str) {
    if let Err(problem) = check(xml) {
        panic!("not well-formed XML: {problem}\n{xml}");
    }
}

fn check_entities(text: &str) -> Result<(), String> {
    if text.contains('<') {
        return Err(format!("raw '<' in {text:?}"));
    }
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let after = &rest[at + 1..];
        let end = after
            .find(';')
            .ok_or_else(|| format!("unterminated entity in {text:?}"))?;
        let name = &after[..end];
        let numeric = name.strip_prefix("#x").map_or_else(
            || {
                name.strip_prefix('#')
                    .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            },
            |h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()),
        );
        if !numeric && !matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
            return Err(format!("unknown entity &{name};"));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

fn check_tag(inner: &str) -> Result<(String, bool), String> {
    let self_closing = inner.ends_with('/');
    let inner = inner.trim_end_matches('/');
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '-')
    {
        return Err(format!("bad tag name {name:?}"));
    }
    let mut rest = inner[name_end..].trim_start();
    let mut seen: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("attribute without value in <{inner}>"))?;
        let attr = rest[..eq].trim();
        if attr.is_empty() || seen.contains(&attr) {
            return Err(format!("empty or duplicate attribute {attr:?}"));
        }
        seen.push(attr);
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'');
        let quote = quote.ok_or_else(|| format!("unquoted attribute {attr}"))?;
        let close = value[1..]
            .find(quote)
            .ok_or_else(|| format!("unterminated {attr}"))?;
        check_entities(&value[1..=close])?;
        rest = value[close + 2..].trim_start();
    }
    Ok((name.to_string(), self_closing))
}

fn check(xml: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside root: {text:?}"));
        }
        check_entities(text)?;
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').ok_or("unterminated tag")?;
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = inner.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        if stack.is_empty() {
            roots += 1;
        }
        let (name, self_closing) = check_tag(inner)?;
        if !self_closing {
            stack.push(name);
        }
    }
    match (roots, stack.is_empty()) {
        (1, true) => Ok(()),
        (n, _) => Err(format!("{n} roots, unclosed {stack:?}")),
    }
}

#[test]
fn checker_rejects_broken_documents() {
    assert!(check("<a><b/></a>").is_ok());
    assert!(check("<a x=\"1 &amp; 2\">t &lt; u</a>").is_ok());
    assert!(check("<a><b></a>").is_err());
    assert!(check("<a>x < y</a>").is_err());
    assert!(check("<a>&nbsp;</a>").is_err());
    assert!(check("<a x=1></a>").is_err());
    assert!(check("<a x=\"1\" x=\"2\"></a>").is_err());
    assert!(check("<a></a><b></b>").is_err());
    assert!(check("<a><script>alert(1)</script></a>").is_ok());
}

/// Checks the accessibility frame every chart must have, plus well-formedness.
pub(super) fn assert_accessible_svg(svg: &str, id: &str) {
    assert!(svg.starts_with("<svg "), "must start with <svg");
    assert!(svg.ends_with("</svg>"), "must end with </svg>");
    assert_well_formed(svg);
    let root_end = svg.find('>').unwrap_or(0);
    let root = &svg[..root_end];
    assert!(root.contains("role=\"img\""));
    assert!(root.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")));
    assert!(root.contains("viewBox=\"0 0 "));
    assert!(root.contains("width=\"100%\""));
    assert!(
        !root.contains("height="),
        "root must not fix a height: {root}"
    );
    let after_root = svg[root_end + 1..].trim_start();
    assert!(after_root.starts_with(&format!("<title id=\"{id}-title\">")));
    assert!(svg.contains(&format!("<desc id=\"{id}-desc\">")));
    assert_colours_meet_contrast(svg);
}

/// The `#RRGGBB` values of `attr="…"` in `markup`.
fn colours(markup: &str, attr: &str) -> Vec<RGBColor> {
    let needle = format!("{attr}=\"#");
    markup
        .match_indices(&needle)
        .filter_map(|(at, _)| markup.get(at + needle.len()..at + needle.len() + 6))
        .map(|hex| {
            let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour");
            RGBColor(part(0), part(2), part(4))
        })
        .collect()
}

/// Text is drawn in colours with 4.5:1 against the white page (or white,
/// which only goes on the dark outcome bars; theme tests check that pair);
/// every other colour is a data colour with 3:1 against white, or one of
/// the decorative ones (background, track, gridlines), which carry no
/// information of their own (WCAG 1.4.3 and 1.4.11).
fn assert_colours_meet_contrast(svg: &str) {
    use super::theme::{contrast, GRID, PAPER, TRACK};
    for text in svg.split("<text ").skip(1) {
        let tag = text.split('>').next().unwrap_or("");
        for c in colours(tag, "fill") {
            assert!(
                c == PAPER || contrast(&c, &PAPER) >= 4.5,
                "text colour {c:?} has less than 4.5:1 against white"
            );
        }
    }
    let decorative = [PAPER, TRACK, GRID];
    for c in colours(svg, "fill")
        .into_iter()
        .chain(colours(svg, "stroke"))
    {
        assert!(
            decorative.contains(&c) || contrast(&c, &PAPER) >= 3.0,
            "colour {c:?} has less than 3:1 against white"
        );
    }
}

/// Number of non-overlapping occurrences of `needle`.
pub(super) fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}
