use crate::domain::text::plural;
use crate::domain::SchoolLevel;
use crate::ui::kit::{first_run::FirstRun, use_store};
use crate::ui::store::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// (route, role, what they do there)
const ROLES: [(&str, &str, &str, &str); 4] = [
    ("/readiness", "Leadership team or principal", "Assess your school's readiness",
     "Rate your school on the district's readiness criteria, privately, then agree as a team."),
    ("/phase-in", "District coach champion", "Plan the phase-in",
     "Compare need and readiness, choose each year's cohort of schools, and plan support for schools not yet ready."),
    ("/board", "Plus-team lead", "Build the Plus rotation",
     "Plan coaching weeks and full-day PD weeks for your Plus team, fairly and without conflicts."),
    ("/schedule", "Teacher", "See my coaching schedule",
     "Find your upcoming coaching sessions and PD days, on any device."),
];

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let summary = move || {
        store.doc.with(|d| {
            d.as_ref().map(|d| {
                let n = d.schools.len();
                // The three common levels first, then the district's own (K-8 …) as
                // they first appear.
                let mut counts: Vec<(&SchoolLevel, usize)> =
                    SchoolLevel::ALL.iter().map(|l| (l, 0)).collect();
                for s in &d.schools {
                    match counts.iter_mut().find(|(l, _)| **l == s.level) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((&s.level, 1)),
                    }
                }
                let levels = counts
                    .into_iter()
                    .filter(|(_, c)| *c > 0)
                    .map(|(l, c)| match l {
                        SchoolLevel::Other(name) => format!("{c} {name}"),
                        _ => format!("{c} {}", l.label().to_lowercase()),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                (d.district.name.clone(), n, levels)
            })
        })
    };
    view! {
        <Title text="Readyboard \u{b7} Launch coaching where schools are ready"/>
        <h1>"Launch instructional coaching where schools are ready"</h1>
        <p class="lead">
            "Readyboard helps a district phase in instructional coaches: schools assess their readiness, "
            "the coach champion weighs readiness against need to plan each year's cohort, "
            "Plus teams build their coaching rotation, and teachers see their schedule."
        </p>
        {move || match (store.phase.get(), summary()) {
            (Phase::FirstRun, _) => view! { <FirstRun/> }.into_any(),
            (_, Some((name, n, levels))) => view! {
                <section class="district-summary" aria-labelledby="summary-title">
                    <h2 id="summary-title">{name}</h2>
                    {if n == 0 {
                        view! {
                            <p data-testid="no-schools">"No schools yet. Every part of Readyboard starts from the district\u{2019}s schools: add them one by one, or import your roster from a spreadsheet."</p>
                            <p><A href="/phase-in/roster" attr:class="button primary">"Add schools or import a roster"</A></p>
                        }.into_any()
                    } else {
                        view! {
                            <p>{format!("{}{}", plural(n, "school", "schools"),
                                if levels.is_empty() { String::new() } else { format!(": {levels}.") })}</p>
                        }.into_any()
                    }}
                </section>
            }.into_any(),
            _ => ().into_any(),
        }}
        <section aria-labelledby="roles-title">
            <h2 id="roles-title">"Start with your role"</h2>
            <ul class="role-grid">
                {ROLES.iter().map(|(href, role, action, blurb)| view! {
                    <li class="role-card">
                        <p class="role">{*role}</p>
                        <h3><A href=*href>{*action}</A></h3>
                        <p>{*blurb}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="more-title">
            <h2 id="more-title">"Also here"</h2>
            <ul class="link-list">
                <li><A href="/model">"The coaching model"</A>": vision, outcomes, roles and coach mentoring."</li>
                <li><A href="/executive">"Executive coaching"</A>": support for principals: tiers, work plans and contact logs."</li>
                <li><A href="/data">"Data & backup"</A>": your data lives only in this browser. Back it up, restore it, or start over."</li>
            </ul>
        </section>
    }
}
