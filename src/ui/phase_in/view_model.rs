//! The phase-in planner's view model: rankings and plan, computed from the document and
//! turned into owned rows that pages can render and filter. Every page of `/phase-in`
//! uses [`snapshot`], so the rankings, the cohorts and the brief always agree.

use crate::domain::phase_in::{self, Progress};
use crate::domain::readiness::level_label;
use crate::domain::{Document, Id};
use crate::ui::kit::use_store;
use leptos::prelude::*;

/// One school, as the planner sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolRow {
    pub id: String,
    pub name: String,
    pub level: String,
    pub enrollment: u32,
    /// Mean proficiency, one decimal.
    pub proficiency: Option<f64>,
    pub need_place: Option<usize>,
    pub readiness_place: Option<usize>,
    pub index: Option<u32>,
    /// The latest round's label, when assessed.
    pub round_label: Option<String>,
    /// "Staff commitment at 1 Not yet", … (empty: passes the gate).
    pub gated: Vec<String>,
    pub opted_out: Option<String>,
    pub places_apart: Option<usize>,
    pub mismatch: bool,
    pub year: Option<u8>,
    pub why: String,
    pub is_pinned: bool,
    pub pin_rationale: Option<String>,
    /// "below the gate (…)" when a pin put the school in year 1 over that rule.
    pub override_of: Option<String>,
    /// Needs a readiness plan: below the gate, not assessed or self-selected out (a
    /// ready school waiting for a place does not).
    pub needs_plan: bool,
    /// For a school that needs a readiness plan: the year it would move to once ready.
    /// Not filled by [`snapshot`] (it re-plans once per school): see [`fill_once_ready`].
    pub once_ready: Option<phase_in::OnceReady>,
    pub has_plan: bool,
    /// A re-assessment shows the plan's goals met and the gate passed.
    pub eligible: bool,
}

impl SchoolRow {
    pub fn is_assessed(&self) -> bool {
        self.index.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    /// Roster order.
    pub rows: Vec<SchoolRow>,
    /// Indexes into `rows`.
    pub by_need: Vec<usize>,
    pub by_readiness: Vec<usize>,
    pub not_assessed: Vec<usize>,
    pub years: u8,
    pub capacities: Vec<u32>,
    pub auto_capacity: bool,
    /// Indexes into `rows`, per year (0 = year 1), in placement order.
    pub cohorts: Vec<Vec<usize>>,
    pub unplaced: Vec<usize>,
    pub conflicts: Vec<String>,
    pub gate: u8,
    pub mismatch_at: usize,
    pub consequence: String,
    /// (row, year, why) for the lowest-performing schools not in year 1.
    pub consequence_later: Vec<(usize, Option<u8>, String)>,
    pub consequence_in: Vec<usize>,
    /// (criterion id, name, planning weight, framework weight).
    pub weights: Vec<(String, String, u32, u32)>,
    /// For a scenario: the schools it places in another year than the adopted plan does,
    /// as (row, adopted year, scenario year).
    pub moves: Vec<(usize, Option<u8>, Option<u8>)>,
    /// For a scenario: the pins the adopted plan keeps and the scenario does not, as (row,
    /// adopted year). Adopting the scenario drops them.
    pub dropped_pins: Vec<(usize, u8)>,
}

impl Snapshot {
    pub fn row(&self, id: &str) -> Option<&SchoolRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The pins a scenario cannot keep, as "Pinecrest Middle School (year 1)".
    pub fn dropped_pin_names(&self) -> Vec<String> {
        self.dropped_pins
            .iter()
            .map(|(i, y)| format!("{} (year {y})", self.rows[*i].name))
            .collect()
    }
}

/// Rank and plan the district under its adopted settings.
pub fn snapshot(d: &Document) -> Snapshot {
    snapshot_with(d, &d.phase_in).0
}

/// The adopted plan, for comparing scenarios with.
pub fn adopted_plan(d: &Document) -> phase_in::Plan {
    let r = phase_in::rank(d, &d.phase_in.settings);
    phase_in::plan(&r, &d.phase_in)
}

/// Rank and plan the district under scenario `scenario`'s settings (the adopted ones for a
/// scenario that no longer exists), with the schools it moves against `adopted`.
fn snapshot_of(d: &Document, scenario: &Id, adopted: Option<&phase_in::Plan>) -> Snapshot {
    let Some(chosen) = d.phase_in.scenario(scenario) else {
        return snapshot(d);
    };
    let mut phase = d.phase_in.clone();
    phase.settings = chosen.settings.clone();
    let (mut snap, tried) = snapshot_with(d, &phase);
    if let Some(adopted) = adopted {
        // Rows and standings are both in roster order, whatever the settings.
        snap.moves = phase_in::moves(adopted, &tried)
            .into_iter()
            .map(|m| (m.standing, m.from, m.to))
            .collect();
        snap.dropped_pins = phase_in::pins_dropped(adopted, &tried)
            .into_iter()
            .map(|p| (p.standing, p.year))
            .collect();
    }
    snap
}

fn snapshot_with(d: &Document, phase: &phase_in::PhaseIn) -> (Snapshot, phase_in::Plan) {
    let settings = &phase.settings;
    let r = phase_in::rank(d, settings);
    let p = phase_in::plan(&r, phase);
    let c = phase_in::consequence(&r, &p);
    let mut rows: Vec<SchoolRow> = r
        .standings
        .iter()
        .map(|s| SchoolRow {
            id: s.school.id.as_str().to_string(),
            name: s.school.name.clone(),
            level: s.school.level.label().to_string(),
            enrollment: s.school.enrollment,
            proficiency: s.proficiency.map(|p| (p * 10.0).round() / 10.0),
            need_place: s.need_place,
            readiness_place: s.readiness_place,
            index: s.readiness.as_ref().map(|a| a.index_rounded()),
            round_label: s.readiness.as_ref().map(|a| a.round_label.clone()),
            gated: s
                .readiness
                .as_ref()
                .map(|a| a.gated.iter().map(|g| g.describe()).collect())
                .unwrap_or_default(),
            opted_out: s.school.opt_out.as_ref().map(|o| o.reason.clone()),
            places_apart: s.places_apart(),
            mismatch: r.is_mismatch(s),
            year: None,
            why: String::new(),
            is_pinned: false,
            pin_rationale: d.phase_in.pin(&s.school.id).map(|p| p.rationale.clone()),
            override_of: None,
            needs_plan: false,
            once_ready: None,
            has_plan: d.phase_in.plan(&s.school.id).is_some(),
            eligible: false,
        })
        .collect();
    let mut cohorts = vec![Vec::new(); usize::from(p.years)];
    let mut unplaced = Vec::new();
    for pl in &p.placements {
        let row = &mut rows[pl.standing];
        row.year = pl.year;
        row.why = pl.why.describe();
        row.is_pinned = pl.pinned;
        row.override_of = pl.overrode.as_ref().map(phase_in::override_text);
        row.needs_plan = pl.needs_readiness_plan(&r);
        match pl.year {
            Some(y) => cohorts[usize::from(y - 1)].push(pl.standing),
            None => unplaced.push(pl.standing),
        }
    }
    for plan in &d.phase_in.plans {
        if let Some(row) = rows.iter_mut().find(|r| r.id == plan.school_id.as_str()) {
            row.eligible = matches!(
                plan.progress(&d.readiness, r.gate),
                Progress::Eligible { .. }
            );
        }
    }
    let current = d.readiness.current();
    let snap = Snapshot {
        by_need: r.by_need.clone(),
        by_readiness: r.by_readiness.clone(),
        not_assessed: r.not_assessed().collect(),
        years: p.years,
        capacities: p.capacities.clone(),
        auto_capacity: p.auto_capacity,
        cohorts,
        unplaced,
        conflicts: p.conflicts.clone(),
        gate: r.gate,
        mismatch_at: r.mismatch_at,
        consequence: c.sentence(),
        consequence_later: c
            .later
            .iter()
            .map(|(i, y, w)| (*i, *y, w.describe()))
            .collect(),
        consequence_in: c.in_year_one.clone(),
        weights: current
            .criteria
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.name.clone(),
                    settings.weights.get(&c.id).copied().unwrap_or(c.weight),
                    c.weight,
                )
            })
            .collect(),
        moves: Vec::new(),
        dropped_pins: Vec::new(),
        rows,
    };
    (snap, p)
}

/// Fill `once_ready` for the rows in `which` (indexes into `snap.rows`) that need a
/// readiness plan, under the adopted settings. Each is a re-plan, so fill only the rows a
/// page shows.
pub fn fill_once_ready(d: &Document, snap: &mut Snapshot, which: &[usize]) {
    let r = phase_in::rank(d, &d.phase_in.settings);
    for &i in which {
        if snap.rows.get(i).is_some_and(|row| row.needs_plan) {
            snap.rows[i].once_ready = Some(phase_in::year_once_ready(&r, &d.phase_in, i));
        }
    }
}

/// The adopted plan's snapshot as a memo: recomputed when the document changes, shared by a
/// page's parts.
pub fn use_snapshot() -> Memo<Snapshot> {
    let store = use_store();
    Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().map(snapshot).unwrap_or_default())
    })
}

/// What the adopted plan depends on: the schools, the rounds and frameworks, the adopted
/// settings and the pins (not the scenarios).
type AdoptedInputs = (
    Vec<crate::domain::district::School>,
    crate::domain::readiness::Readiness,
    phase_in::Settings,
    Vec<phase_in::Pin>,
);

fn same_inputs(k: &AdoptedInputs, d: &Document) -> bool {
    k.0 == d.schools && k.1 == d.readiness && k.2 == d.phase_in.settings && k.3 == d.phase_in.pins
}

/// The snapshot of the scenario `scenario` names (the adopted plan for `None`).
///
/// Editing a scenario changes the document but not the adopted plan, so the adopted plan is
/// kept with what it was made from, and made again only when that changed: a scenario's
/// edit plans once, not twice. (The inputs are compared, not tracked by a memo of their own:
/// a memo that nobody read between two changes kept its old value.)
pub fn use_snapshot_of(scenario: Memo<Option<Id>>) -> Memo<Snapshot> {
    let store = use_store();
    let cache = StoredValue::new(None::<(AdoptedInputs, phase_in::Plan)>);
    Memo::new(move |_| {
        scenario.with(|id| {
            store.doc.with(|d| {
                let Some(d) = d.as_ref() else {
                    return Snapshot::default();
                };
                let Some(id) = id else {
                    return snapshot(d);
                };
                let kept = cache.with_value(|c| {
                    c.as_ref()
                        .filter(|(k, _)| same_inputs(k, d))
                        .map(|(_, p)| p.clone())
                });
                let adopted = kept.unwrap_or_else(|| {
                    let p = adopted_plan(d);
                    let key = (
                        d.schools.clone(),
                        d.readiness.clone(),
                        d.phase_in.settings.clone(),
                        d.phase_in.pins.clone(),
                    );
                    cache.set_value(Some((key, p.clone())));
                    p
                });
                snapshot_of(d, id, Some(&adopted))
            })
        })
    })
}

/// What happens once a school that is not ready gets ready, in words that agree with the
/// plan: "If it passes the gate at its re-assessment, it can move up to year 2."
pub fn once_ready_text(r: &SchoolRow) -> String {
    use phase_in::OnceReady;
    let how = if r.opted_out.is_some() {
        "If it opts back in and stays above the gate"
    } else {
        "If it passes the gate at its re-assessment"
    };
    match (r.once_ready, r.year) {
        (Some(OnceReady::Pinned { year: 1 }), _) => {
            "It is in year 1 by the champion\u{2019}s override, so it has its coach now; its readiness plan works on what holds it back alongside the coach.".to_string()
        }
        (Some(OnceReady::Pinned { year }), _) => format!(
            "It stays in year {year}, where the champion pinned it, whatever its re-assessment shows. Unpin it to let its readiness place it."
        ),
        (Some(OnceReady::NeedsRound), _) if r.opted_out.is_some() => "If it opts back in and completes a readiness round, the plan places it by readiness like any other school.".to_string(),
        (Some(OnceReady::NeedsRound), _) => "Once it completes a readiness round, the plan places it by readiness like any other school.".to_string(),
        (Some(OnceReady::Year(y)), Some(now)) if y < now => format!(
            "{how}, it can move up to year {y}: schools that pass the gate are placed before those that do not."
        ),
        (Some(OnceReady::Year(2)), _) => format!(
            "{how}, it keeps year 2, the earliest for a school with a readiness plan: the plan runs during year 1."
        ),
        (Some(OnceReady::Year(y)), _) => format!(
            "{how}, it keeps year {y}: the years before are full of readier schools."
        ),
        (Some(OnceReady::NoFit) | None, _) => format!(
            "{how}, it still does not fit in the plan\u{2019}s years; raise a year\u{2019}s capacity."
        ),
    }
}

/// "Year 2", or "Does not fit" for an unplaced school.
pub fn year_text(year: Option<u8>) -> String {
    match year {
        Some(y) => format!("Year {y}"),
        None => "Does not fit".to_string(),
    }
}

/// "1 Not yet" or "off" for a gate level.
pub fn gate_text(gate: u8) -> String {
    if gate == 0 {
        "off".to_string()
    } else {
        format!("at or below {}", level_label(gate))
    }
}

/// A place in a ranking, or a dash with a reason for screen readers.
pub fn place_text(place: Option<usize>) -> String {
    place.map_or_else(|| "\u{2013}".to_string(), |p| p.to_string())
}

/// "45.5%" or "no figures".
pub fn proficiency_text(p: Option<f64>) -> String {
    p.map_or_else(|| "no figures".to_string(), |p| format!("{p:.1}%"))
}
