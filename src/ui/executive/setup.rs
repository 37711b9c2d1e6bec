//! `/executive/new` and `/executive/:id/setup`: an engagement's who and when (principal,
//! school, coach, tier, dates, superintendent, cohort). `?school=` starts one for a school,
//! as the readiness plan's "leadership coach" does; `&coach=` fills in the coach.

use super::{new_id, school_name};
use crate::domain::executive::{Field, Refusal, Setup};
use crate::domain::text::MAX_NAME_CHARS;
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

const FIELDS: [(Field, &str); 7] = [
    (Field::Principal, "setup-principal"),
    (Field::School, "setup-school"),
    (Field::Coach, "setup-coach"),
    (Field::Tier, "setup-tier"),
    (Field::Start, "setup-start"),
    (Field::End, "setup-end"),
    (Field::Superintendent, "setup-superintendent"),
];

#[component]
pub fn SetupPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    // `None`: a new engagement.
    let editing = params.read_untracked().get("id").map(Id::fixed);
    let exists = {
        let editing = editing.clone();
        Memo::new(move |_| match &editing {
            None => true,
            Some(id) => store.doc.with(|d| {
                d.as_ref()
                    .is_some_and(|d| d.executive.engagement(id).is_some())
            }),
        })
    };
    let editing = StoredValue::new(editing);
    move || match store.phase.get() {
        Phase::FirstRun => view! {
            <Title text="Start an engagement \u{b7} Readyboard"/>
            <h1>"Start an engagement"</h1>
            <FirstRun/>
        }
        .into_any(),
        _ if !exists.get() => view! {
            <super::NoEngagement/>
        }
        .into_any(),
        _ => view! { <SetupForm editing=editing.get_value()/> }.into_any(),
    }
}

#[component]
fn SetupForm(editing: Option<Id>) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let query = leptos_router::hooks::use_query_map();
    let (q_school, q_coach) = query.with_untracked(|q| (q.get("school"), q.get("coach")));
    // The form starts from the engagement, or from the address.
    let initial = store.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        Some(match &editing {
            Some(id) => {
                let e = d.executive.engagement(id)?;
                Setup {
                    principal: e.principal.clone(),
                    school_id: Some(e.school_id.clone()),
                    coach: e.coach.clone(),
                    tier_id: Some(e.tier_id.clone()),
                    start: e.start.clone(),
                    end: e.end.clone(),
                    superintendent: e.superintendent.clone(),
                    cohort: e.cohort.clone(),
                }
            }
            None => {
                let school = q_school
                    .clone()
                    .map(Id::fixed)
                    .filter(|s| d.school(s).is_some());
                // A school year: from today to the end of June.
                let today = super::today();
                let year = if u8::from(today.month()) >= 7 {
                    today.year() + 1
                } else {
                    today.year()
                };
                Setup {
                    school_id: school,
                    coach: q_coach.clone().unwrap_or_default(),
                    start: browser::today(),
                    end: format!("{year:04}-06-30"),
                    ..Setup::default()
                }
            }
        })
    });
    let initial = initial.unwrap_or_default();
    let principal = RwSignal::new(initial.principal);
    let school = RwSignal::new(initial.school_id.map(|s| s.to_string()).unwrap_or_default());
    let coach = RwSignal::new(initial.coach);
    let tier = RwSignal::new(initial.tier_id.map(|s| s.to_string()).unwrap_or_default());
    let start = RwSignal::new(initial.start);
    let end = RwSignal::new(initial.end);
    let superintendent = RwSignal::new(initial.superintendent);
    let cohort = RwSignal::new(initial.cohort.map(|s| s.to_string()).unwrap_or_default());
    let refusal = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(None::<String>);
    let lists = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Default::default, |d| {
                let x = &d.executive;
                (
                    d.schools
                        .iter()
                        .map(|s| (s.id.to_string(), s.name.clone()))
                        .collect::<Vec<_>>(),
                    x.tiers()
                        .iter()
                        .map(|t| {
                            (
                                t.id.to_string(),
                                format!("{}: {}", t.name, t.allowance.describe()),
                            )
                        })
                        .collect::<Vec<_>>(),
                    x.cohorts
                        .iter()
                        .map(|c| (c.id.to_string(), c.name.clone()))
                        .collect::<Vec<_>>(),
                    crate::domain::executive::program::coaches(x),
                )
            })
        })
    });
    let opt = |s: String| (!s.is_empty()).then(|| Id::fixed(s));
    let is_new = editing.is_none();
    let editing = StoredValue::new(editing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = Setup {
            principal: principal.get_untracked(),
            school_id: opt(school.get_untracked()),
            coach: coach.get_untracked(),
            tier_id: opt(tier.get_untracked()),
            start: start.get_untracked(),
            end: end.get_untracked(),
            superintendent: superintendent.get_untracked(),
            cohort: opt(cohort.get_untracked()),
        };
        let mut result = Ok(Vec::new());
        let id = editing.get_value().unwrap_or_else(new_id);
        let _ = store.try_edit(|d| {
            let schools = d.schools.clone();
            result = if is_new {
                d.executive
                    .add(id.clone(), &s, &schools)
                    .map(|()| Vec::new())
            } else {
                d.executive.set_up(&id, &s, &schools)
            };
            result.clone().map(|_| ()).map_err(String::from)
        });
        match result {
            Ok(cleared) => {
                refusal.set(None);
                if is_new {
                    navigate(&format!("/executive/{id}"), Default::default());
                } else if cleared.is_empty() {
                    saved.set(Some("Saved.".into()));
                } else {
                    let names: Vec<String> =
                        cleared.iter().map(|p| p.label().to_lowercase()).collect();
                    saved.set(Some(format!(
                        "Saved. The expected date of {} fell outside the new dates and was cleared: set it again below.",
                        names.join(" and ")
                    )));
                }
            }
            Err(r) => {
                saved.set(None);
                let target = FIELDS
                    .iter()
                    .find(|(f, _)| *f == r.field)
                    .map(|(_, id)| *id);
                refusal.set(Some(r));
                if let Some(t) = target {
                    browser::focus_id(t);
                }
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
                .filter(|r| !FIELDS.iter().any(|(f, _)| *f == r.field))
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
    let title = if is_new {
        "Start an engagement".to_string()
    } else {
        store.doc.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| {
                    let e = d.executive.engagement(editing.get_value().as_ref()?)?;
                    Some(format!(
                        "{}, {}: set-up",
                        e.principal,
                        school_name(d, &e.school_id)
                    ))
                })
                .unwrap_or_default()
        })
    };
    let mut crumbs = vec![("Executive coaching".to_string(), "/executive".to_string())];
    if let Some(id) = editing.get_value() {
        crumbs.push(("Engagement".to_string(), format!("/executive/{id}")));
        crumbs.push(("Set-up".to_string(), format!("/executive/{id}/setup")));
    } else {
        crumbs.push((
            "Start an engagement".to_string(),
            "/executive/new".to_string(),
        ));
    }
    let text_field = move |id: &'static str,
                           label: &'static str,
                           f: Field,
                           value: RwSignal<String>,
                           hint: Option<&'static str>| {
        let err_id: &'static str = match f {
            Field::Principal => "setup-principal-error",
            Field::Coach => "setup-coach-error",
            _ => "setup-superintendent-error",
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {hint.map(|h| view! { <span class="hint">{h}</span> })}
                <input id=id type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                    list=(f == Field::Coach).then_some("coach-names")
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=invalid(f) aria-describedby=described(f, err_id)/>
                <FieldError id=err_id error=error_for(f) quiet=true/>
            </div>
        }
    };
    view! {
        <Title text=format!("{title} \u{b7} Readyboard")/>
        <Crumbs trail=crumbs/>
        <h1>{title}</h1>
        <p class="lead">"One principal, one coach, one school year. The engagement keeps the allowance of the tier it starts with, even if the tier changes later."</p>
        <form class="panel setup-form" on:submit=submit novalidate>
            {text_field("setup-principal", "Principal", Field::Principal, principal, None)}
            <div class="field">
                <label for="setup-school">"School"</label>
                <select id="setup-school" prop:value=move || school.get() on:change=move |ev| school.set(event_target_value(&ev))
                    aria-invalid=invalid(Field::School) aria-describedby=described(Field::School, "setup-school-error")>
                    <option value="">"Choose a school"</option>
                    {move || lists.get().0.into_iter().map(|(id, name)| { let is = id.clone(); view! { <option value=id selected=move || school.get() == is>{name}</option> } }).collect_view()}
                </select>
                <FieldError id="setup-school-error" error=error_for(Field::School) quiet=true/>
            </div>
            {text_field("setup-coach", "Executive coach", Field::Coach, coach, None)}
            <datalist id="coach-names">
                {move || lists.get().3.into_iter().map(|c| view! { <option value=c/> }).collect_view()}
            </datalist>
            <div class="field">
                <label for="setup-tier">"Support tier"</label>
                <select id="setup-tier" prop:value=move || tier.get() on:change=move |ev| tier.set(event_target_value(&ev))
                    aria-invalid=invalid(Field::Tier) aria-describedby=described(Field::Tier, "setup-tier-error")>
                    <option value="">"Choose a tier"</option>
                    {move || lists.get().1.into_iter().map(|(id, name)| { let is = id.clone(); view! { <option value=id selected=move || tier.get() == is>{name}</option> } }).collect_view()}
                </select>
                <FieldError id="setup-tier-error" error=error_for(Field::Tier) quiet=true/>
                {(!is_new).then(|| view! { <p class="hint">"A new tier brings its allowance; the same tier keeps the allowance agreed at the start."</p> })}
            </div>
            <div class="two-dates">
                <div class="field">
                    <label for="setup-start">"Start"</label>
                    <input id="setup-start" type="date" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))
                        aria-invalid=invalid(Field::Start) aria-describedby=described(Field::Start, "setup-start-error")/>
                    <FieldError id="setup-start-error" error=error_for(Field::Start) quiet=true/>
                </div>
                <div class="field">
                    <label for="setup-end">"End"</label>
                    <input id="setup-end" type="date" prop:value=move || end.get() on:input=move |ev| end.set(event_target_value(&ev))
                        aria-invalid=invalid(Field::End) aria-describedby=described(Field::End, "setup-end-error")/>
                    <FieldError id="setup-end-error" error=error_for(Field::End) quiet=true/>
                </div>
            </div>
            {text_field("setup-superintendent", "Superintendent (optional)", Field::Superintendent, superintendent, Some("Receives the status reports."))}
            <div class="field">
                <label for="setup-cohort">"Cohort (optional)"</label>
                <select id="setup-cohort" prop:value=move || cohort.get() on:change=move |ev| cohort.set(event_target_value(&ev))>
                    <option value="">"No cohort"</option>
                    {move || lists.get().2.into_iter().map(|(id, name)| { let is = id.clone(); view! { <option value=id selected=move || cohort.get() == is>{name}</option> } }).collect_view()}
                </select>
                <p class="hint">"Principals who meet together, such as the Gold tier\u{2019}s geographic cohort. "<a href="/executive/cohorts">"Add a cohort"</a></p>
            </div>
            <FieldError error=general/>
            <button type="submit" class="primary">{if is_new { "Start the engagement" } else { "Save the set-up" }}</button>
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </form>
        {(!is_new).then(|| view! {
            <PhaseDates id=editing.get_value().expect("an engagement")/>
            <RemoveEngagement id=editing.get_value().expect("an engagement")/>
        })}
    }
}

/// When each of the first three phases is expected to be done: the program view flags a
/// phase still open after its date ("Phase stalled").
#[component]
fn PhaseDates(id: Id) -> impl IntoView {
    use crate::domain::executive::Phase;
    let store = use_store();
    // What is stored, followed: the set-up above may move or clear a date.
    let eid = id.clone();
    let stored = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| {
                    (
                        [
                            e.targets.assessment.clone(),
                            e.targets.planning.clone(),
                            e.targets.work_plan.clone(),
                        ],
                        e.end.clone(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let dates = stored.with_untracked(|s| s.0.clone()).map(RwSignal::new);
    Effect::new(move |prev: Option<()>| {
        let now = stored.with(|s| s.0.clone());
        if prev.is_some() {
            for (signal, value) in dates.iter().zip(now) {
                signal.set(value);
            }
        }
    });
    let refusal = RwSignal::new(None::<(Phase, String)>);
    let saved = RwSignal::new(None::<String>);
    const IDS: [&str; 3] = ["target-assessment", "target-planning", "target-work-plan"];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = dates.map(|d| d.get_untracked());
        let mut result = Ok(());
        let _ = super::edit_engagement(store, &id, |e| {
            result = e.set_targets([&raw[0], &raw[1], &raw[2]]);
            result.clone().map_err(|(_, m)| m)
        });
        match result {
            Ok(()) => {
                refusal.set(None);
                saved.set(Some("Saved.".into()));
            }
            Err((phase, m)) => {
                saved.set(None);
                refusal.set(Some((phase, m)));
                browser::focus_id(IDS[phase.number() - 1]);
            }
        }
    };
    let field = move |i: usize| {
        let phase = Phase::ALL[i];
        let value = dates[i];
        let input = IDS[i];
        let err_id = format!("{input}-error");
        let error = Signal::derive(move || {
            refusal.with(|r| r.as_ref().filter(|r| r.0 == phase).map(|r| r.1.clone()))
        });
        let wrong = move || refusal.with(|r| r.as_ref().is_some_and(|r| r.0 == phase));
        let described = err_id.clone();
        view! {
            <div class="field">
                <label for=input>{phase.label()}</label>
                <input id=input type="date" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || wrong().then_some("true")
                    aria-describedby=move || wrong().then(|| described.clone())/>
                <FieldError id=err_id error quiet=true/>
            </div>
        }
    };
    view! {
        <section class="panel" id="phase-dates" aria-labelledby="phase-dates-title">
            <h2 id="phase-dates-title">"When each phase is expected to be done"</h2>
            <p class="hint">{move || format!("A phase still open after its date is flagged as stalled on the program page. Leave a date empty for no target. Implementation and monitoring run to the end, {}.", stored.with(|s| s.1.clone()))}</p>
            <form on:submit=submit novalidate>
                <div class="three-dates">
                    {field(0)}
                    {field(1)}
                    {field(2)}
                </div>
                <button type="submit" class="secondary">"Save the dates"</button>
                {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        </section>
    }
}

/// Removing an engagement asks first, and the program page offers the undo.
#[component]
fn RemoveEngagement(id: Id) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let name = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&id))
            .map(|e| format!("the engagement with {}", e.principal))
            .unwrap_or_default()
    });
    let question = format!("Remove {name}, with its plan and contact log?");
    view! {
        <section class="panel danger-zone" aria-labelledby="remove-engagement-title">
            <h2 id="remove-engagement-title">"Remove this engagement"</h2>
            <p>"Its phases, plan and contact log go with it. You can undo this on the executive coaching page."</p>
            <ConfirmRemove id="remove-engagement" name=name.clone() question
                on_yes=move |()| {
                    let mut removed = None;
                    store.edit(|d| removed = d.executive.remove(&id));
                    if let Some(r) = removed {
                        super::set_last_removed(r);
                    }
                    navigate("/executive", Default::default());
                }/>
        </section>
    }
}
