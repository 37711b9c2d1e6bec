//! The Benson demo district: 21 invented schools (12 elementary, 5 middle, 4 high).
//!
//! The figures are invented but plausible. Four schools are clearly the lowest-performing
//! (mean proficiency under 30%); the rest range from the high 40s to the high 70s. Later
//! capabilities extend the demo (readiness rounds, a phase-in plan, a Plus-team board) so
//! that every page has real content to show.

use super::district::{District, Document, Extra, School, SchoolLevel};
use super::ids::Id;

pub const DEMO_DISTRICT_NAME: &str = "Benson School District";

/// (id, name, level, enrollment, % proficient reading, % proficient math, notes)
type Row = (
    &'static str,
    &'static str,
    SchoolLevel,
    u32,
    f64,
    f64,
    &'static str,
);

const SCHOOLS: [Row; 21] = [
    (
        "ash-grove-es",
        "Ash Grove Elementary",
        SchoolLevel::Elementary,
        412,
        71.0,
        66.0,
        "",
    ),
    (
        "birchwood-es",
        "Birchwood Elementary",
        SchoolLevel::Elementary,
        538,
        58.0,
        52.0,
        "",
    ),
    (
        "canal-street-es",
        "Canal Street Elementary",
        SchoolLevel::Elementary,
        467,
        24.0,
        19.0,
        "High mobility; a third of students new to the school each year.",
    ),
    (
        "dunmore-es",
        "Dunmore Elementary",
        SchoolLevel::Elementary,
        356,
        63.0,
        61.0,
        "",
    ),
    (
        "east-benson-es",
        "East Benson Elementary",
        SchoolLevel::Elementary,
        601,
        49.0,
        44.0,
        "",
    ),
    (
        "fairview-es",
        "Fairview Elementary",
        SchoolLevel::Elementary,
        389,
        77.0,
        74.0,
        "",
    ),
    (
        "glenhaven-es",
        "Glenhaven Elementary",
        SchoolLevel::Elementary,
        445,
        55.0,
        50.0,
        "",
    ),
    (
        "harbor-view-es",
        "Harbor View Elementary",
        SchoolLevel::Elementary,
        512,
        27.0,
        23.0,
        "New principal this year.",
    ),
    (
        "ironwood-es",
        "Ironwood Elementary",
        SchoolLevel::Elementary,
        298,
        68.0,
        64.0,
        "",
    ),
    (
        "juniper-es",
        "Juniper Elementary",
        SchoolLevel::Elementary,
        476,
        52.0,
        47.0,
        "",
    ),
    (
        "kestrel-park-es",
        "Kestrel Park Elementary",
        SchoolLevel::Elementary,
        430,
        60.0,
        57.0,
        "",
    ),
    (
        "linden-es",
        "Linden Elementary",
        SchoolLevel::Elementary,
        341,
        46.0,
        42.0,
        "",
    ),
    (
        "maple-ridge-ms",
        "Maple Ridge Middle School",
        SchoolLevel::Middle,
        742,
        54.0,
        45.0,
        "",
    ),
    (
        "northgate-ms",
        "Northgate Middle School",
        SchoolLevel::Middle,
        688,
        21.0,
        16.0,
        "Two assistant principal vacancies.",
    ),
    (
        "oak-hollow-ms",
        "Oak Hollow Middle School",
        SchoolLevel::Middle,
        615,
        62.0,
        55.0,
        "",
    ),
    (
        "pinecrest-ms",
        "Pinecrest Middle School",
        SchoolLevel::Middle,
        804,
        48.0,
        40.0,
        "",
    ),
    (
        "quarry-hill-ms",
        "Quarry Hill Middle School",
        SchoolLevel::Middle,
        570,
        57.0,
        49.0,
        "",
    ),
    (
        "benson-hs",
        "Benson High School",
        SchoolLevel::High,
        1640,
        59.0,
        43.0,
        "",
    ),
    (
        "riverside-hs",
        "Riverside High School",
        SchoolLevel::High,
        1385,
        26.0,
        18.0,
        "Ninth-grade on-track rate is the lowest in the district.",
    ),
    (
        "summit-hs",
        "Summit High School",
        SchoolLevel::High,
        1212,
        72.0,
        58.0,
        "",
    ),
    (
        "westbrook-hs",
        "Westbrook High School",
        SchoolLevel::High,
        1098,
        51.0,
        38.0,
        "",
    ),
];

/// The demo district as it is first loaded.
pub fn benson(created_at: &str) -> Document {
    let schools = SCHOOLS
        .iter()
        .map(
            |&(id, name, level, enrollment, reading, math, notes)| School {
                id: Id::fixed(id),
                name: name.to_string(),
                level,
                enrollment,
                reading_proficient: Some(reading),
                math_proficient: Some(math),
                notes: notes.to_string(),
                extra: Extra::new(),
            },
        )
        .collect();
    Document {
        district: District {
            id: Id::fixed("benson-demo"),
            name: DEMO_DISTRICT_NAME.to_string(),
            is_demo: true,
            created_at: created_at.to_string(),
            extra: Extra::new(),
        },
        schools,
        extra: Extra::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benson_has_21_valid_schools_at_every_level() {
        let d = benson("2026-11-23T00:00:00Z");
        assert_eq!(d.schools.len(), 21);
        assert!(d.validate().is_empty(), "{:?}", d.validate());
        for level in SchoolLevel::ALL {
            assert!(
                d.schools.iter().any(|s| s.level == level),
                "no {level:?} school"
            );
        }
        assert!(d.district.is_demo);
    }

    #[test]
    fn four_schools_are_clearly_the_lowest_performing() {
        let d = benson("t");
        let mut scores: Vec<f64> = d.schools.iter().map(|s| s.proficiency().unwrap()).collect();
        scores.sort_by(f64::total_cmp);
        // The fourth-lowest is well below the fifth: a clear gap, not a close call.
        assert!(scores[3] < 30.0, "{scores:?}");
        assert!(scores[4] - scores[3] > 15.0, "{scores:?}");
        let lowest: Vec<&str> = d
            .lowest_performing(4)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            lowest,
            [
                "northgate-ms",
                "canal-street-es",
                "riverside-hs",
                "harbor-view-es"
            ]
        );
    }
}
