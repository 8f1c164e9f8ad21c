//! Writing a snapshot file.
//!
//! One record per line inside a small header, so a file is readable, diffs
//! well and can be checked by eye; records in a fixed order (type, then id)
//! and object keys sorted, so the same data always gives the same bytes.

use super::{FORMAT, VERSION};
use crate::core::exchange::merge::FieldView;
use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{Record, Scope};
use crate::core::period::iso_date;
use crate::core::workspace::Workspace;
use chrono::DateTime;

/// What a snapshot holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Every record, tombstones and unknown types included.
    All,
    /// One project with its sub-projects, their insatser, the targets and
    /// outcomes of those, the indicators these use, and the organisation
    /// with its municipalities and partners.
    Project(RecordId),
    /// What may be published at a public address: every record the public
    /// views read and no participation or arrival, with the figures
    /// computed from those as records of their own (see [`super::public`]).
    Public {
        /// The clock reading the figures are stamped with: a tick of the
        /// exporting device's clock, so a later publication's figures win.
        figures_at: Hlc,
    },
}

/// Who exported and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    /// Wall-clock time of the export, milliseconds since the epoch.
    pub millis: u64,
    /// The exporting device.
    pub device: DeviceId,
}

/// UTC time as `2026-11-23T10:15:00Z`.
fn iso_time(millis: u64) -> String {
    let t = i64::try_from(millis)
        .ok()
        .and_then(DateTime::from_timestamp_millis)
        .unwrap_or_default()
        .naive_utc();
    let secs = t.and_utc().timestamp().rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        iso_date(t.date()),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Whether a record belongs to a project part.
fn in_project(ws: &Workspace, family: &[RecordId], record: &Record) -> bool {
    let insats_in = |id: &RecordId| {
        ws.insatser
            .get_any(id)
            .is_some_and(|i| i.project.as_ref().is_some_and(|p| family.contains(p)))
    };
    let scope_in = |scope: &Scope| match scope {
        Scope::Forbund => false,
        Scope::Project(p) => family.contains(p),
        Scope::Insats(i) => insats_in(i),
    };
    match record {
        Record::Organisation(_)
        | Record::Municipality(_)
        | Record::Partner(_)
        | Record::EndStatus(_) => true,
        Record::Participation(p) => insats_in(&p.insats),
        Record::SlotReport(r) => insats_in(&r.insats),
        // Frukostmöten belong to the whole förbund, as its own targets do.
        Record::Meeting(_) | Record::Arrival(_) => false,
        // A deck belongs to the förbund's own meetings, whatever it shows.
        Record::Presentation(_) => false,
        // Figures computed for publishing belong to the whole förbund's
        // public part.
        Record::PublishedFigure(_) | Record::DoorCount(_) => false,
        Record::Project(p) => family.contains(&p.meta.id),
        Record::Insats(i) => insats_in(&i.meta.id),
        Record::Indicator(ind) => {
            ws.targets
                .all()
                .any(|t| t.indicator == ind.meta.id && scope_in(&t.scope))
                || ws
                    .outcomes
                    .all()
                    .any(|o| o.indicator == ind.meta.id && scope_in(&o.scope))
        }
        Record::Target(t) => scope_in(&t.scope),
        Record::Outcome(o) => scope_in(&o.scope),
        Record::Forecast(f) => scope_in(&f.scope),
        Record::Comment(c) => scope_in(&c.scope),
    }
}

/// The snapshot file's text.
pub fn export(ws: &Workspace, part: &Part, info: &ExportInfo) -> String {
    let views: Vec<FieldView> = match part {
        Part::All => ws.views(),
        Part::Public { figures_at } => ws
            .records()
            .iter()
            .filter(|r| super::public::is_carried(r))
            .chain(super::public::published_records(ws, *figures_at).iter())
            .map(FieldView::from_record)
            .collect(),
        Part::Project(root) => {
            let family = ws.project_family(root);
            ws.records()
                .iter()
                .filter(|r| in_project(ws, &family, r))
                .map(FieldView::from_record)
                .collect()
        }
    };
    let part_text = match part {
        Part::All => "all".to_owned(),
        Part::Project(id) => format!("project:{id}"),
        Part::Public { .. } => super::PUBLIC_PART.to_owned(),
    };
    let organisation = ws
        .organisation_name()
        .map(json_string)
        .unwrap_or_else(|| "null".into());
    let mut out = format!(
        "{{\"format\":\"{FORMAT}\",\"version\":\"{}.{}\",\"exported\":\"{}\",\"device\":{},\"organisation\":{organisation},\"part\":{},\"records\":[",
        VERSION.0,
        VERSION.1,
        iso_time(info.millis),
        json_string(info.device.as_str()),
        json_string(&part_text),
    );
    for (i, v) in views.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&v.to_json().to_string());
    }
    out.push_str("\n]}\n");
    out
}

/// The download's name: `maltavla-<organisation>-<date>.json`, in plain
/// lower-case ASCII so it survives every file system and mail client.
pub fn file_name(ws: &Workspace, part_name: Option<&str>, millis: u64) -> String {
    let mut name = String::from("maltavla");
    for part in [ws.organisation_name(), part_name].into_iter().flatten() {
        let s = crate::core::exchange::file_name::slug(part);
        if !s.is_empty() {
            name.push('-');
            name.push_str(&s);
        }
    }
    let date = iso_time(millis);
    format!("{name}-{}.json", date.get(..10).unwrap_or("0000-00-00"))
}

/// The download's name of `part`: [`file_name`] with the project's name,
/// or `publik` for the part made for publishing, so a file says by its
/// name whether it may be published.
pub fn part_file_name(ws: &Workspace, part: &Part, millis: u64) -> String {
    let name = match part {
        Part::All => None,
        Part::Project(id) => ws.projects.get_any(id).map(|p| p.name.as_str()),
        Part::Public { .. } => Some("publik"),
    };
    file_name(ws, name, millis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo;

    fn info() -> ExportInfo {
        ExportInfo {
            millis: 1_795_428_900_000,
            device: DeviceId::parse("laptop-1").unwrap(),
        }
    }

    #[test]
    fn times_are_utc_iso() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(1_795_428_900_000), "2026-11-23T10:15:00Z");
    }

    #[test]
    fn a_file_has_the_header_then_one_record_per_line() {
        let ws = demo::workspace();
        let text = export(&ws, &Part::All, &info());
        assert!(text.starts_with(
            "{\"format\":\"maltavla-snapshot\",\"version\":\"1.8\",\"exported\":\"2026-11-23T10:15:00Z\",\"device\":\"laptop-1\",\"organisation\":\"Samordningsförbundet Östra Södertörn\",\"part\":\"all\",\"records\":[\n{\"organisation\":"
        ), "{}", text.chars().take(300).collect::<String>());
        assert_eq!(text.lines().count(), ws.records().len() + 2);
        assert!(text.ends_with("\n]}\n"));
    }

    #[test]
    fn a_project_part_holds_the_project_and_what_hangs_on_it() {
        let ws = demo::workspace();
        let mia = ws
            .projects
            .live()
            .find(|p| p.name.starts_with("MIA –"))
            .map(|p| p.meta.id.clone())
            .unwrap();
        let text = export(&ws, &Part::Project(mia), &info());
        assert!(text.contains("\"part\":\"project:"));
        assert!(text.contains("MIA Östra Södertörn"));
        assert!(
            !text.contains(r#""name":"Ungdomsteamet"#),
            "insatser outside MIA stay out"
        );
        assert!(text.lines().count() < ws.records().len());
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let ws = demo::workspace();
        assert_eq!(
            file_name(&ws, None, 1_795_428_900_000),
            "maltavla-samordningsforbundet-ostra-sodertorn-2026-11-23.json"
        );
        assert_eq!(
            file_name(&Workspace::default(), Some("MIA Östra"), 0),
            "maltavla-mia-ostra-1970-01-01.json"
        );
        let public = Part::Public {
            figures_at: Hlc::default(),
        };
        assert_eq!(
            part_file_name(&ws, &public, 1_795_428_900_000),
            "maltavla-samordningsforbundet-ostra-sodertorn-publik-2026-11-23.json"
        );
        let mia = RecordId::parse("demo-mia").unwrap();
        assert_eq!(
            part_file_name(&ws, &Part::Project(mia), 0),
            "maltavla-samordningsforbundet-ostra-sodertorn-mia-mobilisering-infor-arbete-1970-01-01.json"
        );
    }
}
