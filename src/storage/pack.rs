//! Packing a stored part: JSON, deflated with a zlib checksum, written 15 bits to a
//! character.
//!
//! Browsers count localStorage in UTF-16 characters (about 5 Mi of them per site), whatever
//! the characters are. Base64 would carry 6 bits in each; this carries 15, in the code points
//! U+0800 to U+87FF, which are all assigned-or-reserved ordinary characters: no surrogates, no
//! controls, nothing a browser or a JSON encoder changes. A packed part is therefore about
//! 2.5 times smaller than the same bytes in base64.
//!
//! Layout: `"z1:"`, the byte count in decimal, `":"`, then the packed characters. The zlib
//! stream's Adler-32 checksum catches a damaged value; [`unpack`] never panics.

/// The first code point used for packed bits.
const BASE: u32 = 0x0800;
const PREFIX: &str = "z1:";
/// The most a part may inflate to: far more than any district stores, small enough that a
/// damaged or hostile value can't exhaust memory.
pub const MAX_INFLATED: usize = 256 * 1024 * 1024;
/// Deflate level: 6 is zlib's default; at 9 saves take longer for about 1 % less.
const LEVEL: u8 = 6;

/// Compress `json` and pack it into text for storage.
pub fn pack(json: &[u8]) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec_zlib(json, LEVEL);
    let mut out = String::with_capacity(PREFIX.len() + 12 + bytes.len() * 8 / 15 * 3 + 3);
    out.push_str(PREFIX);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(&mut out, (acc >> bits) & 0x7FFF);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push(&mut out, (acc << (15 - bits)) & 0x7FFF);
    }
    out
}

fn push(out: &mut String, v: u32) {
    // BASE + v is at most U+87FF: always a valid scalar value.
    out.push(char::from_u32(BASE + v).unwrap_or('\u{0800}'));
}

/// Why a stored part can't be read. The text is for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged(pub String);

/// Whether `text` is a packed part (as opposed to plain JSON).
pub fn is_packed(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// Unpack and inflate a stored part back to its JSON bytes.
pub fn unpack(text: &str) -> Result<Vec<u8>, Damaged> {
    let rest = text
        .strip_prefix(PREFIX)
        .ok_or_else(|| Damaged("it does not start with the packed-part marker".into()))?;
    let (count, body) = rest
        .split_once(':')
        .ok_or_else(|| Damaged("its length is missing".into()))?;
    let count: usize = count
        .parse()
        .map_err(|_| Damaged("its length is not a number".into()))?;
    // The body carries 15 bits a character: a count it can't hold is damage, and is never
    // used to reserve memory.
    if count > body.chars().count().saturating_mul(15) / 8 {
        return Err(Damaged(format!(
            "it was cut off, or its length ({count} bytes) is wrong"
        )));
    }
    let mut bytes = Vec::with_capacity(count);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in body.chars() {
        let v = (c as u32).wrapping_sub(BASE);
        if v > 0x7FFF {
            return Err(Damaged(format!(
                "it holds a character (U+{:04X}) that packing never writes",
                c as u32
            )));
        }
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            if bytes.len() < count {
                bytes.push((acc >> bits) as u8);
            }
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() != count {
        return Err(Damaged(format!(
            "it was cut off ({} of {count} bytes)",
            bytes.len()
        )));
    }
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes, MAX_INFLATED)
        .map_err(|e| Damaged(format!("it does not inflate ({:?})", e.status)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_any_bytes() {
        for n in [0usize, 1, 2, 14, 15, 16, 29, 30, 31, 1000, 65_537] {
            let data: Vec<u8> = (0..n).map(|i| (i * 7919 % 251) as u8).collect();
            let packed = pack(&data);
            assert!(is_packed(&packed));
            assert_eq!(unpack(&packed).unwrap(), data, "length {n}");
        }
    }

    #[test]
    fn packed_text_is_ordinary_characters_only() {
        let packed = pack(br#"{"name":"\u00c9cole","levels":[1,2,3,4]}"#);
        for c in packed.chars().skip(PREFIX.len()) {
            let u = c as u32;
            assert!(
                c == ':' || c.is_ascii_digit() || (0x0800..=0x87FF).contains(&u),
                "U+{u:04X}"
            );
            assert!(!(0xD800..=0xDFFF).contains(&u));
        }
    }

    #[test]
    fn json_shrinks_several_times() {
        let doc = crate::domain::synthetic::district(20, 10);
        let json = serde_json::to_vec(&doc.readiness).unwrap();
        let packed = pack(&json);
        let utf16 = packed.encode_utf16().count();
        assert!(
            utf16 * 8 < json.len(),
            "{} bytes of JSON took {utf16} characters",
            json.len()
        );
    }

    #[test]
    fn damage_is_caught_never_a_panic() {
        let packed = pack(b"{\"a\":[1,2,3,4,5,6,7,8,9,10]}");
        // Cut off.
        let cut: String = packed.chars().take(packed.chars().count() - 2).collect();
        assert!(
            unpack(&cut).unwrap_err().0.contains("cut off"),
            "{:?}",
            unpack(&cut)
        );
        // One character changed: the checksum or the inflater notices.
        let mut chars: Vec<char> = packed.chars().collect();
        let last = chars.len() - 3;
        chars[last] = char::from_u32(chars[last] as u32 ^ 0x55).unwrap();
        let flipped: String = chars.into_iter().collect();
        assert!(unpack(&flipped).is_err());
        // Foreign text.
        assert!(unpack("{\"a\":1}").is_err());
        assert!(unpack("z1:99999999999999999999:")
            .unwrap_err()
            .0
            .contains("not a number"));
        // A huge length with no body behind it reserves nothing and is refused.
        assert!(unpack("z1:268435456:").unwrap_err().0.contains("length"));
        assert!(unpack("z1:3:\u{FFFD}").is_err());
        assert!(unpack("z1:").is_err());
    }
}
