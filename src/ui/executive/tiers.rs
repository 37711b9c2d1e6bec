//! `/executive/tiers`: the support tiers. A district renames them and changes their
//! allowances; engagements keep the allowance they were agreed with.

use super::new_id;
use crate::domain::executive::tier::{parse_allowance, Allowance, Tier};
use crate::domain::text::{plural, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::ui::kit::crumbs::Crumbs;
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TiersPage() -> impl IntoView {
    let store = use_store();
    let tiers = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.executive
                    .tiers()
                    .into_iter()
                    .map(|t| {
                        let n = d
                            .executive
                            .engagements
                            .iter()
                            .filter(|e| e.tier_id == t.id)
                            .count();
                        (t, n)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let crumbs = vec![
        ("Executive coaching".to_string(), "/executive".to_string()),
        ("Support tiers".to_string(), "/executive/tiers".to_string()),
    ];
    view! {
        <Title text="Support tiers \u{b7} Readyboard"/>
        <Crumbs trail=crumbs/>
        <h1>"Support tiers"</h1>
        <p class="lead">"What each level of executive-coaching support offers. Rename a tier or change its allowance here; an engagement keeps the allowance it was agreed with."</p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <For each=move || tiers.get() key=|(t, _)| t.id.clone() let:item>
                    <TierForm tier=item.0/>
                </For>
                <AddTier/>
            }.into_any(),
        }}
    }
}

#[component]
fn TierForm(tier: Tier) -> impl IntoView {
    let store = use_store();
    let tid = tier.id.clone();
    // What the tier allows now, and how many engagements use it.
    let hint = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(String::new, |d| {
                let used = d
                    .executive
                    .engagements
                    .iter()
                    .filter(|e| e.tier_id == tid)
                    .count();
                let allows = d
                    .executive
                    .tier(&tid)
                    .map(|t| t.allowance.describe())
                    .unwrap_or_default();
                format!(
                    "{}. Allowance: {allows}.",
                    plural(used, "engagement uses it", "engagements use it")
                )
            })
        })
    });
    let stem = format!("tier-{}", tier.id);
    let name = RwSignal::new(tier.name.clone());
    let on_site = RwSignal::new(
        tier.allowance
            .on_site_days
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    let off_site = RwSignal::new(
        tier.allowance
            .off_site_sessions
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    let cohort = RwSignal::new(tier.cohort_based);
    let offer = RwSignal::new(tier.offer.clone());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let base = StoredValue::new(tier.clone());
    // The heading follows the saved name, not the field being typed in.
    let name_shown = RwSignal::new(tier.name.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = (|| {
            let t = Tier {
                name: name.get_untracked(),
                allowance: Allowance {
                    on_site_days: parse_allowance("On-site days", &on_site.get_untracked())?,
                    off_site_sessions: parse_allowance(
                        "Off-site sessions",
                        &off_site.get_untracked(),
                    )?,
                },
                cohort_based: cohort.get_untracked(),
                offer: offer.get_untracked(),
                ..base.get_value()
            };
            store.try_edit(|d| d.executive.edit_tier(t))
        })();
        match result {
            Ok(()) => {
                error.set(None);
                name_shown.set(name.get_untracked().trim().to_string());
                saved.set(Some(
                    "Saved. Engagements keep the allowance they were agreed with.".into(),
                ));
            }
            Err(e) => {
                saved.set(None);
                error.set(Some(e));
            }
        }
    };
    let title_id = format!("{stem}-title");
    let labelled = title_id.clone();
    let err_id = format!("{stem}-error");
    view! {
        <section class="panel" aria-labelledby=labelled>
            <h2 id=title_id>{move || name_shown.get()}</h2>
            <p class="hint">{move || hint.get()}</p>
            <form on:submit=submit novalidate aria-describedby=move || error.with(Option::is_some).then_some(err_id.clone())>
                <div class="school-fields">
                    <div class="field">
                        <label for=format!("{stem}-name")>"Name"</label>
                        <input id=format!("{stem}-name") type="text" maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for=format!("{stem}-on")>"On-site days"</label>
                        <input id=format!("{stem}-on") type="text" inputmode="numeric" placeholder="By agreement"
                            prop:value=move || on_site.get() on:input=move |ev| on_site.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for=format!("{stem}-off")>"Off-site sessions"</label>
                        <input id=format!("{stem}-off") type="text" inputmode="numeric" placeholder="By agreement"
                            prop:value=move || off_site.get() on:input=move |ev| off_site.set(event_target_value(&ev))/>
                    </div>
                </div>
                <p class="check"><input id=format!("{stem}-cohort") type="checkbox" prop:checked=move || cohort.get()
                    on:change=move |ev| cohort.set(event_target_checked(&ev))/>
                    <label for=format!("{stem}-cohort")>"Principals meet as a cohort"</label></p>
                <label for=format!("{stem}-offer")>"What it offers"</label>
                <textarea id=format!("{stem}-offer") rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || offer.get() on:input=move |ev| offer.set(event_target_value(&ev))></textarea>
                <FieldError id=format!("{stem}-error") error/>
                <button type="submit">"Save"<span class="visually-hidden">{move || format!(" the {} tier", name_shown.get())}</span></button>
                {move || saved.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
            </form>
        </section>
    }
}

#[component]
fn AddTier() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = Tier {
            id: new_id(),
            name: name.get_untracked(),
            allowance: Allowance::default(),
            cohort_based: false,
            offer: String::new(),
            extra: Default::default(),
        };
        match store.try_edit(|d| d.executive.edit_tier(t)) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="panel" aria-labelledby="add-tier-title">
            <h2 id="add-tier-title">"Add a tier"</h2>
            <form class="inline-form" on:submit=submit novalidate aria-labelledby="add-tier-title">
                <div class="field">
                    <label for="new-tier-name">"Name"</label>
                    <input id="new-tier-name" type="text" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("new-tier-error")/>
                </div>
                <button type="submit">"Add tier"</button>
            </form>
            <FieldError id="new-tier-error" error/>
        </section>
    }
}
