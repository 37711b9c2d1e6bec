//! Pieces any capability's pages use. Nothing here knows a capability.

pub mod chunk_failed;
pub mod crumbs;
pub mod demo;
pub mod field;
pub mod field_error;
pub mod first_run;
pub mod not_found;
pub mod remove;
pub mod rows_in_steps;
pub mod said;
pub mod scroll_table;
pub mod show_more;
pub mod undo;

use super::store::Store;

/// The app's store, provided by `App`.
pub fn use_store() -> Store {
    leptos::prelude::expect_context::<Store>()
}
