//! Storage and components against the real localStorage, in headless Chromium.
//! Tests in this file share one page: each one starts by clearing localStorage.
#![cfg(target_arch = "wasm32")]

use readyboard::domain::demo;
use readyboard::storage::envelope::{encode, APP_VERSION};
use readyboard::storage::local::{self, Loaded, StorageError, KEY, QUARANTINE_PREFIX};
use readyboard::storage::{Meta, SCHEMA_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    storage().clear().unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Let Leptos run its effects and update the DOM.
async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Mount the whole app into a fresh container; unmounted when the handle drops.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), readyboard::ui::App);
    (el, handle)
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
    panic!(
        "no button \u{201c}{text}\u{201d} in: {}",
        root.text_content().unwrap_or_default()
    );
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
}

/// Fill localStorage until it refuses, with ever smaller chunks. Returns the filler keys.
fn fill_storage() -> Vec<String> {
    let s = storage();
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 16 {
        let value = "x".repeat(chunk);
        loop {
            let key = format!("filler.{}", keys.len());
            if s.set_item(&key, &value).is_err() {
                break;
            }
            keys.push(key);
        }
        chunk /= 4;
    }
    keys
}

fn meta(rev: u64, schema: u32) -> Meta {
    Meta {
        schema_version: schema,
        app_version: APP_VERSION.into(),
        saved_at: "2026-11-23T10:00:00.000Z".into(),
        revision: rev,
        writer: "test".into(),
    }
}

#[wasm_bindgen_test]
fn round_trip_through_local_storage() {
    clear();
    assert_eq!(local::load("t"), Loaded::Empty);
    let doc = demo::benson("2026-11-23T10:00:00.000Z");
    let m1 = local::save(&doc, None, "tab-a", "2026-11-23T10:00:01.000Z").unwrap();
    assert_eq!(m1.revision, 1);
    match local::load("t") {
        Loaded::Ready {
            meta,
            document,
            migrated_from,
        } => {
            assert_eq!(document, doc);
            assert_eq!(meta.revision, 1);
            assert_eq!(meta.writer, "tab-a");
            assert_eq!(migrated_from, None);
        }
        other => panic!("{other:?}"),
    }
    let mut renamed = doc.clone();
    renamed.rename_district("Benson Unified").unwrap();
    assert_eq!(
        local::save(&renamed, Some(1), "tab-a", "t")
            .unwrap()
            .revision,
        2
    );
    assert!(
        matches!(local::load("t"), Loaded::Ready { document, .. } if document.district.name == "Benson Unified")
    );
}

#[wasm_bindgen_test]
fn a_save_over_a_revision_this_tab_has_not_seen_is_refused() {
    clear();
    let doc = demo::benson("t");
    local::save(&doc, None, "tab-a", "t").unwrap();
    local::save(&doc, Some(1), "tab-b", "t").unwrap(); // another tab saved revision 2
    let err = local::save(&doc, Some(1), "tab-a", "t").unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict { stored: Some(m) } if m.revision == 2 && m.writer == "tab-b")
    );
    // The other tab's save is still there.
    assert!(matches!(local::load("t"), Loaded::Ready { meta, .. } if meta.writer == "tab-b"));
}

#[wasm_bindgen_test]
fn corrupt_data_is_quarantined_not_overwritten() {
    clear();
    let good = encode(&meta(3, SCHEMA_VERSION), &demo::benson("t"));
    let truncated = &good[..good.len() - 40];
    storage().set_item(KEY, truncated).unwrap();

    let Loaded::Quarantined { key, .. } = local::load("2026-11-23T10:00:00.000Z") else {
        panic!("not quarantined")
    };
    assert!(key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some(truncated),
        "kept byte for byte"
    );
    assert_eq!(
        storage().get_item(KEY).unwrap(),
        None,
        "main key freed only after the copy"
    );

    // A second bad write at the same moment gets its own key: earlier quarantine is never overwritten.
    storage().set_item(KEY, "not json at all").unwrap();
    let Loaded::Quarantined { key: key2, .. } = local::load("2026-11-23T10:00:00.000Z") else {
        panic!()
    };
    assert_ne!(key, key2);
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some(truncated)
    );
    assert_eq!(local::quarantined().len(), 2);
}

#[wasm_bindgen_test]
async fn the_app_shows_the_recovery_page_for_corrupt_data() {
    clear();
    storage()
        .set_item(KEY, "{\"format\":\"readyboard\",")
        .unwrap();
    let (root, _app) = mount_app();
    tick(30).await;
    assert_eq!(
        text_of(&root, "h1").as_deref(),
        Some("Your saved data couldn\u{2019}t be read")
    );
    assert_eq!(local::quarantined().len(), 1);
    // Starting fresh from the demo writes a new district; the quarantined copy stays.
    click_button(&root, "Start from the demo");
    tick(30).await;
    assert!(
        matches!(local::load("t"), Loaded::Ready { document, .. } if document.schools.len() == 21)
    );
    assert_eq!(local::quarantined().len(), 1);
}

#[wasm_bindgen_test]
async fn a_full_quota_shows_the_warning_and_keeps_the_state() {
    clear();
    let (root, _app) = mount_app();
    tick(30).await;
    let fillers = fill_storage();
    assert!(!fillers.is_empty());
    // The direct API says so precisely...
    let err = local::save(&demo::benson("t"), None, "tab", "t").unwrap_err();
    assert_eq!(err, StorageError::Quota);
    // ...and the app shows it, keeps the district in memory, and offers a backup.
    click_button(&root, "Explore the Benson demo district");
    tick(30).await;
    let warning =
        text_of(&root, "[data-testid=storage-warning]").expect("a visible storage warning");
    assert!(warning.contains("storage is full"), "{warning}");
    assert!(text_of(&root, "[data-testid=save-status]")
        .unwrap()
        .contains("Not saved: browser storage is full"));
    assert!(text_of(&root, ".district-name")
        .unwrap()
        .contains("Benson School District"));
    assert!(text_of(&root, "main").unwrap().contains("21 schools"));
    assert!(root.text_content().unwrap().contains("Download a backup"));
    assert_eq!(
        storage().get_item(KEY).unwrap(),
        None,
        "nothing half-written"
    );

    // Space comes back: the next save succeeds and the warning goes.
    for k in &fillers {
        storage().remove_item(k).unwrap();
    }
    click_button(&root, "Try saving again");
    tick(30).await;
    assert!(text_of(&root, "[data-testid=storage-warning]").is_none());
    assert_eq!(
        text_of(&root, "[data-testid=save-status]").unwrap().trim(),
        "Saved"
    );
    assert!(
        matches!(local::load("t"), Loaded::Ready { document, .. } if document.schools.len() == 21)
    );
}

#[wasm_bindgen_test]
async fn a_newer_schema_opens_read_only_and_is_never_written() {
    clear();
    let raw = encode(&meta(5, SCHEMA_VERSION + 1), &demo::benson("t"))
        .replace("\"schools\":", "\"newThing\":{\"a\":1},\"schools\":");
    storage().set_item(KEY, &raw).unwrap();
    assert!(matches!(local::load("t"), Loaded::Newer { .. }));
    assert!(matches!(
        local::save(&demo::benson("t"), Some(5), "tab", "t"),
        Err(StorageError::Newer(_))
    ));

    let (root, _app) = mount_app();
    tick(30).await;
    let banner = text_of(&root, "[data-testid=read-only]").expect("a read-only banner");
    assert!(banner.contains("newer version"), "{banner}");
    // The district is shown...
    assert!(text_of(&root, ".district-name")
        .unwrap()
        .contains("Benson School District"));
    // ...and nothing is written, even after the save delay.
    tick(700).await;
    assert_eq!(
        storage().get_item(KEY).unwrap().as_deref(),
        Some(raw.as_str())
    );
}
