//! Names for downloaded files: plain lower-case ASCII, so a name survives
//! every file system, mail client and PowerPoint on a borrowed laptop.

/// `Ungdomsinsatserna: andel till arbete 2017` → `ungdomsinsatserna-andel-till-arbete-2017`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The file of a chart: `maltavla-<title>.<extension>`, at most 80 characters
/// of title.
pub fn chart_file(title: &str, extension: &str) -> String {
    let s = slug(title);
    let s = s.get(..s.len().min(80)).unwrap_or("").trim_end_matches('-');
    if s.is_empty() {
        format!("maltavla-diagram.{extension}")
    } else {
        format!("maltavla-{s}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_ascii() {
        assert_eq!(
            slug("Besökare på frukostmöten 2017"),
            "besokare-pa-frukostmoten-2017"
        );
        assert_eq!(slug("  <script>  "), "script");
        assert_eq!(
            chart_file("Andel till arbete: 65 %", "png"),
            "maltavla-andel-till-arbete-65.png"
        );
        assert_eq!(chart_file("???", "svg"), "maltavla-diagram.svg");
        assert!(chart_file(&"å".repeat(300), "svg").len() <= 80 + 13);
    }
}
