//! Support tiers (seed 004): what an engagement is allowed in on-site days and off-site
//! sessions. A district may rename its tiers and change their allowances; an engagement
//! keeps the [`Allowance`] it was agreed with, whatever the tier says later.

use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text;
use serde::{Deserialize, Serialize};

/// The most on-site days or off-site sessions a tier may allow in a year.
pub const MAX_ALLOWANCE: u32 = 200;

/// What an engagement may use in a year. `None` is "by agreement": the Gold tier's hourly
/// sessions, counted but not capped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Allowance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_site_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub off_site_sessions: Option<u32>,
}

impl Allowance {
    /// "15 on-site days, 5 off-site sessions"; "hourly, by agreement" when neither is set.
    pub fn describe(&self) -> String {
        let part =
            |n: Option<u32>, one: &str, many: &str| n.map(|n| text::plural(n as usize, one, many));
        let parts: Vec<String> = [
            part(self.on_site_days, "on-site day", "on-site days"),
            part(
                self.off_site_sessions,
                "off-site session",
                "off-site sessions",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "hourly, by agreement".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// A support tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tier {
    pub id: Id,
    pub name: String,
    pub allowance: Allowance,
    /// Principals in this tier meet as a cohort (the Gold tier's geographic cohort).
    #[serde(default)]
    pub cohort_based: bool,
    /// What else the tier offers, in words (phone and email, goals, rate).
    #[serde(default)]
    pub offer: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The three tiers of seed 004, as a district starts with them.
pub fn default_tiers() -> Vec<Tier> {
    let tier =
        |id: &str, name: &str, on: Option<u32>, off: Option<u32>, cohort, offer: &str| Tier {
            id: Id::fixed(id),
            name: name.to_string(),
            allowance: Allowance {
                on_site_days: on,
                off_site_sessions: off,
            },
            cohort_based: cohort,
            offer: offer.to_string(),
            extra: Extra::new(),
        };
    vec![
        tier(
            "tier-gold",
            "Gold",
            None,
            None,
            true,
            "A geographic cohort of similar districts. Hourly on-site, phone and email \
             sessions; group and individual coaching. Rate negotiable.",
        ),
        tier(
            "tier-platinum",
            "Platinum",
            Some(15),
            Some(5),
            false,
            "On-site days include observations as fits the goals. Off-site sessions with the \
             leadership team, superintendent or cohort. Unlimited phone and email. \
             Individual goals, system and personal/professional.",
        ),
        tier(
            "tier-diamond",
            "Diamond",
            Some(30),
            Some(10),
            false,
            "On-site days include observations as fits the goals. Up to 10 off-site sessions. \
             Unlimited phone and email. Individual goals, system and personal/professional.",
        ),
    ]
}

/// A tier's fields checked: a name, allowances within [`MAX_ALLOWANCE`], an offer within
/// the note limit.
pub fn checked(mut tier: Tier) -> Result<Tier, String> {
    tier.name = text::clean_name("The tier's name", &tier.name)?;
    for (what, n) in [
        ("on-site days", tier.allowance.on_site_days),
        ("off-site sessions", tier.allowance.off_site_sessions),
    ] {
        if let Some(n) = n {
            if n > MAX_ALLOWANCE {
                return Err(format!(
                    "{n} {what} is more than a year holds; the limit is {MAX_ALLOWANCE}."
                ));
            }
        }
    }
    tier.offer = text::clean_note("What the tier offers", &tier.offer)?;
    Ok(tier)
}

/// An allowance typed in a form: blank is "by agreement", otherwise a whole number from 0 to
/// [`MAX_ALLOWANCE`].
pub fn parse_allowance(what: &str, raw: &str) -> Result<Option<u32>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i64>() {
        Ok(n) if n < 0 => Err(format!("{what} can't be negative.")),
        Ok(n) if n > i64::from(MAX_ALLOWANCE) => Err(format!(
            "{what}: {n} is more than a year holds; the limit is {MAX_ALLOWANCE}."
        )),
        Ok(n) => Ok(Some(n as u32)),
        Err(_) => Err(format!(
            "{what} is a whole number, or blank for \u{201c}by agreement\u{201d}."
        )),
    }
}
