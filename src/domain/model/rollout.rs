//! Bringing the model to the schools (seed 001): the dedicated sessions that build a shared
//! understanding, first with coaches and school administrators, then with each school's
//! staff; and each campus's adaptations of the model, within what the district allows.

use super::charter::{clean_line, Charter, Item};
use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::clean_note;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

impl Item for Session {
    fn id(&self) -> &Id {
        &self.id
    }
}
impl Item for Adaptation {
    fn id(&self) -> &Id {
        &self.id
    }
}

/// Who a session is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "school")]
pub enum Audience {
    /// Coaches and school administrators, district-wide.
    Leaders,
    /// One school's staff.
    Staff(Id),
}

impl Audience {
    pub fn school(&self) -> Option<&Id> {
        match self {
            Audience::Staff(s) => Some(s),
            Audience::Leaders => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Planned,
    Held,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::Held => "Held",
        }
    }
}

/// A dedicated session about the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: Id,
    pub audience: Audience,
    /// YYYY-MM-DD.
    pub date: String,
    pub status: Status,
    /// How many attended (a held session); how many are expected (a planned one).
    #[serde(default)]
    pub attendance: u32,
    #[serde(default)]
    pub notes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The most people a session counts.
pub const MAX_ATTENDANCE: u32 = 10_000;

/// The session form's fields, so a refusal puts focus on the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionField {
    Audience,
    Date,
    Attendance,
    Notes,
}

/// Check a session before it is kept. `schools` is the roster's IDs.
pub fn checked_session(s: Session, schools: &[Id]) -> Result<Session, (SessionField, String)> {
    if let Audience::Staff(id) = &s.audience {
        if !schools.contains(id) {
            return Err((
                SessionField::Audience,
                "Choose a school from the roster.".into(),
            ));
        }
    }
    if s.date.trim().is_empty() {
        return Err((SessionField::Date, "Give the session\u{2019}s date.".into()));
    }
    let date = dates::check(&s.date).map_err(|e| (SessionField::Date, e))?;
    if s.attendance > MAX_ATTENDANCE {
        return Err((
            SessionField::Attendance,
            format!("Attendance is at most {MAX_ATTENDANCE}."),
        ));
    }
    if s.status == Status::Held && s.attendance == 0 {
        return Err((
            SessionField::Attendance,
            "A held session needs its attendance: how many came.".into(),
        ));
    }
    let notes = clean_note("The notes", &s.notes).map_err(|e| (SessionField::Notes, e))?;
    Ok(Session { date, notes, ..s })
}

/// What a campus adapts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    Schedule,
    Focus,
    Approach,
}

impl Aspect {
    pub const ALL: [Aspect; 3] = [Aspect::Schedule, Aspect::Focus, Aspect::Approach];

    pub fn label(self) -> &'static str {
        match self {
            Aspect::Schedule => "Schedule",
            Aspect::Focus => "Focus",
            Aspect::Approach => "Approach",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Aspect::Schedule => "schedule",
            Aspect::Focus => "focus",
            Aspect::Approach => "approach",
        }
    }

    pub fn from_key(k: &str) -> Option<Aspect> {
        Aspect::ALL.into_iter().find(|a| a.key() == k)
    }
}

/// The champion's approval of an adaptation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    /// YYYY-MM-DD.
    pub on: String,
    #[serde(default)]
    pub by: String,
}

/// A campus's adaptation of the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Adaptation {
    pub id: Id,
    pub school: Id,
    pub aspect: Aspect,
    /// The element of the model it adapts (an ID in the charter's elements).
    pub element: Id,
    /// What the school does differently.
    pub what: String,
    pub why: String,
    /// YYYY-MM-DD.
    pub recorded_on: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The adaptation form's fields, so a refusal puts focus on the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdaptationField {
    School,
    Element,
    What,
    Why,
}

/// Check an adaptation before it is kept. An adaptation of a non-negotiable element may be
/// recorded (a school says what it would need), but is flagged and cannot be approved.
pub fn checked_adaptation(
    a: Adaptation,
    charter: &Charter,
    schools: &[Id],
) -> Result<Adaptation, (AdaptationField, String)> {
    if !schools.contains(&a.school) {
        return Err((AdaptationField::School, "Choose the school.".into()));
    }
    if charter.element(&a.element).is_none() {
        return Err((
            AdaptationField::Element,
            "Choose the element of the model it adapts.".into(),
        ));
    }
    let what =
        clean_line("What the school adapts", &a.what).map_err(|e| (AdaptationField::What, e))?;
    let why = clean_note("Why", &a.why).map_err(|e| (AdaptationField::Why, e))?;
    if why.is_empty() {
        return Err((
            AdaptationField::Why,
            "Say why the school adapts it: the campus\u{2019}s need.".into(),
        ));
    }
    Ok(Adaptation { what, why, ..a })
}

/// True when the adaptation touches an element the district marks non-negotiable (or one
/// no longer in the charter).
pub fn touches_non_negotiable(a: &Adaptation, charter: &Charter) -> bool {
    charter.element(&a.element).is_none_or(|e| e.non_negotiable)
}

/// Approve an adaptation. Refused when it touches a non-negotiable element.
pub fn approve(a: &mut Adaptation, charter: &Charter, on: &str, by: &str) -> Result<(), String> {
    match charter.element(&a.element) {
        None => return Err("The element it adapts is no longer in the charter.".into()),
        Some(e) if e.non_negotiable => {
            return Err(format!(
                "\u{201c}{}\u{201d} is non-negotiable: campuses can\u{2019}t adapt it, so this adaptation can\u{2019}t be approved.",
                e.name
            ))
        }
        Some(_) => {}
    }
    let on = dates::check(on)?;
    a.approved = Some(Approval {
        on,
        by: by.trim().to_string(),
    });
    Ok(())
}

/// A school's staff sessions: held, and planned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StaffSessions {
    pub held: usize,
    pub planned: usize,
    pub last_held: Option<String>,
}

/// Each school's staff sessions, in one pass over the sessions (hundreds of schools each
/// look theirs up).
pub fn staff_sessions(sessions: &[Session]) -> HashMap<&Id, StaffSessions> {
    let mut out: HashMap<&Id, StaffSessions> = HashMap::new();
    for s in sessions {
        let Some(school) = s.audience.school() else {
            continue;
        };
        let out = out.entry(school).or_default();
        match s.status {
            Status::Held => {
                out.held += 1;
                if out.last_held.as_deref().is_none_or(|d| d < s.date.as_str()) {
                    out.last_held = Some(s.date.clone());
                }
            }
            Status::Planned => out.planned += 1,
        }
    }
    out
}
