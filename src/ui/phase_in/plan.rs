//! `/phase-in/plans/:school`: the readiness plan of a school that is not placed in year 1,
//! or is gated: goals drawn from its weakest criteria, actions with owners, due dates and
//! check-ins, a leadership coach for the principal, a re-assessment date, and whether a
//! later round shows the school ready for the next cohort.

use crate::domain::district::Extra;
use crate::domain::phase_in::readiness_plan::{
    suggest_goals, Action, CheckIn, Goal, Status, MAX_GOALS,
};
use crate::domain::phase_in::{rank, Progress, ReadinessPlan};
use crate::domain::readiness::level_label;
use crate::domain::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::{Document, Id};
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::{
    gate_text, once_ready_text, use_snapshot, year_text, SchoolRow,
};
use crate::ui::platform::browser;
use crate::ui::store::Store;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// "3 actions: 1 done, 1 at risk, 1 not started", or "No actions yet".
pub fn status_summary(actions: &[Action]) -> String {
    if actions.is_empty() {
        return "No actions yet".to_string();
    }
    let parts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = actions.iter().filter(|a| a.status() == *s).count();
            (n > 0).then(|| format!("{n} {}", s.label().to_lowercase()))
        })
        .collect();
    format!(
        "{} {}: {}",
        actions.len(),
        if actions.len() == 1 {
            "action"
        } else {
            "actions"
        },
        parts.join(", ")
    )
}

/// The name of a goal's criterion in the current framework (or its ID, if it has gone).
pub fn criterion_name(d: &Document, criterion: &str) -> String {
    d.readiness
        .current()
        .criterion(criterion)
        .map(|c| c.name.clone())
        .or_else(|| {
            d.readiness
                .frameworks
                .iter()
                .rev()
                .find_map(|f| f.criterion(criterion).map(|c| c.name.clone()))
        })
        .unwrap_or_else(|| criterion.to_string())
}

/// A status as words with a subtle badge (the words carry the meaning, not the colour).
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("status-badge {}", status.key())>{status.label()}</span> }
}

/// The plan's progress in words, for this page and the brief.
pub fn progress_words(p: &Progress, reassess_on: &str) -> (&'static str, &'static str, String) {
    match p {
        Progress::AwaitingReassessment => (
            "awaiting",
            "Awaiting re-assessment",
            if reassess_on.is_empty() {
                "Set a re-assessment date, then run a readiness round to measure progress."
                    .to_string()
            } else {
                format!("Re-assess on {reassess_on} to measure progress.")
            },
        ),
        Progress::NotYet { round_label, .. } => (
            "not-yet",
            "Not yet eligible",
            format!("{round_label} shows progress still to make:"),
        ),
        Progress::Eligible { round_label, .. } => (
            "eligible",
            "Eligible for the next cohort",
            format!("{round_label} passes the gate and every goal\u{2019}s criterion improved."),
        ),
    }
}

fn new_id() -> Id {
    Id::from_random_bytes(browser::random_bytes())
}

/// Apply `f` to the school's plan; the error is a sentence for the person.
fn edit_plan(
    store: Store,
    school: &Id,
    f: impl FnOnce(&mut ReadinessPlan) -> Result<(), String>,
) -> Result<(), String> {
    store.try_edit(|d| {
        let plan = d
            .phase_in
            .plan_mut(school)
            .ok_or_else(|| "This school has no readiness plan any more.".to_string())?;
        f(plan)
    })
}

#[derive(Clone, Debug, PartialEq)]
struct GoalView {
    id: String,
    criterion: String,
    baseline: u8,
    target: u8,
    text: String,
}

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

#[component]
pub fn PhaseInPlanPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let school_id = Memo::new(move |_| params.read().get("school").unwrap_or_default());
    let snap = use_snapshot();
    let row = Memo::new(move |_| snap.with(|s| s.row(&school_id.get()).cloned()));
    // The page's frame only changes with the school, so forms below keep their state.
    let school =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| (r.id.clone(), r.name.clone()))));
    let has_plan = Memo::new(move |_| {
        let id = Id::fixed(school_id.get());
        store
            .doc
            .with(|d| d.as_ref().is_some_and(|d| d.phase_in.plan(&id).is_some()))
    });
    move || match school.get() {
        None => view! {
            <Title text="School not found \u{b7} Readyboard"/>
            <h1>"School not found"</h1>
            <p>"There is no school at this address in this district. It may have been removed."</p>
            <p><a href="/phase-in">"Back to the phase-in plan"</a></p>
        }
        .into_any(),
        Some((id, name)) => {
            let sid = Id::fixed(id.clone());
            let crumbs = vec![
                ("Phase-in plan".to_string(), "/phase-in".to_string()),
                (name.clone(), format!("/readiness/{id}")),
                (
                    "Readiness plan".to_string(),
                    format!("/phase-in/plans/{id}"),
                ),
            ];
            let sid_body = sid.clone();
            view! {
                <Title text=format!("{name}: readiness plan \u{b7} Readyboard")/>
                <Crumbs trail=crumbs/>
                <h1>{format!("{name}: readiness plan")}</h1>
                <Context row=row/>
                {move || {
                    let sid = sid_body.clone();
                    if has_plan.get() {
                        view! {
                            <ProgressPanel school=sid.clone()/>
                            <Goals school=sid.clone()/>
                            <Actions school=sid.clone()/>
                            <CheckIns school=sid.clone()/>
                            <div class="plan-support">
                                <CoachPanel school=sid.clone()/>
                                <ReassessPanel school=sid.clone()/>
                            </div>
                        }
                        .into_any()
                    } else {
                        view! { <StartPlan school=sid row=row/> }.into_any()
                    }
                }}
            }
            .into_any()
        }
    }
}

/// Where the school stands: its year, why, its latest round and what holds it at the gate.
#[component]
fn Context(row: Memo<Option<SchoolRow>>) -> impl IntoView {
    let snap = use_snapshot();
    move || {
        row.get().map(|r| {
            let gate = snap.with(|s| s.gate);
            let latest = match (&r.round_label, r.index) {
                (Some(l), Some(i)) => format!("{l}: readiness index {i} of 100"),
                _ => "No complete readiness round yet".to_string(),
            };
            let href = format!("/readiness/{}", r.id);
            view! {
                <section class="panel" aria-labelledby="context-title">
                    <h2 id="context-title">"Where the school stands"</h2>
                    <dl class="facts plan-facts">
                        <dt>"Placement"</dt>
                        <dd data-testid="plan-placement">
                            <strong>{year_text(r.year)}</strong>
                            {(!r.why.is_empty()).then(|| format!(" \u{2014} {}", r.why))}
                        </dd>
                        <dt>"Latest round"</dt>
                        <dd>{latest}</dd>
                        <dt>"At the gate"</dt>
                        <dd>{if r.gated.is_empty() {
                            if r.index.is_some() {
                                format!("None: every criterion is above the gate ({}).", gate_text(gate))
                            } else {
                                "Not known until the school has a complete round.".to_string()
                            }
                        } else {
                            format!("{} (gate {}).", r.gated.join("; "), gate_text(gate))
                        }}</dd>
                        {r.opted_out.clone().map(|o| view! {
                            <dt>"Self-selected out"</dt>
                            <dd>{o}</dd>
                        })}
                    </dl>
                    <p><a href=href>{format!("{}: readiness rounds and trend", r.name)}</a></p>
                </section>
            }
        })
    }
}

/// The year school `id` would move to once ready, under the adopted plan.
fn once_ready_of(id: &str) -> Option<crate::domain::phase_in::OnceReady> {
    let store = use_store();
    store.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        let r = rank(d, &d.phase_in.settings);
        let i = r.find(&Id::fixed(id))?;
        Some(crate::domain::phase_in::year_once_ready(&r, &d.phase_in, i))
    })
}

/// No plan yet: what a plan is, and the button that starts one.
#[component]
fn StartPlan(school: Id, row: Memo<Option<SchoolRow>>) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let needs = move || row.with(|r| r.as_ref().is_some_and(|r| r.needs_plan));
    let assessed = move || row.with(|r| r.as_ref().is_some_and(SchoolRow::is_assessed));
    let start = move |_| {
        let now = browser::now_iso();
        let result = store.try_edit(|d| {
            if d.phase_in.plan(&school).is_some() {
                return Err("This school already has a readiness plan.".into());
            }
            let (baseline, goals) = {
                let r = rank(d, &d.phase_in.settings);
                let i = r
                    .find(&school)
                    .ok_or_else(|| "This school is no longer in the district.".to_string())?;
                let s = &r.standings[i];
                let baseline = s.readiness.as_ref().map(|a| a.round_id.clone());
                (baseline, suggest_goals(s, &d.readiness, r.gate, new_id))
            };
            d.phase_in
                .plans
                .push(ReadinessPlan::new(school.clone(), baseline, goals, &now));
            Ok(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                request_animation_frame(|| browser::focus_id("goals-title"));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="start-title">
            <h2 id="start-title">"No readiness plan yet"</h2>
            <p>"A readiness plan is for a school that is not ready for a coach: below the gate, not assessed yet, or self-selected out. During year 1 the school\u{2019}s leadership works with the coach champion on goals drawn from its weakest criteria, with actions, owners and regular check-ins, and the principal works with a leadership coach."</p>
            {move || row.with(|r| r.as_ref().map(|r| if r.needs_plan {
                let mut r = r.clone();
                r.once_ready = once_ready_of(&r.id);
                view! { <p data-testid="once-ready">{once_ready_text(&r)}</p> }.into_any()
            } else {
                view! {
                    <p class="note" data-testid="no-plan-needed">{match r.year {
                        Some(1) => format!("{} is ready for a coach and has its place in year 1 ({}). It needs no readiness plan.", r.name, r.why),
                        Some(y) => format!("{} is ready for a coach ({}). It needs no readiness plan: it waits only for its place in year {y}.", r.name, r.why),
                        None => format!("{} is ready for a coach ({}), but the plan\u{2019}s years have no place for it: raise a year\u{2019}s capacity. It needs no readiness plan.", r.name, r.why),
                    }}</p>
                }.into_any()
            }))}
            {move || needs().then(|| view! {
                {if assessed() {
                    view! { <p>"The plan starts with up to three goals suggested from the criteria at or near the gate in the school\u{2019}s latest round. You can change them."</p> }.into_any()
                } else {
                    view! { <p>"This school has no complete readiness round yet, so the plan starts with no goals: goals come from its first round."</p> }.into_any()
                }}
                <button type="button" class="primary" on:click=start.clone()>"Start a readiness plan"</button>
            })}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

/// Is the plan eligible, waiting, or not yet; and the actions' statuses.
#[component]
fn ProgressPanel(school: Id) -> impl IntoView {
    let store = use_store();
    let snap = use_snapshot();
    let state = Memo::new(move |_| {
        let gate = snap.with(|s| s.gate);
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let plan = d.phase_in.plan(&school)?;
            Some((
                plan.progress(&d.readiness, gate),
                plan.reassess_on.clone(),
                status_summary(&plan.actions),
            ))
        })
    });
    move || {
        state.get().map(|(p, reassess, actions)| {
            let (class, head, sentence) = progress_words(&p, &reassess);
            let reasons = match &p {
                Progress::NotYet { reasons, .. } => reasons.clone(),
                _ => Vec::new(),
            };
            view! {
                <section class="panel" aria-labelledby="progress-title">
                    <h2 id="progress-title">"Progress"</h2>
                    <div class=format!("plan-state {class}") data-testid="plan-progress">
                        <p><strong>{head}</strong>{format!(": {sentence}")}</p>
                        {(!reasons.is_empty()).then(|| view! {
                            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        })}
                    </div>
                    <p>{format!("{actions}.")}</p>
                </section>
            }
        })
    }
}

#[component]
fn Goals(school: Id) -> impl IntoView {
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
    let restore = move |_| {
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
    };
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
                <div class="undo" role="status">
                    <p>{format!("Goal for {name} removed.")}</p>
                    <button id="goals-undo" type="button" on:click=restore.clone()>"Undo"</button>
                </div>
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
            {move || add_error.get().map(|e| view! { <p id="add-goal-error" class="field-error" role="alert">{e}</p> })}
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
    let confirming = RwSignal::new(false);
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
    let remove = move |_| {
        let mut removed = None;
        let _ = edit_plan(store, &sid3, |p| {
            removed = p.remove_goal(&g3);
            Ok(())
        });
        confirming.set(false);
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
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="field-error" role="alert">{e}</p> })}
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            <div class="row-actions">
                {move || if confirming.get() {
                    view! {
                        <span class="confirm-inline" role="group" aria-label=format!("Remove the goal for {}?", name())>
                            <span>"Remove this goal?"</span>
                            <button type="button" class="danger" on:click=remove.clone()>"Yes, remove"</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                            "Remove goal\u{2026}"<span class="visually-hidden">{format!(" {}", name())}</span>
                        </button>
                    }.into_any()
                }}
            </div>
        </li>
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
fn Actions(school: Id) -> impl IntoView {
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
        confirming.set(None);
        added.set(None);
        undo.set(removed);
        request_animation_frame(|| browser::focus_id("actions-undo"));
    });
    let sid = school.clone();
    let restore = move |_| {
        if let Some((at, action)) = undo.get_untracked() {
            let _ = edit_plan(store, &sid, |p| {
                p.restore_action(at, action);
                Ok(())
            });
        }
        undo.set(None);
        browser::focus_id("actions-title");
    };
    let field = move |i: usize| move || errors.with(|e| e[i].clone());
    let invalid = move |i: usize| move || errors.with(|e| e[i].is_some()).then_some("true");
    let described =
        move |i: usize, id: &'static str| move || errors.with(|e| e[i].is_some()).then_some(id);
    view! {
        <section class="panel" aria-labelledby="actions-title">
            <h2 id="actions-title" tabindex="-1">"Actions"</h2>
            <p>"What the school will do to reach its goals, who owns each step and by when. An action\u{2019}s status is the status of its latest check-in."</p>
            {move || undo.get().map(|(_, a)| view! {
                <div class="undo" role="status">
                    <p>{format!("Action \u{201c}{}\u{201d} removed.", a.text)}</p>
                    <button id="actions-undo" type="button" on:click=restore.clone()>"Undo"</button>
                </div>
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
                                    let (id_check, id_yes, id_ask) = (a.id.clone(), a.id.clone(), a.id.clone());
                                    let text = a.text.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{a.text.clone()}</th>
                                            <td>{a.owner.clone()}</td>
                                            <td class="nowrap">{a.due.clone()}</td>
                                            <td><StatusBadge status=a.status/></td>
                                            <td class="num">{a.check_ins.len().to_string()}</td>
                                            <td class="row-actions">
                                                {move || if confirming.get().as_deref() == Some(id_check.as_str()) {
                                                    let id = id_yes.clone();
                                                    view! {
                                                        <span class="confirm-inline" role="group" aria-label=format!("Remove \u{201c}{text}\u{201d}?")>
                                                            <span>"Remove this action?"</span>
                                                            <button type="button" class="danger" on:click=move |_| remove.run(id.clone())>"Yes, remove"</button>
                                                            <button type="button" class="secondary" on:click=move |_| confirming.set(None)>"Keep it"</button>
                                                        </span>
                                                    }.into_any()
                                                } else {
                                                    let id = id_ask.clone();
                                                    view! {
                                                        <button type="button" class="secondary" on:click=move |_| confirming.set(Some(id.clone()))>
                                                            "Remove\u{2026}"<span class="visually-hidden">{format!(" {}", text)}</span>
                                                        </button>
                                                    }.into_any()
                                                }}
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
                    {move || field(0)().map(|e| view! { <p id="action-what-error" class="field-error" role="alert">{e}</p> })}
                </div>
                <div class="field">
                    <label for="action-owner">"Owner"</label>
                    <input id="action-owner" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                        prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))
                        aria-invalid=invalid(1) aria-describedby=described(1, "action-owner-error")/>
                    {move || field(1)().map(|e| view! { <p id="action-owner-error" class="field-error" role="alert">{e}</p> })}
                </div>
                <div class="field">
                    <label for="action-due">"Due date"</label>
                    <input id="action-due" type="date"
                        prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))
                        aria-invalid=invalid(2) aria-describedby=described(2, "action-due-error")/>
                    {move || field(2)().map(|e| view! { <p id="action-due-error" class="field-error" role="alert">{e}</p> })}
                </div>
                <button type="submit" class="primary">"Add action"</button>
            </form>
            {move || general.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}

#[component]
fn CheckIns(school: Id) -> impl IntoView {
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
                    <span class="small">{format!("{n} {}", if n == 1 { "check-in" } else { "check-ins" })}</span>
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
            {move || error.get().map(|e| view! { <p id=err_id.clone() class="field-error" role="alert">{e}</p> })}
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </details>
    }
}

#[component]
fn CoachPanel(school: Id) -> impl IntoView {
    let store = use_store();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.phase_in.plan(&school))
            .map(|p| p.leadership_coach.clone())
            .unwrap_or_default()
    });
    let name = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked();
        match edit_plan(store, &school, |p| p.set_leadership_coach(&value)) {
            Ok(()) => {
                error.set(None);
                let v = value.trim().to_string();
                name.set(v.clone());
                saved.set(Some(if v.is_empty() {
                    "Saved: no leadership coach yet.".to_string()
                } else {
                    format!("Saved: {v} works with the principal.")
                }));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
                browser::focus_id("coach-name");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="coach-title">
            <h2 id="coach-title">"Leadership coach for the principal"</h2>
            <p>"The principal works with a leadership coach as another support for the school\u{2019}s readiness."</p>
            <form class="inline-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="coach-name">"Leadership coach"</label>
                    <input id="coach-name" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("coach-error")/>
                </div>
                <button type="submit">"Save"<span class="visually-hidden">" the leadership coach"</span></button>
            </form>
            {move || error.get().map(|e| view! { <p id="coach-error" class="field-error" role="alert">{e}</p> })}
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}

#[component]
fn ReassessPanel(school: Id) -> impl IntoView {
    let store = use_store();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.phase_in.plan(&school))
            .map(|p| p.reassess_on.clone())
            .unwrap_or_default()
    });
    let date = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let href = format!("/readiness/{school}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = date.get_untracked();
        match edit_plan(store, &school, |p| p.set_reassess_on(&value)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some(if value.trim().is_empty() {
                    "Saved: no re-assessment date yet.".to_string()
                } else {
                    format!("Saved: re-assessment on {}.", value.trim())
                }));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
                browser::focus_id("reassess-date");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="reassess-title">
            <h2 id="reassess-title">"Re-assessment"</h2>
            <p>"When the school runs its next readiness round, the plan measures progress against the baseline."</p>
            <form class="inline-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="reassess-date">"Re-assessment date"</label>
                    <input id="reassess-date" type="date"
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("reassess-error")/>
                </div>
                <button type="submit">"Save"<span class="visually-hidden">" the re-assessment date"</span></button>
            </form>
            {move || error.get().map(|e| view! { <p id="reassess-error" class="field-error" role="alert">{e}</p> })}
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            <p><a href=href>"Start the re-assessment round on the school\u{2019}s readiness page"</a></p>
        </section>
    }
}
