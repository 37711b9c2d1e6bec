//! The phase-in planner: the plan with its scenarios and pins, the roster, readiness plans
//! and the decision brief. `view_model` is the one snapshot every page of it shares.

pub mod brief;
pub mod pin;
pub mod plan;
pub mod planner;
pub mod roster;
pub mod scenarios;
pub mod view_model;
