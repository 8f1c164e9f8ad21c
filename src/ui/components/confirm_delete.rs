//! Deleting with a second look: shows what the core's delete plan will do
//! (how many targets and outcomes go along) before anything is written.

use crate::core::delete::plan_delete;
use crate::core::ids::RecordId;
use crate::ui::state::{tr, use_app, Edit};
use leptos::prelude::*;

/// A delete button that opens an inline confirmation.
#[component]
pub fn DeleteButton(
    id: RecordId,
    #[prop(into)] name: Signal<String>,
    /// Runs after the delete is stored.
    on_deleted: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let id_for_plan = id.clone();
    let title_id = format!("confirm-title-{id}");
    // The question takes the keyboard focus when it opens, so keyboard and
    // screen-reader users land on it.
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });
    let plan = Memo::new(move |_| app.ws.with(|w| plan_delete(w, &id_for_plan)));
    let confirm = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        app.save(
            p.writes.into_iter().map(Edit::now).collect(),
            busy,
            failure,
            move || {
                asking.set(false);
                on_deleted.run(());
            },
        );
    };
    view! {
        <span class="delete-control">
            <button
                type="button"
                class="danger-link"
                data-testid="delete"
                aria-label=move || format!("{} {}", app.t().delete, name.get())
                on:click=move |_| asking.set(true)
            >
                {tr(|t| t.delete)}
            </button>
            <Show when=move || asking.get()>
                <div class="confirm" role="alertdialog" aria-labelledby=title_id.clone() data-testid="confirm-delete">
                    <p id=title_id.clone()><strong>{move || (app.t().delete_title)(&name.get())}</strong></p>
                    <p>
                        {move || {
                            plan.get()
                                .map(|p| (app.t().delete_consequences)(p.figures_deleted, p.unlinked))
                                .unwrap_or_default()
                        }}
                    </p>
                    <p class="hint">{tr(|t| t.deleted_note)}</p>
                    {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
                    <button
                        type="button"
                        class="danger"
                        data-testid="confirm-delete-yes"
                        node_ref=confirm_button
                        disabled=move || busy.get()
                        on:click=confirm
                    >
                        {tr(|t| t.delete_confirm)}
                    </button>
                    <button type="button" on:click=move |_| asking.set(false)>{tr(|t| t.cancel)}</button>
                </div>
            </Show>
        </span>
    }
}
