//! Outcomes in from a spreadsheet: a year's figures from a partner's
//! report, or the targets-and-outcomes file this app exports, edited.
//!
//! Guarantees: each row is validated by the same rules as the outcome form
//! (`validate::figure`): the indicator's unit and allowed breakdowns, the
//! range of the value, a real scope and period. A row for an outcome that
//! is already stored (same indicator, scope, period and slice) updates it;
//! a row without a value is left out and counted, so the exported file
//! (which lists targets not yet answered) reads back; an indicator computed
//! from participations takes no typed outcomes. A column not in the file
//! (the report date, the note) keeps what is stored. What a changed row
//! changes is listed field by field ([`field_changes`]) for the preview.

use super::figures::{scope_word, slice_word};
use super::mapping::{
    changed_fields, column_set, FieldChange, ImportPlan, Mapping, MappingProblem,
};
use super::read::{NumberCheck, Table};
use crate::core::codes;
use crate::core::model::{Breakdown, Dimension, Meta, Outcome, Scope};
use crate::core::order::{fold_case, same_folded};
use crate::core::period::Period;
use crate::core::validate::figure::slice_code;
use crate::core::validate::participation::{parse_age_band, parse_gender, parse_referrer};
use crate::core::validate::period_draft::PeriodDraft;
use crate::core::validate::{build_outcome, names, Field, FigureDraft, FormErrors, Problem};
use crate::core::workspace::Workspace;

column_set! {
    /// The fields of an outcomes file.
    pub enum OutcomeColumn {
        /// By name or id.
        Indicator => Indicator, "indicator", ["indikator", "indicator", "nyckeltal", "mått"],
        /// The förbund, a project or an insats, by name.
        Scope => Scope, "scope", ["omfattning", "scope", "insats", "projekt", "verksamhet"],
        /// `2017`, `2018-H1`, `2018-Q2`, `2018-05` or
        /// `2018-01-01..2018-06-30`.
        Period => Period, "period", ["period", "år", "year"],
        /// Empty for the total, or `Kommun: Tyresö`, `Kön: Kvinna`.
        Group => Breakdown, "group", ["grupp", "group", "uppdelning", "del"],
        Value => Value, "value", ["utfall", "värde", "value", "outcome", "resultat"],
        /// A date.
        ReportedOn => ReportedOn, "reported_on",
            ["rapporterat", "rapporterad", "datum", "reported"],
        Note => Note, "note", ["anteckning", "kommentar", "note", "källa (text)"],
    }
}

/// How an outcomes file is searched for personal numbers: every written
/// form, but not nine digits alone, which here may be an amount in kronor.
pub const NUMBER_CHECK: NumberCheck = NumberCheck::Written;

/// The fields every outcome row needs.
pub const REQUIRED: [OutcomeColumn; 3] = [
    OutcomeColumn::Indicator,
    OutcomeColumn::Period,
    OutcomeColumn::Value,
];

/// The scope a cell names: empty, "Förbundet" or the förbund's name for
/// the whole förbund, else a project's or an insats's name or id.
pub(super) fn find_scope(ws: &Workspace, text: &str) -> Option<Scope> {
    let t = text.trim();
    let folded = fold_case(t);
    let forbund = ws.organisation_name().map(|n| fold_case(n.trim()));
    if t.is_empty()
        || ["förbundet", "hela förbundet", "forbund", "whole förbund"].contains(&folded.as_str())
        || forbund.as_deref() == Some(folded.as_str())
    {
        return Some(Scope::Forbund);
    }
    if let Some(p) = ws.projects.live().find(|p| names(t, &p.meta.id, &p.name)) {
        return Some(Scope::Project(p.meta.id.clone()));
    }
    ws.insatser
        .live()
        .find(|i| names(t, &i.meta.id, &i.name))
        .map(|i| Scope::Insats(i.meta.id.clone()))
}

/// The dimension and slice code a group cell names ("Kommun: Tyresö").
fn find_group(ws: &Workspace, text: &str) -> Result<Option<(Dimension, String)>, Problem> {
    let t = text.trim();
    if t.is_empty() || fold_case(t) == "alla" {
        return Ok(None);
    }
    let (dim, value) = t.split_once(':').ok_or(Problem::UnknownValue)?;
    let dimension = match fold_case(dim.trim()).as_str() {
        "kommun" | "municipality" => Dimension::Municipality,
        "kön" | "gender" => Dimension::Gender,
        "anvisad av" | "remittent" | "referrer" => Dimension::Referrer,
        "utförare" | "provider" => Dimension::Provider,
        "åldersgrupp" | "age band" => Dimension::AgeBand,
        _ => return Err(Problem::UnknownValue),
    };
    let value = value.trim();
    let slice = match dimension {
        Dimension::Municipality => ws
            .municipalities
            .live()
            .find(|m| same_folded(m.name.trim(), value))
            .map(|m| slice_code(&Breakdown::Municipality(m.meta.id.clone()))),
        Dimension::Gender => parse_gender(value).map(|g| codes::code(&g)),
        Dimension::Referrer => parse_referrer(value).map(|r| codes::code(&r)),
        Dimension::AgeBand => parse_age_band(value)
            .ok()
            .flatten()
            .map(|a| codes::code(&a)),
        Dimension::Provider => Some(value.to_owned()),
    };
    slice
        .map(|s| Some((dimension, s)))
        .ok_or(Problem::UnknownReference)
}

/// Plans the import of an outcomes file; `new_meta` gives a new outcome
/// its id and stamp.
pub fn plan_import(
    ws: &Workspace,
    table: &Table,
    mapping: &Mapping<OutcomeColumn>,
    new_meta: &mut dyn FnMut() -> Meta,
) -> Result<ImportPlan<Outcome>, Vec<MappingProblem<OutcomeColumn>>> {
    let problems = mapping.problems(&REQUIRED);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut plan = ImportPlan::default();
    let mut seen = std::collections::BTreeSet::new();
    for row in &table.rows {
        let cell = |c: OutcomeColumn| mapping.cell(&row.cells, c);
        let value = cell(OutcomeColumn::Value);
        if value.trim().is_empty() {
            plan.empty += 1;
            continue;
        }
        let mut errors = FormErrors::default();
        let indicator_text = cell(OutcomeColumn::Indicator);
        let indicator = ws
            .indicators
            .live()
            .find(|i| names(&indicator_text, &i.meta.id, &i.name));
        if indicator.is_some_and(crate::core::model::Indicator::is_computed) {
            errors.push(Field::Indicator, Problem::ComputedIndicator);
        }
        let scope = find_scope(ws, &cell(OutcomeColumn::Scope));
        if scope.is_none() {
            errors.push(Field::Scope, Problem::UnknownReference);
        }
        let period = cell(OutcomeColumn::Period).trim().parse::<Period>().ok();
        if period.is_none() {
            errors.push(Field::Period, Problem::UnknownValue);
        }
        let group = errors
            .check(
                Field::Breakdown,
                find_group(ws, &cell(OutcomeColumn::Group)),
            )
            .flatten();
        if !errors.is_empty() {
            plan.reject(row.line, errors);
            continue;
        }
        let draft = FigureDraft {
            indicator: indicator.map_or(indicator_text.clone(), |i| i.meta.id.to_string()),
            scope: scope.map(|s| s.to_string()).unwrap_or_default(),
            period: period.as_ref().map_or_else(
                || PeriodDraft::from_period(&Period::year_clamped(2000)),
                PeriodDraft::from_period,
            ),
            dimension: group.as_ref().map(|(d, _)| *d),
            slice: group.map(|(_, s)| s).unwrap_or_default(),
            value: value.trim().trim_end_matches('%').trim().to_owned(),
            reported_on: cell(OutcomeColumn::ReportedOn),
            note: cell(OutcomeColumn::Note),
        };
        // The stored outcome with the same key, which this row updates.
        let stored = {
            indicator.and_then(|i| {
                let scope = draft.scope.parse::<Scope>().ok()?;
                ws.outcomes
                    .live()
                    .find(|o| {
                        o.indicator == i.meta.id
                            && o.scope == scope
                            && Some(o.period) == period
                            && o.breakdown.as_ref().map(slice_code)
                                == (!draft.slice.is_empty()).then(|| draft.slice.clone())
                    })
                    .cloned()
            })
        };
        let meta = stored
            .as_ref()
            .map_or_else(&mut *new_meta, |o| o.meta.clone());
        match build_outcome(&draft, ws, meta) {
            Ok(mut o) => {
                if let Some(old) = &stored {
                    // A file without dates or notes does not clear them.
                    if mapping.column(OutcomeColumn::ReportedOn).is_none() {
                        o.reported_on = old.reported_on;
                    }
                    if mapping.column(OutcomeColumn::Note).is_none() {
                        o.note = old.note.clone();
                    }
                }
                if !seen.insert(format!("{:?}", o.key())) {
                    let mut errors = FormErrors::default();
                    errors.push(Field::Period, Problem::DuplicateOutcome);
                    plan.reject(row.line, errors);
                    continue;
                }
                plan.accept(stored, o);
            }
            Err(errors) => plan.reject(row.line, errors),
        }
    }
    Ok(plan)
}

/// An outcome's field as the preview shows it ("" for none).
fn cell_text(ws: &Workspace, o: &Outcome, column: OutcomeColumn) -> String {
    match column {
        OutcomeColumn::Indicator => ws
            .indicators
            .get_any(&o.indicator)
            .map_or_else(|| o.indicator.to_string(), |i| i.name.clone()),
        OutcomeColumn::Scope => scope_word(ws, &o.scope),
        OutcomeColumn::Period => o.period.to_string(),
        OutcomeColumn::Group => o
            .breakdown
            .as_ref()
            .map(|b| slice_word(ws, b))
            .unwrap_or_default(),
        OutcomeColumn::Value => crate::core::fmt_sv::value(o.value),
        OutcomeColumn::ReportedOn => o.reported_on.map(|d| d.to_string()).unwrap_or_default(),
        OutcomeColumn::Note => o.note.clone(),
    }
}

/// Whether `a` and `b` differ in the field of `column`.
fn differs(a: &Outcome, b: &Outcome, column: OutcomeColumn) -> bool {
    match column {
        OutcomeColumn::Indicator => a.indicator != b.indicator,
        OutcomeColumn::Scope => a.scope != b.scope,
        OutcomeColumn::Period => a.period != b.period,
        OutcomeColumn::Group => a.breakdown != b.breakdown,
        OutcomeColumn::Value => a.value != b.value,
        OutcomeColumn::ReportedOn => a.reported_on != b.reported_on,
        OutcomeColumn::Note => a.note != b.note,
    }
}

/// The fields a changed row changes, stored value first; in the order of
/// the columns.
pub fn field_changes(
    ws: &Workspace,
    stored: &Outcome,
    after: &Outcome,
) -> Vec<FieldChange<OutcomeColumn>> {
    changed_fields(stored, after, differs, |r, c| cell_text(ws, r, c))
}

/// How the preview names an outcome: indicator, scope, period and group.
pub fn record_label(ws: &Workspace, o: &Outcome) -> String {
    let mut parts = vec![
        cell_text(ws, o, OutcomeColumn::Indicator),
        cell_text(ws, o, OutcomeColumn::Scope),
        cell_text(ws, o, OutcomeColumn::Period),
    ];
    let group = cell_text(ws, o, OutcomeColumn::Group);
    if !group.is_empty() {
        parts.push(group);
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::csv::figures::export_goals;
    use crate::core::exchange::csv::mapping::testing::{assert_rejected, guessed, numbered_metas};
    use crate::core::exchange::csv::CsvFlavour;
    use crate::core::ids::{Hlc, RecordId};
    use crate::core::value::{Count, FigureValue};

    fn plan(ws: &Workspace, text: &str) -> ImportPlan<Outcome> {
        let (table, mapping) = guessed(text);
        let mut new_meta = numbered_metas(Hlc::default(), "t");
        plan_import(ws, &table, &mapping, &mut new_meta).unwrap()
    }

    #[test]
    fn a_partners_figures_come_in_and_bad_rows_are_named() {
        let ws = demo::workspace();
        let text = "\u{FEFF}Indikator;Omfattning;Period;Grupp;Utfall\r\n\
            Myndighetsgemensamma konsultationer;Förbundet;2019;;212\r\n\
            Myndighetsgemensamma konsultationer;Förbundet;2019-H1;;1,5\r\n\
            Finns inte;Förbundet;2019;;3\r\n\
            Myndighetsgemensamma konsultationer;Förbundet;våren;;3\r\n";
        let p = plan(&ws, text);
        assert_eq!(p.added.len(), 1);
        assert_eq!(
            p.added[0].value,
            FigureValue::Count(Count::new(212).unwrap())
        );
        assert_rejected(
            &p,
            &[
                (3, Field::Value, Problem::NotWhole),
                (4, Field::Indicator, Problem::UnknownReference),
                (5, Field::Period, Problem::UnknownValue),
            ],
        );
        assert!(!p.can_apply());
    }

    #[test]
    fn the_exported_goals_file_reads_back_unchanged() {
        let ws = demo::workspace();
        for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
            let text = export_goals(&ws, 3, flavour);
            let p = plan(&ws, &text);
            assert!(p.rejected.is_empty(), "{:?}", p.rejected.first());
            assert!(
                p.added.is_empty() && p.changed.is_empty(),
                "{:?}",
                p.changed.first()
            );
            assert!(p.unchanged > 0);
        }
    }

    #[test]
    fn a_changed_value_updates_the_stored_outcome() {
        let ws = demo::workspace();
        let text = export_goals(&ws, 3, CsvFlavour::Plain).replacen(",927,", ",930,", 1);
        let p = plan(&ws, &text);
        assert_eq!(p.changed.len(), 1);
        let (old, new) = &p.changed[0];
        assert_eq!(old.meta.id, new.meta.id);
        assert_eq!(new.value, FigureValue::Count(Count::new(930).unwrap()));
        assert!(p.can_apply());
        let changes = field_changes(&ws, old, new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].column, OutcomeColumn::Value);
        assert_eq!(
            (changes[0].before.as_str(), changes[0].after.as_str()),
            ("927", "930")
        );
        assert!(record_label(&ws, old).contains(", "));
    }

    #[test]
    fn yes_no_outcomes_read_as_words_in_any_case_and_a_wrong_word_is_named() {
        use crate::core::value::{Answer, Unit};
        let mut ws = demo::workspace();
        let mut i = crate::core::testing::percent_indicator("yn", "Testmål ja eller nej", &[]);
        i.unit = Unit::YesNo;
        ws.put(crate::core::model::Record::Indicator(i));
        let text = "Indikator;Omfattning;Period;Utfall;Anteckning\n\
            Testmål ja eller nej;Förbundet;2017;Uppfyllt;Nyhetsbrev 2018-02\n\
            Testmål ja eller nej;Förbundet;2018;EJ UPPFYLLT;\n\
            Testmål ja eller nej;Förbundet;2019; ännu inte känt ;\n\
            Testmål ja eller nej;Förbundet;2020;ja;\n";
        let p = plan(&ws, text);
        let answers: Vec<FigureValue> = p.added.iter().map(|o| o.value).collect();
        assert_eq!(
            answers,
            [
                FigureValue::Answer(Answer::Met),
                FigureValue::Answer(Answer::NotMet),
                FigureValue::Answer(Answer::Unknown)
            ]
        );
        assert_eq!(p.added[0].note, "Nyhetsbrev 2018-02");
        assert_rejected(&p, &[(5, Field::Value, Problem::NotAnAnswer)]);
    }

    #[test]
    fn spend_reads_as_swedish_excel_writes_it_with_ore_rounded_and_bad_amounts_named() {
        use crate::core::value::{Kronor, Unit};
        let mut ws = demo::workspace();
        let mut i = crate::core::testing::percent_indicator("kr", "Kostnad", &[]);
        i.unit = Unit::Kronor;
        ws.put(crate::core::model::Record::Indicator(i));
        let text = "Indikator;Omfattning;Period;Utfall;Anteckning\n\
            Kostnad;Förbundet;2016;1 234 567,50;Bokslut 2016\n\
            Kostnad;Förbundet;2017;\u{a0}98\u{a0}000 kr;\n\
            Kostnad;Förbundet;2018;1234567,49;\n\
            Kostnad;Förbundet;2019;-5;\n\
            Kostnad;Förbundet;2020;1.234;\n";
        let p = plan(&ws, text);
        let kr = |n| FigureValue::Kronor(Kronor::new(n).unwrap());
        let amounts: Vec<FigureValue> = p.added.iter().map(|o| o.value).collect();
        assert_eq!(amounts, [kr(1_234_568), kr(98_000), kr(1_234_567)]);
        assert_rejected(
            &p,
            &[
                (5, Field::Value, Problem::NegativeAmount),
                (6, Field::Value, Problem::AmbiguousThousands),
            ],
        );
    }

    #[test]
    fn yes_no_goals_go_out_as_words_and_read_back_unchanged() {
        use crate::core::model::{Outcome, OutcomeSource, Record, Target};
        use crate::core::period::Period;
        use crate::core::testing::meta;
        use crate::core::value::{Answer, Unit};
        let mut ws = demo::workspace();
        let mut i = crate::core::testing::percent_indicator("yn", "Testmål ja eller nej", &[]);
        i.unit = Unit::YesNo;
        ws.put(Record::Indicator(i));
        let key = |m| {
            (
                m,
                RecordId::parse("yn").unwrap(),
                Scope::Forbund,
                Period::year(2017).unwrap(),
            )
        };
        let (m, indicator, scope, period) = key(meta("yn-t"));
        ws.put(Record::Target(Target {
            meta: m,
            indicator: indicator.clone(),
            scope: scope.clone(),
            period,
            breakdown: None,
            value: FigureValue::Answer(Answer::Met),
            note: String::new(),
        }));
        ws.put(Record::Outcome(Outcome {
            meta: meta("yn-o"),
            indicator,
            scope,
            period,
            breakdown: None,
            value: FigureValue::Answer(Answer::Unknown),
            reported_on: None,
            source: OutcomeSource::Manual,
            note: "Nyhetsbrev".into(),
        }));
        for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
            let text = export_goals(&ws, 3, flavour);
            let line = text
                .lines()
                .find(|l| l.contains("Testmål ja eller nej"))
                .unwrap();
            assert!(line.contains("uppfyllt"), "{line}");
            assert!(line.contains("ännu inte känt"), "{line}");
            assert!(line.contains("Ännu inte känt"), "{line}");
            let p = plan(&ws, &text);
            assert!(p.rejected.is_empty(), "{:?}", p.rejected.first());
            assert!(p.added.is_empty() && p.changed.is_empty());
        }
    }

    #[test]
    fn an_outcomes_file_may_hold_nine_digit_amounts() {
        let text = "Indikator;Period;Utfall\nKostnad;2019;507099802\n";
        assert!(
            crate::core::exchange::csv::read_table_checked(text.as_bytes(), NUMBER_CHECK).is_ok()
        );
        assert!(crate::core::exchange::csv::read_table(text.as_bytes()).is_err());
    }
}
