//! `conflicts.csv`: for each link in effect, the fields on which the two records disagree once
//! normalised (so `Hauptstr. 5` and `Hauptstraße 5`, or `030 123456` and `+49 30 123456`, do
//! not count), with both values as exported and which system holds the truth:
//!
//! * the ERP for address and financial data (street, postcode, city, country, tax id): the
//!   invoices go there, and auditors hold the ERP's master data;
//! * the CRM for contact data (phone, e-mail): sales keep them current.
//!
//! Agreement is decided by [`role_agreement`], the rule the pair card colours by: only two
//! values that are both present and differ are a conflict. A value present in one system and
//! missing in the other is a fill-in, not a conflict, and values that are merely alike
//! ("Chicago" / "Chicago, IL", a phone written nationally) are not listed. A field is compared
//! only when both lists have a column for it. Fill-ins go to `crm_fill_ins.csv` and
//! `erp_fill_ins.csv` ([`fill_ins`](super::fill_ins)).

use crate::core::model::{Role, Side};
use crate::core::project::{Project, RecordView};

use super::table::{Cell, Table};
use crate::core::matching::agreement::role_agreement;

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

/// A compared field: its name in the file, its role, and the system of truth.
pub(crate) struct Field {
    /// Its name in `conflicts.csv`.
    pub(crate) name: &'static str,
    /// The role it has in both lists.
    pub(crate) role: Role,
    /// The system that holds the truth when both have a value.
    pub(crate) truth: Side,
}

/// The fields compared (and filled in: see [`fill_ins`](super::fill_ins)).
pub(crate) const FIELDS: [Field; 7] = [
    Field {
        name: "street",
        role: Role::Street,
        truth: Side::Erp,
    },
    Field {
        name: "postcode",
        role: Role::Postcode,
        truth: Side::Erp,
    },
    Field {
        name: "city",
        role: Role::City,
        truth: Side::Erp,
    },
    Field {
        name: "country",
        role: Role::Country,
        truth: Side::Erp,
    },
    Field {
        name: "tax_id",
        role: Role::TaxId,
        truth: Side::Erp,
    },
    Field {
        name: "phone",
        role: Role::Phone,
        truth: Side::Crm,
    },
    Field {
        name: "email",
        role: Role::Email,
        truth: Side::Crm,
    },
];

/// The value of a field as exported (street with a separate house number joined to it).
pub(crate) fn raw_value(record: &RecordView<'_>, role: Role) -> String {
    let value = |role| record.value(role).unwrap_or("").trim().to_string();
    match role {
        Role::Street => format!("{} {}", value(Role::Street), value(Role::HouseNumber))
            .trim()
            .to_string(),
        other => value(other),
    }
}

/// The record's country as exported, when it has one.
pub(crate) fn country<'a>(record: &RecordView<'a>) -> Option<&'a str> {
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
        .filter(|field| both_have(field.role))
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
            let (crm_value, erp_value) = (raw_value(&crm, field.role), raw_value(&erp, field.role));
            let countries = [crm_country, erp_country];
            if !role_agreement(field.role, &crm_value, &erp_value, countries).is_conflict() {
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
