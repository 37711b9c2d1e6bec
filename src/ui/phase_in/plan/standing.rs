//! The readiness plan's first panels: where the school stands (its year, why, its latest
//! round and what holds it at the gate), and the plan's progress.

use super::{progress_words, status_summary};
use crate::domain::phase_in::Progress;
use crate::domain::Id;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::{gate_text, use_snapshot, year_text, SchoolRow};
use leptos::prelude::*;

/// Where the school stands: its year, why, its latest round and what holds it at the gate.
#[component]
pub(super) fn Context(row: Memo<Option<SchoolRow>>) -> impl IntoView {
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

/// Is the plan eligible, waiting, or not yet; and the actions' statuses.
#[component]
pub(super) fn ProgressPanel(school: Id) -> impl IntoView {
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
