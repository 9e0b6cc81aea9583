//! One record's raw cells turned into normalised comparison values, through the normalisers of
//! [`crate::core::normalize`].

use super::field::{FIELD_COUNT, Field, FieldSet};
use crate::core::model::{Dataset, Role};
use crate::core::normalize::text::fold;

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

    /// The fields this list can provide.
    pub fn mapped(&self) -> FieldSet {
        let mut set = FieldSet::default();
        for field in Field::ALL {
            let present = match field {
                Field::Name | Field::LegalForm => {
                    self.name_from_parts || self.column(Role::Name).is_some()
                }
                Field::Domain => {
                    self.column(Role::Website).is_some() || self.column(Role::Email).is_some()
                }
                Field::HouseNumber => {
                    self.column(Role::HouseNumber).is_some() || self.column(Role::Street).is_some()
                }
                other => self.column(other.role()).is_some(),
            };
            if present {
                set.insert(field);
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
    /// One value per field (`None` when empty or not mapped).
    pub values: [Option<String>; FIELD_COUNT],
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
    let mut set = |field: Field, value: Option<String>| {
        record.values[field.index()] = value.filter(|text| !text.is_empty());
    };
    let country = interim::country(cell(Role::Country));
    set(Field::Country, country.clone());
    let name = if columns.name_from_parts {
        format!("{} {}", cell(Role::FirstName), cell(Role::LastName))
    } else {
        cell(Role::Name).to_string()
    };
    let company = interim::company(&name);
    set(Field::Name, Some(company.core));
    set(Field::LegalForm, company.legal_form);
    set(
        Field::FirstName,
        Some(interim::words(cell(Role::FirstName))),
    );
    set(Field::LastName, Some(interim::words(cell(Role::LastName))));
    let (street, number_in_street) = interim::street(cell(Role::Street));
    set(Field::Street, Some(street));
    let house_number = match columns.column(Role::HouseNumber) {
        Some(_) => Some(interim::compact(cell(Role::HouseNumber))),
        None => number_in_street,
    };
    set(Field::HouseNumber, house_number);
    set(Field::Address2, Some(interim::words(cell(Role::Address2))));
    set(Field::City, Some(interim::words(cell(Role::City))));
    set(
        Field::Postcode,
        Some(interim::compact(cell(Role::Postcode))),
    );
    set(Field::Region, Some(interim::words(cell(Role::Region))));
    set(Field::Phone, interim::phone(cell(Role::Phone)));
    let domain = interim::website_domain(cell(Role::Website))
        .or_else(|| interim::email_domain(cell(Role::Email)));
    set(Field::Domain, domain);
    set(Field::TaxId, interim::tax_id(cell(Role::TaxId)));
    set(Field::Date, interim::date(cell(Role::Date)));
    let xref = cell(Role::Xref);
    set(Field::Xref, Some(interim::record_id(xref)));
    let id = columns.column(Role::Id).map(|column| {
        let raw = dataset.cells.cell(row, column);
        interim::record_id(raw)
    });
    record.id = id.filter(|id| !id.is_empty());
    record.tokens = company.tokens;
    record
}

/// Simple stand-ins for the normalisers of `crate::core::normalize` that have not landed yet.
mod interim {
    use super::fold;

    /// A company name split into core, tokens and legal form.
    pub struct Company {
        pub core: String,
        pub tokens: Vec<String>,
        pub legal_form: Option<String>,
    }

    const LEGAL_FORMS: [&str; 24] = [
        "gmbh",
        "ag",
        "kg",
        "ohg",
        "ug",
        "se",
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "plc",
        "corp",
        "corporation",
        "sa",
        "sarl",
        "sas",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "co",
    ];

    pub fn words(raw: &str) -> String {
        let folded = fold(raw);
        let spaced: String = folded
            .chars()
            .map(|ch| if ch.is_alphanumeric() { ch } else { ' ' })
            .collect();
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn company(raw: &str) -> Company {
        let words = words(&raw.replace('&', " "));
        let mut tokens: Vec<String> = words
            .split(' ')
            .filter(|token| !token.is_empty() && !matches!(*token, "and" | "und" | "et"))
            .map(str::to_string)
            .collect();
        if tokens.len() > 1 && tokens[0] == "the" {
            tokens.remove(0);
        }
        let mut legal = Vec::new();
        while tokens.len() > 1
            && tokens
                .last()
                .is_some_and(|token| LEGAL_FORMS.contains(&token.as_str()))
        {
            legal.extend(tokens.pop());
        }
        legal.reverse();
        Company {
            core: tokens.join(" "),
            tokens,
            legal_form: (!legal.is_empty()).then(|| legal.join(" ")),
        }
    }

    pub fn compact(raw: &str) -> String {
        words(raw).replace(' ', "")
    }

    pub fn street(raw: &str) -> (String, Option<String>) {
        let words = words(raw);
        let mut street = Vec::new();
        let mut number = None;
        for word in words.split(' ') {
            if number.is_none() && word.starts_with(|ch: char| ch.is_ascii_digit()) {
                number = Some(word.to_string());
            } else if !word.is_empty() {
                street.push(word);
            }
        }
        (street.join(" "), number)
    }

    pub fn country(raw: &str) -> Option<String> {
        let folded = words(raw);
        (folded.len() == 2).then(|| folded.to_ascii_uppercase())
    }

    pub fn phone(raw: &str) -> Option<String> {
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        (digits.len() >= 6).then(|| digits.trim_start_matches('0').to_string())
    }

    pub fn website_domain(raw: &str) -> Option<String> {
        let lower = raw.trim().to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .unwrap_or(&lower);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        host.contains('.').then(|| host.to_string())
    }

    pub fn email_domain(raw: &str) -> Option<String> {
        let (_, domain) = raw.trim().rsplit_once('@')?;
        let domain = domain.to_ascii_lowercase();
        const FREE: [&str; 8] = [
            "gmail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "web.de",
            "gmx.de",
            "gmx.net",
            "t-online.de",
        ];
        (domain.contains('.') && !FREE.contains(&domain.as_str())).then_some(domain)
    }

    pub fn tax_id(raw: &str) -> Option<String> {
        let canonical: String = raw
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|ch| ch.to_ascii_uppercase())
            .collect();
        (!canonical.is_empty()).then_some(canonical)
    }

    pub fn date(raw: &str) -> Option<String> {
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            8 => Some(format!(
                "{}-{}-{}",
                &digits[..4],
                &digits[4..6],
                &digits[6..]
            )),
            0 => None,
            _ => Some(digits),
        }
    }

    pub fn record_id(raw: &str) -> String {
        let trimmed = raw.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|byte| byte.is_ascii_digit()) {
            let stripped = trimmed.trim_start_matches('0');
            if stripped.is_empty() { "0" } else { stripped }.to_string()
        } else {
            trimmed.to_string()
        }
    }
}
