use crate::ui::kit::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <NotFound title="Page not found" back_href="/" back_label="Go to the home page" primary=true>
            "There is no page at "<code>{move || path.get()}</code>". The link may be mistyped, or the page may have moved."
        </NotFound>
    }
}
