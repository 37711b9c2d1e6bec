//! The set-up's teacher teams (grade-level teams or departments) and the teachers, each in
//! a team with a subject and a coaching focus; with add, edit and remove (with undo).

use super::{new_id, EditRemove, SetupCtx};
use crate::domain::ids::Id;
use crate::domain::text::plural;
use crate::ui::kit::field_error::FieldError;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Teams() -> impl IntoView {
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
                            <span>{format!("{n} ({})", plural(count, "teacher", "teachers"))}</span>
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
            <FieldError error/>
        </section>
    }
}

#[component]
pub(super) fn Teachers() -> impl IntoView {
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
                            t.email.clone(),
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
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The teacher being edited in the form, or `None` to add one.
    let editing = RwSignal::new(None::<Id>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, s, f, e) = (
            name.get_untracked(),
            subject.get_untracked(),
            focus.get_untracked(),
            email.get_untracked(),
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
                // Checked first: a refused edit leaves the board as it was.
                let e = crate::domain::text::clean_email(&e)?;
                b.put_teacher(id.clone(), &n, &Id::fixed(t), &s, &f)?;
                b.set_teacher_email(&id, &e)?;
                Ok(format!("{done} {}.", n.trim()))
            },
            None,
        ) {
            Ok(()) => {
                editing.set(None);
                name.set(String::new());
                subject.set(String::new());
                focus.set(String::new());
                email.set(String::new());
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
                    <caption class="visually-hidden">"Teachers, their team, subject, coaching focus and email"</caption>
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Team"</th><th scope="col">"Subject"</th>
                        <th scope="col">"Coaching focus"</th><th scope="col">"Email"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() children=move |(id, n, tm, s, f, team_id, e)| {
                            let label = n.clone();
                            let (id2, n2, s2, f2, e2) = (id.clone(), n.clone(), s.clone(), f.clone(), e.clone());
                            view! {
                                <tr>
                                    <th scope="row">{n}</th><td>{tm}</td><td>{s}</td><td>{f}</td><td>{e}</td>
                                    <EditRemove label=label.clone()
                                        edit=Callback::new(move |_| {
                                            editing.set(Some(id2.clone()));
                                            name.set(n2.clone());
                                            team.set(team_id.clone());
                                            subject.set(s2.clone());
                                            focus.set(f2.clone());
                                            email.set(e2.clone());
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
                        <div class="field">
                            <label for="teacher-email">"Email (optional, for sending their link)"</label>
                            <input id="teacher-email" type="email" autocomplete="off" spellcheck="false" prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save changes" } else { "Add a teacher" }}</button>
                        <Show when=move || editing.with(Option::is_some)>
                            <button type="button" class="secondary" on:click=move |_| {
                                editing.set(None);
                                name.set(String::new());
                                subject.set(String::new());
                                focus.set(String::new());
                                email.set(String::new());
                            }>"Cancel"</button>
                        </Show>
                    </form>
                }.into_any()
            }}
            <FieldError error/>
        </section>
    }
}
