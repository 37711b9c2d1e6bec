//! The coaching model and the coaches' own development (seeds 001 and 002): a versioned
//! charter (`charter`, `versions`), the sessions that bring it to the schools and each
//! campus's adaptations (`rollout`), and the coaches with their mentors, shadowing days,
//! meetings and professional learning (`coaches`), tied to the phase-in plan (`staffing`).
//!
//! Everything is in [`Model`], stored in `Document::model`. Storage keeps the published
//! versions as one part, the coaches' development as another, and the rest as a third, so
//! an edit of the draft never rewrites every version.

pub mod charter;
pub mod coaches;
pub mod demo;
pub mod rollout;
pub mod staffing;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub mod versions;

pub use charter::{
    Charter, Element, Goal, GoalKind, Outcome, Part, Responsibility, Role, Section, Stakeholder,
    Statement,
};
pub use coaches::{CheckIn, Coach, DevFlag, DevSettings, Learning, Meeting, ShadowDay};
pub use rollout::{Adaptation, Aspect, Audience, Session, Status};
pub use versions::{Change, Version};

use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::clean_note;
use serde::{Deserialize, Serialize};

/// The coaching model in one district.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// The charter being written; publishing copies it into `versions`.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub draft: Charter,
    /// Every published version, oldest first. Never edited: only [`Model::publish`] adds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
    /// Sessions that build a shared understanding of the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adaptations: Vec<Adaptation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coaches: Vec<Coach>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shadowing: Vec<ShadowDay>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learning: Vec<Learning>,
    #[serde(default, skip_serializing_if = "DevSettings::is_default")]
    pub settings: DevSettings,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_blank(c: &Charter) -> bool {
    *c == Charter::default()
}

/// The longest note a publication keeps.
pub const MAX_PUBLISH_NOTE_CHARS: usize = 1000;

impl Model {
    pub fn is_empty(&self) -> bool {
        *self == Model::default()
    }

    /// The latest published version.
    pub fn published(&self) -> Option<&Version> {
        self.versions.last()
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// What the draft changes from the latest version (every section, before the first).
    pub fn unpublished(&self) -> Vec<Change> {
        versions::changes(
            self.published().map_or(&Charter::default(), |v| &v.charter),
            &self.draft,
        )
    }

    /// What version `number` changed from the one before it.
    pub fn changes_in(&self, number: u32) -> Vec<Change> {
        let Some(i) = self.versions.iter().position(|v| v.number == number) else {
            return Vec::new();
        };
        let before = if i == 0 {
            Charter::default()
        } else {
            self.versions[i - 1].charter.clone()
        };
        versions::changes(&before, &self.versions[i].charter)
    }

    /// Publish the draft as the next version, on `on` (YYYY-MM-DD), with a note. Refused
    /// when the charter misses a piece or nothing changed since the latest version.
    pub fn publish(&mut self, on: &str, note: &str) -> Result<u32, String> {
        if let Some((_, m)) = self.draft.missing().into_iter().next() {
            return Err(format!("Not published yet: {m}"));
        }
        if let Some(v) = self.published() {
            if v.charter == self.draft {
                return Err(format!(
                    "Nothing has changed since version {} was published.",
                    v.number
                ));
            }
        }
        let on = dates::check(on)?;
        let note = clean_note("The note", note)?;
        if note.chars().count() > MAX_PUBLISH_NOTE_CHARS {
            return Err(format!(
                "The note is at most {MAX_PUBLISH_NOTE_CHARS} characters."
            ));
        }
        let number = self.published().map_or(1, |v| v.number + 1);
        self.versions.push(Version {
            number,
            published_on: on,
            note,
            charter: self.draft.clone(),
            extra: Extra::new(),
        });
        Ok(number)
    }

    /// Start the draft again from the latest version (discard unpublished edits).
    pub fn discard_draft(&mut self) -> Option<Charter> {
        let v = self.published()?.charter.clone();
        Some(std::mem::replace(&mut self.draft, v))
    }

    /// The charter campuses work to: the latest version, or the draft before any is published.
    pub fn in_force(&self) -> &Charter {
        self.published().map_or(&self.draft, |v| &v.charter)
    }

    pub fn coach(&self, id: &Id) -> Option<&Coach> {
        self.coaches.iter().find(|c| &c.id == id)
    }

    pub fn coach_name(&self, id: &Id) -> String {
        self.coach(id)
            .map_or_else(|| "A removed coach".to_string(), |c| c.name.clone())
    }

    pub fn records(&self) -> coaches::Records<'_> {
        coaches::Records {
            coaches: &self.coaches,
            check_ins: &self.check_ins,
            shadowing: &self.shadowing,
            learning: &self.learning,
            settings: &self.settings,
        }
    }

    /// Remove a coach and everything that is theirs alone (check-ins, shadowing days as the
    /// novice, learning); [`Model::restore_coach`] puts it all back. Meetings keep their
    /// attendance lists without them; shadowing days they hosted stay.
    pub fn remove_coach(&mut self, id: &Id) -> Option<RemovedCoach> {
        let (at, coach) = charter::take(&mut self.coaches, id)?;
        // Each record with where it was, so the undo puts it back exactly there.
        fn split<T>(v: &mut Vec<T>, gone: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
            let mut out = Vec::new();
            for (i, x) in std::mem::take(v).into_iter().enumerate() {
                if gone(&x) {
                    out.push((i, x));
                } else {
                    v.push(x);
                }
            }
            out
        }
        let check_ins = split(&mut self.check_ins, |c| c.coach == *id);
        let shadowing = split(&mut self.shadowing, |d| d.coach == *id);
        let learning = split(&mut self.learning, |l| l.coach == *id);
        let mut meetings = Vec::new();
        for m in &mut self.meetings {
            if let Some(i) = m.attended.iter().position(|a| a == id) {
                m.attended.remove(i);
                meetings.push((m.id.clone(), i));
            }
        }
        Some(RemovedCoach {
            at,
            coach,
            check_ins,
            shadowing,
            learning,
            meetings,
        })
    }

    pub fn restore_coach(&mut self, r: RemovedCoach) {
        let id = r.coach.id.clone();
        charter::put_back(&mut self.coaches, r.at, r.coach);
        // In the order they were taken (ascending places), each back where it was.
        for (at, x) in r.check_ins {
            charter::put_back(&mut self.check_ins, at, x);
        }
        for (at, x) in r.shadowing {
            charter::put_back(&mut self.shadowing, at, x);
        }
        for (at, x) in r.learning {
            charter::put_back(&mut self.learning, at, x);
        }
        for (m, i) in r.meetings {
            if let Some(m) = self.meetings.iter_mut().find(|x| x.id == m) {
                if !m.attended.contains(&id) {
                    m.attended.insert(i.min(m.attended.len()), id.clone());
                }
            }
        }
    }

    /// Problems with stored data, in sentences (for `Document::validate`).
    pub fn problems(&self, schools: &[Id]) -> Vec<String> {
        let mut out = Vec::new();
        let mut numbers = std::collections::HashSet::new();
        for v in &self.versions {
            if !numbers.insert(v.number) {
                out.push(format!(
                    "The coaching-model charter has two versions numbered {}.",
                    v.number
                ));
            }
            if let Some(p) = dates::problem(
                &format!("Charter version {}'s date", v.number),
                &v.published_on,
            ) {
                out.push(p);
            }
        }
        let ids = |v: Vec<&Id>, what: &str, out: &mut Vec<String>| {
            let mut seen = std::collections::HashSet::new();
            for id in v {
                if !seen.insert(id) {
                    out.push(format!(
                        "Two {what} in the coaching model share the ID {id}."
                    ));
                }
            }
        };
        ids(
            self.coaches.iter().map(|c| &c.id).collect(),
            "coaches",
            &mut out,
        );
        ids(
            self.sessions.iter().map(|c| &c.id).collect(),
            "sessions",
            &mut out,
        );
        ids(
            self.adaptations.iter().map(|c| &c.id).collect(),
            "adaptations",
            &mut out,
        );
        ids(
            self.check_ins.iter().map(|c| &c.id).collect(),
            "check-ins",
            &mut out,
        );
        ids(
            self.shadowing.iter().map(|c| &c.id).collect(),
            "shadowing days",
            &mut out,
        );
        ids(
            self.meetings.iter().map(|c| &c.id).collect(),
            "meetings",
            &mut out,
        );
        ids(
            self.learning.iter().map(|c| &c.id).collect(),
            "pieces of learning",
            &mut out,
        );
        for c in &self.coaches {
            if let Some(p) = dates::problem(&format!("{}'s start date", c.name), &c.started) {
                out.push(p);
            }
        }
        for a in &self.adaptations {
            if !schools.contains(&a.school) {
                out.push(
                    "A campus adaptation names a school that is not in the roster.".to_string(),
                );
            }
        }
        out
    }
}

/// What a removed school took out of the coaching model, for the undo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchoolTraces {
    pub adaptations: Vec<(usize, Adaptation)>,
    pub sessions: Vec<(usize, Session)>,
    /// Coaches placed there, and where the school was in each one's list.
    pub coaches: Vec<(Id, usize)>,
}

impl Model {
    /// Take school `id` out of the model: its adaptations, its staff sessions, and its
    /// place in each coach's schools.
    pub fn remove_school(&mut self, id: &Id) -> SchoolTraces {
        let mut t = SchoolTraces::default();
        let mut i = 0;
        while i < self.adaptations.len() {
            if &self.adaptations[i].school == id {
                t.adaptations
                    .push((i + t.adaptations.len(), self.adaptations.remove(i)));
            } else {
                i += 1;
            }
        }
        let mut i = 0;
        while i < self.sessions.len() {
            if self.sessions[i].audience.school() == Some(id) {
                t.sessions
                    .push((i + t.sessions.len(), self.sessions.remove(i)));
            } else {
                i += 1;
            }
        }
        for c in &mut self.coaches {
            if let Some(at) = c.schools.iter().position(|s| s == id) {
                c.schools.remove(at);
                t.coaches.push((c.id.clone(), at));
            }
        }
        t
    }

    /// Put back what [`Model::remove_school`] took, where it was.
    pub fn restore_school(&mut self, school: &Id, t: SchoolTraces) {
        for (at, a) in t.adaptations {
            charter::put_back(&mut self.adaptations, at, a);
        }
        for (at, s) in t.sessions {
            charter::put_back(&mut self.sessions, at, s);
        }
        for (coach, at) in t.coaches {
            if let Some(c) = self.coaches.iter_mut().find(|c| c.id == coach) {
                if !c.schools.contains(school) {
                    c.schools.insert(at.min(c.schools.len()), school.clone());
                }
            }
        }
    }
}

/// A coach removed, with what was theirs, for the undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedCoach {
    pub at: usize,
    pub coach: Coach,
    /// Their records, each with its place in its list.
    pub check_ins: Vec<(usize, CheckIn)>,
    pub shadowing: Vec<(usize, ShadowDay)>,
    pub learning: Vec<(usize, Learning)>,
    pub meetings: Vec<(Id, usize)>,
}
