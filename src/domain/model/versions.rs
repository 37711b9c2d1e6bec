//! Published versions of the charter, and what changed between two charters.
//!
//! A version is a copy of the draft at the time it was published. Nothing edits a version:
//! the only way to change what the district publishes is to publish a new one, and every
//! earlier one stays, with what changed from the one before.

use super::charter::{Charter, GoalKind, Part, Role, Section};
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::quote_short;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A published charter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    /// 1, 2, 3… in the order published.
    pub number: u32,
    /// YYYY-MM-DD.
    pub published_on: String,
    /// Who published it, and why: the champion's note.
    #[serde(default)]
    pub note: String,
    pub charter: Charter,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One change between two charters, in words, with the section it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub section: Section,
    pub text: String,
}

fn q(s: &str) -> String {
    quote_short(s)
}

fn part_word(p: Option<Part>) -> &'static str {
    p.map_or("no part", |p| match p {
        Part::Leads => "leads",
        Part::Supports => "supports",
        Part::Consulted => "is consulted",
        Part::Informed => "is informed",
    })
}

/// Items of two lists matched by ID: (removed, added, in both).
fn matched<'a, T, F: Fn(&T) -> &Id>(
    old: &'a [T],
    new: &'a [T],
    id: F,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>) {
    let by_id: HashMap<&Id, &T> = new.iter().map(|x| (id(x), x)).collect();
    let old_ids: HashMap<&Id, &T> = old.iter().map(|x| (id(x), x)).collect();
    let removed = old.iter().filter(|x| !by_id.contains_key(id(x))).collect();
    let added = new
        .iter()
        .filter(|x| !old_ids.contains_key(id(x)))
        .collect();
    let both = old
        .iter()
        .filter_map(|x| by_id.get(id(x)).map(|y| (x, *y)))
        .collect();
    (removed, added, both)
}

/// What changed from `old` to `new`, section by section, in the charter's order.
pub fn changes(old: &Charter, new: &Charter) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |section: Section, text: String| out.push(Change { section, text });
    if old.name != new.name {
        push(
            Section::Model,
            format!("The model is now {}.", q(&new.name)),
        );
    }
    if old.research != new.research || old.citation != new.citation {
        push(
            Section::Model,
            "The research or its citation changed.".into(),
        );
    }
    if old.vision != new.vision {
        push(Section::Vision, "The vision changed.".into());
    }

    let (gone, added, both) = matched(&old.outcomes, &new.outcomes, |o| &o.id);
    for o in gone {
        push(
            Section::Outcomes,
            format!("Outcome removed: {}.", q(&o.title)),
        );
    }
    for o in added {
        push(
            Section::Outcomes,
            format!(
                "Outcome added: {}, from {} to {} by {}.",
                q(&o.title),
                o.baseline,
                o.target,
                o.by
            ),
        );
    }
    for (a, b) in both {
        let mut what = Vec::new();
        if a.title != b.title {
            what.push(format!("renamed from {}", q(&a.title)));
        }
        if a.indicator != b.indicator {
            what.push("its indicator changed".to_string());
        }
        if a.baseline != b.baseline {
            what.push(format!("baseline {} (was {})", b.baseline, a.baseline));
        }
        if a.target != b.target {
            what.push(format!("target {} (was {})", b.target, a.target));
        }
        if a.by != b.by {
            what.push(format!("by {} (was {})", b.by, a.by));
        }
        if !what.is_empty() {
            push(
                Section::Outcomes,
                format!("Outcome {}: {}.", q(&b.title), what.join("; ")),
            );
        }
    }

    let (gone, added, both) = matched(&old.roles, &new.roles, |r| &r.id);
    for r in gone {
        push(
            Section::Roles,
            format!("Responsibility removed: {}.", q(&r.text)),
        );
    }
    for r in added {
        push(
            Section::Roles,
            format!("Responsibility added: {}.", q(&r.text)),
        );
    }
    for (a, b) in both {
        if a.text != b.text {
            push(
                Section::Roles,
                format!("Responsibility {} is now {}.", q(&a.text), q(&b.text)),
            );
        }
        for role in Role::ALL {
            if a.part(role) != b.part(role) {
                push(
                    Section::Roles,
                    format!(
                        "{}: the {} now {} (was: {}).",
                        q(&b.text),
                        role.short().to_lowercase(),
                        part_word(b.part(role)),
                        part_word(a.part(role))
                    ),
                );
            }
        }
    }

    let (gone, added, both) = matched(&old.statements, &new.statements, |s| &s.id);
    let is = |b: bool| if b { "Coaching is" } else { "Coaching is not" };
    for s in gone {
        push(
            Section::Statements,
            format!("Removed: {} {}.", is(s.is).to_lowercase(), q(&s.text)),
        );
    }
    for s in added {
        push(
            Section::Statements,
            format!("Added: {} {}.", is(s.is).to_lowercase(), q(&s.text)),
        );
    }
    for (a, b) in both {
        if a.text != b.text || a.is != b.is {
            push(
                Section::Statements,
                format!("Now: {} {}.", is(b.is).to_lowercase(), q(&b.text)),
            );
        }
    }

    let (gone, added, both) = matched(&old.goals, &new.goals, |g| &g.id);
    let kind = |k: GoalKind| match k {
        GoalKind::Goal => "Goal",
        GoalKind::Initiative => "Initiative",
    };
    for g in gone {
        push(
            Section::Alignment,
            format!("{} removed: {}.", kind(g.kind), q(&g.title)),
        );
    }
    for g in added {
        push(
            Section::Alignment,
            format!("{} added: {}.", kind(g.kind), q(&g.title)),
        );
    }
    let title = |c: &Charter, id: &Id| {
        c.outcome(id)
            .map_or_else(|| "an outcome".to_string(), |o| q(&o.title))
    };
    for (a, b) in both {
        if a.title != b.title || a.kind != b.kind {
            push(
                Section::Alignment,
                format!("{} {} is now {}.", kind(a.kind), q(&a.title), q(&b.title)),
            );
        }
        for o in b.served_by.iter().filter(|o| !a.served_by.contains(o)) {
            push(
                Section::Alignment,
                format!("{} now serves {}.", title(new, o), q(&b.title)),
            );
        }
        for o in a.served_by.iter().filter(|o| !b.served_by.contains(o)) {
            // An outcome removed is said once, above.
            if new.outcome(o).is_some() {
                push(
                    Section::Alignment,
                    format!("{} no longer serves {}.", title(new, o), q(&b.title)),
                );
            }
        }
    }

    let (gone, added, both) = matched(&old.stakeholders, &new.stakeholders, |s| &s.id);
    for s in gone {
        push(
            Section::Stakeholders,
            format!("Stakeholder removed: {}.", q(&s.name)),
        );
    }
    for s in added {
        push(
            Section::Stakeholders,
            format!(
                "Stakeholder added: {}{}.",
                q(&s.name),
                if s.signed_off {
                    ", signed off"
                } else {
                    ", sign-off pending"
                }
            ),
        );
    }
    for (a, b) in both {
        if a.name != b.name {
            push(
                Section::Stakeholders,
                format!("Stakeholder {} is now {}.", q(&a.name), q(&b.name)),
            );
        }
        if a.signed_off != b.signed_off {
            push(
                Section::Stakeholders,
                if b.signed_off {
                    format!("{} signed off on {}.", q(&b.name), b.on)
                } else {
                    format!("{}\u{2019}s sign-off is pending again.", q(&b.name))
                },
            );
        }
        if a.input != b.input {
            push(
                Section::Stakeholders,
                format!("{}\u{2019}s input changed.", q(&b.name)),
            );
        }
    }

    let (gone, added, both) = matched(&old.elements, &new.elements, |e| &e.id);
    let nn = |b: bool| if b { " (non-negotiable)" } else { "" };
    for e in gone {
        push(
            Section::Elements,
            format!("Element removed: {}.", q(&e.name)),
        );
    }
    for e in added {
        push(
            Section::Elements,
            format!("Element added: {}{}.", q(&e.name), nn(e.non_negotiable)),
        );
    }
    for (a, b) in both {
        if a.name != b.name {
            push(
                Section::Elements,
                format!("Element {} is now {}.", q(&a.name), q(&b.name)),
            );
        }
        if a.non_negotiable != b.non_negotiable {
            push(
                Section::Elements,
                format!(
                    "{} is now {}.",
                    q(&b.name),
                    if b.non_negotiable {
                        "non-negotiable"
                    } else {
                        "open to campus adaptation"
                    }
                ),
            );
        }
    }
    if old.extra != new.extra && out.is_empty() {
        out.push(Change {
            section: Section::Model,
            text: "Fields this version of Readyboard does not show changed.".into(),
        });
    }
    out
}
