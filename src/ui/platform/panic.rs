//! A panic must never leave a blank page. The hook logs through console_error_panic_hook and
//! then puts a plain message over the app. It writes fixed text only (no user data) and
//! uses no wasm callbacks, because the wasm instance can't be trusted after a panic, and no
//! inline script, which the Content-Security-Policy forbids: "Reload" is a link to this page.

use wasm_bindgen::JsCast;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_message();
    }));
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("panic").is_some() {
        return;
    }
    let Ok(el) = document.create_element("div") else {
        return;
    };
    el.set_id("panic");
    let _ = el.set_attribute("role", "alert");
    let _ = el.set_attribute("class", "panic");
    let heading = document.create_element("h2").ok();
    let para = document.create_element("p").ok();
    let button = document.create_element("a").ok();
    if let (Some(h), Some(p), Some(b)) = (heading, para, button) {
        h.set_text_content(Some("Readyboard stopped because of an unexpected error"));
        p.set_text_content(Some(
            "Your last saved work is safe in this browser. Reload the page to carry on. If this keeps happening, download a backup from the Data page after reloading.",
        ));
        b.set_text_content(Some("Reload the page"));
        // A link to this very page: no wasm callback after a panic, and no inline handler.
        // An extra `?` or `&` makes it a different URL from the current one even when only
        // the `#` part would otherwise be followed, so the browser always loads it afresh.
        let here = web_sys::window()
            .map(|w| w.location())
            .and_then(|l| {
                let (path, search, hash) = (l.pathname().ok()?, l.search().ok()?, l.hash().ok()?);
                let search = if search.is_empty() {
                    "?".to_string()
                } else {
                    format!("{search}&")
                };
                Some(format!("{path}{search}{hash}"))
            })
            .unwrap_or_else(|| "/".into());
        let _ = b.set_attribute("href", &here);
        let _ = b.set_attribute("class", "button");
        let _ = el.append_child(&h);
        let _ = el.append_child(&p);
        let _ = el.append_child(&b);
    }
    let _ = body.prepend_with_node_1(&el);
    if let Some(b) = el.query_selector("a").ok().flatten() {
        if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
            let _ = b.focus();
        }
    }
}
