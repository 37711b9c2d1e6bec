//! The board's data: the Plus team, the teacher teams, and what each Plus teacher does in
//! each instructional week. A week is a coaching week, or a PD week for one teacher team on
//! given days, when the Plus team covers that team's classes.

use crate::domain::district::Extra;
use crate::domain::ids::Id;
use serde::{Deserialize, Serialize};

pub const MAX_MEMBERS: usize = 12;
pub const DAYS: u8 = 5;
pub const DAY_NAMES: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A Plus teacher and their content expertise ("Secondary math").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: Id,
    pub name: String,
    pub expertise: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A grade-level team or a department.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: Id,
    pub name: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A regular teacher, with a subject and a current coaching focus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Teacher {
    pub id: Id,
    pub name: String,
    pub team_id: Id,
    pub subject: String,
    #[serde(default)]
    pub focus: String,
    /// Their email address, if the lead knows it: for the mail merge of their own links.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum WeekKind {
    Coaching,
    /// Full-day PD for `team_id` on `days` (0 = Monday … 4 = Friday).
    Pd {
        team_id: Id,
        days: Vec<u8>,
    },
}

/// What a Plus teacher does in a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Activity {
    /// Cover a PD team's classes.
    Cover {
        team_id: Id,
    },
    CoachingCycle {
        teacher_id: Id,
    },
    CoTeach {
        teacher_id: Id,
    },
    LessonStudy {
        team_id: Id,
    },
    Students,
    /// Take `teacher_id`'s class so they can coach `colleague_id`.
    Release {
        teacher_id: Id,
        colleague_id: Id,
    },
}

impl Activity {
    pub fn label(&self) -> &'static str {
        match self {
            Activity::Cover { .. } => "Cover for PD",
            Activity::CoachingCycle { .. } => "Coaching cycle",
            Activity::CoTeach { .. } => "Co-teaching",
            Activity::LessonStudy { .. } => "Lesson study",
            Activity::Students => "Work with students",
            Activity::Release { .. } => "Release a teacher to coach",
        }
    }

    /// Coaching time in the model's sense: everything but covering and student work.
    pub fn is_coaching(&self) -> bool {
        !matches!(self, Activity::Cover { .. } | Activity::Students)
    }

    /// The regular teachers this activity occupies (a team's lesson study occupies the
    /// whole team; see [`super::rules`]).
    pub fn teachers(&self) -> Vec<&Id> {
        match self {
            Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id } => {
                vec![teacher_id]
            }
            Activity::Release {
                teacher_id,
                colleague_id,
            } => vec![teacher_id, colleague_id],
            _ => Vec::new(),
        }
    }
}

/// One Plus teacher's activity in one week, on one day or (`day: None`) all week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub member_id: Id,
    pub week: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    pub activity: Activity,
    /// Kept as it is when the generator fills the year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Cell {
    /// The days (0–4) the cell takes.
    pub fn days(&self) -> impl Iterator<Item = u8> {
        let (a, b) = match self.day {
            Some(d) => (d, d + 1),
            None => (0, DAYS),
        };
        a..b
    }

    /// Cell-days this cell is worth: 5 for a whole week, 1 for a day.
    pub fn day_count(&self) -> u32 {
        if self.day.is_some() {
            1
        } else {
            u32::from(DAYS)
        }
    }
}

/// Coaching days each teacher gets from `cells`, in the order of `teachers`: a session
/// counts one day per day it takes, for every teacher it occupies.
pub fn coaching_days(teachers: &[Teacher], cells: &[Cell]) -> Vec<u32> {
    teachers
        .iter()
        .map(|t| {
            cells
                .iter()
                .filter(|c| c.activity.is_coaching() && c.activity.teachers().contains(&&t.id))
                .map(Cell::day_count)
                .sum()
        })
        .collect()
}
