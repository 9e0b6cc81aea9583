//! One record's raw cells turned into normalised comparison values, through the normalisers of
//! [`crate::core::normalize`].

use super::field::{KEY_COUNT, Key, KeySet};
use crate::core::model::{Dataset, Role};
use crate::core::normalize::address::{country_code, postcode, street};
use crate::core::normalize::company::company_name_in;
use crate::core::normalize::ids::{
    date, email_domain, record_id, tax_id, tax_id_without_country, website_domain,
};
use crate::core::normalize::person::person_name;
use crate::core::normalize::phone::phone;
use crate::core::normalize::text::name_key;

/// Which column holds each role the matcher reads.
#[derive(Debug, Clone, Default)]
pub struct RoleColumns {
    columns: [Option<usize>; Role::ALL.len()],
    /// Build a full name from first and last name (the other list only has a full name).
    name_from_parts: bool,
}

impl RoleColumns {
    /// The columns of `dataset`; `other_has_name` says whether a list to compare with has a
    /// name column (then a list with only first and last names gets a full name too).
    pub fn of(dataset: &Dataset, other_has_name: bool) -> RoleColumns {
        let mut columns = [None; Role::ALL.len()];
        for (slot, role) in columns.iter_mut().zip(Role::ALL) {
            *slot = dataset.column_of(role);
        }
        let has_parts = dataset.column_of(Role::FirstName).is_some()
            || dataset.column_of(Role::LastName).is_some();
        let name_from_parts =
            other_has_name && dataset.column_of(Role::Name).is_none() && has_parts;
        RoleColumns {
            columns,
            name_from_parts,
        }
    }

    fn column(&self, role: Role) -> Option<usize> {
        self.columns[role as usize]
    }

    /// The keys this list can provide.
    pub fn mapped(&self) -> KeySet {
        let mut set = KeySet::default();
        for key in Key::ALL {
            let present = match key {
                Key::Name | Key::LegalForm => {
                    self.name_from_parts || self.column(Role::Name).is_some()
                }
                Key::Domain => {
                    self.column(Role::Website).is_some() || self.column(Role::Email).is_some()
                }
                Key::HouseNumber => {
                    self.column(Role::HouseNumber).is_some() || self.column(Role::Street).is_some()
                }
                other => self.column(other.role()).is_some(),
            };
            if present {
                set.insert(key);
            }
        }
        set
    }

    /// True when the list has an id column.
    pub fn has_id(&self) -> bool {
        self.column(Role::Id).is_some()
    }
}

/// The normalised values of one record, before interning.
#[derive(Debug, Clone, Default)]
pub struct NormalizedRecord {
    /// One value per key (`None` when empty or not mapped).
    pub values: [Option<String>; KEY_COUNT],
    /// The record's own id in comparable form.
    pub id: Option<String>,
    /// Name tokens (without legal form).
    pub tokens: Vec<String>,
}

/// Normalise `row` of `dataset`.
pub fn record(dataset: &Dataset, columns: &RoleColumns, row: usize) -> NormalizedRecord {
    let cell = |role: Role| -> &str {
        columns
            .column(role)
            .map_or("", |column| dataset.cells.cell(row, column).trim())
    };
    let mut record = NormalizedRecord::default();
    let mut set = |key: Key, value: Option<String>| {
        record.values[key.index()] = value.filter(|text| !text.is_empty());
    };
    let country_code = country_code(cell(Role::Country));
    set(Key::Country, country_code.map(str::to_string));
    let name = if columns.name_from_parts {
        format!("{} {}", cell(Role::FirstName), cell(Role::LastName))
    } else {
        cell(Role::Name).to_string()
    };
    let city = name_key(cell(Role::City));
    let company = company_name_in(&name, country_code, Some(&city));
    set(Key::Name, Some(company.core));
    set(Key::LegalForm, company.legal_form);
    let person = person_name(cell(Role::FirstName), cell(Role::LastName));
    set(Key::FirstName, Some(person.first));
    set(Key::LastName, Some(person.last));
    let house_column = columns
        .column(Role::HouseNumber)
        .map(|_| cell(Role::HouseNumber));
    let address = street(cell(Role::Street), house_column);
    set(Key::Street, Some(address.street));
    set(Key::HouseNumber, address.house_number);
    set(Key::Address2, Some(name_key(cell(Role::Address2))));
    set(Key::City, Some(city));
    set(Key::Postcode, postcode(cell(Role::Postcode), country_code));
    set(Key::Region, Some(name_key(cell(Role::Region))));
    set(Key::Phone, phone_key(cell(Role::Phone), country_code));
    let domain = website_domain(cell(Role::Website)).or_else(|| email_domain(cell(Role::Email)));
    set(Key::Domain, domain);
    // Compared without the country prefix: one list often writes it and the other does not.
    let tax = tax_id(cell(Role::TaxId), country_code);
    set(
        Key::TaxId,
        tax.map(|id| tax_id_without_country(&id).to_string()),
    );
    set(Key::Date, date(cell(Role::Date)));
    set(Key::Xref, Some(record_id(cell(Role::Xref))));
    let id = columns
        .column(Role::Id)
        .map(|column| record_id(dataset.cells.cell(row, column)));
    record.id = id.filter(|id| !id.is_empty());
    record.tokens = company.tokens;
    record
}

/// The phone in E.164 form; without a known country (and no international prefix), its
/// digits, so that the last digits can still be compared.
fn phone_key(raw: &str, country: Option<&str>) -> Option<String> {
    phone(raw, country).or_else(|| {
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        (digits.len() >= 7).then_some(digits)
    })
}
