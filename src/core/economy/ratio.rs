//! Ratio indicators (as DHIS2 defines indicators): the outcome of an
//! indicator in kronor divided by a count, for any scope and period — cost
//! per participant, per participant who went to work or studies, per
//! consultation.
//!
//! Guarantees: the ratio is computed on exact integers (whole kronor
//! divided by a count, rounded half up to a krona); it covers exactly the
//! period its spend covers (a spend reported so far, until August, is
//! divided by the participants of January–August), so a "so far" spend
//! gives a "so far" ratio; a denominator of participants under the
//! protection threshold hides the ratio as it hides a share, since the
//! ratio and the spend together would reveal the count; a ratio whose
//! numerator or denominator is itself a ratio, is missing or is in another
//! unit (only a crafted file can hold one) has no value, so the
//! computation never recurses more than one step.

use crate::core::goals::{answer_in, Answer, Figures};
use crate::core::model::{Denominator, FigureKey, Indicator, Outcome, OutcomeSource};
use crate::core::participants::{protect_count, Shown};
use crate::core::value::{FigureValue, Unit};

/// What a ratio's figure for a key is.
enum Computed {
    /// The ratio, answering the key (exactly or so far).
    Value(Box<Answer>),
    /// The denominator counts fewer participants than the threshold.
    Hidden(Shown),
}

/// The outcome of the ratio indicator `indicator` for `key`: `None` for an
/// indicator that is no ratio, when the spend or the denominator is
/// missing or zero, and when small-number protection at the förbund's own
/// threshold hides it (as a computed share is hidden).
pub fn ratio_answer(
    figures: &Figures<'_>,
    indicator: &Indicator,
    key: &FigureKey,
) -> Option<Answer> {
    let threshold = figures.counts().workspace().protection_threshold();
    match compute(figures, indicator, key, threshold)? {
        Computed::Value(answer) => Some(*answer),
        Computed::Hidden(_) => None,
    }
}

/// What may be shown of the ratio for `key` to others at `threshold`:
/// `Some` only when protection hides it ("<3"), for the board row to say
/// so.
pub fn ratio_shown(
    figures: &Figures<'_>,
    indicator: &Indicator,
    key: &FigureKey,
    threshold: u64,
) -> Option<Shown> {
    match compute(figures, indicator, key, threshold)? {
        Computed::Hidden(shown) => Some(shown),
        Computed::Value(_) => None,
    }
}

fn compute(
    figures: &Figures<'_>,
    indicator: &Indicator,
    key: &FigureKey,
    threshold: u64,
) -> Option<Computed> {
    let ratio = indicator.ratio.as_ref()?;
    let ws = figures.counts().workspace();
    let plain = |id, unit| {
        ws.indicators
            .get(id)
            .filter(|i| i.unit == unit && i.ratio.is_none())
    };
    plain(&ratio.numerator, Unit::Kronor)?;
    let spend = answer_in(
        figures,
        &FigureKey {
            indicator: ratio.numerator.clone(),
            ..key.clone()
        },
    )?;
    let FigureValue::Kronor(spent) = spend.outcome.value else {
        return None;
    };
    // Divided by the count of exactly the days the spend covers.
    let covered = FigureKey {
        period: spend.outcome.period,
        ..key.clone()
    };
    let count = match &ratio.denominator {
        Denominator::Participants => figures.counts().get(&covered).active,
        Denominator::WorkOrStudies => figures.counts().get(&covered).work_or_studies,
        Denominator::Indicator(id) => {
            plain(id, Unit::Count)?;
            let found = answer_in(
                figures,
                &FigureKey {
                    indicator: id.clone(),
                    ..covered.clone()
                },
            )?;
            match found.outcome.value {
                FigureValue::Count(c) if found.outcome.period == covered.period => c.get(),
                _ => return None,
            }
        }
    };
    if ratio.denominator.counts_participants() {
        let shown = protect_count(count, threshold);
        if shown.is_protected() {
            return Some(Computed::Hidden(shown));
        }
    }
    let per = spent.per(count)?;
    Some(Computed::Value(Box::new(Answer {
        outcome: Outcome::from_key(
            indicator.meta.clone(),
            covered,
            FigureValue::Kronor(per),
            spend.outcome.reported_on,
            OutcomeSource::Computed,
            String::new(),
        ),
        partial: spend.partial,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::goals::{answer, goal_rows, protect_rows, Focus};
    use crate::core::ids::RecordId;
    use crate::core::model::{Ratio, Record, Scope, Target};
    use crate::core::period::Period;
    use crate::core::testing::{meta, percent_indicator};
    use crate::core::value::{Count, Kronor};
    use crate::core::workspace::Workspace;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn indicator(i: &str, unit: Unit, ratio: Option<Ratio>) -> Indicator {
        let mut ind = percent_indicator(i, i, &[]);
        ind.unit = unit;
        ind.ratio = ratio;
        ind
    }

    fn kr(n: u64) -> FigureValue {
        FigureValue::Kronor(Kronor::new(n).unwrap())
    }

    fn key(indicator: &str, period: Period) -> FigureKey {
        FigureKey {
            indicator: id(indicator),
            scope: Scope::Forbund,
            period,
            breakdown: None,
        }
    }

    fn spend(ws: &mut Workspace, period: Period, value: u64) {
        ws.put(Record::Outcome(Outcome::from_key(
            meta(&format!("spend-{}", period.to_string().replace('.', "-"))),
            key("cost", period),
            kr(value),
            None,
            OutcomeSource::Manual,
            String::new(),
        )));
    }

    /// The demo (927 participants active in 2017, 271 of them ended to
    /// work or studies) with a cost indicator and a ratio of it.
    fn setup(denominator: Denominator) -> Workspace {
        let mut ws = demo::workspace();
        ws.put(Record::Indicator(indicator("cost", Unit::Kronor, None)));
        ws.put(Record::Indicator(indicator(
            "per",
            Unit::Kronor,
            Some(Ratio {
                numerator: id("cost"),
                denominator,
            }),
        )));
        ws
    }

    fn value(ws: &Workspace, period: Period) -> Option<FigureValue> {
        answer(ws, &key("per", period)).map(|a| a.outcome.value)
    }

    #[test]
    fn cost_per_participant_is_the_spend_over_the_active_rounded_half_up() {
        let y2017 = Period::year(2017).unwrap();
        let mut ws = setup(Denominator::Participants);
        assert_eq!(value(&ws, y2017), None, "no spend, no ratio");
        // 9 270 463 / 927 = 10 000,499… → 10 000; one krona more rounds up.
        spend(&mut ws, y2017, 9_270_463);
        assert_eq!(value(&ws, y2017), Some(kr(10_000)));
        spend(&mut ws, y2017, 9_270_464);
        assert_eq!(value(&ws, y2017), Some(kr(10_001)));
        let to_work = setup(Denominator::WorkOrStudies);
        let mut to_work = to_work;
        spend(&mut to_work, y2017, 2_710_000);
        assert_eq!(value(&to_work, y2017), Some(kr(10_000)));
        let found = answer(&to_work, &key("per", y2017)).unwrap();
        assert_eq!(found.outcome.source, OutcomeSource::Computed);
        assert!(!found.partial);
    }

    #[test]
    fn a_spend_so_far_is_divided_by_the_participants_of_the_same_days() {
        let y2017 = Period::year(2017).unwrap();
        let h1 = Period::half(2017, 1).unwrap();
        let mut ws = setup(Denominator::Participants);
        spend(&mut ws, h1, 1_000_000);
        let found = answer(&ws, &key("per", y2017)).expect("a ratio so far");
        assert!(found.partial);
        assert_eq!(found.outcome.period, h1);
        let active_h1 = crate::core::participants::CountBook::empty(&ws)
            .get(&key("per", h1))
            .active;
        assert!(active_h1 > 0 && active_h1 < 927);
        assert_eq!(
            found.outcome.value,
            FigureValue::Kronor(Kronor::new(1_000_000).unwrap().per(active_h1).unwrap())
        );
    }

    #[test]
    fn a_ratio_of_few_participants_is_hidden_as_a_share_is() {
        let y2017 = Period::year(2017).unwrap();
        let mut ws = setup(Denominator::Participants);
        spend(&mut ws, y2017, 9_270_000);
        ws.put(Record::Target(Target::from_key(
            meta("per-target"),
            key("per", y2017),
            kr(12_000),
            String::new(),
        )));
        let rows = |threshold| {
            let mut rows = goal_rows(&ws, &y2017, &Focus::All);
            protect_rows(&ws, &mut rows, threshold);
            rows.into_iter()
                .find(|r| r.indicator.meta.id == id("per"))
                .unwrap()
        };
        let shown = rows(3);
        assert_eq!(shown.outcome.map(|o| o.value), Some(kr(10_000)));
        assert!(shown.status.is_some());
        let hidden = rows(1000);
        assert_eq!(hidden.protected, Some(Shown::Fewer(1000)));
        assert!(hidden.outcome.is_none() && hidden.status.is_none());
    }

    #[test]
    fn a_ratio_per_consultation_divides_by_a_count_indicators_outcome() {
        let y2017 = Period::year(2017).unwrap();
        let mut ws = setup(Denominator::Indicator(id("visits")));
        ws.put(Record::Indicator(indicator("visits", Unit::Count, None)));
        spend(&mut ws, y2017, 100_000);
        assert_eq!(value(&ws, y2017), None, "no count of visits yet");
        ws.put(Record::Outcome(Outcome::from_key(
            meta("visits-2017"),
            key("visits", y2017),
            FigureValue::Count(Count::new(3).unwrap()),
            None,
            OutcomeSource::Manual,
            String::new(),
        )));
        // 100 000 / 3 = 33 333,3… → 33 333.
        assert_eq!(value(&ws, y2017), Some(kr(33_333)));
    }

    #[test]
    fn a_ratio_of_itself_or_of_another_ratio_has_no_value_and_ends() {
        let y2017 = Period::year(2017).unwrap();
        let mut ws = setup(Denominator::Participants);
        spend(&mut ws, y2017, 1_000_000);
        // As only a crafted file could hold them: a ratio of itself, and a
        // ratio whose denominator is a ratio.
        let mut own = ws.indicators.get(&id("per")).unwrap().clone();
        own.ratio = Some(Ratio {
            numerator: id("per"),
            denominator: Denominator::Participants,
        });
        own.meta.stamp.hlc = own.meta.stamp.hlc.tick(2_000_000_000_000);
        ws.put(Record::Indicator(own));
        assert_eq!(value(&ws, y2017), None);
        ws.put(Record::Indicator(indicator(
            "per-per",
            Unit::Kronor,
            Some(Ratio {
                numerator: id("cost"),
                denominator: Denominator::Indicator(id("per")),
            }),
        )));
        assert_eq!(answer(&ws, &key("per-per", y2017)), None);
    }
}
