//! The model's name, its research and citation, and the vision.

use super::super::edit_draft;
use crate::domain::model::charter::{MAX_LINE_CHARS, MAX_VISION_CHARS};
use crate::domain::model::Section;
use crate::domain::text::MAX_NOTE_CHARS;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::said::Said;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Basics() -> impl IntoView {
    let store = use_store();
    let draft = store.doc.with_untracked(|d| {
        d.as_ref()
            .map(|d| d.model.draft.clone())
            .unwrap_or_default()
    });
    let name = RwSignal::new(draft.name);
    let research = RwSignal::new(draft.research);
    let citation = RwSignal::new(draft.citation);
    let vision = RwSignal::new(draft.vision);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut section = None;
        let result = edit_draft(store, |c| {
            c.set_basics(
                &name.get_untracked(),
                &research.get_untracked(),
                &citation.get_untracked(),
                &vision.get_untracked(),
            )
            .map_err(|(s, e)| {
                section = Some(s);
                e
            })
        });
        match result {
            Ok(()) => {
                error.set(None);
                saved.set(Some("Saved in the draft.".into()));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
                browser::focus_id(if section == Some(Section::Vision) {
                    "model-vision"
                } else {
                    "model-name"
                });
            }
        }
    };
    let described = move || error.with(Option::is_some).then_some("basics-error");
    view! {
        <form class="panel" on:submit=submit novalidate aria-labelledby="basics-title">
            <h2 id="basics-title">"The model and its vision"</h2>
            <div class="field">
                <label for="model-name">"Model"</label>
                <input id="model-name" type="text" maxlength=MAX_LINE_CHARS.to_string() autocomplete="off"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    aria-describedby=described/>
                <p class="hint">"For example an impact cycle, or blended coaching."</p>
            </div>
            <div class="field">
                <label for="model-research">"The research it follows"</label>
                <textarea id="model-research" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || research.get() on:input=move |ev| research.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="model-citation">"Citation"</label>
                <input id="model-citation" type="text" maxlength=MAX_NOTE_CHARS.to_string() autocomplete="off"
                    prop:value=move || citation.get() on:input=move |ev| citation.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="model-vision">"Vision"</label>
                <textarea id="model-vision" rows="3" maxlength=MAX_VISION_CHARS.to_string()
                    prop:value=move || vision.get() on:input=move |ev| vision.set(event_target_value(&ev))
                    aria-describedby=move || if error.with(Option::is_some) { "vision-hint basics-error" } else { "vision-hint" }></textarea>
                <p class="hint" id="vision-hint">{format!("A short statement, at most {MAX_VISION_CHARS} characters.")}</p>
            </div>
            <FieldError id="basics-error" error/>
            <button type="submit">"Save"<span class="visually-hidden">" the model and its vision"</span></button>
            <Said text=saved inline=true/>
        </form>
    }
}
