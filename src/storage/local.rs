//! The browser side of storage: the only code that touches `localStorage`.
//!
//! Layout (schema 2): the main key [`KEY`] holds the head (the envelope's header and the tag,
//! `<revision>.<writer>`, under which each part was written); each part of the document (see
//! [`super::parts`]) is packed ([`super::pack`]) under `readyboard.p.<part>@<tag>`. A district
//! stored whole by an older build is read as it is, and stored in parts by the next save.
//!
//! A save writes the changed parts under new keys first, then the head (the commit point).
//! The parts it replaced are listed in its head and removed by the same tab at its next save,
//! after it has checked that its head is still the stored one: a tab that saved at the same
//! moment may have written a head that still names them. A save cut short leaves the old
//! head and its parts intact; the keys it left are collected at the next load.
//!
//! Invariants (see ARCHITECTURE.md):
//! - nothing is written before [`load`] has read what is stored;
//! - what can't be read is copied, exactly (as JS strings, never through UTF-8), to a
//!   quarantine key before the originals are cleared; if it can't be copied it stays where it
//!   is and is never overwritten;
//! - [`save`] writes only when the stored revision is the one this tab last saw, and never
//!   over data written by a newer schema;
//! - a failed write removes what it wrote, returns an error and changes nothing in memory.

use super::codec::{self, Writer};
use super::envelope::{
    self, decode, encode_head, peek_meta, peek_meta_head, read_head, DecodeError, Decoded, Head,
    Meta, HEAD_CHARS,
};
use super::pack;
use super::parts::{self, Baseline, Part, Saved};
use crate::domain::Document;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

/// The main key: the head, or a whole envelope written before schema 2.
pub const KEY: &str = "readyboard.district";
pub use super::parts::{part_key, PART_PREFIX};
/// Unreadable data is moved to `readyboard.quarantine.<time>` keys, never deleted by the app
/// unless the person asks.
pub const QUARANTINE_PREFIX: &str = "readyboard.quarantine.";
const PROBE_KEY: &str = "readyboard.probe";

pub use super::QUOTA_CHARS;

#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser's storage quota is used up.
    Quota,
    /// localStorage can't be used at all (private mode, disabled, SecurityError): why.
    Unavailable(String),
    /// Another tab saved (or reset) since this tab last read: `stored` is what is there now.
    Conflict {
        stored: Option<Meta>,
    },
    /// Storage holds data from a newer schema: this build must not write.
    Newer(Meta),
    /// Storage holds text this build can't read (written by something else since we loaded).
    Unreadable(DecodeError),
    /// The code that writes the district (the [`codec::Writer`]) has not arrived: nothing
    /// was written. Install it and save again.
    NoWriter,
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
            StorageError::NoWriter => "the code that saves has not loaded yet".into(),
            StorageError::Other(e) => e.clone(),
        }
    }

    /// The browser's own words, when there are any beyond [`reason`](Self::reason).
    pub fn detail(&self) -> Option<&str> {
        match self {
            StorageError::Unavailable(why) | StorageError::Other(why) if !why.is_empty() => {
                Some(why)
            }
            _ => None,
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
        baseline: Baseline,
    },
    /// Written by a newer build: open read-only, never write.
    Newer {
        meta: Meta,
        document: Option<Document>,
    },
    /// Unreadable data was moved to `key`; the main key is free.
    Quarantined { key: String, error: DecodeError },
    /// Unreadable data could not be copied aside (storage full), so it stays where it is
    /// and this session must not write the main key.
    Stuck {
        error: DecodeError,
        why: StorageError,
    },
    /// Storage can't be used: the browser's words.
    Unavailable(String),
    /// What is stored has parts that only the [`codec::Reader`] reads, and it has not arrived:
    /// install it and load again. Nothing was read or moved.
    NeedsReader,
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

fn js_error_text(e: &JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", ex.name(), ex.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        String::from(err.message())
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

fn classify_write_error(e: &JsValue) -> StorageError {
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
            StorageError::Unavailable(why) | StorageError::Other(why) => {
                StorageError::Unavailable(why)
            }
            other => other,
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

fn remove_raw(key: &str) -> Result<(), StorageError> {
    raw_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(js_error_text(&e)))
}

/// `Storage.getItem` called through JS, so the value stays a JS string: it is never copied
/// into wasm memory (or through UTF-8, which would replace a lone surrogate) unless needed.
pub fn read_js_string(key: &str) -> Result<Option<js_sys::JsString>, StorageError> {
    let storage = raw_storage()?;
    let unavailable = |e: JsValue| StorageError::Unavailable(js_error_text(&e));
    let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &"getItem".into())
        .map_err(unavailable)?
        .dyn_into()
        .map_err(unavailable)?;
    let value = get_item.call1(&storage, &key.into()).map_err(unavailable)?;
    Ok(value.dyn_into::<js_sys::JsString>().ok())
}

/// `Storage.setItem` with a JS string, exactly as it is.
fn write_js_string(key: &str, value: &js_sys::JsString) -> Result<(), StorageError> {
    let storage = raw_storage()?;
    let set_item: js_sys::Function = js_sys::Reflect::get(&storage, &"setItem".into())
        .map_err(|e| StorageError::Unavailable(js_error_text(&e)))?
        .dyn_into()
        .map_err(|e: JsValue| StorageError::Unavailable(js_error_text(&e)))?;
    set_item
        .call2(&storage, &key.into(), value)
        .map(|_| ())
        .map_err(|e| classify_write_error(&e))
}

/// Every key of this site's localStorage.
fn all_keys() -> Vec<String> {
    let Ok(s) = raw_storage() else {
        return Vec::new();
    };
    let len = s.length().unwrap_or(0);
    (0..len).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// Read the stored district. Moves unreadable data aside; never writes the main key.
pub fn load(now: &str) -> Loaded {
    if let Err(e) = raw_storage() {
        return Loaded::Unavailable(e.detail().unwrap_or("no detail").to_string());
    }
    let raw = match read_raw(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(e) => return Loaded::Unavailable(e.detail().unwrap_or("no detail").to_string()),
    };
    match read_stored(&raw, None) {
        Ok(Read::Current {
            meta,
            document,
            migrated_from,
            baseline,
        }) => {
            collect_garbage(&raw);
            Loaded::Ready {
                meta,
                document,
                migrated_from,
                baseline,
            }
        }
        Ok(Read::Newer { meta, document }) => Loaded::Newer { meta, document },
        // Nothing is wrong with the data: the code that reads it has not arrived yet.
        Err(DecodeError::NeedsReader) => Loaded::NeedsReader,
        Err(error) => match quarantine_stored(now) {
            Ok(key) => Loaded::Quarantined { key, error },
            Err(why) => Loaded::Stuck { error, why },
        },
    }
}

/// What stored data turned out to hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Current {
        meta: Meta,
        document: Document,
        migrated_from: Option<u32>,
        baseline: Baseline,
    },
    /// From a newer build: what this build can make of it, for a read-only view.
    Newer {
        meta: Meta,
        document: Option<Document>,
    },
}

/// Read the district whose head (or whole envelope) is `raw`. Parts written under the tag
/// `known` already holds are taken from it rather than read again.
pub fn read_stored(raw: &str, known: Option<&Baseline>) -> Result<Read, DecodeError> {
    match read_head(raw)? {
        Head::Whole => match decode(raw)? {
            Decoded::Current {
                meta,
                document,
                migrated_from,
            } => Ok(Read::Current {
                baseline: Baseline {
                    revision: Some(meta.revision),
                    writer: Some(meta.writer.clone()),
                    ..Baseline::default()
                },
                meta,
                document,
                migrated_from,
            }),
            Decoded::Newer { meta, document } => Ok(Read::Newer { meta, document }),
        },
        Head::Newer { meta, parts: map } => {
            // Best effort: this build's types ignore what they don't know, and parts of a
            // kind it does not know are left out of the view.
            // Without the reader this waits for it, as a current district does.
            let document = match map {
                None => None,
                Some(map) => match read_parts(&map, known, true) {
                    Err(DecodeError::NeedsReader) => return Err(DecodeError::NeedsReader),
                    Ok(values) => parts::join(values).ok(),
                    Err(_) => None,
                },
            };
            Ok(Read::Newer { meta, document })
        }
        Head::Parts {
            meta,
            parts: map,
            replaced,
        } => {
            let values = read_parts(&map, known, false)?;
            let saved = Saved::new(values.clone());
            let document = parts::join(values).map_err(DecodeError::WrongShape)?;
            let problems = document.validate();
            if !problems.is_empty() {
                return Err(DecodeError::Invalid(
                    problems.into_iter().map(|p| p.0).collect(),
                ));
            }
            Ok(Read::Current {
                baseline: Baseline {
                    revision: Some(meta.revision),
                    writer: Some(meta.writer.clone()),
                    written: map,
                    replaced,
                    saved,
                },
                meta,
                document,
                migrated_from: None,
            })
        }
    }
}

fn read_parts(
    map: &BTreeMap<String, String>,
    known: Option<&Baseline>,
    skip_unknown: bool,
) -> Result<BTreeMap<String, Part>, DecodeError> {
    // A part already held under the same tag is taken from `known`, not read again.
    let held = |name: &String, tag: &String| {
        known
            .filter(|k| k.written.get(name) == Some(tag))
            .and_then(|k| k.saved.get(name))
    };
    // Without the reader nothing is read: the load is redone once it is here.
    let reader = codec::reader();
    if reader.is_none()
        && map
            .iter()
            .any(|(name, tag)| name != parts::CORE && held(name, tag).is_none())
    {
        return Err(DecodeError::NeedsReader);
    }
    let mut out = BTreeMap::new();
    for (name, tag) in map {
        if let Some(p) = held(name, tag) {
            out.insert(name.clone(), p.clone());
            continue;
        }
        let damaged = |why: String| DecodeError::Part {
            part: name.clone(),
            why,
        };
        let text = read_raw(&part_key(name, tag))
            .map_err(|e| damaged(e.reason()))?
            .ok_or_else(|| damaged("it is missing".into()))?;
        let json = pack::unpack(&text).map_err(|d| damaged(d.0))?;
        let part = match reader {
            _ if name == parts::CORE => Part::core_from_json(&json),
            Some(r) => (r.part)(name, &json),
            None => return Err(DecodeError::NeedsReader),
        };
        match part {
            Ok(part) => {
                out.insert(name.clone(), part);
            }
            Err(_) if skip_unknown => {}
            Err(e) => return Err(damaged(e)),
        }
    }
    Ok(out)
}

/// Remove parts that the stored head (`raw`) neither names nor lists as replaced: left by a
/// save that was cut short. Parts of a later revision than the head may belong to another
/// tab's save under way, so they stay; replaced ones are removed by their writer only.
fn collect_garbage(raw: &str) {
    let Ok(Head::Parts {
        meta,
        parts: map,
        replaced,
    }) = read_head(raw)
    else {
        return;
    };
    for key in all_keys() {
        let Some(rest) = key.strip_prefix(PART_PREFIX) else {
            continue;
        };
        let Some((name, tag)) = rest.rsplit_once('@') else {
            continue;
        };
        let Some(rev) = parts::tag_revision(tag) else {
            continue;
        };
        if rev <= meta.revision
            && map.get(name).map(String::as_str) != Some(tag)
            && !replaced.contains(&key)
        {
            let _ = remove_raw(&key);
        }
    }
}

/// The keys that hold the stored district now: the main key and every part key.
fn stored_keys() -> Vec<String> {
    let mut keys = vec![KEY.to_string()];
    keys.extend(
        all_keys()
            .into_iter()
            .filter(|k| k.starts_with(PART_PREFIX)),
    );
    keys
}

/// Copy what is stored to a fresh quarantine key, exactly, then clear the originals.
/// A district stored whole is copied as its very string; one stored in parts becomes one
/// JSON object of key → stored text (made by the browser's `JSON.stringify`, which keeps
/// every code unit). Returns the quarantine key. Never overwrites an earlier one.
pub fn quarantine_stored(now: &str) -> Result<String, StorageError> {
    let keys = stored_keys();
    let value = if keys.len() == 1 {
        read_js_string(KEY)?.ok_or_else(|| StorageError::Other("nothing is stored".into()))?
    } else {
        let bundle = js_sys::Object::new();
        for k in &keys {
            if let Some(v) = read_js_string(k)? {
                js_sys::Reflect::set(&bundle, &k.into(), &v)
                    .map_err(|e| StorageError::Other(js_error_text(&e)))?;
            }
        }
        js_sys::JSON::stringify(&bundle).map_err(|e| StorageError::Other(js_error_text(&e)))?
    };
    let stamp: String = now.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut key = format!("{QUARANTINE_PREFIX}{stamp}");
    let mut n = 2;
    while read_js_string(&key)?.is_some() {
        key = format!("{QUARANTINE_PREFIX}{stamp}-{n}");
        n += 1;
    }
    write_js_string(&key, &value)?;
    // Read it back: only a verified, identical copy lets the originals go.
    match read_js_string(&key)? {
        Some(copy) if copy == value => {}
        _ => {
            let _ = remove_raw(&key);
            return Err(StorageError::Other("the copy could not be verified".into()));
        }
    }
    for k in keys {
        let _ = remove_raw(&k);
    }
    Ok(key)
}

/// The stored text of the main key exactly as it is, for "Download a copy" when this build
/// may not write it. `None` when nothing is stored.
pub fn stored_text() -> Option<js_sys::JsString> {
    let keys = stored_keys();
    if keys.len() == 1 {
        return read_js_string(KEY).ok().flatten();
    }
    let bundle = js_sys::Object::new();
    for k in &keys {
        if let Ok(Some(v)) = read_js_string(k) {
            let _ = js_sys::Reflect::set(&bundle, &k.into(), &v);
        }
    }
    js_sys::JSON::stringify(&bundle).ok()
}

/// The stored header: from the head of the main key's text when it has the usual layout,
/// otherwise from the whole text. `Unreadable` when there is text but no header.
fn stored_meta() -> Result<Option<Meta>, StorageError> {
    let quick = read_js_string(KEY)?.and_then(|s| {
        let head = String::from(s.slice(0, HEAD_CHARS));
        peek_meta_head(&head)
    });
    if quick.is_some() {
        return Ok(quick);
    }
    let stored = read_raw(KEY)?;
    Ok(match &stored {
        None => None,
        Some(raw) => match peek_meta(raw) {
            Some(m) => Some(m),
            None => {
                // Text with no readable header: `decode` says why (never that it waits
                // for the reader, which only a readable header gets to).
                let why = match decode(raw).err() {
                    None | Some(DecodeError::NeedsReader) => {
                        DecodeError::WrongShape("no envelope".into())
                    }
                    Some(e) => e,
                };
                return Err(StorageError::Unreadable(why));
            }
        },
    })
}

/// Save `document` over what `base` last saw. On success `base` describes what is stored
/// now; on failure nothing stored and nothing in `base` has changed.
///
/// The head stored must be the one `base` describes, by revision and by writer: two tabs
/// that save at the same moment write the same revision, and the writer tells them apart.
pub fn save(
    document: &Document,
    base: &mut Baseline,
    writer: &str,
    now: &str,
) -> Result<Meta, StorageError> {
    let changes = base.saved.changes(document);
    save_changes(document, changes, base, writer, now)
}

/// [`save`] with the changes already found (by a [`parts::Scan`] over this `document` and
/// this `base`, taken in steps).
pub fn save_changes(
    document: &Document,
    changes: parts::Changes,
    base: &mut Baseline,
    writer: &str,
    now: &str,
) -> Result<Meta, StorageError> {
    let code = codec::writer().ok_or(StorageError::NoWriter)?;
    let stored = stored_meta()?;
    if let Some(m) = &stored {
        if m.schema_version > envelope::SCHEMA_VERSION {
            return Err(StorageError::Newer(m.clone()));
        }
    }
    if !base.is_head(stored.as_ref()) {
        return Err(StorageError::Conflict { stored });
    }
    // The head is still ours, so no other head names what our last save replaced.
    for key in std::mem::take(&mut base.replaced) {
        let _ = remove_raw(&key);
    }
    write(
        code,
        document,
        changes,
        base,
        base.revision.unwrap_or(0) + 1,
        writer,
        now,
    )
}

fn write(
    code: Writer,
    document: &Document,
    changes: parts::Changes,
    base: &mut Baseline,
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
    let t = parts::tag(revision, writer);
    let mut written_now: Vec<String> = Vec::new();
    let undo = |keys: &[String]| {
        for k in keys {
            let _ = remove_raw(k);
        }
    };
    for (name, part) in &changes.write {
        let key = part_key(name, &t);
        if let Err(e) = write_raw(&key, &(code.pack)(part)) {
            undo(&written_now);
            if e == StorageError::Quota && base.written.is_empty() {
                // A district stored whole, too near the quota for its parts to sit beside
                // it: store it whole again, in place, until it shrinks.
                return write_whole(code, document, base, meta);
            }
            return Err(e);
        }
        written_now.push(key);
    }
    let mut map = base.written.clone();
    let mut replaced: Vec<String> = Vec::new();
    for (name, _) in &changes.write {
        if let Some(old) = map.insert(name.clone(), t.clone()) {
            replaced.push(part_key(name, &old));
        }
    }
    for name in &changes.remove {
        if let Some(old) = map.remove(name) {
            replaced.push(part_key(name, &old));
        }
    }
    if let Err(e) = write_raw(KEY, &encode_head(&meta, &map, &replaced)) {
        undo(&written_now);
        return Err(e);
    }
    base.revision = Some(revision);
    base.writer = Some(writer.to_string());
    base.written = map;
    base.replaced = replaced;
    base.saved.apply(changes);
    Ok(meta)
}

/// Store the whole envelope in the main key (replacing the value in one write).
fn write_whole(
    code: Writer,
    document: &Document,
    base: &mut Baseline,
    meta: Meta,
) -> Result<Meta, StorageError> {
    write_raw(KEY, &(code.envelope)(&meta, document))?;
    *base = Baseline {
        revision: Some(meta.revision),
        writer: Some(meta.writer.clone()),
        ..Baseline::default()
    };
    Ok(meta)
}

/// Remove the district (a reset): the main key and every part. Quarantined data stays.
pub fn remove() -> Result<(), StorageError> {
    remove_raw(KEY)?;
    for k in stored_keys().into_iter().skip(1) {
        let _ = remove_raw(&k);
    }
    Ok(())
}

/// A piece of unreadable data kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
}

/// Every quarantined item, oldest first.
pub fn quarantined() -> Vec<Quarantined> {
    let mut items: Vec<Quarantined> = all_keys()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .filter_map(|key| {
            let raw = read_raw(&key).ok().flatten()?;
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
    remove_raw(key)
}

/// How much of this site's localStorage is used, in UTF-16 characters (the unit the quota is
/// counted in): by Readyboard's keys, and by everything else on this site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub ours: usize,
    pub others: usize,
}

impl Usage {
    pub fn free(&self) -> usize {
        QUOTA_CHARS.saturating_sub(self.ours + self.others)
    }
}

pub fn usage() -> Usage {
    let mut u = Usage::default();
    for k in all_keys() {
        // JS string lengths are already UTF-16 units, the quota's unit.
        let v = read_js_string(&k)
            .ok()
            .flatten()
            .map_or(0, |v| v.length() as usize);
        let n = k.encode_utf16().count() + v;
        if k.starts_with("readyboard.") {
            u.ours += n;
        } else {
            u.others += n;
        }
    }
    u
}

/// How many characters saving `document` over `base` writes: the parts that changed, packed,
/// and the head. The parts they replace are removed only after the new ones are written, so
/// this is the free space a save needs. For checking an import before it is previewed.
pub fn space_needed(code: Writer, document: &Document, base: &Baseline) -> usize {
    let changes = base.saved.changes(document);
    let parts: usize = changes
        .write
        .iter()
        .map(|(name, p)| {
            (code.pack)(p).encode_utf16().count()
                + part_key(name, &parts::tag(u64::MAX, "writer00")).len()
        })
        .sum();
    parts + 64 * (base.written.len() + 2 * changes.write.len()) + 256
}
