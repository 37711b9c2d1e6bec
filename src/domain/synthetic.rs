//! A large synthetic district, for the scale benches and the scale tests.
//!
//! `district(schools, rounds)` builds a valid document of `schools` invented schools with
//! `rounds` readiness rounds each (fall and spring, going back from fall 2026), rated by four
//! or five raters with evidence notes of a realistic length. Everything is derived from the
//! school and round numbers, so the same arguments always give the same document. Every
//! tenth school's newest round is still being rated, so a bench can rate in it.
//!
//! It is never called by the app itself, so the release bundle does not carry it.

use super::district::{District, Document, Extra, School, SchoolLevel};
use super::ids::Id;
use super::readiness::round::Agreed;
use super::readiness::{default_framework, Rater, Readiness, Role, Round};

const FIRST: [&str; 20] = [
    "Ash", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Juniper", "Laurel", "Maple", "Oak", "Pine",
    "Rowan", "Spruce", "Willow", "Alder", "Aspen", "Holly", "Linden", "Poplar", "Sycamore",
];
const SECOND: [&str; 10] = [
    "Grove", "Ridge", "Hollow", "Park", "Valley", "Heights", "Creek", "Meadow", "Hill", "Field",
];

const NOTES: [&str; 6] = [
    "Grade teams meet weekly; about half of last term's agendas were about student work and the rest about logistics.",
    "Peer visits started in September; the primary teams kept them going, the upper grades stopped after the first month.",
    "The principal named the coach's role at the staff meeting, but several teachers still expect an evaluator.",
    "Results rose in reading and fell in math; most staff could say which groups of students moved and which did not.",
    "The improvement plan's two goals are on the staff-room wall and came up in every team meeting we sampled.",
    "Leadership-team members disagree openly in meetings, and decisions are written down with an owner and a date.",
];

fn mix(a: usize, b: usize, c: usize) -> u32 {
    let mut h: u32 = 2166136261;
    for v in [a, b, c] {
        for byte in (v as u32).to_le_bytes() {
            h ^= u32::from(byte);
            h = h.wrapping_mul(16777619);
        }
    }
    h
}

/// A school's `index`-th round date and label, newest (index 0) first: fall 2026, spring 2026,
/// fall 2025…
fn round_when(index: usize) -> (String, String) {
    let year = 2026 - index / 2;
    if index.is_multiple_of(2) {
        (format!("Fall {year}"), format!("{year}-10-15"))
    } else {
        (format!("Spring {year}"), format!("{year}-04-15"))
    }
}

/// The synthetic district: `schools` schools with `rounds` rounds each.
pub fn district(schools: usize, rounds: usize) -> Document {
    let mut framework = default_framework();
    framework.created_at = "2020-08-01T00:00:00Z".to_string();
    let n = framework.criteria.len();
    let mut doc = Document {
        district: District {
            id: Id::fixed("synthetic"),
            name: format!("Synthetic District ({schools} schools)"),
            is_demo: false,
            created_at: "2020-08-01T00:00:00Z".to_string(),
            extra: Extra::new(),
        },
        schools: Vec::with_capacity(schools),
        readiness: Readiness::default(),
        phase_in: crate::domain::phase_in::PhaseIn::default(),
        plus: crate::domain::plus::Plus::default(),
        executive: crate::domain::executive::Executive::default(),
        model: crate::domain::model::Model::default(),
        extra: Extra::new(),
    };
    let mut all_rounds = Vec::with_capacity(schools * rounds);
    for s in 0..schools {
        let level = match s % 7 {
            0..=3 => SchoolLevel::Elementary,
            4 | 5 => SchoolLevel::Middle,
            _ => SchoolLevel::High,
        };
        let school_id = format!("school-{s:04}");
        let reading = 15.0 + f64::from(mix(s, 1, 0) % 700) / 10.0;
        let math = (reading * 10.0 - 100.0 + f64::from(mix(s, 2, 0) % 200)).round() / 10.0;
        let math = math.clamp(5.0, 95.0);
        doc.schools.push(School {
            id: Id::fixed(school_id.clone()),
            name: format!(
                "{} {} {} {}",
                FIRST[s % FIRST.len()],
                SECOND[(s / FIRST.len()) % SECOND.len()],
                level.label(),
                s + 1
            ),
            level,
            enrollment: 250 + mix(s, 3, 0) % 1200,
            reading_proficient: Some(reading),
            math_proficient: Some(math),
            notes: String::new(),
            opt_out: None,
            extra: Extra::new(),
        });
        // A school's readiness drifts upward over the years, from its own starting point.
        let base = 1 + (mix(s, 4, 0) % 3) as u8;
        for k in 0..rounds {
            let (label, date) = round_when(k);
            let in_progress = k == 0 && s % 10 == 0;
            let round_id = format!("round-{school_id}-{}", &date[..7]);
            let agreed: Vec<u8> = (0..n)
                .map(|c| {
                    let growth = ((rounds - k) / 3) as u8;
                    let wobble = (mix(s, k, c) % 3) as u8;
                    (base + growth + wobble).saturating_sub(1).clamp(1, 4)
                })
                .collect();
            let rater_count = if k % 3 == 0 { 5 } else { 4 };
            let raters = (0..rater_count)
                .map(|r| {
                    let role = match r {
                        3 => Role::Principal,
                        4 => Role::District,
                        _ => Role::Member,
                    };
                    let levels = (0..n)
                        .map(|c| {
                            if in_progress && r == rater_count - 1 {
                                return 0;
                            }
                            let offset: i8 = match mix(s * 31 + k, r, c) % 6 {
                                0 => -1,
                                1 => 1,
                                _ => 0,
                            };
                            (agreed[c] as i8 + offset).clamp(1, 4) as u8
                        })
                        .collect();
                    let evidence = (0..n)
                        .map(|c| {
                            // The last rater of a round in progress has not started yet
                            // (no levels, no notes), so their form opens for them.
                            if in_progress && r == rater_count - 1 {
                                return String::new();
                            }
                            if mix(s + r, k, c).is_multiple_of(4) {
                                NOTES[(s + k + r + c) % NOTES.len()].to_string()
                            } else {
                                String::new()
                            }
                        })
                        .collect();
                    Rater {
                        id: Id::fixed(format!("{round_id}-r{r}")),
                        name: match role {
                            Role::Member => {
                                ["Grade 3 team lead", "Literacy lead", "Counselor"][r].to_string()
                            }
                            Role::Principal => format!("Principal {}", FIRST[(s + 7) % 20]),
                            Role::District => "District assessor".to_string(),
                        },
                        role,
                        levels,
                        evidence,
                        pin: None,
                        cleared: None,
                        extra: Extra::new(),
                    }
                })
                .collect();
            let consensus = if in_progress {
                vec![Agreed::default(); n]
            } else {
                agreed
                    .iter()
                    .enumerate()
                    .map(|(c, &level)| Agreed {
                        level,
                        note: if mix(s, k, c + 50).is_multiple_of(3) {
                            NOTES[(s + c) % NOTES.len()].to_string()
                        } else {
                            String::new()
                        },
                    })
                    .collect()
            };
            all_rounds.push(Round {
                id: Id::fixed(round_id),
                school_id: Id::fixed(school_id.clone()),
                label,
                date,
                framework_version: framework.version,
                raters,
                revealed: !in_progress,
                consensus,
                include_notes: false,
                extra: Extra::new(),
            });
        }
    }
    doc.readiness = Readiness {
        frameworks: vec![framework],
        rounds: all_rounds,
        extra: Extra::new(),
    };
    doc
}

/// A large Plus board for `school`: `members` Plus teachers (four subjects in turn),
/// `teachers` regular teachers in teams of twelve, `weeks` weeks from 24 August 2026 with
/// no breaks, a two-day PD week every fifth week, and nothing on it yet (the bench fills it).
pub fn plus_board(school: Id, members: usize, weeks: u16, teachers: usize) -> super::plus::Board {
    use super::plus::board::{Member, Teacher, Team, WeekKind};
    use super::plus::calendar::Calendar;
    let subjects = ["Math", "ELA", "Science", "Social studies"];
    let calendar = Calendar {
        first_day: "2026-08-24".into(),
        weeks,
        breaks: Vec::new(),
        extra: Extra::new(),
    };
    let mut b = super::plus::Board::new(school, calendar);
    b.members = (0..members)
        .map(|i| Member {
            id: Id::fixed(format!("sp{i:02}")),
            name: format!("{} {}", FIRST[i % 20], SECOND[(i * 3) % 10]),
            expertise: subjects[i % 4].into(),
            extra: Extra::new(),
        })
        .collect();
    let team_count = teachers.div_ceil(12).max(1);
    b.teams = (0..team_count)
        .map(|i| Team {
            id: Id::fixed(format!("st{i:02}")),
            name: format!("Team {}", i + 1),
            extra: Extra::new(),
        })
        .collect();
    b.teachers = (0..teachers)
        .map(|i| Teacher {
            id: Id::fixed(format!("tt{i:03}")),
            name: format!("{} {}", FIRST[(i * 7) % 20], SECOND[i % 10]),
            team_id: b.teams[i / 12].id.clone(),
            subject: subjects[(i / 3) % 4].into(),
            focus: "Checking for understanding".into(),
            email: String::new(),
            extra: Extra::new(),
        })
        .collect();
    for w in (1..=weeks).filter(|w| w % 5 == 0) {
        let team = b.teams[usize::from(w / 5 - 1) % team_count].id.clone();
        b.set_week_kind(
            w,
            WeekKind::Pd {
                team_id: team,
                days: vec![1, 2],
            },
        );
    }
    b
}

/// A UUID-shaped ID made from three numbers: real districts' IDs are random UUIDs, which
/// compress far worse than readable names, so the storage bench uses IDs of that shape.
fn uuid_like(a: usize, b: usize, c: usize) -> Id {
    let w = |k: usize| mix(a, b, c * 8 + k);
    Id::fixed(format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:04x}{:08x}",
        w(0),
        w(1) & 0xffff,
        w(2) & 0xfff,
        (w(3) & 0x3fff) | 0x8000,
        w(4) & 0xffff,
        w(5)
    ))
}

/// The storage bench's district: [`district`] with UUID-shaped IDs, a readiness plan (goals,
/// actions and check-ins) for every school whose latest round is below the gate, a pin for
/// every twentieth school, and a filled Plus board (12 Plus teachers × 40 weeks × 120
/// teachers, generated) in each of the first `boards` schools.
pub fn big_district(schools: usize, rounds: usize, boards: usize) -> Document {
    use super::phase_in::readiness_plan::{Action, CheckIn, Goal, Status};
    use super::phase_in::ReadinessPlan;
    use std::collections::HashMap;
    let mut doc = district(schools, rounds);
    let mut new_school: HashMap<Id, Id> = HashMap::new();
    for (i, s) in doc.schools.iter_mut().enumerate() {
        let id = uuid_like(i, 0, 1);
        new_school.insert(s.id.clone(), id.clone());
        s.id = id;
    }
    for (i, r) in doc.readiness.rounds.iter_mut().enumerate() {
        r.id = uuid_like(i, 1, 2);
        if let Some(id) = new_school.get(&r.school_id) {
            r.school_id = id.clone();
        }
        for (k, rater) in r.raters.iter_mut().enumerate() {
            rater.id = uuid_like(i, k + 2, 3);
        }
    }
    let latest = doc.readiness.latest_outcomes();
    let criteria: Vec<String> = doc.readiness.frameworks[0]
        .criteria
        .iter()
        .map(|c| c.id.clone())
        .collect();
    for (i, s) in doc.schools.iter().enumerate() {
        let ready = latest.get(&s.id).is_some_and(|(_, o)| o.ready());
        if !ready {
            let goals = (0..2)
                .map(|g| Goal {
                    id: uuid_like(i, g, 4),
                    criterion_id: criteria[(i + g) % criteria.len()].clone(),
                    baseline: 1,
                    target: 3,
                    text: NOTES[(i + g) % NOTES.len()].to_string(),
                    extra: Extra::new(),
                })
                .collect();
            let mut plan = ReadinessPlan::new(s.id.clone(), None, goals, "2026-09-01T00:00:00Z");
            plan.leadership_coach = format!("Coach {}", FIRST[i % 20]);
            plan.reassess_on = "2027-04-15".into();
            plan.actions = (0..3)
                .map(|a| Action {
                    id: uuid_like(i, a, 5),
                    text: NOTES[(i + a + 2) % NOTES.len()].to_string(),
                    owner: format!("{} {}", FIRST[(i + a) % 20], SECOND[a % 10]),
                    due: "2027-02-01".into(),
                    check_ins: (0..2)
                        .map(|k| CheckIn {
                            date: format!("2026-{:02}-15", 10 + k),
                            status: if k == 0 {
                                Status::OnTrack
                            } else {
                                Status::AtRisk
                            },
                            note: NOTES[(i + k) % NOTES.len()].to_string(),
                            extra: Extra::new(),
                        })
                        .collect(),
                    extra: Extra::new(),
                })
                .collect();
            doc.phase_in.plans.push(plan);
        }
    }
    for (i, s) in doc.schools.iter().enumerate().step_by(20) {
        let _ = doc.phase_in.set_pin(
            &s.id,
            1 + (i % 3) as u8,
            "Agreed with the principals' council after the spring visits.",
            false,
            "2026-09-01T00:00:00Z",
        );
    }
    for s in doc.schools.iter().take(boards) {
        let mut b = plus_board(s.id.clone(), 12, 40, 120);
        b.generate(1);
        doc.plus.boards.push(b);
    }
    doc
}

/// Executive coaching at the seed's scale: `engagements` engagements (one per school, as
/// far as the schools go), each with `contacts` contacts spread over the school year
/// 2026–27, three agreed objectives with steps and progress checks, and a Gold cohort of
/// every fifth engagement with a monthly meeting. Private notes on every third contact.
pub fn executive(doc: &mut Document, engagements: usize, contacts: usize) {
    use super::executive::{Cadence, Contact, Kind, Rating, Session, Setup, Stance, Strand};
    const COACHES: [&str; 8] = [
        "Dr. Ellen Marsh",
        "Marcus Bell",
        "Renee Alvarez",
        "Tom Okafor",
        "Priya Raman",
        "Gloria Stein",
        "Ken Watanabe",
        "Aisha Cole",
    ];
    let schools = doc.schools.clone();
    let x = &mut doc.executive;
    x.add_cohort(Id::fixed("cohort-syn"), "Synthetic cohort")
        .expect("a new cohort");
    let start = super::dates::parse_shape("2026-08-31").expect("a date");
    let tiers = ["tier-gold", "tier-platinum", "tier-diamond"];
    for (i, school) in schools.iter().take(engagements).enumerate() {
        let id = Id::fixed(format!("syn-eng-{i}"));
        let gold = i % 5 == 0;
        let setup = Setup {
            principal: format!("Principal {} {}", FIRST[i % 20], SECOND[(i / 20) % 10]),
            school_id: Some(school.id.clone()),
            coach: COACHES[i % COACHES.len()].to_string(),
            tier_id: Some(Id::fixed(if gold { tiers[0] } else { tiers[1 + i % 2] })),
            start: "2026-08-31".into(),
            end: "2027-06-30".into(),
            superintendent: "Dr. Synthetic".into(),
            cohort: gold.then(|| Id::fixed("cohort-syn")),
        };
        x.add(id.clone(), &setup, &schools)
            .expect("a synthetic engagement");
        let e = x.engagement_mut(&id).expect("just added");
        for s in Strand::ALL {
            e.set_reflection(
                false,
                s,
                1 + (mix(i, s as usize, 1) % 4) as u8,
                NOTES[i % 6],
            )
            .expect("a reflection");
        }
        e.set_data_review(NOTES[(i + 1) % 6]).expect("a review");
        e.advance("2026-09-25", None).expect("phase 1 complete");
        for k in 0..3 {
            let oid = Id::fixed(format!("syn-{i}-o{k}"));
            e.add_objective(
                oid.clone(),
                &format!("Objective {} for {}", k + 1, school.name),
                NOTES[(i + k) % 6],
                Cadence::ALL[k],
            )
            .expect("an objective");
            for s in 0..3 {
                e.add_step(
                    &oid,
                    Id::fixed(format!("syn-{i}-o{k}-s{s}")),
                    &format!("Step {}", s + 1),
                    "Principal",
                    "2026-10-15",
                    "2027-05-30",
                    "PD",
                )
                .expect("a step");
            }
        }
        e.set_focus(NOTES[i % 6], NOTES[(i + 2) % 6])
            .expect("focus");
        e.agree("2026-10-10").expect("a valid plan");
        e.advance("2026-10-10", None).expect("phase 2 complete");
        e.advance("2026-10-30", None).expect("phase 3 complete");
        // Contacts spread evenly over the year, every kind, private notes on every third.
        for c in 0..contacts {
            let day = (c * 300 / contacts.max(1)) as i64;
            let date = start
                .checked_add(time::Duration::days(day))
                .map(super::dates::iso)
                .expect("a date in the year");
            let kind = [
                Kind::OnSite,
                Kind::Phone,
                Kind::Email,
                Kind::OffSite,
                Kind::Phone,
            ][c % 5];
            e.log(Contact {
                id: Id::fixed(format!("syn-{i}-c{c}")),
                date,
                kind,
                minutes: 30 + (mix(i, c, 2) % 240),
                observation: c % 7 == 0,
                stance: Some(Stance::ALL[c % 2]),
                strand: Some(Strand::ALL[c % 5]),
                objective: Some(Id::fixed(format!("syn-{i}-o{}", c % 3))),
                shared_notes: NOTES[(i + c) % 6].to_string(),
                private_notes: if c % 3 == 0 {
                    format!("Coach only: {}", NOTES[(i + c + 3) % 6])
                } else {
                    String::new()
                },
                session: None,
                extra: Extra::new(),
            })
            .expect("a synthetic contact");
        }
        for k in 0..3 {
            for m in 0..4 {
                let oid = Id::fixed(format!("syn-{i}-o{k}"));
                e.add_check(
                    &oid,
                    Id::fixed(format!("syn-{i}-o{k}-k{m}")),
                    &format!("2026-{:02}-15", 11 + m % 2),
                    Rating::ALL[m % 4],
                    NOTES[m % 6],
                )
                .expect("a check");
            }
        }
    }
    for m in 0..9 {
        let date = format!(
            "{}-{:02}-20",
            if m < 4 { 2026 } else { 2027 },
            if m < 4 { 9 + m } else { m - 3 }
        );
        let _ = x.log_session(Session {
            id: Id::fixed(format!("syn-session-{m}")),
            cohort: Id::fixed("cohort-syn"),
            date,
            minutes: 150,
            stance: Some(Stance::Facilitative),
            strand: Some(Strand::ALL[m % 5]),
            shared_notes: NOTES[m % 6].to_string(),
            private_notes: String::new(),
            absent: Vec::new(),
            extra: Extra::new(),
        });
    }
}

/// The coaching model at the scale: the demo's published charter with a roles
/// matrix of `rows` rows, `coaches` coaches placed over the schools of the plan's three
/// years (a mentor for all but every tenth), ten mentoring check-ins and four pieces of
/// learning each, a shadowing day for each novice, a coaches' meeting a month, a staff
/// session for every other school and an adaptation for every fifth.
pub fn model(doc: &mut Document, coaches: usize, rows: usize) {
    use super::model::coaches::{DayStatus, LearningKind, Mentor};
    use super::model::{
        Adaptation, Aspect, Audience, CheckIn, Coach, Learning, Meeting, Model, Part,
        Responsibility, Session, ShadowDay, Status,
    };
    let mut charter = super::model::demo::charter();
    let parts = [
        Some(Part::Leads),
        Some(Part::Supports),
        Some(Part::Consulted),
        Some(Part::Informed),
        None,
    ];
    charter.roles = (0..rows)
        .map(|i| Responsibility {
            id: Id::fixed(format!("role-{i}")),
            text: format!("Responsibility {} of the coaching program", i + 1),
            parts: [0, 1, 2, 3].map(|r| parts[mix(i, r, 7) as usize % parts.len()]),
            extra: Extra::new(),
        })
        .collect();
    let mut m = Model {
        draft: charter,
        ..Model::default()
    };
    m.publish("2026-06-15", "Adopted.")
        .expect("the synthetic charter publishes");
    let schools: Vec<Id> = doc.schools.iter().map(|s| s.id.clone()).collect();
    let per = (schools.len() / coaches.max(1)).max(1);
    let day = |i: usize| format!("2026-{:02}-{:02}", 8 + i % 4, 1 + i % 28);
    for c in 0..coaches {
        let id = Id::fixed(format!("coach-{c}"));
        m.coaches.push(Coach {
            id: id.clone(),
            name: format!(
                "{} {}",
                FIRST[c % FIRST.len()],
                SECOND[(c / FIRST.len()) % SECOND.len()]
            ),
            schools: schools
                .iter()
                .skip(c * per)
                .take(per.min(3))
                .cloned()
                .collect(),
            started: if c % 3 == 0 {
                "2026-08-03".into()
            } else {
                format!("20{}-08-01", 15 + c % 10)
            },
            background: "Former classroom teacher, twelve years in the district.".into(),
            teachers: 15 + (mix(c, 1, 1) % 20),
            mentor: (c % 10 != 9).then(|| Mentor {
                name: format!("Mentor {}", c % 12),
                outside: c % 2 == 0,
                from: "Regional coaching network".into(),
            }),
            extra: Extra::new(),
        });
        for k in 0..10 {
            m.check_ins.push(CheckIn {
                id: Id::fixed(format!("check-in-{c}-{k}")),
                coach: id.clone(),
                date: day(c + k * 3),
                topics:
                    "Choosing cycle goals from student work; building trust with a hesitant team."
                        .into(),
                next_steps: "Bring a cycle goal to the coaches' meeting.".into(),
                extra: Extra::new(),
            });
        }
        for k in 0..4 {
            m.learning.push(Learning {
                id: Id::fixed(format!("learning-{c}-{k}")),
                coach: id.clone(),
                date: day(c + k * 5),
                kind: LearningKind::ALL[k % 4],
                title: "Coaching conversations institute".into(),
                tenths: 30 + (mix(c, k, 3) % 60),
                extra: Extra::new(),
            });
        }
        if c % 3 == 0 {
            m.shadowing.push(ShadowDay {
                id: Id::fixed(format!("shadow-{c}")),
                coach: id.clone(),
                host: Id::fixed(format!("coach-{}", (c + 1) % coaches)),
                date: day(c),
                status: if c % 2 == 0 {
                    DayStatus::Held
                } else {
                    DayStatus::Planned
                },
                extra: Extra::new(),
            });
        }
    }
    for k in 0..10 {
        m.meetings.push(Meeting {
            id: Id::fixed(format!("meeting-{k}")),
            date: day(k * 3),
            agenda: "Cycle goals from student work; scheduling with principals".into(),
            attended: m
                .coaches
                .iter()
                .step_by(1 + k % 3)
                .map(|c| c.id.clone())
                .collect(),
            challenges: "Finding time with teachers who have no common planning.".into(),
            successes: "Two cycles met their goals early.".into(),
            extra: Extra::new(),
        });
    }
    for (i, s) in schools.iter().enumerate() {
        if i % 2 == 0 {
            m.sessions.push(Session {
                id: Id::fixed(format!("session-{i}")),
                audience: Audience::Staff(s.clone()),
                date: day(i),
                status: if i % 4 == 0 {
                    Status::Held
                } else {
                    Status::Planned
                },
                attendance: 20 + (i % 30) as u32,
                notes: "Staff meeting: the model and the confidentiality promise.".into(),
                extra: Extra::new(),
            });
        }
        if i % 5 == 0 {
            m.adaptations.push(Adaptation {
                id: Id::fixed(format!("adaptation-{i}")),
                school: s.clone(),
                aspect: Aspect::ALL[i % 3],
                element: Id::fixed(if i % 10 == 0 {
                    "element-time"
                } else {
                    "element-confidential"
                }),
                what: "Coaching time moves to the early-release afternoon.".into(),
                why: "The master schedule has no common planning period.".into(),
                recorded_on: day(i),
                approved: None,
                extra: Extra::new(),
            });
        }
    }
    doc.model = m;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readiness::round::Stage;

    #[test]
    fn the_synthetic_district_is_valid_and_has_the_asked_size() {
        let d = district(30, 4);
        assert!(d.validate().is_empty(), "{:?}", d.validate());
        assert_eq!(d.schools.len(), 30);
        assert_eq!(d.readiness.rounds.len(), 120);
        let in_progress = d
            .readiness
            .rounds
            .iter()
            .filter(|r| r.stage(8) != Stage::Complete)
            .count();
        assert_eq!(in_progress, 3, "every tenth school's newest round is open");
        assert_eq!(d, district(30, 4), "deterministic");
        let big = big_district(30, 4, 2);
        assert!(big.validate().is_empty(), "{:?}", big.validate());
        assert_eq!(big.plus.boards.len(), 2);
        assert!(!big.phase_in.plans.is_empty());
        // The levels vary: some schools pass the gate and some do not.
        let latest = d.readiness.latest_outcomes();
        assert!(latest.values().any(|(_, o)| o.ready()));
        assert!(latest.values().any(|(_, o)| !o.ready()));
    }

    #[test]
    fn the_model_at_scale_is_valid_and_as_large_as_asked() {
        let mut doc = district(500, 1);
        model(&mut doc, 60, 40);
        assert!(doc.validate().is_empty(), "{:?}", doc.validate());
        assert_eq!(doc.model.coaches.len(), 60);
        assert_eq!(doc.model.in_force().roles.len(), 40);
        assert!(doc.model.coaches.iter().all(|c| !c.schools.is_empty()));
    }
}
