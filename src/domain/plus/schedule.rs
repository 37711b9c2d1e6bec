//! The teacher's view of a schedule: their sessions and PD days, in date order, and the
//! calendar files. It reads a [`Shared`] copy, so a schedule opened from a link and one
//! read from this browser's own district show the same way.

use super::calendar::parse_date;
use super::ics::{self, Event};
use super::share::Shared;
use crate::domain::dates;
use time::{Date, Duration};

/// One session, from the teacher's side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub date: Date,
    /// 1-based week number.
    pub week: u16,
    /// "Coaching cycle", "Co-teaching", "Lesson study", "You coach a colleague", "Peer coaching"
    pub activity: String,
    /// The Plus teacher and their expertise: "Dev Patel (Secondary math)".
    pub plus: String,
    /// Who else, in words: "with the Grade 7 team", "Jon Ortiz coaches you", "" if no one.
    pub with: String,
    /// The teacher's coaching focus at the time the schedule was shared.
    pub focus: String,
}

/// A full-day PD day for the teacher's team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdDay {
    pub date: Date,
    pub week: u16,
    pub team: String,
}

impl Shared {
    /// The date of `day` (0 = Monday) in week index `week` (0-based); `None` if the week is
    /// not a date, or the day would be past the last date `time` holds.
    pub fn date_of(&self, week: u16, day: u8) -> Option<Date> {
        let monday = dates::parse_shape(self.weeks.get(usize::from(week))?)?;
        monday.checked_add(Duration::days(i64::from(day)))
    }

    fn plus_label(&self, m: u8) -> String {
        match self.members.get(usize::from(m)) {
            Some((name, e)) if !e.trim().is_empty() => format!("{name} ({})", e.trim()),
            Some((name, _)) => name.clone(),
            None => String::new(),
        }
    }

    fn teacher_name(&self, t: u16) -> &str {
        self.teachers
            .get(usize::from(t))
            .map_or("a colleague", |x| x.0.as_str())
    }

    /// Teacher `t`'s sessions, oldest first.
    pub fn sessions_for(&self, t: usize) -> Vec<Session> {
        let Some((_, team, _, focus)) = self.teachers.get(t) else {
            return Vec::new();
        };
        let me = t as u16;
        let mut out: Vec<Session> = self
            .cells
            .iter()
            .filter_map(|&(week, day, m, code, a, b)| {
                let (activity, with) = match code {
                    1 if a == me => ("Coaching cycle".to_string(), String::new()),
                    2 if a == me => ("Co-teaching".to_string(), String::new()),
                    3 if a == *team => (
                        "Lesson study".to_string(),
                        format!(
                            "with the {} team",
                            self.teams.get(usize::from(a)).map_or("", |s| s.as_str())
                        ),
                    ),
                    5 if a == me => (
                        "You coach a colleague".to_string(),
                        format!(
                            "You coach {}; the Plus teacher takes your class",
                            self.teacher_name(b)
                        ),
                    ),
                    5 if b == me => (
                        "Peer coaching".to_string(),
                        format!("{} coaches you", self.teacher_name(a)),
                    ),
                    _ => return None,
                };
                Some(Session {
                    date: self.date_of(week, day)?,
                    week: week + 1,
                    activity,
                    plus: self.plus_label(m),
                    with,
                    focus: focus.clone(),
                })
            })
            .collect();
        out.sort_by(|x, y| x.date.cmp(&y.date).then(x.activity.cmp(&y.activity)));
        out.dedup_by(|x, y| x.date == y.date && x.activity == y.activity && x.with == y.with);
        out
    }

    /// Teacher `t`'s full-day PD days, oldest first.
    pub fn pd_days_for(&self, t: usize) -> Vec<PdDay> {
        let Some((_, team, _, _)) = self.teachers.get(t) else {
            return Vec::new();
        };
        let mut out: Vec<PdDay> = self
            .pd
            .iter()
            .filter(|p| p.1 == *team)
            .flat_map(|&(week, team, mask)| {
                (0..5u8)
                    .filter(move |d| mask & (1 << d) != 0)
                    .filter_map(move |d| {
                        Some(PdDay {
                            date: self.date_of(week, d)?,
                            week: week + 1,
                            team: self.teams.get(usize::from(team))?.clone(),
                        })
                    })
            })
            .collect();
        out.sort_by_key(|p| p.date);
        out
    }

    /// Teacher `t`'s stable key, when the copy carries keys (every copy made since keys
    /// came; see [`Shared::keys`]).
    fn key(&self, t: usize) -> Option<&str> {
        (self.keys.len() == self.teachers.len())
            .then(|| self.keys.get(t).map(String::as_str))
            .flatten()
    }

    /// Teacher `t` by name, as links made before keys named them: the name as a slug, with
    /// the position added when another teacher's name makes the same slug.
    fn name_slug(&self, t: usize) -> String {
        let mine = slug(&self.teachers[t].0);
        let twins = self.teachers.iter().filter(|x| slug(&x.0) == mine).count();
        if twins > 1 {
            format!("{mine}-{}", t + 1)
        } else {
            mine
        }
    }

    /// A stable key for a teacher in UIDs: their key; in a copy made before keys, the
    /// school and the teacher by name ([`Shared::name_slug`]).
    fn person_key(&self, t: usize) -> String {
        match self.key(t) {
            Some(k) => k.to_string(),
            None => format!("{}-{}", slug(&self.school), self.name_slug(t)),
        }
    }

    fn events_for(&self, t: usize, whole_school: bool) -> Vec<Event> {
        let key = self.person_key(t);
        let name = &self.teachers[t].0;
        let prefix = if whole_school {
            format!("{name}: ")
        } else {
            String::new()
        };
        let mut out = Vec::new();
        for s in self.sessions_for(t) {
            let mut description = format!("Plus teacher: {}", s.plus);
            if !s.with.is_empty() {
                description.push_str(&format!("\n{}", s.with));
            }
            if !s.focus.trim().is_empty() {
                description.push_str(&format!("\nFocus: {}", s.focus.trim()));
            }
            out.push(Event {
                uid: ics::uid(&key, s.date),
                date: s.date,
                summary: format!("{prefix}{} ({})", s.activity, self.school),
                description,
            });
        }
        for p in self.pd_days_for(t) {
            out.push(Event {
                uid: ics::uid(&format!("{key}-pd"), p.date),
                date: p.date,
                summary: format!("{prefix}Full-day PD, {} team", p.team),
                description: "The Plus team covers your classes.".into(),
            });
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.uid.cmp(&b.uid)));
        out
    }

    /// The calendar file for one teacher, or (`None`) every teacher in the school.
    pub fn ics(&self, teacher: Option<usize>, stamp: &str) -> String {
        match teacher {
            Some(t) if t < self.teachers.len() => ics::calendar(
                &format!("Coaching: {} ({})", self.teachers[t].0, self.school),
                &self.events_for(t, false),
                stamp,
            ),
            _ => {
                let events: Vec<Event> = (0..self.teachers.len())
                    .flat_map(|t| self.events_for(t, true))
                    .collect();
                ics::calendar(&format!("Coaching: {}", self.school), &events, stamp)
            }
        }
    }

    /// A file name for the calendar: `coaching-ana-ortiz-7k2m9qxa.ics` for a teacher (their
    /// [`Shared::teacher_slug`]: `coaching-7k2m9qxa.ics` for a name with no Latin letters),
    /// `coaching-maple-ridge-middle-school.ics` for the school.
    pub fn ics_file_name(&self, teacher: Option<usize>) -> String {
        match teacher.and_then(|t| self.teacher_slug(t)) {
            Some(t) => format!("coaching-{t}.ics"),
            None => format!("coaching-{}.ics", slug(&self.school)),
        }
    }
}

/// A teacher's schedule split at today: what is still to come first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Sessions on or after today, soonest first.
    pub upcoming: Vec<Session>,
    /// Sessions before today, most recent first.
    pub earlier: Vec<Session>,
    /// PD days on or after today, soonest first.
    pub pd_upcoming: Vec<PdDay>,
    /// PD days before today, most recent first.
    pub pd_earlier: Vec<PdDay>,
}

impl Agenda {
    /// Every session and PD day: what a teacher's calendar file holds.
    pub fn len(&self) -> usize {
        self.upcoming.len() + self.earlier.len() + self.pd_upcoming.len() + self.pd_earlier.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Shared {
    /// Teacher `t`'s sessions and PD days, split at `today` (`YYYY-MM-DD`; a day that is
    /// today counts as upcoming). If `today` is not a date, everything is upcoming.
    pub fn agenda(&self, t: usize, today: &str) -> Agenda {
        let today = parse_date(today).ok();
        let is_past = |d: Date| today.is_some_and(|today| d < today);
        let (mut earlier, upcoming): (Vec<Session>, Vec<Session>) = self
            .sessions_for(t)
            .into_iter()
            .partition(|s| is_past(s.date));
        let (mut pd_earlier, pd_upcoming): (Vec<PdDay>, Vec<PdDay>) = self
            .pd_days_for(t)
            .into_iter()
            .partition(|p| is_past(p.date));
        earlier.reverse();
        pd_earlier.reverse();
        Agenda {
            upcoming,
            earlier,
            pd_upcoming,
            pd_earlier,
        }
    }

    /// Teacher `t` in a URL: their name as a slug for people to read, then their key,
    /// which alone decides who it is (`abby-ellis-7k2m9qxa`; `7k2m9qxa` for a name with no
    /// Latin letters, such as 王芳). In a copy made before keys: the name as a slug, with
    /// the position added when two names make the same slug (`abby-ellis`, `sam-lee-12`).
    pub fn teacher_slug(&self, t: usize) -> Option<String> {
        let name = &self.teachers.get(t)?.0;
        Some(match self.key(t) {
            Some(k) => match slug_words(name) {
                words if words.is_empty() => k.to_string(),
                words => format!("{words}-{k}"),
            },
            None => self.name_slug(t),
        })
    }

    /// The teacher a slug from [`Shared::teacher_slug`] names, if any. With keys, the key
    /// at the end decides, so an address still works after the teacher is renamed; an
    /// address from before keys (`abby-ellis`) still finds the teacher by name.
    pub fn teacher_by_slug(&self, s: &str) -> Option<usize> {
        let s = s.trim();
        if self.key(0).is_some() {
            let tail = s.rsplit('-').next().unwrap_or(s);
            if let Some(t) = self.keys.iter().position(|k| k == tail) {
                return Some(t);
            }
        }
        (0..self.teachers.len()).find(|&t| self.name_slug(t) == s)
    }

    /// "Grade 6 · Math": a teacher's team and subject, to tell people apart.
    pub fn teacher_line(&self, t: usize) -> String {
        let Some((_, team, subject, _)) = self.teachers.get(t) else {
            return String::new();
        };
        let team = self
            .teams
            .get(usize::from(*team))
            .map_or("", |s| s.as_str());
        [team, subject.trim()]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" \u{b7} ")
    }

    /// The teachers whose name, team or subject holds every word of `query`, ignoring case
    /// and the kind of apostrophe, in alphabetical order of name (then list order); all of
    /// them for an empty query.
    pub fn find_teachers(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
        let mut found: Vec<(String, usize)> = (0..self.teachers.len())
            .filter_map(|t| {
                let (name, _, subject, _) = &self.teachers[t];
                let hay = fold(&format!("{name} {} {subject}", self.teacher_line(t)));
                words
                    .iter()
                    .all(|w| hay.contains(w.as_str()))
                    .then(|| (fold(name), t))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, t)| t).collect()
    }
}

/// Lower case, with curly apostrophes made straight, for searching names.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{2bc}' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// A date for people: "Tue 24 Nov 2026".
pub fn long_date(d: Date) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {} {}",
        DAYS[usize::from(d.weekday().number_days_from_monday())],
        d.day(),
        MONTHS[usize::from(u8::from(d.month())) - 1],
        d.year()
    )
}

/// A calendar file's DTSTAMP (`YYYYMMDDTHHMMSSZ`) from an ISO 8601 UTC time such as
/// `2026-11-23T22:27:30.123Z`. Anything else gives the start of 2000, still a valid stamp.
pub fn ics_stamp(now_iso: &str) -> String {
    let digits: String = now_iso
        .chars()
        .take(19)
        .filter(char::is_ascii_digit)
        .collect();
    let shape_ok = now_iso.len() >= 19
        && now_iso.as_bytes()[10] == b'T'
        && digits.len() == 14
        && now_iso.ends_with('Z');
    if !shape_ok {
        return "20000101T000000Z".into();
    }
    format!("{}T{}Z", &digits[..8], &digits[8..])
}

/// Lower-case ASCII letters and digits, words joined by `-`; `x` when there are none.
pub fn slug(s: &str) -> String {
    let out = slug_words(s);
    if out.is_empty() {
        "x".into()
    } else {
        out
    }
}

/// [`slug`], but empty when `s` has no ASCII letter or digit.
fn slug_words(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plus::demo;

    fn shared() -> Shared {
        demo::board().to_shared("Maple Ridge Middle School")
    }

    #[test]
    fn dates_read_like_a_diary() {
        let d = parse_date("2026-11-24").unwrap();
        assert_eq!(long_date(d), "Tue 24 Nov 2026");
        assert_eq!(
            long_date(parse_date("2027-01-03").unwrap()),
            "Sun 3 Jan 2027"
        );
        assert_eq!(
            long_date(parse_date("2024-02-29").unwrap()),
            "Thu 29 Feb 2024"
        );
    }

    #[test]
    fn the_calendar_stamp_comes_from_the_clock_in_utc() {
        assert_eq!(ics_stamp("2026-11-23T22:27:30.123Z"), "20261123T222730Z");
        assert_eq!(ics_stamp("2026-11-23T22:27:30Z"), "20261123T222730Z");
        assert_eq!(ics_stamp("Invalid Date"), "20000101T000000Z");
        assert_eq!(ics_stamp("2026-11-23 22:27:30+01:00"), "20000101T000000Z");
    }

    #[test]
    fn the_agenda_puts_what_is_to_come_first_and_splits_at_today() {
        let s = shared();
        let today = "2026-11-23";
        let t0 = parse_date(today).unwrap();
        for t in 0..s.teachers.len() {
            let a = s.agenda(t, today);
            assert_eq!(a.len(), s.sessions_for(t).len() + s.pd_days_for(t).len());
            assert!(a.upcoming.iter().all(|x| x.date >= t0));
            assert!(a.upcoming.windows(2).all(|p| p[0].date <= p[1].date));
            assert!(a.earlier.iter().all(|x| x.date < t0));
            assert!(a.earlier.windows(2).all(|p| p[0].date >= p[1].date));
            assert!(a.pd_upcoming.iter().all(|x| x.date >= t0));
            assert!(a.pd_earlier.iter().all(|x| x.date < t0));
            assert!(
                !a.upcoming.is_empty() && !a.earlier.is_empty(),
                "teacher {t}"
            );
        }
        // Today's own session is still to come.
        let first = s.sessions_for(0)[3].clone();
        let a = s.agenda(0, &crate::domain::plus::calendar::iso(first.date));
        assert_eq!(a.upcoming[0].date, first.date);
        // Not a date: everything is to come.
        let a = s.agenda(0, "soon");
        assert!(a.earlier.is_empty() && a.pd_earlier.is_empty());
        assert_eq!(s.agenda(999, today), Agenda::default());
    }

    #[test]
    fn teachers_are_found_by_any_part_of_their_name_team_or_subject() {
        let s = shared();
        let all = s.find_teachers("");
        assert_eq!(all.len(), 40);
        let names: Vec<String> = all
            .iter()
            .map(|&t| s.teachers[t].0.to_lowercase())
            .collect();
        assert!(
            names.windows(2).all(|p| p[0] <= p[1]),
            "alphabetical: {names:?}"
        );
        // Twins stay in list order: the first Abby Diaz (Grade 6) before the second.
        assert_eq!(&all[..2], &[0, 20]);
        assert_eq!(s.find_teachers("   ").len(), 40);
        let name = s.teachers[0].0.clone();
        assert!(s.find_teachers(&name.to_uppercase()).contains(&0));
        let last = name.split_whitespace().last().unwrap().to_lowercase();
        assert!(s.find_teachers(&last).contains(&0));
        // Grade 6 math: the first two teachers.
        assert_eq!(s.find_teachers("grade 6 math"), vec![0, 1]);
        // "O’Neil" is found with a straight apostrophe.
        let oneil = s.find_teachers("o'neil");
        assert!(!oneil.is_empty());
        assert!(oneil
            .iter()
            .all(|&t| s.teachers[t].0.contains("O\u{2019}Neil")));
        assert!(s.find_teachers("nobody by this name").is_empty());
        assert_eq!(s.teacher_line(0), "Grade 6 \u{b7} Math");
    }

    #[test]
    fn a_teacher_slug_names_one_teacher_by_key_and_survives_a_rename() {
        let mut s = shared();
        assert_eq!(s.keys.len(), s.teachers.len());
        for t in 0..s.teachers.len() {
            let slug = s.teacher_slug(t).unwrap();
            assert_eq!(
                slug,
                format!("{}-{}", super::slug(&s.teachers[t].0), s.keys[t])
            );
            assert_eq!(s.teacher_by_slug(&slug), Some(t), "{slug}");
            // The key alone is enough.
            assert_eq!(s.teacher_by_slug(&s.keys[t]), Some(t));
        }
        // Two teachers with one name still have two addresses.
        s.teachers[20].0 = s.teachers[0].0.clone();
        let (a, b) = (s.teacher_slug(0).unwrap(), s.teacher_slug(20).unwrap());
        assert_ne!(a, b);
        assert_eq!(s.teacher_by_slug(&a), Some(0));
        assert_eq!(s.teacher_by_slug(&b), Some(20));
        // Renamed, the old address still finds the teacher: the key decides.
        s.teachers[20].0 = "Zoe O\u{2019}Brien".into();
        assert_eq!(
            s.teacher_slug(20).unwrap(),
            format!("zoe-o-brien-{}", s.keys[20])
        );
        assert_eq!(s.teacher_by_slug(&b), Some(20));
        // An address from before keys (the name alone) still opens.
        assert_eq!(s.teacher_by_slug(" zoe-o-brien "), Some(20));
        // A name with no Latin letters is its key alone.
        s.teachers[3].0 = "\u{738b}\u{82b3}".into();
        assert_eq!(s.teacher_slug(3).unwrap(), s.keys[3]);
        assert_eq!(s.teacher_by_slug("nobody"), None);
        assert_eq!(s.teacher_slug(999), None);
    }

    #[test]
    fn a_copy_from_before_keys_names_teachers_as_it_always_did() {
        let mut s = shared();
        s.keys.clear();
        for t in 0..s.teachers.len() {
            let slug = s.teacher_slug(t).unwrap();
            assert_eq!(slug, super::slug(&s.teachers[t].0));
            assert_eq!(s.teacher_by_slug(&slug), Some(t), "{slug}");
        }
        assert_eq!(s.teacher_slug(0).unwrap(), "abby-diaz");
        assert_eq!(s.ics_file_name(Some(0)), "coaching-abby-diaz.ics");
        // Two teachers with one name (here teachers 1 and 21 are both Abby Diaz).
        s.teachers[20].0 = s.teachers[0].0.clone();
        let (a, b) = (s.teacher_slug(0).unwrap(), s.teacher_slug(20).unwrap());
        assert_eq!(s.teachers[0].0, s.teachers[20].0);
        assert_eq!(a, format!("{}-1", slug(&s.teachers[0].0)));
        assert_eq!(b, format!("{}-21", slug(&s.teachers[0].0)));
        assert_eq!(s.teacher_by_slug(&b), Some(20));
        // Names that make the same slug are told apart the same way.
        s.teachers[20].0 = "Abby  Diaz!".into();
        assert_eq!(s.teacher_slug(20).unwrap(), "abby-diaz-21");
        // A name of one's own needs no number.
        s.teachers[20].0 = "Zoe O\u{2019}Brien".into();
        assert_eq!(s.teacher_slug(0).unwrap(), slug(&s.teachers[0].0));
        assert_eq!(s.teacher_slug(20).unwrap(), "zoe-o-brien");
        assert_eq!(s.teacher_by_slug(" zoe-o-brien "), Some(20));
        assert_eq!(s.teacher_by_slug("nobody"), None);
        assert_eq!(s.teacher_slug(999), None);
    }
}
