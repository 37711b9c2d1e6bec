use crate::ui::kit::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn ModelPage() -> impl IntoView {
    view! {
        <NotBuilt heading="Coaching model"
            audience="district leaders, coaches and principals"
            purpose="it will hold the district's coaching vision, targeted outcomes, the roles of coaches, teachers and administrators, how the program aligns with district goals, and how coaches are mentored."/>
    }
}
