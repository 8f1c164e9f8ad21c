//! Text preparation for drawing: cleaning, width estimates, truncation, wrapping.
//!
//! Guarantees: output strings contain only characters that are legal in XML 1.0
//! and no line breaks (SVG `<text>` is single-line); truncation happens on
//! `char` boundaries and marks cut text with "…". Widths are deliberately
//! generous estimates (no font access): layout must stay readable when the real
//! font is a little narrower or wider.

/// Horizontal ellipsis appended to truncated text.
const ELLIPSIS: char = '…';

/// Removes characters XML cannot carry and folds breaking whitespace runs
/// (including newlines and tabs) into single spaces, trimmed. No-break spaces
/// (as in Swedish "1\u{a0}234" or "15\u{a0}%") are kept as they are.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') {
            pending_space = !out.is_empty();
        } else if is_xml_char(c) && !c.is_control() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// XML 1.0 `Char` production (minus the whitespace handled by `clean`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Approximate advance width of one character, in em.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | '\u{a0}' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.44,
        'm' | 'w' | 'M' | 'W' | '%' | '…' | '—' | '@' => 0.95,
        c if c.is_uppercase() => 0.74,
        '0'..='9' => 0.64,
        _ => 0.62,
    }
}

/// Estimated rendered width in px of `text` at font size `px`.
pub(super) fn width(text: &str, px: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_em).sum();
    em * px * if bold { 1.1 } else { 1.0 }
}

/// `text` cut to fit `max_px` (estimated), ending with "…" when cut.
pub(super) fn truncate(text: &str, max_px: f64, px: f64, bold: bool) -> String {
    if width(text, px, bold) <= max_px {
        return text.to_string();
    }
    let budget = max_px - width("…", px, bold);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * px * if bold { 1.1 } else { 1.0 };
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push(ELLIPSIS);
    out
}

/// Greedy word wrap into at most `max_lines` lines of `max_px`; the last line
/// is truncated with "…" if text remains. Always returns at least one line.
pub(super) fn wrap(text: &str, max_px: f64, px: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split(' ').filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate, px, bold) <= max_px || current.is_empty() {
            current = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
            current = format!("{current} {}", rest.join(" "));
            break;
        }
        lines.push(std::mem::take(&mut current));
        current = word.to_string();
    }
    lines.push(current);
    lines
        .into_iter()
        .map(|line| truncate(&line, max_px, px, bold))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_control_characters_and_folds_whitespace() {
        assert_eq!(clean("  a\n\tb\u{0}c\u{7}  "), "a bc");
        assert_eq!(clean("Östra Södertörn"), "Östra Södertörn");
        assert_eq!(clean("\u{FFFF}x"), "x");
        assert_eq!(clean("1\u{a0}234\u{202f}%"), "1\u{a0}234\u{202f}%");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn truncate_keeps_short_text_and_cuts_long_text_with_ellipsis() {
        assert_eq!(truncate("Deltagare", 500.0, 18.0, false), "Deltagare");
        let long = "å".repeat(400);
        let cut = truncate(&long, 300.0, 18.0, false);
        assert!(cut.ends_with('…'));
        assert!(width(&cut, 18.0, false) <= 300.0);
        assert_eq!(truncate("abc", 0.0, 18.0, false), "…");
    }

    #[test]
    fn wrap_splits_on_words_and_limits_the_number_of_lines() {
        let lines = wrap(
            "Ungdomsinsatserna: andel till arbete eller studier",
            300.0,
            24.0,
            true,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| width(l, 24.0, true) <= 300.0));
        assert_eq!(wrap("Kort", 300.0, 24.0, true, 2), vec!["Kort".to_string()]);
        assert_eq!(wrap("", 300.0, 24.0, true, 2), vec![String::new()]);
        let many = wrap(&"ord ".repeat(200), 200.0, 20.0, false, 2);
        assert_eq!(many.len(), 2);
        assert!(many.last().is_some_and(|l| l.ends_with('…')));
    }
}
