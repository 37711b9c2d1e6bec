//! The board's edits and their undo history: every edit goes through `Ctx::apply`, which
//! keeps the board as it was (50 deep) and says what happened; undo and redo swap whole
//! boards, and the history is cleared when another tab changed the board. `edit_board` is
//! the one saved edit, used by the board and by `/board/setup`.

use super::{Ctx, Hand};
use crate::domain::ids::Id;
use crate::domain::plus::{Board, Year};
use crate::domain::Document;
use crate::ui::store::Store;
use leptos::prelude::*;

pub const HISTORY: usize = 50;

#[derive(Default)]
pub struct History {
    pub past: Vec<(Board, String)>,
    pub future: Vec<(Board, String)>,
    /// The board as this page last left it: if the store's board differs (another tab
    /// saved), undoing would throw that work away, so the history is cleared instead.
    pub last: Option<Board>,
}

impl Ctx {
    fn refresh_labels(&self) {
        let labels = self.history.with_value(|h| {
            (
                h.past.last().map(|p| p.1.clone()),
                h.future.last().map(|p| p.1.clone()),
            )
        });
        self.undo_labels.set(labels);
    }

    pub fn forget_history(&self) {
        self.history.update_value(|h| *h = History::default());
        self.refresh_labels();
    }

    /// Apply one edit to the board. `f` returns the sentence to announce, or an error
    /// (and then the board is left as it was). `label` names the edit for undo.
    pub fn apply(
        &self,
        label: &str,
        f: impl FnOnce(&mut Board, &Year) -> Result<String, String>,
    ) -> bool {
        let Some(school) = self.school.get_untracked() else {
            return false;
        };
        let Some(year) = self.year.get_untracked() else {
            self.say("The school year's calendar has a problem; fix it in the set-up first.");
            return false;
        };
        let result = edit_board(&self.store, &school, |b| f(b, &year));
        match result {
            Ok((message, before)) => {
                self.remember_board();
                if matches!(self.hand.get_untracked(), Some(Hand::Move { .. })) {
                    // What was picked up may have moved or gone: pick it up again.
                    self.hand.set(None);
                }
                self.history.update_value(|h| {
                    h.past.push((before, label.to_string()));
                    if h.past.len() > HISTORY {
                        h.past.remove(0);
                    }
                    h.future.clear();
                });
                self.refresh_labels();
                self.say(message);
                true
            }
            Err(e) => {
                self.say(e);
                false
            }
        }
    }

    fn remember_board(&self) {
        let now = self.board.get_untracked();
        self.history.update_value(|h| h.last = now);
    }

    fn swap_history(&self, undo: bool) {
        let Some(school) = self.school.get_untracked() else {
            return;
        };
        let moved_on = self.history.with_value(|h| {
            h.last.is_some() && self.board.with_untracked(|b| b.as_ref() != h.last.as_ref())
        });
        if moved_on {
            self.forget_history();
            self.say("This board was changed in another tab, so there is nothing here to undo or redo: undoing would throw that work away.");
            return;
        }
        let entry = self
            .history
            .try_update_value(|h| if undo { h.past.pop() } else { h.future.pop() });
        let Some(Some((board, label))) = entry else {
            self.say(if undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            });
            return;
        };
        let mut current = None;
        let r = self.store.try_edit(|d| {
            let b = d
                .plus
                .board_mut(&school)
                .ok_or("This school has no Plus board.")?;
            current = Some(std::mem::replace(b, board.clone()));
            Ok(())
        });
        match (r, current) {
            (Ok(()), Some(cur)) => {
                self.history.update_value(|h| {
                    if undo {
                        h.future.push((cur, label.clone()));
                    } else {
                        h.past.push((cur, label.clone()));
                    }
                });
                self.hand.set(None);
                self.remember_board();
                self.say(if undo {
                    format!("Undone: {label}.")
                } else {
                    format!("Redone: {label}.")
                });
            }
            (r, _) => {
                // Put the entry back where it was.
                self.history.update_value(|h| {
                    if undo {
                        h.past.push((board, label));
                    } else {
                        h.future.push((board, label));
                    }
                });
                self.say(r.err().unwrap_or_default());
            }
        }
        self.refresh_labels();
    }

    pub fn undo(&self) {
        self.swap_history(true);
    }

    pub fn redo(&self) {
        self.swap_history(false);
    }
}

/// Apply `f` to `school`'s board in the store, as one saved edit. A refused edit, or one
/// that would give the board a new problem (so that it would not load again), leaves the
/// board exactly as it was. Returns `f`'s message and the board as it was before.
pub fn edit_board(
    store: &Store,
    school: &Id,
    f: impl FnOnce(&mut Board) -> Result<String, String>,
) -> Result<(String, Board), String> {
    let mut done = None;
    store.try_edit(|d: &mut Document| {
        let b = d
            .plus
            .board_mut(school)
            .ok_or("This school has no Plus board.")?;
        let snapshot = b.clone();
        let known = snapshot.problems().len();
        let outcome = f(b).and_then(|m| match b.problems().into_iter().nth(known) {
            Some(p) => Err(format!("That change was not made: {p}")),
            None => Ok(m),
        });
        match outcome {
            Ok(m) => {
                done = Some((m, snapshot));
                Ok(())
            }
            Err(e) => {
                *b = snapshot;
                Err(e)
            }
        }
    })?;
    done.ok_or_else(|| "The change was not made.".to_string())
}
