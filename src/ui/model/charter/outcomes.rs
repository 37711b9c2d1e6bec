//! The targeted outcomes: each measurable, with an indicator, a baseline, a target and a date.

use super::super::{draft_list, edit_draft, new_id};
use crate::domain::district::Extra;
use crate::domain::model::charter::{OutcomeField, RemovedOutcome, MAX_LINE_CHARS};
use crate::domain::model::Outcome;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::said::Said;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Outcomes() -> impl IntoView {
    let store = use_store();
    let list = draft_list(store, |c| &c.outcomes);
    let editing = RwSignal::new(None::<Id>);
    let title = RwSignal::new(String::new());
    let indicator = RwSignal::new(String::new());
    let baseline = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(OutcomeField, String)>);
    let saved = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<RemovedOutcome>);
    let confirming = RwSignal::new(None::<String>);
    let reset = move || {
        editing.set(None);
        for s in [title, indicator, baseline, target, by] {
            s.set(String::new());
        }
        error.set(None);
    };
    let edit = move |o: Outcome| {
        editing.set(Some(o.id.clone()));
        title.set(o.title);
        indicator.set(o.indicator);
        baseline.set(o.baseline);
        target.set(o.target);
        by.set(o.by);
        error.set(None);
        saved.set(None);
        browser::focus_id("outcome-title");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = editing.get_untracked().unwrap_or_else(new_id);
        let o = Outcome {
            id: id.clone(),
            title: title.get_untracked(),
            indicator: indicator.get_untracked(),
            baseline: baseline.get_untracked(),
            target: target.get_untracked(),
            by: by.get_untracked(),
            extra: store.doc.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| d.model.draft.outcome(&id).map(|o| o.extra.clone()))
                    .unwrap_or_else(Extra::new)
            }),
        };
        let name = o.title.trim().to_string();
        let mut field = None;
        let result = edit_draft(store, |c| {
            c.put_outcome(o).map_err(|(f, e)| {
                field = Some(f);
                e
            })
        });
        match result {
            Ok(()) => {
                let was_edit = editing.get_untracked().is_some();
                reset();
                saved.set(Some(if was_edit {
                    format!("Outcome \u{201c}{name}\u{201d} saved.")
                } else {
                    format!("Outcome \u{201c}{name}\u{201d} added.")
                }));
                browser::focus_id("outcome-title");
            }
            Err(e) => {
                saved.set(None);
                let f = field.unwrap_or(OutcomeField::Title);
                error.set(Some((f, e)));
                browser::focus_id(field_id(f));
            }
        }
    };
    let remove = Callback::new(move |id: String| {
        let mut r = None;
        let _ = edit_draft(store, |c| {
            r = c.remove_outcome(&Id::fixed(id));
            Ok(())
        });
        removed.set(r);
        request_animation_frame(|| browser::focus_id("outcome-undo"));
    });
    let undo = Callback::new(move |()| {
        if let Some(r) = removed.get_untracked() {
            let id = r.outcome.id.clone();
            let _ = edit_draft(store, |c| {
                c.restore_outcome(r);
                Ok(())
            });
            removed.set(None);
            request_animation_frame(move || browser::focus_id(&format!("outcome-{id}-remove")));
        }
    });
    let message = Signal::derive(move || error.with(|e| e.as_ref().map(|e| e.1.clone())));
    let invalid = move |f: OutcomeField| {
        move || {
            error
                .with(|e| e.as_ref().is_some_and(|e| e.0 == f))
                .then_some("true")
        }
    };
    let described = move |f: OutcomeField| {
        move || {
            error
                .with(|e| e.as_ref().is_some_and(|e| e.0 == f))
                .then_some("outcome-error")
        }
    };
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_list = Memo::new(move |_| list.with(Vec::is_empty));
    view! {
        <section class="panel" aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">"Targeted outcomes"</h2>
            <p class="hint">"Each outcome is measurable: how it is measured, where it stands, where it should be, and by when."</p>
            {move || removed.get().map(|r| view! {
                <UndoNotice id="outcome-undo" on_undo=undo
                    message=format!("Outcome \u{201c}{}\u{201d} removed, with its links to goals.", r.outcome.title)/>
            })}
            {move || if no_list.get() {
                view! { <p>"No outcomes yet."</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label="Targeted outcomes table">
                        <table class="data stack">
                            <caption class="visually-hidden">"Targeted outcomes"</caption>
                            <thead><tr>
                                <th scope="col">"Outcome"</th><th scope="col">"Indicator"</th>
                                <th scope="col">"Baseline"</th><th scope="col">"Target"</th>
                                <th scope="col">"By"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=move || list.get() key=|o| (o.id.clone(), o.title.clone(), o.indicator.clone(), o.baseline.clone(), o.target.clone(), o.by.clone()) let:o>
                                    {
                                        let oid = o.id.to_string();
                                        let name = o.title.clone();
                                        let whole = o.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{o.title.clone()}</th>
                                                <td data-label="Indicator">{o.indicator.clone()}</td>
                                                <td data-label="Baseline">{o.baseline.clone()}</td>
                                                <td data-label="Target">{o.target.clone()}</td>
                                                <td data-label="By" class="nowrap">{o.by.clone()}</td>
                                                <td class="row-actions">
                                                    <button type="button" class="secondary" aria-label=format!("Edit the outcome {name}")
                                                        on:click=move |_| edit(whole.clone())>"Edit"</button>
                                                    <ConfirmRemove id=format!("outcome-{oid}-remove") open=confirming name=name.clone()
                                                        question=format!("Remove the outcome \u{201c}{name}\u{201d}? Goals it serves lose the link.")
                                                        verb=Verb::Remove on_yes=move |()| remove.run(oid.clone())/>
                                                </td>
                                            </tr>
                                        }
                                    }
                                </For>
                            </tbody>
                        </table>
                    </ScrollTable>
                }.into_any()
            }}
            <form on:submit=submit novalidate aria-labelledby="outcome-form-title">
                <h3 id="outcome-form-title">{move || if editing.with(Option::is_some) { "Edit the outcome" } else { "Add an outcome" }}</h3>
                <div class="field">
                    <label for="outcome-title">"Outcome"</label>
                    <input id="outcome-title" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=invalid(OutcomeField::Title) aria-describedby=described(OutcomeField::Title)/>
                </div>
                <div class="field">
                    <label for="outcome-indicator">"Indicator"</label>
                    <input id="outcome-indicator" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || indicator.get() on:input=move |ev| indicator.set(event_target_value(&ev))
                        aria-invalid=invalid(OutcomeField::Indicator) aria-describedby=move || if error.with(|e| e.as_ref().is_some_and(|e| e.0 == OutcomeField::Indicator)) { "indicator-hint outcome-error" } else { "indicator-hint" }/>
                    <p class="hint" id="indicator-hint">"For example: % of teachers in a coaching cycle each semester."</p>
                </div>
                <div class="inline-form">
                    <div class="field narrow">
                        <label for="outcome-baseline">"Baseline"</label>
                        <input id="outcome-baseline" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                            prop:value=move || baseline.get() on:input=move |ev| baseline.set(event_target_value(&ev))
                            aria-invalid=invalid(OutcomeField::Baseline) aria-describedby=described(OutcomeField::Baseline)/>
                    </div>
                    <div class="field narrow">
                        <label for="outcome-target">"Target"</label>
                        <input id="outcome-target" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                            prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev))
                            aria-invalid=invalid(OutcomeField::Target) aria-describedby=described(OutcomeField::Target)/>
                    </div>
                    <div class="field narrow">
                        <label for="outcome-by">"By"</label>
                        <input id="outcome-by" type="date" min=crate::domain::dates::EARLIEST max=crate::domain::dates::LATEST
                            prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev))
                            aria-invalid=invalid(OutcomeField::By) aria-describedby=described(OutcomeField::By)/>
                    </div>
                </div>
                <FieldError id="outcome-error" error=message quiet=true/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the outcome" } else { "Add the outcome" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                    })}
                </div>
                <Said text=saved/>
            </form>
        </section>
    }
}

fn field_id(f: OutcomeField) -> &'static str {
    match f {
        OutcomeField::Title => "outcome-title",
        OutcomeField::Indicator => "outcome-indicator",
        OutcomeField::Baseline => "outcome-baseline",
        OutcomeField::Target => "outcome-target",
        OutcomeField::By => "outcome-by",
    }
}
