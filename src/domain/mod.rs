//! The functional core: plain Rust types and rules, with no Leptos and no web-sys.
//!
//! Everything here is deterministic and unit-tested on the host. The UI renders these
//! types and calls their methods; storage serialises them.

pub mod dates;
pub mod demo;
pub mod district;
pub mod exchange;
pub mod executive;
pub mod ids;
pub mod model;
pub mod phase_in;
pub mod plus;
pub mod readiness;
pub mod synthetic;
pub mod text;

pub use district::{District, Document, OptOut, School, SchoolLevel, ValidationError};
pub use ids::Id;
