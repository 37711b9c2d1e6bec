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
    ($($(#[$attr:meta])* $route:ident ($module:ident) => $cap:ident :: $file:ident :: $page:ident;)*) => {$(
        $(#[$attr])*
        pub struct $route;

        /// The route's page, split into `split_<module>.wasm` (feature `split`). A load
        /// that fails (the network dropped, or a new deploy replaced the files) is an `Err`,
        /// not a panic: a panic would stop the whole app, with edits not yet saved.
        #[cfg(feature = "split")]
        #[allow(improper_ctypes_definitions)]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $module() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <crate::ui::$cap::$file::$page/> }.into_any())
        }

        #[cfg(feature = "split")]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(_route: Self) -> impl std::future::Future<Output = AnyView> {
                // The split function's future holds a load error that is not `Send`.
                ::send_wrapper::SendWrapper::new(async move {
                    match $module().await {
                        Ok(view) => {
                            // The page is here: the code that saves comes next, after it.
                            crate::ui::store::prefetch_writer();
                            view
                        }
                        Err(_) => view! { <crate::ui::kit::chunk_failed::ChunkFailed/> }.into_any(),
                    }
                })
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            async fn view(_route: Self) -> AnyView {
                crate::ui::store::prefetch_writer();
                view! { <crate::ui::$cap::$file::$page/> }.into_any()
            }
        }
    )*};
}

routes! {
    /// `/`
    Home(home_route) => shell::home::HomePage;
    /// `/readiness`
    Readiness(readiness_route) => readiness::overview::ReadinessPage;
    /// `/readiness/framework`
    ReadinessFramework(readiness_framework_route) => readiness::framework::ReadinessFrameworkPage;
    /// `/readiness/:school/:round/summary`
    ReadinessSummary(readiness_summary_route) => readiness::summary::ReadinessSummaryPage;
    /// `/readiness/:school/:round`
    ReadinessRound(readiness_round_route) => readiness::round::ReadinessRoundPage;
    /// `/readiness/:school`
    ReadinessSchool(readiness_school_route) => readiness::school::ReadinessSchoolPage;
    /// `/phase-in`
    PhaseIn(phase_in_route) => phase_in::planner::PhaseInPage;
    /// `/phase-in/roster`
    PhaseInRoster(phase_in_roster_route) => phase_in::roster::PhaseInRosterPage;
    /// `/phase-in/brief`
    PhaseInBrief(phase_in_brief_route) => phase_in::brief::PhaseInBriefPage;
    /// `/phase-in/plans/:school`
    PhaseInPlan(phase_in_plan_route) => phase_in::plan::PhaseInPlanPage;
    /// `/board`
    Board(board_route) => plus::board::BoardPage;
    /// `/board/setup`
    BoardSetup(board_setup_route) => plus::setup::BoardSetupPage;
    /// `/schedule`
    Schedule(schedule_route) => plus::schedule::SchedulePage;
    /// `/model`, `/model/versions`, `/model/print`, `/model/schools`, `/model/coaches`
    Model(model_route) => model::pages::ModelPages;
    /// `/executive`, `/executive/new`, `/executive/cohorts`, `/executive/tiers`, `/executive/:id`, `/executive/:id/log`, `/executive/:id/report`, `/executive/:id/setup`
    Executive(executive_route) => executive::pages::ExecutivePages;
    /// `/data`
    Data(data_route) => shell::data::DataPage;
}
