//! The school form shared by "Add a school" and the roster table's inline edit: its fields,
//! the checks on what was typed (blank or mistyped figures; the domain checks the rest) and
//! the draft; and the "Add a school" panel.

use super::focus_later;
use crate::domain::district::{School, SchoolLevel};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Field {
    Name,
    Level,
    Enrollment,
    Reading,
    Math,
    Notes,
}

impl Field {
    pub(super) fn suffix(self) -> &'static str {
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
pub(super) struct FormError {
    pub(super) field: Option<Field>,
    message: String,
}

impl FormError {
    fn at(field: Field, message: impl Into<String>) -> Self {
        FormError {
            field: Some(field),
            message: message.into(),
        }
    }

    pub(super) fn from_domain(message: String) -> Self {
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
pub(super) struct Draft {
    pub(super) name: RwSignal<String>,
    level: RwSignal<String>,
    enrollment: RwSignal<String>,
    reading: RwSignal<String>,
    math: RwSignal<String>,
    notes: RwSignal<String>,
}

impl Draft {
    pub(super) fn new() -> Self {
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

    pub(super) fn fill(&self, s: &School) {
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
    pub(super) fn school(&self, id: Id) -> Result<School, FormError> {
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
pub(super) fn SchoolFields(
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
        <FieldError id=format!("{prefix}-error") error=move || error.get().map(|e| e.message)/>
    }
}

#[component]
pub(super) fn AddSchool() -> impl IntoView {
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
