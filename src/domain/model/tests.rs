//! The coaching model's rules: versioning, alignment gaps, the non-negotiable rule, the
//! hire gap against the phase-in plan, and the development flags.

use super::charter::{
    gaps, Element, Goal, GoalKind, Outcome, OutcomeField, Part, Responsibility, Role, Section,
    Stakeholder, StakeholderField,
};
use super::coaches::{
    self, dev_rows, CheckIn, Coach, DayStatus, DevFlag, Mentor, Records, ShadowDay,
};
use super::rollout::{self, Adaptation, Aspect, Audience, Session, Status};
use super::{demo, staffing, Model};
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use time::{Date, Month};

fn id(s: &str) -> Id {
    Id::fixed(s)
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
}

fn outcome(key: &str, title: &str) -> Outcome {
    Outcome {
        id: id(key),
        title: title.into(),
        indicator: "% of teachers".into(),
        baseline: "20%".into(),
        target: "50%".into(),
        by: "2027-06-30".into(),
        extra: Extra::new(),
    }
}

fn goal(key: &str, served: &[&str]) -> Goal {
    Goal {
        id: id(key),
        kind: GoalKind::Goal,
        title: format!("Goal {key}"),
        served_by: served.iter().map(|s| id(s)).collect(),
        extra: Extra::new(),
    }
}

fn publishable() -> Model {
    let mut m = Model::default();
    m.draft
        .set_basics(
            "Impact cycle",
            "Knight",
            "Corwin 2018",
            "Every teacher has a partner.",
        )
        .unwrap();
    m.draft.put_outcome(outcome("o1", "Cycles")).unwrap();
    m.draft
        .put_responsibility(Responsibility {
            id: id("r1"),
            text: "Set cycle goals".into(),
            parts: [Some(Part::Supports), Some(Part::Leads), None, None],
            extra: Extra::new(),
        })
        .unwrap();
    m
}

// ---- versioning ----

#[test]
fn publishing_keeps_every_version_and_a_published_version_never_changes() {
    let mut m = publishable();
    assert_eq!(m.publish("2026-06-01", "First"), Ok(1));
    let v1 = m.version(1).unwrap().clone();
    // Editing the draft leaves version 1 as it was.
    let mut o = m.draft.outcomes[0].clone();
    o.target = "60%".into();
    m.draft.put_outcome(o).unwrap();
    assert_eq!(m.version(1).unwrap(), &v1);
    assert_eq!(m.version(1).unwrap().charter.outcomes[0].target, "50%");
    assert_eq!(m.publish("2026-08-01", "Raised the target"), Ok(2));
    assert_eq!(m.versions.len(), 2);
    assert_eq!(m.version(1).unwrap(), &v1);
    assert_eq!(m.in_force().outcomes[0].target, "60%");
}

#[test]
fn each_version_shows_what_changed_from_the_one_before() {
    let mut m = publishable();
    m.publish("2026-06-01", "").unwrap();
    let first = m.changes_in(1);
    assert!(
        first
            .iter()
            .any(|c| c.text.contains("Outcome added: \u{201c}Cycles\u{201d}")),
        "{first:?}"
    );
    let mut o = m.draft.outcomes[0].clone();
    o.target = "60%".into();
    m.draft.put_outcome(o).unwrap();
    m.draft
        .set_part(&id("r1"), Role::Principal, Some(Part::Informed))
        .unwrap();
    let pending = m.unpublished();
    assert_eq!(pending.len(), 2, "{pending:?}");
    m.publish("2026-08-01", "").unwrap();
    let second: Vec<String> = m.changes_in(2).into_iter().map(|c| c.text).collect();
    assert_eq!(
        second,
        vec![
            "Outcome \u{201c}Cycles\u{201d}: target 60% (was 50%).".to_string(),
            "\u{201c}Set cycle goals\u{201d}: the principal now is informed (was: no part)."
                .to_string(),
        ]
    );
    assert!(m.unpublished().is_empty());
}

#[test]
fn publishing_is_refused_with_nothing_new_or_a_missing_piece() {
    let mut m = Model::default();
    let e = m.publish("2026-06-01", "").unwrap_err();
    assert!(e.contains("needs a name"), "{e}");
    assert!(m.versions.is_empty());
    let mut m = publishable();
    m.publish("2026-06-01", "").unwrap();
    let e = m.publish("2026-06-02", "").unwrap_err();
    assert_eq!(e, "Nothing has changed since version 1 was published.");
    assert_eq!(m.versions.len(), 1);
    m.draft.vision = "Changed".into();
    assert!(m.publish("not a date", "").is_err());
    assert_eq!(m.versions.len(), 1);
}

#[test]
fn discarding_the_draft_goes_back_to_the_latest_version() {
    let mut m = publishable();
    assert!(m.discard_draft().is_none());
    m.publish("2026-06-01", "").unwrap();
    m.draft.vision = "Something else".into();
    let old = m.discard_draft().unwrap();
    assert_eq!(old.vision, "Something else");
    assert_eq!(m.draft, m.versions[0].charter);
}

#[test]
fn an_outcome_must_be_measurable() {
    let mut m = Model::default();
    let mut o = outcome("o", "Cycles");
    o.indicator = "  ".into();
    assert_eq!(
        m.draft.put_outcome(o).unwrap_err().0,
        OutcomeField::Indicator
    );
    let mut o = outcome("o", "Cycles");
    o.by = "2027-13-01".into();
    assert_eq!(m.draft.put_outcome(o).unwrap_err().0, OutcomeField::By);
    let mut o = outcome("o", "Cycles");
    o.target = String::new();
    assert_eq!(m.draft.put_outcome(o).unwrap_err().0, OutcomeField::Target);
    m.draft.put_outcome(outcome("o", "Cycles")).unwrap();
    let e = m.draft.put_outcome(outcome("o2", " cycles ")).unwrap_err();
    assert_eq!(e.0, OutcomeField::Title);
    assert!(m.draft.outcomes.len() == 1);
}

#[test]
fn a_sign_off_needs_its_date() {
    let mut m = Model::default();
    let s = Stakeholder {
        id: id("s"),
        name: "Teachers' association".into(),
        input: "Confidentiality in writing".into(),
        signed_off: true,
        on: String::new(),
        extra: Extra::new(),
    };
    assert_eq!(
        m.draft.put_stakeholder(s.clone()).unwrap_err().0,
        StakeholderField::On
    );
    m.draft
        .put_stakeholder(Stakeholder {
            signed_off: false,
            ..s.clone()
        })
        .unwrap();
    assert_eq!(m.draft.pending_sign_offs().len(), 1);
    m.draft
        .put_stakeholder(Stakeholder {
            on: "2026-06-04".into(),
            ..s
        })
        .unwrap();
    assert!(m.draft.pending_sign_offs().is_empty());
    assert_eq!(m.draft.stakeholders.len(), 1);
}

// ---- alignment ----

#[test]
fn gaps_are_outcomes_serving_no_goal_and_goals_no_outcome_serves() {
    let mut m = Model::default();
    m.draft.put_outcome(outcome("o1", "Cycles")).unwrap();
    m.draft.put_outcome(outcome("o2", "Trust")).unwrap();
    m.draft.put_goal(goal("g1", &["o1"])).unwrap();
    m.draft.put_goal(goal("g2", &[])).unwrap();
    // A link to an outcome that does not exist is dropped.
    m.draft.put_goal(goal("g3", &["nope"])).unwrap();
    let g = gaps(&m.draft);
    assert_eq!(g.outcomes, vec![id("o2")]);
    assert_eq!(g.goals, vec![id("g2"), id("g3")]);
    m.draft.set_serves(&id("g2"), &id("o2"), true).unwrap();
    m.draft.set_serves(&id("g3"), &id("o1"), true).unwrap();
    assert!(gaps(&m.draft).is_empty());
    m.draft.set_serves(&id("g3"), &id("o1"), false).unwrap();
    assert_eq!(gaps(&m.draft).goals, vec![id("g3")]);
}

#[test]
fn removing_an_outcome_unlinks_it_and_the_undo_links_it_again() {
    let mut m = Model::default();
    m.draft.put_outcome(outcome("o1", "Cycles")).unwrap();
    m.draft.put_outcome(outcome("o2", "Trust")).unwrap();
    m.draft.put_goal(goal("g1", &["o2", "o1"])).unwrap();
    let before = m.draft.clone();
    let r = m.draft.remove_outcome(&id("o1")).unwrap();
    assert_eq!(m.draft.goals[0].served_by, vec![id("o2")]);
    m.draft.restore_outcome(r);
    assert_eq!(m.draft, before);
}

// ---- the non-negotiable rule ----

fn adaptation(element: &str) -> Adaptation {
    Adaptation {
        id: id("a"),
        school: id("s1"),
        aspect: Aspect::Approach,
        element: id(element),
        what: "Observation notes go to the principal".into(),
        why: "One picture of instruction".into(),
        recorded_on: "2026-10-01".into(),
        approved: None,
        extra: Extra::new(),
    }
}

#[test]
fn an_adaptation_of_a_non_negotiable_is_flagged_and_cannot_be_approved() {
    let mut m = Model::default();
    for (k, nn) in [("time", false), ("not-evaluator", true)] {
        m.draft
            .put_element(Element {
                id: id(k),
                name: format!("Element {k}"),
                non_negotiable: nn,
                extra: Extra::new(),
            })
            .unwrap();
    }
    let schools = [id("s1")];
    let a = rollout::checked_adaptation(adaptation("not-evaluator"), &m.draft, &schools).unwrap();
    assert!(rollout::touches_non_negotiable(&a, &m.draft));
    let mut a2 = a.clone();
    let e = rollout::approve(&mut a2, &m.draft, "2026-10-02", "Champion").unwrap_err();
    assert!(e.contains("non-negotiable"), "{e}");
    assert!(a2.approved.is_none());

    let mut ok = rollout::checked_adaptation(adaptation("time"), &m.draft, &schools).unwrap();
    assert!(!rollout::touches_non_negotiable(&ok, &m.draft));
    rollout::approve(&mut ok, &m.draft, "2026-10-02", "Champion").unwrap();
    assert_eq!(ok.approved.as_ref().unwrap().on, "2026-10-02");
    // Marking the element non-negotiable later flags the adaptation.
    m.draft.elements[0].non_negotiable = true;
    assert!(rollout::touches_non_negotiable(&ok, &m.draft));
}

#[test]
fn an_adaptation_needs_a_school_an_element_and_a_reason() {
    let mut m = Model::default();
    m.draft
        .put_element(Element {
            id: id("time"),
            name: "Time".into(),
            non_negotiable: false,
            extra: Extra::new(),
        })
        .unwrap();
    use rollout::AdaptationField as F;
    let schools = [id("s1")];
    let mut a = adaptation("time");
    a.school = id("elsewhere");
    assert_eq!(
        rollout::checked_adaptation(a, &m.draft, &schools)
            .unwrap_err()
            .0,
        F::School
    );
    assert_eq!(
        rollout::checked_adaptation(adaptation("gone"), &m.draft, &schools)
            .unwrap_err()
            .0,
        F::Element
    );
    let mut a = adaptation("time");
    a.why = " ".into();
    assert_eq!(
        rollout::checked_adaptation(a, &m.draft, &schools)
            .unwrap_err()
            .0,
        F::Why
    );
}

#[test]
fn a_held_session_needs_attendance() {
    let s = Session {
        id: id("x"),
        audience: Audience::Staff(id("s1")),
        date: "2026-09-01".into(),
        status: Status::Held,
        attendance: 0,
        notes: String::new(),
        extra: Extra::new(),
    };
    let field =
        |s: Session, schools: &[Id]| rollout::checked_session(s, schools).err().map(|e| e.0);
    assert_eq!(
        field(s.clone(), &[id("s1")]),
        Some(rollout::SessionField::Attendance)
    );
    assert_eq!(
        field(
            Session {
                attendance: 30,
                ..s.clone()
            },
            &[id("s2")]
        ),
        Some(rollout::SessionField::Audience)
    );
    assert_eq!(
        field(
            Session {
                date: " ".into(),
                ..s.clone()
            },
            &[id("s1")]
        ),
        Some(rollout::SessionField::Date)
    );
    assert!(rollout::checked_session(
        Session {
            attendance: 30,
            ..s.clone()
        },
        &[id("s1")]
    )
    .is_ok());
    assert!(rollout::checked_session(
        Session {
            status: Status::Planned,
            ..s
        },
        &[id("s1")]
    )
    .is_ok());
}

#[test]
fn a_mentor_described_without_a_name_is_refused_at_the_mentor() {
    let mut c = coach("m", "2026-08-01", false);
    c.mentor = Some(Mentor {
        name: " ".into(),
        outside: true,
        from: String::new(),
    });
    let e = coaches::checked_coach(c.clone(), &[]).unwrap_err();
    assert_eq!(e.0, coaches::CoachField::Mentor);
    c.mentor = Some(Mentor {
        name: String::new(),
        outside: false,
        from: String::new(),
    });
    assert_eq!(coaches::checked_coach(c, &[]).unwrap().mentor, None);
}

#[test]
fn a_refused_log_entry_names_its_field() {
    use super::coaches::{
        checked_check_in, checked_learning, checked_meeting, checked_shadow_day, Learning,
        LearningKind, LogField, Meeting,
    };
    let coaches = vec![
        coach("a", "2020-08-01", true),
        coach("b", "2026-08-01", true),
    ];
    let c = CheckIn {
        id: id("c"),
        coach: id("a"),
        date: String::new(),
        topics: "Trust".into(),
        next_steps: String::new(),
        extra: Extra::new(),
    };
    assert_eq!(
        checked_check_in(c.clone(), &coaches).unwrap_err().0,
        LogField::Date
    );
    let c = CheckIn {
        date: "2026-11-02".into(),
        ..c
    };
    assert_eq!(
        checked_check_in(
            CheckIn {
                topics: "  ".into(),
                ..c.clone()
            },
            &coaches
        )
        .unwrap_err()
        .0,
        LogField::What
    );
    assert_eq!(
        checked_check_in(
            CheckIn {
                coach: id("gone"),
                ..c.clone()
            },
            &coaches
        )
        .unwrap_err()
        .0,
        LogField::Coach
    );
    assert!(checked_check_in(c, &coaches).is_ok());
    let d = ShadowDay {
        id: id("d"),
        coach: id("b"),
        host: id("b"),
        date: "2026-11-02".into(),
        status: DayStatus::Planned,
        extra: Extra::new(),
    };
    let e = checked_shadow_day(d.clone(), &coaches).unwrap_err();
    assert_eq!(
        e,
        (
            LogField::Host,
            "A coach shadows another coach, not themselves.".into()
        )
    );
    assert!(checked_shadow_day(ShadowDay { host: id("a"), ..d }, &coaches).is_ok());
    let m = Meeting {
        id: id("m"),
        date: "2026-11-02".into(),
        agenda: String::new(),
        attended: vec![id("a"), id("gone")],
        challenges: String::new(),
        successes: String::new(),
        extra: Extra::new(),
    };
    assert_eq!(
        checked_meeting(m.clone(), &coaches).unwrap_err().0,
        LogField::What
    );
    // Attendance keeps only the coaches there are.
    let kept = checked_meeting(
        Meeting {
            agenda: "Cycles".into(),
            ..m
        },
        &coaches,
    )
    .unwrap();
    assert_eq!(kept.attended, vec![id("a")]);
    let l = Learning {
        id: id("l"),
        coach: id("a"),
        date: "2026-11-02".into(),
        kind: LearningKind::Conference,
        title: "State conference".into(),
        tenths: 0,
        extra: Extra::new(),
    };
    assert_eq!(
        checked_learning(l.clone(), &coaches).unwrap_err().0,
        LogField::Hours
    );
    assert_eq!(
        checked_learning(
            Learning {
                title: " ".into(),
                tenths: 15,
                ..l.clone()
            },
            &coaches
        )
        .unwrap_err()
        .0,
        LogField::What
    );
    assert!(checked_learning(Learning { tenths: 15, ..l }, &coaches).is_ok());
}

// ---- the hire gap and the schools in coaching ----

#[test]
fn each_year_of_the_plan_shows_schools_with_a_coach_and_schools_waiting_for_a_hire() {
    let mut doc = crate::domain::demo::benson("2026-11-30T09:00:00Z");
    let years = staffing::years(&doc);
    assert_eq!(years.len(), usize::from(doc.phase_in.settings.years));
    let y1 = &years[0];
    // The demo's seven coaches are placed at year 1's first seven schools.
    assert_eq!(y1.placed.len(), 7.min(y1.placed.len() + y1.waiting.len()));
    assert!(years[1].placed.is_empty() && !years[1].waiting.is_empty());
    // Every school of the plan is listed once.
    let listed: usize = years.iter().map(|y| y.placed.len() + y.waiting.len()).sum();
    assert!(listed <= doc.schools.len());
    // Placing a coach at a year-2 school moves it from waiting to placed.
    let school = years[1].waiting[0].school.clone();
    doc.model.coaches[0].schools.push(school.clone());
    let again = staffing::years(&doc);
    assert!(again[1]
        .placed
        .iter()
        .any(|s| s.school == school && s.coaches == vec![doc.model.coaches[0].name.clone()]));
    assert!(!again[1].waiting.iter().any(|s| s.school == school));
}

#[test]
fn a_school_in_coaching_with_no_staff_session_held_is_flagged() {
    let mut doc = crate::domain::demo::benson("2026-11-30T09:00:00Z");
    let now = staffing::schools_in_coaching(&doc);
    assert!(!now.is_empty());
    assert!(
        now.iter().all(|s| !s.flagged),
        "the demo holds a session at every year-1 school"
    );
    let first = now[0].school.clone();
    for s in &mut doc.model.sessions {
        if s.audience == Audience::Staff(first.clone()) {
            s.status = Status::Planned;
        }
    }
    let now = staffing::schools_in_coaching(&doc);
    let row = now.iter().find(|s| s.school == first).unwrap();
    assert!(row.flagged);
    assert_eq!(row.sessions.planned, 1);
}

// ---- the coaches' development ----

fn coach(key: &str, started: &str, mentor: bool) -> Coach {
    Coach {
        id: id(key),
        name: key.into(),
        schools: vec![],
        started: started.into(),
        background: String::new(),
        teachers: 20,
        mentor: mentor.then(|| Mentor {
            name: "M".into(),
            outside: true,
            from: String::new(),
        }),
        extra: Extra::new(),
    }
}

fn check_in(coach: &str, date: &str) -> CheckIn {
    CheckIn {
        id: id(&format!("{coach}-{date}")),
        coach: id(coach),
        date: date.into(),
        topics: "T".into(),
        next_steps: String::new(),
        extra: Extra::new(),
    }
}

#[test]
fn development_flags_no_mentor_no_check_in_for_four_weeks_and_no_shadowing() {
    let today = date(2026, 11, 30);
    let coaches = vec![
        coach("nomentor", "2020-08-01", false),
        coach("stale", "2020-08-01", true),
        coach("fresh", "2020-08-01", true),
        coach("novice", "2026-08-01", true),
        coach("novice-ok", "2026-08-01", true),
        // Hired after the district's shadowing date: not held to it.
        coach("late-hire", "2026-11-20", true),
    ];
    let check_ins = vec![
        check_in("stale", "2026-11-01"), // 29 days
        check_in("fresh", "2026-11-02"), // 28 days: not yet
        check_in("novice", "2026-11-20"),
        check_in("novice-ok", "2026-11-20"),
    ];
    let shadowing = vec![
        ShadowDay {
            id: id("d1"),
            coach: id("novice"),
            host: id("fresh"),
            date: "2026-12-05".into(),
            status: DayStatus::Planned,
            extra: Extra::new(),
        },
        ShadowDay {
            id: id("d2"),
            coach: id("novice-ok"),
            host: id("fresh"),
            date: "2026-11-01".into(),
            status: DayStatus::Held,
            extra: Extra::new(),
        },
    ];
    let mut settings = coaches::DevSettings {
        shadow_by: Some("2026-11-15".into()),
        ..Default::default()
    };
    let flags = |settings: &coaches::DevSettings| -> Vec<(String, Vec<DevFlag>)> {
        dev_rows(
            &Records {
                coaches: &coaches,
                check_ins: &check_ins,
                shadowing: &shadowing,
                learning: &[],
                settings,
            },
            today,
        )
        .into_iter()
        .map(|r| (r.coach.to_string(), r.flags))
        .collect()
    };
    assert_eq!(
        flags(&settings),
        vec![
            ("nomentor".into(), vec![DevFlag::NoMentor]),
            ("stale".into(), vec![DevFlag::NoRecentCheckIn]),
            ("fresh".into(), vec![]),
            ("novice".into(), vec![DevFlag::NoShadowing]),
            ("novice-ok".into(), vec![]),
            ("late-hire".into(), vec![]),
        ]
    );
    // Before the district's date, nobody is flagged for shadowing.
    settings.shadow_by = Some("2026-12-15".into());
    assert!(flags(&settings)
        .iter()
        .all(|(_, f)| !f.contains(&DevFlag::NoShadowing)));
    // No date set: no shadowing flag either.
    settings.shadow_by = None;
    assert!(flags(&settings)
        .iter()
        .all(|(_, f)| !f.contains(&DevFlag::NoShadowing)));
}

#[test]
fn a_coach_is_novice_in_their_first_year_only() {
    let c = coach("c", "2025-12-01", true);
    assert!(coaches::is_novice(&c, date(2026, 11, 30)));
    assert!(!coaches::is_novice(&c, date(2026, 12, 1)));
    let leap = coach("c", "2024-02-29", true);
    assert!(coaches::is_novice(&leap, date(2025, 2, 27)));
    assert!(!coaches::is_novice(&leap, date(2025, 3, 1)));
}

#[test]
fn hours_count_this_school_year_only() {
    let today = date(2026, 11, 30);
    let cs = vec![coach("c", "2020-08-01", true)];
    let l = |date: &str, tenths| coaches::Learning {
        id: id(date),
        coach: id("c"),
        date: date.into(),
        kind: coaches::LearningKind::Conference,
        title: "X".into(),
        tenths,
        extra: Extra::new(),
    };
    let learning = vec![
        l("2026-06-30", 100),
        l("2026-07-01", 15),
        l("2026-11-01", 30),
    ];
    let settings = coaches::DevSettings::default();
    let rows = dev_rows(
        &Records {
            coaches: &cs,
            check_ins: &[],
            shadowing: &[],
            learning: &learning,
            settings: &settings,
        },
        today,
    );
    assert_eq!(rows[0].tenths, 45);
    assert_eq!(coaches::hours(45), "4.5 h");
    assert_eq!(
        coaches::school_year_label(coaches::school_year(today)),
        "2026\u{2013}27"
    );
}

#[test]
fn hours_are_typed_in_tenths() {
    assert_eq!(coaches::parse_hours("1.5"), Ok(15));
    assert_eq!(coaches::parse_hours("2"), Ok(20));
    assert_eq!(coaches::parse_hours("0,5"), Ok(5));
    assert!(coaches::parse_hours("0").is_err());
    assert!(coaches::parse_hours("1.25").is_err());
    assert!(coaches::parse_hours("-1").is_err());
    assert!(coaches::parse_hours("abc").is_err());
    assert!(coaches::parse_hours("201").is_err());
}

#[test]
fn removing_a_coach_takes_their_records_and_the_undo_brings_them_back() {
    let mut doc = crate::domain::demo::benson("2026-11-30T09:00:00Z");
    let before = doc.model.clone();
    let who = doc.model.coaches[0].id.clone();
    let r = doc.model.remove_coach(&who).unwrap();
    assert!(!doc.model.check_ins.iter().any(|c| c.coach == who));
    assert!(!doc.model.meetings.iter().any(|m| m.attended.contains(&who)));
    assert!(!r.check_ins.is_empty());
    doc.model.restore_coach(r);
    // Exactly as before: every record back in its place.
    assert_eq!(doc.model, before);
}

#[test]
fn removing_a_school_takes_its_part_of_the_model_and_the_undo_puts_it_back() {
    let mut doc = crate::domain::demo::benson("2026-11-30T09:00:00Z");
    let before = doc.clone();
    let school = doc.model.adaptations[0].school.clone();
    let r = doc.remove_school(&school).unwrap();
    assert!(!doc.model.adaptations.iter().any(|a| a.school == school));
    assert!(!doc
        .model
        .sessions
        .iter()
        .any(|s| s.audience.school() == Some(&school)));
    assert!(!doc
        .model
        .coaches
        .iter()
        .any(|c| c.schools.contains(&school)));
    assert_eq!(doc.validate(), vec![]);
    doc.restore_school(r);
    assert_eq!(doc.model, before.model);
    assert_eq!(doc.schools, before.schools);
}

// ---- the demo ----

#[test]
fn the_demo_is_as_the_issue_describes_it() {
    let doc = crate::domain::demo::benson("2026-11-30T09:00:00Z");
    let m = &doc.model;
    // A published charter with an edit history of one change.
    assert_eq!(m.versions.len(), 2);
    assert_eq!(m.changes_in(2).len(), 1);
    assert!(m.unpublished().is_empty());
    // Five district goals, some aligned and one gap.
    let c = m.in_force();
    assert_eq!(
        c.goals.iter().filter(|g| g.kind == GoalKind::Goal).count(),
        5
    );
    let g = gaps(c);
    assert_eq!((g.goals.len(), g.outcomes.len()), (1, 0));
    // Stakeholders with two sign-offs pending.
    assert_eq!(c.pending_sign_offs().len(), 2);
    // Sessions held at the year-1 schools.
    assert!(staffing::schools_in_coaching(&doc)
        .iter()
        .all(|s| s.sessions.held > 0));
    // Two adaptations, one touching a non-negotiable.
    assert_eq!(m.adaptations.len(), 2);
    assert_eq!(
        m.adaptations
            .iter()
            .filter(|a| rollout::touches_non_negotiable(a, c))
            .count(),
        1
    );
    // Seven coaches for year 1, with one flag of each kind.
    assert_eq!(m.coaches.len(), 7);
    let rows = dev_rows(&m.records(), date(2026, 11, 30));
    for f in DevFlag::ALL {
        assert_eq!(
            rows.iter().filter(|r| r.flags.contains(&f)).count(),
            1,
            "{f:?}"
        );
    }
    assert_eq!(doc.validate(), vec![]);
    // Whenever it is loaded.
    let later = crate::domain::demo::benson("2027-03-02T09:00:00Z");
    let rows = dev_rows(&later.model.records(), date(2027, 3, 2));
    for f in DevFlag::ALL {
        assert_eq!(
            rows.iter().filter(|r| r.flags.contains(&f)).count(),
            1,
            "{f:?} in March"
        );
    }
    let _ = demo::FALLBACK_TODAY;
    let _ = Section::Model;
}
