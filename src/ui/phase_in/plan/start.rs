//! The readiness plan page before there is a plan: what a plan is, the year the school moves
//! to once ready, and the button that starts one with goals suggested from its latest round.

use super::new_id;
use crate::domain::phase_in::readiness_plan::suggest_goals;
use crate::domain::phase_in::{rank, ReadinessPlan};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::{once_ready_text, SchoolRow};
use crate::ui::platform::browser;
use leptos::prelude::*;

/// The year school `id` would move to once ready, under the adopted plan.
fn once_ready_of(id: &str) -> Option<crate::domain::phase_in::OnceReady> {
    let store = use_store();
    store.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        let r = rank(d, &d.phase_in.settings);
        let i = r.find(&Id::fixed(id))?;
        Some(crate::domain::phase_in::year_once_ready(&r, &d.phase_in, i))
    })
}

/// No plan yet: what a plan is, and the button that starts one.
#[component]
pub(super) fn StartPlan(school: Id, row: Memo<Option<SchoolRow>>) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let needs = move || row.with(|r| r.as_ref().is_some_and(|r| r.needs_plan));
    let assessed = move || row.with(|r| r.as_ref().is_some_and(SchoolRow::is_assessed));
    let start = move |_| {
        let now = browser::now_iso();
        let result = store.try_edit(|d| {
            if d.phase_in.plan(&school).is_some() {
                return Err("This school already has a readiness plan.".into());
            }
            let (baseline, goals) = {
                let r = rank(d, &d.phase_in.settings);
                let i = r
                    .find(&school)
                    .ok_or_else(|| "This school is no longer in the district.".to_string())?;
                let s = &r.standings[i];
                let baseline = s.readiness.as_ref().map(|a| a.round_id.clone());
                (baseline, suggest_goals(s, &d.readiness, r.gate, new_id))
            };
            d.phase_in
                .plans
                .push(ReadinessPlan::new(school.clone(), baseline, goals, &now));
            Ok(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                request_animation_frame(|| browser::focus_id("goals-title"));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="start-title">
            <h2 id="start-title">"No readiness plan yet"</h2>
            <p>"A readiness plan is for a school that is not ready for a coach: below the gate, not assessed yet, or self-selected out. During year 1 the school\u{2019}s leadership works with the coach champion on goals drawn from its weakest criteria, with actions, owners and regular check-ins, and the principal works with a leadership coach."</p>
            {move || row.with(|r| r.as_ref().map(|r| if r.needs_plan {
                let mut r = r.clone();
                r.once_ready = once_ready_of(&r.id);
                view! { <p data-testid="once-ready">{once_ready_text(&r)}</p> }.into_any()
            } else {
                view! {
                    <p class="note" data-testid="no-plan-needed">{match r.year {
                        Some(1) => format!("{} is ready for a coach and has its place in year 1 ({}). It needs no readiness plan.", r.name, r.why),
                        Some(y) => format!("{} is ready for a coach ({}). It needs no readiness plan: it waits only for its place in year {y}.", r.name, r.why),
                        None => format!("{} is ready for a coach ({}), but the plan\u{2019}s years have no place for it: raise a year\u{2019}s capacity. It needs no readiness plan.", r.name, r.why),
                    }}</p>
                }.into_any()
            }))}
            {move || needs().then(|| view! {
                {if assessed() {
                    view! { <p>"The plan starts with up to three goals suggested from the criteria at or near the gate in the school\u{2019}s latest round. You can change them."</p> }.into_any()
                } else {
                    view! { <p>"This school has no complete readiness round yet, so the plan starts with no goals: goals come from its first round."</p> }.into_any()
                }}
                <button type="button" class="primary" on:click=start.clone()>"Start a readiness plan"</button>
            })}
            <FieldError error/>
        </section>
    }
}
