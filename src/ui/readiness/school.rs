//! `/readiness/:school`: one school's readiness: its latest result, starting a round (the
//! main action), its rounds, self-selecting out of year one, the trend per criterion and the
//! comparison of two rounds.

use crate::domain::district::MAX_REASON_CHARS;
use crate::domain::readiness::round::{season_label, Round};
use crate::domain::readiness::{score, Stage};
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::not_found::NotFound;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::scroll_table::ScrollTable;
use crate::ui::kit::undo::UndoNotice;
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::readiness::view::{find_school, level_text, Crumbs, VerdictBadge};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ReadinessSchoolPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let school_id = move || params.read().get("school").unwrap_or_default();
    let school = Memo::new(move |_| {
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| find_school(d, &school_id())))
    });
    move || {
        match school.get() {
        None => view! {
            <NotFound title="School not found" back_href="/readiness" back_label="Back to readiness">
                "There is no school at this address in this district. It may have been removed."
            </NotFound>
        }
        .into_any(),
        Some(s) => {
            let name = s.name.clone();
            view! {
                <Title text=format!("{name}: readiness \u{b7} Readyboard")/>
                <Crumbs trail=vec![("Readiness".into(), "/readiness".into()), (name.clone(), format!("/readiness/{}", s.id))]/>
                <h1>{format!("{name}: readiness")}</h1>
                <p class="lead">{format!(
                    "{} school, {} students.{}",
                    s.level.label(),
                    s.enrollment,
                    s.proficiency().map(|p| format!(" {}% proficient on average in reading and math.", p.round())).unwrap_or_default()
                )}</p>
                <Latest school_id=s.id.clone()/>
                <StartRound school_id=s.id.clone()/>
                <Rounds school_id=s.id.clone()/>
                <OptOutPanel school_id=s.id.clone()/>
                <Trend school_id=s.id.clone()/>
                <Compare school_id=s.id.clone()/>
            }
            .into_any()
        }
    }
    }
}

#[component]
fn Latest(school_id: Id) -> impl IntoView {
    let store = use_store();
    let sid = school_id.clone();
    let latest = move || {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let outcomes = d.readiness.outcomes_for(&sid);
            let (round, o) = outcomes.last()?;
            let f = d.readiness.framework_of(round)?;
            let w = score::words(f, o);
            Some((
                round.id.to_string(),
                round.label.clone(),
                o.clone(),
                w.headline,
                score::reason(f, o),
            ))
        })
    };
    move || {
        latest().map(|(rid, label, o, headline, why)| {
            let href = format!("/readiness/{}/{rid}", school_id);
            view! {
                <section class="panel" aria-labelledby="latest-title">
                    <h2 id="latest-title">{format!("Latest result: {label}")}</h2>
                    <p class="verdict-line"><VerdictBadge outcome=o.clone() why/> " " <span class="index">{format!("Readiness index {} of 100", o.index_rounded())}</span></p>
                    <p>{headline}</p>
                    <p><a href=href.clone()>"Open the round"</a>" \u{b7} "<a href=format!("{href}/summary")>"Printable summary"</a></p>
                </section>
            }
        })
    }
}

#[component]
fn OptOutPanel(school_id: Id) -> impl IntoView {
    let store = use_store();
    let sid = school_id.clone();
    let opt_out = move || {
        store.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.school(&sid))
                .and_then(|s| s.opt_out.clone())
        })
    };
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id_for_submit = school_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = browser::today();
        match store.try_edit(|d| d.opt_out(&id_for_submit, &reason.get_untracked(), &today)) {
            Ok(()) => {
                error.set(None);
                reason.set(String::new());
                browser::focus_id("optout-title");
            }
            Err(e) => {
                error.set(Some(e));
                browser::focus_id("optout-reason");
            }
        }
    };
    let id_for_in = school_id.clone();
    let opt_in = move |_| {
        let _ = store.try_edit(|d| d.opt_in(&id_for_in));
        browser::focus_id("optout-title");
    };
    view! {
        <section class="panel" aria-labelledby="optout-title">
            <h2 id="optout-title" tabindex="-1">"First-year placement"</h2>
            {move || match opt_out() {
                Some(o) => view! {
                    <p class="opted-out-note" data-testid="opt-out-status">
                        <span class="verdict opted-out">"Self-selected out"</span>
                        {format!(" This school has self-selected out of first-year placement (since {}).", o.date)}
                    </p>
                    <blockquote class="reason">{o.reason}</blockquote>
                    <p>"The phase-in planner will not place it in year one. It still gets a coach within the phase-in."</p>
                    <button type="button" on:click=opt_in.clone()>"Opt back in to first-year placement"</button>
                }.into_any(),
                None => view! {
                    <p>"A school can choose to wait: for example, to prepare for coaching as a routine part of its improvement work. It still gets a coach within the phase-in."</p>
                    <form on:submit=submit.clone() novalidate class="optout-form">
                        <label for="optout-reason">"Reason for self-selecting out of year one"</label>
                        <textarea id="optout-reason" rows="3" maxlength=MAX_REASON_CHARS.to_string()
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=move || error.with(Option::is_some).then_some("optout-error")></textarea>
                        <FieldError id="optout-error" error quiet=true/>
                        <button type="submit">"Self-select out of year one"</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StartRound(school_id: Id) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let today = browser::today();
    let label = RwSignal::new(season_label(&today));
    let date = RwSignal::new(today);
    let error = RwSignal::new(None::<String>);
    let sid2 = school_id.clone();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = Id::from_random_bytes(browser::random_bytes());
        let mut made = None;
        let result = store.try_edit(|d| {
            made = Some(d.readiness.start_round(
                id.clone(),
                sid2.clone(),
                &label.get_untracked(),
                &date.get_untracked(),
            )?);
            Ok(())
        });
        match (result, made) {
            (Ok(()), Some(rid)) => {
                error.set(None);
                navigate(&format!("/readiness/{}/{}", sid2, rid), Default::default());
            }
            (Err(e), _) => error.set(Some(e)),
            (Ok(()), None) => {}
        }
    };
    view! {
        <section class="panel" aria-labelledby="start-title">
            <h2 id="start-title">"Start a round"</h2>
            <p>"Name the round and the meeting date; then add the raters, who rate privately."</p>
            <form on:submit=start novalidate class="inline-form round-start">
                <div class="field">
                    <label for="round-label">"Name"</label>
                    <input id="round-label" type="text" maxlength="60" prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="round-date">"Meeting date"</label>
                    <input id="round-date" type="date" prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">"Start the round"</button>
            </form>
            <FieldError error/>
        </section>
    }
}

#[component]
fn Rounds(school_id: Id) -> impl IntoView {
    let store = use_store();
    let sid = school_id.clone();
    let rounds = move || {
        store.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.readiness
                .rounds_for(&sid)
                .into_iter()
                .rev()
                .map(|r| {
                    let f = d.readiness.framework_of(r);
                    let n = f.map(|f| f.criteria.len()).unwrap_or(0);
                    let o = f.and_then(|f| score::outcome(r, f));
                    let why = f.zip(o.as_ref()).map(|(f, o)| score::reason(f, o));
                    (
                        r.id.to_string(),
                        r.label.clone(),
                        r.date.clone(),
                        r.framework_version,
                        r.stage(n),
                        o.map(|o| (o, why.unwrap_or_default())),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let confirming = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<(usize, Round)>);
    let remove = move |rid: String| {
        let mut removed = None;
        store.edit(|d| removed = d.readiness.remove_round(&Id::fixed(rid.clone())));
        undo.set(removed);
        browser::focus_id("rounds-undo");
    };
    let restore = Callback::new(move |()| {
        if let Some((at, round)) = undo.get_untracked() {
            store.edit(|d| d.readiness.restore_round(at, round));
        }
        undo.set(None);
        browser::focus_id("rounds-title");
    });
    let sid3 = school_id.clone();
    view! {
        <section class="panel" aria-labelledby="rounds-title">
            <h2 id="rounds-title" tabindex="-1">"Rounds"</h2>
            {move || undo.get().map(|(_, r)| view! {
                <UndoNotice id="rounds-undo" message=format!("Round \u{201c}{}\u{201d} deleted.", r.label) on_undo=restore/>
            })}
            {move || {
                let list = rounds();
                if list.is_empty() {
                    view! { <p>"No rounds yet. Start the first one above."</p> }.into_any()
                } else {
                    let sid = sid3.clone();
                    view! {
                        <ScrollTable label="Rounds table">
                            <table class="data" aria-labelledby="rounds-title">
                                <thead><tr>
                                    <th scope="col">"Round"</th>
                                    <th scope="col">"Stage"</th>
                                    <th scope="col" class="num">"Index"</th>
                                    <th scope="col">"Readiness"</th>
                                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|(rid, label, date, version, stage, o)| {
                                        let href = format!("/readiness/{}/{}", sid, rid);
                                        let summary = format!("{href}/summary");
                                        let rid_delete = rid.clone();
                                        let label2 = label.clone();
                                        view! {
                                            <tr>
                                                <th scope="row"><a href=href>{label.clone()}</a><span class="small">{format!("{date} \u{b7} framework v{version}")}</span></th>
                                                <td>{stage.label()}</td>
                                                <td class="num">{o.as_ref().map(|(o, _)| o.index_rounded().to_string()).unwrap_or_else(|| "\u{2013}".into())}</td>
                                                <td>{o.map(|(o, why)| view! { <VerdictBadge outcome=o why/> })}</td>
                                                <td class="row-actions">
                                                    {(stage == Stage::Complete).then(|| view! { <a href=summary>"Summary"</a> })}
                                                    <ConfirmRemove id=format!("round-{rid}-delete") open=confirming verb=Verb::Delete
                                                        name=label2.clone() question=format!("Delete the round \u{201c}{label2}\u{201d}?")
                                                        on_yes=move |()| remove(rid_delete.clone())/>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollTable>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Trend(school_id: Id) -> impl IntoView {
    let store = use_store();
    let trend = move || {
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let (rounds, rows) = d.readiness.trend(&school_id);
            if rounds.is_empty() {
                return None;
            }
            let heads: Vec<String> = rounds
                .iter()
                .map(|r| format!("{} ({})", r.label, r.date))
                .collect();
            Some((heads, rows))
        })
    };
    move || {
        trend().map(|(heads, rows)| {
            view! {
                <section class="panel" aria-labelledby="trend-title">
                    <h2 id="trend-title">"Trend by criterion"</h2>
                    <p>"The agreed level of each criterion in every completed round, oldest first."</p>
                    <ScrollTable label="Trend table">
                        <table class="data trend" aria-labelledby="trend-title">
                            <thead><tr>
                                <th scope="col">"Criterion"</th>
                                {heads.into_iter().map(|h| view! { <th scope="col" class="num">{h}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let mut prev: Option<u8> = None;
                                    let cells = row.levels.iter().map(|l| {
                                        let arrow = match (prev, *l) {
                                            (Some(p), Some(v)) if v > p => " \u{2191}",
                                            (Some(p), Some(v)) if v < p => " \u{2193}",
                                            _ => "",
                                        };
                                        let dir = match arrow { " \u{2191}" => ", up", " \u{2193}" => ", down", _ => "" };
                                        if l.is_some() { prev = *l; }
                                        let text = l.map(level_text).unwrap_or_else(|| "not in this version".into());
                                        view! { <td class="num">{text}<span aria-hidden="true">{arrow}</span><span class="visually-hidden">{dir}</span></td> }
                                    }).collect_view();
                                    view! { <tr><th scope="row">{row.name}</th>{cells}</tr> }
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
fn Compare(school_id: Id) -> impl IntoView {
    let store = use_store();
    let sid = school_id.clone();
    let complete = move || {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.readiness
                        .outcomes_for(&sid)
                        .into_iter()
                        .map(|(r, _)| (r.id.to_string(), format!("{} ({})", r.label, r.date)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let a = RwSignal::new(String::new());
    let b = RwSignal::new(String::new());
    let rows = move || {
        let (a, b) = (a.get(), b.get());
        store.doc.with(|d| {
            let d = d.as_ref()?;
            let ra = d.readiness.round(&Id::fixed(a))?;
            let rb = d.readiness.round(&Id::fixed(b))?;
            let ia = score::outcome(ra, d.readiness.framework_of(ra)?).map(|o| o.index_rounded());
            let ib = score::outcome(rb, d.readiness.framework_of(rb)?).map(|o| o.index_rounded());
            Some((
                d.readiness.compare(ra, rb),
                ia,
                ib,
                ra.label.clone(),
                rb.label.clone(),
            ))
        })
    };
    move || {
        let options = complete();
        (options.len() >= 2).then(|| {
            if a.get_untracked().is_empty() {
                a.set(options[options.len() - 2].0.clone());
                b.set(options[options.len() - 1].0.clone());
            }
            let opts = move |sel: RwSignal<String>| {
                options.clone().into_iter().map(move |(id, label)| {
                    let selected = sel.get_untracked() == id;
                    view! { <option value=id selected=selected>{label}</option> }
                }).collect_view()
            };
            view! {
                <section class="panel" aria-labelledby="compare-title">
                    <h2 id="compare-title">"Compare two rounds"</h2>
                    <div class="inline-form">
                        <div class="field">
                            <label for="compare-a">"Earlier round"</label>
                            <select id="compare-a" on:change=move |ev| a.set(event_target_value(&ev))>{opts(a)}</select>
                        </div>
                        <div class="field">
                            <label for="compare-b">"Later round"</label>
                            <select id="compare-b" on:change=move |ev| b.set(event_target_value(&ev))>{opts(b)}</select>
                        </div>
                    </div>
                    {move || rows().map(|(rows, ia, ib, la, lb)| view! {
                        <ScrollTable label="Comparison table">
                            <table class="data" aria-labelledby="compare-title">
                                <thead><tr>
                                    <th scope="col">"Criterion"</th>
                                    <th scope="col" class="num">{la}</th>
                                    <th scope="col" class="num">{lb}</th>
                                    <th scope="col" class="num">"Change"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| {
                                        let change = match r.change() {
                                            Some(0) => "no change".to_string(),
                                            Some(c) if c > 0 => format!("+{c}"),
                                            Some(c) => format!("\u{2212}{}", -c),
                                            None => "\u{2013}".to_string(),
                                        };
                                        view! { <tr>
                                            <th scope="row">{r.name.clone()}</th>
                                            <td class="num">{r.a.map(level_text).unwrap_or_else(|| "\u{2013}".into())}</td>
                                            <td class="num">{r.b.map(level_text).unwrap_or_else(|| "\u{2013}".into())}</td>
                                            <td class="num">{change}</td>
                                        </tr> }
                                    }).collect_view()}
                                    <tr class="total">
                                        <th scope="row">"Readiness index"</th>
                                        <td class="num">{ia.map(|x| x.to_string()).unwrap_or_default()}</td>
                                        <td class="num">{ib.map(|x| x.to_string()).unwrap_or_default()}</td>
                                        <td class="num">{match (ia, ib) { (Some(x), Some(y)) => { let d = i64::from(y) - i64::from(x); if d > 0 { format!("+{d}") } else if d < 0 { format!("\u{2212}{}", -d) } else { "no change".into() } } _ => String::new() }}</td>
                                    </tr>
                                </tbody>
                            </table>
                        </ScrollTable>
                    })}
                </section>
            }
        })
    }
}
