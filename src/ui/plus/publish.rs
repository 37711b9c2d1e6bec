//! Publishing a school's Plus schedule: each teacher's own link (their sessions only: see
//! `domain::plus::teacher_link`), and the whole-school link and file for Plus teachers and
//! leaders, with no coaching focus unless the lead includes it. The board page embeds it;
//! teachers open either on `/schedule`.

use crate::domain::exchange::qr::{self, QUIET};
use crate::domain::plus::share::{self, Shared};
use crate::domain::plus::teacher_link::{
    mail_merge_csv, republished, WHO_READS_OWN, WHO_READS_SCHOOL,
};
use crate::ui::platform::browser;
use leptos::prelude::*;

/// What happened last, said in the live region.
#[derive(Clone, Debug, PartialEq)]
enum Said {
    Nothing,
    Ok(String),
    Problem(String),
}

#[component]
pub fn Publish(
    /// The schedule to publish; `None` while there is nothing to publish.
    #[prop(into)]
    shared: Signal<Option<Shared>>,
    /// The publication before this one, if any (in this visit to the board).
    before: Signal<Option<Shared>>,
    /// Each teacher's email, in the order of `shared`'s teachers (empty when unknown).
    #[prop(optional, into)]
    emails: Signal<Vec<String>>,
) -> impl IntoView {
    let origin = browser::origin();
    // The whole-school copy: no coaching focus unless the lead includes it.
    let with_focus = RwSignal::new(false);
    let school_copy = Memo::new(move |_| {
        let focus = with_focus.get();
        shared.with(|s| {
            s.as_ref()
                .map(|s| if focus { s.clone() } else { s.without_focus() })
        })
    });
    let own_origin = origin.clone();
    let link =
        Memo::new(move |_| school_copy.with(|s| s.as_ref().map(|s| share::link(&origin, s))));
    let has_link = move || link.with(Option::is_some);
    let size = Memo::new(move |_| {
        link.with(|l| l.as_ref().map(|l| share::link_size_note(l.chars().count())))
    });
    let said = RwSignal::new(Said::Nothing);
    // A new schedule makes an earlier "copied" untrue.
    Effect::new(move |prev: Option<()>| {
        link.track();
        if prev.is_some() {
            said.set(Said::Nothing);
        }
    });
    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::copy_text(&url).await {
                Ok(()) => said.set(Said::Ok(
                    "Link copied. Paste it into an email or a message to your teachers.".into(),
                )),
                Err(()) => {
                    browser::select_input("publish-link");
                    said.set(Said::Ok(
                        "This browser did not let Readyboard copy. The link is selected: press Ctrl+C (\u{2318}C on a Mac) to copy it."
                            .into(),
                    ));
                }
            }
        });
    };
    let download = move |_| {
        let result = school_copy.with_untracked(|s| {
            let s = s.as_ref().ok_or("There is no schedule to publish yet.")?;
            let name = share::file_name(s);
            browser::download(&name, "application/json", &share::to_file(s)).map(|()| name)
        });
        said.set(match result {
            Ok(name) => Said::Ok(format!(
                "Downloaded \u{201c}{name}\u{201d}. Teachers open it with \u{201c}Open a schedule file\u{201d} on the My schedule page."
            )),
            Err(e) => Said::Problem(e),
        });
    };
    view! {
        <div class="publish" role="group" aria-labelledby="publish-link-title">
            <h3 id="publish-link-title">"Links and files"</h3>
            <Show when=has_link fallback=|| view! {
                <p>"There is no schedule to publish yet."</p>
            }>
                <p>"Each link opens read-only, on a phone or a computer. The schedule travels inside the link: nothing is uploaded anywhere. "
                   "Publish again after you change the board; people then need the new link."</p>
                <OwnLinks shared before emails origin=own_origin.clone()/>
                <h4 id="school-link-title">"The whole school\u{2019}s link"</h4>
                <p>{WHO_READS_SCHOOL}</p>
                <p class="check">
                    <input id="publish-focus" type="checkbox" prop:checked=move || with_focus.get()
                        on:change=move |ev| with_focus.set(event_target_checked(&ev))/>
                    <label for="publish-focus">"Include each teacher\u{2019}s coaching focus (everyone with this link or file can read it)"</label>
                </p>
                <label for="publish-link">"Whole-school link"</label>
                <div class="copy-row">
                    <input id="publish-link" type="text" readonly spellcheck="false" autocomplete="off"
                        aria-describedby="publish-size"
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |_| browser::select_input("publish-link")/>
                    <button type="button" class="primary" on:click=copy>"Copy link"</button>
                </div>
                <p id="publish-size" class=move || match size.get() {
                    Some((false, _)) => "link-size too-long",
                    _ => "link-size",
                }>
                    {move || size.get().map(|(fits, text)| view! {
                        <strong>{if fits { "Fits in an email. " } else { "Too long for some email apps. " }}</strong>
                        {text}
                    })}
                </p>
                <p>"For people who can\u{2019}t open a long link, send the whole school\u{2019}s schedule as a file instead."</p>
                <button type="button" on:click=download>"Download the whole school\u{2019}s schedule file"</button>
            </Show>
            <p class="publish-status" id="publish-said" role="status" aria-live="polite">
                {move || match said.get() {
                    Said::Ok(t) => Some(view! { <span class="ok">{t}</span> }.into_any()),
                    Said::Problem(t) => Some(view! { <span class="field-error">{t}</span> }.into_any()),
                    Said::Nothing => None,
                }}
            </p>
        </div>
    }
}

/// Each teacher's own link, with a copy button: what to send each teacher.
#[component]
fn OwnLinks(
    shared: Signal<Option<Shared>>,
    before: Signal<Option<Shared>>,
    emails: Signal<Vec<String>>,
    origin: String,
) -> impl IntoView {
    let csv_origin = origin.clone();
    let rows = Memo::new(move |_| {
        shared.with(|s| {
            let Some(s) = s else { return Vec::new() };
            (0..s.teachers.len())
                .filter_map(|t| {
                    let own = s.for_teacher(t)?;
                    Some((
                        t,
                        s.teachers[t].0.clone(),
                        s.teacher_line(t),
                        share::link(&origin, &own),
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let said = RwSignal::new(None::<String>);
    // Against the publication before: whose link is new, and what to say about it.
    let news = Memo::new(move |_| {
        before.with(|b| {
            shared.with(|s| match (b, s) {
                (Some(b), Some(s)) => Some(republished(b, s)),
                _ => None,
            })
        })
    });
    let is_new = move |t: usize| {
        news.with(|n| {
            n.as_ref()
                .is_some_and(|n| n.changed.contains(&t) || n.added.contains(&t))
        })
    };
    let news_text = move || {
        let n = news.get()?;
        let names = |ts: &[usize]| {
            shared.with(|s| {
                s.as_ref().map_or_else(String::new, |s| {
                    ts.iter()
                        .map(|&t| s.teachers[t].0.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            })
        };
        Some(if n.is_empty() {
            "Since the last publication, no teacher\u{2019}s link has changed.".to_string()
        } else {
            let mut parts = Vec::new();
            if !n.changed.is_empty() {
                parts.push(format!(
                    "{} changed: {}.",
                    crate::domain::text::plural(
                        n.changed.len(),
                        "teacher\u{2019}s link",
                        "teachers\u{2019} links"
                    ),
                    names(&n.changed)
                ));
            }
            if !n.added.is_empty() {
                parts.push(format!("New on the board: {}.", names(&n.added)));
            }
            if !n.removed.is_empty() {
                parts.push(format!("No longer on the board: {}.", n.removed.join(", ")));
            }
            format!(
                "Since the last publication: {} Send these teachers their new link (marked below); every other link is the same.",
                parts.join(" ")
            )
        })
    };
    let download_csv = move |_| {
        let result = shared.with_untracked(|s| {
            let s = s.as_ref().ok_or("There is no schedule to publish yet.")?;
            let text = emails.with_untracked(|e| mail_merge_csv(s, e, &csv_origin));
            let name = format!(
                "teacher-links-{}.csv",
                crate::domain::plus::schedule::slug(&s.school)
            );
            browser::download(&name, "text/csv", &text).map(|()| name)
        });
        said.set(Some(match result {
            Ok(name) => format!(
                "Downloaded \u{201c}{name}\u{201d}: each teacher\u{2019}s name, email (where the board has it) and own link, for a mail merge."
            ),
            Err(e) => e,
        }));
    };
    let printing = RwSignal::new(false);
    let print_slips = move |_| {
        printing.set(true);
        browser::set_root_class("printing-slips", true);
        // Print once the slips are drawn; afterwards the page is as it was.
        request_animation_frame(move || {
            let _ = window().print();
        });
    };
    let after = window_event_listener_untyped("afterprint", move |_| {
        browser::set_root_class("printing-slips", false);
        let _ = printing.try_set(false);
    });
    on_cleanup(move || {
        after.remove();
        browser::set_root_class("printing-slips", false);
    });
    view! {
        <h4 id="own-links-title">"Each teacher\u{2019}s own link"</h4>
        <p>{WHO_READS_OWN}" Send each teacher their own link: it opens their schedule at once, and is short enough for a text message."</p>
        <p class="small">{move || {
            let n = rows.with(Vec::len);
            let longest = rows.with(|r| r.iter().map(|x| x.3.chars().count()).max().unwrap_or(0));
            format!("{}; the longest is {} characters.", crate::domain::text::plural(n, "link", "links"), crate::domain::text::thousands(longest as u64))
        }}</p>
        {move || news_text().map(|t| view! { <p class="note" data-testid="links-changed">{t}</p> })}
        <p class="actions">
            <button type="button" on:click=print_slips aria-describedby="slips-hint">"Print a slip for each teacher"</button>
            <span class="hint" id="slips-hint">" One slip per teacher, with their name and a QR code of their own link, to hand out at a staff meeting. A slip\u{2019}s code opens that teacher\u{2019}s schedule and coaching focus: give each slip to its teacher."</span>
        </p>
        <p class="actions">
            <button type="button" on:click=download_csv aria-describedby="csv-hint">"Download the links as a CSV"</button>
            <span class="hint" id="csv-hint">" Name, email and link for each teacher, for a mail merge. Add emails on the board\u{2019}s set-up page, or with an Email column when you import teachers."</span>
        </p>
        {move || printing.get().then(|| view! { <Slips rows/> })}
        <crate::ui::kit::scroll_table::ScrollTable label="Each teacher\u{2019}s own link">
            <table class="data own-links" aria-labelledby="own-links-title">
                <thead><tr>
                    <th scope="col">"Teacher"</th>
                    <th scope="col">"Link"</th>
                    <th scope="col"><span class="visually-hidden">"Copy"</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        {
                            let (t, name, line, url) = r;
                            let id = format!("own-link-{t}");
                            let field = id.clone();
                            let copied_name = name.clone();
                            let copy_url = url.clone();
                            view! {
                                <tr>
                                    <th scope="row">{name.clone()}" "<span class="small">{line}</span>
                                        {move || is_new(t).then(|| view! { <span class="tag">"New link"</span> })}</th>
                                    <td><input id=id.clone() type="text" readonly spellcheck="false" autocomplete="off" class="own-link"
                                        aria-label=format!("{name}\u{2019}s link") prop:value=url.clone()
                                        on:focus=move |_| browser::select_input(&field)/></td>
                                    <td><button type="button" class="secondary" aria-label=format!("Copy {name}\u{2019}s link")
                                        on:click=move |_| {
                                            let (url, who, id) = (copy_url.clone(), copied_name.clone(), id.clone());
                                            leptos::task::spawn_local(async move {
                                                said.set(Some(match browser::copy_text(&url).await {
                                                    Ok(()) => format!("{who}\u{2019}s link copied."),
                                                    Err(()) => {
                                                        browser::select_input(&id);
                                                        format!("This browser did not let Readyboard copy. {who}\u{2019}s link is selected: press Ctrl+C (\u{2318}C on a Mac) to copy it.")
                                                    }
                                                }));
                                            });
                                        }>"Copy"</button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </crate::ui::kit::scroll_table::ScrollTable>
        <p class="publish-status" id="own-links-said" role="status" aria-live="polite">{move || said.get().map(|t| view! { <span class="ok">{t}</span> })}</p>
    }
}

/// The printed slips: one per teacher, with their name, a QR code of their own link and one
/// line of instructions. Drawn only while printing, at the end of the body (the print style
/// shows nothing else then: `html.printing-slips`).
#[component]
fn Slips(rows: Memo<Vec<(usize, String, String, String)>>) -> impl IntoView {
    let slips: Vec<(String, String, Option<qr::Qr>, String)> = rows
        .get_untracked()
        .into_iter()
        .map(|(_, name, line, url)| {
            let code = qr::encode(&url);
            (name, line, code, url)
        })
        .collect();
    view! {
        <leptos::portal::Portal>
            <ul class="slips" aria-label="Slips for teachers">
                {slips.clone().into_iter().map(|(name, line, code, url)| {
                    let has_code = code.is_some();
                    view! {
                    <li class="slip">
                        {code.map(|q| {
                            let side = q.size + 2 * QUIET;
                            view! {
                                <svg class="slip-qr" viewBox=format!("-{QUIET} -{QUIET} {side} {side}") role="img"
                                    aria-label=format!("QR code of {name}\u{2019}s link") shape-rendering="crispEdges">
                                    <rect x=format!("-{QUIET}") y=format!("-{QUIET}") width=side.to_string() height=side.to_string() fill="#fff"/>
                                    <path d=q.path fill="#000"/>
                                </svg>
                            }
                        })}
                        <div>
                            <p class="slip-name">{name.clone()}</p>
                            <p class="small">{line}</p>
                            {if has_code {
                                view! { <p class="slip-how">"Scan this code with your phone\u{2019}s camera to open your coaching schedule; bookmark the page to come back to it."</p> }.into_any()
                            } else {
                                view! { <p class="slip-how">"Open this link on your phone to see your coaching schedule: "<span class="slip-link">{url.clone()}</span></p> }.into_any()
                            }}
                        </div>
                    </li>
                }}).collect_view()}
            </ul>
        </leptos::portal::Portal>
    }
}
