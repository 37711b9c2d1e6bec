use crate::ui::components::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn ReadinessPage() -> impl IntoView {
    view! {
        <NotBuilt heading="Readiness self-assessments"
            audience="school leadership teams and principals, guided by the district's coach champion"
            purpose="each rater will score the district's readiness criteria privately, then the team will reveal the ratings, agree a level for each criterion and print a one-page readiness profile."/>
    }
}
