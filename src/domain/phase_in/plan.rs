//! The proposed cohorts: which year each school gets its coach.
//!
//! The rules, in the order they apply:
//! 1. Pins, oldest first. A pin is kept unless it breaks a rule below or its year is full
//!    of earlier pins; a pin that is not kept is reported as a conflict, in words. A pin
//!    to year 1 can override year 1's rule for a school below the gate or self-selected
//!    out; the placement says which rule it overrode. [`pin_school`] refuses, before
//!    saving, a pin the plan could not keep.
//! 2. Year 1 takes only schools that have a complete round, pass the gate and have not
//!    self-selected out, readiest first (ties go to greater need), up to capacity.
//! 3. Later years take the rest in readiness order (passing the gate first, then by index,
//!    then need), then the schools not assessed yet, by need.
//! 4. Capacity is never exceeded. When the years' capacities cannot hold every school, the
//!    schools left over are listed and the plan says why.
//!
//! The same district and settings always give the same plan.

use super::rank::{need_order, readiness_order, GatedCriterion, Rankings};
use super::state::{even_split, PhaseIn, Pin, Settings};
use crate::domain::ids::Id;
use crate::domain::readiness::level_label;
use crate::domain::text::plural;
use std::collections::HashMap;

/// Why a school is where it is. For schools after year 1 it is why they are not in year 1.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// Placed by the champion, with the rationale.
    Pinned(String),
    /// Year 1 by readiness: the place in the readiness ranking, and the criteria at the
    /// lowest level that no gate holds back (with the gate off), never hidden by the label.
    Ready {
        place: usize,
        weak: Vec<GatedCriterion>,
    },
    /// Could go in year 1, but year 1 was full: the readiness place, year 1's capacity, and
    /// the criteria at the lowest level (as for `Ready`).
    YearOneFull {
        place: usize,
        capacity: u32,
        weak: Vec<GatedCriterion>,
    },
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
            Why::Ready { place, weak } => {
                format!("Ready: place {place} by readiness{}", weak_text(weak))
            }
            Why::YearOneFull {
                place,
                capacity,
                weak,
            } => format!(
                "Ready, waiting for a place: year 1 was full (place {place} by readiness; year 1 has {}){}",
                plural(*capacity as usize, "place", "places"),
                weak_text(weak)
            ),
            Why::Gated(c) => {
                let mut out = String::with_capacity(16 + 32 * c.len());
                out.push_str("Not yet ready: ");
                for (k, g) in c.iter().enumerate() {
                    if k > 0 {
                        out.push_str("; ");
                    }
                    g.describe_into(&mut out);
                }
                out
            }
            Why::OptedOut(r) => format!("Self-selected out of year 1: \u{201c}{r}\u{201d}"),
            Why::NotAssessed => "Not assessed yet: no complete readiness round".to_string(),
        }
    }
}

/// "; with the gate off, 3 criteria are at 1 Not yet: A; B; C", or nothing.
fn weak_text(weak: &[GatedCriterion]) -> String {
    match weak {
        [] => String::new(),
        [one] => format!(
            ". With the gate off, 1 criterion is at {}: {}",
            level_label(one.level),
            one.name
        ),
        all => format!(
            ". With the gate off, {} criteria are at {}: {}",
            all.len(),
            level_label(all[0].level),
            all.iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

/// The criteria of a school's latest round at the lowest level that the gate does not hold
/// back (only with the gate off can there be any).
fn weak(r: &Rankings, i: usize) -> Vec<GatedCriterion> {
    let Some(a) = &r.standings[i].readiness else {
        return Vec::new();
    };
    a.levels
        .iter()
        .filter(|(id, _, level)| *level <= 1 && !a.gated.iter().any(|g| g.criterion_id == *id))
        .map(|(id, name, level)| GatedCriterion {
            criterion_id: id.to_string(),
            name: name.to_string(),
            level: *level,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index into `Rankings::standings`.
    pub standing: usize,
    /// 1-based year; `None` when the years' capacities could not hold the school.
    pub year: Option<u8>,
    pub why: Why,
    pub pinned: bool,
    /// The year-1 rule a pin set aside for this school (`Gated` or `OptedOut`).
    pub overrode: Option<Why>,
}

impl Placement {
    /// Whether the school needs a readiness plan: it is below the gate, not assessed or
    /// self-selected out, whichever year it is in. A ready school waiting for a place
    /// does not.
    pub fn needs_readiness_plan(&self, r: &Rankings) -> bool {
        barred(r, self.standing)
    }
}

/// Year 1's rule a pin overrides, in words: "below the gate (Staff commitment at 1 Not
/// yet)" or "self-selected out of year 1".
pub fn override_text(bar: &Why) -> String {
    match bar {
        Why::Gated(c) => format!(
            "below the gate ({})",
            c.iter()
                .map(GatedCriterion::describe)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Why::OptedOut(_) => "self-selected out of year 1".to_string(),
        _ => "not assessed".to_string(),
    }
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

/// Whether a school may not go in year 1: [`year_one_bar`] without the reason's words.
fn barred(r: &Rankings, i: usize) -> bool {
    let s = &r.standings[i];
    s.school.opt_out.is_some() || s.readiness.as_ref().is_none_or(|a| a.is_gated())
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

/// The year-1 rule a pin may override for this school: the gate, or a self-selection out
/// of a school that has a complete round. (A school with no round has nothing to weigh.)
fn overridable(r: &Rankings, i: usize) -> Option<Why> {
    if !r.standings[i].is_assessed() {
        return None;
    }
    year_one_bar(r, i)
}

/// The proposed plan for the district.
pub fn plan(r: &Rankings, phase: &PhaseIn) -> Plan {
    plan_under(r, &phase.settings, &phase.pins)
}

/// The plan under `settings` with `pins`: [`plan`] for a scenario's settings, without
/// copying the rest of the planner (its readiness plans, its scenarios).
pub fn plan_under(r: &Rankings, settings: &Settings, pins: &[Pin]) -> Plan {
    let n = r.standings.len();
    let years = settings.years.max(1);
    let y = usize::from(years);
    let mut conflicts = Vec::new();
    let mut year_of: Vec<Option<u8>> = vec![None; n];
    let mut why: Vec<Option<Why>> = vec![None; n];
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); y];
    let mut overrides: Vec<Option<Why>> = vec![None; n];
    let by_id: HashMap<&Id, usize> = r
        .standings
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.school.id, i))
        .collect();
    let name = |i: usize| r.standings[i].school.name.as_str();

    // Year 1's eligible schools, readiest first.
    let mut eligible: Vec<usize> = (0..n).filter(|&i| !barred(r, i)).collect();
    eligible.sort_by(|&a, &b| readiness_order(&r.standings[a], &r.standings[b]));

    // Capacities: by hand, or the even split with year 1 no larger than what may go there.
    let auto_capacity = settings.is_auto_capacity();
    let capacities: Vec<u32> = if auto_capacity {
        let even = even_split(n, y);
        if y == 1 {
            even
        } else {
            // Schools pinned to a later year will not be in year 1 either.
            let pinned_later = |i: &usize| {
                pins.iter().any(|p| {
                    p.school_id == r.standings[*i].school.id && p.year >= 2 && p.year <= years
                })
            };
            // Schools a pin puts in year 1 over its rule take a place there too.
            let overridden = pins
                .iter()
                .filter(|p| p.year == 1 && p.overrides)
                .filter(|p| {
                    by_id
                        .get(&p.school_id)
                        .is_some_and(|&i| overridable(r, i).is_some())
                })
                .count();
            let open = eligible.iter().filter(|i| !pinned_later(i)).count() + overridden;
            let first = (even[0] as usize).min(open);
            let mut c = vec![first as u32];
            c.extend(even_split(n - first, y - 1));
            c
        }
    } else {
        settings.capacities(n)
    };
    let room = |year: usize, order: &Vec<Vec<usize>>| (order[year].len() as u32) < capacities[year];

    // 1. Pins, oldest first.
    let mut by_age: Vec<&Pin> = pins.iter().collect();
    by_age.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    for pin in by_age {
        let Some(&i) = by_id.get(&pin.school_id) else {
            continue; // a pin for a removed school: validation keeps these out
        };
        if pin.year == 0 || pin.year > years {
            conflicts.push(format!(
                "{} is pinned to year {}, but the plan has {}; the pin is not applied.",
                name(i),
                pin.year,
                plural(usize::from(years), "year", "years")
            ));
            continue;
        }
        let yi = usize::from(pin.year - 1);
        let mut overrode = None;
        if pin.year == 1 {
            if pin.overrides && overridable(r, i).is_some() {
                overrode = overridable(r, i);
            } else if let Some(bar) = year_one_bar(r, i) {
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
                "{} is pinned to year {}, but year {} is full with {} (capacity {}). Raise year {}\u{2019}s capacity or unpin a school.",
                name(i),
                pin.year,
                pin.year,
                plural(order[yi].len(), "earlier pin", "earlier pins"),
                capacities[yi],
                pin.year
            ));
            continue;
        }
        year_of[i] = Some(pin.year);
        why[i] = Some(Why::Pinned(pin.rationale.clone()));
        overrides[i] = overrode;
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
        why[i] = Some(Why::Ready {
            place: r.standings[i].readiness_place.unwrap_or(0),
            weak: weak(r, i),
        });
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
        why[i] = Some(year_one_bar(r, i).unwrap_or_else(|| Why::YearOneFull {
            place: r.standings[i].readiness_place.unwrap_or(0),
            capacity: capacities[0],
            weak: weak(r, i),
        }));
        if year < y && room(year, &order) {
            year_of[i] = Some(year as u8 + 1);
            order[year].push(i);
        }
    }

    let mut placements: Vec<Placement> = Vec::with_capacity(n);
    for (yi, list) in order.iter().enumerate() {
        for &i in list {
            placements.push(Placement {
                standing: i,
                year: Some(yi as u8 + 1),
                why: why[i].clone().expect("every placed school has a reason"),
                pinned: pinned[i],
                overrode: overrides[i].clone(),
            });
        }
    }
    let unplaced: Vec<usize> = (0..n).filter(|&i| year_of[i].is_none()).collect();
    if !unplaced.is_empty() {
        let total: u64 = capacities.iter().map(|c| u64::from(*c)).sum();
        let unused_one = capacities[0].saturating_sub(order[0].len() as u32);
        let mut msg = format!(
            "{} not fit: the {} hold {} for {n} schools.",
            plural(unplaced.len(), "school does", "schools do"),
            plural(usize::from(years), "year", "years"),
            plural(total as usize, "coach", "coaches"),
        );
        if unused_one > 0 {
            msg.push_str(&format!(
                " Year 1 has {} because only {} may go in year 1.",
                plural(unused_one as usize, "unused place", "unused places"),
                plural(order[0].len(), "school", "schools"),
            ));
        }
        msg.push_str(" Raise a later year\u{2019}s capacity or add a year.");
        conflicts.push(msg);
        placements.extend(unplaced.into_iter().map(|i| Placement {
            standing: i,
            year: None,
            why: why[i].take().unwrap_or(Why::NotAssessed),
            pinned: false,
            overrode: None,
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

/// What becomes of a school that is not ready, once it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnceReady {
    /// A pin keeps it in `year` whatever its readiness: in year 1 that is an override, and
    /// the school has its coach now.
    Pinned { year: u8 },
    /// It has no complete readiness round, so nothing places it by readiness yet.
    NeedsRound,
    /// Passing the gate (and opting back in) would place it in this year, never before year
    /// 2 (its readiness plan runs during year 1).
    Year(u8),
    /// Even ready, it would not fit in the plan's years.
    NoFit,
}

/// What becomes of school `standing` once it is ready: the plan made again with the school
/// passing the gate and opted back in.
pub fn year_once_ready(r: &Rankings, phase: &PhaseIn, standing: usize) -> OnceReady {
    let Some(s) = r.standings.get(standing) else {
        return OnceReady::NoFit;
    };
    // A pin the plan keeps today keeps the school where it is, ready or not. (A pin the
    // plan does not apply today says nothing about where the school will be.)
    if phase.pin(&s.school.id).is_some() {
        let now = plan(r, phase);
        if let Some(year) = now
            .placements
            .iter()
            .find(|pl| pl.standing == standing && pl.pinned)
            .and_then(|pl| pl.year)
        {
            return OnceReady::Pinned { year };
        }
    }
    let mut school = s.school.clone();
    school.opt_out = None;
    let mut ready = r.clone();
    if let Some(a) = ready.standings[standing].readiness.as_mut() {
        a.gated.clear();
    }
    ready.standings[standing].school = &school;
    let p = plan(&ready, phase);
    let Some(placed) = p.placements.iter().find(|pl| pl.standing == standing) else {
        return OnceReady::NoFit;
    };
    match placed.year {
        _ if s.readiness.is_none() => OnceReady::NeedsRound,
        Some(y) => OnceReady::Year(y.max(2)),
        None => OnceReady::NoFit,
    }
}

/// Whether the plan could keep a pin of `school` to `year`, asked before it is saved.
#[derive(Clone, Debug, PartialEq)]
pub enum PinCheck {
    Fits,
    /// Year 1 only with an override of this rule (`Gated` or `OptedOut`).
    NeedsOverride(Why),
    /// The plan could not keep it; the reason, in words.
    Refused(String),
}

/// Check a pin of `school` to `year` against the plan under `phase` (the school's current
/// pin, if any, left out): the year exists, year 1's rules hold or can be overridden, and
/// the year is not full of other pins.
pub fn check_pin(r: &Rankings, phase: &PhaseIn, school: &Id, year: u8) -> PinCheck {
    let years = phase.settings.years.max(1);
    if year == 0 || year > years {
        return PinCheck::Refused(format!("Year {year} is not in the {years}-year plan."));
    }
    let Some(i) = r.find(school) else {
        return PinCheck::Refused("That school is not in the district.".into());
    };
    let name = &r.standings[i].school.name;
    // The plan with this pin placed last (pins apply oldest first), so the other pins land
    // as they would without it, and the year's capacity counts it: an override into year 1
    // takes a place of its own when the capacity is the even split.
    let mut with = phase.clone();
    with.pins.retain(|p| &p.school_id != school);
    with.pins.push(super::state::Pin {
        school_id: school.clone(),
        year,
        rationale: "check".into(),
        created_at: "\u{10ffff}".into(),
        overrides: true,
        extra: Default::default(),
    });
    let p = plan(r, &with);
    let pinned_there = p
        .in_year(year)
        .filter(|pl| pl.pinned && pl.standing != i)
        .count();
    let capacity = p.capacities[usize::from(year - 1)];
    if pinned_there as u32 >= capacity {
        return PinCheck::Refused(format!(
            "Year {year} is full: {} already pinned there and its capacity is {capacity}. Raise year {year}\u{2019}s capacity or unpin a school first.",
            plural(pinned_there, "school is", "schools are"),
        ));
    }
    if year == 1 {
        let assessed = r.standings[i].is_assessed();
        match year_one_bar(r, i) {
            Some(_) if !assessed => {
                return PinCheck::Refused(format!(
                    "{name} can\u{2019}t go in year 1: it has no complete readiness round, so there is nothing to weigh. Finish a round first, or choose a later year."
                ))
            }
            Some(bar) => return PinCheck::NeedsOverride(bar),
            None => {}
        }
    }
    PinCheck::Fits
}

/// Pin `school` to `year` with a rationale, after [`check_pin`]: a pin the plan could not
/// keep is refused with the reason, and a pin to year 1 that sets aside the gate or a
/// self-selection needs `overrides`. Nothing changes on `Err`.
pub fn pin_school(
    doc: &mut crate::domain::Document,
    school: &Id,
    year: u8,
    rationale: &str,
    overrides: bool,
    now: &str,
) -> Result<(), String> {
    let check = {
        let r = super::rank(doc, &doc.phase_in.settings);
        check_pin(&r, &doc.phase_in, school, year)
    };
    let overrides = match check {
        PinCheck::Refused(why) => return Err(why),
        PinCheck::NeedsOverride(bar) if !overrides => {
            let name = doc
                .school(school)
                .map_or_else(String::new, |s| s.name.clone());
            return Err(format!(
                "{name} is {}, so year 1 takes it only as an override. Choose \u{201c}Override\u{201d} and say why, or choose a later year.",
                override_text(&bar)
            ));
        }
        PinCheck::NeedsOverride(_) => true,
        PinCheck::Fits => false,
    };
    doc.phase_in
        .set_pin(school, year, rationale, overrides, now)
}

/// A school that one plan puts in another year than another plan does.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    /// Index into `Rankings::standings` (both plans must come from the same district).
    pub standing: usize,
    /// Its year in the adopted plan, and in the scenario (`None`: does not fit).
    pub from: Option<u8>,
    pub to: Option<u8>,
}

/// The schools `scenario` places in another year than `adopted`, in roster order.
pub fn moves(adopted: &Plan, scenario: &Plan) -> Vec<Move> {
    // The scenario's year by standing, looked up once per school (not a search each).
    let n = scenario
        .placements
        .iter()
        .map(|p| p.standing + 1)
        .max()
        .unwrap_or(0);
    let mut year_of: Vec<Option<u8>> = vec![None; n];
    for p in &scenario.placements {
        year_of[p.standing] = p.year;
    }
    let mut out: Vec<Move> = adopted
        .placements
        .iter()
        .filter_map(|a| {
            let to = year_of.get(a.standing).copied().flatten();
            (to != a.year).then_some(Move {
                standing: a.standing,
                from: a.year,
                to,
            })
        })
        .collect();
    out.sort_by_key(|m| m.standing);
    out
}

/// A pin the adopted plan keeps and a scenario does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DroppedPin {
    /// Index into `Rankings::standings`.
    pub standing: usize,
    /// The year the adopted plan keeps it in.
    pub year: u8,
}

/// The pins `adopted` keeps and `scenario` does not (fewer years, a year too small, or a
/// year-1 rule it no longer passes), in roster order: adopting the scenario drops them.
pub fn pins_dropped(adopted: &Plan, scenario: &Plan) -> Vec<DroppedPin> {
    let kept: std::collections::HashSet<usize> = scenario
        .placements
        .iter()
        .filter(|p| p.pinned)
        .map(|p| p.standing)
        .collect();
    let mut out: Vec<DroppedPin> = adopted
        .placements
        .iter()
        .filter(|a| a.pinned && !kept.contains(&a.standing))
        .filter_map(|a| {
            a.year.map(|year| DroppedPin {
                standing: a.standing,
                year,
            })
        })
        .collect();
    out.sort_by_key(|p| p.standing);
    out
}

/// What the plan means for the lowest-performing schools, as the seed's story tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct Consequence {
    /// How many schools are the lowest-performing ([`lowest_performing_count`]).
    pub size: usize,
    /// Standings among them that get a coach in year 1.
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

/// How many schools count as the lowest-performing, one definition everywhere: the lowest
/// fifth of the schools with achievement figures, rounded, at least one (four of Benson's
/// 21, as the seed tells it). [`Document::lowest_performing`](crate::domain::Document)
/// lists them.
pub fn lowest_performing_count(with_figures: usize) -> usize {
    if with_figures == 0 {
        0
    } else {
        ((with_figures as f64 / 5.0).round() as usize).max(1)
    }
}

pub fn consequence(r: &Rankings, plan: &Plan) -> Consequence {
    let size = lowest_performing_count(r.by_need.len());
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
