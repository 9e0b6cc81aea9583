//! Addresses: country names and codes to ISO alpha-2, postcodes per country, and (in
//! [`street`](super::street), re-exported here) street and house number.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::Tokens;

pub use super::street::{StreetAddress, street};

const COUNTRIES_ASSET: &str = include_str!("../../../assets/countries.tsv");

/// Folded, space-free country name or code -> alpha-2.
static COUNTRY_NAMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    let mut tokens = Tokens::default();
    let lines = COUNTRIES_ASSET
        .lines()
        .filter(|line| !line.starts_with('#'));
    let rows: Vec<Vec<&'static str>> = lines.map(|line| line.split('\t').collect()).collect();
    // Codes first, so that a name never shadows a code.
    for row in &rows {
        for code in row.iter().take(2) {
            names.entry(code.to_ascii_lowercase()).or_insert(row[0]);
        }
    }
    for row in &rows {
        for name in row.get(2).into_iter().flat_map(|names| names.split('|')) {
            names.entry(compact(&mut tokens, name)).or_insert(row[0]);
        }
    }
    names
});

fn compact(tokens: &mut Tokens, text: &str) -> String {
    tokens.tokenize(text);
    (0..tokens.len()).map(|index| tokens.get(index)).collect()
}

/// ISO 3166 alpha-2 code of a country written as a name (English, German, French, Spanish,
/// Dutch, Italian, common aliases such as "USA", "UK", "Holland") or an alpha-2/alpha-3 code.
///
/// ```
/// use ledgerlink::core::normalize::address::country_code;
/// assert_eq!(country_code("Germany"), Some("DE"));
/// assert_eq!(country_code("Deutschland"), Some("DE"));
/// assert_eq!(country_code("DEU"), Some("DE"));
/// assert_eq!(country_code("  de "), Some("DE"));
/// assert_eq!(country_code("Pays-Bas"), Some("NL"));
/// assert_eq!(country_code("Atlantis"), None);
/// ```
pub fn country_code(raw: &str) -> Option<&'static str> {
    let names = &*COUNTRY_NAMES;
    let trimmed = raw.trim();
    if trimmed.len() <= 3
        && let Some(code) = names.get(trimmed.to_ascii_lowercase().as_str())
    {
        return Some(code);
    }
    let mut tokens = Tokens::default();
    tokens.tokenize(trimmed);
    let start = usize::from(tokens.len() > 1 && tokens.get(0) == "the");
    let key: String = (start..tokens.len())
        .map(|index| tokens.get(index))
        .collect();
    names.get(key.as_str()).copied()
}

/// True when a folded token (as [`Tokens`] gives it) names a country: "osterreich",
/// "deutschland", and the codes "uk", "us", "usa" (other codes are also words: "and", "can").
pub(crate) fn is_country_token(token: &str) -> bool {
    matches!(token, "uk" | "us" | "usa") || token.len() >= 4 && COUNTRY_NAMES.contains_key(token)
}

/// A country argument as two upper-case letters: an alpha-2 code as given ("de" -> `DE`, "UK"
/// -> `GB`, "EL" -> `GR`), or any name or code [`country_code`] knows ("Deutschland").
pub(crate) fn country_key(country: Option<&str>) -> Option<[u8; 2]> {
    let text = country?.trim();
    match text.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            match [a.to_ascii_uppercase(), b.to_ascii_uppercase()] {
                [b'U', b'K'] => Some(*b"GB"),
                [b'E', b'L'] => Some(*b"GR"),
                code => Some(code),
            }
        }
        _ => match country_code(text)?.as_bytes() {
            [a, b] => Some([*a, *b]),
            _ => None,
        },
    }
}

/// Postcode shapes: countries whose postcodes are all digits of one length (spreadsheets drop
/// their leading zeros: a 4-digit German postcode gets its zero back).
const DIGIT_POSTCODES: &[(&str, usize)] = &[
    ("DE", 5),
    ("FR", 5),
    ("IT", 5),
    ("ES", 5),
    ("US", 5),
    ("FI", 5),
    ("MX", 5),
    ("MY", 5),
    ("TR", 5),
    ("UA", 5),
    ("HR", 5),
    ("EE", 5),
    ("LT", 5),
    ("SE", 5),
    ("CZ", 5),
    ("SK", 5),
    ("GR", 5),
    ("MC", 5),
    ("SA", 5),
    ("KW", 5),
    ("AT", 4),
    ("CH", 4),
    ("BE", 4),
    ("DK", 4),
    ("NO", 4),
    ("LU", 4),
    ("HU", 4),
    ("AU", 4),
    ("NZ", 4),
    ("ZA", 4),
    ("BG", 4),
    ("SI", 4),
    ("CY", 4),
    ("LI", 4),
    ("IN", 6),
    ("CN", 6),
    ("RU", 6),
    ("SG", 6),
    ("RO", 6),
    ("JP", 7),
    ("BR", 8),
];

/// A postcode in comparable form, per country (`country` an ISO alpha-2 code):
/// - upper case, letters and digits; a country prefix ("D-10115", "NL-1234 AB", "CH-8001") goes;
/// - GB, Guernsey, Jersey, Isle of Man: one space before the last three ("SW1A 1AA"); Ireland:
///   Eircode "D02 X285"; Canada "K1A 0B1"; Netherlands "1234 AB"; Poland "00-950"; Portugal
///   "1000-001". Without a country these shapes are recognised by their look;
/// - all-digit postcodes (DE, FR, IT, ES, US, AT, CH, NO ... about 40 countries) get back leading zeros a spreadsheet dropped
///   (DE "1067" -> "01067"); a US ZIP+4 keeps its first five digits;
/// - anything without a digit ("n/a", "-") is None.
///
/// ```
/// use ledgerlink::core::normalize::address::postcode;
/// assert_eq!(postcode("sw1a1aa", Some("GB")).as_deref(), Some("SW1A 1AA"));
/// assert_eq!(postcode("1234ab", Some("NL")).as_deref(), Some("1234 AB"));
/// assert_eq!(postcode("02134-1234", Some("US")).as_deref(), Some("02134"));
/// assert_eq!(postcode("1067", Some("DE")).as_deref(), Some("01067"));
/// assert_eq!(postcode("D-10115", None).as_deref(), Some("10115"));
/// ```
pub fn postcode(raw: &str, country: Option<&str>) -> Option<String> {
    let code: String = strip_country_prefix(raw.trim())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|ch| ch.to_ascii_uppercase())
        .collect();
    if !code.bytes().any(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let country = country_key(country);
    let country = country
        .as_ref()
        .and_then(|code| std::str::from_utf8(code).ok());
    let all_digits = code.bytes().all(|byte| byte.is_ascii_digit());
    let shaped = match country {
        Some("GB" | "GG" | "JE" | "IM") => british(&code),
        Some("IE") => split_at(&code, 3, 7),
        Some("CA") => split_at(&code, 3, 6),
        Some("NL") => dutch(&code).or_else(|| Some(code.clone())),
        Some("PL") if all_digits && code.len() == 5 => {
            Some(format!("{}-{}", &code[..2], &code[2..]))
        }
        Some("PT") if all_digits && code.len() == 7 => {
            Some(format!("{}-{}", &code[..4], &code[4..]))
        }
        Some(country) => digits_of_country(&code, country),
        None => british(&code).or_else(|| dutch(&code)),
    };
    Some(shaped.unwrap_or(code))
}

/// "D-10115", "DE-10115", "NL-1234 AB", "CH 8001": a one-letter or country-code prefix, then a
/// dash or space, then digits.
fn strip_country_prefix(raw: &str) -> &str {
    let letters = raw.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &raw[letters..];
    let after = rest.trim_start_matches(['-', ' ']);
    let is_prefix = (1..=3).contains(&letters)
        && after.len() < rest.len()
        && after.starts_with(|ch: char| ch.is_ascii_digit())
        && (letters == 1 || country_code(&raw[..letters]).is_some());
    if is_prefix { after } else { raw }
}

/// UK shape: 5 to 7 characters ending digit-letter-letter, starting with a letter.
fn british(code: &str) -> Option<String> {
    let bytes = code.as_bytes();
    let n = bytes.len();
    let fits = (5..=7).contains(&n)
        && bytes[0].is_ascii_alphabetic()
        && bytes[n - 3].is_ascii_digit()
        && bytes[n - 2].is_ascii_alphabetic()
        && bytes[n - 1].is_ascii_alphabetic();
    fits.then(|| format!("{} {}", &code[..n - 3], &code[n - 3..]))
}

/// Dutch shape: four digits and two letters.
fn dutch(code: &str) -> Option<String> {
    let bytes = code.as_bytes();
    let fits = bytes.len() == 6
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4..].iter().all(u8::is_ascii_alphabetic);
    fits.then(|| format!("{} {}", &code[..4], &code[4..]))
}

fn split_at(code: &str, at: usize, length: usize) -> Option<String> {
    (code.len() == length).then(|| format!("{} {}", &code[..at], &code[at..]))
}

fn digits_of_country(code: &str, country: &str) -> Option<String> {
    let &(_, length) = DIGIT_POSTCODES.iter().find(|(name, _)| *name == country)?;
    if !code.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    match code.len() {
        n if n == length => None,
        n if n < length && n + 2 >= length => Some(format!("{code:0>length$}")),
        9 if country == "US" => Some(code[..5].to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{country_code, postcode};

    #[test]
    fn countries_in_several_languages() {
        let cases = [
            ("Germany", Some("DE")),
            ("Deutschland", Some("DE")),
            ("Allemagne", Some("DE")),
            ("Alemania", Some("DE")),
            ("Duitsland", Some("DE")),
            ("DE", Some("DE")),
            ("deu", Some("DE")),
            ("BRD", Some("DE")),
            ("Österreich", Some("AT")),
            ("Oesterreich", Some("AT")),
            ("Schweiz", Some("CH")),
            ("Suisse", Some("CH")),
            ("Switzerland", Some("CH")),
            ("CHE", Some("CH")),
            ("United Kingdom", Some("GB")),
            ("UK", Some("GB")),
            ("U.K.", Some("GB")),
            ("England", Some("GB")),
            ("Great Britain", Some("GB")),
            ("Vereinigtes Königreich", Some("GB")),
            ("USA", Some("US")),
            ("U.S.A.", Some("US")),
            ("United States", Some("US")),
            ("United States of America", Some("US")),
            ("Etats-Unis", Some("US")),
            ("États-Unis", Some("US")),
            ("Estados Unidos", Some("US")),
            ("Verenigde Staten", Some("US")),
            ("Netherlands", Some("NL")),
            ("The Netherlands", Some("NL")),
            ("Nederland", Some("NL")),
            ("Niederlande", Some("NL")),
            ("Holland", Some("NL")),
            ("Pays-Bas", Some("NL")),
            ("Países Bajos", Some("NL")),
            ("France", Some("FR")),
            ("Frankreich", Some("FR")),
            ("Francia", Some("FR")),
            ("Frankrijk", Some("FR")),
            ("España", Some("ES")),
            ("Spanien", Some("ES")),
            ("Espagne", Some("ES")),
            ("Spain", Some("ES")),
            ("Italien", Some("IT")),
            ("Italia", Some("IT")),
            ("Belgique", Some("BE")),
            ("België", Some("BE")),
            ("Polska", Some("PL")),
            ("Polen", Some("PL")),
            ("Pologne", Some("PL")),
            ("Czech Republic", Some("CZ")),
            ("Tschechien", Some("CZ")),
            ("Russia", Some("RU")),
            ("South Korea", Some("KR")),
            ("Côte d'Ivoire", Some("CI")),
            ("Greece", Some("GR")),
            ("EL", Some("GR")),
            ("Türkei", Some("TR")),
            ("Dänemark", Some("DK")),
            ("Danemark", Some("DK")),
            ("Schweden", Some("SE")),
            ("Suède", Some("SE")),
            ("Luxemburg", Some("LU")),
            ("", None),
            ("Atlantis", None),
            ("XX", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(country_code(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn postcodes_per_country() {
        let cases = [
            ("SW1A 1AA", Some("GB"), Some("SW1A 1AA")),
            ("sw1a1aa", Some("GB"), Some("SW1A 1AA")),
            ("SW1A  1AA", None, Some("SW1A 1AA")),
            ("M1 1AE", Some("GB"), Some("M1 1AE")),
            ("EC1A 1BB", Some("UK"), Some("EC1A 1BB")),
            ("1234AB", Some("NL"), Some("1234 AB")),
            ("1234 ab", Some("NL"), Some("1234 AB")),
            ("NL-1234 AB", None, Some("1234 AB")),
            ("1234", Some("NL"), Some("1234")),
            ("02134", Some("US"), Some("02134")),
            ("2134", Some("US"), Some("02134")),
            ("02134-1234", Some("US"), Some("02134")),
            ("021341234", Some("US"), Some("02134")),
            ("10115", Some("DE"), Some("10115")),
            ("1067", Some("DE"), Some("01067")),
            ("D-01067", Some("DE"), Some("01067")),
            ("D-10115", None, Some("10115")),
            ("DE-10115", None, Some("10115")),
            ("F-75001", Some("FR"), Some("75001")),
            ("8001", Some("CH"), Some("8001")),
            ("CH-8001", None, Some("8001")),
            ("A-1010", Some("AT"), Some("1010")),
            ("150", Some("NO"), Some("0150")),
            ("00-950", Some("PL"), Some("00-950")),
            ("00950", Some("PL"), Some("00-950")),
            ("1000-001", Some("PT"), Some("1000-001")),
            ("123 45", Some("SE"), Some("12345")),
            ("K1A 0B1", Some("CA"), Some("K1A 0B1")),
            ("k1a0b1", Some("CA"), Some("K1A 0B1")),
            ("D02 X285", Some("IE"), Some("D02 X285")),
            ("100-0001", Some("JP"), Some("1000001")),
            ("n/a", Some("DE"), None),
            ("", None, None),
        ];
        for (raw, country, expected) in cases {
            assert_eq!(
                postcode(raw, country).as_deref(),
                expected,
                "{raw:?} {country:?}"
            );
        }
    }
}
