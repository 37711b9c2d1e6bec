//! What the planner stores: the scenario (years, capacity, gate, weights), the pins with
//! their rationale, and the readiness plans. Everything else (rankings, the cohorts, the
//! consequence) is computed from these and the district, never stored.

use super::readiness_plan::ReadinessPlan;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::readiness::framework::{MAX_LEVEL, MAX_WEIGHT};
use crate::domain::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const DEFAULT_YEARS: u8 = 3;
pub const MAX_YEARS: u8 = 6;
/// Coaches hired in one year, at most.
pub const MAX_CAPACITY: u32 = 1000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseIn {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pins: Vec<Pin>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<ReadinessPlan>,
    /// The champion's cover note and recommendation, printed at the top of the brief.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cover_note: String,
    /// Named what-if settings, tried without touching the adopted plan (`settings`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// When the settings were last adopted from a scenario (ISO time); `None`: the plan
    /// has never been adopted and follows the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The what-if settings. The defaults follow the district's framework: its weights and its
/// gate; a value set here overrides it for planning only (past results keep their own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub years: u8,
    /// Coaches hired in each year. `None`: split the schools evenly over the years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Vec<u32>>,
    /// The gate for planning; `None`: the current framework's gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<u8>,
    /// Weight overrides by criterion ID; a criterion not listed keeps its framework weight.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            years: DEFAULT_YEARS,
            capacity: None,
            gate: None,
            weights: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

/// A named set of what-if settings. Editing it never changes the adopted plan; adopting it
/// copies its settings into the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    pub id: Id,
    pub name: String,
    pub settings: Settings,
    #[serde(default)]
    pub created_at: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an adoption replaced, for its undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Adoption {
    pub settings: Settings,
    pub adopted_at: Option<String>,
}

/// A scenario's name: at most this many characters.
pub const MAX_SCENARIO_NAME: usize = 80;

/// The champion's decision to put a school in a given year, with the reason in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pin {
    pub school_id: Id,
    /// 1-based.
    pub year: u8,
    pub rationale: String,
    /// ISO time; pins apply oldest first.
    #[serde(default)]
    pub created_at: String,
    /// The champion overrides year 1's rule for this school (the gate, or its
    /// self-selection out): the plan and the brief mark it as an override.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overrides: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Settings {
    /// The capacity of each year for `schools` schools: the stored one if it has one entry
    /// per year, otherwise an even split (earlier years take the remainder).
    pub fn capacities(&self, schools: usize) -> Vec<u32> {
        let years = usize::from(self.years.max(1));
        match &self.capacity {
            Some(c) if c.len() == years => c.clone(),
            _ => even_split(schools, years),
        }
    }

    /// What makes these settings unfit, each message starting with `what`.
    pub fn problems(&self, what: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !(1..=MAX_YEARS).contains(&self.years) {
            out.push(format!(
                "{what} spans {} years; it must be 1 to {MAX_YEARS}.",
                self.years
            ));
        }
        if let Some(g) = self.gate {
            if g >= MAX_LEVEL {
                out.push(format!(
                    "{what} has the gate at {g}; it must be below {MAX_LEVEL}."
                ));
            }
        }
        if let Some(caps) = &self.capacity {
            for (y, c) in caps.iter().enumerate() {
                if *c > MAX_CAPACITY {
                    out.push(format!(
                        "{what} gives year {} {} coaches; the limit is {MAX_CAPACITY}.",
                        y + 1,
                        text::thousands(u64::from(*c))
                    ));
                }
            }
        }
        for (c, w) in &self.weights {
            if *w > MAX_WEIGHT {
                out.push(format!(
                    "{what} weighs {c} at {w}; the limit is {MAX_WEIGHT}."
                ));
            }
        }
        out
    }

    pub fn is_auto_capacity(&self) -> bool {
        !matches!(&self.capacity, Some(c) if c.len() == usize::from(self.years.max(1)))
    }

    /// Plan over `years` years (1 to 6). A capacity set by hand for another number of years
    /// no longer fits, so it goes back to the even split.
    pub fn set_years(&mut self, years: u8) -> Result<(), String> {
        if !(1..=MAX_YEARS).contains(&years) {
            return Err(format!(
                "The plan can span 1 to {MAX_YEARS} years; {years} is out of range."
            ));
        }
        if years != self.years {
            self.years = years;
            self.capacity = None;
        }
        Ok(())
    }

    /// Set one year's capacity (1-based year). The other years keep the numbers the planner
    /// shows (`shown`, the plan's capacities): with the even split, that is the split as
    /// adjusted for year 1, not the plain even split.
    pub fn set_capacity(&mut self, year: u8, coaches: u32, shown: &[u32]) -> Result<(), String> {
        let years = self.years;
        if year == 0 || year > years {
            return Err(format!("Year {year} is not in the {years}-year plan."));
        }
        if coaches > MAX_CAPACITY {
            return Err(format!(
                "{coaches} coaches in one year is more than the limit of {MAX_CAPACITY}."
            ));
        }
        let n = usize::from(years);
        let mut c = match &self.capacity {
            Some(c) if c.len() == n => c.clone(),
            _ if shown.len() == n => shown.iter().map(|c| (*c).min(MAX_CAPACITY)).collect(),
            _ => even_split(shown.iter().map(|c| *c as usize).sum(), n),
        };
        c[usize::from(year - 1)] = coaches;
        self.capacity = Some(c);
        Ok(())
    }

    /// Go back to splitting the schools evenly over the years.
    pub fn reset_capacity(&mut self) {
        self.capacity = None;
    }

    /// The gate for planning (`None`: the framework's own).
    pub fn set_gate(&mut self, gate: Option<u8>) -> Result<(), String> {
        if let Some(g) = gate {
            if g >= MAX_LEVEL {
                return Err(format!(
                    "A gate at {g} would hold back every school; choose 0 (off) to {}.",
                    MAX_LEVEL - 1
                ));
            }
        }
        self.gate = gate;
        Ok(())
    }

    /// Override a criterion's weight for planning; `None` goes back to the framework's.
    pub fn set_weight(&mut self, criterion: &str, weight: Option<u32>) -> Result<(), String> {
        match weight {
            Some(w) if w > MAX_WEIGHT => Err(format!(
                "Weights run from 0 to {MAX_WEIGHT}; {w} is out of range."
            )),
            Some(w) => {
                self.weights.insert(criterion.to_string(), w);
                Ok(())
            }
            None => {
                self.weights.remove(criterion);
                Ok(())
            }
        }
    }
}

/// `n` split into `parts` sizes that differ by at most one, larger first.
pub fn even_split(n: usize, parts: usize) -> Vec<u32> {
    let parts = parts.max(1);
    (0..parts)
        .map(|i| (n / parts + usize::from(i < n % parts)) as u32)
        .collect()
}

impl PhaseIn {
    pub fn is_empty(&self) -> bool {
        *self == PhaseIn::default()
    }

    pub fn pin(&self, school: &Id) -> Option<&Pin> {
        self.pins.iter().find(|p| &p.school_id == school)
    }

    pub fn plan(&self, school: &Id) -> Option<&ReadinessPlan> {
        self.plans.iter().find(|p| &p.school_id == school)
    }

    pub fn plan_mut(&mut self, school: &Id) -> Option<&mut ReadinessPlan> {
        self.plans.iter_mut().find(|p| &p.school_id == school)
    }

    /// Plan over `years` years (see [`Settings::set_years`]).
    pub fn set_years(&mut self, years: u8) -> Result<(), String> {
        self.settings.set_years(years)
    }

    pub fn set_capacity(&mut self, year: u8, coaches: u32, shown: &[u32]) -> Result<(), String> {
        self.settings.set_capacity(year, coaches, shown)
    }

    pub fn reset_capacity(&mut self) {
        self.settings.reset_capacity();
    }

    pub fn set_gate(&mut self, gate: Option<u8>) -> Result<(), String> {
        self.settings.set_gate(gate)
    }

    pub fn set_weight(&mut self, criterion: &str, weight: Option<u32>) -> Result<(), String> {
        self.settings.set_weight(criterion, weight)
    }

    pub fn scenario(&self, id: &Id) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| &s.id == id)
    }

    pub fn scenario_mut(&mut self, id: &Id) -> Option<&mut Scenario> {
        self.scenarios.iter_mut().find(|s| &s.id == id)
    }

    fn check_scenario_name(&self, name: &str, except: Option<&Id>) -> Result<String, String> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(
                "Give the scenario a name, such as \u{201c}Four coaches in year 1\u{201d}.".into(),
            );
        }
        let n = name.chars().count();
        if n > MAX_SCENARIO_NAME {
            return Err(format!(
                "The name is {n} characters long; the limit is {MAX_SCENARIO_NAME}."
            ));
        }
        if self
            .scenarios
            .iter()
            .any(|s| Some(&s.id) != except && s.name.to_lowercase() == name.to_lowercase())
        {
            return Err(format!(
                "There is already a scenario called {}.",
                text::quote_short(&name)
            ));
        }
        Ok(name)
    }

    /// A new scenario that starts from the adopted settings.
    pub fn add_scenario(&mut self, id: Id, name: &str, now: &str) -> Result<(), String> {
        let name = self.check_scenario_name(name, None)?;
        self.scenarios.push(Scenario {
            id,
            name,
            settings: self.settings.clone(),
            created_at: now.to_string(),
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn rename_scenario(&mut self, id: &Id, name: &str) -> Result<(), String> {
        let name = self.check_scenario_name(name, Some(id))?;
        let s = self
            .scenario_mut(id)
            .ok_or_else(|| "That scenario no longer exists.".to_string())?;
        s.name = name;
        Ok(())
    }

    /// Remove a scenario and return it with its place, for undo.
    pub fn remove_scenario(&mut self, id: &Id) -> Option<(usize, Scenario)> {
        let i = self.scenarios.iter().position(|s| &s.id == id)?;
        Some((i, self.scenarios.remove(i)))
    }

    pub fn restore_scenario(&mut self, at: usize, scenario: Scenario) {
        self.scenarios.retain(|s| s.id != scenario.id);
        let at = at.min(self.scenarios.len());
        self.scenarios.insert(at, scenario);
    }

    /// Make a scenario's settings the adopted plan's, in one step; the result undoes it
    /// ([`PhaseIn::undo_adoption`]). The scenario stays, now equal to the plan.
    pub fn adopt(&mut self, id: &Id, now: &str) -> Result<Adoption, String> {
        let settings = self
            .scenario(id)
            .ok_or_else(|| "That scenario no longer exists.".to_string())?
            .settings
            .clone();
        let before = Adoption {
            settings: std::mem::replace(&mut self.settings, settings),
            adopted_at: self.adopted_at.replace(now.to_string()),
        };
        Ok(before)
    }

    pub fn undo_adoption(&mut self, before: Adoption) {
        self.settings = before.settings;
        self.adopted_at = before.adopted_at;
    }

    /// Pin a school to a year, with a rationale (required: the decision brief shows it). A
    /// school has one pin at most; pinning again replaces it. This checks only the pin's
    /// own fields: [`super::plan::pin_school`] also checks that the plan can keep it.
    pub fn set_pin(
        &mut self,
        school: &Id,
        year: u8,
        rationale: &str,
        overrides: bool,
        now: &str,
    ) -> Result<(), String> {
        let years = self.settings.years;
        if year == 0 || year > years {
            return Err(format!("Year {year} is not in the {years}-year plan."));
        }
        let rationale = rationale.trim();
        if rationale.is_empty() {
            return Err(
                "Write why this school goes in that year: the decision brief shows the reason for every override."
                    .into(),
            );
        }
        let rationale = text::clean_note("The rationale", rationale)?;
        match self.pins.iter_mut().find(|p| &p.school_id == school) {
            Some(p) => {
                p.year = year;
                p.rationale = rationale;
                p.overrides = overrides;
            }
            None => self.pins.push(Pin {
                school_id: school.clone(),
                year,
                rationale,
                created_at: now.to_string(),
                overrides,
                extra: Extra::new(),
            }),
        }
        Ok(())
    }

    /// The brief's cover note (blank clears it).
    pub fn set_cover_note(&mut self, note: &str) -> Result<(), String> {
        self.cover_note = text::clean_note("The cover note", note)?;
        Ok(())
    }

    /// Remove a school's pin and return it, for undo.
    pub fn unpin(&mut self, school: &Id) -> Option<(usize, Pin)> {
        let i = self.pins.iter().position(|p| &p.school_id == school)?;
        Some((i, self.pins.remove(i)))
    }

    pub fn restore_pin(&mut self, at: usize, pin: Pin) {
        self.pins.retain(|p| p.school_id != pin.school_id);
        let at = at.min(self.pins.len());
        self.pins.insert(at, pin);
    }

    fn settings_problems_of(&self, sc: &Scenario) -> Vec<String> {
        let what = format!("Scenario {}", text::quote_short(&sc.name));
        let mut out = sc.settings.problems(&what);
        if sc.name.trim().is_empty() {
            out.push(format!("Scenario {} has no name.", sc.id));
        }
        let n = sc.name.chars().count();
        if n > MAX_SCENARIO_NAME {
            out.push(format!(
                "Scenario {} has a name of {} characters; the limit is {MAX_SCENARIO_NAME}.",
                sc.id,
                text::thousands(n as u64)
            ));
        }
        out
    }

    /// Everything that makes the stored planner unfit: the message names the problem.
    pub fn problems(&self, school_exists: impl Fn(&Id) -> bool) -> Vec<String> {
        let mut out = self.settings.problems("The phase-in plan");
        let mut ids = std::collections::HashSet::new();
        for sc in &self.scenarios {
            out.extend(self.settings_problems_of(sc).into_iter().chain(
                (!ids.insert(&sc.id)).then(|| format!("Scenario {} appears twice.", sc.id)),
            ));
        }
        let n = self.cover_note.chars().count();
        if n > text::MAX_NOTE_CHARS {
            out.push(format!(
                "The cover note is {} characters long; the limit is {}.",
                text::thousands(n as u64),
                text::thousands(text::MAX_NOTE_CHARS as u64)
            ));
        }
        let mut pinned = std::collections::HashSet::new();
        for p in &self.pins {
            if !(1..=MAX_YEARS).contains(&p.year) {
                out.push(format!(
                    "School {} is pinned to year {}; a plan has years 1 to {MAX_YEARS}.",
                    p.school_id, p.year
                ));
            }
            let n = p.rationale.chars().count();
            if n > text::MAX_NOTE_CHARS {
                out.push(format!(
                    "The pin for school {} has a rationale of {} characters; the limit is {}.",
                    p.school_id,
                    text::thousands(n as u64),
                    text::thousands(text::MAX_NOTE_CHARS as u64)
                ));
            }
            if !school_exists(&p.school_id) {
                out.push(format!(
                    "A pin names a school that is not in the district ({}).",
                    p.school_id
                ));
            }
            if !pinned.insert(&p.school_id) {
                out.push(format!("School {} is pinned twice.", p.school_id));
            }
            if p.rationale.trim().is_empty() {
                out.push(format!(
                    "The pin for school {} has no rationale.",
                    p.school_id
                ));
            }
        }
        let mut planned = std::collections::HashSet::new();
        for p in &self.plans {
            if !school_exists(&p.school_id) {
                out.push(format!(
                    "A readiness plan names a school that is not in the district ({}).",
                    p.school_id
                ));
            }
            if !planned.insert(&p.school_id) {
                out.push(format!("School {} has two readiness plans.", p.school_id));
            }
            out.extend(p.problems());
        }
        out
    }
}
