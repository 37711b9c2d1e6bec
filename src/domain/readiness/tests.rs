use super::framework::default_framework;
use super::round::{check_date, Role, Stage};
use super::score::{self, gated, index, outcome, spreads, words};
use super::*;
use crate::domain::demo;
use crate::domain::Id;

fn id(s: &str) -> Id {
    Id::fixed(s)
}

/// A round with a principal and two members, every rating given.
fn rated_round(r: &mut Readiness, team: [[u8; 8]; 2], principal: [u8; 8]) -> Id {
    let rid = r
        .start_round(id("r1"), id("s1"), "Fall 2026", "2026-10-01")
        .unwrap();
    r.with_round(&rid, |round, _| {
        round.add_rater(id("a"), "Grade 3 lead", Role::Member)?;
        round.add_rater(id("b"), "Counselor", Role::Member)?;
        round.add_rater(id("p"), "Principal Reyes", Role::Principal)?;
        for c in 0..8 {
            round.rate(&id("a"), c, team[0][c])?;
            round.rate(&id("b"), c, team[1][c])?;
            round.rate(&id("p"), c, principal[c])?;
        }
        Ok(())
    })
    .unwrap();
    rid
}

fn agree_all(r: &mut Readiness, rid: &Id, levels: [u8; 8]) {
    r.with_round(rid, |round, f| {
        round.reveal(f)?;
        for (c, l) in levels.iter().enumerate() {
            round.agree(c, *l)?;
        }
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_index_is_the_weighted_mean_level_on_a_0_to_100_scale() {
    let f = default_framework();
    assert_eq!(index(&f, &[1; 8]), Some(0.0));
    assert_eq!(index(&f, &[4; 8]), Some(100.0));
    assert_eq!(
        index(&f, &[3; 8]).map(|x| (x * 1000.0).round()),
        Some(66667.0)
    );
    // Weights 2,2,2,1,3,3,3,2 (sum 18): raising a weight-3 criterion moves the index three
    // times as much as raising the weight-1 criterion.
    let base = index(&f, &[2; 8]).unwrap();
    let mut heavy = [2; 8];
    heavy[4] = 3; // continuous improvement, weight 3
    let mut light = [2; 8];
    light[3] = 3; // current student results, weight 1
    let d_heavy = index(&f, &heavy).unwrap() - base;
    let d_light = index(&f, &light).unwrap() - base;
    assert!(
        (d_heavy - 3.0 * d_light).abs() < 1e-9,
        "{d_heavy} vs {d_light}"
    );
    assert!((d_light - 100.0 / 3.0 / 18.0).abs() < 1e-9);
}

#[test]
fn weight_zero_criteria_are_left_out_of_the_index_and_missing_levels_give_none() {
    let mut f = default_framework();
    for c in f.criteria.iter_mut().skip(1) {
        c.weight = 0;
    }
    // Only the first criterion counts now.
    assert_eq!(index(&f, &[4, 1, 1, 1, 1, 1, 1, 1]), Some(100.0));
    assert_eq!(index(&f, &[0, 4, 4, 4, 4, 4, 4, 4]), None);
    assert_eq!(index(&f, &[4]), Some(100.0));
    assert_eq!(index(&f, &[]), None);
}

#[test]
fn the_gate_holds_back_a_weak_criterion_whatever_the_average() {
    let f = default_framework();
    let levels = [4, 4, 4, 1, 4, 4, 4, 4];
    assert!(index(&f, &levels).unwrap() > 90.0);
    assert_eq!(gated(&f, &levels, 1), vec![3]);
    assert_eq!(gated(&f, &levels, 0), Vec::<usize>::new(), "gate 0 is off");
    assert_eq!(gated(&f, &[2, 3, 2, 4, 3, 3, 3, 3], 2), vec![0, 2]);
    // Unrated (0) is not "at the gate": it is missing, which the round refuses earlier.
    assert!(gated(&f, &[0; 8], 1).is_empty());
}

#[test]
fn the_outcome_needs_a_revealed_round_with_every_criterion_agreed() {
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[3; 8], [3; 8]], [3; 8]);
    let f = r.current().clone();
    assert_eq!(outcome(r.round(&rid).unwrap(), &f), None);
    r.with_round(&rid, |round, f| round.reveal(f)).unwrap();
    r.with_round(&rid, |round, _| round.agree(0, 3)).unwrap();
    assert_eq!(r.round(&rid).unwrap().stage(8), Stage::Agreeing);
    assert_eq!(outcome(r.round(&rid).unwrap(), &f), None);
    agree_all_after_reveal(&mut r, &rid, [3, 3, 3, 1, 3, 3, 3, 3]);
    let o = outcome(r.round(&rid).unwrap(), &f).unwrap();
    assert_eq!(r.round(&rid).unwrap().stage(8), Stage::Complete);
    assert!(!o.ready());
    assert_eq!(o.verdict(), "Not yet ready");
    assert_eq!(o.gated, vec![3]);
    let w = words(&f, &o);
    assert!(
        w.headline
            .starts_with("Not yet ready: 1 criterion is at or below the gate (1 Not yet)"),
        "{}",
        w.headline
    );
    assert!(w.headline.contains("Current student results"));
    assert_eq!(w.gaps.len(), 1);
    assert_eq!(w.gap_criteria, vec![3]);
    assert!(
        w.gaps[0].starts_with("Current student results is at 1 Not yet (at the gate): "),
        "{}",
        w.gaps[0]
    );
    assert_eq!(w.strengths.len(), 7);
    assert_eq!(w.strength_criteria.len(), 7);
    assert_eq!(
        w.strength_criteria[0], 4,
        "improvement (weight 3) leads the 3s"
    );
    assert!(
        !w.strength_criteria.contains(&3),
        "the gated criterion is no strength"
    );
    // Heavier criteria come first among equals.
    assert!(
        w.strengths[0].starts_with("Commitment to continuous improvement is at 3 Developing"),
        "{}",
        w.strengths[0]
    );
}

fn agree_all_after_reveal(r: &mut Readiness, rid: &Id, levels: [u8; 8]) {
    r.with_round(rid, |round, _| {
        for (c, l) in levels.iter().enumerate() {
            round.agree(c, *l)?;
        }
        Ok(())
    })
    .unwrap();
}

#[test]
fn spreads_flag_raters_two_levels_apart_and_show_the_principal_gap() {
    let mut r = Readiness::default();
    let rid = rated_round(
        &mut r,
        [[1, 2, 3, 3, 3, 3, 3, 3], [3, 2, 3, 3, 3, 3, 3, 2]],
        [4, 2, 3, 3, 3, 3, 4, 3],
    );
    let round = r.round(&rid).unwrap().clone();
    let s = spreads(&round, r.current());
    assert_eq!(s.len(), 8);
    assert_eq!((s[0].min, s[0].max, s[0].spread()), (1, 4, 3));
    assert!(s[0].disagreement());
    assert_eq!(s[0].counts, [1, 0, 1, 1]);
    assert_eq!(s[0].team_mean, Some(2.0));
    assert_eq!(s[0].principal, Some(4));
    assert_eq!(s[0].gap(), Some(2.0));
    assert!(!s[1].disagreement(), "all at 2");
    assert_eq!(s[1].gap(), Some(0.0));
    // Exactly one level apart is not a disagreement.
    assert_eq!(s[6].spread(), 1);
    assert!(!s[6].disagreement());
    assert_eq!(s[7].team_mean, Some(2.5));
    assert_eq!(s[7].gap(), Some(0.5));
    assert_eq!(s[0].district, None);
}

#[test]
fn a_round_cannot_be_revealed_until_every_rater_has_rated_everything() {
    let mut r = Readiness::default();
    let rid = r
        .start_round(id("r1"), id("s1"), "Fall 2026", "2026-10-01")
        .unwrap();
    let f = r.current().clone();
    let blockers = r.round(&rid).unwrap().reveal_blockers(&f);
    assert_eq!(
        blockers,
        [
            "Add at least one leadership-team member as a rater.",
            "Add the principal as a rater."
        ]
    );
    r.with_round(&rid, |round, _| {
        round.add_rater(id("a"), "Grade 3 lead", Role::Member)?;
        round.add_rater(id("p"), "Principal Reyes", Role::Principal)?;
        for c in 0..8 {
            round.rate(&id("a"), c, 2)?;
        }
        round.rate(&id("p"), 0, 3)?;
        round.rate(&id("p"), 7, 3)?;
        Ok(())
    })
    .unwrap();
    let round = r.round(&rid).unwrap();
    let blockers = round.reveal_blockers(&f);
    assert_eq!(blockers.len(), 1);
    assert!(
        blockers[0].starts_with(
            "Principal Reyes has not rated these criteria: Staff commitment to student success;"
        ),
        "{}",
        blockers[0]
    );
    assert!(!blockers[0].contains("Staff collaboration"));
    let err = r.with_round(&rid, |round, f| round.reveal(f)).unwrap_err();
    assert!(err.contains("Principal Reyes"));
    assert!(!r.round(&rid).unwrap().revealed);
}

#[test]
fn ratings_are_locked_once_revealed_and_consensus_needs_the_reveal() {
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[2; 8], [3; 8]], [3; 8]);
    assert!(r.with_round(&rid, |round, _| round.agree(0, 3)).is_err());
    r.with_round(&rid, |round, f| round.reveal(f)).unwrap();
    assert!(r
        .with_round(&rid, |round, _| round.rate(&id("a"), 0, 4))
        .is_err());
    assert!(r
        .with_round(&rid, |round, _| round.add_rater(
            id("c"),
            "Late",
            Role::Member
        ))
        .is_err());
    assert!(r
        .with_round(&rid, |round, _| round.remove_rater(&id("a")))
        .is_err());
    assert!(r.with_round(&rid, |round, _| round.agree(0, 5)).is_err());
    r.with_round(&rid, |round, _| round.set_agreed_note(0, "We agreed on 3."))
        .unwrap();
    assert_eq!(r.round(&rid).unwrap().agreed_note(0), "We agreed on 3.");
}

#[test]
fn raters_are_named_once_and_the_principal_and_district_roles_once() {
    let mut r = Readiness::default();
    let rid = r
        .start_round(id("r1"), id("s1"), "Fall 2026", "2026-10-01")
        .unwrap();
    r.with_round(&rid, |round, _| {
        round.add_rater(id("a"), "Grade 3 lead", Role::Member)?;
        assert!(round
            .add_rater(id("b"), " grade 3 LEAD ", Role::Member)
            .is_err());
        assert!(round.add_rater(id("c"), "   ", Role::Member).is_err());
        assert!(round
            .add_rater(id("d"), &"x".repeat(121), Role::Member)
            .is_err());
        round.add_rater(id("p"), "Principal Reyes", Role::Principal)?;
        let e = round
            .add_rater(id("q"), "Another principal", Role::Principal)
            .unwrap_err();
        assert!(e.contains("principal"), "{e}");
        round.add_rater(id("j"), "Julia Jackson", Role::District)?;
        Ok(())
    })
    .unwrap();
    assert_eq!(r.round(&rid).unwrap().raters.len(), 3);
}

#[test]
fn evidence_notes_have_a_limit_with_a_clear_message() {
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[2; 8], [3; 8]], [3; 8]);
    let long = "e".repeat(round::MAX_EVIDENCE_CHARS + 1);
    let e = r
        .with_round(&rid, |round, _| round.set_evidence(&id("a"), 0, &long))
        .unwrap_err();
    assert_eq!(
        e,
        "Evidence notes are limited to 2000 characters; this one has 2001."
    );
    r.with_round(&rid, |round, _| {
        round.set_evidence(&id("a"), 2, "Team minutes")
    })
    .unwrap();
    let rater = r.round(&rid).unwrap().rater(&id("a")).unwrap().clone();
    assert_eq!(rater.evidence(2), "Team minutes");
    assert_eq!(rater.evidence(0), "");
}

#[test]
fn removing_a_rater_or_a_round_can_be_undone_in_place() {
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[2; 8], [3; 8]], [3; 8]);
    let (at, rater) = r
        .with_round(&rid, |round, _| round.remove_rater(&id("b")))
        .unwrap();
    assert_eq!(at, 1);
    assert_eq!(r.round(&rid).unwrap().raters.len(), 2);
    r.with_round(&rid, |round, _| round.restore_rater(at, rater.clone()))
        .unwrap();
    let names: Vec<&str> = r
        .round(&rid)
        .unwrap()
        .raters
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(names, ["Grade 3 lead", "Counselor", "Principal Reyes"]);
    assert_eq!(r.round(&rid).unwrap().raters[1].levels, vec![3; 8]);

    let before = r.clone();
    let (at, round) = r.remove_round(&rid).unwrap();
    assert!(r.round(&rid).is_none());
    r.restore_round(at, round);
    assert_eq!(r, before);
}

#[test]
fn editing_the_framework_never_changes_a_past_result() {
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[3; 8], [3; 8]], [3; 8]);
    agree_all(&mut r, &rid, [2, 3, 3, 3, 3, 3, 3, 4]);
    let before = outcome(
        r.round(&rid).unwrap(),
        r.framework_of(r.round(&rid).unwrap()).unwrap(),
    )
    .unwrap();

    r.edit_framework("2026-11-01T00:00:00Z", |f| {
        f.criteria[0].weight = 10;
        f.gate = 2;
        f.criteria.remove(7);
        Ok(())
    })
    .unwrap();
    assert_eq!(r.current().version, 2);
    assert_eq!(r.frameworks.len(), 2);
    assert_eq!(r.current().criteria.len(), 7);
    let round = r.round(&rid).unwrap();
    assert_eq!(round.framework_version, 1);
    let after = outcome(round, r.framework_of(round).unwrap()).unwrap();
    assert_eq!(before, after, "the old round keeps its own version");

    // A version no round uses yet is edited in place.
    r.edit_framework("2026-11-02T00:00:00Z", |f| {
        f.criteria[1].name = "Belief that every student can succeed".into();
        Ok(())
    })
    .unwrap();
    assert_eq!(r.current().version, 2);
    assert_eq!(r.frameworks.len(), 2);

    // New rounds use the current version.
    let r2 = r
        .start_round(id("r2"), id("s1"), "Spring 2027", "2027-04-01")
        .unwrap();
    assert_eq!(r.round(&r2).unwrap().framework_version, 2);
    assert_eq!(r.round(&r2).unwrap().consensus.len(), 7);
}

#[test]
fn an_edit_that_breaks_the_framework_changes_nothing() {
    let mut r = Readiness::default();
    let err = r
        .edit_framework("t", |f| {
            f.criteria.clear();
            Ok(())
        })
        .unwrap_err();
    assert!(err.contains("at least one criterion"));
    assert!(r.frameworks.is_empty());
    assert_eq!(r.current().criteria.len(), 8);
    // A no-op edit stores nothing either.
    r.edit_framework("t", |_| Ok(())).unwrap();
    assert!(r.frameworks.is_empty());
}

#[test]
fn trend_and_compare_match_criteria_by_id_across_versions() {
    let mut r = Readiness::default();
    let a = rated_round(&mut r, [[2; 8], [2; 8]], [2; 8]);
    agree_all(&mut r, &a, [1, 2, 2, 2, 2, 2, 2, 2]);
    r.edit_framework("t", |f| {
        f.criteria.remove(3); // drop "results"
        Ok(())
    })
    .unwrap();
    let b = r
        .start_round(id("r2"), id("s1"), "Spring 2027", "2027-04-01")
        .unwrap();
    r.with_round(&b, |round, f| {
        round.add_rater(id("a"), "Lead", Role::Member)?;
        round.add_rater(id("p"), "Principal", Role::Principal)?;
        for c in 0..f.criteria.len() {
            round.rate(&id("a"), c, 3)?;
            round.rate(&id("p"), c, 3)?;
        }
        round.reveal(f)?;
        for c in 0..f.criteria.len() {
            round.agree(c, 3)?;
        }
        Ok(())
    })
    .unwrap();

    let (rounds, rows) = r.trend(&id("s1"));
    assert_eq!(rounds.len(), 2);
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0].criterion_id, "collaboration");
    assert_eq!(rows[0].levels, vec![Some(1), Some(3)]);
    let results = rows.iter().find(|x| x.criterion_id == "results").unwrap();
    assert_eq!(results.levels, vec![Some(2), None]);
    assert_eq!(
        rows.last().unwrap().criterion_id,
        "results",
        "dropped criteria come last"
    );

    let ra = r.round(&a).unwrap().clone();
    let rb = r.round(&b).unwrap().clone();
    let cmp = r.compare(&ra, &rb);
    assert_eq!(cmp[0].change(), Some(2));
    let res = cmp.iter().find(|x| x.criterion_id == "results").unwrap();
    assert_eq!((res.a, res.b, res.change()), (Some(2), None, None));
}

#[test]
fn latest_outcomes_take_each_schools_newest_complete_round() {
    let doc = demo::benson("2026-11-01T00:00:00Z");
    let latest = doc.readiness.latest_outcomes();
    let pinecrest = &latest[&id("pinecrest-ms")];
    assert_eq!(pinecrest.0.label, "Fall 2026");
    assert!(pinecrest.1.ready(), "Pinecrest passed the gate in the fall");
    let northgate = &latest[&id("northgate-ms")];
    assert!(!northgate.1.ready());
    assert!(!latest.contains_key(&id("linden-es")), "in progress");
    assert!(!latest.contains_key(&id("westbrook-hs")), "not assessed");
}

#[test]
fn the_demo_gives_the_planner_real_input() {
    let doc = demo::benson("2026-11-01T00:00:00Z");
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    let latest = doc.readiness.latest_outcomes();
    assert!(
        latest.len() >= 17,
        "most schools have a completed round: {}",
        latest.len()
    );
    let gated = latest.values().filter(|(_, o)| !o.ready()).count();
    assert!((4..=7).contains(&gated), "{gated} gated");
    let opted: Vec<&str> = doc
        .schools
        .iter()
        .filter(|s| s.opt_out.is_some())
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(opted.len(), 2);
    // Two of the four lowest-performing schools pass the gate, two do not.
    let lowest = doc.lowest_performing(4);
    let passing = lowest
        .iter()
        .filter(|s| latest.get(&s.id).is_some_and(|(_, o)| o.ready()))
        .count();
    assert_eq!(passing, 2);
    // Some rounds show real disagreement.
    let disagreements = doc
        .readiness
        .rounds
        .iter()
        .filter(|r| r.revealed)
        .filter(|r| {
            spreads(r, doc.readiness.framework_of(r).unwrap())
                .iter()
                .any(score::Spread::disagreement)
        })
        .count();
    assert!(disagreements >= 5, "{disagreements}");
    // The round in progress is blocked, and says by whom.
    let linden = doc
        .readiness
        .rounds
        .iter()
        .find(|r| r.school_id == id("linden-es"))
        .unwrap();
    let blockers = linden.reveal_blockers(doc.readiness.current());
    assert_eq!(blockers.len(), 2, "{blockers:?}");
}

#[test]
fn a_document_with_readiness_survives_a_round_trip() {
    let doc = demo::benson("2026-11-01T00:00:00Z");
    let json = serde_json::to_string(&doc).unwrap();
    let back: crate::domain::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // Storage stays compact: the whole demo is well under the quota. The Plus board is
    // the largest part (a full year of day cells).
    let board = serde_json::to_string(&doc.plus).unwrap().len();
    assert!(json.len() - board < 120_000, "{}", json.len() - board);
    assert!(board < 160_000, "{board}");
}

#[test]
fn stored_rounds_that_do_not_fit_their_framework_are_reported() {
    let mut doc = demo::benson("t");
    doc.readiness.rounds[0].raters[0].levels.push(3);
    doc.readiness.rounds[1].framework_version = 9;
    doc.readiness.rounds[2].consensus[0].level = 7;
    let problems: Vec<String> = doc.validate().into_iter().map(|p| p.0).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[1].contains("framework version 9, which is missing"));
}

#[test]
fn dates_are_checked_against_the_calendar() {
    assert_eq!(check_date("2026-02-28").unwrap(), "2026-02-28");
    assert!(check_date("2026-02-29").is_err());
    assert!(check_date("2028-02-29").is_ok());
    assert!(check_date("2026-13-01").is_err());
    assert!(check_date("26-1-1").is_err());
    assert_eq!(
        check_date("soon").unwrap_err(),
        "\u{201c}soon\u{201d} is not a date (YYYY-MM-DD)."
    );
}

#[test]
fn self_selecting_out_needs_a_reason_and_can_be_reversed() {
    let mut doc = demo::benson("t");
    let s = id("ash-grove-es");
    assert!(doc.opt_out(&s, "  ", "2026-11-20").is_err());
    assert!(doc.opt_out(&s, &"r".repeat(501), "2026-11-20").is_err());
    doc.opt_out(&s, "We want more time to prepare.", "2026-11-20")
        .unwrap();
    assert_eq!(
        doc.school(&s).unwrap().opt_out.as_ref().unwrap().reason,
        "We want more time to prepare."
    );
    doc.opt_in(&s).unwrap();
    assert!(doc.school(&s).unwrap().opt_out.is_none());
}

// ---------------------------------------------------------------------------------------
// Private ratings on a shared device

use super::pin::{check_pin, Access, PinLock};

const SALT: [u8; 16] = [7; 16];

fn round_with_raters() -> Round {
    let f = default_framework();
    let mut round = Round::new(id("r1"), id("s1"), "Fall 2026", "2026-10-01", &f).unwrap();
    round
        .add_rater(id("a"), "Grade 3 lead", Role::Member)
        .unwrap();
    round
        .add_rater(id("p"), "Principal Reyes", Role::Principal)
        .unwrap();
    round
}

#[test]
fn a_pin_is_4_to_8_digits_and_kept_only_as_a_salted_hash() {
    assert!(check_pin("1234").is_ok());
    assert!(check_pin("12345678").is_ok());
    assert_eq!(
        check_pin("123").unwrap_err(),
        "The PIN has 3 digits; choose 4 to 8."
    );
    assert!(check_pin("123456789").is_err());
    assert!(check_pin("12a4").is_err());
    assert!(check_pin("").is_err());
    let lock = PinLock::new(SALT, "4321").unwrap();
    assert!(lock.matches("4321"));
    assert!(!lock.matches("1234"));
    assert!(!lock.salt.contains("4321") && !lock.hash.contains("4321"));
    assert_eq!(lock.hash.len(), 64, "SHA-256 in hex");
    // Another salt gives another hash for the same PIN.
    let other = PinLock::new([8; 16], "4321").unwrap();
    assert_ne!(lock.hash, other.hash);
    assert!(PinLock::new(SALT, "12").is_err());
}

#[test]
fn a_started_rater_is_opened_only_with_their_pin() {
    let mut round = round_with_raters();
    let a = id("a");
    assert_eq!(round.rater(&a).unwrap().access(), Access::New);
    round
        .set_pin(&a, PinLock::new(SALT, "2580").unwrap())
        .unwrap();
    round.rate(&a, 0, 3).unwrap();
    let r = round.rater(&a).unwrap();
    assert_eq!(r.access(), Access::Pin);
    assert!(r.pin_matches("2580"));
    assert!(!r.pin_matches("0000"));
    // The PIN is never replaced by someone else choosing a new one.
    let err = round
        .set_pin(&a, PinLock::new(SALT, "0000").unwrap())
        .unwrap_err();
    assert!(err.contains("already started"), "{err}");
    assert!(round.rater(&a).unwrap().pin_matches("2580"));
    // A rater without a PIN is opened by no PIN at all.
    assert!(!round.rater(&id("p")).unwrap().pin_matches(""));
}

#[test]
fn answers_saved_before_pins_stay_closed_and_still_count() {
    // A round stored by a build before PINs: the raters have levels and no `pin` field.
    let json = r#"{"id":"r1","schoolId":"s1","label":"Fall 2026","date":"2026-10-01",
        "frameworkVersion":1,"raters":[
          {"id":"a","name":"Grade 3 lead","role":"member","levels":[3,3,3,3,3,3,3,3],"evidence":[]},
          {"id":"b","name":"Counselor","role":"member","levels":[],"evidence":[]},
          {"id":"p","name":"Principal Reyes","role":"principal","levels":[2,2,2,2,2,2,2,2]}],
        "revealed":false,"consensus":[]}"#;
    let round: Round = serde_json::from_str(json).unwrap();
    assert_eq!(round.rater(&id("a")).unwrap().access(), Access::Sealed);
    assert_eq!(round.rater(&id("b")).unwrap().access(), Access::New);
    assert_eq!(round.rater(&id("p")).unwrap().access(), Access::Sealed);
    // Nothing is lost: the levels are kept and written back, with no `pin` added.
    assert_eq!(round.rater(&id("a")).unwrap().levels, vec![3; 8]);
    let back = serde_json::to_string(&round).unwrap();
    assert!(!back.contains("\"pin\""), "{back}");
    let again: Round = serde_json::from_str(&back).unwrap();
    assert_eq!(again, round);
    // A sealed rater cannot be given a PIN by whoever holds the device.
    let mut round = round;
    assert!(round
        .set_pin(&id("a"), PinLock::new(SALT, "1111").unwrap())
        .is_err());
}

#[test]
fn clear_and_re_rate_deletes_a_raters_answers_and_can_be_undone_until_the_reveal() {
    let f = default_framework();
    let mut round = round_with_raters();
    let (a, p) = (id("a"), id("p"));
    round
        .set_pin(&a, PinLock::new(SALT, "2580").unwrap())
        .unwrap();
    for c in 0..8 {
        round.rate(&a, c, 3).unwrap();
        round.rate(&p, c, 2).unwrap();
    }
    round.set_evidence(&a, 0, "Weekly team meetings.").unwrap();
    let before = round.clear_answers(&a).unwrap();
    let r = round.rater(&a).unwrap();
    assert_eq!(r.access(), Access::New);
    assert!(r.levels.is_empty() && r.evidence.is_empty() && r.pin.is_none());
    assert!(r.can_restore(), "the cleared answers wait in the round");
    assert!(!round.reveal_blockers(&f).is_empty());
    // Stored and read back (a reload, another page): the undo is still there.
    let json = serde_json::to_string(&round).unwrap();
    let mut round: Round = serde_json::from_str(&json).unwrap();
    // Undo brings back the answers and the PIN.
    round.restore_answers(&a).unwrap();
    assert_eq!(round.rater(&a).unwrap(), &before);
    assert!(!round.rater(&a).unwrap().can_restore());
    assert!(
        round.restore_answers(&a).is_err(),
        "nothing left to bring back"
    );
    // Cleared again, and the rater starts over: undo never overwrites the new answers.
    round.clear_answers(&a).unwrap();
    round
        .set_pin(&a, PinLock::new(SALT, "9999").unwrap())
        .unwrap();
    assert!(!round.rater(&a).unwrap().can_restore());
    let err = round.restore_answers(&a).unwrap_err();
    assert!(err.contains("started rating again"), "{err}");
    assert!(round.rater(&a).unwrap().pin_matches("9999"));
    // The reveal deletes cleared answers: they are never revealed, and nothing is cleared
    // or restored after it.
    let mut revealed = round_with_raters();
    for c in 0..8 {
        revealed.rate(&a, c, 3).unwrap();
        revealed.rate(&p, c, 2).unwrap();
    }
    revealed.clear_answers(&a).unwrap();
    revealed.restore_answers(&a).unwrap();
    revealed.clear_answers(&p).unwrap();
    for c in 0..8 {
        revealed.rate(&p, c, 1).unwrap();
    }
    assert!(revealed.rater(&p).unwrap().cleared.is_some());
    revealed.reveal(&f).unwrap();
    assert!(
        revealed.raters.iter().all(|r| r.cleared.is_none()),
        "cleared answers deleted at the reveal"
    );
    assert!(revealed.clear_answers(&a).is_err());
    assert!(revealed.restore_answers(&a).is_err());
    assert_eq!(revealed.rater(&a).unwrap().levels, vec![3; 8]);
}

#[test]
fn the_demo_round_in_progress_keeps_every_started_draft_behind_a_pin() {
    let doc = demo::benson("t");
    let linden = doc
        .readiness
        .rounds
        .iter()
        .find(|r| !r.revealed)
        .expect("a round in progress");
    assert_eq!(linden.school_id, id("linden-es"));
    for r in &linden.raters {
        if r.has_answers() {
            assert_eq!(r.access(), Access::Pin, "{}", r.name);
            assert!(r.pin_matches(demo::DEMO_PIN));
        } else {
            assert_eq!(r.access(), Access::New, "{}", r.name);
        }
    }
    assert!(linden.raters.iter().any(|r| r.access() == Access::New));
}

#[test]
fn the_verdict_says_why_next_to_it() {
    let f = default_framework();
    let mut r = Readiness::default();
    let rid = rated_round(&mut r, [[3; 8], [3; 8]], [3; 8]);
    agree_all(&mut r, &rid, [3, 1, 3, 3, 4, 4, 4, 4]);
    let round = r.round(&rid).unwrap();
    let o = outcome(round, &f).unwrap();
    assert!(!o.ready());
    assert_eq!(
        score::reason(&f, &o),
        "At or below the gate (1 Not yet): Staff commitment to student success. The index does not outweigh the gate."
    );
    let ready = score::outcome_with_gate(round, &f, 0).unwrap();
    assert_eq!(
        score::reason(&f, &ready),
        "The gate is off, so no criterion holds the school back."
    );
    let mut r2 = Readiness::default();
    let rid2 = rated_round(&mut r2, [[2; 8], [2; 8]], [2; 8]);
    agree_all(&mut r2, &rid2, [2; 8]);
    let o2 = outcome(r2.round(&rid2).unwrap(), &f).unwrap();
    assert_eq!(
        score::reason(&f, &o2),
        "No criterion is at or below the gate (1 Not yet)."
    );
}

#[test]
fn five_wrong_pins_pause_the_form_and_the_pause_is_kept_in_the_round() {
    use super::pin::{Tried, PIN_PAUSE_MS, PIN_TRIES};
    let mut round = round_with_raters();
    let a = id("a");
    round
        .set_pin(&a, PinLock::new(SALT, "2580").unwrap())
        .unwrap();
    let t0 = 1_800_000_000_000u64;
    for k in 1..PIN_TRIES {
        assert_eq!(
            round.try_pin(&a, "0000", t0).unwrap(),
            Tried::Wrong {
                left: PIN_TRIES - k
            }
        );
    }
    assert_eq!(
        round.try_pin(&a, "0000", t0).unwrap(),
        Tried::Paused {
            seconds: PIN_PAUSE_MS / 1000
        }
    );
    // Even the right PIN waits; the pause is in the round, so a reload or another tab
    // (which read the stored round) waits too.
    let stored: Round = serde_json::from_str(&serde_json::to_string(&round).unwrap()).unwrap();
    let mut round = stored;
    assert_eq!(
        round.try_pin(&a, "2580", t0 + 10_000).unwrap(),
        Tried::Paused { seconds: 20 }
    );
    // After the pause the right PIN opens, and the count starts again.
    assert_eq!(
        round.try_pin(&a, "2580", t0 + PIN_PAUSE_MS).unwrap(),
        Tried::Opened
    );
    assert_eq!(
        round.try_pin(&a, "1111", t0 + PIN_PAUSE_MS).unwrap(),
        Tried::Wrong {
            left: PIN_TRIES - 1
        }
    );
    // A PIN lock stored before the count existed reads with none.
    let old: PinLock = serde_json::from_str(r#"{"salt":"07","hash":"ab"}"#).unwrap();
    assert_eq!(old.wrong, 0);
    assert_eq!(old.paused_until, None);
}

#[test]
fn a_stored_round_with_a_bad_pin_lock_or_cleared_answers_is_named_by_validation() {
    let f = default_framework();
    let mut round = round_with_raters();
    let a = id("a");
    round
        .set_pin(&a, PinLock::new(SALT, "2580").unwrap())
        .unwrap();
    round.rate(&a, 0, 3).unwrap();
    round.clear_answers(&a).unwrap();
    assert!(round.problems(&f).is_empty(), "{:?}", round.problems(&f));
    let r = round.raters.iter_mut().find(|r| r.id == a).unwrap();
    r.cleared.as_mut().unwrap().levels = vec![9; 20];
    let p = round.raters.iter_mut().find(|r| r.id == id("p")).unwrap();
    p.pin = Some(PinLock {
        salt: "not hex".into(),
        hash: "short".into(),
        wrong: 0,
        paused_until: None,
    });
    let problems = round.problems(&f);
    assert!(
        problems
            .iter()
            .any(|x| x.contains("Grade 3 lead has cleared answers that do not fit")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|x| x.contains("Principal Reyes has a PIN that is not a salted hash")),
        "{problems:?}"
    );
}
