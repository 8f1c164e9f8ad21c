//! The builder of the demo data set, kept readable in Rust: it writes
//! `demo.json` (run `UPDATE_DEMO=1 cargo test demo`), and a test checks that
//! the file is what it builds. The app itself only ships the JSON.

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{
    Breakdown, Contact, Dimension, Direction, Gender, Indicator, Insats, InsatsKind, Meta,
    Municipality, Organisation, Outcome, OutcomeSource, Partner, PartnerKind, Project, Record,
    Referrer, Scope, Target, ORGANISATION_ID,
};
use crate::core::period::Period;
use crate::core::value::{Count, FigureValue, Percent, Unit};
use chrono::NaiveDate;

const NB_2018_02: &str = "Nyhetsbrev nr 1 2018: En kort sammanfattning av 2017 i siffror";
const NB_2018_09: &str = "Nyhetsbrev september 2018: förbundets halvårsrapport";
const NB_MIA: &str = "Nyhetsbrev september 2018: måluppfyllelsen för MIA hittills";

pub(super) fn rid(s: &str) -> RecordId {
    // Every literal below is a valid id; the fallback only keeps this panic-free.
    RecordId::parse(s).unwrap_or_else(|_| RecordId::from_random([0; 16]))
}

pub(super) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn count(n: u64) -> FigureValue {
    FigureValue::Count(Count::saturating(n))
}

pub(super) fn pct(whole: u32) -> FigureValue {
    FigureValue::Percent(Percent::saturating_tenths(whole * 10))
}

/// Builds records with consecutive stamps from one device.
pub(super) struct Builder {
    hlc: Hlc,
    device: DeviceId,
    pub(super) records: Vec<Record>,
}

impl Builder {
    /// A builder whose first record is stamped just after `after`.
    pub(super) fn new(after: Hlc, device: &DeviceId) -> Builder {
        Builder {
            hlc: after,
            device: device.clone(),
            records: Vec::new(),
        }
    }

    pub(super) fn meta(&mut self, id: &str) -> Meta {
        self.hlc = self.hlc.tick(self.hlc.millis);
        Meta::new(rid(id), self.hlc, self.device.clone())
    }

    pub(super) fn push(&mut self, r: impl Into<Record>) {
        self.records.push(r.into());
    }

    fn municipality(&mut self, id: &str, name: &str) {
        let meta = self.meta(id);
        self.push(Municipality {
            meta,
            name: name.into(),
        });
    }

    fn partner(&mut self, id: &str, name: &str, kind: PartnerKind) {
        let meta = self.meta(id);
        self.push(Partner {
            meta,
            name: name.into(),
            kind,
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn insats(
        &mut self,
        id: &str,
        name: &str,
        kind: InsatsKind,
        municipalities: &[&str],
        provider: &str,
        project: Option<&str>,
        start: Option<NaiveDate>,
        description: &str,
        contacts: Vec<Contact>,
    ) {
        let meta = self.meta(id);
        self.push(Insats {
            meta,
            name: name.into(),
            kind,
            description: description.into(),
            municipalities: municipalities.iter().map(|m| rid(m)).collect(),
            provider: provider.into(),
            project: project.map(rid),
            start,
            end: None,
            capacity: None,
            contacts,
        });
    }

    /// An insats of the MIA project with no provider, start or contacts.
    pub(super) fn insats_plain(
        &mut self,
        id: &str,
        name: &str,
        kind: InsatsKind,
        municipalities: &[&str],
        description: &str,
    ) {
        self.insats(
            id,
            name,
            kind,
            municipalities,
            "",
            Some("demo-mia-os"),
            None,
            description,
            vec![],
        );
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn indicator(
        &mut self,
        id: &str,
        name: &str,
        unit: Unit,
        definition: &str,
        words: (&str, &str),
        dimensions: &[Dimension],
        prorate: bool,
    ) {
        let meta = self.meta(id);
        self.push(Indicator {
            meta,
            name: name.into(),
            unit,
            definition: definition.into(),
            numerator: words.0.into(),
            denominator: words.1.into(),
            direction: Direction::HigherIsBetter,
            dimensions: dimensions.to_vec(),
            tolerance_percent: 10,
            prorate,
            computed: None,
            sentence: String::new(),
        });
    }

    pub(super) fn target(
        &mut self,
        id: &str,
        indicator: &str,
        scope: Scope,
        period: Option<Period>,
        value: FigureValue,
        note: &str,
    ) {
        let Some(period) = period else { return };
        let meta = self.meta(id);
        self.push(Target {
            meta,
            indicator: rid(indicator),
            scope,
            period,
            breakdown: None,
            value,
            note: note.into(),
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn outcome(
        &mut self,
        id: &str,
        indicator: &str,
        scope: Scope,
        period: Option<Period>,
        breakdown: Option<Breakdown>,
        value: FigureValue,
        reported_on: Option<NaiveDate>,
        note: &str,
    ) {
        let Some(period) = period else { return };
        let meta = self.meta(id);
        self.push(Outcome {
            meta,
            indicator: rid(indicator),
            scope,
            period,
            breakdown,
            value,
            reported_on,
            source: OutcomeSource::Manual,
            note: note.into(),
        });
    }
}

pub(super) fn contact(role: &str, name: &str, phone: &str, email: &str) -> Contact {
    Contact {
        role: role.into(),
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
    }
}

fn organisation_and_projects(b: &mut Builder) {
    let meta = b.meta(ORGANISATION_ID);
    b.push(Organisation {
        protection_threshold: None,
        meta,
        name: "Samordningsförbundet Östra Södertörn".into(),
    });
    b.municipality("demo-haninge", "Haninge");
    b.municipality("demo-nynashamn", "Nynäshamn");
    b.municipality("demo-tyreso", "Tyresö");
    b.partner(
        "demo-af",
        "Arbetsförmedlingen",
        PartnerKind::EmploymentService,
    );
    b.partner("demo-fk", "Försäkringskassan", PartnerKind::SocialInsurance);
    b.partner("demo-sll", "Stockholms läns landsting", PartnerKind::Region);

    let mia_period = date(2017, 4, 1)
        .zip(date(2020, 8, 31))
        .and_then(|(s, e)| Period::range(s, e).ok());
    let meta = b.meta("demo-mia");
    b.push(Project {
        meta,
        name: "MIA – Mobilisering inför arbete".into(),
        description: "Länsgemensamt projekt där sex samordningsförbund i Stockholms län utvecklar samordnade insatser för personer som står långt från arbetsmarknaden. Varje förbund driver ett delprojekt.".into(),
        period: mia_period,
        parent: None,
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: Percent::from_ratio(2, 3),
    });
    let meta = b.meta("demo-mia-os");
    b.push(Project {
        meta,
        name: "MIA Östra Södertörn".into(),
        description: "Delprojekt i Tyresö, Haninge och Nynäshamn för personer 16–64 år som behöver samordnat stöd för att nå eller komma närmare arbete och egen försörjning. All inremittering sker genom Resursråden; insatserna är gruppverksamhet med KBT eller dramapedagogik, Case Management och arbetsträning i arbetsintegrerande sociala företag.".into(),
        period: mia_period,
        parent: Some(rid("demo-mia")),
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: Percent::from_ratio(2, 3),
    });
    let meta = b.meta("demo-ungdom");
    b.push(Project {
        meta,
        name: "Ungdomsinsatserna".into(),
        description: "Ungdomsteamet i Haninge, Ung i Nynäs och Ung i Tyresö: sedan 2015 en del av lokala överenskommelser om samverkan kring unga som varken arbetar eller studerar.".into(),
        period: None,
        parent: None,
        funder: String::new(),
        funder_share: None,
    });
    let meta = b.meta("demo-etablering");
    b.push(Project {
        meta,
        name: "Etableringscentrum".into(),
        description: "Samlokaliserade etableringscentrum i Haninge, Nynäshamn och Tyresö där nyanlända får en samordnad etableringsplan. Haninge kommun är projektägare.".into(),
        period: date(2018, 4, 9).zip(date(2021, 6, 30)).and_then(|(s, e)| Period::range(s, e).ok()),
        parent: None,
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: None,
    });
}

fn insatser(b: &mut Builder) {
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

fn indicators(b: &mut Builder) {
    use Dimension::{Gender as G, Municipality as M, Referrer as R};
    b.indicator(
        "demo-ind-deltagare",
        "Deltagare",
        Unit::Count,
        "Personer som fått individuellt anpassat stöd under perioden.",
        ("", ""),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-kon",
        "Könsfördelning bland deltagarna",
        Unit::Percent,
        "Andel av deltagarna per kön.",
        ("deltagare av respektive kön", "samtliga deltagare"),
        &[G],
        false,
    );
    b.indicator(
        "demo-ind-konsultation",
        "Myndighetsgemensamma konsultationer",
        Unit::Count,
        "Personer som fått myndighetsgemensam konsultation via Resursråden.",
        ("", ""),
        &[M],
        true,
    );
    b.indicator(
        "demo-ind-arbete-antal",
        "Började arbeta eller studera",
        Unit::Count,
        "Personer som började arbeta eller studera när de avslutade sitt deltagande.",
        ("", ""),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-arbete",
        "Andel till arbete eller studier",
        Unit::Percent,
        "Andel som började arbeta eller studera.",
        (
            "började arbeta eller studera",
            "samtliga som avslutade sitt deltagande",
        ),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-ordinarie",
        "Andel till ordinarie insatser",
        Unit::Percent,
        "Andel som gick vidare till Arbetsförmedlingens eller kommunernas ordinarie insatser.",
        ("gick vidare till ordinarie insatser", "samtliga deltagare"),
        &[M],
        false,
    );
    b.indicator(
        "demo-ind-nya",
        "Nya deltagare",
        Unit::Count,
        "Personer som påbörjade en insats under perioden.",
        ("", ""),
        &[M, R],
        true,
    );
    b.indicator(
        "demo-ind-nya-fordelning",
        "Fördelning av nya deltagare",
        Unit::Percent,
        "Andel av de nya deltagarna per kommun eller remittent.",
        ("nya deltagare i gruppen", "samtliga nya deltagare"),
        &[M, R],
        false,
    );
    b.indicator(
        "demo-ind-egen",
        "Andel egenanmälningar",
        Unit::Percent,
        "Andel av de nya deltagarna som anmält sig själva.",
        ("egenanmälda nya deltagare", "samtliga nya deltagare"),
        &[M],
        false,
    );
}

fn figures_2016_2017(b: &mut Builder) {
    let forbund = Scope::Forbund;
    let y2017 = Period::year(2017).ok();
    let feb18 = date(2018, 2, 1);
    b.target(
        "demo-t-deltagare-2017",
        "demo-ind-deltagare",
        forbund.clone(),
        y2017,
        count(975),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-deltagare-2017",
        "demo-ind-deltagare",
        forbund.clone(),
        y2017,
        None,
        count(927),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-kon-k-2017",
        "demo-ind-kon",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Woman)),
        pct(43),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-kon-m-2017",
        "demo-ind-kon",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Man)),
        pct(57),
        feb18,
        NB_2018_02,
    );
    b.target(
        "demo-t-konsultation-2017",
        "demo-ind-konsultation",
        forbund.clone(),
        y2017,
        count(200),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-konsultation-2017",
        "demo-ind-konsultation",
        forbund.clone(),
        y2017,
        None,
        count(183),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        None,
        count(271),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-k-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Woman)),
        count(92),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-antal-m-2017",
        "demo-ind-arbete-antal",
        forbund.clone(),
        y2017,
        Some(Breakdown::Gender(Gender::Man)),
        count(179),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-arbete-2017",
        "demo-ind-arbete",
        forbund.clone(),
        y2017,
        None,
        pct(39),
        feb18,
        NB_2018_02,
    );
    b.outcome(
        "demo-o-nya-2017",
        "demo-ind-nya",
        forbund.clone(),
        y2017,
        None,
        count(634),
        feb18,
        NB_2018_02,
    );
    for (id, muni, share) in [
        ("n", "demo-nynashamn", 23),
        ("t", "demo-tyreso", 34),
        ("h", "demo-haninge", 43),
    ] {
        b.outcome(
            &format!("demo-o-nya-kommun-{id}-2017"),
            "demo-ind-nya-fordelning",
            forbund.clone(),
            y2017,
            Some(Breakdown::Municipality(rid(muni))),
            pct(share),
            feb18,
            NB_2018_02,
        );
    }
    for (id, referrer, share, note) in [
        ("kommun", Referrer::Municipality, 34, NB_2018_02),
        ("af", Referrer::EmploymentService, 27, NB_2018_02),
        (
            "egen",
            Referrer::SelfReferral,
            16,
            "Motsvarar 102 deltagare. Nyhetsbrev nr 1 2018",
        ),
    ] {
        b.outcome(
            &format!("demo-o-nya-remittent-{id}-2017"),
            "demo-ind-nya-fordelning",
            forbund.clone(),
            y2017,
            Some(Breakdown::Referrer(referrer)),
            pct(share),
            feb18,
            note,
        );
    }

    let youth = Scope::Project(rid("demo-ungdom"));
    b.outcome(
        "demo-o-ungdom-arbete-2016",
        "demo-ind-arbete",
        youth.clone(),
        Period::year(2016).ok(),
        None,
        pct(58),
        feb18,
        NB_2018_02,
    );
    b.target(
        "demo-t-ungdom-arbete-2017",
        "demo-ind-arbete",
        youth.clone(),
        y2017,
        pct(65),
        NB_2018_02,
    );
    b.outcome(
        "demo-o-ungdom-arbete-2017",
        "demo-ind-arbete",
        youth,
        y2017,
        None,
        pct(65),
        feb18,
        NB_2018_02,
    );
}

fn figures_2018(b: &mut Builder) {
    let youth = Scope::Project(rid("demo-ungdom"));
    let y2018 = Period::year(2018).ok();
    let h1 = Period::half(2018, 1).ok();
    let sep18 = date(2018, 9, 1);
    b.target(
        "demo-t-ungdom-arbete-2018",
        "demo-ind-arbete",
        youth.clone(),
        y2018,
        pct(65),
        NB_2018_09,
    );
    b.outcome(
        "demo-o-ungdom-arbete-2018h1",
        "demo-ind-arbete",
        youth.clone(),
        h1,
        None,
        pct(64),
        sep18,
        "I genomsnitt 64 procent gick vidare till arbete eller studier. Nyhetsbrev september 2018",
    );
    b.target(
        "demo-t-ungdom-nya-2018",
        "demo-ind-nya",
        youth.clone(),
        y2018,
        count(390),
        NB_2018_09,
    );
    b.outcome(
        "demo-o-ungdom-nya-2018h1",
        "demo-ind-nya",
        youth.clone(),
        h1,
        None,
        count(204),
        sep18,
        "Inflödet ligger något över målet. Nyhetsbrev september 2018",
    );
    for (id, muni, share) in [
        ("t", "demo-tyreso", 53),
        ("n", "demo-nynashamn", 75),
        ("h", "demo-haninge", 9),
    ] {
        b.outcome(
            &format!("demo-o-ungdom-egen-{id}-2018h1"),
            "demo-ind-egen",
            youth.clone(),
            h1,
            Some(Breakdown::Municipality(rid(muni))),
            pct(share),
            sep18,
            NB_2018_09,
        );
    }

    let mia_period = date(2017, 4, 1)
        .zip(date(2020, 8, 31))
        .and_then(|(s, e)| Period::range(s, e).ok());
    let so_far = date(2017, 4, 1)
        .zip(date(2018, 8, 31))
        .and_then(|(s, e)| Period::range(s, e).ok());
    for (scope, key, work, ordinary) in [
        (Scope::Project(rid("demo-mia-os")), "mia-os", 15, 32),
        (Scope::Project(rid("demo-mia")), "mia", 21, 28),
    ] {
        b.target(
            &format!("demo-t-{key}-arbete"),
            "demo-ind-arbete",
            scope.clone(),
            mia_period,
            pct(30),
            "Målet för det länsgemensamma projektet",
        );
        b.target(
            &format!("demo-t-{key}-ordinarie"),
            "demo-ind-ordinarie",
            scope.clone(),
            mia_period,
            pct(40),
            "Målet för det länsgemensamma projektet",
        );
        b.outcome(
            &format!("demo-o-{key}-arbete"),
            "demo-ind-arbete",
            scope.clone(),
            so_far,
            None,
            pct(work),
            sep18,
            NB_MIA,
        );
        b.outcome(
            &format!("demo-o-{key}-ordinarie"),
            "demo-ind-ordinarie",
            scope,
            so_far,
            None,
            pct(ordinary),
            sep18,
            NB_MIA,
        );
    }
}

/// Every demo record, stamped after `after` by `device`.
pub(super) fn build(after: Hlc, device: &DeviceId) -> Vec<Record> {
    let mut b = Builder::new(after, device);
    organisation_and_projects(&mut b);
    insatser(&mut b);
    indicators(&mut b);
    figures_2016_2017(&mut b);
    figures_2018(&mut b);
    b.records
}
