//! The coaching model and the coaches' development (issue 14): not built yet.

pub mod page;
