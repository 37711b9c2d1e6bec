//! `/executive/cohorts`: the cohorts, and their meetings. A cohort meeting is logged once and
//! counts as a contact, and an off-site session, for every principal in the cohort whose
//! engagement runs on its date (except those marked absent).

use super::new_id;
use crate::domain::executive::engagement::{duration, parse_minutes};
use crate::domain::executive::{Field, Refusal, Session, Stance, Strand};
use crate::domain::text::{plural, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, Debug, PartialEq)]
struct CohortView {
    id: String,
    name: String,
    /// (engagement, principal, school)
    members: Vec<(String, String, String)>,
    /// (id, date, time, attended, absent names, shared notes)
    sessions: Vec<(String, String, String, usize, Vec<String>, String)>,
}

#[component]
pub fn CohortsPage() -> impl IntoView {
    let store = use_store();
    let cohorts = Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let x = &d.executive;
            x.cohorts
                .iter()
                .map(|c| {
                    let members: Vec<_> = x
                        .engagements
                        .iter()
                        .filter(|e| e.cohort.as_ref() == Some(&c.id))
                        .map(|e| {
                            (
                                e.id.to_string(),
                                e.principal.clone(),
                                super::school_name(d, &e.school_id),
                            )
                        })
                        .collect();
                    let sessions = x
                        .sessions
                        .iter()
                        .filter(|s| s.cohort == c.id)
                        .rev()
                        .map(|s| {
                            let on = x.members_on(&c.id, &s.date);
                            let absent: Vec<String> = on
                                .iter()
                                .filter(|e| s.absent.contains(&e.id))
                                .map(|e| e.principal.clone())
                                .collect();
                            (
                                s.id.to_string(),
                                s.date.clone(),
                                duration(s.minutes),
                                on.len() - absent.len(),
                                absent,
                                s.shared_notes.clone(),
                            )
                        })
                        .collect();
                    CohortView {
                        id: c.id.to_string(),
                        name: c.name.clone(),
                        members,
                        sessions,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let undo = RwSignal::new(None::<(usize, Session)>);
    let confirming = RwSignal::new(None::<String>);
    let remove = Callback::new(move |sid: String| {
        let mut removed = None;
        store.edit(|d| removed = d.executive.remove_session(&Id::fixed(sid)));
        undo.set(removed);
        request_animation_frame(|| browser::focus_id("session-undo"));
    });
    let restore = Callback::new(move |()| {
        if let Some((at, s)) = undo.get_untracked() {
            store.edit(|d| d.executive.restore_session(at, s));
        }
        undo.set(None);
        browser::focus_id("cohorts-title");
    });
    let crumbs = vec![
        ("Executive coaching".to_string(), "/executive".to_string()),
        (
            "Cohort meetings".to_string(),
            "/executive/cohorts".to_string(),
        ),
    ];
    view! {
        <Title text="Cohort meetings \u{b7} Readyboard"/>
        <Crumbs trail=crumbs/>
        <h1>"Cohort meetings"</h1>
        <p class="lead">"Principals who meet together, such as the Gold tier\u{2019}s geographic cohort. Log a meeting once: it counts as a contact, and an off-site session, for every principal in the cohort."</p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                {move || undo.get().map(|(_, s)| view! {
                    <UndoNotice id="session-undo" message=format!("The cohort meeting on {} was deleted.", s.date) on_undo=restore/>
                })}
                <h2 id="cohorts-title" tabindex="-1" class="visually-hidden">"Cohorts"</h2>
                {move || if cohorts.with(Vec::is_empty) {
                    view! { <p>"No cohorts yet. Add one below, then choose it on each principal\u{2019}s engagement."</p> }.into_any()
                } else {
                    cohorts.get().into_iter().map(|c| {
                        let title_id = format!("cohort-{}-title", c.id);
                        let labelled = title_id.clone();
                        view! {
                            <section class="panel" aria-labelledby=labelled>
                                <h2 id=title_id>{c.name.clone()}</h2>
                                {if c.members.is_empty() {
                                    view! { <p>"No engagement is in this cohort yet: choose it on an engagement\u{2019}s set-up."</p> }.into_any()
                                } else {
                                    view! {
                                        <p>{format!("{}: ", plural(c.members.len(), "principal", "principals"))}
                                            {c.members.iter().enumerate().map(|(i, (id, p, s))| view! {
                                                {(i > 0).then_some(", ")}<a href=format!("/executive/{id}")>{format!("{p} ({s})")}</a>
                                            }).collect_view()}</p>
                                    }.into_any()
                                }}
                                <h3>"Meetings"</h3>
                                {if c.sessions.is_empty() {
                                    view! { <p>"No meetings logged yet."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="session-list">
                                            {c.sessions.into_iter().map(|(sid, date, time, attended, absent, notes)| {
                                                let label = format!("the cohort meeting on {date}");
                                                view! {
                                                    <li>
                                                        <strong>{format!("{date}, {time}")}</strong>
                                                        {format!(": counted for {}", plural(attended, "principal", "principals"))}
                                                        {(!absent.is_empty()).then(|| format!(" (absent: {})", absent.join(", ")))}
                                                        {(!notes.is_empty()).then(|| view! { <span class="check-in-note">{notes.clone()}</span> })}
                                                        <ConfirmRemove id=format!("session-{sid}-remove") open=confirming name=label.clone()
                                                            verb=Verb::Delete question=format!("Delete {label}? It leaves every principal\u{2019}s log.")
                                                            on_yes=move |()| remove.run(sid.clone())/>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                        }
                    }).collect_view().into_any()
                }}
                <LogSession cohorts/>
                <AddCohort/>
            }.into_any(),
        }}
    }
}

#[component]
fn LogSession(cohorts: Memo<Vec<CohortView>>) -> impl IntoView {
    let store = use_store();
    let cohort = RwSignal::new(String::new());
    let date = RwSignal::new(browser::today());
    let minutes = RwSignal::new(String::new());
    let stance = RwSignal::new(String::new());
    let strand = RwSignal::new(String::new());
    let shared = RwSignal::new(String::new());
    let private = RwSignal::new(String::new());
    let absent = RwSignal::new(Vec::<String>::new());
    let refusal = RwSignal::new(None::<Refusal>);
    let logged = RwSignal::new(None::<String>);
    let chosen = Memo::new(move |_| {
        let c = cohort.get();
        cohorts.with(|list| {
            list.iter()
                .find(|x| x.id == c)
                .or_else(|| list.first())
                .cloned()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = chosen.get_untracked() else {
            return;
        };
        let mins = match parse_minutes(&minutes.get_untracked()) {
            Ok(m) => m,
            Err(m) => {
                refusal.set(Some(Refusal::new(Field::Minutes, m)));
                browser::focus_id("session-minutes");
                return;
            }
        };
        let s = Session {
            id: new_id(),
            cohort: Id::fixed(c.id.clone()),
            date: date.get_untracked(),
            minutes: mins,
            stance: Stance::from_key(&stance.get_untracked()),
            strand: Strand::from_key(&strand.get_untracked()),
            shared_notes: shared.get_untracked(),
            private_notes: private.get_untracked(),
            absent: absent.get_untracked().into_iter().map(Id::fixed).collect(),
            extra: Default::default(),
        };
        let when = s.date.clone();
        let mut result = Ok(());
        let mut counted = 0;
        let _ = store.try_edit(|d| {
            result = d.executive.log_session(s.clone());
            counted = d
                .executive
                .members_on(&s.cohort, &s.date)
                .iter()
                .filter(|e| !s.absent.contains(&e.id))
                .count();
            result.clone().map_err(String::from)
        });
        match result {
            Ok(()) => {
                refusal.set(None);
                minutes.set(String::new());
                shared.set(String::new());
                private.set(String::new());
                absent.set(Vec::new());
                logged.set(Some(format!(
                    "Logged the {} meeting on {when}: it counts for {}.",
                    c.name,
                    plural(counted, "principal", "principals")
                )));
            }
            Err(r) => {
                logged.set(None);
                let target = if r.field == Field::Minutes {
                    "session-minutes"
                } else {
                    "session-date"
                };
                refusal.set(Some(r));
                browser::focus_id(target);
            }
        }
    };
    let error_for = move |f: Field| {
        Signal::derive(move || {
            refusal.with(|r| {
                r.as_ref()
                    .filter(|r| r.field == f)
                    .map(|r| r.message.clone())
            })
        })
    };
    let general = Signal::derive(move || {
        refusal.with(|r| {
            r.as_ref()
                .filter(|r| !matches!(r.field, Field::Date | Field::Minutes))
                .map(|r| r.message.clone())
        })
    });
    view! {
        {move || (!cohorts.with(Vec::is_empty)).then(|| view! {
            <section class="panel no-print" aria-labelledby="log-session-title">
                <h2 id="log-session-title">"Log a cohort meeting"</h2>
                <form on:submit=submit novalidate aria-labelledby="log-session-title">
                    <div class="school-fields">
                        <div class="field">
                            <label for="session-cohort">"Cohort"</label>
                            <select id="session-cohort" prop:value=move || cohort.get() on:change=move |ev| { cohort.set(event_target_value(&ev)); absent.set(Vec::new()); }>
                                {move || cohorts.get().into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="session-date">"Date"</label>
                            <input id="session-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                                aria-invalid=move || refusal.with(|r| r.as_ref().is_some_and(|r| r.field == Field::Date)).then_some("true")
                                aria-describedby=move || refusal.with(|r| r.as_ref().is_some_and(|r| r.field == Field::Date)).then_some("session-date-error")/>
                            <FieldError id="session-date-error" error=error_for(Field::Date) quiet=true/>
                        </div>
                        <div class="field">
                            <label for="session-minutes">"Duration"</label>
                            <span class="hint" id="session-minutes-hint">"Minutes (120) or hours and minutes (2:00)"</span>
                            <input id="session-minutes" type="text" inputmode="numeric" autocomplete="off"
                                prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))
                                aria-invalid=move || refusal.with(|r| r.as_ref().is_some_and(|r| r.field == Field::Minutes)).then_some("true")
                                aria-describedby=move || if refusal.with(|r| r.as_ref().is_some_and(|r| r.field == Field::Minutes)) { "session-minutes-hint session-minutes-error" } else { "session-minutes-hint" }/>
                            <FieldError id="session-minutes-error" error=error_for(Field::Minutes) quiet=true/>
                        </div>
                        <div class="field">
                            <label for="session-stance">"The coach\u{2019}s stance"</label>
                            <select id="session-stance" prop:value=move || stance.get() on:change=move |ev| stance.set(event_target_value(&ev))>
                                <option value="">"Not recorded"</option>
                                {Stance::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="session-strand">"Content strand"</label>
                            <select id="session-strand" prop:value=move || strand.get() on:change=move |ev| strand.set(event_target_value(&ev))>
                                <option value="">"None"</option>
                                {Strand::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                            </select>
                        </div>
                    </div>
                    {move || chosen.get().filter(|c| !c.members.is_empty()).map(|c| view! {
                        <fieldset>
                            <legend>"Absent (leave clear when everyone came)"</legend>
                            {c.members.into_iter().map(|(eid, p, s)| {
                                let box_id = format!("absent-{eid}");
                                let e2 = eid.clone();
                                view! {
                                    <p class="check">
                                        <input type="checkbox" id=box_id.clone() prop:checked=move || absent.with(|a| a.contains(&e2))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let eid = eid.clone();
                                                absent.update(|a| { a.retain(|x| x != &eid); if on { a.push(eid); } });
                                            }/>
                                        <label for=box_id>{format!("{p} ({s})")}</label>
                                    </p>
                                }
                            }).collect_view()}
                        </fieldset>
                    })}
                    <label for="session-shared">"Shared notes"</label>
                    <span class="hint" id="session-shared-hint">"Every principal in the cohort sees these."</span>
                    <textarea id="session-shared" rows="2" maxlength=MAX_NOTE_CHARS.to_string() aria-describedby="session-shared-hint"
                        prop:value=move || shared.get() on:input=move |ev| shared.set(event_target_value(&ev))></textarea>
                    <label for="session-private">"Private notes"</label>
                    <span class="hint" id="session-private-hint">"The coach\u{2019}s alone: never in a status report, a print-out or a file."</span>
                    <textarea id="session-private" rows="2" maxlength=MAX_NOTE_CHARS.to_string() aria-describedby="session-private-hint"
                        prop:value=move || private.get() on:input=move |ev| private.set(event_target_value(&ev))></textarea>
                    <FieldError error=general/>
                    <button type="submit" class="primary">"Log the meeting for the cohort"</button>
                    {move || logged.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
                </form>
            </section>
        })}
    }
}

#[component]
fn AddCohort() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        match store.try_edit(|d| d.executive.add_cohort(new_id(), &n)) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                added.set(Some(format!("Cohort added: {}.", n.trim())));
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("cohort-name");
            }
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="add-cohort-title">
            <h2 id="add-cohort-title">"Add a cohort"</h2>
            <form class="inline-form" on:submit=submit novalidate aria-labelledby="add-cohort-title">
                <div class="field">
                    <label for="cohort-name">"Name"</label>
                    <input id="cohort-name" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("cohort-name-error")/>
                </div>
                <button type="submit">"Add cohort"</button>
            </form>
            <FieldError id="cohort-name-error" error/>
            {move || added.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}
