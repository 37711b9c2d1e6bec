//! The executive-coaching rules, on the Benson demo and on small engagements built here.

use super::engagement::parse_minutes;
use super::program::{self, Filter};
use super::report;
use super::*;
use crate::domain::demo::benson;
use crate::domain::Document;
use proptest::prelude::*;

/// A date for the tests.
fn day(s: &str) -> time::Date {
    crate::domain::dates::parse_shape(s).unwrap()
}

fn doc() -> Document {
    benson("2026-11-23T00:00:00Z")
}

fn setup(school: &str, tier: &str) -> Setup {
    Setup {
        principal: "Ada Park".into(),
        school_id: Some(Id::fixed(school)),
        coach: "Sam Lee".into(),
        tier_id: Some(Id::fixed(tier)),
        start: "2026-09-01".into(),
        end: "2027-06-30".into(),
        superintendent: "Dr. Reyes".into(),
        cohort: None,
    }
}

/// A document with one Platinum engagement, `eng`, at Ash Grove.
fn one() -> Document {
    let mut d = doc();
    let schools = d.schools.clone();
    d.executive
        .add(
            Id::fixed("eng"),
            &setup("ash-grove-es", "tier-platinum"),
            &schools,
        )
        .unwrap();
    d
}

fn eng(d: &mut Document) -> &mut Engagement {
    d.executive.engagement_mut(&Id::fixed("eng")).unwrap()
}

fn contact(id: &str, date: &str, kind: Kind) -> Contact {
    Contact {
        id: Id::fixed(id),
        date: date.into(),
        kind,
        minutes: 60,
        observation: false,
        stance: None,
        strand: None,
        objective: None,
        shared_notes: String::new(),
        private_notes: String::new(),
        session: None,
        extra: Default::default(),
    }
}

fn reflect_all(e: &mut Engagement, end: bool) {
    for s in Strand::ALL {
        e.set_reflection(end, s, 2, "Evidence").unwrap();
    }
}

#[test]
fn the_demo_holds_engagements_in_different_phases_and_tiers_and_one_gold_cohort() {
    let d = doc();
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    let x = &d.executive;
    let phases: std::collections::HashSet<Phase> = x.engagements.iter().map(|e| e.phase).collect();
    assert!(phases.len() >= 3, "{phases:?}");
    let tiers: std::collections::HashSet<&str> =
        x.engagements.iter().map(|e| e.tier_id.as_str()).collect();
    assert_eq!(tiers.len(), 3);
    assert_eq!(x.cohorts.len(), 1);
    let in_cohort: Vec<_> = x
        .engagements
        .iter()
        .filter(|e| e.cohort.is_some())
        .collect();
    assert!(in_cohort.len() >= 2);
    assert!(in_cohort.iter().all(|e| e.tier_id.as_str() == "tier-gold"));
    // The principals of the deferred lowest-performing schools with a readiness plan have
    // a coach here.
    for plan in &d.phase_in.plans {
        assert!(
            !x.for_school(&plan.school_id).is_empty(),
            "{}",
            plan.school_id
        );
    }
    // One engagement is behind pace in late November.
    let today = day("2026-11-30");
    let behind: Vec<&str> = x
        .engagements
        .iter()
        .filter(|e| {
            // As the pages count it: on the school's calendar, when it has one.
            let weeks = d.school_weeks(&e.school_id);
            program::row(x, e, today, weeks.as_deref())
                .flags
                .contains(&Flag::BehindPace)
        })
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(behind, ["eng-harbor-view"]);
    // And the report worth printing has objectives with progress.
    let n = x.engagement(&Id::fixed("eng-northgate")).unwrap();
    let r = report::status(&d, n, today);
    assert_eq!(r.objectives.len(), 3);
    assert!(r.objectives.iter().any(|o| o.latest.is_some()));
    assert!(r.total_contacts > 15);
}

#[test]
fn a_new_engagement_keeps_the_tier_allowance_it_was_agreed_with() {
    let mut d = one();
    assert_eq!(eng(&mut d).allowance.on_site_days, Some(15));
    assert_eq!(eng(&mut d).phase, Phase::Assessment);
    assert_eq!(eng(&mut d).targets.assessment, "2026-09-29");
    let mut t = d.executive.tier(&Id::fixed("tier-platinum")).unwrap();
    t.name = "Silver".into();
    t.allowance.on_site_days = Some(12);
    d.executive.edit_tier(t).unwrap();
    assert_eq!(
        d.executive.tiers.len(),
        3,
        "the defaults are kept with the edit"
    );
    assert_eq!(d.executive.tier_name(&Id::fixed("tier-platinum")), "Silver");
    assert_eq!(
        eng(&mut d).allowance.on_site_days,
        Some(15),
        "kept as agreed"
    );
    // A change of tier brings the new tier's allowance.
    let schools = d.schools.clone();
    d.executive
        .set_up(
            &Id::fixed("eng"),
            &setup("ash-grove-es", "tier-diamond"),
            &schools,
        )
        .unwrap();
    assert_eq!(eng(&mut d).allowance.on_site_days, Some(30));
    // A tier in use stays.
    assert!(d
        .executive
        .remove_tier(&Id::fixed("tier-diamond"))
        .unwrap_err()
        .contains("in use"));
}

#[test]
fn set_up_is_checked_with_the_field_that_is_wrong() {
    let d = doc();
    let mut x = d.executive.clone();
    let mut s = setup("ash-grove-es", "tier-gold");
    s.end = "2026-08-01".into();
    let r = x.add(Id::fixed("e"), &s, &d.schools).unwrap_err();
    assert_eq!(r.field, Field::End);
    let mut s = setup("nowhere", "tier-gold");
    assert_eq!(
        x.add(Id::fixed("e"), &s, &d.schools).unwrap_err().field,
        Field::School
    );
    s = setup("ash-grove-es", "tier-gold");
    s.principal = "  ".into();
    assert_eq!(
        x.add(Id::fixed("e"), &s, &d.schools).unwrap_err().field,
        Field::Principal
    );
    s = setup("ash-grove-es", "tier-gold");
    s.school_id = None;
    assert_eq!(
        x.add(Id::fixed("e"), &s, &d.schools).unwrap_err().message,
        "Choose the principal\u{2019}s school."
    );
}

#[test]
fn each_phase_says_what_it_needs_and_moving_on_early_needs_a_reason() {
    let mut d = one();
    let e = eng(&mut d);
    let needs = e.needs(Phase::Assessment);
    assert_eq!(needs.len(), 2, "{needs:?}");
    assert!(needs[0].contains("5 of 5 strands"), "{needs:?}");
    let err = e.advance("2026-09-20", None).unwrap_err();
    assert!(err.contains("give a reason"), "{err}");
    assert_eq!(e.phase, Phase::Assessment);
    // Blank reasons are no reasons.
    assert!(e.advance("2026-09-20", Some("  ")).is_err());
    e.advance(
        "2026-09-20",
        Some("The principal asked to start planning now."),
    )
    .unwrap();
    assert_eq!(e.phase, Phase::Planning);
    let m = e.history.last().unwrap();
    assert_eq!(
        m.early_reason.as_deref(),
        Some("The principal asked to start planning now.")
    );
    assert_eq!(m.missing.len(), 2);
    // Undo.
    e.step_back();
    assert_eq!(e.phase, Phase::Assessment);
    // Complete the phase, and no reason is needed or kept.
    reflect_all(e, false);
    e.set_data_review("Data reviewed.").unwrap();
    assert!(e.needs(Phase::Assessment).is_empty());
    e.advance("2026-09-25", None).unwrap();
    assert_eq!(e.history.last().unwrap().early_reason, None);
    assert_eq!(e.phase_began(), "2026-09-25");
}

#[test]
fn a_plan_is_agreed_with_two_or_three_objectives_only() {
    let mut d = one();
    let e = eng(&mut d);
    e.set_focus("Data use", "Weekly; confidential").unwrap();
    e.add_objective(
        Id::fixed("o1"),
        "Objective one",
        "Indicator",
        Cadence::Weekly,
    )
    .unwrap();
    let err = e.agree("2026-10-01").unwrap_err();
    assert!(err.contains("has 1. Add 1 more"), "{err}");
    e.add_objective(
        Id::fixed("o2"),
        "Objective two",
        "Indicator",
        Cadence::Monthly,
    )
    .unwrap();
    e.add_objective(
        Id::fixed("o3"),
        "Objective three",
        "Indicator",
        Cadence::Quarterly,
    )
    .unwrap();
    e.add_objective(
        Id::fixed("o4"),
        "Objective four",
        "Indicator",
        Cadence::Monthly,
    )
    .unwrap();
    let err = e.agree("2026-10-01").unwrap_err();
    assert!(err.contains("this one has 4. Remove 1 objective"), "{err}");
    assert!(!e.is_agreed());
    let (at, o4) = e.remove_objective(&Id::fixed("o4")).unwrap();
    e.agree("2026-10-01").unwrap();
    // The agreed plan keeps 2–3.
    assert!(e
        .add_objective(Id::fixed("o5"), "Five", "I", Cadence::Weekly)
        .unwrap_err()
        .contains("already has 3"));
    // An undo can't take the agreed plan past 3 either.
    assert!(e
        .restore_objective(at, o4.clone())
        .unwrap_err()
        .contains("reopen the plan"));
    assert_eq!(e.objectives.len(), 3);
    e.unagree();
    e.restore_objective(at, o4).unwrap();
    assert_eq!(e.objectives.len(), 4, "undo restores what was removed");
    e.remove_objective(&Id::fixed("o4")).unwrap();
    e.agree("2026-10-01").unwrap();
    // An objective added to an agreed plan comes with its indicators.
    e.remove_objective(&Id::fixed("o3")).unwrap();
    assert!(e
        .add_objective(Id::fixed("o6"), "Six", " ", Cadence::Weekly)
        .unwrap_err()
        .contains("needs its indicators"));
    assert!(e
        .remove_objective(&Id::fixed("o2"))
        .unwrap_err()
        .contains("at least 2"));
    // Every objective needs indicators before the plan is agreed.
    e.unagree();
    e.edit_objective(&Id::fixed("o2"), "Objective two", " ", Cadence::Monthly)
        .unwrap();
    let err = e.agree("2026-10-01").unwrap_err();
    assert!(
        err.contains("Indicators of success for \u{201c}Objective two\u{201d}"),
        "{err}"
    );
}

#[test]
fn the_work_plan_needs_steps_with_owners_and_dates() {
    let mut d = one();
    let e = eng(&mut d);
    e.add_objective(Id::fixed("o1"), "One", "I", Cadence::Weekly)
        .unwrap();
    assert_eq!(
        e.needs(Phase::WorkPlan),
        ["Action steps for \u{201c}One\u{201d}."]
    );
    e.add_step(&Id::fixed("o1"), Id::fixed("s1"), "Do it", "", "", "", "")
        .unwrap();
    assert!(e.needs(Phase::WorkPlan)[0].starts_with("An owner and a due date"));
    assert!(e
        .add_step(
            &Id::fixed("o1"),
            Id::fixed("s2"),
            "Do",
            "Me",
            "2026-10-10",
            "2026-10-01",
            ""
        )
        .unwrap_err()
        .contains("before the start"));
    e.add_step(
        &Id::fixed("o1"),
        Id::fixed("s2"),
        "Do",
        "Me",
        "2026-10-01",
        "2026-10-10",
        "PD",
    )
    .unwrap();
    e.remove_step(&Id::fixed("o1"), &Id::fixed("s1")).unwrap();
    assert!(e.needs(Phase::WorkPlan).is_empty());
}

#[test]
fn the_annual_assessment_closes_the_engagement() {
    let mut d = one();
    let e = eng(&mut d);
    e.add_objective(Id::fixed("o1"), "One", "I", Cadence::Weekly)
        .unwrap();
    for _ in 0..3 {
        e.advance("2026-10-01", Some("Test")).unwrap();
    }
    assert_eq!(e.phase, Phase::Implementation);
    assert!(
        e.advance("2026-10-01", Some("x")).is_err(),
        "no phase after the last"
    );
    let err = e.complete("2027-06-01").unwrap_err();
    assert!(err.contains("end-of-year self-reflection"), "{err}");
    assert!(
        err.contains("Met, partly met or not met for \u{201c}One\u{201d}"),
        "{err}"
    );
    reflect_all(e, true);
    e.set_outcome(&Id::fixed("o1"), Some(Outcome::PartlyMet))
        .unwrap();
    e.set_evaluation("Good year.").unwrap();
    e.complete("2027-06-01").unwrap();
    assert!(e.is_complete());
}

#[test]
fn contacts_outside_the_engagement_or_without_a_duration_are_refused() {
    let mut d = one();
    let e = eng(&mut d);
    let r = e.log(contact("c1", "2026-08-31", Kind::Phone)).unwrap_err();
    assert_eq!(r.field, Field::Date);
    assert_eq!(
        r.message,
        "2026-08-31 is outside the engagement, which runs from 2026-09-01 to 2027-06-30."
    );
    assert!(e.log(contact("c1", "2027-07-01", Kind::Phone)).is_err());
    let mut c = contact("c1", "2026-09-02", Kind::Phone);
    c.minutes = 0;
    assert_eq!(e.log(c).unwrap_err().field, Field::Minutes);
    assert!(e.contacts.is_empty(), "nothing was logged");
    assert_eq!(
        parse_minutes("-30").unwrap_err(),
        "A duration can't be negative."
    );
    assert_eq!(
        parse_minutes("\u{2212}5").unwrap_err(),
        "A duration can't be negative."
    );
    assert_eq!(parse_minutes("90"), Ok(90));
    assert_eq!(parse_minutes("1:30"), Ok(90));
    assert!(parse_minutes("1:75").is_err());
    assert!(parse_minutes("0").is_err());
    assert!(parse_minutes("1441").is_err());
    assert!(parse_minutes("abc").is_err());
    // Kept in date order, and a removal can be undone.
    e.log(contact("b", "2026-09-10", Kind::Phone)).unwrap();
    e.log(contact("a", "2026-09-03", Kind::Email)).unwrap();
    let ids: Vec<&str> = e.contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let (at, c) = e.remove_contact(&Id::fixed("a")).unwrap();
    e.restore_contact(at, c);
    assert_eq!(e.contacts.len(), 2);
    // Dates can't move out from under the log.
    let schools = d.schools.clone();
    let mut s = setup("ash-grove-es", "tier-platinum");
    s.start = "2026-09-05".into();
    let r = d
        .executive
        .set_up(&Id::fixed("eng"), &s, &schools)
        .unwrap_err();
    assert_eq!(r.field, Field::Start);
}

#[test]
fn allowance_counts_on_site_days_and_off_site_sessions_apart_and_marks_what_is_over() {
    let mut d = one();
    let e = eng(&mut d);
    e.allowance = Allowance {
        on_site_days: Some(2),
        off_site_sessions: Some(1),
    };
    for (i, (date, kind)) in [
        ("2026-09-02", Kind::OnSite),
        ("2026-09-03", Kind::Phone),
        ("2026-09-04", Kind::OffSite),
        ("2026-09-09", Kind::OnSite),
        ("2026-09-10", Kind::Email),
    ]
    .into_iter()
    .enumerate()
    {
        e.log(contact(&format!("c{i}"), date, kind)).unwrap();
    }
    let u = program::usage(e, &e.contacts);
    assert_eq!((u.on_site_used, u.off_site_used), (2, 1));
    assert_eq!(u.line(Use::OnSite), "2 of 2 on-site days used");
    assert_eq!(u.by_kind.iter().find(|r| r.0 == Kind::Phone).unwrap().1, 1);
    assert!(program::over_allowance(e, &e.contacts).is_empty());
    // The warning comes before the allowance is exceeded.
    let w = program::warn_before(e, &e.contacts, Kind::OnSite).unwrap();
    assert_eq!(
        w,
        "This would be 1 on-site day over the allowance of 2 on-site days: 2 already used. It will be kept and marked as over."
    );
    assert!(
        program::warn_before(e, &e.contacts, Kind::Phone).is_none(),
        "phone is unlimited"
    );
    assert!(
        program::warn_before(e, &e.contacts, Kind::Cohort).is_some(),
        "cohort meetings are off-site sessions"
    );
    e.log(contact("over", "2026-09-16", Kind::OnSite)).unwrap();
    assert_eq!(program::over_allowance(e, &e.contacts), [Id::fixed("over")]);
    assert_eq!(program::usage(e, &e.contacts).over(Use::OnSite), 1);
    // By agreement: counted, never over.
    e.allowance = Allowance::default();
    assert!(program::warn_before(e, &e.contacts, Kind::OnSite).is_none());
    assert_eq!(
        program::usage(e, &e.contacts).line(Use::OnSite),
        "3 on-site days (by agreement)"
    );
}

#[test]
fn pace_is_measured_against_an_even_spread_over_the_engagement() {
    let mut d = one();
    let e = eng(&mut d);
    e.end = "2027-06-29".into(); // 301 days
                                 // Nine weeks left: 2027-04-27 is 63 days before the end.
    let today = day("2027-04-27");
    for i in 0..9 {
        let day = format!("2026-{:02}-{:02}", 9 + i / 4, 2 + (i % 4) * 7);
        e.log(contact(&format!("c{i}"), &day, Kind::OnSite))
            .unwrap();
    }
    let p = program::pace(e, &e.contacts, today, None).unwrap();
    assert_eq!(p.weeks_left, 9);
    assert_eq!(
        p.sentence(),
        "6 of 15 on-site days unused with 9 weeks left"
    );
    // 15 × 238/301 ≈ 11.9 expected: 9 is more than a day behind.
    assert!(p.behind, "{p:?}");
    let early = program::pace(e, &e.contacts, day("2026-12-01"), None).unwrap();
    assert!(!early.behind, "{early:?}");
    // A contact planned after today does not count yet.
    e.log(contact("later", "2027-05-01", Kind::OnSite)).unwrap();
    assert_eq!(program::pace(e, &e.contacts, today, None).unwrap().used, 9);
    // By agreement: no pace.
    e.allowance.on_site_days = None;
    assert!(program::pace(e, &e.contacts, today, None).is_none());
}

#[test]
fn flags_name_quiet_engagements_missing_indicators_and_stalled_phases() {
    let mut d = one();
    let today = day("2026-10-15");
    {
        let e = eng(&mut d);
        e.log(contact("c1", "2026-09-10", Kind::OnSite)).unwrap();
        e.add_objective(Id::fixed("o1"), "Bare", "", Cadence::Weekly)
            .unwrap();
    }
    let x = &d.executive;
    let e = x.engagement(&Id::fixed("eng")).unwrap();
    let r = program::row(x, e, today, None);
    assert!(r.flags.contains(&Flag::NoRecentContact), "{r:?}");
    assert!(
        r.why
            .iter()
            .any(|w| w == "The last contact was on 2026-09-10, 35 days ago."),
        "{:?}",
        r.why
    );
    assert!(r.flags.contains(&Flag::NoIndicators));
    assert!(
        r.flags.contains(&Flag::Stalled),
        "assessment was due 2026-09-29"
    );
    assert!(
        r.flags.contains(&Flag::BehindPace),
        "no on-site day since the first"
    );
    assert_eq!(r.last_contact.as_deref(), Some("2026-09-10"));
    // Two weeks later with a fresh contact, the quiet flag is gone.
    let r = program::row(x, e, day("2026-09-20"), None);
    assert!(!r.flags.contains(&Flag::NoRecentContact));
    assert!(!r.flags.contains(&Flag::Stalled));
    // Filters.
    let f = Filter {
        flag: Some(Flag::Stalled),
        ..Filter::default()
    };
    assert!(f.matches(e, "Ash Grove", &program::row(x, e, today, None)));
    let f = Filter {
        text: "ash park".into(),
        coach: "Sam Lee".into(),
        tier: Some(Id::fixed("tier-platinum")),
        ..Filter::default()
    };
    assert!(f.matches(e, "Ash Grove Elementary", &r));
    let f = Filter {
        cohort: Some(Id::fixed("cohort-benson-valley")),
        ..Filter::default()
    };
    assert!(!f.matches(e, "Ash Grove Elementary", &r));
}

#[test]
fn an_engagement_that_ends_without_its_annual_assessment_is_flagged() {
    let mut d = one();
    let e = eng(&mut d);
    for _ in 0..3 {
        e.advance("2026-10-01", Some("Test")).unwrap();
    }
    let x = &d.executive;
    let e = x.engagement(&Id::fixed("eng")).unwrap();
    let r = program::row(x, e, day("2027-07-15"), None);
    assert!(r.flags.contains(&Flag::Stalled), "{r:?}");
    assert!(r.why.contains(
        &"The engagement ended on 2027-06-30 without its annual assessment.".to_string()
    ));
    let p = program::pace(e, &x.contacts_of(e), day("2027-06-27"), None).unwrap();
    assert_eq!(
        p.sentence(),
        "15 of 15 on-site days unused with 3 days left"
    );
    let p = program::pace(e, &x.contacts_of(e), day("2027-07-02"), None).unwrap();
    assert!(
        p.sentence().ends_with("and the engagement has ended"),
        "{}",
        p.sentence()
    );
}

#[test]
fn restoring_an_engagement_whose_school_has_gone_is_refused() {
    let mut d = doc();
    let r = d.executive.remove(&Id::fixed("eng-northgate")).unwrap();
    let schools: Vec<_> = d
        .schools
        .iter()
        .filter(|s| s.id.as_str() != "northgate-ms")
        .cloned()
        .collect();
    let err = d
        .executive
        .restore_checked(r.clone(), &schools)
        .unwrap_err();
    assert!(
        err.contains("its school is no longer in the district"),
        "{err}"
    );
    assert!(d
        .executive
        .engagement(&Id::fixed("eng-northgate"))
        .is_none());
    let schools = d.schools.clone();
    d.executive.restore_checked(r, &schools).unwrap();
    assert!(d.validate().is_empty());
}

#[test]
fn a_cohort_session_is_logged_once_and_counts_for_every_principal_in_the_cohort() {
    let mut d = doc();
    let cohort = Id::fixed("cohort-benson-valley");
    let members: Vec<Id> = d
        .executive
        .members_on(&cohort, "2026-12-09")
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(members.len(), 2);
    let before: Vec<usize> = members
        .iter()
        .map(|id| {
            let e = d.executive.engagement(id).unwrap();
            program::usage(e, &d.executive.contacts_of(e)).off_site_used
        })
        .collect();
    let session = |id: &str, absent: Vec<Id>| Session {
        id: Id::fixed(id),
        cohort: cohort.clone(),
        date: "2026-12-09".into(),
        minutes: 120,
        stance: None,
        strand: None,
        shared_notes: "Cohort".into(),
        private_notes: String::new(),
        absent,
        extra: Default::default(),
    };
    d.executive
        .log_session(session("s-new", Vec::new()))
        .unwrap();
    for (id, b) in members.iter().zip(&before) {
        let e = d.executive.engagement(id).unwrap();
        let log = d.executive.contacts_of(e);
        assert_eq!(program::usage(e, &log).off_site_used, b + 1);
        assert!(log.iter().any(|c| c.session == Some(Id::fixed("s-new"))));
        assert!(
            e.contacts.iter().all(|c| c.id.as_str() != "s-new"),
            "stored once, in the program"
        );
    }
    // An absent principal's engagement does not count it.
    d.executive
        .log_session(session("s-new", vec![members[0].clone()]))
        .unwrap();
    assert_eq!(
        d.executive
            .sessions
            .iter()
            .filter(|s| s.id.as_str() == "s-new")
            .count(),
        1,
        "replaced, not doubled"
    );
    let e0 = d.executive.engagement(&members[0]).unwrap();
    assert_eq!(
        program::usage(e0, &d.executive.contacts_of(e0)).off_site_used,
        before[0]
    );
    // A session on a date no engagement runs is refused.
    let mut s = session("s-late", Vec::new());
    s.date = "2027-08-01".into();
    assert_eq!(d.executive.log_session(s).unwrap_err().field, Field::Date);
}

#[test]
fn removing_a_school_takes_its_engagements_and_undo_brings_them_back() {
    let mut d = doc();
    let before = d.executive.clone();
    let removed = d.remove_school(&Id::fixed("northgate-ms")).unwrap();
    assert_eq!(removed.engagements.len(), 1);
    assert!(d
        .executive
        .for_school(&Id::fixed("northgate-ms"))
        .is_empty());
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    d.restore_school(removed);
    assert_eq!(d.executive, before);
    // An engagement removed and restored goes back where it was.
    let r = d.executive.remove(&Id::fixed("eng-harbor-view")).unwrap();
    d.executive.restore(r);
    assert_eq!(d.executive, before);
}

#[test]
fn the_brief_says_which_principals_have_a_coach() {
    let d = doc();
    assert_eq!(
        report::coaching_sentence(&d, &Id::fixed("northgate-ms")),
        "Dana Whitfield works with executive coach Dr. Ellen Marsh (Diamond tier, phase 4 of 4: implementation)."
    );
    assert_eq!(
        report::coaching_sentence(&d, &Id::fixed("ash-grove-es")),
        "The principal has no executive coach yet."
    );
}

#[test]
fn the_weekly_calendar_has_one_event_a_week_with_stable_uids() {
    let d = doc();
    let e = d.executive.engagement(&Id::fixed("eng-northgate")).unwrap();
    let dates = e.weekly_dates();
    assert_eq!(dates[0], day("2026-09-02"), "the first Wednesday");
    assert!(dates.windows(2).all(|w| (w[1] - w[0]).whole_days() == 7));
    assert!(*dates.last().unwrap() <= day("2027-06-11"));
    let a = report::weekly_ics(&d, e, "20261130T120000Z");
    assert_eq!(a.matches("BEGIN:VEVENT").count(), dates.len());
    assert!(a.contains("UID:20260902-exec-eng-northgate@readyboard"));
    // Editing the place keeps every UID.
    let mut d2 = d.clone();
    let e2 = d2
        .executive
        .engagement_mut(&Id::fixed("eng-northgate"))
        .unwrap();
    e2.weekly.as_mut().unwrap().place = "Library".into();
    let e2 = d2
        .executive
        .engagement(&Id::fixed("eng-northgate"))
        .unwrap();
    let b = report::weekly_ics(&d2, e2, "20261130T120000Z");
    let uids = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&a), uids(&b));
    assert_ne!(a, b);
}

#[test]
fn the_status_report_and_its_csv_show_the_phase_objectives_contacts_and_allowance() {
    let d = doc();
    let e = d.executive.engagement(&Id::fixed("eng-northgate")).unwrap();
    let r = report::status(&d, e, day("2026-11-30"));
    assert_eq!(
        r.phase,
        "Phase 4 of 4: Implementation, monitoring and evaluation"
    );
    assert_eq!(r.school, d.school(&Id::fixed("northgate-ms")).unwrap().name);
    assert_eq!(r.tier, "Diamond");
    assert_eq!(r.allowance_lines[0], "11 of 30 on-site days used");
    assert_eq!(r.allowance_lines[1], "3 of 10 off-site sessions used");
    assert_eq!(
        r.contacts[0],
        ("On-site day", 11, "56 h 30 min".to_string())
    );
    let csv = r.csv();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(
        "Objective,Math intervention reaches every student two grade levels behind,On track,"
    ));
    assert!(csv.contains("Next steps,Next steps,"));
}

fn private_marker() -> impl Strategy<Value = String> {
    "[a-z]{6,12}".prop_map(|s| format!("PRIVATE-{s}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the coach writes privately, on contacts or cohort sessions, no status
    /// report, report CSV or calendar file carries it.
    #[test]
    fn no_status_report_or_csv_ever_contains_a_private_note(
        notes in prop::collection::vec(private_marker(), 1..6),
        session_note in private_marker(),
        shared in "[ -~]{0,40}",
        pick in 0usize..4,
    ) {
        let mut d = doc();
        let ids: Vec<Id> = d.executive.engagements.iter().map(|e| e.id.clone()).collect();
        let id = ids[pick % ids.len()].clone();
        let e = d.executive.engagement_mut(&id).unwrap();
        let start = e.start.clone();
        for (i, n) in notes.iter().enumerate() {
            let mut c = contact(&format!("p{i}"), &start, Kind::ALL[i % 5]);
            c.private_notes = n.clone();
            c.shared_notes = shared.clone();
            e.log(c).unwrap();
        }
        if let Some(s) = d.executive.sessions.first_mut() {
            s.private_notes = session_note.clone();
        }
        for e in &d.executive.engagements {
            let r = report::status(&d, e, day("2026-11-30"));
            let texts = [r.all_text(), r.csv(), report::weekly_ics(&d, e, "20261130T120000Z")];
            for t in &texts {
                prop_assert!(!t.contains("PRIVATE-"), "a private note leaked: {t}");
            }
            // The demo's own private notes too.
            for c in d.executive.contacts_of(e) {
                if !c.private_notes.is_empty() {
                    for t in &texts {
                        prop_assert!(!t.contains(&c.private_notes));
                    }
                }
            }
        }
    }
}

#[test]
fn the_scale_bench_s_program_is_valid_and_keeps_its_private_notes_out_of_reports() {
    let mut d = crate::domain::synthetic::district(6, 1);
    crate::domain::synthetic::executive(&mut d, 6, 40);
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    assert_eq!(d.executive.engagements.len(), 6);
    for e in &d.executive.engagements {
        assert_eq!(e.contacts.len(), 40);
        let csv = report::status(&d, e, day("2027-01-15")).csv();
        for c in &e.contacts {
            if !c.private_notes.is_empty() {
                assert!(!csv.contains(&c.private_notes));
            }
        }
    }
}

#[test]
fn pace_on_the_school_calendar_counts_school_weeks_not_breaks_or_the_summer() {
    use crate::domain::plus::calendar::{Break, Calendar};
    use crate::domain::plus::Board;
    let mut d = one();
    // 36 school weeks from 2026-09-01, two weeks off at winter break: the last week
    // starts on 2027-05-17, six weeks before the engagement ends on 2027-06-30.
    let calendar = Calendar {
        first_day: "2026-09-01".into(),
        weeks: 36,
        breaks: vec![Break {
            label: "Winter break".into(),
            start: "2026-12-21".into(),
            end: "2027-01-01".into(),
            extra: Default::default(),
        }],
        extra: Default::default(),
    };
    d.plus
        .boards
        .push(Board::new(Id::fixed("ash-grove-es"), calendar));
    let weeks = d.school_weeks(&Id::fixed("ash-grove-es")).unwrap();
    assert_eq!(weeks.len(), 36);
    assert!(!weeks.contains(&day("2026-12-21")) && !weeks.contains(&day("2026-12-28")));
    assert_eq!(d.school_weeks(&Id::fixed("birch-lane-es")), None);
    let e = eng(&mut d);
    for i in 0..9 {
        let day = format!("2026-{:02}-{:02}", 9 + i / 4, 2 + (i % 4) * 7);
        e.log(contact(&format!("c{i}"), &day, Kind::OnSite))
            .unwrap();
    }
    let today = day("2027-04-26"); // a Monday: this week and three more are left
    let p = program::pace(e, &e.contacts, today, Some(&weeks)).unwrap();
    assert!(p.school_calendar);
    assert_eq!(
        p.sentence(),
        "6 of 15 on-site days unused with 4 school weeks left"
    );
    // 32 of 36 school weeks gone: 15 × 32/36 ≈ 13.3 expected.
    assert!((p.expected - 15.0 * 32.0 / 36.0).abs() < 1e-9, "{p:?}");
    assert!(p.behind);
    // Without the calendar, the summer counts as time left.
    let plain = program::pace(e, &e.contacts, today, None).unwrap();
    assert_eq!(
        plain.sentence(),
        "6 of 15 on-site days unused with 9 weeks left"
    );
    // Before the break, weeks of the break do not count as gone: 15 weeks of 36 are gone
    // on 2026-12-14 (a Monday), and on 2027-01-04, after two weeks off, 16.
    let before = program::pace(e, &e.contacts, day("2026-12-14"), Some(&weeks)).unwrap();
    let after = program::pace(e, &e.contacts, day("2027-01-04"), Some(&weeks)).unwrap();
    assert!(
        (before.expected - 15.0 * 15.0 / 36.0).abs() < 1e-9,
        "{before:?}"
    );
    assert!(
        (after.expected - 15.0 * 16.0 / 36.0).abs() < 1e-9,
        "{after:?}"
    );
    // After the last school week, the engagement still runs, but no school weeks are left.
    let summer = program::pace(e, &e.contacts, day("2027-06-01"), Some(&weeks)).unwrap();
    assert_eq!(
        summer.sentence(),
        "6 of 15 on-site days unused with no school weeks left"
    );
    // A calendar that does not span the engagement is not used: another year's, or one
    // that stops in the autumn (the rest would count as no school at all).
    let elsewhere = [day("2025-09-01"), day("2025-09-08")];
    let autumn = &weeks[..10];
    for w in [&elsewhere[..], autumn] {
        let p = program::pace(e, &e.contacts, today, Some(w)).unwrap();
        assert!(!p.school_calendar, "{p:?}");
        assert_eq!(p, plain);
    }
    // A day planned after today is not used yet, and not unused either.
    e.log(contact("planned", "2027-05-04", Kind::OnSite))
        .unwrap();
    let p = program::pace(e, &e.contacts, today, Some(&weeks)).unwrap();
    assert_eq!((p.used, p.planned, p.unused()), (9, 1, 5));
    assert_eq!(
        p.sentence(),
        "5 of 15 on-site days unused with 4 school weeks left"
    );
}

#[test]
fn phase_dates_are_within_the_engagement_and_in_order() {
    let mut d = one();
    let e = eng(&mut d);
    // Set up with a target for each of the first three phases.
    assert!(e.target(Phase::Assessment).is_some());
    let before = e.targets.clone();
    let (phase, message) = e
        .set_targets(["2026-10-15", "2026-10-01", "2026-12-01"])
        .unwrap_err();
    assert_eq!(phase, Phase::Planning);
    assert_eq!(
        message,
        "Planning can\u{2019}t be expected to be done before assessment and reflection (2026-10-15)."
    );
    let (phase, message) = e.set_targets(["2026-08-01", "", ""]).unwrap_err();
    assert_eq!(phase, Phase::Assessment);
    assert!(
        message.contains("from 2026-09-01 to 2027-06-30"),
        "{message}"
    );
    assert_eq!(
        e.set_targets(["", "2026-13-01", ""]).unwrap_err().0,
        Phase::Planning
    );
    assert_eq!(e.targets, before, "a refusal changes nothing");
    // An empty date is no target; the order skips it.
    e.set_targets(["2026-10-15", "", "2026-10-20"]).unwrap();
    assert_eq!(e.target(Phase::Assessment), Some(day("2026-10-15")));
    assert_eq!(e.target(Phase::Planning), None);
    assert_eq!(e.target(Phase::WorkPlan), Some(day("2026-10-20")));
    // The stalled flag follows the new date.
    let x = &d.executive;
    let e = x.engagement(&Id::fixed("eng")).unwrap();
    assert!(!program::row(x, e, day("2026-10-15"), None)
        .flags
        .contains(&Flag::Stalled));
    assert!(program::row(x, e, day("2026-10-16"), None)
        .flags
        .contains(&Flag::Stalled));
}

#[test]
fn an_edited_contact_is_checked_again_and_keeps_the_log_in_date_order() {
    let mut d = one();
    let e = eng(&mut d);
    for (id, date) in [
        ("a", "2026-09-10"),
        ("b", "2026-10-10"),
        ("c", "2026-11-10"),
    ] {
        e.log(contact(id, date, Kind::Phone)).unwrap();
    }
    let before = e.contacts.clone();
    let mut moved = contact("a", "2026-06-01", Kind::OnSite);
    assert_eq!(
        e.edit_contact(moved.clone()).unwrap_err().field,
        Field::Date
    );
    moved.date = "2026-10-20".into();
    moved.minutes = 0;
    assert_eq!(
        e.edit_contact(moved.clone()).unwrap_err().field,
        Field::Minutes
    );
    assert_eq!(e.contacts, before, "a refused edit changes nothing");
    moved.minutes = 90;
    moved.private_notes = "Changed".into();
    e.edit_contact(moved).unwrap();
    let order: Vec<&str> = e.contacts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["b", "a", "c"]);
    assert_eq!(e.contacts[1].kind, Kind::OnSite);
    assert_eq!(e.contacts[1].private_notes, "Changed");
    assert_eq!(e.contacts.len(), 3);
    // A contact no longer there can't be edited.
    assert!(e
        .edit_contact(contact("gone", "2026-10-01", Kind::Phone))
        .is_err());
}

#[test]
fn moving_the_dates_keeps_phase_dates_chosen_by_hand_while_they_still_fit() {
    let mut d = one();
    let schools = d.schools.clone();
    let id = Id::fixed("eng");
    // Never changed by hand: the expected dates follow the start.
    let before = d.executive.engagement(&id).unwrap().targets.clone();
    let mut s = setup("ash-grove-es", "tier-platinum");
    s.start = "2026-10-01".into();
    assert_eq!(d.executive.set_up(&id, &s, &schools).unwrap(), vec![]);
    let e = d.executive.engagement(&id).unwrap();
    assert_ne!(e.targets, before);
    assert_eq!(e.targets, e.default_targets());
    // Chosen by hand: kept while within the dates; one outside is cleared, and named.
    d.executive
        .engagement_mut(&id)
        .unwrap()
        .set_targets(["2026-10-20", "2026-11-30", "2027-01-15"])
        .unwrap();
    s.start = "2026-11-01".into();
    assert_eq!(
        d.executive.set_up(&id, &s, &schools).unwrap(),
        vec![Phase::Assessment]
    );
    let t = &d.executive.engagement(&id).unwrap().targets;
    assert_eq!(
        (
            t.assessment.as_str(),
            t.planning.as_str(),
            t.work_plan.as_str()
        ),
        ("", "2026-11-30", "2027-01-15")
    );
}

#[test]
fn an_edited_contact_keeps_what_the_form_does_not_edit() {
    let mut d = one();
    let e = eng(&mut d);
    let mut c = contact("a", "2026-09-10", Kind::Phone);
    c.extra
        .insert("fromANewerVersion".into(), serde_json::json!(true));
    e.log(c).unwrap();
    let mut edited = contact("a", "2026-09-11", Kind::Email);
    edited.shared_notes = "Edited".into();
    e.edit_contact(edited).unwrap();
    let c = &e.contacts[0];
    assert_eq!((c.date.as_str(), c.kind), ("2026-09-11", Kind::Email));
    assert_eq!(
        c.extra.get("fromANewerVersion"),
        Some(&serde_json::json!(true))
    );
}

#[test]
fn weekly_meetings_on_a_school_calendar_skip_its_breaks_and_keep_their_uids() {
    let mut d = doc();
    let id = Id::fixed("eng-northgate");
    let all = d.executive.engagement(&id).unwrap().weekly_dates();
    let before = report::weekly_ics(&d, d.executive.engagement(&id).unwrap(), "20261130T120000Z");
    // Northgate gets the demo's calendar: Wednesday meetings, none at Thanksgiving (Wed
    // 2026-11-25), winter break (12-23, 12-30) or spring break (2027-03-24), none after the
    // last school week (from 2027-05-17).
    d.plus.boards.push(crate::domain::plus::Board::new(
        Id::fixed("northgate-ms"),
        crate::domain::plus::demo::calendar(),
    ));
    let e = d.executive.engagement(&id).unwrap();
    let school = report::weekly_meetings(&d, e);
    for off in [
        "2026-11-25",
        "2026-12-23",
        "2026-12-30",
        "2027-03-24",
        "2027-05-26",
    ] {
        assert!(
            all.contains(&day(off)),
            "{off} is a Wednesday of the engagement"
        );
        assert!(!school.contains(&day(off)), "{off} is no school day");
    }
    assert!(school.contains(&day("2027-05-19")));
    assert!(school.iter().all(|d| all.contains(d)));
    // The meetings that remain keep their UIDs.
    let after = report::weekly_ics(&d, e, "20261130T120000Z");
    let uids = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(uids(&after).len(), school.len());
    assert!(uids(&after).iter().all(|u| uids(&before).contains(u)));
}
