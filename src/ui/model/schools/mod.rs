//! `/model/schools`: bringing the model to the schools. The dedicated sessions that build a
//! shared understanding (with coaches and school administrators, then each school's staff),
//! the schools in coaching whose staff has had none, and each campus's adaptations of the
//! model within what the district allows.

mod adaptations;
mod sessions;

use super::ModelNav;
use crate::domain::model::staffing::{schools_in_coaching_from, SchoolRollout};
use crate::ui::kit::rows_in_steps::AfterPaint;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::show_more::{grown, ShowMore};
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

/// Rows of a long table drawn with the page; the rest follow a frame at a time.
pub(super) const FIRST_DRAWN: usize = 10;
/// Schools in coaching listed (flagged first) before "Show more".
const SHOWN: usize = 25;

#[component]
pub fn SchoolsPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="The coaching model in the schools \u{b7} Readyboard"/>
        <h1>"The coaching model in the schools"</h1>
        <p class="lead">
            "Dedicated time builds a shared understanding of the model: first with coaches and school administrators, "
            "then with the staff at each school. Each campus then adapts the model to its needs, within the framework."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <ModelNav here="schools"/>
                <Rollout/>
                <AfterPaint>
                    <sessions::Sessions/>
                    <AfterPaint>
                        <adaptations::Adaptations/>
                    </AfterPaint>
                </AfterPaint>
            }.into_any(),
        }}
    }
}

/// The schools in coaching now, each with its staff sessions; those with none held flagged.
#[component]
fn Rollout() -> impl IntoView {
    let store = use_store();
    let plan = super::plan_years(store);
    // Flagged schools first, then the roster's order.
    let rows = Memo::new(move |_| {
        let mut v = plan.with(|plan| {
            store.doc.with(|d| {
                d.as_ref()
                    .map(|d| schools_in_coaching_from(plan, d))
                    .unwrap_or_default()
            })
        });
        v.sort_by_key(|s| !s.flagged);
        v
    });
    // The first rows with the page, the rest in the next frames (hundreds of schools).
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));
    let total = Memo::new(move |_| rows.with(Vec::len));
    let (limit, shown) = grown(total, FIRST_DRAWN, SHOWN);
    let flagged = move || rows.with(|r| r.iter().filter(|s| s.flagged).count());
    view! {
        <section class="panel" aria-labelledby="rollout-title">
            <h2 id="rollout-title" tabindex="-1">"Schools in coaching"</h2>
            <p class="hint">"Year 1 of the adopted phase-in plan, and any school with a coach placed. A school whose staff has had no session on the model is flagged."</p>
            {move || if empty.get() {
                view! { <p>"No school is in coaching yet: adopt a phase-in plan or place a coach."</p> }.into_any()
            } else {
                view! {
                    <p class={move || if flagged() > 0 { "flag-line" } else { "ok" }}>{move || match flagged() {
                        0 => "Every school in coaching has had a staff session.".to_string(),
                        n => format!("{} with no staff session held yet.", crate::domain::text::plural(n, "school", "schools")),
                    }}</p>
                    <ScrollTable label="Schools in coaching table">
                        <table class="data stack" role="table">
                            <caption class="visually-hidden">"Schools in coaching and their staff sessions"</caption>
                            <thead role="rowgroup"><tr role="row">
                                <th scope="col" role="columnheader">"School"</th>
                                <th scope="col" role="columnheader">"Staff sessions held"</th>
                                <th scope="col" role="columnheader">"Planned"</th>
                                <th scope="col" role="columnheader">"Last held"</th>
                            </tr></thead>
                            <tbody role="rowgroup">
                                <For each=move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|r: &SchoolRollout| (r.school.clone(), r.name.clone(), r.sessions.clone()) let:r>
                                    <tr role="row" class:flagged=r.flagged>
                                        <th scope="row" role="rowheader">{r.name.clone()}
                                            {r.flagged.then(|| view! { <span class="flag">" No staff session yet"</span> })}
                                        </th>
                                        <td role="cell" data-label="Held">{r.sessions.held}</td>
                                        <td role="cell" data-label="Planned">{r.sessions.planned}</td>
                                        <td role="cell" data-label="Last held">{r.sessions.last_held.clone().unwrap_or_else(|| "\u{2014}".into())}</td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </ScrollTable>
                    <ShowMore limit total what="schools in coaching" back_to="rollout-title"/>
                }.into_any()
            }}
        </section>
    }
}
