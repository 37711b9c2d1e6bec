//! The app shell: header, navigation, status banners and the routes.

use super::components::{banners::Banners, header::Header};
use super::pages;
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

    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                super::browser::focus_id("main");
            }>"Skip to main content"</a>
            <RouteFocus/>
            <Header/>
            <Banners/>
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! { <pages::error::ErrorPage errors/> }>
                    {move || if recovering.get() {
                        view! { <pages::recovery::RecoveryPage/> }.into_any()
                    } else {
                        view! {
                            <FlatRoutes fallback=|| view! { <pages::not_found::NotFoundPage/> }>
                                <Route path=path!("/") view=pages::home::HomePage/>
                                <Route path=path!("/readiness") view=pages::readiness::ReadinessPage/>
                                <Route path=path!("/readiness/framework") view=pages::readiness_framework::ReadinessFrameworkPage/>
                                <Route path=path!("/readiness/:school/:round/summary") view=pages::readiness_summary::ReadinessSummaryPage/>
                                <Route path=path!("/readiness/:school/:round") view=pages::readiness_round::ReadinessRoundPage/>
                                <Route path=path!("/readiness/:school") view=pages::readiness_school::ReadinessSchoolPage/>
                                <Route path=path!("/phase-in") view=pages::phase_in::PhaseInPage/>
                                <Route path=path!("/phase-in/roster") view=pages::phase_in_roster::PhaseInRosterPage/>
                                <Route path=path!("/phase-in/brief") view=pages::phase_in_brief::PhaseInBriefPage/>
                                <Route path=path!("/phase-in/plans/:school") view=pages::phase_in_plan::PhaseInPlanPage/>
                                <Route path=path!("/board") view=pages::board::BoardPage/>
                                <Route path=path!("/board/setup") view=pages::board_setup::BoardSetupPage/>
                                <Route path=path!("/schedule") view=pages::schedule::SchedulePage/>
                                <Route path=path!("/model") view=pages::model::ModelPage/>
                                <Route path=path!("/executive") view=pages::executive::ExecutivePage/>
                                <Route path=path!("/data") view=pages::data::DataPage/>
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
    super::browser::release_focus_on_link_clicks();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            request_animation_frame(super::browser::focus_page_heading);
        }
        path
    });
}
