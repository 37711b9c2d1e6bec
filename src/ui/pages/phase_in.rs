use crate::ui::components::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn PhaseInPage() -> impl IntoView {
    view! {
        <NotBuilt heading="Phase-in plan"
            audience="the district's coach champion"
            purpose="it will rank schools by student-achievement need and by readiness side by side, propose which schools get a coach in each year, and keep a readiness plan for every school that is not yet ready."/>
    }
}
