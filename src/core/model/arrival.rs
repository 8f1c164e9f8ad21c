//! One guest checked in at the door of a frukostmöte.
//!
//! Why a record per guest and not a count on the meeting: two laptops at
//! two doors count offline, and their files must merge into the sum — a
//! count is one field, and of two concurrent writes to one field only one
//! survives. Records are never lost in a merge, so every guest counts once.
//!
//! Guarantees: an arrival holds the meeting and the kind of organisation
//! the guest came from, nothing that identifies a person; undoing one is a
//! delete (a tombstone), so an undo merges like any other write.

use super::meeting::GuestOrg;
use super::meta::{impl_entity, Meta};
use crate::core::ids::RecordId;
use serde::{Deserialize, Serialize};

/// One guest at one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrival {
    /// Identity and last write (the writing device is the door's laptop).
    pub meta: Meta,
    pub meeting: RecordId,
    /// Where the guest comes from.
    #[serde(default = "unspecified")]
    pub org: GuestOrg,
}

fn unspecified() -> GuestOrg {
    GuestOrg::Unspecified
}

impl_entity!(Arrival);
