//! Texts of the accessibility statement (tillgänglighetsredogörelse), in
//! both languages; a missing text is a compile error.
//!
//! The statement follows the model of Myndigheten för digital förvaltning
//! (DIGG) for the law on accessibility of digital public services
//! (lagen (2018:1937) om tillgänglighet till digital offentlig service):
//! who stands behind it, how accessible the app is, what is known not to
//! be, how to report a problem, the supervisory authority, how the app was
//! tested, and when the statement was made. Texts that name the förbund
//! take its name from the data, or say "the förbund that publishes the
//! app" when none is entered yet.

/// A text that names the förbund (`None`: no name entered yet).
pub type Named = fn(Option<&str>) -> String;

/// Every text of the accessibility statement and its footer link.
pub struct AccessibilityTexts {
    pub footer_link: &'static str,
    pub title: &'static str,
    /// Who stands behind the app, and what the statement describes.
    pub intro: Named,
    pub scope_title: &'static str,
    /// Which app the statement covers, and who answers for it.
    pub scope: Named,
    pub address_label: &'static str,
    pub how_title: &'static str,
    pub how_text: &'static str,
    pub how_items: [&'static str; 9],
    pub known_title: &'static str,
    pub known_text: &'static str,
    pub known_items: [&'static str; 6],
    pub alternative_title: &'static str,
    pub alternative: Named,
    pub report_title: &'static str,
    pub report: Named,
    pub report_contact: &'static str,
    pub supervision_title: &'static str,
    pub supervision_text: &'static str,
    pub supervision_link: &'static str,
    pub tested_title: &'static str,
    pub tested_text: &'static str,
    pub tested_items: [&'static str; 7],
    pub untested_text: &'static str,
    pub made_title: &'static str,
    pub made_text: &'static str,
}

/// DIGG's form for reporting a public body's digital service.
pub const DIGG_REPORT_URL: &str = "https://www.digg.se/tdosanmalan";

fn sv_forbund(org: Option<&str>, capital: bool) -> String {
    match (org, capital) {
        (Some(name), _) => name.to_owned(),
        (None, true) => "Det samordningsförbund som publicerar appen".into(),
        (None, false) => "det samordningsförbund som publicerar appen".into(),
    }
}

fn en_forbund(org: Option<&str>, capital: bool) -> String {
    match (org, capital) {
        (Some(name), _) => name.to_owned(),
        (None, true) => {
            "The coordination association (samordningsförbund) that publishes the app".into()
        }
        (None, false) => {
            "the coordination association (samordningsförbund) that publishes the app".into()
        }
    }
}

pub static SV: AccessibilityTexts = AccessibilityTexts {
    footer_link: "Tillgänglighet",
    title: "Tillgänglighetsredogörelse",
    intro: |org| format!(
        "{} står bakom Måltavla, appen där förbundet följer upp sina mål och utfall. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Måltavla uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
        sv_forbund(org, true)
    ),
    scope_title: "Vad redogörelsen gäller",
    scope: |org| format!(
        "Redogörelsen gäller appen Måltavla med alla dess sidor, så som {} publicerar den. Förbundet ansvarar för att appen är tillgänglig där den publiceras. Redogörelsen gäller inte filer som du sparar från appen (ögonblicksbilder, CSV-filer och diagram som SVG eller PNG) när de används i andra program.",
        sv_forbund(org, false)
    ),
    address_label: "Appens adress",
    how_title: "Hur tillgänglig är appen?",
    how_text: "Måltavla är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs under Kända brister. Målet är att appen ska uppfylla WCAG 2.1 på nivå AA, som lagen hänvisar till. Det här fungerar:",
    how_items: [
        "Alla sidor går att använda med enbart tangentbord, och det som har fokus har en tydlig markering. Ett formulär som du öppnar får fokus direkt, och när du stänger det kommer fokus oftast tillbaka till knappen som öppnade det.",
        "Varje sida har en egen titel, rubriker i ordning, landmärken (sidhuvud, meny, huvudinnehåll, sidfot) och en länk för att hoppa direkt till innehållet. Alla fält har etiketter, och fel i ett formulär skrivs ut vid fältet och läses upp.",
        "Varje diagram har en rubrik och en beskrivning i text, och knappen Visa som tabell visar samma siffror som en tabell.",
        "Status visas alltid med symbol och ord (✓ Uppnått, ≈ Nära, ✗ Efter) och siffrorna står alltid som text, aldrig bara med färg.",
        "Text har minst 4,5:1 i kontrast mot bakgrunden, och diagrammens staplar, linjer och markeringar minst 3:1.",
        "Sidorna fungerar med 200 % och med 400 % förstoring utan att du behöver skrolla i sidled; breda tabeller skrollar i sin egen ruta, som du också kan nå med tangentbordet.",
        "Texten går att läsa även om du ökar avståndet mellan rader, stycken, ord och bokstäver.",
        "Har du valt minskad rörelse i datorns inställningar rör sig ingenting i appen.",
        "Appen finns på svenska och engelska; språket väljer du under Inställningar.",
    ],
    known_title: "Kända brister",
    known_text: "Det här är inte helt tillgängligt:",
    known_items: [
        "Breda tabeller, som deltagartabellen, måluppfyllelsen och månadskalendern över frukostmöten, skrollar i sidled i sin egen ruta på smala skärmar och vid stor förstoring, så att du inte ser hela raden på en gång.",
        "När du har ändrat en insats eller ett frukostmöte och sparar eller avbryter hamnar fokus på den första länken i uppgifterna om den, inte på knappen Ändra.",
        "Uppgifter som förbundet själv har skrivit in, till exempel namn på insatser och teman för frukostmöten, visas på det språk de skrevs på även i den engelska versionen, och är inte märkta med sitt språk för skärmläsare.",
        "Ett diagram som du laddar ner som PNG är en bild utan text för skärmläsare (SVG-filen har rubrik och beskrivning); skriv en alternativtext när du använder bilden i ett nyhetsbrev eller en presentation. I presentationsläget visas diagrammen utan knappen Visa som tabell; samma siffror finns som tabell på indikatorns sida och under Frukostmöten.",
        "I högkontrastläge (forcerade färger) behåller diagrammen sina egna färger på vit bakgrund. De går att läsa men följer inte de färger du har valt; Visa som tabell visar samma siffror i dina färger.",
        "Appen har inte testats för hand med skärmläsare. Det kan finnas brister i hur den läses upp som de automatiska testerna inte hittar.",
    ],
    alternative_title: "Om du inte kan använda delar av appen",
    alternative: |org| format!(
        "Varje diagram kan visas som tabell, och alla mål och utfall kan sparas som en CSV-fil under Dela data och öppnas i ett kalkylprogram. Behöver du uppgifterna på något annat sätt kan du kontakta {}.",
        sv_forbund(org, false)
    ),
    report_title: "Rapportera brister i appens tillgänglighet",
    report: |org| format!(
        "Vi försöker hela tiden göra appen mer tillgänglig. Om du upptäcker problem som inte beskrivs här, eller om du tycker att vi inte uppfyller lagen, kontakta {} och berätta vilken sida det gäller och vad som inte fungerar, så att vi får veta att problemet finns.",
        sv_forbund(org, false)
    ),
    report_contact: "Förbundets kontaktuppgifter finns på förbundets webbplats.",
    supervision_title: "Tillsyn",
    supervision_text: "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påpeka det.",
    supervision_link: "Anmäl till DIGG (digg.se/tdosanmalan)",
    tested_title: "Hur vi har testat appen",
    tested_text: "Vi har själva granskat Måltavla; ingen utomstående har granskat den. Testerna körs automatiskt varje gång appen ändras:",
    tested_items: [
        "axe-core kontrollerar varje sida med exempeldata mot reglerna för WCAG 2.1 A och AA och reglerna för landmärken och rubriker, på svenska och på engelska, med diagrammen både som bild och som tabell, med öppna formulär (också med felmeddelanden) och med förhandsgranskningen av en import, i fönster som är 1280, 640 och 320 punkter breda. Testet kräver noll fel.",
        "Tangentbord: testet går med Tab genom varje sida och kontrollerar att allt som får fokus syns och har en fokusmarkering, att länken Hoppa till innehållet fungerar, att ett formulär som öppnas får fokus och att fokus kommer tillbaka när det stängs.",
        "Förstoring: varje sida, med diagrammen både som bild och som tabell, visas i fönster som är 640 och 320 punkter breda, vilket motsvarar 200 % och 400 % förstoring av en vanlig skärm, och får inte skrolla i sidled.",
        "Textavstånd: med de avstånd som WCAG 1.4.12 anger får ingen text klippas av.",
        "Minskad rörelse: med inställningen minskad rörelse får inget på sidan ha övergångar eller animationer.",
        "Forcerade färger, efterliknade i webbläsaren Chromium: menyn visar fortfarande vilken sida du är på, och diagrammen behåller sin vita bakgrund.",
        "Färger: varje diagram som testerna ritar kontrolleras för kontrast, och status ska alltid ha symbol och ord; varje sida ska ha en titel som säger vilken sida det är.",
    ],
    untested_text: "Det här har vi inte testat: skärmläsare (till exempel NVDA, JAWS, VoiceOver och TalkBack) för hand, röststyrning, förstoringsprogram, högkontrastläget i Windows självt, andra webbläsare än Chromium, och appen tillsammans med användare med funktionsnedsättning. Automatiska tester hittar bara en del av alla brister.",
    made_title: "Om redogörelsen",
    made_text: "Redogörelsen upprättades i december 2026 och gäller den här versionen av Måltavla.",
};

pub static EN: AccessibilityTexts = AccessibilityTexts {
    footer_link: "Accessibility",
    title: "Accessibility statement",
    intro: |org| format!(
        "{} stands behind Måltavla, the app in which the association follows up its goals and outcomes. We want as many people as possible to be able to use it. This statement describes how Måltavla complies with the Swedish law on accessibility to digital public services (lagen om tillgänglighet till digital offentlig service), the shortcomings we know of, and how you can report problems to us so that we can fix them.",
        en_forbund(org, true)
    ),
    scope_title: "What the statement covers",
    scope: |org| format!(
        "The statement covers the app Måltavla with all its pages, as {} publishes it. The association is responsible for the app being accessible where it is published. It does not cover files you save from the app (snapshots, CSV files, and charts as SVG or PNG) when they are used in other programs.",
        en_forbund(org, false)
    ),
    address_label: "Address of the app",
    how_title: "How accessible is the app?",
    how_text: "Måltavla is partially compliant with the law on accessibility to digital public services, because of the shortcomings described under Known shortcomings. The goal is for the app to meet WCAG 2.1 at level AA, which the law refers to. This works:",
    how_items: [
        "Every page can be used with the keyboard alone, and whatever has focus is clearly marked. A form you open gets the focus at once, and when you close it the focus mostly returns to the button that opened it.",
        "Every page has its own title, headings in order, landmarks (header, menu, main content, footer) and a link that skips straight to the content. Every field has a label, and errors in a form are shown at the field and read aloud.",
        "Every chart has a title and a text description, and the Show as table button shows the same figures as a table.",
        "Status is always shown with a symbol and a word (✓ Met, ≈ Near, ✗ Behind), and figures are always printed as text, never by colour alone.",
        "Text has a contrast of at least 4.5:1 against its background, and the bars, lines and markers of charts at least 3:1.",
        "Pages work at 200% and at 400% zoom without scrolling sideways; wide tables scroll inside their own box, which the keyboard can reach too.",
        "Text stays readable when you widen the spacing of lines, paragraphs, words and letters.",
        "If you have chosen reduced motion in your computer's settings, nothing in the app moves.",
        "The app is available in Swedish and English; choose the language under Settings.",
    ],
    known_title: "Known shortcomings",
    known_text: "These are not fully accessible:",
    known_items: [
        "Wide tables, such as the participations table, the goal board and the month calendar of breakfast meetings, scroll sideways inside their own box on narrow screens and at high zoom, so you do not see the whole row at once.",
        "When you have edited an insats or a breakfast meeting and save or cancel, the focus goes to the first link in its details, not to the Edit button.",
        "Information the association has entered itself, such as the names of insatser and the themes of breakfast meetings, is shown in the language it was written in, also in the English version, and is not marked with its language for screen readers.",
        "A chart you download as PNG is a picture without text for screen readers (the SVG file has a title and a description); write an alternative text when you use the picture in a newsletter or a presentation. In presentation mode the charts show without the Show as table button; the same figures are a table on the indicator's page and under Breakfast meetings.",
        "In high contrast mode (forced colours) charts keep their own colours on a white ground. They stay readable but do not follow the colours you chose; Show as table shows the same figures in your colours.",
        "The app has not been tested by hand with a screen reader. There may be problems in how it is read aloud that the automated tests do not find.",
    ],
    alternative_title: "If you cannot use parts of the app",
    alternative: |org| format!(
        "Every chart can be shown as a table, and all targets and outcomes can be saved as a CSV file under Share data and opened in a spreadsheet. If you need the information in another way, contact {}.",
        en_forbund(org, false)
    ),
    report_title: "Report accessibility problems",
    report: |org| format!(
        "We keep working to make the app more accessible. If you find a problem that is not described here, or you think we do not comply with the law, contact {} and tell us which page it concerns and what does not work, so that we learn that the problem exists.",
        en_forbund(org, false)
    ),
    report_contact: "The association's contact details are on its website.",
    supervision_title: "Supervision",
    supervision_text: "The Agency for Digital Government (Myndigheten för digital förvaltning, DIGG) supervises the law on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact DIGG and tell them.",
    supervision_link: "Report to DIGG (digg.se/tdosanmalan, in Swedish)",
    tested_title: "How we tested the app",
    tested_text: "We reviewed Måltavla ourselves; no one outside has reviewed it. The tests run automatically every time the app changes:",
    tested_items: [
        "axe-core checks every page with the example data against the rules of WCAG 2.1 A and AA and the rules for landmarks and headings, in Swedish and in English, with the charts both as pictures and as tables, with forms open (also with their error messages) and with the preview of an import, in windows 1280, 640 and 320 pixels wide. The test requires zero errors.",
        "Keyboard: the test tabs through every page and checks that everything that gets focus is visible and has a focus indicator, that the Skip to content link works, that a form that opens gets the focus and that the focus comes back when it closes.",
        "Zoom: every page, with the charts both as pictures and as tables, is shown in windows 640 and 320 pixels wide, which equals 200% and 400% zoom of an ordinary screen, and must not scroll sideways.",
        "Text spacing: with the spacing WCAG 1.4.12 gives, no text may be cut off.",
        "Reduced motion: with reduced motion chosen, nothing on the page may have transitions or animations.",
        "Forced colours, as the Chromium browser emulates them: the menu still shows which page you are on, and charts keep their white ground.",
        "Colours: every chart the tests draw is checked for contrast, and a status must always have a symbol and a word; every page must have a title that says which page it is.",
    ],
    untested_text: "We have not tested: screen readers (such as NVDA, JAWS, VoiceOver and TalkBack) by hand, voice control, screen magnifiers, the high contrast mode of Windows itself, browsers other than Chromium, or the app together with users with disabilities. Automated tests find only some of all problems.",
    made_title: "About this statement",
    made_text: "The statement was made in December 2026 and covers this version of Måltavla.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_name_the_forbund_when_it_is_known_and_say_who_otherwise() {
        for t in [&SV, &EN] {
            let named = (t.report)(Some("Samordningsförbundet Östra Södertörn"));
            assert!(named.contains("Samordningsförbundet Östra Södertörn"));
            let unnamed = (t.intro)(None);
            assert!(unnamed.contains("amordningsförbund"), "{unnamed}");
            assert!(unnamed.starts_with(char::is_uppercase), "{unnamed}");
        }
    }
}
