//! The bookkeeping every record carries: identity, last write and tombstone.
//!
//! Guarantees: a record's id never changes; its [`Stamp`] only grows; a delete
//! is a write like any other (the tombstone keeps the record's last fields),
//! so a merge can always tell an old edit from a newer delete. Each field
//! knows which write set it ([`Meta::fields`]) and each copy knows which
//! writes it has seen ([`Meta::seen`]), so a merge can keep the newest value
//! of every field and tell a concurrent edit from a later one.

use crate::core::ids::{DeviceId, Hlc, RecordId, Stamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Identity, update stamp and deletion flag of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Stable random id.
    pub id: RecordId,
    /// The clock reading and device of the last write.
    pub stamp: Stamp,
    /// True once the record is deleted; tombstones are kept for merging.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// The write that last set each field, for fields last set before
    /// `stamp` (a field not listed was set by the write `stamp`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Stamp>,
    /// Writes this copy includes that no field shows any more: per device,
    /// the clock reading of its newest such write. Together with the stamps
    /// above it tells whether a copy had seen another's edit.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<DeviceId, Hlc>,
    /// Fields written by a newer version of the app, kept verbatim so that
    /// passing a record through this version never drops them.
    #[serde(skip)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Meta {
    /// A digest of the writes this copy holds: its stamp, its tombstone and
    /// the write that set each field. A stamp names one write, so two copies
    /// of a record with the same writes hold the same values: a list keyed
    /// by id and this digest draws a row again exactly when it changed,
    /// including a value merged in under an older stamp (which changes
    /// [`Meta::fields`], not [`Meta::stamp`]).
    pub fn writes_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.stamp.hash(&mut h);
        self.deleted.hash(&mut h);
        self.fields.hash(&mut h);
        h.finish()
    }

    /// Metadata of a record written now by `device`.
    pub fn new(id: RecordId, hlc: Hlc, device: DeviceId) -> Meta {
        Meta {
            id,
            stamp: Stamp { hlc, device },
            deleted: false,
            fields: BTreeMap::new(),
            seen: BTreeMap::new(),
            extra: BTreeMap::new(),
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

    /// The write that last set `field`.
    pub fn field_stamp(&self, field: &str) -> &Stamp {
        self.fields.get(field).unwrap_or(&self.stamp)
    }

    /// The newest write by `device` that this copy includes, if any.
    pub fn seen_from(&self, device: &DeviceId) -> Option<Hlc> {
        let mut newest = self.seen.get(device).copied();
        for s in std::iter::once(&self.stamp).chain(self.fields.values()) {
            if &s.device == device {
                newest = newest.max(Some(s.hlc));
            }
        }
        newest
    }

    /// Whether this copy includes the write `stamp` (made it or merged it).
    pub fn has_seen(&self, stamp: &Stamp) -> bool {
        self.seen_from(&stamp.device)
            .is_some_and(|h| h >= stamp.hlc)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta::new(
            RecordId::parse("p1").unwrap(),
            Hlc {
                millis: 10,
                counter: 0,
            },
            DeviceId::parse("a").unwrap(),
        )
    }

    #[test]
    fn the_writes_digest_changes_with_any_write_a_copy_holds_and_nothing_else() {
        let a = meta();
        assert_eq!(a.writes_digest(), meta().writes_digest());
        // A field merged in from an older write: same record stamp.
        let mut merged = meta();
        merged.fields.insert(
            "end".into(),
            Stamp {
                hlc: Hlc {
                    millis: 5,
                    counter: 0,
                },
                device: DeviceId::parse("b").unwrap(),
            },
        );
        assert_eq!(merged.stamp, a.stamp);
        assert_ne!(merged.writes_digest(), a.writes_digest());
        let mut newer = meta();
        newer.stamp.hlc.counter = 1;
        assert_ne!(newer.writes_digest(), a.writes_digest());
        let mut gone = meta();
        gone.deleted = true;
        assert_ne!(gone.writes_digest(), a.writes_digest());
        // What a copy has seen and unknown fields are not values it shows.
        let mut seen = meta();
        seen.seen
            .insert(DeviceId::parse("b").unwrap(), Hlc::default());
        assert_eq!(seen.writes_digest(), a.writes_digest());
    }
}
