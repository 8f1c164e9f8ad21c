//! The insatser of `demo.json`: the Resursråd, the youth teams and the
//! MIA insatser with the LOV providers of arbetsträning.

use super::{contact, date, Builder};
use crate::core::model::InsatsKind;

pub(super) fn insatser(b: &mut Builder) {
    let all = ["demo-haninge", "demo-nynashamn", "demo-tyreso"];
    b.insats("demo-rr-ht", "Resursrådet Haninge och Tyresö", InsatsKind::Consultation, &["demo-haninge", "demo-tyreso"], "Samordningsförbundet Östra Södertörn", Some("demo-mia-os"), None,
        "Myndighetsgemensam konsultation och en väg in: handläggare kommer hit för konsultation eller skickar en anvisning, och Resursrådet rekommenderar lämplig insats.",
        vec![contact("Verksamhetsledare", "Liselotte Bertel", "010-116 46 86", "")]);
    b.insats(
        "demo-rr-n",
        "Resursrådet Nynäshamn",
        InsatsKind::Consultation,
        &["demo-nynashamn"],
        "Samordningsförbundet Östra Södertörn",
        Some("demo-mia-os"),
        None,
        "Myndighetsgemensam konsultation och en väg in för Nynäshamn.",
        vec![contact(
            "Verksamhetsledare",
            "Maria Kinhamer",
            "010-116 36 26",
            "",
        )],
    );
    b.insats("demo-ut-haninge", "Ungdomsteamet Haninge", InsatsKind::YouthTeam, &["demo-haninge"], "Haninge kommun", Some("demo-ungdom"), date(2007, 1, 1),
        "Stöd till unga som varken arbetar eller studerar; en av förbundets basplattformar sedan 2007.", vec![]);
    b.insats(
        "demo-ung-nynas",
        "Ung i Nynäs",
        InsatsKind::YouthTeam,
        &["demo-nynashamn"],
        "Nynäshamns kommun",
        Some("demo-ungdom"),
        date(2010, 1, 1),
        "Ungdomsinsats i Nynäshamn sedan 2010.",
        vec![contact("Arbetsmarknadskonsulent", "Mona Hällblad", "", "")],
    );
    b.insats(
        "demo-ung-tyreso",
        "Ung i Tyresö",
        InsatsKind::YouthTeam,
        &["demo-tyreso"],
        "Tyresö kommun",
        Some("demo-ungdom"),
        date(2010, 1, 1),
        "Ungdomsinsats i Tyresö sedan 2010.",
        vec![],
    );
    b.insats("demo-cm", "Case Management", InsatsKind::CaseManagement, &all, "Kommunerna", Some("demo-mia-os"), date(2017, 4, 1),
        "Individuellt stöd från en Case Manager. Haninge och Nynäshamn anställde varsin Case Manager hösten 2018.", vec![]);
    b.insats(
        "demo-se",
        "Supported Employment",
        InsatsKind::SupportedEmployment,
        &all,
        "Arbetsförmedlingen",
        Some("demo-mia-os"),
        date(2018, 9, 1),
        "Stöd att börja arbeta eller studera med anställningsstöd från Arbetsförmedlingen.",
        vec![],
    );
    b.insats(
        "demo-kbt",
        "KBT-samtal Nynäshamn",
        InsatsKind::GroupProgramme,
        &["demo-nynashamn"],
        "Nynäshamns kommun",
        Some("demo-mia-os"),
        date(2017, 4, 1),
        "Gruppverksamhet med kognitiv beteendeterapi.",
        vec![],
    );
    for (id, name, provider, muni) in [
        (
            "demo-at-bonorna",
            "Arbetsträning Bönorna",
            "Bönorna i Handen",
            "demo-haninge",
        ),
        (
            "demo-at-grow",
            "Arbetsträning Grow",
            "Grow Tyresö",
            "demo-tyreso",
        ),
        (
            "demo-at-jobbverket",
            "Arbetsträning Jobbverket",
            "Jobbverket",
            "demo-haninge",
        ),
        (
            "demo-at-skyddsvarnet",
            "Arbetsträning Skyddsvärnet",
            "Skyddsvärnets Second Hand & Café AB",
            "demo-haninge",
        ),
        (
            "demo-at-stadsmissionen",
            "Arbetsträning Stadsmissionen",
            "Stockholms Stadsmission, second hand Handen",
            "demo-haninge",
        ),
    ] {
        b.insats(id, name, InsatsKind::WorkTraining, &[muni], provider, Some("demo-mia-os"), None,
            "Arbetsträning i ett arbetsintegrerande socialt företag, upphandlad enligt lagen om valfrihetssystem (LOV).", vec![]);
    }
}
