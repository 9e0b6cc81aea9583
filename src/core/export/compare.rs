//! The comparable form of the fields `conflicts.csv` checks, built on [`crate::core::normalize`]:
//! two values conflict when their comparable forms differ.

use crate::core::normalize::ids::tax_id;
use crate::core::normalize::text::{fold, name_key};

/// The kinds of field compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Street and house number.
    Street,
    /// Postcode.
    Postcode,
    /// City.
    City,
    /// Country.
    Country,
    /// VAT or other official number.
    TaxId,
    /// Telephone number.
    Phone,
    /// E-mail address.
    Email,
}

/// The comparable form of `raw`, or `None` when it holds nothing usable (empty, `n/a`).
/// `country` is the record's country as exported (used by tax ids and phones).
pub fn comparable(kind: FieldKind, raw: &str, country: Option<&str>) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let key = match kind {
        FieldKind::Street => street_key(raw),
        FieldKind::Postcode => raw
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|ch| ch.to_ascii_uppercase())
            .collect(),
        FieldKind::City => name_key(raw).replace(' ', ""),
        FieldKind::Country => country_key(raw),
        FieldKind::TaxId => tax_id(raw, country.and_then(country_code).as_deref())?,
        FieldKind::Phone => phone_key(raw)?,
        FieldKind::Email => raw.to_lowercase(),
    };
    (!key.is_empty()).then_some(key)
}

/// Street with abbreviations spelled out (`Hauptstr.` = `Hauptstraße`), without spaces.
fn street_key(raw: &str) -> String {
    name_key(raw)
        .split(' ')
        .map(|token| match token {
            "st" => "street".to_string(),
            "rd" => "road".to_string(),
            "ave" => "avenue".to_string(),
            _ if token.ends_with("str") => format!("{token}asse"),
            _ => token.to_string(),
        })
        .collect()
}

/// A country as an ISO code when it is written as one, else its folded name.
fn country_key(raw: &str) -> String {
    country_code(raw).unwrap_or_else(|| fold(raw))
}

/// An ISO 3166 alpha-2 code from a country written as a code or as a common name.
fn country_code(raw: &str) -> Option<String> {
    let folded = fold(raw.trim());
    if folded.len() == 2 && folded.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return Some(folded.to_ascii_uppercase());
    }
    const NAMES: [(&str, &str); 12] = [
        ("germany", "DE"),
        ("deutschland", "DE"),
        ("austria", "AT"),
        ("osterreich", "AT"),
        ("switzerland", "CH"),
        ("schweiz", "CH"),
        ("france", "FR"),
        ("netherlands", "NL"),
        ("united kingdom", "GB"),
        ("spain", "ES"),
        ("italy", "IT"),
        ("belgium", "BE"),
    ];
    NAMES
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|(_, code)| (*code).to_string())
}

/// A phone number as its last eight digits after the international or trunk prefix, so
/// `+49 30 1234567`, `0049 30 1234567` and `030 1234567` compare equal.
fn phone_key(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if digits.len() < 5 {
        return None;
    }
    let tail = digits.len().saturating_sub(8);
    Some(digits[tail..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(kind: FieldKind, left: &str, right: &str) -> bool {
        comparable(kind, left, Some("DE")) == comparable(kind, right, Some("DE"))
    }

    #[test]
    fn spellings_of_one_value_compare_equal() {
        assert!(same(FieldKind::Street, "Hauptstr. 5", "Hauptstraße 5"));
        assert!(same(FieldKind::Postcode, "10 115", "10115"));
        assert!(same(FieldKind::City, "Köln", "KOELN"));
        assert!(same(FieldKind::Country, "Germany", "DE"));
        assert!(same(FieldKind::TaxId, "DE 123 456 789", "123456789"));
        assert!(same(FieldKind::Phone, "+49 30 1234567", "030 1234567"));
        assert!(same(FieldKind::Email, "Info@Acme.de ", "info@acme.de"));
    }

    #[test]
    fn different_values_do_not() {
        assert!(!same(FieldKind::Street, "Hauptstr. 5", "Hauptstr. 7"));
        assert!(!same(FieldKind::Phone, "030 1234567", "030 7654321"));
        assert!(!same(FieldKind::Email, "a@acme.de", ""));
        assert!(same(FieldKind::TaxId, "n/a", ""));
    }
}
