//! What deleting a record means for the records that refer to it.
//!
//! Guarantees: a delete never leaves a live record pointing at a tombstone.
//! Targets, outcomes, forecasts and comments of a deleted indicator,
//! project or insats (or breakdown slice), and the
//! participations and slot reports of a deleted insats, and the arrivals
//! of a deleted meeting, become tombstones too; insatser and sub-projects
//! of a deleted project, insatser, participations and meetings of a
//! deleted municipality, and participations with a deleted end status
//! only lose the link. The plan lists every write before anything
//! happens, so the UI can ask first and then store it all in one
//! transaction.

use crate::core::ids::RecordId;
use crate::core::model::{Breakdown, Record, Scope};
use crate::core::workspace::Workspace;

/// The writes a delete consists of.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeletePlan {
    /// Tombstones and unlinked records, ready to be stamped and stored.
    pub writes: Vec<Record>,
    /// How many targets, outcomes, forecasts and comments go with it.
    pub figures_deleted: usize,
    /// How many participations go with it.
    pub participations_deleted: usize,
    /// How many other records only lose their link to it.
    pub unlinked: usize,
}

fn tombstone(mut r: Record) -> Record {
    r.meta_mut().deleted = true;
    r
}

/// Plans the deletion of the live record `id`; `None` when there is no such
/// live record.
pub fn plan_delete(ws: &Workspace, id: &RecordId) -> Option<DeletePlan> {
    let mut plan = DeletePlan::default();
    let figures_where =
        |plan: &mut DeletePlan, pred: &dyn Fn(&RecordId, &Scope, Option<&Breakdown>) -> bool| {
            // Every record type keyed by indicator, scope and slice.
            macro_rules! tombstones {
                ($($table:ident => $variant:ident),*) => {$(
                    for r in ws
                        .$table
                        .live()
                        .filter(|r| pred(&r.indicator, &r.scope, r.breakdown.as_ref()))
                    {
                        plan.writes.push(tombstone(Record::$variant(r.clone())));
                        plan.figures_deleted += 1;
                    }
                )*};
            }
            tombstones!(
                targets => Target,
                outcomes => Outcome,
                forecasts => Forecast,
                comments => Comment
            );
        };
    if let Some(t) = ws.targets.get(id) {
        plan.writes.push(tombstone(Record::Target(t.clone())));
    } else if let Some(o) = ws.outcomes.get(id) {
        plan.writes.push(tombstone(Record::Outcome(o.clone())));
    } else if let Some(f) = ws.forecasts.get(id) {
        plan.writes.push(tombstone(Record::Forecast(f.clone())));
    } else if let Some(c) = ws.comments.get(id) {
        plan.writes.push(tombstone(Record::Comment(c.clone())));
    } else if let Some(p) = ws.partners.get(id) {
        plan.writes.push(tombstone(Record::Partner(p.clone())));
    } else if let Some(i) = ws.indicators.get(id) {
        plan.writes.push(tombstone(Record::Indicator(i.clone())));
        figures_where(&mut plan, &|ind, _, _| ind == id);
    } else if let Some(i) = ws.insatser.get(id) {
        plan.writes.push(tombstone(Record::Insats(i.clone())));
        let scope = Scope::Insats(id.clone());
        figures_where(&mut plan, &|_, s, _| s == &scope);
        for p in ws.participations.live().filter(|p| &p.insats == id) {
            plan.writes
                .push(tombstone(Record::Participation(p.clone())));
            plan.participations_deleted += 1;
        }
        for r in ws.slot_reports.live().filter(|r| &r.insats == id) {
            plan.writes.push(tombstone(Record::SlotReport(r.clone())));
            plan.figures_deleted += 1;
        }
    } else if let Some(p) = ws.projects.get(id) {
        plan.writes.push(tombstone(Record::Project(p.clone())));
        let scope = Scope::Project(id.clone());
        figures_where(&mut plan, &|_, s, _| s == &scope);
        for child in ws.projects.live().filter(|c| c.parent.as_ref() == Some(id)) {
            let mut c = child.clone();
            c.parent = None;
            plan.writes.push(Record::Project(c));
            plan.unlinked += 1;
        }
        for insats in ws
            .insatser
            .live()
            .filter(|i| i.project.as_ref() == Some(id))
        {
            let mut i = insats.clone();
            i.project = None;
            plan.writes.push(Record::Insats(i));
            plan.unlinked += 1;
        }
    } else if let Some(m) = ws.municipalities.get(id) {
        plan.writes.push(tombstone(Record::Municipality(m.clone())));
        let slice = Breakdown::Municipality(id.clone());
        figures_where(&mut plan, &|_, _, b| b == Some(&slice));
        for insats in ws.insatser.live().filter(|i| i.municipalities.contains(id)) {
            let mut i = insats.clone();
            i.municipalities.retain(|m| m != id);
            plan.writes.push(Record::Insats(i));
            plan.unlinked += 1;
        }
        for p in ws
            .participations
            .live()
            .filter(|p| p.municipality.as_ref() == Some(id))
        {
            let mut p = p.clone();
            p.municipality = None;
            plan.writes.push(Record::Participation(p));
            plan.unlinked += 1;
        }
        for m in ws
            .meetings
            .live()
            .filter(|m| m.municipality.as_ref() == Some(id))
        {
            let mut m = m.clone();
            m.municipality = None;
            plan.writes.push(Record::Meeting(m));
            plan.unlinked += 1;
        }
    } else if let Some(s) = ws.end_statuses.get(id) {
        plan.writes.push(tombstone(Record::EndStatus(s.clone())));
        for p in ws
            .participations
            .live()
            .filter(|p| p.end_status.as_ref() == Some(id))
        {
            let mut p = p.clone();
            p.end_status = None;
            plan.writes.push(Record::Participation(p));
            plan.unlinked += 1;
        }
    } else if let Some(p) = ws.participations.get(id) {
        plan.writes
            .push(tombstone(Record::Participation(p.clone())));
    } else if let Some(m) = ws.meetings.get(id) {
        plan.writes.push(tombstone(Record::Meeting(m.clone())));
        for a in ws.arrivals.live().filter(|a| &a.meeting == id) {
            plan.writes.push(tombstone(Record::Arrival(a.clone())));
        }
    } else if let Some(r) = ws.slot_reports.get(id) {
        plan.writes.push(tombstone(Record::SlotReport(r.clone())));
    } else if let Some(a) = ws.arrivals.get(id) {
        plan.writes.push(tombstone(Record::Arrival(a.clone())));
    } else if let Some(p) = ws.presentations.get(id) {
        plan.writes.push(tombstone(Record::Presentation(p.clone())));
    } else {
        return None;
    }
    Some(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    #[test]
    fn deleting_an_indicator_takes_its_targets_and_outcomes_along() {
        let ws = demo::workspace();
        let ind = ws
            .indicators_by_name()
            .into_iter()
            .find(|i| i.name == "Deltagare")
            .unwrap();
        let plan = plan_delete(&ws, &ind.meta.id).unwrap();
        assert!(plan.figures_deleted >= 2);
        assert!(plan.writes.iter().all(|r| r.meta().deleted));
        let mut after = ws.clone();
        for mut r in plan.writes {
            r.meta_mut().stamp.hlc = r.meta().stamp.hlc.tick(u64::MAX / 2);
            after.put(r);
        }
        assert!(after.targets.live().all(|t| t.indicator != ind.meta.id));
    }

    #[test]
    fn deleting_a_project_unlinks_its_insatser_but_keeps_them() {
        let ws = demo::workspace();
        let mia = ws
            .projects_by_name()
            .into_iter()
            .find(|p| p.name == "MIA Östra Södertörn")
            .unwrap();
        let plan = plan_delete(&ws, &mia.meta.id).unwrap();
        assert!(plan.unlinked > 0);
        let unlinked: Vec<_> = plan.writes.iter().filter(|r| !r.meta().deleted).collect();
        assert_eq!(unlinked.len(), plan.unlinked);
    }

    #[test]
    fn deleting_a_project_takes_its_forecasts_and_comments_along() {
        let ws = demo::workspace();
        let mia_os = plan_delete(&ws, &RecordId::parse("demo-mia-os").unwrap()).unwrap();
        let kinds = |plan: &DeletePlan, kind: &str| {
            plan.writes
                .iter()
                .filter(|r| r.kind() == kind && r.meta().deleted)
                .count()
        };
        assert_eq!(kinds(&mia_os, "comment"), 1);
        let esf = plan_delete(&ws, &RecordId::parse("demo-ind-esf").unwrap()).unwrap();
        assert_eq!(kinds(&esf, "forecast"), 1);
        // A comment on its own is one tombstone.
        let one = plan_delete(
            &ws,
            &RecordId::parse("demo-c-mia-os-arbete-2018-t2").unwrap(),
        );
        assert_eq!(one.map(|p| p.writes.len()), Some(1));
    }

    #[test]
    fn deleting_an_unknown_id_plans_nothing() {
        assert_eq!(
            plan_delete(&Workspace::default(), &RecordId::parse("x").unwrap()),
            None
        );
    }

    /// The demo with its participations, for the participation deletes.
    fn with_participations() -> Workspace {
        let mut ws = demo::workspace();
        let device = crate::core::ids::DeviceId::parse("demo").unwrap();
        let at = crate::core::ids::Hlc::default();
        for s in demo::participants::end_statuses(at, &device) {
            ws.put(Record::EndStatus(s));
        }
        for p in demo::participants::participations(at, &device) {
            ws.put(Record::Participation(p));
        }
        ws
    }

    #[test]
    fn deleting_an_insats_takes_its_participations_along() {
        let ws = with_participations();
        let id = RecordId::parse("demo-ung-tyreso").unwrap();
        let theirs = ws.participations.live().filter(|p| p.insats == id).count();
        assert!(theirs > 0);
        let plan = plan_delete(&ws, &id).unwrap();
        assert_eq!(plan.participations_deleted, theirs);
        let gone = plan
            .writes
            .iter()
            .filter(|r| matches!(r, Record::Participation(p) if p.meta.deleted && p.insats == id))
            .count();
        assert_eq!(gone, theirs);
    }

    #[test]
    fn deleting_a_municipality_or_an_end_status_only_unlinks_participations() {
        let ws = with_participations();
        let haninge = RecordId::parse("demo-haninge").unwrap();
        let plan = plan_delete(&ws, &haninge).unwrap();
        assert!(plan.writes.iter().any(|r| matches!(
            r,
            Record::Participation(p) if !p.meta.deleted && p.municipality.is_none()
        )));
        let studies = RecordId::parse("end-studies").unwrap();
        let plan = plan_delete(&ws, &studies).unwrap();
        let unlinked: Vec<_> = plan
            .writes
            .iter()
            .filter_map(|r| match r {
                Record::Participation(p) => Some(p),
                _ => None,
            })
            .collect();
        assert!(!unlinked.is_empty());
        assert!(unlinked
            .iter()
            .all(|p| !p.meta.deleted && p.end_status.is_none()));
    }
}
