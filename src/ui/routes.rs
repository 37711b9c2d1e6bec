//! Every route's view, as a [`LazyRoute`]: in the release build, each route's page is split
//! out of the main wasm file into a chunk of its own, fetched the first time that route shows.
//!
//! The split is made by `scripts/build-split.mjs` (`make dist`), with the `split` feature on.
//! Only then is a route's view behind `#[lazy_route]`. Without the feature (host and browser
//! tests, clippy) the same types render their page directly: a lazy wrapper that is not then
//! split imports from `__wasm_split_placeholder__`, and a page built that way never starts.
//!
//! Whatever a page imports comes into its chunk, unless the shell (app.rs) or another route
//! uses it too: then wasm-split puts it in the main file or in a chunk the routes share.

use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

/// A route's view for `<Route view=…>`.
pub fn lazy<T: LazyRoute + Sync>() -> Lazy<T> {
    Lazy::new()
}

macro_rules! routes {
    ($($(#[$attr:meta])* $route:ident => $cap:ident :: $module:ident :: $page:ident;)*) => {$(
        $(#[$attr])*
        pub struct $route;

        #[cfg(feature = "split")]
        #[leptos_router::lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(_route: Self) -> AnyView {
                view! { <crate::ui::$cap::$module::$page/> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            async fn view(_route: Self) -> AnyView {
                view! { <crate::ui::$cap::$module::$page/> }.into_any()
            }
        }
    )*};
}

routes! {
    /// `/`
    Home => shell::home::HomePage;
    /// `/readiness`
    Readiness => readiness::overview::ReadinessPage;
    /// `/readiness/framework`
    ReadinessFramework => readiness::framework::ReadinessFrameworkPage;
    /// `/readiness/:school/:round/summary`
    ReadinessSummary => readiness::summary::ReadinessSummaryPage;
    /// `/readiness/:school/:round`
    ReadinessRound => readiness::round::ReadinessRoundPage;
    /// `/readiness/:school`
    ReadinessSchool => readiness::school::ReadinessSchoolPage;
    /// `/phase-in`
    PhaseIn => phase_in::planner::PhaseInPage;
    /// `/phase-in/roster`
    PhaseInRoster => phase_in::roster::PhaseInRosterPage;
    /// `/phase-in/brief`
    PhaseInBrief => phase_in::brief::PhaseInBriefPage;
    /// `/phase-in/plans/:school`
    PhaseInPlan => phase_in::plan::PhaseInPlanPage;
    /// `/board`
    Board => plus::board::BoardPage;
    /// `/board/setup`
    BoardSetup => plus::setup::BoardSetupPage;
    /// `/schedule`
    Schedule => plus::schedule::SchedulePage;
    /// `/model`
    Model => model::page::ModelPage;
    /// `/executive`
    Executive => executive::page::ExecutivePage;
    /// `/data`
    Data => shell::data::DataPage;
}
