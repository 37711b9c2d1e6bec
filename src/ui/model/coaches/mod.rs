//! `/model/coaches`: the coaches' own development. "Everyone needs a coach, but every coach
//! needs a mentor." At a glance first (every coach's mentor, last check-in, shadowing, hours
//! and flags, with the district's totals and its settings), then the coaches against the
//! phase-in plan, the coaches themselves, and the logs: mentoring check-ins, shadowing days,
//! the coaches' meetings and professional learning.

mod glance;
mod logs;
mod meetings;
mod roster;
mod staffing;

use super::ModelNav;
use crate::domain::Id;
use crate::ui::kit::rows_in_steps::AfterPaint;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::{Phase, Store};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CoachesPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Coaches\u{2019} development \u{b7} Readyboard"/>
        <h1>"Coaches\u{2019} development"</h1>
        <p class="lead">
            "Everyone needs a coach, but every coach needs a mentor. Each coach\u{2019}s mentor and check-ins, "
            "shadowing days for novice coaches, the coaches\u{2019} meetings and their professional learning, "
            "and the coaches each year of the phase-in plan needs."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <ModelNav here="coaches"/>
                <glance::Glance/>
                // The panels below the first screen a few at a time, a frame apart, so that
                // no single frame draws them all.
                <AfterPaint>
                    <glance::Settings/>
                    <staffing::Staffing/>
                    <AfterPaint>
                        <roster::Coaches/>
                        <AfterPaint>
                            <logs::CheckIns/>
                            <logs::Shadowing/>
                            <AfterPaint>
                                <meetings::Meetings/>
                                <logs::LearningLog/>
                            </AfterPaint>
                        </AfterPaint>
                    </AfterPaint>
                </AfterPaint>
            }.into_any(),
        }}
    }
}

/// The coaches, as (ID, name), in the list's order.
pub(super) fn coach_names(store: Store) -> Memo<Vec<(Id, String)>> {
    Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.model
                    .coaches
                    .iter()
                    .map(|c| (c.id.clone(), c.name.clone()))
                    .collect()
            })
        })
    })
}

/// A coach's name from the list, or "A removed coach".
pub(super) fn name_in(names: &[(Id, String)], id: &Id) -> String {
    names
        .iter()
        .find(|(x, _)| x == id)
        .map_or_else(|| "A removed coach".to_string(), |(_, n)| n.clone())
}

/// A `<select>` of the coaches, bound to `value` (an ID, or empty: none chosen yet).
#[component]
pub(super) fn CoachSelect(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    names: Memo<Vec<(Id, String)>>,
    #[prop(into)] invalid: Signal<bool>,
    error_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || invalid.get().then_some(error_id)>
                <option value="" selected={value.with_untracked(String::is_empty)}>"Choose the coach"</option>
                <For each=move || names.get() key=|c| c.clone() let:c>
                    {
                        let v = c.0.to_string();
                        let mine = v.clone();
                        view! { <option value=v selected={value.get_untracked() == mine}>{c.1.clone()}</option> }
                    }
                </For>
            </select>
        </div>
    }
}
