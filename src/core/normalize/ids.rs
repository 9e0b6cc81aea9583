//! Record ids, cross-references and tax ids in a comparable form. E-mail and website domains
//! ([`email_domain`], [`website_domain`]) and dates ([`date`]) live in their own files and are
//! re-exported here.

pub use super::dates::date;
pub use super::domains::{email_domain, is_free_mail, website_domain};

/// A record id or cross-reference in comparable form:
/// - white space (also non-breaking), surrounding quotes, the Excel text marks `'0001` and
///   `="0001"`, and a float tail (`100234.0`) are dropped;
/// - a Sage 100 division prefix (two digits and a dash: `01-ABC123`) is dropped, so the number
///   compares with the same customer written without division. Two divisions holding the same
///   customer number would then collide; lists almost always use one division;
/// - an all-digit id loses its leading zeros (SAP KUNNR `0000100234` = `100234`);
/// - a Salesforce id of 15 characters gets its 18-character form (the standard case checksum),
///   and an 18-character one gets the case its checksum says, so `001d000000IqhSl`,
///   `001D000000IqhSLIAZ` (typed in any case) and `001D000000IqhSLIAZ` compare equal;
/// - every other id is upper-cased (ERP numbers are not case-sensitive).
///
/// ```
/// use ledgerlink::core::normalize::ids::record_id;
/// assert_eq!(record_id(" 0000100234 "), "100234");
/// assert_eq!(record_id("01-abc123"), "ABC123");
/// assert_eq!(record_id("001D000000IqhSL"), "001D000000IqhSLIAZ");
/// assert_eq!(record_id("001d000000iqhsliaz"), "001D000000IqhSLIAZ");
/// ```
pub fn record_id(raw: &str) -> String {
    let id = strip_spreadsheet_marks(raw);
    let id = strip_float_tail(id);
    let id = strip_sage_division(id);
    if !id.is_empty() && id.bytes().all(|byte| byte.is_ascii_digit()) {
        let trimmed = id.trim_start_matches('0');
        return if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        };
    }
    if let Some(salesforce) = salesforce_id(id) {
        return salesforce;
    }
    id.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

fn strip_spreadsheet_marks(raw: &str) -> &str {
    let mut id =
        raw.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}' || ch == '\u{200b}');
    if let Some(inner) = id
        .strip_prefix("=\"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        id = inner;
    }
    id = id.strip_prefix('\'').unwrap_or(id);
    if id.len() >= 2
        && let (Some(first), Some(last)) = (id.chars().next(), id.chars().last())
        && first == last
        && matches!(first, '"' | '\'')
    {
        id = &id[1..id.len() - 1];
    }
    id.trim()
}

/// `100234.0` -> `100234` (a number cell written out as a float).
fn strip_float_tail(id: &str) -> &str {
    match id.split_once('.') {
        Some((digits, zeros))
            if !digits.is_empty()
                && digits.bytes().all(|byte| byte.is_ascii_digit())
                && !zeros.is_empty()
                && zeros.bytes().all(|byte| byte == b'0') =>
        {
            digits
        }
        _ => id,
    }
}

/// `01-ABC123` -> `ABC123`: two digits, a dash, then letters and digits only.
fn strip_sage_division(id: &str) -> &str {
    let bytes = id.as_bytes();
    let is_division = bytes.len() > 3
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_digit()
        && bytes[2] == b'-'
        && bytes[3..].iter().all(u8::is_ascii_alphanumeric);
    if is_division { &id[3..] } else { id }
}

const SALESFORCE_SUFFIX: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/// The 18-character form of a Salesforce id, or None when `id` does not look like one (15 or 18
/// ASCII letters and digits with at least three digits and a letter; for 18, a suffix that fits).
fn salesforce_id(id: &str) -> Option<String> {
    let bytes = id.as_bytes();
    if !matches!(bytes.len(), 15 | 18) || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let digits = bytes[..15]
        .iter()
        .filter(|byte| byte.is_ascii_digit())
        .count();
    if digits < 3 || digits == 15 {
        return None;
    }
    if bytes.len() == 15 {
        let mut full = id.to_owned();
        for chunk in bytes.chunks(5) {
            let bits = chunk
                .iter()
                .enumerate()
                .filter(|(_, byte)| byte.is_ascii_uppercase())
                .fold(0usize, |bits, (position, _)| bits | (1 << position));
            full.push(SALESFORCE_SUFFIX[bits] as char);
        }
        return Some(full);
    }
    let mut full = String::with_capacity(18);
    for (chunk, code) in bytes[..15].chunks(5).zip(&bytes[15..]) {
        let bits = SALESFORCE_SUFFIX
            .iter()
            .position(|suffix| *suffix == code.to_ascii_uppercase())?;
        for (position, byte) in chunk.iter().enumerate() {
            let upper = bits & (1 << position) != 0;
            if upper && !byte.is_ascii_alphabetic() {
                return None;
            }
            let letter = if upper {
                byte.to_ascii_uppercase()
            } else {
                byte.to_ascii_lowercase()
            };
            full.push(letter as char);
        }
    }
    bytes[15..]
        .iter()
        .for_each(|code| full.push(code.to_ascii_uppercase() as char));
    Some(full)
}

/// Countries whose VAT numbers carry a two-letter prefix (Greece writes EL, Northern Ireland XI).
const VAT_PREFIXES: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI", "GB", "NO",
];

/// Label words written before or after a tax number ("USt-IdNr.:", "VAT No", "MWST").
const LABELS: &[&str] = &[
    "USTIDNR",
    "USTIDNUMMER",
    "USTID",
    "UIDNR",
    "UID",
    "VATREGNO",
    "VATNUMBER",
    "VATNO",
    "VATID",
    "VATREG",
    "VAT",
    "TVAINTRACOM",
    "TVA",
    "IVA",
    "PIVA",
    "BTWNR",
    "BTW",
    "NIP",
    "MWST",
    "MVA",
    "NIF",
    "CIF",
    "STNR",
    "STEUERNR",
    "TAXID",
    "TIN",
    "EIN",
    "ABN",
];

/// A tax or register number in comparable form: upper case, letters and digits only, labels
/// ("USt-IdNr.:", "VAT No", "MWST") dropped, and always with its country prefix when known:
/// an id without one gets the record country's (`GR` as `EL`, `CH` as `CHE`), and a `GR` prefix
/// becomes `EL`. So "DE 123 456 789" and "123456789" with country DE are both `DE123456789`.
/// An id with no digit or only zeros ("n/a", "000000") is None.
///
/// ```
/// use ledgerlink::core::normalize::ids::tax_id;
/// assert_eq!(tax_id("DE 123 456 789", None).as_deref(), Some("DE123456789"));
/// assert_eq!(tax_id("123456789", Some("DE")).as_deref(), Some("DE123456789"));
/// assert_eq!(tax_id("GR-094014201", None).as_deref(), Some("EL094014201"));
/// assert_eq!(tax_id("CHE-116.281.710 MWST", Some("CH")).as_deref(), Some("CHE116281710"));
/// assert_eq!(tax_id("n/a", Some("DE")), None);
/// ```
pub fn tax_id(raw: &str, country: Option<&str>) -> Option<String> {
    let raw = match raw.rsplit_once(':') {
        Some((_, after)) if after.bytes().any(|byte| byte.is_ascii_digit()) => after,
        _ => raw,
    };
    let mut id: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|ch| ch.to_ascii_uppercase())
        .collect();
    strip_labels(&mut id);
    let mut digits = id.bytes().filter(u8::is_ascii_digit).peekable();
    if digits.peek().is_none() || digits.all(|digit| digit == b'0') {
        return None;
    }
    if id.starts_with("GR") && id.as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
        id.replace_range(..2, "EL");
    }
    if has_country_prefix(&id) {
        return Some(id);
    }
    let prefix = match super::address::country_key(country) {
        Some([b'G', b'R']) => "EL".to_owned(),
        Some([b'C', b'H']) => "CHE".to_owned(),
        Some(code) => String::from_utf8_lossy(&code).into_owned(),
        None => return Some(id),
    };
    Some(prefix + &id)
}

fn strip_labels(id: &mut String) {
    for label in LABELS {
        if id.len() > label.len() && id.starts_with(label) && !has_country_prefix(id) {
            id.replace_range(..label.len(), "");
            break;
        }
    }
    for label in ["MWST", "TVA", "IVA", "MVA"] {
        if let Some(rest) = id.strip_suffix(label)
            && rest.as_bytes().last().is_some_and(u8::is_ascii_digit)
        {
            id.truncate(rest.len());
            break;
        }
    }
}

/// True when `id` (upper case, letters and digits) starts with a VAT country prefix followed by
/// what that country writes next.
fn has_country_prefix(id: &str) -> bool {
    let bytes = id.as_bytes();
    if bytes.starts_with(b"CHE") {
        return bytes.get(3).is_some_and(u8::is_ascii_digit);
    }
    let (Some(prefix), Some(&next)) = (id.get(..2), bytes.get(2)) else {
        return false;
    };
    VAT_PREFIXES.contains(&prefix)
        && (next.is_ascii_digit()
            || (prefix == "AT" && next == b'U')
            || (matches!(prefix, "ES" | "FR" | "IE" | "GB") && next.is_ascii_alphabetic()))
}

/// The part of a [`tax_id`] after its country prefix, for comparing with an id whose record had
/// no country: `DE123456789` -> `123456789`, `CHE116281710` -> `116281710`.
///
/// ```
/// use ledgerlink::core::normalize::ids::tax_id_without_country;
/// assert_eq!(tax_id_without_country("DE123456789"), "123456789");
/// assert_eq!(tax_id_without_country("HRB12345"), "HRB12345");
/// ```
pub fn tax_id_without_country(id: &str) -> &str {
    if id.starts_with("CHE") && has_country_prefix(id) {
        &id[3..]
    } else if has_country_prefix(id) {
        &id[2..]
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::{record_id, tax_id};

    #[test]
    fn record_ids_compare_across_systems() {
        let cases = [
            ("0000100234", "100234"),
            ("100234", "100234"),
            (" 100234\u{a0}", "100234"),
            ("100234.0", "100234"),
            ("'0000100234", "100234"),
            ("=\"0000100234\"", "100234"),
            ("\"K-100\"", "K-100"),
            ("0000000000", "0"),
            ("01-ABC123", "ABC123"),
            ("01-0000123", "123"),
            ("abc123", "ABC123"),
            ("D-10023", "D-10023"),
            ("12-14-16", "12-14-16"),
            ("001D000000IqhSL", "001D000000IqhSLIAZ"),
            ("001D000000IqhSLIAZ", "001D000000IqhSLIAZ"),
            ("001D000000IQHSLIAZ", "001D000000IqhSLIAZ"),
            ("001d000000iqhsliaz", "001D000000IqhSLIAZ"),
            ("0015g00000AbCdE", "0015g00000AbCdEAAV"),
            ("ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNO"),
            ("", ""),
            ("   ", ""),
        ];
        for (raw, expected) in cases {
            assert_eq!(record_id(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn tax_ids_get_their_country() {
        let cases = [
            ("DE 123 456 789", None, Some("DE123456789")),
            ("DE123456789", Some("DE"), Some("DE123456789")),
            ("123456789", Some("DE"), Some("DE123456789")),
            ("123 456 789", Some("de"), Some("DE123456789")),
            ("USt-IdNr.: DE 123 456 789", None, Some("DE123456789")),
            ("VAT No. GB 123 4567 89", None, Some("GB123456789")),
            ("GB123456789", Some("GB"), Some("GB123456789")),
            ("EL094014201", None, Some("EL094014201")),
            ("GR094014201", None, Some("EL094014201")),
            ("094014201", Some("GR"), Some("EL094014201")),
            ("094014201", Some("EL"), Some("EL094014201")),
            ("094014201", Some("Griechenland"), Some("EL094014201")),
            ("ATU12345678", Some("DE"), Some("ATU12345678")),
            ("U12345678", Some("AT"), Some("ATU12345678")),
            ("FR 40 303 265 045", None, Some("FR40303265045")),
            ("FRXX303265045", None, Some("FRXX303265045")),
            ("ESB12345678", None, Some("ESB12345678")),
            ("NL123456789B01", None, Some("NL123456789B01")),
            ("CHE-116.281.710 MWST", None, Some("CHE116281710")),
            ("116.281.710", Some("CH"), Some("CHE116281710")),
            ("IT 01234567890", None, Some("IT01234567890")),
            ("PL 526-10-00-000", None, Some("PL5261000000")),
            ("NIP 526-10-00-000", Some("PL"), Some("PL5261000000")),
            ("HRB 12345", Some("DE"), Some("DEHRB12345")),
            ("12-3456789", None, Some("123456789")),
            ("n/a", Some("DE"), None),
            ("000000000", Some("DE"), None),
            ("", None, None),
        ];
        for (raw, country, expected) in cases {
            assert_eq!(
                tax_id(raw, country).as_deref(),
                expected,
                "{raw:?} {country:?}"
            );
        }
    }
}
