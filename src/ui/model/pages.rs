//! The coaching model's pages, as one lazy piece: every `/model…` route renders
//! [`ModelPages`], which picks the page from the path (as `ui::executive::pages` does).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn ModelPages() -> impl IntoView {
    let location = use_location();
    // Each `/model…` route draws its own `ModelPages`, so the page is chosen once.
    let versions = location
        .pathname
        .with_untracked(|p| p.trim_end_matches('/').ends_with("/versions"));
    if versions {
        view! { <super::versions::VersionsPage/> }.into_any()
    } else {
        view! { <super::charter::CharterPage/> }.into_any()
    }
}
