//! Shown instead of every route when the stored district could not be read.

use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let store = use_store();
    let info = move || match store.phase.get() {
        Phase::Recovery {
            error,
            kept_at,
            raw,
        } => Some((error, kept_at, raw)),
        _ => None,
    };
    let downloaded = RwSignal::new(false);
    let download_error = RwSignal::new(None::<String>);
    let download = move |_| {
        if let Some((_, _, raw)) = info() {
            match browser::download(
                &format!("readyboard-unreadable-{}.txt", browser::today()),
                "text/plain",
                &raw,
            ) {
                Ok(()) => downloaded.set(true),
                Err(e) => download_error.set(Some(e)),
            }
        }
    };
    view! {
        <Title text="Your saved data couldn't be read \u{b7} Readyboard"/>
        <h1>"Your saved data couldn\u{2019}t be read"</h1>
        {move || info().map(|(error, kept_at, raw)| view! {
            <p class="lead">"Readyboard found data in this browser that it can\u{2019}t open. Nothing has been deleted or overwritten."</p>
            <p>{match kept_at {
                Some(key) => format!("The data has been set aside, unchanged, under the storage key \u{201c}{key}\u{201d}. It stays there until you delete it on the Data page."),
                None => "The data could not be set aside because browser storage is full, so it has been left exactly where it was, and Readyboard will not write over it.".to_string(),
            }}</p>
            <details>
                <summary>"What went wrong"</summary>
                <p class="error-detail">{error}</p>
                <p>{format!("The data is {} characters long.", raw.chars().count())}</p>
            </details>
            <h2>"What you can do"</h2>
            <ol class="steps">
                <li>
                    <p>"Download the unreadable data, so that you (or someone technical) can try to rescue it."</p>
                    <button type="button" class="primary" on:click=download>"Download the unreadable data"</button>
                    {move || downloaded.get().then(|| view! { <p class="ok" role="status">"Downloaded."</p> })}
                    <FieldError error=download_error/>
                </li>
                <li>
                    <p>"Then start again: with an empty district, or with the Benson demo."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| store.leave_recovery()>"Start fresh"</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            store.leave_recovery();
                            crate::ui::kit::demo::start_demo(store, move || {
                                store.notice.set(Some(crate::ui::kit::demo::DEMO_FAILED.into()))
                            });
                        }>"Start from the demo"</button>
                    </div>
                </li>
            </ol>
        })}
    }
}
