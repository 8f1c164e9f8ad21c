//! Texts of the app's safeguards for the data: clocks that ran ahead,
//! repairing time stamps, another tab running a newer version, records
//! this version cannot read, device ids shared by two machines, and what
//! may not leave the device. Both languages; a missing text is a compile
//! error.

use super::exchange::{en_field, en_kind, named, sv_field, sv_kind};
use crate::core::clock::{span, Span};
use crate::core::exchange::merge::EditError;
use crate::core::exchange::snapshot::{ClockAhead, OutgoingProblem, RecordProblem};

/// Every text of the safeguards.
pub struct TrustTexts {
    pub ahead_notice: fn(&ClockAhead) -> String,
    pub foreign_writes: fn(usize) -> String,
    pub new_device_shared: fn(&str) -> String,
    pub new_device_clock: &'static str,
    pub edit_error: fn(&EditError) -> String,
    pub stored_unreadable: fn(&str) -> String,
    pub outdated_write: &'static str,
    pub conflict_unwritable: fn(&str) -> String,
    pub outdated_banner: &'static str,
    pub reload: &'static str,
    pub db_blocked: &'static str,
    pub stamps_ahead: fn(usize, u64) -> String,
    pub stamps_repair: &'static str,
    pub stamps_repaired: fn(usize) -> String,
    pub outgoing: fn(&OutgoingProblem) -> String,
    pub in_file: fn(&str, &str) -> String,
}

/// "1 post", "2 poster".
pub fn sv_records(n: usize) -> String {
    plural(n as u64, "post", "poster")
}

/// "1 record", "2 records".
pub fn en_records(n: usize) -> String {
    plural(n as u64, "record", "records")
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A span in Swedish: "5 år och 3 dagar", "40 minuter".
pub fn sv_span(millis: u64) -> String {
    let two = |a: String, b: u64, one: &str, many: &str| {
        if b == 0 {
            a
        } else {
            format!("{a} och {}", plural(b, one, many))
        }
    };
    match span(millis) {
        Span::YearsDays(y, d) => two(plural(y, "år", "år"), d, "dag", "dagar"),
        Span::DaysHours(d, h) => two(plural(d, "dag", "dagar"), h, "timme", "timmar"),
        Span::HoursMinutes(h, m) => two(plural(h, "timme", "timmar"), m, "minut", "minuter"),
        Span::Minutes(m) => plural(m, "minut", "minuter"),
    }
}

/// A span in English: "5 years and 3 days", "40 minutes".
pub fn en_span(millis: u64) -> String {
    let two = |a: String, b: u64, one: &str, many: &str| {
        if b == 0 {
            a
        } else {
            format!("{a} and {}", plural(b, one, many))
        }
    };
    match span(millis) {
        Span::YearsDays(y, d) => two(plural(y, "year", "years"), d, "day", "days"),
        Span::DaysHours(d, h) => two(plural(d, "day", "days"), h, "hour", "hours"),
        Span::HoursMinutes(h, m) => two(plural(h, "hour", "hours"), m, "minute", "minutes"),
        Span::Minutes(m) => plural(m, "minute", "minutes"),
    }
}

/// A text's problem in a record, as a clause: "fältet ”Anteckning” (note)
/// innehåller …" (also for the import's messages).
pub(super) fn sv_problem(problem: &RecordProblem) -> String {
    match problem {
        RecordProblem::PersonalNumber { field } => format!(
            "fältet {} innehåller något som ser ut som ett personnummer, och personnummer får aldrig finnas i Måltavla",
            named(field, sv_field, '\u{201d}')
        ),
        RecordProblem::TextTooLong { field, max } => format!(
            "fältet {} är längre än {max} tecken",
            named(field, sv_field, '\u{201d}')
        ),
        other => format!("{other:?}"),
    }
}

/// A text's problem in a record, as a clause (also for the import's
/// messages).
pub(super) fn en_problem(problem: &RecordProblem) -> String {
    match problem {
        RecordProblem::PersonalNumber { field } => format!(
            "the field {} holds what looks like a personal identity number, and those must never be in Måltavla",
            named(field, en_field, '\u{201c}')
        ),
        RecordProblem::TextTooLong { field, max } => format!(
            "the field {} is longer than {max} characters",
            named(field, en_field, '\u{201c}')
        ),
        other => format!("{other:?}"),
    }
}

pub static SV: TrustTexts = TrustTexts {
    ahead_notice: |a| format!(
        "Klockan på datorn som skrev filen (enhet \u{201d}{}\u{201d}) gick {} före den här datorns när {} av posterna sparades. De läses in, men den här datorns klocka följer dem inte.",
        a.device,
        sv_span(a.ahead_millis),
        a.records
    ),
    foreign_writes: |n| format!(
        "{} i filen har ändringar som gjorts under den här datorns enhets-id på en annan dator (till exempel en kopierad webbläsarprofil). Värden här som de ersätter läggs i konfliktloggen, och den här datorn får ett nytt enhets-id när filen läses in.",
        sv_records(n)
    ),
    new_device_shared: |id| format!(
        "En annan dator skrev under den här datorns enhets-id. Den här datorn skriver nu under ett nytt id (\u{201d}{id}\u{201d}); se konfliktloggen för värden som ersattes."
    ),
    new_device_clock: "Datorns klocka har ställts tillbaka sedan Måltavla senast sparade något. Den här webbläsaren skriver nu under ett nytt enhets-id, så att nya ändringar aldrig tas för sådana som redan setts.",
    edit_error: |e| match e {
        EditError::KindMismatch { stored, edit, .. } => format!(
            "Posten kunde inte sparas: den är lagrad som {} här, inte som {}. Inget har ändrats.",
            sv_kind(stored).unwrap_or(stored),
            sv_kind(edit).unwrap_or(edit)
        ),
        EditError::StampTooFarAhead { ahead, .. } => format!(
            "Posten kunde inte sparas: den bär en tidsstämpel {} efter den här datorns klocka. Rätta tidsstämplarna (meddelandet överst på sidan) och spara igen; det du skrev finns kvar.",
            sv_span(ahead.ahead_millis)
        ),
    },
    stored_unreadable: |id| format!(
        "Posten med id \u{201d}{id}\u{201d} är sparad av en nyare version av Måltavla och kan inte läsas här, så den skrivs inte över. Ladda om sidan för att få den nya versionen. Inget har ändrats."
    ),
    conflict_unwritable: |why| format!(
        "Inget sparades: ett värde som ändringen ersätter kunde inte skrivas i konfliktloggen ({why}). Det du skrev finns kvar; försök igen."
    ),
    outdated_write: "Inget sparades: en nyare version av Måltavla körs i en annan flik. Ladda om den här fliken och spara igen; det du skrivit finns kvar tills du laddar om.",
    outdated_banner: "En nyare version av Måltavla körs i en annan flik. Den här fliken sparar ingenting förrän den laddats om.",
    reload: "Ladda om",
    db_blocked: "Måltavla väntar på att andra flikar med en äldre version av appen stängs eller laddas om.",
    stamps_ahead: |n, ahead| format!(
        "{} har tidsstämplar upp till {} efter den här datorns klocka (från en dator vars klocka gick fel, eller från den här när dess klocka gick fel). Sådana poster kan inte ändras eller delas. Går klockan rätt nu: rätta tidsstämplarna — alla värden behålls. Går den fel: ställ den rätt och ladda om sidan.",
        sv_records(n),
        sv_span(ahead)
    ),
    stamps_repair: "Rätta tidsstämplar",
    stamps_repaired: |n| format!("Tidsstämplarna i {} är rättade.", sv_records(n)),
    outgoing: |p| match p {
        OutgoingProblem::Record { kind, label, problem, .. } => format!(
            "Ingen fil sparades: {} \u{201d}{label}\u{201d}: {}. Rätta posten och försök igen.",
            sv_kind(kind).unwrap_or(kind),
            sv_problem(problem)
        ),
        OutgoingProblem::StampsAhead { records, ahead_millis } => format!(
            "Ingen fil sparades: {} har tidsstämplar {} efter den här datorns klocka, och en fil med dem skulle ingen kunna läsa in. Rätta tidsstämplarna först (meddelandet överst på sidan).",
            sv_records(*records),
            sv_span(*ahead_millis)
        ),
    },
    in_file: |name, message| format!("Filen \u{201d}{name}\u{201d}: {message}"),
};

pub static EN: TrustTexts = TrustTexts {
    ahead_notice: |a| format!(
        "The clock of the computer that wrote the file (device \u{201c}{}\u{201d}) ran {} ahead of this one's when {} of the records were saved. They are imported, but this computer's clock does not follow them.",
        a.device,
        en_span(a.ahead_millis),
        a.records
    ),
    foreign_writes: |n| format!(
        "{} in the file have changes made under this computer's device id on another computer (for example a copied browser profile). Values here that they replace go to the conflict log, and this computer gets a new device id when the file is imported.",
        en_records(n)
    ),
    new_device_shared: |id| format!(
        "Another computer wrote under this computer's device id. This computer now writes under a new id (\u{201c}{id}\u{201d}); see the conflict log for values that were replaced."
    ),
    new_device_clock: "The computer's clock has been set back since Måltavla last saved anything. This browser now writes under a new device id, so new changes are never taken for ones already seen.",
    edit_error: |e| match e {
        EditError::KindMismatch { stored, edit, .. } => format!(
            "The record could not be saved: it is stored as a {} here, not a {}. Nothing was changed.",
            en_kind(stored).unwrap_or(stored),
            en_kind(edit).unwrap_or(edit)
        ),
        EditError::StampTooFarAhead { ahead, .. } => format!(
            "The record could not be saved: it carries a time stamp {} after this computer's clock. Repair the time stamps (the message at the top of the page) and save again; what you typed is kept.",
            en_span(ahead.ahead_millis)
        ),
    },
    stored_unreadable: |id| format!(
        "The record with id \u{201c}{id}\u{201d} was saved by a newer version of Måltavla and cannot be read here, so it is not overwritten. Reload the page to get the new version. Nothing was changed."
    ),
    conflict_unwritable: |why| format!(
        "Nothing was saved: a value this change replaces could not be written to the conflict log ({why}). What you typed is kept; try again."
    ),
    outdated_write: "Nothing was saved: a newer version of Måltavla runs in another tab. Reload this tab and save again; what you typed stays until you reload.",
    outdated_banner: "A newer version of Måltavla runs in another tab. This tab saves nothing until it is reloaded.",
    reload: "Reload",
    db_blocked: "Måltavla is waiting for other tabs with an older version of the app to close or reload.",
    stamps_ahead: |n, ahead| format!(
        "{} carry time stamps up to {} after this computer's clock (from a computer whose clock was wrong, or from this one while its clock was wrong). Such records cannot be changed or shared. If the clock is right now: repair the time stamps — every value is kept. If it is wrong: set it right and reload the page.",
        en_records(n),
        en_span(ahead)
    ),
    stamps_repair: "Repair time stamps",
    stamps_repaired: |n| format!("The time stamps of {} are repaired.", en_records(n)),
    outgoing: |p| match p {
        OutgoingProblem::Record { kind, label, problem, .. } => format!(
            "No file was saved: {} \u{201c}{label}\u{201d}: {}. Correct the record and try again.",
            en_kind(kind).unwrap_or(kind),
            en_problem(problem)
        ),
        OutgoingProblem::StampsAhead { records, ahead_millis } => format!(
            "No file was saved: {} carry time stamps {} after this computer's clock, and nobody could import a file with them. Repair the time stamps first (the message at the top of the page).",
            en_records(*records),
            en_span(*ahead_millis)
        ),
    },
    in_file: |name, message| format!("The file \u{201c}{name}\u{201d}: {message}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally_in_both_languages() {
        let day = 86_400_000;
        assert_eq!(sv_span(5 * 365 * day + 3 * day), "5 år och 3 dagar");
        assert_eq!(en_span(5 * 365 * day + day), "5 years and 1 day");
        assert_eq!(sv_span(60 * 60_000), "1 timme");
        assert_eq!(sv_span(40 * 60_000), "40 minuter");
        assert_eq!(en_span(60_000), "1 minute");
    }
}
