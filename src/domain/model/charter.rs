//! The coaching-model charter (seed 001): the model and its research, the vision, the
//! targeted outcomes, the roles and responsibilities, what coaching is and is not, the
//! alignment with the district's goals and initiatives, the stakeholders, and the elements
//! of the model that campuses may or may not adapt.
//!
//! The district edits one draft ([`Charter`]); publishing copies it into a numbered
//! [`Version`] that never changes (see `super::Model::publish`).

use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text::{self, clean_name, clean_note};
use serde::{Deserialize, Serialize};

/// One of the charter's lists: its items are found, replaced and removed by ID.
pub trait Item: Clone {
    fn id(&self) -> &Id;
}

macro_rules! item {
    ($($t:ty),*) => { $(impl Item for $t { fn id(&self) -> &Id { &self.id } })* };
}
item!(
    Outcome,
    Responsibility,
    Statement,
    Goal,
    Stakeholder,
    Element
);

/// Replace the item with the same ID, or add it at the end.
pub fn upsert<T: Item>(list: &mut Vec<T>, item: T) {
    match list.iter_mut().find(|x| x.id() == item.id()) {
        Some(x) => *x = item,
        None => list.push(item),
    }
}

/// Remove the item `id`; returns where it was and the item, for an undo.
pub fn take<T: Item>(list: &mut Vec<T>, id: &Id) -> Option<(usize, T)> {
    let at = list.iter().position(|x| x.id() == id)?;
    Some((at, list.remove(at)))
}

/// Put back an item [`take`] removed, where it was (or at the end of a shorter list).
/// Nothing happens if an item with its ID is there already.
pub fn put_back<T: Item>(list: &mut Vec<T>, at: usize, item: T) {
    if list.iter().any(|x| x.id() == item.id()) {
        return;
    }
    list.insert(at.min(list.len()), item);
}

/// Move the item `id` one place up (`-1`) or down (`1`); false at either end.
pub fn shift<T: Item>(list: &mut [T], id: &Id, by: isize) -> bool {
    let Some(at) = list.iter().position(|x| x.id() == id) else {
        return false;
    };
    let to = at as isize + by;
    if to < 0 || to as usize >= list.len() {
        return false;
    }
    list.swap(at, to as usize);
    true
}

/// A short line of text (a title, an indicator): at most this many characters.
pub const MAX_LINE_CHARS: usize = 200;

/// A required one-line text, trimmed, with its limit. The error names `what`.
pub fn clean_line(what: &str, raw: &str) -> Result<String, String> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        return Err(format!("{what} can't be empty."));
    }
    let n = s.chars().count();
    if n > MAX_LINE_CHARS {
        return Err(format!(
            "{what} is {n} characters long; the limit is {MAX_LINE_CHARS}."
        ));
    }
    Ok(s)
}

/// An optional one-line text: empty is allowed.
pub fn clean_optional_line(what: &str, raw: &str) -> Result<String, String> {
    if raw.trim().is_empty() {
        Ok(String::new())
    } else {
        clean_line(what, raw)
    }
}

/// The charter: what the district publishes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Charter {
    /// The model's name ("Impact cycle coaching").
    #[serde(default)]
    pub name: String,
    /// The research it follows, in free text.
    #[serde(default)]
    pub research: String,
    /// Where the research is published.
    #[serde(default)]
    pub citation: String,
    /// A short statement.
    #[serde(default)]
    pub vision: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// The roles and responsibilities matrix, one row per responsibility.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Responsibility>,
    /// What coaching is and is not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    /// The district's goals and its existing initiatives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Who was included in the decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// The elements of the model, and which of them campuses may not adapt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<Element>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The vision: a short statement, at most this many characters.
pub const MAX_VISION_CHARS: usize = 600;

/// A targeted outcome, measurable: "% of teachers in a coaching cycle each semester", from
/// 20% to 60% by 2027-06-30.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub id: Id,
    pub title: String,
    /// How it is measured.
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    /// YYYY-MM-DD.
    pub by: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The four columns of the roles matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Coach,
    Teacher,
    Principal,
    District,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Coach, Role::Teacher, Role::Principal, Role::District];

    pub fn label(self) -> &'static str {
        match self {
            Role::Coach => "Coach",
            Role::Teacher => "Teacher",
            Role::Principal => "Principal or school administrator",
            Role::District => "District",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Role::Principal => "Principal",
            r => r.label(),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Coach => "coach",
            Role::Teacher => "teacher",
            Role::Principal => "principal",
            Role::District => "district",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What a role does for a responsibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Leads,
    Supports,
    Consulted,
    Informed,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Leads, Part::Supports, Part::Consulted, Part::Informed];

    pub fn label(self) -> &'static str {
        match self {
            Part::Leads => "Leads",
            Part::Supports => "Supports",
            Part::Consulted => "Is consulted",
            Part::Informed => "Is informed",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Part::Leads => "leads",
            Part::Supports => "supports",
            Part::Consulted => "consulted",
            Part::Informed => "informed",
        }
    }

    pub fn from_key(k: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == k)
    }
}

/// A row of the roles matrix: a responsibility, and each role's part in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Responsibility {
    pub id: Id,
    pub text: String,
    /// By [`Role`], in its order; `None`: no part.
    #[serde(default)]
    pub parts: [Option<Part>; 4],
    #[serde(flatten)]
    pub extra: Extra,
}

impl Responsibility {
    pub fn part(&self, r: Role) -> Option<Part> {
        self.parts[r.index()]
    }

    pub fn set_part(&mut self, r: Role, p: Option<Part>) {
        self.parts[r.index()] = p;
    }

    /// The roles that lead it.
    pub fn leads(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|&r| self.part(r) == Some(Part::Leads))
            .collect()
    }
}

/// A line of "what coaching is and is not".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub id: Id,
    pub text: String,
    /// True: coaching is this; false: coaching is not this.
    pub is: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalKind {
    Goal,
    Initiative,
}

impl GoalKind {
    pub fn label(self) -> &'static str {
        match self {
            GoalKind::Goal => "District goal",
            GoalKind::Initiative => "Existing initiative",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            GoalKind::Goal => "goal",
            GoalKind::Initiative => "initiative",
        }
    }
}

/// A district goal or an existing initiative, and the outcomes that serve it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: Id,
    pub kind: GoalKind,
    pub title: String,
    /// The outcomes that serve it, by ID.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub served_by: Vec<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A group included in the decision: its input, and whether and when it signed off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stakeholder {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub input: String,
    #[serde(default)]
    pub signed_off: bool,
    /// YYYY-MM-DD: of the sign-off, or of the input while it is pending; may be empty.
    #[serde(default)]
    pub on: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An element of the model a campus might adapt; the district marks some non-negotiable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Element {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub non_negotiable: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The charter's sections, for what changed and for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Model,
    Vision,
    Outcomes,
    Roles,
    Statements,
    Alignment,
    Stakeholders,
    Elements,
}

impl Section {
    pub fn label(self) -> &'static str {
        match self {
            Section::Model => "Model",
            Section::Vision => "Vision",
            Section::Outcomes => "Targeted outcomes",
            Section::Roles => "Roles and responsibilities",
            Section::Statements => "What coaching is and is not",
            Section::Alignment => "Alignment",
            Section::Stakeholders => "Stakeholders",
            Section::Elements => "Elements campuses may adapt",
        }
    }
}

impl Charter {
    pub fn outcome(&self, id: &Id) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| &o.id == id)
    }

    pub fn element(&self, id: &Id) -> Option<&Element> {
        self.elements.iter().find(|e| &e.id == id)
    }

    /// Set the model's name, research and citation, and the vision.
    pub fn set_basics(
        &mut self,
        name: &str,
        research: &str,
        citation: &str,
        vision: &str,
    ) -> Result<(), (Section, String)> {
        let name =
            clean_optional_line("The model's name", name).map_err(|e| (Section::Model, e))?;
        let research = clean_note("The research", research).map_err(|e| (Section::Model, e))?;
        let citation = clean_note("The citation", citation).map_err(|e| (Section::Model, e))?;
        let vision = vision.trim();
        let n = vision.chars().count();
        if n > MAX_VISION_CHARS {
            return Err((
                Section::Vision,
                format!("The vision is {n} characters long; a short statement is at most {MAX_VISION_CHARS}."),
            ));
        }
        self.name = name;
        self.research = research;
        self.citation = citation;
        self.vision = vision.to_string();
        Ok(())
    }

    /// Add or change an outcome. Every field is needed: an outcome is measurable.
    pub fn put_outcome(&mut self, o: Outcome) -> Result<(), (OutcomeField, String)> {
        let o = checked_outcome(o)?;
        if self
            .outcomes
            .iter()
            .any(|x| x.id != o.id && crate::domain::district::same_name(&x.title, &o.title))
        {
            return Err((
                OutcomeField::Title,
                format!(
                    "There is already an outcome called {}.",
                    text::quote_short(&o.title)
                ),
            ));
        }
        upsert(&mut self.outcomes, o);
        Ok(())
    }

    /// Remove an outcome and its links to goals; [`Charter::restore_outcome`] undoes it.
    pub fn remove_outcome(&mut self, id: &Id) -> Option<RemovedOutcome> {
        let (at, outcome) = take(&mut self.outcomes, id)?;
        let mut links = Vec::new();
        for g in &mut self.goals {
            if let Some(i) = g.served_by.iter().position(|x| x == id) {
                g.served_by.remove(i);
                links.push((g.id.clone(), i));
            }
        }
        Some(RemovedOutcome { at, outcome, links })
    }

    pub fn restore_outcome(&mut self, r: RemovedOutcome) {
        let id = r.outcome.id.clone();
        put_back(&mut self.outcomes, r.at, r.outcome);
        for (g, i) in r.links {
            if let Some(g) = self.goals.iter_mut().find(|x| x.id == g) {
                if !g.served_by.contains(&id) {
                    g.served_by.insert(i.min(g.served_by.len()), id.clone());
                }
            }
        }
    }

    /// Add or change a row of the roles matrix.
    pub fn put_responsibility(&mut self, r: Responsibility) -> Result<(), String> {
        let text = clean_line("The responsibility", &r.text)?;
        if self
            .roles
            .iter()
            .any(|x| x.id != r.id && crate::domain::district::same_name(&x.text, &text))
        {
            return Err(format!(
                "The matrix already has {}.",
                text::quote_short(&text)
            ));
        }
        upsert(&mut self.roles, Responsibility { text, ..r });
        Ok(())
    }

    /// Set one cell of the roles matrix.
    pub fn set_part(&mut self, row: &Id, role: Role, part: Option<Part>) -> Result<(), String> {
        let r = self
            .roles
            .iter_mut()
            .find(|x| &x.id == row)
            .ok_or("That responsibility is no longer in the matrix.")?;
        r.set_part(role, part);
        Ok(())
    }

    pub fn put_statement(&mut self, s: Statement) -> Result<(), String> {
        let text = clean_line("The statement", &s.text)?;
        upsert(&mut self.statements, Statement { text, ..s });
        Ok(())
    }

    /// Add or change a goal or initiative; links to outcomes that no longer exist are dropped.
    pub fn put_goal(&mut self, g: Goal) -> Result<(), String> {
        let title = clean_line(
            match g.kind {
                GoalKind::Goal => "The goal",
                GoalKind::Initiative => "The initiative",
            },
            &g.title,
        )?;
        if self
            .goals
            .iter()
            .any(|x| x.id != g.id && crate::domain::district::same_name(&x.title, &title))
        {
            return Err(format!(
                "There is already a goal or initiative called {}.",
                text::quote_short(&title)
            ));
        }
        let mut served_by = Vec::new();
        for o in g.served_by {
            if self.outcome(&o).is_some() && !served_by.contains(&o) {
                served_by.push(o);
            }
        }
        upsert(
            &mut self.goals,
            Goal {
                title,
                served_by,
                ..g
            },
        );
        Ok(())
    }

    /// Say whether outcome `outcome` serves goal `goal`.
    pub fn set_serves(&mut self, goal: &Id, outcome: &Id, serves: bool) -> Result<(), String> {
        if self.outcome(outcome).is_none() {
            return Err("That outcome is no longer in the charter.".into());
        }
        let g = self
            .goals
            .iter_mut()
            .find(|x| &x.id == goal)
            .ok_or("That goal is no longer in the charter.")?;
        let has = g.served_by.contains(outcome);
        if serves && !has {
            g.served_by.push(outcome.clone());
        } else if !serves && has {
            g.served_by.retain(|x| x != outcome);
        }
        Ok(())
    }

    pub fn put_stakeholder(&mut self, s: Stakeholder) -> Result<(), (StakeholderField, String)> {
        let name = clean_name("The stakeholder's name", &s.name)
            .map_err(|e| (StakeholderField::Name, e))?;
        let input =
            clean_note("Their input", &s.input).map_err(|e| (StakeholderField::Input, e))?;
        let on = if s.on.trim().is_empty() {
            if s.signed_off {
                return Err((
                    StakeholderField::On,
                    "A sign-off needs its date.".to_string(),
                ));
            }
            String::new()
        } else {
            dates::check(&s.on).map_err(|e| (StakeholderField::On, e))?
        };
        if self
            .stakeholders
            .iter()
            .any(|x| x.id != s.id && crate::domain::district::same_name(&x.name, &name))
        {
            return Err((
                StakeholderField::Name,
                format!("{} is already a stakeholder.", text::quote_short(&name)),
            ));
        }
        upsert(
            &mut self.stakeholders,
            Stakeholder {
                name,
                input,
                on,
                ..s
            },
        );
        Ok(())
    }

    pub fn put_element(&mut self, e: Element) -> Result<(), String> {
        let name = clean_line("The element", &e.name)?;
        if self
            .elements
            .iter()
            .any(|x| x.id != e.id && crate::domain::district::same_name(&x.name, &name))
        {
            return Err(format!(
                "There is already an element called {}.",
                text::quote_short(&name)
            ));
        }
        upsert(&mut self.elements, Element { name, ..e });
        Ok(())
    }

    /// What a charter must have before it is published: a sentence per missing piece.
    pub fn missing(&self) -> Vec<(Section, String)> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push((Section::Model, "The model needs a name.".to_string()));
        }
        if self.vision.trim().is_empty() {
            out.push((Section::Vision, "The charter needs a vision.".to_string()));
        }
        if self.outcomes.is_empty() {
            out.push((
                Section::Outcomes,
                "The charter needs at least one targeted outcome.".to_string(),
            ));
        }
        if self.roles.is_empty() {
            out.push((
                Section::Roles,
                "The roles matrix needs at least one responsibility.".to_string(),
            ));
        }
        out
    }

    /// The stakeholders whose sign-off is pending.
    pub fn pending_sign_offs(&self) -> Vec<&Stakeholder> {
        self.stakeholders.iter().filter(|s| !s.signed_off).collect()
    }
}

/// An outcome removed, with the goals it served (and where in each list), for the undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedOutcome {
    pub at: usize,
    pub outcome: Outcome,
    pub links: Vec<(Id, usize)>,
}

/// The outcome form's fields, so a refusal puts focus on the right one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeField {
    Title,
    Indicator,
    Baseline,
    Target,
    By,
}

/// The stakeholder form's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StakeholderField {
    Name,
    Input,
    On,
}

fn checked_outcome(o: Outcome) -> Result<Outcome, (OutcomeField, String)> {
    let title = clean_line("The outcome", &o.title).map_err(|e| (OutcomeField::Title, e))?;
    let indicator = clean_line("The indicator", &o.indicator).map_err(|_| {
        (
            OutcomeField::Indicator,
            "Say how the outcome is measured: its indicator.".to_string(),
        )
    })?;
    let baseline = clean_line("The baseline", &o.baseline).map_err(|_| {
        (
            OutcomeField::Baseline,
            "Give the baseline: where it stands today.".to_string(),
        )
    })?;
    let target = clean_line("The target", &o.target)
        .map_err(|_| (OutcomeField::Target, "Give the target.".to_string()))?;
    if o.by.trim().is_empty() {
        return Err((
            OutcomeField::By,
            "Give the date the target is for.".to_string(),
        ));
    }
    let by = dates::check(&o.by).map_err(|e| (OutcomeField::By, e))?;
    Ok(Outcome {
        title,
        indicator,
        baseline,
        target,
        by,
        ..o
    })
}

/// Alignment gaps: outcomes that serve no goal, goals and initiatives no outcome serves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gaps {
    pub outcomes: Vec<Id>,
    pub goals: Vec<Id>,
}

impl Gaps {
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty() && self.goals.is_empty()
    }

    pub fn count(&self) -> usize {
        self.outcomes.len() + self.goals.len()
    }
}

/// The charter's alignment gaps.
pub fn gaps(c: &Charter) -> Gaps {
    let served: std::collections::HashSet<&Id> =
        c.goals.iter().flat_map(|g| g.served_by.iter()).collect();
    Gaps {
        outcomes: c
            .outcomes
            .iter()
            .filter(|o| !served.contains(&o.id))
            .map(|o| o.id.clone())
            .collect(),
        goals: c
            .goals
            .iter()
            .filter(|g| !g.served_by.iter().any(|o| c.outcome(o).is_some()))
            .map(|g| g.id.clone())
            .collect(),
    }
}
