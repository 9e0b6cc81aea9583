//! Small lookups the export files share: a record's id as its system knows it, the header a
//! list used for a role, and which partner of a record stands for it when it has several.

use std::collections::HashSet;

use crate::core::model::{Role, Side};
use crate::core::project::{Project, RecordView};

/// The record's id exactly as its own system exported it, spaces included: what an import
/// tool matches on. Records are compared and keyed on the trimmed form, but every output
/// carries the id as exported. Empty when the record has no id (it is then known by its row
/// key only).
pub fn system_id(record: &RecordView<'_>) -> String {
    let id = record.value(Role::Id).unwrap_or("");
    if id.trim().is_empty() {
        String::new()
    } else {
        id.to_string()
    }
}

/// How an output names the record `key` of `side`: its id exactly as exported when the key is
/// that id (trimmed), otherwise the key itself (`row17`, or a repeated id's `00123#2`).
pub fn exported_id(project: &Project, side: Side, key: &str) -> String {
    project
        .record(side, key)
        .map(|record| system_id(&record))
        .filter(|id| id.trim() == key)
        .unwrap_or_else(|| key.to_string())
}

/// The header a list's export used for `role`, if it had such a column.
pub fn header_of(project: &Project, side: Side, role: Role) -> Option<String> {
    let dataset = project.dataset(side);
    dataset
        .column_of(role)
        .and_then(|column| dataset.columns.get(column))
        .map(|column| column.name.clone())
        .filter(|name| !name.trim().is_empty())
}

/// The keys of every record of `side` marked as the duplicate (not the master) of another.
pub fn marked_duplicates(project: &Project, side: Side) -> HashSet<String> {
    project
        .duplicate_marks()
        .into_iter()
        .filter_map(|mark| mark.second.as_ref())
        .filter(|record| record.side == side)
        .map(|record| record.key.clone())
        .collect()
}

/// The partner (in the other list) that stands for the record `key` of `side`: its only
/// partner, or, when it is linked to several marked duplicates, the first that is not itself
/// marked a duplicate of another (the master).
pub fn preferred_partner<'a>(
    project: &'a Project,
    side: Side,
    key: &str,
    duplicates_of_other_side: &HashSet<String>,
) -> Option<&'a str> {
    let partners = project.partners(side, key);
    partners
        .iter()
        .copied()
        .find(|partner| !duplicates_of_other_side.contains(*partner))
        .or_else(|| partners.first().copied())
}
