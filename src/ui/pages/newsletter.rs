//! The newsletter block for a chosen day, as HTML, Markdown or text, with a
//! copy button and a preview, and the charts to download as SVG or PNG;
//! the core writes every word. The day opens on the core's default day (the
//! newest day with data when today's block would have nothing to say), and
//! a part the block leaves out is named with its reason under the preview.

use crate::browser::clipboard::copy_text;
use crate::browser::clock::today;
use crate::core::chart::{bullet_chart_svg, bullet_table, line_chart_svg, line_table};
use crate::core::period::iso_date;
use crate::core::reports::newsletter::{
    assemble_in, default_day, to_html, to_markdown, to_text, Lang as BlockLang, LeftOut,
};
use crate::core::validate::optional_date;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::meeting_figures::attendance_figure;
use crate::ui::components::occupancy_figure::occupancy_figure;
use crate::ui::forms::controls::{Choice, SelectField, TextField};
use crate::ui::i18n::{Lang, Texts};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

#[component]
pub fn NewsletterPage() -> impl IntoView {
    let app = use_app();
    let t = move || app.t().meetings;
    let day = RwSignal::new(iso_date(app.ws.with_untracked(|w| default_day(w, today()))));
    let format = RwSignal::new("html".to_owned());
    let copied = RwSignal::new(None::<bool>);
    let formats = Signal::derive(move || {
        let f = t().formats;
        vec![
            Choice::new("html", f[0]),
            Choice::new("markdown", f[1]),
            Choice::new("text", f[2]),
        ]
    });
    let block = Memo::new(move |_| {
        let d = optional_date(&day.get())
            .ok()
            .flatten()
            .unwrap_or_else(today);
        let lang = match app.lang.get() {
            Lang::Sv => BlockLang::Sv,
            Lang::En => BlockLang::En,
        };
        app.ws.with(|w| assemble_in(w, d, lang))
    });
    let output = Memo::new(move |_| {
        block.with(|b| match format.get().as_str() {
            "markdown" => to_markdown(b),
            "text" => to_text(b),
            _ => to_html(b),
        })
    });
    let preview = Memo::new(move |_| block.with(to_html));
    let attendance = Memo::new(move |_| attendance_figure(app, None));
    let occupancy = Memo::new(move |_| occupancy_figure(app, None));
    let copy = move |_| {
        let text = output.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(copy_text(&text).await.is_ok()));
        });
    };
    Effect::new(move |_| {
        output.track();
        copied.set(None);
    });
    view! {
        <h1>{tr(|t| t.meetings.newsletter_title)}</h1>
        <p>{tr(|t| t.meetings.newsletter_intro)}</p>
        <div class="field-row">
            <TextField id="newsletter-day" label=tr(|t| t.meetings.newsletter_day) value=day input_type="date" />
            <SelectField id="newsletter-format" label=tr(|t| t.meetings.format) value=format choices=formats />
        </div>
        <textarea
            class="newsletter-output"
            data-testid="newsletter-output"
            readonly
            rows="14"
            aria-label=tr(|t| t.meetings.newsletter_title)
            prop:value=move || output.get()
        ></textarea>
        <div class="actions">
            <button type="button" class="primary" data-testid="newsletter-copy" on:click=copy>{tr(|t| t.meetings.copy)}</button>
            <span role="status" data-testid="newsletter-copied">
                {move || copied.get().map(|ok| if ok { t().copied } else { t().copy_failed })}
            </span>
        </div>
        <h2>{tr(|t| t.meetings.preview)}</h2>
        <div class="newsletter-preview" data-testid="newsletter-preview" inner_html=move || preview.get()></div>
        <ul class="newsletter-left-out" data-testid="newsletter-left-out">
            {move || {
                let t = app.t();
                block.with(|b| b.left_out.iter().map(|l| view! { <li>{left_out(t, l)}</li> }).collect_view())
            }}
        </ul>
        <h2>{tr(|t| t.meetings.newsletter_charts)}</h2>
        <p>{tr(|t| t.meetings.newsletter_charts_text)}</p>
        <ChartFigure svg=Signal::derive(move || attendance.with(bullet_chart_svg)) table=Signal::derive(move || attendance.with(bullet_table)) testid="newsletter-chart-attendance" />
        <ChartFigure svg=Signal::derive(move || occupancy.with(line_chart_svg)) table=Signal::derive(move || occupancy.with(line_table)) testid="newsletter-chart-occupancy" />
    }
}

/// Why a part of the block is left out, in the user's language.
fn left_out(t: &Texts, l: &LeftOut) -> String {
    let m = &t.meetings;
    match l {
        LeftOut::Figures { year } => (m.left_out_figures)(*year),
        LeftOut::Meetings { from, until } => {
            (m.left_out_meetings)(&t.numbers.date(*from), &t.numbers.date(*until))
        }
        LeftOut::Slots { day } => (m.left_out_slots)(&t.numbers.date(*day)),
    }
}
