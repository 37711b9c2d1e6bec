//! The coaches: name, schools, start date, background, teachers served and mentor. Added
//! and edited in one form; removed (with their check-ins, shadowing days and learning)
//! after a question, with an undo that puts everything back.

use super::super::{new_id, parse_count, roster};
use crate::domain::district::Extra;
use crate::domain::model::charter::upsert;
use crate::domain::model::coaches::{checked_coach, is_novice, CoachField, Mentor};
use crate::domain::model::{Coach, RemovedCoach};
use crate::domain::text::{plural, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::said::Said;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

fn field_id(f: CoachField) -> &'static str {
    match f {
        CoachField::Name => "coach-name",
        CoachField::Started => "coach-started",
        CoachField::Background => "coach-background",
        CoachField::Teachers => "coach-teachers",
        CoachField::Mentor => "coach-mentor",
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Card {
    coach: Coach,
    novice: bool,
    schools: Vec<String>,
}

#[component]
pub(super) fn Coaches() -> impl IntoView {
    let store = use_store();
    let today = browser::today_date();
    let schools = roster(store);
    let cards = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.model
                    .coaches
                    .iter()
                    .map(|c| Card {
                        novice: is_novice(c, today),
                        schools: c
                            .schools
                            .iter()
                            .filter_map(|s| {
                                d.schools
                                    .iter()
                                    .find(|x| &x.id == s)
                                    .map(|x| x.name.clone())
                            })
                            .collect(),
                        coach: c.clone(),
                    })
                    .collect()
            })
        })
    });
    // The first cards with the panel, the rest in the next frames (sixty coaches).
    let drawn = RwSignal::new(10);
    crate::ui::kit::rows_in_steps::draw_later(drawn, cards.with_untracked(Vec::len), usize::MAX);
    let editing = RwSignal::new(None::<Id>);
    let name = RwSignal::new(String::new());
    let started = RwSignal::new(String::new());
    let background = RwSignal::new(String::new());
    let teachers = RwSignal::new(String::new());
    let placed = RwSignal::new(Vec::<Id>::new());
    // Every school chosen since the form was opened: unticking one keeps it in view, so a
    // slip is undone where it happened.
    let seen = RwSignal::new(Vec::<Id>::new());
    let find = RwSignal::new(String::new());
    let mentor = RwSignal::new(String::new());
    let outside = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    // The error, and its field (none: the whole form's, as a refused save).
    let error = RwSignal::new(None::<(Option<CoachField>, String)>);
    let done = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<RemovedCoach>);
    let confirming = RwSignal::new(None::<String>);
    let reset = move || {
        editing.set(None);
        for s in [name, started, background, teachers, mentor, from, find] {
            s.set(String::new());
        }
        placed.set(Vec::new());
        seen.set(Vec::new());
        outside.set(false);
        error.set(None);
    };
    let edit = move |c: Coach| {
        editing.set(Some(c.id.clone()));
        name.set(c.name);
        started.set(c.started);
        background.set(c.background);
        teachers.set(if c.teachers == 0 {
            String::new()
        } else {
            c.teachers.to_string()
        });
        seen.set(c.schools.clone());
        placed.set(c.schools);
        find.set(String::new());
        let m = c.mentor.unwrap_or(Mentor {
            name: String::new(),
            outside: false,
            from: String::new(),
        });
        mentor.set(m.name);
        outside.set(m.outside);
        from.set(m.from);
        error.set(None);
        done.set(None);
        browser::focus_id("coach-name");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fail = move |f: Option<CoachField>, e: String| {
            error.set(Some((f, e)));
            done.set(None);
            if let Some(f) = f {
                browser::focus_id(field_id(f));
            }
        };
        // Teachers served is checked in the form's order: after the name, start date and
        // background, before the mentor.
        let count = parse_count("Teachers served", &teachers.get_untracked());
        let was = editing.get_untracked();
        if was
            .as_ref()
            .is_some_and(|id| !cards.with_untracked(|l| l.iter().any(|x| &x.coach.id == id)))
        {
            return fail(
                None,
                "This coach was removed while you edited them: undo the removal, or cancel.".into(),
            );
        }
        let id = was.clone().unwrap_or_else(new_id);
        let extra = cards.with_untracked(|l| {
            l.iter()
                .find(|x| x.coach.id == id)
                .map_or_else(Extra::new, |x| x.coach.extra.clone())
        });
        let c = Coach {
            id,
            name: name.get_untracked(),
            schools: placed.get_untracked(),
            started: started.get_untracked(),
            background: background.get_untracked(),
            teachers: *count.as_ref().unwrap_or(&0),
            mentor: Some(Mentor {
                name: mentor.get_untracked(),
                outside: outside.get_untracked(),
                from: from.get_untracked(),
            }),
            extra,
        };
        let mut field = None;
        let mut who = String::new();
        match store.try_edit_model(|model, ids| {
            let c = match (checked_coach(c, ids), &count) {
                (Err((f, e)), _) if f != CoachField::Mentor || count.is_ok() => {
                    field = Some(f);
                    return Err(e);
                }
                (_, Err(e)) => {
                    field = Some(CoachField::Teachers);
                    return Err(e.clone());
                }
                (Err((f, e)), Ok(_)) => {
                    field = Some(f);
                    return Err(e);
                }
                (Ok(c), Ok(_)) => c,
            };
            who = c.name.clone();
            upsert(&mut model.coaches, c);
            Ok(())
        }) {
            Ok(()) => {
                reset();
                done.set(Some(if was.is_some() {
                    format!("{who} saved.")
                } else {
                    format!("{who} added.")
                }));
                browser::focus_id("coach-name");
            }
            Err(e) => fail(field, e),
        }
    };
    let remove = move |id: Id| {
        let mut r = None;
        let _ = store.try_edit_model(|model, _| {
            r = model.remove_coach(&id);
            Ok(())
        });
        removed.set(r);
        request_animation_frame(|| browser::focus_id("coach-undo"));
    };
    let undo = Callback::new(move |()| {
        if let Some(r) = removed.get_untracked() {
            let _ = store.try_edit_model(|model, _| {
                model.restore_coach(r);
                Ok(())
            });
            removed.set(None);
            browser::focus_id("coaches-title");
        }
    });
    let message = super::super::error_words(error);
    let bad = move |f: CoachField| super::super::error_at(error, f);
    // The schools a search shows, and those already chosen (always shown).
    let choices = Memo::new(move |_| {
        let q = find.get().trim().to_lowercase();
        let seen = seen.get();
        placed.with(|p| {
            schools.with(|all| {
                all.iter()
                    .filter(|(id, n)| {
                        p.contains(id)
                            || seen.contains(id)
                            || (!q.is_empty() && n.to_lowercase().contains(&q))
                            || (q.is_empty() && all.len() <= 30)
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_choices = Memo::new(move |_| choices.with(Vec::is_empty));
    view! {
        <section class="panel" aria-labelledby="coaches-title">
            <h2 id="coaches-title" tabindex="-1">"The coaches"</h2>
            {move || removed.get().map(|r| view! {
                <UndoNotice id="coach-undo" on_undo=undo message=format!(
                    "{} removed, with {} and {}.", r.coach.name,
                    plural(r.check_ins.len(), "check-in", "check-ins"),
                    plural(r.learning.len(), "piece of learning", "pieces of learning"))/>
            })}
            <ul class="plain cards coaches">
                <For each=move || cards.with(|c| c.iter().take(drawn.get()).cloned().collect::<Vec<_>>()) key=|c| (
                    c.coach.id.clone(), c.coach.name.clone(), c.schools.clone(), c.coach.started.clone(),
                    c.coach.background.clone(), c.coach.teachers, c.novice,
                    c.coach.mentor.as_ref().map(|m| (m.name.clone(), m.outside, m.from.clone())),
                ) let:c>
                    {
                        let coach = c.coach.clone();
                        let cid = coach.id.to_string();
                        let this = coach.id.clone();
                        let who = coach.name.clone();
                        let whole = coach.clone();
                        view! {
                            <li class="panel-card" id=format!("coach-{cid}") tabindex="-1">
                                <h3>{coach.name.clone()}{c.novice.then(|| view! { <span class="small">" \u{b7} novice"</span> })}</h3>
                                <p class="small">{format!("Coach since {}", coach.started)}</p>
                                {(!coach.background.is_empty()).then(|| view! { <p>{coach.background.clone()}</p> })}
                                <p>{format!("Workload: {}, {}.", plural(c.schools.len(), "school", "schools"), plural(coach.teachers as usize, "teacher", "teachers"))}
                                    {(!c.schools.is_empty()).then(|| format!(" {}.", c.schools.join(", ")))}</p>
                                <p>{match &coach.mentor {
                                    Some(m) => format!("Mentor: {}{}, {} the district.", m.name,
                                        if m.from.is_empty() { String::new() } else { format!(" ({})", m.from) },
                                        if m.outside { "from outside" } else { "from inside" }),
                                    None => "No mentor yet.".to_string(),
                                }}</p>
                                <div class="row-actions">
                                    <button type="button" class="secondary" on:click=move |_| edit(whole.clone())>
                                        "Edit"<span class="visually-hidden">{format!(" {who}")}</span>
                                    </button>
                                    <ConfirmRemove id=format!("coach-{cid}-remove") open=confirming name=coach.name.clone()
                                        question=format!("Remove {}, with their check-ins, shadowing days and learning?", coach.name) verb=Verb::Remove
                                        on_yes=move |()| remove(this.clone())/>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form on:submit=submit novalidate aria-labelledby="coach-form-title">
                <h3 id="coach-form-title">{move || if editing.with(Option::is_some) { "Edit the coach" } else { "Add a coach" }}</h3>
                <div class="inline-form">
                    <Field id="coach-name" label="Name" value=name max=MAX_NAME_CHARS invalid=bad(CoachField::Name) error_id="coach-error"/>
                    <Field id="coach-started" label="First day as a coach" value=started kind=Kind::Date class="narrow"
                        invalid=bad(CoachField::Started) error_id="coach-error"/>
                    <Field id="coach-teachers" label="Teachers served" value=teachers kind=Kind::Whole class="narrow" max=4
                        invalid=bad(CoachField::Teachers) error_id="coach-error"/>
                </div>
                <Field id="coach-background" label="Background (optional)" value=background kind=Kind::Area(2) max=MAX_NOTE_CHARS
                    invalid=bad(CoachField::Background) error_id="coach-error"/>
                <fieldset>
                    <legend>"Schools they serve"</legend>
                    <Field id="coach-find" label="Find a school" value=find class="narrow-ish"/>
                    {move || if no_choices.get() {
                        view! { <p class="hint">{move || if find.with(|f| f.trim().is_empty()) { "Type part of a school\u{2019}s name." } else { "No school matches." }}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain choices">
                                <For each=move || choices.get() key=|s| s.clone() let:s>
                                    {
                                        let box_id = format!("coach-school-{}", s.0);
                                        let on = s.0.clone();
                                        let set = s.0.clone();
                                        view! {
                                            <li class="check">
                                                <input type="checkbox" id=box_id.clone() prop:checked=move || placed.with(|p| p.contains(&on))
                                                    on:change=move |ev| {
                                                        let yes = event_target_checked(&ev);
                                                        if yes && !seen.with_untracked(|v| v.contains(&set)) {
                                                            seen.update(|v| v.push(set.clone()));
                                                        }
                                                        placed.update(|p| {
                                                            p.retain(|x| x != &set);
                                                            if yes { p.push(set.clone()); }
                                                        });
                                                    }/>
                                                <label for=box_id>{s.1.clone()}</label>
                                            </li>
                                        }
                                    }
                                </For>
                            </ul>
                        }.into_any()
                    }}
                </fieldset>
                <fieldset>
                    <legend>"Mentor"</legend>
                    <div class="inline-form">
                        <Field id="coach-mentor" label="Mentor\u{2019}s name" value=mentor max=MAX_NAME_CHARS
                            invalid=bad(CoachField::Mentor) error_id="coach-error"/>
                        <Field id="coach-mentor-from" label="Their organisation or role (optional)" value=from max=MAX_NAME_CHARS/>
                    </div>
                    <p class="check">
                        <input id="coach-mentor-outside" type="checkbox" prop:checked=move || outside.get()
                            on:change=move |ev| outside.set(event_target_checked(&ev))/>
                        <label for="coach-mentor-outside">"From outside the district"</label>
                    </p>
                </fieldset>
                <FieldError id="coach-error" error=message quiet=super::super::error_is_a_field_s(error)/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the coach" } else { "Add the coach" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                    })}
                </div>
                <Said text=done/>
            </form>
        </section>
    }
}
