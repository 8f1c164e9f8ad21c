//! The bookkeeping every record carries: identity, last write and tombstone.
//!
//! Guarantees: a record's id never changes; its [`Stamp`] only grows; a delete
//! is a write like any other (the tombstone keeps the record's last fields),
//! so a merge can always tell an old edit from a newer delete.

use crate::core::ids::{DeviceId, Hlc, RecordId, Stamp};
use serde::{Deserialize, Serialize};

/// Identity, update stamp and deletion flag of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Stable random id.
    pub id: RecordId,
    /// The clock reading and device of the last write.
    pub stamp: Stamp,
    /// True once the record is deleted; tombstones are kept for merging.
    #[serde(default)]
    pub deleted: bool,
}

impl Meta {
    /// Metadata of a record written now by `device`.
    pub fn new(id: RecordId, hlc: Hlc, device: DeviceId) -> Meta {
        Meta {
            id,
            stamp: Stamp { hlc, device },
            deleted: false,
        }
    }

    /// Records a new write: a fresh stamp, same id.
    pub fn touch(&mut self, hlc: Hlc, device: DeviceId) {
        self.stamp = Stamp { hlc, device };
    }

    /// Whether the record is still in use (not a tombstone).
    pub fn is_live(&self) -> bool {
        !self.deleted
    }
}

/// Implemented by every record type so that storage, merge and the UI can
/// treat them alike.
pub trait Entity: Clone {
    /// The record's metadata.
    fn meta(&self) -> &Meta;
    /// Mutable metadata, for stamping a write.
    fn meta_mut(&mut self) -> &mut Meta;
    /// The record's id.
    fn id(&self) -> &RecordId {
        &self.meta().id
    }
}

macro_rules! impl_entity {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::core::model::meta::Entity for $t {
            fn meta(&self) -> &$crate::core::model::meta::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::core::model::meta::Meta {
                &mut self.meta
            }
        })*
    };
}
pub(crate) use impl_entity;
