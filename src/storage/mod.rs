//! Storage: the only code that touches localStorage.
//!
//! - [`envelope`]: the versioned envelope around the document, and [`envelope::decode`],
//!   which turns stored (or imported) text into a document or says exactly why it can't.
//! - [`migrations`]: the chain that lifts an older schema to the current one, one step per
//!   version.
//! - [`sync`]: what a tab does when another tab saves (adopt, conflict, or go read-only).
//! - [`codec`]: the code that reads everything but the core part and writes every part,
//!   installed once it has arrived (it is kept out of the app's first load).
//! - [`local`]: the browser side: load, save with a revision check, quarantine, backups.
//!
//! Everything but `local` is plain Rust and tested on the host.

pub mod codec;
pub mod envelope;
pub mod local;
pub mod migrations;
pub mod pack;
pub mod parts;
pub mod sync;

pub use envelope::{decode, decode_with, encode, DecodeError, Decoded, Meta, SCHEMA_VERSION};

/// What browsers give one site in localStorage: about 5 Mi UTF-16 characters in Chromium,
/// Firefox and Safari (measured in Chromium: 5,242,308 characters in one value).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;
