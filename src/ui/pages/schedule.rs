use crate::ui::components::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn SchedulePage() -> impl IntoView {
    view! {
        <NotBuilt heading="My coaching schedule"
            audience="teachers, often on a phone"
            purpose="a teacher will pick their name and see upcoming coaching sessions and PD days, and add them to their calendar."/>
    }
}
