//! Every schema version's fixture migrates losslessly to the current schema.
#![cfg(not(target_arch = "wasm32"))]

use readyboard::storage::{decode, encode, Decoded, SCHEMA_VERSION};
use serde_json::Value;
use std::path::PathBuf;

fn fixture(version: u32) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema-v{version}.json"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("missing fixture {}: {e}", path.display()))
}

fn current_document(raw: &str) -> readyboard::domain::Document {
    match decode(raw).unwrap_or_else(|e| panic!("{e}")) {
        Decoded::Current { document, .. } => document,
        other => panic!("expected a current document, got {other:?}"),
    }
}

#[test]
fn every_version_has_a_fixture_that_migrates_to_the_current_one_losslessly() {
    let target = current_document(&fixture(SCHEMA_VERSION));
    for version in 1..=SCHEMA_VERSION {
        let raw = fixture(version);
        match decode(&raw).unwrap_or_else(|e| panic!("schema {version}: {e}")) {
            Decoded::Current {
                document,
                migrated_from,
                meta,
            } => {
                assert_eq!(
                    document, target,
                    "schema {version} did not migrate losslessly"
                );
                assert_eq!(migrated_from, (version < SCHEMA_VERSION).then_some(version));
                assert_eq!(meta.schema_version, version);
            }
            other => panic!("schema {version}: {other:?}"),
        }
    }
}

#[test]
fn the_current_fixture_re_encodes_to_itself_with_unknown_fields() {
    let raw = fixture(SCHEMA_VERSION);
    let Decoded::Current { meta, document, .. } = decode(&raw).unwrap() else {
        panic!()
    };
    let again: Value = serde_json::from_str(&encode(&meta, &document)).unwrap();
    let orig: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(again, orig);
    assert_eq!(orig["document"]["futureTopLevelField"], "kept verbatim");
}

#[test]
fn there_is_no_fixture_beyond_the_current_version() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "tests/fixtures/schema-v{}.json",
        SCHEMA_VERSION + 1
    ));
    assert!(
        !path.exists(),
        "a fixture for schema {} exists but SCHEMA_VERSION was not raised",
        SCHEMA_VERSION + 1
    );
}
