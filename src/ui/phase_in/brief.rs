//! `/phase-in/brief`: the decision brief for the superintendent, the principals' council and
//! the teachers' association: the basis of the plan, both rankings, the proposed cohorts,
//! the overrides, what the plan means for the lowest-performing schools, and the readiness
//! plans of the schools that wait. It prints, and the plan downloads as CSV.

use crate::domain::phase_in::export::to_csv;
use crate::domain::phase_in::Progress;
use crate::domain::readiness::level_label;
use crate::domain::text;
use crate::domain::{Document, Id};
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::phase_in::plan::{criterion_name, progress_words, status_summary};
use crate::ui::phase_in::view_model::{
    fill_once_ready, gate_text, once_ready_text, place_text, proficiency_text, use_snapshot,
    year_text, SchoolRow, Snapshot,
};
use crate::ui::platform::browser;
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

/// A readiness plan, as the brief tells it.
#[derive(Clone, Debug, PartialEq)]
struct PlanBrief {
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
    fn line(&self) -> String {
        let mut parts = vec![format!(
            "{} {}",
            self.goals.len(),
            if self.goals.len() == 1 {
                "goal"
            } else {
                "goals"
            }
        )];
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

fn plan_briefs(d: &Document, gate: u8) -> HashMap<String, PlanBrief> {
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
                    "{} schools \u{b7} {} {} \u{b7} gate {} \u{b7} prepared {}",
                    s.rows.len(),
                    s.years,
                    if s.years == 1 { "year" } else { "years" },
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
                <Deferred s=s plans=plans.get()/>
            </article>
        }
        .into_any()
    }
}

/// The champion's cover note: printed at the top of the brief, and edited here on screen.
#[component]
fn CoverNote() -> impl IntoView {
    let store = use_store();
    let stored = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| d.phase_in.cover_note.clone())
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let open = move |_| {
        draft.set(stored.get_untracked());
        message.set(None);
        editing.set(true);
        request_animation_frame(|| browser::focus_id("cover-note-text"));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.try_edit(|d| d.phase_in.set_cover_note(&draft.get_untracked())) {
            Ok(()) => {
                editing.set(false);
                message.set(Some(Ok("Cover note saved.".into())));
                request_animation_frame(|| browser::focus_id("cover-note-edit"));
            }
            Err(e) => message.set(Some(Err(e))),
        }
    };
    view! {
        <section aria-labelledby="b-cover" class="cover-note" class:empty=move || stored.with(String::is_empty)>
            <h2 id="b-cover">"Recommendation"</h2>
            {move || {
                let note = stored.get();
                (!note.is_empty()).then(|| view! {
                    <div class="cover-text" data-testid="cover-note">
                        {note.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                    </div>
                })
            }}
            {move || if editing.get() {
                view! {
                    <form class="no-print cover-form" on:submit=save>
                        <div class="field">
                            <label for="cover-note-text">"Your cover note: the recommendation, and anything the readers should know first"</label>
                            <textarea id="cover-note-text" rows="6" maxlength="4000"
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="actions">
                            <button type="submit" class="primary">"Save the cover note"</button>
                            <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Cancel"</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="no-print">
                        {move || stored.with(String::is_empty).then_some("No cover note yet. ")}
                        <button type="button" class="secondary" id="cover-note-edit" on:click=open>
                            {move || if stored.with(String::is_empty) { "Write a cover note" } else { "Edit the cover note" }}
                        </button>
                    </p>
                }.into_any()
            }}
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="ok no-print" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="field-error no-print" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn Basis(s: Snapshot) -> impl IntoView {
    let changed = s.weights.iter().any(|(_, _, p, f)| p != f);
    let total: u32 = s.weights.iter().map(|(_, _, p, _)| p).sum();
    view! {
        <section aria-labelledby="b-basis">
            <h2 id="b-basis">"The basis of the plan"</h2>
            <div class="two-col brief-basis">
                <div>
                    <ScrollTable label="Criteria weights table">
                        <table class="data compact">
                            <caption id="b-weights">"Readiness criteria and their weights"</caption>
                            <thead><tr>
                                <th scope="col">"Criterion"</th>
                                <th scope="col" class="num">"Weight"</th>
                                {changed.then(|| view! { <th scope="col">"Framework weight"</th> })}
                            </tr></thead>
                            <tbody>
                                {s.weights.iter().map(|(_, name, p, f)| view! {
                                    <tr>
                                        <th scope="row">{name.clone()}</th>
                                        <td class="num">{p.to_string()}</td>
                                        {changed.then(|| view! { <td>{if p == f { "same".to_string() } else { format!("{f} (changed for planning)") }}</td> })}
                                    </tr>
                                }).collect_view()}
                                <tr class="total"><th scope="row">"Total"</th><td class="num">{total.to_string()}</td>{changed.then(|| view! { <td></td> })}</tr>
                            </tbody>
                        </table>
                    </ScrollTable>
                </div>
                <div>
                    <p><strong>"The gate: "</strong>{if s.gate == 0 {
                        "off. No criterion holds a school back from year 1 on its own.".to_string()
                    } else {
                        format!("a school with any criterion {} is not placed in year 1, however high its index: a weak factor is not averaged away.", gate_text(s.gate))
                    }}</p>
                    <p>"Year 1 takes only schools that have a complete readiness round, pass the gate and have not self-selected out, readiest first. Later years take the rest in readiness order, then the schools not assessed yet."</p>
                    <ScrollTable label="Coaches per year table">
                        <table class="data compact">
                            <caption id="b-years">{if s.auto_capacity { "Coaches per year (split evenly)" } else { "Coaches per year (set by the champion)" }}</caption>
                            <thead><tr>
                                <th scope="col">"Year"</th>
                                <th scope="col" class="num">"Coaches"</th>
                                <th scope="col" class="num">"Schools placed"</th>
                            </tr></thead>
                            <tbody>
                                {s.capacities.iter().enumerate().map(|(i, c)| view! {
                                    <tr>
                                        <th scope="row">{format!("Year {}", i + 1)}</th>
                                        <td class="num">{c.to_string()}</td>
                                        <td class="num">{s.cohorts.get(i).map_or(0, Vec::len).to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollTable>
                </div>
            </div>
        </section>
    }
}

#[component]
fn Rankings(s: Snapshot) -> impl IntoView {
    let mismatch = |r: &SchoolRow| {
        (r.mismatch)
            .then(|| r.places_apart.map(|d| format!("\u{2260} {d} places apart")))
            .flatten()
    };
    let need = s
        .by_need
        .iter()
        .map(|&i| {
            let r = &s.rows[i];
            view! {
                <tr>
                    <td class="num">{place_text(r.need_place)}</td>
                    <th scope="row">{r.name.clone()}{tag(r)}{mismatch(r).map(|m| view! { <span class="mismatch-tag">{m}</span> })}</th>
                    <td class="num">{proficiency_text(r.proficiency)}</td>
                </tr>
            }
        })
        .collect_view();
    let ready = s
        .by_readiness
        .iter()
        .map(|&i| {
            let r = &s.rows[i];
            view! {
                <tr>
                    <td class="num">{place_text(r.readiness_place)}</td>
                    <th scope="row">
                        {r.name.clone()}
                        {tag(r)}
                        {mismatch(r).map(|m| view! { <span class="mismatch-tag">{m}</span> })}
                        {(!r.gated.is_empty()).then(|| view! { <span class="small">{format!("gated: {}", r.gated.join("; "))}</span> })}
                    </th>
                    <td class="num">{r.index.map(|x| x.to_string()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let not_assessed: Vec<String> = s
        .not_assessed
        .iter()
        .map(|&i| s.rows[i].name.clone())
        .collect();
    let no_figures: Vec<String> = s
        .rows
        .iter()
        .filter(|r| r.need_place.is_none())
        .map(|r| r.name.clone())
        .collect();
    view! {
        <section aria-labelledby="b-rankings">
            <h2 id="b-rankings">"Two rankings that do not match"</h2>
            <p>{format!(
                "One list ranks the schools by student-achievement need (lowest proficiency first), the other by readiness for coaching under the criteria. A school marked \u{2260} is {} or more places apart in the two lists.",
                s.mismatch_at
            )}</p>
            <div class="two-col brief-rankings">
                <ScrollTable label="Need ranking table">
                    <table class="data compact">
                        <caption id="b-by-need">"By need: lowest proficiency first"</caption>
                        <thead><tr>
                            <th scope="col" class="num">"Place"</th>
                            <th scope="col">"School"</th>
                            <th scope="col" class="num">"Proficiency"</th>
                        </tr></thead>
                        <tbody>{need}</tbody>
                    </table>
                </ScrollTable>
                <ScrollTable label="Readiness ranking table">
                    <table class="data compact">
                        <caption id="b-by-readiness">"By readiness: readiest first"</caption>
                        <thead><tr>
                            <th scope="col" class="num">"Place"</th>
                            <th scope="col">"School"</th>
                            <th scope="col" class="num">"Index"</th>
                        </tr></thead>
                        <tbody>{ready}</tbody>
                    </table>
                </ScrollTable>
            </div>
            {if not_assessed.is_empty() {
                view! { <p>"Every school has a complete readiness round."</p> }.into_any()
            } else {
                view! { <p><strong>"Not assessed yet: "</strong>{format!("{}.", not_assessed.join("; "))}</p> }.into_any()
            }}
            {(!no_figures.is_empty()).then(|| view! {
                <p><strong>"No achievement figures: "</strong>{format!("{}.", no_figures.join("; "))}</p>
            })}
        </section>
    }
}

#[component]
fn Cohorts(s: Snapshot) -> impl IntoView {
    let years = s
        .cohorts
        .iter()
        .enumerate()
        .map(|(y, list)| {
            let id = format!("b-year-{}", y + 1);
            let cap = s.capacities.get(y).copied().unwrap_or(0);
            let heading = format!(
                "Year {}: {} {} ({} {})",
                y + 1,
                list.len(),
                if list.len() == 1 { "school" } else { "schools" },
                cap,
                if cap == 1 { "coach" } else { "coaches" }
            );
            let rows = list.iter().map(|&i| {
                                    let r = &s.rows[i];
                                    view! {
                                        <tr>
                                            <th scope="row">{r.name.clone()}{tag(r)}</th>
                                            <td>{r.level.clone()}</td>
                                            <td class="num">{r.index.map(|x| x.to_string()).unwrap_or_else(|| "not assessed".into())}</td>
                                            <td class="num">{place_text(r.need_place)}</td>
                                            <td>{r.why.clone()}{r.override_of.as_ref().map(|o| view! { <span class="override-note">{format!("Override of year 1\u{2019}s rule: {o}.")}</span> })}</td>
                                        </tr>
                                    }
                                }).collect_view();
            let table_id = id.clone();
            let body = if list.is_empty() {
                view! { <p>"No school is placed in this year."</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label=format!("Year {} cohort table", y + 1)>
                        <table aria-labelledby=table_id class="data compact cohort">
                            <thead><tr>
                                <th scope="col">"School"</th>
                                <th scope="col">"Level"</th>
                                <th scope="col" class="num">"Readiness index"</th>
                                <th scope="col" class="num">"Need place"</th>
                                <th scope="col">"Why"</th>
                            </tr></thead>
                            <tbody>
                                {rows}
                            </tbody>
                        </table>
                    </ScrollTable>
                }.into_any()
            };
            view! {
                <h3 id=id>{heading}</h3>
                {body}
            }
        })
        .collect_view();
    let unplaced: Vec<(String, String)> = s
        .unplaced
        .iter()
        .map(|&i| (s.rows[i].name.clone(), s.rows[i].why.clone()))
        .collect();
    let conflicts = s.conflicts.clone();
    view! {
        <section aria-labelledby="b-cohorts" data-testid="brief-cohorts">
            <h2 id="b-cohorts">"The proposed cohorts"</h2>
            {years}
            {(!unplaced.is_empty()).then(|| view! {
                <h3>"Schools that do not fit"</h3>
                <ul>{unplaced.into_iter().map(|(n, w)| view! { <li><strong>{n}</strong>{format!(": {w}")}</li> }).collect_view()}</ul>
            })}
            {(!conflicts.is_empty()).then(|| view! {
                <h3>"Conflicts"</h3>
                <ul>{conflicts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

#[component]
fn Overrides(pins: Vec<(Id, String, u8, String)>, s: Snapshot) -> impl IntoView {
    let applied = |id: &Id| s.row(id.as_str()).is_some_and(|r| r.is_pinned);
    let overrode = |id: &Id| s.row(id.as_str()).and_then(|r| r.override_of.clone());
    view! {
        <section aria-labelledby="b-overrides" data-testid="brief-overrides">
            <h2 id="b-overrides">"Overrides"</h2>
            {if pins.is_empty() {
                view! { <p>"No overrides. Every school is where the rules place it."</p> }.into_any()
            } else {
                view! {
                    <p>"Where the champion placed a school by hand, and why."</p>
                    <ul class="brief-list">
                        {pins.into_iter().map(|(id, name, year, why)| {
                            let note = (!applied(&id)).then_some(" (not applied: see the conflicts under the cohorts)");
                            let placed = match overrode(&id) {
                                Some(o) => format!(", in year {year} as an override (it is {o}): "),
                                None => format!(", pinned to year {year}: "),
                            };
                            view! {
                                <li><strong>{name}</strong>{placed}{why}{note}</li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Consequence(s: Snapshot) -> impl IntoView {
    let later: Vec<(String, String, String, String)> = s
        .consequence_later
        .iter()
        .map(|(i, y, why)| {
            let r = &s.rows[*i];
            let next = if r.needs_plan {
                once_ready_text(r)
            } else {
                String::new()
            };
            (r.name.clone(), year_text(*y), why.clone(), next)
        })
        .collect();
    let inside: Vec<String> = s
        .consequence_in
        .iter()
        .map(|&i| s.rows[i].name.clone())
        .collect();
    view! {
        <section aria-labelledby="b-consequence">
            <h2 id="b-consequence">"The lowest-performing schools"</h2>
            <p class="consequence"><strong>{s.consequence.clone()}</strong></p>
            {(!inside.is_empty()).then(|| view! { <p>{format!("In year 1: {}.", inside.join("; "))}</p> })}
            {(!later.is_empty()).then(|| view! {
                <p>"Not in year 1, and why:"</p>
                <ul class="brief-list">
                    {later.into_iter().map(|(n, y, w, next)| view! { <li><strong>{n}</strong>{format!(" ({y}): {w}. {next}")}</li> }).collect_view()}
                </ul>
                <p>"Schools not yet ready work with the coach champion on a readiness plan during year 1, and their principals with a leadership coach. The plan is made again after each re-assessment, so a school that gets ready moves up as far as the years\u{2019} places allow."</p>
            })}
        </section>
    }
}

#[component]
fn Deferred(s: Snapshot, plans: HashMap<String, PlanBrief>) -> impl IntoView {
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
                "{count} {} below the gate, not assessed yet or self-selected out; {with_plan} {} a readiness plan. Ready schools that wait only for a place in a later year need none.",
                if count == 1 { "school is" } else { "schools are" },
                if with_plan == 1 { "has" } else { "have" },
            )}</p>
            <div class="deferred-list">
                {rows.into_iter().map(|r| {
                    let plan = plans.get(&r.id).cloned();
                    view! {
                        <div class="deferred">
                            <h3>{r.name.clone()}</h3>
                            <p><strong>{year_text(r.year)}</strong>{format!(": {}", r.why)}</p>
                            <p>{once_ready_text(&r)}</p>
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
