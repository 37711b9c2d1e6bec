//! The sessions that build a shared understanding of the model: each with its audience (the
//! coaches and school administrators, or one school's staff), its date, planned or held, and
//! its attendance. Edited in place; removed with an undo.

use super::super::{model_list, new_id, parse_count, removal, roster, Removal};
use crate::domain::district::Extra;
use crate::domain::model::charter::upsert;
use crate::domain::model::rollout::{checked_session, SessionField};
use crate::domain::model::{Audience, Session, Status};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::said::Said;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::show_more::{grown, ShowMore};
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;
use std::collections::HashMap;

const LEADERS: &str = "leaders";
/// Sessions listed, newest first, before "Show more".
const SHOWN: usize = 20;

fn field_id(f: SessionField) -> &'static str {
    match f {
        SessionField::Audience => "session-audience",
        SessionField::Date => "session-date",
        SessionField::Attendance => "session-attendance",
        SessionField::Notes => "session-notes",
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    session: Session,
    audience: String,
}

#[component]
pub(super) fn Sessions() -> impl IntoView {
    let store = use_store();
    let list = model_list(store, |m| &m.sessions);
    let schools = roster(store);
    let rows = Memo::new(move |_| {
        let mut rows: Vec<Row> = schools.with(|schools| {
            let names: HashMap<&Id, &str> =
                schools.iter().map(|(id, n)| (id, n.as_str())).collect();
            list.get()
                .into_iter()
                .map(|s| Row {
                    audience: match &s.audience {
                        Audience::Leaders => "Coaches and school administrators".to_string(),
                        Audience::Staff(id) => names.get(id).map_or_else(
                            || "A removed school".to_string(),
                            |n| format!("Staff of {n}"),
                        ),
                    },
                    session: s,
                })
                .collect()
        });
        // Newest first.
        rows.sort_by(|a, b| b.session.date.cmp(&a.session.date));
        rows
    });
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    let total = Memo::new(move |_| rows.with(Vec::len));
    let (limit, shown) = grown(total, super::FIRST_DRAWN, SHOWN);
    let editing = RwSignal::new(None::<Id>);
    let audience = RwSignal::new(LEADERS.to_string());
    let date = RwSignal::new(String::new());
    let held = RwSignal::new(false);
    let attendance = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    // The error, and its field (none: the whole form's, as a refused save).
    let error = RwSignal::new(None::<(Option<SessionField>, String)>);
    let done = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(store, |m| &mut m.sessions, "session-undo", "sessions-title");
    let confirming = RwSignal::new(None::<String>);
    let reset = move || {
        editing.set(None);
        date.set(String::new());
        held.set(false);
        attendance.set(String::new());
        notes.set(String::new());
        error.set(None);
    };
    let edit = move |s: Session| {
        editing.set(Some(s.id));
        audience.set(
            s.audience
                .school()
                .map_or_else(|| LEADERS.to_string(), |id| id.to_string()),
        );
        date.set(s.date);
        held.set(s.status == Status::Held);
        attendance.set(if s.attendance == 0 {
            String::new()
        } else {
            s.attendance.to_string()
        });
        notes.set(s.notes);
        error.set(None);
        done.set(None);
        browser::focus_id("session-audience");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fail = move |f: Option<SessionField>, e: String| {
            error.set(Some((f, e)));
            done.set(None);
            if let Some(f) = f {
                browser::focus_id(field_id(f));
            }
        };
        let count = match parse_count("Attendance", &attendance.get_untracked()) {
            Ok(n) => n,
            Err(e) => return fail(Some(SessionField::Attendance), e),
        };
        if editing.with_untracked(|e| {
            e.as_ref()
                .is_some_and(|id| !list.with_untracked(|l| l.iter().any(|x| &x.id == id)))
        }) {
            return fail(
                None,
                "This session was removed while you edited it: undo the removal, or cancel.".into(),
            );
        }
        let id = editing.get_untracked().unwrap_or_else(new_id);
        let who = audience.get_untracked();
        let s = Session {
            id: id.clone(),
            audience: if who == LEADERS {
                Audience::Leaders
            } else {
                Audience::Staff(Id::fixed(who))
            },
            date: date.get_untracked(),
            status: if held.get_untracked() {
                Status::Held
            } else {
                Status::Planned
            },
            attendance: count,
            notes: notes.get_untracked(),
            extra: list.with_untracked(|l| {
                l.iter()
                    .find(|x| x.id == id)
                    .map_or_else(Extra::new, |x| x.extra.clone())
            }),
        };
        let mut field = None;
        let was_edit = editing.get_untracked().is_some();
        match store.try_edit_model(|model, ids| {
            let s = checked_session(s, ids).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            upsert(&mut model.sessions, s);
            Ok(())
        }) {
            Ok(()) => {
                reset();
                done.set(Some(
                    if was_edit {
                        "Session saved."
                    } else {
                        "Session added."
                    }
                    .to_string(),
                ));
                browser::focus_id("session-audience");
            }
            Err(e) => fail(field, e),
        }
    };
    let message = super::super::error_words(error);
    let bad = move |f: SessionField| super::super::error_at(error, f);
    view! {
        <section class="panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title" tabindex="-1">"Shared-understanding sessions"</h2>
            {move || removed.get().map(|(_, s)| view! {
                <UndoNotice id="session-undo" on_undo=undo what="the session\u{2019}s removal" message=format!("The session of {} removed.", s.date)/>
            })}
            {move || if empty.get() {
                view! { <p>"No session yet."</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label="Sessions table">
                        <table class="data stack" role="table">
                            <caption class="visually-hidden">"Sessions, newest first"</caption>
                            <thead role="rowgroup"><tr role="row">
                                <th scope="col" role="columnheader">"Date"</th>
                                <th scope="col" role="columnheader">"Who"</th>
                                <th scope="col" role="columnheader">"Status"</th>
                                <th scope="col" role="columnheader">"Attendance"</th>
                                <th scope="col" role="columnheader">"Notes"</th>
                                <th scope="col" role="columnheader"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody role="rowgroup">
                                <For each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|r| (
                                    r.session.id.clone(), r.session.date.clone(), r.session.status, r.session.attendance,
                                    r.session.notes.clone(), r.audience.clone(),
                                ) let:r>
                                    {
                                        let s = r.session.clone();
                                        let sid = s.id.to_string();
                                        let name = format!("{} on {}", r.audience, s.date);
                                        let whole = s.clone();
                                        view! {
                                            <tr role="row">
                                                <th scope="row" role="rowheader" class="nowrap">{s.date.clone()}</th>
                                                <td role="cell" data-label="Who">{r.audience.clone()}</td>
                                                <td role="cell" data-label="Status">{s.status.label()}</td>
                                                <td role="cell" data-label="Attendance">{match (s.status, s.attendance) {
                                                    (_, 0) => "\u{2014}".to_string(),
                                                    (Status::Held, n) => format!("{n} attended"),
                                                    (Status::Planned, n) => format!("{n} expected"),
                                                }}</td>
                                                <td role="cell" data-label="Notes">{s.notes.clone()}</td>
                                                <td role="cell" class="row-actions">
                                                    <button type="button" class="secondary" on:click=move |_| edit(whole.clone())>
                                                        "Edit"<span class="visually-hidden">{format!(" the session: {name}")}</span>
                                                    </button>
                                                    <ConfirmRemove id=format!("session-{sid}-remove") open=confirming name=format!("the session of {}: {}", s.date, r.audience)
                                                        question=format!("Remove the session of {}?", s.date) verb=Verb::Remove
                                                        on_yes=move |()| remove.run(sid.clone())/>
                                                </td>
                                            </tr>
                                        }
                                    }
                                </For>
                            </tbody>
                        </table>
                    </ScrollTable>
                    <ShowMore limit total what="sessions" back_to="sessions-title"/>
                }.into_any()
            }}
            <form on:submit=submit novalidate aria-labelledby="session-form-title">
                <h3 id="session-form-title">{move || if editing.with(Option::is_some) { "Edit the session" } else { "Add a session" }}</h3>
                <div class="field">
                    <label for="session-audience">"Who it is for"</label>
                    <select id="session-audience" prop:value=move || audience.get() on:change=move |ev| audience.set(event_target_value(&ev))
                        aria-invalid=move || bad(SessionField::Audience).get().then_some("true")
                        aria-describedby=move || bad(SessionField::Audience).get().then_some("session-error")>
                        <option value=LEADERS selected={audience.get_untracked() == LEADERS}>"Coaches and school administrators"</option>
                        <For each=move || schools.get() key=|c| c.clone() let:c>
                            {
                                let (id, n) = c;
                                let v = id.to_string();
                                let mine = v.clone();
                                view! { <option value=v selected={audience.get_untracked() == mine}>{format!("Staff of {n}")}</option> }
                            }
                        </For>
                    </select>
                </div>
                <div class="inline-form">
                    <Field id="session-date" label="Date" value=date kind=Kind::Date class="narrow"
                        invalid=bad(SessionField::Date) error_id="session-error"/>
                    <fieldset class="choices-inline">
                        <legend>"Status"</legend>
                        <span class="check"><input type="radio" id="session-planned" name="session-status" prop:checked=move || !held.get()
                            on:change=move |_| held.set(false)/><label for="session-planned">"Planned"</label></span>
                        <span class="check"><input type="radio" id="session-held" name="session-status" prop:checked=move || held.get()
                            on:change=move |_| held.set(true)/><label for="session-held">"Held"</label></span>
                    </fieldset>
                    <Field id="session-attendance" value=attendance kind=Kind::Whole class="narrow" max=5
                        label=Signal::derive(move || if held.get() { "How many attended".to_string() } else { "How many are expected (optional)".to_string() })
                        invalid=bad(SessionField::Attendance) error_id="session-error"/>
                </div>
                <Field id="session-notes" label="Notes (optional)" value=notes kind=Kind::Area(2) max=MAX_NOTE_CHARS
                    invalid=bad(SessionField::Notes) error_id="session-error"/>
                <FieldError id="session-error" error=message quiet=super::super::error_is_a_field_s(error)/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the session" } else { "Add the session" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                    })}
                </div>
                <Said text=done/>
            </form>
        </section>
    }
}
