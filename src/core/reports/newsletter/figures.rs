//! The key figures of a year, one sentence each: the indicator's own
//! sentence (its template) when it has one and every figure it names is
//! there to be shown, else the plain sentence ("Deltagare: 927. Målet var
//! 975.").
//!
//! Guarantees: a figure is the one the board shows for the same key; a
//! figure that is missing, covers only part of the year or is hidden by
//! small-number protection never reaches a sentence (the plain sentence,
//! which holds only the row's own figure, is written instead); a figure
//! another sentence of the same scope tells is not repeated on a line of
//! its own; the order is the newsletters': the förbund first, targets
//! before figures reported without one, then by name; the meetings' guests
//! last.

use super::template::{self, About, Gap, TemplateError};
use super::words::Lang;
use crate::core::goals::{self, Focus};
use crate::core::ids::RecordId;
use crate::core::meetings::attendance_by_year;
use crate::core::model::{FigureKey, FlowMeasure, Indicator, Scope};
use crate::core::order;
use crate::core::period::{Period, PeriodKind};
use crate::core::value::FigureValue;
use crate::core::workspace::Workspace;

/// One line of the figures before ordering and leaving out.
struct Line {
    indicator: RecordId,
    scope: Scope,
    targeted: bool,
    name: String,
    text: String,
    told: Vec<RecordId>,
}

/// The name a plain sentence opens with: the indicator's, and the scope's
/// when it is not the förbund.
fn plain_name(ws: &Workspace, indicator: &Indicator, scope: &Scope) -> String {
    match scope {
        Scope::Forbund => indicator.name.clone(),
        scope => format!(
            "{}, {}",
            indicator.name,
            ws.scope_name(scope).unwrap_or("?")
        ),
    }
}

/// The whole-year figure of the year before, if any.
fn last_year(
    ws: &Workspace,
    indicator: &RecordId,
    scope: &Scope,
    year: i32,
) -> Option<FigureValue> {
    let period = Period::year(year - 1).ok()?;
    let key = FigureKey {
        indicator: indicator.clone(),
        scope: scope.clone(),
        period,
        breakdown: None,
    };
    goals::answer(ws, &key)
        .filter(|a| !a.partial)
        .map(|a| a.outcome.value)
}

/// The plain sentence: figure, target, and the year before.
fn plain(ws: &Workspace, about: &About<'_>, indicator: &Indicator, lang: Lang) -> String {
    let mut s = lang.plain(&plain_name(ws, indicator, about.scope), about.value);
    match about.target {
        Some(t) => s.push_str(&lang.goal(about.value, t)),
        None => s.push('.'),
    }
    // The year before, for a figure: "2016 var siffran uppfyllt" says nothing.
    if about.target.is_some() && !matches!(about.value, FigureValue::Answer(_)) {
        if let Some(v) = last_year(ws, about.indicator, about.scope, about.year) {
            s.push_str(&lang.year_before(about.year - 1, &lang.figure(v)));
        }
    }
    s
}

/// Why a sentence came out as it did, for the form's preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The indicator's own sentence.
    Own,
    /// No sentence of its own, or the block is in English.
    Plain,
    /// The sentence could not be filled in: a figure it names is missing
    /// or hidden, it is for another scope, or the target is not reached.
    Missing(Gap),
    /// The sentence cannot be read (a file's sentence names a municipality
    /// this workspace does not have).
    Invalid(TemplateError),
}

/// The sentence of one figure, with what it tells and how it was written.
fn sentence(
    about: &About<'_>,
    indicator: &Indicator,
    template_text: &str,
    lang: Lang,
) -> (String, Vec<RecordId>, Written) {
    let plain = || plain(about.ws, about, indicator, lang);
    if lang != Lang::Sv || template_text.trim().is_empty() {
        return (plain(), Vec::new(), Written::Plain);
    }
    match template::check(template_text, about.ws) {
        Err(e) => (plain(), Vec::new(), Written::Invalid(e)),
        Ok(t) => match template::render(&t, about) {
            Ok(r) => (r.text.trim().to_owned(), r.told, Written::Own),
            Err(missing) => (plain(), Vec::new(), Written::Missing(missing)),
        },
    }
}

/// The key figures of `year` in `lang`: every total target set for exactly
/// that year with its outcome, the year's totals reported without a
/// target, and the year's guests at frukostmöten against the year before.
pub fn key_figures(ws: &Workspace, year: i32, lang: Lang) -> Vec<String> {
    let Ok(period) = Period::year(year) else {
        return Vec::new();
    };
    let from_meetings = |id: &RecordId| {
        ws.indicators
            .get(id)
            .is_some_and(|i| i.computed == Some(FlowMeasure::MeetingAttendance))
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut push =
        |indicator: &Indicator, scope: &Scope, value: FigureValue, target: Option<FigureValue>| {
            let about = About {
                ws,
                indicator: &indicator.meta.id,
                scope,
                year,
                value,
                target,
            };
            let (text, told, _) = sentence(&about, indicator, &indicator.sentence, lang);
            lines.push(Line {
                indicator: indicator.meta.id.clone(),
                scope: scope.clone(),
                targeted: target.is_some(),
                name: indicator.name.clone(),
                text,
                told,
            });
        };
    for r in goals::goal_rows(ws, &period, &Focus::All)
        .iter()
        .filter(|r| r.target.period == period && r.target.breakdown.is_none())
        .filter(|r| !from_meetings(&r.indicator.meta.id))
    {
        if let Some(o) = &r.outcome {
            push(&r.indicator, &r.target.scope, o.value, Some(r.target.value));
        }
    }
    for g in goals::untargeted_outcomes(ws, &period, &Focus::All) {
        if let (Some(total), true) = (&g.total, g.period == period) {
            push(&g.indicator, &g.scope, total.value, None);
        }
    }
    let told: Vec<(RecordId, Scope)> = lines
        .iter()
        .flat_map(|l| l.told.iter().map(|id| (id.clone(), l.scope.clone())))
        .collect();
    lines.retain(|l| !told.contains(&(l.indicator.clone(), l.scope.clone())));
    order::sort_by_key(&mut lines, |l| {
        (
            !matches!(l.scope, Scope::Forbund),
            order::sort_key(ws.scope_name(&l.scope).unwrap_or("")),
            !l.targeted,
            order::sort_key(&l.name),
        )
    });
    let mut out: Vec<String> = lines.into_iter().map(|l| l.text).collect();
    let years = attendance_by_year(ws, None);
    if let Some(now) = years.iter().find(|y| y.year == year && y.attended > 0) {
        let mut s = lang.meeting_guests(year, now.attended);
        if let Some(t) = now.target {
            s.push_str(&lang.meeting_target(t));
        }
        if let Some(before) = years.iter().find(|y| y.year == year - 1 && y.attended > 0) {
            s.push_str(&lang.year_before(year - 1, &lang.integer(before.attended)));
        }
        out.push(s);
    }
    out
}

/// The form's preview of an indicator's sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The year the sentence is written for: the latest with a whole-year
    /// figure of the indicator.
    pub year: i32,
    /// The scope's name.
    pub scope: String,
    /// The sentence as the block would write it.
    pub text: String,
    /// Whether it is the indicator's own sentence, and if not, why.
    pub written: Written,
}

/// The sentence `template_text` would give for indicator `id` in the latest
/// year with a whole-year figure (the förbund's first, then other scopes by
/// name); `None` when the indicator is new or has no such figure yet.
pub fn sentence_preview(ws: &Workspace, id: &RecordId, template_text: &str) -> Option<Preview> {
    let indicator = ws.indicators.get(id)?;
    let mut scopes: Vec<Scope> = vec![Scope::Forbund];
    let mut years: Vec<i32> = Vec::new();
    for (scope, period) in ws
        .targets
        .live()
        .filter(|t| &t.indicator == id)
        .map(|t| (&t.scope, t.period))
        .chain(
            ws.outcomes
                .live()
                .filter(|o| &o.indicator == id)
                .map(|o| (&o.scope, o.period)),
        )
    {
        if !scopes.contains(scope) {
            scopes.push(scope.clone());
        }
        if period.kind() == PeriodKind::Year {
            years.push(period.start_year());
        }
    }
    if indicator.computed.is_some() {
        years.extend(
            ws.participations
                .live()
                .flat_map(|p| [Some(p.start), p.end])
                .flatten()
                .map(|d| chrono::Datelike::year(&d)),
        );
    }
    order::sort_by(&mut years, |a, b| b.cmp(a));
    years.dedup();
    order::sort_by_key(&mut scopes, |s| {
        (
            !matches!(s, Scope::Forbund),
            order::sort_key(ws.scope_name(s).unwrap_or("")),
        )
    });
    for year in years {
        let Ok(period) = Period::year(year) else {
            continue;
        };
        for scope in &scopes {
            let key = FigureKey {
                indicator: id.clone(),
                scope: scope.clone(),
                period,
                breakdown: None,
            };
            let Some(value) = goals::answer(ws, &key)
                .filter(|a| !a.partial)
                .map(|a| a.outcome.value)
            else {
                continue;
            };
            let target = ws.targets.live().find(|t| t.key() == key).map(|t| t.value);
            let about = About {
                ws,
                indicator: id,
                scope,
                year,
                value,
                target,
            };
            let (text, _, written) = sentence(&about, indicator, template_text, Lang::Sv);
            return Some(Preview {
                year,
                scope: ws.scope_name(scope).unwrap_or("?").to_owned(),
                text,
                written,
            });
        }
    }
    None
}
