//! The development view: for every coach, their mentor, last check-in, shadowing, this
//! school year's hours against the district's target, and flags with their reasons; the
//! district's totals above; and the settings the flags count by.

use crate::domain::model::coaches::{
    dev_rows, hours, school_year, school_year_label, DevFlag, MAX_HOURS_TARGET,
};
use crate::domain::text::plural;
use crate::ui::kit::field::{Field, Kind};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::said::Said;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Line {
    anchor: String,
    name: String,
    novice: bool,
    schools: usize,
    teachers: u32,
    mentor: Option<String>,
    last_check_in: Option<String>,
    shadowing: String,
    tenths: u32,
    /// The district's yearly target, in hours.
    target: u32,
    flags: Vec<DevFlag>,
    why: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Glanced {
    lines: Vec<Line>,
    target: u32,
    year: String,
}

#[component]
pub(super) fn Glance() -> impl IntoView {
    let store = use_store();
    let today = browser::today_date();
    let glanced = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    let m = &d.model;
                    let rows = dev_rows(&m.records(), today);
                    Glanced {
                        lines: rows
                            .into_iter()
                            .zip(&m.coaches)
                            .map(|(r, c)| Line {
                                anchor: format!("coach-{}", c.id),
                                name: c.name.clone(),
                                novice: r.novice,
                                schools: c.schools.len(),
                                teachers: c.teachers,
                                mentor: r.mentor,
                                last_check_in: r.last_check_in,
                                shadowing: match (r.shadowing_held, r.shadowing_planned) {
                                    (0, 0) => "\u{2014}".to_string(),
                                    (h, 0) => format!("{h} held"),
                                    (0, p) => format!("{p} planned"),
                                    (h, p) => format!("{h} held, {p} planned"),
                                },
                                tenths: r.tenths,
                                target: m.settings.hours_target,
                                flags: r.flags,
                                why: r.why,
                            })
                            .collect(),
                        target: m.settings.hours_target,
                        year: school_year_label(school_year(today)),
                    }
                })
                .unwrap_or_default()
        })
    });
    let show = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let f = show.get();
        glanced.with(|g| {
            g.lines
                .iter()
                .filter(|l| match f.as_str() {
                    "" => true,
                    "flagged" => !l.flags.is_empty(),
                    k => DevFlag::from_key(k).is_some_and(|x| l.flags.contains(&x)),
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Whether there are rows: the table below is drawn again only when this changes, and
    // its rows as they change.
    // The first rows with the page, the rest in the next frames (sixty coaches).
    let drawn = RwSignal::new(10);
    crate::ui::kit::rows_in_steps::draw_later(
        drawn,
        glanced.with_untracked(|g| g.lines.len()),
        usize::MAX,
    );
    let no_coach = Memo::new(move |_| glanced.with(|g| g.lines.is_empty()));
    let none_shown = Memo::new(move |_| shown.with(Vec::is_empty));
    let count =
        move |f: DevFlag| glanced.with(|g| g.lines.iter().filter(|l| l.flags.contains(&f)).count());
    view! {
        <section class="panel" aria-labelledby="glance-title">
            <h2 id="glance-title">"Every coach at a glance"</h2>
            {move || glanced.with(|g| {
                let n = g.lines.len();
                let novices = g.lines.iter().filter(|l| l.novice).count();
                let mentored = g.lines.iter().filter(|l| l.mentor.is_some()).count();
                let total: u32 = g.lines.iter().map(|l| l.tenths).sum();
                let on_target = g.lines.iter().filter(|l| l.tenths >= g.target * 10).count();
                let teachers: u32 = g.lines.iter().map(|l| l.teachers).sum();
                view! {
                    <ul class="stats">
                        <li><strong>{n}</strong>" "{if n == 1 { "coach" } else { "coaches" }}{format!(", {novices} novice")}</li>
                        <li><strong>{teachers}</strong>" teachers served"</li>
                        <li><strong>{format!("{mentored} of {n}")}</strong>" with a mentor"</li>
                        <li><strong>{hours(total)}</strong>{format!(" of learning in {}; {on_target} of {n} at the {} h target", g.year, g.target)}</li>
                    </ul>
                }
            })}
            <p>{move || {
                let parts: Vec<String> = DevFlag::ALL.iter().map(|f| format!("{}: {}", f.label(), count(*f))).collect();
                format!("Flags \u{2014} {}.", parts.join("; "))
            }}</p>
            <div class="field narrow-ish no-print">
                <label for="glance-show">"Show coaches"</label>
                <select id="glance-show" prop:value=move || show.get() on:change=move |ev| show.set(event_target_value(&ev))>
                    <option value="" selected={show.with_untracked(String::is_empty)}>"Every coach"</option>
                    <option value="flagged" selected={show.get_untracked() == "flagged"}>"Coaches with a flag"</option>
                    {DevFlag::ALL.iter().map(|f| {
                        let k = f.key();
                        view! { <option value=k selected={show.get_untracked() == k}>{f.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <p class="visually-hidden" role="status">{move || {
                let (a, b) = (shown.with(Vec::len), glanced.with(|g| g.lines.len()));
                if a == b { String::new() } else { format!("{a} of {b} coaches shown.") }
            }}</p>
            {move || if no_coach.get() {
                view! { <p>"No coach yet: add the district\u{2019}s coaches below."</p> }.into_any()
            } else if none_shown.get() {
                view! { <p>"No coach has that flag."</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label="Coaches at a glance table">
                        <table class="data stack" role="table">
                            <caption class="visually-hidden">"Every coach\u{2019}s development"</caption>
                            <thead role="rowgroup"><tr role="row">
                                <th scope="col" role="columnheader">"Coach"</th>
                                <th scope="col" role="columnheader">"Workload"</th>
                                <th scope="col" role="columnheader">"Mentor"</th>
                                <th scope="col" role="columnheader">"Last check-in"</th>
                                <th scope="col" role="columnheader">"Shadowing"</th>
                                <th scope="col" role="columnheader">"Hours this year"</th>
                                <th scope="col" role="columnheader">"Flags"</th>
                            </tr></thead>
                            <tbody role="rowgroup">
                                <For each=move || shown.with(|v| v.iter().take(drawn.get()).cloned().collect::<Vec<_>>()) key=|l| l.clone() let:l>
                                    <tr role="row" class:flagged=!l.flags.is_empty()>
                                        <th scope="row" role="rowheader">
                                            {
                                                let to = l.anchor.clone();
                                                view! {
                                                    <a href=format!("#{}", l.anchor) on:click=move |ev| {
                                                        // Focus the coach's card (it scrolls there), not only scroll.
                                                        ev.prevent_default();
                                                        browser::focus_id(&to);
                                                    }>{l.name.clone()}</a>
                                                }
                                            }
                                            {l.novice.then(|| view! { <span class="small">" (novice)"</span> })}
                                        </th>
                                        <td role="cell" data-label="Workload">{format!("{}, {}", plural(l.schools, "school", "schools"), plural(l.teachers as usize, "teacher", "teachers"))}</td>
                                        <td role="cell" data-label="Mentor">{l.mentor.clone().unwrap_or_else(|| "None".into())}</td>
                                        <td role="cell" class="nowrap" data-label="Last check-in">{l.last_check_in.clone().unwrap_or_else(|| "\u{2014}".into())}</td>
                                        <td role="cell" data-label="Shadowing">{if l.novice { l.shadowing.clone() } else { "Not a novice".into() }}</td>
                                        <td role="cell" class="nowrap" data-label="Hours this year">{format!("{} of {} h", hours(l.tenths), l.target)}</td>
                                        <td role="cell" data-label="Flags">{if l.why.is_empty() {
                                            view! { <span>"None"</span> }.into_any()
                                        } else {
                                            view! { <ul class="flag-list">{l.why.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul> }.into_any()
                                        }}</td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}

/// The district's settings for the flags: the yearly hours target and the date by which
/// each novice has a shadowing day held.
#[component]
pub(super) fn Settings() -> impl IntoView {
    let store = use_store();
    let target = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    // The page is drawn again when another tab's save is taken, so the form starts from
    // what is stored.
    let load = move || {
        store.doc.with_untracked(|d| {
            if let Some(d) = d {
                target.set(d.model.settings.hours_target.to_string());
                by.set(d.model.settings.shadow_by.clone().unwrap_or_default());
            }
        })
    };
    load();
    // The error, and whether it is the target's (`Some(true)`), the date's, or the form's.
    let error = RwSignal::new(None::<(Option<bool>, String)>);
    let done = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = match target.get_untracked().trim().parse::<u32>() {
            Ok(t) if (1..=MAX_HOURS_TARGET).contains(&t) => t,
            _ => {
                error.set(Some((
                    Some(true),
                    format!("The hours target is a whole number from 1 to {MAX_HOURS_TARGET}."),
                )));
                done.set(None);
                browser::focus_id("settings-target");
                return;
            }
        };
        let raw = by.get_untracked();
        let shadow_by = if raw.trim().is_empty() {
            None
        } else {
            match crate::domain::dates::check(&raw) {
                Ok(d) => Some(d),
                Err(e) => {
                    error.set(Some((Some(false), e)));
                    done.set(None);
                    browser::focus_id("settings-by");
                    return;
                }
            }
        };
        let r = store.try_edit_model(|model, _| {
            model.settings.hours_target = t;
            model.settings.shadow_by = shadow_by;
            Ok(())
        });
        match r {
            Ok(()) => {
                error.set(None);
                done.set(Some("Settings saved.".into()));
            }
            Err(e) => {
                error.set(Some((None, e)));
                done.set(None);
            }
        }
    };
    let message = super::super::error_words(error);
    view! {
        <section class="panel" aria-labelledby="settings-title">
            <h2 id="settings-title">"The district\u{2019}s targets"</h2>
            <form class="inline-form" on:submit=save novalidate>
                <Field id="settings-target" label="Learning hours each coach aims for in a school year" value=target kind=Kind::Whole max=4
                    invalid=Signal::derive(move || error.with(|e| e.as_ref().is_some_and(|e| e.0 == Some(true)))) error_id="settings-error"/>
                <Field id="settings-by" label="Each novice shadows a coach by (optional)" value=by kind=Kind::Date
                    invalid=Signal::derive(move || error.with(|e| e.as_ref().is_some_and(|e| e.0 == Some(false)))) error_id="settings-error"/>
                <button type="submit">"Save the targets"</button>
            </form>
            <FieldError id="settings-error" error=message quiet=super::super::error_is_a_field_s(error)/>
            <Said text=done/>
        </section>
    }
}
