//! `/board/setup?school=…`: a school's Plus set-up: the school-year calendar (first day,
//! weeks, breaks), the Plus team (up to 12, each with their expertise), the teacher teams
//! and the teachers (subject and coaching focus). Also starts a board for a school.
//! Every change is checked by the domain and saved at once; a removal can be undone.
//!
//! This file holds the page, its shared `SetupCtx` (one edit, and the undo of the last
//! removal) and the rows' Edit and Remove buttons. The panels: `calendar`, `members` (the
//! Plus team) and `teachers` (the teacher teams and the teachers).

mod calendar;
mod members;
mod teachers;

use crate::domain::ids::Id;
use crate::domain::plus::Board;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::plus::start::StartBoard;
use crate::ui::store::{Phase, Store};
use calendar::CalendarForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use members::Members;
use teachers::{Teachers, Teams};

fn new_id() -> Id {
    Id::from_random_bytes(browser::random_bytes())
}

#[component]
pub fn BoardSetupPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Plus board set-up \u{b7} Readyboard"/>
        <h1>"Plus board set-up"</h1>
        <p class="page-links"><a href="/board">"Back to the board"</a></p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! { <Setup/> }.into_any(),
        }}
    }
}

#[component]
fn Setup() -> impl IntoView {
    let store = use_store();
    let query = use_query_map();
    let school = Memo::new(move |_| query.with(|q| q.get("school")).map(Id::fixed));
    let has_board = Memo::new(move |_| {
        let id = school.get();
        store.doc.with(|d| {
            d.as_ref()
                .zip(id.as_ref())
                .is_some_and(|(d, id)| d.plus.board(id).is_some())
        })
    });
    view! {
        {move || if has_board.get() {
            school.get().map(|id| view! { <SchoolSetup school=id/> }.into_any())
        } else {
            Some(view! { <StartBoard/> }.into_any())
        }}
    }
}

/// The last change that removed something, for undo.
#[derive(Clone)]
struct Undo {
    label: String,
    board: Board,
}

#[derive(Clone, Copy)]
struct SetupCtx {
    store: Store,
    school: StoredValue<Id>,
    board: Memo<Option<Board>>,
    said: RwSignal<String>,
    undo: RwSignal<Option<Undo>>,
}

impl SetupCtx {
    /// Apply `f` to the board; on success say `ok`, and with `undo` keep the board before.
    fn edit(
        &self,
        f: impl FnOnce(&mut Board) -> Result<String, String>,
        undo: Option<&str>,
    ) -> Result<(), String> {
        let school = self.school.get_value();
        let (message, before) = crate::ui::plus::board_state::edit_board(&self.store, &school, f)?;
        self.said.set(message);
        if let Some(label) = undo {
            self.undo.set(Some(Undo {
                label: label.to_string(),
                board: before,
            }));
            // The row that held the button is gone: keep focus on the way back.
            request_animation_frame(|| browser::focus_id("setup-undo"));
        } else {
            self.undo.set(None);
        }
        Ok(())
    }

    fn restore(&self) {
        let Some(u) = self.undo.get_untracked() else {
            return;
        };
        let school = self.school.get_value();
        let r = self.store.try_edit(|d| {
            let b = d
                .plus
                .board_mut(&school)
                .ok_or("This school has no Plus board.")?;
            *b = u.board.clone();
            Ok(())
        });
        match r {
            Ok(()) => self.said.set(format!("Undone: {}.", u.label)),
            Err(e) => self.said.set(e),
        }
        self.undo.set(None);
    }
}

#[component]
fn SchoolSetup(school: Id) -> impl IntoView {
    let store = use_store();
    let name = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| {
                d.schools
                    .iter()
                    .find(|s| s.id == school)
                    .map(|s| s.name.clone())
            })
            .unwrap_or_else(|| school.to_string())
    });
    let id2 = school.clone();
    let board = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| d.plus.board(&id2).cloned()))
    });
    let ctx = SetupCtx {
        store,
        school: StoredValue::new(school.clone()),
        board,
        said: RwSignal::new(String::new()),
        undo: RwSignal::new(None),
    };
    provide_context(ctx);
    view! {
        <h2>{name}</h2>
        <p class="page-links"><a href=format!("/board?school={school}")>"Open this school\u{2019}s board"</a></p>
        <div class="setup-status">
            <p role="status" aria-live="polite" data-testid="setup-said">{move || ctx.said.get()}</p>
            {move || ctx.undo.get().map(|u| view! {
                <button type="button" class="secondary" id="setup-undo" on:click=move |_| ctx.restore()>{format!("Undo {}", u.label)}</button>
            })}
        </div>
        <CalendarForm/>
        <Members/>
        <Teams/>
        <Teachers/>
        <crate::ui::plus::import::ImportPeople school=school.clone()/>
    }
}

/// A row's Edit and Remove buttons, each naming the row for screen readers.
#[component]
fn EditRemove(label: String, edit: Callback<()>, remove: Callback<()>) -> impl IntoView {
    view! {
        <td>
            <button type="button" class="secondary" aria-label=format!("Edit {label}") on:click=move |_| edit.run(())>"Edit"</button>
            <button type="button" class="danger" aria-label=format!("Remove {label}") on:click=move |_| remove.run(())>"Remove"</button>
        </td>
    }
}
