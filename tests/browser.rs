//! Storage and components against the real localStorage, in headless Chromium.
//! Tests in this file share one page: each one starts by clearing localStorage.
#![cfg(target_arch = "wasm32")]

use readyboard::domain::demo;
use readyboard::storage::codec;
use readyboard::storage::envelope::{encode, APP_VERSION};
use readyboard::storage::local::{self, Loaded, StorageError, KEY, PART_PREFIX, QUARANTINE_PREFIX};
use readyboard::storage::parts::{self, Baseline};
use readyboard::storage::{Meta, SCHEMA_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Clear localStorage, with the reader and writer installed (see `storage::codec`): the app
/// installs it once it has arrived, and the tests of what happens before then uninstall it.
fn clear() {
    storage().clear().unwrap();
    codec::install_both();
}

/// Every key and value in localStorage, sorted.
fn everything_stored() -> Vec<(String, String)> {
    let s = storage();
    let mut out: Vec<(String, String)> = (0..s.length().unwrap())
        .map(|i| {
            let k = s.key(i).unwrap().unwrap();
            let v = s.get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    out.sort();
    out
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

fn part_keys() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(PART_PREFIX))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// `localStorage.setItem` with a JS string built from UTF-16 code units, lone surrogates
/// included (a Rust `&str` can't hold one).
fn set_js(key: &str, units: &[u16]) -> js_sys::JsString {
    let value = js_sys::JsString::from_char_code(units);
    let s = storage();
    let set: js_sys::Function = js_sys::Reflect::get(&s, &"setItem".into())
        .unwrap()
        .unchecked_into();
    set.call2(&s, &key.into(), &value).unwrap();
    value
}

fn get_js(key: &str) -> Option<js_sys::JsString> {
    let s = storage();
    let get: js_sys::Function = js_sys::Reflect::get(&s, &"getItem".into())
        .unwrap()
        .unchecked_into();
    get.call1(&s, &key.into()).unwrap().dyn_into().ok()
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
    let doc = parts::join(parts::split(&demo::benson("2026-11-23T10:00:00.000Z"))).unwrap();
    let mut base = Baseline::empty();
    let m1 = local::save(&doc, &mut base, "tab-a", "2026-11-23T10:00:01.000Z").unwrap();
    assert_eq!(m1.revision, 1);
    assert_eq!(base.revision, Some(1));
    match local::load("t") {
        Loaded::Ready {
            meta,
            document,
            migrated_from,
            ..
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
        local::save(&renamed, &mut base, "tab-a", "t")
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
    let mut a = Baseline::empty();
    local::save(&doc, &mut a, "tab-a", "t").unwrap();
    let mut b = a.clone();
    local::save(&doc, &mut b, "tab-b", "t").unwrap(); // another tab saved revision 2
    let before = a.clone();
    let err = local::save(&doc, &mut a, "tab-a", "t").unwrap_err();
    assert_eq!(a, before, "a refused save changes nothing in memory");
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

/// Store the demo district in parts, as a save would.
fn store_demo() {
    store_parts(&meta(4, SCHEMA_VERSION), &demo::benson("t"));
}

/// Store `doc` in parts under `meta`, as another tab's first save would.
fn store_parts(meta: &Meta, doc: &readyboard::domain::Document) {
    for (k, v) in parts::first_save(meta, doc) {
        storage().set_item(&k, &v).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_stored_district_waits_for_its_reader_and_nothing_is_set_aside() {
    clear();
    store_demo();
    let stored = everything_stored();
    codec::uninstall();
    // Without the reader, a load reads nothing and moves nothing.
    assert_eq!(local::load("t"), Loaded::NeedsReader);
    assert_eq!(everything_stored(), stored);
    assert!(local::quarantined().is_empty());
    // The app says it is opening the district, fetches the reader, then opens it.
    let (root, _app) = mount_app();
    assert_eq!(
        text_of(&root, "h1").as_deref(),
        Some("Opening your district\u{2026}")
    );
    tick(30).await;
    assert!(codec::reader().is_some());
    assert!(
        text_of(&root, ".district-name").is_some_and(|n| n.contains("Benson School District")),
        "{:?}",
        root.text_content()
    );
    assert_eq!(everything_stored(), stored);
}

#[wasm_bindgen_test]
async fn a_damaged_part_is_found_once_the_reader_has_arrived() {
    clear();
    store_demo();
    // Damage one school's rounds: only the reader reads them.
    let s = storage();
    let rounds = (0..s.length().unwrap())
        .map(|i| s.key(i).unwrap().unwrap())
        .find(|k| k.starts_with(&format!("{PART_PREFIX}rounds.")))
        .unwrap();
    s.set_item(&rounds, "damaged").unwrap();
    codec::uninstall();
    assert_eq!(local::load("t"), Loaded::NeedsReader);
    assert!(local::quarantined().is_empty());
    let (root, _app) = mount_app();
    tick(30).await;
    assert_eq!(
        text_of(&root, "h1").as_deref(),
        Some("Your saved data couldn\u{2019}t be read")
    );
    let kept = local::quarantined();
    assert_eq!(kept.len(), 1);
    assert!(
        kept[0].raw.contains("damaged"),
        "the damaged part is kept as it was"
    );
    // The header does not say "Saved" over data that was just set aside.
    let status = text_of(&root, "[data-testid=save-status]").unwrap();
    assert!(!status.contains("Saved"), "{status}");
}

#[wasm_bindgen_test]
async fn a_roster_only_tab_fetches_the_reader_for_another_tabs_save_and_takes_it() {
    clear();
    // A district of only its roster: the core part, which the main wasm reads itself.
    let mut roster = readyboard::domain::Document::new_district(
        readyboard::domain::Id::fixed("d-1"),
        "Roster Only District",
        "2026-11-23T10:00:00.000Z",
    )
    .unwrap();
    roster.schools = demo::benson("t").schools;
    store_parts(&meta(1, SCHEMA_VERSION), &roster);
    codec::uninstall();
    let (root, _app) = mount_app();
    tick(30).await;
    assert!(text_of(&root, ".district-name").is_some_and(|n| n.contains("Roster Only")));
    assert!(codec::reader().is_none(), "a roster needs no reader");
    // Another tab saves the demo, with rounds and boards: this tab needs the reader to read it.
    let mut theirs = meta(2, SCHEMA_VERSION);
    theirs.writer = "tab-other".into();
    store_parts(&theirs, &demo::benson("t"));
    js_sys::eval(
        "window.dispatchEvent(new StorageEvent('storage', { key: 'readyboard.district' }))",
    )
    .unwrap();
    tick(30).await;
    assert!(codec::reader().is_some());
    assert!(
        text_of(&root, ".district-name").is_some_and(|n| n.contains("Benson School District")),
        "{:?}",
        root.text_content()
    );
    assert!(local::quarantined().is_empty());
}

#[wasm_bindgen_test]
async fn a_newer_builds_district_in_parts_waits_for_the_reader_then_shows_read_only() {
    clear();
    store_parts(&meta(5, SCHEMA_VERSION + 1), &demo::benson("t"));
    let stored = everything_stored();
    codec::uninstall();
    assert_eq!(local::load("t"), Loaded::NeedsReader);
    let (root, _app) = mount_app();
    tick(30).await;
    let banner = text_of(&root, "[data-testid=read-only]").expect("a read-only banner");
    assert!(banner.contains("newer version"), "{banner}");
    assert!(
        text_of(&root, ".district-name").is_some_and(|n| n.contains("Benson School District")),
        "the newer build's district is shown, not an empty one"
    );
    tick(700).await;
    assert_eq!(everything_stored(), stored);
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
    let mut base = Baseline::empty();
    let err = local::save(&demo::benson("t"), &mut base, "tab", "t").unwrap_err();
    assert_eq!(err, StorageError::Quota);
    assert_eq!(base, Baseline::empty());
    assert!(
        part_keys().is_empty(),
        "the parts a failed save wrote are removed"
    );
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

/// The code that writes parts (the writer) is not in the first load. A save before it has
/// arrived writes nothing and keeps the edits; the store fetches it, then saves.
#[wasm_bindgen_test]
async fn a_save_before_the_writer_has_arrived_writes_nothing_then_fetches_it_and_saves() {
    use leptos::prelude::GetUntracked;
    use readyboard::ui::store::{SaveStatus, Store};
    clear();
    codec::uninstall();
    // The direct API: refused before anything is written.
    let mut base = Baseline::empty();
    assert_eq!(
        local::save(&demo::benson("t"), &mut base, "tab", "t"),
        Err(StorageError::NoWriter)
    );
    assert_eq!(base, Baseline::empty());
    assert!(everything_stored().is_empty(), "nothing is written");
    // The store: a new district is kept in memory, "Saving…", and saved once the writer is here.
    let store = Store::load();
    store.start_district("Fresh District").unwrap();
    assert!(everything_stored().is_empty(), "nothing half-written");
    assert_eq!(store.status.get_untracked(), SaveStatus::Saving);
    assert!(store.has_unsaved_edits());
    let mut waited = 0;
    while store.status.get_untracked() != SaveStatus::Saved {
        tick(10).await;
        waited += 1;
        assert!(
            waited < 300,
            "never saved: {:?}",
            store.status.get_untracked()
        );
    }
    assert!(codec::writer().is_some());
    assert!(!store.has_unsaved_edits());
    assert!(
        matches!(local::load("t"), Loaded::Ready { document, .. } if document.district.name == "Fresh District")
    );
}

#[wasm_bindgen_test]
async fn a_newer_schema_opens_read_only_and_is_never_written() {
    clear();
    let raw = encode(&meta(5, SCHEMA_VERSION + 1), &demo::benson("t"))
        .replace("\"schools\":", "\"newThing\":{\"a\":1},\"schools\":");
    storage().set_item(KEY, &raw).unwrap();
    assert!(matches!(local::load("t"), Loaded::Newer { .. }));
    let mut base = Baseline {
        revision: Some(5),
        ..Baseline::default()
    };
    assert!(matches!(
        local::save(&demo::benson("t"), &mut base, "tab", "t"),
        Err(StorageError::Newer(_))
    ));
    // "Download a copy" gives the stored text exactly, not this build's reading of it.
    assert_eq!(
        local::stored_text().map(String::from).as_deref(),
        Some(raw.as_str())
    );

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

#[wasm_bindgen_test]
fn the_district_is_stored_in_parts_and_a_save_writes_only_what_changed() {
    clear();
    let doc = demo::benson("t");
    let mut base = Baseline::empty();
    local::save(&doc, &mut base, "tab-a", "t").unwrap();
    let head = storage().get_item(KEY).unwrap().unwrap();
    assert!(head.contains("\"layout\":\"parts\""), "{head}");
    assert!(
        head.contains("\"document\":null"),
        "older builds read it as newer, not damaged"
    );
    let first = part_keys();
    assert!(first.len() > 10, "{first:?}");
    assert!(first.iter().all(|k| k.ends_with("@1.taba")), "{first:?}");

    // Renaming one school writes the core part only; every other part keeps its key.
    let mut renamed = doc.clone();
    renamed.schools[0].name = "Renamed Elementary".into();
    local::save(&renamed, &mut base, "tab-a", "t").unwrap();
    let second = part_keys();
    let rewritten: Vec<&String> = second.iter().filter(|k| k.ends_with("@2.taba")).collect();
    assert_eq!(rewritten, vec![&format!("{PART_PREFIX}core@2.taba")]);
    // The replaced part stays, named in the head, until this tab's next save has checked
    // that no other tab's head (written at the same moment) still needs it.
    let old_core = format!("{PART_PREFIX}core@1.taba");
    assert!(second.contains(&old_core));
    assert!(storage()
        .get_item(KEY)
        .unwrap()
        .unwrap()
        .contains(&old_core));
    assert_eq!(second.len(), first.len() + 1);
    renamed.schools[1].name = "Renamed Middle".into();
    local::save(&renamed, &mut base, "tab-a", "t").unwrap();
    assert!(!part_keys().contains(&old_core), "removed by the next save");
    assert_eq!(part_keys().len(), first.len() + 1);
    match local::load("t") {
        Loaded::Ready { document, meta, .. } => {
            assert_eq!(meta.revision, 3);
            assert_eq!(document, parts::join(parts::split(&renamed)).unwrap());
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_contact_logged_writes_its_engagement_s_part_only_and_the_private_note_stays_in_it() {
    clear();
    let doc = demo::benson("t");
    let mut base = Baseline::empty();
    local::save(&doc, &mut base, "tab-a", "t").unwrap();
    let first = part_keys();
    assert!(
        first.contains(&format!("{PART_PREFIX}executive@1.taba")),
        "{first:?}"
    );
    assert!(
        first.contains(&format!("{PART_PREFIX}engagement.eng-northgate@1.taba")),
        "{first:?}"
    );
    let mut edited = doc.clone();
    let e = edited
        .executive
        .engagement_mut(&readyboard::domain::Id::fixed("eng-harbor-view"))
        .unwrap();
    let mut c = e.contacts[0].clone();
    c.id = readyboard::domain::Id::fixed("new-contact");
    c.date = "2026-11-26".into();
    c.private_notes = "Only the coach reads this.".into();
    e.log(c).unwrap();
    local::save(&edited, &mut base, "tab-a", "t").unwrap();
    let rewritten: Vec<String> = part_keys()
        .into_iter()
        .filter(|k| k.ends_with("@2.taba"))
        .collect();
    assert_eq!(
        rewritten,
        vec![format!("{PART_PREFIX}engagement.eng-harbor-view@2.taba")]
    );
    match local::load("t") {
        Loaded::Ready { document, .. } => {
            assert_eq!(
                document.executive, edited.executive,
                "every engagement, in its order"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_district_stored_whole_by_an_older_build_loads_and_is_then_stored_in_parts() {
    clear();
    let fixture = include_str!("fixtures/schema-v1.json");
    storage().set_item(KEY, fixture).unwrap();
    let Loaded::Ready {
        document,
        migrated_from,
        mut baseline,
        ..
    } = local::load("t")
    else {
        panic!("the schema 1 fixture did not load")
    };
    assert_eq!(migrated_from, Some(1));
    assert_eq!(
        storage().get_item(KEY).unwrap().as_deref(),
        Some(fixture),
        "loading writes nothing"
    );
    local::save(&document, &mut baseline, "tab", "t").unwrap();
    assert!(storage()
        .get_item(KEY)
        .unwrap()
        .unwrap()
        .contains("\"layout\":\"parts\""));
    match local::load("t") {
        Loaded::Ready {
            document: again,
            migrated_from,
            ..
        } => {
            assert_eq!(again, document);
            assert_eq!(migrated_from, None);
            assert_eq!(again.extra["futureTopLevelField"], "kept verbatim");
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_lone_surrogate_is_set_aside_exactly_as_it_was() {
    clear();
    // '{"broken \ud800 text' as the browser holds it.
    let mut units: Vec<u16> = "{\"broken ".encode_utf16().collect();
    units.push(0xD800);
    units.extend(" text".encode_utf16());
    let original = set_js(KEY, &units);
    let Loaded::Quarantined { key, .. } = local::load("2026-11-29T10:00:00.000Z") else {
        panic!("not quarantined")
    };
    let copy = get_js(&key).expect("a copy");
    assert_eq!(
        copy, original,
        "the copy is the same JS string, code unit for code unit"
    );
    assert_eq!(copy.length(), units.len() as u32);
    assert_eq!(copy.char_code_at(9), f64::from(0xD800u16));
    assert_eq!(storage().get_item(KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn a_damaged_part_sets_the_whole_district_aside_exactly() {
    clear();
    let mut base = Baseline::empty();
    local::save(&demo::benson("t"), &mut base, "tab", "t").unwrap();
    let keys = part_keys();
    let victim = keys.iter().find(|k| k.contains("rounds.")).unwrap().clone();
    let damaged: String = storage()
        .get_item(&victim)
        .unwrap()
        .unwrap()
        .chars()
        .take(40)
        .collect();
    storage().set_item(&victim, &damaged).unwrap();
    let head = storage().get_item(KEY).unwrap().unwrap();
    let Loaded::Quarantined { key, error } = local::load("2026-11-29T10:00:00.000Z") else {
        panic!("not quarantined")
    };
    assert!(error.to_string().contains("cut off"), "{error}");
    // One set-aside item holds the head and every part, exactly.
    let bundle: serde_json::Value =
        serde_json::from_str(&storage().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(bundle[KEY], serde_json::Value::String(head));
    assert_eq!(bundle[victim.as_str()], serde_json::Value::String(damaged));
    assert_eq!(bundle.as_object().unwrap().len(), keys.len() + 1);
    assert!(part_keys().is_empty());
    assert_eq!(storage().get_item(KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn a_save_cut_short_leaves_the_stored_district_as_it_was() {
    clear();
    let doc = demo::benson("t");
    let mut base = Baseline::empty();
    local::save(&doc, &mut base, "tab", "t").unwrap();
    let head = storage().get_item(KEY).unwrap();
    let keys = part_keys();
    let fillers = fill_storage();
    // Room for a part or two, not for all: the save writes some parts, then fails.
    let room = fillers
        .iter()
        .find(|k| storage().get_item(k).unwrap().map(|v| v.len()) == Some(4096))
        .cloned();
    if let Some(k) = &room {
        storage().remove_item(k).unwrap();
    }
    let mut big = doc.clone();
    for r in &mut big.readiness.rounds {
        r.label = format!("{} {}", r.label, "x".repeat(100));
    }
    let before = base.clone();
    assert_eq!(
        local::save(&big, &mut base, "tab", "t"),
        Err(StorageError::Quota)
    );
    assert_eq!(base, before);
    assert_eq!(storage().get_item(KEY).unwrap(), head);
    assert_eq!(part_keys(), keys, "no new part is left behind");
    for k in &fillers {
        storage().remove_item(k).unwrap();
    }
    assert!(matches!(local::load("t"), Loaded::Ready { meta, .. } if meta.revision == 1));
}

#[wasm_bindgen_test]
fn parts_no_head_names_are_collected_at_load_but_not_newer_or_replaced_ones() {
    clear();
    let mut base = Baseline::empty();
    let doc = demo::benson("t");
    local::save(&doc, &mut base, "tab-a", "t").unwrap();
    let mut renamed = doc.clone();
    renamed.district.name = "Benson Renamed".into();
    local::save(&renamed, &mut base, "tab-a", "t").unwrap();
    let replaced = format!("{PART_PREFIX}core@1.taba");
    let stray = format!("{PART_PREFIX}rounds.nowhere@2.tabz");
    let in_flight = format!("{PART_PREFIX}core@3.tabz");
    storage()
        .set_item(&stray, "left by a save cut short")
        .unwrap();
    storage()
        .set_item(&in_flight, "another tab's save under way")
        .unwrap();
    assert!(matches!(local::load("t"), Loaded::Ready { .. }));
    let keys = part_keys();
    assert!(!keys.contains(&stray), "collected");
    assert!(keys.contains(&in_flight), "newer than the head: kept");
    assert!(keys.contains(&replaced), "replaced: left to its writer");
}

#[wasm_bindgen_test]
fn a_newer_head_in_an_unknown_layout_opens_read_only_and_nothing_is_moved() {
    clear();
    let head = format!(
        r#"{{"format":"readyboard","schemaVersion":{},"appVersion":"9.0.0","savedAt":"t","revision":4,"writer":"w","document":null,"layout":"parts2","parts":{{"core":{{"at":4}}}}}}"#,
        SCHEMA_VERSION + 1
    );
    storage().set_item(KEY, &head).unwrap();
    storage()
        .set_item("readyboard.p2.core", "newer data")
        .unwrap();
    assert!(matches!(local::load("t"), Loaded::Newer { meta, .. } if meta.revision == 4));
    assert_eq!(
        storage().get_item(KEY).unwrap().as_deref(),
        Some(head.as_str())
    );
    assert_eq!(
        storage().get_item("readyboard.p2.core").unwrap().as_deref(),
        Some("newer data")
    );
    assert!(local::quarantined().is_empty());
}

#[wasm_bindgen_test]
fn a_save_from_a_head_another_tab_wrote_at_the_same_revision_is_a_conflict() {
    clear();
    let doc = demo::benson("t");
    let mut a = Baseline::empty();
    local::save(&doc, &mut a, "tab-a", "t").unwrap();
    // Tab B saved revision 2 from revision 1, and so did tab A, at the same moment; B's head
    // landed last. A's next save must not build on its own revision 2.
    let mut b = a.clone();
    let mut mine = doc.clone();
    mine.district.name = "A's name".into();
    local::save(&mine, &mut a, "tab-a", "t").unwrap();
    let mut theirs = doc.clone();
    theirs.schools[0].name = "B's school".into();
    // B's check ran before A's head reached B's process: B saw revision 1, as stored here.
    storage()
        .set_item(
            KEY,
            &storage()
                .get_item(KEY)
                .unwrap()
                .unwrap()
                .replace("\"revision\":2", "\"revision\":1"),
        )
        .unwrap();
    local::save(&theirs, &mut b, "tab-b", "t").unwrap();
    let err = local::save(&mine, &mut a, "tab-a", "t").unwrap_err();
    assert!(
        matches!(&err, StorageError::Conflict { stored: Some(m) } if m.revision == 2 && m.writer == "tab-b"),
        "{err:?}"
    );
    // Whatever B's head names is there, and the district loads.
    assert!(
        matches!(local::load("t"), Loaded::Ready { document, .. } if document.schools[0].name == "B's school")
    );
}

fn marks(name: &str) -> u32 {
    let w = web_sys::window().unwrap();
    let perf = js_sys::Reflect::get(&w, &"performance".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"getEntriesByName".into())
        .unwrap()
        .unchecked_into();
    let list: js_sys::Array = f.call1(&perf, &name.into()).unwrap().unchecked_into();
    list.length()
}

/// The debounced save of a large district compares its parts in several short steps, and an
/// edit made between two steps is saved too (the steps start again, never write a stale set).
#[wasm_bindgen_test]
async fn a_large_district_saves_in_steps_and_an_edit_between_steps_is_kept() {
    use leptos::prelude::GetUntracked;
    use readyboard::domain::synthetic;
    use readyboard::ui::store::{set_save_step_ms, SaveStatus, Store, SAVE_DELAY};
    clear();
    // One part a step, so that the test's own timers surely land between two steps however
    // fast or loaded the machine is.
    set_save_step_ms(0.0);
    let doc = synthetic::big_district(300, 10, 4);
    let mut base = Baseline::empty();
    local::save(&doc, &mut base, "writer-a", "t").unwrap();

    let store = Store::load();
    assert!(store.is_writable());
    let steps0 = marks("readyboard:save-step");
    let ends0 = marks("readyboard:save-end");
    store.edit(|d| d.district.name = "Renamed once".into());
    // Wait for the first step, then edit before the last one.
    let mut waited = 0;
    while marks("readyboard:save-step") == steps0 {
        tick(0).await;
        waited += 1;
        assert!(waited < 5_000, "the save never started");
    }
    assert_eq!(
        marks("readyboard:save-end"),
        ends0,
        "one step compared the whole district: make it larger"
    );
    store.edit(|d| d.schools[0].name = "Renamed school".into());
    // The abandoned save wrote nothing.
    let stored = |f: &dyn Fn(&readyboard::domain::Document) -> bool| matches!(local::load("t"), Loaded::Ready { document, .. } if f(&document));
    assert!(stored(&|d| d.district.name != "Renamed once"));
    let mut waited = 0;
    while store.status.get_untracked() != SaveStatus::Saved {
        tick(SAVE_DELAY.as_millis() as i32 / 5).await;
        waited += 1;
        assert!(
            waited < 100,
            "never saved: {:?}",
            store.status.get_untracked()
        );
    }
    assert!(
        marks("readyboard:save-step") - steps0 > 2,
        "the save took several steps"
    );
    assert!(stored(
        &|d| d.district.name == "Renamed once" && d.schools[0].name == "Renamed school"
    ));
    assert!(!store.has_unsaved_edits());
    set_save_step_ms(8.0);
}

/// The planner keeps the adopted plan while only the planner's part of the document
/// changes: the store's revision outside that part moves with every other edit (even a
/// whole-document edit of the planner) and every new document, never with a phase-in edit,
/// applied or refused.
#[wasm_bindgen_test]
async fn the_revision_outside_the_planner_moves_with_every_edit_but_the_planner_s() {
    use leptos::prelude::GetUntracked;
    use readyboard::ui::store::{SaveStatus, Store, SAVE_DELAY};
    clear();
    let mut base = Baseline::empty();
    local::save(&demo::benson("t"), &mut base, "writer-a", "t").unwrap();
    let store = Store::load();
    assert!(store.is_writable());
    let r0 = store.revision_outside_phase_in();
    store.try_edit_phase_in(|p| p.set_gate(Some(2))).unwrap();
    assert!(store
        .try_edit_phase_in(|_| Err("refused".to_string()))
        .is_err());
    assert_eq!(store.revision_outside_phase_in(), r0);
    store.edit(|d| d.schools[0].name = "Renamed school".into());
    let r1 = store.revision_outside_phase_in();
    assert!(r1 > r0);
    store.edit(|d| d.phase_in.cover_note = "Through the whole document".into());
    let r2 = store.revision_outside_phase_in();
    assert!(r2 > r1);
    store.replace(demo::benson("t2"));
    assert!(store.revision_outside_phase_in() > r2);
    // Let the debounced save finish, so that it writes nothing into the next test's storage.
    let mut waited = 0;
    while store.has_unsaved_edits() || store.status.get_untracked() == SaveStatus::Saving {
        tick(SAVE_DELAY.as_millis() as i32 / 5).await;
        waited += 1;
        assert!(
            waited < 100,
            "never saved: {:?}",
            store.status.get_untracked()
        );
    }
}

#[wasm_bindgen_test]
fn a_schema_4_model_part_is_read_and_the_next_save_stores_it_in_smaller_parts() {
    use readyboard::storage::envelope::encode_head;
    use readyboard::storage::pack::pack;
    use readyboard::storage::parts::{part_key, split, tag, Part};
    clear();
    // Stored by a schema-4 build: the whole model but its versions in the one `model` part.
    let doc = parts::join(split(&demo::benson("t"))).unwrap();
    let old = meta(3, 4);
    let t = tag(old.revision, &old.writer);
    let mut written = std::collections::BTreeMap::new();
    for (name, part) in split(&doc) {
        if name.starts_with("model-school.") || name.starts_with("model-coach.") {
            continue;
        }
        let json = match (&*name, &part) {
            ("model", Part::Model(_)) => {
                let mut whole = doc.model.clone();
                whole.versions.clear();
                serde_json::to_vec(&whole).unwrap()
            }
            _ => part.to_json(),
        };
        storage()
            .set_item(&part_key(&name, &t), &pack(&json))
            .unwrap();
        written.insert(name, t.clone());
    }
    storage()
        .set_item(KEY, &encode_head(&old, &written, &[]))
        .unwrap();
    let Loaded::Ready {
        document,
        mut baseline,
        ..
    } = local::load("t")
    else {
        panic!("the schema-4 district did not load")
    };
    assert_eq!(document.model.check_ins.len(), doc.model.check_ins.len());
    assert_eq!(document.model.adaptations, doc.model.adaptations);
    // An edit of one check-in: the save writes the model's own part again (without its
    // records), a part per school and per coach, and the head says schema 5.
    let mut edited = document.clone();
    edited.model.check_ins[0].topics = "Edited after the upgrade".into();
    local::save(&edited, &mut baseline, "tab-b", "t").unwrap();
    let head: serde_json::Value =
        serde_json::from_str(&storage().get_item(KEY).unwrap().unwrap()).unwrap();
    assert_eq!(head["schemaVersion"], SCHEMA_VERSION);
    let names: Vec<String> = head["parts"].as_object().unwrap().keys().cloned().collect();
    assert!(
        names.iter().any(|n| n.starts_with("model-coach.")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("model-school.")),
        "{names:?}"
    );
    match local::load("t") {
        Loaded::Ready {
            document: again, ..
        } => {
            assert_eq!(again.model.check_ins.len(), edited.model.check_ins.len());
            assert!(again
                .model
                .check_ins
                .iter()
                .any(|c| c.topics == "Edited after the upgrade"));
            assert_eq!(again.model.adaptations, edited.model.adaptations);
            assert!(again.validate().is_empty());
        }
        other => panic!("{other:?}"),
    }
}
