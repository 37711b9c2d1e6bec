//! `/board`: the Plus-team lead's rotation board. Rows are Plus teachers, columns are the
//! weeks of one term, with a line per day. Cells are edited by keyboard (arrows, Enter,
//! Space to pick up and drop, Escape), by single clicks (pick, then place) or by dragging;
//! every edit can be undone. The rules, the generator and the metrics sit below the grid.

use crate::domain::ids::Id;
use crate::domain::plus::board::{Activity, WeekKind, DAYS, DAY_NAMES};
use crate::domain::plus::rules::Severity;
use crate::domain::plus::schedule::slug;
use crate::ui::components::board::{focus_cursor, grid, Ctx, Cursor, Editing, Hand, WeekCellView};
use crate::ui::components::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn BoardPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Plus-teacher rotation board \u{b7} Readyboard"/>
        <h1>"Plus-teacher rotation board"</h1>
        <p class="lead">
            "Lay out the year for the Plus team: PD weeks, when the team covers one teacher team's classes "
            "for full-day professional development, and coaching weeks, when they coach, co-teach and run lesson study."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! { <Boards/> }.into_any(),
        }}
    }
}

/// Picks the school (from `?school=`), or explains how to start.
#[component]
fn Boards() -> impl IntoView {
    let store = use_store();
    let query = use_query_map();
    let navigate = use_navigate();
    let boards = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().map_or_else(Vec::new, |d| d.plus_schools()))
    });
    let school = Memo::new(move |_| {
        let wanted = query.with(|q| q.get("school"));
        boards.with(|b| {
            wanted
                .and_then(|w| {
                    b.iter()
                        .find(|(id, _)| id.as_str() == w)
                        .map(|x| x.0.clone())
                })
                .or_else(|| b.first().map(|x| x.0.clone()))
        })
    });
    let school_name = Memo::new(move |_| {
        let id = school.get();
        boards.with(|b| {
            b.iter()
                .find(|x| Some(&x.0) == id.as_ref())
                .map(|x| x.1.clone())
        })
    });
    let many = Memo::new(move |_| boards.with(|b| b.len() > 1));
    view! {
        {move || match school_name.get() {
            None => view! {
                <p>
                    "No school has a Plus board yet. A board starts from the school\u{2019}s calendar, its Plus team "
                    "and its teacher teams. (The Benson demo has one, for Maple Ridge Middle School.)"
                </p>
                <crate::ui::pages::board_setup::StartBoard/>
            }.into_any(),
            Some(name) => {
                let navigate = navigate.clone();
                view! {
                    <div class="board-school">
                        <h2 id="board-school-name">{name}</h2>
                        <a href=move || school.get().map(|s| format!("/board/setup?school={s}")).unwrap_or_default()>"Set-up: calendar, Plus team, teachers"</a>
                        <a href="/board/setup">"Start a board for another school"</a>
                        <Show when=move || many.get()>
                            {
                                let navigate = navigate.clone();
                                view! {
                                    <label for="board-school">"School"</label>
                                    <select id="board-school" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        navigate(&format!("/board?school={v}"), Default::default());
                                    }>
                                        {move || boards.get().into_iter().map(|(id, n)| {
                                            let selected = Some(&id) == school.get().as_ref();
                                            view! { <option value=id.to_string() selected=selected>{n}</option> }
                                        }).collect_view()}
                                    </select>
                                }
                            }
                        </Show>
                    </div>
                }.into_any()
            }
        }}
        {move || school.get().map(|id| view! { <Editor school=id name=school_name.get().unwrap_or_default()/> })}
    }
}

#[component]
fn Editor(school: Id, name: String) -> impl IntoView {
    let store = use_store();
    let school = Memo::new(move |_| Some(school.clone()));
    let ctx = Ctx::new(store, school);
    provide_context(ctx);
    let unmet = RwSignal::new(Vec::<String>::new());
    // Ctrl+Z and Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page but in a text field.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field || ctx.editing.with_untracked(Option::is_some) {
            return;
        }
        let key = ev.key().to_lowercase();
        let undo = key == "z" && !ev.shift_key();
        let redo = (key == "z" && ev.shift_key()) || key == "y";
        if undo || redo {
            ev.prevent_default();
            let focused_on_grid = active_is_slot();
            if undo {
                ctx.undo();
            } else {
                ctx.redo();
            }
            if focused_on_grid {
                refocus(ctx);
            }
        }
    });
    on_cleanup(move || keys.remove());
    let ready = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map(|b| !b.members.is_empty()))
    });
    view! {
        {move || match ready.get() {
            None => view! { <p>"This board could not be read."</p> }.into_any(),
            Some(false) => view! {
                <p class="panel">"This board has no Plus teachers yet."</p>
            }.into_any(),
            Some(true) => view! {
                <Toolbar unmet/>
                <Status/>
                <SlotEditorPanel/>
                <Terms/>
                <Grid/>
                <Rules unmet/>
                <MetricsPanel/>
                <PublishPanel name=name.clone()/>
                <PrintBoard/>
            }.into_any(),
        }}
    }
}

fn active_is_slot() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.class_list().contains("slot") || e.tag_name() == "BODY")
}

/// Put focus back on the cursor after the grid re-renders.
fn refocus(ctx: Ctx) {
    request_animation_frame(move || focus_cursor(ctx.cursor.get_untracked()));
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[component]
fn Toolbar(unmet: RwSignal<Vec<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let weeks = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map_or(1, |b| b.calendar.weeks))
    });
    let current = Memo::new(move |_| {
        ctx.year.with(|y| {
            y.as_ref()
                .map_or(1, |y| y.rest_of_year(&crate::ui::browser::today()))
        })
    });
    let from = RwSignal::new(None::<u16>);
    let from_value = move || {
        from.get()
            .unwrap_or_else(|| current.get().min(weeks.get()))
            .clamp(1, weeks.get())
    };
    let fill = move |from_week: u16| {
        let last = weeks.get_untracked();
        let t0 = now_ms();
        let mut gaps = Vec::new();
        // When the term on screen is refilled, most of its cells change: draw it a few
        // weeks per frame.
        let shown_last = ctx.year.with_untracked(|y| {
            y.as_ref()
                .and_then(|y| y.terms.get(ctx.term.get_untracked()).map(|t| t.last))
        });
        if shown_last.is_some_and(|last| from_week <= last) {
            ctx.redraw_progressively();
        }
        let label = if from_week <= 1 {
            "fill the whole year".to_string()
        } else {
            format!("fill weeks {from_week} to {last}")
        };
        ctx.apply(&label, |b, _| {
            let locked = b.cells.iter().filter(|c| c.locked).count();
            gaps = b.generate(from_week);
            let ms = now_ms() - t0;
            let mut s = format!(
                "Filled weeks {from_week} to {last} around {locked} locked {} in {ms:.0} ms.",
                if locked == 1 { "cell" } else { "cells" }
            );
            if gaps.is_empty() {
                s.push_str(" Every hard rule is met.");
            } else {
                s.push_str(&format!(
                    " {} could not be met; see the rules below.",
                    if gaps.len() == 1 {
                        "One rule".to_string()
                    } else {
                        format!("{} rules", gaps.len())
                    }
                ));
            }
            Ok(s)
        });
        unmet.set(gaps);
    };
    let can_undo = Memo::new(move |_| ctx.undo_labels.with(|l| l.0.clone()));
    let can_redo = Memo::new(move |_| ctx.undo_labels.with(|l| l.1.clone()));
    view! {
        <div class="board-toolbar" role="toolbar" aria-label="Board actions">
            <div class="tool-group">
                <button type="button" class="secondary" aria-keyshortcuts="Control+Z"
                    disabled=move || can_undo.with(Option::is_none)
                    on:click=move |_| ctx.undo()>
                    {move || match can_undo.get() { Some(l) => format!("Undo {l}"), None => "Undo".into() }}
                </button>
                <button type="button" class="secondary" aria-keyshortcuts="Control+Shift+Z"
                    disabled=move || can_redo.with(Option::is_none)
                    on:click=move |_| ctx.redo()>
                    {move || match can_redo.get() { Some(l) => format!("Redo {l}"), None => "Redo".into() }}
                </button>
            </div>
            <form class="tool-group generate" on:submit=move |ev| { ev.prevent_default(); fill(from_value()); }>
                <label for="fill-from">"From week"</label>
                <input id="fill-from" type="number" inputmode="numeric" min="1"
                    max=move || weeks.get().to_string()
                    prop:value=move || from_value().to_string()
                    on:change=move |ev| from.set(event_target_value(&ev).trim().parse().ok())/>
                <button type="submit" class="primary">"Fill the rest of the year"</button>
                <button type="button" on:click=move |_| fill(1)>"Fill the whole year"</button>
            </form>
            <div class="tool-group">
                <button type="button" class="secondary" on:click=move |_| {
                    // Draw every term first; printing starts once it is on the page.
                    ctx.printing.set(true);
                    request_animation_frame(print);
                }>"Print the board"</button>
            </div>
        </div>
        <p class="hint">"Filling keeps locked cells, and with \u{201c}the rest of the year\u{201d} every week before the one you name."</p>
    }
}

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[component]
fn Status() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let holding = Memo::new(move |_| {
        ctx.hand.with(|h| {
            h.as_ref().map(|h| match h {
                Hand::Move { label, .. } => format!("Moving {label}"),
                Hand::New { label, .. } => format!("Placing {label}"),
            })
        })
    });
    view! {
        <div class="board-status">
            <p role="status" aria-live="polite" aria-atomic="true" data-testid="board-said">{move || ctx.said.get()}</p>
            {move || holding.get().map(|h| view! {
                <p class="holding">
                    <strong>{h}</strong>
                    " \u{2014} click a day, or move there and press Space. "
                    <button type="button" class="secondary" on:click=move |_| { ctx.cancel(); refocus(ctx); }>"Stop (Esc)"</button>
                </p>
            })}
        </div>
    }
}

#[component]
fn Terms() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let terms = Memo::new(move |_| {
        ctx.year.with(|y| {
            y.as_ref().map_or_else(Vec::new, |y| {
                y.terms
                    .iter()
                    .map(|t| (t.name.clone(), t.first))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <nav class="terms" aria-label="Terms">
            <ul>
                {move || terms.get().into_iter().enumerate().map(|(i, (name, first))| view! {
                    <li>
                        <button type="button" class="secondary"
                            aria-pressed=move || (ctx.term.get() == i).to_string()
                            on:click=move |_| {
                                ctx.set_term(i);
                                let c = ctx.cursor.get_untracked();
                                ctx.cursor.set(Cursor { week: first, day: 0, ..c });
                            }>{name}</button>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// One week column's heading.
#[derive(Clone, PartialEq, Eq, Hash)]
struct WeekHead {
    week: u16,
    label: String,
    kind: String,
    hard: usize,
}

#[component]
fn Grid() -> impl IntoView {
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
                (Some(b), Some(y)) => grid(b, y, first, last),
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
                }
                if let Some(el) = current {
                    let _ = el.class_list().add_1("current");
                    let _ = el.set_attribute("tabindex", "0");
                    *prev_c = Some(el.id());
                }
                if let Some(el) = picked_el {
                    let _ = el.class_list().add_1("picked");
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
    view! {
        <p id="board-keys" class="hint">
            "On the board: arrow keys move between days, Enter edits a day, Space picks up a cell and drops it, "
            "Escape cancels, Delete removes. With a mouse or a finger: click a day to edit it, then "
            "\u{201c}Pick up to move\u{201d} and click where it goes. You can also drag a cell."
        </p>
        <div class="board-scroll">
            <table class="board-grid" role="grid" aria-describedby="board-keys"
                style:width=move || format!("{}rem", 9.0 + 8.75 * heads.with(Vec::len) as f64)>
                <caption>{move || range.get().map(|r| r.0).unwrap_or_default()}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="corner">"Plus teacher"</th>
                        <For each=move || heads.get() key=|h| h.clone() children=move |h: WeekHead| {
                            let w = h.week;
                            let pd = h.kind.starts_with("PD");
                            view! {
                                <th scope="col" class:pd=pd>
                                    <button type="button" class="week-head" id=format!("week-head-{w}") on:click=move |_| ctx.editing.set(Some(Editing::Week(w)))>
                                        <span class="week-label">{h.label.clone()}</span>
                                        <span class="week-kind">{h.kind.clone()}</span>
                                        {(h.hard > 0).then(|| view! {
                                            <span class="week-problems">{format!("{} {}", h.hard, if h.hard == 1 { "problem" } else { "problems" })}</span>
                                        })}
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

fn open_editor(ctx: Ctx, c: Cursor) {
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
                "{}, {name}, {when}: {}{}",
                s.short,
                s.full,
                if s.locked { ", locked" } else { "" }
            );
            let class = format!(
                "slot slot-{}{}{}",
                s.kind,
                if whole { " slot-week" } else { "" },
                if s.locked { " locked" } else { "" }
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

/// The editor for one day (Enter or a click), or for a week's kind, in a modal dialog so
/// the board does not move under it.
#[component]
fn SlotEditorPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        {move || ctx.editing.get().map(|e| {
            let dialog = NodeRef::<leptos::html::Dialog>::new();
            dialog.on_load(move |d| {
                let _ = d.show_modal();
                request_animation_frame(|| {
                    crate::ui::browser::focus_id("slot-editor-title");
                    crate::ui::browser::focus_id("week-editor-title");
                });
            });
            let labelled = match e {
                Editing::Slot(_) => "slot-editor-title",
                Editing::Week(_) => "week-editor-title",
            };
            view! {
                <dialog node_ref=dialog class="board-dialog" aria-labelledby=labelled
                    on:cancel=move |ev: web_sys::Event| {
                        ev.prevent_default();
                        ctx.editing.set(None);
                        ctx.say("Closed the editor without changes.");
                        refocus(ctx);
                    }>
                    {match e {
                        Editing::Slot(c) => view! { <SlotForm c/> }.into_any(),
                        Editing::Week(w) => view! { <WeekForm week=w/> }.into_any(),
                    }}
                </dialog>
            }
        })}
    }
}

const KINDS: [(&str, &str); 6] = [
    ("cycle", "Coaching cycle with a teacher"),
    ("coteach", "Co-teaching with a teacher"),
    ("study", "Lesson study with a team"),
    ("cover", "Cover a team\u{2019}s classes for PD"),
    ("students", "Work with students"),
    ("release", "Release a teacher to coach a colleague"),
];

fn kind_of(a: &Activity) -> &'static str {
    match a {
        Activity::Cover { .. } => "cover",
        Activity::CoachingCycle { .. } => "cycle",
        Activity::CoTeach { .. } => "coteach",
        Activity::LessonStudy { .. } => "study",
        Activity::Students => "students",
        Activity::Release { .. } => "release",
    }
}

#[component]
fn SlotForm(c: Cursor) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let existing = ctx.describe_at(c);
    let (teachers, teams) = ctx.board.with_untracked(|b| {
        let b = b.as_ref();
        (
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|team| {
                        (
                            team.name.clone(),
                            b.teachers
                                .iter()
                                .filter(|t| t.team_id == team.id)
                                .map(|t| {
                                    let focus = if t.focus.trim().is_empty() {
                                        String::new()
                                    } else {
                                        format!("; {}", t.focus.trim())
                                    };
                                    (
                                        t.id.to_string(),
                                        format!("{} ({}{focus})", t.name, t.subject),
                                    )
                                })
                                .collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>()
            }),
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect::<Vec<_>>()
            }),
        )
    });
    let first_teacher = teachers
        .iter()
        .flat_map(|(_, ts)| ts.iter())
        .next()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let first_team = teams.first().map(|t| t.0.clone()).unwrap_or_default();
    let (kind0, teacher0, colleague0, team0, whole0, locked0) = match &existing {
        Some((cell, _)) => {
            let (t, col, tm) = match &cell.activity {
                Activity::CoachingCycle { teacher_id } | Activity::CoTeach { teacher_id } => (
                    teacher_id.to_string(),
                    first_teacher.clone(),
                    first_team.clone(),
                ),
                Activity::Release {
                    teacher_id,
                    colleague_id,
                } => (
                    teacher_id.to_string(),
                    colleague_id.to_string(),
                    first_team.clone(),
                ),
                Activity::Cover { team_id } | Activity::LessonStudy { team_id } => (
                    first_teacher.clone(),
                    first_teacher.clone(),
                    team_id.to_string(),
                ),
                Activity::Students => (
                    first_teacher.clone(),
                    first_teacher.clone(),
                    first_team.clone(),
                ),
            };
            (
                kind_of(&cell.activity),
                t,
                col,
                tm,
                cell.day.is_none(),
                cell.locked,
            )
        }
        None => (
            "cycle",
            first_teacher.clone(),
            first_teacher.clone(),
            first_team.clone(),
            false,
            false,
        ),
    };
    let kind = RwSignal::new(kind0);
    let teacher = RwSignal::new(teacher0);
    let colleague = RwSignal::new(colleague0);
    let team = RwSignal::new(team0);
    let whole = RwSignal::new(whole0);
    let locked = RwSignal::new(locked0);
    let error = RwSignal::new(None::<String>);
    let build = move || -> Result<Activity, String> {
        let k = kind.get_untracked();
        if matches!(k, "cycle" | "coteach" | "release") && teacher.with_untracked(String::is_empty)
        {
            return Err("This board has no teachers yet: add them in the set-up first.".into());
        }
        if matches!(k, "study" | "cover") && team.with_untracked(String::is_empty) {
            return Err("This board has no teams yet: add them in the set-up first.".into());
        }
        let t = Id::fixed(teacher.get_untracked());
        Ok(match kind.get_untracked() {
            "cycle" => Activity::CoachingCycle { teacher_id: t },
            "coteach" => Activity::CoTeach { teacher_id: t },
            "study" => Activity::LessonStudy {
                team_id: Id::fixed(team.get_untracked()),
            },
            "cover" => Activity::Cover {
                team_id: Id::fixed(team.get_untracked()),
            },
            "students" => Activity::Students,
            _ => {
                let col = Id::fixed(colleague.get_untracked());
                if col == t {
                    return Err("Choose two different teachers: one coaches the other.".into());
                }
                Activity::Release {
                    teacher_id: t,
                    colleague_id: col,
                }
            }
        })
    };
    let close = move || {
        ctx.editing.set(None);
        refocus(ctx);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match build() {
            Ok(a) => {
                let label = ctx
                    .board
                    .with_untracked(|b| {
                        b.as_ref()
                            .map(|b| crate::ui::components::board::lower_first(&b.describe(&a)))
                    })
                    .unwrap_or_default();
                ctx.place_new(c, a, whole.get_untracked(), &label, locked.get_untracked());
                close();
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let hold = move |_| match build() {
        Ok(a) => {
            let label = ctx
                .board
                .with_untracked(|b| {
                    b.as_ref()
                        .map(|b| crate::ui::components::board::lower_first(&b.describe(&a)))
                })
                .unwrap_or_default();
            ctx.hand.set(Some(Hand::New {
                cell: a,
                whole_week: whole.get_untracked(),
                label: label.clone(),
            }));
            ctx.say(format!(
                "Holding {label}. Click each day it goes on, or move there with the arrow keys and press Space. Escape stops."
            ));
            close();
        }
        Err(e) => error.set(Some(e)),
    };
    let has_cell = existing.is_some();
    let title = ctx.where_(c);
    let current = existing.map(|e| e.1);
    let teachers = StoredValue::new(teachers);
    let options = move |sel: RwSignal<String>| {
        teachers.with_value(|teachers| {
            teachers
                .iter()
                .map(|(team, ts)| {
                    let ts = ts.clone();
                    view! {
                        <optgroup label=team.clone()>
                            {ts.into_iter().map(|(id, label)| {
                                let id2 = id.clone();
                                view! { <option value=id selected=move || sel.get_untracked() == id2>{label}</option> }
                            }).collect_view()}
                        </optgroup>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <form class="panel slot-editor" aria-labelledby="slot-editor-title" on:submit=save
            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
            <h3 id="slot-editor-title" tabindex="-1">{title}</h3>
            <p>{match current { Some(t) => format!("Now: {t}."), None => "Now: nothing planned.".into() }}</p>
            <fieldset>
                <legend>"Activity"</legend>
                {KINDS.iter().map(|&(k, label)| view! {
                    <label class="radio">
                        <input type="radio" name="slot-kind" value=k
                            prop:checked=move || kind.get() == k
                            on:change=move |_| kind.set(k)/>
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || matches!(kind.get(), "cycle" | "coteach" | "release")>
                <label for="slot-teacher">{move || if kind.get() == "release" { "Teacher released to coach" } else { "Teacher" }}</label>
                <select id="slot-teacher" on:change=move |ev| teacher.set(event_target_value(&ev))>
                    {move || options(teacher)}
                </select>
            </Show>
            <Show when=move || kind.get() == "release">
                <label for="slot-colleague">"Colleague they coach"</label>
                <select id="slot-colleague" on:change=move |ev| colleague.set(event_target_value(&ev))>
                    {move || options(colleague)}
                </select>
            </Show>
            <Show when=move || matches!(kind.get(), "study" | "cover")>
                <label for="slot-team">"Team"</label>
                <select id="slot-team" on:change=move |ev| team.set(event_target_value(&ev))>
                    {teams.iter().map(|(id, name)| {
                        let id2 = id.clone();
                        view! { <option value=id.clone() selected=move || team.get() == id2>{name.clone()}</option> }
                    }).collect_view()}
                </select>
            </Show>
            <label class="check">
                <input type="checkbox" prop:checked=move || whole.get() on:change=move |ev| whole.set(event_target_checked(&ev))/>
                "All week (Monday to Friday)"
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || locked.get() on:change=move |ev| locked.set(event_target_checked(&ev))/>
                "Locked: filling the year keeps it"
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">"Save"</button>
                <button type="button" on:click=hold>"Place on more days\u{2026}"</button>
                {has_cell.then(|| view! {
                    <button type="button" on:click=move |_| { ctx.editing.set(None); ctx.pick_up(c); refocus(ctx); }>"Pick up to move"</button>
                    <button type="button" class="danger" on:click=move |_| { ctx.editing.set(None); ctx.remove_at(c); refocus(ctx); }>"Remove"</button>
                })}
                <button type="button" class="secondary" on:click=move |_| { ctx.say("Closed the editor without changes."); close(); }>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn WeekForm(week: u16) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (kind0, teams) = ctx.board.with_untracked(|b| {
        let b = b.as_ref();
        (
            b.map_or(WeekKind::Coaching, |b| b.week_kind(week)),
            b.map_or_else(Vec::new, |b| {
                b.teams
                    .iter()
                    .map(|t| (t.id.to_string(), t.name.clone()))
                    .collect::<Vec<_>>()
            }),
        )
    });
    let (pd0, team0, days0) = match &kind0 {
        WeekKind::Coaching => (
            false,
            teams.first().map(|t| t.0.clone()).unwrap_or_default(),
            vec![1u8, 2],
        ),
        WeekKind::Pd { team_id, days } => (true, team_id.to_string(), days.clone()),
    };
    let pd = RwSignal::new(pd0);
    let team = RwSignal::new(team0);
    let days = RwSignal::new(days0);
    let label = ctx
        .year
        .with_untracked(|y| y.as_ref().and_then(|y| y.week(week).map(|w| w.label())))
        .unwrap_or_else(|| format!("Week {week}"));
    let error = RwSignal::new(None::<String>);
    let close = move || {
        ctx.editing.set(None);
        request_animation_frame(move || crate::ui::browser::focus_id(&format!("week-head-{week}")));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = if pd.get_untracked() {
            if days.with_untracked(Vec::is_empty) {
                error.set(Some(
                    "Choose at least one PD day, or make it a coaching week.".into(),
                ));
                return;
            }
            if team.with_untracked(String::is_empty) {
                error.set(Some(
                    "This board has no teams yet: add them in the set-up first.".into(),
                ));
                return;
            }
            WeekKind::Pd {
                team_id: Id::fixed(team.get_untracked()),
                days: days.get_untracked(),
            }
        } else {
            WeekKind::Coaching
        };
        ctx.apply(&format!("week {week}"), move |b, _| {
            let text = match &kind {
                WeekKind::Coaching => format!("Week {week} is now a coaching week."),
                WeekKind::Pd { team_id, days } => format!(
                    "Week {week} is now a PD week for {} on {}. Fill the rest of the year, or place cover, so their classes are covered.",
                    b.team(team_id).map_or("the team", |t| t.name.as_str()),
                    days.iter().map(|d| DAY_NAMES[usize::from(*d).min(4)]).collect::<Vec<_>>().join(" and ")
                ),
            };
            b.set_week_kind(week, kind);
            Ok(text)
        });
        close();
    };
    view! {
        <form class="panel slot-editor" aria-labelledby="week-editor-title" on:submit=save
            on:keydown=move |ev: KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
            <h3 id="week-editor-title" tabindex="-1">{label}</h3>
            <fieldset>
                <legend>"This week is"</legend>
                <label class="radio"><input type="radio" name="week-kind" prop:checked=move || !pd.get() on:change=move |_| pd.set(false)/>"A coaching week"</label>
                <label class="radio"><input type="radio" name="week-kind" prop:checked=move || pd.get() on:change=move |_| pd.set(true)/>"A PD week for one team"</label>
            </fieldset>
            <Show when=move || pd.get()>
                <label for="week-team">"Team at PD"</label>
                <select id="week-team" on:change=move |ev| team.set(event_target_value(&ev))>
                    {teams.iter().map(|(id, name)| {
                        let id2 = id.clone();
                        view! { <option value=id.clone() selected=move || team.get() == id2>{name.clone()}</option> }
                    }).collect_view()}
                </select>
                <fieldset>
                    <legend>"Full-day PD on"</legend>
                    {(0..DAYS).map(|d| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || days.with(|x| x.contains(&d))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    days.update(|x| { x.retain(|y| *y != d); if on { x.push(d); x.sort_unstable(); } });
                                }/>
                            {DAY_NAMES[usize::from(d)]}
                        </label>
                    }).collect_view()}
                </fieldset>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">"Save"</button>
                <button type="button" class="secondary" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn Rules(unmet: RwSignal<Vec<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let findings = ctx.findings;
    let hard = Memo::new(move |_| {
        findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == Severity::Hard)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let warnings = Memo::new(move |_| {
        findings.with(|f| {
            f.iter()
                .filter(|x| x.severity == Severity::Warning)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let show_all = RwSignal::new(false);
    let item = move |f: crate::domain::plus::rules::Finding| {
        let week = f.week;
        view! {
            <li>
                {f.message.clone()}
                {week.map(|w| view! {
                    " "
                    <button type="button" class="link" on:click=move |_| ctx.go(Cursor { m: 0, week: w, day: 0 })>
                        {format!("Show week {w}")}
                    </button>
                })}
            </li>
        }
    };
    view! {
        <section class="panel rules" aria-labelledby="rules-title">
            <h2 id="rules-title">"Rules"</h2>
            {move || {
                let h = hard.get();
                if h.is_empty() {
                    view! { <p class="ok" data-testid="hard-rules">"Every hard rule is met: no one is in two places at once, every PD class is covered, and every Plus teacher coaches at least half their time."</p> }.into_any()
                } else {
                    view! {
                        <p class="problem" data-testid="hard-rules">{format!("{} hard {} broken:", h.len(), if h.len() == 1 { "rule is" } else { "rules are" })}</p>
                        <ul class="findings hard">{h.into_iter().take(50).map(item).collect_view()}</ul>
                    }.into_any()
                }
            }}
            {move || {
                let u = unmet.get();
                (!u.is_empty()).then(|| view! {
                    <h3>"What filling the year could not meet"</h3>
                    <ul class="findings">{u.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })
            }}
            {move || {
                let w = warnings.get();
                let n = w.len();
                (n > 0).then(|| {
                    let shown = if show_all.get() { n } else { n.min(8) };
                    view! {
                        <h3>{format!("{n} {}", if n == 1 { "warning" } else { "warnings" })}</h3>
                        <ul class="findings">{w.into_iter().take(shown).map(item).collect_view()}</ul>
                        {(shown < n).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {n} warnings")}</button>
                        })}
                    }
                })
            }}
        </section>
    }
}

#[component]
fn MetricsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let metrics = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref().map(|b| {
                let m = b.metrics();
                let names: Vec<String> = b.members.iter().map(|x| x.name.clone()).collect();
                (m, names, b.teachers.len())
            })
        })
    });
    view! {
        {move || metrics.get().map(|(m, names, teachers)| {
            let max_count = m.distribution.values().copied().max().unwrap_or(1).max(1);
            let one = m.traditional_per_teacher(1);
            let two = m.traditional_per_teacher(2);
            view! {
                <section class="panel metrics" aria-labelledby="metrics-title">
                    <h2 id="metrics-title">"What the year gives"</h2>
                    <dl class="figures">
                        <div><dt>"Coaching days per teacher"</dt><dd data-testid="mean-days">{format!("{:.1}", m.mean)}<span class="unit">" on average"</span></dd></div>
                        <div><dt>"Fewest and most"</dt><dd>{format!("{} to {}", m.min, m.max)}</dd></div>
                        <div><dt>"Against one coach"</dt><dd data-testid="multiple-one">{m.multiple(1).map_or("\u{2014}".into(), |x| format!("{x:.1}\u{d7}"))}</dd></div>
                        <div><dt>"Against two coaches"</dt><dd>{m.multiple(2).map_or("\u{2014}".into(), |x| format!("{x:.1}\u{d7}"))}</dd></div>
                    </dl>
                    <p>{format!(
                        "One full-time instructional coach shared by {teachers} teachers gives each about {one:.1} coaching days a year; two coaches give about {two:.1}. This board gives {:.1}.",
                        m.mean
                    )}</p>
                    <div class="metric-tables">
                        <table class="distribution">
                            <caption>"How many teachers get how many coaching days"</caption>
                            <thead><tr><th scope="col">"Days"</th><th scope="col">"Teachers"</th><th scope="col"><span class="visually-hidden">"Share"</span></th></tr></thead>
                            <tbody>
                                {m.distribution.iter().map(|(days, count)| {
                                    let width = format!("{}%", count * 100 / max_count);
                                    view! { <tr><th scope="row">{*days}</th><td>{*count}</td><td class="bar-cell"><span class="bar" style:width=width></span></td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <div class="table-scroll" role="region" aria-label="Each Plus teacher\u{2019}s days" tabindex="0">
                        <table class="splits">
                            <caption>"Each Plus teacher\u{2019}s days"</caption>
                            <thead><tr>
                                <th scope="col">"Plus teacher"</th><th scope="col">"Coaching"</th><th scope="col">"Cover"</th>
                                <th scope="col">"Students"</th><th scope="col">"Open"</th><th scope="col">"Coaching share"</th>
                            </tr></thead>
                            <tbody>
                                {m.splits.iter().zip(names).map(|(s, name)| {
                                    let planned = s.coaching + s.cover + s.students + s.open;
                                    let share = (s.coaching * 100).checked_div(planned).unwrap_or(0);
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{s.coaching}</td><td>{s.cover}</td><td>{s.students}</td><td>{s.open}</td>
                                            <td class:below=share < 50>{format!("{share}%")}{(share < 50).then_some(" (below half)")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    </div>
                </section>
            }
        })}
    }
}

/// Every term on its own landscape page, shown only when printing.
#[component]
fn PrintBoard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let printing = ctx.printing;
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let school = ctx.school;
    view! {
        <Show when=move || printing.get()>
            {move || {
                let b = ctx.board.get()?;
                let y = ctx.year.get()?;
                let who = school.get().map(|s| slug(s.as_str())).unwrap_or_default();
                Some(view! {
                    <div class="print-board" data-school=who>
                        {y.terms.iter().map(|t| {
                            let rows = grid(&b, &y, t.first, t.last);
                            view! {
                                <section class="print-term">
                                    <h2>{format!("Plus board \u{b7} {}", t.name)}</h2>
                                    <table>
                                        <thead><tr>
                                            <th scope="col">"Plus teacher"</th>
                                            {(t.first..=t.last).map(|w| {
                                                let kind = match b.week_kind(w) { WeekKind::Coaching => String::new(), WeekKind::Pd { team_id, .. } => format!("PD {}", b.team(&team_id).map_or("", |x| x.name.as_str())) };
                                                view! { <th scope="col">{y.week(w).map_or_else(|| format!("Week {w}"), |x| x.label())}<br/><small>{kind}</small></th> }
                                            }).collect_view()}
                                        </tr></thead>
                                        <tbody>
                                            {b.members.iter().zip(rows).map(|(m, row)| view! {
                                                <tr>
                                                    <th scope="row">{m.name.clone()}</th>
                                                    {row.into_iter().map(|c| view! {
                                                        <td>{c.slots.into_iter().map(|s| view! { <div class=format!("p-{}", s.kind)>{s.short}{s.locked.then_some(" *")}</div> }).collect_view()}</td>
                                                    }).collect_view()}
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    <p class="print-key">"Each cell lists Monday to Friday. * locked. Cycle: coaching cycle; Study: lesson study; Release: a teacher released to coach a colleague."</p>
                                </section>
                            }
                        }).collect_view()}
                    </div>
                })
            }}
        </Show>
    }
}

/// Publishing: a share link or a file, made from the board as it is when asked (a link is
/// a snapshot), so edits do not re-encode the schedule each time.
#[component]
fn PublishPanel(name: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let made_from = RwSignal::new(None::<crate::domain::plus::Board>);
    let shared = RwSignal::new(None::<crate::domain::plus::share::Shared>);
    let stale = Memo::new(move |_| {
        made_from.with(|m| m.is_some() && ctx.board.with(|b| m.as_ref() != b.as_ref()))
    });
    let make = move |_| {
        let b = ctx.board.get_untracked();
        shared.set(b.as_ref().map(|b| b.to_shared(&name)));
        made_from.set(b);
    };
    view! {
        <section class="panel publish-panel" aria-labelledby="publish-title">
            <h2 id="publish-title">"Publish to teachers"</h2>
            <p>
                "Teachers open "<a href="/schedule">"My schedule"</a>" to see their sessions. To reach teachers on their own phones, "
                "share the schedule as a link or a file: it opens read-only, and the schedule travels inside the link, "
                "so nothing is sent to a server."
            </p>
            <button type="button" class="primary" on:click=make>
                {move || if made_from.with(Option::is_some) { "Make the link again" } else { "Make a share link" }}
            </button>
            {move || stale.get().then(|| view! {
                <p class="problem" role="status">"The board has changed since this link was made: make it again before you share it."</p>
            })}
            <Show when=move || shared.with(Option::is_some)>
                <crate::ui::components::publish::Publish shared=Signal::derive(move || shared.get())/>
            </Show>
        </section>
    }
}
