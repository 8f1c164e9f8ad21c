//! Small builders shared by the core's unit tests.

use crate::core::ids::{DeviceId, Hlc, RecordId};
use crate::core::model::{Dimension, Direction, Indicator, Meta, Municipality, Record};
use crate::core::value::Unit;
use crate::core::workspace::Workspace;

/// Metadata with a fixed stamp for a test record.
pub fn meta(id: &str) -> Meta {
    Meta::new(
        RecordId::parse(id).expect("test ids are valid"),
        Hlc {
            millis: 1,
            counter: 0,
        },
        DeviceId::parse("test").expect("valid"),
    )
}

/// A workspace holding one municipality.
pub fn ws_with_municipality(id: &str, name: &str) -> Workspace {
    Workspace::from_records([Record::Municipality(Municipality {
        meta: meta(id),
        name: name.into(),
    })])
}

/// A percentage indicator allowing the given breakdowns.
pub fn percent_indicator(id: &str, name: &str, dimensions: &[Dimension]) -> Indicator {
    Indicator {
        meta: meta(id),
        name: name.into(),
        unit: Unit::Percent,
        definition: String::new(),
        numerator: "täljare".into(),
        denominator: "nämnare".into(),
        direction: Direction::HigherIsBetter,
        dimensions: dimensions.to_vec(),
        tolerance_percent: 10,
        prorate: false,
        computed: None,
        ratio: None,
        sentence: String::new(),
    }
}

/// The clock of the snapshot tests: a moment after every demo stamp.
pub const SNAPSHOT_NOW: u64 = 1_795_428_900_000;

/// The example data exported whole by `laptop-1` at [`SNAPSHOT_NOW`].
pub fn demo_snapshot() -> String {
    use crate::core::exchange::snapshot::{export, ExportInfo, Part};
    let info = ExportInfo {
        millis: SNAPSHOT_NOW,
        device: DeviceId::parse("laptop-1").unwrap(),
    };
    export(&crate::core::demo::workspace(), &Part::All, &info)
}

/// Asserts that `f` reads no table outside `reads`: it gives the same on
/// the example data with any other table emptied, so a view that follows
/// only the changes of `reads` is never stale.
pub fn assert_reads_only<R: PartialEq + std::fmt::Debug>(
    reads: crate::core::workspace::Tables,
    f: impl Fn(&Workspace) -> R,
) {
    use crate::core::workspace::Tables;
    let demo = crate::core::demo::workspace();
    let whole = f(&demo);
    for table in Tables::ALL.singles().filter(|t| !reads.contains(*t)) {
        assert_eq!(f(&demo.without(table)), whole, "it reads {table:?}");
    }
}

/// Swedish chart words for tests of the charts.
pub fn chart_words() -> crate::core::chart_specs::ChartWords {
    crate::core::chart_specs::ChartWords {
        target: "Mål".into(),
        outcome: "Utfall".into(),
        status: "Status".into(),
        empty: "Inga värden".into(),
        indicator: "Indikator".into(),
        period: "Period".into(),
        statuses: [
            "Uppnått".into(),
            "Nära".into(),
            "Efter".into(),
            "Ännu inte känt".into(),
        ],
        describe: |l, o, t, s| format!("{l}: utfall {o}, mål {t} {}", s.unwrap_or_default()),
        forecast: "Prognos".into(),
        numbers: crate::core::locale::Locale::Sv,
    }
}
