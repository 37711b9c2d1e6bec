//! The school-year calendar for a Plus-teacher board: the first day, the number of
//! instructional weeks, and the weeks off. Weeks run Monday to Friday; a break that covers
//! any school day of a week takes the whole week off the board, and the instructional
//! weeks continue after it, so the year always has its full count of weeks.

use crate::domain::dates;
use crate::domain::district::Extra;
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Weekday};

pub const MAX_WEEKS: u16 = 45;
pub const MAX_BREAKS: usize = 20;
pub const MAX_BREAK_LABEL: usize = 60;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Calendar {
    /// YYYY-MM-DD: the first day of school.
    pub first_day: String,
    /// Instructional weeks in the year.
    pub weeks: u16,
    #[serde(default)]
    pub breaks: Vec<Break>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Days off, inclusive ("Winter break", 2026-12-21 to 2027-01-01).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Break {
    pub label: String,
    pub start: String,
    pub end: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One instructional week on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    /// 1-based instructional week number.
    pub number: u16,
    /// The Monday of the week.
    pub monday: Date,
}

impl Week {
    /// The school days of the week, Monday to Friday. (A week at the very end of the dates
    /// `time` holds repeats its last day rather than fail; no stored week comes near it.)
    pub fn days(&self) -> [Date; 5] {
        let mut out = [self.monday; 5];
        for (i, d) in out.iter_mut().enumerate() {
            *d = self.monday.saturating_add(Duration::days(i as i64));
        }
        out
    }

    /// "Week 3 · 14 Sep"
    pub fn label(&self) -> String {
        format!("Week {} \u{b7} {}", self.number, short(self.monday))
    }
}

/// Parse `YYYY-MM-DD` into a date between [`dates::EARLIEST`] and [`dates::LATEST`]; the
/// error is a sentence for the person typing it.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let d = dates::parse_shape(s).ok_or_else(|| {
        format!(
            "\u{201c}{}\u{201d} is not a date like 2026-08-31.",
            s.trim()
        )
    })?;
    dates::check_range(d)
}

/// Parse `YYYY-MM-DD` in any year (the range is not checked): for reading what is stored.
fn parse_stored(s: &str) -> Result<Date, String> {
    dates::parse_shape(s).ok_or_else(|| {
        format!(
            "\u{201c}{}\u{201d} is not a date like 2026-08-31.",
            s.trim()
        )
    })
}

/// `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    dates::iso(d)
}

/// "14 Sep".
pub fn short(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}",
        d.day(),
        MONTHS[usize::from(u8::from(d.month())) - 1]
    )
}

fn monday_of(d: Date) -> Date {
    d.saturating_sub(Duration::days(i64::from(
        d.weekday().number_days_from_monday(),
    )))
}

impl Calendar {
    /// The calendar's dates outside the range Readyboard works with: checked when a calendar
    /// enters the document (the set-up form, a restored backup), while [`problems`](Self::problems)
    /// is what a stored one must meet to load. The year of a calendar out of range is not
    /// worked out ([`Calendar::year`] says why), so nothing can overflow.
    pub fn date_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |what: String, raw: &str| {
            if let Some(d) = dates::parse_shape(raw) {
                if let Err(e) = dates::check_range(d) {
                    out.push(format!("{what}: {e}"));
                }
            }
        };
        check("The first day of school".into(), &self.first_day);
        for (i, b) in self.breaks.iter().enumerate() {
            let name = if b.label.trim().is_empty() {
                format!("Break {}", i + 1)
            } else {
                format!("\u{201c}{}\u{201d}", b.label.trim())
            };
            check(name.clone(), &b.start);
            check(name, &b.end);
        }
        out
    }

    /// Check the calendar: a real first day, 1 to 45 weeks, breaks with a label and dates in
    /// order. Every problem, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(e) = parse_stored(&self.first_day) {
            out.push(format!("The first day of school: {e}"));
        }
        if self.weeks == 0 || self.weeks > MAX_WEEKS {
            out.push(format!(
                "A school year has 1 to {MAX_WEEKS} instructional weeks, not {}.",
                self.weeks
            ));
        }
        if self.breaks.len() > MAX_BREAKS {
            out.push(format!("A year can have {MAX_BREAKS} breaks at most."));
        }
        for (i, b) in self.breaks.iter().enumerate() {
            let name = if b.label.trim().is_empty() {
                format!("Break {}", i + 1)
            } else {
                format!("\u{201c}{}\u{201d}", b.label.trim())
            };
            if b.label.trim().is_empty() {
                out.push(format!(
                    "{name} needs a name, such as \u{201c}Winter break\u{201d}."
                ));
            } else if b.label.trim().chars().count() > MAX_BREAK_LABEL {
                out.push(format!(
                    "{name}: the name is longer than {MAX_BREAK_LABEL} characters."
                ));
            }
            match (parse_stored(&b.start), parse_stored(&b.end)) {
                (Ok(s), Ok(e)) if e < s => {
                    out.push(format!("{name} ends before it starts."));
                }
                (Ok(_), Ok(_)) => {}
                (Err(e), _) | (_, Err(e)) => out.push(format!("{name}: {e}")),
            }
        }
        out
    }

    /// Whether the school week starting on `monday` is entirely off: every school day
    /// (Monday to Friday) falls in a break.
    fn is_off(&self, monday: Date, breaks: &[(Date, Date)]) -> bool {
        (0..5).all(|i| {
            monday
                .checked_add(Duration::days(i))
                .is_none_or(|d| breaks.iter().any(|&(s, e)| s <= d && d <= e))
        })
    }

    /// The instructional weeks, in order, skipping weeks that are wholly off. The first
    /// week is the week of the first day. `Err` if the calendar has problems.
    pub fn instructional_weeks(&self) -> Result<Vec<Week>, String> {
        let problems = self.problems();
        if let Some(p) = problems.into_iter().next() {
            return Err(p);
        }
        let first = parse_date(&self.first_day)?;
        let breaks: Vec<(Date, Date)> = self
            .breaks
            .iter()
            .filter_map(|b| Some((parse_date(&b.start).ok()?, parse_date(&b.end).ok()?)))
            .collect();
        let mut monday = monday_of(first);
        let mut weeks = Vec::with_capacity(usize::from(self.weeks));
        // A calendar with every week off would loop forever: stop after two years.
        let mut guard = 0;
        while weeks.len() < usize::from(self.weeks) {
            guard += 1;
            if guard > 104 {
                return Err("The breaks leave no school weeks in the next two years.".into());
            }
            if !self.is_off(monday, &breaks) {
                weeks.push(Week {
                    number: weeks.len() as u16 + 1,
                    monday,
                });
            }
            monday = monday
                .checked_add(Duration::weeks(1))
                .ok_or("The school year runs past the last date Readyboard can count.")?;
        }
        Ok(weeks)
    }

    /// The school days of a week that are not in a break, and not before the first day.
    pub fn school_days(&self, week: &Week) -> Vec<Date> {
        let first = parse_date(&self.first_day).ok();
        let breaks: Vec<(Date, Date)> = self
            .breaks
            .iter()
            .filter_map(|b| Some((parse_date(&b.start).ok()?, parse_date(&b.end).ok()?)))
            .collect();
        week.days()
            .into_iter()
            .filter(|d| d.weekday() != Weekday::Saturday && d.weekday() != Weekday::Sunday)
            .filter(|d| first.is_none_or(|f| *d >= f))
            .filter(|d| !breaks.iter().any(|&(s, e)| s <= *d && *d <= e))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(first: &str, weeks: u16, breaks: &[(&str, &str, &str)]) -> Calendar {
        Calendar {
            first_day: first.into(),
            weeks,
            breaks: breaks
                .iter()
                .map(|(l, s, e)| Break {
                    label: (*l).into(),
                    start: (*s).into(),
                    end: (*e).into(),
                    extra: Extra::new(),
                })
                .collect(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn dates_parse_strictly_and_print_back() {
        let d = parse_date("2026-08-31").unwrap();
        assert_eq!(d.weekday(), Weekday::Monday);
        assert_eq!(iso(d), "2026-08-31");
        assert_eq!(short(d), "31 Aug");
        for bad in ["2026-02-30", "31/08/2026", "2026-8-31", "", "2026-13-01"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weeks_start_on_the_monday_of_the_first_day_and_skip_breaks() {
        // School starts on a Wednesday; Thanksgiving week is partly off (stays), winter
        // break covers two whole weeks (skipped).
        let c = cal(
            "2026-09-02",
            20,
            &[
                ("Thanksgiving", "2026-11-26", "2026-11-27"),
                ("Winter break", "2026-12-21", "2027-01-01"),
            ],
        );
        let weeks = c.instructional_weeks().unwrap();
        assert_eq!(weeks.len(), 20);
        assert_eq!(iso(weeks[0].monday), "2026-08-31");
        assert_eq!(weeks[0].label(), "Week 1 \u{b7} 31 Aug");
        assert_eq!(c.school_days(&weeks[0]).len(), 3, "Wednesday to Friday");
        let thanksgiving = weeks
            .iter()
            .find(|w| iso(w.monday) == "2026-11-23")
            .unwrap();
        assert_eq!(c.school_days(thanksgiving).len(), 3);
        assert!(weeks
            .iter()
            .all(|w| iso(w.monday) != "2026-12-21" && iso(w.monday) != "2026-12-28"));
        let after = weeks
            .iter()
            .position(|w| iso(w.monday) == "2026-12-14")
            .unwrap();
        assert_eq!(iso(weeks[after + 1].monday), "2027-01-04");
        assert!(weeks
            .windows(2)
            .all(|p| p[0].number + 1 == p[1].number && p[0].monday < p[1].monday));
    }

    #[test]
    fn bad_calendars_say_what_is_wrong() {
        let c = cal("2026-02-30", 0, &[("", "2026-12-21", "2026-12-01")]);
        let p = c.problems();
        assert!(
            p.iter().any(|m| m.starts_with("The first day of school:")),
            "{p:?}"
        );
        assert!(
            p.iter().any(|m| m.contains("1 to 45 instructional weeks")),
            "{p:?}"
        );
        assert!(p.iter().any(|m| m.contains("needs a name")), "{p:?}");
        assert!(
            p.iter().any(|m| m.contains("ends before it starts")),
            "{p:?}"
        );
        assert!(c.instructional_weeks().is_err());
        // Every week off: an error, not a hang.
        let off = cal("2026-09-07", 5, &[("Closed", "2026-01-01", "2029-01-01")]);
        assert!(off
            .instructional_weeks()
            .unwrap_err()
            .contains("no school weeks"));
    }
}
