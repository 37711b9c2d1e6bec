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

/// Escape TEXT values (RFC 5545 §3.3.11). Control characters, which a TEXT value may not
/// hold (§3.3.11 allows only the tab), never reach the file: a line break (LF, CR LF, or
/// the vertical tab, form feed and next-line that word processors paste as one) becomes
/// the escaped `\n`, a lone CR goes, and every other C0 control, DEL and C1 control
/// is dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\u{b}' | '\u{c}' | '\u{85}' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
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

/// The calendar file. `stamp` is the DTSTAMP, `YYYYMMDDTHHMMSSZ` (anything else gives the
/// start of 2000). An event on a date that can't be written (a year outside 0000 to 9999,
/// or the last day `time` holds, which has no day after it to end on) is left out rather
/// than written wrong; no real session comes near one.
pub fn calendar(name: &str, events: &[Event], stamp: &str) -> String {
    let stamp_ok = stamp.len() == 16
        && stamp.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            _ => b.is_ascii_digit(),
        });
    let stamp = if stamp_ok { stamp } else { "20000101T000000Z" };
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
    let writable = |d: Date| (0..=9999).contains(&d.year()) && d.next_day().is_some();
    for e in events.iter().filter(|e| writable(e.date)) {
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
        assert!(
            !ics.replace("\r\n", "")
                .chars()
                .any(|c| c.is_control() && c != '\t'),
            "a control character"
        );
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

    #[test]
    fn control_characters_never_reach_the_file() {
        let d = parse_date("2026-09-14").unwrap();
        // Every C0 control, DEL and every C1 control, in a name and a note.
        let controls: String = (0u32..0x20)
            .chain(0x7f..0xa0)
            .filter_map(char::from_u32)
            .collect();
        let events = vec![Event {
            uid: uid(&format!("t\u{7}1{controls}"), d),
            date: d,
            summary: format!("Ana\u{b}Ortiz\u{7} {controls}(Grade 6)"),
            description: "Line one\u{b}line two\r\nline three\u{1f}\u{85}end\u{9c}\ttab".into(),
        }];
        let ics = calendar(
            &format!("Coaching: \u{1b}[31mAna{controls}"),
            &events,
            "20261123T100000Z",
        );
        // `parse` fails on any control character but CR LF and tab.
        let parsed = parse(&ics);
        let get = |k: &str| {
            parsed[0]
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(get("SUMMARY"), "Ana\nOrtiz \t\n\n\n\n(Grade 6)");
        assert_eq!(
            get("DESCRIPTION"),
            "Line one\nline two\nline three\nend\ttab"
        );
        assert_eq!(get("UID"), "20260914-t1\t\n\n\n\n@readyboard");
        assert!(
            ics.contains("X-WR-CALNAME:Coaching: [31mAna\t\\n\\n\\n\\n\r\n"),
            "{ics}"
        );
        // A stamp that is not a stamp can't smuggle anything in either.
        let odd = calendar("C", &events, "2026\r\nX-EVIL:1");
        assert!(odd.contains("\r\nDTSTAMP:20000101T000000Z\r\n"));
        assert!(!odd.contains("X-EVIL"));
    }

    #[test]
    fn events_on_dates_that_cannot_be_written_are_left_out() {
        let ok = parse_date("2026-09-14").unwrap();
        let event = |date: Date| Event {
            uid: uid("t", date),
            date,
            summary: "S".into(),
            description: String::new(),
        };
        let ics = calendar(
            "C",
            &[event(Date::MIN), event(ok), event(Date::MAX)],
            "20261123T100000Z",
        );
        assert_eq!(parse(&ics).len(), 1);
        assert!(ics.contains("DTSTART;VALUE=DATE:20260914"));
    }
}
