//! The app shell: header, navigation, status banners and the routes.
//!
//! Every route's page is a lazy route (`routes.rs`): in the release build its code is in a
//! wasm chunk of its own. The shell keeps only what it needs at start-up: the header, the
//! banners, the store, and the opening, recovery, error and not-found pages.

use super::routes::{self, lazy};
use super::shell;
use super::shell::{banners::Banners, header::Header};
use super::store::{Phase, Store};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// Every route, for the navigation: (path, label).
pub const NAV: [(&str, &str); 8] = [
    ("/", "Home"),
    ("/readiness", "Readiness"),
    ("/phase-in", "Phase-in plan"),
    ("/board", "Plus board"),
    ("/schedule", "My schedule"),
    ("/model", "Coaching model"),
    ("/executive", "Executive coaching"),
    ("/data", "Data & backup"),
];

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let store = Store::load();
    store.listen();
    provide_context(store);
    let recovering = Memo::new(move |_| matches!(store.phase.get(), Phase::Recovery { .. }));
    let opening = Memo::new(move |_| match store.phase.get() {
        Phase::Opening { failed } => Some(failed),
        _ => None,
    });
    // True while a route's view is on its way (its chunk is being fetched).
    let (routing, set_routing) = signal(false);

    view! {
        <Router set_is_routing=set_routing>
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                super::platform::browser::focus_id("main");
            }>"Skip to main content"</a>
            <RouteFocus routing/>
            <Header/>
            <Banners/>
            <Main>
                <ErrorBoundary fallback=|errors| view! { <shell::error::ErrorPage errors/> }>
                    {move || if recovering.get() {
                        view! { <shell::recovery::RecoveryPage/> }.into_any()
                    } else if let Some(failed) = opening.get() {
                        view! { <shell::opening::Opening failed/> }.into_any()
                    } else {
                        view! {
                            <FlatRoutes fallback=|| view! { <shell::not_found::NotFoundPage/> }>
                                <Route path=path!("/") view={lazy::<routes::Home>()}/>
                                <Route path=path!("/readiness") view={lazy::<routes::Readiness>()}/>
                                <Route path=path!("/readiness/framework") view={lazy::<routes::ReadinessFramework>()}/>
                                <Route path=path!("/readiness/:school/:round/summary") view={lazy::<routes::ReadinessSummary>()}/>
                                <Route path=path!("/readiness/:school/:round") view={lazy::<routes::ReadinessRound>()}/>
                                <Route path=path!("/readiness/:school") view={lazy::<routes::ReadinessSchool>()}/>
                                <Route path=path!("/phase-in") view={lazy::<routes::PhaseIn>()}/>
                                <Route path=path!("/phase-in/roster") view={lazy::<routes::PhaseInRoster>()}/>
                                <Route path=path!("/phase-in/brief") view={lazy::<routes::PhaseInBrief>()}/>
                                <Route path=path!("/phase-in/plans/:school") view={lazy::<routes::PhaseInPlan>()}/>
                                <Route path=path!("/board") view={lazy::<routes::Board>()}/>
                                <Route path=path!("/board/setup") view={lazy::<routes::BoardSetup>()}/>
                                <Route path=path!("/schedule") view={lazy::<routes::Schedule>()}/>
                                <Route path=path!("/model") view={lazy::<routes::Model>()}/>
                                // The coaching model's pages share one lazy piece (ui::model::pages).
                                <Route path=path!("/model/versions") view={lazy::<routes::Model>()}/>
                                <Route path=path!("/model/print") view={lazy::<routes::Model>()}/>
                                <Route path=path!("/model/schools") view={lazy::<routes::Model>()}/>
                                <Route path=path!("/model/coaches") view={lazy::<routes::Model>()}/>
                                <Route path=path!("/executive") view={lazy::<routes::Executive>()}/>
                                // Executive coaching's pages share one lazy piece (ui::executive::pages).
                                <Route path=path!("/executive/new") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/cohorts") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/tiers") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/:id") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/:id/log") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/:id/report") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/executive/:id/setup") view={lazy::<routes::Executive>()}/>
                                <Route path=path!("/data") view={lazy::<routes::Data>()}/>
                            </FlatRoutes>
                        }.into_any()
                    }}
                </ErrorBoundary>
            </Main>
            <footer class="site-footer">
                <p>"Readyboard keeps your district's data only in this browser. Nothing is sent anywhere. "
                   <a href="/data">"Back up your data"</a>"."</p>
            </footer>
        </Router>
    }
}

/// The page's `main`, wider on the Plus board (its grid has a column per week). A class set
/// from the path, not a `main:has(.board-grid)` rule: with `:has` in the style sheet, every
/// change to the page under `main` made the browser check the rule again, which cost about
/// 4 ms on each move between executive-coaching pages at 60 engagements × 150 contacts.
#[component]
fn Main(children: Children) -> impl IntoView {
    let location = use_location();
    let wide = Memo::new(move |_| location.pathname.with(|p| p == "/board"));
    view! { <main id="main" tabindex="-1" class:wide=wide>{children()}</main> }
}

/// Moves focus to the new page's heading after every change of path (not of query or hash),
/// as a screen reader user would expect from a page load. A route whose code is still being
/// fetched is shown when it arrives (`routing` turns false): focus waits for it.
#[component]
fn RouteFocus(routing: ReadSignal<bool>) -> impl IntoView {
    let location = use_location();
    super::platform::browser::release_focus_on_link_clicks();
    let pending = RwSignal::new(false);
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            pending.set(true);
        }
        path
    });
    // After the frame that follows the change of path, the router has started choosing the
    // new view; once it is shown (at once, for a route whose code is already here), focus it.
    Effect::new(move |_| {
        if pending.get() && !routing.get() {
            request_animation_frame(move || {
                if pending.get_untracked() && !routing.get_untracked() {
                    pending.set(false);
                    super::platform::browser::focus_page_heading();
                }
            });
        }
    });
}
