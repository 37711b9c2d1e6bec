//! The thin UI: one file per route in `pages`, shared pieces in `components`. It renders
//! domain state from the [`store::Store`] and sends intents to it; rules live in `domain`.

pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
pub mod panic;
pub mod routes;
pub mod store;

pub use app::App;

/// Start the app in the page's body.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(App);
}
