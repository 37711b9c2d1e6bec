//! A labelled form field bound to a signal, in one shape everywhere: `<div class="field">`
//! with its label and its input, text area, date or number. While the form's error names
//! the field, the field is `aria-invalid` and `aria-describedby` the error message (shown by
//! `FieldError` with that id), so focus on the field reads the message.
//!
//! Numbers are typed as text with `inputmode="numeric"` or `"decimal"`: a browser's
//! `type="number"` hands over an empty string for "12a", which a form would read as zero.

use leptos::prelude::*;

/// What the field takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    #[default]
    Text,
    /// A whole number, typed as text.
    Whole,
    /// A number with a decimal point (hours: 1.5), typed as text.
    Decimal,
    /// A date (YYYY-MM-DD), in the app's range.
    Date,
    /// A text area of this many rows.
    Area(u8),
}

#[component]
pub fn Field(
    /// The input's id, for its label and for focus after a refusal.
    id: &'static str,
    /// The label's words.
    #[prop(into)]
    label: Signal<String>,
    /// The value, read and written as the person types.
    value: RwSignal<String>,
    #[prop(optional)] kind: Kind,
    /// True while the form's error is this field's.
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// The error message's id (`FieldError`'s), described while `invalid`.
    #[prop(optional)]
    error_id: Option<&'static str>,
    /// The most characters the field takes.
    #[prop(optional)]
    max: Option<usize>,
    /// Classes after `field` ("narrow").
    #[prop(optional)]
    class: &'static str,
    /// A hint under the label, named by the field's description.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let invalid = move || invalid.is_some_and(|s| s.get());
    let hint_id = format!("{id}-hint");
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.as_str());
            }
            if invalid() {
                ids.extend(error_id);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let max = max.map(|m| m.to_string());
    let input = match kind {
        Kind::Area(rows) => view! {
            <textarea id=id rows=rows.to_string() maxlength=max
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid().then_some("true") aria-describedby=described></textarea>
        }
        .into_any(),
        Kind::Date => view! {
            <input id=id type="date" min=crate::domain::dates::EARLIEST max=crate::domain::dates::LATEST
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || invalid().then_some("true") aria-describedby=described/>
        }
        .into_any(),
        Kind::Text | Kind::Whole | Kind::Decimal => {
            let mode = match kind {
                Kind::Whole => Some("numeric"),
                Kind::Decimal => Some("decimal"),
                _ => None,
            };
            view! {
                <input id=id type="text" autocomplete="off" inputmode=mode maxlength=max
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
                    aria-invalid=move || invalid().then_some("true") aria-describedby=described/>
            }
            .into_any()
        }
    };
    view! {
        <div class=format!("field {class}")>
            <label for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {input}
        </div>
    }
}
