//! What each reader of a published schedule may read.
//!
//! Coaching conversations are confidential (seeds 001 and 003), so a schedule leaves the
//! board in one of two shapes:
//! - **a teacher's own link** ([`Shared::for_teacher`]): that teacher's sessions, their PD
//!   days, and the names and expertise of the Plus teachers they work with. No colleague is
//!   named (peer coaching says "a colleague") and no one else's focus travels. It is short
//!   enough for a text message (see the tests) and opens that teacher's page at once.
//! - **the whole-school link** ([`Shared::without_focus`]): every teacher's sessions, for
//!   Plus teachers and school leaders, with no coaching focus unless the lead chooses to
//!   include it.

use super::share::Shared;

/// In a teacher's own copy, a teacher index that names no one: the colleague in a
/// peer-coaching session. [`Shared::teacher_name`](super::share::Shared) reads it as "a
/// colleague".
pub const A_COLLEAGUE: u16 = u16::MAX;

/// Who can read what, in words, for the publish panel.
pub const WHO_READS_OWN: &str = "A teacher\u{2019}s own link carries only their sessions, their PD days, their own coaching focus, and the names and expertise of the Plus teachers they work with. A colleague they coach, or who coaches them, is not named.";
/// The whole-school link, without the focus.
pub const WHO_READS_SCHOOL: &str = "Anyone with the whole-school link can read every teacher\u{2019}s sessions and PD days. It is for Plus teachers and school leaders, not for teachers.";

impl Shared {
    /// This copy with no coaching focus: what the whole-school link carries unless the lead
    /// chooses otherwise.
    pub fn without_focus(&self) -> Shared {
        let mut out = self.clone();
        for t in &mut out.teachers {
            t.3.clear();
        }
        out
    }

    /// Teacher `t`'s own copy (see the module's notes), or `None` when there is no such
    /// teacher. Weeks stay as they are, so "Week 12" means the same in every copy.
    pub fn for_teacher(&self, t: usize) -> Option<Shared> {
        let (name, team, subject, focus) = self.teachers.get(t)?.clone();
        let me = u16::try_from(t).ok()?;
        // Only the Plus teachers this teacher works with, in their order.
        let mut members: Vec<(String, String)> = Vec::new();
        let mut member_ix = vec![None; self.members.len()];
        let mut cells = Vec::new();
        for &(week, day, m, code, a, b) in &self.cells {
            let (a, b) = match code {
                1 | 2 if a == me => (0, 0),
                3 if a == team => (0, 0),
                5 if a == me => (0, A_COLLEAGUE),
                5 if b == me => (A_COLLEAGUE, 0),
                _ => continue,
            };
            let Some(member) = self.members.get(usize::from(m)) else {
                continue;
            };
            let ix = *member_ix[usize::from(m)].get_or_insert_with(|| {
                members.push(member.clone());
                (members.len() - 1) as u8
            });
            cells.push((week, day, ix, code, a, b));
        }
        let pd = self
            .pd
            .iter()
            .filter(|p| p.1 == team)
            .map(|&(week, _, mask)| (week, 0, mask))
            .collect();
        Some(Shared {
            school: self.school.clone(),
            members,
            teams: vec![self.teams.get(usize::from(team))?.clone()],
            teachers: vec![(name, 0, subject, focus)],
            keys: self
                .keys
                .get(t)
                .map(|k| vec![k.clone()])
                .unwrap_or_default(),
            weeks: self.weeks.clone(),
            pd,
            cells,
        })
    }

    /// Whether this is one teacher's own copy: it opens that teacher's page at once.
    pub fn is_one_teacher(&self) -> bool {
        self.teachers.len() == 1
    }
}

/// What a new publication changes for each teacher, against the one before (teachers by
/// their key, or by name in copies made before keys): who needs their new link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Republished {
    /// Teachers (indexes in the new copy) whose own link is not what it was.
    pub changed: Vec<usize>,
    /// Teachers (indexes in the new copy) who had no link before.
    pub added: Vec<usize>,
    /// Names of teachers the new copy no longer has.
    pub removed: Vec<String>,
}

impl Republished {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// Who needs a new link after publishing `now` when `before` was published.
pub fn republished(before: &Shared, now: &Shared) -> Republished {
    let id = |s: &Shared, t: usize| -> String {
        match s.keys.get(t) {
            Some(k) if s.keys.len() == s.teachers.len() => format!("k:{k}"),
            _ => format!("n:{}", s.teachers[t].0),
        }
    };
    let own = |s: &Shared, t: usize| s.for_teacher(t).map(|c| super::share::encode(&c));
    let old: std::collections::HashMap<String, usize> = (0..before.teachers.len())
        .map(|t| (id(before, t), t))
        .collect();
    let mut out = Republished::default();
    let mut seen = std::collections::HashSet::new();
    for t in 0..now.teachers.len() {
        let me = id(now, t);
        match old.get(&me) {
            Some(&b) => {
                seen.insert(me);
                if own(before, b) != own(now, t) {
                    out.changed.push(t);
                }
            }
            None => out.added.push(t),
        }
    }
    out.removed = (0..before.teachers.len())
        .filter(|&b| !seen.contains(&id(before, b)))
        .map(|b| before.teachers[b].0.clone())
        .collect();
    out
}

/// The mail merge: a CSV of each teacher's name, email (empty when unknown) and own link,
/// every cell escaped against formulas (`phase_in::export::to_csv`). `emails` are in the
/// order of `shared`'s teachers ([`super::Board::shared_emails`]).
pub fn mail_merge_csv(shared: &Shared, emails: &[String], origin: &str) -> String {
    let rows: Vec<Vec<String>> = (0..shared.teachers.len())
        .filter_map(|t| {
            let own = shared.for_teacher(t)?;
            Some(vec![
                shared.teachers[t].0.clone(),
                emails.get(t).cloned().unwrap_or_default(),
                super::share::link(origin, &own),
            ])
        })
        .collect();
    crate::domain::phase_in::export::to_csv(&["Name", "Email", "Link"], &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plus::share;

    /// The demo school's published schedule, with a focus for every teacher.
    fn demo() -> Shared {
        let doc = crate::domain::demo::benson("t");
        let board = &doc.plus.boards[0];
        let name = doc
            .schools
            .iter()
            .find(|s| s.id == board.school_id)
            .map(|s| s.name.clone())
            .unwrap();
        let mut s = board.to_shared(&name);
        for (i, t) in s.teachers.iter_mut().enumerate() {
            if t.3.is_empty() {
                t.3 = format!("Focus number {i}: questioning");
            }
        }
        s
    }

    /// A district's own host, as long as most are.
    const ORIGIN: &str = "https://coaching.bensonschools.org";

    #[test]
    fn a_teachers_own_link_names_no_colleague_and_carries_no_other_focus() {
        let s = demo();
        assert!(s.teachers.len() > 10, "a real school's worth of teachers");
        for t in 0..s.teachers.len() {
            let mine = s.for_teacher(t).unwrap();
            let back = share::decode(&share::encode(&mine)).expect("a teacher's link reads");
            assert_eq!(back, mine);
            let json = serde_json::to_string(&back).unwrap();
            for (u, other) in s.teachers.iter().enumerate() {
                if u != t && other.0 != s.teachers[t].0 {
                    assert!(
                        !json.contains(&other.0),
                        "{} names {}",
                        s.teachers[t].0,
                        other.0
                    );
                }
                if u != t && other.3 != s.teachers[t].3 {
                    assert!(
                        !json.contains(&other.3),
                        "{} carries {}'s focus",
                        s.teachers[t].0,
                        other.0
                    );
                }
            }
            assert!(
                json.contains(&s.teachers[t].3),
                "their own focus is theirs to read"
            );
            // The same sessions and PD days as in the whole school's copy, peers unnamed.
            let whole = s.sessions_for(t);
            let own = back.sessions_for(0);
            assert_eq!(own.len(), whole.len());
            for (a, b) in own.iter().zip(&whole) {
                assert_eq!(
                    (a.date, a.week, &a.activity, &a.plus),
                    (b.date, b.week, &b.activity, &b.plus)
                );
                assert!(!a.with.contains("colleague") || a.activity.contains("oach"));
            }
            assert_eq!(back.pd_days_for(0), s.pd_days_for(t));
            assert!(back.is_one_teacher());
        }
    }

    #[test]
    fn peer_coaching_says_a_colleague() {
        let mut s = demo();
        // Teacher 0 coaches teacher 1 on the first day the Plus teacher 0 works.
        s.cells.push((0, 0, 0, 5, 0, 1));
        let coach = s.for_teacher(0).unwrap();
        let coached = s.for_teacher(1).unwrap();
        let day = s.date_of(0, 0).unwrap();
        let said = |x: &Shared, activity: &str| {
            x.sessions_for(0)
                .into_iter()
                .find(|v| v.activity == activity && v.date == day)
                .map(|v| v.with)
        };
        assert_eq!(
            said(&coach, "You coach a colleague").as_deref(),
            Some("You coach a colleague; the Plus teacher takes your class")
        );
        assert_eq!(
            said(&coached, "Peer coaching").as_deref(),
            Some("a colleague coaches you")
        );
        assert!(share::decode(&share::encode(&coach)).is_ok());
    }

    #[test]
    fn a_teachers_own_link_fits_a_text_message() {
        let s = demo();
        let longest = (0..s.teachers.len())
            .map(|t| {
                share::link(ORIGIN, &s.for_teacher(t).unwrap())
                    .chars()
                    .count()
            })
            .max()
            .unwrap();
        assert!(
            longest <= 1_000,
            "the longest teacher's link is {longest} characters"
        );
    }

    #[test]
    fn the_whole_school_copy_carries_no_focus_unless_asked() {
        let s = demo();
        let plain = s.without_focus();
        assert!(plain.teachers.iter().all(|t| t.3.is_empty()));
        let json = String::from_utf8(
            miniz_oxide::inflate::decompress_to_vec(
                &base64::Engine::decode(
                    &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    share::encode(&plain).trim_start_matches("v1."),
                )
                .unwrap(),
            )
            .unwrap(),
        )
        .unwrap();
        for t in &s.teachers {
            assert!(!t.3.is_empty());
            assert!(!json.contains(&t.3), "{} in {json}", t.3);
        }
        assert_eq!(plain.cells, s.cells);
        assert!(s.for_teacher(s.teachers.len()).is_none());
    }

    #[test]
    fn a_new_publication_says_whose_links_changed() {
        let before = demo();
        assert!(republished(&before, &before).is_empty());
        let mut now = before.clone();
        // A session moves for one teacher; another's focus changes; a teacher leaves.
        let t = usize::from(now.cells.iter().find(|c| c.3 == 1).unwrap().4);
        let cell = now
            .cells
            .iter_mut()
            .find(|c| c.3 == 1 && usize::from(c.4) == t)
            .unwrap();
        cell.1 = (cell.1 + 1) % 5;
        let other = (t + 1) % now.teachers.len();
        now.teachers[other].3 = "A new focus".into();
        let r = republished(&before, &now);
        assert!(
            r.changed.contains(&t) && r.changed.contains(&other),
            "{r:?}"
        );
        assert!(r.added.is_empty() && r.removed.is_empty());
        // Renaming the school changes every link; a teacher with a new key is new.
        let mut renamed = before.clone();
        renamed.school = "Maple Ridge MS".into();
        assert_eq!(
            republished(&before, &renamed).changed.len(),
            before.teachers.len()
        );
        let mut swapped = before.clone();
        swapped.keys[0] = "zzzzzzzz".into();
        let r = republished(&before, &swapped);
        assert_eq!(r.added, vec![0]);
        assert_eq!(r.removed, vec![before.teachers[0].0.clone()]);
    }

    #[test]
    fn the_mail_merge_lists_every_teacher_with_email_and_own_link_escaped() {
        let mut s = demo();
        s.teachers[1].0 = "=HYPERLINK(\"x\")".into();
        let mut emails = vec![String::new(); s.teachers.len()];
        emails[0] = "abby.diaz@bensonschools.org".into();
        let csv = mail_merge_csv(&s, &emails, ORIGIN);
        let mut reader =
            csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), s.teachers.len());
        assert_eq!(&rows[0][1], "abby.diaz@bensonschools.org");
        assert_eq!(&rows[0][2], share::link(ORIGIN, &s.for_teacher(0).unwrap()));
        assert_eq!(
            &rows[1][0], "'=HYPERLINK(\"x\")",
            "a formula is kept as text"
        );
        assert_eq!(&rows[2][1], "");
    }
}
