//! Texts of the data-exchange page (snapshots, import preview, conflict
//! log), in both languages; a missing text is a compile error.

use crate::core::exchange::snapshot::{RecordProblem, SnapshotError};
use crate::core::locale::Locale;

/// A count in Swedish (`38 000`), by the core's number format.
fn sv_int(n: usize) -> String {
    Locale::Sv.integer(n as u64)
}

/// A count in English (`38,000`).
fn en_int(n: usize) -> String {
    Locale::En.integer(n as u64)
}

/// Every text of the exchange page.
pub struct ExchangeTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub export_title: &'static str,
    pub export_part: &'static str,
    pub export_all: &'static str,
    pub export_public: &'static str,
    pub export_public_hint: &'static str,
    pub export_button: &'static str,
    pub export_done: fn(&str) -> String,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_choose: &'static str,
    pub import_from: fn(&str, &str, &str) -> String,
    pub import_summary: fn(usize, usize, usize, usize, usize) -> String,
    pub import_nothing: &'static str,
    pub import_unknown: &'static str,
    pub added: &'static str,
    pub changed: &'static str,
    pub deleted: &'static str,
    pub conflicts: &'static str,
    pub col_record: &'static str,
    pub col_field: &'static str,
    pub col_ours: &'static str,
    pub col_theirs: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub done: fn(usize) -> String,
    /// What a long import is doing now, as the label of its progress bar.
    pub progress_read: &'static str,
    pub progress_plan: &'static str,
    pub progress_write: &'static str,
    /// Checking a spreadsheet's rows against what is stored.
    pub progress_rows: &'static str,
    /// How far it has come: records done of all.
    pub progress_count: fn(usize, usize) -> String,
    /// The records being stored (before the first slice of a large write
    /// is stored; then [`Self::progress_count`]).
    pub progress_writing: fn(usize) -> String,
    pub progress_stop: &'static str,
    pub stopped: &'static str,
    pub log_title: &'static str,
    pub log_intro: &'static str,
    pub log_empty: &'static str,
    pub log_unreadable: &'static str,
    pub kept: &'static str,
    pub lost: &'static str,
    pub deleted_elsewhere: &'static str,
    pub restore: &'static str,
    pub dismiss: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub empty: &'static str,
    pub more: fn(usize) -> String,
    pub kind: fn(&str) -> Option<&'static str>,
    pub field: fn(&str) -> Option<&'static str>,
    pub error: fn(&SnapshotError) -> String,
}

fn sv_error(e: &SnapshotError) -> String {
    let record = |index: &usize, kind: &Option<String>, id: &Option<String>| {
        let kind = kind
            .as_deref()
            .map(|k| sv_kind(k).unwrap_or(k))
            .unwrap_or("post");
        match id {
            Some(id) => format!("Post {index} ({kind} med id \u{201d}{id}\u{201d})"),
            None => format!("Post {index} ({kind})"),
        }
    };
    match e {
        SnapshotError::TooLarge { bytes } => format!(
            "Filen är för stor ({} MB). Största tillåtna storlek är 512 MB.",
            bytes / (1024 * 1024)
        ),
        SnapshotError::NotJson { line, column, truncated: true } => format!(
            "Filen tar slut mitt i (rad {line}, kolumn {column}). Den är troligen avkortad – spara den på nytt från den andra datorn."
        ),
        SnapshotError::NotJson { line, column, .. } => {
            format!("Filen är inte giltig JSON: fel på rad {line}, kolumn {column}.")
        }
        SnapshotError::TooDeep => "Filen är nästlad djupare än någon ögonblicksbild kan vara och läses inte.".into(),
        SnapshotError::NotASnapshot => "Filen är ingen ögonblicksbild från Måltavla (fältet \u{201d}format\u{201d} saknas eller är fel).".into(),
        SnapshotError::BadVersion(v) => format!("Filens version \u{201d}{v}\u{201d} går inte att läsa (väntade t.ex. \u{201d}1.0\u{201d})."),
        SnapshotError::NewerVersion(v) => format!("Filen är sparad av en nyare Måltavla (format {v}). Uppdatera appen (ladda om sidan) och försök igen."),
        SnapshotError::Migration { from, reason } => format!("Filen i format {from} kunde inte uppdateras: {reason}."),
        SnapshotError::MissingRecords => "Filen saknar listan \u{201d}records\u{201d}.".into(),
        SnapshotError::TooManyRecords(n) => format!("Filen har {n} poster, fler än appen tar emot (5 000 000)."),
        SnapshotError::BadRecord { index, kind, id, problem } => {
            let what = record(index, kind, id);
            match problem {
                RecordProblem::NotARecord => format!("{what}: är ingen post."),
                RecordProblem::MissingField(f) => format!("{what}: fältet {} saknas.", named(f, sv_field, '\u{201d}')),
                RecordProblem::BadValue { field: Some(f), detail } => {
                    format!("{what}: fältet {} har ett ogiltigt värde ({detail}).", named(f, sv_field, '\u{201d}'))
                }
                RecordProblem::BadValue { field: None, detail } => format!("{what}: ogiltigt värde ({detail})."),
                RecordProblem::BadStamp => format!("{what}: tidsstämpeln ligger efter år 9999."),
                p @ (RecordProblem::PersonalNumber { .. } | RecordProblem::TextTooLong { .. }) => {
                    format!("{what}: {}.", super::trust::sv_problem(p))
                }
            }
        }
        SnapshotError::DuplicateId { id, first, second } => {
            format!("Id \u{201d}{id}\u{201d} förekommer två gånger (post {first} och {second}).")
        }
        SnapshotError::ClockAhead { device, ahead_millis, records, first } => format!(
            "Filen kommer från en dator vars klocka gick {} före den här datorns (enhet \u{201d}{device}\u{201d}; {}, den första är post {}: {} med id \u{201d}{}\u{201d}). Sådana tidsstämplar skulle vinna över alla ändringar som görs här tills dess, så inget har lästs in. Ställ klockan rätt på den datorn; dess Måltavla erbjuder då att rätta tidsstämplarna, och en ny fil därifrån går att läsa in.",
            super::trust::sv_span(*ahead_millis),
            super::trust::sv_records(*records),
            first.index,
            sv_kind(&first.kind).unwrap_or(&first.kind),
            first.id
        ),
        SnapshotError::KindClash { id, ours, theirs } => format!(
            "Id \u{201d}{id}\u{201d} är {} här men {} i filen.",
            sv_kind(ours).unwrap_or(ours),
            sv_kind(theirs).unwrap_or(theirs)
        ),
    }
}

fn en_error(e: &SnapshotError) -> String {
    let record = |index: &usize, kind: &Option<String>, id: &Option<String>| {
        let kind = kind
            .as_deref()
            .map(|k| en_kind(k).unwrap_or(k))
            .unwrap_or("record");
        match id {
            Some(id) => format!("Record {index} ({kind} with id \u{201c}{id}\u{201d})"),
            None => format!("Record {index} ({kind})"),
        }
    };
    match e {
        SnapshotError::TooLarge { bytes } => format!(
            "The file is too large ({} MB). The largest allowed is 512 MB.",
            bytes / (1024 * 1024)
        ),
        SnapshotError::NotJson { line, column, truncated: true } => format!(
            "The file ends in the middle (line {line}, column {column}). It is probably cut off – save it again on the other computer."
        ),
        SnapshotError::NotJson { line, column, .. } => {
            format!("The file is not valid JSON: error at line {line}, column {column}.")
        }
        SnapshotError::TooDeep => "The file is nested deeper than any snapshot can be and is not read.".into(),
        SnapshotError::NotASnapshot => "The file is not a Måltavla snapshot (the \u{201c}format\u{201d} field is missing or wrong).".into(),
        SnapshotError::BadVersion(v) => format!("The file's version \u{201c}{v}\u{201d} cannot be read (expected e.g. \u{201c}1.0\u{201d})."),
        SnapshotError::NewerVersion(v) => format!("The file was saved by a newer Måltavla (format {v}). Update the app (reload the page) and try again."),
        SnapshotError::Migration { from, reason } => format!("The file in format {from} could not be updated: {reason}."),
        SnapshotError::MissingRecords => "The file has no \u{201c}records\u{201d} list.".into(),
        SnapshotError::TooManyRecords(n) => format!("The file has {n} records, more than the app accepts (5,000,000)."),
        SnapshotError::BadRecord { index, kind, id, problem } => {
            let what = record(index, kind, id);
            match problem {
                RecordProblem::NotARecord => format!("{what}: is not a record."),
                RecordProblem::MissingField(f) => format!("{what}: the field {} is missing.", named(f, en_field, '\u{201c}')),
                RecordProblem::BadValue { field: Some(f), detail } => {
                    format!("{what}: the field {} has an invalid value ({detail}).", named(f, en_field, '\u{201c}'))
                }
                RecordProblem::BadValue { field: None, detail } => format!("{what}: invalid value ({detail})."),
                RecordProblem::BadStamp => format!("{what}: the time stamp is after the year 9999."),
                p @ (RecordProblem::PersonalNumber { .. } | RecordProblem::TextTooLong { .. }) => {
                    format!("{what}: {}.", super::trust::en_problem(p))
                }
            }
        }
        SnapshotError::DuplicateId { id, first, second } => {
            format!("Id \u{201c}{id}\u{201d} appears twice (records {first} and {second}).")
        }
        SnapshotError::ClockAhead { device, ahead_millis, records, first } => format!(
            "The file comes from a computer whose clock ran {} ahead of this one's (device \u{201c}{device}\u{201d}; {}, the first is record {}: {} with id \u{201c}{}\u{201d}). Such time stamps would win over every change made here until then, so nothing was imported. Set that computer's clock right; its Måltavla then offers to repair the time stamps, and a new file from it can be imported.",
            super::trust::en_span(*ahead_millis),
            super::trust::en_records(*records),
            first.index,
            en_kind(&first.kind).unwrap_or(&first.kind),
            first.id
        ),
        SnapshotError::KindClash { id, ours, theirs } => format!(
            "Id \u{201c}{id}\u{201d} is a {} here but a {} in the file.",
            en_kind(ours).unwrap_or(ours),
            en_kind(theirs).unwrap_or(theirs)
        ),
    }
}

pub(super) fn sv_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "organisation" => "förbundet",
        "municipality" => "kommun",
        "partner" => "part",
        "project" => "projekt",
        "insats" => "insats",
        "indicator" => "indikator",
        "target" => "mål",
        "outcome" => "utfall",
        "end_status" => "avslutsorsak",
        "participation" => "deltagande",
        "meeting" => "frukostmöte",
        "slot_report" => "platsrapport",
        "arrival" => "incheckning",
        "presentation" => "presentation",
        "published_figure" => "publicerad siffra",
        "door_count" => "incheckade (antal)",
        "forecast" => "prognos",
        "comment" => "kommentar",
        _ => return None,
    })
}

pub(super) fn en_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "organisation" => "organisation",
        "municipality" => "municipality",
        "partner" => "partner",
        "project" => "project",
        "insats" => "intervention",
        "indicator" => "indicator",
        "target" => "target",
        "outcome" => "outcome",
        "end_status" => "end status",
        "participation" => "participation",
        "meeting" => "breakfast meeting",
        "slot_report" => "places report",
        "arrival" => "check-in",
        "presentation" => "presentation",
        "published_figure" => "published figure",
        "door_count" => "checked in (count)",
        "forecast" => "forecast",
        "comment" => "comment",
        _ => return None,
    })
}

/// A field of a file as the user knows it from the forms, with its key in
/// the file for whoever opens the file to look: ”Platser” (capacity).
/// `open` is the language's opening quote mark.
pub(super) fn named(field: &str, label: fn(&str) -> Option<&'static str>, open: char) -> String {
    match label(field) {
        Some(l) => format!("{open}{l}\u{201d} ({field})"),
        None => format!("{open}{field}\u{201d}"),
    }
}

pub(super) fn sv_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "Namn",
        "description" => "Beskrivning",
        "deleted" => "Borttagen",
        "kind" => "Typ",
        "municipalities" => "Kommuner",
        "provider" => "Utförare",
        "project" => "Projekt",
        "parent" => "Ingår i",
        "period" => "Period",
        "start" => "Start",
        "end" => "Slut",
        "capacity" => "Platser",
        "contacts" => "Kontakter",
        "funder" => "Finansiär",
        "funder_share" => "Finansieringsandel",
        "unit" => "Enhet",
        "numerator" => "Täljare",
        "denominator" => "Nämnare",
        "direction" => "Riktning",
        "dimensions" => "Uppdelningar",
        "tolerance_percent" => "Tolerans",
        "value" => "Värde",
        "note" => "Anteckning",
        "reported_on" => "Rapporterat",
        "protection_threshold" => "Skyddsgräns",
        "definition" => "Definition",
        "prorate" => "Pro rata",
        "computed" => "Beräknas från",
        "sentence" => "Nyhetsbrevsmening",
        "source" => "Källa",
        "scope" => "Nivå",
        "indicator" => "Indikator",
        "breakdown" => "Uppdelning",
        "code" => "Kod",
        "insats" => "Insats",
        "gender" => "Kön",
        "age_band" => "Åldersgrupp",
        "municipality" => "Kommun",
        "referrer" => "Remittent",
        "end_status" => "Avslutsorsak",
        "category" => "Räknas som",
        "order" => "Ordning",
        "date" => "Datum",
        "place" => "Plats",
        "theme" => "Tema",
        "speakers" => "Medverkande",
        "invitation" => "Inbjudan",
        "registration_deadline" => "Sista anmälningsdag",
        "registration_email" => "Anmälan till",
        "registered" => "Anmälda",
        "attended" => "Deltog",
        "meeting" => "Frukostmöte",
        "org" => "Organisation",
        "enrolled" => "Inskrivna",
        "slides" => "Bilder",
        "shown" => "Publicerad siffra",
        "guests" => "Incheckade",
        "made_on" => "Prognos gjord",
        "ratio" => "Kvot",
        "orientation" => "Inriktning",
        "target_group" => "Målgrupp",
        "financing" => "Finansiering",
        "happened" => "Vad hände",
        "why" => "Varför",
        "next" => "Vad gör vi nu",
        _ => return None,
    })
}

pub(super) fn en_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "Name",
        "description" => "Description",
        "deleted" => "Deleted",
        "kind" => "Kind",
        "municipalities" => "Municipalities",
        "provider" => "Provider",
        "project" => "Project",
        "parent" => "Part of",
        "period" => "Period",
        "start" => "Start",
        "end" => "End",
        "capacity" => "Places",
        "contacts" => "Contacts",
        "funder" => "Funder",
        "funder_share" => "Funding share",
        "unit" => "Unit",
        "numerator" => "Numerator",
        "denominator" => "Denominator",
        "direction" => "Direction",
        "dimensions" => "Breakdowns",
        "tolerance_percent" => "Tolerance",
        "value" => "Value",
        "note" => "Note",
        "reported_on" => "Reported",
        "protection_threshold" => "Protection threshold",
        "definition" => "Definition",
        "prorate" => "Pro rata",
        "computed" => "Computed from",
        "sentence" => "Newsletter sentence",
        "source" => "Source",
        "scope" => "Level",
        "indicator" => "Indicator",
        "breakdown" => "Breakdown",
        "code" => "Code",
        "insats" => "Insats",
        "gender" => "Gender",
        "age_band" => "Age band",
        "municipality" => "Municipality",
        "referrer" => "Referrer",
        "end_status" => "End status",
        "category" => "Counts as",
        "order" => "Order",
        "date" => "Date",
        "place" => "Place",
        "theme" => "Theme",
        "speakers" => "Speakers",
        "invitation" => "Invitation",
        "registration_deadline" => "Registration deadline",
        "registration_email" => "Register with",
        "registered" => "Registered",
        "attended" => "Attended",
        "meeting" => "Breakfast meeting",
        "org" => "Organisation",
        "enrolled" => "Enrolled",
        "slides" => "Slides",
        "shown" => "Published figure",
        "guests" => "Checked in",
        "made_on" => "Forecast made",
        "ratio" => "Ratio",
        "orientation" => "Orientation",
        "target_group" => "Target group",
        "financing" => "Financing",
        "happened" => "What happened",
        "why" => "Why",
        "next" => "What we do next",
        _ => return None,
    })
}

/// Svenska.
pub static SV: ExchangeTexts = ExchangeTexts {
    nav: "Dela data",
    title: "Dela data mellan datorer",
    intro: "Spara en ögonblicksbild som fil och läs in den på en annan dator. Inget skrivs över: ändringar slås samman fält för fält, och där två personer ändrat samma sak sparas det som inte behölls i konfliktloggen.",
    export_title: "Spara ögonblicksbild",
    export_part: "Vad ska med?",
    export_all: "Allt",
    export_public: "För publicering (utan deltagare)",
    export_public_hint: "Delen ”För publicering” innehåller det som måluppfyllelsen, uppföljningsrapporten, presentationerna, frukostmötena, lediga platser och nyhetsbrevet visar – de beräknade siffrorna med små tal dolda som på skärmen – men inga deltagare och inga incheckningar. Det är den filen som ska publiceras (data/snapshot.json bredvid appen). ”Allt” och projekten innehåller deltagare, som är personuppgifter även med en kod i stället för namn: dela dem bara mellan förbundets egna datorer och publicera dem aldrig.",
    export_button: "Spara fil",
    export_done: |name| format!("Filen {name} sparas i webbläsarens nedladdningar."),
    import_title: "Läs in ögonblicksbild",
    import_intro: "Välj en fil. Du ser vad som händer innan något ändras.",
    import_choose: "Fil att läsa in",
    import_from: |org, device, date| format!("Från {org}, enhet {device}, sparad {date}."),
    import_summary: |added, changed, deleted, unchanged, conflicts| {
        format!("{added} nya, {changed} ändrade, {deleted} borttagna, {unchanged} oförändrade poster; {conflicts} konflikter.")
    },
    import_nothing: "Filen innehåller inget som inte redan finns här.",
    import_unknown: "Filen har uppgifter från en nyare version av Måltavla. De sparas oförändrade och följer med när du delar vidare.",
    added: "Nya",
    changed: "Ändrade",
    deleted: "Borttagna",
    conflicts: "Konflikter (båda har ändrat samma fält)",
    col_record: "Post",
    col_field: "Fält",
    col_ours: "Här nu",
    col_theirs: "Efter inläsning",
    confirm: "Slå samman",
    cancel: "Avbryt",
    done: |n| format!("Inläst: {n} poster uppdaterade."),
    progress_read: "Läser filen",
    progress_plan: "Jämför med det som finns här",
    progress_write: "Sparar",
    progress_rows: "Kontrollerar raderna",
    progress_count: |done, total| {
        format!("{} av {} poster", sv_int(done), sv_int(total))
    },
    progress_writing: |n| format!("Sparar {} poster i webbläsaren …", sv_int(n)),
    progress_stop: "Avbryt inläsningen",
    stopped: "Inläsningen avbröts. Inget har ändrats.",
    log_title: "Konfliktlogg",
    log_intro: "Värden som förlorade mot en samtidig ändring på en annan dator. Återställ för att ta tillbaka ett värde.",
    log_empty: "Inga konflikter.",
    log_unreadable: "Konfliktloggen kunde inte läsas, så den visas inte: värden som förlorat mot en annan ändring kan finnas där ändå. Ladda om sidan för att försöka igen.",
    kept: "Behölls",
    lost: "Förlorade",
    deleted_elsewhere: "Posten togs bort på en dator medan den ändrades på en annan.",
    restore: "Återställ",
    dismiss: "Ta bort ur loggen",
    yes: "ja",
    no: "nej",
    empty: "–",
    more: |n| format!("… och {n} till."),
    kind: sv_kind,
    field: sv_field,
    error: sv_error,
};

/// English.
pub static EN: ExchangeTexts = ExchangeTexts {
    nav: "Share data",
    title: "Share data between computers",
    intro: "Save a snapshot as a file and read it on another computer. Nothing is overwritten: changes are merged field by field, and where two people changed the same thing, the value not kept goes to the conflict log.",
    export_title: "Save snapshot",
    export_part: "What to include",
    export_all: "Everything",
    export_public: "For publishing (no participants)",
    export_public_hint: "The part “For publishing” holds what the goal board, the follow-up report, the presentations, the breakfast meetings, the open places and the newsletter show – the computed figures with small numbers hidden as on screen – but no participants and no check-ins. That is the file to publish (data/snapshot.json next to the app). “Everything” and the projects hold participants, which are personal data even with a code instead of a name: share them only between the förbund's own computers and never publish them.",
    export_button: "Save file",
    export_done: |name| format!("The file {name} is saved to the browser's downloads."),
    import_title: "Read snapshot",
    import_intro: "Choose a file. You see what will happen before anything changes.",
    import_choose: "File to read",
    import_from: |org, device, date| format!("From {org}, device {device}, saved {date}."),
    import_summary: |added, changed, deleted, unchanged, conflicts| {
        format!("{added} new, {changed} changed, {deleted} deleted, {unchanged} unchanged records; {conflicts} conflicts.")
    },
    import_nothing: "The file holds nothing that is not already here.",
    import_unknown: "The file holds data from a newer version of Måltavla. It is kept unchanged and passed on when you share.",
    added: "New",
    changed: "Changed",
    deleted: "Deleted",
    conflicts: "Conflicts (both changed the same field)",
    col_record: "Record",
    col_field: "Field",
    col_ours: "Here now",
    col_theirs: "After reading",
    confirm: "Merge",
    cancel: "Cancel",
    done: |n| format!("Read: {n} records updated."),
    progress_read: "Reading the file",
    progress_plan: "Comparing with what is here",
    progress_write: "Saving",
    progress_rows: "Checking the rows",
    progress_count: |done, total| {
        format!("{} of {} records", en_int(done), en_int(total))
    },
    progress_writing: |n| format!("Saving {} records in the browser …", en_int(n)),
    progress_stop: "Stop reading",
    stopped: "Reading was stopped. Nothing has changed.",
    log_title: "Conflict log",
    log_intro: "Values that lost to a concurrent change on another computer. Restore to bring a value back.",
    log_empty: "No conflicts.",
    log_unreadable: "The conflict log could not be read, so it is not shown: values that lost to another change may be in it all the same. Reload the page to try again.",
    kept: "Kept",
    lost: "Lost",
    deleted_elsewhere: "The record was deleted on one computer while it was changed on another.",
    restore: "Restore",
    dismiss: "Remove from log",
    yes: "yes",
    no: "no",
    empty: "–",
    more: |n| format!("… and {n} more."),
    kind: en_kind,
    field: en_field,
    error: en_error,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::merge::{known_fields, KNOWN_KINDS};

    /// The preview and the conflict log name every field of every record
    /// type in both languages, as the forms do.
    #[test]
    fn every_field_of_every_record_type_has_a_name_in_both_languages() {
        let mut missing = Vec::new();
        for kind in KNOWN_KINDS {
            if sv_kind(kind).is_none() || en_kind(kind).is_none() {
                missing.push(kind.to_owned());
            }
            for field in known_fields(kind).unwrap_or_default() {
                if *field != "meta" && (sv_field(field).is_none() || en_field(field).is_none()) {
                    missing.push(format!("{kind}.{field}"));
                }
            }
        }
        assert!(missing.is_empty(), "no name for {missing:?}");
    }
}
