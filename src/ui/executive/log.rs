//! `/executive/:id/log`: the contact log. One entry per contact (date, kind, duration,
//! observation, the coach's stance, the strand and objective, shared and private notes),
//! counted against the allowance, with a warning before it is exceeded; the weekly on-site
//! meeting and its calendar file.

use super::{edit_engagement, new_id, use_heading, EngagementTop};
use crate::domain::executive::engagement::{duration, parse_minutes, WEEKDAYS};
use crate::domain::executive::program;
use crate::domain::executive::{Contact, Field, Kind, Refusal, Stance, Strand, Weekly};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::rows_in_steps::{self, AfterPaint};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::show_more::ShowMore;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ContactLogPage() -> impl IntoView {
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
                (
                    "Contact log".to_string(),
                    format!("/executive/{}/log", h.id),
                ),
            ];
            // The contact being edited in the form, if any (the log's "Edit" sets it).
            let editing = RwSignal::new(None::<Id>);
            let log_id = h.id.clone();
            view! {
                <Title text=format!("{title}: contact log \u{b7} Readyboard")/>
                <Crumbs trail=crumbs/>
                <h1>{format!("{title}: contact log")}</h1>
                <EngagementTop id=h.id.clone() here="log"/>
                <LogForm id=h.id.clone() editing/>
                // The contacts in the frame after the page and its form (make bench-executive).
                <AfterPaint><Log id=log_id.clone() editing/></AfterPaint>
                <AfterPaint><WeeklyPanel id=h.id.clone()/></AfterPaint>
            }
            .into_any()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Choices {
    objectives: Vec<(String, String)>,
    start: String,
    end: String,
}

/// Log a contact, or (while `editing` names one) change it.
#[component]
fn LogForm(id: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let choices = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| Choices {
                    objectives: e
                        .objectives
                        .iter()
                        .map(|o| (o.id.to_string(), o.title.clone()))
                        .collect(),
                    start: e.start.clone(),
                    end: e.end.clone(),
                })
        })
    });
    let date = RwSignal::new(browser::today());
    let kind = RwSignal::new(Kind::OnSite.key().to_string());
    let minutes = RwSignal::new(String::new());
    let observation = RwSignal::new(false);
    let stance = RwSignal::new(String::new());
    let strand = RwSignal::new(String::new());
    let objective = RwSignal::new(String::new());
    let shared = RwSignal::new(String::new());
    let private = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<Refusal>);
    let logged = RwSignal::new(None::<String>);
    // After a contact is logged, the next often shares its date, kind and strand.
    let clear = move || {
        minutes.set(String::new());
        observation.set(false);
        shared.set(String::new());
        private.set(String::new());
    };
    // After an edit (saved, cancelled, or its contact deleted), a fresh form.
    let reset = move || {
        clear();
        date.set(browser::today());
        kind.set(Kind::OnSite.key().to_string());
        stance.set(String::new());
        strand.set(String::new());
        objective.set(String::new());
        refusal.set(None);
    };
    // "Edit" on a contact brings its values into the form, and focus to it; the end of an
    // edit, however it ends, leaves a fresh form.
    let eid = id.clone();
    Effect::new(move |was: Option<bool>| {
        let Some(cid) = editing.get() else {
            if was == Some(true) {
                reset();
            }
            return false;
        };
        let found = store.doc.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .and_then(|e| e.contacts.iter().find(|c| c.id == cid).cloned())
        });
        let Some(c) = found else {
            editing.set(None);
            return true;
        };
        date.set(c.date);
        kind.set(c.kind.key().to_string());
        minutes.set(c.minutes.to_string());
        observation.set(c.observation);
        stance.set(c.stance.map(|s| s.key().to_string()).unwrap_or_default());
        strand.set(c.strand.map(|s| s.key().to_string()).unwrap_or_default());
        objective.set(c.objective.map(|o| o.to_string()).unwrap_or_default());
        shared.set(c.shared_notes);
        private.set(c.private_notes);
        refusal.set(None);
        logged.set(None);
        request_animation_frame(|| browser::focus_id("contact-date"));
        true
    });
    let cancel = move |_| {
        if let Some(cid) = editing.get_untracked() {
            editing.set(None);
            logged.set(None);
            request_animation_frame(move || browser::focus_id(&format!("log-row-{cid}")));
        }
    };
    let eid = id.clone();
    // The warning before the allowance is exceeded, for the kind chosen.
    let warning = Memo::new(move |_| {
        let k = Kind::from_key(&kind.get())?;
        let edited = editing.get();
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let e = d.executive.engagement(&eid)?;
            let mut log = d.executive.contacts_of(e);
            // A contact being edited is weighed as if it were logged anew.
            log.retain(|c| Some(&c.id) != edited.as_ref());
            program::warn_before(e, &log, k)
        })
    });
    let eid = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mins = match parse_minutes(&minutes.get_untracked()) {
            Ok(m) => m,
            Err(m) => {
                logged.set(None);
                refusal.set(Some(Refusal::new(Field::Minutes, m)));
                browser::focus_id("contact-minutes");
                return;
            }
        };
        let k = Kind::from_key(&kind.get_untracked()).unwrap_or(Kind::OnSite);
        let edited = editing.get_untracked();
        let c = Contact {
            id: edited.clone().unwrap_or_else(new_id),
            date: date.get_untracked(),
            kind: k,
            minutes: mins,
            observation: observation.get_untracked(),
            stance: Stance::from_key(&stance.get_untracked()),
            strand: Strand::from_key(&strand.get_untracked()),
            objective: Some(objective.get_untracked())
                .filter(|o| !o.is_empty())
                .map(Id::fixed),
            shared_notes: shared.get_untracked(),
            private_notes: private.get_untracked(),
            session: None,
            extra: Default::default(),
        };
        let when = c.date.clone();
        let mut result = Ok(());
        let _ = edit_engagement(store, &eid, |e| {
            result = if edited.is_some() {
                e.edit_contact(c)
            } else {
                e.log(c)
            };
            result.clone().map_err(String::from)
        });
        match result {
            Ok(()) => {
                refusal.set(None);
                clear();
                logged.set(Some(format!(
                    "{}: {} on {when}, {}.",
                    if edited.is_some() { "Saved" } else { "Logged" },
                    k.label(),
                    duration(mins)
                )));
                if let Some(cid) = edited {
                    editing.set(None);
                    // Back to the contact, once its row is drawn again.
                    request_animation_frame(move || {
                        browser::focus_id(&format!("log-row-{cid}"));
                    });
                }
            }
            Err(r) => {
                logged.set(None);
                let target = match r.field {
                    Field::Date => "contact-date",
                    Field::Minutes => "contact-minutes",
                    _ => "contact-shared",
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
    let invalid = move |f: Field| {
        move || {
            refusal
                .with(|r| r.as_ref().is_some_and(|r| r.field == f))
                .then_some("true")
        }
    };
    let described = move |f: Field, id: &'static str| {
        move || {
            refusal
                .with(|r| r.as_ref().is_some_and(|r| r.field == f))
                .then_some(id)
        }
    };
    view! {
        <section class="panel no-print" class:editing=move || editing.with(Option::is_some) aria-labelledby="log-contact-title">
            <h2 id="log-contact-title">{move || if editing.with(Option::is_some) { "Edit the contact" } else { "Log a contact" }}</h2>
            <p class="visually-hidden" role="status">{move || editing.with(Option::is_some).then_some("Editing a contact: its values are in the form.")}</p>
            <form on:submit=submit novalidate aria-labelledby="log-contact-title">
                <div class="school-fields">
                    <div class="field">
                        <label for="contact-date">"Date"</label>
                        <input id="contact-date" type="date"
                            min=move || choices.with(|c| c.as_ref().map(|c| c.start.clone()))
                            max=move || choices.with(|c| c.as_ref().map(|c| c.end.clone()))
                            prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                            aria-invalid=invalid(Field::Date) aria-describedby=described(Field::Date, "contact-date-error")/>
                        <FieldError id="contact-date-error" error=error_for(Field::Date) quiet=true/>
                    </div>
                    <div class="field">
                        <label for="contact-kind">"Kind"</label>
                        <select id="contact-kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))
                            aria-describedby=move || warning.with(Option::is_some).then_some("allowance-warning")>
                            // A cohort meeting is logged on the cohorts page; an own contact of
                            // that kind (from an import) keeps it when edited.
                            {move || Kind::ALL.into_iter().filter(|k| *k != Kind::Cohort || kind.get() == k.key()).map(|k| view! { <option value=k.key() selected=move || kind.get() == k.key()>{k.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="contact-minutes">"Duration"</label>
                        <span class="hint" id="contact-minutes-hint">"Minutes (45) or hours and minutes (1:30)"</span>
                        <input id="contact-minutes" type="text" inputmode="numeric" autocomplete="off"
                            prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))
                            aria-invalid=invalid(Field::Minutes)
                            aria-describedby=move || if refusal.with(|r| r.as_ref().is_some_and(|r| r.field == Field::Minutes)) { "contact-minutes-hint contact-minutes-error" } else { "contact-minutes-hint" }/>
                        <FieldError id="contact-minutes-error" error=error_for(Field::Minutes) quiet=true/>
                    </div>
                    <div class="field">
                        <label for="contact-stance">"The coach\u{2019}s stance"</label>
                        <select id="contact-stance" prop:value=move || stance.get() on:change=move |ev| stance.set(event_target_value(&ev))>
                            <option value="">"Not recorded"</option>
                            {Stance::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || stance.get() == s.key()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="contact-strand">"Content strand"</label>
                        <select id="contact-strand" prop:value=move || strand.get() on:change=move |ev| strand.set(event_target_value(&ev))>
                            <option value="">"None"</option>
                            {Strand::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || strand.get() == s.key()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="contact-objective">"Objective it served"</label>
                        <select id="contact-objective" prop:value=move || objective.get() on:change=move |ev| objective.set(event_target_value(&ev))>
                            <option value="">"None"</option>
                            {move || choices.get().map(|c| c.objectives).unwrap_or_default().into_iter().map(|(id, t)| { let is = id.clone(); view! { <option value=id selected=move || objective.get() == is>{t}</option> } }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="check"><input id="contact-observation" type="checkbox" prop:checked=move || observation.get()
                    on:change=move |ev| observation.set(event_target_checked(&ev))/>
                    <label for="contact-observation">"Included an observation"</label></p>
                <label for="contact-shared">"Shared notes"</label>
                <span class="hint" id="contact-shared-hint">"The principal sees these."</span>
                <textarea id="contact-shared" rows="2" maxlength=MAX_NOTE_CHARS.to_string() aria-describedby="contact-shared-hint"
                    prop:value=move || shared.get() on:input=move |ev| shared.set(event_target_value(&ev))></textarea>
                <label for="contact-private">"Private notes"</label>
                <span class="hint" id="contact-private-hint">"The coach\u{2019}s alone: never in a status report, a print-out or a file."</span>
                <textarea id="contact-private" rows="2" maxlength=MAX_NOTE_CHARS.to_string() aria-describedby="contact-private-hint"
                    prop:value=move || private.get() on:input=move |ev| private.set(event_target_value(&ev))></textarea>
                {move || warning.get().map(|w| view! { <p id="allowance-warning" class="clash-warning" role="status">{w}</p> })}
                <FieldError error=general/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the contact" } else if warning.with(Option::is_some) { "Log it over the allowance" } else { "Log contact" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=cancel>"Cancel the edit"</button>
                    })}
                </div>
                {move || logged.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        </section>
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Line {
    id: String,
    date: String,
    kind: &'static str,
    time: String,
    observation: bool,
    stance: Option<&'static str>,
    about: String,
    shared: String,
    private: String,
    over: bool,
    cohort: bool,
}

/// How many contacts the log shows at first, newest first; the rest on request. A year of
/// weekly contacts is about 40; the seed's scale is 150.
const SHOWN_AT_FIRST: usize = 40;
/// How many of them are drawn with the page; the rest in the next frames.
const FIRST_DRAWN: usize = 10;

#[component]
fn Log(id: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let show_private = RwSignal::new(false);
    // How many rows the log shows (the latest 40, then 50 more at each press of "Show 50
    // more"), and how many are drawn so far: the first ten with the page, the rest in the next
    // frames. Every row laid out at once is what made leaving a long log slow (make
    // bench-executive), so the log grows only as far as the person asks.
    let limit = RwSignal::new(SHOWN_AT_FIRST);
    let drawn = RwSignal::new(FIRST_DRAWN);
    rows_in_steps::draw_later(drawn, SHOWN_AT_FIRST, usize::MAX);
    let eid = id.clone();
    let lines = Memo::new(move |_| {
        store.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let Some(e) = d.executive.engagement(&eid) else {
                return Vec::new();
            };
            let log = d.executive.contacts_of(e);
            let over = program::over_allowance(e, &log);
            let mut v: Vec<Line> = log
                .iter()
                .map(|c| Line {
                    id: c.id.to_string(),
                    date: c.date.clone(),
                    kind: c.kind.label(),
                    time: duration(c.minutes),
                    observation: c.observation,
                    stance: c.stance.map(|s| s.label()),
                    about: [
                        c.strand.map(|s| s.label().to_string()),
                        c.objective
                            .as_ref()
                            .and_then(|o| e.objective(o))
                            .map(|o| o.title.clone()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" \u{b7} "),
                    shared: c.shared_notes.clone(),
                    private: c.private_notes.clone(),
                    over: over.contains(&c.id),
                    cohort: c.session.is_some(),
                })
                .collect();
            v.reverse();
            v
        })
    });
    // Only "empty or not" redraws the table; a change of its rows goes through `For`.
    let empty = Memo::new(move |_| lines.with(Vec::is_empty));
    let undo = RwSignal::new(None::<(usize, Contact)>);
    let confirming = RwSignal::new(None::<String>);
    let eid = id.clone();
    let remove = Callback::new(move |cid: String| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|e| e.as_str() == cid)) {
            editing.set(None);
        }
        let mut removed = None;
        let _ = edit_engagement(store, &eid, |e| {
            removed = e.remove_contact(&Id::fixed(cid));
            Ok(())
        });
        undo.set(removed);
        request_animation_frame(|| browser::focus_id("contact-undo"));
    });
    let restore = Callback::new(move |()| {
        if let Some((at, c)) = undo.get_untracked() {
            let _ = edit_engagement(store, &id, |e| {
                e.restore_contact(at, c);
                Ok(())
            });
        }
        undo.set(None);
        browser::focus_id("log-title");
    });
    let all = move || {
        limit.set(usize::MAX);
        drawn.set(usize::MAX);
    };
    // A print-out carries the whole log (never a private note: print media hides them).
    let before = window_event_listener_untyped("beforeprint", move |_| all());
    on_cleanup(move || before.remove());
    view! {
        <section class="panel" aria-labelledby="log-title">
            <h2 id="log-title" tabindex="-1">"Contacts"</h2>
            <p class="no-print actions">
                <button type="button" class="secondary" aria-describedby="print-log-hint" on:click=move |_| {
                    // Print once the rows are drawn: inside print() nothing more is.
                    all();
                    request_animation_frame(|| { let _ = window().print(); });
                }>"Print the log for the principal"</button>
                <span class="hint" id="print-log-hint">" Every contact with its shared notes. Private notes are never printed."</span>
            </p>
            {move || undo.get().map(|(_, c)| view! {
                <UndoNotice id="contact-undo" message=format!("The {} on {} was removed.", c.kind.label().to_lowercase(), c.date) on_undo=restore/>
            })}
            <p class="check no-print">
                <input id="show-private" type="checkbox" prop:checked=move || show_private.get()
                    on:change=move |ev| show_private.set(event_target_checked(&ev))/>
                <label for="show-private">"Show the coach\u{2019}s private notes"</label>
            </p>
            {move || if empty.get() {
                view! { <p>"No contacts yet."</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{move || format!("{} in the log, newest first.", crate::domain::text::plural(lines.with(Vec::len), "contact", "contacts"))}</p>
                    <ScrollTable label="Contact log table">
                        <table class="data contact-log stack" role="table" aria-labelledby="log-title">
                            <thead role="rowgroup"><tr role="row">
                                <th scope="col" role="columnheader">"Date"</th>
                                <th scope="col" role="columnheader">"Kind"</th>
                                <th scope="col" role="columnheader">"About"</th>
                                <th scope="col" role="columnheader">"Notes"</th>
                                <th scope="col" role="columnheader"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody role="rowgroup">
                                <For each=move || lines.with(|v| v.iter().take(limit.get().min(drawn.get())).cloned().collect::<Vec<_>>()) key=|l| l.clone() let:l>
                                    {
                                        let (cid, label) = (l.id.clone(), format!("the {} on {}, {}", l.kind.to_lowercase(), l.date, l.time));
                                        let private = l.private.clone();
                                        view! {
                                            <tr role="row" class:over=l.over>
                                                <th scope="row" role="rowheader" class="nowrap" id=format!("log-row-{}", l.id) tabindex="-1">{l.date.clone()}</th>
                                                <td role="cell">{l.kind}<span class="small">{l.time.clone()}</span>
                                                    {l.observation.then(|| view! { <span class="tag">"Observation"</span> })}
                                                    {l.over.then(|| view! { <span class="tag gated-tag">"Over the allowance"</span> })}
                                                </td>
                                                <td role="cell">{l.stance.map(|s| view! { <span class="small">{format!("{s} stance")}</span> })}{l.about.clone()}</td>
                                                <td role="cell">
                                                    {(!l.shared.is_empty()).then(|| view! { <span class="shared-note">{l.shared.clone()}</span> })}
                                                    {move || (show_private.get() && !private.is_empty()).then(|| view! {
                                                        <span class="private-note"><strong>"Private: "</strong>{private.clone()}</span>
                                                    })}
                                                </td>
                                                <td role="cell" class="row-actions">
                                                    {if l.cohort {
                                                        view! { <a class="small-link" href="/executive/cohorts">"Cohort meeting: edit there"</a> }.into_any()
                                                    } else {
                                                        let edit_id = Id::fixed(cid.clone());
                                                        view! {
                                                            <button type="button" class="secondary" aria-label=format!("Edit {label}")
                                                                on:click=move |_| editing.set(Some(edit_id.clone()))>"Edit"</button>
                                                            <ConfirmRemove id=format!("contact-{cid}-remove") open=confirming name=label.clone()
                                                                verb=crate::ui::kit::remove::Verb::Delete
                                                                question=format!("Delete {label}?")
                                                                on_yes=move |()| remove.run(cid.clone())/>
                                                        }.into_any()
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    }
                                </For>
                            </tbody>
                        </table>
                    </ScrollTable>
                    <ShowMore limit total=Signal::derive(move || lines.with(Vec::len)) what="contacts" back_to="log-title"/>
                }.into_any()
            }}
        </section>
    }
}

/// The weekly on-site meeting, and its calendar file.
#[component]
fn WeeklyPanel(id: Id) -> impl IntoView {
    let store = use_store();
    let w = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&id))
            .and_then(|e| e.weekly.clone())
    });
    let weekday = RwSignal::new(w.as_ref().map_or(String::new(), |w| w.weekday.to_string()));
    let time = RwSignal::new(w.as_ref().map_or(String::new(), |w| w.time.clone()));
    let place = RwSignal::new(w.as_ref().map_or(String::new(), |w| w.place.clone()));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let eid = id.clone();
    // (meetings, whether on the school's calendar: school days only)
    let count = Memo::new(move |_| {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let e = d.executive.engagement(&eid)?;
            let all = e.weekly_dates().len();
            let n = crate::domain::executive::report::weekly_meetings(d, e).len();
            Some((n, n < all))
        })
    });
    let eid = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = weekday.get_untracked();
        let weekly = day.parse::<u8>().ok().map(|weekday| Weekly {
            weekday,
            time: time.get_untracked().trim().to_string(),
            place: place.get_untracked().trim().to_string(),
        });
        match edit_engagement(store, &eid, |e| e.set_weekly(weekly)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let download = move |_| {
        let file = store.doc.with_untracked(|d| {
            let d = d.as_ref()?;
            let e = d.executive.engagement(&id)?;
            let stamp = browser::now_iso()
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == 'T')
                .take(15)
                .collect::<String>()
                + "Z";
            Some((
                format!(
                    "{}-weekly.ics",
                    crate::domain::executive::report::file_stem(d, e)
                ),
                crate::domain::executive::report::weekly_ics(d, e, &stamp),
            ))
        });
        if let Some((name, text)) = file {
            if let Err(e) = browser::download(&name, "text/calendar", &text) {
                error.set(Some(e));
            }
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="weekly-title">
            <h2 id="weekly-title">"Weekly on-site meetings"</h2>
            <p>"A calendar of the weekly meetings, from the start of the engagement to its end. Its events keep their IDs, so a calendar that imports a newer file updates them."</p>
            <form class="inline-form" on:submit=submit novalidate aria-labelledby="weekly-title">
                <div class="field">
                    <label for="weekly-day">"Day"</label>
                    <select id="weekly-day" prop:value=move || weekday.get() on:change=move |ev| weekday.set(event_target_value(&ev))>
                        <option value="" selected=move || weekday.with(String::is_empty)>"No weekly meeting"</option>
                        {WEEKDAYS.iter().enumerate().map(|(i, d)| view! { <option value=(i + 1).to_string() selected=move || weekday.with(|w| w == &(i + 1).to_string())>{*d}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="weekly-time">"Time (optional)"</label>
                    <input id="weekly-time" type="time" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="weekly-place">"Place (optional)"</label>
                    <input id="weekly-place" type="text" maxlength="200" prop:value=move || place.get() on:input=move |ev| place.set(event_target_value(&ev))/>
                </div>
                <button type="submit">"Save"<span class="visually-hidden">" the weekly meeting"</span></button>
            </form>
            <FieldError error/>
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            {move || count.get().filter(|c| c.0 > 0).map(|(n, school_days)| view! {
                <p>{if school_days {
                    format!("{n} weekly meetings, on school days only (the school\u{2019}s calendar on its Plus board). ")
                } else {
                    format!("{n} weekly meetings. ")
                }}
                    <button type="button" on:click=download.clone()>"Download the calendar (.ics)"</button></p>
            })}
        </section>
    }
}
