//! Readyboard: plan and launch an instructional-coaching program, in the browser.
//!
//! See ARCHITECTURE.md for the map. In short: `domain` is the functional core,
//! `storage` is the only code that touches localStorage, and `ui` renders domain state.

pub mod domain;
pub mod storage;
pub mod ui;
