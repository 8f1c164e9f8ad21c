//! The förbund in `demo.json`: the organisation, its three
//! municipalities, the partners and the projects, as the newsletters and
//! the MIA fact sheet name them.

use super::{mia_period, rid, span, Builder};
use crate::core::model::{
    Municipality, Organisation, Partner, PartnerKind, Project, ORGANISATION_ID,
};
use crate::core::value::Percent;

impl Builder {
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
}

pub(super) fn organisation_and_projects(b: &mut Builder) {
    let meta = b.meta(ORGANISATION_ID);
    b.push(Organisation {
        protection_threshold: None,
        meta,
        name: "Samordningsförbundet Östra Södertörn".into(),
        financing: Vec::new(),
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

    let meta = b.meta("demo-mia");
    b.push(Project {
        meta,
        name: "MIA – Mobilisering inför arbete".into(),
        description: "Länsgemensamt projekt där sex samordningsförbund i Stockholms län utvecklar samordnade insatser för personer som står långt från arbetsmarknaden. Varje förbund driver ett delprojekt.".into(),
        period: mia_period(),
        parent: None,
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: Percent::from_ratio(2, 3),
        financing: Vec::new(),
    });
    let meta = b.meta("demo-mia-os");
    b.push(Project {
        meta,
        name: "MIA Östra Södertörn".into(),
        description: "Delprojekt i Tyresö, Haninge och Nynäshamn för personer 16–64 år som behöver samordnat stöd för att nå eller komma närmare arbete och egen försörjning. All inremittering sker genom Resursråden; insatserna är gruppverksamhet med KBT eller dramapedagogik, Case Management och arbetsträning i arbetsintegrerande sociala företag.".into(),
        period: mia_period(),
        parent: Some(rid("demo-mia")),
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: Percent::from_ratio(2, 3),
        financing: Vec::new(),
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
        financing: Vec::new(),
    });
    let meta = b.meta("demo-etablering");
    b.push(Project {
        meta,
        name: "Etableringscentrum".into(),
        description: "Samlokaliserade etableringscentrum i Haninge, Nynäshamn och Tyresö där nyanlända får en samordnad etableringsplan. Haninge kommun är projektägare.".into(),
        period: span((2018, 4, 9), (2021, 6, 30)),
        parent: None,
        funder: "Europeiska socialfonden (ESF)".into(),
        funder_share: None,
        financing: Vec::new(),
    });
}
