//! A meeting's time as one line and the guests-per-year chart: shown on
//! the meetings pages and by the report, the newsletter and presentations.

use crate::core::chart::BulletChart;
use crate::core::ids::RecordId;
use crate::core::meetings::{attendance_by_year, attendance_chart};
use crate::core::model::Meeting;
use crate::ui::i18n::names::chart_words;
use crate::ui::state::AppState;

/// A meeting's date and time as one line: `28 sep 2018 08:00–09:30`.
pub fn when_text(m: &Meeting, numbers: crate::core::locale::Locale) -> String {
    let mut s = numbers.date(m.date);
    match (m.start, m.end) {
        (Some(a), Some(b)) => s.push_str(&format!(" {a}–{b}")),
        (Some(a), None) => s.push_str(&format!(" {a}")),
        _ => {}
    }
    s
}

/// Guests per year (of one municipality's meetings, or all), in the
/// current language; shared with the newsletter page.
pub fn attendance_figure(app: AppState, municipality: Option<&RecordId>) -> BulletChart {
    let t = app.t();
    let mut words = chart_words(t);
    words.outcome = t.meetings.guests.into();
    words.period = t.meetings.year.into();
    words.describe = t.meetings.describe_year;
    app.ws.with(|w| {
        attendance_chart(
            &attendance_by_year(w, municipality),
            t.meetings.attendance_title.into(),
            &words,
        )
    })
}
