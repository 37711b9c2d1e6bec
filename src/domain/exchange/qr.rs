//! A link as a QR code, for a printed slip a teacher scans with their phone's camera.
//!
//! The `qrcode` crate (no image features) makes the module matrix; this turns it into one
//! SVG path (`M x y h1 v1 h-1 z` per dark module, runs along a row joined), so the view
//! draws it with no `innerHTML` and nothing but numbers from here.

use qrcode::{Color, EcLevel, QrCode};

/// The modules of quiet zone around the code that scanners need.
pub const QUIET: usize = 4;

/// A QR code: `size` modules a side (without the quiet zone), and its dark modules as SVG
/// path data in a `0 0 size size` box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

/// `text` as a QR code at error correction M (15% of the code may be lost: a fold or a
/// smudge on paper), or L if M can't hold it; `None` if even L can't (nearly 3 KB).
pub fn encode(text: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()?;
    let size = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..size {
        let row = &colors[y * size..(y + 1) * size];
        let mut x = 0;
        while x < size {
            if row[x] == Color::Dark {
                let start = x;
                while x < size && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(Qr { size, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules the path draws, read back: (x, y) of each.
    fn drawn(q: &Qr) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for run in q.path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            out.extend((x..x + len).map(|x| (x, y)));
        }
        out
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let link =
            "https://coaching.bensonschools.org/schedule#s=v1.".to_string() + &"Ab3_".repeat(150);
        let q = encode(&link).unwrap();
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(q.size, code.width());
        let dark: Vec<(usize, usize)> = code
            .to_colors()
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Color::Dark)
            .map(|(i, _)| (i % q.size, i / q.size))
            .collect();
        let mut got = drawn(&q);
        got.sort_by_key(|&(x, y)| (y, x));
        assert_eq!(got, dark);
        // A teacher's link (about 650 characters) stays a code a phone reads from a slip.
        assert!(q.size <= 101, "{} modules a side", q.size);
    }

    #[test]
    fn the_same_link_makes_the_same_code_and_too_long_a_text_makes_none() {
        assert_eq!(
            encode("https://example.org/a"),
            encode("https://example.org/a")
        );
        assert_ne!(
            encode("https://example.org/a"),
            encode("https://example.org/b")
        );
        assert!(encode(&"x".repeat(5_000)).is_none());
    }
}
