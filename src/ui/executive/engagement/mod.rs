//! `/executive/:id`: an engagement's four phases. The tracker shows each phase, what the
//! current one still needs, and the way on (early only with a reason); below it, one phase's
//! panel at a time (`?phase=1` … `4`, the current phase by default).

mod assessment;
mod implementation;
mod planning;
mod work_plan;

use super::{edit_engagement, use_heading, EngagementTop};
use crate::domain::executive::Phase;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::rows_in_steps::{after_paint, AfterPaint};
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn EngagementPage() -> impl IntoView {
    let heading = use_heading();
    move || match heading.get() {
        None => view! {
            <super::NoEngagement/>
        }
        .into_any(),
        Some(h) => {
            let title = format!("{}, {}", h.principal, h.school);
            let crumbs = vec![
                ("Executive coaching".to_string(), "/executive".to_string()),
                (title.clone(), format!("/executive/{}", h.id)),
            ];
            view! {
                <Title text=format!("{title}: phases \u{b7} Readyboard")/>
                <Crumbs trail=crumbs/>
                <h1>{title}</h1>
                <EngagementTop id=h.id.clone() here="phases"/>
                <Tracker id=h.id.clone()/>
                // Below the tracker: drawn in the frame after the page (make bench-executive).
                <AfterPaint><PhasePanel id=h.id.clone() school=h.school_id.clone()/></AfterPaint>
            }
            .into_any()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct TrackerView {
    phase: Phase,
    complete: bool,
    needs: Vec<String>,
    began: String,
    target: Option<String>,
    moves: Vec<(Phase, String, Option<String>)>,
}

/// The four phases, what the current one needs, and the way on.
#[component]
fn Tracker(id: Id) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let v = Memo::new(move |_| {
        store.doc.with(|d| {
            let e = d.as_ref()?.executive.engagement(&eid)?;
            Some(TrackerView {
                phase: e.phase,
                complete: e.is_complete(),
                needs: e.needs(e.phase),
                began: e.phase_began().to_string(),
                target: (e.phase != Phase::Implementation)
                    .then(|| e.target(e.phase).map(crate::domain::dates::iso))
                    .flatten(),
                moves: e
                    .history
                    .iter()
                    .map(|m| (m.to, m.on.clone(), m.early_reason.clone()))
                    .collect(),
            })
        })
    });
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let moved = RwSignal::new(None::<String>);
    let eid = id.clone();
    let navigate = leptos_router::hooks::use_navigate();
    let path = format!("/executive/{id}");
    let advance = move |early: bool| {
        let r = reason.get_untracked();
        let mut to = None;
        let result = edit_engagement(store, &eid, |e| {
            to = Some(e.advance(&browser::today(), early.then_some(r.as_str()))?);
            Ok(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                asking.set(false);
                reason.set(String::new());
                moved.set(to.map(|p| format!("Moved on to phase {}: {}.", p.number(), p.label())));
                // Show the new phase's panel.
                navigate(&path, Default::default());
                request_animation_frame(|| browser::focus_id("phase-undo"));
            }
            Err(e) => {
                error.set(Some(e));
                browser::focus_id(if early {
                    "early-reason"
                } else {
                    "tracker-title"
                });
            }
        }
    };
    let advance = StoredValue::new(advance);
    let eid = id.clone();
    let undo = Callback::new(move |()| {
        let _ = edit_engagement(store, &eid, |e| {
            e.step_back();
            Ok(())
        });
        moved.set(None);
        browser::focus_id("tracker-title");
    });
    view! {
        <section class="panel tracker" aria-labelledby="tracker-title">
            <h2 id="tracker-title" tabindex="-1">"Phases"</h2>
            {move || v.get().map(|v| {
                let current = v.phase;
                view! {
                    <ol class="phase-steps">
                        {Phase::ALL.into_iter().map(|p| {
                            let state = if v.complete || p < current { "done" } else if p == current { "current" } else { "upcoming" };
                            let moved_on = v.moves.iter().find(|m| m.0.number() == p.number() + 1).cloned();
                            view! {
                                <li class=format!("phase-step {state}") aria-current=(state == "current").then_some("step")>
                                    <a href=format!("?phase={}", p.number())>
                                        <span class="phase-number">{p.number().to_string()}</span>
                                        <span class="phase-name">{p.label()}</span>
                                    </a>
                                    <span class="small">{match state {
                                        "done" => moved_on.as_ref().map_or_else(|| "Done".to_string(), |m| format!("Done {}", m.1)),
                                        "current" => format!("Since {}", v.began),
                                        _ => "Not yet".to_string(),
                                    }}</span>
                                    {moved_on.and_then(|m| m.2).map(|r| view! {
                                        <span class="small early">{format!("Moved on early: {r}")}</span>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {if v.complete {
                        view! { <p class="ok">"The annual assessment is complete: this engagement is closed."</p> }.into_any()
                    } else if v.needs.is_empty() {
                        match current.next() {
                            Some(next) => view! {
                                <p>{format!("{} has everything it needs.", current.label())}</p>
                                <button type="button" class="primary" on:click=move |_| advance.with_value(|f| f(false))>
                                    {format!("Move on to phase {}: {}", next.number(), next.label())}
                                </button>
                            }.into_any(),
                            None => view! {
                                <p>"The annual assessment has everything it needs: complete it in phase 4\u{2019}s panel below."</p>
                            }.into_any(),
                        }
                    } else {
                        let next = current.next();
                        view! {
                            <h3 class="needs-title">{match next {
                                Some(_) => format!("Before phase {} can begin, {} still needs:", current.number() + 1, current.short().to_lowercase()),
                                None => "Before the engagement closes, the annual assessment needs:".to_string(),
                            }}</h3>
                            <ul class="needs">{v.needs.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                            {v.target.clone().map(|t| view! { <p class="hint">{format!("Expected to be done by {t}. ")}
                                <a href=format!("/executive/{id}/setup#phase-dates")>"Change the expected dates"</a></p> })}
                            {next.map(|next| view! {
                                {move || if asking.get() {
                                    view! {
                                        <div class="confirm" role="group" aria-labelledby="early-title">
                                            <p id="early-title"><strong>{format!("Move on to {} before {} is done?", next.label().to_lowercase(), current.short().to_lowercase())}</strong>
                                                " The reason is kept with the engagement, with what was still missing."</p>
                                            <label for="early-reason">"Why move on now"</label>
                                            <textarea id="early-reason" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                                                prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))
                                                aria-invalid=move || error.with(Option::is_some).then_some("true")
                                                aria-describedby=move || error.with(Option::is_some).then_some("early-error")></textarea>
                                            <FieldError id="early-error" error=error/>
                                            <div class="actions">
                                                <button type="button" class="primary" on:click=move |_| advance.with_value(|f| f(true))>"Move on early"</button>
                                                <button type="button" class="secondary" on:click=move |_| { asking.set(false); error.set(None); browser::focus_id("move-early"); }>"Not now"</button>
                                            </div>
                                        </div>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button id="move-early" type="button" class="secondary" on:click=move |_| {
                                            asking.set(true);
                                            request_animation_frame(|| browser::focus_id("early-reason"));
                                        }>{format!("Move on to phase {} early\u{2026}", next.number())}</button>
                                    }.into_any()
                                }}
                            })}
                        }.into_any()
                    }}
                }
            })}
            {move || (!asking.get()).then(|| view! { <FieldError error/> })}
            {move || moved.get().map(|m| view! { <UndoNotice id="phase-undo" message=m on_undo=undo/> })}
        </section>
    }
}

/// The panel of the phase in the address (`?phase=`), or of the current phase.
#[component]
fn PhasePanel(id: Id, school: Id) -> impl IntoView {
    let store = use_store();
    let query = use_query_map();
    let eid = id.clone();
    let current = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map_or(Phase::Assessment, |e| e.phase)
        })
    });
    let shown = Memo::new(move |_| {
        query
            .read()
            .get("phase")
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|n| Phase::ALL.get(n.wrapping_sub(1)).copied())
            .unwrap_or_else(|| current.get())
    });
    // Another phase's panel is drawn in the frame after the click that chose it, so that the
    // click paints at once (the fourth phase's panel is the largest; make bench-executive).
    let drawn = RwSignal::new(shown.get_untracked());
    Effect::new(move |_| {
        if shown.get() != drawn.get_untracked() {
            after_paint(move || {
                if let Some(now) = shown.try_get_untracked() {
                    let _ = drawn.try_set(now);
                }
            });
        }
    });
    move || {
        let (id, school) = (id.clone(), school.clone());
        match drawn.get() {
            Phase::Assessment => view! { <assessment::Assessment id school/> }.into_any(),
            Phase::Planning => view! { <planning::Planning id/> }.into_any(),
            Phase::WorkPlan => view! { <work_plan::WorkPlan id/> }.into_any(),
            Phase::Implementation => view! { <implementation::Implementation id/> }.into_any(),
        }
    }
}
