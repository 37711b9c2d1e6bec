//! `/executive`: every engagement with its phase, allowance burn, last contact and flags;
//! search and filters by coach, tier, cohort and flag.

use super::{school_name, today};
use crate::domain::executive::program::{self as figures, Filter, Flag};
use crate::domain::executive::Use;
use crate::domain::Id;
use crate::ui::kit::rows_in_steps;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    principal: String,
    school: String,
    coach: String,
    tier: String,
    cohort: String,
    phase: String,
    on_site: String,
    off_site: String,
    /// Share of the on-site allowance used, 0–100, when there is one.
    burn: Option<u32>,
    over: bool,
    tier_id: Id,
    cohort_id: Option<Id>,
    last_contact: String,
    flags: Vec<Flag>,
    why: Vec<String>,
}

impl Row {
    fn passes(&self, f: &Filter) -> bool {
        f.accepts(
            [&self.principal, &self.school, &self.coach],
            &self.tier_id,
            self.cohort_id.as_ref(),
            &self.flags,
        )
    }
}

/// Engagements drawn with the page, or with a change of filters; the rest in the next
/// frames. More than fill the first screen (about six rows at 1280 × 800, fewer on a phone).
const FIRST_DRAWN: usize = 10;

#[component]
pub fn ProgramPage() -> impl IntoView {
    let store = use_store();
    let text = RwSignal::new(String::new());
    let coach = RwSignal::new(String::new());
    let tier = RwSignal::new(String::new());
    let cohort = RwSignal::new(String::new());
    let flag = RwSignal::new(String::new());
    let opt = |s: String| (!s.is_empty()).then(|| Id::fixed(s));
    let filter = Memo::new(move |_| Filter {
        text: text.get(),
        coach: coach.get(),
        tier: opt(tier.get()),
        cohort: opt(cohort.get()),
        flag: Flag::from_key(&flag.get()),
    });
    // Every engagement's figures: kept while the document stays the same.
    let rows = Memo::new(move |_| {
        let today = today();
        store.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let x = &d.executive;
            // Each school's calendar once, however many engagements it has.
            let mut weeks = std::collections::HashMap::new();
            x.engagements
                .iter()
                .map(|e| {
                    let w = weeks
                        .entry(e.school_id.clone())
                        .or_insert_with(|| d.school_weeks(&e.school_id));
                    let r = figures::row(x, e, today, w.as_deref());
                    let school = school_name(d, &e.school_id);
                    Row {
                        id: e.id.to_string(),
                        principal: e.principal.clone(),
                        school: school.clone(),
                        coach: e.coach.clone(),
                        tier: x.tier_name(&e.tier_id),
                        cohort: e
                            .cohort
                            .as_ref()
                            .and_then(|c| x.cohort(c))
                            .map(|c| c.name.clone())
                            .unwrap_or_default(),
                        phase: if e.is_complete() {
                            "Completed".to_string()
                        } else {
                            format!("{}. {}", e.phase.number(), e.phase.short())
                        },
                        on_site: r.usage.line(Use::OnSite),
                        off_site: r.usage.line(Use::OffSite),
                        burn: r
                            .usage
                            .on_site_allowed
                            .filter(|&n| n > 0)
                            .map(|n| ((r.usage.on_site_used as u32 * 100) / n).min(100)),
                        over: r.usage.over(Use::OnSite) + r.usage.over(Use::OffSite) > 0,
                        last_contact: r.last_contact.clone().unwrap_or_else(|| "None yet".into()),
                        flags: r.flags.clone(),
                        why: r.why.clone(),
                        tier_id: e.tier_id.clone(),
                        cohort_id: e.cohort.clone(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let choices = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Default::default, |d| {
                let x = &d.executive;
                (
                    figures::coaches(x),
                    x.tiers()
                        .iter()
                        .map(|t| (t.id.to_string(), t.name.clone()))
                        .collect::<Vec<_>>(),
                    x.cohorts
                        .iter()
                        .map(|c| (c.id.to_string(), c.name.clone()))
                        .collect::<Vec<_>>(),
                )
            })
        })
    });
    // The first rows are drawn with the page, the rest in the next frames (60 engagements
    // at once took over 50 ms in make bench-executive).
    let drawn = RwSignal::new(FIRST_DRAWN);
    rows_in_steps::draw_later(drawn, rows.with_untracked(Vec::len), usize::MAX);
    let shown = Memo::new(move |_| {
        filter.with(|f| {
            rows.with(|r| {
                r.iter()
                    .filter(|r| r.passes(f))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    // A change of filters draws its first rows at once and the rest in the next frames too
    // (clearing a search brings back every row).
    let refilter = move |filter: RwSignal<String>, value: String| {
        if filter.with_untracked(|f| *f != value) {
            drawn.set(FIRST_DRAWN);
            filter.set(value);
            rows_in_steps::draw_later(drawn, shown.with_untracked(Vec::len), usize::MAX);
        }
    };
    let none = Memo::new(move |_| rows.with(Vec::is_empty));
    let counts = Memo::new(move |_| {
        rows.with(|r| {
            let flagged = r.iter().filter(|r| !r.flags.is_empty()).count();
            let by_phase: Vec<usize> = (1..=4)
                .map(|n| {
                    r.iter()
                        .filter(|x| x.phase.starts_with(&format!("{n}.")))
                        .count()
                })
                .collect();
            (r.len(), flagged, by_phase)
        })
    });
    // An engagement removed on its set-up page: offer the undo here.
    let removed = RwSignal::new(super::take_last_removed());
    let undo_error = RwSignal::new(None::<String>);
    if removed.with_untracked(Option::is_some) {
        // After the page's heading has had focus from the change of path.
        set_timeout(
            || crate::ui::platform::browser::focus_id("engagement-undo"),
            std::time::Duration::from_millis(60),
        );
    }
    let undo = Callback::new(move |()| {
        if let Some(r) = removed.get_untracked() {
            let id = r.engagement.id.clone();
            let result = store.try_edit(|d| {
                let schools = d.schools.clone();
                d.executive.restore_checked(r, &schools)
            });
            removed.set(None);
            match result {
                Ok(()) => request_animation_frame(move || {
                    crate::ui::platform::browser::focus_id(&format!("eng-{id}"))
                }),
                Err(e) => undo_error.set(Some(e)),
            }
        }
    });
    let clear = move |_| {
        for f in [text, coach, tier, cohort, flag] {
            refilter(f, String::new());
        }
    };
    view! {
        <Title text="Executive coaching \u{b7} Readyboard"/>
        <h1>"Executive coaching"</h1>
        <p class="lead">
            "Principals work with an executive coach for a school year, in four phases: assessment and reflection, "
            "planning, a work plan, then implementation, monitoring and evaluation. Each engagement keeps its contact log "
            "against the tier\u{2019}s allowance, and a status report for the superintendent."
        </p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                {move || removed.get().map(|r| view! {
                    <UndoNotice id="engagement-undo" on_undo=undo
                        message=format!("The engagement with {} was removed.", r.engagement.principal)/>
                })}
                <crate::ui::kit::field_error::FieldError error=undo_error/>
                <p class="page-links">
                    <a class="button primary" href="/executive/new">"Start an engagement"</a>
                    <a class="button" href="/executive/cohorts">"Cohort meetings"</a>
                    <a class="button" href="/executive/tiers">"Support tiers"</a>
                </p>
                {move || if none.get() {
                    view! {
                        <p data-testid="no-engagements">"No engagements yet. Start one for a principal: choose the school, the coach and the support tier."</p>
                    }.into_any()
                } else {
                    view! {
                        {move || {
                            let (n, flagged, by_phase) = counts.get();
                            view! {
                                <ul class="stats">
                                    <li><strong>{n.to_string()}</strong>{if n == 1 { " engagement" } else { " engagements" }}</li>
                                    <li><strong>{flagged.to_string()}</strong>" need attention"</li>
                                    {by_phase.into_iter().enumerate().map(|(i, c)| view! {
                                        <li><strong>{c.to_string()}</strong>{format!(" in phase {}", i + 1)}</li>
                                    }).collect_view()}
                                </ul>
                            }
                        }}
                        <section aria-labelledby="engagements-title">
                            <h2 id="engagements-title">"Engagements"</h2>
                            <div class="finder filters">
                                <div class="field">
                                    <label for="eng-search">"Find a principal, school or coach"</label>
                                    <input id="eng-search" type="search" autocomplete="off"
                                        prop:value=move || text.get() on:input=move |ev| refilter(text, event_target_value(&ev))/>
                                </div>
                                <div class="field">
                                    <label for="eng-coach">"Coach"</label>
                                    <select id="eng-coach" prop:value=move || coach.get() on:change=move |ev| refilter(coach, event_target_value(&ev))>
                                        <option value="">"Every coach"</option>
                                        {move || choices.get().0.into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="eng-tier">"Tier"</label>
                                    <select id="eng-tier" prop:value=move || tier.get() on:change=move |ev| refilter(tier, event_target_value(&ev))>
                                        <option value="">"Every tier"</option>
                                        {move || choices.get().1.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="eng-cohort">"Cohort"</label>
                                    <select id="eng-cohort" prop:value=move || cohort.get() on:change=move |ev| refilter(cohort, event_target_value(&ev))>
                                        <option value="">"Any cohort or none"</option>
                                        {move || choices.get().2.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="eng-flag">"Needs attention"</label>
                                    <select id="eng-flag" prop:value=move || flag.get() on:change=move |ev| refilter(flag, event_target_value(&ev))>
                                        <option value="">"Any"</option>
                                        {Flag::ALL.into_iter().map(|f| view! { <option value=f.key()>{f.label()}</option> }).collect_view()}
                                    </select>
                                </div>
                                {move || (!filter.with(Filter::is_empty)).then(|| view! {
                                    <button type="button" class="secondary" on:click=clear>"Clear filters"</button>
                                })}
                            </div>
                            <p role="status" class="hint">{move || {
                                let (s, n) = (shown.with(Vec::len), rows.with(Vec::len));
                                if s == n { format!("All {n} engagements shown.") } else { format!("{s} of {n} engagements shown.") }
                            }}</p>
                            <ScrollTable label="Engagements table">
                                <table class="data engagements stack" role="table" aria-labelledby="engagements-title">
                                    <thead role="rowgroup"><tr role="row">
                                        <th scope="col" role="columnheader">"Principal"</th>
                                        <th scope="col" role="columnheader">"Coach and tier"</th>
                                        <th scope="col" role="columnheader">"Phase"</th>
                                        <th scope="col" role="columnheader">"Allowance"</th>
                                        <th scope="col" role="columnheader">"Last contact"</th>
                                        <th scope="col" role="columnheader">"Needs attention"</th>
                                    </tr></thead>
                                    <tbody role="rowgroup">
                                        <For each=move || shown.with(|v| v.iter().take(drawn.get()).cloned().collect::<Vec<_>>()) key=|r| r.clone() let:r>
                                            <EngagementRow row=r/>
                                        </For>
                                    </tbody>
                                </table>
                            </ScrollTable>
                            {move || shown.with(Vec::is_empty).then(|| view! { <p>"No engagement matches these filters."</p> })}
                        </section>
                    }.into_any()
                }}
            }.into_any(),
        }}
    }
}

#[component]
fn EngagementRow(row: Row) -> impl IntoView {
    let href = format!("/executive/{}", row.id);
    view! {
        <tr role="row" class:flagged=!row.flags.is_empty()>
            <th scope="row" role="rowheader">
                <a href=href id=format!("eng-{}", row.id)>{row.principal.clone()}</a>
                <span class="small">{row.school.clone()}</span>
            </th>
            <td role="cell" data-label="Coach">{row.coach.clone()}<span class="small">{row.tier.clone()}{(!row.cohort.is_empty()).then(|| format!(" \u{b7} {}", row.cohort))}</span></td>
            <td role="cell" data-label="Phase" class="nowrap">{row.phase.clone()}</td>
            <td role="cell" data-label="Allowance">
                {row.on_site.clone()}
                {row.burn.map(|b| view! {
                    <span class="burn" aria-hidden="true"><span class="burn-bar" class:over=row.over style:width=format!("{b}%")></span></span>
                })}
                <span class="small">{row.off_site.clone()}</span>
            </td>
            <td role="cell" data-label="Last contact" class="nowrap">{row.last_contact.clone()}</td>
            <td role="cell" data-label="Needs attention">
                {if row.why.is_empty() {
                    view! { <span class="small">"Nothing flagged"</span> }.into_any()
                } else {
                    view! {
                        <ul class="flag-list">
                            {row.flags.iter().zip(row.why.iter()).map(|(f, w)| view! {
                                <li><strong>{f.label()}</strong><span class="small">{w.clone()}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}
