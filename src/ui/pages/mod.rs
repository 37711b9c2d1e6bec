//! One file per route.

pub mod board;
pub mod data;
pub mod error;
pub mod executive;
pub mod home;
pub mod model;
pub mod not_found;
pub mod phase_in;
pub mod readiness;
pub mod recovery;
pub mod schedule;
