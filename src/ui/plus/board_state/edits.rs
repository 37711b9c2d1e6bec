//! The board's edits at the cursor: what is in hand (a cell picked up to move, or a new
//! cell placed on any number of days), dropping or placing it, removing a cell, and locking
//! one so filling the year keeps it.

use super::{lower_first, Ctx, Cursor, Hand};
use crate::domain::plus::board::{Activity, Cell};
use leptos::prelude::*;

impl Ctx {
    /// Space, or a click while holding something: pick up, drop or place.
    pub fn act_at(&self, c: Cursor) {
        self.cursor.set(c);
        match self.hand.get_untracked() {
            None => self.pick_up(c),
            Some(Hand::Move { from, label }) => {
                if from == c {
                    self.hand.set(None);
                    self.say(format!("Put {label} back where it was."));
                    return;
                }
                let (Some(from_slot), Some(to_slot)) = (self.slot(from), self.slot(c)) else {
                    return;
                };
                let to_text = self.where_(c);
                let ok = self.apply(&format!("move {label}"), |b, y| {
                    let displaced = b.move_cell(&from_slot, &to_slot, y)?;
                    Ok(match displaced.as_slice() {
                        [] => format!("Moved {label} to {to_text}."),
                        [d] => format!(
                            "Moved {label} to {to_text}, in place of {}.",
                            lower_first(&b.describe(&d.activity))
                        ),
                        many => format!(
                            "Moved {label} to {to_text}, in place of {} sessions.",
                            many.len()
                        ),
                    })
                });
                if ok {
                    self.hand.set(None);
                }
            }
            Some(Hand::New {
                cell,
                whole_week,
                label,
            }) => self.place_new(c, cell, whole_week, &label, false),
        }
    }

    pub fn place_new(
        &self,
        c: Cursor,
        activity: Activity,
        whole_week: bool,
        label: &str,
        locked: bool,
    ) {
        if !whole_week && self.is_closed(c) {
            self.say(format!("{} is a day off.", self.where_(c)));
            return;
        }
        let Some(slot) = self.slot(c) else { return };
        let where_ = if whole_week {
            format!("{}, all of week {}", self.member_name(c), c.week)
        } else {
            self.where_(c)
        };
        let holding = self
            .hand
            .with_untracked(|h| matches!(h, Some(Hand::New { .. })));
        let label = label.to_string();
        self.apply(&format!("place {label}"), move |b, _| {
            let displaced = b.place(Cell {
                member_id: slot.member.clone(),
                week: slot.week,
                day: (!whole_week).then_some(slot.day),
                activity,
                locked,
                extra: Default::default(),
            });
            let mut s = format!("Placed {label} on {where_}.");
            match displaced.as_slice() {
                [] => {}
                [d] => s.push_str(&format!(
                    " It replaces {}.",
                    lower_first(&b.describe(&d.activity))
                )),
                many => s.push_str(&format!(" It replaces {} sessions.", many.len())),
            }
            if holding {
                s.push_str(" Still holding it: choose another day, or press Escape to stop.");
            }
            Ok(s)
        });
    }

    pub fn pick_up(&self, c: Cursor) {
        match self.describe_at(c) {
            Some((_, text)) => {
                let label = lower_first(&text);
                self.hand.set(Some(Hand::Move {
                    from: c,
                    label: label.clone(),
                }));
                self.say(format!(
                    "Picked up {label} from {}. Move to another day and press Space or click it to drop; Escape cancels.",
                    self.where_(c)
                ));
            }
            None => self.say(format!(
                "{} is empty. Press Enter to add something there.",
                self.where_(c)
            )),
        }
    }

    pub fn cancel(&self) {
        if let Some(h) = self.hand.get_untracked() {
            self.hand.set(None);
            self.say(match h {
                Hand::Move { label, .. } => format!("Cancelled: {label} stays where it was."),
                Hand::New { label, .. } => format!("Stopped placing {label}."),
            });
        } else if self.editing.get_untracked().is_some() {
            self.editing.set(None);
            self.say("Closed the editor without changes.");
        }
    }

    pub fn remove_at(&self, c: Cursor) {
        let Some(slot) = self.slot(c) else { return };
        let where_ = self.where_(c);
        self.apply("remove", move |b, _| match b.take(&slot) {
            Some(cell) => Ok(format!(
                "Removed {} from {where_}. Ctrl+Z undoes it.",
                lower_first(&b.describe(&cell.activity))
            )),
            None => Err(format!("{where_} is already empty.")),
        });
    }

    pub fn toggle_lock(&self, c: Cursor) {
        let Some(slot) = self.slot(c) else { return };
        let where_ = self.where_(c);
        self.apply("lock", move |b, _| {
            let locked = b
                .cell_at(&slot)
                .map(|c| c.locked)
                .ok_or(format!("{where_} is empty; there is nothing to lock."))?;
            b.set_locked(&slot, !locked);
            Ok(if locked {
                format!("Unlocked {where_}: filling the year may change it.")
            } else {
                format!("Locked {where_}: filling the year keeps it.")
            })
        });
    }
}
