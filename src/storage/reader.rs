//! The code that reads the district's bulk, kept out of the app's first load.
//!
//! Reading readiness rounds, the planner, Plus boards, or a whole envelope's document takes
//! serde code for every capability's types: about a tenth of the main wasm (33 KB of its
//! 306 KB gzip). Storage reads the core part (the district, its schools and frameworks) with
//! its own code, and everything else through the [`Reader`] installed here. The staff app
//! fetches the reader as a piece of its own (`ui::store`), only when stored data has such
//! parts: a new user, and a district that has only its roster, never fetch it.
//!
//! When no reader is installed, a read that needs one fails with
//! [`DecodeError::NeedsReader`](super::DecodeError::NeedsReader) and changes nothing: the
//! caller fetches the reader, installs it and reads again. It is never a reason to set
//! anything aside.
//!
//! On the host (tests, examples, benches) the full reader is installed from the start.

use super::parts::Part;
use crate::domain::Document;
use serde_json::Value;
use std::cell::Cell;

/// How to read each part of a stored district, and a whole document.
#[derive(Clone, Copy)]
pub struct Reader {
    /// Any part, by its name (see [`Part::from_json`]).
    pub part: fn(&str, &[u8]) -> Result<Part, String>,
    /// A whole document from its JSON, after migrations.
    pub document: fn(Value) -> Result<Document, String>,
}

fn document(value: Value) -> Result<Document, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// The reader of every kind of part. Whatever calls this has all of the document's
/// deserialisers in its wasm piece: the main wasm must not.
pub fn full() -> Reader {
    Reader {
        part: Part::from_json,
        document,
    }
}

thread_local! {
    static INSTALLED: Cell<Option<Reader>> = Cell::new(host_default());
}

#[cfg(not(target_arch = "wasm32"))]
fn host_default() -> Option<Reader> {
    Some(full())
}

#[cfg(target_arch = "wasm32")]
fn host_default() -> Option<Reader> {
    None
}

/// Install the reader (once it has arrived).
pub fn install(reader: Reader) {
    INSTALLED.with(|c| c.set(Some(reader)));
}

/// The installed reader, if any.
pub fn installed() -> Option<Reader> {
    INSTALLED.with(Cell::get)
}

/// Forget the installed reader: for tests of what happens before it arrives.
#[doc(hidden)]
pub fn uninstall() {
    INSTALLED.with(|c| c.set(None));
}
