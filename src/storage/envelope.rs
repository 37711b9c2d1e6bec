//! The versioned envelope that wraps the document wherever it is stored or exported.
//!
//! ```json
//! { "format": "readyboard", "schemaVersion": 1, "appVersion": "0.1.0",
//!   "savedAt": "2026-11-23T10:00:00.000Z", "revision": 7, "writer": "tab-…",
//!   "document": { … } }
//! ```
//!
//! `revision` grows by one on every save; a tab only writes when the stored revision is the
//! one it last read or wrote, so another tab's save is never clobbered silently.

use super::migrations;
use crate::domain::Document;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The schema this build reads and writes. Raise it only together with a migration step
/// and a fixture (see `migrations`).
pub const SCHEMA_VERSION: u32 = 1;
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
    /// Not JSON at all, or cut off part-way (a truncated write).
    NotJson(String),
    /// JSON, but not a Readyboard envelope, or a document of the wrong shape.
    WrongShape(String),
    /// An older schema whose migration failed.
    Migration { from: u32, reason: String },
    /// Well-formed, but breaks the document's rules (duplicate IDs, bad figures…).
    Invalid(Vec<String>),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => {
                write!(f, "The data is not complete, readable JSON ({e}). It may have been cut off while being written.")
            }
            DecodeError::WrongShape(e) => {
                write!(f, "The data is not in the shape Readyboard expects ({e}).")
            }
            DecodeError::Migration { from, reason } => write!(
                f,
                "The data was saved by an older version (schema {from}) and could not be upgraded: {reason}"
            ),
            DecodeError::Invalid(problems) => {
                write!(f, "The data breaks {} rule(s): {}", problems.len(), problems.join(" "))
            }
        }
    }
}

/// Serialise a document into an envelope.
pub fn encode(meta: &Meta, document: &Document) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        meta,
        document,
    })
    .expect("a document always serialises")
}

/// Read stored or imported text. Never panics; every failure says why.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
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
    if meta.schema_version > SCHEMA_VERSION {
        // Best effort, for a read-only view: this build's types ignore what they don't know.
        let document = serde_json::from_value::<Document>(document).ok();
        return Ok(Decoded::Newer { meta, document });
    }
    let migrated_from = (meta.schema_version < SCHEMA_VERSION).then_some(meta.schema_version);
    let document = migrations::migrate(document, meta.schema_version).map_err(|reason| {
        DecodeError::Migration {
            from: meta.schema_version,
            reason,
        }
    })?;
    let document: Document = serde_json::from_value(document)
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
        assert!(matches!(decode(cut), Err(DecodeError::NotJson(_))));
        assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
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
    fn errors_read_as_sentences() {
        let e = decode("{").unwrap_err().to_string();
        assert!(e.starts_with("The data is not complete"), "{e}");
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
