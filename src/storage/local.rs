//! The browser side of storage: the only code that touches `localStorage`.
//!
//! Invariants (see ARCHITECTURE.md):
//! - nothing is written before [`load`] has read what is stored;
//! - text that can't be read is copied to a quarantine key before the main key is
//!   cleared, and if it can't be copied it is left where it is and never overwritten;
//! - [`save`] writes only when the stored revision is the one this tab last saw, and never
//!   over data written by a newer schema;
//! - a failed write returns an error and changes nothing in memory.

use super::envelope::{
    self, decode, encode, peek_meta, peek_meta_head, DecodeError, Decoded, Meta, HEAD_CHARS,
};
use crate::domain::Document;
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

/// Where the district document lives.
pub const KEY: &str = "readyboard.district";
/// Unreadable data is moved to `readyboard.quarantine.<time>` keys, never deleted by the app
/// unless the person asks.
pub const QUARANTINE_PREFIX: &str = "readyboard.quarantine.";
const PROBE_KEY: &str = "readyboard.probe";

#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser's storage quota is used up.
    Quota,
    /// localStorage can't be used at all (private mode, disabled, SecurityError).
    Unavailable(String),
    /// Another tab saved (or reset) since this tab last read: `stored` is what is there now.
    Conflict {
        stored: Option<Meta>,
    },
    /// Storage holds data from a newer schema: this build must not write.
    Newer(Meta),
    /// Storage holds text this build can't read (written by something else since we loaded).
    Unreadable(DecodeError),
    Other(String),
}

impl StorageError {
    /// A short reason for the save indicator ("Not saved: …").
    pub fn reason(&self) -> String {
        match self {
            StorageError::Quota => "browser storage is full".into(),
            StorageError::Unavailable(_) => "browser storage is unavailable".into(),
            StorageError::Conflict { .. } => "changed in another tab".into(),
            StorageError::Newer(_) => "a newer version of Readyboard saved this data".into(),
            StorageError::Unreadable(_) => "the stored data became unreadable".into(),
            StorageError::Other(e) => e.clone(),
        }
    }
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: first run.
    Empty,
    Ready {
        meta: Meta,
        document: Document,
        migrated_from: Option<u32>,
    },
    /// Written by a newer build: open read-only, never write.
    Newer {
        meta: Meta,
        document: Option<Document>,
    },
    /// Unreadable data was moved to `key`; the main key is free.
    Quarantined {
        key: String,
        error: DecodeError,
    },
    /// Unreadable data could not be copied aside (storage full), so it stays where it is
    /// and this session must not write the main key.
    Stuck {
        error: DecodeError,
        why: StorageError,
    },
    Unavailable(String),
}

fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable(
            "this browser has no local storage".into(),
        )),
        Err(e) => Err(StorageError::Unavailable(js_error_text(&e))),
    }
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

fn classify_write_error(e: &wasm_bindgen::JsValue) -> StorageError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        // 22 is the legacy code; Firefox once used NS_ERROR_DOM_QUOTA_REACHED.
        if ex.name() == "QuotaExceededError"
            || ex.code() == 22
            || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
        {
            return StorageError::Quota;
        }
        if ex.name() == "SecurityError" {
            return StorageError::Unavailable(js_error_text(e));
        }
    }
    StorageError::Other(js_error_text(e))
}

/// Check that storage exists and accepts a write. Private modes that expose a storage
/// object but refuse every write are caught here.
pub fn probe() -> Result<(), StorageError> {
    let s = raw_storage()?;
    s.set_item(PROBE_KEY, "1")
        .map_err(|e| match classify_write_error(&e) {
            // A full store is still a usable store for reading.
            StorageError::Quota => StorageError::Quota,
            other => StorageError::Unavailable(other.reason()),
        })?;
    let _ = s.remove_item(PROBE_KEY);
    Ok(())
}

pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    raw_storage()?
        .get_item(key)
        .map_err(|e| StorageError::Unavailable(js_error_text(&e)))
}

fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    raw_storage()?
        .set_item(key, value)
        .map_err(|e| classify_write_error(&e))
}

/// Read the stored district. Moves unreadable data aside; never writes the main key.
pub fn load(now: &str) -> Loaded {
    if let Err(e) = raw_storage() {
        return Loaded::Unavailable(e.reason());
    }
    let raw = match read_raw(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(e) => return Loaded::Unavailable(e.reason()),
    };
    match decode(&raw) {
        Ok(Decoded::Current {
            meta,
            document,
            migrated_from,
        }) => Loaded::Ready {
            meta,
            document,
            migrated_from,
        },
        Ok(Decoded::Newer { meta, document }) => Loaded::Newer { meta, document },
        Err(error) => match quarantine(&raw, now) {
            Ok(key) => {
                let _ = LocalStorage::raw().remove_item(KEY);
                Loaded::Quarantined { key, error }
            }
            Err(why) => Loaded::Stuck { error, why },
        },
    }
}

/// Copy `raw` to a fresh quarantine key and return the key. Never overwrites an earlier one.
pub fn quarantine(raw: &str, now: &str) -> Result<String, StorageError> {
    let stamp: String = now.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut key = format!("{QUARANTINE_PREFIX}{stamp}");
    let mut n = 2;
    while read_raw(&key)?.is_some() {
        key = format!("{QUARANTINE_PREFIX}{stamp}-{n}");
        n += 1;
    }
    write_raw(&key, raw)?;
    // Read it back: only a verified copy lets the caller clear the original.
    match read_raw(&key)? {
        Some(copy) if copy == raw => Ok(key),
        _ => Err(StorageError::Other("the copy could not be verified".into())),
    }
}

/// Save `document` over revision `expected` (`None`: nothing was stored when this tab
/// last looked). Returns the new envelope metadata.
pub fn save(
    document: &Document,
    expected: Option<u64>,
    writer: &str,
    now: &str,
) -> Result<Meta, StorageError> {
    let stored_meta = match stored_meta_quickly()? {
        Some(meta) => Some(meta),
        None => stored_meta_slowly()?,
    };
    if let Some(m) = &stored_meta {
        if m.schema_version > envelope::SCHEMA_VERSION {
            return Err(StorageError::Newer(m.clone()));
        }
    }
    if stored_meta.as_ref().map(|m| m.revision) != expected {
        return Err(StorageError::Conflict {
            stored: stored_meta,
        });
    }
    write(document, expected.unwrap_or(0) + 1, writer, now)
}

/// The stored header from the head of the stored text alone: `Ok(None)` when nothing is
/// stored or the head does not have the usual layout (then [`stored_meta_slowly`] decides).
fn stored_meta_quickly() -> Result<Option<Meta>, StorageError> {
    Ok(read_js_string(KEY)?.and_then(|s| {
        let head = String::from(s.slice(0, HEAD_CHARS));
        peek_meta_head(&head)
    }))
}

/// `Storage.getItem` called through JS, so the value stays a JS string: a large district is
/// not copied into wasm memory when only its head or its length is needed.
fn read_js_string(key: &str) -> Result<Option<js_sys::JsString>, StorageError> {
    let storage = raw_storage()?;
    let unavailable = |e: wasm_bindgen::JsValue| StorageError::Unavailable(js_error_text(&e));
    let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &"getItem".into())
        .map_err(unavailable)?
        .dyn_into()
        .map_err(unavailable)?;
    let value = get_item.call1(&storage, &key.into()).map_err(unavailable)?;
    Ok(value.dyn_into::<js_sys::JsString>().ok())
}

/// The stored header from the whole stored text: `Unreadable` if it has none.
fn stored_meta_slowly() -> Result<Option<Meta>, StorageError> {
    let stored = read_raw(KEY)?;
    Ok(match &stored {
        None => None,
        Some(raw) => match peek_meta(raw) {
            Some(m) => Some(m),
            None => {
                return Err(StorageError::Unreadable(
                    decode(raw)
                        .err()
                        .unwrap_or(DecodeError::WrongShape("no envelope".into())),
                ))
            }
        },
    })
}

/// Save after the person chose to keep this tab's version over another tab's: the
/// revision check is skipped, the newer-schema check is not.
pub fn save_over(document: &Document, writer: &str, now: &str) -> Result<Meta, StorageError> {
    let stored_meta = match stored_meta_quickly()? {
        Some(meta) => Some(meta),
        None => read_raw(KEY)?.as_deref().and_then(peek_meta),
    };
    if let Some(m) = &stored_meta {
        if m.schema_version > envelope::SCHEMA_VERSION {
            return Err(StorageError::Newer(m.clone()));
        }
    }
    write(
        document,
        stored_meta.map_or(0, |m| m.revision) + 1,
        writer,
        now,
    )
}

fn write(
    document: &Document,
    revision: u64,
    writer: &str,
    now: &str,
) -> Result<Meta, StorageError> {
    let meta = Meta {
        schema_version: envelope::SCHEMA_VERSION,
        app_version: envelope::APP_VERSION.to_string(),
        saved_at: now.to_string(),
        revision,
        writer: writer.to_string(),
    };
    write_raw(KEY, &encode(&meta, document))?;
    Ok(meta)
}

/// Remove the district (a reset). Quarantined data stays.
pub fn remove() -> Result<(), StorageError> {
    raw_storage()?
        .remove_item(KEY)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// A piece of unreadable data kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
}

/// Every quarantined item, oldest first.
pub fn quarantined() -> Vec<Quarantined> {
    let Ok(s) = raw_storage() else {
        return Vec::new();
    };
    let len = s.length().unwrap_or(0);
    let mut items: Vec<Quarantined> = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .filter_map(|key| {
            let raw = s.get_item(&key).ok().flatten()?;
            Some(Quarantined { key, raw })
        })
        .collect();
    items.sort_by(|a, b| a.key.cmp(&b.key));
    items
}

pub fn delete_quarantined(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(QUARANTINE_PREFIX) {
        return Err(StorageError::Other("not a quarantine key".into()));
    }
    raw_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// What browsers give one site in localStorage: about 5 Mi UTF-16 characters in Chromium,
/// Firefox and Safari (measured in Chromium: 5,242,308 characters in one value).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// How many UTF-16 characters Readyboard's keys and values take in localStorage, the unit
/// the quota is counted in.
pub fn usage_chars() -> usize {
    let Ok(s) = raw_storage() else { return 0 };
    let len = s.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("readyboard."))
        .map(|k| {
            // JS string lengths are already UTF-16 units, the quota's unit.
            let v = read_js_string(&k)
                .ok()
                .flatten()
                .map_or(0, |v| v.length() as usize);
            k.encode_utf16().count() + v
        })
        .sum()
}
