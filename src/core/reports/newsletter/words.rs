//! The words of the block in the two languages it is written in.
//!
//! Swedish is the newsletters' own language: figures as they print them
//! (`39 procent`, `1 234`, `31 augusti 2018`). English is for a reader of
//! the English interface: the same figures in plain English sentences
//! (`39 per cent`, `1,234`, `31 August 2018`). A förbund's own sentences
//! (the templates) are Swedish, so the English block always uses the plain
//! sentences.

use crate::core::fmt_en;
use crate::core::fmt_sv;
use crate::core::locale::Locale;
use crate::core::value::FigureValue;
use chrono::{Datelike, NaiveDate};

/// The language of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Swedish, as the newsletters are written.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The conventions figures and dates are written in (one place for
    /// grouping, decimals and yes/no words: [`Locale`]).
    pub fn locale(self) -> Locale {
        match self {
            Lang::Sv => Locale::Sv,
            Lang::En => Locale::En,
        }
    }

    /// A whole number: `1 234` or `1,234`.
    pub fn integer(self, n: u64) -> String {
        self.locale().integer(n)
    }

    /// Tenths as a decimal: `64,3` or `64.3`, a zero tenth dropped.
    pub fn tenths(self, t: u64) -> String {
        self.locale().tenths(t)
    }

    /// A figure as a number only, as a template prints it (`927`, `39`):
    /// the sentence around it says "procent".
    pub fn number(self, v: FigureValue) -> String {
        match v {
            FigureValue::Percent(p) => self.tenths(u64::from(p.tenths())),
            FigureValue::Count(c) => self.integer(c.get()),
            FigureValue::Answer(a) => self.answer(a).to_owned(),
            FigureValue::Kronor(k) => self.integer(k.get()),
        }
    }

    /// A yes/no goal's answer: "uppfyllt", "met".
    pub fn answer(self, a: crate::core::value::Answer) -> &'static str {
        self.locale().yes_no_words(a)
    }

    /// A figure with its unit: `39 procent`, `39 per cent`, `1 234`.
    pub fn figure(self, v: FigureValue) -> String {
        match (v, self) {
            (FigureValue::Percent(_), Lang::Sv) => format!("{} procent", self.number(v)),
            (FigureValue::Percent(_), Lang::En) => format!("{} per cent", self.number(v)),
            (FigureValue::Kronor(_), Lang::Sv) => format!("{} kronor", self.number(v)),
            (FigureValue::Kronor(_), Lang::En) => format!("SEK {}", self.number(v)),
            (FigureValue::Count(_) | FigureValue::Answer(_), _) => self.number(v),
        }
    }

    /// A date written out: `31 augusti 2018`, `31 August 2018`.
    pub fn long_date(self, d: NaiveDate) -> String {
        format!("{} {} {}", d.day(), self.month(d), d.year())
    }

    /// The month's name: `augusti`, `August`.
    pub fn month(self, d: NaiveDate) -> String {
        match self {
            Lang::Sv => fmt_sv::month_name(d.month()).to_owned(),
            Lang::En => fmt_en::month_name(d.month()).to_owned(),
        }
    }

    /// "En kort sammanfattning av 2017 i siffror:".
    pub fn figures_heading(self, year: i32) -> String {
        match self {
            Lang::Sv => format!("En kort sammanfattning av {year} i siffror:"),
            Lang::En => format!("A short summary of {year} in figures:"),
        }
    }

    /// The plain sentence of a figure: "Deltagare: 927".
    pub fn plain(self, name: &str, v: FigureValue) -> String {
        format!("{name}: {}", self.figure(v))
    }

    /// ". Målet var 975." or ", vilket också var målet."; for a yes/no
    /// goal only "." (its answer, "uppfyllt" or "ej uppfyllt", says it).
    pub fn goal(self, outcome: FigureValue, target: FigureValue) -> String {
        if matches!(target, FigureValue::Answer(_)) {
            return ".".to_owned();
        }
        match (outcome == target, self) {
            (true, Lang::Sv) => ", vilket också var målet.".to_owned(),
            (true, Lang::En) => ", which was also the target.".to_owned(),
            (false, Lang::Sv) => format!(". Målet var {}.", self.figure(target)),
            (false, Lang::En) => format!(". The target was {}.", self.figure(target)),
        }
    }

    /// " 2016 var siffran 58 procent.".
    pub fn year_before(self, year: i32, figure: &str) -> String {
        match self {
            Lang::Sv => format!(" {year} var siffran {figure}."),
            Lang::En => format!(" In {year} the figure was {figure}."),
        }
    }

    /// "Under 2017 deltog 700 personer i förbundets frukostmöten.".
    pub fn meeting_guests(self, year: i32, guests: u64) -> String {
        match self {
            Lang::Sv => format!(
                "Under {year} deltog {} personer i förbundets frukostmöten.",
                self.integer(guests)
            ),
            Lang::En => format!(
                "In {year}, {} people came to the association's breakfast meetings.",
                self.integer(guests)
            ),
        }
    }

    /// " Målet var 800." after the meetings' sentence.
    pub fn meeting_target(self, target: FigureValue) -> String {
        match self {
            Lang::Sv => format!(" Målet var {}.", self.figure(target)),
            Lang::En => format!(" The target was {}.", self.figure(target)),
        }
    }

    /// Heading of the meetings part.
    pub fn meetings_heading(self) -> &'static str {
        match self {
            Lang::Sv => "Kommande frukostmöten",
            Lang::En => "Coming breakfast meetings",
        }
    }

    /// Heading of the places part.
    pub fn slots_heading(self) -> &'static str {
        match self {
            Lang::Sv => "Lediga platser",
            Lang::En => "Open places",
        }
    }

    /// The word of an invitation link.
    pub fn invitation(self) -> &'static str {
        match self {
            Lang::Sv => "Inbjudan",
            Lang::En => "Invitation",
        }
    }

    /// What joins a meeting's theme and its speakers: " med " in
    /// Swedish; in English, where theme and speakers stay as typed (in
    /// Swedish), a dash rather than a word between two Swedish texts.
    pub fn with_speakers(self) -> &'static str {
        match self {
            Lang::Sv => " med ",
            Lang::En => " – ",
        }
    }

    /// "Färre än 3" enrolled.
    pub fn fewer_than(self, t: u64) -> String {
        match self {
            Lang::Sv => format!("Färre än {t}"),
            Lang::En => format!("Fewer than {t}"),
        }
    }

    /// "82 deltagare var inskrivna i slutet av augusti. Följande lediga
    /// platser fanns enligt rapporten 31 augusti 2018:" — dated, so a
    /// report of last summer never reads as today's.
    pub fn slots_intro(self, enrolled: &str, counted: NaiveDate, any_open: bool) -> String {
        let last_of_month = counted
            .succ_opt()
            .is_some_and(|n| n.month() != counted.month());
        let when = match (last_of_month, self) {
            (true, Lang::Sv) => format!("i slutet av {}", self.month(counted)),
            (true, Lang::En) => format!("at the end of {}", self.month(counted)),
            (false, Lang::Sv) => format!("den {}", self.long_date(counted)),
            (false, Lang::En) => format!("on {}", self.long_date(counted)),
        };
        let date = self.long_date(counted);
        match (self, any_open) {
            (Lang::Sv, true) => format!(
                "{enrolled} deltagare var inskrivna {when}. Följande lediga platser fanns enligt rapporten {date}:"
            ),
            (Lang::Sv, false) => format!(
                "{enrolled} deltagare var inskrivna {when}. Inga platser var lediga enligt rapporten {date}."
            ),
            (Lang::En, true) => format!(
                "{enrolled} participants were enrolled {when}. These places were open according to the report of {date}:"
            ),
            (Lang::En, false) => format!(
                "{enrolled} participants were enrolled {when}. No places were open according to the report of {date}."
            ),
        }
    }
}
