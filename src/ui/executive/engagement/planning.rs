//! Phase 2: coach and principal agree 2–3 key objectives, each with indicators of success
//! and a monitoring cadence, the areas of focus, and the norms and expectations of the
//! coaching relationship.

use crate::domain::executive::engagement::{MAX_OBJECTIVES, MIN_OBJECTIVES};
use crate::domain::executive::{Cadence, Objective};
use crate::domain::text::{plural, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::executive::{edit_engagement, new_id};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct ObjectiveView {
    id: String,
    title: String,
    indicators: String,
    cadence: Cadence,
}

#[component]
pub(super) fn Planning(id: Id) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let state = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| {
                    (
                        e.objectives
                            .iter()
                            .map(|o| ObjectiveView {
                                id: o.id.to_string(),
                                title: o.title.clone(),
                                indicators: o.indicators.clone(),
                                cadence: o.cadence,
                            })
                            .collect::<Vec<_>>(),
                        e.plan_agreed_on.clone(),
                        e.can_agree().err().unwrap_or_default(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let objectives = Memo::new(move |_| state.with(|s| s.0.clone()));
    let agreed_on = Memo::new(move |_| state.with(|s| s.1.clone()));
    let undo = RwSignal::new(None::<(usize, Objective)>);
    let card_id = id.clone();
    let confirming = RwSignal::new(None::<String>);
    let general = RwSignal::new(None::<String>);
    let eid = id.clone();
    let remove = Callback::new(move |oid: String| {
        let mut removed = None;
        match edit_engagement(store, &eid, |e| {
            removed = Some(e.remove_objective(&Id::fixed(oid.clone()))?);
            Ok(())
        }) {
            Ok(()) => {
                general.set(None);
                undo.set(removed);
                request_animation_frame(|| browser::focus_id("objective-undo"));
            }
            Err(e) => general.set(Some(e)),
        }
    });
    let eid = id.clone();
    let restore = Callback::new(move |()| {
        if let Some((at, o)) = undo.get_untracked() {
            if let Err(e) = edit_engagement(store, &eid, |e| e.restore_objective(at, o)) {
                general.set(Some(e));
            }
        }
        undo.set(None);
        browser::focus_id("objectives-title");
    });
    let eid = id.clone();
    let agree_error = RwSignal::new(None::<String>);
    let agree = move |_| match edit_engagement(store, &eid, |e| e.agree(&browser::today())) {
        Ok(()) => agree_error.set(None),
        Err(e) => agree_error.set(Some(e)),
    };
    let eid = id.clone();
    let reopen = move |_| {
        let _ = edit_engagement(store, &eid, |e| {
            e.unagree();
            Ok(())
        });
    };
    view! {
        <section class="panel" aria-labelledby="phase-title">
            <h2 id="phase-title">"Phase 2: Planning"</h2>
            <p>"Coach and principal review the self-reflection, discuss the key focus areas, and agree on 2 or 3 key objectives for improvement, with indicators of success and how often to monitor them."</p>
            <h3 id="objectives-title" tabindex="-1">"Key objectives"</h3>
            <p class="count-line" role="status">{move || {
                let n = objectives.with(Vec::len);
                if n < MIN_OBJECTIVES {
                    format!("{}: a plan is agreed with {MIN_OBJECTIVES} or {MAX_OBJECTIVES}.", plural(n, "objective", "objectives"))
                } else if n > MAX_OBJECTIVES {
                    format!("{}: a plan is agreed with at most {MAX_OBJECTIVES}. Remove {} or merge them.", plural(n, "objective", "objectives"), n - MAX_OBJECTIVES)
                } else {
                    format!("{} of {MIN_OBJECTIVES}\u{2013}{MAX_OBJECTIVES}.", plural(n, "objective", "objectives"))
                }
            }}</p>
            {move || undo.get().map(|(_, o)| view! {
                <UndoNotice id="objective-undo" message=format!("Objective \u{201c}{}\u{201d} removed.", o.title) on_undo=restore/>
            })}
            <FieldError error=general/>
            <ol class="objective-list">
                <For each=move || objectives.get() key=|o| o.id.clone() let:o>
                    <ObjectiveCard id=card_id.clone() objective=o confirming remove/>
                </For>
            </ol>
            <AddObjective id=id.clone()/>
            <Focus id=id.clone()/>
            <h3>"Agree the plan"</h3>
            {move || {
                let on = agreed_on.get();
                if on.is_empty() {
                    let blockers = state.with(|s| s.2.clone());
                    view! {
                        {(!blockers.is_empty()).then(|| view! {
                            <p>"Before the plan can be agreed:"</p>
                            <ul class="needs">{blockers.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                        })}
                        <button type="button" class="primary" on:click=agree.clone()>"Agree the plan"</button>
                        <FieldError error=agree_error/>
                    }.into_any()
                } else {
                    view! {
                        <p class="ok">{format!("Coach and principal agreed the plan on {on}.")}</p>
                        <button type="button" class="secondary" on:click=reopen.clone()>"Reopen the plan"</button>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ObjectiveCard(
    id: Id,
    objective: ObjectiveView,
    confirming: RwSignal<Option<String>>,
    remove: Callback<String>,
) -> impl IntoView {
    let store = use_store();
    let title = RwSignal::new(objective.title.clone());
    let indicators = RwSignal::new(objective.indicators.clone());
    let cadence = RwSignal::new(objective.cadence.key().to_string());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let oid = Id::fixed(objective.id.clone());
    let stem = format!("obj-{}", objective.id);
    // Whether the saved objective has no indicators yet (not the field being typed in).
    let bare = {
        let (eid, oid) = (id.clone(), oid.clone());
        Memo::new(move |_| {
            store.doc.with(|d| {
                d.as_ref()
                    .and_then(|d| d.executive.engagement(&eid))
                    .and_then(|e| e.objective(&oid))
                    .is_some_and(|o| !o.has_indicators())
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = Cadence::from_key(&cadence.get_untracked()).unwrap_or_default();
        match edit_engagement(store, &id, |e| {
            e.edit_objective(&oid, &title.get_untracked(), &indicators.get_untracked(), c)
        }) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let name = objective.title.clone();
    let rid = objective.id.clone();
    view! {
        <li class="objective">
            <form on:submit=submit novalidate aria-label=format!("Objective: {}", objective.title)>
                <label for=format!("{stem}-title")>"Objective"</label>
                <input id=format!("{stem}-title") type="text" maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <label for=format!("{stem}-indicators")>"Indicators of success"</label>
                <textarea id=format!("{stem}-indicators") rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || indicators.get() on:input=move |ev| indicators.set(event_target_value(&ev))></textarea>
                {move || bare.get().then(|| view! { <p class="flag-line">"No indicators of success yet."</p> })}
                <label for=format!("{stem}-cadence")>"Monitored"</label>
                <select id=format!("{stem}-cadence") prop:value=move || cadence.get() on:change=move |ev| cadence.set(event_target_value(&ev))>
                    {Cadence::ALL.into_iter().map(|c| view! { <option value=c.key() selected=move || cadence.with(|x| x == c.key())>{c.label()}</option> }).collect_view()}
                </select>
                <FieldError error/>
                <div class="actions">
                    <button type="submit">"Save"<span class="visually-hidden">{format!(" the objective {}", objective.title)}</span></button>
                    <ConfirmRemove id=format!("{stem}-remove") open=confirming name=name.clone()
                        question=format!("Remove the objective \u{201c}{name}\u{201d}, with its action steps and progress checks?")
                        on_yes=move |()| remove.run(rid.clone())/>
                </div>
                {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        </li>
    }
}

#[component]
fn AddObjective(id: Id) -> impl IntoView {
    let store = use_store();
    let title = RwSignal::new(String::new());
    let indicators = RwSignal::new(String::new());
    let cadence = RwSignal::new(Cadence::Monthly.key().to_string());
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = Cadence::from_key(&cadence.get_untracked()).unwrap_or_default();
        let t = title.get_untracked();
        match edit_engagement(store, &id, |e| {
            e.add_objective(new_id(), &t, &indicators.get_untracked(), c)
        }) {
            Ok(()) => {
                error.set(None);
                title.set(String::new());
                indicators.set(String::new());
                added.set(Some(format!("Objective added: {}.", t.trim())));
                browser::focus_id("new-objective-title");
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("new-objective-title");
            }
        }
    };
    view! {
        <form class="add-objective" on:submit=submit novalidate aria-labelledby="add-objective-title">
            <h4 id="add-objective-title">"Add a key objective"</h4>
            <label for="new-objective-title">"Objective"</label>
            <input id="new-objective-title" type="text" maxlength=MAX_NAME_CHARS.to_string()
                prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then_some("new-objective-error")/>
            <FieldError id="new-objective-error" error quiet=true/>
            <label for="new-objective-indicators">"Indicators of success"</label>
            <textarea id="new-objective-indicators" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || indicators.get() on:input=move |ev| indicators.set(event_target_value(&ev))></textarea>
            <label for="new-objective-cadence">"Monitored"</label>
            <select id="new-objective-cadence" prop:value=move || cadence.get() on:change=move |ev| cadence.set(event_target_value(&ev))>
                {Cadence::ALL.into_iter().map(|c| view! { <option value=c.key() selected=move || cadence.with(|x| x == c.key())>{c.label()}</option> }).collect_view()}
            </select>
            <button type="submit">"Add objective"</button>
            {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </form>
    }
}

/// The areas of focus, and the norms and expectations of the relationship.
#[component]
fn Focus(id: Id) -> impl IntoView {
    let store = use_store();
    let (f0, n0) = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&id))
            .map(|e| (e.focus_areas.clone(), e.norms.clone()))
            .unwrap_or_default()
    });
    let focus = RwSignal::new(f0);
    let norms = RwSignal::new(n0);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match edit_engagement(store, &id, |e| {
            e.set_focus(&focus.get_untracked(), &norms.get_untracked())
        }) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    view! {
        <form on:submit=submit novalidate aria-labelledby="focus-title">
            <h3 id="focus-title">"Focus and norms"</h3>
            <label for="focus-areas">"Areas of focus for coaching"</label>
            <textarea id="focus-areas" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || focus.get() on:input=move |ev| focus.set(event_target_value(&ev))></textarea>
            <label for="focus-norms">"Norms and expectations of the coaching relationship"</label>
            <textarea id="focus-norms" rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || norms.get() on:input=move |ev| norms.set(event_target_value(&ev))></textarea>
            <FieldError error/>
            <button type="submit">"Save"<span class="visually-hidden">" the focus and norms"</span></button>
            {move || saved.get().map(|m| view! { <span class="ok" role="status">{m}</span> })}
        </form>
    }
}
