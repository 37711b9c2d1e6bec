//! Starting a Plus board for a school that has none (on `/board` and `/board/setup`), or,
//! in a district with no schools yet, saying what to do first.

use crate::domain::ids::Id;
use crate::domain::plus::state::default_calendar;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Start a board for a school that has none.
#[component]
pub fn StartBoard() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let schools = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.schools
                    .iter()
                    .filter(|s| d.plus.board(&s.id).is_none())
                    .map(|s| (s.id.to_string(), s.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let no_schools = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().is_some_and(|d| d.schools.is_empty()))
    });
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = chosen.get_untracked();
        let id = if id.is_empty() {
            schools
                .with_untracked(|s| s.first().map(|s| s.0.clone()))
                .unwrap_or_default()
        } else {
            id
        };
        if id.is_empty() {
            error.set(Some(
                "Every school already has a board, or there are no schools yet.".into(),
            ));
            return;
        }
        let school = Id::fixed(id.clone());
        let calendar = default_calendar(&browser::today());
        match store.try_edit(|d| d.plus.start(school, calendar)) {
            Ok(()) => navigate(&format!("/board/setup?school={id}"), Default::default()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="start-title">
            <h2 id="start-title">"Start a Plus board for a school"</h2>
            <p>"A board starts with a 36-week year from the last Monday of August; set its calendar, Plus team and teachers next."</p>
            {move || if no_schools.get() {
                view! {
                    <p data-testid="no-schools">
                        "This district has no schools yet, and a board belongs to a school. First, "
                        <a href="/phase-in/roster">"add your schools on the roster"</a>
                        " (one at a time, or from a spreadsheet); then come back here to start a board."
                    </p>
                }.into_any()
            } else if schools.with(Vec::is_empty) {
                view! { <p>"Every school in the district has a board. "<a href="/phase-in/roster">"Add a school to the roster"</a>" first."</p> }.into_any()
            } else {
                view! {
                    <form class="inline-form" on:submit=start.clone()>
                        <div class="field">
                            <label for="start-school">"School"</label>
                            <select id="start-school" on:change=move |ev| chosen.set(event_target_value(&ev))>
                                {move || schools.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="primary">"Start the board"</button>
                    </form>
                }.into_any()
            }}
            <FieldError error/>
        </section>
    }
}
