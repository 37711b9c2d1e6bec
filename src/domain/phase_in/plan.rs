//! The proposed cohorts: which year each school gets its coach.
//!
//! The rules, in the order they apply:
//! 1. Pins, oldest first. A pin is kept unless it breaks a rule below or its year is full
//!    of earlier pins; a pin that is not kept is reported as a conflict, in words.
//! 2. Year 1 takes only schools that have a complete round, pass the gate and have not
//!    self-selected out, readiest first (ties go to greater need), up to capacity.
//! 3. Later years take the rest in readiness order (passing the gate first, then by index,
//!    then need), then the schools not assessed yet, by need.
//! 4. Capacity is never exceeded. When the years' capacities cannot hold every school, the
//!    schools left over are listed and the plan says why.
//!
//! The same district and settings always give the same plan.

use super::rank::{need_order, readiness_order, GatedCriterion, Rankings};
use super::state::{even_split, PhaseIn};
use crate::domain::ids::Id;
use std::collections::HashMap;

/// Why a school is where it is. For schools after year 1 it is why they are not in year 1.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// Placed by the champion, with the rationale.
    Pinned(String),
    /// Year 1 by readiness; the place in the readiness ranking.
    Ready(usize),
    /// Could go in year 1, but year 1 was full: the readiness place and year 1's capacity.
    YearOneFull { place: usize, capacity: u32 },
    /// Below the gate on these criteria.
    Gated(Vec<GatedCriterion>),
    /// Self-selected out of year 1, with the school's reason.
    OptedOut(String),
    /// No complete readiness round yet.
    NotAssessed,
}

impl Why {
    /// A short sentence for tables and the brief.
    pub fn describe(&self) -> String {
        match self {
            Why::Pinned(r) => format!("Pinned: {r}"),
            Why::Ready(p) => format!("Ready: place {p} by readiness"),
            Why::YearOneFull { place, capacity } => format!(
                "Ready, but year 1 was full (place {place} by readiness; year 1 has {capacity} {})",
                if *capacity == 1 { "place" } else { "places" }
            ),
            Why::Gated(c) => format!(
                "Not yet ready: {}",
                c.iter()
                    .map(GatedCriterion::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Why::OptedOut(r) => format!("Self-selected out of year 1: \u{201c}{r}\u{201d}"),
            Why::NotAssessed => "Not assessed yet: no complete readiness round".to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index into `Rankings::standings`.
    pub standing: usize,
    /// 1-based year; `None` when the years' capacities could not hold the school.
    pub year: Option<u8>,
    pub why: Why,
    pub pinned: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub years: u8,
    pub capacities: Vec<u32>,
    /// True when the capacities are the even split, adjusted so year 1 only counts the
    /// schools that may go in year 1.
    pub auto_capacity: bool,
    /// Every school once: by year, in placement order; the unplaced last.
    pub placements: Vec<Placement>,
    /// Problems, in words: pins that could not be kept, schools that do not fit.
    pub conflicts: Vec<String>,
}

impl Plan {
    pub fn year_of(&self, standing: usize) -> Option<u8> {
        self.placements
            .iter()
            .find(|p| p.standing == standing)
            .and_then(|p| p.year)
    }

    pub fn in_year(&self, year: u8) -> impl Iterator<Item = &Placement> + '_ {
        self.placements.iter().filter(move |p| p.year == Some(year))
    }

    pub fn unplaced(&self) -> impl Iterator<Item = &Placement> + '_ {
        self.placements.iter().filter(|p| p.year.is_none())
    }
}

/// Why a school may not go in year 1, if it may not.
fn year_one_bar(r: &Rankings, i: usize) -> Option<Why> {
    let s = &r.standings[i];
    if let Some(o) = &s.school.opt_out {
        return Some(Why::OptedOut(o.reason.clone()));
    }
    match &s.readiness {
        None => Some(Why::NotAssessed),
        Some(a) if a.is_gated() => Some(Why::Gated(a.gated.clone())),
        Some(_) => None,
    }
}

/// The proposed plan for the district.
pub fn plan(r: &Rankings, phase: &PhaseIn) -> Plan {
    let n = r.standings.len();
    let years = phase.settings.years.max(1);
    let y = usize::from(years);
    let mut conflicts = Vec::new();
    let mut year_of: Vec<Option<u8>> = vec![None; n];
    let mut why: Vec<Option<Why>> = vec![None; n];
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); y];
    let by_id: HashMap<&Id, usize> = r
        .standings
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.school.id, i))
        .collect();
    let name = |i: usize| r.standings[i].school.name.as_str();

    // Year 1's eligible schools, readiest first.
    let mut eligible: Vec<usize> = (0..n).filter(|&i| year_one_bar(r, i).is_none()).collect();
    eligible.sort_by(|&a, &b| readiness_order(&r.standings[a], &r.standings[b]));

    // Capacities: by hand, or the even split with year 1 no larger than what may go there.
    let auto_capacity = phase.settings.is_auto_capacity();
    let capacities: Vec<u32> = if auto_capacity {
        let even = even_split(n, y);
        if y == 1 {
            even
        } else {
            // Schools pinned to a later year will not be in year 1 either.
            let pinned_later = |i: &usize| {
                phase.pins.iter().any(|p| {
                    p.school_id == r.standings[*i].school.id && p.year >= 2 && p.year <= years
                })
            };
            let open = eligible.iter().filter(|i| !pinned_later(i)).count();
            let first = (even[0] as usize).min(open);
            let mut c = vec![first as u32];
            c.extend(even_split(n - first, y - 1));
            c
        }
    } else {
        phase.settings.capacities(n)
    };
    let room = |year: usize, order: &Vec<Vec<usize>>| (order[year].len() as u32) < capacities[year];

    // 1. Pins, oldest first.
    let mut pins: Vec<&super::state::Pin> = phase.pins.iter().collect();
    pins.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    for pin in pins {
        let Some(&i) = by_id.get(&pin.school_id) else {
            continue; // a pin for a removed school: validation keeps these out
        };
        if pin.year == 0 || pin.year > years {
            conflicts.push(format!(
                "{} is pinned to year {}, but the plan has {years} {}; the pin is not applied.",
                name(i),
                pin.year,
                if years == 1 { "year" } else { "years" }
            ));
            continue;
        }
        let yi = usize::from(pin.year - 1);
        if pin.year == 1 {
            if let Some(bar) = year_one_bar(r, i) {
                let rule = match bar {
                    Why::OptedOut(_) => "it has self-selected out of year 1".to_string(),
                    Why::Gated(c) => format!(
                        "it is below the gate ({})",
                        c.iter()
                            .map(GatedCriterion::describe)
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    _ => "it has no complete readiness round".to_string(),
                };
                conflicts.push(format!(
                    "{} is pinned to year 1, but {rule}; year 1 takes only schools that are assessed, pass the gate and have not opted out. The pin is not applied.",
                    name(i)
                ));
                continue;
            }
        }
        if !room(yi, &order) {
            conflicts.push(format!(
                "{} is pinned to year {}, but year {} is full with {} earlier {} (capacity {}). Raise year {}\u{2019}s capacity or unpin a school.",
                name(i),
                pin.year,
                pin.year,
                order[yi].len(),
                if order[yi].len() == 1 { "pin" } else { "pins" },
                capacities[yi],
                pin.year
            ));
            continue;
        }
        year_of[i] = Some(pin.year);
        why[i] = Some(Why::Pinned(pin.rationale.clone()));
        order[yi].push(i);
    }
    let pinned: Vec<bool> = why
        .iter()
        .map(|w| matches!(w, Some(Why::Pinned(_))))
        .collect();

    // 2. Year 1 by readiness.
    for &i in &eligible {
        if year_of[i].is_some() {
            continue;
        }
        if !room(0, &order) {
            break;
        }
        year_of[i] = Some(1);
        why[i] = Some(Why::Ready(r.standings[i].readiness_place.unwrap_or(0)));
        order[0].push(i);
    }

    // 3. Later years: readiness order (the not-assessed last, by need).
    let mut rest: Vec<usize> = (0..n).filter(|&i| year_of[i].is_none()).collect();
    rest.sort_by(|&a, &b| {
        let (sa, sb) = (&r.standings[a], &r.standings[b]);
        match (sa.is_assessed(), sb.is_assessed()) {
            (true, true) => readiness_order(sa, sb),
            (false, false) => need_order(sa, sb),
            (x, y) => y.cmp(&x),
        }
    });
    let mut year = 1;
    for i in rest {
        while year < y && !room(year, &order) {
            year += 1;
        }
        why[i] = Some(year_one_bar(r, i).unwrap_or(Why::YearOneFull {
            place: r.standings[i].readiness_place.unwrap_or(0),
            capacity: capacities[0],
        }));
        if year < y && room(year, &order) {
            year_of[i] = Some(year as u8 + 1);
            order[year].push(i);
        }
    }

    let mut placements: Vec<Placement> = order
        .iter()
        .enumerate()
        .flat_map(|(yi, list)| list.iter().map(move |&i| (yi, i)))
        .map(|(yi, i)| Placement {
            standing: i,
            year: Some(yi as u8 + 1),
            why: why[i].clone().expect("every placed school has a reason"),
            pinned: pinned[i],
        })
        .collect();
    let unplaced: Vec<usize> = (0..n).filter(|&i| year_of[i].is_none()).collect();
    if !unplaced.is_empty() {
        let total: u32 = capacities.iter().sum();
        let unused_one = capacities[0].saturating_sub(order[0].len() as u32);
        let mut msg = format!(
            "{} {} not fit: the {years} {} hold {total} {} for {n} schools.",
            unplaced.len(),
            if unplaced.len() == 1 {
                "school does"
            } else {
                "schools do"
            },
            if years == 1 { "year" } else { "years" },
            if total == 1 { "coach" } else { "coaches" },
        );
        if unused_one > 0 {
            msg.push_str(&format!(
                " Year 1 has {unused_one} unused {} because only {} {} may go in year 1.",
                if unused_one == 1 { "place" } else { "places" },
                order[0].len(),
                if order[0].len() == 1 {
                    "school"
                } else {
                    "schools"
                },
            ));
        }
        msg.push_str(" Raise a later year\u{2019}s capacity or add a year.");
        conflicts.push(msg);
        placements.extend(unplaced.into_iter().map(|i| Placement {
            standing: i,
            year: None,
            why: why[i].clone().unwrap_or(Why::NotAssessed),
            pinned: false,
        }));
    }
    Plan {
        years,
        capacities,
        auto_capacity,
        placements,
        conflicts,
    }
}

/// What the plan means for the lowest-performing schools, as the seed's story tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct Consequence {
    /// How many schools make the lowest-performing quartile (a quarter of the schools with
    /// figures, rounded, at least 1).
    pub size: usize,
    /// Standings in the quartile that get a coach in year 1.
    pub in_year_one: Vec<usize>,
    /// The others, with their year (or `None`) and why they are not in year 1.
    pub later: Vec<(usize, Option<u8>, Why)>,
}

impl Consequence {
    pub fn sentence(&self) -> String {
        format!(
            "{} of the {} lowest-performing schools {} a coach in year 1.",
            self.in_year_one.len(),
            self.size,
            if self.in_year_one.len() == 1 {
                "gets"
            } else {
                "get"
            }
        )
    }
}

pub fn consequence(r: &Rankings, plan: &Plan) -> Consequence {
    let with_figures = r.by_need.len();
    let size = if with_figures == 0 {
        0
    } else {
        ((with_figures as f64 / 4.0).round() as usize).max(1)
    };
    let mut in_year_one = Vec::new();
    let mut later = Vec::new();
    for &i in r.by_need.iter().take(size) {
        let p = plan.placements.iter().find(|p| p.standing == i);
        match p {
            Some(p) if p.year == Some(1) => in_year_one.push(i),
            Some(p) => later.push((i, p.year, p.why.clone())),
            None => later.push((i, None, Why::NotAssessed)),
        }
    }
    Consequence {
        size,
        in_year_one,
        later,
    }
}
