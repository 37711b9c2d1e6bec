//! The phase-in planner's view model: rankings and plan, computed from the document and
//! turned into owned rows that pages can render and filter. Every page of `/phase-in`
//! uses [`snapshot`], so the rankings, the cohorts and the brief always agree.

use crate::domain::phase_in::{self, Progress};
use crate::domain::readiness::level_label;
use crate::domain::{Document, Id};
use crate::ui::kit::use_store;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// One school, as the planner sees it.
#[derive(Clone, Debug, PartialEq, Default)]
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
    snapshot_and_plan(d).0
}

/// [`snapshot`], with the adopted plan it shows.
fn snapshot_and_plan(d: &Document) -> (Snapshot, phase_in::Plan) {
    let settings = &d.phase_in.settings;
    let r = phase_in::rank(d, settings);
    let p = phase_in::plan(&r, &d.phase_in);
    (snapshot_with(d, &r, &p, settings), p)
}

/// Rank and plan the district under scenario `scenario`'s settings, with the schools it
/// moves against the adopted plan; the adopted plan for `None` or a scenario that no longer
/// exists.
pub fn snapshot_of(d: &Document, scenario: Option<&Id>) -> Snapshot {
    if scenario.and_then(|id| d.phase_in.scenario(id)).is_none() {
        return snapshot(d);
    }
    let r = phase_in::rank(d, &d.phase_in.settings);
    snapshot_against(d, scenario, &phase_in::plan(&r, &d.phase_in))
}

/// [`snapshot_of`], with the adopted plan (used for a scenario only) given.
///
/// The scenario is planned with the planner's own pins (nothing of the district is
/// copied), and a scenario with the adopted settings shows the adopted plan itself.
fn snapshot_against(d: &Document, scenario: Option<&Id>, adopted: &phase_in::Plan) -> Snapshot {
    let Some(chosen) = scenario.and_then(|id| d.phase_in.scenario(id)) else {
        return snapshot(d);
    };
    let settings = &chosen.settings;
    let r = phase_in::rank(d, settings);
    if *settings == d.phase_in.settings {
        // It moves no school and drops no pin.
        return snapshot_with(d, &r, adopted, settings);
    }
    let tried = phase_in::plan_under(&r, settings, &d.phase_in.pins);
    let mut snap = snapshot_with(d, &r, &tried, settings);
    // Rows and standings are both in roster order, whatever the settings.
    snap.moves = phase_in::moves(adopted, &tried)
        .into_iter()
        .map(|m| (m.standing, m.from, m.to))
        .collect();
    snap.dropped_pins = phase_in::pins_dropped(adopted, &tried)
        .into_iter()
        .map(|p| (p.standing, p.year))
        .collect();
    snap
}

/// The rows and lists of plan `p`, made under `settings` from rankings `r`.
fn snapshot_with(
    d: &Document,
    r: &phase_in::Rankings,
    p: &phase_in::Plan,
    settings: &phase_in::Settings,
) -> Snapshot {
    let c = phase_in::consequence(r, p);
    // The schools with a readiness plan, looked up once per row rather than searched.
    let with_plan: HashSet<&Id> = d.phase_in.plans.iter().map(|p| &p.school_id).collect();
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
            has_plan: with_plan.contains(&s.school.id),
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
        row.needs_plan = pl.needs_readiness_plan(r);
        match pl.year {
            Some(y) => cohorts[usize::from(y - 1)].push(pl.standing),
            None => unplaced.push(pl.standing),
        }
    }
    let row_of: HashMap<&Id, usize> = if d.phase_in.plans.is_empty() {
        HashMap::new()
    } else {
        r.standings
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.school.id, i))
            .collect()
    };
    for plan in &d.phase_in.plans {
        if let Some(&i) = row_of.get(&plan.school_id) {
            rows[i].eligible = matches!(
                plan.progress(&d.readiness, r.gate),
                Progress::Eligible { .. }
            );
        }
    }
    let current = d.readiness.current();
    Snapshot {
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
    }
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

/// The adopted plan and what it was made from: the document's revision outside the
/// planner (its schools and rounds), the adopted settings and the pins.
struct KeptPlan {
    revision: u64,
    settings: phase_in::Settings,
    pins: Vec<phase_in::Pin>,
    plan: phase_in::Plan,
}

impl KeptPlan {
    fn holds_for(&self, revision: u64, d: &Document) -> bool {
        self.revision == revision
            && self.settings == d.phase_in.settings
            && self.pins == d.phase_in.pins
    }

    fn new(revision: u64, d: &Document, plan: phase_in::Plan) -> Self {
        KeptPlan {
            revision,
            settings: d.phase_in.settings.clone(),
            pins: d.phase_in.pins.clone(),
            plan,
        }
    }
}

/// The snapshot of the scenario `scenario` names (the adopted plan for `None`).
///
/// A scenario is compared with the adopted plan, which its edits do not change: the adopted
/// plan is kept with what it was made from and made again only when that changed, so a
/// scenario's edit ranks and plans once. Whether the schools and rounds changed is the
/// store's [`revision_outside_phase_in`](crate::ui::store::Store::revision_outside_phase_in),
/// a number: nothing of the district is copied or compared.
pub fn use_snapshot_of(scenario: Memo<Option<Id>>) -> Memo<Snapshot> {
    let store = use_store();
    let kept = StoredValue::new(None::<KeptPlan>);
    Memo::new(move |_| {
        scenario.with(|id| {
            store.doc.with(|d| {
                let Some(d) = d.as_ref() else {
                    return Snapshot::default();
                };
                let revision = store.revision_outside_phase_in();
                if id.is_none() {
                    let (snap, plan) = snapshot_and_plan(d);
                    kept.set_value(Some(KeptPlan::new(revision, d, plan)));
                    return snap;
                }
                if !kept.with_value(|k| k.as_ref().is_some_and(|k| k.holds_for(revision, d))) {
                    let r = phase_in::rank(d, &d.phase_in.settings);
                    let plan = phase_in::plan(&r, &d.phase_in);
                    kept.set_value(Some(KeptPlan::new(revision, d, plan)));
                }
                kept.with_value(|k| {
                    let k = k.as_ref().expect("kept just above");
                    snapshot_against(d, id.as_ref(), &k.plan)
                })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::phase_in::{Pin, Settings};

    /// What the page showed for a scenario before it planned from the planner's own pins:
    /// the whole planner copied with the scenario's settings, ranked and planned, then
    /// compared with the adopted plan.
    fn copied(d: &Document, settings: &Settings) -> Snapshot {
        let mut tried = d.clone();
        tried.phase_in.settings = settings.clone();
        let mut snap = snapshot(&tried);
        let adopted = phase_in::plan(&phase_in::rank(d, &d.phase_in.settings), &d.phase_in);
        let r = phase_in::rank(&tried, settings);
        let p = phase_in::plan(&r, &tried.phase_in);
        snap.moves = phase_in::moves(&adopted, &p)
            .into_iter()
            .map(|m| (m.standing, m.from, m.to))
            .collect();
        snap.dropped_pins = phase_in::pins_dropped(&adopted, &p)
            .into_iter()
            .map(|p| (p.standing, p.year))
            .collect();
        snap
    }

    /// Benson with pins (one over the gate into year 1, one the scenarios below cannot
    /// keep), a school self-selected out and a readiness plan.
    fn district() -> Document {
        let mut d = demo::benson("2026-01-01T00:00:00Z");
        let r = phase_in::rank(&d, &d.phase_in.settings);
        let gated = r
            .standings
            .iter()
            .find(|s| s.is_gated() && !s.opted_out())
            .map(|s| s.school.id.clone())
            .expect("Benson has a school below the gate");
        let ready = r.by_readiness[0];
        let ready = d.schools[ready].id.clone();
        let later = d.schools.last().unwrap().id.clone();
        let pin = |school_id: Id, year: u8, overrides: bool, at: &str| Pin {
            school_id,
            year,
            rationale: "Board decision".into(),
            created_at: at.into(),
            overrides,
            extra: Default::default(),
        };
        d.phase_in.pins = vec![
            pin(gated, 1, true, "2026-01-02T00:00:00Z"),
            pin(ready, 2, false, "2026-01-03T00:00:00Z"),
            pin(later, 4, false, "2026-01-04T00:00:00Z"),
        ];
        d.phase_in.settings.years = 4;
        let out = d.schools[2].id.clone();
        if d.schools[2].opt_out.is_none() {
            d.opt_out(&out, "Leadership change", "2026-01-05").unwrap();
        }
        d
    }

    fn with_scenario(d: &Document, settings: &Settings) -> (Document, Id) {
        let mut d = d.clone();
        let id = Id::fixed("what-if");
        d.phase_in
            .add_scenario(id.clone(), "What if", "2026-01-06T00:00:00Z")
            .unwrap();
        d.phase_in.scenario_mut(&id).unwrap().settings = settings.clone();
        (d, id)
    }

    #[test]
    fn a_scenario_s_snapshot_is_what_copying_the_planner_with_its_settings_gave() {
        let d = district();
        let criteria: Vec<String> = d
            .readiness
            .current()
            .criteria
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let base = d.phase_in.settings.clone();
        let mut cases: Vec<Settings> = Vec::new();
        for gate in [None, Some(0), Some(1), Some(2), Some(3)] {
            cases.push(Settings {
                gate,
                ..base.clone()
            });
        }
        for years in 1..=6 {
            cases.push(Settings {
                years,
                ..base.clone()
            });
        }
        // Capacities by hand, one per year, and of another length (the even split).
        for capacity in [vec![1, 1, 1, 1], vec![20, 0, 0, 1], vec![2, 2], vec![0; 4]] {
            cases.push(Settings {
                capacity: Some(capacity),
                ..base.clone()
            });
        }
        let mut weights = base.clone();
        weights.weights.insert(criteria[0].clone(), 10);
        weights.weights.insert(criteria[1].clone(), 0);
        cases.push(weights.clone());
        weights.gate = Some(0);
        weights.years = 2;
        weights.capacity = Some(vec![5, 1]);
        cases.push(weights);
        for settings in &cases {
            let (d, id) = with_scenario(&d, settings);
            let snap = snapshot_of(&d, Some(&id));
            assert_eq!(snap, copied(&d, settings), "{settings:?}");
        }
        // The cases move schools and drop pins, so the comparison is not of empty lists.
        let of = |s: &Settings| {
            let (d, id) = with_scenario(&d, s);
            snapshot_of(&d, Some(&id))
        };
        assert!(cases.iter().filter(|s| !of(s).moves.is_empty()).count() >= 5);
        assert!(!of(&Settings { years: 3, ..base }).dropped_pins.is_empty());
    }

    #[test]
    fn a_scenario_with_the_adopted_settings_shows_the_adopted_plan_and_moves_nothing() {
        let d = district();
        let (d, id) = with_scenario(&d, &d.phase_in.settings);
        let snap = snapshot_of(&d, Some(&id));
        assert_eq!(snap, snapshot(&d));
        assert_eq!(snap, copied(&d, &d.phase_in.settings));
        assert!(snap.moves.is_empty() && snap.dropped_pins.is_empty());
    }

    #[test]
    fn no_scenario_or_a_deleted_one_shows_the_adopted_plan() {
        let d = district();
        let (d, _) = with_scenario(
            &d,
            &Settings {
                gate: Some(0),
                ..d.phase_in.settings.clone()
            },
        );
        assert_eq!(snapshot_of(&d, None), snapshot(&d));
        assert_eq!(snapshot_of(&d, Some(&Id::fixed("gone"))), snapshot(&d));
    }
}
