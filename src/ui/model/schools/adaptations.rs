//! Each campus's adaptations of the model: what it adapts (schedule, focus or approach),
//! which element of the charter in force, and why. An adaptation that touches an element
//! the district marks non-negotiable is kept, flagged, and cannot be approved; the others
//! wait for the champion's approval.

use super::super::{model_list, new_id, removal, roster, Removal};
use crate::domain::district::Extra;
use crate::domain::model::charter::{upsert, MAX_LINE_CHARS};
use crate::domain::model::rollout::{
    approve, checked_adaptation, touches_non_negotiable, AdaptationField,
};
use crate::domain::model::{Adaptation, Aspect};
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::said::Said;
use crate::ui::kit::show_more::{grown, ShowMore};
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// Adaptations shown (those waiting for approval first) before "Show more".
const SHOWN: usize = 20;

fn field_id(f: AdaptationField) -> &'static str {
    match f {
        AdaptationField::School => "adaptation-school",
        AdaptationField::Element => "adaptation-element",
        AdaptationField::What => "adaptation-what",
        AdaptationField::Why => "adaptation-why",
    }
}

/// An adaptation as the list shows it.
#[derive(Clone, Debug, PartialEq)]
struct Card {
    a: Adaptation,
    school: String,
    element: String,
    /// Touches a non-negotiable element (or one no longer in the charter).
    fixed: bool,
    /// Its element is no longer in the charter in force.
    gone: bool,
}

#[component]
pub(super) fn Adaptations() -> impl IntoView {
    let store = use_store();
    let list = model_list(store, |m| &m.adaptations);
    let schools = roster(store);
    // The elements of the charter in force: (ID, name, non-negotiable).
    let elements = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.model
                    .in_force()
                    .elements
                    .iter()
                    .map(|e| (e.id.clone(), e.name.clone(), e.non_negotiable))
                    .collect::<Vec<_>>()
            })
        })
    });
    let cards = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                let charter = d.model.in_force();
                let names = d.school_names();
                let mut v: Vec<Card> = d
                    .model
                    .adaptations
                    .iter()
                    .map(|a| Card {
                        school: names
                            .get(&a.school)
                            .map_or_else(|| "A removed school".into(), |n| n.to_string()),
                        element: charter.element(&a.element).map_or_else(
                            || "An element no longer in the charter".into(),
                            |e| e.name.clone(),
                        ),
                        fixed: touches_non_negotiable(a, charter),
                        gone: charter.element(&a.element).is_none(),
                        a: a.clone(),
                    })
                    .collect();
                // Those waiting for the champion's approval first, then the newest first.
                let waits = |c: &Card| !c.fixed && c.a.approved.is_none();
                v.sort_by(|x, y| {
                    waits(y)
                        .cmp(&waits(x))
                        .then_with(|| y.a.recorded_on.cmp(&x.a.recorded_on))
                });
                v
            })
        })
    });
    let flagged = move || cards.with(|c| c.iter().filter(|c| c.fixed).count());
    let waiting = move || {
        cards.with(|c| {
            c.iter()
                .filter(|c| !c.fixed && c.a.approved.is_none())
                .count()
        })
    };

    let editing = RwSignal::new(None::<Id>);
    let school = RwSignal::new(String::new());
    let aspect = RwSignal::new(Aspect::Schedule);
    let element = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    // The error, and its field (none: the whole form's, as a refused save).
    let error = RwSignal::new(None::<(Option<AdaptationField>, String)>);
    let done = RwSignal::new(None::<String>);
    let approve_error = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.adaptations,
        "adaptation-undo",
        "adaptations-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let reset = move || {
        editing.set(None);
        school.set(String::new());
        aspect.set(Aspect::Schedule);
        element.set(String::new());
        what.set(String::new());
        why.set(String::new());
        error.set(None);
    };
    let edit = move |a: Adaptation| {
        editing.set(Some(a.id));
        school.set(a.school.to_string());
        aspect.set(a.aspect);
        element.set(a.element.to_string());
        what.set(a.what);
        why.set(a.why);
        error.set(None);
        done.set(None);
        browser::focus_id("adaptation-school");
    };
    let chosen_fixed = move || {
        element.with(|e| {
            elements.with(|l| l.iter().any(|(id, _, nn)| id.as_str() == e.as_str() && *nn))
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let was = editing.get_untracked();
        let id = was.clone().unwrap_or_else(new_id);
        let old = list.with_untracked(|l| l.iter().find(|x| x.id == id).cloned());
        let a = Adaptation {
            id,
            school: Id::fixed(school.get_untracked()),
            aspect: aspect.get_untracked(),
            element: Id::fixed(element.get_untracked()),
            what: what.get_untracked(),
            why: why.get_untracked(),
            recorded_on: old
                .as_ref()
                .map_or_else(browser::today, |o| o.recorded_on.clone()),
            approved: None,
            extra: old.as_ref().map_or_else(Extra::new, |o| o.extra.clone()),
        };
        if was.is_some() && old.is_none() {
            done.set(None);
            error.set(Some((
                None,
                "This adaptation was removed while you edited it: undo the removal, or cancel."
                    .into(),
            )));
            return;
        }
        let mut field = None;
        let mut flagged_now = false;
        let mut approval_kept = false;
        match store.try_edit_model(|model, ids| {
            let charter = model.in_force().clone();
            let mut a = checked_adaptation(a, &charter, ids).map_err(|(f, e)| {
                field = Some(f);
                e
            })?;
            // An approval stays only while what was approved stays the same.
            if let Some(o) = &old {
                if o.school == a.school
                    && o.aspect == a.aspect
                    && o.element == a.element
                    && o.what == a.what
                    && o.why == a.why
                {
                    a.approved = o.approved.clone();
                    approval_kept = true;
                }
            }
            flagged_now = touches_non_negotiable(&a, &charter);
            upsert(&mut model.adaptations, a);
            Ok(())
        }) {
            Ok(()) => {
                reset();
                done.set(Some(match (was.is_some(), flagged_now) {
                    (_, true) => "Adaptation recorded, and flagged: it touches a non-negotiable element, so it can\u{2019}t be approved.",
                    (false, false) => "Adaptation recorded. It waits for the champion\u{2019}s approval.",
                    (true, false) if approval_kept || old.as_ref().is_none_or(|o| o.approved.is_none()) => "Adaptation saved.",
                    (true, false) => "Adaptation saved. It changed, so it waits for the champion\u{2019}s approval again.",
                }.to_string()));
                browser::focus_id("adaptation-school");
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
    let approve_one = move |id: Id| {
        let r = store.try_edit_model(|model, _| {
            let charter = model.in_force().clone();
            let a = model
                .adaptations
                .iter_mut()
                .find(|a| a.id == id)
                .ok_or("That adaptation is no longer here.")?;
            approve(a, &charter, &browser::today(), "")
        });
        approve_error.set(r.err());
        // The button goes with the approval: focus to the adaptation's status.
        request_animation_frame(move || browser::focus_id(&format!("adaptation-{id}-status")));
    };
    let message = super::super::error_words(error);
    let bad = move |f: AdaptationField| super::super::error_at(error, f);
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_cards = Memo::new(move |_| cards.with(Vec::is_empty));
    // Some with the page, the rest in the next frames, up to what "Show more" asked for.
    let total = Memo::new(move |_| cards.with(Vec::len));
    let (limit, shown) = grown(total, super::FIRST_DRAWN, SHOWN);
    view! {
        <section class="panel" aria-labelledby="adaptations-title">
            <h2 id="adaptations-title" tabindex="-1">"Campus adaptations"</h2>
            <p class="hint">"What a school adapts (its schedule, focus or approach), which element of the model, and why. An adaptation that touches a non-negotiable element is flagged and can\u{2019}t be approved."</p>
            {move || (!no_cards.get()).then(|| view! {
                <p>{move || format!("{} waiting for approval; {} touching a non-negotiable element.",
                    waiting(), crate::domain::text::plural(flagged(), "adaptation", "adaptations"))}</p>
            })}
            {move || removed.get().map(|(_, a)| view! {
                <UndoNotice id="adaptation-undo" on_undo=undo what="the adaptation\u{2019}s removal" message=format!("The adaptation \u{201c}{}\u{201d} removed.", a.what)/>
            })}
            <FieldError error=approve_error/>
            <ul class="plain cards adaptations">
                <For each=move || cards.with(|c| c.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|c| (
                    c.a.id.clone(), c.school.clone(), c.element.clone(), c.a.aspect, c.a.what.clone(), c.a.why.clone(),
                    c.a.approved.as_ref().map(|x| (x.on.clone(), x.by.clone())), c.fixed, c.gone,
                ) let:c>
                    {
                        let aid = c.a.id.to_string();
                        let status_id = format!("adaptation-{aid}-status");
                        let name = format!("{}: {} ({})", c.school, c.a.what, c.a.aspect.label().to_lowercase());
                        let whole = c.a.clone();
                        let this = c.a.id.clone();
                        view! {
                            <li class="panel-card" class:flagged=c.fixed>
                                <h3>{c.school.clone()}<span class="small">{format!(" \u{b7} {} \u{b7} {}", c.a.aspect.label(), c.element)}</span></h3>
                                <p>{c.a.what.clone()}</p>
                                <p class="small">"Why: "{c.a.why.clone()}</p>
                                <p class="small">{format!("Recorded on {}", c.a.recorded_on)}</p>
                                <p id=status_id tabindex="-1" class=if c.fixed { "flag-line" } else { "" }>{
                                    if c.gone {
                                        "Adapts an element no longer in the charter: it can\u{2019}t be approved.".to_string()
                                    } else if c.fixed {
                                        format!("Touches \u{201c}{}\u{201d}, which is non-negotiable: it can\u{2019}t be approved.", c.element)
                                    } else {
                                        match &c.a.approved {
                                            Some(ap) if ap.by.is_empty() => format!("Approved on {}.", ap.on),
                                            Some(ap) => format!("Approved on {} by {}.", ap.on, ap.by),
                                            None => "Waiting for approval.".to_string(),
                                        }
                                    }
                                }</p>
                                <div class="row-actions">
                                    {(!c.fixed && c.a.approved.is_none()).then(|| view! {
                                        <button type="button" class="primary" on:click=move |_| approve_one(this.clone())>
                                            "Approve"<span class="visually-hidden">{format!(" the adaptation: {name}")}</span>
                                        </button>
                                    })}
                                    <button type="button" class="secondary" on:click=move |_| edit(whole.clone())>
                                        "Edit"<span class="visually-hidden">{format!(" {}\u{2019}s adaptation: {}", c.school, c.a.what)}</span>
                                    </button>
                                    <ConfirmRemove id=format!("adaptation-{aid}-remove") open=confirming name=format!("{}\u{2019}s adaptation: {}", c.school, c.a.what)
                                        question=format!("Remove {}\u{2019}s adaptation?", c.school) verb=Verb::Remove
                                        on_yes=move |()| remove.run(aid.clone())/>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
            <ShowMore limit total what="adaptations" back_to="adaptations-title"/>
            <form on:submit=submit novalidate aria-labelledby="adaptation-form-title">
                <h3 id="adaptation-form-title">{move || if editing.with(Option::is_some) { "Edit the adaptation" } else { "Record an adaptation" }}</h3>
                <div class="field">
                    <label for="adaptation-school">"School"</label>
                    <select id="adaptation-school" prop:value=move || school.get() on:change=move |ev| school.set(event_target_value(&ev))
                        aria-invalid=move || bad(AdaptationField::School).get().then_some("true")
                        aria-describedby=move || bad(AdaptationField::School).get().then_some("adaptation-error")>
                        <option value="" selected={school.with_untracked(String::is_empty)}>"Choose the school"</option>
                        <For each=move || schools.get() key=|c| c.clone() let:c>
                            {
                                let (id, n) = c;
                                let v = id.to_string();
                                let mine = v.clone();
                                view! { <option value=v selected={school.get_untracked() == mine}>{n}</option> }
                            }
                        </For>
                    </select>
                </div>
                <fieldset class="choices-inline">
                    <legend>"What it adapts"</legend>
                    {Aspect::ALL.into_iter().map(|x| {
                        let id = format!("adaptation-aspect-{}", x.key());
                        view! {
                            <span class="check"><input type="radio" id=id.clone() name="adaptation-aspect" prop:checked=move || aspect.get() == x
                                on:change=move |_| aspect.set(x)/><label for=id>{x.label()}</label></span>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="adaptation-element">"The element of the model it adapts"</label>
                    <select id="adaptation-element" prop:value=move || element.get() on:change=move |ev| element.set(event_target_value(&ev))
                        aria-invalid=move || bad(AdaptationField::Element).get().then_some("true")
                        aria-describedby=move || if bad(AdaptationField::Element).get() { Some("adaptation-error") }
                            else if chosen_fixed() { Some("adaptation-fixed") } else { None }>
                        <option value="" selected={element.with_untracked(String::is_empty)}>"Choose the element"</option>
                        <For each=move || elements.get() key=|e| e.clone() let:e>
                            {
                                let v = e.0.to_string();
                                let mine = v.clone();
                                view! { <option value=v selected={element.get_untracked() == mine}>
                                    {if e.2 { format!("{} (non-negotiable)", e.1) } else { e.1.clone() }}
                                </option> }
                            }
                        </For>
                    </select>
                    {move || chosen_fixed().then(|| view! {
                        <p id="adaptation-fixed" class="flag-line">"This element is non-negotiable: the adaptation will be recorded, flagged, and can\u{2019}t be approved."</p>
                    })}
                </div>
                <Field id="adaptation-what" label="What the school does differently" value=what max=MAX_LINE_CHARS
                    invalid=bad(AdaptationField::What) error_id="adaptation-error"/>
                <Field id="adaptation-why" label="Why: the campus\u{2019}s need" value=why kind=Kind::Area(2) max=MAX_NOTE_CHARS
                    invalid=bad(AdaptationField::Why) error_id="adaptation-error"/>
                <FieldError id="adaptation-error" error=message quiet=super::super::error_is_a_field_s(error)/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the adaptation" } else { "Record the adaptation" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                    })}
                </div>
                <Said text=done/>
            </form>
        </section>
    }
}
