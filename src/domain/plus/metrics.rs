//! What the board gives: coaching days per teacher, each Plus teacher's split of time, and
//! the seed's comparison with a traditional model of one or two instructional coaches.

use super::board::{coaching_days, Activity, Cell, Member, Teacher};
use crate::domain::ids::Id;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub member_id: Id,
    pub coaching: u32,
    pub cover: u32,
    pub students: u32,
    /// Days with nothing on the board.
    pub open: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Coaching days per teacher, in the teachers' order.
    pub per_teacher: Vec<u32>,
    pub mean: f64,
    pub min: u32,
    pub max: u32,
    /// Coaching days → how many teachers had that many.
    pub distribution: BTreeMap<u32, usize>,
    pub splits: Vec<Split>,
    /// School days on the board (weeks × 5, less days off).
    pub days: u32,
}

impl Metrics {
    /// Coaching days each teacher would get from `coaches` full-time instructional coaches
    /// over the same days, shared evenly: the generous reading of the traditional model.
    pub fn traditional_per_teacher(&self, coaches: u32) -> f64 {
        if self.per_teacher.is_empty() {
            0.0
        } else {
            f64::from(coaches * self.days) / self.per_teacher.len() as f64
        }
    }

    /// How many times the traditional model's days this board gives, per teacher.
    pub fn multiple(&self, coaches: u32) -> Option<f64> {
        let t = self.traditional_per_teacher(coaches);
        (t > 0.0).then(|| self.mean / t)
    }
}

/// `days`: the school days on the board (weeks × 5, less days off).
pub fn metrics(members: &[Member], teachers: &[Teacher], days: u32, cells: &[Cell]) -> Metrics {
    let per_teacher = coaching_days(teachers, cells);
    let mut distribution = BTreeMap::new();
    for &d in &per_teacher {
        *distribution.entry(d).or_insert(0) += 1;
    }
    let splits = members
        .iter()
        .map(|m| {
            let mut s = Split {
                member_id: m.id.clone(),
                coaching: 0,
                cover: 0,
                students: 0,
                open: 0,
            };
            for c in cells.iter().filter(|c| c.member_id == m.id) {
                match c.activity {
                    Activity::Cover { .. } => s.cover += c.day_count(),
                    Activity::Students => s.students += c.day_count(),
                    _ => s.coaching += c.day_count(),
                }
            }
            s.open = days.saturating_sub(s.coaching + s.cover + s.students);
            s
        })
        .collect();
    let n = per_teacher.len();
    Metrics {
        mean: if n == 0 {
            0.0
        } else {
            f64::from(per_teacher.iter().sum::<u32>()) / n as f64
        },
        min: per_teacher.iter().copied().min().unwrap_or(0),
        max: per_teacher.iter().copied().max().unwrap_or(0),
        distribution,
        splits,
        days,
        per_teacher,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::district::Extra;
    use crate::domain::plus::board::DAYS;

    #[test]
    fn eight_plus_teachers_coaching_most_days_give_several_times_the_traditional_days() {
        let members: Vec<Member> = (0..8)
            .map(|i| Member {
                id: Id::fixed(format!("m{i}")),
                name: format!("M{i}"),
                expertise: "Math".into(),
                extra: Extra::new(),
            })
            .collect();
        let teachers: Vec<Teacher> = (0..40)
            .map(|i| Teacher {
                id: Id::fixed(format!("t{i}")),
                name: format!("T{i}"),
                team_id: Id::fixed("x"),
                subject: "Math".into(),
                focus: String::new(),
                email: String::new(),
                extra: Extra::new(),
            })
            .collect();
        // 10 weeks: every Plus teacher coaches 3 days a week, covers 1, works with students 1.
        let mut cells = Vec::new();
        let mut k = 0;
        for week in 1..=10u16 {
            for m in &members {
                for day in 0..5u8 {
                    let activity = match day {
                        0..=2 => {
                            k += 1;
                            Activity::CoachingCycle {
                                teacher_id: teachers[k % 40].id.clone(),
                            }
                        }
                        3 => Activity::Cover {
                            team_id: Id::fixed("x"),
                        },
                        _ => Activity::Students,
                    };
                    cells.push(Cell {
                        member_id: m.id.clone(),
                        week,
                        day: Some(day),
                        activity,
                        locked: false,
                        extra: Extra::new(),
                    });
                }
            }
        }
        let m = metrics(&members, &teachers, 10 * u32::from(DAYS), &cells);
        assert_eq!(m.days, 50);
        assert_eq!(m.per_teacher.iter().sum::<u32>(), 8 * 10 * 3);
        assert_eq!((m.min, m.max), (6, 6));
        assert_eq!(m.distribution, BTreeMap::from([(6, 40)]));
        assert_eq!(
            m.splits[0],
            Split {
                member_id: Id::fixed("m0"),
                coaching: 30,
                cover: 10,
                students: 10,
                open: 0
            }
        );
        // One full-time coach for 40 teachers over 50 days: 1.25 days each; the board: 6.
        assert_eq!(m.traditional_per_teacher(1), 1.25);
        assert_eq!(m.multiple(1), Some(4.8));
        assert_eq!(m.multiple(2), Some(2.4));
    }
}
