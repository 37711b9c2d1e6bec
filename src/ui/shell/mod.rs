//! The app's shell and its own pages: header and banners; home, data and backup,
//! opening a stored district, recovery, not found.

pub mod banners;
pub mod data;
pub mod error;
pub mod header;
pub mod home;
pub mod not_found;
pub mod opening;
pub mod recovery;
