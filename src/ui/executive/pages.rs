//! Executive coaching's pages, as one lazy piece: every `/executive…` route renders
//! [`ExecutivePages`], which picks the page from the path. One piece for the capability
//! (wasm-split would otherwise make a shared chunk for every set of pages that share a
//! function: eight pages added some 190 files to the build), fetched once for all its pages.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn ExecutivePages() -> impl IntoView {
    let location = use_location();
    // The page for the path; the route's own `:id` is read by the page.
    // Each `/executive…` route draws its own `ExecutivePages`, so the page is chosen once:
    // a page on its way out never draws the next route's page (and runs its set-up twice).
    let page = Memo::new(move |_| {
        let path = location.pathname.get_untracked();
        let parts: Vec<String> = path
            .trim_end_matches('/')
            .split('/')
            .skip(2)
            .map(str::to_string)
            .collect();
        match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => "program",
            ["new"] => "new",
            ["cohorts"] => "cohorts",
            ["tiers"] => "tiers",
            [_] => "engagement",
            [_, "log"] => "log",
            [_, "report"] => "report",
            [_, "setup"] => "setup",
            _ => "program",
        }
    });
    move || match page.get() {
        "new" | "setup" => view! { <super::setup::SetupPage/> }.into_any(),
        "cohorts" => view! { <super::cohorts::CohortsPage/> }.into_any(),
        "tiers" => view! { <super::tiers::TiersPage/> }.into_any(),
        "engagement" => view! { <super::engagement::EngagementPage/> }.into_any(),
        "log" => view! { <super::log::ContactLogPage/> }.into_any(),
        "report" => view! { <super::report::StatusReportPage/> }.into_any(),
        _ => view! { <super::program::ProgramPage/> }.into_any(),
    }
}
