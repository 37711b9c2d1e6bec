use crate::ui::components::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn BoardPage() -> impl IntoView {
    view! {
        <NotBuilt heading="Plus-teacher rotation board"
            audience="the Plus-team lead"
            purpose="it will lay out the year week by week, alternating coaching weeks with full-day professional-development weeks, check the rules live and generate a fair rotation."/>
    }
}
