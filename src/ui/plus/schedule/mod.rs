//! `/schedule`: a teacher's coaching schedule: their sessions (what is still to come first)
//! and their PD days, with calendar files.
//!
//! The schedule comes from this browser's own district (one school's Plus board), from a
//! share link (`/schedule#s=…`) or from a schedule file. All three go through the same
//! [`Shared`] copy, so they show the same way. A shared schedule is only shown: this page
//! never edits or saves the stored district (it calls no `Store` edit at all).
//! The chosen teacher (and school) live in the query, `?teacher=abby-diaz-7k2m9qxa` (the
//! name for people to read, then the teacher's stable key, which alone decides: see
//! `Shared::teacher_slug`), so a reload or a bookmark keeps them, even after the teacher is
//! renamed; the fragment of a share link is kept as it is.

//!
//! A share link opened afresh starts the teacher's own small app instead (`teacher_app.rs`,
//! chosen by the boot script): this route shows links followed inside the app.

pub mod teacher_app;
mod view;

use crate::domain::plus::share::{self, Shared};
use crate::ui::kit::use_store;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use view::{focus_after_pick, BadLink, Lead, NoSchedule, OpenFile, ScheduleBody, SharedBanner};

/// Where the schedule on screen comes from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// A schedule file, by its file name.
    File(String),
    /// A share link that reads.
    Link,
    /// A share link that does not, with the reason.
    BadLink(String),
    /// This browser's district, one school's board.
    Local,
    /// A district with no Plus board.
    NoBoard,
    /// No district in this browser.
    Nothing,
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let store = use_store();
    let location = use_location();
    let query = use_query_map();
    let navigate = use_navigate();

    // A schedule shared by link, decoded once per fragment.
    let from_link = Memo::new(move |_| {
        location
            .hash
            .with(|h| share::payload_from_fragment(h).map(share::decode))
    });
    // A schedule opened from a file: (file name, schedule). Only in memory.
    let from_file = RwSignal::new(None::<(String, Shared)>);

    // This browser's boards: (school ID, school name).
    let boards = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.plus_schools()
                    .into_iter()
                    .map(|(id, name)| (id.to_string(), name))
                    .collect::<Vec<_>>()
            })
        })
    });
    let school_id = Memo::new(move |_| {
        let asked = query.with(|q| q.get("school"));
        boards.with(|b| {
            asked
                .filter(|a| b.iter().any(|(id, _)| id == a))
                .or_else(|| b.first().map(|(id, _)| id.clone()))
        })
    });
    let local = Memo::new(move |_| {
        let id = school_id.get()?;
        let name = boards.with(|b| b.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()))?;
        store.doc.with(|d| {
            d.as_ref()?
                .plus
                .boards
                .iter()
                .find(|b| b.school_id.as_str() == id)
                .map(|b| b.to_shared(&name))
        })
    });

    let source = Memo::new(move |_| {
        if let Some((name, _)) = from_file.get() {
            return Source::File(name);
        }
        match from_link.get() {
            Some(Ok(_)) => Source::Link,
            Some(Err(e)) => Source::BadLink(e),
            None if local.with(Option::is_some) => Source::Local,
            None if store.doc.with(Option::is_some) => Source::NoBoard,
            None => Source::Nothing,
        }
    });
    let current = Memo::new(move |_| match source.get() {
        Source::File(_) => from_file.get().map(|(_, s)| s),
        Source::Link => from_link.get().and_then(Result::ok),
        Source::Local => local.get(),
        _ => None,
    });
    let teacher = Memo::new(move |_| {
        let slug = query.with(|q| q.get("teacher"))?;
        current.with(|s| s.as_ref()?.teacher_by_slug(&slug))
    });

    // Choose a teacher (or none) and a school, in the URL; the fragment stays as it is.
    let go = move |school: Option<String>, teacher_slug: Option<String>| {
        let params: Vec<String> = [("school", school), ("teacher", teacher_slug)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}={}", js_sys::encode_uri_component(&v))))
            .collect();
        let q = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        let hash = location.hash.get_untracked();
        navigate(
            &format!("/schedule{q}{hash}"),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go_pick = go.clone();
    let pick = Callback::new(move |t: Option<usize>| {
        let slug = t.and_then(|t| current.with_untracked(|s| s.as_ref()?.teacher_slug(t)));
        let school = query.with_untracked(|q| q.get("school"));
        let chosen = slug.is_some();
        go_pick(school, slug);
        focus_after_pick(chosen);
    });
    let choose_school = Callback::new(move |id: String| go(Some(id), None));

    view! {
        <Title text="My coaching schedule \u{b7} Readyboard"/>
        <h1>"My coaching schedule"</h1>
        <Lead current/>
        {move || match source.get() {
            Source::File(name) => {
                let school = current.with(|s| s.as_ref().map(|s| s.school.clone()).unwrap_or_default());
                view! { <SharedBanner school file=Some(name) close=Callback::new(move |()| from_file.set(None))/> }.into_any()
            }
            Source::Link => {
                let school = current.with(|s| s.as_ref().map(|s| s.school.clone()).unwrap_or_default());
                view! { <SharedBanner school file=None/> }.into_any()
            }
            Source::BadLink(reason) => view! { <BadLink reason/> }.into_any(),
            Source::Local => view! {
                <SchoolLine boards=boards school_id=school_id on_change=choose_school/>
            }.into_any(),
            Source::NoBoard => view! {
                <section class="panel" aria-labelledby="no-board-title">
                    <h2 id="no-board-title">"No coaching schedule yet"</h2>
                    <p>"This district has no Plus board yet, so there is no coaching schedule to show. "
                       "A Plus lead sets up the rotation on the Plus board and then publishes it to teachers."</p>
                    <p><a href="/board">"Go to the Plus board"</a></p>
                    <p>"If your Plus lead sent you a link, open that link instead; if they sent a file, open it below."</p>
                </section>
            }.into_any(),
            Source::Nothing => view! { <NoSchedule/> }.into_any(),
        }}
        <ScheduleBody current teacher pick asked=Signal::derive(move || query.with(|q| q.get("teacher")))/>
        <OpenFile from_file=from_file/>
    }
}

/// Which school's board this is, with a choice when the district has several.
#[component]
fn SchoolLine(
    boards: Memo<Vec<(String, String)>>,
    school_id: Memo<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let several = move || boards.with(|b| b.len() > 1);
    let name = move || {
        let id = school_id.get();
        boards.with(|b| {
            b.iter()
                .find(|(i, _)| Some(i) == id.as_ref())
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="schedule-source">
            <Show when=several fallback=move || view! {
                <p>"From this browser\u{2019}s district: "<strong>{name}</strong>"."</p>
            }>
                <label for="schedule-school">"School"</label>
                <select id="schedule-school" on:change=move |ev| on_change.run(event_target_value(&ev))
                    prop:value=move || school_id.get().unwrap_or_default()>
                    {move || boards.get().into_iter().map(|(id, name)| view! {
                        <option value=id.clone() selected=school_id.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </Show>
        </div>
    }
}
