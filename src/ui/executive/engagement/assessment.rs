//! Phase 1: the principal's self-reflection on the five content strands, and the review of
//! the school's data and improvement plan (with its latest readiness round). The same
//! reflection form is the annual assessment's end-of-year reflection, beside the start.

use crate::domain::executive::engagement::{level_label, LEVELS};
use crate::domain::executive::Strand;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::domain::Id;
use crate::ui::executive::edit_engagement;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use leptos::prelude::*;

#[component]
pub(super) fn Assessment(id: Id, school: Id) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="phase-title">
            <h2 id="phase-title">"Phase 1: Assessment and reflection"</h2>
            <p>"Following the first meeting of coach, principal and superintendent, the principal reflects on each content strand, and coach and principal review the school\u{2019}s data."</p>
            <Reflection id=id.clone() end=false/>
            <DataReview id school/>
        </section>
    }
}

/// One self-reflection: a level and evidence per strand. `end`: the end-of-year one, shown
/// beside the start's level.
#[component]
pub(super) fn Reflection(id: Id, end: bool) -> impl IntoView {
    let store = use_store();
    let stem = if end { "end" } else { "start" };
    let eid = id.clone();
    view! {
        <h3>{if end { "End-of-year self-reflection" } else { "The principal\u{2019}s self-reflection" }}</h3>
        <p class="hint">{move || {
            let missing = store.doc.with(|d| {
                d.as_ref()
                    .and_then(|d| d.executive.engagement(&eid))
                    .map_or(0, |e| if end { e.end_reflection.missing().len() } else { e.reflection.missing().len() })
            });
            if missing == 0 {
                "Every strand has a level and evidence.".to_string()
            } else {
                format!("{missing} of 5 strands still need a level and evidence. Each is saved as you go.")
            }
        }}</p>
        {Strand::ALL.into_iter().map(|s| view! { <StrandForm id=id.clone() strand=s end stem/> }).collect_view()}
    }
}

#[component]
fn StrandForm(id: Id, strand: Strand, end: bool, stem: &'static str) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let current = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.executive.engagement(&eid))
                .map(|e| {
                    let r = if end {
                        &e.end_reflection
                    } else {
                        &e.reflection
                    };
                    (r.rating(strand), e.reflection.rating(strand).level)
                })
                .unwrap_or_default()
        })
    });
    let evidence = RwSignal::new(current.get_untracked().0.evidence);
    let error = RwSignal::new(None::<String>);
    let key = strand.key();
    let base = format!("{stem}-{key}");
    let save = move |level: u8, text: String| match edit_engagement(store, &id, |e| {
        e.set_reflection(end, strand, level, &text)
    }) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e)),
    };
    let save = StoredValue::new(save);
    let legend_id = format!("{base}-legend");
    let evidence_id = format!("{base}-evidence");
    let error_id = format!("{base}-error");
    view! {
        <fieldset class="strand">
            <legend id=legend_id>{strand.label()}</legend>
            <p class="definition">{strand.covers()}</p>
            {end.then(|| {
                let start = current.get_untracked().1;
                view! { <p class="hint">{format!("At the start: {}.", level_label(start))}</p> }
            })}
            <div class="level-choices">
                {LEVELS.iter().enumerate().map(|(i, name)| {
                    let level = (i + 1) as u8;
                    let input_id = format!("{base}-level-{level}");
                    view! {
                        <span class="radio">
                            <input type="radio" id=input_id.clone() name=format!("{base}-level") value=level.to_string()
                                prop:checked=move || current.with(|c| c.0.level == level)
                                on:change=move |_| save.with_value(|f| f(level, evidence.get_untracked()))/>
                            <label for=input_id>{*name}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
            <label for=evidence_id.clone()>"Evidence"</label>
            <textarea id=evidence_id rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || evidence.get()
                on:input=move |ev| evidence.set(event_target_value(&ev))
                on:change=move |_| save.with_value(|f| f(current.get_untracked().0.level, evidence.get_untracked()))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then_some(error_id.clone())></textarea>
            <FieldError id=format!("{base}-error") error/>
        </fieldset>
    }
}

/// The review of the school's data and improvement plan, and the school's latest
/// readiness round.
#[component]
fn DataReview(id: Id, school: Id) -> impl IntoView {
    let store = use_store();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.executive.engagement(&id))
            .map(|e| e.data_review.clone())
            .unwrap_or_default()
    });
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let round = Memo::new(move |_| {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let r = d
                .readiness
                .rounds
                .iter()
                .filter(|r| r.school_id == school)
                .max_by(|a, b| a.date.cmp(&b.date))?;
            Some((
                format!("/readiness/{}/{}", school, r.id),
                format!("{} ({})", r.label, r.date),
            ))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match edit_engagement(store, &id, |e| e.set_data_review(&text.get_untracked())) {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Data review saved.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    view! {
        <h3 id="data-review-title">"The school\u{2019}s data and improvement plan"</h3>
        {move || match round.get() {
            Some((href, label)) => view! {
                <p>"The school\u{2019}s latest readiness round: "<a href=href>{label}</a></p>
            }.into_any(),
            None => view! { <p class="hint">"The school has no readiness round yet."</p> }.into_any(),
        }}
        <form on:submit=submit novalidate aria-labelledby="data-review-title">
            <label for="data-review">"What the data and the plan say"</label>
            <textarea id="data-review" rows="4" maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <FieldError error/>
            <button type="submit">"Save"<span class="visually-hidden">" the data review"</span></button>
            {move || saved.get().map(|m| view! { <span class="ok" role="status">{m}</span> })}
        </form>
    }
}
