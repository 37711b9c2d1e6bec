//! The brief's schools that wait, and their readiness plans: each plan as the brief tells
//! it (also one line of the CSV).

use super::plan_order;
use crate::domain::phase_in::Progress;
use crate::domain::readiness::level_label;
use crate::domain::text::plural;
use crate::domain::Document;
use crate::ui::phase_in::plan::{criterion_name, progress_words, status_summary};
use crate::ui::phase_in::view_model::{once_ready_text, year_text, SchoolRow, Snapshot};
use leptos::prelude::*;
use std::collections::HashMap;

/// A readiness plan, as the brief tells it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlanBrief {
    /// (criterion name, baseline, target).
    goals: Vec<(String, u8, u8)>,
    actions: String,
    coach: String,
    reassess_on: String,
    progress_class: &'static str,
    progress_head: &'static str,
    progress_text: String,
    reasons: Vec<String>,
}

impl PlanBrief {
    /// One line for the CSV.
    pub(super) fn line(&self) -> String {
        let mut parts = vec![plural(self.goals.len(), "goal", "goals")];
        parts.push(self.actions.clone());
        if !self.coach.is_empty() {
            parts.push(format!("leadership coach {}", self.coach));
        }
        if !self.reassess_on.is_empty() {
            parts.push(format!("re-assessment {}", self.reassess_on));
        }
        parts.push(self.progress_head.to_string());
        parts.join("; ")
    }
}

/// Each school's principal and their executive coaching, in a sentence.
pub(super) fn coaching(d: &Document) -> HashMap<String, String> {
    d.schools
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                crate::domain::executive::report::coaching_sentence(d, &s.id),
            )
        })
        .collect()
}

pub(super) fn plan_briefs(d: &Document, gate: u8) -> HashMap<String, PlanBrief> {
    d.phase_in
        .plans
        .iter()
        .map(|p| {
            let progress = p.progress(&d.readiness, gate);
            let (class, head, sentence) = progress_words(&progress, &p.reassess_on);
            let reasons = match &progress {
                Progress::NotYet { reasons, .. } => reasons.clone(),
                _ => Vec::new(),
            };
            (
                p.school_id.to_string(),
                PlanBrief {
                    goals: p
                        .goals
                        .iter()
                        .map(|g| (criterion_name(d, &g.criterion_id), g.baseline, g.target))
                        .collect(),
                    actions: status_summary(&p.actions),
                    coach: p.leadership_coach.clone(),
                    reassess_on: p.reassess_on.clone(),
                    progress_class: class,
                    progress_head: head,
                    progress_text: sentence,
                    reasons,
                },
            )
        })
        .collect()
}

#[component]
pub(super) fn Deferred(
    s: Snapshot,
    plans: HashMap<String, PlanBrief>,
    coaching: HashMap<String, String>,
) -> impl IntoView {
    let rows: Vec<SchoolRow> = plan_order(&s)
        .into_iter()
        .map(|i| s.rows[i].clone())
        .filter(|r| r.needs_plan)
        .collect();
    let count = rows.len();
    let with_plan = rows.iter().filter(|r| plans.contains_key(&r.id)).count();
    view! {
        <section aria-labelledby="b-deferred" data-testid="brief-deferred">
            <h2 id="b-deferred">"Schools that wait, and their readiness plans"</h2>
            <p>{format!(
                "{} below the gate, not assessed yet or self-selected out; {} a readiness plan. Ready schools that wait only for a place in a later year need none.",
                plural(count, "school is", "schools are"),
                plural(with_plan, "has", "have"),
            )}</p>
            <div class="deferred-list">
                {rows.into_iter().map(|r| {
                    let plan = plans.get(&r.id).cloned();
                    view! {
                        <div class="deferred">
                            <h3>{r.name.clone()}</h3>
                            <p><strong>{year_text(r.year)}</strong>{format!(": {}", r.why)}</p>
                            <p>{once_ready_text(&r)}</p>
                            <p class="brief-coaching">{coaching.get(&r.id).cloned().unwrap_or_default()}</p>
                            <p class="no-print"><a href=format!("/phase-in/plans/{}", r.id)>{if plan.is_some() {
                                format!("Open the readiness plan for {}", r.name)
                            } else {
                                format!("Start a readiness plan for {}", r.name)
                            }}</a></p>
                            {match plan {
                                None => view! { <p class="no-plan">"No readiness plan yet."</p> }.into_any(),
                                Some(p) => view! {
                                    <dl class="facts brief-plan">
                                        <dt>"Goals"</dt>
                                        <dd>{if p.goals.is_empty() {
                                            view! { "None yet" }.into_any()
                                        } else {
                                            view! { <ul>{p.goals.iter().map(|(n, b, t)| view! {
                                                <li>{format!("{n}: {} \u{2192} {}", level_label(*b), level_label(*t))}</li>
                                            }).collect_view()}</ul> }.into_any()
                                        }}</dd>
                                        <dt>"Actions"</dt>
                                        <dd>{p.actions.clone()}</dd>
                                        <dt>"Leadership coach"</dt>
                                        <dd>{if p.coach.is_empty() { "Not named yet".to_string() } else { p.coach.clone() }}</dd>
                                        <dt>"Re-assessment"</dt>
                                        <dd>{if p.reassess_on.is_empty() { "No date yet".to_string() } else { p.reassess_on.clone() }}</dd>
                                        <dt>"Progress"</dt>
                                        <dd class=format!("plan-state-text {}", p.progress_class)>
                                            <strong>{p.progress_head}</strong>{format!(": {}", p.progress_text)}
                                            {(!p.reasons.is_empty()).then(|| view! {
                                                <ul>{p.reasons.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                                            })}
                                        </dd>
                                    </dl>
                                }.into_any(),
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
