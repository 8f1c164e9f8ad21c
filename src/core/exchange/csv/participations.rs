//! Participations in and out of CSV: the projektledare's own spreadsheet
//! becomes records, and the records become a spreadsheet again.
//!
//! Guarantees: an import is planned in full before anything is stored:
//! every row is validated by the same rules as the table on screen
//! (`validate::participation`), each rejected row keeps its line number
//! and its problems, and a plan with any rejected row cannot be applied
//! (`ImportPlan::can_apply`), so an import never half-applies. A
//! row whose insats and code match a stored participation updates it, so
//! exporting, editing in Excel and importing again never doubles anyone.
//! What is exported reads back to the same records.
//!
//! A file may hold fewer columns than an export: a column that is not in
//! the file (not mapped) never changes a stored participation's field.
//! Only the mapped columns are read, compared and written; the others keep
//! what is stored, so a sheet of Kod; Insats; Kön; Anvisad av; Startdatum
//! read back changes nothing. A new row gets what a form gives an empty
//! field (age band unknown, no municipality, no end). What a changed row
//! changes is listed field by field ([`field_changes`]) in the file's own
//! words, for the preview.

use super::mapping::{changed_fields, column_set, FieldChange, ImportPlan};
use super::read::{NumberCheck, Row, Table};
use super::write::{write_table, Cell, CsvFlavour};
use crate::core::codes;
use crate::core::ids::RecordId;
use crate::core::model::{Gender, Meta, Participation, Referrer};
use crate::core::validate::participation::{
    build_indexed, existing_by_code, CodeIndex, ParticipationDraft,
};
use crate::core::validate::{Field, FormErrors, Problem};
use crate::core::workspace::Workspace;
use std::collections::{HashMap, HashSet};

column_set! {
    /// The fields of a participations file, each the participation form's
    /// field of the same name, so a rejected row points where the form
    /// would.
    pub enum Column {
        Code => Code, "code", "Kod", ["kod", "code", "deltagarkod", "id", "löpnummer"],
        Insats => Insats, "insats", "Insats", ["insats", "insatsnamn", "verksamhet"],
        Gender => Gender, "gender", "Kön", ["kön", "gender", "sex"],
        AgeBand => AgeBand, "age_band", "Åldersgrupp",
            ["åldersgrupp", "ålder", "age", "age band", "age_band"],
        Municipality => Municipality, "municipality", "Kommun",
            ["kommun", "hemkommun", "municipality"],
        Referrer => Referrer, "referrer", "Anvisad av",
            ["anvisad av", "remittent", "remitterad av", "aktör", "referrer"],
        Start => Start, "start", "Startdatum",
            ["startdatum", "start", "inskriven", "inskrivningsdatum"],
        End => End, "end", "Slutdatum", ["slutdatum", "slut", "avslutad", "utskriven", "end"],
        EndStatus => EndStatus, "end_status", "Avslutsorsak",
            ["avslutsorsak", "avslut", "orsak", "status", "end status", "end_status"],
    }
}

/// The mapping of a participations file.
pub type Mapping = super::mapping::Mapping<Column>;
/// What keeps a participations mapping from being used.
pub type MappingProblem = super::mapping::MappingProblem<Column>;
/// What a participations import would do.
pub type ParticipationPlan = ImportPlan<Participation>;

/// How a participations file is searched for personal numbers: it holds
/// no legitimate nine-digit number, so a cell of nine digits alone is read
/// as a personal number whose leading zero a spreadsheet dropped.
pub const NUMBER_CHECK: NumberCheck = NumberCheck::Strict;

/// Checks a mapping against the fields every row needs.
pub fn check_mapping(mapping: &Mapping, default_insats: bool) -> Vec<MappingProblem> {
    let mut required = vec![Column::Gender, Column::Referrer, Column::Start];
    if !default_insats {
        required.insert(0, Column::Insats);
    }
    mapping.problems(&required)
}

/// Plans the import of `table`. `default_insats` is the insats of rows
/// without an insats column; `new_meta` gives a new record its id and
/// stamp; `new_code` proposes a code for a row without one (it is checked
/// to be free). The same as a [`Planning`] run to its end in one go.
pub fn plan_import(
    ws: &Workspace,
    table: &Table,
    mapping: &Mapping,
    default_insats: Option<&RecordId>,
    new_meta: &mut dyn FnMut() -> Meta,
    new_code: &mut dyn FnMut() -> String,
) -> Result<ParticipationPlan, Vec<MappingProblem>> {
    let mut planning = Planning::new(ws, table, mapping, default_insats)?;
    planning.step(ws, usize::MAX, new_meta, new_code);
    Ok(planning.finish())
}

/// A participations import being planned a slice of rows at a time, so a
/// page can show how far it has come, answer input between slices and
/// stop at any slice: planning only reads the workspace and the file, so
/// a planning dropped half way changes nothing. Planned in slices of any
/// size, the plan is the one [`plan_import`] makes in one go.
pub struct Planning<'t> {
    table: &'t Table,
    mapping: &'t Mapping,
    default_insats: Option<RecordId>,
    plan: ParticipationPlan,
    /// The codes in use: stored ones and those given to rows so far.
    taken: HashSet<String>,
    /// The code and insats of each accepted row.
    seen_codes: HashSet<(String, RecordId)>,
    /// The live participations whose code is in the file, by that code, in
    /// the workspace's order: each slice indexes those of its own rows, so
    /// a re-imported export does not index every stored participation
    /// again for each slice.
    stored: HashMap<&'t str, Vec<RecordId>>,
    /// How many rows are planned.
    done: usize,
}

impl<'t> Planning<'t> {
    /// Starts planning `table` read by `mapping` into `ws`, or says why the
    /// mapping cannot be used.
    pub fn new(
        ws: &Workspace,
        table: &'t Table,
        mapping: &'t Mapping,
        default_insats: Option<&RecordId>,
    ) -> Result<Planning<'t>, Vec<MappingProblem>> {
        let problems = check_mapping(mapping, default_insats.is_some());
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Planning {
            table,
            mapping,
            default_insats: default_insats.cloned(),
            plan: ParticipationPlan::default(),
            taken: ws.participations.live().map(|p| p.code.clone()).collect(),
            seen_codes: HashSet::new(),
            stored: stored_by_code(ws, table, mapping),
            done: 0,
        })
    }

    /// How many rows the file holds.
    pub fn total(&self) -> usize {
        self.table.rows.len()
    }

    /// How many rows are planned so far.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Plans up to `n` more rows against `ws`; `true` once every row is
    /// planned. A row that cannot be imported is rejected into the plan,
    /// never an error.
    pub fn step(
        &mut self,
        ws: &Workspace,
        n: usize,
        new_meta: &mut dyn FnMut() -> Meta,
        new_code: &mut dyn FnMut() -> String,
    ) -> bool {
        // Only the codes of this slice's rows are looked up: a row without
        // one gets a new code that no live participation has (`free_code`
        // knows them all). Indexing every stored code for every slice was
        // most of the plan at 800 000 stored.
        let (table, from) = (self.table, self.done);
        let rows = || table.rows.iter().skip(from).take(n);
        let index = match self.mapping.column(Column::Code) {
            None => CodeIndex::empty(),
            Some(c) => CodeIndex::of(
                ws,
                rows()
                    .filter_map(|row| self.stored.get(row.cells.get(c)?.trim()))
                    .flatten(),
            ),
        };
        for row in rows() {
            self.done += 1;
            self.plan_row(ws, &index, row, new_meta, new_code);
        }
        self.done >= self.total()
    }

    /// The plan of the rows planned (all of them, once [`Planning::step`]
    /// said so).
    pub fn finish(self) -> ParticipationPlan {
        self.plan
    }

    fn plan_row(
        &mut self,
        ws: &Workspace,
        index: &CodeIndex<'_>,
        row: &Row,
        new_meta: &mut dyn FnMut() -> Meta,
        new_code: &mut dyn FnMut() -> String,
    ) {
        let (mapping, plan) = (self.mapping, &mut self.plan);
        let cell = |c: Column| mapping.cell(&row.cells, c);
        let mut draft = ParticipationDraft {
            code: cell(Column::Code),
            insats: cell(Column::Insats),
            gender: cell(Column::Gender),
            age_band: cell(Column::AgeBand),
            municipality: cell(Column::Municipality),
            referrer: cell(Column::Referrer),
            start: cell(Column::Start),
            end: cell(Column::End),
            end_status: cell(Column::EndStatus),
        };
        if draft.insats.trim().is_empty() {
            if let Some(id) = &self.default_insats {
                draft.insats = id.to_string();
            }
        }
        let existing = if draft.code.trim().is_empty() {
            draft.code = free_code(&mut self.taken, new_code);
            None
        } else {
            existing_by_code(ws, index, &draft).cloned()
        };
        if let Some(stored) = &existing {
            keep_unmapped_in_draft(&mut draft, stored, ws, mapping);
        }
        let meta = existing
            .as_ref()
            .map_or_else(&mut *new_meta, |e| e.meta.clone());
        match build_indexed(&draft, ws, index, meta) {
            Ok(mut p) => {
                if let Some(stored) = &existing {
                    keep_unmapped(&mut p, stored, mapping);
                    // A stored end status whose record is gone (merged in
                    // from another laptop) was not in the draft: an end
                    // emptied by the file would leave it without an end.
                    if p.end.is_none() && p.end_status.is_some() {
                        let mut errors = FormErrors::default();
                        errors.push(Field::EndStatus, Problem::StatusWithoutEnd);
                        plan.reject(row.line, errors);
                        return;
                    }
                }
                if self.seen_codes.insert((p.code.clone(), p.insats.clone())) {
                    plan.accept(existing, p);
                } else {
                    let mut errors = FormErrors::default();
                    errors.push(Field::Code, Problem::DuplicateCode);
                    plan.reject(row.line, errors);
                }
            }
            Err(errors) => plan.reject(row.line, errors),
        }
    }
}

/// The live participations of `ws` whose code is in `table`'s code
/// column (none without one), by that code, in `ws`'s order.
fn stored_by_code<'t>(
    ws: &Workspace,
    table: &'t Table,
    mapping: &Mapping,
) -> HashMap<&'t str, Vec<RecordId>> {
    let Some(c) = mapping.column(Column::Code) else {
        return HashMap::new();
    };
    let in_file: HashSet<&'t str> = table
        .rows
        .iter()
        .filter_map(|row| row.cells.get(c))
        .map(|code| code.trim())
        .filter(|code| !code.is_empty())
        .collect();
    let mut stored: HashMap<&'t str, Vec<RecordId>> = HashMap::new();
    for p in ws.participations.live() {
        if let Some(code) = in_file.get(p.code.as_str()) {
            stored.entry(*code).or_default().push(p.meta.id.clone());
        }
    }
    stored
}

/// Fills the fields of `draft` whose columns are not in the file with
/// what `stored` holds, so that the row is validated as the record it will
/// be (an end date in the file against the stored end status, a start
/// against the stored end). A link to a record that is no longer live is
/// left empty here and put back by [`keep_unmapped`].
fn keep_unmapped_in_draft(
    draft: &mut ParticipationDraft,
    stored: &Participation,
    ws: &Workspace,
    mapping: &Mapping,
) {
    let kept = ParticipationDraft::of(stored);
    let live_or_empty = |live: bool, text: &str| if live { text.to_owned() } else { String::new() };
    for c in Column::ALL {
        if mapping.column(c).is_some() {
            continue;
        }
        match c {
            // The code and insats found `stored`: they are its own.
            Column::Code | Column::Insats => {}
            Column::Gender => draft.gender.clone_from(&kept.gender),
            Column::AgeBand => draft.age_band.clone_from(&kept.age_band),
            Column::Municipality => {
                let live = stored
                    .municipality
                    .as_ref()
                    .is_some_and(|m| ws.municipalities.get(m).is_some());
                draft.municipality = live_or_empty(live, &kept.municipality);
            }
            Column::Referrer => draft.referrer.clone_from(&kept.referrer),
            Column::Start => draft.start.clone_from(&kept.start),
            Column::End => draft.end.clone_from(&kept.end),
            Column::EndStatus => {
                let live = stored
                    .end_status
                    .as_ref()
                    .is_some_and(|s| ws.end_statuses.get(s).is_some());
                draft.end_status = live_or_empty(live, &kept.end_status);
            }
        }
    }
}

/// Puts back in `p` exactly what `stored` holds in every field whose
/// column is not in the file: such a field never changes.
fn keep_unmapped(p: &mut Participation, stored: &Participation, mapping: &Mapping) {
    for c in Column::ALL {
        if mapping.column(c).is_some() {
            continue;
        }
        match c {
            Column::Code => p.code.clone_from(&stored.code),
            Column::Insats => p.insats.clone_from(&stored.insats),
            Column::Gender => p.gender = stored.gender,
            Column::AgeBand => p.age_band = stored.age_band,
            Column::Municipality => p.municipality.clone_from(&stored.municipality),
            Column::Referrer => p.referrer = stored.referrer,
            Column::Start => p.start = stored.start,
            Column::End => p.end = stored.end,
            Column::EndStatus => p.end_status.clone_from(&stored.end_status),
        }
    }
}

/// Whether `a` and `b` differ in the field of `column`.
fn differs(a: &Participation, b: &Participation, column: Column) -> bool {
    match column {
        Column::Code => a.code != b.code,
        Column::Insats => a.insats != b.insats,
        Column::Gender => a.gender != b.gender,
        Column::AgeBand => a.age_band != b.age_band,
        Column::Municipality => a.municipality != b.municipality,
        Column::Referrer => a.referrer != b.referrer,
        Column::Start => a.start != b.start,
        Column::End => a.end != b.end,
        Column::EndStatus => a.end_status != b.end_status,
    }
}

/// A participation's field as an exported file writes it ("" for none).
pub fn cell_text(ws: &Workspace, p: &Participation, column: Column) -> String {
    let named = |name: Option<&str>| name.unwrap_or("").to_owned();
    match column {
        Column::Code => p.code.clone(),
        Column::Insats => named(ws.insatser.get_any(&p.insats).map(|i| i.name.as_str())),
        Column::Gender => gender_word(p.gender).to_owned(),
        Column::AgeBand => codes::code(&p.age_band),
        Column::Municipality => named(
            p.municipality
                .as_ref()
                .and_then(|m| ws.municipalities.get_any(m))
                .map(|m| m.name.as_str()),
        ),
        Column::Referrer => referrer_word(p.referrer).to_owned(),
        Column::Start => p.start.to_string(),
        Column::End => p.end.map(|d| d.to_string()).unwrap_or_default(),
        Column::EndStatus => named(
            p.end_status
                .as_ref()
                .and_then(|s| ws.end_statuses.get_any(s))
                .map(|s| s.name.as_str()),
        ),
    }
}

/// The fields a changed row changes, stored value first, in the words of
/// an exported file; in the order of the columns.
pub fn field_changes(
    ws: &Workspace,
    stored: &Participation,
    after: &Participation,
) -> Vec<FieldChange<Column>> {
    changed_fields(stored, after, differs, |r, c| cell_text(ws, r, c))
}

/// How the preview names a participation: its code and its insats.
pub fn record_label(ws: &Workspace, p: &Participation) -> String {
    match ws.insatser.get_any(&p.insats) {
        Some(i) => format!("{} ({})", p.code, i.name),
        None => p.code.clone(),
    }
}

/// A code no live participation and no earlier row has; it is then taken.
pub fn free_code(taken: &mut HashSet<String>, new_code: &mut dyn FnMut() -> String) -> String {
    let mut code = new_code();
    // Random codes rarely meet a taken one; the bound only guards against
    // a broken source of codes.
    for _ in 0..1000 {
        if !taken.contains(&code) {
            break;
        }
        code = new_code();
    }
    taken.insert(code.clone());
    code
}

/// The Swedish word an exported file writes for a gender.
pub fn gender_word(g: Gender) -> &'static str {
    match g {
        Gender::Woman => "Kvinna",
        Gender::Man => "Man",
        Gender::OtherOrUnknown => "Annat/okänt",
    }
}

/// The Swedish word an exported file writes for a referrer.
pub fn referrer_word(r: Referrer) -> &'static str {
    match r {
        Referrer::Municipality => "Kommunen",
        Referrer::EmploymentService => "Arbetsförmedlingen",
        Referrer::SocialInsurance => "Försäkringskassan",
        Referrer::Region => "Regionen",
        Referrer::SelfReferral => "Egenanmälan",
        Referrer::Other => "Annan",
    }
}

/// The live participations of `insatser` (all when `None`) as a CSV file,
/// ordered by insats, start and code.
pub fn export(ws: &Workspace, insatser: Option<&[RecordId]>, flavour: CsvFlavour) -> String {
    let mut ps: Vec<&Participation> = ws
        .participations
        .live()
        .filter(|p| insatser.is_none_or(|ids| ids.contains(&p.insats)))
        .collect();
    let insats_name = |id: &RecordId| ws.insatser.get_any(id).map_or("", |i| i.name.as_str());
    ps.sort_by(|a, b| {
        (insats_name(&a.insats), a.start, &a.code).cmp(&(insats_name(&b.insats), b.start, &b.code))
    });
    let rows: Vec<Vec<Cell>> = ps
        .iter()
        .map(|p| {
            Column::ALL
                .into_iter()
                .map(|c| Cell::Text(cell_text(ws, p, c)))
                .collect()
        })
        .collect();
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    write_table(flavour, &header, &rows)
}

#[cfg(test)]
mod tests {
    use super::super::mapping::testing::{assert_rejected, guessed, numbered_metas};
    use super::*;
    use crate::core::demo;
    use crate::core::ids::Hlc;

    const ONE: Hlc = Hlc {
        millis: 1,
        counter: 0,
    };

    /// The demo with its end statuses and participations.
    fn ws() -> Workspace {
        demo::workspace()
    }

    fn plan(ws: &Workspace, text: &str, default: Option<&RecordId>) -> ParticipationPlan {
        let (table, mapping) = guessed(text);
        let mut new_meta = numbered_metas(ONE, "test");
        let mut c = 0u32;
        let mut new_code = || {
            c += 1;
            crate::core::model::make_code(c)
        };
        plan_import(ws, &table, &mapping, default, &mut new_meta, &mut new_code).unwrap()
    }

    #[test]
    fn export_then_import_changes_nothing() {
        let ws = ws();
        for flavour in [CsvFlavour::ExcelSv, CsvFlavour::Plain] {
            let text = export(&ws, None, flavour);
            let p = plan(&ws, &text, None);
            assert!(p.rejected.is_empty(), "{:?}", p.rejected.first());
            assert_eq!(p.unchanged, ws.participations.live_count());
            assert!(p.added.is_empty() && p.changed.is_empty());
            assert!(!p.can_apply());
        }
    }

    #[test]
    fn a_narrow_file_keeps_every_field_it_does_not_hold() {
        let ws = ws();
        let stored = ws
            .participations
            .live()
            .find(|p| p.end.is_some() && p.municipality.is_some())
            .unwrap()
            .clone();
        let insats = ws.insatser.get(&stored.insats).unwrap().name.clone();
        let text = format!(
            "Kod;Insats;Kön;Anvisad av;Startdatum\n{};{insats};{};{};{}\n",
            stored.code,
            gender_word(stored.gender),
            referrer_word(stored.referrer),
            stored.start
        );
        let p = plan(&ws, &text, None);
        assert_eq!((p.unchanged, p.changed.len()), (1, 0), "{:?}", p.changed);
    }

    #[test]
    fn field_changes_name_each_changed_field_with_the_stored_and_the_new_words() {
        let ws = ws();
        let stored = ws
            .participations
            .live()
            .find(|p| p.gender == Gender::Woman && p.end.is_none())
            .unwrap()
            .clone();
        let mut after = stored.clone();
        after.gender = Gender::Man;
        after.end = Some(stored.start);
        after.end_status = Some(RecordId::parse("end-studies").unwrap());
        let changes = field_changes(&ws, &stored, &after);
        let columns: Vec<Column> = changes.iter().map(|c| c.column).collect();
        assert_eq!(columns, [Column::Gender, Column::End, Column::EndStatus]);
        assert_eq!(
            (changes[0].before.as_str(), changes[0].after.as_str()),
            ("Kvinna", "Man")
        );
        assert_eq!(changes[1].before, "");
        assert_eq!(changes[1].after, stored.start.to_string());
        assert_eq!(changes[2].after, "Studier");
        assert!(field_changes(&ws, &stored, &stored).is_empty());
        let label = record_label(&ws, &stored);
        assert!(
            label.starts_with(&stored.code) && label.contains('('),
            "{label}"
        );
    }

    #[test]
    fn a_file_with_one_changed_cell_lists_that_one_field() {
        let ws = ws();
        let text = export(&ws, None, CsvFlavour::Plain);
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let row = lines.iter().position(|l| l.contains(",Kvinna,")).unwrap();
        lines[row] = lines[row].replacen(",Kvinna,", ",Man,", 1);
        let p = plan(&ws, &lines.join("\n"), None);
        assert_eq!(p.changed.len(), 1);
        let (old, new) = &p.changed[0];
        let changes = field_changes(&ws, old, new);
        assert_eq!(
            changes,
            [FieldChange {
                column: Column::Gender,
                before: "Kvinna".into(),
                after: "Man".into()
            }]
        );
    }

    #[test]
    fn a_swedish_sheet_adds_rows_and_reports_bad_ones_by_line() {
        let ws = ws();
        let insats = ws.insatser_by_name()[0].name.clone();
        let text = format!(
            "\u{FEFF}Kön;Ålder;Kommun;Anvisad av;Startdatum;Slutdatum;Avslutsorsak;Insats\r\n\
             Kvinna;23;Tyresö;AF;2019-01-07;;;{insats}\r\n\
             Man;45;Haninge;Egenanmälan;2019-01-08;2019-03-01;Arbete;{insats}\r\n\
             Okänd;30;Haninge;FK;2019-01-09;;;{insats}\r\n\
             Kvinna;30;Haninge;FK;7 jan;;;{insats}\r\n"
        );
        let p = plan(&ws, &text, None);
        assert_eq!(p.added.len(), 2);
        assert!(p
            .added
            .iter()
            .all(|a| crate::core::model::is_valid_code(&a.code)));
        assert_rejected(
            &p,
            &[
                (4, Field::Gender, Problem::UnknownValue),
                (5, Field::Start, Problem::InvalidDate),
            ],
        );
        assert!(!p.can_apply(), "a file with a bad row never half-applies");
    }

    #[test]
    fn a_row_with_a_known_code_updates_and_a_repeated_code_is_refused() {
        let ws = ws();
        let first = ws.participations.live().next().unwrap().clone();
        let insats = ws.insatser.get(&first.insats).unwrap().name.clone();
        let text = format!(
            "Kod,Insats,Kön,Ålder,Anvisad av,Start\n\
             {c},{insats},Annat/okänt,unknown,Annan,{s}\n\
             {c},{insats},Man,unknown,Annan,{s}\n",
            c = first.code,
            s = first.start
        );
        let p = plan(&ws, &text, None);
        assert_eq!(p.changed.len(), 1);
        assert_eq!(p.changed[0].1.meta.id, first.meta.id);
        assert_eq!(p.changed[0].1.gender, Gender::OtherOrUnknown);
        assert_rejected(&p, &[(3, Field::Code, Problem::DuplicateCode)]);
    }

    #[test]
    fn a_row_without_a_code_gets_one_no_stored_participation_has() {
        let ws = ws();
        let first = ws.participations.live().next().unwrap().clone();
        let insats = ws.insatser.get(&first.insats).unwrap().name.clone();
        let (table, mapping) = guessed(&format!(
            "Insats;Kön;Anvisad av;Startdatum\n{insats};Man;Annan;2019-02-01\n"
        ));
        // The source of codes proposes the stored participation's code first.
        let mut proposals = vec!["K7F3Q9".to_owned(), first.code.clone()];
        let mut new_code = || proposals.pop().unwrap();
        let mut new_meta = numbered_metas(ONE, "test");
        let p = plan_import(&ws, &table, &mapping, None, &mut new_meta, &mut new_code).unwrap();
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.added.len(), 1);
        assert_eq!(p.added[0].code, "K7F3Q9");
    }

    #[test]
    fn missing_columns_are_named_before_any_row_is_read() {
        let ws = ws();
        let (table, mapping) = guessed("Kod;Insats\nK7F3Q9;MIA\n");
        let err = plan_import(
            &ws,
            &table,
            &mapping,
            None,
            &mut || unreachable!(),
            &mut || unreachable!(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            [
                MappingProblem::Missing(Column::Gender),
                MappingProblem::Missing(Column::Referrer),
                MappingProblem::Missing(Column::Start)
            ]
        );
    }

    #[test]
    fn a_mapping_made_by_hand_is_remembered() {
        let header: Vec<String> = ["Deltagare", "K", "Datum"].map(String::from).to_vec();
        let mut m = Mapping::guess(&header, &std::collections::BTreeMap::new());
        assert_eq!(m.column(Column::Gender), None);
        m.set(Column::Gender, Some(1));
        m.set(Column::Start, Some(2));
        let remembered = m.to_remember(&header);
        assert_eq!(remembered.get("deltagare").map(String::as_str), Some(""));
        let again = Mapping::guess(&header, &remembered);
        assert_eq!(again, m);
    }

    #[test]
    fn a_default_insats_fills_rows_without_one() {
        let ws = ws();
        let insats = ws.insatser_by_name()[1].meta.id.clone();
        let p = plan(
            &ws,
            "Kön;Anvisad av;Startdatum\nK;Kommunen;2019-02-01\n",
            Some(&insats),
        );
        assert_eq!(p.added.len(), 1);
        assert_eq!(p.added[0].insats, insats);
    }

    /// An export of the demo with its first rows changed, one row without
    /// a code, one row twice and one row that cannot be read.
    fn mixed_file(ws: &Workspace) -> String {
        let text = export(ws, None, CsvFlavour::Plain);
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let header = lines[0].clone();
        let first = lines[1].clone();
        lines[2] = if lines[2].contains(",Kvinna,") {
            lines[2].replacen(",Kvinna,", ",Man,", 1)
        } else {
            lines[2].replacen(",Man,", ",Kvinna,", 1)
        };
        let without_code = first
            .split_once(',')
            .map(|(_, rest)| format!(",{rest}"))
            .unwrap();
        lines.push(without_code);
        lines.push(first);
        lines.push(first_cells_broken(&header));
        lines.join("\n") + "\n"
    }

    fn first_cells_broken(header: &str) -> String {
        header.split(',').map(|_| "?").collect::<Vec<_>>().join(",")
    }

    fn plan_in_slices(ws: &Workspace, text: &str, n: usize) -> ParticipationPlan {
        let (table, mapping) = guessed(text);
        let mut new_meta = numbered_metas(ONE, "test");
        let mut c = 0u32;
        let mut new_code = || {
            c += 1;
            crate::core::model::make_code(c)
        };
        let mut planning = Planning::new(ws, &table, &mapping, None).unwrap();
        let total = table.rows.len();
        assert_eq!((planning.done(), planning.total()), (0, total));
        let mut steps = 0;
        while !planning.step(ws, n, &mut new_meta, &mut new_code) {
            steps += 1;
            assert_eq!(planning.done(), steps * n);
        }
        assert_eq!(planning.done(), total);
        planning.finish()
    }

    #[test]
    fn planning_rows_in_slices_counts_each_row_and_gives_the_one_go_plan() {
        let ws = ws();
        let text = mixed_file(&ws);
        let whole = plan(&ws, &text, None);
        assert!(!whole.added.is_empty(), "a row without a code is new");
        assert_eq!(whole.changed.len(), 1, "the row whose gender changed");
        assert!(!whole.rejected.is_empty(), "the broken and the doubled row");
        for n in [1, 7, 100, usize::MAX] {
            assert_eq!(plan_in_slices(&ws, &text, n), whole, "slices of {n}");
        }
    }

    #[test]
    fn each_slice_finds_the_stored_participations_of_its_own_codes() {
        let mut ws = ws();
        let first = ws.participations.live().next().unwrap().clone();
        let [a, b] = [0, 1].map(|i| ws.insatser_by_name()[i].clone());
        let stored = |id: &str, insats: &RecordId, code: &str, deleted: bool| {
            let mut p = first.clone();
            let device = crate::core::ids::DeviceId::parse("test").unwrap();
            p.meta = Meta::new(RecordId::parse(id).unwrap(), ONE, device);
            p.meta.deleted = deleted;
            (p.insats, p.code, p.gender) = (insats.clone(), code.to_owned(), Gender::Woman);
            (p.end, p.end_status) = (None, None);
            crate::core::model::Record::Participation(p)
        };
        // One code in two insatser, and a deleted participation's code.
        ws.put(stored("in-a", &a.meta.id, "K100001", false));
        ws.put(stored("in-b", &b.meta.id, "K100001", false));
        ws.put(stored("gone", &a.meta.id, "K100002", true));
        let text = format!(
            "Kod;Insats;Kön;Anvisad av;Startdatum\n\
             K100002;{a};Man;Annan;2019-02-01\n\
             K100001;{b};Man;Annan;2019-02-01\n\
             K100001;{a};Man;Annan;2019-02-01\n",
            a = a.name,
            b = b.name
        );
        let whole = plan(&ws, &text, None);
        for n in [1, 2] {
            assert_eq!(plan_in_slices(&ws, &text, n), whole, "slices of {n}");
        }
        assert!(whole.rejected.is_empty(), "{:?}", whole.rejected);
        let changed: Vec<_> = whole
            .changed
            .iter()
            .map(|(_, new)| (new.meta.id.as_str(), new.code.as_str(), new.gender))
            .collect();
        assert_eq!(
            changed,
            [
                ("in-b", "K100001", Gender::Man),
                ("in-a", "K100001", Gender::Man)
            ]
        );
        assert_eq!(
            whole.added.len(),
            1,
            "a deleted participation's code is free"
        );
        assert_eq!(whole.added[0].code, "K100002");
    }

    #[test]
    fn a_planning_stopped_half_way_changes_nothing() {
        let ws = ws();
        let before = ws.clone();
        let text = mixed_file(&ws);
        let (table, mapping) = guessed(&text);
        let mut new_meta = numbered_metas(ONE, "test");
        let mut new_code = || "X1".to_owned();
        let mut planning = Planning::new(&ws, &table, &mapping, None).unwrap();
        let half = table.rows.len() / 2;
        assert!(!planning.step(&ws, half, &mut new_meta, &mut new_code));
        assert_eq!(planning.done(), half);
        drop(planning);
        assert_eq!(ws, before);
    }
}
