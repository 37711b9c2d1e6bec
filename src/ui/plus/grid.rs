//! `/board`'s grid: one row per Plus teacher, one column per week of the term shown, a
//! button per day. The table body handles every slot's events; the cursor, the picked-up
//! cell and the clashes are marked on plain elements.

use crate::domain::plus::board::{WeekKind, DAY_NAMES};
use crate::domain::plus::rules::Severity;
use crate::domain::text::plural;
use crate::ui::plus::board::refocus;
use crate::ui::plus::board_state::{grid, Ctx, Cursor, Editing, Hand, WeekCellView};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// One week column's heading.
#[derive(Clone, PartialEq, Eq, Hash)]
struct WeekHead {
    week: u16,
    label: String,
    kind: String,
    hard: usize,
}

#[component]
pub(crate) fn Grid() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let range = Memo::new(move |_| {
        let t = ctx.term.get();
        let drawn = ctx.drawn_weeks.get().max(1);
        ctx.year.with(|y| {
            y.as_ref().and_then(|y| {
                y.terms.get(t).map(|t| {
                    (
                        t.name.clone(),
                        t.first,
                        t.last.min(t.first.saturating_add(drawn - 1)),
                    )
                })
            })
        })
    });
    let rows = Memo::new(move |_| {
        let Some((_, first, last)) = range.get() else {
            return Vec::new();
        };
        ctx.board.with(|b| {
            ctx.year.with(|y| match (b, y) {
                (Some(b), Some(y)) => ctx.clashes.with(|k| grid(b, y, first, last, k)),
                _ => Vec::new(),
            })
        })
    });
    let members = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map_or_else(Vec::new, |b| {
                b.members
                    .iter()
                    .map(|m| (m.name.clone(), m.expertise.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let hard_weeks = Memo::new(move |_| {
        ctx.findings.with(|findings| {
            let mut counts = std::collections::HashMap::<u16, usize>::new();
            for f in findings {
                if let (Severity::Hard, Some(w)) = (f.severity, f.week) {
                    *counts.entry(w).or_default() += 1;
                }
            }
            counts
        })
    });
    let heads = Memo::new(move |_| {
        let Some((_, first, last)) = range.get() else {
            return Vec::new();
        };
        ctx.board.with(|b| {
            ctx.year.with(|y| {
                let (Some(b), Some(y)) = (b, y) else {
                    return Vec::new();
                };
                (first..=last)
                    .map(|w| WeekHead {
                        week: w,
                        label: y.week(w).map_or_else(|| format!("Week {w}"), |x| x.label()),
                        kind: match b.week_kind(w) {
                            WeekKind::Coaching => "Coaching".into(),
                            WeekKind::Pd { team_id, days } => format!(
                                "PD: {} ({})",
                                b.team(&team_id).map_or("?", |t| t.name.as_str()),
                                days.iter()
                                    .map(|d| &DAY_NAMES[usize::from(*d).min(4)][..3])
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        },
                        hard: hard_weeks.with(|h| h.get(&w).copied().unwrap_or(0)),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // The cursor and the picked-up cell are marked on the DOM directly (roving tabindex and
    // two classes), after the grid has rendered: no slot carries reactive state of its own,
    // so a term of 840 slots renders as plain elements.
    let marked = StoredValue::new((None::<String>, None::<String>));
    Effect::new(move |_| {
        rows.track();
        let c = ctx.cursor.get();
        let picked = ctx.hand.with(|h| match h {
            Some(Hand::Move { from, .. }) => Some(*from),
            _ => None,
        });
        request_animation_frame(move || {
            let current = slot_element(c);
            let picked_el = picked.and_then(slot_element);
            marked.update_value(|(prev_c, prev_p)| {
                if let Some(el) = prev_c.take().and_then(|id| element(&id)) {
                    let _ = el.class_list().remove_1("current");
                    let _ = el.set_attribute("tabindex", "-1");
                }
                if let Some(el) = prev_p.take().and_then(|id| element(&id)) {
                    let _ = el.class_list().remove_1("picked");
                    let _ = el.remove_attribute("aria-describedby");
                }
                if let Some(el) = current {
                    let _ = el.class_list().add_1("current");
                    let _ = el.set_attribute("tabindex", "0");
                    *prev_c = Some(el.id());
                }
                if let Some(el) = picked_el {
                    let _ = el.class_list().add_1("picked");
                    // Screen readers hear the state with the slot's name.
                    let _ = el.set_attribute("aria-describedby", "board-picked-note");
                    *prev_p = Some(el.id());
                }
            });
        });
    });
    // Every slot's events, handled once on the table body. A key that acted is not also
    // taken as a click (buttons click on Enter and Space); any other click is a click,
    // including one a screen reader sends.
    let key_acted = StoredValue::new(false);
    let on_key = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let c = ctx.cursor.get_untracked();
        match key.as_str() {
            // Up from the first Plus teacher reaches the week's heading, which opens the
            // week's editor.
            "ArrowUp" if c.m == 0 => {
                ev.prevent_default();
                crate::ui::platform::browser::focus_id(&format!("week-head-{}", c.week));
            }
            "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Home" | "End"
                if ctx.step(&key) =>
            {
                ev.prevent_default();
            }
            " " | "Spacebar" => {
                ev.prevent_default();
                key_acted.set_value(true);
                ctx.act_at(c);
                refocus(ctx);
            }
            "Enter" => {
                ev.prevent_default();
                key_acted.set_value(true);
                open_editor(ctx, c);
            }
            "Escape" => {
                ctx.cancel();
            }
            "Delete" | "Backspace" => {
                ev.prevent_default();
                ctx.remove_at(c);
                refocus(ctx);
            }
            _ => {}
        }
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some((c, whole)) = target_slot(&ev) {
            let now = ctx.cursor.get_untracked();
            let same = now == c || (whole && now.m == c.m && now.week == c.week);
            if !same {
                ctx.cursor.set(c);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        // Keyboard activation is handled on keydown; this is the pointer.
        let Some((c, _)) = target_slot(&ev) else {
            return;
        };
        if ev.detail() == 0 && key_acted.get_value() {
            key_acted.set_value(false);
            return;
        }
        key_acted.set_value(false);
        if ctx.hand.with_untracked(Option::is_some) {
            ctx.act_at(c);
            refocus(ctx);
        } else {
            open_editor(ctx, c);
        }
    };
    let on_dragstart = move |ev: web_sys::DragEvent| {
        let Some((c, _)) = target_slot(&ev) else {
            return;
        };
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &c.dom_id());
            dt.set_effect_allowed("move");
        }
        ctx.cursor.set(c);
        ctx.hand.set(None);
        ctx.pick_up(c);
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        if target_slot(&ev).is_some() {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some((c, _)) = target_slot(&ev) else {
            return;
        };
        ev.prevent_default();
        if matches!(ctx.hand.get_untracked(), Some(Hand::Move { .. })) {
            ctx.act_at(c);
            // A refused drop keeps its reason on screen; the drag is over either way.
            ctx.hand.set(None);
        }
    };
    let on_dragend = move |_: web_sys::DragEvent| {
        if matches!(ctx.hand.get_untracked(), Some(Hand::Move { .. })) {
            ctx.cancel();
        }
    };
    let n_members = Memo::new(move |_| members.with(Vec::len));
    // The week headings are part of the grid's keyboard model: one Tab stop for the grid,
    // Left and Right between headings, Down to the first Plus teacher's day.
    let on_head_key = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        use wasm_bindgen::JsCast;
        let Some(w) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button.week-head").ok().flatten())
            .and_then(|e| {
                e.id()
                    .strip_prefix("week-head-")
                    .and_then(|x| x.parse::<u16>().ok())
            })
        else {
            return;
        };
        let to = match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                ctx.go(Cursor {
                    m: 0,
                    week: w,
                    day: 0,
                });
                return;
            }
            "ArrowRight" => w.saturating_add(1),
            "ArrowLeft" => w.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        if element(&format!("week-head-{to}")).is_some() {
            crate::ui::platform::browser::focus_id(&format!("week-head-{to}"));
        }
    };
    view! {
        <p id="board-keys" class="hint">
            "On the board: arrow keys move between days, Enter edits a day, Space picks up a cell and drops it, "
            "Escape cancels, Delete removes. Up from the first row reaches the week headings, which open a week\u{2019}s editor. "
            "With a mouse or a finger: click a day to edit it, then "
            "\u{201c}Pick up to move\u{201d} and click where it goes. You can also drag a cell. "
            "Days marked \u{201c}!\u{201d} are part of a broken hard rule."
        </p>
        <span id="board-picked-note" class="visually-hidden">"Picked up. Move to another day and press Space to drop it; Escape puts it back."</span>
        <div class="board-scroll">
            <table class="board-grid" role="grid" aria-describedby="board-keys"
                style:width=move || format!("{}rem", 9.0 + 8.75 * heads.with(Vec::len) as f64)>
                <caption>{move || range.get().map(|r| r.0).unwrap_or_default()}</caption>
                <thead on:keydown=on_head_key>
                    <tr>
                        <th scope="col" class="corner">"Plus teacher"</th>
                        <For each=move || heads.get() key=|h| h.clone() children=move |h: WeekHead| {
                            let w = h.week;
                            let pd = h.kind.starts_with("PD");
                            view! {
                                <th scope="col" class:pd=pd>
                                    <button type="button" class="week-head" id=format!("week-head-{w}") tabindex="-1" aria-haspopup="dialog" on:click=move |_| ctx.editing.set(Some(Editing::Week(w)))>
                                        <span class="week-label">{h.label.clone()}</span>
                                        <span class="week-kind">{h.kind.clone()}</span>
                                        {(h.hard > 0).then(|| view! {
                                            <span class="week-problems">{plural(h.hard, "problem", "problems")}</span>
                                        })}
                                        <span class="visually-hidden">", opens the week\u{2019}s editor"</span>
                                    </button>
                                </th>
                            }
                        }/>
                    </tr>
                </thead>
                <tbody on:keydown=on_key on:focusin=on_focus on:click=on_click
                    on:dragstart=on_dragstart on:dragover=on_dragover on:drop=on_drop on:dragend=on_dragend>
                    <For each=move || 0..n_members.get() key=|i| *i children=move |i: usize| {
                        let row = Memo::new(move |_| rows.with(|r| r.get(i).cloned().unwrap_or_default()));
                        let who = Memo::new(move |_| members.with(|m| m.get(i).cloned().unwrap_or_default()));
                        view! {
                            <tr>
                                <th scope="row">
                                    <span class="member-name">{move || who.get().0}</span>
                                    <span class="member-expertise">{move || who.get().1}</span>
                                </th>
                                <For each=move || row.get() key=|c| c.clone() children=move |c: WeekCellView| {
                                    week_cell(ctx, i, c, who)
                                }/>
                            </tr>
                        }
                    }/>
                </tbody>
            </table>
        </div>
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn slot_element(c: Cursor) -> Option<web_sys::Element> {
    element(&c.dom_id()).or_else(|| element(&c.week_dom_id()))
}

/// The slot an event happened on: its cursor, and whether it is a whole-week cell.
fn target_slot(ev: &web_sys::Event) -> Option<(Cursor, bool)> {
    use wasm_bindgen::JsCast;
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("button.slot")
        .ok()??;
    let id = el.id();
    let mut parts = id.strip_prefix("slot-")?.split('-');
    let m = parts.next()?.parse().ok()?;
    let week = parts.next()?.parse().ok()?;
    let day = parts.next()?;
    let whole = day == "w";
    let day = if whole { 0 } else { day.parse().ok()? };
    Some((Cursor { m, week, day }, whole))
}

pub(crate) fn open_editor(ctx: Ctx, c: Cursor) {
    ctx.cursor.set(c);
    ctx.editing.set(Some(Editing::Slot(c)));
}

/// One Plus teacher's week: five day slots, or one whole-week slot. Plain elements; the
/// table body handles their events and the cursor is marked on them directly.
fn week_cell(ctx: Ctx, m: usize, c: WeekCellView, who: Memo<(String, String)>) -> impl IntoView {
    let week = c.week;
    let name = who.get_untracked().0;
    let slots = c
        .slots
        .into_iter()
        .map(|s| {
            let whole = s.day.is_none();
            let cur = Cursor {
                m,
                week,
                day: s.day.unwrap_or(0),
            };
            let id = if whole {
                cur.week_dom_id()
            } else {
                cur.dom_id()
            };
            let filled = !matches!(s.kind, "empty" | "off");
            let when = if whole {
                format!("all of week {week}")
            } else {
                ctx.year
                    .with_untracked(|y| y.as_ref().map(|y| y.day_label(week, cur.day)))
                    .unwrap_or_default()
            };
            // The accessible name starts with the visible text, then gives the details a
            // sighted user reads off the row and column headings. The day letter and the
            // lock are drawn by CSS, so a slot is one element and one text node.
            let label = format!(
                "{}, {name}, {when}: {}{}{}",
                s.short,
                s.full,
                if s.locked { ", locked" } else { "" },
                s.clash
                    .as_ref()
                    .map(|c| format!(". Clash: {c}"))
                    .unwrap_or_default()
            );
            let class = format!(
                "slot slot-{}{}{}{}",
                s.kind,
                if whole { " slot-week" } else { "" },
                if s.locked { " locked" } else { "" },
                if s.clash.is_some() { " clash" } else { "" }
            );
            let letter = (!whole).then(|| &DAY_NAMES[usize::from(cur.day)][..1]);
            view! {
                <button type="button" id=id class=class tabindex="-1" aria-label=label
                    data-d=letter draggable=filled.then_some("true")>{s.short}</button>
            }
        })
        .collect_view();
    view! { <td>{slots}</td> }
}
