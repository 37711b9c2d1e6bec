//! What the district stores for the Plus model: one board per school that runs it (its
//! calendar, Plus team, teacher teams, PD weeks and cells), and the edits the board page
//! makes. Rankings of rules, metrics and share links are computed from these, never stored.

use super::board::{Activity, Cell, Member, Teacher, Team, WeekKind, DAYS, DAY_NAMES, MAX_MEMBERS};
use super::calendar::{iso, short, Calendar, Week};
use super::generate::{generate, Request};
use super::metrics::{metrics, Metrics};
use super::rules::{check, Finding, Input};
use super::share::Shared;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::{self, plural};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use time::Duration;

pub const DEFAULT_MAX_GAP_WEEKS: u16 = 4;
pub const MAX_TEACHERS: usize = 400;
pub const MAX_TEAMS: usize = 40;
/// A term longer than this is printed (and shown) in parts, so a page stays legible.
pub const MAX_TERM_WEEKS: usize = 14;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plus {
    #[serde(default)]
    pub boards: Vec<Board>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A PD week: the Plus team covers `team_id`'s classes on `days` (0 = Monday).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PdWeek {
    pub week: u16,
    pub team_id: Id,
    pub days: Vec<u8>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn default_gap() -> u16 {
    DEFAULT_MAX_GAP_WEEKS
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub school_id: Id,
    pub calendar: Calendar,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub teachers: Vec<Teacher>,
    #[serde(default)]
    pub pd_weeks: Vec<PdWeek>,
    #[serde(default)]
    pub cells: Vec<Cell>,
    /// Warn when a teacher goes more than this many weeks without coaching.
    #[serde(default = "default_gap")]
    pub max_gap_weeks: u16,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A place on the board: one Plus teacher, one week, one day.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    pub member: Id,
    pub week: u16,
    pub day: u8,
}

/// What a calendar change did to the board.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CalendarChange {
    /// Cells that kept their dates under a new week number.
    pub moved: usize,
    /// Cells whose week or day is no longer a school day.
    pub dropped: usize,
    pub pd_dropped: usize,
}

impl CalendarChange {
    /// "12 sessions kept their dates under new week numbers; 5 were on days that are no
    /// longer school days and were removed." Empty when nothing happened.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.moved > 0 {
            parts.push(format!(
                "{} kept {} dates under new week numbers",
                plural(self.moved, "cell", "cells"),
                if self.moved == 1 { "its" } else { "their" }
            ));
        }
        if self.dropped > 0 {
            parts.push(format!(
                "{} on days that are no longer school days and {} removed",
                plural(self.dropped, "cell was", "cells were"),
                if self.dropped == 1 { "was" } else { "were" }
            ));
        }
        if self.pd_dropped > 0 {
            parts.push(format!(
                "{} no longer in the year",
                plural(self.pd_dropped, "PD week is", "PD weeks are")
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("{}.", parts.join("; "))
        }
    }
}

/// A run of weeks shown (and printed) together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub name: String,
    pub first: u16,
    pub last: u16,
}

/// The calendar worked out once: the weeks, the days with no school, and the terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Year {
    pub weeks: Vec<Week>,
    /// (week, day) with no school in a week that is otherwise on.
    pub closed: Vec<(u16, u8)>,
    pub terms: Vec<Term>,
}

impl Year {
    pub fn is_closed(&self, week: u16, day: u8) -> bool {
        self.closed.contains(&(week, day))
    }

    pub fn week(&self, number: u16) -> Option<&Week> {
        self.weeks.get(usize::from(number).checked_sub(1)?)
    }

    /// "Tuesday 15 Sep"
    pub fn day_label(&self, week: u16, day: u8) -> String {
        let name = DAY_NAMES[usize::from(day.min(DAYS - 1))];
        match self
            .week(week)
            .and_then(|w| w.monday.checked_add(Duration::days(i64::from(day))))
        {
            Some(d) => format!("{name} {}", short(d)),
            None => format!("{name} of week {week}"),
        }
    }

    /// Where "the rest of the year" starts: the first week that has not begun by `today`
    /// (`YYYY-MM-DD`), so filling never rewrites a day already taught. 1 before the year,
    /// and past the last week after it.
    pub fn rest_of_year(&self, today: &str) -> u16 {
        let Ok(today) = super::calendar::parse_date(today) else {
            return 1;
        };
        self.weeks
            .iter()
            .find(|w| w.monday >= today)
            .map_or(self.weeks.len() as u16 + 1, |w| w.number)
    }

    /// The week that holds `today` (`YYYY-MM-DD`), or the next one: where a teacher's
    /// "upcoming" starts. 1 before the year, and past the last week after it.
    pub fn current_week(&self, today: &str) -> u16 {
        let Ok(today) = super::calendar::parse_date(today) else {
            return 1;
        };
        self.weeks
            .iter()
            .find(|w| w.monday.saturating_add(Duration::days(4)) >= today)
            .map_or(self.weeks.len() as u16 + 1, |w| w.number)
    }
}

/// The terms: a new term starts after a break that takes whole weeks off; a term longer
/// than [`MAX_TERM_WEEKS`] is split into even parts. A year with no such break has no
/// terms to speak of, so its parts are named by their weeks ("Weeks 1 to 12").
pub(crate) fn terms(weeks: &[Week]) -> Vec<Term> {
    let mut runs: Vec<&[Week]> = Vec::new();
    let mut start = 0;
    for i in 1..=weeks.len() {
        if i == weeks.len() || weeks[i].monday - weeks[i - 1].monday > Duration::days(7) {
            runs.push(&weeks[start..i]);
            start = i;
        }
    }
    let mut parts: Vec<(String, &[Week])> = Vec::new();
    for (t, run) in runs.iter().enumerate() {
        let n = run.len().div_ceil(MAX_TERM_WEEKS).max(1);
        let size = run.len().div_ceil(n).max(1);
        for (k, chunk) in run.chunks(size).enumerate() {
            let name = if n == 1 && runs.len() == 1 {
                // A year with no whole-week break is one term: call it by its weeks.
                "The whole year".to_string()
            } else if n == 1 {
                format!("Term {}", t + 1)
            } else if runs.len() == 1 {
                // No breaks: the parts are not terms, so name them by their weeks.
                format!(
                    "Weeks {} to {}",
                    chunk[0].number,
                    chunk[chunk.len() - 1].number
                )
            } else {
                format!("Term {}, part {} of {n}", t + 1, k + 1)
            };
            parts.push((name, chunk));
        }
    }
    parts
        .into_iter()
        .map(|(name, p)| {
            let (a, b) = (p[0], p[p.len() - 1]);
            Term {
                name: format!(
                    "{name}: {} to {}",
                    short(a.monday),
                    short(b.monday.saturating_add(Duration::days(4)))
                ),
                first: a.number,
                last: b.number,
            }
        })
        .collect()
}

/// A first calendar for a new board: 36 weeks from the last Monday of August of the
/// school year `today` (`YYYY-MM-DD`) falls in, with no breaks yet.
pub fn default_calendar(today: &str) -> Calendar {
    let year = super::calendar::parse_date(today)
        .map(|d| {
            if u8::from(d.month()) >= 7 {
                d.year()
            } else {
                d.year() - 1
            }
        })
        .unwrap_or(2026);
    let mut first =
        time::Date::from_calendar_date(year, time::Month::August, 31).unwrap_or(time::Date::MIN);
    while first.weekday() != time::Weekday::Monday {
        first = first.previous_day().unwrap_or(first);
    }
    Calendar {
        first_day: iso(first),
        weeks: 36,
        breaks: Vec::new(),
        extra: Extra::new(),
    }
}

impl Plus {
    pub fn is_empty(&self) -> bool {
        self.boards.is_empty() && self.extra.is_empty()
    }

    pub fn board(&self, school: &Id) -> Option<&Board> {
        self.boards.iter().find(|b| &b.school_id == school)
    }

    pub fn board_mut(&mut self, school: &Id) -> Option<&mut Board> {
        self.boards.iter_mut().find(|b| &b.school_id == school)
    }

    /// Start a board for `school` (refused if it has one).
    pub fn start(&mut self, school: Id, calendar: Calendar) -> Result<(), String> {
        if self.board(&school).is_some() {
            return Err("This school already has a Plus board.".into());
        }
        self.boards.push(Board::new(school, calendar));
        Ok(())
    }

    /// Remove a school's board, with its place for undo.
    pub fn remove(&mut self, school: &Id) -> Option<(usize, Board)> {
        let at = self.boards.iter().position(|b| &b.school_id == school)?;
        Some((at, self.boards.remove(at)))
    }

    pub fn restore(&mut self, at: usize, board: Board) {
        if self.board(&board.school_id).is_none() {
            let at = at.min(self.boards.len());
            self.boards.insert(at, board);
        }
    }

    /// Every problem in words; `school_exists` says whether a school ID is in the district.
    pub fn problems(&self, school_exists: impl Fn(&Id) -> bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for b in &self.boards {
            if !school_exists(&b.school_id) {
                out.push(format!(
                    "A Plus board belongs to a school that is not in the district ({}).",
                    b.school_id
                ));
            }
            if !seen.insert(&b.school_id) {
                out.push(format!(
                    "The school {} has two Plus boards; it can have one.",
                    b.school_id
                ));
            }
            out.extend(b.problems());
        }
        out
    }
}

impl Board {
    /// An empty board: no team yet.
    pub fn new(school_id: Id, calendar: Calendar) -> Board {
        Board {
            school_id,
            calendar,
            members: Vec::new(),
            teams: Vec::new(),
            teachers: Vec::new(),
            pd_weeks: Vec::new(),
            cells: Vec::new(),
            max_gap_weeks: DEFAULT_MAX_GAP_WEEKS,
            extra: Extra::new(),
        }
    }

    /// The calendar worked out: weeks, closed days and terms.
    pub fn year(&self) -> Result<Year, String> {
        let weeks = self.calendar.instructional_weeks()?;
        let mut closed = Vec::new();
        for w in &weeks {
            let open = self.calendar.school_days(w);
            for (d, date) in w.days().iter().enumerate() {
                if !open.contains(date) {
                    closed.push((w.number, d as u8));
                }
            }
        }
        let terms = terms(&weeks);
        Ok(Year {
            weeks,
            closed,
            terms,
        })
    }

    /// Every week's kind, 1 to the calendar's count.
    pub fn week_kinds(&self) -> Vec<(u16, WeekKind)> {
        (1..=self.calendar.weeks)
            .map(|w| (w, self.week_kind(w)))
            .collect()
    }

    pub fn week_kind(&self, week: u16) -> WeekKind {
        match self.pd_weeks.iter().find(|p| p.week == week) {
            Some(p) => WeekKind::Pd {
                team_id: p.team_id.clone(),
                days: p.days.clone(),
            },
            None => WeekKind::Coaching,
        }
    }

    pub fn findings(&self) -> Vec<Finding> {
        let weeks = self.week_kinds();
        check(&Input {
            members: &self.members,
            teams: &self.teams,
            teachers: &self.teachers,
            weeks: &weeks,
            cells: &self.cells,
            max_gap_weeks: self.max_gap_weeks,
        })
    }

    pub fn metrics(&self) -> Metrics {
        let closed = self.year().map_or(0, |y| y.closed.len() as u32);
        let days = (u32::from(self.calendar.weeks) * u32::from(DAYS)).saturating_sub(closed);
        metrics(&self.members, &self.teachers, days, &self.cells)
    }

    /// Fill the board from `from_week` on, around locked cells; what could not be met.
    pub fn generate(&mut self, from_week: u16) -> Vec<String> {
        let weeks = self.week_kinds();
        let closed = self.year().map(|y| y.closed).unwrap_or_default();
        let g = generate(&Request {
            members: &self.members,
            teachers: &self.teachers,
            weeks: &weeks,
            cells: &self.cells,
            from_week: from_week.max(1),
            closed: &closed,
        });
        self.cells = g.cells;
        g.unmet
    }

    /// The teachers who are busy on `week`, `day` with a Plus teacher other than
    /// `member`, each with who they are with ("with Dana Whitfield, lesson study"): the
    /// day editor shows who is free and warns before a clash is made.
    pub fn busy_on(&self, week: u16, day: u8, member: &Id) -> HashMap<Id, String> {
        let mut out = HashMap::new();
        for c in self
            .cells
            .iter()
            .filter(|c| c.week == week && &c.member_id != member && c.days().any(|d| d == day))
        {
            let with = format!(
                "with {}, {}",
                self.member(&c.member_id)
                    .map_or("another Plus teacher", |m| m.name.as_str()),
                c.activity.label().to_lowercase()
            );
            let mut who: Vec<&Id> = c.activity.teachers();
            if let Activity::LessonStudy { team_id } = &c.activity {
                who.extend(
                    self.teachers
                        .iter()
                        .filter(|t| &t.team_id == team_id)
                        .map(|t| &t.id),
                );
            }
            for t in who {
                out.entry(t.clone()).or_insert_with(|| with.clone());
            }
        }
        out
    }

    /// The cell that covers `slot`, if any.
    pub fn cell_at(&self, slot: &Slot) -> Option<&Cell> {
        self.index_at(slot).map(|i| &self.cells[i])
    }

    fn index_at(&self, slot: &Slot) -> Option<usize> {
        self.cells.iter().position(|c| {
            c.member_id == slot.member && c.week == slot.week && c.days().any(|d| d == slot.day)
        })
    }

    /// Put `cell` on the board. Whatever the same Plus teacher had on those days goes; a
    /// whole-week cell that loses some days keeps the others as day cells. Returns what
    /// was displaced.
    pub fn place(&mut self, cell: Cell) -> Vec<Cell> {
        let days: Vec<u8> = cell.days().collect();
        let mut displaced = Vec::new();
        let mut kept = Vec::with_capacity(self.cells.len() + 5);
        for c in self.cells.drain(..) {
            let overlaps = c.member_id == cell.member_id
                && c.week == cell.week
                && c.days().any(|d| days.contains(&d));
            if !overlaps {
                kept.push(c);
                continue;
            }
            if c.day.is_none() && cell.day.is_some() {
                for d in (0..DAYS).filter(|d| !days.contains(d)) {
                    kept.push(Cell {
                        day: Some(d),
                        ..c.clone()
                    });
                }
            }
            displaced.push(c);
        }
        kept.push(cell);
        self.cells = kept;
        self.sort_cells();
        displaced
    }

    fn sort_cells(&mut self) {
        let order: HashMap<&Id, usize> = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (&m.id, i))
            .collect();
        let key = |c: &Cell| (c.week, c.day.unwrap_or(0), order.get(&c.member_id).copied());
        let mut cells = std::mem::take(&mut self.cells);
        cells.sort_by_key(|c| key(c));
        self.cells = cells;
    }

    /// Remove the cell at `slot` (a whole-week cell goes whole).
    pub fn take(&mut self, slot: &Slot) -> Option<Cell> {
        self.index_at(slot).map(|i| self.cells.remove(i))
    }

    /// Move the cell at `from` to `to`: a day cell to `to`'s day, a whole-week cell to
    /// `to`'s week. Refused (with a reason) when `from` is empty or `to` is a day off.
    pub fn move_cell(&mut self, from: &Slot, to: &Slot, year: &Year) -> Result<Vec<Cell>, String> {
        let Some(cell) = self.cell_at(from).cloned() else {
            return Err("There is nothing there to move.".into());
        };
        let target_day = cell.day.map(|_| to.day);
        if let Some(d) = target_day {
            if year.is_closed(to.week, d) {
                return Err(format!("{} is a day off.", year.day_label(to.week, d)));
            }
        }
        self.take(from);
        let moved = Cell {
            member_id: to.member.clone(),
            week: to.week,
            day: target_day,
            ..cell
        };
        Ok(self.place(moved))
    }

    pub fn set_locked(&mut self, slot: &Slot, locked: bool) -> bool {
        match self.index_at(slot) {
            Some(i) => {
                self.cells[i].locked = locked;
                true
            }
            None => false,
        }
    }

    /// Make `week` a coaching week, or a PD week for a team on some days.
    pub fn set_week_kind(&mut self, week: u16, kind: WeekKind) {
        self.pd_weeks.retain(|p| p.week != week);
        if let WeekKind::Pd { team_id, mut days } = kind {
            days.sort_unstable();
            days.dedup();
            days.retain(|d| *d < DAYS);
            self.pd_weeks.push(PdWeek {
                week,
                team_id,
                days,
                extra: Extra::new(),
            });
            self.pd_weeks.sort_by_key(|p| p.week);
        }
    }

    pub fn member(&self, id: &Id) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    pub fn teacher(&self, id: &Id) -> Option<&Teacher> {
        self.teachers.iter().find(|t| &t.id == id)
    }

    pub fn team(&self, id: &Id) -> Option<&Team> {
        self.teams.iter().find(|t| &t.id == id)
    }

    /// "Coaching cycle with Ana Ortiz", in words.
    pub fn describe(&self, a: &Activity) -> String {
        let teacher = |id: &Id| self.teacher(id).map_or("a removed teacher", |t| &t.name);
        let team = |id: &Id| self.team(id).map_or("a removed team", |t| &t.name);
        match a {
            Activity::Cover { team_id } => format!("Cover {} classes for PD", team(team_id)),
            Activity::CoachingCycle { teacher_id } => {
                format!("Coaching cycle with {}", teacher(teacher_id))
            }
            Activity::CoTeach { teacher_id } => format!("Co-teaching with {}", teacher(teacher_id)),
            Activity::LessonStudy { team_id } => format!("Lesson study with {}", team(team_id)),
            Activity::Students => "Work with students".into(),
            Activity::Release {
                teacher_id,
                colleague_id,
            } => format!(
                "Release {} to coach {}",
                teacher(teacher_id),
                teacher(colleague_id)
            ),
        }
    }

    /// Replace the calendar. Refused, with the reasons, if it has problems. Sessions and PD
    /// weeks keep their dates: a week whose Monday is still a school week takes its new
    /// number; one that is no longer on the board, or a day that is now off, is dropped.
    pub fn set_calendar(&mut self, calendar: Calendar) -> Result<CalendarChange, String> {
        if let Some(p) = calendar
            .problems()
            .into_iter()
            .chain(calendar.date_problems())
            .next()
        {
            return Err(p);
        }
        let new_weeks = calendar.instructional_weeks()?;
        let by_monday: HashMap<time::Date, u16> =
            new_weeks.iter().map(|w| (w.monday, w.number)).collect();
        // Old week number → new number, by date; by number if the old calendar was broken.
        let old = self.year().ok();
        let renumber = |week: u16| -> Option<u16> {
            match &old {
                Some(y) => y.week(week).and_then(|w| by_monday.get(&w.monday).copied()),
                None => (week <= calendar.weeks).then_some(week),
            }
        };
        let mut change = CalendarChange::default();
        let mut cells = Vec::with_capacity(self.cells.len());
        for mut c in std::mem::take(&mut self.cells) {
            match renumber(c.week) {
                Some(w) => {
                    if w != c.week {
                        change.moved += 1;
                    }
                    c.week = w;
                    cells.push(c);
                }
                None => change.dropped += 1,
            }
        }
        let mut pd = Vec::with_capacity(self.pd_weeks.len());
        for mut p in std::mem::take(&mut self.pd_weeks) {
            if let Some(w) = renumber(p.week) {
                p.week = w;
                pd.push(p);
            } else {
                change.pd_dropped += 1;
            }
        }
        self.calendar = calendar;
        self.pd_weeks = pd;
        // Days that are now off lose their day cells.
        let closed = self.year().map(|y| y.closed).unwrap_or_default();
        let before = cells.len();
        cells.retain(|c| c.day.is_none_or(|d| !closed.contains(&(c.week, d))));
        change.dropped += before - cells.len();
        self.cells = cells;
        self.sort_cells();
        Ok(change)
    }

    pub fn add_member(&mut self, id: Id, name: &str, expertise: &str) -> Result<(), String> {
        if self.members.len() >= MAX_MEMBERS {
            return Err(format!("A Plus team has {MAX_MEMBERS} members at most."));
        }
        let name = text::clean_name("The Plus teacher\u{2019}s name", name)?;
        let expertise = text::clean_name("Their expertise", expertise)?;
        self.members.push(Member {
            id,
            name,
            expertise,
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn update_member(&mut self, id: &Id, name: &str, expertise: &str) -> Result<(), String> {
        let name = text::clean_name("The Plus teacher\u{2019}s name", name)?;
        let expertise = text::clean_name("Their expertise", expertise)?;
        let m = self
            .members
            .iter_mut()
            .find(|m| &m.id == id)
            .ok_or("That Plus teacher is no longer on the board.")?;
        m.name = name;
        m.expertise = expertise;
        Ok(())
    }

    /// Remove a Plus teacher and their cells; returns how many cells went with them.
    pub fn remove_member(&mut self, id: &Id) -> Option<usize> {
        let at = self.members.iter().position(|m| &m.id == id)?;
        self.members.remove(at);
        let before = self.cells.len();
        self.cells.retain(|c| &c.member_id != id);
        Some(before - self.cells.len())
    }

    pub fn add_team(&mut self, id: Id, name: &str) -> Result<(), String> {
        if self.teams.len() >= MAX_TEAMS {
            return Err(format!("A board has {MAX_TEAMS} teams at most."));
        }
        let name = text::clean_name("The team\u{2019}s name", name)?;
        if self
            .teams
            .iter()
            .any(|t| crate::domain::district::same_name(&t.name, &name))
        {
            return Err(format!(
                "There is already a team called \u{201c}{name}\u{201d}."
            ));
        }
        self.teams.push(Team {
            id,
            name,
            extra: Extra::new(),
        });
        Ok(())
    }

    /// Remove an empty team. A team with teachers, or with a PD week, says so instead.
    pub fn remove_team(&mut self, id: &Id) -> Result<(), String> {
        let name = self
            .team(id)
            .map(|t| t.name.clone())
            .ok_or("That team is no longer on the board.")?;
        let teachers = self.teachers.iter().filter(|t| &t.team_id == id).count();
        if teachers > 0 {
            return Err(format!(
                "{name} still has {}: move or remove them first.",
                plural(teachers, "teacher", "teachers")
            ));
        }
        let pd: Vec<String> = self
            .pd_weeks
            .iter()
            .filter(|p| &p.team_id == id)
            .map(|p| p.week.to_string())
            .collect();
        if !pd.is_empty() {
            return Err(format!(
                "{name} has PD in week {}: make those coaching weeks first.",
                pd.join(", ")
            ));
        }
        self.teams.retain(|t| &t.id != id);
        self.cells.retain(|c| {
            !matches!(&c.activity, Activity::Cover { team_id } | Activity::LessonStudy { team_id } if team_id == id)
        });
        Ok(())
    }

    /// Set a teacher's email (empty: none). The address is checked as [`text::clean_email`]
    /// does.
    pub fn set_teacher_email(&mut self, id: &Id, email: &str) -> Result<(), String> {
        let email = text::clean_email(email)?;
        let t = self
            .teachers
            .iter_mut()
            .find(|t| &t.id == id)
            .ok_or("That teacher is no longer on the board.")?;
        t.email = email;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn put_teacher(
        &mut self,
        id: Id,
        name: &str,
        team_id: &Id,
        subject: &str,
        focus: &str,
    ) -> Result<(), String> {
        if self.team(team_id).is_none() {
            return Err("Choose the teacher\u{2019}s team.".into());
        }
        let name = text::clean_name("The teacher\u{2019}s name", name)?;
        let subject = text::clean_name("Their subject", subject)?;
        let focus = focus.trim().to_string();
        if focus.chars().count() > text::MAX_NAME_CHARS {
            return Err(format!(
                "The coaching focus is longer than {} characters.",
                text::MAX_NAME_CHARS
            ));
        }
        match self.teachers.iter_mut().find(|t| t.id == id) {
            Some(t) => {
                t.name = name;
                t.team_id = team_id.clone();
                t.subject = subject;
                t.focus = focus;
            }
            None => {
                if self.teachers.len() >= MAX_TEACHERS {
                    return Err(format!("A board holds {MAX_TEACHERS} teachers at most."));
                }
                self.teachers.push(Teacher {
                    id,
                    name,
                    team_id: team_id.clone(),
                    subject,
                    focus,
                    email: String::new(),
                    extra: Extra::new(),
                });
            }
        }
        Ok(())
    }

    /// Remove a teacher and every session with them; returns how many sessions went.
    pub fn remove_teacher(&mut self, id: &Id) -> Option<usize> {
        let at = self.teachers.iter().position(|t| &t.id == id)?;
        self.teachers.remove(at);
        let before = self.cells.len();
        self.cells.retain(|c| !c.activity.teachers().contains(&id));
        Some(before - self.cells.len())
    }

    /// Every problem with the stored board, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .calendar
            .problems()
            .into_iter()
            .map(|p| format!("Plus board for {}: {p}", self.school_id))
            .collect();
        let at = |s: String| format!("Plus board for {}: {s}", self.school_id);
        if self.members.len() > MAX_MEMBERS {
            out.push(at(format!(
                "a Plus team has {MAX_MEMBERS} members at most, not {}.",
                self.members.len()
            )));
        }
        if self.teachers.len() > MAX_TEACHERS || self.teams.len() > MAX_TEAMS {
            out.push(at(format!(
                "a board holds {MAX_TEACHERS} teachers and {MAX_TEAMS} teams at most."
            )));
        }
        let mut ids = HashSet::new();
        let names = self
            .members
            .iter()
            .map(|m| (&m.id, &m.name, "A Plus teacher"))
            .chain(self.teams.iter().map(|t| (&t.id, &t.name, "A team")))
            .chain(self.teachers.iter().map(|t| (&t.id, &t.name, "A teacher")));
        for (id, name, what) in names {
            if id.is_empty() || !ids.insert(id) {
                out.push(at(format!("{what} ({name}) has a missing or repeated ID.")));
            }
            if let Err(e) = text::clean_name(what, name) {
                out.push(at(e));
            }
        }
        let team_ids: HashSet<&Id> = self.teams.iter().map(|t| &t.id).collect();
        let teacher_ids: HashSet<&Id> = self.teachers.iter().map(|t| &t.id).collect();
        let member_ids: HashSet<&Id> = self.members.iter().map(|m| &m.id).collect();
        for t in &self.teachers {
            if !team_ids.contains(&t.team_id) {
                out.push(at(format!("{} is in a team that does not exist.", t.name)));
            }
        }
        let weeks = self.calendar.weeks;
        for p in &self.pd_weeks {
            if p.week == 0 || p.week > weeks {
                out.push(at(format!(
                    "a PD week is week {}, outside the year.",
                    p.week
                )));
            }
            if !team_ids.contains(&p.team_id) || p.days.iter().any(|d| *d >= DAYS) {
                out.push(at(format!(
                    "the PD week in week {} names a missing team or a day past Friday.",
                    p.week
                )));
            }
        }
        let bad_cells =
            self.cells
                .iter()
                .filter(|c| {
                    let refs_ok = match &c.activity {
                        Activity::Cover { team_id } | Activity::LessonStudy { team_id } => {
                            team_ids.contains(team_id)
                        }
                        Activity::CoachingCycle { teacher_id }
                        | Activity::CoTeach { teacher_id } => teacher_ids.contains(teacher_id),
                        Activity::Students => true,
                        Activity::Release {
                            teacher_id,
                            colleague_id,
                        } => teacher_ids.contains(teacher_id) && teacher_ids.contains(colleague_id),
                    };
                    !refs_ok
                        || !member_ids.contains(&c.member_id)
                        || c.week == 0
                        || c.week > weeks
                        || c.day.is_some_and(|d| d >= DAYS)
                })
                .count();
        if bad_cells > 0 {
            out.push(at(format!(
                "{bad_cells} cells name someone who is not on the board, or a week or day outside the year."
            )));
        }
        out
    }

    /// Each teacher's email (empty when unknown), in the order of [`Board::to_shared`]'s
    /// teachers: for the mail merge of their own links. Emails never go into a link.
    pub fn shared_emails(&self) -> Vec<String> {
        self.teachers
            .iter()
            .filter(|t| self.team(&t.team_id).is_some())
            .map(|t| t.email.clone())
            .collect()
    }

    /// The read-only copy teachers get: names, each teacher's stable key, weeks, PD weeks
    /// and every session by day.
    pub fn to_shared(&self, school: &str) -> Shared {
        let year = self.year().ok();
        let idx = |ids: Vec<&Id>| -> HashMap<Id, u16> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i as u16))
                .collect()
        };
        let member_ix = idx(self.members.iter().map(|m| &m.id).collect());
        let team_ix = idx(self.teams.iter().map(|t| &t.id).collect());
        // Teachers in a team that exists, so indexes in the copy line up.
        let teachers: Vec<&Teacher> = self
            .teachers
            .iter()
            .filter(|t| team_ix.contains_key(&t.team_id))
            .collect();
        let teacher_ix = idx(teachers.iter().map(|t| &t.id).collect());
        // Each teacher's key, from the school's and the teacher's IDs: unique in the copy
        // (a collision, which practically never happens, steps the later teacher on).
        let mut taken = HashSet::new();
        let keys: Vec<String> = teachers
            .iter()
            .map(|t| {
                let mut salt = 0;
                loop {
                    let k = super::share::key_for(&self.school_id, &t.id, salt);
                    if taken.insert(k.clone()) {
                        break k;
                    }
                    salt += 1;
                }
            })
            .collect();
        let weeks: Vec<String> = year
            .as_ref()
            .map(|y| y.weeks.iter().map(|w| iso(w.monday)).collect())
            .unwrap_or_default();
        let closed = |w: u16, d: u8| year.as_ref().is_some_and(|y| y.is_closed(w, d));
        let mut cells = Vec::new();
        for c in &self.cells {
            let Some(&m) = member_ix.get(&c.member_id) else {
                continue;
            };
            if usize::from(c.week) > weeks.len() || c.week == 0 {
                continue;
            }
            let (code, a, b) = match &c.activity {
                Activity::Cover { team_id } => (0, team_ix.get(team_id), Some(&0)),
                Activity::CoachingCycle { teacher_id } => (1, teacher_ix.get(teacher_id), Some(&0)),
                Activity::CoTeach { teacher_id } => (2, teacher_ix.get(teacher_id), Some(&0)),
                Activity::LessonStudy { team_id } => (3, team_ix.get(team_id), Some(&0)),
                Activity::Students => (4, Some(&0), Some(&0)),
                Activity::Release {
                    teacher_id,
                    colleague_id,
                } => (5, teacher_ix.get(teacher_id), teacher_ix.get(colleague_id)),
            };
            let (Some(&a), Some(&b)) = (a, b) else {
                continue;
            };
            for d in c.days().filter(|d| !closed(c.week, *d)) {
                cells.push((c.week - 1, d, m as u8, code, a, b));
            }
        }
        Shared {
            school: school.to_string(),
            members: self
                .members
                .iter()
                .map(|m| (m.name.clone(), m.expertise.clone()))
                .collect(),
            teams: self.teams.iter().map(|t| t.name.clone()).collect(),
            teachers: teachers
                .iter()
                .map(|t| {
                    (
                        t.name.clone(),
                        team_ix[&t.team_id],
                        t.subject.clone(),
                        t.focus.clone(),
                    )
                })
                .collect(),
            keys,
            pd: self
                .pd_weeks
                .iter()
                .filter(|p| p.week >= 1 && usize::from(p.week) <= weeks.len())
                .filter_map(|p| {
                    let mask = p
                        .days
                        .iter()
                        .filter(|d| **d < DAYS && !closed(p.week, **d))
                        .fold(0u8, |m, d| m | (1 << d));
                    Some((p.week - 1, *team_ix.get(&p.team_id)?, mask))
                })
                .collect(),
            weeks,
            cells,
        }
    }
}
