//! A route whose capability is not built yet says so plainly.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotBuilt(
    /// The page's h1 and title.
    heading: &'static str,
    /// Who the page is for.
    audience: &'static str,
    /// What the page will let them do, in one sentence.
    purpose: &'static str,
) -> impl IntoView {
    view! {
        <Title text=format!("{heading} \u{b7} Readyboard")/>
        <h1>{heading}</h1>
        <p class="not-built"><strong>"This page is not built yet."</strong></p>
        <p>{format!("It is for {audience}. When it is ready, {purpose}")}</p>
        <p><a href="/">"Back to the home page"</a></p>
    }
}
