//! `/readiness/:school/:round`: one readiness round. Before the reveal, one rater's form at
//! a time (the device is passed round the table); after it, every rating with its spread,
//! the principal-to-team gap, the team's agreed levels, and the result.

use crate::domain::readiness::framework::{LEVEL_NAMES, MAX_LEVEL};
use crate::domain::readiness::round::{Rater, Role};
use crate::domain::readiness::{score, Framework, Round, Stage};
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::not_found::NotFound;
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::use_store;
use crate::ui::readiness::rating::Rating;
use crate::ui::readiness::view::{
    find_round, find_school, one_decimal, profile_rows, Crumbs, ProfileChart, VerdictBadge,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) round: Memo<Option<Round>>,
    pub(super) framework: Memo<Option<Framework>>,
    round_id: Memo<String>,
}

impl Ctx {
    pub(super) fn edit(
        &self,
        f: impl FnOnce(&mut Round, &Framework) -> Result<(), String>,
    ) -> Result<(), String> {
        let store = use_store();
        let id = Id::fixed(self.round_id.get_untracked());
        store.try_edit(|d| d.readiness.with_round(&id, f))
    }
    pub(super) fn criteria(&self) -> usize {
        self.framework
            .with_untracked(|f| f.as_ref().map(|f| f.criteria.len()).unwrap_or(0))
    }
}

#[component]
pub fn ReadinessRoundPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let school_id = Memo::new(move |_| params.read().get("school").unwrap_or_default());
    let round_id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let found = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| find_round(d, &round_id.get())))
    });
    let round = Memo::new(move |_| found.with(|f| f.as_ref().map(|(r, _)| r.clone())));
    let framework = Memo::new(move |_| found.with(|f| f.as_ref().map(|(_, f)| f.clone())));
    let school_name = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| find_school(d, &school_id.get()))
                .map(|s| s.name)
        })
    });
    let ctx = Ctx {
        round,
        framework,
        round_id,
    };
    let head = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref().map(|r| {
                (
                    r.label.clone(),
                    r.date.clone(),
                    r.framework_version,
                    r.revealed,
                )
            })
        })
    });

    move || {
        match (school_name.get(), head.get()) {
        (Some(school), Some((label, date, version, revealed))) => {
            let sid = school_id.get_untracked();
            let rid = round_id.get_untracked();
            view! {
                <Title text=format!("{school}: {label} \u{b7} Readyboard")/>
                <Crumbs trail=vec![
                    ("Readiness".into(), "/readiness".into()),
                    (school.clone(), format!("/readiness/{sid}")),
                    (label.clone(), format!("/readiness/{sid}/{rid}")),
                ]/>
                <h1>{format!("{school}: {label}")}</h1>
                <p class="lead">{format!("Readiness round of {date}, with version {version} of the district's framework.")}</p>
                {if revealed {
                    view! { <Revealed ctx school_id=sid round_id=rid/> }.into_any()
                } else {
                    view! { <Rating ctx/> }.into_any()
                }}
            }
            .into_any()
        }
        _ => view! {
            <NotFound title="Round not found" back_href="/readiness" back_label="Back to readiness">
                "There is no readiness round at this address in this district. It may have been deleted."
            </NotFound>
        }
        .into_any(),
    }
    }
}

// ---------------------------------------------------------------------------------------
// After the reveal

#[component]
fn Revealed(ctx: Ctx, school_id: String, round_id: String) -> impl IntoView {
    let framework = ctx
        .framework
        .get_untracked()
        .unwrap_or_else(crate::domain::readiness::default_framework);
    let n = framework.criteria.len();
    let complete = Memo::new(move |_| {
        ctx.round
            .with(|r| r.as_ref().map(|r| r.stage(n)) == Some(Stage::Complete))
    });
    let agreed_count = move || {
        ctx.round.with(|r| {
            r.as_ref()
                .map(|r| (0..n).filter(|&i| r.agreed(i) > 0).count())
                .unwrap_or(0)
        })
    };
    let summary = format!("/readiness/{school_id}/{round_id}/summary");
    view! {
        <RevealTables ctx/>
        <section class="panel" aria-labelledby="consensus-title">
            <h2 id="consensus-title">"Agree a level for each criterion"</h2>
            <p>"Talk through each criterion, starting with the flagged ones, and record the level the team agrees on, with a note on why."</p>
            <p role="status" class="progress">{move || format!("{} of {n} criteria agreed.", agreed_count())}</p>
            {framework.criteria.iter().cloned().enumerate().map(|(i, c)| view! { <AgreeCriterion ctx i criterion=c/> }).collect_view()}
        </section>
        <Show when=move || complete.get()>
            <Result ctx summary=summary.clone()/>
        </Show>
    }
}

#[component]
fn RevealTables(ctx: Ctx) -> impl IntoView {
    let data = move || {
        ctx.round.with(|r| {
            ctx.framework.with(|f| {
                let (r, f) = (r.as_ref()?, f.as_ref()?);
                let raters: Vec<(String, Role)> =
                    r.raters.iter().map(|x| (x.name.clone(), x.role)).collect();
                let rows: Vec<(String, Vec<u8>, score::Spread)> = score::spreads(r, f)
                    .into_iter()
                    .zip(&f.criteria)
                    .map(|(s, c)| {
                        let levels = r.raters.iter().map(|x| x.level(s.criterion)).collect();
                        (c.name.clone(), levels, s)
                    })
                    .collect();
                Some((raters, rows))
            })
        })
    };
    move || {
        data().map(|(raters, rows)| {
            let gap_rows = rows.clone();
            let flagged = rows.iter().filter(|(_, _, s)| s.disagreement()).count();
            view! {
                <section class="panel" aria-labelledby="reveal-title">
                    <h2 id="reveal-title" tabindex="-1">"Every rating, revealed"</h2>
                    <p>{if flagged == 0 {
                        "No criterion has raters two or more levels apart.".to_string()
                    } else {
                        format!("{} raters two or more levels apart: talk these through first.", plural(flagged, "criterion has", "criteria have"))
                    }}</p>
                    <ScrollTable label="Ratings table">
                        <table class="data reveal" aria-labelledby="reveal-title">
                            <thead><tr>
                                <th scope="col">"Criterion"</th>
                                {raters.iter().map(|(name, role)| view! {
                                    <th scope="col" class="num">{name.clone()}<span class="small">{role.label()}</span></th>
                                }).collect_view()}
                                <th scope="col" class="num">"Spread"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(name, levels, s)| {
                                    let flag = s.disagreement();
                                    view! {
                                        <tr class:flagged=flag>
                                            <th scope="row">{name}</th>
                                            {levels.into_iter().map(|l| view! { <td class=format!("num lv l{l}")>{l.to_string()}</td> }).collect_view()}
                                            <td class="num">
                                                {s.spread().to_string()}
                                                {flag.then(|| view! { <span class="flag">"Differ by 2+"</span> })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollTable>
                </section>
                <section class="panel" aria-labelledby="gap-title">
                    <h2 id="gap-title">"The principal and the team"</h2>
                    <p>"The principal's rating against the mean of the leadership-team members. A positive gap means the principal sees the school as readier than the team does."</p>
                    <ScrollTable label="Gap table">
                        <table class="data gap" aria-labelledby="gap-title">
                            <thead><tr>
                                <th scope="col">"Criterion"</th>
                                <th scope="col" class="num">"Team mean"</th>
                                <th scope="col" class="num">"Principal"</th>
                                <th scope="col" class="num">"Gap"</th>
                            </tr></thead>
                            <tbody>
                                {gap_rows.into_iter().map(|(name, _, s)| {
                                    let gap = s.gap();
                                    let big = gap.is_some_and(|g| g.abs() >= 1.0);
                                    view! {
                                        <tr class:flagged=big>
                                            <th scope="row">{name}</th>
                                            <td class="num">{s.team_mean.map(|t| one_decimal(t, false)).unwrap_or_else(|| "\u{2013}".into())}</td>
                                            <td class="num">{s.principal.map(|p| p.to_string()).unwrap_or_else(|| "\u{2013}".into())}</td>
                                            <td class="num">{gap.map(|g| one_decimal(g, true)).unwrap_or_else(|| "\u{2013}".into())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollTable>
                </section>
            }
        })
    }
}

#[component]
fn AgreeCriterion(
    ctx: Ctx,
    i: usize,
    criterion: crate::domain::readiness::Criterion,
) -> impl IntoView {
    let agreed = Memo::new(move |_| {
        ctx.round
            .with(|r| r.as_ref().map(|r| r.agreed(i)).unwrap_or(0))
    });
    let info = ctx.round.with_untracked(|r| {
        r.as_ref().map(|r| {
            let ratings: Vec<String> = r
                .raters
                .iter()
                .map(|x| format!("{} {}", x.name, x.level(i)))
                .collect();
            let evidence: Vec<(String, String)> = r
                .raters
                .iter()
                .filter(|x| !x.evidence(i).trim().is_empty())
                .map(|x| (x.name.clone(), x.evidence(i).to_string()))
                .collect();
            (ratings.join(", "), evidence, r.agreed_note(i).to_string())
        })
    });
    let (ratings, evidence, note) = info.unwrap_or_default();
    let error = RwSignal::new(None::<String>);
    let note_id = format!("agree-note-{i}");
    view! {
        <fieldset class="criterion agree">
            <legend>{format!("{}. {}", i + 1, criterion.name)}</legend>
            <p class="small">{format!("Ratings: {ratings}.")}</p>
            {(!evidence.is_empty()).then(|| view! {
                <details class="questions">
                    <summary>{format!("Evidence notes ({})", evidence.len())}</summary>
                    <ul>{evidence.into_iter().map(|(who, e)| view! { <li><strong>{who}": "</strong>{e}</li> }).collect_view()}</ul>
                </details>
            })}
            <div class="levels compact">
                <LevelOptions id_prefix=format!("a{i}") descriptors=criterion.levels.clone()
                    checked=agreed
                    pick=Callback::new(move |l| { if let Err(e) = ctx.edit(|r, _| r.agree(i, l)) { error.set(Some(e)) } })/>
            </div>
            <label for=note_id.clone()>{format!("Why the team agreed this level for \u{201c}{}\u{201d} (optional)", criterion.name)}</label>
            <textarea id=note_id rows="2" prop:value=note
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match ctx.edit(|r, _| r.set_agreed_note(i, &text)) {
                        Ok(()) => error.set(None),
                        Err(e) => error.set(Some(e)),
                    }
                }></textarea>
            <FieldError error/>
        </fieldset>
    }
}

#[component]
fn Result(ctx: Ctx, summary: String) -> impl IntoView {
    let data = move || {
        ctx.round.with(|r| {
            ctx.framework.with(|f| {
                let (r, f) = (r.as_ref()?, f.as_ref()?);
                let o = score::outcome(r, f)?;
                let w = score::words(f, &o);
                let why = score::reason(f, &o);
                Some((o, w, why, profile_rows(r, f)))
            })
        })
    };
    move || {
        let summary = summary.clone();
        data().map(|(o, w, why, rows)| view! {
            <section class="panel result" aria-labelledby="result-title">
                <h2 id="result-title">"Result"</h2>
                <p class="verdict-line"><VerdictBadge outcome=o.clone() why/>" "<span class="index">{format!("Readiness index {} of 100", o.index_rounded())}</span></p>
                <p>{w.headline}</p>
                <ProfileChart rows caption="Readiness profile: agreed level, team mean and principal, by criterion".to_string()/>
                <h3>"Strengths"</h3>
                {if w.strengths.is_empty() { view! { <p>"No criterion is at 3 or 4 yet."</p> }.into_any() } else {
                    view! { <ul>{w.strengths.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                }}
                <h3>"Gaps"</h3>
                {if w.gaps.is_empty() { view! { <p>"No criterion is at 1 or 2."</p> }.into_any() } else {
                    view! { <ul>{w.gaps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                }}
                <p><a class="button primary" href=summary>"Open the printable summary"</a></p>
            </section>
        })
    }
}

/// The four levels of one criterion as radio options, each with its name and what it looks
/// like. Used by a rater's form and by the team's agreement.
#[component]
pub(super) fn LevelOptions(
    id_prefix: String,
    descriptors: [String; 4],
    #[prop(into)] checked: Signal<u8>,
    pick: Callback<u8>,
) -> impl IntoView {
    (1..=MAX_LEVEL)
        .map(|l| {
            let input_id = format!("{id_prefix}-l{l}");
            view! {
                <div class="level-option">
                    <input type="radio" id=input_id.clone() name=id_prefix.clone() value=l.to_string()
                        prop:checked=move || checked.get() == l
                        on:change=move |_| pick.run(l)/>
                    <label for=input_id>
                        <span class="level-name">{format!("{l} {}", LEVEL_NAMES[usize::from(l - 1)])}</span>
                        <span class="descriptor">{descriptors[usize::from(l - 1)].clone()}</span>
                    </label>
                </div>
            }
        })
        .collect_view()
}

/// For the summary page: the raters' names and roles as text.
pub fn rater_line(r: &Rater) -> String {
    format!("{} ({})", r.name, r.role.label().to_lowercase())
}
