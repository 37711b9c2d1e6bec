//! The code that reads and writes the district's data, kept out of the app's first load.
//!
//! Reading readiness rounds, the planner, Plus boards, executive coaching or the coaching
//! model takes serde code for every capability's types, and writing any part takes their
//! serialisers and deflate: together about a fifth of what the main wasm would be. The main
//! wasm reads the core part (the district, its schools and frameworks) with its own code, and
//! does everything else through the [`Reader`] and the [`Writer`] installed here. The staff
//! app fetches each as a piece of its own (`ui::store`): the reader before the page when
//! stored data needs it, the writer once the page has painted, so that it is there for the
//! first save without being in the first load.
//!
//! When the reader is not installed, a read that needs it fails with
//! [`DecodeError::NeedsReader`](super::DecodeError::NeedsReader); when the writer is not, a
//! save fails with [`StorageError::NoWriter`](super::local::StorageError::NoWriter). Either
//! changes nothing: the caller fetches it, installs it and tries again. Neither is a reason
//! to set anything aside.
//!
//! On the host (tests, examples, benches) both are installed from the start.

use super::envelope::Meta;
use super::parts::Part;
use crate::domain::Document;
use serde_json::Value;
use std::cell::Cell;

/// How to read each part of a stored district but the core, and a whole document.
#[derive(Clone, Copy)]
pub struct Reader {
    /// Any part, by its name (see [`Part::from_json`]).
    pub part: fn(&str, &[u8]) -> Result<Part, String>,
    /// A whole document from its JSON, after migrations.
    pub document: fn(Value) -> Result<Document, String>,
}

/// How to write each part of a stored district, and a whole document.
#[derive(Clone, Copy)]
pub struct Writer {
    /// A part as stored: its JSON, deflated and packed ([`super::pack::pack`]).
    pub pack: fn(&Part) -> String,
    /// A whole document in its envelope: a backup file's text, or a district stored whole.
    pub envelope: fn(&Meta, &Document) -> String,
}

fn document(value: Value) -> Result<Document, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn pack(part: &Part) -> String {
    super::pack::pack(&part.to_json())
}

/// The reader of every kind of part. Whatever calls this has all of the document's
/// deserialisers in its wasm piece: the main wasm must not.
pub fn full_reader() -> Reader {
    Reader {
        part: Part::from_json,
        document,
    }
}

/// The writer of every kind of part. Whatever calls this has all of the document's
/// serialisers and deflate in its wasm piece: the main wasm must not.
pub fn full_writer() -> Writer {
    Writer {
        pack,
        envelope: super::envelope::encode,
    }
}

thread_local! {
    static READER: Cell<Option<Reader>> = Cell::new(host_default(full_reader));
    static WRITER: Cell<Option<Writer>> = Cell::new(host_default(full_writer));
}

#[cfg(not(target_arch = "wasm32"))]
fn host_default<T>(full: fn() -> T) -> Option<T> {
    Some(full())
}

#[cfg(target_arch = "wasm32")]
fn host_default<T>(_full: fn() -> T) -> Option<T> {
    None
}

/// Install the reader (once it has arrived).
pub fn install_reader(reader: Reader) {
    READER.with(|c| c.set(Some(reader)));
}

/// Install the writer (once it has arrived).
pub fn install_writer(writer: Writer) {
    WRITER.with(|c| c.set(Some(writer)));
}

/// The installed reader, if any.
pub fn reader() -> Option<Reader> {
    READER.with(Cell::get)
}

/// The installed writer, if any.
pub fn writer() -> Option<Writer> {
    WRITER.with(Cell::get)
}

/// Install both (tests that start from a loaded app).
#[doc(hidden)]
pub fn install_both() {
    install_reader(full_reader());
    install_writer(full_writer());
}

/// Forget the installed reader and writer: for tests of what happens before they arrive.
#[doc(hidden)]
pub fn uninstall() {
    READER.with(|c| c.set(None));
    WRITER.with(|c| c.set(None));
}
