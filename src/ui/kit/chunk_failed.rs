//! What a route shows when its code could not be fetched: the network dropped, or a new
//! deploy replaced the files this tab was started from. The app keeps running (the route's
//! load is `fallible`, `routes.rs`), so edits not yet saved are saved first, and the reload
//! button never throws away what could not be saved without saying so.

use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::store::SaveStatus;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ChunkFailed() -> impl IntoView {
    let store = use_store();
    // Save now rather than after the usual pause: the next thing is likely a reload.
    store.flush();
    let unsaved = RwSignal::new(store.has_unsaved_edits());
    // After a reload was asked for with edits that could not be saved: ask again.
    let asked = RwSignal::new(false);
    let said = RwSignal::new(None::<Result<String, String>>);
    let reload = move |_| {
        store.flush();
        let still = store.has_unsaved_edits();
        unsaved.set(still);
        if still && !asked.get_untracked() {
            asked.set(true);
            return;
        }
        browser::reload();
    };
    let backup = move |_| {
        said.set(Some(
            store
                .download_backup()
                .map(|()| "The backup file is downloading.".to_string()),
        ))
    };
    let reason = move || match store.status.get() {
        SaveStatus::NotSaved(why) => format!(" ({why})"),
        _ => String::new(),
    };
    view! {
        <Title text="This page could not be loaded \u{b7} Readyboard"/>
        <section class="chunk-failed" aria-labelledby="chunk-failed-title" data-testid="chunk-failed">
            <h1 id="chunk-failed-title">"This page could not be loaded"</h1>
            <p>"Readyboard fetches each page the first time you open it, and this page did not arrive. "
               "The connection may have dropped, or Readyboard has been updated since this tab opened. "
               "Reloading fetches it again."</p>
            {move || if unsaved.get() {
                view! {
                    <div class="chunk-unsaved" role="alert">
                        <p><strong>"Your latest changes are not saved in this browser"</strong>{reason}". "
                           "Download a backup before you reload, or they will be lost."</p>
                        <button type="button" on:click=backup>"Download a backup"</button>
                        <p class="small" role="status">{move || said.get().map(|r| r.unwrap_or_else(|e| e))}</p>
                    </div>
                }.into_any()
            } else if store.doc.with(Option::is_some) {
                view! { <p data-testid="chunk-saved">"Your work is saved in this browser: reloading loses nothing."</p> }.into_any()
            } else {
                ().into_any()
            }}
            <p>
                <button type="button" class="primary" on:click=reload>
                    {move || if asked.get() && unsaved.get() { "Reload anyway, losing those changes" } else { "Reload the page" }}
                </button>
            </p>
        </section>
    }
}
