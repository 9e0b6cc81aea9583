//! `crm_xref_clear.csv` and `erp_xref_clear.csv`: records left unlinked whose cross-reference
//! field still names a record of the other system wrongly. Left as it is, such a stale number
//! makes the next sync, or the next person, link the wrong customer. Two cases are listed:
//!
//! - the number names no record of the other list (`unknown number`);
//! - it names a record the workshop linked to another record (`linked to ...`), unless the two
//!   are marked duplicates of each other (then the number is right and the merge keeps it).
//!
//! The file has the id and cross-reference columns under the system's own names, with the
//! cross-reference left blank, so an import tool that writes blanks (Data Loader with "Insert
//! null values") clears it; the current value and the reason follow for the person checking.

use std::collections::{HashMap, HashSet};

use crate::core::model::{Role, Side};
use crate::core::normalize::ids::record_id;
use crate::core::project::Project;

use super::records::{header_of, marked_duplicates, system_id};
use super::table::{Cell, Table};
use super::updates::{DEFAULT_CRM_ID, DEFAULT_CRM_XREF, DEFAULT_ERP_ID, DEFAULT_ERP_XREF};

/// The CRM file.
pub const CRM_FILE: &str = "crm_xref_clear.csv";
/// The ERP file.
pub const ERP_FILE: &str = "erp_xref_clear.csv";

/// `crm_xref_clear.csv`: unlinked CRM accounts whose ERP number is wrong.
pub fn crm_xref_clear(project: &Project) -> Table {
    xref_clear(project, Side::Crm)
}

/// `erp_xref_clear.csv`: unlinked ERP customers whose CRM id is wrong.
pub fn erp_xref_clear(project: &Project) -> Table {
    xref_clear(project, Side::Erp)
}

fn xref_clear(project: &Project, side: Side) -> Table {
    let (file, sheet, default_id, default_xref) = match side {
        Side::Crm => (
            CRM_FILE,
            "CRM numbers to clear",
            DEFAULT_CRM_ID,
            DEFAULT_CRM_XREF,
        ),
        Side::Erp => (
            ERP_FILE,
            "ERP numbers to clear",
            DEFAULT_ERP_ID,
            DEFAULT_ERP_XREF,
        ),
    };
    let id_header = header_of(project, side, Role::Id).unwrap_or_else(|| default_id.to_string());
    let xref_header =
        header_of(project, side, Role::Xref).unwrap_or_else(|| default_xref.to_string());
    let header = vec![
        id_header,
        xref_header,
        "current_value".to_string(),
        "reason".to_string(),
    ];
    let mut table = Table::new(file, sheet, header);
    let other = side.other();
    let by_number: HashMap<String, &str> = project
        .list(other)
        .keys()
        .iter()
        .filter_map(|key| {
            let record = project.record(other, key)?;
            let id = system_id(&record);
            (!id.is_empty()).then(|| (record_id(&id), key.as_str()))
        })
        .collect();
    let duplicates = marked_duplicates(project, side);
    let marked_with = duplicate_partners(project, side);
    for key in project.list(side).keys() {
        if !project.partners(side, key).is_empty() || duplicates.contains(key) {
            continue;
        }
        let Some(record) = project.record(side, key) else {
            continue;
        };
        let current = record.value(Role::Xref).unwrap_or("").trim();
        let own_id = system_id(&record);
        if current.is_empty() || own_id.is_empty() {
            continue;
        }
        let Some(reason) = wrong_reference(project, side, key, current, &by_number, &marked_with)
        else {
            continue;
        };
        table.push(vec![
            Cell::Text(own_id),
            Cell::Text(String::new()),
            Cell::text(current),
            Cell::Text(reason),
        ]);
    }
    table
}

/// Per record of `side`, the records it is marked a duplicate of (either way round).
fn duplicate_partners(project: &Project, side: Side) -> HashMap<String, HashSet<String>> {
    let mut partners: HashMap<String, HashSet<String>> = HashMap::new();
    for mark in project.duplicate_marks() {
        let Some(second) = mark.second.as_ref() else {
            continue;
        };
        if mark.first.side != side || second.side != side {
            continue;
        }
        let (a, b) = (mark.first.key.clone(), second.key.clone());
        partners.entry(a.clone()).or_default().insert(b.clone());
        partners.entry(b).or_default().insert(a);
    }
    partners
}

/// Why the cross-reference `current` of the unlinked record `key` is wrong, if it is.
fn wrong_reference(
    project: &Project,
    side: Side,
    key: &str,
    current: &str,
    by_number: &HashMap<String, &str>,
    marked_with: &HashMap<String, HashSet<String>>,
) -> Option<String> {
    let other = side.other();
    let other_name = other.as_str().to_ascii_uppercase();
    let Some(&named) = by_number.get(&record_id(current)) else {
        return Some(format!("no {other_name} record has this number"));
    };
    let partners = project.partners(other, named);
    let &linked = partners.first()?;
    let same_customer = marked_with.get(key);
    if partners
        .iter()
        .any(|partner| same_customer.is_some_and(|keys| keys.contains(*partner)))
    {
        return None;
    }
    let linked_id = project
        .record(side, linked)
        .map(|record| system_id(&record))
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| linked.to_string());
    Some(format!(
        "{other_name} {current} is linked to {} {linked_id}",
        side.as_str().to_ascii_uppercase()
    ))
}
