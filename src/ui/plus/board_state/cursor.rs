//! The board's cursor: the slot under it and its words, where a rule's finding is, moving
//! it with the keyboard (switching terms at a term's edge), and focusing its button.

use super::{Ctx, Cursor};
use crate::domain::plus::board::{Cell, DAYS};
use crate::domain::plus::rules::Finding;
use crate::domain::plus::Slot;
use leptos::prelude::*;

impl Ctx {
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

    pub(super) fn member_name(&self, c: Cursor) -> String {
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

    pub(super) fn is_closed(&self, c: Cursor) -> bool {
        self.year
            .with_untracked(|y| y.as_ref().is_some_and(|y| y.is_closed(c.week, c.day)))
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
