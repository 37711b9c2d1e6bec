//! The coaches against the phase-in plan: for each year of the adopted plan, the schools
//! with a coach placed and the schools still waiting for a hire.

use crate::domain::model::staffing::{years_from, Year};
use crate::domain::text::plural;
use crate::ui::kit::use_store;
use leptos::prelude::*;

#[component]
pub(super) fn Staffing() -> impl IntoView {
    let store = use_store();
    let made = super::super::plan_years(store);
    let plan = Memo::new(move |_| {
        made.with(|made| {
            store.doc.with(|d| {
                d.as_ref()
                    .map(|d| years_from(made, &d.model))
                    .unwrap_or_default()
            })
        })
    });
    view! {
        <section class="panel" aria-labelledby="staffing-title">
            <h2 id="staffing-title">"Coaches for the phase-in plan"</h2>
            <p class="hint">"Each year\u{2019}s cohort of schools needs its coaches. A school is placed when a coach lists it among their schools."</p>
            {move || if plan.with(Vec::is_empty) {
                view! { <p>"No phase-in plan yet. " <a href="/phase-in">"Plan the phase-in"</a>" to see which schools need a coach each year."</p> }.into_any()
            } else {
                view! {
                    <div class="years">
                        // A year is drawn again only when it changes (a coach placed or
                        // removed changes the years of their schools).
                        <For each=move || plan.get() key=|y: &Year| y.clone() children=|y: Year| {
                            let waiting = y.waiting.len();
                            view! {
                                <section class="year" aria-labelledby=format!("staffing-year-{}", y.year)>
                                    <h3 id=format!("staffing-year-{}", y.year)>{format!("Year {}", y.year)}</h3>
                                    <p class="small">{format!("{} in the plan; {} to hire", plural(y.placed.len() + waiting, "school", "schools"), plural(y.capacity as usize, "coach", "coaches"))}</p>
                                    <p class={if waiting > 0 { "flag-line" } else { "ok" }}>{if waiting > 0 {
                                        format!("{} waiting for a hire.", plural(waiting, "school", "schools"))
                                    } else {
                                        "Every school has a coach placed.".to_string()
                                    }}</p>
                                    {names("Waiting for a hire", y.waiting.iter().map(|s| s.name.clone()).collect())}
                                    {names("Coach placed", y.placed.iter().map(|s| format!("{}: {}", s.name, s.coaches.join(", "))).collect())}
                                </section>
                            }
                        }/>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// A year's list of schools under its heading; a long one folded, its count in the summary.
fn names(title: &'static str, items: Vec<String>) -> impl IntoView {
    let list = move |items: Vec<String>| view! { <ul>{items.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> };
    match items.len() {
        0 => ().into_any(),
        n if n <= 12 => view! { <h4>{title}</h4>{list(items)} }.into_any(),
        n => view! {
            <details>
                <summary>{format!("{title} ({n})")}</summary>
                {list(items)}
            </details>
        }
        .into_any(),
    }
}
