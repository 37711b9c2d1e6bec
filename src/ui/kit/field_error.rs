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
    /// (through its `aria-describedby`), so it is not announced twice. A form whose message
    /// is sometimes a field's and sometimes the whole form's passes a signal.
    #[prop(optional, into)]
    quiet: Signal<bool>,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p id=id.clone() class="field-error" role=move || (!quiet.get()).then_some("alert")>{e}</p> }
        })
    }
}
