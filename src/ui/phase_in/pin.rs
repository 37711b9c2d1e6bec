//! The pin form of `/phase-in`: put one school in a chosen year, with a rationale. Each
//! year says before saving whether the plan can keep the pin there, and year 1 for a school
//! below the gate or self-selected out is offered only as an explicit override.

use crate::domain::phase_in::{self, check_pin, override_text, PinCheck};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

/// What each year of the plan would make of a pin of `school`: (year, check).
fn year_checks(school: &Id) -> Vec<(u8, PinCheck)> {
    let store = use_store();
    store.doc.with_untracked(|d| {
        let Some(d) = d.as_ref() else {
            return Vec::new();
        };
        let r = phase_in::rank(d, &d.phase_in.settings);
        (1..=d.phase_in.settings.years.max(1))
            .map(|y| (y, check_pin(&r, &d.phase_in, school, y)))
            .collect()
    })
}

/// A row of the cohort table holding the form (`columns` wide). `on_pinned` gets the
/// notice to show; `on_cancel` closes the form.
#[component]
pub fn PinForm(
    id: String,
    name: String,
    year: Option<u8>,
    columns: u8,
    on_pinned: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let sid = Id::fixed(id.clone());
    let checks = year_checks(&sid);
    // The school's own year if the plan can keep it there, else the first year that fits.
    let first_fit = checks
        .iter()
        .find(|(_, c)| *c == PinCheck::Fits)
        .map(|(y, _)| *y);
    let start = year
        .filter(|y| checks.iter().any(|(cy, c)| cy == y && *c == PinCheck::Fits))
        .or(first_fit)
        .unwrap_or(1);
    let chosen = RwSignal::new(start);
    let overrides = RwSignal::new(false);
    let rationale = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let fid = format!("pin-{id}");
    let check_of = {
        let checks = checks.clone();
        move |y: u8| {
            checks
                .iter()
                .find(|(cy, _)| *cy == y)
                .map(|(_, c)| c.clone())
        }
    };
    let needs_override = {
        let check_of = check_of.clone();
        move || match check_of(chosen.get()) {
            Some(PinCheck::NeedsOverride(bar)) => Some(override_text(&bar)),
            _ => None,
        }
    };
    let submit = {
        let name = name.clone();
        let fid = fid.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let y = chosen.get_untracked();
            let now = browser::now_iso();
            let over = overrides.get_untracked();
            match store.try_edit(|d| {
                phase_in::pin_school(d, &sid, y, &rationale.get_untracked(), over, &now)
            }) {
                Ok(()) => on_pinned.run(if over {
                    format!("{name} is in year 1 as an override.")
                } else {
                    format!("{name} is pinned to year {y}.")
                }),
                Err(e) => {
                    error.set(Some(e));
                    browser::focus_id(&format!("{fid}-why"));
                }
            }
        }
    };
    let year_options = checks
        .iter()
        .map(|(y, c)| {
            let y = *y;
            let label = match c {
                PinCheck::Fits => format!("Year {y}"),
                PinCheck::NeedsOverride(_) => format!("Year {y} (as an override)"),
                PinCheck::Refused(_) => format!("Year {y} (not possible)"),
            };
            let refused = matches!(c, PinCheck::Refused(_));
            view! { <option value=y.to_string() disabled=refused selected=move || chosen.get() == y>{label}</option> }
        })
        .collect_view();
    // Why a year can't be chosen, in words, under the select.
    let refusals: Vec<String> = checks
        .iter()
        .filter_map(|(_, c)| match c {
            PinCheck::Refused(why) => Some(why.clone()),
            _ => None,
        })
        .collect();
    let hint_id = format!("{fid}-years-hint");
    let has_refusals = !refusals.is_empty();
    let over_text = needs_override.clone();
    let over_id = format!("{fid}-override");
    let error_id = format!("{fid}-error");
    let error_id2 = error_id.clone();
    view! {
        <tr class="pin-form-row">
            <td colspan=columns.to_string()>
                <form class="pin-form" on:submit=submit aria-label=format!("Pin {name} to a year")>
                    <div class="field">
                        <label for=format!("{fid}-year")>"Year"</label>
                        <select id=format!("{fid}-year")
                            aria-describedby=has_refusals.then(|| hint_id.clone())
                            on:change=move |ev| {
                                chosen.set(event_target_value(&ev).parse().unwrap_or(1));
                                overrides.set(false);
                                error.set(None);
                            }>
                            {year_options}
                        </select>
                        {has_refusals.then(|| view! {
                            <ul id=hint_id.clone() class="small pin-refusals">
                                {refusals.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                            </ul>
                        })}
                    </div>
                    {move || over_text().map(|bar| view! {
                        <div class="field override-choice">
                            <input type="checkbox" id=over_id.clone()
                                prop:checked=move || overrides.get()
                                on:change=move |ev| overrides.set(event_target_checked(&ev))/>
                            <label for=over_id.clone()>
                                {format!("Override: put this school in year 1 although it is {bar}. The plan, both rankings and the decision brief mark it as an override.")}
                            </label>
                        </div>
                    })}
                    <div class="field grow">
                        <label for=format!("{fid}-why")>"Rationale (required; it appears in the decision brief)"</label>
                        <textarea id=format!("{fid}-why") rows="2" maxlength="4000"
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                            prop:value=move || rationale.get()
                            on:input=move |ev| rationale.set(event_target_value(&ev))></textarea>
                        <FieldError id=error_id2 error/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary">{move || if needs_override().is_some() { "Pin as an override" } else { "Pin" }}</button>
                        <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                    </div>
                </form>
            </td>
        </tr>
    }
}
