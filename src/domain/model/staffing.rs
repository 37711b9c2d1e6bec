//! The coaches against the phase-in plan: each year's cohort of schools needs its coaches.
//! For every year of the adopted plan, which schools have a coach placed and which are still
//! waiting for a hire; and which schools' staff have not yet had a session on the model.

use super::rollout::{staff_sessions, StaffSessions};
use super::Model;
use crate::domain::district::Document;
use crate::domain::ids::Id;
use crate::domain::phase_in;

/// One school of a year of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Seat {
    pub school: Id,
    pub name: String,
    /// The coaches placed there, by name; empty: waiting for a hire.
    pub coaches: Vec<String>,
}

/// A year of the phase-in plan, and its coaches.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Year {
    /// 1-based.
    pub year: u8,
    /// Coaches the plan hires for this year.
    pub capacity: u32,
    pub placed: Vec<Seat>,
    pub waiting: Vec<Seat>,
}

/// A year of the adopted plan as the plan alone makes it: its schools, as (ID, name), and
/// the coaches it hires. Computed from everything but the model, so a page can keep it while
/// only the model changes (ranking and planning hundreds of schools is the costly part).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanYear {
    pub year: u8,
    pub capacity: u32,
    pub schools: Vec<(Id, String)>,
}

/// Every year of the adopted phase-in plan, with its schools.
pub fn plan_years(doc: &Document) -> Vec<PlanYear> {
    let r = phase_in::rank(doc, &doc.phase_in.settings);
    let plan = phase_in::plan(&r, &doc.phase_in);
    (1..=plan.years)
        .map(|y| PlanYear {
            year: y,
            capacity: plan
                .capacities
                .get(usize::from(y) - 1)
                .copied()
                .unwrap_or(0),
            schools: plan
                .in_year(y)
                .map(|p| {
                    let s = r.standings[p.standing].school;
                    (s.id.clone(), s.name.clone())
                })
                .collect(),
        })
        .collect()
}

/// Every year of the adopted phase-in plan, with the schools that have a coach placed and
/// the schools still waiting for a hire. Schools the plan leaves out are not listed.
pub fn years(doc: &Document) -> Vec<Year> {
    years_from(&plan_years(doc), &doc.model)
}

/// [`years`], from the plan's years already made.
pub fn years_from(plan: &[PlanYear], model: &Model) -> Vec<Year> {
    let by_school = coaches_by_school(model);
    plan.iter()
        .map(|y| {
            let mut placed = Vec::new();
            let mut waiting = Vec::new();
            for (id, name) in &y.schools {
                let seat = Seat {
                    school: id.clone(),
                    name: name.clone(),
                    coaches: by_school.get(id).cloned().unwrap_or_default(),
                };
                if seat.coaches.is_empty() {
                    waiting.push(seat);
                } else {
                    placed.push(seat);
                }
            }
            Year {
                year: y.year,
                capacity: y.capacity,
                placed,
                waiting,
            }
        })
        .collect()
}

fn coaches_by_school(m: &Model) -> std::collections::HashMap<Id, Vec<String>> {
    let mut out: std::collections::HashMap<Id, Vec<String>> = std::collections::HashMap::new();
    for c in &m.coaches {
        for s in &c.schools {
            out.entry(s.clone()).or_default().push(c.name.clone());
        }
    }
    out
}

/// A school in coaching now, and its staff sessions on the model.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolRollout {
    pub school: Id,
    pub name: String,
    pub sessions: StaffSessions,
    /// No staff session held yet: flagged.
    pub flagged: bool,
}

/// The schools in coaching now (year 1 of the adopted plan, and any school with a coach
/// placed), each with its staff sessions; a school whose staff has had no session held is
/// flagged. In the roster's order.
pub fn schools_in_coaching(doc: &Document) -> Vec<SchoolRollout> {
    schools_in_coaching_from(&plan_years(doc), doc)
}

/// [`schools_in_coaching`], from the plan's years already made.
pub fn schools_in_coaching_from(plan: &[PlanYear], doc: &Document) -> Vec<SchoolRollout> {
    let mut now: std::collections::HashSet<&Id> = plan
        .first()
        .map(|y| y.schools.iter().map(|(id, _)| id).collect())
        .unwrap_or_default();
    for c in &doc.model.coaches {
        now.extend(c.schools.iter());
    }
    let by_school = staff_sessions(&doc.model.sessions);
    doc.schools
        .iter()
        .filter(|s| now.contains(&s.id))
        .map(|s| {
            let sessions = by_school.get(&s.id).cloned().unwrap_or_default();
            SchoolRollout {
                school: s.id.clone(),
                name: s.name.clone(),
                flagged: sessions.held == 0,
                sessions,
            }
        })
        .collect()
}
