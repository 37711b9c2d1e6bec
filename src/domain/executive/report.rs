//! The status report for the superintendent, its CSV, and the weekly meetings' calendar.
//!
//! A report is built from what may be shared: it has no field for a contact's notes, shared
//! or private, so no page, print-out or file made from it can carry a private note.

use super::engagement::{duration, Engagement, Use};
use super::program;
use super::Executive;
use crate::domain::dates;
use crate::domain::phase_in::export;
use crate::domain::plus::ics;
use crate::domain::Document;
use time::Date;

/// One objective in a report.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveLine {
    pub title: String,
    pub indicators: String,
    pub cadence: &'static str,
    /// (date, rating, evidence) of the latest check.
    pub latest: Option<(String, &'static str, String)>,
    pub steps_done: usize,
    pub steps: usize,
    pub outcome: Option<&'static str>,
}

/// A status report, as of a date.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusReport {
    pub district: String,
    pub principal: String,
    pub school: String,
    pub coach: String,
    pub superintendent: String,
    pub tier: String,
    pub allowance: String,
    pub start: String,
    pub end: String,
    pub as_of: String,
    /// "Phase 2 of 4: Planning", or "Completed on …".
    pub phase: String,
    pub phase_needs: Vec<String>,
    pub plan_agreed_on: String,
    pub objectives: Vec<ObjectiveLine>,
    /// (kind, contacts, time) for every kind with at least one contact.
    pub contacts: Vec<(&'static str, usize, String)>,
    pub total_contacts: usize,
    pub observations: usize,
    pub allowance_lines: Vec<String>,
    pub pace: Option<String>,
    pub last_contact: Option<String>,
    pub flags: Vec<String>,
    pub next_steps: String,
}

/// The status report of `e` on `today`.
pub fn status(doc: &Document, e: &Engagement, today: Date) -> StatusReport {
    let x: &Executive = &doc.executive;
    let contacts = x.contacts_of(e);
    let weeks = doc.school_weeks(&e.school_id);
    let row = program::row_with(e, &contacts, today, weeks.as_deref());
    let school = doc.school(&e.school_id).map_or_else(
        || "A school no longer in the district".to_string(),
        |s| s.name.clone(),
    );
    let phase = if e.is_complete() {
        format!("Completed on {}", e.completed_on)
    } else {
        format!("Phase {} of 4: {}", e.phase.number(), e.phase.label())
    };
    let objectives = e
        .objectives
        .iter()
        .map(|o| ObjectiveLine {
            title: o.title.clone(),
            indicators: o.indicators.clone(),
            cadence: o.cadence.label(),
            latest: o
                .latest()
                .map(|c| (c.date.clone(), c.rating.label(), c.evidence.clone())),
            steps_done: o.steps.iter().filter(|s| s.done).count(),
            steps: o.steps.len(),
            outcome: o.outcome.map(|x| x.label()),
        })
        .collect();
    let mut allowance_lines = vec![row.usage.line(Use::OnSite), row.usage.line(Use::OffSite)];
    for u in [Use::OnSite, Use::OffSite] {
        let over = row.usage.over(u);
        if over > 0 {
            allowance_lines.push(format!("{} over the allowance.", u.noun(over)));
        }
    }
    StatusReport {
        district: doc.district.name.clone(),
        principal: e.principal.clone(),
        school,
        coach: e.coach.clone(),
        superintendent: e.superintendent.clone(),
        tier: x.tier_name(&e.tier_id),
        allowance: e.allowance.describe(),
        start: e.start.clone(),
        end: e.end.clone(),
        as_of: dates::iso(today),
        phase,
        phase_needs: if e.is_complete() {
            Vec::new()
        } else {
            e.needs(e.phase)
        },
        plan_agreed_on: e.plan_agreed_on.clone(),
        objectives,
        contacts: row
            .usage
            .by_kind
            .iter()
            .filter(|r| r.1 > 0)
            .map(|&(k, n, m)| (k.label(), n, duration(m)))
            .collect(),
        total_contacts: contacts.len(),
        observations: row.usage.observations,
        allowance_lines,
        pace: row.pace.as_ref().map(|p| {
            let s = p.sentence();
            if p.behind {
                format!("{s}: behind pace.")
            } else {
                format!("{s}.")
            }
        }),
        last_contact: row.last_contact.clone(),
        flags: row.why.clone(),
        next_steps: e.next_steps.clone(),
    }
}

impl StatusReport {
    /// The report as CSV rows: section, item, value, detail.
    pub fn csv(&self) -> String {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |a: &str, b: &str, c: &str, d: &str| {
            rows.push(vec![a.into(), b.into(), c.into(), d.into()]);
        };
        row("Engagement", "District", &self.district, "");
        row("Engagement", "Principal", &self.principal, "");
        row("Engagement", "School", &self.school, "");
        row("Engagement", "Coach", &self.coach, "");
        row("Engagement", "Superintendent", &self.superintendent, "");
        row("Engagement", "Tier", &self.tier, &self.allowance);
        row("Engagement", "Dates", &self.start, &self.end);
        row("Engagement", "As of", &self.as_of, "");
        row("Phase", "Phase", &self.phase, "");
        for n in &self.phase_needs {
            row("Phase", "Still needed", n, "");
        }
        row("Phase", "Plan agreed on", &self.plan_agreed_on, "");
        for o in &self.objectives {
            let (date, rating, evidence) = o
                .latest
                .as_ref()
                .map_or(("", "No check yet", ""), |(d, r, e)| {
                    (d.as_str(), *r, e.as_str())
                });
            row("Objective", &o.title, rating, evidence);
            row("Objective", "Indicators", &o.indicators, o.cadence);
            row("Objective", "Latest check", date, "");
            row(
                "Objective",
                "Action steps done",
                &format!("{} of {}", o.steps_done, o.steps),
                "",
            );
            if let Some(out) = o.outcome {
                row("Objective", "Annual assessment", out, "");
            }
        }
        for (kind, n, time) in &self.contacts {
            row("Contacts", kind, &n.to_string(), time);
        }
        row(
            "Contacts",
            "All contacts",
            &self.total_contacts.to_string(),
            "",
        );
        row(
            "Contacts",
            "With an observation",
            &self.observations.to_string(),
            "",
        );
        row(
            "Contacts",
            "Last contact",
            self.last_contact.as_deref().unwrap_or("None yet"),
            "",
        );
        for l in &self.allowance_lines {
            row("Allowance", l, "", "");
        }
        if let Some(p) = &self.pace {
            row("Allowance", "Pace", p, "");
        }
        for f in &self.flags {
            row("Attention", f, "", "");
        }
        row("Next steps", "Next steps", &self.next_steps, "");
        export::to_csv(&["Section", "Item", "Value", "Detail"], &rows)
    }

    /// Every piece of text in the report, for tests that look for what must not be there.
    pub fn all_text(&self) -> String {
        format!("{self:?}")
    }
}

/// A file-name-safe name for `e`'s files.
pub fn file_stem(doc: &Document, e: &Engagement) -> String {
    let school = doc
        .school(&e.school_id)
        .map_or("school", |s| s.name.as_str());
    crate::domain::text::slug(&format!("{} {}", e.principal, school))
}

/// The weekly on-site meetings as a calendar file. UIDs come from the engagement's ID and
/// the date, so a file made again after edits updates the same events.
pub fn weekly_ics(doc: &Document, e: &Engagement, stamp: &str) -> String {
    let school = doc.school(&e.school_id).map_or("", |s| s.name.as_str());
    let (time, place) = e
        .weekly
        .as_ref()
        .map_or((String::new(), String::new()), |w| {
            (w.time.clone(), w.place.clone())
        });
    let mut description = format!("Weekly on-site coaching: {} with {}.", e.principal, e.coach);
    if !time.is_empty() {
        description.push_str(&format!(" At {time}."));
    }
    if !place.is_empty() {
        description.push_str(&format!(" Place: {place}."));
    }
    let person = format!("exec-{}", e.id);
    let events: Vec<ics::Event> = weekly_meetings(doc, e)
        .into_iter()
        .map(|d| ics::Event {
            uid: ics::uid(&person, d),
            date: d,
            summary: format!("Coaching: {} ({school})", e.principal),
            description: description.clone(),
        })
        .collect();
    ics::calendar(&format!("Coaching with {}", e.principal), &events, stamp)
}

/// The weekly meetings' dates: every week from the start to the end, or, when the school's
/// Plus board has a calendar that spans the engagement, its school days only (no meeting in
/// a break or the summer). The same dates whatever else changes, so their UIDs stay.
pub fn weekly_meetings(doc: &Document, e: &Engagement) -> Vec<time::Date> {
    let dates = e.weekly_dates();
    let Some(calendar) = doc.school_calendar(&e.school_id) else {
        return dates;
    };
    let Ok(weeks) = calendar.instructional_weeks() else {
        return dates;
    };
    let mondays: Vec<Date> = weeks.iter().map(|w| w.monday).collect();
    if !program::calendar_spans(&mondays, &e.start, &e.end) {
        return dates;
    }
    let open: std::collections::HashSet<Date> =
        weeks.iter().flat_map(|w| calendar.school_days(w)).collect();
    dates.into_iter().filter(|d| open.contains(d)).collect()
}

/// The school's principal and their executive coaching, in a sentence, for the decision
/// brief and the readiness plan: the latest engagement (the one that runs, or the last).
pub fn coaching_sentence(doc: &Document, school: &crate::domain::Id) -> String {
    match doc.executive.for_school(school).first() {
        None => "The principal has no executive coach yet.".to_string(),
        Some(e) if e.is_complete() => format!(
            "{} worked with executive coach {} (completed {}).",
            e.principal, e.coach, e.completed_on
        ),
        Some(e) => format!(
            "{} works with executive coach {} ({} tier, phase {} of 4: {}).",
            e.principal,
            e.coach,
            doc.executive.tier_name(&e.tier_id),
            e.phase.number(),
            e.phase.short().to_lowercase()
        ),
    }
}
