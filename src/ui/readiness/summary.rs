//! `/readiness/:school/:round/summary`: a printable one-page summary of a completed round.
//! Raters' evidence notes stay out unless the team chooses to include them.

use crate::domain::readiness::score;
use crate::ui::kit::not_found::NotFound;
use crate::ui::kit::use_store;
use crate::ui::readiness::round::rater_line;
use crate::ui::readiness::view::{
    find_round, find_school, level_text, profile_rows, Crumbs, ProfileChart, VerdictBadge,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Strengths quoted in full on the one-page summary; the others are named.
const SHOWN_STRENGTHS: usize = 3;
/// Gaps quoted in full, beyond the gated ones (which are always quoted).
const SHOWN_GAPS: usize = 3;

#[component]
pub fn ReadinessSummaryPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let school_id = Memo::new(move |_| params.read().get("school").unwrap_or_default());
    let round_id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let data = Memo::new(move |_| {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let school = find_school(d, &school_id.get())?;
            let (round, framework) = find_round(d, &round_id.get())?;
            Some((d.district.name.clone(), school, round, framework))
        })
    });
    let toggle_notes = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let id = crate::domain::Id::fixed(round_id.get_untracked());
        let _ = store.try_edit(|d| {
            d.readiness.with_round(&id, |r, _| {
                r.include_notes = on;
                Ok(())
            })
        });
    };
    move || {
        let Some((district, school, round, framework)) = data.get() else {
            return view! {
                <NotFound title="Summary not found" back_href="/readiness" back_label="Back to readiness">
                    "There is no readiness round at this address in this district."
                </NotFound>
            }
            .into_any();
        };
        let sid = school.id.to_string();
        let rid = round.id.to_string();
        let crumbs = vec![
            ("Readiness".to_string(), "/readiness".to_string()),
            (school.name.clone(), format!("/readiness/{sid}")),
            (round.label.clone(), format!("/readiness/{sid}/{rid}")),
            (
                "Summary".to_string(),
                format!("/readiness/{sid}/{rid}/summary"),
            ),
        ];
        let title = format!("{}: readiness summary, {}", school.name, round.label);
        let Some(outcome) = score::outcome(&round, &framework) else {
            return view! {
                <Title text=format!("{title} \u{b7} Readyboard")/>
                <Crumbs trail=crumbs/>
                <h1>{title.clone()}</h1>
                <p>"The summary is ready once the team has revealed the ratings and agreed a level for every criterion."</p>
                <p><a href=format!("/readiness/{sid}/{rid}")>"Back to the round"</a></p>
            }
            .into_any();
        };
        let words = score::words(&framework, &outcome);
        let rows = profile_rows(&round, &framework);
        let raters = round
            .raters
            .iter()
            .map(rater_line)
            .collect::<Vec<_>>()
            .join("; ");
        let include = round.include_notes;
        let team_notes: Vec<(String, String, String)> = framework
            .criteria
            .iter()
            .enumerate()
            .filter(|(i, _)| !round.agreed_note(*i).trim().is_empty())
            .map(|(i, c)| {
                (
                    c.name.clone(),
                    level_text(round.agreed(i)),
                    round.agreed_note(i).to_string(),
                )
            })
            .collect();
        let notes: Vec<(String, Vec<(String, String)>)> = framework
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    c.name.clone(),
                    round
                        .raters
                        .iter()
                        .filter(|r| !r.evidence(i).trim().is_empty())
                        .map(|r| (r.name.clone(), r.evidence(i).to_string()))
                        .collect(),
                )
            })
            .filter(|(_, v): &(String, Vec<_>)| !v.is_empty())
            .collect();
        view! {
            <Title text=format!("{title} \u{b7} Readyboard")/>
            <Crumbs trail=crumbs/>
            <div class="summary-tools no-print">
                <div class="check">
                    <input id="include-notes" type="checkbox" prop:checked=include on:change=toggle_notes/>
                    <label for="include-notes">"Include raters\u{2019} evidence notes"</label>
                </div>
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
            </div>
            <article class="summary-page">
                <p class="kicker">{format!("{district} \u{b7} readiness for instructional coaching")}</p>
                <h1>{title.clone()}</h1>
                <p class="facts-line">{format!(
                    "Meeting {} \u{b7} framework version {} \u{b7} gate at {} \u{b7} raters: {raters}",
                    round.date, framework.version, if outcome.gate == 0 { "off".to_string() } else { level_text(outcome.gate) }
                )}</p>
                <p class="verdict-line"><VerdictBadge outcome=outcome.clone() why=score::reason(&framework, &outcome)/>" "<strong>{format!("Readiness index {} of 100", outcome.index_rounded())}</strong></p>
                <p>{words.headline}</p>
                <ProfileChart rows caption="Readiness profile by criterion".to_string()/>
                {
                    // A side with nothing in it is one line, and the other side takes the width.
                    let strengths_view = if words.strengths.is_empty() {
                        None
                    } else {
                        // The three strongest in full; the rest by name, so the page stays one page.
                        let more: Vec<String> = words.strength_criteria.iter().skip(SHOWN_STRENGTHS)
                            .map(|&i| format!("{} ({})", framework.criteria[i].name, level_text(outcome.levels[i])))
                            .collect();
                        Some(view! {
                            <section aria-labelledby="s-strengths">
                                <h2 id="s-strengths">"Strengths"</h2>
                                <ul>{words.strengths.into_iter().take(SHOWN_STRENGTHS).map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                {(!more.is_empty()).then(|| view! { <p class="also">{format!("Also at 3 or 4: {}.", more.join("; "))}</p> })}
                            </section>
                        })
                    };
                    let gaps_view = if words.gaps.is_empty() {
                        None
                    } else {
                        // Every gated criterion in full, then others up to three; the rest by name.
                        let full = outcome.gated.len().max(SHOWN_GAPS);
                        let more: Vec<String> = words.gap_criteria.iter().skip(full)
                            .map(|&i| format!("{} ({})", framework.criteria[i].name, level_text(outcome.levels[i])))
                            .collect();
                        Some(view! {
                            <section aria-labelledby="s-gaps">
                                <h2 id="s-gaps">"Gaps"</h2>
                                <ul>{words.gaps.into_iter().take(full).map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                {(!more.is_empty()).then(|| view! { <p class="also">{format!("Also at 1 or 2: {}.", more.join("; "))}</p> })}
                            </section>
                        })
                    };
                    let both = strengths_view.is_some() && gaps_view.is_some();
                    view! {
                        {(!both && strengths_view.is_none()).then(|| view! { <p class="words-none"><strong>"Strengths: "</strong>"none yet at 3 or 4."</p> })}
                        {(!both && gaps_view.is_none()).then(|| view! { <p class="words-none"><strong>"Gaps: "</strong>"none at 1 or 2."</p> })}
                        <div class=if both { "two-col" } else { "one-col" }>
                            {strengths_view}
                            {gaps_view}
                        </div>
                    }
                }
                <section aria-labelledby="s-agreed">
                    <h2 id="s-agreed">"The team\u{2019}s notes on its agreed levels"</h2>
                    {if team_notes.is_empty() {
                        view! { <p>"The team recorded no notes with its agreed levels; the levels are in the profile above."</p> }.into_any()
                    } else {
                        view! {
                            <dl class="team-notes" data-testid="team-notes">
                                {team_notes.into_iter().map(|(name, level, note)| view! {
                                    <div>
                                        <dt>{name}" "<span class="level-tag">{format!("({level})")}</span></dt>
                                        <dd>{note}</dd>
                                    </div>
                                }).collect_view()}
                            </dl>
                        }.into_any()
                    }}
                </section>
                {(include && !notes.is_empty()).then(|| view! {
                    <section aria-labelledby="s-notes" data-testid="rater-notes">
                        <h2 id="s-notes">"Raters\u{2019} evidence notes"</h2>
                        {notes.into_iter().map(|(c, list)| view! {
                            <h3>{c}</h3>
                            <ul>{list.into_iter().map(|(who, e)| view! { <li><strong>{who}": "</strong>{e}</li> }).collect_view()}</ul>
                        }).collect_view()}
                    </section>
                })}
            </article>
        }
        .into_any()
    }
}
