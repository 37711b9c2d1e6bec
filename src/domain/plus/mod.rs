//! The Plus-teacher model (seed 003): a team of expert teachers outside the master schedule
//! who, some weeks, cover a teacher team's classes for full-day PD and, other weeks, coach,
//! co-teach and run lesson study.
//!
//! - [`calendar`]: the school year: first day, instructional weeks, breaks.
//! - [`board`]: the Plus team, teacher teams, week kinds (coaching or PD) and cells.
//! - [`rules`]: the live rules, hard and warnings, each a sentence.
//! - [`fill`]: filling the rest of the year, with a message for the whole board.
//! - [`generate`]: fill the year around locked cells: PD cover first, then coaching days to
//!   the teacher with the fewest so far (fair within one day), deterministic.
//! - [`people_csv`]: teachers and the Plus team from CSV or pasted rows (preview first).
//! - [`pd_plan`]: a PD plan for the year in one step (every Nth week, teams in turn).
//! - [`metrics`]: coaching days per teacher, each Plus teacher's split, and the multiple of a
//!   traditional model's days.
//! - [`ics`]: iCalendar files with stable UIDs.
//! - [`share`]: share links: the schedule deflated into the URL fragment (a full year for
//!   eight Plus teachers: about 6 KB).
//!
//! - [`teacher_link`]: who reads what: a teacher's own copy, and the whole school's without
//!   the coaching focus.
//! - [`state`]: what is stored (one [`state::Board`] per school) and the board's edits.
//! - [`schedule`]: a teacher's sessions and PD days, and calendar files, from a shared copy.
//! - [`demo`]: the demo school's board.

pub mod board;
pub mod calendar;
pub mod demo;
pub mod fill;
pub mod generate;
pub mod ics;
pub mod metrics;
pub mod pd_plan;
pub mod people_csv;
pub mod rules;
pub mod schedule;
pub mod share;
pub mod state;
pub mod teacher_link;

#[cfg(test)]
mod tests;

pub use state::{Board, Plus, Slot, Year};
