//! `duplicates.csv`: the duplicate clusters of each list, one row per member with the cluster's
//! master, so a sales manager (or a merge tool) can merge each cluster into its master.
//!
//! Two kinds of cluster are listed, told apart by `status`:
//! * `marked`: records the workshop marked as duplicates (marks joined through shared records).
//!   The master is the record marked as master that is nobody's duplicate itself.
//! * `suggested`: clusters matching proposed that nobody has decided about; members already in
//!   a marked cluster are left out, and a cluster with a not-duplicate mark inside is dropped.

use std::collections::{HashMap, HashSet};

use crate::core::model::Side;
use crate::core::project::{DecisionEntry, Project};

use super::merges::cluster_numbers;
use super::records::exported_id;
use super::table::{Cell, Table};

/// The file name.
pub const FILE: &str = "duplicates.csv";

/// The columns.
pub const HEADER: [&str; 11] = [
    "side",
    "cluster",
    "status",
    "master_id",
    "member_id",
    "member_name",
    "member_role",
    "score",
    "decided_by",
    "decided_at",
    "reason",
];

/// A cluster of marked duplicates.
struct MarkedCluster<'a> {
    master: String,
    /// Members in order of marking, with the mark that made each a duplicate.
    members: Vec<(String, Option<&'a DecisionEntry>)>,
}

/// Union-find root of `key`.
fn root(parents: &mut HashMap<String, String>, key: &str) -> String {
    let mut current = key.to_string();
    while let Some(parent) = parents.get(&current).filter(|parent| **parent != current) {
        current = parent.clone();
    }
    parents.insert(key.to_string(), current.clone());
    current
}

fn marked_clusters<'a>(marks: &[&'a DecisionEntry]) -> Vec<MarkedCluster<'a>> {
    let mut parents: HashMap<String, String> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for mark in marks {
        let Some(second) = &mark.second else { continue };
        for key in [&mark.first.key, &second.key] {
            if !parents.contains_key(key) {
                parents.insert(key.clone(), key.clone());
                order.push(key.clone());
            }
        }
        let (a, b) = (
            root(&mut parents, &mark.first.key),
            root(&mut parents, &second.key),
        );
        parents.insert(b, a);
    }
    let duplicates: HashSet<&str> = marks
        .iter()
        .filter_map(|mark| mark.second.as_ref().map(|record| record.key.as_str()))
        .collect();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for key in &order {
        let group_root = root(&mut parents, key);
        match groups
            .iter_mut()
            .find(|(existing, _)| *existing == group_root)
        {
            Some((_, members)) => members.push(key.clone()),
            None => groups.push((group_root, vec![key.clone()])),
        }
    }
    groups
        .into_iter()
        .map(|(_, keys)| {
            let in_group = |mark: &&&DecisionEntry| keys.contains(&mark.first.key);
            let master = marks
                .iter()
                .filter(in_group)
                .find(|mark| !duplicates.contains(mark.first.key.as_str()))
                .or_else(|| marks.iter().find(in_group))
                .map_or_else(|| keys[0].clone(), |mark| mark.first.key.clone());
            let mut members = vec![(master.clone(), None)];
            for key in keys.iter().filter(|key| **key != master) {
                let mark = marks.iter().copied().find(|mark| {
                    mark.second
                        .as_ref()
                        .is_some_and(|second| second.key == *key)
                        || mark.first.key == *key
                });
                members.push((key.clone(), mark));
            }
            MarkedCluster { master, members }
        })
        .collect()
}

/// The duplicates table.
pub fn duplicates_table(project: &Project) -> Table {
    let mut table = Table::with_header(FILE, "Duplicates", &HEADER);
    let numbers = cluster_numbers(project);
    for side in [Side::Crm, Side::Erp] {
        let marks: Vec<&DecisionEntry> = project
            .duplicate_marks()
            .into_iter()
            .filter(|mark| mark.first.side == side)
            .collect();
        let clusters = marked_clusters(&marks);
        let mut in_marked: HashSet<String> = HashSet::new();
        for cluster in &clusters {
            let number = numbers.get(&(side, cluster.master.clone())).copied();
            for (key, mark) in &cluster.members {
                in_marked.insert(key.clone());
                let role = if *key == cluster.master {
                    "master"
                } else {
                    "duplicate"
                };
                let (by, at, note) =
                    mark.map_or((String::new(), String::new(), String::new()), |m| {
                        (
                            m.by.clone(),
                            m.at.clone(),
                            m.note.clone().unwrap_or_default(),
                        )
                    });
                let row = [
                    Cell::text(side.as_str()),
                    number.map_or(Cell::Empty, Cell::count),
                    Cell::text("marked"),
                    Cell::Text(exported_id(project, side, &cluster.master)),
                    Cell::Text(exported_id(project, side, key)),
                    Cell::text(name(project, side, key)),
                    Cell::text(role),
                    Cell::Empty,
                    Cell::Text(by),
                    Cell::Text(at),
                    Cell::Text(note),
                ];
                table.push(row.to_vec());
            }
        }
        suggested_rows(project, side, &in_marked, &mut table);
    }
    table
}

fn name(project: &Project, side: Side, key: &str) -> String {
    project
        .record(side, key)
        .map(|record| record.name())
        .unwrap_or_default()
}

fn suggested_rows(project: &Project, side: Side, in_marked: &HashSet<String>, table: &mut Table) {
    let not_duplicates: HashSet<(&str, &str)> = project
        .not_duplicate_marks()
        .into_iter()
        .filter_map(|mark| Some((mark.first.key.as_str(), mark.second.as_ref()?.key.as_str())))
        .flat_map(|(a, b)| [(a, b), (b, a)])
        .collect();
    let clusters = project.suggestions().clusters.iter().enumerate();
    for (index, cluster) in clusters.filter(|(_, c)| c.side == side) {
        let members: Vec<&String> = cluster
            .members
            .iter()
            .filter(|key| !in_marked.contains(*key))
            .collect();
        let contradicted = members.iter().any(|a| {
            members
                .iter()
                .any(|b| not_duplicates.contains(&(a.as_str(), b.as_str())))
        });
        if members.len() < 2 || contradicted {
            continue;
        }
        let keys: Vec<&str> = members.iter().map(|key| key.as_str()).collect();
        let Some(master) = project.cluster_master(side, &keys) else {
            continue;
        };
        for key in &members {
            let role = if key.as_str() == master {
                "master"
            } else {
                "duplicate"
            };
            let row = [
                Cell::text(side.as_str()),
                Cell::count(index + 1),
                Cell::text("suggested"),
                Cell::Text(exported_id(project, side, master)),
                Cell::Text(exported_id(project, side, key)),
                Cell::text(name(project, side, key)),
                Cell::text(role),
                Cell::Number(cluster.probability),
                Cell::Empty,
                Cell::Empty,
                Cell::text(cluster.reason.as_str()),
            ];
            table.push(row.to_vec());
        }
    }
}
