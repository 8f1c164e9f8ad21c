//! The occupancy chart (enrolled against places over time) in the current
//! language: shown on the places page and by the newsletter and
//! presentations.

use crate::core::chart::LineChart;
use crate::core::meetings::places::{label, occupancy_chart, occupancy_over_time, SlotKey};
use crate::ui::i18n::names::chart_words;
use crate::ui::state::AppState;

/// Enrolled against places over time (of one insats and provider, or all),
/// in the current language; shared with the newsletter page.
pub fn occupancy_figure(app: AppState, key: Option<&SlotKey>) -> LineChart {
    let tx = app.t();
    let mut words = chart_words(tx);
    words.outcome = tx.meetings.enrolled.into();
    words.target = tx.meetings.capacity.into();
    words.period = tx.meetings.date.into();
    words.describe = tx.meetings.describe_occupancy;
    app.ws.with(|w| {
        let title = key
            .map(|k| label(w, k))
            .unwrap_or_else(|| tx.meetings.all_insatser.to_owned());
        let points = occupancy_over_time(w, key);
        occupancy_chart(
            &points,
            format!("{}: {title}", tx.meetings.occupancy_title),
            &words,
        )
    })
}
