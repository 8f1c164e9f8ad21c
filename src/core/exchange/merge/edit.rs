//! What a local save overwrites that the user never saw.
//!
//! A form is opened on one copy of a record; by the time it is saved,
//! another tab (or an import) may have written the same record. The save
//! writes only the fields the user changed ([`super::apply_edit`] with the
//! opened copy as its base), so the other writes to other fields survive.
//! Where both changed the same field, the save is the newer write and wins,
//! as everywhere in the merge; the value it replaced goes to the conflict
//! log, so nothing the other side typed is lost without a trace.

use super::record::Conflict;
use super::view::{FieldView, DELETED};
use serde_json::Value;

/// The values that `written` (the stored copy after the save) replaced
/// although the user never saw them: fields the user changed from the
/// `opened` copy, whose value in `stored` (the copy in storage just before
/// the save) came from a write the opened copy did not include. Also an
/// edit saved onto a record deleted since the form opened: it stays deleted,
/// and restoring the entry brings it back with the edit.
pub fn overwritten_by_edit(
    stored: &FieldView,
    opened: &FieldView,
    written: &FieldView,
) -> Vec<Conflict> {
    let at = &written.meta.stamp;
    let conflict = |field: &str, kept: Value, kept_stamp, lost: Value, lost_stamp| Conflict {
        kind: written.kind.clone(),
        record: written.meta.id.clone(),
        field: field.to_owned(),
        kept,
        kept_stamp,
        lost,
        lost_stamp,
    };
    let mut out = Vec::new();
    let mut changed_any = false;
    for field in opened.field_names(written) {
        let saved = written.value(field);
        if opened.value(field) == saved {
            continue;
        }
        changed_any = true;
        let Some(unseen) = stored
            .written_by(field)
            .filter(|s| !opened.meta.has_seen(s))
        else {
            continue;
        };
        let lost = stored.value(field);
        if lost != saved {
            out.push(conflict(field, saved, at.clone(), lost, unseen.clone()));
        }
    }
    let deleted_since = stored.meta.deleted && !opened.meta.deleted && written.meta.deleted;
    if changed_any && deleted_since {
        let kept_stamp = stored.meta.field_stamp(DELETED).clone();
        out.push(conflict(
            DELETED,
            Value::Bool(true),
            kept_stamp,
            Value::Bool(false),
            at.clone(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::merge::apply_edit;
    use crate::core::ids::{DeviceId, Hlc};
    use crate::core::model::{Municipality, Record};
    use crate::core::testing::meta;

    fn base() -> FieldView {
        let mut v = FieldView::from_record(&Record::Municipality(Municipality {
            meta: meta("m1"),
            name: "Haninge".into(),
        }));
        v.body.insert("note".into(), Value::String("x".into()));
        v
    }

    /// Saves `changes` made in a form opened on `opened` onto `stored`.
    fn save(
        stored: &FieldView,
        opened: &FieldView,
        changes: &[(&str, Value)],
        at: u64,
    ) -> FieldView {
        let mut new = opened.clone();
        for (f, v) in changes {
            new.set_value(f, v.clone());
        }
        let hlc = Hlc {
            millis: at,
            counter: 0,
        };
        let device = DeviceId::parse("tab").unwrap();
        apply_edit(Some(stored), Some(opened), &new, hlc, &device, at)
            .unwrap()
            .unwrap()
    }

    fn text(s: &str) -> Value {
        Value::String(s.into())
    }

    #[test]
    fn a_field_only_the_other_tab_changed_is_kept_without_a_conflict() {
        let opened = base();
        let other = save(&opened, &opened, &[("name", text("Haninge kommun"))], 10);
        let mine = save(&other, &opened, &[("note", text("mine"))], 11);
        assert_eq!(mine.value("name"), text("Haninge kommun"));
        assert_eq!(mine.value("note"), text("mine"));
        assert!(overwritten_by_edit(&other, &opened, &mine).is_empty());
    }

    #[test]
    fn a_field_both_changed_keeps_the_save_and_logs_the_other_value() {
        let opened = base();
        let other = save(&opened, &opened, &[("name", text("Other"))], 10);
        let mine = save(&other, &opened, &[("name", text("Mine"))], 11);
        assert_eq!(mine.value("name"), text("Mine"));
        let conflicts = overwritten_by_edit(&other, &opened, &mine);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, "name");
        assert_eq!(conflicts[0].lost, text("Other"));
        assert_eq!(conflicts[0].kept, text("Mine"));
        assert_eq!(conflicts[0].lost_stamp, other.meta.stamp);
    }

    #[test]
    fn the_same_value_typed_in_both_tabs_is_no_conflict() {
        let opened = base();
        let other = save(&opened, &opened, &[("name", text("Same"))], 10);
        let mine = save(&other, &opened, &[("name", text("Same"))], 11);
        assert!(overwritten_by_edit(&other, &opened, &mine).is_empty());
    }

    #[test]
    fn an_edit_of_a_fresh_copy_overwrites_nothing_unseen() {
        let opened = base();
        let mine = save(&opened, &opened, &[("name", text("Mine"))], 11);
        assert!(overwritten_by_edit(&opened, &opened, &mine).is_empty());
    }

    #[test]
    fn an_edit_saved_onto_a_record_deleted_meanwhile_can_be_brought_back() {
        let opened = base();
        let gone = save(&opened, &opened, &[(DELETED, Value::Bool(true))], 10);
        let mine = save(&gone, &opened, &[("name", text("Mine"))], 11);
        assert!(mine.meta.deleted);
        let conflicts = overwritten_by_edit(&gone, &opened, &mine);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, DELETED);
        assert_eq!(conflicts[0].lost, Value::Bool(false));
    }
}
