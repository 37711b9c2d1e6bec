//! Phase 3: the work plan, action steps for each objective with owner, dates and the
//! targeted professional development.

use crate::domain::executive::Step;
use crate::domain::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::executive::{edit_engagement, new_id};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Plan {
    objectives: Vec<(String, String, Vec<Step>)>,
}

#[component]
pub(super) fn WorkPlan(id: Id) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let plan = Memo::new(move |_| {
        store.doc.with(|d| Plan {
            objectives: d
                .as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| {
                    e.objectives
                        .iter()
                        .map(|o| (o.id.to_string(), o.title.clone(), o.steps.clone()))
                        .collect()
                })
                .unwrap_or_default(),
        })
    });
    let undo = RwSignal::new(None::<(Id, usize, Step)>);
    let confirming = RwSignal::new(None::<String>);
    let eid = id.clone();
    let remove = Callback::new(move |(oid, sid): (String, String)| {
        let oid = Id::fixed(oid);
        let mut removed = None;
        let _ = edit_engagement(store, &eid, |e| {
            removed = e.remove_step(&oid, &Id::fixed(sid));
            Ok(())
        });
        undo.set(removed.map(|(at, s)| (oid, at, s)));
        request_animation_frame(|| browser::focus_id("step-undo"));
    });
    let eid = id.clone();
    let restore = Callback::new(move |()| {
        if let Some((oid, at, s)) = undo.get_untracked() {
            let _ = edit_engagement(store, &eid, |e| {
                e.restore_step(&oid, at, s);
                Ok(())
            });
        }
        undo.set(None);
        browser::focus_id("phase-title");
    });
    let eid = id.clone();
    let toggle = Callback::new(move |(oid, sid, done): (String, String, bool)| {
        let _ = edit_engagement(store, &eid, |e| {
            e.set_step_done(&Id::fixed(oid), &Id::fixed(sid), done)
        });
    });
    view! {
        <section class="panel" aria-labelledby="phase-title">
            <h2 id="phase-title" tabindex="-1">"Phase 3: Work plan"</h2>
            <p>"Coach and principal identify the action steps toward each objective, and the coach completes the work plan, with the targeted professional development."</p>
            {move || undo.get().map(|(_, _, s)| view! {
                <UndoNotice id="step-undo" message=format!("Step \u{201c}{}\u{201d} removed.", s.action) on_undo=restore/>
            })}
            {move || {
                let p = plan.get();
                if p.objectives.is_empty() {
                    return view! { <p>"The work plan follows the key objectives: agree them in planning first."</p> }.into_any();
                }
                p.objectives.into_iter().enumerate().map(|(i, (oid, title, steps))| {
                    let heading_id = format!("steps-{oid}-title");
                    view! {
                        <h3 id=heading_id.clone()>{format!("Objective {}: {title}", i + 1)}</h3>
                        {if steps.is_empty() {
                            view! { <p class="flag-line">"No action steps yet."</p> }.into_any()
                        } else {
                            view! {
                                <ScrollTable label=format!("Action steps for {title}")>
                                    <table class="data" aria-labelledby=heading_id>
                                        <thead><tr>
                                            <th scope="col">"Done"</th>
                                            <th scope="col">"Action step"</th>
                                            <th scope="col">"Owner"</th>
                                            <th scope="col">"Dates"</th>
                                            <th scope="col">"Professional development"</th>
                                            <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                                        </tr></thead>
                                        <tbody>
                                            {steps.into_iter().map(|s| {
                                                let (o1, o2, sid1, sid2) = (oid.clone(), oid.clone(), s.id.to_string(), s.id.to_string());
                                                let done = s.done;
                                                let action = s.action.clone();
                                                view! {
                                                    <tr>
                                                        <td><input type="checkbox" id=format!("step-{sid1}-done") prop:checked=done
                                                            aria-label=format!("Done: {action}")
                                                            on:change=move |ev| toggle.run((o1.clone(), sid1.clone(), event_target_checked(&ev)))/></td>
                                                        <th scope="row">{s.action.clone()}</th>
                                                        <td>{if s.owner.is_empty() { "No owner yet".to_string() } else { s.owner.clone() }}</td>
                                                        <td class="nowrap">{match (s.start.is_empty(), s.due.is_empty()) {
                                                            (true, true) => "No dates yet".to_string(),
                                                            (false, true) => format!("From {}", s.start),
                                                            (true, false) => format!("By {}", s.due),
                                                            _ => format!("{} to {}", s.start, s.due),
                                                        }}</td>
                                                        <td>{s.pd.clone()}</td>
                                                        <td class="row-actions">
                                                            <ConfirmRemove id=format!("step-{sid2}-remove") open=confirming name=action.clone()
                                                                question=format!("Remove the step \u{201c}{action}\u{201d}?")
                                                                on_yes=move |()| remove.run((o2.clone(), sid2.clone()))/>
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </ScrollTable>
                            }.into_any()
                        }}
                    }
                }).collect_view().into_any()
            }}
            <AddStep id=id.clone() plan/>
        </section>
    }
}

#[component]
fn AddStep(id: Id, plan: Memo<Plan>) -> impl IntoView {
    let store = use_store();
    let objective = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let pd = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut oid = objective.get_untracked();
        if oid.is_empty() {
            oid = plan.with_untracked(|p| {
                p.objectives
                    .first()
                    .map(|o| o.0.clone())
                    .unwrap_or_default()
            });
        }
        let a = action.get_untracked();
        match edit_engagement(store, &id, |e| {
            e.add_step(
                &Id::fixed(oid.clone()),
                new_id(),
                &a,
                &owner.get_untracked(),
                &start.get_untracked(),
                &due.get_untracked(),
                &pd.get_untracked(),
            )
        }) {
            Ok(()) => {
                error.set(None);
                for s in [action, owner, start, due, pd] {
                    s.set(String::new());
                }
                added.set(Some(format!("Step added: {}.", a.trim())));
                browser::focus_id("step-action");
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("step-action");
            }
        }
    };
    view! {
        {move || (!plan.with(|p| p.objectives.is_empty())).then(|| view! {
            <form class="add-step" on:submit=submit.clone() novalidate aria-labelledby="add-step-title">
                <h3 id="add-step-title">"Add an action step"</h3>
                <div class="school-fields">
                    <div class="field">
                        <label for="step-objective">"For the objective"</label>
                        <select id="step-objective" prop:value=move || objective.get() on:change=move |ev| objective.set(event_target_value(&ev))>
                            {move || plan.get().objectives.into_iter().map(|(oid, title, _)| { let is = oid.clone(); view! { <option value=oid selected=move || objective.with(|x| x == &is)>{title}</option> } }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="step-action">"Action step"</label>
                        <input id="step-action" type="text" maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=move || action.get() on:input=move |ev| action.set(event_target_value(&ev))
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then_some("step-error")/>
                    </div>
                    <div class="field">
                        <label for="step-owner">"Owner"</label>
                        <input id="step-owner" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                            prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="step-start">"Start"</label>
                        <input id="step-start" type="date" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="step-due">"Due"</label>
                        <input id="step-due" type="date" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))/>
                    </div>
                </div>
                <label for="step-pd">"Targeted professional development (optional)"</label>
                <textarea id="step-pd" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || pd.get() on:input=move |ev| pd.set(event_target_value(&ev))></textarea>
                <FieldError id="step-error" error/>
                <button type="submit">"Add step"</button>
                {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        })}
    }
}
