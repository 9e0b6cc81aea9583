//! `links.csv`: every link in effect (accepted, or linked by hand), with both names, the score
//! matching gave, who decided and when, and the note. It names records by their id exactly as
//! exported (spaces included; the project compares them trimmed); a repeated id carries its
//! `#2` suffix and a record without an id its `row17` key, so every line names exactly one
//! record.

use crate::core::model::Side;
use crate::core::project::{DecisionEntry, Project};

use super::records::exported_id;
use super::table::{Cell, Table};

/// The file name.
pub const FILE: &str = "links.csv";

/// The columns; the first eight are the command-line contract.
pub const HEADER: [&str; 10] = [
    "crm_id",
    "erp_id",
    "crm_name",
    "erp_name",
    "score",
    "decided_by",
    "decided_at",
    "note",
    "decision",
    "changed_since",
];

/// The links table.
pub fn links_table(project: &Project) -> Table {
    let mut table = Table::with_header(FILE, "Links", &HEADER);
    let stale: std::collections::HashMap<i64, String> = project
        .stale_decisions()
        .into_iter()
        .map(|stale| {
            let mut what: Vec<String> = Vec::new();
            what.extend(
                stale
                    .staleness
                    .changed
                    .iter()
                    .map(|r| format!("{r} changed")),
            );
            what.extend(
                stale
                    .staleness
                    .missing
                    .iter()
                    .map(|r| format!("{r} missing")),
            );
            (stale.entry.seq, what.join("; "))
        })
        .collect();
    for entry in project.links() {
        if let Some(row) = link_row(project, entry, stale.get(&entry.seq)) {
            table.push(row);
        }
    }
    table
}

fn link_row(project: &Project, entry: &DecisionEntry, stale: Option<&String>) -> Option<Vec<Cell>> {
    let (crm, erp) = entry.pair()?;
    let name = |side: Side, key: &str| {
        project
            .record(side, key)
            .map(|record| record.name())
            .unwrap_or_default()
    };
    Some(vec![
        Cell::Text(exported_id(project, Side::Crm, crm)),
        Cell::Text(exported_id(project, Side::Erp, erp)),
        Cell::text(name(Side::Crm, crm)),
        Cell::text(name(Side::Erp, erp)),
        Cell::number(entry.score),
        Cell::text(entry.by.as_str()),
        Cell::text(entry.at.as_str()),
        Cell::text(entry.note.clone().unwrap_or_default()),
        Cell::text(entry.kind.as_str()),
        Cell::text(stale.cloned().unwrap_or_default()),
    ])
}
