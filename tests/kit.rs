//! The kit's shared pieces in headless Chromium: the remove confirmation (its words, its
//! focus), the undo notice, the field error and "Show more".
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use readyboard::ui::kit::field_error::FieldError;
use readyboard::ui::kit::remove::{ConfirmRemove, Verb};
use readyboard::ui::kit::show_more::{ShowMore, STEP};
use readyboard::ui::kit::undo::UndoNotice;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn root() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id).map(|e| e.unchecked_into())
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn text(id: &str) -> String {
    by_id(id).and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn confirm_remove_asks_naming_the_thing_and_moves_focus() {
    let el = root();
    let removed = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ConfirmRemove id="goal-1-remove" label="Remove goal" name="Reading"
                question="Remove the goal for Reading?"
                on_yes=move |()| removed.update(|n| *n += 1)/>
        }
    });
    tick(10).await;
    let opener = by_id("goal-1-remove").expect("the opener");
    assert_eq!(
        opener.text_content().unwrap(),
        "Remove goal\u{2026} Reading"
    );
    assert_eq!(
        opener
            .query_selector(".visually-hidden")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        " Reading"
    );

    // Opened: the question, named by its words, and focus on "Keep it" (a second Enter keeps).
    opener.click();
    tick(50).await;
    assert!(by_id("goal-1-remove").is_none());
    assert_eq!(
        text("goal-1-remove-question"),
        "Remove the goal for Reading?"
    );
    let group = el.query_selector("[role=group]").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("aria-labelledby").as_deref(),
        Some("goal-1-remove-question")
    );
    assert_eq!(text("goal-1-remove-yes"), "Yes, remove");
    assert_eq!(focused_id(), "goal-1-remove-keep");

    // Kept: the opener is back, with focus on it; nothing was removed.
    let keep: web_sys::HtmlElement = el
        .query_selector("button.secondary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(keep.text_content().unwrap(), "Keep it");
    keep.click();
    tick(50).await;
    assert_eq!(focused_id(), "goal-1-remove");
    assert_eq!(removed.get_untracked(), 0);

    // Yes: removed once, and the question closes.
    by_id("goal-1-remove").unwrap().click();
    tick(50).await;
    by_id("goal-1-remove-yes").unwrap().click();
    tick(50).await;
    assert_eq!(removed.get_untracked(), 1);
    assert!(by_id("goal-1-remove-question").is_none());
    assert!(by_id("goal-1-remove").is_some());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_shared_open_signal_keeps_one_question_open_in_a_list() {
    let el = root();
    let open = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ConfirmRemove id="row-a" open name="A" question="Delete A?" verb=Verb::Delete on_yes=|()| {}/>
            <ConfirmRemove id="row-b" open name="B" question="Delete B?" verb=Verb::Delete on_yes=|()| {}/>
        }
    });
    tick(10).await;
    assert_eq!(text("row-a"), "Delete\u{2026} A");
    by_id("row-a").unwrap().click();
    tick(50).await;
    assert_eq!(text("row-a-yes"), "Yes, delete");
    by_id("row-b").unwrap().click();
    tick(50).await;
    assert!(by_id("row-a-question").is_none(), "opening B closes A");
    assert!(by_id("row-a").is_some());
    assert_eq!(focused_id(), "row-b-keep");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_undo_notice_and_the_field_error() {
    let el = root();
    let undone = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <UndoNotice id="x-undo" message="Goal for Reading removed." on_undo=move |()| undone.set(true)/>
            <UndoNotice id="y-undo" in_status=true message="Cleared." what="clearing Ann\u{2019}s answers" on_undo=|()| {}/>
            <FieldError id="x-error" error/>
            <FieldError error quiet=true/>
        }
    });
    tick(10).await;
    let boxes = el.query_selector_all(".undo").unwrap();
    let first: web_sys::Element = boxes.item(0).unwrap().unchecked_into();
    let second: web_sys::Element = boxes.item(1).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(second.get_attribute("role"), None);
    assert_eq!(text("y-undo"), "Undo clearing Ann\u{2019}s answers");
    by_id("x-undo").unwrap().click();
    assert!(undone.get_untracked());

    assert_eq!(el.query_selector_all(".field-error").unwrap().length(), 0);
    error.set(Some("Name can't be empty.".into()));
    tick(10).await;
    let errors = el.query_selector_all(".field-error").unwrap();
    assert_eq!(errors.length(), 2);
    let with_id: web_sys::Element = errors.item(0).unwrap().unchecked_into();
    let quiet: web_sys::Element = errors.item(1).unwrap().unchecked_into();
    assert_eq!(with_id.id(), "x-error");
    assert_eq!(with_id.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(with_id.text_content().unwrap(), "Name can't be empty.");
    assert!(!quiet.has_attribute("id"));
    assert_eq!(quiet.get_attribute("role"), None);
    el.remove();
}

#[wasm_bindgen_test]
async fn a_field_is_labelled_bound_and_described_by_its_error_while_the_error_is_its_own() {
    use readyboard::ui::kit::field::{Field, Kind};
    let el = root();
    let value = RwSignal::new("12".to_string());
    let bad = RwSignal::new(false);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Field id="kit-count" label="How many attended" value kind=Kind::Whole
                invalid=Signal::derive(move || bad.get()) error_id="kit-count-error"/>
            <Field id="kit-notes" label="Notes" value=RwSignal::new(String::new()) kind=Kind::Area(3) hint="Optional."/>
        }
    });
    tick(10).await;
    let input: web_sys::HtmlInputElement = by_id("kit-count").unwrap().unchecked_into();
    // A number is typed as text, with a numeric keyboard: "12a" stays what was typed.
    assert_eq!(input.type_(), "text");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(input.value(), "12");
    let label = el.query_selector("label[for=kit-count]").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), "How many attended");
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);

    input.set_value("12a");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(value.get_untracked(), "12a");

    bad.set(true);
    tick(10).await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("kit-count-error")
    );

    // A text area with a hint is described by its hint.
    let notes = by_id("kit-notes").unwrap();
    assert_eq!(notes.tag_name(), "TEXTAREA");
    assert_eq!(
        notes.get_attribute("aria-describedby").as_deref(),
        Some("kit-notes-hint")
    );
    assert_eq!(text("kit-notes-hint"), "Optional.");
}

#[wasm_bindgen_test]
async fn show_more_grows_a_list_a_step_at_a_time_and_keeps_focus_until_the_end() {
    let el = root();
    let limit = RwSignal::new(10);
    let total = RwSignal::new(10 + STEP + 7);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <h2 id="log-title" tabindex="-1">"Log"</h2>
            <ShowMore limit total what="check-ins" back_to="log-title"/>
        }
    });
    tick(10).await;
    let button = || -> Option<web_sys::HtmlElement> {
        el.query_selector(".show-more button")
            .unwrap()
            .map(|b| b.unchecked_into())
    };
    let line = || {
        el.query_selector(".show-more")
            .unwrap()
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    };
    let total_now = 10 + STEP + 7;
    assert_eq!(
        line(),
        format!("10 of {total_now} shown. Show {STEP} more check-ins")
    );
    // A press shows a step more, and focus stays on the button while there are more.
    button().unwrap().focus().unwrap();
    button().unwrap().click();
    tick(20).await;
    assert_eq!(limit.get_untracked(), 10 + STEP);
    assert_eq!(
        line(),
        format!("{} of {total_now} shown. Show 7 more check-ins", 10 + STEP)
    );
    let active = document().active_element().unwrap();
    assert_eq!(active.text_content().unwrap(), "Show 7 more check-ins");
    // The last press shows the rest: the button goes, focus goes to the list's heading.
    button().unwrap().click();
    tick(20).await;
    assert!(button().is_none());
    assert_eq!(focused_id(), "log-title");
    // A list that grows past what is shown offers the button again.
    total.set(10 + 2 * STEP + 1);
    tick(20).await;
    assert!(button().is_some());
    // A list no longer than what is shown has none.
    total.set(3);
    tick(20).await;
    assert!(el.query_selector(".show-more").unwrap().is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_field_error_is_an_alert_only_while_it_is_the_whole_form_s() {
    let el = root();
    // The form's error: (whether it is a field's, the message).
    let error = RwSignal::new(None::<(bool, String)>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <FieldError id="f-error" error=Signal::derive(move || error.with(|e| e.as_ref().map(|e| e.1.clone())))
                quiet=Signal::derive(move || error.with(|e| e.as_ref().is_some_and(|e| e.0)))/>
        }
    });
    tick(10).await;
    assert!(by_id("f-error").is_none());
    // A field's error is read with the field focus moves to: no alert.
    error.set(Some((true, "Give a date.".into())));
    tick(10).await;
    assert_eq!(text("f-error"), "Give a date.");
    assert_eq!(by_id("f-error").unwrap().get_attribute("role"), None);
    // A refused save is the whole form's: an alert.
    error.set(Some((false, "Storage is full.".into())));
    tick(10).await;
    assert_eq!(
        by_id("f-error").unwrap().get_attribute("role").as_deref(),
        Some("alert")
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn a_status_line_stays_and_says_the_same_words_again() {
    use readyboard::ui::kit::said::Said;
    let el = root();
    let done = RwSignal::new(None::<String>);
    let _handle = leptos::mount::mount_to(el.clone(), move || view! { <Said text=done/> });
    tick(10).await;
    // The live region is in the page before it says anything.
    let line = el
        .query_selector("p[role=status]")
        .unwrap()
        .expect("the status line");
    assert_eq!(line.text_content().unwrap_or_default(), "");
    // Every change of its words, as a screen reader sees them.
    let watch = js_sys::Function::new_with_args(
        "el",
        "const log = []; new MutationObserver(() => log.push(el.textContent)).observe(el, \
         {childList: true, characterData: true, subtree: true}); return log;",
    );
    let log: js_sys::Array = watch
        .call1(&wasm_bindgen::JsValue::NULL, &line)
        .unwrap()
        .unchecked_into();
    done.set(Some("Meeting recorded.".into()));
    tick(100).await;
    done.set(Some("Meeting recorded.".into()));
    tick(100).await;
    let seen: Vec<String> = log.iter().filter_map(|v| v.as_string()).collect();
    let said: Vec<usize> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| *s == "Meeting recorded.")
        .map(|(i, _)| i)
        .collect();
    // Said twice, and emptied in between: the second is announced too.
    assert!(said.len() >= 2, "{seen:?}");
    assert!(
        seen[said[0]..*said.last().unwrap()]
            .iter()
            .any(String::is_empty),
        "{seen:?}"
    );
    assert_eq!(line.text_content().unwrap_or_default(), "Meeting recorded.");
    el.remove();
}
