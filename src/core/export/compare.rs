//! Whether two values of a field say the same thing once normalised with
//! [`crate::core::normalize`]: `Hauptstr. 5` and `Hauptstraße 5`, `030 1234567` and
//! `+49 30 1234567`, `Deutschland` and `DE`, `DE 123 456 789` and `123456789` (German record)
//! agree; `conflicts.csv` lists the fields that do not.

use crate::core::normalize::address::{country_code, postcode, street};
use crate::core::normalize::ids::tax_id;
use crate::core::normalize::phone::{phone, phone_last_digits};
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

/// Digits compared of two phone numbers when one cannot be put in international form (no
/// country known and no international prefix).
const PHONE_TAIL: usize = 7;

/// One side of a comparison: the value as exported and its record's country as exported.
#[derive(Debug, Clone, Copy)]
pub struct Value<'a> {
    /// The text as exported.
    pub raw: &'a str,
    /// The record's country column, if any.
    pub country: Option<&'a str>,
}

impl Value<'_> {
    fn country_code(&self) -> Option<&'static str> {
        self.country.and_then(country_code)
    }
}

/// The comparable form of one value, or `None` when it holds nothing usable (empty, `n/a`).
/// Phones are compared by [`agree`] instead.
fn comparable(kind: FieldKind, value: Value<'_>) -> Option<String> {
    let raw = value.raw.trim();
    if raw.is_empty() {
        return None;
    }
    let key = match kind {
        FieldKind::Street => {
            let address = street(raw, None);
            format!(
                "{}|{}",
                address.street,
                address.house_number.unwrap_or_default()
            )
        }
        FieldKind::Postcode => postcode(raw, value.country_code())?,
        FieldKind::City => name_key(raw).replace(' ', ""),
        FieldKind::Country => country_code(raw).map_or_else(|| fold(raw), str::to_string),
        FieldKind::TaxId => tax_id(raw, value.country_code())?,
        FieldKind::Phone => phone(raw, value.country_code())?,
        FieldKind::Email => raw.to_lowercase(),
    };
    (!key.is_empty()).then_some(key)
}

/// True when `left` and `right` say the same (both empty counts as the same).
pub fn agree(kind: FieldKind, left: Value<'_>, right: Value<'_>) -> bool {
    if kind == FieldKind::Phone {
        let both_international = (comparable(kind, left), comparable(kind, right));
        if let (Some(left), Some(right)) = &both_international {
            return left == right;
        }
        let tail = |value: Value<'_>| phone_last_digits(value.raw, PHONE_TAIL);
        return match (tail(left), tail(right)) {
            (None, None) => {
                let digits = |text: &str| text.chars().filter(char::is_ascii_digit).count();
                digits(left.raw) == 0 && digits(right.raw) == 0
                    || left.raw.trim() == right.raw.trim()
            }
            (left, right) => left == right,
        };
    }
    comparable(kind, left) == comparable(kind, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(kind: FieldKind, left: &str, right: &str) -> bool {
        let value = |raw| Value {
            raw,
            country: Some("Deutschland"),
        };
        agree(kind, value(left), value(right))
    }

    #[test]
    fn spellings_of_one_value_agree() {
        assert!(same(FieldKind::Street, "Hauptstr. 5", "Hauptstraße 5"));
        assert!(same(FieldKind::Postcode, "1067", "01067"));
        assert!(same(FieldKind::City, "Köln", "KOELN"));
        assert!(same(FieldKind::Country, "Germany", "DE"));
        assert!(same(FieldKind::TaxId, "DE 123 456 789", "123456789"));
        assert!(same(FieldKind::Phone, "+49 30 1234567", "030 1234567"));
        assert!(same(FieldKind::Email, "Info@Acme.de ", "info@acme.de"));
        assert!(same(FieldKind::Phone, "", " "));
    }

    #[test]
    fn different_values_do_not() {
        assert!(!same(FieldKind::Street, "Hauptstr. 5", "Hauptstr. 7"));
        assert!(!same(FieldKind::Phone, "030 1234567", "030 7654321"));
        assert!(!same(FieldKind::Phone, "030 1234567", ""));
        assert!(!same(FieldKind::Email, "a@acme.de", ""));
        assert!(same(FieldKind::TaxId, "n/a", ""));
    }

    #[test]
    fn phones_without_a_country_compare_their_last_digits() {
        let bare = |raw| Value { raw, country: None };
        assert!(agree(
            FieldKind::Phone,
            bare("030 1234567"),
            bare("+49 30 1234567")
        ));
        assert!(!agree(
            FieldKind::Phone,
            bare("030 1234567"),
            bare("030 1234568")
        ));
    }
}
