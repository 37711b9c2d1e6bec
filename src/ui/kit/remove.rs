//! Removing something asks first, in place, in one set of words everywhere: a "Remove…"
//! button (naming the thing for screen readers) opens a short question that names it, with
//! a danger button "Yes, remove" and a secondary "Keep it". Focus goes to "Keep it" when the
//! question opens (inside the group the question names, so a screen reader reads it; and a
//! second press of Enter keeps the thing rather than removing it, as some removals have no
//! undo), and back to the "Remove…" button when the thing is kept.
//!
//! `ConfirmRemove` is the whole pattern, the question in place of the button. A page that
//! shows the question somewhere else (the roster, in a full-width row under the school) uses
//! its two halves, `RemoveButton` and `RemoveQuestion`, and moves focus back itself.

use crate::ui::platform::browser;
use leptos::prelude::*;

/// What the buttons say. One verb per confirmation: "Remove…" opens "Yes, remove".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Verb {
    /// "Remove…", "Yes, remove": the thing leaves a list (and can usually come back).
    #[default]
    Remove,
    /// "Delete…", "Yes, delete": the thing is deleted from the browser.
    Delete,
    /// "Clear…", "Yes, clear": the thing stays, what it holds goes.
    Clear,
}

impl Verb {
    /// The opener's words, before its "…".
    pub fn label(self) -> &'static str {
        match self {
            Verb::Remove => "Remove",
            Verb::Delete => "Delete",
            Verb::Clear => "Clear",
        }
    }

    /// The danger button's words.
    pub fn yes(self) -> &'static str {
        match self {
            Verb::Remove => "Yes, remove",
            Verb::Delete => "Yes, delete",
            Verb::Clear => "Yes, clear",
        }
    }
}

/// Ask before removing, in place: the "Remove…" button, or, once pressed, the question with
/// "Yes, remove" and "Keep it". The ids are `{id}` (the button), `{id}-question`, `{id}-yes`
/// and `{id}-keep`.
#[component]
pub fn ConfirmRemove(
    /// Stem of the ids; unique on the page (for example `action-{id}-remove`).
    #[prop(into)]
    id: String,
    /// The thing, as the button names it for screen readers: "Remove… Spring 2026".
    #[prop(into)]
    name: Signal<String>,
    /// The short question, naming the thing: "Remove the goal for Current student results?"
    #[prop(into)]
    question: Signal<String>,
    /// Done on "Yes, remove". Where focus goes next is the caller's (usually its Undo).
    #[prop(into)]
    on_yes: Callback<()>,
    /// The buttons' verb; `Remove` unless given.
    #[prop(optional)]
    verb: Verb,
    /// The button's words before the "…" when they are more than the verb ("Remove goal").
    #[prop(optional)]
    label: Option<&'static str>,
    /// The `id` of the one question open in a list, shared by the list's rows so that
    /// opening one closes the others. Without it, this confirmation keeps its own.
    #[prop(optional)]
    open: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(None));
    let id = StoredValue::new(id);
    // A memo: a list of a hundred rows shares one `open`, and only the row whose question
    // opens or closes is drawn again (not every row's button, on each click).
    let is_open = Memo::new(move |_| open.with(|o| o.as_deref() == Some(id.read_value().as_str())));
    let ask = Callback::new(move |()| open.set(Some(id.get_value())));
    let yes = Callback::new(move |()| {
        on_yes.run(());
        // The confirmation may be gone with the thing it removed.
        let _ = open.try_update(|o| {
            if o.as_deref() == Some(id.read_value().as_str()) {
                *o = None;
            }
        });
    });
    let keep = Callback::new(move |()| {
        open.set(None);
        let opener = id.get_value();
        request_animation_frame(move || browser::focus_id(&opener));
    });
    let words = label.unwrap_or(verb.label());
    move || {
        if is_open.get() {
            view! { <RemoveQuestion id=id.get_value() question verb on_yes=yes on_keep=keep/> }
                .into_any()
        } else {
            view! { <RemoveButton id=id.get_value() name verb label=words on_ask=ask/> }.into_any()
        }
    }
}

/// The "Remove…" button: its words, then the thing's name for screen readers only.
#[component]
pub fn RemoveButton(
    /// The button's id, for focus to come back to it.
    #[prop(into)]
    id: String,
    /// The thing, for screen readers: "Remove… Quarry Hill Elementary".
    #[prop(into)]
    name: Signal<String>,
    /// Pressed: open the question.
    #[prop(into)]
    on_ask: Callback<()>,
    #[prop(optional)] verb: Verb,
    /// The words before the "…" when they are more than the verb ("Remove goal").
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let words = label.unwrap_or(verb.label());
    view! {
        <button id=id type="button" class="secondary" on:click=move |_| on_ask.run(())>
            {format!("{words}\u{2026}")}
            <span class="visually-hidden">{move || format!(" {}", name.get())}</span>
        </button>
    }
}

/// The question, "Yes, remove" and "Keep it", as one group named by the question. Focus goes
/// to "Keep it" when it is drawn. The ids are `{id}-question`, `{id}-yes` and `{id}-keep`.
#[component]
pub fn RemoveQuestion(
    /// Stem of the ids.
    #[prop(into)]
    id: String,
    /// The short question, naming the thing.
    #[prop(into)]
    question: Signal<String>,
    /// Pressed "Yes, remove".
    #[prop(into)]
    on_yes: Callback<()>,
    /// Pressed "Keep it": close the question and put focus back on the "Remove…" button.
    #[prop(into)]
    on_keep: Callback<()>,
    #[prop(optional)] verb: Verb,
    /// What goes with the thing, in a sentence after the question.
    #[prop(optional, into)]
    detail: Option<String>,
    /// A panel of its own (as under a table row), not a line inside a table cell.
    #[prop(optional)]
    panel: bool,
) -> impl IntoView {
    let question_id = format!("{id}-question");
    let labelled_by = question_id.clone();
    let yes_id = format!("{id}-yes");
    let keep_id = format!("{id}-keep");
    let focus = keep_id.clone();
    Effect::new(move |_| browser::focus_id(&focus));
    let yes = view! {
        <button id=yes_id type="button" class="danger" on:click=move |_| on_yes.run(())>{verb.yes()}</button>
        <button id=keep_id type="button" class="secondary" on:click=move |_| on_keep.run(())>"Keep it"</button>
    };
    if panel {
        view! {
            <div class="confirm" role="group" aria-labelledby=labelled_by>
                <p id=question_id>
                    <strong>{move || question.get()}</strong>
                    {detail.map(|d| format!(" {d}"))}
                </p>
                <div class="actions">{yes}</div>
            </div>
        }
        .into_any()
    } else {
        view! {
            <span class="confirm-inline" role="group" aria-labelledby=labelled_by>
                <span id=question_id>
                    {move || question.get()}
                    {detail.map(|d| format!(" {d}"))}
                </span>
                {yes}
            </span>
        }
        .into_any()
    }
}
