//! A form's error message, shown only while there is one. With an `id`, it is the message a
//! field's `aria-describedby` names (and `aria-invalid` marks the field).

use leptos::prelude::*;

/// `<p class="field-error" role="alert">` with the message, or nothing while there is none.
#[component]
pub fn FieldError(
    /// The message; nothing is shown while it is `None`.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// The id a field's `aria-describedby` names; none for an error of the whole form.
    #[prop(optional, into)]
    id: Option<String>,
    /// No `role="alert"`: for a message the field reads itself, as focus moves to the field
    /// (through its `aria-describedby`), so it is not announced twice.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p id=id.clone() class="field-error" role=(!quiet).then_some("alert")>{e}</p> }
        })
    }
}
