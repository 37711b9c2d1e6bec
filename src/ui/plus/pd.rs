//! `/board`'s PD plan: a PD week every Nth week, the teacher teams in turn, on chosen
//! days, previewed as it is chosen and put on the board in one undoable step.

use crate::domain::plus::board::{DAYS, DAY_NAMES};
use crate::domain::plus::pd_plan::{apply, describe, propose, PdPlan};
use crate::ui::plus::board_state::Ctx;

/// Which days of the week are full-day PD: one checkbox a day, kept sorted. The PD plan and
/// the week editor both use it.
#[component]
pub(crate) fn PdDays(days: RwSignal<Vec<u8>>) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Full-day PD on"</legend>
            {(0..DAYS).map(|d| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || days.with(|x| x.contains(&d))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            days.update(|x| { x.retain(|y| *y != d); if on { x.push(d); x.sort_unstable(); } });
                        }/>
                    {DAY_NAMES[usize::from(d)]}
                </label>
            }).collect_view()}
        </fieldset>
    }
}
use crate::domain::text::plural;
use leptos::prelude::*;

/// How many proposed weeks the preview lists before "and N more".
const PREVIEW: usize = 12;

#[component]
pub(crate) fn PdPlanPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let every = RwSignal::new(4u16);
    let first = RwSignal::new(4u16);
    let days = RwSignal::new(vec![1u8, 2]);
    let has_pd = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().is_some_and(|b| !b.pd_weeks.is_empty()))
    });
    let plan = move || PdPlan {
        every: every.get(),
        first: first.get(),
        days: days.get(),
    };
    let preview = Memo::new(move |_| {
        let p = plan();
        ctx.board.with(|b| {
            let b = b
                .as_ref()
                .ok_or_else(|| "This board could not be read.".to_string())?;
            propose(b, &p).map(|weeks| {
                let lines: Vec<String> = weeks.iter().map(|w| describe(b, w)).collect();
                (lines, b.pd_weeks.len())
            })
        })
    });
    let put = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = plan();
        ctx.apply("the PD plan", move |b, _| {
            let weeks = propose(b, &p)?;
            Ok(apply(b, &weeks))
        });
    };
    let number = |id: &'static str, sig: RwSignal<u16>| {
        view! {
            <input id=id type="number" inputmode="numeric" min="1" max="45"
                prop:value=move || sig.get().to_string()
                on:change=move |ev| sig.set(event_target_value(&ev).trim().parse().unwrap_or(0))/>
        }
    };
    view! {
        <details class="panel pd-plan" open=!has_pd.get_untracked()>
            <summary><h2 class="pd-plan-title">"Plan the year\u{2019}s PD weeks"</h2></summary>
            <p class="hint">"One PD week every few weeks, the teacher teams in turn, on the days you choose. It replaces the PD weeks the board has; Undo takes it back."</p>
            <form class="pd-plan-form" on:submit=put>
                <div class="inline-form">
                    <div class="field narrow">
                        <label for="pd-every">"A PD week every (weeks)"</label>
                        {number("pd-every", every)}
                    </div>
                    <div class="field narrow">
                        <label for="pd-first">"First PD week"</label>
                        {number("pd-first", first)}
                    </div>
                </div>
                <PdDays days/>
                <div role="status" data-testid="pd-preview">
                    {move || match preview.get() {
                        Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                        Ok((lines, had)) => {
                            let n = lines.len();
                            let more = n.saturating_sub(PREVIEW);
                            view! {
                                <p>{format!(
                                    "Preview: {}{}.",
                                    plural(n, "PD week", "PD weeks"),
                                    if had > 0 { format!(", in place of the {had} on the board now") } else { String::new() }
                                )}</p>
                                <ul class="pd-preview">
                                    {lines.into_iter().take(PREVIEW).map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                                {(more > 0).then(|| view! { <p>{format!("and {more} more.")}</p> })}
                            }.into_any()
                        }
                    }}
                </div>
                <button type="submit" class="primary" disabled=move || preview.with(Result::is_err)>"Put this PD plan on the board"</button>
            </form>
        </details>
    }
}
