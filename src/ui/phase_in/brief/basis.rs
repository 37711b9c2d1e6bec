//! The brief's basis of the plan (the criteria and their weights, the gate, the coaches per
//! year) and its two rankings, by need and by readiness.

use super::tag;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::phase_in::view_model::{
    gate_text, place_text, proficiency_text, SchoolRow, Snapshot,
};
use leptos::prelude::*;

#[component]
pub(super) fn Basis(s: Snapshot) -> impl IntoView {
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
pub(super) fn Rankings(s: Snapshot) -> impl IntoView {
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
