//! Tests of the stored board, its edits, the demo and the teacher's view.

use super::board::{Activity, Cell, WeekKind};
use super::demo;
use super::rules::Severity;
use super::share;
use super::state::{Board, Slot};
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use std::collections::HashSet;

fn slot(b: &Board, m: usize, week: u16, day: u8) -> Slot {
    Slot {
        member: b.members[m].id.clone(),
        week,
        day,
    }
}

#[test]
fn the_demo_board_is_valid_full_and_meets_every_hard_rule() {
    let b = demo::board();
    assert_eq!(b.members.len(), 8);
    assert_eq!(b.teachers.len(), 40);
    assert_eq!(b.problems(), Vec::<String>::new());
    let hard: Vec<String> = b
        .findings()
        .into_iter()
        .filter(|f| f.severity == Severity::Hard)
        .map(|f| f.message)
        .collect();
    assert_eq!(hard, Vec::<String>::new());
    let m = b.metrics();
    assert!(m.max - m.min <= 1, "fair: {}..{}", m.min, m.max);
    // The seed's "four times as many days": well over that against one coach.
    assert!(m.multiple(1).unwrap() > 4.0, "{:?}", m.multiple(1));
    // Locked lesson study survives generation.
    assert_eq!(
        b.cells.iter().filter(|c| c.locked).count(),
        3,
        "the three locked cells"
    );
}

#[test]
fn the_year_has_terms_split_at_long_breaks_and_knows_its_days_off() {
    let b = demo::board();
    let y = b.year().unwrap();
    assert_eq!(y.weeks.len(), 36);
    // Labor Day (Monday of week 3), Thanksgiving (Wednesday to Friday of week 14), MLK Day.
    assert!(y.is_closed(3, 0));
    assert!(y.is_closed(14, 2) && y.is_closed(14, 4) && !y.is_closed(14, 1));
    assert_eq!(y.closed.len(), 5);
    let names: Vec<&str> = y.terms.iter().map(|t| t.name.as_str()).collect();
    // Winter and spring breaks split the year; the 17-week fall is printed in two parts.
    assert_eq!(y.terms.len(), 4, "{names:?}");
    assert!(
        names[0].starts_with("Term 1, part 1 of 2: 24 Aug"),
        "{names:?}"
    );
    assert!(names[2].starts_with("Term 2: 4 Jan"), "{names:?}");
    assert_eq!(y.terms[0].first, 1);
    assert_eq!(y.terms.last().unwrap().last, 36);
    assert!(y.terms.windows(2).all(|p| p[0].last + 1 == p[1].first));
    assert!(y.terms.iter().all(|t| t.last - t.first < 14));
    // Nothing is generated on a day off.
    assert!(!b
        .cells
        .iter()
        .any(|c| c.days().any(|d| y.is_closed(c.week, d))));
    assert_eq!(y.current_week("2026-11-23"), 14);
    // On the Monday of week 14 the rest of the year starts with it; by Wednesday, with
    // week 15, so filling never rewrites a day already taught.
    assert_eq!(y.rest_of_year("2026-11-23"), 14);
    assert_eq!(y.rest_of_year("2026-11-25"), 15);
    assert_eq!(y.rest_of_year("2026-01-01"), 1);
    assert_eq!(y.current_week("2026-01-01"), 1);
    assert_eq!(y.current_week("2028-01-01"), 37);
    assert_eq!(y.day_label(3, 1), "Tuesday 8 Sep");
}

#[test]
fn placing_a_day_on_a_whole_week_keeps_the_other_days() {
    let mut b = demo::board();
    b.cells.clear();
    let t0 = b.teachers[0].id.clone();
    let whole = Cell {
        member_id: b.members[0].id.clone(),
        week: 5,
        day: None,
        activity: Activity::CoTeach { teacher_id: t0 },
        locked: true,
        extra: Extra::new(),
    };
    assert!(b.place(whole.clone()).is_empty());
    let displaced = b.place(Cell {
        day: Some(2),
        activity: Activity::Students,
        locked: false,
        ..whole.clone()
    });
    assert_eq!(displaced, vec![whole.clone()]);
    assert_eq!(b.cells.len(), 5);
    for d in [0u8, 1, 3, 4] {
        let c = b.cell_at(&slot(&b, 0, 5, d)).unwrap();
        assert_eq!(c.activity, whole.activity);
        assert!(c.locked);
    }
    assert_eq!(
        b.cell_at(&slot(&b, 0, 5, 2)).unwrap().activity,
        Activity::Students
    );
    // Placing a whole week over day cells replaces all of them.
    assert_eq!(b.place(whole.clone()).len(), 5);
    assert_eq!(b.cells, vec![whole]);
}

#[test]
fn moving_takes_a_cell_to_another_slot_and_refuses_days_off() {
    let mut b = demo::board();
    let y = b.year().unwrap();
    let from = slot(&b, 1, 5, 0);
    let moving = b.cell_at(&from).unwrap().clone();
    let to = slot(&b, 3, 6, 4);
    let before = b.cells.len();
    let displaced = b.move_cell(&from, &to, &y).unwrap();
    assert_eq!(displaced.len(), 1, "the target's own cell");
    assert_eq!(b.cells.len(), before - 1);
    assert!(b.cell_at(&from).is_none());
    let moved = b.cell_at(&to).unwrap();
    assert_eq!(moved.activity, moving.activity);
    assert_eq!(moved.member_id, b.members[3].id);
    // Labor Day.
    let err = b.move_cell(&to, &slot(&b, 3, 3, 0), &y).unwrap_err();
    assert_eq!(err, "Monday 7 Sep is a day off.");
    assert!(b.move_cell(&from, &to, &y).is_err(), "nothing to move");
}

#[test]
fn week_kinds_and_locks_are_edited_in_place() {
    let mut b = demo::board();
    let team = b.teams[1].id.clone();
    b.set_week_kind(
        5,
        WeekKind::Pd {
            team_id: team.clone(),
            days: vec![4, 1, 1, 9],
        },
    );
    assert_eq!(
        b.week_kind(5),
        WeekKind::Pd {
            team_id: team,
            days: vec![1, 4]
        }
    );
    // The board now misses cover for the new PD week until it is filled again.
    assert!(b
        .findings()
        .iter()
        .any(|f| f.severity == Severity::Hard && f.week == Some(5)));
    let unmet = b.generate(5);
    assert!(unmet.is_empty(), "{unmet:?}");
    assert!(!b
        .findings()
        .iter()
        .any(|f| f.severity == Severity::Hard && f.week == Some(5)));
    b.set_week_kind(5, WeekKind::Coaching);
    assert_eq!(b.week_kind(5), WeekKind::Coaching);
    let s = slot(&b, 0, 7, 0);
    assert!(b.set_locked(&s, true));
    assert!(b.cell_at(&s).unwrap().locked);
}

#[test]
fn the_rest_of_the_year_keeps_earlier_weeks_and_locks() {
    let mut b = demo::board();
    let early: Vec<Cell> = b.cells.iter().filter(|c| c.week < 14).cloned().collect();
    let s = slot(&b, 2, 20, 0);
    b.take(&s);
    b.place(Cell {
        member_id: s.member.clone(),
        week: 20,
        day: Some(0),
        activity: Activity::Students,
        locked: true,
        extra: Extra::new(),
    });
    b.generate(14);
    let now_early: Vec<Cell> = b.cells.iter().filter(|c| c.week < 14).cloned().collect();
    assert_eq!(early, now_early);
    assert_eq!(b.cell_at(&s).unwrap().activity, Activity::Students);
}

#[test]
fn problems_name_broken_references() {
    let mut b = demo::board();
    b.teachers[0].team_id = Id::fixed("nowhere");
    b.cells[0].member_id = Id::fixed("ghost");
    b.members.push(b.members[0].clone());
    let p = b.problems();
    assert!(
        p.iter().any(|m| m.contains("team that does not exist")),
        "{p:?}"
    );
    assert!(
        p.iter().any(|m| m.contains("1 cells name someone")),
        "{p:?}"
    );
    assert!(p.iter().any(|m| m.contains("repeated ID")), "{p:?}");
}

#[test]
fn the_shared_copy_fits_in_a_link_and_gives_each_teacher_their_schedule() {
    let b = demo::board();
    let shared = b.to_shared("Maple Ridge Middle School");
    let link = share::encode(&shared);
    let url = format!("http://127.0.0.1:8080/schedule#s={link}");
    assert!(url.len() <= 8 * 1024, "{} characters", url.len());
    let back = share::decode(&link).unwrap();
    assert_eq!(back, shared);

    // The first teacher: Grade 6, lesson study in week 2 (locked), PD days in week 4.
    let t = 0;
    let sessions = back.sessions_for(t);
    assert!(sessions.windows(2).all(|p| p[0].date <= p[1].date));
    let ls = sessions
        .iter()
        .find(|s| s.activity == "Lesson study")
        .unwrap();
    assert_eq!(ls.week, 2);
    assert_eq!(ls.with, "with the Grade 6 team");
    assert_eq!(ls.plus, "Dana Whitfield (Math)");
    let pd = back.pd_days_for(t);
    assert_eq!(
        pd.len(),
        4,
        "Tuesday and Wednesday of weeks 4 and 24: {pd:?}"
    );
    assert!(pd.iter().all(|p| p.team == "Grade 6"));
    // Coaching days in the copy match the board's metrics for every teacher (lesson
    // study is a team's, not counted as a teacher's own coaching day).
    let m = b.metrics();
    for (i, days) in m.per_teacher.iter().enumerate() {
        let own = back
            .sessions_for(i)
            .iter()
            .filter(|s| s.activity != "Lesson study")
            .count() as u32;
        assert_eq!(own, *days, "teacher {i}");
    }
}

#[test]
fn calendar_files_have_one_stable_uid_per_person_and_day() {
    let b = demo::board();
    let shared = b.to_shared("Maple Ridge Middle School");
    let one = shared.ics(Some(3), "20261123T120000Z");
    let uids: Vec<&str> = one.lines().filter_map(|l| l.strip_prefix("UID:")).collect();
    assert_eq!(
        uids.len(),
        shared.sessions_for(3).len() + shared.pd_days_for(3).len()
    );
    assert_eq!(uids.iter().collect::<HashSet<_>>().len(), uids.len());
    // Re-made after a regeneration, the same person and day keep their UID.
    let again = b
        .to_shared("Maple Ridge Middle School")
        .ics(Some(3), "20261201T000000Z");
    let uids2: Vec<&str> = again
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    assert_eq!(uids, uids2);
    let all = shared.ics(None, "20261123T120000Z");
    let all_uids: Vec<&str> = all.lines().filter_map(|l| l.strip_prefix("UID:")).collect();
    assert_eq!(
        all_uids.iter().collect::<HashSet<_>>().len(),
        all_uids.len()
    );
    assert!(all_uids.len() > 40 * 20);
    assert_eq!(
        shared.ics_file_name(Some(0)),
        format!(
            "coaching-{}.ics",
            super::schedule::slug(&shared.teachers[0].0)
        )
    );
    assert_eq!(
        shared.ics_file_name(None),
        "coaching-maple-ridge-middle-school.ics"
    );
}

#[test]
fn removing_the_school_takes_its_board_and_undo_brings_it_back() {
    let mut d = crate::domain::demo::benson("2026-11-23T00:00:00Z");
    assert!(d.validate().is_empty(), "{:?}", d.validate());
    let id = Id::fixed(demo::DEMO_SCHOOL);
    let before = d.clone();
    let removed = d.remove_school(&id).unwrap();
    assert!(d.plus.board(&id).is_none());
    d.restore_school(removed);
    assert!(d.plus == before.plus, "the board is back as it was");
}

#[test]
fn the_demo_spreads_expertise_matches_round_each_subject() {
    // No teacher whose subject a Plus teacher shares spends most of the year with
    // Plus teachers from other subjects.
    let b = demo::board();
    let w: Vec<String> = b
        .findings()
        .into_iter()
        .filter(|f| f.message.contains("from other subjects;"))
        .map(|f| f.message)
        .collect();
    assert_eq!(w, Vec::<String>::new());
}

#[test]
fn the_demo_teachers_have_different_names() {
    let b = demo::board();
    let names: HashSet<&str> = b.teachers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), b.teachers.len());
}

#[test]
fn setting_up_a_board_checks_each_edit_and_cascades_removals() {
    use super::state::{default_calendar, Plus};
    assert_eq!(default_calendar("2026-11-23").first_day, "2026-08-31");
    assert_eq!(default_calendar("2027-03-01").first_day, "2026-08-31");
    assert_eq!(default_calendar("2027-08-02").first_day, "2027-08-30");
    let mut plus = Plus::default();
    let school = Id::fixed("s");
    plus.start(school.clone(), default_calendar("2026-11-23"))
        .unwrap();
    assert!(plus
        .start(school.clone(), default_calendar("2026-11-23"))
        .is_err());
    let b = plus.board_mut(&school).unwrap();
    for i in 0..12 {
        b.add_member(Id::fixed(format!("m{i}")), &format!("Plus {i}"), "Math")
            .unwrap();
    }
    assert!(b
        .add_member(Id::fixed("m12"), "One too many", "Math")
        .unwrap_err()
        .contains("12 members at most"));
    assert!(b.update_member(&Id::fixed("m0"), " ", "Math").is_err());
    b.update_member(&Id::fixed("m0"), "Dana W.", "Secondary math")
        .unwrap();
    assert_eq!(b.members[0].expertise, "Secondary math");
    b.add_team(Id::fixed("g6"), "Grade 6").unwrap();
    assert!(b
        .add_team(Id::fixed("g6b"), " grade  6 ")
        .unwrap_err()
        .contains("already a team"));
    assert!(b
        .put_teacher(Id::fixed("t1"), "Ana", &Id::fixed("nowhere"), "Math", "")
        .is_err());
    b.put_teacher(
        Id::fixed("t1"),
        "Ana Ortiz",
        &Id::fixed("g6"),
        "Math",
        "Exit tickets",
    )
    .unwrap();
    b.put_teacher(
        Id::fixed("t1"),
        "Ana Ortiz",
        &Id::fixed("g6"),
        "Math",
        "Discourse",
    )
    .unwrap();
    assert_eq!(b.teachers.len(), 1);
    assert_eq!(b.teachers[0].focus, "Discourse");
    assert!(b
        .remove_team(&Id::fixed("g6"))
        .unwrap_err()
        .contains("still has 1 teacher"));
    assert_eq!(b.generate(1), Vec::<String>::new());
    let cells = b.cells.len();
    assert_eq!(cells, 12 * 36 * 5);
    // The one teacher is coached by one Plus teacher a day; the rest work with students.
    let removed = b.remove_teacher(&Id::fixed("t1")).unwrap();
    assert_eq!(removed, 36 * 5);
    assert_eq!(b.remove_member(&Id::fixed("m1")), Some(36 * 5));
    b.remove_team(&Id::fixed("g6")).unwrap();
    // A shorter year drops what lies past its end; a broken calendar is refused.
    let mut shorter = b.calendar.clone();
    shorter.weeks = 10;
    let change = b.set_calendar(shorter).unwrap();
    assert!(b.cells.iter().all(|c| c.week <= 10));
    // Ten Plus teachers still have cells (the first one only coached the removed teacher).
    assert_eq!(change.dropped, 10 * 26 * 5);
    assert_eq!(change.moved, 0);
    let mut broken = b.calendar.clone();
    broken.first_day = "2026-02-30".into();
    assert!(b.set_calendar(broken).is_err());
    assert_eq!(b.calendar.weeks, 10);
    assert_eq!(b.problems(), Vec::<String>::new());
}

#[test]
fn a_new_break_keeps_every_session_on_its_date() {
    use super::calendar::Break;
    let mut b = demo::board();
    let before = b.to_shared("M");
    let dated = |s: &super::share::Shared| -> Vec<(String, u8, u8, u8, u16, u16)> {
        let mut v: Vec<_> = s
            .cells
            .iter()
            .map(|&(w, d, m, code, a, x)| (s.weeks[usize::from(w)].clone(), d, m, code, a, x))
            .collect();
        v.sort();
        v
    };
    // A whole week off in February: later weeks are renumbered, and the week that is now
    // off loses its cells; every other session keeps its date.
    let mut cal = b.calendar.clone();
    cal.breaks.push(Break {
        label: "Mid-winter break".into(),
        start: "2027-02-15".into(),
        end: "2027-02-19".into(),
        extra: Extra::new(),
    });
    let change = b.set_calendar(cal).unwrap();
    assert!(change.moved > 0, "{change:?}");
    assert_eq!(change.dropped, 8 * 5, "{change:?}");
    assert!(change
        .describe()
        .contains("kept their dates under new week numbers"));
    let after = b.to_shared("M");
    let gone: Vec<_> = dated(&before)
        .into_iter()
        .filter(|c| !dated(&after).contains(c))
        .collect();
    assert!(
        gone.iter().all(|c| c.0 == "2027-02-15"),
        "{:?}",
        &gone[..3.min(gone.len())]
    );
    assert_eq!(b.problems(), Vec::<String>::new());
}
