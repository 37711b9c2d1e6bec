//! "Fill the rest of the year" as the lead sees it: the fill itself, and a message that
//! speaks for the whole board. A fill only plans the weeks it was given, so a rule broken
//! before them is still broken after it: the message names where every broken hard rule
//! is, and says when the fill changed nothing.

use super::board::{Activity, DAYS};
use super::rules::Severity;
use super::state::Board;
use crate::domain::ids::Id;
use crate::domain::text::plural;
use std::collections::HashMap;

/// What each Plus teacher does on each day from `from` on.
fn days(b: &Board, from: u16) -> HashMap<(Id, u16, u8), Activity> {
    b.cells
        .iter()
        .filter(|c| c.week >= from)
        .flat_map(|c| {
            c.days()
                .map(move |d| ((c.member_id.clone(), c.week, d), c.activity.clone()))
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What a fill did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    /// Whether any cell changed.
    pub changed: bool,
    /// What the fill itself could not meet, in words.
    pub unmet: Vec<String>,
    /// One or two sentences for the lead: what was filled, then the whole board's hard
    /// rules. No timings.
    pub message: String,
}

/// "week 1", "weeks 1 and 3", "weeks 1, 3 and 7".
fn weeks_text(weeks: &[u16]) -> String {
    match weeks {
        [] => String::new(),
        [w] => format!("week {w}"),
        [init @ .., last] => format!(
            "weeks {} and {last}",
            init.iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Whether every Plus teacher's every open day from `from_week` to the year's end is
/// planned already: filling then plans those weeks again, so the lead is asked first.
pub fn is_full(b: &Board, from_week: u16) -> bool {
    let from = from_week.max(1);
    let last = b.calendar.weeks;
    if from > last {
        return false;
    }
    days(b, from).len() >= open_days(b, from, last)
}

fn open_days(b: &Board, from: u16, last: u16) -> usize {
    let closed = b.year().map(|y| y.closed).unwrap_or_default();
    b.members.len()
        * (usize::from(last - from + 1) * usize::from(DAYS)
            - closed.iter().filter(|(w, _)| *w >= from).count())
}

/// Fill weeks `from_week` to the last week around locked cells.
pub fn fill(b: &mut Board, from_week: u16) -> Filled {
    let from = from_week.max(1);
    let last = b.calendar.weeks;
    if from > last {
        return Filled {
            changed: false,
            unmet: Vec::new(),
            message: format!(
                "Nothing to fill: the year ends with week {last}, before week {from}."
            ),
        };
    }
    let before = days(b, from);
    let was_full = before.len() >= open_days(b, from, last);
    let locked = b
        .cells
        .iter()
        .filter(|c| c.locked && c.week >= from)
        .count();
    let unmet = b.generate(from);
    let after = days(b, from);
    let differing = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .count()
        + before.keys().filter(|k| !after.contains_key(*k)).count();
    let changed = differing > 0;
    let span = if from == last {
        format!("week {from}")
    } else {
        format!("weeks {from} to {last}")
    };
    let cells = plural(locked, "locked cell", "locked cells");
    let mut message = if changed && was_full {
        format!(
            "{} already full; filling planned {} again around {cells}: {differing} of {} days changed.",
            capitalise(&format!("{span} {}", if from == last { "was" } else { "were" })),
            if from == last { "it" } else { "them" },
            after.len()
        )
    } else if changed {
        format!("Filled {span} around {cells}: {differing} days changed.")
    } else {
        format!("Nothing changed: {span} were already filled, and filling them again gives the same plan.")
    };
    let hard: Vec<_> = b
        .findings()
        .into_iter()
        .filter(|f| f.severity == Severity::Hard)
        .collect();
    if hard.is_empty() {
        message.push_str(" Every hard rule is met on the whole board.");
        return Filled {
            changed,
            unmet,
            message,
        };
    }
    let mut earlier: Vec<u16> = Vec::new();
    let (mut n_earlier, mut n_filled, mut n_year) = (0, 0, 0);
    for f in &hard {
        match f.week {
            Some(w) if w < from => {
                n_earlier += 1;
                if !earlier.contains(&w) {
                    earlier.push(w);
                }
            }
            Some(_) => n_filled += 1,
            None => n_year += 1,
        }
    }
    earlier.sort_unstable();
    let mut parts = Vec::new();
    if n_earlier > 0 {
        parts.push(format!(
            "{n_earlier} in {}, which this fill did not change",
            weeks_text(&earlier)
        ));
    }
    if n_filled > 0 {
        parts.push(format!("{n_filled} in the filled weeks"));
    }
    if n_year > 0 {
        parts.push(format!("{n_year} over the whole year"));
    }
    let n = hard.len();
    message.push_str(&format!(
        " {} broken on the board: {}. See the rules below.",
        plural(n, "hard rule is", "hard rules are"),
        parts.join("; ")
    ));
    Filled {
        changed,
        unmet,
        message,
    }
}
