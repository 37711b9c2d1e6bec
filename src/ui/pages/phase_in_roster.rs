//! (being built)

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PhaseInRosterPage() -> impl IntoView {
    view! {
        <Title text="School roster · Readyboard"/>
        <h1>"School roster"</h1>
    }
}
