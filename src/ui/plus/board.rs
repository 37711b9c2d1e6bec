//! `/board`: the Plus-team lead's rotation board. Rows are Plus teachers, columns are the
//! weeks of one term, with a line per day. Cells are edited by keyboard (arrows, Enter,
//! Space to pick up and drop, Escape), by single clicks (pick, then place) or by dragging;
//! every edit can be undone. The rules, the generator and the metrics sit below the grid.

use crate::domain::ids::Id;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::plus::board_state::{focus_cursor, Ctx, Cursor, Hand};
use crate::ui::plus::editor::SlotEditorPanel;
use crate::ui::plus::grid::Grid;
use crate::ui::plus::panels::{MetricsPanel, PrintBoard, PublishPanel, Rules};
use crate::ui::plus::pd::PdPlanPanel;
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
                <crate::ui::plus::start::StartBoard/>
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
                <PdPlanPanel/>
                <MetricsPanel/>
                <PublishPanel name=name.clone()/>
                <PrintBoard name=name.clone()/>
            }.into_any(),
        }}
    }
}

pub(crate) fn active_is_slot() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|e| e.class_list().contains("slot") || e.tag_name() == "BODY")
}

/// Put focus back on the cursor after the grid re-renders.
pub(crate) fn refocus(ctx: Ctx) {
    request_animation_frame(move || focus_cursor(ctx.cursor.get_untracked()));
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
            y.as_ref().map_or(1, |y| {
                y.rest_of_year(&crate::ui::platform::browser::today())
            })
        })
    });
    let from = RwSignal::new(None::<u16>);
    let from_value = move || {
        from.get()
            .unwrap_or_else(|| current.get().min(weeks.get()))
            .clamp(1, weeks.get())
    };
    // A range already planned is planned again only when the lead says so.
    let asking = RwSignal::new(None::<u16>);
    let fill = move |from_week: u16| {
        asking.set(None);
        let last = weeks.get_untracked();
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
            let filled = crate::domain::plus::fill::fill(b, from_week);
            gaps = filled.unmet;
            // A fill that changed nothing is no step to undo; its words are still said.
            if filled.changed {
                Ok(filled.message)
            } else {
                Err(filled.message)
            }
        });
        unmet.set(gaps);
    };
    let ask_or_fill = move |from_week: u16| {
        let full = ctx.board.with_untracked(|b| {
            b.as_ref()
                .is_some_and(|b| crate::domain::plus::fill::is_full(b, from_week))
        });
        if full {
            asking.set(Some(from_week));
            request_animation_frame(|| crate::ui::platform::browser::focus_id("fill-again"));
        } else {
            fill(from_week);
        }
    };
    let can_undo = Memo::new(move |_| ctx.undo_labels.with(|l| l.0.clone()));
    let can_redo = Memo::new(move |_| ctx.undo_labels.with(|l| l.1.clone()));
    view! {
        <div class="board-toolbar" role="toolbar" aria-label="Board actions"
            on:keydown=toolbar_key on:focusin=toolbar_focus>
            <div class="tool-group">
                <button type="button" class="secondary" tabindex="-1" aria-keyshortcuts="Control+Z"
                    disabled=move || can_undo.with(Option::is_none)
                    on:click=move |_| ctx.undo()>
                    {move || match can_undo.get() { Some(l) => format!("Undo {l}"), None => "Undo".into() }}
                </button>
                <button type="button" class="secondary" tabindex="-1" aria-keyshortcuts="Control+Shift+Z"
                    disabled=move || can_redo.with(Option::is_none)
                    on:click=move |_| ctx.redo()>
                    {move || match can_redo.get() { Some(l) => format!("Redo {l}"), None => "Redo".into() }}
                </button>
            </div>
            <form class="tool-group generate" on:submit=move |ev| { ev.prevent_default(); ask_or_fill(from_value()); }>
                <label for="fill-from">"From week"</label>
                <input id="fill-from" tabindex="-1" type="number" inputmode="numeric" min="1"
                    max=move || weeks.get().to_string()
                    prop:value=move || from_value().to_string()
                    on:change=move |ev| from.set(event_target_value(&ev).trim().parse().ok())/>
                <button type="submit" class="primary" tabindex="0">"Fill the rest of the year"</button>
                <button type="button" tabindex="-1" on:click=move |_| ask_or_fill(1)>"Fill the whole year"</button>
            </form>
            <div class="tool-group">
                <button type="button" class="secondary" tabindex="-1" on:click=move |_| {
                    // Draw every term first; printing starts once it is on the page.
                    ctx.printing.set(true);
                    request_animation_frame(print);
                }>"Print the board"</button>
            </div>
        </div>
        {move || asking.get().map(|from_week| {
            let last = weeks.get_untracked();
            let span = if from_week >= last { format!("Week {last} is") } else if from_week <= 1 { "The whole year is".to_string() } else { format!("Weeks {from_week} to {last} are") };
            view! {
                <div class="confirm-inline fill-confirm" role="group" aria-labelledby="fill-ask">
                    <p id="fill-ask">{format!("{span} already planned. Plan again around the locked cells? Most days will change; Undo brings the plan back.")}</p>
                    <button id="fill-again" type="button" class="primary" on:click=move |_| fill(from_week)>"Plan again"</button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(None)>"Keep the plan"</button>
                </div>
            }
        })}
        <p class="hint">"Filling keeps locked cells, and with \u{201c}the rest of the year\u{201d} every week before the one you name."</p>
    }
}

/// The toolbar's controls that can take focus, in order.
fn toolbar_items(ev: &web_sys::Event) -> Option<(Vec<web_sys::HtmlElement>, web_sys::Element)> {
    use wasm_bindgen::JsCast;
    let bar = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let list = bar
        .query_selector_all("button:not([disabled]), input:not([disabled])")
        .ok()?;
    let items = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some((items, target))
}

/// Arrow keys, Home and End move between the toolbar's controls (the number field keeps
/// Left and Right for its text); Tab leaves it.
fn toolbar_key(ev: KeyboardEvent) {
    let key = ev.key();
    let Some((items, target)) = toolbar_items(&ev) else {
        return;
    };
    let in_field = target.tag_name() == "INPUT";
    let Some(at) = items.iter().position(|e| {
        let e: &web_sys::Element = e.as_ref();
        e == &target
    }) else {
        return;
    };
    let n = items.len();
    let to = match key.as_str() {
        "ArrowRight" if !in_field => (at + 1) % n,
        "ArrowLeft" if !in_field => (at + n - 1) % n,
        "Home" if !in_field => 0,
        "End" if !in_field => n - 1,
        _ => return,
    };
    ev.prevent_default();
    let _ = items[to].focus();
}

/// Roving tabindex: the control last focused is the toolbar's one Tab stop.
fn toolbar_focus(ev: web_sys::FocusEvent) {
    let Some((items, target)) = toolbar_items(&ev) else {
        return;
    };
    for e in &items {
        let el: &web_sys::Element = e.as_ref();
        let _ = el.set_attribute("tabindex", if el == &target { "0" } else { "-1" });
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
