//! Executive coaching of principals (issue 13): the program view (`program`), setting up an
//! engagement (`setup`), an engagement's four phases (`engagement/`), its contact log
//! (`log`), its status report (`report`), cohort meetings (`cohorts`) and the tiers
//! (`tiers`). Every rule is in `domain::executive`; these pages render it and send edits.

pub mod cohorts;
pub mod engagement;
pub mod log;
pub mod pages;
pub mod program;
pub mod report;
pub mod setup;
pub mod tiers;

use crate::domain::executive::{program as figures, Engagement, Flag};
use crate::domain::{Document, Id};
use crate::ui::kit::use_store;
use crate::ui::platform::browser;
use crate::ui::store::Store;
use leptos::prelude::*;

pub(crate) fn new_id() -> Id {
    Id::from_random_bytes(browser::random_bytes())
}

/// Today, as the flags and pace count it.
pub(crate) fn today() -> time::Date {
    browser::today_date()
}

/// Apply `f` to engagement `id`; the error is a sentence for the person.
pub(crate) fn edit_engagement(
    store: Store,
    id: &Id,
    f: impl FnOnce(&mut Engagement) -> Result<(), String>,
) -> Result<(), String> {
    store.try_edit(|d| f(d.executive.engagement_mut(id)?))
}

/// The engagement at `:id` in the address, with the names the pages show.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Heading {
    pub id: Id,
    pub principal: String,
    pub school: String,
    pub school_id: Id,
}

pub(crate) fn heading_of(d: &Document, id: &Id) -> Option<Heading> {
    let e = d.executive.engagement(id)?;
    Some(Heading {
        id: e.id.clone(),
        principal: e.principal.clone(),
        school: school_name(d, &e.school_id),
        school_id: e.school_id.clone(),
    })
}

pub(crate) fn school_name(d: &Document, id: &Id) -> String {
    d.school(id).map_or_else(
        || "A school no longer in the district".to_string(),
        |s| s.name.clone(),
    )
}

/// The engagement named by the address's `:id`, kept while only its contents change.
pub(crate) fn use_heading() -> Memo<Option<Heading>> {
    let store = use_store();
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        let id = Id::fixed(params.read().get("id").unwrap_or_default());
        store
            .doc
            .with(|d| d.as_ref().and_then(|d| heading_of(d, &id)))
    })
}

/// The page for an engagement's address with no engagement behind it.
#[component]
pub(crate) fn NoEngagement() -> impl IntoView {
    view! {
        <crate::ui::kit::not_found::NotFound title="Engagement not found" back_href="/executive"
            back_label="Back to executive coaching">
            "There is no engagement at this address in this district. It may have been removed."
        </crate::ui::kit::not_found::NotFound>
    }
}

/// The figures every page of an engagement shows at its top.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glance {
    pub phase: String,
    pub tier: String,
    pub allowance: String,
    pub coach: String,
    pub dates: String,
    pub on_site: String,
    pub off_site: String,
    pub over: Vec<String>,
    pub pace: Option<(String, bool)>,
    pub last_contact: String,
    pub why: Vec<String>,
    pub flags: Vec<Flag>,
}

pub(crate) fn glance(d: &Document, e: &Engagement) -> Glance {
    use crate::domain::executive::Use;
    let x = &d.executive;
    let weeks = d.school_weeks(&e.school_id);
    let row = figures::row(x, e, today(), weeks.as_deref());
    let phase = if e.is_complete() {
        format!("Completed on {}", e.completed_on)
    } else {
        format!("Phase {} of 4: {}", e.phase.number(), e.phase.short())
    };
    Glance {
        phase,
        tier: x.tier_name(&e.tier_id),
        allowance: e.allowance.describe(),
        coach: e.coach.clone(),
        dates: format!("{} to {}", e.start, e.end),
        on_site: row.usage.line(Use::OnSite),
        off_site: row.usage.line(Use::OffSite),
        over: [Use::OnSite, Use::OffSite]
            .into_iter()
            .filter(|&u| row.usage.over(u) > 0)
            .map(|u| format!("{} over the allowance", u.noun(row.usage.over(u))))
            .collect(),
        pace: row.pace.as_ref().map(|p| (p.sentence(), p.behind)),
        last_contact: row
            .last_contact
            .clone()
            .unwrap_or_else(|| "None yet".to_string()),
        why: row.why,
        flags: row.flags,
    }
}

/// The engagement's figures at a glance, and the links between its pages.
#[component]
pub(crate) fn EngagementTop(
    id: Id,
    /// Which page this is: "phases", "log" or "report".
    here: &'static str,
) -> impl IntoView {
    let store = use_store();
    let eid = id.clone();
    let g = Memo::new(move |_| {
        store.doc.with(|d| {
            d.as_ref().and_then(|d| {
                let e = d.executive.engagement(&eid)?;
                Some(glance(d, e))
            })
        })
    });
    let link = move |page: &'static str, href: String, label: &'static str| {
        view! {
            <li><a href=href aria-current=(page == here).then_some("page")>{label}</a></li>
        }
    };
    view! {
        <nav class="sub-nav no-print" aria-label="This engagement">
            <ul>
                {link("phases", format!("/executive/{id}"), "Phases")}
                {link("log", format!("/executive/{id}/log"), "Contact log")}
                {link("report", format!("/executive/{id}/report"), "Status report")}
                {link("setup", format!("/executive/{id}/setup"), "Set-up")}
            </ul>
        </nav>
        {move || g.get().map(|g| view! {
            <ul class="stats glance" aria-label="At a glance">
                <li><span class="small">"Phase"</span><strong>{g.phase}</strong></li>
                <li><span class="small">{format!("{} tier", g.tier)}</span><strong>{g.on_site}</strong>
                    <span class="small">{g.off_site}</span></li>
                <li><span class="small">"Last contact"</span><strong>{g.last_contact}</strong></li>
                {g.pace.map(|(s, behind)| view! {
                    <li class:behind=behind><span class="small">"Pace"</span><strong>{s}</strong></li>
                })}
            </ul>
            <p class="facts-line">{format!("Coach: {}. {}. Allowance agreed: {}.", g.coach, g.dates, g.allowance)}</p>
            {(!g.over.is_empty()).then(|| view! { <p class="flag-line">{g.over.join("; ")}"."</p> })}
            {(!g.why.is_empty()).then(|| view! {
                <ul class="flag-list" aria-label="Needs attention">
                    {g.why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            })}
        })}
    }
}

thread_local! {
    static LAST_REMOVED: std::cell::RefCell<Option<crate::domain::executive::Removed>> =
        const { std::cell::RefCell::new(None) };
}

/// Keep the engagement just removed, for the program page's undo.
pub(crate) fn set_last_removed(r: crate::domain::executive::Removed) {
    LAST_REMOVED.with(|c| *c.borrow_mut() = Some(r));
}

/// Take the engagement just removed (once).
pub(crate) fn take_last_removed() -> Option<crate::domain::executive::Removed> {
    LAST_REMOVED.with(|c| c.borrow_mut().take())
}
