//! The board's live rules. Hard rules must hold; warnings are advice. Every finding is a
//! sentence that names who, when and why.

use super::board::{Activity, Cell, Member, Teacher, Team, WeekKind, DAYS, DAY_NAMES};
use super::state::Slot;
use crate::domain::ids::Id;
use crate::domain::text::plural;
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Hard,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The week it is about, if one.
    pub week: Option<u16>,
    /// The day of that week it is about, if one (0 = Monday).
    pub day: Option<u8>,
    /// Every place on the board involved in it (a Plus teacher, a week and a day): the
    /// grid marks them, and "Show" goes to the first.
    pub slots: Vec<Slot>,
    pub message: String,
}

/// Everything the rules look at.
pub struct Input<'a> {
    pub members: &'a [Member],
    pub teams: &'a [Team],
    pub teachers: &'a [Teacher],
    /// (week number, kind), for every instructional week on the board.
    pub weeks: &'a [(u16, WeekKind)],
    pub cells: &'a [Cell],
    /// Warn when a teacher goes more than this many weeks without coaching.
    pub max_gap_weeks: u16,
}

fn day_text(week: u16, day: u8) -> String {
    format!("week {week}, {}", DAY_NAMES[usize::from(day.min(DAYS - 1))])
}

/// Every finding, hard rules first, then by week.
pub fn check(input: &Input) -> Vec<Finding> {
    let member_name: HashMap<&Id, &str> = input
        .members
        .iter()
        .map(|m| (&m.id, m.name.as_str()))
        .collect();
    let teacher: HashMap<&Id, &Teacher> = input.teachers.iter().map(|t| (&t.id, t)).collect();
    let team_name: HashMap<&Id, &str> = input
        .teams
        .iter()
        .map(|t| (&t.id, t.name.as_str()))
        .collect();
    let mname = |id: &Id| member_name.get(id).copied().unwrap_or("A Plus teacher");
    let tname = |id: &Id| teacher.get(id).map_or("A teacher", |t| t.name.as_str());
    let mut out = Vec::new();
    let mut hard = |week: u16, day: u8, slots: Vec<Slot>, message: String| {
        out.push(Finding {
            severity: Severity::Hard,
            week: Some(week),
            day: Some(day),
            slots,
            message,
        })
    };
    let slot = |member: &Id, week: u16, day: u8| Slot {
        member: member.clone(),
        week,
        day,
    };

    // 1. A Plus teacher in two places at once; 2. a teacher in two sessions at once.
    let mut plus_at: BTreeMap<(u16, u8, &Id), usize> = BTreeMap::new();
    let mut teacher_at: BTreeMap<(u16, u8, &Id), usize> = BTreeMap::new();
    for (k, c) in input.cells.iter().enumerate() {
        for d in c.days() {
            if let Some(&other) = plus_at.get(&(c.week, d, &c.member_id)) {
                hard(
                    c.week,
                    d,
                    vec![slot(&c.member_id, c.week, d)],
                    format!(
                        "{} is in two places at once on {}: {} and {}.",
                        mname(&c.member_id),
                        day_text(c.week, d),
                        input.cells[other].activity.label().to_lowercase(),
                        c.activity.label().to_lowercase()
                    ),
                );
            } else {
                plus_at.insert((c.week, d, &c.member_id), k);
            }
            let mut occupied: Vec<&Id> = c.activity.teachers();
            if let Activity::LessonStudy { team_id } = &c.activity {
                occupied.extend(
                    input
                        .teachers
                        .iter()
                        .filter(|t| &t.team_id == team_id)
                        .map(|t| &t.id),
                );
            }
            for t in occupied {
                if let Some(&other) = teacher_at.get(&(c.week, d, t)) {
                    if other != k {
                        let mut slots = vec![slot(&input.cells[other].member_id, c.week, d)];
                        if input.cells[other].member_id != c.member_id {
                            slots.push(slot(&c.member_id, c.week, d));
                        }
                        hard(
                            c.week,
                            d,
                            slots,
                            format!(
                                "{} is in two sessions at once on {}: with {} and with {}.",
                                tname(t),
                                day_text(c.week, d),
                                mname(&input.cells[other].member_id),
                                mname(&c.member_id)
                            ),
                        );
                    }
                } else {
                    teacher_at.insert((c.week, d, t), k);
                }
            }
        }
    }

    // 3. A PD week's team must have every class covered on every PD day.
    for (week, kind) in input.weeks {
        let WeekKind::Pd { team_id, days } = kind else {
            continue;
        };
        let needed = input
            .teachers
            .iter()
            .filter(|t| &t.team_id == team_id)
            .count();
        for &d in days {
            let covering = input
                .cells
                .iter()
                .filter(|c| c.week == *week && c.days().any(|x| x == d))
                .filter(|c| matches!(&c.activity, Activity::Cover { team_id: t } if t == team_id))
                .count();
            if covering < needed {
                hard(
                    *week,
                    d,
                    Vec::new(),
                    format!(
                        "{} has PD on {}, but only {covering} of its {needed} classes are covered.",
                        team_name.get(team_id).copied().unwrap_or("A team"),
                        day_text(*week, d)
                    ),
                );
            }
        }
    }

    // 4. Each Plus teacher coaches at least half of their time over the term.
    let term_days = input.weeks.len() as u32 * u32::from(DAYS);
    if term_days > 0 {
        for m in input.members {
            let coaching: u32 = input
                .cells
                .iter()
                .filter(|c| c.member_id == m.id && c.activity.is_coaching())
                .map(Cell::day_count)
                .sum();
            if coaching * 2 < term_days {
                out.push(Finding {
                    severity: Severity::Hard,
                    week: None,
                    day: None,
                    slots: Vec::new(),
                    message: format!(
                        "{} coaches {coaching} of the year\u{2019}s {term_days} days, less than half: the model promises Plus teachers coach at least half of their time.",
                        m.name
                    ),
                });
            }
        }
    }

    // Warnings: expertise that does not match the teacher's subject, per teacher, when a
    // Plus teacher with that expertise exists (otherwise once, for the whole team).
    let mut sessions: HashMap<&Id, (u32, u32, u16)> = HashMap::new(); // (all, outside, first week outside)
    for c in input.cells {
        let (Some(m), Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id }) = (
            input.members.iter().find(|m| m.id == c.member_id),
            &c.activity,
        ) else {
            continue;
        };
        let Some(t) = teacher.get(teacher_id) else {
            continue;
        };
        let e = sessions.entry(&t.id).or_insert((0, 0, u16::MAX));
        e.0 += c.day_count();
        if !expertise_matches(&m.expertise, &t.subject) {
            e.1 += c.day_count();
            e.2 = e.2.min(c.week);
        }
    }
    let mut uncovered: BTreeMap<&str, usize> = BTreeMap::new();
    for t in input.teachers {
        let Some(&(all, outside, first)) = sessions.get(&t.id) else {
            continue;
        };
        let experts: Vec<&str> = input
            .members
            .iter()
            .filter(|m| expertise_matches(&m.expertise, &t.subject))
            .map(|m| m.name.as_str())
            .collect();
        if experts.is_empty() {
            if outside > 0 {
                *uncovered.entry(t.subject.trim()).or_default() += 1;
            }
        } else if outside * 2 > all {
            out.push(Finding {
                severity: Severity::Warning,
                week: Some(first),
                day: None,
                slots: Vec::new(),
                message: format!(
                    "{} ({}) has {outside} of {all} coaching days with Plus teachers from other subjects; {} could take more.",
                    t.name,
                    t.subject,
                    experts.join(" or ")
                ),
            });
        }
    }
    if !uncovered.is_empty() {
        let n: usize = uncovered.values().sum();
        let subjects: Vec<&str> = uncovered.keys().copied().collect();
        out.push(Finding {
            severity: Severity::Warning,
            week: None,
            day: None,
            slots: Vec::new(),
            message: format!(
                "No Plus teacher has expertise in {}: {} coached by Plus teachers from other subjects.",
                subjects.join(", "),
                plural(n, "teacher is", "teachers are")
            ),
        });
    }

    // Warnings: a teacher who goes too long without coaching.
    let coached: HashMap<&Id, Vec<u16>> = {
        let mut map: HashMap<&Id, Vec<u16>> = HashMap::new();
        for c in input.cells.iter().filter(|c| c.activity.is_coaching()) {
            let mut who = c.activity.teachers();
            if let Activity::LessonStudy { team_id } = &c.activity {
                who.extend(
                    input
                        .teachers
                        .iter()
                        .filter(|t| &t.team_id == team_id)
                        .map(|t| &t.id),
                );
            }
            for t in who {
                map.entry(t).or_default().push(c.week);
            }
        }
        map
    };
    let last_week = input.weeks.iter().map(|w| w.0).max().unwrap_or(0);
    if last_week > 0 && input.max_gap_weeks > 0 {
        for t in input.teachers {
            let mut weeks = coached.get(&t.id).cloned().unwrap_or_default();
            weeks.sort_unstable();
            weeks.dedup();
            let mut prev = 0u16;
            for w in weeks.iter().copied().chain(std::iter::once(last_week + 1)) {
                // Saturating: a cell past the year (a damaged board) is no gap.
                let gap = w.saturating_sub(prev).saturating_sub(1);
                if gap > input.max_gap_weeks {
                    out.push(Finding {
                        severity: Severity::Warning,
                        week: Some(prev + 1),
                        day: None,
                        slots: Vec::new(),
                        message: format!(
                            "{} goes {gap} weeks without coaching (weeks {} to {}).",
                            t.name,
                            prev + 1,
                            w - 1
                        ),
                    });
                    break;
                }
                prev = w;
            }
        }
    }
    out.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.week.cmp(&b.week)));
    out
}

/// Expertise matches a subject when either names the other, ignoring case ("Math" and
/// "Secondary math").
pub fn expertise_matches(expertise: &str, subject: &str) -> bool {
    let (e, s) = (
        expertise.trim().to_lowercase(),
        subject.trim().to_lowercase(),
    );
    !e.is_empty() && !s.is_empty() && (e.contains(&s) || s.contains(&e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::district::Extra;

    fn member(id: &str, expertise: &str) -> Member {
        Member {
            id: Id::fixed(id),
            name: format!("Plus {id}"),
            expertise: expertise.into(),
            extra: Extra::new(),
        }
    }
    fn teacher(id: &str, team: &str, subject: &str) -> Teacher {
        Teacher {
            id: Id::fixed(id),
            name: format!("Teacher {id}"),
            team_id: Id::fixed(team),
            subject: subject.into(),
            focus: String::new(),
            email: String::new(),
            extra: Extra::new(),
        }
    }
    fn cell(m: &str, week: u16, day: Option<u8>, activity: Activity) -> Cell {
        Cell {
            member_id: Id::fixed(m),
            week,
            day,
            activity,
            locked: false,
            extra: Extra::new(),
        }
    }
    fn cycle(t: &str) -> Activity {
        Activity::CoachingCycle {
            teacher_id: Id::fixed(t),
        }
    }

    fn run(cells: &[Cell], weeks: &[(u16, WeekKind)]) -> Vec<Finding> {
        let members = [member("a", "Math"), member("b", "Literacy")];
        let teams = [Team {
            id: Id::fixed("g3"),
            name: "Grade 3".into(),
            extra: Extra::new(),
        }];
        let teachers = [teacher("t1", "g3", "Math"), teacher("t2", "g3", "Literacy")];
        check(&Input {
            members: &members,
            teams: &teams,
            teachers: &teachers,
            weeks,
            cells,
            max_gap_weeks: 3,
        })
    }

    fn coaching_weeks(n: u16) -> Vec<(u16, WeekKind)> {
        (1..=n).map(|w| (w, WeekKind::Coaching)).collect()
    }

    #[test]
    fn a_clean_board_has_no_hard_findings() {
        let cells = [
            cell("a", 1, None, cycle("t1")),
            cell("b", 1, None, cycle("t2")),
        ];
        let f = run(&cells, &coaching_weeks(1));
        assert!(f.iter().all(|f| f.severity == Severity::Warning), "{f:?}");
    }

    #[test]
    fn double_bookings_are_named() {
        let cells = [
            cell("a", 1, None, cycle("t1")),
            cell("a", 1, Some(2), Activity::Students),
            cell(
                "b",
                1,
                Some(2),
                Activity::CoTeach {
                    teacher_id: Id::fixed("t1"),
                },
            ),
        ];
        let f = run(&cells, &coaching_weeks(1));
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert!(msgs.contains(&"Plus a is in two places at once on week 1, Wednesday: coaching cycle and work with students."), "{msgs:?}");
        assert!(msgs.contains(&"Teacher t1 is in two sessions at once on week 1, Wednesday: with Plus a and with Plus b."), "{msgs:?}");
        // Every clash names the places involved, so the grid can mark them and "Show"
        // goes to them.
        let at = |m: &str| Slot {
            member: Id::fixed(m),
            week: 1,
            day: 2,
        };
        let two_places = f.iter().find(|f| f.message.contains("two places")).unwrap();
        assert_eq!(two_places.slots, [at("a")]);
        assert_eq!((two_places.week, two_places.day), (Some(1), Some(2)));
        let two_sessions = f
            .iter()
            .find(|f| f.message.contains("two sessions"))
            .unwrap();
        assert_eq!(two_sessions.slots, [at("a"), at("b")]);
    }

    #[test]
    fn a_pd_week_needs_every_class_covered() {
        let weeks = [(
            1,
            WeekKind::Pd {
                team_id: Id::fixed("g3"),
                days: vec![0, 1],
            },
        )];
        let cover = Activity::Cover {
            team_id: Id::fixed("g3"),
        };
        let cells = [
            cell("a", 1, None, cover.clone()),
            cell("b", 1, Some(0), cover),
        ];
        let f = run(&cells, &weeks);
        let hard: Vec<&str> = f
            .iter()
            .filter(|f| f.severity == Severity::Hard)
            .map(|f| f.message.as_str())
            .collect();
        assert!(
            hard.contains(
                &"Grade 3 has PD on week 1, Tuesday, but only 1 of its 2 classes are covered."
            ),
            "{hard:?}"
        );
        assert!(!hard.iter().any(|m| m.contains("Monday")), "{hard:?}");
    }

    #[test]
    fn plus_teachers_must_coach_half_their_time() {
        // Two weeks: "a" coaches one week (5 of 10 days: exactly half, fine); "b" coaches 4 days.
        let cells = [
            cell("a", 1, None, cycle("t1")),
            cell("b", 2, Some(0), cycle("t2")),
            cell("b", 2, Some(1), cycle("t2")),
            cell("b", 2, Some(2), cycle("t2")),
            cell("b", 2, Some(3), cycle("t2")),
        ];
        let f = run(&cells, &coaching_weeks(2));
        let hard: Vec<&str> = f
            .iter()
            .filter(|f| f.severity == Severity::Hard)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(hard.len(), 1, "{hard:?}");
        assert!(
            hard[0].starts_with("Plus b coaches 4 of the year\u{2019}s 10 days, less than half"),
            "{hard:?}"
        );
    }

    #[test]
    fn warnings_for_mismatched_expertise_and_long_gaps() {
        let cells = [
            cell("b", 1, None, cycle("t1")),
            cell("a", 1, None, cycle("t2")),
            cell("b", 2, None, cycle("t1")),
            cell("a", 3, None, cycle("t1")),
            cell("b", 3, None, cycle("t2")),
        ];
        let f = run(&cells, &coaching_weeks(8));
        let warn: Vec<&str> = f
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.message.as_str())
            .collect();
        assert!(
            warn.contains(&"Teacher t1 (Math) has 10 of 15 coaching days with Plus teachers from other subjects; Plus a could take more."),
            "{warn:?}"
        );
        // Half or fewer outside the subject: no warning for t2 (5 of 10).
        assert!(
            !warn
                .iter()
                .any(|w| w.starts_with("Teacher t2 (Literacy) has")),
            "{warn:?}"
        );
        assert!(
            warn.contains(&"Teacher t1 goes 5 weeks without coaching (weeks 4 to 8)."),
            "{warn:?}"
        );
        assert!(expertise_matches("Secondary math", "Math"));
        assert!(!expertise_matches("", "Math"));
    }

    #[test]
    fn subjects_no_plus_teacher_covers_are_named_once() {
        let members = [member("a", "Math")];
        let teams = [Team {
            id: Id::fixed("g"),
            name: "Electives".into(),
            extra: Extra::new(),
        }];
        let teachers = [
            teacher("t1", "g", "Art"),
            teacher("t2", "g", "Music"),
            teacher("t3", "g", "Art"),
        ];
        let cells = [
            cell("a", 1, Some(0), cycle("t1")),
            cell("a", 1, Some(1), cycle("t2")),
            cell("a", 1, Some(2), cycle("t3")),
        ];
        let f = check(&Input {
            members: &members,
            teams: &teams,
            teachers: &teachers,
            weeks: &coaching_weeks(1),
            cells: &cells,
            max_gap_weeks: 0,
        });
        let warn: Vec<&str> = f
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            warn,
            ["No Plus teacher has expertise in Art, Music: 3 teachers are coached by Plus teachers from other subjects."]
        );
    }
}
