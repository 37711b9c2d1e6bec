//! The readiness plan's actions and check-ins: the actions table with owners and due dates
//! (remove with undo, and the form that adds one), and each action's check-ins.

use super::{edit_plan, new_id, StatusBadge};
use crate::domain::phase_in::readiness_plan::{Action, CheckIn, Status};
use crate::domain::phase_in::ReadinessPlan;
use crate::domain::text::plural;
use crate::domain::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct ActionView {
    id: String,
    text: String,
    owner: String,
    due: String,
    status: Status,
    check_ins: Vec<CheckIn>,
}

impl ActionView {
    fn of(a: &Action) -> Self {
        ActionView {
            id: a.id.to_string(),
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due.clone(),
            status: a.status(),
            check_ins: a.check_ins.clone(),
        }
    }
}

/// A probe on an empty plan, so each field's error is the domain's own message.
fn action_field_errors(what: &str, owner: &str, due: &str) -> [Option<String>; 3] {
    let probe = |w: &str, o: &str, d: &str| {
        ReadinessPlan::new(Id::fixed("probe"), None, Vec::new(), "")
            .add_action(Id::fixed("probe"), w, o, d)
            .err()
    };
    [
        probe(what, "x", "2000-01-01"),
        probe("x", owner, "2000-01-01"),
        probe("x", "x", due),
    ]
}

#[component]
pub(super) fn Actions(school: Id) -> impl IntoView {
    let store = use_store();
    let sid = school.clone();
    let actions = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.phase_in.plan(&sid))
                .map(|p| p.actions.iter().map(ActionView::of).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let what = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new([None::<String>, None, None]);
    let general = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<(usize, Action)>);
    let sid = school.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (w, o, d) = (
            what.get_untracked(),
            owner.get_untracked(),
            due.get_untracked(),
        );
        let errs = action_field_errors(&w, &o, &d);
        if let Some(i) = errs.iter().position(Option::is_some) {
            errors.set(errs);
            added.set(None);
            browser::focus_id(["action-what", "action-owner", "action-due"][i]);
            return;
        }
        errors.set([None, None, None]);
        match edit_plan(store, &sid, |p| p.add_action(new_id(), &w, &o, &d)) {
            Ok(()) => {
                general.set(None);
                what.set(String::new());
                owner.set(String::new());
                due.set(String::new());
                added.set(Some(format!("Action added: {}.", w.trim())));
                browser::focus_id("action-what");
            }
            Err(e) => general.set(Some(e)),
        }
    };
    let sid = school.clone();
    let remove = Callback::new(move |aid: String| {
        let mut removed = None;
        let _ = edit_plan(store, &sid, |p| {
            removed = p.remove_action(&Id::fixed(aid.clone()));
            Ok(())
        });
        added.set(None);
        undo.set(removed);
        request_animation_frame(|| browser::focus_id("actions-undo"));
    });
    let sid = school.clone();
    let restore = Callback::new(move |()| {
        if let Some((at, action)) = undo.get_untracked() {
            let _ = edit_plan(store, &sid, |p| {
                p.restore_action(at, action);
                Ok(())
            });
        }
        undo.set(None);
        browser::focus_id("actions-title");
    });
    let field = move |i: usize| move || errors.with(|e| e[i].clone());
    let invalid = move |i: usize| move || errors.with(|e| e[i].is_some()).then_some("true");
    let described =
        move |i: usize, id: &'static str| move || errors.with(|e| e[i].is_some()).then_some(id);
    view! {
        <section class="panel" aria-labelledby="actions-title">
            <h2 id="actions-title" tabindex="-1">"Actions"</h2>
            <p>"What the school will do to reach its goals, who owns each step and by when. An action\u{2019}s status is the status of its latest check-in."</p>
            {move || undo.get().map(|(_, a)| view! {
                <UndoNotice id="actions-undo" message=format!("Action \u{201c}{}\u{201d} removed.", a.text) on_undo=restore/>
            })}
            {move || {
                let list = actions.get();
                if list.is_empty() {
                    return view! { <p>"No actions yet. Add the first one below."</p> }.into_any();
                }
                view! {
                    <ScrollTable label="Actions table">
                        <table aria-labelledby="actions-title" class="data plan-actions" data-testid="actions-table">
                            <thead><tr>
                                <th scope="col">"Action"</th>
                                <th scope="col">"Owner"</th>
                                <th scope="col">"Due"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col" class="num">"Check-ins"</th>
                                <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|a| {
                                    let id = a.id.clone();
                                    let text = a.text.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{a.text.clone()}</th>
                                            <td>{a.owner.clone()}</td>
                                            <td class="nowrap">{a.due.clone()}</td>
                                            <td><StatusBadge status=a.status/></td>
                                            <td class="num">{a.check_ins.len().to_string()}</td>
                                            <td class="row-actions">
                                                <ConfirmRemove id=format!("action-{id}-remove") open=confirming name=text.clone()
                                                    question=format!("Remove the action \u{201c}{text}\u{201d}?")
                                                    on_yes=move |()| remove.run(id.clone())/>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollTable>
                }.into_any()
            }}
            <h3 id="add-action-title">"Add an action"</h3>
            <form class="action-form" on:submit=add novalidate aria-labelledby="add-action-title">
                <div class="field">
                    <label for="action-what">"What"</label>
                    <input id="action-what" type="text" maxlength=MAX_NOTE_CHARS.to_string()
                        prop:value=move || what.get() on:input=move |ev| what.set(event_target_value(&ev))
                        aria-invalid=invalid(0) aria-describedby=described(0, "action-what-error")/>
                    <FieldError id="action-what-error" error=field(0)/>
                </div>
                <div class="field">
                    <label for="action-owner">"Owner"</label>
                    <input id="action-owner" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                        prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))
                        aria-invalid=invalid(1) aria-describedby=described(1, "action-owner-error")/>
                    <FieldError id="action-owner-error" error=field(1)/>
                </div>
                <div class="field">
                    <label for="action-due">"Due date"</label>
                    <input id="action-due" type="date"
                        prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))
                        aria-invalid=invalid(2) aria-describedby=described(2, "action-due-error")/>
                    <FieldError id="action-due-error" error=field(2)/>
                </div>
                <button type="submit" class="primary">"Add action"</button>
            </form>
            <FieldError error=general/>
            {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}

#[component]
pub(super) fn CheckIns(school: Id) -> impl IntoView {
    let store = use_store();
    let sid = school.clone();
    let ids = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.phase_in.plan(&sid))
                .map(|p| {
                    p.actions
                        .iter()
                        .map(|a| a.id.to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby="checkins-title">
            <h2 id="checkins-title">"Check-ins"</h2>
            {move || if ids.with(Vec::is_empty) {
                view! { <p>"Add an action first; then record check-ins on it here."</p> }.into_any()
            } else {
                view! { <p>"Open an action to see its check-ins and record a new one: the date, where the action stands and a short note."</p> }.into_any()
            }}
            <For each=move || ids.get() key=|id| id.clone() let:aid>
                <CheckInBlock school=school.clone() action_id=aid/>
            </For>
        </section>
    }
}

#[component]
fn CheckInBlock(school: Id, action_id: String) -> impl IntoView {
    let store = use_store();
    let sid = school.clone();
    let aid = Id::fixed(action_id.clone());
    let aid2 = aid.clone();
    let action = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.phase_in.plan(&sid))
                .and_then(|p| p.actions.iter().find(|a| a.id == aid2))
                .map(ActionView::of)
        })
    });
    let date = RwSignal::new(browser::today());
    let status = RwSignal::new(Status::OnTrack);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let p = format!("ci-{action_id}");
    let (date_id, status_id, note_id, err_id) = (
        format!("{p}-date"),
        format!("{p}-status"),
        format!("{p}-note"),
        format!("{p}-error"),
    );
    let focus_date = date_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = status.get_untracked();
        let d = date.get_untracked();
        match edit_plan(store, &school, |p| {
            p.check_in(&aid, &d, s, &note.get_untracked())
        }) {
            Ok(()) => {
                error.set(None);
                note.set(String::new());
                done.set(Some(format!("Check-in recorded: {} on {d}.", s.label())));
            }
            Err(e) => {
                done.set(None);
                error.set(Some(e));
                browser::focus_id(&focus_date);
            }
        }
    };
    let summary = move || {
        action.with(|a| {
            a.as_ref()
                .map(|a| (a.text.clone(), a.check_ins.len(), a.status))
        })
    };
    let (eid1, eid2) = (err_id.clone(), err_id.clone());
    view! {
        <details class="check-in-block">
            <summary>
                {move || summary().map(|(text, n, s)| view! {
                    <span class="check-in-what">{text}</span>
                    " "<StatusBadge status=s/>
                    <span class="small">{plural(n, "check-in", "check-ins")}</span>
                })}
            </summary>
            {move || {
                let list = action.with(|a| a.as_ref().map(|a| a.check_ins.clone()).unwrap_or_default());
                if list.is_empty() {
                    view! { <p>"No check-ins yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="check-in-list">
                            {list.into_iter().rev().map(|c| view! {
                                <li>
                                    <span class="nowrap">{c.date}</span>" "<StatusBadge status=c.status/>
                                    {(!c.note.is_empty()).then(|| view! { <span class="check-in-note">{c.note}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="inline-form check-in-form" on:submit=submit novalidate>
                <div class="field narrow">
                    <label for=date_id.clone()>"Date"</label>
                    <input id=date_id type="date" prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then(|| eid1.clone())/>
                </div>
                <div class="field narrow">
                    <label for=status_id.clone()>"Status"</label>
                    <select id=status_id on:change=move |ev| {
                        if let Some(s) = Status::from_key(&event_target_value(&ev)) { status.set(s) }
                    }>
                        {Status::ALL.into_iter().map(|s| view! {
                            <option value=s.key() selected=move || status.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=note_id.clone()>"Note (optional)"</label>
                    <input id=note_id type="text" maxlength=MAX_NOTE_CHARS.to_string()
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))
                        aria-describedby=move || error.with(Option::is_some).then(|| eid2.clone())/>
                </div>
                <button type="submit">"Record check-in"</button>
            </form>
            <FieldError id=err_id error/>
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </details>
    }
}
