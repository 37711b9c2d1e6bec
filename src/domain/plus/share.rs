//! Share links: a read-only copy of a school's Plus schedule, carried in the URL fragment
//! (`/schedule#s=…`), which browsers never send to a server.
//!
//! The schedule is written as compact JSON (names once, then cells as small integer
//! tuples), deflated, and base64url-encoded behind a version prefix. A full year for
//! eight Plus teachers and about forty teachers stays well under 8 KB (see the tests).

use crate::domain::text::thousands;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "v1.";
/// Links longer than this are refused when decoding: nothing real comes close.
const MAX_CHARS: usize = 200_000;

/// What a teacher needs to read the schedule: names, weeks, and the sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub school: String,
    /// (name, expertise)
    pub members: Vec<(String, String)>,
    pub teams: Vec<String>,
    /// (name, team index, subject, focus)
    pub teachers: Vec<(String, u16, String, String)>,
    /// Each teacher's stable key, in the order of `teachers` (see [`key_for`]): what a
    /// teacher's address (`?teacher=`), calendar file name and event UIDs are made from, so
    /// they are unique whatever the names and stay the same when a teacher or the school is
    /// renamed. Links and files made before keys have none; they fall back to names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// The Monday of each instructional week, `YYYY-MM-DD`, in week order.
    pub weeks: Vec<String>,
    /// PD weeks: (week index, team index, days bitmask Monday = 1).
    pub pd: Vec<(u16, u16, u8)>,
    /// (week index, day 0–4, member index, activity code, a, b): `a` and `b` are teacher
    /// or team indexes as the activity needs. Codes: 0 cover (a = team), 1 coaching cycle
    /// (a = teacher), 2 co-teach (a = teacher), 3 lesson study (a = team), 4 students,
    /// 5 release (a = teacher, b = colleague).
    pub cells: Vec<(u16, u8, u8, u8, u16, u16)>,
}

/// The fragment payload for a schedule.
pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(shared).expect("a schedule always serialises");
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Read a fragment payload back; the error says why in words.
pub fn decode(payload: &str) -> Result<Shared, String> {
    decode_as(payload, "link")
}

/// [`decode`], with the error naming what the payload came in (`"link"` or `"file"`).
fn decode_as(payload: &str, what: &str) -> Result<Shared, String> {
    let payload = payload.trim();
    if payload.len() > MAX_CHARS {
        return Err(format!(
            "This {what} is far too long to be a Readyboard schedule."
        ));
    }
    let Some(body) = payload.strip_prefix(PREFIX) else {
        return Err(format!(
            "This {what} was not made by this version of Readyboard, or it is cut short."
        ));
    };
    let packed = URL_SAFE_NO_PAD.decode(body).map_err(|_| {
        format!("This {what} is damaged: part of it may have been cut off when it was copied.")
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 4 * MAX_CHARS)
        .map_err(|_| format!("This {what} is damaged: its schedule can't be unpacked."))?;
    let shared: Shared = serde_json::from_slice(&json)
        .map_err(|_| format!("This {what} holds something that is not a schedule."))?;
    if !shared.is_consistent() {
        return Err(format!(
            "This {what}'s schedule refers to people or weeks it does not list."
        ));
    }
    Ok(shared)
}

/// Characters in a teacher's key: 40 bits, so keys of one school's teachers practically
/// never collide (and [`crate::domain::plus::Board::to_shared`] makes sure they don't).
pub const KEY_CHARS: usize = 8;

/// A teacher's key: a short hash of the school's and the teacher's stable IDs, in lower-case
/// letters and digits (Crockford's base 32, so no `i`, `l`, `o` or `u`). `salt` is 0, or
/// more only to step past a collision with another teacher of the same school.
pub fn key_for(school: &crate::domain::Id, person: &crate::domain::Id, salt: u32) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    // FNV-1a, 64 bits: the same on every platform and in every build.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let salt = salt.to_le_bytes();
    let parts: [&[u8]; 5] = [
        school.as_str().as_bytes(),
        &[0x1f],
        person.as_str().as_bytes(),
        &[0x1f],
        &salt,
    ];
    for b in parts.into_iter().flatten() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // Mix every bit into the ones kept (MurmurHash3's finaliser).
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (0..KEY_CHARS)
        .map(|i| char::from(ALPHABET[((h >> (5 * i)) & 31) as usize]))
        .collect()
}

/// Whether `k` could be a key: what a decoded link may carry.
fn is_key(k: &str) -> bool {
    (1..=16).contains(&k.len())
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Links up to this many characters pass through email and chat apps intact.
pub const LINK_LIMIT_CHARS: usize = 8 * 1024;

/// The whole share link: `{origin}/schedule#s={payload}`.
pub fn link(origin: &str, shared: &Shared) -> String {
    format!(
        "{}/schedule#s={}",
        origin.trim_end_matches('/'),
        encode(shared)
    )
}

/// Whether a link of `chars` characters fits [`LINK_LIMIT_CHARS`], and that in words.
pub fn link_size_note(chars: usize) -> (bool, String) {
    let n = thousands(chars as u64);
    let limit = thousands(LINK_LIMIT_CHARS as u64);
    if chars <= LINK_LIMIT_CHARS {
        (
            true,
            format!("The link is {n} characters long: within the 8 KB ({limit} characters) that email and chat apps carry safely."),
        )
    } else {
        (
            false,
            format!("The link is {n} characters long: over the 8 KB ({limit} characters) that email and chat apps carry safely, so some may cut it short. Send the schedule file instead."),
        )
    }
}

/// The payload in a URL fragment (`#s=…`, with or without the `#`), if there is one.
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .split('&')
        .find_map(|part| part.strip_prefix("s="))
}

/// The `format` field of a schedule file.
pub const FILE_FORMAT: &str = "readyboard-schedule";
/// The newest schedule file version this build reads and writes.
pub const FILE_VERSION: u64 = 1;

/// A schedule file: the same payload as a link, in a small JSON envelope, for schedules
/// too long for a link or for people who would rather attach a file:
/// `{"format":"readyboard-schedule","version":1,"school":"…","payload":"v1.…"}`.
/// `school` is there for people who open the file in an editor; the payload is what counts.
pub fn to_file(shared: &Shared) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'a str,
        version: u64,
        school: &'a str,
        payload: String,
    }
    let body = File {
        format: FILE_FORMAT,
        version: FILE_VERSION,
        school: &shared.school,
        payload: encode(shared),
    };
    let mut text = serde_json::to_string_pretty(&body).expect("a schedule file always serialises");
    text.push('\n');
    text
}

/// Read a schedule file, checking it fully (the payload as [`decode`] does).
pub fn from_file(text: &str) -> Result<Shared, String> {
    let not_ours = || {
        "This file is not a Readyboard schedule file. Choose the .json file your Plus lead sent you."
            .to_string()
    };
    if text.len() > 2 * MAX_CHARS {
        return Err("This file is far too big to be a Readyboard schedule file.".into());
    }
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|_| not_ours())?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
        return Err(not_ours());
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(FILE_VERSION) => {}
        Some(v) if v > FILE_VERSION => {
            return Err(format!(
                "This schedule file was made by a newer version of Readyboard (file version {v}). Ask your Plus lead for a share link instead."
            ))
        }
        _ => return Err("This schedule file has no version this Readyboard knows.".into()),
    }
    let payload = value
        .get("payload")
        .and_then(|p| p.as_str())
        .ok_or("This schedule file is damaged: its schedule is missing.")?;
    decode_as(payload, "file")
}

/// A file name for the schedule file: `coaching-schedule-maple-ridge-middle-school.json`.
pub fn file_name(shared: &Shared) -> String {
    format!(
        "coaching-schedule-{}.json",
        super::schedule::slug(&shared.school)
    )
}

impl Shared {
    /// Every index points at something that exists.
    fn is_consistent(&self) -> bool {
        let (m, t, tm, w) = (
            self.members.len(),
            self.teachers.len(),
            self.teams.len(),
            self.weeks.len(),
        );
        if self.teachers.iter().any(|x| usize::from(x.1) >= tm) {
            return false;
        }
        if !self.keys.is_empty() {
            let mut seen = std::collections::HashSet::new();
            if self.keys.len() != t
                || !self
                    .keys
                    .iter()
                    .all(|k| is_key(k) && seen.insert(k.as_str()))
            {
                return false;
            }
        }
        for &(week, day, member, code, a, b) in &self.cells {
            let ok = usize::from(week) < w
                && day < 5
                && usize::from(member) < m
                && match code {
                    0 | 3 => usize::from(a) < tm,
                    1 | 2 => usize::from(a) < t,
                    4 => true,
                    // A teacher's own copy names no colleague (teacher_link::A_COLLEAGUE).
                    5 => {
                        let ok =
                            |x: u16| usize::from(x) < t || x == super::teacher_link::A_COLLEAGUE;
                        ok(a) && ok(b) && (usize::from(a) < t || usize::from(b) < t)
                    }
                    _ => false,
                };
            if !ok {
                return false;
            }
        }
        !self
            .pd
            .iter()
            .any(|&(week, team, _)| usize::from(week) >= w || usize::from(team) >= tm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full year: 8 Plus teachers, 40 teachers in 5 teams, 38 weeks, every day filled,
    /// each teacher with a key from a random (UUID) ID, as a real board has.
    fn year() -> Shared {
        use crate::domain::Id;
        let school = Id::from_random_bytes([200; 16]);
        let subjects = ["Math", "Literacy", "Science", "Social studies"];
        let first = [
            "Ana", "Ben", "Chloe", "Dev", "Ema", "Farid", "Grace", "Hugo", "Ines", "Jon",
        ];
        let last = [
            "Ortiz", "Nguyen", "Okafor", "Schmidt", "Haddad", "Kowalski", "Moreau", "Yamada",
        ];
        Shared {
            school: "Canal Street Elementary".into(),
            members: (0..8)
                .map(|i| {
                    (
                        format!("{} {}", first[i], last[7 - i]),
                        subjects[i % 4].into(),
                    )
                })
                .collect(),
            teams: (1..=5).map(|g| format!("Grade {g}")).collect(),
            teachers: (0..40)
                .map(|i| {
                    (
                        format!("{} {}", first[i % 10], last[i % 8]),
                        (i % 5) as u16,
                        subjects[i % 4].into(),
                        "Checking for understanding".into(),
                    )
                })
                .collect(),
            keys: (0..40u8)
                .map(|i| key_for(&school, &Id::from_random_bytes([i.wrapping_mul(37); 16]), 0))
                .collect(),
            weeks: (0..38)
                .map(|w| format!("2026-{:02}-{:02}", 9 + w / 4 % 4, 1 + (w * 7) % 28))
                .collect(),
            pd: (0..38u16)
                .filter(|w| w % 4 == 3)
                .map(|w| (w, w / 4 % 5, 0b00110))
                .collect(),
            cells: (0..38u16)
                .flat_map(|w| (0..5u8).flat_map(move |d| (0..8u8).map(move |m| (w, d, m))))
                .enumerate()
                .map(|(k, (w, d, m))| {
                    if w % 4 == 3 && (d == 1 || d == 2) {
                        (w, d, m, 0, w / 4 % 5, 0)
                    } else {
                        (w, d, m, 1, (k % 40) as u16, 0)
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn a_full_year_for_eight_plus_teachers_fits_in_8_kb_and_round_trips() {
        let s = year();
        let link = encode(&s);
        let url = format!("https://example.org/schedule#s={link}");
        assert!(url.len() <= 8 * 1024, "{} characters", url.len());
        assert!(
            link.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "URL-safe"
        );
        assert_eq!(decode(&link).unwrap(), s);
    }

    #[test]
    fn damaged_or_foreign_links_say_why() {
        let link = encode(&year());
        assert!(decode(&link[..link.len() / 2])
            .unwrap_err()
            .contains("damaged"));
        assert!(decode("hello")
            .unwrap_err()
            .contains("not made by this version"));
        assert!(decode("v1.!!!").unwrap_err().contains("damaged"));
        let mut s = year();
        s.cells.push((0, 0, 99, 1, 0, 0));
        assert!(decode(&encode(&s))
            .unwrap_err()
            .contains("refers to people or weeks"));
        let not_schedule = format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 9))
        );
        assert!(decode(&not_schedule)
            .unwrap_err()
            .contains("not a schedule"));
    }

    #[test]
    fn links_carry_the_payload_in_the_fragment() {
        let s = year();
        let url = link("https://example.org/", &s);
        assert!(
            url.starts_with("https://example.org/schedule#s=v1."),
            "{url}"
        );
        let (_, fragment) = url.split_once('#').unwrap();
        assert_eq!(decode(payload_from_fragment(fragment).unwrap()).unwrap(), s);
        assert_eq!(payload_from_fragment("#s=v1.abc"), Some("v1.abc"));
        assert_eq!(payload_from_fragment("s=v1.abc"), Some("v1.abc"));
        assert_eq!(payload_from_fragment("#x=1&s=v1.abc"), Some("v1.abc"));
        assert_eq!(payload_from_fragment("#main"), None);
        assert_eq!(payload_from_fragment(""), None);
        assert!(url.len() <= LINK_LIMIT_CHARS);
    }

    #[test]
    fn a_schedule_file_round_trips_and_names_the_school() {
        let s = year();
        let file = to_file(&s);
        let v: serde_json::Value = serde_json::from_str(&file).unwrap();
        assert_eq!(v["format"], FILE_FORMAT);
        assert_eq!(v["version"], 1);
        assert_eq!(v["school"], "Canal Street Elementary");
        assert_eq!(v["payload"].as_str().unwrap(), encode(&s));
        assert_eq!(from_file(&file).unwrap(), s);
        // A byte-order mark from an editor does no harm.
        assert_eq!(from_file(&format!("\u{feff}{file}")).unwrap(), s);
        assert_eq!(
            file_name(&s),
            "coaching-schedule-canal-street-elementary.json"
        );
    }

    #[test]
    fn a_wrong_or_damaged_schedule_file_says_why() {
        let s = year();
        let payload = encode(&s);
        let with = |format: &str, version: &str, payload: &str| {
            format!(
                r#"{{"format":"{format}","version":{version},"school":"X","payload":"{payload}"}}"#
            )
        };
        for text in [
            "not json",
            "[1,2,3]",
            r#"{"format":"readyboard","schemaVersion":1,"document":{}}"#,
            &with("something-else", "1", &payload),
        ] {
            assert!(
                from_file(text)
                    .unwrap_err()
                    .contains("not a Readyboard schedule file"),
                "{text}"
            );
        }
        assert!(from_file(&with(FILE_FORMAT, "2", &payload))
            .unwrap_err()
            .contains("newer version"));
        assert!(from_file(&with(FILE_FORMAT, "\"one\"", &payload))
            .unwrap_err()
            .contains("no version"));
        assert!(
            from_file(&format!(r#"{{"format":"{FILE_FORMAT}","version":1}}"#))
                .unwrap_err()
                .contains("missing")
        );
        let cut = &payload[..payload.len() / 2];
        assert!(from_file(&with(FILE_FORMAT, "1", cut))
            .unwrap_err()
            .starts_with("This file is damaged"));
        let mut bad = year();
        bad.pd.push((999, 0, 1));
        assert_eq!(
            from_file(&to_file(&bad)).unwrap_err(),
            "This file's schedule refers to people or weeks it does not list."
        );
        assert!(from_file(&"x".repeat(2 * MAX_CHARS + 1))
            .unwrap_err()
            .contains("far too big"));
    }

    #[test]
    fn the_link_size_is_said_against_the_email_safe_limit() {
        assert_eq!(
            link_size_note(6848),
            (true, "The link is 6,848 characters long: within the 8 KB (8,192 characters) that email and chat apps carry safely.".to_string())
        );
        assert!(link_size_note(8192).0);
        let (fits, text) = link_size_note(12_345_678);
        assert!(!fits);
        assert!(
            text.starts_with("The link is 12,345,678 characters long: over"),
            "{text}"
        );
        assert!(text.contains("schedule file"));
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
