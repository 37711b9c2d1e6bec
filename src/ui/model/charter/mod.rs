//! `/model`: the coaching-model charter. The district edits a draft, section by section, and
//! publishes it as a numbered version; the panel at the top says what the draft changes
//! from the version in force, and what it still needs.

mod alignment;
mod basics;
mod outcomes;
mod people;
mod roles;

use super::ModelNav;
use crate::domain::model::Change;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::rows_in_steps::AfterPaint;
use crate::ui::kit::said::Said;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CharterPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Coaching model \u{b7} Readyboard"/>
        <h1>"Coaching model"</h1>
        <p class="lead">
            "The district\u{2019}s coaching charter: the model and the research behind it, the vision, the outcomes coaching "
            "aims for, who does what, and how it serves the district\u{2019}s goals. Write it with your stakeholders, "
            "then publish it: every published version is kept."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <ModelNav here="charter"/>
                <PublishPanel/>
                <basics::Basics/>
                // The sections below the first screen a few at a time, a frame apart.
                <AfterPaint>
                    <outcomes::Outcomes/>
                    <AfterPaint>
                        <roles::Roles/>
                        <AfterPaint>
                            <roles::Statements/>
                            <alignment::Alignment/>
                            <AfterPaint>
                                <people::Stakeholders/>
                                <people::Elements/>
                            </AfterPaint>
                        </AfterPaint>
                    </AfterPaint>
                </AfterPaint>
            }.into_any(),
        }}
    }
}

#[derive(Clone, Debug, PartialEq)]
struct DraftState {
    /// The version in force, if any: (number, date).
    published: Option<(u32, String)>,
    changes: Vec<Change>,
    missing: Vec<String>,
}

/// What the draft changes, what it misses, and the button that publishes it.
#[component]
fn PublishPanel() -> impl IntoView {
    let store = use_store();
    let state = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map(|d| {
                let m = &d.model;
                DraftState {
                    published: m.published().map(|v| (v.number, v.published_on.clone())),
                    changes: m.unpublished(),
                    missing: m.draft.missing().into_iter().map(|(_, s)| s).collect(),
                }
            })
        })
    });
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut number = 0;
        let result = store.try_edit_model(|model, _| {
            number = model.publish(&browser::today(), &note.get_untracked())?;
            Ok(())
        });
        match result {
            Ok(()) => {
                error.set(None);
                note.set(String::new());
                done.set(Some(format!(
                    "Version {number} published. Every earlier version is kept under \u{201c}Published versions\u{201d}."
                )));
            }
            Err(e) => {
                done.set(None);
                error.set(Some(e));
                browser::focus_id("publish-note");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="publish-title">
            <h2 id="publish-title">"Publish"</h2>
            {move || state.get().map(|s| view! {
                <p>{match &s.published {
                    Some((n, on)) => format!("Version {n}, published on {on}, is in force."),
                    None => "Nothing is published yet: schools see the charter once it is.".to_string(),
                }}</p>
                {if s.changes.is_empty() {
                    view! { <p class="hint">"The draft is the same as the version in force."</p> }.into_any()
                } else {
                    view! {
                        <h3 class="needs-title">{format!(
                            "The draft changes {}:",
                            crate::domain::text::plural(s.changes.len(), "thing", "things")
                        )}</h3>
                        <ul class="changes">
                            {s.changes.iter().map(|c| view! {
                                <li><span class="small">{c.section.label()}": "</span>{c.text.clone()}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!s.missing.is_empty()).then(|| view! {
                    <h3 class="needs-title">"Before it can be published, the charter needs:"</h3>
                    <ul class="needs">{s.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                })}
            })}
            <form on:submit=publish novalidate>
                <label for="publish-note">"What changed, and why (kept with the version)"</label>
                <textarea id="publish-note" rows="2" maxlength=crate::domain::model::MAX_PUBLISH_NOTE_CHARS.to_string()
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))
                    aria-describedby=move || error.with(Option::is_some).then_some("publish-error")></textarea>
                <FieldError id="publish-error" error/>
                <button type="submit" class="primary">"Publish this version"</button>
                <Said text=done/>
            </form>
        </section>
    }
}
