#![cfg(not(target_arch = "wasm32"))]
//! Issue 18, item 6: a personal identity number typed into any text field
//! of any form is refused at that field, with the same problem a CSV cell
//! or a participation code gets, and nothing is built. Each form is opened
//! on a record of the example data, as the edit forms are.

use maltavla::core::demo;
use maltavla::core::ids::{DeviceId, Hlc, RecordId};
use maltavla::core::model::Meta;
use maltavla::core::validate::financing::FinancingDraft;
use maltavla::core::validate::{build_comment, build_forecast, CommentDraft};
use maltavla::core::validate::{
    build_end_status, build_indicator, build_insats, build_meeting, build_municipality,
    build_organisation, build_outcome, build_partner, build_presentation, build_project,
    build_slot_report, build_target, ContactDraft, FigureDraft, FormErrors, IndicatorDraft,
    InsatsDraft, MeetingDraft, NameDraft, PresentationDraft, ProjectDraft, SlotDraft,
};
use maltavla::core::validate::{Field, Problem};
use maltavla::core::workspace::Workspace;

/// Skatteverket's test number, and the same written as people (and
/// Windows-1252's en dash, and Word's no-break space) write it.
const WRITTEN: [&str; 5] = [
    "19121212-1212",
    "Ring om 850709-9805 i morgon",
    "850709\u{2013}9805",
    "850709\u{a0}9805",
    "8507099805",
];

fn ws() -> Workspace {
    demo::workspace()
}

/// Asserts that `built` was refused with a personal number at `field`.
#[track_caller]
fn refused_at<T: std::fmt::Debug>(built: Result<T, FormErrors>, field: Field, text: &str) {
    match built {
        Ok(r) => panic!("{text:?} at {field:?} was accepted: {r:?}"),
        Err(e) => assert_eq!(
            e.at(field),
            Some(&Problem::PersonalNumber),
            "{text:?} at {field:?}: {e}"
        ),
    }
}

#[test]
fn an_outcome_or_target_note_with_a_personal_number_is_refused_at_the_note() {
    let ws = ws();
    let o = ws.outcomes.live().next().expect("an outcome").clone();
    let t = ws.targets.live().next().expect("a target").clone();
    for text in WRITTEN {
        let mut d = FigureDraft::from_outcome(&o);
        d.note = text.into();
        refused_at(build_outcome(&d, &ws, o.meta.clone()), Field::Note, text);
        let mut d = FigureDraft::from_target(&t);
        d.note = text.into();
        refused_at(build_target(&d, &ws, t.meta.clone()), Field::Note, text);
    }
    // The same note without the number is fine.
    let mut d = FigureDraft::from_outcome(&o);
    d.note = "Enligt handläggare, tel. 070-123 45 67".into();
    assert!(build_outcome(&d, &ws, o.meta.clone()).is_ok());
}

#[test]
fn a_comment_and_a_forecast_note_refuse_a_personal_number_at_their_field() {
    let ws = ws();
    let c = ws
        .comments
        .live()
        .next()
        .expect("the demo's comment")
        .clone();
    let f = ws
        .forecasts
        .live()
        .next()
        .expect("the demo's forecast")
        .clone();
    type Set = fn(&mut CommentDraft, String);
    let fields: [(Field, Set); 3] = [
        (Field::Happened, |d, t| d.happened = t),
        (Field::Why, |d, t| d.why = t),
        (Field::Next, |d, t| d.next = t),
    ];
    for text in WRITTEN {
        for (field, set) in fields {
            let mut d = CommentDraft::from_comment(&c);
            set(&mut d, text.to_owned());
            refused_at(build_comment(&d, &ws, c.meta.clone()), field, text);
        }
        let mut d = FigureDraft::from_forecast(&f);
        d.note = text.into();
        refused_at(build_forecast(&d, &ws, f.meta.clone()), Field::Note, text);
    }
    assert!(build_comment(&CommentDraft::from_comment(&c), &ws, c.meta.clone()).is_ok());
}

#[test]
fn every_text_field_of_a_meeting_refuses_a_personal_number() {
    let ws = ws();
    let m = ws.meetings.live().next().expect("a meeting").clone();
    type Set = fn(&mut MeetingDraft, String);
    let fields: [(Field, Set); 6] = [
        (Field::Place, |d, t| d.place = t),
        (Field::Theme, |d, t| d.theme = t),
        (Field::Speakers, |d, t| d.speakers = t),
        (Field::Note, |d, t| d.note = t),
        (Field::Invitation, |d, t| {
            d.invitation = format!("https://example.se/anmalan?pnr={}", t.replace(' ', ""))
        }),
        (Field::Email, |d, t| {
            d.email = format!("{}@example.se", t.replace([' ', '\u{a0}'], ""))
        }),
    ];
    for (field, set) in fields {
        for text in WRITTEN {
            let mut d = MeetingDraft::of(&m);
            set(&mut d, text.to_owned());
            refused_at(build_meeting(&d, &ws, m.meta.clone()), field, text);
        }
    }
}

#[test]
fn a_slot_reports_provider_and_note_refuse_a_personal_number() {
    let ws = ws();
    let insats = ws.insatser_by_name()[0].meta.id.to_string();
    let draft = || SlotDraft {
        date: "2018-08-31".into(),
        insats: insats.clone(),
        provider: String::new(),
        capacity: "10".into(),
        enrolled: "4".into(),
        note: String::new(),
    };
    for text in WRITTEN {
        let d = SlotDraft {
            provider: text.into(),
            ..draft()
        };
        refused_at(build_slot_report(&d, &ws, meta()), Field::Provider, text);
        let d = SlotDraft {
            note: text.into(),
            ..draft()
        };
        refused_at(build_slot_report(&d, &ws, meta()), Field::Note, text);
    }
}

#[test]
fn an_indicators_name_definition_words_and_sentence_refuse_a_personal_number() {
    let ws = ws();
    let i = ws
        .indicators
        .live()
        .find(|i| i.unit == maltavla::core::value::Unit::Percent && i.computed.is_none())
        .or_else(|| ws.indicators.live().next())
        .expect("an indicator")
        .clone();
    type Set = fn(&mut IndicatorDraft, String);
    let fields: [(Field, Set); 5] = [
        (Field::Name, |d, t| d.name = t),
        (Field::Description, |d, t| d.definition = t),
        (Field::Sentence, |d, t| d.sentence = t),
        (Field::Numerator, |d, t| d.numerator = t),
        (Field::Denominator, |d, t| d.denominator = t),
    ];
    for (field, set) in fields {
        for text in WRITTEN {
            let mut d = IndicatorDraft::from_indicator(&i);
            set(&mut d, text.to_owned());
            refused_at(build_indicator(&d, &ws, i.meta.clone()), field, text);
        }
    }
}

#[test]
fn an_insats_and_its_contacts_refuse_a_personal_number() {
    let ws = ws();
    let i = ws.insatser_by_name()[0].clone();
    type Set = fn(&mut InsatsDraft, String);
    let fields: [(Field, Set); 9] = [
        (Field::Name, |d, t| d.name = t),
        (Field::TargetGroup, |d, t| d.target_group = t),
        (Field::Financing(0), |d, t| {
            d.financing = vec![FinancingDraft {
                financier: "other".into(),
                name: t,
                share: "10".into(),
            }]
        }),
        (Field::Description, |d, t| d.description = t),
        (Field::Provider, |d, t| d.provider = t),
        (Field::Contact(0), |d, t| {
            d.contacts = vec![ContactDraft {
                name: t,
                ..ContactDraft::default()
            }]
        }),
        (Field::Contact(0), |d, t| {
            d.contacts = vec![ContactDraft {
                role: t,
                ..ContactDraft::default()
            }]
        }),
        (Field::Contact(0), |d, t| {
            d.contacts = vec![ContactDraft {
                name: "Sophie".into(),
                phone: t,
                ..ContactDraft::default()
            }]
        }),
        (Field::ContactEmail(0), |d, t| {
            d.contacts = vec![ContactDraft {
                name: "Sophie".into(),
                email: format!("{}@haninge.se", t.replace([' ', '\u{a0}'], "")),
                ..ContactDraft::default()
            }]
        }),
    ];
    for (field, set) in fields {
        for text in WRITTEN {
            let mut d = InsatsDraft::from_insats(&i);
            set(&mut d, text.to_owned());
            refused_at(build_insats(&d, &ws, i.meta.clone()), field, text);
        }
    }
    // A phone number is no personal number.
    let mut d = InsatsDraft::from_insats(&i);
    d.contacts = vec![ContactDraft {
        name: "Sophie".into(),
        phone: "070-123 45 67".into(),
        ..ContactDraft::default()
    }];
    assert!(build_insats(&d, &ws, i.meta.clone()).is_ok());
}

#[test]
fn a_projects_name_description_and_funder_refuse_a_personal_number() {
    let ws = ws();
    let p = ws.projects.live().next().expect("a project").clone();
    type Set = fn(&mut ProjectDraft, String);
    let fields: [(Field, Set); 3] = [
        (Field::Name, |d, t| d.name = t),
        (Field::Description, |d, t| d.description = t),
        (Field::Funder, |d, t| d.funder = t),
    ];
    for (field, set) in fields {
        for text in WRITTEN {
            let mut d = ProjectDraft::from_project(&p);
            set(&mut d, text.to_owned());
            refused_at(build_project(&d, &ws, p.meta.clone()), field, text);
        }
    }
}

#[test]
fn a_presentations_name_refuses_a_personal_number() {
    let ws = ws();
    let p = ws
        .presentations
        .live()
        .next()
        .expect("a presentation")
        .clone();
    for text in WRITTEN {
        let mut d = PresentationDraft::from_presentation(&p);
        d.name = text.into();
        refused_at(
            build_presentation(&d, &ws, p.meta.clone()),
            Field::Name,
            text,
        );
    }
}

#[test]
fn names_of_the_organisation_municipalities_partners_and_end_statuses_refuse_one() {
    let ws = ws();
    for text in WRITTEN {
        let d = NameDraft {
            name: text.into(),
            ..NameDraft::default()
        };
        refused_at(
            build_organisation(&d, &Workspace::default(), meta()),
            Field::Name,
            text,
        );
        refused_at(build_municipality(&d, &ws, meta()), Field::Name, text);
        refused_at(build_partner(&d, &ws, meta()), Field::Name, text);
        refused_at(build_end_status(&d, &ws, meta()), Field::Name, text);
    }
}

#[test]
fn a_refused_form_leaves_the_workspace_as_it_was() {
    // The builders are pure: the workspace after a refused save is the one
    // before it, and the draft still holds what was typed.
    let ws = ws();
    let m = ws.meetings.live().next().expect("a meeting").clone();
    let mut d = MeetingDraft::of(&m);
    d.note = "Gäst 850709-9805".into();
    let before = d.clone();
    assert!(build_meeting(&d, &ws, m.meta.clone()).is_err());
    assert_eq!(d, before);
    assert_eq!(ws, demo::workspace());
    assert_eq!(
        ws.meetings.get(&m.meta.id).map(|x| x.note.as_str()),
        Some(m.note.as_str())
    );
}

fn meta() -> Meta {
    Meta::new(
        RecordId::parse("new-record").expect("an id"),
        Hlc::default(),
        DeviceId::parse("t").expect("a device"),
    )
}

#[test]
fn no_text_of_the_example_data_is_taken_for_a_personal_number() {
    // A false alarm in the example data would make its own forms refuse
    // to save it; every string of every record is searched.
    fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|i| strings(i, out)),
            _ => {}
        }
    }
    let records = ws().records();
    assert!(records.len() > 1000);
    for r in records {
        let value = serde_json::to_value(&r).expect("a record serialises");
        let mut found = Vec::new();
        strings(&value, &mut found);
        for s in found {
            assert!(
                !maltavla::core::validate::pii::contains_personal_number(s),
                "{s:?} in {:?}",
                r.meta().id
            );
        }
    }
}
