//! Turning the bytes of a chosen file into text, whatever a spreadsheet saved them as.
//!
//! Excel on Windows saves "CSV (Comma delimited)" in Windows-1252, "CSV UTF-8" in UTF-8
//! with a byte-order mark, and "Unicode Text" in UTF-16. Reading every file as UTF-8 turns
//! `École` into `�cole` without a word, so [`decode_bytes`] works out which one it has:
//!
//! 1. a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE;
//! 2. otherwise, bytes that are valid UTF-8 are UTF-8 (text in another encoding almost
//!    never is, once it has a letter outside ASCII);
//! 3. otherwise the file is Windows-1252, the Western code page Windows Excel writes.
//!
//! A hand-written decoder, because `encoding_rs` would cost far more of the wasm bundle
//! than these three encodings need. UTF-16 without a byte-order mark is not guessed:
//! [`nul_problem`] recognises it (and other binary files) so the import can say what is
//! wrong instead of reading nonsense.

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Windows-1252 (Western European), as Windows Excel saves "CSV (Comma delimited)".
    Windows1252,
}

impl Encoding {
    /// A sentence for the import preview: which encoding the file was read in.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Utf8 => "Read as UTF-8.",
            Self::Utf16Le | Self::Utf16Be => "Read as UTF-16.",
            Self::Windows1252 => "Read as Windows-1252 (Western, as Windows Excel saves CSV).",
        }
    }
}

/// What bytes 0x80 to 0x9F stand for in Windows-1252, as browsers decode it (the WHATWG
/// Encoding Standard). The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D) are the C1 control characters of the same value. Every other byte is the
/// code point of the same value, as in Latin-1.
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// One Windows-1252 byte as a character.
fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// UTF-16 code units from `bytes` (after the byte-order mark), decoded; an unpaired
/// surrogate or a final odd byte becomes U+FFFD, as browsers do.
fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if little_endian {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// The text of a file, and the encoding it was read in. A byte-order mark decides; then
/// valid UTF-8 is UTF-8; anything else is Windows-1252. The byte-order mark is not part
/// of the text. Never fails: every byte sequence is some Windows-1252 text.
pub fn decode_bytes(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().copied().map(windows_1252).collect(),
            Encoding::Windows1252,
        ),
    }
}

/// When `text` holds NUL characters, which no CSV file has, a sentence that says what the
/// file probably is; `None` for ordinary text.
///
/// UTF-16 without a byte-order mark, read byte by byte, has a NUL in every other place
/// (after each ASCII letter in little-endian, before it in big-endian); any other NULs
/// mean a file that is not text at all, such as a workbook.
pub fn nul_problem(text: &str) -> Option<String> {
    let (mut at_even, mut at_odd, mut chars) = (0usize, 0usize, 0usize);
    for (i, c) in text.chars().enumerate() {
        chars += 1;
        if c == '\0' {
            if i % 2 == 0 {
                at_even += 1;
            } else {
                at_odd += 1;
            }
        }
    }
    let nuls = at_even + at_odd;
    if nuls == 0 {
        return None;
    }
    // Mostly NULs, nearly all on one side of each pair: text in UTF-16.
    let utf16 = nuls * 4 >= chars && at_even.max(at_odd) * 10 >= nuls * 9;
    Some(if utf16 {
        "This file looks like UTF-16 without a byte-order mark; save it as CSV UTF-8 \
         (in Excel: File \u{203a} Save As \u{203a} CSV UTF-8 (Comma delimited)) and choose \
         it again."
            .to_string()
    } else {
        format!(
            "This file has {} NUL {} in it, so it is not a CSV file: it may be a workbook \
             (.xlsx or .xls) or another binary file. Save the roster as CSV UTF-8 (in Excel: \
             File \u{203a} Save As \u{203a} CSV UTF-8 (Comma delimited)) and choose that file.",
            crate::domain::text::thousands(nuls as u64),
            if nuls == 1 { "character" } else { "characters" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "\u{c9}cole Sainte-Th\u{e9}r\u{e8}se";

    fn utf16_bytes(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if little_endian {
                b"\xFF\xFE"
            } else {
                b"\xFE\xFF"
            });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_a_bom() {
        let plain = format!("Name;Level\r\n{NAME};High\r\n");
        assert_eq!(
            decode_bytes(plain.as_bytes()),
            (plain.clone(), Encoding::Utf8)
        );
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(plain.as_bytes());
        assert_eq!(decode_bytes(&with_bom), (plain, Encoding::Utf8));
        assert_eq!(decode_bytes(b""), (String::new(), Encoding::Utf8));
        assert_eq!(
            decode_bytes(b"\xEF\xBB\xBF"),
            (String::new(), Encoding::Utf8)
        );
    }

    #[test]
    fn utf16_with_a_bom_in_either_byte_order() {
        let text = format!("Name,Level\r\n{NAME},K-8\r\n\u{1F3EB} Academy,High\r\n");
        assert_eq!(
            decode_bytes(&utf16_bytes(&text, true, true)),
            (text.clone(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode_bytes(&utf16_bytes(&text, false, true)),
            (text.clone(), Encoding::Utf16Be)
        );
        // A lone surrogate and a final odd byte become U+FFFD instead of failing.
        assert_eq!(
            decode_bytes(b"\xFF\xFEA\x00\x00\xD8B\x00C"),
            ("A\u{FFFD}B\u{FFFD}".to_string(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn windows_1252_as_excel_saves_it() {
        let bytes = b"Name;Level\r\n\xC9cole Sainte-Th\xE9r\xE8se;High\r\n";
        assert_eq!(
            decode_bytes(bytes),
            (
                format!("Name;Level\r\n{NAME};High\r\n"),
                Encoding::Windows1252
            )
        );
        assert_eq!(decode_bytes(b"\x80 5").0, "\u{20AC} 5");
    }

    #[test]
    fn windows_1252_maps_0x80_to_0x9f_by_the_real_table() {
        let all: Vec<u8> = (0x80..=0x9F).collect();
        let (text, encoding) = decode_bytes(&all);
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(
            text,
            "\u{20AC}\u{81}\u{201A}\u{192}\u{201E}\u{2026}\u{2020}\u{2021}\
             \u{2C6}\u{2030}\u{160}\u{2039}\u{152}\u{8D}\u{17D}\u{8F}\
             \u{90}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\
             \u{2DC}\u{2122}\u{161}\u{203A}\u{153}\u{9D}\u{17E}\u{178}"
        );
        assert_eq!(
            text,
            "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
        );
        // The rest is Latin-1: each byte is the code point of the same value.
        let rest: Vec<u8> = (0xA0..=0xFF).collect();
        let want: String = (0xA0..=0xFFu32).filter_map(char::from_u32).collect();
        assert_eq!(decode_bytes(&rest).0, want);
    }

    #[test]
    fn valid_utf8_wins_over_windows_1252() {
        // "Ã©" in Windows-1252 is the UTF-8 for "é": the bytes are valid UTF-8.
        assert_eq!(decode_bytes(b"\xC3\xA9").0, "\u{e9}");
        // One byte that cannot be UTF-8 makes the whole file Windows-1252.
        assert_eq!(
            decode_bytes(b"\xC3\xA9 \xE9"),
            ("\u{c3}\u{a9} \u{e9}".to_string(), Encoding::Windows1252)
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_not_guessed() {
        let text = format!("Name,Level\r\n{NAME},High\r\n");
        for little_endian in [true, false] {
            let (read, _) = decode_bytes(&utf16_bytes(&text, little_endian, false));
            let problem = nul_problem(&read).expect("a problem");
            assert!(
                problem.starts_with(
                    "This file looks like UTF-16 without a byte-order mark; save it as CSV UTF-8"
                ),
                "{problem}"
            );
        }
        assert_eq!(nul_problem(&text), None);
        assert_eq!(nul_problem(""), None);
        let binary = nul_problem("PK\u{3}\u{4}\0\0\0\0\u{8}abcdefghijklmnopqrstuvwxyz").unwrap();
        assert!(
            binary.starts_with("This file has 4 NUL characters"),
            "{binary}"
        );
    }

    #[test]
    fn the_encoding_is_described_in_words() {
        assert_eq!(Encoding::Utf8.describe(), "Read as UTF-8.");
        assert_eq!(Encoding::Utf16Be.describe(), "Read as UTF-16.");
        assert_eq!(
            Encoding::Windows1252.describe(),
            "Read as Windows-1252 (Western, as Windows Excel saves CSV)."
        );
    }
}
