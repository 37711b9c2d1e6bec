//! `/model/print`: the charter in force, as a document a principal prints and hands to
//! staff: the latest published version, whole (never the draft: what is printed is what the
//! district adopted). `?school=` is that school's version: the charter with the school's
//! approved adaptations (those waiting for approval, or touching a non-negotiable element,
//! are not printed, and the page says how many). Before anything is published, the page says
//! so and prints nothing.

use super::ModelNav;
use crate::domain::model::charter::gaps;
use crate::domain::model::rollout::touches_non_negotiable;
use crate::domain::model::{Role, Version};
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

/// A school's version: its name, its approved adaptations as (aspect, element, what, why,
/// approved on), and how many others it has that are not printed.
#[derive(Clone, Debug, PartialEq)]
struct SchoolVersion {
    name: String,
    adapted: Vec<(String, String, String, String, String)>,
    not_printed: usize,
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let store = use_store();
    // The school is kept in the address (`?school=`), so a reload or a link prints the same.
    let school = RwSignal::new(browser::query_param("school").unwrap_or_default());
    let choose = move |id: String| {
        browser::replace_query(&[("school", (!id.is_empty()).then_some(id.as_str()))]);
        school.set(id);
    };
    let schools = super::roster(store);
    let published = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().is_some_and(|d| d.model.published().is_some()))
    });
    let latest = Memo::new(move |_| {
        let chosen = school.get();
        store.doc.with(|d| {
            d.as_ref().and_then(|d| {
                let v = d.model.published()?;
                let version = d.schools.iter().find(|s| s.id.as_str() == chosen).map(|s| {
                    let mut adapted = Vec::new();
                    let mut not_printed = 0;
                    for a in d.model.adaptations.iter().filter(|a| a.school == s.id) {
                        match (&a.approved, v.charter.element(&a.element)) {
                            (Some(ok), Some(e)) if !touches_non_negotiable(a, &v.charter) => {
                                adapted.push((
                                    a.aspect.label().to_string(),
                                    e.name.clone(),
                                    a.what.clone(),
                                    a.why.clone(),
                                    ok.on.clone(),
                                ))
                            }
                            _ => not_printed += 1,
                        }
                    }
                    SchoolVersion {
                        name: s.name.clone(),
                        adapted,
                        not_printed,
                    }
                });
                Some((
                    d.district.name.clone(),
                    v.clone(),
                    d.model.unpublished().len(),
                    version,
                ))
            })
        })
    });
    view! {
        <Title text="The coaching-model charter, to print \u{b7} Readyboard"/>
        {move || match store.phase.get() {
            Phase::FirstRun => view! {
                <h1>"The coaching-model charter"</h1>
                <FirstRun/>
            }.into_any(),
            // The tools stay while the school changes (focus stays on the select); the
            // version below is drawn again.
            _ if !published.get() => view! {
                <h1>"The coaching-model charter"</h1>
                <ModelNav here="print"/>
                <p>"Nothing is published yet, so there is nothing to print. "
                    <a href="/model">"Write the charter and publish it"</a>"."</p>
            }.into_any(),
            _ => view! {
                <ModelNav here="print"/>
                <div class="print-tools no-print">
                    <div class="field narrow-ish">
                        <label for="print-school">"Print for"</label>
                        <select id="print-school" prop:value=move || school.get() on:change=move |ev| choose(event_target_value(&ev))>
                            <option value="" selected={school.with_untracked(String::is_empty)}>"The whole district"</option>
                            <For each=move || schools.get() key=|c| c.clone() let:c>
                                {
                                    let (id, n) = c;
                                    let v = id.to_string();
                                    let mine = v.clone();
                                    view! { <option value=v selected={school.get_untracked() == mine}>{n}</option> }
                                }
                            </For>
                        </select>
                    </div>
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                </div>
                {move || latest.get().map(|(district, v, unpublished, version)| view! {
                    {version.as_ref().and_then(|s| (s.not_printed > 0).then(|| view! {
                        <p class="hint no-print">{format!(
                            "{} of {} not printed: only approved adaptations are part of the school\u{2019}s version.",
                            crate::domain::text::plural(s.not_printed, "adaptation", "adaptations"), s.name
                        )}</p>
                    }))}
                    {(unpublished > 0).then(|| view! {
                        <p class="hint no-print">{format!(
                            "This is the version in force. The draft has {} not yet published: publish it on the charter page to print it.",
                            crate::domain::text::plural(unpublished, "change", "changes")
                        )}</p>
                    })}
                    <Printed district v version/>
                })}
            }.into_any(),
        }}
    }
}

/// One published version, whole.
#[component]
fn Printed(district: String, v: Version, version: Option<SchoolVersion>) -> impl IntoView {
    let c = v.charter;
    let g = gaps(&c);
    let outcome_name = |id: &crate::domain::Id| {
        c.outcome(id)
            .map_or_else(|| "A removed outcome".to_string(), |o| o.title.clone())
    };
    let is: Vec<String> = c
        .statements
        .iter()
        .filter(|s| s.is)
        .map(|s| s.text.clone())
        .collect();
    let is_not: Vec<String> = c
        .statements
        .iter()
        .filter(|s| !s.is)
        .map(|s| s.text.clone())
        .collect();
    let goals: Vec<(String, String, Vec<String>, bool)> = c
        .goals
        .iter()
        .map(|x| {
            (
                x.kind.label().to_string(),
                x.title.clone(),
                x.served_by.iter().map(outcome_name).collect(),
                g.goals.contains(&x.id),
            )
        })
        .collect();
    let unserving: Vec<String> = g.outcomes.iter().map(outcome_name).collect();
    view! {
        <article class="charter-print" aria-labelledby="charter-title">
            <p class="small">{match &version {
                Some(s) => format!("{district} \u{b7} {}", s.name),
                None => district,
            }}</p>
            <h1 id="charter-title">{format!("Coaching model: {}", c.name)}</h1>
            <p class="small">{format!("Version {}, published on {}", v.number, v.published_on)}</p>
            {(!v.note.is_empty()).then(|| view! { <p class="cover-text">{v.note.clone()}</p> })}

            <h2>"The model"</h2>
            <p>{c.research.clone()}</p>
            {(!c.citation.is_empty()).then(|| view! { <p class="small">"Research: "{c.citation.clone()}</p> })}

            <h2>"Vision"</h2>
            <p class="cover-text">{c.vision.clone()}</p>

            <h2>"Targeted outcomes"</h2>
            <table class="data stack" role="table">
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">"Outcome"</th>
                    <th scope="col" role="columnheader">"Indicator"</th>
                    <th scope="col" role="columnheader">"Baseline"</th>
                    <th scope="col" role="columnheader">"Target"</th>
                    <th scope="col" role="columnheader">"By"</th>
                </tr></thead>
                <tbody role="rowgroup">
                    {c.outcomes.iter().map(|o| view! {
                        <tr role="row">
                            <th scope="row" role="rowheader">{o.title.clone()}</th>
                            <td role="cell" data-label="Indicator">{o.indicator.clone()}</td>
                            <td role="cell" data-label="Baseline">{o.baseline.clone()}</td>
                            <td role="cell" data-label="Target">{o.target.clone()}</td>
                            <td role="cell" data-label="By">{o.by.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>

            <h2>"Roles and responsibilities"</h2>
            <table class="data stack" role="table">
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">"Responsibility"</th>
                    {Role::ALL.iter().map(|r| view! { <th scope="col" role="columnheader">{r.short()}</th> }).collect_view()}
                </tr></thead>
                <tbody role="rowgroup">
                    {c.roles.iter().map(|row| view! {
                        <tr role="row">
                            <th scope="row" role="rowheader">{row.text.clone()}</th>
                            {Role::ALL.iter().map(|r| view! {
                                <td role="cell" data-label=r.short()>{row.part(*r).map_or("\u{2014}", |p| p.label())}</td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>

            <h2>"What coaching is, and is not"</h2>
            <div class="two-lists">
                <div>
                    <h3>"Coaching is"</h3>
                    <ul>{is.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h3>"Coaching is not"</h3>
                    <ul>{is_not.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            </div>

            <h2>"Alignment with the district\u{2019}s goals"</h2>
            <ul>
                {goals.into_iter().map(|(kind, title, served, gap)| view! {
                    <li>
                        <strong>{title}</strong>" "<span class="small">{format!("({kind})")}</span>
                        {if gap {
                            view! { <span class="flag-line">" No outcome serves it."</span> }.into_any()
                        } else {
                            view! { <span>{format!(" Served by: {}.", served.join("; "))}</span> }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
            {(!unserving.is_empty()).then(|| view! {
                <p class="flag-line">{format!("Outcomes that serve no goal: {}.", unserving.join("; "))}</p>
            })}

            <h2>"Stakeholders"</h2>
            <ul>
                {c.stakeholders.iter().map(|s| view! {
                    <li>
                        <strong>{s.name.clone()}</strong>
                        {if s.signed_off { format!(": signed off on {}.", s.on) } else { ": sign-off pending.".to_string() }}
                        {(!s.input.is_empty()).then(|| view! { <span>" "{s.input.clone()}</span> })}
                    </li>
                }).collect_view()}
            </ul>

            {version.map(|s| view! {
                <h2>{format!("How {} adapts the model", s.name)}</h2>
                {if s.adapted.is_empty() {
                    view! { <p>{format!("{} follows the model as the district wrote it.", s.name)}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {s.adapted.into_iter().map(|(aspect, element, what, why, on)| view! {
                                <li>
                                    <strong>{format!("{aspect}: {element}.")}</strong>" "{what}
                                    <span class="small">{format!(" Why: {why} (approved on {on})")}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })}

            <h2>"What campuses may adapt"</h2>
            <ul>
                {c.elements.iter().map(|e| view! {
                    <li>{e.name.clone()}{if e.non_negotiable { ": non-negotiable, no campus adapts it." } else { ": campuses may adapt it." }}</li>
                }).collect_view()}
            </ul>
        </article>
    }
}
