//! The teacher's view of a schedule: their sessions and PD days, in date order, and the
//! calendar files. It reads a [`Shared`] copy, so a schedule opened from a link and one
//! read from this browser's own district show the same way.

use super::calendar::parse_date;
use super::ics::{self, Event};
use super::share::Shared;
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
    /// The date of `day` (0 = Monday) in week index `week` (0-based).
    pub fn date_of(&self, week: u16, day: u8) -> Option<Date> {
        let monday = parse_date(self.weeks.get(usize::from(week))?).ok()?;
        Some(monday + Duration::days(i64::from(day)))
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

    /// A stable key for a teacher in UIDs: the school and the teacher's name, as a slug,
    /// with the position added only when two teachers share a name.
    fn person_key(&self, t: usize) -> String {
        let name = &self.teachers[t].0;
        let twins = self.teachers.iter().filter(|x| &x.0 == name).count();
        let mut key = format!("{}-{}", slug(&self.school), slug(name));
        if twins > 1 {
            key.push_str(&format!("-{}", t + 1));
        }
        key
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

    /// A file name for the calendar: `coaching-ana-ortiz.ics`.
    pub fn ics_file_name(&self, teacher: Option<usize>) -> String {
        match teacher.and_then(|t| self.teachers.get(t)) {
            Some(t) => format!("coaching-{}.ics", slug(&t.0)),
            None => format!("coaching-{}.ics", slug(&self.school)),
        }
    }
}

/// Lower-case ASCII letters and digits, words joined by `-`.
pub fn slug(s: &str) -> String {
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
    if out.is_empty() {
        out.push('x');
    }
    out
}
