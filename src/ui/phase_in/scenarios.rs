//! The scenarios panel of `/phase-in`: the adopted plan kept apart from what-if scenarios.
//! A scenario has a name and its own settings (years, capacity, gate, weights); the page
//! shows the scenario's plan and which schools it moves against the adopted one; "Adopt"
//! makes it the plan in one undoable step. The brief always prints the adopted plan.

use crate::domain::phase_in::state::MAX_YEARS;
use crate::domain::phase_in::{Adoption, Scenario, Settings};
use crate::domain::readiness::framework::MAX_WEIGHT;
use crate::domain::readiness::level_label;
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::phase_in::view_model::{gate_text, year_text, Snapshot};
use crate::ui::platform::browser;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// What the last action can undo.
#[derive(Clone)]
enum Undo {
    Adoption(Adoption),
    Removal(usize, Scenario),
}

/// The adopted settings in one line: "3 years · 7, 7 and 7 coaches · gate at or below 1 Not
/// yet · the framework's weights".
fn settings_line(s: &Snapshot) -> String {
    let caps = s.capacities.iter().map(u32::to_string).collect::<Vec<_>>();
    let caps = match caps.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let weights = if s.weights.iter().all(|w| w.2 == w.3) {
        "the framework\u{2019}s weights"
    } else {
        "weights changed for planning"
    };
    format!(
        "{} \u{b7} {caps} coaches a year \u{b7} gate {} \u{b7} {weights}",
        plural(usize::from(s.years), "year", "years"),
        gate_text(s.gate)
    )
}

#[component]
pub fn Scenarios(snap: Memo<Snapshot>, scenario: Memo<Option<Id>>) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let go = StoredValue::new(move |id: Option<&Id>| {
        let to = match id {
            Some(id) => format!("/phase-in?scenario={}", id.as_str()),
            None => "/phase-in".to_string(),
        };
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let list = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.phase_in
                        .scenarios
                        .iter()
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let adopted_at = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| d.phase_in.adopted_at.clone()))
    });
    let current_name = Memo::new(move |_| {
        let id = scenario.get()?;
        list.with(|l| l.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()))
    });
    // The first date the browser formats costs tens of milliseconds (Chromium loads its
    // locale data then). Format one while the page is idle, so that the first adoption, which
    // shows when it happened, does not pay for it.
    if adopted_at.with_untracked(Option::is_none) {
        request_idle_callback(|| {
            let _ = browser::human_time(&browser::now_iso());
        });
    }
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<Undo>);
    let new_scenario = move |_| {
        let id = Id::from_random_bytes(browser::random_bytes());
        let n = list.with_untracked(Vec::len) + 1;
        let name = (n..)
            .map(|k| format!("Scenario {k}"))
            .find(|name| list.with_untracked(|l| l.iter().all(|(_, x)| x != name)))
            .unwrap_or_default();
        let now = browser::now_iso();
        match store.try_edit_phase_in(|p| p.add_scenario(id.clone(), &name, &now)) {
            Ok(()) => {
                error.set(None);
                undo.set(None);
                notice.set(Some(format!("{name} starts from the adopted plan. Change its settings below; the adopted plan stays as it is.")));
                go.with_value(|go| go(Some(&id)));
                request_animation_frame(|| browser::focus_id("scenario-name"));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let adopt = move |_| {
        let Some(id) = scenario.get_untracked() else {
            return;
        };
        let name = current_name.get_untracked().unwrap_or_default();
        let dropped = snap.with_untracked(Snapshot::dropped_pin_names);
        let now = browser::now_iso();
        let mut before = None;
        match store.try_edit_phase_in(|p| {
            before = Some(p.adopt(&id, &now)?);
            Ok(())
        }) {
            Ok(()) => {
                undo.set(before.map(Undo::Adoption));
                let dropped = if dropped.is_empty() {
                    String::new()
                } else {
                    format!(
                        " It does not apply the {} of {}: the plan\u{2019}s warnings say why.",
                        if dropped.len() == 1 { "pin" } else { "pins" },
                        dropped.join(", ")
                    )
                };
                notice.set(Some(format!(
                    "\u{201c}{name}\u{201d} is now the adopted plan. The brief shows it.{dropped}"
                )));
                go.with_value(|go| go(None));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let remove = move |_| {
        let Some(id) = scenario.get_untracked() else {
            return;
        };
        let mut removed = None;
        let _ = store.try_edit_phase_in(|p| {
            removed = p.remove_scenario(&id);
            Ok(())
        });
        if let Some((at, s)) = removed {
            notice.set(Some(format!(
                "Scenario \u{201c}{}\u{201d} deleted.",
                s.name
            )));
            undo.set(Some(Undo::Removal(at, s)));
            go.with_value(|go| go(None));
        }
    };
    let undo_last = move |_| {
        match undo.get_untracked() {
            Some(Undo::Adoption(before)) => {
                let _ = store.try_edit_phase_in(|p| {
                    p.undo_adoption(before);
                    Ok(())
                });
                notice.set(Some(
                    "The adoption is undone: the plan is as it was.".into(),
                ));
            }
            Some(Undo::Removal(at, s)) => {
                let id = s.id.clone();
                let _ = store.try_edit_phase_in(|p| {
                    p.restore_scenario(at, s);
                    Ok(())
                });
                notice.set(Some("The scenario is back.".into()));
                go.with_value(|go| go(Some(&id)));
            }
            None => {}
        }
        undo.set(None);
    };
    let rename = move |ev: leptos::ev::Event| {
        let Some(id) = scenario.get_untracked() else {
            return;
        };
        let name = event_target_value(&ev);
        error.set(
            store
                .try_edit_phase_in(|p| p.rename_scenario(&id, &name))
                .err(),
        );
    };
    view! {
        <section aria-labelledby="whatif-title" class="panel whatif">
            <h2 id="whatif-title">"Scenarios"</h2>
            <p class="small" data-testid="adopted-line">{move || match adopted_at.get() {
                Some(at) => format!("The plan was last adopted {}.", browser::human_time(&at)),
                None => "The adopted plan follows the framework\u{2019}s defaults: no scenario has been adopted yet.".to_string(),
            }}</p>
            <div class="scenario-bar">
                <div class="field">
                    <label for="scenario-pick">"Plan on this page"</label>
                    <select id="scenario-pick" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let id = list.with_untracked(|l| l.iter().find(|(i, _)| i.as_str() == v).map(|(i, _)| i.clone()));
                        go.with_value(|go| go(id.as_ref()));
                    }>
                        <option value="" selected=move || scenario.with(Option::is_none)>"The adopted plan"</option>
                        {move || list.get().into_iter().map(|(id, name)| {
                            let key = id.as_str().to_string();
                            view! { <option value=key selected=move || scenario.get().as_ref() == Some(&id)>{format!("Scenario: {name}")}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="secondary" on:click=new_scenario>"New scenario"</button>
            </div>
            <FieldError error/>
            <div role="status">
                {move || notice.get().map(|n| view! {
                    <p class="ok">{n}{move || undo.with(Option::is_some).then(|| view! {
                        " "<button type="button" class="secondary" on:click=undo_last>"Undo"</button>
                    })}</p>
                })}
            </div>
            {move || match scenario.get() {
                None => view! {
                    <p data-testid="adopted-settings"><strong>"The adopted plan: "</strong>{move || snap.with(settings_line)}"."</p>
                    <p class="small">"To try other settings without changing the plan, start a scenario. Adopting it makes it the plan; you can undo that."</p>
                }.into_any(),
                Some(id) => view! {
                    <div class="scenario-head">
                        <div class="field">
                            <label for="scenario-name">"Scenario name"</label>
                            <input id="scenario-name" type="text" maxlength="80"
                                prop:value=move || current_name.get().unwrap_or_default()
                                on:change=rename/>
                        </div>
                        <div class="actions">
                            <button type="button" class="primary" on:click=adopt>"Adopt this scenario"</button>
                            <button type="button" class="secondary" on:click=remove>"Delete this scenario"</button>
                        </div>
                    </div>
                    <Compare snap/>
                    <Controls snap id/>
                }.into_any(),
            }}
        </section>
    }
}

/// Which schools the scenario moves, against the adopted plan.
#[component]
fn Compare(snap: Memo<Snapshot>) -> impl IntoView {
    // At most this many moves are listed until "Show all": a re-plan of 500 schools can
    // move hundreds, and every change redraws the list.
    const SHOWN: usize = 10;
    let show_all = RwSignal::new(false);
    let count = Memo::new(move |_| snap.with(|s| s.moves.len()));
    let rows = move || {
        let all = show_all.get();
        snap.with(|s| {
            s.moves
                .iter()
                .take(if all { usize::MAX } else { SHOWN })
                .map(|(i, from, to)| {
                    let r = &s.rows[*i];
                    view! {
                        <tr>
                            <th scope="row">{r.name.clone()}</th>
                            <td>{year_text(*from)}</td>
                            <td>{year_text(*to)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="compare" data-testid="scenario-moves">
            <p id="moves-title"><strong>"Compared with the adopted plan: "</strong>{move || match count.get() {
                0 => "no school moves.".to_string(),
                n => format!("{} to another year.", plural(n, "school moves", "schools move")),
            }}</p>
            {move || snap.with(|s| (!s.dropped_pins.is_empty()).then(|| {
                let names = s.dropped_pin_names();
                view! {
                    <p class="banner warning" data-testid="dropped-pins"><strong>"Pins this scenario cannot keep: "</strong>
                        {format!("{}. Once adopted, the plan keeps {} but does not apply {}, and its warnings say why, until you unpin or adopt another plan.", names.join(", "), if names.len() == 1 { "that pin" } else { "those pins" }, if names.len() == 1 { "it" } else { "them" })}</p>
                }
            }))}
            <div class:hidden=move || count.get() == 0>
                <ScrollTable label="Moves table">
                    <table class="data compact" aria-labelledby="moves-title">
                        <thead><tr><th scope="col">"School"</th><th scope="col">"Adopted plan"</th><th scope="col">"This scenario"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ScrollTable>
                {move || (count.get() > SHOWN).then(|| view! {
                    <button type="button" class="secondary" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|v| *v = !*v)>
                        {move || if show_all.get() { "Show the first ten".to_string() } else { format!("Show all {}", count.get()) }}
                    </button>
                })}
            </div>
        </div>
    }
}

/// The settings of scenario `id`: years, capacity, gate and weights. Every change re-plans
/// the scenario at once; the adopted plan stays as it is.
#[component]
fn Controls(snap: Memo<Snapshot>, id: Id) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let run = move |r: Result<(), String>| error.set(r.err());
    let id = StoredValue::new(id);
    let edit = move |f: &dyn Fn(&mut Settings) -> Result<(), String>| {
        // A scenario's settings are the planner's alone: the adopted plan is kept (see
        // `use_snapshot_of`).
        run(store.try_edit_phase_in(|p| {
            let s = id.with_value(|id| p.scenario_mut(id).map(|s| &mut s.settings));
            match s {
                Some(s) => f(s),
                None => Err("That scenario no longer exists.".into()),
            }
        }))
    };
    let set_years = move |ev| {
        let v: u8 = event_target_value(&ev).parse().unwrap_or(0);
        edit(&|s| s.set_years(v));
    };
    let framework_gate = move || {
        store
            .doc
            .with(|d| d.as_ref().map_or(1, |d| d.readiness.current().gate))
    };
    let stored_gate = move || {
        store.doc.with(|d| {
            d.as_ref().and_then(|d| {
                id.with_value(|id| d.phase_in.scenario(id).and_then(|s| s.settings.gate))
            })
        })
    };
    let years = Memo::new(move |_| snap.with(|s| s.years));
    let auto_capacity = Memo::new(move |_| snap.with(|s| s.auto_capacity));
    let criteria = Memo::new(move |_| {
        snap.with(|s| {
            s.weights
                .iter()
                .map(|w| (w.0.clone(), w.1.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="scenario-controls">
            <p class="small">"Every change re-plans this scenario at once. The adopted plan, the framework and past results stay as they are."</p>
            <FieldError error/>
            <div class="whatif-grid">
                <div class="field">
                    <label for="plan-years">"Years in the phase-in"</label>
                    <select id="plan-years" on:change=set_years>
                        {(1..=MAX_YEARS).map(|y| view! { <option value=y.to_string() selected=move || years.get() == y>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="capacity">
                    <legend>"Coaches hired each year"</legend>
                    // One input per year, keyed by year: a change of the number of years adds
                    // or removes inputs and keeps the others, so focus stays in the field while
                    // the plan updates around it.
                    <For each=move || 1..=years.get() key=|y| *y children=move |year| {
                        let id = format!("capacity-{year}");
                        view! {
                            <div class="field inline-number">
                                <label for=id.clone()>{format!("Year {year}")}</label>
                                <input id=id type="number" min="0" max="1000" inputmode="numeric"
                                    prop:value=move || snap.with(|s| s.capacities.get(usize::from(year - 1)).copied().unwrap_or(0).to_string())
                                    on:change=move |ev| {
                                        let shown = snap.with_untracked(|s| s.capacities.clone());
                                        match event_target_value(&ev).trim().parse::<u32>() {
                                            Ok(v) => edit(&|s| s.set_capacity(year, v, &shown)),
                                            Err(_) => error.set(Some(format!("Year {year}: give a whole number of coaches."))),
                                        }
                                    }/>
                            </div>
                        }
                    }/>
                    <p class="small">{move || snap.with(|s| {
                        let total: u64 = s.capacities.iter().map(|c| u64::from(*c)).sum();
                        format!("{total} coaches for {} schools. {}", s.rows.len(),
                            if s.auto_capacity { "Split evenly; year 1 only counts the schools that may go in year 1." } else { "Set by hand." })
                    })}</p>
                    {move || (!auto_capacity.get()).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| edit(&|s| { s.reset_capacity(); Ok(()) })>"Split evenly again"</button>
                    })}
                </fieldset>
                <fieldset class="gate-choice">
                    <legend>"Readiness gate for planning"</legend>
                    // Built once; only `checked` follows the settings, so the focused radio stays.
                    {std::iter::once(("framework".to_string(), None::<u8>))
                        .chain((0u8..=3).map(|g| (g.to_string(), Some(g))))
                        .map(|(key, value)| {
                            let id = format!("gate-{key}");
                            let label = move || match value {
                                None => format!("The framework\u{2019}s gate ({})", gate_text(framework_gate())),
                                Some(0) => "Off: no gate".to_string(),
                                Some(g) => format!("At or below {}", level_label(g)),
                            };
                            view! {
                                <div class="radio">
                                    <input type="radio" name="plan-gate" id=id.clone() value=key
                                        prop:checked=move || stored_gate() == value
                                        on:change=move |_| edit(&|s| s.set_gate(value))/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                </fieldset>
            </div>
            <details class="weights">
                <summary>"Criteria weights for planning"</summary>
                <ScrollTable label="Criteria weights table">
                    <table aria-label="Criteria weights for planning" class="data compact">
                        <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Weight (0\u{2013}10)"</th><th scope="col">"Framework"</th></tr></thead>
                        <tbody>
                            // Rows follow the framework's criteria; values follow the settings.
                            {move || criteria.get().into_iter().map(|(id, name)| {
                                let cid = id.clone();
                                let input_id = format!("weight-{id}");
                                let weight = {
                                    let id = id.clone();
                                    move || snap.with(|s| s.weights.iter().find(|w| w.0 == id).map(|w| (w.2, w.3)).unwrap_or((0, 0)))
                                };
                                let w2 = weight.clone();
                                view! {
                                    <tr>
                                        <th scope="row"><label for=input_id.clone()>{name}</label></th>
                                        <td><input id=input_id type="number" min="0" max=MAX_WEIGHT.to_string() inputmode="numeric" class="num-input"
                                            prop:value=move || weight().0.to_string()
                                            on:change=move |ev| {
                                                match event_target_value(&ev).trim().parse::<u32>() {
                                                    Ok(v) => edit(&|s| s.set_weight(&cid, Some(v))),
                                                    Err(_) => error.set(Some(format!("A weight is a whole number from 0 to {MAX_WEIGHT}."))),
                                                }
                                            }/></td>
                                        <td class="num">{move || { let (w, fw) = w2(); if w == fw { fw.to_string() } else { format!("{fw} (changed)") } }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollTable>
                <button type="button" class="secondary" on:click=move |_| edit(&|s| { s.weights.clear(); Ok(()) })>"Use the framework\u{2019}s weights"</button>
            </details>
        </div>
    }
}
