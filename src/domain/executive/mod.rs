//! Executive coaching of principals (seed 004): support tiers, engagements in four phases,
//! the contact log and its allowance, the program view's flags, and status reports.
//!
//! Everything is in [`Executive`], stored in `Document::executive`. Storage keeps the tiers,
//! cohorts and cohort sessions as one part and each engagement as a part of its own, so a
//! contact logged writes one engagement.

pub mod demo;
pub mod engagement;
pub mod program;
pub mod report;
// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub mod tier;

pub use engagement::{
    Cadence, Check, Contact, Engagement, Field, Kind, Objective, Outcome, Phase, Rating, Refusal,
    Setup, Stance, Step, Strand, Use, Weekly,
};
pub use program::{Flag, Pace, Usage};
pub use tier::{Allowance, Tier};

use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A group of principals who meet together (the Gold tier's geographic cohort, or any
/// group a district forms).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cohort {
    pub id: Id,
    pub name: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A cohort meeting, logged once: it counts as a contact (and an off-site session) for
/// every engagement in the cohort that runs on its date, except those marked absent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: Id,
    pub cohort: Id,
    pub date: String,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strand: Option<Strand>,
    #[serde(default)]
    pub shared_notes: String,
    #[serde(default)]
    pub private_notes: String,
    /// Engagements in the cohort whose principal was not there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Executive coaching in one district.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Executive {
    /// The district's tiers; empty means the three of seed 004 ([`tier::default_tiers`]),
    /// until the district changes one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cohorts: Vec<Cohort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagements: Vec<Engagement>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A removed engagement, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub at: usize,
    pub engagement: Engagement,
}

impl Executive {
    pub fn is_empty(&self) -> bool {
        self.tiers.is_empty()
            && self.cohorts.is_empty()
            && self.sessions.is_empty()
            && self.engagements.is_empty()
            && self.extra.is_empty()
    }

    /// The tiers in force: the district's, or seed 004's three.
    pub fn tiers(&self) -> Vec<Tier> {
        if self.tiers.is_empty() {
            tier::default_tiers()
        } else {
            self.tiers.clone()
        }
    }

    pub fn tier(&self, id: &Id) -> Option<Tier> {
        self.tiers().into_iter().find(|t| &t.id == id)
    }

    /// A tier's name, or "A removed tier".
    pub fn tier_name(&self, id: &Id) -> String {
        self.tier(id)
            .map_or_else(|| "A removed tier".to_string(), |t| t.name)
    }

    /// Rename a tier or change what it allows. Engagements keep the allowance they were
    /// agreed with.
    pub fn edit_tier(&mut self, t: Tier) -> Result<(), String> {
        let t = tier::checked(t)?;
        if self.tiers.is_empty() {
            self.tiers = tier::default_tiers();
        }
        if self
            .tiers
            .iter()
            .any(|x| x.id != t.id && crate::domain::district::same_name(&x.name, &t.name))
        {
            return Err(format!(
                "There is already a tier called \u{201c}{}\u{201d}.",
                t.name
            ));
        }
        match self.tiers.iter_mut().find(|x| x.id == t.id) {
            Some(x) => *x = t,
            None => self.tiers.push(t),
        }
        Ok(())
    }

    /// Remove a tier that no engagement uses.
    pub fn remove_tier(&mut self, id: &Id) -> Result<(usize, Tier), String> {
        let n = self.engagements.iter().filter(|e| &e.tier_id == id).count();
        if n > 0 {
            return Err(format!(
                "{} this tier; a tier in use stays.",
                text::plural(n, "engagement uses", "engagements use")
            ));
        }
        if self.tiers.is_empty() {
            self.tiers = tier::default_tiers();
        }
        if self.tiers.len() == 1 {
            return Err("A district keeps at least one tier.".into());
        }
        let at = self
            .tiers
            .iter()
            .position(|t| &t.id == id)
            .ok_or("That tier is no longer there.")?;
        Ok((at, self.tiers.remove(at)))
    }

    pub fn restore_tier(&mut self, at: usize, t: Tier) {
        if !self.tiers.iter().any(|x| x.id == t.id) {
            let at = at.min(self.tiers.len());
            self.tiers.insert(at, t);
        }
    }

    pub fn cohort(&self, id: &Id) -> Option<&Cohort> {
        self.cohorts.iter().find(|c| &c.id == id)
    }

    pub fn add_cohort(&mut self, id: Id, name: &str) -> Result<(), String> {
        let name = text::clean_name("The cohort\u{2019}s name", name)?;
        if self
            .cohorts
            .iter()
            .any(|c| crate::domain::district::same_name(&c.name, &name))
        {
            return Err(format!(
                "There is already a cohort called \u{201c}{name}\u{201d}."
            ));
        }
        self.cohorts.push(Cohort {
            id,
            name,
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn engagement(&self, id: &Id) -> Option<&Engagement> {
        self.engagements.iter().find(|e| &e.id == id)
    }

    pub fn engagement_mut(&mut self, id: &Id) -> Result<&mut Engagement, String> {
        self.engagements
            .iter_mut()
            .find(|e| &e.id == id)
            .ok_or_else(|| "That engagement is no longer in the program.".to_string())
    }

    /// The engagements of a school, newest start first.
    pub fn for_school(&self, school: &Id) -> Vec<&Engagement> {
        let mut v: Vec<&Engagement> = self
            .engagements
            .iter()
            .filter(|e| &e.school_id == school)
            .collect();
        v.sort_by(|a, b| b.start.cmp(&a.start));
        v
    }

    fn check_refs(
        &self,
        s: &Setup,
        schools: &[crate::domain::School],
    ) -> Result<Allowance, Refusal> {
        if let Some(id) = &s.school_id {
            if !schools.iter().any(|x| &x.id == id) {
                return Err(Refusal::new(
                    Field::School,
                    "That school is no longer in the district.",
                ));
            }
        }
        let allowance = match &s.tier_id {
            Some(id) => self
                .tier(id)
                .map(|t| t.allowance)
                .ok_or_else(|| Refusal::new(Field::Tier, "That tier is no longer offered."))?,
            None => Allowance::default(),
        };
        if let Some(c) = &s.cohort {
            if self.cohort(c).is_none() {
                return Err(Refusal::new(
                    Field::Other,
                    "That cohort is no longer there.",
                ));
            }
        }
        Ok(allowance)
    }

    /// Start an engagement with the tier's allowance as it stands today.
    pub fn add(
        &mut self,
        id: Id,
        s: &Setup,
        schools: &[crate::domain::School],
    ) -> Result<(), Refusal> {
        let allowance = self.check_refs(s, schools)?;
        let e = Engagement::new(id, s, allowance)?;
        self.engagements.push(e);
        Ok(())
    }

    /// Change an engagement's who and when. A new tier brings its allowance; the same tier
    /// keeps the one agreed. Returns the phases whose expected date fell outside the new
    /// dates and was cleared (see [`Engagement::set_up`]).
    pub fn set_up(
        &mut self,
        id: &Id,
        s: &Setup,
        schools: &[crate::domain::School],
    ) -> Result<Vec<Phase>, Refusal> {
        let allowance = self.check_refs(s, schools)?;
        let e = self
            .engagement_mut(id)
            .map_err(|m| Refusal::new(Field::Other, m))?;
        let new_tier = s.tier_id.as_ref() != Some(&e.tier_id);
        let cleared = e.set_up(s)?;
        if new_tier {
            e.allowance = allowance;
        }
        Ok(cleared)
    }

    pub fn remove(&mut self, id: &Id) -> Option<Removed> {
        let at = self.engagements.iter().position(|e| &e.id == id)?;
        Some(Removed {
            at,
            engagement: self.engagements.remove(at),
        })
    }

    /// [`Executive::restore`], refused when the engagement's school or tier has gone since
    /// (another tab may have changed the district): the document would not be valid.
    pub fn restore_checked(
        &mut self,
        r: Removed,
        schools: &[crate::domain::School],
    ) -> Result<(), String> {
        let e = &r.engagement;
        if !schools.iter().any(|s| s.id == e.school_id) {
            return Err(format!(
                "The engagement with {} can't come back: its school is no longer in the district.",
                e.principal
            ));
        }
        if self.tier(&e.tier_id).is_none() {
            return Err(format!(
                "The engagement with {} can't come back: its tier is no longer offered.",
                e.principal
            ));
        }
        self.restore(r);
        Ok(())
    }

    pub fn restore(&mut self, r: Removed) {
        if self.engagements.iter().any(|e| e.id == r.engagement.id) {
            return;
        }
        let at = r.at.min(self.engagements.len());
        self.engagements.insert(at, r.engagement);
    }

    /// The engagements a cohort session counts for: those in its cohort that run on its
    /// date, absent or not.
    pub fn members_on(&self, cohort: &Id, date: &str) -> Vec<&Engagement> {
        self.engagements
            .iter()
            .filter(|e| {
                e.cohort.as_ref() == Some(cohort)
                    && e.start.as_str() <= date
                    && date <= e.end.as_str()
            })
            .collect()
    }

    /// Log a cohort meeting once. It needs at least one engagement in the cohort that runs
    /// on its date.
    pub fn log_session(&mut self, mut s: Session) -> Result<(), Refusal> {
        s.date = dates::check(&s.date).map_err(|m| Refusal::new(Field::Date, m))?;
        if self.cohort(&s.cohort).is_none() {
            return Err(Refusal::new(
                Field::Other,
                "That cohort is no longer there.",
            ));
        }
        if s.minutes == 0 || s.minutes > engagement::MAX_MINUTES {
            return Err(Refusal::new(
                Field::Minutes,
                "A meeting takes from 1 minute to a day.",
            ));
        }
        if self.members_on(&s.cohort, &s.date).is_empty() {
            return Err(Refusal::new(
                Field::Date,
                format!("No engagement in this cohort runs on {}.", s.date),
            ));
        }
        s.shared_notes = text::clean_note("The shared notes", &s.shared_notes)
            .map_err(|m| Refusal::new(Field::Notes, m))?;
        s.private_notes = text::clean_note("The private notes", &s.private_notes)
            .map_err(|m| Refusal::new(Field::Notes, m))?;
        self.sessions.retain(|x| x.id != s.id);
        let at = self.sessions.partition_point(|x| x.date <= s.date);
        self.sessions.insert(at, s);
        Ok(())
    }

    pub fn remove_session(&mut self, id: &Id) -> Option<(usize, Session)> {
        let at = self.sessions.iter().position(|s| &s.id == id)?;
        Some((at, self.sessions.remove(at)))
    }

    pub fn restore_session(&mut self, at: usize, s: Session) {
        if !self.sessions.iter().any(|x| x.id == s.id) {
            let at = at.min(self.sessions.len());
            self.sessions.insert(at, s);
        }
    }

    /// An engagement's whole log: its own contacts and the cohort sessions it attended, in
    /// date order. A session's contact has the session's ID and `session` set. The
    /// engagement's own contacts are borrowed, not copied: the program view gathers every
    /// engagement's log whenever the document changes.
    pub fn contacts_of<'a>(&'a self, e: &'a Engagement) -> Vec<Cow<'a, Contact>> {
        let mut out: Vec<Cow<'a, Contact>> = e.contacts.iter().map(Cow::Borrowed).collect();
        if let Some(cohort) = &e.cohort {
            for s in &self.sessions {
                if &s.cohort == cohort
                    && e.start <= s.date
                    && s.date <= e.end
                    && !s.absent.contains(&e.id)
                {
                    out.push(Cow::Owned(Contact {
                        id: s.id.clone(),
                        date: s.date.clone(),
                        kind: Kind::Cohort,
                        minutes: s.minutes,
                        observation: false,
                        stance: s.stance,
                        strand: s.strand,
                        objective: None,
                        shared_notes: s.shared_notes.clone(),
                        private_notes: s.private_notes.clone(),
                        session: Some(s.id.clone()),
                        extra: Extra::new(),
                    }));
                }
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date));
        out
    }

    /// Problems with references and fields, in words (for `Document::validate`).
    pub fn problems(&self, schools: &[crate::domain::School]) -> Vec<String> {
        let mut out = Vec::new();
        let tiers = self.tiers();
        let mut ids = std::collections::HashSet::new();
        for e in &self.engagements {
            out.extend(e.problems());
            if !ids.insert(&e.id) {
                out.push(format!("Two engagements have the ID {}.", e.id));
            }
            if !schools.iter().any(|s| s.id == e.school_id) {
                out.push(format!(
                    "The engagement with {} names a school that is not in the district.",
                    text::quote_short(&e.principal)
                ));
            }
            if !tiers.iter().any(|t| t.id == e.tier_id) {
                out.push(format!(
                    "The engagement with {} names a tier that is not there.",
                    text::quote_short(&e.principal)
                ));
            }
        }
        for s in &self.sessions {
            if self.cohort(&s.cohort).is_none() {
                out.push(format!(
                    "A cohort session on {} names a cohort that is not there.",
                    s.date
                ));
            }
        }
        out
    }
}
