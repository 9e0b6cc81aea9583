//! `merge_in_crm.csv` and `merge_in_erp.csv`: the duplicates the workshop marked, one row per
//! duplicate, in the shape merge tools take (Salesforce's merge, Dynamics' merge, DemandTools:
//! a master id and a duplicate id per row), with both names, the cluster number (the one the
//! Duplicates screen and `duplicates.csv` show), why, who marked it and when.
//!
//! Where the duplicate is kept rather than merged away, its cross-reference should name what
//! its master is linked to: the last column, under the list's own cross-reference header,
//! holds the master's partner number in the other system (empty when the master has none).

use std::collections::HashMap;

use crate::core::model::{Role, Side};
use crate::core::project::Project;

use super::records::{header_of, system_id};
use super::table::{Cell, Table};
use super::updates::{DEFAULT_CRM_XREF, DEFAULT_ERP_XREF};

/// The CRM merge file.
pub const CRM_FILE: &str = "merge_in_crm.csv";
/// The ERP merge file.
pub const ERP_FILE: &str = "merge_in_erp.csv";

/// The number of every clustered record, as the Duplicates screen shows it: suggested clusters
/// are numbered 1, 2, ... in matching's order (both lists), and records marked duplicates
/// outside any suggested cluster take the numbers after, one per master.
pub fn cluster_numbers(project: &Project) -> HashMap<(Side, String), usize> {
    let mut numbers: HashMap<(Side, String), usize> = HashMap::new();
    let clusters = &project.suggestions().clusters;
    for (index, cluster) in clusters.iter().enumerate() {
        for key in &cluster.members {
            numbers
                .entry((cluster.side, key.clone()))
                .or_insert(index + 1);
        }
    }
    let mut next = clusters.len();
    for mark in project.duplicate_marks() {
        let Some(second) = &mark.second else { continue };
        let side = mark.first.side;
        let master = root_master(project, side, &mark.first.key);
        let known = [&master, &mark.first.key, &second.key]
            .into_iter()
            .find_map(|key| numbers.get(&(side, key.clone())).copied());
        let number = known.unwrap_or_else(|| {
            next += 1;
            next
        });
        for key in [master, mark.first.key.clone(), second.key.clone()] {
            numbers.entry((side, key)).or_insert(number);
        }
    }
    numbers
}

/// The master at the top of a chain of duplicate marks (A ← B ← C gives A for C).
pub fn root_master(project: &Project, side: Side, key: &str) -> String {
    let mut current = key.to_string();
    for _ in 0..64 {
        match project.master_of(side, &current) {
            Some(master) if master != current => current = master.to_string(),
            _ => break,
        }
    }
    current
}

/// The merge file of `side`.
pub fn merge_table(project: &Project, side: Side) -> Table {
    let (file, sheet, default_xref) = match side {
        Side::Crm => (CRM_FILE, "Merge in CRM", DEFAULT_CRM_XREF),
        Side::Erp => (ERP_FILE, "Merge in ERP", DEFAULT_ERP_XREF),
    };
    let xref_header = header_of(project, side, Role::Xref).unwrap_or_else(|| default_xref.into());
    let mut header: Vec<String> = [
        "cluster",
        "master_id",
        "duplicate_id",
        "master_name",
        "duplicate_name",
        "reason",
        "decided_by",
        "decided_at",
    ]
    .map(String::from)
    .to_vec();
    header.push(xref_header);
    let mut table = Table::new(file, sheet, header);
    let numbers = cluster_numbers(project);
    for mark in project.duplicate_marks() {
        let Some(second) = mark.second.as_ref().filter(|s| s.side == side) else {
            continue;
        };
        let master = root_master(project, side, &mark.first.key);
        let (Some(master_record), Some(duplicate)) = (
            project.record(side, &master),
            project.record(side, &second.key),
        ) else {
            continue;
        };
        let partner = project
            .partners(side, &master)
            .first()
            .and_then(|key| project.record(side.other(), key))
            .map(|record| system_id(&record))
            .unwrap_or_default();
        let number = numbers.get(&(side, second.key.clone())).copied();
        table.push(vec![
            number.map_or(Cell::Empty, Cell::count),
            Cell::Text(system_id(&master_record)),
            Cell::Text(system_id(&duplicate)),
            Cell::Text(master_record.name()),
            Cell::Text(duplicate.name()),
            Cell::Text(
                mark.note
                    .clone()
                    .unwrap_or_else(|| "marked duplicate".into()),
            ),
            Cell::Text(mark.by.clone()),
            Cell::Text(mark.at.clone()),
            Cell::Text(partner),
        ]);
    }
    table
}
