//! "Show 50 more sessions" under a list that shows only its first rows. A long list stays
//! calm to read and quick to change: hundreds of rows laid out again at every edit are what
//! make a click slow at a district's scale (make bench), so a list grows only as far as the
//! person asks, a step at a time.

use crate::ui::kit::rows_in_steps;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// How many more rows each press shows.
pub const STEP: usize = 50;

/// "12 of 250 shown." and the button, while the list has rows it does not show. `limit` is
/// how many rows it shows; the button raises it by [`STEP`].
#[component]
pub fn ShowMore(
    limit: RwSignal<usize>,
    /// How many rows the list has in all.
    #[prop(into)]
    total: Signal<usize>,
    /// What the rows are, in the plural: "sessions".
    what: &'static str,
    /// Where focus goes when the last press shows every row and the button goes: the list's
    /// heading. Until then focus stays on the button.
    back_to: &'static str,
) -> impl IntoView {
    let more = Memo::new(move |_| total.get() > limit.get());
    move || {
        more.get().then(|| {
            view! {
                <p class="show-more">
                    <span class="small" role="status">{move || format!("{} of {} shown. ", limit.get(), total.get())}</span>
                    <button type="button" class="secondary" on:click=move |_| {
                        limit.update(|l| *l = l.saturating_add(STEP));
                        if limit.get_untracked() >= total.get_untracked() {
                            browser::focus_id(back_to);
                        }
                    }>
                        {move || format!("Show {} more {what}", STEP.min(total.get().saturating_sub(limit.get())))}
                    </button>
                </p>
            }
        })
    }
}

/// A long list's limit and how many of its rows to draw: `first_drawn` with the page, more
/// each frame ([`rows_in_steps`]), never more than the limit (`first` until [`ShowMore`]
/// raises it). `total` is how many rows the list has.
pub fn grown(
    total: Memo<usize>,
    first_drawn: usize,
    first: usize,
) -> (RwSignal<usize>, Signal<usize>) {
    let limit = RwSignal::new(first);
    let drawn = RwSignal::new(first_drawn);
    rows_in_steps::draw_later(drawn, total.get_untracked(), usize::MAX);
    (limit, Signal::derive(move || drawn.get().min(limit.get())))
}
