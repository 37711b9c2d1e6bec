//! The set-up's Plus team: the Plus teachers (up to 12) and their expertise, with add, edit
//! and remove (with undo).

use super::{new_id, EditRemove, SetupCtx};
use crate::domain::ids::Id;
use crate::domain::plus::board::MAX_MEMBERS;
use crate::ui::kit::field_error::FieldError;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[component]
pub(super) fn Members() -> impl IntoView {
    let ctx = expect_context::<SetupCtx>();
    let rows = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.members
                    .iter()
                    .map(|m| (m.id.clone(), m.name.clone(), m.expertise.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let name = RwSignal::new(String::new());
    let expertise = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The Plus teacher being edited in the form, or `None` to add one.
    let editing = RwSignal::new(None::<Id>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, e) = (name.get_untracked(), expertise.get_untracked());
        let target = editing.get_untracked();
        let r = ctx.edit(
            move |b| match target {
                Some(id) => {
                    b.update_member(&id, &n, &e)?;
                    Ok(format!("Saved {}.", n.trim()))
                }
                None => {
                    b.add_member(new_id(), &n, &e)?;
                    Ok(format!("Added {} to the Plus team.", n.trim()))
                }
            },
            None,
        );
        match r {
            Ok(()) => {
                editing.set(None);
                name.set(String::new());
                expertise.set(String::new());
                error.set(None);
                browser::focus_id("member-name");
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel setup-section" aria-labelledby="members-title">
            <h2 id="members-title">{move || format!("Plus team ({} of {MAX_MEMBERS})", rows.with(Vec::len))}</h2>
            <div class="table-wrap">
                <table class="data compact">
                    <caption class="visually-hidden">"Plus teachers and their expertise"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Expertise"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() children=move |(id, n, e)| {
                                let label = n.clone();
                            let (id2, n2, e2) = (id.clone(), n.clone(), e.clone());
                            view! {
                                <tr>
                                    <th scope="row">{n}</th>
                                    <td>{e}</td>
                                    <EditRemove label=label.clone()
                                        edit=Callback::new(move |_| {
                                            editing.set(Some(id2.clone()));
                                            name.set(n2.clone());
                                            expertise.set(e2.clone());
                                            browser::focus_id("member-name");
                                        })
                                        remove=Callback::new(move |_| {
                                            let (id, label) = (id.clone(), label.clone());
                                            let _ = ctx.edit(move |b| {
                                                let cells = b.remove_member(&id).ok_or("That Plus teacher is no longer on the board.")?;
                                                Ok(format!("Removed {label} and their {cells} days on the board."))
                                            }, Some("the removal"));
                                        })/>
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
            <form class="inline-form" on:submit=add novalidate>
                <div class="field">
                    <label for="member-name">"Name"</label>
                    <input id="member-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="member-expertise">"Expertise (a subject, such as Math)"</label>
                    <input id="member-expertise" type="text" autocomplete="off" prop:value=move || expertise.get() on:input=move |ev| expertise.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">{move || if editing.with(Option::is_some) { "Save changes" } else { "Add a Plus teacher" }}</button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" class="secondary" on:click=move |_| {
                        editing.set(None);
                        name.set(String::new());
                        expertise.set(String::new());
                    }>"Cancel"</button>
                </Show>
            </form>
            <FieldError error/>
        </section>
    }
}
