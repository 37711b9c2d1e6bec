//! The coaches' logs: mentoring check-ins (date, topics, next steps), novices' shadowing
//! days (planned or held), and professional learning with its hours. Each log shows its
//! latest entries first (a coach's alone, if one is chosen), takes a new entry in its form,
//! and removes an entry after a question, with an undo.

use super::super::{model_list, new_id, removal, Removal};
use super::{coach_names, name_in, CoachSelect};
use crate::domain::district::Extra;
use crate::domain::model::charter::{upsert, Item, MAX_LINE_CHARS};
use crate::domain::model::coaches::{
    checked_check_in, checked_learning, checked_shadow_day, hours, parse_hours, DayStatus,
    LearningKind, LogField,
};
use crate::domain::model::{CheckIn, Learning, ShadowDay};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::said::Said;
use crate::ui::kit::show_more::ShowMore;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// How many entries a log shows before "Show more".
const SHOWN: usize = 10;

/// The entries of a log to show: the chosen coach's (all, if none is chosen), newest
/// first, the first `limit`; and how many there are in all.
fn latest<T: Clone>(
    list: &[T],
    coach: &str,
    limit: usize,
    of: impl Fn(&T) -> (&Id, &str),
) -> (Vec<T>, usize) {
    let mut v: Vec<&T> = list
        .iter()
        .filter(|x| coach.is_empty() || of(x).0.as_str() == coach)
        .collect();
    v.sort_by(|a, b| of(b).1.cmp(of(a).1));
    let n = v.len();
    (v.into_iter().take(limit).cloned().collect(), n)
}

/// The form's error, and a signal per field for `aria-invalid`.
#[derive(Clone, Copy)]
struct Errors(super::super::FormError<LogField>);

impl Errors {
    fn new() -> Self {
        Errors(RwSignal::new(None))
    }
    fn on(self, f: LogField) -> Signal<bool> {
        super::super::error_at(self.0, f)
    }
    fn message(self) -> Signal<Option<String>> {
        super::super::error_words(self.0)
    }
    /// A field's error is read as focus moves to the field: not announced as an alert too.
    fn quiet(self) -> Signal<bool> {
        super::super::error_is_a_field_s(self.0)
    }
    /// Show the error and put focus on its field (`ids` maps a field to its input); an
    /// error of no field (a refused save) is the whole form's.
    fn fail(self, f: Option<LogField>, e: String, ids: fn(LogField) -> &'static str) {
        self.0.set(Some((f, e)));
        if let Some(f) = f {
            browser::focus_id(ids(f));
        }
    }
}

/// The "Show the log of" select above a log.
#[component]
fn Filter(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    names: Memo<Vec<(Id, String)>>,
) -> impl IntoView {
    // A coach removed while their log is shown: back to every coach's (the select would show
    // "Every coach" over an empty log).
    Effect::new(move |_| {
        let gone = value
            .with(|v| !v.is_empty() && !names.with(|n| n.iter().any(|(id, _)| id.as_str() == v)));
        if gone {
            value.set(String::new());
        }
    });
    view! {
        <div class="field narrow-ish no-print">
            <label for=id>{label}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected={value.with_untracked(String::is_empty)}>"Every coach"</option>
                <For each=move || names.get() key=|c| c.clone() let:c>
                    {
                        let v = c.0.to_string();
                        let mine = v.clone();
                        view! { <option value=v selected={value.get_untracked() == mine}>{c.1.clone()}</option> }
                    }
                </For>
            </select>
        </div>
    }
}

fn check_in_field(f: LogField) -> &'static str {
    match f {
        LogField::Coach | LogField::Host => "check-in-coach",
        LogField::Date => "check-in-date",
        LogField::More | LogField::Successes => "check-in-next",
        LogField::What | LogField::Hours => "check-in-topics",
    }
}

#[component]
pub(super) fn CheckIns() -> impl IntoView {
    let store = use_store();
    let names = coach_names(store);
    let list = model_list(store, |m| &m.check_ins);
    let coach_shown = RwSignal::new(String::new());
    let limit = RwSignal::new(SHOWN);
    let view_list = Memo::new(move |_| {
        let (v, n) = list.with(|l| {
            latest(l, &coach_shown.get(), limit.get(), |c: &CheckIn| {
                (&c.coach, c.date.as_str())
            })
        });
        names.with(|names| {
            (
                v.into_iter()
                    .map(|c| {
                        let who = name_in(names, &c.coach);
                        (c, who)
                    })
                    .collect::<Vec<_>>(),
                n,
            )
        })
    });
    let empty = Memo::new(move |_| view_list.with(|v| v.0.is_empty()));
    let coach = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let topics = RwSignal::new(String::new());
    let next = RwSignal::new(String::new());
    let errors = Errors::new();
    let done = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.check_ins,
        "check-in-undo",
        "check-ins-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = CheckIn {
            id: new_id(),
            coach: Id::fixed(coach.get_untracked()),
            date: date.get_untracked(),
            topics: topics.get_untracked(),
            next_steps: next.get_untracked(),
            extra: Extra::new(),
        };
        let mut field = None;
        match store.try_edit_model(|model, _| {
            let c = checked_check_in(c, &model.coaches).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            model.check_ins.push(c);
            Ok(())
        }) {
            Ok(()) => {
                errors.0.set(None);
                let who = names.with_untracked(|n| name_in(n, &Id::fixed(coach.get_untracked())));
                done.set(Some(format!("Check-in recorded for {who}.")));
                for s in [date, topics, next] {
                    s.set(String::new());
                }
                browser::focus_id("check-in-coach");
            }
            Err(e) => {
                done.set(None);
                errors.fail(field, e, check_in_field)
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="check-ins-title">
            <h2 id="check-ins-title" tabindex="-1">"Mentoring check-ins"</h2>
            <p class="hint">"A coach with no check-in for 4 weeks is flagged."</p>
            <Filter id="check-ins-show" label="Show the check-ins of" value=coach_shown names/>
            {move || removed.get().map(|(_, c)| view! {
                <UndoNotice id="check-in-undo" on_undo=undo what="the check-in\u{2019}s removal"
                    message=format!("The check-in of {} removed.", c.date)/>
            })}
            {move || if empty.get() {
                view! { <p>"No check-in yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plain log">
                        <For each=move || view_list.get().0 key=|(c, who)| (c.id.clone(), who.clone()) let:row>
                            {
                                let (c, who) = row;
                                let cid = c.id().to_string();
                                view! {
                                    <li>
                                        <p><strong>{format!("{} \u{b7} {}", c.date, who)}</strong></p>
                                        <p>{c.topics.clone()}</p>
                                        {(!c.next_steps.is_empty()).then(|| view! { <p class="small">"Next steps: "{c.next_steps.clone()}</p> })}
                                        <ConfirmRemove id=format!("check-in-{cid}-remove") open=confirming name=format!("the check-in of {} with {who}", c.date)
                                            question=format!("Remove {who}\u{2019}s check-in of {}?", c.date) on_yes=move |()| remove.run(cid.clone())/>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }.into_any()
            }}
            <ShowMore limit total=Signal::derive(move || view_list.with(|v| v.1)) what="check-ins" back_to="check-ins-title"/>
            <form on:submit=submit novalidate aria-labelledby="check-in-form-title">
                <h3 id="check-in-form-title">"Record a check-in"</h3>
                <div class="inline-form">
                    <CoachSelect id="check-in-coach" label="Coach" value=coach names invalid=errors.on(LogField::Coach) error_id="check-in-error"/>
                    <Field id="check-in-date" label="Date" value=date kind=Kind::Date class="narrow" invalid=errors.on(LogField::Date) error_id="check-in-error"/>
                </div>
                <Field id="check-in-topics" label="Topics" value=topics kind=Kind::Area(2) max=MAX_NOTE_CHARS invalid=errors.on(LogField::What) error_id="check-in-error"/>
                <Field id="check-in-next" label="Next steps (optional)" value=next kind=Kind::Area(2) max=MAX_NOTE_CHARS invalid=errors.on(LogField::More) error_id="check-in-error"/>
                <FieldError id="check-in-error" error=errors.message() quiet=errors.quiet()/>
                <button type="submit" class="primary">"Record the check-in"</button>
                <Said text=done/>
            </form>
        </section>
    }
}

fn shadow_field(f: LogField) -> &'static str {
    match f {
        LogField::Host => "shadow-host",
        LogField::Date => "shadow-date",
        _ => "shadow-coach",
    }
}

#[component]
pub(super) fn Shadowing() -> impl IntoView {
    let store = use_store();
    let names = coach_names(store);
    let list = model_list(store, |m| &m.shadowing);
    let days = Memo::new(move |_| {
        let v = list.with(|l| {
            latest(l, "", usize::MAX, |d: &ShadowDay| {
                (&d.coach, d.date.as_str())
            })
            .0
        });
        names.with(|n| {
            v.into_iter()
                .map(|d| {
                    let who = (name_in(n, &d.coach), name_in(n, &d.host));
                    (d, who)
                })
                .collect::<Vec<_>>()
        })
    });
    let no_days = Memo::new(move |_| days.with(Vec::is_empty));
    let coach = RwSignal::new(String::new());
    let host = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let held = RwSignal::new(false);
    let errors = Errors::new();
    let done = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.shadowing,
        "shadow-undo",
        "shadowing-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = ShadowDay {
            id: new_id(),
            coach: Id::fixed(coach.get_untracked()),
            host: Id::fixed(host.get_untracked()),
            date: date.get_untracked(),
            status: if held.get_untracked() {
                DayStatus::Held
            } else {
                DayStatus::Planned
            },
            extra: Extra::new(),
        };
        let mut field = None;
        match store.try_edit_model(|model, _| {
            let d = checked_shadow_day(d, &model.coaches).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            model.shadowing.push(d);
            Ok(())
        }) {
            Ok(()) => {
                errors.0.set(None);
                done.set(Some("Shadowing day recorded.".into()));
                date.set(String::new());
                browser::focus_id("shadow-coach");
            }
            Err(e) => {
                done.set(None);
                errors.fail(field, e, shadow_field)
            }
        }
    };
    let mark_held = move |id: Id| {
        let _ = store.try_edit_model(|model, _| {
            if let Some(x) = model.shadowing.iter_mut().find(|x| x.id == id) {
                x.status = DayStatus::Held;
            }
            Ok(())
        });
        browser::focus_id("shadowing-title");
    };
    view! {
        <section class="panel" aria-labelledby="shadowing-title">
            <h2 id="shadowing-title" tabindex="-1">"Shadowing days"</h2>
            <p class="hint">"Novice coaches shadow experienced coaches. A novice with no day held by the district\u{2019}s date is flagged."</p>
            {move || removed.get().map(|(_, d)| view! {
                <UndoNotice id="shadow-undo" on_undo=undo what="the shadowing day\u{2019}s removal" message=format!("The shadowing day of {} removed.", d.date)/>
            })}
            {move || if no_days.get() {
                view! { <p>"No shadowing day yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plain log">
                        <For each=move || days.get() key=|(d, who)| (d.id.clone(), d.status, who.clone()) let:row>
                            {
                                let (d, (who, whom)) = row;
                                let did = d.id.to_string();
                                let this = d.id.clone();
                                let planned = d.status == DayStatus::Planned;
                                let label = format!("{who} shadows {whom} on {}", d.date);
                                view! {
                                    <li>
                                        <p><strong>{format!("{} \u{b7} {who} shadows {whom}", d.date)}</strong>
                                            {format!(" \u{2014} {}", if planned { "planned" } else { "held" })}</p>
                                        <div class="row-actions">
                                            {planned.then(|| view! {
                                                <button type="button" class="secondary" on:click=move |_| mark_held(this.clone())>
                                                    "Mark as held"<span class="visually-hidden">{format!(": {label}")}</span>
                                                </button>
                                            })}
                                            <ConfirmRemove id=format!("shadow-{did}-remove") open=confirming name=format!("the shadowing day: {who} shadows {whom} on {}", d.date)
                                                question=format!("Remove {who}\u{2019}s shadowing day of {}?", d.date) on_yes=move |()| remove.run(did.clone())/>
                                        </div>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }.into_any()
            }}
            <form on:submit=submit novalidate aria-labelledby="shadow-form-title">
                <h3 id="shadow-form-title">"Plan or record a shadowing day"</h3>
                <div class="inline-form">
                    <CoachSelect id="shadow-coach" label="Novice coach" value=coach names invalid=errors.on(LogField::Coach) error_id="shadow-error"/>
                    <CoachSelect id="shadow-host" label="Coach they shadow" value=host names invalid=errors.on(LogField::Host) error_id="shadow-error"/>
                    <Field id="shadow-date" label="Date" value=date kind=Kind::Date class="narrow" invalid=errors.on(LogField::Date) error_id="shadow-error"/>
                </div>
                <fieldset class="choices-inline">
                    <legend>"Status"</legend>
                    <span class="check"><input type="radio" id="shadow-planned" name="shadow-status" prop:checked=move || !held.get() on:change=move |_| held.set(false)/><label for="shadow-planned">"Planned"</label></span>
                    <span class="check"><input type="radio" id="shadow-held" name="shadow-status" prop:checked=move || held.get() on:change=move |_| held.set(true)/><label for="shadow-held">"Held"</label></span>
                </fieldset>
                <FieldError id="shadow-error" error=errors.message() quiet=errors.quiet()/>
                <button type="submit" class="primary">"Record the shadowing day"</button>
                <Said text=done/>
            </form>
        </section>
    }
}

fn learning_field(f: LogField) -> &'static str {
    match f {
        LogField::Date => "learning-date",
        LogField::What | LogField::More | LogField::Successes => "learning-title",
        LogField::Hours => "learning-hours",
        LogField::Coach | LogField::Host => "learning-coach",
    }
}

#[component]
pub(super) fn LearningLog() -> impl IntoView {
    let store = use_store();
    let names = coach_names(store);
    let list = model_list(store, |m| &m.learning);
    let coach_shown = RwSignal::new(String::new());
    let limit = RwSignal::new(SHOWN);
    let view_list = Memo::new(move |_| {
        let (v, n) = list.with(|l| {
            latest(l, &coach_shown.get(), limit.get(), |x: &Learning| {
                (&x.coach, x.date.as_str())
            })
        });
        names.with(|names| {
            (
                v.into_iter()
                    .map(|l| {
                        let who = name_in(names, &l.coach);
                        (l, who)
                    })
                    .collect::<Vec<_>>(),
                n,
            )
        })
    });
    let empty = Memo::new(move |_| view_list.with(|v| v.0.is_empty()));
    let coach = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let kind = RwSignal::new(LearningKind::Training);
    let title = RwSignal::new(String::new());
    let hrs = RwSignal::new(String::new());
    let errors = Errors::new();
    let done = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.learning,
        "learning-undo",
        "learning-title-h",
    );
    let confirming = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tenths = match parse_hours(&hrs.get_untracked()) {
            Ok(t) => t,
            Err(e) => {
                done.set(None);
                return errors.fail(Some(LogField::Hours), e, learning_field);
            }
        };
        let l = Learning {
            id: new_id(),
            coach: Id::fixed(coach.get_untracked()),
            date: date.get_untracked(),
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            tenths,
            extra: Extra::new(),
        };
        let mut field = None;
        match store.try_edit_model(|model, _| {
            let l = checked_learning(l, &model.coaches).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            upsert(&mut model.learning, l);
            Ok(())
        }) {
            Ok(()) => {
                errors.0.set(None);
                done.set(Some(format!("{} of learning recorded.", hours(tenths))));
                for s in [date, title, hrs] {
                    s.set(String::new());
                }
                browser::focus_id("learning-coach");
            }
            Err(e) => {
                done.set(None);
                errors.fail(field, e, learning_field)
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="learning-title-h">
            <h2 id="learning-title-h" tabindex="-1">"Professional learning"</h2>
            <p class="hint">"Learning networks inside and outside the district, conferences and trainings, with their hours. Each coach\u{2019}s hours count against the district\u{2019}s yearly target."</p>
            <Filter id="learning-show" label="Show the learning of" value=coach_shown names/>
            {move || removed.get().map(|(_, l)| view! {
                <UndoNotice id="learning-undo" on_undo=undo what="the learning\u{2019}s removal" message=format!("\u{201c}{}\u{201d} removed.", l.title)/>
            })}
            {move || if empty.get() {
                view! { <p>"No learning recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ol class="plain log">
                        <For each=move || view_list.get().0 key=|(l, who)| (l.id.clone(), who.clone()) let:row>
                            {
                                let (l, who) = row;
                                let lid = l.id.to_string();
                                view! {
                                    <li>
                                        <p><strong>{format!("{} \u{b7} {who}", l.date)}</strong>{format!(" \u{2014} {}", hours(l.tenths))}</p>
                                        <p>{l.title.clone()}<span class="small">{format!(" ({})", l.kind.label())}</span></p>
                                        <ConfirmRemove id=format!("learning-{lid}-remove") open=confirming name=format!("\u{201c}{}\u{201d}, {who}\u{2019}s learning of {}, {}", l.title, l.date, hours(l.tenths))
                                            question=format!("Remove \u{201c}{}\u{201d} from {who}\u{2019}s learning?", l.title) on_yes=move |()| remove.run(lid.clone())/>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                }.into_any()
            }}
            <ShowMore limit total=Signal::derive(move || view_list.with(|v| v.1)) what="pieces of learning" back_to="learning-title-h"/>
            <form on:submit=submit novalidate aria-labelledby="learning-form-title">
                <h3 id="learning-form-title">"Record learning"</h3>
                <div class="inline-form">
                    <CoachSelect id="learning-coach" label="Coach" value=coach names invalid=errors.on(LogField::Coach) error_id="learning-error"/>
                    <Field id="learning-date" label="Date" value=date kind=Kind::Date class="narrow" invalid=errors.on(LogField::Date) error_id="learning-error"/>
                    <Field id="learning-hours" label="Hours" value=hrs kind=Kind::Decimal class="narrow" max=6 invalid=errors.on(LogField::Hours) error_id="learning-error"/>
                </div>
                <div class="field">
                    <label for="learning-kind">"Kind"</label>
                    <select id="learning-kind" prop:value=move || kind.get().key() on:change=move |ev| if let Some(k) = LearningKind::from_key(&event_target_value(&ev)) { kind.set(k) }>
                        {LearningKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected={kind.get_untracked() == k}>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Field id="learning-title" label="Title" value=title max=MAX_LINE_CHARS invalid=errors.on(LogField::What) error_id="learning-error"/>
                <FieldError id="learning-error" error=errors.message() quiet=errors.quiet()/>
                <button type="submit" class="primary">"Record the learning"</button>
                <Said text=done/>
            </form>
        </section>
    }
}
