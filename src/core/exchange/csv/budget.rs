//! Budget and spend lines in from a spreadsheet: one row per insats,
//! project or the förbund and period, with its budget, its spend (so far)
//! and its forecast, as a förbund's economist keeps them in Swedish Excel
//! (`1 234 567,50`, `;`, a byte order mark or Windows-1252: `read`'s
//! rules).
//!
//! Guarantees: a row is validated by the same rules as the target, outcome
//! and forecast forms (`validate::figure`): an indicator in kronor (the
//! file may leave the column out when the förbund has exactly one that is
//! no ratio), a real scope and period, amounts in whole kronor with öre
//! rounded half up (50 öre up), never negative. The budget becomes the
//! target of the row's period and the forecast its forecast; the spend is
//! an outcome of the period, or, with a "till och med" date inside it, of
//! the period's first part up to that day (a delår spend in a yearly line).
//! A row updates what is stored under the same key, and a file with one bad
//! row changes nothing (the plan cannot be applied). A row with no amount
//! is left out and counted.

use super::figures::scope_word;
use super::mapping::{column_set, FieldChange, ImportPlan, Mapping, MappingProblem};
use super::read::{NumberCheck, Table};
use crate::core::model::{FigureKey, Indicator, Meta, Record};
use crate::core::period::Period;
use crate::core::validate::period_draft::PeriodDraft;
use crate::core::validate::{
    build_forecast_with, build_outcome, build_target, names, Field, FigureDraft, FormErrors,
    Problem,
};
use crate::core::value::Unit;
use crate::core::workspace::Workspace;
use chrono::NaiveDate;

column_set! {
    /// The fields of a budget file.
    pub enum BudgetColumn {
        /// By name or id; may be left out (see the module).
        Indicator => Indicator, "indicator", ["indikator", "indicator", "kostnadsslag", "konto"],
        /// The förbund, a project or an insats, by name.
        Scope => Scope, "scope", ["insats", "projekt", "verksamhet", "omfattning", "scope", "budgetpost"],
        /// `2018`, `2018-T2`, … as the outcomes file.
        Period => Period, "period", ["period", "år", "year"],
        Budget => Budget, "budget", ["budget", "budget (kr)", "budgeterat"],
        Spend => Spend, "spend", ["utfall", "kostnad utfall (kr)", "utfall (kr)", "kostnad", "förbrukat"],
        /// The last day the spend covers.
        Until => ReportedOn, "until", ["utfall till och med", "till och med", "t.o.m.", "tom"],
        Forecast => Forecast, "forecast", ["prognos", "prognos (kr)", "helårsprognos"],
        Note => Note, "note", ["anteckning", "kommentar", "note"],
    }
}

/// How a budget file is searched for personal numbers: every written form,
/// but not nine or ten digits alone, which here are amounts in kronor.
pub const NUMBER_CHECK: NumberCheck = NumberCheck::Written;

/// The fields every budget row needs (the indicator may be implied).
pub const REQUIRED: [BudgetColumn; 2] = [BudgetColumn::Scope, BudgetColumn::Period];

/// The indicator a row names, or the förbund's only plain indicator in
/// kronor when the cell is empty.
fn find_indicator<'w>(ws: &'w Workspace, text: &str) -> Result<&'w Indicator, Problem> {
    let t = text.trim();
    let money = |i: &&Indicator| i.unit == Unit::Kronor && i.ratio.is_none();
    if t.is_empty() {
        let mut all = ws.indicators.live().filter(money);
        return match (all.next(), all.next()) {
            (Some(only), None) => Ok(only),
            _ => Err(Problem::Required),
        };
    }
    let found = ws
        .indicators
        .live()
        .find(|i| names(t, &i.meta.id, &i.name))
        .ok_or(Problem::UnknownReference)?;
    if money(&found) {
        Ok(found)
    } else {
        Err(Problem::RatioNumeratorNotKronor)
    }
}

/// The period a spend covers: the row's, or its first part up to `until`.
fn spend_period(period: Period, until: Option<NaiveDate>) -> Result<Period, Problem> {
    match until {
        None => Ok(period),
        Some(d) if d == period.end() => Ok(period),
        Some(d) if d < period.start() || d > period.end() => Err(Problem::DateOutOfRange),
        Some(d) => Period::range(period.start(), d).map_err(|_| Problem::DateOutOfRange),
    }
}

/// `errors` with every problem of the amount (at `Field::Value`, or a
/// forecast without its budget) moved to `to`, so the preview points at
/// the column the amount came from.
fn at_column(errors: FormErrors, to: Field) -> FormErrors {
    let mut moved = FormErrors::default();
    for e in errors.0 {
        let of_amount = e.field == Field::Value || e.problem == Problem::NoTargetForKey;
        moved.push(if of_amount { to } else { e.field }, e.problem);
    }
    moved
}

/// The stored live record of `kind` with `key`, if any.
fn stored(ws: &Workspace, kind: &str, key: &FigureKey) -> Option<Record> {
    match kind {
        "target" => ws
            .targets
            .live()
            .find(|r| r.key() == *key)
            .cloned()
            .map(Record::Target),
        "outcome" => ws
            .outcomes
            .live()
            .find(|r| r.key() == *key)
            .cloned()
            .map(Record::Outcome),
        _ => ws
            .forecasts
            .live()
            .find(|r| r.key() == *key)
            .cloned()
            .map(Record::Forecast),
    }
}

/// Plans the import of a budget file; `new_meta` gives a new record its id
/// and stamp.
pub fn plan_import(
    ws: &Workspace,
    table: &Table,
    mapping: &Mapping<BudgetColumn>,
    new_meta: &mut dyn FnMut() -> Meta,
) -> Result<ImportPlan<Record>, Vec<MappingProblem<BudgetColumn>>> {
    let problems = mapping.problems(&REQUIRED);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut plan = ImportPlan::default();
    let mut seen = std::collections::BTreeSet::new();
    for row in &table.rows {
        let cell = |c: BudgetColumn| mapping.cell(&row.cells, c);
        let amounts = [
            (BudgetColumn::Budget, cell(BudgetColumn::Budget)),
            (BudgetColumn::Spend, cell(BudgetColumn::Spend)),
            (BudgetColumn::Forecast, cell(BudgetColumn::Forecast)),
        ];
        if amounts.iter().all(|(_, v)| v.trim().is_empty()) {
            plan.empty += 1;
            continue;
        }
        let mut errors = FormErrors::default();
        let indicator = errors.check(
            Field::Indicator,
            find_indicator(ws, &cell(BudgetColumn::Indicator)),
        );
        let scope = super::outcomes::find_scope(ws, &cell(BudgetColumn::Scope));
        if scope.is_none() {
            errors.push(Field::Scope, Problem::UnknownReference);
        }
        let period = cell(BudgetColumn::Period).trim().parse::<Period>().ok();
        if period.is_none() {
            errors.push(Field::Period, Problem::UnknownValue);
        }
        let until = errors.check(
            Field::ReportedOn,
            crate::core::validate::optional_date(&cell(BudgetColumn::Until)),
        );
        let spent_in = match (period, until) {
            (Some(p), Some(u)) => errors.check(Field::ReportedOn, spend_period(p, u)),
            _ => None,
        };
        let (Some(indicator), Some(scope), Some(period), Some(spent_in), true) =
            (indicator, scope, period, spent_in, errors.is_empty())
        else {
            plan.reject(row.line, errors);
            continue;
        };
        let draft = |value: &str, period: Period| FigureDraft {
            indicator: indicator.meta.id.to_string(),
            scope: scope.to_string(),
            period: PeriodDraft::from_period(&period),
            dimension: None,
            slice: String::new(),
            value: value.trim().to_owned(),
            reported_on: until
                .flatten()
                .map(crate::core::period::iso_date)
                .unwrap_or_default(),
            note: cell(BudgetColumn::Note),
        };
        let key = |period: Period| FigureKey {
            indicator: indicator.meta.id.clone(),
            scope: scope.clone(),
            period,
            breakdown: None,
        };
        let mut built: Vec<(Option<Record>, Record)> = Vec::new();
        let mut row_errors = FormErrors::default();
        // The budget first: a forecast in the same row needs its target.
        let mut budget_key = None;
        for (column, value) in &amounts {
            if value.trim().is_empty() {
                continue;
            }
            let (kind, period) = match column {
                BudgetColumn::Budget => ("target", period),
                BudgetColumn::Spend => ("outcome", spent_in),
                _ => ("forecast", period),
            };
            let old = stored(ws, kind, &key(period));
            let meta = old
                .as_ref()
                .map_or_else(&mut *new_meta, |r| r.meta().clone());
            let d = draft(value, period);
            // A column the file does not have keeps what is stored.
            let keeps = |c: BudgetColumn| mapping.column(c).is_none();
            let result = match (column, &old) {
                (BudgetColumn::Budget, old) => build_target(&d, ws, meta).map(|mut t| {
                    if let (Some(Record::Target(o)), true) = (old, keeps(BudgetColumn::Note)) {
                        t.note = o.note.clone();
                    }
                    budget_key = Some(t.key());
                    Record::Target(t)
                }),
                (BudgetColumn::Spend, old) => build_outcome(&d, ws, meta).map(|mut o| {
                    if let Some(Record::Outcome(s)) = old {
                        if keeps(BudgetColumn::Note) {
                            o.note = s.note.clone();
                        }
                        if keeps(BudgetColumn::Until) {
                            o.reported_on = s.reported_on;
                        }
                    }
                    Record::Outcome(o)
                }),
                (_, old) => build_forecast_with(&d, ws, meta, budget_key.as_ref()).map(|mut f| {
                    // The day a forecast was made is not the spend's.
                    f.made_on = None;
                    if let Some(Record::Forecast(s)) = old {
                        f.made_on = s.made_on;
                        if keeps(BudgetColumn::Note) {
                            f.note = s.note.clone();
                        }
                    }
                    Record::Forecast(f)
                }),
            };
            match result {
                Ok(r) => built.push((old, r)),
                Err(e) => row_errors.0.extend(at_column(e, column.field()).0),
            }
        }
        for (_, r) in &built {
            if !seen.insert(format!("{}{:?}", r.kind(), figure_key(r))) {
                row_errors.push(Field::Period, Problem::DuplicateTarget);
            }
        }
        if !row_errors.is_empty() {
            plan.reject(row.line, row_errors);
            continue;
        }
        for (old, new) in built {
            plan.accept(old, new);
        }
    }
    Ok(plan)
}

/// The key of a figure record (none for any other).
fn figure_key(r: &Record) -> Option<FigureKey> {
    match r {
        Record::Target(t) => Some(t.key()),
        Record::Outcome(o) => Some(o.key()),
        Record::Forecast(f) => Some(f.key()),
        _ => None,
    }
}

/// A record's field as the preview shows it ("" where it has none).
fn cell_text(ws: &Workspace, r: &Record, column: BudgetColumn) -> String {
    let Some(key) = figure_key(r) else {
        return String::new();
    };
    let value = |want: &str| match r {
        Record::Target(t) if want == "target" => crate::core::fmt_sv::value(t.value),
        Record::Outcome(o) if want == "outcome" => crate::core::fmt_sv::value(o.value),
        Record::Forecast(f) if want == "forecast" => crate::core::fmt_sv::value(f.value),
        _ => String::new(),
    };
    match column {
        BudgetColumn::Indicator => ws
            .indicators
            .get_any(&key.indicator)
            .map_or_else(|| key.indicator.to_string(), |i| i.name.clone()),
        BudgetColumn::Scope => scope_word(ws, &key.scope),
        BudgetColumn::Period => key.period.to_string(),
        BudgetColumn::Budget => value("target"),
        BudgetColumn::Spend => value("outcome"),
        BudgetColumn::Until => match r {
            Record::Outcome(o) => o.reported_on.map(|d| d.to_string()).unwrap_or_default(),
            _ => String::new(),
        },
        BudgetColumn::Forecast => value("forecast"),
        BudgetColumn::Note => match r {
            Record::Target(t) => t.note.clone(),
            Record::Outcome(o) => o.note.clone(),
            Record::Forecast(f) => f.note.clone(),
            _ => String::new(),
        },
    }
}

/// The fields a changed record changes, stored value first.
pub fn field_changes(
    ws: &Workspace,
    stored: &Record,
    after: &Record,
) -> Vec<FieldChange<BudgetColumn>> {
    super::mapping::changed_fields(
        stored,
        after,
        |a, b, c| cell_text(ws, a, c) != cell_text(ws, b, c),
        |r, c| cell_text(ws, r, c),
    )
}

/// How the preview names a record: what it is, indicator, scope, period.
pub fn record_label(ws: &Workspace, r: &Record) -> String {
    let what = match r {
        Record::Target(_) => "Budget",
        Record::Outcome(_) => "Utfall",
        _ => "Prognos",
    };
    [
        what.to_owned(),
        cell_text(ws, r, BudgetColumn::Indicator),
        cell_text(ws, r, BudgetColumn::Scope),
        cell_text(ws, r, BudgetColumn::Period),
    ]
    .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;
    use crate::core::exchange::csv::mapping::testing::{assert_rejected, guessed, numbered_metas};
    use crate::core::ids::{Hlc, RecordId};
    use crate::core::value::{FigureValue, Kronor};

    fn plan(ws: &Workspace, text: &str) -> ImportPlan<Record> {
        let (table, mapping) = guessed(text);
        let mut new_meta = numbered_metas(Hlc::default(), "t");
        plan_import(ws, &table, &mapping, &mut new_meta).unwrap()
    }

    fn kr(n: u64) -> FigureValue {
        FigureValue::Kronor(Kronor::new(n).unwrap())
    }

    fn value(r: &Record) -> (&'static str, String, FigureValue) {
        match r {
            Record::Target(t) => ("budget", t.period.to_string(), t.value),
            Record::Outcome(o) => ("utfall", o.period.to_string(), o.value),
            Record::Forecast(f) => ("prognos", f.period.to_string(), f.value),
            other => panic!("not a figure: {other:?}"),
        }
    }

    const SWEDISH_EXCEL: &str = "\u{FEFF}Insats;År;Budget;Utfall;Utfall till och med;Prognos\r\n\
        Case Management;2018;1 200 000;700 000,50;2018-08-31;1 150 000\r\n\
        Ung i Tyresö;2018;800 000;;;\r\n\
        Resursrådet;2018;;;;\r\n";

    #[test]
    fn a_swedish_excel_budget_gives_budget_spend_so_far_and_forecast() {
        // The demo's one indicator in kronor is implied.
        let ws = demo::workspace();
        let p = plan(&ws, SWEDISH_EXCEL);
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.empty, 1);
        let got: Vec<_> = p.added.iter().map(value).collect();
        assert_eq!(
            got,
            [
                ("budget", "2018".to_owned(), kr(1_200_000)),
                // 50 öre round up; the delår spend is of January–August.
                ("utfall", "2018-T2".to_owned(), kr(700_001)),
                ("prognos", "2018".to_owned(), kr(1_150_000)),
                ("budget", "2018".to_owned(), kr(800_000)),
            ]
        );
        assert!(p.can_apply());
        // Read again over what it stored, the same file changes nothing.
        let mut after = ws.clone();
        for r in &p.added {
            after.put(r.clone());
        }
        let again = plan(&after, SWEDISH_EXCEL);
        assert_eq!(
            (again.added.len(), again.changed.len(), again.unchanged),
            (0, 0, 4)
        );
    }

    #[test]
    fn a_windows_1252_file_reads_as_its_utf_8_twin() {
        let ws = demo::workspace();
        let ansi: Vec<u8> = SWEDISH_EXCEL
            .trim_start_matches('\u{FEFF}')
            .chars()
            .map(|c| match c {
                'Å' => 0xC5,
                'å' => 0xE5,
                'ä' => 0xE4,
                'ö' => 0xF6,
                c => u8::try_from(u32::from(c)).unwrap(),
            })
            .collect();
        let table = crate::core::exchange::csv::read_table(&ansi).unwrap();
        let mapping = Mapping::guess(&table.header, &std::collections::BTreeMap::new());
        let mut new_meta = numbered_metas(Hlc::default(), "t");
        let from_ansi = plan_import(&ws, &table, &mapping, &mut new_meta).unwrap();
        assert_eq!(from_ansi.added, plan(&ws, SWEDISH_EXCEL).added);
    }

    #[test]
    fn bad_lines_are_named_at_their_column_and_nothing_applies() {
        let mut ws = demo::workspace();
        let text = "Indikator;Insats;År;Budget;Utfall;Utfall till och med;Prognos\n\
            ;Case Management;2018;-5;;;\n\
            ;Finns inte;2018;100;;;\n\
            ;Case Management;2018;;100;2019-03-01;\n\
            ;Ung i Tyresö;2018;;;;900\n\
            Deltagare;Ung i Tyresö;2018;100;;;\n\
            ;Case Management;2018;1.234;;;\n\
            ;Case Management;2018;100;;;\n";
        let p = plan(&ws, text);
        assert_rejected(
            &p,
            &[
                (2, Field::Budget, Problem::NegativeAmount),
                (3, Field::Scope, Problem::UnknownReference),
                (4, Field::ReportedOn, Problem::DateOutOfRange),
                // A forecast without a budget for its period.
                (5, Field::Forecast, Problem::NoTargetForKey),
                (6, Field::Indicator, Problem::RatioNumeratorNotKronor),
                (7, Field::Budget, Problem::AmbiguousThousands),
            ],
        );
        assert_eq!(p.added.len(), 1);
        assert!(!p.can_apply(), "one bad row and nothing is stored");
        // With two indicators in kronor, the file must say which.
        let mut other = ws
            .indicators
            .get(&RecordId::parse("demo-ind-esf").unwrap())
            .unwrap()
            .clone();
        other.meta.id = RecordId::parse("kostnad").unwrap();
        other.name = "Kostnad".into();
        ws.put(Record::Indicator(other));
        let p = plan(&ws, "Insats;År;Budget\nCase Management;2018;100\n");
        assert_rejected(&p, &[(2, Field::Indicator, Problem::Required)]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn cell() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                Just("Case Management".to_owned()),
                Just("2018".to_owned()),
                Just("2018-08-31".to_owned()),
                "[0-9 ,.-]{0,14}",
                "\\PC{0,12}",
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            /// Any cells under the budget file's header: a plan, never a
            /// panic, and every amount it accepts is whole kronor.
            #[test]
            fn planning_any_budget_lines_never_panics(rows in proptest::collection::vec(proptest::collection::vec(cell(), 6), 0..6)) {
                let ws = demo::workspace();
                let mut text = String::from("Insats;År;Budget;Utfall;Utfall till och med;Prognos\n");
                for r in &rows {
                    let cells: Vec<String> = r.iter().map(|c| c.replace([';', '\n', '\r', '"'], " ")).collect();
                    text.push_str(&cells.join(";"));
                    text.push('\n');
                }
                if let Ok(table) = crate::core::exchange::csv::read_table(text.as_bytes()) {
                    let mapping = Mapping::guess(&table.header, &std::collections::BTreeMap::new());
                    let mut new_meta = numbered_metas(Hlc::default(), "t");
                    let p = plan_import(&ws, &table, &mapping, &mut new_meta).unwrap();
                    for r in &p.added {
                        prop_assert!(matches!(value(r).2, FigureValue::Kronor(_)));
                    }
                }
            }
        }
    }
}
