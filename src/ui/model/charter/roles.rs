//! The roles and responsibilities matrix, and what coaching is and is not.

use super::super::{draft_list, edit_draft, new_id, removal, Removal};
use crate::domain::district::Extra;
use crate::domain::model::charter::MAX_LINE_CHARS;
use crate::domain::model::{Part, Responsibility, Role, Statement};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Roles() -> impl IntoView {
    let store = use_store();
    let rows = draft_list(store, |c| &c.roles);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let cell_error = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(store, |m| &mut m.draft.roles, "role-undo", "roles-title");
    let confirming = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = Responsibility {
            id: new_id(),
            text: text.get_untracked(),
            parts: [None; 4],
            extra: Extra::new(),
        };
        match edit_draft(store, |c| c.put_responsibility(r)) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
                browser::focus_id("role-text");
            }
            Err(e) => {
                error.set(Some(e));
                browser::focus_id("role-text");
            }
        }
    };
    // Whether the list is empty: what is drawn around it changes only with this.
    let no_rows = Memo::new(move |_| rows.with(Vec::is_empty));
    view! {
        <section class="panel" aria-labelledby="roles-title">
            <h2 id="roles-title" tabindex="-1">"Roles and responsibilities"</h2>
            <p class="hint">"For each responsibility, who leads it, who supports it, who is consulted and who is informed."</p>
            {move || removed.get().map(|(_, r)| view! {
                <UndoNotice id="role-undo" on_undo=undo message=format!("\u{201c}{}\u{201d} removed from the matrix.", r.text)/>
            })}
            <FieldError error=cell_error/>
            {move || if no_rows.get() {
                view! { <p>"No responsibilities yet."</p> }.into_any()
            } else {
                view! {
                    <ScrollTable label="Roles and responsibilities table">
                        <table class="data roles-matrix">
                            <caption class="visually-hidden">"Roles and responsibilities"</caption>
                            <thead><tr>
                                <th scope="col">"Responsibility"</th>
                                {Role::ALL.into_iter().map(|r| view! { <th scope="col">{r.label()}</th> }).collect_view()}
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                // Keyed without the cells: a cell changed keeps its row (and the focus on its select).
                                <For each=move || rows.get() key=|r| (r.id.clone(), r.text.clone()) let:r>
                                    {
                                        let rid = r.id.to_string();
                                        let name = r.text.clone();
                                        view! {
                                            <tr>
                                                <th scope="row">{r.text.clone()}</th>
                                                {Role::ALL.into_iter().map(|role| {
                                                    let row = r.id.clone();
                                                    let this = r.id.clone();
                                                    let current = Memo::new(move |_| rows.with(|v| {
                                                        v.iter().find(|x| x.id == this).and_then(|x| x.part(role)).map_or("", Part::key)
                                                    }));
                                                    view! {
                                                        <td data-label=role.short()>
                                                            <select aria-label=format!("{}: {}", r.text, role.label()) prop:value=move || current.get()
                                                                on:change=move |ev| {
                                                                    let p = Part::from_key(&event_target_value(&ev));
                                                                    let refused = edit_draft(store, |c| c.set_part(&row, role, p)).err();
                                                                    if refused.is_some() {
                                                                        // The cell shows what the draft holds, not the refused choice.
                                                                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(current.get_untracked());
                                                                    }
                                                                    cell_error.set(refused);
                                                                }>
                                                                <option value="" selected={current.get_untracked().is_empty()}>"\u{2014}"</option>
                                                                {Part::ALL.into_iter().map(|p| view! {
                                                                    <option value=p.key() selected={current.get_untracked() == p.key()}>{p.label()}</option>
                                                                }).collect_view()}
                                                            </select>
                                                        </td>
                                                    }
                                                }).collect_view()}
                                                <td class="row-actions">
                                                    <ConfirmRemove id=format!("role-{rid}-remove") open=confirming name=name.clone()
                                                        question=format!("Remove \u{201c}{name}\u{201d} from the matrix?")
                                                        verb=Verb::Remove on_yes=move |()| remove.run(rid.clone())/>
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
            <form class="inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="role-text">"Add a responsibility"</label>
                    <input id="role-text" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("role-error")/>
                </div>
                <button type="submit">"Add"<span class="visually-hidden">" the responsibility"</span></button>
            </form>
            <FieldError id="role-error" error/>
        </section>
    }
}

#[component]
pub(super) fn Statements() -> impl IntoView {
    let store = use_store();
    let list = draft_list(store, |c| &c.statements);
    let text = RwSignal::new(String::new());
    let is = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let Removal {
        removed,
        remove,
        undo,
    } = removal(
        store,
        |m| &mut m.draft.statements,
        "statement-undo",
        "statements-title",
    );
    let confirming = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = Statement {
            id: new_id(),
            text: text.get_untracked(),
            is: is.get_untracked(),
            extra: Extra::new(),
        };
        match edit_draft(store, |c| c.put_statement(s)) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
        browser::focus_id("statement-text");
    };
    let column = move |yes: bool| {
        let of_kind = move || {
            list.get()
                .into_iter()
                .filter(|s| s.is == yes)
                .collect::<Vec<Statement>>()
        };
        view! {
            <div>
                <h3>{if yes { "Coaching is" } else { "Coaching is not" }}</h3>
                <ul class="plain statements">
                    <For each=of_kind key=|s| (s.id.clone(), s.text.clone()) let:s>
                        {
                            let sid = s.id.to_string();
                            let name = s.text.clone();
                            view! {
                                <li>
                                    <span>{s.text.clone()}</span>" "
                                    <ConfirmRemove id=format!("statement-{sid}-remove") open=confirming name=name.clone()
                                        question=format!("Remove \u{201c}{name}\u{201d}?") verb=Verb::Remove
                                        on_yes=move |()| remove.run(sid.clone())/>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="statements-title">
            <h2 id="statements-title" tabindex="-1">"What coaching is and is not"</h2>
            <p class="hint">"Without this, teachers may misread the coach\u{2019}s role: a coach is a partner, not an evaluator."</p>
            {move || removed.get().map(|(_, s)| view! {
                <UndoNotice id="statement-undo" on_undo=undo message=format!("\u{201c}{}\u{201d} removed.", s.text)/>
            })}
            <div class="two-col">{column(true)}{column(false)}</div>
            <form on:submit=add novalidate aria-labelledby="statement-form-title">
                <h3 id="statement-form-title">"Add a statement"</h3>
                <fieldset class="choices">
                    <legend>"It says what coaching"</legend>
                    <label><input type="radio" name="statement-is" prop:checked=move || is.get() on:change=move |_| is.set(true)/>" is"</label>
                    <label><input type="radio" name="statement-is" prop:checked=move || !is.get() on:change=move |_| is.set(false)/>" is not"</label>
                </fieldset>
                <div class="field">
                    <label for="statement-text">"Statement"</label>
                    <input id="statement-text" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS.to_string()
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("statement-error")/>
                </div>
                <FieldError id="statement-error" error/>
                <button type="submit">"Add"<span class="visually-hidden">" the statement"</span></button>
            </form>
        </section>
    }
}
