//! Phone numbers to E.164 (`+4930123456`), with the record's country as default.
//!
//! A compact table-driven normaliser rather than the `phonenumber` crate (libphonenumber's
//! metadata): measured here, that crate costs about 3.5 µs a number plus 155 ms to load its
//! metadata and 1.5 minutes of release build for its regex stack, against a budget of about
//! 1 µs for a million numbers; and matching needs a canonical key, not validation of every
//! number range. What is handled:
//! - international prefixes: `+`, `00`, and the default country's own (`011` in North America,
//!   `0011` in Australia, `010` in Japan, `810` in Russia and Kazakhstan);
//! - the trunk prefix of the default country (`0` in most, `1` in North America, `8` in Russia,
//!   `06` in Hungary; none in Italy, Spain, Denmark ...) and a trunk `0` written after a country
//!   code (`+49 (0)30 ...`, `+49 030 ...`), except where the `0` belongs to the number (Italy,
//!   San Marino, Vatican, Côte d'Ivoire, Congo);
//! - leading text ("Tel.:", "Phone") and extensions ("x123", "ext. 12", "Durchwahl 12", "DW 3",
//!   "poste 4", "#5") are cut off; spaces, dashes, dots, slashes and brackets dropped.
//!
//! Country calling codes are read for every country (the plan is prefix-free); defaults exist
//! for the [`COUNTRIES`] table (about 80 countries). Numbers with fewer than 7 or more than 15
//! digits, and North American numbers without 10 national digits, give None.

/// Default-country data: ISO alpha-2, calling code, trunk prefix (may be empty), own
/// international prefix besides `00` (may be empty).
pub const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("US", "1", "1", "011"),
    ("CA", "1", "1", "011"),
    ("PR", "1", "1", "011"),
    ("DE", "49", "0", ""),
    ("AT", "43", "0", ""),
    ("CH", "41", "0", ""),
    ("LI", "423", "", ""),
    ("FR", "33", "0", ""),
    ("BE", "32", "0", ""),
    ("NL", "31", "0", ""),
    ("LU", "352", "", ""),
    ("GB", "44", "0", ""),
    ("IE", "353", "0", ""),
    ("IT", "39", "", ""),
    ("SM", "378", "", ""),
    ("VA", "39", "", ""),
    ("MC", "377", "", ""),
    ("ES", "34", "", ""),
    ("PT", "351", "", ""),
    ("AD", "376", "", ""),
    ("DK", "45", "", ""),
    ("NO", "47", "", ""),
    ("SE", "46", "0", ""),
    ("FI", "358", "0", ""),
    ("IS", "354", "", ""),
    ("EE", "372", "", ""),
    ("LV", "371", "", ""),
    ("LT", "370", "8", ""),
    ("PL", "48", "", ""),
    ("CZ", "420", "", ""),
    ("SK", "421", "0", ""),
    ("HU", "36", "06", ""),
    ("SI", "386", "0", ""),
    ("HR", "385", "0", ""),
    ("RS", "381", "0", ""),
    ("BA", "387", "0", ""),
    ("ME", "382", "0", ""),
    ("MK", "389", "0", ""),
    ("AL", "355", "0", ""),
    ("RO", "40", "0", ""),
    ("BG", "359", "0", ""),
    ("GR", "30", "", ""),
    ("CY", "357", "", ""),
    ("MT", "356", "", ""),
    ("TR", "90", "0", ""),
    ("UA", "380", "0", ""),
    ("BY", "375", "8", ""),
    ("MD", "373", "0", ""),
    ("RU", "7", "8", "810"),
    ("KZ", "7", "8", "810"),
    ("IL", "972", "0", ""),
    ("AE", "971", "0", ""),
    ("SA", "966", "0", ""),
    ("QA", "974", "", ""),
    ("KW", "965", "", ""),
    ("EG", "20", "0", ""),
    ("MA", "212", "0", ""),
    ("TN", "216", "", ""),
    ("ZA", "27", "0", ""),
    ("NG", "234", "0", ""),
    ("KE", "254", "0", ""),
    ("IN", "91", "0", ""),
    ("PK", "92", "0", ""),
    ("CN", "86", "0", ""),
    ("HK", "852", "", "001"),
    ("TW", "886", "0", ""),
    ("JP", "81", "0", "010"),
    ("KR", "82", "0", "001"),
    ("SG", "65", "", "001"),
    ("MY", "60", "0", ""),
    ("TH", "66", "0", "001"),
    ("ID", "62", "0", "001"),
    ("PH", "63", "0", ""),
    ("VN", "84", "0", ""),
    ("AU", "61", "0", "0011"),
    ("NZ", "64", "0", ""),
    ("MX", "52", "", ""),
    ("BR", "55", "0", ""),
    ("AR", "54", "0", ""),
    ("CL", "56", "", ""),
    ("CO", "57", "", ""),
    ("PE", "51", "0", ""),
    ("VE", "58", "0", ""),
];

/// Two-digit country calling codes; every other code is 1 (`1`, `7`) or 3 digits long.
const TWO_DIGIT_CODES: &[&str] = &[
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// Calling codes whose national numbers start with a `0` that stays after the code.
const KEEPS_ZERO: &[&str] = &["39", "378", "225", "242"];

/// A phone number in E.164 form, or None when it cannot be one. `country` (ISO alpha-2, or a
/// name [`country_code`](super::address::country_code) knows) is the default for numbers
/// written without an international prefix.
///
/// ```
/// use ledgerlink::core::normalize::phone::phone;
/// assert_eq!(phone("030 123456", Some("DE")).as_deref(), Some("+4930123456"));
/// assert_eq!(phone("+49 (0)30 123456-78", None).as_deref(), Some("+493012345678"));
/// assert_eq!(phone("0049 30 123456 Durchwahl 12", Some("FR")).as_deref(), Some("+4930123456"));
/// assert_eq!(phone("(212) 555-0100 ext. 12", Some("US")).as_deref(), Some("+12125550100"));
/// assert_eq!(phone("06 1234 5678", Some("IT")).as_deref(), Some("+390612345678"));
/// assert_eq!(phone("030 123456", None), None);
/// ```
pub fn phone(raw: &str, country: Option<&str>) -> Option<String> {
    let mut digits = String::with_capacity(16);
    let plus = number_digits(raw, &mut digits);
    let defaults = super::address::country_key(country).and_then(country_defaults);
    let own_idd = defaults
        .map(|(_, _, _, idd)| idd)
        .filter(|idd| !idd.is_empty() && digits.starts_with(idd));
    let international = if plus {
        0
    } else if let Some(idd) = own_idd {
        idd.len()
    } else if digits.starts_with("00") {
        2
    } else {
        let (_, code, trunk, _) = defaults?;
        let national = if !trunk.is_empty() && digits.starts_with(trunk) {
            &digits[trunk.len()..]
        } else {
            &digits[..]
        };
        return e164(code, national);
    };
    let number = &digits[international..];
    let code_length = match number.as_bytes().first()? {
        b'1' | b'7' => 1,
        _ if number.len() >= 2 && TWO_DIGIT_CODES.contains(&&number[..2]) => 2,
        _ => 3,
    };
    let code = number.get(..code_length)?;
    let national = &number[code_length..];
    let national = match national.strip_prefix('0') {
        Some(rest) if !KEEPS_ZERO.contains(&code) => rest,
        _ => national,
    };
    e164(code, national)
}

/// The last `count` digits of a phone number (extension cut off), for comparing numbers whose
/// country is unknown; None when it has fewer digits.
///
/// ```
/// use ledgerlink::core::normalize::phone::phone_last_digits;
/// assert_eq!(phone_last_digits("030 / 123 456-7 x 99", 7).as_deref(), Some("1234567"));
/// assert_eq!(phone_last_digits("12 34", 7), None);
/// ```
pub fn phone_last_digits(raw: &str, count: usize) -> Option<String> {
    let mut digits = String::with_capacity(16);
    number_digits(raw, &mut digits);
    (digits.len() >= count).then(|| digits[digits.len() - count..].to_owned())
}

fn country_defaults(
    country: [u8; 2],
) -> Option<(&'static str, &'static str, &'static str, &'static str)> {
    COUNTRIES
        .iter()
        .find(|(code, ..)| code.as_bytes() == country)
        .copied()
}

fn e164(code: &str, national: &str) -> Option<String> {
    let total = code.len() + national.len();
    let plausible =
        (7..=15).contains(&total) && national.len() >= 4 && (code != "1" || national.len() == 10);
    plausible.then(|| format!("+{code}{national}"))
}

/// Collect the digits of the number into `digits`; true when it starts with `+`. Text before
/// the first digit or `+` is skipped; a letter, `#`, `,` or `;` after digits ends the number
/// (an extension or a second number); `(0)` after digits is dropped.
fn number_digits(raw: &str, digits: &mut String) -> bool {
    let start = raw
        .find(|ch: char| ch.is_ascii_digit() || ch == '+')
        .unwrap_or(raw.len());
    let text = &raw[start..];
    let plus = text.starts_with('+');
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        match byte {
            b'0'..=b'9' => digits.push(byte as char),
            b'(' if !digits.is_empty()
                && bytes.get(index + 1) == Some(&b'0')
                && bytes.get(index + 2) == Some(&b')') =>
            {
                index += 2;
            }
            b'+' | b' ' | b'-' | b'.' | b'/' | b'(' | b')' | b'\t' | b'[' | b']' => {}
            b'#' | b',' | b';' => break,
            _ if byte.is_ascii_alphabetic() => break,
            _ if byte >= 0x80 => {
                // Non-breaking and other Unicode spaces and dashes separate digit groups; a
                // non-ASCII letter ends the number.
                let ch = text[index..].chars().next().unwrap_or(' ');
                if ch.is_alphabetic() {
                    break;
                }
                index += ch.len_utf8() - 1;
            }
            _ => {}
        }
        index += 1;
    }
    plus
}

#[cfg(test)]
mod tests {
    use super::{COUNTRIES, phone, phone_last_digits};

    #[test]
    fn numbers_in_real_world_spellings() {
        let cases = [
            ("030 123456", Some("DE"), Some("+4930123456")),
            ("030/123456", Some("DE"), Some("+4930123456")),
            ("(030) 12 34 56", Some("DE"), Some("+4930123456")),
            ("+49 30 123456", Some("DE"), Some("+4930123456")),
            ("+49 (0)30 123456", None, Some("+4930123456")),
            ("+49 030 123456", None, Some("+4930123456")),
            ("+49(0)30-123456", None, Some("+4930123456")),
            ("0049 30 123456", Some("DE"), Some("+4930123456")),
            ("0049 (0) 30 123456", None, Some("+4930123456")),
            ("Tel.: 030 123456", Some("DE"), Some("+4930123456")),
            ("030 12345-67", Some("DE"), Some("+49301234567")),
            ("030 123456 Durchwahl 12", Some("DE"), Some("+4930123456")),
            ("030 123456 DW 12", Some("DE"), Some("+4930123456")),
            ("0171 2345678", Some("de"), Some("+491712345678")),
            ("0171 2345678", Some("Deutschland"), Some("+491712345678")),
            ("020 7946 0018", Some("UK"), Some("+442079460018")),
            ("+43 1 234567", Some("DE"), Some("+431234567")),
            ("01 42 68 53 00", Some("FR"), Some("+33142685300")),
            ("01.42.68.53.00", Some("FR"), Some("+33142685300")),
            ("+33 (0)1 42 68 53 00 poste 12", None, Some("+33142685300")),
            ("020 7946 0018", Some("GB"), Some("+442079460018")),
            ("+44 (0) 20 7946 0018", None, Some("+442079460018")),
            ("(212) 555-0100", Some("US"), Some("+12125550100")),
            ("1-212-555-0100", Some("US"), Some("+12125550100")),
            ("212.555.0100 x123", Some("US"), Some("+12125550100")),
            ("212-555-0100 ext. 12", Some("CA"), Some("+12125550100")),
            ("011 49 30 123456", Some("US"), Some("+4930123456")),
            ("0049 30 123456", Some("US"), Some("+4930123456")),
            ("555-0100", Some("US"), None),
            ("06 1234 5678", Some("IT"), Some("+390612345678")),
            ("+39 06 1234 5678", None, Some("+390612345678")),
            ("+39 347 123 4567", None, Some("+393471234567")),
            ("91 123 45 67", Some("ES"), Some("+34911234567")),
            ("33 12 34 56", Some("DK"), Some("+4533123456")),
            ("8 495 123-45-67", Some("RU"), Some("+74951234567")),
            ("06 1 234 5678", Some("HU"), Some("+3612345678")),
            ("(02) 9876 5432", Some("AU"), Some("+61298765432")),
            ("0011 44 20 7946 0018", Some("AU"), Some("+442079460018")),
            ("03-1234-5678", Some("JP"), Some("+81312345678")),
            ("+86 10 1234 5678", None, Some("+861012345678")),
            ("+352 12 34 56", None, Some("+352123456")),
            ("+49\u{a0}30\u{a0}123456", None, Some("+4930123456")),
            ("030 123456", None, None),
            ("030 123456", Some("XX"), None),
            ("123", Some("DE"), None),
            ("+49 30 1234567890123456", None, None),
            ("n/a", Some("DE"), None),
            ("", Some("DE"), None),
        ];
        for (raw, country, expected) in cases {
            assert_eq!(
                phone(raw, country).as_deref(),
                expected,
                "{raw:?} {country:?}"
            );
        }
    }

    #[test]
    fn last_digits_ignore_prefixes() {
        assert_eq!(
            phone_last_digits("+49 30 1234567", 7),
            phone_last_digits("030/123 45 67", 7)
        );
    }

    #[test]
    fn country_table_is_consistent() {
        for (code, calling, trunk, idd) in COUNTRIES {
            assert_eq!(code.len(), 2, "{code}");
            assert!(calling.bytes().all(|byte| byte.is_ascii_digit()), "{code}");
            assert!(
                trunk
                    .bytes()
                    .chain(idd.bytes())
                    .all(|byte| byte.is_ascii_digit()),
                "{code}"
            );
            let sample = format!("+{calling}3012345678");
            assert!(
                phone(&sample, None).is_some_and(|e164| e164.starts_with(&format!("+{calling}"))),
                "{code}"
            );
        }
    }
}
