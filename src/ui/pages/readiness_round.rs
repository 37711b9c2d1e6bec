//! `/readiness/:school/:round`: one readiness round. Before the reveal, one rater's form at
//! a time (the device is passed round the table); after it, every rating with its spread,
//! the principal-to-team gap, the team's agreed levels, and the result.

use crate::domain::readiness::framework::{LEVEL_NAMES, MAX_LEVEL};
use crate::domain::readiness::round::{Rater, Role, MAX_EVIDENCE_CHARS};
use crate::domain::readiness::{score, Framework, Round, Stage};
use crate::domain::text::MAX_NAME_CHARS;
use crate::domain::Id;
use crate::ui::browser;
use crate::ui::components::readiness::{
    find_round, find_school, one_decimal, profile_rows, Crumbs, ProfileChart, VerdictBadge,
};
use crate::ui::components::use_store;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[derive(Clone, Copy)]
struct Ctx {
    round: Memo<Option<Round>>,
    framework: Memo<Option<Framework>>,
    round_id: Memo<String>,
}

impl Ctx {
    fn edit(
        &self,
        f: impl FnOnce(&mut Round, &Framework) -> Result<(), String>,
    ) -> Result<(), String> {
        let store = use_store();
        let id = Id::fixed(self.round_id.get_untracked());
        store.try_edit(|d| d.readiness.with_round(&id, f))
    }
    fn criteria(&self) -> usize {
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
            <Title text="Round not found \u{b7} Readyboard"/>
            <h1>"Round not found"</h1>
            <p>"There is no readiness round at this address in this district. It may have been deleted."</p>
            <p><a href="/readiness">"Back to readiness"</a></p>
        }
        .into_any(),
    }
    }
}

// ---------------------------------------------------------------------------------------
// Before the reveal

#[component]
fn Rating(ctx: Ctx) -> impl IntoView {
    let selected = RwSignal::new(None::<Id>);
    let notice = RwSignal::new(None::<String>);
    move || match selected.get() {
        Some(rater) => view! { <RaterForm ctx rater selected notice/> }.into_any(),
        None => view! {
            {move || notice.get().map(|n| view! { <p class="ok" role="status">{n}</p> })}
            <Raters ctx selected notice/>
            <AddRater ctx/>
            <Reveal ctx/>
        }
        .into_any(),
    }
}

#[component]
fn Raters(
    ctx: Ctx,
    selected: RwSignal<Option<Id>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let confirming = RwSignal::new(None::<Id>);
    let undo = RwSignal::new(None::<(usize, Rater)>);
    let list = move || {
        let n = ctx.criteria();
        ctx.round.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.raters
                        .iter()
                        .map(|x| (x.id.clone(), x.name.clone(), x.role, x.rated(n), n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let remove = move |id: Id| {
        let mut removed = None;
        let _ = ctx.edit(|r, _| {
            removed = Some(r.remove_rater(&id)?);
            Ok(())
        });
        confirming.set(None);
        undo.set(removed);
        browser::focus_id("raters-undo");
    };
    let restore = move |_| {
        if let Some((at, rater)) = undo.get_untracked() {
            let _ = ctx.edit(|r, _| r.restore_rater(at, rater));
        }
        undo.set(None);
        browser::focus_id("raters-title");
    };
    view! {
        <section class="panel" aria-labelledby="raters-title">
            <h2 id="raters-title" tabindex="-1">"Raters"</h2>
            <p>"Each rater rates every criterion privately. Open one rater's form at a time and pass the device round the table: nobody sees another rater's levels until the team reveals them together."</p>
            {move || undo.get().map(|(_, r)| view! {
                <div class="undo" role="status">
                    <p>{format!("{} removed from the round.", r.name)}</p>
                    <button id="raters-undo" type="button" on:click=restore>"Undo"</button>
                </div>
            })}
            {move || {
                let rows = list();
                if rows.is_empty() {
                    return view! { <p>"No raters yet. Add the leadership-team members and the principal below."</p> }.into_any();
                }
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="raters-title">
                        <table class="data">
                            <thead><tr>
                                <th scope="col">"Rater"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col">"Progress"</th>
                                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(id, name, role, rated, n)| {
                                    let progress = if rated == 0 {
                                        "Not started".to_string()
                                    } else if rated == n {
                                        "All criteria rated".to_string()
                                    } else {
                                        format!("Draft: {rated} of {n} rated")
                                    };
                                    let (id_rate, id_ask, id_check, id_del) = (id.clone(), id.clone(), id.clone(), id);
                                    let who = name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{name.clone()}</th>
                                            <td>{role.label()}</td>
                                            <td>{progress}</td>
                                            <td class="row-actions">
                                                <button type="button" class="primary"
                                                    on:click=move |_| { notice.set(None); selected.set(Some(id_rate.clone())); }>
                                                    {if rated == 0 { "Rate" } else { "Continue rating" }}
                                                    <span class="visually-hidden">{format!(" as {name}")}</span>
                                                </button>
                                                {move || if confirming.get().as_ref() == Some(&id_check) {
                                                    let id = id_del.clone();
                                                    view! {
                                                        <span class="confirm-inline" role="group" aria-label=format!("Remove {who}?")>
                                                            <span>{format!("Remove {who} and their ratings?")}</span>
                                                            <button type="button" class="danger" on:click=move |_| remove(id.clone())>"Yes, remove"</button>
                                                            <button type="button" class="secondary" on:click=move |_| confirming.set(None)>"Keep"</button>
                                                        </span>
                                                    }.into_any()
                                                } else {
                                                    let id = id_ask.clone();
                                                    view! { <button type="button" class="secondary" on:click=move |_| confirming.set(Some(id.clone()))>"Remove"<span class="visually-hidden">{format!(" {who}\u{2026}")}</span><span aria-hidden="true">"\u{2026}"</span></button> }.into_any()
                                                }}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn AddRater(ctx: Ctx) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Member);
    let error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = Id::from_random_bytes(browser::random_bytes());
        let n = name.get_untracked();
        match ctx.edit(|r, _| r.add_rater(id, &n, role.get_untracked())) {
            Ok(()) => {
                error.set(None);
                added.set(Some(format!("{} added.", n.trim())));
                name.set(String::new());
                browser::focus_id("rater-name");
            }
            Err(e) => {
                added.set(None);
                error.set(Some(e));
                browser::focus_id("rater-name");
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-rater-title">
            <h2 id="add-rater-title">"Add a rater"</h2>
            <form on:submit=submit novalidate class="inline-form">
                <div class="field">
                    <label for="rater-name">"Name or role"</label>
                    <input id="rater-name" type="text" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("rater-error")/>
                </div>
                <div class="field">
                    <label for="rater-role">"Role"</label>
                    <select id="rater-role" on:change=move |ev| {
                        if let Some(r) = Role::from_key(&event_target_value(&ev)) { role.set(r) }
                    }>
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.key() selected=move || role.get() == r>{r.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add rater"</button>
            </form>
            {move || error.get().map(|e| view! { <p id="rater-error" class="field-error" role="alert">{e}</p> })}
            {move || added.get().map(|e| view! { <p class="ok" role="status">{e}</p> })}
        </section>
    }
}

#[component]
fn Reveal(ctx: Ctx) -> impl IntoView {
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let blockers = move || {
        ctx.round.with(|r| {
            ctx.framework.with(|f| match (r, f) {
                (Some(r), Some(f)) => r.reveal_blockers(f),
                _ => vec![],
            })
        })
    };
    let reveal = move |_| match ctx.edit(|r, f| r.reveal(f)) {
        Ok(()) => browser::focus_id("reveal-title"),
        Err(e) => error.set(Some(e)),
    };
    view! {
        <section class="panel" aria-labelledby="reveal-gate-title">
            <h2 id="reveal-gate-title">"Reveal the ratings"</h2>
            {move || {
                let b = blockers();
                if b.is_empty() {
                    view! {
                        <p>"Every rater has rated every criterion. Reveal the ratings when the team is together. After the reveal, ratings can no longer change."</p>
                        {move || if asking.get() {
                            view! {
                                <div class="confirm" role="group" aria-label="Reveal now?">
                                    <p><strong>"Reveal every rater's ratings to the whole team now?"</strong></p>
                                    <button type="button" class="primary" on:click=reveal>"Yes, reveal"</button>
                                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>"Not yet"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! { <button type="button" class="primary" on:click=move |_| asking.set(true)>"Reveal the ratings\u{2026}"</button> }.into_any()
                        }}
                    }.into_any()
                } else {
                    view! {
                        <p>"The round can be revealed when every rater has rated every criterion. Still missing:"</p>
                        <ul class="missing">{b.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    }.into_any()
                }
            }}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn RaterForm(
    ctx: Ctx,
    rater: Id,
    selected: RwSignal<Option<Id>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let rid = rater.clone();
    let me = Memo::new(move |_| {
        ctx.round
            .with(|r| r.as_ref().and_then(|r| r.rater(&rid).cloned()))
    });
    let name = me.with_untracked(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let role = me.with_untracked(|m| m.as_ref().map(|m| m.role.label()).unwrap_or_default());
    let framework = ctx.framework.get_untracked();
    let n = framework.as_ref().map(|f| f.criteria.len()).unwrap_or(0);
    let error = RwSignal::new(None::<(usize, String)>);
    Effect::new(move |_| browser::focus_id("rating-title"));
    let done_name = name.clone();
    let hand_over = move |_| {
        notice.set(Some(format!(
            "{}\u{2019}s ratings are saved. Pass the device to the next rater.",
            done_name
        )));
        selected.set(None);
        browser::focus_id("raters-title");
    };
    let criteria = framework.map(|f| f.criteria).unwrap_or_default();
    let rated = move || me.with(|m| m.as_ref().map(|m| m.rated(n)).unwrap_or(0));
    view! {
        <section class="rater-form" aria-labelledby="rating-title">
            <h2 id="rating-title" tabindex="-1">{format!("Rating as {name}")}</h2>
            <p class="small">{role}</p>
            <p>{format!("Only {name} should see this form. Choose the level that best matches what you see in the school today, and note your evidence. Your ratings save as you go; other raters can\u{2019}t see them until the team reveals the round.")}</p>
            {criteria.into_iter().enumerate().map(|(i, c)| {
                let rid = rater.clone();
                let rid_ev = rater.clone();
                let ev_id = format!("evidence-{i}");
                let initial = me.with_untracked(|m| m.as_ref().map(|m| m.evidence(i).to_string()).unwrap_or_default());
                view! {
                    <fieldset class="criterion">
                        <legend>{format!("{}. {}", i + 1, c.name)}</legend>
                        <p class="definition">{c.definition.clone()}</p>
                        <div class="levels">
                            <LevelOptions id_prefix=format!("c{i}") descriptors=c.levels.clone()
                                checked=Signal::derive(move || me.with(|m| m.as_ref().map(|m| m.level(i)).unwrap_or(0)))
                                pick=Callback::new(move |l| {
                                    let rid = rid.clone();
                                    if let Err(e) = ctx.edit(|r, _| r.rate(&rid, i, l)) { error.set(Some((i, e))) }
                                })/>
                        </div>
                        {(!c.questions.is_empty()).then(|| view! {
                            <details class="questions">
                                <summary>"Guiding questions"</summary>
                                <ul>{c.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
                            </details>
                        })}
                        <label for=ev_id.clone()>{format!("Evidence for \u{201c}{}\u{201d} (optional)", c.name)}</label>
                        <textarea id=ev_id rows="2" maxlength=MAX_EVIDENCE_CHARS.to_string() prop:value=initial
                            on:input=move |ev| {
                                let rid = rid_ev.clone();
                                let text = event_target_value(&ev);
                                match ctx.edit(|r, _| r.set_evidence(&rid, i, &text)) {
                                    Ok(()) => error.update(|e| if e.as_ref().is_some_and(|(j, _)| *j == i) { *e = None }),
                                    Err(msg) => error.set(Some((i, msg))),
                                }
                            }></textarea>
                        {move || error.get().filter(|(j, _)| *j == i).map(|(_, e)| view! { <p class="field-error" role="alert">{e}</p> })}
                    </fieldset>
                }
            }).collect_view()}
            <div class="form-footer">
                <p role="status">{move || format!("{} of {n} criteria rated.", rated())}</p>
                <button type="button" class="primary" on:click=hand_over>"Save and hand over"</button>
            </div>
        </section>
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
                        format!("{flagged} {} raters two or more levels apart: talk these through first.", if flagged == 1 { "criterion has" } else { "criteria have" })
                    }}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="reveal-title">
                        <table class="data reveal">
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
                    </div>
                </section>
                <section class="panel" aria-labelledby="gap-title">
                    <h2 id="gap-title">"The principal and the team"</h2>
                    <p>"The principal's rating against the mean of the leadership-team members. A positive gap means the principal sees the school as readier than the team does."</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="gap-title">
                        <table class="data gap">
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
                    </div>
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
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
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
                Some((o, w, profile_rows(r, f)))
            })
        })
    };
    move || {
        let summary = summary.clone();
        data().map(|(o, w, rows)| view! {
            <section class="panel result" aria-labelledby="result-title">
                <h2 id="result-title">"Result"</h2>
                <p><VerdictBadge outcome=o.clone()/>" "<span class="index">{format!("Readiness index {} of 100", o.index_rounded())}</span></p>
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
fn LevelOptions(
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
