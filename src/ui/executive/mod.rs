//! Executive coaching of principals (issue 13): not built yet.

pub mod page;
