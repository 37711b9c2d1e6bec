//! `/phase-in/plans/:school`: the readiness plan of a school that is not placed in year 1,
//! or is gated: goals drawn from its weakest criteria, actions with owners, due dates and
//! check-ins, a leadership coach for the principal, a re-assessment date, and whether a
//! later round shows the school ready for the next cohort.
//!
//! This file holds the page and what its panels share (`status_summary`, `criterion_name`
//! and `progress_words` are also the brief's words). The panels: `standing` (where the
//! school stands, and the plan's progress), `start` (no plan yet), `goals`, `actions` (the
//! actions and their check-ins) and `support` (the leadership coach and the re-assessment).

mod actions;
mod goals;
mod standing;
mod start;
mod support;

use crate::domain::phase_in::readiness_plan::{Action, Status};
use crate::domain::phase_in::{Progress, ReadinessPlan};
use crate::domain::text::plural;
use crate::domain::{Document, Id};
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::not_found::NotFound;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::use_snapshot;
use crate::ui::platform::browser;
use crate::ui::store::Store;
use actions::{Actions, CheckIns};
use goals::Goals;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use standing::{Context, ProgressPanel};
use start::StartPlan;
use support::{CoachPanel, ReassessPanel};

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
        "{}: {}",
        plural(actions.len(), "action", "actions"),
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
    move || {
        match school.get() {
        None => view! {
            <NotFound title="School not found" back_href="/phase-in" back_label="Back to the phase-in plan">
                "There is no school at this address in this district. It may have been removed."
            </NotFound>
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
}
