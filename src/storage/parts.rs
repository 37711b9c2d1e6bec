//! The district stored in parts: a save writes only the parts that changed.
//!
//! A large district (500 schools with ten rounds each, thirty filled Plus boards) is tens of
//! megabytes of JSON: far over what localStorage holds, and far too much to write on every
//! edit. So storage keeps it as separate records, each packed ([`super::pack`]):
//!
//! | part            | holds                                                          |
//! |-----------------|----------------------------------------------------------------|
//! | `core`          | the district, its schools, the framework versions, unknown fields |
//! | `phase-in`      | the planner's settings, pins and readiness plans                 |
//! | `rounds.<id>`   | one school's readiness rounds, in their order                    |
//! | `board.<id>`    | one school's Plus board                                          |
//! | `executive`     | executive coaching's tiers, cohorts and cohort sessions          |
//! | `engagement.<id>` | one executive-coaching engagement, with its contact log        |
//! | `model`         | the coaching model's draft charter, its coaches, meetings, settings and leaders' sessions |
//! | `model-versions` | the charter's published versions (appended to, never edited)    |
//! | `model-school.<id>` | one school's staff sessions and campus adaptations           |
//! | `model-coach.<id>` | one coach's check-ins, shadowing days and learning             |
//!
//! [`split`] and [`join`] are exact inverses up to the order of rounds, boards, staff
//! sessions and adaptations across schools, and of the coaches' records across coaches
//! (they come back grouped by school in the roster's order, and by coach in the coaches'
//! order; a school's or a coach's own keep theirs, and nothing reads meaning into the order
//! across schools or coaches: every list shows them by date). [`Saved`] remembers
//! what was last written, so [`Saved::changes`] finds what a save must write by comparing
//! values, without serialising the parts that did not change.
//!
//! Every record is small and keyed by a stable ID: the shape live sync would need later.

use crate::domain::district::{District, Document, Extra, School};
use crate::domain::executive::{Cohort, Engagement, Executive, Session, Tier};
use crate::domain::ids::Id;
use crate::domain::model::{
    Adaptation, Audience, CheckIn, Learning, Model, Session as ModelSession, ShadowDay, Version,
};
use crate::domain::phase_in::PhaseIn;
use crate::domain::plus::{Board, Plus};
use crate::domain::readiness::{Framework, Readiness, Round};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const CORE: &str = "core";
pub const PHASE_IN: &str = "phase-in";
pub const EXECUTIVE: &str = "executive";
pub const MODEL: &str = "model";
pub const MODEL_VERSIONS: &str = "model-versions";
const ROUNDS: &str = "rounds.";
const BOARD: &str = "board.";
const ENGAGEMENT: &str = "engagement.";
const MODEL_SCHOOL: &str = "model-school.";
const MODEL_COACH: &str = "model-coach.";

/// Executive coaching without its engagements, which are parts of their own. `order` keeps
/// the engagements' order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutiveCore {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cohorts: Vec<Cohort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<Id>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

fn executive_core(x: &Executive) -> ExecutiveCore {
    ExecutiveCore {
        tiers: x.tiers.clone(),
        cohorts: x.cohorts.clone(),
        sessions: x.sessions.clone(),
        order: x.engagements.iter().map(|e| e.id.clone()).collect(),
        extra: x.extra.clone(),
    }
}

fn executive_core_matches(x: &Executive, c: &ExecutiveCore) -> bool {
    x.tiers == c.tiers
        && x.cohorts == c.cohorts
        && x.sessions == c.sessions
        && x.extra == c.extra
        && x.engagements.len() == c.order.len()
        && x.engagements
            .iter()
            .zip(&c.order)
            .all(|(e, id)| &e.id == id)
}

/// The coaching model's own part: everything but the published versions (a part of their
/// own, which an edit of the draft never writes again), the schools' staff sessions and
/// adaptations, and the coaches' records (a part per school and per coach, so that a
/// check-in or an adaptation writes a few hundred bytes, not the whole model).
fn model_core(m: &Model) -> Model {
    Model {
        draft: m.draft.clone(),
        versions: Vec::new(),
        sessions: leaders_sessions(m).cloned().collect(),
        adaptations: Vec::new(),
        coaches: m.coaches.clone(),
        check_ins: Vec::new(),
        shadowing: Vec::new(),
        meetings: m.meetings.clone(),
        learning: Vec::new(),
        settings: m.settings.clone(),
        extra: m.extra.clone(),
    }
}

fn leaders_sessions(m: &Model) -> impl Iterator<Item = &ModelSession> {
    m.sessions
        .iter()
        .filter(|s| matches!(s.audience, Audience::Leaders))
}

/// Whether `c`, a stored model part, is [`model_core`] of `m`.
fn model_core_matches(m: &Model, c: &Model) -> bool {
    // Every field: a new field fails to compile here until it is given a place.
    let Model {
        draft,
        versions: _,
        sessions: _,
        adaptations: _,
        coaches,
        check_ins: _,
        shadowing: _,
        meetings,
        learning: _,
        settings,
        extra,
    } = m;
    *draft == c.draft
        && *coaches == c.coaches
        && *meetings == c.meetings
        && *settings == c.settings
        && *extra == c.extra
        && same(&c.sessions, leaders_sessions(m))
        // A part written before the model was split holds everything: it is written again.
        && c.adaptations.is_empty()
        && c.check_ins.is_empty()
        && c.shadowing.is_empty()
        && c.learning.is_empty()
}

fn model_core_is_empty(m: &Model) -> bool {
    m.draft == Default::default()
        && m.coaches.is_empty()
        && m.meetings.is_empty()
        && m.settings == Default::default()
        && m.extra.is_empty()
        && leaders_sessions(m).next().is_none()
}

/// Whether `old` holds exactly the items `new` yields, in order.
fn same<'a, T: PartialEq + 'a>(old: &[T], new: impl IntoIterator<Item = &'a T>) -> bool {
    let mut new = new.into_iter();
    old.iter().all(|a| new.next() == Some(a)) && new.next().is_none()
}

/// One school's side of the roll-out: its staff's sessions and its campus adaptations.
///
/// These parts hold lists only, with no place for fields a later build adds: a new field
/// here needs the schema raised (an older build then opens the district read-only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchoolRollout {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<ModelSession>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adaptations: Vec<Adaptation>,
}

/// One coach's development record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoachRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shadowing: Vec<ShadowDay>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learning: Vec<Learning>,
}

/// The coaching model's records by school and by coach, as parts, into `out`: each school's
/// staff sessions and adaptations, each coach's check-ins, shadowing and learning. They are
/// cloned (a thousand small records at the issue's scale take well under a millisecond),
/// which keeps this code small: it is in every route's first load.
fn model_records(m: &Model, out: &mut BTreeMap<String, Part>) {
    fn school<'a>(out: &'a mut BTreeMap<String, Part>, id: &Id) -> &'a mut SchoolRollout {
        match out
            .entry(model_school_name(id.as_str()))
            .or_insert_with(|| Part::ModelSchool(Box::default()))
        {
            Part::ModelSchool(x) => x,
            _ => unreachable!("a model-school name holds a school's roll-out"),
        }
    }
    fn coach<'a>(out: &'a mut BTreeMap<String, Part>, id: &Id) -> &'a mut CoachRecord {
        match out
            .entry(model_coach_name(id.as_str()))
            .or_insert_with(|| Part::CoachRecord(Box::default()))
        {
            Part::CoachRecord(x) => x,
            _ => unreachable!("a model-coach name holds a coach's record"),
        }
    }
    for x in &m.sessions {
        if let Audience::Staff(id) = &x.audience {
            school(out, id).sessions.push(x.clone());
        }
    }
    for x in &m.adaptations {
        school(out, &x.school).adaptations.push(x.clone());
    }
    for x in &m.check_ins {
        coach(out, &x.coach).check_ins.push(x.clone());
    }
    for x in &m.shadowing {
        coach(out, &x.coach).shadowing.push(x.clone());
    }
    for x in &m.learning {
        coach(out, &x.coach).learning.push(x.clone());
    }
}

fn is_model_record(name: &str) -> bool {
    name.starts_with(MODEL_SCHOOL) || name.starts_with(MODEL_COACH)
}

/// The district without its bulk: everything but the rounds, the planner and the boards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Core {
    pub district: District,
    #[serde(default)]
    pub schools: Vec<School>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Framework>,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub readiness_extra: Extra,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub plus_extra: Extra,
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// One part's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Core(Box<Core>),
    PhaseIn(Box<PhaseIn>),
    Rounds(Vec<Round>),
    Boards(Vec<Board>),
    Executive(Box<ExecutiveCore>),
    Engagement(Box<Engagement>),
    /// The coaching model's own part (see [`model_core`]). One written before schema 5
    /// holds the schools' and coaches' records too.
    Model(Box<Model>),
    ModelVersions(Vec<Version>),
    ModelSchool(Box<SchoolRollout>),
    CoachRecord(Box<CoachRecord>),
}

impl Part {
    pub fn to_json(&self) -> Vec<u8> {
        let r = match self {
            Part::Core(c) => serde_json::to_vec(c),
            Part::PhaseIn(p) => serde_json::to_vec(p),
            Part::Rounds(r) => serde_json::to_vec(r),
            Part::Boards(b) => serde_json::to_vec(b),
            Part::Executive(x) => serde_json::to_vec(x),
            Part::Engagement(e) => serde_json::to_vec(e),
            Part::Model(m) => serde_json::to_vec(m),
            Part::ModelVersions(v) => serde_json::to_vec(v),
            Part::ModelSchool(x) => serde_json::to_vec(x),
            Part::CoachRecord(x) => serde_json::to_vec(x),
        };
        r.expect("a document part always serialises")
    }

    /// Read the core part from its JSON: the only part the main wasm reads with its own code
    /// (every other kind needs the [`super::codec`]).
    pub fn core_from_json(json: &[u8]) -> Result<Part, String> {
        let err = |e: serde_json::Error| format!("part \u{201c}{CORE}\u{201d}: {e}");
        let value: serde_json::Value = serde_json::from_slice(json).map_err(err)?;
        serde_json::from_value(value)
            .map(|c| Part::Core(Box::new(c)))
            .map_err(err)
    }

    /// Read part `name` from its JSON. The error names what is wrong.
    ///
    /// The JSON is read into a `Value` first, as `envelope::decode` reads a backup: the
    /// document's types then have one set of deserialisers in the bundle, not two.
    ///
    /// This reads every kind of part, so it is the [`super::codec`]'s: code in the main
    /// wasm calls [`Part::core_from_json`] or the installed codec, never this.
    pub fn from_json(name: &str, json: &[u8]) -> Result<Part, String> {
        let err = |e: serde_json::Error| format!("part \u{201c}{name}\u{201d}: {e}");
        if name == CORE {
            return Part::core_from_json(json);
        }
        let value: serde_json::Value = serde_json::from_slice(json).map_err(err)?;
        if name == PHASE_IN {
            serde_json::from_value(value)
                .map(|p| Part::PhaseIn(Box::new(p)))
                .map_err(err)
        } else if name.starts_with(ROUNDS) {
            serde_json::from_value(value).map(Part::Rounds).map_err(err)
        } else if name.starts_with(BOARD) {
            serde_json::from_value(value).map(Part::Boards).map_err(err)
        } else if name == EXECUTIVE {
            serde_json::from_value(value)
                .map(|x| Part::Executive(Box::new(x)))
                .map_err(err)
        } else if name.starts_with(ENGAGEMENT) {
            serde_json::from_value(value)
                .map(|e| Part::Engagement(Box::new(e)))
                .map_err(err)
        } else if name == MODEL {
            serde_json::from_value::<Model>(value)
                .map_err(err)
                .and_then(|m| {
                    if m.versions.is_empty() {
                        Ok(Part::Model(Box::new(m)))
                    } else {
                        Err(format!(
                            "part \u{201c}{name}\u{201d} holds versions of its own"
                        ))
                    }
                })
        } else if name == MODEL_VERSIONS {
            serde_json::from_value(value)
                .map(Part::ModelVersions)
                .map_err(err)
        } else if name.starts_with(MODEL_SCHOOL) {
            serde_json::from_value(value)
                .map(|x| Part::ModelSchool(Box::new(x)))
                .map_err(err)
        } else if name.starts_with(MODEL_COACH) {
            serde_json::from_value(value)
                .map(|x| Part::CoachRecord(Box::new(x)))
                .map_err(err)
        } else {
            Err(format!(
                "part \u{201c}{name}\u{201d} is of a kind this version does not know"
            ))
        }
    }
}

fn rounds_name(school: &str) -> String {
    format!("{ROUNDS}{school}")
}

fn board_name(school: &str) -> String {
    format!("{BOARD}{school}")
}

fn engagement_name(id: &str) -> String {
    format!("{ENGAGEMENT}{id}")
}

fn model_school_name(school: &str) -> String {
    format!("{MODEL_SCHOOL}{school}")
}

fn model_coach_name(coach: &str) -> String {
    format!("{MODEL_COACH}{coach}")
}

fn core_of(doc: &Document) -> Core {
    Core {
        district: doc.district.clone(),
        schools: doc.schools.clone(),
        frameworks: doc.readiness.frameworks.clone(),
        readiness_extra: doc.readiness.extra.clone(),
        plus_extra: doc.plus.extra.clone(),
        extra: doc.extra.clone(),
    }
}

fn core_matches(doc: &Document, core: &Core) -> bool {
    doc.district == core.district
        && doc.schools == core.schools
        && doc.readiness.frameworks == core.frameworks
        && doc.readiness.extra == core.readiness_extra
        && doc.plus.extra == core.plus_extra
        && doc.extra == core.extra
}

/// The rounds and boards grouped by school, by reference.
/// In the order of the schools' IDs, so that a [`Scan`] taken in steps meets them in the
/// same order at every step.
struct Groups<'a> {
    rounds: BTreeMap<&'a str, Vec<&'a Round>>,
    boards: BTreeMap<&'a str, Vec<&'a Board>>,
    engagements: BTreeMap<&'a str, &'a Engagement>,
}

fn groups(doc: &Document) -> Groups<'_> {
    let mut rounds: BTreeMap<&str, Vec<&Round>> = BTreeMap::new();
    for r in &doc.readiness.rounds {
        rounds.entry(r.school_id.as_str()).or_default().push(r);
    }
    let mut boards: BTreeMap<&str, Vec<&Board>> = BTreeMap::new();
    for b in &doc.plus.boards {
        boards.entry(b.school_id.as_str()).or_default().push(b);
    }
    let engagements = doc
        .executive
        .engagements
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    Groups {
        rounds,
        boards,
        engagements,
    }
}

/// Every part of `doc`, by name.
pub fn split(doc: &Document) -> BTreeMap<String, Part> {
    let mut out = BTreeMap::new();
    out.insert(CORE.to_string(), Part::Core(Box::new(core_of(doc))));
    if !doc.phase_in.is_empty() {
        out.insert(
            PHASE_IN.to_string(),
            Part::PhaseIn(Box::new(doc.phase_in.clone())),
        );
    }
    let g = groups(doc);
    for (school, rounds) in g.rounds {
        out.insert(
            rounds_name(school),
            Part::Rounds(rounds.into_iter().cloned().collect()),
        );
    }
    for (school, boards) in g.boards {
        out.insert(
            board_name(school),
            Part::Boards(boards.into_iter().cloned().collect()),
        );
    }
    if !doc.executive.is_empty() {
        out.insert(
            EXECUTIVE.to_string(),
            Part::Executive(Box::new(executive_core(&doc.executive))),
        );
    }
    for (id, e) in g.engagements {
        out.insert(engagement_name(id), Part::Engagement(Box::new(e.clone())));
    }
    model_records(&doc.model, &mut out);
    if !model_core_is_empty(&doc.model) {
        out.insert(
            MODEL.to_string(),
            Part::Model(Box::new(model_core(&doc.model))),
        );
    }
    if !doc.model.versions.is_empty() {
        out.insert(
            MODEL_VERSIONS.to_string(),
            Part::ModelVersions(doc.model.versions.clone()),
        );
    }
    out
}

/// Put a document back together from its parts. `Err` says what is missing or doubled.
pub fn join(mut parts: BTreeMap<String, Part>) -> Result<Document, String> {
    let Some(Part::Core(core)) = parts.remove(CORE) else {
        return Err("the district's main part is missing".into());
    };
    let core = *core;
    let phase_in = match parts.remove(PHASE_IN) {
        Some(Part::PhaseIn(p)) => *p,
        Some(_) => return Err("the planner's part has the wrong kind".into()),
        None => PhaseIn::default(),
    };
    let executive = match parts.remove(EXECUTIVE) {
        Some(Part::Executive(x)) => *x,
        Some(_) => return Err("the executive-coaching part has the wrong kind".into()),
        None => ExecutiveCore::default(),
    };
    let mut model = match parts.remove(MODEL) {
        Some(Part::Model(m)) => *m,
        Some(_) => return Err("the coaching model's part has the wrong kind".into()),
        None => Model::default(),
    };
    match parts.remove(MODEL_VERSIONS) {
        Some(Part::ModelVersions(v)) => model.versions = v,
        Some(_) => return Err("the charter versions' part has the wrong kind".into()),
        None => {}
    }
    // The schools' roll-out in the roster's order and the coaches' records in the coaches'
    // order, then any part neither names.
    let mut names: Vec<String> = core
        .schools
        .iter()
        .map(|s| model_school_name(s.id.as_str()))
        .chain(
            model
                .coaches
                .iter()
                .map(|c| model_coach_name(c.id.as_str())),
        )
        .collect();
    names.extend(
        parts
            .keys()
            .filter(|k| k.starts_with(MODEL_SCHOOL) || k.starts_with(MODEL_COACH))
            .cloned(),
    );
    for name in names {
        match parts.remove(&name) {
            Some(Part::ModelSchool(x)) if name.starts_with(MODEL_SCHOOL) => {
                model.sessions.extend(x.sessions);
                model.adaptations.extend(x.adaptations);
            }
            Some(Part::CoachRecord(x)) if name.starts_with(MODEL_COACH) => {
                model.check_ins.extend(x.check_ins);
                model.shadowing.extend(x.shadowing);
                model.learning.extend(x.learning);
            }
            Some(_) => return Err(format!("part \u{201c}{name}\u{201d} has the wrong kind")),
            None => {}
        }
    }
    // The engagements in their order, then any part the order does not name.
    let mut engagements = Vec::new();
    let mut take_engagement =
        |name: &str, parts: &mut BTreeMap<String, Part>| -> Result<(), String> {
            match parts.remove(name) {
                Some(Part::Engagement(e)) => engagements.push(*e),
                Some(_) => return Err(format!("part \u{201c}{name}\u{201d} has the wrong kind")),
                None => {}
            }
            Ok(())
        };
    for id in &executive.order {
        take_engagement(&engagement_name(id.as_str()), &mut parts)?;
    }
    let rest: Vec<String> = parts
        .keys()
        .filter(|k| k.starts_with(ENGAGEMENT))
        .cloned()
        .collect();
    for name in rest {
        take_engagement(&name, &mut parts)?;
    }
    let mut rounds = Vec::new();
    let mut boards = Vec::new();
    // The roster's order first, then any part for a school the roster no longer has (the
    // document's own validation then says what is wrong with it).
    let mut take = |name: String, parts: &mut BTreeMap<String, Part>| -> Result<(), String> {
        match parts.remove(&name) {
            Some(Part::Rounds(r)) if name.starts_with(ROUNDS) => rounds.extend(r),
            Some(Part::Boards(b)) if name.starts_with(BOARD) => boards.extend(b),
            Some(_) => return Err(format!("part \u{201c}{name}\u{201d} has the wrong kind")),
            None => {}
        }
        Ok(())
    };
    for s in &core.schools {
        take(rounds_name(s.id.as_str()), &mut parts)?;
        take(board_name(s.id.as_str()), &mut parts)?;
    }
    let rest: Vec<String> = parts.keys().cloned().collect();
    for name in rest {
        take(name, &mut parts)?;
    }
    Ok(Document {
        district: core.district,
        schools: core.schools,
        readiness: Readiness {
            frameworks: core.frameworks,
            rounds,
            extra: core.readiness_extra,
        },
        phase_in,
        plus: Plus {
            boards,
            extra: core.plus_extra,
        },
        executive: Executive {
            tiers: executive.tiers,
            cohorts: executive.cohorts,
            sessions: executive.sessions,
            engagements,
            extra: executive.extra,
        },
        model,
        extra: core.extra,
    })
}

/// What a save must do: write these parts, remove those.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub write: Vec<(String, Part)>,
    pub remove: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.write.is_empty() && self.remove.is_empty()
    }
}

/// The parts as they were last read from or written to storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    parts: BTreeMap<String, Part>,
}

impl Saved {
    pub fn new(parts: BTreeMap<String, Part>) -> Self {
        Saved { parts }
    }

    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.parts.keys()
    }

    pub fn get(&self, name: &str) -> Option<&Part> {
        self.parts.get(name)
    }

    /// The parts of `doc` that differ from what was saved, and the saved parts it no longer
    /// has. Only changed parts are cloned; the comparison is by value.
    pub fn changes(&self, doc: &Document) -> Changes {
        let mut scan = Scan::default();
        loop {
            if let Some(c) = scan.step(self, doc, &mut || false) {
                return c;
            }
        }
    }

    /// Record that `changes` were written.
    pub fn apply(&mut self, changes: Changes) {
        for name in changes.remove {
            self.parts.remove(&name);
        }
        for (name, part) in changes.write {
            self.parts.insert(name, part);
        }
    }
}

/// What a tab knows of what is stored: the head it last read or wrote (revision and writer),
/// the tag each part was written under, the keys its own last save replaced, and the parts'
/// values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baseline {
    /// `None`: nothing was stored when this tab last looked.
    pub revision: Option<u64>,
    /// Who wrote that head: two tabs saving at the same moment write the same revision, and
    /// the writer tells their heads apart.
    pub writer: Option<String>,
    /// Part name → the tag it was written under (its storage key's suffix). Empty for a
    /// district stored whole: the next save then writes every part.
    pub written: BTreeMap<String, String>,
    /// Keys the head names as replaced by its save; its writer removes them at its next save,
    /// once it has seen that its head is still the one stored.
    pub replaced: Vec<String>,
    pub saved: Saved,
}

impl Baseline {
    /// Nothing stored yet.
    pub fn empty() -> Self {
        Baseline::default()
    }

    /// Whether `meta` is the head this baseline describes.
    pub fn is_head(&self, meta: Option<&super::Meta>) -> bool {
        match meta {
            None => self.revision.is_none(),
            Some(m) => {
                self.revision == Some(m.revision) && self.writer.as_deref() == Some(&m.writer)
            }
        }
    }
}

/// The tag of a part written at `revision` by `writer`: `<revision>.<last 8 letters or digits
/// of the writer>`, so two tabs saving the same revision at once never share a key.
pub fn tag(revision: u64, writer: &str) -> String {
    let mut short: Vec<char> = writer
        .chars()
        .rev()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    short.reverse();
    let short: String = short.into_iter().collect();
    format!("{revision}.{}", if short.is_empty() { "x" } else { &short })
}

/// The revision a tag was written at.
pub fn tag_revision(tag: &str) -> Option<u64> {
    tag.split('.').next()?.parse().ok()
}

/// The storage key of part `name` written under `tag`.
pub fn part_key(name: &str, tag: &str) -> String {
    format!("{PART_PREFIX}{name}@{tag}")
}

/// Where parts live: `readyboard.p.<part>@<revision>.<writer>`.
pub const PART_PREFIX: &str = "readyboard.p.";

/// Every key and value a first save of `document` writes, head included: what the benches
/// put in localStorage to start from a stored district.
pub fn first_save(meta: &super::Meta, document: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut written = BTreeMap::new();
    let t = tag(meta.revision, &meta.writer);
    for (name, part) in split(document) {
        out.push((part_key(&name, &t), super::pack::pack(&part.to_json())));
        written.insert(name, t.clone());
    }
    out.push((
        "readyboard.district".to_string(),
        super::envelope::encode_head(meta, &written, &[]),
    ));
    out
}

/// [`Saved::changes`] taken in steps, so that comparing a large district never holds the
/// page for long: each [`Scan::step`] compares parts until `out_of_time` says to stop, and
/// the caller yields to the browser before the next step.
///
/// Every step must see the same document and the same [`Saved`]: a caller whose document or
/// baseline changes between steps starts a new scan.
enum Group<'a, 'b> {
    Rounds(&'b Vec<&'a Round>),
    Boards(&'b Vec<&'a Board>),
    Engagement(&'a Engagement),
}

#[derive(Debug, Default)]
pub struct Scan {
    /// How many parts have been compared: the core, the planner, executive coaching and the
    /// coaching model's parts count as two; then each school's rounds, each school's boards
    /// and each engagement, in the order of their IDs.
    done: usize,
    changes: Changes,
}

impl Scan {
    /// Compare more parts. `Some` with every change once the whole document is compared.
    /// At least one part is compared per step, whatever `out_of_time` says.
    pub fn step(
        &mut self,
        saved: &Saved,
        doc: &Document,
        out_of_time: &mut dyn FnMut() -> bool,
    ) -> Option<Changes> {
        let g = groups(doc);
        let c = &mut self.changes;
        let mut compared_one = false;
        if self.done == 0 {
            match saved.parts.get(CORE) {
                Some(Part::Core(core)) if core_matches(doc, core) => {}
                _ => c
                    .write
                    .push((CORE.to_string(), Part::Core(Box::new(core_of(doc))))),
            }
            match saved.parts.get(PHASE_IN) {
                Some(Part::PhaseIn(p)) if **p == doc.phase_in => {}
                None if doc.phase_in.is_empty() => {}
                _ if doc.phase_in.is_empty() => c.remove.push(PHASE_IN.to_string()),
                _ => c.write.push((
                    PHASE_IN.to_string(),
                    Part::PhaseIn(Box::new(doc.phase_in.clone())),
                )),
            }
            match saved.parts.get(EXECUTIVE) {
                Some(Part::Executive(x)) if executive_core_matches(&doc.executive, x) => {}
                None if doc.executive.is_empty() => {}
                _ if doc.executive.is_empty() => c.remove.push(EXECUTIVE.to_string()),
                _ => c.write.push((
                    EXECUTIVE.to_string(),
                    Part::Executive(Box::new(executive_core(&doc.executive))),
                )),
            }
            match saved.parts.get(MODEL) {
                Some(Part::Model(m)) if model_core_matches(&doc.model, m) => {}
                None if model_core_is_empty(&doc.model) => {}
                _ if model_core_is_empty(&doc.model) => c.remove.push(MODEL.to_string()),
                _ => c.write.push((
                    MODEL.to_string(),
                    Part::Model(Box::new(model_core(&doc.model))),
                )),
            }
            match saved.parts.get(MODEL_VERSIONS) {
                Some(Part::ModelVersions(v)) if *v == doc.model.versions => {}
                None if doc.model.versions.is_empty() => {}
                _ if doc.model.versions.is_empty() => c.remove.push(MODEL_VERSIONS.to_string()),
                _ => c.write.push((
                    MODEL_VERSIONS.to_string(),
                    Part::ModelVersions(doc.model.versions.clone()),
                )),
            }
            // The model's records by school and by coach, in this step.
            let mut records = BTreeMap::new();
            model_records(&doc.model, &mut records);
            for name in saved.parts.keys() {
                if is_model_record(name) && !records.contains_key(name) {
                    c.remove.push(name.clone());
                }
            }
            for (name, part) in records {
                if saved.parts.get(&name) != Some(&part) {
                    c.write.push((name, part));
                }
            }
            self.done = 2;
            compared_one = true;
        }
        let rounds = g
            .rounds
            .iter()
            .map(|(s, r)| (rounds_name(s), Group::Rounds(r)));
        let boards = g
            .boards
            .iter()
            .map(|(s, b)| (board_name(s), Group::Boards(b)));
        let engagements = g
            .engagements
            .iter()
            .map(|(id, e)| (engagement_name(id), Group::Engagement(e)));
        let all = rounds.chain(boards).chain(engagements);
        for (name, group) in all.skip(self.done - 2) {
            if compared_one && out_of_time() {
                return None;
            }
            compared_one = true;
            self.done += 1;
            let old = saved.parts.get(&name);
            match group {
                Group::Rounds(rounds) => {
                    let same = matches!(old, Some(Part::Rounds(old)) if old.len() == rounds.len()
                        && old.iter().zip(rounds).all(|(a, b)| a == *b));
                    if !same {
                        let value = Part::Rounds(rounds.iter().map(|r| (*r).clone()).collect());
                        c.write.push((name, value));
                    }
                }
                Group::Boards(boards) => {
                    let same = matches!(old, Some(Part::Boards(old)) if old.len() == boards.len()
                        && old.iter().zip(boards).all(|(a, b)| a == *b));
                    if !same {
                        let value = Part::Boards(boards.iter().map(|b| (*b).clone()).collect());
                        c.write.push((name, value));
                    }
                }
                Group::Engagement(e) => {
                    if !matches!(old, Some(Part::Engagement(old)) if **old == *e) {
                        c.write.push((name, Part::Engagement(Box::new(e.clone()))));
                    }
                }
            }
        }
        for name in saved.parts.keys() {
            let gone = if let Some(school) = name.strip_prefix(ROUNDS) {
                !g.rounds.contains_key(school)
            } else if let Some(school) = name.strip_prefix(BOARD) {
                !g.boards.contains_key(school)
            } else if let Some(id) = name.strip_prefix(ENGAGEMENT) {
                !g.engagements.contains_key(id)
            } else {
                false
            };
            if gone {
                c.remove.push(name.clone());
            }
        }
        let mut c = std::mem::take(&mut self.changes);
        c.write.sort_by(|a, b| a.0.cmp(&b.0));
        c.remove.sort();
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{demo, synthetic};
    use std::collections::HashMap;

    /// The document as [`join`] returns it: rounds and boards grouped by school.
    fn grouped(doc: &Document) -> Document {
        join(split(doc)).unwrap()
    }

    #[test]
    fn tags_tell_writers_apart() {
        assert_eq!(
            tag(7, "tab-0f3a9c2e-77d1-4b1e-9a0b-1c2d3e4f5a6b"),
            "7.3e4f5a6b"
        );
        assert_ne!(tag(7, "tab-a1"), tag(7, "tab-b1"));
        assert_eq!(tag(3, "---"), "3.x");
        assert_eq!(tag_revision("12.abc"), Some(12));
        assert_eq!(tag_revision("x.abc"), None);
    }

    #[test]
    fn split_and_join_are_inverses() {
        let doc = demo::benson("t");
        let back = join(split(&doc)).unwrap();
        assert_eq!(back.district, doc.district);
        assert_eq!(back.schools, doc.schools);
        assert_eq!(back.phase_in, doc.phase_in);
        assert_eq!(back.readiness.frameworks, doc.readiness.frameworks);
        assert_eq!(back.readiness.rounds.len(), doc.readiness.rounds.len());
        // Each school's rounds keep their order.
        for s in &doc.schools {
            let a: Vec<_> = doc
                .readiness
                .rounds
                .iter()
                .filter(|r| r.school_id == s.id)
                .collect();
            let b: Vec<_> = back
                .readiness
                .rounds
                .iter()
                .filter(|r| r.school_id == s.id)
                .collect();
            assert_eq!(a, b);
        }
        assert_eq!(back.plus, doc.plus);
        // And a grouped document comes back exactly.
        assert_eq!(join(split(&back)).unwrap(), back);
    }

    #[test]
    fn every_part_survives_its_json() {
        let doc = demo::benson("t");
        for (name, part) in split(&doc) {
            let back = Part::from_json(&name, &part.to_json()).unwrap();
            assert_eq!(back, part, "{name}");
        }
        assert!(Part::from_json("mystery.x", b"[]").is_err());
        assert!(Part::from_json(CORE, b"[]").unwrap_err().contains("core"));
    }

    #[test]
    fn unknown_fields_are_kept_in_every_part() {
        let mut doc = demo::benson("t");
        doc.extra
            .insert("fromTheFuture".into(), serde_json::json!({"x": 1}));
        doc.readiness.extra.insert("r".into(), serde_json::json!(2));
        doc.plus.extra.insert("p".into(), serde_json::json!(3));
        let parts: BTreeMap<String, Part> = split(&doc)
            .into_iter()
            .map(|(n, p)| {
                let json = p.to_json();
                (n.clone(), Part::from_json(&n, &json).unwrap())
            })
            .collect();
        let back = join(parts).unwrap();
        assert_eq!(back.extra, doc.extra);
        assert_eq!(back.readiness.extra, doc.readiness.extra);
        assert_eq!(back.plus.extra, doc.plus.extra);
    }

    #[test]
    fn a_save_writes_only_what_changed() {
        let doc = grouped(&synthetic::district(30, 4));
        let mut saved = Saved::default();
        let first = saved.changes(&doc);
        assert_eq!(first.write.len(), 1 + 30, "core and every school's rounds");
        saved.apply(first);
        assert!(saved.changes(&doc).is_empty(), "nothing changed");

        // One rating changes one school's rounds.
        let mut edited = doc.clone();
        let school = edited.readiness.rounds[5].school_id.clone();
        edited.readiness.rounds[5].label.push_str(" (moved)");
        let c = saved.changes(&edited);
        assert_eq!(c.write.len(), 1);
        assert_eq!(c.write[0].0, format!("rounds.{}", school.as_str()));
        assert!(c.remove.is_empty());
        saved.apply(c);
        assert!(saved.changes(&edited).is_empty());

        // A renamed school changes the core only.
        edited.schools[0].name = "Renamed".into();
        let c = saved.changes(&edited);
        assert_eq!(
            c.write.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
            ["core"]
        );
        saved.apply(c);

        // Removing a school's rounds removes its part.
        let gone = edited.schools[3].id.clone();
        edited.readiness.rounds.retain(|r| r.school_id != gone);
        let c = saved.changes(&edited);
        assert_eq!(c.remove, vec![format!("rounds.{}", gone.as_str())]);
        assert!(c.write.is_empty());
    }

    #[test]
    fn the_order_of_rounds_across_schools_does_not_count_as_a_change() {
        let doc = grouped(&synthetic::district(10, 3));
        let mut saved = Saved::default();
        saved.apply(saved.changes(&doc));
        let mut shuffled = doc.clone();
        shuffled.readiness.rounds.reverse();
        // Reversing also reverses each school's own order: every school changed.
        assert_eq!(saved.changes(&shuffled).write.len(), 10);
        // Interleaving schools, each keeping its own order, changes nothing.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let place: HashMap<String, usize> = doc
            .readiness
            .rounds
            .iter()
            .map(|r| {
                let n = seen.entry(r.school_id.as_str().to_string()).or_default();
                *n += 1;
                (r.id.as_str().to_string(), *n)
            })
            .collect();
        let mut interleaved = doc.clone();
        interleaved
            .readiness
            .rounds
            .sort_by_key(|r| place[r.id.as_str()]);
        assert_ne!(interleaved.readiness.rounds, doc.readiness.rounds);
        assert!(saved.changes(&interleaved).is_empty());
    }

    #[test]
    fn the_planner_and_boards_are_parts_of_their_own() {
        let doc = grouped(&demo::benson("t"));
        let mut saved = Saved::default();
        saved.apply(saved.changes(&doc));
        let mut edited = doc.clone();
        edited.plus.boards[0].members[0].name = "Renamed Plus teacher".into();
        let c = saved.changes(&edited);
        assert_eq!(c.write.len(), 1);
        assert!(c.write[0].0.starts_with("board."), "{:?}", c.write[0].0);
        edited.phase_in.settings.years = 4;
        let c = saved.changes(&edited);
        assert!(c.write.iter().any(|w| w.0 == PHASE_IN));
    }

    #[test]
    fn each_engagement_is_a_part_of_its_own_and_keeps_its_order() {
        let doc = demo::benson("t");
        assert!(doc.executive.engagements.len() >= 4);
        let parts = split(&doc);
        assert!(parts.contains_key(EXECUTIVE));
        for e in &doc.executive.engagements {
            assert!(parts.contains_key(&format!("engagement.{}", e.id)));
        }
        let back = join(split(&doc)).unwrap();
        assert_eq!(
            back.executive, doc.executive,
            "order, tiers, cohorts and sessions"
        );

        let doc = grouped(&doc);
        let mut saved = Saved::default();
        saved.apply(saved.changes(&doc));
        // A contact's notes change one engagement's part only.
        let mut edited = doc.clone();
        edited.executive.engagements[1].contacts[0].private_notes = "Changed".into();
        let c = saved.changes(&edited);
        assert_eq!(
            c.write.len(),
            1,
            "{:?}",
            c.write.iter().map(|w| &w.0).collect::<Vec<_>>()
        );
        assert_eq!(
            c.write[0].0,
            format!("engagement.{}", edited.executive.engagements[1].id)
        );
        // A cohort session is in the executive part.
        edited.executive.sessions[0].minutes += 10;
        let c = saved.changes(&edited);
        assert!(c.write.iter().any(|w| w.0 == EXECUTIVE));
        // A removed engagement's part goes, and the order changes.
        let mut edited = doc.clone();
        let gone = edited.executive.engagements.remove(0);
        let c = saved.changes(&edited);
        assert_eq!(c.remove, vec![format!("engagement.{}", gone.id)]);
        assert!(c.write.iter().any(|w| w.0 == EXECUTIVE));
        // No executive coaching at all: no part.
        let mut none = doc.clone();
        none.executive = Default::default();
        assert!(!split(&none).contains_key(EXECUTIVE));
        let c = saved.changes(&none);
        assert!(c.remove.contains(&EXECUTIVE.to_string()));
        assert_eq!(join(split(&none)).unwrap().executive, none.executive);
    }

    #[test]
    fn the_charter_versions_are_a_part_a_draft_edit_never_writes() {
        let doc = grouped(&demo::benson("2026-11-30T09:00:00Z"));
        assert_eq!(doc.model.versions.len(), 2);
        let parts = split(&doc);
        assert!(parts.contains_key(MODEL) && parts.contains_key(MODEL_VERSIONS));
        // The model part holds no versions of its own.
        let Some(Part::Model(core)) = parts.get(MODEL) else {
            panic!()
        };
        assert!(core.versions.is_empty());
        assert_eq!(join(split(&doc)).unwrap().model, doc.model);
        // A part named "model" that holds versions is refused when read.
        let mut whole = serde_json::to_value(&doc.model).unwrap();
        assert!(Part::from_json(MODEL, whole.to_string().as_bytes()).is_err());
        whole.as_object_mut().unwrap().remove("versions");
        assert!(Part::from_json(MODEL, whole.to_string().as_bytes()).is_ok());

        let mut saved = Saved::default();
        saved.apply(saved.changes(&doc));
        let written = |edit: &dyn Fn(&mut Document)| {
            let mut edited = doc.clone();
            edit(&mut edited);
            let c = saved.changes(&edited);
            assert!(c.remove.is_empty(), "{:?}", c.remove);
            c.write.into_iter().map(|w| w.0).collect::<Vec<_>>()
        };
        // An edit of the draft writes the model's own part only.
        assert_eq!(
            written(&|d| d.model.draft.vision = "A new vision".into()),
            vec![MODEL]
        );
        // A check-in writes its coach's record only, and a staff session or an adaptation
        // its school's roll-out only.
        let coach = doc.model.check_ins[0].coach.clone();
        assert_eq!(
            written(&|d| d.model.check_ins[0].topics = "Changed".into()),
            vec![model_coach_name(coach.as_str())]
        );
        let a = &doc.model.adaptations[0];
        assert_eq!(
            written(&|d| d.model.adaptations[0].why = "Changed".into()),
            vec![model_school_name(a.school.as_str())]
        );
        let (i, school) = doc
            .model
            .sessions
            .iter()
            .enumerate()
            .find_map(|(i, s)| s.audience.school().map(|x| (i, x.clone())))
            .unwrap();
        assert_eq!(
            written(&|d| d.model.sessions[i].attendance += 1),
            vec![model_school_name(school.as_str())]
        );
        // A leaders' session is the model's own.
        let leaders = doc
            .model
            .sessions
            .iter()
            .position(|s| s.audience.school().is_none())
            .unwrap();
        assert_eq!(
            written(&|d| d.model.sessions[leaders].attendance += 1),
            vec![MODEL]
        );
        // A new check-in for another coach writes that coach's record.
        let other = doc.model.coaches.last().unwrap().id.clone();
        let names = written(&|d| {
            let mut x = d.model.check_ins[0].clone();
            x.id = Id::fixed("new-check-in");
            x.coach = other.clone();
            d.model.check_ins.insert(0, x);
        });
        assert_eq!(names, vec![model_coach_name(other.as_str())]);
        // Removing a coach's last record removes its part.
        let mut gone = doc.clone();
        gone.model.check_ins.retain(|x| x.coach != coach);
        gone.model.shadowing.retain(|x| x.coach != coach);
        gone.model.learning.retain(|x| x.coach != coach);
        let c = saved.changes(&gone);
        assert!(c.write.is_empty(), "{:?}", c.write);
        assert_eq!(c.remove, vec![model_coach_name(coach.as_str())]);
        // Publishing writes the versions part (and the draft is unchanged).
        let mut published = doc.clone();
        published.model.draft.vision = "A new vision".into();
        published.model.publish("2026-12-01", "").unwrap();
        let c = saved.changes(&published);
        let names: Vec<&str> = c.write.iter().map(|w| w.0.as_str()).collect();
        assert!(names.contains(&MODEL_VERSIONS), "{names:?}");
        // No model at all: no parts.
        let mut none = doc.clone();
        none.model = Default::default();
        let parts = split(&none);
        assert!(!parts.contains_key(MODEL) && !parts.contains_key(MODEL_VERSIONS));
        assert!(!parts
            .keys()
            .any(|k| k.starts_with(MODEL_SCHOOL) || k.starts_with(MODEL_COACH)));
        let c = saved.changes(&none);
        assert!(
            c.remove.contains(&MODEL.to_string()) && c.remove.contains(&MODEL_VERSIONS.to_string())
        );
        assert!(c.remove.iter().any(|k| k.starts_with(MODEL_COACH)));
        assert!(c.remove.iter().any(|k| k.starts_with(MODEL_SCHOOL)));
    }

    #[test]
    fn a_model_part_from_before_the_split_is_read_and_written_again_in_parts() {
        // Schema 4 kept the whole model but its versions in one part.
        let doc = grouped(&demo::benson("2026-11-30T09:00:00Z"));
        let mut parts = split(&doc);
        parts.retain(|k, _| !k.starts_with(MODEL_SCHOOL) && !k.starts_with(MODEL_COACH));
        let mut whole = doc.model.clone();
        whole.versions.clear();
        let json = serde_json::to_vec(&whole).unwrap();
        let old = Part::from_json(MODEL, &json).unwrap();
        parts.insert(MODEL.to_string(), old);
        let back = join(parts.clone()).unwrap();
        assert_eq!(back.model.check_ins, doc.model.check_ins);
        assert_eq!(back.model.adaptations, doc.model.adaptations);
        let mut sessions = back.model.sessions.clone();
        let mut expected = doc.model.sessions.clone();
        sessions.sort_by(|a, b| a.id.cmp(&b.id));
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(sessions, expected);
        // The next save writes the model's own part again, and a part per school and coach.
        let c = Saved::new(parts.clone()).changes(&back);
        let names: Vec<&str> = c.write.iter().map(|w| w.0.as_str()).collect();
        assert!(names.contains(&MODEL), "{names:?}");
        assert!(
            names.iter().any(|n| n.starts_with(MODEL_COACH)),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.starts_with(MODEL_SCHOOL)),
            "{names:?}"
        );
        let Some((_, Part::Model(core))) = c.write.iter().find(|w| w.0 == MODEL) else {
            panic!()
        };
        assert!(core.check_ins.is_empty() && core.adaptations.is_empty());
        assert!(core.sessions.iter().all(|s| s.audience.school().is_none()));
        // What that save leaves stored reads back as the same district, each record once.
        let mut saved = Saved::new(parts);
        saved.apply(c);
        let again = join(saved.parts.clone()).unwrap();
        assert_eq!(again.model.check_ins, back.model.check_ins);
        assert_eq!(again.model.adaptations, back.model.adaptations);
        assert_eq!(again.model.learning, back.model.learning);
        assert_eq!(again.model.shadowing, back.model.shadowing);
        let ids = |d: &Document| {
            let mut v: Vec<Id> = d.model.sessions.iter().map(|s| s.id.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&again), ids(&back));
        assert!(again.validate().is_empty());
        // And it is then unchanged.
        assert!(saved.changes(&again).is_empty());
    }

    #[test]
    fn the_coaches_records_come_back_in_the_coaches_order() {
        let doc = grouped(&demo::benson("2026-11-30T09:00:00Z"));
        let coaches: Vec<&Id> = doc.model.coaches.iter().map(|c| &c.id).collect();
        let mut seen: Vec<&Id> = doc.model.check_ins.iter().map(|c| &c.coach).collect();
        seen.dedup();
        let rank = |id: &Id| coaches.iter().position(|c| *c == id).unwrap();
        assert!(seen.windows(2).all(|w| rank(w[0]) < rank(w[1])), "{seen:?}");
        // A record for a coach no longer listed still comes back (validation then names it).
        let mut parts = split(&doc);
        let Some(Part::CoachRecord(r)) = parts.get(&model_coach_name(coaches[0].as_str())).cloned()
        else {
            panic!()
        };
        parts.insert(model_coach_name("coach-gone"), Part::CoachRecord(r.clone()));
        let back = join(parts).unwrap();
        assert_eq!(
            back.model.check_ins.len(),
            doc.model.check_ins.len() + r.check_ins.len()
        );
        // A part of the wrong kind under a model name is refused.
        let mut parts = split(&doc);
        parts.insert(model_school_name("x"), Part::ModelVersions(vec![]));
        assert!(join(parts).is_err());
    }

    #[test]
    fn a_scan_in_steps_finds_what_one_pass_finds() {
        let doc = grouped(&demo::benson("t"));
        let mut saved = Saved::default();
        let mut edited = doc.clone();
        saved.apply(saved.changes(&doc));
        edited.district.name = "Renamed".into();
        edited.plus.boards[0].members[0].name = "Renamed Plus teacher".into();
        let gone = edited.readiness.rounds[0].school_id.clone();
        edited.readiness.rounds.retain(|r| r.school_id != gone);
        let whole = saved.changes(&edited);
        assert_eq!(whole.write.len(), 2);
        assert_eq!(whole.remove.len(), 1);

        // Always out of time: one part a step.
        let mut scan = Scan::default();
        let mut steps = 1;
        let stepped = loop {
            match scan.step(&saved, &edited, &mut || true) {
                Some(c) => break c,
                None => steps += 1,
            }
        };
        assert_eq!(stepped, whole);
        let parts = 1 + doc.plus.boards.len() + edited.executive.engagements.len() + {
            let mut s: Vec<_> = edited
                .readiness
                .rounds
                .iter()
                .map(|r| &r.school_id)
                .collect();
            s.sort();
            s.dedup();
            s.len()
        };
        assert_eq!(
            steps, parts,
            "the core, planner, executive coaching and coaching model, then one school's or engagement's part a step"
        );

        // Out of time after three comparisons a step.
        let mut scan = Scan::default();
        let stepped = loop {
            let mut left = 3;
            let mut out = || {
                left -= 1;
                left <= 0
            };
            if let Some(c) = scan.step(&saved, &edited, &mut out) {
                break c;
            }
        };
        assert_eq!(stepped, whole);
    }
}
