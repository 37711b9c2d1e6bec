//! Importing a board's teachers or its Plus team from a CSV file or from rows pasted from a
//! spreadsheet (tab-separated), with the roster import's rules: a preview first, every
//! error with its row number, and nothing written while any error remains.
//!
//! The bytes are read by the roster import's [`encoding`](crate::domain::phase_in::encoding)
//! (UTF-8, UTF-16 with a BOM, otherwise Windows-1252); the delimiter is found from the
//! header row as the roster import does (tabs, semicolons without commas, or commas).

use super::board::MAX_MEMBERS;
use super::state::{Board, MAX_TEACHERS, MAX_TEAMS};
use crate::domain::district::same_name;
use crate::domain::ids::Id;
use crate::domain::phase_in::encoding;
use crate::domain::text::{self, plural};
use std::collections::HashMap;

/// What the rows are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Name, Team, Subject, Coaching focus (optional), Email (optional).
    Teachers,
    /// Name, Expertise.
    PlusTeam,
}

impl Kind {
    pub fn columns(self) -> &'static str {
        match self {
            Kind::Teachers => "Name, Team, Subject and (optional) Coaching focus and Email",
            Kind::PlusTeam => "Name and Expertise",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The spreadsheet's row number.
    pub row: usize,
    pub name: String,
    /// Teachers: their team; the Plus team: their expertise.
    pub team_or_expertise: String,
    pub subject: String,
    pub focus: String,
    /// Teachers: their email, when the rows have an Email column (`None`: keep what the
    /// board has).
    pub email: Option<String>,
    /// Someone already on the board with this name: their details are updated.
    pub updates: bool,
    /// Teachers: a team the board does not have yet (it is added).
    pub new_team: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub kind: Kind,
    pub rows: Vec<Row>,
    /// Every problem, each naming its row ("Row 4: …").
    pub errors: Vec<String>,
    /// How the file was read ("Read as UTF-8."), for a file.
    pub read_as: Option<&'static str>,
}

impl Preview {
    pub fn can_apply(&self) -> bool {
        self.errors.is_empty() && !self.rows.is_empty()
    }

    /// "40 rows: 38 to add, 2 to update; 5 new teams."
    pub fn summary(&self) -> String {
        let updates = self.rows.iter().filter(|r| r.updates).count();
        let mut teams: Vec<&str> = self
            .rows
            .iter()
            .filter(|r| r.new_team)
            .map(|r| r.team_or_expertise.as_str())
            .collect();
        teams.sort_unstable();
        teams.dedup();
        let n = self.rows.len();
        let mut s = format!(
            "{}: {} to add, {updates} to update",
            plural(n, "row", "rows"),
            n - updates
        );
        if !teams.is_empty() {
            s.push_str(&format!(
                "; {}",
                plural(teams.len(), "new team", "new teams")
            ));
        }
        s.push('.');
        s
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Name,
    Team,
    Subject,
    Focus,
    Expertise,
    Email,
}

fn column(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    match h.trim() {
        "name" | "full name" | "teacher" | "teacher name" | "plus teacher" => Some(Column::Name),
        "team" | "teacher team" | "grade team" | "grade" => Some(Column::Team),
        "subject" => Some(Column::Subject),
        "focus" | "coaching focus" => Some(Column::Focus),
        "expertise" | "subject expertise" => Some(Column::Expertise),
        "email" | "e mail" | "email address" | "mail" => Some(Column::Email),
        _ => None,
    }
}

fn delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    if count('\t') > count(',') + count(';') {
        b'\t'
    } else if count(',') == 0 && count(';') > 0 {
        b';'
    } else {
        b','
    }
}

/// A file's bytes: decoded as the roster import decodes them, then read.
pub fn preview_bytes(bytes: &[u8], board: &Board, kind: Kind) -> Preview {
    let (text, enc) = encoding::decode_bytes(bytes);
    let mut p = match encoding::nul_problem(&text) {
        Some(problem) => Preview {
            kind,
            rows: Vec::new(),
            errors: vec![problem],
            read_as: None,
        },
        None => preview(&text, board, kind),
    };
    p.read_as = Some(enc.describe());
    p
}

/// Text: a CSV file, or rows pasted from a spreadsheet, with a header row first.
pub fn preview(text: &str, board: &Board, kind: Kind) -> Preview {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Preview {
        kind,
        rows: Vec::new(),
        errors: Vec::new(),
        read_as: None,
    };
    let header_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(header_line))
        .from_reader(text.as_bytes());
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for r in reader.records() {
        match r {
            Ok(r) => {
                // The reader's position is before any blank lines it skipped: the row is
                // the line the record's first character is on.
                let bytes = text.as_bytes();
                let from = r
                    .position()
                    .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0))
                    .min(bytes.len());
                let start = bytes[from..]
                    .iter()
                    .position(|b| *b != b'\r' && *b != b'\n')
                    .map_or(bytes.len(), |i| from + i);
                let row = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
                let cells: Vec<String> = r.iter().map(|c| c.trim().to_string()).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    records.push((row, cells));
                }
            }
            Err(_) => {
                out.errors.push("The rows could not be read as CSV.".into());
                return out;
            }
        }
    }
    let Some(((header_row, header), data)) = records.split_first() else {
        out.errors.push(format!(
            "There is nothing to import: paste rows with a header row first ({}).",
            kind.columns()
        ));
        return out;
    };
    let mut cols: HashMap<Column, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        if let Some(c) = column(h) {
            cols.entry(c).or_insert(i);
        }
    }
    let needed: &[(Column, &str)] = match kind {
        Kind::Teachers => &[
            (Column::Name, "Name"),
            (Column::Team, "Team"),
            (Column::Subject, "Subject"),
        ],
        Kind::PlusTeam => &[(Column::Name, "Name"), (Column::Expertise, "Expertise")],
    };
    let missing: Vec<&str> = needed
        .iter()
        .filter(|(c, _)| !cols.contains_key(c))
        .map(|(_, n)| *n)
        .collect();
    if !missing.is_empty() {
        out.errors.push(format!(
            "Row {header_row}: the header row needs the columns {}; it has no {}.",
            kind.columns(),
            missing.join(" or ")
        ));
        return out;
    }
    if data.is_empty() {
        out.errors.push(format!(
            "There is nothing to import below the header row (row {header_row})."
        ));
        return out;
    }
    let cell = |cells: &[String], c: Column| {
        cols.get(&c)
            .and_then(|i| cells.get(*i))
            .cloned()
            .unwrap_or_default()
    };
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (row, cells) in data {
        let mut problems = Vec::new();
        let name = match text::clean_name("The name", &cell(cells, Column::Name)) {
            Ok(n) => n,
            Err(e) => {
                problems.push(e);
                String::new()
            }
        };
        if let Some((_, first)) = seen
            .iter()
            .find(|(n, _)| !name.is_empty() && same_name(n, &name))
        {
            problems.push(format!("{name} is also on row {first}."));
        }
        let (second, subject, focus) = match kind {
            Kind::Teachers => (
                text::clean_name("The team", &cell(cells, Column::Team)),
                text::clean_name("The subject", &cell(cells, Column::Subject)),
                cell(cells, Column::Focus),
            ),
            Kind::PlusTeam => (
                text::clean_name("The expertise", &cell(cells, Column::Expertise)),
                Ok(String::new()),
                String::new(),
            ),
        };
        let second = second.unwrap_or_else(|e| {
            problems.push(e);
            String::new()
        });
        let subject = subject.unwrap_or_else(|e| {
            problems.push(e);
            String::new()
        });
        if focus.chars().count() > text::MAX_NAME_CHARS {
            problems.push(format!(
                "The coaching focus is longer than {} characters.",
                text::MAX_NAME_CHARS
            ));
        }
        let email = (kind == Kind::Teachers && cols.contains_key(&Column::Email)).then(|| {
            text::clean_email(&cell(cells, Column::Email)).unwrap_or_else(|e| {
                problems.push(e);
                String::new()
            })
        });
        for p in problems {
            out.errors.push(format!("Row {row}: {p}"));
        }
        if !name.is_empty() {
            seen.push((name.clone(), *row));
        }
        out.rows.push(Row {
            row: *row,
            new_team: kind == Kind::Teachers
                && !second.is_empty()
                && !board.teams.iter().any(|t| same_name(&t.name, &second)),
            updates: match kind {
                Kind::Teachers => board.teachers.iter().any(|t| same_name(&t.name, &name)),
                Kind::PlusTeam => board.members.iter().any(|m| same_name(&m.name, &name)),
            },
            name,
            team_or_expertise: second,
            subject,
            focus,
            email,
        });
    }
    // The board's limits, counted after the import.
    let adds = out.rows.iter().filter(|r| !r.updates).count();
    match kind {
        Kind::Teachers => {
            if board.teachers.len() + adds > MAX_TEACHERS {
                out.errors.push(format!(
                    "A board holds {MAX_TEACHERS} teachers at most; this would make {}.",
                    board.teachers.len() + adds
                ));
            }
            let mut new_teams: Vec<String> = Vec::new();
            for r in out.rows.iter().filter(|r| r.new_team) {
                if !new_teams.iter().any(|t| same_name(t, &r.team_or_expertise)) {
                    new_teams.push(r.team_or_expertise.clone());
                }
            }
            if board.teams.len() + new_teams.len() > MAX_TEAMS {
                out.errors.push(format!(
                    "A board has {MAX_TEAMS} teams at most; this would make {}.",
                    board.teams.len() + new_teams.len()
                ));
            }
        }
        Kind::PlusTeam => {
            if board.members.len() + adds > MAX_MEMBERS {
                out.errors.push(format!(
                    "A Plus team has {MAX_MEMBERS} members at most; this would make {}.",
                    board.members.len() + adds
                ));
            }
        }
    }
    out
}

/// Put a preview on the board: refused (and nothing changed) while it has any error.
/// New people and teams get IDs from `new_id`. Returns the sentence to say.
pub fn apply(
    board: &mut Board,
    p: &Preview,
    mut new_id: impl FnMut() -> Id,
) -> Result<String, String> {
    if !p.errors.is_empty() {
        return Err(format!(
            "Nothing was imported: fix the {} first.",
            if p.errors.len() == 1 {
                "error".to_string()
            } else {
                format!("{} errors", p.errors.len())
            }
        ));
    }
    if p.rows.is_empty() {
        return Err("There is nothing to import.".into());
    }
    let mut b = board.clone();
    for r in &p.rows {
        let fail = |e: String| format!("Row {}: {e} Nothing was imported.", r.row);
        match p.kind {
            Kind::Teachers => {
                let team = match b
                    .teams
                    .iter()
                    .find(|t| same_name(&t.name, &r.team_or_expertise))
                {
                    Some(t) => t.id.clone(),
                    None => {
                        let id = new_id();
                        b.add_team(id.clone(), &r.team_or_expertise).map_err(fail)?;
                        id
                    }
                };
                let id = b
                    .teachers
                    .iter()
                    .find(|t| same_name(&t.name, &r.name))
                    .map_or_else(&mut new_id, |t| t.id.clone());
                b.put_teacher(id.clone(), &r.name, &team, &r.subject, &r.focus)
                    .map_err(fail)?;
                if let Some(email) = &r.email {
                    b.set_teacher_email(&id, email).map_err(fail)?;
                }
            }
            Kind::PlusTeam => match b.members.iter().find(|m| same_name(&m.name, &r.name)) {
                Some(m) => {
                    let id = m.id.clone();
                    b.update_member(&id, &r.name, &r.team_or_expertise)
                        .map_err(fail)?;
                }
                None => b
                    .add_member(new_id(), &r.name, &r.team_or_expertise)
                    .map_err(fail)?,
            },
        }
    }
    *board = b;
    let s = p.summary();
    Ok(format!(
        "Imported {}",
        s.replacen(" to add", " added", 1)
            .replacen(" to update", " updated", 1)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plus::demo;

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0;
        move || {
            n += 1;
            Id::fixed(format!("new-{n}"))
        }
    }

    #[test]
    fn an_email_column_sets_teachers_emails_and_a_bad_address_names_its_row() {
        let mut b = demo::board();
        let existing = b.teachers[0].name.clone();
        let text = format!("Name,Team,Subject,Email\n{existing},Grade 6,Math,abby@school.org\nLena Park,Grade 6,Math,\n");
        let p = preview(&text, &b, Kind::Teachers);
        assert_eq!(p.errors, Vec::<String>::new());
        assert_eq!(p.rows[0].email.as_deref(), Some("abby@school.org"));
        apply(&mut b, &p, ids()).unwrap();
        assert_eq!(b.teachers[0].email, "abby@school.org");
        // Without an Email column, emails stay as they are.
        let p = preview(
            &format!("Name,Team,Subject\n{existing},Grade 6,Math\n"),
            &b,
            Kind::Teachers,
        );
        assert_eq!(p.rows[0].email, None);
        apply(&mut b, &p, ids()).unwrap();
        assert_eq!(b.teachers[0].email, "abby@school.org");
        let p = preview(
            "Name,Team,Subject,Email\nRaj Iyer,Grade 9,Science,raj at school\n",
            &b,
            Kind::Teachers,
        );
        assert_eq!(p.errors.len(), 1);
        assert!(
            p.errors[0].starts_with("Row 2: \u{201c}raj at school\u{201d} is not an email address"),
            "{:?}",
            p.errors
        );
    }

    #[test]
    fn pasted_spreadsheet_rows_preview_then_import_teachers_and_new_teams() {
        let mut b = demo::board();
        let before = b.teachers.len();
        // Tab-separated, as a spreadsheet copies rows; an existing teacher is updated.
        let existing = b.teachers[0].name.clone();
        let text = format!(
            "Name\tTeam\tSubject\tCoaching focus\nLena Park\tGrade 6\tMath\tExit tickets\n\n{existing}\tGrade 6\tScience\t\nRaj Iyer\tGrade 9\tScience\tLabs\n"
        );
        let p = preview(&text, &b, Kind::Teachers);
        assert_eq!(p.errors, Vec::<String>::new());
        assert_eq!(
            p.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
            [2, 4, 5],
            "blank rows keep their number"
        );
        assert!(p.rows[1].updates && !p.rows[0].updates);
        assert!(p.rows[2].new_team && !p.rows[0].new_team);
        assert_eq!(p.summary(), "3 rows: 2 to add, 1 to update; 1 new team.");
        let said = apply(&mut b, &p, ids()).unwrap();
        assert_eq!(said, "Imported 3 rows: 2 added, 1 updated; 1 new team.");
        assert_eq!(b.teachers.len(), before + 2);
        assert!(b.teams.iter().any(|t| t.name == "Grade 9"));
        assert_eq!(b.teachers[0].subject, "Science");
        assert_eq!(b.problems(), Vec::<String>::new());
    }

    #[test]
    fn every_error_names_its_row_and_nothing_is_written_while_one_remains() {
        let mut b = demo::board();
        let copy = b.clone();
        let text = "Name,Team,Subject\nLena Park,Grade 6,\n,Grade 6,Math\nLena Park,Grade 7,Math\n";
        let p = preview(text, &b, Kind::Teachers);
        assert!(
            p.errors.iter().any(|e| e.starts_with("Row 2: ")),
            "{:?}",
            p.errors
        );
        assert!(
            p.errors.iter().any(|e| e.starts_with("Row 3: ")),
            "{:?}",
            p.errors
        );
        assert!(
            p.errors
                .contains(&"Row 4: Lena Park is also on row 2.".to_string()),
            "{:?}",
            p.errors
        );
        assert!(!p.can_apply());
        assert!(apply(&mut b, &p, ids())
            .unwrap_err()
            .starts_with("Nothing was imported"));
        assert_eq!(b, copy);
        // A header without the needed columns says which.
        let p = preview("Who,Where\nA,B\n", &b, Kind::Teachers);
        assert_eq!(p.errors.len(), 1);
        assert!(
            p.errors[0].starts_with("Row 1: the header row needs the columns"),
            "{:?}",
            p.errors
        );
    }

    #[test]
    fn the_plus_team_from_a_windows_csv_file_and_its_limit() {
        let mut b = demo::board();
        // Windows-1252 bytes (é = 0xE9), semicolons.
        let mut bytes = b"Name;Expertise\r\nRen\xe9e Ortiz;Science\r\n".to_vec();
        let p = preview_bytes(&bytes, &b, Kind::PlusTeam);
        assert_eq!(p.errors, Vec::<String>::new());
        assert_eq!(p.rows[0].name, "Ren\u{e9}e Ortiz");
        assert!(p.read_as.is_some_and(|r| r.contains("Windows-1252")));
        apply(&mut b, &p, ids()).unwrap();
        assert_eq!(b.members.len(), 9);
        // Four more would make 13.
        bytes = b"Name,Expertise\nA A,Math\nB B,Math\nC C,Math\nD D,Math\n".to_vec();
        let p = preview_bytes(&bytes, &b, Kind::PlusTeam);
        assert!(
            p.errors
                .iter()
                .any(|e| e.contains("12 members at most; this would make 13")),
            "{:?}",
            p.errors
        );
    }
}
