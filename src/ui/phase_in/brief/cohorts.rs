//! The brief's proposed cohorts (with the schools that do not fit and the conflicts), the
//! overrides the champion made by hand, and what the plan means for the lowest-performing
//! schools.

use super::tag;
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::phase_in::view_model::{once_ready_text, place_text, year_text, Snapshot};
use leptos::prelude::*;

#[component]
pub(super) fn Cohorts(s: Snapshot) -> impl IntoView {
    let years = s
        .cohorts
        .iter()
        .enumerate()
        .map(|(y, list)| {
            let id = format!("b-year-{}", y + 1);
            let cap = s.capacities.get(y).copied().unwrap_or(0);
            let heading = format!(
                "Year {}: {} ({})",
                y + 1,
                plural(list.len(), "school", "schools"),
                plural(cap as usize, "coach", "coaches")
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
pub(super) fn Overrides(pins: Vec<(Id, String, u8, String)>, s: Snapshot) -> impl IntoView {
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
pub(super) fn Consequence(s: Snapshot) -> impl IntoView {
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
