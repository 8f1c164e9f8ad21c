//! Recognising Swedish personal identity numbers (personnummer) and
//! coordination numbers (samordningsnummer) in text, so that a file, a cell
//! or a form field holding one can be refused before anything is stored:
//! the app's data must never contain one.
//!
//! Recognised: a date of six digits (`YYMMDD`) or eight (`YYYYMMDD`, the
//! century 18, 19 or 20), then four digits (`NNNC`), anywhere in a text but
//! not inside a longer run of digits. Between date and tail there may be
//! nothing, or a separator as people and programs write it:
//! - a hyphen or plus sign, or any dash that stands for one: the en dash
//!   (what Windows-1252's byte 0x96 becomes, so Excel's "CSV
//!   (semikolonavgränsad)" turns `850709-9805` typed in Word into
//!   `850709–9805`), the em dash, the minus sign, the hyphen and
//!   non-breaking hyphen (U+2010, U+2011), the figure dash, the soft hyphen;
//! - one space of any kind on the line (a space, a tab, a no-break or
//!   narrow no-break space, a thin space …);
//! - a dash with one such space on either side or both (`850709 - 9805`).
//!
//! The date must exist (a samordningsnummer adds 60 to the day) and the
//! last digit must be the Luhn check digit of the ten-digit form.
//!
//! False alarms are kept rare by what is *not* read as a separator, and
//! each of these has a test among the near misses: a line break (a note's
//! line ending in six digits above one starting with four), two spaces or
//! two dashes, a dash inside a phone number (`070–123 45 67`, `08-123 456
//! 78`: the groups are never six digits and four), dates and periods
//! (`2018-01-01 – 2018-06-30`, `180101–180630`, where the "tail" runs on),
//! times (`08:30–12:00`), amounts with thin or no-break spaces between
//! groups of three, postal codes, bankgiro and ISBN numbers, organisation
//! numbers (whose "month" is 20 or more), and twelve-digit runs whose first
//! two digits are no century. What remains is a ten-digit number written
//! without separators that happens to be a real date with a valid check
//! digit: a mobile number `070xxxxxxx` about one time in twenty (one in ten
//! has the check digit, and about half make a day), while 072, 073, 076
//! and 079 numbers never match (their "month" is 20 or more). The message
//! then asks for it to be written with spaces, as phone numbers usually
//! are (`070-123 45 67`), and that form is never flagged.
//!
//! Nine digits alone: Excel drops the leading zero of the ten-digit form
//! of anyone born 2000–2009 (`0507099802` becomes the number `507099802`).
//! In free text nine digits are an ordinary number, so
//! [`contains_personal_number`] leaves them alone; [`lost_leading_zero`]
//! reads a spreadsheet cell that is nine digits and nothing else as the
//! ten-digit form with its zero put back. Which files get that check is
//! the reader's choice (`csv::read::NumberCheck`): a participations file
//! has no legitimate nine-digit number, so every cell of one is checked;
//! an outcomes file may hold amounts in kronor (issue 19 adds money), and
//! 123 456 789 kr is a budget, not a person, so it is not.

/// The dashes that stand for the hyphen between date and tail.
const DASHES: [char; 11] = [
    '-', '+', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
    '\u{FE63}', '\u{00AD}',
];

/// Whether `c` is a space on the line: a tab or any Unicode space separator
/// (a line break is not), or a zero-width space.
fn is_line_space(c: char) -> bool {
    c == '\t'
        || c == '\u{200B}'
        || (c.is_whitespace()
            && !matches!(
                c,
                '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
            ))
}

/// Whether `text` holds something that reads as a personal identity or
/// coordination number.
pub fn contains_personal_number(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|start| {
        let after_digit = start > 0 && b.get(start - 1).is_some_and(u8::is_ascii_digit);
        !after_digit && b.get(start).is_some_and(u8::is_ascii_digit) && matches_at(text, start)
    })
}

/// Whether a spreadsheet cell is nine digits and nothing else that, with
/// the leading zero a spreadsheet drops put back, is a personal number of
/// someone born 2000–2009.
pub fn lost_leading_zero(cell: &str) -> bool {
    let t = cell.trim();
    t.len() == 9
        && t.bytes().all(|b| b.is_ascii_digit())
        && contains_personal_number(&format!("0{t}"))
}

/// The byte length of the separator at `at` (0 when there is none).
fn separator_len(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return 0;
    };
    let mut chars = rest.char_indices().peekable();
    let mut end = 0;
    let mut spaces_before = 0;
    if let Some(&(_, c)) = chars.peek() {
        if is_line_space(c) {
            spaces_before = 1;
            end = c.len_utf8();
            chars.next();
        }
    }
    match chars.peek() {
        Some(&(i, c)) if DASHES.contains(&c) => {
            end = i + c.len_utf8();
            chars.next();
            if let Some(&(i, c)) = chars.peek() {
                if is_line_space(c) {
                    end = i + c.len_utf8();
                }
            }
            end
        }
        _ if spaces_before == 1 => end,
        _ => 0,
    }
}

/// Whether a personal number starts at `start` (a digit not preceded by a
/// digit).
fn matches_at(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    [6, 8].into_iter().any(|date_len| {
        let Some(date) = digits(b, start, date_len) else {
            return false;
        };
        if date_len == 8 && !matches!(date.get(..2), Some([1, 8] | [1, 9] | [2, 0])) {
            return false;
        }
        let at = start + date_len;
        let at = at + separator_len(text, at);
        let Some(tail) = digits(b, at, 4) else {
            return false;
        };
        let ends_run = !b.get(at + 4).is_some_and(u8::is_ascii_digit);
        let Some(short) = date.get(date_len - 6..) else {
            return false;
        };
        ends_run && valid_date(short) && luhn_ok(short, &tail)
    })
}

/// `len` ASCII digits at `at`, as their values.
fn digits(b: &[u8], at: usize, len: usize) -> Option<Vec<u8>> {
    let s = b.get(at..at.checked_add(len)?)?;
    s.iter()
        .all(u8::is_ascii_digit)
        .then(|| s.iter().map(|d| d - b'0').collect())
}

/// Whether `YYMMDD` is a day that exists in some century, with the day
/// raised by 60 for a samordningsnummer.
fn valid_date(d: &[u8]) -> bool {
    let [_, _, m1, m2, d1, d2] = d else {
        return false;
    };
    let month = m1 * 10 + m2;
    let mut day = d1 * 10 + d2;
    if day > 60 {
        day -= 60;
    }
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// The Luhn check over `YYMMDDNNN`, against the last digit `C` of `NNNC`.
fn luhn_ok(date: &[u8], tail: &[u8]) -> bool {
    let (Some(nnn), Some(&check)) = (tail.get(..3), tail.get(3)) else {
        return false;
    };
    let sum: u32 = date
        .iter()
        .chain(nnn)
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10 == u32::from(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_numbers_in_every_written_form_are_found() {
        // Skatteverket's well-known test number 19121212-1212.
        for text in [
            "19121212-1212",
            "121212-1212",
            "121212+1212",
            "121212 1212",
            "1212121212",
            "191212121212",
            "Anna 121212-1212 Haninge",
            "pnr:121212-1212;",
        ] {
            assert!(contains_personal_number(text), "{text}");
        }
    }

    #[test]
    fn coordination_numbers_are_found() {
        // Day 12 + 60 = 72; check digit computed for 701272-123?.
        let base = [7, 0, 1, 2, 7, 2];
        let check = (0..10).find(|&c| luhn_ok(&base, &[1, 2, 3, c])).unwrap();
        let text = format!("701272-123{check}");
        assert!(contains_personal_number(&text), "{text}");
        let wrong = format!("701272-123{}", (check + 1) % 10);
        assert!(!contains_personal_number(&wrong), "{wrong}");
    }

    #[test]
    fn dashes_and_spaces_other_than_the_hyphen_are_separators_too() {
        // 850709-9805 is valid (Luhn 5).
        for text in [
            "850709\u{2013}9805",   // en dash: Windows-1252 byte 0x96
            "850709\u{2014}9805",   // em dash
            "850709\u{2212}9805",   // minus sign
            "850709\u{2011}9805",   // non-breaking hyphen
            "850709\u{2010}9805",   // hyphen
            "850709\u{00a0}9805",   // no-break space
            "850709\u{202f}9805",   // narrow no-break space
            "850709\u{2009}9805",   // thin space
            "850709\t9805",         // tab
            "850709 - 9805",        // spaces around a hyphen
            "850709 \u{2013} 9805", // and around an en dash
            "850709- 9805",
            "850709 -9805",
            "19850709\u{2013}9805",
            "19850709 - 9805",
            "Född 850709\u{2013}9805.",
        ] {
            assert!(contains_personal_number(text), "{text:?}");
        }
    }

    #[test]
    fn nine_digits_are_read_as_ten_with_the_zero_a_spreadsheet_dropped() {
        // 050709-9802 (born 2005): Excel keeps it as 507099802.
        assert!(contains_personal_number("0507099802"));
        assert!(lost_leading_zero("507099802"));
        assert!(lost_leading_zero(" 507099802 "));
        assert!(!contains_personal_number("507099802"), "not in free text");
        for cell in [
            "507099803",  // wrong check digit
            "123456789",  // month 23
            "50709980",   // eight digits
            "5070998021", // ten
            "507 099 802",
            "-507099802",
            "",
        ] {
            assert!(!lost_leading_zero(cell), "{cell:?}");
        }
    }

    #[test]
    fn near_misses_are_not_flagged() {
        for text in [
            "121212-1213",    // wrong check digit
            "121312-1212",    // month 13
            "121232-1212",    // day 32
            "556677-8899",    // an organisation number (month 66)
            "070-123 45 67",  // a phone number
            "1 234 567,89",   // an amount
            "2024-05-06",     // a date
            "11121212121212", // inside a longer run of digits
            "K7F3Q9",         // a participation code
            "",
            "556677\u{2013}8899",             // an organisation number, en dash
            "070\u{2013}123 45 67",           // a phone number, en dash
            "+46 70 123 45 67",               // a phone number, international
            "08-123 456 78",                  // a Stockholm number
            "2018-01-01 \u{2013} 2018-06-30", // a period
            "180101\u{2013}180630",           // a period in six digits
            "kl. 08:30\u{2013}12:00",         // a time of day
            "12 000 000 kr",                  // an amount with spaces
            "1\u{a0}234\u{a0}567 kr",         // with no-break spaces
            "136 81 Haninge",                 // a postal code
            "Bankgiro 5050\u{2013}1055",      // a bankgiro number
            "978-91-27-12345-6",              // an ISBN
            "33121212-1212",                  // twelve digits, century 33
            "850709-98050",                   // the tail runs on
            "850709\n9805",                   // a line break is no separator
            "850709 \u{2013}\u{2013} 9805",   // two dashes
            "850709  9805",                   // two spaces
            "850709 - - 9805",
        ] {
            assert!(!contains_personal_number(text), "{text:?}");
        }
    }
}
