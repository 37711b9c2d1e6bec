//! A status line that stays in the page (`role="status"`), so that what it says is announced:
//! a live region added with its words already in it is not read by every screen reader.

use leptos::prelude::*;

/// `<p class="ok" role="status">` (a `<span>` when `inline`) saying `text`. Each time `text`
/// is set, even to the same words ("Meeting recorded." twice), the line is emptied and filled
/// again a frame later, so that it is announced again.
#[component]
pub fn Said(
    #[prop(into)] text: Signal<Option<String>>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let shown = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let t = text.get();
        shown.set(None);
        if t.is_some() {
            request_animation_frame(move || {
                let _ = shown.try_set(t);
            });
        }
    });
    let words = move || shown.get();
    if inline {
        view! { <span class="ok" role="status">{words}</span> }.into_any()
    } else {
        view! { <p class="ok" role="status">{words}</p> }.into_any()
    }
}
