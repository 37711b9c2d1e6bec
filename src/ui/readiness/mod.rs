//! Readiness self-assessments: the overview, the framework editor, a school's rounds, one
//! round (raters, reveal, consensus) and its printable summary.

pub mod framework;
pub mod overview;
mod rating;
pub mod round;
pub mod school;
pub mod summary;
pub mod view;
