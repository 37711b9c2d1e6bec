//! The brief's cover note: the champion's recommendation, printed at the top of the brief
//! and written or edited here on screen.

use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// The champion's cover note: printed at the top of the brief, and edited here on screen.
#[component]
pub(super) fn CoverNote() -> impl IntoView {
    let store = use_store();
    let stored = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| d.phase_in.cover_note.clone())
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let open = move |_| {
        draft.set(stored.get_untracked());
        message.set(None);
        editing.set(true);
        request_animation_frame(|| browser::focus_id("cover-note-text"));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.try_edit(|d| d.phase_in.set_cover_note(&draft.get_untracked())) {
            Ok(()) => {
                editing.set(false);
                message.set(Some(Ok("Cover note saved.".into())));
                request_animation_frame(|| browser::focus_id("cover-note-edit"));
            }
            Err(e) => message.set(Some(Err(e))),
        }
    };
    view! {
        <section aria-labelledby="b-cover" class="cover-note" class:empty=move || stored.with(String::is_empty)>
            <h2 id="b-cover">"Recommendation"</h2>
            {move || {
                let note = stored.get();
                (!note.is_empty()).then(|| view! {
                    <div class="cover-text" data-testid="cover-note">
                        {note.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                    </div>
                })
            }}
            {move || if editing.get() {
                view! {
                    <form class="no-print cover-form" on:submit=save>
                        <div class="field">
                            <label for="cover-note-text">"Your cover note: the recommendation, and anything the readers should know first"</label>
                            <textarea id="cover-note-text" rows="6" maxlength="4000"
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                        </div>
                        <div class="actions">
                            <button type="submit" class="primary">"Save the cover note"</button>
                            <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Cancel"</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="no-print">
                        {move || stored.with(String::is_empty).then_some("No cover note yet. ")}
                        <button type="button" class="secondary" id="cover-note-edit" on:click=open>
                            {move || if stored.with(String::is_empty) { "Write a cover note" } else { "Edit the cover note" }}
                        </button>
                    </p>
                }.into_any()
            }}
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="ok no-print" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="field-error no-print" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
