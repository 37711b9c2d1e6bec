//! The Benson demo's coaching model: a charter published twice (the second version changes
//! one target), five district goals with one gap, stakeholders with two sign-offs pending,
//! sessions held at the year-1 schools, two campus adaptations (one touches a
//! non-negotiable), and seven coaches for year 1 with their mentors, check-ins, shadowing
//! days and learning, and one flag of each kind.
//!
//! Dates that drive the flags are counted back from the day the demo is loaded, so the demo
//! shows the same flags whenever it is opened.

use super::charter::{
    Charter, Element, Goal, GoalKind, Outcome, Part, Responsibility, Stakeholder, Statement,
};
use super::coaches::{
    CheckIn, Coach, DayStatus, Learning, LearningKind, Meeting, Mentor, ShadowDay,
};
use super::rollout::{Adaptation, Approval, Aspect, Audience, Session, Status};
use super::staffing;
use super::Model;
use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::Document;
use time::{Date, Duration};

/// The day the demo counts back from when the load time can't be read.
pub const FALLBACK_TODAY: Date = match Date::from_calendar_date(2026, time::Month::November, 30) {
    Ok(d) => d,
    Err(_) => panic!("a date"),
};

fn id(s: &str) -> Id {
    Id::fixed(s)
}

fn s(x: &str) -> String {
    x.to_string()
}

/// The charter as version 1 published it.
pub fn charter() -> Charter {
    use Part::{Consulted as C, Informed as I, Leads as L, Supports as S};
    let outcome = |key: &str, title: &str, indicator: &str, baseline: &str, target: &str| Outcome {
        id: id(&format!("outcome-{key}")),
        title: s(title),
        indicator: s(indicator),
        baseline: s(baseline),
        target: s(target),
        by: s("2027-06-30"),
        extra: Extra::new(),
    };
    let row = |key: &str, text: &str, parts: [Option<Part>; 4]| Responsibility {
        id: id(&format!("role-{key}")),
        text: s(text),
        parts,
        extra: Extra::new(),
    };
    let statement = |key: &str, text: &str, is: bool| Statement {
        id: id(&format!("is-{key}")),
        text: s(text),
        is,
        extra: Extra::new(),
    };
    let goal = |key: &str, kind: GoalKind, title: &str, served: &[&str]| Goal {
        id: id(&format!("goal-{key}")),
        kind,
        title: s(title),
        served_by: served.iter().map(|o| id(&format!("outcome-{o}"))).collect(),
        extra: Extra::new(),
    };
    let stakeholder = |key: &str, name: &str, input: &str, signed: bool, on: &str| Stakeholder {
        id: id(&format!("stakeholder-{key}")),
        name: s(name),
        input: s(input),
        signed_off: signed,
        on: s(on),
        extra: Extra::new(),
    };
    let element = |key: &str, name: &str, nn: bool| Element {
        id: id(&format!("element-{key}")),
        name: s(name),
        non_negotiable: nn,
        extra: Extra::new(),
    };
    Charter {
        name: s("Impact cycle coaching"),
        research: s("Coaches and teachers work in cycles: identify a goal from a clear picture of current reality, learn a teaching strategy, and improve until the goal is met."),
        citation: s("Knight, J. (2018). The Impact Cycle. Corwin."),
        vision: s("Every Benson teacher has a thinking partner, and every student learns from a teacher who keeps growing."),
        outcomes: vec![
            outcome("cycles", "Teachers in a coaching cycle", "% of teachers in a coaching cycle each semester", "20%", "50%"),
            outcome("goals-met", "Cycle goals met", "% of coaching cycles that meet the teacher's goal", "45%", "65%"),
            outcome("engagement", "Student engagement", "Average engagement on the district's walkthrough tool (1-4)", "2.4", "3.0"),
            outcome("trust", "Teachers who trust coaching", "% of teachers who agree coaching is confidential and useful (spring survey)", "58%", "80%"),
        ],
        roles: vec![
            row("goals", "Set each coaching cycle's goal", [Some(S), Some(L), Some(I), None]),
            row("schedule", "Protect time for coaching in the schedule", [Some(C), Some(I), Some(L), Some(S)]),
            row("data", "Gather student data for a cycle", [Some(L), Some(S), None, Some(S)]),
            row("pd", "Plan coaches' professional learning", [Some(C), None, Some(I), Some(L)]),
            row("evaluate", "Evaluate teachers", [None, Some(I), Some(L), Some(S)]),
            row("report", "Report the program's outcomes to the board", [Some(S), None, Some(C), Some(L)]),
        ],
        statements: vec![
            statement("partner", "A partnership between equals, chosen by the teacher", true),
            statement("confidential", "Confidential: what a teacher shares with a coach stays between them", true),
            statement("evaluator", "An evaluation: a coach is not an evaluator and writes no reports on teachers", false),
            statement("fix", "A fix for struggling teachers only", false),
        ],
        goals: vec![
            goal("literacy", GoalKind::Goal, "Every student reads on grade level by grade 3", &["cycles", "goals-met"]),
            goal("engagement", GoalKind::Goal, "Students engaged in rigorous, student-centred learning", &["engagement"]),
            goal("retention", GoalKind::Goal, "Keep 90% of our teachers each year", &["trust"]),
            goal("growth", GoalKind::Goal, "Every teacher grows in practice each year", &["cycles"]),
            goal("family", GoalKind::Goal, "Families as partners in every school", &[]),
            goal("mtss", GoalKind::Initiative, "Multi-tiered systems of support (MTSS)", &["goals-met"]),
            goal("devices", GoalKind::Initiative, "One device per student", &["engagement"]),
        ],
        stakeholders: vec![
            stakeholder("curriculum", "District curriculum team", "Asked that cycles use the adopted curriculum's units.", true, "2026-05-12"),
            stakeholder("it", "District IT team", "Will support the walkthrough tool and coaches' devices.", true, "2026-05-14"),
            stakeholder("admins", "Building administrators", "Want coaching time protected in the master schedule.", true, "2026-05-20"),
            stakeholder("coaches", "Existing coaches", "Asked for a mentor for every new coach.", true, "2026-05-21"),
            stakeholder("principals", "Principals' council", "Reviewing the roles matrix; meets again in the autumn.", false, "2026-06-02"),
            stakeholder("union", "Teachers' association", "Asked for confidentiality in writing before signing.", false, "2026-06-04"),
        ],
        elements: vec![
            element("cycle", "The coaching cycle (identify, learn, improve)", false),
            element("time", "Coaching time in the weekly schedule", false),
            element("focus", "The focus of coaching cycles", false),
            element("confidential", "Confidentiality of coaching conversations", true),
            element("not-evaluator", "Coaches never evaluate teachers", true),
        ],
        extra: Extra::new(),
    }
}

/// (ID, name, background, teachers served, mentor: (name, from outside, from where))
type Person = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    Option<(&'static str, bool, &'static str)>,
);

fn day(from: Date, back: i64) -> String {
    dates::iso(from - Duration::days(back))
}

/// Add the coaching model to the demo district, as of `today`.
pub fn add(doc: &mut Document, today: Date) {
    // Version 1, then version 2 with one change: a higher target for cycles.
    let mut m = Model {
        draft: charter(),
        ..Model::default()
    };
    m.publish(
        "2026-06-15",
        "Adopted by the superintendent's cabinet after the spring consultations.",
    )
    .expect("the demo charter publishes");
    if let Some(o) = m
        .draft
        .outcomes
        .iter_mut()
        .find(|o| o.id.as_str() == "outcome-cycles")
    {
        o.target = s("60%");
    }
    m.publish(
        "2026-08-20",
        "Raised the cycles target after the principals' summer retreat.",
    )
    .expect("the demo charter's second version publishes");

    let year_one: Vec<Id> = staffing::years(doc)
        .first()
        .map(|y| {
            y.placed
                .iter()
                .chain(&y.waiting)
                .map(|s| s.school.clone())
                .collect()
        })
        .unwrap_or_default();

    // Shared understanding: the leaders' session, then each year-1 school's staff.
    m.sessions.push(Session {
        id: id("session-leaders"),
        audience: Audience::Leaders,
        date: s("2026-08-24"),
        status: Status::Held,
        attendance: 31,
        notes: s("Coaches and school administrators: the charter, the roles matrix, and what coaching is not."),
        extra: Extra::new(),
    });
    for (i, school) in year_one.iter().enumerate() {
        m.sessions.push(Session {
            id: id(&format!("session-staff-{school}")),
            audience: Audience::Staff(school.clone()),
            date: day(today, 70 - 2 * i as i64),
            status: Status::Held,
            attendance: 28 + 3 * i as u32,
            notes: s(
                "Staff meeting: the coach introduced the model and the confidentiality promise.",
            ),
            extra: Extra::new(),
        });
    }
    if let (Some(a), Some(b)) = (year_one.first(), year_one.get(1)) {
        m.adaptations.push(Adaptation {
            id: id("adaptation-schedule"),
            school: a.clone(),
            aspect: Aspect::Schedule,
            element: id("element-time"),
            what: s("Coaching time moves to the last period on Wednesdays, the early-release day."),
            why: s("The school's master schedule has no common planning period; early release is the only shared time."),
            recorded_on: day(today, 40),
            approved: Some(Approval { on: day(today, 35), by: s("Coach champion") }),
            extra: Extra::new(),
        });
        m.adaptations.push(Adaptation {
            id: id("adaptation-observations"),
            school: b.clone(),
            aspect: Aspect::Approach,
            element: id("element-not-evaluator"),
            what: s("The coach shares classroom observation notes with the principal."),
            why: s("The principal wants one picture of instruction for the improvement plan."),
            recorded_on: day(today, 12),
            approved: None,
            extra: Extra::new(),
        });
    }

    // Seven coaches for year 1: four novices who start this year, three experienced.
    let novice_start = day(today, 95);
    let people: [Person; 7] = [
        (
            "coach-okafor",
            "Grace Okafor",
            "Coach since 2021; former grade 3 teacher.",
            24,
            Some(("Dr. Lena Ortiz", true, "Regional coaching network")),
        ),
        (
            "coach-lindqvist",
            "Erik Lindqvist",
            "Coach since 2019; former high-school science teacher.",
            31,
            Some(("Dr. Lena Ortiz", true, "Regional coaching network")),
        ),
        (
            "coach-mensah",
            "Ama Mensah",
            "Coach since 2022; former reading interventionist.",
            27,
            Some(("Grace Okafor", false, "Benson coach")),
        ),
        (
            "coach-duarte",
            "Rafael Duarte",
            "New coach; 11 years teaching middle-school math.",
            22,
            Some(("Erik Lindqvist", false, "Benson coach")),
        ),
        (
            "coach-nguyen",
            "Linh Nguyen",
            "New coach; 9 years teaching grade 5.",
            19,
            Some(("Ama Mensah", false, "Benson coach")),
        ),
        (
            "coach-harlow",
            "Beth Harlow",
            "New coach; 14 years teaching English.",
            26,
            None,
        ),
        (
            "coach-patel",
            "Sanjay Patel",
            "New coach; 8 years teaching kindergarten.",
            18,
            Some(("Grace Okafor", false, "Benson coach")),
        ),
    ];
    let experienced_start = ["2021-08-02", "2019-08-05", "2022-08-01"];
    for (i, (key, name, background, teachers, mentor)) in people.into_iter().enumerate() {
        m.coaches.push(Coach {
            id: id(key),
            name: s(name),
            schools: year_one.get(i).cloned().into_iter().collect(),
            started: experienced_start
                .get(i)
                .map_or(novice_start.clone(), |d| s(d)),
            background: s(background),
            teachers,
            mentor: mentor.map(|(n, outside, from)| Mentor {
                name: s(n),
                outside,
                from: s(from),
            }),
            extra: Extra::new(),
        });
    }
    // Check-ins every two weeks or so; Ama Mensah's last is five weeks ago (a flag).
    let check_ins: [(&str, &[i64]); 6] = [
        ("coach-okafor", &[40, 26, 12]),
        ("coach-lindqvist", &[44, 30, 9]),
        ("coach-mensah", &[63, 49, 35]),
        ("coach-duarte", &[38, 24, 10]),
        ("coach-nguyen", &[33, 19, 5]),
        ("coach-patel", &[36, 22, 8]),
    ];
    for (coach, days) in check_ins {
        for (n, back) in days.iter().enumerate() {
            m.check_ins.push(CheckIn {
                id: id(&format!("check-in-{coach}-{n}")),
                coach: id(coach),
                date: day(today, *back),
                topics: s([
                    "Building trust with a hesitant team",
                    "Choosing cycle goals from student work",
                    "Balancing coaching and duties",
                ][n % 3]),
                next_steps: s([
                    "Ask two teachers to co-plan next week.",
                    "Bring a cycle goal to the coaches' meeting.",
                    "Protect Thursday mornings for coaching.",
                ][n % 3]),
                extra: Extra::new(),
            });
        }
    }
    // Novices shadow by a date the district set; Sanjay Patel has only a planned day (a flag).
    m.settings.shadow_by = Some(day(today, 21));
    for (novice, host, back, status) in [
        ("coach-duarte", "coach-lindqvist", 50, DayStatus::Held),
        ("coach-nguyen", "coach-okafor", 45, DayStatus::Held),
        ("coach-harlow", "coach-mensah", 30, DayStatus::Held),
        ("coach-patel", "coach-okafor", -10, DayStatus::Planned),
    ] {
        m.shadowing.push(ShadowDay {
            id: id(&format!("shadow-{novice}")),
            coach: id(novice),
            host: id(host),
            date: day(today, back),
            status,
            extra: Extra::new(),
        });
    }
    for (n, back) in [56, 28].into_iter().enumerate() {
        m.meetings.push(Meeting {
            id: id(&format!("meeting-{n}")),
            date: day(today, back),
            agenda: s([
                "Launching first cycles; the confidentiality promise in practice",
                "Cycle goals from student work; scheduling with principals",
            ][n]),
            attended: m.coaches.iter().map(|c| c.id.clone()).take(7 - n).collect(),
            challenges: s([
                "Finding time with teachers who have no common planning.",
                "Principals asking coaches about individual teachers.",
            ][n]),
            successes: s([
                "Every coach has at least two teachers in a cycle.",
                "Two cycles met their goals early.",
            ][n]),
            extra: Extra::new(),
        });
    }
    let learning = [
        (
            "coach-okafor",
            LearningKind::Conference,
            "State coaching conference",
            120,
            60,
        ),
        (
            "coach-lindqvist",
            LearningKind::NetworkOutside,
            "Regional coaches' network",
            30,
            40,
        ),
        (
            "coach-mensah",
            LearningKind::Training,
            "Literacy coaching institute",
            180,
            75,
        ),
        (
            "coach-duarte",
            LearningKind::Training,
            "New coach academy, days 1-3",
            210,
            90,
        ),
        (
            "coach-nguyen",
            LearningKind::Training,
            "New coach academy, days 1-3",
            210,
            90,
        ),
        (
            "coach-harlow",
            LearningKind::Training,
            "New coach academy, days 1-3",
            210,
            90,
        ),
        (
            "coach-patel",
            LearningKind::Training,
            "New coach academy, days 1-3",
            210,
            90,
        ),
        (
            "coach-duarte",
            LearningKind::NetworkInside,
            "Benson coaches' book study",
            20,
            15,
        ),
    ];
    for (n, (coach, kind, title, tenths, back)) in learning.into_iter().enumerate() {
        m.learning.push(Learning {
            id: id(&format!("learning-{n}")),
            coach: id(coach),
            date: day(today, back),
            kind,
            title: s(title),
            tenths,
            extra: Extra::new(),
        });
    }
    doc.model = m;
}
