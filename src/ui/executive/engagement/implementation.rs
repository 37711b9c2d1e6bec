//! Phase 4: progress on each objective at its cadence (a rating and evidence), then the
//! annual assessment: the end-of-year self-reflection against the start, each objective met,
//! partly met or not met, and the coach's own evaluation of the results.

use super::assessment::Reflection;
use crate::domain::executive::{Outcome, Rating};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::executive::{edit_engagement, new_id};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct ObjectiveProgress {
    id: String,
    title: String,
    cadence: &'static str,
    next_due: Option<String>,
    /// (date, rating, evidence), newest first.
    checks: Vec<(String, &'static str, String)>,
    outcome: Option<Outcome>,
}

#[component]
pub(super) fn Implementation(id: Id) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let progress = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| {
                    let from = e.phase_began().to_string();
                    e.objectives
                        .iter()
                        .map(|o| {
                            let mut checks: Vec<_> = o
                                .checks
                                .iter()
                                .map(|c| (c.date.clone(), c.rating.label(), c.evidence.clone()))
                                .collect();
                            checks.sort_by(|a, b| b.0.cmp(&a.0));
                            ObjectiveProgress {
                                id: o.id.to_string(),
                                title: o.title.clone(),
                                cadence: o.cadence.label(),
                                next_due: o.next_check_due(&from).map(crate::domain::dates::iso),
                                checks,
                                outcome: o.outcome,
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby="phase-title">
            <h2 id="phase-title">"Phase 4: Implementation, monitoring and evaluation"</h2>
            <p>"The work plan is carried out, and each objective\u{2019}s progress is checked at its cadence. At the end of the year, the annual assessment."</p>
            <h3>"Progress on each objective"</h3>
            {move || {
                let list = progress.get();
                if list.is_empty() {
                    return view! { <p>"No objectives yet: agree them in planning."</p> }.into_any();
                }
                view! {
                    <ol class="objective-list">
                        {list.into_iter().map(|o| view! {
                            <li class="objective">
                                <h4>{o.title.clone()}</h4>
                                <p class="hint">{format!("{} checks.", o.cadence)}
                                    {o.next_due.clone().map(|d| format!(" Next check due {d}."))}</p>
                                {if o.checks.is_empty() {
                                    view! { <p>"No progress recorded yet."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="check-in-list">
                                            {o.checks.iter().map(|(d, r, ev)| view! {
                                                <li><strong>{format!("{d}: {r}")}</strong>
                                                    {(!ev.is_empty()).then(|| view! { <span class="check-in-note">{ev.clone()}</span> })}</li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <AddCheck id=id.clone() progress/>
            <h3>"Annual assessment"</h3>
            <Reflection id=id.clone() end=true/>
            <Outcomes id=id.clone() progress/>
            <Evaluation id=id.clone()/>
        </section>
    }
}

#[component]
fn AddCheck(id: Id, progress: Memo<Vec<ObjectiveProgress>>) -> impl IntoView {
    let store = use_store();
    let objective = RwSignal::new(String::new());
    let date = RwSignal::new(browser::today());
    let rating = RwSignal::new(Rating::OnTrack.key().to_string());
    let evidence = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut oid = objective.get_untracked();
        if oid.is_empty() {
            oid = progress.with_untracked(|p| p.first().map(|o| o.id.clone()).unwrap_or_default());
        }
        let r = Rating::from_key(&rating.get_untracked()).unwrap_or(Rating::OnTrack);
        match edit_engagement(store, &id, |e| {
            e.add_check(
                &Id::fixed(oid),
                new_id(),
                &date.get_untracked(),
                r,
                &evidence.get_untracked(),
            )
        }) {
            Ok(()) => {
                error.set(None);
                evidence.set(String::new());
                added.set(Some(format!("Progress recorded: {}.", r.label())));
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("check-date");
            }
        }
    };
    view! {
        {move || (!progress.with(Vec::is_empty)).then(|| view! {
            <form class="add-check" on:submit=submit.clone() novalidate aria-labelledby="add-check-title">
                <h4 id="add-check-title">"Record progress"</h4>
                <div class="school-fields">
                    <div class="field">
                        <label for="check-objective">"Objective"</label>
                        <select id="check-objective" prop:value=move || objective.get() on:change=move |ev| objective.set(event_target_value(&ev))>
                            {move || progress.get().into_iter().map(|o| { let is = o.id.clone(); view! { <option value=o.id selected=move || objective.with(|x| x == &is || (x.is_empty() && progress.with_untracked(|p| p.first().is_some_and(|f| f.id == is))))>{o.title}</option> } }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="check-date">"Date"</label>
                        <input id="check-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then_some("check-error")/>
                    </div>
                    <div class="field">
                        <label for="check-rating">"Rating"</label>
                        <select id="check-rating" prop:value=move || rating.get() on:change=move |ev| rating.set(event_target_value(&ev))>
                            {Rating::ALL.into_iter().map(|r| view! { <option value=r.key() selected=move || rating.with(|x| x == r.key())>{r.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <label for="check-evidence">"Evidence"</label>
                <textarea id="check-evidence" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || evidence.get() on:input=move |ev| evidence.set(event_target_value(&ev))></textarea>
                <FieldError id="check-error" error/>
                <button type="submit">"Record progress"</button>
                {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        })}
    }
}

#[component]
fn Outcomes(id: Id, progress: Memo<Vec<ObjectiveProgress>>) -> impl IntoView {
    let store = use_store();
    let set = Callback::new(move |(oid, key): (String, String)| {
        let _ = edit_engagement(store, &id, |e| {
            e.set_outcome(&Id::fixed(oid), Outcome::from_key(&key))
        });
    });
    view! {
        <h4>"Each objective at the end of the year"</h4>
        {move || progress.get().into_iter().map(|o| {
            let sel = format!("outcome-{}", o.id);
            let oid = o.id.clone();
            let current = o.outcome.map(|x| x.key()).unwrap_or("");
            view! {
                <div class="field">
                    <label for=sel.clone()>{o.title.clone()}</label>
                    <select id=sel on:change=move |ev| set.run((oid.clone(), event_target_value(&ev)))>
                        <option value="" selected=current.is_empty()>"Not assessed yet"</option>
                        {Outcome::ALL.into_iter().map(|x| view! { <option value=x.key() selected=x.key() == current>{x.label()}</option> }).collect_view()}
                    </select>
                </div>
            }
        }).collect_view()}
    }
}

#[component]
fn Evaluation(id: Id) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&eid))
            .map(|e| e.coach_evaluation.clone())
            .unwrap_or_default()
    });
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let eid = id.clone();
    let complete = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| e.completed_on.clone())
                .unwrap_or_default()
        })
    });
    let eid = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match edit_engagement(store, &eid, |e| e.set_evaluation(&text.get_untracked())) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved.".into()));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let close_error = RwSignal::new(None::<String>);
    let eid = id.clone();
    let close = move |_| match edit_engagement(store, &eid, |e| e.complete(&browser::today())) {
        Ok(()) => close_error.set(None),
        Err(e) => close_error.set(Some(e)),
    };
    let reopen = move |_| {
        let _ = edit_engagement(store, &id, |e| {
            e.reopen();
            Ok(())
        });
    };
    view! {
        <form on:submit=submit novalidate aria-labelledby="evaluation-title">
            <h4 id="evaluation-title">"The coach\u{2019}s evaluation of the results"</h4>
            <label for="coach-evaluation">"Evaluation"</label>
            <textarea id="coach-evaluation" rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <FieldError error/>
            <button type="submit">"Save"<span class="visually-hidden">" the evaluation"</span></button>
            {move || saved.get().map(|m| view! { <span class="ok" role="status">{m}</span> })}
        </form>
        {move || {
            let on = complete.get();
            if on.is_empty() {
                view! {
                    <button type="button" class="primary" on:click=close.clone()>"Complete the annual assessment"</button>
                    <FieldError error=close_error/>
                }.into_any()
            } else {
                view! {
                    <p class="ok">{format!("Annual assessment completed on {on}.")}</p>
                    <button type="button" class="secondary" on:click=reopen.clone()>"Reopen"</button>
                }.into_any()
            }
        }}
    }
}
