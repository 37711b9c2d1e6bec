//! iCalendar (RFC 5545) files of coaching sessions, as all-day events.
//!
//! Written by hand rather than with a crate: the events are all-day dates with a summary
//! and a description, and the `icalendar` crate brings `chrono` into the bundle for that.
//! UIDs are stable: one per (person, date), so importing a newer file updates the events
//! instead of adding copies (a teacher has one session a day at most; see `rules`).

use time::Date;

/// One all-day event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable across re-generation: the person the calendar is for, and the date.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
}

/// Escape TEXT values (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets, never inside a UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The calendar file. `stamp` is the DTSTAMP, `YYYYMMDDTHHMMSSZ`.
pub fn calendar(name: &str, events: &[Event], stamp: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Readyboard//Plus coaching schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", escape(&e.uid)), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", ymd(e.date)), &mut out);
        fold(
            &format!(
                "DTEND;VALUE=DATE:{}",
                ymd(e.date.next_day().unwrap_or(e.date))
            ),
            &mut out,
        );
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        if !e.description.is_empty() {
            fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
        }
        fold("TRANSP:TRANSPARENT", &mut out);
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// A UID for `person`'s calendar on `date`, the same every time the file is made.
pub fn uid(person: &str, date: Date) -> String {
    format!("{}-{person}@readyboard", ymd(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plus::calendar::parse_date;

    /// A small RFC 5545 reader for the test: unfold, split events, unescape values.
    fn parse(ics: &str) -> Vec<Vec<(String, String)>> {
        assert!(
            ics.lines().all(|l| l.len() <= 75),
            "a line is over 75 octets"
        );
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        let unfolded = ics.replace("\r\n ", "");
        let mut events = Vec::new();
        let mut current: Option<Vec<(String, String)>> = None;
        for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
            let (key, value) = line.split_once(':').expect("NAME:value");
            match (key, value) {
                ("BEGIN", "VEVENT") => current = Some(Vec::new()),
                ("END", "VEVENT") => events.push(current.take().unwrap()),
                _ => {
                    if let Some(c) = current.as_mut() {
                        let v = value
                            .replace("\\n", "\n")
                            .replace("\\,", ",")
                            .replace("\\;", ";")
                            .replace("\\\\", "\\");
                        c.push((key.to_string(), v));
                    }
                }
            }
        }
        events
    }

    #[test]
    fn events_round_trip_with_escaping_folding_and_stable_uids() {
        let d = parse_date("2026-09-14").unwrap();
        let long = "Focus: checking for understanding; exit tickets, cold calls and a \\ backslash — then a long tail of text to force folding well past seventy-five octets, with ünïcödé.";
        let events = vec![
            Event {
                uid: uid("t001", d),
                date: d,
                summary: "Coaching cycle with Ms. Ortiz".into(),
                description: long.into(),
            },
            Event {
                uid: uid("t001", d.next_day().unwrap()),
                date: d.next_day().unwrap(),
                summary: "PD day, Grade 3".into(),
                description: String::new(),
            },
        ];
        let ics = calendar("Coaching: A. Teacher", &events, "20261123T100000Z");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let parsed = parse(&ics);
        assert_eq!(parsed.len(), 2);
        let get = |e: &Vec<(String, String)>, k: &str| {
            e.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone())
        };
        assert_eq!(get(&parsed[0], "UID").unwrap(), "20260914-t001@readyboard");
        assert_eq!(get(&parsed[0], "DTSTART;VALUE=DATE").unwrap(), "20260914");
        assert_eq!(get(&parsed[0], "DTEND;VALUE=DATE").unwrap(), "20260915");
        assert_eq!(get(&parsed[0], "DESCRIPTION").unwrap(), long);
        assert_eq!(get(&parsed[1], "DESCRIPTION"), None);
        // The same person and date give the same UID: a re-import updates the event.
        assert_eq!(uid("t001", d), events[0].uid);
        assert_ne!(uid("t002", d), events[0].uid);
    }
}
