use crate::ui::kit::not_built::NotBuilt;
use leptos::prelude::*;

#[component]
pub fn ExecutivePage() -> impl IntoView {
    view! {
        <NotBuilt heading="Executive coaching"
            audience="principals and their leadership coaches"
            purpose="it will track each principal's support tier, coaching phase, work plan, contact log and status reports."/>
    }
}
