//! The Plus board's editing state and its grid. The page (`board.rs`) lays out the
//! toolbar, the panels and the grid; everything they share is a [`Ctx`]: the board and its
//! year (memoised from the document), the cursor, what is "in hand", the open editor, the
//! announcements and the undo history.
//!
//! Every edit goes through [`Ctx::apply`], which keeps a copy of the board for undo and
//! says what happened in words (shown, and read out by the live region).
//!
//! This file holds `Ctx` and the types it is made of. The rest of `Ctx` is split by what it
//! does: `history` (applying an edit, undo and redo, and `edit_board`), `cursor` (moving the
//! cursor, describing and focusing a slot), `edits` (picking up, placing, removing and
//! locking at the cursor); `grid_view` turns a term into plain slot views.

mod cursor;
mod edits;
mod grid_view;
mod history;

pub use cursor::focus_cursor;
pub use grid_view::{clashes, grid, Clashes, SlotView, WeekCellView};
pub use history::{edit_board, History, HISTORY};

use crate::domain::ids::Id;
use crate::domain::plus::board::Activity;
use crate::domain::plus::rules::Finding;
use crate::domain::plus::{Board, Year};
use crate::ui::store::Store;
use leptos::prelude::*;

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
}

/// "Coaching cycle with Abby Diaz" → "coaching cycle with Abby Diaz".
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
