//! `/board`'s panels below the grid: the rules, what the year gives, printing and
//! publishing.

use crate::domain::plus::board::WeekKind;
use crate::domain::plus::rules::Severity;
use crate::domain::plus::schedule::slug;
use crate::domain::text::plural;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::plus::board_state::{grid, Ctx};
use leptos::prelude::*;

#[component]
pub(crate) fn Rules(unmet: RwSignal<Vec<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let findings = ctx.findings;
    let hard = Memo::new(move |_| {
        findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == Severity::Hard)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let warnings = Memo::new(move |_| {
        findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == Severity::Warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let show_all = RwSignal::new(false);
    let item = move |f: crate::domain::plus::rules::Finding| {
        let week = f.week;
        let to = ctx.cursor_for(&f);
        view! {
            <li>
                {f.message.clone()}
                {week.zip(to).map(|(w, to)| view! {
                    " "
                    <button type="button" class="link" on:click=move |_| ctx.go(to)>
                        {format!("Show week {w}")}
                    </button>
                })}
            </li>
        }
    };
    view! {
        <section class="panel rules" aria-labelledby="rules-title">
            <h2 id="rules-title">"Rules"</h2>
            {move || {
                let h = hard.get();
                if h.is_empty() {
                    view! { <p class="ok" data-testid="hard-rules">"Every hard rule is met: no one is in two places at once, every PD class is covered, and every Plus teacher coaches at least half their time."</p> }.into_any()
                } else {
                    view! {
                        <p class="problem" data-testid="hard-rules">{format!("{} broken:", plural(h.len(), "hard rule is", "hard rules are"))}</p>
                        <ul class="findings hard">{h.into_iter().take(50).map(item).collect_view()}</ul>
                    }.into_any()
                }
            }}
            {move || {
                let u = unmet.get();
                (!u.is_empty()).then(|| view! {
                    <h3>"What filling the year could not meet"</h3>
                    <ul class="findings">{u.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })
            }}
            {move || {
                let w = warnings.get();
                let n = w.len();
                (n > 0).then(|| {
                    let shown = if show_all.get() { n } else { n.min(8) };
                    view! {
                        <h3>{plural(n, "warning", "warnings")}</h3>
                        <ul class="findings">{w.into_iter().take(shown).map(item).collect_view()}</ul>
                        {(shown < n).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {n} warnings")}</button>
                        })}
                    }
                })
            }}
        </section>
    }
}

#[component]
pub(crate) fn MetricsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let metrics = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map(|b| {
                let m = b.metrics();
                let names: Vec<String> = b.members.iter().map(|x| x.name.clone()).collect();
                (m, names, b.teachers.len())
            })
        })
    });
    view! {
        {move || metrics.get().map(|(m, names, teachers)| {
            let max_count = m.distribution.values().copied().max().unwrap_or(1).max(1);
            let one = m.traditional_per_teacher(1);
            let two = m.traditional_per_teacher(2);
            view! {
                <section class="panel metrics" aria-labelledby="metrics-title">
                    <h2 id="metrics-title">"What the year gives"</h2>
                    <dl class="figures">
                        <div><dt>"Coaching days per teacher"</dt><dd data-testid="mean-days">{format!("{:.1}", m.mean)}<span class="unit">" on average"</span></dd></div>
                        <div><dt>"Fewest and most"</dt><dd>{format!("{} to {}", m.min, m.max)}</dd></div>
                        <div><dt>"Against one coach"</dt><dd data-testid="multiple-one">{m.multiple(1).map_or("\u{2014}".into(), |x| format!("{x:.1}\u{d7}"))}</dd></div>
                        <div><dt>"Against two coaches"</dt><dd>{m.multiple(2).map_or("\u{2014}".into(), |x| format!("{x:.1}\u{d7}"))}</dd></div>
                    </dl>
                    <p>{format!(
                        "One full-time instructional coach shared by {teachers} teachers gives each about {one:.1} coaching days a year; two coaches give about {two:.1}. This board gives {:.1}.",
                        m.mean
                    )}</p>
                    <div class="metric-tables">
                        <table class="distribution">
                            <caption>"How many teachers get how many coaching days"</caption>
                            <thead><tr><th scope="col">"Days"</th><th scope="col">"Teachers"</th><th scope="col"><span class="visually-hidden">"Share"</span></th></tr></thead>
                            <tbody>
                                {m.distribution.iter().map(|(days, count)| {
                                    let width = format!("{}%", count * 100 / max_count);
                                    view! { <tr><th scope="row">{*days}</th><td>{*count}</td><td class="bar-cell"><span class="bar" style:width=width></span></td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <ScrollTable label="Each Plus teacher\u{2019}s days table">
                        <table class="splits">
                            <caption>"Each Plus teacher\u{2019}s days"</caption>
                            <thead><tr>
                                <th scope="col">"Plus teacher"</th><th scope="col">"Coaching"</th><th scope="col">"Cover"</th>
                                <th scope="col">"Students"</th><th scope="col">"Open"</th><th scope="col">"Coaching share"</th>
                            </tr></thead>
                            <tbody>
                                {m.splits.iter().zip(names).map(|(s, name)| {
                                    let planned = s.coaching + s.cover + s.students + s.open;
                                    let share = (s.coaching * 100).checked_div(planned).unwrap_or(0);
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{s.coaching}</td><td>{s.cover}</td><td>{s.students}</td><td>{s.open}</td>
                                            <td class:below=share < 50>{format!("{share}%")}{(share < 50).then_some(" (below half)")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </ScrollTable>
                    </div>
                </section>
            }
        })}
    }
}

/// Every term on its own landscape page, shown only when printing.
#[component]
pub(crate) fn PrintBoard(name: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let printing = ctx.printing;
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let school = ctx.school;
    let name = StoredValue::new(name);
    view! {
        <Show when=move || printing.get()>
            {move || {
                let b = ctx.board.get()?;
                let y = ctx.year.get()?;
                let who = school.get().map(|s| slug(s.as_str())).unwrap_or_default();
                Some(view! {
                    <div class="print-board" data-school=who>
                        {y.terms.iter().map(|t| {
                            let rows = grid(&b, &y, t.first, t.last, &Default::default());
                            view! {
                                <section class="print-term">
                                    <h2 id=format!("print-term-{}", t.first)>{format!("{} \u{b7} Plus board \u{b7} {}", name.get_value(), t.name)}</h2>
                                    <table aria-labelledby=format!("print-term-{}", t.first)>
                                        <thead><tr>
                                            <th scope="col">"Plus teacher"</th>
                                            {(t.first..=t.last).map(|w| {
                                                let kind = match b.week_kind(w) { WeekKind::Coaching => String::new(), WeekKind::Pd { team_id, .. } => format!("PD {}", b.team(&team_id).map_or("", |x| x.name.as_str())) };
                                                view! { <th scope="col">{y.week(w).map_or_else(|| format!("Week {w}"), |x| x.label())}<br/><small>{kind}</small></th> }
                                            }).collect_view()}
                                        </tr></thead>
                                        <tbody>
                                            {b.members.iter().zip(rows).map(|(m, row)| view! {
                                                <tr>
                                                    <th scope="row">{m.name.clone()}</th>
                                                    {row.into_iter().map(|c| view! {
                                                        <td>{c.slots.into_iter().map(|s| view! { <div class=format!("p-{}", s.kind)>{s.short}{s.locked.then_some(" *")}</div> }).collect_view()}</td>
                                                    }).collect_view()}
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    <p class="print-key">"Each cell lists Monday to Friday. * locked. Cycle: coaching cycle; Study: lesson study; Release: a teacher released to coach a colleague."</p>
                                </section>
                            }
                        }).collect_view()}
                    </div>
                })
            }}
        </Show>
    }
}

/// Publishing: a share link or a file, made from the board as it is when asked (a link is
/// a snapshot), so edits do not re-encode the schedule each time.
#[component]
pub(crate) fn PublishPanel(name: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let made_from = RwSignal::new(None::<crate::domain::plus::Board>);
    let shared = RwSignal::new(None::<crate::domain::plus::share::Shared>);
    // The publication before this one, to say whose links a new one changes.
    let before = RwSignal::new(None::<crate::domain::plus::share::Shared>);
    let stale = Memo::new(move |_| {
        made_from.with(|m| m.is_some() && ctx.board.with(|b| m.as_ref() != b.as_ref()))
    });
    let make = move |_| {
        let b = ctx.board.get_untracked();
        if let Some(old) = shared.get_untracked() {
            before.set(Some(old));
        }
        shared.set(b.as_ref().map(|b| b.to_shared(&name)));
        made_from.set(b);
    };
    view! {
        <section class="panel publish-panel" aria-labelledby="publish-title">
            <h2 id="publish-title">"Publish to teachers"</h2>
            <p>
                "Teachers open "<a href="/schedule">"My schedule"</a>" to see their sessions. To reach teachers on their own phones, "
                "share the schedule as a link or a file: it opens read-only, and the schedule travels inside the link, "
                "so nothing is sent to a server."
            </p>
            <button type="button" class="primary" on:click=make>
                {move || if made_from.with(Option::is_some) { "Make the link again" } else { "Make a share link" }}
            </button>
            {move || stale.get().then(|| view! {
                <p class="problem" role="status">"The board has changed since this link was made: make it again before you share it."</p>
            })}
            <Show when=move || shared.with(Option::is_some)>
                <crate::ui::plus::publish::Publish shared=Signal::derive(move || shared.get()) before=before.into()
                    emails=Signal::derive(move || made_from.with(|b| b.as_ref().map(|b| b.shared_emails()).unwrap_or_default()))/>
            </Show>
        </section>
    }
}
