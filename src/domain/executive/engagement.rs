//! One engagement: one principal, one coach, one school year, in four phases (seed 004).

use super::tier::Allowance;
use crate::domain::dates;
use crate::domain::district::Extra;
use crate::domain::ids::Id;
use crate::domain::text;
use serde::{Deserialize, Serialize};
use time::Date;

/// The four phases of the program, in order.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    #[default]
    Assessment,
    Planning,
    WorkPlan,
    Implementation,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Assessment,
        Phase::Planning,
        Phase::WorkPlan,
        Phase::Implementation,
    ];

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Assessment => "Assessment and reflection",
            Phase::Planning => "Planning",
            Phase::WorkPlan => "Work plan",
            Phase::Implementation => "Implementation, monitoring and evaluation",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Phase::Assessment => "Assessment",
            Phase::Planning => "Planning",
            Phase::WorkPlan => "Work plan",
            Phase::Implementation => "Implementation",
        }
    }

    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.number()).copied()
    }

    /// Weeks after the start by which the phase is expected to be done, by default
    /// (implementation runs to the end of the engagement).
    fn default_weeks(self) -> Option<i64> {
        match self {
            Phase::Assessment => Some(4),
            Phase::Planning => Some(8),
            Phase::WorkPlan => Some(12),
            Phase::Implementation => None,
        }
    }
}

/// The content strands of seed 004, which the self-reflection rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strand {
    SystemsThinking,
    Vision,
    TeachingAndLearning,
    HumanRelationships,
    CultureForLearning,
}

impl Strand {
    pub const ALL: [Strand; 5] = [
        Strand::SystemsThinking,
        Strand::Vision,
        Strand::TeachingAndLearning,
        Strand::HumanRelationships,
        Strand::CultureForLearning,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Strand::SystemsThinking => "Systems thinking",
            Strand::Vision => "Vision",
            Strand::TeachingAndLearning => "Teaching and learning",
            Strand::HumanRelationships => "Human relationships",
            Strand::CultureForLearning => "Culture for learning",
        }
    }

    /// What the strand covers, in the seed's words.
    pub fn covers(self) -> &'static str {
        match self {
            Strand::SystemsThinking => {
                "Responding to assessment results, connections to vision, improvement planning, change processes"
            }
            Strand::Vision => "Believing all children can learn",
            Strand::TeachingAndLearning => {
                "Curriculum, use of data, supervision and evaluation, professional learning communities"
            }
            Strand::HumanRelationships => {
                "Working with different people, right work and right team, culture and community"
            }
            Strand::CultureForLearning => "Distributive leadership, climate, human relationships",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Strand::SystemsThinking => "systems-thinking",
            Strand::Vision => "vision",
            Strand::TeachingAndLearning => "teaching-and-learning",
            Strand::HumanRelationships => "human-relationships",
            Strand::CultureForLearning => "culture-for-learning",
        }
    }

    pub fn from_key(k: &str) -> Option<Strand> {
        Strand::ALL.into_iter().find(|s| s.key() == k)
    }
}

/// The levels of a self-reflection, 1 to 4.
pub const LEVELS: [&str; 4] = ["Below standard", "Developing", "Proficient", "Exemplary"];

/// A level's name; "Not rated" outside 1–4.
pub fn level_label(level: u8) -> &'static str {
    match level {
        1..=4 => LEVELS[usize::from(level - 1)],
        _ => "Not rated",
    }
}

/// One strand of a self-reflection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StrandRating {
    /// 1–4, or 0 while not rated.
    #[serde(default)]
    pub level: u8,
    #[serde(default)]
    pub evidence: String,
}

/// The principal's self-reflection, one rating per strand in [`Strand::ALL`]'s order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reflection {
    #[serde(default)]
    pub strands: Vec<StrandRating>,
    /// YYYY-MM-DD, when the principal finished it; empty until then.
    #[serde(default)]
    pub completed_on: String,
}

impl Reflection {
    pub fn rating(&self, s: Strand) -> StrandRating {
        self.strands.get(s as usize).cloned().unwrap_or_default()
    }

    /// The strands without a level, or with a level but no evidence, in words.
    pub fn missing(&self) -> Vec<String> {
        Strand::ALL
            .iter()
            .filter_map(|&s| {
                let r = self.rating(s);
                if !(1..=4).contains(&r.level) {
                    Some(format!("{}: no level", s.label()))
                } else if r.evidence.trim().is_empty() {
                    Some(format!("{}: no evidence", s.label()))
                } else {
                    None
                }
            })
            .collect()
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    fn set(&mut self, s: Strand, level: u8, evidence: &str) -> Result<(), String> {
        if level > 4 {
            return Err("A level is from 1 (below standard) to 4 (exemplary).".into());
        }
        let evidence = text::clean_note(&format!("The evidence for {}", s.label()), evidence)?;
        if self.strands.len() < Strand::ALL.len() {
            self.strands
                .resize(Strand::ALL.len(), StrandRating::default());
        }
        self.strands[s as usize] = StrandRating { level, evidence };
        Ok(())
    }
}

/// How often an objective's progress is monitored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    Weekly,
    #[default]
    Monthly,
    Quarterly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Monthly, Cadence::Quarterly];

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "Weekly",
            Cadence::Monthly => "Monthly",
            Cadence::Quarterly => "Quarterly",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }

    pub fn from_key(k: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.key() == k)
    }

    /// Days between two check-ins.
    pub fn days(self) -> i64 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Monthly => 30,
            Cadence::Quarterly => 91,
        }
    }
}

/// A progress check's rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    NotStarted,
    SomeProgress,
    OnTrack,
    Achieved,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::NotStarted,
        Rating::SomeProgress,
        Rating::OnTrack,
        Rating::Achieved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Rating::NotStarted => "Not started",
            Rating::SomeProgress => "Some progress",
            Rating::OnTrack => "On track",
            Rating::Achieved => "Achieved",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Rating::NotStarted => "not-started",
            Rating::SomeProgress => "some-progress",
            Rating::OnTrack => "on-track",
            Rating::Achieved => "achieved",
        }
    }

    pub fn from_key(k: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.key() == k)
    }
}

/// The end-of-year verdict on an objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Met,
    PartlyMet,
    NotMet,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Met, Outcome::PartlyMet, Outcome::NotMet];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Met => "Met",
            Outcome::PartlyMet => "Partly met",
            Outcome::NotMet => "Not met",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::PartlyMet => "partly-met",
            Outcome::NotMet => "not-met",
        }
    }

    pub fn from_key(k: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == k)
    }
}

/// One action step of the work plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub id: Id,
    pub action: String,
    #[serde(default)]
    pub owner: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub start: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub due: String,
    /// The targeted professional development, if any.
    #[serde(default)]
    pub pd: String,
    #[serde(default)]
    pub done: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One progress check on an objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub id: Id,
    pub date: String,
    pub rating: Rating,
    #[serde(default)]
    pub evidence: String,
}

/// A key objective for improvement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Objective {
    pub id: Id,
    pub title: String,
    /// Indicators of success, in words (one per line).
    #[serde(default)]
    pub indicators: String,
    #[serde(default)]
    pub cadence: Cadence,
    #[serde(default)]
    pub steps: Vec<Step>,
    #[serde(default)]
    pub checks: Vec<Check>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Objective {
    pub fn has_indicators(&self) -> bool {
        !self.indicators.trim().is_empty()
    }

    /// The latest check, by date (the later-entered one on a tie).
    pub fn latest(&self) -> Option<&Check> {
        self.checks
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.date.cmp(&b.date).then(i.cmp(j)))
            .map(|(_, c)| c)
    }

    /// When the next check is due: a cadence after the latest check, or after `from`
    /// (implementation's start) when there is none.
    pub fn next_check_due(&self, from: &str) -> Option<Date> {
        let last = self.latest().map_or(from, |c| c.date.as_str());
        let d = dates::parse_shape(last)?;
        d.checked_add(time::Duration::days(self.cadence.days()))
    }
}

/// The smallest and largest number of key objectives a plan is agreed with (seed 004).
pub const MIN_OBJECTIVES: usize = 2;
pub const MAX_OBJECTIVES: usize = 3;

/// A title in curly quotes, whole: objective titles are names (at most 120 characters).
fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// A move to the next phase, kept as the engagement's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseMove {
    pub to: Phase,
    pub on: String,
    /// Set when the lead moved on before the phase had what it needs: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_reason: Option<String>,
    /// What the phase still needed then, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// The weekly on-site meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Weekly {
    /// 1 = Monday … 5 = Friday.
    pub weekday: u8,
    /// `HH:MM`, or empty.
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub place: String,
}

pub const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// The kinds of contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    OnSite,
    OffSite,
    Phone,
    Email,
    Cohort,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::OnSite,
        Kind::OffSite,
        Kind::Phone,
        Kind::Email,
        Kind::Cohort,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::OnSite => "On-site day",
            Kind::OffSite => "Off-site session",
            Kind::Phone => "Phone",
            Kind::Email => "Email",
            Kind::Cohort => "Cohort meeting",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::OnSite => "on-site",
            Kind::OffSite => "off-site",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Cohort => "cohort",
        }
    }

    pub fn from_key(k: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|x| x.key() == k)
    }

    /// Which allowance a contact of this kind uses: on-site days, off-site sessions (which
    /// the seed says include cohort meetings), or none (phone and email are unlimited).
    pub fn uses(self) -> Option<Use> {
        match self {
            Kind::OnSite => Some(Use::OnSite),
            Kind::OffSite | Kind::Cohort => Some(Use::OffSite),
            Kind::Phone | Kind::Email => None,
        }
    }
}

/// The two allowances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    OnSite,
    OffSite,
}

impl Use {
    pub fn noun(self, n: usize) -> String {
        match self {
            Use::OnSite => text::plural(n, "on-site day", "on-site days"),
            Use::OffSite => text::plural(n, "off-site session", "off-site sessions"),
        }
    }

    pub fn of(self, a: &Allowance) -> Option<u32> {
        match self {
            Use::OnSite => a.on_site_days,
            Use::OffSite => a.off_site_sessions,
        }
    }
}

/// The coach's stance in a contact (the seed's precepts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Instructional,
    Facilitative,
}

impl Stance {
    pub const ALL: [Stance; 2] = [Stance::Instructional, Stance::Facilitative];

    pub fn label(self) -> &'static str {
        match self {
            Stance::Instructional => "Instructional",
            Stance::Facilitative => "Facilitative",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Stance::Instructional => "instructional",
            Stance::Facilitative => "facilitative",
        }
    }

    pub fn from_key(k: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.key() == k)
    }
}

/// One contact between the coach and the principal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: Id,
    pub date: String,
    pub kind: Kind,
    /// Minutes, at least 1.
    pub minutes: u32,
    #[serde(default)]
    pub observation: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strand: Option<Strand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<Id>,
    /// Notes the principal sees.
    #[serde(default)]
    pub shared_notes: String,
    /// The coach's alone: never in a report, a CSV, a print-out or a link.
    #[serde(default)]
    pub private_notes: String,
    /// Set on the contacts a cohort session gives each engagement in its cohort (read, not
    /// stored: the session is stored once, in [`super::Executive::sessions`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The longest contact, in minutes: a whole day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// A duration typed in a form: whole minutes from 1 to a day ("90"), or hours and minutes
/// ("1:30"). The error is a sentence.
pub fn parse_minutes(raw: &str) -> Result<u32, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("Enter how long the contact took, in minutes (such as 45).".into());
    }
    if raw.starts_with('-') || raw.starts_with('\u{2212}') {
        return Err("A duration can't be negative.".into());
    }
    let minutes = if let Some((h, m)) = raw.split_once(':') {
        match (h.trim().parse::<u32>(), m.trim().parse::<u32>()) {
            (Ok(h), Ok(m)) if m < 60 && m.to_string().len() <= 2 => {
                h.checked_mul(60).and_then(|h| h.checked_add(m))
            }
            _ => None,
        }
    } else {
        raw.parse::<u32>().ok()
    };
    match minutes {
        None => Err(format!(
            "{} is not a duration: enter minutes (45) or hours and minutes (1:30).",
            text::quote_short(raw)
        )),
        Some(0) => Err("A contact takes at least a minute.".into()),
        Some(m) if m > MAX_MINUTES => Err(format!(
            "{m} minutes is more than a day; log each day as its own contact."
        )),
        Some(m) => Ok(m),
    }
}

/// "45 min", "1 h", "2 h 30 min".
pub fn duration(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// When each of the first three phases is expected to be done (YYYY-MM-DD, empty for "not
/// set"). Implementation runs to the engagement's end.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Targets {
    #[serde(default)]
    pub assessment: String,
    #[serde(default)]
    pub planning: String,
    #[serde(default)]
    pub work_plan: String,
}

/// One engagement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Engagement {
    pub id: Id,
    pub principal: String,
    pub school_id: Id,
    pub coach: String,
    pub tier_id: Id,
    /// The allowance agreed at the start: it stays, whatever the tier says later.
    pub allowance: Allowance,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub superintendent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort: Option<Id>,
    #[serde(default)]
    pub phase: Phase,
    #[serde(default)]
    pub targets: Targets,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PhaseMove>,
    /// Phase 1: the principal's self-reflection at the start.
    #[serde(default)]
    pub reflection: Reflection,
    /// Phase 1: the review of the school's data and improvement plan.
    #[serde(default)]
    pub data_review: String,
    /// Phase 2.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub focus_areas: String,
    #[serde(default)]
    pub norms: String,
    /// YYYY-MM-DD, when coach and principal agreed the plan; empty until then.
    #[serde(default)]
    pub plan_agreed_on: String,
    /// Phase 4: the end-of-year self-reflection.
    #[serde(default)]
    pub end_reflection: Reflection,
    /// Phase 4: the coach's own evaluation on the results.
    #[serde(default)]
    pub coach_evaluation: String,
    /// YYYY-MM-DD, when the annual assessment was completed; empty until then.
    #[serde(default)]
    pub completed_on: String,
    /// For the status report.
    #[serde(default)]
    pub next_steps: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Weekly>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What an engagement is set up with; see [`Engagement::new`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Setup {
    pub principal: String,
    pub school_id: Option<Id>,
    pub coach: String,
    pub tier_id: Option<Id>,
    pub start: String,
    pub end: String,
    pub superintendent: String,
    pub cohort: Option<Id>,
}

/// Which field of a set-up or a contact is wrong, for the form to point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Principal,
    School,
    Coach,
    Tier,
    Start,
    End,
    Superintendent,
    Date,
    Minutes,
    Notes,
    Other,
}

/// A refused edit: which field, and why in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub field: Field,
    pub message: String,
}

impl Refusal {
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        Refusal {
            field,
            message: message.into(),
        }
    }
}

impl From<Refusal> for String {
    fn from(r: Refusal) -> String {
        r.message
    }
}

fn date_of(raw: &str) -> Option<Date> {
    dates::parse_shape(raw)
}

fn plus_weeks(d: Date, w: i64) -> String {
    d.checked_add(time::Duration::weeks(w))
        .map(dates::iso)
        .unwrap_or_default()
}

/// Check the "who and when" of a set-up; the allowance comes from the tier.
/// A set-up's fields, checked.
pub(super) struct Checked {
    principal: String,
    school_id: Id,
    coach: String,
    tier_id: Id,
    start: String,
    end: String,
    superintendent: String,
}

pub(super) fn checked_setup(s: &Setup) -> Result<Checked, Refusal> {
    let principal = text::clean_name("The principal\u{2019}s name", &s.principal)
        .map_err(|m| Refusal::new(Field::Principal, m))?;
    let school = s
        .school_id
        .clone()
        .ok_or_else(|| Refusal::new(Field::School, "Choose the principal\u{2019}s school."))?;
    let coach = text::clean_name("The coach\u{2019}s name", &s.coach)
        .map_err(|m| Refusal::new(Field::Coach, m))?;
    let tier = s
        .tier_id
        .clone()
        .ok_or_else(|| Refusal::new(Field::Tier, "Choose a support tier."))?;
    let start = dates::check(&s.start)
        .map_err(|m| Refusal::new(Field::Start, format!("The start date: {m}")))?;
    let end =
        dates::check(&s.end).map_err(|m| Refusal::new(Field::End, format!("The end date: {m}")))?;
    if end <= start {
        return Err(Refusal::new(
            Field::End,
            "The end date must come after the start date.",
        ));
    }
    let superintendent = if s.superintendent.trim().is_empty() {
        String::new()
    } else {
        text::clean_name("The superintendent\u{2019}s name", &s.superintendent)
            .map_err(|m| Refusal::new(Field::Superintendent, m))?
    };
    Ok(Checked {
        principal,
        school_id: school,
        coach,
        tier_id: tier,
        start,
        end,
        superintendent,
    })
}

impl Engagement {
    /// A new engagement in phase 1, with the tier's allowance and default phase targets
    /// (4, 8 and 12 weeks after the start). The set-up is checked first
    /// ([`super::Executive::add`] checks the school, tier and cohort exist).
    pub fn new(id: Id, s: &Setup, allowance: Allowance) -> Result<Engagement, Refusal> {
        let Checked {
            principal,
            school_id,
            coach,
            tier_id,
            start,
            end,
            superintendent,
        } = checked_setup(s)?;
        let mut e = Engagement {
            id,
            principal,
            school_id,
            coach,
            tier_id,
            allowance,
            start,
            end,
            superintendent,
            cohort: s.cohort.clone(),
            phase: Phase::Assessment,
            targets: Targets::default(),
            history: Vec::new(),
            reflection: Reflection::default(),
            data_review: String::new(),
            objectives: Vec::new(),
            focus_areas: String::new(),
            norms: String::new(),
            plan_agreed_on: String::new(),
            end_reflection: Reflection::default(),
            coach_evaluation: String::new(),
            completed_on: String::new(),
            next_steps: String::new(),
            weekly: None,
            contacts: Vec::new(),
            extra: Extra::new(),
        };
        e.targets = e.default_targets();
        Ok(e)
    }

    pub fn default_targets(&self) -> Targets {
        let Some(start) = date_of(&self.start) else {
            return Targets::default();
        };
        let w = |p: Phase| plus_weeks(start, p.default_weeks().unwrap_or(0));
        Targets {
            assessment: w(Phase::Assessment),
            planning: w(Phase::Planning),
            work_plan: w(Phase::WorkPlan),
        }
    }

    /// Change the who and when (not the tier's allowance, which stays as agreed). When the
    /// dates move, the phases' expected dates follow the start if they were never changed
    /// by hand; dates chosen by hand stay, unless they fall outside the new dates: those are
    /// cleared, and returned.
    pub(super) fn set_up(&mut self, s: &Setup) -> Result<Vec<Phase>, Refusal> {
        let Checked {
            principal,
            school_id,
            coach,
            tier_id,
            start,
            end,
            superintendent,
        } = checked_setup(s)?;
        if let Some(c) = self
            .contacts
            .iter()
            .find(|c| c.date < start || c.date > end)
        {
            return Err(Refusal::new(
                if c.date < start {
                    Field::Start
                } else {
                    Field::End
                },
                format!(
                    "A contact on {} would fall outside the engagement; move or remove it first.",
                    c.date
                ),
            ));
        }
        let old_defaults = self.default_targets();
        let moved = start != self.start || end != self.end;
        self.principal = principal;
        self.school_id = school_id;
        self.coach = coach;
        self.tier_id = tier_id;
        self.start = start;
        self.end = end;
        self.superintendent = superintendent;
        self.cohort = s.cohort.clone();
        let mut cleared = Vec::new();
        if moved {
            if self.targets == old_defaults {
                // Never changed by hand: they follow the new start.
                self.targets = self.default_targets();
            } else {
                // Chosen by hand: kept while they fall within the new dates.
                let (start, end) = (self.start.clone(), self.end.clone());
                for (phase, t) in [
                    (Phase::Assessment, &mut self.targets.assessment),
                    (Phase::Planning, &mut self.targets.planning),
                    (Phase::WorkPlan, &mut self.targets.work_plan),
                ] {
                    if !t.is_empty() && (*t < start || *t > end) {
                        t.clear();
                        cleared.push(phase);
                    }
                }
            }
        }
        Ok(cleared)
    }

    /// The date by which `phase` is expected to be done; `None` for implementation (it runs
    /// to the end) or when no target is set.
    pub fn target(&self, phase: Phase) -> Option<Date> {
        let raw = match phase {
            Phase::Assessment => &self.targets.assessment,
            Phase::Planning => &self.targets.planning,
            Phase::WorkPlan => &self.targets.work_plan,
            Phase::Implementation => &self.end,
        };
        date_of(raw)
    }

    pub fn set_target(&mut self, phase: Phase, raw: &str) -> Result<(), String> {
        let d = if raw.trim().is_empty() {
            String::new()
        } else {
            dates::check(raw)?
        };
        match phase {
            Phase::Assessment => self.targets.assessment = d,
            Phase::Planning => self.targets.planning = d,
            Phase::WorkPlan => self.targets.work_plan = d,
            Phase::Implementation => {
                return Err("Implementation runs to the end of the engagement.".into())
            }
        }
        Ok(())
    }

    /// Set when each of the first three phases is expected to be done, in phase order: each
    /// empty (no target) or a date within the engagement, on or after the one before it. On
    /// a refusal nothing changes, and the refusal names the phase whose date is wrong.
    pub fn set_targets(&mut self, raw: [&str; 3]) -> Result<(), (Phase, String)> {
        let mut checked = [String::new(), String::new(), String::new()];
        let mut previous: Option<(Phase, String)> = None;
        for (i, r) in raw.iter().enumerate() {
            let phase = Phase::ALL[i];
            if r.trim().is_empty() {
                continue;
            }
            let d = dates::check(r).map_err(|e| (phase, e))?;
            if d < self.start || d > self.end {
                return Err((
                    phase,
                    format!(
                        "{} is expected to be done within the engagement, from {} to {}.",
                        phase.label(),
                        self.start,
                        self.end
                    ),
                ));
            }
            if let Some((p, before)) = &previous {
                if d < *before {
                    return Err((
                        phase,
                        format!(
                            "{} can\u{2019}t be expected to be done before {} ({before}).",
                            phase.label(),
                            p.label().to_lowercase()
                        ),
                    ));
                }
            }
            previous = Some((phase, d.clone()));
            checked[i] = d;
        }
        let [assessment, planning, work_plan] = checked;
        self.targets = Targets {
            assessment,
            planning,
            work_plan,
        };
        Ok(())
    }

    pub fn is_complete(&self) -> bool {
        !self.completed_on.is_empty()
    }

    pub fn is_agreed(&self) -> bool {
        !self.plan_agreed_on.is_empty()
    }

    /// Whether the engagement runs on `today` (started, not ended, not completed).
    pub fn is_active(&self, today: Date) -> bool {
        !self.is_complete()
            && date_of(&self.start).is_some_and(|s| s <= today)
            && date_of(&self.end).is_some_and(|e| today <= e)
    }

    pub fn objective(&self, id: &Id) -> Option<&Objective> {
        self.objectives.iter().find(|o| &o.id == id)
    }

    fn objective_mut(&mut self, id: &Id) -> Result<&mut Objective, String> {
        self.objectives
            .iter_mut()
            .find(|o| &o.id == id)
            .ok_or_else(|| "That objective is no longer in the plan.".to_string())
    }

    // ---- Phase rules ------------------------------------------------------------------

    /// What `phase` needs before the next can begin, in words; empty when it has it all.
    /// For implementation: what the annual assessment needs before the engagement closes.
    pub fn needs(&self, phase: Phase) -> Vec<String> {
        let mut out = Vec::new();
        match phase {
            Phase::Assessment => {
                let missing = self.reflection.missing();
                if !missing.is_empty() {
                    out.push(format!(
                        "The principal\u{2019}s self-reflection: {} of 5 strands still need a level and evidence ({}).",
                        missing.len(),
                        missing.join("; ")
                    ));
                }
                if self.data_review.trim().is_empty() {
                    out.push(
                        "A review of the school\u{2019}s data and improvement plan.".to_string(),
                    );
                }
            }
            Phase::Planning => {
                if let Err(e) = self.can_agree() {
                    out.extend(e);
                } else if !self.is_agreed() {
                    out.push("Coach and principal agree the plan.".to_string());
                }
            }
            Phase::WorkPlan => {
                for o in &self.objectives {
                    if o.steps.is_empty() {
                        out.push(format!("Action steps for {}.", quoted(&o.title)));
                    } else if o
                        .steps
                        .iter()
                        .any(|s| s.owner.trim().is_empty() || s.due.is_empty())
                    {
                        out.push(format!(
                            "An owner and a due date for every step of {}.",
                            quoted(&o.title)
                        ));
                    }
                }
                if self.objectives.is_empty() {
                    out.push("Key objectives, agreed in planning.".to_string());
                }
            }
            Phase::Implementation => {
                let missing = self.end_reflection.missing();
                if !missing.is_empty() {
                    out.push(format!(
                        "The end-of-year self-reflection: {} of 5 strands still need a level and evidence.",
                        missing.len()
                    ));
                }
                let open: Vec<String> = self
                    .objectives
                    .iter()
                    .filter(|o| o.outcome.is_none())
                    .map(|o| quoted(&o.title))
                    .collect();
                if !open.is_empty() {
                    out.push(format!(
                        "Met, partly met or not met for {}.",
                        open.join(", ")
                    ));
                }
                if self.coach_evaluation.trim().is_empty() {
                    out.push("The coach\u{2019}s evaluation of the results.".to_string());
                }
            }
        }
        out
    }

    /// Move to the next phase on `on`. When the current phase still needs something, the
    /// move needs a reason, which is kept with what was missing.
    pub fn advance(&mut self, on: &str, early_reason: Option<&str>) -> Result<Phase, String> {
        let Some(next) = self.phase.next() else {
            return Err("Implementation is the last phase: complete the annual assessment to close the engagement.".into());
        };
        let on = dates::check(on)?;
        let missing = self.needs(self.phase);
        let reason = early_reason.map(str::trim).filter(|r| !r.is_empty());
        let early_reason = if missing.is_empty() {
            None
        } else {
            let Some(r) = reason else {
                return Err(format!(
                    "{} still needs: {} To move on now, give a reason; it is kept with the engagement.",
                    self.phase.label(),
                    missing.join(" ")
                ));
            };
            Some(text::clean_note("The reason", r)?)
        };
        self.history.push(PhaseMove {
            to: next,
            on,
            early_reason: early_reason.clone(),
            missing: if early_reason.is_some() {
                missing
            } else {
                Vec::new()
            },
        });
        self.phase = next;
        Ok(next)
    }

    /// Undo the last move (for the undo notice).
    pub fn step_back(&mut self) -> Option<PhaseMove> {
        let m = self.history.pop()?;
        self.phase = Phase::ALL[self.phase.number().saturating_sub(2)];
        Some(m)
    }

    /// When the current phase began: the start, or the last move.
    pub fn phase_began(&self) -> &str {
        self.history
            .last()
            .map_or(self.start.as_str(), |m| m.on.as_str())
    }

    /// The annual assessment is complete: close the engagement on `on`.
    pub fn complete(&mut self, on: &str) -> Result<(), String> {
        if self.phase != Phase::Implementation {
            return Err("The annual assessment comes in the last phase, implementation.".into());
        }
        let missing = self.needs(Phase::Implementation);
        if !missing.is_empty() {
            return Err(format!(
                "The annual assessment still needs: {}",
                missing.join(" ")
            ));
        }
        self.completed_on = dates::check(on)?;
        Ok(())
    }

    pub fn reopen(&mut self) {
        self.completed_on.clear();
    }

    // ---- Phase 1 ----------------------------------------------------------------------

    pub fn set_reflection(
        &mut self,
        end: bool,
        s: Strand,
        level: u8,
        evidence: &str,
    ) -> Result<(), String> {
        if end {
            self.end_reflection.set(s, level, evidence)
        } else {
            self.reflection.set(s, level, evidence)
        }
    }

    pub fn set_data_review(&mut self, raw: &str) -> Result<(), String> {
        self.data_review = text::clean_note("The data review", raw)?;
        Ok(())
    }

    // ---- Phase 2 ----------------------------------------------------------------------

    /// Why the plan cannot be agreed as it stands, each reason a sentence.
    pub fn can_agree(&self) -> Result<(), Vec<String>> {
        let mut out = Vec::new();
        let n = self.objectives.len();
        if n < MIN_OBJECTIVES {
            out.push(format!(
                "A plan has {MIN_OBJECTIVES} or {MAX_OBJECTIVES} key objectives; this one has {}. Add {}.",
                n,
                text::plural(MIN_OBJECTIVES - n, "more", "more")
            ));
        } else if n > MAX_OBJECTIVES {
            out.push(format!(
                "A plan has {MIN_OBJECTIVES} or {MAX_OBJECTIVES} key objectives; this one has {n}. Remove {} or merge them.",
                text::plural(n - MAX_OBJECTIVES, "objective", "objectives")
            ));
        }
        for o in &self.objectives {
            if !o.has_indicators() {
                out.push(format!("Indicators of success for {}.", quoted(&o.title)));
            }
        }
        if self.focus_areas.trim().is_empty() {
            out.push("The areas of focus for coaching.".to_string());
        }
        if self.norms.trim().is_empty() {
            out.push("The norms and expectations of the coaching relationship.".to_string());
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(out)
        }
    }

    pub fn agree(&mut self, on: &str) -> Result<(), String> {
        self.can_agree().map_err(|e| e.join(" "))?;
        self.plan_agreed_on = dates::check(on)?;
        Ok(())
    }

    pub fn unagree(&mut self) {
        self.plan_agreed_on.clear();
    }

    pub fn add_objective(
        &mut self,
        id: Id,
        title: &str,
        indicators: &str,
        cadence: Cadence,
    ) -> Result<(), String> {
        if self.is_agreed() && self.objectives.len() >= MAX_OBJECTIVES {
            return Err(format!(
                "The agreed plan already has {MAX_OBJECTIVES} key objectives, the most it can have."
            ));
        }
        let title = text::clean_name("The objective", title)?;
        let indicators = text::clean_note("The indicators of success", indicators)?;
        if self.is_agreed() && indicators.is_empty() {
            return Err("An objective in the agreed plan needs its indicators of success.".into());
        }
        self.objectives.push(Objective {
            id,
            title,
            indicators,
            cadence,
            steps: Vec::new(),
            checks: Vec::new(),
            outcome: None,
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn edit_objective(
        &mut self,
        id: &Id,
        title: &str,
        indicators: &str,
        cadence: Cadence,
    ) -> Result<(), String> {
        let title = text::clean_name("The objective", title)?;
        let indicators = text::clean_note("The indicators of success", indicators)?;
        if self.is_agreed() && indicators.is_empty() {
            return Err("An objective in the agreed plan keeps its indicators of success.".into());
        }
        let o = self.objective_mut(id)?;
        o.title = title;
        o.indicators = indicators;
        o.cadence = cadence;
        Ok(())
    }

    /// Remove an objective: returns it and where it was, for undo (contacts keep their link,
    /// which the log shows no more while the objective is gone). The agreed plan keeps at least [`MIN_OBJECTIVES`].
    pub fn remove_objective(&mut self, id: &Id) -> Result<(usize, Objective), String> {
        if self.is_agreed() && self.objectives.len() <= MIN_OBJECTIVES {
            return Err(format!(
                "The agreed plan keeps at least {MIN_OBJECTIVES} key objectives."
            ));
        }
        let at = self
            .objectives
            .iter()
            .position(|o| &o.id == id)
            .ok_or("That objective is no longer in the plan.")?;
        Ok((at, self.objectives.remove(at)))
    }

    /// Put back a removed objective where it was. The agreed plan keeps at most
    /// [`MAX_OBJECTIVES`]: a restore that would break that is refused.
    pub fn restore_objective(&mut self, at: usize, o: Objective) -> Result<(), String> {
        if self.objectives.iter().any(|x| x.id == o.id) {
            return Ok(());
        }
        if self.is_agreed() && self.objectives.len() >= MAX_OBJECTIVES {
            return Err(format!(
                "The agreed plan already has {MAX_OBJECTIVES} key objectives: reopen the plan to bring this one back."
            ));
        }
        let at = at.min(self.objectives.len());
        self.objectives.insert(at, o);
        Ok(())
    }

    pub fn set_focus(&mut self, focus: &str, norms: &str) -> Result<(), String> {
        self.focus_areas = text::clean_note("The areas of focus", focus)?;
        self.norms = text::clean_note("The norms and expectations", norms)?;
        Ok(())
    }

    // ---- Phase 3 ----------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    pub fn add_step(
        &mut self,
        objective: &Id,
        id: Id,
        action: &str,
        owner: &str,
        start: &str,
        due: &str,
        pd: &str,
    ) -> Result<(), String> {
        let action = text::clean_name("The action step", action)?;
        let owner = if owner.trim().is_empty() {
            String::new()
        } else {
            text::clean_name("The owner", owner)?
        };
        let start = if start.trim().is_empty() {
            String::new()
        } else {
            dates::check(start).map_err(|e| format!("The start date: {e}"))?
        };
        let due = if due.trim().is_empty() {
            String::new()
        } else {
            dates::check(due).map_err(|e| format!("The due date: {e}"))?
        };
        if !start.is_empty() && !due.is_empty() && due < start {
            return Err("The due date can't come before the start date.".into());
        }
        let pd = text::clean_note("The professional development", pd)?;
        self.objective_mut(objective)?.steps.push(Step {
            id,
            action,
            owner,
            start,
            due,
            pd,
            done: false,
            extra: Extra::new(),
        });
        Ok(())
    }

    pub fn set_step_done(&mut self, objective: &Id, step: &Id, done: bool) -> Result<(), String> {
        let o = self.objective_mut(objective)?;
        let s = o
            .steps
            .iter_mut()
            .find(|s| &s.id == step)
            .ok_or("That step is no longer in the work plan.")?;
        s.done = done;
        Ok(())
    }

    pub fn remove_step(&mut self, objective: &Id, step: &Id) -> Option<(usize, Step)> {
        let o = self.objective_mut(objective).ok()?;
        let at = o.steps.iter().position(|s| &s.id == step)?;
        Some((at, o.steps.remove(at)))
    }

    pub fn restore_step(&mut self, objective: &Id, at: usize, step: Step) {
        if let Ok(o) = self.objective_mut(objective) {
            if !o.steps.iter().any(|s| s.id == step.id) {
                let at = at.min(o.steps.len());
                o.steps.insert(at, step);
            }
        }
    }

    // ---- Phase 4 ----------------------------------------------------------------------

    pub fn add_check(
        &mut self,
        objective: &Id,
        id: Id,
        date: &str,
        rating: Rating,
        evidence: &str,
    ) -> Result<(), String> {
        let date = self.within(date).map_err(|r| r.message)?;
        let evidence = text::clean_note("The evidence", evidence)?;
        self.objective_mut(objective)?.checks.push(Check {
            id,
            date,
            rating,
            evidence,
        });
        Ok(())
    }

    pub fn set_outcome(&mut self, objective: &Id, outcome: Option<Outcome>) -> Result<(), String> {
        self.objective_mut(objective)?.outcome = outcome;
        Ok(())
    }

    pub fn set_evaluation(&mut self, raw: &str) -> Result<(), String> {
        self.coach_evaluation = text::clean_note("The coach\u{2019}s evaluation", raw)?;
        Ok(())
    }

    pub fn set_next_steps(&mut self, raw: &str) -> Result<(), String> {
        self.next_steps = text::clean_note("The next steps", raw)?;
        Ok(())
    }

    pub fn set_weekly(&mut self, weekly: Option<Weekly>) -> Result<(), String> {
        if let Some(w) = &weekly {
            if !(1..=5).contains(&w.weekday) {
                return Err("Weekly meetings are on a school day, Monday to Friday.".into());
            }
            if !w.time.is_empty() && parse_time(&w.time).is_none() {
                return Err(format!(
                    "{} is not a time (HH:MM, such as 08:30).",
                    text::quote_short(&w.time)
                ));
            }
            text::clean_note("The place", &w.place)?;
        }
        self.weekly = weekly;
        Ok(())
    }

    /// Every weekly meeting's date, from the start to the end.
    pub fn weekly_dates(&self) -> Vec<Date> {
        let (Some(w), Some(start), Some(end)) =
            (&self.weekly, date_of(&self.start), date_of(&self.end))
        else {
            return Vec::new();
        };
        let from_monday = i64::from(start.weekday().number_days_from_monday());
        let offset = (i64::from(w.weekday) - 1 - from_monday).rem_euclid(7);
        let mut out = Vec::new();
        let mut d = start.checked_add(time::Duration::days(offset));
        while let Some(x) = d {
            if x > end {
                break;
            }
            out.push(x);
            d = x.checked_add(time::Duration::weeks(1));
        }
        out
    }

    // ---- Contacts ---------------------------------------------------------------------

    /// `raw` as a date inside the engagement, or a refusal that says so.
    pub fn within(&self, raw: &str) -> Result<String, Refusal> {
        let d = dates::check(raw).map_err(|m| Refusal::new(Field::Date, m))?;
        if d < self.start || d > self.end {
            return Err(Refusal::new(
                Field::Date,
                format!(
                    "{d} is outside the engagement, which runs from {} to {}.",
                    self.start, self.end
                ),
            ));
        }
        Ok(d)
    }

    /// A contact's fields checked against this engagement: the date inside it, the notes
    /// within their limits, the objective one of this plan's.
    pub fn checked_contact(&self, mut c: Contact) -> Result<Contact, Refusal> {
        c.date = self.within(&c.date)?;
        if c.minutes == 0 || c.minutes > MAX_MINUTES {
            return Err(Refusal::new(
                Field::Minutes,
                "A contact takes from 1 minute to a day.",
            ));
        }
        c.shared_notes = text::clean_note("The shared notes", &c.shared_notes)
            .map_err(|m| Refusal::new(Field::Notes, m))?;
        c.private_notes = text::clean_note("The private notes", &c.private_notes)
            .map_err(|m| Refusal::new(Field::Notes, m))?;
        if let Some(o) = &c.objective {
            if self.objective(o).is_none() {
                c.objective = None;
            }
        }
        c.session = None;
        Ok(c)
    }

    /// Log a contact, kept in date order (a later-logged one after others on its day).
    pub fn log(&mut self, c: Contact) -> Result<(), Refusal> {
        let c = self.checked_contact(c)?;
        if self.contacts.iter().any(|x| x.id == c.id) {
            return Err(Refusal::new(
                Field::Other,
                "That contact is already in the log.",
            ));
        }
        let at = self.contacts.partition_point(|x| x.date <= c.date);
        self.contacts.insert(at, c);
        Ok(())
    }

    /// Replace a contact with the same ID. What the form does not edit stays as stored: the
    /// fields a newer version of Readyboard keeps (`extra`).
    pub fn edit_contact(&mut self, c: Contact) -> Result<(), Refusal> {
        let mut c = self.checked_contact(c)?;
        let at = self
            .contacts
            .iter()
            .position(|x| x.id == c.id)
            .ok_or_else(|| Refusal::new(Field::Other, "That contact is no longer in the log."))?;
        let old = self.contacts.remove(at);
        c.extra = old.extra;
        c.session = old.session;
        let at = self.contacts.partition_point(|x| x.date <= c.date);
        self.contacts.insert(at, c);
        Ok(())
    }

    pub fn remove_contact(&mut self, id: &Id) -> Option<(usize, Contact)> {
        let at = self.contacts.iter().position(|c| &c.id == id)?;
        Some((at, self.contacts.remove(at)))
    }

    /// Put back a removed contact, in date order (where it was among contacts of its day).
    pub fn restore_contact(&mut self, at: usize, c: Contact) {
        if self.contacts.iter().any(|x| x.id == c.id) {
            return;
        }
        let first = self.contacts.partition_point(|x| x.date < c.date);
        let last = self.contacts.partition_point(|x| x.date <= c.date);
        self.contacts.insert(at.clamp(first, last), c);
    }

    /// Every problem with the stored engagement, in words (for `Document::validate`).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let who = format!("The engagement with {}", text::quote_short(&self.principal));
        if self.principal.trim().is_empty() {
            out.push("An engagement has no principal.".to_string());
        }
        if self.id.is_empty() {
            out.push(format!("{who} has no ID."));
        }
        for (what, d) in [("start", &self.start), ("end", &self.end)] {
            if dates::parse_shape(d).is_none() {
                out.push(format!(
                    "{who}: the {what} date {} is not a date.",
                    text::quote_short(d)
                ));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for c in &self.contacts {
            if !seen.insert(&c.id) {
                out.push(format!("{who} has two contacts with the ID {}.", c.id));
            }
        }
        out
    }
}

/// `HH:MM` as (hours, minutes).
pub fn parse_time(raw: &str) -> Option<(u8, u8)> {
    let (h, m) = raw.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}
