//! The conflict log: edits that lost to another laptop's, newest first,
//! each with restore and dismiss.

use super::{ex, field_name, kind_name, record_label, show};
use crate::core::exchange::merge::{newest_lost_first, Conflict, DELETED};
use crate::ui::state::{tr, use_app};
use leptos::prelude::*;

#[component]
pub(super) fn ConflictLog() -> impl IntoView {
    let app = use_app();
    let failure = RwSignal::new(None::<String>);
    let act = move |restore: bool, c: Conflict| {
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = if restore {
                app.restore(c).await
            } else {
                app.dismiss(c).await
            };
            if let Err(e) = result {
                failure.set(Some(app.write_message(&e)));
            }
        });
    };
    let rows = move || {
        let t = ex(app);
        let mut log = app.conflicts.get();
        newest_lost_first(&mut log);
        log.into_iter()
            .map(|c| {
                let label = app.ws.with(|w| record_label(w, &c));
                let what = if c.field == DELETED {
                    t.deleted_elsewhere.to_owned()
                } else {
                    field_name(t, &c.field)
                };
                let when = format!(
                    "{} · {}",
                    app.t().numbers.date(c.lost_stamp.hlc.date()),
                    c.lost_stamp.device
                );
                let (r, d) = (c.clone(), c.clone());
                view! {
                    <tr data-testid="conflict-row">
                        <td>{kind_name(t, &c.kind)}": " {label}</td>
                        <td>{what}</td>
                        <td>{show(t, &c.kept)}</td>
                        <td>{show(t, &c.lost)}<br /><small>{when}</small></td>
                        <td>
                            <button type="button" data-testid="conflict-restore" on:click=move |_| act(true, r.clone())>{t.restore}</button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| act(false, d.clone())>{t.dismiss}</button>
                        </td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section aria-labelledby="log-title">
            <h2 id="log-title">{tr(|t| t.exchange.log_title)}</h2>
            <p>{tr(|t| t.exchange.log_intro)}</p>
            {move || failure.get().map(|f| view! { <p role="alert" class="field-error">{f}</p> })}
            {move || app.conflicts_unreadable.get().then(|| view! {
                <p role="alert" class="field-error" data-testid="conflicts-unreadable">{tr(|t| t.exchange.log_unreadable)}</p>
            })}
            {move || if app.conflicts.with(Vec::is_empty) {
                (!app.conflicts_unreadable.get()).then(|| view! { <p data-testid="conflicts-empty">{tr(|t| t.exchange.log_empty)}</p> }).into_any()
            } else {
                view! {
                    <div class="table-scroll"><table class="data-table" data-testid="conflict-log">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.exchange.col_record)}</th>
                            <th scope="col">{tr(|t| t.exchange.col_field)}</th>
                            <th scope="col">{tr(|t| t.exchange.kept)}</th>
                            <th scope="col">{tr(|t| t.exchange.lost)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.exchange.restore)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
    }
}
