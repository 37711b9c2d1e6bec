use crate::ui::app::NAV;
use crate::ui::kit::use_store;
use crate::ui::store::SaveStatus;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let district = move || {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| (d.district.name.clone(), d.district.is_demo))
        })
    };
    view! {
        <header class="site-header">
            <div class="header-bar">
                <p class="brand">
                    <A href="/" attr:class="brand-name">"Readyboard"</A>
                    {move || district().map(|(name, demo)| view! {
                        <span class="district-name">
                            <span class="visually-hidden">"District: "</span>
                            {name}
                        </span>
                        {demo.then(|| view! { <span class="badge">"Demo"</span> })}
                    })}
                </p>
                <SaveIndicator/>
            </div>
            <nav aria-label="Main">
                <ul class="nav-list">
                    {NAV.iter().map(|(href, label)| view! {
                        <li><A href=*href exact=true>{*label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Always one of "Saved", "Saving…" or "Not saved: <reason>".
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = use_store();
    let state = move || match store.status.get() {
        SaveStatus::Saved => ("saved", "Saved".to_string()),
        SaveStatus::Saving => ("saving", "Saving\u{2026}".to_string()),
        SaveStatus::NotSaved(why) => ("not-saved", format!("Not saved: {why}")),
        SaveStatus::Idle => ("not-saved", "Not saved: no district yet".to_string()),
    };
    view! {
        <p class=move || format!("save-status {}", state().0) role="status" data-testid="save-status">
            <span class="dot" aria-hidden="true"></span>
            {move || state().1}
        </p>
    }
}
