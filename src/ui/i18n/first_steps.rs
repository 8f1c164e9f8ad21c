//! Texts of a new förbund's first hour: the checklist on the empty board
//! and the organisation page, and the starting set of indicators. Both
//! languages; a missing text is a compile error.

use crate::core::goals::first_steps::Step;

/// Every text of the first hour.
pub struct FirstStepsTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// The steps, in the order of [`Step::ALL`].
    pub steps: [&'static str; 6],
    pub done: &'static str,
    pub todo: &'static str,
    pub next: &'static str,
    pub progress: fn(usize, usize) -> String,
    pub standard_title: &'static str,
    pub standard_text: &'static str,
    pub standard_add: fn(usize) -> String,
    pub standard_added: fn(usize) -> String,
}

impl FirstStepsTexts {
    /// A step's name.
    pub fn step(&self, s: Step) -> &'static str {
        super::pick(&self.steps, s as usize)
    }
}

pub static SV: FirstStepsTexts = FirstStepsTexts {
    title: "Kom igång",
    intro: "Sex steg från tom tavla till ett första mål som följs upp. Listan bockar av sig själv när ett steg är gjort.",
    steps: [
        "Ge förbundet ett namn",
        "Lägg till medlemskommunerna",
        "Lägg till den första insatsen",
        "Välj indikatorer",
        "Sätt ett mål",
        "För in ett utfall (eller registrera deltagare)",
    ],
    done: "klart",
    todo: "att göra",
    next: "Nästa steg",
    progress: |done, all| format!("{done} av {all} steg klara"),
    standard_title: "De indikatorer de flesta förbund följer",
    standard_text: "Börja med den vanliga uppsättningen och ändra den sedan efter era mål. Deltagare, nya deltagare, andelarna och gästerna på frukostmöten räknas fram ur deltagarna och mötena; konsultationerna förs in för hand.",
    standard_add: |n| {
        if n == 1 {
            "Lägg till 1 indikator".to_owned()
        } else {
            format!("Lägg till {n} indikatorer")
        }
    },
    standard_added: |n| {
        if n == 1 {
            "1 indikator lades till.".to_owned()
        } else {
            format!("{n} indikatorer lades till.")
        }
    },
};

pub static EN: FirstStepsTexts = FirstStepsTexts {
    title: "Getting started",
    intro: "Six steps from an empty board to a first goal followed up. The list ticks itself off as each step is done.",
    steps: [
        "Name the förbund",
        "Add the member municipalities",
        "Add the first insats",
        "Choose indicators",
        "Set a target",
        "Enter an outcome (or register participants)",
    ],
    done: "done",
    todo: "to do",
    next: "Next step",
    progress: |done, all| format!("{done} of {all} steps done"),
    standard_title: "The indicators most förbund follow",
    standard_text: "Start from the usual set and adapt it to your goals afterwards. Participants, new participants, the shares and the guests at breakfast meetings are counted from participants and meetings; consultations are entered by hand.",
    standard_add: |n| {
        if n == 1 {
            "Add 1 indicator".to_owned()
        } else {
            format!("Add {n} indicators")
        }
    },
    standard_added: |n| {
        if n == 1 {
            "1 indicator was added.".to_owned()
        } else {
            format!("{n} indicators were added.")
        }
    },
};
