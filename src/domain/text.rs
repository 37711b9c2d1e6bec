//! Limits and clean-up for user-entered text. Every name and note passes through here
//! before it enters the document, so the limits hold everywhere.

/// Names of districts, schools, people and teams.
pub const MAX_NAME_CHARS: usize = 120;
/// Free-text notes and rationales.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Trim a name and check it against the limits. The error is a sentence for the user.
pub fn clean_name(what: &str, raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(format!("{what} can't be empty."));
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!(
            "{what} is {n} characters long; the limit is {MAX_NAME_CHARS}."
        ));
    }
    Ok(name.to_string())
}

/// Check an email address: empty (none), or one address with a name, an `@` and a domain
/// with a dot, no spaces, at most 254 characters (RFC 5321's limit). The error says what to
/// fix; the address comes back trimmed.
pub fn clean_email(raw: &str) -> Result<String, String> {
    let email = raw.trim();
    if email.is_empty() {
        return Ok(String::new());
    }
    let looks_right = email.chars().count() <= 254
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';')
        && email.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if looks_right {
        Ok(email.to_string())
    } else {
        Err(format!(
            "\u{201c}{email}\u{201d} is not an email address (one address, like name@school.org)."
        ))
    }
}

/// Check a note against the limit, keeping its inner line breaks.
pub fn clean_note(what: &str, raw: &str) -> Result<String, String> {
    let note = raw.trim();
    let n = note.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(format!(
            "{what} is {n} characters long; the limit is {MAX_NOTE_CHARS}."
        ));
    }
    Ok(note.to_string())
}

/// A file-name-safe slug ("Benson School District" -> "benson-school-district").
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "district".to_string()
    } else {
        out
    }
}

/// How much of a piece of user text a message quotes.
pub const QUOTE_CHARS: usize = 40;

/// User text for quoting inside a message: at most [`QUOTE_CHARS`] characters, with an
/// ellipsis and the full length when it was cut, so a huge value never makes a huge message.
pub fn quote_short(s: &str) -> String {
    let n = s.chars().count();
    if n <= QUOTE_CHARS {
        return format!("\u{201c}{s}\u{201d}");
    }
    let head: String = s.chars().take(QUOTE_CHARS).collect();
    format!(
        "\u{201c}{head}\u{2026}\u{201d} ({} characters)",
        thousands(n as u64)
    )
}

/// A whole number with thousands separators: `20000` → `"20,000"`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun, singular only for exactly one: `plural(1, "school", "schools")` is
/// "1 school", `plural(0, …)` and `plural(2, …)` "0 schools", "2 schools". The words may
/// carry their verb: `plural(n, "rule is", "rules are")`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_whatever_the_text() {
        assert_eq!(quote_short("Linden"), "\u{201c}Linden\u{201d}");
        let huge = "é".repeat(1_000_000);
        let q = quote_short(&huge);
        assert!(q.chars().count() < 80, "{q}");
        assert!(q.ends_with("(1,000,000 characters)"), "{q}");
    }

    #[test]
    fn names_are_trimmed_and_must_not_be_blank() {
        assert_eq!(clean_name("Name", "  Benson  ").unwrap(), "Benson");
        assert_eq!(
            clean_name("Name", "   ").unwrap_err(),
            "Name can't be empty."
        );
    }

    #[test]
    fn names_over_the_limit_are_refused_with_the_count() {
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let err = clean_name("District name", &long).unwrap_err();
        assert!(err.contains("121 characters"), "{err}");
        assert!(clean_name("District name", &"x".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let accented = "é".repeat(MAX_NAME_CHARS);
        assert!(clean_name("Name", &accented).is_ok());
    }

    #[test]
    fn notes_may_be_empty_but_not_too_long() {
        assert_eq!(clean_note("Note", "").unwrap(), "");
        assert!(clean_note("Note", &"y".repeat(MAX_NOTE_CHARS + 1)).is_err());
    }

    #[test]
    fn plurals_are_singular_only_for_one() {
        assert_eq!(plural(0, "school", "schools"), "0 schools");
        assert_eq!(plural(1, "school", "schools"), "1 school");
        assert_eq!(plural(2, "school", "schools"), "2 schools");
        assert_eq!(plural(1, "rule is", "rules are"), "1 rule is");
        assert_eq!(plural(21, "criterion", "criteria"), "21 criteria");
    }

    #[test]
    fn slugs_are_safe_for_file_names() {
        assert_eq!(slug("Benson School District"), "benson-school-district");
        assert_eq!(slug("  St. Mary's / K-8 "), "st-mary-s-k-8");
        assert_eq!(slug("!!!"), "district");
    }

    #[test]
    fn emails_are_checked() {
        assert_eq!(clean_email("  "), Ok(String::new()));
        assert_eq!(clean_email(" ana@school.org "), Ok("ana@school.org".into()));
        for bad in [
            "ana",
            "ana@school",
            "@school.org",
            "ana@@school.org",
            "a b@school.org",
            "ana@school.org, ben@school.org",
            "ana@.org",
        ] {
            assert!(clean_email(bad).is_err(), "{bad}");
        }
    }
}
