//! The set-up's school-year calendar: the first day, the instructional weeks, the warning
//! after weeks without coaching, and the breaks (each named, with its dates).

use super::SetupCtx;
use crate::domain::dates;
use crate::domain::plus::calendar::{Break, Calendar};
use crate::domain::plus::state::default_calendar;
use crate::ui::kit::field_error::FieldError;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// A break being edited: (key, label, start, end).
type BreakRow = (usize, String, String, String);

#[component]
pub(super) fn CalendarForm() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let initial = ctx
        .board
        .with_untracked(|b| b.as_ref().map(|b| b.calendar.clone()))
        .unwrap_or_else(|| default_calendar(&browser::today()));
    let first = RwSignal::new(initial.first_day.clone());
    let weeks = RwSignal::new(initial.weeks.to_string());
    let gap = RwSignal::new(
        ctx.board
            .with_untracked(|b| b.as_ref().map(|b| b.max_gap_weeks))
            .unwrap_or(4)
            .to_string(),
    );
    let breaks = RwSignal::new(
        initial
            .breaks
            .iter()
            .enumerate()
            .map(|(i, b)| (i, b.label.clone(), b.start.clone(), b.end.clone()))
            .collect::<Vec<BreakRow>>(),
    );
    let next_key = StoredValue::new(initial.breaks.len());
    let error = RwSignal::new(None::<String>);
    // When the stored calendar changes (an undo), the form shows it again.
    let stored = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map(|b| (b.calendar.clone(), b.max_gap_weeks)))
    });
    Effect::new(move |prev: Option<()>| {
        let Some((cal, g)) = stored.get() else { return };
        if prev.is_some() {
            first.set(cal.first_day.clone());
            weeks.set(cal.weeks.to_string());
            gap.set(g.to_string());
            let k = next_key.get_value();
            next_key.set_value(k + cal.breaks.len());
            breaks.set(
                cal.breaks
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (k + i, b.label.clone(), b.start.clone(), b.end.clone()))
                    .collect(),
            );
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(w) = weeks.get_untracked().trim().parse::<u16>() else {
            error.set(Some(
                "The number of weeks must be a whole number, such as 36.".into(),
            ));
            return;
        };
        let Ok(g) = gap.get_untracked().trim().parse::<u16>() else {
            error.set(Some(
                "Weeks without coaching must be a whole number, such as 4.".into(),
            ));
            return;
        };
        let calendar = Calendar {
            first_day: first.get_untracked().trim().to_string(),
            weeks: w,
            breaks: breaks
                .get_untracked()
                .into_iter()
                .map(|(_, label, start, end)| Break {
                    label: label.trim().to_string(),
                    start,
                    end,
                    extra: Default::default(),
                })
                .collect(),
            extra: ctx
                .board
                .with_untracked(|b| b.as_ref().map(|b| b.calendar.extra.clone()))
                .unwrap_or_default(),
        };
        let r = ctx.edit(
            move |b| {
                let change = b.set_calendar(calendar)?;
                b.max_gap_weeks = g;
                let y = b.year()?;
                let mut s = format!(
                    "Saved the calendar: {} weeks, {} terms, {} days off inside school weeks.",
                    y.weeks.len(),
                    y.terms.len(),
                    y.closed.len()
                );
                let what = change.describe();
                if !what.is_empty() {
                    s.push(' ');
                    s.push_str(&what);
                }
                Ok(s)
            },
            Some("the calendar change"),
        );
        error.set(r.err());
    };
    view! {
        <form class="panel setup-section" aria-labelledby="cal-title" on:submit=save novalidate>
            <h2 id="cal-title">"School-year calendar"</h2>
            <div class="inline-form">
                <div class="field">
                    <label for="cal-first">"First day of school"</label>
                    <input id="cal-first" type="date" min=dates::EARLIEST max=dates::LATEST prop:value=move || first.get() on:change=move |ev| first.set(event_target_value(&ev))/>
                </div>
                <div class="field narrow">
                    <label for="cal-weeks">"Instructional weeks"</label>
                    <input id="cal-weeks" type="number" inputmode="numeric" min="1" max="45" prop:value=move || weeks.get() on:change=move |ev| weeks.set(event_target_value(&ev))/>
                </div>
                <div class="field narrow">
                    <label for="cal-gap">"Warn after weeks without coaching"</label>
                    <input id="cal-gap" type="number" inputmode="numeric" min="0" max="45" prop:value=move || gap.get() on:change=move |ev| gap.set(event_target_value(&ev))/>
                </div>
            </div>
            <fieldset>
                <legend>"Breaks"</legend>
                <p class="hint">"A break that covers a whole school week takes that week off the board, and starts a new term. A shorter break leaves its days off."</p>
                <ul class="breaks">
                    <For each=move || breaks.get() key=|b| b.0 children=move |(k, label, start, end)| {
                        let set = move |f: &dyn Fn(&mut BreakRow)| breaks.update(|v| if let Some(x) = v.iter_mut().find(|x| x.0 == k) { f(x) });
                        // Each break's fields and its remove button are named by the break.
                        let name = move || breaks.with(|v| {
                            let at = v.iter().position(|x| x.0 == k).map_or(0, |i| i + 1);
                            match v.iter().find(|x| x.0 == k).map(|x| x.1.trim().to_string()) {
                                Some(n) if !n.is_empty() => format!("break {at}, {n}"),
                                _ => format!("break {at} (no name yet)"),
                            }
                        });
                        view! {
                            <li><div class="inline-form" role="group" aria-label=move || { let n = name(); let mut c = n.chars(); c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default() }>
                                <div class="field">
                                    <label for=format!("break-{k}-label")>"Name"</label>
                                    <input id=format!("break-{k}-label") type="text" value=label on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.1 = v.clone()); }/>
                                </div>
                                <div class="field narrow">
                                    <label for=format!("break-{k}-start")>"From"</label>
                                    <input id=format!("break-{k}-start") type="date" min=dates::EARLIEST max=dates::LATEST value=start on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.2 = v.clone()); }/>
                                </div>
                                <div class="field narrow">
                                    <label for=format!("break-{k}-end")>"To"</label>
                                    <input id=format!("break-{k}-end") type="date" min=dates::EARLIEST max=dates::LATEST value=end on:change=move |ev| { let v = event_target_value(&ev); set(&|x| x.3 = v.clone()); }/>
                                </div>
                                <button type="button" class="secondary" aria-label=move || format!("Remove this break: {}", name()) on:click=move |_| breaks.update(|v| v.retain(|x| x.0 != k))>"Remove this break"</button>
                            </div></li>
                        }
                    }/>
                </ul>
                <button type="button" class="secondary" on:click=move |_| {
                    let k = next_key.get_value();
                    next_key.set_value(k + 1);
                    let d = first.get_untracked();
                    breaks.update(|v| v.push((k, String::new(), d.clone(), d)));
                }>"Add a break"</button>
            </fieldset>
            <FieldError error/>
            <button type="submit" class="primary">"Save the calendar"</button>
        </form>
    }
}
