//! `/phase-in/roster`: the district's school roster. A table of schools with add, edit and
//! remove (with undo), and an import from a CSV file that shows a preview, with every
//! problem by row number, before anything is written (`domain::phase_in::roster_csv`).

use crate::domain::district::{RemovedSchool, School, SchoolLevel};
use crate::domain::phase_in::encoding::Encoding;
use crate::domain::phase_in::roster_csv::{self, Action, Preview, PreviewRow};
use crate::domain::text::quote_short;
use crate::domain::Id;
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::{Phase, Store};
use leptos::prelude::*;
use leptos_meta::Title;
use std::time::Duration;

/// Rows shown before "Show all": keeps the page quick at 500 schools.
const LIMIT: usize = 50;

/// Notes longer than this are folded into a disclosure in the table.
const SHORT_NOTE_CHARS: usize = 80;

#[component]
pub fn PhaseInRosterPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="School roster \u{b7} Readyboard"/>
        <Crumbs trail=vec![("Phase-in plan".into(), "/phase-in".into()), ("School roster".into(), "/phase-in/roster".into())]/>
        <h1>"School roster"</h1>
        <p class="lead">
            "The schools the phase-in plan works with: their level, enrollment and student results. "
            "Add or correct schools one at a time, or import the roster your district keeps in a spreadsheet."
        </p>
        <p class="jump-links">
            <a href="#add-title">"Add a school"</a>" \u{b7} "
            <a href="#import-title">"Import a roster from a CSV file"</a>
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <Roster/>
                <AddSchool/>
                <Import/>
            }.into_any(),
        }}
    }
}

/// Move focus to the first of `ids` that is on the page, once the view has caught up with
/// the change that was just made.
fn focus_later(ids: Vec<String>) {
    set_timeout(
        move || {
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(id) = ids.iter().find(|id| {
                doc.as_ref()
                    .is_some_and(|d| d.get_element_by_id(id).is_some())
            }) {
                browser::focus_id(id);
            }
        },
        Duration::ZERO,
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn percent_text(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".to_string(), |v| format!("{v}%"))
}

// ---------------------------------------------------------------------------------------
// The form shared by "Add a school" and the inline edit
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Name,
    Level,
    Enrollment,
    Reading,
    Math,
    Notes,
}

impl Field {
    fn suffix(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Level => "level",
            Field::Enrollment => "enrollment",
            Field::Reading => "reading",
            Field::Math => "math",
            Field::Notes => "notes",
        }
    }

    /// The field a message from `Document::add_school` / `update_school` is about.
    fn of_message(msg: &str) -> Option<Field> {
        if msg.starts_with("The school name") || msg.starts_with("There is already a school") {
            Some(Field::Name)
        } else if msg.starts_with("The level") {
            Some(Field::Level)
        } else if msg.starts_with("Enrollment") {
            Some(Field::Enrollment)
        } else if msg.starts_with("Reading") {
            Some(Field::Reading)
        } else if msg.starts_with("Math") {
            Some(Field::Math)
        } else if msg.starts_with("The notes") {
            Some(Field::Notes)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct FormError {
    field: Option<Field>,
    message: String,
}

impl FormError {
    fn at(field: Field, message: impl Into<String>) -> Self {
        FormError {
            field: Some(field),
            message: message.into(),
        }
    }

    fn from_domain(message: String) -> Self {
        FormError {
            field: Field::of_message(&message),
            message,
        }
    }
}

fn parse_enrollment(raw: &str) -> Result<u32, FormError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(FormError::at(
            Field::Enrollment,
            "Enter the enrollment: a whole number, like 412.",
        ));
    }
    // Allow "1,212" and "1 212" as people write them.
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FormError::at(
            Field::Enrollment,
            "Enrollment is a whole number, like 412.",
        ));
    }
    digits.parse::<u32>().map_err(|_| {
        FormError::at(
            Field::Enrollment,
            format!(
                "Enrollment {t} is more than {}; check the figure.",
                crate::domain::district::MAX_ENROLLMENT
            ),
        )
    })
}

fn parse_percent(field: Field, what: &str, raw: &str) -> Result<Option<f64>, FormError> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    // 45,5 is how many locales write 45.5.
    let t = if !t.contains('.') && t.matches(',').count() == 1 {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    let plain = !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && t.parse::<f64>().is_ok_and(f64::is_finite);
    if !plain {
        return Err(FormError::at(
            field,
            format!(
                "{what} is a number from 0 to 100, like 45 or 45.5. Leave it blank if it is not known."
            ),
        ));
    }
    let v: f64 = t.parse().unwrap_or(f64::NAN);
    if !(0.0..=100.0).contains(&v) {
        return Err(FormError::at(
            field,
            format!("{what} is a percentage from 0 to 100; {t} is not."),
        ));
    }
    Ok(Some(v))
}

/// The text of the form's fields, as typed.
#[derive(Clone, Copy)]
struct Draft {
    name: RwSignal<String>,
    level: RwSignal<String>,
    enrollment: RwSignal<String>,
    reading: RwSignal<String>,
    math: RwSignal<String>,
    notes: RwSignal<String>,
}

impl Draft {
    fn new() -> Self {
        Draft {
            name: RwSignal::new(String::new()),
            level: RwSignal::new(String::new()),
            enrollment: RwSignal::new(String::new()),
            reading: RwSignal::new(String::new()),
            math: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
        }
    }

    fn clear(&self) {
        for s in [
            self.name,
            self.level,
            self.enrollment,
            self.reading,
            self.math,
            self.notes,
        ] {
            s.set(String::new());
        }
    }

    fn fill(&self, s: &School) {
        self.name.set(s.name.clone());
        self.level.set(s.level.label().to_string());
        self.enrollment.set(s.enrollment.to_string());
        self.reading.set(
            s.reading_proficient
                .map(|v| v.to_string())
                .unwrap_or_default(),
        );
        self.math
            .set(s.math_proficient.map(|v| v.to_string()).unwrap_or_default());
        self.notes.set(s.notes.clone());
    }

    /// The school the form describes, checked for what the domain can't tell from a
    /// number (blank or mistyped figures). The domain checks the rest.
    fn school(&self, id: Id) -> Result<School, FormError> {
        let name = self.name.get_untracked();
        if name.trim().is_empty() {
            return Err(FormError::at(
                Field::Name,
                "Enter the school\u{2019}s name, such as \u{201c}Ash Grove Elementary\u{201d}.",
            ));
        }
        let level_raw = self.level.get_untracked();
        if level_raw.trim().is_empty() {
            return Err(FormError::at(
                Field::Level,
                "Enter the school\u{2019}s level, such as Elementary, Middle, High or K-8.",
            ));
        }
        let level = SchoolLevel::from_text("The level", &level_raw)
            .map_err(|e| FormError::at(Field::Level, e))?;
        let enrollment = parse_enrollment(&self.enrollment.get_untracked())?;
        let reading = parse_percent(
            Field::Reading,
            "Reading % proficient",
            &self.reading.get_untracked(),
        )?;
        let math = parse_percent(Field::Math, "Math % proficient", &self.math.get_untracked())?;
        Ok(School {
            id,
            name,
            level,
            enrollment,
            reading_proficient: reading,
            math_proficient: math,
            notes: self.notes.get_untracked(),
            opt_out: None,
            extra: Default::default(),
        })
    }
}

/// The school's fields. Ids are `{prefix}-name` and so on; the error message is
/// `{prefix}-error`, and the field it is about is marked invalid and described by it.
#[component]
fn SchoolFields(
    prefix: &'static str,
    draft: Draft,
    error: RwSignal<Option<FormError>>,
) -> impl IntoView {
    let id = move |f: Field| format!("{prefix}-{}", f.suffix());
    let invalid = move |f: Field| {
        move || {
            error
                .with(|e| e.as_ref().is_some_and(|e| e.field == Some(f)))
                .then_some("true")
        }
    };
    let described = move |f: Field, hint: Option<&'static str>| {
        move || {
            let mut ids: Vec<String> = hint.map(|h| format!("{prefix}-{h}")).into_iter().collect();
            if error.with(|e| e.as_ref().is_some_and(|e| e.field == Some(f))) {
                ids.push(format!("{prefix}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let text_input = move |f: Field,
                           label: &'static str,
                           signal: RwSignal<String>,
                           mode: &'static str,
                           hint: Option<&'static str>,
                           class: &'static str| {
        view! {
            <div class=format!("field {class}")>
                <label for=id(f)>{label}</label>
                <input id=id(f) type="text" inputmode=mode autocomplete="off"
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))
                    aria-invalid=invalid(f)
                    aria-describedby=described(f, hint)/>
            </div>
        }
    };
    view! {
        <div class="school-fields">
            {text_input(Field::Name, "School name", draft.name, "text", None, "wide")}
            // Any short name the district uses; the list only suggests. (The hint sits
            // above the input, so the inputs of the row stay level.)
            <div class="field">
                <label for=id(Field::Level)>"Level"</label>
                <p id=format!("{prefix}-level-hint") class="small hint">"Any short name, like K-8."</p>
                <input id=id(Field::Level) type="text" autocomplete="off"
                    list=format!("{prefix}-level-options")
                    prop:value=move || draft.level.get()
                    on:input=move |ev| draft.level.set(event_target_value(&ev))
                    aria-invalid=invalid(Field::Level)
                    aria-describedby=described(Field::Level, Some("level-hint"))/>
                <datalist id=format!("{prefix}-level-options")>
                    {SchoolLevel::SUGGESTIONS.into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
                </datalist>
            </div>
            {text_input(Field::Enrollment, "Enrollment", draft.enrollment, "numeric", None, "")}
            {text_input(Field::Reading, "Reading % proficient", draft.reading, "decimal", Some("pct-hint"), "")}
            {text_input(Field::Math, "Math % proficient", draft.math, "decimal", Some("pct-hint"), "")}
            <p id=format!("{prefix}-pct-hint") class="small hint">"Percentages are optional: leave one blank if it is not known. Decimals are fine, like 45.5."</p>
            <div class="field full">
                <label for=id(Field::Notes)>"Notes (optional)"</label>
                <textarea id=id(Field::Notes) rows="2"
                    prop:value=move || draft.notes.get()
                    on:input=move |ev| draft.notes.set(event_target_value(&ev))
                    aria-invalid=invalid(Field::Notes)
                    aria-describedby=described(Field::Notes, None)></textarea>
            </div>
        </div>
        {move || error.get().map(|e| view! { <p id=format!("{prefix}-error") class="field-error" role="alert">{e.message}</p> })}
    }
}

// ---------------------------------------------------------------------------------------
// The roster table
// ---------------------------------------------------------------------------------------

/// The roster's shared state.
#[derive(Clone, Copy)]
struct RosterCtx {
    store: Store,
    editing: RwSignal<Option<Id>>,
    confirming: RwSignal<Option<Id>>,
    draft: Draft,
    edit_error: RwSignal<Option<FormError>>,
    undo: RwSignal<Option<RemovedSchool>>,
    notice: RwSignal<Option<String>>,
}

#[component]
fn Roster() -> impl IntoView {
    let store = use_store();
    let ctx = RosterCtx {
        store,
        editing: RwSignal::new(None),
        confirming: RwSignal::new(None),
        draft: Draft::new(),
        edit_error: RwSignal::new(None),
        undo: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    let query = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let sorted = Memo::new(move |_| {
        store.doc.with(|d| {
            let mut v = d.as_ref().map(|d| d.schools.clone()).unwrap_or_default();
            v.sort_by_cached_key(|s| s.name.to_lowercase());
            v
        })
    });
    let total = move || sorted.with(Vec::len);
    let matching = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        sorted.with(|all| {
            if q.is_empty() {
                all.clone()
            } else {
                all.iter()
                    .filter(|s| s.name.to_lowercase().contains(&q))
                    .cloned()
                    .collect()
            }
        })
    });
    let n_matching = move || matching.with(Vec::len);
    let shown = move || {
        matching.with(|m| {
            if show_all.get() {
                m.clone()
            } else {
                m.iter().take(LIMIT).cloned().collect::<Vec<_>>()
            }
        })
    };
    let restore = move |_| {
        let Some(removed) = ctx.undo.get_untracked() else {
            return;
        };
        let id = removed.school.id.clone();
        let name = removed.school.name.clone();
        ctx.store.edit(|d| d.restore_school(removed));
        ctx.undo.set(None);
        ctx.notice
            .set(Some(format!("Restored \u{201c}{name}\u{201d}.")));
        focus_later(vec![format!("edit-btn-{id}"), "roster-title".into()]);
    };
    view! {
        <section aria-labelledby="roster-title">
            <h2 id="roster-title" tabindex="-1">"Schools"</h2>
            {move || {
                let n = total();
                (n > 0).then(|| view! {
                    <div class="field search">
                        <label for="roster-search">"Find a school"</label>
                        <input id="roster-search" type="search" autocomplete="off"
                            prop:value=move || query.get()
                            on:input=move |ev| { query.set(event_target_value(&ev)); show_all.set(false); }/>
                    </div>
                })
            }}
            <div role="status" class="roster-status">
                {move || ctx.undo.get().map(|r| view! {
                    <div class="undo">
                        <p>{format!("Removed \u{201c}{}\u{201d}.", r.school.name)}</p>
                        <button id="roster-undo" type="button" on:click=restore>"Undo"</button>
                    </div>
                })}
                {move || ctx.notice.get().map(|n| view! { <p class="ok">{n}</p> })}
            </div>
            {move || {
                let n = total();
                let m = n_matching();
                if n == 0 {
                    view! { <p>"No schools yet. Add one below, or import your roster from a CSV file."</p> }.into_any()
                } else if m == 0 {
                    view! { <p>"No school matches that search."</p> }.into_any()
                } else {
                    let showing = if show_all.get() { m } else { m.min(LIMIT) };
                    let line = if showing < m {
                        format!("Showing {showing} of {m} schools.")
                    } else if m < n {
                        format!("{} match the search, of {n}.", plural(m, "school", "schools"))
                    } else {
                        format!("{} in the district.", plural(n, "school", "schools"))
                    };
                    view! { <p class="small roster-count">{line}</p> }.into_any()
                }
            }}
            <Show when=move || { n_matching() > 0 }>
                <ScrollTable label="Roster table">
                    <table aria-labelledby="roster-title" class="data roster">
                        <thead><tr>
                            <th scope="col">"School"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col" class="num">"Enrollment"</th>
                            <th scope="col" class="num">"Reading % proficient"</th>
                            <th scope="col" class="num">"Math % proficient"</th>
                            <th scope="col">"Notes"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {move || {
                                ctx.editing.track();
                                ctx.confirming.track();
                                shown().into_iter().map(|s| school_row(s, ctx)).collect_view()
                            }}
                        </tbody>
                    </table>
                </ScrollTable>
            </Show>
            {move || {
                let m = n_matching();
                (!show_all.get() && m > LIMIT).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {m}")}</button>
                })
            }}
        </section>
    }
}

/// What removing a school takes with it, in words.
fn goes_with(store: Store, id: &Id) -> String {
    store.doc.with_untracked(|d| {
        let Some(d) = d else { return String::new() };
        let rounds = d
            .readiness
            .rounds
            .iter()
            .filter(|r| &r.school_id == id)
            .count();
        let mut parts = Vec::new();
        if rounds > 0 {
            parts.push(format!(
                "its {}",
                plural(rounds, "readiness round", "readiness rounds")
            ));
        }
        if d.phase_in.pin(id).is_some() {
            parts.push("its pin in the phase-in plan".to_string());
        }
        if d.phase_in.plans.iter().any(|p| &p.school_id == id) {
            parts.push("its readiness plan".to_string());
        }
        match parts.len() {
            0 => "It has no readiness rounds, pin or readiness plan.".to_string(),
            1 => format!("This also removes {}.", parts[0]),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("This also removes {} and {last}.", parts.join(", "))
            }
        }
    })
}

fn notes_view(notes: String) -> AnyView {
    if notes.chars().count() <= SHORT_NOTE_CHARS {
        view! { <span class="notes">{notes}</span> }.into_any()
    } else {
        let short: String = notes.chars().take(SHORT_NOTE_CHARS - 20).collect();
        view! {
            <details class="notes">
                <summary>{format!("{}\u{2026}", short.trim_end())}<span class="visually-hidden">" (show all the notes)"</span></summary>
                <p>{notes}</p>
            </details>
        }
        .into_any()
    }
}

fn school_row(s: School, ctx: RosterCtx) -> AnyView {
    let id = s.id.clone();
    let editing = ctx.editing.with_untracked(|e| e.as_ref() == Some(&id));
    if editing {
        return edit_row(s, ctx);
    }
    let confirming = ctx.confirming.with_untracked(|c| c.as_ref() == Some(&id));
    let href = format!("/readiness/{id}");
    let edit_id = id.clone();
    let school_for_edit = s.clone();
    let remove_id = id.clone();
    let name = s.name.clone();
    let start_edit = move |_| {
        ctx.draft.fill(&school_for_edit);
        ctx.edit_error.set(None);
        ctx.confirming.set(None);
        ctx.notice.set(None);
        ctx.editing.set(Some(edit_id.clone()));
        focus_later(vec!["edit-name".into()]);
    };
    let ask_remove = move |_| {
        ctx.notice.set(None);
        ctx.confirming.set(Some(remove_id.clone()));
        focus_later(vec!["remove-message".into()]);
    };
    let row = view! {
        <tr class:confirming=confirming>
            <th scope="row"><a href=href>{s.name.clone()}</a></th>
            <td>{s.level.label().to_string()}</td>
            <td class="num">{s.enrollment.to_string()}</td>
            <td class="num">{percent_text(s.reading_proficient)}</td>
            <td class="num">{percent_text(s.math_proficient)}</td>
            <td class="notes-cell">{notes_view(s.notes.clone())}</td>
            <td class="row-actions">
                <button id=format!("edit-btn-{id}") type="button" class="secondary" on:click=start_edit>
                    "Edit"<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
                <button id=format!("remove-btn-{id}") type="button" class="secondary" on:click=ask_remove>
                    "Remove\u{2026}"<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </td>
        </tr>
    };
    if !confirming {
        return row.into_any();
    }
    let consequence = goes_with(ctx.store, &id);
    let remove_id = id.clone();
    let keep_id = id.clone();
    let remove = move |_| {
        let mut removed = None;
        ctx.store.edit(|d| removed = d.remove_school(&remove_id));
        ctx.confirming.set(None);
        ctx.notice.set(None);
        ctx.undo.set(removed);
        focus_later(vec!["roster-undo".into(), "roster-title".into()]);
    };
    let keep = move |_| {
        ctx.confirming.set(None);
        focus_later(vec![format!("remove-btn-{keep_id}")]);
    };
    view! {
        {row}
        <tr class="confirm-row">
            <td colspan="7">
                <div class="confirm" role="group" aria-labelledby="remove-message">
                    <p id="remove-message" tabindex="-1">
                        <strong>{format!("Remove \u{201c}{}\u{201d} from the district? ", s.name)}</strong>
                        {consequence}
                    </p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=remove>"Yes, remove it"</button>
                        <button type="button" class="secondary" on:click=keep>"Keep it"</button>
                    </div>
                </div>
            </td>
        </tr>
    }
    .into_any()
}

fn edit_row(s: School, ctx: RosterCtx) -> AnyView {
    let id = s.id.clone();
    let save_id = id.clone();
    let cancel_id = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = ctx.draft.school(save_id.clone()).and_then(|school| {
            ctx.store
                .try_edit(|d| d.update_school(school))
                .map_err(FormError::from_domain)
        });
        match result {
            Ok(()) => {
                let name = ctx.draft.name.get_untracked();
                ctx.edit_error.set(None);
                ctx.editing.set(None);
                ctx.notice
                    .set(Some(format!("Saved \u{201c}{}\u{201d}.", name.trim())));
                focus_later(vec![format!("edit-btn-{save_id}"), "roster-title".into()]);
            }
            Err(e) => {
                let target = format!("edit-{}", e.field.unwrap_or(Field::Name).suffix());
                ctx.edit_error.set(Some(e));
                focus_later(vec![target]);
            }
        }
    };
    let cancel = move |_| {
        ctx.edit_error.set(None);
        ctx.editing.set(None);
        focus_later(vec![format!("edit-btn-{cancel_id}")]);
    };
    view! {
        <tr class="edit-row">
            <td colspan="7">
                <form class="school-form" on:submit=save novalidate aria-labelledby="edit-title">
                    <p id="edit-title" class="form-title">{format!("Edit \u{201c}{}\u{201d}", s.name)}</p>
                    <SchoolFields prefix="edit" draft=ctx.draft error=ctx.edit_error/>
                    <div class="actions">
                        <button type="submit" class="primary">"Save changes"</button>
                        <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            </td>
        </tr>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// Add a school
// ---------------------------------------------------------------------------------------

#[component]
fn AddSchool() -> impl IntoView {
    let store = use_store();
    let draft = Draft::new();
    let error = RwSignal::new(None::<FormError>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        added.set(None);
        let id = Id::from_random_bytes(browser::random_bytes());
        let result = draft.school(id).and_then(|school| {
            store
                .try_edit(|d| d.add_school(school))
                .map_err(FormError::from_domain)
        });
        match result {
            Ok(()) => {
                let name = draft.name.get_untracked();
                error.set(None);
                draft.clear();
                added.set(Some(format!(
                    "Added \u{201c}{}\u{201d} to the roster.",
                    name.trim()
                )));
                focus_later(vec!["add-name".into()]);
            }
            Err(e) => {
                let target = format!("add-{}", e.field.unwrap_or(Field::Name).suffix());
                error.set(Some(e));
                focus_later(vec![target]);
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-title">
            <h2 id="add-title" tabindex="-1">"Add a school"</h2>
            <form class="school-form" on:submit=submit novalidate>
                <SchoolFields prefix="add" draft=draft error=error/>
                <div class="actions">
                    <button type="submit" class="primary">"Add the school"</button>
                </div>
            </form>
            <p role="status" class="ok add-status">{move || added.get()}</p>
        </section>
    }
}

// ---------------------------------------------------------------------------------------
// Import from CSV
// ---------------------------------------------------------------------------------------

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
fn Import() -> impl IntoView {
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
                        " {} not in the file {} left as {}.",
                        plural(s.untouched, "school", "schools"),
                        if s.untouched == 1 { "was" } else { "were" },
                        if s.untouched == 1 {
                            "it was"
                        } else {
                            "they were"
                        },
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
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
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
        1 => " 1 school not in the file is left as it is.".to_string(),
        n => format!(" {n} schools not in the file are left as they are."),
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
