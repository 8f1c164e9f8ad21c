//! Texts of working offline and syncing (the update banner, storage, the
//! published snapshot and the WebDAV folder), in both languages; a missing
//! text is a compile error.

use crate::core::exchange::sync::published::{LocationError, NotPublic};
use crate::core::exchange::sync::webdav::DavSettingsError;
use crate::core::exchange::sync::SyncFailure;
use crate::core::fmt_sv;

/// Every text of offline work and sync.
pub struct OfflineTexts {
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub part_missing: &'static str,
    pub part_retry: &'static str,
    pub persisted_yes: &'static str,
    pub persisted_no: &'static str,
    pub persist_ask: &'static str,
    pub usage: fn(&str, &str) -> String,
    pub usage_unknown: &'static str,
    pub published_title: &'static str,
    pub published_text: &'static str,
    pub published_location: &'static str,
    pub published_save: &'static str,
    pub published_saved: &'static str,
    pub published_fetch: &'static str,
    pub published_nothing: &'static str,
    pub published_news: &'static str,
    pub published_show: &'static str,
    pub published_refused: fn(&NotPublic, &str) -> String,
    pub location_error: fn(&LocationError) -> &'static str,
    pub dav_title: &'static str,
    pub dav_text: &'static str,
    pub dav_url: &'static str,
    pub dav_user: &'static str,
    pub dav_password: &'static str,
    pub dav_save: &'static str,
    pub dav_saved: &'static str,
    pub dav_not_saved: &'static str,
    pub dav_forget: &'static str,
    pub dav_sync: &'static str,
    pub dav_syncing: &'static str,
    pub dav_offline: &'static str,
    pub dav_not_set: &'static str,
    pub dav_done: fn(usize, usize, &str) -> String,
    pub dav_bad_file: fn(&str, &str) -> String,
    pub settings_error: fn(&DavSettingsError) -> &'static str,
    pub failure: fn(&SyncFailure) -> String,
}

/// What a published file holds that must not be published, in words.
fn personal_parts(
    participations: usize,
    arrivals: usize,
    lookalikes: usize,
    words: [(&str, &str); 3],
    number: fn(u64) -> String,
) -> Vec<String> {
    [participations, arrivals, lookalikes]
        .into_iter()
        .zip(words)
        .filter(|(n, _)| *n > 0)
        .map(|(n, (one, many))| format!("{} {}", number(n as u64), if n == 1 { one } else { many }))
        .collect()
}

fn sv_refused(why: &NotPublic, location: &str) -> String {
    match why {
        NotPublic::PersonalData {
            participations,
            arrivals,
            lookalikes,
        } => {
            let parts = personal_parts(
                *participations,
                *arrivals,
                *lookalikes,
                [
                    ("deltagande", "deltaganden"),
                    ("incheckning", "incheckningar"),
                    ("post som liknar deltagande", "poster som liknar deltaganden"),
                ],
                fmt_sv::integer,
            );
            format!(
                "Den publicerade filen {location} innehåller personuppgifter ({}) och får inte ligga publicerad. Inget har lästs in. Ta bort filen från webbservern och lägg dit delen ”För publicering (utan deltagare)” från Dela data i stället.",
                parts.join(", ")
            )
        }
        NotPublic::NotSavedForPublishing { part } => format!(
            "Den publicerade filen {location} är inte sparad för publicering (delen är ”{}”, inte ”public”) och lästes inte in. Spara delen ”För publicering (utan deltagare)” under Dela data och lägg den filen där i stället.",
            part.as_deref().unwrap_or("okänd")
        ),
    }
}

fn en_refused(why: &NotPublic, location: &str) -> String {
    match why {
        NotPublic::PersonalData {
            participations,
            arrivals,
            lookalikes,
        } => {
            let parts = personal_parts(
                *participations,
                *arrivals,
                *lookalikes,
                [
                    ("participation", "participations"),
                    ("check-in", "check-ins"),
                    ("record like a participation", "records like participations"),
                ],
                crate::core::fmt_en::integer,
            );
            format!(
                "The published file {location} holds personal data ({}) and must not be published. Nothing was read in. Remove the file from the web server and put the part “For publishing (no participants)” from Share data there instead.",
                parts.join(", ")
            )
        }
        NotPublic::NotSavedForPublishing { part } => format!(
            "The published file {location} was not saved for publishing (its part is “{}”, not “public”) and was not read in. Save the part “For publishing (no participants)” under Share data and put that file there instead.",
            part.as_deref().unwrap_or("unknown")
        ),
    }
}

pub static SV: OfflineTexts = OfflineTexts {
    update_ready: "Ny version finns — ladda om när du är klar med det du skriver.",
    update_reload: "Ladda om",
    part_missing: "Den här delen av Måltavla är inte hämtad till webbläsaren än, och den gick inte att hämta nu. Kontrollera nätet och försök igen, eller ladda om sidan. Inget har ändrats.",
    part_retry: "Försök igen",
    persisted_yes: "Webbläsaren har lovat att behålla uppgifterna (beständig lagring).",
    persisted_no: "Beständig lagring är inte beviljad: webbläsaren kan rensa uppgifterna om disken blir full. Spara en ögonblicksbild då och då.",
    persist_ask: "Be om beständig lagring",
    usage: |used, free| format!("Använt: {used}. Ledigt: {free}."),
    usage_unknown: "Webbläsaren visar inte hur mycket utrymme som används.",
    published_title: "Publicerad sammanställning",
    published_text: "Förbundet kan lägga en sammanställning bredvid appen: filen som sparas under Dela data med delen ”För publicering (utan deltagare)”. När nätet finns tittar appen efter en nyare och erbjuder att slå samman den, med samma förhandsgranskning som för en fil. Adressen är öppen för alla, så filen får inte innehålla deltagare: en fil med deltagare eller incheckningar, eller som inte är sparad för publicering, läses inte in.",
    published_location: "Var filen ligger (sökväg i appens mapp eller webbadress)",
    published_save: "Spara plats",
    published_saved: "Platsen är sparad.",
    published_fetch: "Hämta publicerad sammanställning",
    published_nothing: "Ingen publicerad sammanställning finns på den platsen.",
    published_news: "En nyare publicerad sammanställning finns.",
    published_show: "Visa och slå samman",
    published_refused: sv_refused,
    location_error: |e| match e {
        LocationError::Spaces => "Platsen får inte innehålla mellanslag.",
        LocationError::NotHttp => "Ange en sökväg i appens mapp (till exempel data/snapshot.json) eller en adress som börjar med https://.",
        LocationError::ClimbsOut => "Sökvägen får inte gå ut ur appens mapp (..).",
        LocationError::TooLong => "Platsen är för lång.",
    },
    dav_title: "Synkronisera via WebDAV-mapp",
    dav_text: "För personalen: en mapp på en WebDAV-server (till exempel Nextcloud). Varje dator skriver sin egen fil i mappen och slår samman de andras. Användarnamn och lösenord sparas bara på den här datorn, aldrig i ögonblicksbilder eller exporter.",
    dav_url: "Mappens adress",
    dav_user: "Användarnamn",
    dav_password: "Lösenord (gärna ett applösenord)",
    dav_save: "Spara inställningar",
    dav_saved: "Inställningarna är sparade på den här datorn.",
    dav_not_saved: "Inställningarna kunde inte sparas: webbläsaren tar inte emot fler inställningar (lagringen är full eller avstängd). Inget ändrades.",
    dav_forget: "Glöm inställningarna",
    dav_sync: "Synkronisera",
    dav_syncing: "Synkroniserar …",
    dav_offline: "Ingen nätverksanslutning — synkronisera när nätet finns. Inget går förlorat.",
    dav_not_set: "Ange mappens adress först.",
    dav_done: |files, records, own| {
        format!("Synkroniserat: {files} filer lästa, {records} poster ändrade, den här datorns fil {own} skriven.")
    },
    dav_bad_file: |name, why| format!("Filen {name} lästes inte in: {why}"),
    settings_error: |e| match e {
        DavSettingsError::MissingUrl => "Ange mappens adress.",
        DavSettingsError::NotHttp => "Adressen måste börja med https:// (eller http://).",
        DavSettingsError::HalfCredentials => "Ange både användarnamn och lösenord, eller inget av dem.",
    },
    failure: |f| match f {
        SyncFailure::Offline => "Ingen nätverksanslutning. Inget ändrades; försök igen när nätet finns.".into(),
        SyncFailure::Unreachable => "Servern svarar inte. Kontrollera adressen och nätet (servern måste också tillåta appen, CORS). Inget ändrades.".into(),
        SyncFailure::WrongCredentials => "Fel användarnamn eller lösenord (servern svarade 401). Inget ändrades.".into(),
        SyncFailure::NotFound => "Mappen eller filen finns inte på servern (404). Kontrollera adressen.".into(),
        SyncFailure::ChangedMeanwhile => "Filen på servern ändrades under tiden (412), så den skrevs inte över. Det som redan lästs in finns kvar; synkronisera igen.".into(),
        SyncFailure::Status(s) => format!("Servern svarade med fel {s}. Inget ändrades."),
        SyncFailure::BadListing => "Servern skickade en mapplista som inte går att läsa. Är adressen en WebDAV-mapp?".into(),
        SyncFailure::TooLarge { url, limit } => format!(
            "Svaret från {url} är större än {} och lästes inte in; inget av det har sparats.",
            fmt_sv::bytes(*limit as f64)
        ),
    },
};

pub static EN: OfflineTexts = OfflineTexts {
    update_ready: "A new version is available — reload when you have finished what you are typing.",
    update_reload: "Reload",
    part_missing: "This part of Måltavla has not been downloaded to the browser yet, and it could not be fetched now. Check the network and try again, or reload the page. Nothing has changed.",
    part_retry: "Try again",
    persisted_yes: "The browser has promised to keep the data (persistent storage).",
    persisted_no: "Persistent storage is not granted: the browser may clear the data when the disk is full. Save a snapshot now and then.",
    persist_ask: "Ask for persistent storage",
    usage: |used, free| format!("Used: {used}. Free: {free}."),
    usage_unknown: "The browser does not tell how much space is used.",
    published_title: "Published snapshot",
    published_text: "The förbund can put a summary next to the app: the file saved under Share data with the part “For publishing (no participants)”. When online, the app looks for a newer one and offers to merge it, with the same preview as for a file. Anyone can open that address, so the file must hold no participants: a file with participants or check-ins, or one not saved for publishing, is not read.",
    published_location: "Where the file is (path in the app's folder or web address)",
    published_save: "Save location",
    published_saved: "The location is saved.",
    published_fetch: "Fetch the published snapshot",
    published_nothing: "No published snapshot at that location.",
    published_news: "A newer published snapshot is available.",
    published_show: "Show and merge",
    published_refused: en_refused,
    location_error: |e| match e {
        LocationError::Spaces => "The location must not contain spaces.",
        LocationError::NotHttp => "Give a path in the app's folder (for example data/snapshot.json) or an address starting with https://.",
        LocationError::ClimbsOut => "The path must not leave the app's folder (..).",
        LocationError::TooLong => "The location is too long.",
    },
    dav_title: "Sync through a WebDAV folder",
    dav_text: "For staff: a folder on a WebDAV server (for example Nextcloud). Each computer writes its own file in the folder and merges the others'. User name and password are kept only on this computer, never in snapshots or exports.",
    dav_url: "Folder address",
    dav_user: "User name",
    dav_password: "Password (preferably an app password)",
    dav_save: "Save settings",
    dav_saved: "The settings are saved on this computer.",
    dav_not_saved: "The settings could not be saved: the browser takes no more settings (its storage is full or turned off). Nothing was changed.",
    dav_forget: "Forget the settings",
    dav_sync: "Sync",
    dav_syncing: "Syncing …",
    dav_offline: "No network connection — sync when online. Nothing is lost.",
    dav_not_set: "Give the folder's address first.",
    dav_done: |files, records, own| {
        format!("Synced: {files} files read, {records} records changed, this computer's file {own} written.")
    },
    dav_bad_file: |name, why| format!("The file {name} was not read: {why}"),
    settings_error: |e| match e {
        DavSettingsError::MissingUrl => "Give the folder's address.",
        DavSettingsError::NotHttp => "The address must start with https:// (or http://).",
        DavSettingsError::HalfCredentials => "Give both user name and password, or neither.",
    },
    failure: |f| match f {
        SyncFailure::Offline => "No network connection. Nothing changed; try again when online.".into(),
        SyncFailure::Unreachable => "The server does not answer. Check the address and the network (the server must also allow the app, CORS). Nothing changed.".into(),
        SyncFailure::WrongCredentials => "Wrong user name or password (the server answered 401). Nothing changed.".into(),
        SyncFailure::NotFound => "The folder or file is not on the server (404). Check the address.".into(),
        SyncFailure::ChangedMeanwhile => "The file on the server changed meanwhile (412), so it was not overwritten. What was already read in is kept; sync again.".into(),
        SyncFailure::Status(s) => format!("The server answered with error {s}. Nothing changed."),
        SyncFailure::BadListing => "The server sent a folder listing that cannot be read. Is the address a WebDAV folder?".into(),
        SyncFailure::TooLarge { url, limit } => format!(
            "The answer from {url} is larger than {} and was not read; none of it was stored.",
            crate::core::fmt_en::bytes(*limit as f64)
        ),
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_too_large_is_named_by_its_address_and_the_limit() {
        let f = SyncFailure::TooLarge {
            url: "https://moln.example.se/dav/".into(),
            limit: crate::core::exchange::sync::LISTING_MAX_BYTES,
        };
        assert_eq!(
            (SV.failure)(&f),
            "Svaret från https://moln.example.se/dav/ är större än 8\u{a0}MB och lästes inte in; inget av det har sparats."
        );
        assert!((EN.failure)(&f)
            .starts_with("The answer from https://moln.example.se/dav/ is larger than 8\u{a0}MB"));
    }
}
