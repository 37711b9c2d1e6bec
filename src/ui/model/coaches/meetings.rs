//! The district's coach meetings: date, agenda, who came, and the challenges and successes
//! the coaches shared. Newest first; removed after a question, with an undo.

use super::super::{model_list, new_id, removal, Removal};
use super::{coach_names, name_in};
use crate::domain::district::Extra;
use crate::domain::model::coaches::{checked_meeting, LogField};
use crate::domain::model::Meeting;
use crate::domain::text::{plural, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::said::Said;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

fn field_id(f: LogField) -> &'static str {
    match f {
        LogField::Date => "meeting-date",
        LogField::More => "meeting-challenges",
        LogField::Successes => "meeting-successes",
        _ => "meeting-agenda",
    }
}

#[component]
pub(super) fn Meetings() -> impl IntoView {
    let store = use_store();
    let names = coach_names(store);
    let list = model_list(store, |m| &m.meetings);
    // Newest first, each with who came, by name.
    let sorted = Memo::new(move |_| {
        let mut v = list.get();
        v.sort_by(|a, b| b.date.cmp(&a.date));
        names.with(|n| {
            v.into_iter()
                .map(|m| {
                    let who: Vec<String> = m.attended.iter().map(|a| name_in(n, a)).collect();
                    (m, who)
                })
                .collect::<Vec<_>>()
        })
    });
    let empty = Memo::new(move |_| sorted.with(Vec::is_empty));
    let date = RwSignal::new(String::new());
    let agenda = RwSignal::new(String::new());
    let came = RwSignal::new(Vec::<Id>::new());
    let challenges = RwSignal::new(String::new());
    let successes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(Option<LogField>, String)>);
    let done = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(store, |m| &mut m.meetings, "meeting-undo", "meetings-title");
    let confirming = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = Meeting {
            id: new_id(),
            date: date.get_untracked(),
            agenda: agenda.get_untracked(),
            attended: came.get_untracked(),
            challenges: challenges.get_untracked(),
            successes: successes.get_untracked(),
            extra: Extra::new(),
        };
        let mut field = None;
        match store.try_edit_model(|model, _| {
            let m = checked_meeting(m, &model.coaches).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            model.meetings.push(m);
            Ok(())
        }) {
            Ok(()) => {
                error.set(None);
                done.set(Some("Meeting recorded.".into()));
                for s in [date, agenda, challenges, successes] {
                    s.set(String::new());
                }
                came.set(Vec::new());
                browser::focus_id("meeting-date");
            }
            Err(e) => {
                done.set(None);
                error.set(Some((field, e)));
                if let Some(f) = field {
                    browser::focus_id(field_id(f));
                }
            }
        }
    };
    let message = super::super::error_words(error);
    let bad = move |f: LogField| super::super::error_at(error, f);
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_names = Memo::new(move |_| names.with(Vec::is_empty));
    view! {
        <section class="panel" aria-labelledby="meetings-title">
            <h2 id="meetings-title" tabindex="-1">"Coach meetings"</h2>
            <p class="hint">"The district\u{2019}s coaches meet to share challenges and successes."</p>
            {move || removed.get().map(|(_, m)| view! {
                <UndoNotice id="meeting-undo" on_undo=undo what="the meeting\u{2019}s removal" message=format!("The meeting of {} removed.", m.date)/>
            })}
            {move || if empty.get() {
                view! { <p>"No meeting yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plain log">
                        <For each=move || sorted.get() key=|(m, who)| (m.id.clone(), who.clone()) let:row>
                            {
                                let (m, who) = row;
                                let mid = m.id.to_string();
                                view! {
                                    <li>
                                        <h3 class="log-title">{format!("Meeting of {}", m.date)}</h3>
                                        <p>"Agenda: "{m.agenda.clone()}</p>
                                        <p class="small">{format!("{} came: {}", plural(who.len(), "coach", "coaches"), if who.is_empty() { "\u{2014}".to_string() } else { who.join(", ") })}</p>
                                        {(!m.challenges.is_empty()).then(|| view! { <p>"Challenges: "{m.challenges.clone()}</p> })}
                                        {(!m.successes.is_empty()).then(|| view! { <p>"Successes: "{m.successes.clone()}</p> })}
                                        <ConfirmRemove id=format!("meeting-{mid}-remove") open=confirming name=format!("the meeting of {}", m.date)
                                            question=format!("Remove the meeting of {}?", m.date) on_yes=move |()| remove.run(mid.clone())/>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }.into_any()
            }}
            <form on:submit=submit novalidate aria-labelledby="meeting-form-title">
                <h3 id="meeting-form-title">"Record a meeting"</h3>
                <Field id="meeting-date" label="Date" value=date kind=Kind::Date class="narrow" invalid=bad(LogField::Date) error_id="meeting-error"/>
                <Field id="meeting-agenda" label="Agenda" value=agenda kind=Kind::Area(2) max=MAX_NOTE_CHARS invalid=bad(LogField::What) error_id="meeting-error"/>
                <fieldset>
                    <legend>"Who came"</legend>
                    {move || if no_names.get() {
                        view! { <p class="hint">"No coach yet."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain choices">
                                <For each=move || names.get() key=|c| c.clone() let:c>
                                    {
                                        let box_id = format!("meeting-came-{}", c.0);
                                        let on = c.0.clone();
                                        let set = c.0.clone();
                                        view! {
                                            <li class="check">
                                                <input type="checkbox" id=box_id.clone() prop:checked=move || came.with(|p| p.contains(&on))
                                                    on:change=move |ev| {
                                                        let yes = event_target_checked(&ev);
                                                        came.update(|p| { p.retain(|x| x != &set); if yes { p.push(set.clone()); } });
                                                    }/>
                                                <label for=box_id>{c.1.clone()}</label>
                                            </li>
                                        }
                                    }
                                </For>
                            </ul>
                        }.into_any()
                    }}
                </fieldset>
                <Field id="meeting-challenges" label="Challenges shared (optional)" value=challenges kind=Kind::Area(2) max=MAX_NOTE_CHARS invalid=bad(LogField::More) error_id="meeting-error"/>
                <Field id="meeting-successes" label="Successes shared (optional)" value=successes kind=Kind::Area(2) max=MAX_NOTE_CHARS invalid=bad(LogField::Successes) error_id="meeting-error"/>
                <FieldError id="meeting-error" error=message quiet=super::super::error_is_a_field_s(error)/>
                <button type="submit" class="primary">"Record the meeting"</button>
                <Said text=done/>
            </form>
        </section>
    }
}
