//! The two rankings: by student-achievement need (lowest proficiency first) and by readiness
//! (the latest round's agreed levels, under the planner's weights and gate).

use super::state::Settings;
use crate::domain::district::{Document, School};
use crate::domain::ids::Id;
use crate::domain::readiness::framework::level_name;
use crate::domain::readiness::{level_label, score};
use std::cmp::Ordering;

/// A criterion at or below the gate in a school's latest round.
#[derive(Clone, Debug, PartialEq)]
pub struct GatedCriterion {
    pub criterion_id: String,
    pub name: String,
    pub level: u8,
}

impl GatedCriterion {
    /// "Staff commitment at 1 Not yet".
    pub fn describe(&self) -> String {
        let mut out = String::with_capacity(self.name.len() + 16);
        self.describe_into(&mut out);
        out
    }

    /// [`GatedCriterion::describe`], written at the end of `out` (a re-plan describes every
    /// gated criterion of every school: one buffer, not a string each).
    pub fn describe_into(&self, out: &mut String) {
        out.push_str(&self.name);
        out.push_str(" at ");
        push_level_label(out, self.level);
    }
}

/// [`level_label`] written at the end of `out`.
pub(crate) fn push_level_label(out: &mut String, level: u8) {
    match level_name(level) {
        Some(name) => {
            // One digit: levels run from 1 to 4.
            out.push(char::from(b'0' + level));
            out.push(' ');
            out.push_str(name);
        }
        None => out.push_str(&level_label(level)),
    }
}

/// A school's latest complete readiness round, scored for planning.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessed<'a> {
    pub round_id: Id,
    pub round_label: String,
    pub date: String,
    /// 0–100 under the planning weights.
    pub index: f64,
    /// Criteria at or below the planning gate; empty means the school passes the gate.
    pub gated: Vec<GatedCriterion>,
    /// (criterion id, name, agreed level) in the round's framework order.
    pub levels: Vec<(&'a str, &'a str, u8)>,
}

impl Assessed<'_> {
    pub fn is_gated(&self) -> bool {
        !self.gated.is_empty()
    }

    pub fn index_rounded(&self) -> u32 {
        self.index.round().clamp(0.0, 100.0) as u32
    }
}

/// One school's place in both rankings.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing<'a> {
    pub school: &'a School,
    pub proficiency: Option<f64>,
    /// 1-based place by need; `None` when the school has no achievement figures.
    pub need_place: Option<usize>,
    pub readiness: Option<Assessed<'a>>,
    /// 1-based place by readiness; `None` when the school has no complete round.
    pub readiness_place: Option<usize>,
}

impl Standing<'_> {
    pub fn is_gated(&self) -> bool {
        self.readiness.as_ref().is_some_and(Assessed::is_gated)
    }

    pub fn is_assessed(&self) -> bool {
        self.readiness.is_some()
    }

    pub fn opted_out(&self) -> bool {
        self.school.opt_out.is_some()
    }

    /// How far apart the two places are, when the school is in both lists.
    pub fn places_apart(&self) -> Option<usize> {
        Some(self.need_place?.abs_diff(self.readiness_place?))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rankings<'a> {
    /// One per school, in roster order.
    pub standings: Vec<Standing<'a>>,
    /// Indexes into `standings`, highest need (lowest proficiency) first; schools without
    /// figures are left out.
    pub by_need: Vec<usize>,
    /// Indexes into `standings`, readiest first: schools that pass the gate by index, then
    /// gated schools by index (a weak factor cannot be averaged away); ties go to the
    /// school with greater need. Schools with no complete round are left out.
    pub by_readiness: Vec<usize>,
    /// Places this far apart or more are a mismatch worth a look: a quarter of the schools
    /// in both lists, and at least 2.
    pub mismatch_at: usize,
    /// The gate the readiness ranking used.
    pub gate: u8,
}

impl<'a> Rankings<'a> {
    pub fn is_mismatch(&self, s: &Standing) -> bool {
        s.places_apart().is_some_and(|d| d >= self.mismatch_at)
    }

    pub fn find(&self, school: &Id) -> Option<usize> {
        self.standings.iter().position(|s| &s.school.id == school)
    }

    pub fn not_assessed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.standings.len()).filter(|&i| !self.standings[i].is_assessed())
    }
}

/// Lower proficiency (greater need) first; unknown figures last; then by name and ID, so
/// the order never depends on the roster's order.
pub(crate) fn need_order(a: &Standing, b: &Standing) -> Ordering {
    match (a.proficiency, b.proficiency) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.school.name.cmp(&b.school.name))
    .then_with(|| a.school.id.cmp(&b.school.id))
}

/// Readiest first: passing the gate, then the index, then need.
pub(crate) fn readiness_order(a: &Standing, b: &Standing) -> Ordering {
    match (&a.readiness, &b.readiness) {
        (Some(x), Some(y)) => x
            .is_gated()
            .cmp(&y.is_gated())
            .then_with(|| y.index.total_cmp(&x.index)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| need_order(a, b))
}

/// Both rankings for the district under the planner's settings.
pub fn rank<'a>(doc: &'a Document, settings: &Settings) -> Rankings<'a> {
    let readiness = &doc.readiness;
    let gate = settings.gate.unwrap_or(readiness.current().gate);
    let latest = readiness.latest_complete();
    let mut standings: Vec<Standing<'a>> = doc
        .schools
        .iter()
        .map(|school| {
            let assessed = latest.get(&school.id).and_then(|round| {
                let f = readiness.framework_of(round)?;
                let levels = round.agreed_levels(f.criteria.len());
                let index = score::weighted_index(f, &levels, |c| {
                    settings.weights.get(&c.id).copied().unwrap_or(c.weight)
                })?;
                let gated = score::gated(f, &levels, gate)
                    .into_iter()
                    .map(|i| GatedCriterion {
                        criterion_id: f.criteria[i].id.clone(),
                        name: f.criteria[i].name.clone(),
                        level: levels[i],
                    })
                    .collect();
                Some(Assessed {
                    round_id: round.id.clone(),
                    round_label: round.label.clone(),
                    date: round.date.clone(),
                    index,
                    gated,
                    levels: f
                        .criteria
                        .iter()
                        .zip(&levels)
                        .map(|(c, &l)| (c.id.as_str(), c.name.as_str(), l))
                        .collect(),
                })
            });
            Standing {
                school,
                proficiency: school.proficiency(),
                need_place: None,
                readiness: assessed,
                readiness_place: None,
            }
        })
        .collect();

    let mut by_need: Vec<usize> = (0..standings.len())
        .filter(|&i| standings[i].proficiency.is_some())
        .collect();
    by_need.sort_by(|&a, &b| need_order(&standings[a], &standings[b]));
    let mut by_readiness: Vec<usize> = (0..standings.len())
        .filter(|&i| standings[i].readiness.is_some())
        .collect();
    by_readiness.sort_by(|&a, &b| readiness_order(&standings[a], &standings[b]));
    for (place, &i) in by_need.iter().enumerate() {
        standings[i].need_place = Some(place + 1);
    }
    for (place, &i) in by_readiness.iter().enumerate() {
        standings[i].readiness_place = Some(place + 1);
    }
    let in_both = standings
        .iter()
        .filter(|s| s.need_place.is_some() && s.readiness_place.is_some())
        .count();
    Rankings {
        standings,
        by_need,
        by_readiness,
        mismatch_at: in_both.div_ceil(4).max(2),
        gate,
    }
}
