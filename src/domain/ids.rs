//! Stable identifiers.
//!
//! IDs are opaque strings that never change once an entity exists: references between
//! entities (a round to its school, a pin to its school) use them, never names or indexes.
//! The core never draws randomness itself; the caller passes 16 random bytes, so every
//! function here stays deterministic and testable.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// A random (version 4) UUID built from caller-supplied random bytes.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Id(uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string())
    }

    /// A fixed, human-readable ID, used for the demo district so that links and tests
    /// can name demo entities.
    pub fn fixed(s: impl Into<String>) -> Self {
        Id(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_v4_uuids_and_differ_with_their_bytes() {
        let a = Id::from_random_bytes([7; 16]);
        let b = Id::from_random_bytes([8; 16]);
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 36);
        // Version nibble is 4 and the variant bits are RFC 4122.
        assert_eq!(&a.as_str()[14..15], "4");
        assert!(matches!(&a.as_str()[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn ids_serialise_as_plain_strings() {
        let id = Id::fixed("school-1");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"school-1\"");
    }
}
