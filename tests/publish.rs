//! The Publish component (embedded by the board page) in headless Chromium: the share link,
//! its size against the email-safe limit, copying, and the schedule file.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use readyboard::domain::plus::demo;
use readyboard::domain::plus::share::{self, Shared};
use readyboard::ui::plus::publish::Publish;
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

fn click_button(root: &web_sys::HtmlElement, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == text {
            b.click();
            return;
        }
    }
    panic!("no button \u{201c}{text}\u{201d}");
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn publish_shows_the_link_and_its_size_copies_it_and_offers_the_file() {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let shared = RwSignal::new(None::<Shared>);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <Publish shared=shared before=Signal::derive(|| None)/> }
    });
    tick(10).await;
    assert!(text(&el, ".publish").contains("There is no schedule to publish yet."));
    assert!(el.query_selector("#publish-link").unwrap().is_none());

    let s = demo::board().to_shared("Maple Ridge Middle School");
    shared.set(Some(s.clone()));
    tick(10).await;
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let input: web_sys::HtmlInputElement = el
        .query_selector("#publish-link")
        .unwrap()
        .expect("the link field")
        .unchecked_into();
    // The whole-school link: no coaching focus unless the lead includes it.
    assert!(s.teachers.iter().any(|t| !t.3.is_empty()));
    let url = share::link(&origin, &s.without_focus());
    assert_eq!(input.value(), url);
    assert!(input.read_only());
    // The field has a label, and the size is said in words against the limit.
    assert_eq!(text(&el, "label[for=publish-link]"), "Whole-school link");
    let size = text(&el, "#publish-size");
    let (fits, words) = share::link_size_note(url.chars().count());
    assert!(fits);
    assert_eq!(size, format!("Fits in an email. {words}"));

    // Copying says what happened, whether or not this headless browser allows it.
    click_button(&el, "Copy link");
    // The clipboard answers when it answers (under load, well after 100 ms): wait for it.
    let mut said = String::new();
    for _ in 0..60 {
        tick(50).await;
        said = text(&el, "#publish-said");
        if !said.is_empty() {
            break;
        }
    }
    assert!(
        said.starts_with("Link copied.") || said.contains("The link is selected"),
        "{said}"
    );

    click_button(&el, "Download the whole school\u{2019}s schedule file");
    tick(10).await;
    assert_eq!(
        share::file_name(&s),
        "coaching-schedule-maple-ridge-middle-school.json"
    );
    assert_eq!(
        text(&el, "#publish-said"),
        "Downloaded \u{201c}coaching-schedule-maple-ridge-middle-school.json\u{201d}. Teachers open it with \u{201c}Open a schedule file\u{201d} on the My schedule page."
    );
    // A changed schedule clears what was said about the old one.
    let mut other = s.clone();
    other.school = "Canal Street Elementary".into();
    shared.set(Some(other));
    tick(10).await;
    assert_eq!(text(&el, "#publish-said"), "");
}
