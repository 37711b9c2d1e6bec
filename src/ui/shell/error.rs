use leptos::prelude::*;
use leptos_meta::Title;

/// Shown by the error boundary when a page fails to render.
#[component]
pub fn ErrorPage(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <Title text="Something went wrong \u{b7} Readyboard"/>
        <h1>"Something went wrong on this page"</h1>
        <p>"Your saved data is safe. Go to another page, or reload, to carry on."</p>
        <ul>
            {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
        </ul>
        <p><a href="/">"Go to the home page"</a></p>
    }
}
