//! Recognising Swedish personal identity numbers (personnummer) and
//! coordination numbers (samordningsnummer) in text, so that a file or a
//! cell holding one can be refused before anything is stored: participant
//! data must never contain one.
//!
//! Recognised: `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDD-NNNN`, the same with a
//! space or no separator (`YYMMDDNNNN`, `YYYYMMDDNNNN`), anywhere in a text
//! but not inside a longer run of digits; the date must exist (a
//! samordningsnummer adds 60 to the day) and the last digit must be the
//! Luhn check digit of the ten-digit form. Organisation numbers (whose
//! "month" is 20 or more), phone numbers, amounts and dates do not match.

/// Whether `text` holds something that reads as a personal identity or
/// coordination number.
pub fn contains_personal_number(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|start| {
        let after_digit = start > 0 && b[start - 1].is_ascii_digit();
        !after_digit && b[start].is_ascii_digit() && matches_at(b, start)
    })
}

/// Whether a personal number starts at `start` (a digit not preceded by a
/// digit).
fn matches_at(b: &[u8], start: usize) -> bool {
    [6, 8].into_iter().any(|date_len| {
        let Some(date) = digits(b, start, date_len) else {
            return false;
        };
        let mut at = start + date_len;
        if matches!(b.get(at), Some(b'-' | b'+' | b' ')) {
            at += 1;
        }
        let Some(tail) = digits(b, at, 4) else {
            return false;
        };
        let ends_run = !b.get(at + 4).is_some_and(u8::is_ascii_digit);
        let short = &date[date_len - 6..];
        ends_run && valid_date(short) && luhn_ok(short, tail)
    })
}

/// `len` ASCII digits at `at`, as their values.
fn digits(b: &[u8], at: usize, len: usize) -> Option<Vec<u8>> {
    let s = b.get(at..at + len)?;
    s.iter()
        .all(u8::is_ascii_digit)
        .then(|| s.iter().map(|d| d - b'0').collect())
}

/// Whether `YYMMDD` is a day that exists in some century, with the day
/// raised by 60 for a samordningsnummer.
fn valid_date(d: &[u8]) -> bool {
    let month = d[2] * 10 + d[3];
    let mut day = d[4] * 10 + d[5];
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
fn luhn_ok(date: &[u8], tail: Vec<u8>) -> bool {
    let nine = date.iter().chain(&tail[..3]);
    let sum: u32 = nine
        .enumerate()
        .map(|(i, &d)| {
            let v = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    (10 - sum % 10) % 10 == u32::from(tail[3])
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
        let check = (0..10).find(|&c| luhn_ok(&base, vec![1, 2, 3, c])).unwrap();
        let text = format!("701272-123{check}");
        assert!(contains_personal_number(&text), "{text}");
        let wrong = format!("701272-123{}", (check + 1) % 10);
        assert!(!contains_personal_number(&wrong), "{wrong}");
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
        ] {
            assert!(!contains_personal_number(text), "{text}");
        }
    }
}
