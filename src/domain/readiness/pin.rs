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

/// Wrong PINs allowed in a row before a pause.
pub const PIN_TRIES: u32 = 5;
/// The pause after [`PIN_TRIES`] wrong PINs, in milliseconds.
pub const PIN_PAUSE_MS: u64 = 30_000;

/// A salted hash of a rater's PIN, both in lowercase hex, and the count of wrong tries.
///
/// The count and the pause are stored with the round, so a reload or a second tab does not
/// start them again: guessing a 4-digit PIN at the table takes hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinLock {
    pub salt: String,
    pub hash: String,
    /// Wrong PINs in a row since the last right one or the last pause.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wrong: u32,
    /// Until when no PIN may be tried (milliseconds since 1970), after too many wrong ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_until: Option<u64>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What a try of a PIN did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tried {
    Opened,
    /// Wrong; `left` more wrong tries start a pause.
    Wrong {
        left: u32,
    },
    /// Too many wrong tries: wait this many seconds (the PIN was not checked).
    Paused {
        seconds: u64,
    },
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
        Ok(PinLock {
            salt,
            hash,
            wrong: 0,
            paused_until: None,
        })
    }

    pub fn matches(&self, pin: &str) -> bool {
        digest(&self.salt, pin) == self.hash
    }

    /// Try `pin` at `now` (milliseconds since 1970): while paused nothing is checked; a
    /// right PIN clears the count; the [`PIN_TRIES`]th wrong one in a row starts a pause.
    pub fn try_pin(&mut self, pin: &str, now: u64) -> Tried {
        if let Some(mut until) = self.paused_until {
            if until > now + PIN_PAUSE_MS {
                // The clock went back (or the stored time is wrong): one pause from now.
                until = now + PIN_PAUSE_MS;
                self.paused_until = Some(until);
            }
            if now < until {
                return Tried::Paused {
                    seconds: (until - now).div_ceil(1000),
                };
            }
            self.paused_until = None;
        }
        if self.matches(pin) {
            self.wrong = 0;
            return Tried::Opened;
        }
        self.wrong = self.wrong.saturating_add(1);
        if self.wrong >= PIN_TRIES {
            self.wrong = 0;
            self.paused_until = Some(now + PIN_PAUSE_MS);
            return Tried::Paused {
                seconds: PIN_PAUSE_MS / 1000,
            };
        }
        Tried::Wrong {
            left: PIN_TRIES - self.wrong,
        }
    }

    /// Whether the lock has the shape [`PinLock::new`] gives it: a 16-byte salt and a
    /// SHA-256 hash, in lowercase hex.
    pub fn is_well_formed(&self) -> bool {
        let hex = |s: &str, n: usize| {
            s.len() == n
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        hex(&self.salt, 32) && hex(&self.hash, 64)
    }
}
