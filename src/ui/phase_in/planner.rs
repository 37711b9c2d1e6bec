//! `/phase-in`: the coach champion's planner. Two rankings side by side, the proposed
//! cohorts year by year, the what-if settings (years, capacity, gate, weights), pins with a
//! rationale, and the consequence for the lowest-performing schools. Everything is computed
//! by `domain::phase_in` from the stored settings, so a change re-plans at once.

use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::phase_in::pin::PinForm;
use crate::ui::phase_in::scenarios::Scenarios;
use crate::ui::phase_in::view_model::{
    gate_text, place_text, proficiency_text, use_snapshot_of, year_text, SchoolRow, Snapshot,
};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// Rows shown per list before "Show all": keeps every list quick at 500 schools.
const LIMIT: usize = 25;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Mismatch,
    Gated,
    OptedOut,
    NotAssessed,
    Pinned,
    NeedsPlan,
}

impl Filter {
    const ALL: [Filter; 7] = [
        Filter::All,
        Filter::Mismatch,
        Filter::Gated,
        Filter::OptedOut,
        Filter::NotAssessed,
        Filter::Pinned,
        Filter::NeedsPlan,
    ];
    fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Mismatch => "mismatch",
            Filter::Gated => "gated",
            Filter::OptedOut => "opted-out",
            Filter::NotAssessed => "not-assessed",
            Filter::Pinned => "pinned",
            Filter::NeedsPlan => "needs-plan",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Filter::All => "All schools",
            Filter::Mismatch => "Rankings far apart",
            Filter::Gated => "Below the gate",
            Filter::OptedOut => "Self-selected out",
            Filter::NotAssessed => "Not assessed",
            Filter::Pinned => "Pinned",
            Filter::NeedsPlan => "Needs a readiness plan",
        }
    }
    fn keeps(self, r: &SchoolRow) -> bool {
        match self {
            Filter::All => true,
            Filter::Mismatch => r.mismatch,
            Filter::Gated => !r.gated.is_empty(),
            Filter::OptedOut => r.opted_out.is_some(),
            Filter::NotAssessed => !r.is_assessed(),
            Filter::Pinned => r.pin_rationale.is_some(),
            Filter::NeedsPlan => r.needs_plan,
        }
    }
}

/// The page's shared state: the snapshot, the search and filter, and the pin form.
#[derive(Clone, Copy)]
struct Ctx {
    snap: Memo<Snapshot>,
    /// The scenario shown instead of the adopted plan.
    scenario: Memo<Option<Id>>,
    query: RwSignal<String>,
    filter: RwSignal<Filter>,
    /// The school whose pin form is open.
    pinning: RwSignal<Option<String>>,
    /// The last unpinned school, for undo: (name, position, pin).
    unpinned: RwSignal<Option<(String, usize, crate::domain::phase_in::Pin)>>,
    notice: RwSignal<Option<String>>,
}

impl Ctx {
    /// The search and filter as one test, read once per list rather than once per row.
    fn matcher(&self) -> impl Fn(&SchoolRow) -> bool {
        let q = self.query.with(|q| q.trim().to_lowercase());
        let filter = self.filter.get();
        move |r| (q.is_empty() || r.name.to_lowercase().contains(&q)) && filter.keeps(r)
    }
}

/// The rows a list shows, as indexes into the snapshot's rows: the first `LIMIT` of
/// `matching`, or all of them once the person asked to see all.
fn limited(matching: &[usize], all: bool) -> Vec<usize> {
    matching
        .iter()
        .take(if all { usize::MAX } else { LIMIT })
        .copied()
        .collect()
}

/// School `i`'s row (an index into the snapshot's rows) as a memo, for a list's line. The
/// lists are keyed by school: a school that stays in a list keeps its line (moved, not drawn
/// again, when the list shifts or a search hides others), and its cells are drawn again only
/// when its row changes. (A row the list has just dropped keeps its last value until it
/// goes.)
fn use_row(snap: Memo<Snapshot>, i: usize) -> Memo<SchoolRow> {
    Memo::new(move |prev: Option<&SchoolRow>| {
        snap.with(|s| s.rows.get(i).cloned())
            .or_else(|| prev.cloned())
            .unwrap_or_default()
    })
}

/// Under a list: a line when nothing matches, and "Show all N" while rows are held back.
fn list_footer(
    total: impl Fn() -> usize + Copy + Send + Sync + 'static,
    show_all: RwSignal<bool>,
) -> impl IntoView {
    view! {
        {move || (total() == 0).then(|| view! { <p class="small">"No school here matches the search and filter."</p> })}
        {move || (!show_all.get() && total() > LIMIT).then(|| view! {
            <button type="button" class="secondary" on:click=move |_| show_all.set(true)>{format!("Show all {}", total())}</button>
        })}
    }
}

#[component]
pub fn PhaseInPage() -> impl IntoView {
    let store = use_store();
    view! {
        <Title text="Phase-in plan \u{b7} Readyboard"/>
        <h1>"Phase-in plan"</h1>
        <p class="lead">
            "Rank the schools by student-achievement need and by readiness, see where the two lists part, "
            "and propose which schools get a coach in each year. Schools below the gate or self-selected out "
            "wait for a later year with a readiness plan."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! { <Planner/> }.into_any(),
        }}
    }
}

#[component]
fn Planner() -> impl IntoView {
    let location = use_location();
    let here = location.pathname.get_untracked();
    let store = use_store();
    // The scenario named in the address (`?scenario=<id>`), if it exists. Read from the
    // router's location, which a navigation changes at once (the route's own query follows a
    // tick later): a new, adopted or deleted scenario changes the document and the address
    // together, and the page plans once for both. While the address leaves this page, the
    // scenario stays as it was.
    let scenario = Memo::new(move |prev: Option<&Option<Id>>| {
        if location.pathname.with(|p| *p != here) {
            return prev.cloned().flatten();
        }
        let wanted = location.query.with(|q| q.get("scenario"))?;
        store.doc.with(|d| {
            d.as_ref()?
                .phase_in
                .scenarios
                .iter()
                .find(|s| s.id.as_str() == wanted)
                .map(|s| s.id.clone())
        })
    });
    let ctx = Ctx {
        snap: use_snapshot_of(scenario),
        scenario,
        query: RwSignal::new(String::new()),
        filter: RwSignal::new(Filter::All),
        pinning: RwSignal::new(None),
        unpinned: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    provide_context(ctx);
    // A memo, so the planner is rebuilt only when the district gains or loses its schools,
    // not on every re-plan.
    let empty = Memo::new(move |_| ctx.snap.with(|s| s.rows.is_empty()));
    view! {
        <p class="page-links">
            <a href="/phase-in/roster">"School roster and CSV import"</a>" \u{b7} "
            <a href="/phase-in/brief">"Decision brief (print or CSV)"</a>
        </p>
        {move || if empty.get() {
            view! {
                <p class="panel">"There are no schools yet. "<a href="/phase-in/roster">"Add schools or import a roster"</a>" to start planning."</p>
            }.into_any()
        } else {
            view! {
                <Consequence/>
                <Scenarios snap=ctx.snap scenario=ctx.scenario/>
                <Finder/>
                <Cohorts/>
                <Rankings/>
            }.into_any()
        }}
    }
}

#[component]
fn Consequence() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let snap = ctx.snap;
    // Each part follows a memo of what it shows, so a re-plan draws again only the parts
    // that changed: the list of the lowest-performing schools not in year 1 can hold a
    // hundred, each kept while it reads the same.
    let stats = Memo::new(move |_| {
        snap.with(|s| {
            (
                s.cohorts.first().map_or(0, Vec::len),
                s.rows.len(),
                s.years,
                s.by_readiness.len(),
                s.rows.iter().filter(|r| r.mismatch).count(),
            )
        })
    });
    let line = Memo::new(move |_| snap.with(|s| s.consequence.clone()));
    // (row, name, "(year 2): why"), keyed by all three.
    let later = Memo::new(move |_| {
        snap.with(|s| {
            s.consequence_later
                .iter()
                .map(|(i, y, why)| {
                    (
                        *i,
                        s.rows[*i].name.clone(),
                        format!(" ({}): {why}", year_text(*y)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let any_later = Memo::new(move |_| later.with(|l| !l.is_empty()));
    let conflicts = Memo::new(move |_| snap.with(|s| s.conflicts.clone()));
    view! {
        <section aria-labelledby="consequence-title" class="consequence">
            <h2 id="consequence-title">"What this plan means"</h2>
            {move || {
                let (year_one, schools, years, assessed, far_apart) = stats.get();
                view! {
                    <ul class="stats">
                        <li><strong>{year_one.to_string()}</strong>{format!(" of {schools} schools in year 1")}</li>
                        <li><strong>{years.to_string()}</strong>" years"</li>
                        <li><strong>{assessed.to_string()}</strong>" schools assessed"</li>
                        <li><strong>{far_apart.to_string()}</strong>" far apart in the two rankings"</li>
                    </ul>
                }
            }}
            <p class="consequence-line" data-testid="consequence"><strong>{move || line.get()}</strong></p>
            {move || any_later.get().then(|| view! {
                <ul class="why-list">
                    <For each=move || later.get() key=|item| item.clone() let:item>
                        <li><strong>{item.1}</strong>{item.2}</li>
                    </For>
                </ul>
            })}
            {move || conflicts.with(|c| (!c.is_empty()).then(|| view! {
                <div class="banner warning" role="alert" data-testid="plan-conflicts">
                    <p><strong>"The plan can\u{2019}t follow every setting:"</strong></p>
                    <ul>{c.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                </div>
            }))}
        </section>
    }
}

#[component]
fn Finder() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section aria-labelledby="finder-title" class="finder">
            <h2 id="finder-title" class="visually-hidden">"Find schools"</h2>
            <div class="field search">
                <label for="plan-search">"Find a school"</label>
                <input id="plan-search" type="search" autocomplete="off" prop:value=move || ctx.query.get()
                    on:input=move |ev| ctx.query.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="plan-filter">"Show"</label>
                <select id="plan-filter" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.filter.set(Filter::ALL.into_iter().find(|f| f.key() == v).unwrap_or(Filter::All));
                }>
                    {Filter::ALL.into_iter().map(|f| view! { <option value=f.key() selected=move || ctx.filter.get() == f>{f.label()}</option> }).collect_view()}
                </select>
            </div>
            {move || ctx.notice.get().map(|n| view! {
                <p class="ok" role="status">{n}
                    {ctx.unpinned.get().map(|_| view! { " " <button type="button" class="secondary" on:click=move |_| undo_unpin()>"Undo"</button> })}
                </p>
            })}
        </section>
    }
}

fn undo_unpin() {
    let store = use_store();
    let ctx = expect_context::<Ctx>();
    if let Some((name, at, pin)) = ctx.unpinned.get_untracked() {
        store.edit(|d| d.phase_in.restore_pin(at, pin));
        ctx.unpinned.set(None);
        ctx.notice.set(Some(format!("{name} is pinned again.")));
    }
}

#[component]
fn Cohorts() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let years = Memo::new(move |_| ctx.snap.with(|s| s.years));
    let any_unplaced = Memo::new(move |_| ctx.snap.with(|s| !s.unplaced.is_empty()));
    view! {
        <section aria-labelledby="cohorts-title">
            <h2 id="cohorts-title">{move || if ctx.scenario.with(Option::is_some) { "Cohorts in this scenario" } else { "Proposed cohorts" }}</h2>
            {move || ctx.scenario.with(Option::is_some).then(|| view! {
                <p class="note" data-testid="scenario-pins-note">"Pins belong to the adopted plan, and this scenario applies the same pins. To pin or unpin a school, choose \u{201c}The adopted plan\u{201d} under \u{201c}Plan on this page\u{201d}."</p>
            })}
            // Keyed by year: a change of the number of years adds or removes a cohort, and
            // the others stay as they are.
            <For each=move || 1..=years.get() key=|y| *y children=move |y| view! { <Cohort year=Some(y)/> }/>
            {move || any_unplaced.get().then(|| view! { <Cohort year=None/> })}
        </section>
    }
}

#[component]
fn Cohort(year: Option<u8>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let show_all = RwSignal::new(false);
    let title_id = format!(
        "cohort-{}",
        year.map_or("unplaced".to_string(), |y| y.to_string())
    );
    // (schools in this year, its capacity, the rows that match the search and filter, as
    // indexes into the snapshot's rows)
    let list = Memo::new(move |_| {
        ctx.snap.with(|s| {
            let idx: &[usize] = match year {
                Some(y) => s.cohorts.get(usize::from(y - 1)).map_or(&[], Vec::as_slice),
                None => &s.unplaced,
            };
            let cap = year.and_then(|y| s.capacities.get(usize::from(y - 1)).copied());
            let keeps = ctx.matcher();
            let rows: Vec<usize> = idx.iter().copied().filter(|&i| keeps(&s.rows[i])).collect();
            (idx.len(), cap, rows)
        })
    });
    let heading = move || {
        list.with(|(n, cap, _)| match (year, cap) {
            (Some(y), Some(c)) => format!(
                "Year {y}: {n} of {}",
                plural(*c as usize, "place", "places")
            ),
            _ => format!("Not placed: {}", plural(*n, "school", "schools")),
        })
    };
    let total = move || list.with(|l| l.2.len());
    let shown = Memo::new(move |_| {
        let all = show_all.get();
        list.with(|l| limited(&l.2, all))
    });
    let table_title = title_id.clone();
    view! {
        <section aria-labelledby=title_id.clone() class="cohort">
            <h3 id=title_id.clone()>{heading}</h3>
            <ScrollTable label=format!("{} cohort table", year.map_or("Not placed".to_string(), |y| format!("Year {y}")))>
                <table aria-labelledby=table_title class:hidden=move || total() == 0 class="data cohort-table">
                    <colgroup>
                        <col class="c-school"/><col class="c-num"/><col class="c-num"/><col/><col class="c-pin"/>
                    </colgroup>
                    <thead><tr>
                        <th scope="col">"School"</th>
                        <th scope="col" class="num">"Readiness"</th>
                        <th scope="col" class="num">"Need place"</th>
                        <th scope="col">"Why here"</th>
                        <th scope="col"><span class="visually-hidden">"Pin"</span></th>
                    </tr></thead>
                    <tbody>
                        // One row per school, kept while the list changes (see `use_row`).
                        <For each=move || shown.get() key=|i| *i
                            children=move |i| view! { <CohortRow row=use_row(ctx.snap, i)/> }/>
                    </tbody>
                </table>
            </ScrollTable>
            {list_footer(total, show_all)}
        </section>
    }
}

/// The cells of a cohort row that follow the plan (all but the pin cell).
fn cohort_cells(row: &SchoolRow) -> impl IntoView {
    let index = row
        .index
        .map_or_else(|| "\u{2013}".to_string(), |i| i.to_string());
    let plan_link = row.needs_plan.then(|| {
        let label = if row.eligible {
            "Readiness plan: eligible for the next cohort"
        } else if row.has_plan {
            "Readiness plan"
        } else {
            "Start a readiness plan"
        };
        // Each link names its school for screen readers' lists of links.
        view! {
            <a class="small-link" href=format!("/phase-in/plans/{}", row.id)>
                {label}<span class="visually-hidden">{format!(" for {}", row.name)}</span>
            </a>
        }
    });
    let override_note = row.override_of.clone().map(|o| {
        view! { <span class="override-note">{format!("Override of year 1\u{2019}s rule: {o}.")}</span> }
    });
    view! {
        <th scope="row">
            <a href=format!("/readiness/{}", row.id)>{row.name.clone()}</a>
            <span class="small">{row.level.clone()}</span>
            {if row.override_of.is_some() {
                view! { <span class="tag override-tag">"Override"</span> }.into_any()
            } else if row.is_pinned {
                view! { <span class="tag pinned-tag">"Pinned"</span> }.into_any()
            } else {
                ().into_any()
            }}
            {(!row.gated.is_empty()).then(|| view! { <span class="tag gated-tag">"Below the gate"</span> })}
            {row.opted_out.is_some().then(|| view! { <span class="tag">"Self-selected out"</span> })}
        </th>
        <td class="num">{index}</td>
        <td class="num">{place_text(row.need_place)}</td>
        <td>{row.why.clone()}" "{override_note}" "{plan_link}</td>
    }
}

/// A line of a cohort table: `row` is the school on it. A re-plan that changes the school
/// or its figures on this line draws its cells again; the pin cell is drawn again only when
/// what it offers changes.
#[component]
fn CohortRow(row: Memo<SchoolRow>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let store = use_store();
    // The pin cell: nothing in a scenario (pins belong to the adopted plan), else "Unpin"
    // or "Pin…", rebuilt only when that changes; the school it names follows the line.
    let pin_cell = Memo::new(move |_| {
        ctx.scenario
            .with(Option::is_none)
            .then(|| row.with(|r| r.pin_rationale.is_some()))
    });
    let named = move || row.with(|r| format!(" {}", r.name));
    // What the pin form starts from: it is made again only when that changes.
    let form = Memo::new(move |_| row.with(|r| (r.id.clone(), r.name.clone(), r.year)));
    let open = Memo::new(move |_| {
        let pinning = ctx.pinning.get();
        row.with(|r| pinning.as_deref() == Some(r.id.as_str()))
    });
    let unpin = move |_| {
        let (id, name) = row.with_untracked(|r| (Id::fixed(r.id.clone()), r.name.clone()));
        let mut removed = None;
        store.edit(|d| removed = d.phase_in.unpin(&id));
        if let Some((at, pin)) = removed {
            ctx.unpinned.set(Some((name.clone(), at, pin)));
            ctx.notice.set(Some(format!("{name} is no longer pinned.")));
        }
    };
    let pin = move |_| ctx.pinning.set(Some(row.with_untracked(|r| r.id.clone())));
    view! {
        <tr class=move || row.with(|r| r.is_pinned).then_some("pinned")>
            {move || row.with(cohort_cells)}
            <td class="row-actions">
                // Pins belong to the adopted plan (a scenario applies the same pins), so they
                // are set and removed only there.
                {move || match pin_cell.get() {
                    None => ().into_any(),
                    Some(true) => view! {
                        <button type="button" class="secondary" on:click=unpin>"Unpin"<span class="visually-hidden">{named}</span></button>
                    }.into_any(),
                    Some(false) => view! {
                        <button type="button" class="secondary" aria-expanded=move || if open.get() { "true" } else { "false" }
                            on:click=pin>
                            "Pin\u{2026}"<span class="visually-hidden">{named}</span>
                        </button>
                    }.into_any(),
                }}
            </td>
        </tr>
        {move || (open.get() && ctx.scenario.with(Option::is_none)).then(|| {
            let (id, name, year) = form.get();
            view! {
                <PinForm id name year columns=5
                    on_pinned=Callback::new(move |notice: String| {
                        ctx.pinning.set(None);
                        ctx.unpinned.set(None);
                        ctx.notice.set(Some(notice));
                    })
                    on_cancel=Callback::new(move |_| ctx.pinning.set(None))/>
            }
        })}
    }
}

#[component]
fn Rankings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section aria-labelledby="rankings-title">
            <h2 id="rankings-title">"Two rankings, side by side"</h2>
            <p class="small">{move || ctx.snap.with(|s| format!(
                "Need ranks the schools by mean reading and math proficiency, lowest first. Readiness ranks them by the latest agreed round under the weights above; schools below the gate ({}) come after every school that passes it. Places {} or more apart are marked.",
                gate_text(s.gate), s.mismatch_at
            ))}</p>
            <div class="rankings">
                <RankList by_need=true/>
                <RankList by_need=false/>
            </div>
            {move || ctx.snap.with(|s| (!s.not_assessed.is_empty()).then(|| view! {
                <p><strong>"Not assessed yet: "</strong>{s.not_assessed.iter().map(|&i| s.rows[i].name.clone()).collect::<Vec<_>>().join("; ")}"."</p>
            }))}
        </section>
    }
}

#[component]
fn RankList(by_need: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let show_all = RwSignal::new(false);
    let (title_id, title) = if by_need {
        ("rank-need", "By student-achievement need")
    } else {
        ("rank-readiness", "By readiness")
    };
    // The rows that match the search and filter, as indexes into the snapshot's rows.
    let rows = Memo::new(move |_| {
        ctx.snap.with(|s| {
            let list = if by_need { &s.by_need } else { &s.by_readiness };
            let keeps = ctx.matcher();
            list.iter()
                .copied()
                .filter(|&i| keeps(&s.rows[i]))
                .collect::<Vec<_>>()
        })
    });
    let total = move || rows.with(Vec::len);
    let shown = Memo::new(move |_| {
        let all = show_all.get();
        rows.with(|l| limited(l, all))
    });
    view! {
        <section aria-labelledby=title_id class="rank-list">
            <h3 id=title_id>{title}</h3>
            <ScrollTable label=format!("{title} table")>
                <table aria-labelledby=title_id class="data compact">
                    <colgroup><col class="c-place"/><col/><col class="c-num"/><col class="c-num"/><col class="c-apart"/></colgroup>
                    <thead><tr>
                        <th scope="col" class="num">"Place"</th>
                        <th scope="col">"School"</th>
                        <th scope="col" class="num">{if by_need { "Proficient" } else { "Index" }}</th>
                        <th scope="col" class="num">{if by_need { "Readiness place" } else { "Need place" }}</th>
                        <th scope="col" class="num">"Apart"</th>
                    </tr></thead>
                    <tbody>
                        // One row per school, kept while the list changes (see `use_row`).
                        <For each=move || shown.get() key=|i| *i
                            children=move |i| view! { <RankRow row=use_row(ctx.snap, i) by_need/> }/>
                    </tbody>
                </table>
            </ScrollTable>
            {list_footer(total, show_all)}
        </section>
    }
}

/// The cells of a ranking's row.
fn rank_cells(r: &SchoolRow, by_need: bool) -> impl IntoView {
    let (place, figure, other) = if by_need {
        (
            r.need_place,
            proficiency_text(r.proficiency),
            r.readiness_place,
        )
    } else {
        (
            r.readiness_place,
            r.index.map_or("\u{2013}".into(), |i| i.to_string()),
            r.need_place,
        )
    };
    let apart = r
        .places_apart
        .map_or_else(|| "\u{2013}".to_string(), |d| d.to_string());
    view! {
        <td class="num">{place_text(place)}</td>
        <th scope="row">{r.name.clone()}
            {r.override_of.is_some().then(|| view! { <span class="tag override-tag">"Override: year 1"</span> })}
            {(!by_need && !r.gated.is_empty()).then(|| view! { <span class="tag gated-tag">"Below the gate"</span> })}
            {r.opted_out.is_some().then(|| view! { <span class="tag">"Self-selected out"</span> })}
        </th>
        <td class="num">{figure}</td>
        <td class="num">{other.map_or_else(|| if by_need { "not assessed".to_string() } else { "no figures".to_string() }, |p| p.to_string())}</td>
        <td class="num">{apart}" "{r.mismatch.then(|| view! { <span class="tag mismatch-tag">"far apart"</span> })}</td>
    }
}

/// A line of a ranking: `row` is the school on it (see [`CohortRow`]).
#[component]
fn RankRow(row: Memo<SchoolRow>, by_need: bool) -> impl IntoView {
    view! {
        <tr class=move || row.with(|r| r.mismatch).then_some("mismatch")>
            {move || row.with(|r| rank_cells(r, by_need))}
        </tr>
    }
}
