//! Outcomes of computed indicators: counted from the participations in a
//! figure's scope, slice and period whenever they are asked for, so they
//! are never stale and never stored.
//!
//! A workspace made from a public snapshot holds no participations but the
//! figures the kansli published (`snapshot::public`): there (and only
//! there, [`answers_from_published`]) a figure is the published one, as the
//! kansli's board showed it, protection included.

use super::book::CountBook;
use super::counts::count;
use crate::core::exchange::snapshot::public::{answers_from_published, published_shown};
use crate::core::model::{
    Breakdown, FigureKey, Indicator, Outcome, OutcomeSource, Participation, Scope,
};
use crate::core::value::{Count, FigureValue};
use crate::core::workspace::Workspace;

/// Whether participation `p` belongs to `scope` and, when given, the slice
/// `breakdown`.
fn belongs(
    ws: &Workspace,
    p: &Participation,
    scope: &Scope,
    breakdown: Option<&Breakdown>,
) -> bool {
    let insats = ws.insatser.get_any(&p.insats);
    let in_scope = match scope {
        Scope::Forbund => true,
        Scope::Insats(id) => &p.insats == id,
        Scope::Project(root) => {
            let family = ws.project_family(root);
            insats
                .and_then(|i| i.project.as_ref())
                .is_some_and(|project| family.contains(project))
        }
    };
    in_scope
        && match breakdown {
            None => true,
            Some(Breakdown::Municipality(m)) => p.municipality.as_ref() == Some(m),
            Some(Breakdown::Gender(g)) => p.gender == *g,
            Some(Breakdown::Referrer(r)) => p.referrer == *r,
            Some(Breakdown::AgeBand(a)) => p.age_band == *a,
            Some(Breakdown::Provider(name)) => insats.is_some_and(|i| &i.provider == name),
        }
}

/// The counts of the live participations in `key`'s scope, slice and
/// period, counted on their own (one pass over the participations).
pub(crate) fn count_key(ws: &Workspace, key: &FigureKey) -> super::FlowCounts {
    let category =
        |id: &crate::core::ids::RecordId| ws.end_statuses.get_any(id).map(|s| s.category);
    count(
        ws.participations
            .live()
            .filter(|p| belongs(ws, p, &key.scope, key.breakdown.as_ref())),
        &key.period,
        &category,
    )
}

/// The outcome of a computed indicator for `key`; `None` for an indicator
/// entered by hand, for a share of no one (nobody ended, so no share), and
/// for a figure that small-number protection hides at the förbund's
/// threshold — so no chart, table or board row built on outcomes can show
/// it ([`computed_shown`] says what may be shown instead).
pub fn computed_outcome(ws: &Workspace, indicator: &Indicator, key: &FigureKey) -> Option<Outcome> {
    computed_outcome_in(&CountBook::empty(ws), indicator, key)
}

/// [`computed_outcome`] with the counts taken from `book` (one pass for
/// many figures).
pub fn computed_outcome_in(
    book: &CountBook<'_>,
    indicator: &Indicator,
    key: &FigureKey,
) -> Option<Outcome> {
    let ws = book.workspace();
    let measure = indicator.computed?;
    let value = if measure.is_meetings() {
        // Guests at meetings are no participants: their count is shown as
        // it is (a meeting with two guests names no one).
        FigureValue::Count(Count::saturating(crate::core::meetings::attendance(
            ws, key,
        )?))
    } else if answers_from_published(ws) {
        match published_shown(ws, key) {
            super::Shown::Count(n) => FigureValue::Count(Count::saturating(n)),
            super::Shown::Share(p) => FigureValue::Percent(p),
            _ => return None,
        }
    } else {
        let counts = book.get(key);
        let threshold = ws.protection_threshold();
        match measure.of(&counts) {
            Ok(n) if super::protect_count(n, threshold).is_protected() => return None,
            Ok(n) => FigureValue::Count(Count::saturating(n)),
            Err(share) if super::protect_share(share, threshold).is_protected() => return None,
            Err(share) => FigureValue::Percent(share.percent()?),
        }
    };
    Some(Outcome::from_key(
        indicator.meta.clone(),
        key.clone(),
        value,
        None,
        OutcomeSource::Computed,
        String::new(),
    ))
}

/// The outcome of a computed indicator for `key` as it may be shown to
/// others (`threshold` as in [`super::protect`]); `None` for an indicator
/// entered by hand.
pub fn computed_shown(
    ws: &Workspace,
    indicator: &Indicator,
    key: &FigureKey,
    threshold: u64,
) -> Option<super::Shown> {
    computed_shown_in(&CountBook::empty(ws), indicator, key, threshold)
}

/// [`computed_shown`] with the counts taken from `book`.
pub fn computed_shown_in(
    book: &CountBook<'_>,
    indicator: &Indicator,
    key: &FigureKey,
    threshold: u64,
) -> Option<super::Shown> {
    let ws = book.workspace();
    let measure = indicator.computed?;
    if measure.is_meetings() {
        return crate::core::meetings::attendance(ws, key).map(super::Shown::Count);
    }
    if answers_from_published(ws) {
        return Some(published_shown(ws, key));
    }
    let counts = book.get(key);
    Some(match measure.of(&counts) {
        Ok(n) => super::protect_count(n, threshold),
        Err(share) => super::protect_share(share, threshold),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::ids::RecordId;
    use crate::core::model::{FlowMeasure, Gender, Record};
    use crate::core::period::Period;
    use crate::core::value::Percent;

    fn ws() -> Workspace {
        demo::workspace()
    }

    fn key(ind: &Indicator, scope: Scope, breakdown: Option<Breakdown>) -> FigureKey {
        FigureKey {
            indicator: ind.meta.id.clone(),
            scope,
            period: Period::year(2017).unwrap(),
            breakdown,
        }
    }

    #[test]
    fn a_computed_indicator_counts_its_scope_and_slice() {
        let ws = ws();
        let mut ind = ws
            .indicators
            .get(&RecordId::parse("demo-ind-deltagare").unwrap())
            .unwrap()
            .clone();
        assert_eq!(
            computed_outcome(&ws, &ind, &key(&ind, Scope::Forbund, None)),
            None
        );
        ind.computed = Some(FlowMeasure::Active);
        let all = computed_outcome(&ws, &ind, &key(&ind, Scope::Forbund, None)).unwrap();
        assert_eq!(all.value, FigureValue::Count(Count::new(927).unwrap()));
        assert_eq!(all.source, OutcomeSource::Computed);
        let women = computed_outcome(
            &ws,
            &ind,
            &key(&ind, Scope::Forbund, Some(Breakdown::Gender(Gender::Woman))),
        )
        .unwrap();
        assert_eq!(women.value, FigureValue::Count(Count::new(399).unwrap()));
        let youth = Scope::Project(RecordId::parse("demo-ungdom").unwrap());
        let in_youth = computed_outcome(&ws, &ind, &key(&ind, youth, None)).unwrap();
        let FigureValue::Count(n) = in_youth.value else {
            panic!("a count")
        };
        assert!(n.get() > 0 && n.get() < 927);
        ind.computed = Some(FlowMeasure::ShareWorkOrStudies);
        let share = computed_outcome(&ws, &ind, &key(&ind, Scope::Forbund, None)).unwrap();
        assert_eq!(
            share.value,
            FigureValue::Percent(Percent::from_ratio(271, 695).unwrap())
        );
    }

    #[test]
    fn a_figure_protection_hides_is_no_outcome_anywhere() {
        let mut ws = ws();
        let mut ind = ws
            .indicators
            .get(&RecordId::parse("demo-ind-deltagare").unwrap())
            .unwrap()
            .clone();
        ind.computed = Some(FlowMeasure::Active);
        let k = key(&ind, Scope::Forbund, None);
        assert!(computed_outcome(&ws, &ind, &k).is_some());
        // A förbund that hides counts under 20, and one tiny group.
        let mut org = ws.organisation.clone().unwrap();
        org.protection_threshold = Some(20);
        // A later write than the demo's (a write with the same stamp and
        // another value is a conflict, settled by the tie-break).
        org.meta.stamp.hlc = org.meta.stamp.hlc.tick(1);
        ws.put(Record::Organisation(org));
        let one = ws.participations.live().next().unwrap().clone();
        let mut tiny = k.clone();
        tiny.scope = Scope::Forbund;
        tiny.period = Period::range(one.start, one.start).unwrap();
        tiny.breakdown = Some(Breakdown::AgeBand(one.age_band));
        let shown = computed_shown(&ws, &ind, &tiny, ws.protection_threshold());
        if let Some(crate::core::participants::Shown::Fewer(t)) = shown {
            assert_eq!(t, 20);
            assert_eq!(computed_outcome(&ws, &ind, &tiny), None);
        } else {
            panic!("a day's age group is a small count: {shown:?}");
        }
        assert!(computed_outcome(&ws, &ind, &k).is_some(), "927 is shown");
    }
}
