//! The notice after something was removed: what happened, and an "Undo" button. The page
//! moves focus to the button (its `id`) after the removal, and away from it after the undo.

use leptos::prelude::*;

/// "… removed." and "Undo", in one `.undo` box.
#[component]
pub fn UndoNotice(
    /// The button's id, for focus to go to it after the removal.
    #[prop(into)]
    id: String,
    /// What happened, in a sentence: "Goal for Current student results removed."
    #[prop(into)]
    message: String,
    /// Pressed "Undo".
    #[prop(into)]
    on_undo: Callback<()>,
    /// What the undo undoes, after "Undo" for screen readers only, when several notices can
    /// be on the page at once ("clearing Principal Delgado’s answers").
    #[prop(optional, into)]
    what: Option<String>,
    /// Set when the notice sits inside a live region already; otherwise it is its own
    /// `role="status"`.
    #[prop(optional)]
    in_status: bool,
) -> impl IntoView {
    view! {
        <div class="undo" role=(!in_status).then_some("status")>
            <p>{message}</p>
            <button id=id type="button" on:click=move |_| on_undo.run(())>
                "Undo"{what.map(|w| view! { <span class="visually-hidden">{format!(" {w}")}</span> })}
            </button>
        </div>
    }
}
