//! Importing a school roster from a CSV file.
//!
//! The import happens in two steps, so that nothing is written before the person has seen
//! what will happen:
//!
//! 1. [`preview`] reads the file and compares it with the schools already in the district.
//!    It never panics and changes nothing. The [`Preview`] lists every planned change (add,
//!    update, unchanged), every problem in words, and the columns it ignored.
//! 2. [`apply`] makes the changes, and only when the preview has no problems at all.
//!
//! A row matches an existing school when the names are equal ignoring case and runs of
//! spaces (as [`same_name`](crate::domain::district::same_name) compares them). A match
//! updates that school; a blank cell, or a column the file lacks, leaves the field as it
//! is. Any other row adds a school. Schools the file does not mention are never removed.
//!
//! Row numbers in messages are the ones a spreadsheet shows: the header is row 1 and the
//! first data row is row 2, counting blank rows, and a quoted cell that spans several lines
//! stays one row.
//!
//! A file chosen in the browser goes through [`preview_bytes`], which reads it in the
//! encoding it was saved in (see [`encoding`](super::encoding)) and says which that was.
//! Messages quote at most a short prefix of what the file holds
//! ([`quote_short`](crate::domain::text::quote_short)), whatever its size.

use super::encoding::{self, Encoding};
use super::export;
use crate::domain::district::{Document, Extra, School, SchoolLevel, MAX_ENROLLMENT};
use crate::domain::ids::Id;
use crate::domain::text::{self, plural, quote_short, thousands, MAX_NOTE_CHARS, QUOTE_CHARS};
use std::borrow::Cow;
use std::collections::HashMap;

/// At most this many row problems are listed; a final line counts the rest.
pub const MAX_ROW_ERRORS: usize = 200;

/// What the import will do with one row of the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A new school; [`apply`] asks the caller for its ID.
    Add,
    /// The existing school with this ID changes.
    Update { school_id: Id },
    /// The row matches an existing school and would change nothing.
    Unchanged { school_id: Id },
}

/// The values read from one row. `None` means the cell was blank or the file has no such
/// column: an update keeps the school's value, and an add uses the default (0 students,
/// figures unknown, no notes).
#[derive(Clone, Debug, PartialEq)]
pub struct Fields {
    /// Trimmed; never empty.
    pub name: String,
    /// Always `Some` for a row that adds a school.
    pub level: Option<SchoolLevel>,
    pub enrollment: Option<u32>,
    pub reading_proficient: Option<f64>,
    pub math_proficient: Option<f64>,
    pub notes: Option<String>,
}

/// One row of the file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// The row number a spreadsheet shows (the header is row 1).
    pub row: usize,
    pub action: Action,
    pub fields: Fields,
    /// For an update, each change in words, such as `enrollment 412 → 430`.
    pub changes: Vec<String>,
}

/// What importing a file would do. Build it with [`preview`]; carry it out with [`apply`].
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The rows that passed every check, in file order.
    pub rows: Vec<PreviewRow>,
    /// Every problem, as sentences: problems with the whole file first, then problems
    /// with rows, in row order. [`apply`] refuses a preview that has any.
    pub errors: Vec<String>,
    /// Header cells that name no known column, as written in the file.
    pub ignored_columns: Vec<String>,
    /// The encoding the file was read in, when it was read from bytes and could be.
    pub encoding: Option<Encoding>,
    /// The schools this preview was made against; [`apply`] refuses a document whose
    /// schools have changed since.
    based_on: Vec<School>,
}

/// How many schools an import adds, updates, leaves unchanged, and does not mention.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    /// Schools in the file whose figures already matched.
    pub unchanged: usize,
    /// Schools in the district that the file does not mention. They stay as they are.
    pub untouched: usize,
}

impl Preview {
    /// True when the file has no problems, so [`apply`] would go ahead.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// What [`apply`] would report for this preview.
    pub fn counts(&self) -> ImportSummary {
        let mut c = ImportSummary::default();
        for r in &self.rows {
            match r.action {
                Action::Add => c.added += 1,
                Action::Update { .. } => c.updated += 1,
                Action::Unchanged { .. } => c.unchanged += 1,
            }
        }
        c.untouched = self.based_on.len().saturating_sub(c.updated + c.unchanged);
        c
    }
}

/// The columns the import knows, with the header names it accepts for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Name,
    Level,
    Enrollment,
    Reading,
    Math,
    Notes,
}

impl Column {
    const ALL: [Column; 6] = [
        Self::Name,
        Self::Level,
        Self::Enrollment,
        Self::Reading,
        Self::Math,
        Self::Notes,
    ];

    /// Accepted headers, as [`normalise`] leaves them: "Reading (% proficient)" and
    /// "reading_proficient" both become "reading proficient".
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Name => &["name", "school", "school name"],
            Self::Level => &["level", "school level", "type", "school type", "grade band"],
            Self::Enrollment => &["enrollment", "enrolment", "students", "student count"],
            Self::Reading => &[
                "reading",
                "reading proficient",
                "reading percent proficient",
                "reading proficiency",
                "ela",
                "ela proficient",
                "ela percent proficient",
            ],
            Self::Math => &[
                "math",
                "math proficient",
                "math percent proficient",
                "math proficiency",
                "mathematics",
            ],
            Self::Notes => &["notes", "note", "comments"],
        }
    }

    /// The column's meaning, for messages about the header.
    fn meaning(self) -> &'static str {
        match self {
            Self::Name => "the school name",
            Self::Level => "the school level",
            Self::Enrollment => "enrollment",
            Self::Reading => "reading proficiency",
            Self::Math => "math proficiency",
            Self::Notes => "notes",
        }
    }

    fn from_header(cell: &str) -> Option<Column> {
        let key = normalise(cell);
        Self::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&key.as_str()))
    }
}

/// Lower case, with every run of other characters (punctuation, spaces) turned into one
/// space: `" Reading (% Proficient) "` → `"reading proficient"`. Only ASCII letters and
/// digits count, which is all the known headers and levels use (and it keeps Unicode
/// tables out of the bundle).
fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// The key two names share when [`same_name`](crate::domain::district::same_name) says
/// they match.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A workbook's first bytes, and what to say about it.
const WORKBOOKS: [(&[u8], &str); 2] = [
    (
        b"PK\x03\x04",
        "This file is a workbook (.xlsx or .ods), not a CSV file.",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "This file is an Excel 97\u{2013}2003 workbook (.xls), not a CSV file.",
    ),
];

/// Read the bytes of a roster file, in the encoding it was saved in (UTF-8, UTF-16 with a
/// byte-order mark, or Windows-1252: see [`encoding::decode_bytes`]), and work out what
/// importing it would do, as [`preview`] does. The preview says which encoding it read.
/// Never panics and changes nothing.
pub fn preview_bytes(bytes: &[u8], existing: &[School]) -> Preview {
    if let Some((_, what)) = WORKBOOKS.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        let mut p = empty_preview(existing);
        p.errors.push(format!(
            "{what} In your spreadsheet, choose File \u{203a} Save As and the type \
             \u{201c}CSV UTF-8 (Comma delimited)\u{201d}, then choose that file."
        ));
        return p;
    }
    let (text, encoding) = encoding::decode_bytes(bytes);
    let mut p = preview(&text, existing);
    if encoding::nul_problem(&text).is_none() {
        p.encoding = Some(encoding);
    }
    p
}

fn empty_preview(existing: &[School]) -> Preview {
    Preview {
        rows: Vec::new(),
        errors: Vec::new(),
        ignored_columns: Vec::new(),
        encoding: None,
        based_on: existing.to_vec(),
    }
}

/// Read a roster file and work out what importing it would do to `existing` (pass the
/// document's schools). Never panics and changes nothing.
pub fn preview(text: &str, existing: &[School]) -> Preview {
    let mut preview = empty_preview(existing);
    // No CSV file has NUL characters: this one is UTF-16 without a byte-order mark, or
    // not text at all. Say so, rather than look for columns in it.
    if let Some(problem) = encoding::nul_problem(text) {
        preview.errors.push(problem);
        return preview;
    }
    let (delimiter, records) = match read_records(text) {
        Ok(read) => read,
        Err(e) => {
            preview.errors.push(e);
            return preview;
        }
    };
    // Blank rows above the header are skipped, as blank rows below it are.
    let mut records = records.into_iter().filter(|r| !r.is_blank());
    let Some(header) = records.next() else {
        preview.errors.push(
            "The file is empty. It needs a header row, such as \u{201c}Name,Level,Enrollment\u{201d}, \
             and a row for each school."
                .into(),
        );
        return preview;
    };
    let (columns, ignored, mut errors) = read_header(&header.cells);
    preview.ignored_columns = ignored;
    if errors.is_empty() {
        let data: Vec<Record> = records.collect();
        if data.is_empty() {
            errors.push("The file has a header row but no schools under it.".into());
        } else {
            let decimal_comma = match delimiter {
                // Files split by semicolons come from locales that write 45,5 for 45.5.
                b';' => true,
                // Tab-separated files come from every locale: their figures say which.
                b'\t' => writes_decimal_commas(&data, &columns),
                _ => false,
            };
            let file = File {
                columns,
                width: header.cells.len(),
                decimal_comma,
                delimiter,
            };
            let mut row_errors = plan_rows(&data, &file, existing, &mut preview.rows);
            if row_errors.len() > MAX_ROW_ERRORS {
                let more = row_errors.len() - MAX_ROW_ERRORS;
                row_errors.truncate(MAX_ROW_ERRORS);
                row_errors.push(format!(
                    "\u{2026}and {}.",
                    plural(more, "more problem", "more problems")
                ));
            }
            errors.extend(row_errors);
        }
    }
    preview.errors = errors;
    preview
}

/// One record of the file, with the row number a spreadsheet shows for it.
#[derive(Debug)]
struct Record {
    row: usize,
    cells: Vec<String>,
}

impl Record {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Comma-separated, unless the header has more tabs than commas and semicolons (Excel's
/// "Unicode Text" and "Text (Tab delimited)"), or semicolons and no commas (as Excel writes
/// CSV in locales that use the comma for decimals). An Excel `sep=;` first line also counts.
/// Returns the delimiter and the text after any `sep=` line.
fn delimiter(text: &str) -> (u8, &str) {
    let first = text.lines().next().unwrap_or("");
    if let Some(sep) = first.trim().strip_prefix("sep=") {
        if let [b] = sep.as_bytes() {
            if matches!(b, b',' | b';' | b'\t' | b'|') {
                let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
                return (*b, rest);
            }
        }
    }
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| header.matches(c).count();
    if count('\t') > count(',') + count(';') {
        (b'\t', text)
    } else if count(',') == 0 && count(';') > 0 {
        (b';', text)
    } else {
        (b',', text)
    }
}

/// How many line breaks `b` holds, counting CRLF, CR and LF as one each.
fn line_breaks(b: &[u8]) -> usize {
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// The delimiter, and every record of the file with its spreadsheet row number. The
/// `csv` reader skips empty lines, which a spreadsheet shows as rows, so the row is worked
/// out from the line breaks before each record, less those inside earlier quoted cells.
fn read_records(text: &str) -> Result<(u8, Vec<Record>), String> {
    let text = text.strip_prefix(export::BOM).unwrap_or(text);
    let (delimiter, text) = delimiter(text);
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line breaks so far (up to `last_start`) that were inside quoted cells.
    let mut breaks_in_cells = 0;
    let mut last_start = 0;
    let mut last_row = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading a `str` cannot fail: the reader's only errors are I/O and invalid
            // UTF-8. Say so plainly all the same, rather than panic.
            Err(_) => return Err("The file could not be read as CSV.".into()),
        }
        // The reader's position is where it started looking: before the blank lines and
        // the line break that come ahead of the record.
        let from = record
            .position()
            .map_or(last_start, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .clamp(last_start, bytes.len());
        let start = bytes[from..]
            .iter()
            .position(|b| *b != b'\r' && *b != b'\n')
            .map_or(bytes.len(), |i| from + i);
        let breaks = line_breaks(&bytes[last_start..start]);
        let row = if records.is_empty() {
            1 + breaks
        } else {
            // Never before the next row, whatever the arithmetic says.
            (last_row + breaks)
                .saturating_sub(breaks_in_cells)
                .max(last_row + 1)
        };
        breaks_in_cells = record.iter().map(|c| line_breaks(c.as_bytes())).sum();
        last_start = start;
        last_row = row;
        records.push(Record {
            row,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    Ok((delimiter, records))
}

/// Map header cells to columns. Returns the column of each known field, the ignored
/// header cells, and problems with the header.
fn read_header(cells: &[String]) -> (HashMap<Column, usize>, Vec<String>, Vec<String>) {
    let mut columns: HashMap<Column, usize> = HashMap::new();
    let mut ignored = Vec::new();
    let mut errors = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match Column::from_header(cell) {
            None => ignored.push(cell.to_string()),
            Some(col) => {
                if let Some(&earlier) = columns.get(&col) {
                    errors.push(format!(
                        "Two columns hold {}: {} and {}. Keep one of them and remove the other.",
                        col.meaning(),
                        quote_short(cells[earlier].trim()),
                        quote_short(cell),
                    ));
                } else {
                    columns.insert(col, i);
                }
            }
        }
    }
    for (col, examples) in [
        (
            Column::Name,
            "\u{201c}Name\u{201d} or \u{201c}School\u{201d}",
        ),
        (
            Column::Level,
            "\u{201c}Level\u{201d} or \u{201c}Type\u{201d}",
        ),
    ] {
        if !columns.contains_key(&col) {
            errors.push(format!(
                "The file has no column for {}. Expected a header such as {examples}.",
                col.meaning()
            ));
        }
    }
    (columns, ignored, errors)
}

/// What the header says about the file's layout.
struct File {
    columns: HashMap<Column, usize>,
    /// Cells in the header row, named or not.
    width: usize,
    /// Numbers are written as in much of Europe: "45,5" is 45.5 and "1.212" is 1212.
    decimal_comma: bool,
    delimiter: u8,
}

/// Whether the figures of a file whose delimiter does not say (tab-separated) are written
/// with decimal commas: some figure has a comma that can't separate thousands ("45,5",
/// "1.212,5"), and none has a dot that can't ("45.5", "1,212.5").
fn writes_decimal_commas(data: &[Record], columns: &HashMap<Column, usize>) -> bool {
    let (mut commas, mut dots) = (false, false);
    for col in [Column::Enrollment, Column::Reading, Column::Math] {
        let Some(&i) = columns.get(&col) else {
            continue;
        };
        for record in data {
            let Some(cell) = record.cells.get(i) else {
                continue;
            };
            let number = cell.trim().trim_end_matches('%').trim_end();
            // Only figures count: "k.A." or "n/a" says nothing about the decimal mark.
            if !number
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+'))
                || !number.bytes().any(|b| b.is_ascii_digit())
            {
                continue;
            }
            // The last mark in a figure with both is its decimal mark.
            match (number.rfind(','), number.rfind('.')) {
                (Some(c), Some(d)) => {
                    commas |= c > d;
                    dots |= d > c;
                }
                (Some(c), None) => commas |= number.len() - c - 1 != 3,
                // An enrollment is whole, so a dot in one separates thousands ("1.212").
                (None, Some(_)) if col == Column::Enrollment => {
                    commas |= thousands_groups(number, '.').is_some();
                    dots |= thousands_groups(number, '.').is_none();
                }
                (None, Some(d)) => dots |= number.len() - d - 1 != 3,
                (None, None) => {}
            }
        }
    }
    commas && !dots
}

impl File {
    /// The trimmed cell of `record` in column `col`; empty when the file has no such
    /// column or the row stops short of it.
    fn cell<'a>(&self, record: &'a Record, col: Column) -> &'a str {
        self.columns
            .get(&col)
            .and_then(|i| record.cells.get(*i))
            .map_or("", |s| s.trim())
    }
}

/// Check every data row and plan its change. Returns the row problems; every problem in
/// a row is listed, not only the first.
fn plan_rows(
    data: &[Record],
    file: &File,
    existing: &[School],
    rows: &mut Vec<PreviewRow>,
) -> Vec<String> {
    let mut by_name: HashMap<String, Vec<&School>> = HashMap::new();
    for s in existing {
        by_name.entry(name_key(&s.name)).or_default().push(s);
    }
    let mut first_row: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    for record in data {
        let row = record.row;
        let n = record.cells.len();
        if n > file.width
            && (record.cells[file.width..]
                .iter()
                .any(|c| !c.trim().is_empty())
                || split_thousands(record, file))
        {
            errors.push(format!(
                "Row {row} has {n} cells but the header has {}. A value with a comma in it, \
                 such as \u{201c}1,212\u{201d} or \u{201c}Smith, Jane\u{201d}, needs double \
                 quotes around it.",
                file.width
            ));
            continue;
        }
        let before = errors.len();
        let fields = read_fields(record, file, &mut errors);
        // Without a usable name the row can be neither matched nor added.
        let Some(name) = fields.name.as_deref() else {
            continue;
        };
        let key = name_key(name);
        match first_row.get(&key) {
            Some(first) => errors.push(format!(
                "Row {row}: {} appears twice in the file (rows {first} and {row}).",
                quote_short(name)
            )),
            None => {
                first_row.insert(key.clone(), row);
            }
        }
        let matched = match by_name.get(&key).map_or(&[][..], Vec::as_slice) {
            [] => {
                if file.cell(record, Column::Level).is_empty() {
                    errors.push(format!(
                        "Row {row}: the level is empty. A new school needs one, such as \
                         Elementary, Middle, High or K-8."
                    ));
                }
                None
            }
            [school] => Some(*school),
            matches => {
                errors.push(format!(
                    "Row {row}: {} matches {} schools already in the district. Give them \
                     different names before importing.",
                    quote_short(name),
                    matches.len()
                ));
                continue;
            }
        };
        let Some(fields) = fields.complete() else {
            continue;
        };
        if errors.len() > before {
            continue;
        }
        let (action, changes) = match matched {
            None => (Action::Add, Vec::new()),
            Some(school) => {
                let school_id = school.id.clone();
                let changes = fields.changes(school);
                if changes.is_empty() {
                    (Action::Unchanged { school_id }, changes)
                } else {
                    (Action::Update { school_id }, changes)
                }
            }
        };
        rows.push(PreviewRow {
            row,
            action,
            fields,
            changes,
        });
    }
    errors
}

/// Whether a figure in `record` looks split in two at an unquoted thousands comma: "1,212"
/// read as "1" then "212" (which pushes the cells after it one column along).
fn split_thousands(record: &Record, file: &File) -> bool {
    if file.delimiter != b',' {
        return false;
    }
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    // Only an enrollment carries thousands; a percentage never does.
    let Some(&i) = file.columns.get(&Column::Enrollment) else {
        return false;
    };
    let (Some(a), Some(b)) = (record.cells.get(i), record.cells.get(i + 1)) else {
        return false;
    };
    let (a, b) = (a.trim(), b.trim());
    if !digits(a, 1..=3) || !digits(b, 3..=3) {
        return false;
    }
    let merged: u32 = format!("{a}{b}").parse().unwrap_or(u32::MAX);
    // "412" then "100" may be an enrollment and a reading of 100%.
    let next_is_percent = [Column::Reading, Column::Math]
        .iter()
        .any(|c| file.columns.get(c) == Some(&(i + 1)));
    merged <= MAX_ENROLLMENT && !(next_is_percent && b.parse::<u32>().is_ok_and(|n| n <= 100))
}

/// A row's values as far as they could be read; `None` for a blank or a bad cell.
struct RowValues {
    name: Option<String>,
    level: Option<SchoolLevel>,
    enrollment: Option<u32>,
    reading_proficient: Option<f64>,
    math_proficient: Option<f64>,
    notes: Option<String>,
    /// False when any cell was bad.
    ok: bool,
}

impl RowValues {
    /// The fields, when every cell was good.
    fn complete(self) -> Option<Fields> {
        Some(Fields {
            name: self.name.filter(|_| self.ok)?,
            level: self.level,
            enrollment: self.enrollment,
            reading_proficient: self.reading_proficient,
            math_proficient: self.math_proficient,
            notes: self.notes,
        })
    }
}

/// Read and check one row's cells, pushing a message for each bad one.
fn read_fields(record: &Record, file: &File, errors: &mut Vec<String>) -> RowValues {
    let row = record.row;
    let cell = |col: Column| file.cell(record, col);
    let before = errors.len();
    let mut push = |e: String| errors.push(e);

    let raw_name = export::unescape_cell(cell(Column::Name));
    let name = if raw_name.trim().is_empty() {
        push(format!("Row {row}: the school name is empty."));
        None
    } else {
        text::clean_name(&format!("Row {row}: the school name"), raw_name)
            .map_err(&mut push)
            .ok()
    };
    let level = optional(cell(Column::Level), |raw| {
        if let Some(span) = grade_span_made_a_date(raw) {
            return Err(format!(
                "Row {row}: the level {} looks like a date that a spreadsheet made of the grade \
                 span {span}. Type {span} in the file (in Excel, format the column as Text first).",
                quote_short(raw)
            ));
        }
        SchoolLevel::from_text(&format!("Row {row}: the level"), raw)
    })
    .map_err(&mut push)
    .ok()
    .flatten();
    let enrollment = optional(cell(Column::Enrollment), |raw| {
        parse_enrollment(raw, file.decimal_comma)
    })
    .map_err(|e| push(format!("Row {row}: enrollment {e}")))
    .ok()
    .flatten();
    let mut percent = |col: Column| {
        optional(cell(col), |raw| parse_percent(raw, file.decimal_comma))
            .map_err(|e| push(format!("Row {row}: {} {e}", col.meaning())))
            .ok()
            .flatten()
    };
    let reading_proficient = percent(Column::Reading);
    let math_proficient = percent(Column::Math);
    let notes = export::unescape_cell(cell(Column::Notes)).trim();
    let n = notes.chars().count();
    if n > MAX_NOTE_CHARS {
        errors.push(format!(
            "Row {row}: the notes are {n} characters long; the limit is {MAX_NOTE_CHARS}."
        ));
    }
    RowValues {
        name,
        level,
        enrollment,
        reading_proficient,
        math_proficient,
        notes: (!notes.is_empty()).then(|| notes.to_string()),
        ok: errors.len() == before,
    }
}

/// The grade span a spreadsheet turned into a date, as it shows one: "6-8" becomes 8 June
/// ("8-Jun") or 6 August ("06-Aug"), "9-12" becomes "12-Sep" or "Sep-12". Lowest grade
/// first, whichever way the locale read it.
fn grade_span_made_a_date(raw: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (a, b) = raw.trim().split_once('-')?;
    let month = |s: &str| {
        MONTHS
            .iter()
            .position(|m| s.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    let day = |s: &str| {
        (1..=2)
            .contains(&s.len())
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|d| (1..=12).contains(d))
    };
    let (m, d) = match (month(a), day(b), day(a), month(b)) {
        (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => (m, d),
        _ => return None,
    };
    Some(format!("{}-{}", m.min(d), m.max(d)))
}

/// `Ok(None)` for a blank cell; otherwise the parsed value, or the parser's error.
fn optional<T, E>(raw: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<Option<T>, E> {
    if raw.is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

/// `raw` as a message shows a figure: as it is when short, else quoted and cut short.
fn figure(raw: &str, value: impl std::fmt::Display) -> String {
    if raw.chars().count() <= QUOTE_CHARS {
        value.to_string()
    } else {
        quote_short(raw)
    }
}

/// Digit groups split at `separator`, when they are grouped as thousands are: the first
/// group one to three digits and no leading zero, every later one three ("1,212",
/// "20.000", "7"; not "0.050").
fn thousands_groups(digits: &str, separator: char) -> Option<String> {
    let groups: Vec<&str> = digits.split(separator).collect();
    let well_formed = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3
                && !groups[0].starts_with('0')
                && groups[1..].iter().all(|g| g.len() == 3)));
    well_formed.then(|| groups.concat())
}

/// A whole number of students, 0 to [`MAX_ENROLLMENT`], with optional thousands
/// separators: commas ("1,212"), or in a file with decimal commas, dots ("1.212"). The
/// error completes "Row 4: enrollment …".
fn parse_enrollment(raw: &str, decimal_comma: bool) -> Result<u32, String> {
    let not_whole = || {
        if decimal_comma && raw.contains(',') {
            format!(
                "{} is not a whole number (this file writes decimals with a comma, as in 45,5).",
                quote_short(raw)
            )
        } else {
            format!("{} is not a whole number.", quote_short(raw))
        }
    };
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    // French and Nordic Excel group thousands with a (narrow) no-break space or a space.
    let spaced;
    let digits = if decimal_comma && digits.contains(['\u{a0}', '\u{202f}', ' ']) {
        spaced = digits.replace(['\u{a0}', '\u{202f}', ' '], ".");
        spaced.as_str()
    } else {
        digits
    };
    let Some(digits) = thousands_groups(digits, if decimal_comma { '.' } else { ',' }) else {
        return Err(not_whole());
    };
    if negative {
        return Err(format!("{} can't be negative.", figure(raw, raw)));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_ENROLLMENT => Ok(n),
        _ => Err(format!(
            "{} is over {}.",
            figure(raw, raw),
            thousands(u64::from(MAX_ENROLLMENT))
        )),
    }
}

/// A number written with a decimal comma and optional thousands dots ("1.000,5", "45,5"),
/// in the form Rust parses ("1000.5"). A number with no comma keeps a dot that cannot be
/// a thousands separator ("45.5", as people type it by hand) and loses ones that are
/// ("1.000"). Anything else is returned as it is, for the caller to refuse.
fn from_decimal_comma(number: &str) -> Cow<'_, str> {
    let (sign, unsigned) = match number.strip_prefix(['-', '+']) {
        Some(rest) => (&number[..number.len() - rest.len()], rest),
        None => ("", number),
    };
    match unsigned.split_once(',') {
        Some((whole, frac)) => {
            if frac.contains([',', '.']) {
                return Cow::Borrowed(number);
            }
            let whole = if whole.is_empty() {
                Some(String::new())
            } else {
                thousands_groups(whole, '.')
            };
            match whole {
                Some(whole) => Cow::Owned(format!("{sign}{whole}.{frac}")),
                None => Cow::Borrowed(number),
            }
        }
        None if unsigned.contains('.') => match thousands_groups(unsigned, '.') {
            Some(digits) => Cow::Owned(format!("{sign}{digits}")),
            None => Cow::Borrowed(number),
        },
        None => Cow::Borrowed(number),
    }
}

/// A percentage from 0 to 100: digits with an optional decimal point and an optional
/// trailing `%`. With `decimal_comma` (semicolon files) the comma is the decimal mark and
/// a dot separates thousands: "45,5" is 45.5 (see [`from_decimal_comma`]). The error
/// completes "Row 7: reading proficiency …".
fn parse_percent(raw: &str, decimal_comma: bool) -> Result<f64, String> {
    let number = raw.strip_suffix('%').unwrap_or(raw).trim_end();
    let number = if decimal_comma {
        from_decimal_comma(number)
    } else {
        Cow::Borrowed(number)
    };
    let unsigned = number.strip_prefix(['-', '+']).unwrap_or(&number);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed =
        !(whole.is_empty() && frac.is_empty()) && digits_only(whole) && digits_only(frac);
    // The syntax check keeps out "inf", "NaN" and exponents, which `parse` would accept.
    let value = match number.parse::<f64>() {
        Ok(v) if well_formed => v + 0.0, // -0 becomes 0
        _ => return Err(format!("{} is not a number.", quote_short(raw))),
    };
    if value < 0.0 {
        Err(format!("{} is below 0%.", figure(raw, value)))
    } else if value > 100.0 {
        Err(format!("{} is over 100%.", figure(raw, value)))
    } else {
        Ok(value)
    }
}

impl Fields {
    /// The changes this row would make to `school`, in words.
    fn changes(&self, school: &School) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(level) = self.level.as_ref().filter(|l| **l != school.level) {
            out.push(format!(
                "level {} \u{2192} {}",
                school.level.label(),
                level.label()
            ));
        }
        if let Some(n) = self.enrollment.filter(|n| *n != school.enrollment) {
            out.push(format!("enrollment {} \u{2192} {n}", school.enrollment));
        }
        for (what, new, old) in [
            (
                "reading proficiency",
                self.reading_proficient,
                school.reading_proficient,
            ),
            (
                "math proficiency",
                self.math_proficient,
                school.math_proficient,
            ),
        ] {
            if let Some(new) = new.filter(|v| Some(*v) != old) {
                let old = old.map_or("unknown".to_string(), |v| format!("{v}%"));
                out.push(format!("{what} {old} \u{2192} {new}%"));
            }
        }
        // Notes are long: say only that they change. (A blank cell is `None`, so notes
        // are never removed.)
        if self.notes.as_ref().is_some_and(|n| *n != school.notes) {
            let what = if school.notes.is_empty() {
                "added"
            } else {
                "replaced"
            };
            out.push(format!("notes {what}"));
        }
        out
    }

    /// Write the given fields over `school`; blank ones leave it as it is.
    fn update(&self, school: &mut School) {
        if let Some(level) = &self.level {
            school.level.clone_from(level);
        }
        if let Some(n) = self.enrollment {
            school.enrollment = n;
        }
        if self.reading_proficient.is_some() {
            school.reading_proficient = self.reading_proficient;
        }
        if self.math_proficient.is_some() {
            school.math_proficient = self.math_proficient;
        }
        if let Some(notes) = &self.notes {
            school.notes.clone_from(notes);
        }
    }

    /// A new school with these fields.
    fn new_school(&self, id: Id) -> Result<School, String> {
        let level = self.level.clone().ok_or_else(|| {
            format!(
                "{} has no level; a new school needs one.",
                quote_short(&self.name)
            )
        })?;
        Ok(School {
            id,
            name: self.name.clone(),
            level,
            enrollment: self.enrollment.unwrap_or(0),
            reading_proficient: self.reading_proficient,
            math_proficient: self.math_proficient,
            notes: self.notes.clone().unwrap_or_default(),
            opt_out: None,
            extra: Extra::new(),
        })
    }
}

/// Carry out a preview: add and update schools in `doc`, calling `new_id` once for each
/// school added. Goes ahead only when the preview has no problems and `doc`'s schools are
/// still the ones the preview was made against; the result must pass
/// [`Document::validate`]. On any error `doc` is left exactly as it was.
pub fn apply(
    preview: &Preview,
    doc: &mut Document,
    mut new_id: impl FnMut() -> Id,
) -> Result<ImportSummary, String> {
    let n = preview.errors.len();
    if n > 0 {
        return Err(format!(
            "Nothing was imported: the file has {}. Fix {} and choose the file again.",
            plural(n, "problem", "problems"),
            if n == 1 { "it" } else { "them" },
        ));
    }
    if doc.schools != preview.based_on {
        return Err(
            "Nothing was imported: the schools changed after the file was checked. \
             Choose the file again to see what it would do now."
                .into(),
        );
    }
    let mut next = doc.clone();
    for row in &preview.rows {
        match &row.action {
            Action::Add => next.schools.push(row.fields.new_school(new_id())?),
            Action::Update { school_id } => {
                let school = next
                    .schools
                    .iter_mut()
                    .find(|s| &s.id == school_id)
                    .ok_or_else(|| {
                        format!(
                            "Nothing was imported: {} is no longer in the district.",
                            quote_short(&row.fields.name)
                        )
                    })?;
                row.fields.update(school);
            }
            Action::Unchanged { .. } => {}
        }
    }
    let problems = next.validate();
    if !problems.is_empty() {
        let list: Vec<String> = problems.into_iter().map(|p| p.0).collect();
        return Err(format!("Nothing was imported: {}", list.join(" ")));
    }
    *doc = next;
    Ok(preview.counts())
}

/// A CSV file to start from: the header row and two example schools.
pub fn template() -> String {
    let rows = [
        ["Example Elementary", "Elementary", "412", "45%", "38%", ""],
        [
            "Example Middle School",
            "Middle",
            "1,212",
            "52.5",
            "47",
            "New principal in 2026",
        ],
    ];
    export::to_csv(
        &[
            "Name",
            "Level",
            "Enrollment",
            "Reading % proficient",
            "Math % proficient",
            "Notes",
        ],
        &rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::district::same_name;

    fn school(id: &str, name: &str, level: SchoolLevel, enrollment: u32) -> School {
        School {
            id: Id::fixed(id),
            name: name.into(),
            level,
            enrollment,
            reading_proficient: None,
            math_proficient: None,
            notes: String::new(),
            opt_out: None,
            extra: Extra::new(),
        }
    }

    /// Three schools: Ash Grove (reading 40, math 35), Birch (no figures), Cedar (50/50,
    /// opted out, with an unknown field).
    fn district() -> Document {
        let mut d = Document::new_district(Id::fixed("d"), "Test District", "t").unwrap();
        let mut ash = school("ash", "Ash Grove Elementary", SchoolLevel::Elementary, 412);
        ash.reading_proficient = Some(40.0);
        ash.math_proficient = Some(35.0);
        let birch = school("birch", "Birch Middle", SchoolLevel::Middle, 600);
        let mut cedar = school("cedar", "Cedar High", SchoolLevel::High, 1000);
        cedar.reading_proficient = Some(50.0);
        cedar.math_proficient = Some(50.0);
        cedar.notes = "Block schedule".into();
        cedar.opt_out = Some(crate::domain::district::OptOut {
            reason: "Not yet".into(),
            date: "2026-01-01".into(),
        });
        cedar.extra.insert("future".into(), serde_json::json!(7));
        d.schools = vec![ash, birch, cedar];
        d
    }

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0;
        move || {
            n += 1;
            Id::fixed(format!("new-{n}"))
        }
    }

    fn errors(text: &str) -> Vec<String> {
        preview(text, &district().schools).errors
    }

    /// The single error for a file with one bad data row under `header`.
    fn row_error(header: &str, row: &str) -> String {
        let errs = errors(&format!("{header}\n{row}\n"));
        assert_eq!(errs.len(), 1, "{errs:?}");
        errs[0].clone()
    }

    /// A level no school can have (over the 20-character limit), and the message for it.
    const LONG_LEVEL: &str = "Kindergarten to grade 8";

    fn long_level_error(row: usize) -> String {
        format!(
            "Row {row}: the level is 23 characters long; the limit is 20. Use a short name \
             such as Elementary, Middle, High or K-8."
        )
    }

    fn actions(p: &Preview) -> Vec<(usize, Action)> {
        p.rows.iter().map(|r| (r.row, r.action.clone())).collect()
    }

    #[test]
    fn happy_path_adds_updates_and_leaves_the_rest() {
        let mut d = district();
        let text = "Name,Level,Enrollment,Reading,Math,Notes\n\
                    ash grove   ELEMENTARY,Elementary,430,45,,\n\
                    Dogwood Elementary,Elementary,250,60%,55%,New building\n\
                    Cedar High,High,1000,50,50,\n";
        let p = preview(text, &d.schools);
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(
            actions(&p),
            [
                (
                    2,
                    Action::Update {
                        school_id: Id::fixed("ash")
                    }
                ),
                (3, Action::Add),
                (
                    4,
                    Action::Unchanged {
                        school_id: Id::fixed("cedar")
                    }
                ),
            ]
        );
        assert_eq!(
            p.rows[0].changes,
            [
                "enrollment 412 \u{2192} 430",
                "reading proficiency 40% \u{2192} 45%"
            ]
        );
        assert!(p.rows[1].changes.is_empty());
        assert_eq!(
            p.rows[1].fields,
            Fields {
                name: "Dogwood Elementary".into(),
                level: Some(SchoolLevel::Elementary),
                enrollment: Some(250),
                reading_proficient: Some(60.0),
                math_proficient: Some(55.0),
                notes: Some("New building".into()),
            }
        );
        let want = ImportSummary {
            added: 1,
            updated: 1,
            unchanged: 1,
            untouched: 1,
        };
        assert_eq!(p.counts(), want);
        assert!(p.ignored_columns.is_empty());

        let before = d.clone();
        assert_eq!(apply(&p, &mut d, ids()), Ok(want));
        assert!(d.validate().is_empty(), "{:?}", d.validate());
        assert_eq!(d.schools.len(), 4);
        let ash = d.school(&Id::fixed("ash")).unwrap();
        // The name is the key: its spelling in the district stays.
        assert_eq!(ash.name, "Ash Grove Elementary");
        assert_eq!(ash.enrollment, 430);
        assert_eq!(ash.reading_proficient, Some(45.0));
        assert_eq!(
            ash.math_proficient,
            Some(35.0),
            "a blank cell keeps the value"
        );
        let dogwood = d.school(&Id::fixed("new-1")).unwrap();
        assert_eq!(dogwood.name, "Dogwood Elementary");
        assert_eq!(dogwood.notes, "New building");
        assert_eq!(dogwood.opt_out, None);
        // Untouched and unchanged schools are exactly as they were.
        assert_eq!(d.schools[1], before.schools[1]);
        assert_eq!(d.schools[2], before.schools[2]);
        assert_eq!(d.readiness, before.readiness);
    }

    #[test]
    fn an_update_keeps_id_opt_out_extra_and_absent_columns() {
        let mut d = district();
        let p = preview(
            "School,Type\nCedar High,Middle\nBirch Middle,\n",
            &d.schools,
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].changes, ["level High \u{2192} Middle"]);
        assert_eq!(
            p.rows[1].action,
            Action::Unchanged {
                school_id: Id::fixed("birch")
            }
        );
        let before = d.schools[2].clone();
        apply(&p, &mut d, ids()).unwrap();
        let cedar = &d.schools[2];
        assert_eq!(cedar.level, SchoolLevel::Middle);
        assert_eq!(
            School {
                level: SchoolLevel::High,
                ..cedar.clone()
            },
            before
        );
    }

    #[test]
    fn changes_are_described_in_words() {
        let d = district();
        let p = preview(
            "Name,Level,Reading,Math,Notes\n\
             Birch Middle,High,12.5,30,Needs a coach\n\
             Cedar High,High,,,New timetable\n",
            &d.schools,
        );
        assert_eq!(
            p.rows[0].changes,
            [
                "level Middle \u{2192} High",
                "reading proficiency unknown \u{2192} 12.5%",
                "math proficiency unknown \u{2192} 30%",
                "notes added",
            ]
        );
        assert_eq!(p.rows[1].changes, ["notes replaced"]);
    }

    #[test]
    fn a_bom_and_crlf_line_endings_are_accepted() {
        let p = preview(
            "\u{feff}Name,Level,Enrollment\r\nÉcole Sud,Elementary,300\r\nNord High,High,900\r\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.name, "École Sud");
        assert_eq!(p.rows[1].fields.enrollment, Some(900));
        assert_eq!(p.rows[1].row, 3);
        assert!(p.ignored_columns.is_empty());
    }

    #[test]
    fn semicolon_files_are_accepted_with_decimal_commas() {
        let p = preview(
            "Name;Level;Enrollment;Reading;Math\r\n\
             École Sud;Primary;1.212;45,5;60 %\r\n\
             \"Nord; Ouest\";HS;;;\r\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        let f = &p.rows[0].fields;
        assert_eq!(f.enrollment, Some(1212));
        assert_eq!(f.reading_proficient, Some(45.5));
        assert_eq!(f.math_proficient, Some(60.0));
        assert_eq!(p.rows[1].fields.name, "Nord; Ouest");
        assert_eq!(p.rows[1].fields.level, Some(SchoolLevel::High));
    }

    #[test]
    fn a_comma_file_with_semicolons_in_cells_stays_a_comma_file() {
        let p = preview("Name,Level\n\"A; B\",High\n", &[]);
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.name, "A; B");
    }

    #[test]
    fn an_excel_sep_line_sets_the_delimiter_and_is_not_a_row() {
        let p = preview(&format!("sep=;\r\nName;Level\r\nAsh;{LONG_LEVEL}\r\n"), &[]);
        assert_eq!(p.errors, [long_level_error(2)]);
    }

    #[test]
    fn decimal_commas_are_not_read_in_comma_files() {
        // "45,5" in a comma file is a quoted cell with a comma: not a percentage.
        assert_eq!(
            row_error("Name,Level,Reading", "A,High,\"45,5\""),
            "Row 2: reading proficiency \u{201c}45,5\u{201d} is not a number."
        );
    }

    #[test]
    fn quoted_names_keep_commas_quotes_and_line_breaks() {
        let p = preview(
            "Name,Level,Notes\n\
             \"Smith, Jane \"\"JJ\"\" Academy\",High,\"Line one\nLine two\"\n\
             \"  Oak  \",Middle,\"\"\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.name, "Smith, Jane \"JJ\" Academy");
        assert_eq!(
            p.rows[0].fields.notes.as_deref(),
            Some("Line one\nLine two")
        );
        assert_eq!(p.rows[1].fields.name, "Oak");
        assert_eq!(p.rows[1].fields.notes, None);
        // The quoted line break does not make a new row.
        assert_eq!(p.rows[1].row, 3);
    }

    #[test]
    fn header_aliases_match_ignoring_case_spaces_and_punctuation() {
        for header in [
            "name,level,enrollment,reading,math,notes",
            " SCHOOL NAME ,Grade-Band,Student_Count,Reading (% Proficient),Math % Proficient,Comments",
            "School,Type,Enrolment,ELA,Mathematics,Note",
            "school_name,SCHOOL LEVEL,Students,ELA % proficient,math proficiency,NOTES",
            "School Name,School Type,Enrollment,Reading proficiency,Math Proficient,notes",
            "School,level,enrollment,Reading % proficient,Math Percent Proficient,notes",
        ] {
            let p = preview(&format!("{header}\nAsh,ES,\"1,212\",45%,50.5,Hi\n"), &[]);
            assert!(p.is_ok(), "{header}: {:?}", p.errors);
            assert!(p.ignored_columns.is_empty(), "{header}");
            assert_eq!(
                p.rows[0].fields,
                Fields {
                    name: "Ash".into(),
                    level: Some(SchoolLevel::Elementary),
                    enrollment: Some(1212),
                    reading_proficient: Some(45.0),
                    math_proficient: Some(50.5),
                    notes: Some("Hi".into()),
                },
                "{header}"
            );
        }
    }

    #[test]
    fn level_names_districts_use_are_understood() {
        for (raw, want) in [
            ("Elementary", SchoolLevel::Elementary),
            ("elem", SchoolLevel::Elementary),
            ("ES", SchoolLevel::Elementary),
            ("Primary", SchoolLevel::Elementary),
            ("Elementary School", SchoolLevel::Elementary),
            ("middle", SchoolLevel::Middle),
            ("MS", SchoolLevel::Middle),
            ("Junior High", SchoolLevel::Middle),
            ("junior-high", SchoolLevel::Middle),
            ("Intermediate", SchoolLevel::Middle),
            ("HIGH", SchoolLevel::High),
            ("hs", SchoolLevel::High),
            ("Secondary", SchoolLevel::High),
            ("High School", SchoolLevel::High),
        ] {
            let p = preview(&format!("Name,Level\nAsh,{raw}\n"), &[]);
            assert_eq!(p.rows[0].fields.level, Some(want), "{raw}");
        }
        // Any other short name is the district's own, kept as written.
        for raw in ["K-8", "Pre-K", "school", "e", "highschool"] {
            let p = preview(&format!("Name,Level\nAsh,{raw}\n"), &[]);
            assert_eq!(
                p.rows[0].fields.level,
                Some(SchoolLevel::Other(raw.into())),
                "{raw}"
            );
        }
    }

    #[test]
    fn the_name_and_level_columns_are_required() {
        assert_eq!(
            errors("Level,Enrollment\nHigh,300\n"),
            [
                "The file has no column for the school name. Expected a header such as \
              \u{201c}Name\u{201d} or \u{201c}School\u{201d}."
            ]
        );
        assert_eq!(
            errors("Name,Enrollment\nAsh,300\n"),
            [
                "The file has no column for the school level. Expected a header such as \
              \u{201c}Level\u{201d} or \u{201c}Type\u{201d}."
            ]
        );
        let both = errors("Principal,Enrollment\nPat,300\n");
        assert_eq!(both.len(), 2, "{both:?}");
        // A file that has no header row is caught the same way.
        assert_eq!(errors("Ash,Elementary,300\n").len(), 2);
    }

    #[test]
    fn a_column_named_twice_is_a_file_error() {
        let p = preview("Name,Level,School,Notes,Comments\nA,High,A,x,y\n", &[]);
        assert!(p.rows.is_empty());
        assert_eq!(
            p.errors,
            [
                "Two columns hold the school name: \u{201c}Name\u{201d} and \u{201c}School\u{201d}. \
                 Keep one of them and remove the other.",
                "Two columns hold notes: \u{201c}Notes\u{201d} and \u{201c}Comments\u{201d}. \
                 Keep one of them and remove the other.",
            ]
        );
    }

    #[test]
    fn empty_and_header_only_files_are_file_errors() {
        let empty = "The file is empty. It needs a header row, such as \
                     \u{201c}Name,Level,Enrollment\u{201d}, and a row for each school.";
        for text in ["", "\u{feff}", "\n\r\n", " , ,\n"] {
            assert_eq!(errors(text), [empty], "{text:?}");
        }
        assert_eq!(
            errors("Name,Level\r\n\r\n,\r\n"),
            ["The file has a header row but no schools under it."]
        );
    }

    #[test]
    fn each_row_error_has_its_own_words() {
        let h = "Name,Level,Enrollment,Reading,Math,Notes";
        for (row, want) in [
            (
                "Ash,High,abc,,,",
                "Row 2: enrollment \u{201c}abc\u{201d} is not a whole number.",
            ),
            (
                "Ash,High,12.0,,,",
                "Row 2: enrollment \u{201c}12.0\u{201d} is not a whole number.",
            ),
            ("Ash,High,-3,,,", "Row 2: enrollment -3 can't be negative."),
            (
                "Ash,High,25000,,,",
                "Row 2: enrollment 25000 is over 20,000.",
            ),
            (
                "Ash,High,\"25,000\",,,",
                "Row 2: enrollment 25,000 is over 20,000.",
            ),
            (
                "Ash,High,,120,,",
                "Row 2: reading proficiency 120 is over 100%.",
            ),
            (
                "Ash,High,,100.5%,,",
                "Row 2: reading proficiency 100.5 is over 100%.",
            ),
            ("Ash,High,,,-5,", "Row 2: math proficiency -5 is below 0%."),
            (
                "Ash,High,,,n/a,",
                "Row 2: math proficiency \u{201c}n/a\u{201d} is not a number.",
            ),
            ("  ,High,300,,,", "Row 2: the school name is empty."),
            (
                "New School,,300,,,",
                "Row 2: the level is empty. A new school needs one, such as Elementary, \
                 Middle, High or K-8.",
            ),
            (
                "Ash,High,1,2,3,4,5",
                "Row 2 has 7 cells but the header has 6. A value with a comma in it, such as \
                 \u{201c}1,212\u{201d} or \u{201c}Smith, Jane\u{201d}, needs double quotes \
                 around it.",
            ),
        ] {
            assert_eq!(row_error(h, row), want, "{row}");
        }
        assert_eq!(
            row_error(h, &format!("Ash,{LONG_LEVEL},,,,")),
            long_level_error(2)
        );
        let long = "x".repeat(text::MAX_NAME_CHARS + 1);
        assert_eq!(
            row_error(h, &format!("{long},High,,,,")),
            "Row 2: the school name is 121 characters long; the limit is 120."
        );
        let note = "n".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            row_error(h, &format!("Ash,High,,,,{note}")),
            "Row 2: the notes are 4001 characters long; the limit is 4000."
        );
    }

    #[test]
    fn every_problem_is_reported_in_row_order() {
        let text = "Name,Level,Enrollment,Reading\n\
                    Ash,High,300,40\n\
                    Birch,Middle,abc,40\n\
                    Cedar,Kindergarten to grade 8,300,140\n\
                    Dogwood,High,300,40\n\
                    ,High,1,1\n";
        let p = preview(text, &[]);
        assert_eq!(
            p.errors,
            [
                "Row 3: enrollment \u{201c}abc\u{201d} is not a whole number.",
                &long_level_error(4),
                "Row 4: reading proficiency 140 is over 100%.",
                "Row 6: the school name is empty.",
            ]
        );
        // The good rows are still previewed, but nothing can be applied.
        assert_eq!(p.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 5]);
        assert!(!p.is_ok());
    }

    #[test]
    fn the_list_of_row_problems_is_capped() {
        let mut text = String::from("Name,Level\n");
        for i in 0..(MAX_ROW_ERRORS + 50) {
            text.push_str(&format!("School {i},{LONG_LEVEL}\n"));
        }
        let errs = errors(&text);
        assert_eq!(errs.len(), MAX_ROW_ERRORS + 1);
        assert!(errs[0].starts_with("Row 2: "), "{}", errs[0]);
        assert_eq!(errs[MAX_ROW_ERRORS], "\u{2026}and 50 more problems.");

        let mut one_more = String::from("Name,Level\n");
        for i in 0..=MAX_ROW_ERRORS {
            one_more.push_str(&format!("School {i},{LONG_LEVEL}\n"));
        }
        assert_eq!(
            errors(&one_more).last().unwrap(),
            "\u{2026}and 1 more problem."
        );
    }

    #[test]
    fn blank_rows_are_skipped_but_still_counted() {
        let text = format!(
            "\nName,Level,Enrollment\n\nAsh,Elementary,1\n , ,\n\n\"\",,\nBirch,{LONG_LEVEL},2\n"
        );
        let p = preview(&text, &[]);
        // A blank line above the header: the header is row 2, Ash row 4, Birch row 8.
        assert_eq!(p.errors, [long_level_error(8)]);
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].row, 4);
    }

    #[test]
    fn row_numbers_count_spreadsheet_rows_not_text_lines() {
        for (text, want) in [
            // A quoted cell over three lines is one row.
            ("Name,Level,Notes\nAsh,High,\"a\nb\nc\"\nBirch,K-8,\n", 3),
            (
                "Name,Level,Notes\r\nAsh,High,\"a\r\nb\"\r\n\r\nBirch,K-8,\r\n",
                4,
            ),
            // Old Mac line endings.
            ("Name,Level\rAsh,High\r\rBirch,K-8\r", 4),
            // A quoted line break right before the end of a cell, then a blank line.
            ("Name,Level,Notes\nAsh,High,\"a\r\"\n\nBirch,K-8,\n", 4),
            // No final line break.
            ("Name,Level\nAsh,High\nBirch,K-8", 3),
        ] {
            // Birch's level is too long: the message names its row.
            let errs = errors(&text.replace("K-8", LONG_LEVEL));
            assert_eq!(errs, [long_level_error(want)], "{text:?}");
        }
    }

    #[test]
    fn a_name_twice_in_the_file_is_reported_with_both_rows() {
        let mut text = String::from("Name,Level\n");
        for i in 2..=11 {
            let name = if i == 3 {
                "Ash Grove Elementary"
            } else {
                "Other"
            };
            text.push_str(&format!("{name} {i},High\n"));
        }
        // Row 12 repeats row 3, spelled differently.
        text.push_str("  ash grove   elementary 3 ,High\n");
        assert_eq!(
            errors(&text),
            [
                "Row 12: \u{201c}ash grove   elementary 3\u{201d} appears twice in the file \
              (rows 3 and 12)."
            ]
        );
    }

    #[test]
    fn a_repeat_of_a_bad_row_is_still_reported() {
        let errs = errors(&format!("Name,Level\nAsh,{LONG_LEVEL}\nAsh,High\n"));
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(
            errs[1],
            "Row 3: \u{201c}Ash\u{201d} appears twice in the file (rows 2 and 3)."
        );
    }

    #[test]
    fn a_name_matching_two_schools_is_ambiguous() {
        let existing = vec![
            school("a", "Oak", SchoolLevel::High, 1),
            school("b", "OAK", SchoolLevel::Middle, 2),
        ];
        let p = preview("Name,Level\noak,High\n", &existing);
        assert_eq!(
            p.errors,
            [
                "Row 2: \u{201c}oak\u{201d} matches 2 schools already in the district. \
              Give them different names before importing."
            ]
        );
    }

    #[test]
    fn unknown_columns_are_ignored_and_listed() {
        let p = preview(
            "Name,Principal,Level,,District Code,  Phone  \nAsh,Pat,High,,123,555\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.ignored_columns, ["Principal", "District Code", "Phone"]);
        assert_eq!(p.rows[0].fields.level, Some(SchoolLevel::High));
    }

    #[test]
    fn short_rows_and_blank_extra_cells_are_fine() {
        let p = preview(
            "Name,Level,Enrollment,Notes\nAsh,High\nBirch,Middle,4,,,\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.enrollment, None);
        assert_eq!(p.rows[1].fields.enrollment, Some(4));
    }

    #[test]
    fn enrollment_allows_thousands_commas_only_where_they_belong() {
        for (raw, want) in [
            ("0", Ok(0)),
            ("412", Ok(412)),
            ("1,212", Ok(1212)),
            ("20,000", Ok(20_000)),
            ("007", Ok(7)),
        ] {
            assert_eq!(parse_enrollment(raw, false), want, "{raw}");
        }
        for raw in [
            "12,12", "1,2120", ",123", "1,", "1 212", "12.5", "+3", "", "1e3", "٣",
        ] {
            assert_eq!(
                parse_enrollment(raw, false),
                Err(format!("\u{201c}{raw}\u{201d} is not a whole number.")),
                "{raw}"
            );
        }
        for raw in ["20001", "99999999999999999999", "1,000,000"] {
            assert_eq!(
                parse_enrollment(raw, false),
                Err(format!("{raw} is over 20,000.")),
                "{raw}"
            );
        }
        // With decimal commas, dots separate thousands and a comma makes a fraction.
        for (raw, want) in [("1.212", 1212), ("20.000", 20_000), ("412", 412)] {
            assert_eq!(parse_enrollment(raw, true), Ok(want), "{raw}");
        }
        assert_eq!(
            parse_enrollment("1,212", true),
            Err(
                "\u{201c}1,212\u{201d} is not a whole number (this file writes decimals with \
                 a comma, as in 45,5)."
                    .into()
            )
        );
        for raw in ["12.12", "1.2120", ".123", "1.", "12.5"] {
            assert_eq!(
                parse_enrollment(raw, true),
                Err(format!("\u{201c}{raw}\u{201d} is not a whole number.")),
                "{raw}"
            );
        }
        assert_eq!(
            parse_enrollment("20.001", true),
            Err("20.001 is over 20,000.".into())
        );
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn percentages_take_a_percent_sign_and_a_decimal_point() {
        for (raw, want) in [
            ("45", 45.0),
            ("45%", 45.0),
            ("45 %", 45.0),
            ("45.5", 45.5),
            (".5", 0.5),
            ("5.", 5.0),
            ("0", 0.0),
            ("-0", 0.0),
            ("100", 100.0),
            ("100.0%", 100.0),
        ] {
            assert_eq!(parse_percent(raw, false), Ok(want), "{raw}");
        }
        assert!(parse_percent("-0", false).unwrap().is_sign_positive());
        for raw in [
            "inf", "NaN", "1e2", "45%%", "%", ".", "4 5", "45,5", "0x10", "½",
        ] {
            assert_eq!(
                parse_percent(raw, false),
                Err(format!("\u{201c}{raw}\u{201d} is not a number.")),
                "{raw}"
            );
        }
        for (raw, want) in [
            ("45,5", 45.5),
            ("45,5 %", 45.5),
            (",5", 0.5),
            ("-0,0", 0.0),
            ("45", 45.0),
            // Typed by hand: a dot that can't separate thousands is a decimal point.
            ("45.5", 45.5),
        ] {
            assert_eq!(parse_percent(raw, true), Ok(want), "{raw}");
        }
        // A dot that can separate thousands does.
        assert_eq!(
            parse_percent("1.000", true),
            Err("1000 is over 100%.".into())
        );
        assert_eq!(
            parse_percent("1.000,5", true),
            Err("1000.5 is over 100%.".into())
        );
        for raw in ["4.5,5", "45,5.0", "1,2,3", "12.34.5"] {
            assert_eq!(
                parse_percent(raw, true),
                Err(format!("\u{201c}{raw}\u{201d} is not a number.")),
                "{raw}"
            );
        }
        assert_eq!(parse_percent("4,5,5", true).map_err(|_| ()), Err(()));
        assert_eq!(
            parse_percent("100.01", false),
            Err("100.01 is over 100%.".into())
        );
        assert_eq!(
            parse_percent("-0.5%", false),
            Err("-0.5 is below 0%.".into())
        );
    }

    #[test]
    fn name_keys_agree_with_same_name() {
        let names = [
            "Ash Grove",
            "ash  grove",
            " ASH GROVE ",
            "Ash Grove 2",
            "Ásh Grove",
            "ásh grove",
        ];
        for a in names {
            for b in names {
                assert_eq!(name_key(a) == name_key(b), same_name(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn apply_refuses_a_preview_with_any_error_and_changes_nothing() {
        let mut d = district();
        let before = d.clone();
        let before_json = serde_json::to_string(&d).unwrap();
        for text in [
            // One good row and one bad row.
            "Name,Level,Enrollment\nDogwood,High,10\nAsh Grove Elementary,High,abc\n",
            // A file error.
            "Name,Enrollment\nDogwood,10\n",
        ] {
            let p = preview(text, &d.schools);
            assert!(!p.is_ok());
            let mut called = false;
            let err = apply(&p, &mut d, || {
                called = true;
                Id::fixed("x")
            })
            .unwrap_err();
            assert!(
                err.starts_with("Nothing was imported: the file has 1 problem."),
                "{err}"
            );
            assert!(!called);
            assert_eq!(d, before);
            assert_eq!(serde_json::to_string(&d).unwrap(), before_json);
        }
        let p = preview(
            &format!("Name,Level\nA,{LONG_LEVEL}\nB,{LONG_LEVEL}\n"),
            &d.schools,
        );
        assert_eq!(
            apply(&p, &mut d, ids()).unwrap_err(),
            "Nothing was imported: the file has 2 problems. Fix them and choose the file again."
        );
        assert_eq!(d, before);
    }

    #[test]
    fn apply_refuses_a_preview_made_before_the_schools_changed() {
        let mut d = district();
        let p = preview(
            "Name,Level,Enrollment\nAsh Grove Elementary,High,10\n",
            &d.schools,
        );
        assert!(p.is_ok());
        d.schools[0].notes = "Edited in another tab".into();
        let before = d.clone();
        let err = apply(&p, &mut d, ids()).unwrap_err();
        assert!(err.contains("the schools changed"), "{err}");
        assert_eq!(d, before);
    }

    #[test]
    fn apply_refuses_a_result_that_would_not_validate() {
        let mut d = district();
        let before = d.clone();
        let p = preview("Name,Level\nDogwood,High\n", &d.schools);
        assert!(p.is_ok());
        // The caller hands out an ID that is already taken.
        let err = apply(&p, &mut d, || Id::fixed("ash")).unwrap_err();
        assert!(err.starts_with("Nothing was imported: "), "{err}");
        assert!(err.contains("same ID"), "{err}");
        assert_eq!(d, before);
    }

    #[test]
    fn unchanged_rows_are_counted_and_change_nothing() {
        let mut d = district();
        let before = d.clone();
        let p = preview(
            "Name,Level,Enrollment,Reading,Math\n\
             Ash Grove Elementary,Elementary,412,40%,35\n\
             birch middle,ms,600,,\n",
            &d.schools,
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        let want = ImportSummary {
            added: 0,
            updated: 0,
            unchanged: 2,
            untouched: 1,
        };
        assert_eq!(p.counts(), want);
        assert!(p.rows.iter().all(|r| r.changes.is_empty()));
        assert_eq!(apply(&p, &mut d, ids()), Ok(want));
        assert_eq!(d, before);
    }

    #[test]
    fn exported_cells_come_back_as_they_were() {
        // A name that an export writes as '@Home Academy matches the school again.
        let existing = vec![school("h", "@Home Academy", SchoolLevel::High, 10)];
        let csv = export::to_csv(
            &["Name", "Level", "Notes"],
            &[vec!["@Home Academy".into(), "High".into(), "=1+1".into()]],
        );
        assert!(csv.contains("'@Home Academy"));
        let p = preview(&csv, &existing);
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(
            p.rows[0].action,
            Action::Update {
                school_id: Id::fixed("h")
            }
        );
        assert_eq!(p.rows[0].fields.notes.as_deref(), Some("=1+1"));
    }

    #[test]
    fn the_template_previews_cleanly_as_two_new_schools() {
        let t = template();
        assert!(t.starts_with(
            "\u{feff}Name,Level,Enrollment,Reading % proficient,Math % proficient,Notes\r\n"
        ));
        let mut d = district();
        let p = preview(&t, &d.schools);
        assert!(p.is_ok(), "{:?}", p.errors);
        assert!(p.ignored_columns.is_empty());
        assert_eq!(p.counts().added, 2);
        assert_eq!(p.rows[1].fields.enrollment, Some(1212));
        assert_eq!(p.rows[1].fields.reading_proficient, Some(52.5));
        apply(&p, &mut d, ids()).unwrap();
        assert_eq!(d.schools.len(), 5);
        assert!(d.validate().is_empty());
    }

    const ECOLE: &str = "\u{c9}cole Sainte-Th\u{e9}r\u{e8}se";

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out: Vec<u8> = match (bom, little_endian) {
            (false, _) => vec![],
            (true, true) => vec![0xFF, 0xFE],
            (true, false) => vec![0xFE, 0xFF],
        };
        for unit in text.encode_utf16() {
            out.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    /// The one school a file of bytes adds, and the encoding it was read in.
    fn one_school(bytes: &[u8]) -> (Fields, Option<Encoding>) {
        let p = preview_bytes(bytes, &district().schools);
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows.len(), 1);
        (p.rows[0].fields.clone(), p.encoding)
    }

    #[test]
    fn files_are_read_in_the_encoding_they_were_saved_in() {
        let text = format!("Name,Level,Enrollment,Notes\r\n{ECOLE},K-8,412,Caf\u{e9} \u{20ac}\r\n");
        let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
        utf8_bom.extend_from_slice(text.as_bytes());
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (utf8_bom, Encoding::Utf8),
            (utf16(&text, true, true), Encoding::Utf16Le),
            (utf16(&text, false, true), Encoding::Utf16Be),
        ] {
            let (fields, read_as) = one_school(&bytes);
            assert_eq!(read_as, Some(encoding));
            assert_eq!(fields.name, ECOLE, "{encoding:?}");
            assert_eq!(fields.level, Some(SchoolLevel::Other("K-8".into())));
            assert_eq!(fields.enrollment, Some(412));
            assert_eq!(fields.notes.as_deref(), Some("Caf\u{e9} \u{20ac}"));
        }
    }

    #[test]
    fn a_windows_excel_csv_is_read_as_windows_1252() {
        // Excel "CSV (Comma delimited)" in a French locale: Windows-1252, semicolons.
        let bytes = b"Name;Level;Enrollment;Notes\r\n\
                      \xC9cole Sainte-Th\xE9r\xE8se;Elementary;1.212;Budget 5 000 \x80 \x96 \x93ok\x94\r\n";
        let (fields, encoding) = one_school(bytes);
        assert_eq!(encoding, Some(Encoding::Windows1252));
        assert_eq!(fields.name, ECOLE);
        assert_eq!(fields.enrollment, Some(1212));
        assert_eq!(
            fields.notes.as_deref(),
            Some("Budget 5 000 \u{20ac} \u{2013} \u{201c}ok\u{201d}")
        );
        assert_eq!(
            Encoding::Windows1252.describe(),
            "Read as Windows-1252 (Western, as Windows Excel saves CSV)."
        );
    }

    #[test]
    fn utf16_without_a_bom_gets_an_error_that_names_it() {
        let text = format!("Name,Level\r\n{ECOLE},High\r\n");
        for little_endian in [true, false] {
            let p = preview_bytes(&utf16(&text, little_endian, false), &[]);
            assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
            assert!(
                p.errors[0].starts_with(
                    "This file looks like UTF-16 without a byte-order mark; save it as CSV UTF-8"
                ),
                "{}",
                p.errors[0]
            );
            // The file was not read in any encoding, so the preview names none.
            assert_eq!(p.encoding, None);
        }
    }

    #[test]
    fn a_workbook_is_not_taken_for_a_csv() {
        for (bytes, starts) in [
            (
                &b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"[..],
                "This file is a workbook (.xlsx or .ods), not a CSV file.",
            ),
            (
                &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"[..],
                "This file is an Excel 97\u{2013}2003 workbook (.xls), not a CSV file.",
            ),
        ] {
            let p = preview_bytes(bytes, &[]);
            assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
            assert!(p.errors[0].starts_with(starts), "{}", p.errors[0]);
        }
        // Other bytes with NULs in them are named as not text.
        let p = preview_bytes(b"Name,Level\n\x00\x01\x02\xFF\x00,High\n", &[]);
        assert!(
            p.errors[0].starts_with("This file has 2 NUL characters in it"),
            "{:?}",
            p.errors
        );
    }

    #[test]
    fn european_files_read_dots_as_thousands_and_commas_as_decimals() {
        let p = preview(
            "Name;Level;Enrollment;Reading;Math\r\n\
             École Sud;Elementary;1.212;45,5;60\r\n\
             Nord;High;20.000;7;12,25 %\r\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.enrollment, Some(1212));
        assert_eq!(p.rows[0].fields.reading_proficient, Some(45.5));
        assert_eq!(p.rows[1].fields.enrollment, Some(20_000));
        assert_eq!(p.rows[1].fields.math_proficient, Some(12.25));
        // There, a comma in an enrollment is a decimal mark, not a thousands separator.
        assert_eq!(
            row_error("Name;Level;Enrollment", "Ash;High;1,212"),
            "Row 2: enrollment \u{201c}1,212\u{201d} is not a whole number (this file writes \
             decimals with a comma, as in 45,5)."
        );
    }

    #[test]
    fn excel_unicode_text_is_read_as_tab_separated() {
        // Excel "Unicode Text": UTF-16 little-endian with a BOM, cells split by tabs, numbers
        // as the locale writes them.
        let us = format!("Name\tLevel\tEnrollment\tReading\r\n{ECOLE}\tK-8\t1,212\t45.5\r\n");
        let (fields, encoding) = one_school(&utf16(&us, true, true));
        assert_eq!(encoding, Some(Encoding::Utf16Le));
        assert_eq!(fields.name, ECOLE);
        assert_eq!(fields.enrollment, Some(1212));
        assert_eq!(fields.reading_proficient, Some(45.5));
        // A European Excel writes decimal commas and thousands dots in the same format.
        let eu = format!("Name\tLevel\tEnrollment\tReading\r\n{ECOLE}\tK-8\t1.212\t45,5\r\n");
        let (fields, _) = one_school(&utf16(&eu, true, true));
        assert_eq!(fields.enrollment, Some(1212));
        assert_eq!(fields.reading_proficient, Some(45.5));
        // "Text (Tab delimited)" is the same in Windows-1252; a comma in a name stays in it.
        let p = preview(
            "Name\tLevel\tEnrollment\nSmith, Jane Academy\tHigh\t1,212\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[0].fields.name, "Smith, Jane Academy");
        assert_eq!(p.rows[0].fields.enrollment, Some(1212));
    }

    #[test]
    fn reviewed_edge_cases_of_real_exports_are_read() {
        // A trailing comma after a school at 100%: not a split thousands figure.
        let p = preview(
            "Name,Level,Enrollment,Reading,Math\nAsh,High,412,95,100,\nBirch,High,412,100,90,\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        assert_eq!(p.rows[1].fields.reading_proficient, Some(100.0));
        // German "Unicode Text": 1.212 students and whole percentages, and "k.A." for no data.
        let p = preview(
            "Name\tLevel\tEnrollment\tReading\nAsh\tHigh\t1.212\t45\nBirch\tHigh\t980\tk.A.\n",
            &[],
        );
        assert_eq!(
            p.rows.first().and_then(|r| r.fields.enrollment),
            Some(1212),
            "{:?}",
            p.errors
        );
        let p = preview(
            "Name\tLevel\tEnrollment\tReading\nAsh\tHigh\t412\t45,5\nBirch\tHigh\t980\tk.A.\n",
            &[],
        );
        assert_eq!(
            p.rows.first().and_then(|r| r.fields.reading_proficient),
            Some(45.5)
        );
        // French Excel groups thousands with a no-break space.
        assert_eq!(parse_enrollment("1\u{a0}212", true), Ok(1212));
        assert_eq!(parse_enrollment("1\u{202f}212", true), Ok(1212));
        assert_eq!(parse_enrollment("1 212", true), Ok(1212));
        assert!(parse_enrollment("1 212", false).is_err());
    }

    #[test]
    fn a_dot_after_a_leading_zero_is_a_decimal_point() {
        // No thousands grouping starts with a zero group: "0.050" is a twentieth.
        assert_eq!(parse_percent("0.050", true), Ok(0.05));
        assert_eq!(
            parse_enrollment("0.050", true),
            Err("\u{201c}0.050\u{201d} is not a whole number.".into())
        );
        assert_eq!(
            parse_enrollment("0,050", false),
            Err("\u{201c}0,050\u{201d} is not a whole number.".into())
        );
        assert_eq!(parse_enrollment("1.050", true), Ok(1050));
    }

    #[test]
    fn a_grade_span_a_spreadsheet_turned_into_a_date_is_refused_with_the_span() {
        for (cell, span) in [
            ("8-Jun", "6-8"),
            ("06-Aug", "6-8"),
            ("12-Sep", "9-12"),
            ("Sep-12", "9-12"),
            ("5-Jan", "1-5"),
            ("jun-8", "6-8"),
        ] {
            assert_eq!(
                row_error("Name,Level", &format!("Ash,{cell}")),
                format!(
                    "Row 2: the level \u{201c}{cell}\u{201d} looks like a date that a spreadsheet \
                     made of the grade span {span}. Type {span} in the file (in Excel, format the \
                     column as Text first)."
                ),
                "{cell}"
            );
        }
        // Levels that only look a little like dates are levels.
        let p = preview(
            "Name,Level\nAsh,K-8\nBirch,6-8\nCedar,May School\nDogwood,9-12\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
    }

    #[test]
    fn an_unquoted_thousands_comma_is_caught_when_blank_cells_follow() {
        // "1,212" unquoted splits in two; the row's last cells are blank, so the row is only
        // one cell too wide, with nothing in the extra cell.
        assert_eq!(
            row_error("Name,Level,Enrollment,Notes", "Ash,High,1,212,"),
            "Row 2 has 5 cells but the header has 4. A value with a comma in it, such as \
             \u{201c}1,212\u{201d} or \u{201c}Smith, Jane\u{201d}, needs double quotes around it."
        );
        // A trailing comma alone (one blank cell too many) is fine.
        let p = preview("Name,Level,Enrollment,Notes\nAsh,High,1212,,\n", &[]);
        assert!(p.is_ok(), "{:?}", p.errors);
    }

    #[test]
    fn k8_k12_prek5_and_6_12_are_levels() {
        let p = preview(
            "Name,Level\nAsh,K-8\nBirch,k-12\nCedar,PreK-5\nDogwood,6-12\nElm,Upper School\n",
            &[],
        );
        assert!(p.is_ok(), "{:?}", p.errors);
        let levels: Vec<&str> = p
            .rows
            .iter()
            .map(|r| r.fields.level.as_ref().map_or("", |l| l.label()))
            .collect();
        assert_eq!(levels, ["K-8", "K-12", "PreK-5", "6-12", "Upper School"]);
    }

    #[test]
    fn a_file_full_of_nuls_is_named_as_utf16_without_a_bom() {
        // UTF-16 LE without a BOM, read as if it were UTF-8: every other character is NUL.
        let text: String = "Name,Level\r\nAsh,High\r\n"
            .chars()
            .flat_map(|c| [c, '\0'])
            .collect();
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].starts_with(
                "This file looks like UTF-16 without a byte-order mark; save it as CSV UTF-8"
            ),
            "{}",
            errs[0]
        );
    }

    #[test]
    fn a_huge_name_gives_a_short_message() {
        let huge = "x".repeat(1_000_000);
        for text in [
            format!("Name,Level\n{huge},High\n"),
            format!("Name,Level,Enrollment\nAsh,High,{huge}\n"),
            format!("Name,Level,Reading\nAsh,High,{huge}\n"),
            format!(
                "Name,Level,Enrollment\nAsh,High,{}\n",
                "9".repeat(1_000_000)
            ),
            format!("Name,Level,Reading\nAsh,High,{}\n", "9".repeat(1_000_000)),
            format!("Name,Level\nAsh,{huge}\n"),
            format!("Name,Level,School\nAsh,High,{huge}\n"),
            format!("Name,Level\nAsh,High\n{huge}\n"),
        ] {
            let errs = errors(&text);
            assert!(!errs.is_empty());
            for e in errs {
                assert!(e.chars().count() < 200, "{} characters", e.chars().count());
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let inputs = [
            "\"",
            "\"\"\"",
            "Name,Level\n\"unterminated,High\n",
            "Name,Level\nAsh,\"High\"junk\n",
            "\0\0\0",
            "\r\r\n\n\r",
            "Name;Level\n;;;;\n",
            "sep=",
            "sep=;",
            "sep=;\n",
            "Name,Level\n\u{feff}Ash,High\n",
            "名前,Level\n学校,High\n",
            "Name,Level,Enrollment\nA,High,18446744073709551616\n",
            "Name,Level,Reading\nA,High,1e400\n",
        ];
        for text in inputs {
            let p = preview(text, &district().schools);
            let mut d = district();
            let _ = apply(&p, &mut d, ids());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            /// Whatever the text, the preview does not panic, row numbers go up, and an
            /// applied preview leaves a valid document.
            #[test]
            fn any_text_previews_without_panicking(
                text in "(\u{feff})?(Name|Level|School|Type|Notes|,|;|\"|\r|\n| |a|7|%|\\.|-)*"
            ) {
                let mut d = district();
                let p = preview(&text, &d.schools);
                let rows: Vec<usize> = p.rows.iter().map(|r| r.row).collect();
                prop_assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
                prop_assert!(rows.iter().all(|r| *r >= 2));
                let before = d.clone();
                match apply(&p, &mut d, ids()) {
                    Ok(_) => prop_assert!(d.validate().is_empty()),
                    Err(_) => prop_assert_eq!(d, before),
                }
            }

            /// Files written by `to_csv` read back cell for cell, whatever the names (bar
            /// one that starts with `'` and a formula character: see `unescape_cell`).
            #[test]
            fn exported_rosters_read_back(names in proptest::collection::vec("[ -~é\n\"]{1,20}", 1..8)) {
                let names: Vec<String> = names
                    .into_iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty() && export::unescape_cell(n) == n)
                    .collect();
                let mut keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
                keys.sort();
                keys.dedup();
                prop_assume!(!names.is_empty() && keys.len() == names.len());
                let rows: Vec<Vec<String>> =
                    names.iter().map(|n| vec![n.clone(), "High".into()]).collect();
                let p = preview(&export::to_csv(&["Name", "Level"], &rows), &[]);
                prop_assert!(p.is_ok(), "{:?}", p.errors);
                let got: Vec<&str> = p.rows.iter().map(|r| r.fields.name.as_str()).collect();
                prop_assert_eq!(got, names.iter().map(String::as_str).collect::<Vec<_>>());
            }
        }
    }
}
