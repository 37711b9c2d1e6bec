//! One file per route.

pub mod board;
pub mod board_setup;
pub mod data;
pub mod error;
pub mod executive;
pub mod home;
pub mod model;
pub mod not_found;
pub mod phase_in;
pub mod phase_in_brief;
pub mod phase_in_plan;
pub mod phase_in_roster;
pub mod readiness;
pub mod readiness_framework;
pub mod readiness_round;
mod readiness_round_rating;
pub mod readiness_school;
pub mod readiness_summary;
pub mod recovery;
pub mod schedule;
