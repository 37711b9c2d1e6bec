//! The readiness plan's support panels: the leadership coach who works with the principal,
//! and the re-assessment date that measures the plan's progress.

use super::edit_plan;
use crate::domain::text::MAX_NAME_CHARS;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn CoachPanel(school: Id) -> impl IntoView {
    let store = use_store();
    let school_for_link = school.clone();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.phase_in.plan(&school))
            .map(|p| p.leadership_coach.clone())
            .unwrap_or_default()
    });
    let name = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked();
        match edit_plan(store, &school, |p| p.set_leadership_coach(&value)) {
            Ok(()) => {
                error.set(None);
                let v = value.trim().to_string();
                name.set(v.clone());
                saved.set(Some(if v.is_empty() {
                    "Saved: no leadership coach yet.".to_string()
                } else {
                    format!("Saved: {v} works with the principal.")
                }));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
                browser::focus_id("coach-name");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="coach-title">
            <h2 id="coach-title">"Leadership coach for the principal"</h2>
            <p>"The principal works with a leadership coach as another support for the school\u{2019}s readiness."</p>
            <form class="inline-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="coach-name">"Leadership coach"</label>
                    <input id="coach-name" type="text" maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("coach-error")/>
                </div>
                <button type="submit">"Save"<span class="visually-hidden">" the leadership coach"</span></button>
            </form>
            <FieldError id="coach-error" error/>
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            {move || {
                let (sentence, link) = store.doc.with(|d| {
                    let Some(d) = d.as_ref() else { return (String::new(), None) };
                    let sentence = crate::domain::executive::report::coaching_sentence(d, &school_for_link);
                    let link = d.executive.for_school(&school_for_link).first().map(|e| e.id.to_string());
                    (sentence, link)
                });
                let start = format!(
                    "/executive/new?school={}&coach={}",
                    school_for_link,
                    crate::ui::platform::browser::encode_query(&name.get())
                );
                view! {
                    <p data-testid="plan-executive">{sentence}" "
                        {match link {
                            Some(id) => view! { <a href=format!("/executive/{id}")>"Open the engagement"</a> }.into_any(),
                            None => view! { <a href=start>"Start an executive-coaching engagement"</a> }.into_any(),
                        }}
                    </p>
                }
            }}
        </section>
    }
}

#[component]
pub(super) fn ReassessPanel(school: Id) -> impl IntoView {
    let store = use_store();
    let initial = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.phase_in.plan(&school))
            .map(|p| p.reassess_on.clone())
            .unwrap_or_default()
    });
    let date = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let href = format!("/readiness/{school}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = date.get_untracked();
        match edit_plan(store, &school, |p| p.set_reassess_on(&value)) {
            Ok(()) => {
                error.set(None);
                saved.set(Some(if value.trim().is_empty() {
                    "Saved: no re-assessment date yet.".to_string()
                } else {
                    format!("Saved: re-assessment on {}.", value.trim())
                }));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
                browser::focus_id("reassess-date");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="reassess-title">
            <h2 id="reassess-title">"Re-assessment"</h2>
            <p>"When the school runs its next readiness round, the plan measures progress against the baseline."</p>
            <form class="inline-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="reassess-date">"Re-assessment date"</label>
                    <input id="reassess-date" type="date"
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("reassess-error")/>
                </div>
                <button type="submit">"Save"<span class="visually-hidden">" the re-assessment date"</span></button>
            </form>
            <FieldError id="reassess-error" error/>
            {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            <p><a href=href>"Start the re-assessment round on the school\u{2019}s readiness page"</a></p>
        </section>
    }
}
