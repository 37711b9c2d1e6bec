//! The teacher's own small app: what a share link (`/schedule#s=…`) opens, as a wasm file of
//! its own (`src/bin/teacher.rs`), so that a teacher on a phone downloads the schedule view
//! only, not the staff app. The boot script (scripts/build-split.mjs) starts it for a fresh
//! load of a share link, and of `/schedule` in a browser that keeps no district (a teacher's
//! phone: there is nothing for the staff page to show there); a link followed inside the
//! staff app shows the staff route.
//!
//! It has no store and no router: it never reads or writes the browser's stored district,
//! and keeps the chosen teacher in the query (`?teacher=…`) with the history API, as the
//! staff route does. Every link out of it is a full page load: into the staff app, but for
//! `/schedule` itself, which in a browser with no district opens this app again.

use super::view::{
    focus_after_pick, BadLink, Lead, NoSchedule, OpenFile, ScheduleBody, SharedBanner,
};
use crate::domain::plus::share::{self, Shared};
use crate::ui::platform::{browser, panic};
use leptos::prelude::*;

/// Start the teacher's app in the page's body.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(TeacherApp);
    browser::remove_id("boot");
    browser::set_title("My coaching schedule \u{b7} Readyboard");
}

/// Where the schedule on screen comes from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    File(String),
    Link,
    BadLink(String),
    /// The fragment has no schedule (it was changed by hand).
    Nothing,
}

#[component]
fn TeacherApp() -> impl IntoView {
    // The URL's fragment and chosen teacher, read again when the person goes back or forward.
    let hash = RwSignal::new(browser::location_hash());
    let asked = RwSignal::new(browser::query_param("teacher"));
    let reread = move || {
        hash.set(browser::location_hash());
        asked.set(browser::query_param("teacher"));
    };
    let _ = window_event_listener(leptos::ev::popstate, move |_| reread());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| reread());

    let from_link =
        Memo::new(move |_| hash.with(|h| share::payload_from_fragment(h).map(share::decode)));
    let from_file = RwSignal::new(None::<(String, Shared)>);
    let source = Memo::new(move |_| {
        if let Some((name, _)) = from_file.get() {
            return Source::File(name);
        }
        match from_link.get() {
            Some(Ok(_)) => Source::Link,
            Some(Err(e)) => Source::BadLink(e),
            None => Source::Nothing,
        }
    });
    let current = Memo::new(move |_| match source.get() {
        Source::File(_) => from_file.get().map(|(_, s)| s),
        Source::Link => from_link.get().and_then(Result::ok),
        _ => None,
    });
    let teacher = Memo::new(move |_| {
        let slug = asked.get()?;
        current.with(|s| s.as_ref()?.teacher_by_slug(&slug))
    });
    let pick = Callback::new(move |t: Option<usize>| {
        let slug = t.and_then(|t| current.with_untracked(|s| s.as_ref()?.teacher_slug(t)));
        let chosen = slug.is_some();
        browser::push_query(&[("teacher", slug.as_deref())]);
        asked.set(slug);
        focus_after_pick(chosen);
    });
    let school = move || current.with(|s| s.as_ref().map(|s| s.school.clone()).unwrap_or_default());

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_id("main");
        }>"Skip to main content"</a>
        <header class="site-header">
            <div class="header-bar">
                <p class="brand"><a href="/" class="brand-name">"Readyboard"</a></p>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <h1>"My coaching schedule"</h1>
            <Lead current/>
            {move || match source.get() {
                Source::File(name) => view! {
                    <SharedBanner school=school() file=Some(name) close=Callback::new(move |()| from_file.set(None))/>
                }.into_any(),
                Source::Link => view! { <SharedBanner school=school() file=None/> }.into_any(),
                Source::BadLink(reason) => view! { <BadLink reason/> }.into_any(),
                // A fragment with no schedule in it: the link was changed or cut.
                Source::Nothing if hash.with(|h| !h.trim_start_matches('#').is_empty()) => view! {
                    <section class="panel" aria-labelledby="no-link-title">
                        <h2 id="no-link-title">"No schedule in this link"</h2>
                        <p>"The link may have been cut short when it was copied. Open the link your Plus lead sent you again, "
                           "or open the schedule file below."</p>
                    </section>
                }.into_any(),
                // `/schedule` itself, in a browser that keeps no district.
                Source::Nothing => view! { <NoSchedule/> }.into_any(),
            }}
            <ScheduleBody current teacher pick asked=asked.into()/>
            <OpenFile from_file=from_file/>
        </main>
        <footer class="site-footer">
            <p>"A schedule shared with you is only shown: nothing from it is saved in this browser."</p>
        </footer>
    }
}
