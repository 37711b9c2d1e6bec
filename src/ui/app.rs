//! The app shell: header, navigation, status banners and the routes.

use super::shell::{banners::Banners, header::Header};
use super::store::{Phase, Store};
use super::{executive, model, phase_in, plus, readiness, shell};
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

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                super::platform::browser::focus_id("main");
            }>"Skip to main content"</a>
            <RouteFocus/>
            <Header/>
            <Banners/>
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <shell::error::ErrorPage errors/> }>
                    {move || if recovering.get() {
                        view! { <shell::recovery::RecoveryPage/> }.into_any()
                    } else {
                        view! {
                            <FlatRoutes fallback=|| view! { <shell::not_found::NotFoundPage/> }>
                                <Route path=path!("/") view=shell::home::HomePage/>
                                <Route path=path!("/readiness") view=readiness::overview::ReadinessPage/>
                                <Route path=path!("/readiness/framework") view=readiness::framework::ReadinessFrameworkPage/>
                                <Route path=path!("/readiness/:school/:round/summary") view=readiness::summary::ReadinessSummaryPage/>
                                <Route path=path!("/readiness/:school/:round") view=readiness::round::ReadinessRoundPage/>
                                <Route path=path!("/readiness/:school") view=readiness::school::ReadinessSchoolPage/>
                                <Route path=path!("/phase-in") view=phase_in::planner::PhaseInPage/>
                                <Route path=path!("/phase-in/roster") view=phase_in::roster::PhaseInRosterPage/>
                                <Route path=path!("/phase-in/brief") view=phase_in::brief::PhaseInBriefPage/>
                                <Route path=path!("/phase-in/plans/:school") view=phase_in::plan::PhaseInPlanPage/>
                                <Route path=path!("/board") view=plus::board::BoardPage/>
                                <Route path=path!("/board/setup") view=plus::setup::BoardSetupPage/>
                                <Route path=path!("/schedule") view=plus::schedule::SchedulePage/>
                                <Route path=path!("/model") view=model::page::ModelPage/>
                                <Route path=path!("/executive") view=executive::page::ExecutivePage/>
                                <Route path=path!("/data") view=shell::data::DataPage/>
                            </FlatRoutes>
                        }.into_any()
                    }}
                </ErrorBoundary>
            </main>
            <footer class="site-footer">
                <p>"Readyboard keeps your district's data only in this browser. Nothing is sent anywhere. "
                   <a href="/data">"Back up your data"</a>"."</p>
            </footer>
        </Router>
    }
}

/// Moves focus to the new page's heading after every change of path (not of query or hash),
/// as a screen reader user would expect from a page load.
#[component]
fn RouteFocus() -> impl IntoView {
    let location = use_location();
    super::platform::browser::release_focus_on_link_clicks();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            request_animation_frame(super::platform::browser::focus_page_heading);
        }
        path
    });
}
