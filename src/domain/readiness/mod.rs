//! Readiness self-assessments: the district's framework, and each school's rounds.
//!
//! - [`framework`]: criteria, descriptors, questions, weights and the gate, versioned.
//! - [`round`]: one round for one school: raters, blind ratings, reveal, consensus.
//! - [`pin`]: a rater's PIN (a salted hash) and who may open a rater's form.
//! - [`score`]: spread and disagreement, the principal-to-team gap, the weighted index, the
//!   gate, and strengths and gaps in words.
//!
//! Here, [`Readiness`] holds every framework version and every round, and answers the
//! questions the pages and the phase-in planner ask: a school's rounds, its latest outcome,
//! its trend, and the comparison of two rounds.

pub mod framework;
pub mod pin;
pub mod round;
pub mod score;

use crate::domain::district::Extra;
use crate::domain::ids::Id;
pub use framework::{default_framework, level_label, Criterion, Framework};
pub use round::{Rater, Role, Round, Stage};
pub use score::{Outcome, Spread};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// Every framework version, oldest first; the last is the current one. Empty means the
    /// built-in default (version 1), which is stored as soon as a round uses it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Framework>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn builtin() -> &'static Framework {
    static DEFAULT: OnceLock<Framework> = OnceLock::new();
    DEFAULT.get_or_init(default_framework)
}

/// One row of a school's trend: a criterion and its agreed level in each complete round.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    pub criterion_id: String,
    pub name: String,
    /// One entry per complete round, oldest first; `None` where the round's framework did
    /// not have the criterion.
    pub levels: Vec<Option<u8>>,
}

/// One row of a two-round comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub criterion_id: String,
    pub name: String,
    pub a: Option<u8>,
    pub b: Option<u8>,
}

impl CompareRow {
    pub fn change(&self) -> Option<i16> {
        Some(i16::from(self.b?) - i16::from(self.a?))
    }
}

impl Readiness {
    /// True when nothing has been stored: the default framework and no rounds.
    pub fn is_empty(&self) -> bool {
        self.frameworks.is_empty() && self.rounds.is_empty() && self.extra.is_empty()
    }

    /// The framework new rounds use.
    pub fn current(&self) -> &Framework {
        self.frameworks.last().unwrap_or_else(|| builtin())
    }

    /// The framework version a round was made with.
    pub fn framework(&self, version: u32) -> Option<&Framework> {
        if self.frameworks.is_empty() {
            return (version == builtin().version).then(builtin);
        }
        self.frameworks.iter().find(|f| f.version == version)
    }

    pub fn framework_of(&self, round: &Round) -> Option<&Framework> {
        self.framework(round.framework_version)
    }

    fn version_in_use(&self, version: u32) -> bool {
        self.rounds.iter().any(|r| r.framework_version == version)
    }

    /// Edit the current framework. If any round has used the current version, the edit makes
    /// a new version and the rounds keep theirs; otherwise the current version changes in
    /// place. An edit that leaves the framework unusable changes nothing.
    pub fn edit_framework(
        &mut self,
        now: &str,
        edit: impl FnOnce(&mut Framework) -> Result<(), String>,
    ) -> Result<(), String> {
        let current = self.current().clone();
        let mut next = current.clone();
        edit(&mut next)?;
        let problems = next.problems();
        if !problems.is_empty() {
            return Err(problems.join(" "));
        }
        if next == current {
            return Ok(());
        }
        if self.frameworks.is_empty() {
            self.frameworks.push(current.clone());
        }
        if self.version_in_use(current.version) {
            next.version = current.version + 1;
            next.created_at = now.to_string();
            self.frameworks.push(next);
        } else {
            next.version = current.version;
            *self.frameworks.last_mut().expect("pushed above") = next;
        }
        Ok(())
    }

    /// Go back to the built-in framework, as a new version when the current one is in use.
    pub fn reset_framework(&mut self, now: &str) -> Result<(), String> {
        self.edit_framework(now, |f| {
            let version = f.version;
            *f = default_framework();
            f.version = version;
            Ok(())
        })
    }

    /// Start a round for a school with the current framework.
    pub fn start_round(
        &mut self,
        id: Id,
        school_id: Id,
        label: &str,
        date: &str,
    ) -> Result<Id, String> {
        if self.frameworks.is_empty() {
            self.frameworks.push(builtin().clone());
        }
        let round = Round::new(id.clone(), school_id, label, date, self.current())?;
        self.rounds.push(round);
        Ok(id)
    }

    pub fn round(&self, id: &Id) -> Option<&Round> {
        self.rounds.iter().find(|r| &r.id == id)
    }

    /// Change one round, with its framework at hand.
    pub fn with_round<T>(
        &mut self,
        id: &Id,
        f: impl FnOnce(&mut Round, &Framework) -> Result<T, String>,
    ) -> Result<T, String> {
        let Readiness {
            frameworks, rounds, ..
        } = self;
        let round = rounds
            .iter_mut()
            .find(|r| &r.id == id)
            .ok_or_else(|| "That round no longer exists.".to_string())?;
        let framework = if frameworks.is_empty() && round.framework_version == 1 {
            builtin()
        } else {
            frameworks
                .iter()
                .find(|f| f.version == round.framework_version)
                .ok_or_else(|| "This round's framework version is missing.".to_string())?
        };
        f(round, framework)
    }

    /// Remove a round; returns where it was, so the removal can be undone.
    pub fn remove_round(&mut self, id: &Id) -> Option<(usize, Round)> {
        let i = self.rounds.iter().position(|r| &r.id == id)?;
        Some((i, self.rounds.remove(i)))
    }

    pub fn restore_round(&mut self, at: usize, round: Round) {
        if self.rounds.iter().any(|r| r.id == round.id) {
            return;
        }
        let at = at.min(self.rounds.len());
        self.rounds.insert(at, round);
    }

    /// A school's rounds, oldest first (by date, then by when they were added).
    pub fn rounds_for(&self, school: &Id) -> Vec<&Round> {
        let mut out: Vec<&Round> = self
            .rounds
            .iter()
            .filter(|r| &r.school_id == school)
            .collect();
        out.sort_by(|a, b| a.date.cmp(&b.date));
        out
    }

    /// A school's complete rounds with their outcomes, oldest first.
    pub fn outcomes_for(&self, school: &Id) -> Vec<(&Round, Outcome)> {
        self.rounds_for(school)
            .into_iter()
            .filter_map(|r| Some((r, score::outcome(r, self.framework_of(r)?)?)))
            .collect()
    }

    /// The latest complete round of every school, in one pass. Of two rounds on the same
    /// date, the later in the list wins.
    pub fn latest_complete(&self) -> HashMap<&Id, &Round> {
        let mut latest: HashMap<&Id, &Round> = HashMap::new();
        for r in &self.rounds {
            let Some(f) = self.framework_of(r) else {
                continue;
            };
            if r.stage(f.criteria.len()) != Stage::Complete {
                continue;
            }
            match latest.get(&r.school_id) {
                Some(prev) if prev.date > r.date => {}
                _ => {
                    latest.insert(&r.school_id, r);
                }
            }
        }
        latest
    }

    /// The latest complete round of every school, with its outcome, in one pass.
    pub fn latest_outcomes(&self) -> HashMap<&Id, (&Round, Outcome)> {
        self.latest_complete()
            .into_iter()
            .filter_map(|(k, r)| Some((k, (r, score::outcome(r, self.framework_of(r)?)?))))
            .collect()
    }

    /// The trend of a school's agreed levels, per criterion, over its complete rounds.
    /// Criteria are listed in the current framework's order, then any the current framework
    /// no longer has.
    pub fn trend(&self, school: &Id) -> (Vec<&Round>, Vec<TrendRow>) {
        let done = self.outcomes_for(school);
        let rounds: Vec<&Round> = done.iter().map(|(r, _)| *r).collect();
        let mut rows: Vec<TrendRow> = Vec::new();
        let mut add = |id: &str, name: &str| {
            if !rows.iter().any(|r| r.criterion_id == id) {
                rows.push(TrendRow {
                    criterion_id: id.to_string(),
                    name: name.to_string(),
                    levels: Vec::new(),
                });
            }
        };
        for c in &self.current().criteria {
            add(&c.id, &c.name);
        }
        for (r, _) in &done {
            if let Some(f) = self.framework_of(r) {
                for c in &f.criteria {
                    add(&c.id, &c.name);
                }
            }
        }
        for row in &mut rows {
            row.levels = done
                .iter()
                .map(|(r, o)| {
                    let f = self.framework_of(r)?;
                    let i = f.criteria.iter().position(|c| c.id == row.criterion_id)?;
                    Some(o.levels[i])
                })
                .collect();
        }
        rows.retain(|r| r.levels.iter().any(Option::is_some));
        (rounds, rows)
    }

    /// Compare the agreed levels of two rounds, criterion by criterion (matched by ID, so
    /// rounds made with different framework versions compare where they overlap).
    pub fn compare(&self, a: &Round, b: &Round) -> Vec<CompareRow> {
        let fa = self.framework_of(a);
        let fb = self.framework_of(b);
        let mut rows: Vec<CompareRow> = Vec::new();
        for f in [fa, fb].into_iter().flatten() {
            for c in &f.criteria {
                if !rows.iter().any(|r| r.criterion_id == c.id) {
                    rows.push(CompareRow {
                        criterion_id: c.id.clone(),
                        name: c.name.clone(),
                        a: None,
                        b: None,
                    });
                }
            }
        }
        let level = |round: &Round, f: Option<&Framework>, id: &str| {
            let i = f?.criteria.iter().position(|c| c.id == id)?;
            Some(round.agreed(i)).filter(|l| *l > 0)
        };
        for row in &mut rows {
            row.a = level(a, fa, &row.criterion_id);
            row.b = level(b, fb, &row.criterion_id);
        }
        rows
    }

    /// Problems that make stored readiness data unusable.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut versions = std::collections::HashSet::new();
        for f in &self.frameworks {
            if !versions.insert(f.version) {
                out.push(format!("Framework version {} appears twice.", f.version));
            }
            for p in f.problems() {
                out.push(format!("Framework version {}: {p}", f.version));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for r in &self.rounds {
            if r.id.is_empty() || !ids.insert(&r.id) {
                out.push(format!(
                    "Round {} has a missing or repeated ID.",
                    crate::domain::text::quote_short(&r.label)
                ));
            }
            match self.framework_of(r) {
                Some(f) => out.extend(r.problems(f)),
                None => out.push(format!(
                    "Round {} uses framework version {}, which is missing.",
                    crate::domain::text::quote_short(&r.label),
                    r.framework_version
                )),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
