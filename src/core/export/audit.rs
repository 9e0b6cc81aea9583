//! `audit.csv`: the whole decision log, oldest first, for the auditors' file. Nothing is left
//! out: undone decisions stay, marked `undone` (redo can still put them back) or `dropped`
//! (undone, then replaced by a later decision), and undo, redo and re-import appear as events
//! of their own (`target` names the decision an undo or redo moved). `batch` (the last column)
//! numbers the decisions taken together, by the `seq` of the first: a bulk accept or an
//! `apply-review` run is one batch, and its undo entries carry the same number.

use crate::core::project::AuditRow;

use super::table::{Cell, Table};

/// The file name.
pub const FILE: &str = "audit.csv";

/// The columns.
pub const HEADER: [&str; 15] = [
    "seq",
    "at",
    "by",
    "action",
    "first_side",
    "first_id",
    "second_side",
    "second_id",
    "score",
    "note",
    "state",
    "target",
    "first_hash",
    "second_hash",
    "batch",
];

/// `crm:C1` as (`crm`, `C1`).
fn split_record(record: Option<&String>) -> (Cell, Cell) {
    match record.and_then(|text| text.split_once(':')) {
        Some((side, key)) => (Cell::text(side), Cell::text(key)),
        None => (Cell::Empty, Cell::Empty),
    }
}

/// The audit table from the project's log.
pub fn audit_table(rows: &[AuditRow]) -> Table {
    let mut table = Table::with_header(FILE, "Audit", &HEADER);
    for row in rows {
        let (first_side, first_id) = split_record(row.first.as_ref());
        let (second_side, second_id) = split_record(row.second.as_ref());
        table.push(vec![
            Cell::Number(row.seq as f64),
            Cell::text(row.at.as_str()),
            Cell::text(row.by.as_str()),
            Cell::text(row.action.as_str()),
            first_side,
            first_id,
            second_side,
            second_id,
            Cell::number(row.score),
            Cell::text(row.note.clone().unwrap_or_default()),
            Cell::text(row.state.as_str()),
            Cell::number(row.target.map(|target| target as f64)),
            Cell::text(row.first_hash.clone().unwrap_or_default()),
            Cell::text(row.second_hash.clone().unwrap_or_default()),
            Cell::number(row.batch.map(|batch| batch as f64)),
        ]);
    }
    table
}
