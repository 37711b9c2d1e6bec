//! The Benson demo district: 21 invented schools (12 elementary, 5 middle, 4 high).
//!
//! The figures are invented but plausible. Four schools are clearly the lowest-performing
//! (mean proficiency under 30%); the rest range from the high 40s to the high 70s. Later
//! capabilities extend the demo (readiness rounds, a phase-in plan, a Plus-team board) so
//! that every page has real content to show.

use super::district::OptOut;
use super::district::{District, Document, Extra, School, SchoolLevel};
use super::ids::Id;
use super::readiness::round::Agreed;
use super::readiness::{default_framework, Rater, Readiness, Role, Round};

pub const DEMO_DISTRICT_NAME: &str = "Benson School District";

/// (id, name, level, enrollment, % proficient reading, % proficient math, notes)
type Row = (
    &'static str,
    &'static str,
    SchoolLevel,
    u32,
    f64,
    f64,
    &'static str,
);

const SCHOOLS: [Row; 21] = [
    (
        "ash-grove-es",
        "Ash Grove Elementary",
        SchoolLevel::Elementary,
        412,
        71.0,
        66.0,
        "",
    ),
    (
        "birchwood-es",
        "Birchwood Elementary",
        SchoolLevel::Elementary,
        538,
        58.0,
        52.0,
        "",
    ),
    (
        "canal-street-es",
        "Canal Street Elementary",
        SchoolLevel::Elementary,
        467,
        24.0,
        19.0,
        "High mobility; a third of students new to the school each year.",
    ),
    (
        "dunmore-es",
        "Dunmore Elementary",
        SchoolLevel::Elementary,
        356,
        63.0,
        61.0,
        "",
    ),
    (
        "east-benson-es",
        "East Benson Elementary",
        SchoolLevel::Elementary,
        601,
        49.0,
        44.0,
        "",
    ),
    (
        "fairview-es",
        "Fairview Elementary",
        SchoolLevel::Elementary,
        389,
        77.0,
        74.0,
        "",
    ),
    (
        "glenhaven-es",
        "Glenhaven Elementary",
        SchoolLevel::Elementary,
        445,
        55.0,
        50.0,
        "",
    ),
    (
        "harbor-view-es",
        "Harbor View Elementary",
        SchoolLevel::Elementary,
        512,
        27.0,
        23.0,
        "New principal this year.",
    ),
    (
        "ironwood-es",
        "Ironwood Elementary",
        SchoolLevel::Elementary,
        298,
        68.0,
        64.0,
        "",
    ),
    (
        "juniper-es",
        "Juniper Elementary",
        SchoolLevel::Elementary,
        476,
        52.0,
        47.0,
        "",
    ),
    (
        "kestrel-park-es",
        "Kestrel Park Elementary",
        SchoolLevel::Elementary,
        430,
        60.0,
        57.0,
        "",
    ),
    (
        "linden-es",
        "Linden Elementary",
        SchoolLevel::Elementary,
        341,
        46.0,
        42.0,
        "",
    ),
    (
        "maple-ridge-ms",
        "Maple Ridge Middle School",
        SchoolLevel::Middle,
        742,
        54.0,
        45.0,
        "",
    ),
    (
        "northgate-ms",
        "Northgate Middle School",
        SchoolLevel::Middle,
        688,
        21.0,
        16.0,
        "Two assistant principal vacancies.",
    ),
    (
        "oak-hollow-ms",
        "Oak Hollow Middle School",
        SchoolLevel::Middle,
        615,
        62.0,
        55.0,
        "",
    ),
    (
        "pinecrest-ms",
        "Pinecrest Middle School",
        SchoolLevel::Middle,
        804,
        48.0,
        40.0,
        "",
    ),
    (
        "quarry-hill-ms",
        "Quarry Hill Middle School",
        SchoolLevel::Middle,
        570,
        57.0,
        49.0,
        "",
    ),
    (
        "benson-hs",
        "Benson High School",
        SchoolLevel::High,
        1640,
        59.0,
        43.0,
        "",
    ),
    (
        "riverside-hs",
        "Riverside High School",
        SchoolLevel::High,
        1385,
        26.0,
        18.0,
        "Ninth-grade on-track rate is the lowest in the district.",
    ),
    (
        "summit-hs",
        "Summit High School",
        SchoolLevel::High,
        1212,
        72.0,
        58.0,
        "",
    ),
    (
        "westbrook-hs",
        "Westbrook High School",
        SchoolLevel::High,
        1098,
        51.0,
        38.0,
        "",
    ),
];

/// The demo district as it is first loaded.
pub fn benson(created_at: &str) -> Document {
    let schools = SCHOOLS
        .iter()
        .map(
            |&(id, name, ref level, enrollment, reading, math, notes)| School {
                id: Id::fixed(id),
                name: name.to_string(),
                level: level.clone(),
                enrollment,
                reading_proficient: Some(reading),
                math_proficient: Some(math),
                notes: notes.to_string(),
                opt_out: None,
                extra: Extra::new(),
            },
        )
        .collect();
    let mut doc = Document {
        district: District {
            id: Id::fixed("benson-demo"),
            name: DEMO_DISTRICT_NAME.to_string(),
            is_demo: true,
            created_at: created_at.to_string(),
            extra: Extra::new(),
        },
        schools,
        readiness: Readiness::default(),
        phase_in: crate::domain::phase_in::PhaseIn::default(),
        plus: crate::domain::plus::Plus::default(),
        executive: crate::domain::executive::Executive::default(),
        model: crate::domain::model::Model::default(),
        extra: Extra::new(),
    };
    add_readiness(&mut doc, created_at);
    add_phase_in(&mut doc, created_at);
    doc.plus.boards.push(crate::domain::plus::demo::board());
    crate::domain::executive::demo::add(&mut doc);
    let today = created_at
        .get(..10)
        .and_then(crate::domain::dates::parse_shape)
        .unwrap_or(crate::domain::model::demo::FALLBACK_TODAY);
    crate::domain::model::demo::add(&mut doc, today);
    doc
}

/// The champion's plan as the seed tells it: one school placed in year 1 by hand, with the
/// rationale; readiness plans, each with a leadership coach, for the two lowest-performing
/// schools that wait; and a scenario kept apart from the plan.
fn add_phase_in(doc: &mut Document, created_at: &str) {
    use crate::domain::phase_in::{self, PinCheck, ReadinessPlan};
    let pinecrest = Id::fixed("pinecrest-ms");
    let needs_override = {
        let r = phase_in::rank(doc, &doc.phase_in.settings);
        matches!(
            phase_in::check_pin(&r, &doc.phase_in, &pinecrest, 1),
            PinCheck::NeedsOverride(_)
        )
    };
    phase_in::pin_school(
        doc,
        &pinecrest,
        1,
        "The principals\u{2019} council asked for a middle school with high need in year 1. Pinecrest\u{2019}s team rated itself frankly, and its principal has asked for a coach since spring.",
        needs_override,
        created_at,
    )
    .expect("the demo's pin fits the plan");
    for (school, coach, reassess) in [
        ("northgate-ms", "Dr. Ellen Marsh", "2027-05-14"),
        ("harbor-view-es", "Marcus Bell", "2027-05-21"),
    ] {
        let id = Id::fixed(school);
        let (baseline, goals) = {
            let r = phase_in::rank(doc, &doc.phase_in.settings);
            let i = r.find(&id).expect("a demo school");
            let s = &r.standings[i];
            let mut n = 0;
            let goals = phase_in::readiness_plan::suggest_goals(s, &doc.readiness, r.gate, || {
                n += 1;
                Id::fixed(format!("goal-{school}-{n}"))
            });
            (s.readiness.as_ref().map(|a| a.round_id.clone()), goals)
        };
        let mut plan = ReadinessPlan::new(id, baseline, goals, created_at);
        plan.leadership_coach = coach.to_string();
        plan.reassess_on = reassess.to_string();
        doc.phase_in.plans.push(plan);
    }
    let scenario = Id::fixed("scenario-stricter-gate");
    doc.phase_in
        .add_scenario(
            scenario.clone(),
            "Stricter gate: Emerging holds a school back",
            created_at,
        )
        .expect("a new scenario name");
    if let Some(s) = doc.phase_in.scenario_mut(&scenario) {
        s.settings.gate = Some(2);
    }
}

/// Agreed levels per criterion, in the default framework's order: collaboration,
/// commitment, efficacy, results, improvement, responsibility, principal, leadership.
type Levels = [u8; 8];

/// (school, round label, date, agreed levels). A school's rounds are listed oldest first.
const ROUNDS: [(&str, &str, &str, Levels); 20] = [
    (
        "fairview-es",
        "Fall 2026",
        "2026-10-06",
        [4, 4, 3, 4, 4, 4, 3, 4],
    ),
    (
        "ash-grove-es",
        "Fall 2026",
        "2026-10-07",
        [4, 3, 4, 3, 3, 4, 4, 3],
    ),
    (
        "ironwood-es",
        "Fall 2026",
        "2026-10-08",
        [3, 4, 3, 3, 4, 3, 4, 3],
    ),
    (
        "dunmore-es",
        "Fall 2026",
        "2026-10-09",
        [3, 3, 3, 3, 3, 4, 3, 3],
    ),
    // Low results, but a staff that owns them: two of the lowest four are ready.
    (
        "canal-street-es",
        "Fall 2026",
        "2026-10-13",
        [4, 4, 3, 2, 4, 4, 4, 3],
    ),
    (
        "riverside-hs",
        "Fall 2026",
        "2026-10-14",
        [3, 3, 3, 2, 4, 3, 4, 3],
    ),
    (
        "oak-hollow-ms",
        "Fall 2026",
        "2026-10-15",
        [3, 3, 3, 3, 3, 3, 3, 2],
    ),
    (
        "birchwood-es",
        "Fall 2026",
        "2026-10-16",
        [2, 3, 3, 3, 3, 2, 3, 3],
    ),
    (
        "quarry-hill-ms",
        "Fall 2026",
        "2026-10-20",
        [3, 2, 2, 3, 3, 2, 3, 2],
    ),
    (
        "glenhaven-es",
        "Fall 2026",
        "2026-10-21",
        [2, 3, 2, 2, 3, 3, 2, 3],
    ),
    (
        "maple-ridge-ms",
        "Fall 2026",
        "2026-10-22",
        [2, 2, 2, 2, 2, 2, 3, 2],
    ),
    (
        "juniper-es",
        "Fall 2026",
        "2026-10-23",
        [3, 2, 3, 2, 2, 3, 1, 2],
    ),
    (
        "east-benson-es",
        "Fall 2026",
        "2026-10-27",
        [2, 2, 2, 2, 3, 2, 2, 1],
    ),
    (
        "benson-hs",
        "Fall 2026",
        "2026-10-28",
        [2, 2, 1, 2, 2, 1, 3, 2],
    ),
    (
        "pinecrest-ms",
        "Spring 2026",
        "2026-04-14",
        [1, 2, 2, 2, 1, 2, 2, 2],
    ),
    (
        "pinecrest-ms",
        "Fall 2026",
        "2026-10-29",
        [2, 3, 2, 2, 2, 2, 3, 2],
    ),
    (
        "northgate-ms",
        "Spring 2026",
        "2026-04-15",
        [1, 1, 2, 1, 2, 1, 1, 2],
    ),
    (
        "northgate-ms",
        "Fall 2026",
        "2026-10-30",
        [2, 1, 2, 1, 2, 2, 1, 2],
    ),
    (
        "harbor-view-es",
        "Fall 2026",
        "2026-11-03",
        [2, 1, 2, 1, 2, 2, 2, 2],
    ),
    (
        "summit-hs",
        "Fall 2026",
        "2026-11-04",
        [3, 3, 3, 3, 2, 3, 3, 2],
    ),
];

/// Schools that self-selected out of first-year placement, with their reason.
const OPT_OUTS: [(&str, &str); 2] = [
    (
        "summit-hs",
        "We want more time to prepare for coaching as a routine part of our school improvement work.",
    ),
    (
        "kestrel-park-es",
        "Our new literacy curriculum starts this year; we would rather take a coach once it has settled in.",
    ),
];

const PRINCIPALS: [&str; 21] = [
    "Okafor",
    "Lindqvist",
    "Alvarez",
    "Brennan",
    "Nakamura",
    "Haddad",
    "Moreau",
    "Castillo",
    "Whitfield",
    "Petrova",
    "Osei",
    "Delgado",
    "Kowalski",
    "Ferreira",
    "Yamada",
    "Gallagher",
    "Mensah",
    "Duarte",
    "Sorensen",
    "Abernathy",
    "Iqbal",
];

/// A small deterministic hash, so the demo's individual ratings vary without randomness.
fn mix(a: &str, b: usize, c: usize) -> u32 {
    let mut h: u32 = 2166136261;
    for byte in a.bytes().chain([b as u8, c as u8]) {
        h ^= u32::from(byte);
        h = h.wrapping_mul(16777619);
    }
    h
}

fn rater_level(agreed: u8, school: &str, round: usize, rater: usize, criterion: usize) -> u8 {
    let offset: i8 = match mix(school, round * 8 + rater, criterion) % 6 {
        0 => -1,
        1 => 1,
        _ => 0,
    };
    (agreed as i8 + offset).clamp(1, 4) as u8
}

fn add_readiness(doc: &mut Document, created_at: &str) {
    let mut framework = default_framework();
    framework.created_at = created_at.to_string();
    let n = framework.criteria.len();
    let names = |level: &SchoolLevel| -> [&'static str; 3] {
        match level {
            SchoolLevel::Elementary => [
                "Grade 2 team lead",
                "Literacy specialist",
                "Special education lead",
            ],
            SchoolLevel::Middle => ["Math department chair", "ELA department chair", "Counselor"],
            // The demo has no other levels.
            SchoolLevel::High | SchoolLevel::Other(_) => [
                "Ninth-grade team lead",
                "Science department chair",
                "Instructional technology lead",
            ],
        }
    };
    let mut rounds = Vec::new();
    for (k, &(school_id, label, date, agreed)) in ROUNDS.iter().enumerate() {
        let (si, school) = doc
            .schools
            .iter()
            .enumerate()
            .find(|(_, s)| s.id.as_str() == school_id)
            .expect("demo rounds name demo schools");
        let round_id = format!("round-{school_id}-{}", &date[..7]);
        let mut raters = Vec::new();
        for (r, name) in names(&school.level).into_iter().enumerate() {
            raters.push((name.to_string(), Role::Member, r));
        }
        raters.push((format!("Principal {}", PRINCIPALS[si]), Role::Principal, 3));
        if k.is_multiple_of(3) {
            raters.push(("Julia Jackson".to_string(), Role::District, 4));
        }
        let raters = raters
            .into_iter()
            .map(|(name, role, r)| {
                let mut levels: Vec<u8> = (0..n)
                    .map(|c| rater_level(agreed[c], school_id, k, r, c))
                    .collect();
                if role == Role::Principal {
                    // Principals tend to see their school as readier than their teams do.
                    for (c, l) in levels.iter_mut().enumerate() {
                        if mix(school_id, 99, c).is_multiple_of(3) {
                            *l = (*l + 1).min(4);
                        }
                    }
                }
                if role == Role::Member && r == 0 && agreed[1] <= 2 {
                    // One team lead sees commitment quite differently: a real disagreement.
                    levels[1] = (agreed[1] + 2).min(4);
                }
                let mut evidence = vec![String::new(); n];
                if role == Role::Member && r == 1 {
                    evidence[0] = EVIDENCE[k % EVIDENCE.len()].to_string();
                }
                Rater {
                    id: Id::fixed(format!("{round_id}-r{r}")),
                    name,
                    role,
                    levels,
                    evidence,
                    pin: None,
                    cleared: None,
                    extra: Extra::new(),
                }
            })
            .collect();
        let consensus = agreed
            .iter()
            .enumerate()
            .map(|(c, &level)| Agreed {
                level,
                note: if level == 1 {
                    GATE_NOTES[c].to_string()
                } else {
                    String::new()
                },
            })
            .collect();
        rounds.push(Round {
            id: Id::fixed(round_id),
            school_id: Id::fixed(school_id),
            label: label.to_string(),
            date: date.to_string(),
            framework_version: framework.version,
            raters,
            revealed: true,
            consensus,
            include_notes: false,
            extra: Extra::new(),
        });
    }
    // One round still in progress: two raters done, one part-way, the principal not started.
    // Each rater who has started chose a PIN, so nobody else reopens their draft.
    let linden = "linden-es";
    let id = "round-linden-es-2026-11";
    let partial: Vec<Rater> = [
        ("Grade 4 team lead", Role::Member, 8),
        ("Reading interventionist", Role::Member, 8),
        ("Grade 1 team lead", Role::Member, 5),
        ("Principal Delgado", Role::Principal, 0),
    ]
    .into_iter()
    .enumerate()
    .map(|(r, (name, role, rated))| Rater {
        id: Id::fixed(format!("{id}-r{r}")),
        name: name.to_string(),
        role,
        levels: (0..n)
            .map(|c| {
                if c < rated {
                    rater_level(2, linden, 30, r, c)
                } else {
                    0
                }
            })
            .collect(),
        evidence: vec![String::new(); n],
        // Whoever has saved answers chose a PIN when starting, so the drafts stay private.
        pin: (rated > 0).then(|| demo_pin(r)),
        cleared: None,
        extra: Extra::new(),
    })
    .collect();
    rounds.push(Round {
        id: Id::fixed(id),
        school_id: Id::fixed(linden),
        label: "Fall 2026".to_string(),
        date: "2026-11-10".to_string(),
        framework_version: framework.version,
        raters: partial,
        revealed: false,
        consensus: vec![Agreed::default(); n],
        include_notes: false,
        extra: Extra::new(),
    });
    for (school_id, reason) in OPT_OUTS {
        if let Some(s) = doc.schools.iter_mut().find(|s| s.id.as_str() == school_id) {
            s.opt_out = Some(OptOut {
                reason: reason.to_string(),
                date: "2026-11-04".to_string(),
            });
        }
    }
    doc.readiness = Readiness {
        frameworks: vec![framework],
        rounds,
        extra: Extra::new(),
    };
}

/// The PIN every rater of the demo's round in progress (Linden) chose. It is not shown in
/// the app: a newcomer starts as the principal, or clears and re-rates a draft.
pub const DEMO_PIN: &str = "2468";

/// The demo's PIN lock for rater `r`, with a fixed salt so the demo is deterministic.
fn demo_pin(r: usize) -> crate::domain::readiness::pin::PinLock {
    let mut salt = [0x5au8; 16];
    salt[0] = r as u8;
    crate::domain::readiness::pin::PinLock::new(salt, DEMO_PIN).expect("the demo PIN is valid")
}

const EVIDENCE: [&str; 4] = [
    "Grade teams meet every Tuesday; about half the agendas last term were about student work.",
    "We started peer visits in September, but only the primary teams have kept them going.",
    "Team time mostly goes to field trips and schedules; instruction comes up when there is time left.",
    "Every team used the writing protocol twice this term and shared the results at the staff meeting.",
];

/// The team's note where it agreed level 1, per criterion.
const GATE_NOTES: [&str; 8] = [
    "Teachers plan alone; the team agreed that common planning time is the first thing to fix.",
    "We agreed this is our biggest hurdle. Conversations about low results still turn to families, attendance and behaviour.",
    "Many teachers feel that what they do cannot outweigh what students bring with them.",
    "Results fell again this year, and most staff could not say by how much.",
    "The improvement plan is written for the district; few of us could name its goals.",
    "Honest conversation: the team does not yet see these students as all of ours.",
    "The principal and the team see the coach's role differently; we need to agree it before a coach arrives.",
    "The team meets, but decisions are made elsewhere and members rarely disagree in the room.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benson_has_21_valid_schools_at_every_level() {
        let d = benson("2026-11-23T00:00:00Z");
        assert_eq!(d.schools.len(), 21);
        assert!(d.validate().is_empty(), "{:?}", d.validate());
        for level in SchoolLevel::ALL {
            assert!(
                d.schools.iter().any(|s| s.level == level),
                "no {level:?} school"
            );
        }
        assert!(d.district.is_demo);
    }

    #[test]
    fn four_schools_are_clearly_the_lowest_performing() {
        let d = benson("t");
        let mut scores: Vec<f64> = d.schools.iter().map(|s| s.proficiency().unwrap()).collect();
        scores.sort_by(f64::total_cmp);
        // The fourth-lowest is well below the fifth: a clear gap, not a close call.
        assert!(scores[3] < 30.0, "{scores:?}");
        assert!(scores[4] - scores[3] > 15.0, "{scores:?}");
        let lowest: Vec<&str> = d
            .lowest_performing(4)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            lowest,
            [
                "northgate-ms",
                "canal-street-es",
                "riverside-hs",
                "harbor-view-es"
            ]
        );
    }
}
