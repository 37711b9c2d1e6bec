//! The demo's Plus board: Maple Ridge Middle School runs the Plus model with eight Plus
//! teachers and forty regular teachers in five teams, a PD week every fourth week, and a
//! generated year around a few cells the lead locked.

use super::board::{Activity, Cell, Member, Teacher, Team};
use super::calendar::{Break, Calendar};
use super::state::{Board, PdWeek};
use crate::domain::district::Extra;
use crate::domain::ids::Id;

pub const DEMO_SCHOOL: &str = "maple-ridge-ms";

const MEMBERS: [(&str, &str); 8] = [
    ("Dana Whitfield", "Math"),
    ("Luis Carrasco", "Math"),
    ("Priya Raman", "ELA"),
    ("Tom Okonkwo", "ELA"),
    ("Hannah Berg", "Science"),
    ("Marcus Lee", "Social studies"),
    ("Rosa Delgado", "English learners"),
    ("Sam Kowalczyk", "Special education"),
];

const TEAMS: [&str; 5] = [
    "Grade 6",
    "Grade 7",
    "Grade 8",
    "Arts and electives",
    "Student support",
];

const FIRST: [&str; 20] = [
    "Abby", "Ben", "Carmen", "Darius", "Elena", "Farah", "Gabe", "Hiro", "Isla", "Jamal", "Kira",
    "Leo", "Maya", "Noah", "Olivia", "Pedro", "Quinn", "Ruth", "Sean", "Tara",
];
const LAST: [&str; 20] = [
    "Adams",
    "Brooks",
    "Chen",
    "Diaz",
    "Ellis",
    "Foster",
    "Garcia",
    "Hughes",
    "Ibarra",
    "Jensen",
    "Khan",
    "Lopez",
    "Morgan",
    "Nakamura",
    "O\u{2019}Neil",
    "Patel",
    "Quinlan",
    "Reyes",
    "Silva",
    "Turner",
];

/// A grade team's eight teachers: two in each core subject.
const GRADE: [&str; 8] = [
    "Math",
    "Math",
    "ELA",
    "ELA",
    "Science",
    "Science",
    "Social studies",
    "Social studies",
];

/// Subjects per team, in order of its eight teachers.
const SUBJECTS: [[&str; 8]; 5] = [
    GRADE,
    GRADE,
    GRADE,
    [
        "Art",
        "Music",
        "Physical education",
        "Technology",
        "Spanish",
        "Drama",
        "Health",
        "Library",
    ],
    [
        "Special education",
        "Special education",
        "English learners",
        "English learners",
        "Reading intervention",
        "Math intervention",
        "Special education",
        "Counseling",
    ],
];

const FOCUS: [&str; 7] = [
    "Checking for understanding",
    "Academic discussion",
    "Small-group instruction",
    "Feedback on writing",
    "Launching rich tasks",
    "Routines that protect learning time",
    "Scaffolds for English learners",
];

fn break_(label: &str, start: &str, end: &str) -> Break {
    Break {
        label: label.into(),
        start: start.into(),
        end: end.into(),
        extra: Extra::new(),
    }
}

/// The 2026–27 calendar: 36 weeks from Monday 24 August, with the usual breaks.
pub fn calendar() -> Calendar {
    Calendar {
        first_day: "2026-08-24".into(),
        weeks: 36,
        breaks: vec![
            break_("Labor Day", "2026-09-07", "2026-09-07"),
            break_("Thanksgiving", "2026-11-25", "2026-11-27"),
            break_("Winter break", "2026-12-21", "2027-01-01"),
            break_("Martin Luther King Jr. Day", "2027-01-18", "2027-01-18"),
            break_("Spring break", "2027-03-22", "2027-03-26"),
        ],
        extra: Extra::new(),
    }
}

pub fn board() -> Board {
    let mut b = Board::new(Id::fixed(DEMO_SCHOOL), calendar());
    b.members = MEMBERS
        .iter()
        .enumerate()
        .map(|(i, (name, expertise))| Member {
            id: Id::fixed(format!("mr-plus-{}", i + 1)),
            name: (*name).into(),
            expertise: (*expertise).into(),
            extra: Extra::new(),
        })
        .collect();
    b.teams = TEAMS
        .iter()
        .enumerate()
        .map(|(i, name)| Team {
            id: Id::fixed(format!("mr-team-{}", i + 1)),
            name: (*name).into(),
            extra: Extra::new(),
        })
        .collect();
    b.teachers = (0..40)
        .map(|i| {
            let (team, k) = (i / 8, i % 8);
            Teacher {
                id: Id::fixed(format!("mr-t{:02}", i + 1)),
                name: format!("{} {}", FIRST[i % 20], LAST[(i * 7 + 3 + i / 20) % 20]),
                team_id: b.teams[team].id.clone(),
                subject: SUBJECTS[team][k].into(),
                focus: FOCUS[(i * 3) % FOCUS.len()].into(),
                email: String::new(),
                extra: Extra::new(),
            }
        })
        .collect();
    // A PD week every fourth week, Tuesday and Wednesday, the teams in turn.
    b.pd_weeks = (1..=b.calendar.weeks)
        .filter(|w| w % 4 == 0)
        .map(|w| PdWeek {
            week: w,
            team_id: b.teams[usize::from(w / 4 - 1) % TEAMS.len()].id.clone(),
            days: vec![1, 2],
            extra: Extra::new(),
        })
        .collect();
    // The lead locked lesson study with each grade team on the Thursday of week 2.
    for (m, team) in [(0usize, 0usize), (2, 1), (4, 2)] {
        b.cells.push(Cell {
            member_id: b.members[m].id.clone(),
            week: 2,
            day: Some(3),
            activity: Activity::LessonStudy {
                team_id: b.teams[team].id.clone(),
            },
            locked: true,
            extra: Extra::new(),
        });
    }
    b.generate(1);
    b
}
