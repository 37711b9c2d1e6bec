//! The roster table: find a school, show all, edit a school in its row, and remove one
//! (saying what goes with it) with undo.

use super::form::{Draft, Field, FormError, SchoolFields};
use super::{focus_later, percent_text, LIMIT};
use crate::domain::district::{RemovedSchool, School};
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::remove::{RemoveButton, RemoveQuestion};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::store::Store;
use leptos::prelude::*;

/// Notes longer than this are folded into a disclosure in the table.
const SHORT_NOTE_CHARS: usize = 80;

/// The roster's shared state.
#[derive(Clone, Copy)]
struct RosterCtx {
    store: Store,
    editing: RwSignal<Option<Id>>,
    confirming: RwSignal<Option<Id>>,
    draft: Draft,
    edit_error: RwSignal<Option<FormError>>,
    undo: RwSignal<Option<RemovedSchool>>,
    notice: RwSignal<Option<String>>,
}

#[component]
pub(super) fn Roster() -> impl IntoView {
    let store = use_store();
    let ctx = RosterCtx {
        store,
        editing: RwSignal::new(None),
        confirming: RwSignal::new(None),
        draft: Draft::new(),
        edit_error: RwSignal::new(None),
        undo: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    let query = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let sorted = Memo::new(move |_| {
        store.doc.with(|d| {
            let mut v = d.as_ref().map(|d| d.schools.clone()).unwrap_or_default();
            v.sort_by_cached_key(|s| s.name.to_lowercase());
            v
        })
    });
    let total = move || sorted.with(Vec::len);
    let matching = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        sorted.with(|all| {
            if q.is_empty() {
                all.clone()
            } else {
                all.iter()
                    .filter(|s| s.name.to_lowercase().contains(&q))
                    .cloned()
                    .collect()
            }
        })
    });
    let n_matching = move || matching.with(Vec::len);
    let shown = move || {
        matching.with(|m| {
            if show_all.get() {
                m.clone()
            } else {
                m.iter().take(LIMIT).cloned().collect::<Vec<_>>()
            }
        })
    };
    let restore = Callback::new(move |()| {
        let Some(removed) = ctx.undo.get_untracked() else {
            return;
        };
        let id = removed.school.id.clone();
        let name = removed.school.name.clone();
        ctx.store.edit(|d| d.restore_school(removed));
        ctx.undo.set(None);
        ctx.notice
            .set(Some(format!("Restored \u{201c}{name}\u{201d}.")));
        focus_later(vec![format!("edit-btn-{id}"), "roster-title".into()]);
    });
    view! {
        <section aria-labelledby="roster-title">
            <h2 id="roster-title" tabindex="-1">"Schools"</h2>
            {move || {
                let n = total();
                (n > 0).then(|| view! {
                    <div class="field search">
                        <label for="roster-search">"Find a school"</label>
                        <input id="roster-search" type="search" autocomplete="off"
                            prop:value=move || query.get()
                            on:input=move |ev| { query.set(event_target_value(&ev)); show_all.set(false); }/>
                    </div>
                })
            }}
            <div role="status" class="roster-status">
                {move || ctx.undo.get().map(|r| view! {
                    <UndoNotice id="roster-undo" in_status=true
                        message=format!("Removed \u{201c}{}\u{201d}.", r.school.name) on_undo=restore/>
                })}
                {move || ctx.notice.get().map(|n| view! { <p class="ok">{n}</p> })}
            </div>
            {move || {
                let n = total();
                let m = n_matching();
                if n == 0 {
                    view! { <p>"No schools yet. Add one below, or import your roster from a CSV file."</p> }.into_any()
                } else if m == 0 {
                    view! { <p>"No school matches that search."</p> }.into_any()
                } else {
                    let showing = if show_all.get() { m } else { m.min(LIMIT) };
                    let line = if showing < m {
                        format!("Showing {showing} of {m} schools.")
                    } else if m < n {
                        format!("{} match the search, of {n}.", plural(m, "school", "schools"))
                    } else {
                        format!("{} in the district.", plural(n, "school", "schools"))
                    };
                    view! { <p class="small roster-count">{line}</p> }.into_any()
                }
            }}
            <Show when=move || { n_matching() > 0 }>
                <ScrollTable label="Roster table">
                    <table aria-labelledby="roster-title" class="data roster">
                        <thead><tr>
                            <th scope="col">"School"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col" class="num">"Enrollment"</th>
                            <th scope="col" class="num">"Reading % proficient"</th>
                            <th scope="col" class="num">"Math % proficient"</th>
                            <th scope="col">"Notes"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {move || {
                                ctx.editing.track();
                                ctx.confirming.track();
                                shown().into_iter().map(|s| school_row(s, ctx)).collect_view()
                            }}
                        </tbody>
                    </table>
                </ScrollTable>
            </Show>
            {move || {
                let m = n_matching();
                (!show_all.get() && m > LIMIT).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {m}")}</button>
                })
            }}
        </section>
    }
}

/// What removing a school takes with it, in words.
fn goes_with(store: Store, id: &Id) -> String {
    store.doc.with_untracked(|d| {
        let Some(d) = d else { return String::new() };
        let rounds = d
            .readiness
            .rounds
            .iter()
            .filter(|r| &r.school_id == id)
            .count();
        let mut parts = Vec::new();
        if rounds > 0 {
            parts.push(format!(
                "its {}",
                plural(rounds, "readiness round", "readiness rounds")
            ));
        }
        if d.phase_in.pin(id).is_some() {
            parts.push("its pin in the phase-in plan".to_string());
        }
        if d.phase_in.plans.iter().any(|p| &p.school_id == id) {
            parts.push("its readiness plan".to_string());
        }
        match parts.len() {
            0 => "It has no readiness rounds, pin or readiness plan.".to_string(),
            1 => format!("This also removes {}.", parts[0]),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("This also removes {} and {last}.", parts.join(", "))
            }
        }
    })
}

fn notes_view(notes: String) -> AnyView {
    if notes.chars().count() <= SHORT_NOTE_CHARS {
        view! { <span class="notes">{notes}</span> }.into_any()
    } else {
        let short: String = notes.chars().take(SHORT_NOTE_CHARS - 20).collect();
        view! {
            <details class="notes">
                <summary>{format!("{}\u{2026}", short.trim_end())}<span class="visually-hidden">" (show all the notes)"</span></summary>
                <p>{notes}</p>
            </details>
        }
        .into_any()
    }
}

fn school_row(s: School, ctx: RosterCtx) -> AnyView {
    let id = s.id.clone();
    let editing = ctx.editing.with_untracked(|e| e.as_ref() == Some(&id));
    if editing {
        return edit_row(s, ctx);
    }
    let confirming = ctx.confirming.with_untracked(|c| c.as_ref() == Some(&id));
    let href = format!("/readiness/{id}");
    let edit_id = id.clone();
    let school_for_edit = s.clone();
    let remove_id = id.clone();
    let name = s.name.clone();
    let start_edit = move |_| {
        ctx.draft.fill(&school_for_edit);
        ctx.edit_error.set(None);
        ctx.confirming.set(None);
        ctx.notice.set(None);
        ctx.editing.set(Some(edit_id.clone()));
        focus_later(vec!["edit-name".into()]);
    };
    let ask_remove = move |()| {
        ctx.notice.set(None);
        ctx.confirming.set(Some(remove_id.clone()));
    };
    let row = view! {
        <tr class:confirming=confirming>
            <th scope="row"><a href=href>{s.name.clone()}</a></th>
            <td>{s.level.label().to_string()}</td>
            <td class="num">{s.enrollment.to_string()}</td>
            <td class="num">{percent_text(s.reading_proficient)}</td>
            <td class="num">{percent_text(s.math_proficient)}</td>
            <td class="notes-cell">{notes_view(s.notes.clone())}</td>
            <td class="row-actions">
                <button id=format!("edit-btn-{id}") type="button" class="secondary" on:click=start_edit>
                    "Edit"<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <RemoveButton id=format!("remove-btn-{id}") name=name.clone() on_ask=ask_remove/>
            </td>
        </tr>
    };
    if !confirming {
        return row.into_any();
    }
    let consequence = goes_with(ctx.store, &id);
    let remove_id = id.clone();
    let keep_id = id.clone();
    let remove = move |()| {
        let mut removed = None;
        ctx.store.edit(|d| removed = d.remove_school(&remove_id));
        ctx.confirming.set(None);
        ctx.notice.set(None);
        ctx.undo.set(removed);
        focus_later(vec!["roster-undo".into(), "roster-title".into()]);
    };
    let keep = move |()| {
        ctx.confirming.set(None);
        focus_later(vec![format!("remove-btn-{keep_id}")]);
    };
    view! {
        {row}
        <tr class="confirm-row">
            <td colspan="7">
                <RemoveQuestion id="remove" panel=true detail=consequence
                    question=format!("Remove \u{201c}{}\u{201d} from the district?", s.name)
                    on_yes=remove on_keep=keep/>
            </td>
        </tr>
    }
    .into_any()
}

fn edit_row(s: School, ctx: RosterCtx) -> AnyView {
    let id = s.id.clone();
    let save_id = id.clone();
    let cancel_id = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = ctx.draft.school(save_id.clone()).and_then(|school| {
            ctx.store
                .try_edit(|d| d.update_school(school))
                .map_err(FormError::from_domain)
        });
        match result {
            Ok(()) => {
                let name = ctx.draft.name.get_untracked();
                ctx.edit_error.set(None);
                ctx.editing.set(None);
                ctx.notice
                    .set(Some(format!("Saved \u{201c}{}\u{201d}.", name.trim())));
                focus_later(vec![format!("edit-btn-{save_id}"), "roster-title".into()]);
            }
            Err(e) => {
                let target = format!("edit-{}", e.field.unwrap_or(Field::Name).suffix());
                ctx.edit_error.set(Some(e));
                focus_later(vec![target]);
            }
        }
    };
    let cancel = move |_| {
        ctx.edit_error.set(None);
        ctx.editing.set(None);
        focus_later(vec![format!("edit-btn-{cancel_id}")]);
    };
    view! {
        <tr class="edit-row">
            <td colspan="7">
                <form class="school-form" on:submit=save novalidate aria-labelledby="edit-title">
                    <p id="edit-title" class="form-title">{format!("Edit \u{201c}{}\u{201d}", s.name)}</p>
                    <SchoolFields prefix="edit" draft=ctx.draft error=ctx.edit_error/>
                    <div class="actions">
                        <button type="submit" class="primary">"Save changes"</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            </td>
        </tr>
    }
    .into_any()
}
