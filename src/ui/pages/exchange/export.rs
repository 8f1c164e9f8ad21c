//! Saving a snapshot file: the whole workspace, one project, or the part
//! made for publishing.

use super::ex;
use crate::browser::clock::now_millis;
use crate::browser::files;
use crate::core::exchange::snapshot::{self, ExportInfo, Part};
use crate::ui::forms::controls::{Choice, SelectField};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

/// The choice of the part made for publishing: not an id (ids have no
/// colon), so no project can take it.
const PUBLIC_CHOICE: &str = ":public";

#[component]
pub(super) fn ExportSection() -> impl IntoView {
    let app = use_app();
    let part = RwSignal::new("all".to_owned());
    let done = RwSignal::new(None::<String>);
    let choices = Signal::derive(move || {
        let t = ex(app);
        let mut out = vec![
            Choice::new("all", t.export_all),
            Choice::new(PUBLIC_CHOICE, t.export_public),
        ];
        app.ws.with(|w| {
            for p in w.projects_by_name() {
                out.push(Choice::new(p.meta.id.to_string(), p.name.clone()));
            }
        });
        out
    });
    let save = move |_| {
        let millis = now_millis();
        let info = ExportInfo {
            millis,
            device: app.clock().device(),
        };
        let chosen = part.get_untracked();
        let (text, name) = app.ws.with_untracked(|w| {
            let project = w.projects.all().find(|p| p.meta.id.as_str() == chosen);
            let part = match project {
                Some(p) => Part::Project(p.meta.id.clone()),
                // The figures are stamped by this device's clock, so this
                // publication's figures win over any earlier one's.
                None if chosen == PUBLIC_CHOICE => Part::Public {
                    figures_at: app.clock().tick(),
                },
                None => Part::All,
            };
            let name = snapshot::part_file_name(w, &part, millis);
            (snapshot::export_checked(w, &part, &info), name)
        });
        done.set(Some(match text {
            Err(problem) => (app.t_now().trust.outgoing)(&problem),
            Ok(text) => match files::download(&name, &text, "application/json") {
                Ok(()) => (ex(app).export_done)(&name),
                Err(e) => (app.t_now().download_failed)(&e),
            },
        }));
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">{tr(|t| t.exchange.export_title)}</h2>
            <SelectField id="export-part" label=tr(|t| t.exchange.export_part) value=part choices=choices />
            <p class="hint" data-testid="export-public-hint">{tr(|t| t.exchange.export_public_hint)}</p>
            <button type="button" data-testid="export-button" on:click=save>{tr(|t| t.exchange.export_button)}</button>
            {move || done.get().map(|d| view! { <p role="status" data-testid="export-done">{d}</p> })}
        </section>
    }
}
