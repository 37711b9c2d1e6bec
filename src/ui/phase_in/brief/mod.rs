//! `/phase-in/brief`: the decision brief for the superintendent, the principals' council and
//! the teachers' association: the basis of the plan, both rankings, the proposed cohorts,
//! the overrides, what the plan means for the lowest-performing schools, and the readiness
//! plans of the schools that wait. It prints, and the plan downloads as CSV.
//!
//! This file holds the page, the CSV and the helpers its sections share. The sections:
//! `cover` (the champion's cover note), `basis` (the basis of the plan and the two
//! rankings), `cohorts` (the cohorts, the overrides and the lowest-performing schools) and
//! `deferred` (the schools that wait, and their readiness plans).

mod basis;
mod cohorts;
mod cover;
mod deferred;

use crate::domain::phase_in::export::to_csv;
use crate::domain::text;
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::{
    fill_once_ready, gate_text, use_snapshot, SchoolRow, Snapshot,
};
use crate::ui::platform::browser;
use basis::{Basis, Rankings};
use cohorts::{Cohorts, Consequence, Overrides};
use cover::CoverNote;
use deferred::{coaching, plan_briefs, Deferred, PlanBrief};
use leptos::prelude::*;
use leptos_meta::Title;
use std::collections::HashMap;

/// The CSV's columns, in order.
pub const CSV_HEADER: [&str; 13] = [
    "School",
    "Level",
    "Year",
    "Pinned",
    "Rationale",
    "Need place",
    "Proficiency %",
    "Readiness place",
    "Readiness index",
    "Gated criteria",
    "Self-selected out",
    "Why",
    "Readiness plan",
];

/// "Override" or "Pinned" next to a school placed by hand.
fn tag(r: &SchoolRow) -> Option<AnyView> {
    if r.override_of.is_some() {
        Some(view! { " "<span class="override-tag tag">"Override"</span> }.into_any())
    } else if r.is_pinned {
        Some(view! { " "<span class="pinned-tag">"Pinned"</span> }.into_any())
    } else {
        None
    }
}

/// Every school once, in plan order: year 1 first, the schools that do not fit last.
fn plan_order(s: &Snapshot) -> Vec<usize> {
    s.cohorts
        .iter()
        .flatten()
        .chain(s.unplaced.iter())
        .copied()
        .collect()
}

/// The plan as CSV rows, one per school, in plan order.
fn csv_rows(s: &Snapshot, plans: &HashMap<String, PlanBrief>) -> Vec<Vec<String>> {
    let opt = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_default();
    plan_order(s)
        .into_iter()
        .map(|i| {
            let r = &s.rows[i];
            let plan = match plans.get(&r.id) {
                Some(p) => p.line(),
                None if r.needs_plan => "None yet".to_string(),
                None => "Not needed".to_string(),
            };
            vec![
                r.name.clone(),
                r.level.clone(),
                r.year
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| "Does not fit".into()),
                match (r.is_pinned, &r.pin_rationale) {
                    (true, _) => "Yes",
                    (false, Some(_)) => "Not applied",
                    (false, None) => "No",
                }
                .to_string(),
                r.pin_rationale.clone().unwrap_or_default(),
                opt(r.need_place),
                r.proficiency.map(|p| format!("{p:.1}")).unwrap_or_default(),
                opt(r.readiness_place),
                r.index.map(|i| i.to_string()).unwrap_or_default(),
                r.gated.join("; "),
                r.opted_out.clone().unwrap_or_default(),
                r.why.clone(),
                plan,
            ]
        })
        .collect()
}

#[component]
pub fn PhaseInBriefPage() -> impl IntoView {
    let store = use_store();
    let adopted = use_snapshot();
    // The brief says for every school that waits which year it moves to once ready.
    let snap = Memo::new(move |_| {
        let mut s = adopted.get();
        let which: Vec<usize> = (0..s.rows.len())
            .filter(|&i| s.rows[i].needs_plan)
            .collect();
        store
            .doc
            .with(|d| d.as_ref().map(|d| fill_once_ready(d, &mut s, &which)));
        s
    });
    let district = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().map(|d| d.district.name.clone()))
    });
    let plans = Memo::new(move |_| {
        let gate = snap.with(|s| s.gate);
        store
            .doc
            .with(|d| d.as_ref().map(|d| plan_briefs(d, gate)).unwrap_or_default())
    });
    let coaching = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().map(coaching).unwrap_or_default())
    });
    let pins = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.phase_in
                        .pins
                        .iter()
                        .map(|p| {
                            let name = d
                                .school(&p.school_id)
                                .map(|s| s.name.clone())
                                .unwrap_or_else(|| p.school_id.to_string());
                            (p.school_id.clone(), name, p.year, p.rationale.clone())
                        })
                        .collect::<Vec<(Id, String, u8, String)>>()
                })
                .unwrap_or_default()
        })
    });
    let adopted_at = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| d.phase_in.adopted_at.clone()))
    });
    let message = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| {
        let name = district.get_untracked().unwrap_or_default();
        let csv =
            snap.with_untracked(|s| plans.with_untracked(|p| to_csv(&CSV_HEADER, &csv_rows(s, p))));
        let file = format!(
            "{}-phase-in-plan-{}.csv",
            text::slug(&name),
            browser::today()
        );
        message.set(Some(
            browser::download(&file, "text/csv", &csv).map(|()| format!("Downloading {file}.")),
        ));
    };
    let crumbs = vec![
        ("Phase-in plan".to_string(), "/phase-in".to_string()),
        ("Decision brief".to_string(), "/phase-in/brief".to_string()),
    ];
    move || {
        if district.with(Option::is_none) {
            return view! {
                <Title text="Phase-in decision brief \u{b7} Readyboard"/>
                <h1>"Phase-in decision brief"</h1>
                <p>"There is no district yet. "<a href="/">"Start one or explore the demo"</a>"."</p>
            }
            .into_any();
        }
        let s = snap.get();
        let name = district.get().unwrap_or_default();
        if s.rows.is_empty() {
            return view! {
                <Title text="Phase-in decision brief \u{b7} Readyboard"/>
                <Crumbs trail=crumbs.clone()/>
                <h1>"Phase-in decision brief"</h1>
                <p class="panel" data-testid="no-schools">
                    "This district has no schools yet, so there is no plan to brief. "
                    <a href="/phase-in/roster">"Add schools or import a roster"</a>
                    ", rate their readiness, and the brief fills in from the plan."
                </p>
            }
            .into_any();
        }
        view! {
            <Title text="Phase-in decision brief \u{b7} Readyboard"/>
            <Crumbs trail=crumbs.clone()/>
            <div class="summary-tools no-print">
                <p class="brief-tools-note">"For the superintendent, the principals\u{2019} council and the teachers\u{2019} association."</p>
                <div>
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                    <button type="button" on:click=download>"Download the plan as CSV"</button>
                </div>
            </div>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="ok no-print" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="field-error no-print" role="alert">{e}</p> }.into_any(),
            })}
            <article class="summary-page brief">
                <p class="kicker">{format!("{name} \u{b7} phase-in of instructional coaches")}</p>
                <h1>"Phase-in decision brief"</h1>
                <p class="facts-line">{format!(
                    "{} \u{b7} {} \u{b7} gate {} \u{b7} prepared {}",
                    plural(s.rows.len(), "school", "schools"),
                    plural(usize::from(s.years), "year", "years"),
                    gate_text(s.gate),
                    browser::today()
                )}</p>
                <p class="facts-line" data-testid="brief-adopted">{match adopted_at.get() {
                    Some(at) => format!("The adopted plan, adopted {}.", browser::human_time(&at)),
                    None => "The plan under the framework\u{2019}s defaults: no scenario has been adopted yet.".to_string(),
                }}</p>
                <p>{if s.unplaced.is_empty() {
                    "Every school gets an instructional coach within the phase-in; some sooner than others. "
                } else {
                    "The plan is meant to give every school a coach within the phase-in, but as it stands some schools do not fit (see the cohorts). "
                }}"This brief shows how the schools were ranked, which year each one is proposed for and why, and how the schools that wait will get ready."</p>
                <CoverNote/>
                <Basis s=s.clone()/>
                <Rankings s=s.clone()/>
                <Cohorts s=s.clone()/>
                <Overrides pins=pins.get() s=s.clone()/>
                <Consequence s=s.clone()/>
                <Deferred s=s plans=plans.get() coaching=coaching.get()/>
            </article>
        }
        .into_any()
    }
}
