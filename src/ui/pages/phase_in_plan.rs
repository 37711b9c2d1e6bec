//! (being built)

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PhaseInPlanPage() -> impl IntoView {
    view! {
        <Title text="Readiness plan · Readyboard"/>
        <h1>"Readiness plan"</h1>
    }
}
