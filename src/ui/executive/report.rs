//! `/executive/:id/report`: the status report for the superintendent, on one or two printed
//! pages, and as CSV. It is drawn from `domain::executive::report::StatusReport`, which has
//! no field for any contact's notes: no private note can reach the page, the print-out or
//! the file.

use super::{edit_engagement, today, use_heading};
use crate::domain::executive::report::{self, StatusReport};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::rows_in_steps::AfterPaint;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StatusReportPage() -> impl IntoView {
    let store = use_store();
    let heading = use_heading();
    let status = Memo::new(move |_| {
        let id = heading.with(|h| h.as_ref().map(|h| h.id.clone()))?;
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let e = d.executive.engagement(&id)?;
            Some(report::status(d, e, today()))
        })
    });
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
                (
                    "Status report".to_string(),
                    format!("/executive/{}/report", h.id),
                ),
            ];
            let id = h.id.clone();
            let csv_error = RwSignal::new(None::<String>);
            let download = move |_| {
                let file = store.doc.with_untracked(|d| {
                    let d = d.as_ref()?;
                    let e = d.executive.engagement(&id)?;
                    Some((
                        format!(
                            "{}-status-{}.csv",
                            report::file_stem(d, e),
                            browser::today()
                        ),
                        report::status(d, e, today()).csv(),
                    ))
                });
                if let Some((name, text)) = file {
                    csv_error.set(browser::download(&name, "text/csv;charset=utf-8", &text).err());
                }
            };
            view! {
                <Title text=format!("{title}: status report \u{b7} Readyboard")/>
                <Crumbs trail=crumbs/>
                <div class="summary-tools no-print">
                    <p class="brief-tools-note">"For the superintendent. It never includes any contact\u{2019}s notes, and never the coach\u{2019}s private notes."</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                        <button type="button" on:click=download>"Download CSV"</button>
                        <a class="button" href=format!("/executive/{}", h.id)>"Back to the phases"</a>
                    </div>
                </div>
                <FieldError error=csv_error/>
                <article class="summary-page status-report" aria-labelledby="report-title">
                    {move || status.get().map(|r| view! { <ReportHead r/> })}
                    // The rest of the report in the frame after its heading (make bench-executive).
                    <AfterPaint>{move || status.get().map(|r| view! { <ReportBody r/> })}</AfterPaint>
                </article>
                <AfterPaint><NextSteps id=h.id.clone()/></AfterPaint>
            }
            .into_any()
        }
    }
}

/// The report's heading and its facts.
#[component]
fn ReportHead(r: StatusReport) -> impl IntoView {
    view! {
            <p class="kicker">{format!("{}: executive coaching status report", r.district)}</p>
            <h1 id="report-title">{format!("{}, {}", r.principal, r.school)}</h1>
            <p class="facts-line">{format!(
                "As of {}. Coach: {}. {} tier ({}). {} to {}.{}",
                r.as_of, r.coach, r.tier, r.allowance, r.start, r.end,
                if r.superintendent.is_empty() { String::new() } else { format!(" For {}.", r.superintendent) }
            )}</p>
    }
}

/// The report below its heading.
#[component]
fn ReportBody(r: StatusReport) -> impl IntoView {
    view! {
            <div class="two-col">
                <section aria-labelledby="r-phase">
                    <h2 id="r-phase">"Phase"</h2>
                    <p><strong>{r.phase.clone()}</strong></p>
                    {(!r.plan_agreed_on.is_empty()).then(|| view! { <p>{format!("Plan agreed on {}.", r.plan_agreed_on)}</p> })}
                    {(!r.phase_needs.is_empty()).then(|| view! {
                        <p>{if r.phase.starts_with("Phase 4") { "Still needed for the annual assessment:" } else { "Still needed before the next phase:" }}</p>
                        <ul class="needs">{r.phase_needs.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                    })}
                </section>
                <section aria-labelledby="r-allowance">
                    <h2 id="r-allowance">"Contacts and allowance"</h2>
                    <ul class="plain">
                        {r.allowance_lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
                        {r.pace.clone().map(|p| view! { <li>{p}</li> })}
                        <li>{format!("Last contact: {}.", r.last_contact.clone().unwrap_or_else(|| "none yet".into()))}</li>
                    </ul>
                    <table class="data compact">
                        <caption class="visually-hidden">"Contacts by kind"</caption>
                        <thead><tr><th scope="col">"Kind"</th><th scope="col" class="num">"Contacts"</th><th scope="col" class="num">"Time"</th></tr></thead>
                        <tbody>
                            {r.contacts.iter().map(|(k, n, t)| view! {
                                <tr><th scope="row">{*k}</th><td class="num">{n.to_string()}</td><td class="num">{t.clone()}</td></tr>
                            }).collect_view()}
                            <tr><th scope="row">"All contacts"</th><td class="num">{r.total_contacts.to_string()}</td>
                                <td class="num">{format!("{} with an observation", r.observations)}</td></tr>
                        </tbody>
                    </table>
                </section>
            </div>
            <section aria-labelledby="r-objectives">
                <h2 id="r-objectives">"Objectives"</h2>
                {if r.objectives.is_empty() {
                    view! { <p>"No objectives agreed yet."</p> }.into_any()
                } else {
                    view! {
                        <table class="data">
                            <thead><tr>
                                <th scope="col">"Objective"</th>
                                <th scope="col">"Latest progress"</th>
                                <th scope="col">"Work plan"</th>
                            </tr></thead>
                            <tbody>
                                {r.objectives.iter().map(|o| view! {
                                    <tr>
                                        <th scope="row">{o.title.clone()}<span class="small">{format!("{}. Indicators: {}", o.cadence, if o.indicators.is_empty() { "none yet" } else { o.indicators.as_str() })}</span></th>
                                        <td>{match &o.latest {
                                            Some((d, r, ev)) => view! { <strong>{format!("{r} ({d})")}</strong><span class="small">{ev.clone()}</span> }.into_any(),
                                            None => view! { <span>"No check yet"</span> }.into_any(),
                                        }}
                                        {o.outcome.map(|x| view! { <span class="tag">{format!("Annual assessment: {x}")}</span> })}</td>
                                        <td>{format!("{} of {} steps done", o.steps_done, o.steps)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            {(!r.flags.is_empty()).then(|| view! {
                <section aria-labelledby="r-attention">
                    <h2 id="r-attention">"Needs attention"</h2>
                    <ul>{r.flags.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            <section aria-labelledby="r-next">
                <h2 id="r-next">"Next steps"</h2>
                <p class="cover-text">{if r.next_steps.is_empty() { "None recorded.".to_string() } else { r.next_steps.clone() }}</p>
            </section>
    }
}

/// The next steps, written for the report.
#[component]
fn NextSteps(id: crate::domain::Id) -> impl IntoView {
    let store = use_store();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&id))
            .map(|e| e.next_steps.clone())
            .unwrap_or_default()
    });
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match edit_engagement(store, &id, |e| e.set_next_steps(&text.get_untracked())) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved: the report shows it.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    view! {
        <form class="panel no-print" on:submit=submit novalidate aria-labelledby="next-steps-title">
            <h2 id="next-steps-title">"Edit the next steps"</h2>
            <label for="next-steps">"Next steps"</label>
            <textarea id="next-steps" rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <FieldError error/>
            <button type="submit">"Save"<span class="visually-hidden">" the next steps"</span></button>
            {move || saved.get().map(|m| view! { <span class="ok" role="status">{m}</span> })}
        </form>
    }
}
