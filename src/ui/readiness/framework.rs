//! `/readiness/framework`: the coach champion edits the district's readiness framework:
//! criteria, definitions, level descriptors, guiding questions, weights and the gate.
//! Rounds keep the version they were made with, so editing never changes a past result.

use crate::domain::readiness::framework::{
    Criterion, LEVEL_NAMES, MAX_CRITERION_NAME, MAX_DESCRIPTION, MAX_WEIGHT,
};
use crate::domain::readiness::level_label;
use crate::domain::text::plural;
use crate::domain::Id;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::ConfirmRemove;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::readiness::view::Crumbs;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReadinessFrameworkPage() -> impl IntoView {
    let store = use_store();
    let info = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map(|d| {
                let f = d.readiness.current();
                let used = d
                    .readiness
                    .rounds
                    .iter()
                    .filter(|r| r.framework_version == f.version)
                    .count();
                (f.version, f.gate, f.criteria.len(), f.total_weight(), used)
            })
        })
    });
    // The editor re-renders only when criteria are added or removed, never while typing.
    let ids = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.readiness
                        .current()
                        .criteria
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let message = RwSignal::new(None::<(bool, String)>);
    let set_gate = move |gate: u8| {
        let r = store.try_edit(|d| {
            d.readiness.edit_framework(&browser::now_iso(), |f| {
                f.gate = gate;
                Ok(())
            })
        });
        message.set(Some(match r {
            Ok(()) => (true, "Gate changed.".to_string()),
            Err(e) => (false, e),
        }));
    };
    let resetting = RwSignal::new(false);
    let indexed = move || {
        ids.get()
            .into_iter()
            .enumerate()
            .collect::<Vec<(usize, String)>>()
    };
    view! {
        <Title text="Readiness framework \u{b7} Readyboard"/>
        <Crumbs trail=vec![("Readiness".into(), "/readiness".into()), ("Framework".into(), "/readiness/framework".into())]/>
        <h1>"Readiness framework"</h1>
        <p class="lead">"The criteria every school is rated on, what each level looks like, the questions that guide the readiness meeting, and how much each criterion weighs."</p>
        {move || match (store.phase.get(), info.get()) {
            (Phase::FirstRun, _) | (_, None) => view! { <FirstRun/> }.into_any(),
            (_, Some((version, gate, n, total, used))) => view! {
                <p class="note">{if used > 0 {
                    format!("This is version {version}, used by {}. Your next change makes version {}; those rounds keep version {version}, so their results never change.", plural(used, "round", "rounds"), version + 1)
                } else {
                    format!("This is version {version}. No round uses it yet, so changes apply to it directly.")
                }}</p>
                <p>{format!("{n} criteria, total weight {total}. A criterion's share of the readiness index is its weight divided by the total.")}</p>
                <section class="panel" aria-labelledby="gate-title">
                    <h2 id="gate-title">"The gate"</h2>
                    <p>"A school whose agreed level on any criterion is at or below the gate is \u{201c}not yet ready\u{201d}, whatever its index. A weak factor can\u{2019}t be averaged away."</p>
                    <fieldset>
                        <legend>"Gate level"</legend>
                        {(0u8..=3).map(|g| {
                            let label = if g == 0 { "Off: no gate".to_string() } else { format!("At or below {}", level_label(g)) };
                            let id = format!("gate-{g}");
                            view! {
                                <div class="check">
                                    <input type="radio" name="gate" id=id.clone() prop:checked=move || info.with(|i| i.map(|i| i.1) == Some(g))
                                        on:change=move |_| set_gate(g)/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <span class="visually-hidden">{gate.to_string()}</span>
                </section>
            }.into_any(),
        }}
        {move || message.get().map(|(ok, m)| if ok {
            view! { <p class="ok" role="status">{m}</p> }.into_any()
        } else {
            view! { <p class="field-error" role="alert">{m}</p> }.into_any()
        })}
        <Show when=move || info.with(Option::is_some)>
            <h2>"Criteria"</h2>
            <For each=indexed key=|(i, id)| format!("{i}-{id}") let:item>
                <CriterionEditor index=item.0 criterion_id=item.1 message/>
            </For>
            <AddCriterion message/>
            <section class="panel" aria-labelledby="restore-fw-title">
                <h2 id="restore-fw-title">"Start again from the default framework"</h2>
                <p>"Replace every criterion with the eight from the Benson model. Past rounds keep their own version."</p>
                {move || if resetting.get() {
                    view! {
                        <div class="confirm" role="group" aria-label="Restore the default framework?">
                            <p><strong>"Replace the current criteria with the default eight?"</strong></p>
                            <button type="button" class="danger" on:click=move |_| {
                                let r = store.try_edit(|d| d.readiness.reset_framework(&browser::now_iso()));
                                resetting.set(false);
                                message.set(Some(match r { Ok(()) => (true, "The default framework is back.".into()), Err(e) => (false, e) }));
                            }>"Yes, restore the default"</button>
                            <button type="button" class="secondary" on:click=move |_| resetting.set(false)>"Cancel"</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <button type="button" class="secondary" on:click=move |_| resetting.set(true)>"Restore the default framework\u{2026}"</button> }.into_any()
                }}
            </section>
        </Show>
    }
}

/// Form state for one criterion.
#[derive(Clone, Copy)]
struct Draft {
    name: RwSignal<String>,
    definition: RwSignal<String>,
    levels: [RwSignal<String>; 4],
    questions: RwSignal<String>,
    weight: RwSignal<String>,
}

impl Draft {
    fn from(c: &Criterion) -> Self {
        Draft {
            name: RwSignal::new(c.name.clone()),
            definition: RwSignal::new(c.definition.clone()),
            levels: [0, 1, 2, 3].map(|i| RwSignal::new(c.levels[i].clone())),
            questions: RwSignal::new(c.questions.join("\n")),
            weight: RwSignal::new(c.weight.to_string()),
        }
    }

    /// Apply the form to a criterion, checking what the framework's own check can't see.
    fn apply(&self, c: &mut Criterion) -> Result<(), String> {
        let name = self.name.get_untracked().trim().to_string();
        if name.is_empty() {
            return Err("Give the criterion a name.".into());
        }
        let weight: u32 =
            self.weight.get_untracked().trim().parse().map_err(|_| {
                format!("The weight must be a whole number from 0 to {MAX_WEIGHT}.")
            })?;
        c.name = name;
        c.definition = self.definition.get_untracked().trim().to_string();
        for i in 0..4 {
            c.levels[i] = self.levels[i].get_untracked().trim().to_string();
        }
        c.questions = self
            .questions
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect();
        c.weight = weight;
        Ok(())
    }
}

#[component]
fn Fields(draft: Draft, prefix: String) -> impl IntoView {
    let id = move |s: &str| format!("{prefix}-{s}");
    view! {
        <div class="inline-form">
            <div class="field">
                <label for=id("name")>"Name"</label>
                <input id=id("name") type="text" maxlength=MAX_CRITERION_NAME.to_string() prop:value=draft.name.get_untracked()
                    on:input=move |ev| draft.name.set(event_target_value(&ev))/>
            </div>
            <div class="field narrow">
                <label for=id("weight")>{format!("Weight (0\u{2013}{MAX_WEIGHT})")}</label>
                <input id=id("weight") type="number" min="0" max=MAX_WEIGHT.to_string() step="1" inputmode="numeric"
                    prop:value=draft.weight.get_untracked() on:input=move |ev| draft.weight.set(event_target_value(&ev))/>
            </div>
        </div>
        <label for=id("definition")>"Definition"</label>
        <textarea id=id("definition") rows="2" maxlength=MAX_DESCRIPTION.to_string() prop:value=draft.definition.get_untracked()
            on:input=move |ev| draft.definition.set(event_target_value(&ev))></textarea>
        {(0..4).map(|i| view! {
            <label for=id(&format!("level{i}"))>{format!("What level {} ({}) looks like", i + 1, LEVEL_NAMES[i])}</label>
            <textarea id=id(&format!("level{i}")) rows="2" maxlength=MAX_DESCRIPTION.to_string() prop:value=draft.levels[i].get_untracked()
                on:input=move |ev| draft.levels[i].set(event_target_value(&ev))></textarea>
        }).collect_view()}
        <label for=id("questions")>"Guiding questions, one per line"</label>
        <textarea id=id("questions") rows="3" prop:value=draft.questions.get_untracked()
            on:input=move |ev| draft.questions.set(event_target_value(&ev))></textarea>
    }
}

#[component]
fn CriterionEditor(
    index: usize,
    criterion_id: String,
    message: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let store = use_store();
    let current = store.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.readiness.current().criterion(&criterion_id).cloned())
    });
    let Some(c) = current else {
        return ().into_any();
    };
    let draft = Draft::from(&c);
    let heading = RwSignal::new(c.name.clone());
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let cid = StoredValue::new(criterion_id.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cid = cid.get_value();
        let r = store.try_edit(|d| {
            d.readiness.edit_framework(&browser::now_iso(), |f| {
                let c = f
                    .criteria
                    .iter_mut()
                    .find(|c| c.id == cid)
                    .ok_or("That criterion is gone.")?;
                draft.apply(c)
            })
        });
        match r {
            Ok(()) => {
                error.set(None);
                heading.set(draft.name.get_untracked().trim().to_string());
                message.set(Some((
                    true,
                    format!("\u{201c}{}\u{201d} saved.", heading.get_untracked()),
                )));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let remove = move |()| {
        let cid = cid.get_value();
        let name = heading.get_untracked();
        let r = store.try_edit(|d| {
            d.readiness.edit_framework(&browser::now_iso(), |f| {
                f.criteria.retain(|c| c.id != cid);
                Ok(())
            })
        });
        message.set(Some(match r {
            Ok(()) => (
                true,
                format!("\u{201c}{name}\u{201d} removed from the framework."),
            ),
            Err(e) => (false, e),
        }));
    };
    let prefix = StoredValue::new(format!("crit{index}"));
    view! {
        <section class="panel criterion-editor" aria-labelledby=format!("{}-title", prefix.get_value())>
            <h3 id=format!("{}-title", prefix.get_value())>{move || format!("{}. {}", index + 1, heading.get())}</h3>
            <p class="small">{format!("Weight {}. {}", c.weight, c.definition)}</p>
            <button type="button" class="secondary" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Close the editor" } else { "Edit" }}
            </button>
            <Show when=move || open.get()>
                <form on:submit=save novalidate class="criterion-form">
                    <Fields draft prefix=prefix.get_value()/>
                    <FieldError error/>
                    <div class="actions">
                        <button type="submit" class="primary">"Save this criterion"</button>
                        <ConfirmRemove id=format!("{}-remove", prefix.get_value()) name=heading
                            question=move || format!("Remove \u{201c}{}\u{201d} from the framework?", heading.get())
                            on_yes=remove/>
                    </div>
                </form>
            </Show>
        </section>
    }
    .into_any()
}

#[component]
fn AddCriterion(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let store = use_store();
    let blank = Criterion {
        id: String::new(),
        name: String::new(),
        definition: String::new(),
        levels: Default::default(),
        questions: Vec::new(),
        weight: 1,
        extra: Default::default(),
    };
    let draft = Draft::from(&blank);
    let error = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut c = blank.clone();
        if let Err(e) = draft.apply(&mut c) {
            error.set(Some(e));
            return;
        }
        if c.levels.iter().any(|l| l.is_empty()) {
            error.set(Some(
                "Describe all four levels, so raters can recognise them.".into(),
            ));
            return;
        }
        c.id = format!(
            "c-{}",
            &Id::from_random_bytes(browser::random_bytes()).as_str()[..8]
        );
        let name = c.name.clone();
        match store.try_edit(|d| {
            d.readiness.edit_framework(&browser::now_iso(), |f| {
                f.criteria.push(c);
                Ok(())
            })
        }) {
            Ok(()) => {
                error.set(None);
                open.set(false);
                message.set(Some((
                    true,
                    format!("\u{201c}{name}\u{201d} added to the framework."),
                )));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-crit-title">
            <h2 id="add-crit-title">"Add a criterion"</h2>
            <button type="button" class="secondary" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Close" } else { "Add a criterion\u{2026}" }}
            </button>
            <Show when=move || open.get()>
                <form on:submit=add.clone() novalidate>
                    <Fields draft prefix="new".to_string()/>
                    <FieldError error/>
                    <button type="submit" class="primary">"Add this criterion"</button>
                </form>
            </Show>
        </section>
    }
}
