use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <Title text="Page not found \u{b7} Readyboard"/>
        <h1>"Page not found"</h1>
        <p>"There is no page at "<code>{move || path.get()}</code>". The link may be mistyped, or the page may have moved."</p>
        <p><a href="/" class="button primary">"Go to the home page"</a></p>
    }
}
