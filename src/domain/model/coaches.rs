//! The coaches' own development (seed 002): who the coaches are and where they are placed,
//! their mentors and mentoring check-ins, shadowing days for novices, the coaches'
//! meetings, and professional learning against the district's yearly target.

use super::charter::{clean_line, Item};
use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::{clean_name, clean_note};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

macro_rules! item {
    ($($t:ty),*) => { $(impl Item for $t { fn id(&self) -> &Id { &self.id } })* };
}
item!(Coach, CheckIn, ShadowDay, Meeting, Learning);

/// A coach's mentor, from inside or outside the district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mentor {
    pub name: String,
    /// True: from outside the district.
    #[serde(default)]
    pub outside: bool,
    /// Their organisation or role ("Regional coaching network").
    #[serde(default)]
    pub from: String,
}

/// A coach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coach {
    pub id: Id,
    pub name: String,
    /// The schools they serve, by ID.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schools: Vec<Id>,
    /// YYYY-MM-DD: their first day as a coach.
    pub started: String,
    /// Where they come from ("Grade 4 teacher, 12 years").
    #[serde(default)]
    pub background: String,
    /// Teachers they serve, across their schools.
    #[serde(default)]
    pub teachers: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentor: Option<Mentor>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The most teachers a coach is recorded as serving.
pub const MAX_TEACHERS: u32 = 2_000;

/// The coach form's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoachField {
    Name,
    Started,
    Background,
    Teachers,
    Mentor,
}

/// Check a coach before it is kept. `schools` is the roster's IDs.
pub fn checked_coach(c: Coach, schools: &[Id]) -> Result<Coach, (CoachField, String)> {
    let name = clean_name("The coach\u{2019}s name", &c.name).map_err(|e| (CoachField::Name, e))?;
    if c.started.trim().is_empty() {
        return Err((
            CoachField::Started,
            "Give the coach\u{2019}s start date.".into(),
        ));
    }
    let started = dates::check(&c.started).map_err(|e| (CoachField::Started, e))?;
    let background =
        clean_note("The background", &c.background).map_err(|e| (CoachField::Background, e))?;
    if c.teachers > MAX_TEACHERS {
        return Err((
            CoachField::Teachers,
            format!("Teachers served is at most {MAX_TEACHERS}."),
        ));
    }
    let mut placed = Vec::new();
    for s in c.schools {
        if schools.contains(&s) && !placed.contains(&s) {
            placed.push(s);
        }
    }
    let mentor = match c.mentor {
        None => None,
        Some(m) if m.name.trim().is_empty() => {
            if m.outside || !m.from.trim().is_empty() {
                return Err((
                    CoachField::Mentor,
                    "Give the mentor\u{2019}s name, or clear the rest of the mentor.".into(),
                ));
            }
            None
        }
        Some(m) => Some(Mentor {
            name: clean_name("The mentor\u{2019}s name", &m.name)
                .map_err(|e| (CoachField::Mentor, e))?,
            outside: m.outside,
            from: m
                .from
                .trim()
                .chars()
                .take(crate::domain::text::MAX_NAME_CHARS)
                .collect(),
        }),
    };
    Ok(Coach {
        name,
        started,
        background,
        schools: placed,
        mentor,
        ..c
    })
}

/// A coach is novice in their first year.
pub fn is_novice(c: &Coach, today: Date) -> bool {
    dates::parse_shape(&c.started).is_some_and(|s| today < add_years(s, 1))
}

fn add_years(d: Date, n: i32) -> Date {
    Date::from_calendar_date(d.year() + n, d.month(), d.day())
        .or_else(|_| Date::from_calendar_date(d.year() + n, d.month(), d.day() - 1))
        .unwrap_or(d)
}

/// A mentoring check-in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub id: Id,
    pub coach: Id,
    /// YYYY-MM-DD.
    pub date: String,
    pub topics: String,
    #[serde(default)]
    pub next_steps: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A log form's fields (check-ins, shadowing days, meetings, learning), so a refusal puts
/// focus on the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogField {
    /// The coach (the novice, for a shadowing day).
    Coach,
    /// The coach shadowed.
    Host,
    Date,
    /// The check-in's topics, the meeting's agenda, the learning's title.
    What,
    /// The check-in's next steps, the meeting's challenges.
    More,
    /// The meeting's successes.
    Successes,
    Hours,
}

fn log_date(raw: &str, what: &str) -> Result<String, (LogField, String)> {
    if raw.trim().is_empty() {
        return Err((LogField::Date, format!("Give the {what}\u{2019}s date.")));
    }
    dates::check(raw).map_err(|e| (LogField::Date, e))
}

pub fn checked_check_in(c: CheckIn, coaches: &[Coach]) -> Result<CheckIn, (LogField, String)> {
    if !coaches.iter().any(|x| x.id == c.coach) {
        return Err((LogField::Coach, "Choose the coach.".into()));
    }
    let date = log_date(&c.date, "check-in")?;
    let topics = clean_note("The topics", &c.topics).map_err(|e| (LogField::What, e))?;
    if topics.is_empty() {
        return Err((
            LogField::What,
            "Say what the check-in was about: its topics.".into(),
        ));
    }
    let next_steps =
        clean_note("The next steps", &c.next_steps).map_err(|e| (LogField::More, e))?;
    Ok(CheckIn {
        date,
        topics,
        next_steps,
        ..c
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayStatus {
    Planned,
    Held,
}

/// A novice coach's day shadowing an experienced one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShadowDay {
    pub id: Id,
    /// The novice.
    pub coach: Id,
    /// The experienced coach they shadow.
    pub host: Id,
    /// YYYY-MM-DD.
    pub date: String,
    pub status: DayStatus,
    #[serde(flatten)]
    pub extra: Extra,
}

pub fn checked_shadow_day(
    d: ShadowDay,
    coaches: &[Coach],
) -> Result<ShadowDay, (LogField, String)> {
    if !coaches.iter().any(|x| x.id == d.coach) {
        return Err((LogField::Coach, "Choose the novice coach.".into()));
    }
    if !coaches.iter().any(|x| x.id == d.host) {
        return Err((LogField::Host, "Choose the coach they shadow.".into()));
    }
    if d.coach == d.host {
        return Err((
            LogField::Host,
            "A coach shadows another coach, not themselves.".into(),
        ));
    }
    let date = log_date(&d.date, "shadowing day")?;
    Ok(ShadowDay { date, ..d })
}

/// A meeting of the district's coaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: Id,
    /// YYYY-MM-DD.
    pub date: String,
    pub agenda: String,
    /// The coaches who came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attended: Vec<Id>,
    #[serde(default)]
    pub challenges: String,
    #[serde(default)]
    pub successes: String,
    #[serde(flatten)]
    pub extra: Extra,
}

pub fn checked_meeting(m: Meeting, coaches: &[Coach]) -> Result<Meeting, (LogField, String)> {
    let date = log_date(&m.date, "meeting")?;
    let agenda = clean_note("The agenda", &m.agenda).map_err(|e| (LogField::What, e))?;
    if agenda.is_empty() {
        return Err((LogField::What, "Give the meeting\u{2019}s agenda.".into()));
    }
    let attended = m
        .attended
        .into_iter()
        .filter(|a| coaches.iter().any(|c| &c.id == a))
        .collect();
    Ok(Meeting {
        date,
        agenda,
        attended,
        challenges: clean_note("The challenges", &m.challenges).map_err(|e| (LogField::More, e))?,
        successes: clean_note("The successes", &m.successes)
            .map_err(|e| (LogField::Successes, e))?,
        ..m
    })
}

/// Kinds of professional learning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LearningKind {
    NetworkInside,
    NetworkOutside,
    Conference,
    Training,
}

impl LearningKind {
    pub const ALL: [LearningKind; 4] = [
        LearningKind::NetworkInside,
        LearningKind::NetworkOutside,
        LearningKind::Conference,
        LearningKind::Training,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LearningKind::NetworkInside => "Learning network in the district",
            LearningKind::NetworkOutside => "Learning network outside the district",
            LearningKind::Conference => "Conference",
            LearningKind::Training => "Training",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            LearningKind::NetworkInside => "network-inside",
            LearningKind::NetworkOutside => "network-outside",
            LearningKind::Conference => "conference",
            LearningKind::Training => "training",
        }
    }

    pub fn from_key(k: &str) -> Option<LearningKind> {
        LearningKind::ALL.into_iter().find(|x| x.key() == k)
    }
}

/// A piece of professional learning, with its hours (in tenths, so 1.5 h is 15).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Learning {
    pub id: Id,
    pub coach: Id,
    /// YYYY-MM-DD.
    pub date: String,
    pub kind: LearningKind,
    pub title: String,
    pub tenths: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The most hours one piece of learning counts.
pub const MAX_LEARNING_HOURS: u32 = 200;

/// Hours typed as "1.5", "2", "0,5"; in tenths. The error is a sentence.
pub fn parse_hours(raw: &str) -> Result<u32, String> {
    let s = raw.trim().replace(',', ".");
    let bad = || {
        format!(
            "\u{201c}{}\u{201d} is not a number of hours (for example 1.5).",
            raw.trim()
        )
    };
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() && frac.is_empty() {
        return Err("Give the hours.".into());
    }
    if !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 1
        || whole.len() > 4
    {
        return Err(bad());
    }
    let tenths = whole.parse::<u32>().unwrap_or(0) * 10 + frac.parse::<u32>().unwrap_or(0);
    if tenths == 0 {
        return Err("The hours must be more than zero.".into());
    }
    if tenths > MAX_LEARNING_HOURS * 10 {
        return Err(format!(
            "One piece of learning counts at most {MAX_LEARNING_HOURS} hours."
        ));
    }
    Ok(tenths)
}

/// Tenths of an hour in words: "1.5 h", "12 h".
pub fn hours(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{} h", tenths / 10)
    } else {
        format!("{}.{} h", tenths / 10, tenths % 10)
    }
}

pub fn checked_learning(l: Learning, coaches: &[Coach]) -> Result<Learning, (LogField, String)> {
    if !coaches.iter().any(|x| x.id == l.coach) {
        return Err((LogField::Coach, "Choose the coach.".into()));
    }
    let date = log_date(&l.date, "learning")?;
    let title =
        clean_line("The learning\u{2019}s title", &l.title).map_err(|e| (LogField::What, e))?;
    if l.tenths == 0 || l.tenths > MAX_LEARNING_HOURS * 10 {
        return Err((
            LogField::Hours,
            format!("The hours must be more than zero and at most {MAX_LEARNING_HOURS}."),
        ));
    }
    Ok(Learning { date, title, ..l })
}

/// The district's settings for its coaches' development.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DevSettings {
    /// Professional-learning hours each coach aims for in a school year.
    pub hours_target: u32,
    /// YYYY-MM-DD by which each novice has a shadowing day held; `None`: no date set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shadow_by: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for DevSettings {
    fn default() -> Self {
        DevSettings {
            hours_target: DEFAULT_HOURS_TARGET,
            shadow_by: None,
            extra: Extra::new(),
        }
    }
}

impl DevSettings {
    pub fn is_default(&self) -> bool {
        *self == DevSettings::default()
    }
}

pub const DEFAULT_HOURS_TARGET: u32 = 30;
pub const MAX_HOURS_TARGET: u32 = 1000;
/// A coach with no mentoring check-in for this many days is flagged.
pub const CHECK_IN_DAYS: i64 = 28;

/// The school year a date is in, by the year it starts: 1 July to 30 June.
pub fn school_year(d: Date) -> i32 {
    if d.month() >= Month::July {
        d.year()
    } else {
        d.year() - 1
    }
}

/// "2026–27".
pub fn school_year_label(start: i32) -> String {
    format!("{start}\u{2013}{:02}", (start + 1).rem_euclid(100))
}

/// What needs attention in a coach's development.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DevFlag {
    NoMentor,
    NoRecentCheckIn,
    NoShadowing,
}

impl DevFlag {
    pub const ALL: [DevFlag; 3] = [
        DevFlag::NoMentor,
        DevFlag::NoRecentCheckIn,
        DevFlag::NoShadowing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DevFlag::NoMentor => "No mentor",
            DevFlag::NoRecentCheckIn => "No check-in for 4 weeks",
            DevFlag::NoShadowing => "No shadowing day",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DevFlag::NoMentor => "no-mentor",
            DevFlag::NoRecentCheckIn => "no-check-in",
            DevFlag::NoShadowing => "no-shadowing",
        }
    }

    pub fn from_key(k: &str) -> Option<DevFlag> {
        DevFlag::ALL.into_iter().find(|f| f.key() == k)
    }
}

/// One coach's development at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct DevRow {
    pub coach: Id,
    pub novice: bool,
    pub mentor: Option<String>,
    pub last_check_in: Option<String>,
    pub shadowing_held: usize,
    pub shadowing_planned: usize,
    /// This school year's hours, in tenths.
    pub tenths: u32,
    pub flags: Vec<DevFlag>,
    /// Each flag's reason, in words, in the flags' order.
    pub why: Vec<String>,
}

/// The development record, by coach.
pub struct Records<'a> {
    pub coaches: &'a [Coach],
    pub check_ins: &'a [CheckIn],
    pub shadowing: &'a [ShadowDay],
    pub learning: &'a [Learning],
    pub settings: &'a DevSettings,
}

/// Each coach's row of the development view, as of `today`.
pub fn dev_rows(r: &Records, today: Date) -> Vec<DevRow> {
    use std::collections::HashMap;
    let mut last: HashMap<&Id, &str> = HashMap::new();
    for c in r.check_ins {
        let e = last.entry(&c.coach).or_insert(c.date.as_str());
        if c.date.as_str() > *e {
            *e = c.date.as_str();
        }
    }
    let mut shadow: HashMap<&Id, (usize, usize, bool)> = HashMap::new();
    let by = r.settings.shadow_by.as_deref();
    for d in r.shadowing {
        let e = shadow.entry(&d.coach).or_default();
        match d.status {
            DayStatus::Held => {
                e.0 += 1;
                if by.is_none_or(|by| d.date.as_str() <= by) {
                    e.2 = true;
                }
            }
            DayStatus::Planned => e.1 += 1,
        }
    }
    let year = school_year(today);
    let mut tenths: HashMap<&Id, u32> = HashMap::new();
    for l in r.learning {
        if dates::parse_shape(&l.date).is_some_and(|d| school_year(d) == year) {
            *tenths.entry(&l.coach).or_default() += l.tenths;
        }
    }
    let deadline_passed = by.and_then(dates::parse_shape).is_some_and(|d| today > d);
    r.coaches
        .iter()
        .map(|c| {
            let novice = is_novice(c, today);
            let last_check_in = last.get(&c.id).map(|d| d.to_string());
            let (held, planned, in_time) = shadow.get(&c.id).copied().unwrap_or_default();
            let mut flags = Vec::new();
            let mut why = Vec::new();
            if c.mentor.is_none() {
                flags.push(DevFlag::NoMentor);
                why.push("Every coach needs a mentor: none is recorded.".to_string());
            }
            // Four weeks since the last check-in, or since they started if there is none.
            let since = last_check_in
                .as_deref()
                .or(Some(c.started.as_str()))
                .and_then(dates::parse_shape);
            if let Some(since) = since {
                if c.mentor.is_some() && (today - since) > Duration::days(CHECK_IN_DAYS) {
                    flags.push(DevFlag::NoRecentCheckIn);
                    why.push(match &last_check_in {
                        Some(d) => {
                            format!("The last mentoring check-in was on {d}, over 4 weeks ago.")
                        }
                        None => "No mentoring check-in yet, 4 weeks after starting.".to_string(),
                    });
                }
            }
            // A novice who started after the district's date is not held to it.
            let bound = by.is_some_and(|by| c.started.as_str() <= by);
            if novice && bound && deadline_passed && !in_time {
                flags.push(DevFlag::NoShadowing);
                why.push(format!(
                    "A novice coach with no shadowing day held by {}.",
                    by.unwrap_or_default()
                ));
            }
            DevRow {
                coach: c.id.clone(),
                novice,
                mentor: c.mentor.as_ref().map(|m| {
                    if m.from.is_empty() {
                        m.name.clone()
                    } else {
                        format!("{} ({})", m.name, m.from)
                    }
                }),
                last_check_in,
                shadowing_held: held,
                shadowing_planned: planned,
                tenths: tenths.get(&c.id).copied().unwrap_or(0),
                flags,
                why,
            }
        })
        .collect()
}
