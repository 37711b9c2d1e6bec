//! A PD plan for the year in one step: a PD week every `every` weeks from `first`, the
//! teacher teams in turn, on the chosen days. [`propose`] gives the weeks (for a preview);
//! [`apply`] puts them on the board in place of the PD weeks it had.

use super::board::{WeekKind, DAYS, DAY_NAMES};
use super::state::Board;
use crate::domain::ids::Id;
use crate::domain::text::plural;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdPlan {
    /// A PD week every this many weeks (1 = every week).
    pub every: u16,
    /// The first PD week.
    pub first: u16,
    /// The PD days (0 = Monday).
    pub days: Vec<u8>,
}

/// One proposed PD week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedWeek {
    pub week: u16,
    pub team_id: Id,
    /// The chosen days that are school days that week.
    pub days: Vec<u8>,
}

/// The PD weeks the plan gives, or why it cannot. A chosen day that is a day off is left
/// out of that week; a week whose chosen days are all off moves to the next week.
pub fn propose(b: &Board, plan: &PdPlan) -> Result<Vec<ProposedWeek>, String> {
    if b.teams.is_empty() {
        return Err("This board has no teacher teams yet: add them in the set-up first.".into());
    }
    let last = b.calendar.weeks;
    if plan.every == 0 || plan.every > last {
        return Err(format!(
            "Choose how often, from every week to every {last} weeks."
        ));
    }
    if plan.first == 0 || plan.first > last {
        return Err(format!(
            "The first PD week must be between week 1 and week {last}."
        ));
    }
    let mut days: Vec<u8> = plan.days.iter().copied().filter(|d| *d < DAYS).collect();
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return Err("Choose at least one PD day.".into());
    }
    let year = b.year()?;
    let mut out = Vec::new();
    let mut week = plan.first;
    let mut team = 0usize;
    while week <= last {
        let open: Vec<u8> = days
            .iter()
            .copied()
            .filter(|d| !year.is_closed(week, *d))
            .collect();
        if open.is_empty() {
            week += 1;
            continue;
        }
        out.push(ProposedWeek {
            week,
            team_id: b.teams[team % b.teams.len()].id.clone(),
            days: open,
        });
        team += 1;
        week = week.saturating_add(plan.every);
    }
    Ok(out)
}

/// "Week 4: Grade 6, Tuesday and Wednesday"
pub fn describe(b: &Board, w: &ProposedWeek) -> String {
    let days: Vec<&str> = w
        .days
        .iter()
        .map(|d| DAY_NAMES[usize::from(*d).min(4)])
        .collect();
    format!(
        "Week {}: {}, {}",
        w.week,
        b.team(&w.team_id).map_or("a team", |t| t.name.as_str()),
        days.join(" and ")
    )
}

/// Put the plan on the board: every PD week it had goes, the proposed ones come. Cells are
/// left as they are (filling the year places the cover). Returns the sentence to say.
pub fn apply(b: &mut Board, weeks: &[ProposedWeek]) -> String {
    let had = b.pd_weeks.len();
    b.pd_weeks.clear();
    for w in weeks {
        b.set_week_kind(
            w.week,
            WeekKind::Pd {
                team_id: w.team_id.clone(),
                days: w.days.clone(),
            },
        );
    }
    format!(
        "Planned {}{}. Fill the year so the Plus team covers their classes; Ctrl+Z undoes the plan.",
        plural(weeks.len(), "PD week", "PD weeks"),
        if had > 0 {
            format!(" in place of the {had} the board had")
        } else {
            String::new()
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plus::demo;

    #[test]
    fn a_pd_plan_rotates_the_teams_on_the_chosen_days_and_skips_days_off() {
        let mut b = demo::board();
        let plan = PdPlan {
            every: 4,
            first: 3,
            days: vec![0, 2],
        };
        let weeks = propose(&b, &plan).unwrap();
        assert_eq!(weeks[0].week, 3);
        // Labor Day is Monday of week 3: that week's PD is on Wednesday only.
        assert_eq!(weeks[0].days, vec![2]);
        assert_eq!(weeks[1].week, 7);
        assert_eq!(weeks[1].days, vec![0, 2]);
        let teams: Vec<&Id> = weeks.iter().take(6).map(|w| &w.team_id).collect();
        assert_eq!(teams[0], &b.teams[0].id);
        assert_eq!(teams[4], &b.teams[4].id);
        assert_eq!(teams[5], &b.teams[0].id, "the teams go round");
        assert_eq!(weeks.len(), 9, "weeks 3, 7, ..., 35");
        assert_eq!(
            describe(&b, &weeks[1]),
            "Week 7: Grade 7, Monday and Wednesday"
        );
        let said = apply(&mut b, &weeks);
        assert!(
            said.starts_with("Planned 9 PD weeks in place of the 9 the board had."),
            "{said}"
        );
        assert_eq!(b.pd_weeks.len(), 9);
        assert_eq!(b.problems(), Vec::<String>::new());
        // Filling the year covers every PD class.
        let _ = b.generate(1);
        assert!(b
            .findings()
            .iter()
            .all(|f| !f.message.contains("classes are covered")));
    }

    #[test]
    fn a_pd_plan_says_what_is_missing() {
        let b = demo::board();
        let bad =
            |every, first, days: Vec<u8>| propose(&b, &PdPlan { every, first, days }).unwrap_err();
        assert!(bad(0, 1, vec![1]).starts_with("Choose how often"));
        assert!(bad(4, 0, vec![1]).starts_with("The first PD week"));
        assert_eq!(bad(4, 1, vec![]), "Choose at least one PD day.");
        let mut empty = b.clone();
        empty.teams.clear();
        assert!(propose(
            &empty,
            &PdPlan {
                every: 4,
                first: 1,
                days: vec![1]
            }
        )
        .unwrap_err()
        .contains("no teacher teams"));
    }
}
