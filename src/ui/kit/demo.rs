//! The Benson demo district, built by code that is fetched only when someone asks for it.
//!
//! Building the demo runs most of the domain (ranking, planning, generating a Plus board)
//! over the default framework's text. The recovery page, in the main wasm, offers it too:
//! behind a lazy function, none of that is in every route's first load.

use crate::domain::Document;
use crate::ui::platform::browser;
use crate::ui::store::Store;

#[cfg(feature = "split")]
#[leptos::lazy]
fn benson(now: String) -> Document {
    crate::domain::demo::benson(&now)
}

#[cfg(not(feature = "split"))]
async fn benson(now: String) -> Document {
    crate::domain::demo::benson(&now)
}

/// Replace the district with the demo once its code has arrived (at once, when it is here).
pub fn start_demo(store: Store) {
    let now = browser::now_iso();
    leptos::task::spawn_local(async move {
        store.replace(benson(now).await);
    });
}
