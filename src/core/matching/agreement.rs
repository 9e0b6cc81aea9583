//! Whether two values of a field agree: the one rule the pair card's colours, `conflicts.csv`
//! and anyone else who asks "do these say the same?" use. Values are compared through the
//! normalisers matching uses, so `Hauptstr. 5` and `Hauptstraße 5`, `Nederland` and `NL`,
//! `DE 123 456 789` and `DE123456789` agree.
//!
//! | outcome | when |
//! |---|---|
//! | [`Agreement::Equal`] | the same once case, accents, spacing and spelling conventions are set aside; a phone written nationally and internationally once the country is known |
//! | [`Agreement::Similar`] | the same but for a detail: the same name with another legal form (or none), the same e-mail domain, a street name 90 % alike with the same house number, a city with a region added ("Chicago" / "Chicago, IL"), phones with the same last seven digits whose country is unknown |
//! | [`Agreement::Different`] | both present and neither of the above |
//! | [`Agreement::Missing`] | one side or both empty: a fill-in, not a conflict |
//! | [`Agreement::NotCompared`] | ids: each system numbers its records its own way |
//!
//! A record without a country is read with its partner's country: a national phone number in a
//! CRM row with no country column is as German as the ERP row it is linked to.

use crate::core::model::Role;
use crate::core::normalize::address::{country_code, postcode};
use crate::core::normalize::company::company_name;
use crate::core::normalize::dates::date;
use crate::core::normalize::domains::{email_domain, website_domain};
use crate::core::normalize::ids::tax_id;
use crate::core::normalize::phone::{phone, phone_last_digits};
use crate::core::normalize::street::street;
use crate::core::normalize::text::{fold, name_key};

/// How the two values of a field compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// The same once normalised.
    Equal,
    /// The same but for a detail (see the module documentation).
    Similar,
    /// Both present and different.
    Different,
    /// One side (or both) has no value.
    Missing,
    /// Not compared: each system numbers its records its own way.
    NotCompared,
}

impl Agreement {
    /// The word a screen reader says (and tests look for): `equal`, `alike`, `different`,
    /// `missing`, `not compared`.
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Equal => "equal",
            Agreement::Similar => "alike",
            Agreement::Different => "different",
            Agreement::Missing => "missing",
            Agreement::NotCompared => "not compared",
        }
    }

    /// True for a real conflict between two systems: both hold a value and they differ.
    pub fn is_conflict(self) -> bool {
        self == Agreement::Different
    }
}

/// Digits compared of two phone numbers when neither can be put in international form.
const PHONE_TAIL: usize = 7;
/// How alike two street keys must be (normalised Levenshtein) to count as alike.
const STREET_ALIKE: f64 = 0.9;

/// Compare two values of `role`; `countries` are the CRM and ERP records' countries as
/// exported (either may be missing).
///
/// ```
/// use ledgerlink::core::matching::agreement::{Agreement, role_agreement};
/// use ledgerlink::core::model::Role;
/// let germany = [Some("Deutschland"), None];
/// assert_eq!(role_agreement(Role::Phone, "030 1234567", "+49 30 1234567", germany), Agreement::Equal);
/// assert_eq!(role_agreement(Role::City, "Chicago", "Chicago, IL", [None, None]), Agreement::Similar);
/// assert_eq!(role_agreement(Role::Phone, "", "+49 30 1234567", germany), Agreement::Missing);
/// ```
pub fn role_agreement(role: Role, crm: &str, erp: &str, countries: [Option<&str>; 2]) -> Agreement {
    let (crm, erp) = (crm.trim(), erp.trim());
    if role == Role::Id || role == Role::Xref {
        return Agreement::NotCompared;
    }
    if blank(crm) || blank(erp) {
        return Agreement::Missing;
    }
    if crm == erp || fold(crm) == fold(erp) {
        return Agreement::Equal;
    }
    let [crm_country, erp_country] = countries.map(|c| c.filter(|c| !c.trim().is_empty()));
    let countries = [crm_country.or(erp_country), erp_country.or(crm_country)];
    if equal(role, crm, erp, countries) {
        Agreement::Equal
    } else if similar(role, crm, erp, countries) {
        Agreement::Similar
    } else {
        Agreement::Different
    }
}

/// Empty, or a placeholder that says so (`n/a`, `-`).
fn blank(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "" | "-" | "--" | "n/a" | "na" | "none" | "null"
    )
}

fn same_key(crm: &str, erp: &str, key: impl Fn(&str) -> Option<String>) -> bool {
    matches!((key(crm), key(erp)), (Some(left), Some(right)) if !left.is_empty() && left == right)
}

fn street_key(raw: &str) -> String {
    let address = street(raw, None);
    format!(
        "{} {}",
        address.street,
        address.house_number.unwrap_or_default()
    )
}

fn equal(role: Role, crm: &str, erp: &str, countries: [Option<&str>; 2]) -> bool {
    let codes = countries.map(|country| country.and_then(country_code));
    let by_country = |key: fn(&str, Option<&str>) -> Option<String>| {
        matches!(
            (key(crm, codes[0]), key(erp, codes[1])),
            (Some(left), Some(right)) if left == right
        )
    };
    match role {
        Role::Country => same_key(crm, erp, |raw| country_code(raw).map(str::to_string)),
        Role::TaxId => by_country(tax_id),
        Role::Phone => by_country(phone),
        Role::Postcode => by_country(postcode),
        Role::Website => same_key(crm, erp, website_domain),
        Role::Date => same_key(crm, erp, date),
        Role::Name => {
            let (left, right) = (company_name(crm, None), company_name(erp, None));
            !left.core.is_empty() && left.core == right.core && left.legal_form == right.legal_form
        }
        Role::City | Role::Region => same_key(crm, erp, |raw| Some(name_key(raw))),
        Role::Street => same_key(crm, erp, |raw| Some(street_key(raw))),
        Role::Email => crm.eq_ignore_ascii_case(erp),
        _ => false,
    }
}

fn similar(role: Role, crm: &str, erp: &str, countries: [Option<&str>; 2]) -> bool {
    match role {
        Role::Name => {
            let (left, right) = (
                company_name(crm, countries[0]),
                company_name(erp, countries[1]),
            );
            !left.core.is_empty() && left.core == right.core
        }
        Role::Email => same_key(crm, erp, email_domain),
        Role::Street => {
            let (left, right) = (street(crm, None), street(erp, None));
            left.house_number == right.house_number
                && strsim::normalized_levenshtein(&left.street, &right.street) >= STREET_ALIKE
        }
        Role::City | Role::Region => {
            let (left, right) = (name_key(crm), name_key(erp));
            let first = |key: &str| key.split(' ').next().unwrap_or("").to_string();
            !left.is_empty()
                && (left.starts_with(&right) || right.starts_with(&left))
                && first(&left) == first(&right)
        }
        Role::Phone => matches!(
            (
                phone_last_digits(crm, PHONE_TAIL),
                phone_last_digits(erp, PHONE_TAIL)
            ),
            (Some(left), Some(right)) if left == right
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(role: Role, crm: &str, erp: &str) -> Agreement {
        role_agreement(role, crm, erp, [Some("Deutschland"), None])
    }

    #[test]
    fn spellings_of_one_value_are_equal() {
        assert_eq!(
            de(Role::Street, "Hauptstr. 5", "Hauptstraße 5"),
            Agreement::Equal
        );
        assert_eq!(de(Role::Postcode, "1067", "01067"), Agreement::Equal);
        assert_eq!(de(Role::City, "Köln", "KOELN"), Agreement::Equal);
        assert_eq!(de(Role::Country, "Germany", "DE"), Agreement::Equal);
        assert_eq!(
            de(Role::TaxId, "DE 123 456 789", "123456789"),
            Agreement::Equal
        );
        assert_eq!(
            de(Role::Phone, "+49 30 1234567", "030 1234567"),
            Agreement::Equal
        );
        assert_eq!(
            de(Role::Email, "Info@Acme.de ", "info@acme.de"),
            Agreement::Equal
        );
        assert_eq!(
            de(Role::Name, "MÜLLER GmbH", "Müller gmbh"),
            Agreement::Equal
        );
    }

    #[test]
    fn details_are_alike_not_different() {
        let none = [None, None];
        assert_eq!(
            role_agreement(Role::Phone, "030 1234567", "+49 30 1234567", none),
            Agreement::Similar,
            "national and international without a country"
        );
        assert_eq!(
            role_agreement(Role::City, "Chicago", "Chicago, IL", none),
            Agreement::Similar
        );
        assert_eq!(
            de(Role::Name, "Datamont Trading e. K.", "DATAMONT TRADING"),
            Agreement::Similar
        );
        assert_eq!(
            de(
                Role::Street,
                "Mariahilferstrasse 160",
                "Mariahilferstrase 160"
            ),
            Agreement::Similar
        );
        assert_eq!(
            de(Role::Email, "a@acme.de", "b@acme.de"),
            Agreement::Similar
        );
    }

    #[test]
    fn different_and_missing_values() {
        assert_eq!(
            de(Role::Street, "Hauptstr. 5", "Hauptstr. 7"),
            Agreement::Different
        );
        assert_eq!(
            de(Role::Phone, "030 1234567", "030 7654321"),
            Agreement::Different
        );
        assert_eq!(de(Role::City, "Berlin", "Hamburg"), Agreement::Different);
        assert_eq!(de(Role::Phone, "030 1234567", ""), Agreement::Missing);
        assert_eq!(de(Role::TaxId, "n/a", "DE123456789"), Agreement::Missing);
        assert_eq!(de(Role::Id, "A-1", "10001"), Agreement::NotCompared);
        assert!(!Agreement::Missing.is_conflict() && Agreement::Different.is_conflict());
    }

    #[test]
    fn roles_are_compared_through_the_normalisers() {
        assert_eq!(
            role_agreement(Role::Country, "Nederland", "NL", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::TaxId, "DE 123 456 789", "DE123456789", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "MUELLER GMBH", [None, None]),
            Agreement::Equal
        );
        // The same name with another legal form, or none, is alike: neither green nor red.
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "Müller AG", [None, None]),
            Agreement::Similar
        );
        assert_eq!(
            role_agreement(
                Role::Name,
                "Datamont Trading e. K.",
                "DATAMONT TRADING",
                [Some("Germany"), Some("DE")]
            ),
            Agreement::Similar
        );
        assert_eq!(
            role_agreement(Role::Name, "Müller GmbH", "Schmidt GmbH", [None, None]),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(Role::City, "Münster", "Muenster", [None, None]),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(
                Role::Street,
                "Mariahilfer Straße 160",
                "Mariahilfer Str. 160",
                [None, None]
            ),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Street, "Hauptstr. 5", "Hauptstr. 7", [None, None]),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(
                Role::Email,
                "lotte.dijkstra@brouwer-vastgoed.nl",
                "crediteuren@brouwer-vastgoed.nl",
                [None, None]
            ),
            Agreement::Similar
        );
        // A number written the national way agrees once the record's country is known.
        let dutch = [Some("Netherlands"), Some("NL")];
        assert_eq!(
            role_agreement(Role::Phone, "0031 53 3648351", "053/3648351", dutch),
            Agreement::Equal
        );
        assert_eq!(
            role_agreement(Role::Phone, "0031 53 3648351", "053/3648352", dutch),
            Agreement::Different
        );
        assert_eq!(
            role_agreement(Role::City, "Köln", "Cologne", [None, None]),
            Agreement::Different
        );
    }
}
