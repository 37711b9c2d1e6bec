//! `/readiness/:school/:round/summary`: a printable one-page summary of a completed round.
//! Raters' evidence notes stay out unless the team chooses to include them.

use crate::domain::readiness::score;
use crate::ui::components::readiness::{
    find_round, find_school, level_text, profile_rows, Crumbs, ProfileChart, VerdictBadge,
};
use crate::ui::components::use_store;
use crate::ui::pages::readiness_round::rater_line;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

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
                <Title text="Summary not found \u{b7} Readyboard"/>
                <h1>"Summary not found"</h1>
                <p>"There is no readiness round at this address in this district."</p>
                <p><a href="/readiness">"Back to readiness"</a></p>
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
                <p class="verdict-line"><VerdictBadge outcome=outcome.clone()/>" "<strong>{format!("Readiness index {} of 100", outcome.index_rounded())}</strong></p>
                <p>{words.headline}</p>
                <ProfileChart rows caption="Readiness profile by criterion".to_string()/>
                <div class="two-col">
                    <section aria-labelledby="s-strengths">
                        <h2 id="s-strengths">"Strengths"</h2>
                        {if words.strengths.is_empty() { view! { <p>"None yet at 3 or 4."</p> }.into_any() } else {
                            view! { <ul>{words.strengths.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                    <section aria-labelledby="s-gaps">
                        <h2 id="s-gaps">"Gaps"</h2>
                        {if words.gaps.is_empty() { view! { <p>"None at 1 or 2."</p> }.into_any() } else {
                            view! { <ul>{words.gaps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                </div>
                <section aria-labelledby="s-agreed">
                    <h2 id="s-agreed">"What the team agreed"</h2>
                    <table class="data compact">
                        <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Agreed"</th><th scope="col">"Team note"</th></tr></thead>
                        <tbody>
                            {framework.criteria.iter().enumerate().map(|(i, c)| view! {
                                <tr>
                                    <th scope="row">{c.name.clone()}</th>
                                    <td>{level_text(round.agreed(i))}</td>
                                    <td>{round.agreed_note(i).to_string()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
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
