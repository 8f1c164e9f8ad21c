//! Texts of the money half of the follow-up: forecasts (prognoser) and
//! the written comments beside each goal, in both languages; a missing
//! text is a compile error.

/// Every text of forecasts and comments.
pub struct EconomyTexts {
    pub add_forecast: &'static str,
    pub edit_forecast: &'static str,
    pub forecasts_title: &'static str,
    pub made_on: &'static str,
    pub forecast_hint: &'static str,
    /// Under a target on the board: the forecast and when it was made.
    pub forecast_line: fn(&str, Option<&str>) -> String,
    pub add_comment: &'static str,
    pub edit_comment: &'static str,
    pub comments_title: &'static str,
    pub comment_period_hint: &'static str,
    pub happened: &'static str,
    pub why: &'static str,
    pub next: &'static str,
    pub comment_hint: &'static str,
    /// The caption of a comment under its goal's row: the period it is
    /// written for.
    pub comment_caption: fn(&str) -> String,
    pub no_comments: &'static str,
    pub problem_duplicate_forecast: &'static str,
    pub problem_duplicate_comment: &'static str,
    pub problem_no_target_for_key: &'static str,
}

pub const SV: EconomyTexts = EconomyTexts {
    add_forecast: "Lägg till prognos",
    edit_forecast: "Ändra prognos",
    forecasts_title: "Prognoser",
    made_on: "Prognosen gjord den",
    forecast_hint: "Vad målet väntas nå för hela sin period, till exempel helårets kostnad. Välj samma period som målets.",
    forecast_line: |value, on| match on {
        Some(d) => format!("Prognos {value} ({d})"),
        None => format!("Prognos {value}"),
    },
    add_comment: "Skriv kommentar",
    edit_comment: "Ändra kommentar",
    comments_title: "Kommentarer",
    comment_period_hint: "Perioden som kommentaren gäller, till exempel tertial 1 eller delåret (T2).",
    happened: "Vad hände?",
    why: "Varför?",
    next: "Vad gör vi nu?",
    comment_hint: "Skriv om insatsen och målet, aldrig om en enskild deltagare. Minst en av de tre frågorna.",
    comment_caption: |period| format!("Kommentar, {period}"),
    no_comments: "Inga kommentarer än.",
    problem_duplicate_forecast: "Det finns redan en prognos för den här indikatorn, nivån, perioden och uppdelningen. Ändra den prognosen i stället.",
    problem_duplicate_comment: "Det finns redan en kommentar till det här målet för perioden. Ändra den kommentaren i stället.",
    problem_no_target_for_key: "Det finns inget mål för den här indikatorn, nivån och uppdelningen under perioden. Lägg till målet först.",
};

pub const EN: EconomyTexts = EconomyTexts {
    add_forecast: "Add forecast",
    edit_forecast: "Edit forecast",
    forecasts_title: "Forecasts",
    made_on: "Forecast made on",
    forecast_hint: "What the target is expected to reach over its whole period, such as the full year's cost. Choose the target's own period.",
    forecast_line: |value, on| match on {
        Some(d) => format!("Forecast {value} ({d})"),
        None => format!("Forecast {value}"),
    },
    add_comment: "Write comment",
    edit_comment: "Edit comment",
    comments_title: "Comments",
    comment_period_hint: "The period the comment is about, such as the first tertial or the interim period (T2).",
    happened: "What happened?",
    why: "Why?",
    next: "What do we do next?",
    comment_hint: "Write about the intervention and the goal, never about an individual participant. Answer at least one of the three.",
    comment_caption: |period| format!("Comment, {period}"),
    no_comments: "No comments yet.",
    problem_duplicate_forecast: "There is already a forecast for this indicator, level, period and breakdown. Edit that forecast instead.",
    problem_duplicate_comment: "There is already a comment on this target for the period. Edit that comment instead.",
    problem_no_target_for_key: "There is no target for this indicator, level and breakdown during the period. Add the target first.",
};
