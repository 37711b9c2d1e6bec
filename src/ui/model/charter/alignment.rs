//! Alignment: the district's goals and existing initiatives, each with the outcomes that
//! serve it; gaps are flagged both ways.

use super::super::{edit_draft, new_id, removal, Removal};
use crate::domain::district::Extra;
use crate::domain::model::charter::{gaps, MAX_LINE_CHARS};
use crate::domain::model::{Goal, GoalKind};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct View {
    goals: Vec<Goal>,
    outcomes: Vec<(Id, String)>,
    /// Outcomes that serve no goal, by title.
    idle: Vec<String>,
    /// Goals no outcome serves.
    unserved: Vec<Id>,
}

#[component]
pub(super) fn Alignment() -> impl IntoView {
    let store = use_store();
    let v = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map(|d| {
                let c = &d.model.draft;
                let g = gaps(c);
                View {
                    goals: c.goals.clone(),
                    outcomes: c
                        .outcomes
                        .iter()
                        .map(|o| (o.id.clone(), o.title.clone()))
                        .collect(),
                    idle: g
                        .outcomes
                        .iter()
                        .filter_map(|id| c.outcome(id).map(|o| o.title.clone()))
                        .collect(),
                    unserved: g.goals,
                }
            })
        })
    });
    let kind = RwSignal::new(GoalKind::Goal);
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let link_error = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.draft.goals,
        "goal-undo",
        "alignment-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let g = Goal {
            id: new_id(),
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            served_by: Vec::new(),
            extra: Extra::new(),
        };
        match edit_draft(store, |c| c.put_goal(g)) {
            Ok(()) => {
                error.set(None);
                title.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
        browser::focus_id("goal-title");
    };
    view! {
        <section class="panel" aria-labelledby="alignment-title">
            <h2 id="alignment-title" tabindex="-1">"Alignment with district goals and initiatives"</h2>
            <p class="hint">"Tick the outcomes that serve each goal or initiative. An outcome that serves nothing, or a goal nothing serves, is flagged."</p>
            {move || removed.get().map(|(_, g)| view! {
                <UndoNotice id="goal-undo" on_undo=undo message=format!("\u{201c}{}\u{201d} removed.", g.title)/>
            })}
            {move || v.get().map(|v| {
                let n = v.idle.len() + v.unserved.len();
                (n > 0).then(|| view! {
                    <div class="flag-line" role="note">
                        <p><strong>{format!("{} in the alignment", crate::domain::text::plural(n, "gap", "gaps"))}</strong></p>
                        <ul class="flag-list">
                            {v.goals.iter().filter(|g| v.unserved.contains(&g.id)).map(|g| view! {
                                <li>{format!("No outcome serves \u{201c}{}\u{201d}.", g.title)}</li>
                            }).collect_view()}
                            {v.idle.iter().map(|t| view! { <li>{format!("The outcome \u{201c}{t}\u{201d} serves no goal.")}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            })}
            <FieldError error=link_error/>
            <ul class="plain goals">
                <For each=move || v.with(|v| v.as_ref().map(|v| v.goals.clone()).unwrap_or_default()) key=|g| (g.id.clone(), g.title.clone(), g.kind) let:g>
                    {
                        let gid = g.id.to_string();
                        let name = g.title.clone();
                        let goal = g.id.clone();
                        let gap = {
                            let goal = goal.clone();
                            move || v.with(|v| v.as_ref().is_some_and(|v| v.unserved.contains(&goal)))
                        };
                        let flagged = gap.clone();
                        view! {
                            <li class="goal" class:flagged=flagged>
                                <fieldset>
                                    <legend><span class="small">{g.kind.label()}</span>" "{g.title.clone()}
                                        {move || gap().then(|| view! { <span class="tag gated-tag">"No outcome serves it"</span> })}</legend>
                                    {move || {
                                        let goal = goal.clone();
                                        v.with(|v| v.as_ref().map(|v| v.outcomes.clone()).unwrap_or_default()).into_iter().map(|(oid, otitle)| {
                                            let goal = goal.clone();
                                            let checked = {
                                                let (goal, oid) = (goal.clone(), oid.clone());
                                                move || v.with(|v| v.as_ref().is_some_and(|v| v.goals.iter().any(|g| g.id == goal && g.served_by.contains(&oid))))
                                            };
                                            let box_id = format!("serves-{}-{}", goal, oid);
                                            view! {
                                                <p class="check">
                                                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                                                        on:change=move |ev| {
                                                            let on = event_target_checked(&ev);
                                                            link_error.set(edit_draft(store, |c| c.set_serves(&goal, &oid, on)).err());
                                                        }/>
                                                    <label for=box_id>{otitle}</label>
                                                </p>
                                            }
                                        }).collect_view()
                                    }}
                                </fieldset>
                                <ConfirmRemove id=format!("goal-{gid}-remove") open=confirming name=name.clone()
                                    question=format!("Remove \u{201c}{name}\u{201d}?") verb=Verb::Remove
                                    on_yes=move |()| remove.run(gid.clone())/>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="inline-form" on:submit=add novalidate aria-labelledby="goal-form-title">
                <h3 id="goal-form-title" class="visually-hidden">"Add a goal or an initiative"</h3>
                <div class="field narrow">
                    <label for="goal-kind">"Kind"</label>
                    <select id="goal-kind" prop:value=move || kind.get().key() on:change=move |ev| kind.set(if event_target_value(&ev) == "initiative" { GoalKind::Initiative } else { GoalKind::Goal })>
                        <option value="goal" selected={kind.get_untracked() == GoalKind::Goal}>{GoalKind::Goal.label()}</option>
                        <option value="initiative" selected={kind.get_untracked() == GoalKind::Initiative}>{GoalKind::Initiative.label()}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="goal-title">"Goal or initiative"</label>
                    <input id="goal-title" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("goal-error")/>
                </div>
                <button type="submit">"Add"<span class="visually-hidden">" the goal or initiative"</span></button>
            </form>
            <FieldError id="goal-error" error/>
        </section>
    }
}
