//! The thin UI: one file per route in `pages`, shared pieces in `components`. It renders
//! domain state from the [`store::Store`] and sends intents to it; rules live in `domain`.

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
}
