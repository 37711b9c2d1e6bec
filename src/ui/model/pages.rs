//! The coaching model's five pages, as one lazy piece (more pieces would cut the code the
//! routes share into more, smaller files, and every staff route would load more): every `/model…` route renders
//! [`ModelPages`], which picks the page from the path (as `ui::executive::pages` does).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn ModelPages() -> impl IntoView {
    let location = use_location();
    // Each `/model…` route draws its own `ModelPages`, so the page is chosen once.
    let last = location.pathname.with_untracked(|p| {
        p.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string()
    });
    match last.as_str() {
        "versions" => view! { <super::versions::VersionsPage/> }.into_any(),
        "print" => view! { <super::print::PrintPage/> }.into_any(),
        "schools" => view! { <super::schools::SchoolsPage/> }.into_any(),
        "coaches" => view! { <super::coaches::CoachesPage/> }.into_any(),
        _ => view! { <super::charter::CharterPage/> }.into_any(),
    }
}
