//! The migration chain: one step per schema version, applied in order.
//!
//! `STEPS[i]` lifts a document from schema `i + 1` to `i + 2`. Steps work on
//! `serde_json::Value` so that they never depend on today's types, and they must keep
//! every field they don't change.
//!
//! Browser storage keeps schema 2 and later in parts (`parts`): a step that changes the
//! document must also be applied to a stored head and its parts, by joining them into one
//! document JSON first (`parts::join` on `Value`s), migrating it, and storing it again. Schema
//! 1 → 2 changes nothing in the document, so no stored parts need it yet.
//!
//! To add schema version N + 1:
//! 1. raise `SCHEMA_VERSION` in `envelope.rs`;
//! 2. append a step from N to N + 1 here;
//! 3. add `tests/fixtures/schema-vN+1.json`, the same district as the older fixtures,
//!    written in the new schema. The fixture test then checks that every older fixture
//!    migrates to exactly it (lossless), and that each step keeps unknown fields.

use super::envelope::SCHEMA_VERSION;
use serde_json::Value;

type Step = fn(Value) -> Result<Value, String>;

/// Schema 1 to 2: the document is unchanged; browser storage keeps it in parts from schema
/// 2 on (see `parts`), which older builds must not read as damaged.
fn same_document(document: Value) -> Result<Value, String> {
    Ok(document)
}

/// Schema 2 to 3: the document is unchanged (executive coaching is a new optional field);
/// storage keeps new kinds of part, which schema-2 builds must open read-only.
fn new_kinds_of_part(document: Value) -> Result<Value, String> {
    Ok(document)
}

/// Schema 3 to 4: the document is unchanged (the coaching model is a new optional field);
/// storage keeps two more kinds of part, which schema-3 builds must open read-only.
fn coaching_model_parts(document: Value) -> Result<Value, String> {
    Ok(document)
}

/// Schema 4 to 5: the document is unchanged; storage keeps the coaching model in smaller
/// parts, which schema-4 builds must open read-only.
fn smaller_model_parts(document: Value) -> Result<Value, String> {
    Ok(document)
}

const STEPS: &[Step] = &[
    same_document,
    new_kinds_of_part,
    coaching_model_parts,
    smaller_model_parts,
];

/// Lift `document` from schema `from` to [`SCHEMA_VERSION`].
pub fn migrate(mut document: Value, from: u32) -> Result<Value, String> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(format!("there is no migration from schema {from}"));
    }
    for (i, step) in STEPS.iter().enumerate().skip(from as usize - 1) {
        document = step(document).map_err(|e| format!("step {} to {}: {e}", i + 1, i + 2))?;
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_one_step_per_version() {
        assert_eq!(STEPS.len() as u32, SCHEMA_VERSION - 1);
    }

    #[test]
    fn the_current_schema_passes_through_unchanged() {
        let v = serde_json::json!({"district": {"id": "d", "name": "D"}, "unknown": true});
        assert_eq!(migrate(v.clone(), SCHEMA_VERSION).unwrap(), v);
    }

    #[test]
    fn impossible_versions_are_refused() {
        assert!(migrate(Value::Null, 0).is_err());
        assert!(migrate(Value::Null, SCHEMA_VERSION + 1).is_err());
    }
}
