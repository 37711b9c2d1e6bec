//! `/board/setup`'s import: teachers or the Plus team from a CSV file or from rows pasted
//! from a spreadsheet. A preview comes first, with every error by row; nothing is written
//! while any error remains, and the import can be undone.

use crate::domain::ids::Id;
use crate::domain::plus::people_csv::{apply, preview, preview_bytes, Kind, Preview};
use crate::domain::plus::Board;
use crate::domain::text::plural;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::plus::board_state::edit_board;
use leptos::prelude::*;

#[component]
pub fn ImportPeople(school: Id) -> impl IntoView {
    let store = use_store();
    let school = StoredValue::new(school);
    let kind = RwSignal::new(Kind::Teachers);
    let pasted = RwSignal::new(String::new());
    let shown = RwSignal::new(None::<Preview>);
    let said = RwSignal::new(String::new());
    let undo = RwSignal::new(None::<Board>);
    let board = move || {
        store.doc.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.plus.board(&school.get_value()).cloned())
        })
    };
    let preview_text = move |_| {
        let Some(b) = board() else { return };
        shown.set(Some(preview(
            &pasted.get_untracked(),
            &b,
            kind.get_untracked(),
        )));
        said.set(String::new());
    };
    let from_file = move |ev: web_sys::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_file_bytes(file).await {
                Ok(bytes) => {
                    if let Some(b) = board() {
                        shown.set(Some(preview_bytes(&bytes, &b, kind.get_untracked())));
                        said.set(String::new());
                    }
                }
                Err(e) => said.set(e),
            }
        });
    };
    let import = move |_| {
        let Some(p) = shown.get_untracked() else {
            return;
        };
        let r = edit_board(&store, &school.get_value(), |b| {
            apply(b, &p, || Id::from_random_bytes(browser::random_bytes()))
        });
        match r {
            Ok((message, before)) => {
                undo.set(Some(before));
                shown.set(None);
                pasted.set(String::new());
                said.set(message);
            }
            Err(e) => said.set(e),
        }
    };
    let take_back = move |_| {
        let Some(before) = undo.get_untracked() else {
            return;
        };
        let r = store.try_edit(|d| {
            let b = d
                .plus
                .board_mut(&school.get_value())
                .ok_or("This school has no Plus board.")?;
            *b = before;
            Ok(())
        });
        said.set(match r {
            Ok(()) => "Undone: the import.".into(),
            Err(e) => e,
        });
        undo.set(None);
    };
    view! {
        <section class="panel setup-section import-people" aria-labelledby="import-title">
            <h2 id="import-title">"Import teachers or the Plus team"</h2>
            <p>
                "Copy the rows from a spreadsheet (with its header row) and paste them here, or choose a CSV file. "
                "Teachers need the columns Name, Team and Subject, and may have Coaching focus and Email; the Plus team needs Name and Expertise. "
                "A name already on the board updates that person; a new team is added. You see a preview first, and nothing is saved while any row has an error."
            </p>
            <fieldset>
                <legend>"The rows are"</legend>
                <label class="radio"><input type="radio" name="import-kind" prop:checked=move || kind.get() == Kind::Teachers on:change=move |_| { kind.set(Kind::Teachers); shown.set(None); }/>"Teachers"</label>
                <label class="radio"><input type="radio" name="import-kind" prop:checked=move || kind.get() == Kind::PlusTeam on:change=move |_| { kind.set(Kind::PlusTeam); shown.set(None); }/>"The Plus team"</label>
            </fieldset>
            <div class="field">
                <label for="import-rows">"Paste spreadsheet rows here"</label>
                <textarea id="import-rows" rows="6" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <div class="inline-form">
                <button type="button" class="secondary" on:click=preview_text>"Preview the pasted rows"</button>
                <div class="field">
                    <label for="import-file">"Or a CSV file"</label>
                    <input id="import-file" type="file" accept=".csv,.txt,text/csv,text/plain" on:change=from_file/>
                </div>
            </div>
            {move || shown.get().map(|p| {
                let ok = p.can_apply();
                let n = p.rows.len();
                view! {
                    <div class="import-preview" data-testid="import-preview">
                        <h3>"Preview"</h3>
                        {p.read_as.map(|r| view! { <p class="hint">{r}</p> })}
                        {if p.errors.is_empty() {
                            view! { <p>{p.summary()}</p> }.into_any()
                        } else {
                            view! {
                                <p class="field-error" role="alert">{format!(
                                    "{}: nothing is imported until {} fixed.",
                                    plural(p.errors.len(), "error", "errors"),
                                    if p.errors.len() == 1 { "it is" } else { "they are" }
                                )}</p>
                                <ul class="import-errors">{p.errors.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                            }.into_any()
                        }}
                        {(n > 0).then(|| view! {
                            <div class="table-scroll">
                                <table class="import-rows">
                                    <caption>"Rows to import"</caption>
                                    <thead><tr>
                                        <th scope="col">"Row"</th><th scope="col">"Name"</th>
                                        <th scope="col">{if p.kind == Kind::Teachers { "Team" } else { "Expertise" }}</th>
                                        {(p.kind == Kind::Teachers).then(|| view! { <th scope="col">"Subject"</th><th scope="col">"Coaching focus"</th> })}
                                        {p.rows.iter().any(|r| r.email.is_some()).then(|| view! { <th scope="col">"Email"</th> })}
                                        <th scope="col">"Change"</th>
                                    </tr></thead>
                                    <tbody>
                                        {p.rows.iter().map(|r| {
                                            let teachers = p.kind == Kind::Teachers;
                                            view! {
                                                <tr>
                                                    <td>{r.row}</td><th scope="row">{r.name.clone()}</th>
                                                    <td>{r.team_or_expertise.clone()}{r.new_team.then_some(" (new team)")}</td>
                                                    {teachers.then(|| view! { <td>{r.subject.clone()}</td><td>{r.focus.clone()}</td> })}
                                                    {r.email.clone().map(|e| view! { <td>{e}</td> })}
                                                    <td>{if r.updates { "Update" } else { "Add" }}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        })}
                        <button type="button" class="primary" disabled=!ok on:click=import>
                            {format!("Import {}", plural(n, "row", "rows"))}
                        </button>
                    </div>
                }
            })}
            <p role="status" data-testid="import-said">{move || said.get()}</p>
            {move || undo.with(Option::is_some).then(|| view! {
                <button type="button" class="secondary" on:click=take_back>"Undo the import"</button>
            })}
        </section>
    }
}
