//! The roster's import from a CSV file: the file is read and checked, its preview (every
//! problem by row number, or what each row adds or updates) is shown, and nothing is
//! written until the person confirms.

use super::{focus_later, percent_text, LIMIT};
use crate::domain::phase_in::encoding::Encoding;
use crate::domain::phase_in::roster_csv::{self, Action, Preview, PreviewRow};
use crate::domain::text::plural;
use crate::domain::text::quote_short;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::store::Store;
use leptos::prelude::*;

/// A checked file, waiting for the person to confirm.
#[derive(Clone, PartialEq)]
struct Pending {
    file: String,
    preview: Preview,
}

fn action_label(a: &Action) -> &'static str {
    match a {
        Action::Add => "Add",
        Action::Update { .. } => "Update",
        Action::Unchanged { .. } => "Unchanged",
    }
}

/// For a row that adds a school, its figures; for an update, what changes.
fn row_details(r: &PreviewRow) -> String {
    match r.action {
        Action::Add => {
            let f = &r.fields;
            let mut parts = Vec::new();
            if let Some(l) = &f.level {
                parts.push(l.label().to_string());
            }
            parts.push(format!(
                "{} students",
                f.enrollment.map_or("0".to_string(), |n| n.to_string())
            ));
            parts.push(format!("reading {}", percent_text(f.reading_proficient)));
            parts.push(format!("math {}", percent_text(f.math_proficient)));
            if f.notes.is_some() {
                parts.push("with notes".into());
            }
            parts.join(" \u{b7} ")
        }
        Action::Update { .. } => r.changes.join("; "),
        Action::Unchanged { .. } => "No changes".into(),
    }
}

#[component]
pub(super) fn Import() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Pending>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let show_all = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        pending.set(None);
        problem.set(None);
        show_all.set(false);
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            match browser::read_file_bytes(file).await {
                Err(e) => {
                    problem.set(Some(format!(
                        "\u{201c}{file_name}\u{201d} can\u{2019}t be read. {e} Nothing was imported."
                    )));
                }
                Ok(bytes) => {
                    // The domain works out the encoding (UTF-8, UTF-16, Windows-1252).
                    let preview = store.doc.with_untracked(|d| {
                        d.as_ref()
                            .map(|d| roster_csv::preview_bytes(&bytes, &d.schools))
                    });
                    // A file that would not fit in this browser's storage is refused before
                    // its preview, with the figures, rather than failing at the save.
                    let no_room = preview
                        .as_ref()
                        .filter(|p| p.errors.is_empty())
                        .and_then(|p| {
                            let mut after = store.doc.with_untracked(Clone::clone)?;
                            roster_csv::apply(p, &mut after, || {
                                Id::from_random_bytes(browser::random_bytes())
                            })
                            .ok()?;
                            store.room_for(&after).err()
                        });
                    if let Some(e) = no_room {
                        problem.set(Some(format!(
                            "\u{201c}{file_name}\u{201d} can\u{2019}t be imported. {e}"
                        )));
                        return;
                    }
                    match preview {
                        Some(preview) => {
                            pending.set(Some(Pending {
                                file: file_name,
                                preview,
                            }));
                            focus_later(vec!["import-preview-title".into()]);
                        }
                        None => problem.set(Some("There is no district to import into.".into())),
                    }
                }
            }
        });
    };
    let template = move |_| {
        if let Err(e) =
            browser::download("roster-template.csv", "text/csv", &roster_csv::template())
        {
            problem.set(Some(e));
        }
    };
    let import = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let mut summary = None;
        let result = store.try_edit(|d| {
            roster_csv::apply(&p.preview, d, || {
                Id::from_random_bytes(browser::random_bytes())
            })
            .map(|s| summary = Some(s))
        });
        pending.set(None);
        match (result, summary) {
            (Ok(()), Some(s)) => {
                let mut line = format!(
                    "Imported: {} added, {} updated, {} unchanged.",
                    s.added, s.updated, s.unchanged
                );
                if s.untouched > 0 {
                    line.push_str(&format!(
                        " {}.",
                        plural(
                            s.untouched,
                            "school not in the file was left as it was",
                            "schools not in the file were left as they were"
                        )
                    ));
                }
                done.set(Some(line));
                focus_later(vec!["import-done".into()]);
            }
            (Err(e), _) => {
                problem.set(Some(e));
                focus_later(vec!["import-title".into()]);
            }
            (Ok(()), None) => {}
        }
    };
    let cancel = move |_| {
        pending.set(None);
        focus_later(vec!["roster-file".into()]);
    };
    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title" tabindex="-1">"Import a roster from a CSV file"</h2>
            <p>
                "Save the roster from your spreadsheet as CSV (any of Excel\u{2019}s CSV formats, or Unicode Text). It needs a header row with the columns "
                <strong>"Name"</strong>" and "<strong>"Level"</strong>
                " (such as Elementary, Middle, High or K-8); "<strong>"Enrollment"</strong>", "
                <strong>"Reading % proficient"</strong>", "<strong>"Math % proficient"</strong>" and "
                <strong>"Notes"</strong>" are optional. Other columns are ignored."
            </p>
            <p>
                "A row whose name matches a school already here updates it; a blank cell leaves that figure as it is. "
                "Any other row adds a school. Schools the file does not mention are left as they are. "
                "You see what will change before anything is written."
            </p>
            <div class="import-controls">
                <div class="field">
                    <label for="roster-file">"Roster file (.csv or .txt)"</label>
                    <input id="roster-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values" on:change=on_file/>
                </div>
                <button type="button" class="secondary" on:click=template>"Download a CSV template"</button>
            </div>
            <FieldError error=problem/>
            <div role="status">
                {move || done.get().map(|d| view! { <p id="import-done" class="ok" tabindex="-1">{d}</p> })}
            </div>
            {move || pending.get().map(|p| preview_view(store, p, show_all, import, cancel))}
        </section>
    }
}

fn preview_view(
    store: Store,
    p: Pending,
    show_all: RwSignal<bool>,
    import: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
) -> AnyView {
    let Pending { file, preview } = p;
    let encoding = preview.encoding.map(|e| {
        let check = (e == Encoding::Windows1252).then_some(
            " If accented letters look wrong below, save the file as CSV UTF-8 and choose it again.",
        );
        view! { <p class="small" data-testid="import-encoding">{e.describe()}{check}</p> }
    });
    let ignored = (!preview.ignored_columns.is_empty()).then(|| {
        let list = preview
            .ignored_columns
            .iter()
            .map(|c| quote_short(c))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="small ignored">{format!("Ignored {}: {list}.", if preview.ignored_columns.len() == 1 { "column" } else { "columns" })}</p> }
    });
    if !preview.is_ok() {
        let n = preview.errors.len();
        return view! {
            <div class="import-preview" role="group" aria-labelledby="import-preview-title">
                <h3 id="import-preview-title" tabindex="-1">{format!("\u{201c}{file}\u{201d} can\u{2019}t be imported")}</h3>
                {encoding}
                <div class="error-summary" role="alert">
                    <p><strong>{format!("The file has {}:", plural(n, "problem", "problems"))}</strong></p>
                    <ul>
                        {preview.errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                    </ul>
                    <p>"Nothing was imported. Fix these rows in your spreadsheet and choose the file again."</p>
                </div>
                {ignored}
                <div class="actions">
                    <button type="button" class="secondary" on:click=cancel>"Close"</button>
                </div>
            </div>
        }
        .into_any();
    }
    let c = preview.counts();
    let in_file = c.added + c.updated + c.unchanged;
    let changing = c.added + c.updated;
    let untouched = match c.untouched {
        0 => String::new(),
        n => format!(
            " {}.",
            plural(
                n,
                "school not in the file is left as it is",
                "schools not in the file are left as they are"
            )
        ),
    };
    let summary = format!(
        "The file lists {}: {} to add, {} to update, {} unchanged.{untouched}",
        plural(in_file, "school", "schools"),
        c.added,
        c.updated,
        c.unchanged
    );
    let rows = preview.rows;
    let n_rows = rows.len();
    let rows_view = move || {
        let take = if show_all.get() { n_rows } else { LIMIT };
        rows.iter()
            .take(take)
            .map(|r| {
                let action = action_label(&r.action);
                // An update shows the school's name as the roster has it, and the file's
                // spelling when it differs.
                let current = match &r.action {
                    Action::Update { school_id } | Action::Unchanged { school_id } => store
                        .doc
                        .with_untracked(|d| d.as_ref().and_then(|d| d.school(school_id)).map(|s| s.name.clone())),
                    Action::Add => None,
                };
                let (name, file_name) = match current {
                    Some(n) if n != r.fields.name => (
                        n,
                        Some(view! { <span class="small">{format!("\u{201c}{}\u{201d} in the file", r.fields.name)}</span> }),
                    ),
                    Some(n) => (n, None),
                    None => (r.fields.name.clone(), None),
                };
                view! {
                    <tr class=format!("import-{}", action.to_lowercase())>
                        <td class="num">{r.row.to_string()}</td>
                        <td>{action}</td>
                        <th scope="row">{name}{file_name}</th>
                        <td>{row_details(r)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="import-preview" role="group" aria-labelledby="import-preview-title">
            <h3 id="import-preview-title" tabindex="-1">{format!("Check \u{201c}{file}\u{201d} before importing")}</h3>
            {encoding}
            <p data-testid="import-counts">{summary}</p>
            {ignored}
            <ScrollTable label="Import preview table">
                <table aria-labelledby="import-preview-title" class="data compact">
                    <thead><tr>
                        <th scope="col" class="num">"Row"</th>
                        <th scope="col">"Action"</th>
                        <th scope="col">"School"</th>
                        <th scope="col">"Details"</th>
                    </tr></thead>
                    <tbody>{rows_view}</tbody>
                </table>
            </ScrollTable>
            {move || (!show_all.get() && n_rows > LIMIT).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {n_rows} rows")}</button>
            })}
            {(changing == 0).then(|| view! { <p>"Nothing to import: every school in the file already matches the roster."</p> })}
            <div class="actions">
                {(changing > 0).then(|| view! {
                    <button type="button" class="primary" on:click=import>{format!("Import {}", plural(changing, "school", "schools"))}</button>
                })}
                <button type="button" class="secondary" on:click=cancel>{if changing > 0 { "Cancel" } else { "Close" }}</button>
            </div>
        </div>
    }
    .into_any()
}
