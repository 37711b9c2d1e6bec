//! The grid's view model: one term of the board as plain slot views (short and full words,
//! a CSS kind, locked, and the broken hard rules each slot is part of).

use crate::domain::ids::Id;
use crate::domain::plus::board::{Activity, Cell, DAYS};
use crate::domain::plus::rules::{Finding, Severity};
use crate::domain::plus::{Board, Slot, Year};
use std::collections::HashMap;

/// One slot as the grid shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SlotView {
    /// `None`: a whole-week cell.
    pub day: Option<u8>,
    pub short: String,
    pub full: String,
    /// CSS modifier: cover, cycle, coteach, study, students, release, empty, off.
    pub kind: &'static str,
    pub locked: bool,
    /// The broken hard rules this slot is part of, in words.
    pub clash: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WeekCellView {
    pub week: u16,
    pub slots: Vec<SlotView>,
}

/// "Abby D."
fn short_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    match (parts.next(), parts.last()) {
        (Some(first), Some(last)) => {
            format!("{first} {}.", last.chars().next().unwrap_or(' '))
        }
        (Some(first), None) => first.to_string(),
        _ => String::new(),
    }
}

fn slot_view(b: &Board, cell: Option<&Cell>, closed: bool, day: Option<u8>) -> SlotView {
    let Some(cell) = cell else {
        return SlotView {
            day,
            short: if closed {
                "Off".into()
            } else {
                "\u{2014}".into()
            },
            full: if closed {
                "Day off".into()
            } else {
                "Empty".into()
            },
            kind: if closed { "off" } else { "empty" },
            locked: false,
            clash: None,
        };
    };
    let teacher = |id: &Id| b.teacher(id).map_or("?".into(), |t| short_name(&t.name));
    let team = |id: &Id| b.team(id).map_or("?".into(), |t| t.name.clone());
    let (kind, short) = match &cell.activity {
        Activity::Cover { team_id } => ("cover", format!("Cover {}", team(team_id))),
        Activity::CoachingCycle { teacher_id } => {
            ("cycle", format!("Cycle {}", teacher(teacher_id)))
        }
        Activity::CoTeach { teacher_id } => {
            ("coteach", format!("Co-teach {}", teacher(teacher_id)))
        }
        Activity::LessonStudy { team_id } => ("study", format!("Study {}", team(team_id))),
        Activity::Students => ("students", "Students".into()),
        Activity::Release {
            teacher_id,
            colleague_id,
        } => (
            "release",
            format!(
                "Release {} \u{2192} {}",
                teacher(teacher_id),
                teacher(colleague_id)
            ),
        ),
    };
    let mut full = b.describe(&cell.activity);
    if let Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id } =
        &cell.activity
    {
        if let Some(t) = b.teacher(teacher_id) {
            if !t.focus.trim().is_empty() {
                full.push_str(&format!(" (focus: {})", t.focus.trim()));
            }
        }
    }
    SlotView {
        day,
        short: if day.is_none() {
            format!("All week: {short}")
        } else {
            short
        },
        full,
        kind,
        locked: cell.locked,
        clash: None,
    }
}

/// Every slot a broken hard rule involves, with the rules' sentences.
pub type Clashes = HashMap<Slot, String>;

pub fn clashes(findings: &[Finding]) -> Clashes {
    let mut out: Clashes = HashMap::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Hard) {
        for s in &f.slots {
            let e = out.entry(s.clone()).or_default();
            if !e.contains(&f.message) {
                if !e.is_empty() {
                    e.push(' ');
                }
                e.push_str(&f.message);
            }
        }
    }
    out
}

/// The grid for weeks `first..=last`: one row per Plus teacher, one entry per week.
pub fn grid(
    b: &Board,
    y: &Year,
    first: u16,
    last: u16,
    clashes: &Clashes,
) -> Vec<Vec<WeekCellView>> {
    let clash_at = |member: &Id, week: u16, day: u8| {
        if clashes.is_empty() {
            return None;
        }
        clashes
            .get(&Slot {
                member: member.clone(),
                week,
                day,
            })
            .cloned()
    };
    let mut by: HashMap<(&Id, u16), Vec<&Cell>> = HashMap::new();
    for c in b.cells.iter().filter(|c| first <= c.week && c.week <= last) {
        by.entry((&c.member_id, c.week)).or_default().push(c);
    }
    b.members
        .iter()
        .map(|m| {
            (first..=last)
                .map(|week| {
                    let cells = by.get(&(&m.id, week)).cloned().unwrap_or_default();
                    let slots = match cells.iter().find(|c| c.day.is_none()) {
                        Some(whole) => {
                            let mut v = slot_view(b, Some(whole), false, None);
                            let mut said: Vec<String> = Vec::new();
                            for d in 0..DAYS {
                                if let Some(c) = clash_at(&m.id, week, d) {
                                    if !said.contains(&c) {
                                        said.push(c);
                                    }
                                }
                            }
                            v.clash = (!said.is_empty()).then(|| said.join(" "));
                            vec![v]
                        }
                        None => (0..DAYS)
                            .map(|d| {
                                let cell = cells.iter().find(|c| c.day == Some(d)).copied();
                                let mut v = slot_view(b, cell, y.is_closed(week, d), Some(d));
                                v.clash = clash_at(&m.id, week, d);
                                v
                            })
                            .collect(),
                    };
                    WeekCellView { week, slots }
                })
                .collect()
        })
        .collect()
}
