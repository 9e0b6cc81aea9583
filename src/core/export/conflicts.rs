//! `conflicts.csv`: for each link in effect, the fields on which the two records disagree once
//! normalised (so `Hauptstr. 5` and `Hauptstraße 5`, or `030 123456` and `+49 30 123456`, do
//! not count), with both values as exported and which system holds the truth:
//!
//! * the ERP for address and financial data (street, postcode, city, country, tax id): the
//!   invoices go there, and auditors hold the ERP's master data;
//! * the CRM for contact data (phone, e-mail): sales keep them current.
//!
//! A value present in one system and missing in the other is a conflict too (the other system
//! lacks it). A field is compared only when both lists have a column for it.

use crate::core::model::{Role, Side};
use crate::core::project::{Project, RecordView};

use super::compare::{FieldKind, Value, agree};
use super::table::{Cell, Table};

/// The file name.
pub const FILE: &str = "conflicts.csv";

/// The columns.
pub const HEADER: [&str; 8] = [
    "crm_id",
    "erp_id",
    "crm_name",
    "erp_name",
    "field",
    "crm_value",
    "erp_value",
    "record_of_truth",
];

/// A compared field: its name in the file, what kind of value it is, and the system of truth.
struct Field {
    name: &'static str,
    kind: FieldKind,
    truth: Side,
}

const FIELDS: [Field; 7] = [
    Field {
        name: "street",
        kind: FieldKind::Street,
        truth: Side::Erp,
    },
    Field {
        name: "postcode",
        kind: FieldKind::Postcode,
        truth: Side::Erp,
    },
    Field {
        name: "city",
        kind: FieldKind::City,
        truth: Side::Erp,
    },
    Field {
        name: "country",
        kind: FieldKind::Country,
        truth: Side::Erp,
    },
    Field {
        name: "tax_id",
        kind: FieldKind::TaxId,
        truth: Side::Erp,
    },
    Field {
        name: "phone",
        kind: FieldKind::Phone,
        truth: Side::Crm,
    },
    Field {
        name: "email",
        kind: FieldKind::Email,
        truth: Side::Crm,
    },
];

/// The role whose column must exist in both lists for a field to be compared.
fn main_role(kind: FieldKind) -> Role {
    match kind {
        FieldKind::Street => Role::Street,
        FieldKind::Postcode => Role::Postcode,
        FieldKind::City => Role::City,
        FieldKind::Country => Role::Country,
        FieldKind::TaxId => Role::TaxId,
        FieldKind::Phone => Role::Phone,
        FieldKind::Email => Role::Email,
    }
}

/// The value of a field as exported (street with a separate house number joined to it).
fn raw_value(record: &RecordView<'_>, kind: FieldKind) -> String {
    let value = |role| record.value(role).unwrap_or("").trim().to_string();
    match kind {
        FieldKind::Street => format!("{} {}", value(Role::Street), value(Role::HouseNumber))
            .trim()
            .to_string(),
        other => value(main_role(other)),
    }
}

/// The record's country as exported, when it has one.
fn country<'a>(record: &RecordView<'a>) -> Option<&'a str> {
    record
        .value(Role::Country)
        .filter(|country| !country.trim().is_empty())
}

/// The conflicts table.
pub fn conflicts_table(project: &Project) -> Table {
    let mut table = Table::with_header(FILE, "Conflicts", &HEADER);
    let both_have = |role| {
        project.dataset(Side::Crm).column_of(role).is_some()
            && project.dataset(Side::Erp).column_of(role).is_some()
    };
    let fields: Vec<&Field> = FIELDS
        .iter()
        .filter(|field| both_have(main_role(field.kind)))
        .collect();
    if fields.is_empty() {
        return table;
    }
    for entry in project.links() {
        let Some((crm_key, erp_key)) = entry.pair() else {
            continue;
        };
        let (Some(crm), Some(erp)) = (
            project.record(Side::Crm, crm_key),
            project.record(Side::Erp, erp_key),
        ) else {
            continue;
        };
        let (crm_country, erp_country) = (country(&crm), country(&erp));
        for field in &fields {
            let (crm_value, erp_value) = (raw_value(&crm, field.kind), raw_value(&erp, field.kind));
            let left = Value {
                raw: &crm_value,
                country: crm_country.or(erp_country),
            };
            let right = Value {
                raw: &erp_value,
                country: erp_country.or(crm_country),
            };
            if agree(field.kind, left, right) {
                continue;
            }
            table.push(vec![
                Cell::text(crm_key),
                Cell::text(erp_key),
                Cell::text(crm.name()),
                Cell::text(erp.name()),
                Cell::text(field.name),
                Cell::Text(crm_value),
                Cell::Text(erp_value),
                Cell::text(field.truth.as_str()),
            ]);
        }
    }
    table
}
