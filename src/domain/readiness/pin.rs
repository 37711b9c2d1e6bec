//! A rater's PIN: what keeps a rater's saved answers closed to the next person at the table.
//!
//! The rater chooses a short PIN when starting; the round keeps only a salted SHA-256 hash
//! of it. This guards against a colleague on a shared device, not against someone with the
//! browser's developer tools: the stored answers are in this browser's storage, readable by
//! anyone who opens it there.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MIN_PIN_DIGITS: usize = 4;
pub const MAX_PIN_DIGITS: usize = 8;

/// A salted hash of a rater's PIN, both in lowercase hex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinLock {
    pub salt: String,
    pub hash: String,
}

/// Who may open a rater's form before the reveal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No answers and no PIN yet: whoever starts chooses the PIN.
    New,
    /// Answers (or a PIN) saved: the form opens with the rater's PIN.
    Pin,
    /// Answers saved by a build before PINs: nobody can reopen them before the reveal. They
    /// still count, and are revealed with the others; the facilitator can clear them so the
    /// rater rates again.
    Sealed,
}

/// Check a PIN as typed: 4 to 8 digits.
pub fn check_pin(pin: &str) -> Result<(), String> {
    let n = pin.chars().count();
    if n == 0 {
        return Err(format!(
            "Choose a PIN of {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits."
        ));
    }
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "A PIN is digits only: {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} of them."
        ));
    }
    if !(MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&n) {
        return Err(format!(
            "The PIN has {n} digits; choose {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS}."
        ));
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn digest(salt: &str, pin: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"readyboard-pin\0");
    h.update(salt.as_bytes());
    h.update(b"\0");
    h.update(pin.as_bytes());
    hex(&h.finalize())
}

impl PinLock {
    /// A lock for `pin` with a random `salt` (from the browser). Refuses a PIN that
    /// [`check_pin`] refuses.
    pub fn new(salt: [u8; 16], pin: &str) -> Result<Self, String> {
        check_pin(pin)?;
        let salt = hex(&salt);
        let hash = digest(&salt, pin);
        Ok(PinLock { salt, hash })
    }

    pub fn matches(&self, pin: &str) -> bool {
        digest(&self.salt, pin) == self.hash
    }
}
