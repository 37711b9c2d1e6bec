//! Lasting messages about the data: storage warnings, another tab's changes, read-only
//! mode, and one-off notices. Each offers the action that keeps the person's work safe.

use crate::ui::kit::use_store;
use crate::ui::store::Phase;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let store = use_store();
    let download_error = RwSignal::new(None::<String>);
    let backup = move |_| download_error.set(store.download_backup().err());
    let has_doc = move || store.doc.with(Option::is_some);

    view! {
        <div class="banners">
            {move || store.warning.get().map(|w| view! {
                <div class="banner warning" role="alert" data-testid="storage-warning">
                    <p>{w}</p>
                    <Show when=has_doc>
                        <button type="button" on:click=backup>"Download a backup"</button>
                        <button type="button" class="secondary" on:click=move |_| store.flush()>"Try saving again"</button>
                    </Show>
                </div>
            })}
            {move || store.conflict.get().map(|c| {
                let what = if c.theirs.is_some() {
                    "This district was changed in another tab while this tab had unsaved edits."
                } else {
                    "This district was reset in another tab while this tab had unsaved edits."
                };
                view! {
                    <div class="banner conflict" role="alert" data-testid="conflict">
                        <p><strong>{what}</strong>
                           " Nothing has been overwritten. Choose which version to keep; you can download this tab\u{2019}s version first."</p>
                        <div class="actions">
                            <button type="button" on:click=backup>"Download this tab\u{2019}s version"</button>
                            <button type="button" on:click=move |_| store.keep_mine()>"Keep this tab\u{2019}s version"</button>
                            <button type="button" class="secondary" on:click=move |_| store.take_theirs()>
                                {if c.theirs.is_some() { "Use the other tab\u{2019}s version" } else { "Accept the reset" }}
                            </button>
                        </div>
                    </div>
                }
            })}
            {move || match store.phase.get() {
                Phase::ReadOnly { app_version, schema } => Some(view! {
                    <div class="banner readonly" role="alert" data-testid="read-only">
                        <p><strong>"Read-only. "</strong>
                           {format!("This district was saved by a newer version of Readyboard ({app_version}, schema {schema}). \
                                     This version shows what it can but will not save, so nothing of the newer data is lost. \
                                     Open Readyboard's newest version to edit.")}</p>
                        <button type="button" on:click=move |_| download_error.set(store.download_stored_copy().err())>
                            "Download a copy"
                        </button>
                    </div>
                }),
                _ => None,
            }}
            {move || store.notice.get().map(|n| view! {
                <div class="banner notice" role="status">
                    <p>{n}</p>
                    <button type="button" class="secondary" on:click=move |_| store.notice.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || download_error.get().map(|e| view! { <p class="banner warning" role="alert">{e}</p> })}
        </div>
    }
}
