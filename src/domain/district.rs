//! The district document: everything Readyboard knows about one district.
//!
//! The whole district is one serde document. Every struct keeps the fields it does not
//! know in `extra`, so data written by a newer build survives a round trip through this
//! one (read-only mode never writes, but an import or a migration must not drop fields).

use super::dates;
use super::executive::Executive;
use super::ids::Id;
use super::model::Model;
use super::phase_in::PhaseIn;
use super::plus::Plus;
use super::readiness::{Readiness, Round};
use super::text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Fields this build does not know, kept verbatim.
pub type Extra = Map<String, Value>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub district: District,
    #[serde(default)]
    pub schools: Vec<School>,
    /// The readiness framework and every school's rounds.
    #[serde(default, skip_serializing_if = "Readiness::is_empty")]
    pub readiness: Readiness,
    /// The phase-in planner's scenario, pins and readiness plans.
    #[serde(default, skip_serializing_if = "PhaseIn::is_empty")]
    pub phase_in: PhaseIn,
    /// Plus-teacher boards, one per school that runs the model.
    #[serde(default, skip_serializing_if = "Plus::is_empty")]
    pub plus: Plus,
    /// Executive coaching of principals: tiers, cohorts and engagements.
    #[serde(default, skip_serializing_if = "Executive::is_empty")]
    pub executive: Executive,
    /// The coaching model's charter, its roll-out, and the coaches' development.
    #[serde(default, skip_serializing_if = "Model::is_empty")]
    pub model: Model,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct District {
    pub id: Id,
    pub name: String,
    /// True for the Benson demo, so the UI can say it is a demo.
    #[serde(default)]
    pub is_demo: bool,
    /// ISO 8601 time at which the district was created in this browser.
    #[serde(default)]
    pub created_at: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A school's level, as the district names it. Elementary, Middle and High are the
/// common ones; any other short name a district uses (K-8, K-12, PreK-5, 6-12, Upper
/// School…) is `Other`, spelled as [`SchoolLevel::from_text`] leaves it.
///
/// Stored as a string: `"elementary"`, `"middle"` and `"high"`, exactly as schema 1 has
/// always stored them, and any other level as its text (`"K-8"`). So every stored document
/// reads as before, and one that uses only the three common levels is the same as ever.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchoolLevel {
    Elementary,
    Middle,
    High,
    /// Trimmed, inner spaces single, at most [`MAX_LEVEL_CHARS`] characters, and not one
    /// of the three above (build it with [`SchoolLevel::from_text`]).
    Other(String),
}

/// The longest level name, in characters.
pub const MAX_LEVEL_CHARS: usize = 20;

impl SchoolLevel {
    /// The three common levels, in order.
    pub const ALL: [SchoolLevel; 3] = [Self::Elementary, Self::Middle, Self::High];

    /// Levels to offer when someone types one: the common ones, then the grade spans US
    /// districts use most.
    pub const SUGGESTIONS: [&'static str; 12] = [
        "Elementary",
        "Middle",
        "High",
        "K-5",
        "K-8",
        "K-12",
        "PreK-5",
        "PreK-8",
        "6-8",
        "6-12",
        "7-12",
        "9-12",
    ];

    pub fn label(&self) -> &str {
        match self {
            Self::Elementary => "Elementary",
            Self::Middle => "Middle",
            Self::High => "High",
            Self::Other(name) => name,
        }
    }

    /// A level from what someone typed or a file holds. Case, spaces and punctuation do
    /// not matter for the common names and their usual short forms ("ES", "Junior High",
    /// "high school" …), nor for the suggested grade spans ("k8" is "K-8", "Pre-K-5" is
    /// "PreK-5"); any other name is kept as written, trimmed. `what` starts the error,
    /// such as "The level".
    pub fn from_text(what: &str, raw: &str) -> Result<SchoolLevel, String> {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(format!(
                "{what} can't be empty. Enter one such as Elementary, Middle, High or K-8."
            ));
        }
        let n = text.chars().count();
        if n > MAX_LEVEL_CHARS {
            return Err(format!(
                "{what} is {n} characters long; the limit is {MAX_LEVEL_CHARS}. Use a short \
                 name such as Elementary, Middle, High or K-8."
            ));
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            return Err(format!(
                "{what} has a control character in it (U+{:04X}); use letters, digits and \
                 punctuation only.",
                u32::from(c)
            ));
        }
        // ASCII words in lower case: "Junior-High School" → "junior high school". (ASCII
        // is all the known names use, and it keeps Unicode tables out of the bundle.)
        let words: Vec<String> = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let mut words: &[String] = &words;
        if let [rest @ .., last] = words {
            if last == "school" && !rest.is_empty() {
                words = rest;
            }
        }
        let common = match words.join(" ").as_str() {
            "elementary" | "elem" | "es" | "primary" => Some(Self::Elementary),
            "middle" | "ms" | "junior high" | "intermediate" => Some(Self::Middle),
            "high" | "hs" | "secondary" => Some(Self::High),
            _ => None,
        };
        if let Some(level) = common {
            return Ok(level);
        }
        // The suggested spans match on letters and digits alone.
        let key: String = words.concat();
        let suggested = Self::SUGGESTIONS.iter().find(|s| {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .eq(key.chars())
        });
        Ok(Self::Other(suggested.map_or(text, |s| s.to_string())))
    }

    /// The stored form: the schema-1 names for the three common levels, the text for others.
    fn stored(&self) -> &str {
        match self {
            Self::Elementary => "elementary",
            Self::Middle => "middle",
            Self::High => "high",
            Self::Other(name) => name,
        }
    }

    /// A level as [`SchoolLevel::from_text`] would build it: `Other` never holds a blank,
    /// an over-long name, or one of the three common names.
    fn is_canonical(&self) -> bool {
        match self {
            Self::Other(name) => SchoolLevel::from_text("", name).as_ref() == Ok(self),
            _ => true,
        }
    }
}

impl fmt::Display for SchoolLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for SchoolLevel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.stored())
    }
}

impl<'de> Deserialize<'de> for SchoolLevel {
    /// `"elementary"`, `"middle"` and `"high"` are the three common levels, as schema 1
    /// stored them; any other string is read as [`SchoolLevel::from_text`] reads it, and
    /// refused when that refuses it (a blank or an over-long level).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        match raw.as_str() {
            "elementary" => Ok(Self::Elementary),
            "middle" => Ok(Self::Middle),
            "high" => Ok(Self::High),
            _ => SchoolLevel::from_text("The school level", &raw).map_err(serde::de::Error::custom),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct School {
    pub id: Id,
    pub name: String,
    pub level: SchoolLevel,
    #[serde(default)]
    pub enrollment: u32,
    /// Percent of students proficient in reading, 0–100, if known.
    #[serde(default)]
    pub reading_proficient: Option<f64>,
    /// Percent of students proficient in math, 0–100, if known.
    #[serde(default)]
    pub math_proficient: Option<f64>,
    #[serde(default)]
    pub notes: String,
    /// Set when the school has self-selected out of first-year placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<OptOut>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A school's decision to stay out of first-year coach placement, with its reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OptOut {
    pub reason: String,
    /// YYYY-MM-DD.
    pub date: String,
}

pub const MAX_REASON_CHARS: usize = 500;

impl School {
    /// Mean of the known proficiency figures; `None` when neither is known.
    pub fn proficiency(&self) -> Option<f64> {
        let known: Vec<f64> = [self.reading_proficient, self.math_proficient]
            .into_iter()
            .flatten()
            .collect();
        if known.is_empty() {
            None
        } else {
            Some(known.iter().sum::<f64>() / known.len() as f64)
        }
    }
}

/// A removed school and everything that went with it, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedSchool {
    pub at: usize,
    pub school: School,
    pub rounds: Vec<Round>,
    pub pin: Option<(usize, super::phase_in::Pin)>,
    pub plan: Option<super::phase_in::ReadinessPlan>,
    pub board: Option<(usize, super::plus::Board)>,
    /// The school's executive-coaching engagements, with where each was.
    pub engagements: Vec<super::executive::Removed>,
    /// Its adaptations, staff sessions and coach placements in the coaching model.
    pub model: super::model::SchoolTraces,
}

pub const MAX_ENROLLMENT: u32 = 20_000;

/// Names match when they are equal ignoring case and runs of spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Check a school's fields; the error is a sentence for the person editing it.
fn checked_school(mut school: School) -> Result<School, String> {
    school.name = text::clean_name("The school name", &school.name)?;
    school.level = SchoolLevel::from_text("The level", school.level.label())?;
    if school.enrollment > MAX_ENROLLMENT {
        return Err(format!(
            "Enrollment {} is more than {MAX_ENROLLMENT}; check the figure.",
            school.enrollment
        ));
    }
    for (what, v) in [
        ("Reading proficiency", school.reading_proficient),
        ("Math proficiency", school.math_proficient),
    ] {
        if let Some(v) = v {
            if !(0.0..=100.0).contains(&v) || v.is_nan() {
                return Err(format!("{what} is a percentage from 0 to 100; {v} is not."));
            }
        }
    }
    school.notes = text::clean_note("The notes", &school.notes)?;
    Ok(school)
}

/// A problem that makes a document unfit to keep: the message names the entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError(pub String);

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Document {
    /// Each school's name by its ID: for lists that name hundreds of schools.
    pub fn school_names(&self) -> HashMap<&Id, &str> {
        self.schools
            .iter()
            .map(|s| (&s.id, s.name.as_str()))
            .collect()
    }

    /// An empty district, as "Start my district" creates it.
    pub fn new_district(id: Id, name: &str, created_at: &str) -> Result<Self, String> {
        let name = text::clean_name("The district name", name)?;
        Ok(Document {
            district: District {
                id,
                name,
                is_demo: false,
                created_at: created_at.to_string(),
                extra: Extra::new(),
            },
            schools: Vec::new(),
            readiness: Readiness::default(),
            phase_in: PhaseIn::default(),
            plus: Plus::default(),
            executive: Executive::default(),
            model: Model::default(),
            extra: Extra::new(),
        })
    }

    pub fn rename_district(&mut self, name: &str) -> Result<(), String> {
        self.district.name = text::clean_name("The district name", name)?;
        Ok(())
    }

    pub fn school(&self, id: &Id) -> Option<&School> {
        self.schools.iter().find(|s| &s.id == id)
    }

    /// The Mondays of the school's instructional weeks, from the school calendar on its Plus
    /// board (breaks left out); `None` when the school has no board or its calendar has a
    /// problem.
    pub fn school_weeks(&self, id: &Id) -> Option<Vec<time::Date>> {
        let weeks = self.school_calendar(id)?.instructional_weeks().ok()?;
        Some(weeks.into_iter().map(|w| w.monday).collect())
    }

    /// The school calendar on the school's Plus board, if it has one.
    pub fn school_calendar(&self, id: &Id) -> Option<&super::plus::calendar::Calendar> {
        self.plus
            .boards
            .iter()
            .find(|b| &b.school_id == id)
            .map(|b| &b.calendar)
    }

    fn school_mut(&mut self, id: &Id) -> Result<&mut School, String> {
        self.schools
            .iter_mut()
            .find(|s| &s.id == id)
            .ok_or_else(|| "That school is no longer in the district.".to_string())
    }

    /// Record that a school self-selects out of first-year placement. A reason is required:
    /// the planner and the decision brief show it.
    pub fn opt_out(&mut self, school: &Id, reason: &str, date: &str) -> Result<(), String> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(
                "Give a reason, such as \u{201c}We want more time to prepare.\u{201d}".into(),
            );
        }
        let n = reason.chars().count();
        if n > MAX_REASON_CHARS {
            return Err(format!(
                "The reason is {n} characters long; the limit is {MAX_REASON_CHARS}."
            ));
        }
        let date = super::readiness::round::check_date(date)?;
        self.school_mut(school)?.opt_out = Some(OptOut {
            reason: reason.to_string(),
            date,
        });
        Ok(())
    }

    /// Put a school back into consideration for first-year placement.
    pub fn opt_in(&mut self, school: &Id) -> Result<(), String> {
        self.school_mut(school)?.opt_out = None;
        Ok(())
    }

    /// Add a school to the roster. The fields are checked as `validate` would.
    pub fn add_school(&mut self, school: School) -> Result<(), String> {
        let school = checked_school(school)?;
        if self.schools.iter().any(|s| s.id == school.id) {
            return Err("A school with that ID is already in the district.".into());
        }
        if self
            .schools
            .iter()
            .any(|s| same_name(&s.name, &school.name))
        {
            return Err(format!(
                "There is already a school called \u{201c}{}\u{201d}.",
                school.name
            ));
        }
        self.schools.push(school);
        Ok(())
    }

    /// Replace a school's roster fields (name, level, enrollment, figures, notes). Its
    /// ID, opt-out and unknown fields stay.
    pub fn update_school(&mut self, school: School) -> Result<(), String> {
        let school = checked_school(school)?;
        if self
            .schools
            .iter()
            .any(|s| s.id != school.id && same_name(&s.name, &school.name))
        {
            return Err(format!(
                "There is already a school called \u{201c}{}\u{201d}.",
                school.name
            ));
        }
        let s = self.school_mut(&school.id)?;
        s.name = school.name;
        s.level = school.level;
        s.enrollment = school.enrollment;
        s.reading_proficient = school.reading_proficient;
        s.math_proficient = school.math_proficient;
        s.notes = school.notes;
        Ok(())
    }

    /// Remove a school with everything that belongs to it (its rounds, pin and readiness
    /// plan), and return all of it so the removal can be undone.
    pub fn remove_school(&mut self, id: &Id) -> Option<RemovedSchool> {
        let at = self.schools.iter().position(|s| &s.id == id)?;
        let school = self.schools.remove(at);
        let rounds: Vec<Round> = self
            .readiness
            .rounds
            .iter()
            .filter(|r| &r.school_id == id)
            .cloned()
            .collect();
        self.readiness.rounds.retain(|r| &r.school_id != id);
        let pin = self.phase_in.unpin(id);
        let plan = self
            .phase_in
            .plans
            .iter()
            .position(|p| &p.school_id == id)
            .map(|i| self.phase_in.plans.remove(i));
        let board = self.plus.remove(id);
        let mut engagements = Vec::new();
        while let Some(e) = self
            .executive
            .engagements
            .iter()
            .position(|e| &e.school_id == id)
        {
            engagements.extend(
                self.executive
                    .remove(&self.executive.engagements[e].id.clone()),
            );
        }
        let model = self.model.remove_school(id);
        Some(RemovedSchool {
            at,
            school,
            rounds,
            pin,
            plan,
            board,
            engagements,
            model,
        })
    }

    /// Put back a removed school and everything that went with it.
    pub fn restore_school(&mut self, removed: RemovedSchool) {
        if self.schools.iter().any(|s| s.id == removed.school.id) {
            return;
        }
        let at = removed.at.min(self.schools.len());
        self.model.restore_school(&removed.school.id, removed.model);
        self.schools.insert(at, removed.school);
        self.readiness.rounds.extend(removed.rounds);
        if let Some((i, pin)) = removed.pin {
            self.phase_in.restore_pin(i, pin);
        }
        if let Some(plan) = removed.plan {
            self.phase_in.plans.push(plan);
        }
        if let Some((i, board)) = removed.board {
            self.plus.restore(i, board);
        }
        for e in removed.engagements.into_iter().rev() {
            self.executive.restore(e);
        }
    }

    /// The schools with a Plus board, in the boards' order: (school ID, school name).
    pub fn plus_schools(&self) -> Vec<(Id, String)> {
        self.plus
            .boards
            .iter()
            .map(|b| {
                let name = self
                    .schools
                    .iter()
                    .find(|s| s.id == b.school_id)
                    .map_or_else(|| b.school_id.to_string(), |s| s.name.clone());
                (b.school_id.clone(), name)
            })
            .collect()
    }

    /// The `n` schools with the lowest mean proficiency, lowest first. Schools with no
    /// figures are left out; ties are broken by name so the order is stable.
    pub fn lowest_performing(&self, n: usize) -> Vec<&School> {
        let mut known: Vec<(&School, f64)> = self
            .schools
            .iter()
            .filter_map(|s| s.proficiency().map(|p| (s, p)))
            .collect();
        known.sort_by(|(a, pa), (b, pb)| pa.total_cmp(pb).then_with(|| a.name.cmp(&b.name)));
        known.into_iter().take(n).map(|(s, _)| s).collect()
    }

    /// Every date in the document outside the range Readyboard works with
    /// ([`dates::EARLIEST`] to [`dates::LATEST`]), in words. Checked on every way a date
    /// enters the document: the forms refuse one, and a backup with one is not restored. A
    /// stored district is not refused for one (it was valid when it was saved, and no date
    /// arithmetic can panic), so it is not part of [`validate`](Self::validate).
    pub fn date_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, s) in self.schools.iter().enumerate() {
            if let Some(o) = &s.opt_out {
                let label = if s.name.trim().is_empty() {
                    format!("School {}", i + 1)
                } else {
                    format!("School {}", text::quote_short(&s.name))
                };
                if let Some(p) = dates::problem(&format!("{label}: the opt-out date"), &o.date) {
                    out.push(p);
                }
            }
        }
        for r in &self.readiness.rounds {
            let what = format!("Round {}: the date", text::quote_short(&r.label));
            if let Some(p) = dates::problem(&what, &r.date) {
                out.push(p);
            }
        }
        for plan in &self.phase_in.plans {
            out.extend(plan.date_problems());
        }
        for b in &self.plus.boards {
            out.extend(b.calendar.date_problems());
        }
        out
    }

    /// Every structural problem in the document. An empty list means it is safe to load.
    /// Storage refuses to adopt a document (stored or imported) that has any. The range of
    /// dates is checked where dates enter, by [`date_problems`](Self::date_problems).
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut problems = Vec::new();
        let mut push = |s: String| problems.push(ValidationError(s));
        if self.district.id.is_empty() {
            push("The district has no ID.".into());
        }
        if let Err(e) = text::clean_name("The district name", &self.district.name) {
            push(e);
        }
        let mut seen = HashSet::new();
        for (i, s) in self.schools.iter().enumerate() {
            let label = if s.name.trim().is_empty() {
                format!("School {}", i + 1)
            } else {
                format!("School {}", text::quote_short(&s.name))
            };
            if s.id.is_empty() {
                push(format!("{label} has no ID."));
            } else if !seen.insert(&s.id) {
                push(format!(
                    "{label} has the same ID as another school ({}).",
                    s.id
                ));
            }
            if let Err(e) = text::clean_name(&format!("{label}: the name"), &s.name) {
                push(e);
            }
            if !s.level.is_canonical() {
                push(format!(
                    "{label}: the level {} is blank, longer than {MAX_LEVEL_CHARS} characters, \
                     or not written the way this app writes levels.",
                    text::quote_short(s.level.label())
                ));
            }
            for (what, v) in [
                ("reading proficiency", s.reading_proficient),
                ("math proficiency", s.math_proficient),
            ] {
                if let Some(v) = v {
                    if !(0.0..=100.0).contains(&v) || v.is_nan() {
                        push(format!(
                            "{label}: {what} is {v}; it must be between 0 and 100."
                        ));
                    }
                }
            }
            if let Err(e) = text::clean_note(&format!("{label}: the notes"), &s.notes) {
                push(e);
            }
        }
        for p in self.readiness.problems() {
            push(p);
        }
        for p in self.phase_in.problems(|id| seen.contains(id)) {
            push(p);
        }
        for p in self.plus.problems(|id| seen.contains(id)) {
            push(p);
        }
        for p in self.executive.problems(&self.schools) {
            push(p);
        }
        let ids: Vec<Id> = self.schools.iter().map(|s| s.id.clone()).collect();
        for p in self.model.problems(&ids) {
            push(p);
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(id: &str, name: &str, r: Option<f64>, m: Option<f64>) -> School {
        School {
            id: Id::fixed(id),
            name: name.into(),
            level: SchoolLevel::Elementary,
            enrollment: 300,
            reading_proficient: r,
            math_proficient: m,
            notes: String::new(),
            opt_out: None,
            extra: Extra::new(),
        }
    }

    fn doc(schools: Vec<School>) -> Document {
        let mut d = Document::new_district(Id::fixed("d"), "Test District", "2026-01-01").unwrap();
        d.schools = schools;
        d
    }

    #[test]
    fn a_new_district_needs_a_name() {
        assert!(Document::new_district(Id::fixed("d"), "  ", "t").is_err());
        let d = Document::new_district(Id::fixed("d"), " Lakeside ", "t").unwrap();
        assert_eq!(d.district.name, "Lakeside");
        assert!(d.schools.is_empty());
        assert!(!d.district.is_demo);
    }

    #[test]
    fn school_levels_are_stored_as_schema_1_stored_them() {
        for (level, json) in [
            (SchoolLevel::Elementary, "\"elementary\""),
            (SchoolLevel::Middle, "\"middle\""),
            (SchoolLevel::High, "\"high\""),
            (SchoolLevel::Other("K-8".into()), "\"K-8\""),
            (
                SchoolLevel::Other("Upper School".into()),
                "\"Upper School\"",
            ),
        ] {
            assert_eq!(serde_json::to_string(&level).unwrap(), json);
            assert_eq!(serde_json::from_str::<SchoolLevel>(json).unwrap(), level);
        }
        // Read leniently, the way the form and the import read them.
        assert_eq!(
            serde_json::from_str::<SchoolLevel>("\" k8 \"").unwrap(),
            SchoolLevel::Other("K-8".into())
        );
        for bad in [
            "\"\"",
            "\"   \"",
            "\"Elementary Middle and High\"",
            "3",
            "null",
        ] {
            assert!(serde_json::from_str::<SchoolLevel>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn any_short_level_is_accepted_and_known_ones_are_spelled_one_way() {
        let level = |raw: &str| SchoolLevel::from_text("The level", raw);
        for (raw, want) in [
            ("Elementary", SchoolLevel::Elementary),
            (" elementary school ", SchoolLevel::Elementary),
            ("MS", SchoolLevel::Middle),
            ("Junior-High", SchoolLevel::Middle),
            ("High School", SchoolLevel::High),
        ] {
            assert_eq!(level(raw), Ok(want), "{raw}");
        }
        for (raw, want) in [
            ("K-8", "K-8"),
            ("k8", "K-8"),
            ("K\u{2013}8", "K-8"),
            ("K-8 School", "K-8"),
            ("K-12", "K-12"),
            ("Pre-K-5", "PreK-5"),
            ("prek 5", "PreK-5"),
            ("6-12", "6-12"),
            ("  Upper   School ", "Upper School"),
            ("\u{c9}cole primaire", "\u{c9}cole primaire"),
            ("School", "School"),
        ] {
            assert_eq!(level(raw), Ok(SchoolLevel::Other(want.into())), "{raw}");
            assert_eq!(level(raw).unwrap().label(), want);
        }
        assert_eq!(
            level("  "),
            Err(
                "The level can't be empty. Enter one such as Elementary, Middle, High or K-8."
                    .into()
            )
        );
        assert_eq!(
            level(&"x".repeat(MAX_LEVEL_CHARS + 1)),
            Err(
                "The level is 21 characters long; the limit is 20. Use a short name such as \
                 Elementary, Middle, High or K-8."
                    .into()
            )
        );
        assert!(level(&"é".repeat(MAX_LEVEL_CHARS)).is_ok());
        assert!(level("K-8\0").is_err());
        for s in SchoolLevel::SUGGESTIONS {
            assert_eq!(level(s).unwrap().label(), s);
        }
    }

    #[test]
    fn a_school_with_a_level_no_form_could_make_is_refused() {
        let mut d = doc(vec![school("1", "Birch", None, None)]);
        assert!(d.validate().is_empty());
        d.schools[0].level = SchoolLevel::Other("K-8".into());
        assert!(d.validate().is_empty());
        for bad in ["", "Elementary", " K-8"] {
            d.schools[0].level = SchoolLevel::Other(bad.into());
            assert_eq!(d.validate().len(), 1, "{bad:?}");
        }
        let mut s = school("2", "Cedar", None, None);
        s.level = SchoolLevel::Other("k-8".into());
        d.add_school(s).unwrap();
        assert_eq!(d.schools[1].level, SchoolLevel::Other("K-8".into()));
    }

    #[test]
    fn the_schema_1_fixture_reads_as_before() {
        let text = include_str!("../../tests/fixtures/schema-v1.json");
        let envelope: Value = serde_json::from_str(text).unwrap();
        let d: Document = serde_json::from_value(envelope["document"].clone()).unwrap();
        let levels: Vec<&SchoolLevel> = d.schools.iter().map(|s| &s.level).collect();
        assert_eq!(
            levels,
            [
                &SchoolLevel::Elementary,
                &SchoolLevel::Middle,
                &SchoolLevel::High
            ]
        );
        let back = serde_json::to_value(&d).unwrap();
        assert_eq!(back["schools"], envelope["document"]["schools"]);
    }

    #[test]
    fn renaming_refuses_a_blank_name_and_keeps_the_old_one() {
        let mut d = doc(vec![]);
        assert!(d.rename_district("").is_err());
        assert_eq!(d.district.name, "Test District");
        d.rename_district("Renamed").unwrap();
        assert_eq!(d.district.name, "Renamed");
    }

    #[test]
    fn proficiency_averages_the_known_figures() {
        assert_eq!(
            school("a", "A", Some(40.0), Some(60.0)).proficiency(),
            Some(50.0)
        );
        assert_eq!(school("a", "A", None, Some(30.0)).proficiency(), Some(30.0));
        assert_eq!(school("a", "A", None, None).proficiency(), None);
    }

    #[test]
    fn lowest_performing_sorts_by_proficiency_then_name_and_skips_unknowns() {
        let d = doc(vec![
            school("1", "Birch", Some(20.0), Some(20.0)),
            school("2", "Aspen", Some(20.0), Some(20.0)),
            school("3", "Cedar", Some(80.0), Some(70.0)),
            school("4", "Dogwood", None, None),
            school("5", "Elm", Some(10.0), None),
        ]);
        let names: Vec<&str> = d
            .lowest_performing(3)
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Elm", "Aspen", "Birch"]);
        assert_eq!(d.lowest_performing(10).len(), 4);
    }

    #[test]
    fn validation_finds_duplicate_ids_bad_percentages_and_blank_names() {
        let d = doc(vec![
            school("1", "Birch", Some(120.0), None),
            school("1", "Aspen", None, Some(-1.0)),
            school("2", " ", None, None),
        ]);
        let problems: Vec<String> = d.validate().into_iter().map(|p| p.0).collect();
        assert!(
            problems.iter().any(|p| p.contains("same ID")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("reading proficiency is 120")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("math proficiency is -1")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("School 3: the name can't be empty")),
            "{problems:?}"
        );
        assert!(doc(vec![school("1", "Birch", Some(50.0), None)])
            .validate()
            .is_empty());
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{
            "district": {"id": "d", "name": "D", "isDemo": false, "createdAt": "t", "motto": "Learn"},
            "schools": [{"id": "s", "name": "S", "level": "high", "enrollment": 10,
                         "readingProficient": null, "mathProficient": 12.5, "notes": "",
                         "futureField": [1, 2]}],
            "rounds": {"s": []}
        }"#;
        let d: Document = serde_json::from_str(json).unwrap();
        assert_eq!(d.extra.get("rounds"), Some(&serde_json::json!({"s": []})));
        assert_eq!(
            d.district.extra.get("motto"),
            Some(&serde_json::json!("Learn"))
        );
        let back: Value = serde_json::to_value(&d).unwrap();
        let orig: Value = serde_json::from_str(json).unwrap();
        assert_eq!(back, orig);
    }
}
