//! Shared pieces of the UI.

pub mod banners;
pub mod board;
pub mod first_run;
pub mod header;
pub mod not_built;
pub mod phase_in;
pub mod publish;
pub mod readiness;
pub mod scroll_table;

use super::store::Store;

/// The app's store, provided by `App`.
pub fn use_store() -> Store {
    leptos::prelude::expect_context::<Store>()
}
