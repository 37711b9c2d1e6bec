//! The district's readiness framework: criteria, level descriptors, guiding questions,
//! weights and the gate. Frameworks are versioned: a version that a round has used is never
//! changed again, so editing the framework never changes a past result.

use crate::domain::district::Extra;
use serde::{Deserialize, Serialize};

/// The four levels a criterion is rated on, 1 to 4.
pub const LEVEL_NAMES: [&str; 4] = ["Not yet", "Emerging", "Developing", "Ready"];
pub const MIN_LEVEL: u8 = 1;
pub const MAX_LEVEL: u8 = 4;
/// Weights run from 0 (shown, but left out of the index) to this.
pub const MAX_WEIGHT: u32 = 10;
pub const MAX_CRITERIA: usize = 16;
pub const MAX_QUESTIONS: usize = 6;
/// The default gate: any agreed level at or below it means "not yet ready".
pub const DEFAULT_GATE: u8 = 1;

pub const MAX_CRITERION_NAME: usize = 100;
pub const MAX_DESCRIPTION: usize = 600;

/// The name of a level, such as "3 Developing". `level` outside 1..=4 gives "Not rated".
pub fn level_label(level: u8) -> String {
    match level_name(level) {
        Some(name) => format!("{level} {name}"),
        None => "Not rated".to_string(),
    }
}

pub fn level_name(level: u8) -> Option<&'static str> {
    (MIN_LEVEL..=MAX_LEVEL)
        .contains(&level)
        .then(|| LEVEL_NAMES[usize::from(level - 1)])
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    /// Stable across framework versions, so that rounds made with different versions can be
    /// compared criterion by criterion.
    pub id: String,
    pub name: String,
    pub definition: String,
    /// What each level looks like, from 1 (Not yet) to 4 (Ready).
    pub levels: [String; 4],
    #[serde(default)]
    pub questions: Vec<String>,
    pub weight: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Framework {
    /// 1, 2, 3… Rounds refer to the version they were made with.
    pub version: u32,
    /// Any agreed level at or below this one means "not yet ready". 0 turns the gate off.
    pub gate: u8,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub created_at: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Framework {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn total_weight(&self) -> u32 {
        self.criteria.iter().map(|c| c.weight).sum()
    }

    /// Every problem that makes this framework unusable, as sentences.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.criteria.is_empty() {
            out.push("The framework needs at least one criterion.".to_string());
        }
        if self.criteria.len() > MAX_CRITERIA {
            out.push(format!(
                "The framework has {} criteria; the limit is {MAX_CRITERIA}.",
                self.criteria.len()
            ));
        }
        if self.gate > MAX_LEVEL - 1 {
            out.push("The gate level must be between 0 (off) and 3.".to_string());
        }
        if !self.criteria.is_empty() && self.total_weight() == 0 {
            out.push("At least one criterion needs a weight above 0.".to_string());
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            let label = if c.name.trim().is_empty() {
                format!("Criterion {}", i + 1)
            } else {
                crate::domain::text::quote_short(&c.name)
            };
            if c.id.trim().is_empty() || !seen.insert(c.id.as_str()) {
                out.push(format!("{label} has a missing or repeated ID."));
            }
            if c.name.trim().is_empty() {
                out.push(format!("{label} needs a name."));
            } else if c.name.chars().count() > MAX_CRITERION_NAME {
                out.push(format!(
                    "{label}: the name is longer than {MAX_CRITERION_NAME} characters."
                ));
            }
            if c.weight > MAX_WEIGHT {
                out.push(format!(
                    "{label}: the weight must be between 0 and {MAX_WEIGHT}."
                ));
            }
            let long = std::iter::once(&c.definition)
                .chain(c.levels.iter())
                .chain(c.questions.iter())
                .any(|t| t.chars().count() > MAX_DESCRIPTION);
            if long {
                out.push(format!(
                    "{label}: a definition, descriptor or question is longer than {MAX_DESCRIPTION} characters."
                ));
            }
            if c.questions.len() > MAX_QUESTIONS {
                out.push(format!(
                    "{label} has {} guiding questions; the limit is {MAX_QUESTIONS}.",
                    c.questions.len()
                ));
            }
        }
        out
    }
}

fn criterion(
    id: &str,
    name: &str,
    definition: &str,
    levels: [&str; 4],
    questions: &[&str],
    weight: u32,
) -> Criterion {
    Criterion {
        id: id.to_string(),
        name: name.to_string(),
        definition: definition.to_string(),
        levels: levels.map(str::to_string),
        questions: questions.iter().map(|q| q.to_string()).collect(),
        weight,
        extra: Extra::new(),
    }
}

/// The framework a district starts with: the eight criteria from the Benson story, with
/// descriptors a leadership team can recognise in its own school. Continuous improvement,
/// collective responsibility and principal readiness weigh most, as in the story.
pub fn default_framework() -> Framework {
    Framework {
        version: 1,
        gate: DEFAULT_GATE,
        created_at: String::new(),
        extra: Extra::new(),
        criteria: vec![
            criterion(
                "collaboration",
                "Staff collaboration",
                "Teachers plan, examine student work and solve problems of practice together, on a regular schedule and with a shared focus.",
                [
                    "Teachers mostly work alone. Team time, where it exists, goes to logistics, and classroom doors stay closed.",
                    "Some teams meet regularly, but conversations rarely reach instruction or student work. Collaboration depends on a few willing people.",
                    "Most teams meet weekly with agendas about teaching and learning. Teachers share lessons and look at student work, though not yet every team, every week.",
                    "Collaboration is how the school works: every team uses protocols to study student work, plans common lessons, and opens classrooms to one another.",
                ],
                &[
                    "When teachers meet, what do they talk about? Show us an agenda or notes from a recent meeting.",
                    "How often do teachers see one another teach?",
                    "What happens when a teacher tries something new and it does not work?",
                ],
                2,
            ),
            criterion(
                "commitment",
                "Staff commitment to student success",
                "Staff believe every student can learn at high levels and hold themselves, rather than students or families, responsible for getting them there.",
                [
                    "Low results are explained by students, families or the neighbourhood. Expectations differ by group, and some students are written off.",
                    "Staff say all students can succeed, but talk about struggling students often turns to their circumstances rather than to teaching.",
                    "Most staff take responsibility for results and adjust teaching for students who struggle; a few still attribute gaps to students' backgrounds.",
                    "Staff talk about every student's progress by name, set high expectations for all, and treat a student's struggle as a question about teaching.",
                ],
                &[
                    "When a group of students is not learning, what is the first explanation people give?",
                    "Which students are you most worried about this year, and what are you doing for them?",
                ],
                2,
            ),
            criterion(
                "efficacy",
                "Staff sense of efficacy and agency",
                "Teachers believe their teaching makes the difference for students and feel they have a say in how the school improves.",
                [
                    "Teachers feel results are out of their hands. Initiatives are seen as things done to them, and many wait to be told what to do.",
                    "Some teachers believe they can move results and try new practices, but many doubt that changes will last or that their voice counts.",
                    "Most teachers are confident they can improve learning and take part in improvement decisions, though agency varies by team.",
                    "Teachers expect to make a difference, lead improvement work themselves, and seek out feedback and new practices.",
                ],
                &[
                    "Tell us about a change in teaching here that made a difference for students. Who started it?",
                    "How are teachers involved in choosing the school's improvement priorities?",
                    "How would teachers describe a coach who came to work with them?",
                ],
                2,
            ),
            criterion(
                "results",
                "Current student results",
                "How students are doing now, and whether the school uses its data to understand and improve learning. Low results do not lower this rating by themselves; ignoring them does.",
                [
                    "Results are low and falling, and the school has no shared picture of them. Data is seen as the district's business.",
                    "Results are low or flat. Leaders know the headline numbers, but teachers rarely use data to change what they do.",
                    "Results are improving in places. Teams use common assessments to find students who need help and act on what they find.",
                    "Results are strong or rising steadily, and every team uses data on a regular cycle to adjust instruction.",
                ],
                &[
                    "Which results is the school proudest of, and which worry you most?",
                    "How do teachers use assessment data between the state tests?",
                ],
                1,
            ),
            criterion(
                "improvement",
                "Commitment to continuous improvement",
                "The school sets a few clear goals, learns its way towards them in cycles, and keeps at it rather than chasing new initiatives.",
                [
                    "There is no shared improvement plan that staff know of, or the plan is a compliance document. New initiatives come and go.",
                    "There is a plan with goals, but few staff can name them and progress is reviewed rarely. Professional learning is one-off workshops.",
                    "Goals are known and reviewed each term. Professional learning is tied to the goals, though follow-through in classrooms is uneven.",
                    "Staff can name the school's goals and their part in them. The school works in cycles of learning, tries practices, checks the evidence and adjusts.",
                ],
                &[
                    "What are the school's improvement goals this year, and how will you know you are reaching them?",
                    "What did the school stop doing in order to focus?",
                    "How does professional learning here carry into classrooms?",
                ],
                3,
            ),
            criterion(
                "responsibility",
                "Collective responsibility",
                "Staff share responsibility for all students in the school, not only those in their own classroom, and hold one another to agreed practices.",
                [
                    "Each teacher is responsible for their own class only. Problems in other classrooms or grades are someone else's business.",
                    "Teachers help colleagues when asked, but there is no shared ownership of school-wide results or agreements.",
                    "Teams share responsibility for the students in their grade or subject, and most keep to common agreements.",
                    "Staff act as one faculty: they know students across classrooms, share school-wide goals, and raise concerns with one another openly.",
                ],
                &[
                    "Whose students are the students in this school?",
                    "What happens when a team agreement is not kept?",
                ],
                3,
            ),
            criterion(
                "principal",
                "Principal readiness and understanding of the coach's role",
                "The principal understands what a coach does and does not do, will protect coaching time and confidentiality, and can introduce the coach as a partner for teachers, not an evaluator.",
                [
                    "The principal sees a coach as an extra administrator, a substitute or an evaluator's helper, and has not thought about how coaching would fit the school.",
                    "The principal welcomes a coach but is unsure of the role, and may pull the coach into duties or ask for reports on teachers.",
                    "The principal can describe the coach's role and its limits, and has ideas for time and focus; the plan to introduce the coach to staff is still forming.",
                    "The principal can explain the coach's role to staff, will keep coaching confidential and separate from evaluation, and has planned time, space and focus for the coach.",
                ],
                &[
                    "What would a coach do in your school in the first month? What would they not do?",
                    "How will you introduce the coach to staff?",
                    "What would you do if a teacher's struggles came up in a conversation with the coach?",
                    "How will you protect the coach's time?",
                ],
                3,
            ),
            criterion(
                "leadership",
                "Leadership-team dynamics",
                "How the leadership team works together and with administrators: trust, candour, shared decision-making and follow-through.",
                [
                    "The team rarely meets, or meets only to hear announcements. Members hesitate to disagree with the principal or with one another.",
                    "The team meets regularly but decisions are made elsewhere. Disagreement is avoided, and members speak for themselves rather than for staff.",
                    "The team makes real decisions with the principal and follows up most of them. Members disagree openly on most topics.",
                    "The team leads improvement with the principal: it debates candidly, decides together, communicates with staff and holds itself to account.",
                ],
                &[
                    "What decision did this team make recently, and what happened next?",
                    "How does the team handle disagreement, with each other and with administrators?",
                    "How do staff hear about the team's work?",
                ],
                2,
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_has_the_eight_criteria_of_the_story() {
        let f = default_framework();
        assert!(f.problems().is_empty(), "{:?}", f.problems());
        assert_eq!(f.criteria.len(), 8);
        assert_eq!(f.gate, 1);
        for c in &f.criteria {
            assert!((2..=4).contains(&c.questions.len()), "{}", c.name);
            assert!(c.levels.iter().all(|l| l.len() > 40), "{}", c.name);
            assert!(c.weight >= 1);
        }
        // Continuous improvement, collective responsibility and principal readiness weigh most.
        let heaviest: Vec<&str> = f
            .criteria
            .iter()
            .filter(|c| c.weight == 3)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(heaviest, ["improvement", "responsibility", "principal"]);
    }

    #[test]
    fn level_labels_name_the_level() {
        assert_eq!(level_label(1), "1 Not yet");
        assert_eq!(level_label(4), "4 Ready");
        assert_eq!(level_label(0), "Not rated");
        assert_eq!(level_label(5), "Not rated");
    }

    #[test]
    fn problems_are_found_and_named() {
        let mut f = default_framework();
        f.criteria[1].id = f.criteria[0].id.clone();
        f.criteria[2].name = " ".into();
        f.criteria[3].weight = 11;
        f.gate = 4;
        let p = f.problems();
        assert!(p.iter().any(|s| s.contains("repeated ID")), "{p:?}");
        assert!(p.iter().any(|s| s == "Criterion 3 needs a name."), "{p:?}");
        assert!(
            p.iter()
                .any(|s| s.contains("weight must be between 0 and 10")),
            "{p:?}"
        );
        assert!(p.iter().any(|s| s.contains("gate level")), "{p:?}");

        let mut none = default_framework();
        for c in &mut none.criteria {
            c.weight = 0;
        }
        assert!(none.problems().iter().any(|s| s.contains("weight above 0")));
    }
}
