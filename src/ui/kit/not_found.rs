//! A page for an address with nothing behind it: a title, a sentence saying what is missing
//! (the `children`), and the way back.

use leptos::prelude::*;
use leptos_meta::Title;

/// "School not found", why, and a link back.
#[component]
pub fn NotFound(
    /// The page's h1 and title: "School not found".
    title: &'static str,
    /// Where the way back goes.
    back_href: &'static str,
    /// The way back's words: "Back to readiness".
    back_label: &'static str,
    /// The way back as a primary button, where it is the page's only way on.
    #[prop(optional)]
    primary: bool,
    /// What is missing, in a sentence.
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=format!("{title} \u{b7} Readyboard")/>
        <h1>{title}</h1>
        <p>{children()}</p>
        <p><a href=back_href class=primary.then_some("button primary")>{back_label}</a></p>
    }
}
