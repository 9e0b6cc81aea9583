//! The Summary sheet of `reconciliation.xlsx`: what was exported, from which lists, under
//! which policy, where the workshop stands, who took part and when, and the notes an importer
//! must read (proposed numbers, rows a sheet could not hold ...).

use std::collections::BTreeMap;

use crate::core::model::Side;
use crate::core::project::{AuditRow, Project};

use super::table::{Cell, Table};

/// The sheet name.
pub const SHEET: &str = "Summary";

/// One line per person: how many log entries, first and last time.
fn participants(audit: &[AuditRow]) -> BTreeMap<&str, (usize, &str, &str)> {
    let mut people: BTreeMap<&str, (usize, &str, &str)> = BTreeMap::new();
    for row in audit {
        let entry = people
            .entry(row.by.as_str())
            .or_insert((0, row.at.as_str(), row.at.as_str()));
        entry.0 += 1;
        entry.1 = entry.1.min(row.at.as_str());
        entry.2 = entry.2.max(row.at.as_str());
    }
    people
}

fn list_line(project: &Project, side: Side) -> String {
    let list = project.list(side);
    let file = &list.dataset.report.file;
    let file = if file.is_empty() { "(unnamed)" } else { file };
    format!(
        "{file}: {} records, imported {} by {} (generation {})",
        list.len(),
        list.imported_at,
        list.imported_by,
        list.generation
    )
}

/// The summary table. `files` gives each exported file with its data rows.
pub fn summary_table(
    project: &Project,
    audit: &[AuditRow],
    files: &[(&str, usize)],
    exported_at: &str,
    notes: &[String],
) -> Table {
    let mut table = Table::with_header("", SHEET, &["item", "value"]);
    let mut line = |item: &str, value: Cell| table.push(vec![Cell::text(item), value]);
    line("Project", Cell::text(project.file().display().to_string()));
    line("Exported at (UTC)", Cell::text(exported_at));
    line("Creation policy", Cell::text(project.policy().describe()));
    line("CRM list", Cell::text(list_line(project, Side::Crm)));
    line("ERP list", Cell::text(list_line(project, Side::Erp)));
    let status = project.status();
    let counts = [
        ("Suggested pairs", status.suggested),
        ("Links in effect", status.accepted),
        ("Rejected pairs", status.rejected),
        ("Open suggestions", status.open),
        ("Decisions whose records changed since", status.stale),
        ("Decided: create in ERP", status.actions.create_in_erp),
        ("Decided: create in CRM", status.actions.create_in_crm),
        ("Decided: ignore", status.actions.ignore),
        (
            "By default: create in ERP",
            status.default_actions.create_in_erp,
        ),
        (
            "By default: create in CRM",
            status.default_actions.create_in_crm,
        ),
        (
            "CRM customers needing an ERP account",
            status.needs_erp_account,
        ),
        ("Duplicate marks", status.duplicates),
    ];
    for (item, count) in counts {
        line(item, Cell::count(count));
    }
    for (name, rows) in files {
        line(&format!("Rows in {name}"), Cell::count(*rows));
    }
    let first = audit.iter().map(|row| row.at.as_str()).min().unwrap_or("");
    let last = audit.iter().map(|row| row.at.as_str()).max().unwrap_or("");
    line("First decision (UTC)", Cell::text(first));
    line("Last decision (UTC)", Cell::text(last));
    for (person, (entries, from, until)) in participants(audit) {
        line(
            &format!("Took part: {person}"),
            Cell::text(format!("{entries} log entries, {from} to {until}")),
        );
    }
    for note in notes {
        line("Note", Cell::text(note.as_str()));
    }
    table
}
