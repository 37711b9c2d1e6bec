//! A readiness plan for a school that is not placed in year 1, or is gated: goals drawn from
//! its weakest criteria, actions with owners, due dates and check-ins, a leadership coach
//! for the principal, and a re-assessment date. When a later round passes the gate and
//! every goal's criterion has improved, the school is eligible for the next cohort.

use super::rank::Standing;
use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::readiness::round::check_date;
use crate::domain::readiness::{level_label, score, Readiness};
use crate::domain::text;
use serde::{Deserialize, Serialize};

pub const MAX_GOALS: usize = 8;
pub const MAX_ACTIONS: usize = 40;
pub const MAX_CHECK_INS: usize = 60;
/// Goals suggested from the weakest criteria.
pub const SUGGESTED_GOALS: usize = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessPlan {
    pub school_id: Id,
    /// The complete round the plan starts from; progress is measured against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_round: Option<Id>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The leadership coach who works with the principal.
    #[serde(default)]
    pub leadership_coach: String,
    /// YYYY-MM-DD, or empty until it is set.
    #[serde(default)]
    pub reassess_on: String,
    #[serde(default)]
    pub created_at: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: Id,
    pub criterion_id: String,
    /// The agreed level in the baseline round (0 if the criterion was not in it).
    pub baseline: u8,
    /// The level the school aims for.
    pub target: u8,
    pub text: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: Id,
    pub text: String,
    pub owner: String,
    /// YYYY-MM-DD.
    pub due: String,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::Done => "Done",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::Done => "done",
        }
    }

    pub fn from_key(k: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == k)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    /// YYYY-MM-DD.
    pub date: String,
    pub status: Status,
    #[serde(default)]
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Action {
    /// The latest check-in's status; not started when there is none.
    pub fn status(&self) -> Status {
        self.check_ins
            .iter()
            .max_by(|a, b| a.date.cmp(&b.date))
            .map_or(Status::NotStarted, |c| c.status)
    }
}

/// Goals for the weakest criteria of a school's latest round: those at or below the gate
/// first, then the lowest (up to 2), heavier weight first among equals; at most three. Each
/// aims one level up, and at least above the gate.
pub fn suggest_goals(
    standing: &Standing,
    readiness: &Readiness,
    gate: u8,
    mut new_id: impl FnMut() -> Id,
) -> Vec<Goal> {
    let Some(a) = &standing.readiness else {
        return Vec::new();
    };
    let framework = readiness
        .rounds
        .iter()
        .find(|r| r.id == a.round_id)
        .and_then(|r| readiness.framework_of(r));
    let weight = |id: &str| {
        framework
            .and_then(|f| f.criteria.iter().find(|c| c.id == id))
            .map_or(0, |c| c.weight)
    };
    let mut weak: Vec<&(&str, &str, u8)> = a
        .levels
        .iter()
        .filter(|(_, _, l)| *l <= 2.max(gate))
        .collect();
    weak.sort_by_key(|(id, _, l)| (*l > gate, *l, std::cmp::Reverse(weight(id))));
    weak.into_iter()
        .take(SUGGESTED_GOALS)
        .map(|(id, name, level)| {
            let target = (level + 1).max(gate + 1).min(4);
            let descriptor = framework
                .and_then(|f| f.criteria.iter().find(|c| c.id == *id))
                .map(|c| c.levels[usize::from(target - 1)].clone())
                .unwrap_or_default();
            Goal {
                id: new_id(),
                criterion_id: id.to_string(),
                baseline: *level,
                target,
                text: format!(
                    "Move {} from {} to {}. {descriptor}",
                    name,
                    level_label(*level),
                    level_label(target)
                )
                .trim()
                .to_string(),
                extra: Extra::new(),
            }
        })
        .collect()
}

/// Where a plan stands against the school's rounds.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// No complete round after the baseline yet.
    AwaitingReassessment,
    /// A later round shows the gate passed and every goal's criterion improved.
    Eligible { round_id: Id, round_label: String },
    /// A later round exists, but not yet: the reasons, in words.
    NotYet {
        round_label: String,
        reasons: Vec<String>,
    },
}

impl ReadinessPlan {
    pub fn new(school_id: Id, baseline_round: Option<Id>, goals: Vec<Goal>, now: &str) -> Self {
        ReadinessPlan {
            school_id,
            baseline_round,
            goals,
            actions: Vec::new(),
            leadership_coach: String::new(),
            reassess_on: String::new(),
            created_at: now.to_string(),
            extra: Extra::new(),
        }
    }

    /// Measure the plan against the school's latest complete round after the baseline.
    pub fn progress(&self, readiness: &Readiness, gate: u8) -> Progress {
        let baseline_date = self
            .baseline_round
            .as_ref()
            .and_then(|id| readiness.rounds.iter().find(|r| &r.id == id))
            .map(|r| r.date.clone());
        let later = readiness
            .outcomes_for(&self.school_id)
            .into_iter()
            .rfind(|(r, _)| {
                Some(&r.id) != self.baseline_round.as_ref()
                    && baseline_date.as_ref().is_none_or(|d| &r.date >= d)
            });
        let Some((round, _)) = later else {
            return Progress::AwaitingReassessment;
        };
        let Some(f) = readiness.framework_of(round) else {
            return Progress::AwaitingReassessment;
        };
        let levels = round.agreed_levels(f.criteria.len());
        let mut reasons = Vec::new();
        let gated = score::gated(f, &levels, gate);
        if !gated.is_empty() {
            reasons.push(format!(
                "Still at or below the gate: {}.",
                gated
                    .iter()
                    .map(|&i| format!("{} ({})", f.criteria[i].name, level_label(levels[i])))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        for g in &self.goals {
            let now = f
                .criteria
                .iter()
                .position(|c| c.id == g.criterion_id)
                .map(|i| levels[i]);
            let name = f
                .criteria
                .iter()
                .find(|c| c.id == g.criterion_id)
                .map_or(g.criterion_id.as_str(), |c| c.name.as_str());
            match now {
                None => reasons.push(format!(
                    "The round\u{2019}s framework no longer has the goal\u{2019}s criterion ({name})."
                )),
                Some(l) if l <= g.baseline => reasons.push(format!(
                    "{name} has not improved: {} then, {} now.",
                    level_label(g.baseline),
                    level_label(l)
                )),
                Some(_) => {}
            }
        }
        if reasons.is_empty() {
            Progress::Eligible {
                round_id: round.id.clone(),
                round_label: round.label.clone(),
            }
        } else {
            Progress::NotYet {
                round_label: round.label.clone(),
                reasons,
            }
        }
    }

    pub fn set_leadership_coach(&mut self, name: &str) -> Result<(), String> {
        let name = name.trim();
        self.leadership_coach = if name.is_empty() {
            String::new()
        } else {
            text::clean_name("The leadership coach\u{2019}s name", name)?
        };
        Ok(())
    }

    pub fn set_reassess_on(&mut self, date: &str) -> Result<(), String> {
        self.reassess_on = if date.trim().is_empty() {
            String::new()
        } else {
            check_date(date)?
        };
        Ok(())
    }

    pub fn add_goal(&mut self, goal: Goal) -> Result<(), String> {
        if self.goals.len() >= MAX_GOALS {
            return Err(format!("A plan can have {MAX_GOALS} goals at most."));
        }
        if self
            .goals
            .iter()
            .any(|g| g.criterion_id == goal.criterion_id)
        {
            return Err("The plan already has a goal for that criterion.".into());
        }
        self.goals.push(goal);
        Ok(())
    }

    pub fn set_goal_text(&mut self, goal: &Id, text_in: &str) -> Result<(), String> {
        let t = text_in.trim();
        if t.is_empty() {
            return Err("Describe the goal in a sentence.".into());
        }
        let t = text::clean_note("The goal", t)?;
        self.goal_mut(goal)?.text = t;
        Ok(())
    }

    pub fn set_goal_target(&mut self, goal: &Id, target: u8) -> Result<(), String> {
        if !(1..=4).contains(&target) {
            return Err("A target is a level from 1 to 4.".into());
        }
        self.goal_mut(goal)?.target = target;
        Ok(())
    }

    pub fn remove_goal(&mut self, goal: &Id) -> Option<(usize, Goal)> {
        let i = self.goals.iter().position(|g| &g.id == goal)?;
        Some((i, self.goals.remove(i)))
    }

    fn goal_mut(&mut self, goal: &Id) -> Result<&mut Goal, String> {
        self.goals
            .iter_mut()
            .find(|g| &g.id == goal)
            .ok_or_else(|| "That goal is no longer in the plan.".to_string())
    }

    /// Add an action: what, who and by when are all required.
    pub fn add_action(&mut self, id: Id, what: &str, owner: &str, due: &str) -> Result<(), String> {
        if self.actions.len() >= MAX_ACTIONS {
            return Err(format!("A plan can have {MAX_ACTIONS} actions at most."));
        }
        let what = what.trim();
        if what.is_empty() {
            return Err("Say what the action is.".into());
        }
        let what = text::clean_note("The action", what)?;
        let owner = text::clean_name("The owner", owner).map_err(|_| {
            if owner.trim().is_empty() {
                "Name who owns the action.".to_string()
            } else {
                format!(
                    "The owner\u{2019}s name is too long; the limit is {} characters.",
                    text::MAX_NAME_CHARS
                )
            }
        })?;
        let due = if due.trim().is_empty() {
            return Err("Give the action a due date.".into());
        } else {
            check_date(due)?
        };
        self.actions.push(Action {
            id,
            text: what,
            owner,
            due,
            check_ins: Vec::new(),
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn remove_action(&mut self, action: &Id) -> Option<(usize, Action)> {
        let i = self.actions.iter().position(|a| &a.id == action)?;
        Some((i, self.actions.remove(i)))
    }

    pub fn restore_action(&mut self, at: usize, action: Action) {
        let at = at.min(self.actions.len());
        self.actions.insert(at, action);
    }

    /// Record a check-in on an action: a date, a status and an optional note.
    pub fn check_in(
        &mut self,
        action: &Id,
        date: &str,
        status: Status,
        note: &str,
    ) -> Result<(), String> {
        let date = check_date(date)?;
        let note = text::clean_note("The check-in note", note)?;
        let a = self
            .actions
            .iter_mut()
            .find(|a| &a.id == action)
            .ok_or_else(|| "That action is no longer in the plan.".to_string())?;
        if a.check_ins.len() >= MAX_CHECK_INS {
            return Err(format!(
                "An action can have {MAX_CHECK_INS} check-ins at most."
            ));
        }
        a.check_ins.push(CheckIn {
            date,
            status,
            note,
            extra: Extra::new(),
        });
        a.check_ins.sort_by(|x, y| x.date.cmp(&y.date));
        Ok(())
    }

    /// Dates outside the range Readyboard works with ([`dates`]). Checked when a plan enters
    /// the document (a form or a restored backup), not when a stored district loads: a date
    /// saved before the range existed must not make the whole district unreadable.
    pub fn date_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let who = &self.school_id;
        let mut date = |what: String, raw: &str| {
            if let Some(p) = dates::problem(&what, raw) {
                out.push(p);
            }
        };
        if !self.reassess_on.trim().is_empty() {
            date(
                format!("The re-assessment date in the plan for {who}"),
                &self.reassess_on,
            );
        }
        for a in &self.actions {
            let action = text::quote_short(a.text.trim());
            if !a.due.trim().is_empty() {
                date(
                    format!("The due date of the action {action} in the plan for {who}"),
                    &a.due,
                );
            }
            for c in &a.check_ins {
                date(
                    format!("A check-in on the action {action} in the plan for {who}"),
                    &c.date,
                );
            }
        }
        out
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let who = &self.school_id;
        if self.goals.len() > MAX_GOALS {
            out.push(format!(
                "The readiness plan for {who} has more than {MAX_GOALS} goals."
            ));
        }
        for g in &self.goals {
            if !(1..=4).contains(&g.target) {
                out.push(format!(
                    "A goal in the plan for {who} has target {}.",
                    g.target
                ));
            }
        }
        for a in &self.actions {
            if a.text.trim().is_empty() {
                out.push(format!("An action in the plan for {who} has no text."));
            }
        }
        out
    }
}
