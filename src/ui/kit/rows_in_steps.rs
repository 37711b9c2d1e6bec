//! Long pages drawn in steps, so that a click paints at once however much it shows (see
//! make bench-executive): a list's first rows with the page, then [`STEP`] more a frame
//! ([`draw_up_to`]); a panel below the fold in the frame after the page ([`AfterPaint`]).

use leptos::prelude::*;

/// Rows added a frame after the first.
pub const STEP: usize = 25;

/// Grow `drawn` by [`STEP`] now, and again each frame, until it reaches `upto`; then set it
/// to `done` (`usize::MAX` for "every row, however many come later"). Each next step waits
/// for the frame after next: a callback of the next frame runs before that frame is painted,
/// and would add its rows to the paint this step is for.
pub fn draw_up_to(drawn: RwSignal<usize>, upto: usize, done: usize) {
    let Some(now) = drawn.try_update(|d| {
        if *d < upto {
            *d = d.saturating_add(STEP).min(upto);
        }
        *d
    }) else {
        return; // the page has gone
    };
    if now >= upto {
        if drawn.try_get_untracked() != Some(done) {
            let _ = drawn.try_set(done);
        }
    } else {
        next_frame_but_one(move || draw_up_to(drawn, upto, done));
    }
}

/// [`draw_up_to`], from the frame after the one being drawn now: for the rows after the
/// first, when a page appears.
pub fn draw_later(drawn: RwSignal<usize>, upto: usize, done: usize) {
    next_frame_but_one(move || draw_up_to(drawn, upto, done));
}

/// Its children, drawn in the frame after the one that shows the page around them: for a
/// panel below the first screen, so that the click that opened the page paints first. The
/// page's heading is never in it (focus goes there when the page appears).
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    next_frame_but_one(move || {
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}

/// Run `f` in the frame after the one being drawn now: for a part of a page that switches
/// its contents, like an engagement's phase panel.
pub fn after_paint(f: impl FnOnce() + 'static) {
    next_frame_but_one(f);
}

fn next_frame_but_one(f: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(f));
}
