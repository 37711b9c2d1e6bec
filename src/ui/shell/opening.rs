//! What shows while the code that reads the stored district is on its way (see
//! `storage::reader`), and if it does not arrive. It is short: the boot script fetches that
//! code beside the main wasm when a district is stored.

use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub fn Opening(failed: bool) -> impl IntoView {
    // Set directly, not with leptos_meta's `<Title>`: once a `<Title>` has been shown, leaving
    // it empties the document's title until the next page's arrives (axe found it empty).
    browser::set_title(if failed {
        "Your district could not be opened \u{b7} Readyboard"
    } else {
        "Opening your district \u{b7} Readyboard"
    });
    if failed {
        view! {
            <section class="chunk-failed" aria-labelledby="opening-title" data-testid="opening-failed">
                <h1 id="opening-title">"Your district could not be opened"</h1>
                <p>"Readyboard could not load the code that reads your saved district. "
                   "The connection may have dropped, or Readyboard has been updated since this tab opened."</p>
                <p>"Your data is safe in this browser: nothing was changed. Check the connection, then reload."</p>
                <p>
                    <button type="button" class="primary" on:click=|_| browser::reload()>"Reload the page"</button>
                </p>
            </section>
        }
        .into_any()
    } else {
        view! {
            <div class="opening" role="status" data-testid="opening">
                <h1>"Opening your district\u{2026}"</h1>
            </div>
        }
        .into_any()
    }
}
