//! `crm_fill_ins.csv` and `erp_fill_ins.csv`: the other half of `conflicts.csv`. For each link
//! in effect, a field (street, postcode, city, country, tax id, phone, e-mail) that one system
//! holds and the other leaves empty is a *fill-in*, not a conflict: the system that has the
//! value is the only record of truth for it, so the value goes to the system that lacks it
//! (the ERP has the phone the CRM lacks: it goes into `crm_fill_ins.csv`). Agreement is
//! decided by [`role_agreement`], the rule of `conflicts.csv` and of the pair card: a fill-in
//! is a field it calls `missing` with a value on exactly one side.
//!
//! **Separate files, not extra columns in `crm_updates.csv`.** The update files carry one thing
//! an import tool applies blindly, the partner's number, and only for links whose number would
//! change; scripts rely on their two columns. Fill-ins change customer data and concern other
//! records (a link whose number is already right can still lack a phone), so a data owner
//! reviews them apart and imports them as a second update job. Each file has the record's id
//! and one column per filled field, under the target system's own header names
//! (`Id,Phone,BillingCity`), so Salesforce Data Loader or an ERP import maps them by name. A
//! row fills only the cells it has a value for: **an empty cell means "leave as is"**; import
//! with blank values ignored (Data Loader's default, "Insert null values" off). Only fields the
//! target list has a column for are filled, and records without an id are left out.
//!
//! A street goes into the target's street column, and its house number into the target's
//! house-number column when the target exports one (else street and number are joined).

use crate::core::matching::agreement::{Agreement, role_agreement};
use crate::core::model::{Role, Side};
use crate::core::project::{Project, RecordView};

use super::conflicts::{FIELDS, country, raw_value};
use super::records::{header_of, marked_duplicates, preferred_partner, system_id};
use super::table::{Cell, Table};
use super::updates::{DEFAULT_CRM_ID, DEFAULT_ERP_ID};

/// The CRM fill-in file: values the ERP holds and the CRM lacks.
pub const CRM_FILE: &str = "crm_fill_ins.csv";
/// The ERP fill-in file: values the CRM holds and the ERP lacks.
pub const ERP_FILE: &str = "erp_fill_ins.csv";

/// One target column: the role written and the target's header for it.
struct Column {
    role: Role,
    header: String,
}

/// The target's columns a fill-in can write, in the order of [`FIELDS`].
fn target_columns(project: &Project, target: Side) -> Vec<Column> {
    let source = target.other();
    let mut columns = Vec::new();
    for field in FIELDS.iter() {
        let has_source = project.dataset(source).column_of(field.role).is_some();
        let Some(header) = header_of(project, target, field.role).filter(|_| has_source) else {
            continue;
        };
        columns.push(Column {
            role: field.role,
            header,
        });
        if field.role == Role::Street
            && let Some(header) = header_of(project, target, Role::HouseNumber)
        {
            columns.push(Column {
                role: Role::HouseNumber,
                header,
            });
        }
    }
    columns
}

/// The value of `role` as the target stores it (the street without the number when the
/// target has a house-number column).
fn value_for(source: &RecordView<'_>, role: Role, split_number: bool) -> String {
    let plain = |role| source.value(role).unwrap_or("").trim().to_string();
    match role {
        Role::Street if split_number => plain(Role::Street),
        Role::Street => raw_value(source, Role::Street),
        other => plain(other),
    }
}

/// The fill-ins for the records of `target` (the side that lacks the values).
pub fn fill_ins_table(project: &Project, target: Side) -> Table {
    let (file, sheet, default_id) = match target {
        Side::Crm => (CRM_FILE, "CRM fill-ins", DEFAULT_CRM_ID),
        Side::Erp => (ERP_FILE, "ERP fill-ins", DEFAULT_ERP_ID),
    };
    let id_header = header_of(project, target, Role::Id).unwrap_or_else(|| default_id.into());
    let columns = target_columns(project, target);
    let split_number = columns
        .iter()
        .any(|column| column.role == Role::HouseNumber);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let duplicates = marked_duplicates(project, target.other());
    let list = project.list(target);
    for key in list.keys() {
        let Some(partner_key) = preferred_partner(project, target, key, &duplicates) else {
            continue;
        };
        let (Some(record), Some(source)) = (
            list.record(key),
            project.record(target.other(), partner_key),
        ) else {
            continue;
        };
        let id = system_id(&record);
        if id.is_empty() {
            continue;
        }
        let countries = match target {
            Side::Crm => [country(&record), country(&source)],
            Side::Erp => [country(&source), country(&record)],
        };
        let mut cells = vec![Cell::Text(id)];
        let mut filled = false;
        for column in &columns {
            let compared = if column.role == Role::HouseNumber {
                Role::Street
            } else {
                column.role
            };
            let (have, lack) = (raw_value(&source, compared), raw_value(&record, compared));
            let (crm, erp) = match target {
                Side::Crm => (&lack, &have),
                Side::Erp => (&have, &lack),
            };
            let agreement = role_agreement(compared, crm, erp, countries);
            let value = if agreement == Agreement::Missing && !have.is_empty() && lack.is_empty() {
                value_for(&source, column.role, split_number)
            } else {
                String::new()
            };
            filled |= !value.is_empty();
            cells.push(if value.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(value)
            });
        }
        if filled {
            rows.push(cells);
        }
    }
    keep_used_columns(file, sheet, id_header, &columns, rows)
}

/// The table with only the columns some row fills.
fn keep_used_columns(
    file: &'static str,
    sheet: &'static str,
    id_header: String,
    columns: &[Column],
    rows: Vec<Vec<Cell>>,
) -> Table {
    let used: Vec<usize> = (1..=columns.len())
        .filter(|&index| rows.iter().any(|row| row[index] != Cell::Empty))
        .collect();
    let mut header = vec![id_header];
    header.extend(used.iter().map(|&index| columns[index - 1].header.clone()));
    let mut table = Table::new(file, sheet, header);
    for row in rows {
        let mut kept = vec![row[0].clone()];
        kept.extend(used.iter().map(|&index| row[index].clone()));
        table.push(kept);
    }
    table
}
