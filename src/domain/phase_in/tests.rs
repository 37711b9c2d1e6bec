//! The planner's rules: unit tests on the Benson demo, and property tests on random
//! districts.

use super::readiness_plan::{suggest_goals, Status};
use super::*;
use crate::domain::demo;
use crate::domain::district::{Document, Extra, OptOut, School, SchoolLevel};
use crate::domain::ids::Id;
use crate::domain::readiness::round::Agreed;
use crate::domain::readiness::{default_framework, Rater, Readiness, Role, Round};
use proptest::prelude::*;
use std::collections::HashMap;

/// The demo's schools and rounds with a planner not yet touched: the rules start here.
fn benson() -> Document {
    let mut d = demo::benson("2026-11-23T00:00:00Z");
    d.phase_in = PhaseIn::default();
    d
}

#[test]
fn the_demo_tells_the_story_pin_plans_with_coaches_and_a_scenario() {
    let d = demo::benson("2026-11-23T00:00:00Z");
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    // The champion's year-1 list has a school placed by hand, with its rationale.
    let pinned: Vec<&Placement> = p.in_year(1).filter(|pl| pl.pinned).collect();
    assert_eq!(pinned.len(), 1);
    assert_eq!(
        r.standings[pinned[0].standing].school.id.as_str(),
        "pinecrest-ms"
    );
    assert!(matches!(&pinned[0].why, Why::Pinned(why) if why.contains("principals")));
    // Two of the four lowest-performing get a coach in year 1; the other two wait, each
    // with a readiness plan and a leadership coach.
    let c = consequence(&r, &p);
    assert_eq!(
        c.sentence(),
        "2 of the 4 lowest-performing schools get a coach in year 1."
    );
    assert_eq!(c.later.len(), 2);
    for (i, _, _) in &c.later {
        let plan = d
            .phase_in
            .plan(&r.standings[*i].school.id)
            .expect("a readiness plan");
        assert!(!plan.leadership_coach.is_empty());
        assert!(!plan.goals.is_empty());
        assert!(!plan.reassess_on.is_empty());
    }
    // A scenario, kept apart from the plan.
    assert_eq!(d.phase_in.scenarios.len(), 1);
    assert_ne!(d.phase_in.scenarios[0].settings, d.phase_in.settings);
}

/// The capacities the planner shows for `d`'s adopted settings.
fn shown_capacities(d: &Document) -> Vec<u32> {
    plan(&rank(d, &d.phase_in.settings), &d.phase_in).capacities
}

fn names<'a>(r: &'a Rankings, list: impl IntoIterator<Item = usize>) -> Vec<&'a str> {
    list.into_iter()
        .map(|i| r.standings[i].school.id.as_str())
        .collect()
}

fn year_map(r: &Rankings, p: &Plan) -> HashMap<String, Option<u8>> {
    p.placements
        .iter()
        .map(|pl| {
            (
                r.standings[pl.standing].school.id.as_str().to_string(),
                pl.year,
            )
        })
        .collect()
}

#[test]
fn the_two_rankings_do_not_match_in_benson() {
    let d = benson();
    let r = rank(&d, &d.phase_in.settings);
    assert_eq!(
        names(&r, r.by_need.iter().copied().take(4)),
        [
            "northgate-ms",
            "canal-street-es",
            "riverside-hs",
            "harbor-view-es"
        ]
    );
    // 18 schools have a complete round; Linden is mid-round, Westbrook and Kestrel have none.
    assert_eq!(r.by_readiness.len(), 18);
    let not: Vec<&str> = names(&r, r.not_assessed());
    assert_eq!(not, ["kestrel-park-es", "linden-es", "westbrook-hs"]);
    // Gated schools rank below every school that passes the gate.
    let first_gated = r
        .by_readiness
        .iter()
        .position(|&i| r.standings[i].is_gated())
        .unwrap();
    assert!(r.by_readiness[first_gated..]
        .iter()
        .all(|&i| r.standings[i].is_gated()));
    // Canal Street is second-neediest and among the readiest: the lists agree on it.
    let canal = &r.standings[r.find(&Id::fixed("canal-street-es")).unwrap()];
    assert_eq!(canal.need_place, Some(2));
    assert!(
        canal.readiness_place.unwrap() <= 3,
        "{:?}",
        canal.readiness_place
    );
    assert!(!r.is_mismatch(canal));
    // Northgate is neediest and gated, near the bottom for readiness: a mismatch.
    let north = &r.standings[r.find(&Id::fixed("northgate-ms")).unwrap()];
    assert!(north.is_gated());
    assert_eq!(north.need_place, Some(1));
    assert!(r.is_mismatch(north), "{:?} apart", north.places_apart());
    assert_eq!(
        r.mismatch_at, 5,
        "a quarter of the 18 schools in both lists"
    );
}

#[test]
fn benson_plan_follows_the_story() {
    let d = benson();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(p.capacities, vec![7, 7, 7]);
    assert_eq!(p.in_year(1).count(), 7, "about a third of 21 schools");
    let years = year_map(&r, &p);
    // Self-selected out and gated schools are not in year 1.
    assert_ne!(years["summit-hs"], Some(1));
    assert_ne!(years["kestrel-park-es"], Some(1));
    assert_ne!(years["northgate-ms"], Some(1));
    assert!(
        years.values().all(|y| y.is_some()),
        "every school is placed"
    );
    // The consequence the seed describes: two of the lowest-performing schools in year 1.
    let c = consequence(&r, &p);
    assert_eq!(c.size, 4, "a fifth of 21, rounded: the seed's four of 21");
    let lowest: Vec<&str> = d
        .lowest_performing(4)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let mut quartile: Vec<&str> = c
        .in_year_one
        .iter()
        .chain(c.later.iter().map(|(i, _, _)| i))
        .map(|&i| r.standings[i].school.id.as_str())
        .collect();
    quartile.sort();
    let mut sorted = lowest.clone();
    sorted.sort();
    assert_eq!(
        quartile, sorted,
        "one definition: the district's and the plan's"
    );
    assert_eq!(lowest_performing_count(21), 4);
    assert_eq!(lowest_performing_count(1), 1);
    assert_eq!(lowest_performing_count(0), 0);
    assert_eq!(
        names(&r, c.in_year_one.clone()),
        ["canal-street-es", "riverside-hs"]
    );
    assert_eq!(
        c.sentence(),
        "2 of the 4 lowest-performing schools get a coach in year 1."
    );
    let why: Vec<String> = c.later.iter().map(|(_, _, w)| w.describe()).collect();
    // The other two are not ready, as the seed tells it.
    assert!(
        why.len() == 2 && why.iter().all(|w| w.starts_with("Not yet ready: ")),
        "{why:?}"
    );
}

#[test]
fn what_if_changes_move_schools_live() {
    let mut d = benson();
    let base = {
        let r = rank(&d, &d.phase_in.settings);
        year_map(&r, &plan(&r, &d.phase_in))
    };
    // A stricter gate holds more schools out of year 1.
    d.phase_in.set_gate(Some(2)).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(
        p.capacities[0] < 7,
        "fewer schools may go in year 1: {:?}",
        p.capacities
    );
    assert_eq!(p.capacities.iter().sum::<u32>(), 21);
    assert!(p.placements.iter().all(|pl| pl.year.is_some()));
    for pl in p.in_year(1) {
        assert!(r.standings[pl.standing]
            .readiness
            .as_ref()
            .unwrap()
            .levels
            .iter()
            .all(|l| l.2 > 2));
    }
    d.phase_in.set_gate(None).unwrap();
    // Capacity: 3 coaches in year 1.
    let shown = shown_capacities(&d);
    d.phase_in.set_capacity(1, 3, &shown).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert_eq!(p.in_year(1).count(), 3);
    assert!(!p.auto_capacity);
    assert!(
        p.conflicts.iter().any(|c| c.contains("do not fit")),
        "{:?}",
        p.conflicts
    );
    d.phase_in.reset_capacity();
    // Weights: counting only current results reorders the readiness ranking and the plan.
    let before = rank(&d, &d.phase_in.settings).by_readiness.clone();
    for c in [
        "collaboration",
        "commitment",
        "efficacy",
        "improvement",
        "responsibility",
        "principal",
        "leadership",
    ] {
        d.phase_in.set_weight(c, Some(0)).unwrap();
    }
    let r = rank(&d, &d.phase_in.settings);
    assert_ne!(r.by_readiness, before);
    let changed = year_map(&r, &plan(&r, &d.phase_in));
    assert_ne!(changed, base, "weighing only results moves some school");
}

#[test]
fn pins_need_a_rationale_and_are_kept_or_explained() {
    let mut d = benson();
    let now = "2026-11-23T10:00:00Z";
    let westbrook = Id::fixed("westbrook-hs");
    assert!(d
        .phase_in
        .set_pin(&westbrook, 2, "  ", false, now)
        .unwrap_err()
        .contains("Write why"));
    assert!(d.phase_in.set_pin(&westbrook, 4, "x", false, now).is_err());
    d.phase_in
        .set_pin(
            &westbrook,
            2,
            "Its new principal starts in year 2.",
            false,
            now,
        )
        .unwrap();
    // A gated school pinned to year 1 breaks the gate rule: pin_school refuses it before
    // anything is saved, and says why and what to do.
    let north = Id::fixed("northgate-ms");
    let before = d.clone();
    let err = pin_school(&mut d, &north, 1, "The superintendent asked.", false, now).unwrap_err();
    assert!(
        err.starts_with("Northgate Middle School is below the gate (")
            && err.contains("so year 1 takes it only as an override"),
        "{err}"
    );
    assert_eq!(d, before, "a refused pin changes nothing");
    {
        let r = rank(&d, &d.phase_in.settings);
        assert!(matches!(
            check_pin(&r, &d.phase_in, &north, 1),
            PinCheck::NeedsOverride(Why::Gated(_))
        ));
        assert_eq!(check_pin(&r, &d.phase_in, &north, 2), PinCheck::Fits);
        assert!(matches!(
            check_pin(&r, &d.phase_in, &north, 4),
            PinCheck::Refused(m) if m == "Year 4 is not in the 3-year plan."
        ));
    }
    // A pin saved before the school fell below the gate (set_pin alone checks no rule) is
    // not applied, and the plan says so.
    d.phase_in
        .set_pin(
            &north,
            1,
            "The superintendent asked.",
            false,
            "2026-11-23T10:01:00Z",
        )
        .unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    let years = year_map(&r, &p);
    assert_eq!(years["westbrook-hs"], Some(2));
    let w = p
        .placements
        .iter()
        .find(|pl| r.standings[pl.standing].school.id == westbrook)
        .unwrap();
    assert!(w.pinned);
    assert_eq!(
        w.why,
        Why::Pinned("Its new principal starts in year 2.".into())
    );
    assert_ne!(years["northgate-ms"], Some(1));
    assert!(
        p.conflicts.iter().any(|c| c
            .starts_with("Northgate Middle School is pinned to year 1, but it is below the gate")),
        "{:?}",
        p.conflicts
    );
    // An explicit override puts it in year 1, marked as an override of the gate.
    pin_school(&mut d, &north, 1, "The superintendent asked.", true, now).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    let n = p
        .placements
        .iter()
        .find(|pl| r.standings[pl.standing].school.id == north)
        .unwrap();
    assert_eq!(n.year, Some(1));
    assert!(matches!(&n.overrode, Some(Why::Gated(c)) if !c.is_empty()));
    assert!(override_text(n.overrode.as_ref().unwrap()).starts_with("below the gate ("));
    assert!(
        n.needs_readiness_plan(&r),
        "still below the gate: it keeps its readiness plan"
    );
    // A school with no complete round can't go in year 1, override or not (Benson's
    // opted-out Kestrel Park has none); the property tests cover overriding an opt-out.
    let opted = r.standings.iter().find(|s| s.opted_out()).unwrap();
    assert!(!opted.is_assessed());
    let opted = opted.school.id.clone();
    let err = pin_school(&mut d, &opted, 1, "Council asked.", true, now).unwrap_err();
    assert!(err.contains("it has no complete readiness round"), "{err}");
    // Pins beyond a year's capacity: the later pins are not applied, with a clear message,
    // and pin_school refuses them up front.
    d.phase_in.unpin(&north);
    let shown = shown_capacities(&d);
    d.phase_in.set_capacity(2, 1, &shown).unwrap();
    d.phase_in
        .set_pin(
            &Id::fixed("ash-grove-es"),
            2,
            "Pairs with Westbrook.",
            false,
            "2026-11-23T10:02:00Z",
        )
        .unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(
        p.conflicts.iter().any(|c| c.starts_with(
            "Ash Grove Elementary is pinned to year 2, but year 2 is full with 1 earlier pin (capacity 1)"
        )),
        "{:?}",
        p.conflicts
    );
    assert!(pin_school(
        &mut d,
        &Id::fixed("ash-grove-es"),
        2,
        "Pairs with Westbrook.",
        false,
        now
    )
    .unwrap_err()
    .starts_with("Year 2 is full: 1 school is already pinned there and its capacity is 1."));
    // Undo of an unpin puts it back where it was.
    let (i, pin) = d.phase_in.unpin(&westbrook).unwrap();
    d.phase_in.restore_pin(i, pin.clone());
    assert_eq!(d.phase_in.pin(&westbrook), Some(&pin));
}

#[test]
fn removing_a_school_takes_its_rounds_pin_and_plan_and_undo_restores_them() {
    let mut d = benson();
    let id = Id::fixed("pinecrest-ms");
    d.phase_in
        .set_pin(&id, 3, "Building works.", false, "t")
        .unwrap();
    d.phase_in
        .plans
        .push(ReadinessPlan::new(id.clone(), None, Vec::new(), "t"));
    let before = d.clone();
    let removed = d.remove_school(&id).unwrap();
    assert_eq!(removed.rounds.len(), 2);
    assert!(d.readiness.rounds_for(&id).is_empty());
    assert!(d.phase_in.pin(&id).is_none() && d.phase_in.plan(&id).is_none());
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    d.restore_school(removed);
    assert_eq!(d.schools, before.schools);
    assert_eq!(d.readiness.rounds_for(&id).len(), 2);
    assert_eq!(d.phase_in, before.phase_in);
}

#[test]
fn roster_edits_are_checked() {
    let mut d = benson();
    let mut s = d.schools[0].clone();
    s.id = Id::fixed("new");
    assert!(d
        .add_school(s.clone())
        .unwrap_err()
        .contains("already a school called"));
    s.name = "  New   School ".into();
    s.enrollment = 30_000;
    assert!(d
        .add_school(s.clone())
        .unwrap_err()
        .contains("Enrollment 30000"));
    s.enrollment = 300;
    s.reading_proficient = Some(101.0);
    assert!(d.add_school(s.clone()).is_err());
    s.reading_proficient = Some(40.0);
    d.add_school(s.clone()).unwrap();
    assert_eq!(d.school(&Id::fixed("new")).unwrap().name, "New   School");
    s.name = "Ash Grove Elementary".into();
    assert!(d.update_school(s).is_err(), "a name must stay unique");
    assert!(d.validate().is_empty());
}

/// A complete round for `school` with these agreed levels, on `date`.
fn round(school: &str, date: &str, levels: [u8; 8]) -> Round {
    let id = format!("r-{school}-{date}");
    Round {
        id: Id::fixed(id.clone()),
        school_id: Id::fixed(school),
        label: format!("Round {date}"),
        date: date.into(),
        framework_version: 1,
        raters: vec![Rater {
            id: Id::fixed(format!("{id}-a")),
            name: "Team".into(),
            role: Role::Member,
            levels: levels.to_vec(),
            evidence: vec![String::new(); 8],
            pin: None,
            cleared: None,
            extra: Extra::new(),
        }],
        revealed: true,
        consensus: levels
            .iter()
            .map(|&level| Agreed {
                level,
                note: String::new(),
            })
            .collect(),
        include_notes: false,
        extra: Extra::new(),
    }
}

#[test]
fn a_readiness_plan_starts_from_the_weakest_criteria_and_flags_eligibility() {
    let mut d = benson();
    let north = Id::fixed("northgate-ms");
    let r = rank(&d, &d.phase_in.settings);
    let s = &r.standings[r.find(&north).unwrap()];
    let mut n = 0;
    let goals = suggest_goals(s, &d.readiness, r.gate, || {
        n += 1;
        Id::fixed(format!("g{n}"))
    });
    // Northgate's fall round: [2, 1, 2, 1, 2, 2, 1, 2]; the gated ones first, heavier first.
    let ids: Vec<&str> = goals.iter().map(|g| g.criterion_id.as_str()).collect();
    assert_eq!(ids, ["principal", "commitment", "results"]);
    assert!(goals.iter().all(|g| g.baseline == 1 && g.target == 2));
    assert!(
        goals[0].text.starts_with("Move Principal readiness"),
        "{}",
        goals[0].text
    );
    let baseline = s.readiness.as_ref().unwrap().round_id.clone();
    let mut plan = ReadinessPlan::new(north.clone(), Some(baseline), goals, "t");
    assert_eq!(
        plan.progress(&d.readiness, 1),
        Progress::AwaitingReassessment
    );

    // Actions need what, who and when; check-ins carry a status.
    assert!(plan
        .add_action(Id::fixed("a1"), "Protocol training", "", "2027-01-15")
        .is_err());
    assert!(plan
        .add_action(Id::fixed("a1"), "Protocol training", "Ms. Osei", "soon")
        .is_err());
    plan.add_action(
        Id::fixed("a1"),
        "Protocol training",
        "Ms. Osei",
        "2027-01-15",
    )
    .unwrap();
    assert_eq!(plan.actions[0].status(), Status::NotStarted);
    plan.check_in(
        &Id::fixed("a1"),
        "2027-02-01",
        Status::AtRisk,
        "Two teams missed it.",
    )
    .unwrap();
    plan.check_in(&Id::fixed("a1"), "2027-01-20", Status::OnTrack, "")
        .unwrap();
    assert_eq!(
        plan.actions[0].status(),
        Status::AtRisk,
        "the latest check-in counts"
    );
    plan.set_leadership_coach("Dr. Reyes").unwrap();
    plan.set_reassess_on("2027-04-20").unwrap();
    assert!(plan.set_reassess_on("20 April").is_err());

    // A re-assessment that improves two goals but not the third: not yet, and why.
    d.readiness.rounds.push(round(
        "northgate-ms",
        "2027-04-20",
        [2, 2, 2, 1, 2, 2, 2, 2],
    ));
    match plan.progress(&d.readiness, 1) {
        Progress::NotYet { reasons, .. } => {
            assert!(reasons
                .iter()
                .any(|r| r.starts_with("Still at or below the gate: Current student results")));
            assert!(reasons
                .iter()
                .any(|r| r.starts_with("Current student results has not improved")));
        }
        other => panic!("{other:?}"),
    }
    // A later one passes the gate and improves every goal: eligible for the next cohort.
    d.readiness.rounds.push(round(
        "northgate-ms",
        "2027-05-20",
        [2, 2, 2, 2, 2, 2, 3, 2],
    ));
    assert!(matches!(
        plan.progress(&d.readiness, 1),
        Progress::Eligible { .. }
    ));
    d.phase_in.plans.push(plan);
    assert!(d.validate().is_empty(), "{:?}", d.validate());
}

#[test]
fn the_phase_in_state_round_trips_and_an_empty_one_is_not_stored() {
    let d = benson();
    let json = serde_json::to_value(&d).unwrap();
    assert!(json.get("phaseIn").is_none());
    let mut d = d;
    d.phase_in.set_years(4).unwrap();
    d.phase_in
        .set_pin(&Id::fixed("ash-grove-es"), 2, "Why", false, "t")
        .unwrap();
    let back: Document = serde_json::from_value(serde_json::to_value(&d).unwrap()).unwrap();
    assert_eq!(back, d);
}

// ---------------------------------------------------------------------------------------
// Property tests

/// A random district: schools with or without figures, rounds, opt-outs; random settings
/// and pins.
fn arb_district() -> impl Strategy<Value = Document> {
    let school = (
        proptest::option::weighted(0.85, 0.0..100.0f64),
        proptest::option::weighted(0.8, proptest::array::uniform8(1u8..=4)),
        proptest::bool::weighted(0.15),
    );
    (
        proptest::collection::vec(school, 1..40),
        1u8..=6,
        proptest::option::of(proptest::collection::vec(0u32..12, 6)),
        proptest::option::of(0u8..=3),
        proptest::collection::vec((0usize..40, 1u8..=7), 0..8),
        proptest::collection::vec(0u32..=10, 8),
    )
        .prop_map(|(schools, years, capacity, gate, pins, weights)| {
            let mut d = Document::new_district(Id::fixed("d"), "Random", "t").unwrap();
            let framework = default_framework();
            let mut rounds = Vec::new();
            for (i, (prof, levels, opted)) in schools.iter().enumerate() {
                let id = format!("s{i:02}");
                d.schools.push(School {
                    id: Id::fixed(id.clone()),
                    name: format!("School {i:02}"),
                    level: SchoolLevel::Elementary,
                    enrollment: 300,
                    reading_proficient: *prof,
                    math_proficient: None,
                    notes: String::new(),
                    opt_out: opted.then(|| OptOut {
                        reason: "More time".into(),
                        date: "2026-11-01".into(),
                    }),
                    extra: Extra::new(),
                });
                if let Some(l) = levels {
                    rounds.push(round(&id, "2026-10-01", *l));
                }
            }
            d.readiness = Readiness {
                frameworks: vec![framework.clone()],
                rounds,
                extra: Extra::new(),
            };
            d.phase_in.settings.years = years;
            d.phase_in.settings.capacity = capacity.map(|c| c[..usize::from(years)].to_vec());
            d.phase_in.settings.gate = gate;
            for (c, w) in framework.criteria.iter().zip(weights) {
                d.phase_in.settings.weights.insert(c.id.clone(), w);
            }
            let n = d.schools.len();
            for (k, (s, y)) in pins.into_iter().enumerate() {
                let id = d.schools[s % n].id.clone();
                if d.phase_in.pin(&id).is_none() {
                    d.phase_in.pins.push(Pin {
                        school_id: id,
                        year: y,
                        rationale: format!("Reason {k}"),
                        created_at: format!("2026-11-23T10:00:{k:02}Z"),
                        overrides: k % 3 == 0,
                        extra: Extra::new(),
                    });
                }
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_school_is_placed_once_within_capacity_and_the_year_one_rules(d in arb_district()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        // Exactly once.
        let mut seen = vec![0; d.schools.len()];
        for pl in &p.placements { seen[pl.standing] += 1; }
        prop_assert!(seen.iter().all(|&c| c == 1), "{:?}", seen);
        // Capacity.
        for (y, cap) in p.capacities.iter().enumerate() {
            prop_assert!(p.in_year(y as u8 + 1).count() as u32 <= *cap);
        }
        // No opted-out, gated or unassessed school in year 1, unless a pin overrides the
        // gate or the self-selection (never the lack of a round), and says which.
        for pl in p.in_year(1) {
            let s = &r.standings[pl.standing];
            let pin = d.phase_in.pin(&s.school.id);
            if s.opted_out() || !s.is_assessed() || s.is_gated() {
                prop_assert!(s.is_assessed(), "{} has no round", s.school.name);
                prop_assert!(pin.is_some_and(|p| p.overrides && p.year == 1), "{}", s.school.name);
                prop_assert!(pl.overrode.is_some(), "{}", s.school.name);
            } else {
                prop_assert!(pl.overrode.is_none(), "{}", s.school.name);
            }
        }
        // Every school is inside the horizon when the capacity is the even split (2+ years),
        // and whenever the plan does not say otherwise.
        let unplaced = p.unplaced().count();
        if p.auto_capacity && p.years >= 2 { prop_assert_eq!(unplaced, 0); }
        prop_assert_eq!(unplaced > 0, p.conflicts.iter().any(|c| c.contains("not fit")));
    }

    #[test]
    fn year_one_takes_the_readiest_eligible_schools(d in arb_district()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        let by_readiness = |pl: &Placement| r.standings[pl.standing].readiness_place.unwrap();
        let worst_in = p.in_year(1).filter(|pl| !pl.pinned).map(by_readiness).max();
        if let Some(worst) = worst_in {
            for pl in p.placements.iter().filter(|pl| pl.year != Some(1) && !pl.pinned) {
                let s = &r.standings[pl.standing];
                if s.is_assessed() && !s.is_gated() && !s.opted_out() {
                    prop_assert!(by_readiness(pl) > worst, "{} skipped", s.school.name);
                }
            }
        }
    }

    #[test]
    fn pins_are_kept_or_explained(d in arb_district()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        for pin in &d.phase_in.pins {
            let i = r.find(&pin.school_id).unwrap();
            let pl = p.placements.iter().find(|pl| pl.standing == i).unwrap();
            let name = &r.standings[i].school.name;
            if pl.pinned {
                prop_assert_eq!(pl.year, Some(pin.year));
                prop_assert_eq!(&pl.why, &Why::Pinned(pin.rationale.clone()));
            } else {
                prop_assert!(
                    p.conflicts.iter().any(|c| c.starts_with(&format!("{name} is pinned to year {}", pin.year))),
                    "pin for {} neither kept nor explained: {:?}", name, p.conflicts
                );
            }
        }
    }

    #[test]
    fn the_plan_is_deterministic_and_ignores_roster_order(d in arb_district(), seed in any::<u64>()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        prop_assert_eq!(&p, &plan(&rank(&d, &d.phase_in.settings), &d.phase_in));
        // Shuffle the roster: every school lands in the same year for the same reason.
        let mut shuffled = d.clone();
        let n = shuffled.schools.len();
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.schools.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let r2 = rank(&shuffled, &shuffled.phase_in.settings);
        let p2 = plan(&r2, &shuffled.phase_in);
        prop_assert_eq!(year_map(&r, &p), year_map(&r2, &p2));
        prop_assert_eq!(&p.conflicts, &p2.conflicts);
    }

    /// What the planner page relies on to plan a scenario beside the adopted plan:
    /// `plan_under` with the planner's pins is the plan of the planner with the scenario's
    /// settings copied in (what the page did before: it cloned the whole planner), whatever
    /// the years, capacities by hand (right length or not), gate and weight overrides; and
    /// `moves` lists exactly the schools placed in another year, in roster order.
    #[test]
    fn a_scenario_plans_as_the_planner_with_its_settings_and_its_moves_are_every_changed_year(
        d in arb_district(),
        years in 1u8..=6,
        capacity in proptest::option::of(proptest::collection::vec(0u32..12, 7)),
        capacity_len in 0usize..=7,
        gate in proptest::option::of(proptest::option::of(0u8..=3)),
        weights in proptest::option::of(proptest::collection::vec(proptest::option::of(0u32..=10), 8)),
    ) {
        let mut tried = d.phase_in.settings.clone();
        tried.years = years;
        // By hand: usually one per year; any other length means the even split.
        tried.capacity = capacity.map(|c| {
            let len = if capacity_len == 7 { usize::from(years) } else { capacity_len };
            c[..len].to_vec()
        });
        if let Some(g) = gate {
            tried.gate = g;
        }
        if let Some(w) = weights {
            tried.weights.clear();
            for (c, w) in default_framework().criteria.iter().zip(w) {
                if let Some(w) = w {
                    tried.weights.insert(c.id.clone(), w);
                }
            }
        }
        let r = rank(&d, &d.phase_in.settings);
        let rt = rank(&d, &tried);
        let adopted = plan(&r, &d.phase_in);
        prop_assert_eq!(&adopted, &plan_under(&r, &d.phase_in.settings, &d.phase_in.pins));
        let mut as_scenario = d.phase_in.clone();
        as_scenario.settings = tried.clone();
        let scenario = plan(&rt, &as_scenario);
        prop_assert_eq!(&scenario, &plan_under(&rt, &tried, &d.phase_in.pins));
        let expected: Vec<Move> = (0..d.schools.len())
            .filter(|&i| adopted.year_of(i) != scenario.year_of(i))
            .map(|i| Move { standing: i, from: adopted.year_of(i), to: scenario.year_of(i) })
            .collect();
        prop_assert_eq!(moves(&adopted, &scenario), expected);
        prop_assert!(moves(&scenario, &scenario).is_empty());
    }

    /// A school needs a readiness plan exactly when year 1's rule bars it: self-selected
    /// out, not assessed, or below the gate (whatever year it is in, pinned or not).
    #[test]
    fn a_school_needs_a_readiness_plan_exactly_when_year_1_s_rule_bars_it(d in arb_district()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        for pl in &p.placements {
            let s = &r.standings[pl.standing];
            prop_assert_eq!(
                pl.needs_readiness_plan(&r),
                s.opted_out() || !s.is_assessed() || s.is_gated(),
                "{}", s.school.name
            );
        }
    }

    /// Each placement's reasons are its own, whatever the order the plan made them in: a
    /// placed school's words name its year, a pin's words speak of the pin, and an
    /// override's words are the rule the pin set aside.
    #[test]
    fn each_placement_keeps_its_own_reason(d in arb_district()) {
        let r = rank(&d, &d.phase_in.settings);
        let p = plan(&r, &d.phase_in);
        for pl in &p.placements {
            let s = &r.standings[pl.standing];
            match &pl.why {
                Why::Pinned(rationale) => {
                    prop_assert!(pl.pinned);
                    let pin = d.phase_in.pin(&s.school.id);
                    prop_assert_eq!(Some(rationale), pin.map(|p| &p.rationale));
                    prop_assert_eq!(pl.year, pin.map(|p| p.year));
                }
                Why::OptedOut(reason) => {
                    prop_assert_eq!(Some(reason), s.school.opt_out.as_ref().map(|o| &o.reason));
                }
                Why::NotAssessed => prop_assert!(!s.is_assessed()),
                Why::Gated(c) => prop_assert_eq!(Some(c), s.readiness.as_ref().map(|a| &a.gated)),
                _ => {}
            }
            if let Some(o) = &pl.overrode {
                prop_assert!(pl.pinned && pl.year == Some(1));
                match o {
                    Why::Gated(c) => prop_assert_eq!(Some(c), s.readiness.as_ref().map(|a| &a.gated)),
                    Why::OptedOut(_) => prop_assert!(s.opted_out()),
                    other => prop_assert!(false, "override of {:?}", other),
                }
            }
        }
    }
}

#[test]
fn an_override_into_year_1_counts_its_own_place_when_the_capacity_is_the_even_split() {
    let mut d = benson();
    // A gate so strict that no school may go in year 1: year 1's even share is then 0.
    d.phase_in.set_gate(Some(3)).unwrap();
    let harbor = Id::fixed("harbor-view-es");
    let r = rank(&d, &d.phase_in.settings);
    assert_eq!(plan(&r, &d.phase_in).capacities[0], 0);
    assert!(matches!(
        check_pin(&r, &d.phase_in, &harbor, 1),
        PinCheck::NeedsOverride(_)
    ));
    pin_school(&mut d, &harbor, 1, "The board asked.", true, "t").unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(p.year_of(r.find(&harbor).unwrap()), Some(1));
}

#[test]
fn with_the_gate_off_a_ready_label_still_names_the_criteria_at_1() {
    let mut d = benson();
    d.phase_in.set_gate(Some(0)).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    let north = r.find(&Id::fixed("northgate-ms")).unwrap();
    let pl = p.placements.iter().find(|pl| pl.standing == north).unwrap();
    let text = pl.why.describe();
    assert!(
        text.starts_with("Ready") && text.contains("With the gate off, 3 criteria are at 1"),
        "{text}"
    );
    // With the gate on, the same criteria are the gate's reason instead.
    d.phase_in.set_gate(None).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    let pl = p.placements.iter().find(|pl| pl.standing == north).unwrap();
    assert!(matches!(pl.why, Why::Gated(_)), "{:?}", pl.why);
    assert!(!pl.why.describe().contains("gate off"));
}

#[test]
fn readiness_plans_are_for_schools_not_ready_and_say_which_year_they_can_move_to() {
    let d = benson();
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    let mut waiting = 0;
    for pl in &p.placements {
        let needs = pl.needs_readiness_plan(&r);
        match &pl.why {
            Why::Gated(_) | Why::NotAssessed | Why::OptedOut(_) => assert!(needs),
            Why::Ready { .. } => assert!(!needs),
            Why::YearOneFull { .. } => {
                assert!(
                    !needs,
                    "a ready school waiting for a place needs no readiness plan"
                );
                assert!(pl.why.describe().starts_with("Ready, waiting for a place"));
                waiting += 1;
            }
            Why::Pinned(_) => {}
        }
        if let Why::Gated(_) = pl.why {
            let OnceReady::Year(once) = year_once_ready(&r, &d.phase_in, pl.standing) else {
                panic!("a gated, unpinned school has a round and fits");
            };
            assert!(once >= 2, "never year 1: its readiness plan runs then");
            assert!(
                pl.year.is_none_or(|y| once <= y),
                "passing the gate never moves a school later"
            );
        }
        if let Why::NotAssessed = pl.why {
            assert_eq!(
                year_once_ready(&r, &d.phase_in, pl.standing),
                OnceReady::NeedsRound
            );
        }
    }
    assert!(waiting > 0, "Benson has ready schools waiting for a place");
}

#[test]
fn scenarios_are_tried_apart_from_the_adopted_plan_and_adopted_in_one_undoable_step() {
    let mut d = benson();
    let adopted_before = d.phase_in.settings.clone();
    let id = Id::fixed("sc1");
    d.phase_in
        .add_scenario(id.clone(), "  Stricter   gate ", "2026-11-30T10:00:00Z")
        .unwrap();
    assert_eq!(d.phase_in.scenario(&id).unwrap().name, "Stricter gate");
    assert!(d
        .phase_in
        .add_scenario(Id::fixed("sc2"), "stricter GATE", "t")
        .unwrap_err()
        .contains("already a scenario"));
    assert!(d
        .phase_in
        .add_scenario(Id::fixed("sc2"), "   ", "t")
        .is_err());
    // Editing the scenario leaves the adopted plan as it was.
    d.phase_in
        .scenario_mut(&id)
        .unwrap()
        .settings
        .set_gate(Some(2))
        .unwrap();
    assert_eq!(d.phase_in.settings, adopted_before);
    let r = rank(&d, &d.phase_in.settings);
    let adopted = plan(&r, &d.phase_in);
    let sc = d.phase_in.scenario(&id).unwrap().settings.clone();
    let rs = rank(&d, &sc);
    let mut as_scenario = d.phase_in.clone();
    as_scenario.settings = sc;
    let tried = plan(&rs, &as_scenario);
    let m = moves(&adopted, &tried);
    assert!(!m.is_empty(), "a stricter gate moves schools");
    for mv in &m {
        assert_eq!(adopted.year_of(mv.standing), mv.from);
        assert_eq!(tried.year_of(mv.standing), mv.to);
        assert_ne!(mv.from, mv.to);
    }
    // Adopt: one step, undoable.
    let before = d.phase_in.adopt(&id, "2026-11-30T11:00:00Z").unwrap();
    assert_eq!(d.phase_in.settings.gate, Some(2));
    assert_eq!(
        d.phase_in.adopted_at.as_deref(),
        Some("2026-11-30T11:00:00Z")
    );
    let r = rank(&d, &d.phase_in.settings);
    assert_eq!(
        moves(&plan(&r, &d.phase_in), &tried),
        vec![],
        "the plan is now the scenario's"
    );
    d.phase_in.undo_adoption(before);
    assert_eq!(d.phase_in.settings, adopted_before);
    assert_eq!(d.phase_in.adopted_at, None);
    // Rename, remove and restore.
    d.phase_in.rename_scenario(&id, "Gate at 2").unwrap();
    let (at, removed) = d.phase_in.remove_scenario(&id).unwrap();
    assert!(d.phase_in.scenarios.is_empty());
    d.phase_in.restore_scenario(at, removed);
    assert_eq!(d.phase_in.scenario(&id).unwrap().name, "Gate at 2");
    // Stored and read back; a bad scenario is named by validation.
    let json = serde_json::to_string(&d.phase_in).unwrap();
    let back: PhaseIn = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d.phase_in);
    d.phase_in.scenario_mut(&id).unwrap().settings.years = 9;
    let problems = d.phase_in.problems(|_| true);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("Scenario \u{201c}Gate at 2\u{201d} spans 9 years")),
        "{problems:?}"
    );
    // A planner stored before scenarios existed reads with none and no adoption date.
    let old: PhaseIn = serde_json::from_str(r#"{"settings":{"years":3}}"#).unwrap();
    assert!(old.scenarios.is_empty() && old.adopted_at.is_none());
}

#[test]
fn setting_one_years_capacity_keeps_the_other_years_as_shown() {
    let mut d = benson();
    // A stricter gate: the even split is adjusted so year 1 holds only who may go there.
    d.phase_in.set_gate(Some(2)).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let shown = plan(&r, &d.phase_in).capacities;
    assert!(shown[0] < 7, "{shown:?}");
    // The champion raises year 3 by one: years 1 and 2 keep the numbers on the screen.
    d.phase_in.set_capacity(3, shown[2] + 1, &shown).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let now = plan(&r, &d.phase_in).capacities;
    assert_eq!(now, vec![shown[0], shown[1], shown[2] + 1]);
    // Set by hand, the stored numbers are the starting point from then on.
    d.phase_in.set_capacity(1, 2, &now).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    assert_eq!(
        plan(&r, &d.phase_in).capacities,
        vec![2, shown[1], shown[2] + 1]
    );
}

#[test]
fn a_stored_planner_out_of_the_editors_limits_is_named_by_validation() {
    let mut d = benson();
    let long = "x".repeat(crate::domain::text::MAX_NOTE_CHARS + 1);
    d.phase_in.settings.years = 3;
    d.phase_in.settings.capacity = Some(vec![u32::MAX, u32::MAX, 5]);
    d.phase_in.cover_note = long.clone();
    d.phase_in
        .set_pin(&Id::fixed("pinecrest-es"), 1, "Ready.", false, "t")
        .unwrap();
    d.phase_in.pins[0].year = 0;
    d.phase_in.pins[0].rationale = long.clone();
    let id = Id::fixed("sc-1");
    d.phase_in
        .add_scenario(id.clone(), "Gate at 2", "t")
        .unwrap();
    d.phase_in.scenario_mut(&id).unwrap().name = "y".repeat(super::state::MAX_SCENARIO_NAME + 1);
    let problems = d.phase_in.problems(|_| true);
    for needle in [
        "The phase-in plan gives year 1 4,294,967,295 coaches",
        "The cover note is 4,001 characters long",
        "pinned to year 0",
        "The pin for school pinecrest-es has a rationale of 4,001 characters",
        "has a name of 81 characters",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "{needle}: {problems:?}"
        );
    }
    // The planner itself never overflows on such numbers.
    let r = rank(&d, &d.phase_in.settings);
    let p = plan(&r, &d.phase_in);
    assert_eq!(p.placements.len(), 21);
}

#[test]
fn once_ready_names_a_pin_an_override_and_a_missing_round() {
    let mut d = benson();
    let harbor = Id::fixed("harbor-view-es");
    let north = Id::fixed("northgate-ms");
    let kestrel = Id::fixed("kestrel-park-es");
    // Harbor View is below the gate: overridden into year 1, it has its coach now.
    pin_school(&mut d, &harbor, 1, "The board asked.", true, "t1").unwrap();
    // Northgate is below the gate too, and pinned to year 3: passing the gate changes nothing.
    pin_school(
        &mut d,
        &north,
        3,
        "Its new principal starts in year 3.",
        false,
        "t2",
    )
    .unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let at = |id: &Id| r.find(id).unwrap();
    assert_eq!(
        year_once_ready(&r, &d.phase_in, at(&harbor)),
        OnceReady::Pinned { year: 1 }
    );
    assert_eq!(
        year_once_ready(&r, &d.phase_in, at(&north)),
        OnceReady::Pinned { year: 3 }
    );
    // Kestrel Park opted out and has no complete round: it needs one before the plan can
    // place it by readiness.
    assert!(r.standings[at(&kestrel)].school.opt_out.is_some());
    assert_eq!(
        year_once_ready(&r, &d.phase_in, at(&kestrel)),
        OnceReady::NeedsRound
    );
    // Unpinned, Northgate gets a year of its own from its readiness.
    d.phase_in.unpin(&north);
    let r = rank(&d, &d.phase_in.settings);
    assert!(matches!(
        year_once_ready(&r, &d.phase_in, r.find(&north).unwrap()),
        OnceReady::Year(y) if y >= 2
    ));
}

#[test]
fn a_scenario_names_the_pins_it_cannot_keep() {
    let mut d = benson();
    let north = Id::fixed("northgate-ms");
    pin_school(
        &mut d,
        &north,
        3,
        "Its new principal starts in year 3.",
        false,
        "t",
    )
    .unwrap();
    let id = Id::fixed("two-years");
    d.phase_in
        .add_scenario(id.clone(), "Two years", "t")
        .unwrap();
    d.phase_in
        .scenario_mut(&id)
        .unwrap()
        .settings
        .set_years(2)
        .unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let adopted = plan(&r, &d.phase_in);
    let mut tried_phase = d.phase_in.clone();
    tried_phase.settings = d.phase_in.scenario(&id).unwrap().settings.clone();
    let rs = rank(&d, &tried_phase.settings);
    let tried = plan(&rs, &tried_phase);
    let dropped = pins_dropped(&adopted, &tried);
    assert_eq!(dropped.len(), 1);
    assert_eq!(r.standings[dropped[0].standing].school.id, north);
    assert_eq!(dropped[0].year, 3);
    // The pinned school in the adopted plan keeps its pin in a plan that can hold it.
    assert!(pins_dropped(&adopted, &adopted).is_empty());
}

#[test]
fn once_ready_speaks_of_a_pin_only_when_the_plan_keeps_it() {
    let mut d = benson();
    let canal = Id::fixed("canal-street-es");
    pin_school(&mut d, &canal, 1, "Council wants it.", false, "t").unwrap();
    let r = rank(&d, &d.phase_in.settings);
    assert!(plan(&r, &d.phase_in)
        .placements
        .iter()
        .any(|p| p.standing == r.find(&canal).unwrap() && p.pinned));
    // A stricter gate holds Canal Street (Current student results at 2) out of year 1: the
    // pin is not applied, so nothing may say the school is in year 1 by it.
    d.phase_in.set_gate(Some(2)).unwrap();
    let r = rank(&d, &d.phase_in.settings);
    let i = r.find(&canal).unwrap();
    let p = plan(&r, &d.phase_in);
    assert!(!p.placements.iter().any(|pl| pl.standing == i && pl.pinned));
    assert!(
        p.conflicts
            .iter()
            .any(|c| c.contains("The pin is not applied")),
        "{:?}",
        p.conflicts
    );
    assert!(matches!(
        year_once_ready(&r, &d.phase_in, i),
        OnceReady::Year(y) if y >= 2
    ));
}

#[test]
fn a_gated_criterion_and_a_gated_school_are_described_in_the_framework_s_words() {
    use crate::domain::readiness::level_label;
    use rank::GatedCriterion;
    let all: Vec<GatedCriterion> = (0..=5)
        .map(|level| GatedCriterion {
            criterion_id: format!("c{level}"),
            name: format!("Criterion {level}"),
            level,
        })
        .collect();
    for g in &all {
        assert_eq!(
            g.describe(),
            format!("{} at {}", g.name, level_label(g.level))
        );
    }
    assert_eq!(all[1].describe(), "Criterion 1 at 1 Not yet");
    assert_eq!(all[0].describe(), "Criterion 0 at Not rated");
    assert_eq!(
        Why::Gated(all[1..3].to_vec()).describe(),
        format!(
            "Not yet ready: {}; {}",
            all[1].describe(),
            all[2].describe()
        )
    );
    assert_eq!(
        Why::Gated(vec![all[4].clone()]).describe(),
        format!("Not yet ready: {}", all[4].describe())
    );
}
