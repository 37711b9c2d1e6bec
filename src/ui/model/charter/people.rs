//! The stakeholders included in the decision, and the elements of the model campuses may
//! adapt (or not: the non-negotiables).

use super::super::{draft_list, edit_draft, new_id, removal, Removal};
use crate::domain::district::Extra;
use crate::domain::model::charter::{StakeholderField, MAX_LINE_CHARS};
use crate::domain::model::{Element, Stakeholder};
use crate::domain::text::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Stakeholders() -> impl IntoView {
    let store = use_store();
    let list = draft_list(store, |c| &c.stakeholders);
    let editing = RwSignal::new(None::<Id>);
    let name = RwSignal::new(String::new());
    let input = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let on = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(StakeholderField, String)>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.draft.stakeholders,
        "stakeholder-undo",
        "stakeholders-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let reset = move || {
        editing.set(None);
        name.set(String::new());
        input.set(String::new());
        signed.set(false);
        on.set(String::new());
        error.set(None);
    };
    let edit = move |s: Stakeholder| {
        editing.set(Some(s.id));
        name.set(s.name);
        input.set(s.input);
        signed.set(s.signed_off);
        on.set(s.on);
        error.set(None);
        browser::focus_id("stakeholder-name");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = editing.get_untracked().unwrap_or_else(new_id);
        let s = Stakeholder {
            id: id.clone(),
            name: name.get_untracked(),
            input: input.get_untracked(),
            signed_off: signed.get_untracked(),
            on: on.get_untracked(),
            extra: store.doc.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| {
                        d.model
                            .draft
                            .stakeholders
                            .iter()
                            .find(|x| x.id == id)
                            .map(|x| x.extra.clone())
                    })
                    .unwrap_or_else(Extra::new)
            }),
        };
        let mut field = None;
        match edit_draft(store, |c| {
            c.put_stakeholder(s).map_err(|(f, e)| {
                field = Some(f);
                e
            })
        }) {
            Ok(()) => {
                reset();
                browser::focus_id("stakeholder-name");
            }
            Err(e) => {
                let f = field.unwrap_or(StakeholderField::Name);
                error.set(Some((f, e)));
                browser::focus_id(match f {
                    StakeholderField::Name => "stakeholder-name",
                    StakeholderField::Input => "stakeholder-input",
                    StakeholderField::On => "stakeholder-on",
                });
            }
        }
    };
    let message = Signal::derive(move || error.with(|e| e.as_ref().map(|e| e.1.clone())));
    let bad =
        move |f: StakeholderField| move || error.with(|e| e.as_ref().is_some_and(|e| e.0 == f));
    let pending = move || list.with(|l| l.iter().filter(|s| !s.signed_off).count());
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_list = Memo::new(move |_| list.with(Vec::is_empty));
    view! {
        <section class="panel" aria-labelledby="stakeholders-title">
            <h2 id="stakeholders-title" tabindex="-1">"Stakeholders"</h2>
            <p class="hint">"Who was included in the decision: for example the curriculum team, the IT team, building administrators, existing coaches, the principals\u{2019} council and the teachers\u{2019} association."</p>
            {move || (pending() > 0).then(|| view! {
                <p class="flag-line">{format!("{} pending.", crate::domain::text::plural(pending(), "sign-off", "sign-offs"))}</p>
            })}
            {move || removed.get().map(|(_, s)| view! {
                <UndoNotice id="stakeholder-undo" on_undo=undo message=format!("{} removed from the stakeholders.", s.name)/>
            })}
            {move || (!no_list.get()).then(|| view! {
                <ScrollTable label="Stakeholders table">
                    <table class="data stack">
                        <caption class="visually-hidden">"Stakeholders"</caption>
                        <thead><tr>
                            <th scope="col">"Stakeholder"</th><th scope="col">"Their input"</th>
                            <th scope="col">"Sign-off"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=move || list.get() key=|s| (s.id.clone(), s.name.clone(), s.input.clone(), s.signed_off, s.on.clone()) let:s>
                                {
                                    let sid = s.id.to_string();
                                    let who = s.name.clone();
                                    let whole = s.clone();
                                    view! {
                                        <tr class:flagged=!s.signed_off>
                                            <th scope="row">{s.name.clone()}</th>
                                            <td data-label="Input">{s.input.clone()}</td>
                                            <td data-label="Sign-off">{if s.signed_off {
                                                format!("Signed off on {}", s.on)
                                            } else if s.on.is_empty() {
                                                "Pending".to_string()
                                            } else {
                                                format!("Pending (input on {})", s.on)
                                            }}</td>
                                            <td class="row-actions">
                                                <button type="button" class="secondary" aria-label=format!("Edit {who}")
                                                    on:click=move |_| edit(whole.clone())>"Edit"</button>
                                                <ConfirmRemove id=format!("stakeholder-{sid}-remove") open=confirming name=who.clone()
                                                    question=format!("Remove {who} from the stakeholders?") verb=Verb::Remove
                                                    on_yes=move |()| remove.run(sid.clone())/>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </ScrollTable>
            })}
            <form on:submit=submit novalidate aria-labelledby="stakeholder-form-title">
                <h3 id="stakeholder-form-title">{move || if editing.with(Option::is_some) { "Edit the stakeholder" } else { "Add a stakeholder" }}</h3>
                <div class="field">
                    <label for="stakeholder-name">"Stakeholder"</label>
                    <input id="stakeholder-name" type="text" autocomplete="off" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || bad(StakeholderField::Name)().then_some("true")
                        aria-describedby=move || bad(StakeholderField::Name)().then_some("stakeholder-error")/>
                </div>
                <div class="field">
                    <label for="stakeholder-input">"Their input"</label>
                    <textarea id="stakeholder-input" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                        prop:value=move || input.get() on:input=move |ev| input.set(event_target_value(&ev))></textarea>
                </div>
                <p class="check">
                    <input id="stakeholder-signed" type="checkbox" prop:checked=move || signed.get()
                        on:change=move |ev| signed.set(event_target_checked(&ev))/>
                    <label for="stakeholder-signed">"Signed off"</label>
                </p>
                <div class="field narrow">
                    <label for="stakeholder-on">{move || if signed.get() { "Date of the sign-off" } else { "Date of their input (optional)" }}</label>
                    <input id="stakeholder-on" type="date" min=crate::domain::dates::EARLIEST max=crate::domain::dates::LATEST
                        prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev))
                        aria-invalid=move || bad(StakeholderField::On)().then_some("true")
                        aria-describedby=move || bad(StakeholderField::On)().then_some("stakeholder-error")/>
                </div>
                <FieldError id="stakeholder-error" error=message quiet=true/>
                <div class="actions">
                    <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save the stakeholder" } else { "Add the stakeholder" }}</button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| reset()>"Cancel"</button>
                    })}
                </div>
            </form>
        </section>
    }
}

#[component]
pub(super) fn Elements() -> impl IntoView {
    let store = use_store();
    let list = draft_list(store, |c| &c.elements);
    let name = RwSignal::new(String::new());
    let fixed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let toggle_error = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.draft.elements,
        "element-undo",
        "elements-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = Element {
            id: new_id(),
            name: name.get_untracked(),
            non_negotiable: fixed.get_untracked(),
            extra: Extra::new(),
        };
        match edit_draft(store, |c| c.put_element(e)) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                fixed.set(false);
            }
            Err(e) => error.set(Some(e)),
        }
        browser::focus_id("element-name");
    };
    view! {
        <section class="panel" aria-labelledby="elements-title">
            <h2 id="elements-title" tabindex="-1">"What campuses may adapt"</h2>
            <p class="hint">"Schools adapt the model to their needs, within the framework. Mark the elements no campus may adapt as non-negotiable: an adaptation that touches one is flagged and cannot be approved."</p>
            {move || removed.get().map(|(_, e)| view! {
                <UndoNotice id="element-undo" on_undo=undo message=format!("\u{201c}{}\u{201d} removed.", e.name)/>
            })}
            <FieldError error=toggle_error/>
            <ul class="plain elements">
                <For each=move || list.get() key=|e| (e.id.clone(), e.name.clone()) let:e>
                    {
                        let eid = e.id.to_string();
                        let box_id = format!("element-{eid}-fixed");
                        let this = e.id.clone();
                        let checked = {
                            let this = this.clone();
                            move || list.with(|l| l.iter().any(|x| x.id == this && x.non_negotiable))
                        };
                        let who = e.name.clone();
                        view! {
                            <li>
                                <span class="element-name">{e.name.clone()}</span>
                                <span class="check">
                                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = this.clone();
                                            toggle_error.set(store.try_edit_model(|model, _| {
                                                let x = model.draft.elements.iter_mut().find(|x| x.id == id)
                                                    .ok_or("That element is no longer in the charter.")?;
                                                x.non_negotiable = on;
                                                Ok(())
                                            }).err());
                                        }/>
                                    <label for=box_id>"Non-negotiable"<span class="visually-hidden">{format!(": {who}")}</span></label>
                                </span>
                                <ConfirmRemove id=format!("element-{eid}-remove") open=confirming name=e.name.clone()
                                    question=format!("Remove \u{201c}{}\u{201d}?", e.name) verb=Verb::Remove
                                    on_yes=move |()| remove.run(eid.clone())/>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="element-name">"Add an element of the model"</label>
                    <input id="element-name" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("element-error")/>
                </div>
                <p class="check">
                    <input id="element-fixed" type="checkbox" prop:checked=move || fixed.get()
                        on:change=move |ev| fixed.set(event_target_checked(&ev))/>
                    <label for="element-fixed">"Non-negotiable"</label>
                </p>
                <button type="submit">"Add"<span class="visually-hidden">" the element"</span></button>
            </form>
            <FieldError id="element-error" error/>
        </section>
    }
}
