//! The Benson demo district, built by code that is fetched only when someone asks for it.
//!
//! Building the demo runs most of the domain (ranking, planning, generating a Plus board)
//! over the default framework's text. The recovery page, in the main wasm, offers it too:
//! behind a lazy function, none of that is in every route's first load.

use crate::domain::Document;
use crate::ui::platform::browser;
use crate::ui::store::Store;

/// Split out of the main wasm: a load that fails is an `Err`, not a panic (which would stop
/// the app).
#[cfg(feature = "split")]
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(benson_demo, wasm_split_path = ::leptos::wasm_split, fallible)]
fn benson(now: String) -> Result<Document, leptos::wasm_split::SplitLoaderError> {
    Ok(crate::domain::demo::benson(&now))
}

#[cfg(not(feature = "split"))]
async fn benson(now: String) -> Result<Document, ()> {
    Ok(crate::domain::demo::benson(&now))
}

/// What the person sees when the demo's code does not arrive.
pub const DEMO_FAILED: &str =
    "The demo could not be opened: its code did not arrive. Check the connection and try again.";

/// Replace the district with the demo once its code has arrived (at once, when it is here).
/// If it cannot arrive, `failed` is called and nothing changes.
pub fn start_demo(store: Store, failed: impl FnOnce() + 'static) {
    let now = browser::now_iso();
    leptos::task::spawn_local(async move {
        match benson(now).await {
            Ok(doc) => store.replace(doc),
            Err(_) => failed(),
        }
    });
}
