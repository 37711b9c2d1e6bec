//! Share links: a read-only copy of a school's Plus schedule, carried in the URL fragment
//! (`/schedule#s=…`), which browsers never send to a server.
//!
//! The schedule is written as compact JSON (names once, then cells as small integer
//! tuples), deflated, and base64url-encoded behind a version prefix. A full year for
//! eight Plus teachers and about forty teachers stays well under 8 KB (see the tests).

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
    let payload = payload.trim();
    if payload.len() > MAX_CHARS {
        return Err("This link is far too long to be a Readyboard schedule.".into());
    }
    let Some(body) = payload.strip_prefix(PREFIX) else {
        return Err(
            "This link was not made by this version of Readyboard, or it is cut short.".into(),
        );
    };
    let packed = URL_SAFE_NO_PAD.decode(body).map_err(|_| {
        "This link is damaged: part of it may have been cut off when it was copied.".to_string()
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 4 * MAX_CHARS)
        .map_err(|_| "This link is damaged: its schedule can't be unpacked.".to_string())?;
    let shared: Shared = serde_json::from_slice(&json)
        .map_err(|_| "This link holds something that is not a schedule.".to_string())?;
    shared.check()?;
    Ok(shared)
}

impl Shared {
    /// Every index points at something that exists.
    fn check(&self) -> Result<(), String> {
        let bad =
            || Err("This link's schedule refers to people or weeks it does not list.".to_string());
        let (m, t, tm, w) = (
            self.members.len(),
            self.teachers.len(),
            self.teams.len(),
            self.weeks.len(),
        );
        if self.teachers.iter().any(|x| usize::from(x.1) >= tm) {
            return bad();
        }
        for &(week, day, member, code, a, b) in &self.cells {
            let ok = usize::from(week) < w
                && day < 5
                && usize::from(member) < m
                && match code {
                    0 | 3 => usize::from(a) < tm,
                    1 | 2 => usize::from(a) < t,
                    4 => true,
                    5 => usize::from(a) < t && usize::from(b) < t,
                    _ => false,
                };
            if !ok {
                return bad();
            }
        }
        if self
            .pd
            .iter()
            .any(|&(week, team, _)| usize::from(week) >= w || usize::from(team) >= tm)
        {
            return bad();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A full year: 8 Plus teachers, 40 teachers in 5 teams, 38 weeks, every day filled.
    fn year() -> Shared {
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
}
