//! One readiness round for one school: raters rate every criterion privately, the round is
//! revealed, and the team agrees one level per criterion.

use super::framework::{Framework, MAX_LEVEL, MIN_LEVEL};
use super::pin::{Access, PinLock, Tried};
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text;
use serde::{Deserialize, Serialize};

pub const MAX_RATERS: usize = 20;
pub const MAX_LABEL_CHARS: usize = 60;
pub const MAX_EVIDENCE_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// A member of the school's leadership team.
    Member,
    Principal,
    /// The district's assessor (the coach champion), optional.
    District,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Principal, Role::District];

    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "Leadership-team member",
            Role::Principal => "Principal",
            Role::District => "District assessor",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Principal => "principal",
            Role::District => "district",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rater {
    pub id: Id,
    /// A name or a role ("Grade 3 lead").
    pub name: String,
    pub role: Role,
    /// One level per criterion of the round's framework, in its order; 0 = not rated yet.
    #[serde(default)]
    pub levels: Vec<u8>,
    /// Evidence notes, one per criterion.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// The salted hash of the PIN the rater chose when starting. Absent in rounds saved
    /// before PINs (see [`Rater::access`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinLock>,
    /// Answers the facilitator cleared ("clear and re-rate"), kept as privately as any
    /// answers so the clearing can be undone until the reveal, which deletes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<Box<Cleared>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A rater's answers as they were before "clear and re-rate".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cleared {
    #[serde(default)]
    pub levels: Vec<u8>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinLock>,
}

impl Rater {
    /// Whether "clear and re-rate" can still be undone for this rater: answers were
    /// cleared, and the rater has not started again.
    pub fn can_restore(&self) -> bool {
        self.cleared.is_some() && self.access() == Access::New
    }

    pub fn level(&self, criterion: usize) -> u8 {
        self.levels.get(criterion).copied().unwrap_or(0)
    }

    pub fn evidence(&self, criterion: usize) -> &str {
        self.evidence
            .get(criterion)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The criteria (indexes) this rater has not rated yet.
    pub fn missing(&self, criteria: usize) -> Vec<usize> {
        (0..criteria).filter(|&i| self.level(i) == 0).collect()
    }

    pub fn rated(&self, criteria: usize) -> usize {
        criteria - self.missing(criteria).len()
    }

    /// Whether anything of this rater's is saved: a level or an evidence note.
    pub fn has_answers(&self) -> bool {
        self.levels.iter().any(|&l| l != 0) || self.evidence.iter().any(|e| !e.is_empty())
    }

    /// Who may open this rater's form before the reveal: anyone to start (choosing a PIN),
    /// the PIN's holder to continue, nobody for answers saved before PINs.
    pub fn access(&self) -> Access {
        match (&self.pin, self.has_answers()) {
            (Some(_), _) => Access::Pin,
            (None, false) => Access::New,
            (None, true) => Access::Sealed,
        }
    }

    /// Whether `pin` opens this rater's form. A rater without a PIN is opened by none.
    pub fn pin_matches(&self, pin: &str) -> bool {
        self.pin.as_ref().is_some_and(|p| p.matches(pin))
    }
}

/// The level a team agreed for one criterion; level 0 = not agreed yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreed {
    pub level: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Round {
    pub id: Id,
    pub school_id: Id,
    /// "Fall 2026", "Spring re-assessment"…
    pub label: String,
    /// The meeting date, YYYY-MM-DD.
    pub date: String,
    /// The framework version the round was made with; it never changes.
    pub framework_version: u32,
    #[serde(default)]
    pub raters: Vec<Rater>,
    #[serde(default)]
    pub revealed: bool,
    /// One agreed level per criterion, in the framework's order.
    #[serde(default)]
    pub consensus: Vec<Agreed>,
    /// Whether the printable summary shows the raters' evidence notes.
    #[serde(default)]
    pub include_notes: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Raters are rating, privately.
    Rating,
    /// Revealed; the team is agreeing levels.
    Agreeing,
    /// Every criterion has an agreed level.
    Complete,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Rating => "Rating in progress",
            Stage::Agreeing => "Revealed: agreeing levels",
            Stage::Complete => "Complete",
        }
    }
}

fn check_level(level: u8) -> Result<(), String> {
    if (MIN_LEVEL..=MAX_LEVEL).contains(&level) {
        Ok(())
    } else {
        Err(format!(
            "A level must be between {MIN_LEVEL} and {MAX_LEVEL}."
        ))
    }
}

fn set_at<T: Clone + Default>(v: &mut Vec<T>, i: usize, value: T) {
    if v.len() <= i {
        v.resize(i + 1, T::default());
    }
    v[i] = value;
}

/// Trim and check a round's label.
pub fn clean_label(raw: &str) -> Result<String, String> {
    let label = raw.trim();
    if label.is_empty() {
        return Err("The round needs a name, such as \u{201c}Fall 2026\u{201d}.".into());
    }
    let n = label.chars().count();
    if n > MAX_LABEL_CHARS {
        return Err(format!(
            "The round name is {n} characters long; the limit is {MAX_LABEL_CHARS}."
        ));
    }
    Ok(label.to_string())
}

/// Check a YYYY-MM-DD date: the shape, the calendar, and the range Readyboard works with
/// (see [`crate::domain::dates`]).
pub fn check_date(raw: &str) -> Result<String, String> {
    crate::domain::dates::check(raw)
}

impl Round {
    pub fn new(
        id: Id,
        school_id: Id,
        label: &str,
        date: &str,
        framework: &Framework,
    ) -> Result<Self, String> {
        Ok(Round {
            id,
            school_id,
            label: clean_label(label)?,
            date: check_date(date)?,
            framework_version: framework.version,
            raters: Vec::new(),
            revealed: false,
            consensus: vec![Agreed::default(); framework.criteria.len()],
            include_notes: false,
            extra: Extra::new(),
        })
    }

    pub fn rater(&self, id: &Id) -> Option<&Rater> {
        self.raters.iter().find(|r| &r.id == id)
    }

    fn rater_mut(&mut self, id: &Id) -> Result<&mut Rater, String> {
        self.raters
            .iter_mut()
            .find(|r| &r.id == id)
            .ok_or_else(|| "That rater is no longer in this round.".to_string())
    }

    pub fn agreed(&self, criterion: usize) -> u8 {
        self.consensus.get(criterion).map(|a| a.level).unwrap_or(0)
    }

    pub fn agreed_note(&self, criterion: usize) -> &str {
        self.consensus
            .get(criterion)
            .map(|a| a.note.as_str())
            .unwrap_or("")
    }

    /// The agreed levels, one per criterion (0 where not agreed).
    pub fn agreed_levels(&self, criteria: usize) -> Vec<u8> {
        (0..criteria).map(|i| self.agreed(i)).collect()
    }

    pub fn stage(&self, criteria: usize) -> Stage {
        if !self.revealed {
            Stage::Rating
        } else if (0..criteria).all(|i| self.agreed(i) != 0) {
            Stage::Complete
        } else {
            Stage::Agreeing
        }
    }

    fn not_revealed(&self) -> Result<(), String> {
        if self.revealed {
            Err("The round has been revealed, so its ratings can no longer change.".into())
        } else {
            Ok(())
        }
    }

    pub fn add_rater(&mut self, id: Id, name: &str, role: Role) -> Result<(), String> {
        self.not_revealed()?;
        let name = text::clean_name("The rater's name", name)?;
        if self.raters.len() >= MAX_RATERS {
            return Err(format!("A round can have at most {MAX_RATERS} raters."));
        }
        if self
            .raters
            .iter()
            .any(|r| r.name.to_lowercase() == name.to_lowercase())
        {
            return Err(format!(
                "There is already a rater called \u{201c}{name}\u{201d}. Add a role or an initial to tell them apart."
            ));
        }
        if role != Role::Member && self.raters.iter().any(|r| r.role == role) {
            return Err(format!(
                "This round already has a rater in the role {}.",
                role.label().to_lowercase()
            ));
        }
        self.raters.push(Rater {
            id,
            name,
            role,
            levels: Vec::new(),
            evidence: Vec::new(),
            pin: None,
            cleared: None,
            extra: Extra::new(),
        });
        Ok(())
    }

    /// Someone at the device types rater `id`'s PIN to reopen their form. Wrong tries are
    /// counted in the round (see [`PinLock::try_pin`]). A rater without a PIN opens with none.
    pub fn try_pin(&mut self, id: &Id, pin: &str, now: u64) -> Result<Tried, String> {
        self.not_revealed()?;
        let r = self.rater_mut(id)?;
        let name = r.name.clone();
        match r.pin.as_mut() {
            Some(lock) => Ok(lock.try_pin(pin, now)),
            None => Err(format!("{name} has no PIN yet.")),
        }
    }

    /// The rater, starting, chooses their PIN. Only a rater with nothing saved and no PIN
    /// can be given one: a PIN is never replaced, only cleared with the answers.
    pub fn set_pin(&mut self, id: &Id, lock: PinLock) -> Result<(), String> {
        self.not_revealed()?;
        let r = self.rater_mut(id)?;
        if r.access() != Access::New {
            return Err(format!(
                "{} has already started. Their form opens with their PIN; if it is lost, clear and re-rate.",
                r.name
            ));
        }
        r.pin = Some(lock);
        Ok(())
    }

    /// Clear and re-rate: set a rater's levels, evidence and PIN aside before the reveal, so
    /// the rater starts again. The answers stay in the round, as private as before, so that
    /// [`Round::restore_answers`] can bring them back until the reveal (from any page, after
    /// a reload); the reveal deletes them. Returns the rater as they were.
    pub fn clear_answers(&mut self, id: &Id) -> Result<Rater, String> {
        self.not_revealed()?;
        let r = self.rater_mut(id)?;
        let before = r.clone();
        if r.has_answers() || r.pin.is_some() {
            r.cleared = Some(Box::new(Cleared {
                levels: std::mem::take(&mut r.levels),
                evidence: std::mem::take(&mut r.evidence),
                pin: r.pin.take(),
            }));
        }
        Ok(before)
    }

    /// Undo [`Round::clear_answers`] for rater `id`: possible until the reveal, and while the
    /// rater has not started again (their new answers are never overwritten).
    pub fn restore_answers(&mut self, id: &Id) -> Result<(), String> {
        self.not_revealed()?;
        let r = self.rater_mut(id)?;
        if r.access() != Access::New {
            return Err(format!(
                "{} has started rating again, so the cleared answers cannot come back.",
                r.name
            ));
        }
        let Some(c) = r.cleared.take() else {
            return Err(format!("{} has no cleared answers to bring back.", r.name));
        };
        r.levels = c.levels;
        r.evidence = c.evidence;
        r.pin = c.pin;
        Ok(())
    }

    pub fn rename_rater(&mut self, id: &Id, name: &str) -> Result<(), String> {
        let name = text::clean_name("The rater's name", name)?;
        if self
            .raters
            .iter()
            .any(|r| &r.id != id && r.name.to_lowercase() == name.to_lowercase())
        {
            return Err(format!(
                "There is already a rater called \u{201c}{name}\u{201d}."
            ));
        }
        self.rater_mut(id)?.name = name;
        Ok(())
    }

    /// Remove a rater before the reveal. Returns where it was, so the removal can be undone.
    pub fn remove_rater(&mut self, id: &Id) -> Result<(usize, Rater), String> {
        self.not_revealed()?;
        let i = self
            .raters
            .iter()
            .position(|r| &r.id == id)
            .ok_or_else(|| "That rater is no longer in this round.".to_string())?;
        Ok((i, self.raters.remove(i)))
    }

    /// Put a removed rater back where it was.
    pub fn restore_rater(&mut self, at: usize, rater: Rater) -> Result<(), String> {
        self.not_revealed()?;
        if self.raters.iter().any(|r| r.id == rater.id) {
            return Ok(());
        }
        let at = at.min(self.raters.len());
        self.raters.insert(at, rater);
        Ok(())
    }

    pub fn rate(&mut self, rater: &Id, criterion: usize, level: u8) -> Result<(), String> {
        self.not_revealed()?;
        check_level(level)?;
        set_at(&mut self.rater_mut(rater)?.levels, criterion, level);
        Ok(())
    }

    pub fn set_evidence(&mut self, rater: &Id, criterion: usize, note: &str) -> Result<(), String> {
        self.not_revealed()?;
        let n = note.chars().count();
        if n > MAX_EVIDENCE_CHARS {
            return Err(format!(
                "Evidence notes are limited to {MAX_EVIDENCE_CHARS} characters; this one has {n}."
            ));
        }
        set_at(
            &mut self.rater_mut(rater)?.evidence,
            criterion,
            note.to_string(),
        );
        Ok(())
    }

    /// Why the round can't be revealed yet, in words; empty when it can.
    pub fn reveal_blockers(&self, framework: &Framework) -> Vec<String> {
        let names: Vec<&str> = framework.criteria.iter().map(|c| c.name.as_str()).collect();
        let mut out = Vec::new();
        if !self.raters.iter().any(|r| r.role == Role::Member) {
            out.push("Add at least one leadership-team member as a rater.".to_string());
        }
        if !self.raters.iter().any(|r| r.role == Role::Principal) {
            out.push("Add the principal as a rater.".to_string());
        }
        for r in &self.raters {
            let missing = r.missing(names.len());
            if missing.is_empty() {
                continue;
            }
            if missing.len() == names.len() {
                out.push(format!("{} has not rated any criterion yet.", r.name));
            } else {
                let list: Vec<&str> = missing.iter().map(|&i| names[i]).collect();
                out.push(format!(
                    "{} has not rated {}: {}.",
                    r.name,
                    if missing.len() == 1 {
                        "one criterion"
                    } else {
                        "these criteria"
                    },
                    list.join("; ")
                ));
            }
        }
        out
    }

    pub fn reveal(&mut self, framework: &Framework) -> Result<(), String> {
        self.not_revealed()?;
        let blockers = self.reveal_blockers(framework);
        if !blockers.is_empty() {
            return Err(blockers.join(" "));
        }
        self.revealed = true;
        // Cleared answers were set aside for undo only: they are never revealed.
        for r in &mut self.raters {
            r.cleared = None;
        }
        if self.consensus.len() < framework.criteria.len() {
            self.consensus
                .resize(framework.criteria.len(), Agreed::default());
        }
        Ok(())
    }

    pub fn agree(&mut self, criterion: usize, level: u8) -> Result<(), String> {
        if !self.revealed {
            return Err("Reveal the ratings before agreeing a level.".into());
        }
        check_level(level)?;
        let mut agreed = self.consensus.get(criterion).cloned().unwrap_or_default();
        agreed.level = level;
        set_at(&mut self.consensus, criterion, agreed);
        Ok(())
    }

    pub fn set_agreed_note(&mut self, criterion: usize, note: &str) -> Result<(), String> {
        if !self.revealed {
            return Err("Reveal the ratings before recording the team's agreement.".into());
        }
        // Kept as typed (trimming while someone types would eat their spaces); only the
        // length is limited.
        let n = note.chars().count();
        if n > text::MAX_NOTE_CHARS {
            return Err(format!(
                "The note is {n} characters long; the limit is {}.",
                text::MAX_NOTE_CHARS
            ));
        }
        let note = note.to_string();
        let mut agreed = self.consensus.get(criterion).cloned().unwrap_or_default();
        agreed.note = note;
        set_at(&mut self.consensus, criterion, agreed);
        Ok(())
    }

    /// Problems that make the stored round unusable with its framework.
    pub fn problems(&self, framework: &Framework) -> Vec<String> {
        let mut out = Vec::new();
        let n = framework.criteria.len();
        let label = format!("Round {}", crate::domain::text::quote_short(&self.label));
        let bad_level = |l: &u8| *l > MAX_LEVEL;
        for r in &self.raters {
            if r.levels.len() > n || r.levels.iter().any(bad_level) {
                out.push(format!(
                    "{label}: {} has ratings that do not fit the framework.",
                    r.name
                ));
            }
            if let Some(c) = &r.cleared {
                if c.levels.len() > n || c.levels.iter().any(bad_level) {
                    out.push(format!(
                        "{label}: {} has cleared answers that do not fit the framework.",
                        r.name
                    ));
                }
            }
            let locks = r
                .pin
                .iter()
                .chain(r.cleared.as_ref().and_then(|c| c.pin.as_ref()));
            if locks.into_iter().any(|l| !l.is_well_formed()) {
                out.push(format!(
                    "{label}: {} has a PIN that is not a salted hash.",
                    r.name
                ));
            }
        }
        if self.consensus.len() > n || self.consensus.iter().any(|a| bad_level(&a.level)) {
            out.push(format!(
                "{label}: the agreed levels do not fit the framework."
            ));
        }
        out
    }
}

/// A name for a round held on `date` (YYYY-MM-DD): "Spring 2027" from January to June,
/// "Fall 2026" from July to December.
pub fn season_label(date: &str) -> String {
    let year = date.get(..4).unwrap_or("");
    let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(9);
    let season = if month <= 6 { "Spring" } else { "Fall" };
    format!("{season} {year}").trim().to_string()
}
