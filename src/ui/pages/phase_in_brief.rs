//! (being built)

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PhaseInBriefPage() -> impl IntoView {
    view! {
        <Title text="Decision brief · Readyboard"/>
        <h1>"Decision brief"</h1>
    }
}
