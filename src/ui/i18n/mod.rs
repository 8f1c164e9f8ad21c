//! The one catalogue of user-visible text, in Swedish and English.
//!
//! Guarantees: every text a component shows comes from a [`Texts`] value;
//! both languages are complete because each is one `Texts` struct literal,
//! so a missing text is a compile error, not a blank on screen.

pub mod accessibility;
pub mod economy;
mod en;
pub mod exchange;
pub mod first_steps;
pub mod meetings;
pub mod names;
pub mod offline;
pub mod present;
pub mod problems;
mod sv;
pub mod trust;

use crate::core::goals::GoalStatus;
use crate::core::model::{
    AgeBand, Dimension, Direction, FlowMeasure, Gender, InsatsKind, PartnerKind, Referrer,
};
use crate::core::period::PeriodKind;
use crate::core::value::Unit;
use crate::ui::split::{later_part, PartMissing};
use std::sync::OnceLock;

/// The languages the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Svenska (default).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The catalogue for this language. Swedish is always here; English is
    /// a part of the wasm of its own in the shipped build, and until
    /// [`Lang::fetch`] has brought it, English texts are the Swedish ones
    /// (the ui only switches to a language once it is here).
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Sv => &sv::SV,
            Lang::En => english().unwrap_or(&sv::SV),
        }
    }

    /// Whether this language's catalogue is here (no fetch needed).
    pub fn is_here(self) -> bool {
        self == Lang::Sv || english().is_some()
    }

    /// Brings this language's catalogue if it is not here yet: Swedish
    /// always is; English is fetched once (ui/split.rs), so a first visit
    /// in Swedish never downloads it.
    pub async fn fetch(self) -> Result<(), PartMissing> {
        if !self.is_here() {
            let texts = english_texts().await?;
            let _ = ENGLISH.set(texts);
        }
        Ok(())
    }

    /// The BCP 47 code, for `<html lang>` and settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Reads a stored code; anything unknown is Swedish.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Sv
        }
    }
}

/// The English catalogue once fetched (the shipped build).
static ENGLISH: OnceLock<&'static Texts> = OnceLock::new();

#[cfg(feature = "split")]
fn english() -> Option<&'static Texts> {
    ENGLISH.get().copied()
}

/// Without the split (tests, debug builds) English is here from the start.
#[cfg(not(feature = "split"))]
fn english() -> Option<&'static Texts> {
    Some(ENGLISH.get_or_init(|| &en::EN))
}

later_part! {
    fetch = fetch_english;
    /// The English catalogue: its texts and the code that builds them.
    async fn english_texts() -> &'static Texts {
        &en::EN
    }
}

/// Every user-visible text. Plain fields are fixed texts; `fn` fields build
/// texts around figures the core has already formatted.
pub struct Texts {
    /// How figures, dates and periods are written in this language.
    pub numbers: crate::core::locale::Locale,
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_board: &'static str,
    pub nav_projects: &'static str,
    pub nav_insatser: &'static str,
    pub nav_indicators: &'static str,
    pub nav_organisation: &'static str,
    pub nav_settings: &'static str,
    pub loading: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_quota: &'static str,
    pub storage_unreadable: &'static str,
    pub storage_failed: &'static str,
    pub records_skipped: fn(usize) -> String,
    pub save: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub saved: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub form_has_errors: &'static str,
    pub optional: &'static str,
    pub none_option: &'static str,
    pub choose_option: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub record_missing: &'static str,
    pub back_to_board: &'static str,

    pub board_title: &'static str,
    pub board_intro: &'static str,
    pub period_label: &'static str,
    pub period_kind_label: &'static str,
    pub period_kinds: [&'static str; 6],
    pub year_label: &'static str,
    pub part_label: &'static str,
    pub halves: [&'static str; 2],
    pub tertials: [&'static str; 2],
    pub quarters: [&'static str; 4],
    pub months: [&'static str; 12],
    pub range_start: &'static str,
    pub range_end: &'static str,
    pub project_period_pick: &'static str,
    pub focus_label: &'static str,
    pub whole_forbund: &'static str,
    pub col_indicator: &'static str,
    pub col_scope: &'static str,
    pub col_period: &'static str,
    pub col_target: &'static str,
    /// A target in kronor, on charts: "Budget".
    pub budget: &'static str,
    pub col_outcome: &'static str,
    pub col_gap: &'static str,
    pub col_status: &'static str,
    pub col_slice: &'static str,
    pub col_note: &'static str,
    pub col_actions: &'static str,
    pub statuses: [&'static str; 4],
    pub status_missing: &'static str,
    pub near_rule: fn(u8, Direction) -> String,
    pub so_far: fn(&str) -> String,
    pub prorated: fn(&str, &str) -> String,
    pub board_nothing: fn(&str) -> String,
    pub board_years_with_targets: &'static str,
    pub untargeted_title: &'static str,
    pub untargeted_intro: &'static str,
    pub chart_counts: fn(&str) -> String,
    pub chart_shares: fn(&str) -> String,
    pub chart_kronor: fn(&str) -> String,
    pub chart_cost_per_result: fn(&str) -> String,
    pub chart_desc_row: fn(&str, &str, &str, Option<&str>) -> String,
    pub show_table: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub show_chart: &'static str,
    pub empty_chart: &'static str,
    pub legend_title: &'static str,
    pub legend_text: &'static str,
    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub load_demo: &'static str,
    pub start_empty: &'static str,
    pub demo_loaded: fn(usize) -> String,
    pub demo_nothing_missing: &'static str,

    pub projects_title: &'static str,
    pub new_project: &'static str,
    pub no_projects: &'static str,
    pub name_label: &'static str,
    pub description_label: &'static str,
    pub project_start: &'static str,
    pub project_end: &'static str,
    pub project_period: &'static str,
    pub parent_project: &'static str,
    pub funder: &'static str,
    pub funder_share: &'static str,
    pub subprojects: &'static str,
    pub insatser_of_project: &'static str,
    pub no_insatser: &'static str,

    pub insatser_title: &'static str,
    pub new_insats: &'static str,
    pub insats_kind: &'static str,
    pub insats_kinds: [&'static str; 8],
    pub municipalities_label: &'static str,
    pub provider: &'static str,
    pub project_label: &'static str,
    pub start_date: &'static str,
    pub end_date: &'static str,
    pub active_period: &'static str,
    pub capacity: &'static str,
    pub places: fn(&str) -> String,
    pub contacts: &'static str,
    pub contact_n: fn(usize) -> String,
    pub contact_role: &'static str,
    pub contact_name: &'static str,
    pub contact_phone: &'static str,
    pub contact_email: &'static str,
    pub add_contact: &'static str,
    pub remove_contact: &'static str,
    pub no_contacts: &'static str,

    pub indicators_title: &'static str,
    pub new_indicator: &'static str,
    pub no_indicators: &'static str,
    pub unit_label: &'static str,
    pub units: [&'static str; 4],
    pub definition: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
    pub share_of: fn(&str, &str) -> String,
    pub direction_label: &'static str,
    pub directions: [&'static str; 2],
    pub dimensions_label: &'static str,
    pub dimensions: [&'static str; 5],
    pub age_bands: [&'static str; 8],
    pub tolerance: &'static str,
    pub tolerance_hint: &'static str,
    pub prorate: &'static str,
    pub outcome_source: &'static str,
    pub source_manual: &'static str,
    pub source_computed: &'static str,
    pub flow_measures: [&'static str; 8],

    pub figures_title: &'static str,
    pub indicators_of_scope: &'static str,
    pub targets_title: &'static str,
    pub outcomes_title: &'static str,
    pub add_target: &'static str,
    pub add_outcome: &'static str,
    pub edit_target: &'static str,
    pub edit_outcome: &'static str,
    pub scope_label: &'static str,
    pub breakdown_label: &'static str,
    pub breakdown_total: &'static str,
    pub slice_label: &'static str,
    pub value_label: &'static str,
    pub value_hint_percent: &'static str,
    pub value_hint_kronor: &'static str,
    pub value_hint_count: &'static str,
    pub yes_no_target_hint: &'static str,
    pub yes_no_question: &'static str,
    pub reported_on: &'static str,
    pub note_label: &'static str,
    pub no_figures: &'static str,
    pub no_target_in_period: fn(&str) -> String,
    pub over_time: fn(&str) -> String,
    pub by_breakdown: fn(&str, &str) -> String,
    pub genders: [&'static str; 3],
    pub referrers: [&'static str; 6],

    pub delete_title: fn(&str) -> String,
    pub delete_consequences: fn(usize, usize) -> String,
    pub delete_confirm: &'static str,
    pub deleted_note: &'static str,

    pub organisation_title: &'static str,
    pub organisation_name: &'static str,
    pub members_title: &'static str,
    pub partners_title: &'static str,
    pub partner_kind: &'static str,
    pub partner_kinds: [&'static str; 5],
    pub add_municipality: &'static str,
    pub add_partner: &'static str,
    pub no_municipalities: &'static str,
    pub no_partners: &'static str,

    pub settings_title: &'static str,
    pub language_label: &'static str,
    /// Svenska and English, each named in itself (so the same in both
    /// catalogues): a reader finds their own language whatever is shown.
    pub language_names: [&'static str; 2],
    pub demo_title: &'static str,
    pub demo_text: &'static str,
    pub storage_title: &'static str,
    pub storage_text: fn(usize) -> String,
    pub device_label: &'static str,
    pub exchange: &'static exchange::ExchangeTexts,
    pub offline: &'static offline::OfflineTexts,
    pub meetings: &'static meetings::MeetingTexts,
    pub present: &'static present::PresentTexts,
    pub accessibility: &'static accessibility::AccessibilityTexts,
    pub trust: &'static trust::TrustTexts,
    pub first_steps: &'static first_steps::FirstStepsTexts,
    pub economy: &'static economy::EconomyTexts,

    pub problem_required: &'static str,
    pub problem_too_long: fn(usize) -> String,
    pub problem_too_many: fn(usize) -> String,
    pub problem_not_a_number: &'static str,
    pub problem_negative_count: &'static str,
    pub problem_not_whole: &'static str,
    pub problem_ambiguous_thousands: &'static str,
    pub problem_record_deleted: &'static str,
    pub problem_count_too_large: &'static str,
    pub problem_negative_amount: &'static str,
    pub problem_amount_too_large: &'static str,
    pub problem_amount_precise: &'static str,
    pub problem_percent_range: &'static str,
    pub problem_percent_precise: &'static str,
    pub problem_invalid_date: &'static str,
    pub problem_date_range: &'static str,
    pub problem_end_before_start: &'static str,
    pub problem_period_part: &'static str,
    pub problem_duplicate_name: &'static str,
    pub problem_duplicate_target: &'static str,
    pub problem_duplicate_outcome: &'static str,
    pub problem_unknown_reference: &'static str,
    pub problem_cyclic_parent: &'static str,
    pub problem_breakdown_not_allowed: &'static str,
    pub problem_invalid_email: &'static str,
    pub problem_unit_locked: &'static str,
    pub problem_yes_no_breakdown: &'static str,
    pub problem_yes_no_prorate: &'static str,
    pub problem_yes_no_target: &'static str,
    pub problem_not_an_answer: &'static str,
    pub problem_tolerance: &'static str,
    pub problem_unknown_value: &'static str,
    pub problem_too_young: &'static str,
    pub problem_invalid_code: &'static str,
    pub problem_duplicate_code: &'static str,
    pub problem_personal_number: &'static str,
    pub problem_status_without_end: &'static str,
    pub nav_participants: &'static str,
    pub participant_columns: [&'static str; 9],
    pub flow_measure_names: [&'static str; 8],
    pub add_row: &'static str,
    pub actions: &'static str,
    pub show_more: &'static str,
    pub all_insatser: &'static str,
    pub participants_title: &'static str,
    pub participants_intro: &'static str,
    pub participants_insats: &'static str,
    pub participants_table_title: &'static str,
    pub participants_count: fn(usize) -> String,
    pub participants_entry_hint: &'static str,
    pub export_participants_excel: &'static str,
    pub export_participants_csv: &'static str,
    pub export_excel: &'static str,
    pub export_csv: &'static str,
    pub download_failed: fn(&str) -> String,
    pub flow_title: &'static str,
    pub flow_empty: &'static str,
    pub flow_year: &'static str,
    pub flow_columns: [&'static str; 5],
    pub protection_note: fn(u64) -> String,
    pub csv_import_title: &'static str,
    pub csv_import_text: &'static str,
    pub csv_file_label: &'static str,
    pub csv_read: fn(&str, usize) -> String,
    pub csv_mapping_title: &'static str,
    pub csv_default_insats: &'static str,
    pub csv_no_default: &'static str,
    pub csv_not_in_file: &'static str,
    pub csv_missing_column: fn(&str) -> String,
    pub csv_column_twice: fn(&str, &str) -> String,
    pub csv_summary: fn(usize, usize, usize, usize) -> String,
    pub csv_line: fn(u64) -> String,
    pub csv_fix_rows: &'static str,
    pub csv_confirm: &'static str,
    pub csv_imported: fn(usize) -> String,
    pub csv_unreadable: fn(&str) -> String,
    /// A picked file refused for its size: name, its size, the limit.
    pub file_too_large: fn(&str, &str, &str) -> String,
    pub csv_empty: &'static str,
    pub csv_too_large: &'static str,
    pub csv_too_many_rows: &'static str,
    pub csv_no_rows: &'static str,
    pub csv_not_text: &'static str,
    /// The file, line, column number and column name of a personal number.
    pub csv_personal_number: fn(&str, u64, usize, Option<&str>) -> String,
    /// Heading of the field-by-field changes of a CSV import.
    pub csv_changes: &'static str,
    /// Column headers of that table: record, field, now, after.
    pub csv_col_record: &'static str,
    pub csv_col_field: &'static str,
    pub csv_col_before: &'static str,
    pub csv_col_after: &'static str,
    /// An empty value in that table.
    pub csv_nothing: &'static str,
    /// How many changed rows the table leaves out.
    pub csv_more_changed: fn(usize) -> String,
    pub threshold_label: &'static str,
    pub threshold_hint: &'static str,
    pub goals_export_title: &'static str,
    pub goals_export_text: &'static str,
    pub genders_one: [&'static str; 3],
    pub end_statuses_title: &'static str,
    pub end_statuses_text: &'static str,
    pub no_end_statuses: &'static str,
    pub add_end_status: &'static str,
    pub add_default_end_statuses: &'static str,
    pub end_category: &'static str,
    pub end_categories: [&'static str; 3],
    pub problem_computed_indicator: &'static str,
    pub outcome_columns: [&'static str; 7],
    pub outcome_csv_title: &'static str,
    pub outcome_csv_text: &'static str,
    pub csv_empty_rows: fn(usize) -> String,
    pub protected_short: &'static str,
    pub problem_threshold: &'static str,
}

fn pick(items: &[&'static str], index: usize) -> &'static str {
    items.get(index).copied().unwrap_or("")
}

impl Texts {
    /// Name of a goal status.
    pub fn status(&self, s: GoalStatus) -> &'static str {
        pick(&self.statuses, s as usize)
    }

    /// Name of a period kind.
    pub fn period_kind(&self, k: PeriodKind) -> &'static str {
        pick(&self.period_kinds, k as usize)
    }

    /// Name of an insats kind.
    pub fn insats_kind(&self, k: InsatsKind) -> &'static str {
        pick(&self.insats_kinds, k as usize)
    }

    /// Name of a unit.
    pub fn unit(&self, u: Unit) -> &'static str {
        pick(&self.units, u as usize)
    }

    /// Name of a direction.
    pub fn direction(&self, d: Direction) -> &'static str {
        pick(&self.directions, d as usize)
    }

    /// Name of a breakdown dimension.
    pub fn dimension(&self, d: Dimension) -> &'static str {
        pick(&self.dimensions, d as usize)
    }

    /// How a computed indicator is counted from participations.
    pub fn flow_measure(&self, m: FlowMeasure) -> &'static str {
        pick(&self.flow_measures, m as usize)
    }

    /// A participation field's name (table header, CSV mapping, errors).
    pub fn participant_column(
        &self,
        c: crate::core::exchange::csv::participations::Column,
    ) -> &'static str {
        pick(&self.participant_columns, c as usize)
    }

    /// An outcome file's field name.
    pub fn outcome_column(
        &self,
        c: crate::core::exchange::csv::outcomes::OutcomeColumn,
    ) -> &'static str {
        pick(&self.outcome_columns, c as usize)
    }

    /// The name of a kind of organisation guests come from.
    pub fn guest_org(&self, g: crate::core::model::GuestOrg) -> &'static str {
        pick(&self.meetings.orgs, g as usize)
    }

    /// A flow measure's plain name, as the flow panel lists it.
    pub fn flow_measure_name(&self, m: FlowMeasure) -> &'static str {
        pick(&self.flow_measure_names, m as usize)
    }

    /// Name of an age band.
    pub fn age_band(&self, a: AgeBand) -> &'static str {
        pick(&self.age_bands, a as usize)
    }

    /// Name of a gender.
    pub fn gender(&self, g: Gender) -> &'static str {
        pick(&self.genders, g as usize)
    }

    /// A gender as said of one person (the participations table).
    pub fn gender_one(&self, g: Gender) -> &'static str {
        pick(&self.genders_one, g as usize)
    }

    /// Name of a referrer.
    pub fn referrer(&self, r: Referrer) -> &'static str {
        pick(&self.referrers, r as usize)
    }

    /// Name of a partner kind.
    pub fn partner_kind(&self, k: PartnerKind) -> &'static str {
        pick(&self.partner_kinds, k as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_labels_exist_for_every_variant_in_both_languages() {
        for lang in [Lang::Sv, Lang::En] {
            let t = lang.texts();
            assert!(InsatsKind::ALL
                .iter()
                .all(|k| !t.insats_kind(*k).is_empty()));
            assert!(Dimension::ALL.iter().all(|d| !t.dimension(*d).is_empty()));
            assert!(Gender::ALL.iter().all(|g| !t.gender(*g).is_empty()));
            assert!(Referrer::ALL.iter().all(|r| !t.referrer(*r).is_empty()));
            assert!(PartnerKind::ALL
                .iter()
                .all(|k| !t.partner_kind(*k).is_empty()));
            assert!(crate::core::model::GuestOrg::ALL
                .iter()
                .all(|g| !t.guest_org(*g).is_empty()));
            assert!(FlowMeasure::SOURCES
                .iter()
                .all(|m| !t.flow_measure(*m).is_empty()));
            for s in [GoalStatus::Met, GoalStatus::Near, GoalStatus::Behind] {
                assert!(!t.status(s).is_empty());
            }
        }
    }

    #[test]
    fn a_chart_row_without_a_status_ends_after_its_target() {
        for (lang, status) in [(Lang::Sv, "Efter"), (Lang::En, "Behind")] {
            let t = lang.texts();
            let without = (t.chart_desc_row)("2018", "12", "20", None);
            assert!(without.ends_with(" 20."), "{without}");
            assert!(!without.contains(", ."), "{without}");
            let with = (t.chart_desc_row)("2018", "12", "20", Some(status));
            assert!(with.ends_with(&format!(" 20, {status}.")), "{with}");
        }
    }

    #[test]
    fn language_codes_round_trip_and_default_to_swedish() {
        assert_eq!(Lang::from_code(Lang::En.code()), Lang::En);
        assert_eq!(Lang::from_code("fi"), Lang::Sv);
    }
}
