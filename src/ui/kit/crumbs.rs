//! Breadcrumbs.

use leptos::prelude::*;

/// Breadcrumbs: (label, href) pairs, the last one being the current page.
#[component]
pub fn Crumbs(trail: Vec<(String, String)>) -> impl IntoView {
    let last = trail.len().saturating_sub(1);
    view! {
        <nav aria-label="Breadcrumb" class="crumbs no-print">
            <ol>
                {trail.into_iter().enumerate().map(|(i, (label, href))| {
                    if i == last {
                        view! { <li><a href=href aria-current="page">{label}</a></li> }.into_any()
                    } else {
                        view! { <li><a href=href>{label}</a></li> }.into_any()
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
