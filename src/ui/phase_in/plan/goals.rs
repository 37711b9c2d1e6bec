//! The readiness plan's goals panel: each goal raises one criterion from its baseline level
//! to a target; goals can be edited, removed (with undo) and added for an open criterion.

use super::{criterion_name, edit_plan, new_id};
use crate::domain::district::Extra;
use crate::domain::phase_in::readiness_plan::{Goal, MAX_GOALS};
use crate::domain::readiness::level_label;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::use_snapshot;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct GoalView {
    id: String,
    criterion: String,
    baseline: u8,
    target: u8,
    text: String,
}

#[component]
pub(super) fn Goals(school: Id) -> impl IntoView {
    let store = use_store();
    let snap = use_snapshot();
    let sid = school.clone();
    let goals = Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            d.phase_in
                .plan(&sid)
                .map(|p| {
                    p.goals
                        .iter()
                        .map(|g| GoalView {
                            id: g.id.to_string(),
                            criterion: criterion_name(d, &g.criterion_id),
                            baseline: g.baseline,
                            target: g.target,
                            text: g.text.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let sid = school.clone();
    let baseline = Memo::new(move |_| {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let id = d.phase_in.plan(&sid)?.baseline_round.clone()?;
            d.readiness
                .round(&id)
                .map(|r| format!("{} ({})", r.label, r.date))
        })
    });
    let sid = school.clone();
    // Criteria of the current framework that have no goal yet: (id, name).
    let open = Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            let Some(plan) = d.phase_in.plan(&sid) else {
                return Vec::new();
            };
            d.readiness
                .current()
                .criteria
                .iter()
                .filter(|c| !plan.goals.iter().any(|g| g.criterion_id == c.id))
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let undo = RwSignal::new(None::<(usize, Goal, String)>);
    let chosen = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let sid = school.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let gate = snap.with_untracked(|s| s.gate);
        let criterion = {
            let c = chosen.get_untracked();
            if c.is_empty() {
                open.with_untracked(|o| o.first().map(|(id, _)| id.clone()))
                    .unwrap_or_default()
            } else {
                c
            }
        };
        if criterion.is_empty() {
            add_error.set(Some("Choose a criterion for the goal.".into()));
            return;
        }
        let mut name = String::new();
        let result = store.try_edit(|d| {
            name = criterion_name(d, &criterion);
            // The criterion's agreed level in the baseline round; 0 if it was not rated.
            let base = d
                .phase_in
                .plan(&sid)
                .and_then(|p| p.baseline_round.as_ref())
                .and_then(|id| d.readiness.round(id))
                .and_then(|r| {
                    let f = d.readiness.framework_of(r)?;
                    let i = f.criteria.iter().position(|c| c.id == criterion)?;
                    Some(r.agreed(i))
                })
                .unwrap_or(0);
            let target = (base + 1).max(gate + 1).clamp(1, 4);
            let text = if base == 0 {
                format!("Bring {name} to {}.", level_label(target))
            } else {
                format!(
                    "Move {name} from {} to {}.",
                    level_label(base),
                    level_label(target)
                )
            };
            let goal = Goal {
                id: new_id(),
                criterion_id: criterion.clone(),
                baseline: base,
                target,
                text,
                extra: Extra::new(),
            };
            d.phase_in
                .plan_mut(&sid)
                .ok_or_else(|| "This school has no readiness plan any more.".to_string())?
                .add_goal(goal)
        });
        match result {
            Ok(()) => {
                add_error.set(None);
                chosen.set(String::new());
                added.set(Some(format!("Goal for {name} added.")));
                request_animation_frame(move || {
                    let more = open.with_untracked(|o| !o.is_empty())
                        && goals.with_untracked(Vec::len) < MAX_GOALS;
                    browser::focus_id(if more {
                        "add-goal-criterion"
                    } else {
                        "goals-title"
                    });
                });
            }
            Err(e) => add_error.set(Some(e)),
        }
    };
    let sid = school.clone();
    let restore = Callback::new(move |()| {
        if let Some((at, goal, _)) = undo.get_untracked() {
            let _ = edit_plan(store, &sid, |p| {
                if p.goals.iter().any(|g| g.criterion_id == goal.criterion_id) {
                    return Err("The plan already has a goal for that criterion.".into());
                }
                let at = at.min(p.goals.len());
                p.goals.insert(at, goal);
                Ok(())
            });
        }
        undo.set(None);
        browser::focus_id("goals-title");
    });
    let on_removed = Callback::new(move |(at, goal, name): (usize, Goal, String)| {
        added.set(None);
        undo.set(Some((at, goal, name)));
        request_animation_frame(|| browser::focus_id("goals-undo"));
    });
    view! {
        <section class="panel" aria-labelledby="goals-title">
            <h2 id="goals-title" tabindex="-1">"Goals"</h2>
            <p>{move || match baseline.get() {
                Some(b) => format!("Each goal raises one criterion from its level in the baseline round, {b}, to a target level. Progress is measured against that round."),
                None => "This plan has no baseline round: goals come from the school\u{2019}s first complete readiness round. Until then you can add goals by hand.".to_string(),
            }}</p>
            {move || undo.get().map(|(_, _, name)| view! {
                <UndoNotice id="goals-undo" message=format!("Goal for {name} removed.") on_undo=restore/>
            })}
            {move || goals.with(Vec::is_empty).then(|| view! { <p>"No goals yet."</p> })}
            <ol class="goal-list">
                <For each=move || goals.get() key=|g| g.id.clone() let:g>
                    <GoalItem school=school.clone() goal_id=g.id.clone() goals=goals on_removed=on_removed/>
                </For>
            </ol>
            <h3 id="add-goal-title">"Add a goal"</h3>
            {move || {
                let list = open.get();
                if goals.with(Vec::len) >= MAX_GOALS {
                    view! { <p>{format!("A plan can have {MAX_GOALS} goals at most.")}</p> }.into_any()
                } else if list.is_empty() {
                    view! { <p>"Every criterion of the framework already has a goal."</p> }.into_any()
                } else {
                    view! {
                        <form class="inline-form" on:submit=add.clone() novalidate aria-labelledby="add-goal-title">
                            <div class="field">
                                <label for="add-goal-criterion">"Criterion"</label>
                                <select id="add-goal-criterion"
                                    aria-invalid=move || add_error.with(Option::is_some).then_some("true")
                                    aria-describedby=move || add_error.with(Option::is_some).then_some("add-goal-error")
                                    on:change=move |ev| chosen.set(event_target_value(&ev))>
                                    {list.into_iter().map(|(id, name)| {
                                        let selected = chosen.get_untracked() == id;
                                        view! { <option value=id selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit">"Add goal"</button>
                        </form>
                    }.into_any()
                }
            }}
            <FieldError id="add-goal-error" error=add_error/>
            {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}

#[component]
fn GoalItem(
    school: Id,
    goal_id: String,
    goals: Memo<Vec<GoalView>>,
    on_removed: Callback<(usize, Goal, String)>,
) -> impl IntoView {
    let store = use_store();
    let gid = goal_id.clone();
    let goal = Memo::new(move |_| goals.with(|g| g.iter().find(|g| g.id == gid).cloned()));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let name = move || goal.with(|g| g.as_ref().map(|g| g.criterion.clone()).unwrap_or_default());
    let text_id = format!("goal-{goal_id}-text");
    let target_id = format!("goal-{goal_id}-target");
    let error_id = format!("goal-{goal_id}-error");
    let title_id = format!("goal-{goal_id}-title");
    let (sid1, sid2, sid3) = (school.clone(), school.clone(), school);
    let (g1, g2, g3) = (
        Id::fixed(goal_id.clone()),
        Id::fixed(goal_id.clone()),
        Id::fixed(goal_id.clone()),
    );
    let save_text = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if goal.with_untracked(|g| g.as_ref().is_some_and(|g| g.text == value.trim())) {
            return;
        }
        match edit_plan(store, &sid1, |p| p.set_goal_text(&g1, &value)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Goal saved.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let save_target = move |ev: leptos::ev::Event| {
        let level: u8 = event_target_value(&ev).parse().unwrap_or(0);
        match edit_plan(store, &sid2, |p| p.set_goal_target(&g2, level)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some(format!("Target set to {}.", level_label(level))));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let remove = move |()| {
        let mut removed = None;
        let _ = edit_plan(store, &sid3, |p| {
            removed = p.remove_goal(&g3);
            Ok(())
        });
        if let Some((at, g)) = removed {
            on_removed.run((at, g, name()));
        }
    };
    let (eid1, eid2) = (error_id.clone(), error_id.clone());
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <li class="goal">
            <h3 id=title_id>{name}</h3>
            <p class="goal-levels">{move || goal.with(|g| g.as_ref().map(|g| format!(
                "Baseline {} \u{2192} target {}", level_label(g.baseline), level_label(g.target)
            )).unwrap_or_default())}</p>
            <div class="goal-fields">
                <div class="field goal-text">
                    <label for=text_id.clone()>"Goal"<span class="visually-hidden">{move || format!(" for {}", name())}</span></label>
                    <textarea id=text_id rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                        prop:value=move || goal.with(|g| g.as_ref().map(|g| g.text.clone()).unwrap_or_default())
                        aria-invalid=invalid
                        aria-describedby=move || error.with(Option::is_some).then(|| eid1.clone())
                        on:change=save_text></textarea>
                </div>
                <div class="field narrow-ish">
                    <label for=target_id.clone()>"Target level"<span class="visually-hidden">{move || format!(" for {}", name())}</span></label>
                    <select id=target_id
                        aria-describedby=move || error.with(Option::is_some).then(|| eid2.clone())
                        on:change=save_target>
                        {(1..=4u8).map(|l| view! {
                            <option value=l.to_string()
                                selected=move || goal.with(|g| g.as_ref().is_some_and(|g| g.target == l))>
                                {level_label(l)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <FieldError id=error_id error/>
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            <div class="row-actions">
                <ConfirmRemove id=format!("goal-{goal_id}-remove") label="Remove goal" name=name
                    question=move || format!("Remove the goal for {}?", name())
                    on_yes=remove/>
            </div>
        </li>
    }
}
