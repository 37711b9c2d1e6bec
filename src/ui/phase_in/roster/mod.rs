//! `/phase-in/roster`: the district's school roster. A table of schools with add, edit and
//! remove (with undo), and an import from a CSV file that shows a preview, with every
//! problem by row number, before anything is written (`domain::phase_in::roster_csv`).
//!
//! This file holds the page and the helpers its panels share. The panels: `table` (the
//! roster table, with its inline edit and removal), `form` (the school form shared by the
//! inline edit and "Add a school", and that panel) and `import` (the CSV import and its
//! preview).

mod form;
mod import;
mod table;

use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use form::AddSchool;
use import::Import;
use leptos::prelude::*;
use leptos_meta::Title;
use std::time::Duration;
use table::Roster;

/// Rows shown before "Show all": keeps the page quick at 500 schools.
const LIMIT: usize = 50;

#[component]
pub fn PhaseInRosterPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="School roster \u{b7} Readyboard"/>
        <Crumbs trail=vec![("Phase-in plan".into(), "/phase-in".into()), ("School roster".into(), "/phase-in/roster".into())]/>
        <h1>"School roster"</h1>
        <p class="lead">
            "The schools the phase-in plan works with: their level, enrollment and student results. "
            "Add or correct schools one at a time, or import the roster your district keeps in a spreadsheet."
        </p>
        <p class="jump-links">
            <a href="#add-title">"Add a school"</a>" \u{b7} "
            <a href="#import-title">"Import a roster from a CSV file"</a>
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <Roster/>
                <AddSchool/>
                <Import/>
            }.into_any(),
        }}
    }
}

/// Move focus to the first of `ids` that is on the page, once the view has caught up with
/// the change that was just made.
fn focus_later(ids: Vec<String>) {
    set_timeout(
        move || {
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(id) = ids.iter().find(|id| {
                doc.as_ref()
                    .is_some_and(|d| d.get_element_by_id(id).is_some())
            }) {
                browser::focus_id(id);
            }
        },
        Duration::ZERO,
    );
}

fn percent_text(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".to_string(), |v| format!("{v}%"))
}
