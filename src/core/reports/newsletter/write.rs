//! The block written out: plain text, Markdown and HTML.
//!
//! Guarantees: a part left out writes nothing (no heading over an empty
//! list); text typed by users is escaped for Markdown and HTML (plain text
//! is as typed); only http(s) invitation addresses become links.

use super::Newsletter;

/// Plain text, for an e-mail or a text field.
pub fn to_text(n: &Newsletter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !n.figures.is_empty() {
        let mut out = format!("{}\n", n.figures_heading);
        for f in &n.figures {
            out.push_str(&format!("- {f}\n"));
        }
        parts.push(out);
    }
    if !n.meetings.is_empty() {
        let mut out = format!("{}\n", n.lang.meetings_heading());
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("\n{}\n", g.heading));
            }
            for m in &g.items {
                out.push_str(&format!("{} {}", m.day, m.text));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(" {}: {url}", n.lang.invitation()));
                }
                out.push('\n');
            }
        }
        parts.push(out);
    }
    if let Some(intro) = &n.slots_intro {
        let mut out = format!("{}\n{intro}\n", n.lang.slots_heading());
        if !n.slots.is_empty() {
            out.push_str(&format!("{}\n", n.slots.join(" • ")));
        }
        parts.push(out);
    }
    parts.join("\n")
}

/// Escapes the characters Markdown would read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Markdown, for a web page or a newsletter tool that reads it.
pub fn to_markdown(n: &Newsletter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !n.figures.is_empty() {
        let mut out = format!("**{}**\n\n", md(&n.figures_heading));
        for f in &n.figures {
            out.push_str(&format!("- {}\n", md(f)));
        }
        parts.push(out);
    }
    if !n.meetings.is_empty() {
        let mut out = format!("## {}\n", n.lang.meetings_heading());
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("\n**{}**\n\n", md(&g.heading)));
            }
            for m in &g.items {
                out.push_str(&format!("- {} {}", m.day, md(&m.text)));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(
                        " [{}](<{}>)",
                        n.lang.invitation(),
                        url.replace(['<', '>'], "")
                    ));
                }
                out.push('\n');
            }
        }
        parts.push(out);
    }
    if let Some(intro) = &n.slots_intro {
        let slots: Vec<String> = n.slots.iter().map(|s| md(s)).collect();
        let mut out = format!("## {}\n\n{}\n", n.lang.slots_heading(), md(intro));
        if !slots.is_empty() {
            out.push_str(&format!("{}\n", slots.join(" • ")));
        }
        parts.push(out);
    }
    parts.join("\n")
}

/// Escapes text for HTML content and attribute values.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// HTML, for the förbund's web page or a newsletter tool.
pub fn to_html(n: &Newsletter) -> String {
    let mut out = String::new();
    if !n.figures.is_empty() {
        out.push_str(&format!(
            "<p><strong>{}</strong></p>\n<ul>\n",
            html(&n.figures_heading)
        ));
        for f in &n.figures {
            out.push_str(&format!("<li>{}</li>\n", html(f)));
        }
        out.push_str("</ul>\n");
    }
    if !n.meetings.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n", n.lang.meetings_heading()));
        for g in &n.meetings {
            if !g.heading.is_empty() {
                out.push_str(&format!("<h3>{}</h3>\n", html(&g.heading)));
            }
            out.push_str("<ul>\n");
            for m in &g.items {
                out.push_str(&format!("<li>{} {}", m.day, html(&m.text)));
                if let Some(url) = &m.invitation {
                    out.push_str(&format!(
                        " <a href=\"{}\">{}</a>",
                        html(url),
                        n.lang.invitation()
                    ));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
    if let Some(intro) = &n.slots_intro {
        let slots: Vec<String> = n.slots.iter().map(|s| html(s)).collect();
        out.push_str(&format!(
            "<h2>{}</h2>\n<p>{}",
            n.lang.slots_heading(),
            html(intro)
        ));
        if !slots.is_empty() {
            out.push_str(&format!("<br>\n{}", slots.join(" • ")));
        }
        out.push_str("</p>\n");
    }
    out
}
