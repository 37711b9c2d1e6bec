//! The Benson demo's executive coaching: the principals of the four lowest-performing
//! schools work with a leadership coach, in different phases and tiers, two of them in a
//! Gold cohort; Harbor View is behind pace.

use super::engagement::{Cadence, Contact, Kind, Rating, Setup, Stance, Strand, Weekly};
use super::{Executive, Session};
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::Document;

const START: &str = "2026-08-31";
const END: &str = "2027-06-11";

fn id(s: &str) -> Id {
    Id::fixed(s)
}

/// (date, kind, minutes, observation, stance, strand, shared, private)
type Row = (
    &'static str,
    Kind,
    u32,
    bool,
    Stance,
    Strand,
    &'static str,
    &'static str,
);

fn contacts(prefix: &str, rows: &[Row]) -> Vec<Contact> {
    rows.iter()
        .enumerate()
        .map(
            |(i, &(date, kind, minutes, observation, stance, strand, shared, private))| Contact {
                id: id(&format!("{prefix}-c{}", i + 1)),
                date: date.into(),
                kind,
                minutes,
                observation,
                stance: Some(stance),
                strand: Some(strand),
                objective: None,
                shared_notes: shared.into(),
                private_notes: private.into(),
                session: None,
                extra: Extra::new(),
            },
        )
        .collect()
}

fn setup(principal: &str, school: &str, coach: &str, tier: &str, cohort: Option<&str>) -> Setup {
    Setup {
        principal: principal.into(),
        school_id: Some(id(school)),
        coach: coach.into(),
        tier_id: Some(id(tier)),
        start: START.into(),
        end: END.into(),
        superintendent: "Dr. Angela Reyes".into(),
        cohort: cohort.map(id),
    }
}

fn reflect(x: &mut Executive, e: &str, levels: [u8; 5], evidence: [&str; 5]) {
    let e = x.engagement_mut(&id(e)).expect("a demo engagement");
    for (i, s) in Strand::ALL.into_iter().enumerate() {
        e.set_reflection(false, s, levels[i], evidence[i])
            .expect("demo reflection");
    }
    e.reflection.completed_on = "2026-09-18".into();
}

use Kind::{Email, OffSite, OnSite, Phone};
use Stance::{Facilitative as Fac, Instructional as Ins};
use Strand::{
    CultureForLearning as Cul, HumanRelationships as Hum, SystemsThinking as Sys,
    TeachingAndLearning as TL, Vision as Vis,
};

const NORTHGATE: [Row; 18] = [
    (
        "2026-09-02",
        OnSite,
        360,
        false,
        Fac,
        Sys,
        "Met with Ms. Whitfield and the superintendent to agree the process and the calendar.",
        "",
    ),
    (
        "2026-09-09",
        OnSite,
        300,
        true,
        Ins,
        TL,
        "Walked grade 7 and 8 math classes together; noted where the new curriculum is in use.",
        "Whitfield hesitant to name the two teachers who resist the PLC schedule.",
    ),
    (
        "2026-09-14",
        Phone,
        30,
        false,
        Fac,
        Sys,
        "Talked through the state test item analysis.",
        "",
    ),
    (
        "2026-09-16",
        OnSite,
        330,
        false,
        Fac,
        Vis,
        "Self-reflection: vision and systems thinking strands.",
        "",
    ),
    (
        "2026-09-23",
        OnSite,
        300,
        true,
        Ins,
        TL,
        "Observed two PLC meetings; data protocol introduced.",
        "The assistant principal undercuts meetings; raise carefully.",
    ),
    (
        "2026-09-29",
        OffSite,
        120,
        false,
        Fac,
        Hum,
        "Leadership team retreat at the district office.",
        "",
    ),
    (
        "2026-10-07",
        OnSite,
        300,
        false,
        Fac,
        Sys,
        "Agreed the three key objectives and their indicators.",
        "",
    ),
    (
        "2026-10-09",
        Email,
        15,
        false,
        Ins,
        TL,
        "Sent the data protocol and two model agendas.",
        "",
    ),
    (
        "2026-10-14",
        OnSite,
        300,
        true,
        Ins,
        TL,
        "Co-observed reading intervention blocks.",
        "",
    ),
    (
        "2026-10-21",
        OnSite,
        300,
        false,
        Fac,
        Cul,
        "Work plan drafted with action steps and PD.",
        "Whitfield worried about her evaluation; reassured that coaching is separate.",
    ),
    (
        "2026-10-27",
        OffSite,
        150,
        false,
        Fac,
        Sys,
        "Session with the superintendent on the improvement plan's targets.",
        "",
    ),
    (
        "2026-10-28",
        OnSite,
        300,
        true,
        Ins,
        TL,
        "Feedback cycles with three new teachers.",
        "",
    ),
    (
        "2026-11-04",
        OnSite,
        300,
        false,
        Fac,
        Cul,
        "Distributed leadership: the team leads ran the data meeting.",
        "",
    ),
    (
        "2026-11-06",
        Phone,
        20,
        false,
        Fac,
        Hum,
        "Debriefed a difficult parent meeting.",
        "Parent complaint may go to the board; keep an eye on it.",
    ),
    (
        "2026-11-11",
        OnSite,
        300,
        true,
        Ins,
        TL,
        "Observed math interventions; fidelity improving.",
        "",
    ),
    (
        "2026-11-17",
        OffSite,
        120,
        false,
        Fac,
        Sys,
        "Quarterly review with the leadership team.",
        "",
    ),
    (
        "2026-11-18",
        OnSite,
        300,
        false,
        Fac,
        Cul,
        "Walkthrough with the new team leads.",
        "",
    ),
    (
        "2026-11-24",
        Email,
        10,
        false,
        Fac,
        Sys,
        "Shared the draft mid-year report.",
        "",
    ),
];

const HARBOR: [Row; 7] = [
    (
        "2026-09-03",
        OnSite,
        300,
        false,
        Fac,
        Sys,
        "First meeting with Mr. Ortega and the superintendent: the process, the calendar.",
        "",
    ),
    (
        "2026-09-21",
        Phone,
        30,
        false,
        Fac,
        Vis,
        "Planned the self-reflection.",
        "",
    ),
    (
        "2026-10-05",
        Email,
        10,
        false,
        Ins,
        TL,
        "Sent the school data review template.",
        "",
    ),
    (
        "2026-10-13",
        Phone,
        45,
        false,
        Fac,
        Hum,
        "Self-reflection on human relationships and culture.",
        "Staff turnover is weighing on him; two resignations pending.",
    ),
    (
        "2026-10-26",
        OffSite,
        90,
        false,
        Fac,
        Sys,
        "Reviewed the school data at the district office.",
        "",
    ),
    (
        "2026-11-09",
        Phone,
        30,
        false,
        Fac,
        Sys,
        "Discussed possible key objectives.",
        "",
    ),
    (
        "2026-11-16",
        Email,
        10,
        false,
        Fac,
        Sys,
        "Sent a draft of two objectives.",
        "",
    ),
];

const CANAL: [Row; 4] = [
    (
        "2026-09-08",
        OnSite,
        180,
        false,
        Fac,
        Sys,
        "Opening visit: the process and the data review.",
        "",
    ),
    (
        "2026-10-06",
        OnSite,
        120,
        true,
        Ins,
        TL,
        "Walked K-2 reading blocks.",
        "Ms. Okafor unsure the literacy coach is the right fit.",
    ),
    (
        "2026-10-20",
        Phone,
        30,
        false,
        Fac,
        Vis,
        "Self-reflection: vision.",
        "",
    ),
    (
        "2026-11-10",
        OnSite,
        150,
        false,
        Fac,
        Cul,
        "Self-reflection: culture for learning, with evidence from the climate survey.",
        "",
    ),
];

const RIVERSIDE: [Row; 5] = [
    (
        "2026-09-10",
        OnSite,
        240,
        false,
        Fac,
        Sys,
        "Opening visit with the superintendent.",
        "",
    ),
    (
        "2026-09-24",
        OnSite,
        180,
        true,
        Ins,
        TL,
        "Observed ninth-grade English; talked about the freshman academy.",
        "",
    ),
    (
        "2026-10-15",
        OnSite,
        180,
        false,
        Fac,
        Sys,
        "Agreed two objectives: ninth-grade on-track rate and attendance.",
        "",
    ),
    (
        "2026-11-05",
        Phone,
        40,
        false,
        Fac,
        Hum,
        "Planned the attendance team's first meeting.",
        "Brennan thinking about retiring next year.",
    ),
    (
        "2026-11-19",
        OnSite,
        180,
        false,
        Ins,
        TL,
        "Work plan: action steps for the freshman academy.",
        "",
    ),
];

/// Add the demo's executive coaching to the Benson district.
pub fn add(doc: &mut Document) {
    let schools = doc.schools.clone();
    let x = &mut doc.executive;
    x.add_cohort(id("cohort-benson-valley"), "Benson Valley principals")
        .expect("a new cohort");
    for (eid, s) in [
        (
            "eng-northgate",
            setup(
                "Dana Whitfield",
                "northgate-ms",
                "Dr. Ellen Marsh",
                "tier-diamond",
                None,
            ),
        ),
        (
            "eng-harbor-view",
            setup(
                "Luis Ortega",
                "harbor-view-es",
                "Marcus Bell",
                "tier-platinum",
                None,
            ),
        ),
        (
            "eng-canal-street",
            setup(
                "Grace Okafor",
                "canal-street-es",
                "Marcus Bell",
                "tier-gold",
                Some("cohort-benson-valley"),
            ),
        ),
        (
            "eng-riverside",
            setup(
                "Tom Brennan",
                "riverside-hs",
                "Dr. Ellen Marsh",
                "tier-gold",
                Some("cohort-benson-valley"),
            ),
        ),
    ] {
        x.add(id(eid), &s, &schools).expect("a demo engagement");
    }
    for (eid, rows) in [
        ("eng-northgate", &NORTHGATE[..]),
        ("eng-harbor-view", &HARBOR[..]),
        ("eng-canal-street", &CANAL[..]),
        ("eng-riverside", &RIVERSIDE[..]),
    ] {
        let e = x.engagement_mut(&id(eid)).expect("a demo engagement");
        for c in contacts(eid, rows) {
            e.log(c).expect("a demo contact");
        }
    }

    // Northgate: the whole way to implementation.
    reflect(
        x,
        "eng-northgate",
        [2, 3, 2, 3, 2],
        [
            "The improvement plan lists twelve priorities; no one could say which three matter most.",
            "Staff survey: 81% agree all students can meet grade-level standards.",
            "PLCs meet, but rarely look at student work.",
            "Strong relationships with families; new staff feel welcome.",
            "Decisions are made by the principal alone; team leads want more say.",
        ],
    );
    let n = x.engagement_mut(&id("eng-northgate")).expect("demo");
    n.set_data_review("Math proficiency 27%, reading 31%; chronic absence 19%. The improvement plan's three goals are literacy, math intervention and attendance; only literacy has interim measures.").expect("demo");
    n.advance("2026-09-25", None).expect("phase 1 complete");
    for (oid, title, indicators, cadence) in [
        ("obj-ng-plc", "PLCs use student work to plan instruction", "Every PLC brings student work at least twice a month (agendas); common assessments in math by January.", Cadence::Monthly),
        ("obj-ng-math", "Math intervention reaches every student two grade levels behind", "Intervention roster covers 100% of eligible students; mid-year benchmark growth of 10 points.", Cadence::Weekly),
        ("obj-ng-leads", "Team leads share instructional decisions", "Team leads run the monthly data meeting; staff survey item on voice rises from 42% to 60%.", Cadence::Quarterly),
    ] {
        n.add_objective(id(oid), title, indicators, cadence).expect("demo");
    }
    n.set_focus(
        "Instructional leadership through data; distributing leadership to team leads.",
        "Weekly on-site day, Wednesdays. What is said stays between coach and principal unless both agree to share. The coach is not an evaluator.",
    )
    .expect("demo");
    n.agree("2026-10-07").expect("a valid plan");
    n.advance("2026-10-07", None).expect("phase 2 complete");
    for (oid, k, action, owner, start, due, pd, done) in [
        (
            "obj-ng-plc",
            1,
            "Adopt a student-work protocol for PLCs",
            "Dana Whitfield",
            "2026-10-12",
            "2026-11-06",
            "Looking at student work: two-hour session for team leads",
            true,
        ),
        (
            "obj-ng-plc",
            2,
            "Build common assessments for grades 6–8 math",
            "Math team lead",
            "2026-11-02",
            "2027-01-15",
            "",
            false,
        ),
        (
            "obj-ng-math",
            1,
            "Rebuild the intervention roster from fall benchmarks",
            "Assistant principal",
            "2026-10-12",
            "2026-10-30",
            "",
            true,
        ),
        (
            "obj-ng-math",
            2,
            "Weekly fidelity walkthroughs of intervention blocks",
            "Dana Whitfield",
            "2026-11-02",
            "2027-05-28",
            "Walkthrough calibration with the coach",
            false,
        ),
        (
            "obj-ng-leads",
            1,
            "Team leads run the monthly data meeting",
            "Dana Whitfield",
            "2026-11-01",
            "2027-05-31",
            "Facilitation training for team leads",
            false,
        ),
    ] {
        n.add_step(
            &id(oid),
            id(&format!("{oid}-s{k}")),
            action,
            owner,
            start,
            due,
            pd,
        )
        .expect("demo");
        if done {
            n.set_step_done(&id(oid), &id(&format!("{oid}-s{k}")), true)
                .expect("demo");
        }
    }
    n.advance("2026-10-23", None).expect("phase 3 complete");
    for (oid, k, date, rating, evidence) in [
        (
            "obj-ng-plc",
            1,
            "2026-11-04",
            Rating::SomeProgress,
            "Four of six PLCs brought student work in October.",
        ),
        (
            "obj-ng-math",
            1,
            "2026-11-04",
            Rating::OnTrack,
            "Roster covers 96% of eligible students.",
        ),
        (
            "obj-ng-math",
            2,
            "2026-11-11",
            Rating::OnTrack,
            "Roster at 100%; fidelity walkthroughs under way.",
        ),
        (
            "obj-ng-math",
            3,
            "2026-11-18",
            Rating::OnTrack,
            "Fidelity at 85% in walkthroughs.",
        ),
    ] {
        n.add_check(&id(oid), id(&format!("{oid}-k{k}")), date, rating, evidence)
            .expect("demo");
    }
    n.next_steps = "Common assessments drafted by January; mid-year benchmark review with the superintendent in February.".into();
    n.set_weekly(Some(Weekly {
        weekday: 3,
        time: "08:00".into(),
        place: "Principal\u{2019}s office".into(),
    }))
    .expect("demo");
    for c in n.contacts.iter_mut() {
        c.objective = match c.strand {
            Some(Strand::TeachingAndLearning) => Some(id("obj-ng-plc")),
            Some(Strand::CultureForLearning) => Some(id("obj-ng-leads")),
            _ => None,
        };
    }

    // Harbor View: planning, one objective drafted without indicators, behind on on-site days.
    reflect(
        x,
        "eng-harbor-view",
        [2, 3, 2, 2, 2],
        [
            "Improvement plan written by the previous principal; not yet revisited.",
            "Staff believe in students; expectations vary by grade.",
            "Little common planning time in the master schedule.",
            "High turnover: nine new teachers this year.",
            "Climate survey shows staff feel unheard.",
        ],
    );
    let h = x.engagement_mut(&id("eng-harbor-view")).expect("demo");
    h.set_data_review(
        "Reading 23%, math 20%; nine new teachers. The improvement plan predates the principal.",
    )
    .expect("demo");
    h.advance("2026-10-28", None).expect("phase 1 complete");
    h.add_objective(
        id("obj-hv-retain"),
        "Keep and grow new teachers",
        "Eight of nine new teachers return next year; each has a mentor by December.",
        Cadence::Monthly,
    )
    .expect("demo");
    h.add_objective(
        id("obj-hv-reading"),
        "Common reading block across K-5",
        "",
        Cadence::Monthly,
    )
    .expect("demo");
    h.set_weekly(Some(Weekly {
        weekday: 2,
        time: "13:00".into(),
        place: String::new(),
    }))
    .expect("demo");
    h.next_steps = "Agree the plan, and book the on-site days: 14 remain.".into();

    // Canal Street: still in assessment and reflection.
    let c = x.engagement_mut(&id("eng-canal-street")).expect("demo");
    for (s, level, evidence) in [
        (
            Strand::Vision,
            3,
            "The mission statement is on every wall; staff can say it.",
        ),
        (
            Strand::CultureForLearning,
            2,
            "Climate survey: 58% of staff feel safe raising concerns.",
        ),
        (Strand::SystemsThinking, 2, ""),
    ] {
        c.set_reflection(false, s, level, evidence).expect("demo");
    }
    c.next_steps = "Finish the self-reflection; review the state data with the data coach.".into();

    // Riverside: work plan.
    reflect(
        x,
        "eng-riverside",
        [3, 3, 2, 3, 2],
        [
            "A clear improvement plan with measures.",
            "Freshman academy built on high expectations.",
            "Ninth-grade course failure rate 31%.",
            "Long-serving staff, strong department heads.",
            "Attendance team meets irregularly.",
        ],
    );
    let r = x.engagement_mut(&id("eng-riverside")).expect("demo");
    r.set_data_review("On-track rate in grade 9: 64%. Chronic absence 24%.")
        .expect("demo");
    r.advance("2026-10-02", None).expect("phase 1 complete");
    r.add_objective(
        id("obj-rs-ontrack"),
        "Ninth graders on track to graduate",
        "On-track rate from 64% to 75% by June.",
        Cadence::Quarterly,
    )
    .expect("demo");
    r.add_objective(
        id("obj-rs-attend"),
        "Lower chronic absence",
        "Chronic absence from 24% to 18%; the attendance team meets every week.",
        Cadence::Monthly,
    )
    .expect("demo");
    r.set_focus("Ninth-grade success and attendance.", "Monthly on-site visits; cohort meetings with Benson Valley principals. The coach is not an evaluator.").expect("demo");
    r.agree("2026-10-15").expect("a valid plan");
    r.advance("2026-10-15", None).expect("phase 2 complete");
    r.add_step(
        &id("obj-rs-ontrack"),
        id("obj-rs-ontrack-s1"),
        "Weekly grade checks for every ninth grader",
        "Freshman academy lead",
        "2026-11-02",
        "2027-06-04",
        "Early-warning data training",
    )
    .expect("demo");
    r.next_steps = "Finish the attendance steps of the work plan.".into();

    // The Gold cohort's meetings: logged once, counted for both.
    for (sid, date, minutes, strand, notes) in [
        (
            "session-bv-1",
            "2026-09-30",
            180,
            Strand::SystemsThinking,
            "Cohort launch: the process, and each school's data story.",
        ),
        (
            "session-bv-2",
            "2026-10-28",
            150,
            Strand::TeachingAndLearning,
            "Looking at student work together; protocols to take back.",
        ),
        (
            "session-bv-3",
            "2026-11-25",
            150,
            Strand::HumanRelationships,
            "Retaining new teachers: what is working.",
        ),
    ] {
        x.log_session(Session {
            id: id(sid),
            cohort: id("cohort-benson-valley"),
            date: date.into(),
            minutes,
            stance: Some(Stance::Facilitative),
            strand: Some(strand),
            shared_notes: notes.into(),
            private_notes: String::new(),
            absent: Vec::new(),
            extra: Extra::new(),
        })
        .expect("a demo session");
    }
}
