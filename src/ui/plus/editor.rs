//! `/board`'s editors, in a modal dialog: one day (or a whole-week cell), and a week's
//! kind (coaching or PD).

use crate::domain::ids::Id;
use crate::domain::plus::board::{Activity, WeekKind, DAYS, DAY_NAMES};
use crate::ui::plus::board::refocus;
use crate::ui::plus::board_state::{Ctx, Cursor, Editing, Hand};
use crate::ui::plus::pd::PdDays;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The editor for one day (Enter or a click), or for a week's kind, in a modal dialog so
/// the board does not move under it.
#[component]
pub(crate) fn SlotEditorPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        {move || ctx.editing.get().map(|e| {
            let dialog = NodeRef::<leptos::html::Dialog>::new();
            dialog.on_load(move |d| {
                let _ = d.show_modal();
                request_animation_frame(|| {
                    crate::ui::platform::browser::focus_id("slot-editor-title");
                    crate::ui::platform::browser::focus_id("week-editor-title");
                });
            });
            let labelled = match e {
                Editing::Slot(_) => "slot-editor-title",
                Editing::Week(_) => "week-editor-title",
            };
            view! {
                <dialog node_ref=dialog class="board-dialog" aria-labelledby=labelled
                    on:cancel=move |ev: web_sys::Event| {
                        ev.prevent_default();
                        ctx.editing.set(None);
                        ctx.say("Closed the editor without changes.");
                        refocus(ctx);
                    }>
                    {match e {
                        Editing::Slot(c) => view! { <SlotForm c/> }.into_any(),
                        Editing::Week(w) => view! { <WeekForm week=w/> }.into_any(),
                    }}
                </dialog>
            }
        })}
    }
}

const KINDS: [(&str, &str); 6] = [
    ("cycle", "Coaching cycle with a teacher"),
    ("coteach", "Co-teaching with a teacher"),
    ("study", "Lesson study with a team"),
    ("cover", "Cover a team\u{2019}s classes for PD"),
    ("students", "Work with students"),
    ("release", "Release a teacher to coach a colleague"),
];

fn kind_of(a: &Activity) -> &'static str {
    match a {
        Activity::Cover { .. } => "cover",
        Activity::CoachingCycle { .. } => "cycle",
        Activity::CoTeach { .. } => "coteach",
        Activity::LessonStudy { .. } => "study",
        Activity::Students => "students",
        Activity::Release { .. } => "release",
    }
}

#[component]
fn SlotForm(c: Cursor) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let existing = ctx.describe_at(c);
    let (teachers, teams) = ctx.board.with_untracked(|b| {
        let b = b.as_ref();
        (
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|team| {
                        (
                            team.name.clone(),
                            b.teachers
                                .iter()
                                .filter(|t| t.team_id == team.id)
                                .map(|t| {
                                    let focus = if t.focus.trim().is_empty() {
                                        String::new()
                                    } else {
                                        format!("; {}", t.focus.trim())
                                    };
                                    (
                                        t.id.to_string(),
                                        format!("{} ({}{focus})", t.name, t.subject),
                                    )
                                })
                                .collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>()
            }),
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect::<Vec<_>>()
            }),
        )
    });
    // Who is with another Plus teacher on this day (or, for a whole-week cell, on any day
    // of the week): marked in the lists, and warned about before saving.
    let (busy, names, team_of) = ctx.board.with_untracked(|b| {
        let Some(b) = b.as_ref() else {
            return Default::default();
        };
        let Some(member) = b.members.get(c.m).map(|m| m.id.clone()) else {
            return Default::default();
        };
        let mut busy = std::collections::HashMap::<String, String>::new();
        for d in 0..DAYS {
            for (t, with) in b.busy_on(c.week, d, &member) {
                let on = ctx
                    .year
                    .with_untracked(|y| y.as_ref().map(|y| y.day_label(c.week, d)))
                    .unwrap_or_default();
                busy.entry(format!("{d}:{t}"))
                    .or_insert(format!("{with}, on {on}"));
            }
        }
        let names: std::collections::HashMap<String, String> = b
            .teachers
            .iter()
            .map(|t| (t.id.to_string(), t.name.clone()))
            .collect();
        let team_of: Vec<(String, String)> = b
            .teachers
            .iter()
            .map(|t| (t.team_id.to_string(), t.id.to_string()))
            .collect();
        (busy, names, team_of)
    });
    let busy = StoredValue::new(busy);
    let names = StoredValue::new(names);
    let team_of = StoredValue::new(team_of);
    let free_total = names.with_value(|n| n.len());
    // Busy on this day (or, all week, on any day): the first sentence found.
    let busy_with = move |t: &str, all_week: bool| -> Option<String> {
        busy.with_value(|b| {
            if all_week {
                (0..DAYS).find_map(|d| b.get(&format!("{d}:{t}")).cloned())
            } else {
                b.get(&format!("{}:{t}", c.day)).cloned()
            }
        })
    };
    let first_teacher = teachers
        .iter()
        .flat_map(|(_, ts)| ts.iter())
        .next()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let first_team = teams.first().map(|t| t.0.clone()).unwrap_or_default();
    let (kind0, teacher0, colleague0, team0, whole0, locked0) = match &existing {
        Some((cell, _)) => {
            let (t, col, tm) = match &cell.activity {
                Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id } => (
                    teacher_id.to_string(),
                    first_teacher.clone(),
                    first_team.clone(),
                ),
                Activity::Release {
                    teacher_id,
                    colleague_id,
                } => (
                    teacher_id.to_string(),
                    colleague_id.to_string(),
                    first_team.clone(),
                ),
                Activity::Cover { team_id } | Activity::LessonStudy { team_id } => (
                    first_teacher.clone(),
                    first_teacher.clone(),
                    team_id.to_string(),
                ),
                Activity::Students => (
                    first_teacher.clone(),
                    first_teacher.clone(),
                    first_team.clone(),
                ),
            };
            (
                kind_of(&cell.activity),
                t,
                col,
                tm,
                cell.day.is_none(),
                cell.locked,
            )
        }
        None => (
            "cycle",
            first_teacher.clone(),
            first_teacher.clone(),
            first_team.clone(),
            false,
            false,
        ),
    };
    let kind = RwSignal::new(kind0);
    let teacher = RwSignal::new(teacher0);
    let colleague = RwSignal::new(colleague0);
    let team = RwSignal::new(team0);
    let whole = RwSignal::new(whole0);
    let locked = RwSignal::new(locked0);
    let error = RwSignal::new(None::<String>);
    let build = move || -> Result<Activity, String> {
        let k = kind.get_untracked();
        if matches!(k, "cycle" | "coteach" | "release") && teacher.with_untracked(String::is_empty)
        {
            return Err("This board has no teachers yet: add them in the set-up first.".into());
        }
        if matches!(k, "study" | "cover") && team.with_untracked(String::is_empty) {
            return Err("This board has no teams yet: add them in the set-up first.".into());
        }
        let t = Id::fixed(teacher.get_untracked());
        Ok(match kind.get_untracked() {
            "cycle" => Activity::CoachingCycle { teacher_id: t },
            "coteach" => Activity::CoTeach { teacher_id: t },
            "study" => Activity::LessonStudy {
                team_id: Id::fixed(team.get_untracked()),
            },
            "cover" => Activity::Cover {
                team_id: Id::fixed(team.get_untracked()),
            },
            "students" => Activity::Students,
            _ => {
                let col = Id::fixed(colleague.get_untracked());
                if col == t {
                    return Err("Choose two different teachers: one coaches the other.".into());
                }
                Activity::Release {
                    teacher_id: t,
                    colleague_id: col,
                }
            }
        })
    };
    let close = move || {
        ctx.editing.set(None);
        refocus(ctx);
    };
    // The cell in words ("coaching with …"), for the notice after placing it.
    let describe = move |a: &Activity| {
        ctx.board
            .with_untracked(|b| {
                b.as_ref()
                    .map(|b| crate::ui::plus::board_state::lower_first(&b.describe(a)))
            })
            .unwrap_or_default()
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match build() {
            Ok(a) => {
                let label = describe(&a);
                ctx.place_new(c, a, whole.get_untracked(), &label, locked.get_untracked());
                close();
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let hold = move |_| match build() {
        Ok(a) => {
            let label = describe(&a);
            ctx.hand.set(Some(Hand::New {
                cell: a,
                whole_week: whole.get_untracked(),
                label: label.clone(),
            }));
            ctx.say(format!(
                "Holding {label}. Click each day it goes on, or move there with the arrow keys and press Space. Escape stops."
            ));
            close();
        }
        Err(e) => error.set(Some(e)),
    };
    // The clash this choice would make, if any, in words.
    let clash_warning = Memo::new(move |_| {
        let all_week = whole.get();
        let name = |t: &str| names.with_value(|n| n.get(t).cloned().unwrap_or_default());
        let one =
            |t: String| busy_with(&t, all_week).map(|w| format!("{} is already {w}", name(&t)));
        let found: Vec<String> = match kind.get() {
            "cycle" | "coteach" => one(teacher.get()).into_iter().collect(),
            "release" => one(teacher.get())
                .into_iter()
                .chain(one(colleague.get()))
                .collect(),
            "study" => {
                let tm = team.get();
                team_of.with_value(|v| {
                    v.iter()
                        .filter(|(team, _)| *team == tm)
                        .filter_map(|(_, t)| one(t.clone()))
                        .take(3)
                        .collect()
                })
            }
            _ => Vec::new(),
        };
        (!found.is_empty()).then(|| format!("{}: saving this makes a clash.", found.join("; ")))
    });
    let free_now = Memo::new(move |_| {
        let all_week = whole.get();
        let n = names.with_value(|n| {
            n.keys()
                .filter(|t| busy_with(t, all_week).is_none())
                .count()
        });
        format!(
            "{n} of {free_total} teachers are free {}; the lists mark who is busy.",
            if all_week {
                "all this week"
            } else {
                "that day"
            }
        )
    });
    let has_cell = existing.is_some();
    let title = ctx.where_(c);
    let current = existing.map(|e| e.1);
    let teachers = StoredValue::new(teachers);
    let options = move |sel: RwSignal<String>| {
        teachers.with_value(|teachers| {
            teachers
                .iter()
                .map(|(team, ts)| {
                    let ts = ts.clone();
                    view! {
                        <optgroup label=team.clone()>
                            {ts.into_iter().map(|(id, label)| {
                                // Read once: the list is drawn again when it changes, and a
                                // render effect on each of 120 options made the editor slow
                                // to open.
                                let selected = sel.with_untracked(|s| *s == id);
                                let label = match busy_with(&id, whole.get()) {
                                    Some(w) => format!("{label} \u{2014} busy {w}"),
                                    None => label,
                                };
                                view! { <option value=id selected=selected>{label}</option> }
                            }).collect_view()}
                        </optgroup>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <form class="panel slot-editor" aria-labelledby="slot-editor-title" on:submit=save
            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
            <h3 id="slot-editor-title" tabindex="-1">{title}</h3>
            <p>{match current { Some(t) => format!("Now: {t}."), None => "Now: nothing planned.".into() }}</p>
            <fieldset>
                <legend>"Activity"</legend>
                {KINDS.iter().map(|&(k, label)| view! {
                    <label class="radio">
                        <input type="radio" name="slot-kind" value=k
                            prop:checked=move || kind.get() == k
                            on:change=move |_| kind.set(k)/>
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || matches!(kind.get(), "cycle" | "coteach" | "release")>
                <label for="slot-teacher">{move || if kind.get() == "release" { "Teacher released to coach" } else { "Teacher" }}</label>
                <select id="slot-teacher" on:change=move |ev| teacher.set(event_target_value(&ev))>
                    {move || options(teacher)}
                </select>
            </Show>
            <Show when=move || kind.get() == "release">
                <label for="slot-colleague">"Colleague they coach"</label>
                <select id="slot-colleague" on:change=move |ev| colleague.set(event_target_value(&ev))>
                    {move || options(colleague)}
                </select>
            </Show>
            <Show when=move || matches!(kind.get(), "study" | "cover")>
                <label for="slot-team">"Team"</label>
                <select id="slot-team" on:change=move |ev| team.set(event_target_value(&ev))>
                    {teams.iter().map(|(id, name)| {
                        let id2 = id.clone();
                        view! { <option value=id.clone() selected=move || team.get() == id2>{name.clone()}</option> }
                    }).collect_view()}
                </select>
            </Show>
            <label class="check">
                <input type="checkbox" prop:checked=move || whole.get() on:change=move |ev| whole.set(event_target_checked(&ev))/>
                "All week (Monday to Friday)"
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || locked.get() on:change=move |ev| locked.set(event_target_checked(&ev))/>
                "Locked: filling the year keeps it"
            </label>
            <p class="hint" data-testid="free-teachers">{move || free_now.get()}</p>
            <p class="clash-warning" role="status" data-testid="clash-warning">{move || clash_warning.get()}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{move || if clash_warning.with(Option::is_some) { "Save anyway" } else { "Save" }}</button>
                <button type="button" on:click=hold>"Place on more days\u{2026}"</button>
                {has_cell.then(|| view! {
                    <button type="button" on:click=move |_| { ctx.editing.set(None); ctx.pick_up(c); refocus(ctx); }>"Pick up to move"</button>
                    <button type="button" class="danger" on:click=move |_| { ctx.editing.set(None); ctx.remove_at(c); refocus(ctx); }>"Remove"</button>
                })}
                <button type="button" class="secondary" on:click=move |_| { ctx.say("Closed the editor without changes."); close(); }>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn WeekForm(week: u16) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (kind0, teams) = ctx.board.with_untracked(|b| {
        let b = b.as_ref();
        (
            b.map_or(WeekKind::Coaching, |b| b.week_kind(week)),
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect::<Vec<_>>()
            }),
        )
    });
    let (pd0, team0, days0) = match &kind0 {
        WeekKind::Coaching => (
            false,
            teams.first().map(|t| t.0.clone()).unwrap_or_default(),
            vec![1u8, 2],
        ),
        WeekKind::Pd { team_id, days } => (true, team_id.to_string(), days.clone()),
    };
    let pd = RwSignal::new(pd0);
    let team = RwSignal::new(team0);
    let days = RwSignal::new(days0);
    let label = ctx
        .year
        .with_untracked(|y| y.as_ref().and_then(|y| y.week(week).map(|w| w.label())))
        .unwrap_or_else(|| format!("Week {week}"));
    let error = RwSignal::new(None::<String>);
    let close = move || {
        ctx.editing.set(None);
        request_animation_frame(move || {
            crate::ui::platform::browser::focus_id(&format!("week-head-{week}"))
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = if pd.get_untracked() {
            if days.with_untracked(Vec::is_empty) {
                error.set(Some(
                    "Choose at least one PD day, or make it a coaching week.".into(),
                ));
                return;
            }
            if team.with_untracked(String::is_empty) {
                error.set(Some(
                    "This board has no teams yet: add them in the set-up first.".into(),
                ));
                return;
            }
            WeekKind::Pd {
                team_id: Id::fixed(team.get_untracked()),
                days: days.get_untracked(),
            }
        } else {
            WeekKind::Coaching
        };
        ctx.apply(&format!("week {week}"), move |b, _| {
            let text = match &kind {
                WeekKind::Coaching => format!("Week {week} is now a coaching week."),
                WeekKind::Pd { team_id, days } => format!(
                    "Week {week} is now a PD week for {} on {}. Fill the rest of the year, or place cover, so their classes are covered.",
                    b.team(team_id).map_or("the team", |t| t.name.as_str()),
                    days.iter().map(|d| DAY_NAMES[usize::from(*d).min(4)]).collect::<Vec<_>>().join(" and ")
                ),
            };
            b.set_week_kind(week, kind);
            Ok(text)
        });
        close();
    };
    view! {
        <form class="panel slot-editor" aria-labelledby="week-editor-title" on:submit=save
            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
            <h3 id="week-editor-title" tabindex="-1">{label}</h3>
            <fieldset>
                <legend>"This week is"</legend>
                <label class="radio"><input type="radio" name="week-kind" prop:checked=move || !pd.get() on:change=move |_| pd.set(false)/>"A coaching week"</label>
                <label class="radio"><input type="radio" name="week-kind" prop:checked=move || pd.get() on:change=move |_| pd.set(true)/>"A PD week for one team"</label>
            </fieldset>
            <Show when=move || pd.get()>
                <label for="week-team">"Team at PD"</label>
                <select id="week-team" on:change=move |ev| team.set(event_target_value(&ev))>
                    {teams.iter().map(|(id, name)| {
                        let id2 = id.clone();
                        view! { <option value=id.clone() selected=move || team.get() == id2>{name.clone()}</option> }
                    }).collect_view()}
                </select>
                <PdDays days/>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">"Save"</button>
                <button type="button" class="secondary" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}
