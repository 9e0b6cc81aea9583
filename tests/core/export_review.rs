//! The round trip of `review.xlsx`: exported, filled in as a sales manager would (a modified
//! copy written with rust_xlsxwriter), and applied with `apply_review` against the project as
//! it is by then.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use std::path::{Path, PathBuf};

use calamine::Data;
use ledgerlink::core::export::{ExportOptions, ReviewError, apply_review, export_project};
use ledgerlink::core::model::Side;
use ledgerlink::core::project::{Decision, DecisionKind, Project};
use rust_xlsxwriter::Workbook;

use export_support::{CRM_COLUMNS, crm_rows, dataset, read_sheet, suggestions, text, workshop};

/// Export the workshop and return the project and the review workbook.
fn exported(dir: &Path) -> (Project, PathBuf) {
    let (_, project) = workshop(dir, "both");
    export_project(&project, &dir.join("out"), &ExportOptions::default()).unwrap();
    (project, dir.join("out/review.xlsx"))
}

/// A copy of the review sheet at `to` with the Decision and Note cells of the rows naming
/// (CRM id, ERP id) set; every other cell is copied as it was.
fn fill(from: &Path, to: &Path, answers: &[(&str, &str, &str, &str)]) {
    let cells = read_sheet(from, "Review");
    let header: Vec<String> = cells[0].iter().map(text).collect();
    let at = |name: &str| header.iter().position(|cell| cell == name).unwrap() as u16;
    let (decision, note, crm, erp) = (at("Decision"), at("Note"), at("CRM id"), at("ERP id"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    for (row_index, row) in cells.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            let (row_number, column) = (row_index as u32, column as u16);
            match cell {
                Data::String(value) => sheet.write_string(row_number, column, value).map(drop),
                Data::Float(value) => sheet.write_number(row_number, column, *value).map(drop),
                _ => Ok(()),
            }
            .unwrap();
        }
        let ids = (text(&row[crm as usize]), text(&row[erp as usize]));
        if let Some(answer) = answers
            .iter()
            .find(|a| (a.0, a.1) == (ids.0.as_str(), ids.1.as_str()))
        {
            sheet
                .write_string(row_index as u32, decision, answer.2)
                .unwrap();
            sheet
                .write_string(row_index as u32, note, answer.3)
                .unwrap();
        }
    }
    workbook.save(to).unwrap();
}

crate::on_both_stores! {
fn decisions_come_back_as_if_taken_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, review) = exported(dir.path());
    let filled = dir.path().join("filled.xlsx");
    fill(
        &review,
        &filled,
        &[
            ("001D", "00456", "Accept", "checked by phone"),
            ("001G", "00800", "reject", ""),
            // An alternative for a record the first row links: a conflicting accept.
            ("001G", "00456", "accept", ""),
        ],
    );
    let report = apply_review(&mut project, &filled, "maria").unwrap();
    let applied: Vec<(usize, &str, DecisionKind)> = report
        .applied
        .iter()
        .map(|row| (row.row, row.crm.as_str(), row.kind))
        .collect();
    assert_eq!(
        applied,
        [
            (2, "001D", DecisionKind::Accept),
            (3, "001G", DecisionKind::Reject)
        ]
    );
    assert_eq!(report.refused.len(), 1);
    let refused = &report.refused[0];
    assert_eq!((refused.row, refused.sheet.as_str()), (4, "Review"));
    let message = refused.to_string();
    assert!(
        message.contains("filled.xlsx, sheet Review, row 4"),
        "{message}"
    );
    assert!(
        message.contains("00456") && message.contains("001D"),
        "{message}"
    );

    let reopened = Project::open(project.file()).unwrap();
    let accepted = reopened.pair_decision("001D", "00456").unwrap();
    assert_eq!(accepted.kind, DecisionKind::Accept);
    assert_eq!(accepted.by, "maria");
    assert_eq!(accepted.note.as_deref(), Some("checked by phone"));
    assert_eq!(accepted.score, Some(0.8));
    let rejected = reopened.pair_decision("001G", "00800").unwrap();
    assert_eq!(rejected.kind, DecisionKind::Reject);
    assert_eq!(rejected.note, None);
    assert!(reopened.pair_decision("001G", "00456").is_none());
    // Undo works on them as on any decision.
    assert_eq!(
        reopened.next_undo("maria").unwrap().kind,
        DecisionKind::Reject
    );
}

fn pairs_decided_meanwhile_are_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, review) = exported(dir.path());
    let filled = dir.path().join("filled.xlsx");
    fill(
        &review,
        &filled,
        &[
            ("001D", "00456", "reject", "not them"),
            ("001G", "00800", "unsure", ""),
        ],
    );
    // Someone accepts the pair in the workshop after the export, from another program.
    let mut other = Project::open(project.file()).unwrap();
    let accept = Decision::Accept {
        crm: "001D".to_string(),
        erp: "00456".to_string(),
    };
    other.decide(&accept, "anna", None).unwrap();
    let report = apply_review(&mut project, &filled, "maria").unwrap();
    assert!(report.applied.is_empty());
    assert_eq!(report.unsure, 1);
    assert_eq!(report.blank, 1);
    assert_eq!(report.refused.len(), 1);
    assert!(
        report.refused[0]
            .reason
            .contains("no longer open: accept by anna"),
        "{}",
        report.refused[0]
    );
    assert_eq!(
        project.pair_decision("001D", "00456").unwrap().kind,
        DecisionKind::Accept
    );
    // "unsure" flags the pair as the U key does, and leaves it open.
    assert!(project.is_unsure("001G", "00800"));
    assert!(project.pair_decision("001G", "00800").is_none());
}

fn records_changed_since_the_export_and_unknown_answers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, review) = exported(dir.path());
    let filled = dir.path().join("filled.xlsx");
    fill(
        &review,
        &filled,
        &[
            ("001D", "00456", "accept", ""),
            ("001G", "00800", "maybe", ""),
        ],
    );
    // A newer CRM export in which Crane moved.
    let mut rows = crm_rows();
    rows[3][2] = "99 Other Road".to_string();
    project
        .reimport_with(
            Side::Crm,
            dataset("crm2.csv", &CRM_COLUMNS, &rows),
            None,
            "anna",
            |_, _, _| suggestions(),
        )
        .unwrap();
    let report = apply_review(&mut project, &filled, "maria").unwrap();
    assert!(report.applied.is_empty());
    let reasons: Vec<(usize, &str)> = report
        .refused
        .iter()
        .map(|row| (row.row, row.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].1.contains("CRM record 001D changed"),
        "{reasons:?}"
    );
    assert_eq!(reasons[1].0, 3);
    assert!(reasons[1].1.contains("'maybe'"), "{reasons:?}");
}

fn a_workbook_that_is_not_a_review_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = exported(dir.path());
    let other = dir.path().join("out/reconciliation.xlsx");
    let error = apply_review(&mut project, &other, "maria").unwrap_err();
    assert!(matches!(error, ReviewError::NoReviewSheet { .. }));
    assert!(error.to_string().contains("reconciliation.xlsx"), "{error}");
    assert!(error.is_bad_input());

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    sheet.write_string(0, 0, "Decision").unwrap();
    sheet.write_string(0, 1, "CRM id").unwrap();
    let broken = dir.path().join("broken.xlsx");
    workbook.save(&broken).unwrap();
    let error = apply_review(&mut project, &broken, "maria").unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("broken.xlsx, sheet Review, row 1: no column 'ERP id'"),
        "{message}"
    );

    std::fs::write(
        dir.path().join("garbage.xlsx"),
        b"PK\x03\x04 not really a zip",
    )
    .unwrap();
    let error = apply_review(&mut project, &dir.path().join("garbage.xlsx"), "m").unwrap_err();
    assert!(error.to_string().contains("garbage.xlsx"), "{error}");
}

fn a_pair_answered_twice_takes_the_first_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = exported(dir.path());
    // A hand-made sheet with only the columns apply-review needs, one pair twice.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Review").unwrap();
    let rows = [
        ["CRM id", "ERP id", "Decision", "Note"],
        ["001D", "00456", "reject", "different firm"],
        ["001G", "00800", "accept", "different firm"],
        ["001D", "00456", "accept", ""],
    ];
    for (row, cells) in rows.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            sheet
                .write_string(row as u32, column as u16, *cell)
                .unwrap();
        }
    }
    let file = dir.path().join("twice.xlsx");
    workbook.save(&file).unwrap();
    let report = apply_review(&mut project, &file, "maria").unwrap();
    assert_eq!(report.applied.len(), 2);
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].row, 4);
    assert!(
        report.refused[0].reason.contains("reject by maria"),
        "{}",
        report.refused[0]
    );
    let accepted = project.pair_decision("001G", "00800").unwrap();
    assert_eq!(accepted.note.as_deref(), Some("different firm"));
    assert_eq!(
        project.pair_decision("001D", "00456").unwrap().kind,
        DecisionKind::Reject
    );
}

fn one_undo_takes_back_a_whole_apply_review_run() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, review) = exported(dir.path());
    project
        .decide(
            &Decision::Reject {
                crm: "001G".into(),
                erp: "00456".into(),
            },
            "maria",
            Some("before the run"),
        )
        .unwrap();
    let filled = dir.path().join("filled.xlsx");
    // Two notes: the rows are committed in two transactions, still one batch.
    fill(
        &review,
        &filled,
        &[
            ("001D", "00456", "Accept", "checked by phone"),
            ("001G", "00800", "reject", ""),
        ],
    );
    let report = apply_review(&mut project, &filled, "maria").unwrap();
    assert_eq!(report.applied.len(), 2);
    let undone = project.undo("maria").unwrap();
    let keys: Vec<&str> = undone
        .iter()
        .map(|entry| entry.first.key.as_str())
        .collect();
    assert_eq!(keys, ["001G", "001D"], "the run, latest first");
    assert_eq!(undone[0].batch, undone[1].batch);
    assert!(project.pair_decision("001D", "00456").is_none());
    assert!(
        project.pair_decision("001G", "00456").is_some(),
        "the decision before the run stays"
    );
    assert_eq!(project.redo("maria").unwrap().len(), 2);
}
}
