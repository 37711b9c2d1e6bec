//! Shared pieces of the readiness pages: the profile chart, verdict badges, and lookups of
//! a school and a round from the route.

use crate::domain::readiness::framework::{level_name, LEVEL_NAMES};
use crate::domain::readiness::score::Outcome;
use crate::domain::readiness::{Framework, Round};
use crate::domain::{Document, Id, School};
use leptos::prelude::*;

pub use crate::ui::kit::crumbs::Crumbs;

/// One decimal place, with a true minus sign and an explicit plus where asked.
pub fn one_decimal(x: f64, signed: bool) -> String {
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 {
        "\u{2212}"
    } else if signed && tenths > 0 {
        "+"
    } else {
        ""
    };
    let a = tenths.abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// "3 Developing", or "–" when not rated.
pub fn level_text(level: u8) -> String {
    level_name(level)
        .map(|n| format!("{level} {n}"))
        .unwrap_or_else(|| "\u{2013}".to_string())
}

/// The verdict of an outcome as a badge, with why next to it when given (see
/// [`crate::domain::readiness::score::reason`]).
#[component]
pub fn VerdictBadge(outcome: Outcome, #[prop(optional)] why: Option<String>) -> impl IntoView {
    let (class, text) = if outcome.ready() {
        ("verdict ready", "Ready".to_string())
    } else {
        ("verdict not-ready", "Not yet ready".to_string())
    };
    view! {
        <span class=class>{text}</span>
        {why.map(|w| view! { <span class="verdict-why">{w}</span> })}
    }
}

/// A school and its name, for a page under `/readiness/:school`.
pub fn find_school(doc: &Document, id: &str) -> Option<School> {
    doc.schools.iter().find(|s| s.id.as_str() == id).cloned()
}

/// A round and its framework.
pub fn find_round(doc: &Document, id: &str) -> Option<(Round, Framework)> {
    let round = doc.readiness.round(&Id::fixed(id))?.clone();
    let framework = doc.readiness.framework_of(&round)?.clone();
    Some((round, framework))
}

/// One criterion in the profile chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileRow {
    pub name: String,
    pub consensus: u8,
    pub team: Option<f64>,
    pub principal: Option<u8>,
}

/// Where a value sits on the chart's 1–4 scale, as a fraction of the track: the centre of
/// its level's quarter, under that level's name in the header. Bars end and marks sit on
/// this one scale, so a mean of 2.5 lies half a level past a bar at 2.
pub fn scale_position(v: f64) -> f64 {
    ((v.clamp(0.5, 4.5) - 0.5) / 4.0 * 1000.0).round() / 1000.0
}

fn percent(v: f64) -> String {
    format!("{}%", (scale_position(v) * 1000.0).round() / 10.0)
}

/// The readiness profile: each criterion's agreed level as a bar, with the team's mean and
/// the principal's rating marked on the same 1–4 scale. It is an HTML table, so it prints
/// crisply, reflows on a phone and reads as text to a screen reader.
///
/// No `style="…"` attribute: the Content-Security-Policy (`style-src 'self'`) blocks them. A
/// bar's length and a mark's place are both set from [`scale_position`] through the CSSOM
/// (`style:width`, `style:left`, which Leptos applies with `style.setProperty`), which the
/// policy allows; a bar's colour comes from its level's class (`.bar.l3`), as the legend says.
#[component]
pub fn ProfileChart(rows: Vec<ProfileRow>, caption: String) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let mut said = vec![format!("agreed {}", level_text(r.consensus))];
            if let Some(t) = r.team {
                said.push(format!("team mean {}", one_decimal(t, false)));
            }
            if let Some(p) = r.principal {
                said.push(format!("principal {}", level_text(p)));
            }
            let level_class = format!("bar l{}", r.consensus.min(4));
            let width = if r.consensus == 0 {
                "0%".to_string()
            } else {
                percent(f64::from(r.consensus))
            };
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td>
                        <span class="visually-hidden">{said.join(", ")}</span>
                        <div class="track" aria-hidden="true">
                            <span class=level_class style:width=width></span>
                            {r.team.map(|t| view! { <span class="mark team" style:left=percent(t)></span> })}
                            {r.principal.map(|p| view! { <span class="mark principal" style:left=percent(f64::from(p))></span> })}
                        </div>
                    </td>
                    <td class="num">{level_text(r.consensus)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="profile">
            <table class="profile-chart">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Criterion"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Profile on the 1 to 4 scale"</span>
                            <span class="scale" aria-hidden="true">
                                {LEVEL_NAMES.iter().enumerate().map(|(i, n)| view! { <span>{format!("{} {n}", i + 1)}</span> }).collect_view()}
                            </span>
                        </th>
                        <th scope="col">"Agreed"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <figcaption class="legend">
                <span class="legend-levels">"Agreed level, a bar coloured by level:"
                    {LEVEL_NAMES.iter().enumerate().map(|(i, n)| view! {
                        <span class="legend-item"><span class=format!("key bar-key l{}", i + 1) aria-hidden="true"></span>{format!("{} {n}", i + 1)}</span>
                    }).collect_view()}
                </span>
                <span class="legend-item"><span class="key team-key" aria-hidden="true"></span>"Team mean"</span>
                <span class="legend-item"><span class="key principal-key" aria-hidden="true"></span>"Principal"</span>
            </figcaption>
        </figure>
    }
}

/// The profile rows of a round: agreed levels with the team's mean and the principal's.
pub fn profile_rows(round: &Round, framework: &Framework) -> Vec<ProfileRow> {
    let spreads = crate::domain::readiness::score::spreads(round, framework);
    framework
        .criteria
        .iter()
        .zip(spreads)
        .enumerate()
        .map(|(i, (c, s))| ProfileRow {
            name: c.name.clone(),
            consensus: round.agreed(i),
            team: s.team_mean,
            principal: s.principal,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::scale_position;

    #[test]
    fn bars_and_marks_share_one_scale() {
        // A level sits at the centre of its quarter, under its name.
        assert_eq!(scale_position(1.0), 0.125);
        assert_eq!(scale_position(2.0), 0.375);
        assert_eq!(scale_position(4.0), 0.875);
        // A mean of 2.5 is half a level past a bar at 2, not on it.
        assert_eq!(scale_position(2.5), 0.5);
        assert!(scale_position(2.5) > scale_position(2.0));
    }
}
