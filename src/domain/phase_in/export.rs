//! Writing CSV files that open safely in a spreadsheet.
//!
//! Everything the app exports as CSV goes through [`to_csv`], which neutralises formula
//! injection ([`escape_cell`]), quotes per RFC 4180, ends lines with CRLF and starts with a
//! UTF-8 byte-order mark so that Excel reads accented names correctly.

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// Protect one cell against CSV (formula) injection, following OWASP's advice.
///
/// A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a formula, and some
/// also act on a leading tab (0x09) or carriage return (0x0D). Such a cell is written with a
/// single quote `'` in front, so it shows as text and is never evaluated.
///
/// The exception is a plain number: a cell such as `-3` or `-0.5` (a rank difference, say)
/// is kept as it is when the *whole* cell parses as a finite `f64`, because a number cannot
/// call a function or reach another cell. `-2+3`, `-inf` and `- 3` are not plain numbers,
/// so they are prefixed.
///
/// Every other cell is returned unchanged. [`unescape_cell`] undoes this.
pub fn escape_cell(s: &str) -> String {
    let risky = matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    if risky && !is_plain_number(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undo [`escape_cell`]: a cell read back from one of our own exports loses the `'` that
/// the export put in front of it, so an exported roster imports as the same schools. Any
/// other cell, including one that merely starts with a `'`, is returned unchanged.
///
/// The one cell this gets wrong is text that really starts with `'` and then one of the
/// characters [`escape_cell`] guards (`'=x`): it comes back as `=x`. No school name is
/// like that.
pub fn unescape_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if escape_cell(rest) == s => rest,
        _ => s,
    }
}

fn is_plain_number(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A whole CSV file: a UTF-8 BOM, the header row, then one line per row, every line ending
/// in CRLF. Every cell (header cells too) passes through [`escape_cell`]; a cell that
/// contains a comma, a double quote, a CR or an LF is put in double quotes, with its
/// double quotes doubled (RFC 4180). Rows need not have as many cells as the header; each
/// is written as given.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    let records = std::iter::once(header.iter().map(|c| escape_cell(c)).collect()).chain(
        rows.iter()
            .map(|r| r.iter().map(|c| escape_cell(c)).collect()),
    );
    // Writing flexible records into memory cannot fail: the writer's only errors are
    // I/O errors and, for fixed-width writers, unequal row lengths. Nothing here panics.
    for record in records {
        let record: Vec<String> = record;
        if writer.write_record(&record).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell was a `str`, and the writer only adds ASCII quotes, commas and CRLFs,
    // so the conversion is never lossy.
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read CSV text back with the `csv` crate, the way a spreadsheet would.
    fn read_back(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(BOM).expect("starts with a BOM");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_dangerous_prefix_is_neutralised() {
        for (raw, want) in [
            (
                "=HYPERLINK(\"http://x.test\",\"Click\")",
                "'=HYPERLINK(\"http://x.test\",\"Click\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("=1", "'=1"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-NaN", "'-NaN"),
            ("- 3", "'- 3"),
            ("-3 ", "'-3 "),
        ] {
            assert_eq!(escape_cell(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        for n in ["-3", "-0.5", "+4", "-1e3", "0", "12.5", "-100"] {
            assert_eq!(escape_cell(n), n);
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for s in [
            "Ash Grove Elementary",
            "",
            "St. Mary's",
            "Smith, Jane",
            "a=b",
            "x-1",
            "'quoted",
        ] {
            assert_eq!(escape_cell(s), s);
        }
    }

    #[test]
    fn unescape_reverses_escape_and_nothing_else() {
        for s in ["=1+1", "-2+3", "@x", "\tx", "plain", "-3", "", "'already"] {
            assert_eq!(unescape_cell(&escape_cell(s)), s, "{s:?}");
        }
        assert_eq!(unescape_cell("'-3"), "'-3");
        assert_eq!(unescape_cell("'hello"), "'hello");
    }

    #[test]
    fn the_file_starts_with_a_bom_and_uses_crlf() {
        let out = to_csv(&["A", "B"], &[cells(&["1", "2"])]);
        assert_eq!(out, "\u{feff}A,B\r\n1,2\r\n");
    }

    #[test]
    fn only_fields_that_need_it_are_quoted() {
        let out = to_csv(
            &["Name", "Notes"],
            &[cells(&["Smith, Jane", "She said \"hi\"\nthen left"])],
        );
        assert_eq!(
            out,
            "\u{feff}Name,Notes\r\n\"Smith, Jane\",\"She said \"\"hi\"\"\nthen left\"\r\n"
        );
    }

    #[test]
    fn quotes_commas_and_newlines_round_trip() {
        let rows = vec![
            cells(&["Smith, Jane", "\"Quoted\" name", "line one\r\nline two"]),
            cells(&["Élodie Brontë", "semi;colon", "trailing\n"]),
            cells(&["", "", ""]),
        ];
        let out = to_csv(&["a", "b", "c"], &rows);
        let back = read_back(&out);
        assert_eq!(back[0], cells(&["a", "b", "c"]));
        assert_eq!(&back[1..], &rows[..]);
    }

    #[test]
    fn end_to_end_the_reader_gets_the_escaped_cells() {
        let header = ["School", "Rank change", "Note"];
        let rows = vec![
            cells(&["=HYPERLINK(\"http://evil.test\")", "-3", "@SUM(A1)"]),
            cells(&["Ash Grove, East", "-0.5", "\r=1"]),
            cells(&["+1+1", "2", "\t=cmd|' /C calc'!A0"]),
        ];
        let back = read_back(&to_csv(&header, &rows));
        let want: Vec<Vec<String>> = std::iter::once(cells(&header))
            .chain(
                rows.iter()
                    .map(|r| r.iter().map(|c| escape_cell(c)).collect()),
            )
            .collect();
        assert_eq!(back, want);
        assert_eq!(back[1][0], "'=HYPERLINK(\"http://evil.test\")");
        assert_eq!(back[1][1], "-3");
        assert_eq!(back[2][2], "'\r=1");
        // Nothing a spreadsheet would evaluate is left at the start of a cell.
        for cell in back.iter().flatten() {
            let first = cell.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '@' | '\t' | '\r'))
                    && (first != Some('-') || cell.parse::<f64>().is_ok()),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn header_cells_are_escaped_too_and_ragged_rows_are_written_as_given() {
        let out = to_csv(&["=x", "b"], &[cells(&["1"]), cells(&["1", "2", "3"])]);
        assert_eq!(out, "\u{feff}'=x,b\r\n1\r\n1,2,3\r\n");
    }
}
