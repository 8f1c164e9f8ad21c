//! What each financier's money bought: the budget and spend of the goals in
//! kronor divided by the shares of who finances their project or insats.
//!
//! Guarantees: the förbund's own lines (goals for the whole förbund:
//! administration, styrelse, revision) are divided by the organisation's
//! financing; an insats without financing of its own shares its
//! project's, a project without its parent's (the nearest list up the
//! tree counts; a cycle, which only a crafted file holds, ends the walk);
//! every part is the amount times the share rounded half up to a krona
//! (`model::financing::parts`), so the parts of one amount differ from it
//! by less than a krona per financier; ratios and slices are left out.

use crate::core::goals::GoalRow;
use crate::core::ids::RecordId;
use crate::core::model::financing::parts;
use crate::core::model::{Financier, FinancingShare, Scope};
use crate::core::value::{FigureValue, Kronor, Percent, Unit};
use crate::core::workspace::Workspace;

/// One financier's part of one goal in kronor.
#[derive(Debug, Clone, PartialEq)]
pub struct FinancedPart {
    /// The project or insats.
    pub scope: Scope,
    /// The indicator in kronor.
    pub indicator: RecordId,
    /// The project whose list applies, when the scope has none of its own.
    pub from_project: Option<RecordId>,
    pub financier: Financier,
    pub share: Percent,
    /// The financier's part of the budget (the whole target).
    pub budget: Option<Kronor>,
    /// The financier's part of the spend reported.
    pub spend: Option<Kronor>,
}

/// The financing that applies to `scope`, and the project it comes from
/// when that is not the scope itself.
pub fn financing_of<'w>(
    ws: &'w Workspace,
    scope: &Scope,
) -> Option<(&'w [FinancingShare], Option<&'w RecordId>)> {
    let mut project = match scope {
        Scope::Forbund => {
            let own = &ws.organisation.as_ref()?.financing;
            return (!own.is_empty()).then_some((own.as_slice(), None));
        }
        Scope::Insats(id) => {
            let insats = ws.insatser.get(id)?;
            if !insats.financing.is_empty() {
                return Some((&insats.financing, None));
            }
            insats.project.as_ref()?
        }
        Scope::Project(id) => id,
    };
    let mut seen: Vec<&RecordId> = Vec::new();
    loop {
        if seen.contains(&project) {
            return None;
        }
        seen.push(project);
        let p = ws.projects.get(project)?;
        if !p.financing.is_empty() {
            let own = matches!(scope, Scope::Project(id) if id == project);
            return Some((&p.financing, (!own).then_some(&p.meta.id)));
        }
        project = p.parent.as_ref()?;
    }
}

/// The financiers' parts of the goals in kronor among `rows` (the board's
/// or the report's), in the rows' order.
pub fn financed_parts(ws: &Workspace, rows: &[GoalRow]) -> Vec<FinancedPart> {
    let kronor = |v: Option<FigureValue>| match v {
        Some(FigureValue::Kronor(k)) => Some(k),
        _ => None,
    };
    let mut out = Vec::new();
    for row in rows.iter().filter(|r| {
        r.indicator.unit == Unit::Kronor
            && r.indicator.ratio.is_none()
            && r.target.breakdown.is_none()
    }) {
        let Some((shares, from)) = financing_of(ws, &row.target.scope) else {
            continue;
        };
        let budget = kronor(Some(row.target.value)).map(|k| parts(k, shares));
        let spend = kronor(row.outcome.as_ref().map(|o| o.value)).map(|k| parts(k, shares));
        for (i, s) in shares.iter().enumerate() {
            let part = |all: &Option<Vec<(Financier, Kronor)>>| {
                all.as_ref().and_then(|v| v.get(i)).map(|(_, k)| *k)
            };
            out.push(FinancedPart {
                scope: row.target.scope.clone(),
                indicator: row.indicator.meta.id.clone(),
                from_project: from.cloned(),
                financier: s.financier.clone(),
                share: s.share,
                budget: part(&budget),
                spend: part(&spend),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::goals::{goal_rows, Focus};
    use crate::core::model::Record;
    use crate::core::period::Period;

    fn share(f: Financier, whole: u32) -> FinancingShare {
        FinancingShare {
            financier: f,
            share: Percent::from_whole(whole).unwrap(),
        }
    }

    #[test]
    fn mias_esf_budget_and_spend_are_split_by_the_shares_of_its_project() {
        let mut ws = demo::workspace();
        let mia = RecordId::parse("demo-mia").unwrap();
        let mut p = ws.projects.get(&mia).unwrap().clone();
        p.financing = vec![share(Financier::Esf, 60), share(Financier::State, 40)];
        p.meta.stamp.hlc = p.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Project(p));
        let rows = goal_rows(&ws, &Period::year(2018).unwrap(), &Focus::All);
        let got = financed_parts(&ws, &rows);
        let esf: Vec<_> = got
            .iter()
            .filter(|f| f.scope == Scope::Project(mia.clone()))
            .collect();
        assert_eq!(esf.len(), 2);
        assert_eq!(esf[0].financier, Financier::Esf);
        assert_eq!(esf[0].budget, Kronor::new(60_000_000));
        assert_eq!(esf[0].spend, Kronor::new(23_040_000));
        assert_eq!(esf[1].spend, Kronor::new(15_360_000));
        assert_eq!(esf[0].from_project, None);
    }

    #[test]
    fn an_insats_shares_its_projects_financing_unless_it_has_its_own() {
        let mut ws = demo::workspace();
        let mia = RecordId::parse("demo-mia").unwrap();
        let mut p = ws.projects.get(&mia).unwrap().clone();
        p.financing = vec![share(Financier::Esf, 100)];
        p.meta.stamp.hlc = p.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Project(p));
        // Case Management is under MIA Östra Södertörn, under MIA.
        let cm = Scope::Insats(RecordId::parse("demo-cm").unwrap());
        let (shares, from) = financing_of(&ws, &cm).unwrap();
        assert_eq!(shares.len(), 1);
        assert_eq!(from, Some(&mia));
        let mut insats = ws
            .insatser
            .get(&RecordId::parse("demo-cm").unwrap())
            .unwrap()
            .clone();
        insats.financing = vec![share(Financier::Region, 100)];
        insats.meta.stamp.hlc = insats.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Insats(insats));
        let (shares, from) = financing_of(&ws, &cm).unwrap();
        assert_eq!(
            (shares[0].financier.clone(), from),
            (Financier::Region, None)
        );
        assert!(financing_of(&ws, &Scope::Forbund).is_none());
        let mut org = ws.organisation.clone().unwrap();
        org.financing = vec![share(Financier::State, 50), share(Financier::Region, 25)];
        org.meta.stamp.hlc = org.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Organisation(org));
        let (shares, from) = financing_of(&ws, &Scope::Forbund).unwrap();
        assert_eq!((shares.len(), from), (2, None));
    }
}
