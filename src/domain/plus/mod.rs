//! The Plus-teacher model (seed 003): a team of expert teachers outside the master schedule
//! who, some weeks, cover a teacher team's classes for full-day PD and, other weeks, coach,
//! co-teach and run lesson study.
//!
//! - [`calendar`]: the school year: first day, instructional weeks, breaks.
//! - [`board`]: the Plus team, teacher teams, week kinds (coaching or PD) and cells.
//! - [`rules`]: the live rules, hard and warnings, each a sentence.
//!
//! The board page, the generator and the teacher view are still to come (issue 5).

pub mod board;
pub mod calendar;
pub mod rules;
