//! The thin UI: one folder per capability (`readiness`, `phase_in`, `plus`, `executive`,
//! `model`), the `shell`, shared pieces in `kit`, web APIs in `platform`. It renders domain
//! state from the [`store::Store`] and sends intents to it; rules live in `domain`.

pub mod app;
pub mod executive;
pub mod kit;
pub mod model;
pub mod phase_in;
pub mod platform;
pub mod plus;
pub mod readiness;
pub mod routes;
pub mod shell;
pub mod store;

pub use app::App;

/// Start the app in the page's body.
pub fn start() {
    platform::panic::install_hook();
    leptos::mount::mount_to_body(App);
    // index.html's loading words, shown until now.
    platform::browser::remove_id("boot");
}
