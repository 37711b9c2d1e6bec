//! The pieces of a schedule that show the same wherever it comes from: the banner of a
//! shared schedule, the name picker, one teacher's schedule, the calendar files and the file
//! opener. Nothing here reads the store or the router, so that the teacher's own small app
//! (`teacher_app.rs`, a separate wasm for share links) and the staff route (`mod.rs`) both
//! use them.

use crate::domain::plus::calendar::iso;
use crate::domain::plus::schedule::{ics_stamp, long_date, Agenda, PdDay, Session};
use crate::domain::plus::share::{self, Shared};
use crate::ui::platform::browser;
use leptos::prelude::*;

/// Names listed at once in the picker; typing narrows the rest.
const LISTED: usize = 60;

/// The lines under the page's heading; none for a teacher's own link, which opens their
/// schedule at once.
#[component]
pub fn Lead(current: Memo<Option<Shared>>) -> impl IntoView {
    move || {
        (!current.with(|s| s.as_ref().is_some_and(Shared::is_one_teacher))).then(|| view! {
            <p class="lead no-print">
                "Pick your name to see your coaching sessions with the Plus team, what is coming up first, "
                "and your full-day PD days. Add them to your calendar with one file."
            </p>
        })
    }
}

/// A schedule shared with this person, from a link (`file` is `None`) or a file.
#[component]
pub fn SharedBanner(
    school: String,
    /// The file's name, when it came from a file.
    file: Option<String>,
    /// Closes a file; unused for a link.
    #[prop(optional)]
    close: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="shared-banner" id="shared-banner" tabindex="-1" data-testid="shared-banner">
            <p><strong>{format!("A schedule shared with you: {school}.")}</strong>
               " Read-only; nothing is saved in this browser."</p>
            {match file {
                Some(name) => view! {
                    <p class="small">{format!("Opened from the file \u{201c}{name}\u{201d}.")}</p>
                    <button type="button" class="secondary" on:click=move |_| if let Some(c) = close { c.run(()) }>"Close this file"</button>
                }.into_any(),
                None => view! {
                    <p class="small no-print">"Keep the link (bookmark this page) to come back to it. "
                       <a href="/schedule">"Leave the shared schedule"</a></p>
                }.into_any(),
            }}
        </div>
    }
}

/// No schedule to show: nothing shared, and no district in this browser (the staff page and
/// the teacher's app say the same).
#[component]
pub fn NoSchedule() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="no-schedule-title">
            <h2 id="no-schedule-title">"No schedule in this browser yet"</h2>
            <p>"Your Plus lead can send you a link to the school\u{2019}s schedule: open it, and your sessions show here. "
               "If they sent a schedule file instead, open it below."</p>
            <p>"Leading a Plus team? Set up the rotation on the "<a href="/board">"Plus board"</a>", then publish it to your teachers."</p>
        </section>
    }
}

/// A share link that does not read, with the reason.
#[component]
pub fn BadLink(reason: String) -> impl IntoView {
    view! {
        <div class="schedule-problem" role="alert" data-testid="link-problem">
            <p><strong>"This schedule link can\u{2019}t be opened. "</strong>{reason}</p>
            <p>"Ask for the link again and copy all of it, or open the schedule file if you were sent one (below)."</p>
            <p><a href="/schedule">"Go to the schedule page"</a></p>
        </div>
    }
}

/// The picker, the chosen teacher's schedule and the school's calendar file, once there is
/// a schedule.
#[component]
pub fn ScheduleBody(
    current: Memo<Option<Shared>>,
    teacher: Memo<Option<usize>>,
    pick: Callback<Option<usize>>,
    /// The teacher named in the URL, which may not be in this schedule.
    asked: Signal<Option<String>>,
) -> impl IntoView {
    // A teacher's own link holds one teacher: their schedule, with no picker and no
    // whole-school calendar (it would be the same file).
    let one = Memo::new(move |_| current.with(|s| s.as_ref().is_some_and(Shared::is_one_teacher)));
    let teacher = Memo::new(move |_| if one.get() { Some(0) } else { teacher.get() });
    view! {
        <Show when=move || current.with(Option::is_some)>
            <Show when=move || !one.get()>
                <Picker shared=current teacher=teacher pick=pick asked=asked/>
            </Show>
            {move || {
                let t = teacher.get()?;
                current.with(|s| s.as_ref().map(|s| view! { <TeacherSchedule shared=s.clone() t=t/> }))
            }}
            <Show when=move || !one.get()>
                <Calendars shared=current teacher=teacher/>
            </Show>
        </Show>
    }
}

/// After a name is chosen (or cleared), focus its schedule (or the search box).
pub fn focus_after_pick(chosen: bool) {
    request_animation_frame(move || {
        browser::focus_id(if chosen {
            "schedule-title"
        } else {
            "teacher-search"
        })
    });
}

/// The searchable list of names; when a teacher is chosen, one line to choose again.
#[component]
fn Picker(
    shared: Memo<Option<Shared>>,
    teacher: Memo<Option<usize>>,
    pick: Callback<Option<usize>>,
    /// The teacher named in the URL, which may not be in this schedule.
    asked: Signal<Option<String>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let unknown = move || {
        let a = asked.get().filter(|a| !a.trim().is_empty())?;
        teacher.with(Option::is_none).then(|| {
            format!("This schedule has no teacher \u{201c}{a}\u{201d} (the link may be older than the schedule). Find your name below.")
        })
    };
    let matches = Memo::new(move |_| {
        let q = search.get();
        shared.with(|s| s.as_ref().map(|s| s.find_teachers(&q)).unwrap_or_default())
    });
    let total = move || shared.with(|s| s.as_ref().map_or(0, |s| s.teachers.len()));
    let rows = move || {
        shared.with(|s| {
            let Some(s) = s else { return Vec::new() };
            matches.with(|m| {
                m.iter()
                    .take(LISTED)
                    .map(|&t| (t, s.teachers[t].0.clone(), s.teacher_line(t)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let count = move || {
        let (n, all) = (matches.with(Vec::len), total());
        let q = search.get();
        if all == 0 {
            "This schedule lists no teachers yet.".to_string()
        } else if n == 0 {
            format!(
                "No name matches \u{201c}{}\u{201d}. Try part of your first or last name.",
                q.trim()
            )
        } else if n == all {
            format!("{all} teachers.")
        } else if n > LISTED {
            format!("{n} of {all} teachers match; the first {LISTED} are listed. Type more of your name to narrow the list.")
        } else {
            format!("{n} of {all} teachers match.")
        }
    };
    let chosen_name = move || {
        let t = teacher.get()?;
        shared.with(|s| {
            s.as_ref()
                .and_then(|s| s.teachers.get(t))
                .map(|x| x.0.clone())
        })
    };
    view! {
        <section class="picker" aria-labelledby="picker-title"
            class:no-print=move || teacher.with(Option::is_some)>
            <h2 id="picker-title">"Find your name"</h2>
            {move || unknown().map(|u| view! { <p class="note">{u}</p> })}
            <Show when=move || teacher.with(Option::is_none) fallback=move || view! {
                <p class="chosen">
                    "Showing the schedule for "<strong>{chosen_name}</strong>". "
                    <button type="button" class="secondary" on:click=move |_| pick.run(None)>"Choose another name"</button>
                </p>
            }>
                <div class="field search">
                    <label for="teacher-search">"Your name"</label>
                    <input id="teacher-search" type="search" autocomplete="off" spellcheck="false"
                        aria-describedby="teacher-count"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))/>
                </div>
                <p id="teacher-count" class="teacher-count" role="status">{count}</p>
                <ul class="teacher-list" aria-label="Teachers">
                    <For each=rows key=|r| (r.0, r.1.clone()) let:r>
                        <li>
                            <button type="button" class="teacher-choice" on:click=move |_| pick.run(Some(r.0))>
                                <span class="teacher-name">{r.1}</span>
                                <span class="small">{r.2}</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// "With the Grade 6 team": the `with` text as a sentence of its own.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn session_card(s: Session) -> impl IntoView {
    let with =
        (!s.with.is_empty()).then(|| view! { <p class="session-with">{sentence(&s.with)}</p> });
    let focus = (!s.focus.trim().is_empty()).then(|| {
        view! { <dt>"Focus"</dt><dd>{s.focus.trim().to_string()}</dd> }
    });
    view! {
        <li class="session">
            <p class="session-when">
                <time datetime=iso(s.date)>{long_date(s.date)}</time>
                <span class="week">{format!("Week {}", s.week)}</span>
            </p>
            <p class="session-what">{s.activity}</p>
            {with}
            <dl class="session-facts">
                <dt>"Plus teacher"</dt><dd>{s.plus}</dd>
                {focus}
            </dl>
        </li>
    }
}

fn pd_item(p: PdDay) -> impl IntoView {
    view! {
        <li class="pd-day">
            <time datetime=iso(p.date)>{long_date(p.date)}</time>
            <span>{format!("Full-day PD with the {} team. The Plus team teaches your classes.", p.team)}</span>
        </li>
    }
}

/// One teacher's schedule: what is to come, PD days, and what is past.
#[component]
fn TeacherSchedule(shared: Shared, t: usize) -> impl IntoView {
    let today = browser::today();
    let Agenda {
        upcoming,
        earlier,
        pd_upcoming,
        pd_earlier,
    } = shared.agenda(t, &today);
    let (name, _, _, focus) = shared.teachers[t].clone();
    let line = shared.teacher_line(t);
    let meta = if focus.trim().is_empty() {
        line
    } else {
        format!("{line} \u{b7} Coaching focus: {}", focus.trim())
    };
    let next = match (upcoming.first(), pd_upcoming.first()) {
        (Some(s), Some(p)) if p.date < s.date => format!(
            "Next: full-day PD on {}, then {} on {}.",
            long_date(p.date),
            s.activity.to_lowercase(),
            long_date(s.date)
        ),
        (Some(s), _) => format!(
            "Next: {} on {}.",
            s.activity.to_lowercase(),
            long_date(s.date)
        ),
        (None, Some(p)) => format!("Next: full-day PD on {}.", long_date(p.date)),
        (None, None) => "Nothing more is planned for you this school year.".to_string(),
    };
    let counts = format!(
        "{} to come, {} so far; {} PD {} to come.",
        plural(upcoming.len(), "session", "sessions"),
        earlier.len(),
        pd_upcoming.len(),
        if pd_upcoming.len() == 1 {
            "day"
        } else {
            "days"
        },
    );
    let today_text = format!(
        "Today is {}.",
        crate::domain::plus::calendar::parse_date(&today)
            .map(long_date)
            .unwrap_or(today.clone())
    );
    let n_earlier = earlier.len();
    let n_pd_earlier = pd_earlier.len();
    let no_upcoming = upcoming.is_empty();
    let no_pd = pd_upcoming.is_empty() && pd_earlier.is_empty();
    let said = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| said.set(Some(download_ics(&shared, Some(t))));
    view! {
        <section class="my-schedule" aria-labelledby="schedule-title" data-testid="my-schedule">
            <h2 id="schedule-title" tabindex="-1">{name.clone()}</h2>
            <p class="teacher-meta">{meta}</p>
            <p class="next"><strong>{next}</strong></p>
            <p class="small">{today_text}" "{counts}</p>
            <div class="add-calendar no-print">
                <button type="button" class="primary" on:click=download>{format!("Download {name}\u{2019}s calendar")}</button>
                <p class="small">"A calendar file (.ics) for Google Calendar, Outlook or Apple Calendar, each session and PD day as an all-day event. "
                   "Importing a newer file updates the same events instead of adding copies."</p>
                <p class="calendar-status" role="status" data-testid="my-calendar-status">
                    {move || said.get().map(|r| match r {
                        Ok(t) => view! { <span class="ok">{t}</span> }.into_any(),
                        Err(e) => view! { <span class="field-error">{e}</span> }.into_any(),
                    })}
                </p>
            </div>

            <h3 id="upcoming-title">"Upcoming sessions"</h3>
            {if no_upcoming {
                view! { <p>"No sessions to come this school year."</p> }.into_any()
            } else {
                view! {
                    <ol class="sessions upcoming" aria-labelledby="upcoming-title">
                        {upcoming.into_iter().map(session_card).collect_view()}
                    </ol>
                }.into_any()
            }}

            <h3 id="pd-title">"PD days"</h3>
            {if no_pd {
                view! { <p>"No full-day PD days for your team in this schedule."</p> }.into_any()
            } else {
                view! {
                    <p>"On these days you are at full-day professional development with your team, and the Plus team teaches your classes."</p>
                    {if pd_upcoming.is_empty() {
                        view! { <p>"No PD days to come this school year."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="pd-days upcoming" aria-labelledby="pd-title">
                                {pd_upcoming.into_iter().map(pd_item).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {(n_pd_earlier > 0).then(|| view! {
                        <details class="earlier">
                            <summary>{format!("Earlier PD days ({n_pd_earlier})")}</summary>
                            <ul class="pd-days">
                                {pd_earlier.into_iter().map(pd_item).collect_view()}
                            </ul>
                        </details>
                    })}
                }.into_any()
            }}

            {(n_earlier > 0).then(|| view! {
                <details class="earlier">
                    <summary>{format!("Earlier sessions ({n_earlier}), most recent first")}</summary>
                    <ol class="sessions">
                        {earlier.into_iter().map(session_card).collect_view()}
                    </ol>
                </details>
            })}
        </section>
    }
}

/// Download a calendar file for one teacher or (`None`) the whole school; what happened,
/// in words.
fn download_ics(shared: &Shared, who: Option<usize>) -> Result<String, String> {
    let text = shared.ics(who, &ics_stamp(&browser::now_iso()));
    let name = shared.ics_file_name(who);
    let events = text.matches("BEGIN:VEVENT").count();
    browser::download(&name, "text/calendar", &text)?;
    Ok(format!(
        "Downloaded \u{201c}{name}\u{201d} ({}). Open it, or import it into your calendar app.",
        plural(events, "event", "events")
    ))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The whole school's calendar file (each teacher's own is with their schedule).
#[component]
fn Calendars(shared: Memo<Option<Shared>>, teacher: Memo<Option<usize>>) -> impl IntoView {
    let said = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| {
        said.set(Some(shared.with_untracked(|s| match s {
            Some(s) => download_ics(s, None),
            None => Err("There is no schedule to download.".into()),
        })))
    };
    // Say nothing stale after another teacher is chosen.
    Effect::new(move |prev: Option<()>| {
        teacher.track();
        if prev.is_some() {
            said.set(None);
        }
    });
    let school = move || shared.with(|s| s.as_ref().map(|s| s.school.clone()).unwrap_or_default());
    view! {
        <section class="calendars no-print" aria-labelledby="calendar-title">
            <h2 id="calendar-title">"The whole school\u{2019}s calendar"</h2>
            <p>"Every teacher\u{2019}s sessions and PD days in one calendar file, for Plus teachers and school leaders. "
               "Each event starts with the teacher\u{2019}s name."</p>
            <button type="button" on:click=download>
                {move || format!("Download the whole school\u{2019}s calendar ({})", school())}
            </button>
            <p class="calendar-status" role="status" data-testid="school-calendar-status">
                {move || said.get().map(|r| match r {
                    Ok(t) => view! { <span class="ok">{t}</span> }.into_any(),
                    Err(e) => view! { <span class="field-error">{e}</span> }.into_any(),
                })}
            </p>
        </section>
    }
}

/// Open a schedule file a Plus lead sent: shown read-only, kept only in memory.
#[component]
pub fn OpenFile(from_file: RwSignal<Option<(String, Shared)>>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        problem.set(None);
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            match browser::read_file_text(file)
                .await
                .and_then(|text| share::from_file(&text))
            {
                Ok(s) => {
                    from_file.set(Some((name, s)));
                    request_animation_frame(|| browser::focus_id("shared-banner"));
                }
                Err(e) => problem.set(Some(format!(
                    "\u{201c}{name}\u{201d} can\u{2019}t be opened. {e}"
                ))),
            }
        });
    };
    view! {
        <section class="panel open-file no-print" aria-labelledby="open-file-title">
            <h2 id="open-file-title">"Open a schedule file"</h2>
            <p>"If your Plus lead sent the schedule as a file, open it here. It is shown read-only and not saved in this browser."</p>
            <label for="schedule-file">"Schedule file (.json)"</label>
            <input id="schedule-file" type="file" accept=".json,application/json" on:change=on_file/>
            <p role="alert" class="field-error">{move || problem.get()}</p>
        </section>
    }
}
