//! The dates Readyboard works with, in one place.
//!
//! Every date that enters the document (a board's first day and breaks, a round's date, an
//! opt-out, a readiness plan's dates and check-ins) is a `YYYY-MM-DD` string, and every one
//! must fall between [`EARLIEST`] and [`LATEST`]. Nothing real is outside that range, and
//! keeping to it means date arithmetic (a year of weeks after the first day, the day after
//! an event) always has room: the `time` crate stops at the year 9999, and an addition past
//! it would otherwise fail.

use time::{Date, Month};

/// The first year a date may fall in.
pub const MIN_YEAR: i32 = 1990;
/// The last year a date may fall in.
pub const MAX_YEAR: i32 = 2100;
/// The earliest date accepted, `YYYY-MM-DD`.
pub const EARLIEST: &str = "1990-01-01";
/// The latest date accepted, `YYYY-MM-DD`.
pub const LATEST: &str = "2100-12-31";

/// Whether `d` is between [`EARLIEST`] and [`LATEST`], both included.
pub fn in_range(d: Date) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

/// `d` if it is in range; otherwise a sentence that says so and gives the range.
pub fn check_range(d: Date) -> Result<Date, String> {
    if in_range(d) {
        return Ok(d);
    }
    let when = if d.year() < MIN_YEAR {
        "too far in the past"
    } else {
        "too far in the future"
    };
    Err(format!(
        "\u{201c}{}\u{201d} is {when}: Readyboard works with dates from {EARLIEST} to {LATEST}.",
        iso(d)
    ))
}

/// A strict `YYYY-MM-DD` (four-digit year, two-digit month and day, a real calendar day),
/// in any year the `time` crate holds; `None` for anything else. The range is not checked.
pub fn parse_shape(s: &str) -> Option<Date> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// Check a `YYYY-MM-DD` date typed or stored anywhere in the document: the shape, the
/// calendar and the range. Returns it trimmed; the error is a sentence.
pub fn check(raw: &str) -> Result<String, String> {
    let d = parse_shape(raw)
        .ok_or_else(|| format!("\u{201c}{raw}\u{201d} is not a date (YYYY-MM-DD)."))?;
    check_range(d)?;
    Ok(raw.trim().to_string())
}

/// The problem with a stored date, if any, in a sentence that starts with `what` ("The
/// opt-out date"). Used by [`crate::domain::Document::validate`].
pub fn problem(what: &str, raw: &str) -> Option<String> {
    check(raw).err().map(|e| format!("{what}: {e}"))
}

/// `YYYY-MM-DD` (a negative year keeps its sign).
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_1990_to_2100_and_says_so() {
        assert_eq!(check("1990-01-01").unwrap(), "1990-01-01");
        assert_eq!(check(" 2100-12-31 ").unwrap(), "2100-12-31");
        assert_eq!(
            check("9999-12-31").unwrap_err(),
            "\u{201c}9999-12-31\u{201d} is too far in the future: Readyboard works with dates from 1990-01-01 to 2100-12-31."
        );
        assert_eq!(
            check("1989-12-31").unwrap_err(),
            "\u{201c}1989-12-31\u{201d} is too far in the past: Readyboard works with dates from 1990-01-01 to 2100-12-31."
        );
        assert!(check("2101-01-01").unwrap_err().contains("future"));
        assert_eq!(
            check("soon").unwrap_err(),
            "\u{201c}soon\u{201d} is not a date (YYYY-MM-DD)."
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-1-1",
            "+202-01-01",
            "2026-01-0a",
            "",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
        assert!(check("2028-02-29").is_ok());
        assert_eq!(
            problem("The opt-out date", "0001-01-01").unwrap(),
            "The opt-out date: \u{201c}0001-01-01\u{201d} is too far in the past: Readyboard works with dates from 1990-01-01 to 2100-12-31."
        );
        assert_eq!(problem("x", "2026-09-01"), None);
    }

    #[test]
    fn the_shape_is_parsed_in_any_year_time_holds() {
        assert_eq!(iso(parse_shape("9999-12-31").unwrap()), "9999-12-31");
        assert_eq!(iso(parse_shape("0000-01-01").unwrap()), "0000-01-01");
        assert!(parse_shape("-001-01-01").is_none());
        assert_eq!(iso(Date::MIN), "-9999-01-01");
        assert!(!in_range(Date::MAX) && !in_range(Date::MIN));
    }
}
