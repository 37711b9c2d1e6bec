//! Scoring: the spread of ratings at the reveal, the principal-to-team gap, the weighted
//! readiness index, the gate, and strengths and gaps in words.

use super::framework::{level_label, Framework, MAX_LEVEL, MIN_LEVEL};
use super::round::{Role, Round};
use crate::domain::text::plural;

/// Raters who differ by this many levels or more on a criterion are flagged.
pub const DISAGREEMENT: u8 = 2;

/// Everything the reveal shows for one criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub criterion: usize,
    /// (rater index, level) for every rater who rated it.
    pub ratings: Vec<(usize, u8)>,
    pub min: u8,
    pub max: u8,
    /// How many raters chose each level, 1 to 4.
    pub counts: [usize; 4],
    /// Mean of the leadership-team members' levels (the principal and the district
    /// assessor are shown on their own).
    pub team_mean: Option<f64>,
    pub principal: Option<u8>,
    pub district: Option<u8>,
}

impl Spread {
    pub fn spread(&self) -> u8 {
        self.max.saturating_sub(self.min)
    }

    /// True when two raters are `DISAGREEMENT` levels apart or more.
    pub fn disagreement(&self) -> bool {
        !self.ratings.is_empty() && self.spread() >= DISAGREEMENT
    }

    /// Principal minus team mean: above 0, the principal sees the school as readier than
    /// the team does.
    pub fn gap(&self) -> Option<f64> {
        Some(f64::from(self.principal?) - self.team_mean?)
    }
}

/// The reveal's view of every criterion of the round.
pub fn spreads(round: &Round, framework: &Framework) -> Vec<Spread> {
    (0..framework.criteria.len())
        .map(|c| {
            let ratings: Vec<(usize, u8)> = round
                .raters
                .iter()
                .enumerate()
                .map(|(i, r)| (i, r.level(c)))
                .filter(|(_, l)| (MIN_LEVEL..=MAX_LEVEL).contains(l))
                .collect();
            let mut counts = [0; 4];
            for (_, l) in &ratings {
                counts[usize::from(*l - 1)] += 1;
            }
            let team: Vec<f64> = round
                .raters
                .iter()
                .filter(|r| r.role == Role::Member && r.level(c) >= MIN_LEVEL)
                .map(|r| f64::from(r.level(c)))
                .collect();
            let by_role = |role: Role| {
                round
                    .raters
                    .iter()
                    .find(|r| r.role == role)
                    .map(|r| r.level(c))
                    .filter(|l| *l >= MIN_LEVEL)
            };
            Spread {
                criterion: c,
                min: ratings.iter().map(|(_, l)| *l).min().unwrap_or(0),
                max: ratings.iter().map(|(_, l)| *l).max().unwrap_or(0),
                counts,
                team_mean: (!team.is_empty()).then(|| team.iter().sum::<f64>() / team.len() as f64),
                principal: by_role(Role::Principal),
                district: by_role(Role::District),
                ratings,
            }
        })
        .collect()
}

/// The weighted readiness index of a set of levels (one per criterion), from 0 (every
/// criterion at 1) to 100 (every criterion at 4). `None` when a weighted criterion has no
/// level, or no criterion has weight.
pub fn index(framework: &Framework, levels: &[u8]) -> Option<f64> {
    weighted_index(framework, levels, |c| c.weight)
}

/// As [`index`], with each criterion's weight chosen by `weight` (the planner's what-if
/// weights). A weight of 0 leaves the criterion out; `None` if every weight is 0 or a level
/// is missing.
pub fn weighted_index(
    framework: &Framework,
    levels: &[u8],
    weight: impl Fn(&super::Criterion) -> u32,
) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for (i, c) in framework.criteria.iter().enumerate() {
        let w = weight(c);
        if w == 0 {
            continue;
        }
        let level = *levels.get(i)?;
        if !(MIN_LEVEL..=MAX_LEVEL).contains(&level) {
            return None;
        }
        sum += f64::from(w) * f64::from(level);
        weights += f64::from(w);
    }
    if weights == 0.0 {
        return None;
    }
    let mean = sum / weights;
    Some((mean - 1.0) / 3.0 * 100.0)
}

/// The criteria (indexes) at or below the gate. Any one means "not yet ready", whatever
/// the index: a weak factor cannot be averaged away.
pub fn gated(framework: &Framework, levels: &[u8], gate: u8) -> Vec<usize> {
    (0..framework.criteria.len())
        .filter(|&i| {
            let l = levels.get(i).copied().unwrap_or(0);
            l >= MIN_LEVEL && l <= gate
        })
        .collect()
}

/// The outcome of a complete round.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub levels: Vec<u8>,
    /// 0–100.
    pub index: f64,
    /// Criteria at or below the gate; empty = passes the gate.
    pub gated: Vec<usize>,
    pub gate: u8,
}

impl Outcome {
    pub fn ready(&self) -> bool {
        self.gated.is_empty()
    }

    /// The index rounded to a whole number, for display.
    pub fn index_rounded(&self) -> u32 {
        self.index.round().clamp(0.0, 100.0) as u32
    }

    pub fn verdict(&self) -> &'static str {
        if self.ready() {
            "Ready for a coach"
        } else {
            "Not yet ready"
        }
    }
}

/// The outcome of a round from its agreed levels, if every criterion is agreed.
pub fn outcome(round: &Round, framework: &Framework) -> Option<Outcome> {
    outcome_with_gate(round, framework, framework.gate)
}

/// As [`outcome`], with another gate level (the planner's what-if).
pub fn outcome_with_gate(round: &Round, framework: &Framework, gate: u8) -> Option<Outcome> {
    let n = framework.criteria.len();
    if !round.revealed || n == 0 {
        return None;
    }
    let levels = round.agreed_levels(n);
    if levels.contains(&0) {
        return None;
    }
    Some(Outcome {
        index: index(framework, &levels)?,
        gated: gated(framework, &levels, gate),
        gate,
        levels,
    })
}

/// Why the verdict is what it is, in a few words, to show next to it: the criteria at the
/// gate, or that none is. The index never decides the verdict, so a ready school can have a
/// lower index than one that is not yet ready; this says so where it matters.
pub fn reason(framework: &Framework, outcome: &Outcome) -> String {
    if outcome.gate == 0 {
        return "The gate is off, so no criterion holds the school back.".to_string();
    }
    if outcome.ready() {
        return format!(
            "No criterion is at or below the gate ({}).",
            level_label(outcome.gate)
        );
    }
    let names: Vec<&str> = outcome
        .gated
        .iter()
        .filter_map(|&i| framework.criteria.get(i).map(|c| c.name.as_str()))
        .collect();
    format!(
        "At or below the gate ({}): {}. The index does not outweigh the gate.",
        level_label(outcome.gate),
        names.join("; ")
    )
}

/// Strengths and gaps, in words, from the agreed levels.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Words {
    pub headline: String,
    pub strengths: Vec<String>,
    /// The criteria (indexes) behind `strengths`, in the same order.
    pub strength_criteria: Vec<usize>,
    pub gaps: Vec<String>,
    /// The criteria (indexes) behind `gaps`, in the same order: gated ones first.
    pub gap_criteria: Vec<usize>,
}

/// Criteria at 3 or 4 are strengths, at 1 or 2 are gaps (the gated ones first). Each sentence
/// quotes what the agreed level looks like, from the framework's descriptors.
pub fn words(framework: &Framework, outcome: &Outcome) -> Words {
    let mut order: Vec<usize> = (0..framework.criteria.len()).collect();
    // Strongest first, heavier weight first among equals.
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(outcome.levels[i]),
            std::cmp::Reverse(framework.criteria[i].weight),
        )
    });
    let describe = |i: usize| {
        let c = &framework.criteria[i];
        let l = outcome.levels[i];
        // The headline explains the gate; a gated criterion is marked where it is described.
        let gate = if outcome.gated.contains(&i) {
            " (at the gate)"
        } else {
            ""
        };
        format!(
            "{} is at {}{gate}: {}",
            c.name,
            level_label(l),
            c.levels[usize::from(l - 1)]
        )
    };
    let strength_criteria: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| outcome.levels[i] >= 3)
        .collect();
    let strengths = strength_criteria.iter().map(|&i| describe(i)).collect();
    let mut weak: Vec<usize> = order
        .iter()
        .rev()
        .copied()
        .filter(|&i| outcome.levels[i] <= 2)
        .collect();
    weak.sort_by_key(|i| (!outcome.gated.contains(i), outcome.levels[*i]));
    let gaps = weak.iter().map(|&i| describe(i)).collect();
    let headline = if outcome.ready() {
        format!(
            "Ready for a coach: no criterion is at or below the gate, and the readiness index is {} of 100.",
            outcome.index_rounded()
        )
    } else {
        let names: Vec<&str> = outcome
            .gated
            .iter()
            .map(|&i| framework.criteria[i].name.as_str())
            .collect();
        format!(
            "Not yet ready: {} at or below the gate ({}), whatever the index of {} of 100. {}",
            plural(names.len(), "criterion is", "criteria are"),
            level_label(outcome.gate),
            outcome.index_rounded(),
            names.join("; ")
        )
    };
    Words {
        headline,
        strengths,
        strength_criteria,
        gaps,
        gap_criteria: weak,
    }
}
