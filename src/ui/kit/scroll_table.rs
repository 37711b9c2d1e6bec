//! A table that may be wider than the screen. It becomes a focusable, named scroll region
//! (so keyboard users can scroll it) only while it is wider than its box, and then shows a
//! visible cue that it scrolls. A table that fits is no Tab stop and no landmark.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Wrap a `<table>` (`children`). `label` names the region while it scrolls, for example
/// "Year 1 cohort table"; say what the table is, not the section's heading again.
#[component]
pub fn ScrollTable(#[prop(into)] label: String, children: Children) -> impl IntoView {
    let el = NodeRef::<Div>::new();
    let scrolls = RwSignal::new(false);
    // The observer may report after the table is gone: never panic on a disposed node.
    let measure = move || {
        if let Some(Some(d)) = el.try_get_untracked() {
            let wide = d.scroll_width() > d.client_width() + 1;
            if scrolls.try_get_untracked() != Some(wide) {
                let _ = scrolls.try_set(wide);
            }
        }
    };
    // Measured when the table or its box changes size (rows added, the window resized).
    // An observer reports once when it starts observing, after the browser's own layout of
    // the frame: measuring here too would force a layout of the whole page while it is still
    // being drawn (10 ms for a 60-row table, see make bench-executive).
    Effect::new(move |_| {
        let Some(d) = el.get() else { return };
        let callback = Closure::<dyn FnMut()>::new(measure);
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            measure();
            return;
        };
        observer.observe(&d);
        if let Some(table) = d.first_element_child() {
            observer.observe(&table);
        }
        let kept = StoredValue::new_local(Some((observer, callback)));
        on_cleanup(move || {
            if let Some((observer, _callback)) = kept.try_update_value(Option::take).flatten() {
                observer.disconnect();
            }
        });
    });
    let name = label.clone();
    view! {
        <div class="table-wrap" node_ref=el
            class:scrolls=move || scrolls.get()
            tabindex=move || scrolls.get().then_some("0")
            role=move || scrolls.get().then_some("region")
            aria-label=move || scrolls.get().then(|| format!("{name} (scrolls sideways)"))>
            {children()}
        </div>
        <p class="scroll-cue" aria-hidden="true" class:hidden=move || !scrolls.get()>"Scroll sideways for more \u{2192}"</p>
    }
}
