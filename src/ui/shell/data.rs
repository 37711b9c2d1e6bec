//! `/data`: the district's name, backups, restoring a backup, data set aside, and reset.

use crate::domain::text::plural;
use crate::domain::text::MAX_NAME_CHARS;
use crate::domain::Document;
use crate::storage::{decode_with, local, Decoded};
use crate::ui::kit::field_error::FieldError;
use crate::ui::kit::remove::{ConfirmRemove, Verb};
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::platform::browser;
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let has_doc = move || store.doc.with(Option::is_some);
    view! {
        <Title text="Data & backup \u{b7} Readyboard"/>
        <h1>"Data & backup"</h1>
        <p class="lead">
            "Readyboard keeps your district only in this browser, on this device. Nothing is sent to a server. "
            "Clearing the browser's data, or using another device, loses it, so download a backup now and then."
        </p>
        <Show when=move || matches!(store.phase.get(), Phase::FirstRun)>
            <FirstRun/>
        </Show>
        <Show when=has_doc>
            <DistrictName/>
            <Backup/>
        </Show>
        <Restore/>
        <SetAside/>
        <Show when=has_doc>
            <Reset/>
        </Show>
    }
}

#[component]
fn DistrictName() -> impl IntoView {
    let store = use_store();
    let current = move || {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| d.district.name.clone())
                .unwrap_or_default()
        })
    };
    let name = RwSignal::new(current());
    // The stored name the field started from: while the person's text differs from it, the
    // field is theirs, and a change from elsewhere is shown beside it, never typed over it.
    let started_from = RwSignal::new(current());
    let elsewhere = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let now = current();
        let editing = name.with_untracked(|n| *n != started_from.get_untracked());
        if !editing {
            name.set(now.clone());
            started_from.set(now);
            elsewhere.set(None);
        } else if now != started_from.get_untracked() {
            elsewhere.set(Some(now));
        } else {
            // Changed back to the name this field started from: nothing to say any more.
            elsewhere.set(None);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let typed = name.get_untracked();
        match store.try_edit(|d| d.rename_district(&typed)) {
            Ok(()) => {
                let saved = current();
                error.set(None);
                elsewhere.set(None);
                started_from.set(saved.clone());
                name.set(saved.clone());
                done.set(Some(format!("Name changed to \u{201c}{saved}\u{201d}.")));
            }
            Err(e) => {
                error.set(Some(e));
                browser::focus_id("district-name");
            }
        }
    };
    view! {
        <section aria-labelledby="name-title" class="panel">
            <h2 id="name-title">"District"</h2>
            <form on:submit=submit novalidate class="inline-form">
                <div class="field">
                    <label for="district-name">"District name"</label>
                    <input id="district-name" type="text" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get()
                        prop:readonly=move || !matches!(store.phase.get(), Phase::Ready)
                        on:input=move |ev| { done.set(None); name.set(event_target_value(&ev)) }
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("district-name-error")/>
                </div>
                <button type="submit">"Save name"</button>
            </form>
            <FieldError id="district-name-error" error quiet=true/>
            {move || elsewhere.get().map(|theirs| view! {
                <p class="notice" role="status" data-testid="name-changed-elsewhere">
                    "The district\u{2019}s name was changed to \u{201c}" {theirs} "\u{201d} (in another tab, or by a restore) while you were typing. "
                    "Your text is kept: \u{201c}Save name\u{201d} saves yours; "
                    <button type="button" class="link" on:click=move |_| {
                        let now = current();
                        name.set(now.clone());
                        started_from.set(now);
                        elsewhere.set(None);
                    }>"use theirs"</button> " instead."
                </p>
            })}
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </section>
    }
}

/// A share of the quota in words: "3 %", or "under 1 %" rather than a misleading "0 %".
fn percent(p: f64) -> String {
    if p > 0.0 && p < 1.0 {
        "under 1%".into()
    } else {
        format!("{p:.0}%")
    }
}

#[component]
fn Backup() -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let last = move || {
        store.last_saved.get().map(|m| {
            format!(
                "Last saved in this browser: {}.",
                browser::human_time(&m.saved_at)
            )
        })
    };
    // Read again after every save: the share of the browser's storage this district takes.
    let usage = Memo::new(move |_| {
        store.last_saved.track();
        let u = local::usage();
        let quota = local::QUOTA_CHARS as f64;
        let pct = |n: usize| n as f64 * 100.0 / quota;
        let share = pct(u.ours + u.others);
        let mut text = format!(
            "Readyboard takes {:.2} million of the about {:.1} million characters of storage this browser gives this site ({}).",
            u.ours as f64 / 1e6,
            quota / 1e6,
            percent(pct(u.ours)),
        );
        if u.others > 0 {
            text.push_str(&format!(
                " Other data kept by this site takes {}, so {} is free.",
                percent(pct(u.others)),
                percent(pct(u.free()))
            ));
        }
        if share >= 80.0 {
            text.push_str(" That is nearly full: download a backup, and consider deleting rounds you no longer need.");
        }
        (
            text,
            if share >= 80.0 {
                "storage-usage near-full"
            } else {
                "storage-usage"
            },
        )
    });
    view! {
        <section aria-labelledby="backup-title" class="panel">
            <h2 id="backup-title">"Back up"</h2>
            <p>"A backup is one file with the whole district. Keep it somewhere safe, or use it to move to another browser."</p>
            <p>{last}</p>
            <p class=move || usage.get().1 data-testid="storage-usage">{move || usage.get().0}</p>
            <button type="button" class="primary" on:click=move |_| error.set(store.download_backup().err())>
                "Download a backup"
            </button>
            <FieldError error/>
        </section>
    }
}

/// A backup file's text: it must be UTF-8, as every backup Readyboard writes is. A file
/// with bytes that are not is refused with the count of damaged characters, rather than
/// restored with replacement characters in it.
fn utf8_text(file_name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let damaged = String::from_utf8_lossy(e.as_bytes())
            .chars()
            .filter(|&c| c == '\u{FFFD}')
            .count();
        format!(
            "\u{201c}{file_name}\u{201d} can\u{2019}t be restored: {} not valid UTF-8, so the file was damaged or changed by another program. Nothing was changed.",
            plural(damaged, "character is", "characters are")
        )
    })
}

/// A checked backup, waiting for the person to confirm.
#[derive(Clone)]
struct Pending {
    file: String,
    document: Document,
    saved_at: String,
}

#[component]
fn Restore() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Pending>);
    let problem = RwSignal::new(None::<String>);
    let restored = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        restored.set(false);
        pending.set(None);
        problem.set(None);
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let text = browser::read_file_bytes(file)
                .await
                .and_then(|bytes| utf8_text(&file_name, bytes));
            let text = match text {
                Ok(text) => text,
                Err(e) => {
                    problem.set(Some(e));
                    return;
                }
            };
            // The code that reads a whole district: here already if one is stored.
            let reader = match crate::ui::store::reader().await {
                Ok(r) => r,
                Err(e) => {
                    problem.set(Some(format!("{e} Nothing was changed.")));
                    return;
                }
            };
            // And the code that writes it, to measure the room it needs before anything is
            // shown (here already once a page has painted).
            if let Err(e) = crate::ui::store::writer().await {
                problem.set(Some(format!("{e} Nothing was changed.")));
                return;
            }
            match decode_with(&text, reader) {
                Err(e) => problem.set(Some(format!("\u{201c}{file_name}\u{201d} can\u{2019}t be restored. {e} Nothing was changed."))),
                Ok(Decoded::Newer { meta, .. }) => problem.set(Some(format!(
                    "\u{201c}{file_name}\u{201d} was made by a newer version of Readyboard ({}) and can\u{2019}t be restored here. Nothing was changed.",
                    meta.app_version))),
                Ok(Decoded::Current { meta, document, .. }) => {
                    let dates = document.date_problems();
                    if !dates.is_empty() {
                        problem.set(Some(format!(
                            "\u{201c}{file_name}\u{201d} can\u{2019}t be restored: {} Nothing was changed.",
                            dates.join(" ")
                        )));
                    } else if let Err(e) = store.room_for(&document) {
                        problem.set(Some(format!("\u{201c}{file_name}\u{201d} can\u{2019}t be restored. {e}")));
                    } else {
                        pending.set(Some(Pending {
                            file: file_name,
                            document,
                            saved_at: meta.saved_at,
                        }));
                    }
                }
            }
        });
    };
    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            store.replace(p.document);
            pending.set(None);
            restored.set(true);
        }
    };
    let writable = move || matches!(store.phase.get(), Phase::Ready | Phase::FirstRun);
    view! {
        <section aria-labelledby="restore-title" class="panel">
            <h2 id="restore-title">"Restore from a backup"</h2>
            <p>"The file is checked first. Nothing changes until you confirm."</p>
            <label for="restore-file">"Backup file (.json)"</label>
            <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file
                prop:disabled=move || !writable()/>
            <FieldError error=problem/>
            {move || restored.get().then(|| view! { <p class="ok" role="status">"Backup restored."</p> })}
            {move || pending.get().map(|p| {
                let n = p.document.schools.len();
                let replacing = store.doc.with_untracked(|d| d.as_ref().map(|d| d.district.name.clone()));
                view! {
                    <div class="confirm" role="group" aria-labelledby="restore-preview-title">
                        <h3 id="restore-preview-title" tabindex="-1">"Restore this backup?"</h3>
                        <dl class="facts">
                            <dt>"File"</dt><dd>{p.file.clone()}</dd>
                            <dt>"District"</dt><dd>{p.document.district.name.clone()}</dd>
                            <dt>"Schools"</dt><dd>{n.to_string()}</dd>
                            <dt>"Backed up"</dt><dd>{browser::human_time(&p.saved_at)}</dd>
                        </dl>
                        {replacing.map(|name| view! {
                            <p>{format!("This replaces \u{201c}{name}\u{201d} in this browser. Download a backup of it first if you may want it back.")}</p>
                            <button type="button" on:click=move |_| { let _ = store.download_backup(); }>"Download a backup of the current district"</button>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" on:click=confirm>"Restore this backup"</button>
                            <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn SetAside() -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let items = move || {
        refresh.track();
        local::quarantined()
    };
    let confirm_key = RwSignal::new(None::<String>);
    view! {
        {move || {
            let items = items();
            (!items.is_empty()).then(|| view! {
                <section aria-labelledby="aside-title" class="panel">
                    <h2 id="aside-title">"Data set aside"</h2>
                    <p>"Readyboard found this data unreadable and set it aside instead of deleting it. Download it before you delete it."</p>
                    <ul class="aside-list">
                        {items.into_iter().map(|q| {
                            let key = q.key.clone();
                            let key_dl = q.key.clone();
                            let key_del = q.key.clone();
                            let raw = q.raw.clone();
                            view! {
                                <li>
                                    <code>{q.key.clone()}</code>
                                    {format!(" ({} characters) ", q.raw.chars().count())}
                                    <button type="button" on:click=move |_| {
                                        let name = key_dl.trim_start_matches(local::QUARANTINE_PREFIX).to_string();
                                        let _ = browser::download(&format!("readyboard-unreadable-{name}.txt"), "text/plain", &raw);
                                    }>"Download"</button>
                                    " "
                                    <ConfirmRemove id=format!("aside-{key}-delete") open=confirm_key verb=Verb::Delete
                                        name=key.clone() question=format!("Delete {key} for good?")
                                        on_yes=move |()| {
                                            let _ = local::delete_quarantined(&key_del);
                                            refresh.update(|n| *n += 1);
                                        }/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

#[component]
fn Reset() -> impl IntoView {
    let store = use_store();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let backed_up = RwSignal::new(false);
    let name = move || {
        store.doc.with(|d| {
            d.as_ref()
                .map(|d| d.district.name.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="reset-title" class="panel danger-zone">
            <h2 id="reset-title">"Start over"</h2>
            <p>"Remove this district from this browser and choose again between the demo and a new district."</p>
            <Show when=move || !asking.get() fallback=move || view! {
                <div class="confirm" role="group" aria-labelledby="reset-confirm-title">
                    <h3 id="reset-confirm-title" tabindex="-1">{move || format!("Remove \u{201c}{}\u{201d} from this browser?", name())}</h3>
                    <p>"This can\u{2019}t be undone here. Download a backup first if you may want it back."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| {
                            match store.download_backup() {
                                Ok(()) => backed_up.set(true),
                                Err(e) => error.set(Some(e)),
                            }
                        }>"Download a backup first"</button>
                        <button type="button" class="danger" on:click=move |_| {
                            match store.reset() {
                                Ok(()) => { asking.set(false); error.set(None); browser::focus_id("first-run-title"); }
                                Err(e) => error.set(Some(e)),
                            }
                        }>"Remove the district"</button>
                        <button type="button" class="secondary" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                    {move || backed_up.get().then(|| view! { <p class="ok" role="status">"Backup downloaded."</p> })}
                </div>
            }>
                <button type="button" class="danger" prop:disabled=move || !matches!(store.phase.get(), Phase::Ready)
                    on:click=move |_| {
                        asking.set(true);
                        backed_up.set(false);
                        request_animation_frame(|| browser::focus_id("reset-confirm-title"));
                    }>"Reset\u{2026}"</button>
            </Show>
            <FieldError error/>
        </section>
    }
}
