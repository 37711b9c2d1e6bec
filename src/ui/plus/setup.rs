//! `/board/setup?school=…`: a school's Plus set-up: the school-year calendar (first day,
//! weeks, breaks), the Plus team (up to 12, each with their expertise), the teacher teams
//! and the teachers (subject and coaching focus). Also starts a board for a school.
//! Every change is checked by the domain and saved at once; a removal can be undone.

use crate::domain::dates;
use crate::domain::ids::Id;
use crate::domain::plus::board::MAX_MEMBERS;
use crate::domain::plus::calendar::{Break, Calendar};
use crate::domain::plus::state::default_calendar;
use crate::domain::plus::Board;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::plus::start::StartBoard;
use crate::ui::store::{Phase, Store};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A break being edited: (key, label, start, end).
type BreakRow = (usize, String, String, String);

fn new_id() -> Id {
    Id::from_random_bytes(browser::random_bytes())
}

#[component]
pub fn BoardSetupPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Plus board set-up \u{b7} Readyboard"/>
        <h1>"Plus board set-up"</h1>
        <p class="page-links"><a href="/board">"Back to the board"</a></p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! { <Setup/> }.into_any(),
        }}
    }
}

#[component]
fn Setup() -> impl IntoView {
    let store = use_store();
    let query = use_query_map();
    let school = Memo::new(move |_| query.with(|q| q.get("school")).map(Id::fixed));
    let has_board = Memo::new(move |_| {
        let id = school.get();
        store.doc.with(|d| {
            d.as_ref()
                .zip(id.as_ref())
                .is_some_and(|(d, id)| d.plus.board(id).is_some())
        })
    });
    view! {
        {move || if has_board.get() {
            school.get().map(|id| view! { <SchoolSetup school=id/> }.into_any())
        } else {
            Some(view! { <StartBoard/> }.into_any())
        }}
    }
}

/// The last change that removed something, for undo.
#[derive(Clone)]
struct Undo {
    label: String,
    board: Board,
}

#[derive(Clone, Copy)]
struct SetupCtx {
    store: Store,
    school: StoredValue<Id>,
    board: Memo<Option<Board>>,
    said: RwSignal<String>,
    undo: RwSignal<Option<Undo>>,
}

impl SetupCtx {
    /// Apply `f` to the board; on success say `ok`, and with `undo` keep the board before.
    fn edit(
        &self,
        f: impl FnOnce(&mut Board) -> Result<String, String>,
        undo: Option<&str>,
    ) -> Result<(), String> {
        let school = self.school.get_value();
        let (message, before) = crate::ui::plus::board_state::edit_board(&self.store, &school, f)?;
        self.said.set(message);
        if let Some(label) = undo {
            self.undo.set(Some(Undo {
                label: label.to_string(),
                board: before,
            }));
            // The row that held the button is gone: keep focus on the way back.
            request_animation_frame(|| browser::focus_id("setup-undo"));
        } else {
            self.undo.set(None);
        }
        Ok(())
    }

    fn restore(&self) {
        let Some(u) = self.undo.get_untracked() else {
            return;
        };
        let school = self.school.get_value();
        let r = self.store.try_edit(|d| {
            let b = d
                .plus
                .board_mut(&school)
                .ok_or("This school has no Plus board.")?;
            *b = u.board.clone();
            Ok(())
        });
        match r {
            Ok(()) => self.said.set(format!("Undone: {}.", u.label)),
            Err(e) => self.said.set(e),
        }
        self.undo.set(None);
    }
}

#[component]
fn SchoolSetup(school: Id) -> impl IntoView {
    let store = use_store();
    let name = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| {
                d.schools
                    .iter()
                    .find(|s| s.id == school)
                    .map(|s| s.name.clone())
            })
            .unwrap_or_else(|| school.to_string())
    });
    let id2 = school.clone();
    let board = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| d.plus.board(&id2).cloned()))
    });
    let ctx = SetupCtx {
        store,
        school: StoredValue::new(school.clone()),
        board,
        said: RwSignal::new(String::new()),
        undo: RwSignal::new(None),
    };
    provide_context(ctx);
    view! {
        <h2>{name}</h2>
        <p class="page-links"><a href=format!("/board?school={school}")>"Open this school\u{2019}s board"</a></p>
        <div class="setup-status">
            <p role="status" aria-live="polite" data-testid="setup-said">{move || ctx.said.get()}</p>
            {move || ctx.undo.get().map(|u| view! {
                <button type="button" class="secondary" id="setup-undo" on:click=move |_| ctx.restore()>{format!("Undo {}", u.label)}</button>
            })}
        </div>
        <CalendarForm/>
        <Members/>
        <Teams/>
        <Teachers/>
        <crate::ui::plus::import::ImportPeople school=school.clone()/>
    }
}

#[component]
fn CalendarForm() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let initial = ctx
        .board
        .with_untracked(|b| b.as_ref().map(|b| b.calendar.clone()))
        .unwrap_or_else(|| default_calendar(&browser::today()));
    let first = RwSignal::new(initial.first_day.clone());
    let weeks = RwSignal::new(initial.weeks.to_string());
    let gap = RwSignal::new(
        ctx.board
            .with_untracked(|b| b.as_ref().map(|b| b.max_gap_weeks))
            .unwrap_or(4)
            .to_string(),
    );
    let breaks = RwSignal::new(
        initial
            .breaks
            .iter()
            .enumerate()
            .map(|(i, b)| (i, b.label.clone(), b.start.clone(), b.end.clone()))
            .collect::<Vec<BreakRow>>(),
    );
    let next_key = StoredValue::new(initial.breaks.len());
    let error = RwSignal::new(None::<String>);
    // When the stored calendar changes (an undo), the form shows it again.
    let stored = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map(|b| (b.calendar.clone(), b.max_gap_weeks)))
    });
    Effect::new(move |prev: Option<()>| {
        let Some((cal, g)) = stored.get() else { return };
        if prev.is_some() {
            first.set(cal.first_day.clone());
            weeks.set(cal.weeks.to_string());
            gap.set(g.to_string());
            let k = next_key.get_value();
            next_key.set_value(k + cal.breaks.len());
            breaks.set(
                cal.breaks
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (k + i, b.label.clone(), b.start.clone(), b.end.clone()))
                    .collect(),
            );
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(w) = weeks.get_untracked().trim().parse::<u16>() else {
            error.set(Some(
                "The number of weeks must be a whole number, such as 36.".into(),
            ));
            return;
        };
        let Ok(g) = gap.get_untracked().trim().parse::<u16>() else {
            error.set(Some(
                "Weeks without coaching must be a whole number, such as 4.".into(),
            ));
            return;
        };
        let calendar = Calendar {
            first_day: first.get_untracked().trim().to_string(),
            weeks: w,
            breaks: breaks
                .get_untracked()
                .into_iter()
                .map(|(_, label, start, end)| Break {
                    label: label.trim().to_string(),
                    start,
                    end,
                    extra: Default::default(),
                })
                .collect(),
            extra: ctx
                .board
                .with_untracked(|b| b.as_ref().map(|b| b.calendar.extra.clone()))
                .unwrap_or_default(),
        };
        let r = ctx.edit(
            move |b| {
                let change = b.set_calendar(calendar)?;
                b.max_gap_weeks = g;
                let y = b.year()?;
                let mut s = format!(
                    "Saved the calendar: {} weeks, {} terms, {} days off inside school weeks.",
                    y.weeks.len(),
                    y.terms.len(),
                    y.closed.len()
                );
                let what = change.describe();
                if !what.is_empty() {
                    s.push(' ');
                    s.push_str(&what);
                }
                Ok(s)
            },
            Some("the calendar change"),
        );
        error.set(r.err());
    };
    view! {
        <form class="panel setup-section" aria-labelledby="cal-title" on:submit=save novalidate>
            <h2 id="cal-title">"School-year calendar"</h2>
            <div class="inline-form">
                <div class="field">
                    <label for="cal-first">"First day of school"</label>
                    <input id="cal-first" type="date" min=dates::EARLIEST max=dates::LATEST prop:value=move || first.get() on:change=move |ev| first.set(event_target_value(&ev))/>
                </div>
                <div class="field narrow">
                    <label for="cal-weeks">"Instructional weeks"</label>
                    <input id="cal-weeks" type="number" inputmode="numeric" min="1" max="45" prop:value=move || weeks.get() on:change=move |ev| weeks.set(event_target_value(&ev))/>
                </div>
                <div class="field narrow">
                    <label for="cal-gap">"Warn after weeks without coaching"</label>
                    <input id="cal-gap" type="number" inputmode="numeric" min="0" max="45" prop:value=move || gap.get() on:change=move |ev| gap.set(event_target_value(&ev))/>
                </div>
            </div>
            <fieldset>
                <legend>"Breaks"</legend>
                <p class="hint">"A break that covers a whole school week takes that week off the board, and starts a new term. A shorter break leaves its days off."</p>
                <ul class="breaks">
                    <For each=move || breaks.get() key=|b| b.0 children=move |(k, label, start, end)| {
                        let set = move |f: &dyn Fn(&mut BreakRow)| breaks.update(|v| if let Some(x) = v.iter_mut().find(|x| x.0 == k) { f(x) });
                        // Each break's fields and its remove button are named by the break.
                        let name = move || breaks.with(|v| {
                            let at = v.iter().position(|x| x.0 == k).map_or(0, |i| i + 1);
                            match v.iter().find(|x| x.0 == k).map(|x| x.1.trim().to_string()) {
                                Some(n) if !n.is_empty() => format!("break {at}, {n}"),
                                _ => format!("break {at} (no name yet)"),
                            }
                        });
                        view! {
                            <li><div class="inline-form" role="group" aria-label=move || { let n = name(); let mut c = n.chars(); c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default() }>
                                <div class="field">
                                    <label for=format!("break-{k}-label")>"Name"</label>
                                    <input id=format!("break-{k}-label") type="text" value=label on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.1 = v.clone()); }/>
                                </div>
                                <div class="field narrow">
                                    <label for=format!("break-{k}-start")>"From"</label>
                                    <input id=format!("break-{k}-start") type="date" min=dates::EARLIEST max=dates::LATEST value=start on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.2 = v.clone()); }/>
                                </div>
                                <div class="field narrow">
                                    <label for=format!("break-{k}-end")>"To"</label>
                                    <input id=format!("break-{k}-end") type="date" min=dates::EARLIEST max=dates::LATEST value=end on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.3 = v.clone()); }/>
                                </div>
                                <button type="button" class="secondary" aria-label=move || format!("Remove this break: {}", name()) on:click=move |_| breaks.update(|v| v.retain(|x| x.0 != k))>"Remove this break"</button>
                            </div></li>
                        }
                    }/>
                </ul>
                <button type="button" class="secondary" on:click=move |_| {
                    let k = next_key.get_value();
                    next_key.set_value(k + 1);
                    let d = first.get_untracked();
                    breaks.update(|v| v.push((k, String::new(), d.clone(), d)));
                }>"Add a break"</button>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="primary">"Save the calendar"</button>
        </form>
    }
}

#[component]
fn Members() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let rows = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.members
                    .iter()
                    .map(|m| (m.id.clone(), m.name.clone(), m.expertise.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let name = RwSignal::new(String::new());
    let expertise = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The Plus teacher being edited in the form, or `None` to add one.
    let editing = RwSignal::new(None::<Id>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, e) = (name.get_untracked(), expertise.get_untracked());
        let target = editing.get_untracked();
        let r = ctx.edit(
            move |b| match target {
                Some(id) => {
                    b.update_member(&id, &n, &e)?;
                    Ok(format!("Saved {}.", n.trim()))
                }
                None => {
                    b.add_member(new_id(), &n, &e)?;
                    Ok(format!("Added {} to the Plus team.", n.trim()))
                }
            },
            None,
        );
        match r {
            Ok(()) => {
                editing.set(None);
                name.set(String::new());
                expertise.set(String::new());
                error.set(None);
                browser::focus_id("member-name");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel setup-section" aria-labelledby="members-title">
            <h2 id="members-title">{move || format!("Plus team ({} of {MAX_MEMBERS})", rows.with(Vec::len))}</h2>
            <div class="table-wrap">
                <table class="data compact">
                    <caption class="visually-hidden">"Plus teachers and their expertise"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Expertise"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() children=move |(id, n, e)| {
                                let label = n.clone();
                            let (id2, n2, e2) = (id.clone(), n.clone(), e.clone());
                            view! {
                                <tr>
                                    <th scope="row">{n}</th>
                                    <td>{e}</td>
                                    <EditRemove label=label.clone()
                                        edit=Callback::new(move |_| {
                                            editing.set(Some(id2.clone()));
                                            name.set(n2.clone());
                                            expertise.set(e2.clone());
                                            browser::focus_id("member-name");
                                        })
                                        remove=Callback::new(move |_| {
                                            let (id, label) = (id.clone(), label.clone());
                                            let _ = ctx.edit(move |b| {
                                                let cells = b.remove_member(&id).ok_or("That Plus teacher is no longer on the board.")?;
                                                Ok(format!("Removed {label} and their {cells} days on the board."))
                                            }, Some("the removal"));
                                        })/>
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
            <form class="inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="member-name">"Name"</label>
                    <input id="member-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="member-expertise">"Expertise (a subject, such as Math)"</label>
                    <input id="member-expertise" type="text" autocomplete="off" prop:value=move || expertise.get() on:input=move |ev| expertise.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save changes" } else { "Add a Plus teacher" }}</button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" class="secondary" on:click=move |_| {
                        editing.set(None);
                        name.set(String::new());
                        expertise.set(String::new());
                    }>"Cancel"</button>
                </Show>
            </form>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn Teams() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let rows = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| {
                        let n = b.teachers.iter().filter(|x| x.team_id == t.id).count();
                        (t.id.clone(), t.name.clone(), n)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        match ctx.edit(
            move |b| {
                b.add_team(new_id(), &n)?;
                Ok(format!("Added the team {}.", n.trim()))
            },
            None,
        ) {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel setup-section" aria-labelledby="teams-title">
            <h2 id="teams-title">"Teacher teams"</h2>
            <p class="hint">"Grade-level teams or departments. In a PD week, the Plus team covers one team\u{2019}s classes."</p>
            <ul class="team-list">
                <For each=move || rows.get() key=|r| r.clone() children=move |(id, n, count)| {
                    let label = n.clone();
                    view! {
                        <li>
                            <span>{format!("{n} ({count} {})", if count == 1 { "teacher" } else { "teachers" })}</span>
                            <button type="button" class="secondary" aria-label=format!("Remove the team {label}")
                                on:click=move |_| {
                                    let id = id.clone();
                                    let label = label.clone();
                                    if let Err(e) = ctx.edit(move |b| { b.remove_team(&id)?; Ok(format!("Removed the team {label}.")) }, Some("the removal")) {
                                        error.set(Some(e));
                                    }
                                }>"Remove"</button>
                        </li>
                    }
                }/>
            </ul>
            <form class="inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="team-name">"Team name"</label>
                    <input id="team-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">"Add a team"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn Teachers() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let rows = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.teachers
                    .iter()
                    .map(|t| {
                        let team = b
                            .team(&t.team_id)
                            .map(|x| x.name.clone())
                            .unwrap_or_default();
                        (
                            t.id.clone(),
                            t.name.clone(),
                            team,
                            t.subject.clone(),
                            t.focus.clone(),
                            t.team_id.to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let teams = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let name = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let focus = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The teacher being edited in the form, or `None` to add one.
    let editing = RwSignal::new(None::<Id>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, s, f) = (
            name.get_untracked(),
            subject.get_untracked(),
            focus.get_untracked(),
        );
        let target = editing.get_untracked();
        let t = team.get_untracked();
        let t = if t.is_empty() {
            teams
                .with_untracked(|x| x.first().map(|x| x.0.clone()))
                .unwrap_or_default()
        } else {
            t
        };
        match ctx.edit(
            move |b| {
                let (id, done) = match target {
                    Some(id) => (id, "Saved"),
                    None => (new_id(), "Added"),
                };
                b.put_teacher(id, &n, &Id::fixed(t), &s, &f)?;
                Ok(format!("{done} {}.", n.trim()))
            },
            None,
        ) {
            Ok(()) => {
                editing.set(None);
                name.set(String::new());
                subject.set(String::new());
                focus.set(String::new());
                error.set(None);
                browser::focus_id("teacher-name");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel setup-section" aria-labelledby="teachers-title">
            <h2 id="teachers-title">{move || format!("Teachers ({})", rows.with(Vec::len))}</h2>
            <div class="table-wrap">
                <table class="data compact">
                    <caption class="visually-hidden">"Teachers, their team, subject and coaching focus"</caption>
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Team"</th><th scope="col">"Subject"</th>
                        <th scope="col">"Coaching focus"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() children=move |(id, n, tm, s, f, team_id)| {
                            let label = n.clone();
                            let (id2, n2, s2, f2) = (id.clone(), n.clone(), s.clone(), f.clone());
                            view! {
                                <tr>
                                    <th scope="row">{n}</th><td>{tm}</td><td>{s}</td><td>{f}</td>
                                    <EditRemove label=label.clone()
                                        edit=Callback::new(move |_| {
                                            editing.set(Some(id2.clone()));
                                            name.set(n2.clone());
                                            team.set(team_id.clone());
                                            subject.set(s2.clone());
                                            focus.set(f2.clone());
                                            browser::focus_id("teacher-name");
                                        })
                                        remove=Callback::new(move |_| {
                                            let (id, label) = (id.clone(), label.clone());
                                            let _ = ctx.edit(move |b| {
                                                let cells = b.remove_teacher(&id).ok_or("That teacher is no longer on the board.")?;
                                                Ok(format!("Removed {label} and their {cells} sessions."))
                                            }, Some("the removal"));
                                        })/>
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
            {move || if teams.with(Vec::is_empty) {
                view! { <p>"Add a team first: every teacher belongs to one."</p> }.into_any()
            } else {
                view! {
                    <form class="inline-form" on:submit=add novalidate>
                        <div class="field">
                            <label for="teacher-name">"Name"</label>
                            <input id="teacher-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="teacher-team">"Team"</label>
                            <select id="teacher-team" on:change=move |ev| team.set(event_target_value(&ev))>
                                {move || teams.get().into_iter().map(|(id, n)| {
                                    let id2 = id.clone();
                                    view! { <option value=id selected=move || team.get() == id2>{n}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="teacher-subject">"Subject"</label>
                            <input id="teacher-subject" type="text" autocomplete="off" prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="teacher-focus">"Coaching focus (optional)"</label>
                            <input id="teacher-focus" type="text" autocomplete="off" prop:value=move || focus.get() on:input=move |ev| focus.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save changes" } else { "Add a teacher" }}</button>
                        <Show when=move || editing.with(Option::is_some)>
                            <button type="button" class="secondary" on:click=move |_| {
                                editing.set(None);
                                name.set(String::new());
                                subject.set(String::new());
                                focus.set(String::new());
                            }>"Cancel"</button>
                        </Show>
                    </form>
                }.into_any()
            }}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

/// A row's Edit and Remove buttons, each naming the row for screen readers.
#[component]
fn EditRemove(label: String, edit: Callback<()>, remove: Callback<()>) -> impl IntoView {
    view! {
        <td>
            <button type="button" class="secondary" aria-label=format!("Edit {label}") on:click=move |_| edit.run(())>"Edit"</button>
            <button type="button" class="danger" aria-label=format!("Remove {label}") on:click=move |_| remove.run(())>"Remove"</button>
        </td>
    }
}
