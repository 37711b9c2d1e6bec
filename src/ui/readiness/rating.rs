//! The round page before the reveal: the raters, each one's private form behind their PIN,
//! adding raters, and the reveal.
//!
//! Nothing here shows a level except the open form of the rater who typed their PIN: the
//! list says only how far each rater has got, and a closed form is not in the page at all.

use crate::domain::readiness::pin::{check_pin, Access, PinLock, Tried, MAX_PIN_DIGITS};
use crate::domain::readiness::round::{Rater, Role, MAX_EVIDENCE_CHARS};
use crate::domain::text::MAX_NAME_CHARS;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::platform::browser;
use crate::ui::readiness::round::{Ctx, LevelOptions};
use leptos::prelude::*;

/// What the rating part of the page shows: the raters, one rater's PIN step, or their form.
#[derive(Clone, PartialEq)]
enum Open {
    Closed,
    Pin(Id),
    Form(Id),
}

/// Move focus to an element drawn by the change just made, once it is drawn.
fn focus_drawn(id: &'static str) {
    request_animation_frame(move || browser::focus_id(id));
}

/// Scroll to a heading drawn by the change just made, and move focus to it.
pub(super) fn show_heading(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
        browser::focus_id(id);
    });
}

#[component]
pub(super) fn Rating(ctx: Ctx) -> impl IntoView {
    let open = RwSignal::new(Open::Closed);
    let notice = RwSignal::new(None::<String>);
    // Kept here, not in the list, so the Undo of a removed rater survives another rater's
    // form being opened and closed.
    let undo = RwSignal::new(None::<(usize, Rater)>);
    move || match open.get() {
        Open::Form(rater) => view! { <RaterForm ctx rater open notice/> }.into_any(),
        Open::Pin(rater) => view! { <PinStep ctx rater open/> }.into_any(),
        Open::Closed => view! {
            {move || notice.get().map(|n| view! { <p class="ok" role="status">{n}</p> })}
            <Raters ctx open notice undo/>
            <AddRater ctx/>
            <Reveal ctx/>
        }
        .into_any(),
    }
}

/// One rater's line: no level, only how far they have got and who may open their form.
#[derive(Clone)]
struct Line {
    id: Id,
    name: String,
    role: Role,
    rated: usize,
    criteria: usize,
    access: Access,
}

impl Line {
    fn progress(&self) -> String {
        let (rated, n) = (self.rated, self.criteria);
        if rated == 0 {
            "Not started".to_string()
        } else if rated == n {
            "All criteria rated".to_string()
        } else {
            format!("Draft: {rated} of {n} rated")
        }
    }

    fn lock(&self) -> &'static str {
        match self.access {
            Access::New => "",
            Access::Pin => "Opens with their PIN",
            Access::Sealed => "Saved before PINs: closed until the reveal",
        }
    }
}

#[component]
fn Raters(
    ctx: Ctx,
    open: RwSignal<Open>,
    notice: RwSignal<Option<String>>,
    undo: RwSignal<Option<(usize, Rater)>>,
) -> impl IntoView {
    // The one question open in the table: `rater-{id}-clear` or `rater-{id}-remove`.
    let confirming = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let list = move || {
        let n = ctx.criteria();
        ctx.round.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.raters
                        .iter()
                        .map(|x| Line {
                            id: x.id.clone(),
                            name: x.name.clone(),
                            role: x.role,
                            rated: x.rated(n),
                            criteria: n,
                            access: x.access(),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let remove = move |id: Id| {
        let mut removed = None;
        let _ = ctx.edit(|r, _| {
            removed = Some(r.remove_rater(&id)?);
            Ok(())
        });
        undo.set(removed);
        focus_drawn("raters-undo");
    };
    let restore = Callback::new(move |()| {
        if let Some((at, rater)) = undo.get_untracked() {
            let _ = ctx.edit(|r, _| r.restore_rater(at, rater));
        }
        undo.set(None);
        browser::focus_id("raters-title");
    });
    let clear = move |id: Id| {
        match ctx.edit(|r, _| r.clear_answers(&id).map(|_| ())) {
            Ok(()) => {
                problem.set(None);
                notice.set(None);
                // The Undo of the rater just cleared (each has its own).
                let undo_id = format!("clear-undo-{}", id.as_str());
                request_animation_frame(move || browser::focus_id(&undo_id));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    // Raters whose cleared answers can still come back: kept in the round until the reveal,
    // so the undo is here after a reload too.
    let restorable = move || {
        ctx.round.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.raters
                        .iter()
                        .filter(|x| x.can_restore())
                        .map(|x| (x.id.clone(), x.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let unclear = move |id: Id| {
        if let Err(e) = ctx.edit(|r, _| r.restore_answers(&id)) {
            problem.set(Some(e));
        }
        browser::focus_id("raters-title");
    };
    view! {
        <section class="panel" aria-labelledby="raters-title">
            <h2 id="raters-title" tabindex="-1">"Raters"</h2>
            <p>"Each rater rates every criterion privately. Open one rater\u{2019}s form at a time and pass the device round the table: nobody sees another rater\u{2019}s levels until the team reveals them together."</p>
            <p class="note">"Each rater chooses a PIN when starting, and their saved form opens again only with it. The PIN guards against a colleague at the table, not against someone with the browser\u{2019}s developer tools: the answers are stored in this browser. A rater who forgets their PIN can be cleared and re-rate."</p>
            {move || undo.get().map(|(_, r)| view! {
                <UndoNotice id="raters-undo" message=format!("{} removed from the round.", r.name) on_undo=restore/>
            })}
            <div role="status">
                {move || restorable().into_iter().map(|(id, name)| view! {
                    <UndoNotice id=format!("clear-undo-{}", id.as_str()) in_status=true
                        message=format!("{name}\u{2019}s answers are cleared: they can rate again, with a new PIN. Undo is possible until the reveal.")
                        what=format!("clearing {name}\u{2019}s answers")
                        on_undo=move |()| unclear(id.clone())/>
                }).collect_view()}
            </div>
            <FieldError error=problem/>
            {move || {
                let rows = list();
                if rows.is_empty() {
                    return view! { <p>"No raters yet. Add the leadership-team members and the principal below."</p> }.into_any();
                }
                view! {
                    <ScrollTable label="Raters table">
                        <table class="data raters" aria-labelledby="raters-title">
                            <thead><tr>
                                <th scope="col">"Rater"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col">"Progress"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|line| {
                                    let progress = line.progress();
                                    let lock = line.lock();
                                    let Line { id, name, role, access, .. } = line;
                                    let who = name.clone();
                                    let open_button = match access {
                                        Access::Sealed => None,
                                        Access::New | Access::Pin => {
                                            let id = id.clone();
                                            let label = if access == Access::New { "Rate" } else { "Continue rating" };
                                            Some(view! {
                                                <button type="button" class="primary"
                                                    on:click=move |_| { notice.set(None); open.set(Open::Pin(id.clone())); }>
                                                    {label}<span class="visually-hidden">{format!(" as {who}")}</span>
                                                </button>
                                            })
                                        }
                                    };
                                    let started = access != Access::New;
                                    let (id_clear, id_remove) = (id.clone(), id.clone());
                                    let who = name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{name.clone()}</th>
                                            <td>{role.label()}</td>
                                            <td>{progress}{(!lock.is_empty()).then(|| view! { <span class="small">{lock}</span> })}</td>
                                            <td class="row-actions">
                                                {open_button}
                                                {started.then(|| view! {
                                                    <ConfirmRemove id=format!("rater-{}-clear", id.as_str()) open=confirming
                                                        verb=Verb::Clear label="Clear and re-rate" name=who.clone()
                                                        question=format!("Delete {who}\u{2019}s answers so they rate again?")
                                                        on_yes=move |()| clear(id_clear.clone())/>
                                                })}
                                                <ConfirmRemove id=format!("rater-{}-remove", id.as_str()) open=confirming
                                                    name=who.clone() question=format!("Remove {who} and their ratings?")
                                                    on_yes=move |()| remove(id_remove.clone())/>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}

/// Before a rater's form opens: choosing a PIN (a new rater) or typing it (a started one).
/// The PIN is never shown, and never leaves this step except as a salted hash.
#[component]
fn PinStep(ctx: Ctx, rater: Id, open: RwSignal<Open>) -> impl IntoView {
    let info = ctx.round.with_untracked(|r| {
        r.as_ref()
            .and_then(|r| r.rater(&rater))
            .map(|x| (x.name.clone(), x.access()))
    });
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| browser::focus_id("pin-title"));
    let back = move |_| {
        open.set(Open::Closed);
        focus_drawn("raters-title");
    };
    let Some((name, access)) = info else {
        return view! {
            <section class="panel" aria-labelledby="pin-title">
                <h2 id="pin-title" tabindex="-1">"That rater is no longer in this round"</h2>
                <button type="button" on:click=back>"Back to the raters"</button>
            </section>
        }
        .into_any();
    };
    let id = rater.clone();
    let who = name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = pin.get_untracked();
        let result = match access {
            Access::New => check_pin(&typed)
                .and_then(|()| {
                    if again.get_untracked() == typed {
                        Ok(())
                    } else {
                        Err("The two PINs differ. Type the same PIN twice.".to_string())
                    }
                })
                .and_then(|()| PinLock::new(browser::random_bytes(), &typed))
                .and_then(|lock| ctx.edit(|r, _| r.set_pin(&id, lock))),
            Access::Pin => {
                let now = js_sys::Date::now() as u64;
                let mut tried = None;
                let saved = ctx.edit(|r, _| {
                    tried = Some(r.try_pin(&id, &typed, now)?);
                    Ok(())
                });
                match (saved, tried) {
                    (_, Some(Tried::Opened)) => Ok(()),
                    (_, Some(Tried::Paused { seconds })) => Err(format!("Too many wrong PINs for {who}. Wait {seconds} seconds, then try again, or ask the facilitator to clear and re-rate.")),
                    (_, Some(Tried::Wrong { left })) => Err(format!(
                        "That PIN does not open {who}\u{2019}s form. {} Or ask the facilitator to clear and re-rate.",
                        if left == 1 { "One more wrong PIN starts a 30-second pause." } else { "Try again." }
                    )),
                    (Err(e), None) => Err(e),
                    (Ok(()), None) => Err(format!("That PIN does not open {who}\u{2019}s form.")),
                }
            }
            Access::Sealed => Err(format!("{who}\u{2019}s answers were saved before PINs, so they stay closed until the reveal.")),
        };
        match result {
            Ok(()) => open.set(Open::Form(id.clone())),
            Err(e) => {
                pin.set(String::new());
                again.set(String::new());
                error.set(Some(e));
                browser::focus_id("pin");
            }
        }
    };
    let new = access == Access::New;
    let title = if new {
        format!("Start rating as {name}")
    } else {
        format!("Continue rating as {name}")
    };
    let label = if new {
        format!("Choose a PIN for {name} (4 to {MAX_PIN_DIGITS} digits)")
    } else {
        format!("{name}\u{2019}s PIN")
    };
    let described = move || error.with(Option::is_some).then_some("pin-error");
    view! {
        <section class="panel" aria-labelledby="pin-title">
            <h2 id="pin-title" tabindex="-1">{title}</h2>
            <p>{if new {
                format!("Only {name} should see the next screen. Choose a PIN you will remember: your form opens again only with it, so nobody else at the table can read your answers before the reveal.")
            } else {
                format!("Only {name} should go on. Type your PIN to open your form.")
            }}</p>
            <p class="small">"The PIN guards against a colleague at the table, not against someone with the browser\u{2019}s developer tools."</p>
            <form on:submit=submit novalidate class="inline-form pin-form">
                <div class="field">
                    <label for="pin">{label}</label>
                    <input id="pin" type="password" inputmode="numeric" autocomplete="one-time-code"
                        maxlength=MAX_PIN_DIGITS.to_string()
                        prop:value=move || pin.get()
                        on:input=move |ev| pin.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=described/>
                </div>
                {new.then(|| view! {
                    <div class="field">
                        <label for="pin-again">"Type the PIN again"</label>
                        <input id="pin-again" type="password" inputmode="numeric" autocomplete="one-time-code"
                            maxlength=MAX_PIN_DIGITS.to_string()
                            prop:value=move || again.get()
                            on:input=move |ev| again.set(event_target_value(&ev))/>
                    </div>
                })}
                <button type="submit" class="primary">{if new { "Start rating" } else { "Open my form" }}</button>
                <button type="button" class="secondary" on:click=back>"Back to the raters"</button>
            </form>
            <FieldError id="pin-error" error/>
        </section>
    }
    .into_any()
}

#[component]
fn AddRater(ctx: Ctx) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Member);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = Id::from_random_bytes(browser::random_bytes());
        let n = name.get_untracked();
        match ctx.edit(|r, _| r.add_rater(id, &n, role.get_untracked())) {
            Ok(()) => {
                error.set(None);
                added.set(Some(format!("{} added.", n.trim())));
                name.set(String::new());
                browser::focus_id("rater-name");
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("rater-name");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-rater-title">
            <h2 id="add-rater-title">"Add a rater"</h2>
            <form on:submit=submit novalidate class="inline-form">
                <div class="field">
                    <label for="rater-name">"Name or role"</label>
                    <input id="rater-name" type="text" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("rater-error")/>
                </div>
                <div class="field">
                    <label for="rater-role">"Role"</label>
                    <select id="rater-role" on:change=move |ev| {
                        if let Some(r) = Role::from_key(&event_target_value(&ev)) { role.set(r) }
                    }>
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.key() selected=move || role.get() == r>{r.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add rater"</button>
            </form>
            <FieldError id="rater-error" error/>
            {move || added.get().map(|e| view! { <p class="ok" role="status">{e}</p> })}
        </section>
    }
}

#[component]
fn Reveal(ctx: Ctx) -> impl IntoView {
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let blockers = move || {
        ctx.round.with(|r| {
            ctx.framework.with(|f| match (r, f) {
                (Some(r), Some(f)) => r.reveal_blockers(f),
                _ => vec![],
            })
        })
    };
    let reveal = move |_| match ctx.edit(|r, f| r.reveal(f)) {
        // The revealed tables replace this panel: show their heading once they are drawn.
        Ok(()) => show_heading("reveal-title"),
        Err(e) => error.set(Some(e)),
    };
    view! {
        <section class="panel" aria-labelledby="reveal-gate-title">
            <h2 id="reveal-gate-title">"Reveal the ratings"</h2>
            {move || {
                let b = blockers();
                if b.is_empty() {
                    view! {
                        <p>"Every rater has rated every criterion. Reveal the ratings when the team is together. After the reveal, ratings can no longer change."</p>
                        {move || if asking.get() {
                            view! {
                                <div class="confirm" role="group" aria-label="Reveal now?">
                                    <p><strong>"Reveal every rater's ratings to the whole team now?"</strong></p>
                                    <button type="button" class="primary" on:click=reveal>"Yes, reveal"</button>
                                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>"Not yet"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! { <button type="button" class="primary" on:click=move |_| asking.set(true)>"Reveal the ratings\u{2026}"</button> }.into_any()
                        }}
                    }.into_any()
                } else {
                    view! {
                        <p>"The round can be revealed when every rater has rated every criterion. Still missing:"</p>
                        <ul class="missing">{b.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    }.into_any()
                }
            }}
            <FieldError error/>
        </section>
    }
}

#[component]
fn RaterForm(
    ctx: Ctx,
    rater: Id,
    open: RwSignal<Open>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let rid = rater.clone();
    let me = Memo::new(move |_| {
        ctx.round
            .with(|r| r.as_ref().and_then(|r| r.rater(&rid).cloned()))
    });
    let name = me.with_untracked(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let role = me.with_untracked(|m| m.as_ref().map(|m| m.role.label()).unwrap_or_default());
    let framework = ctx.framework.get_untracked();
    let n = framework.as_ref().map(|f| f.criteria.len()).unwrap_or(0);
    let error = RwSignal::new(None::<(usize, String)>);
    Effect::new(move |_| browser::focus_id("rating-title"));
    let done_name = name.clone();
    let hand_over = move |_| {
        notice.set(Some(format!(
            "{}\u{2019}s ratings are saved. Pass the device to the next rater.",
            done_name
        )));
        open.set(Open::Closed);
        focus_drawn("raters-title");
    };
    let criteria = framework.map(|f| f.criteria).unwrap_or_default();
    let rated = move || me.with(|m| m.as_ref().map(|m| m.rated(n)).unwrap_or(0));
    view! {
        <section class="rater-form" aria-labelledby="rating-title">
            <h2 id="rating-title" tabindex="-1">{format!("Rating as {name}")}</h2>
            <p class="small">{role}</p>
            <p>{format!("Only {name} should see this form. Choose the level that best matches what you see in the school today, and note your evidence. Your ratings save as you go; other raters can\u{2019}t see them until the team reveals the round. \u{201c}Save and hand over\u{201d} closes the form: it opens again only with your PIN.")}</p>
            {criteria.into_iter().enumerate().map(|(i, c)| {
                let rid = rater.clone();
                let rid_ev = rater.clone();
                let ev_id = format!("evidence-{i}");
                let initial = me.with_untracked(|m| m.as_ref().map(|m| m.evidence(i).to_string()).unwrap_or_default());
                view! {
                    <fieldset class="criterion">
                        <legend>{format!("{}. {}", i + 1, c.name)}</legend>
                        <p class="definition">{c.definition.clone()}</p>
                        <div class="levels">
                            <LevelOptions id_prefix=format!("c{i}") descriptors=c.levels.clone()
                                checked=Signal::derive(move || me.with(|m| m.as_ref().map(|m| m.level(i)).unwrap_or(0)))
                                pick=Callback::new(move |l| {
                                    let rid = rid.clone();
                                    if let Err(e) = ctx.edit(|r, _| r.rate(&rid, i, l)) { error.set(Some((i, e))) }
                                })/>
                        </div>
                        {(!c.questions.is_empty()).then(|| view! {
                            <details class="questions">
                                <summary>"Guiding questions"</summary>
                                <ul>{c.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
                            </details>
                        })}
                        <label for=ev_id.clone()>{format!("Evidence for \u{201c}{}\u{201d} (optional)", c.name)}</label>
                        <textarea id=ev_id rows="2" maxlength=MAX_EVIDENCE_CHARS.to_string() prop:value=initial
                            on:input=move |ev| {
                                let rid = rid_ev.clone();
                                let text = event_target_value(&ev);
                                match ctx.edit(|r, _| r.set_evidence(&rid, i, &text)) {
                                    Ok(()) => error.update(|e| if e.as_ref().is_some_and(|(j, _)| *j == i) { *e = None }),
                                    Err(msg) => error.set(Some((i, msg))),
                                }
                            }></textarea>
                        <FieldError error=move || error.get().filter(|(j, _)| *j == i).map(|(_, e)| e)/>
                    </fieldset>
                }
            }).collect_view()}
            <div class="form-footer">
                <p role="status">{move || format!("{} of {n} criteria rated.", rated())}</p>
                <button type="button" class="primary" on:click=hand_over>"Save and hand over"</button>
            </div>
        </section>
    }
}
