//! The domain model: one file per record type, all re-exported here.
//!
//! Guarantees: every record type carries [`Meta`] (id, stamp, tombstone) and
//! serialises with a `type` tag through [`Record`], the unit of storage,
//! snapshots and merge. Every record type refuses fields it does not know
//! when read typed (`#[serde(deny_unknown_fields)]`): such a record takes
//! the long way through [`crate::core::exchange::merge::FieldView`], which keeps them
//! (see [`crate::core::record_text`]).

pub mod arrival;
pub mod figures;
pub mod financing;
pub mod indicator;
pub mod insats;
pub mod meeting;
pub mod meta;
pub mod organisation;
pub mod participation;
pub mod presentation;
pub mod project;
pub mod published;
pub mod scope;
pub mod slot_report;

pub use arrival::Arrival;
pub use figures::{Comment, CommentPart, FigureKey, Forecast, Outcome, OutcomeSource, Target};
pub use financing::{Financier, FinancingShare};
pub use indicator::{Denominator, Dimension, Direction, Indicator, Ratio};
pub use insats::{Contact, Insats, InsatsKind, Orientation};
pub use meeting::{ClockTime, GuestOrg, Meeting};
pub use meta::{Entity, Meta};
pub use organisation::{Municipality, Organisation, Partner, PartnerKind, ORGANISATION_ID};
pub use participation::{
    default_end_statuses, is_valid_code, make_code, AgeBand, EndCategory, EndStatus, FlowMeasure,
    Participation, DEFAULT_END_STATUSES,
};
pub use presentation::{Presentation, Slide, MAX_SLIDES};
pub use project::Project;
pub use published::{DoorCount, PublishedFigure, PublishedValue};
pub use scope::{Breakdown, Gender, Referrer, Scope};
pub use slot_report::SlotReport;

use serde::{Deserialize, Serialize};

/// Any record, tagged with its type; what is stored and exchanged.
///
/// Serialised externally tagged (`{"insats": {…}}`): the tag comes first, so
/// a reader never has to buffer a record to find out what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// The förbund.
    Organisation(Organisation),
    /// A member municipality.
    Municipality(Municipality),
    /// A partner authority.
    Partner(Partner),
    Project(Project),
    Insats(Insats),
    Indicator(Indicator),
    Target(Target),
    Outcome(Outcome),
    /// An entry of the förbund's list of end statuses.
    EndStatus(EndStatus),
    /// A pseudonymised participation.
    Participation(Participation),
    /// A frukostmöte.
    Meeting(Meeting),
    /// A report of places and enrolled participants (lediga platser).
    SlotReport(SlotReport),
    /// A guest checked in at a frukostmöte.
    Arrival(Arrival),
    /// A saved sequence of slides for the projector.
    Presentation(Presentation),
    /// A computed figure as a public snapshot carries it.
    PublishedFigure(PublishedFigure),
    /// The guests counted at a meeting's door, as a public snapshot
    /// carries them.
    DoorCount(DoorCount),
    /// A prognos for a target's whole period.
    Forecast(Forecast),
    /// A written analysis of a target in a period.
    Comment(Comment),
}

macro_rules! each_record {
    ($rec:expr, $r:ident => $body:expr) => {
        match $rec {
            Record::Organisation($r) => $body,
            Record::Municipality($r) => $body,
            Record::Partner($r) => $body,
            Record::Project($r) => $body,
            Record::Insats($r) => $body,
            Record::Indicator($r) => $body,
            Record::Target($r) => $body,
            Record::Outcome($r) => $body,
            Record::EndStatus($r) => $body,
            Record::Participation($r) => $body,
            Record::Meeting($r) => $body,
            Record::SlotReport($r) => $body,
            Record::Arrival($r) => $body,
            Record::Presentation($r) => $body,
            Record::PublishedFigure($r) => $body,
            Record::DoorCount($r) => $body,
            Record::Forecast($r) => $body,
            Record::Comment($r) => $body,
        }
    };
}

impl Record {
    /// The record's metadata.
    pub fn meta(&self) -> &Meta {
        each_record!(self, r => &r.meta)
    }

    /// The type tag written in files and storage (`insats`, `target`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Organisation(_) => "organisation",
            Record::Municipality(_) => "municipality",
            Record::Partner(_) => "partner",
            Record::Project(_) => "project",
            Record::Insats(_) => "insats",
            Record::Indicator(_) => "indicator",
            Record::Target(_) => "target",
            Record::Outcome(_) => "outcome",
            Record::EndStatus(_) => "end_status",
            Record::Participation(_) => "participation",
            Record::Meeting(_) => "meeting",
            Record::SlotReport(_) => "slot_report",
            Record::Arrival(_) => "arrival",
            Record::Presentation(_) => "presentation",
            Record::PublishedFigure(_) => "published_figure",
            Record::DoorCount(_) => "door_count",
            Record::Forecast(_) => "forecast",
            Record::Comment(_) => "comment",
        }
    }

    /// Mutable metadata, for stamping a write or a delete.
    pub fn meta_mut(&mut self) -> &mut Meta {
        each_record!(self, r => &mut r.meta)
    }
}

macro_rules! record_from {
    ($($variant:ident),*) => {
        $(impl From<$variant> for Record {
            fn from(r: $variant) -> Record {
                Record::$variant(r)
            }
        }
        impl TryFrom<Record> for $variant {
            type Error = Record;
            fn try_from(r: Record) -> Result<$variant, Record> {
                match r {
                    Record::$variant(x) => Ok(x),
                    other => Err(other),
                }
            }
        })*
    };
}
record_from!(
    Organisation,
    Municipality,
    Partner,
    Project,
    Insats,
    Indicator,
    Target,
    Outcome,
    EndStatus,
    Participation,
    Meeting,
    SlotReport,
    Arrival,
    Presentation,
    PublishedFigure,
    DoorCount,
    Forecast,
    Comment
);
