//! The district document: everything Readyboard knows about one district.
//!
//! The whole district is one serde document. Every struct keeps the fields it does not
//! know in `extra`, so data written by a newer build survives a round trip through this
//! one (read-only mode never writes, but an import or a migration must not drop fields).

use super::ids::Id;
use super::phase_in::PhaseIn;
use super::plus::Plus;
use super::readiness::{Readiness, Round};
use super::text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashSet;
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SchoolLevel {
    Elementary,
    Middle,
    High,
}

impl SchoolLevel {
    pub const ALL: [SchoolLevel; 3] = [Self::Elementary, Self::Middle, Self::High];

    pub fn label(self) -> &'static str {
        match self {
            Self::Elementary => "Elementary",
            Self::Middle => "Middle",
            Self::High => "High",
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
        Some(RemovedSchool {
            at,
            school,
            rounds,
            pin,
            plan,
            board,
        })
    }

    /// Put back a removed school and everything that went with it.
    pub fn restore_school(&mut self, removed: RemovedSchool) {
        if self.schools.iter().any(|s| s.id == removed.school.id) {
            return;
        }
        let at = removed.at.min(self.schools.len());
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

    /// Every structural problem in the document. An empty list means it is safe to load.
    /// Storage refuses to adopt a document (stored or imported) that has any.
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
                format!("School \u{201c}{}\u{201d}", s.name)
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
