//! `/model/versions`: every published version of the charter, newest first, each with what
//! it changed from the one before. A version is never edited.

use super::ModelNav;
use crate::domain::model::Change;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone, Debug, PartialEq)]
struct Line {
    number: u32,
    on: String,
    note: String,
    changes: Vec<Change>,
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let store = use_store();
    let lines = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                let m = &d.model;
                let mut v: Vec<Line> = m
                    .versions
                    .iter()
                    .map(|v| Line {
                        number: v.number,
                        on: v.published_on.clone(),
                        note: v.note.clone(),
                        changes: m.changes_in(v.number),
                    })
                    .collect();
                v.reverse();
                v
            })
        })
    });
    view! {
        <Title text="Published versions of the coaching model \u{b7} Readyboard"/>
        <h1>"Published versions of the coaching model"</h1>
        <p class="lead">"Every version the district has published, newest first, with what it changed. A published version never changes: a change is a new version."</p>
        {move || match store.phase.get() {
            Phase::FirstRun => view! { <FirstRun/> }.into_any(),
            _ => view! {
                <ModelNav here="versions"/>
                {move || if lines.with(Vec::is_empty) {
                    view! { <p>"Nothing is published yet. " <a href="/model">"Write the charter and publish it"</a>"."</p> }.into_any()
                } else {
                    view! {
                        <ol class="plain versions" reversed>
                            {lines.get().into_iter().map(|l| view! {
                                <li class="panel">
                                    <h2>{format!("Version {}, published on {}", l.number, l.on)}</h2>
                                    {(!l.note.is_empty()).then(|| view! { <p class="cover-text">{l.note.clone()}</p> })}
                                    <h3 class="needs-title">{if l.number == 1 { "First published with:" } else { "What changed:" }}</h3>
                                    <ul class="changes">
                                        {l.changes.iter().map(|c| view! {
                                            <li><span class="small">{c.section.label()}": "</span>{c.text.clone()}</li>
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            }.into_any(),
        }}
    }
}
