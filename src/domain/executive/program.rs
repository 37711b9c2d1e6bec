//! The program view's arithmetic: allowance use, pace, and the flags that say which
//! engagements need attention.

use super::engagement::{Contact, Engagement, Kind, Phase, Use};
use super::Executive;
use crate::domain::dates;
use crate::domain::text;
use std::borrow::Borrow;
use time::Date;

/// Days without a contact after which an active engagement is flagged.
pub const QUIET_DAYS: i64 = 21;

/// Contacts of each kind and the allowances used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// (kind, contacts, minutes), for every kind, in [`Kind::ALL`]'s order.
    pub by_kind: Vec<(Kind, usize, u32)>,
    pub on_site_used: usize,
    pub on_site_allowed: Option<u32>,
    pub off_site_used: usize,
    pub off_site_allowed: Option<u32>,
    pub observations: usize,
    pub total_minutes: u32,
}

impl Usage {
    pub fn used(&self, u: Use) -> usize {
        match u {
            Use::OnSite => self.on_site_used,
            Use::OffSite => self.off_site_used,
        }
    }

    pub fn allowed(&self, u: Use) -> Option<u32> {
        match u {
            Use::OnSite => self.on_site_allowed,
            Use::OffSite => self.off_site_allowed,
        }
    }

    /// "6 of 15 on-site days used"; "4 on-site days (by agreement)".
    pub fn line(&self, u: Use) -> String {
        let used = self.used(u);
        match self.allowed(u) {
            Some(n) => format!("{used} of {} used", u.noun(n as usize)),
            None => format!("{} (by agreement)", u.noun(used)),
        }
    }

    /// How far over the allowance, if over.
    pub fn over(&self, u: Use) -> usize {
        self.allowed(u)
            .map_or(0, |n| self.used(u).saturating_sub(n as usize))
    }
}

/// Count `contacts` against `e`'s allowance.
pub fn usage<C: Borrow<Contact>>(e: &Engagement, contacts: &[C]) -> Usage {
    let mut u = Usage {
        by_kind: Kind::ALL.iter().map(|&k| (k, 0, 0)).collect(),
        on_site_allowed: e.allowance.on_site_days,
        off_site_allowed: e.allowance.off_site_sessions,
        ..Usage::default()
    };
    for c in contacts.iter().map(Borrow::borrow) {
        if let Some(row) = u.by_kind.iter_mut().find(|r| r.0 == c.kind) {
            row.1 += 1;
            row.2 += c.minutes;
        }
        match c.kind.uses() {
            Some(Use::OnSite) => u.on_site_used += 1,
            Some(Use::OffSite) => u.off_site_used += 1,
            None => {}
        }
        u.observations += usize::from(c.observation);
        u.total_minutes += c.minutes;
    }
    u
}

/// The IDs of the contacts over the allowance: the on-site days (or off-site sessions)
/// after the allowed number, in date order. Kept in the log, and marked.
pub fn over_allowance<C: Borrow<Contact>>(
    e: &Engagement,
    contacts: &[C],
) -> Vec<crate::domain::Id> {
    let mut out = Vec::new();
    for u in [Use::OnSite, Use::OffSite] {
        if let Some(n) = u.of(&e.allowance) {
            out.extend(
                contacts
                    .iter()
                    .map(Borrow::borrow)
                    .filter(|c: &&Contact| c.kind.uses() == Some(u))
                    .skip(n as usize)
                    .map(|c| c.id.clone()),
            );
        }
    }
    out
}

/// The warning to show before logging a contact of `kind`: `Some` when it would take the
/// engagement over its allowance.
pub fn warn_before<C: Borrow<Contact>>(
    e: &Engagement,
    contacts: &[C],
    kind: Kind,
) -> Option<String> {
    let u = kind.uses()?;
    let allowed = u.of(&e.allowance)? as usize;
    let used = contacts
        .iter()
        .filter(|c| (*c).borrow().kind.uses() == Some(u))
        .count();
    (used >= allowed).then(|| {
        format!(
            "This would be {} over the allowance of {}: {} already used. It will be kept and marked as over.",
            u.noun(used + 1 - allowed),
            u.noun(allowed),
            used
        )
    })
}

/// Where on-site days stand against the calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    pub allowed: u32,
    /// On-site days up to today.
    pub used: usize,
    /// On-site days logged after today (planned).
    pub planned: usize,
    /// Whole weeks from today to the end (0 once it has ended): school weeks when
    /// [`school_calendar`](Self::school_calendar), else weeks of the calendar.
    pub weeks_left: i64,
    /// Days from today to the end (0 once it has ended).
    pub days_left: i64,
    /// The days the allowance spread evenly over the engagement would have used by today.
    pub expected: f64,
    /// More than one day behind the even spread.
    pub behind: bool,
    /// Counted in the school's instructional weeks (its calendar, breaks left out), not in
    /// weeks of the calendar year.
    pub school_calendar: bool,
}

impl Pace {
    /// The days neither used nor planned.
    pub fn unused(&self) -> usize {
        (self.allowed as usize).saturating_sub(self.used + self.planned)
    }

    /// "6 of 15 on-site days unused with 9 school weeks left" (on the school calendar), or
    /// "… with 9 weeks left" (without one).
    pub fn sentence(&self) -> String {
        let left = if self.days_left <= 0 {
            "and the engagement has ended".to_string()
        } else if self.school_calendar {
            if self.weeks_left == 0 {
                "with no school weeks left".to_string()
            } else {
                format!(
                    "with {} left",
                    text::plural(self.weeks_left as usize, "school week", "school weeks")
                )
            }
        } else if self.weeks_left == 0 {
            format!(
                "with {} left",
                text::plural(self.days_left as usize, "day", "days")
            )
        } else {
            format!(
                "with {} left",
                text::plural(self.weeks_left as usize, "week", "weeks")
            )
        };
        format!(
            "{} of {} unused {left}",
            self.unused(),
            Use::OnSite.noun(self.allowed as usize),
        )
    }
}

/// On-site days against an even spread over the engagement. With `school_weeks` (the
/// Mondays of the school's instructional weeks in order, see
/// [`Document::school_weeks`](crate::domain::Document::school_weeks)) the spread is over the
/// school weeks the engagement covers, so breaks and the summer do not count; without, over
/// its days. `None` when the tier sets no on-site allowance (by agreement) or the dates are
/// unreadable.
pub fn pace<C: Borrow<Contact>>(
    e: &Engagement,
    contacts: &[C],
    today: Date,
    school_weeks: Option<&[Date]>,
) -> Option<Pace> {
    let allowed = e.allowance.on_site_days?;
    let start = dates::parse_shape(&e.start)?;
    let end = dates::parse_shape(&e.end)?;
    let today_s = dates::iso(today);
    let (mut used, mut planned) = (0, 0);
    for c in contacts.iter().map(Borrow::borrow) {
        if c.kind == Kind::OnSite {
            if c.date.as_str() <= today_s.as_str() {
                used += 1;
            } else {
                planned += 1;
            }
        }
    }
    let left_days = (end - today).whole_days().max(0);
    // The school weeks the engagement covers: a week counts when one of its school days
    // (Monday to Friday) falls within the engagement. A calendar is used only when it spans
    // the engagement: its first week within four weeks of the start, its last within a
    // summer (13 weeks) of the end. A calendar of another year, or of half of this one,
    // would count the rest as no school at all.
    let friday = |m: Date| m + time::Duration::days(4);
    let covered: Vec<Date> = school_weeks
        .filter(|w| spans_dates(w, start, end))
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|&m| m <= end && friday(m) >= start)
        .collect();
    let (expected, weeks_left, school_calendar) = if covered.is_empty() {
        let total = (end - start).whole_days().max(1) as f64;
        let elapsed = (today - start).whole_days().clamp(0, total as i64) as f64;
        (f64::from(allowed) * elapsed / total, left_days / 7, false)
    } else {
        // A week is left while its Friday is still to come (today's week is left until
        // its Friday has passed).
        let left = covered.iter().filter(|&&m| friday(m) >= today).count();
        let total = covered.len();
        let gone = (total - left) as f64;
        (
            f64::from(allowed) * gone / total as f64,
            if left_days == 0 { 0 } else { left as i64 },
            true,
        )
    };
    Some(Pace {
        allowed,
        used,
        planned,
        weeks_left,
        days_left: left_days,
        expected,
        behind: !e.is_complete() && (used as f64) < expected - 1.0,
        school_calendar,
    })
}

/// Whether school weeks (their Mondays, in order) span an engagement from `start` to `end`:
/// the first within four weeks of the start, the last within a summer (13 weeks) of the end.
pub fn calendar_spans(weeks: &[Date], start: &str, end: &str) -> bool {
    match (dates::parse_shape(start), dates::parse_shape(end)) {
        (Some(s), Some(e)) => spans_dates(weeks, s, e),
        _ => false,
    }
}

fn spans_dates(weeks: &[Date], start: Date, end: Date) -> bool {
    matches!((weeks.first(), weeks.last()), (Some(&first), Some(&last))
        if first <= start + time::Duration::weeks(4)
            && last + time::Duration::days(4) >= end - time::Duration::weeks(13))
}

/// Why an engagement needs attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// Active, and no contact in the last [`QUIET_DAYS`] days.
    NoRecentContact,
    BehindPace,
    /// An objective has no indicators of success.
    NoIndicators,
    /// The current phase is past its expected date.
    Stalled,
}

impl Flag {
    pub const ALL: [Flag; 4] = [
        Flag::NoRecentContact,
        Flag::BehindPace,
        Flag::NoIndicators,
        Flag::Stalled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Flag::NoRecentContact => "No contact in 3 weeks",
            Flag::BehindPace => "Behind pace",
            Flag::NoIndicators => "Objective without indicators",
            Flag::Stalled => "Phase stalled",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Flag::NoRecentContact => "quiet",
            Flag::BehindPace => "behind",
            Flag::NoIndicators => "indicators",
            Flag::Stalled => "stalled",
        }
    }

    pub fn from_key(k: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.key() == k)
    }
}

/// One engagement as the program view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub usage: Usage,
    pub pace: Option<Pace>,
    /// The latest contact on or before today.
    pub last_contact: Option<String>,
    pub flags: Vec<Flag>,
    /// The flags explained, one sentence each.
    pub why: Vec<String>,
}

/// The program view's figures for `e` on `today`, with pace on the school's calendar when
/// `school_weeks` is given (see [`pace`]).
pub fn row(x: &Executive, e: &Engagement, today: Date, school_weeks: Option<&[Date]>) -> Row {
    let contacts = x.contacts_of(e);
    row_with(e, &contacts, today, school_weeks)
}

/// [`row`] with the engagement's log already gathered.
pub fn row_with<C: Borrow<Contact>>(
    e: &Engagement,
    contacts: &[C],
    today: Date,
    school_weeks: Option<&[Date]>,
) -> Row {
    let usage = usage(e, contacts);
    let pace = pace(e, contacts, today, school_weeks);
    let today_s = dates::iso(today);
    let last_contact = contacts
        .iter()
        .map(Borrow::borrow)
        .filter(|c: &&Contact| c.date <= today_s)
        .map(|c| c.date.clone())
        .max();
    let mut flags = Vec::new();
    let mut why = Vec::new();
    if e.is_active(today) {
        let since = last_contact.as_deref().unwrap_or(e.start.as_str());
        if let Some(d) = dates::parse_shape(since) {
            let quiet = (today - d).whole_days();
            if quiet > QUIET_DAYS {
                flags.push(Flag::NoRecentContact);
                why.push(match &last_contact {
                    Some(l) => format!("The last contact was on {l}, {quiet} days ago."),
                    None => format!("No contact since the start, {quiet} days ago."),
                });
            }
        }
    }
    if let Some(p) = &pace {
        if p.behind && e.is_active(today) {
            flags.push(Flag::BehindPace);
            why.push(format!(
                "{} used; an even pace would have used {:.0} by now ({}).",
                Use::OnSite.noun(p.used),
                p.expected.floor(),
                p.sentence()
            ));
        }
    }
    let bare: Vec<String> = e
        .objectives
        .iter()
        .filter(|o| !o.has_indicators())
        .map(|o| format!("\u{201c}{}\u{201d}", o.title))
        .collect();
    if !bare.is_empty() {
        flags.push(Flag::NoIndicators);
        why.push(format!("No indicators of success for {}.", bare.join(", ")));
    }
    if !e.is_complete() && e.phase == Phase::Implementation {
        if let Some(end) = e.target(Phase::Implementation) {
            if today > end {
                flags.push(Flag::Stalled);
                why.push(format!(
                    "The engagement ended on {} without its annual assessment.",
                    dates::iso(end)
                ));
            }
        }
    }
    if !e.is_complete() && e.phase != Phase::Implementation {
        if let Some(t) = e.target(e.phase) {
            if today > t {
                flags.push(Flag::Stalled);
                why.push(format!(
                    "{} was expected to be done by {}.",
                    e.phase.label(),
                    dates::iso(t)
                ));
            }
        }
    }
    Row {
        usage,
        pace,
        last_contact,
        flags,
        why,
    }
}

/// What the program view filters on. Empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words to find in the principal's, school's or coach's name.
    pub text: String,
    pub coach: String,
    pub tier: Option<crate::domain::Id>,
    pub cohort: Option<crate::domain::Id>,
    pub flag: Option<Flag>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    pub fn matches(&self, e: &Engagement, school_name: &str, row: &Row) -> bool {
        self.accepts(
            [&e.principal, school_name, &e.coach],
            &e.tier_id,
            e.cohort.as_ref(),
            &row.flags,
        )
    }

    /// [`Filter::matches`] on an engagement's names (principal, school, coach), tier,
    /// cohort and flags.
    pub fn accepts(
        &self,
        names: [&str; 3],
        tier: &crate::domain::Id,
        cohort: Option<&crate::domain::Id>,
        flags: &[Flag],
    ) -> bool {
        let words = self.text.to_lowercase();
        let hay = names.join(" ").to_lowercase();
        words.split_whitespace().all(|w| hay.contains(w))
            && (self.coach.is_empty() || names[2] == self.coach)
            && self.tier.as_ref().is_none_or(|t| tier == t)
            && self.cohort.as_ref().is_none_or(|c| cohort == Some(c))
            && self.flag.is_none_or(|f| flags.contains(&f))
    }
}

/// The coaches' names, sorted, once each.
pub fn coaches(x: &Executive) -> Vec<String> {
    let mut v: Vec<String> = x.engagements.iter().map(|e| e.coach.clone()).collect();
    v.sort();
    v.dedup();
    v
}
