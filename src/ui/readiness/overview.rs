//! `/readiness`: every school's readiness at a glance, and the way into each school.

use crate::domain::readiness::{Outcome, Stage};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::readiness::view::VerdictBadge;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

/// One school's line in the overview.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    level: String,
    latest: Option<(String, String, Stage)>,
    outcome: Option<Outcome>,
    /// Why the verdict, next to it.
    why: Option<String>,
    opted_out: bool,
}

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let store = use_store();
    let query = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let r = &d.readiness;
            let latest = r.latest_outcomes();
            // The newest round of any stage, per school, in one pass.
            let mut newest: std::collections::HashMap<
                &crate::domain::Id,
                &crate::domain::readiness::Round,
            > = std::collections::HashMap::new();
            for round in &r.rounds {
                match newest.get(&round.school_id) {
                    Some(prev) if prev.date > round.date => {}
                    _ => {
                        newest.insert(&round.school_id, round);
                    }
                }
            }
            d.schools
                .iter()
                .map(|s| {
                    let outcome = latest.get(&s.id).map(|(_, o)| o.clone());
                    let why = latest.get(&s.id).and_then(|(round, o)| {
                        let f = r.framework_of(round)?;
                        Some(crate::domain::readiness::score::reason(f, o))
                    });
                    Row {
                        id: s.id.to_string(),
                        name: s.name.clone(),
                        level: s.level.label().to_string(),
                        latest: newest.get(&s.id).and_then(|round| {
                            let n = r.framework_of(round)?.criteria.len();
                            Some((round.label.clone(), round.date.clone(), round.stage(n)))
                        }),
                        outcome,
                        why,
                        opted_out: s.opt_out.is_some(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let counts = move || {
        rows.with(|rows| {
            let assessed = rows.iter().filter(|r| r.outcome.is_some()).count();
            let ready = rows
                .iter()
                .filter(|r| r.outcome.as_ref().is_some_and(Outcome::ready))
                .count();
            let out = rows.iter().filter(|r| r.opted_out).count();
            (rows.len(), assessed, ready, assessed - ready, out)
        })
    };
    let shown = move || {
        let q = query.get().trim().to_lowercase();
        rows.with(|rows| {
            rows.iter()
                .filter(|r| q.is_empty() || r.name.to_lowercase().contains(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let framework_line = move || {
        store.doc.with(|d| {
            d.as_ref().map(|d| {
                let f = d.readiness.current();
                format!(
                    "Version {}: {} criteria, gate at {}.",
                    f.version,
                    f.criteria.len(),
                    if f.gate == 0 {
                        "off".to_string()
                    } else {
                        crate::domain::readiness::level_label(f.gate)
                    }
                )
            })
        })
    };

    view! {
        <Title text="Readiness \u{b7} Readyboard"/>
        <h1>"Readiness self-assessments"</h1>
        <p class="lead">
            "Each school's leadership team and principal rate the district's readiness criteria privately, "
            "reveal their ratings together, and agree one level per criterion. "
            "The agreed levels give the school's readiness profile, its index and its gate."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <p class="framework-line">
                    <a href="/readiness/framework">"The readiness framework"</a>
                    ": " {framework_line}
                </p>
                <section aria-labelledby="glance-title">
                    <h2 id="glance-title">"At a glance"</h2>
                    {move || {
                        let (n, assessed, ready, not_ready, out) = counts();
                        view! {
                            <ul class="stats">
                                <li><strong>{assessed.to_string()}</strong>{format!(" of {n} schools assessed")}</li>
                                <li><strong>{ready.to_string()}</strong>" ready for a coach"</li>
                                <li><strong>{not_ready.to_string()}</strong>" not yet ready"</li>
                                <li><strong>{out.to_string()}</strong>" self-selected out of year one"</li>
                            </ul>
                        }
                    }}
                </section>
                <section aria-labelledby="schools-title">
                    <h2 id="schools-title">"Schools"</h2>
                    {move || if rows.with(Vec::is_empty) {
                        view! {
                            <p data-testid="no-schools">"This district has no schools yet. Add them first: each school then gets its readiness rounds here."</p>
                            <p><a class="button primary" href="/phase-in/roster">"Add schools on the roster"</a></p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="field search">
                                <label for="school-search">"Find a school"</label>
                                <input id="school-search" type="search" autocomplete="off"
                                    prop:value=move || query.get()
                                    on:input=move |ev| query.set(event_target_value(&ev))/>
                            </div>
                            <p class="visually-hidden" role="status">{move || format!("{} schools shown", shown().len())}</p>
                            <ScrollTable label="Schools table">
                                <table class="data" aria-labelledby="schools-title">
                                    <thead>
                                        <tr>
                                            <th scope="col">"School"</th>
                                            <th scope="col">"Latest round"</th>
                                            <th scope="col" class="num">"Index"</th>
                                            <th scope="col">"Readiness"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        <For each=shown key=|r| r.id.clone() let:r>
                                            <SchoolRow row=r/>
                                        </For>
                                    </tbody>
                                </table>
                            </ScrollTable>
                            {move || shown().is_empty().then(|| view! { <p>"No school matches that search."</p> })}
                        }.into_any()
                    }}
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn SchoolRow(row: Row) -> impl IntoView {
    let href = format!("/readiness/{}", row.id);
    let latest = match &row.latest {
        None => "Not assessed yet".to_string(),
        Some((label, date, stage)) => match stage {
            Stage::Complete => format!("{label} ({date})"),
            _ => format!("{label} ({date}): {}", stage.label().to_lowercase()),
        },
    };
    let index = row
        .outcome
        .as_ref()
        .map(|o| o.index_rounded().to_string())
        .unwrap_or_else(|| "\u{2013}".into());
    view! {
        <tr>
            <th scope="row">
                <a href=href>{row.name}</a>
                <span class="small">{row.level.clone()}</span>
            </th>
            <td>{latest}</td>
            <td class="num">{index}</td>
            <td>
                {row.outcome.map(|o| view! { <VerdictBadge outcome=o why=row.why.unwrap_or_default()/> })}
                {row.opted_out.then(|| view! { <span class="verdict opted-out">"Self-selected out"</span> })}
            </td>
        </tr>
    }
}
