//! The Plus board's editing state and its grid. The page (`pages/board.rs`) lays out the
//! toolbar, the panels and the grid; everything they share is a [`Ctx`]: the board and its
//! year (memoised from the document), the cursor, what is "in hand", the open editor, the
//! announcements and the undo history.
//!
//! Every edit goes through [`Ctx::apply`], which keeps a copy of the board for undo and
//! says what happened in words (shown, and read out by the live region).

use crate::domain::ids::Id;
use crate::domain::plus::board::{Activity, Cell, DAYS};
use crate::domain::plus::rules::{Finding, Severity};
use crate::domain::plus::{Board, Slot, Year};
use crate::domain::Document;
use crate::ui::store::Store;
use leptos::prelude::*;
use std::collections::HashMap;

pub const HISTORY: usize = 50;
/// Weeks drawn per frame when a term is first shown.
pub const WEEKS_PER_FRAME: u16 = 4;

/// Where keyboard focus is on the grid: a Plus teacher (by position), a week and a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Cursor {
    pub m: usize,
    pub week: u16,
    pub day: u8,
}

impl Cursor {
    pub fn dom_id(&self) -> String {
        format!("slot-{}-{}-{}", self.m, self.week, self.day)
    }

    /// The id of a whole-week cell's button for this cursor's Plus teacher and week.
    pub fn week_dom_id(&self) -> String {
        format!("slot-{}-{}-w", self.m, self.week)
    }
}

/// What the lead is holding: a cell picked up to move, or a new cell to place on any
/// number of days.
#[derive(Clone, Debug, PartialEq)]
pub enum Hand {
    Move {
        from: Cursor,
        label: String,
    },
    New {
        cell: Activity,
        whole_week: bool,
        label: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editing {
    Slot(Cursor),
    Week(u16),
}

#[derive(Default)]
pub struct History {
    pub past: Vec<(Board, String)>,
    pub future: Vec<(Board, String)>,
    /// The board as this page last left it: if the store's board differs (another tab
    /// saved), undoing would throw that work away, so the history is cleared instead.
    pub last: Option<Board>,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub store: Store,
    pub school: Memo<Option<Id>>,
    pub board: Memo<Option<Board>>,
    pub year: Memo<Option<Year>>,
    /// The live rules' findings, checked once per edit for the grid and the rules panel.
    pub findings: Memo<Vec<Finding>>,
    /// The slots the broken hard rules involve, marked on the grid.
    pub clashes: Memo<Clashes>,
    pub term: RwSignal<usize>,
    /// How many of the term's weeks are drawn: a new term is drawn a few weeks per frame,
    /// so the first weeks paint at once and no single task draws the whole term.
    pub drawn_weeks: RwSignal<u16>,
    pub cursor: RwSignal<Cursor>,
    pub hand: RwSignal<Option<Hand>>,
    pub editing: RwSignal<Option<Editing>>,
    /// Every term is drawn for printing while this is set.
    pub printing: RwSignal<bool>,
    /// The latest announcement (visible, and in an aria-live region).
    pub said: RwSignal<String>,
    pub history: StoredValue<History>,
    /// (undo label, redo label), for the buttons.
    pub undo_labels: RwSignal<(Option<String>, Option<String>)>,
}

impl Ctx {
    pub fn new(store: Store, school: Memo<Option<Id>>) -> Ctx {
        let board = Memo::new(move |_| {
            let id = school.get()?;
            store
                .doc
                .with(|d| d.as_ref().and_then(|d| d.plus.board(&id).cloned()))
        });
        let calendar = Memo::new(move |_| board.with(|b| b.as_ref().map(|b| b.calendar.clone())));
        // Worked out again only when the calendar changes, not on every cell edit.
        let year = Memo::new(move |_| {
            calendar.track();
            board.with_untracked(|b| b.as_ref().and_then(|b| b.year().ok()))
        });
        let findings =
            Memo::new(move |_| board.with(|b| b.as_ref().map_or_else(Vec::new, Board::findings)));
        let clashes = Memo::new(move |_| findings.with(|f| clashes(f)));
        Ctx {
            store,
            school,
            board,
            year,
            findings,
            clashes,
            term: RwSignal::new(0),
            drawn_weeks: RwSignal::new(u16::MAX),
            cursor: RwSignal::new(Cursor {
                m: 0,
                week: 1,
                day: 0,
            }),
            hand: RwSignal::new(None),
            editing: RwSignal::new(None),
            printing: RwSignal::new(false),
            said: RwSignal::new(String::new()),
            history: StoredValue::new(History::default()),
            undo_labels: RwSignal::new((None, None)),
        }
    }

    /// Show term `t`, drawing it a few weeks per frame.
    pub fn set_term(&self, t: usize) {
        if t == self.term.get_untracked() {
            return;
        }
        self.drawn_weeks.set(WEEKS_PER_FRAME);
        self.term.set(t);
        self.draw_the_rest();
    }

    /// Redraw the term a few weeks per frame (after a change to most of its cells, such
    /// as filling the year), so the first weeks paint at once.
    pub fn redraw_progressively(&self) {
        self.drawn_weeks.set(WEEKS_PER_FRAME);
        self.draw_the_rest();
    }

    fn draw_the_rest(&self) {
        let drawn = self.drawn_weeks;
        fn grow(drawn: RwSignal<u16>) {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        let n = drawn.get_untracked();
                        if n < 60 {
                            drawn.set(n + WEEKS_PER_FRAME);
                            grow(drawn);
                        } else {
                            drawn.set(u16::MAX);
                        }
                    },
                    std::time::Duration::ZERO,
                );
            });
        }
        grow(drawn);
    }

    pub fn say(&self, s: impl Into<String>) {
        let s = s.into();
        if self.said.with_untracked(|x| *x == s) {
            // The same words again: clear first, so screen readers read them again.
            self.said.set(String::new());
            let said = self.said;
            request_animation_frame(move || said.set(s));
        } else {
            self.said.set(s);
        }
    }

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

    pub fn slot(&self, c: Cursor) -> Option<Slot> {
        self.board.with_untracked(|b| {
            let b = b.as_ref()?;
            Some(Slot {
                member: b.members.get(c.m)?.id.clone(),
                week: c.week,
                day: c.day,
            })
        })
    }

    /// Where a rule's finding is on the grid: its first slot, or its week and day.
    pub fn cursor_for(&self, f: &Finding) -> Option<Cursor> {
        let week = f.week?;
        if let Some(s) = f.slots.first() {
            let m = self.board.with_untracked(|b| {
                b.as_ref()
                    .and_then(|b| b.members.iter().position(|m| m.id == s.member))
            })?;
            return Some(Cursor {
                m,
                week: s.week,
                day: s.day,
            });
        }
        Some(Cursor {
            m: 0,
            week,
            day: f.day.unwrap_or(0),
        })
    }

    fn member_name(&self, c: Cursor) -> String {
        self.board.with_untracked(|b| {
            b.as_ref()
                .and_then(|b| b.members.get(c.m).map(|m| m.name.clone()))
                .unwrap_or_default()
        })
    }

    /// "Dana Whitfield, Tuesday 8 Sep"
    pub fn where_(&self, c: Cursor) -> String {
        let name = self.member_name(c);
        let day = self
            .year
            .with_untracked(|y| y.as_ref().map(|y| y.day_label(c.week, c.day)))
            .unwrap_or_default();
        format!("{name}, {day}")
    }

    /// The cell under `c`, described: "Coaching cycle with Abby Diaz".
    pub fn describe_at(&self, c: Cursor) -> Option<(Cell, String)> {
        let slot = self.slot(c)?;
        self.board.with_untracked(|b| {
            let b = b.as_ref()?;
            let cell = b.cell_at(&slot)?.clone();
            let text = b.describe(&cell.activity);
            Some((cell, text))
        })
    }

    fn is_closed(&self, c: Cursor) -> bool {
        self.year
            .with_untracked(|y| y.as_ref().is_some_and(|y| y.is_closed(c.week, c.day)))
    }

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

    /// Move the cursor, switching terms when it leaves this one, and focus it.
    pub fn go(&self, c: Cursor) {
        let term_changed = self.year.with_untracked(|y| {
            let Some(y) = y else { return false };
            let Some(t) = y
                .terms
                .iter()
                .position(|t| t.first <= c.week && c.week <= t.last)
            else {
                return false;
            };
            if t != self.term.get_untracked() {
                self.set_term(t);
                true
            } else {
                false
            }
        });
        self.cursor.set(c);
        if term_changed {
            // A new term is drawn a few weeks per frame: wait for the week to be there.
            focus_when_drawn(c, 30);
        } else {
            focus_cursor(c);
        }
    }

    /// Arrow keys, Home and End on the grid.
    pub fn step(&self, key: &str) -> bool {
        let c = self.cursor.get_untracked();
        let Some((members, first, last)) = self.year.with_untracked(|y| {
            let y = y.as_ref()?;
            let t = y.terms.get(self.term.get_untracked())?;
            let members = self
                .board
                .with_untracked(|b| b.as_ref().map_or(0, |b| b.members.len()));
            Some((members, t.first, t.last))
        }) else {
            return false;
        };
        if members == 0 {
            return false;
        }
        let whole = self.is_whole_week(c);
        let next = match key {
            "ArrowRight" if whole || c.day + 1 >= DAYS => {
                if c.week >= last {
                    self.say(
                        "End of the term. The term buttons above the board show the next one.",
                    );
                    return true;
                }
                Cursor {
                    week: c.week + 1,
                    day: 0,
                    ..c
                }
            }
            "ArrowRight" => Cursor {
                day: c.day + 1,
                ..c
            },
            "ArrowLeft" if whole || c.day == 0 => {
                if c.week <= first {
                    self.say("Start of the term.");
                    return true;
                }
                Cursor {
                    week: c.week - 1,
                    day: DAYS - 1,
                    ..c
                }
            }
            "ArrowLeft" => Cursor {
                day: c.day - 1,
                ..c
            },
            "ArrowDown" => Cursor {
                m: (c.m + 1).min(members - 1),
                ..c
            },
            "ArrowUp" => Cursor {
                m: c.m.saturating_sub(1),
                ..c
            },
            "Home" => Cursor {
                week: first,
                day: 0,
                ..c
            },
            "End" => Cursor {
                week: last,
                day: DAYS - 1,
                ..c
            },
            _ => return false,
        };
        self.go(next);
        true
    }

    fn is_whole_week(&self, c: Cursor) -> bool {
        self.describe_at(c)
            .is_some_and(|(cell, _)| cell.day.is_none())
    }
}

/// Focus `c` once its slot is drawn, trying for at most `frames` frames.
fn focus_when_drawn(c: Cursor, frames: u8) {
    request_animation_frame(move || {
        let doc = web_sys::window().and_then(|w| w.document());
        let drawn = doc.is_some_and(|d| {
            d.get_element_by_id(&c.dom_id()).is_some()
                || d.get_element_by_id(&c.week_dom_id()).is_some()
        });
        if drawn || frames == 0 {
            focus_cursor(c);
        } else {
            focus_when_drawn(c, frames - 1);
        }
    });
}

/// Focus the button for `c`: its day, or the whole-week cell that covers it.
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

/// "Coaching cycle with Abby Diaz" → "coaching cycle with Abby Diaz".
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn focus_cursor(c: Cursor) {
    let doc = web_sys::window().and_then(|w| w.document());
    let Some(doc) = doc else { return };
    let el = doc
        .get_element_by_id(&c.dom_id())
        .or_else(|| doc.get_element_by_id(&c.week_dom_id()));
    if let Some(el) =
        el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = el.focus();
        clear_sticky_column(&el);
    }
}

/// Scroll the board so the focused day is not under the sticky Plus-teacher column (or
/// past the right edge): the browser's own scrolling on focus ignores the sticky column
/// (WCAG 2.4.11).
fn clear_sticky_column(el: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let cell = el
        .closest("td")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let scroller = el.closest(".board-scroll").ok().flatten();
    let sticky = scroller
        .as_ref()
        .and_then(|s| s.query_selector("tbody th").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(cell), Some(scroller), Some(sticky)) = (cell, scroller, sticky) else {
        return;
    };
    // The table starts at the scroller's left edge, so a cell's offset is its x in the
    // scroller's content.
    let x = cell.offset_left();
    let w = cell.offset_width();
    let left = scroller.scroll_left();
    let view = scroller.client_width();
    let covered = sticky.offset_width();
    if x < left + covered {
        scroller.set_scroll_left((x - covered - 4).max(0));
    } else if x + w > left + view {
        scroller.set_scroll_left(x + w - view + 4);
    }
}

/// One slot as the grid shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SlotView {
    /// `None`: a whole-week cell.
    pub day: Option<u8>,
    pub short: String,
    pub full: String,
    /// CSS modifier: cover, cycle, coteach, study, students, release, empty, off.
    pub kind: &'static str,
    pub locked: bool,
    /// The broken hard rules this slot is part of, in words.
    pub clash: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WeekCellView {
    pub week: u16,
    pub slots: Vec<SlotView>,
}

/// "Abby D."
fn short_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    match (parts.next(), parts.last()) {
        (Some(first), Some(last)) => {
            format!("{first} {}.", last.chars().next().unwrap_or(' '))
        }
        (Some(first), None) => first.to_string(),
        _ => String::new(),
    }
}

fn slot_view(b: &Board, cell: Option<&Cell>, closed: bool, day: Option<u8>) -> SlotView {
    let Some(cell) = cell else {
        return SlotView {
            day,
            short: if closed {
                "Off".into()
            } else {
                "\u{2014}".into()
            },
            full: if closed {
                "Day off".into()
            } else {
                "Empty".into()
            },
            kind: if closed { "off" } else { "empty" },
            locked: false,
            clash: None,
        };
    };
    let teacher = |id: &Id| b.teacher(id).map_or("?".into(), |t| short_name(&t.name));
    let team = |id: &Id| b.team(id).map_or("?".into(), |t| t.name.clone());
    let (kind, short) = match &cell.activity {
        Activity::Cover { team_id } => ("cover", format!("Cover {}", team(team_id))),
        Activity::CoachingCycle { teacher_id } => {
            ("cycle", format!("Cycle {}", teacher(teacher_id)))
        }
        Activity::CoTeach { teacher_id } => {
            ("coteach", format!("Co-teach {}", teacher(teacher_id)))
        }
        Activity::LessonStudy { team_id } => ("study", format!("Study {}", team(team_id))),
        Activity::Students => ("students", "Students".into()),
        Activity::Release {
            teacher_id,
            colleague_id,
        } => (
            "release",
            format!(
                "Release {} \u{2192} {}",
                teacher(teacher_id),
                teacher(colleague_id)
            ),
        ),
    };
    let mut full = b.describe(&cell.activity);
    if let Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id } =
        &cell.activity
    {
        if let Some(t) = b.teacher(teacher_id) {
            if !t.focus.trim().is_empty() {
                full.push_str(&format!(" (focus: {})", t.focus.trim()));
            }
        }
    }
    SlotView {
        day,
        short: if day.is_none() {
            format!("All week: {short}")
        } else {
            short
        },
        full,
        kind,
        locked: cell.locked,
        clash: None,
    }
}

/// Every slot a broken hard rule involves, with the rules' sentences.
pub type Clashes = HashMap<Slot, String>;

pub fn clashes(findings: &[Finding]) -> Clashes {
    let mut out: Clashes = HashMap::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Hard) {
        for s in &f.slots {
            let e = out.entry(s.clone()).or_default();
            if !e.contains(&f.message) {
                if !e.is_empty() {
                    e.push(' ');
                }
                e.push_str(&f.message);
            }
        }
    }
    out
}

/// The grid for weeks `first..=last`: one row per Plus teacher, one entry per week.
pub fn grid(
    b: &Board,
    y: &Year,
    first: u16,
    last: u16,
    clashes: &Clashes,
) -> Vec<Vec<WeekCellView>> {
    let clash_at = |member: &Id, week: u16, day: u8| {
        if clashes.is_empty() {
            return None;
        }
        clashes
            .get(&Slot {
                member: member.clone(),
                week,
                day,
            })
            .cloned()
    };
    let mut by: HashMap<(&Id, u16), Vec<&Cell>> = HashMap::new();
    for c in b.cells.iter().filter(|c| first <= c.week && c.week <= last) {
        by.entry((&c.member_id, c.week)).or_default().push(c);
    }
    b.members
        .iter()
        .map(|m| {
            (first..=last)
                .map(|week| {
                    let cells = by.get(&(&m.id, week)).cloned().unwrap_or_default();
                    let slots = match cells.iter().find(|c| c.day.is_none()) {
                        Some(whole) => {
                            let mut v = slot_view(b, Some(whole), false, None);
                            let mut said: Vec<String> = Vec::new();
                            for d in 0..DAYS {
                                if let Some(c) = clash_at(&m.id, week, d) {
                                    if !said.contains(&c) {
                                        said.push(c);
                                    }
                                }
                            }
                            v.clash = (!said.is_empty()).then(|| said.join(" "));
                            vec![v]
                        }
                        None => (0..DAYS)
                            .map(|d| {
                                let cell = cells.iter().find(|c| c.day == Some(d)).copied();
                                let mut v = slot_view(b, cell, y.is_closed(week, d), Some(d));
                                v.clash = clash_at(&m.id, week, d);
                                v
                            })
                            .collect(),
                    };
                    WeekCellView { week, slots }
                })
                .collect()
        })
        .collect()
}
