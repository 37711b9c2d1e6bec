//! Small browser helpers the UI needs: the clock, randomness, file downloads and reads.
//! (localStorage is not here: only `storage` touches it.)

use wasm_bindgen::{JsCast, JsValue};

/// Now, as an ISO 8601 UTC string. (`SystemTime::now()` panics on wasm32.)
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// `performance.mark(name)`: a point on the page's timeline that the benches read (for
/// example how long reading the stored district took). Does nothing where unsupported.
pub fn perf_mark(name: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(perf) = js_sys::Reflect::get(&w, &"performance".into()) else {
        return;
    };
    if let Ok(mark) = js_sys::Reflect::get(&perf, &"mark".into()) {
        if let Ok(mark) = mark.dyn_into::<js_sys::Function>() {
            let _ = mark.call1(&perf, &name.into());
        }
    }
}

/// Today's date where the person is, `YYYY-MM-DD` (not UTC's: in the evening in America,
/// UTC is already tomorrow), for dates recorded, flags and file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Today, as a date, for the rules that count days (flags, pace); a clock the date cannot
/// be read from counts as the demo's day.
pub fn today_date() -> time::Date {
    crate::domain::dates::parse_shape(&today())
        .unwrap_or(crate::domain::model::demo::FALLBACK_TODAY)
}

/// Format an ISO time for people, in their locale ("23 Nov 2026, 10:04").
pub fn human_time(iso: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_string();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_string("default", &opts))
}

/// 16 random bytes from the Web Crypto API (falling back to Math.random).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// Offer `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    download_js(filename, mime, &JsValue::from_str(content))
}

/// Offer a JS string as a file download, without passing it through Rust's UTF-8.
pub fn download_js(filename: &str, mime: &str, content: &JsValue) -> Result<(), String> {
    let err = |_: JsValue| "The download could not start in this browser.".to_string();
    let parts = js_sys::Array::of1(content);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.style().set_property("display", "none").ok();
    if let Some(body) = document.body() {
        body.append_child(&a).map_err(err)?;
        a.click();
        body.remove_child(&a).ok();
    }
    // Revoke later: some browsers read the URL after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The file chosen in the `<input type="file">` that fired `ev`, if any. The input is
/// cleared, so choosing the same file again (after fixing it) reads it again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// Read a chosen file as text, decoded as UTF-8 (the browser's `File.text()`; bytes that
/// are not UTF-8 become U+FFFD). For files of our own making, such as backups.
pub async fn read_file_text(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file is not text.".to_string())
}

/// Read a chosen file's bytes as they are (`File.arrayBuffer()`), for a caller that works
/// out the encoding itself, such as a CSV saved by Excel in Windows-1252.
pub async fn read_file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Move keyboard focus to the element with `id` (after a view change).
/// Remove the element with this id, if there is one.
pub fn remove_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}

/// Load the page afresh from the network.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Put keyboard focus on the element with this id, if there is one.
///
/// An element that already has focus is left and focused again, so that it is announced
/// again: a form refused by Enter in the field that is wrong reads that field with its error
/// (the error is `quiet`, read through the field's `aria-describedby`).
pub fn focus_id(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if doc.active_element().is_some_and(|a| a == *el) {
            let _ = el.blur();
        }
        let _ = el.focus();
    }
}

/// After a route change, put keyboard focus on the new page's `h1` (made focusable with
/// `tabindex=-1`), or on `main` if the page has none, so keyboard and screen-reader users
/// start at the top of the page they asked for, not on whatever was left behind.
///
/// An address with a fragment (`/executive/x/setup#phase-dates`) puts focus on the element
/// it names, when the page has one, as a page load scrolls to it.
pub fn focus_page_heading() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let fragment = window
        .location()
        .hash()
        .ok()
        .and_then(|h| h.strip_prefix('#').map(str::to_string))
        .filter(|h| !h.is_empty() && !h.contains('='));
    let target = fragment
        .and_then(|f| doc.get_element_by_id(&f))
        .or_else(|| doc.query_selector("main h1").ok().flatten())
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

/// Before the router swaps pages on a link click, let go of the focused link: the browser
/// would otherwise recompute style and layout synchronously when that focused link is
/// removed from the old page (about 10 ms on the school page; see `make bench`). Focus
/// moves to the new page's heading right after ([`focus_page_heading`]).
pub fn release_focus_on_link_clicks() {
    use wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='/']").ok().flatten());
        if let (Some(link), Some(active)) = (link, doc_active_element()) {
            let is_download = link.has_attribute("download") || link.has_attribute("target");
            if !is_download && link.is_same_node(Some(&active)) {
                if let Ok(el) = active.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.blur();
                }
            }
        }
    });
    let _ = doc.add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget(); // lives as long as the page
}

fn doc_active_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// This page's origin (`https://example.org`), for links to share.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Put `text` on the clipboard with the async Clipboard API. `Err` when the browser has
/// no such API or refuses (an insecure page, no permission): the caller then offers the
/// text selected, to copy by hand. (Through `Reflect`, so no extra web-sys features.)
pub async fn copy_text(text: &str) -> Result<(), ()> {
    use js_sys::{Function, Promise, Reflect};
    let navigator = web_sys::window().ok_or(())?.navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let write: Function = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let promise: Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    // A browser that neither copies nor refuses (a permission prompt nobody sees) counts as
    // a refusal after two seconds, so the person is told to copy by hand.
    let timeout = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_1(
                &resolve,
                2000,
                &JsValue::from_str("timeout"),
            );
        }
    });
    let race = Promise::race(&js_sys::Array::of2(&promise, &timeout));
    match wasm_bindgen_futures::JsFuture::from(race).await {
        Ok(v) if v.as_string().as_deref() == Some("timeout") => Err(()),
        Ok(_) => Ok(()),
        Err(_) => Err(()),
    }
}

/// Focus the text input with `id` and select all its text, for copying by hand.
pub fn select_input(id: &str) {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Add (`on`) or remove a class on the document's root element: for print layouts that
/// show one part of the page only (`html.printing-slips`).
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// The page's fragment, with its `#` (empty when there is none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// One parameter of the page's query, decoded (`None` when absent or empty).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| {
            js_sys::decode_uri_component(&v.replace('+', " "))
                .ok()
                .and_then(|v| v.as_string())
        })
        .filter(|v| !v.is_empty())
}

/// Replace the page's query by `pairs` (a `None` value is left out), keeping its path and
/// fragment, as a new history entry (Back returns to the previous one).
pub fn push_query(pairs: &[(&str, Option<&str>)]) {
    set_query(pairs, false);
}

/// [`push_query`] in the current history entry (Back goes where it went before): for a
/// choice that shapes the page, kept in its address so a reload or a link keeps it. The
/// router does not see it, so the page around the choice (and the focus in it) stays.
pub fn replace_query(pairs: &[(&str, Option<&str>)]) {
    set_query(pairs, true);
}

fn set_query(pairs: &[(&str, Option<&str>)], replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let query: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", js_sys::encode_uri_component(v))))
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let url = format!("{path}{query}{}", location_hash());
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Set the document's title (for a page outside the router, which sets it otherwise).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// `s` encoded for a URL's query (`encodeURIComponent`).
pub fn encode_query(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}
