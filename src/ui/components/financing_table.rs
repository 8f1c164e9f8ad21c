//! The financiers' parts of the goals in kronor, as the printed report's
//! economy section shows them (the core divides: `economy::financing`).

use crate::core::economy::{financed_parts, FinancedPart};
use crate::core::goals::GoalRow;
use crate::core::model::{Financier, FinancingShare};
use crate::core::workspace::Workspace;
use crate::ui::components::scroll_table::{Column, ScrollTable};
use crate::ui::i18n::names::scope_name;
use crate::ui::i18n::Texts;
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// A financier's name in the current language.
pub fn financier_name(w: &Workspace, t: &Texts, f: &Financier) -> String {
    let e = t.economy;
    match f {
        Financier::State => e.state.to_owned(),
        Financier::Region => e.region.to_owned(),
        Financier::Esf => e.esf.to_owned(),
        Financier::OwnCapital => e.own_capital.to_owned(),
        Financier::Other(name) => name.clone(),
        Financier::Municipality(id) => w
            .municipalities
            .get_any(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone()),
    }
}

/// A financing list in words: "Staten (Försäkringskassan) 50 %, …".
pub fn financing_words(w: &Workspace, t: &Texts, shares: &[FinancingShare]) -> String {
    shares
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                financier_name(w, t, &s.financier),
                t.numbers.percent(s.share)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table of financiers' parts of `rows`; nothing when no goal in
/// kronor has financing.
#[component]
pub fn FinancingTable(rows: Memo<Vec<GoalRow>>) -> impl IntoView {
    let app = use_app();
    let parts = Memo::new(move |_| rows.with(|r| app.ws.with(|w| financed_parts(w, r))));
    view! {
        <Show when=move || !parts.with(Vec::is_empty)>
            <h3>{tr(|t| t.economy.financing_title)}</h3>
            <p class="hint">{tr(|t| t.economy.financing_intro)}</p>
            <ScrollTable
                class="financing-table"
                testid="financing-table"
                columns=vec![
                    Column::text(|t| t.col_scope),
                    Column::text(|t| t.col_indicator),
                    Column::text(|t| t.economy.col_financier),
                    Column::figures(|t| t.economy.col_share),
                    Column::figures(|t| t.economy.col_budget_part),
                    Column::figures(|t| t.economy.col_spend_part),
                ]
                rows=parts
                row=part_row
            />
        </Show>
    }
}

fn part_row(w: &Workspace, t: &'static Texts, p: FinancedPart) -> impl IntoView {
    let scope = scope_name(w, t, &p.scope);
    let from = p.from_project.as_ref().and_then(|id| {
        w.projects
            .get_any(id)
            .map(|project| (t.economy.financing_from_project)(&project.name))
    });
    let indicator = w
        .indicators
        .get_any(&p.indicator)
        .map(|i| i.name.clone())
        .unwrap_or_default();
    let amount = |k: Option<crate::core::value::Kronor>| {
        k.map(|x| t.numbers.kronor(x)).unwrap_or_else(|| "–".into())
    };
    view! {
        <tr data-testid="financing-row">
            <th scope="row">{scope}{from.map(|f| view! { <span class="sub">{f}</span> })}</th>
            <td>{indicator}</td>
            <td>{financier_name(w, t, &p.financier)}</td>
            <td class="num">{t.numbers.percent(p.share)}</td>
            <td class="num">{amount(p.budget)}</td>
            <td class="num">{amount(p.spend)}</td>
        </tr>
    }
}
