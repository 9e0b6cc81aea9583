//! End to end on the bundled demo lists (300 firms): `new`, the review workbook filled in
//! offline (every confident pair accepted), `apply-review`, and a second `export` whose files
//! name the records exactly as the source exports do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use calamine::Data;
use ledgerlink::core::import::import_file;
use ledgerlink::core::model::Role;
use rust_xlsxwriter::Workbook;

use export_support::{column, read_csv, read_sheet, text};

fn ledgerlink(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_ledgerlink"))
        .args(args)
        .env("USER", "finance-head")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn ids(file: &str) -> HashSet<String> {
    let dataset = import_file(file, &[]).unwrap();
    let id = dataset.column_of(Role::Id).unwrap();
    (0..dataset.len())
        .map(|row| dataset.cells.cell(row, id).to_string())
        .collect()
}

/// A copy of the review sheet with "accept" in the Decision cell of every `auto` row.
fn accept_auto_rows(from: &Path, to: &Path) -> usize {
    let cells = read_sheet(from, "Review");
    let band = cells[0]
        .iter()
        .position(|cell| text(cell) == "Band")
        .unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    let mut accepted = 0;
    for (row, cells) in cells.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            match cell {
                Data::String(value) => sheet.write_string(row as u32, column as u16, value),
                Data::Float(value) => sheet.write_number(row as u32, column as u16, *value),
                _ => continue,
            }
            .unwrap();
        }
        if row > 0 && text(&cells[band]) == "auto" {
            sheet.write_string(row as u32, 0, "accept").unwrap();
            accepted += 1;
        }
    }
    workbook.save(to).unwrap();
    accepted
}

#[test]
fn the_demo_workshop_round_trips_through_excel() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.ledgerlink");
    let (crm, erp) = (
        "assets/demo/crm_accounts.csv",
        "assets/demo/erp_customers.xlsx",
    );
    let project_arg = project.to_str().unwrap();
    ledgerlink(&["new", project_arg, "--crm", crm, "--erp", erp]);
    let first = dir.path().join("first");
    ledgerlink(&["export", project_arg, "--out", first.to_str().unwrap()]);
    let filled = dir.path().join("reviewed.xlsx");
    let accepted = accept_auto_rows(&first.join("review.xlsx"), &filled);
    assert!(
        accepted > 100,
        "the demo has many confident pairs: {accepted}"
    );
    ledgerlink(&["apply-review", project_arg, filled.to_str().unwrap()]);

    let second = dir.path().join("second");
    ledgerlink(&["export", project_arg, "--out", second.to_str().unwrap()]);
    let (_, links) = read_csv(&second.join("links.csv"));
    assert_eq!(links.len(), accepted);
    let (crm_ids, erp_ids) = (ids(crm), ids(erp));
    for link in &links {
        assert!(crm_ids.contains(&link[0]), "{link:?}");
        assert!(
            erp_ids.contains(&link[1]),
            "ERP ids keep their zeros: {link:?}"
        );
        assert_eq!(link[5], "finance-head");
    }
    let (header, updates) = read_csv(&second.join("crm_updates.csv"));
    assert_eq!(header, ["Id", "ERP_Customer_No__c"]);
    assert!(!updates.is_empty());
    assert!(updates.iter().all(|row| erp_ids.contains(&row[1])));
    let workbook = second.join("reconciliation.xlsx");
    let sheet = read_sheet(&workbook, "Links");
    assert_eq!(
        column(&sheet, "erp_id"),
        links.iter().map(|l| l[1].clone()).collect::<Vec<_>>()
    );
    // What was accepted left the review, and so did the runner-ups of the linked records.
    let review = read_sheet(&second.join("review.xlsx"), "Review");
    let linked: HashSet<&String> = links.iter().flat_map(|link| [&link[0], &link[1]]).collect();
    let (crm_column, erp_column) = (column(&review, "CRM id"), column(&review, "ERP id"));
    assert!(!crm_column.is_empty());
    for (crm_id, erp_id) in crm_column.iter().zip(&erp_column) {
        assert!(
            !linked.contains(crm_id) && !linked.contains(erp_id),
            "{crm_id} {erp_id}"
        );
    }
    let first_rows = read_sheet(&first.join("review.xlsx"), "Review").len();
    assert!(review.len() + accepted <= first_rows);
}
