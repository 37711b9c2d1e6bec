//! The versioned envelope that wraps the document wherever it is stored or exported.
//!
//! ```json
//! { "format": "readyboard", "schemaVersion": 1, "appVersion": "0.1.0",
//!   "savedAt": "2026-11-23T10:00:00.000Z", "revision": 7, "writer": "tab-…",
//!   "document": { … } }
//! ```
//!
//! In browser storage the document itself is kept in parts (see [`super::parts`]): the main
//! key then holds only the head, with `"document": null`, `"layout": "parts"` and the
//! revision at which each part was written. A backup file is always the whole envelope.
//!
//! `revision` grows by one on every save; a tab only writes when the stored revision is the
//! one it last read or wrote, so another tab's save is never clobbered silently.

use super::migrations;
use crate::domain::Document;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The schema this build reads and writes. Raise it only together with a migration step
/// and a fixture (see `migrations`).
///
/// Schema 2 (2026-11-29) has the same document as schema 1; it is raised because browser
/// storage now keeps the document in parts, and a build that knows only schema 1 must open
/// that read-only rather than call it damaged.
///
/// Schema 3 (2026-11-30) has the same document as schema 2, with executive coaching as an
/// optional field; it is raised because storage now keeps two new kinds of part
/// (`executive`, `engagement.<id>`), which a schema-2 build would call damaged and set
/// aside. It opens schema 3 read-only instead.
///
/// Schema 4 (2026-11-30) has the same document as schema 3, with the coaching model as an
/// optional field; it is raised for the same reason: two new kinds of part (`model`,
/// `model-versions`) that a schema-3 build must open read-only.
///
/// Schema 5 (2026-12-01) has the same document as schema 4; it is raised because storage
/// now keeps the coaching model in smaller parts (`model-school.<id>`, `model-coach.<id>`),
/// so that a check-in writes one coach's record and not the whole model. A schema-4 build
/// opens schema 5 read-only; this build reads a schema-4 `model` part that holds it all.
pub const SCHEMA_VERSION: u32 = 5;
/// The `layout` of a head that keeps the document in parts.
pub const LAYOUT_PARTS: &str = "parts";
pub const FORMAT: &str = "readyboard";
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything in the envelope but the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub schema_version: u32,
    pub app_version: String,
    pub saved_at: String,
    pub revision: u64,
    pub writer: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeOut<'a> {
    format: &'static str,
    #[serde(flatten)]
    meta: &'a Meta,
    document: &'a Document,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HeadOut<'a> {
    format: &'static str,
    #[serde(flatten)]
    meta: &'a Meta,
    document: (),
    layout: &'static str,
    parts: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    replaced: &'a [String],
}

/// The head that browser storage keeps in the main key: the envelope's header, the tag
/// (`<revision>.<writer>`) under which each part of the document was written, and the keys of
/// the parts this save replaced, which only its writer removes, at its next save.
pub fn encode_head(meta: &Meta, parts: &BTreeMap<String, String>, replaced: &[String]) -> String {
    serde_json::to_string(&HeadOut {
        format: FORMAT,
        meta,
        document: (),
        layout: LAYOUT_PARTS,
        parts,
        replaced,
    })
    .expect("a head always serialises")
}

/// What the main key of browser storage holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Head {
    /// A whole envelope (written before schema 2, by hand, or when parts did not fit):
    /// decode it as a backup.
    Whole,
    /// The document is in parts, each under its tag.
    Parts {
        meta: Meta,
        parts: BTreeMap<String, String>,
        replaced: Vec<String>,
    },
    /// A newer build's head, in a layout this build may not know. `parts` when it reads as
    /// this build's layout, for a best-effort read-only view.
    Newer {
        meta: Meta,
        parts: Option<BTreeMap<String, String>>,
    },
}

/// Tell a head from a whole envelope. `Err` when it is neither. A newer schema is recognised
/// before anything else about the head is checked, so a newer build's data is never called
/// damaged (and set aside) by this one.
pub fn read_head(raw: &str) -> Result<Head, DecodeError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Probe {
        #[serde(default)]
        layout: Option<Value>,
        #[serde(default)]
        schema_version: Option<u32>,
    }
    // A whole envelope is read by `decode`, which says what is wrong with it.
    let Ok(probe) = serde_json::from_str::<Probe>(raw) else {
        return Ok(Head::Whole);
    };
    let Some(layout) = probe.layout else {
        return Ok(Head::Whole);
    };
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct PartsHead {
        format: String,
        #[serde(flatten)]
        meta: Meta,
        parts: BTreeMap<String, String>,
        #[serde(default)]
        replaced: Vec<String>,
    }
    if probe.schema_version.is_some_and(|v| v > SCHEMA_VERSION) {
        let meta: Meta = serde_json::from_str(raw)
            .map_err(|e| DecodeError::WrongShape(format!("stored head: {e}")))?;
        let parts = (layout.as_str() == Some(LAYOUT_PARTS))
            .then(|| serde_json::from_str::<PartsHead>(raw).ok())
            .flatten()
            .map(|h| h.parts);
        return Ok(Head::Newer { meta, parts });
    }
    match layout.as_str() {
        Some(LAYOUT_PARTS) => {
            let h: PartsHead = serde_json::from_str(raw)
                .map_err(|e| DecodeError::WrongShape(format!("stored head: {e}")))?;
            if h.format != FORMAT {
                return Err(DecodeError::WrongShape(format!(
                    "the format is {}, not \u{201c}{FORMAT}\u{201d}",
                    crate::domain::text::quote_short(&h.format)
                )));
            }
            if h.meta.schema_version < 2 {
                return Err(DecodeError::WrongShape(format!(
                    "schema {} never stored the document in parts",
                    h.meta.schema_version
                )));
            }
            Ok(Head::Parts {
                meta: h.meta,
                parts: h.parts,
                replaced: h.replaced,
            })
        }
        _ => Err(DecodeError::WrongShape(format!(
            "the stored layout {} is not one this version knows",
            crate::domain::text::quote_short(&layout.to_string())
        ))),
    }
}

/// What stored text turned out to hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// Written by this schema version, or migrated up to it (`migrated_from` says from what).
    Current {
        meta: Meta,
        document: Document,
        migrated_from: Option<u32>,
    },
    /// Written by a newer build. `document` is what this build can make of it, for a
    /// read-only view; it is never written back.
    Newer {
        meta: Meta,
        document: Option<Document>,
    },
}

impl Decoded {
    pub fn meta(&self) -> &Meta {
        match self {
            Decoded::Current { meta, .. } | Decoded::Newer { meta, .. } => meta,
        }
    }
}

/// Why stored text can't be used. The message is for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON that ends part-way (a truncated write or download).
    CutOff(String),
    /// JSON nested deeper than any Readyboard file (a hostile or foreign file).
    TooDeep,
    /// JSON, but not a Readyboard envelope, or a document of the wrong shape.
    WrongShape(String),
    /// An older schema whose migration failed.
    Migration { from: u32, reason: String },
    /// Well-formed, but breaks the document's rules (duplicate IDs, bad figures…).
    Invalid(Vec<String>),
    /// A part of the document kept in browser storage is missing or damaged.
    Part { part: String, why: String },
    /// Reading this needs the [`super::codec::Reader`], which has not arrived yet: nothing is wrong
    /// with the data. Install it and read again; never set the data aside for this.
    NeedsReader,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "The data is not readable JSON ({e})."),
            DecodeError::CutOff(e) => write!(
                f,
                "The data ends part-way ({e}). It may have been cut off while being written or downloaded."
            ),
            DecodeError::TooDeep => write!(
                f,
                "The data is nested too deeply to be a Readyboard file (JSON more than 128 levels deep)."
            ),
            DecodeError::WrongShape(e) => {
                write!(f, "The data is not in the shape Readyboard expects ({e}).")
            }
            DecodeError::Migration { from, reason } => write!(
                f,
                "The data was saved by an older version (schema {from}) and could not be upgraded: {reason}"
            ),
            DecodeError::Part { part, why } => write!(
                f,
                "A part of the stored district (\u{201c}{part}\u{201d}) can't be read: {why}."
            ),
            DecodeError::NeedsReader => write!(
                f,
                "The code that reads the stored district has not loaded yet. Check the connection and reload the page."
            ),
            DecodeError::Invalid(problems) => {
                write!(f, "The data breaks {} rule(s): {}", problems.len(), problems.join(" "))
            }
        }
    }
}

/// Say what is wrong with text that is not JSON: cut off, nested too deeply, or other.
fn json_error(e: &serde_json::Error) -> DecodeError {
    if e.is_eof() {
        DecodeError::CutOff(e.to_string())
    } else if e.to_string().starts_with("recursion limit exceeded") {
        DecodeError::TooDeep
    } else {
        DecodeError::NotJson(e.to_string())
    }
}

/// Serialise a document into an envelope. This takes every type's serialiser, so it is the
/// [`super::codec::Writer`]'s: code in the main wasm calls the installed writer's `envelope`.
pub fn encode(meta: &Meta, document: &Document) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        meta,
        document,
    })
    .expect("a document always serialises")
}

/// Read stored or imported text. Never panics; every failure says why.
///
/// The document is read by the installed [`super::codec::Reader`]: without one, this says
/// [`DecodeError::NeedsReader`] once the envelope's header has been checked. Code that may
/// run before the reader has arrived (an import on the data page) calls [`decode_with`].
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    decode_as(raw, super::codec::reader())
}

/// [`decode`] with this reader.
pub fn decode_with(raw: &str, reader: super::codec::Reader) -> Result<Decoded, DecodeError> {
    decode_as(raw, Some(reader))
}

fn decode_as(raw: &str, reader: Option<super::codec::Reader>) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| json_error(&e))?;
    let Value::Object(mut obj) = value else {
        return Err(DecodeError::WrongShape(
            "expected an object at the top level".into(),
        ));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(DecodeError::WrongShape(format!(
                "the format is \u{201c}{other}\u{201d}, not \u{201c}{FORMAT}\u{201d}"
            )))
        }
        None => {
            return Err(DecodeError::WrongShape(
                "it has no \u{201c}format\u{201d} field".into(),
            ))
        }
    }
    let document = obj.remove("document").ok_or_else(|| {
        DecodeError::WrongShape("it has no \u{201c}document\u{201d} field".into())
    })?;
    let meta: Meta = serde_json::from_value(Value::Object(obj))
        .map_err(|e| DecodeError::WrongShape(format!("envelope: {e}")))?;

    if meta.schema_version == 0 {
        return Err(DecodeError::WrongShape(
            "schema version 0 does not exist".into(),
        ));
    }
    let reader = reader.ok_or(DecodeError::NeedsReader)?;
    if meta.schema_version > SCHEMA_VERSION {
        // Best effort, for a read-only view: this build's types ignore what they don't know.
        let document = (reader.document)(document).ok();
        return Ok(Decoded::Newer { meta, document });
    }
    let migrated_from = (meta.schema_version < SCHEMA_VERSION).then_some(meta.schema_version);
    let document = migrations::migrate(document, meta.schema_version).map_err(|reason| {
        DecodeError::Migration {
            from: meta.schema_version,
            reason,
        }
    })?;
    let document: Document = (reader.document)(document)
        .map_err(|e| DecodeError::WrongShape(format!("document: {e}")))?;
    let problems = document.validate();
    if !problems.is_empty() {
        return Err(DecodeError::Invalid(
            problems.into_iter().map(|p| p.0).collect(),
        ));
    }
    Ok(Decoded::Current {
        meta,
        document,
        migrated_from,
    })
}

/// Just the revision and writer of stored text, without building the document: used
/// before every save to check that no other tab has saved since. The document is skipped
/// as it is read (`IgnoredAny`), never buffered, so this stays cheap for a large district.
pub fn peek_meta(raw: &str) -> Option<Meta> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Peek {
        schema_version: u32,
        app_version: String,
        saved_at: String,
        revision: u64,
        writer: String,
        #[serde(default)]
        #[allow(dead_code)]
        document: serde::de::IgnoredAny,
    }
    serde_json::from_str::<Peek>(raw).ok().map(|p| Meta {
        schema_version: p.schema_version,
        app_version: p.app_version,
        saved_at: p.saved_at,
        revision: p.revision,
        writer: p.writer,
    })
}

/// How much of the stored text [`peek_meta_head`] needs: the envelope's header fields come
/// first (see [`encode`]), and they are short.
pub const HEAD_CHARS: u32 = 1024;

/// The envelope's header from the first [`HEAD_CHARS`] characters of stored text, without
/// the document: `encode` writes the header fields before `"document"`, so the head up to
/// that key, closed with `}`, is a complete JSON object. `None` when the head is not laid
/// out that way (the caller then reads the whole text).
pub fn peek_meta_head(head: &str) -> Option<Meta> {
    let cut = head.find(",\"document\":")?;
    let header = format!("{}}}", &head[..cut]);
    let meta = peek_meta(&header)?;
    Some(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    /// Without the reader, a whole envelope's header is still checked (so broken text is
    /// still called broken), but its document waits for the reader: `NeedsReader`, which
    /// says nothing is wrong with the data.
    #[test]
    fn the_document_waits_for_the_reader() {
        let raw = encode(&meta(3), &demo::benson("t"));
        crate::storage::codec::uninstall();
        assert_eq!(decode(&raw).unwrap_err(), DecodeError::NeedsReader);
        assert!(matches!(decode("{"), Err(DecodeError::CutOff(_))));
        assert!(matches!(
            decode(r#"{"format":"other"}"#),
            Err(DecodeError::WrongShape(_))
        ));
        // An import brings its own reader.
        assert!(matches!(
            decode_with(&raw, crate::storage::codec::full_reader()),
            Ok(Decoded::Current { .. })
        ));
        crate::storage::codec::install_both();
        assert!(matches!(decode(&raw), Ok(Decoded::Current { .. })));
    }

    fn meta(rev: u64) -> Meta {
        Meta {
            schema_version: SCHEMA_VERSION,
            app_version: APP_VERSION.into(),
            saved_at: "2026-11-23T10:00:00.000Z".into(),
            revision: rev,
            writer: "tab-a".into(),
        }
    }

    #[test]
    fn a_document_round_trips_through_the_envelope() {
        let doc = demo::benson("t");
        let raw = encode(&meta(3), &doc);
        match decode(&raw).unwrap() {
            Decoded::Current {
                meta: m,
                document,
                migrated_from,
            } => {
                assert_eq!(m, meta(3));
                assert_eq!(document, doc);
                assert_eq!(migrated_from, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn truncated_text_is_not_json() {
        let raw = encode(&meta(1), &demo::benson("t"));
        let cut = &raw[..raw.len() / 2];
        assert!(matches!(decode(cut), Err(DecodeError::CutOff(_))));
        assert!(matches!(decode(""), Err(DecodeError::CutOff(_))));
        assert!(matches!(decode("{]"), Err(DecodeError::NotJson(_))));
    }

    #[test]
    fn deep_nesting_is_called_what_it_is() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = decode(&deep).unwrap_err();
        assert_eq!(e, DecodeError::TooDeep);
        let text = e.to_string();
        assert!(text.contains("nested too deeply"), "{text}");
        assert!(!text.contains("cut off"), "{text}");
    }

    #[test]
    fn foreign_json_is_the_wrong_shape() {
        for raw in [
            r#"[1,2]"#,
            r#"{"hello":1}"#,
            r#"{"format":"excalidraw","document":{}}"#,
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::WrongShape(_))),
                "{raw}"
            );
        }
        let no_doc = r#"{"format":"readyboard","schemaVersion":1,"appVersion":"x","savedAt":"","revision":1,"writer":""}"#;
        assert!(
            matches!(decode(no_doc), Err(DecodeError::WrongShape(m)) if m.contains("document"))
        );
    }

    #[test]
    fn a_document_of_the_wrong_shape_is_refused_with_the_field() {
        let raw = encode(&meta(1), &demo::benson("t"))
            .replace(r#""enrollment":412"#, r#""enrollment":"many""#);
        match decode(&raw) {
            Err(DecodeError::WrongShape(m)) => assert!(m.contains("document"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_document_that_breaks_the_rules_is_invalid() {
        let mut doc = demo::benson("t");
        doc.schools[1].id = doc.schools[0].id.clone();
        match decode(&encode(&meta(1), &doc)) {
            Err(DecodeError::Invalid(p)) => assert!(p[0].contains("same ID"), "{p:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_newer_schema_is_recognised_and_read_best_effort() {
        let mut m = meta(9);
        m.schema_version = SCHEMA_VERSION + 1;
        let raw = encode(&m, &demo::benson("t"));
        match decode(&raw).unwrap() {
            Decoded::Newer { meta, document } => {
                assert_eq!(meta.schema_version, SCHEMA_VERSION + 1);
                assert_eq!(document.unwrap().schools.len(), 21);
            }
            other => panic!("{other:?}"),
        }
        // Even when this build can't read the newer document, it is not called corrupt.
        let unreadable = format!(
            r#"{{"format":"readyboard","schemaVersion":{},"appVersion":"9.0.0","savedAt":"","revision":1,"writer":"","document":{{"totally":"different"}}}}"#,
            SCHEMA_VERSION + 1
        );
        assert!(matches!(
            decode(&unreadable),
            Ok(Decoded::Newer { document: None, .. })
        ));
    }

    #[test]
    fn schema_zero_is_refused() {
        let mut m = meta(1);
        m.schema_version = 0;
        assert!(matches!(
            decode(&encode(&m, &demo::benson("t"))),
            Err(DecodeError::WrongShape(_))
        ));
    }

    #[test]
    fn peek_reads_the_revision_without_the_document() {
        let raw = encode(&meta(42), &demo::benson("t"));
        assert_eq!(peek_meta(&raw).unwrap().revision, 42);
        assert_eq!(peek_meta("{oops"), None);
    }

    #[test]
    fn a_newer_head_is_newer_whatever_its_layout() {
        let mut m = meta(4);
        m.schema_version = SCHEMA_VERSION + 1;
        for layout in [r#""parts2""#, r#"{"kind":"x"}"#, r#""parts""#] {
            let raw = format!(
                r#"{{"format":"readyboard","schemaVersion":{},"appVersion":"9","savedAt":"","revision":4,"writer":"w","document":null,"layout":{layout},"parts":{{"core":{{"at":1}}}}}}"#,
                SCHEMA_VERSION + 1
            );
            assert!(
                matches!(read_head(&raw), Ok(Head::Newer { ref meta, .. }) if meta.revision == 4),
                "{layout}: {:?}",
                read_head(&raw)
            );
        }
        let mut parts = BTreeMap::new();
        parts.insert("core".to_string(), "4.w".to_string());
        let raw = encode_head(&m, &parts, &[]);
        assert_eq!(
            read_head(&raw),
            Ok(Head::Newer {
                meta: m,
                parts: Some(parts)
            })
        );
    }

    #[test]
    fn a_head_of_this_schema_round_trips() {
        let mut parts = BTreeMap::new();
        parts.insert("core".to_string(), "7.abcd1234".to_string());
        let replaced = vec!["readyboard.p.core@6.abcd1234".to_string()];
        let raw = encode_head(&meta(7), &parts, &replaced);
        assert_eq!(peek_meta_head(&raw), Some(meta(7)));
        assert_eq!(
            read_head(&raw),
            Ok(Head::Parts {
                meta: meta(7),
                parts,
                replaced
            })
        );
        assert!(matches!(
            read_head(r#"{"format":"readyboard","schemaVersion":2,"layout":"rows"}"#),
            Err(DecodeError::WrongShape(_))
        ));
    }

    #[test]
    fn a_huge_name_in_a_backup_gives_a_short_message() {
        let mut doc = demo::benson("t");
        doc.schools[0].name = "é".repeat(1_000_000);
        doc.readiness.rounds[0].label = "x".repeat(1_000_000);
        let e = decode(&encode(&meta(1), &doc)).unwrap_err().to_string();
        assert!(
            e.chars().count() < 1_000,
            "{} characters",
            e.chars().count()
        );
        assert!(e.contains("(1,000,000 characters)"), "{e}");
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = decode("{").unwrap_err().to_string();
        assert!(e.starts_with("The data ends part-way"), "{e}");
    }

    #[test]
    fn the_header_is_read_from_the_head_of_the_text_alone() {
        let doc = demo::benson("t");
        let raw = encode(&meta(42), &doc);
        let head: String = raw.chars().take(HEAD_CHARS as usize).collect();
        assert_eq!(peek_meta_head(&head), Some(meta(42)));
        assert_eq!(peek_meta_head(&head), peek_meta(&raw));
        // Laid out otherwise (document first, or cut short): no answer, so the caller reads it all.
        let reordered = format!(
            r#"{{"document":{},"format":"readyboard","schemaVersion":1,"appVersion":"x","savedAt":"t","revision":1,"writer":"w"}}"#,
            serde_json::to_string(&doc).unwrap()
        );
        let head: String = reordered.chars().take(HEAD_CHARS as usize).collect();
        assert_eq!(peek_meta_head(&head), None);
        assert_eq!(peek_meta(&reordered).unwrap().revision, 1);
        assert_eq!(
            peek_meta_head(r#"{"format":"readyboard","schemaVersion":1"#),
            None
        );
        // A "document" key inside a string value does not fool it into a wrong answer.
        assert_eq!(peek_meta_head(r#"{"writer":"a,\"document\":b"}"#), None);
    }

    #[test]
    fn the_scale_district_fits_in_browser_storage_with_room_to_spare() {
        // 200 schools × 10 rounds with evidence notes (the readiness scale bench). Browsers
        // give a site about 5 Mi UTF-16 characters; the envelope must leave 10% free.
        let doc = crate::domain::synthetic::district(200, 10);
        let raw = encode(&meta(1), &doc);
        let chars = raw.encode_utf16().count();
        assert!(chars < 5 * 1024 * 1024 * 9 / 10, "{chars} characters");
        assert_eq!(peek_meta(&raw).unwrap().revision, 1);
        match decode(&raw).unwrap() {
            Decoded::Current { document, .. } => {
                assert!(document == doc, "the round trip changed the document")
            }
            _ => panic!("the scale district did not decode as current"),
        }
    }
}
